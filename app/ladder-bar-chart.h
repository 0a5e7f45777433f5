/* ladder-bar-chart.h — a horizontal bar chart of counts, drawn with cairo
 *
 * One row a bar: its label, the bar and its value.  A bar is chosen with
 * a click, or with the arrow keys and Enter; the chart then emits
 * "bar-activated" (guint index).  Colours come from the theme, so the
 * chart reads in the light, dark and high-contrast styles.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LADDER_BAR_NONE G_MAXUINT

#define LADDER_TYPE_BAR_CHART (ladder_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (LadderBarChart, ladder_bar_chart, LADDER, BAR_CHART, GtkWidget)

GtkWidget  *ladder_bar_chart_new        (void);

/* What the chart shows, in words, for assistive technology. */
void        ladder_bar_chart_set_title  (LadderBarChart *self, const char *title);
/* Copies @labels and @values (@n_bars each); the chosen bar is kept when
 * the same label is still there, else none is chosen. */
void        ladder_bar_chart_set_bars   (LadderBarChart *self, const char *const *labels,
                                         const guint *values, guint n_bars);
guint       ladder_bar_chart_get_n_bars (LadderBarChart *self);
const char *ladder_bar_chart_get_label  (LadderBarChart *self, guint index);
guint       ladder_bar_chart_get_value  (LadderBarChart *self, guint index);

/* The chosen bar (LADDER_BAR_NONE: none), drawn marked.  Setting it does
 * not emit "bar-activated". */
guint       ladder_bar_chart_get_chosen (LadderBarChart *self);
void        ladder_bar_chart_set_chosen (LadderBarChart *self, guint index);
/* What a click on bar @index does: chooses it and emits "bar-activated". */
void        ladder_bar_chart_activate   (LadderBarChart *self, guint index);

G_END_DECLS
