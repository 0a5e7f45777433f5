/* ladder-canvas-a11y.c — the cards, as assistive technology sees them
 *
 * In GTK 4.8 only a widget can be an accessible object (an accessible
 * that is not a widget came in 4.10).  So the canvas keeps one small
 * child widget per card in view: it draws nothing, takes no pointer
 * events and no focus, sits over its card (so a screen magnifier or a
 * screen reader's "where is it" finds the card), and is a tree item whose
 * label is the person in words — name, role, manager, reports and
 * findings.  The items are in chart order, depth first, whatever the
 * cards' places on screen.
 *
 * Only cards in view get an item, at most MAX_ITEMS of them; zoomed out
 * over more, only the selected card has one.  The set is brought up to
 * date in an idle after the view, the chart, the findings or the
 * selection change, so scrolling costs one pass per frame at most.  A
 * card that stays in view keeps its item, and an item is told a new
 * label, description or state only when its words changed: an edit away
 * from the cards in view changes nothing of theirs.
 */
#include "config.h"

#include <math.h>

#include "ladder-canvas-private.h"
#include "ladder-describe.h"

#define MAX_ITEMS 200

/* ----------------------------------------------------------- card item */

#define LADDER_TYPE_CARD_ITEM (ladder_card_item_get_type ())
G_DECLARE_FINAL_TYPE (LadderCardItem, ladder_card_item, LADDER, CARD_ITEM, GtkWidget)

struct _LadderCardItem
{
  GtkWidget parent_instance;

  guint person;
  /* What it was last told, so that the same words are not told again. */
  char *label;
  char *marks;
  int   expanded;     /* -1: not expandable (no reports) */
  int   selected;     /* -1: not told yet */
};

G_DEFINE_FINAL_TYPE (LadderCardItem, ladder_card_item, GTK_TYPE_WIDGET)

static void
ladder_card_item_finalize (GObject *object)
{
  LadderCardItem *self = LADDER_CARD_ITEM (object);

  g_free (self->label);
  g_free (self->marks);
  G_OBJECT_CLASS (ladder_card_item_parent_class)->finalize (object);
}

static void
ladder_card_item_class_init (LadderCardItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ladder_card_item_finalize;
  gtk_widget_class_set_css_name (widget_class, "card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE_ITEM);
}

static void
ladder_card_item_init (LadderCardItem *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->person = LADDER_NONE;
  self->expanded = -1;
  self->selected = -1;
  /* The canvas handles the pointer and the keyboard for every card. */
  gtk_widget_set_can_target (widget, FALSE);
  gtk_widget_set_can_focus (widget, FALSE);
  gtk_widget_set_focusable (widget, FALSE);
}

/* ---------------------------------------------------------------- items */

struct _LadderCanvasA11y
{
  LadderCanvas *canvas;                 /* owns this */
  GPtrArray    *items;                  /* LadderCardItem, in child order */
  guint        *rank;                   /* person -> place in chart order */
  guint         n_rank;
  gboolean      rank_dirty;
  gboolean      labels_dirty;
  guint         idle_id;
  guint         n_told;                 /* labels told, for tests */
};

LadderCanvasA11y *
ladder_canvas_a11y_new (LadderCanvas *canvas)
{
  LadderCanvasA11y *self = g_new0 (LadderCanvasA11y, 1);

  self->canvas = canvas;
  self->items = g_ptr_array_new ();
  self->rank_dirty = TRUE;
  self->labels_dirty = TRUE;
  return self;
}

void
ladder_canvas_a11y_free (LadderCanvasA11y *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->items, i));
  g_ptr_array_unref (self->items);
  g_free (self->rank);
  g_free (self);
}

/* Depth-first place of every visible person, from the layout's pre-order
 * list; people folded away keep a stale rank, never read. */
static void
update_rank (LadderCanvasA11y *self)
{
  LadderCanvas *canvas = self->canvas;
  guint capacity = ladder_chart_get_capacity (canvas->chart);
  const guint *visible;
  guint n_visible;

  if (capacity > self->n_rank)
    {
      self->rank = g_renew (guint, self->rank, capacity);
      self->n_rank = capacity;
    }
  visible = ladder_layout_get_visible (canvas->layout, &n_visible);
  for (guint i = 0; i < n_visible; i++)
    self->rank[visible[i]] = i;
  self->rank_dirty = FALSE;
}

static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const guint *rank = user_data;
  guint ra = rank[*(const guint *) a], rb = rank[*(const guint *) b];

  return ra < rb ? -1 : ra > rb;
}

/* The people whose cards are in view, in chart order; only the selected
 * one when there are more than MAX_ITEMS. */
static GArray *
people_in_view (LadderCanvasA11y *self)
{
  LadderCanvas *canvas = self->canvas;
  GtkWidget *widget = GTK_WIDGET (canvas);
  GArray *people = g_array_new (FALSE, FALSE, sizeof (guint));
  double zoom = ladder_viewport_get_zoom (canvas->viewport);
  double ox, oy, vx, vy;
  gboolean has_selected = FALSE;
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person;

  ladder_canvas_get_origin (canvas, &ox, &oy);
  vx = ladder_viewport_get_x (canvas->viewport);
  vy = ladder_viewport_get_y (canvas->viewport);
  ladder_layout_iter_init (&iter, canvas->layout, vx - ox, vy - oy,
                           gtk_widget_get_width (widget) / zoom,
                           gtk_widget_get_height (widget) / zoom);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      const LadderBox *box;

      if (kind != LADDER_ITEM_CARD)
        continue;
      box = ladder_layout_get_box (canvas->layout, person);
      if (box == NULL || !box->visible)
        continue;
      if (people->len == MAX_ITEMS)
        {
          g_array_set_size (people, 0);
          has_selected = FALSE;
          break;
        }
      g_array_append_val (people, person);
      has_selected |= person == canvas->selected;
    }

  if (!has_selected && canvas->selected != LADDER_NONE
      && ladder_chart_is_alive (canvas->chart, canvas->selected))
    {
      const LadderBox *box = ladder_layout_get_box (canvas->layout, canvas->selected);

      if (box != NULL && box->visible)
        g_array_append_val (people, canvas->selected);
    }
  g_array_sort_with_data (people, compare_rank, self->rank);
  return people;
}

