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
/* Beyond this a coordinate is nonsense; it keeps the hundredths inside
 * a gint64 (the widest chart is about 2e8 units). */
#define NUMBER_LIMIT 9e15

/* The output is built in a plain buffer rather than a GString: an
 * export writes a few hundred thousand short pieces, and glib 2.74's
 * appends are out-of-line calls. */
typedef struct {
  char  *data;
  gsize  len, size;
} Buffer;

/* The attributes of a paint or a font, as last written: a chart uses a
 * dozen of them over and over, and copying is cheaper than writing. */
typedef struct {
  LadderPaint paint;        /* for a font: size, flags and colour in it */
  guint       kind;         /* 0: unused; 1, 2: paint without, with fill; 3: font */
  guint       len;
  char        text[184];
} Memo;

#define N_MEMOS 8

typedef struct {
  LadderDraw      parent;
  LadderWriteFunc write_func;
  gpointer        closure;
  Buffer          buffer;
  gboolean        failed;
  Memo            memos[N_MEMOS];
  guint           next_memo;
} LadderDrawSvg;

static G_NO_INLINE void
buffer_grow (Buffer *b, gsize needed)
{
  b->size = MAX (b->size * 2, b->len + needed + CHUNK);
  b->data = g_realloc (b->data, b->size);
}

/* Where to write @n more bytes. */
static inline char *
buffer_room (Buffer *b, gsize n)
{
  if (G_UNLIKELY (b->size - b->len < n))
    buffer_grow (b, n);
  return b->data + b->len;
}

static inline void
put_bytes (Buffer *b, const char *data, gsize n)
{
  memcpy (buffer_room (b, n), data, n);
  b->len += n;
}

/* A string literal: its length is known when compiling. */
#define put_literal(b, literal) put_bytes ((b), "" literal, sizeof (literal) - 1)

static inline void
put_c (Buffer *b, char c)
{
  *buffer_room (b, 1) = c;
  b->len++;
}

static inline void
put_str (Buffer *b, const char *s)
{
  put_bytes (b, s, strlen (s));
}

static void
flush (LadderDrawSvg *self)
{
  if (!self->failed && self->buffer.len > 0
      && !self->write_func (self->closure, self->buffer.data, self->buffer.len))
    self->failed = TRUE;
  self->buffer.len = 0;
}

static void
maybe_flush (LadderDrawSvg *self)
{
  if (self->buffer.len >= CHUNK)
    flush (self);
}

/* llround(): halves away from zero.  For |y| < 2^63 the integer part
 * converts exactly and y minus it is exact, so this is the same result
 * without a call into libm. */
static inline gint64
round_half_away (double y)
{
  gint64 whole = (gint64) y;
  double rest = y - (double) whole;

  if (rest >= 0.5)
    whole++;
  else if (rest <= -0.5)
    whole--;
  return whole;
}

static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324"
                                  "25262728293031323334353637383940414243444546474849"
                                  "50515253545556575859606162636465666768697071727374"
                                  "75767778798081828384858687888990919293949596979899";

/* Writes @whole's digits backwards, ending just before @end; returns
 * where they start. */
static inline char *
put_digits (char *end, guint64 whole)
{
  /* Coordinates fit 32 bits nearly always, and 32-bit division is cheaper. */
  if (whole <= G_MAXUINT32)
    {
      guint32 w = (guint32) whole;

      for (; w >= 100; w /= 100)
        memcpy (end -= 2, digit_pairs + 2 * (w % 100), 2);
      if (w >= 10)
        memcpy (end -= 2, digit_pairs + 2 * w, 2);
      else
        *--end = (char) ('0' + w);
      return end;
    }
  for (; whole >= 100; whole /= 100)
    memcpy (end -= 2, digit_pairs + 2 * (whole % 100), 2);
  if (whole >= 10)
    memcpy (end -= 2, digit_pairs + 2 * whole, 2);
  else
    *--end = (char) ('0' + whole);
  return end;
}

/* Two decimals at most, trailing zeros dropped; "0" for -0.001.  The
 * digits are written by hand: printf was half the cost of an export.
 * They are formed backwards in @text, then copied 16 bytes at a time
 * whatever their length (the buffer always has the room). */
