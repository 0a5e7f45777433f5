/* test-import.c — importing delimited text and JSON (SPEC, second part,
 * "Import"), and the CSV export read back ("Export") */
#include "ladder-test-util.h"

#include <string.h>

#include "ladder-import.h"
#include "ladder-io.h"

static LadderChart *
import_as (const char                *text,
           gsize                      length,
           LadderFileFormat           format,
           const LadderImportOptions *options,
           GPtrArray                 *warnings,
           GError                   **error)
{
  return ladder_import_memory (text, length, "t.csv", format, NULL, options, warnings, error);
}

/* @text as delimited text; any error fails the test. */
static LadderChart *
import_ok (const char *text, const LadderImportOptions *options, GPtrArray *warnings)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = import_as (text, strlen (text), LADDER_FILE_FORMAT_DELIMITED, options,
                                  warnings, &error);

  if (error != NULL)
    fail_msg ("unexpected error: %s", error->message);
  assert_non_null (chart);
  return chart;
}

static void
assert_refused_as (const char *text, gsize length, LadderFileFormat format, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = import_as (text, length, format, NULL, NULL, &error);

  assert_null (chart);
  assert_non_null (error);
  assert_string_equal (error->message, message);
}

static guint
person (LadderChart *chart, const char *id)
{
  guint p = ladder_chart_lookup (chart, id);

  if (p == LADDER_NONE)
    fail_msg ("no person %s", id);
  return p;
}

static const char *
manager_of (LadderChart *chart, const char *id)
{
  guint m = ladder_chart_get_manager (chart, person (chart, id));

  return m == LADDER_NONE ? NULL : ladder_chart_get_id (chart, m);
}

static const char *
role_of (LadderChart *chart, const char *id)
{
  return ladder_chart_get_role (chart, person (chart, id));
}

static void
assert_warnings (GPtrArray *warnings, const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, warnings->len); i++)
    assert_string_equal (g_ptr_array_index (warnings, i), expected[i]);
  assert_int_equal (warnings->len, n);
}

/* ---- delimited text ---- */

static void
test_delimiters (void **state)
{
  static const char * const files[] = {
    "id;name;manager\n1;Ada;\n2;Ben, Jr;1\n",
    "id\tname\tmanager\n1\tAda\t\n2\tBen, Jr\t1\n",
    "id|name|manager\n1|Ada|\n2|Ben, Jr|1\n",
    "sep=;\nid;name;manager;a,b,c,d\n1;Ada;;\n2;Ben, Jr;1;\n",
    "# draw.io: label: %name%\n## another comment\n\nid,name,manager\n1,Ada,\n2,\"Ben, Jr\",1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(LadderChart) chart = import_ok (files[i], NULL, NULL);

      assert_int_equal (ladder_chart_get_n_people (chart), 2);
      assert_string_equal (ladder_chart_get_name (chart, person (chart, "2")), "Ben, Jr");
      assert_string_equal (manager_of (chart, "2"), "1");
    }
  /* LINE counts the skipped lines. */
  {
    g_autoptr(LadderChart) chart = import_ok (files[4], NULL, NULL);

    assert_int_equal (ladder_chart_get_line (chart, person (chart, "2")), 6);
  }
}

static void
test_encodings (void **state)
{
  static const char utf16le[] = "\xFF\xFEi\0d\0,\0n\0a\0m\0e\0\n\0" "1\0,\0Z\0\xEB\0\n\0";
  static const char utf16be[] = "\xFE\xFF\0i\0d\0,\0n\0a\0m\0e\0\n\0" "1\0,\0Z\0\xEB\0\n";
  GError *error = NULL;
  LadderChart *chart;

  chart = import_as (utf16le, sizeof utf16le - 1, LADDER_FILE_FORMAT_DELIMITED, NULL, NULL, &error);
  assert_null (error);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "1")), "Zë");
  g_object_unref (chart);
  chart = import_as (utf16be, sizeof utf16be - 1, LADDER_FILE_FORMAT_DELIMITED, NULL, NULL, &error);
  assert_null (error);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "1")), "Zë");
  g_object_unref (chart);
  chart = import_ok ("\xEF\xBB\xBFid,name\n1,Ada\n", NULL, NULL);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "1")), "Ada");
  g_object_unref (chart);

  assert_refused_as ("\xFF\xFE\0\0i\0\0\0", 8, LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:1: error: the file is UTF-32 text; save it as UTF-8");
  assert_refused_as ("i\0d\0,\0n\0", 8, LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:1: error: the file looks like UTF-16 text without a byte-order "
                     "mark; save it as UTF-8");
  assert_refused_as ("id,name\n1,Ren\xE9\n", 14, LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:2: error: the file is not UTF-8 (it looks like Windows-1252 or "
                     "ISO-8859-1 text); save it as UTF-8 (Excel: “CSV UTF-8”)");
}

static void
test_header_aliases (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = import_ok (
    "Employee #,Given Name,Surname,Job_Title,Reports-To,E-Mail,Desk\n"
    "7,Ada,Obi,Chief Executive Officer,,ada@x.org,A1\n"
    "8,Ben,Cruz,Sr. Product Manager,7,ben@x.org,A2\n", NULL, warnings);
  static const char * const expected[] = {
    "t.csv:1: warning: 1 column is not used: “Desk”",
    NULL
  };

  assert_warnings (warnings, expected);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "8")), "Ben Cruz");
  assert_string_equal (ladder_chart_get_person_title (chart, person (chart, "8")), "Sr. Product Manager");
  assert_string_equal (role_of (chart, "7"), "ceo");
  assert_string_equal (role_of (chart, "8"), "senior-pm");
  assert_string_equal (manager_of (chart, "8"), "7");
}

