/* test-export-formats.c — the other tools' formats (.json, .dot, .mmd,
 * .graphml, .drawio), what each export shows (--root, --levels, folds,
 * --findings) and PDFs tiled over pages. */
#define _GNU_SOURCE   /* memmem */
#include "ladder-test-util.h"

#include "ladder-export.h"
#include "ladder-import.h"
#include "ladder-io.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/* Names that break naive quoting: quotes, <, &, a line break, a control
 * character; a vacancy, an assistant with a dotted line. */
static LadderChart *
tricky_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo1", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  guint cpo = ladder_chart_add_person (chart, "cpo1", "cpo", ceo, LADDER_NONE, NULL);
  guint vp = ladder_chart_add_person (chart, "vp1", "vp-product", cpo, LADDER_NONE, NULL);
  guint cy = ladder_chart_add_person (chart, "asst", "pm", ceo, LADDER_NONE, NULL);

  ladder_chart_set_title (chart, "Acme \"R&D\" <team>");
  ladder_chart_set_name (chart, ceo, "Ada \"The Boss\" <Obi> & co");
  ladder_chart_set_name (chart, cpo, "Ben\nCruz");
  ladder_chart_set_person_title (chart, cpo, "Chief\001Product\\Officer #1");
  ladder_chart_set_note (chart, cpo, "Line 1\nLine 2");
  ladder_chart_set_vacant (chart, vp, TRUE);
  ladder_chart_set_person_title (chart, vp, "VP, Core Platform");
  ladder_chart_set_name (chart, cy, "Cy");
  ladder_chart_set_assistant (chart, cy, TRUE);
  g_assert_true (ladder_chart_add_dotted_line (chart, cy, cpo, NULL));
  return chart;
}

static char *
export_text (LadderChart *chart, const char *format, LadderExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ladder_export_bytes (chart, ladder_catalogue_get_default (), NULL,
                                                 format, options, &error);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  g_assert_null (memchr (data, 0, length));
  return g_strndup (data, length);
}

static void
test_json (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *json = export_text (chart, "json", NULL);
  g_autoptr(LadderChart) empty = ladder_chart_new ();
  g_autofree char *none = export_text (empty, "json", NULL);

  g_assert_cmpstr (json, ==,
    "[\n"
    "  {\"id\": \"ceo1\", \"name\": \"Ada \\\"The Boss\\\" <Obi> & co\", \"role\": \"ceo\", "
    "\"title\": null, \"manager\": null, \"vacant\": false, \"assistant\": false, "
    "\"dotted\": [], \"note\": null},\n"
    "  {\"id\": \"cpo1\", \"name\": \"Ben\\nCruz\", \"role\": \"cpo\", "
    "\"title\": \"Chief\\u0001Product\\\\Officer #1\", \"manager\": \"ceo1\", \"vacant\": false, "
    "\"assistant\": false, \"dotted\": [], \"note\": \"Line 1\\nLine 2\"},\n"
    "  {\"id\": \"vp1\", \"name\": null, \"role\": \"vp-product\", \"title\": \"VP, Core Platform\", "
    "\"manager\": \"cpo1\", \"vacant\": true, \"assistant\": false, \"dotted\": [], \"note\": null},\n"
    "  {\"id\": \"asst\", \"name\": \"Cy\", \"role\": \"pm\", \"title\": null, \"manager\": \"ceo1\", "
    "\"vacant\": false, \"assistant\": true, \"dotted\": [\"cpo1\"], \"note\": null}\n"
    "]\n");
  g_assert_cmpstr (none, ==, "[]\n");
}

static const char tricky_dot[] =
  "digraph ladder {\n"
  "  label=\"Acme \\\"R&D\\\" <team>\";\n"
  "  labelloc=t;\n"
  "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#FFFFFF\", fontname=\"Sans\"];\n"
  "  edge [arrowhead=none];\n"
  "  \"ceo1\" [label=\"Ada \\\"The Boss\\\" <Obi> & co\\nCEO\"];\n"
  "  \"cpo1\" [label=\"Ben Cruz\\nChief Product\\\\Officer #1\"];\n"
  "  \"vp1\" [label=\"Vacant\\nVP, Core Platform\", style=\"rounded,dashed\"];\n"
  "  \"asst\" [label=\"Cy\\nProduct Manager\"];\n"
  "  \"ceo1\" -> \"cpo1\";\n"
  "  \"cpo1\" -> \"vp1\";\n"
  "  \"ceo1\" -> \"asst\";\n"
  "  \"asst\" -> \"cpo1\" [style=dashed, constraint=false];\n"
  "}\n";

