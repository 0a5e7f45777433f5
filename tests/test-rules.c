/* test-rules.c — every built-in rule, on a chart that breaks it and one that does not */
#include "ladder-test-util.h"

#include "ladder-chart-private.h"
#include "ladder-validate.h"

#include <string.h>

/* Builds a chart from "id:role>manager" tokens separated by spaces; the
 * manager part is optional and must name an earlier token.  The person of
 * the i-th token (0-based) is on line i + 2, as if the file had one line of
 * header before it. */
static LadderChart *
build (const char *spec)
{
  LadderChart *chart = ladder_chart_new ();
  g_auto(GStrv) tokens = g_strsplit (spec, " ", -1);
  guint line = 2;

  for (guint i = 0; tokens[i]; i++)
    {
      g_auto(GStrv) who = NULL;
      g_auto(GStrv) id_role = NULL;
      guint manager = LADDER_NONE;
      guint person;

      if (*tokens[i] == '\0')
        continue;
      who = g_strsplit (tokens[i], ">", 2);
      id_role = g_strsplit (who[0], ":", 2);
      assert_non_null (id_role[1]);
      if (who[1])
        {
          manager = ladder_chart_lookup (chart, who[1]);
          assert_int_not_equal (manager, LADDER_NONE);
        }
      person = ladder_chart_add_person (chart, id_role[0], id_role[1], manager, LADDER_NONE, NULL);
      assert_int_not_equal (person, LADDER_NONE);
      ladder_chart_set_line (chart, person, line++);
    }
  return chart;
}

static guint
who (LadderChart *chart,
     const char  *id)
{
  guint person = ladder_chart_lookup (chart, id);

  assert_int_not_equal (person, LADDER_NONE);
  return person;
}

/* All findings (or those of @rule_id) as "LINE SEVERITY RULE PERSON>OTHER"
 * lines, in the order the validator gives them. */
static char *
describe (LadderChart *chart,
          const char  *rule_id)
{
  g_autoptr(LadderFindings) findings = ladder_validate (chart, ladder_catalogue_get_default ());
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *f = ladder_findings_get (findings, i);

      assert_int_equal (f->severity, ladder_rule_get_severity (f->rule));
      if (rule_id && strcmp (ladder_rule_get_id (f->rule), rule_id) != 0)
        continue;
      g_string_append_printf (text, "%u %s %s %s", ladder_chart_get_line (chart, f->person),
                              ladder_severity_to_string (f->severity), ladder_rule_get_id (f->rule),
                              ladder_chart_get_id (chart, f->person));
      if (f->other != LADDER_NONE)
        g_string_append_printf (text, ">%s", ladder_chart_get_id (chart, f->other));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Every finding of @catalogue as "LINE SEVERITY RULE PERSON: MESSAGE". */
static char *
describe_messages (LadderChart     *chart,
                   LadderCatalogue *catalogue)
{
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *f = ladder_findings_get (findings, i);

      g_string_append_printf (text, "%u %s %s %s: %s\n", ladder_chart_get_line (chart, f->person),
                              ladder_severity_to_string (f->severity), ladder_rule_get_id (f->rule),
                              ladder_chart_get_id (chart, f->person), f->message);
    }
  return g_string_free (text, FALSE);
}

static LadderCatalogue *
catalogue_from (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  LadderCatalogue *catalogue = ladder_catalogue_new_from_bytes (bytes, "count.xml", &error);

  if (error)
    print_error ("%s\n", error->message);
  assert_non_null (catalogue);
  return catalogue;
}

/* The message of the only finding of @rule_id on @person. */
static char *
message_of (LadderChart *chart,
            const char  *rule_id,
            const char  *person)
{
  g_autoptr(LadderFindings) findings = ladder_validate (chart, ladder_catalogue_get_default ());
  char *message = NULL;

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *f = ladder_findings_get (findings, i);

      if (strcmp (ladder_rule_get_id (f->rule), rule_id) == 0
          && f->person == who (chart, person))
        {
          assert_null (message);
          message = g_strdup (f->message);
        }
    }
  assert_non_null (message);
  return message;
}

