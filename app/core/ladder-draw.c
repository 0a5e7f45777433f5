/* ladder-draw.c — the drawing interface and the shared text engine
 *
 * Measuring text with pango costs tens of microseconds per string, too
 * much for exporting thousands of cards or redrawing a screenful each
 * frame.  So the engine keeps, per font, the advance of every character
 * it has met (most strings are then known to fit, or not, without
 * shaping them), the widths of the strings it did shape, and a cache of
 * ready layouts for the screen.  Kerning makes the sum of advances a
 * little off; only strings near the limit are shaped.
 */
#include "config.h"

#include "ladder-draw-private.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#define LAYOUT_CACHE_MAX 8192
#define ELLIPSIS "\xe2\x80\xa6"
#define SURELY_FITS 0.97
#define SURELY_OVER 1.03   /* kerning never makes up this much */

typedef struct {
  guint                 key;
  PangoFontDescription *desc;
  PangoLayout          *scratch;
  double                ascent, height;
  double                ascii[128];   /* advances; < 0: not measured yet */
  GHashTable           *advances;     /* other characters: gunichar → double* */
  GHashTable           *widths;       /* shaped strings: char* → double* */
} FontEntry;

typedef struct {
  const FontEntry *font;
  int              width;   /* 1/64 px; -1: no limit */
  LadderAlign      align;
  const char      *text;
  guint            hash;
} LayoutKey;

static GMutex text_mutex;
static gint text_waiting;          /* threads blocked in ladder_text_lock() */
static PangoFontMap *font_map;
static PangoContext *context;
static GHashTable *fonts;          /* key → FontEntry */
static GHashTable *layouts;        /* LayoutKey → PangoLayout */
static char *family;

void
ladder_text_lock (void)
{
  if (g_mutex_trylock (&text_mutex))
    return;
  g_atomic_int_inc (&text_waiting);
  g_mutex_lock (&text_mutex);
  g_atomic_int_add (&text_waiting, -1);
}

void
ladder_text_give_way (void)
{
  while (g_atomic_int_get (&text_waiting) > 0)
    g_thread_yield ();
}

void
ladder_text_unlock (void)
{
  g_mutex_unlock (&text_mutex);
}

static guint
layout_key_hash (gconstpointer data)
{
  return ((const LayoutKey *) data)->hash;
}

static gboolean
layout_key_equal (gconstpointer a, gconstpointer b)
{
  const LayoutKey *ka = a, *kb = b;

  return ka->hash == kb->hash && ka->font == kb->font && ka->width == kb->width
         && ka->align == kb->align && strcmp (ka->text, kb->text) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free ((char *) key->text);
  g_free (key);
}

static void
font_entry_free (gpointer data)
{
  FontEntry *font = data;

  pango_font_description_free (font->desc);
  g_object_unref (font->scratch);
  g_hash_table_unref (font->advances);
  g_hash_table_unref (font->widths);
  g_free (font);
}

