/* ladder-layout.c — tidy automatic layout, linear time, no recursion
 *
 * Each visible manager forms a "block" with the cards that hang from its
 * own line: assistants beside the line and, in compact mode, a column or
 * two of reports who manage no one.  Blocks are then placed as a tidy
 * tree with van der Ploeg's non-layered version of Walker's algorithm
 * ("Drawing non-layered tidy trees in linear time", 2014): blocks may be
 * of different heights, and a tall block does not push its cousins down.
 * Both walks run over explicit arrays in (reverse) pre-order.
 *
 * Walker's algorithm packs subtrees from left to right, which is not
 * always exactly mirror-symmetric; we lay the tree out both ways and take
 * the mean.  The mean of two valid placements of the same tree (same y
 * for every block) is valid too, and a mirrored chart then gives exactly
 * the mirrored drawing.
 */
#include "config.h"

#include "ladder-layout.h"
#include "ladder-chart-private.h"

#include <math.h>
#include <string.h>

/* Spatial index: horizontal bands of the chart, each listing the items
 * that meet it (a card, or a connector with LADDER_ITEM_BIT set). */
#define BAND_HEIGHT 256.0
#define CONNECTOR_BIT 0x80000000u

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
  guint     *band_items;
};

#define W LADDER_CARD_WIDTH
#define H LADDER_CARD_HEIGHT
#define STACK_INDENT 24.0     /* one-column stack: shift right of the manager */
#define STACK_ONE_COLUMN_MAX 6

enum {
  KIND_ROOT,
  KIND_TREE,
  KIND_ASSISTANT,
  KIND_STACKED,
};

LadderLayout *
ladder_layout_new (void)
{
  LadderLayout *layout = g_new0 (LadderLayout, 1);

  layout->connectors = g_array_new (FALSE, FALSE, sizeof (LadderConnector));
  layout->dotted = g_array_new (FALSE, FALSE, sizeof (guint));
  return layout;
}

void
ladder_layout_free (LadderLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->boxes);
  g_free (layout->alive);
  g_free (layout->kind);
  g_free (layout->n_folded);
  g_free (layout->conn_of);
  g_free (layout->manager);
  g_free (layout->visible);
  g_free (layout->band_start);
  g_free (layout->band_items);
  g_free (layout->scratch);
  g_array_unref (layout->connectors);
  g_array_unref (layout->dotted);
  g_free (layout);
}

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
} Tidy;

/* Hands out pieces of the layout's scratch buffer. */
typedef struct {
  char  *base;
  gsize  used, size;
} Carver;

#define CARVE(carver, type, count) ((type *) carve ((carver), sizeof (type) * (gsize) (count)))

static gpointer
carve (Carver *carver, gsize bytes)
{
  gpointer piece = carver->base + carver->used;

  carver->used += (bytes + 15) & ~(gsize) 15;
  g_assert (carver->used <= carver->size);
  return piece;
}

/* An upper bound of what one computation carves, for @capacity slots. */
static gsize
scratch_bound (gsize capacity)
{
  gsize slots = capacity + 1;

  return slots * (11 * sizeof (guint) + 1)                   /* per slot */
         + slots * (11 * sizeof (guint) + 14 * sizeof (double)) /* per block */
         + 40 * 16;                                            /* alignment */
}

static inline guint
next_left (Tidy *t, guint v)
{
  return t->n_kids[v] == 0 ? t->tl[v] : t->kids[t->kid_start[v]];
}

static inline guint
next_right (Tidy *t, guint v)
{
  return t->n_kids[v] == 0 ? t->tr[v] : t->kids[t->kid_start[v] + t->n_kids[v] - 1];
}

static void
move_subtree (Tidy *t, const guint *kids, guint i, guint si, double dist)
{
  guint c = kids[i];

  t->mod[c] += dist;
  t->msel[c] += dist;
  t->mser[c] += dist;
  /* Spread the move over the smaller subtrees in between, so that they
   * do not all huddle on the left. */
  if (si != i - 1)
    {
      double nr = i - si;

      t->shift[kids[si + 1]] += dist / nr;
      t->shift[c] -= dist / nr;
      t->change[c] -= dist - dist / nr;
    }
}

