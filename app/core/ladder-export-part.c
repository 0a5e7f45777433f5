/* ladder-export-part.c — the part of a chart an export shows
 *
 * Exports draw everyone: the folds of a chart (collapsed="true") are the
 * view's, not the chart's, and are dropped unless the export is "as
 * shown".  --root keeps one person and everyone below, the root without
 * a manager and only the dotted lines inside the team.  --levels keeps N
 * levels from the top: a picture folds the deeper teams, with their
 * counts on the cards; a data format leaves them out.
 */
#include "config.h"

#include "ladder-chart-private.h"
#include "ladder-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
copy_text (LadderChart *to, const char *text)
{
  return text != NULL ? ladder_chart_copy_text (to, text, strlen (text)) : NULL;
}

static gboolean
has_folds (LadderChart *chart)
{
  guint capacity = ladder_chart_get_capacity (chart);

  for (guint p = 0; p < capacity; p++)
    if (ladder_chart_is_alive (chart, p) && ladder_chart_get_collapsed (chart, p))
      return TRUE;
  return FALSE;
}

/* The next person in pre-order below @top (or among all roots when @top
 * is LADDER_NONE), not entering @p's reports when @enter is FALSE;
 * @depth follows (the top being 1). */
static guint
next_person (LadderChart *chart, guint top, guint p, gboolean enter, guint *depth)
{
  if (enter && ladder_chart_get_first_report (chart, p) != LADDER_NONE)
    {
      (*depth)++;
      return ladder_chart_get_first_report (chart, p);
    }
  while (p != top && p != LADDER_NONE && ladder_chart_get_next_sibling (chart, p) == LADDER_NONE)
    {
      p = ladder_chart_get_manager (chart, p);
      (*depth)--;
    }
  if (p == top || p == LADDER_NONE)
    return LADDER_NONE;
  return ladder_chart_get_next_sibling (chart, p);
}

/* Room for everyone's text at once: one block instead of an allocation
 * per name. */
static void
reserve_everyone (LadderChart *part, LadderChart *chart)
{
  LadderPersonRecord *records = ladder_chart_get_records (chart);
  guint capacity = ladder_chart_get_capacity (chart);
  gsize bytes = 0;

  for (guint p = 0; p < capacity; p++)
    {
      const LadderPersonRecord *r = &records[p];

      if (!r->alive)
        continue;
      bytes += strlen (r->id) + 1;
      bytes += r->name != NULL ? strlen (r->name) + 1 : 0;
      bytes += r->title != NULL ? strlen (r->title) + 1 : 0;
      bytes += r->note != NULL ? strlen (r->note) + 1 : 0;
    }
  ladder_chart_reserve_records (part, ladder_chart_get_n_people (chart));
  ladder_chart_reserve_text (part, bytes);
}

/* @top and everyone below (everyone when LADDER_NONE), to @options'
 * levels, as a new chart in pre-order. */
static LadderChart *
copy_part (LadderChart *chart, guint top, const LadderExportOptions *options, gboolean picture,
           GError **error)
{
  g_autoptr(LadderChart) part = NULL;
  g_autofree guint *copy_of = NULL;
  guint capacity = ladder_chart_get_capacity (chart);
  guint p, depth = 1;

  part = ladder_chart_new ();
  ladder_chart_set_title (part, ladder_chart_get_title (chart));
  ladder_chart_set_employees (part, ladder_chart_get_employees (chart));
  ladder_chart_set_layout (part, ladder_chart_get_layout (chart));
  if (top == LADDER_NONE && options->levels == 0)
    reserve_everyone (part, chart);
  copy_of = g_new (guint, MAX (1, capacity));
  memset (copy_of, 0xff, sizeof (guint) * MAX (1, capacity));

  p = top != LADDER_NONE ? top : ladder_chart_get_first_root (chart);
  while (p != LADDER_NONE)
    {
      gboolean deeper = options->levels == 0 || depth < options->levels;
      guint manager = depth > 1 ? ladder_chart_get_manager (chart, p) : LADDER_NONE;
      guint slot;
      LadderPersonRecord *record;

      slot = ladder_chart_append_record (part, ladder_chart_get_id (chart, p),
                                         ladder_chart_get_role (chart, p),
                                         ladder_chart_get_line (chart, p));
      g_assert (slot != LADDER_NONE);
      copy_of[p] = slot;
      record = ladder_chart_get_record (part, slot);
      record->name = copy_text (part, ladder_chart_get_name (chart, p));
      record->title = copy_text (part, ladder_chart_get_person_title (chart, p));
      record->note = copy_text (part, ladder_chart_get_note (chart, p));
      record->vacant = ladder_chart_get_vacant (chart, p);
      record->assistant = ladder_chart_get_assistant (chart, p);
      record->manager = manager != LADDER_NONE ? copy_of[manager] : LADDER_NONE;
      record->collapsed = (options->as_shown && ladder_chart_get_collapsed (chart, p))
                          || (picture && !deeper
                              && ladder_chart_get_first_report (chart, p) != LADDER_NONE);
      p = next_person (chart, top, p, deeper || picture, &depth);
    }
  /* Appended in pre-order, siblings keep their order, and a tree has no
   * cycle. */
  if (!ladder_chart_link_records (part, NULL, NULL))
    g_assert_not_reached ();

  for (guint q = 0; q < capacity; q++)
    {
      const guint *dotted;
      guint n_dotted;

      if (!ladder_chart_is_alive (chart, q) || copy_of[q] == LADDER_NONE)
        continue;
      dotted = ladder_chart_get_dotted_lines (chart, q, &n_dotted);
      for (guint k = 0; k < n_dotted; k++)
        if (copy_of[dotted[k]] != LADDER_NONE
            && !ladder_chart_add_dotted_line (part, copy_of[q], copy_of[dotted[k]], error))
          return NULL;
    }
  return g_steal_pointer (&part);
}

LadderChart *
ladder_export_part (LadderChart *chart, const LadderExportOptions *options, gboolean picture,
                    const char *name, GError **error)
{
  guint top = LADDER_NONE;
  gboolean drop_folds;

  if (options->root != NULL)
    {
      top = ladder_chart_lookup (chart, options->root);
      if (top == LADDER_NONE)
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                       _("%s: error: --root: nobody on the chart has the id “%s”"), name,
                       options->root);
          return NULL;
        }
    }
  drop_folds = !options->as_shown && has_folds (chart);
  if (top == LADDER_NONE && options->levels == 0 && !drop_folds)
    return NULL;
  return copy_part (chart, top, options, picture, error);
}

LadderChart *
ladder_export_snapshot (LadderChart *chart)
{
  const LadderExportOptions everything = { .as_shown = TRUE };
  g_autoptr(GError) error = NULL;
  LadderChart *copy;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  /* Only a dotted line the chart could not hold fails the copy. */
  copy = copy_part (chart, LADDER_NONE, &everything, FALSE, &error);
  if (copy == NULL)
    g_critical ("ladder_export_snapshot: %s", error->message);
  return copy;
}
