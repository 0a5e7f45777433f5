/* test-export-job.c — exports the window runs on a worker: from a
 * snapshot of the chart, counted and cancellable, and a cancelled one
 * leaves everything as it was. */
#include "ladder-test-util.h"

#include "ladder-chart-private.h"
#include "ladder-export.h"
#include "ladder-export-private.h"
#include "ladder-io.h"

#include <glib/gstdio.h>
#include <string.h>

/* The enterprise example, edited so that its slots are no longer in
 * chart order: someone removed (a dead slot), someone moved, someone
 * added, a team folded, dotted lines. */
static LadderChart *
edited_chart (void)
{
  g_autofree char *path = ladder_test_source_path ("examples/enterprise.ladder");
  g_autoptr(GError) error = NULL;
  LadderChart *chart = ladder_xml_read_file (path, &error);
  guint first, second, added;

  g_assert_no_error (error);
  first = ladder_chart_get_first_report (chart, ladder_chart_get_first_root (chart));
  second = ladder_chart_get_next_sibling (chart, first);
  g_assert_cmpuint (second, !=, LADDER_NONE);
  ladder_chart_remove_person (chart, ladder_chart_get_first_report (chart, second));
  added = ladder_chart_add_person (chart, "late-hire", "ic", first, 0, &error);
  g_assert_no_error (error);
  ladder_chart_set_name (chart, added, "Late <Hire> & Co");
  ladder_chart_set_note (chart, added, "started\nyesterday");
  ladder_chart_set_vacant (chart, ladder_chart_get_first_report (chart, first), TRUE);
  g_assert_true (ladder_chart_reparent (chart, second, first, 0, &error));
  g_assert_true (ladder_chart_add_dotted_line (chart, added, second, &error));
  ladder_chart_set_collapsed (chart, second, TRUE);
  return chart;
}

static char *
export_to (LadderChart *chart, const char *name, LadderExportOptions *options,
           LadderProgress *progress)
{
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), name, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (progress != NULL)
    ok = ladder_export_file_watched (chart, NULL, NULL, path, options, progress, &error);
  else
    ok = ladder_export_file (chart, NULL, NULL, path, options, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_free (options->notice);
  options->notice = NULL;
  return ladder_test_without_date (ladder_test_read (path, NULL));
}

/* Every format, whole or in part: the snapshot exported on its own
 * thread writes the bytes the chart itself writes. */
static void
test_snapshot_writes_the_same (void **state)
{
  static const char * const names[] = {
    "out.png", "out.svg", "out.pdf", "out.json", "out.graphml", "out.drawio", "out.dot",
    "out.mmd", "out.ladder", "out.csv",
  };
  g_autoptr(LadderChart) chart = edited_chart ();
  g_autoptr(LadderChart) snapshot = ladder_export_snapshot (chart);
  LadderExportOptions whole = { 0 }, shown = { .as_shown = TRUE }, levels = { .levels = 2 };
  LadderExportOptions *all[] = { &whole, &shown, &levels };

  assert_int_equal (ladder_chart_get_n_people (snapshot), ladder_chart_get_n_people (chart));
  assert_int_equal (ladder_chart_get_capacity (snapshot), ladder_chart_get_n_people (chart));
  assert_true (ladder_chart_get_capacity (chart) > ladder_chart_get_n_people (chart));
  for (guint o = 0; o < G_N_ELEMENTS (all); o++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
        g_autofree char *direct = export_to (chart, names[i], all[o], NULL);
        g_autofree char *watched = export_to (snapshot, names[i], all[o], progress);

        if (g_strcmp0 (direct, watched) != 0)
          fail_msg ("%s (options %u): the snapshot's export differs", names[i], o);
      }
}

/* Copied three people (or slots' dotted lines) at a time, the copy is
 * the one-step snapshot: the same .ladder file. */
