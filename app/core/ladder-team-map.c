/* ladder-team-map.c — the whole chart as a box of team blocks */
#include "config.h"

#include <string.h>

#include "ladder-chart-private.h"
#include "ladder-team-map.h"

typedef struct {
  double layout, box;
} Anchor;

struct _LadderTeamMap {
  GArray *blocks;        /* LadderMapBlock, level by level */
  GArray *level_start;   /* guint: index of each level's first block, then the end */
  /* Per chart slot, kept between builds so a build allocates nothing. */
  guint  *order;
  guint  *size;
  guint  *height;        /* levels of the person's team: 1 for no reports */
  guint  *depth;         /* 0 for a root */
  guint  *manager;
  gint8  *worst;
  guint   capacity;
  GArray *x_anchors;     /* Anchor, increasing in both */
  GArray *y_anchors;
};

LadderTeamMap *
ladder_team_map_new (void)
{
  LadderTeamMap *map = g_new0 (LadderTeamMap, 1);

  map->blocks = g_array_new (FALSE, FALSE, sizeof (LadderMapBlock));
  map->level_start = g_array_new (FALSE, FALSE, sizeof (guint));
  map->x_anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  map->y_anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  return map;
}

void
ladder_team_map_free (LadderTeamMap *map)
{
  if (map == NULL)
    return;
  g_array_unref (map->blocks);
  g_array_unref (map->level_start);
  g_array_unref (map->x_anchors);
  g_array_unref (map->y_anchors);
  g_free (map->order);
  g_free (map->size);
  g_free (map->height);
  g_free (map->depth);
  g_free (map->manager);
  g_free (map->worst);
  g_free (map);
}

/* -------------------------------------------------------------- blocks */

/* Severities are worse the smaller they are (ERROR is 0); -1 is none. */
static int
worse (int a, int b)
{
  if (a < 0)
    return b;
  if (b < 0)
    return a;
  return MIN (a, b);
}

/* Every person's team size and worst finding, children before managers
 * (reverse pre-order), without recursion. */
static void
count_teams (LadderTeamMap *map, LadderChart *chart, LadderFindings *findings)
{
  guint capacity = ladder_chart_get_capacity (chart);
  const LadderPersonRecord *records;
  guint n;

  if (capacity > map->capacity)
    {
      map->capacity = capacity;
      map->order = g_renew (guint, map->order, capacity);
      map->size = g_renew (guint, map->size, capacity);
      map->height = g_renew (guint, map->height, capacity);
      map->depth = g_renew (guint, map->depth, capacity);
      map->manager = g_renew (guint, map->manager, capacity);
      map->worst = g_renew (gint8, map->worst, capacity);
    }
  /* Removed slots (which undo may bring back) have no depth. */
  memset (map->depth, 0xff, capacity * sizeof (guint));
  n = ladder_chart_preorder (chart, map->order, FALSE);
  /* Read directly: a checked call per person was a third of the time. */
  records = ladder_chart_get_records (chart);
  for (guint i = 0; i < n; i++)
    {
      guint p = map->order[i];
      guint m = records[p].manager;

      map->manager[p] = m;
      map->depth[p] = m == LADDER_NONE ? 0 : map->depth[m] + 1;

      map->size[p] = 1;
      map->height[p] = 1;
      map->worst[p] = findings != NULL ? ladder_findings_worst_for (findings, p) : -1;
    }
  for (guint i = n; i-- > 0;)
    {
      guint p = map->order[i];
      guint m = map->manager[p];

      if (m == LADDER_NONE)
        continue;
      map->size[m] += map->size[p];
      map->height[m] = MAX (map->height[m], map->height[p] + 1);
      map->worst[m] = worse (map->worst[m], map->worst[p]);
    }
}

static void
close_run (LadderTeamMap *map, LadderMapBlock *run)
{
  if (run->people > 0)
    g_array_append_val (map->blocks, *run);
  run->people = 0;
}

/* The blocks of @first and its siblings, side by side from @x, each
 * @unit wide per person. */
static void
add_siblings (LadderTeamMap *map, LadderChart *chart, guint first, guint level,
              double x, double unit, double min_width)
{
  LadderMapBlock run = { LADDER_NONE, level, 1, 0, 0, 0, -1 };

  for (guint p = first; p != LADDER_NONE; p = ladder_chart_get_next_sibling (chart, p))
    {
      double width = map->size[p] * unit;

      if (width < min_width)
        {
          if (run.people == 0)
            {
              run.x0 = x;
              run.rows = 1;
              run.severity = -1;
            }
          run.rows = MAX (run.rows, map->height[p]);
          run.x1 = x + width;
          run.people += map->size[p];
          run.severity = worse (run.severity, map->worst[p]);
        }
      else
        {
          LadderMapBlock block = { p, level, 1, x, x + width, map->size[p], map->worst[p] };

          close_run (map, &run);
          g_array_append_val (map->blocks, block);
        }
      x += width;
    }
  close_run (map, &run);
}

