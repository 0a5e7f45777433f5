/* ladder-canvas.c — the chart view
 *
 * Draws the chart with the shared renderer (the one that also makes the
 * PNG, SVG and PDF exports), only the part in view and at the zoom of the
 * viewport, kept as a render node between frames with the view's own
 * marks over it (ladder-canvas-picture.c).  Scrolling goes through
 * GtkScrollable so that a GtkScrolledWindow gives scrollbars; zoom and
 * position live in a LadderViewport.  Pointer and drag handling is in
 * ladder-canvas-input.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-canvas-private.h"
#include "ladder-describe.h"
#include "ladder-draw.h"
#include "ladder-render.h"

#define ZOOM_STEP 1.25
/* The smallest zoom at which a card's name can be read comfortably. */
#define READABLE_ZOOM 0.5

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (LadderCanvas, ladder_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* ------------------------------------------------------------- geometry */

void
ladder_canvas_render_options (LadderCanvas *self, LadderRenderOptions *options)
{
  ladder_render_options_init (options);
  /* The header bar shows the title; the canvas shows only people. */
  options->draw_title = FALSE;
  options->background = FALSE;
}

void
ladder_canvas_get_origin (LadderCanvas *self, double *x, double *y)
{
  LadderRenderOptions options;

  ladder_canvas_render_options (self, &options);
  ladder_render_get_origin (self->chart, &options, x, y);
}

static void
update_adjustments (LadderCanvas *self)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);
  double cw, ch, vw, vh;

  ladder_viewport_get_content_size (self->viewport, &cw, &ch);
  ladder_viewport_get_view_size (self->viewport, &vw, &vh);

  self->syncing = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              MAX (0.0, ladder_viewport_get_x (self->viewport) * zoom),
                              0.0, MAX (cw * zoom, vw), vw * 0.1, vw * 0.9, vw);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              MAX (0.0, ladder_viewport_get_y (self->viewport) * zoom),
                              0.0, MAX (ch * zoom, vh), vh * 0.1, vh * 0.9, vh);
  self->syncing = FALSE;
}

static void layout_changed (LadderCanvas *self);

void
ladder_canvas_ensure_layout (LadderCanvas *self)
{
  if (!self->layout_dirty || self->chart == NULL)
    return;
  self->layout_dirty = FALSE;
  ladder_layout_compute (self->layout, self->chart);
  layout_changed (self);
}

void
ladder_canvas_take_layout (LadderCanvas *self, LadderLayout *layout)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  g_return_if_fail (layout != NULL);

  ladder_layout_free (self->layout);
  self->layout = layout;
  self->layout_dirty = FALSE;
  layout_changed (self);
}

static void
layout_changed (LadderCanvas *self)
{
  LadderRenderOptions options;
  double width, height;

  ladder_canvas_drop_picture (self);
  ladder_canvas_render_options (self, &options);
  ladder_render_get_size (self->layout, self->chart, &options, &width, &height);
  ladder_viewport_set_content_size (self->viewport, width, height);
  update_adjustments (self);
}

void
ladder_canvas_to_chart (LadderCanvas *self, double widget_x, double widget_y,
                        double *x, double *y)
{
  double ox, oy;

  ladder_canvas_get_origin (self, &ox, &oy);
  ladder_viewport_to_drawing (self->viewport, widget_x, widget_y, x, y);
  *x -= ox;
  *y -= oy;
}

guint
ladder_canvas_hit (LadderCanvas *self, double widget_x, double widget_y)
{
  double x, y;

  if (self->chart == NULL)
    return LADDER_NONE;
  ladder_canvas_ensure_layout (self);
  ladder_canvas_to_chart (self, widget_x, widget_y, &x, &y);
  return ladder_layout_hit (self->layout, x, y);
}

gboolean
ladder_canvas_hit_chevron (LadderCanvas *self, guint person, double widget_x, double widget_y)
{
  const LadderBox *box;
  double x, y, dx, dy;

  if (person == LADDER_NONE || ladder_chart_get_first_report (self->chart, person) == LADDER_NONE)
    return FALSE;
  box = ladder_layout_get_box (self->layout, person);
  if (box == NULL || !box->visible)
    return FALSE;
  ladder_canvas_to_chart (self, widget_x, widget_y, &x, &y);
  dx = x - (box->x + box->width / 2.0);
  dy = y - (box->y + box->height);
  /* A little more than the drawn chevron, so it is easy to hit. */
  return fabs (dx) <= LADDER_CANVAS_CHEVRON_RADIUS + 12.0
         && fabs (dy) <= LADDER_CANVAS_CHEVRON_RADIUS + 3.0;
}