static void
expect (const char *spec,
        const char *rule_id,
        const char *expected)
{
  g_autoptr(LadderChart) chart = build (spec);
  g_autofree char *found = describe (chart, rule_id);

  if (strcmp (found, expected) != 0)
    print_error ("chart: %s\nexpected:\n%sfound:\n%s", spec, expected, found);
  assert_string_equal (found, expected);
}

/* A whole, sound product team: no finding at all. */
#define SOUND_TEAM \
  "ceo:ceo cpo:cpo>ceo vp:vp-product>cpo dir:director-product>vp head:head-of-product>dir " \
  "gpm:group-pm>dir senior:senior-pm>head pm:pm>senior junior:junior-pm>senior " \
  "assoc:associate-pm>senior po:product-owner>head pgm:program-manager>vp eng:other>ceo"

static void
test_sound_team (void **state)
{
  expect (SOUND_TEAM, NULL, "");
}

static void
test_unknown_role (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo b:wizard>a");
  g_autofree char *message = message_of (chart, "unknown-role", "b");

  expect ("a:ceo b:wizard>a c:pm>b", "unknown-role", "3 error unknown-role b\n");
  expect ("a:ceo b:other>a", "unknown-role", "");
  assert_string_equal (message, "b has the role “wizard”, which is not in the role catalogue");
}

static void
test_needs_manager (void **state)
{
  /* Everyone but the CEO, whatever the role, unknown ones included. */
  expect ("a:ceo b:pm c:product-owner d:wizard e:ceo", "needs-manager",
          "3 warning needs-manager b\n4 warning needs-manager c\n5 warning needs-manager d\n");
  expect ("a:ceo b:pm>a c:product-owner>a", "needs-manager", "");
}

static void
test_ceo_no_manager (void **state)
{
  expect ("a:cpo b:ceo>a", "ceo-no-manager", "3 error ceo-no-manager b>a\n");
  expect ("a:ceo b:cpo>a", "ceo-no-manager", "");
}

static void
test_single_ceo (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo b:ceo c:ceo>a");
  g_autofree char *message = NULL;

  /* Every CEO after the first, in file order. */
  expect ("a:ceo b:ceo c:ceo>a", "single-ceo", "3 error single-ceo b\n4 error single-ceo c\n");
  expect ("a:ceo b:cpo>a", "single-ceo", "");

  ladder_chart_set_name (chart, who (chart, "a"), "Ada Obi");
  message = message_of (chart, "single-ceo", "b");
  assert_string_equal (message, "b is another CEO besides Ada Obi; a chart has at most one CEO");
}

static void
test_rank_order (void **state)
{
  expect ("a:ceo j:junior-pm>a p:pm>j", "rank-order", "4 error rank-order p>j\n");
  /* Same level is not above. */
  expect ("a:ceo s:associate-pm>a j:junior-pm>s d:director-product>a e:director-product>d",
          "rank-order", "4 error rank-order j>s\n6 error rank-order e>d\n");
  /* Director under Head is director-not-under-head's business; roles off
   * the ladder are ignored; roles with their own placement rule are not
   * checked (VP under PM is vp-reports-to-executive). */
  expect ("a:ceo h:head-of-product>a d:director-product>h po:product-owner>a p:pm>po "
          "o:other>a s:senior-pm>o x:wizard>a g:group-pm>x v:vp-product>p",
          "rank-order", "");
  expect ("a:ceo d:director-product>a h:head-of-product>d g:group-pm>h s:senior-pm>g p:pm>s",
          "rank-order", "");
}

static void
test_cpo_reports_to_ceo (void **state)
{
  expect ("a:ceo v:vp-product>a c:cpo>v", "cpo-reports-to-ceo", "4 error cpo-reports-to-ceo c>v\n");
  expect ("a:ceo c:cpo>a d:cpo", "cpo-reports-to-ceo", "");
}

