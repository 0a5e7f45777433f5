/* ladder-canvas-input.c — gestures of the chart view
 *
 * Button 1 on a card selects it and, once the pointer has moved a few
 * pixels, drags it: onto another card to report to that person, into
 * the gap between two siblings to take that place, or onto empty space to
 * report to no one (the person's reports go along).  Button 1 on empty
 * space, or button 2 anywhere, pans.  Ctrl+wheel and pinch zoom around
 * the pointer.  Roles dragged in from the palette arrive as strings.  A
 * card or a role held near an edge of the view scrolls it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-canvas-private.h"

#define DRAG_THRESHOLD 6.0
/* Held this close to an edge of the view, a card or a role scrolls it,
 * faster the closer, up to EDGE_SPEED widget pixels a second. */
#define EDGE_ZONE 48.0
#define EDGE_SPEED 900.0

static void
set_message (LadderCanvas *self, char *message)
{
  g_free (self->drop_message);
  self->drop_message = message;
}

static gboolean
pointer_in_view (LadderCanvas *self)
{
  return self->drag_x >= 0.0 && self->drag_y >= 0.0 &&
         self->drag_x < gtk_widget_get_width (GTK_WIDGET (self)) &&
         self->drag_y < gtk_widget_get_height (GTK_WIDGET (self));
}

/* Works out where the dragged card would go if dropped at the pointer. */
static void
update_drop (LadderCanvas *self)
{
  guint person = self->drag_person;
  guint hit, neighbour = LADDER_NONE;
  gboolean before = FALSE;
  double x, y;

  self->drop_target = LADDER_NONE;
  self->drop_refused = FALSE;
  self->drop_detach = FALSE;
  self->insert_valid = FALSE;
  set_message (self, NULL);

  ladder_canvas_to_chart (self, self->drag_x, self->drag_y, &x, &y);
  hit = ladder_layout_hit (self->layout, x, y);

  if (hit != LADDER_NONE && hit != person)
    {
      g_autoptr(GError) error = NULL;

      self->drop_target = hit;
      if (!ladder_document_check_move (self->document, person, hit, &error))
        {
          self->drop_refused = TRUE;
          set_message (self, g_strdup (error->message));
        }
      return;
    }
  if (hit == person)
    return;

  /* In a gap: the sibling to the right (drop before it) or the left. */
  neighbour = ladder_layout_hit (self->layout, x + LADDER_H_GAP, y);
  if (neighbour != LADDER_NONE)
    before = TRUE;
  else
    neighbour = ladder_layout_hit (self->layout, x - LADDER_H_GAP, y);

  if (neighbour == LADDER_NONE)
    {
      guint manager = ladder_chart_get_manager (self->chart, person);

      /* Empty space.  Letting go outside the view changes nothing. */
      if (manager != LADDER_NONE && pointer_in_view (self))
        {
          self->drop_detach = TRUE;
          /* Translators: while dragging a card over empty space */
          set_message (self, g_strdup_printf (_("Drop here to detach %s from %s"),
                                              ladder_canvas_label (self, person),
                                              ladder_canvas_label (self, manager)));
        }
      return;
    }
  if (neighbour != person)
    {
      guint manager = ladder_chart_get_manager (self->chart, neighbour);
      guint position = ladder_chart_get_position (self->chart, neighbour) + (before ? 0 : 1);
      const LadderBox *box = ladder_layout_get_box (self->layout, neighbour);

      if (!ladder_document_check_move (self->document, person, manager, NULL))
        return;
      /* Positions count without the moved card itself. */
      if (manager == ladder_chart_get_manager (self->chart, person) &&
          ladder_chart_get_position (self->chart, person) < position)
        position--;
      self->insert_valid = TRUE;
      self->insert_manager = manager;
      self->insert_position = position;
      self->insert_x = before ? box->x - LADDER_H_GAP / 2.0 : box->x + box->width + LADDER_H_GAP / 2.0;
      self->insert_y = box->y;
    }
}

/* ------------------------------------------------------- edge scrolling */

