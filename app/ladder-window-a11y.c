/* ladder-window-a11y.c — what assistive technology is told about the chart
 *
 * GTK 4.8 has no API for accessible children of a custom widget (that
 * came in 4.10), so the canvas is one image to a screen reader.  Its
 * accessible name follows the selection instead: the arrow keys move the
 * selection, and a screen reader speaks the focused widget's new name —
 * the person, their role, their manager and their findings.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-window-private.h"

static const char *
role_label (LadderWindow *self, guint person)
{
  const char *title = ladder_chart_get_person_title (self->chart, person);
  const char *role_id = ladder_chart_get_role (self->chart, person);
  const LadderRole *role = ladder_catalogue_lookup_role (self->catalogue, role_id);

  if (title != NULL && *title != '\0')
    return title;
  return role != NULL ? role->name : role_id;
}

static void
append_findings (LadderWindow *self, GString *text, guint person, LadderSeverity severity)
{
  LadderFindings *findings = self->findings;
  g_autoptr(GString) messages = g_string_new (NULL);
  guint count = 0;

  if (findings == NULL)
    return;
  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);

      if (finding->person != person || finding->severity != severity)
        continue;
      if (count++ > 0)
        g_string_append (messages, " ");
      g_string_append (messages, finding->message);
    }
  if (count == 0)
    return;

  g_string_append (text, ", ");
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      /* Translators: in what a screen reader says about a person */
      g_string_append_printf (text, ngettext ("%u error: %s", "%u errors: %s", count),
                              count, messages->str);
      break;
    case LADDER_SEVERITY_WARNING:
      g_string_append_printf (text, ngettext ("%u warning: %s", "%u warnings: %s", count),
                              count, messages->str);
      break;
    case LADDER_SEVERITY_NOTE:
    default:
      g_string_append_printf (text, ngettext ("%u note: %s", "%u notes: %s", count),
                              count, messages->str);
      break;
    }
}

char *
ladder_window_describe_person (LadderWindow *self, guint person)
{
  GString *text;
  const char *name;
  guint manager, n_reports = 0;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (ladder_chart_is_alive (self->chart, person), NULL);

  text = g_string_new (NULL);
  name = ladder_chart_get_name (self->chart, person);
  if (ladder_chart_get_vacant (self->chart, person))
    /* Translators: an open position, "Vacant: Head of Product" */
    g_string_append_printf (text, _("Vacant: %s"), role_label (self, person));
  else if (name != NULL && *name != '\0')
    /* Translators: "Ada Obi, Chief Product Officer" */
    g_string_append_printf (text, _("%s, %s"), name, role_label (self, person));
  else
    g_string_append (text, role_label (self, person));

  manager = ladder_chart_get_manager (self->chart, person);
  g_string_append (text, ", ");
  if (manager != LADDER_NONE)
    /* Translators: "Ada Obi, CPO, reports to Ben Cruz" */
    g_string_append_printf (text, _("reports to %s"), ladder_window_person_label (self, manager));
  else
    g_string_append (text, _("reports to no one"));

  for (guint r = ladder_chart_get_first_report (self->chart, person); r != LADDER_NONE;
       r = ladder_chart_get_next_sibling (self->chart, r))
    n_reports++;
  if (n_reports > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u direct report", "%u direct reports", n_reports),
                              n_reports);
      if (ladder_chart_get_collapsed (self->chart, person))
        g_string_append_printf (text, " (%s)", _("folded"));
    }

  append_findings (self, text, person, LADDER_SEVERITY_ERROR);
  append_findings (self, text, person, LADDER_SEVERITY_WARNING);
  append_findings (self, text, person, LADDER_SEVERITY_NOTE);
  return g_string_free (text, FALSE);
}

void
ladder_window_update_accessible (LadderWindow *self)
{
  guint person = ladder_window_get_selected (self);
  g_autofree char *label = NULL;

  if (person != LADDER_NONE && ladder_chart_is_alive (self->chart, person))
    label = ladder_window_describe_person (self, person);
  else if (ladder_chart_get_n_people (self->chart) == 0)
    label = g_strdup (_("Org chart, empty"));
  else
    label = g_strdup_printf (ngettext ("Org chart of %u person, no one selected",
                                       "Org chart of %u people, no one selected",
                                       ladder_chart_get_n_people (self->chart)),
                             ladder_chart_get_n_people (self->chart));

  ladder_people_list_set_selected (self->people_list, person);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the selection along the reporting lines; F8 goes to the next finding"),
                                  -1);
}

/* ---------------------------------------------------------- people list */

static void
people_selected_cb (LadderPeopleList *list, guint person, LadderWindow *self)
{
  if (!ladder_chart_is_alive (self->chart, person))
    return;
  ladder_window_select (self, person);
  ladder_canvas_reveal (self->canvas, person, TRUE);
}

/* Enter on a row: to the canvas, where the editing keys work. */
static void
people_activated_cb (LadderPeopleList *list, guint person, LadderWindow *self)
{
  people_selected_cb (list, person, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
ladder_window_init_people (LadderWindow *self)
{
  ladder_people_list_bind (self->people_list, self->chart, self->catalogue);
  g_signal_connect_object (self->people_list, "person-selected",
                           G_CALLBACK (people_selected_cb), self, 0);
  g_signal_connect_object (self->people_list, "person-activated",
                           G_CALLBACK (people_activated_cb), self, 0);
}