static void
test_vp_reports_to_executive (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo lin:pm>a sam:vp-product>lin");
  g_autofree char *message = NULL;

  expect ("a:ceo p:pm>a v:vp-product>p", "vp-reports-to-executive",
          "4 error vp-reports-to-executive v>p\n");
  /* Under a Head of Product the documents disagree: a warning instead. */
  expect ("a:ceo h:head-of-product>a v:vp-product>h", "vp-reports-to-executive", "");
  expect ("a:ceo c:cpo>a v:vp-product>c w:vp-product>a x:vp-product", "vp-reports-to-executive", "");

  ladder_chart_set_name (chart, who (chart, "sam"), "Sam Lee");
  ladder_chart_set_name (chart, who (chart, "lin"), "Lin Wu");
  message = message_of (chart, "vp-reports-to-executive", "sam");
  assert_string_equal (message, "Sam Lee (VP of Product) reports to Lin Wu (Product Manager); "
                                "the VP of Product reports directly to the CEO or a CPO");
}

static void
test_vp_head_disputed (void **state)
{
  expect ("a:ceo h:head-of-product>a v:vp-product>h", NULL,
          "4 warning vp-head-disputed v>h\n");
  expect ("a:ceo v:vp-product>a h:head-of-product>v p:pm>h", "vp-head-disputed", "");
}

static void
test_head_of_product_placement (void **state)
{
  expect ("a:ceo s:senior-pm>a h:head-of-product>s o:other>a i:head-of-product>o",
          "head-of-product-placement",
          "4 error head-of-product-placement h>s\n6 error head-of-product-placement i>o\n");
  expect ("a:ceo h1:head-of-product>a c:cpo>a h2:head-of-product>c v:vp-product>c "
          "h3:head-of-product>v d:director-product>v h4:head-of-product>d h5:head-of-product",
          "head-of-product-placement", "");
}

static void
test_director_not_under_head (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo h:head-of-product>a o:other>h d:director-product>o");
  g_autoptr(LadderFindings) findings = ladder_validate (chart, ladder_catalogue_get_default ());

  expect ("a:ceo h:head-of-product>a d:director-product>h", "director-not-under-head",
          "4 warning director-not-under-head d>h\n");
  /* Anywhere above, and the nearest Head is named. */
  expect ("a:ceo g:head-of-product>a h:head-of-product>g o:other>h d:director-product>o",
          "director-not-under-head", "6 warning director-not-under-head d>h\n");
  expect ("a:ceo d:director-product>a h:head-of-product>d e:director-product>a g:group-pm>e",
          "director-not-under-head", "");

  /* The Head is not the manager: the reporting line itself is not at fault. */
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "d")), -1);
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "d")), LADDER_SEVERITY_WARNING);
}

static void
test_senior_pm_manager (void **state)
{
  expect ("a:ceo v:vp-product>a s:senior-pm>v t:senior-pm>a", "senior-pm-manager",
          "4 warning senior-pm-manager s>v\n5 warning senior-pm-manager t>a\n");
  expect ("a:ceo h:head-of-product>a s:senior-pm>h d:director-product>a t:senior-pm>d "
          "g:group-pm>d u:senior-pm>g w:senior-pm", "senior-pm-manager", "");
}

static void
test_pm_manager (void **state)
{
  expect ("a:ceo v:vp-product>a p:pm>v q:pm>a", "pm-manager",
          "4 warning pm-manager p>v\n5 warning pm-manager q>a\n");
  expect ("a:ceo h:head-of-product>a p:pm>h d:director-product>a q:pm>d g:group-pm>d r:pm>g "
          "s:senior-pm>g t:pm>s", "pm-manager", "");
}

static void
test_junior_under_senior (void **state)
{
  expect ("a:ceo p:pm>a j:junior-pm>p", "junior-under-senior", "4 warning junior-under-senior j>p\n");
  expect ("a:ceo s:senior-pm>a j:junior-pm>s k:junior-pm", "junior-under-senior", "");
}

static void
test_associate_in_product_team (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo kim:other>a x:associate-pm>kim");
  g_autofree char *message = NULL;
  g_autofree char *untitled = NULL;

  expect ("a:ceo o:other>a x:associate-pm>o y:associate-pm>a w:wizard>a z:associate-pm>w",
          "associate-in-product-team",
          "4 error associate-in-product-team x>o\n5 error associate-in-product-team y>a\n"
          "7 error associate-in-product-team z>w\n");
  /* Product Owners and Program Managers count as product team here. */
  expect ("a:ceo po:product-owner>a x:associate-pm>po pg:program-manager>a y:associate-pm>pg "
          "s:senior-pm>a z:associate-pm>s", "associate-in-product-team", "");

  /* An outsider is called by their title, else "Other". */
  untitled = message_of (chart, "associate-in-product-team", "x");
  assert_string_equal (untitled, "x (Associate Product Manager) reports to kim (Other), who is not "
                                 "in the product team; an Associate Product Manager works under "
                                 "someone in the product team");
  ladder_chart_set_person_title (chart, who (chart, "kim"), "Design lead");
  message = message_of (chart, "associate-in-product-team", "x");
  assert_non_null (strstr (message, "reports to kim (Design lead), who is not"));
}

