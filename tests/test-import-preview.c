/* test-import-preview.c — what the import dialog reads quickly (the first
 * rows, from the beginning of a file), what it counts on a worker (the
 * whole file, cancellable), and the readers stopping when the worker they
 * run on is cancelled. */
#include "ladder-test-util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "ladder-import.h"
#include "ladder-progress.h"

static const char team_csv[] =
  "Employee ID;Worker;Job Title;Manager\n"
  "1;Ada;CEO;\n"
  "2;Ben;Chef;1\n"
  "3;Cy \"the cook\";Chef;1\n";

/* The beginning of a file, cut in the middle of a row: only whole rows
 * are shown, and nothing is counted. */
static void
test_peek_csv_head (void **state)
{
  gsize cut = strstr (team_csv, "Cy") + 2 - team_csv;
  g_autoptr(LadderImportPreview) head = NULL;
  g_autoptr(LadderImportPreview) whole = NULL;

  head = ladder_import_preview_peek (team_csv, cut, FALSE, "t.csv", LADDER_FILE_FORMAT_DELIMITED, NULL, 5);
  assert_null (head->error);
  assert_int_equal (head->delimiter, ';');
  assert_int_equal (head->headers->len, 4);
  assert_int_equal (head->rows->len, 2);
  assert_string_equal (((char **) g_ptr_array_index (head->rows, 1))[1], "Ben");
  assert_int_equal (head->columns[LADDER_IMPORT_ID], 0);
  assert_int_equal (head->columns[LADDER_IMPORT_TITLE], 2);
  assert_false (head->counted);
  assert_null (head->chart);

  /* All of it: the last row too, with its quotes. */
  whole = ladder_import_preview_peek (team_csv, strlen (team_csv), TRUE, "t.csv",
                                      LADDER_FILE_FORMAT_DELIMITED, NULL, 5);
  assert_int_equal (whole->rows->len, 3);
  assert_string_equal (((char **) g_ptr_array_index (whole->rows, 2))[1], "Cy \"the cook\"");
}

/* JSON cut anywhere: the people closed before the cut, the brackets still
 * open closed after them; flat arrays and nested "children" alike. */
static void
test_peek_json_head (void **state)
{
  static const char flat[] =
    "[{\"id\": 1, \"name\": \"Ada [boss]\", \"title\": \"CEO\"},\n"
    " {\"id\": 2, \"pid\": 1, \"name\": \"Ben \\\"}\", \"title\": \"Chef\"},\n"
    " {\"id\": 3, \"pid\": 1, \"name\": \"Cy\", \"title\": \"Chef\"}]\n";
  static const char nested[] =
    "{\"name\": \"Ada\", \"children\": [{\"name\": \"Ben\", \"children\": [{\"name\": \"Cy\"}]},"
    " {\"name\": \"Di\"}]}";
  g_autoptr(LadderImportPreview) head = NULL;
  g_autoptr(LadderImportPreview) tree = NULL;
  g_autoptr(LadderImportPreview) nothing = NULL;

  head = ladder_import_preview_peek (flat, strstr (flat, "\"Cy\"") - flat, FALSE, "t.json",
                                     LADDER_FILE_FORMAT_JSON, NULL, 5);
  assert_null (head->error);
  assert_int_equal (head->rows->len, 2);
  assert_string_equal (g_ptr_array_index (head->headers, 1), "name");
  assert_string_equal (((char **) g_ptr_array_index (head->rows, 0))[1], "Ada [boss]");
  assert_string_equal (((char **) g_ptr_array_index (head->rows, 1))[1], "Ben \"}");

  /* Cut inside Di: Ada, Ben and Cy are whole. */
  tree = ladder_import_preview_peek (nested, strstr (nested, "\"Di\"") - nested, FALSE, "t.json",
                                     LADDER_FILE_FORMAT_JSON, NULL, 5);
  assert_null (tree->error);
  assert_int_equal (tree->rows->len, 3);
  assert_string_equal (((char **) g_ptr_array_index (tree->rows, 2))[0], "Cy");

  /* Not one value closed: said as the reader says it, no crash. */
  nothing = ladder_import_preview_peek (flat, 10, FALSE, "t.json", LADDER_FILE_FORMAT_JSON, NULL, 5);
  assert_non_null (nothing->error);
  assert_int_equal (nothing->rows->len, 0);
}

typedef struct {
  gboolean             done;
  LadderImportPreview *preview;
  GError              *error;
} Counted;