const char *
ladder_canvas_label (LadderCanvas *self, guint person)
{
  return ladder_describe_label (self->chart, self->catalogue, person);
}

/* -------------------------------------------------------------- drawing */

static void
ladder_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LadderCanvas *self = LADDER_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart == NULL || self->findings == NULL || width <= 0 || height <= 0)
    return;

  ladder_canvas_ensure_layout (self);
  ladder_canvas_snapshot_chart (self, snapshot, width, height);
}

/* @person's card and where its top-left corner is in the viewport's
 * drawing coordinates; NULL when @person has no card in view (folded
 * away, or no one). */
static const LadderBox *
card_in_drawing (LadderCanvas *self, guint person, double *x, double *y)
{
  const LadderBox *box;
  double ox, oy;

  if (self->chart == NULL || person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return NULL;
  ladder_canvas_ensure_layout (self);
  box = ladder_layout_get_box (self->layout, person);
  if (box == NULL || !box->visible)
    return NULL;
  ladder_canvas_get_origin (self, &ox, &oy);
  *x = box->x + ox;
  *y = box->y + oy;
  return box;
}

/* Fits the chart in view; for ladder_canvas_zoom_readable(), at a zoom
 * where names can still be read, showing the top of the first tree. */
static void
fit_view (LadderCanvas *self)
{
  guint root = self->chart != NULL ? ladder_chart_get_first_root (self->chart) : LADDER_NONE;
  const LadderBox *box = NULL;
  double x, y;

  if (self->fit_readable)
    box = card_in_drawing (self, root, &x, &y);
  if (box == NULL)
    ladder_viewport_fit (self->viewport);
  else
    ladder_viewport_fit_at_least (self->viewport, READABLE_ZOOM, x + box->width / 2.0);
}

static void
ladder_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LadderCanvas *self = LADDER_CANVAS (widget);

  ladder_canvas_ensure_layout (self);
  ladder_viewport_set_view_size (self->viewport, width, height);
  if (self->auto_fit && width > 1 && height > 1)
    fit_view (self);
  update_adjustments (self);
  ladder_canvas_a11y_allocate (self->a11y);
  if (self->rename_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

static void
ladder_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 100;
  *natural = 600;
}

/* ------------------------------------------------------------ scrolling */

static void
adjustment_changed_cb (GtkAdjustment *adjustment, LadderCanvas *self)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);
  double x = ladder_viewport_get_x (self->viewport);
  double y = ladder_viewport_get_y (self->viewport);

  if (self->syncing)
    return;
  self->auto_fit = FALSE;
  if (adjustment == self->hadjustment)
    x = gtk_adjustment_get_value (adjustment) / zoom;
  else
    y = gtk_adjustment_get_value (adjustment) / zoom;
  ladder_viewport_set_position (self->viewport, x, y);
}

static void
set_adjustment (LadderCanvas *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  update_adjustments (self);
}

