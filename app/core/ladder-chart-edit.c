/* ladder-chart-edit.c — the chart's edits: adding, removing and reviving
 * people, moving them, setting their fields and dotted lines
 *
 * Each edit checks its arguments, changes the records and announces
 * itself with a LadderChange that describes it completely, for the
 * views, the validator and the undo history.  Apart from
 * ladder-chart-records.c, which stores and links people without a word
 * (for the readers), and ladder-chart.c, which reads the chart.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-chart-instance-private.h"
#include "ladder-text.h"
#include "ladder-describe.h"

#include <string.h>

guint
ladder_chart_add_person (LadderChart *self, const char *id, const char *role,
                         guint manager, guint position, GError **error)
{
  g_autofree char *fresh = NULL;
  LadderChange change;
  guint slot;

  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  if (manager != LADDER_NONE && !ladder_chart_is_alive (self, manager))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                   "No such manager");
      return LADDER_NONE;
    }
  if (id == NULL)
    id = fresh = ladder_chart_dup_free_id (self);
  if (!ladder_id_is_valid (id))
    {
      g_autofree char *shown = ladder_text_shorten (id, LADDER_TEXT_QUOTE_MAX);

      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "“%s” is not a valid id (1–64 letters, digits, “_”, “.” or “-”)", shown);
      return LADDER_NONE;
    }
  slot = ladder_chart_append_record (self, id, role, 0);
  if (slot == LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", id);
      return LADDER_NONE;
    }
  ladder_chart_link_person (self, slot, manager, position);

  ladder_change_init (&change, LADDER_CHANGE_ADDED, slot);
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, slot);
  ladder_chart_emit (self, &change);
  return slot;
}

/* Removes every dotted line that points at @person, announcing each. */
static void
remove_dotted_lines_to (LadderChart *self, guint person)
{
  g_autoptr(GArray) from = ladder_chart_dup_dotted_from (self, person);

  for (guint i = 0; i < from->len; i++)
    {
      guint p = g_array_index (from, guint, i);

      /* Skip a slot listed twice (a person's lines are distinct). */
      if (i > 0 && p == g_array_index (from, guint, i - 1))
        continue;
      ladder_chart_remove_dotted_line (self, p, person);
    }
}

void
ladder_chart_remove_person (LadderChart *self, guint person)
{
  g_autoptr(GArray) moved = NULL;
  LadderPersonRecord *r;
  LadderChange change;
  guint manager, position, report;

  g_return_if_fail (ladder_chart_is_alive (self, person));

  remove_dotted_lines_to (self, person);

  r = ladder_chart_rec (self, person);
  manager = r->manager;
  position = ladder_chart_get_position (self, person);

  /* The reports take the person's place, in order. */
  moved = g_array_new (FALSE, FALSE, sizeof (LadderMovedReport));
  report = r->first_report;
  for (guint i = 0; report != LADDER_NONE; i++)
    {
      guint next = ladder_chart_rec (self, report)->next_sibling;
      LadderMovedReport m = { report, i, position + 1 + i };

      ladder_chart_unlink_person (self, report);
      ladder_chart_link_person (self, report, manager, position + 1 + i);
      g_array_append_val (moved, m);
      report = next;
    }
  for (guint i = 0; i < moved->len; i++)
    g_array_index (moved, LadderMovedReport, i).new_position -= 1;

  r = ladder_chart_rec (self, person);
  ladder_chart_unlink_person (self, person);
  r->alive = FALSE;
  ladder_id_index_remove (&self->by_id, r->id, person);
  self->n_alive--;

  ladder_change_init (&change, LADDER_CHANGE_REMOVED, person);
  change.old_manager = manager;
  change.old_position = position;
  change.moved = (const LadderMovedReport *) (gpointer) moved->data;
  change.n_moved = moved->len;
  ladder_chart_emit (self, &change);
}

gboolean
ladder_chart_revive_person (LadderChart *self, guint person, guint manager, guint position,
                            const guint *reports, guint n_reports, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_val_if_fail (LADDER_IS_CHART (self), FALSE);
  g_return_val_if_fail (person < self->people->len, FALSE);
  g_return_val_if_fail (!ladder_chart_rec (self, person)->alive, FALSE);

  r = ladder_chart_rec (self, person);
  if (manager != LADDER_NONE && !ladder_chart_is_alive (self, manager))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND, "No such manager");
      return FALSE;
    }
  if (ladder_chart_lookup (self, r->id) != LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", r->id);
      return FALSE;
    }
  for (guint i = 0; i < n_reports; i++)
    {
      if (!ladder_chart_is_alive (self, reports[i]))
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND, "No such report");
          return FALSE;
        }
    }

  ladder_id_index_insert (&self->by_id, (LadderPersonRecord *) self->people->data,
                          r->id, person);
  r->alive = TRUE;
  r->first_report = r->last_report = LADDER_NONE;
  r->n_reports = 0;
  self->n_alive++;
  for (guint i = 0; i < n_reports; i++)
    {
      ladder_chart_unlink_person (self, reports[i]);
      ladder_chart_link_person (self, reports[i], person, G_MAXUINT);
    }
  ladder_chart_link_person (self, person, manager, position);

  ladder_change_init (&change, LADDER_CHANGE_ADDED, person);
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, person);
  ladder_chart_emit (self, &change);
  return TRUE;
}

