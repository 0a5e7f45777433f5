/* ladder-export.c — writing a chart in every format Ladder exports
 *
 * Images are drawn by the one renderer: PNG and PDF through cairo (PDF
 * in ladder-export-pdf.c), SVG through the streaming SVG backend; the
 * other tools' formats are in ladder-export-text.c and -graph.c, and the
 * part of the chart that is shown comes from ladder-export-part.c.
 * Output streams into the atomic writer of ladder-io.c, which replaces
 * OUT only when everything was written.
 */
#include "config.h"

#include "ladder-export.h"
#include "ladder-export-private.h"
#include "ladder-draw.h"
#include "ladder-draw-private.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-render.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PNG_MAX_SIDE      32767.0              /* cairo's limit */
#define PNG_MAX_PIXELS    (64.0 * 1024 * 1024) /* 256 MB of image in memory */
#define PNG_SHARP_PIXELS  (16.0 * 1024 * 1024) /* up to here, double resolution */

typedef enum {
  FORMAT_UNKNOWN,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
  FORMAT_JSON,
  FORMAT_GRAPHML,
  FORMAT_DRAWIO,
  FORMAT_DOT,
  FORMAT_MERMAID,
  FORMAT_CHART,     /* .ladder, .xml, .csv: ladder_save_file */
} Format;

static const struct {
  const char *extension;
  Format      format;
} extensions[] = {
  { "png", FORMAT_PNG }, { "svg", FORMAT_SVG }, { "pdf", FORMAT_PDF },
  { "json", FORMAT_JSON }, { "graphml", FORMAT_GRAPHML }, { "drawio", FORMAT_DRAWIO },
  { "dot", FORMAT_DOT }, { "gv", FORMAT_DOT }, { "mmd", FORMAT_MERMAID },
  { "ladder", FORMAT_CHART }, { "xml", FORMAT_CHART }, { "csv", FORMAT_CHART },
};

typedef struct {
  LadderAtomicFile *file;   /* or NULL: into bytes */
  GByteArray       *bytes;
  GCancellable     *cancellable;  /* a watched export's: stop writing */
  gboolean          failed;  /* a write failed: commit says why */
} Sink;

static gboolean
sink_write (gpointer closure, const char *data, gsize length)
{
  Sink *sink = closure;

  if (sink->bytes != NULL)
    {
      g_byte_array_append (sink->bytes, (const guint8 *) data, length);
      return TRUE;
    }
  if (g_cancellable_is_cancelled (sink->cancellable))
    sink->failed = TRUE;
  else if (!ladder_atomic_file_write (sink->file, data, length))
    sink->failed = TRUE;
  return !sink->failed;
}

static cairo_status_t
sink_write_cairo (void *closure, const unsigned char *data, unsigned int length)
{
  return sink_write (closure, (const char *) data, length) ? CAIRO_STATUS_SUCCESS
                                                          : CAIRO_STATUS_WRITE_ERROR;
}

static Format
format_of (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FORMAT_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i].extension) == 0)
      return extensions[i].format;
  return FORMAT_UNKNOWN;
}

gboolean
ladder_export_knows_format (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return format_of (path) != FORMAT_UNKNOWN;
}

static gboolean
is_picture (Format format)
{
  return format == FORMAT_PNG || format == FORMAT_SVG || format == FORMAT_PDF;
}

/* The largest scale not above @wanted that keeps the image within
 * cairo's side limit and our memory budget. */
static double
fit_png_scale (double width, double height, double wanted, double max_pixels)
{
  double scale = wanted;

  scale = MIN (scale, PNG_MAX_SIDE / width);
  scale = MIN (scale, PNG_MAX_SIDE / height);
  scale = MIN (scale, sqrt (max_pixels / (width * height)));
  return scale;
}