static void
put_number (Buffer *b, double value)
{
  char text[48];
  char *end = text + 24, *p = end;
  gint64 hundredths;
  guint64 magnitude;
  guint cents;
  gsize n;

  if (!isfinite (value))
    value = 0;
  value = CLAMP (value, -NUMBER_LIMIT, NUMBER_LIMIT);
  hundredths = round_half_away (value * 100);
  magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;
  cents = (guint) (magnitude % 100);

  if (cents != 0)
    {
      if (cents % 10 != 0)
        *--p = digit_pairs[2 * cents + 1];
      *--p = digit_pairs[2 * cents];
      *--p = '.';
    }
  p = put_digits (p, magnitude / 100);
  if (hundredths < 0)
    *--p = '-';

  /* Sign, 17 digits at most, the point and two decimals. */
  n = (gsize) (end - p);
  if (G_LIKELY (n <= 16))
    memcpy (buffer_room (b, 16), p, 16);
  else
    memcpy (buffer_room (b, n), p, n);
  b->len += n;
}

/* ` name="value"`; @name is a literal. */
#define put_attr_number(b, name, value) \
  G_STMT_START { put_literal ((b), " " name "=\""); put_number ((b), (value)); \
                 put_c ((b), '"'); } G_STMT_END

/* Escapes for text and attribute values; drops what XML 1.0 cannot
 * hold.  Runs of plain characters are copied whole; the text is checked
 * for UTF-8 only from its first byte beyond ASCII. */
static void
put_escaped (Buffer *b, const char *text)
{
  g_autofree char *valid = NULL;
  gboolean checked = FALSE;
  const char *run = text;

  for (const char *p = text; ; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80 && !checked)
        {
          checked = TRUE;
          if (!g_utf8_validate (p, -1, NULL))
            {
              put_bytes (b, run, (gsize) (p - run));
              run = p = valid = g_utf8_make_valid (p, -1);
              c = (guchar) *p;
            }
        }
      if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"')
        continue;
      put_bytes (b, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '\0': return;
        case '&': put_literal (b, "&amp;"); break;
        case '<': put_literal (b, "&lt;"); break;
        case '>': put_literal (b, "&gt;"); break;
        case '"': put_literal (b, "&quot;"); break;
        case '\t': case '\n': case '\r': put_c (b, ' '); break;
        default: break;   /* other control characters */
        }
    }
}

/* One channel of #rrggbb: clamped to [0, 1] (NaN: 0), rounded as llround(). */
static inline guint
channel (double value)
{
  value = value > 0 ? MIN (value, 1) : 0;
  return (guint) round_half_away (value * 255);
}

/* ` name="#rrggbb"` and, when translucent, ` name-opacity="a"`; @name
 * is a literal. */
#define put_color(b, name, color) put_color_len ((b), "" name, sizeof (name) - 1, (color))

static void
put_color_len (Buffer *b, const char *name, gsize name_len, const LadderColor *color)
{
  static const char hex[] = "0123456789abcdef";
  guint rgb = channel (color->red) << 16 | channel (color->green) << 8 | channel (color->blue);
  char *p = buffer_room (b, name_len + 11);

  *p++ = ' ';
  memcpy (p, name, name_len);
  p += name_len;
  memcpy (p, "=\"#", 3);
  for (int i = 0; i < 6; i++)
    p[3 + i] = hex[rgb >> (20 - 4 * i) & 0xf];
  p[9] = '"';
  b->len += name_len + 11;
  if (color->alpha < 1)
    {
      put_c (b, ' ');
      put_bytes (b, name, name_len);
      put_literal (b, "-opacity=\"");
      put_number (b, CLAMP (color->alpha, 0, 1));
      put_c (b, '"');
    }
}

static void
put_paint (Buffer *out, const LadderPaint *paint, gboolean can_fill)
{
  if (can_fill && paint->fill.alpha > 0)
    put_color (out, "fill", &paint->fill);
  else
    put_literal (out, " fill=\"none\"");
  if (paint->stroke.alpha > 0 && paint->line_width > 0)
    {
      put_color (out, "stroke", &paint->stroke);
      put_attr_number (out, "stroke-width", paint->line_width);
      if (paint->dash > 0)
        put_attr_number (out, "stroke-dasharray", paint->dash);
    }
}

/* Writes the attributes @key of @kind stands for, copied from a memo;
 * FALSE when there is none and they must be written. */
static gboolean
put_memo (LadderDrawSvg *self, const LadderPaint *key, guint kind)
{
  for (guint i = 0; i < N_MEMOS; i++)
    {
      const Memo *memo = &self->memos[i];

      if (memo->kind == kind && memcmp (&memo->paint, key, sizeof *key) == 0)
        {
          put_bytes (&self->buffer, memo->text, memo->len);
          return TRUE;
        }
    }
  return FALSE;
}

