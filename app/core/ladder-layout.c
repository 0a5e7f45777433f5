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
 *
 * This file makes the blocks, places the cards in them and drives the
 * computation.  The tidy placement itself, a textbook algorithm that
 * sees blocks and not people, is ladder-layout-tidy.c; reading the
 * result, and the spatial index that finds what meets a rectangle, is
 * ladder-layout-query.c (it runs on every frame and pointer motion, the
 * computation once per change).  They share ladder-layout-private.h.
 */
#include "config.h"

#include "ladder-layout-private.h"
#include "ladder-chart-private.h"

#include <math.h>
#include <string.h>

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
  g_free (layout->band_x);
  g_free (layout->band_reach);
  g_free (layout->index_scratch);
  g_free (layout->scratch);
  g_array_unref (layout->connectors);
  g_array_unref (layout->dotted);
  g_free (layout);
}

/* An upper bound of what one computation carves, for @capacity slots. */
static gsize
scratch_bound (gsize capacity)
{
  gsize slots = capacity + 1;

  return slots * (12 * sizeof (guint) + 2)                   /* per slot */
         + slots * (11 * sizeof (guint) + 14 * sizeof (double)) /* per block */
         + 40 * 16;                                            /* alignment */
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
build_tidy (LadderLayout *layout, LadderLayoutTidy *t, LadderCarver *carver,
            const guint *order, guint n, const guint *n_assistants, const guint *n_stacked,
            guint *node_of)
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
  t->person = LADDER_CARVE (carver, guint, m);
  t->parent = LADDER_CARVE (carver, guint, m);
  t->kid_start = LADDER_CARVE (carver, guint, m);
  t->n_kids = LADDER_CARVE (carver, guint, m);
  t->kids = LADDER_CARVE (carver, guint, m);
  t->left = LADDER_CARVE (carver, double, m);
  t->right = LADDER_CARVE (carver, double, m);
  t->height = LADDER_CARVE (carver, double, m);
  t->top = LADDER_CARVE (carver, double, m);
  t->bottom = LADDER_CARVE (carver, double, m);
  t->prelim = LADDER_CARVE (carver, double, m);
  t->mod = LADDER_CARVE (carver, double, m);
  t->shift = LADDER_CARVE (carver, double, m);
  t->change = LADDER_CARVE (carver, double, m);
  t->msel = LADDER_CARVE (carver, double, m);
  t->mser = LADDER_CARVE (carver, double, m);
  t->el = LADDER_CARVE (carver, guint, m);
  t->er = LADDER_CARVE (carver, guint, m);
  t->tl = LADDER_CARVE (carver, guint, m);
  t->tr = LADDER_CARVE (carver, guint, m);
  t->iyl_low = LADDER_CARVE (carver, double, m);
  t->iyl_index = LADDER_CARVE (carver, guint, m);
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
  fill = LADDER_CARVE (carver, guint, t->n);
  memset (fill, 0, sizeof (guint) * t->n);
  for (guint v = 1; v < t->n; v++)
    {
      guint parent = t->parent[v];
      t->kids[t->kid_start[parent] + fill[parent]++] = v;
    }
}

static void
place_members (LadderLayout *layout, const LadderPersonRecord *records, LadderLayoutTidy *t,
               guint v, const double *x, const guint *n_assistants, const guint *n_stacked)
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
  guint *order, *up, *size, *n_assistants, *n_stacked, *node_of;
  guint8 *unstackable, *folded;
  double *x, *x_mirror;
  LadderCarver carver;
  double min_x = G_MAXDOUBLE;
  LadderLayoutTidy tidy = { 0 };
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
  carver = (LadderCarver) { layout->scratch, 0, layout->scratch_size };

  /* Pre-order (as ladder_chart_preorder() walks it), visibility and
   * what the passes after this one need, in one walk: each record is read
   * once, here.  Those passes over every person (most of them folded
   * away on a large chart) read the manager and the fold in pre-order
   * from up[] and folded[], not from records spread over a hundred
   * megabytes. */
  order = LADDER_CARVE (&carver, guint, capacity);
  up = LADDER_CARVE (&carver, guint, capacity);
  folded = LADDER_CARVE (&carver, guint8, capacity);
  size = LADDER_CARVE (&carver, guint, capacity);
  n = 0;
  for (guint p = ladder_chart_get_first_root (chart); p != LADDER_NONE;
       p = ladder_records_preorder_next (records, p))
    {
      const LadderPersonRecord *r = &records[p];
      guint m = r->manager;
      gboolean visible = m == LADDER_NONE
                         || (layout->boxes[m].visible && !records[m].collapsed);

      order[n] = p;
      up[n] = m;
      folded[n] = r->collapsed;
      n++;
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
      guint p = order[i], m = up[i];

      if (folded[i])
        layout->n_folded[p] = size[p] - 1;
      if (m != LADDER_NONE)
        size[m] += size[p];
    }

  n_assistants = LADDER_CARVE (&carver, guint, capacity);
  n_stacked = LADDER_CARVE (&carver, guint, capacity);
  unstackable = LADDER_CARVE (&carver, guint8, capacity);
  node_of = LADDER_CARVE (&carver, guint, capacity);
  memset (n_assistants, 0, sizeof (guint) * capacity);
  memset (n_stacked, 0, sizeof (guint) * capacity);
  memset (unstackable, 0, capacity);
  classify (layout, records, ladder_chart_get_layout (chart) == LADDER_LAYOUT_COMPACT,
            layout->visible, n_visible, n_assistants, n_stacked, unstackable);
  build_tidy (layout, &tidy, &carver, layout->visible, n_visible, n_assistants, n_stacked, node_of);

  x = LADDER_CARVE (&carver, double, tidy.n);
  x_mirror = LADDER_CARVE (&carver, double, tidy.n);
  ladder_layout_tidy_place (&tidy, FALSE, x);
  ladder_layout_tidy_place (&tidy, TRUE, x_mirror);
  for (guint v = 0; v < tidy.n; v++)
    x[v] = (x[v] + x_mirror[v]) / 2;
  ladder_layout_tidy_separate_trees (&tidy, x);

  for (guint v = 1; v < tidy.n; v++)
    place_members (layout, records, &tidy, v, x, n_assistants, n_stacked);

  for (guint i = 0; i < n_visible; i++)
    min_x = MIN (min_x, layout->boxes[layout->visible[i]].x);
  if (n_visible == 0)
    min_x = 0;

  /* Start at (0, 0); hidden people sit under the card that folds them
   * (their manager comes first in pre-order, so its box is final). */
  for (guint i = 0; i < n; i++)
    {
      LadderBox *box = &layout->boxes[order[i]];

      if (box->visible)
        {
          box->x -= min_x;
          layout->width = MAX (layout->width, box->x + box->width);
          layout->height = MAX (layout->height, box->y + box->height);
        }
      else
        {
          const LadderBox *above = &layout->boxes[up[i]];

          set_box (box, above->x, above->y);
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

  ladder_layout_build_index (layout, &carver);
}

