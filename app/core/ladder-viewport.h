/* ladder-viewport.h — zoom and scroll position of the chart view
 *
 * A plain object that holds the state of the view and converts between
 * widget coordinates (pixels in the canvas) and drawing coordinates
 * (chart units of the whole drawing, as ladder_render_get_size() measures
 * it).  The canvas only turns gestures into calls on it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_VIEWPORT_MIN_ZOOM 0.02
#define LADDER_VIEWPORT_MAX_ZOOM 4.0

#define LADDER_TYPE_VIEWPORT (ladder_viewport_get_type ())
G_DECLARE_FINAL_TYPE (LadderViewport, ladder_viewport, LADDER, VIEWPORT, GObject)

LadderViewport *ladder_viewport_new            (void);

double          ladder_viewport_get_zoom       (LadderViewport *self);
/* Drawing coordinates shown at the widget's top-left corner. */
double          ladder_viewport_get_x          (LadderViewport *self);
double          ladder_viewport_get_y          (LadderViewport *self);

/* Size of the widget in pixels and of the drawing in chart units. */
void            ladder_viewport_set_view_size    (LadderViewport *self, double width, double height);
void            ladder_viewport_set_content_size (LadderViewport *self, double width, double height);
void            ladder_viewport_get_view_size    (LadderViewport *self, double *width, double *height);
void            ladder_viewport_get_content_size (LadderViewport *self, double *width, double *height);

/* Sets the zoom keeping the drawing point under (@widget_x, @widget_y)
 * where it is. */
void            ladder_viewport_zoom_at        (LadderViewport *self, double zoom,
                                                double widget_x, double widget_y);
void            ladder_viewport_set_zoom       (LadderViewport *self, double zoom);
/* Moves the view by a distance in widget pixels. */
void            ladder_viewport_pan            (LadderViewport *self, double dx, double dy);
void            ladder_viewport_set_position   (LadderViewport *self, double x, double y);
/* Centres the view on a drawing point. */
void            ladder_viewport_center_on      (LadderViewport *self, double x, double y);
/* Scrolls as little as possible so that the rectangle is in view. */
void            ladder_viewport_reveal         (LadderViewport *self, double x, double y,
                                                double width, double height);
/* The whole drawing in view (never above 100%). */
void            ladder_viewport_fit            (LadderViewport *self);
/* The same, but never below @min_zoom: a drawing too big for that shows
 * its top, centred on @focus_x. */
void            ladder_viewport_fit_at_least   (LadderViewport *self, double min_zoom,
                                                double focus_x);

void            ladder_viewport_to_drawing     (LadderViewport *self, double widget_x, double widget_y,
                                                double *x, double *y);
void            ladder_viewport_to_widget      (LadderViewport *self, double x, double y,
                                                double *widget_x, double *widget_y);
/* The visible part of the drawing. */
void            ladder_viewport_get_visible    (LadderViewport *self, double *x, double *y,
                                                double *width, double *height);

G_END_DECLS
