/* test-cli.c — the command line, run as a real process: --validate output
 * and exit codes, refusals, --export, --version, --help, bad arguments */
#include "ladder-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* ladder-test-util's runner (C locale, no display), by short names. */
typedef LadderTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, ladder_test_run_clear)
#define run_ladder ladder_test_run_ladder

#define run_ladder_german(run, ...) ladder_test_run_ladder_in (run, "de", __VA_ARGS__)

static char *
example (const char *name)
{
  g_autofree char *relative = g_build_filename ("examples", name, NULL);

  return ladder_test_source_path (relative);
}

/* ---- --version, --help, arguments ---- */

static void
test_version (void **state)
{
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--version", NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, "ladder 0.1.0\n");
  assert_string_equal (run.err, "");
}

static void
test_help (void **state)
{
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--help", NULL);
  assert_int_equal (run.status, 0);
  assert_non_null (strstr (run.out, "ladder --validate FILE"));
  assert_non_null (strstr (run.out, "ladder --export=OUT FILE"));
  assert_non_null (strstr (run.out, "--rules=RULES.xml"));
  assert_non_null (strstr (run.out, "--background=white|transparent"));
  assert_string_equal (run.err, "");
}

/* Run from the build tree, the command line speaks the language asked
 * for, from the translations just built, as the window does. */
static void
test_german (void **state)
{
  g_autofree char *enterprise = example ("enterprise.ladder");
  g_autofree char *startup = example ("startup.ladder");

  {
    g_auto(Run) run = { 0 };

    run_ladder_german (&run, "--help", NULL);
    assert_int_equal (run.status, 0);
    assert_non_null (strstr (run.out, "Das Organigramm eines Produktteams entwerfen und anhand der Rollenregeln prüfen."));
    assert_null (strstr (run.out, "Design a product team"));
  }
  {
    g_auto(Run) run = { 0 };

    run_ladder_german (&run, "--validate", enterprise, NULL);
    assert_int_equal (run.status, 1);
    assert_non_null (strstr (run.out, ":24: error: Emily Novak (Junior-Produktmanager) hat direkt unterstellte Mitarbeiter; "
                                      "Junior- und Associate-Produktmanager sind die unterste Stufe und führen niemanden "
                                      "[entry-level-no-reports]\n"));
  }
  {
    g_auto(Run) run = { 0 };

    run_ladder_german (&run, "--scale=2", startup, NULL);
    assert_int_equal (run.status, 2);
    assert_string_equal (run.err, "ladder: --scale und --background gehören zu --export\n"
                                  "Mit „ladder --help“ erhalten Sie weitere Informationen.\n");
  }
}

static void
test_bad_arguments (void **state)
{
  g_autofree char *startup = example ("startup.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "never.svg", NULL);
  g_autofree char *out_txt = g_build_filename (ladder_test_tmpdir (), "never.txt", NULL);
  g_autofree char *export_svg = g_strconcat ("--export=", out, NULL);
  g_autofree char *export_txt = g_strconcat ("--export=", out_txt, NULL);
  struct {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "--validate", NULL }, "ladder: --validate needs at least one FILE\n" },
    { { "--validate", "--frobnicate", startup, NULL }, "ladder: Unknown option --frobnicate\n" },
    { { "--validate", export_svg, startup, NULL }, "ladder: --validate and --export cannot be used together\n" },
    { { export_svg, NULL }, "ladder: --export needs exactly one FILE\n" },
    { { export_svg, startup, startup, NULL }, "ladder: --export needs exactly one FILE\n" },
    { { "--scale=0", export_svg, startup, NULL }, "ladder: --scale must be a number above 0\n" },
    { { "--scale=lots", export_svg, startup, NULL }, "ladder: Cannot parse double value “lots” for --scale\n" },
    { { "--background=pink", export_svg, startup, NULL },
      "ladder: --background must be white or transparent, not “pink”\n" },
    { { "--scale=2", startup, NULL }, "ladder: --scale and --background go with --export\n" },
    /* Without --validate or --export, where the editor would have opened */
    { { "--no-such-option", startup, NULL }, "ladder: Unknown option --no-such-option\n" },
    { { startup, "-x", NULL }, "ladder: Unknown option -x\n" },
    { { "--rules", startup, "--no-such-option", NULL }, "ladder: Unknown option --no-such-option\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *expected = g_strconcat (cases[i].message,
                                               "Try “ladder --help” for more information.\n", NULL);

      run_ladder (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL);
      assert_int_equal (run.status, 2);
      assert_string_equal (run.out, "");
      assert_string_equal (run.err, expected);
    }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf (
      "ladder: cannot export to “%s”: the name must end in .png, .svg, .pdf, .ladder or .csv\n"
      "Try “ladder --help” for more information.\n", out_txt);

    run_ladder (&run, export_txt, startup, NULL);
    assert_int_equal (run.status, 2);
    assert_string_equal (run.err, expected);
  }
  assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (out_txt, G_FILE_TEST_EXISTS));
}

