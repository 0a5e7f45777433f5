/* ladder-draw-svg.c — LadderDraw writing SVG
 *
 * Text is written as real <text> elements (selectable, searchable and
 * editable in Inkscape), ellipsized with pango's measurements first.  The
 * document is streamed out in chunks, so a chart of any size costs a
 * fixed amount of memory.  Numbers are written without the C library's
 * printf so that no locale can turn the decimal point into a comma.
 */
#include "config.h"

#include "ladder-draw-private.h"

#include <math.h>
#include <string.h>

#define CHUNK (64 * 1024)

typedef struct {
  LadderDraw      parent;
  LadderWriteFunc write_func;
  gpointer        closure;
  GString        *buffer;
  gboolean        failed;
} LadderDrawSvg;

static void
flush (LadderDrawSvg *self)
{
  if (!self->failed && self->buffer->len > 0
      && !self->write_func (self->closure, self->buffer->str, self->buffer->len))
    self->failed = TRUE;
  g_string_truncate (self->buffer, 0);
}

static void
maybe_flush (LadderDrawSvg *self)
{
  if (self->buffer->len >= CHUNK)
    flush (self);
}

/* Two decimals at most, trailing zeros dropped. */
static void
append_number (GString *out, double value)
{
  gint64 hundredths;

  if (!isfinite (value))
    value = 0;
  hundredths = (gint64) llround (value * 100);
  if (hundredths < 0)
    {
      g_string_append_c (out, '-');
      hundredths = -hundredths;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT, hundredths / 100);
  hundredths %= 100;
  if (hundredths != 0)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, (char) ('0' + hundredths / 10));
      if (hundredths % 10 != 0)
        g_string_append_c (out, (char) ('0' + hundredths % 10));
    }
}

static void
append_attr_number (GString *out, const char *name, double value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_number (out, value);
  g_string_append_c (out, '"');
}

/* Escapes for text and attribute values; drops what XML 1.0 cannot hold. */
static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\t': case '\n': case '\r': g_string_append_c (out, ' '); break;
        default:
          if (c >= 0x20)
            g_string_append_c (out, (char) c);
          break;
        }
    }
}

static void
append_color (GString *out, const char *name, const LadderColor *color)
{
  int r = (int) lround (CLAMP (color->red, 0, 1) * 255);
  int g = (int) lround (CLAMP (color->green, 0, 1) * 255);
  int b = (int) lround (CLAMP (color->blue, 0, 1) * 255);

  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name, r, g, b);
  if (color->alpha < 1)
    {
      g_string_append_printf (out, " %s-opacity", name);
      g_string_append (out, "=\"");
      append_number (out, CLAMP (color->alpha, 0, 1));
      g_string_append_c (out, '"');
    }
}

static void
append_paint (GString *out, const LadderPaint *paint, gboolean can_fill)
{
  if (can_fill && paint->fill.alpha > 0)
    append_color (out, "fill", &paint->fill);
  else
    g_string_append (out, " fill=\"none\"");
  if (paint->stroke.alpha > 0 && paint->line_width > 0)
    {
      append_color (out, "stroke", &paint->stroke);
      append_attr_number (out, "stroke-width", paint->line_width);
      if (paint->dash > 0)
        append_attr_number (out, "stroke-dasharray", paint->dash);
    }
}

static void
svg_box (LadderDraw *draw, double x, double y, double width, double height,
         double radius, LadderCorners corners, const LadderPaint *paint)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  GString *out = self->buffer;

  double inset = ladder_draw_slice_inset (height, radius, corners);

  if (self->failed)
    return;

  if (inset >= 0)
    {
      g_string_append (out, "<path d=\"M");
      append_number (out, x + inset);
      g_string_append_c (out, ',');
      append_number (out, y + height);
      g_string_append (out, "A");
      append_number (out, radius);
      g_string_append_c (out, ',');
      append_number (out, radius);
      g_string_append (out, " 0 0 1 ");
      append_number (out, x + radius);
      g_string_append_c (out, ',');
      append_number (out, y);
      g_string_append (out, "H");
      append_number (out, x + width - radius);
      g_string_append (out, "A");
      append_number (out, radius);
      g_string_append_c (out, ',');
      append_number (out, radius);
      g_string_append (out, " 0 0 1 ");
      append_number (out, x + width - inset);
      g_string_append_c (out, ',');
      append_number (out, y + height);
      g_string_append (out, "Z\"");
    }
  else if (radius <= 0 || corners == 0 || corners == LADDER_CORNER_ALL)
    {
      g_string_append (out, "<rect");
      append_attr_number (out, "x", x);
      append_attr_number (out, "y", y);
      append_attr_number (out, "width", width);
      append_attr_number (out, "height", height);
      if (radius > 0 && corners != 0)
        append_attr_number (out, "rx", radius);
    }
  else
    {
      /* Some corners only: a path, clockwise from the top-left. */
      double r[4];

      for (int i = 0; i < 4; i++)
        r[i] = corners & (1 << i) ? radius : 0;
      g_string_append (out, "<path d=\"M");
      append_number (out, x + r[0]);
      g_string_append_c (out, ',');
      append_number (out, y);
      g_string_append (out, "H");
      append_number (out, x + width - r[1]);
      if (r[1] > 0)
        {
          g_string_append (out, "a");
          append_number (out, r[1]);
          g_string_append_c (out, ',');
          append_number (out, r[1]);
          g_string_append (out, " 0 0 1 ");
          append_number (out, r[1]);
          g_string_append_c (out, ',');
          append_number (out, r[1]);
        }
      g_string_append (out, "V");
      append_number (out, y + height - r[2]);
      if (r[2] > 0)
        {
          g_string_append (out, "a");
          append_number (out, r[2]);
          g_string_append_c (out, ',');
          append_number (out, r[2]);
          g_string_append (out, " 0 0 1 ");
          append_number (out, -r[2]);
          g_string_append_c (out, ',');
          append_number (out, r[2]);
        }
      g_string_append (out, "H");
      append_number (out, x + r[3]);
      if (r[3] > 0)
        {
          g_string_append (out, "a");
          append_number (out, r[3]);
          g_string_append_c (out, ',');
          append_number (out, r[3]);
          g_string_append (out, " 0 0 1 ");
          append_number (out, -r[3]);
          g_string_append_c (out, ',');
          append_number (out, -r[3]);
        }
      g_string_append (out, "V");
      append_number (out, y + r[0]);
      if (r[0] > 0)
        {
          g_string_append (out, "a");
          append_number (out, r[0]);
          g_string_append_c (out, ',');
          append_number (out, r[0]);
          g_string_append (out, " 0 0 1 ");
          append_number (out, r[0]);
          g_string_append_c (out, ',');
          append_number (out, -r[0]);
        }
      g_string_append (out, "Z\"");
    }
  append_paint (out, paint, TRUE);
  g_string_append (out, "/>\n");
  maybe_flush (self);
}

