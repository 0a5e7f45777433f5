/* ladder-findings-panel.h — every finding of the chart, with its "why"
 *
 * Emits "person-activated" (guint person) when a finding is chosen.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-chart.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FINDINGS_PANEL (ladder_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (LadderFindingsPanel, ladder_findings_panel, LADDER, FINDINGS_PANEL, GtkWidget)

/* Borrowed: valid until the next call. */
void ladder_findings_panel_set_findings (LadderFindingsPanel *self, LadderChart *chart,
                                         LadderFindings *findings);
/* Selects the row of finding @index and scrolls it into view, without
 * taking the focus (G_MAXUINT, or a finding past the rows shown: no row
 * is selected). */
void  ladder_findings_panel_select     (LadderFindingsPanel *self, guint index);
/* The index of the selected row's finding (its first), or G_MAXUINT. */
guint ladder_findings_panel_get_selected (LadderFindingsPanel *self);
/* The finding of the row after (@direction +1) or before (-1) the row of
 * finding @index, round the end; from G_MAXUINT, the first or last row's.
 * G_MAXUINT when there is none.  Rows go errors, warnings, notes, each in
 * chart order; the findings about one reporting line share a row. */
guint ladder_findings_panel_step         (LadderFindingsPanel *self, guint index, int direction);
/* The row (0 the top) showing finding @index, or G_MAXUINT. */
guint ladder_findings_panel_get_row      (LadderFindingsPanel *self, guint index);
guint ladder_findings_panel_get_n_rows   (LadderFindingsPanel *self);
/* The canvas selected @person (LADDER_NONE: no one): their first row is
 * selected, now and after each update, unless one of theirs already is. */
void  ladder_findings_panel_follow       (LadderFindingsPanel *self, guint person);

G_END_DECLS
