/* ladder-print.c — printing a chart: on one page, or tiled across pages
 *
 * A big chart on one sheet is a map, not something to read: tiling
 * prints it at the size it has on screen, across pages that repeat a
 * strip of their neighbours so that they can be trimmed and glued.  The
 * print dialog gets a "Chart" tab for that choice; its Print Preview
 * button and page setup come with GtkPrintOperation.
 *
 * GtkPrintOperation asks for everything on the main thread, so nothing
 * heavy is done there: while it paginates, the chart is copied a slice
 * at a time (a change to it starts the copy again), then laid out and
 * checked on a worker while "paginate" says it is not done yet; each
 * page is drawn on a worker into the page's cairo context, the drawing
 * deferred until it is done.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-draw.h"
#include "ladder-export.h"
#include "ladder-print.h"
#include "ladder-render.h"

/* Length of an overlap mark, and how far from the edge it starts. */
#define MARK_LENGTH 10.0
#define CAPTION_SIZE 7.0
/* Equal within this many drawing units: no extra page for rounding. */
#define PLAN_EPSILON 1e-6
/* People copied per "paginate": about 10 ms at a million. */
#define COPY_SLICE 50000
/* How long "paginate" waits for the worker before it gives the main
 * loop back. */
#define PREPARE_WAIT_US 2000

/* ------------------------------------------------------------ the plan */

static guint
count_tiles (double extent, double tile, double step)
{
  if (extent <= tile + PLAN_EPSILON)
    return 1;
  return 1 + (guint) ceil ((extent - tile) / step - PLAN_EPSILON);
}

void
ladder_print_plan_compute (LadderPrintPlan *plan, LadderPrintMode mode, double width,
                           double height, double page_width, double page_height,
                           double scale, double overlap)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (page_width > 0 && page_height > 0);

  memset (plan, 0, sizeof *plan);
  plan->mode = mode;
  plan->page_width = page_width;
  plan->page_height = page_height;

  if (mode == LADDER_PRINT_FIT)
    {
      plan->scale = MIN (LADDER_PRINT_MAX_SCALE, MIN (page_width / width, page_height / height));
      plan->tile_width = plan->step_x = page_width / plan->scale;
      plan->tile_height = plan->step_y = page_height / plan->scale;
      plan->offset_x = (page_width - width * plan->scale) / 2.0;
      plan->offset_y = (page_height - height * plan->scale) / 2.0;
      plan->columns = plan->rows = 1;
      return;
    }

  plan->scale = scale > 0 ? scale : LADDER_PRINT_TILE_SCALE;
  /* An overlap of half a page or more would never get anywhere. */
  plan->overlap = CLAMP (overlap, 0.0, MIN (page_width, page_height) / 2.0);
  plan->tile_width = page_width / plan->scale;
  plan->tile_height = page_height / plan->scale;
  plan->step_x = plan->tile_width - plan->overlap / plan->scale;
  plan->step_y = plan->tile_height - plan->overlap / plan->scale;
  plan->columns = count_tiles (width, plan->tile_width, plan->step_x);
  plan->rows = count_tiles (height, plan->tile_height, plan->step_y);
}

guint
ladder_print_plan_get_n_pages (const LadderPrintPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->columns * plan->rows;
}

void
ladder_print_plan_get_tile (const LadderPrintPlan *plan, guint page, double *x, double *y,
                            guint *column, guint *row)
{
  guint c, r;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (page < ladder_print_plan_get_n_pages (plan));

  c = page % plan->columns;
  r = page / plan->columns;
  if (x != NULL)
    *x = c * plan->step_x;
  if (y != NULL)
    *y = r * plan->step_y;
  if (column != NULL)
    *column = c;
  if (row != NULL)
    *row = r;
}

/* ---------------------------------------------------------- the pages */