static void
test_copy_in_slices (void **state)
{
  g_autoptr(LadderChart) chart = edited_chart ();
  g_autoptr(LadderChart) snapshot = ladder_export_snapshot (chart);
  g_autoptr(LadderChart) sliced = NULL;
  LadderExportCopy *copy = ladder_export_copy_new (chart);
  LadderExportOptions options = { 0 };
  g_autofree char *whole = NULL;
  g_autofree char *in_slices = NULL;
  guint steps = 1;

  while (!ladder_export_copy_step (copy, 3))
    steps++;
  sliced = ladder_export_copy_finish (copy);
  /* 38 people less one removed plus one added, then 39 slots. */
  assert_int_equal (steps, (38 + 39 + 2) / 3);
  whole = export_to (snapshot, "whole.ladder", &options, NULL);
  in_slices = export_to (sliced, "sliced.ladder", &options, NULL);
  assert_string_equal (in_slices, whole);

  /* Given up half-way: nothing leaks (the sanitizers' run). */
  copy = ladder_export_copy_new (chart);
  assert_false (ladder_export_copy_step (copy, 5));
  ladder_export_copy_free (copy);
}

/* A picture counts its cards; nothing else changes. */
static void
test_progress_counts_cards (void **state)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (40);
  g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
  LadderExportOptions options = { 0 };
  g_autofree char *svg = export_to (chart, "counted.svg", &options, progress);

  assert_int_equal (ladder_progress_get_people (progress), 41);
  assert_int_equal (ladder_chart_get_n_people (chart), 41);
}

typedef struct {
  LadderChart    *chart;
  LadderProgress *progress;
  char           *path;
  GError         *error;
  gboolean        ok;
} Job;

static gpointer
run_job (gpointer data)
{
  Job *job = data;
  LadderExportOptions options = { 0 };

  job->ok = ladder_export_file_watched (job->chart, NULL, NULL, job->path, &options,
                                        job->progress, &job->error);
  g_free (options.notice);
  return NULL;
}

/* What the Cancel button does, from the exporting thread's card. */
static void
cancel_now (gpointer data)
{
  g_cancellable_cancel (ladder_progress_get_cancellable (data));
}

/* Cancelled half-way (after @at of @n_reports + 1 cards): an error that
 * says so, the old file with its bytes, nothing beside it. */
static void
cancel_half_way (const char *name, guint n_reports, guint at)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (n_reports);
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  Job job = { chart, ladder_progress_new (NULL), NULL, NULL, FALSE };
  GThread *thread;
  guint n_files;

  job.path = ladder_test_write (name, "the old bytes\n");
  old = ladder_test_read (job.path, NULL);
  n_files = ladder_test_count_files ();

  ladder_export_watch_set_hook (at, cancel_now, job.progress);
  thread = g_thread_new ("export", run_job, &job);
  g_thread_join (thread);
  ladder_export_watch_set_hook (0, NULL, NULL);

  assert_false (job.ok);
  if (!g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail_msg ("%s: not cancelled: %s", name, job.error ? job.error->message : "no error");
  assert_int_equal (ladder_progress_get_people (job.progress), at);
  now = ladder_test_read (job.path, NULL);
  assert_string_equal (now, old);
  assert_int_equal (ladder_test_count_files (), n_files);
  assert_int_equal (ladder_chart_get_n_people (chart), n_reports + 1);

  g_unlink (job.path);
  g_free (job.path);
  g_clear_error (&job.error);
  ladder_progress_unref (job.progress);
}

static void
test_cancel_svg (void **state)
{
  cancel_half_way ("cancelled.svg", 3000, 500);
}

static void
test_cancel_pdf (void **state)
{
  cancel_half_way ("cancelled.pdf", 3000, 500);
}

static void
test_cancel_png (void **state)
{
  cancel_half_way ("cancelled.png", 150, 40);
}

/* Cancelled before it began: not even a new file. */
static void
test_cancelled_writes_nothing (void **state)
{
  static const char * const names[] = { "never.json", "never.ladder", "never.csv", "never.svg" };
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (10);
  guint n_files = ladder_test_count_files ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
      g_autofree char *path = g_build_filename (ladder_test_tmpdir (), names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_cancellable_cancel (ladder_progress_get_cancellable (progress));
      assert_false (ladder_export_file_watched (chart, NULL, NULL, path, NULL, progress, &error));
      assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      assert_int_equal (ladder_test_count_files (), n_files);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_snapshot_writes_the_same),
    cmocka_unit_test (test_copy_in_slices),
    cmocka_unit_test (test_progress_counts_cards),
    cmocka_unit_test (test_cancel_svg),
    cmocka_unit_test (test_cancel_pdf),
    cmocka_unit_test (test_cancel_png),
    cmocka_unit_test (test_cancelled_writes_nothing),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
