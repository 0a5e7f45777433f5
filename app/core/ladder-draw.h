/* ladder-draw.h — the small drawing interface the renderer speaks to
 *
 * A LadderDraw is a table of functions with one implementation per
 * output: cairo (screen, PNG, PDF; text with pangocairo) and SVG (real
 * <text> elements).  Coordinates are drawing units (pixels at 100%).
 *
 * Text is measured by one shared engine (pango, with the font metrics
 * and the layouts cached), so that every backend ellipsizes alike.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct _LadderDraw      LadderDraw;
typedef struct _LadderDrawClass LadderDrawClass;

typedef struct {
  double red, green, blue, alpha;
} LadderColor;

/* A colour from 0xRRGGBB. */
#define LADDER_RGB(hex) ((LadderColor) { ((hex) >> 16 & 0xff) / 255.0, \
                                         ((hex) >> 8 & 0xff) / 255.0,  \
                                         ((hex) & 0xff) / 255.0, 1.0 })

typedef enum {
  LADDER_CORNER_TOP_LEFT     = 1 << 0,
  LADDER_CORNER_TOP_RIGHT    = 1 << 1,
  LADDER_CORNER_BOTTOM_RIGHT = 1 << 2,
  LADDER_CORNER_BOTTOM_LEFT  = 1 << 3,
  LADDER_CORNER_ALL          = 0xf,
} LadderCorners;

typedef struct {
  LadderColor fill;          /* alpha 0: not filled */
  LadderColor stroke;        /* alpha 0: not stroked */
  double      line_width;
  double      dash;          /* dash length; 0: solid */
} LadderPaint;

typedef enum {
  LADDER_ALIGN_START,
  LADDER_ALIGN_CENTER,
  LADDER_ALIGN_END,
} LadderAlign;

typedef struct {
  double      size;          /* pixels */
  gboolean    bold;
  gboolean    italic;
  LadderColor color;
  LadderAlign align;
} LadderFont;

struct _LadderDrawClass {
  void (*box)         (LadderDraw *draw, double x, double y, double width, double height,
                       double radius, LadderCorners corners, const LadderPaint *paint);
  void (*polyline)    (LadderDraw *draw, const double *xy, guint n_points,
                       const LadderPaint *paint);
  /* As ladder_draw_text(): the backend ellipsizes. */
  void (*text)        (LadderDraw *draw, double x, double y, double width,
                       const char *text, const LadderFont *font);
  /* Optional: group what follows (an SVG <g>), e.g. one person's card. */
  void (*begin_group) (LadderDraw *draw, const char *id);
  void (*end_group)   (LadderDraw *draw);
  /* Optional: a description of the current group (an SVG <title>). */
  void (*describe)    (LadderDraw *draw, const char *text);
  void (*free)        (LadderDraw *draw);
};

struct _LadderDraw {
  const LadderDrawClass *klass;
};

/* ---- drawing ---- */
/* A rectangle with the given corners rounded.  One special case: with
 * only the two top corners rounded and @radius above @height, the shape
 * is the top @height of a box rounded with @radius (a card's top band). */
void   ladder_draw_box         (LadderDraw *draw, double x, double y, double width,
                                double height, double radius, LadderCorners corners,
                                const LadderPaint *paint);
/* @xy holds @n_points (x, y) pairs. */
void   ladder_draw_polyline    (LadderDraw *draw, const double *xy, guint n_points,
                                const LadderPaint *paint);
void   ladder_draw_line        (LadderDraw *draw, double x0, double y0, double x1, double y1,
                                const LadderPaint *paint);
/* One line of text whose box has its top-left corner at (x, y) and is
 * @width wide; it is aligned in that box and ellipsized at the end when
 * it is wider.  A @width of 0 or less: no limit, and the text starts at x
 * whatever the alignment. */
void   ladder_draw_text        (LadderDraw *draw, double x, double y, double width,
                                const char *text, const LadderFont *font);
void   ladder_draw_begin_group (LadderDraw *draw, const char *id);
void   ladder_draw_end_group   (LadderDraw *draw);
/* The whole text of what the current group shows, for a tooltip and for
 * search (an SVG <title>); backends without one ignore it. */
void   ladder_draw_describe    (LadderDraw *draw, const char *text);
void   ladder_draw_free        (LadderDraw *draw);

/* ---- measuring (no backend needed) ---- */
/* Width of @text in @font, in drawing units. */
double ladder_draw_measure_text (const char *text, const LadderFont *font);
/* Ascent (top to baseline) and height of a line of @font. */
void   ladder_draw_font_metrics (const LadderFont *font, double *ascent, double *height);
/* Where @text breaks into two lines for @width: the length in bytes of
 * the first line (its trailing spaces included), at the last space
 * where it fits, else at the last character that fits (one at least);
 * strlen(@text) when all of it fits. */
gsize  ladder_draw_wrap        (const char *text, const LadderFont *font, double width);
/* @text shortened with "…" so that it fits @width; a copy in any case. */
char  *ladder_draw_ellipsize    (const char *text, const LadderFont *font, double width);

/* ---- backends ---- */
/* Draws on @cr (referenced).  Cheap enough to make per frame. */
LadderDraw *ladder_draw_cairo_new (cairo_t *cr);

/* Streams an SVG document of @width × @height to @write_func, which
 * returns FALSE on failure (the first failure is remembered and the rest
 * of the output skipped).  ladder_draw_svg_finish() writes the end. */
typedef gboolean (*LadderWriteFunc) (gpointer closure, const char *data, gsize length);
LadderDraw *ladder_draw_svg_new    (LadderWriteFunc write_func, gpointer closure,
                                    double width, double height, const char *title);
/* Ends the document and flushes; FALSE when any write failed. */
gboolean    ladder_draw_svg_finish (LadderDraw *draw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderDraw, ladder_draw_free)

G_END_DECLS