static double
edge_speed (double position, double size)
{
  double zone = MIN (EDGE_ZONE, size / 4.0);

  if (position < zone)
    return -EDGE_SPEED * MIN (1.0, (zone - position) / zone);
  if (position > size - zone)
    return EDGE_SPEED * MIN (1.0, (position - (size - zone)) / zone);
  return 0.0;
}

/* Where the pointer is while something is held over the view. */
static gboolean
held_pointer (LadderCanvas *self, double *x, double *y)
{
  if (self->drag_mode == DRAG_CARD)
    {
      *x = self->drag_x;
      *y = self->drag_y;
      return TRUE;
    }
  if (self->dnd_over)
    {
      *x = self->dnd_x;
      *y = self->dnd_y;
      return TRUE;
    }
  return FALSE;
}

gboolean
ladder_canvas_edge_scroll_step (LadderCanvas *self, double seconds)
{
  double x, y, vx, vy, old_x, old_y;
  double zoom = ladder_viewport_get_zoom (self->viewport);

  if (!held_pointer (self, &x, &y))
    return FALSE;
  vx = edge_speed (x, gtk_widget_get_width (GTK_WIDGET (self)));
  vy = edge_speed (y, gtk_widget_get_height (GTK_WIDGET (self)));
  if (vx == 0.0 && vy == 0.0)
    return FALSE;

  old_x = ladder_viewport_get_x (self->viewport);
  old_y = ladder_viewport_get_y (self->viewport);
  self->auto_fit = FALSE;
  ladder_viewport_set_position (self->viewport, old_x + vx * seconds / zoom,
                                old_y + vy * seconds / zoom);
  if (ladder_viewport_get_x (self->viewport) == old_x &&
      ladder_viewport_get_y (self->viewport) == old_y)
    return FALSE;

  /* Another part of the chart is under the pointer now. */
  if (self->drag_mode == DRAG_CARD)
    update_drop (self);
  else
    self->dnd_target = ladder_canvas_hit (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
edge_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  LadderCanvas *self = LADDER_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  /* A late frame must not make a jump. */
  double seconds = self->edge_time == 0 ? 1.0 / 60.0
                                        : MIN ((now - self->edge_time) / (double) G_USEC_PER_SEC, 0.05);

  self->edge_time = now;
  if (ladder_canvas_edge_scroll_step (self, seconds))
    return G_SOURCE_CONTINUE;
  /* At the end of the chart, or away from the edges: the next motion
   * starts it again. */
  self->edge_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
start_edge_scroll (LadderCanvas *self)
{
  double x, y;

  if (self->edge_tick != 0 || !held_pointer (self, &x, &y) ||
      (edge_speed (x, gtk_widget_get_width (GTK_WIDGET (self))) == 0.0 &&
       edge_speed (y, gtk_widget_get_height (GTK_WIDGET (self))) == 0.0))
    return;
  self->edge_time = 0;
  self->edge_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), edge_tick_cb, NULL, NULL);
}

void
ladder_canvas_stop_edge_scroll (LadderCanvas *self)
{
  if (self->edge_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->edge_tick);
  self->edge_tick = 0;
}