static void
test_rows (void **state)
{
  g_autoptr(LadderChart) chart = import_ok (
    "id,name,manager,title\n"
    "1,Ada\n"                     /* short: padded */
    "2,Ben,1,,,\n",               /* trailing empty fields: ignored */
    NULL, NULL);

  assert_int_equal (ladder_chart_get_n_people (chart), 2);
  assert_string_equal (manager_of (chart, "2"), "1");
  assert_refused_as ("id,name\n1,Ada\n2,Ben,,x\n", 23, LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:3: error: this row has 4 fields but the header has 2");
}

/* Prose opened as text: the refusal lists ten columns, each cut short. */
static void
test_prose_refused_briefly (void **state)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "%sword%u", i > 0 ? "," : "", i);
  g_string_append (text, "\nmore prose\n");
  assert_refused_as (text->str, text->len, LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:1: error: the header has no column for an id, an email or a name "
                     "(its columns: “word0”, “word1”, “word2”, “word3”, “word4”, “word5”, “word6”, "
                     "“word7”, “word8”, “word9” and 2 more); name one with --column id=HEADER");
}

static void
test_ids (void **state)
{
  g_autoptr(LadderChart) chart = import_ok (
    "id,name,manager\n"
    "a b,One,\n"
    "a/b,Two,a b\n"
    "x y,Three,a/b\n"
    "Zoë Ñ,Four,x-y\n", NULL, NULL);
  g_autoptr(LadderChart) alone = import_ok ("id,name\na b,One\nq,Two\n", NULL, NULL);
  g_autoptr(LadderChart) by_email = import_ok ("email,name,manager\nada@x.org,Ada,\nben@x.org,Ben,ADA@x.org\n", NULL, NULL);
  g_autoptr(LadderChart) by_name = import_ok ("name,title\nAda Obi,CEO\nBen Cruz,CPO\n", NULL, NULL);

  /* Cleaned, and where two clean alike, each with its own hash. */
  assert_string_equal (manager_of (chart, "a-b-c14cdd"), "a-b-c8687a");
  assert_string_equal (manager_of (chart, "x-y"), "a-b-c14cdd");
  assert_string_equal (manager_of (chart, "Zo---"), "x-y");
  /* Without the clash, the same value keeps its cleaned id. */
  assert_int_not_equal (ladder_chart_lookup (alone, "a-b"), LADDER_NONE);
  /* Else the email, else the name. */
  assert_string_equal (manager_of (by_email, "ben-x.org"), "ada-x.org");
  assert_int_not_equal (ladder_chart_lookup (by_name, "Ada-Obi"), LADDER_NONE);
}

static void
test_managers (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = import_ok (
    "id,first name,last name,email,manager\n"
    "1,Ada,Obi,ada@x.org,\n"
    "2,Ben,Cruz,ben@x.org,\"Obi, Ada\"\n"
    "3,Chen,Li,,Ben  cruz\n"
    "4,Dee,Ray,,ben@x.org\n"
    "5,Eve,Ng,,E99\n"
    "6,Fay,Roe,,outside@y.org\n"
    "7,Gus,Obi,,7\n", NULL, warnings);
  static const char * const expected[] = {
    "t.csv: warning: 2 managers are no one in the file, so their people are at the top: "
    "“E99” (line 6), “outside@y.org” (line 7)",
    NULL
  };

  assert_string_equal (manager_of (chart, "2"), "1");
  assert_string_equal (manager_of (chart, "3"), "2");
  assert_string_equal (manager_of (chart, "4"), "2");
  assert_null (manager_of (chart, "5"));
  assert_null (manager_of (chart, "6"));
  assert_null (manager_of (chart, "7"));
  assert_warnings (warnings, expected);

  assert_refused_as ("id,name,manager\n1,Sam Lee,\n2,Sam Lee,\n3,Bo,Sam Lee\n", 50,
                     LADDER_FILE_FORMAT_DELIMITED,
                     "t.csv:4: error: the manager “Sam Lee” could be more than one person "
                     "(lines 2 and 3); give the manager's id or email");
}

