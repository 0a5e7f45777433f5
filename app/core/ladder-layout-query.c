/* ladder-layout-query.c — reading a computed layout: boxes, connectors,
 * the links to them, and what meets a rectangle
 *
 * The spatial index is built at the end of ladder_layout_compute() and
 * lives here with the walk that reads it: the renderer asks for what
 * meets the view on every frame, and the canvas hit-tests on every
 * pointer motion, while the layout is computed once per change.
 */
#include "config.h"

#include "ladder-layout-private.h"

/* Spatial index: horizontal bands of the chart, each listing the items
 * that meet it (a card, or a connector with CONNECTOR_BIT set). */
#define BAND_HEIGHT 256.0
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

void
ladder_layout_build_index (LadderLayout *layout, LadderCarver *carver)
{
  guint n_items = 0, n_entries = 0;
  guint *items, *first_band, *last_band, *fill;

  g_clear_pointer (&layout->band_start, g_free);
  g_clear_pointer (&layout->band_items, g_free);
  layout->n_bands = (guint) (layout->height / BAND_HEIGHT) + 1;
  layout->band_start = g_new0 (guint, layout->n_bands + 1);

  /* A counting sort: the bands of each item, counted per band, then the
   * items filed.  Each item's bounds are computed once. */
  items = LADDER_CARVE (carver, guint, 2 * (gsize) layout->n_visible);
  first_band = LADDER_CARVE (carver, guint, 2 * (gsize) layout->n_visible);
  last_band = LADDER_CARVE (carver, guint, 2 * (gsize) layout->n_visible);
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