static void
test_dot (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *dot = export_text (chart, "dot", NULL);

  g_assert_cmpstr (dot, ==, tricky_dot);
}

/* Graphviz itself reads it, names intact (tools/deps.sh installs it for
 * the tests). */
static void
test_dot_accepted_by_graphviz (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *dot_path = g_find_program_in_path ("dot");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dot_path == NULL)
    {
      print_message ("graphviz's dot is not installed: skipped\n");
      skip ();
    }
  path = g_build_filename (ladder_test_tmpdir (), "tricky.dot", NULL);
  g_assert_true (ladder_export_file (chart, NULL, NULL, path, NULL, &error));
  {
    const char *argv[] = { dot_path, "-Tsvg", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, ">Ada &quot;The Boss&quot; &lt;Obi&gt; &amp; co</text>"));
  g_assert_nonnull (strstr (out, ">Chief Product\\Officer #1</text>"));
}

static void
test_mermaid (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *mmd = export_text (chart, "mmd", NULL);

  g_assert_cmpstr (mmd, ==,
    "---\n"
    "title: \"Acme \\\"R&D\\\" <team>\"\n"
    "---\n"
    "flowchart TD\n"
    "  n0[\"Ada #34;The Boss#34; #60;Obi#62; #38; co<br/>CEO\"]\n"
    "  n1[\"Ben Cruz<br/>Chief Product\\Officer #35;1\"]\n"
    "  n2[\"Vacant<br/>VP, Core Platform\"]:::vacant\n"
    "  n3[\"Cy<br/>Product Manager\"]\n"
    "  n0 --> n1\n"
    "  n1 --> n2\n"
    "  n0 --> n3\n"
    "  n3 -.-> n1\n"
    "  classDef vacant stroke-dasharray: 5 5\n");
}

/* Parsed by libxml2 with its strictest checks; the XPath context knows
 * the formats' namespaces. */