static void
test_roles (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    "t.csv: warning: 2 titles were not recognised; their people have the role Other: "
    "“Chef”, “Barista”",
    NULL
  };

  assert_true (ladder_import_options_add_role (options, "Product Lead=Head of Product", NULL, &error));
  chart = import_ok ("id,title,role\n"
                     "1,Founder & CEO,\n"
                     "2,Whatever,cpo\n"
                     "3,Chef,\n"
                     "4,product lead,\n"
                     "5,Barista,\n"
                     "6,Chef,\n"
                     "7,,Vice President of Stuff\n", options, warnings);
  assert_string_equal (role_of (chart, "1"), "ceo");
  assert_string_equal (role_of (chart, "2"), "cpo");
  assert_string_equal (role_of (chart, "3"), "other");
  assert_string_equal (ladder_chart_get_person_title (chart, person (chart, "3")), "Chef");
  assert_string_equal (role_of (chart, "4"), "head-of-product");
  /* An unknown role is kept as written, for the unknown-role rule. */
  assert_string_equal (role_of (chart, "7"), "Vice President of Stuff");
  assert_warnings (warnings, expected);

  assert_false (ladder_import_options_add_role (options, "X=nobody", NULL, &error));
  assert_string_equal (error->message, "--role “X=nobody”: “nobody” is no role of the catalogue");
  g_clear_error (&error);
  assert_false (ladder_import_options_add_role (options, "no equals", NULL, &error));
  assert_string_equal (error->message, "--role takes “TITLE=ROLE”, not “no equals”");
}

static void
test_columns_option (void **state)
{
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) none = NULL;

  assert_true (ladder_import_options_add_column (options, "manager=Boss Id", &error));
  assert_true (ladder_import_options_add_column (options, "NAME=worker", &error));
  chart = import_ok ("id,Worker,boss_id,name\n1,Ada,,x\n2,Ben,1,y\n", options, NULL);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "2")), "Ben");
  assert_string_equal (manager_of (chart, "2"), "1");

  assert_false (ladder_import_options_add_column (options, "boss=x", &error));
  assert_string_equal (error->message,
                       "--column takes FIELD=HEADER with FIELD one of id, manager, name, firstname, "
                       "lastname, title, role, email, vacant, note, assistant, dotted, not “boss=x”");
  g_clear_error (&error);
  assert_true (ladder_import_options_add_column (options, "title=Nope", &error));
  none = import_as ("id,Worker,boss id\n1,Ada,\n", 24, LADDER_FILE_FORMAT_DELIMITED, options, NULL, &error);
  assert_null (none);
  assert_string_equal (error->message,
                       "t.csv:1: error: --column names “Nope”, but the header has no such column");
}

static void
test_flattened_is_said (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = import_ok ("id,name,Boss\n1,Ada,\n2,Ben,1\n3,Cy,1\n", NULL, warnings);
  static const char * const expected[] = {
    "t.csv:1: warning: 1 column is not used: “Boss”",
    "t.csv: warning: 3 people are at the top, and the unused column “Boss” looks like it names "
    "other people in the file; if it holds the managers, use --column manager=Boss",
    NULL
  };

  assert_int_equal (ladder_chart_get_n_roots (chart), 3);
  assert_warnings (warnings, expected);
}

/* ---- CSV export read back ---- */

