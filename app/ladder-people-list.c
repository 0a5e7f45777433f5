/* ladder-people-list.c — everyone on the chart, in chart order, as a list
 *
 * A GtkListView over a model that holds only the pre-order of the chart
 * and each row's depth (two integers a person, ladder-people-model.c):
 * rows are made for what is on screen, so a chart of a million people
 * costs a few megabytes.  Shown, the list follows each change by what it
 * changed, so that only the rows that changed are bound again; hidden, it
 * catches up with one rebuild when shown.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-people-list.h"
#include "ladder-people-model.h"

/* Indentation per level, and the depth past which rows stop moving right. */
#define INDENT     14
#define MAX_INDENT 16

/* Changes followed one by one before a burst of them (one command that
 * makes many) is cheaper as one rebuild in the idle. */
#define MAX_BURST  64

/* --------------------------------------------------------------- widget */

struct _LadderPeopleList
{
  GtkWidget parent_instance;

  GtkWidget          *scroller;
  GtkListView        *view;
  GtkSingleSelection *selection;
  LadderPeopleModel  *model;

  LadderChart        *chart;
  LadderCatalogue    *catalogue;
  guint               rebuild_idle;
  gboolean            dirty;      /* the model is behind the chart */
  guint               burst;      /* changes followed since the last idle */
  guint               selected;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (LadderPeopleList, ladder_people_list, GTK_TYPE_WIDGET)

enum {
  PERSON_ACTIVATED,
  PERSON_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (LadderPeopleList *self, guint person)
{
  const char *name = ladder_chart_get_name (self->chart, person);
  const char *title = ladder_chart_get_person_title (self->chart, person);
  const char *role_id = ladder_chart_get_role (self->chart, person);
  const LadderRole *role = self->catalogue != NULL
                           ? ladder_catalogue_lookup_role (self->catalogue, role_id) : NULL;
  const char *what = title != NULL && *title != '\0' ? title : role != NULL ? role->name : role_id;

  if (ladder_chart_get_vacant (self->chart, person))
    /* Translators: a row of the people list for an open position */
    return g_strdup_printf (_("Vacant: %s"), what);
  if (name == NULL || *name == '\0')
    return g_strdup (what);
  /* Translators: a row of the people list, "Ada Obi — CEO" */
  return g_strdup_printf (_("%s — %s"), name, what);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderPeopleList *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_margin_end (label, 8);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderPeopleList *self)
{
  LadderPeopleRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint person = ladder_people_row_get_person (row);
  guint depth = ladder_people_row_get_depth (row);
  g_autofree char *text = NULL;

  if (self->chart == NULL || !ladder_chart_is_alive (self->chart, person))
    return;
  text = row_text (self, person);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_margin_start (label, 8 + INDENT * MIN (depth, MAX_INDENT));
}

static void
apply_selection (LadderPeopleList *self)
{
  guint row = self->selected != LADDER_NONE
              ? ladder_people_model_find (self->model, self->selected) : G_MAXUINT;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, row);
  self->syncing = FALSE;
  if (row != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", row);
}

static void
rebuild (LadderPeopleList *self)
{
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->dirty = FALSE;
  self->syncing = TRUE;
  ladder_people_model_rebuild (self->model, self->chart);
  self->syncing = FALSE;
  apply_selection (self);
}

/* After a burst of changes: a rebuild if the model fell behind, else
 * the selection again (its row may have left and come back). */
static gboolean
rebuild_idle_cb (gpointer data)
{
  LadderPeopleList *self = data;

  self->rebuild_idle = 0;
  self->burst = 0;
  if (self->dirty)
    rebuild (self);
  else
    apply_selection (self);
  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderPeopleList *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));

  /* Folding changes nothing here (the list shows everyone), nor does the
   * chart's title. */
  if (change->kind == LADDER_CHANGE_CHART ||
      (change->kind == LADDER_CHANGE_FIELD && change->field == LADDER_FIELD_COLLAPSED))
    return;
  /* Hidden, it catches up when shown; shown, it follows the change by
   * what changed, up to a burst of them, then rebuilds once. */
  if (!self->dirty && mapped && self->burst < MAX_BURST)
    {
      self->burst++;
      self->syncing = TRUE;
      self->dirty = !ladder_people_model_apply (self->model, chart, change);
      self->syncing = FALSE;
      /* At once, before the next frame: a selected row drawn unselected
       * for a frame would fade back in (the theme's transition). */
      if (!self->dirty)
        apply_selection (self);
    }
  else
    self->dirty = TRUE;
  if (mapped && self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, self, NULL);
}

static void
selection_changed_cb (GtkSingleSelection *selection, guint position, guint n_items,
                      LadderPeopleList *self)
{
  LadderPeopleRow *row;

  if (self->syncing)
    return;
  row = gtk_single_selection_get_selected_item (selection);
  if (row == NULL)
    return;
  self->selected = ladder_people_row_get_person (row);
  g_signal_emit (self, signals[PERSON_SELECTED], 0, self->selected);
}

static void
activate_cb (GtkListView *view, guint position, LadderPeopleList *self)
{
  guint person = ladder_people_list_get_person (self, position);

  if (person != LADDER_NONE)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

void
ladder_people_list_bind (LadderPeopleList *self, LadderChart *chart, LadderCatalogue *catalogue)
{
  g_return_if_fail (LADDER_IS_PEOPLE_LIST (self));
  g_return_if_fail (LADDER_IS_CHART (chart));

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  g_set_object (&self->catalogue, catalogue);
  g_signal_connect (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  rebuild (self);
}

void
ladder_people_list_set_selected (LadderPeopleList *self, guint person)
{
  g_return_if_fail (LADDER_IS_PEOPLE_LIST (self));

  if (self->selected == person)
    return;
  self->selected = person;
  if (!self->dirty)
    apply_selection (self);
}

guint
ladder_people_list_get_n_rows (LadderPeopleList *self)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_LIST (self), 0);

  if (self->dirty)
    rebuild (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

guint
ladder_people_list_get_person (LadderPeopleList *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_LIST (self), LADDER_NONE);

  if (self->dirty)
    rebuild (self);
  return ladder_people_model_get_person (self->model, row);
}

GListModel *
ladder_people_list_get_model (LadderPeopleList *self)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

static void
ladder_people_list_map (GtkWidget *widget)
{
  LadderPeopleList *self = LADDER_PEOPLE_LIST (widget);

  GTK_WIDGET_CLASS (ladder_people_list_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
}

static void
ladder_people_list_dispose (GObject *object)
{
  LadderPeopleList *self = LADDER_PEOPLE_LIST (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (ladder_people_list_parent_class)->dispose (object);
}

static void
ladder_people_list_finalize (GObject *object)
{
  LadderPeopleList *self = LADDER_PEOPLE_LIST (object);

  g_clear_object (&self->model);
  G_OBJECT_CLASS (ladder_people_list_parent_class)->finalize (object);
}

static void
ladder_people_list_class_init (LadderPeopleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_people_list_dispose;
  object_class->finalize = ladder_people_list_finalize;
  widget_class->map = ladder_people_list_map;

  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[PERSON_SELECTED] = g_signal_new ("person-selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ladderpeople");
}

static void
ladder_people_list_init (LadderPeopleList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->selected = LADDER_NONE;
  self->model = ladder_people_model_new ();
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "people-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People in chart order"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}
