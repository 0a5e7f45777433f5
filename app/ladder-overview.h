/* ladder-overview.h — the shape of the organisation, in the side panel
 *
 * Head counts, layers and spans of control (ladder-stats.h) with bar
 * charts of the levels, the span histogram, the roles, and the vacancies
 * and managers with one report.  Choosing a bar lists its people and
 * emits "chosen-changed" (the window highlights them on the canvas); a
 * listed person activated emits "person-activated" (guint person).  The
 * figures are counted again in an idle after the chart changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-bar-chart.h"
#include "ladder-catalogue.h"
#include "ladder-chart.h"

G_BEGIN_DECLS

typedef enum {
  LADDER_OVERVIEW_ATTENTION,  /* vacancies, managers with one report */
  LADDER_OVERVIEW_LEVELS,
  LADDER_OVERVIEW_SPANS,
  LADDER_OVERVIEW_ROLES,
  LADDER_OVERVIEW_N_CHARTS
} LadderOverviewChart;

#define LADDER_TYPE_OVERVIEW (ladder_overview_get_type ())
G_DECLARE_FINAL_TYPE (LadderOverview, ladder_overview, LADDER, OVERVIEW, GtkWidget)

void            ladder_overview_bind        (LadderOverview *self, LadderChart *chart,
                                             LadderCatalogue *catalogue);
/* Counts now what the idle would count. */
void            ladder_overview_update      (LadderOverview *self);
LadderBarChart *ladder_overview_get_chart   (LadderOverview *self, LadderOverviewChart which);
/* What a click on a bar does (LADDER_BAR_NONE: nothing chosen). */
void            ladder_overview_choose      (LadderOverview *self, LadderOverviewChart which,
                                             guint bar);
/* The people of the chosen bar, in chart order (NULL, 0: none);
 * borrowed until the next update. */
const guint    *ladder_overview_get_chosen  (LadderOverview *self, guint *n_people);
/* The rows of the list of chosen people, for tests: how many, and the
 * person of row @row (LADDER_NONE for the "more" row). */
guint           ladder_overview_get_n_rows  (LadderOverview *self);
guint           ladder_overview_get_row_person (LadderOverview *self, guint row);
/* What activating row @row does. */
void            ladder_overview_activate_row (LadderOverview *self, guint row);
/* The figures above the charts as one line of text ("People: 4; ..."). */
char           *ladder_overview_dup_figures (LadderOverview *self);

G_END_DECLS