static void
separate (Tidy *t, guint v, guint i, guint ih, double gap)
{
  const guint *kids = t->kids + t->kid_start[v];
  guint sr = kids[i - 1], cl = kids[i];
  double mssr = t->mod[sr], mscl = t->mod[cl];

  while (sr != LADDER_NONE && cl != LADDER_NONE)
    {
      double dist, sy, cy;

      while (ih > 0 && t->bottom[sr] > t->iyl_low[ih])
        ih--;
      dist = (mssr + t->prelim[sr] + t->right[sr] + gap) - (mscl + t->prelim[cl] - t->left[cl]);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (t, kids, i, t->iyl_index[ih], dist);
        }
      sy = t->bottom[sr];
      cy = t->bottom[cl];
      if (sy <= cy)
        {
          sr = next_right (t, sr);
          if (sr != LADDER_NONE)
            mssr += t->mod[sr];
        }
      if (sy >= cy)
        {
          cl = next_left (t, cl);
          if (cl != LADDER_NONE)
            mscl += t->mod[cl];
        }
    }

  /* Thread the shorter side's contour on to the longer one. */
  if (sr == LADDER_NONE && cl != LADDER_NONE)
    {
      guint first = kids[0], li = t->el[first];
      double diff = (mscl - t->mod[cl]) - t->msel[first];

      t->tl[li] = cl;
      t->mod[li] += diff;
      t->prelim[li] -= diff;
      t->el[first] = t->el[kids[i]];
      t->msel[first] = t->msel[kids[i]];
    }
  else if (sr != LADDER_NONE && cl == LADDER_NONE)
    {
      guint ri = t->er[kids[i]];
      double diff = (mssr - t->mod[sr]) - t->mser[kids[i]];

      t->tr[ri] = sr;
      t->mod[ri] += diff;
      t->prelim[ri] -= diff;
      t->er[kids[i]] = t->er[kids[i - 1]];
      t->mser[kids[i]] = t->mser[kids[i - 1]];
    }
}

/* Places every block; fills @x with anchor positions (centre of the
 * manager's card).  When @mirrored, children are taken right to left and
 * the block extents swapped, and the result is mirrored back. */
static void
tidy_place (Tidy *t, gboolean mirrored, double *x)
{
  guint n = t->n;

  if (mirrored)
    {
      for (guint v = 0; v < n; v++)
        {
          double l = t->left[v];
          guint *kids = t->kids + t->kid_start[v];

          t->left[v] = t->right[v];
          t->right[v] = l;
          for (guint a = 0, b = t->n_kids[v]; a + 1 < b; a++, b--)
            {
              guint s = kids[a];
              kids[a] = kids[b - 1];
              kids[b - 1] = s;
            }
        }
    }

  for (guint v = 0; v < n; v++)
    {
      t->prelim[v] = t->mod[v] = t->shift[v] = t->change[v] = 0;
      t->msel[v] = t->mser[v] = 0;
      t->el[v] = t->er[v] = v;
      t->tl[v] = t->tr[v] = LADDER_NONE;
    }

  /* First walk: children before parents. */
  for (guint v = n; v-- > 0;)
    {
      guint nk = t->n_kids[v];
      const guint *kids = t->kids + t->kid_start[v];
      double gap = v == 0 ? LADDER_ROOT_GAP : LADDER_H_GAP;
      guint top = 0;

      if (nk == 0)
        continue;

      t->iyl_low[0] = t->bottom[t->el[kids[0]]];
      t->iyl_index[0] = 0;
      top = 1;
      for (guint i = 1; i < nk; i++)
        {
          double min_y = t->bottom[t->er[kids[i]]];

          separate (t, v, i, top - 1, gap);
          while (top > 0 && min_y >= t->iyl_low[top - 1])
            top--;
          t->iyl_low[top] = min_y;
          t->iyl_index[top] = i;
          top++;
        }

      t->prelim[v] = (t->prelim[kids[0]] + t->mod[kids[0]]
                      + t->prelim[kids[nk - 1]] + t->mod[kids[nk - 1]]) / 2;
      t->el[v] = t->el[kids[0]];
      t->msel[v] = t->msel[kids[0]];
      t->er[v] = t->er[kids[nk - 1]];
      t->mser[v] = t->mser[kids[nk - 1]];
    }

  /* Second walk: parents before children; msel now holds the sum of the
   * modifiers above each block. */
  for (guint v = 0; v < n; v++)
    {
      guint nk = t->n_kids[v];
      const guint *kids = t->kids + t->kid_start[v];
      double modsum = (v == 0 ? 0 : t->msel[t->parent[v]]) + t->mod[v];
      double d = 0, delta = 0;

      t->msel[v] = modsum;
      x[v] = t->prelim[v] + modsum;
      for (guint i = 0; i < nk; i++)
        {
          d += t->shift[kids[i]];
          delta += d + t->change[kids[i]];
          t->mod[kids[i]] += delta;
        }
    }

  if (mirrored)
    {
      for (guint v = 0; v < n; v++)
        {
          double l = t->left[v];
          guint *kids = t->kids + t->kid_start[v];

          t->left[v] = t->right[v];
          t->right[v] = l;
          for (guint a = 0, b = t->n_kids[v]; a + 1 < b; a++, b--)
            {
              guint s = kids[a];
              kids[a] = kids[b - 1];
              kids[b - 1] = s;
            }
          x[v] = -x[v];
        }
    }
}

