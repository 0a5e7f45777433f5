/* test-export-dialog.c — the export dialog: which options each format
 * offers, what the switches give as export options, and exports through
 * it.  Needs a display; skipped without one. */
#include "ladder-gui-test.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ladder-export-dialog.h"
#include "ladder-export-private.h"
#include "ladder-io.h"

static gboolean have_display;

typedef struct {
  guint  n_done;
  char  *path;
  char  *notice;
  char  *error;
} Done;

static void
done_cb (LadderExportDialog *dialog, GFile *file, const char *notice, const char *error,
         Done *done)
{
  done->n_done++;
  g_free (done->path);
  g_free (done->notice);
  g_free (done->error);
  done->path = g_file_get_path (file);
  done->notice = g_strdup (notice);
  done->error = g_strdup (error);
}

static void
done_clear (Done *done)
{
  g_free (done->path);
  g_free (done->notice);
  g_free (done->error);
}

static LadderExportDialog *
new_dialog (LadderChart **chart, const char *selected_id)
{
  g_autofree char *path = ladder_test_source_path ("examples/scale-up.ladder");
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  LadderExportDialog *dialog;

  *chart = ladder_load_file (path, catalogue, NULL, NULL);
  assert_non_null (*chart);
  dialog = ladder_export_dialog_new (NULL, *chart, catalogue,
                                     selected_id ? ladder_chart_lookup (*chart, selected_id)
                                                 : LADDER_NONE,
                                     "scale-up", NULL);
  g_object_ref_sink (dialog);
  return dialog;
}

static GtkWidget *
child (LadderExportDialog *dialog, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), LADDER_TYPE_EXPORT_DIALOG,
                                                   name);

  assert_non_null (object);
  return GTK_WIDGET (object);
}

static void
set_active (LadderExportDialog *dialog, const char *name, gboolean active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, name)), active);
}

