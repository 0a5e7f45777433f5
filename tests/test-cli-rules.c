/* test-cli-rules.c — rules files on the command line: --rules repeated,
 * each file on top of the ones before, and examples/rules/org-health.xml
 * on the example charts, exact lines */
#include "ladder-test-util.h"

#include <string.h>

/* LADDER_SOURCE_DIR with a slash at the end. */
static char *
source_dir (void)
{
  const char *root = g_getenv ("LADDER_SOURCE_DIR");

  assert_non_null (root);
  return g_str_has_suffix (root, "/") ? g_strdup (root) : g_strconcat (root, "/", NULL);
}

/* @text with every "SOURCE_DIR/" taken out. */
static char *
without_source_dir (const char *text)
{
  g_autofree char *dir = source_dir ();
  g_auto(GStrv) parts = g_strsplit (text, dir, -1);

  return g_strjoinv ("", parts);
}

/* Runs ladder with @args (NULL-terminated, at most 7).  An argument that
 * names examples/ is taken in the source tree, and the source tree's
 * path is left out of what ladder prints, so expected lines read short. */
static void
run_args (LadderTestRun *run,
          const char   **args)
{
  g_autofree char *dir = source_dir ();
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  char *out, *err;

  for (guint i = 0; args[i]; i++)
    {
      const char *arg = args[i];
      const char *examples = strstr (arg, "examples/");

      if (examples == arg || (examples && g_str_has_prefix (arg, "--rules=")))
        g_ptr_array_add (a, g_strdup_printf ("%.*s%s%s", (int) (examples - arg), arg, dir, examples));
      else
        g_ptr_array_add (a, g_strdup (arg));
    }
  g_assert (a->len <= 7);
  while (a->len < 8)
    g_ptr_array_add (a, NULL);
  ladder_test_run_ladder (run, a->pdata[0], a->pdata[1], a->pdata[2], a->pdata[3], a->pdata[4],
                          a->pdata[5], a->pdata[6], NULL);
  out = without_source_dir (run->out);
  err = without_source_dir (run->err);
  g_free (run->out);
  g_free (run->err);
  run->out = out;
  run->err = err;
}

static void
expect_output (const char **args,
               int          status,
               const char  *out,
               const char  *err)
{
  g_auto(LadderTestRun) run = { 0 };

  run_args (&run, args);
  if (strcmp (run.out, out) != 0 || strcmp (run.err, err) != 0)
    print_error ("stdout:\n%s\nstderr:\n%s\n", run.out, run.err);
  assert_string_equal (run.out, out);
  assert_string_equal (run.err, err);
  assert_int_equal (run.status, status);
}

/* The lines of @text that end with one of @rule_ids in brackets, and its
 * last line (the summary). */
static char *
lines_of_rules (const char  *text,
                const char **rule_ids)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *kept = g_string_new (NULL);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      gboolean keep = i + 2 == n;

      for (guint r = 0; !keep && rule_ids[r]; r++)
        {
          g_autofree char *tail = g_strdup_printf ("[%s]", rule_ids[r]);

          keep = g_str_has_suffix (lines[i], tail);
        }
      if (keep)
        g_string_append_printf (kept, "%s\n", lines[i]);
    }
  return g_string_free (kept, FALSE);
}