/* Extents of a block around its anchor, and its height. */
static void
block_shape (guint n_assistants, guint n_stacked, double *left, double *right,
             double *height, gboolean *one_column)
{
  guint rows;

  *left = *right = W / 2;
  *height = H;
  *one_column = n_assistants == 0 && n_stacked <= STACK_ONE_COLUMN_MAX;

  if (n_assistants >= 1)
    *right = MAX (*right, LADDER_SLOT_GAP + W);
  if (n_assistants >= 2)
    *left = MAX (*left, LADDER_SLOT_GAP + W);
  *height += ((n_assistants + 1) / 2) * (LADDER_SLOT_GAP + H);

  if (n_stacked == 0)
    return;
  if (*one_column)
    {
      *right = MAX (*right, W / 2 + STACK_INDENT);
      rows = n_stacked;
    }
  else
    {
      *left = MAX (*left, LADDER_SLOT_GAP + W);
      *right = MAX (*right, LADDER_SLOT_GAP + W);
      rows = (n_stacked + 1) / 2;
    }
  *height += rows * (LADDER_SLOT_GAP + H);
}

static void
set_box (LadderBox *box, double x, double y)
{
  box->x = x;
  box->y = y;
  box->width = W;
  box->height = H;
}

/* Who hangs where: assistants beside the line (when they show no reports
 * of their own), compact stacks, or the row of reports. */
static void
classify (LadderLayout *layout, const LadderPersonRecord *records, gboolean compact,
          const guint *order, guint n, guint *n_assistants, guint *n_stacked,
          guint8 *unstackable)
{
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = layout->manager[p];
      const LadderPersonRecord *r = &records[p];
      gboolean shows_reports = r->n_reports > 0 && !r->collapsed;

      if (m == LADDER_NONE)
        layout->kind[p] = KIND_ROOT;
      else if (r->assistant && !shows_reports)
        layout->kind[p] = KIND_ASSISTANT;
      else
        {
          layout->kind[p] = KIND_TREE;
          if (r->n_reports > 0)
            unstackable[m] = 1;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = layout->manager[p];

      if (m == LADDER_NONE)
        continue;
      if (layout->kind[p] == KIND_TREE && compact && !unstackable[m])
        layout->kind[p] = KIND_STACKED;
      switch (layout->kind[p])
        {
        case KIND_ASSISTANT: n_assistants[m]++; break;
        case KIND_STACKED: n_stacked[m]++; break;
        default: break;
        }
    }
}