static void
test_options_follow_the_format (void **state)
{
  g_autoptr(LadderChart) chart = NULL;
  LadderExportDialog *dialog;
  LadderExportOptions options;

  if (!have_display)
    skip ();
  dialog = new_dialog (&chart, "dir-pay");

  /* PNG at first: scale 2, clean, everyone. */
  assert_string_equal (ladder_export_dialog_get_extension (dialog), ".png");
  ladder_export_dialog_get_options (dialog, &options);
  assert_true (options.scale == 2.0);
  assert_false (options.transparent);
  assert_false (options.findings);
  assert_false (options.as_shown);
  assert_int_equal (options.levels, 0);
  assert_null (options.root);
  assert_null (options.page);
  assert_true (gtk_widget_get_sensitive (child (dialog, "scale_spin")));
  assert_false (gtk_widget_get_sensitive (child (dialog, "page_dropdown")));
  assert_string_equal (gtk_check_button_get_label (GTK_CHECK_BUTTON (child (dialog, "root_check"))),
                       "Only the _team of Sofia Brandt");

  /* PDF: pages instead of scale. */
  assert_true (ladder_export_dialog_set_extension (dialog, ".pdf"));
  assert_false (gtk_widget_get_sensitive (child (dialog, "scale_spin")));
  assert_true (gtk_widget_get_sensitive (child (dialog, "page_dropdown")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (dialog, "page_dropdown")), 4);
  set_active (dialog, "findings_check", TRUE);
  set_active (dialog, "root_check", TRUE);
  set_active (dialog, "levels_check", TRUE);
  ladder_export_dialog_get_options (dialog, &options);
  assert_true (options.scale == 0);
  assert_string_equal (options.page, "a3-landscape");
  assert_true (options.findings);
  assert_string_equal (options.root, "dir-pay");
  assert_int_equal (options.levels, 3);

  /* "As shown" excludes levels. */
  set_active (dialog, "as_shown_check", TRUE);
  assert_false (gtk_widget_get_sensitive (child (dialog, "levels_spin")));
  ladder_export_dialog_get_options (dialog, &options);
  assert_true (options.as_shown);
  assert_int_equal (options.levels, 0);

  /* Data formats: no picture options, whatever the switches say. */
  assert_true (ladder_export_dialog_set_extension (dialog, ".graphml"));
  assert_false (gtk_widget_get_sensitive (child (dialog, "findings_check")));
  assert_false (gtk_widget_get_sensitive (child (dialog, "page_dropdown")));
  ladder_export_dialog_get_options (dialog, &options);
  assert_false (options.findings);
  assert_false (options.as_shown);
  assert_null (options.page);
  assert_int_equal (options.levels, 3);
  assert_false (ladder_export_dialog_set_extension (dialog, ".bmp"));
  assert_string_equal (ladder_export_dialog_get_extension (dialog), ".graphml");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Nobody selected: the team switch cannot be chosen. */
static void
test_no_selection (void **state)
{
  g_autoptr(LadderChart) chart = NULL;
  LadderExportDialog *dialog;
  LadderExportOptions options;

  if (!have_display)
    skip ();
  dialog = new_dialog (&chart, NULL);
  assert_false (gtk_widget_get_sensitive (child (dialog, "root_check")));
  set_active (dialog, "root_check", TRUE);
  ladder_export_dialog_get_options (dialog, &options);
  assert_null (options.root);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Runs the main loop until @dialog's export is over. */
static void
wait_for_export (LadderExportDialog *dialog)
{
  while (ladder_export_dialog_is_exporting (dialog))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_export_to (void **state)
{
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) chart2 = NULL;
  g_autofree char *team = g_build_filename (ladder_test_tmpdir (), "team", NULL);
  g_autofree char *expected = g_build_filename (ladder_test_tmpdir (), "team.json", NULL);
  g_autofree char *nowhere = g_build_filename (ladder_test_tmpdir (), "no", "such", "dir.svg", NULL);
  g_autofree char *json = NULL;
  LadderExportDialog *dialog;
  Done done = { 0 };

  if (!have_display)
    skip ();
  dialog = new_dialog (&chart, "spm-cards");
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);

  /* A name without extension gets the format's. */
  ladder_export_dialog_set_extension (dialog, ".json");
  set_active (dialog, "root_check", TRUE);
  assert_true (ladder_export_dialog_export_to (dialog, team));
  /* In the background: the dialog shows it, not modal, and is gone
   * when it is done. */
  assert_true (ladder_export_dialog_is_exporting (dialog));
  assert_int_equal (done.n_done, 0);
  assert_false (gtk_window_get_modal (GTK_WINDOW (dialog)));
  assert_true (gtk_widget_get_visible (child (dialog, "progress_box")));
  assert_false (gtk_widget_get_visible (child (dialog, "export_button")));
  wait_for_export (dialog);
  assert_int_equal (done.n_done, 1);
  assert_string_equal (done.path, expected);
  assert_null (done.error);
  assert_null (done.notice);
  json = ladder_test_read (expected, NULL);
  assert_true (g_str_has_prefix (json, "[\n  {\"id\": \"spm-cards\", \"name\": \"Elena Petrova\", "
                                       "\"role\": \"senior-pm\", \"title\": \"Senior PM, Cards\", "
                                       "\"manager\": null,"));

  g_object_unref (dialog);

  /* A refusal reaches the window as the message. */
  dialog = new_dialog (&chart2, NULL);
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);
  ladder_export_dialog_set_extension (dialog, ".svg");
  assert_true (ladder_export_dialog_export_to (dialog, nowhere));
  wait_for_export (dialog);
  assert_int_equal (done.n_done, 2);
  assert_non_null (done.error);
  assert_true (g_str_has_prefix (done.error, nowhere));

  g_object_unref (dialog);
  done_clear (&done);
}

