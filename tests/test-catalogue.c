/* test-catalogue.c — the built-in catalogue against ROLE-RULES.md and the
 * seed documents, refusal of bad rules files, and a made-up ladder */
#include "ladder-test-util.h"

#include "ladder-chart.h"
#include "ladder-validate.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The catalogue reads translations from the program's domain. */
#define GETTEXT_DOMAIN "ladder"

#define S000 "000_25191a4dbd4584d4.txt"
#define S001 "001_cede86874ed59400.txt"
#define S002 "002_0fa7e50639bc32eb.txt"
#define S004 "004_9dacac7ab6c19389.txt"

static const struct {
  const char *id;
  const char *name;
  int         level;
  gboolean    product_team;
} expected_roles[] = {
  { "ceo",              "CEO",                       0, FALSE },
  { "cpo",              "Chief Product Officer",     1, TRUE },
  { "vp-product",       "VP of Product",             2, TRUE },
  { "director-product", "Director of Product",       3, TRUE },
  { "head-of-product",  "Head of Product",           3, TRUE },
  { "group-pm",         "Group Product Manager",     4, TRUE },
  { "senior-pm",        "Senior Product Manager",    5, TRUE },
  { "pm",               "Product Manager",           6, TRUE },
  { "junior-pm",        "Junior Product Manager",    7, TRUE },
  { "associate-pm",     "Associate Product Manager", 7, TRUE },
  { "product-owner",    "Product Owner",            -1, TRUE },
  { "program-manager",  "Program Manager",          -1, TRUE },
  { "other",            "Other",                    -1, FALSE },
};

static const struct {
  const char     *id;
  LadderSeverity  severity;
  const char     *cites[4][2];   /* seed, quote */
} expected_rules[] = {
  { "unknown-role", LADDER_SEVERITY_ERROR, { { NULL } } },
  { "needs-manager", LADDER_SEVERITY_WARNING, { { NULL } } },
  { "ceo-no-manager", LADDER_SEVERITY_ERROR,
    { { S001, "The CEO is the highest-ranking executive in a company" } } },
  { "single-ceo", LADDER_SEVERITY_ERROR,
    { { S001, "The CEO is the highest-ranking executive in a company" } } },
  { "rank-order", LADDER_SEVERITY_ERROR,
    { { S001, "with the CPO at the top of the hierarchy, followed by VPs, and then the Head of Product" },
      { S000, "this is the lowest rank in the hierarchy" } } },
  { "cpo-reports-to-ceo", LADDER_SEVERITY_ERROR,
    { { S001, "with the CPO at the top of the hierarchy" },
      { S004, "responsible for the entire product side of the business" } } },
  { "vp-reports-to-executive", LADDER_SEVERITY_ERROR,
    { { S000, "Reports directly to the CEO" },
      { S001, "the CPO at the top of the hierarchy, followed by VPs" } } },
  { "vp-head-disputed", LADDER_SEVERITY_WARNING,
    { { S000, "you can have both a head of product and VP of product in your company, and the VP would be the senior position" },
      { S002, "In teams with both, however, the Head of Product sits slightly higher on the ladder." } } },
  { "head-of-product-placement", LADDER_SEVERITY_ERROR,
    { { S000, "This person sits on the executive team" },
      { S001, "usually one level below the CPO" },
      { S001, "may be beneath the director of product management or even the VP of product" } } },
  { "director-not-under-head", LADDER_SEVERITY_WARNING,
    { { S001, "Generally speaking, if there is a product director within a company, the head of product isn\u2019t in a higher position than them." } } },
  { "senior-pm-manager", LADDER_SEVERITY_WARNING,
    { { S000, "A senior product manager sits below the head of product and reports to them." } } },
  { "pm-manager", LADDER_SEVERITY_WARNING,
    { { S001, "they typically report to senior roles, such as the Head of Product or Director of Product" } } },
  { "junior-under-senior", LADDER_SEVERITY_WARNING,
    { { S000, "They work under senior product managers" } } },
  { "associate-in-product-team", LADDER_SEVERITY_ERROR,
    { { S000, "They typically work under the supervision of senior product managers or someone else in the product team." } } },
  { "entry-level-no-reports", LADDER_SEVERITY_ERROR,
    { { S000, "this is the lowest rank in the hierarchy" },
      { S000, "on the same level in the product management hierarchy as the junior product manager" } } },
  { "head-has-team", LADDER_SEVERITY_WARNING,
    { { S000, "you should hire them once you've already built out a product team that they can manage" } } },
  { "director-leads-pms", LADDER_SEVERITY_WARNING,
    { { S004, "Directors of product management establish long-term product strategies, lead product managers" } } },
  { "senior-pm-mentors", LADDER_SEVERITY_NOTE,
    { { S000, "They have more experience than junior product managers and typically manage at least one of them." } } },
  { "director-in-small-org", LADDER_SEVERITY_NOTE,
    { { S004, "in smaller organizations with fewer than 5,000 employees, the role is often collapsed and the team reports directly to the vice president of product management or head of product instead." } } },
};

/* The shared documents (ROLE-RULES.md, seeds), or NULL when this checkout
 * has none beside it: LADDER_SHARED_DIR (meson sets it to ../shared beside
 * the source tree), then ../shared beside LADDER_SOURCE_DIR, then the
 * workspace's. A clone elsewhere may have none of these. */