static void
build_tidy (LadderLayout *layout, Tidy *t, Carver *carver, const guint *order, guint n,
            const guint *n_assistants, const guint *n_stacked, guint *node_of)
{
  guint m = 1, filled;
  guint *fill;

  for (guint i = 0; i < n; i++)
    {
      guint8 kind = layout->kind[order[i]];
      if (kind == KIND_ROOT || kind == KIND_TREE)
        m++;
    }

  t->n = m;
  t->person = CARVE (carver, guint, m);
  t->parent = CARVE (carver, guint, m);
  t->kid_start = CARVE (carver, guint, m);
  t->n_kids = CARVE (carver, guint, m);
  t->kids = CARVE (carver, guint, m);
  t->left = CARVE (carver, double, m);
  t->right = CARVE (carver, double, m);
  t->height = CARVE (carver, double, m);
  t->top = CARVE (carver, double, m);
  t->bottom = CARVE (carver, double, m);
  t->prelim = CARVE (carver, double, m);
  t->mod = CARVE (carver, double, m);
  t->shift = CARVE (carver, double, m);
  t->change = CARVE (carver, double, m);
  t->msel = CARVE (carver, double, m);
  t->mser = CARVE (carver, double, m);
  t->el = CARVE (carver, guint, m);
  t->er = CARVE (carver, guint, m);
  t->tl = CARVE (carver, guint, m);
  t->tr = CARVE (carver, guint, m);
  t->iyl_low = CARVE (carver, double, m);
  t->iyl_index = CARVE (carver, guint, m);
  memset (t->n_kids, 0, sizeof (guint) * m);

  t->person[0] = LADDER_NONE;
  t->parent[0] = LADDER_NONE;
  t->left[0] = t->right[0] = t->height[0] = 0;
  t->top[0] = t->bottom[0] = 0;

  /* Number the blocks in pre-order, count children. */
  m = 1;
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i];
      guint8 kind = layout->kind[p];
      gboolean one_column;

      if (kind != KIND_ROOT && kind != KIND_TREE)
        continue;
      node_of[p] = m;
      t->person[m] = p;
      t->parent[m] = kind == KIND_ROOT ? 0 : node_of[layout->manager[p]];
      t->n_kids[t->parent[m]]++;
      block_shape (n_assistants[p], n_stacked[p], &t->left[m], &t->right[m],
                   &t->height[m], &one_column);
      t->top[m] = t->bottom[t->parent[m]];
      t->bottom[m] = t->top[m] + t->height[m] + LADDER_V_GAP;
      m++;
    }

  /* Children lists, in sibling order since pre-order keeps it. */
  filled = 0;
  for (guint v = 0; v < t->n; v++)
    {
      t->kid_start[v] = filled;
      filled += t->n_kids[v];
    }
  fill = CARVE (carver, guint, t->n);
  memset (fill, 0, sizeof (guint) * t->n);
  for (guint v = 1; v < t->n; v++)
    {
      guint parent = t->parent[v];
      t->kids[t->kid_start[parent] + fill[parent]++] = v;
    }
}

