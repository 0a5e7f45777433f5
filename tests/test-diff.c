/* test-diff.c — comparing two charts: `ladder --diff OLD NEW` as a real
 * process on pairs of charts built here (every line and the exit status),
 * and the engine's changes, counts and per-person flags */
#include "ladder-test-util.h"

#include "ladder-diff.h"
#include "ladder-io.h"

#include <string.h>
#include <sys/wait.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* SPEC.md's example, near enough: a title and head count change, a move
 * with a role and title change, a vacancy filled by a named person with a
 * dotted line and a note, three people added (one at the top, one under
 * the person just filled, bringing a rule error), one removed. */
static const char spec_old[] = HEAD
  "<orgchart version=\"1\" title=\"Acme\" employees=\"1200\">\n"
  "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"b\" role=\"cpo\" name=\"Ben Cruz\" manager=\"c\"/>\n"
  "  <person id=\"h\" role=\"head-of-product\" name=\"Hal Fox\" manager=\"b\"/>\n"
  "  <person id=\"l\" role=\"pm\" name=\"Chen Li\" manager=\"c\" title=\"PM\"/>\n"
  "  <person id=\"d\" role=\"pm\" name=\"Dev\" manager=\"h\" vacant=\"true\"/>\n"
  "  <person id=\"k\" role=\"pm\" name=\"Bo Kim\" manager=\"c\"/>\n"
  "</orgchart>\n";

static const char spec_new[] = HEAD
  "<orgchart version=\"1\" title=\"Acme product\" employees=\"1500\">\n"
  "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"b\" role=\"cpo\" name=\"Ben Cruz\" manager=\"c\"/>\n"
  "  <person id=\"h\" role=\"head-of-product\" name=\"Hal Fox\" manager=\"b\"/>\n"
  "  <person id=\"l\" role=\"senior-pm\" name=\"Chen Li\" manager=\"b\" title=\"Senior PM\"/>\n"
  "  <person id=\"d\" role=\"pm\" name=\"Dev Roy\" manager=\"h\">\n"
  "    <note>Owns checkout.</note>\n"
  "    <dotted-line to=\"c\"/>\n"
  "  </person>\n"
  "  <person id=\"s\" role=\"senior-pm\" name=\"Sam Lee\" manager=\"c\"/>\n"
  "  <person id=\"t\" role=\"ceo\" name=\"Tia Ray\"/>\n"
  "  <person id=\"v\" role=\"vp-product\" name=\"Vi Ng\" manager=\"d\"/>\n"
  "</orgchart>\n";

/* Every other field, and moves to and from the top; NEW's lines are not
 * in chart order (v comes before its manager c). */
static const char fields_old[] = HEAD
  "<orgchart version=\"1\" title=\"T\" layout=\"compact\">\n"
  "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"v\" role=\"vp-product\" name=\"Vi Ng\" manager=\"p\" assistant=\"true\">\n"
  "    <note>one</note>\n"
  "    <dotted-line to=\"c\"/>\n"
  "    <dotted-line to=\"p\"/>\n"
  "  </person>\n"
  "  <person id=\"p\" role=\"pm\" name=\"Pat\" manager=\"c\" title=\"PM, Core\">\n"
  "    <note>two</note>\n"
  "  </person>\n"
  "  <person id=\"r\" role=\"other\" title=\"Designer\"/>\n"
  "  <person id=\"x\" role=\"other\" name=\"Xu\" title=\"Lead Designer\"/>\n"
  "</orgchart>\n";

static const char fields_new[] = HEAD
  "<orgchart version=\"1\" employees=\"40\">\n"
  "  <person id=\"v\" role=\"vp-product\" name=\"Vi Ng\" manager=\"c\" vacant=\"true\">\n"
  "    <note>one!</note>\n"
  "    <dotted-line to=\"p\"/>\n"
  "  </person>\n"
  "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"p\" role=\"pm\" manager=\"v\" assistant=\"true\"/>\n"
  "  <person id=\"r\" role=\"other\" title=\"Designer\" manager=\"p\"/>\n"
  "</orgchart>\n";

static char *
write_chart (const char *name, const char *text)
{
  return ladder_test_write (name, text);
}