static void
test_export_round_trip (void **state)
{
  g_autoptr(LadderChart) chart = import_ok (
    "id,name,role,manager,title,vacant,assistant,dotted,note\n"
    "-1,=HYPERLINK(\"x\"),ceo,,+1 555,,,,@home\n"
    "b,'quoted,cpo,-1,\t tab,,,,\n"
    "c,Cy,pm,b,,true,,-1 b,\"line\r\nbreak\"\n"
    "d,Di,other,-1,Assistant,,yes,,\n", NULL, NULL);
  g_autofree char *csv = ladder_csv_write (chart, NULL);
  g_autoptr(LadderChart) back = import_ok (csv, NULL, NULL);
  g_autofree char *again = ladder_csv_write (back, NULL);
  guint n = 0;
  const guint *dotted;

  assert_string_equal (csv,
    "id,name,role,manager,title,vacant,assistant,dotted,note\r\n"
    "'-1,\"'=HYPERLINK(\"\"x\"\")\",ceo,,'+1 555,,,,'@home\r\n"
    "b,''quoted,cpo,'-1,'\t tab,,,,\r\n"
    "c,Cy,pm,b,,true,,'-1 b,\"line\r\nbreak\"\r\n"
    "d,Di,other,'-1,Assistant,,true,,\r\n");
  assert_string_equal (again, csv);
  assert_string_equal (ladder_chart_get_name (back, person (back, "-1")), "=HYPERLINK(\"x\")");
  assert_string_equal (ladder_chart_get_name (back, person (back, "b")), "'quoted");
  assert_string_equal (ladder_chart_get_person_title (back, person (back, "b")), "\t tab");
  assert_string_equal (ladder_chart_get_note (back, person (back, "-1")), "@home");
  assert_true (ladder_chart_get_vacant (back, person (back, "c")));
  assert_true (ladder_chart_get_assistant (back, person (back, "d")));
  dotted = ladder_chart_get_dotted_lines (back, person (back, "c"), &n);
  assert_int_equal (n, 2);
  assert_string_equal (ladder_chart_get_id (back, dotted[0]), "-1");
  assert_string_equal (ladder_chart_get_id (back, dotted[1]), "b");
}

/* ---- JSON ---- */

static LadderChart *
json_ok (const char *text, GPtrArray *warnings)
{
  g_autoptr(GError) error = NULL;
  LadderChart *chart = import_as (text, strlen (text), LADDER_FILE_FORMAT_JSON, NULL, warnings, &error);

  if (error != NULL)
    fail_msg ("unexpected error: %s", error->message);
  return chart;
}

static void
test_json_flat (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = json_ok (
    "[\n"
    "  {\"id\": 1, \"name\": \"Ada\", \"title\": \"CEO\", \"img\": \"a.png\"},\n"
    "  {\"key\": \"b\", \"parentId\": 1, \"name\": \"Ben \\u00e9\", \"positionName\": \"VP Product\"},\n"
    "  {\n    \"id\": 3, \"pid\": \"b\", \"name\": \"Cy\", \"position\": \"Product Owner\", \"vacant\": true\n  }\n"
    "]\n", warnings);
  static const char * const expected[] = { "t.csv: warning: 1 key is not used: “img”", NULL };

  assert_int_equal (ladder_chart_get_n_people (chart), 3);
  assert_string_equal (role_of (chart, "1"), "ceo");
  assert_string_equal (role_of (chart, "b"), "vp-product");
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "b")), "Ben é");
  assert_string_equal (manager_of (chart, "b"), "1");
  assert_string_equal (manager_of (chart, "3"), "b");
  assert_true (ladder_chart_get_vacant (chart, person (chart, "3")));
  /* LINE is the line of the object's "{". */
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "3")), 4);
  assert_warnings (warnings, expected);
}

static void
test_json_columns_option (void **state)
{
  static const char json[] = "[{\"uid\": \"a\", \"boss\": null},\n {\"uid\": \"b\", \"boss\": \"a\"}]";
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) none = NULL;
  g_autoptr(GError) error = NULL;

  ladder_import_options_set_column (options, LADDER_IMPORT_ID, "uid");
  ladder_import_options_set_column (options, LADDER_IMPORT_MANAGER, "Boss");
  chart = import_as (json, sizeof json - 1, LADDER_FILE_FORMAT_JSON, options, NULL, &error);
  assert_null (error);
  assert_string_equal (manager_of (chart, "b"), "a");

  ladder_import_options_set_column (options, LADDER_IMPORT_TITLE, "role_name");
  none = import_as (json, sizeof json - 1, LADDER_FILE_FORMAT_JSON, options, NULL, &error);
  assert_null (none);
  assert_string_equal (error->message,
                       "t.csv:1: error: --column names “role_name”, but no one in the file has such a key");
}

static void
test_json_nested (void **state)
{
  g_autoptr(LadderChart) chart = json_ok (
    "{\"name\": \"Ada Obi\", \"title\": \"CEO\", \"children\": [\n"
    "  {\"name\": \"Ben\", \"title\": \"CPO\", \"children\": [{\"name\": \"Cy\"}]},\n"
    "  {\"name\": \"Di\", \"children\": []}\n"
    "]}", NULL);
  g_autofree guint *order = g_new (guint, 4);

  assert_int_equal (ladder_chart_get_n_people (chart), 4);
  assert_string_equal (manager_of (chart, "Ben"), "Ada-Obi");
  assert_string_equal (manager_of (chart, "Cy"), "Ben");
  assert_string_equal (manager_of (chart, "Di"), "Ada-Obi");
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "Di")), 3);
  /* Siblings in the file's order. */
  assert_int_equal (ladder_chart_preorder (chart, order, FALSE), 4);
  assert_string_equal (ladder_chart_get_id (chart, order[3]), "Di");
}