static void
counted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Counted *counted = user_data;

  counted->preview = ladder_import_preview_count_finish (result, &counted->error);
  counted->done = TRUE;
}

static void
wait_counted (Counted *counted)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!counted->done && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  assert_true (counted->done);
}

/* The whole file counted on a worker, from memory or from the file, with
 * the options as they were when it started; no chart kept. */
static void
test_count_async (void **state)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (team_csv, strlen (team_csv));
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autofree char *path = ladder_test_write ("team.csv", team_csv);
  Counted from_memory = { 0 }, from_file = { 0 }, missing = { 0 };

  ladder_import_options_set_role (options, "Chef", "pm");
  ladder_import_preview_count_async (bytes, NULL, "t.csv", LADDER_FILE_FORMAT_DELIMITED, NULL, options,
                                     2, NULL, counted_cb, &from_memory);
  /* Copied: a change now is not the running count's. */
  ladder_import_options_set_role (options, "Chef", NULL);
  wait_counted (&from_memory);
  assert_null (from_memory.error);
  assert_true (from_memory.preview->counted);
  assert_null (from_memory.preview->chart);
  assert_int_equal (from_memory.preview->n_people, 3);
  assert_int_equal (from_memory.preview->n_roots, 1);
  assert_int_equal (from_memory.preview->rows->len, 2);
  assert_string_equal (g_ptr_array_index (from_memory.preview->title_roles, 1), "pm");
  assert_int_equal (from_memory.preview->n_unrecognised, 0);

  ladder_import_preview_count_async (NULL, path, path, LADDER_FILE_FORMAT_DELIMITED, NULL, options,
                                     5, NULL, counted_cb, &from_file);
  wait_counted (&from_file);
  assert_int_equal (from_file.preview->n_people, 3);
  assert_int_equal (from_file.preview->n_unrecognised, 1);

  /* A file gone meanwhile: its error where the counts would be. */
  ladder_import_preview_count_async (NULL, "/nonexistent/team.csv", "/nonexistent/team.csv",
                                     LADDER_FILE_FORMAT_DELIMITED, NULL, NULL, 5, NULL, counted_cb, &missing);
  wait_counted (&missing);
  assert_null (missing.error);
  assert_false (missing.preview->counted);
  assert_true (g_str_has_prefix (missing.preview->error->message, "/nonexistent/team.csv: error: "));

  ladder_import_preview_free (from_memory.preview);
  ladder_import_preview_free (from_file.preview);
  ladder_import_preview_free (missing.preview);
}

/* Cancelled, a count finishes at once with G_IO_ERROR_CANCELLED. */
static void
test_count_cancelled (void **state)
{
  g_autoptr(GString) csv = g_string_new ("id,name,manager\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counted counted = { 0 };

  for (guint i = 1; i <= 100000; i++)
    g_string_append_printf (csv, "%u,P %u,%u\n", i, i, i / 2);
  bytes = g_bytes_new (csv->str, csv->len);
  ladder_import_preview_count_async (bytes, NULL, "t.csv", LADDER_FILE_FORMAT_DELIMITED, NULL, NULL,
                                     5, cancellable, counted_cb, &counted);
  g_cancellable_cancel (cancellable);
  wait_counted (&counted);
  assert_null (counted.preview);
  assert_true (g_error_matches (counted.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&counted.error);
}

/* The nice value of this process's thread named @name, or G_MININT when
 * there is none (Linux's /proc). */
static int
thread_nice (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *comm = NULL;
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) || !g_str_equal (g_strstrip (comm), name)
          || !g_file_get_contents (stat_path, &stat, NULL, NULL) || strrchr (stat, ')') == NULL)
        continue;
      /* After "(comm)": state is field 3, nice field 19. */
      fields = g_strsplit (strrchr (stat, ')') + 2, " ", 0);
      if (g_strv_length (fields) > 16)
        return atoi (fields[16]);
    }
  return G_MININT;
}

/* The count runs on a thread of its own, behind the main thread when the
 * cores are busy (10 nicer than the process, at most 19); the main
 * thread stays as it was. */