static void
ensure_engine (void)
{
  cairo_font_options_t *options;

  if (context != NULL)
    return;

  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  /* Unhinted metrics: a card's text measures the same at every zoom,
   * in every backend. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  fonts = g_hash_table_new_full (NULL, NULL, NULL, font_entry_free);
  layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal,
                                   layout_key_free, g_object_unref);
}

static FontEntry *
get_font (const LadderFont *font)
{
  static FontEntry *last;   /* cards alternate between two or three fonts */
  guint size = (guint) CLAMP (font->size * 16, 1, 1 << 20);
  guint key = size << 2 | (font->bold ? 1 : 0) << 1 | (font->italic ? 1 : 0);
  FontEntry *entry;
  PangoFontMetrics *metrics;

  if (last != NULL && last->key == key)
    return last;
  ensure_engine ();
  entry = g_hash_table_lookup (fonts, GUINT_TO_POINTER (key));
  if (entry != NULL)
    return last = entry;

  entry = g_new0 (FontEntry, 1);
  entry->key = key;
  entry->desc = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (entry->desc, size / 16.0 * PANGO_SCALE);
  pango_font_description_set_weight (entry->desc, font->bold ? PANGO_WEIGHT_BOLD
                                                             : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (entry->desc, font->italic ? PANGO_STYLE_ITALIC
                                                              : PANGO_STYLE_NORMAL);
  entry->scratch = pango_layout_new (context);
  pango_layout_set_font_description (entry->scratch, entry->desc);
  pango_layout_set_single_paragraph_mode (entry->scratch, TRUE);
  pango_layout_set_text (entry->scratch, "Hg", -1);
  entry->ascent = pango_layout_get_baseline (entry->scratch) / (double) PANGO_SCALE;
  metrics = pango_context_get_metrics (context, entry->desc, NULL);
  entry->height = pango_font_metrics_get_height (metrics) / (double) PANGO_SCALE;
  if (entry->height <= 0)
    {
      int h;
      pango_layout_get_size (entry->scratch, NULL, &h);
      entry->height = h / (double) PANGO_SCALE;
    }
  pango_font_metrics_unref (metrics);
  for (guint c = 0; c < 128; c++)
    entry->ascii[c] = -1;
  entry->advances = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  entry->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (fonts, GUINT_TO_POINTER (key), entry);
  return last = entry;
}

static double
shaped_width (FontEntry *font, const char *text, int length)
{
  int width;

  pango_layout_set_text (font->scratch, text, length);
  pango_layout_get_size (font->scratch, &width, NULL);
  return width / (double) PANGO_SCALE;
}

static G_NO_INLINE double
measure_advance (FontEntry *font, gunichar c)
{
  char utf8[8];
  int n;
  double *cached;

  if (c >= 128 && (cached = g_hash_table_lookup (font->advances, GUINT_TO_POINTER (c))))
    return *cached;

  n = g_unichar_to_utf8 (c, utf8);
  if (c < 128)
    return font->ascii[c] = shaped_width (font, utf8, n);
  cached = g_new (double, 1);
  *cached = shaped_width (font, utf8, n);
  g_hash_table_insert (font->advances, GUINT_TO_POINTER (c), cached);
  return *cached;
}

static inline double
advance_of (FontEntry *font, gunichar c)
{
  if (c < 128 && font->ascii[c] >= 0)
    return font->ascii[c];
  return measure_advance (font, c);
}

PangoLayout *
ladder_text_get_layout (const char *text, const LadderFont *font, double width)
{
  FontEntry *entry = get_font (font);
  LayoutKey key = { entry, width > 0 ? (int) (width * 64) : -1, font->align, text, 0 };
  PangoLayout *layout;
  LayoutKey *stored;

  key.hash = g_str_hash (text) * 31 + entry->key * 17 + (guint) key.width * 7 + key.align;
  layout = g_hash_table_lookup (layouts, &key);
  if (layout != NULL)
    return layout;

  /* Dropping everything now and then is simpler than an LRU, and rare:
   * a screen shows far fewer strings than this. */
  if (g_hash_table_size (layouts) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (layouts);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, entry->desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, font->align == LADDER_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                          : font->align == LADDER_ALIGN_END ? PANGO_ALIGN_RIGHT
                                          : PANGO_ALIGN_LEFT);
    }

  stored = g_memdup2 (&key, sizeof key);
  stored->text = g_strdup (text);
  g_hash_table_insert (layouts, stored, layout);
  return layout;
}