static gboolean
write_png (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
           LadderLayout *layout, LadderRenderOptions *render, double width, double height,
           LadderExportOptions *options, Sink *sink, const char *name, GError **error)
{
  double wanted = options->scale > 0 ? options->scale : 2.0;
  double scale;
  int pw, ph;
  cairo_surface_t *surface;
  cairo_t *cr;
  LadderDraw *draw, *watched;
  cairo_status_t status;

  if (options->scale > 0)
    scale = fit_png_scale (width, height, wanted, PNG_MAX_PIXELS);
  else
    {
      /* Sharp when it is cheap, 1:1 when that fits, else as large as fits. */
      scale = fit_png_scale (width, height, 2.0, PNG_SHARP_PIXELS);
      if (scale < 1.0)
        scale = fit_png_scale (width, height, 1.0, PNG_MAX_PIXELS);
      wanted = MIN (1.0, wanted);
    }
  /* Readable or refused: an image whose names cannot be read is no
   * picture of the chart, whatever its size. */
  if (scale * LADDER_EXPORT_SMALL_FACE < LADDER_EXPORT_MIN_TEXT)
    {
      if (scale < wanted && options->scale <= 0)
        g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                     _("%s: error: the chart is %.0f × %.0f px, too large for a readable PNG "
                       "(its text would be %.1f px high); export part of it with --levels=N "
                       "or --root=ID, or export SVG or PDF"),
                     name, width, height, scale * LADDER_EXPORT_SMALL_FACE);
      else
        g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                     _("%s: error: at this scale the text would be %.1f px high, too small to "
                       "read (at least %.0f px); use a larger --scale, export part of the chart "
                       "with --levels=N or --root=ID, or export SVG or PDF"),
                     name, scale * LADDER_EXPORT_SMALL_FACE, LADDER_EXPORT_MIN_TEXT);
      return FALSE;
    }
  if (scale < wanted)
    {
      g_free (options->notice);
      options->notice = g_strdup_printf (_("chart is %.0f × %.0f px; scaled to %.3g to fit PNG limits"),
                                         width, height, scale);
    }

  pw = MAX (1, (int) ceil (width * scale - 0.01));
  ph = MAX (1, (int) ceil (height * scale - 0.01));
  surface = cairo_image_surface_create (options->transparent ? CAIRO_FORMAT_ARGB32
                                                             : CAIRO_FORMAT_RGB24, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: cannot make a %d × %d image: %s"), name, pw, ph,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  render->zoom = scale;
  draw = ladder_draw_cairo_new (cr);
  watched = ladder_export_watch (draw);
  ladder_render_chart (watched, chart, catalogue, layout, findings, render);
  ladder_export_unwatch (watched, draw);
  ladder_draw_free (draw);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  status = cairo_surface_write_to_png_stream (surface, sink_write_cairo, sink);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && !sink->failed)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: cannot write the image: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The first text measured in a process waits for fontconfig to read its
 * configuration and for the first font to load: about 10 ms, more than
 * the layout of thousands of people.  So that happens beside it. */
static gpointer
load_first_font (gpointer data)
{
  LadderFont font = { 13.5, TRUE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER };

  ladder_draw_font_metrics (&font, NULL, NULL);
  return NULL;
}

/* Started by ladder_export_prepare(), joined by the next image export. */
static GThread *prepared_fonts;

/* The drawing may start before the last face is loaded: each face is
 * loaded under the text lock, and a drawing that waits for the lock has
 * it first. */
static gpointer
load_fonts (gpointer data)
{
  guint n_faces;
  const LadderFont *faces = ladder_render_get_faces (&n_faces);

  ladder_text_lock ();
  ladder_text_get_family ();
  ladder_text_unlock ();
  for (guint i = 0; i < n_faces; i++)
    {
      ladder_text_give_way ();
      ladder_draw_font_metrics (&faces[i], NULL, NULL);
    }
  return NULL;
}

void
ladder_export_prepare (void)
{
  if (prepared_fonts == NULL)
    prepared_fonts = g_thread_try_new ("ladder-fonts", load_fonts, NULL, NULL);
}