static void
test_entry_level_no_reports (void **state)
{
  expect ("a:ceo s:senior-pm>a j:junior-pm>s p:pm>j x:associate-pm>s y:associate-pm>x",
          "entry-level-no-reports",
          "4 error entry-level-no-reports j\n6 error entry-level-no-reports x\n");
  expect ("a:ceo s:senior-pm>a j:junior-pm>s x:associate-pm>s", "entry-level-no-reports", "");
}

static void
test_head_has_team (void **state)
{
  expect ("a:ceo h:head-of-product>a", "head-has-team", "3 warning head-has-team h\n");
  expect ("a:ceo h:head-of-product>a po:product-owner>h", "head-has-team", "");
}

static void
test_director_leads_pms (void **state)
{
  expect ("a:ceo d:director-product>a po:product-owner>d e:director-product>a",
          "director-leads-pms",
          "3 warning director-leads-pms d\n5 warning director-leads-pms e\n");
  /* At any depth, any of the PM family. */
  expect ("a:ceo d:director-product>a h:head-of-product>d o:other>h p:pm>o "
          "e:director-product>a g:group-pm>e f:director-product>a x:associate-pm>f",
          "director-leads-pms", "");
}

static void
test_senior_pm_mentors (void **state)
{
  /* Directly: a Junior PM two levels down does not count. */
  expect ("a:ceo s:senior-pm>a p:pm>s j:junior-pm>p t:senior-pm>a", "senior-pm-mentors",
          "3 note senior-pm-mentors s\n6 note senior-pm-mentors t\n");
  expect ("a:ceo s:senior-pm>a p:pm>s j:junior-pm>s t:senior-pm>a x:associate-pm>t",
          "senior-pm-mentors", "");
}

/* ROLE-RULES.md: a vacancy is checked for where it sits, not for the
 * team it has yet to lead. */
static void
test_vacancies (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo h:head-of-product>a d:director-product>a "
                                        "s:senior-pm>a j:junior-pm>s p:pm>j");
  g_autofree char *filled = describe (chart, NULL);
  g_autofree char *vacant = NULL;

  assert_string_equal (filled,
                       "3 warning head-has-team h\n"
                       "4 warning director-leads-pms d\n"
                       "5 warning senior-pm-manager s>a\n"
                       "6 error entry-level-no-reports j\n"
                       "7 error rank-order p>j\n"
                       "7 warning pm-manager p>j\n");
  ladder_chart_set_vacant (chart, who (chart, "h"), TRUE);
  ladder_chart_set_vacant (chart, who (chart, "d"), TRUE);
  ladder_chart_set_vacant (chart, who (chart, "j"), TRUE);
  ladder_chart_set_vacant (chart, who (chart, "s"), TRUE);
  vacant = describe (chart, NULL);
  /* A vacant Junior PM still leads no one: entry-level-no-reports stays. */
  assert_string_equal (vacant,
                       "5 warning senior-pm-manager s>a\n"
                       "6 error entry-level-no-reports j\n"
                       "7 error rank-order p>j\n"
                       "7 warning pm-manager p>j\n");
  /* senior-pm-mentors, on a Senior PM with no Junior PM. */
  expect ("a:ceo s:senior-pm>a", "senior-pm-mentors", "3 note senior-pm-mentors s\n");
  {
    g_autoptr(LadderChart) lone = build ("a:ceo s:senior-pm>a");
    g_autofree char *found = NULL;

    ladder_chart_set_vacant (lone, who (lone, "s"), TRUE);
    found = describe (lone, NULL);
    assert_string_equal (found, "3 warning senior-pm-manager s>a\n");
  }
}