static void
draw_mark (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Where each neighbour's copy begins: a tick at both ends of that line. */
static void
draw_overlap_marks (cairo_t *cr, const LadderPrintPlan *plan, guint column, guint row)
{
  double w = plan->page_width, h = plan->page_height, o = plan->overlap;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.5);
  if (column > 0)
    {
      draw_mark (cr, o, 0, o, MARK_LENGTH);
      draw_mark (cr, o, h - MARK_LENGTH, o, h);
    }
  if (column + 1 < plan->columns)
    {
      draw_mark (cr, w - o, 0, w - o, MARK_LENGTH);
      draw_mark (cr, w - o, h - MARK_LENGTH, w - o, h);
    }
  if (row > 0)
    {
      draw_mark (cr, 0, o, MARK_LENGTH, o);
      draw_mark (cr, w - MARK_LENGTH, o, w, o);
    }
  if (row + 1 < plan->rows)
    {
      draw_mark (cr, 0, h - o, MARK_LENGTH, h - o);
      draw_mark (cr, w - MARK_LENGTH, h - o, w, h - o);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_caption (cairo_t *cr, const LadderPrintPlan *plan, guint column, guint row)
{
  LadderFont font = { CAPTION_SIZE, FALSE, FALSE, { 0.35, 0.35, 0.35, 1.0 }, LADDER_ALIGN_START };
  g_autoptr(LadderDraw) draw = NULL;
  g_autofree char *caption = NULL;
  double ascent, line, width, x, y;

  /* Translators: on each printed page of a tiled chart, so that the
   * sheets can be put together: "Row 1 of 2, column 3 of 4" */
  caption = g_strdup_printf (_("Row %u of %u, column %u of %u"),
                             row + 1, plan->rows, column + 1, plan->columns);
  ladder_draw_font_metrics (&font, &ascent, &line);
  width = ladder_draw_measure_text (caption, &font);
  /* Bottom centre, between the marks, on white so that cards under it
   * do not garble it. */
  x = (plan->page_width - width) / 2.0;
  y = plan->page_height - line - 2.0;
  cairo_save (cr);
  cairo_rectangle (cr, x - 3.0, y - 1.0, width + 6.0, line + 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_restore (cr);
  draw = ladder_draw_cairo_new (cr);
  ladder_draw_text (draw, x, y, 0, caption, &font);
}

void
ladder_print_draw_page (cairo_t *cr, LadderChart *chart, LadderCatalogue *catalogue,
                        LadderFindings *findings, LadderLayout *layout,
                        const LadderPrintPlan *plan, guint page)
{
  LadderRenderOptions options;
  g_autoptr(LadderDraw) draw = NULL;
  double x, y, ox, oy;
  guint column, row;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (layout != NULL);
  g_return_if_fail (plan != NULL);
  g_return_if_fail (page < ladder_print_plan_get_n_pages (plan));

  ladder_print_plan_get_tile (plan, page, &x, &y, &column, &row);
  ladder_render_options_init (&options);
  /* Paper is white already. */
  options.background = FALSE;
  ladder_render_get_origin (chart, &options, &ox, &oy);
  /* As the PDF export does: the zoom is what a 96-dpi screen would show. */
  options.zoom = plan->scale / 0.75;
  options.clip_x = x - ox;
  options.clip_y = y - oy;
  options.clip_width = plan->tile_width;
  options.clip_height = plan->tile_height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, plan->page_width, plan->page_height);
  cairo_clip (cr);
  cairo_translate (cr, plan->offset_x, plan->offset_y);
  cairo_scale (cr, plan->scale, plan->scale);
  cairo_translate (cr, -x, -y);
  draw = ladder_draw_cairo_new (cr);
  ladder_render_chart (draw, chart, catalogue, layout, findings, &options);
  g_clear_pointer (&draw, ladder_draw_free);
  cairo_restore (cr);

  if (plan->mode == LADDER_PRINT_TILE && ladder_print_plan_get_n_pages (plan) > 1)
    {
      draw_overlap_marks (cr, plan, column, row);
      draw_caption (cr, plan, column, row);
    }
}

/* ---------------------------------------------------- the operation */

typedef struct {
  gint             ref_count;    /* the operation's, and a preparing worker's */
  LadderChart     *chart;        /* the window's */
  LadderCatalogue *catalogue;
  LadderPrintMode  mode;
  GtkCheckButton  *fit_button;

  /* Preparing: @copy while it is copied (its "changed" handler), then
   * a worker, which fills what follows and sets @prepared. */
  LadderExportCopy *copy;
  gulong           changed_id;
  GMutex           lock;
  GCond            cond;
  gboolean         prepared;     /* under @lock */
  gboolean         drawing;      /* a page on the worker, under @lock */
  gboolean         ended;        /* ended (or its preview closed): no more pages */
  gboolean         previewing;   /* the preview draws the pages itself */

  /* What the pages are drawn from: the copy, its layout and findings;
   * read by the page workers. */
  LadderChart     *snapshot;
  LadderFindings  *findings;
  LadderLayout    *layout;
  LadderPrintPlan  plan;
} PrintJob;

static void
stop_copying (PrintJob *job)
{
  g_clear_signal_handler (&job->changed_id, job->chart);
  g_clear_pointer (&job->copy, ladder_export_copy_free);
}

static PrintJob *
print_job_ref (PrintJob *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

/* The last reference may be a worker's: nothing here needs the main
 * thread (the "changed" handler went with the copy). */
static void
print_job_unref (PrintJob *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;
  stop_copying (job);
  g_clear_object (&job->chart);
  g_clear_object (&job->catalogue);
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->findings, ladder_findings_free);
  g_clear_pointer (&job->layout, ladder_layout_free);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static PrintJob *
get_job (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "ladder-print-job");
}

/* The chart changed under the copy: what was copied is of another chart. */
static void
chart_changed_cb (LadderChart *chart, gconstpointer change, PrintJob *job)
{
  ladder_export_copy_free (job->copy);
  job->copy = ladder_export_copy_new (chart);
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  stop_copying (job);
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->layout, ladder_layout_free);
  g_clear_pointer (&job->findings, ladder_findings_free);
  job->prepared = FALSE;
  job->ended = FALSE;
  job->copy = ladder_export_copy_new (job->chart);
  job->changed_id = g_signal_connect (job->chart, "changed", G_CALLBACK (chart_changed_cb), job);
}

typedef struct {
  PrintJob         *job;
  LadderExportCopy *copy;   /* copied, not linked */
} Prepare;

/* The worker: the copy's links, its layout and findings. */
static gpointer
prepare_thread (gpointer data)
{
  Prepare *prepare = data;
  PrintJob *job = prepare->job;
  LadderChart *snapshot = ladder_export_copy_finish (prepare->copy);
  LadderLayout *layout = ladder_layout_new ();
  LadderFindings *findings;

  ladder_layout_compute (layout, snapshot);
  findings = ladder_validate (snapshot, job->catalogue);
  g_mutex_lock (&job->lock);
  job->snapshot = snapshot;
  job->layout = layout;
  job->findings = findings;
  job->prepared = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);
  print_job_unref (job);
  g_free (prepare);
  return NULL;
}

