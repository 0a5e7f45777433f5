/* ladder-window-a11y.c — what assistive technology is told about the chart
 *
 * The canvas is a tree whose items are the cards in view
 * (ladder-canvas-a11y.c).  The keyboard focus stays on the canvas itself,
 * so its accessible name follows the selection: the arrow keys move the
 * selection, and a screen reader speaks the focused widget's new name —
 * the person, their role, their manager and their findings, in the same
 * words as the card's item (ladder-describe.c).  The findings are those
 * the views show: an edit does not check the chart again at once for the
 * selection's words; the document's next "findings" updates them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-describe.h"
#include "ladder-window-private.h"

char *
ladder_window_describe_person (LadderWindow *self, guint person)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);

  return ladder_describe_person (self->chart, self->catalogue,
                                 self->shown_findings != NULL ? self->shown_findings
                                 : ladder_document_get_findings (self->document),
                                 person);
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
  ladder_canvas_go_to (self->canvas, person, TRUE);
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