static void
test_json_deep (void **state)
{
  const guint depth = 100000;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(LadderChart) chart = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (text, "{\"id\":%u,\"children\":[", i);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "]}");
  chart = json_ok (text->str, NULL);
  assert_int_equal (ladder_chart_get_n_people (chart), depth);
  assert_string_equal (manager_of (chart, "99999"), "99998");
}

static void
test_json_errors (void **state)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "", "t.csv:1: error: not valid JSON: the text ends where a value was expected" },
    { "[{\"id\": 1},\n {\"id\": 2,}]", "t.csv:2: error: not valid JSON: expected a member name in double quotes" },
    { "[{'id': 1}]", "t.csv:1: error: not valid JSON: expected a member name in double quotes" },
    { "[\n1,\n2]", "t.csv:2: error: a person must be a JSON object ({ \"id\": ..., \"name\": ... })" },
    { "[{\"id\": \"a\nb\"}]", "t.csv:1: error: not valid JSON: a control character (a line break?) inside a string" },
    { "[{\"id\": 1}] x", "t.csv:1: error: not valid JSON: more text after the end of the top value" },
    { "[{\"id\": 01}]", "t.csv:1: error: not valid JSON: expected “,” or “}” after a member" },
    { "[{\"id\": \"\\ud800\"}]", "t.csv:1: error: not valid JSON: a surrogate \\u escape is not followed by its pair" },
    { "[{\"id\": \"\\u0000\"}]", "t.csv:1: error: not valid JSON: a string holds \\u0000" },
    { "\"people\"", "t.csv:1: error: the JSON holds no people: expected an array of objects, or one object with its reports in “children”" },
    { "{\"name\": \"A\",\n \"children\": {}}", "t.csv:2: error: “children” must be an array of people" },
    { "[{\"id\": 1, \"pid\": 2},\n{\"id\": 2, \"pid\": 1}]", "t.csv:1: error: the reporting lines form a cycle: 1 → 2 → 1" },
    { "[[[", "t.csv:1: error: not valid JSON: the text ends inside an array" },
    { "{\"data\": [{\"id\": 1}], \"total\": 1}",
      "t.csv:1: error: the object at the top is no person; its people seem to be in “data”: Ladder "
      "reads an array of people, or one person with their reports in “children”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused_as (cases[i].text, strlen (cases[i].text), LADDER_FILE_FORMAT_JSON, cases[i].message);
}

/* ---- by name and by content ---- */

static void
test_format_by_name (void **state)
{
  static const struct { const char *path; LadderFileFormat format; } names[] = {
    { "a.ladder", LADDER_FILE_FORMAT_CHART }, { "A.XML", LADDER_FILE_FORMAT_CHART },
    { "a.Csv", LADDER_FILE_FORMAT_DELIMITED }, { "a.tsv", LADDER_FILE_FORMAT_DELIMITED },
    { "a.TXT", LADDER_FILE_FORMAT_DELIMITED }, { "a.JSON", LADDER_FILE_FORMAT_JSON },
    { "a.ladder~", LADDER_FILE_FORMAT_UNKNOWN }, { "/dev/fd/63", LADDER_FILE_FORMAT_UNKNOWN },
  };
  static const struct { const char *path; const char *message; } refused[] = {
    { "a.xlsx", "a.xlsx: error: this is an Excel workbook, which Ladder does not read; save it as CSV (UTF-8) and open that" },
    { "a.graphml", "a.graphml: error: GraphML files are not imported; Ladder opens .ladder, CSV, TSV and JSON" },
    { "a.DRAWIO", "a.DRAWIO: error: draw.io diagrams are not imported; Ladder opens .ladder, CSV, TSV and JSON" },
    { "a.vsdx", "a.vsdx: error: Visio drawings are not imported; Ladder opens .ladder, CSV, TSV and JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_int_equal (ladder_import_format_for_path (names[i].path, NULL), names[i].format);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_int_equal (ladder_import_format_for_path (refused[i].path, &error), LADDER_FILE_FORMAT_UNKNOWN);
      assert_non_null (error);
      assert_string_equal (error->message, refused[i].message);
    }
}

static void
test_format_by_content (void **state)
{
  static const char chart_xml[] = "<?xml version=\"1.0\"?>\n<orgchart version=\"1\"><person id=\"a\" role=\"ceo\"/></orgchart>\n";
  static const char json[] = "  [{\"id\": \"a\"}]";
  static const char csv[] = "id,name\na,Ada\n";
  const char *texts[] = { chart_xml, json, csv };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LadderChart) chart = import_as (texts[i], strlen (texts[i]), LADDER_FILE_FORMAT_UNKNOWN,
                                                NULL, NULL, &error);

      assert_null (error);
      assert_int_not_equal (ladder_chart_lookup (chart, "a"), LADDER_NONE);
    }
  assert_refused_as ("PK\3\4rest", 8, LADDER_FILE_FORMAT_UNKNOWN,
                     "t.csv: error: this is a ZIP archive (an Excel workbook or a Visio drawing?), "
                     "which Ladder does not read; save it as CSV (UTF-8) and open that");
  assert_refused_as ("<?xml version=\"1.0\"?><graphml/>", 31, LADDER_FILE_FORMAT_UNKNOWN,
                     "t.csv: error: GraphML files are not imported; Ladder opens .ladder, CSV, TSV and JSON");
  assert_refused_as ("<mxfile><diagram/></mxfile>", 27, LADDER_FILE_FORMAT_UNKNOWN,
                     "t.csv: error: draw.io diagrams are not imported; Ladder opens .ladder, CSV, TSV and JSON");
}