static xmlDoc *
parse_strictly (const char *text)
{
  xmlDoc *doc = xmlReadMemory (text, strlen (text), "export.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static char *
xpath_string (xmlDoc *doc, const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  char *text;

  xmlXPathRegisterNs (context, BAD_CAST "g", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
  xmlXPathRegisterNs (context, BAD_CAST "y", BAD_CAST "http://www.yworks.com/xml/graphml");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  text = (char *) xmlXPathCastToString (result);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return text;
}

static void
assert_xpath (xmlDoc *doc, const char *expression, const char *expected)
{
  char *text = xpath_string (doc, expression);

  g_assert_cmpstr (text, ==, expected);
  xmlFree (text);
}

static void
test_graphml (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *graphml = export_text (chart, "graphml", NULL);
  xmlDoc *doc = parse_strictly (graphml);

  assert_xpath (doc, "count(/g:graphml/g:graph/g:node)", "4");
  assert_xpath (doc, "count(//g:node/g:data/y:ShapeNode)", "4");
  assert_xpath (doc, "count(/g:graphml/g:graph/g:edge)", "4");
  assert_xpath (doc, "string(//g:node[@id='ceo1']//y:NodeLabel)",
                "Ada \"The Boss\" <Obi> & co\nCEO");
  assert_xpath (doc, "string(//g:node[@id='cpo1']//y:NodeLabel)",
                "Ben Cruz\nChief Product\\Officer #1");
  assert_xpath (doc, "string(//g:node[@id='cpo1']/g:data[@key='note'])", "Line 1\nLine 2");
  /* Ladder's positions: the CEO's card where the layout puts it. */
  assert_xpath (doc, "string(//g:node[@id='ceo1']//y:Geometry/@width)", "180.0");
  assert_xpath (doc, "string(//g:node[@id='vp1']//y:BorderStyle/@type)", "dashed");
  assert_xpath (doc, "count(//g:edge[@source='asst'][@target='cpo1']//y:LineStyle[@type='dashed'])",
                "1");
  assert_xpath (doc, "count(//g:edge[@source='ceo1'][@target='cpo1']//y:LineStyle[@type='line'])",
                "1");
  /* Reporting lines follow Ladder's: out of the bottom of the manager's
   * card, into the top of a report's, and into the side of an assistant's. */
  assert_xpath (doc, "count(//g:edge//y:Path)", "3");
  assert_xpath (doc, "string(//g:edge[@target='vp1']//y:Path/@sy)", "40.0");
  assert_xpath (doc, "string(//g:edge[@target='vp1']//y:Path/@ty)", "-40.0");
  assert_xpath (doc, "string(//g:edge[@target='asst']//y:Path/@ty)", "0.0");
  assert_xpath (doc, "count(//g:edge[@source='asst']//y:Path)", "0");
  xmlFreeDoc (doc);
}

static void
test_drawio (void **state)
{
  g_autoptr(LadderChart) chart = tricky_chart ();
  g_autofree char *drawio = export_text (chart, "drawio", NULL);
  xmlDoc *doc = parse_strictly (drawio);

  assert_xpath (doc, "string(/mxfile/diagram/@name)", "Acme \"R&D\" <team>");
  assert_xpath (doc, "count(//mxCell[@vertex='1'])", "4");
  assert_xpath (doc, "count(//mxCell[@edge='1'])", "4");
  assert_xpath (doc, "string(//mxCell[@id='person-ceo1']/@value)",
                "Ada \"The Boss\" <Obi> & co\nCEO");
  assert_xpath (doc, "string(//mxCell[@id='line-vp1']/@source)", "person-cpo1");
  assert_xpath (doc, "string(//mxCell[@id='line-vp1']/@target)", "person-vp1");
  assert_xpath (doc, "count(//mxCell[@source='person-asst'][@target='person-cpo1']"
                     "[contains(@style,'dashed=1')])", "1");
  assert_xpath (doc, "count(//mxCell[@vertex='1'][contains(@style,'dashed=1')])", "1");
  assert_xpath (doc, "string(//mxCell[@id='person-ceo1']/mxGeometry/@height)", "80.0");
  xmlFreeDoc (doc);
}

/* ceo1 > cpo1 > vp1 > (pm1, pm2); vp1 has a dotted line to ceo1 (leaves
 * the CPO's team) and pm2 one to pm1 (inside it). */
static LadderChart *
deep_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  const char *ids[] = { "ceo1", "cpo1", "vp1", "pm1", "pm2" };
  const char *roles[] = { "ceo", "cpo", "vp-product", "pm", "pm" };
  const char *names[] = { "Ada Obi", "Ben Cruz", "Chen Li", "Dev Roy", "Eve Ng" };
  guint people[5];

  for (guint i = 0; i < 5; i++)
    {
      people[i] = ladder_chart_add_person (chart, ids[i], roles[i],
                                           i == 0 ? LADDER_NONE : people[MIN (i - 1, 2)],
                                           LADDER_NONE, NULL);
      ladder_chart_set_name (chart, people[i], names[i]);
    }
  g_assert_true (ladder_chart_add_dotted_line (chart, people[2], people[0], NULL));
  g_assert_true (ladder_chart_add_dotted_line (chart, people[4], people[3], NULL));
  return chart;
}

static const char *
person_line (const char *json, const char *id)
{
  g_autofree char *key = g_strdup_printf ("{\"id\": \"%s\"", id);

  return strstr (json, key);
}

static void
test_root (void **state)
{
  g_autoptr(LadderChart) chart = deep_chart ();
  LadderExportOptions options = { .root = "cpo1" };
  g_autofree char *json = export_text (chart, "json", &options);
  g_autofree char *svg = export_text (chart, "svg", &options);
  g_autoptr(GError) error = NULL;

  g_assert_null (person_line (json, "ceo1"));
  g_assert_true (g_str_has_prefix (person_line (json, "cpo1"),
                                   "{\"id\": \"cpo1\", \"name\": \"Ben Cruz\", \"role\": \"cpo\", "
                                   "\"title\": null, \"manager\": null,"));
  /* The dotted line leaving the team is dropped, the one inside kept. */
  g_assert_nonnull (strstr (person_line (json, "vp1"), "\"dotted\": [],"));
  g_assert_nonnull (strstr (person_line (json, "pm2"), "\"dotted\": [\"pm1\"],"));
  g_assert_null (strstr (svg, ">Ada Obi</text>"));
  g_assert_nonnull (strstr (svg, ">Eve Ng</text>"));

  /* The chart's own formats the same: through the CSV and XML writers. */
  {
    g_autofree char *csv_path = g_build_filename (ladder_test_tmpdir (), "team.csv", NULL);
    g_autofree char *xml_path = g_build_filename (ladder_test_tmpdir (), "team.ladder", NULL);
    g_autofree char *csv = NULL;
    g_autofree char *xml = NULL;

    g_assert_true (ladder_export_file (chart, NULL, NULL, csv_path, &options, NULL));
    g_assert_true (ladder_export_file (chart, NULL, NULL, xml_path, &options, NULL));
    csv = ladder_test_read (csv_path, NULL);
    xml = ladder_test_read (xml_path, NULL);
    g_assert_cmpstr (csv, ==,
                     "id,name,role,manager,title,vacant,assistant,dotted,note\r\n"
                     "cpo1,Ben Cruz,cpo,,,,,,\r\n"
                     "vp1,Chen Li,vp-product,cpo1,,,,,\r\n"
                     "pm1,Dev Roy,pm,vp1,,,,,\r\n"
                     "pm2,Eve Ng,pm,vp1,,,,pm1,\r\n");
    g_assert_nonnull (strstr (xml, "<person id=\"cpo1\" role=\"cpo\" name=\"Ben Cruz\"/>"));
    g_assert_null (strstr (xml, "ceo1"));
  }

  options.root = "nobody";
  g_assert_null (ladder_export_bytes (chart, NULL, NULL, "json", &options, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "chart.json: error: --root: nobody on the chart has the id “nobody”");
}

/* In a picture the deeper teams are folded, with their counts; a data
 * format leaves them out. */
static void
test_levels (void **state)
{
  g_autoptr(LadderChart) chart = deep_chart ();
  LadderExportOptions options = { .levels = 2 };
  g_autofree char *json = export_text (chart, "json", &options);
  g_autofree char *svg = export_text (chart, "svg", &options);
  g_autofree char *mmd = export_text (chart, "mmd", &options);

  g_assert_nonnull (person_line (json, "cpo1"));
  g_assert_null (person_line (json, "vp1"));
  g_assert_cmpstr (mmd, ==,
                   "flowchart TD\n"
                   "  n0[\"Ada Obi<br/>CEO\"]\n"
                   "  n1[\"Ben Cruz<br/>Chief Product Officer\"]\n"
                   "  n0 --> n1\n");
  g_assert_nonnull (strstr (svg, ">Ben Cruz</text>"));
  g_assert_null (strstr (svg, ">Chen Li</text>"));
  g_assert_nonnull (strstr (svg, ">+3</text>"));
}

/* collapsed="true" is the view's: every export still shows everyone,
 * unless "as shown". */
static void
test_folds_ignored (void **state)
{
  g_autoptr(LadderChart) chart = deep_chart ();
  LadderExportOptions as_shown = { .as_shown = TRUE };
  g_autofree char *svg = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *graphml = NULL;

  ladder_chart_set_collapsed (chart, ladder_chart_lookup (chart, "cpo1"), TRUE);
  svg = export_text (chart, "svg", NULL);
  graphml = export_text (chart, "graphml", NULL);
  shown = export_text (chart, "svg", &as_shown);
  g_assert_nonnull (strstr (svg, ">Chen Li</text>"));
  g_assert_nonnull (strstr (svg, ">Eve Ng</text>"));
  g_assert_null (strstr (svg, ">+3</text>"));
  g_assert_nonnull (strstr (graphml, ">Eve Ng\nProduct Manager</y:NodeLabel>"));
  g_assert_null (strstr (shown, ">Chen Li</text>"));
  g_assert_nonnull (strstr (shown, ">+3</text>"));
  /* The chart itself keeps its fold. */
  g_assert_true (ladder_chart_get_collapsed (chart, ladder_chart_lookup (chart, "cpo1")));
}

/* Pictures are clean for slides; --findings adds the marks. */
static void
test_findings_switch (void **state)
{
  g_autofree char *path = ladder_test_source_path ("examples/enterprise.ladder");
  g_autoptr(LadderCatalogue) catalogue = g_object_ref (ladder_catalogue_get_default ());
  g_autoptr(LadderChart) chart = ladder_load_file (path, catalogue, NULL, NULL);
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  LadderExportOptions marked = { .findings = TRUE };
  g_autoptr(GBytes) clean = ladder_export_bytes (chart, catalogue, findings, "svg", NULL, NULL);
  g_autoptr(GBytes) with = ladder_export_bytes (chart, catalogue, findings, "svg", &marked, NULL);
  g_autofree char *clean_svg = g_strndup (g_bytes_get_data (clean, NULL), g_bytes_get_size (clean));
  g_autofree char *with_svg = g_strndup (g_bytes_get_data (with, NULL), g_bytes_get_size (with));

  g_assert_null (strstr (clean_svg, ">!</text>"));
  g_assert_null (strstr (clean_svg, "#d92d20"));
  g_assert_nonnull (strstr (with_svg, ">!</text>"));
  g_assert_nonnull (strstr (with_svg, "#d92d20"));

  /* A team exported alone keeps the chart's findings: Helen Park, a VP
   * under a PM, has her error, not the warning that a VP without a
   * manager would get. */
  {
    LadderExportOptions team = { .findings = TRUE, .root = "vp-partners" };
    g_autoptr(GBytes) part = ladder_export_bytes (chart, catalogue, findings, "svg", &team, NULL);
    g_autofree char *part_svg = g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
    const char *helen = strstr (part_svg, "<g id=\"person-vp-partners\">");
    const char *next;

    g_assert_nonnull (helen);
    next = strstr (helen + 1, "<g id=\"person-");
    g_assert_nonnull (g_strstr_len (helen, next ? next - helen : -1, "fill=\"#d92d20\""));
    g_assert_null (strstr (part_svg, "#f79009"));
    g_assert_null (strstr (part_svg, ">Carlos Mendes</text>"));
  }
}

/* Pages of a PDF from cairo: each page object is "/Type /Page % N". */
static guint
count_pdf_pages (GBytes *pdf)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *end = data + length;
  const char *at = data;
  guint n = 0;

  while ((at = memmem (at, end - at, "/Type /Page %", 13)) != NULL)
    {
      n++;
      at += 13;
    }
  return n;
}

static gboolean
pdf_contains (GBytes *pdf, const char *text)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);

  return memmem (data, length, text, strlen (text)) != NULL;
}

