/* test-print.c — the page plan of printing (one page or tiles with
 * overlap), pages drawn on PDF and image surfaces, and a whole print
 * operation exported to PDF.  The operation part needs GTK and is
 * skipped without a display. */
#include "ladder-test-util.h"

#include <cairo-pdf.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ladder-io.h"
#include "ladder-print.h"
#include "ladder-render.h"

static gboolean have_display;

static LadderChart *
load_example (const char *name)
{
  g_autofree char *relative = g_strdup_printf ("examples/%s.ladder", name);
  g_autofree char *path = ladder_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_xml_read_file (path, &error);

  assert_null (error);
  assert_non_null (chart);
  return chart;
}

/* How many pages a PDF has: cairo writes one "/Type /Page" object each. */
static guint
count_pdf_pages (const char *data, gsize length)
{
  static const char needle[] = "/Type /Page";
  gsize size = sizeof needle - 1;
  guint n = 0;

  /* The data is binary (compressed streams): no string functions. */
  for (gsize i = 0; i + size < length; i++)
    if (memcmp (data + i, needle, size) == 0 && data[i + size] != 's')
      n++;
  return n;
}

/* ---------------------------------------------------------------- plan */

static void
test_plan_fit (void **state)
{
  LadderPrintPlan plan;

  /* Wide: the width decides; centred vertically. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_FIT, 1000, 500, 500, 500, 0, 0);
  assert_int_equal (ladder_print_plan_get_n_pages (&plan), 1);
  assert_true (plan.scale == 0.5);
  assert_true (plan.offset_x == 0.0);
  assert_true (plan.offset_y == 125.0);

  /* Small: never enlarged past LADDER_PRINT_MAX_SCALE, centred both ways. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_FIT, 100, 50, 500, 500, 0, 0);
  assert_int_equal (ladder_print_plan_get_n_pages (&plan), 1);
  assert_true (plan.scale == 1.0);
  assert_true (plan.offset_x == 200.0);
  assert_true (plan.offset_y == 225.0);
}

static void
test_plan_tiles (void **state)
{
  LadderPrintPlan plan;
  double x, y;
  guint column, row;

  /* 300 pt pages at 0.75 pt a unit show 400 units; 30 pt of overlap is
   * 40 units, so each tile starts 360 units after the last. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, 400, 400, 300, 300, 0.75, 30);
  assert_true (plan.tile_width == 400.0);
  assert_true (plan.step_x == 360.0);
  assert_int_equal (ladder_print_plan_get_n_pages (&plan), 1);

  /* Exactly two tiles wide; one unit more needs a third column. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, 760, 400, 300, 300, 0.75, 30);
  assert_int_equal (plan.columns, 2);
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, 761, 400, 300, 300, 0.75, 30);
  assert_int_equal (plan.columns, 3);
  assert_int_equal (plan.rows, 1);

  /* 760 × 1200: 2 columns, 1 + ceil(800 / 360) = 4 rows, row by row. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, 760, 1200, 300, 300, 0.75, 30);
  assert_int_equal (plan.columns, 2);
  assert_int_equal (plan.rows, 4);
  assert_int_equal (ladder_print_plan_get_n_pages (&plan), 8);
  ladder_print_plan_get_tile (&plan, 5, &x, &y, &column, &row);
  assert_int_equal (column, 1);
  assert_int_equal (row, 2);
  assert_true (x == 360.0);
  assert_true (y == 720.0);
  ladder_print_plan_get_tile (&plan, 7, &x, &y, NULL, NULL);
  assert_true (x == 360.0);
  assert_true (y == 1080.0);
  /* The last row still reaches the bottom of the drawing. */
  assert_true (y + plan.tile_height >= 1200.0);

  /* 0 picks the readable default scale. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, 100, 100, 300, 300, 0, 0);
  assert_true (plan.scale == LADDER_PRINT_TILE_SCALE);
  assert_true (plan.step_x == plan.tile_width);
}

/* --------------------------------------------------------------- pages */

static void
test_pages_on_pdf (void **state)
{
  g_autoptr(LadderChart) chart = load_example ("enterprise");
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  LadderFindings *findings;
  LadderRenderOptions options;
  LadderPrintPlan plan;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "tiles.pdf", NULL);
  g_autofree char *data = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gsize length;
  guint n;

  ladder_layout_compute (layout, chart);
  findings = ladder_validate (chart, catalogue);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, &width, &height);

  /* A5 landscape printable area, about. */
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, width, height, 560, 380,
                             LADDER_PRINT_TILE_SCALE, LADDER_PRINT_OVERLAP);
  n = ladder_print_plan_get_n_pages (&plan);
  assert_true (n > 1);

  surface = cairo_pdf_surface_create (path, plan.page_width, plan.page_height);
  cr = cairo_create (surface);
  for (guint page = 0; page < n; page++)
    {
      ladder_print_draw_page (cr, chart, catalogue, findings, layout, &plan, page);
      cairo_show_page (cr);
    }
  assert_int_equal (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  assert_int_equal (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = ladder_test_read (path, &length);
  assert_non_null (data);
  assert_memory_equal (data, "%PDF-", 5);
  assert_int_equal (count_pdf_pages (data, length), n);
  ladder_findings_free (findings);
}

/* The overlap marks sit where the neighbour's copy begins. */
static void
test_page_marks (void **state)
{
  g_autoptr(LadderChart) chart = load_example ("enterprise");
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderRenderOptions options;
  LadderPrintPlan plan;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint8 *pixels;
  int stride;
  int mark_x;

  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, &width, &height);
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, width, height, 400, 300, 0.75, 20);
  assert_true (plan.columns > 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Page 0: a right neighbour, so a tick at x = 400 - 20 at the top. */
  ladder_print_draw_page (cr, chart, ladder_catalogue_get_default (), NULL, layout, &plan, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  mark_x = 400 - 20;
  {
    guint32 at_mark = *(guint32 *) (pixels + 2 * stride + 4 * mark_x);
    guint32 beside = *(guint32 *) (pixels + 2 * stride + 4 * (mark_x - 6));

    assert_true ((at_mark & 0xffffff) != 0xffffff);
    assert_true ((beside & 0xffffff) == 0xffffff);
  }
  /* Page 0 has no left neighbour: no tick at x = 20. */
  assert_true ((*(guint32 *) (pixels + 2 * stride + 4 * 20) & 0xffffff) == 0xffffff);
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------- operation */

static void
export_operation (LadderChart *chart, LadderPrintMode mode, const char *path,
                  GtkPageSetup *setup)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = ladder_print_operation_new (chart, ladder_catalogue_get_default (), mode);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  assert_null (error);
  assert_int_equal (result, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_int_equal (ladder_print_operation_get_mode (operation), mode);
}

static void
test_operation_export (void **state)
{
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *fit_path = g_build_filename (ladder_test_tmpdir (), "fit.pdf", NULL);
  g_autofree char *tile_path = g_build_filename (ladder_test_tmpdir (), "tile.pdf", NULL);
  g_autofree char *data = NULL;
  LadderRenderOptions options;
  LadderPrintPlan plan;
  double width, height;
  gsize length;

  if (!have_display)
    skip ();

  chart = load_example ("enterprise");
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  export_operation (chart, LADDER_PRINT_FIT, fit_path, setup);
  data = ladder_test_read (fit_path, &length);
  assert_non_null (data);
  assert_memory_equal (data, "%PDF-", 5);
  assert_int_equal (count_pdf_pages (data, length), 1);
  g_clear_pointer (&data, g_free);

  /* As many pages as the plan for the same page says. */
  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, &width, &height);
  ladder_print_plan_compute (&plan, LADDER_PRINT_TILE, width, height,
                             gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                             gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS),
                             LADDER_PRINT_TILE_SCALE, LADDER_PRINT_OVERLAP);
  assert_true (ladder_print_plan_get_n_pages (&plan) > 1);

  export_operation (chart, LADDER_PRINT_TILE, tile_path, setup);
  data = ladder_test_read (tile_path, &length);
  assert_non_null (data);
  assert_int_equal (count_pdf_pages (data, length), ladder_print_plan_get_n_pages (&plan));
}

