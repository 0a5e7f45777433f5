/* test-csv.c — CSV import and export (SPEC "CSV") */
#include "ladder-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ladder-io.h"
#include "ladder-validate.h"

#define HEADER "id,name,role,manager,title,vacant,assistant,dotted,note\r\n"

static LadderChart *
load (const char *csv,
      GPtrArray  *warnings,
      GError    **error)
{
  return ladder_csv_read_memory (csv, strlen (csv), "t.csv", NULL, warnings, error);
}

static LadderChart *
load_ok (const char *csv)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = load (csv, NULL, &error);

  if (error != NULL)
    fail_msg ("unexpected error: %s", error->message);
  assert_non_null (chart);
  return chart;
}

/* Loads @csv, which must be refused, and checks the exact message. */
static void
assert_refused (const char *csv,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = load (csv, NULL, &error);

  assert_null (chart);
  assert_non_null (error);
  assert_string_equal (error->message, message);
  assert_int_equal (error->domain, LADDER_CHART_ERROR);
  assert_int_equal (error->code, code);
}

static guint
person (LadderChart *chart,
        const char  *id)
{
  guint p = ladder_chart_lookup (chart, id);

  if (p == LADDER_NONE)
    fail_msg ("no person %s", id);
  return p;
}

static const char *
manager_id (LadderChart *chart,
            const char  *id)
{
  guint m = ladder_chart_get_manager (chart, person (chart, id));

  return m == LADDER_NONE ? NULL : ladder_chart_get_id (chart, m);
}

/* ---- reading ---- */

static void
test_basic (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,name,role,manager,title,vacant,note\n"
    "p1,Ada Obi,ceo,,,,\n"
    "p2,Ben Cruz,cpo,p1,,false,\n"
    "p3,,head-of-product,p2,\"Head of Product, Payments\",true,\n");

  assert_int_equal (ladder_chart_get_n_people (chart), 3);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p1")), "Ada Obi");
  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p2")), "cpo");
  assert_null (ladder_chart_get_name (chart, person (chart, "p3")));
  assert_string_equal (ladder_chart_get_person_title (chart, person (chart, "p3")),
                       "Head of Product, Payments");
  assert_null (manager_id (chart, "p1"));
  assert_string_equal (manager_id (chart, "p2"), "p1");
  assert_string_equal (manager_id (chart, "p3"), "p2");
  assert_false (ladder_chart_get_vacant (chart, person (chart, "p2")));
  assert_true (ladder_chart_get_vacant (chart, person (chart, "p3")));
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p1")), 2);
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p3")), 4);
}

static void
test_quoting (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,role,name,note\n"
    "p1,ceo,\"Obi, Ada\",\"She said \"\"ship it\"\", twice\"\n"
    "p2,pm,\"\",\"\"\"\"\n"
    "p3,pm,  \"Lee, Sam\"  ,plain \"inch\" mark\n");

  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p1")), "Obi, Ada");
  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p1")),
                       "She said \"ship it\", twice");
  assert_null (ladder_chart_get_name (chart, person (chart, "p2")));
  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p2")), "\"");
  /* Blanks around a quoted field are not part of it; a quote inside an
   * unquoted field is an ordinary character. */
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p3")), "Lee, Sam");
  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p3")),
                       "plain \"inch\" mark");
}

static void
test_line_breaks_in_fields (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,role,note,manager\r\n"
    "p1,ceo,\"first\r\nsecond\nthird\",\r\n"
    "p2,cpo,\"a\n\nb\",p1\r\n"
    "\r\n"
    "p3,pm,,p2\r\n");

  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p1")),
                       "first\r\nsecond\nthird");
  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p2")), "a\n\nb");
  /* A record starts where its first field starts; records after it count
   * physical lines, blank lines included. */
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p1")), 2);
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p2")), 5);
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p3")), 9);
  assert_string_equal (manager_id (chart, "p3"), "p2");
}