/* ---- what the import dialog shows ---- */

static void
test_preview (void **state)
{
  static const char csv[] = "# comment\nEmployee ID;Worker;Job Title;Manager\n1;Ada;CEO;\n2;Ben;Chef;1\n3;Cy;Chef;1\n";
  static const char json[] = "{\"name\": \"Ada\", \"title\": \"CEO\", \"children\": [{\"name\": \"Ben\", \"img\": 1}]}";
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderImportPreview) preview = NULL;
  g_autoptr(LadderImportPreview) chosen = NULL;
  g_autoptr(LadderImportPreview) nested = NULL;

  preview = ladder_import_preview_new (csv, sizeof csv - 1, "t.csv", LADDER_FILE_FORMAT_DELIMITED,
                                       NULL, options, 2);
  assert_int_equal (preview->delimiter, ';');
  assert_int_equal (preview->headers->len, 4);
  assert_string_equal (g_ptr_array_index (preview->headers, 1), "Worker");
  assert_int_equal (preview->rows->len, 2);
  assert_string_equal (((char **) g_ptr_array_index (preview->rows, 1))[2], "Chef");
  assert_int_equal (preview->columns[LADDER_IMPORT_TITLE], 2);
  assert_int_equal (preview->columns[LADDER_IMPORT_NAME], -1);
  assert_int_equal (ladder_chart_get_n_people (preview->chart), 3);
  assert_int_equal (preview->titles->len, 2);
  assert_string_equal (g_ptr_array_index (preview->titles, 1), "Chef");
  assert_string_equal (g_ptr_array_index (preview->title_roles, 0), "ceo");
  assert_int_equal (preview->n_unrecognised, 1);

  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, "Worker");
  ladder_import_options_set_role (options, "chef", "pm");
  chosen = ladder_import_preview_new (csv, sizeof csv - 1, "t.csv", LADDER_FILE_FORMAT_DELIMITED,
                                      NULL, options, 2);
  assert_int_equal (chosen->columns[LADDER_IMPORT_NAME], 1);
  assert_string_equal (g_ptr_array_index (chosen->title_roles, 1), "pm");
  assert_int_equal (chosen->n_unrecognised, 0);
  assert_string_equal (ladder_chart_get_name (chosen->chart, person (chosen->chart, "2")), "Ben");

  {
    g_autofree char *arguments = ladder_import_options_dup_arguments (options);

    assert_string_equal (arguments, "--column name=Worker --role chef=pm");
    ladder_import_options_set_column (options, LADDER_IMPORT_TITLE, "Job Title");
    ladder_import_options_set_role (options, "Head, Kitchen", "head-of-product");
    g_free (arguments);
    arguments = ladder_import_options_dup_arguments (options);
    assert_string_equal (arguments, "--column name=Worker --column 'title=Job Title' "
                                    "--role chef=pm --role 'head, kitchen=head-of-product'");
  }

  nested = ladder_import_preview_new (json, sizeof json - 1, "t.json", LADDER_FILE_FORMAT_JSON,
                                      NULL, NULL, 10);
  assert_int_equal (nested->headers->len, 3);
  assert_string_equal (g_ptr_array_index (nested->headers, 2), "img");
  assert_int_equal (nested->rows->len, 2);
  assert_string_equal (((char **) g_ptr_array_index (nested->rows, 1))[0], "Ben");
  assert_string_equal (((char **) g_ptr_array_index (nested->rows, 1))[2], "1");
  assert_int_equal (ladder_chart_get_n_people (nested->chart), 2);
}