/* ---- --validate ---- */

static void
test_validate_clean_example (void **state)
{
  g_autofree char *startup = example ("startup.ladder");
  g_autofree char *expected = g_strdup_printf ("%s: 0 errors, 0 warnings, 0 notes\n", startup);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", startup, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, expected);
  assert_string_equal (run.err, "");
}

static void
test_validate_scale_up_has_no_errors (void **state)
{
  g_autofree char *path = example ("scale-up.ladder");
  g_autofree char *summary = g_strdup_printf ("%s: 0 errors, 0 warnings, 2 notes\n", path);
  g_autofree char *director = g_strdup_printf ("%s:8: note: ", path);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 0);
  assert_true (g_str_has_prefix (run.out, director));
  assert_true (g_str_has_suffix (run.out, summary));
  assert_non_null (strstr (run.out, " [director-in-small-org]\n"));
}

static void
test_validate_enterprise_breaks_rules (void **state)
{
  g_autofree char *path = example ("enterprise.ladder");
  g_autofree char *summary = g_strdup_printf ("%s: 4 errors, 1 warning, 1 note\n", path);
  const char *expected[] = {
    ":7: warning: Samuel Osei (Director of Product) ",
    ":24: error: Emily Novak (Junior Product Manager) ",
    ":37: error: Helen Park (VP of Product) reports to Carlos Mendes (Product Manager)",
    ":49: error: Layla Hassan (Associate Product Manager) ",
  };
  const char *rules[] = {
    "[director-not-under-head]", "[entry-level-no-reports]", "[vp-reports-to-executive]",
    "[associate-in-product-team]",
  };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 1);
  assert_true (g_str_has_suffix (run.out, summary));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *prefix = g_strconcat (path, expected[i], NULL);
      gboolean found = FALSE;

      for (guint k = 0; lines[k] != NULL && !found; k++)
        found = g_str_has_prefix (lines[k], prefix) && g_str_has_suffix (lines[k], rules[i]);
      if (!found)
        fail_msg ("no line \"%s...%s\" in:\n%s", prefix, rules[i], run.out);
    }
  /* 6 findings and the summary. */
  assert_int_equal (g_strv_length (lines), 8);
}

static void
test_validate_refused_file (void **state)
{
  g_autofree char *path = ladder_test_write ("dangling.ladder",
    HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n"
    "  <person id=\"b\" role=\"pm\" manager=\"zz\"/>\n</orgchart>\n");
  g_autofree char *expected = g_strdup_printf (
    "%s:4: error: the manager of “b” is “zz”, who is not on the chart\n", path);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_string_equal (run.err, expected);
}

