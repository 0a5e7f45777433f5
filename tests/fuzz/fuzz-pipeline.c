/* fuzz-pipeline.c — everything a file goes through when it is opened
 *
 * Load (XML when the input starts with '<', CSV otherwise), validate
 * against the built-in rules, lay out, and render: to SVG in memory,
 * which must then be well-formed XML (a name like "<b>&" must be
 * escaped), and for small charts to a cairo recording surface too.
 */
#include <math.h>
#include <string.h>
#include <libxml/parser.h>

#include "fuzz-common.h"
#include "ladder-io.h"
#include "ladder-validate.h"
#include "ladder-layout.h"
#include "ladder-render.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  xmlInitParser ();
  return 0;
}

static gboolean
append_to_string (gpointer    closure,
                  const char *data,
                  gsize       length)
{
  g_string_append_len (closure, data, length);
  return TRUE;
}

static gboolean
looks_like_xml (const uint8_t *data,
                size_t         size)
{
  size_t i = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  return i < size && data[i] == '<';
}

static void
check_svg (const GString *svg)
{
  xmlDocPtr doc = xmlReadMemory (svg->str, (int) svg->len, "fuzz.svg", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                                 | XML_PARSE_HUGE);

  if (doc == NULL)
    {
      fprintf (stderr, "the SVG output is not well-formed XML:\n%.*s\n",
               (int) MIN (svg->len, 4000), svg->str);
      abort ();
    }
  xmlFreeDoc (doc);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(LadderLayout) layout = NULL;
  g_autoptr(GString) svg = g_string_new (NULL);
  LadderRenderOptions options;
  LadderDraw *draw;
  double width, height;

  if (looks_like_xml (data, size))
    chart = ladder_xml_read_memory ((const char *) data, size, "fuzz.ladder", &error);
  else
    chart = ladder_csv_read_memory ((const char *) data, size, "fuzz.csv", catalogue, NULL, &error);
  if (chart == NULL)
    return 0;

  findings = ladder_validate (chart, catalogue);
  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);

      if (!ladder_chart_is_alive (chart, finding->person) || finding->message == NULL)
        abort ();
    }

  layout = ladder_layout_new ();
  ladder_layout_compute (layout, chart);
  for (guint p = 0; p < ladder_chart_get_capacity (chart); p++)
    {
      const LadderBox *box = ladder_layout_get_box (layout, p);

      if (!ladder_chart_is_alive (chart, p))
        continue;
      if (box == NULL || !isfinite (box->x) || !isfinite (box->y))
        abort ();
    }

  ladder_render_options_init (&options);
  options.draw_title = TRUE;
  ladder_render_get_size (layout, chart, &options, &width, &height);
  if (!isfinite (width) || !isfinite (height) || width < 0 || height < 0)
    abort ();

  draw = ladder_draw_svg_new (append_to_string, svg, width, height,
                              ladder_chart_get_title (chart));
  ladder_render_chart (draw, chart, catalogue, layout, findings, &options);
  if (!ladder_draw_svg_finish (draw))
    abort ();
  ladder_draw_free (draw);
  check_svg (svg);

  /* Pango through cairo is slow under the sanitizers: small charts only. */
  if (ladder_chart_get_n_people (chart) <= 64)
    {
      cairo_rectangle_t extents = { 0, 0, MIN (width, 4096), MIN (height, 4096) };
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                 &extents);
      cairo_t *cr = cairo_create (surface);

      draw = ladder_draw_cairo_new (cr);
      ladder_render_chart (draw, chart, catalogue, layout, findings, &options);
      ladder_draw_free (draw);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        abort ();
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return 0;
}