/* The one edit-time cycle check, and its words. */
gboolean
ladder_chart_check_manager (LadderChart *self, LadderCatalogue *catalogue, guint person,
                            guint manager, GError **error)
{
  const char *who, *boss;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  if (manager == LADDER_NONE || !ladder_chart_is_above (self, person, manager))
    return TRUE;

  who = catalogue != NULL ? ladder_describe_label (self, catalogue, person)
                          : ladder_chart_get_label (self, person);
  if (manager == person)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE,
                   _("Cannot move %s under themselves"), who);
      return FALSE;
    }
  boss = catalogue != NULL ? ladder_describe_label (self, catalogue, manager)
                           : ladder_chart_get_label (self, manager);
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE,
               _("Cannot move %s under %s: %s reports to %s"), who, boss, boss, who);
  return FALSE;
}

gboolean
ladder_chart_reparent (LadderChart *self, guint person, guint manager,
                       guint position, GError **error)
{
  LadderChange change;
  guint old_manager, old_position;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  if (manager != LADDER_NONE)
    {
      if (!ladder_chart_is_alive (self, manager))
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                       "No such manager");
          return FALSE;
        }
      if (!ladder_chart_check_manager (self, NULL, person, manager, error))
        return FALSE;
    }

  old_manager = ladder_chart_rec (self, person)->manager;
  old_position = ladder_chart_get_position (self, person);
  ladder_chart_unlink_person (self, person);
  ladder_chart_link_person (self, person, manager, position);

  ladder_change_init (&change, LADDER_CHANGE_MOVED, person);
  change.old_manager = old_manager;
  change.old_position = old_position;
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, person);
  if (change.old_manager == change.new_manager && change.old_position == change.new_position)
    return TRUE;
  ladder_chart_emit (self, &change);
  return TRUE;
}

gboolean
ladder_chart_reorder (LadderChart *self, guint person, guint position)
{
  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);
  return ladder_chart_reparent (self, person, ladder_chart_rec (self, person)->manager, position,
                                NULL);
}

gboolean
ladder_chart_set_id (LadderChart *self, guint person, const char *id, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;
  char *old;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  r = ladder_chart_rec (self, person);
  if (g_strcmp0 (r->id, id) == 0)
    return TRUE;
  if (!ladder_id_is_valid (id))
    {
      g_autofree char *shown = ladder_text_shorten (id ? id : "", LADDER_TEXT_QUOTE_MAX);

      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "“%s” is not a valid id (1–64 letters, digits, “_”, “.” or “-”)", shown);
      return FALSE;
    }
  if (ladder_chart_lookup (self, id) != LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", id);
      return FALSE;
    }
  ladder_id_index_remove (&self->by_id, r->id, person);
  old = g_steal_pointer (&r->id);
  r->id = g_strdup (id);
  ladder_id_index_insert (&self->by_id, (LadderPersonRecord *) self->people->data,
                          r->id, person);

  ladder_change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = LADDER_FIELD_ID;
  change.old_text = old;
  change.new_text = r->id;
  ladder_chart_emit (self, &change);
  ladder_chart_free_text (self, old);
  return TRUE;
}

static void
set_text (LadderChart *self, guint person, LadderField field, char **slot, const char *text)
{
  char *old;
  LadderChange change;

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (*slot, text) == 0)
    return;
  old = g_steal_pointer (slot);
  *slot = g_strdup (text);

  ladder_change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = field;
  change.old_text = old;
  change.new_text = *slot;
  ladder_chart_emit (self, &change);
  ladder_chart_free_text (self, old);
}

void
ladder_chart_set_role (LadderChart *self, guint person, const char *role)
{
  LadderPersonRecord *r;
  LadderChange change;
  const char *old;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  g_return_if_fail (role != NULL && *role != '\0');

  r = ladder_chart_rec (self, person);
  role = g_intern_string (role);
  if (r->role == role)
    return;
  old = r->role;
  r->role = role;

  ladder_change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = LADDER_FIELD_ROLE;
  change.old_text = old;
  change.new_text = role;
  ladder_chart_emit (self, &change);
}

