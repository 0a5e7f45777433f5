/* ladder-people-list.c — everyone on the chart, in chart order, as a list
 *
 * A GtkListView over a model that holds only the pre-order of the chart
 * and each row's depth (two integers a person): rows are made for what
 * is on screen, so a chart of a million people costs a few megabytes and
 * one linear pass per rebuild.  The model and its row type are private
 * to this file: nothing else needs them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-people-list.h"

/* Indentation per level, and the depth past which rows stop moving right. */
#define INDENT     14
#define MAX_INDENT 16

/* ------------------------------------------------------------------ row */

#define LADDER_TYPE_PEOPLE_ROW (ladder_people_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderPeopleRow, ladder_people_row, LADDER, PEOPLE_ROW, GObject)

struct _LadderPeopleRow
{
  GObject parent_instance;
  guint   person;
  guint   depth;
};

G_DEFINE_FINAL_TYPE (LadderPeopleRow, ladder_people_row, G_TYPE_OBJECT)

static void ladder_people_row_class_init (LadderPeopleRowClass *klass) { }
static void ladder_people_row_init (LadderPeopleRow *self) { }

/* ---------------------------------------------------------------- model */

#define LADDER_TYPE_PEOPLE_MODEL (ladder_people_model_get_type ())
G_DECLARE_FINAL_TYPE (LadderPeopleModel, ladder_people_model, LADDER, PEOPLE_MODEL, GObject)

struct _LadderPeopleModel
{
  GObject parent_instance;
  guint   n;
  guint  *order;      /* row -> person */
  guint  *depth;      /* row -> depth */
  guint  *row_of;     /* person slot -> row */
  guint   capacity;
};

static GType
model_get_item_type (GListModel *list)
{
  return LADDER_TYPE_PEOPLE_ROW;
}

static guint
model_get_n_items (GListModel *list)
{
  return LADDER_PEOPLE_MODEL (list)->n;
}

static gpointer
model_get_item (GListModel *list, guint position)
{
  LadderPeopleModel *self = LADDER_PEOPLE_MODEL (list);
  LadderPeopleRow *row;

  if (position >= self->n)
    return NULL;
  row = g_object_new (LADDER_TYPE_PEOPLE_ROW, NULL);
  row->person = self->order[position];
  row->depth = self->depth[position];
  return row;
}

static void
ladder_people_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LadderPeopleModel, ladder_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ladder_people_model_list_init))

static void
ladder_people_model_finalize (GObject *object)
{
  LadderPeopleModel *self = LADDER_PEOPLE_MODEL (object);

  g_free (self->order);
  g_free (self->depth);
  g_free (self->row_of);
  G_OBJECT_CLASS (ladder_people_model_parent_class)->finalize (object);
}

static void
ladder_people_model_class_init (LadderPeopleModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_people_model_finalize;
}

static void ladder_people_model_init (LadderPeopleModel *self) { }

/* Pre-order puts every manager before its reports, so one pass gives
 * each person its depth from its manager's: no recursion, any depth. */
static void
model_rebuild (LadderPeopleModel *self, LadderChart *chart)
{
  guint old = self->n;
  guint n = chart != NULL ? ladder_chart_get_n_people (chart) : 0;

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->depth, g_free);
  g_clear_pointer (&self->row_of, g_free);
  self->n = 0;
  self->capacity = 0;

  if (n > 0)
    {
      self->capacity = ladder_chart_get_capacity (chart);
      self->order = g_new (guint, n);
      self->depth = g_new (guint, n);
      self->row_of = g_new (guint, self->capacity);
      memset (self->row_of, 0xff, self->capacity * sizeof (guint));
      self->n = ladder_chart_preorder (chart, self->order, FALSE);
      for (guint i = 0; i < self->n; i++)
        {
          guint person = self->order[i];
          guint manager = ladder_chart_get_manager (chart, person);

          self->row_of[person] = i;
          self->depth[i] = manager == LADDER_NONE ? 0 : self->depth[self->row_of[manager]] + 1;
        }
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n);
}

static guint
model_row_of (LadderPeopleModel *self, guint person)
{
  if (person == LADDER_NONE || person >= self->capacity)
    return GTK_INVALID_LIST_POSITION;
  return self->row_of[person] < self->n ? self->row_of[person] : GTK_INVALID_LIST_POSITION;
}

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
  gboolean            dirty;
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
  g_autofree char *text = NULL;

  if (self->chart == NULL || !ladder_chart_is_alive (self->chart, row->person))
    return;
  text = row_text (self, row->person);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_margin_start (label, 8 + INDENT * MIN (row->depth, MAX_INDENT));
}

static void
apply_selection (LadderPeopleList *self)
{
  guint row = model_row_of (self->model, self->selected);

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
  model_rebuild (self->model, self->chart);
  self->syncing = FALSE;
  apply_selection (self);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  LadderPeopleList *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderPeopleList *self)
{
  /* Folding changes nothing here: the list shows everyone. */
  if (change->kind == LADDER_CHANGE_CHART)
    return;
  /* Hidden, it catches up when shown; shown, once per burst of edits. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_idle == 0)
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
  self->selected = row->person;
  g_signal_emit (self, signals[PERSON_SELECTED], 0, row->person);
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
  return self->model->n;
}

guint
ladder_people_list_get_person (LadderPeopleList *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_LIST (self), LADDER_NONE);

  if (self->dirty)
    rebuild (self);
  return row < self->model->n ? self->model->order[row] : LADDER_NONE;
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
  self->model = g_object_new (LADDER_TYPE_PEOPLE_MODEL, NULL);
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