/* @text with OLD and NEW replaced by the two paths. */
static char *
with_paths (const char *text, const char *old_path, const char *new_path)
{
  g_auto(GStrv) old_parts = g_strsplit (text, "OLD", -1);
  g_autofree char *with_old = g_strjoinv (old_path, old_parts);
  g_auto(GStrv) new_parts = g_strsplit (with_old, "NEW", -1);

  return g_strjoinv (new_path, new_parts);
}

/* Runs ladder --diff on @old_text and @new_text (written to files) and
 * checks the exit status and the whole output, in which OLD and NEW
 * stand for the two paths. */
static void
assert_diff (const char *old_name, const char *old_text,
             const char *new_name, const char *new_text,
             int status, const char *expected)
{
  g_autofree char *old_path = write_chart (old_name, old_text);
  g_autofree char *new_path = write_chart (new_name, new_text);
  g_auto(LadderTestRun) run = { 0 };
  g_autofree char *want = with_paths (expected, old_path, new_path);

  ladder_test_run_ladder (&run, "--diff", old_path, new_path, NULL);
  assert_string_equal (run.out, want);
  assert_string_equal (run.err, "");
  assert_int_equal (run.status, status);
}

static void
test_spec_pair (void **state)
{
  (void) state;
  assert_diff ("spec-old.ladder", spec_old, "spec-new.ladder", spec_new, 1,
    "NEW:2: changed: chart: title \"Acme\" -> \"Acme product\"; employees 1200 -> 1500\n"
    "NEW:6: moved: Chen Li (Senior Product Manager) from Ada Obi to Ben Cruz\n"
    "NEW:6: changed: Chen Li: role Product Manager -> Senior Product Manager; title \"PM\" -> \"Senior PM\"\n"
    "NEW:7: changed: Dev Roy: name \"Dev\" -> \"Dev Roy\"; filled (was vacant); dotted line to Ada Obi added; note added\n"
    "NEW:11: added: Sam Lee (Senior Product Manager) under Ada Obi\n"
    "NEW:12: added: Tia Ray (CEO) at the top\n"
    "NEW:13: added: Vi Ng (VP of Product) under Dev Roy\n"
    "OLD:8: removed: Bo Kim (Product Manager), who reported to Ada Obi\n"
    "NEW:6: warning: Chen Li (Senior Product Manager) reports to Ben Cruz (Chief Product Officer); "
    "a Senior Product Manager usually reports to a Head of Product, a Director of Product or a Group "
    "Product Manager [senior-pm-manager] (new)\n"
    "NEW:6: note: Chen Li (Senior Product Manager) manages no Junior or Associate Product Manager; "
    "a Senior Product Manager typically manages at least one [senior-pm-mentors] (new)\n"
    "NEW:11: warning: Sam Lee (Senior Product Manager) reports to Ada Obi (CEO); a Senior Product "
    "Manager usually reports to a Head of Product, a Director of Product or a Group Product Manager "
    "[senior-pm-manager] (new)\n"
    "NEW:11: note: Sam Lee (Senior Product Manager) manages no Junior or Associate Product Manager; "
    "a Senior Product Manager typically manages at least one [senior-pm-mentors] (new)\n"
    "NEW:12: error: Tia Ray is another CEO besides Ada Obi; a chart has at most one CEO [single-ceo] (new)\n"
    "NEW:13: error: Vi Ng (VP of Product) reports to Dev Roy (Product Manager); the VP of Product "
    "reports directly to the CEO or a CPO [vp-reports-to-executive] (new)\n"
    "OLD:6: warning: Chen Li (Product Manager) reports to Ada Obi (CEO); a Product Manager usually "
    "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior Product "
    "Manager [pm-manager] (fixed)\n"
    "OLD:8: warning: Bo Kim (Product Manager) reports to Ada Obi (CEO); a Product Manager usually "
    "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior Product "
    "Manager [pm-manager] (fixed)\n"
    "OLD -> NEW: 3 added, 1 removed, 1 moved, 3 changed; findings: 6 new, 2 fixed\n");
}