static void
test_director_in_small_org (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo d:director-product>a p:pm>d e:director-product>a");
  g_autofree char *found = NULL;
  g_autofree char *message = NULL;

  found = describe (chart, "director-in-small-org");
  assert_string_equal (found, "");       /* employees unset */

  ladder_chart_set_employees (chart, 4999);
  g_free (found);
  found = describe (chart, "director-in-small-org");
  assert_string_equal (found, "3 note director-in-small-org d\n5 note director-in-small-org e\n");
  message = message_of (chart, "director-in-small-org", "d");
  assert_string_equal (message, "d (Director of Product) is in a company of 4999 employees; below "
                                "5,000 the Director of Product role is often collapsed into the VP "
                                "of Product or Head of Product");

  ladder_chart_set_employees (chart, 5000);
  g_free (found);
  found = describe (chart, "director-in-small-org");
  assert_string_equal (found, "");

  ladder_chart_set_employees (chart, 12);
  ladder_chart_set_role (chart, who (chart, "d"), "pm");
  ladder_chart_set_role (chart, who (chart, "e"), "head-of-product");
  g_free (found);
  found = describe (chart, "director-in-small-org");
  assert_string_equal (found, "");
}

/* SPEC.md "Statistics": the check kinds that count. */
#define COUNTING_RULES \
  "<rules version=\"1\">\n" \
  "  <role id=\"boss\" color=\"#112233\"><name>Boss</name></role>\n" \
  "  <role id=\"staff\" color=\"#445566\"><name>Staff</name></role>\n" \
  "  <rule id=\"span-wide\" severity=\"warning\" check=\"span\" max=\"3\"><summary>S</summary>\n" \
  "    <message>{person} ({role}) has {span} direct reports, more than {max}</message></rule>\n" \
  "  <rule id=\"span-narrow\" severity=\"note\" check=\"span\" subjects=\"boss\" min=\"2\">\n" \
  "    <summary>S</summary><message>{person} has {span} direct report, fewer than {min}</message></rule>\n" \
  "  <rule id=\"one-report\" severity=\"note\" check=\"single-report\" subjects=\"staff\">\n" \
  "    <summary>S</summary><message>{person} manages one person ({span})</message></rule>\n" \
  "  <rule id=\"deep\" severity=\"warning\" check=\"layers\" max=\"3\"><summary>S</summary>\n" \
  "    <message>the chart has {layers} layers, more than {max}</message></rule>\n" \
  "  <rule id=\"deep-under\" severity=\"note\" check=\"layers\" subjects=\"boss\" max=\"2\">\n" \
  "    <summary>S</summary><message>{person} heads {layers} layers</message></rule>\n" \
  "</rules>\n"

