/* ladder-export-pdf.c — PDF on one page, or tiled over pages
 *
 * A PDF page is at most 200 inches on a side.  Past that, or when a page
 * size is asked for, the chart is drawn at its own size (96 px to the
 * inch, so no text is below 6 pt) over pages of that size: row by row,
 * each tile overlapping its neighbours a little, with marks in the
 * margin where the neighbour's part begins and the page's number and
 * place at the foot.  More than LADDER_EXPORT_MAX_PAGES pages is refused.
 */
#include "config.h"

#include "ladder-export-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define PDF_MAX_SIDE   14400.0   /* points: the PDF page limit */
#define PT_PER_PX      0.75      /* 96 px to the inch */
#define PAGE_MARGIN    28.0      /* points, about 10 mm */
#define PAGE_OVERLAP   18.0      /* points of the chart on both pages */
#define MARK_LENGTH    10.0
#define EQUAL_WITHIN   0.01

typedef struct {
  const char *name;
  double width, height;      /* points, portrait */
} PageSize;

static const PageSize page_sizes[] = {
  { "a4", 595.276, 841.890 },
  { "a3", 841.890, 1190.551 },
  { "letter", 612.0, 792.0 },
  { "legal", 612.0, 1008.0 },
};

gboolean
ladder_export_parse_page (const char *page, double *width, double *height)
{
  g_autofree char *lower = NULL;
  const char *dash;
  gboolean landscape = FALSE;
  gsize length;

  g_return_val_if_fail (page != NULL, FALSE);

  lower = g_ascii_strdown (page, -1);
  dash = strchr (lower, '-');
  length = dash ? (gsize) (dash - lower) : strlen (lower);
  if (dash != NULL)
    {
      if (strcmp (dash, "-landscape") != 0)
        return FALSE;
      landscape = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    if (strlen (page_sizes[i].name) == length && strncmp (lower, page_sizes[i].name, length) == 0)
      {
        if (width != NULL)
          *width = landscape ? page_sizes[i].height : page_sizes[i].width;
        if (height != NULL)
          *height = landscape ? page_sizes[i].width : page_sizes[i].height;
        return TRUE;
      }
  return FALSE;
}

/* How many tiles of @content with @overlap cover @extent. */
static guint
n_tiles (double extent, double content)
{
  if (extent <= content + EQUAL_WITHIN)
    return 1;
  return (guint) ceil ((extent - PAGE_OVERLAP - EQUAL_WITHIN) / (content - PAGE_OVERLAP));
}

static void
draw_mark (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* In the margin: where the part on the next page in that direction
 * begins, and where the part on the previous one ends. */
static void
draw_overlap_marks (cairo_t *cr, double page_w, double page_h, guint column, guint row,
                    guint columns, guint rows)
{
  double left = PAGE_MARGIN, right = page_w - PAGE_MARGIN;
  double top = PAGE_MARGIN, bottom = page_h - PAGE_MARGIN;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.44, 0.52);
  cairo_set_line_width (cr, 0.5);
  if (column + 1 < columns)
    {
      draw_mark (cr, right - PAGE_OVERLAP, top - MARK_LENGTH, right - PAGE_OVERLAP, top - 2);
      draw_mark (cr, right - PAGE_OVERLAP, bottom + 2, right - PAGE_OVERLAP, bottom + MARK_LENGTH);
    }
  if (column > 0)
    {
      draw_mark (cr, left + PAGE_OVERLAP, top - MARK_LENGTH, left + PAGE_OVERLAP, top - 2);
      draw_mark (cr, left + PAGE_OVERLAP, bottom + 2, left + PAGE_OVERLAP, bottom + MARK_LENGTH);
    }
  if (row + 1 < rows)
    {
      draw_mark (cr, left - MARK_LENGTH, bottom - PAGE_OVERLAP, left - 2, bottom - PAGE_OVERLAP);
      draw_mark (cr, right + 2, bottom - PAGE_OVERLAP, right + MARK_LENGTH, bottom - PAGE_OVERLAP);
    }
  if (row > 0)
    {
      draw_mark (cr, left - MARK_LENGTH, top + PAGE_OVERLAP, left - 2, top + PAGE_OVERLAP);
      draw_mark (cr, right + 2, top + PAGE_OVERLAP, right + MARK_LENGTH, top + PAGE_OVERLAP);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_page_number (cairo_t *cr, double page_w, double page_h, guint page, guint n_pages,
                  guint column, guint row)
{
  LadderFont font = { 8, FALSE, FALSE, LADDER_RGB (0x667085), LADDER_ALIGN_CENTER };
  g_autofree char *text = NULL;
  LadderDraw *draw;

  /* TRANSLATORS: at the foot of a tiled PDF: "Page 3 of 12 · row 1, column 3" */
  text = g_strdup_printf (_("Page %u of %u · row %u, column %u"), page, n_pages, row, column);
  draw = ladder_draw_cairo_new (cr);
  ladder_draw_text (draw, PAGE_MARGIN, page_h - PAGE_MARGIN + 10, page_w - 2 * PAGE_MARGIN,
                    text, &font);
  ladder_draw_free (draw);
}

static void
draw_page (cairo_t *cr, LadderChart *chart, LadderCatalogue *catalogue,
           LadderFindings *findings, LadderLayout *layout, LadderRenderOptions *render,
           double x, double y, double content_w, double content_h)
{
  double ox, oy;
  LadderDraw *draw, *watched;

  /* The drawing's rectangle (x, y, content) in points, as chart units. */
  ladder_render_get_origin (chart, render, &ox, &oy);
  render->clip_x = x / PT_PER_PX - ox;
  render->clip_y = y / PT_PER_PX - oy;
  render->clip_width = content_w / PT_PER_PX;
  render->clip_height = content_h / PT_PER_PX;

  cairo_save (cr);
  cairo_rectangle (cr, PAGE_MARGIN, PAGE_MARGIN, content_w, content_h);
  cairo_clip (cr);
  cairo_translate (cr, PAGE_MARGIN - x, PAGE_MARGIN - y);
  cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  draw = ladder_draw_cairo_new (cr);
  watched = ladder_export_watch (draw);
  ladder_render_chart (watched, chart, catalogue, layout, findings, render);
  ladder_export_unwatch (watched, draw);
  ladder_draw_free (draw);
  cairo_restore (cr);
}

static const char *
page_label (const char *page)
{
  return page != NULL ? page : "a3-landscape";
}

gboolean
ladder_export_write_pdf (LadderChart *chart, LadderCatalogue *catalogue,
                         LadderFindings *findings, LadderLayout *layout,
                         LadderRenderOptions *render, LadderExportOptions *options,
                         cairo_write_func_t write, gpointer closure,
                         const char *name, GError **error)
{
  double width, height, page_w, page_h, content_w, content_h;
  guint columns = 1, rows = 1;
  gboolean tiled;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  ladder_render_get_size (layout, chart, render, &width, &height);
  width *= PT_PER_PX;
  height *= PT_PER_PX;
  tiled = options->page != NULL || width > PDF_MAX_SIDE || height > PDF_MAX_SIDE;
  /* ladder_export_file() checked the page's name before anything else. */
  if (!ladder_export_parse_page (page_label (options->page), &page_w, &page_h))
    g_assert_not_reached ();
  content_w = page_w - 2 * PAGE_MARGIN;
  content_h = page_h - 2 * PAGE_MARGIN;
  if (tiled)
    {
      columns = n_tiles (width, content_w);
      rows = n_tiles (height, content_h);
      if ((guint64) columns * rows > LADDER_EXPORT_MAX_PAGES)
        {
          guint n_pages = (guint) MIN ((guint64) columns * rows, G_MAXUINT);

          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                       _("%s: error: the chart would take %u pages of %s (%u across, %u down), "
                         "more than %u; export part of it with --levels=N or --root=ID"),
                       name, n_pages, page_label (options->page), columns, rows,
                       LADDER_EXPORT_MAX_PAGES);
          return FALSE;
        }
      g_free (options->notice);
      options->notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%s: tiled over %u page of %s",
                                                      "%s: tiled over %u pages of %s",
                                                      columns * rows),
                                         name, columns * rows, page_label (options->page));
    }
  else
    {
      page_w = width;
      page_h = height;
    }

  surface = cairo_pdf_surface_create_for_stream (write, closure, page_w, page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ladder_chart_get_title (chart) ? ladder_chart_get_title (chart) : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ladder");
  cr = cairo_create (surface);
  render->zoom = 1.0;
  if (!tiled)
    {
      LadderDraw *draw = ladder_draw_cairo_new (cr);
      LadderDraw *watched = ladder_export_watch (draw);

      cairo_scale (cr, PT_PER_PX, PT_PER_PX);
      ladder_render_chart (watched, chart, catalogue, layout, findings, render);
      ladder_export_unwatch (watched, draw);
      ladder_draw_free (draw);
    }
  else
    for (guint row = 0; row < rows; row++)
      for (guint column = 0; column < columns; column++)
        {
          /* A cancelled export is thrown away: no more pages. */
          if (g_cancellable_is_cancelled (ladder_export_watch_get_cancellable ()))
            break;
          draw_page (cr, chart, catalogue, findings, layout, render,
                     column * (content_w - PAGE_OVERLAP), row * (content_h - PAGE_OVERLAP),
                     content_w, content_h);
          draw_overlap_marks (cr, page_w, page_h, column, row, columns, rows);
          if (columns * rows > 1)
            draw_page_number (cr, page_w, page_h, row * columns + column + 1, columns * rows,
                              column + 1, row + 1);
          cairo_show_page (cr);
        }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: cannot write the PDF: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
