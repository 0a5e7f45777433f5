/* ladder-view-folds.c — a big chart opens with its deeper teams folded */
#include "config.h"

#include "ladder-view-folds.h"

static gboolean
has_folds (LadderChart *chart, const GArray *level)
{
  for (guint i = 0; i < level->len; i++)
    if (ladder_chart_get_collapsed (chart, g_array_index (level, guint, i)))
      return TRUE;
  return FALSE;
}

static gboolean
has_any_fold (LadderChart *chart)
{
  g_autofree guint *order = g_new (guint, ladder_chart_get_n_people (chart) + 1);
  guint n = ladder_chart_preorder (chart, order, FALSE);

  for (guint i = 0; i < n; i++)
    if (ladder_chart_get_collapsed (chart, order[i]))
      return TRUE;
  return FALSE;
}

/* The reports of everyone in @level, in order. */
static GArray *
next_level (LadderChart *chart, const GArray *level)
{
  GArray *next = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < level->len; i++)
    for (guint p = ladder_chart_get_first_report (chart, g_array_index (level, guint, i));
         p != LADDER_NONE; p = ladder_chart_get_next_sibling (chart, p))
      g_array_append_val (next, p);
  return next;
}

guint
ladder_view_fold_big (LadderChart *chart, guint max_cards)
{
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (guint));
  guint shown, n_folded = 0;

  g_return_val_if_fail (LADDER_IS_CHART (chart), 0);

  if (ladder_chart_get_n_people (chart) <= max_cards)
    return 0;
  for (guint p = ladder_chart_get_first_root (chart); p != LADDER_NONE;
       p = ladder_chart_get_next_sibling (chart, p))
    g_array_append_val (level, p);

  /* The roots and their reports always show (a wide team is one row),
   * then down while the next level still fits; a chart with folds of its
   * own opens as its file says. */
  if (has_folds (chart, level))
    return 0;
  {
    GArray *reports = next_level (chart, level);

    g_array_unref (level);
    level = reports;
  }
  shown = ladder_chart_get_n_roots (chart) + level->len;
  for (;;)
    {
      g_autoptr(GArray) next = NULL;

      if (has_folds (chart, level))
        return 0;
      next = next_level (chart, level);
      if (next->len == 0)
        return 0;
      if (shown + next->len > max_cards)
        break;
      shown += next->len;
      g_array_unref (level);
      level = g_steal_pointer (&next);
    }
  /* Deeper levels may hold the file's folds: then no view fold at all. */
  if (has_any_fold (chart))
    return 0;

  for (guint i = 0; i < level->len; i++)
    {
      guint person = g_array_index (level, guint, i);

      if (ladder_chart_get_first_report (chart, person) != LADDER_NONE)
        {
          ladder_chart_set_view_folded (chart, person, TRUE);
          n_folded++;
        }
    }
  return n_folded;
}