static void
test_pdf_pages (void **state)
{
  g_autoptr(LadderChart) small = deep_chart ();
  g_autoptr(LadderChart) wide = ladder_test_wide_chart (100);
  LadderExportOptions a4 = { .page = "A4-landscape" };
  LadderExportOptions none = { 0 };
  g_autoptr(GBytes) one = ladder_export_bytes (small, NULL, NULL, "pdf", &a4, NULL);
  g_autoptr(GBytes) fits = ladder_export_bytes (wide, NULL, NULL, "pdf", &none, NULL);
  g_autoptr(GBytes) tiled = NULL;

  g_assert_cmpuint (count_pdf_pages (one), ==, 1);
  g_assert_true (pdf_contains (one, "/MediaBox [ 0 0 841.89 595.276 ]"));
  g_clear_pointer (&a4.notice, g_free);

  /* 100 reports: 20,440 px wide, 15,330 pt: past 200 inches, so A3
   * landscape tiles of 1,134 pt with 18 pt of overlap: 14 across. */
  g_assert_cmpuint (count_pdf_pages (fits), ==, 14);
  g_assert_cmpstr (none.notice, ==, "chart.pdf: tiled over 14 pages of a3-landscape");
  g_clear_pointer (&none.notice, g_free);

  /* A4 portrait: 539 pt of chart a page, 521 pt on from the last. */
  a4.page = "a4";
  tiled = ladder_export_bytes (wide, NULL, NULL, "pdf", &a4, NULL);
  g_assert_cmpuint (count_pdf_pages (tiled), ==, 30);
  g_assert_true (pdf_contains (tiled, "/MediaBox [ 0 0 595.276 841.89 ]"));
  g_clear_pointer (&a4.notice, g_free);
}

