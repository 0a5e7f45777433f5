/* ladder-compare-panel.h — the changes since another chart, in the side
 * panel while the window compares
 *
 * A legend of the marks on the cards, the summary line, and one row a
 * change (added, moved, changed, removed, new and fixed findings).  A row
 * about someone on the open chart emits "person-activated" (guint person
 * of the open chart) when activated.  Its button and Escape activate
 * win.compare-leave.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-chart.h"
#include "ladder-diff.h"

G_BEGIN_DECLS

#define LADDER_TYPE_COMPARE_PANEL (ladder_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (LadderComparePanel, ladder_compare_panel, LADDER, COMPARE_PANEL, GtkWidget)

/* Lists @diff's changes between @old_chart, read from @old_name, and
 * @new_chart (the open one); nothing of them is kept but indices. */
void   ladder_compare_panel_show_diff     (LadderComparePanel *self, LadderDiff *diff,
                                           LadderChart *old_chart, LadderChart *new_chart,
                                           const char *old_name);
/* The rows, for tests: how many, the person of the open chart a row goes
 * to (LADDER_NONE: none), and its words. */
guint  ladder_compare_panel_get_n_rows    (LadderComparePanel *self);
guint  ladder_compare_panel_get_row_person (LadderComparePanel *self, guint row);
const char *ladder_compare_panel_get_row_text (LadderComparePanel *self, guint row);
const char *ladder_compare_panel_get_summary (LadderComparePanel *self);
/* What activating row @row does. */
void   ladder_compare_panel_activate_row  (LadderComparePanel *self, guint row);

G_END_DECLS