static void
test_counting_checks (void **state)
{
  g_autoptr(LadderCatalogue) catalogue = catalogue_from (COUNTING_RULES);
  g_autoptr(LadderChart) chart = build ("a:boss b:staff>a c:staff>a d:staff>a e:staff>a f:boss>b "
                                        "g:staff>f h:staff>g i:staff>f j:boss>a");
  g_autoptr(LadderChart) narrow = build ("a:boss b:staff>a f:boss>b g:staff>f h:staff>g");
  g_autoptr(LadderChart) flat = build ("a:boss b:staff>a c:staff>b x:boss y:boss>x z:staff>x");
  g_autofree char *found = NULL;
  g_autofree char *found_narrow = NULL;
  g_autofree char *found_flat = NULL;

  /* i is f's assistant, and an assistant counts as a report: f has a
   * span of 2 and sits above 3 layers (f, g, h). j manages no one, so no
   * span is checked for it. */
  ladder_chart_set_assistant (chart, who (chart, "i"), TRUE);
  found = describe_messages (chart, catalogue);
  assert_string_equal (found,
                       "2 warning span-wide a: a (Boss) has 5 direct reports, more than 3\n"
                       "2 note deep-under a: a heads 5 layers\n"
                       "3 note one-report b: b manages one person (1)\n"
                       "7 note deep-under f: f heads 3 layers\n"
                       "8 note one-report g: g manages one person (1)\n"
                       "9 warning deep h: the chart has 5 layers, more than 3\n");

  found_narrow = describe_messages (narrow, catalogue);
  assert_string_equal (found_narrow,
                       "2 note span-narrow a: a has 1 direct report, fewer than 2\n"
                       "2 note deep-under a: a heads 5 layers\n"
                       "3 note one-report b: b manages one person (1)\n"
                       "4 note span-narrow f: f has 1 direct report, fewer than 2\n"
                       "4 note deep-under f: f heads 3 layers\n"
                       "5 note one-report g: g manages one person (1)\n"
                       "6 warning deep h: the chart has 5 layers, more than 3\n");

  /* Three layers are allowed. */
  found_flat = describe_messages (flat, catalogue);
  assert_string_equal (found_flat,
                       "2 note span-narrow a: a has 1 direct report, fewer than 2\n"
                       "2 note deep-under a: a heads 3 layers\n"
                       "3 note one-report b: b manages one person (1)\n");

  /* Two trees as deep as each other: the finding is on the first one's
   * deepest person. */
  {
    g_autoptr(LadderChart) twins = build ("x:boss y:staff>x z:staff>y w:staff>z "
                                          "a:boss b:staff>a c:staff>b d:staff>c");
    g_autofree char *found_twins = describe_messages (twins, catalogue);

    assert_string_equal (found_twins,
                         "2 note span-narrow x: x has 1 direct report, fewer than 2\n"
                         "2 note deep-under x: x heads 4 layers\n"
                         "3 note one-report y: y manages one person (1)\n"
                         "4 note one-report z: z manages one person (1)\n"
                         "5 warning deep w: the chart has 4 layers, more than 3\n"
                         "6 note span-narrow a: a has 1 direct report, fewer than 2\n"
                         "6 note deep-under a: a heads 4 layers\n"
                         "7 note one-report b: b manages one person (1)\n"
                         "8 note one-report c: c manages one person (1)\n");
  }
}

static void
refuse_rules (const char *rule,
              const char *expected)
{
  g_autofree char *text = g_strdup_printf ("<rules version=\"1\">\n"
                                           "  <role id=\"boss\" color=\"#112233\"><name>Boss</name></role>\n"
                                           "  %s\n</rules>\n", rule);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_bytes (bytes, "bad.xml", &error);

  assert_null (catalogue);
  assert_string_equal (error->message, expected);
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID));
}

#define SM "<summary>S</summary><message>{person}</message></rule>"

static void
test_refuse_counting_checks (void **state)
{
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\">" SM,
                "bad.xml:3: error: rule “r”: the check “span” needs “min” or “max”");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\" min=\"4\" max=\"3\">" SM,
                "bad.xml:3: error: rule “r”: min is above max");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\" max=\"-3\">" SM,
                "bad.xml:3: error: rule “r”: max must be a whole number");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\" min=\"two\">" SM,
                "bad.xml:3: error: rule “r”: min must be a whole number");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"layers\">" SM,
                "bad.xml:3: error: rule “r”: the check “layers” needs “max”");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"layers\" max=\"0\">" SM,
                "bad.xml:3: error: rule “r”: max must be at least 1");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"layers\" min=\"2\" max=\"4\">" SM,
                "bad.xml:3: error: rule “r”: the check “layers” takes no “min”");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"single-report\" max=\"1\">" SM,
                "bad.xml:3: error: rule “r”: the check “single-report” takes no “max”");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"has-reports\" subjects=\"boss\" min=\"1\">" SM,
                "bad.xml:3: error: rule “r”: the check “has-reports” takes no “min”");
  /* A placeholder for a bound the rule does not give, or another kind's. */
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\" max=\"9\">"
                "<summary>S</summary><message>{span} below {min}</message></rule>",
                "bad.xml:3: error: placeholder {min} cannot be filled by this check");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"span\" max=\"9\">"
                "<summary>S</summary><message>{layers}</message></rule>",
                "bad.xml:3: error: placeholder {layers} cannot be filled by this check");
  refuse_rules ("<rule id=\"r\" severity=\"note\" check=\"has-reports\" subjects=\"boss\">"
                "<summary>S</summary><message>{span}</message></rule>",
                "bad.xml:3: error: placeholder {span} cannot be filled by this check");
}