const char *
ladder_text_get_family (void)
{
  if (family == NULL)
    {
      /* Only the font's name is wanted: no need for its metrics, which
       * would cost as much again. */
      PangoFontDescription *wanted = pango_font_description_from_string ("Sans");
      PangoFont *loaded;
      PangoFontDescription *desc;

      ensure_engine ();
      pango_font_description_set_absolute_size (wanted, 12 * PANGO_SCALE);
      pango_font_description_set_weight (wanted, PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (wanted, PANGO_STYLE_NORMAL);
      loaded = pango_font_map_load_font (font_map, context, wanted);
      desc = loaded ? pango_font_describe (loaded) : NULL;
      family = g_strdup (desc && pango_font_description_get_family (desc)
                         ? pango_font_description_get_family (desc) : "sans-serif");
      g_clear_pointer (&desc, pango_font_description_free);
      g_clear_object (&loaded);
      pango_font_description_free (wanted);
    }
  return family;
}

#define WIDTH_CACHE_MAX 4096

/* shaped_width() of a whole string, remembered: the texts near a card's
 * width repeat (a title shared by dozens of people and the places where
 * it may be cut), and shaping one costs tens of microseconds. */
static double
text_width (FontEntry *font, const char *text)
{
  double *cached = g_hash_table_lookup (font->widths, text);

  if (cached != NULL)
    return *cached;
  if (g_hash_table_size (font->widths) >= WIDTH_CACHE_MAX)
    g_hash_table_remove_all (font->widths);
  cached = g_new (double, 1);
  *cached = shaped_width (font, text, -1);
  g_hash_table_insert (font->widths, g_strdup (text), cached);
  return *cached;
}

double
ladder_draw_measure_text (const char *text, const LadderFont *font)
{
  double width;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (font != NULL, 0);

  ladder_text_lock ();
  width = text_width (get_font (font), text);
  ladder_text_unlock ();
  return width;
}

void
ladder_draw_font_metrics (const LadderFont *font, double *ascent, double *height)
{
  FontEntry *entry;

  g_return_if_fail (font != NULL);

  ladder_text_lock ();
  entry = get_font (font);
  if (ascent)
    *ascent = entry->ascent;
  if (height)
    *height = entry->height;
  ladder_text_unlock ();
}

/* Width of the first @length bytes of @text followed by an ellipsis. */
static double
cut_width (FontEntry *font, const char *text, gsize length)
{
  char stack[256];
  g_autofree char *heap = NULL;
  char *cut = length + sizeof ELLIPSIS <= sizeof stack ? stack
              : (heap = g_malloc (length + sizeof ELLIPSIS));

  memcpy (cut, text, length);
  memcpy (cut + length, ELLIPSIS, sizeof ELLIPSIS);
  return text_width (font, cut);
}

char *
ladder_draw_ellipsize (const char *text, const LadderFont *font, double width)
{
  FontEntry *entry;
  g_autofree const char **stops = NULL;
  g_autofree double *before = NULL;
  guint n_stops = 0, lo;
  gsize length;
  double total = 0, ellipsis;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (font != NULL, NULL);

  if (width <= 0 || *text == '\0')
    return g_strdup (text);

  ladder_text_lock ();
  entry = get_font (font);

  /* Most strings fit at a glance: add the advances up first, without
   * noting where the text could be cut (the same sum as below). */
  for (const char *p = text; *p; )
    {
      gunichar c = (guchar) *p;

      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      total += advance_of (entry, c);
    }
  if (total <= width * SURELY_FITS)
    {
      ladder_text_unlock ();
      return g_strdup (text);
    }
  total = 0;

  /* Where the text may be cut (between characters, never before a
   * combining mark), and the sum of advances up to there. */
  length = strlen (text);
  stops = g_new (const char *, length + 1);
  before = g_new (double, length + 1);
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (p == text || *p == '\0' || !g_unichar_ismark (c))
        {
          stops[n_stops] = p;
          before[n_stops++] = total;
        }
      if (*p == '\0')
        break;
      total += advance_of (entry, c);
    }

  if (total <= width * SURELY_FITS
      || (total < width * SURELY_OVER && text_width (entry, text) <= width))
    {
      ladder_text_unlock ();
      return g_strdup (text);
    }

  /* Guess the cut from the advances, then settle it by shaping: the
   * longest start that fits with the ellipsis (the bare ellipsis is
   * allowed, the whole text is known not to fit). */
  ellipsis = advance_of (entry, 0x2026);
  lo = 0;
  while (lo + 2 < n_stops && before[lo + 1] + ellipsis <= width)
    lo++;
  while (lo > 0 && before[lo] + ellipsis > width * SURELY_FITS
         && cut_width (entry, text, stops[lo] - text) > width)
    lo--;
  while (lo + 2 < n_stops && before[lo + 1] + ellipsis < width * SURELY_OVER
         && cut_width (entry, text, stops[lo + 1] - text) <= width)
    lo++;
  ladder_text_unlock ();

  /* No dangling space before the ellipsis. */
  length = stops[lo] - text;
  while (length > 0 && text[length - 1] == ' ')
    length--;
  return g_strdup_printf ("%.*s" ELLIPSIS, (int) length, text);
}

