/* ladder-layout-private.h — what the layout's files share: the layout
 * itself, the scratch buffer's carver, the tidy-tree state
 * (ladder-layout.c builds it, ladder-layout-tidy.c places it) and the
 * spatial index (ladder-layout-query.c)
 */
#pragma once

#include "ladder-layout.h"

G_BEGIN_DECLS

struct _LadderLayout {
  guint      capacity;
  LadderBox *boxes;
  guint8    *alive;
  guint8    *kind;            /* how each person hangs from its manager */
  guint     *n_folded;
  guint     *conn_of;         /* index in connectors, or LADDER_NONE */
  guint     *manager;         /* visible manager, LADDER_NONE for roots */
  GArray    *connectors;      /* LadderConnector */
  guint     *visible;
  guint      n_visible;
  GArray    *dotted;          /* guint pairs */
  double     width, height;

  /* One buffer for every temporary array of a computation, kept from
   * one computation to the next: fresh memory costs page faults, which
   * for a big chart cost more than the layout itself. */
  char      *scratch;
  gsize      scratch_size;

  guint      n_bands;
  guint     *band_start;      /* n_bands + 1 */
  guint     *band_items;      /* band_capacity, as band_x */
  gsize      band_capacity;
  double    *band_x;          /* where each entry of band_items starts, ascending per band */
  double    *band_reach;      /* per band: the widest entry's width */
  char      *index_scratch;   /* the index's working arrays, kept */
  gsize      index_scratch_size;
};

/* The tidy-tree state, one entry per block (node 0: a virtual root above
 * every tree of the chart). */
typedef struct {
  guint   n;
  guint  *person;
  guint  *parent;
  guint  *kid_start, *n_kids, *kids;
  double *left, *right, *height, *top, *bottom;
  double *prelim, *mod, *shift, *change, *msel, *mser;
  guint  *el, *er, *tl, *tr;
  double *iyl_low;
  guint  *iyl_index;
} LadderLayoutTidy;

/* Hands out pieces of the layout's scratch buffer. */
typedef struct {
  char  *base;
  gsize  used, size;
} LadderCarver;

#define LADDER_CARVE(carver, type, count) \
  ((type *) ladder_carve ((carver), sizeof (type) * (gsize) (count)))

static inline gpointer
ladder_carve (LadderCarver *carver, gsize bytes)
{
  gpointer piece = carver->base + carver->used;

  carver->used += (bytes + 15) & ~(gsize) 15;
  g_assert (carver->used <= carver->size);
  return piece;
}

/* Places every block; fills @x with anchor positions (centre of the
 * manager's card).  When @mirrored, children are taken right to left and
 * the block extents swapped, and the result is mirrored back. */
void ladder_layout_tidy_place  (LadderLayoutTidy *t, gboolean mirrored, double *x);
/* Moves the trees of the chart (the virtual root's children) apart so
 * that each one's whole width comes after the one before it, with
 * LADDER_ROOT_GAP between: a tree is never tucked into the top row above
 * a wider neighbour's reports, where it would look as if it reported
 * there. */
void ladder_layout_tidy_separate_trees (LadderLayoutTidy *t, double *x);

/* Items are the visible cards and their managers' connectors; @carver
 * has room for six guints per slot. */
void ladder_layout_build_index (LadderLayout *layout, LadderCarver *carver);

G_END_DECLS