void
ladder_team_map_build (LadderTeamMap *map, LadderChart *chart, LadderFindings *findings,
                       guint max_levels, double min_width)
{
  guint n_people, begin = 0, depth = 0;

  g_return_if_fail (map != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));

  g_array_set_size (map->blocks, 0);
  g_array_set_size (map->level_start, 0);
  g_array_set_size (map->x_anchors, 0);
  g_array_set_size (map->y_anchors, 0);
  n_people = ladder_chart_get_n_people (chart);
  if (n_people == 0 || max_levels == 0)
    return;
  count_teams (map, chart, findings);

  g_array_append_val (map->level_start, begin);
  add_siblings (map, chart, ladder_chart_get_first_root (chart), 0, 0.0, 1.0 / n_people,
                min_width);
  for (guint level = 1; level < max_levels; level++)
    {
      guint end = map->blocks->len;

      g_array_append_val (map->level_start, end);
      for (guint i = begin; i < end; i++)
        {
          /* Copied: appending may move the array. */
          LadderMapBlock parent = g_array_index (map->blocks, LadderMapBlock, i);
          double unit;

          if (parent.person == LADDER_NONE || parent.people < 2)
            continue;
          /* The head's own share is split on both sides of its reports. */
          unit = (parent.x1 - parent.x0) / parent.people;
          add_siblings (map, chart, ladder_chart_get_first_report (chart, parent.person), level,
                        parent.x0 + unit / 2.0, unit, min_width);
        }
      begin = end;
    }
  begin = map->blocks->len;
  g_array_append_val (map->level_start, begin);

  /* Runs end at the last level; the map ends at the deepest block. */
  for (guint i = 0; i < map->blocks->len; i++)
    {
      LadderMapBlock *block = &g_array_index (map->blocks, LadderMapBlock, i);

      block->rows = MIN (block->rows, max_levels - block->level);
      depth = MAX (depth, block->level + block->rows);
    }
  g_array_set_size (map->level_start, depth + 1);
}

const LadderMapBlock *
ladder_team_map_get_blocks (LadderTeamMap *map, guint *n_blocks)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (n_blocks != NULL, NULL);

  *n_blocks = map->blocks->len;
  return (const LadderMapBlock *) map->blocks->data;
}

guint
ladder_team_map_get_n_levels (LadderTeamMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->level_start->len > 0 ? map->level_start->len - 1 : 0;
}

