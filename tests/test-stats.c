/* test-stats.c — the shape of the organisation: ladder_stats_* on charts
 * counted by hand, and `ladder --stats` (text and JSON) as a real process
 * on the three examples */
#include "ladder-test-util.h"

#include "ladder-io.h"
#include "ladder-stats.h"

#include <string.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static LadderChart *
chart_from (const char *xml)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_xml_read_memory (xml, strlen (xml), "t.ladder", &error);

  assert_null (error);
  assert_non_null (chart);
  return chart;
}

static LadderStats *
stats_of (LadderChart *chart)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);

  return ladder_stats_new (chart, catalogue, findings);
}

static char *
example (const char *name)
{
  g_autofree char *relative = g_build_filename ("examples", name, NULL);

  return ladder_test_source_path (relative);
}

/* The ids of @people, space separated, are @expected. */
static void
assert_ids (LadderChart *chart, const guint *people, guint n, const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", ladder_chart_get_id (chart, people[i]));
  assert_string_equal (ids->str, expected);
}

/* ---- the examples, counted by hand (the counts are in the comments) ---- */

/* startup: maya (CEO) over tomas (3 PMs) and sam; levels 1, 2, 3. */
static const char startup_json[] =
  "{\n"
  "  \"people\": 6,\n"
  "  \"vacancies\": 0,\n"
  "  \"roots\": 1,\n"
  "  \"layers\": 3,\n"
  "  \"managers\": 2,\n"
  "  \"span\": {\"min\": 2, \"median\": 2.5, \"max\": 3, \"mean\": 2.5, \"histogram\": {\"2\": 1, \"3\": 1}},\n"
  "  \"single_report_managers\": 0,\n"
  "  \"by_role\": {\"ceo\": 1, \"head-of-product\": 1, \"pm\": 3, \"other\": 1},\n"
  "  \"by_layer\": [1, 2, 3],\n"
  "  \"findings\": {\"errors\": 0, \"warnings\": 0, \"notes\": 0}\n"
  "}\n";

/* scale-up: spans ceo 1, cpo 2, vp 2, dir-pay 1, gpm-checkout 3,
 * spm-cards 2, spm-fraud 2, dir-lending 1, gpm-lending 1, spm-credit 2:
 * sorted 1 1 1 1 2 2 2 2 2 3, median (2 + 2) / 2, mean 17 / 10.  pm-fraud
 * is vacant.  Two notes: director-in-small-org (1800 employees) for each
 * Director. */
static const char scale_up_json[] =
  "{\n"
  "  \"people\": 18,\n"
  "  \"vacancies\": 1,\n"
  "  \"roots\": 1,\n"
  "  \"layers\": 7,\n"
  "  \"managers\": 10,\n"
  "  \"span\": {\"min\": 1, \"median\": 2, \"max\": 3, \"mean\": 1.7, \"histogram\": {\"1\": 4, \"2\": 5, \"3\": 1}},\n"
  "  \"single_report_managers\": 4,\n"
  "  \"by_role\": {\"ceo\": 1, \"cpo\": 1, \"vp-product\": 1, \"director-product\": 2, \"group-pm\": 2, "
  "\"senior-pm\": 3, \"pm\": 3, \"junior-pm\": 3, \"product-owner\": 1, \"program-manager\": 1},\n"
  "  \"by_layer\": [1, 1, 2, 2, 2, 4, 6],\n"
  "  \"findings\": {\"errors\": 0, \"warnings\": 0, \"notes\": 2}\n"
  "}\n";

/* enterprise: 21 managers, 8 with one report (head-growth, dir-growth,
 * dir-platform, jpm-api, dir-ent, pm-admin, cto, eng-mgr), 3 with three
 * (ceo, gpm-api, spm-api), the other 10 with two: 37 reports, mean
 * 37 / 21, median the 11th of 21 = 2.  Levels 1 ceo; 2 cpo cto vp-design;
 * 3 vp-core vp-ent eng-mgr; 4 head-growth dir-platform dir-ent pgm-ent
 * apm-tools; 5 dir-growth gpm-api gpm-ent; 6 gpm-acq spm-api spm-data
 * po-platform spm-admin spm-billing; 7 eleven; 8 pm-seo jpm-seo pm-email
 * pm-push apm-intern vp-partners.  pm-push is vacant. */