/* Called again and again until it says TRUE; each call is short. */
static gboolean
paginate_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  LadderRenderOptions options;
  double width, height;
  gboolean prepared;

  if (job->ended)
    return TRUE;
  if (job->copy != NULL)
    {
      Prepare *prepare;

      if (!ladder_export_copy_step (job->copy, COPY_SLICE))
        return FALSE;
      g_clear_signal_handler (&job->changed_id, job->chart);
      prepare = g_new0 (Prepare, 1);
      prepare->job = print_job_ref (job);
      prepare->copy = g_steal_pointer (&job->copy);
      g_thread_unref (g_thread_new ("ladder-print", prepare_thread, prepare));
      return FALSE;
    }
  g_mutex_lock (&job->lock);
  if (!job->prepared)
    g_cond_wait_until (&job->cond, &job->lock, g_get_monotonic_time () + PREPARE_WAIT_US);
  prepared = job->prepared;
  g_mutex_unlock (&job->lock);
  if (!prepared)
    return FALSE;

  ladder_render_options_init (&options);
  ladder_render_get_size (job->layout, job->snapshot, &options, &width, &height);
  ladder_print_plan_compute (&job->plan, job->mode, width, height,
                             gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                             gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS),
                             LADDER_PRINT_TILE_SCALE, LADDER_PRINT_OVERLAP);
  gtk_print_operation_set_n_pages (operation, ladder_print_plan_get_n_pages (&job->plan));
  return TRUE;
}

typedef struct {
  PrintJob *job;
  cairo_t  *cr;
  guint     page;
} PageDrawing;

static void
page_drawing_free (PageDrawing *drawing)
{
  cairo_destroy (drawing->cr);
  g_free (drawing);
}

