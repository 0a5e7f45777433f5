/* ladder-document-commands.c — one command per user intent
 *
 * Each command checks what it is asked (in the user's words when it
 * refuses), then makes its change inside one history group labelled for
 * the Undo button: "Move Chen Li".  The folds are view state and go
 * around the history (see ladder_document_fold()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-describe.h"
#include "ladder-document-private.h"

const char *
ladder_document_person_label (LadderDocument *self, guint person)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (ladder_chart_get_id (self->chart, person) != NULL, NULL);
  return ladder_describe_label (self->chart, self->catalogue, person);
}

/* Opens the command's step; @format has one %s, the person's label. */
G_GNUC_PRINTF (3, 4) static void
begin (LadderDocument *self, guint person, const char *format, ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);
  ladder_history_begin_group (self->history, label);
  self->added = person;
}

static void
end (LadderDocument *self)
{
  ladder_history_end_group (self->history);
}

/* ----------------------------------------------------------- add, remove */

guint
ladder_document_add_person (LadderDocument *self, const char *role, guint manager,
                            guint position, const char *name, GError **error)
{
  const LadderRole *known;
  guint person;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  if (manager != LADDER_NONE && !ladder_chart_is_alive (self->chart, manager))
    manager = LADDER_NONE;
  known = ladder_catalogue_lookup_role (self->catalogue, role);

  /* Translators: an undo step, "Add Senior Product Manager" */
  begin (self, LADDER_NONE, _("Add %s"), known != NULL ? known->name : role);
  person = ladder_chart_add_person (self->chart, NULL, role, manager, position, error);
  if (person != LADDER_NONE && name != NULL && *name != '\0')
    ladder_chart_set_name (self->chart, person, name);
  end (self);
  /* Naming the newcomer later is still this step. */
  self->added = person;
  return person;
}

void
ladder_document_rename (LadderDocument *self, guint person, const char *name)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (!ladder_chart_is_alive (self->chart, person))
    return;
  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (ladder_chart_get_name (self->chart, person), name) == 0)
    return;

  if (person == self->added && name != NULL)
    {
      /* Translators: an undo step, "Add Chen Li" */
      g_autofree char *label = g_strdup_printf (_("Add %s"), name);

      if (ladder_history_amend_last (self->history, label))
        {
          ladder_chart_set_name (self->chart, person, name);
          ladder_history_end_group (self->history);
          self->added = LADDER_NONE;
          return;
        }
    }

  /* Translators: an undo step, "Rename Chen Li" */
  begin (self, LADDER_NONE, _("Rename %s"), ladder_document_person_label (self, person));
  ladder_chart_set_name (self->chart, person, name);
  end (self);
}

gboolean
ladder_document_cancel_add (LadderDocument *self, guint person)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);

  if (person == LADDER_NONE || person != self->added ||
      ladder_history_get_undo_person (self->history) != person ||
      ladder_history_can_redo (self->history))
    return FALSE;
  ladder_history_undo (self->history);
  ladder_history_discard_redo (self->history);
  self->added = LADDER_NONE;
  return TRUE;
}

void
ladder_document_remove_person (LadderDocument *self, guint person)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (!ladder_chart_is_alive (self->chart, person))
    return;
  /* Translators: an undo step, "Remove Chen Li" */
  begin (self, LADDER_NONE, _("Remove %s"), ladder_document_person_label (self, person));
  ladder_chart_remove_person (self->chart, person);
  end (self);
}

/* ------------------------------------------------------------------ move */

gboolean
ladder_document_check_move (LadderDocument *self, guint person, guint manager, GError **error)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (ladder_chart_is_alive (self->chart, person), FALSE);

  return ladder_chart_check_manager (self->chart, self->catalogue, person, manager, error);
}

gboolean
ladder_document_move_person (LadderDocument *self, guint person, guint manager,
                             guint position, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);

  if (!ladder_chart_is_alive (self->chart, person))
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                           _("That person is no longer on the chart"));
      return FALSE;
    }
  if (manager != LADDER_NONE && !ladder_chart_is_alive (self->chart, manager))
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                           _("That manager is no longer on the chart"));
      return FALSE;
    }
  if (!ladder_document_check_move (self, person, manager, error))
    return FALSE;

  /* Translators: an undo step, "Move Chen Li" */
  begin (self, LADDER_NONE, _("Move %s"), ladder_document_person_label (self, person));
  ok = ladder_chart_reparent (self->chart, person, manager, position, error);
  end (self);
  return ok;
}

/* ---------------------------------------------------------------- fields */

static const char *
field_step (LadderField field)
{
  switch (field)
    {
    /* Translators: undo steps, "Change ID of Chen Li" */
    case LADDER_FIELD_ID:        return N_("Change ID of %s");
    case LADDER_FIELD_ROLE:      return N_("Change Role of %s");
    case LADDER_FIELD_NAME:      return N_("Rename %s");
    case LADDER_FIELD_TITLE:     return N_("Change Title of %s");
    case LADDER_FIELD_NOTE:      return N_("Change Note of %s");
    case LADDER_FIELD_VACANT:    return N_("Change Vacancy of %s");
    case LADDER_FIELD_ASSISTANT: return N_("Change Assistant Status of %s");
    case LADDER_FIELD_COLLAPSED:
    default:
      return NULL;
    }
}