static char *
shared_path (const char *relative)
{
  g_autofree char *beside_source = NULL;
  const char *candidates[3];

  if (g_getenv ("LADDER_SOURCE_DIR"))
    beside_source = g_build_filename (g_getenv ("LADDER_SOURCE_DIR"), "..", "shared", NULL);
  candidates[0] = g_getenv ("LADDER_SHARED_DIR");
  candidates[1] = beside_source;
  candidates[2] = "/work/shared";
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *path;

      if (candidates[i] == NULL)
        continue;
      path = g_build_filename (candidates[i], relative, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return NULL;
}

static void
test_default_roles (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();

  assert_int_equal (ladder_catalogue_get_n_roles (catalogue), G_N_ELEMENTS (expected_roles));
  for (guint i = 0; i < G_N_ELEMENTS (expected_roles); i++)
    {
      const LadderRole *role = ladder_catalogue_get_role (catalogue, i);

      assert_string_equal (role->id, expected_roles[i].id);
      assert_string_equal (role->name, expected_roles[i].name);
      assert_int_equal (role->level, expected_roles[i].level);
      assert_int_equal (role->product_team, expected_roles[i].product_team);
      assert_int_equal (role->title_as_label, strcmp (role->id, "other") == 0);
      assert_ptr_equal (ladder_catalogue_lookup_role (catalogue, role->id), role);
      /* Every role but "other" says where the documents place it. */
      assert_int_equal (role->n_citations > 0, strcmp (role->id, "other") != 0);

      /* Band colours are told apart at a glance. */
      for (guint j = 0; j < i; j++)
        {
          const LadderRole *earlier = ladder_catalogue_get_role (catalogue, j);
          double distance = fabs (role->color[0] - earlier->color[0])
                            + fabs (role->color[1] - earlier->color[1])
                            + fabs (role->color[2] - earlier->color[2]);

          assert_true (distance > 0.15);
        }
    }
  assert_null (ladder_catalogue_lookup_role (catalogue, "Head of Product"));
  assert_null (ladder_catalogue_lookup_role (catalogue, "wizard"));
}

static void
test_find_role (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  const LadderRole *head = ladder_catalogue_lookup_role (catalogue, "head-of-product");

  assert_ptr_equal (ladder_catalogue_find_role (catalogue, "head-of-product"), head);
  assert_ptr_equal (ladder_catalogue_find_role (catalogue, "Head of Product"), head);
  assert_ptr_equal (ladder_catalogue_find_role (catalogue, "HEAD OF PRODUCT"), head);
  assert_ptr_equal (ladder_catalogue_find_role (catalogue, "Head-Of-Product"), head);
  assert_string_equal (ladder_catalogue_find_role (catalogue, "ceo")->id, "ceo");
  assert_string_equal (ladder_catalogue_find_role (catalogue, "associate product manager")->id, "associate-pm");
  assert_null (ladder_catalogue_find_role (catalogue, "Head of  Product"));
  assert_null (ladder_catalogue_find_role (catalogue, ""));
}

static void
test_default_rules (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();

  assert_int_equal (ladder_catalogue_get_n_rules (catalogue), G_N_ELEMENTS (expected_rules));
  for (guint i = 0; i < G_N_ELEMENTS (expected_rules); i++)
    {
      const LadderRule *rule = ladder_catalogue_get_rule (catalogue, i);
      guint n = 0;

      assert_string_equal (ladder_rule_get_id (rule), expected_rules[i].id);
      assert_ptr_equal (ladder_catalogue_lookup_rule (catalogue, expected_rules[i].id), rule);
      assert_int_equal (ladder_rule_get_severity (rule), expected_rules[i].severity);
      assert_true (strlen (ladder_rule_get_summary (rule)) > 20);

      while (n < G_N_ELEMENTS (expected_rules[i].cites) && expected_rules[i].cites[n][0])
        n++;
      assert_int_equal (ladder_rule_get_n_citations (rule), n);
      for (guint c = 0; c < n; c++)
        {
          const LadderCitation *citation = ladder_rule_get_citation (rule, c);

          assert_string_equal (citation->seed, expected_rules[i].cites[c][0]);
          assert_string_equal (citation->quote, expected_rules[i].cites[c][1]);
        }
    }
  assert_null (ladder_catalogue_lookup_rule (catalogue, "no-such-rule"));
  assert_string_equal (ladder_severity_to_string (LADDER_SEVERITY_ERROR), "error");
  assert_string_equal (ladder_severity_to_string (LADDER_SEVERITY_WARNING), "warning");
  assert_string_equal (ladder_severity_to_string (LADDER_SEVERITY_NOTE), "note");
}

static void
assert_quote_in_seed (const char *seed,
                      const char *quote)
{
  g_autofree char *relative = g_build_filename ("seeds", seed, NULL);
  g_autofree char *path = shared_path (relative);
  g_autofree char *text = NULL;

  assert_non_null (path);
  text = ladder_test_read (path, NULL);
  assert_non_null (text);
  if (strstr (text, quote) == NULL)
    print_error ("not in %s: %s\n", seed, quote);
  assert_non_null (strstr (text, quote));
}

/* Every quote, of rules and roles, is byte for byte in its document. */
static void
test_quotes_in_seeds (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autofree char *seeds = shared_path ("seeds");
  guint checked = 0;

  for (guint i = 0; i < ladder_catalogue_get_n_rules (catalogue); i++)
    {
      const LadderRule *rule = ladder_catalogue_get_rule (catalogue, i);

      for (guint c = 0; c < ladder_rule_get_n_citations (rule); c++, checked++)
        assert_quote_in_seed (ladder_rule_get_citation (rule, c)->seed,
                              ladder_rule_get_citation (rule, c)->quote);
    }
  for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
    {
      const LadderRole *role = ladder_catalogue_get_role (catalogue, i);

      for (guint c = 0; c < role->n_citations; c++, checked++)
        assert_quote_in_seed (role->citations[c].seed, role->citations[c].quote);
    }
  assert_int_equal (checked, 40);
}

/* The rule table of ROLE-RULES.md, read from the document itself: the
 * same ids, in the same order, with the same severities. */
static void
test_matches_role_rules_md (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autofree char *path = shared_path ("docs/ROLE-RULES.md");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rules = 0, n_roles = 0;
  gboolean in_rules = FALSE;

  assert_non_null (path);
  text = ladder_test_read (path, NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *id = NULL;

      if (g_str_has_prefix (lines[i], "## Rules"))
        in_rules = TRUE;
      if (g_str_has_prefix (lines[i], "## Sources"))
        break;
      if (!g_str_has_prefix (lines[i], "| `"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      id = g_strdup (g_strstrip (cells[1]));
      id[strlen (id) - 1] = '\0';

      if (in_rules)
        {
          const LadderRule *rule = ladder_catalogue_get_rule (catalogue, n_rules++);

          assert_string_equal (ladder_rule_get_id (rule), id + 1);
          assert_string_equal (ladder_severity_to_string (ladder_rule_get_severity (rule)),
                               g_strstrip (cells[2]));
        }
      else
        {
          const LadderRole *role = ladder_catalogue_get_role (catalogue, n_roles++);
          const char *level = g_strstrip (cells[3]);

          assert_string_equal (role->id, id + 1);
          if (strcmp (role->id, "other") != 0)
            assert_string_equal (role->name, g_strstrip (cells[2]));
          assert_int_equal (role->level, strcmp (level, "none") == 0 ? -1 : atoi (level));
        }
    }
  assert_int_equal (n_rules, ladder_catalogue_get_n_rules (catalogue));
  assert_int_equal (n_roles, ladder_catalogue_get_n_roles (catalogue));
}

/* The Sources table of ROLE-RULES.md: each seed shows that title. */
static void
test_sources_match_role_rules_md (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autofree char *path = shared_path ("docs/ROLE-RULES.md");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_sources = FALSE;
  guint n = 0;

  assert_non_null (path);
  text = ladder_test_read (path, NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *seed = NULL;
      char *title, *remark;

      if (g_str_has_prefix (lines[i], "## Sources"))
        in_sources = TRUE;
      if (!in_sources || !g_str_has_prefix (lines[i], "| `"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      seed = g_strdup (g_strstrip (cells[1]) + 1);
      seed[strlen (seed) - 1] = '\0';
      title = g_strstrip (cells[2]);
      /* "(the article has no title line; show this)" is for the reader. */
      if ((remark = strstr (title, " (the article has no title line")))
        *remark = '\0';
      assert_string_equal (ladder_catalogue_get_source_title (catalogue, seed), title);
      n++;
    }
  assert_int_equal (n, 5);
}

/* ---- refusals ---- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules version=\"1\">\n"
#define ROLE_A "  <role id=\"a\" level=\"0\" color=\"#112233\"><name>A</name></role>\n"
#define ROLE_B "  <role id=\"b\" level=\"1\" color=\"#445566\"><name>B</name></role>\n"
#define MSG "<summary>S</summary><message>{person}</message>"

static void
refuse (const char *text,
        int         code,
        const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_bytes (bytes, "bad.xml", &error);

  assert_null (catalogue);
  assert_non_null (error);
  if (strcmp (error->message, expected) != 0)
    print_error ("expected: %s\nfound:    %s\n", expected, error->message);
  assert_string_equal (error->message, expected);
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, code));
}

static void
test_refuse_structure (void **state)
{
  const int INVALID = LADDER_CHART_ERROR_INVALID;

  refuse (HEAD "  <role id=\"a\"\n", LADDER_CHART_ERROR_PARSE,
          "bad.xml:4: error: Couldn't find end of Start Tag role line 3");
  refuse ("", LADDER_CHART_ERROR_PARSE, "bad.xml:1: error: Document is empty");
  refuse ("<?xml version=\"1.0\"?>\n<chart version=\"1\"/>\n", INVALID,
          "bad.xml:2: error: the root element is <chart>, not <rules>");
  refuse ("<?xml version=\"1.0\"?>\n<rules/>\n", INVALID,
          "bad.xml:2: error: <rules> needs a “version” attribute");
  refuse ("<?xml version=\"1.0\"?>\n<rules version=\"2\">" ROLE_A "</rules>", INVALID,
          "bad.xml:2: error: version 2 is newer than this Ladder reads (1); update Ladder");
  refuse (HEAD "</rules>\n", INVALID, "bad.xml:2: error: a rules file needs at least one <role>");
  refuse (HEAD ROLE_A "  <colour/>\n</rules>\n", INVALID,
          "bad.xml:4: error: unknown element <colour> in <rules>");
  refuse (HEAD "  text\n" ROLE_A "</rules>\n", INVALID,
          "bad.xml:3: error: unexpected content in <rules>");
  refuse (HEAD "  <role id=\"a\" colour=\"#000000\"><name>A</name></role>\n</rules>\n", INVALID,
          "bad.xml:3: error: unknown attribute “colour” on <role>");
  refuse (HEAD "  <role id=\"a\" color=\"red\"><name>A</name></role>\n</rules>\n", INVALID,
          "bad.xml:3: error: role “a”: color must be written #rrggbb");
  refuse (HEAD "  <role id=\"a\" level=\"-1\" color=\"#000000\"><name>A</name></role>\n</rules>\n", INVALID,
          "bad.xml:3: error: role “a”: level must be a whole number from 0 to 1000");
  refuse (HEAD "  <role id=\"a\" color=\"#000000\"/>\n</rules>\n", INVALID,
          "bad.xml:3: error: role “a” needs a <name>");
  refuse (HEAD "  <role id=\"a\" color=\"#000000\">\n    <name>A<b/></name>\n  </role>\n</rules>\n", INVALID,
          "bad.xml:4: error: <name> holds text only");
  refuse (HEAD ROLE_A "  <role id=\"a\" color=\"#000000\"><name>A</name></role>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:4: error: duplicate role id “a”");
  refuse (HEAD "  <role id=\"a b\" color=\"#000000\"><name>A</name></role>\n</rules>\n", INVALID,
          "bad.xml:3: error: a role needs an “id” of 1–64 characters among A-Z a-z 0-9 _ . -");
  refuse (HEAD ROLE_A "  <role id=\"c\" color=\"#000000\"><name>C</name>\n  <cite>x</cite></role>\n</rules>\n",
          INVALID, "bad.xml:5: error: <cite> needs a “seed” attribute (the document it quotes)");
}

static void
test_refuse_sets_and_rules (void **state)
{
  const int INVALID = LADDER_CHART_ERROR_INVALID;

  refuse (HEAD ROLE_A "  <set id=\"s\" roles=\"a zed\"/>\n</rules>\n", INVALID,
          "bad.xml:4: error: roles: unknown role “zed”");
  refuse (HEAD ROLE_A "  <set id=\"s\" roles=\"@t\"/>\n  <set id=\"t\" roles=\"a\"/>\n</rules>\n", INVALID,
          "bad.xml:4: error: roles: unknown role set “@t” (sets must be defined before use)");
  refuse (HEAD ROLE_A "  <set id=\"s\" roles=\"a\"/>\n  <set id=\"s\" roles=\"a\"/>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:5: error: duplicate set id “s”");
  refuse (HEAD ROLE_A "  <set id=\"all\" roles=\"a\"/>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:4: error: duplicate set id “all”");
  refuse (HEAD ROLE_A "\n  <rule id=\"r\" severity=\"error\" check=\"telepathy\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:5: error: rule “r”: unknown check “telepathy”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"fatal\" check=\"known-role\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r”: severity must be “error”, “warning” or “note”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"no-reports\" subjects=\"a c\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: subjects: unknown role “c”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"no-reports\" subjects=\"@pm-family\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: subjects: unknown role set “@pm-family” (sets must be defined before use)");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"manager-must-be\" subjects=\"a\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r”: the check “manager-must-be” needs “managers”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"no-reports\" subjects=\"a\" roles=\"a\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r”: the check “no-reports” takes no “roles”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"rank-order\" subjects=\"a\" allow-pairs=\"a-a\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: allow-pairs: “a-a” is not SUBJECT:MANAGER");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"note\" check=\"small-org\" subjects=\"a\" employees-below=\"many\">" MSG "</rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r”: employees-below must be a whole number");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"known-role\">" MSG "</rule>\n"
          "  <rule id=\"r\" severity=\"error\" check=\"known-role\">" MSG "</rule>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:5: error: duplicate rule id “r”");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"known-role\">\n"
          "    <summary>S</summary>\n    <message>{person} is {mood}</message>\n  </rule>\n</rules>\n",
          INVALID, "bad.xml:6: error: unknown placeholder in message: {mood}");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"has-reports\" subjects=\"a\">\n"
          "    <summary>S</summary>\n    <message>{person} reports to {manager}</message>\n  </rule>\n</rules>\n",
          INVALID, "bad.xml:6: error: placeholder {manager} cannot be filled by this check");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"known-role\">\n"
          "    <summary>S</summary>\n  </rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r” needs a <summary> and a <message>");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"error\" check=\"known-role\">" MSG "\n<why/></rule>\n</rules>\n",
          INVALID, "bad.xml:5: error: unknown element <why> in <rule>");
}

/* Nothing outside the file is read, and an entity bomb costs nothing. */
static void
test_refuse_doctype (void **state)
{
  gint64 start = g_get_monotonic_time ();

  refuse ("<?xml version=\"1.0\"?>\n"
          "<!DOCTYPE rules [\n"
          " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
          " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
          " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
          " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
          " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
          "]>\n<rules version=\"1\"><role id=\"a\" color=\"#000000\"><name>&e;</name></role></rules>\n",
          LADDER_CHART_ERROR_FORBIDDEN, "bad.xml:2: error: a rules file may not have a DOCTYPE");
  refuse ("<?xml version=\"1.0\"?>\n<!DOCTYPE rules SYSTEM \"http://example.com/rules.dtd\">\n<rules version=\"1\"/>\n",
          LADDER_CHART_ERROR_FORBIDDEN, "bad.xml:2: error: a rules file may not have a DOCTYPE");
  refuse (HEAD "  <role id=\"a\" color=\"#000000\"><name>&ext;</name></role>\n</rules>\n",
          LADDER_CHART_ERROR_PARSE, "bad.xml:3: error: Entity 'ext' not defined");
  assert_true (g_get_monotonic_time () - start < G_USEC_PER_SEC);
}

static void
test_missing_file (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "none.xml", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_file (path, &error);

  assert_null (catalogue);
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND));
  expected = g_strdup_printf ("%s:1: error: ", path);
  assert_true (g_str_has_prefix (error->message, expected));
}

/* ---- a company's own ladder ---- */

static const char kitchen[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rules version=\"1\">\n"
  "  <role id=\"chef\" level=\"0\" product-team=\"yes\" color=\"#aa0000\"><name>Chef de cuisine</name></role>\n"
  "  <role id=\"sous\" level=\"1\" product-team=\"yes\" color=\"#00aa00\"><name>Sous-chef</name></role>\n"
  "  <role id=\"cook\" level=\"2\" product-team=\"yes\" color=\"#0000aa\"><name>Line cook</name></role>\n"
  "  <role id=\"porter\" product-team=\"no\" label=\"title\" color=\"#888888\"><name>Porter</name></role>\n"
  "  <set id=\"brigade\" roles=\"@all !porter\"/>\n"
  "  <set id=\"cooks\" roles=\"@brigade !chef\"/>\n"
  "  <rule id=\"one-chef\" severity=\"error\" check=\"at-most-one\" subjects=\"chef\">\n"
  "    <summary>One chef per kitchen.</summary>\n"
  "    <message>{person} is a second chef after {first}</message>\n"
  "  </rule>\n"
  "  <rule id=\"pecking-order\" severity=\"error\" check=\"rank-order\" subjects=\"@cooks\">\n"
  "    <summary>Cooks answer to someone senior.</summary>\n"
  "    <message>\n      {person} ({role}) answers to\n      {manager} ({manager-role})\n    </message>\n"
  "    <cite seed=\"escoffier.txt\">  a brigade, kept exactly  </cite>\n"
  "  </rule>\n"
  "  <rule id=\"sous-under-chef\" severity=\"warning\" check=\"manager-must-be\" subjects=\"sous\" managers=\"chef\">\n"
  "    <summary>A sous-chef answers to the chef.</summary>\n"
  "    <message>{person} answers to {manager} ({manager-role})</message>\n"
  "  </rule>\n"
  "  <rule id=\"chef-has-cooks\" severity=\"note\" check=\"has-descendant-role\" subjects=\"chef\" roles=\"cook\">\n"
  "    <summary>Someone cooks.</summary>\n"
  "    <message>{person} has no cook below</message>\n"
  "  </rule>\n"
  "</rules>\n";

static void
test_custom_ladder (void **state)
{
  g_autofree char *path = ladder_test_write ("kitchen.xml", kitchen);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_file (path, &error);
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderFindings) findings = NULL;
  const LadderRule *rule;
  guint chef, cook, porter, sous, second;

  assert_null (error);
  assert_non_null (catalogue);
  assert_int_equal (ladder_catalogue_get_n_roles (catalogue), 4);
  assert_int_equal (ladder_catalogue_get_n_rules (catalogue), 4);
  assert_string_equal (ladder_catalogue_find_role (catalogue, "line COOK")->id, "cook");
  assert_null (ladder_catalogue_lookup_role (catalogue, "ceo"));
  assert_float_equal (ladder_catalogue_lookup_role (catalogue, "chef")->color[0], 170 / 255.0, 1e-9);

  rule = ladder_catalogue_lookup_rule (catalogue, "pecking-order");
  assert_int_equal (ladder_rule_get_n_citations (rule), 1);
  assert_string_equal (ladder_rule_get_citation (rule, 0)->seed, "escoffier.txt");
  /* Quotes are byte for byte; summaries and messages are normalised. */
  assert_string_equal (ladder_rule_get_citation (rule, 0)->quote, "  a brigade, kept exactly  ");
  assert_string_equal (ladder_rule_get_summary (rule), "Cooks answer to someone senior.");

  chef = ladder_chart_add_person (chart, "chef", "chef", LADDER_NONE, LADDER_NONE, NULL);
  porter = ladder_chart_add_person (chart, "porter", "porter", chef, LADDER_NONE, NULL);
  cook = ladder_chart_add_person (chart, "cook", "cook", porter, LADDER_NONE, NULL);
  sous = ladder_chart_add_person (chart, "sous", "sous", cook, LADDER_NONE, NULL);
  second = ladder_chart_add_person (chart, "second", "chef", LADDER_NONE, LADDER_NONE, NULL);
  ladder_chart_set_person_title (chart, porter, "Night porter");
  for (guint p = chef; p <= second; p++)
    ladder_chart_set_line (chart, p, 10 + p);

  findings = ladder_validate (chart, catalogue);
  assert_int_equal (ladder_findings_get_n (findings), 4);
  assert_string_equal (ladder_findings_get (findings, 0)->message, "sous (Sous-chef) answers to cook (Line cook)");
  assert_string_equal (ladder_rule_get_id (ladder_findings_get (findings, 0)->rule), "pecking-order");
  assert_string_equal (ladder_findings_get (findings, 1)->message, "sous answers to cook (Line cook)");
  assert_int_equal (ladder_findings_get (findings, 1)->severity, LADDER_SEVERITY_WARNING);
  assert_string_equal (ladder_findings_get (findings, 2)->message, "second is a second chef after chef");
  assert_string_equal (ladder_findings_get (findings, 3)->message, "second has no cook below");
  assert_int_equal (ladder_findings_get (findings, 3)->person, second);
  assert_int_equal (ladder_findings_worst_for (findings, chef), -1);

  /* The porter is off the ladder (no rank-order) and called by their title. */
  assert_true (ladder_chart_reparent (chart, sous, porter, LADDER_NONE, NULL));
  ladder_findings_free (g_steal_pointer (&findings));
  findings = ladder_validate (chart, catalogue);
  assert_int_equal (ladder_findings_get_n (findings), 3);
  assert_string_equal (ladder_findings_get (findings, 0)->message, "sous answers to porter (Night porter)");
  assert_int_equal (ladder_findings_get (findings, 0)->other, porter);
  assert_int_equal (ladder_findings_line_severity (findings, sous), LADDER_SEVERITY_WARNING);
  assert_int_equal (ladder_findings_get (findings, 1)->person, second);
  assert_int_equal (ladder_findings_get (findings, 2)->person, second);
}

/* Names, summaries and messages go through the message catalogue when
 * read; quotes do not; a translated message with a placeholder the check
 * cannot fill falls back to the original. */
static void
test_translations (void **state)
{
  static const char po[] =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "msgid \"Line cook\"\nmsgstr \"Commis\"\n\n"
    "msgid \"Cooks answer to someone senior.\"\nmsgstr \"Köche unterstehen Älteren.\"\n\n"
    "msgid \"{person} ({role}) answers to {manager} ({manager-role})\"\n"
    "msgstr \"{person} ({role}) untersteht {manager} ({manager-role})\"\n\n"
    "msgid \"{person} is a second chef after {first}\"\nmsgstr \"{person} ist Koch nach {chef}\"\n\n"
    "msgid \"  a brigade, kept exactly  \"\nmsgstr \"eine Brigade\"\n";
  g_autofree char *po_path = ladder_test_write ("de.po", po);
  g_autofree char *mo_dir = g_build_filename (ladder_test_tmpdir (), "de", "LC_MESSAGES", NULL);
  g_autofree char *mo_path = g_build_filename (mo_dir, GETTEXT_DOMAIN ".mo", NULL);
  g_autofree char *rules = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = NULL;
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  const LadderRule *rule;
  int status = -1;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");

  if (msgfmt == NULL || setlocale (LC_ALL, "C.UTF-8") == NULL)
    skip ();
  assert_int_equal (g_mkdir_with_parents (mo_dir, 0700), 0);
  assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                             NULL, NULL, &status, NULL));
  assert_int_equal (status, 0);
  bindtextdomain (GETTEXT_DOMAIN, ladder_test_tmpdir ());
  bind_textdomain_codeset (GETTEXT_DOMAIN, "UTF-8");
  g_setenv ("LANGUAGE", "de", TRUE);

  rules = g_strdup (kitchen);
  /* The kitchen marks nothing translatable: mark everything. */
  {
    g_auto(GStrv) parts = NULL;

    parts = g_strsplit (rules, "<name>", -1);
    g_free (rules);
    rules = g_strjoinv ("<name translatable=\"yes\">", parts);
    g_strfreev (parts);
    parts = g_strsplit (rules, "<summary>", -1);
    g_free (rules);
    rules = g_strjoinv ("<summary translatable=\"yes\">", parts);
    g_strfreev (parts);
    parts = g_strsplit (rules, "<message>", -1);
    g_free (rules);
    rules = g_strjoinv ("<message translatable=\"yes\">", parts);
  }
  bytes = g_bytes_new (rules, strlen (rules));
  catalogue = ladder_catalogue_new_from_bytes (bytes, "kitchen.xml", &error);
  g_unsetenv ("LANGUAGE");
  assert_null (error);

  assert_string_equal (ladder_catalogue_lookup_role (catalogue, "cook")->name, "Commis");
  /* Found by the translated and by the original name. */
  assert_string_equal (ladder_catalogue_find_role (catalogue, "commis")->id, "cook");
  assert_string_equal (ladder_catalogue_find_role (catalogue, "Line cook")->id, "cook");
  assert_string_equal (ladder_catalogue_lookup_role (catalogue, "sous")->name, "Sous-chef");

  rule = ladder_catalogue_lookup_rule (catalogue, "pecking-order");
  assert_string_equal (ladder_rule_get_summary (rule), "Köche unterstehen Älteren.");
  assert_string_equal (ladder_rule_get_citation (rule, 0)->quote, "  a brigade, kept exactly  ");

  {
    g_autoptr(LadderChart) chart = ladder_chart_new ();
    g_autoptr(LadderFindings) findings = NULL;
    guint chef = ladder_chart_add_person (chart, "c", "chef", LADDER_NONE, LADDER_NONE, NULL);
    guint sous = ladder_chart_add_person (chart, "s", "sous", chef, LADDER_NONE, NULL);

    ladder_chart_add_person (chart, "x", "cook", sous, LADDER_NONE, NULL);
    ladder_chart_add_person (chart, "y", "sous", ladder_chart_lookup (chart, "x"), LADDER_NONE, NULL);
    ladder_chart_add_person (chart, "d", "chef", LADDER_NONE, LADDER_NONE, NULL);
    findings = ladder_validate (chart, catalogue);
    assert_int_equal (ladder_findings_get_n (findings), 4);
    assert_string_equal (ladder_findings_get (findings, 0)->message, "y (Sous-chef) untersteht x (Commis)");
    /* {chef} is no placeholder of at-most-one: the original is used. */
    assert_string_equal (ladder_findings_get (findings, 2)->message, "d is a second chef after c");
  }
}

/* ---- aliases: free job titles to roles (SPEC.md "Import") ---- */

static const char *
role_for (LadderCatalogue *catalogue,
          const char      *title)
{
  const LadderRole *role = ladder_catalogue_role_for_title (catalogue, title);

  return role ? role->id : NULL;
}

static void
test_title_matching (void **state)
{
  static const char text[] =
    HEAD
    "  <role id=\"a\" level=\"0\" color=\"#112233\"><name>A</name>\n"
    "    <alias>Chef</alias><alias>Sr. Chef de Partie</alias>\n"
    "    <alias>Founder &amp; Chef</alias>\n"
    "  </role>\n"
    "  <role id=\"b\" level=\"1\" color=\"#445566\"><name>B</name>\n"
    "    <alias>Chef de Partie</alias><alias>VP Kitchen</alias><alias>PM</alias>\n"
    "  </role>\n"
    "  <alias role=\"a\">Head of Kitchen</alias>\n"
    "</rules>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_bytes (bytes, "titles.xml", &error);

  assert_null (error);
  assert_string_equal (role_for (catalogue, "Chef"), "a");
  assert_string_equal (role_for (catalogue, "  CHEF  "), "a");
  /* The longest alias wins, whatever the file order. */
  assert_string_equal (role_for (catalogue, "chef de partie"), "b");
  assert_string_equal (role_for (catalogue, "Senior Chef de Partie"), "a");
  assert_string_equal (role_for (catalogue, "Sr Chef de Partie"), "a");
  /* A qualifier may follow: , - – ( and " of ". */
  assert_string_equal (role_for (catalogue, "Chef, Pastry"), "a");
  assert_string_equal (role_for (catalogue, "Chef - Pastry"), "a");
  assert_string_equal (role_for (catalogue, "Chef \u2013 Pastry"), "a");
  assert_string_equal (role_for (catalogue, "Chef (Pastry)"), "a");
  assert_string_equal (role_for (catalogue, "Chef of the Day"), "a");
  assert_string_equal (role_for (catalogue, "Chef de Partie, Fish"), "b");
  /* Anything else after an alias is another job. */
  assert_null (role_for (catalogue, "Chef Assistant"));
  assert_null (role_for (catalogue, "Chefs"));
  assert_null (role_for (catalogue, "Sous Chef"));
  /* "&" is "and"; "." and "," are dropped, in titles and aliases. */
  assert_string_equal (role_for (catalogue, "Founder and Chef"), "a");
  assert_string_equal (role_for (catalogue, "V.P. Kitchen"), "b");
  assert_string_equal (role_for (catalogue, "VP, Kitchen"), "b");
  assert_string_equal (role_for (catalogue, "Vice President Kitchen"), "b");
  assert_string_equal (role_for (catalogue, "Product Manager"), "b");
  assert_null (role_for (catalogue, "Product Manager Kitchen"));
  assert_null (role_for (catalogue, "VP"));
  /* An alias given outside its role. */
  assert_string_equal (role_for (catalogue, "Head of Kitchen"), "a");
  /* Neither a role's id nor its name is an alias unless the file says so. */
  assert_null (role_for (catalogue, "A"));
  assert_null (role_for (catalogue, "b"));
  assert_null (role_for (catalogue, ""));
  assert_null (role_for (catalogue, ", - ("));
  assert_null (role_for (catalogue, NULL));
  /* Bytes that are not UTF-8 are read as U+FFFD, which ends a word, and
   * never past the end. */
  assert_string_equal (role_for (catalogue, "Chef, \xf0"), "a");
  assert_string_equal (role_for (catalogue, "Chef\xff"), "a");
  assert_null (role_for (catalogue, "Chef\xffx"));
  assert_null (role_for (catalogue, "\xe2\x80"));
}

static void
test_refuse_aliases (void **state)
{
  const int INVALID = LADDER_CHART_ERROR_INVALID;

  refuse (HEAD "  <role id=\"a\" color=\"#112233\"><name>A</name><alias>X</alias></role>\n"
               "  <role id=\"b\" color=\"#112233\"><name>B</name><alias>x.</alias></role>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:4: error: alias “x.” already stands for role “a”");
  refuse (HEAD "  <role id=\"a\" color=\"#112233\"><name>A</name>\n<alias role=\"a\">X</alias></role>\n</rules>\n",
          INVALID, "bad.xml:4: error: an <alias> inside a <role> takes no attribute");
  refuse (HEAD ROLE_A "  <alias>X</alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: an <alias> outside a <role> needs a “role” attribute");
  refuse (HEAD ROLE_A "  <alias role=\"z\">X</alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: alias: unknown role “z”");
  refuse (HEAD ROLE_A "  <alias role=\"a\" lang=\"en\">X</alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: unknown attribute “lang” on <alias>");
  refuse (HEAD ROLE_A "  <alias role=\"a\">--</alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: alias “--” has no letters or digits");
  refuse (HEAD ROLE_A "  <alias role=\"a\"> </alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: <alias> is empty");
  refuse (HEAD ROLE_A "  <alias role=\"a\">X<b/></alias>\n</rules>\n",
          INVALID, "bad.xml:4: error: <alias> holds text only");
}

/* SPEC.md "Sources of the rules": citations show the article's title. */
static void
test_sources (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  const LadderRule *rule = ladder_catalogue_lookup_rule (catalogue, "vp-head-disputed");
  static const char text[] =
    HEAD
    "  <source seed=\"escoffier.txt\" title=\" Le Guide culinaire \"/>\n"
    "  <role id=\"a\" color=\"#112233\"><name>A</name>\n"
    "    <cite seed=\"escoffier.txt\">q</cite><cite seed=\"carême.txt\">r</cite></role>\n"
    "</rules>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) custom = ladder_catalogue_new_from_bytes (bytes, "sources.xml", &error);
  const LadderRole *role;

  assert_string_equal (ladder_rule_get_citation (rule, 0)->title,
                       "What Does a Head of Product Do? (vs. Product Manager)");
  assert_string_equal (ladder_rule_get_citation (rule, 1)->title,
                       "CPO vs Head of Product: What's the Difference? (2023)");
  assert_string_equal (ladder_catalogue_get_source_title (catalogue, "003_03b5190950368f4b.txt"),
                       "Navigating the Difference Between Product Manager and Head of Product (June 2024)");
  /* Every built-in citation has a title. */
  for (guint i = 0; i < ladder_catalogue_get_n_rules (catalogue); i++)
    {
      rule = ladder_catalogue_get_rule (catalogue, i);
      for (guint c = 0; c < ladder_rule_get_n_citations (rule); c++)
        assert_string_not_equal (ladder_rule_get_citation (rule, c)->title,
                                 ladder_rule_get_citation (rule, c)->seed);
    }
  assert_string_equal (ladder_catalogue_get_source_title (catalogue, "unknown.txt"), "unknown.txt");

  /* A seed without a <source> shows its name. */
  assert_null (error);
  role = ladder_catalogue_lookup_role (custom, "a");
  assert_string_equal (role->citations[0].title, "Le Guide culinaire");
  assert_string_equal (role->citations[1].title, "carême.txt");
}

static void
test_refuse_sources (void **state)
{
  const int INVALID = LADDER_CHART_ERROR_INVALID;

  refuse (HEAD ROLE_A "  <source seed=\"s\" title=\"T\"/>\n  <source seed=\"s\" title=\"U\"/>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:5: error: duplicate source “s”");
  refuse (HEAD ROLE_A "  <source seed=\"s\"/>\n</rules>\n",
          INVALID, "bad.xml:4: error: <source> needs a “seed” and a “title”");
  refuse (HEAD ROLE_A "  <source seed=\"s\" title=\" \"/>\n</rules>\n",
          INVALID, "bad.xml:4: error: <source> needs a “seed” and a “title”");
  refuse (HEAD ROLE_A "  <source title=\"T\"/>\n</rules>\n",
          INVALID, "bad.xml:4: error: <source> needs a “seed” and a “title”");
  refuse (HEAD ROLE_A "  <source seed=\"s\" title=\"T\" url=\"u\"/>\n</rules>\n",
          INVALID, "bad.xml:4: error: unknown attribute “url” on <source>");
  refuse (HEAD ROLE_A "  <source seed=\"s\" title=\"T\"><cite seed=\"s\">q</cite></source>\n</rules>\n",
          INVALID, "bad.xml:4: error: <source> has no child elements");
  refuse (HEAD ROLE_A "  <source seed=\"s\" title=\"T\">text</source>\n</rules>\n",
          INVALID, "bad.xml:4: error: unexpected content in <source>");
}

/* SPEC.md "Rules files that add to the built-in ones". */
static void
test_extends (void **state)
{
  LadderCatalogue *builtin = ladder_catalogue_get_default ();
  g_autofree char *first = ladder_test_write ("first.xml",
    "<rules version=\"1\" extends=\"builtin\">\n"
    "  <source seed=\"000_25191a4dbd4584d4.txt\" title=\"Our copy\"/>\n"
    "  <role id=\"pm\" level=\"6\" product-team=\"yes\" color=\"#000000\"><name>PM</name>\n"
    "    <alias>Product Lead</alias></role>\n"
    "  <role id=\"designer\" product-team=\"yes\" color=\"#123456\"><name>Designer</name>\n"
    "    <alias>Product Designer</alias></role>\n"
    "  <alias role=\"designer\">UX Lead</alias>\n"
    "  <set id=\"pm-family\" roles=\"pm\"/>\n"
    "  <rule id=\"senior-pm-mentors\" severity=\"warning\" check=\"has-reports\" subjects=\"@pm-family\">\n"
    "    <summary>S</summary><message>{person}</message><policy>Ours.</policy></rule>\n"
    "  <rule id=\"wide\" severity=\"note\" check=\"span\" max=\"9\">\n"
    "    <summary>S</summary><message>{person}</message></rule>\n"
    "</rules>\n");
  g_autofree char *second = ladder_test_write ("second.xml",
    "<rules version=\"1\" extends=\"builtin\">\n"
    "  <alias role=\"group-pm\">UX Lead</alias>\n"
    "</rules>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) one = ladder_catalogue_new_extending (NULL, first, &error);
  g_autoptr(LadderCatalogue) two = NULL;
  g_autoptr(LadderCatalogue) alone = NULL;
  guint n_builtin_roles = ladder_catalogue_get_n_roles (builtin);
  guint n_builtin_rules = ladder_catalogue_get_n_rules (builtin);
  const LadderRule *rule;

  assert_null (error);
  /* A role with a built-in id replaces it in place; a new one comes last. */
  assert_int_equal (ladder_catalogue_get_n_roles (one), n_builtin_roles + 1);
  for (guint i = 0; i < n_builtin_roles; i++)
    assert_string_equal (ladder_catalogue_get_role (one, i)->id, ladder_catalogue_get_role (builtin, i)->id);
  assert_string_equal (ladder_catalogue_lookup_role (one, "pm")->name, "PM");
  assert_string_equal (ladder_catalogue_get_role (one, n_builtin_roles)->id, "designer");
  /* Rules likewise; the built-in sets see the new role (@all). */
  assert_int_equal (ladder_catalogue_get_n_rules (one), n_builtin_rules + 1);
  rule = ladder_catalogue_lookup_rule (one, "senior-pm-mentors");
  assert_ptr_equal (rule, ladder_catalogue_get_rule (one, n_builtin_rules - 2));
  assert_int_equal (ladder_rule_get_severity (rule), LADDER_SEVERITY_WARNING);
  assert_string_equal (ladder_rule_get_policy (rule), "Ours.");
  assert_null (ladder_rule_get_policy (ladder_catalogue_lookup_rule (one, "pm-manager")));
  assert_string_equal (ladder_rule_get_id (ladder_catalogue_get_rule (one, n_builtin_rules)), "wide");
  /* Aliases: the replaced pm's built-in aliases went with it; the others stay. */
  assert_string_equal (role_for (one, "Product Lead"), "pm");
  assert_null (role_for (one, "Product Manager"));
  assert_string_equal (role_for (one, "Sr. PM"), "senior-pm");
  assert_string_equal (role_for (one, "Product Designer, Mobile"), "designer");
  assert_string_equal (role_for (one, "UX Lead"), "designer");
  /* Sources: a later title for the same seed wins. */
  assert_string_equal (ladder_catalogue_get_source_title (one, "000_25191a4dbd4584d4.txt"), "Our copy");
  assert_string_equal (ladder_rule_get_citation (ladder_catalogue_lookup_rule (one, "head-has-team"), 0)->title,
                       "Our copy");
  assert_string_equal (ladder_catalogue_get_source_title (one, "002_0fa7e50639bc32eb.txt"),
                       "CPO vs Head of Product: What's the Difference? (2023)");
  /* The base is untouched. */
  assert_string_equal (role_for (builtin, "Product Lead"), "group-pm");
  assert_string_equal (ladder_catalogue_lookup_role (builtin, "pm")->name, "Product Manager");

  /* On top of @one, a later alias wins over an earlier file's. */
  two = ladder_catalogue_new_extending (one, second, &error);
  assert_null (error);
  assert_string_equal (role_for (two, "UX Lead"), "group-pm");
  assert_string_equal (role_for (two, "Product Designer"), "designer");
  assert_int_equal (ladder_catalogue_get_n_rules (two), n_builtin_rules + 1);

  /* new_from_file() of a file that extends: on the built-in catalogue. */
  alone = ladder_catalogue_new_from_file (second, &error);
  assert_null (error);
  assert_int_equal (ladder_catalogue_get_n_roles (alone), n_builtin_roles);
  assert_string_equal (role_for (alone, "UX Lead"), "group-pm");
}

static void
test_refuse_extends (void **state)
{
  const int INVALID = LADDER_CHART_ERROR_INVALID;

  refuse ("<rules version=\"1\" extends=\"base.xml\">\n" ROLE_A "</rules>\n",
          INVALID, "bad.xml:1: error: extends must be “builtin”, not “base.xml”");
  /* The same id twice in one file is still refused. */
  refuse ("<rules version=\"1\" extends=\"builtin\">\n" ROLE_A ROLE_A "</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:3: error: duplicate role id “a”");
  refuse ("<rules version=\"1\" extends=\"builtin\">\n"
          "  <rule id=\"r\" severity=\"note\" check=\"single-report\">" MSG "</rule>\n"
          "  <rule id=\"r\" severity=\"note\" check=\"single-report\">" MSG "</rule>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:3: error: duplicate rule id “r”");
  refuse ("<rules version=\"1\" extends=\"builtin\">\n"
          "  <set id=\"s\" roles=\"pm\"/>\n  <set id=\"s\" roles=\"ceo\"/>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:3: error: duplicate set id “s”");
  refuse ("<rules version=\"1\" extends=\"builtin\">\n"
          "  <alias role=\"pm\">Lead</alias>\n  <alias role=\"ceo\">lead</alias>\n</rules>\n",
          LADDER_CHART_ERROR_DUPLICATE_ID, "bad.xml:3: error: alias “lead” already stands for role “pm”");
  /* A file that extends may add no role, but a plain one must have one. */
  refuse ("<rules version=\"1\">\n</rules>\n",
          INVALID, "bad.xml:1: error: a rules file needs at least one <role>");
  refuse (HEAD ROLE_A "  <rule id=\"r\" severity=\"note\" check=\"single-report\">" MSG
          "<policy>a</policy><policy>b</policy></rule>\n</rules>\n",
          INVALID, "bad.xml:4: error: rule “r” has more than one <policy>");
}

/* tests/data/titles.tsv: real titles, each with the role it should get. */
static void
test_real_titles (void **state)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autofree char *path = ladder_test_source_path ("tests/data/titles.tsv");
  g_autofree char *text = ladder_test_read (path, NULL);
  g_auto(GStrv) lines = NULL;
  guint n = 0, right = 0, misplaced = 0;

  assert_non_null (text);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *expected, *found;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      assert_int_equal (g_strv_length (fields), 2);
      expected = strcmp (fields[1], "-") == 0 ? NULL : fields[1];
      if (expected)
        assert_non_null (ladder_catalogue_lookup_role (catalogue, expected));
      found = role_for (catalogue, fields[0]);
      n++;
      if (g_strcmp0 (found, expected) == 0)
        {
          right++;
          continue;
        }
      /* A title that is not a product job must never land on one. */
      misplaced += expected == NULL;
      g_printerr ("# titles.tsv:%u: \"%s\" -> %s, expected %s\n", i + 1, fields[0],
                  found ? found : "-", expected ? expected : "-");
    }
  g_printerr ("# %u of %u titles on the right role (%.1f%%)\n", right, n, 100.0 * right / n);
  assert_true (n >= 100);
  assert_int_equal (misplaced, 0);
  assert_true (right * 10 >= n * 9);
}

