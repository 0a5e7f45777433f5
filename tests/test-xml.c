/* test-xml.c — the .ladder format: refusals, safety, round trips, lines,
 * escaping and atomic saving */
#include "ladder-test-util.h"

#include "ladder-io.h"
#include "ladder-chart-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* ---- helpers ---- */

static LadderChart *
load_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_xml_read_memory (text, strlen (text), "t.ladder", &error);

  if (error != NULL)
    fail_msg ("unexpected refusal: %s", error->message);
  assert_non_null (chart);
  return chart;
}

/* Asserts that @text is refused with "t.ladder:LINE: error: " followed by
 * a message containing @fragment, in @code. */
static void
assert_refused_len (const char *text, gsize length, int code, guint line, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (text, length, "t.ladder", &error);
  g_autofree char *prefix = g_strdup_printf ("t.ladder:%u: error: ", line);

  assert_null (chart);
  assert_non_null (error);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, fragment) == NULL)
    fail_msg ("message \"%s\", want prefix \"%s\" and \"%s\"", error->message, prefix, fragment);
  assert_true (error->domain == LADDER_CHART_ERROR);
  assert_int_equal (error->code, code);
}

static void
assert_refused (const char *text, int code, guint line, const char *fragment)
{
  assert_refused_len (text, strlen (text), code, line, fragment);
}

/* Time spent by this thread, in µs: unlike the wall clock, it does not
 * grow when the machine is busy with other work. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

/* The process's peak resident size so far, in KiB. */
static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A hostile file is refused like any other, within 50 ms of CPU time (an
 * entity expansion or a deep recursion would take seconds or minutes) and
 * without raising the process's peak memory by more than 8 MiB beyond the
 * file itself. */
static void
assert_refused_cheaply (const char *what, const char *text, gsize length, int code,
                        guint line, const char *fragment)
{
  long peak = peak_rss_kib (), grown;
  gint64 start = cpu_time (), spent;

  assert_refused_len (text, length, code, line, fragment);
  spent = cpu_time () - start;
  grown = peak_rss_kib () - peak;
  print_message ("# %s (%zu bytes): refused in %.2f ms, peak memory +%ld KiB\n",
                 what, length, spent / 1000.0, grown);
  assert_true (spent < 50 * 1000);
  assert_true (grown < 8 * 1024 + (long) (length / 1024));
}

static char *
save (LadderChart *chart)
{
  gsize length = 0;
  char *text = ladder_xml_write (chart, &length);

  assert_int_equal (length, strlen (text));
  return text;
}

/* ---- refusals ---- */

typedef struct {
  const char *text;
  int code;
  guint line;
  const char *fragment;
} Refusal;