/* Fixes only (an error among them): exit 0. */
static void
test_fields_and_fixes (void **state)
{
  (void) state;
  assert_diff ("fields-old.ladder", fields_old, "fields-new.ladder", fields_new, 0,
    "NEW:2: changed: chart: title \"T\" -> none; employees none -> 40; layout compact -> tree\n"
    "NEW:3: moved: Vi Ng (VP of Product) from Pat to Ada Obi\n"
    "NEW:3: changed: Vi Ng: now vacant; no longer an assistant; dotted line to Ada Obi removed; note changed\n"
    "NEW:8: moved: p (Product Manager) from Ada Obi to Vi Ng\n"
    "NEW:8: changed: p: name \"Pat\" -> none; title \"PM, Core\" -> none; now an assistant; note removed\n"
    "NEW:9: moved: r (Designer) from the top to p\n"
    "OLD:13: removed: Xu (Lead Designer), who was at the top\n"
    "OLD:4: error: Vi Ng (VP of Product) reports to Pat (Product Manager); the VP of Product reports "
    "directly to the CEO or a CPO [vp-reports-to-executive] (fixed)\n"
    "OLD:12: warning: r (Designer) has no manager; everyone but the CEO reports to someone [needs-manager] (fixed)\n"
    "OLD:13: warning: Xu (Lead Designer) has no manager; everyone but the CEO reports to someone [needs-manager] (fixed)\n"
    "OLD -> NEW: 0 added, 1 removed, 3 moved, 3 changed; findings: 0 new, 3 fixed\n");
  /* The other way round: moves to the top, an error comes back: exit 1. */
  assert_diff ("fields-new.ladder", fields_new, "fields-old.ladder", fields_old, 1,
    "NEW:2: changed: chart: title none -> \"T\"; employees 40 -> none; layout tree -> compact\n"
    "NEW:4: moved: Vi Ng (VP of Product) from Ada Obi to Pat\n"
    "NEW:4: changed: Vi Ng: filled (was vacant); now an assistant; dotted line to Ada Obi added; note changed\n"
    "NEW:9: moved: Pat (Product Manager) from Vi Ng to Ada Obi\n"
    "NEW:9: changed: Pat: name none -> \"Pat\"; title none -> \"PM, Core\"; no longer an assistant; note added\n"
    "NEW:12: moved: r (Designer) from p to the top\n"
    "NEW:13: added: Xu (Lead Designer) at the top\n"
    "NEW:4: error: Vi Ng (VP of Product) reports to Pat (Product Manager); the VP of Product reports "
    "directly to the CEO or a CPO [vp-reports-to-executive] (new)\n"
    "NEW:12: warning: r (Designer) has no manager; everyone but the CEO reports to someone [needs-manager] (new)\n"
    "NEW:13: warning: Xu (Lead Designer) has no manager; everyone but the CEO reports to someone [needs-manager] (new)\n"
    "OLD -> NEW: 1 added, 0 removed, 3 moved, 3 changed; findings: 3 new, 0 fixed\n");
}

static void
test_same_chart (void **state)
{
  (void) state;
  assert_diff ("same-old.ladder", spec_new, "same-new.ladder", spec_new, 0,
    "OLD -> NEW: 0 added, 0 removed, 0 moved, 0 changed; findings: 0 new, 0 fixed\n");
}

/* Folds are the view, and the order of siblings only where they are
 * drawn: neither is a change. */
static void
test_view_is_no_change (void **state)
{
  (void) state;
  assert_diff ("view-old.ladder", spec_old, "view-new.ladder", HEAD
    "<orgchart version=\"1\" title=\"Acme\" employees=\"1200\">\n"
    "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\" collapsed=\"true\"/>\n"
    "  <person id=\"k\" role=\"pm\" name=\"Bo Kim\" manager=\"c\" order=\"0\"/>\n"
    "  <person id=\"b\" role=\"cpo\" name=\"Ben Cruz\" manager=\"c\"/>\n"
    "  <person id=\"h\" role=\"head-of-product\" name=\"Hal Fox\" manager=\"b\" collapsed=\"true\"/>\n"
    "  <person id=\"l\" role=\"pm\" name=\"Chen Li\" manager=\"c\" title=\"PM\"/>\n"
    "  <person id=\"d\" role=\"pm\" name=\"Dev\" manager=\"h\" vacant=\"true\"/>\n"
    "</orgchart>\n", 0,
    "OLD -> NEW: 0 added, 0 removed, 0 moved, 0 changed; findings: 0 new, 0 fixed\n");
}

