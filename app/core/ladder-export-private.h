/* ladder-export-private.h — shared by ladder-export*.c
 *
 * The data formats (.json, .graphml, .drawio, .dot, .mmd) are written
 * as they are produced, in blocks of TEXT_OUT_BLOCK bytes, through the
 * same write function as the images: no whole file in memory.
 */
#pragma once

#include "ladder-export.h"
#include "ladder-draw.h"
#include "ladder-layout.h"
#include "ladder-progress.h"
#include "ladder-render.h"

G_BEGIN_DECLS

#define TEXT_OUT_BLOCK (64 * 1024)

typedef struct {
  LadderWriteFunc write;
  gpointer        closure;
  GString        *buffer;
  gboolean        failed;
} LadderTextOut;

typedef enum {
  LADDER_ESCAPE_JSON,       /* inside "…", exact (\n, \u0001) */
  LADDER_ESCAPE_XML,        /* element text or attribute value, one line */
  LADDER_ESCAPE_XML_TEXT,   /* element text, line breaks kept */
  LADDER_ESCAPE_DOT,        /* inside "…" of a DOT label, one line */
  LADDER_ESCAPE_MERMAID,    /* inside "…" of a Mermaid label, one line */
} LadderEscape;

void     ladder_text_out_init   (LadderTextOut *out, LadderWriteFunc write, gpointer closure);
void     ladder_text_out_append (LadderTextOut *out, const char *text);
void     ladder_text_out_printf (LadderTextOut *out, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* @text escaped for @escape; "one line" kinds turn every control
 * character (line breaks included) into a space. */
void     ladder_text_out_escape (LadderTextOut *out, const char *text, LadderEscape escape);
/* Writes what is left; FALSE when any write failed. */
gboolean ladder_text_out_finish (LadderTextOut *out);

/* What a card shows: the name (else "Vacant", else the id) and the
 * title (else the role's name, else the role's id). */
void     ladder_export_label    (LadderChart *chart, LadderCatalogue *catalogue, guint person,
                                 const char **name, const char **title);

/* Everyone in chart order, folds ignored; free with g_free. */
guint   *ladder_export_people   (LadderChart *chart, guint *n_people);

/* Calls @line for every reporting line (manager to report) and then the
 * person's dotted lines (person to the other end, @index in its list),
 * in chart order. */
typedef void (*LadderLineFunc) (LadderChart *chart, guint from, guint to, gboolean dotted,
                                guint index, gpointer data);
void     ladder_export_each_line (LadderChart *chart, const guint *people, guint n_people,
                                  LadderLineFunc line, gpointer data);

gboolean ladder_export_write_json    (LadderChart *chart, LadderTextOut *out);
gboolean ladder_export_write_dot     (LadderChart *chart, LadderCatalogue *catalogue,
                                      LadderTextOut *out);
gboolean ladder_export_write_mermaid (LadderChart *chart, LadderCatalogue *catalogue,
                                      LadderTextOut *out);
/* @layout is @chart's, computed with nobody folded. */
gboolean ladder_export_write_graphml (LadderChart *chart, LadderCatalogue *catalogue,
                                      LadderLayout *layout, LadderTextOut *out);
gboolean ladder_export_write_drawio  (LadderChart *chart, LadderCatalogue *catalogue,
                                      LadderLayout *layout, LadderTextOut *out);

/* The part of @chart an export shows (--root, --levels, folds), as a new
 * chart, or NULL when @chart itself is that part.  @picture: deeper
 * levels are folded rather than cut. */
LadderChart *ladder_export_part (LadderChart *chart, const LadderExportOptions *options,
                                 gboolean picture, const char *name, GError **error);

/* An export watched from another thread (ladder-export-watch.c): between
 * begin and end, the calling thread's drawings count their cards into
 * @progress and stop drawing once its cancellable is cancelled. */
void          ladder_export_watch_begin (LadderProgress *progress);
void          ladder_export_watch_end   (void);
/* The cancellable of the calling thread's watched export, or NULL. */
GCancellable *ladder_export_watch_get_cancellable (void);
/* @inner, watched when the calling thread's export is; undo with
 * ladder_export_unwatch() before freeing @inner. */
LadderDraw   *ladder_export_watch       (LadderDraw *inner);
void          ladder_export_unwatch     (LadderDraw *watched, LadderDraw *inner);
/* For tests: @func runs on the exporting thread once a watched export
 * has begun its card number @at (from 1), before it draws it; NULL:
 * never.  The card after it is the first a cancel there stops. */
void          ladder_export_watch_set_hook (guint at, void (*func) (gpointer data),
                                            gpointer data);

G_END_DECLS

G_BEGIN_DECLS

/* Text in an image is at least this large (px in PNG, pt in PDF). */
#define LADDER_EXPORT_MIN_TEXT   6.0
/* The smallest face the renderer draws (the fold marker's count). */
#define LADDER_EXPORT_SMALL_FACE 10.5
#define LADDER_EXPORT_MAX_PAGES  500

/* Writes the PDF: one page when the chart fits PDF's 200-inch limit and
 * no page size was asked for, else tiled over pages. */
gboolean ladder_export_write_pdf (LadderChart *chart, LadderCatalogue *catalogue,
                                  LadderFindings *findings, LadderLayout *layout,
                                  LadderRenderOptions *render, LadderExportOptions *options,
                                  cairo_write_func_t write, gpointer closure,
                                  const char *name, GError **error);

G_END_DECLS
