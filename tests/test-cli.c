/* test-cli.c — the command line, run as a real process: --validate output
 * and exit codes, refusals, --export, --version, --help, bad arguments */
#include "ladder-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
    assert_string_equal (run.err, "ladder: --scale, --background, --root, --levels, --findings und "
                                  "--page gehören zu --export\n"
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
    { { "--scale=2", startup, NULL },
      "ladder: --scale, --background, --root, --levels, --findings and --page go with --export\n" },
    { { "--levels=0", export_svg, startup, NULL }, "ladder: --levels must be a number of levels, 1 or more\n" },
    { { "--levels=two", export_svg, startup, NULL },
      "ladder: Cannot parse integer value “two” for --levels\n" },
    { { "--page=a5", export_svg, startup, NULL },
      "ladder: --page must be a4, a3, letter or legal, optionally with -landscape, not “a5”\n" },
    /* Without --validate or --export, where the editor would have opened */
    { { "--no-such-option", startup, NULL }, "ladder: Unknown option --no-such-option\n" },
    { { startup, "-x", NULL }, "ladder: Unknown option -x\n" },
    { { "--rules", startup, "--no-such-option", NULL }, "ladder: Unknown option --no-such-option\n" },
    { { startup, "--rules", NULL }, "ladder: Missing argument for --rules\n" },
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
      "ladder: cannot export to “%s”: the name must end in .png, .svg, .pdf, .ladder, .csv, .json, "
      ".graphml, .drawio, .dot or .mmd\n"
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

/* Folds are the editor's view: an export draws everyone, and someone not
 * named yet is "Unnamed" (not their id). */
static void
test_export_unnamed_and_folded (void **state)
{
  g_autofree char *path = ladder_test_write ("folded.ladder",
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"ceo\" name=\"Ada Obi\" collapsed=\"true\"/>\n"
    "  <person id=\"b\" role=\"cpo\" name=\"Ben Cruz\" manager=\"a\" collapsed=\"true\"/>\n"
    "  <person id=\"c\" role=\"pm\" name=\"Cleo Diaz\" manager=\"b\"/>\n"
    "  <person id=\"p19\" role=\"pm\" manager=\"b\"/>\n</orgchart>\n");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "folded.svg", NULL);
  g_autofree char *export_svg = g_strconcat ("--export=", out, NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, export_svg, path, NULL);
  assert_int_equal (run.status, 0);
  svg = ladder_test_read (out, NULL);
  assert_non_null (svg);
  assert_non_null (strstr (svg, "Ada Obi"));
  assert_non_null (strstr (svg, "Ben Cruz"));
  assert_non_null (strstr (svg, "Cleo Diaz"));
  /* Someone not named yet is "Unnamed", not their id. */
  assert_non_null (strstr (svg, ">Unnamed<"));
  assert_null (strstr (svg, ">p19<"));
  /* No fold marker ("+2") is drawn either. */
  assert_null (strstr (svg, ">+2<"));
  assert_null (strstr (svg, ">+1<"));
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
  const char *extensions[] = { "svg", "png", "pdf", "ladder", "csv", "json", "graphml", "drawio",
                               "dot", "mmd" };

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

/* ---- hostile text: escaped and bounded ---- */

/* A name cannot forge a line of --validate's output, nor hide its text
 * behind a bidi override. */
static void
test_validate_escapes_names (void **state)
{
  g_autofree char *path = ladder_test_write ("inject.ladder",
    HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" name=\"Ada\"/>\n"
    "  <person id=\"b\" role=\"associate-pm\" manager=\"a\"\n"
    "          name=\"Bo&#10;x.ladder: 0 errors, 0 warnings, 0 notes&#x202E;&#9;&#x2066;\"/>\n"
    "</orgchart>\n");
  g_autofree char *expected = g_strdup_printf (
    "%s:4: error: Bo\\nx.ladder: 0 errors, 0 warnings, 0 notes\\u202E\\t\\u2066 (Associate Product "
    "Manager) reports to Ada (CEO), who is not in the product team; an Associate Product Manager "
    "works under someone in the product team [associate-in-product-team]\n"
    "%s: 1 error, 0 warnings, 0 notes\n", path, path);
  g_auto(Run) run = { 0 };

  run_ladder (&run, "--validate", path, NULL);
  assert_int_equal (run.status, 1);
  assert_string_equal (run.out, expected);
}

/* Terminal escape sequences from a CSV reach neither stdout nor stderr. */
static void
test_csv_escapes_reach_no_terminal (void **state)
{
  g_autofree char *named = ladder_test_write ("esc.csv",
    "id,role,name,manager\na,ceo,Ada,\nb,associate-pm,\"\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m\",a\n");
  g_autofree char *vacant = ladder_test_write ("vacant.csv",
    "id,role,vacant\na,ceo,\x1b[31mred\x7f\n");
  g_autofree char *named_expected = g_strdup_printf (
    "%s:3: error: \\x1B]0;pwned\\x07\\x1B[2J\\u009B31m (Associate Product Manager) reports to Ada "
    "(CEO), who is not in the product team; an Associate Product Manager works under someone in "
    "the product team [associate-in-product-team]\n"
    "%s: 1 error, 0 warnings, 0 notes\n", named, named);
  g_autofree char *vacant_expected = g_strdup_printf (
    "%s:2: error: vacant is “\\x1B[31mred\\x7F”; use true or false\n", vacant);
  g_auto(Run) run = { 0 };
  g_auto(Run) refused = { 0 };

  run_ladder (&run, "--validate", named, NULL);
  assert_string_equal (run.out, named_expected);
  run_ladder (&refused, "--validate", vacant, NULL);
  assert_int_equal (refused.status, 2);
  assert_string_equal (refused.err, vacant_expected);
}

/* Characters of a long text quoted before its "…". */
#define LONG_SHOWN 63

/* A 4,000-person cycle, 10,000 unknown columns (one named in 60 KB), a
 * 60 KB id: each message names the first few and stays one short line. */
static void
test_huge_messages_bounded (void **state)
{
  g_autoptr(GString) cycle = g_string_new ("id,role,manager\n");
  g_autoptr(GString) columns = g_string_new ("id,role");
  g_autoptr(GString) long_id = g_string_new (HEAD "<orgchart version=\"1\">\n  <person role=\"ceo\" id=\"");
  g_autofree char *cycle_path = NULL, *columns_path = NULL, *id_path = NULL;
  g_autofree char *cycle_expected = NULL, *columns_expected = NULL, *id_expected = NULL;
  g_auto(Run) cycle_run = { 0 };
  g_auto(Run) columns_run = { 0 };
  g_auto(Run) id_run = { 0 };
  g_autofree char *huge_column = g_strnfill (60000, 'c');
  g_autofree char *long_column = g_strnfill (LONG_SHOWN, 'c');

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (cycle, "p%u,pm,p%u\n", i, (i + 1) % 4000);
  g_string_append_printf (columns, ",%s", huge_column);
  for (guint i = 1; i <= 10000; i++)
    g_string_append_printf (columns, ",extra%u", i);
  g_string_append (columns, "\na,ceo\n");
  for (guint i = 0; i < 60000; i++)
    g_string_append_c (long_id, i % 2 ? 'x' : '!');
  g_string_append (long_id, "\"/>\n</orgchart>\n");
  cycle_path = ladder_test_write ("cycle4000.csv", cycle->str);
  columns_path = ladder_test_write ("columns.csv", columns->str);
  id_path = ladder_test_write ("long-id.ladder", long_id->str);

  cycle_expected = g_strdup_printf ("%s:2: error: the reporting lines form a cycle: p0 → p1 → p2 → p3 → "
                                    "p4 → p5 → p6 → p7 → p8 → p9 and 3990 more\n", cycle_path);
  columns_expected = g_strdup_printf ("%s:1: warning: 10001 columns are not used: “%s…”, “extra1”, "
                                      "“extra2”, “extra3”, “extra4”, “extra5”, “extra6”, “extra7”, "
                                      "“extra8”, “extra9” and 9991 more\n", columns_path, long_column);
  id_expected = g_strdup_printf ("%s:3: error: id=\"!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x!x"
                                 "!x!x!x!x!x!x!x!x!x!…\" is not a valid id (1 to 64 letters, digits, "
                                 "“_”, “.” or “-”)\n", id_path);
  run_ladder (&cycle_run, "--validate", cycle_path, NULL);
  assert_string_equal (cycle_run.err, cycle_expected);
  run_ladder (&columns_run, "--validate", columns_path, NULL);
  assert_string_equal (columns_run.err, columns_expected);
  run_ladder (&id_run, "--validate", id_path, NULL);
  assert_string_equal (id_run.err, id_expected);
}

/* A failed export through a dangling link leaves the link. */
static void
test_failed_export_keeps_dangling_link (void **state)
{
  g_autofree char *in = example ("startup.ladder");
  g_autofree char *link = g_build_filename (ladder_test_tmpdir (), "dangling.svg", NULL);
  g_autofree char *expected = g_strdup_printf (
    "%s: error: cannot create a file in its folder: No such file or directory\n", link);
  g_auto(Run) run = { 0 };

  assert_int_equal (symlink ("no-such-folder/out.svg", link), 0);
  run_ladder (&run, "--export", link, in, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.err, expected);
  assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

/* --stats and --diff print through the same escaping. */
static void
test_stats_and_diff_escape (void **state)
{
  g_autofree char *old = ladder_test_write ("esc-old.ladder",
    HEAD "<orgchart version=\"1\" title=\"T&#10;x\">\n  <person id=\"a\" role=\"ceo\" name=\"Ada\"/>\n</orgchart>\n");
  g_autofree char *new = ladder_test_write ("esc-new.ladder",
    HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" name=\"Ada&#10;forged&#x202E;\"/>\n</orgchart>\n");
  g_autofree char *stats_first = g_strdup_printf ("%s: T\\nx\n", old);
  g_autofree char *changed = g_strdup_printf (
    "%s:2: changed: chart: title \"T\\nx\" -> none\n"
    "%s:3: changed: Ada\\nforged\\u202E: name \"Ada\" -> \"Ada\\nforged\\u202E\"\n"
    "%s -> %s: 0 added, 0 removed, 0 moved, 2 changed; findings: 0 new, 0 fixed\n", new, new, old, new);
  g_auto(Run) stats = { 0 };
  g_auto(Run) diff = { 0 };

  run_ladder (&stats, "--stats", old, NULL);
  assert_int_equal (stats.status, 0);
  assert_true (g_str_has_prefix (stats.out, stats_first));
  run_ladder (&diff, "--diff", old, new, NULL);
  assert_string_equal (diff.out, changed);
}

/* Input may be a pipe: `ladder --validate <(cat x.ladder)` (was refused:
 * "mmap() failed: Invalid argument"), and a folder says so. */
static void
test_validate_pipe_and_folder (void **state)
{
  g_autofree char *in = example ("startup.ladder");
  g_autofree char *script = g_strdup_printf ("exec \"$LADDER_BINARY\" --validate <(cat '%s')", in);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *folder_expected = g_strdup_printf ("%s: error: is a folder\n", ladder_test_tmpdir ());
  g_autoptr(GError) error = NULL;
  g_auto(Run) folder = { 0 };
  const char *argv[] = { "bash", "-c", script, NULL };
  int wait_status;

  assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                             &out, &err, &wait_status, &error));
  assert_string_equal (err, "");
  assert_true (g_str_has_prefix (out, "/dev/fd/"));
  assert_non_null (strstr (out, ": 0 errors, "));
  run_ladder (&folder, "--validate", ladder_test_tmpdir (), NULL);
  assert_int_equal (folder.status, 2);
  assert_string_equal (folder.err, folder_expected);
}