/* Remembers what was written since @start for @key. */
static void
keep_memo (LadderDrawSvg *self, const LadderPaint *key, guint kind, gsize start)
{
  Memo *memo = &self->memos[self->next_memo];
  gsize len = self->buffer.len - start;

  if (len > sizeof memo->text)
    return;
  memo->paint = *key;
  memo->kind = kind;
  memo->len = (guint) len;
  memcpy (memo->text, self->buffer.data + start, len);
  self->next_memo = (self->next_memo + 1) % N_MEMOS;
}

static void
put_paint_memo (LadderDrawSvg *self, const LadderPaint *paint, gboolean can_fill)
{
  guint kind = can_fill ? 2 : 1;
  gsize start = self->buffer.len;

  if (!put_memo (self, paint, kind))
    {
      put_paint (&self->buffer, paint, can_fill);
      keep_memo (self, paint, kind, start);
    }
}

static void
svg_box (LadderDraw *draw, double x, double y, double width, double height,
         double radius, LadderCorners corners, const LadderPaint *paint)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  Buffer *out = &self->buffer;

  double inset = ladder_draw_slice_inset (height, radius, corners);

  if (self->failed)
    return;

  if (inset >= 0)
    {
      put_literal (out, "<path d=\"M");
      put_number (out, x + inset);
      put_c (out, ',');
      put_number (out, y + height);
      put_literal (out, "A");
      put_number (out, radius);
      put_c (out, ',');
      put_number (out, radius);
      put_literal (out, " 0 0 1 ");
      put_number (out, x + radius);
      put_c (out, ',');
      put_number (out, y);
      put_literal (out, "H");
      put_number (out, x + width - radius);
      put_literal (out, "A");
      put_number (out, radius);
      put_c (out, ',');
      put_number (out, radius);
      put_literal (out, " 0 0 1 ");
      put_number (out, x + width - inset);
      put_c (out, ',');
      put_number (out, y + height);
      put_literal (out, "Z\"");
    }
  else if (radius <= 0 || corners == 0 || corners == LADDER_CORNER_ALL)
    {
      put_literal (out, "<rect");
      put_attr_number (out, "x", x);
      put_attr_number (out, "y", y);
      put_attr_number (out, "width", width);
      put_attr_number (out, "height", height);
      if (radius > 0 && corners != 0)
        put_attr_number (out, "rx", radius);
    }
  else
    {
      /* Some corners only: a path, clockwise from the top-left. */
      double r[4];

      for (int i = 0; i < 4; i++)
        r[i] = corners & (1 << i) ? radius : 0;
      put_literal (out, "<path d=\"M");
      put_number (out, x + r[0]);
      put_c (out, ',');
      put_number (out, y);
      put_literal (out, "H");
      put_number (out, x + width - r[1]);
      if (r[1] > 0)
        {
          put_literal (out, "a");
          put_number (out, r[1]);
          put_c (out, ',');
          put_number (out, r[1]);
          put_literal (out, " 0 0 1 ");
          put_number (out, r[1]);
          put_c (out, ',');
          put_number (out, r[1]);
        }
      put_literal (out, "V");
      put_number (out, y + height - r[2]);
      if (r[2] > 0)
        {
          put_literal (out, "a");
          put_number (out, r[2]);
          put_c (out, ',');
          put_number (out, r[2]);
          put_literal (out, " 0 0 1 ");
          put_number (out, -r[2]);
          put_c (out, ',');
          put_number (out, r[2]);
        }
      put_literal (out, "H");
      put_number (out, x + r[3]);
      if (r[3] > 0)
        {
          put_literal (out, "a");
          put_number (out, r[3]);
          put_c (out, ',');
          put_number (out, r[3]);
          put_literal (out, " 0 0 1 ");
          put_number (out, -r[3]);
          put_c (out, ',');
          put_number (out, -r[3]);
        }
      put_literal (out, "V");
      put_number (out, y + r[0]);
      if (r[0] > 0)
        {
          put_literal (out, "a");
          put_number (out, r[0]);
          put_c (out, ',');
          put_number (out, r[0]);
          put_literal (out, " 0 0 1 ");
          put_number (out, r[0]);
          put_c (out, ',');
          put_number (out, -r[0]);
        }
      put_literal (out, "Z\"");
    }
  put_paint_memo (self, paint, TRUE);
  put_literal (out, "/>\n");
  maybe_flush (self);
}