typedef struct {
  guint ticks;
  guint ticks_at_draw;
  guint ticks_at_end;
  guint n_drawn;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  ((Ticks *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
page_asked_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, Ticks *ticks)
{
  ticks->ticks_at_draw = ticks->ticks;
  ticks->n_drawn++;
}

static void
end_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, Ticks *ticks)
{
  ticks->ticks_at_end = ticks->ticks;
}

/* A page of 40,001 people takes a while to draw: it is drawn on a worker
 * while the main loop goes on (a 5 ms timeout runs meanwhile), and the
 * PDF has its one page. */
static void
test_page_drawn_on_a_worker (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (40000);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "worker.pdf", NULL);
  g_autofree char *data = NULL;
  Ticks ticks = { 0 };
  guint tick_id;
  gsize length;

  if (!have_display)
    skip ();
  operation = ladder_print_operation_new (chart, ladder_catalogue_get_default (),
                                          LADDER_PRINT_FIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect_after (operation, "draw-page", G_CALLBACK (page_asked_cb), &ticks);
  g_signal_connect_after (operation, "end-print", G_CALLBACK (end_print_cb), &ticks);
  tick_id = g_timeout_add (5, tick_cb, &ticks);
  assert_int_equal (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                             &error),
                    GTK_PRINT_OPERATION_RESULT_APPLY);
  g_source_remove (tick_id);
  assert_null (error);
  assert_int_equal (ticks.n_drawn, 1);
  assert_true (ticks.ticks_at_end >= ticks.ticks_at_draw + 2);
  data = ladder_test_read (path, &length);
  assert_int_equal (count_pdf_pages (data, length), 1);
}