/* Width of the first @length bytes of @text, trailing spaces left out. */
static double
prefix_width (FontEntry *font, const char *text, gsize length)
{
  g_autofree char *prefix = NULL;

  while (length > 0 && text[length - 1] == ' ')
    length--;
  prefix = g_strndup (text, length);
  return text_width (font, prefix);
}

gsize
ladder_draw_wrap (const char *text, const LadderFont *font, double width)
{
  FontEntry *entry;
  gsize length, best = 0, lo, hi;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (font != NULL, 0);

  length = strlen (text);
  if (width <= 0 || length == 0)
    return length;
  ladder_text_lock ();
  entry = get_font (font);
  if (text_width (entry, text) <= width)
    {
      ladder_text_unlock ();
      return length;
    }
  /* The last space after which the words before it fit. */
  for (const char *space = strchr (text, ' '); space != NULL; space = strchr (space + 1, ' '))
    {
      gsize end = space - text;

      if (end > 0 && prefix_width (entry, text, end) > width)
        break;
      if (end > 0)
        best = end + 1;
    }
  if (best == 0)
    {
      /* One word wider than the line: cut between characters, the
       * longest start that fits (the first character at least). */
      g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));

      for (const char *p = g_utf8_next_char (text); *p != '\0'; p = g_utf8_next_char (p))
        {
          gsize end = p - text;

          g_array_append_val (ends, end);
        }
      best = g_utf8_next_char (text) - text;
      lo = 0;
      hi = ends->len;
      while (lo < hi)
        {
          gsize mid = (lo + hi) / 2;

          if (prefix_width (entry, text, g_array_index (ends, gsize, mid)) <= width)
            {
              best = g_array_index (ends, gsize, mid);
              lo = mid + 1;
            }
          else
            hi = mid;
        }
    }
  ladder_text_unlock ();
  return best;
}

/* ---- the interface ---- */

void
ladder_draw_box (LadderDraw *draw, double x, double y, double width, double height,
                 double radius, LadderCorners corners, const LadderPaint *paint)
{
  g_return_if_fail (draw != NULL);
  g_return_if_fail (paint != NULL);

  if (width <= 0 || height <= 0)
    return;
  if (corners == (LADDER_CORNER_TOP_LEFT | LADDER_CORNER_TOP_RIGHT) && radius > height)
    radius = MIN (radius, width / 2);   /* a slice: see ladder-draw.h */
  else
    radius = CLAMP (radius, 0, MIN (width, height) / 2);
  draw->klass->box (draw, x, y, width, height, radius, corners, paint);
}

void
ladder_draw_polyline (LadderDraw *draw, const double *xy, guint n_points,
                      const LadderPaint *paint)
{
  g_return_if_fail (draw != NULL);
  g_return_if_fail (paint != NULL);

  if (n_points < 2)
    return;
  draw->klass->polyline (draw, xy, n_points, paint);
}

void
ladder_draw_line (LadderDraw *draw, double x0, double y0, double x1, double y1,
                  const LadderPaint *paint)
{
  double xy[4] = { x0, y0, x1, y1 };

  ladder_draw_polyline (draw, xy, 2, paint);
}

void
ladder_draw_text (LadderDraw *draw, double x, double y, double width,
                  const char *text, const LadderFont *font)
{
  g_return_if_fail (draw != NULL);
  g_return_if_fail (font != NULL);

  if (text == NULL || *text == '\0')
    return;
  draw->klass->text (draw, x, y, width, text, font);
}

void
ladder_draw_begin_group (LadderDraw *draw, const char *id)
{
  g_return_if_fail (draw != NULL);

  if (draw->klass->begin_group)
    draw->klass->begin_group (draw, id);
}

void
ladder_draw_describe (LadderDraw *draw, const char *text)
{
  g_return_if_fail (draw != NULL);

  if (draw->klass->describe && text != NULL)
    draw->klass->describe (draw, text);
}

void
ladder_draw_end_group (LadderDraw *draw)
{
  g_return_if_fail (draw != NULL);

  if (draw->klass->end_group)
    draw->klass->end_group (draw);
}

void
ladder_draw_free (LadderDraw *draw)
{
  if (draw != NULL)
    draw->klass->free (draw);
}