int
main (void)
{
  /* The last three check the catalogue against the documents the rules come
   * from, and run only when those are here. They are left out rather than
   * skipped: meson 1.0 reads cmocka's TAP "not ok # SKIP" as a failure, and
   * a second group's plan as an error. */
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_default_roles),
    cmocka_unit_test (test_find_role),
    cmocka_unit_test (test_default_rules),
    cmocka_unit_test (test_refuse_structure),
    cmocka_unit_test (test_refuse_sets_and_rules),
    cmocka_unit_test (test_refuse_doctype),
    cmocka_unit_test (test_missing_file),
    cmocka_unit_test (test_custom_ladder),
    cmocka_unit_test (test_translations),
    cmocka_unit_test (test_title_matching),
    cmocka_unit_test (test_refuse_aliases),
    cmocka_unit_test (test_real_titles),
    cmocka_unit_test (test_sources),
    cmocka_unit_test (test_refuse_sources),
    cmocka_unit_test (test_extends),
    cmocka_unit_test (test_refuse_extends),
    cmocka_unit_test (test_quotes_in_seeds),
    cmocka_unit_test (test_matches_role_rules_md),
    cmocka_unit_test (test_sources_match_role_rules_md),
  };
  g_autofree char *seeds = shared_path ("seeds");
  g_autofree char *role_rules = shared_path ("docs/ROLE-RULES.md");
  size_t n_tests = G_N_ELEMENTS (tests);

  if (seeds == NULL || role_rules == NULL)
    {
      g_printerr ("../shared/seeds or docs/ROLE-RULES.md not found: "
                  "quotes not checked against their documents\n");
      n_tests -= 3;
    }
  return _cmocka_run_group_tests ("tests", tests, n_tests, NULL, NULL);
}