static void
test_bom_and_line_ends (void **state)
{
  const char *variants[] = {
    "\xEF\xBB\xBFid,role,manager\np1,ceo,\np2,cpo,p1\n",
    "id,role,manager\r\np1,ceo,\r\np2,cpo,p1\r\n",
    "\xEF\xBB\xBFid,role,manager\r\np1,ceo,\r\np2,cpo,p1",
    "id,role,manager\rp1,ceo,\rp2,cpo,p1\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(LadderChart) chart = load_ok (variants[i]);

      assert_int_equal (ladder_chart_get_n_people (chart), 2);
      assert_string_equal (ladder_chart_get_role (chart, person (chart, "p1")), "ceo");
      assert_string_equal (manager_id (chart, "p2"), "p1");
      assert_int_equal (ladder_chart_get_line (chart, person (chart, "p2")), 3);
    }
}

static void
test_header_order_and_case (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    " NOTE , Vacant,TITLE,Manager , ROLE,Name,Id\n"
    "n1,yes,T1,,ceo,Ada,p1\n"
    ",0,,p1,cpo,Ben,p2\n");

  assert_string_equal (ladder_chart_get_note (chart, person (chart, "p1")), "n1");
  assert_true (ladder_chart_get_vacant (chart, person (chart, "p1")));
  assert_false (ladder_chart_get_vacant (chart, person (chart, "p2")));
  assert_string_equal (ladder_chart_get_person_title (chart, person (chart, "p1")), "T1");
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p2")), "Ben");
  assert_string_equal (manager_id (chart, "p2"), "p1");
}

static void
test_roles_by_id_and_name (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,role\n"
    "p1,CEO\n"
    "p2,  head of PRODUCT \n"
    "p3,Senior-PM\n"
    "p4,Chief Product Officer\n"
    "p5,Chief Fun Officer\n");

  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p1")), "ceo");
  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p2")), "head-of-product");
  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p3")), "senior-pm");
  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p4")), "cpo");
  /* Unknown roles stay as written, for the unknown-role rule to report. */
  assert_string_equal (ladder_chart_get_role (chart, person (chart, "p5")), "Chief Fun Officer");
}

static void
test_vacant_values (void **state)
{
  static const struct { const char *id; gboolean vacant; } expected[] = {
    { "a", TRUE }, { "b", TRUE }, { "c", TRUE }, { "d", FALSE },
    { "e", FALSE }, { "f", FALSE }, { "g", FALSE }, { "h", TRUE },
  };
  g_autoptr(LadderChart) chart = load_ok (
    "id,role,vacant\n"
    "a,pm,TRUE\nb,pm,Yes\nc,pm,1\nd,pm,false\ne,pm,NO\nf,pm,0\ng,pm,\nh,pm, true \n");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_int_equal (ladder_chart_get_vacant (chart, person (chart, expected[i].id)),
                      expected[i].vacant);
}

static void
test_unknown_columns_warn_once (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = load (
    "id,Department,role,,Salary\n"
    "p1,Eng,ceo,x,100\n"
    "p2,Eng,pm,y,90\n", warnings, &error);

  assert_null (error);
  assert_non_null (chart);
  assert_int_equal (warnings->len, 1);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "t.csv:1: warning: 2 columns are not used: “Department”, “Salary”");
  assert_int_equal (ladder_chart_get_n_people (chart), 2);

  /* No warnings array: the same file still loads. */
  g_clear_object (&chart);
  chart = load ("id,x,role\np1,1,ceo\n", NULL, &error);
  assert_non_null (chart);
}

static void
test_short_rows_and_blank_rows (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,role,manager,name\n"
    "p1,ceo\n"
    ",,,\n"
    "p2,cpo,p1\n"
    "\n");

  assert_int_equal (ladder_chart_get_n_people (chart), 2);
  assert_null (ladder_chart_get_name (chart, person (chart, "p1")));
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p2")), 4);
}

static void
test_header_only (void **state)
{
  g_autoptr(LadderChart) chart = load_ok ("id,role\r\n");

  assert_int_equal (ladder_chart_get_n_people (chart), 0);
}

/* Validation findings point at the CSV line of the row concerned, also
 * after a record that spans several lines. */