/* 5,000 reports side by side: 1,020,040 px, 765,030 pt, 1,117 pt a page. */
static void
test_pdf_refused_past_500_pages (void **state)
{
  g_autoptr(LadderChart) wide = ladder_test_wide_chart (5000);
  g_autoptr(GError) error = NULL;
  LadderExportOptions options = { 0 };

  g_assert_null (ladder_export_bytes (wide, NULL, NULL, "pdf", &options, &error));
  g_assert_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "chart.pdf: error: the chart would take 686 pages of a3-landscape (686 across, "
                   "1 down), more than 500; export part of it with --levels=N or --root=ID");
  g_clear_error (&error);
  options.page = "a5";
  g_assert_null (ladder_export_bytes (wide, NULL, NULL, "pdf", &options, &error));
  g_assert_cmpstr (error->message, ==,
                   "chart.pdf: error: unknown page size “a5” (use a4, a3, letter or legal, "
                   "optionally with -landscape)");
}

/* A title wraps to a second line and ends in "…" when even that is
 * too short; the card's <title> holds the whole name and title. */
static void
test_svg_title_lines (void **state)
{
  const char *long_title = "VP of Product, Core Platform, Infrastructure and Developer Experience";
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint vp = ladder_chart_add_person (chart, "vp1", "vp-product", LADDER_NONE, LADDER_NONE, NULL);
  guint cy = ladder_chart_add_person (chart, "cy", "pm", vp, LADDER_NONE, NULL);
  g_autofree char *svg = NULL;
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *y1 = NULL;
  g_autofree char *y2 = NULL;
  g_autofree char *joined = NULL;
  xmlDoc *doc;

  ladder_chart_set_name (chart, vp, "Grace <Kim> & Co");
  ladder_chart_set_person_title (chart, vp, long_title);
  ladder_chart_set_name (chart, cy, "Cy");
  svg = export_text (chart, "svg", NULL);
  doc = parse_strictly (svg);

  assert_xpath (doc, "string(//*[local-name()='g'][@id='person-vp1']/*[local-name()='title'])",
                "Grace <Kim> & Co — VP of Product, Core Platform, Infrastructure and Developer "
                "Experience");
  assert_xpath (doc, "string(//*[local-name()='g'][@id='person-cy']/*[local-name()='title'])",
                "Cy — Product Manager");
  assert_xpath (doc, "count(//*[local-name()='g'][@id='person-vp1']/*[local-name()='text'])", "3");
  assert_xpath (doc, "count(//*[local-name()='g'][@id='person-cy']/*[local-name()='text'])", "2");

  line1 = xpath_string (doc, "string(//*[local-name()='g'][@id='person-vp1']/*[local-name()='text'][2])");
  line2 = xpath_string (doc, "string(//*[local-name()='g'][@id='person-vp1']/*[local-name()='text'][3])");
  y1 = xpath_string (doc, "string(//*[local-name()='g'][@id='person-vp1']/*[local-name()='text'][2]/@y)");
  y2 = xpath_string (doc, "string(//*[local-name()='g'][@id='person-vp1']/*[local-name()='text'][3]/@y)");
  g_assert_true (g_str_has_suffix (line2, "…"));
  line2[strlen (line2) - strlen ("…")] = '\0';
  joined = g_strconcat (line1, " ", line2, NULL);
  g_assert_true (g_str_has_prefix (long_title, joined));
  g_assert_cmpuint (strlen (line1), >, strlen ("VP of"));
  g_assert_cmpfloat (g_ascii_strtod (y2, NULL) - g_ascii_strtod (y1, NULL), ==, 15);
  xmlFree (line1);
  xmlFree (line2);
  xmlFree (y1);
  xmlFree (y2);
  line1 = line2 = y1 = y2 = NULL;
  xmlFreeDoc (doc);
}