static void
test_count_thread_is_nice (void **state)
{
#ifdef __linux__
  g_autoptr(GString) csv = g_string_new ("id,name,manager\n");
  g_autoptr(GBytes) bytes = NULL;
  Counted counted = { 0 };
  int nice = G_MININT;
  int base = getpriority (PRIO_PROCESS, 0);
  int expected = MIN (base + 10, 19);

  for (guint i = 1; i <= 300000; i++)
    g_string_append_printf (csv, "%u,P %u,%u\n", i, i, i / 2);
  bytes = g_bytes_new (csv->str, csv->len);
  ladder_import_preview_count_async (bytes, NULL, "t.csv", LADDER_FILE_FORMAT_DELIMITED, NULL, NULL,
                                     5, NULL, counted_cb, &counted);
  while (!counted.done && nice != expected)
    {
      nice = thread_nice ("ladder-count");
      g_main_context_iteration (NULL, FALSE);
    }
  assert_int_equal (nice, expected);
  assert_int_equal (getpriority (PRIO_PROCESS, 0), base);
  wait_counted (&counted);
  assert_int_equal (counted.preview->n_people, 300000);
  ladder_import_preview_free (counted.preview);
#else
  skip ();
#endif
}

/* A reader on a thread whose progress is cancelled stops with
 * G_IO_ERROR_CANCELLED instead of finishing; without a progress (the
 * command line) it reads as before. */
static void
test_readers_stop_when_cancelled (void **state)
{
  g_autoptr(GString) csv = g_string_new ("id,name,manager\n");
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;

  for (guint i = 1; i <= 10000; i++)
    {
      g_string_append_printf (csv, "%u,P %u,%u\n", i, i, i / 2);
      g_string_append_printf (json, "%s{\"id\": %u, \"pid\": %u}", i > 1 ? "," : "", i, i / 2);
    }
  g_string_append (json, "]");

  ladder_progress_set_current (progress);
  chart = ladder_import_memory (csv->str, csv->len, "t.csv", LADDER_FILE_FORMAT_DELIMITED,
                                NULL, NULL, NULL, &error);
  assert_non_null (chart);
  assert_int_equal (ladder_chart_get_n_people (chart), 10000);
  g_clear_object (&chart);

  assert_int_equal (ladder_progress_get_people (progress), 10000);

  /* Stopped at the first check, after 4095 rows, which were counted as
   * they were read (the bar's "people loaded"). */
  g_cancellable_cancel (ladder_progress_get_cancellable (progress));
  assert_true (ladder_progress_check_cancelled (NULL));
  chart = ladder_import_memory (csv->str, csv->len, "t.csv", LADDER_FILE_FORMAT_DELIMITED,
                                NULL, NULL, NULL, &error);
  assert_null (chart);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_int_equal (ladder_progress_get_people (progress), 10000 + 4095);
  g_clear_error (&error);
  chart = ladder_import_memory (json->str, json->len, "t.json", LADDER_FILE_FORMAT_JSON,
                                NULL, NULL, NULL, &error);
  assert_null (chart);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  ladder_progress_set_current (NULL);
  assert_false (ladder_progress_check_cancelled (NULL));
  chart = ladder_import_memory (json->str, json->len, "t.json", LADDER_FILE_FORMAT_JSON,
                                NULL, NULL, NULL, &error);
  assert_non_null (chart);
  assert_int_equal (ladder_chart_get_n_people (chart), 10000);
}

/* A copy has the same choices and is not changed with the original. */
static void
test_options_copy (void **state)
{
  g_autoptr(LadderImportOptions) options = ladder_import_options_new ();
  g_autoptr(LadderImportOptions) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;

  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, "Worker");
  ladder_import_options_set_role (options, "Chef", "pm");
  ladder_import_options_set_delimiter (options, ';');
  copy = ladder_import_options_copy (options);
  before = ladder_import_options_dup_arguments (options);
  copied = ladder_import_options_dup_arguments (copy);
  assert_string_equal (copied, "--column name=Worker --role chef=pm");
  assert_string_equal (copied, before);
  assert_int_equal (ladder_import_options_get_delimiter (copy), ';');

  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, NULL);
  ladder_import_options_set_role (options, "Chef", NULL);
  after = ladder_import_options_dup_arguments (copy);
  assert_string_equal (after, "--column name=Worker --role chef=pm");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_peek_csv_head),
    cmocka_unit_test (test_peek_json_head),
    cmocka_unit_test (test_count_async),
    cmocka_unit_test (test_count_cancelled),
    cmocka_unit_test (test_count_thread_is_nice),
    cmocka_unit_test (test_readers_stop_when_cancelled),
    cmocka_unit_test (test_options_copy),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