static void
test_findings_cite_csv_lines (void **state)
{
  g_autoptr(LadderChart) chart = load_ok (
    "id,name,role,manager,note\n"
    "p1,Ada,CEO,,\"a note\non three\nlines\"\n"
    "p2,Lin Wu,Product Manager,p1,\n"
    "p3,Sam Lee,VP of Product,p2,\n");
  g_autoptr(LadderFindings) findings = ladder_validate (chart, ladder_catalogue_get_default ());
  const LadderFinding *vp = NULL;

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);

      if (g_str_equal (ladder_rule_get_id (finding->rule), "vp-reports-to-executive"))
        vp = finding;
    }
  assert_non_null (vp);
  assert_int_equal (vp->person, person (chart, "p3"));
  assert_int_equal (ladder_chart_get_line (chart, vp->person), 6);
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p2")), 5);
}

/* ---- refusals, each with its exact line ---- */

static void
test_errors (void **state)
{
  assert_refused ("", LADDER_CHART_ERROR_INVALID,
                  "t.csv:1: error: the file is empty; delimited text starts with a header "
                  "row naming its columns (id, name, manager, title, ...)");
  assert_refused ("\n\n", LADDER_CHART_ERROR_INVALID,
                  "t.csv:1: error: the file is empty; delimited text starts with a header "
                  "row naming its columns (id, name, manager, title, ...)");
  assert_refused ("role,Department\nceo,x\n", LADDER_CHART_ERROR_INVALID,
                  "t.csv:1: error: the header has no column for an id, an email or a name "
                  "(its columns: “role”, “Department”); name one with --column id=HEADER");
  assert_refused ("id,role,vacant\np1,ceo,maybe\n", LADDER_CHART_ERROR_INVALID,
                  "t.csv:2: error: vacant is “maybe”; use true or false");
  assert_refused ("id,role,assistant\np1,ceo,sometimes\n", LADDER_CHART_ERROR_INVALID,
                  "t.csv:2: error: assistant is “sometimes”; use true or false");
  assert_refused ("id,role,note\np1,ceo,\"two\nlines\"\np2,pm,\np1,pm,\n",
                  LADDER_CHART_ERROR_DUPLICATE_ID,
                  "t.csv:5: error: duplicate id “p1” (first used on line 2)");
  assert_refused ("id,role,manager\nroot,ceo,\na,pm,c\nb,pm,a\nc,pm,b\n",
                  LADDER_CHART_ERROR_CYCLE,
                  "t.csv:3: error: the reporting lines form a cycle: a → c → b → a");
  assert_refused ("id,role\np1,ceo\np2,pm,extra\n", LADDER_CHART_ERROR_PARSE,
                  "t.csv:3: error: this row has 3 fields but the header has 2");
  assert_refused ("id,name,title\n,,Designer\n", LADDER_CHART_ERROR_INVALID,
                  "t.csv:2: error: this person has no id, email or name");
  assert_refused ("id,role,note\np1,ceo,\"a\nb\"\np2,pm,\"never\nends\n",
                  LADDER_CHART_ERROR_PARSE,
                  "t.csv:4: error: a quoted field starting on this line has no closing quote");
  assert_refused ("id,role,note\np1,ceo,\"a\nb\"x\n", LADDER_CHART_ERROR_PARSE,
                  "t.csv:3: error: unexpected text after the closing quote of field 3 "
                  "(a quote inside a quoted field is written twice: \"\")");
  assert_refused ("id,role,name\r\np1,ceo,\"x\r\ny\"\r\np2,pm,Ren\xE9\r\n",
                  LADDER_CHART_ERROR_PARSE,
                  "t.csv:4: error: the file is not UTF-8 (it looks like Windows-1252 or "
                  "ISO-8859-1 text); save it as UTF-8 (Excel: “CSV UTF-8”)");
}

static void
test_nul_byte (void **state)
{
  static const char csv[] = "id,role\np1,ceo\np2,p\0m\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart =
    ladder_csv_read_memory (csv, sizeof csv - 1, "t.csv", NULL, NULL, &error);

  assert_null (chart);
  assert_string_equal (error->message, "t.csv:3: error: the file contains a NUL byte");
}