static void
viewport_changed_cb (LadderCanvas *self)
{
  update_adjustments (self);
  /* Only a name being typed follows its card; a resize in the middle of
   * size_allocate (fitting the chart) must not ask for another. */
  if (self->rename_popover != NULL && gtk_widget_get_visible (self->rename_popover))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  ladder_canvas_a11y_queue (self->a11y, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------- model */

static void
chart_changed_cb (LadderDocument *document, const LadderChange *change, LadderCanvas *self)
{
  LadderChart *chart = self->chart;

  self->layout_dirty = TRUE;
  ladder_canvas_drop_picture (self);
  g_clear_pointer (&self->counts, ladder_stats_free);
  /* An edit keeps the view where it is (no refit, no re-centring); the
   * card it made or moved is scrolled into view by the command's caller. */
  if (change->kind != LADDER_CHANGE_RESET && change->kind != LADDER_CHANGE_FIELD)
    self->auto_fit = FALSE;
  if (self->selected != LADDER_NONE && !ladder_chart_is_alive (chart, self->selected))
    ladder_canvas_set_selected (self, LADDER_NONE);
  if (self->hover != LADDER_NONE && !ladder_chart_is_alive (chart, self->hover))
    self->hover = LADDER_NONE;
  if (change->kind == LADDER_CHANGE_RESET)
    {
      self->hover = LADDER_NONE;
      ladder_canvas_cancel_drag (self);
    }
  ladder_canvas_a11y_queue (self->a11y, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ladder_canvas_set_document (LadderCanvas *self, LadderDocument *document)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  g_return_if_fail (LADDER_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->chart, ladder_document_get_chart (document));
  g_set_object (&self->catalogue, ladder_document_get_catalogue (document));
  g_signal_connect (document, "changed", G_CALLBACK (chart_changed_cb), self);
  self->layout_dirty = TRUE;
  ladder_canvas_drop_picture (self);
  self->selected = LADDER_NONE;
  ladder_canvas_a11y_queue (self->a11y, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
ladder_canvas_set_findings (LadderCanvas *self, LadderFindings *findings)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  self->findings = findings;
  ladder_canvas_drop_picture (self);
  ladder_canvas_a11y_queue (self->a11y, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ladder_canvas_set_matches (LadderCanvas *self, const guint8 *matches)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  self->matches = matches;
  ladder_canvas_drop_picture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LadderViewport *
ladder_canvas_get_viewport (LadderCanvas *self)
{
  g_return_val_if_fail (LADDER_IS_CANVAS (self), NULL);
  return self->viewport;
}

LadderLayout *
ladder_canvas_get_layout (LadderCanvas *self)
{
  g_return_val_if_fail (LADDER_IS_CANVAS (self), NULL);
  ladder_canvas_ensure_layout (self);
  return self->layout;
}

/* ------------------------------------------------------------ selection */

guint
ladder_canvas_get_selected (LadderCanvas *self)
{
  g_return_val_if_fail (LADDER_IS_CANVAS (self), LADDER_NONE);
  return self->selected;
}

void
ladder_canvas_set_selected (LadderCanvas *self, guint person)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));

  if (person != LADDER_NONE && (self->chart == NULL || !ladder_chart_is_alive (self->chart, person)))
    person = LADDER_NONE;
  if (person == self->selected)
    return;
  self->selected = person;
  ladder_canvas_a11y_queue (self->a11y, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
ladder_canvas_set_cut (LadderCanvas *self, guint person)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));

  if (person == self->cut)
    return;
  self->cut = person;
  ladder_canvas_drop_picture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ladder_canvas_get_cut (LadderCanvas *self)
{
  g_return_val_if_fail (LADDER_IS_CANVAS (self), LADDER_NONE);
  return self->cut;
}

void
ladder_canvas_reveal (LadderCanvas *self, guint person, gboolean center)
{
  const LadderBox *box;
  double x, y;

  g_return_if_fail (LADDER_IS_CANVAS (self));

  box = card_in_drawing (self, person, &x, &y);
  if (box == NULL)
    return;
  self->auto_fit = FALSE;
  /* Going to someone (search, F8, the lists) shows them readable, however
   * far out the chart was zoomed to fit. */
  if (center && ladder_viewport_get_zoom (self->viewport) < READABLE_ZOOM)
    ladder_viewport_set_zoom (self->viewport, READABLE_ZOOM);
  if (center)
    ladder_viewport_center_on (self->viewport, x + box->width / 2.0, y + box->height / 2.0);
  else
    ladder_viewport_reveal (self->viewport, x, y, box->width, box->height);
}

void
ladder_canvas_move_selection (LadderCanvas *self, LadderCanvasMove move)
{
  guint person = self->selected, next = LADDER_NONE;

  g_return_if_fail (LADDER_IS_CANVAS (self));

  if (self->chart == NULL)
    return;
  if (person == LADDER_NONE)
    next = ladder_chart_get_first_root (self->chart);
  else
    switch (move)
      {
      case LADDER_CANVAS_MOVE_UP:
        next = ladder_chart_get_manager (self->chart, person);
        break;
      case LADDER_CANVAS_MOVE_DOWN:
        /* Down on a folded card opens it, to its first report. */
        next = ladder_chart_get_first_report (self->chart, person);
        if (next != LADDER_NONE && ladder_chart_get_collapsed (self->chart, person))
          ladder_document_fold (self->document, person, FALSE);
        break;
      case LADDER_CANVAS_MOVE_LEFT:
        next = ladder_chart_get_prev_sibling (self->chart, person);
        break;
      case LADDER_CANVAS_MOVE_RIGHT:
        next = ladder_chart_get_next_sibling (self->chart, person);
        break;
      default:
        g_assert_not_reached ();
      }
  if (next == LADDER_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ladder_canvas_set_selected (self, next);
  ladder_canvas_reveal (self, next, FALSE);
}

void
ladder_canvas_go_to (LadderCanvas *self, guint person, gboolean center)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));

  if (self->document == NULL || person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return;
  ladder_document_reveal (self->document, person);
  ladder_canvas_set_selected (self, person);
  ladder_canvas_reveal (self, person, center);
}

/* ---------------------------------------------------------------- edits */

void
ladder_canvas_message (LadderCanvas *self, const char *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

gboolean
ladder_canvas_move_person (LadderCanvas *self, guint person, guint manager, guint position)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LADDER_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!ladder_document_move_person (self->document, person, manager, position, &error))
    {
      ladder_canvas_message (self, error->message);
      return FALSE;
    }
  ladder_canvas_go_to (self, person, FALSE);
  return TRUE;
}

guint
ladder_canvas_add_role (LadderCanvas *self, const char *role, guint manager)
{
  g_autoptr(GError) error = NULL;
  guint person;

  g_return_val_if_fail (LADDER_IS_CANVAS (self), LADDER_NONE);
  g_return_val_if_fail (self->document != NULL, LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  person = ladder_document_add_person (self->document, role, manager, LADDER_NONE, NULL, &error);
  if (person == LADDER_NONE)
    {
      ladder_canvas_message (self, error->message);
      return LADDER_NONE;
    }
  ladder_canvas_go_to (self, person, FALSE);
  ladder_canvas_start_rename (self, person);
  return person;
}

/* ----------------------------------------------------------------- zoom */

void
ladder_canvas_zoom_in (LadderCanvas *self)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  self->auto_fit = FALSE;
  ladder_viewport_set_zoom (self->viewport, ladder_viewport_get_zoom (self->viewport) * ZOOM_STEP);
}

void
ladder_canvas_zoom_out (LadderCanvas *self)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  self->auto_fit = FALSE;
  ladder_viewport_set_zoom (self->viewport, ladder_viewport_get_zoom (self->viewport) / ZOOM_STEP);
}