static void
place_members (LadderLayout *layout, const LadderPersonRecord *records, Tidy *t, guint v,
               const double *x, const guint *n_assistants, const guint *n_stacked)
{
  guint p = t->person[v];
  double ax = x[v], top = t->top[v];
  double left, right, height, row_y;
  gboolean one_column;
  guint n_asst = n_assistants[p], n_stack = n_stacked[p];
  guint ai = 0, si = 0, left_rows = (n_stack + 1) / 2;
  LadderConnector conn;
  double last_stub = top + H;

  set_box (&layout->boxes[p], ax - W / 2, top);
  block_shape (n_asst, n_stack, &left, &right, &height, &one_column);

  row_y = top + H + LADDER_SLOT_GAP + ((n_asst + 1) / 2) * (LADDER_SLOT_GAP + H);
  conn.trunk_x = n_stack > 0 && one_column ? ax - W / 2 + STACK_INDENT / 2 : ax;

  /* Only assistants and stacked reports hang from the line; most managers
   * have none, and walking their reports would only cost cache misses. */
  for (guint r = n_asst + n_stack > 0 ? records[p].first_report : LADDER_NONE;
       r != LADDER_NONE; r = records[r].next_sibling)
    {
      LadderBox *box = &layout->boxes[r];
      double bx, by;

      if (!layout->alive[r])
        continue;
      if (layout->kind[r] == KIND_ASSISTANT)
        {
          /* First on the right of the line, then the left, row by row. */
          by = top + H + LADDER_SLOT_GAP + (ai / 2) * (LADDER_SLOT_GAP + H);
          bx = ai % 2 == 0 ? ax + LADDER_SLOT_GAP : ax - LADDER_SLOT_GAP - W;
          ai++;
        }
      else if (layout->kind[r] == KIND_STACKED)
        {
          if (one_column)
            {
              bx = ax - W / 2 + STACK_INDENT;
              by = row_y + si * (LADDER_SLOT_GAP + H);
            }
          else if (si < left_rows)
            {
              bx = ax - LADDER_SLOT_GAP - W;
              by = row_y + si * (LADDER_SLOT_GAP + H);
            }
          else
            {
              bx = ax + LADDER_SLOT_GAP;
              by = row_y + (si - left_rows) * (LADDER_SLOT_GAP + H);
            }
          si++;
        }
      else
        continue;
      set_box (box, bx, by);
      box->stacked = layout->kind[r] == KIND_STACKED;
      box->assistant = layout->kind[r] == KIND_ASSISTANT;
      last_stub = MAX (last_stub, by + H / 2);
    }

  if (ai + si + t->n_kids[v] == 0)
    return;

  conn.trunk_y0 = top + H;
  conn.bus_y = top + height + LADDER_V_GAP / 2;
  if (t->n_kids[v] > 0)
    {
      const guint *kids = t->kids + t->kid_start[v];
      conn.bus_x0 = MIN (x[kids[0]], conn.trunk_x);
      conn.bus_x1 = MAX (x[kids[t->n_kids[v] - 1]], conn.trunk_x);
      conn.trunk_y1 = conn.bus_y;
    }
  else
    {
      conn.bus_x0 = 1;
      conn.bus_x1 = 0;
      conn.trunk_y1 = last_stub;
    }
  layout->conn_of[p] = layout->connectors->len;
  g_array_append_val (layout->connectors, conn);
}

/* ladder_layout_get_link() for a person known to be laid out. */
static gboolean
link_of (LadderLayout *layout, guint person,
         double *x0, double *y0, double *x1, double *y1)
{
  const LadderBox *box;
  const LadderConnector *conn;
  guint m;

  m = layout->manager[person];
  box = &layout->boxes[person];
  if (m == LADDER_NONE || !box->visible)
    return FALSE;
  g_assert (layout->conn_of[m] != LADDER_NONE);
  conn = &g_array_index (layout->connectors, LadderConnector, layout->conn_of[m]);

  if (box->stacked || box->assistant)
    {
      gboolean right_of_line = box->x > conn->trunk_x;

      *x0 = right_of_line ? box->x : box->x + box->width;
      *y0 = box->y + box->height / 2;
      *x1 = conn->trunk_x;
      *y1 = *y0;
    }
  else
    {
      *x0 = box->x + box->width / 2;
      *y0 = box->y;
      *x1 = *x0;
      *y1 = conn->bus_y;
    }
  return TRUE;
}

static void
card_bounds (LadderLayout *layout, guint p, double *x0, double *y0, double *x1, double *y1)
{
  const LadderBox *box = &layout->boxes[p];
  double lx0, ly0, lx1, ly1;

  *x0 = box->x;
  *y0 = box->y;
  *x1 = box->x + box->width;
  *y1 = box->y + box->height;
  if (link_of (layout, p, &lx0, &ly0, &lx1, &ly1))
    {
      *x0 = MIN (*x0, lx1);
      *x1 = MAX (*x1, lx1);
      *y0 = MIN (*y0, ly1);
    }
}

static void
connector_bounds (const LadderConnector *c, double *x0, double *y0, double *x1, double *y1)
{
  *x0 = c->trunk_x;
  *x1 = c->trunk_x;
  *y0 = c->trunk_y0;
  *y1 = c->trunk_y1;
  if (c->bus_x0 <= c->bus_x1)
    {
      *x0 = MIN (*x0, c->bus_x0);
      *x1 = MAX (*x1, c->bus_x1);
      *y1 = MAX (*y1, c->bus_y);
    }
}

static inline guint
band_of (LadderLayout *layout, double y)
{
  /* Truncation is floor for y >= 0; the rest (and NaN) go to band 0. */
  double b = y * (1.0 / BAND_HEIGHT);

  if (!(b >= 0))
    return 0;
  if (b >= layout->n_bands)
    return layout->n_bands - 1;
  return (guint) b;
}