/* The exporting thread held at a card until the test lets it go. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean reached;
  gboolean released;
} Hold;

static void
hold_here (gpointer data)
{
  Hold *hold = data;

  g_mutex_lock (&hold->lock);
  hold->reached = TRUE;
  g_cond_broadcast (&hold->cond);
  while (!hold->released)
    g_cond_wait (&hold->cond, &hold->lock);
  g_mutex_unlock (&hold->lock);
}

static gboolean
hold_reached (Hold *hold)
{
  gboolean reached;

  g_mutex_lock (&hold->lock);
  reached = hold->reached;
  g_mutex_unlock (&hold->lock);
  return reached;
}

static void
hold_release (Hold *hold)
{
  g_mutex_lock (&hold->lock);
  hold->released = TRUE;
  g_cond_broadcast (&hold->cond);
  g_mutex_unlock (&hold->lock);
}

/* A window on a chart of 1,501 people. */
static LadderGuiFixture *
big_window (void)
{
  g_autoptr(LadderChart) chart = ladder_test_wide_chart (1500);
  g_autofree char *xml = ladder_xml_write (chart, NULL);

  return ladder_gui_fixture_new ("wide.ladder", xml);
}

static LadderExportDialog *
window_dialog (LadderGuiFixture *f, const char *extension)
{
  LadderExportDialog *dialog;

  dialog = ladder_export_dialog_new (GTK_WINDOW (f->window), f->chart,
                                     ladder_catalogue_get_default (), LADDER_NONE, "wide", NULL);
  g_object_ref_sink (dialog);
  assert_true (ladder_export_dialog_set_extension (dialog, extension));
  return dialog;
}

/* Cancel half-way through drawing: the dialog gone at once, the file
 * with its old bytes, nothing beside it, the document and its history
 * as they were, no "done". */
static void
test_cancel_half_way (void **state)
{
  LadderGuiFixture *f = big_window ();
  g_autofree char *target = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  g_autofree char *chart_file = NULL;
  g_autofree char *label = NULL;
  LadderExportDialog *dialog;
  Hold hold = { 0 };
  Done done = { 0 };
  guint n_files, n_steps;
  gboolean modified;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  chart_file = ladder_test_read (f->path, NULL);
  target = ladder_test_write ("wide.svg", "<svg>the old drawing</svg>\n");
  old = ladder_test_read (target, NULL);
  n_files = ladder_test_count_files ();
  n_steps = ladder_history_get_n_steps (ladder_document_get_history (f->document));
  modified = ladder_document_get_modified (f->document);

  dialog = window_dialog (f, ".svg");
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);
  ladder_export_watch_set_hook (300, hold_here, &hold);
  assert_true (ladder_export_dialog_export_to (dialog, target));
  /* The window's loop runs while the worker draws. */
  while (!hold_reached (&hold))
    g_main_context_iteration (NULL, TRUE);
  while (label == NULL || strstr (label, "300 of 1501") == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_free (label);
      label = g_strdup (gtk_label_get_label (GTK_LABEL (child (dialog, "progress_label"))));
    }
  assert_string_equal (label, "Exporting wide.svg: 300 of 1501 people drawn");

  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  assert_true (ladder_export_dialog_is_exporting (dialog));
  hold_release (&hold);
  wait_for_export (dialog);
  ladder_export_watch_set_hook (0, NULL, NULL);
  ladder_gui_drain ();

  assert_int_equal (done.n_done, 0);
  now = ladder_test_read (target, NULL);
  assert_string_equal (now, old);
  assert_int_equal (ladder_test_count_files (), n_files);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 1501);
  assert_int_equal (ladder_history_get_n_steps (ladder_document_get_history (f->document)),
                    n_steps);
  assert_int_equal (ladder_document_get_modified (f->document), modified);
  g_free (now);
  now = ladder_test_read (f->path, NULL);
  assert_string_equal (now, chart_file);

  g_object_unref (dialog);
  done_clear (&done);
  ladder_gui_fixture_free (f);
}

/* The window closed half-way through: the dialog goes with it, the
 * worker stops and leaves nothing; nobody is told. */
