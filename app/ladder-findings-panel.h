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
/* The index of the selected row's finding, or G_MAXUINT. */
guint ladder_findings_panel_get_selected (LadderFindingsPanel *self);

G_END_DECLS
