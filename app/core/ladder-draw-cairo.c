/* ladder-draw-cairo.c — LadderDraw on a cairo context (screen, PNG, PDF)
 *
 * Made per frame by the canvas, so it holds nothing but the context; the
 * text layouts live in the shared engine's cache.
 */
#include "config.h"

#include "ladder-draw-private.h"

#include <math.h>
#include <pango/pangocairo.h>

typedef struct {
  LadderDraw parent;
  cairo_t   *cr;
} LadderDrawCairo;

static void
set_color (cairo_t *cr, const LadderColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
stroke_and_fill (cairo_t *cr, const LadderPaint *paint, gboolean can_fill)
{
  if (can_fill && paint->fill.alpha > 0)
    {
      set_color (cr, &paint->fill);
      cairo_fill_preserve (cr);
    }
  if (paint->stroke.alpha > 0 && paint->line_width > 0)
    {
      set_color (cr, &paint->stroke);
      cairo_set_line_width (cr, paint->line_width);
      if (paint->dash > 0)
        cairo_set_dash (cr, &paint->dash, 1, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
}

static void
cairo_box (LadderDraw *draw, double x, double y, double width, double height,
           double radius, LadderCorners corners, const LadderPaint *paint)
{
  cairo_t *cr = ((LadderDrawCairo *) draw)->cr;
  double inset = ladder_draw_slice_inset (height, radius, corners);

  if (inset >= 0)
    {
      double start = atan2 (height - radius, inset - radius) + 2 * M_PI;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + radius, y + radius, radius, start, 1.5 * M_PI);
      cairo_arc (cr, x + width - radius, y + radius, radius, 1.5 * M_PI, 3 * M_PI - start);
      cairo_close_path (cr);
    }
  else if (radius <= 0 || corners == 0)
    cairo_rectangle (cr, x, y, width, height);
  else
    {
      double r;

      cairo_new_sub_path (cr);
      r = corners & LADDER_CORNER_TOP_LEFT ? radius : 0;
      cairo_arc (cr, x + r, y + r, r, M_PI, 1.5 * M_PI);
      r = corners & LADDER_CORNER_TOP_RIGHT ? radius : 0;
      cairo_arc (cr, x + width - r, y + r, r, 1.5 * M_PI, 2 * M_PI);
      r = corners & LADDER_CORNER_BOTTOM_RIGHT ? radius : 0;
      cairo_arc (cr, x + width - r, y + height - r, r, 0, 0.5 * M_PI);
      r = corners & LADDER_CORNER_BOTTOM_LEFT ? radius : 0;
      cairo_arc (cr, x + r, y + height - r, r, 0.5 * M_PI, M_PI);
      cairo_close_path (cr);
    }
  stroke_and_fill (cr, paint, TRUE);
}

static void
cairo_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  cairo_t *cr = ((LadderDrawCairo *) draw)->cr;

  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  stroke_and_fill (cr, paint, FALSE);
}

static void
cairo_text (LadderDraw *draw, double x, double y, double width,
            const char *text, const LadderFont *font)
{
  cairo_t *cr = ((LadderDrawCairo *) draw)->cr;
  PangoLayout *layout;

  ladder_text_lock ();
  layout = ladder_text_get_layout (text, font, width);
  set_color (cr, &font->color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  ladder_text_unlock ();
  cairo_new_path (cr);
}

static void
cairo_free (LadderDraw *draw)
{
  LadderDrawCairo *self = (LadderDrawCairo *) draw;

  cairo_destroy (self->cr);
  g_free (self);
}

static const LadderDrawClass cairo_class = {
  .box = cairo_box,
  .polyline = cairo_polyline,
  .text = cairo_text,
  .free = cairo_free,
};

LadderDraw *
ladder_draw_cairo_new (cairo_t *cr)
{
  LadderDrawCairo *self;

  g_return_val_if_fail (cr != NULL, NULL);

  self = g_new (LadderDrawCairo, 1);
  self->parent.klass = &cairo_class;
  self->cr = cairo_reference (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  return &self->parent;
}