void
ladder_canvas_cancel_drag (LadderCanvas *self)
{
  ladder_canvas_stop_edge_scroll (self);
  self->drag_mode = DRAG_NONE;
  self->drag_person = LADDER_NONE;
  self->drop_target = LADDER_NONE;
  self->drop_refused = FALSE;
  self->drop_detach = FALSE;
  self->insert_valid = FALSE;
  set_message (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --------------------------------------------------------------- button 1 */

void
ladder_canvas_drag_begin (LadderCanvas *self, double x, double y)
{
  guint hit = ladder_canvas_hit (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  self->pan_start_x = ladder_viewport_get_x (self->viewport);
  self->pan_start_y = ladder_viewport_get_y (self->viewport);

  /* The chevron hangs below the card, so test it before the card. */
  for (guint p = self->hover; p != LADDER_NONE; p = LADDER_NONE)
    if (ladder_canvas_hit_chevron (self, p, x, y))
      hit = p;
  if (hit == LADDER_NONE && self->selected != LADDER_NONE &&
      ladder_canvas_hit_chevron (self, self->selected, x, y))
    hit = self->selected;

  if (hit != LADDER_NONE && ladder_canvas_hit_chevron (self, hit, x, y))
    {
      self->drag_mode = DRAG_FOLD;
      self->drag_person = hit;
    }
  else if (hit != LADDER_NONE)
    {
      self->drag_mode = DRAG_PENDING;
      self->drag_person = hit;
      ladder_canvas_set_selected (self, hit);
    }
  else
    self->drag_mode = DRAG_PAN;
}

void
ladder_canvas_drag_update (LadderCanvas *self, double dx, double dy)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);

  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;

  switch (self->drag_mode)
    {
    case DRAG_PENDING:
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag_mode = DRAG_CARD;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      G_GNUC_FALLTHROUGH;
    case DRAG_CARD:
      update_drop (self);
      start_edge_scroll (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_PAN:
      if (hypot (dx, dy) >= DRAG_THRESHOLD)
        {
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
          self->auto_fit = FALSE;
        }
      ladder_viewport_set_position (self->viewport, self->pan_start_x - dx / zoom,
                                    self->pan_start_y - dy / zoom);
      break;
    case DRAG_FOLD:
    case DRAG_NONE:
    default:
      break;
    }
}

void
ladder_canvas_drag_end (LadderCanvas *self, double dx, double dy)
{
  DragMode mode = self->drag_mode;
  guint person = self->drag_person;
  gboolean moved = hypot (dx, dy) >= DRAG_THRESHOLD;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (mode == DRAG_CARD)
    {
      /* A refused target still goes to the document, which says why. */
      if (self->drop_target != LADDER_NONE)
        ladder_canvas_move_person (self, person, self->drop_target, LADDER_NONE);
      else if (self->insert_valid &&
               !(self->insert_manager == ladder_chart_get_manager (self->chart, person) &&
                 self->insert_position == ladder_chart_get_position (self->chart, person)))
        ladder_canvas_move_person (self, person, self->insert_manager, self->insert_position);
      else if (self->drop_detach)
        ladder_canvas_move_person (self, person, LADDER_NONE, LADDER_NONE);
    }
  else if (mode == DRAG_FOLD && !moved)
    ladder_document_fold (self->document, person,
                          !ladder_chart_get_collapsed (self->chart, person));
  else if (mode == DRAG_PAN && !moved)
    ladder_canvas_set_selected (self, LADDER_NONE);
  ladder_canvas_cancel_drag (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, LadderCanvas *self)
{
  ladder_canvas_drag_begin (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, LadderCanvas *self)
{
  ladder_canvas_drag_update (self, dx, dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, LadderCanvas *self)
{
  ladder_canvas_drag_end (self, dx, dy);
}

static void
drag_cancel_cb (GtkGesture *gesture, GdkEventSequence *sequence, LadderCanvas *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  ladder_canvas_cancel_drag (self);
}

static void
double_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, LadderCanvas *self)
{
  guint hit;

  if (n_press != 2)
    return;
  hit = ladder_canvas_hit (self, x, y);
  if (hit != LADDER_NONE && !ladder_canvas_hit_chevron (self, hit, x, y))
    ladder_canvas_start_rename (self, hit);
}

/* ---------------------------------------------------- button 2, wheel, pinch */

static void
pan_begin_cb (GtkGestureDrag *gesture, double x, double y, LadderCanvas *self)
{
  self->pan_start_x = ladder_viewport_get_x (self->viewport);
  self->pan_start_y = ladder_viewport_get_y (self->viewport);
  self->auto_fit = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (GtkGestureDrag *gesture, double dx, double dy, LadderCanvas *self)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);

  ladder_viewport_set_position (self->viewport, self->pan_start_x - dx / zoom,
                                self->pan_start_y - dy / zoom);
}

static void
pan_end_cb (GtkGestureDrag *gesture, double dx, double dy, LadderCanvas *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, LadderCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double zoom = ladder_viewport_get_zoom (self->viewport);

  /* Plain scrolling is the scrolled window's business. */
  if (!(state & GDK_CONTROL_MASK))
    return FALSE;
  self->auto_fit = FALSE;
  ladder_viewport_zoom_at (self->viewport, zoom * pow (1.15, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, LadderCanvas *self)
{
  self->pinch_start_zoom = ladder_viewport_get_zoom (self->viewport);
  self->auto_fit = FALSE;
}

static void
pinch_scale_cb (GtkGestureZoom *gesture, double scale, LadderCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  ladder_viewport_zoom_at (self->viewport, self->pinch_start_zoom * scale, x, y);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, LadderCanvas *self)
{
  guint hover;

  self->pointer_x = x;
  self->pointer_y = y;
  hover = ladder_canvas_hit (self, x, y);
  /* Keep the chevron of the card above while the pointer is on it. */
  if (hover == LADDER_NONE && self->hover != LADDER_NONE &&
      ladder_canvas_hit_chevron (self, self->hover, x, y))
    hover = self->hover;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (self->drag_mode == DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     hover != LADDER_NONE && ladder_canvas_hit_chevron (self, hover, x, y)
                                     ? "pointer" : NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller, LadderCanvas *self)
{
  if (self->hover != LADDER_NONE)
    {
      self->hover = LADDER_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* --------------------------------------------------- roles from the palette */

static GdkDragAction
dnd_motion_cb (GtkDropTarget *target, double x, double y, LadderCanvas *self)
{
  guint hit = ladder_canvas_hit (self, x, y);

  self->dnd_over = TRUE;
  self->dnd_x = x;
  self->dnd_y = y;
  start_edge_scroll (self);
  if (hit != self->dnd_target)
    {
      self->dnd_target = hit;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return GDK_ACTION_COPY;
}

static void
dnd_leave_cb (GtkDropTarget *target, LadderCanvas *self)
{
  self->dnd_over = FALSE;
  ladder_canvas_stop_edge_scroll (self);
  self->dnd_target = LADDER_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
dnd_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, LadderCanvas *self)
{
  const char *role = g_value_get_string (value);
  guint hit = ladder_canvas_hit (self, x, y);

  self->dnd_over = FALSE;
  ladder_canvas_stop_edge_scroll (self);
  self->dnd_target = LADDER_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (role == NULL || *role == '\0')
    return FALSE;
  ladder_canvas_add_role (self, role, hit);
  return TRUE;
}

/* ---------------------------------------------------------------- drawing */

void
ladder_canvas_draw_drag (LadderCanvas *self, cairo_t *cr)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);
  double x, y;

  if (self->drag_mode != DRAG_CARD)
    return;

  if (self->insert_valid)
    {
      cairo_rectangle (cr, self->insert_x - 2.0, self->insert_y - 6.0, 4.0, LADDER_CARD_HEIGHT + 12.0);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_fill (cr);
    }

  /* A ghost of the card under the pointer. */
  ladder_canvas_to_chart (self, self->drag_x, self->drag_y, &x, &y);
  cairo_rectangle (cr, x - LADDER_CARD_WIDTH / 2.0, y - LADDER_CARD_HEIGHT / 2.0,
                   LADDER_CARD_WIDTH, LADDER_CARD_HEIGHT);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.8);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_dash (cr, (double[]) { 5.0 / zoom, 3.0 / zoom }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
ladder_canvas_draw_drop_message (LadderCanvas *self, cairo_t *cr, double width)
{
  PangoLayout *layout;
  int text_width, text_height;
  double x, y, zoom = ladder_viewport_get_zoom (self->viewport);

  if (self->drag_mode != DRAG_CARD || self->drop_message == NULL)
    return;

  /* Under the dragged card, kept inside the view whatever the zoom. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->drop_message);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x = CLAMP (self->drag_x - (text_width + 16) / 2.0, 8.0, MAX (8.0, width - text_width - 24.0));
  y = self->drag_y + LADDER_CARD_HEIGHT / 2.0 * zoom + 8.0;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, text_width + 16, text_height + 10);
  if (self->drop_refused)
    cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.95);
  else
    cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.95);
  cairo_fill (cr);
  cairo_move_to (cr, x + 8, y + 5);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

/* -------------------------------------------------------------------- init */

void
ladder_canvas_init_input (LadderCanvas *self)
{
  GtkGesture *drag, *pan, *click, *pinch;
  GtkEventController *scroll, *motion;
  GtkDropTarget *drop;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (double_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (drag, click);

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "motion", G_CALLBACK (dnd_motion_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (dnd_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (dnd_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (dnd_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