static void
assert_same_person (LadderChart *a, LadderChart *b, guint p)
{
  const char *id = ladder_chart_get_id (a, p);
  guint q = ladder_chart_lookup (b, id);
  guint manager = ladder_chart_get_manager (a, p);
  const guint *dotted_a, *dotted_b;
  guint n_a, n_b;

  g_assert_cmpuint (q, !=, LADDER_NONE);
  g_assert_cmpstr (ladder_chart_get_name (a, p), ==, ladder_chart_get_name (b, q));
  g_assert_cmpstr (ladder_chart_get_role (a, p), ==, ladder_chart_get_role (b, q));
  g_assert_cmpstr (ladder_chart_get_person_title (a, p), ==, ladder_chart_get_person_title (b, q));
  g_assert_cmpstr (ladder_chart_get_note (a, p), ==, ladder_chart_get_note (b, q));
  g_assert_cmpint (ladder_chart_get_vacant (a, p), ==, ladder_chart_get_vacant (b, q));
  g_assert_cmpint (ladder_chart_get_assistant (a, p), ==, ladder_chart_get_assistant (b, q));
  g_assert_cmpuint (ladder_chart_get_position (a, p), ==, ladder_chart_get_position (b, q));
  if (manager == LADDER_NONE)
    g_assert_cmpuint (ladder_chart_get_manager (b, q), ==, LADDER_NONE);
  else
    g_assert_cmpstr (ladder_chart_get_id (a, manager), ==,
                     ladder_chart_get_id (b, ladder_chart_get_manager (b, q)));
  dotted_a = ladder_chart_get_dotted_lines (a, p, &n_a);
  dotted_b = ladder_chart_get_dotted_lines (b, q, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint k = 0; k < n_a; k++)
    g_assert_cmpstr (ladder_chart_get_id (a, dotted_a[k]), ==, ladder_chart_get_id (b, dotted_b[k]));
}