static void
svg_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  Buffer *out = &self->buffer;

  if (self->failed)
    return;

  put_literal (out, "<polyline points=\"");
  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        put_c (out, ' ');
      put_number (out, xy[2 * i]);
      put_c (out, ',');
      put_number (out, xy[2 * i + 1]);
    }
  put_c (out, '"');
  put_paint_memo (self, paint, FALSE);
  put_literal (out, "/>\n");
  maybe_flush (self);
}

static void
svg_text (LadderDraw *draw, double x, double y, double width,
          const char *text, const LadderFont *font)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  Buffer *out = &self->buffer;
  g_autofree char *fitted = NULL;
  double ascent, anchor_x = x;
  const char *anchor = NULL;
  LadderPaint key = { { 0 } };
  gsize start;

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

  put_literal (out, "<text");
  put_attr_number (out, "x", anchor_x);
  put_attr_number (out, "y", y + ascent);
  /* The font's attributes, keyed as a paint (padding-free, unlike a
   * LadderFont): size, bold, italic, anchor and colour. */
  key.fill = font->color;
  key.stroke.red = font->size;
  key.stroke.green = font->bold ? 1 : 0;
  key.stroke.blue = font->italic ? 1 : 0;
  key.stroke.alpha = anchor == NULL ? 0 : anchor[0];
  start = out->len;
  if (!put_memo (self, &key, 3))
    {
      put_attr_number (out, "font-size", font->size);
      if (font->bold)
        put_literal (out, " font-weight=\"bold\"");
      if (font->italic)
        put_literal (out, " font-style=\"italic\"");
      if (anchor)
        {
          put_literal (out, " text-anchor=\"");
          put_str (out, anchor);
          put_c (out, '"');
        }
      put_color (out, "fill", &font->color);
      keep_memo (self, &key, 3, start);
    }
  put_c (out, '>');
  put_escaped (out, fitted);
  put_literal (out, "</text>\n");
  maybe_flush (self);
}

static void
svg_begin_group (LadderDraw *draw, const char *id)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  Buffer *out = &self->buffer;

  if (self->failed)
    return;
  put_literal (out, "<g");
  if (id != NULL)
    {
      put_literal (out, " id=\"");
      put_escaped (out, id);
      put_c (out, '"');
    }
  put_literal (out, ">\n");
}

static void
svg_describe (LadderDraw *draw, const char *text)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;
  Buffer *out = &self->buffer;

  if (self->failed)
    return;
  put_literal (out, "<title>");
  put_escaped (out, text);
  put_literal (out, "</title>\n");
}

static void
svg_end_group (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  if (!self->failed)
    put_literal (&self->buffer, "</g>\n");
}

static void
svg_free (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  g_free (self->buffer.data);
  g_free (self);
}

static const LadderDrawClass svg_class = {
  .box = svg_box,
  .polyline = svg_polyline,
  .text = svg_text,
  .begin_group = svg_begin_group,
  .end_group = svg_end_group,
  .describe = svg_describe,
  .free = svg_free,
};

LadderDraw *
ladder_draw_svg_new (LadderWriteFunc write_func, gpointer closure,
                     double width, double height, const char *title)
{
  LadderDrawSvg *self;
  Buffer *out;

  g_return_val_if_fail (write_func != NULL, NULL);

  self = g_new0 (LadderDrawSvg, 1);
  self->parent.klass = &svg_class;
  self->write_func = write_func;
  self->closure = closure;
  out = &self->buffer;
  out->size = CHUNK + 4096;
  out->data = g_malloc (out->size);

  width = ceil (width);
  height = ceil (height);
  put_literal (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  put_attr_number (out, "width", width);
  put_attr_number (out, "height", height);
  put_literal (out, " viewBox=\"0 0 ");
  put_number (out, width);
  put_c (out, ' ');
  put_number (out, height);
  put_literal (out, "\" font-family=\"");
  ladder_text_lock ();
  put_escaped (out, ladder_text_get_family ());
  ladder_text_unlock ();
  put_literal (out, ", sans-serif\">\n");
  if (title != NULL && *title != '\0')
    {
      put_literal (out, "<title>");
      put_escaped (out, title);
      put_literal (out, "</title>\n");
    }
  return &self->parent;
}

gboolean
ladder_draw_svg_finish (LadderDraw *draw)
{
  LadderDrawSvg *self = (LadderDrawSvg *) draw;

  g_return_val_if_fail (draw != NULL && draw->klass == &svg_class, FALSE);

  put_literal (&self->buffer, "</svg>\n");
  flush (self);
  return !self->failed;
}