static void
test_org_health_examples (void **state)
{
  static const char *org_health[] = { "span-too-wide", "span-too-narrow", "single-report",
                                      "too-many-layers", NULL };
  const char *scale_up[] = { "--rules=examples/rules/org-health.xml", "--validate",
                             "examples/scale-up.ladder", NULL };
  const char *enterprise[] = { "--rules=examples/rules/org-health.xml", "--validate",
                               "examples/enterprise.ladder", NULL };
  const char *startup[] = { "--rules", "examples/rules/org-health.xml", "--validate",
                            "examples/startup.ladder", NULL };
  g_auto(LadderTestRun) run = { 0 };
  g_autofree char *kept = NULL;

  /* The built-in rules still run: director-in-small-org is theirs. */
  expect_output (scale_up, 0,
    "examples/scale-up.ladder:4: note: Amara Nwosu (Chief Product Officer) has only 2 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/scale-up.ladder:7: note: Rafael Ortega (VP of Product) has only 2 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/scale-up.ladder:8: note: Sofia Brandt (Director of Product) is in a company of 1800 employees; below 5,000 the Director of Product role is often collapsed into the VP of Product or Head of Product [director-in-small-org]\n"
    "examples/scale-up.ladder:8: note: Sofia Brandt (Director of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/scale-up.ladder:11: warning: Noah Fischer (Product Manager) is on layer 7; our policy is at most 6 layers [too-many-layers]\n"
    "examples/scale-up.ladder:21: note: Grace Kim (Director of Product) is in a company of 1800 employees; below 5,000 the Director of Product role is often collapsed into the VP of Product or Head of Product [director-in-small-org]\n"
    "examples/scale-up.ladder:21: note: Grace Kim (Director of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/scale-up.ladder:22: note: Omar Haddad (Group Product Manager) manages one person: a layer that adds a step but no span [single-report]\n"
    "examples/scale-up.ladder: 0 errors, 1 warning, 7 notes\n", "");
  expect_output (startup, 0, "examples/startup.ladder: 0 errors, 0 warnings, 0 notes\n", "");

  run_args (&run, enterprise);
  assert_int_equal (run.status, 1);
  assert_string_equal (run.err, "");
  kept = lines_of_rules (run.out, org_health);
  assert_string_equal (kept,
    "examples/enterprise.ladder:4: note: Rohan Mehta (Chief Product Officer) has only 2 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:5: note: Claire Dubois (VP of Product) has only 2 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:6: note: Marta Kowalska (Head of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:7: note: Samuel Osei (Director of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:12: warning: Nadia Karimi (Product Manager) is on layer 8; our policy is at most 6 layers [too-many-layers]\n"
    "examples/enterprise.ladder:19: note: Henrik Nilsson (Director of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:24: note: Emily Novak (Junior Product Manager) manages one person: a layer that adds a step but no span [single-report]\n"
    "examples/enterprise.ladder:32: note: Jonathan Reyes (VP of Product) has only 2 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:33: note: Aiko Yamamoto (Director of Product) has only 1 of the 3 direct reports our policy asks of a product leader [span-too-narrow]\n"
    "examples/enterprise.ladder:36: note: Carlos Mendes (Product Manager) manages one person: a layer that adds a step but no span [single-report]\n"
    "examples/enterprise.ladder:47: note: Grace Adeyemi (CTO) manages one person: a layer that adds a step but no span [single-report]\n"
    "examples/enterprise.ladder:48: note: Stefan Horvat (Engineering Manager, Internal Tools) manages one person: a layer that adds a step but no span [single-report]\n"
    "examples/enterprise.ladder: 4 errors, 2 warnings, 12 notes\n");
}

#define CHART \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<orgchart version=\"1\">\n" \
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n" \
  "  <person id=\"pm\" role=\"pm\" name=\"Bo Kim\" manager=\"ceo\"/>\n" \
  "  <person id=\"des\" role=\"designer\" name=\"Cy Ray\" manager=\"pm\"/>\n" \
  "  <person id=\"lone\" role=\"pm\" name=\"Di Lu\"/>\n" \
  "</orgchart>\n"

/* Adds a role and a rule about it, and makes needs-manager an error. */
#define DESIGN \
  "<rules version=\"1\" extends=\"builtin\">\n" \
  "  <role id=\"designer\" color=\"#123456\"><name>Product Designer</name></role>\n" \
  "  <rule id=\"designer-under-lead\" severity=\"warning\" check=\"manager-must-be\"\n" \
  "        subjects=\"designer\" managers=\"head-of-product\">\n" \
  "    <summary>S</summary><message>{person} ({role}) reports to {manager}</message></rule>\n" \
  "  <rule id=\"needs-manager\" severity=\"error\" check=\"has-manager\" subjects=\"@all !ceo\">\n" \
  "    <summary>S</summary><message>{person} ({role}) stands alone</message></rule>\n" \
  "</rules>\n"

/* On top of DESIGN: the designer rule becomes a note; pm-manager goes
 * (a rule of no subject); a rule of its own. */
#define SOFTER \
  "<rules version=\"1\" extends=\"builtin\">\n" \
  "  <rule id=\"designer-under-lead\" severity=\"note\" check=\"manager-must-be\"\n" \
  "        subjects=\"designer\" managers=\"head-of-product\">\n" \
  "    <summary>S</summary><message>{person} ({role}) reports to {manager}, a note</message></rule>\n" \
  "  <rule id=\"pm-manager\" severity=\"warning\" check=\"has-manager\" subjects=\"!@all\">\n" \
  "    <summary>S</summary><message>{person}</message></rule>\n" \
  "  <rule id=\"ceo-alone\" severity=\"note\" check=\"single-report\" subjects=\"ceo\">\n" \
  "    <summary>S</summary><message>{person} has {span} report</message></rule>\n" \
  "</rules>\n"

/* Without extends: replaces everything below it. */
#define ALONE \
  "<rules version=\"1\">\n" \
  "  <role id=\"ceo\" color=\"#123456\"><name>Boss</name></role>\n" \
  "  <role id=\"pm\" color=\"#123456\"><name>Worker</name></role>\n" \
  "  <role id=\"designer\" color=\"#123456\"><name>Maker</name></role>\n" \
  "  <rule id=\"wide\" severity=\"error\" check=\"span\" max=\"0\">\n" \
  "    <summary>S</summary><message>{person} ({role}) has {span} &gt; {max}</message></rule>\n" \
  "</rules>\n"