static void
draw_page_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PageDrawing *drawing = data;
  PrintJob *job = drawing->job;

  ladder_print_draw_page (drawing->cr, job->snapshot, job->catalogue, job->findings,
                          job->layout, &job->plan, drawing->page);
  g_mutex_lock (&job->lock);
  job->drawing = FALSE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);
  g_task_return_boolean (task, TRUE);
}

static void
page_drawn_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  PrintJob *job = data;

  /* Cancelled meanwhile: the operation is over (the task holds it). */
  if (!job->ended)
    gtk_print_operation_draw_page_finish (GTK_PRINT_OPERATION (source));
}

/* GTK writes nothing more to the page until draw_page_finish(). */
static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, PrintJob *job)
{
  g_autoptr(GTask) task = NULL;
  PageDrawing *drawing;

  /* GTK has the preview's pages drawn on the scratch context it was
   * given (see preview_cb): nothing to see there. */
  if (job->previewing)
    return;
  task = g_task_new (operation, NULL, page_drawn_cb, job);
  drawing = g_new0 (PageDrawing, 1);
  drawing->job = job;
  drawing->cr = cairo_reference (gtk_print_context_get_cairo_context (context));
  drawing->page = page;
  g_task_set_task_data (task, drawing, (GDestroyNotify) page_drawing_free);
  gtk_print_operation_set_defer_drawing (operation);
  g_mutex_lock (&job->lock);
  job->drawing = TRUE;
  g_mutex_unlock (&job->lock);
  g_task_run_in_thread (task, draw_page_thread);
}

/* Cancelled while a worker draws a page: the surface is finished after
 * this, so the worker must be done with it first.  (A worker that
 * prepares holds the job and needs nothing of the operation.) */
static void
end_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  stop_copying (job);
  job->ended = TRUE;
  g_mutex_lock (&job->lock);
  while (job->drawing)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation, PrintJob *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Print the chart"));
  GtkWidget *fit = gtk_check_button_new_with_mnemonic (_("_Fit on one page"));
  GtkWidget *tile = gtk_check_button_new_with_mnemonic (_("_Tile across pages at actual size"));
  GtkWidget *hint = gtk_label_new (_("Tiled pages overlap a little; the marks at their edges show where to trim and glue them."));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (tile), GTK_CHECK_BUTTON (fit));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->mode == LADDER_PRINT_FIT ? fit : tile), TRUE);
  gtk_box_append (GTK_BOX (box), fit);
  gtk_box_append (GTK_BOX (box), tile);

  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  job->fit_button = GTK_CHECK_BUTTON (fit);
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation, GtkWidget *widget, PrintJob *job)
{
  if (job->fit_button != NULL)
    job->mode = gtk_check_button_get_active (job->fit_button) ? LADDER_PRINT_FIT
                                                              : LADDER_PRINT_TILE;
  job->fit_button = NULL;
}

/* The preview: GTK's own would start an external viewer (evince), which
 * a desktop may not have.  The job knows its plan once "ready" is
 * emitted, so pages are drawn straight from it, scaled to the window:
 * on a worker, into an image the window then shows (a page of a million
 * people takes about a third of a second to draw); meanwhile the sheet
 * is blank. */
typedef struct {
  GtkPrintOperation        *operation;    /* owns the job */
  GtkPrintOperationPreview *preview;
  PrintJob                 *job;
  GtkWidget                *area;
  GtkLabel                 *label;
  GtkWidget                *previous, *next;
  guint                     page;
  gboolean                  ready;
  cairo_surface_t          *image;        /* the area as last drawn, or NULL */
  guint                     image_page;
  int                       image_width, image_height;
  gboolean                  rendering;
} Preview;

/* What a preview worker draws: the area, @width × @height, with the
 * sheet of @page.  The job is referenced: the preview may close first. */
typedef struct {
  PrintJob *job;
  guint     page;
  int       width, height, scale_factor;
} PreviewImage;

static void
preview_image_free (PreviewImage *image)
{
  print_job_unref (image->job);
  g_free (image);
}

