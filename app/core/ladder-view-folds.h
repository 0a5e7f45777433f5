/* ladder-view-folds.h — how a big chart opens: its top levels, deeper
 * teams folded by the view (SPEC.md "What is the chart and what is the
 * view"), so that about a screenful of cards is drawn. */
#pragma once

#include "ladder-chart.h"

/* About a screenful of cards at a readable scale. */
#define LADDER_VIEW_FOLD_CARDS 60

/* When @chart has more than @max_cards people and no folds of its own,
 * folds as the view (ladder_chart_set_view_folded()) every team at the
 * deepest level down to which the chart has at most @max_cards people
 * (the roots and their reports always show).  Returns how many teams it
 * folded. */
guint ladder_view_fold_big (LadderChart *chart, guint max_cards);