static void
start_auto_fit (LadderCanvas *self, gboolean readable)
{
  ladder_canvas_ensure_layout (self);
  /* Before the first allocation the view has no size to fit into;
   * size_allocate fits again while auto_fit holds. */
  self->auto_fit = TRUE;
  self->fit_readable = readable;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 1)
    fit_view (self);
}

void
ladder_canvas_zoom_fit (LadderCanvas *self)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  start_auto_fit (self, FALSE);
}

void
ladder_canvas_zoom_readable (LadderCanvas *self)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  start_auto_fit (self, TRUE);
}

void
ladder_canvas_zoom_reset (LadderCanvas *self)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));
  self->auto_fit = FALSE;
  ladder_viewport_set_zoom (self->viewport, 1.0);
}

/* --------------------------------------------------------------- rename */

static void
rename_commit (LadderCanvas *self)
{
  guint person = self->rename_person;
  g_autofree char *text = NULL;

  if (person == LADDER_NONE)
    return;
  self->rename_person = LADDER_NONE;
  /* Escape on a person just added takes the add back. */
  if (self->rename_cancelled)
    {
      ladder_document_cancel_add (self->document, person);
      return;
    }
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_entry))));
  ladder_document_rename (self->document, person, text);
}

static void
rename_activate_cb (LadderCanvas *self)
{
  rename_commit (self);
  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

static void
rename_closed_cb (LadderCanvas *self)
{
  /* Clicking elsewhere keeps what was typed; Escape does not. */
  rename_commit (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
rename_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, LadderCanvas *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      self->rename_cancelled = TRUE;
      gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
      return TRUE;
    }
  return FALSE;
}

void
ladder_canvas_start_rename (LadderCanvas *self, guint person)
{
  const LadderBox *box;
  const char *name;
  double ox, oy, x, y;
  GdkRectangle rect;

  g_return_if_fail (LADDER_IS_CANVAS (self));

  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return;
  ladder_canvas_ensure_layout (self);
  box = ladder_layout_get_box (self->layout, person);
  if (box == NULL || !box->visible)
    return;
  ladder_canvas_reveal (self, person, FALSE);

  ladder_canvas_get_origin (self, &ox, &oy);
  ladder_viewport_to_widget (self->viewport, box->x + ox, box->y + oy, &x, &y);
  rect.x = (int) x;
  rect.y = (int) y;
  rect.width = MAX (1, (int) (box->width * ladder_viewport_get_zoom (self->viewport)));
  rect.height = MAX (1, (int) (box->height * ladder_viewport_get_zoom (self->viewport)));

  self->rename_person = person;
  self->rename_cancelled = FALSE;
  name = ladder_chart_get_name (self->chart, person);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), name ? name : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
}