/* ---- other tools' formats, options, readable or refused ---- */

static void
test_export_json_of_a_team (void **state)
{
  g_autofree char *scale_up = example ("scale-up.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "team.json", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *json = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, "--root=spm-cards", scale_up, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, "");
  assert_string_equal (run.err, "");
  json = ladder_test_read (out, NULL);
  assert_non_null (json);
  assert_true (g_str_has_prefix (json,
    "[\n  {\"id\": \"spm-cards\", \"name\": \"Elena Petrova\", \"role\": \"senior-pm\", "
    "\"title\": \"Senior PM, Cards\", \"manager\": null, \"vacant\": false, "
    "\"assistant\": false, \"dotted\": [], \"note\": null},\n"
    "  {\"id\": \"pm-wallet\", \"name\": \"Noah Fischer\", \"role\": \"pm\", "
    "\"title\": \"PM, Wallets\", \"manager\": \"spm-cards\","));
  assert_null (strstr (json, "\"ceo\""));
}

static void
test_export_levels_mermaid (void **state)
{
  g_autofree char *scale_up = example ("scale-up.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "top.mmd", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *mmd = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, "--levels=3", scale_up, NULL);
  assert_int_equal (run.status, 0);
  mmd = ladder_test_read (out, NULL);
  assert_string_equal (mmd,
    "---\n"
    "title: \"Quillpay — product organisation\"\n"
    "---\n"
    "flowchart TD\n"
    "  n0[\"Daniel Achterberg<br/>CEO\"]\n"
    "  n1[\"Amara Nwosu<br/>Chief Product Officer\"]\n"
    "  n2[\"Rafael Ortega<br/>VP of Product\"]\n"
    "  n3[\"Fatima Zahra<br/>Program Manager, Launches\"]\n"
    "  n0 --> n1\n"
    "  n1 --> n2\n"
    "  n1 --> n3\n"
    "  n3 -.-> n2\n");
}

/* @n reports side by side under one CPO, as a .ladder file. */
static char *
write_wide_chart (const char *name, guint n)
{
  g_autoptr(GString) text = g_string_new (HEAD "<orgchart version=\"1\">\n"
                                          "  <person id=\"top\" role=\"cpo\"/>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "  <person id=\"p%u\" role=\"pm\" manager=\"top\"/>\n", i);
  g_string_append (text, "</orgchart>\n");
  return ladder_test_write (name, text->str);
}

static void
test_export_unreadable_refused (void **state)
{
  g_autofree char *wide = write_wide_chart ("wide.ladder", 5000);
  g_autofree char *png = g_build_filename (ladder_test_tmpdir (), "wide.png", NULL);
  g_autofree char *pdf = g_build_filename (ladder_test_tmpdir (), "wide.pdf", NULL);
  g_autofree char *png_option = g_strconcat ("--export=", png, NULL);
  g_autofree char *pdf_option = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *png_expected = g_strdup_printf (
    "%s: error: the chart is 1020040 × 272 px, too large for a readable PNG (its text would be "
    "0.3 px high); export part of it with --levels=N or --root=ID, or export SVG or PDF\n", png);
  g_autofree char *pdf_expected = g_strdup_printf (
    "%s: error: the chart would take 686 pages of a3-landscape (686 across, 1 down), more than "
    "500; export part of it with --levels=N or --root=ID\n", pdf);
  g_auto(Run) png_run = { 0 };
  g_auto(Run) pdf_run = { 0 };
  g_auto(Run) root_run = { 0 };

  run_ladder (&png_run, png_option, wide, NULL);
  assert_int_equal (png_run.status, 2);
  assert_string_equal (png_run.err, png_expected);
  assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_ladder (&pdf_run, pdf_option, wide, NULL);
  assert_int_equal (pdf_run.status, 2);
  assert_string_equal (pdf_run.err, pdf_expected);
  assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* What the message suggests works. */
  run_ladder (&root_run, pdf_option, "--root=p7", wide, NULL);
  assert_int_equal (root_run.status, 0);
  assert_string_equal (root_run.err, "");
  assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Folds are the view's: an export of a chart saved with a team folded
 * still shows everyone. */
static void
test_export_draws_folded_people (void **state)
{
  g_autofree char *chart = ladder_test_write ("folded.ladder",
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"ceo\" name=\"Ada Obi\"/>\n"
    "  <person id=\"b\" role=\"cpo\" name=\"Ben Cruz\" manager=\"a\" collapsed=\"true\"/>\n"
    "  <person id=\"c\" role=\"vp-product\" name=\"Chen Li\" manager=\"b\"/>\n"
    "  <person id=\"d\" role=\"pm\" name=\"Dev Roy\" manager=\"c\"/>\n"
    "</orgchart>\n");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "folded.svg", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, chart, NULL);
  assert_int_equal (run.status, 0);
  svg = ladder_test_read (out, NULL);
  assert_non_null (strstr (svg, ">Chen Li</text>"));
  assert_non_null (strstr (svg, ">Dev Roy</text>"));
  assert_null (strstr (svg, ">+2</text>"));
}

static void
test_export_unknown_root (void **state)
{
  g_autofree char *startup = example ("startup.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "nobody.svg", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *expected = g_strdup_printf (
    "%s: error: --root: nobody on the chart has the id “zz”\n", out);
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, "--root=zz", startup, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.err, expected);
  assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* enterprise.ladder is 2,947 × 1,096 px, 2,210 × 822 pt: on A4 portrait
 * (539 × 786 pt of chart a page) 5 across and 2 down. */
static void
test_export_pdf_pages_notice (void **state)
{
  g_autofree char *enterprise = example ("enterprise.ladder");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "wall.pdf", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: tiled over 10 pages of a4\n", out);
  g_auto(Run) run = { 0 };

  run_ladder (&run, option, "--page=a4", "--findings", enterprise, NULL);
  assert_int_equal (run.status, 0);
  assert_string_equal (run.err, expected);
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
    "visio-orgchart-wizard.csv", "orgchartnow.csv",
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
  g_auto(Run) stats = { 0 };

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
  assert_true (g_str_has_prefix (alone.err,
                                 "ladder: --column and --role go with --validate, --export, --stats or --diff\n"));

  /* --stats and --diff read the file with the same choices. */
  run_ladder (&stats, "--stats", "--format=json", "--column", "id=Emp", "--column", "name=worker",
              "--column", "manager=BOSS", "--column", "title=Post", "--role", "Chief=CEO", path, NULL);
  assert_int_equal (stats.status, 0);
  assert_non_null (strstr (stats.out, "\"roots\": 1"));
  assert_non_null (strstr (stats.out, "\"ceo\": 1"));
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
    cmocka_unit_test (test_validate_escapes_names),
    cmocka_unit_test (test_csv_escapes_reach_no_terminal),
    cmocka_unit_test (test_huge_messages_bounded),
    cmocka_unit_test (test_failed_export_keeps_dangling_link),
    cmocka_unit_test (test_stats_and_diff_escape),
    cmocka_unit_test (test_validate_pipe_and_folder),
    cmocka_unit_test (test_export_json_of_a_team),
    cmocka_unit_test (test_export_levels_mermaid),
    cmocka_unit_test (test_export_unreadable_refused),
    cmocka_unit_test (test_export_unnamed_and_folded),
    cmocka_unit_test (test_export_unknown_root),
    cmocka_unit_test (test_export_pdf_pages_notice),
    cmocka_unit_test (test_import_samples_validate),
    cmocka_unit_test (test_import_refused_formats),
    cmocka_unit_test (test_import_by_content),
    cmocka_unit_test (test_import_options),
    cmocka_unit_test (test_export_draws_folded_people),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