/* The sheet of @page centred in @width × @height, with its border. */
static void
draw_sheet (cairo_t *cr, PrintJob *job, guint page, int width, int height)
{
  const LadderPrintPlan *plan = &job->plan;
  double margin = 16.0, scale;

  scale = MIN ((width - 2 * margin) / plan->page_width, (height - 2 * margin) / plan->page_height);
  if (scale <= 0)
    return;
  cairo_translate (cr, (width - plan->page_width * scale) / 2.0,
                   (height - plan->page_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  /* The sheet: white whatever the theme, as paper is. */
  cairo_rectangle (cr, 0, 0, plan->page_width, plan->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1.0 / scale);
  cairo_stroke (cr);
  if (page != G_MAXUINT)
    ladder_print_draw_page (cr, job->snapshot, job->catalogue, job->findings, job->layout,
                            plan, page);
}

static void
preview_image_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PreviewImage *image = data;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, image->width * image->scale_factor,
                                        image->height * image->scale_factor);
  cairo_surface_set_device_scale (surface, image->scale_factor, image->scale_factor);
  cr = cairo_create (surface);
  draw_sheet (cr, image->job, image->page, image->width, image->height);
  cairo_destroy (cr);
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
preview_image_done_cb (GObject *area, GAsyncResult *result, gpointer data)
{
  Preview *p = g_object_get_data (area, "ladder-preview-state");
  PreviewImage *image = g_task_get_task_data (G_TASK (result));
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The preview closed meanwhile. */
  if (p == NULL)
    {
      cairo_surface_destroy (surface);
      return;
    }
  p->rendering = FALSE;
  g_clear_pointer (&p->image, cairo_surface_destroy);
  p->image = surface;
  p->image_page = image->page;
  p->image_width = image->width;
  p->image_height = image->height;
  gtk_widget_queue_draw (GTK_WIDGET (area));
}

static void
preview_render (Preview *p, int width, int height)
{
  g_autoptr(GTask) task = g_task_new (p->area, NULL, preview_image_done_cb, NULL);
  PreviewImage *image = g_new0 (PreviewImage, 1);

  image->job = print_job_ref (p->job);
  image->page = p->page;
  image->width = width;
  image->height = height;
  image->scale_factor = gtk_widget_get_scale_factor (p->area);
  g_task_set_task_data (task, image, (GDestroyNotify) preview_image_free);
  p->rendering = TRUE;
  g_task_run_in_thread (task, preview_image_thread);
}

static void
preview_update_label (Preview *p)
{
  g_autofree char *text = NULL;
  guint n = MAX (ladder_print_plan_get_n_pages (&p->job->plan), 1);

  /* Translators: in the print preview, "Page 2 of 6" */
  text = g_strdup_printf (_("Page %u of %u"), p->page + 1, n);
  gtk_label_set_label (p->label, text);
  gtk_widget_set_sensitive (p->previous, p->ready && p->page > 0);
  gtk_widget_set_sensitive (p->next, p->ready && p->page + 1 < n);
}

static void
preview_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  Preview *p = data;

  if (!p->ready || p->page >= ladder_print_plan_get_n_pages (&p->job->plan))
    return;
  if (p->image != NULL && p->image_page == p->page && p->image_width == width
      && p->image_height == height)
    {
      cairo_set_source_surface (cr, p->image, 0, 0);
      cairo_paint (cr);
      return;
    }
  /* The blank sheet until the worker has drawn the page (one at a time:
   * the last size and page asked for is drawn next). */
  draw_sheet (cr, p->job, G_MAXUINT, width, height);
  if (!p->rendering)
    preview_render (p, width, height);
}

static void
preview_step (Preview *p, int direction)
{
  guint n = ladder_print_plan_get_n_pages (&p->job->plan);

  if (!p->ready || n == 0)
    return;
  if ((direction < 0 && p->page == 0) || (direction > 0 && p->page + 1 >= n))
    return;
  p->page += direction;
  preview_update_label (p);
  gtk_widget_queue_draw (p->area);
}

static void
preview_previous_cb (GtkButton *button, Preview *p)
{
  preview_step (p, -1);
}

static void
preview_next_cb (GtkButton *button, Preview *p)
{
  preview_step (p, +1);
}

static gboolean
preview_key_cb (GtkEventControllerKey *key, guint keyval, guint keycode,
                GdkModifierType state, Preview *p)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
      preview_step (p, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
      preview_step (p, +1);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (gtk_widget_get_root (p->area)));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
preview_ready_cb (GtkPrintOperationPreview *preview, GtkPrintContext *context, Preview *p)
{
  p->ready = TRUE;
  p->page = 0;
  preview_update_label (p);
  gtk_widget_queue_draw (p->area);
}

