/* test-export.c — every format written whole and valid, errors that
 * leave nothing behind, and charts too big for one PNG. */
#include "ladder-test-util.h"

#include "ladder-export.h"
#include "ladder-layout.h"
#include "ladder-render.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

static LadderChart *
sample_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo1", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  guint cpo = ladder_chart_add_person (chart, "cpo1", "cpo", ceo, LADDER_NONE, NULL);
  guint vp = ladder_chart_add_person (chart, "vp1", "vp-product", cpo, LADDER_NONE, NULL);

  ladder_chart_set_title (chart, "Export <test> & co");
  ladder_chart_set_name (chart, ceo, "Ada Obi");
  ladder_chart_set_name (chart, cpo, "Ben Cruz");
  ladder_chart_set_name (chart, vp, "Sam Lee");
  return chart;
}

static guint
count_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (ladder_test_tmpdir (), 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir))
    n++;
  return n;
}

/* Width and height from a PNG's IHDR. */
static void
png_size (const char *data, gsize length, guint *width, guint *height)
{
  const guchar *d = (const guchar *) data;

  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_true (memcmp (data + 12, "IHDR", 4) == 0);
  *width = (guint) d[16] << 24 | d[17] << 16 | d[18] << 8 | d[19];
  *height = (guint) d[20] << 24 | d[21] << 16 | d[22] << 8 | d[23];
}

static void
drawing_size (LadderChart *chart, double *width, double *height)
{
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderRenderOptions options;

  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, width, height);
}

static char *
export (LadderChart *chart, const char *name, LadderExportOptions *options, gsize *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), name, NULL);
  g_autoptr(LadderCatalogue) catalogue = g_object_ref (ladder_catalogue_get_default ());
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  char *data;

  g_assert_true (ladder_export_file (chart, catalogue, findings, path, options, &error));
  g_assert_no_error (error);
  data = ladder_test_read (path, length);
  g_assert_nonnull (data);
  return data;
}

static void
test_png (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  LadderExportOptions options = { 0 };
  gsize length;
  g_autofree char *data = export (chart, "chart.png", &options, &length);
  g_autofree char *data1 = NULL;
  guint width, height;
  double w, h;

  drawing_size (chart, &w, &h);
  png_size (data, length, &width, &height);
  /* Small enough: twice the size, for sharpness. */
  g_assert_cmpuint (width, ==, (guint) ceil (2 * w));
  g_assert_cmpuint (height, ==, (guint) ceil (2 * h));
  g_assert_null (options.notice);

  options.scale = 1;
  data1 = export (chart, "chart1.png", &options, &length);
  png_size (data1, length, &width, &height);
  g_assert_cmpuint (width, ==, (guint) ceil (w));
  g_assert_cmpuint (height, ==, (guint) ceil (h));
  g_assert_null (options.notice);
}

static void
test_transparent_png (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  LadderExportOptions options = { 1, TRUE, NULL };
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "clear.png", NULL);
  gsize length;
  g_autofree char *data = export (chart, "clear.png", &options, &length);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const guchar *pixels;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  pixels = cairo_image_surface_get_data (surface);
  g_assert_cmpuint (*(const guint32 *) pixels >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_pdf (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  gsize length;
  g_autofree char *data = export (chart, "chart.PDF", NULL, &length);

  g_assert_cmpuint (length, >, 500);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strstr_len (data + length - 32, 32, "%%EOF"));
}

static void
test_svg (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  gsize length;
  g_autofree char *data = export (chart, "chart.svg", NULL, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "chart.svg", "UTF-8", XML_PARSE_NONET);
  xmlNode *root;
  double w, h;
  g_autofree char *expected_width = NULL;
  xmlChar *width;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  drawing_size (chart, &w, &h);
  expected_width = g_strdup_printf ("%d", (int) ceil (w));
  width = xmlGetProp (root, (const xmlChar *) "width");
  g_assert_cmpstr ((const char *) width, ==, expected_width);
  xmlFree (width);
  g_assert_nonnull (strstr (data, ">Ada Obi</text>"));
  g_assert_nonnull (strstr (data, ">Export &lt;test&gt; &amp; co</text>"));
  xmlFreeDoc (doc);
}