static void
test_window_closed_half_way (void **state)
{
  LadderGuiFixture *f = big_window ();
  g_autofree char *target = g_build_filename (ladder_test_tmpdir (), "closed.pdf", NULL);
  LadderExportDialog *dialog;
  Hold hold = { 0 };
  Done done = { 0 };
  guint n_files;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  n_files = ladder_test_count_files ();
  dialog = window_dialog (f, ".pdf");
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);
  ladder_export_watch_set_hook (100, hold_here, &hold);
  assert_true (ladder_export_dialog_export_to (dialog, target));
  while (!hold_reached (&hold))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  assert_true (ladder_export_dialog_is_exporting (dialog));
  hold_release (&hold);
  wait_for_export (dialog);
  ladder_export_watch_set_hook (0, NULL, NULL);
  ladder_gui_drain ();

  if (done.n_done != 0)
    fail_msg ("told: %s, %s", done.path, done.error ? done.error : "written");
  assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_int_equal (ladder_test_count_files (), n_files);
  g_object_unref (dialog);
  ladder_gui_fixture_free (f);
}

/* Escape (the dialog's window.close) is Cancel: no new file. */
static void
test_escape_cancels (void **state)
{
  LadderGuiFixture *f = big_window ();
  g_autofree char *target = g_build_filename (ladder_test_tmpdir (), "escaped.svg", NULL);
  LadderExportDialog *dialog;
  Hold hold = { 0 };
  Done done = { 0 };

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  dialog = window_dialog (f, ".svg");
  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);
  ladder_export_watch_set_hook (10, hold_here, &hold);
  assert_true (ladder_export_dialog_export_to (dialog, target));
  while (!hold_reached (&hold))
    g_main_context_iteration (NULL, TRUE);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  hold_release (&hold);
  wait_for_export (dialog);
  ladder_export_watch_set_hook (0, NULL, NULL);

  assert_int_equal (done.n_done, 0);
  assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_object_unref (dialog);
  ladder_gui_fixture_free (f);
}

/* Exported from the window in the background, while the chart is
 * edited: the chart as it was copied, in the bytes the command line
 * writes of it. */
static void
test_same_bytes_as_the_command_line (void **state)
{
  static const char * const extensions[] = { ".svg", ".pdf", ".json" };
  LadderGuiFixture *f = big_window ();

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("cli", extensions[i], NULL);
      g_autofree char *cli = g_build_filename (ladder_test_tmpdir (), name, NULL);
      g_autofree char *window = g_build_filename (ladder_test_tmpdir (), "window", NULL);
      g_autofree char *window_file = g_strconcat (window, extensions[i], NULL);
      g_autofree char *option = g_strconcat ("--export=", cli, NULL);
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      g_auto(LadderTestRun) run = { 0 };
      LadderExportDialog *dialog;
      gboolean picture = i < 2;
      Hold hold = { 0 };
      Done done = { 0 };

      ladder_test_run_ladder (&run, option, f->path, NULL);
      assert_int_equal (run.status, 0);
      dialog = window_dialog (f, extensions[i]);
      g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &done);
      if (picture)
        ladder_export_watch_set_hook (1, hold_here, &hold);
      assert_true (ladder_export_dialog_export_to (dialog, window));
      if (picture)
        {
          guint first = ladder_chart_get_first_root (f->chart);

          while (!hold_reached (&hold))
            g_main_context_iteration (NULL, TRUE);
          ladder_chart_set_name (f->chart, first, "Someone Else");
          hold_release (&hold);
        }
      wait_for_export (dialog);
      ladder_export_watch_set_hook (0, NULL, NULL);
      if (picture)
        ladder_chart_set_name (f->chart, ladder_chart_get_first_root (f->chart), NULL);
      assert_int_equal (done.n_done, 1);
      assert_null (done.error);
      assert_string_equal (done.path, window_file);
      expected = ladder_test_without_date (ladder_test_read (cli, NULL));
      written = ladder_test_without_date (ladder_test_read (window_file, NULL));
      if (strcmp (expected, written) != 0)
        fail_msg ("%s: the window's export differs from the command line's", extensions[i]);
      g_object_unref (dialog);
      done_clear (&done);
    }
  ladder_gui_fixture_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_options_follow_the_format),
    cmocka_unit_test (test_no_selection),
    cmocka_unit_test (test_export_to),
    cmocka_unit_test (test_cancel_half_way),
    cmocka_unit_test (test_window_closed_half_way),
    cmocka_unit_test (test_escape_cancels),
    cmocka_unit_test (test_same_bytes_as_the_command_line),
  };

  have_display = ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
