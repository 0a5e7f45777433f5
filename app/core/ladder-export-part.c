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

/* A copy made a slice at a time: first the people in pre-order, then
 * their dotted lines; the links are made last, by whoever finishes. */
struct _LadderExportCopy {
  LadderChart *chart;        /* until every slice is copied */
  LadderChart *part;
  guint       *copy_of;      /* per slot of @chart: its slot in @part */
  guint        capacity;
  guint        top;          /* LADDER_NONE: every root */
  guint        levels;
  gboolean     as_shown;
  gboolean     picture;
  guint        next;         /* the next person to copy, or LADDER_NONE */
  guint        depth;
  guint        next_dotted;  /* the next slot whose dotted lines to copy */
};

static LadderExportCopy *
copy_new (LadderChart *chart, guint top, const LadderExportOptions *options, gboolean picture)
{
  LadderExportCopy *copy = g_new0 (LadderExportCopy, 1);

  copy->chart = g_object_ref (chart);
  copy->capacity = ladder_chart_get_capacity (chart);
  copy->top = top;
  copy->levels = options->levels;
  copy->as_shown = options->as_shown;
  copy->picture = picture;
  copy->next = top != LADDER_NONE ? top : ladder_chart_get_first_root (chart);
  copy->depth = 1;

  copy->part = ladder_chart_new ();
  ladder_chart_set_title (copy->part, ladder_chart_get_title (chart));
  ladder_chart_set_employees (copy->part, ladder_chart_get_employees (chart));
  ladder_chart_set_layout (copy->part, ladder_chart_get_layout (chart));
  if (top == LADDER_NONE && options->levels == 0)
    reserve_everyone (copy->part, chart);
  copy->copy_of = g_new (guint, MAX (1, copy->capacity));
  memset (copy->copy_of, 0xff, sizeof (guint) * MAX (1, copy->capacity));
  return copy;
}

static void
copy_person (LadderExportCopy *copy, guint p, gboolean deeper)
{
  LadderChart *chart = copy->chart;
  guint manager = copy->depth > 1 ? ladder_chart_get_manager (chart, p) : LADDER_NONE;
  LadderPersonRecord *record;
  guint slot;

  slot = ladder_chart_append_record (copy->part, ladder_chart_get_id (chart, p),
                                     ladder_chart_get_role (chart, p),
                                     ladder_chart_get_line (chart, p));
  g_assert (slot != LADDER_NONE);
  copy->copy_of[p] = slot;
  record = ladder_chart_get_record (copy->part, slot);
  record->name = copy_text (copy->part, ladder_chart_get_name (chart, p));
  record->title = copy_text (copy->part, ladder_chart_get_person_title (chart, p));
  record->note = copy_text (copy->part, ladder_chart_get_note (chart, p));
  record->vacant = ladder_chart_get_vacant (chart, p);
  record->assistant = ladder_chart_get_assistant (chart, p);
  record->manager = manager != LADDER_NONE ? copy->copy_of[manager] : LADDER_NONE;
  record->collapsed = (copy->as_shown && ladder_chart_get_collapsed (chart, p))
                      || (copy->picture && !deeper
                          && ladder_chart_get_first_report (chart, p) != LADDER_NONE);
}

/* The lines of @q to people in the copy, in their order. */
static void
copy_dotted (LadderExportCopy *copy, guint q)
{
  LadderPersonRecord *record;
  const guint *dotted;
  guint n_dotted, n = 0;

  dotted = ladder_chart_get_dotted_lines (copy->chart, q, &n_dotted);
  if (n_dotted == 0)
    return;
  record = ladder_chart_get_record (copy->part, copy->copy_of[q]);
  record->dotted = g_new (guint, n_dotted);
  for (guint k = 0; k < n_dotted; k++)
    if (copy->copy_of[dotted[k]] != LADDER_NONE)
      record->dotted[n++] = copy->copy_of[dotted[k]];
  record->n_dotted = n;
  if (n == 0)
    g_clear_pointer (&record->dotted, g_free);
}

/* About @n_people more people (or slots' dotted lines); TRUE when all
 * are copied.  The chart may not change between two steps. */
static gboolean
copy_step (LadderExportCopy *copy, guint n_people)
{
  LadderChart *chart = copy->chart;
  guint done = 0;

  for (; copy->next != LADDER_NONE && done < n_people; done++)
    {
      gboolean deeper = copy->levels == 0 || copy->depth < copy->levels;

      copy_person (copy, copy->next, deeper);
      copy->next = next_person (chart, copy->top, copy->next, deeper || copy->picture,
                                &copy->depth);
    }
  for (; copy->next == LADDER_NONE && copy->next_dotted < copy->capacity && done < n_people;
       copy->next_dotted++, done++)
    if (ladder_chart_is_alive (chart, copy->next_dotted)
        && copy->copy_of[copy->next_dotted] != LADDER_NONE)
      copy_dotted (copy, copy->next_dotted);
  if (copy->next != LADDER_NONE || copy->next_dotted < copy->capacity)
    return FALSE;
  g_clear_object (&copy->chart);
  g_clear_pointer (&copy->copy_of, g_free);
  return TRUE;
}

static LadderChart *
copy_finish (LadderExportCopy *copy)
{
  LadderChart *part = g_steal_pointer (&copy->part);

  /* Appended in pre-order, siblings keep their order, and a tree has no
   * cycle. */
  if (!ladder_chart_link_records (part, NULL, NULL))
    g_assert_not_reached ();
  ladder_export_copy_free (copy);
  return part;
}

LadderChart *
ladder_export_part (LadderChart *chart, const LadderExportOptions *options, gboolean picture,
                    const char *name, GError **error)
{
  LadderExportCopy *copy;
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
  copy = copy_new (chart, top, options, picture);
  copy_step (copy, G_MAXUINT);
  return copy_finish (copy);
}

LadderExportCopy *
ladder_export_copy_new (LadderChart *chart)
{
  const LadderExportOptions everything = { .as_shown = TRUE };

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  return copy_new (chart, LADDER_NONE, &everything, FALSE);
}

gboolean
ladder_export_copy_step (LadderExportCopy *copy, guint n_people)
{
  g_return_val_if_fail (copy != NULL, TRUE);
  return copy_step (copy, n_people);
}

LadderChart *
ladder_export_copy_finish (LadderExportCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);
  g_return_val_if_fail (copy->chart == NULL, NULL);
  return copy_finish (copy);
}

void
ladder_export_copy_free (LadderExportCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_object (&copy->chart);
  g_clear_object (&copy->part);
  g_free (copy->copy_of);
  g_free (copy);
}

LadderChart *
ladder_export_snapshot (LadderChart *chart)
{
  LadderExportCopy *copy;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  copy = ladder_export_copy_new (chart);
  ladder_export_copy_step (copy, G_MAXUINT);
  return ladder_export_copy_finish (copy);
}
