/* ladder-layout.h — tidy automatic layout, linear time, no recursion */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

/* Chart units are pixels at 100% zoom. */
#define LADDER_CARD_WIDTH   180.0
#define LADDER_CARD_HEIGHT   80.0   /* a name and a title on two lines */
#define LADDER_H_GAP         24.0   /* between neighbouring cards */
#define LADDER_V_GAP         48.0   /* between a manager and its row of reports */
#define LADDER_ROOT_GAP      64.0   /* between separate trees (unattached people) */
#define LADDER_SLOT_GAP      16.0   /* between an assistant or stacked card and the line */

typedef struct {
  double x, y;                 /* top-left of the card */
  double width, height;
  guint  visible : 1;          /* FALSE when folded away under a collapsed manager */
  guint  stacked : 1;          /* compact: in a column under the manager */
  guint  assistant : 1;        /* in the assistant slot beside the manager's line */
} LadderBox;

/* The lines that leave a manager: a vertical trunk from the bottom of its
 * card, and a horizontal bus over its row of reports.  A report in the
 * row joins the bus with a vertical stub from the top of its card; an
 * assistant or stacked report joins the trunk with a horizontal stub at
 * its middle (see ladder_layout_get_link). */
typedef struct {
  double trunk_x, trunk_y0, trunk_y1;
  double bus_y, bus_x0, bus_x1;  /* bus_x0 > bus_x1: no bus */
} LadderConnector;

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

/* ---- for the renderer ---- */

/* Visible people, in pre-order. */
const guint     *ladder_layout_get_visible (LadderLayout *layout, guint *n_visible);
/* The lines below @person, or NULL when it has no visible report. */
const LadderConnector *ladder_layout_get_connector (LadderLayout *layout, guint person);
/* The stub that joins @person to its manager's lines: from (x0, y0) on
 * its card to (x1, y1) on the trunk or the bus.  FALSE for a root or a
 * hidden person. */
gboolean         ladder_layout_get_link   (LadderLayout *layout, guint person,
                                           double *x0, double *y0, double *x1, double *y1);
/* Dotted lines whose two ends are visible, as (from, to) pairs. */
const guint     *ladder_layout_get_dotted (LadderLayout *layout, guint *n_pairs);

/* Walks the cards and connectors that meet a rectangle, each once, in
 * time proportional to what is found (plus a binary search per band of
 * the rectangle), however wide the chart.  No allocation. */
typedef struct {
  LadderLayout *layout;
  double x0, y0, x1, y1;
  guint band, last_band, pos, end;
  guint n_tested;   /* entries of the index looked at so far (for tests) */
} LadderLayoutIter;

typedef enum {
  LADDER_ITEM_CARD,        /* a card and the stub above it */
  LADDER_ITEM_CONNECTOR,   /* a manager's trunk and bus */
} LadderItemKind;

void             ladder_layout_iter_init  (LadderLayoutIter *iter, LadderLayout *layout,
                                           double x, double y, double width, double height);
gboolean         ladder_layout_iter_next  (LadderLayoutIter *iter, guint *person,
                                           LadderItemKind *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderLayout, ladder_layout_free)

G_END_DECLS