static const char enterprise_json[] =
  "{\n"
  "  \"people\": 38,\n"
  "  \"vacancies\": 1,\n"
  "  \"roots\": 1,\n"
  "  \"layers\": 8,\n"
  "  \"managers\": 21,\n"
  "  \"span\": {\"min\": 1, \"median\": 2, \"max\": 3, \"mean\": 1.7619047619047619, "
  "\"histogram\": {\"1\": 8, \"2\": 10, \"3\": 3}},\n"
  "  \"single_report_managers\": 8,\n"
  "  \"by_role\": {\"ceo\": 1, \"cpo\": 1, \"vp-product\": 3, \"director-product\": 3, "
  "\"head-of-product\": 1, \"group-pm\": 3, \"senior-pm\": 6, \"pm\": 8, \"junior-pm\": 4, "
  "\"associate-pm\": 3, \"product-owner\": 1, \"program-manager\": 1, \"other\": 3},\n"
  "  \"by_layer\": [1, 3, 3, 5, 3, 6, 11, 6],\n"
  "  \"findings\": {\"errors\": 4, \"warnings\": 1, \"notes\": 1}\n"
  "}\n";

static void
assert_cli_json (const char *name, const char *expected)
{
  g_autofree char *path = example (name);
  g_auto(LadderTestRun) run = { 0 };

  ladder_test_run_ladder (&run, "--stats", "--format=json", path, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, expected);
  assert_string_equal (run.err, "");
}

static void
test_examples_json (void **state)
{
  (void) state;
  assert_cli_json ("startup.ladder", startup_json);
  assert_cli_json ("scale-up.ladder", scale_up_json);
  assert_cli_json ("enterprise.ladder", enterprise_json);
}

/* The people behind the bars, in chart order. */
static void
test_people_behind_figures (void **state)
{
  g_autofree char *path = example ("enterprise.ladder");
  g_autoptr(LadderChart) chart = ladder_xml_read_file (path, NULL);
  g_autoptr(LadderStats) stats = NULL;
  const guint *people;
  guint n;

  (void) state;
  assert_non_null (chart);
  stats = stats_of (chart);

  people = ladder_stats_get_people_with_span (stats, 3, &n);
  assert_ids (chart, people, n, "ceo gpm-api spm-api");
  people = ladder_stats_get_people_with_span (stats, 1, &n);
  assert_ids (chart, people, n,
              "head-growth dir-growth dir-platform jpm-api dir-ent pm-admin cto eng-mgr");
  /* Not a manager: no bar. */
  people = ladder_stats_get_people_with_span (stats, 4, &n);
  assert_null (people);
  assert_int_equal (n, 0);
  assert_int_equal (ladder_stats_get_n_with_span (stats, 0), 0);

  people = ladder_stats_get_people_in_layer (stats, 1, &n);
  assert_ids (chart, people, n, "ceo");
  people = ladder_stats_get_people_in_layer (stats, 4, &n);
  assert_ids (chart, people, n, "head-growth dir-platform dir-ent pgm-ent apm-tools");
  people = ladder_stats_get_people_in_layer (stats, 8, &n);
  assert_ids (chart, people, n, "pm-seo jpm-seo pm-email pm-push apm-intern vp-partners");
  assert_null (ladder_stats_get_people_in_layer (stats, 0, &n));
  assert_null (ladder_stats_get_people_in_layer (stats, 9, &n));
  assert_int_equal (ladder_stats_get_n_in_layer (stats, 9), 0);

  assert_int_equal (ladder_stats_get_n_roles (stats), 13);
  assert_string_equal (ladder_stats_get_role (stats, 12), "other");
  people = ladder_stats_get_people_with_role (stats, 12, &n);
  assert_ids (chart, people, n, "cto eng-mgr vp-design");

  /* Per person: gpm-api leads spm-api (3 + apm-intern under jpm-api),
   * spm-data (2) and po-platform: 3 direct, 9 in all. */
  assert_int_equal (ladder_stats_get_direct_reports (stats, ladder_chart_lookup (chart, "gpm-api")), 3);
  assert_int_equal (ladder_stats_get_total_reports (stats, ladder_chart_lookup (chart, "gpm-api")), 9);
  assert_int_equal (ladder_stats_get_level (stats, ladder_chart_lookup (chart, "gpm-api")), 5);
  assert_int_equal (ladder_stats_get_total_reports (stats, ladder_chart_lookup (chart, "ceo")), 37);
  assert_int_equal (ladder_stats_get_total_reports (stats, ladder_chart_lookup (chart, "vp-design")), 0);
  assert_int_equal (ladder_stats_get_level (stats, 10000), 0);
}