static void
create_rename_popover (LadderCanvas *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *hint = gtk_label_new (_("Name — Enter to keep, Escape to cancel"));
  GtkEventController *key = gtk_event_controller_key_new ();

  self->rename_popover = gtk_popover_new ();
  self->rename_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->rename_entry), _("Full name"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 24);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_box_append (GTK_BOX (box), self->rename_entry);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));

  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb), self);
  g_signal_connect_swapped (self->rename_popover, "closed", G_CALLBACK (rename_closed_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (rename_key_cb), self);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (self->rename_entry, key);
}

/* ------------------------------------------------------------- keyboard */

static gboolean
move_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ladder_canvas_move_selection (LADDER_CANVAS (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
escape_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  LadderCanvas *self = LADDER_CANVAS (widget);

  /* One thing at a time: the drag, then a cut, then the selection, then
   * a comparison. */
  if (self->drag_mode != DRAG_NONE)
    ladder_canvas_cancel_drag (self);
  else if (self->cut != LADDER_NONE)
    gtk_widget_activate_action (widget, "win.cancel-cut", NULL);
  else if (self->selected != LADDER_NONE)
    ladder_canvas_set_selected (self, LADDER_NONE);
  else
    gtk_widget_activate_action (widget, "win.compare-leave", NULL);
  return TRUE;
}

/* --------------------------------------------------------------- object */

static void
ladder_canvas_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LadderCanvas *self = LADDER_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_canvas_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LadderCanvas *self = LADDER_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      ladder_canvas_set_selected (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_canvas_dispose (GObject *object)
{
  LadderCanvas *self = LADDER_CANVAS (object);

  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->a11y, ladder_canvas_a11y_free);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->viewport);
  self->findings = NULL;
  self->matches = NULL;

  G_OBJECT_CLASS (ladder_canvas_parent_class)->dispose (object);
}

static void
ladder_canvas_finalize (GObject *object)
{
  LadderCanvas *self = LADDER_CANVAS (object);

  g_clear_pointer (&self->layout, ladder_layout_free);
  g_clear_pointer (&self->counts, ladder_stats_free);
  ladder_canvas_drop_picture (self);
  g_clear_pointer (&self->drop_message, g_free);
  G_OBJECT_CLASS (ladder_canvas_parent_class)->finalize (object);
}

static void
ladder_canvas_class_init (LadderCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ladder_canvas_get_property;
  object_class->set_property = ladder_canvas_set_property;
  object_class->dispose = ladder_canvas_dispose;
  object_class->finalize = ladder_canvas_finalize;
  widget_class->snapshot = ladder_canvas_snapshot;
  widget_class->size_allocate = ladder_canvas_size_allocate;
  widget_class->measure = ladder_canvas_measure;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, LADDER_NONE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* Why an edit asked for by a gesture was refused, for the user. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_binding,
                                "i", LADDER_CANVAS_MOVE_UP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_binding,
                                "i", LADDER_CANVAS_MOVE_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_binding,
                                "i", LADDER_CANVAS_MOVE_LEFT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_binding,
                                "i", LADDER_CANVAS_MOVE_RIGHT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_binding, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "win.fold", NULL);

  gtk_widget_class_set_css_name (widget_class, "laddercanvas");
  /* Its items are the cards in view (ladder-canvas-a11y.c). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE);
}

static void
ladder_canvas_init (LadderCanvas *self)
{
  self->selected = LADDER_NONE;
  self->cut = LADDER_NONE;
  self->hover = LADDER_NONE;
  self->drop_target = LADDER_NONE;
  self->dnd_target = LADDER_NONE;
  self->drag_person = LADDER_NONE;
  self->rename_person = LADDER_NONE;
  self->layout = ladder_layout_new ();
  self->layout_dirty = TRUE;
  self->a11y = ladder_canvas_a11y_new (self);
  self->viewport = ladder_viewport_new ();
  g_signal_connect_swapped (self->viewport, "changed", G_CALLBACK (viewport_changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  create_rename_popover (self);
  ladder_canvas_init_input (self);
}

GtkWidget *
ladder_canvas_new (void)
{
  return g_object_new (LADDER_TYPE_CANVAS, NULL);
}
