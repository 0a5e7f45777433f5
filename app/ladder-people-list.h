/* ladder-people-list.h — everyone on the chart, in chart order, as a list
 *
 * The canvas is one image to assistive technology in GTK 4.8; this list
 * is the accessible, keyboard-navigable way through the people.  Emits
 * "person-activated" (guint person) when a row is activated, and
 * "person-selected" (guint person) when the keyboard or the pointer
 * moves the selection.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"
#include "ladder-chart.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PEOPLE_LIST (ladder_people_list_get_type ())
G_DECLARE_FINAL_TYPE (LadderPeopleList, ladder_people_list, LADDER, PEOPLE_LIST, GtkWidget)

void  ladder_people_list_bind         (LadderPeopleList *self, LadderChart *chart,
                                       LadderCatalogue *catalogue);
/* Follows the canvas' selection (LADDER_NONE: none). */
void  ladder_people_list_set_selected (LadderPeopleList *self, guint person);
/* The rows, for tests: how many, and the person of row @row. */
guint ladder_people_list_get_n_rows   (LadderPeopleList *self);
guint ladder_people_list_get_person   (LadderPeopleList *self, guint row);
/* The list's model (a LadderPeopleModel), for tests that watch what it
 * announces. */
GListModel *ladder_people_list_get_model (LadderPeopleList *self);

G_END_DECLS