/* An assistant is a report of its manager, one level below it; a vacancy
 * is a person; an even number of managers takes the mean of the middle
 * two; roles off the catalogue come last, by id, and are escaped in JSON. */
static void
test_assistants_vacancies_median (void **state)
{
  g_autoptr(LadderChart) chart = chart_from (HEAD
    "<orgchart version=\"1\">\n"
    "  <person id=\"c\" role=\"ceo\"/>\n"
    "  <person id=\"a\" role=\"zeta\" manager=\"c\" assistant=\"true\"/>\n"
    "  <person id=\"p\" role=\"cpo\" manager=\"c\" vacant=\"true\"/>\n"
    "  <person id=\"v\" role=\"vp-product\" manager=\"c\"/>\n"
    "  <person id=\"w\" role=\"vp-product\" manager=\"p\"/>\n"
    "  <person id=\"x\" role=\"a&quot;b\\c\" manager=\"w\"/>\n"
    "  <person id=\"r\" role=\"pm\"/>\n"
    "</orgchart>\n");
  g_autoptr(LadderStats) stats = ladder_stats_new (chart, ladder_catalogue_get_default (), NULL);
  g_autofree char *json = ladder_stats_to_json (stats);
  LadderSpanSummary span = { 0 };

  (void) state;
  /* Managers c (3), p (1), w (1): sorted 1 1 3, median 1, mean 5 / 3. */
  assert_string_equal (json,
    "{\n"
    "  \"people\": 7,\n"
    "  \"vacancies\": 1,\n"
    "  \"roots\": 2,\n"
    "  \"layers\": 4,\n"
    "  \"managers\": 3,\n"
    "  \"span\": {\"min\": 1, \"median\": 1, \"max\": 3, \"mean\": 1.6666666666666667, "
    "\"histogram\": {\"1\": 2, \"3\": 1}},\n"
    "  \"single_report_managers\": 2,\n"
    "  \"by_role\": {\"ceo\": 1, \"cpo\": 1, \"vp-product\": 2, \"pm\": 1, \"a\\\"b\\\\c\": 1, \"zeta\": 1},\n"
    "  \"by_layer\": [2, 3, 1, 1],\n"
    "  \"findings\": {\"errors\": 0, \"warnings\": 0, \"notes\": 0}\n"
    "}\n");
  assert_int_equal (ladder_stats_get_level (stats, ladder_chart_lookup (chart, "a")), 2);

  /* One more report for w: managers c 3, p 1, w 2; sorted 1 2 3. */
  assert_int_not_equal (ladder_chart_add_person (chart, "y", "pm", ladder_chart_lookup (chart, "w"),
                                                 LADDER_NONE, NULL), LADDER_NONE);
  ladder_stats_free (g_steal_pointer (&stats));
  stats = ladder_stats_new (chart, NULL, NULL);
  assert_true (ladder_stats_get_span (stats, &span));
  assert_int_equal (span.min, 1);
  assert_int_equal (span.max, 3);
  assert_true (span.median == 2.0);
  assert_true (span.mean == 2.0);

  /* And one for r: c 3, p 1, w 2, r 1; sorted 1 1 2 3, median 1.5,
   * mean 7 / 4. */
  assert_int_not_equal (ladder_chart_add_person (chart, "z", "pm", ladder_chart_lookup (chart, "r"),
                                                 LADDER_NONE, NULL), LADDER_NONE);
  ladder_stats_free (g_steal_pointer (&stats));
  stats = ladder_stats_new (chart, NULL, NULL);
  assert_int_equal (ladder_stats_get_managers (stats), 4);
  assert_true (ladder_stats_get_span (stats, &span));
  assert_true (span.median == 1.5);
  assert_true (span.mean == 1.75);
  /* Without a catalogue, roles are in id order. */
  assert_string_equal (ladder_stats_get_role (stats, 0), "a\"b\\c");
  assert_string_equal (ladder_stats_get_role (stats, 1), "ceo");
}

