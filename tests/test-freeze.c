/* test-freeze.c — the work that must not stall the window, without a
 * display: reading a document on any thread with progress and cancel, the
 * XML writer in steps, and a large chart's recovery copy serialized in
 * slices that a change starts again. */
#include "ladder-test-util.h"

#include <string.h>

#include "ladder-autosave.h"
#include "ladder-document.h"
#include "ladder-io.h"
#include "ladder-layout.h"

static const char team_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Bea\" manager=\"ceo\"/>\n"
  "  <person id=\"pm\" role=\"pm\" name=\"Cy\" manager=\"cpo\"/>\n"
  "</orgchart>\n";

static void
test_read_reports_progress (void **state)
{
  g_autofree char *path = ladder_test_write ("team.ladder", team_xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
  g_autoptr(LadderLoaded) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  assert_int_equal (ladder_progress_get_stage (progress), LADDER_PROGRESS_READING);
  assert_true (ladder_progress_get_fraction (progress) < 0.0);
  loaded = ladder_loaded_read (file, ladder_catalogue_get_default (), progress, &error);
  assert_null (error);
  assert_non_null (loaded);
  assert_int_equal (ladder_chart_get_n_people (ladder_loaded_get_chart (loaded)), 3);
  assert_int_equal (ladder_progress_get_people (progress), 3);
  assert_int_equal (ladder_progress_get_bytes (progress, &total), strlen (team_xml));
  assert_int_equal (total, strlen (team_xml));
  assert_int_equal (ladder_progress_get_stage (progress), LADDER_PROGRESS_DONE);
  assert_true (ladder_progress_get_fraction (progress) == 1.0);

  /* Counted only on the thread the progress was set for: a read without
   * one leaves it alone. */
  g_clear_pointer (&loaded, ladder_loaded_free);
  loaded = ladder_loaded_read (file, ladder_catalogue_get_default (), NULL, &error);
  assert_non_null (loaded);
  assert_int_equal (ladder_progress_get_people (progress), 3);
}

static void
test_cancelled_read (void **state)
{
  g_autofree char *path = ladder_test_write ("team.ladder", team_xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LadderProgress) progress = ladder_progress_new (cancellable);
  g_autoptr(GError) error = NULL;
  LadderLoaded *loaded;

  g_cancellable_cancel (cancellable);
  loaded = ladder_loaded_read (file, ladder_catalogue_get_default (), progress, &error);
  assert_null (loaded);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  /* Stopped at the first chunk, before any person. */
  assert_int_equal (ladder_progress_get_people (progress), 0);
}

static void
test_document_takes_what_was_read (void **state)
{
  g_autofree char *path = ladder_test_write ("team.ladder", team_xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderDocument) document = ladder_document_new (ladder_catalogue_get_default ());
  LadderLoaded *loaded = ladder_loaded_read (file, ladder_catalogue_get_default (), NULL, NULL);
  LadderLayout *layout = ladder_loaded_steal_layout (loaded);
  LadderChart *chart = ladder_document_get_chart (document);
  const LadderBox *box;

  ladder_document_take_loaded (document, loaded);
  assert_int_equal (ladder_chart_get_n_people (chart), 3);
  assert_string_equal (ladder_document_get_title (document), "Team");
  assert_true (g_file_equal (ladder_document_get_file (document), file));
  assert_false (ladder_document_get_modified (document));
  assert_non_null (ladder_document_get_disk_stamp (document));
  /* The layout made on the reading thread places the cards of the chart
   * the document now holds: one under the other. */
  box = ladder_layout_get_box (layout, ladder_chart_lookup (chart, "pm"));
  assert_true (box->visible);
  assert_true (box->y == 2 * (LADDER_CARD_HEIGHT + LADDER_V_GAP));
  ladder_layout_free (layout);
}

static void
test_writer_in_steps (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (50);
  g_autofree char *whole = NULL;
  g_autofree char *stepped = NULL;
  LadderXmlWriter *writer;
  gsize whole_length = 0, stepped_length = 0;
  guint steps = 0;

  whole = ladder_xml_write (chart, &whole_length);
  writer = ladder_xml_writer_new (chart);
  while (!ladder_xml_writer_step (writer, 7))
    steps++;
  stepped = ladder_xml_writer_finish (writer, &stepped_length);
  /* 51 people, 7 at a time: 8 steps, the last one finishing. */
  assert_int_equal (steps, 7);
  assert_int_equal (stepped_length, whole_length);
  assert_string_equal (stepped, whole);
}

static gboolean
iterate_until (gboolean (*done) (void), guint seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done () && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return done ();
}

static gboolean
copy_queued (void)
{
  return ladder_autosave_get_n_pending () > 0;
}

/* A 30,001-person chart's copy is serialized in two slices: after the
 * timer, nothing is queued for the writer yet; an edit between the
 * slices starts it again, and what is written is the chart after it. */
static void
test_copy_in_slices (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (30000);
  g_autoptr(LadderDocument) document = ladder_document_new (ladder_catalogue_get_default ());
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "wide.ladder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderAutosave) autosave = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  LadderChart *held;
  guint last;

  ladder_document_replace (document, chart, NULL);
  assert_true (ladder_document_save_to (document, file, NULL));
  held = ladder_document_get_chart (document);
  last = ladder_chart_get_n_people (held) - 1;
  autosave = ladder_autosave_new (document);
  ladder_autosave_set_delay (autosave, 1);
  ladder_autosave_hold_writes (TRUE);

  ladder_document_rename (document, 0, "First");
  g_usleep (20 * 1000);
  /* The timer: the copy begins, its head and first slice at most. */
  assert_true (g_main_context_iteration (NULL, FALSE));
  assert_int_equal (ladder_autosave_get_n_pending (), 0);
  assert_false (g_file_test (ladder_autosave_get_path (autosave), G_FILE_TEST_EXISTS));

  ladder_document_rename (document, last, "Last");
  assert_true (iterate_until (copy_queued, 10));
  ladder_autosave_hold_writes (FALSE);
  ladder_autosave_wait_idle ();

  copy = ladder_test_read (ladder_autosave_get_path (autosave), NULL);
  expected = ladder_xml_write (held, NULL);
  assert_string_equal (copy, expected);
  assert_non_null (strstr (copy, "name=\"First\""));
  assert_non_null (strstr (copy, "name=\"Last\""));
  ladder_autosave_close (autosave);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_read_reports_progress),
    cmocka_unit_test (test_cancelled_read),
    cmocka_unit_test (test_document_takes_what_was_read),
    cmocka_unit_test (test_writer_in_steps),
    cmocka_unit_test (test_copy_in_slices),
  };
  g_autofree char *data_home = g_build_filename (ladder_test_tmpdir (), "data", NULL);

  /* Never the user's own recovery folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return cmocka_run_group_tests_name ("freeze", tests, NULL, NULL);
}