static void
test_validate_bomb_refused (void **state)
{
  g_autofree char *path = ladder_test_write ("bomb.ladder",
    HEAD "<!DOCTYPE orgchart [\n <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    "]>\n<orgchart version=\"1\" title=\"&e;&e;&e;&e;\">\n</orgchart>\n");
  g_autofree char *expected = g_strdup_printf (
    "%s:2: error: the file has a DOCTYPE; Ladder files have none (no DTD, no entities)\n", path);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.err, expected);
}

/* A file in a broken 4-byte encoding: one message, nothing from libxml2. */
static void
test_validate_bad_encoding_says_one_line (void **state)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "ucs4.ladder", NULL);

  assert_true (g_file_set_contents (path, "<\0\0\0\0", 5, NULL));
  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_non_null (g_str_has_suffix (run.err, "ucs4.ladder:1: error: the file is UCS-4 (UTF-32); "
                                               "save it as UTF-8\n") ? run.err : NULL);
  assert_int_equal (strchr (run.err, '\n') - run.err + 1, strlen (run.err));
}

static void
test_validate_several_files (void **state)
{
  g_autofree char *startup = example ("startup.ladder");
  g_autofree char *enterprise = example ("enterprise.ladder");
  g_autofree char *missing = g_build_filename (ladder_test_tmpdir (), "missing.ladder", NULL);
  g_autofree char *startup_summary = g_strdup_printf ("%s: 0 errors, 0 warnings, 0 notes\n", startup);
  g_autofree char *enterprise_summary = g_strdup_printf ("%s: 4 errors, 1 warning, 1 note\n", enterprise);
  g_autofree char *missing_message = g_strdup_printf ("%s: error: no such file\n", missing);
  g_auto(Run) both = { 0 };
  g_auto(Run) all = { 0 };

  run_ladder (&both, "--validate", startup, enterprise, NULL);
  assert_int_equal (both.status, 1);
  assert_true (g_str_has_prefix (both.out, startup_summary));
  assert_true (g_str_has_suffix (both.out, enterprise_summary));

  /* The worst status wins; the readable files are still checked. */
  run_ladder (&all, "--validate", missing, startup, enterprise, NULL);
  assert_int_equal (all.status, 2);
  assert_string_equal (all.err, missing_message);
  assert_true (g_str_has_prefix (all.out, startup_summary));
  assert_true (g_str_has_suffix (all.out, enterprise_summary));
}

static void
test_validate_csv_lines (void **state)
{
  /* The line of a finding in a CSV file is the CSV line: the quoted field
   * with a line break makes Jo's record start on line 5. */
  g_autofree char *path = ladder_test_write ("team.csv",
    "id,name,role,manager\n"
    "c,Cam,ceo,\n"
    "h,\"Hal\nHart\",head-of-product,c\n"
    "s,Sue,senior-pm,h\n"
    "j,Jo,junior-pm,s\n"
    "x,Xi,associate-pm,j\n");
  g_autofree char *finding = g_strdup_printf ("%s:6: error: ", path);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 1);
  assert_non_null (strstr (run.out, finding));
  assert_non_null (strstr (run.out, "[entry-level-no-reports]\n"));
}

/* ---- --export ---- */

static void
test_export_ladder_is_byte_identical (void **state)
{
  const char *names[] = { "startup.ladder", "scale-up.ladder", "enterprise.ladder" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = example (names[i]);
      g_autofree char *out = g_build_filename (ladder_test_tmpdir (), names[i], NULL);
      g_autofree char *option = g_strconcat ("--export=", out, NULL);
      g_autofree char *original = ladder_test_read (path, NULL);
      g_autofree char *copy = NULL;
      g_auto(Run) run = { 0 };

      run_ladder (&run, option, path, NULL);
      assert_int_equal (run.status, 0);
      assert_string_equal (run.err, "");
      copy = ladder_test_read (out, NULL);
      assert_non_null (copy);
      assert_string_equal (copy, original);
      g_unlink (out);
    }
}