guint
ladder_team_map_block_at (LadderTeamMap *map, double mx, double my)
{
  guint n_levels, row, lo, hi;

  g_return_val_if_fail (map != NULL, LADDER_NONE);

  n_levels = ladder_team_map_get_n_levels (map);
  if (n_levels == 0 || !(mx >= 0.0 && mx <= 1.0 && my >= 0.0 && my <= 1.0))
    return LADDER_NONE;
  row = MIN ((guint) (my * n_levels), n_levels - 1);
  /* In the row, or a run from a row above that reaches down to it. */
  for (guint level = row + 1; level-- > 0;)
    {
      const LadderMapBlock *block;
      guint end = g_array_index (map->level_start, guint, level + 1);

      lo = g_array_index (map->level_start, guint, level);
      hi = end;
      /* The first block that ends after mx. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (map->blocks, LadderMapBlock, mid).x1 <= mx)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo == end)
        continue;
      block = &g_array_index (map->blocks, LadderMapBlock, lo);
      if (block->x0 <= mx && block->level + block->rows > row)
        return lo;
    }
  return LADDER_NONE;
}

/* ------------------------------------------------------------- anchors */

static int
compare_anchors (gconstpointer a, gconstpointer b)
{
  const Anchor *x = a, *y = b;

  if (x->box != y->box)
    return x->box < y->box ? -1 : 1;
  if (x->layout != y->layout)
    return x->layout < y->layout ? -1 : 1;
  return 0;
}

/* Sorted by the box, keeping only anchors that also increase in the
 * layout (a card off its team's order, such as a column of stacked
 * reports, is left out), between (0, 0) and (@end, 1). */
static void
make_monotonic (GArray *anchors, double start_box, double end, double end_box)
{
  guint kept = 0;

  g_array_sort (anchors, compare_anchors);
  for (guint i = 0; i < anchors->len; i++)
    {
      Anchor a = g_array_index (anchors, Anchor, i);

      if (kept > 0 && (a.layout <= g_array_index (anchors, Anchor, kept - 1).layout ||
                       a.box <= g_array_index (anchors, Anchor, kept - 1).box))
        continue;
      g_array_index (anchors, Anchor, kept++) = a;
    }
  g_array_set_size (anchors, kept);
  if (kept == 0 || (g_array_index (anchors, Anchor, 0).layout > 0.0 &&
                    g_array_index (anchors, Anchor, 0).box > start_box))
    g_array_prepend_val (anchors, ((Anchor) { 0.0, start_box }));
  kept = anchors->len;
  if (end > g_array_index (anchors, Anchor, kept - 1).layout &&
      end_box > g_array_index (anchors, Anchor, kept - 1).box)
    g_array_append_val (anchors, ((Anchor) { end, end_box }));
}

void
ladder_team_map_set_layout (LadderTeamMap *map, LadderLayout *layout)
{
  guint n_levels, n_visible;
  const guint *visible;
  double width, height, last_y = 0.0;
  g_autofree double *tops = NULL;
  guint last_level = 0;
  gboolean any = FALSE;

  g_return_if_fail (map != NULL);
  g_return_if_fail (layout != NULL);

  g_array_set_size (map->x_anchors, 0);
  g_array_set_size (map->y_anchors, 0);
  n_levels = ladder_team_map_get_n_levels (map);
  if (n_levels == 0)
    return;
  ladder_layout_get_extents (layout, &width, &height);

  /* Rows: the top of each level's highest card in the layout.  Slots
   * newer than the blocks wait for the next build. */
  tops = g_new (double, n_levels);
  for (guint level = 0; level < n_levels; level++)
    tops[level] = G_MAXDOUBLE;
  visible = ladder_layout_get_visible (layout, &n_visible);
  for (guint i = 0; i < n_visible; i++)
    {
      guint p = visible[i];

      if (p < map->capacity && map->depth[p] < n_levels)
        tops[map->depth[p]] = MIN (tops[map->depth[p]], ladder_layout_get_box (layout, p)->y);
    }

  for (guint level = 0; level < n_levels; level++)
    {
      guint lo = g_array_index (map->level_start, guint, level);
      guint hi = g_array_index (map->level_start, guint, level + 1);
      double top = tops[level];

      for (guint i = lo; i < hi; i++)
        {
          const LadderMapBlock *block = &g_array_index (map->blocks, LadderMapBlock, i);
          const LadderBox *box = block->person != LADDER_NONE
                                 ? ladder_layout_get_box (layout, block->person) : NULL;
          Anchor x;

          if (box == NULL || !box->visible)
            continue;
          x.layout = box->x + box->width / 2.0;
          x.box = (block->x0 + block->x1) / 2.0;
          g_array_append_val (map->x_anchors, x);
        }
      if (top != G_MAXDOUBLE)
        {
          Anchor y = { top, (double) level / n_levels };

          g_array_append_val (map->y_anchors, y);
          last_y = top;
          last_level = level;
          any = TRUE;
        }
    }
  make_monotonic (map->x_anchors, 0.0, width, 1.0);
  /* Below the deepest level shown in both: the rest of the layout when it
   * goes deeper than the map, else the bottom of that level's row. */
  if (any && last_level == n_levels - 1)
    make_monotonic (map->y_anchors, 0.0, MAX (height, last_y + LADDER_CARD_HEIGHT), 1.0);
  else if (any)
    make_monotonic (map->y_anchors, 0.0, last_y + LADDER_CARD_HEIGHT,
                    (double) (last_level + 1) / n_levels);
  else
    make_monotonic (map->y_anchors, 0.0, height, 1.0);
}

/* Linear between the anchors around @value, clamped to the first and
 * last; @from_box maps the box to the layout. */
static double
interpolate (GArray *anchors, double value, gboolean from_box)
{
  guint lo = 0, hi;
  const Anchor *a, *b;
  double a_in, b_in, a_out, b_out;

  if (anchors->len == 0)
    return 0.0;
  hi = anchors->len - 1;
  a = &g_array_index (anchors, Anchor, 0);
  b = &g_array_index (anchors, Anchor, hi);
  if (value <= (from_box ? a->box : a->layout))
    return from_box ? a->layout : a->box;
  if (value >= (from_box ? b->box : b->layout))
    return from_box ? b->layout : b->box;
  /* The segment [lo, lo + 1] that holds @value. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      const Anchor *m = &g_array_index (anchors, Anchor, mid);

      if ((from_box ? m->box : m->layout) <= value)
        lo = mid;
      else
        hi = mid;
    }
  a = &g_array_index (anchors, Anchor, lo);
  b = &g_array_index (anchors, Anchor, lo + 1);
  a_in = from_box ? a->box : a->layout;
  b_in = from_box ? b->box : b->layout;
  a_out = from_box ? a->layout : a->box;
  b_out = from_box ? b->layout : b->box;
  return a_out + (b_out - a_out) * (value - a_in) / (b_in - a_in);
}

void
ladder_team_map_to_box (LadderTeamMap *map, double x, double y, double *mx, double *my)
{
  g_return_if_fail (map != NULL);

  if (mx != NULL)
    *mx = interpolate (map->x_anchors, x, FALSE);
  if (my != NULL)
    *my = interpolate (map->y_anchors, y, FALSE);
}

void
ladder_team_map_from_box (LadderTeamMap *map, double mx, double my, double *x, double *y)
{
  g_return_if_fail (map != NULL);

  if (x != NULL)
    *x = interpolate (map->x_anchors, mx, TRUE);
  if (y != NULL)
    *y = interpolate (map->y_anchors, my, TRUE);
}
