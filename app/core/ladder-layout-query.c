/* ladder-layout-query.c — reading a computed layout: boxes, connectors,
 * the links to them, and what meets a rectangle
 *
 * The spatial index is built at the end of ladder_layout_compute() and
 * lives here with the walk that reads it: the renderer asks for what
 * meets the view on every frame, and the canvas hit-tests on every
 * pointer motion, while the layout is computed once per change.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ladder-layout-private.h"

/* Spatial index: horizontal bands of the chart, each listing the items
 * that meet it (a card, or a connector with CONNECTOR_BIT set) ordered by
 * their left edge.  An item wider than SEGMENT (a manager's bus over many
 * reports) is filed as several segments of at most SEGMENT, so that no
 * entry of a band reaches further right than SEGMENT from where it starts:
 * the walk finds the first entry that can reach the view by a binary
 * search and stops at the first that starts right of it. */
#define BAND_HEIGHT 256.0
#define SEGMENT 4096.0
#define CONNECTOR_BIT 0x80000000u
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

static guint
n_segments (double x0, double x1)
{
  double n = ceil ((x1 - x0) / SEGMENT);

  return n > 1 ? (guint) n : 1;
}

/* Sorts @n keys, carrying @values along, least significant digit first
 * (stable, linear: the index is rebuilt after every edit).  The result
 * is in *@keys and *@values, which may have changed places with the
 * temporary arrays. */
static void
radix_sort (guint32 **keys, guint **values, guint32 **tmp_keys, guint **tmp_values, gsize n)
{
  guint32 max_key = 0;

  for (gsize i = 0; i < n; i++)
    max_key = MAX (max_key, (*keys)[i]);
  for (guint shift = 0; shift < 32 && (shift == 0 || max_key >> shift != 0); shift += 12)
    {
      gsize count[4097] = { 0 };
      guint32 *from_keys = *keys, *to_keys = *tmp_keys;
      guint *from_values = *values, *to_values = *tmp_values;

      for (gsize i = 0; i < n; i++)
        count[((from_keys[i] >> shift) & 4095) + 1]++;
      for (guint d = 0; d < 4096; d++)
        count[d + 1] += count[d];
      for (gsize i = 0; i < n; i++)
        {
          gsize to = count[(from_keys[i] >> shift) & 4095]++;

          to_keys[to] = from_keys[i];
          to_values[to] = from_values[i];
        }
      *keys = to_keys, *tmp_keys = from_keys;
      *values = to_values, *tmp_values = from_values;
    }
}

/* Grows the index's working memory, kept from one computation to the
 * next as the carver's is (fresh memory costs page faults); what it
 * held is kept. */
static char *
index_scratch (LadderLayout *layout, gsize size)
{
  /* Never NULL, even for an empty chart (pointers are carved from it). */
  size = MAX (size, 16);
  if (layout->index_scratch_size < size)
    {
      layout->index_scratch_size = MAX (size, layout->index_scratch_size * 3 / 2);
      layout->index_scratch = g_realloc (layout->index_scratch, layout->index_scratch_size);
    }
  return layout->index_scratch;
}