static gboolean
write_image (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
             Format format, LadderExportOptions *options, Sink *sink, const char *name,
             GError **error)
{
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderRenderOptions render;
  double width, height;
  LadderDraw *draw, *watched;
  GThread *fonts;
  gboolean ok;

  fonts = g_steal_pointer (&prepared_fonts);
  if (fonts == NULL)
    {
      fonts = g_thread_try_new ("ladder-fonts", load_first_font, NULL, NULL);
      ladder_layout_compute (layout, chart);
      if (fonts != NULL)
        g_clear_pointer (&fonts, g_thread_join);
    }
  else
    {
      /* The prepared thread loads the faces in the order the drawing
       * first needs them (see load_fonts), so the drawing need not wait
       * for all of them: it takes each face as it comes, and draws the
       * lines while the cards' faces are still loading. */
      ladder_layout_compute (layout, chart);
    }
  ladder_render_options_init (&render);
  render.background = !options->transparent;
  ladder_render_get_size (layout, chart, &render, &width, &height);

  switch (format)
    {
    case FORMAT_PNG:
      ok = write_png (chart, catalogue, findings, layout, &render, width, height,
                      options, sink, name, error);
      break;
    case FORMAT_PDF:
      ok = ladder_export_write_pdf (chart, catalogue, findings, layout, &render, options,
                                    sink_write_cairo, sink, name, error);
      break;
    case FORMAT_SVG:
      draw = ladder_draw_svg_new (sink_write, sink, width, height,
                                  ladder_chart_get_title (chart));
      watched = ladder_export_watch (draw);
      ladder_render_chart (watched, chart, catalogue, layout, findings, &render);
      ladder_export_unwatch (watched, draw);
      ok = ladder_draw_svg_finish (draw) || sink->failed;
      ladder_draw_free (draw);
      break;
    default:
      g_assert_not_reached ();
    }
  if (fonts != NULL)
    g_thread_join (fonts);
  return ok;
}

/* Never fails by itself: a failed write shows in @sink's error. */
static gboolean
write_data (LadderChart *chart, LadderCatalogue *catalogue, Format format, Sink *sink)
{
  g_autoptr(LadderLayout) layout = NULL;
  LadderTextOut out;

  ladder_text_out_init (&out, sink_write, sink);
  if (format == FORMAT_GRAPHML || format == FORMAT_DRAWIO)
    {
      layout = ladder_layout_new ();
      ladder_layout_compute (layout, chart);
    }
  switch (format)
    {
    case FORMAT_JSON:
      ladder_export_write_json (chart, &out);
      break;
    case FORMAT_DOT:
      ladder_export_write_dot (chart, catalogue, &out);
      break;
    case FORMAT_MERMAID:
      ladder_export_write_mermaid (chart, catalogue, &out);
      break;
    case FORMAT_GRAPHML:
      ladder_export_write_graphml (chart, catalogue, layout, &out);
      break;
    case FORMAT_DRAWIO:
      ladder_export_write_drawio (chart, catalogue, layout, &out);
      break;
    default:
      g_assert_not_reached ();
    }
  ladder_text_out_finish (&out);
  return TRUE;
}

/* The part of @chart that the options ask for, in @format. */
static gboolean
write_export (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
              Format format, LadderExportOptions *options, Sink *sink, const char *name,
              GError **error)
{
  g_autoptr(LadderChart) part = NULL;
  g_autoptr(LadderFindings) part_findings = NULL;
  GError *local = NULL;

  part = ladder_export_part (chart, options, is_picture (format), name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!is_picture (format))
    return write_data (part ? part : chart, catalogue, format, sink);

  /* Pictures are clean unless asked: they go on slides.  A part shows
   * the whole chart's findings (its root's manager is not missing). */
  if (!options->findings)
    findings = NULL;
  else if (part != NULL && findings != NULL)
    findings = part_findings = ladder_findings_for_part (findings, chart, part);
  return write_image (part ? part : chart, catalogue, findings, format, options, sink, name,
                      error);
}