/* A CSV file has no chart line: OLD's lines are its rows. */
static void
test_csv_and_ids (void **state)
{
  (void) state;
  assert_diff ("people.csv",
    "id,name,role,manager,title\n"
    "c,Ada Obi,ceo,,\n"
    "k,Bo Kim,pm,c,\n"
    "p,,pm,c,\n",
    "people.ladder", HEAD
    "<orgchart version=\"1\">\n"
    "  <person id=\"c\" role=\"ceo\" name=\"Ada Obi\"/>\n"
    "  <person id=\"p\" role=\"wizard\" manager=\"c\"/>\n"
    "</orgchart>\n", 1,
    "NEW:4: changed: p: role Product Manager -> wizard\n"
    "OLD:3: removed: Bo Kim (Product Manager), who reported to Ada Obi\n"
    "NEW:4: error: p has the role “wizard”, which is not in the role catalogue [unknown-role] (new)\n"
    "OLD:3: warning: Bo Kim (Product Manager) reports to Ada Obi (CEO); a Product Manager usually "
    "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior Product "
    "Manager [pm-manager] (fixed)\n"
    "OLD:4: warning: p (Product Manager) reports to Ada Obi (CEO); a Product Manager usually "
    "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior Product "
    "Manager [pm-manager] (fixed)\n"
    "OLD -> NEW: 0 added, 1 removed, 0 moved, 1 changed; findings: 1 new, 2 fixed\n");
}

static void
test_refused (void **state)
{
  g_autofree char *good = write_chart ("good.ladder", spec_old);
  g_autofree char *bad = write_chart ("cycle.ladder", HEAD
    "<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"pm\" manager=\"b\"/>\n"
    "  <person id=\"b\" role=\"pm\" manager=\"a\"/>\n"
    "</orgchart>\n");
  g_autofree char *missing = g_build_filename (ladder_test_tmpdir (), "missing.ladder", NULL);
  g_autofree char *prefix = g_strconcat (bad, ":", NULL);
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder (&run, "--diff", good, bad, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_true (g_str_has_prefix (run.err, prefix));
  assert_non_null (strstr (run.err, ": error: "));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--diff", missing, good, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_true (g_str_has_prefix (run.err, missing));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--diff", good, NULL);
  assert_int_equal (run.status, 2);
  assert_string_equal (run.out, "");
  assert_true (g_str_has_prefix (run.err, "ladder: --diff needs two FILEs: OLD NEW\n"));
  ladder_test_run_clear (&run);

  ladder_test_run_ladder (&run, "--diff", "--export=x.png", good, good, NULL);
  assert_int_equal (run.status, 2);
  assert_true (g_str_has_prefix (run.err,
                                 "ladder: --validate, --export, --stats and --diff cannot be used together\n"));
}

/* OLD from a pipe (git show's output, in a pull request): read as it
 * streams, named as given. */
static void
test_pipe (void **state)
{
  g_autofree char *old_path = write_chart ("pipe-old.ladder", spec_old);
  g_autofree char *new_path = write_chart ("pipe-new.ladder", spec_new);
  g_autofree char *quoted_binary = g_shell_quote (g_getenv ("LADDER_BINARY"));
  g_autofree char *quoted_old = g_shell_quote (old_path);
  g_autofree char *quoted_new = g_shell_quote (new_path);
  g_autofree char *command = g_strdup_printf ("cat %s | LC_ALL=C LANGUAGE=C %s --diff /dev/stdin %s",
                                              quoted_old, quoted_binary, quoted_new);
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *removed = NULL;
  int wait_status;

  (void) state;
  assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, &err, &wait_status, NULL));
  assert_true (WIFEXITED (wait_status));
  assert_int_equal (WEXITSTATUS (wait_status), 1);
  assert_string_equal (err, "");
  removed = with_paths ("/dev/stdin:8: removed: Bo Kim (Product Manager), who reported to Ada Obi\n",
                        old_path, new_path);
  assert_non_null (strstr (out, removed));
  summary = with_paths ("/dev/stdin -> NEW: 3 added, 1 removed, 1 moved, 3 changed; findings: 6 new, 2 fixed\n",
                        old_path, new_path);
  assert_true (g_str_has_suffix (out, summary));
}