static void
item_bounds (LadderLayout *layout, guint item, double *x0, double *y0, double *x1, double *y1)
{
  if (item & CONNECTOR_BIT)
    connector_bounds (&g_array_index (layout->connectors, LadderConnector,
                                      layout->conn_of[item & ~CONNECTOR_BIT]),
                      x0, y0, x1, y1);
  else
    card_bounds (layout, item, x0, y0, x1, y1);
}

/* Items are the visible cards and their managers' connectors; @carver
 * has room for six guints per slot. */
static void
build_index (LadderLayout *layout, Carver *carver)
{
  guint n_items = 0, n_entries = 0;
  guint *items, *first_band, *last_band, *fill;

  g_clear_pointer (&layout->band_start, g_free);
  g_clear_pointer (&layout->band_items, g_free);
  layout->n_bands = (guint) (layout->height / BAND_HEIGHT) + 1;
  layout->band_start = g_new0 (guint, layout->n_bands + 1);

  /* A counting sort: the bands of each item, counted per band, then the
   * items filed.  Each item's bounds are computed once. */
  items = CARVE (carver, guint, 2 * (gsize) layout->n_visible);
  first_band = CARVE (carver, guint, 2 * (gsize) layout->n_visible);
  last_band = CARVE (carver, guint, 2 * (gsize) layout->n_visible);
  for (guint i = 0; i < layout->n_visible; i++)
    {
      guint p = layout->visible[i];

      for (int which = 0; which < 2; which++)
        {
          guint item = which == 0 ? p : (p | CONNECTOR_BIT);
          double x0, y0, x1, y1;

          if (which == 1 && layout->conn_of[p] == LADDER_NONE)
            continue;
          item_bounds (layout, item, &x0, &y0, &x1, &y1);
          items[n_entries] = item;
          first_band[n_entries] = band_of (layout, y0);
          last_band[n_entries] = band_of (layout, y1);
          for (guint b = first_band[n_entries]; b <= last_band[n_entries]; b++)
            layout->band_start[b + 1]++;
          n_items += last_band[n_entries] - first_band[n_entries] + 1;
          n_entries++;
        }
    }
  for (guint b = 0; b < layout->n_bands; b++)
    layout->band_start[b + 1] += layout->band_start[b];
  layout->band_items = g_new (guint, MAX (n_items, 1));
  fill = g_memdup2 (layout->band_start, sizeof (guint) * layout->n_bands);
  for (guint k = 0; k < n_entries; k++)
    for (guint b = first_band[k]; b <= last_band[k]; b++)
      layout->band_items[fill[b]++] = items[k];
  g_free (fill);
}

static void
resize (LadderLayout *layout, guint capacity)
{
  layout->capacity = capacity;
  layout->boxes = g_renew (LadderBox, layout->boxes, MAX (capacity, 1));
  layout->alive = g_renew (guint8, layout->alive, MAX (capacity, 1));
  layout->kind = g_renew (guint8, layout->kind, MAX (capacity, 1));
  layout->n_folded = g_renew (guint, layout->n_folded, MAX (capacity, 1));
  layout->conn_of = g_renew (guint, layout->conn_of, MAX (capacity, 1));
  layout->manager = g_renew (guint, layout->manager, MAX (capacity, 1));
  layout->visible = g_renew (guint, layout->visible, MAX (capacity, 1));
  memset (layout->boxes, 0, sizeof (LadderBox) * capacity);
  memset (layout->alive, 0, capacity);
  memset (layout->kind, 0, capacity);
  memset (layout->n_folded, 0, sizeof (guint) * capacity);
  for (guint p = 0; p < capacity; p++)
    {
      layout->conn_of[p] = LADDER_NONE;
      layout->manager[p] = LADDER_NONE;
    }
  g_array_set_size (layout->connectors, 0);
  g_array_set_size (layout->dotted, 0);
  layout->n_visible = 0;
  layout->width = layout->height = 0;
}

