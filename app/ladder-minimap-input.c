/* ladder-minimap-input.c — the overview map's pointer and keys
 *
 * A press on the view's frame grabs it and a drag moves the view with
 * it; a click elsewhere goes to the team's head, or moves the view there
 * on a run of small teams.  The view moves through the canvas's scroll
 * adjustments, as a scroll bar would move it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-describe.h"
#include "ladder-minimap-private.h"

/* Centres the view on the chart place under (@x, @y), along the axes the
 * chart overflows, through the scroll adjustments. */
static void
center_at (LadderMinimap *self, double x, double y)
{
  LadderViewport *viewport = ladder_canvas_get_viewport (self->canvas);
  GtkScrollable *scrollable = GTK_SCROLLABLE (self->canvas);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (scrollable);
  double zoom = ladder_viewport_get_zoom (viewport);
  double cw, ch, vw, vh, ox, oy, lx, ly, left, top;
  graphene_rect_t box;

  ladder_minimap_get_box (self, &box);
  ladder_team_map_from_box (ladder_minimap_get_map (self),
                            CLAMP ((x - box.origin.x) / box.size.width, 0.0, 1.0),
                            CLAMP ((y - box.origin.y) / box.size.height, 0.0, 1.0), &lx, &ly);
  ladder_canvas_get_origin (self->canvas, &ox, &oy);
  ladder_viewport_get_content_size (viewport, &cw, &ch);
  ladder_viewport_get_view_size (viewport, &vw, &vh);
  left = lx + ox - vw / zoom / 2.0;
  top = ly + oy - vh / zoom / 2.0;
  if (hadjustment != NULL && cw * zoom > vw)
    gtk_adjustment_set_value (hadjustment, left * zoom);
  if (vadjustment != NULL && ch * zoom > vh)
    gtk_adjustment_set_value (vadjustment, top * zoom);
}

/* The block under (@x, @y) in the widget, or LADDER_NONE. */
static guint
block_at (LadderMinimap *self, double x, double y)
{
  graphene_rect_t box;

  ladder_minimap_get_box (self, &box);
  return ladder_team_map_block_at (self->map, (x - box.origin.x) / box.size.width,
                                   (y - box.origin.y) / box.size.height);
}

/* The marker can be grabbed; elsewhere a click goes somewhere. */
static void
update_cursor (LadderMinimap *self, double x, double y)
{
  graphene_rect_t marker;

  if (self->canvas == NULL)
    return;
  ladder_minimap_marker_rect (self, self->map, &marker);
  graphene_rect_inset (&marker, -3.0, -3.0);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   graphene_rect_contains_point (&marker,
                                                                 &GRAPHENE_POINT_INIT (x, y))
                                   ? "grab" : "pointer");
}

void
ladder_minimap_step (LadderMinimap *self, int dx, int dy)
{
  GtkScrollable *scrollable;
  GtkAdjustment *adjustment;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (self->canvas == NULL)
    return;
  scrollable = GTK_SCROLLABLE (self->canvas);
  /* As Page Down does in a scrolled view: a screen less a tenth, so
   * the eye keeps a strip of what it saw. */
  adjustment = gtk_scrollable_get_hadjustment (scrollable);
  if (adjustment != NULL && dx != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              dx * gtk_adjustment_get_page_increment (adjustment));
  adjustment = gtk_scrollable_get_vadjustment (scrollable);
  if (adjustment != NULL && dy != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              dy * gtk_adjustment_get_page_increment (adjustment));
}

static gboolean
step_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  ladder_minimap_step (LADDER_MINIMAP (widget), dx, dy);
  return TRUE;
}

void
ladder_minimap_press (LadderMinimap *self, double x, double y)
{
  graphene_rect_t marker;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (self->canvas == NULL)
    return;
  ladder_minimap_get_marker (self, &marker);
  self->pressed = TRUE;
  self->dragged = FALSE;
  self->press_x = x;
  self->press_y = y;
  /* A little around a small marker still grabs it. */
  graphene_rect_inset (&marker, -3.0, -3.0);
  self->grabbed = graphene_rect_contains_point (&marker, &GRAPHENE_POINT_INIT (x, y));
  if (self->grabbed)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->grab_dx = self->grabbed ? x - (marker.origin.x + marker.size.width / 2.0) : 0.0;
  self->grab_dy = self->grabbed ? y - (marker.origin.y + marker.size.height / 2.0) : 0.0;
}

void
ladder_minimap_motion (LadderMinimap *self, double x, double y)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (!self->pressed)
    return;
  if (!self->dragged && hypot (x - self->press_x, y - self->press_y) < CLICK_SLOP)
    return;
  self->dragged = TRUE;
  center_at (self, x - self->grab_dx, y - self->grab_dy);
}

void
ladder_minimap_release (LadderMinimap *self, double x, double y)
{
  const LadderMapBlock *blocks;
  guint n, index;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (!self->pressed)
    return;
  ladder_minimap_motion (self, x, y);
  self->pressed = FALSE;
  if (self->dragged || self->grabbed)
    {
      update_cursor (self, x, y);
      return;
    }
  ladder_minimap_get_map (self);
  index = block_at (self, x, y);
  blocks = ladder_team_map_get_blocks (self->map, &n);
  if (index != LADDER_NONE && blocks[index].person != LADDER_NONE)
    {
      ladder_canvas_go_to (self->canvas, blocks[index].person, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    center_at (self, x, y);
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, LadderMinimap *self)
{
  ladder_minimap_press (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, LadderMinimap *self)
{
  ladder_minimap_motion (self, self->press_x + dx, self->press_y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, LadderMinimap *self)
{
  ladder_minimap_release (self, self->press_x + dx, self->press_y + dy);
}

static void
set_hover (LadderMinimap *self, guint hover)
{
  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pointer_motion_cb (GtkEventControllerMotion *controller, double x, double y,
                   LadderMinimap *self)
{
  if (self->pressed)
    return;
  update_cursor (self, x, y);
  set_hover (self, block_at (self, x, y));
}

static void
pointer_leave_cb (LadderMinimap *self)
{
  set_hover (self, LADDER_NONE);
}

char *
ladder_minimap_dup_block_text (LadderMinimap *self, double x, double y)
{
  const LadderMapBlock *block;
  guint n, index;

  g_return_val_if_fail (LADDER_IS_MINIMAP (self), NULL);

  if (self->document == NULL)
    return NULL;
  ladder_minimap_get_map (self);
  index = block_at (self, x, y);
  if (index == LADDER_NONE)
    return NULL;
  block = &ladder_team_map_get_blocks (self->map, &n)[index];
  if (block->person != LADDER_NONE)
    /* TRANSLATORS: a team on the overview map: its head and its size */
    return g_strdup_printf (ngettext ("%s · %u person", "%s · %u people", block->people),
                            ladder_describe_label (ladder_document_get_chart (self->document),
                                                   ladder_document_get_catalogue (self->document),
                                                   block->person),
                            block->people);
  return g_strdup_printf (ngettext ("%u person in small teams", "%u people in small teams",
                                    block->people),
                          block->people);
}

static gboolean
query_tooltip_cb (LadderMinimap *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = ladder_minimap_dup_block_text (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---------------------------------------------------------------- setup */

void
ladder_minimap_init_input (LadderMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (pointer_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  /* A stop on Tab after the canvas, where the arrow keys move the view
   * a screen at a time; a click leaves the focus where it was. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}

void
ladder_minimap_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, step_binding, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, step_binding, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, step_binding, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, step_binding, "(ii)", 0, 1);
}
