/* ladder-export.c — writing a chart as PNG, SVG, PDF, .ladder or .csv
 *
 * Images are drawn by the one renderer: PNG and PDF through cairo, SVG
 * through the streaming SVG backend.  Output streams into the atomic
 * writer of ladder-io.c, which replaces OUT only when everything was
 * written.
 */
#include "config.h"

#include "ladder-export.h"
#include "ladder-draw.h"
#include "ladder-draw-private.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-render.h"

#include <cairo-pdf.h>
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
#define PDF_MAX_SIDE      14400.0              /* points: the PDF page limit */
#define PDF_PT_PER_PX     0.75                 /* 96 px to the inch */

typedef enum {
  FORMAT_UNKNOWN,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
  FORMAT_CHART,     /* .ladder, .xml, .csv: ladder_save_file */
} Format;

typedef struct {
  LadderAtomicFile *file;   /* or NULL: into bytes */
  GByteArray       *bytes;
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
  if (!ladder_atomic_file_write (sink->file, data, length))
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
  g_autofree char *ext = NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FORMAT_UNKNOWN;
  ext = g_ascii_strdown (dot + 1, -1);
  if (g_str_equal (ext, "png"))
    return FORMAT_PNG;
  if (g_str_equal (ext, "svg"))
    return FORMAT_SVG;
  if (g_str_equal (ext, "pdf"))
    return FORMAT_PDF;
  if (g_str_equal (ext, "ladder") || g_str_equal (ext, "xml") || g_str_equal (ext, "csv"))
    return FORMAT_CHART;
  return FORMAT_UNKNOWN;
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
  LadderDraw *draw;
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
  ladder_render_chart (draw, chart, catalogue, layout, findings, render);
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

static gboolean
write_pdf (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
           LadderLayout *layout, LadderRenderOptions *render, double width, double height,
           LadderExportOptions *options, Sink *sink, const char *name, GError **error)
{
  double scale = MIN (PDF_PT_PER_PX, PDF_MAX_SIDE / MAX (width, height));
  cairo_surface_t *surface;
  cairo_t *cr;
  LadderDraw *draw;
  cairo_status_t status;

  if (scale < PDF_PT_PER_PX)
    {
      g_free (options->notice);
      options->notice = g_strdup_printf (_("chart is %.0f × %.0f px; scaled to %.3g to fit a PDF page"),
                                         width, height, scale / PDF_PT_PER_PX);
    }

  surface = cairo_pdf_surface_create_for_stream (sink_write_cairo, sink,
                                                 width * scale, height * scale);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ladder_chart_get_title (chart) ? ladder_chart_get_title (chart) : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ladder");
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  render->zoom = scale / PDF_PT_PER_PX;
  draw = ladder_draw_cairo_new (cr);
  ladder_render_chart (draw, chart, catalogue, layout, findings, render);
  ladder_draw_free (draw);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && !sink->failed)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: cannot write the PDF: %s"), name,
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
  LadderDraw *draw;
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
      ok = write_pdf (chart, catalogue, findings, layout, &render, width, height,
                      options, sink, name, error);
      break;
    case FORMAT_SVG:
      draw = ladder_draw_svg_new (sink_write, sink, width, height,
                                  ladder_chart_get_title (chart));
      ladder_render_chart (draw, chart, catalogue, layout, findings, &render);
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

static gboolean
unknown_format (const char *name, GError **error)
{
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
               _("%s: error: unknown file type (use .png, .svg, .pdf, .ladder or .csv)"), name);
  return FALSE;
}

gboolean
ladder_export_file (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings,
                    const char *out_path, LadderExportOptions *options, GError **error)
{
  LadderExportOptions defaults = { 0 };
  Format format;
  Sink sink = { 0 };

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  format = format_of (out_path);
  if (format == FORMAT_UNKNOWN)
    return unknown_format (out_path, error);
  if (format == FORMAT_CHART)
    return ladder_save_file (chart, out_path, error);

  sink.file = ladder_atomic_file_open (out_path, LADDER_ATOMIC_NONE, error);
  if (sink.file == NULL)
    return FALSE;
  if (!write_image (chart, catalogue, findings, format, options, &sink, out_path, error))
    {
      ladder_atomic_file_abort (sink.file);
      return FALSE;
    }
  return ladder_atomic_file_commit (sink.file, error);
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

  sink.bytes = g_byte_array_new ();
  if (!write_image (chart, catalogue, findings, kind, options, &sink, name, error))
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}