static void
preview_free (Preview *p)
{
  g_object_set_data (G_OBJECT (p->area), "ladder-preview-state", NULL);
  g_object_unref (p->area);
  g_clear_pointer (&p->image, cairo_surface_destroy);
  /* Closed while the pages are being prepared: GTK goes on asking for
   * them, with the preview's context gone. */
  p->job->ended = TRUE;
  g_signal_handlers_disconnect_by_data (p->preview, p);
  gtk_print_operation_preview_end_preview (p->preview);
  g_object_unref (p->preview);
  g_object_unref (p->operation);
  g_free (p);
}

static GtkWidget *
preview_button (const char *icon, const char *tooltip, GCallback callback, Preview *p)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_signal_connect (button, "clicked", callback, p);
  return button;
}

static gboolean
preview_cb (GtkPrintOperation *operation, GtkPrintOperationPreview *preview,
            GtkPrintContext *context, GtkWindow *parent, PrintJob *job)
{
  Preview *p = g_new0 (Preview, 1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *key;

  /* GTK insists on a context at once; the pages are drawn on the
   * window's own, so a scratch one will do. */
  {
    cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *cr = cairo_create (scratch);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (scratch);
  }

  job->previewing = TRUE;
  p->operation = g_object_ref (operation);
  p->preview = g_object_ref (preview);
  p->job = job;
  /* Held: a worker's image may come back after the window is gone. */
  p->area = g_object_ref_sink (gtk_drawing_area_new ());
  p->label = GTK_LABEL (gtk_label_new (""));

  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 820);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }
  gtk_widget_add_css_class (box, "linked");
  p->previous = preview_button ("go-previous-symbolic", _("Previous Page"),
                                G_CALLBACK (preview_previous_cb), p);
  p->next = preview_button ("go-next-symbolic", _("Next Page"), G_CALLBACK (preview_next_cb), p);
  gtk_widget_set_sensitive (p->previous, FALSE);
  gtk_widget_set_sensitive (p->next, FALSE);
  gtk_box_append (GTK_BOX (box), p->previous);
  gtk_box_append (GTK_BOX (box), p->next);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), box);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), GTK_WIDGET (p->label));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (p->area), preview_draw, p, NULL);
  gtk_widget_add_css_class (p->area, "print-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print Preview"), -1);
  gtk_window_set_child (GTK_WINDOW (window), p->area);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (preview_key_cb), p);
  gtk_widget_add_controller (window, key);

  g_signal_connect (preview, "ready", G_CALLBACK (preview_ready_cb), p);
  /* Closing the window ends the preview (and the operation's run). */
  g_object_set_data (G_OBJECT (p->area), "ladder-preview-state", p);
  g_object_set_data_full (G_OBJECT (window), "ladder-preview", p, (GDestroyNotify) preview_free);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

GtkPrintOperation *
ladder_print_operation_new (LadderChart *chart, LadderCatalogue *catalogue, LadderPrintMode mode)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (catalogue == NULL || LADDER_IS_CATALOGUE (catalogue), NULL);

  job = g_new0 (PrintJob, 1);
  job->ref_count = 1;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->chart = g_object_ref (chart);
  job->catalogue = catalogue != NULL ? g_object_ref (catalogue) : NULL;
  job->mode = mode;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "ladder-print-job", job,
                          (GDestroyNotify) print_job_unref);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Chart"));
  title = ladder_chart_get_title (chart);
  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0'
                                                 ? title : _("Untitled Chart"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), job);
  return operation;
}

LadderPrintMode
ladder_print_operation_get_mode (GtkPrintOperation *operation)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), LADDER_PRINT_FIT);
  return get_job (operation)->mode;
}

/* What the user chose last time, for the next print in this process. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;
static LadderPrintMode last_mode = LADDER_PRINT_FIT;

void
ladder_print_window (GtkWindow *window, LadderChart *chart, LadderCatalogue *catalogue)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (LADDER_IS_CHART (chart));

  operation = ladder_print_operation_new (chart, catalogue, last_mode);
  /* GTK's own progress, with Cancel, while the pages are prepared. */
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  else
    {
      /* Org charts are wider than they are tall. */
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    window, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  "%s", _("Could not print the chart"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
      last_mode = ladder_print_operation_get_mode (operation);
    }
}