/* What the JSON export writes, the JSON import reads back: the same
 * people, fields, managers, order and dotted lines, for the examples and
 * for names with quotes, line breaks and control characters. */
static void
test_json_reads_back (void **state)
{
  const char *examples[] = { "examples/enterprise.ladder", "examples/scale-up.ladder" };
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();

  for (guint e = 0; e < G_N_ELEMENTS (examples) + 2; e++)
    {
      g_autofree char *source = e < G_N_ELEMENTS (examples)
                                ? ladder_test_source_path (examples[e]) : NULL;
      g_autoptr(LadderChart) chart = source ? ladder_load_file (source, catalogue, NULL, NULL)
                                            : e == G_N_ELEMENTS (examples) ? deep_chart ()
                                            : tricky_chart ();
      g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "back.json", NULL);
      g_autoptr(LadderChart) back = NULL;
      g_autoptr(GError) error = NULL;
      guint capacity = ladder_chart_get_capacity (chart);

      g_assert_nonnull (chart);
      g_assert_true (ladder_export_file (chart, catalogue, NULL, path, NULL, &error));
      back = ladder_import_file (path, catalogue, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ladder_chart_get_n_people (back), ==, ladder_chart_get_n_people (chart));
      for (guint p = 0; p < capacity; p++)
        if (ladder_chart_is_alive (chart, p))
          assert_same_person (chart, back, p);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_json),
    cmocka_unit_test (test_dot),
    cmocka_unit_test (test_dot_accepted_by_graphviz),
    cmocka_unit_test (test_mermaid),
    cmocka_unit_test (test_graphml),
    cmocka_unit_test (test_drawio),
    cmocka_unit_test (test_svg_title_lines),
    cmocka_unit_test (test_json_reads_back),
    cmocka_unit_test (test_root),
    cmocka_unit_test (test_levels),
    cmocka_unit_test (test_folds_ignored),
    cmocka_unit_test (test_findings_switch),
    cmocka_unit_test (test_pdf_pages),
    cmocka_unit_test (test_pdf_refused_past_500_pages),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