gboolean
ladder_document_set_field (LadderDocument *self, guint person, LadderField field,
                           const char *text, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field_step (field) != NULL, FALSE);

  if (!ladder_chart_is_alive (self->chart, person))
    return FALSE;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (field == LADDER_FIELD_VACANT || field == LADDER_FIELD_ASSISTANT)
    return ladder_document_set_flag (self, person, field, text != NULL);
  if (field == LADDER_FIELD_NAME)
    {
      ladder_document_rename (self, person, text);
      return TRUE;
    }
  if ((field == LADDER_FIELD_ID || field == LADDER_FIELD_ROLE) && text == NULL)
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                           field == LADDER_FIELD_ID ? _("A person needs an ID")
                                                    : _("A person needs a role"));
      return FALSE;
    }

  begin (self, LADDER_NONE, _(field_step (field)), ladder_document_person_label (self, person));
  switch (field)
    {
    case LADDER_FIELD_ID:
      ok = ladder_chart_set_id (self->chart, person, text, error);
      break;
    case LADDER_FIELD_ROLE:
      ladder_chart_set_role (self->chart, person, text);
      break;
    case LADDER_FIELD_TITLE:
      ladder_chart_set_person_title (self->chart, person, text);
      break;
    case LADDER_FIELD_NOTE:
      ladder_chart_set_note (self->chart, person, text);
      break;
    default:
      g_assert_not_reached ();
    }
  end (self);
  return ok;
}

gboolean
ladder_document_set_flag (LadderDocument *self, guint person, LadderField field,
                          gboolean value)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field == LADDER_FIELD_VACANT || field == LADDER_FIELD_ASSISTANT, FALSE);

  if (!ladder_chart_is_alive (self->chart, person))
    return FALSE;
  begin (self, LADDER_NONE, _(field_step (field)), ladder_document_person_label (self, person));
  if (field == LADDER_FIELD_VACANT)
    ladder_chart_set_vacant (self->chart, person, value);
  else
    ladder_chart_set_assistant (self->chart, person, value);
  end (self);
  return TRUE;
}

gboolean
ladder_document_add_dotted_line (LadderDocument *self, guint person, guint to, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);

  if (!ladder_chart_is_alive (self->chart, person) || !ladder_chart_is_alive (self->chart, to))
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                           _("That person is no longer on the chart"));
      return FALSE;
    }
  /* Translators: an undo step, "Add Dotted Line from Chen Li" */
  begin (self, LADDER_NONE, _("Add Dotted Line from %s"),
         ladder_document_person_label (self, person));
  ok = ladder_chart_add_dotted_line (self->chart, person, to, error);
  end (self);
  return ok;
}

void
ladder_document_remove_dotted_line (LadderDocument *self, guint person, guint to)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (!ladder_chart_is_alive (self->chart, person))
    return;
  /* Translators: an undo step, "Remove Dotted Line from Chen Li" */
  begin (self, LADDER_NONE, _("Remove Dotted Line from %s"),
         ladder_document_person_label (self, person));
  ladder_chart_remove_dotted_line (self->chart, person, to);
  end (self);
}

void
ladder_document_set_properties (LadderDocument *self, const char *title, gint64 employees,
                                LadderLayoutKind layout)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (employees < -1)
    employees = -1;
  ladder_history_begin_group (self->history, _("Change Chart Properties"));
  self->added = LADDER_NONE;
  ladder_chart_set_title (self->chart, title);
  ladder_chart_set_employees (self->chart, employees);
  ladder_chart_set_layout (self->chart, layout);
  ladder_history_end_group (self->history);
}

/* ------------------------------------------------------------- undo, redo */

/* The step's person if alive, else where it was (its manager). */
static guint
to_select (LadderDocument *self, guint person)
{
  if (person == LADDER_NONE || ladder_chart_get_capacity (self->chart) <= person)
    return LADDER_NONE;
  if (ladder_chart_is_alive (self->chart, person))
    {
      ladder_document_reveal (self, person);
      return person;
    }
  return LADDER_NONE;
}

guint
ladder_document_undo (LadderDocument *self)
{
  guint person;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), LADDER_NONE);

  person = ladder_history_get_undo_person (self->history);
  self->added = LADDER_NONE;
  if (!ladder_history_undo (self->history))
    return LADDER_NONE;
  return to_select (self, person);
}

guint
ladder_document_redo (LadderDocument *self)
{
  guint person;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), LADDER_NONE);

  person = ladder_history_get_redo_person (self->history);
  self->added = LADDER_NONE;
  if (!ladder_history_redo (self->history))
    return LADDER_NONE;
  return to_select (self, person);
}

/* ------------------------------------------------------------ view state */

void
ladder_document_fold (LadderDocument *self, guint person, gboolean folded)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (!ladder_chart_is_alive (self->chart, person))
    return;
  if (folded && ladder_chart_get_first_report (self->chart, person) == LADDER_NONE)
    return;
  ladder_chart_set_collapsed (self->chart, person, folded);
}

gboolean
ladder_document_reveal (LadderDocument *self, guint person)
{
  gboolean unfolded = FALSE;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);

  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return FALSE;
  for (guint m = ladder_chart_get_manager (self->chart, person); m != LADDER_NONE;
       m = ladder_chart_get_manager (self->chart, m))
    {
      if (ladder_chart_get_collapsed (self->chart, m))
        {
          ladder_chart_set_collapsed (self->chart, m, FALSE);
          unfolded = TRUE;
        }
    }
  return unfolded;
}