#define BAD_SPAN \
  "<rules version=\"1\" extends=\"builtin\">\n" \
  "  <rule id=\"x\" severity=\"note\" check=\"span\" subjects=\"designer\" max=\"2\">\n" \
  "    <summary>S</summary><message>{person}</message></rule>\n" \
  "</rules>\n"

#define BROKEN \
  "<rules version=\"1\" extends=\"mine\">\n" \
  "  <role id=\"a\" color=\"#123456\"><name>A</name></role>\n" \
  "</rules>\n"

#define PM_UNDER_CEO \
  "%1$s:4: warning: Bo Kim (Product Manager) reports to Ada Obi (CEO); a Product Manager usually " \
  "reports to a Head of Product, a Director of Product, a Group Product Manager or a Senior Product " \
  "Manager [pm-manager]\n"
#define DESIGN_THEN_SOFTER \
  "%1$s:3: note: Ada Obi has 1 report [ceo-alone]\n" \
  "%1$s:5: note: Cy Ray (Product Designer) reports to Bo Kim, a note [designer-under-lead]\n" \
  "%1$s:6: error: Di Lu (Product Manager) stands alone [needs-manager]\n" \
  "%1$s: 1 error, 0 warnings, 2 notes\n"
#define ALONE_FINDINGS \
  "%1$s:3: error: Ada Obi (Boss) has 1 > 0 [wide]\n" \
  "%1$s:4: error: Bo Kim (Worker) has 1 > 0 [wide]\n" \
  "%1$s: 2 errors, 0 warnings, 0 notes\n"

static void
test_rules_repeated (void **state)
{
  /* --rules=NAME for each file, in order; then --validate on CHART.  In
   * the expected stdout, %1$s is the chart's path; in stderr, the folder
   * of the rules files. */
  static const struct {
    const char *files[4];
    int         status;
    const char *out;
    const char *err;
  } cases[] = {
    /* Built-in only: the designer's role is unknown. */
    { { NULL }, 1,
      PM_UNDER_CEO
      "%1$s:5: error: Cy Ray has the role “designer”, which is not in the role catalogue [unknown-role]\n"
      "%1$s:6: warning: Di Lu (Product Manager) has no manager; everyone but the CEO reports to someone [needs-manager]\n"
      "%1$s: 1 error, 2 warnings, 0 notes\n", "" },
    /* One file on top of the built-in rules: a role, a rule, and its own
     * needs-manager instead of the built-in one. */
    { { "design.xml" }, 1,
      PM_UNDER_CEO
      "%1$s:5: warning: Cy Ray (Product Designer) reports to Bo Kim [designer-under-lead]\n"
      "%1$s:6: error: Di Lu (Product Manager) stands alone [needs-manager]\n"
      "%1$s: 1 error, 2 warnings, 0 notes\n", "" },
    /* Two: the second replaces the first's rule and a built-in one. */
    { { "design.xml", "softer.xml" }, 1, DESIGN_THEN_SOFTER, "" },
    { { "design.xml", "span.xml", "softer.xml" }, 1, DESIGN_THEN_SOFTER, "" },
    /* Without DESIGN below it, SOFTER names a role no file defines. */
    { { "softer.xml" }, 2, "", "%1$s/softer.xml:3: error: subjects: unknown role “designer”\n" },
    /* A file without extends replaces all that came before it, and a
     * later file may extend that. */
    { { "design.xml", "alone.xml" }, 1, ALONE_FINDINGS, "" },
    { { "alone.xml", "span.xml" }, 1, ALONE_FINDINGS, "" },
    /* An error in any file: its name and line, exit 2. */
    { { "design.xml", "broken.xml", "softer.xml" }, 2, "",
      "%1$s/broken.xml:1: error: extends must be “builtin”, not “mine”\n" },
  };
  g_autofree char *chart = ladder_test_write ("team.ladder", CHART);
  const char *dir = ladder_test_tmpdir ();

  g_free (ladder_test_write ("design.xml", DESIGN));
  g_free (ladder_test_write ("softer.xml", SOFTER));
  g_free (ladder_test_write ("alone.xml", ALONE));
  g_free (ladder_test_write ("span.xml", BAD_SPAN));
  g_free (ladder_test_write ("broken.xml", BROKEN));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = g_strdup_printf (cases[i].out, chart);
      g_autofree char *err = g_strdup_printf (cases[i].err, dir);

      for (guint f = 0; f < G_N_ELEMENTS (cases[i].files) && cases[i].files[f]; f++)
        g_ptr_array_add (args, g_strdup_printf ("--rules=%s/%s", dir, cases[i].files[f]));
      g_ptr_array_add (args, g_strdup ("--validate"));
      g_ptr_array_add (args, g_strdup (chart));
      g_ptr_array_add (args, NULL);
      expect_output ((const char **) args->pdata, cases[i].status, out, err);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_org_health_examples),
    cmocka_unit_test (test_rules_repeated),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