static void
test_read_file (void **state)
{
  g_autofree char *path = ladder_test_write ("people.csv", "id,role\np1,ceo\n");
  g_autofree char *missing = g_build_filename (ladder_test_tmpdir (), "nope.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_csv_read_file (path, NULL, NULL, &error);
  g_autoptr(LadderChart) none = NULL;

  assert_null (error);
  assert_int_equal (ladder_chart_get_n_people (chart), 1);

  none = ladder_csv_read_file (missing, NULL, NULL, &error);
  assert_null (none);
  assert_int_equal (error->code, LADDER_CHART_ERROR_NOT_FOUND);
  expected = g_strdup_printf ("%s: error: ", missing);
  assert_true (g_str_has_prefix (error->message, expected));

  g_clear_error (&error);
  g_free (path);
  path = ladder_test_write ("bad.csv", "id,role\n\"p1,ceo\n");
  none = ladder_csv_read_file (path, NULL, NULL, &error);
  g_free (expected);
  expected = g_strdup_printf ("%s:2: error: a quoted field starting on this line "
                              "has no closing quote", path);
  assert_string_equal (error->message, expected);
}

/* Fields of several megabytes arrive whole, quoted or not, and go out
 * and back in unchanged. */
static void
test_huge_field (void **state)
{
  gsize size = 3 * 1024 * 1024 + 17;
  g_autoptr(GString) expected = g_string_sized_new (size);
  g_autoptr(GString) csv = g_string_new ("id,role,note,name\np1,ceo,\"");
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) again = NULL;
  g_autofree char *written = NULL;
  const char *note;

  for (gsize i = 0; i < size; i++)
    {
      char c = "ab,\"\n"[i % 5];

      g_string_append_c (expected, c);
      if (c == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, c);
    }
  g_string_append (csv, "\",first\np2,pm,");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (csv, 'z');
  g_string_append (csv, ",second\n");

  chart = load_ok (csv->str);
  note = ladder_chart_get_note (chart, person (chart, "p1"));
  assert_int_equal (strlen (note), size);
  assert_int_equal (memcmp (note, expected->str, size), 0);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p1")), "first");
  assert_int_equal (strlen (ladder_chart_get_note (chart, person (chart, "p2"))), size);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "p2")), "second");
  /* p2 starts after the size / 5 line breaks inside p1's note. */
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p2")), 2 + size / 5 + 1);

  written = ladder_csv_write (chart, NULL);
  again = load_ok (written);
  assert_int_equal (strcmp (ladder_chart_get_note (again, person (again, "p1")), note), 0);
  assert_int_equal (strlen (ladder_chart_get_note (again, person (again, "p2"))), size);
}

/* ---- writing ---- */

static LadderChart *
build_tricky_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "p1", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  guint cpo = ladder_chart_add_person (chart, "p2", "cpo", ceo, LADDER_NONE, NULL);
  guint head = ladder_chart_add_person (chart, "p3", "head-of-product", cpo, LADDER_NONE, NULL);
  guint pm = ladder_chart_add_person (chart, "p4", "pm", head, LADDER_NONE, NULL);
  guint loose = ladder_chart_add_person (chart, "x.9", "Chief Fun Officer", LADDER_NONE,
                                         LADDER_NONE, NULL);
  guint first = ladder_chart_add_person (chart, "p5", "senior-pm", cpo, 0, NULL);

  ladder_chart_set_name (chart, ceo, "Obi, Ada");
  ladder_chart_set_note (chart, ceo, "Says \"hi\"\nand\r\nbye");
  ladder_chart_set_name (chart, cpo, " Ben ");
  ladder_chart_set_person_title (chart, head, "Head of Product, Payments");
  ladder_chart_set_vacant (chart, head, TRUE);
  ladder_chart_set_name (chart, pm, "Zoë Ñúñez");
  ladder_chart_set_note (chart, loose, "\"");
  ladder_chart_set_name (chart, first, "First");
  return chart;
}