static void
test_no_manager (void **state)
{
  g_autoptr(LadderChart) empty = ladder_chart_new ();
  g_autoptr(LadderStats) stats = ladder_stats_new (empty, NULL, NULL);
  g_autofree char *json = ladder_stats_to_json (stats);
  g_autoptr(LadderChart) alone = chart_from (HEAD
    "<orgchart version=\"1\"><person id=\"c\" role=\"ceo\"/></orgchart>\n");
  g_autoptr(LadderStats) alone_stats = ladder_stats_new (alone, NULL, NULL);
  LadderSpanSummary span = { 7, 7, 7, 7 };

  (void) state;
  assert_string_equal (json,
    "{\n"
    "  \"people\": 0,\n"
    "  \"vacancies\": 0,\n"
    "  \"roots\": 0,\n"
    "  \"layers\": 0,\n"
    "  \"managers\": 0,\n"
    "  \"span\": {\"min\": null, \"median\": null, \"max\": null, \"mean\": null, \"histogram\": {}},\n"
    "  \"single_report_managers\": 0,\n"
    "  \"by_role\": {},\n"
    "  \"by_layer\": [],\n"
    "  \"findings\": {\"errors\": 0, \"warnings\": 0, \"notes\": 0}\n"
    "}\n");
  assert_false (ladder_stats_get_span (alone_stats, &span));
  assert_int_equal (span.min, 7);
  assert_int_equal (ladder_stats_get_layers (alone_stats), 1);
  assert_int_equal (ladder_stats_get_people (alone_stats), 1);
}

/* Removed people (tombstones) are not counted; levels follow moves. */
static void
test_after_edits (void **state)
{
  g_autoptr(LadderChart) chart = chart_from (HEAD
    "<orgchart version=\"1\">\n"
    "  <person id=\"c\" role=\"ceo\"/>\n"
    "  <person id=\"h\" role=\"head-of-product\" manager=\"c\"/>\n"
    "  <person id=\"p\" role=\"pm\" manager=\"h\"/>\n"
    "  <person id=\"q\" role=\"pm\" manager=\"h\"/>\n"
    "</orgchart>\n");
  g_autoptr(LadderStats) stats = NULL;
  g_autofree guint *levels = NULL;
  const guint *people;
  guint n;

  (void) state;
  ladder_chart_remove_person (chart, ladder_chart_lookup (chart, "h"));
  stats = ladder_stats_new (chart, NULL, NULL);
  assert_int_equal (ladder_stats_get_people (stats), 3);
  assert_int_equal (ladder_stats_get_layers (stats), 2);
  assert_int_equal (ladder_stats_get_n_with_span (stats, 2), 1);
  people = ladder_stats_get_people_in_layer (stats, 2, &n);
  assert_ids (chart, people, n, "p q");
  assert_int_equal (ladder_stats_get_level (stats, 1), 0);

  levels = g_new (guint, ladder_chart_get_capacity (chart));
  ladder_chart_reparent (chart, ladder_chart_lookup (chart, "q"), ladder_chart_lookup (chart, "p"),
                         LADDER_NONE, NULL);
  assert_int_equal (ladder_chart_count_levels (chart, levels), 3);
  assert_int_equal (levels[ladder_chart_lookup (chart, "q")], 3);
  assert_int_equal (levels[1], 0);
}

/* A chain deeper than any stack: no recursion. */
static void
test_deep_chain (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderStats) stats = NULL;
  guint manager = LADDER_NONE;
  const guint depth = 200000;

  (void) state;
  for (guint i = 0; i < depth; i++)
    manager = ladder_chart_add_person (chart, NULL, "pm", manager, LADDER_NONE, NULL);
  stats = ladder_stats_new (chart, NULL, NULL);
  assert_int_equal (ladder_stats_get_layers (stats), depth);
  assert_int_equal (ladder_stats_get_managers (stats), depth - 1);
  assert_int_equal (ladder_stats_get_total_reports (stats, 0), depth - 1);
  assert_int_equal (ladder_stats_get_n_in_layer (stats, depth), 1);
}

/* The counting rules count as --stats does: on the enterprise example
 * with an assistant added, a span rule that flags every manager names
 * each with its direct reports, the single-report rule flags the
 * managers of one report, and the layers rule says the chart's levels. */
