/* ladder-layout.h — tidy automatic layout, linear time, no recursion */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

/* Chart units are pixels at 100% zoom. */
#define LADDER_CARD_WIDTH   180.0
#define LADDER_CARD_HEIGHT   64.0
#define LADDER_H_GAP         24.0   /* between neighbouring cards */
#define LADDER_V_GAP         48.0   /* between a manager and its row of reports */

typedef struct {
  double x, y;                 /* top-left of the card */
  double width, height;
  guint  visible : 1;          /* FALSE when folded away under a collapsed manager */
  guint  stacked : 1;          /* compact: in a column under the manager */
} LadderBox;

typedef struct _LadderLayout LadderLayout;

LadderLayout    *ladder_layout_new        (void);
void             ladder_layout_free       (LadderLayout *layout);
/* Computes positions for every live person of @chart, with the chart's
 * layout kind. */
void             ladder_layout_compute    (LadderLayout *layout, LadderChart *chart);
/* Box of @person (indexed by chart slot); NULL for removed slots. */
const LadderBox *ladder_layout_get_box    (LadderLayout *layout, guint person);
void             ladder_layout_get_extents(LadderLayout *layout, double *width, double *height);
/* The person whose card contains (x, y), or LADDER_NONE. */
guint            ladder_layout_hit        (LadderLayout *layout, double x, double y);
/* Number of people folded under @person (0 unless collapsed). */
guint            ladder_layout_get_n_folded (LadderLayout *layout, guint person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderLayout, ladder_layout_free)

G_END_DECLS