/* The phrases are translated; the words editors and CI read (added,
 * moved, changed, removed, error, (new), (fixed)) are not. */
static void
test_german (void **state)
{
  g_autofree char *old_path = write_chart ("de-old.ladder", fields_new);
  g_autofree char *new_path = write_chart ("de-new.ladder", fields_old);
  g_autofree char *expected = NULL;
  g_auto(LadderTestRun) run = { 0 };

  (void) state;
  ladder_test_run_ladder_in (&run, "de", "--diff", old_path, new_path, NULL);
  assert_int_equal (run.status, 1);
  expected = with_paths (
    "NEW:2: changed: Organigramm: Titel (leer) -> \"T\"; Beschäftigte 40 -> (leer); Anordnung tree -> compact\n"
    "NEW:4: moved: Vi Ng (VP Produkt) von Ada Obi zu Pat\n"
    "NEW:4: changed: Vi Ng: besetzt (war unbesetzt); jetzt Assistenz; gepunktete Linie zu Ada Obi hinzugefügt; "
    "Notiz geändert\n"
    "NEW:9: moved: Pat (Produktmanager) von Vi Ng zu Ada Obi\n"
    "NEW:9: changed: Pat: Name (leer) -> \"Pat\"; Titel (leer) -> \"PM, Core\"; nicht mehr Assistenz; "
    "Notiz hinzugefügt\n"
    "NEW:12: moved: r (Designer) von p an die Spitze\n"
    "NEW:13: added: Xu (Lead Designer) an der Spitze\n",
    old_path, new_path);
  assert_true (g_str_has_prefix (run.out, expected));
  g_free (expected);
  expected = with_paths ("OLD -> NEW: 1 hinzugefügt, 0 entfernt, 3 verschoben, 3 geändert; "
                         "Befunde: 3 neu, 0 behoben\n", old_path, new_path);
  assert_true (g_str_has_suffix (run.out, expected));
  assert_non_null (strstr (run.out, "[vp-reports-to-executive] (new)\n"));
}

static LadderChart *
chart_from (const char *xml)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_xml_read_memory (xml, strlen (xml), "t.ladder", &error);

  assert_null (error);
  return chart;
}