static void
test_counting_rules_agree (void **state)
{
  static const char rules[] =
    "<rules version=\"1\">\n"
    "  <role id=\"any\" color=\"#112233\"><name>Any</name></role>\n"
    "  <rule id=\"every-manager\" severity=\"note\" check=\"span\" max=\"0\"><summary>S</summary>\n"
    "    <message>{span}</message></rule>\n"
    "  <rule id=\"one\" severity=\"note\" check=\"single-report\"><summary>S</summary>\n"
    "    <message>{span}</message></rule>\n"
    "  <rule id=\"deep\" severity=\"warning\" check=\"layers\" max=\"1\"><summary>S</summary>\n"
    "    <message>{layers}</message></rule>\n"
    "</rules>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (rules, sizeof rules - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_bytes (bytes, "r.xml", &error);
  g_autofree char *path = example ("enterprise.ladder");
  g_autoptr(LadderChart) chart = ladder_xml_read_file (path, NULL);
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(LadderStats) stats = NULL;
  guint managers = 0, single = 0, deep = 0;
  guint assistant;

  (void) state;
  assert_non_null (catalogue);
  assert_non_null (chart);
  /* An assistant for vp-design, who had no report: a manager of one. */
  assistant = ladder_chart_add_person (chart, "asst", "any", ladder_chart_lookup (chart, "vp-design"),
                                       LADDER_NONE, NULL);
  ladder_chart_set_assistant (chart, assistant, TRUE);
  findings = ladder_validate (chart, catalogue);
  stats = ladder_stats_new (chart, catalogue, findings);
  assert_int_equal (ladder_stats_get_managers (stats), 22);
  assert_int_equal (ladder_stats_get_single_report_managers (stats), 9);

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);
      const char *rule = ladder_rule_get_id (finding->rule);
      g_autofree char *direct = g_strdup_printf ("%u", ladder_stats_get_direct_reports (stats, finding->person));

      if (strcmp (rule, "every-manager") == 0)
        {
          managers++;
          assert_string_equal (finding->message, direct);
        }
      else if (strcmp (rule, "one") == 0)
        {
          single++;
          assert_string_equal (finding->message, "1");
          assert_int_equal (ladder_stats_get_direct_reports (stats, finding->person), 1);
        }
      else if (strcmp (rule, "deep") == 0)
        {
          deep++;
          assert_string_equal (finding->message, "8");
          assert_int_equal (ladder_stats_get_level (stats, finding->person), ladder_stats_get_layers (stats));
        }
    }
  assert_int_equal (managers, 22);
  assert_int_equal (single, 9);
  assert_int_equal (deep, 1);
  assert_int_equal (ladder_stats_get_layers (stats), 8);
}

/* ---- the command line ---- */

static void
test_cli_text (void **state)
{
  g_autofree char *path = example ("startup.ladder");
  g_autofree char *expected = g_strconcat (path, ": Fernweh — product team\n",
    "People: 6, of whom 0 vacant\n"
    "Levels: 3, from 1 person at the top\n"
    "Managers: 2, of whom 0 with a single report\n"
    "Span of control: min 2, median 2.5, max 3, mean 2.5\n"
    "  2 reports ████████████████████████████████████████ 1\n"
    "  3 reports ████████████████████████████████████████ 1\n"
    "People per level:\n"
    "  level 1 ██████████████ 1\n"
    "  level 2 ███████████████████████████ 2\n"
    "  level 3 ████████████████████████████████████████ 3\n"
    "People by role:\n"
    "  CEO             ██████████████ 1\n"
    "  Head of Product ██████████████ 1\n"
    "  Product Manager ████████████████████████████████████████ 3\n"
    "  Other           ██████████████ 1\n"
    "Findings: 0 errors, 0 warnings, 0 notes\n", NULL);
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder (&run, "--stats", path, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, expected);
  assert_string_equal (run.err, "");
}