static void
test_write (void **state)
{
  g_autoptr(LadderChart) chart = build_tricky_chart ();
  g_autofree char *csv = NULL;
  gsize length = 0;

  csv = ladder_csv_write (chart, &length);
  assert_string_equal (csv,
    HEADER
    "p1,\"Obi, Ada\",ceo,,,,,,\"Says \"\"hi\"\"\nand\r\nbye\"\r\n"
    "p2,\" Ben \",cpo,p1,,,,,\r\n"
    "p5,First,senior-pm,p2,,,,,\r\n"
    "p3,,head-of-product,p2,\"Head of Product, Payments\",true,,,\r\n"
    "p4,Zoë Ñúñez,pm,p3,,,,,\r\n"
    "x.9,,Chief Fun Officer,,,,,,\"\"\"\"\r\n");
  assert_int_equal (length, strlen (csv));
}

/* The streaming writer writes the bytes the whole-buffer writer wrote
 * before it (SHA-256 of `ladder --export=X.csv` before the change), and
 * a save writes the same bytes. */
static void
test_write_examples_unchanged (void **state)
{
  static const struct { const char *example, *sha256; } cases[] = {
    { "examples/enterprise.ladder", "2c16fbcab7bd14729b0fa79669e5a0d53b1940a6916f831ffac16802d7cac3f0" },
    { "examples/scale-up.ladder", "40114956aab3dec4b5b254a5a005837dc7bb4e286d46368a829a791b56e8e675" },
    { "examples/startup.ladder", "333223b0b808c7b69942b6118c10adf1955a03c0060fedacb78101e2d9fc128e" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *source = ladder_test_source_path (cases[i].example);
      g_autofree char *out = g_build_filename (ladder_test_tmpdir (), "example.csv", NULL);
      g_autoptr(LadderChart) chart = ladder_load_file (source, NULL, NULL, NULL);
      g_autofree char *csv = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0, saved_length = 0;

      assert_non_null (chart);
      csv = ladder_csv_write (chart, &length);
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) csv, length);
      assert_string_equal (sum, cases[i].sha256);
      assert_true (ladder_save_file (chart, out, NULL));
      saved = ladder_test_read (out, &saved_length);
      assert_int_equal (saved_length, length);
      assert_memory_equal (saved, csv, length);
      g_unlink (out);
    }
}

static void
test_write_empty (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autofree char *csv = ladder_csv_write (chart, NULL);

  assert_string_equal (csv, HEADER);
}

/* A removed person leaves a tombstone slot; it is not written, and its
 * reports are written under their new manager. */
static void
test_write_after_remove (void **state)
{
  g_autoptr(LadderChart) chart = build_tricky_chart ();
  g_autofree char *csv = NULL;

  ladder_chart_remove_person (chart, person (chart, "p3"));
  csv = ladder_csv_write (chart, NULL);
  assert_string_equal (csv,
    HEADER
    "p1,\"Obi, Ada\",ceo,,,,,,\"Says \"\"hi\"\"\nand\r\nbye\"\r\n"
    "p2,\" Ben \",cpo,p1,,,,,\r\n"
    "p5,First,senior-pm,p2,,,,,\r\n"
    "p4,Zoë Ñúñez,pm,p2,,,,,\r\n"
    "x.9,,Chief Fun Officer,,,,,,\"\"\"\"\r\n");
}

static void
assert_same_people (LadderChart *a,
                    LadderChart *b)
{
  guint n = ladder_chart_get_n_people (a);
  g_autofree guint *order = g_new (guint, n);

  assert_int_equal (ladder_chart_get_n_people (b), n);
  assert_int_equal (ladder_chart_preorder (a, order, FALSE), n);
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i];
      const char *id = ladder_chart_get_id (a, p);
      guint q = person (b, id);
      guint pm = ladder_chart_get_manager (a, p);
      guint qm = ladder_chart_get_manager (b, q);

      assert_string_equal (ladder_chart_get_role (a, p), ladder_chart_get_role (b, q));
      assert_true (g_strcmp0 (ladder_chart_get_name (a, p), ladder_chart_get_name (b, q)) == 0);
      assert_true (g_strcmp0 (ladder_chart_get_person_title (a, p),
                              ladder_chart_get_person_title (b, q)) == 0);
      assert_true (g_strcmp0 (ladder_chart_get_note (a, p), ladder_chart_get_note (b, q)) == 0);
      assert_int_equal (ladder_chart_get_vacant (a, p), ladder_chart_get_vacant (b, q));
      assert_int_equal (ladder_chart_get_position (a, p), ladder_chart_get_position (b, q));
      if (pm == LADDER_NONE)
        assert_int_equal (qm, LADDER_NONE);
      else
        assert_string_equal (ladder_chart_get_id (a, pm), ladder_chart_get_id (b, qm));
    }
}