/* ---- real files (tests/data/import/README.md names their sources) ---- */

static LadderChart *
sample (const char *name, const LadderImportOptions *options, GPtrArray *warnings)
{
  g_autofree char *relative = g_build_filename ("tests", "data", "import", name, NULL);
  g_autofree char *path = ladder_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_import_file (path, NULL, options, warnings, &error);

  if (error != NULL)
    fail_msg ("%s: %s", name, error->message);
  return chart;
}

/* Who reports to whom, by name: "Name>Manager" or "Name>" for a root,
 * and the role of each. */
static void
assert_people (LadderChart *chart, const char * const *expected, guint n_roots)
{
  guint n = g_strv_length ((char **) expected);

  assert_int_equal (ladder_chart_get_n_people (chart), n);
  assert_int_equal (ladder_chart_get_n_roots (chart), n_roots);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (expected[i], ">=", 3);
      guint found = LADDER_NONE;

      for (guint p = 0; p < ladder_chart_get_capacity (chart) && found == LADDER_NONE; p++)
        if (ladder_chart_is_alive (chart, p) && g_strcmp0 (ladder_chart_get_name (chart, p), parts[0]) == 0)
          found = p;
      if (found == LADDER_NONE)
        fail_msg ("no one named %s", parts[0]);
      {
        guint m = ladder_chart_get_manager (chart, found);

        assert_string_equal (m == LADDER_NONE ? "" : ladder_chart_get_name (chart, m), parts[1]);
        assert_string_equal (ladder_chart_get_role (chart, found), parts[2]);
      }
    }
}

static void
test_sample_d3_org_chart (void **state)
{
  g_autoptr(LadderChart) chart = sample ("d3-org-chart.csv", NULL, NULL);
  static const char * const people[] = {
    "Ian Devling>=ceo", "Davolio Nancy>Ian Devling=cpo", "Leverling Janet>Davolio Nancy=vp-product",
    "Peacock Margaret>Leverling Janet=director-product",
    "Buchanan Steven>Peacock Margaret=senior-pm", "Suyama Michael>Buchanan Steven=associate-pm",
    "King Robert>Leverling Janet=program-manager", "Callahan Laura>Peacock Margaret=other", NULL
  };

  assert_people (chart, people, 1);
  assert_string_equal (ladder_chart_get_id (chart, ladder_chart_get_first_root (chart)), "O-6066");
}

static void
test_sample_orgchartjs (void **state)
{
  g_autoptr(LadderChart) csv = sample ("orgchartjs-import.csv", NULL, NULL);
  g_autoptr(LadderChart) json = sample ("orgchartjs-demo.json", NULL, NULL);
  static const char * const csv_people[] = {
    "Denny Curtis>=ceo", "Ashley Barnett>Denny Curtis=head-of-product",
    "Caden Ellison>Denny Curtis=other", "Elliot Patel>Ashley Barnett=product-owner",
    "Lynn Hussain>Ashley Barnett=senior-pm", "Tanner May>Caden Ellison=other",
    "Fran Parsons>Caden Ellison=other", NULL
  };

  assert_people (csv, csv_people, 1);
  assert_int_equal (ladder_chart_get_n_people (json), 9);
  assert_int_equal (ladder_chart_get_n_roots (json), 1);
  assert_string_equal (manager_of (json, "10"), "8");
  assert_string_equal (manager_of (json, "8"), "3");
  assert_string_equal (role_of (json, "9"), "pm");
}

static void
test_sample_dabeng (void **state)
{
  g_autoptr(LadderChart) chart = sample ("dabeng-nested.json", NULL, NULL);
  static const char * const people[] = {
    "Lao Lao>=other", "Bo Miao>Lao Lao=other", "Su Miao>Lao Lao=other", "Tie Hua>Su Miao=other",
    "Hei Hei>Su Miao=other", "Pang Pang>Hei Hei=other", "Xiang Xiang>Hei Hei=other",
    "Yu Jie>Lao Lao=other", "Chun Miao>Lao Lao=other", NULL
  };

  assert_people (chart, people, 1);
  assert_string_equal (manager_of (chart, "Pang-Pang"), "Hei-Hei");
}

static void
test_sample_drawio (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = sample ("drawio-orgchart.csv", NULL, warnings);
  static const char * const people[] = {
    "Evan Miller>=other", "Edward Morrison>Evan Miller=other", "Ron Donovan>Evan Miller=other",
    "Tessa Valet>Evan Miller=other", NULL
  };

  assert_people (chart, people, 1);
  assert_string_equal (manager_of (chart, "rdo"), "emi");
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "emi")), 16);
}