void
ladder_layout_compute (LadderLayout *layout, LadderChart *chart)
{
  guint capacity, n, n_visible = 0;
  guint *order, *size, *n_assistants, *n_stacked, *node_of;
  guint8 *unstackable;
  double *x, *x_mirror;
  Carver carver;
  double min_x = G_MAXDOUBLE;
  Tidy tidy = { 0 };
  const LadderPersonRecord *records;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));

  /* The loops below visit every person: they read the records directly
   * rather than through the chart's checked getters. */
  records = ladder_chart_get_records (chart);
  capacity = ladder_chart_get_capacity (chart);
  resize (layout, capacity);

  if (layout->scratch_size < scratch_bound (capacity))
    {
      g_free (layout->scratch);
      layout->scratch_size = scratch_bound (capacity);
      layout->scratch = g_malloc (layout->scratch_size);
    }
  carver = (Carver) { layout->scratch, 0, layout->scratch_size };

  order = CARVE (&carver, guint, capacity);
  n = ladder_chart_preorder (chart, order, FALSE);

  /* Visibility and subtree sizes (for the folded counts). */
  size = CARVE (&carver, guint, capacity);
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = records[p].manager;
      gboolean visible = m == LADDER_NONE
                         || (layout->boxes[m].visible && !records[m].collapsed);

      layout->alive[p] = 1;
      layout->boxes[p].visible = visible;
      size[p] = 1;
      if (visible)
        {
          layout->manager[p] = m;
          layout->visible[n_visible++] = p;
        }
    }
  layout->n_visible = n_visible;
  for (guint i = n; i-- > 0;)
    {
      guint p = order[i], m = records[p].manager;

      if (records[p].collapsed)
        layout->n_folded[p] = size[p] - 1;
      if (m != LADDER_NONE)
        size[m] += size[p];
    }

  n_assistants = CARVE (&carver, guint, capacity);
  n_stacked = CARVE (&carver, guint, capacity);
  unstackable = CARVE (&carver, guint8, capacity);
  node_of = CARVE (&carver, guint, capacity);
  memset (n_assistants, 0, sizeof (guint) * capacity);
  memset (n_stacked, 0, sizeof (guint) * capacity);
  memset (unstackable, 0, capacity);
  classify (layout, records, ladder_chart_get_layout (chart) == LADDER_LAYOUT_COMPACT,
            layout->visible, n_visible, n_assistants, n_stacked, unstackable);
  build_tidy (layout, &tidy, &carver, layout->visible, n_visible, n_assistants, n_stacked, node_of);

  x = CARVE (&carver, double, tidy.n);
  x_mirror = CARVE (&carver, double, tidy.n);
  tidy_place (&tidy, FALSE, x);
  tidy_place (&tidy, TRUE, x_mirror);
  for (guint v = 0; v < tidy.n; v++)
    x[v] = (x[v] + x_mirror[v]) / 2;

  for (guint v = 1; v < tidy.n; v++)
    place_members (layout, records, &tidy, v, x, n_assistants, n_stacked);

  /* Hidden people sit under the card that folds them. */
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i];
      LadderBox *box = &layout->boxes[p];

      if (!box->visible)
        {
          const LadderBox *above = &layout->boxes[records[p].manager];
          set_box (box, above->x, above->y);
        }
      else
        min_x = MIN (min_x, box->x);
    }
  if (n_visible == 0)
    min_x = 0;

  /* Start at (0, 0). */
  for (guint i = 0; i < n; i++)
    {
      LadderBox *box = &layout->boxes[order[i]];

      box->x -= min_x;
      if (box->visible)
        {
          layout->width = MAX (layout->width, box->x + box->width);
          layout->height = MAX (layout->height, box->y + box->height);
        }
    }
  for (guint c = 0; c < layout->connectors->len; c++)
    {
      LadderConnector *conn = &g_array_index (layout->connectors, LadderConnector, c);
      conn->trunk_x -= min_x;
      conn->bus_x0 -= min_x;
      conn->bus_x1 -= min_x;
    }

  for (guint i = 0; i < n_visible; i++)
    {
      guint p = layout->visible[i], n_lines = records[p].n_dotted;
      const guint *to = records[p].dotted;

      for (guint l = 0; l < n_lines; l++)
        if (to[l] < capacity && layout->alive[to[l]] && layout->boxes[to[l]].visible)
          {
            g_array_append_val (layout->dotted, p);
            g_array_append_val (layout->dotted, to[l]);
          }
    }

  build_index (layout, &carver);
}