void
ladder_layout_build_index (LadderLayout *layout, LadderCarver *carver)
{
  gsize n_entries = 0, n_segs = 0, max_items = 2 * (gsize) layout->n_visible;
  guint n_items = 0;
  guint *items, *first_band, *last_band, *seg_item, *order, *tmp_order, *fill;
  guint32 *keys, *tmp_keys;
  double *item_x0, *item_x1, min_x = G_MAXDOUBLE;
  char *scratch;

  layout->n_bands = (guint) (layout->height / BAND_HEIGHT) + 1;
  g_free (layout->band_start);
  g_free (layout->band_reach);
  layout->band_start = g_new0 (guint, layout->n_bands + 1);
  layout->band_reach = g_new0 (double, layout->n_bands);

  /* The items, their extent across and bands, and how many segments
   * each is cut into. */
  items = LADDER_CARVE (carver, guint, max_items);
  first_band = LADDER_CARVE (carver, guint, max_items);
  last_band = LADDER_CARVE (carver, guint, max_items);
  scratch = index_scratch (layout, 2 * max_items * sizeof (double));
  item_x0 = (double *) scratch;
  item_x1 = item_x0 + max_items;
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
          items[n_items] = item;
          item_x0[n_items] = x0;
          item_x1[n_items] = x1;
          first_band[n_items] = band_of (layout, y0);
          last_band[n_items] = band_of (layout, y1);
          n_segs += n_segments (x0, x1);
          min_x = MIN (min_x, x0);
          n_items++;
        }
    }

  /* The segments, sorted by their left edge. */
  scratch = index_scratch (layout, 2 * max_items * sizeof (double)
                                   + n_segs * (3 * sizeof (guint) + 2 * sizeof (guint32)));
  item_x0 = (double *) scratch;
  item_x1 = item_x0 + max_items;
  seg_item = (guint *) (item_x1 + max_items);
  order = seg_item + n_segs;
  tmp_order = order + n_segs;
  keys = (guint32 *) (tmp_order + n_segs);
  tmp_keys = keys + n_segs;
  n_segs = 0;
  for (guint k = 0; k < n_items; k++)
    {
      guint n = n_segments (item_x0[k], item_x1[k]);

      for (guint s = 0; s < n; s++)
        {
          double sx0 = item_x0[k] + s * SEGMENT;
          double key = MIN (floor (sx0 - min_x), G_MAXUINT32);
          /* Filed at the key's whole unit (at or just left of the
           * segment), so that the band's order is exact. */
          double reach = MIN (item_x1[k], sx0 + SEGMENT) - (min_x + key);

          seg_item[n_segs] = k;
          order[n_segs] = (guint) n_segs;
          keys[n_segs] = (guint32) key;
          n_entries += last_band[k] - first_band[k] + 1;
          for (guint b = first_band[k]; b <= last_band[k]; b++)
            {
              layout->band_start[b + 1]++;
              layout->band_reach[b] = MAX (layout->band_reach[b], reach);
            }
          n_segs++;
        }
    }
  radix_sort (&keys, &order, &tmp_keys, &tmp_order, n_segs);

  /* Filed band by band in that order (a counting sort, stable). */
  for (guint b = 0; b < layout->n_bands; b++)
    layout->band_start[b + 1] += layout->band_start[b];
  if (layout->band_capacity < MAX (n_entries, 1))
    {
      layout->band_capacity = MAX (MAX (n_entries, 1), layout->band_capacity * 3 / 2);
      g_free (layout->band_items);
      g_free (layout->band_x);
      layout->band_items = g_new (guint, layout->band_capacity);
      layout->band_x = g_new (double, layout->band_capacity);
    }
  fill = g_memdup2 (layout->band_start, sizeof (guint) * layout->n_bands);
  for (gsize i = 0; i < n_segs; i++)
    {
      guint s = order[i], k = seg_item[s];
      double filed_x = min_x + keys[i];

      for (guint b = first_band[k]; b <= last_band[k]; b++)
        {
          layout->band_items[fill[b]] = items[k];
          layout->band_x[fill[b]++] = filed_x;
        }
    }
  g_free (fill);
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

/* Where the walk of band iter->band starts: the first entry that can
 * reach the view's left edge (with a unit to spare for rounding). */
static void
enter_band (LadderLayoutIter *iter)
{
  LadderLayout *layout = iter->layout;
  double from = iter->x0 - layout->band_reach[iter->band] - 1;
  guint lo = layout->band_start[iter->band], hi = layout->band_start[iter->band + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (layout->band_x[mid] < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  iter->pos = lo;
  iter->end = layout->band_start[iter->band + 1];
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
  iter->n_tested = 0;
  if (layout->n_bands == 0 || iter->y1 < 0 || y > layout->height + BAND_HEIGHT)
    {
      iter->band = 1;
      iter->last_band = 0;
      iter->pos = iter->end = 0;
      return;
    }
  iter->band = band_of (layout, y);
  iter->last_band = band_of (layout, iter->y1);
  enter_band (iter);
}

gboolean
ladder_layout_iter_next (LadderLayoutIter *iter, guint *person, LadderItemKind *kind)
{
  LadderLayout *layout = iter->layout;

  while (iter->band <= iter->last_band)
    {
      while (iter->pos < iter->end && layout->band_x[iter->pos] <= iter->x1 + 1)
        {
          guint item = layout->band_items[iter->pos];
          double filed_x = layout->band_x[iter->pos++];
          double x0, y0, x1, y1, sx0, sx1;

          iter->n_tested++;
          item_bounds (layout, item, &x0, &y0, &x1, &y1);
          /* The segment filed there: its left edge is within a unit. */
          sx0 = x0 + round ((filed_x - x0) / SEGMENT) * SEGMENT;
          sx1 = MIN (x1, sx0 + SEGMENT);
          if (sx1 < iter->x0 || sx0 > iter->x1 || y1 < iter->y0 || y0 > iter->y1)
            continue;
          /* An item in several bands is reported from the first one the
           * walk visits; one cut into segments, from the first segment
           * that meets the view (its first, or the one the view's left
           * edge falls in). */
          if (band_of (layout, y0) < iter->band && iter->band > band_of (layout, iter->y0))
            continue;
          if (sx0 > x0 && sx0 >= iter->x0)
            continue;
          *person = item & ~CONNECTOR_BIT;
          *kind = item & CONNECTOR_BIT ? LADDER_ITEM_CONNECTOR : LADDER_ITEM_CARD;
          return TRUE;
        }
      iter->band++;
      if (iter->band <= iter->last_band)
        enter_band (iter);
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