static void
test_export_csv (void **state)
{
  g_autofree char *path = example ("startup.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "startup.csv", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, path, NULL);
  assert_int_equal (run.status, 0);
  csv = ladder_test_read (out, NULL);
  assert_non_null (csv);
  assert_non_null (strstr (csv, "maya,Maya Okafor,ceo,"));
  assert_non_null (strstr (csv, "priya,Priya Raman,pm,tomas"));
  g_unlink (out);
}

static void
test_refused_export_leaves_no_output (void **state)
{
  g_autofree char *bad = ladder_test_write ("cycle.ladder",
    HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" manager=\"b\"/>\n"
    "  <person id=\"b\" role=\"pm\" manager=\"a\"/>\n</orgchart>\n");
  g_autofree char *expected = g_strdup_printf (
    "%s:3: error: the manager references form a cycle: a → b → a\n", bad);
  const char *extensions[] = { "svg", "png", "pdf", "ladder", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("refused.", extensions[i], NULL);
      g_autofree char *out = g_build_filename (ladder_test_tmpdir (), name, NULL);
      g_autofree char *option = g_strconcat ("--export=", out, NULL);
      g_auto(Run) run = { 0 };

      run_ladder (&run, option, bad, NULL);
      assert_int_equal (run.status, 2);
      assert_string_equal (run.err, expected);
      assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* An OUT that exists already stays as it was. */
  {
    g_autofree char *out = ladder_test_write ("kept.ladder", "precious\n");
    g_autofree char *option = g_strconcat ("--export=", out, NULL);
    g_autofree char *content = NULL;
    g_auto(Run) run = { 0 };

    run_ladder (&run, option, bad, NULL);
    assert_int_equal (run.status, 2);
    content = ladder_test_read (out, NULL);
    assert_string_equal (content, "precious\n");
  }

  /* An OUT that cannot be written. */
  {
    g_autofree char *path = example ("startup.ladder");
    g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "no-dir", "x.ladder", NULL);
    g_autofree char *option = g_strconcat ("--export=", out, NULL);
    g_auto(Run) run = { 0 };

    run_ladder (&run, option, path, NULL);
    assert_int_equal (run.status, 2);
    assert_true (g_str_has_prefix (run.err, out));
    assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_svg (void **state)
{
  g_autofree char *path = example ("startup.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "startup.svg", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, path, NULL);
  assert_int_equal (run.status, 0);
  svg = ladder_test_read (out, NULL);
  assert_non_null (svg);
  assert_non_null (strstr (svg, "<svg"));
  assert_non_null (strstr (svg, "Maya Okafor"));
  g_unlink (out);
}

/* ---- import (SPEC, second part, "Import") ---- */

static char *
import_sample (const char *name)
{
  g_autofree char *relative = g_build_filename ("tests", "data", "import", name, NULL);

  return ladder_test_source_path (relative);
}

/* Every sample opens as it is: findings maybe, but no refusal. */
static void
test_import_samples_validate (void **state)
{
  static const char * const names[] = {
    "d3-org-chart.csv", "orgchartjs-import.csv", "orgchartjs-demo.json", "dabeng-nested.json",
    "drawio-orgchart.csv", "oracle-hr-employees.csv", "bamboohr-style.csv", "workday-style.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = import_sample (names[i]);
      g_autofree char *summary = g_strdup_printf ("%s: 0 errors, ", path);
      g_auto(Run) run = { 0 };

      run_ladder (&run, "--validate", path, NULL);
      if (run.status != 0 || strstr (run.err, ": error: ") != NULL)
        fail_msg ("%s: exit %d\n%s%s", names[i], run.status, run.out, run.err);
      assert_non_null (strstr (run.out, summary));
    }
}

static void
test_import_refused_formats (void **state)
{
  static const char * const names[] = { "org.xlsx", "org.GRAPHML", "org.drawio", "org.vsdx" };
  static const char * const messages[] = {
    "this is an Excel workbook, which Ladder does not read; save it as CSV (UTF-8) and open that",
    "GraphML files are not imported; Ladder opens .ladder, CSV, TSV and JSON",
    "draw.io diagrams are not imported; Ladder opens .ladder, CSV, TSV and JSON",
    "Visio drawings are not imported; Ladder opens .ladder, CSV, TSV and JSON",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = ladder_test_write (names[i], "PK\3\4");
      g_autofree char *line = g_strdup_printf ("%s: error: %s\n", path, messages[i]);
      g_auto(Run) run = { 0 };

      run_ladder (&run, "--validate", path, NULL);
      assert_int_equal (run.status, 2);
      assert_string_equal (run.err, line);
      assert_string_equal (run.out, "");
    }
}

/* A pipe and a backup have no telling extension: the content decides. */
static void
test_import_by_content (void **state)
{
  g_autofree char *json = import_sample ("orgchartjs-import.csv");
  g_autofree char *backup = ladder_test_write ("team.ladder~",
    HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n</orgchart>\n");
  g_autofree char *command = g_strdup_printf ("cat '%s' | \"$0\" --validate /dev/stdin", json);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/bin/sh", "-c", command, g_getenv ("LADDER_BINARY"), NULL };
  int wait_status = 0;
  g_auto(Run) run = { 0 };

  assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, &err, &wait_status, &error));
  assert_true (WIFEXITED (wait_status));
  assert_int_equal (WEXITSTATUS (wait_status), 0);
  assert_non_null (strstr (out, "/dev/stdin: 0 errors, 0 warnings, 1 note\n"));

  run_ladder (&run, "--validate", backup, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.err, "");
}

static void
test_import_options (void **state)
{
  g_autofree char *path = ladder_test_write ("people.tsv",
    "Emp\tWorker\tPost\tBoss\n1\tAda Obi\tChief\t\n2\tBen Cruz\tMaker\t1\n");
  g_autofree char *expected = g_strdup_printf (
    "%s:3: warning: Ben Cruz (Product Manager) reports to Ada Obi (CEO); a Product Manager usually "
    "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior "
    "Product Manager [pm-manager]\n", path);
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) alone = { 0 };

  run_ladder (&run, "--validate", "--column", "id=Emp", "--column", "name=worker",
              "--column", "title=Post", "--column", "manager=BOSS",
              "--role", "Chief=CEO", "--role", "maker=pm", path, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.err, "");
  assert_true (g_str_has_prefix (run.out, expected));

  run_ladder (&bad, "--validate", "--role", "Chief=Chef", path, NULL);
  assert_int_equal (bad.status, 2);
  assert_string_equal (bad.err, "ladder: --role “Chief=Chef”: “Chef” is no role of the catalogue\n"
                                "Try “ladder --help” for more information.\n");
  run_ladder (&alone, "--column", "id=Emp", path, NULL);
  assert_int_equal (alone.status, 2);
  assert_true (g_str_has_prefix (alone.err, "ladder: --column and --role go with --validate or --export\n"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_version),
    cmocka_unit_test (test_help),
    cmocka_unit_test (test_german),
    cmocka_unit_test (test_bad_arguments),
    cmocka_unit_test (test_validate_clean_example),
    cmocka_unit_test (test_validate_scale_up_has_no_errors),
    cmocka_unit_test (test_validate_enterprise_breaks_rules),
    cmocka_unit_test (test_validate_refused_file),
    cmocka_unit_test (test_validate_bomb_refused),
    cmocka_unit_test (test_validate_bad_encoding_says_one_line),
    cmocka_unit_test (test_validate_several_files),
    cmocka_unit_test (test_validate_csv_lines),
    cmocka_unit_test (test_export_ladder_is_byte_identical),
    cmocka_unit_test (test_export_csv),
    cmocka_unit_test (test_refused_export_leaves_no_output),
    cmocka_unit_test (test_export_svg),
    cmocka_unit_test (test_import_samples_validate),
    cmocka_unit_test (test_import_refused_formats),
    cmocka_unit_test (test_import_by_content),
    cmocka_unit_test (test_import_options),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