static void
test_round_trip (void **state)
{
  g_autoptr(LadderChart) chart = build_tricky_chart ();
  g_autofree char *csv = ladder_csv_write (chart, NULL);
  g_autoptr(LadderChart) back = load_ok (csv);
  g_autofree char *again = ladder_csv_write (back, NULL);

  assert_same_people (chart, back);
  assert_string_equal (again, csv);
  /* Lines of the rows, in the order written. */
  assert_int_equal (ladder_chart_get_line (back, person (back, "p1")), 2);
  assert_int_equal (ladder_chart_get_line (back, person (back, "p2")), 5);
  assert_int_equal (ladder_chart_get_line (back, person (back, "x.9")), 9);
}

/* CSV → XML → CSV keeps every CSV field, and the bytes. */
static void
test_round_trip_xml (void **state)
{
  g_autoptr(LadderChart) chart = build_tricky_chart ();
  g_autofree char *csv = ladder_csv_write (chart, NULL);
  g_autoptr(LadderChart) from_csv = load_ok (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(LadderChart) from_xml = NULL;
  g_autofree char *csv_again = NULL;
  gsize length = 0;

  xml = ladder_xml_write (from_csv, &length);
  from_xml = ladder_xml_read_memory (xml, length, "t.ladder", &error);
  if (error != NULL)
    fail_msg ("%s", error->message);
  assert_same_people (from_csv, from_xml);
  csv_again = ladder_csv_write (from_xml, NULL);
  assert_string_equal (csv_again, csv);
}

/* A long chain loads and writes without recursion, in linear time. */
static void
test_deep_chain (void **state)
{
  const guint n = 200000;
  g_autoptr(GString) csv = g_string_new ("id,role,manager\n");
  g_autoptr(LadderChart) chart = NULL;
  g_autofree char *written = NULL;
  g_autofree char *last_row = NULL;

  /* Written bottom-up, so that every manager is a forward reference. */
  for (guint i = n; i > 0; i--)
    {
      if (i > 1)
        g_string_append_printf (csv, "p%u,pm,p%u\n", i, i - 1);
      else
        g_string_append (csv, "p1,ceo,\n");
    }
  chart = load_ok (csv->str);
  assert_int_equal (ladder_chart_get_n_people (chart), n);
  assert_string_equal (manager_id (chart, "p2"), "p1");
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "p1")), n + 1);

  written = ladder_csv_write (chart, NULL);
  last_row = g_strdup_printf ("\r\np%u,,pm,p%u,,,,,\r\n", n, n - 1);
  assert_true (g_str_has_prefix (written, HEADER "p1,,ceo,,,,,,\r\np2,,pm,p1,,,,,\r\n"));
  assert_true (g_str_has_suffix (written, last_row));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_basic),
    cmocka_unit_test (test_write_examples_unchanged),
    cmocka_unit_test (test_quoting),
    cmocka_unit_test (test_line_breaks_in_fields),
    cmocka_unit_test (test_bom_and_line_ends),
    cmocka_unit_test (test_header_order_and_case),
    cmocka_unit_test (test_roles_by_id_and_name),
    cmocka_unit_test (test_vacant_values),
    cmocka_unit_test (test_unknown_columns_warn_once),
    cmocka_unit_test (test_short_rows_and_blank_rows),
    cmocka_unit_test (test_header_only),
    cmocka_unit_test (test_findings_cite_csv_lines),
    cmocka_unit_test (test_errors),
    cmocka_unit_test (test_nul_byte),
    cmocka_unit_test (test_read_file),
    cmocka_unit_test (test_huge_field),
    cmocka_unit_test (test_write),
    cmocka_unit_test (test_write_empty),
    cmocka_unit_test (test_write_after_remove),
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_round_trip_xml),
    cmocka_unit_test (test_deep_chain),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