static void
test_sample_oracle_hr (void **state)
{
  g_autoptr(LadderChart) chart = sample ("oracle-hr-employees.csv", NULL, NULL);

  assert_int_equal (ladder_chart_get_n_people (chart), 10);
  assert_int_equal (ladder_chart_get_n_roots (chart), 1);
  assert_string_equal (ladder_chart_get_name (chart, person (chart, "102")), "Lex De Haan");
  assert_string_equal (manager_of (chart, "104"), "103");
  assert_string_equal (manager_of (chart, "103"), "102");
  assert_string_equal (manager_of (chart, "145"), "100");
}

static void
test_sample_bamboohr (void **state)
{
  g_autoptr(LadderChart) chart = sample ("bamboohr-style.csv", NULL, NULL);
  static const char * const people[] = {
    "Ada Obi>=ceo", "Ben Cruz>Ada Obi=vp-product", "Chen Li>Ben Cruz=group-pm",
    "Dana Kim>Chen Li=pm", "Eli Ng>Ben Cruz=other", "Fay Roe>Ada Obi=other", NULL
  };

  assert_people (chart, people, 1);
  assert_int_equal (ladder_chart_get_line (chart, person (chart, "1003")), 5);
}

static void
test_sample_visio (void **state)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = sample ("visio-orgchart-wizard.csv", NULL, warnings);
  static const char * const people[] = {
    "Joe Sampletwo>=ceo", "Rob Sample>Joe Sampletwo=cpo", "Mary Sample>Rob Sample=director-product",
    "Bob Sample>Mary Sample=senior-pm", "Jane Sample>Bob Sample=associate-pm",
    "Tom Sample>Joe Sampletwo=other", NULL
  };

  /* Ids from the names, managers by name. */
  assert_people (chart, people, 1);
  assert_string_equal (manager_of (chart, "Jane-Sample"), "Bob-Sample");
}

static void
test_sample_orgchartnow (void **state)
{
  g_autoptr(LadderChart) chart = sample ("orgchartnow.csv", NULL, NULL);
  static const char * const people[] = {
    "Steve Smith>=ceo", "Sandra Chen>Steve Smith=other", "George Lopez>Steve Smith=other",
    "Arnold Osborne>Sandra Chen=other", NULL
  };

  /* The top person given as their own manager is the top, not a cycle. */
  assert_people (chart, people, 1);
}

static void
test_sample_workday (void **state)
{
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderChart) chart = NULL;
  static const char * const people[] = {
    "Maria Santos>=cpo", "Jonas Berg>Maria Santos=head-of-product", "Priya Nair>Jonas Berg=senior-pm",
    "Tom Weiß>Priya Nair=associate-pm", "Lea Dubois>Jonas Berg=product-owner", NULL
  };

  /* UTF-16 with a BOM, tabs; Workday's own column names, given by hand. */
  assert_true (ladder_import_options_add_column (options, "name=Worker", NULL));
  assert_true (ladder_import_options_add_column (options, "title=Business Title", NULL));
  chart = sample ("workday-style.txt", options, NULL);
  assert_people (chart, people, 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_delimiters),
    cmocka_unit_test (test_encodings),
    cmocka_unit_test (test_header_aliases),
    cmocka_unit_test (test_rows),
    cmocka_unit_test (test_prose_refused_briefly),
    cmocka_unit_test (test_ids),
    cmocka_unit_test (test_managers),
    cmocka_unit_test (test_roles),
    cmocka_unit_test (test_columns_option),
    cmocka_unit_test (test_flattened_is_said),
    cmocka_unit_test (test_export_round_trip),
    cmocka_unit_test (test_json_flat),
    cmocka_unit_test (test_json_columns_option),
    cmocka_unit_test (test_json_nested),
    cmocka_unit_test (test_json_deep),
    cmocka_unit_test (test_json_errors),
    cmocka_unit_test (test_format_by_name),
    cmocka_unit_test (test_format_by_content),
    cmocka_unit_test (test_preview),
    cmocka_unit_test (test_sample_d3_org_chart),
    cmocka_unit_test (test_sample_orgchartjs),
    cmocka_unit_test (test_sample_dabeng),
    cmocka_unit_test (test_sample_drawio),
    cmocka_unit_test (test_sample_oracle_hr),
    cmocka_unit_test (test_sample_bamboohr),
    cmocka_unit_test (test_sample_workday),
    cmocka_unit_test (test_sample_visio),
    cmocka_unit_test (test_sample_orgchartnow),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
