/* test-deep.c — charts at the extremes: a chain a million people deep and
 * a million people in a flat-ish org, through load, validate and save.
 * Anything recursive would overflow the stack here. */
#include "ladder-test-util.h"

#include "ladder-io.h"
#include "ladder-validate.h"

#include <string.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
/* A million people; LADDER_DEEP_PEOPLE makes it smaller (valgrind runs). */
static guint
deep_people (void)
{
  const char *env = g_getenv ("LADDER_DEEP_PEOPLE");

  return env ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
}
#define MILLION deep_people ()

/* The chain: a CEO, a million people each reporting to the one before,
 * and at the very bottom a Director of Product over a Junior PM over a
 * Product Owner (one rule error: the Junior PM has a report).  Written exactly as Ladder writes. */
static GString *
make_chain (void)
{
  GString *text = g_string_sized_new (64 * (gsize) MILLION);

  g_string_append (text, HEAD "<orgchart version=\"1\" title=\"Deep\">\n");
  g_string_append (text, "  <person id=\"c\" role=\"ceo\" name=\"Top\"/>\n");
  g_string_append (text, "  <person id=\"p0\" role=\"other\" manager=\"c\"/>\n");
  for (guint i = 1; i < MILLION; i++)
    g_string_append_printf (text, "  <person id=\"p%u\" role=\"other\" manager=\"p%u\"/>\n", i, i - 1);
  g_string_append_printf (text, "  <person id=\"d\" role=\"director-product\" manager=\"p%u\"/>\n", MILLION - 1);
  g_string_append (text, "  <person id=\"j\" role=\"junior-pm\" manager=\"d\"/>\n");
  g_string_append (text, "  <person id=\"a\" role=\"product-owner\" name=\"Last\" manager=\"j\">\n"
                         "    <dotted-line to=\"c\"/>\n  </person>\n");
  g_string_append (text, "</orgchart>\n");
  return text;
}

static void
test_million_deep_chain (void **state)
{
  g_autoptr(GString) text = make_chain ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;
  guint bottom, a, j, n;
  const guint *dotted;

  chart = ladder_xml_read_memory (text->str, text->len, "deep.ladder", &error);
  assert_null (error);
  assert_non_null (chart);
  assert_int_equal (ladder_chart_get_n_people (chart), MILLION + 4);
  assert_int_equal (ladder_chart_get_n_roots (chart), 1);

  a = ladder_chart_lookup (chart, "a");
  j = ladder_chart_lookup (chart, "j");
  {
    g_autofree char *bottom_id = g_strdup_printf ("p%u", MILLION - 1);

    bottom = ladder_chart_lookup (chart, bottom_id);
  }
  assert_int_equal (ladder_chart_get_manager (chart, a), j);
  assert_int_equal (ladder_chart_get_manager (chart, ladder_chart_lookup (chart, "d")), bottom);
  assert_true (ladder_chart_is_above (chart, ladder_chart_lookup (chart, "c"), a));
  assert_int_equal (ladder_chart_get_line (chart, a), MILLION + 6);
  dotted = ladder_chart_get_dotted_lines (chart, a, &n);
  assert_int_equal (n, 1);
  assert_int_equal (dotted[0], ladder_chart_lookup (chart, "c"));

  findings = ladder_validate (chart, ladder_catalogue_get_default ());
  assert_int_equal (ladder_findings_count (findings, LADDER_SEVERITY_ERROR), 1);
  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);

      if (finding->severity == LADDER_SEVERITY_ERROR)
        {
          assert_int_equal (finding->person, j);
          assert_string_equal (ladder_rule_get_id (finding->rule), "entry-level-no-reports");
        }
    }

  saved = ladder_xml_write (chart, &length);
  assert_int_equal (length, text->len);
  assert_true (memcmp (saved, text->str, length) == 0);
}

/* A CEO over 1000 Group PMs with 999 PMs each: a million people. */
static void
test_million_flat (void **state)
{
  g_autoptr(GString) text = g_string_sized_new (80 * (gsize) MILLION);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;
  guint ceo, last;
  const guint groups = MAX (MILLION / 1000, 1);

  g_string_append (text, HEAD "<orgchart version=\"1\" employees=\"50000\">\n");
  g_string_append (text, "  <person id=\"ceo\" role=\"ceo\" name=\"Chief\"/>\n");
  for (guint g = 0; g < groups; g++)
    {
      g_string_append_printf (text, "  <person id=\"g%u\" role=\"group-pm\" name=\"Group %u\" manager=\"ceo\"/>\n", g, g);
      for (guint p = 0; p < 999; p++)
        g_string_append_printf (text, "  <person id=\"g%u.%u\" role=\"pm\" name=\"PM %u.%u\" manager=\"g%u\"/>\n",
                                g, p, g, p, g);
    }
  g_string_append (text, "</orgchart>\n");

  chart = ladder_xml_read_memory (text->str, text->len, "flat.ladder", &error);
  assert_null (error);
  assert_int_equal (ladder_chart_get_n_people (chart), groups * 1000 + 1);
  ceo = ladder_chart_lookup (chart, "ceo");
  assert_int_equal (ladder_chart_get_n_reports (chart, ceo), groups);
  {
    g_autofree char *last_id = g_strdup_printf ("g%u.998", groups - 1);

    last = ladder_chart_lookup (chart, last_id);
  }
  assert_int_equal (ladder_chart_get_line (chart, last), groups * 1000 + 3);
  assert_int_equal (ladder_chart_get_n_reports (chart, ladder_chart_get_manager (chart, last)), 999);
  {
    g_autofree char *last_name = g_strdup_printf ("PM %u.998", groups - 1);

    assert_string_equal (ladder_chart_get_name (chart, last), last_name);
  }

  findings = ladder_validate (chart, ladder_catalogue_get_default ());
  assert_int_equal (ladder_findings_count (findings, LADDER_SEVERITY_ERROR), 0);

  saved = ladder_xml_write (chart, &length);
  assert_int_equal (length, text->len);
  assert_true (memcmp (saved, text->str, length) == 0);
}

/* A cycle through 100,000 people is found without recursion; the
 * refusal lists its start and end and counts the rest. */
static void
test_long_cycle (void **state)
{
  const guint n = 100000;
  g_autoptr(GString) text = g_string_sized_new (56 * (gsize) n);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;

  g_string_append (text, HEAD "<orgchart version=\"1\">\n");
  g_string_append_printf (text, "  <person id=\"p0\" role=\"other\" manager=\"p%u\"/>\n", n - 1);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (text, "  <person id=\"p%u\" role=\"other\" manager=\"p%u\"/>\n", i, i - 1);
  g_string_append (text, "</orgchart>\n");

  chart = ladder_xml_read_memory (text->str, text->len, "loop.ladder", &error);
  assert_null (chart);
  assert_int_equal (error->code, LADDER_CHART_ERROR_CYCLE);
  assert_string_equal (error->message,
                       "loop.ladder:3: error: the manager references form a cycle: "
                       "p0 → p99999 → p99998 → p99997 → p99996 → p99995 → p99994 → "
                       "p99993 → p99992 → p99991 and 99990 more");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_million_deep_chain),
    cmocka_unit_test (test_million_flat),
    cmocka_unit_test (test_long_cycle),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
