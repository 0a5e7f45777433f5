/* ladder-viewport.c — zoom and scroll position of the chart view */
#include "config.h"

#include <math.h>

#include "ladder-viewport.h"

struct _LadderViewport
{
  GObject parent_instance;

  double zoom;
  double x, y;                     /* drawing point at the top-left corner */
  double view_width, view_height;  /* pixels */
  double content_width, content_height;
};

G_DEFINE_FINAL_TYPE (LadderViewport, ladder_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Along one axis: a drawing smaller than the view is centred in it; a
 * larger one never leaves empty space at either end. */
static double
clamp_axis (double position, double view, double content, double zoom)
{
  double visible = view / zoom;

  if (content <= visible)
    return -(visible - content) / 2.0;
  return CLAMP (position, 0.0, content - visible);
}

static void
update (LadderViewport *self, double zoom, double x, double y)
{
  gboolean zoom_changed;

  zoom = CLAMP (zoom, LADDER_VIEWPORT_MIN_ZOOM, LADDER_VIEWPORT_MAX_ZOOM);
  x = clamp_axis (x, self->view_width, self->content_width, zoom);
  y = clamp_axis (y, self->view_height, self->content_height, zoom);

  zoom_changed = zoom != self->zoom;
  if (!zoom_changed && x == self->x && y == self->y)
    return;

  self->zoom = zoom;
  self->x = x;
  self->y = y;
  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ladder_viewport_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LadderViewport *self = LADDER_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_viewport_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LadderViewport *self = LADDER_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ladder_viewport_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_viewport_class_init (LadderViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ladder_viewport_get_property;
  object_class->set_property = ladder_viewport_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         LADDER_VIEWPORT_MIN_ZOOM, LADDER_VIEWPORT_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Zoom or position changed: the view must be drawn again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ladder_viewport_init (LadderViewport *self)
{
  self->zoom = 1.0;
}

LadderViewport *
ladder_viewport_new (void)
{
  return g_object_new (LADDER_TYPE_VIEWPORT, NULL);
}

double
ladder_viewport_get_zoom (LadderViewport *self)
{
  g_return_val_if_fail (LADDER_IS_VIEWPORT (self), 1.0);
  return self->zoom;
}

double
ladder_viewport_get_x (LadderViewport *self)
{
  g_return_val_if_fail (LADDER_IS_VIEWPORT (self), 0.0);
  return self->x;
}

double
ladder_viewport_get_y (LadderViewport *self)
{
  g_return_val_if_fail (LADDER_IS_VIEWPORT (self), 0.0);
  return self->y;
}

void
ladder_viewport_set_view_size (LadderViewport *self, double width, double height)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));

  /* Keep the centre of the view where it was while the window resizes. */
  double cx = self->x + self->view_width / self->zoom / 2.0;
  double cy = self->y + self->view_height / self->zoom / 2.0;

  self->view_width = MAX (width, 1.0);
  self->view_height = MAX (height, 1.0);
  update (self, self->zoom,
          cx - self->view_width / self->zoom / 2.0,
          cy - self->view_height / self->zoom / 2.0);
}

void
ladder_viewport_set_content_size (LadderViewport *self, double width, double height)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));

  self->content_width = MAX (width, 0.0);
  self->content_height = MAX (height, 0.0);
  update (self, self->zoom, self->x, self->y);
}

void
ladder_viewport_get_view_size (LadderViewport *self, double *width, double *height)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  if (width)
    *width = self->view_width;
  if (height)
    *height = self->view_height;
}

void
ladder_viewport_get_content_size (LadderViewport *self, double *width, double *height)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  if (width)
    *width = self->content_width;
  if (height)
    *height = self->content_height;
}

void
ladder_viewport_zoom_at (LadderViewport *self, double zoom, double widget_x, double widget_y)
{
  double px, py;

  g_return_if_fail (LADDER_IS_VIEWPORT (self));

  zoom = CLAMP (zoom, LADDER_VIEWPORT_MIN_ZOOM, LADDER_VIEWPORT_MAX_ZOOM);
  ladder_viewport_to_drawing (self, widget_x, widget_y, &px, &py);
  update (self, zoom, px - widget_x / zoom, py - widget_y / zoom);
}

void
ladder_viewport_set_zoom (LadderViewport *self, double zoom)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  ladder_viewport_zoom_at (self, zoom, self->view_width / 2.0, self->view_height / 2.0);
}

void
ladder_viewport_pan (LadderViewport *self, double dx, double dy)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  update (self, self->zoom, self->x + dx / self->zoom, self->y + dy / self->zoom);
}

void
ladder_viewport_set_position (LadderViewport *self, double x, double y)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  update (self, self->zoom, x, y);
}

void
ladder_viewport_center_on (LadderViewport *self, double x, double y)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  update (self, self->zoom,
          x - self->view_width / self->zoom / 2.0,
          y - self->view_height / self->zoom / 2.0);
}

void
ladder_viewport_reveal (LadderViewport *self, double x, double y, double width, double height)
{
  double vx = self->x, vy = self->y;
  double vw, vh;
  const double pad = 24.0;

  g_return_if_fail (LADDER_IS_VIEWPORT (self));

  vw = self->view_width / self->zoom;
  vh = self->view_height / self->zoom;
  if (x - pad < vx)
    vx = x - pad;
  else if (x + width + pad > vx + vw)
    vx = x + width + pad - vw;
  if (y - pad < vy)
    vy = y - pad;
  else if (y + height + pad > vy + vh)
    vy = y + height + pad - vh;
  update (self, self->zoom, vx, vy);
}

static double
fit_zoom (LadderViewport *self)
{
  double zoom = 1.0;

  if (self->content_width > 0 && self->content_height > 0)
    zoom = MIN (self->view_width / self->content_width,
                self->view_height / self->content_height);
  return MIN (zoom, 1.0);
}

void
ladder_viewport_fit (LadderViewport *self)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  update (self, fit_zoom (self), 0.0, 0.0);
}

void
ladder_viewport_fit_at_least (LadderViewport *self, double min_zoom, double focus_x)
{
  double zoom;

  g_return_if_fail (LADDER_IS_VIEWPORT (self));

  zoom = fit_zoom (self);
  if (zoom >= min_zoom)
    update (self, zoom, 0.0, 0.0);
  else
    update (self, min_zoom, focus_x - self->view_width / min_zoom / 2.0, 0.0);
}

void
ladder_viewport_to_drawing (LadderViewport *self, double widget_x, double widget_y,
                            double *x, double *y)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  if (x)
    *x = self->x + widget_x / self->zoom;
  if (y)
    *y = self->y + widget_y / self->zoom;
}

void
ladder_viewport_to_widget (LadderViewport *self, double x, double y,
                           double *widget_x, double *widget_y)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  if (widget_x)
    *widget_x = (x - self->x) * self->zoom;
  if (widget_y)
    *widget_y = (y - self->y) * self->zoom;
}

void
ladder_viewport_get_visible (LadderViewport *self, double *x, double *y,
                             double *width, double *height)
{
  g_return_if_fail (LADDER_IS_VIEWPORT (self));
  if (x)
    *x = self->x;
  if (y)
    *y = self->y;
  if (width)
    *width = self->view_width / self->zoom;
  if (height)
    *height = self->view_height / self->zoom;
}