static void
cancel_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, gpointer data)
{
  gtk_print_operation_cancel (operation);
}

/* Cancelled while its page is drawn on the worker: the operation ends
 * once the worker is done with the page (the sanitizers' run would see a
 * page drawn into a finished surface), and the chart is as it was. */
static void
test_cancel_while_drawing (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (5000);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "cancelled.pdf", NULL);
  GtkPrintOperationResult result;

  if (!have_display)
    skip ();
  operation = ladder_print_operation_new (chart, ladder_catalogue_get_default (),
                                          LADDER_PRINT_FIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect_after (operation, "draw-page", G_CALLBACK (cancel_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  assert_null (error);
  assert_int_not_equal (result, GTK_PRINT_OPERATION_RESULT_ERROR);
  assert_int_equal (ladder_chart_get_n_people (chart), 5001);
}

static GtkWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Print Preview") == 0)
        return window;
    }
  return NULL;
}

typedef struct {
  guint  wait_ms;     /* after the preview is shown, before it is closed */
  gint64 shown;
  gint64 closed;
} PreviewRun;

/* In the operation's own main loop: close the preview once shown and
 * @wait_ms have passed. */
static gboolean
close_preview_cb (gpointer data)
{
  PreviewRun *run = data;
  GtkWindow *window = find_preview ();
  gint64 now = g_get_monotonic_time ();

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  if (run->shown == 0)
    run->shown = now;
  if (now - run->shown < run->wait_ms * 1000)
    return G_SOURCE_CONTINUE;
  run->closed = now;
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/* The preview's page is drawn on a worker: closed before the image came
 * back, or after, the preview ends cleanly (the sanitizers' run would see
 * an image handed to a preview that is gone). */
static void
test_preview_closes (void **state)
{
  static const guint waits[] = { 0, 1500 };
  g_autoptr(LadderChart) chart = NULL;

  if (!have_display)
    skip ();
  chart = load_example ("enterprise");
  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      g_autoptr(GtkPrintOperation) operation = NULL;
      g_autoptr(GError) error = NULL;
      PreviewRun run = { waits[i], 0, 0 };

      /* Removes itself once it has closed the preview. */
      g_timeout_add (10, close_preview_cb, &run);
      operation = ladder_print_operation_new (chart, ladder_catalogue_get_default (),
                                              LADDER_PRINT_FIT);
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
      while (run.closed == 0)
        g_main_context_iteration (NULL, TRUE);
      assert_null (error);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (200000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      assert_null (find_preview ());
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_plan_fit),
    cmocka_unit_test (test_plan_tiles),
    cmocka_unit_test (test_pages_on_pdf),
    cmocka_unit_test (test_page_marks),
    cmocka_unit_test (test_operation_export),
    cmocka_unit_test (test_page_drawn_on_a_worker),
    cmocka_unit_test (test_cancel_while_drawing),
    cmocka_unit_test (test_preview_closes),
  };

  have_display = gtk_init_check ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