static void
svg_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  GString *out = self->buffer;

  if (self->failed)
    return;

  g_string_append (out, "<polyline points=\"");
  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, xy[2 * i]);
      g_string_append_c (out, ',');
      append_number (out, xy[2 * i + 1]);
    }
  g_string_append_c (out, '"');
  append_paint (out, paint, FALSE);
  g_string_append (out, "/>\n");
  maybe_flush (self);
}

static void
svg_text (LadderDraw *draw, double x, double y, double width,
          const char *text, const LadderFont *font)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  GString *out = self->buffer;
  g_autofree char *fitted = NULL;
  double ascent, anchor_x = x;
  const char *anchor = NULL;

  if (self->failed)
    return;

  fitted = ladder_draw_ellipsize (text, font, width);
  ladder_draw_font_metrics (font, &ascent, NULL);
  if (width > 0 && font->align == LADDER_ALIGN_CENTER)
    {
      anchor_x = x + width / 2;
      anchor = "middle";
    }
  else if (width > 0 && font->align == LADDER_ALIGN_END)
    {
      anchor_x = x + width;
      anchor = "end";
    }

  g_string_append (out, "<text");
  append_attr_number (out, "x", anchor_x);
  append_attr_number (out, "y", y + ascent);
  append_attr_number (out, "font-size", font->size);
  if (font->bold)
    g_string_append (out, " font-weight=\"bold\"");
  if (font->italic)
    g_string_append (out, " font-style=\"italic\"");
  if (anchor)
    g_string_append_printf (out, " text-anchor=\"%s\"", anchor);
  append_color (out, "fill", &font->color);
  g_string_append_c (out, '>');
  append_escaped (out, fitted);
  g_string_append (out, "</text>\n");
  maybe_flush (self);
}

static void
svg_begin_group (LadderDraw *draw, const char *id)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  if (self->failed)
    return;
  g_string_append (self->buffer, "<g");
  if (id != NULL)
    {
      g_string_append (self->buffer, " id=\"");
      append_escaped (self->buffer, id);
      g_string_append_c (self->buffer, '"');
    }
  g_string_append (self->buffer, ">\n");
}

static void
svg_end_group (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  if (!self->failed)
    g_string_append (self->buffer, "</g>\n");
}

static void
svg_free (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  g_string_free (self->buffer, TRUE);
  g_free (self);
}

static const LadderDrawClass svg_class = {
  .box = svg_box,
  .polyline = svg_polyline,
  .text = svg_text,
  .begin_group = svg_begin_group,
  .end_group = svg_end_group,
  .free = svg_free,
};

LadderDraw *
ladder_draw_svg_new (LadderWriteFunc write_func, gpointer closure,
                     double width, double height, const char *title)
{
  LadderDrawSvg *self;
  GString *out;

  g_return_val_if_fail (write_func != NULL, NULL);

  self = g_new0 (LadderDrawSvg, 1);
  self->parent.klass = &svg_class;
  self->write_func = write_func;
  self->closure = closure;
  self->buffer = out = g_string_sized_new (CHUNK + 4096);

  width = ceil (width);
  height = ceil (height);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  append_attr_number (out, "width", width);
  append_attr_number (out, "height", height);
  g_string_append (out, " viewBox=\"0 0 ");
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\" font-family=\"");
  append_escaped (out, ladder_text_get_family ());
  g_string_append (out, ", sans-serif\">\n");
  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<title>");
      append_escaped (out, title);
      g_string_append (out, "</title>\n");
    }
  return &self->parent;
}

gboolean
ladder_draw_svg_finish (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  g_return_val_if_fail (draw != NULL && draw->klass == &svg_class, FALSE);

  g_string_append (self->buffer, "</svg>\n");
  flush (self);
  return !self->failed;
}