/* What a window marks: the changes with their people, and the flags. */
static void
test_engine (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(LadderChart) old_chart = chart_from (spec_old);
  g_autoptr(LadderChart) new_chart = chart_from (spec_new);
  g_autoptr(LadderFindings) old_findings = ladder_validate (old_chart, catalogue);
  g_autoptr(LadderFindings) new_findings = ladder_validate (new_chart, catalogue);
  g_autoptr(LadderDiff) diff = NULL;
  g_autoptr(LadderDiff) bare = NULL;
  const LadderDiffChange *change;
  g_autofree char *line = NULL;
  g_autofree char *summary = NULL;

  (void) state;
  diff = ladder_diff_new (old_chart, old_findings, new_chart, new_findings, catalogue);
  assert_int_equal (ladder_diff_get_n_changes (diff), 16);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_ADDED), 3);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_REMOVED), 1);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_MOVED), 1);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_CHANGED), 3);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_CHART), 1);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_NEW_FINDING), 6);
  assert_int_equal (ladder_diff_count (diff, LADDER_DIFF_FIXED_FINDING), 2);
  assert_true (ladder_diff_has_new_errors (diff));

  change = ladder_diff_get_change (diff, 0);
  assert_int_equal (change->kind, LADDER_DIFF_CHART);
  assert_int_equal (change->person, LADDER_NONE);
  assert_int_equal (change->line, 2);
  assert_int_equal (change->fields, LADDER_DIFF_FIELD_CHART_TITLE | LADDER_DIFF_FIELD_CHART_EMPLOYEES);

  change = ladder_diff_get_change (diff, 3);
  assert_int_equal (change->kind, LADDER_DIFF_CHANGED);
  assert_false (change->in_old);
  assert_int_equal (change->person, ladder_chart_lookup (new_chart, "d"));
  assert_int_equal (change->fields, LADDER_DIFF_FIELD_NAME | LADDER_DIFF_FIELD_VACANT
                                    | LADDER_DIFF_FIELD_DOTTED | LADDER_DIFF_FIELD_NOTE);

  change = ladder_diff_get_change (diff, 7);
  assert_int_equal (change->kind, LADDER_DIFF_REMOVED);
  assert_true (change->in_old);
  assert_int_equal (change->person, ladder_chart_lookup (old_chart, "k"));
  assert_int_equal (change->line, 8);
  assert_string_equal (change->text, "Bo Kim (Product Manager), who reported to Ada Obi");

  change = ladder_diff_get_change (diff, 15);
  assert_int_equal (change->kind, LADDER_DIFF_FIXED_FINDING);
  assert_true (change->in_old);
  assert_string_equal (ladder_rule_get_id (change->finding->rule), "pm-manager");
  assert_int_equal (change->person, ladder_chart_lookup (old_chart, "k"));

  line = ladder_diff_format_change (diff, 4, "a", "b");
  assert_string_equal (line, "b:11: added: Sam Lee (Senior Product Manager) under Ada Obi");
  summary = ladder_diff_format_summary (diff, "a", "b");
  assert_string_equal (summary, "a -> b: 3 added, 1 removed, 1 moved, 3 changed; findings: 6 new, 2 fixed");

  assert_int_equal (ladder_diff_get_person_flags (diff, ladder_chart_lookup (new_chart, "l")),
                    LADDER_DIFF_PERSON_MOVED | LADDER_DIFF_PERSON_CHANGED);
  assert_int_equal (ladder_diff_get_person_flags (diff, ladder_chart_lookup (new_chart, "s")),
                    LADDER_DIFF_PERSON_ADDED);
  assert_int_equal (ladder_diff_get_person_flags (diff, ladder_chart_lookup (new_chart, "d")),
                    LADDER_DIFF_PERSON_CHANGED);
  assert_int_equal (ladder_diff_get_person_flags (diff, ladder_chart_lookup (new_chart, "h")), 0);
  assert_int_equal (ladder_diff_get_person_flags (diff, 1000), 0);

  /* Without findings, only the people and the chart. */
  bare = ladder_diff_new (old_chart, NULL, new_chart, NULL, catalogue);
  assert_int_equal (ladder_diff_get_n_changes (bare), 8);
  assert_false (ladder_diff_has_new_errors (bare));
}

/* Edits made after reading (no line) go after the person before them in
 * chart order, and print without a line. */
static void
test_edited_chart (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(LadderChart) old_chart = chart_from (spec_old);
  g_autoptr(LadderChart) new_chart = chart_from (spec_old);
  g_autoptr(LadderDiff) diff = NULL;
  guint hal = ladder_chart_lookup (new_chart, "h");
  guint added;

  (void) state;
  added = ladder_chart_add_person (new_chart, "n", "pm", hal, LADDER_NONE, NULL);
  ladder_chart_set_name (new_chart, added, "Nia");
  ladder_chart_set_name (new_chart, ladder_chart_lookup (new_chart, "k"), "Bo King");
  diff = ladder_diff_new (old_chart, NULL, new_chart, NULL, catalogue);
  assert_int_equal (ladder_diff_get_n_changes (diff), 2);
  /* Nia comes under Hal Fox (line 5), after Dev (line 7) in chart order:
   * before Bo Kim (line 8). */
  assert_string_equal (ladder_diff_get_change (diff, 0)->text, "Nia (Product Manager) under Hal Fox");
  assert_int_equal (ladder_diff_get_change (diff, 0)->line, 0);
  assert_string_equal (ladder_diff_get_change (diff, 1)->text, "Bo King: name \"Bo Kim\" -> \"Bo King\"");
  {
    g_autofree char *line = ladder_diff_format_change (diff, 0, "a", "b");

    assert_string_equal (line, "b: added: Nia (Product Manager) under Hal Fox");
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_spec_pair),
    cmocka_unit_test (test_fields_and_fixes),
    cmocka_unit_test (test_same_chart),
    cmocka_unit_test (test_view_is_no_change),
    cmocka_unit_test (test_csv_and_ids),
    cmocka_unit_test (test_refused),
    cmocka_unit_test (test_german),
    cmocka_unit_test (test_pipe),
    cmocka_unit_test (test_engine),
    cmocka_unit_test (test_edited_chart),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