/* Tells @item its person's words, or only those that changed. */
static void
describe_item (LadderCanvasA11y *self, LadderCardItem *item)
{
  LadderCanvas *canvas = self->canvas;
  char *label = ladder_describe_person (canvas->chart, canvas->catalogue,
                                        canvas->findings, item->person);
  char *marks = ladder_canvas_describe_marks (canvas, item->person);
  int expanded = -1;

  if (g_strcmp0 (label, item->label) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_free (item->label);
      item->label = g_steal_pointer (&label);
      self->n_told++;
    }
  if (g_strcmp0 (marks, item->marks) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, marks, -1);
      g_free (item->marks);
      item->marks = g_steal_pointer (&marks);
    }
  g_free (label);
  g_free (marks);

  if (ladder_chart_get_first_report (canvas->chart, item->person) != LADDER_NONE)
    expanded = !ladder_chart_get_collapsed (canvas->chart, item->person);
  if (expanded != item->expanded)
    {
      if (expanded >= 0)
        gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                     GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_STATE_EXPANDED);
      item->expanded = expanded;
    }
}

/* The item for @person: the one it had (taken out of @had), else a new
 * one, unparented yet. */
static LadderCardItem *
item_for (GHashTable *had, guint person)
{
  LadderCardItem *item = NULL;

  if (g_hash_table_steal_extended (had, GUINT_TO_POINTER (person), NULL, (gpointer *) &item))
    return item;
  item = g_object_new (LADDER_TYPE_CARD_ITEM, NULL);
  item->person = person;
  return item;
}

void
ladder_canvas_a11y_sync (LadderCanvasA11y *self)
{
  LadderCanvas *canvas = self->canvas;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) had = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (canvas->chart == NULL || canvas->findings == NULL
      || gtk_widget_get_width (GTK_WIDGET (canvas)) <= 0)
    {
      people = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  else
    {
      ladder_canvas_ensure_layout (canvas);
      if (self->rank_dirty)
        update_rank (self);
      people = people_in_view (self);
    }

  /* Cards that stay in view keep their items; the items go in chart
   * order among the canvas' children. */
  for (guint i = 0; i < self->items->len; i++)
    {
      LadderCardItem *item = g_ptr_array_index (self->items, i);

      g_hash_table_insert (had, GUINT_TO_POINTER (item->person), item);
    }
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < people->len; i++)
    {
      guint person = g_array_index (people, guint, i);
      LadderCardItem *item = item_for (had, person);
      GtkWidget *previous = i > 0 ? g_ptr_array_index (self->items, i - 1) : NULL;
      gboolean fresh = gtk_widget_get_parent (GTK_WIDGET (item)) == NULL;
      int selected = person == canvas->selected;

      if (fresh)
        gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (canvas));
      if (previous != NULL && gtk_widget_get_prev_sibling (GTK_WIDGET (item)) != previous)
        gtk_widget_insert_after (GTK_WIDGET (item), GTK_WIDGET (canvas), previous);
      g_ptr_array_add (self->items, item);
      if (fresh || self->labels_dirty)
        describe_item (self, item);
      if (selected != item->selected)
        {
          gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                       GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
          item->selected = selected;
        }
    }
  g_hash_table_iter_init (&iter, had);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_unparent (value);
  self->labels_dirty = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (canvas));
}

guint
ladder_canvas_a11y_get_n_told (LadderCanvasA11y *self)
{
  return self->n_told;
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  LadderCanvasA11y *self = user_data;

  self->idle_id = 0;
  ladder_canvas_a11y_sync (self);
  return G_SOURCE_REMOVE;
}

void
ladder_canvas_a11y_queue (LadderCanvasA11y *self, gboolean chart_changed)
{
  if (self == NULL)
    return;
  if (chart_changed)
    self->rank_dirty = self->labels_dirty = TRUE;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, sync_idle_cb, self, NULL);
}

void
ladder_canvas_a11y_allocate (LadderCanvasA11y *self)
{
  LadderCanvas *canvas = self->canvas;
  double zoom = ladder_viewport_get_zoom (canvas->viewport);
  double ox, oy, vx, vy;

  if (self == NULL || self->items->len == 0)
    return;
  ladder_canvas_get_origin (canvas, &ox, &oy);
  vx = ladder_viewport_get_x (canvas->viewport);
  vy = ladder_viewport_get_y (canvas->viewport);
  for (guint i = 0; i < self->items->len; i++)
    {
      LadderCardItem *item = g_ptr_array_index (self->items, i);
      const LadderBox *box = NULL;
      GtkAllocation area = { 0, 0, 0, 0 };

      /* The chart may have changed since the last sync, which is queued. */
      if (ladder_chart_is_alive (canvas->chart, item->person))
        box = ladder_layout_get_box (canvas->layout, item->person);
      if (box != NULL && box->visible)
        {
          area.x = (int) floor ((box->x + ox - vx) * zoom);
          area.y = (int) floor ((box->y + oy - vy) * zoom);
          area.width = MAX (1, (int) ceil (box->width * zoom));
          area.height = MAX (1, (int) ceil (box->height * zoom));
        }
      gtk_widget_size_allocate (GTK_WIDGET (item), &area, -1);
    }
}