void
ladder_chart_set_name (LadderChart *self, guint person, const char *name)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_NAME, &ladder_chart_rec (self, person)->name, name);
}

void
ladder_chart_set_person_title (LadderChart *self, guint person, const char *title)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_TITLE, &ladder_chart_rec (self, person)->title, title);
}

void
ladder_chart_set_note (LadderChart *self, guint person, const char *note)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_NOTE, &ladder_chart_rec (self, person)->note, note);
}

static void
emit_flag (LadderChart *self, guint person, LadderField field, gboolean old, gboolean value)
{
  LadderChange change;

  ladder_change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = field;
  change.old_value = old;
  change.new_value = value;
  ladder_chart_emit (self, &change);
}

void
ladder_chart_set_vacant (LadderChart *self, guint person, gboolean vacant)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = ladder_chart_rec (self, person);
  vacant = !!vacant;
  if (r->vacant == (guint) vacant)
    return;
  r->vacant = vacant;
  emit_flag (self, person, LADDER_FIELD_VACANT, !vacant, vacant);
}

void
ladder_chart_set_assistant (LadderChart *self, guint person, gboolean assistant)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = ladder_chart_rec (self, person);
  assistant = !!assistant;
  if (r->assistant == (guint) assistant)
    return;
  r->assistant = assistant;
  emit_flag (self, person, LADDER_FIELD_ASSISTANT, !assistant, assistant);
}

void
ladder_chart_set_collapsed (LadderChart *self, guint person, gboolean collapsed)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = ladder_chart_rec (self, person);
  collapsed = !!collapsed;
  if (r->collapsed == (guint) collapsed)
    return;
  r->collapsed = collapsed;
  if (collapsed)
    r->view_folded = FALSE;
  emit_flag (self, person, LADDER_FIELD_COLLAPSED, !collapsed, collapsed);
}

void
ladder_chart_set_view_folded (LadderChart *self, guint person, gboolean folded)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = ladder_chart_rec (self, person);
  folded = !!folded;
  if (r->collapsed == (guint) folded || (r->collapsed && !r->view_folded))
    return;
  r->collapsed = folded;
  r->view_folded = TRUE;
  emit_flag (self, person, LADDER_FIELD_COLLAPSED, !folded, folded);
}

gboolean
ladder_chart_get_view_folded (LadderChart *self, guint person)
{
  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);
  return ladder_chart_rec (self, person)->view_folded;
}

gboolean
ladder_chart_insert_dotted_line (LadderChart *self, guint person, guint to,
                                 guint index, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  if (!ladder_chart_is_alive (self, to))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                   "No such person for the dotted line");
      return FALSE;
    }
  if (to == person)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "%s cannot have a dotted line to themselves",
                   ladder_chart_get_label (self, person));
      return FALSE;
    }
  r = ladder_chart_rec (self, person);
  for (guint i = 0; i < r->n_dotted; i++)
    {
      if (r->dotted[i] == to)
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                       "%s already has a dotted line to %s",
                       ladder_chart_get_label (self, person),
                       ladder_chart_get_label (self, to));
          return FALSE;
        }
    }
  if (index > r->n_dotted)
    index = r->n_dotted;
  r->dotted = g_renew (guint, r->dotted, r->n_dotted + 1);
  memmove (r->dotted + index + 1, r->dotted + index, (r->n_dotted - index) * sizeof (guint));
  r->dotted[index] = to;
  r->n_dotted++;
  ladder_chart_dotted_from_add (self, person, to);

  ladder_change_init (&change, LADDER_CHANGE_DOTTED_ADDED, person);
  change.dotted_to = to;
  change.dotted_index = index;
  ladder_chart_emit (self, &change);
  return TRUE;
}

gboolean
ladder_chart_add_dotted_line (LadderChart *self, guint person, guint to, GError **error)
{
  return ladder_chart_insert_dotted_line (self, person, to, G_MAXUINT, error);
}

void
ladder_chart_remove_dotted_line (LadderChart *self, guint person, guint to)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_if_fail (ladder_chart_is_alive (self, person));

  r = ladder_chart_rec (self, person);
  for (guint i = 0; i < r->n_dotted; i++)
    {
      if (r->dotted[i] != to)
        continue;
      memmove (r->dotted + i, r->dotted + i + 1, (r->n_dotted - i - 1) * sizeof (guint));
      r->n_dotted--;
      if (r->n_dotted == 0)
        g_clear_pointer (&r->dotted, g_free);
      ladder_chart_dotted_from_remove (self, person, to);

      ladder_change_init (&change, LADDER_CHANGE_DOTTED_REMOVED, person);
      change.dotted_to = to;
      change.dotted_index = i;
      ladder_chart_emit (self, &change);
      return;
    }
}