/* Translated: the words, not the figures (C.UTF-8 writes 2.5). */
static void
test_cli_text_german (void **state)
{
  g_autofree char *path = example ("startup.ladder");
  g_autofree char *expected = g_strconcat (path, ": Fernweh — product team\n",
    "Personen: 6, davon 0 unbesetzt\n"
    "Ebenen: 3, von 1 Person an der Spitze aus\n"
    "Führungskräfte: 2, davon 0 mit nur einem Mitarbeiter\n"
    "Führungsspanne: Minimum 2, Median 2.5, Maximum 3, Mittel 2.5\n"
    "  2 Mitarbeiter ████████████████████████████████████████ 1\n"
    "  3 Mitarbeiter ████████████████████████████████████████ 1\n"
    "Personen je Ebene:\n"
    "  Ebene 1 ██████████████ 1\n"
    "  Ebene 2 ███████████████████████████ 2\n"
    "  Ebene 3 ████████████████████████████████████████ 3\n"
    "Personen nach Rolle:\n"
    "  CEO            ██████████████ 1\n"
    "  Produktleiter  ██████████████ 1\n"
    "  Produktmanager ████████████████████████████████████████ 3\n"
    "  Sonstige       ██████████████ 1\n"
    "Befunde: 0 Fehler, 0 Warnungen, 0 Hinweise\n", NULL);
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder_in (&run, "de", "--stats", path, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, expected);
  ladder_test_run_clear (&run);

  /* JSON is for programs: the same in every language. */
  ladder_test_run_ladder_in (&run, "de", "--stats", "--format=json", path, NULL);
  assert_string_equal (run.out, startup_json);
}

/* The import's warnings go to stderr; stdout stays one JSON object. */
static void
test_cli_json_with_warnings (void **state)
{
  g_autofree char *path = ladder_test_write ("hr.csv",
    "id,name,role,manager,cost centre\n"
    "c,Ada Obi,ceo,,100\n"
    "p,Pat,pm,c,200\n");
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder (&run, "--stats", "--format=json", path, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out,
    "{\n"
    "  \"people\": 2,\n"
    "  \"vacancies\": 0,\n"
    "  \"roots\": 1,\n"
    "  \"layers\": 2,\n"
    "  \"managers\": 1,\n"
    "  \"span\": {\"min\": 1, \"median\": 1, \"max\": 1, \"mean\": 1, \"histogram\": {\"1\": 1}},\n"
    "  \"single_report_managers\": 1,\n"
    "  \"by_role\": {\"ceo\": 1, \"pm\": 1},\n"
    "  \"by_layer\": [1, 1],\n"
    "  \"findings\": {\"errors\": 0, \"warnings\": 1, \"notes\": 0}\n"
    "}\n");
  assert_non_null (strstr (run.err, "cost centre"));
  assert_non_null (strstr (run.err, ": warning: "));
}

static void
test_cli_refusals (void **state)
{
  g_autofree char *bad = ladder_test_write ("bad.ladder", HEAD "<orgchart version=\"1\">\n<person/>\n");
  g_autofree char *good = example ("startup.ladder");
  g_autofree char *expected = NULL;
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder (&run, "--stats", "--format=json", bad, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  expected = g_strconcat (bad, ":3: error: ", NULL);
  assert_true (g_str_has_prefix (run.err, expected));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--stats", "--format=yaml", good, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_true (g_str_has_prefix (run.err, "ladder: --format must be text or json, not “yaml”\n"));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--format=json", "--validate", good, NULL);
  assert_int_equal (run.status, 2);
  assert_true (g_str_has_prefix (run.err, "ladder: --format goes with --stats\n"));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--stats", good, good, NULL);
  assert_int_equal (run.status, 2);
  assert_true (g_str_has_prefix (run.err, "ladder: --stats needs exactly one FILE\n"));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--stats", "--validate", good, NULL);
  assert_int_equal (run.status, 2);
  assert_true (g_str_has_prefix (run.err,
                                 "ladder: --validate, --export, --stats and --diff cannot be used together\n"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_examples_json),
    cmocka_unit_test (test_people_behind_figures),
    cmocka_unit_test (test_assistants_vacancies_median),
    cmocka_unit_test (test_no_manager),
    cmocka_unit_test (test_after_edits),
    cmocka_unit_test (test_deep_chain),
    cmocka_unit_test (test_counting_rules_agree),
    cmocka_unit_test (test_cli_text),
    cmocka_unit_test (test_cli_text_german),
    cmocka_unit_test (test_cli_json_with_warnings),
    cmocka_unit_test (test_cli_refusals),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