/* Product Owners and Program Managers have no place to be wrong in. */
static void
test_exempt_roles (void **state)
{
  expect ("a:ceo o:other>a j:junior-pm>o x:associate-pm>o po:product-owner>x pg:program-manager>j "
          "q:product-owner>po", NULL,
          "4 warning junior-under-senior j>o\n4 error entry-level-no-reports j\n"
          "5 error associate-in-product-team x>o\n5 error entry-level-no-reports x\n");
}

static void
test_dotted_lines_ignored (void **state)
{
  g_autoptr(LadderChart) chart = build (SOUND_TEAM " x:associate-pm>senior");
  g_autofree char *found = NULL;

  assert_true (ladder_chart_add_dotted_line (chart, who (chart, "x"), who (chart, "eng"), NULL));
  assert_true (ladder_chart_add_dotted_line (chart, who (chart, "vp"), who (chart, "pm"), NULL));
  found = describe (chart, NULL);
  assert_string_equal (found, "");
}

static void
test_order_and_summaries (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo p:pm>a v:vp-product>p h:head-of-product>a");
  g_autoptr(LadderFindings) findings = NULL;
  g_autofree char *found = NULL;

  /* Lines need not follow slots: findings follow lines, then rule order. */
  ladder_chart_set_line (chart, who (chart, "v"), 40);
  ladder_chart_set_line (chart, who (chart, "h"), 30);
  ladder_chart_remove_person (chart, who (chart, "a"));
  found = describe (chart, NULL);
  assert_string_equal (found,
                       "3 warning needs-manager p\n"
                       "30 warning needs-manager h\n"
                       "30 warning head-has-team h\n"
                       "40 error vp-reports-to-executive v>p\n");

  findings = ladder_validate (chart, ladder_catalogue_get_default ());
  assert_int_equal (ladder_findings_count (findings, LADDER_SEVERITY_ERROR), 1);
  assert_int_equal (ladder_findings_count (findings, LADDER_SEVERITY_WARNING), 3);
  assert_int_equal (ladder_findings_count (findings, LADDER_SEVERITY_NOTE), 0);
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "v")), LADDER_SEVERITY_ERROR);
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "v")), LADDER_SEVERITY_ERROR);
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "h")), LADDER_SEVERITY_WARNING);
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "h")), -1);
  /* The removed CEO, and slots the chart did not have when validated. */
  assert_int_equal (ladder_findings_worst_for (findings, 0), -1);
  assert_int_equal (ladder_findings_worst_for (findings, 99), -1);
  assert_int_equal (ladder_findings_line_severity (findings, 99), -1);
}

static void
test_worst_of_many (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo s:senior-pm>a j:junior-pm>s p:pm>j");
  g_autoptr(LadderFindings) findings = ladder_validate (chart, ladder_catalogue_get_default ());
  g_autofree char *found = describe (chart, NULL);

  assert_string_equal (found,
                       "3 warning senior-pm-manager s>a\n"
                       "4 error entry-level-no-reports j\n"
                       "5 error rank-order p>j\n"
                       "5 warning pm-manager p>j\n");
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "s")), LADDER_SEVERITY_WARNING);
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "s")), LADDER_SEVERITY_WARNING);
  /* The Junior's error is about its reports, not its own line. */
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "j")), LADDER_SEVERITY_ERROR);
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "j")), -1);
  assert_int_equal (ladder_findings_line_severity (findings, who (chart, "p")), LADDER_SEVERITY_ERROR);
  assert_int_equal (ladder_findings_worst_for (findings, who (chart, "a")), -1);
}

static void
test_unknown_role_label (void **state)
{
  g_autoptr(LadderChart) chart = build ("a:ceo w:wizard>a v:vp-product>w");
  g_autofree char *message = message_of (chart, "vp-reports-to-executive", "v");

  assert_string_equal (message, "v (VP of Product) reports to w (wizard); "
                                "the VP of Product reports directly to the CEO or a CPO");
}

/* A chain a million deep: the ancestor and descendant passes are loops,
 * and the nearest Head of Product is found a million levels up. */
