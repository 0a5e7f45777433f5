/* ladder-bar-chart.c — a horizontal bar chart of counts
 *
 * Rows of label, bar and value, drawn with cairo at whole pixels so the
 * edges stay sharp.  The text takes the widget's colour and font, the bars
 * the app's accent (@ladder_bar in style.css) with an edge in the text
 * colour, so they read on any background.  The pointer's bar is lighter, the chosen one
 * solid with a frame, and the keyboard's bar has the focus ring.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-bar-chart.h"

#define ROW_HEIGHT 22
#define ROW_GAP     6
#define COLUMN_GAP  8
#define MIN_BAR     2    /* a non-zero value is never invisible */

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LadderBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  GPtrArray *labels;     /* char * */
  GArray    *values;     /* guint */
  guint      chosen;
  guint      hover;
  guint      focus;      /* the bar the arrow keys are on */
};

G_DEFINE_FINAL_TYPE (LadderBarChart, ladder_bar_chart, GTK_TYPE_WIDGET)

static guint
value_at (LadderBarChart *self, guint index)
{
  return g_array_index (self->values, guint, index);
}

/* ------------------------------------------------------------- geometry */

static int
text_width (LadderBarChart *self, const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

typedef struct {
  int label_width;
  int bar_x;
  int bar_max;       /* pixels of the largest value */
  guint max_value;
} Columns;

static void
get_columns (LadderBarChart *self, int width, Columns *c)
{
  int labels = 0, values = 0;

  c->max_value = 0;
  for (guint i = 0; i < self->labels->len; i++)
    {
      char text[16];

      labels = MAX (labels, text_width (self, g_ptr_array_index (self->labels, i)));
      g_snprintf (text, sizeof text, "%u", value_at (self, i));
      values = MAX (values, text_width (self, text));
      c->max_value = MAX (c->max_value, value_at (self, i));
    }
  /* Long labels are cut, not the bars. */
  c->label_width = MIN (labels, (int) (width * 0.55));
  c->bar_x = c->label_width + COLUMN_GAP;
  c->bar_max = MAX (0, width - c->bar_x - COLUMN_GAP - values);
}

static guint
bar_at (LadderBarChart *self, double y)
{
  int row;

  if (y < 0)
    return LADDER_BAR_NONE;
  row = (int) y / (ROW_HEIGHT + ROW_GAP);
  if ((guint) row >= self->labels->len || (int) y - row * (ROW_HEIGHT + ROW_GAP) >= ROW_HEIGHT)
    return LADDER_BAR_NONE;
  return row;
}

/* -------------------------------------------------------------- drawing */

static void
lookup_colors (LadderBarChart *self, GdkRGBA *text, GdkRGBA *bar)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, text);
  if (!gtk_style_context_lookup_color (context, "ladder_bar", bar) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", bar))
    gdk_rgba_parse (bar, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
show_text (LadderBarChart *self, cairo_t *cr, const char *text, int x, int y, int width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int height;

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, NULL, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y + (ROW_HEIGHT - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
ladder_bar_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LadderBarChart *self = LADDER_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA text, bar;
  Columns c;
  cairo_t *cr;

  if (self->labels->len == 0 || width <= 0 || height <= 0)
    return;
  lookup_colors (self, &text, &bar);
  get_columns (self, width, &c);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->labels->len; i++)
    {
      guint value = value_at (self, i);
      int y = i * (ROW_HEIGHT + ROW_GAP);
      int length = c.max_value > 0 ? (int) round ((double) c.bar_max * value / c.max_value) : 0;
      double fill = i == self->chosen ? 1.0 : i == self->hover ? 0.8 : 0.55;
      char number[16];

      if (value > 0)
        length = MAX (length, MIN_BAR);
      if (i == self->chosen)
        {
          /* The whole row, so a chosen bar of 0 is seen chosen too. */
          cairo_rectangle (cr, 0, y, width, ROW_HEIGHT);
          cairo_set_source_rgba (cr, bar.red, bar.green, bar.blue, 0.18);
          cairo_fill (cr);
        }
      if (length > 0)
        {
          cairo_rectangle (cr, c.bar_x, y + 3, length, ROW_HEIGHT - 6);
          cairo_set_source_rgba (cr, bar.red, bar.green, bar.blue, fill);
          cairo_fill (cr);
          /* A one-pixel edge on the pixel grid. */
          cairo_rectangle (cr, c.bar_x + 0.5, y + 3.5, length - 1, ROW_HEIGHT - 7);
          cairo_set_source_rgba (cr, text.red, text.green, text.blue,
                                 i == self->chosen ? 0.9 : 0.35);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }

      show_text (self, cr, g_ptr_array_index (self->labels, i), 0, y, c.label_width, &text);
      g_snprintf (number, sizeof number, "%u", value);
      show_text (self, cr, number, c.bar_x + length + COLUMN_GAP / 2, y, -1, &text);

      if (i == self->focus && gtk_widget_has_visible_focus (widget))
        {
          cairo_rectangle (cr, 0.5, y + 0.5, width - 1, ROW_HEIGHT - 1);
          cairo_set_source_rgba (cr, bar.red, bar.green, bar.blue, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, (double[]) { 2.0 }, 1, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
  cairo_destroy (cr);
}

static void
ladder_bar_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                          int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  LadderBarChart *self = LADDER_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 280;
    }
  else
    {
      guint n = self->labels->len;

      *minimum = *natural = n > 0 ? n * ROW_HEIGHT + (n - 1) * ROW_GAP : 0;
    }
}

/* ------------------------------------------------------- accessibility */

static void
update_accessible (LadderBarChart *self)
{
  g_autofree char *description = NULL;

  if (self->focus < self->labels->len)
    /* Translators: a bar of a chart, for a screen reader: "Senior PM: 4" */
    description = g_strdup_printf (_("%s: %u"), (char *) g_ptr_array_index (self->labels, self->focus),
                                   value_at (self, self->focus));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
set_focus_bar (LadderBarChart *self, guint index)
{
  if (index >= self->labels->len || index == self->focus)
    return;
  self->focus = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------- input */

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, LadderBarChart *self)
{
  guint index = bar_at (self, y);

  if (index == LADDER_BAR_NONE)
    return;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_bar (self, index);
  ladder_bar_chart_activate (self, index);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, LadderBarChart *self)
{
  guint index = bar_at (self, y);

  if (index == self->hover)
    return;
  self->hover = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index != LADDER_BAR_NONE ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller, LadderBarChart *self)
{
  motion_cb (controller, -1, -1, self);
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  LadderBarChart *self)
{
  guint index = keyboard ? self->focus : bar_at (self, y);
  g_autofree char *text = NULL;

  if (index >= self->labels->len)
    return FALSE;
  text = g_strdup_printf (_("%s: %u"), (char *) g_ptr_array_index (self->labels, index),
                          value_at (self, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
step_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  LadderBarChart *self = LADDER_BAR_CHART (widget);
  int step = g_variant_get_int32 (args);
  guint n = self->labels->len;

  if (n == 0)
    return FALSE;
  if (step == G_MININT32)
    set_focus_bar (self, 0);
  else if (step == G_MAXINT32)
    set_focus_bar (self, n - 1);
  else if ((step < 0 && self->focus == 0) || (step > 0 && self->focus + 1 >= n))
    gtk_widget_error_bell (widget);
  else
    set_focus_bar (self, self->focus + step);
  return TRUE;
}

static gboolean
activate_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  LadderBarChart *self = LADDER_BAR_CHART (widget);

  if (self->focus >= self->labels->len)
    return FALSE;
  ladder_bar_chart_activate (self, self->focus);
  return TRUE;
}

static void
focus_changed_cb (LadderBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --------------------------------------------------------------- public */

GtkWidget *
ladder_bar_chart_new (void)
{
  return g_object_new (LADDER_TYPE_BAR_CHART, NULL);
}

void
ladder_bar_chart_set_title (LadderBarChart *self, const char *title)
{
  g_return_if_fail (LADDER_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

void
ladder_bar_chart_set_bars (LadderBarChart *self, const char *const *labels,
                           const guint *values, guint n_bars)
{
  g_autofree char *chosen = NULL;
  guint old_n;

  g_return_if_fail (LADDER_IS_BAR_CHART (self));
  g_return_if_fail (n_bars == 0 || (labels != NULL && values != NULL));

  old_n = self->labels->len;
  if (self->chosen < old_n)
    chosen = g_strdup (g_ptr_array_index (self->labels, self->chosen));
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  self->chosen = LADDER_BAR_NONE;
  for (guint i = 0; i < n_bars; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->values, values[i]);
      if (chosen != NULL && g_strcmp0 (chosen, labels[i]) == 0)
        self->chosen = i;
    }
  if (self->focus >= n_bars)
    self->focus = 0;
  if (self->hover >= n_bars)
    self->hover = LADDER_BAR_NONE;
  update_accessible (self);
  if (old_n != n_bars)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ladder_bar_chart_get_n_bars (LadderBarChart *self)
{
  g_return_val_if_fail (LADDER_IS_BAR_CHART (self), 0);
  return self->labels->len;
}

const char *
ladder_bar_chart_get_label (LadderBarChart *self, guint index)
{
  g_return_val_if_fail (LADDER_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, index);
}

guint
ladder_bar_chart_get_value (LadderBarChart *self, guint index)
{
  g_return_val_if_fail (LADDER_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->labels->len, 0);
  return value_at (self, index);
}

guint
ladder_bar_chart_get_chosen (LadderBarChart *self)
{
  g_return_val_if_fail (LADDER_IS_BAR_CHART (self), LADDER_BAR_NONE);
  return self->chosen;
}

void
ladder_bar_chart_set_chosen (LadderBarChart *self, guint index)
{
  g_return_if_fail (LADDER_IS_BAR_CHART (self));

  if (index >= self->labels->len)
    index = LADDER_BAR_NONE;
  if (index == self->chosen)
    return;
  self->chosen = index;
  if (index != LADDER_BAR_NONE)
    set_focus_bar (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ladder_bar_chart_activate (LadderBarChart *self, guint index)
{
  g_return_if_fail (LADDER_IS_BAR_CHART (self));
  g_return_if_fail (index < self->labels->len);

  ladder_bar_chart_set_chosen (self, index);
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, index);
}

/* --------------------------------------------------------------- object */

static void
ladder_bar_chart_finalize (GObject *object)
{
  LadderBarChart *self = LADDER_BAR_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  G_OBJECT_CLASS (ladder_bar_chart_parent_class)->finalize (object);
}

static void
ladder_bar_chart_class_init (LadderBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ladder_bar_chart_finalize;
  widget_class->snapshot = ladder_bar_chart_snapshot;
  widget_class->measure = ladder_bar_chart_measure;

  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, step_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, step_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, step_binding, "i", G_MININT32);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, step_binding, "i", G_MAXINT32);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_binding, NULL);

  gtk_widget_class_set_css_name (widget_class, "ladderbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_BOX);
}

static void
ladder_bar_chart_init (LadderBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (guint));
  self->chosen = LADDER_BAR_NONE;
  self->hover = LADDER_BAR_NONE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