/* What every export checks before it writes anything. */
static gboolean
check_options (const LadderExportOptions *options, const char *name, GError **error)
{
  if (options->page != NULL && !ladder_export_parse_page (options->page, NULL, NULL))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   _("%s: error: unknown page size “%s” (use a4, a3, letter or legal, "
                     "optionally with -landscape)"), name, options->page);
      return FALSE;
    }
  return TRUE;
}

/* .ladder, .xml and .csv keep the folds: they are the chart's file, and
 * written as ladder_save_file() writes it, through @sink. */
static gboolean
save_chart (LadderChart *chart, const char *out_path, const LadderExportOptions *options,
            Sink *sink, GError **error)
{
  LadderExportOptions keep_folds = *options;
  g_autoptr(LadderChart) part = NULL;
  GError *local = NULL;

  keep_folds.as_shown = TRUE;
  part = ladder_export_part (chart, &keep_folds, FALSE, out_path, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (part != NULL)
    chart = part;
  sink->file = ladder_atomic_file_open (out_path, LADDER_ATOMIC_BACKUP, error);
  if (sink->file == NULL)
    return FALSE;
  if (ladder_path_is_csv (out_path))
    ladder_csv_write_stream (chart, sink_write, sink);
  else
    ladder_xml_write_stream (chart, sink_write, sink);
  return TRUE;
}

static gboolean
unknown_format (const char *name, GError **error)
{
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
               _("%s: error: unknown file type (use .png, .svg, .pdf, .ladder, .csv, .json, "
                 ".graphml, .drawio, .dot or .mmd)"), name);
  return FALSE;
}

/* Into OUT through the atomic writer, which replaces it only when all
 * was written and the export was not cancelled meanwhile. */
static gboolean
export_file (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
             const char *out_path, LadderExportOptions *options, GError **error)
{
  LadderExportOptions defaults = { 0 };
  Format format;
  Sink sink = { 0 };
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  format = format_of (out_path);
  if (format == FORMAT_UNKNOWN)
    return unknown_format (out_path, error);
  if (!check_options (options, out_path, error))
    return FALSE;

  sink.cancellable = ladder_export_watch_get_cancellable ();
  if (format == FORMAT_CHART)
    ok = save_chart (chart, out_path, options, &sink, error);
  else
    {
      sink.file = ladder_atomic_file_open (out_path, LADDER_ATOMIC_NONE, error);
      if (sink.file == NULL)
        return FALSE;
      ok = write_export (chart, catalogue, findings, format, options, &sink, out_path, error);
    }
  if (ok && g_cancellable_set_error_if_cancelled (sink.cancellable, error))
    ok = FALSE;
  if (!ok)
    {
      ladder_atomic_file_abort (sink.file);
      return FALSE;
    }
  return ladder_atomic_file_commit (sink.file, error);
}

gboolean
ladder_export_file (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
                    const char *out_path, LadderExportOptions *options, GError **error)
{
  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_file (chart, catalogue, findings, out_path, options, error);
}

gboolean
ladder_export_file_watched (LadderChart *chart, LadderCatalogue *catalogue,
                            LadderFindings *findings, const char *out_path,
                            LadderExportOptions *options, LadderProgress *progress,
                            GError **error)
{
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ladder_export_watch_begin (progress);
  ok = export_file (chart, catalogue, findings, out_path, options, error);
  ladder_export_watch_end ();
  return ok;
}

GBytes *
ladder_export_bytes (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
                     const char *format, LadderExportOptions *options, GError **error)
{
  LadderExportOptions defaults = { 0 };
  g_autofree char *name = NULL;
  Format kind;
  Sink sink = { 0 };

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  name = g_strconcat ("chart.", format, NULL);
  kind = format_of (name);
  if (kind == FORMAT_UNKNOWN || kind == FORMAT_CHART)
    return unknown_format (name, error), NULL;
  if (!check_options (options, name, error))
    return NULL;

  sink.bytes = g_byte_array_new ();
  if (!write_export (chart, catalogue, findings, kind, options, &sink, name, error))
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}