const LadderBox *
ladder_layout_get_box (LadderLayout *layout, guint person)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (person >= layout->capacity || !layout->alive[person])
    return NULL;
  return &layout->boxes[person];
}

void
ladder_layout_get_extents (LadderLayout *layout, double *width, double *height)
{
  g_return_if_fail (layout != NULL);

  if (width)
    *width = layout->width;
  if (height)
    *height = layout->height;
}

guint
ladder_layout_get_n_folded (LadderLayout *layout, guint person)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (person >= layout->capacity || !layout->alive[person])
    return 0;
  return layout->n_folded[person];
}

const guint *
ladder_layout_get_visible (LadderLayout *layout, guint *n_visible)
{
  g_return_val_if_fail (layout != NULL, NULL);

  *n_visible = layout->n_visible;
  return layout->visible;
}

const LadderConnector *
ladder_layout_get_connector (LadderLayout *layout, guint person)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (person >= layout->capacity || layout->conn_of[person] == LADDER_NONE)
    return NULL;
  return &g_array_index (layout->connectors, LadderConnector, layout->conn_of[person]);
}

gboolean
ladder_layout_get_link (LadderLayout *layout, guint person,
                        double *x0, double *y0, double *x1, double *y1)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (person >= layout->capacity || !layout->alive[person])
    return FALSE;
  return link_of (layout, person, x0, y0, x1, y1);
}

const guint *
ladder_layout_get_dotted (LadderLayout *layout, guint *n_pairs)
{
  g_return_val_if_fail (layout != NULL, NULL);

  *n_pairs = layout->dotted->len / 2;
  return (const guint *) layout->dotted->data;
}

void
ladder_layout_iter_init (LadderLayoutIter *iter, LadderLayout *layout,
                         double x, double y, double width, double height)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (layout != NULL);

  iter->layout = layout;
  iter->x0 = x;
  iter->y0 = y;
  iter->x1 = x + width;
  iter->y1 = y + height;
  if (layout->n_bands == 0 || iter->y1 < 0 || y > layout->height + BAND_HEIGHT)
    {
      iter->band = 1;
      iter->last_band = 0;
      iter->pos = 0;
      return;
    }
  iter->band = band_of (layout, y);
  iter->last_band = band_of (layout, iter->y1);
  iter->pos = layout->band_start[iter->band];
}

gboolean
ladder_layout_iter_next (LadderLayoutIter *iter, guint *person, LadderItemKind *kind)
{
  LadderLayout *layout = iter->layout;

  while (iter->band <= iter->last_band)
    {
      guint end = layout->band_start[iter->band + 1];

      while (iter->pos < end)
        {
          guint item = layout->band_items[iter->pos++];
          double x0, y0, x1, y1;

          item_bounds (layout, item, &x0, &y0, &x1, &y1);
          if (x1 < iter->x0 || x0 > iter->x1 || y1 < iter->y0 || y0 > iter->y1)
            continue;
          /* An item in several bands is reported from the first one the
           * walk visits. */
          if (band_of (layout, y0) < iter->band && iter->band > band_of (layout, iter->y0))
            continue;
          *person = item & ~CONNECTOR_BIT;
          *kind = item & CONNECTOR_BIT ? LADDER_ITEM_CONNECTOR : LADDER_ITEM_CARD;
          return TRUE;
        }
      iter->band++;
      if (iter->band <= iter->last_band)
        iter->pos = layout->band_start[iter->band];
    }
  return FALSE;
}

guint
ladder_layout_hit (LadderLayout *layout, double x, double y)
{
  LadderLayoutIter iter;
  guint person;
  LadderItemKind kind;

  g_return_val_if_fail (layout != NULL, LADDER_NONE);

  ladder_layout_iter_init (&iter, layout, x, y, 0, 0);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      const LadderBox *box = &layout->boxes[person];

      if (kind == LADDER_ITEM_CARD
          && x >= box->x && x < box->x + box->width
          && y >= box->y && y < box->y + box->height)
        return person;
    }
  return LADDER_NONE;
}