static const Refusal refusals[] = {
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n</orgchart>\n",
    LADDER_CHART_ERROR_PARSE, 4, "not well-formed XML: " },
  { "hello\n", LADDER_CHART_ERROR_PARSE, 1, "not well-formed XML" },
  { HEAD "<chart version=\"1\"/>\n", LADDER_CHART_ERROR_INVALID, 2,
    "the root element is <chart>, not <orgchart>" },
  { HEAD "<orgchart>\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "<orgchart> has no version attribute" },
  { HEAD "<orgchart version=\"2\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "the file is format version 2, newer than this Ladder reads (1)" },
  { HEAD "<orgchart version=\"one\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "version=\"one\" on <orgchart> must be a whole number" },
  { HEAD "<orgchart version=\"0\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "version=\"0\" on <orgchart> is not a format version" },
  { HEAD "<orgchart version=\"1\" colour=\"red\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "unknown attribute colour on <orgchart>" },
  { HEAD "<orgchart version=\"1\" xmlns=\"urn:x\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "unknown attribute xmlns on <orgchart>" },
  { HEAD "<orgchart version=\"1\" employees=\"-5\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "employees=\"-5\" on <orgchart> must be a whole number, 0 or more" },
  { HEAD "<orgchart version=\"1\" employees=\"12k\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "employees=\"12k\" on <orgchart> must be a whole number" },
  { HEAD "<orgchart version=\"1\" layout=\"grid\">\n</orgchart>\n", LADDER_CHART_ERROR_INVALID, 2,
    "layout=\"grid\" on <orgchart> must be tree or compact" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n  <team/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "unknown element <team>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" colour=\"red\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "unknown attribute colour on <person>" },
  { HEAD "<orgchart version=\"1\">\n  <person role=\"ceo\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "<person> has no id attribute" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a b\" role=\"ceo\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "id=\"a b\" is not a valid id" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"\" role=\"ceo\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "id=\"\" is not a valid id" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "<person id=\"a\"> has no role attribute" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "<person id=\"a\"> has an empty role" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" vacant=\"yes\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "vacant=\"yes\" on <person> must be true or false" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" assistant=\"TRUE\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "assistant=\"TRUE\" on <person> must be true or false" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" collapsed=\"1\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "collapsed=\"1\" on <person> must be true or false" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" order=\"first\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "order=\"first\" on <person> must be a whole number" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n\n  <person id=\"a\" role=\"pm\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_DUPLICATE_ID, 5, "the id \"a\" is already used on line 3" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n  <person id=\"b\" role=\"pm\" manager=\"zz\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_DANGLING, 4, "the manager of “b” is “zz”, who is not on the chart" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <dotted-line to=\"zz\"/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_DANGLING, 4, "the dotted line of “a” goes to “zz”, who is not on the chart" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <dotted-line to=\"a\"/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "“a” has a dotted line to themselves" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n  <person id=\"b\" role=\"pm\" manager=\"a\">\n"
         "    <dotted-line to=\"a\"/>\n    <dotted-line to=\"a\"/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 6, "“b” has a second dotted line to “a”" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <dotted-line/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "<dotted-line> has no to attribute" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <dotted-line to=\"a\" style=\"x\"/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "unknown attribute style on <dotted-line>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"x\" role=\"ceo\"/>\n  <person id=\"b\" role=\"pm\" manager=\"c\"/>\n"
         "  <person id=\"c\" role=\"pm\" manager=\"d\"/>\n  <person id=\"d\" role=\"pm\" manager=\"b\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_CYCLE, 4, "the manager references form a cycle: b → c → d → b" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" manager=\"a\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_CYCLE, 3, "the manager references form a cycle: a → a" },
  { HEAD "<!DOCTYPE orgchart>\n<orgchart version=\"1\">\n</orgchart>\n",
    LADDER_CHART_ERROR_FORBIDDEN, 2, "the file has a DOCTYPE" },
  { HEAD "<!-- a comment\n with <lines> -->\n<?pi x?>\n<!DOCTYPE orgchart [ <!ENTITY x \"y\"> ]>\n<orgchart version=\"1\">\n</orgchart>\n",
    LADDER_CHART_ERROR_FORBIDDEN, 5, "the file has a DOCTYPE" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <note>one</note>\n    <note>two</note>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 5, "<person id=\"a\"> has a second <note>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <note lang=\"en\">one</note>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "unknown attribute lang on <note>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n\n  stray words\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 5, "text is not allowed inside <orgchart>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" name=\"x > Ada\"\n"
         "    title=\"Ada\">\n\n    Ada</person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 6, "text is not allowed inside <person>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">Ada</person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "text is not allowed inside <person>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"><![CDATA[x]]></person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "text is not allowed inside <person>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <dotted-line to=\"a\">x</dotted-line>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "text is not allowed inside <dotted-line>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <person id=\"b\" role=\"pm\"/>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "<person> is not allowed inside <person>" },
  { HEAD "<orgchart version=\"1\">\n  <note>x</note>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 3, "<note> is not allowed inside <orgchart>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <note>x <b>y</b></note>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "unknown element <b>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\">\n    <note>x <note/></note>\n  </person>\n</orgchart>\n",
    LADDER_CHART_ERROR_INVALID, 4, "<note> is not allowed inside <note>" },
  { HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" name=\"&nbsp;\"/>\n</orgchart>\n",
    LADDER_CHART_ERROR_PARSE, 3, "not well-formed XML: " },
  { "", LADDER_CHART_ERROR_PARSE, 1, "the file is empty" },
  { "  \n\n", LADDER_CHART_ERROR_PARSE, 1, "the file is empty" },
};

static void
test_refusals (void **state)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    assert_refused (refusals[i].text, refusals[i].code, refusals[i].line, refusals[i].fragment);
}

static void
test_long_stray_text_line (void **state)
{
  /* libxml2 hands long text over in pieces; the line is still that of
   * the text's first visible character. */
  g_autoptr(GString) text = g_string_new (HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n\n  stray ");

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\nmore\nlines\n</orgchart>\n");
  assert_refused_len (text->str, text->len, LADDER_CHART_ERROR_INVALID, 5,
                      "text is not allowed inside <orgchart>");
}

static void
test_invalid_utf8 (void **state)
{
  const char text[] = HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n"
                      "  <person id=\"b\" role=\"pm\" name=\"Jos\xE9\" manager=\"a\"/>\n</orgchart>\n";

  assert_refused (text, LADDER_CHART_ERROR_PARSE, 4, "the file is not valid UTF-8 (byte 0xE9)");
}

static void
test_odd_encodings_refused (void **state)
{
  /* The first four bytes look like UCS-4 in orders libxml2 cannot read:
   * refused by name before libxml2 sees them. */
  static const struct { const char *bytes; gsize length; } odd[] = {
    { "\0\0<\0", 4 },
    { "\0\0<\0\0", 5 },
    { "\0<\0\0", 4 },
    { "\0<\0\0<a/>", 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    assert_refused_len (odd[i].bytes, odd[i].length, LADDER_CHART_ERROR_PARSE, 1,
                        "the file is UCS-4 (UTF-32); save it as UTF-8");
}

static void
test_encoding_declaration_ignored (void **state)
{
  /* The declaration says Latin-1, but a chart is always UTF-8. */
  const char *text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<orgchart version=\"1\">\n"
                     "  <person id=\"a\" role=\"ceo\" name=\"Zoë Ångström\"/>\n</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);

  assert_string_equal (ladder_chart_get_name (chart, 0), "Zoë Ångström");
}

static void
test_byte_order_mark (void **state)
{
  const char *text = "\xEF\xBB\xBF" HEAD "<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\"/>\n</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);

  assert_int_equal (ladder_chart_get_line (chart, 0), 3);
}

/* ---- safety ---- */

static void
test_billion_laughs (void **state)
{
  const char *text =
    HEAD "<!DOCTYPE orgchart [\n"
    " <!ENTITY a \"lollollollollollollollollollol\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
    "]>\n<orgchart version=\"1\" title=\"&i;\">\n  <person id=\"a\" role=\"ceo\" name=\"&i;\"/>\n</orgchart>\n";

  assert_true (strlen (text) < 700);
  assert_refused_cheaply ("billion laughs", text, strlen (text), LADDER_CHART_ERROR_FORBIDDEN, 2,
                          "the file has a DOCTYPE");
}

static void
test_quadratic_blowup (void **state)
{
  g_autoptr(GString) text = g_string_new (HEAD "<!DOCTYPE orgchart [<!ENTITY big \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\">]>\n<orgchart version=\"1\">\n  <person id=\"a\" role=\"ceo\" name=\"");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "&big;");
  g_string_append (text, "\"/>\n</orgchart>\n");

  assert_refused_cheaply ("quadratic blowup", text->str, text->len, LADDER_CHART_ERROR_FORBIDDEN, 2,
                          "the file has a DOCTYPE");
}

static void
test_external_entity_never_read (void **state)
{
  g_autofree char *secret = ladder_test_write ("secret.txt", "TOP-SECRET-CONTENT");
  g_autofree char *text = g_strdup_printf (
    HEAD "<!DOCTYPE orgchart [<!ENTITY s SYSTEM \"file://%s\">]>\n"
    "<orgchart version=\"1\" title=\"&s;\">\n</orgchart>\n", secret);
  g_autofree char *path = ladder_test_write ("external.ladder", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_xml_read_file (path, &error);

  assert_null (chart);
  assert_int_equal (error->code, LADDER_CHART_ERROR_FORBIDDEN);
  assert_null (strstr (error->message, "TOP-SECRET"));
  /* No DOCTYPE at all: an entity reference is simply undeclared. */
  assert_refused (HEAD "<orgchart version=\"1\" title=\"&s;\">\n</orgchart>\n",
                  LADDER_CHART_ERROR_PARSE, 2, "not well-formed XML: ");
}

/* Nesting just past libxml2's default depth limit of 256, and far past it:
 * people nested in people, and unknown elements nested in each other. */
static void
test_deep_nesting_refused_fast (void **state)
{
  static const guint depths[] = { 258, 100000 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GString) people = g_string_new (HEAD "<orgchart version=\"1\">\n<person id=\"a\" role=\"ceo\">\n");
      g_autoptr(GString) unknown = g_string_new (HEAD "<orgchart version=\"1\">\n");
      g_autofree char *what = NULL;

      for (guint i = 0; i < depths[d]; i++)
        {
          g_string_append (people, "<person>");
          g_string_append (unknown, "<x>");
        }
      for (guint i = 0; i < depths[d]; i++)
        {
          g_string_append (people, "</person>");
          g_string_append (unknown, "</x>");
        }
      g_string_append (people, "</person></orgchart>\n");
      g_string_append (unknown, "</orgchart>\n");

      what = g_strdup_printf ("%u people nested", depths[d]);
      assert_refused_cheaply (what, people->str, people->len, LADDER_CHART_ERROR_INVALID, 4,
                              "<person> is not allowed inside <person>");
      g_free (what);
      what = g_strdup_printf ("%u unknown elements nested", depths[d]);
      assert_refused_cheaply (what, unknown->str, unknown->len, LADDER_CHART_ERROR_INVALID, 3,
                              "unknown element <x>");
    }
}

/* ---- reading ---- */

static void
test_read_fields (void **state)
{
  const char *text =
    HEAD "<!-- made by hand -->\n"
    "<orgchart version=\"1\" title=\"Acme &amp; Co\" employees=\"1200\" layout=\"compact\">\n"
    "  <person id=\"p4\" role=\"senior-pm\" name=\"Chen Li\" manager=\"p3\">\n"
    "    <note>Owns <![CDATA[<checkout>]]> &amp; returns.</note>\n"
    "    <dotted-line to=\"p2\"/>\n"
    "    <dotted-line to=\"p1\"/>\n"
    "  </person>\n"
    "  <person id=\"p1\" role=\"ceo\" name=\"Ada &#x4F;bi\"/>\n"
    "  <person id=\"p2\" role=\"cpo\" name=\"Ben Cruz\" manager=\"p1\" vacant=\"false\"/>\n"
    "  <person id=\"p3\" role=\"head-of-product\" manager=\"p2\" vacant=\"true\"\n"
    "          title=\"Head of Product, Payments\" assistant=\"true\" collapsed=\"true\"/>\n"
    "  <person id=\"x\" role=\"astronaut\"/>\n"
    "</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);
  guint p1, p2, p3, p4, n;
  const guint *dotted;

  assert_string_equal (ladder_chart_get_title (chart), "Acme & Co");
  assert_int_equal (ladder_chart_get_employees (chart), 1200);
  assert_int_equal (ladder_chart_get_layout (chart), LADDER_LAYOUT_COMPACT);
  assert_int_equal (ladder_chart_get_n_people (chart), 5);
  p1 = ladder_chart_lookup (chart, "p1");
  p2 = ladder_chart_lookup (chart, "p2");
  p3 = ladder_chart_lookup (chart, "p3");
  p4 = ladder_chart_lookup (chart, "p4");
  assert_string_equal (ladder_chart_get_name (chart, p1), "Ada Obi");
  assert_int_equal (ladder_chart_get_manager (chart, p1), LADDER_NONE);
  assert_int_equal (ladder_chart_get_manager (chart, p2), p1);
  assert_int_equal (ladder_chart_get_manager (chart, p3), p2);
  assert_int_equal (ladder_chart_get_manager (chart, p4), p3);
  assert_false (ladder_chart_get_vacant (chart, p2));
  assert_true (ladder_chart_get_vacant (chart, p3));
  assert_true (ladder_chart_get_assistant (chart, p3));
  assert_true (ladder_chart_get_collapsed (chart, p3));
  assert_null (ladder_chart_get_name (chart, p3));
  assert_string_equal (ladder_chart_get_person_title (chart, p3), "Head of Product, Payments");
  assert_string_equal (ladder_chart_get_note (chart, p4), "Owns <checkout> & returns.");
  assert_null (ladder_chart_get_note (chart, p1));
  /* Unknown roles are kept as written, interned. */
  assert_true (ladder_chart_get_role (chart, ladder_chart_lookup (chart, "x")) == g_intern_string ("astronaut"));
  assert_true (ladder_chart_get_role (chart, p1) == g_intern_static_string ("ceo"));
  dotted = ladder_chart_get_dotted_lines (chart, p4, &n);
  assert_int_equal (n, 2);
  assert_int_equal (dotted[0], p2);
  assert_int_equal (dotted[1], p1);
  /* Lines of the <person> start tags, even one spread over two lines. */
  assert_int_equal (ladder_chart_get_line (chart, p4), 4);
  assert_int_equal (ladder_chart_get_line (chart, p1), 9);
  assert_int_equal (ladder_chart_get_line (chart, p2), 10);
  assert_int_equal (ladder_chart_get_line (chart, p3), 11);
  assert_int_equal (ladder_chart_get_n_roots (chart), 2);
}

static void
test_lines_past_markup (void **state)
{
  /* "<person" inside comments, CDATA and processing instructions must not
   * be counted as elements; nor may ">" in attribute values confuse. */
  const char *text =
    HEAD "<orgchart version=\"1\">\n"
    "  <!-- <person id=\"fake\" role=\"pm\"/>\n  -->\n"
    "  <?tool <person?>\n"
    "  <person id=\"a\" role=\"ceo\" name=\"a > b\"><note><![CDATA[\n<person>\n]]></note></person>\n"
    "\n"
    "  <person id=\"b\" role=\"pm\" manager=\"a\"/><person id=\"c\" role=\"pm\" manager=\"a\"/>\n"
    "</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);

  assert_int_equal (ladder_chart_get_line (chart, ladder_chart_lookup (chart, "a")), 6);
  assert_int_equal (ladder_chart_get_line (chart, ladder_chart_lookup (chart, "b")), 10);
  assert_int_equal (ladder_chart_get_line (chart, ladder_chart_lookup (chart, "c")), 10);
  assert_string_equal (ladder_chart_get_note (chart, ladder_chart_lookup (chart, "a")), "\n<person>\n");
}

static void
test_lines_beyond_65535 (void **state)
{
  g_autoptr(GString) text = g_string_new (HEAD "<orgchart version=\"1\">\n  <person id=\"r\" role=\"ceo\"/>\n");
  g_autoptr(LadderChart) chart = NULL;

  /* A chain, each reporting to the one before. */
  g_string_append (text, "  <person id=\"p0\" role=\"pm\" manager=\"r\"/>\n");
  for (guint i = 1; i < 70000; i++)
    g_string_append_printf (text, "  <person id=\"p%u\" role=\"pm\" manager=\"p%u\"/>\n", i, i - 1);
  g_string_append (text, "  <person id=\"last\"\n    role=\"pm\" manager=\"nobody\"/>\n</orgchart>\n");
  /* Line 1 is the declaration, 2 <orgchart>, 3 r, 4.. the 70000. */
  assert_refused_len (text->str, text->len, LADDER_CHART_ERROR_DANGLING, 70004,
                      "the manager of “last” is “nobody”");
  g_string_truncate (text, text->len - strlen ("  <person id=\"last\"\n    role=\"pm\" manager=\"nobody\"/>\n</orgchart>\n"));
  g_string_append (text, "</orgchart>\n");
  chart = ladder_xml_read_memory (text->str, text->len, "t.ladder", NULL);
  assert_non_null (chart);
  assert_int_equal (ladder_chart_get_line (chart, ladder_chart_lookup (chart, "p69999")), 70003);
}

static void
test_order_attribute (void **state)
{
  const char *text =
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"c\" role=\"ceo\"/>\n"
    "  <person id=\"x\" role=\"pm\" manager=\"c\" order=\"3\"/>\n"
    "  <person id=\"y\" role=\"pm\" manager=\"c\" order=\"-1\"/>\n"
    "  <person id=\"z\" role=\"pm\" manager=\"c\"/>\n"
    "</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);
  g_autofree char *saved = save (chart);

  /* z, third in the file, sorts as 2: y (-1), z (2), x (3).  Saving
   * writes that order and no order attribute. */
  assert_string_equal (saved,
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"c\" role=\"ceo\"/>\n"
    "  <person id=\"y\" role=\"pm\" manager=\"c\"/>\n"
    "  <person id=\"z\" role=\"pm\" manager=\"c\"/>\n"
    "  <person id=\"x\" role=\"pm\" manager=\"c\"/>\n"
    "</orgchart>\n");
}

/* ---- writing ---- */

static const char canonical[] =
  HEAD "<orgchart version=\"1\" title=\"Acme product team\" employees=\"1200\">\n"
  "  <person id=\"p1\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"p2\" role=\"cpo\" name=\"Ben Cruz\" manager=\"p1\"/>\n"
  "  <person id=\"p3\" role=\"head-of-product\" title=\"Head of Product, Payments\" manager=\"p2\" vacant=\"true\"/>\n"
  "  <person id=\"p4\" role=\"senior-pm\" name=\"Chen Li\" manager=\"p3\" assistant=\"true\" collapsed=\"true\">\n"
  "    <note>Owns checkout.\nAnd returns.</note>\n"
  "    <dotted-line to=\"p2\"/>\n"
  "  </person>\n"
  "  <person id=\"p5\" role=\"pm\" manager=\"p3\">\n"
  "    <dotted-line to=\"p4\"/>\n"
  "    <dotted-line to=\"p1\"/>\n"
  "  </person>\n"
  "  <person id=\"p6\" role=\"product-owner\" name=\"Dee\" manager=\"p2\"/>\n"
  "  <person id=\"lone\" role=\"other\" title=\"Designer\"/>\n"
  "</orgchart>\n";

static void
test_round_trip_canonical (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (canonical);
  g_autofree char *saved = save (chart);
  g_autoptr(LadderChart) again = load_ok (saved);
  g_autofree char *saved_again = save (again);

  assert_string_equal (saved, canonical);
  assert_string_equal (saved_again, canonical);
}

static void
test_round_trip_normalizes (void **state)
{
  /* Any order of people and attributes, explicit false, layout="tree":
   * saved in the one stable form. */
  const char *text =
    "<?xml version='1.0'?>\n<orgchart layout=\"tree\" version=\"1\">\n"
    "<person manager=\"a\" id=\"b\" role=\"pm\" vacant=\"false\"  name='Bo'></person>\n"
    "<person name=\"\" role=\"ceo\" id=\"a\"><note></note></person>\n"
    "</orgchart>";
  const char *expected =
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"ceo\"/>\n"
    "  <person id=\"b\" role=\"pm\" name=\"Bo\" manager=\"a\"/>\n"
    "</orgchart>\n";
  g_autoptr(LadderChart) chart = load_ok (text);
  g_autofree char *saved = save (chart);
  g_autoptr(LadderChart) again = load_ok (saved);
  g_autofree char *saved_again = save (again);

  assert_string_equal (saved, expected);
  assert_string_equal (saved_again, expected);
}

static void
test_write_empty_and_compact (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autofree char *empty = save (chart);
  g_autofree char *compact = NULL;

  assert_string_equal (empty, HEAD "<orgchart version=\"1\">\n</orgchart>\n");
  ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
  ladder_chart_set_employees (chart, 0);
  compact = save (chart);
  assert_string_equal (compact, HEAD "<orgchart version=\"1\" employees=\"0\" layout=\"compact\">\n</orgchart>\n");
  g_object_unref (load_ok (compact));
}

static void
test_escaping (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderChart) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  guint p;

  ladder_chart_set_title (chart, "R&D <core> \"team\" 'x'");
  p = ladder_chart_add_person (chart, "a", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  ladder_chart_set_name (chart, p, "Tab\there\nnew line & \"q\" <b> O'Brien");
  ladder_chart_set_person_title (chart, p, "Bell\x07 and \r return");
  ladder_chart_set_note (chart, p, "a < b && c > d\n\"quoted\"\ttab\r]]>");
  saved = save (chart);
  assert_string_equal (saved,
    HEAD "<orgchart version=\"1\" title=\"R&amp;D &lt;core&gt; &quot;team&quot; 'x'\">\n"
    "  <person id=\"a\" role=\"ceo\" name=\"Tab&#9;here&#10;new line &amp; &quot;q&quot; &lt;b&gt; O'Brien\""
    " title=\"Bell\xEF\xBF\xBD and &#13; return\">\n"
    "    <note>a &lt; b &amp;&amp; c &gt; d\n\"quoted\"\ttab&#13;]]&gt;</note>\n"
    "  </person>\n"
    "</orgchart>\n");

  again = load_ok (saved);
  assert_string_equal (ladder_chart_get_title (again), "R&D <core> \"team\" 'x'");
  assert_string_equal (ladder_chart_get_name (again, 0), "Tab\there\nnew line & \"q\" <b> O'Brien");
  assert_string_equal (ladder_chart_get_person_title (again, 0), "Bell\xEF\xBF\xBD and \r return");
  assert_string_equal (ladder_chart_get_note (again, 0), "a < b && c > d\n\"quoted\"\ttab\r]]>");
  saved_again = save (again);
  assert_string_equal (saved_again, saved);
}

/* ---- files ---- */

static void
test_save_file_atomic_and_backup (void **state)
{
  g_autofree char *path = ladder_test_write ("team.ladder", "old content\n");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(LadderChart) chart = load_ok (canonical);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(LadderChart) loaded = NULL;

  chmod (path, 0640);
  assert_true (ladder_save_file (chart, path, &error));
  assert_null (error);
  written = ladder_test_read (path, NULL);
  assert_string_equal (written, canonical);
  kept = ladder_test_read (backup, NULL);
  assert_string_equal (kept, "old content\n");
  {
    struct stat st;

    assert_int_equal (stat (path, &st), 0);
    assert_int_equal (st.st_mode & 0777, 0640);
  }
  loaded = ladder_load_file (path, NULL, NULL, &error);
  assert_non_null (loaded);
  assert_int_equal (ladder_chart_get_n_people (loaded), 7);
}

static void
test_save_follows_symlink (void **state)
{
  g_autofree char *target = ladder_test_write ("real.ladder", "v1\n");
  g_autofree char *link = g_build_filename (ladder_test_tmpdir (), "link.ladder", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  assert_int_equal (symlink ("real.ladder", link), 0);
  assert_true (ladder_save_atomic (link, "v2\n", 3, &error));
  assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  content = ladder_test_read (target, NULL);
  assert_string_equal (content, "v2\n");
  g_unlink (link);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_failure_leaves_nothing (void **state)
{
  g_autofree char *dir = g_build_filename (ladder_test_tmpdir (), "fail", NULL);
  g_autofree char *blocker = g_build_filename (dir, "out.ladder", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "x.ladder", NULL);
  g_autoptr(GError) error = NULL;

  /* A directory where the file should go: the rename fails, and neither
   * the directory nor a temporary file is left changed. */
  assert_int_equal (g_mkdir_with_parents (blocker, 0755), 0);
  assert_false (ladder_save_atomic (blocker, "data", 4, &error));
  assert_int_equal (error->code, LADDER_CHART_ERROR_IO);
  assert_true (g_str_has_prefix (error->message, blocker));
  assert_true (g_file_test (blocker, G_FILE_TEST_IS_DIR));
  assert_int_equal (count_files (dir), 1);
  g_clear_error (&error);

  assert_false (ladder_save_atomic (missing, "data", 4, &error));
  assert_true (g_str_has_prefix (error->message, missing));
  assert_int_equal (count_files (dir), 1);
  g_rmdir (blocker);
  g_rmdir (dir);
}

static void
test_files_by_extension (void **state)
{
  g_autofree char *csv = ladder_test_write ("team.CSV", "id,name,role,manager\na,Ann,ceo,\nb,Bo,pm,a\n");
  g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "out.csv", NULL);
  g_autofree char *xml = g_build_filename (ladder_test_tmpdir (), "out.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_load_file (csv, ladder_catalogue_get_default (), NULL, &error);
  g_autofree char *written_csv = NULL;
  g_autofree char *written_xml = NULL;

  assert_null (error);
  assert_int_equal (ladder_chart_get_n_people (chart), 2);
  assert_int_equal (ladder_chart_get_line (chart, ladder_chart_lookup (chart, "b")), 3);
  assert_true (ladder_save_file (chart, out, &error));
  written_csv = ladder_test_read (out, NULL);
  assert_true (g_str_has_prefix (written_csv, "id,"));
  assert_true (ladder_save_file (chart, xml, &error));
  written_xml = ladder_test_read (xml, NULL);
  assert_string_equal (written_xml,
    HEAD "<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"ceo\" name=\"Ann\"/>\n"
    "  <person id=\"b\" role=\"pm\" name=\"Bo\" manager=\"a\"/>\n"
    "</orgchart>\n");
}

static void
test_read_file_errors (void **state)
{
  g_autofree char *missing = g_build_filename (ladder_test_tmpdir (), "missing.ladder", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: error: no such file", missing);
  g_autoptr(GError) error = NULL;

  assert_null (ladder_xml_read_file (missing, &error));
  assert_int_equal (error->code, LADDER_CHART_ERROR_NOT_FOUND);
  assert_string_equal (error->message, expected);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_refusals),
    cmocka_unit_test (test_long_stray_text_line),
    cmocka_unit_test (test_invalid_utf8),
    cmocka_unit_test (test_odd_encodings_refused),
    cmocka_unit_test (test_encoding_declaration_ignored),
    cmocka_unit_test (test_byte_order_mark),
    cmocka_unit_test (test_billion_laughs),
    cmocka_unit_test (test_quadratic_blowup),
    cmocka_unit_test (test_external_entity_never_read),
    cmocka_unit_test (test_deep_nesting_refused_fast),
    cmocka_unit_test (test_read_fields),
    cmocka_unit_test (test_lines_past_markup),
    cmocka_unit_test (test_lines_beyond_65535),
    cmocka_unit_test (test_order_attribute),
    cmocka_unit_test (test_round_trip_canonical),
    cmocka_unit_test (test_round_trip_normalizes),
    cmocka_unit_test (test_write_empty_and_compact),
    cmocka_unit_test (test_escaping),
    cmocka_unit_test (test_save_file_atomic_and_backup),
    cmocka_unit_test (test_save_follows_symlink),
    cmocka_unit_test (test_save_failure_leaves_nothing),
    cmocka_unit_test (test_files_by_extension),
    cmocka_unit_test (test_read_file_errors),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