static void
test_deep_chain (void **state)
{
  const guint n = 1000000;
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderFindings) findings = NULL;
  g_autofree guint *cycle = NULL;
  guint n_cycle = 0;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      const char *role = i == 0 ? "head-of-product" : i == n - 1 ? "director-product" : "other";

      assert_int_equal (ladder_chart_append_record (chart, id, role, i + 2), i);
      ladder_chart_get_record (chart, i)->manager = i ? i - 1 : LADDER_NONE;
    }
  assert_true (ladder_chart_link_records (chart, &cycle, &n_cycle));

  start = g_get_monotonic_time ();
  findings = ladder_validate (chart, ladder_catalogue_get_default ());
  print_message ("# validated a chain of %u in %.1f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);

  assert_int_equal (ladder_findings_get_n (findings), 3);
  assert_string_equal (ladder_rule_get_id (ladder_findings_get (findings, 0)->rule), "needs-manager");
  assert_int_equal (ladder_findings_get (findings, 0)->person, 0);
  assert_string_equal (ladder_rule_get_id (ladder_findings_get (findings, 1)->rule), "director-not-under-head");
  assert_int_equal (ladder_findings_get (findings, 1)->person, n - 1);
  assert_int_equal (ladder_findings_get (findings, 1)->other, 0);
  assert_string_equal (ladder_rule_get_id (ladder_findings_get (findings, 2)->rule), "director-leads-pms");
  assert_int_equal (ladder_findings_get (findings, 2)->person, n - 1);
}

/* 100,000 people in a sound team shape, timed for the record. */
static void
test_wide_chart (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderFindings) findings = NULL;
  g_autofree guint *cycle = NULL;
  guint n_cycle = 0, n = 0, seniors = 0;
  gint64 start;

  ladder_chart_append_record (chart, "ceo", "ceo", 2);
  ladder_chart_append_record (chart, "head", "head-of-product", 3);
  ladder_chart_get_record (chart, 1)->manager = 0;
  n = 2;
  while (n < 100000)
    {
      g_autofree char *id = g_strdup_printf ("s%u", n);
      guint senior = n;

      ladder_chart_append_record (chart, id, "senior-pm", n + 2);
      ladder_chart_get_record (chart, n++)->manager = 1;
      seniors++;
      for (guint k = 0; k < 8 && n < 100000; k++)
        {
          g_autofree char *report = g_strdup_printf ("r%u", n);

          ladder_chart_append_record (chart, report, k % 2 ? "junior-pm" : "pm", n + 2);
          ladder_chart_get_record (chart, n++)->manager = senior;
        }
    }
  assert_true (ladder_chart_link_records (chart, &cycle, &n_cycle));

  start = g_get_monotonic_time ();
  findings = ladder_validate (chart, ladder_catalogue_get_default ());
  print_message ("# validated %u people in %.1f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);
  assert_int_equal (ladder_findings_get_n (findings), 0);
  assert_true (seniors > 10000);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_sound_team),
    cmocka_unit_test (test_unknown_role),
    cmocka_unit_test (test_needs_manager),
    cmocka_unit_test (test_ceo_no_manager),
    cmocka_unit_test (test_single_ceo),
    cmocka_unit_test (test_rank_order),
    cmocka_unit_test (test_cpo_reports_to_ceo),
    cmocka_unit_test (test_vp_reports_to_executive),
    cmocka_unit_test (test_vp_head_disputed),
    cmocka_unit_test (test_head_of_product_placement),
    cmocka_unit_test (test_director_not_under_head),
    cmocka_unit_test (test_senior_pm_manager),
    cmocka_unit_test (test_pm_manager),
    cmocka_unit_test (test_junior_under_senior),
    cmocka_unit_test (test_associate_in_product_team),
    cmocka_unit_test (test_entry_level_no_reports),
    cmocka_unit_test (test_head_has_team),
    cmocka_unit_test (test_director_leads_pms),
    cmocka_unit_test (test_senior_pm_mentors),
    cmocka_unit_test (test_director_in_small_org),
    cmocka_unit_test (test_vacancies),
    cmocka_unit_test (test_counting_checks),
    cmocka_unit_test (test_refuse_counting_checks),
    cmocka_unit_test (test_exempt_roles),
    cmocka_unit_test (test_dotted_lines_ignored),
    cmocka_unit_test (test_order_and_summaries),
    cmocka_unit_test (test_worst_of_many),
    cmocka_unit_test (test_unknown_role_label),
    cmocka_unit_test (test_deep_chain),
    cmocka_unit_test (test_wide_chart),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