static void
test_chart_formats (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  gsize length;
  g_autofree char *xml = export (chart, "chart.ladder", NULL, &length);
  g_autofree char *csv = export (chart, "chart.csv", NULL, &length);

  g_assert_true (g_str_has_prefix (xml, "<?xml"));
  g_assert_nonnull (strstr (xml, "<orgchart"));
  g_assert_nonnull (strstr (xml, "name=\"Ben Cruz\""));
  g_assert_nonnull (strstr (csv, "Ben Cruz"));
}

static void
test_errors_leave_nothing (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  g_autofree char *unknown = g_build_filename (ladder_test_tmpdir (), "chart.gif", NULL);
  g_autofree char *none = g_build_filename (ladder_test_tmpdir (), "chart", NULL);
  g_autofree char *missing_dir = g_build_filename (ladder_test_tmpdir (), "no", "such", "chart.png", NULL);
  g_autofree char *is_dir = g_build_filename (ladder_test_tmpdir (), "taken.svg", NULL);
  g_autofree char *expected = NULL;
  guint before;
  GError *error = NULL;

  before = count_files ();
  g_assert_false (ladder_export_file (chart, NULL, NULL, unknown, NULL, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  expected = g_strdup_printf ("%s: error: ", unknown);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  g_assert_false (ladder_export_file (chart, NULL, NULL, none, NULL, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ladder_export_file (chart, NULL, NULL, missing_dir, NULL, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing_dir));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (), ==, before);

  /* The whole drawing is written, then the rename fails: the temporary
   * file goes, what was at OUT stays. */
  g_assert_cmpint (g_mkdir (is_dir, 0755), ==, 0);
  before = count_files ();
  g_assert_false (ladder_export_file (chart, NULL, NULL, is_dir, NULL, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, is_dir));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (), ==, before);
  g_assert_true (g_file_test (is_dir, G_FILE_TEST_IS_DIR));
  g_rmdir (is_dir);
}

/* Too wide for 32767 px at 1:1, readable at the scale that fits. */
static void
test_wide_png_scaled (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (200);
  LadderExportOptions options = { 0 };
  gsize length;
  g_autofree char *data = NULL;
  guint width, height;
  double w, h, scale;

  drawing_size (chart, &w, &h);
  g_assert_cmpfloat (w, >, 40000);
  scale = 32767.0 / w;
  g_assert_cmpfloat (scale * 10.5, >=, 6.0);

  data = export (chart, "wide.png", &options, &length);
  png_size (data, length, &width, &height);
  g_assert_cmpuint (width, ==, (guint) ceil (w * scale - 0.01));
  g_assert_cmpuint (height, ==, (guint) ceil (h * scale - 0.01));
  g_assert_nonnull (options.notice);
  g_assert_nonnull (strstr (options.notice, "scaled to 0.8"));
  g_clear_pointer (&options.notice, g_free);
}

/* Readable or refused: 400 reports would need text 4.3 px high. */
static void
test_huge_png_refused (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (400);
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "huge.png", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  LadderExportOptions options = { 0 };
  guint before = count_files ();
  double w, h;

  drawing_size (chart, &w, &h);
  expected = g_strdup_printf ("%s: error: the chart is %.0f × %.0f px, too large for a readable "
                              "PNG (its text would be %.1f px high); export part of it with "
                              "--levels=N or --root=ID, or export SVG or PDF",
                              path, w, h, 32767.0 / w * 10.5);
  g_assert_false (ladder_export_file (chart, NULL, NULL, path, &options, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (count_files (), ==, before);
  g_assert_null (options.notice);
}

/* A scale asked for is refused too when text would be below 6 px. */
static void
test_small_scale_refused (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  g_autoptr(GError) error = NULL;
  LadderExportOptions options = { .scale = 0.5 };
  g_autoptr(GBytes) png = NULL;

  g_assert_null (ladder_export_bytes (chart, NULL, NULL, "png", &options, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "chart.png: error: at this scale the text would be 5.2 px high, too small to "
                   "read (at least 6 px); use a larger --scale, export part of the chart with "
                   "--levels=N or --root=ID, or export SVG or PDF");
  options.scale = 0.6;
  png = ladder_export_bytes (chart, NULL, NULL, "png", &options, NULL);
  g_assert_nonnull (png);
}

static void
test_bytes (void **state)
{
  g_autoptr(LadderChart) chart = sample_chart ();
  g_autoptr(GBytes) svg = ladder_export_bytes (chart, NULL, NULL, "svg", NULL, NULL);
  g_autoptr(GBytes) png = ladder_export_bytes (chart, NULL, NULL, "png", NULL, NULL);
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);

  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (g_strstr_len (data, length, "</svg>"));
  g_assert_true (memcmp (g_bytes_get_data (png, NULL), "\x89PNG", 4) == 0);
  g_assert_null (ladder_export_bytes (chart, NULL, NULL, "bmp", NULL, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_clear_error (&error);
}

/* 20,000 people: the whole chart in SVG; as PNG and PDF too big to be
 * read (852 pages of A3), refused with what to do instead, and written
 * with --levels. */
static void
test_big_chart (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  const char *formats[] = { "big.svg", "big.pdf", "big.png" };

  ladder_chart_add_person (chart, NULL, "ceo", LADDER_NONE, LADDER_NONE, NULL);
  for (guint i = 1; i < 20000; i++)
    {
      guint p = ladder_chart_add_person (chart, NULL, i % 3 ? "pm" : "senior-pm",
                                         (i - 1) / 6, LADDER_NONE, NULL);
      char name[32];

      g_snprintf (name, sizeof name, "Person %u", i);
      ladder_chart_set_name (chart, p, name);
    }
  ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      LadderExportOptions options = { 0 };
      g_autofree char *path = g_build_filename (ladder_test_tmpdir (), formats[f], NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      gsize length;
      g_autofree char *data = NULL;

      if (f > 0)
        {
          g_assert_false (ladder_export_file (chart, NULL, NULL, path, &options, &error));
          g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "--levels=N or --root=ID"));
          if (f == 1)
            g_assert_nonnull (strstr (error->message, "852 pages of a3-landscape"));
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          options.levels = 4;
        }
      data = export (chart, formats[f], &options, &length);
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes in %.0f ms", formats[f], length,
                      (g_get_monotonic_time () - start) / 1000.0);
      if (f == 0)
        g_assert_nonnull (strstr (data, ">Person 19999</text>"));
      if (f == 1)
        g_assert_true (g_str_has_prefix (data, "%PDF-"));
      if (f == 2)
        g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
      g_free (options.notice);
    }
}

/* A million-deep chain: 112 million units tall.  No PNG can show it
 * readably: refused, not squeezed into a strip. */
static void
test_million_chain_png (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "chain.png", NULL);
  g_autoptr(GError) error = NULL;
  LadderExportOptions options = { 0 };
  guint last = LADDER_NONE;

  for (guint i = 0; i < 1000000; i++)
    last = ladder_chart_add_person (chart, NULL, "pm", last, LADDER_NONE, NULL);
  g_assert_false (ladder_export_file (chart, NULL, NULL, path, &options, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too large for a readable PNG"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_png),
    cmocka_unit_test (test_transparent_png),
    cmocka_unit_test (test_pdf),
    cmocka_unit_test (test_svg),
    cmocka_unit_test (test_chart_formats),
    cmocka_unit_test (test_errors_leave_nothing),
    cmocka_unit_test (test_wide_png_scaled),
    cmocka_unit_test (test_huge_png_refused),
    cmocka_unit_test (test_small_scale_refused),
    cmocka_unit_test (test_bytes),
    cmocka_unit_test (test_big_chart),
    cmocka_unit_test (test_million_chain_png),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
