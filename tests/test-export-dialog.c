/* test-export-dialog.c — the export dialog: which options each format
 * offers, what the switches give as export options, and exports through
 * it.  Needs a display; skipped without one. */
#include "ladder-test-util.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ladder-export-dialog.h"
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

static void
test_export_to (void **state)
{
  g_autoptr(LadderChart) chart = NULL;
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
  assert_int_equal (done.n_done, 1);
  assert_string_equal (done.path, expected);
  assert_null (done.error);
  assert_null (done.notice);
  json = ladder_test_read (expected, NULL);
  assert_true (g_str_has_prefix (json, "[\n  {\"id\": \"spm-cards\", \"name\": \"Elena Petrova\", "
                                       "\"role\": \"senior-pm\", \"title\": \"Senior PM, Cards\", "
                                       "\"manager\": null,"));

  /* A refusal reaches the window as the message. */
  ladder_export_dialog_set_extension (dialog, ".svg");
  assert_false (ladder_export_dialog_export_to (dialog, nowhere));
  assert_int_equal (done.n_done, 2);
  assert_non_null (done.error);
  assert_true (g_str_has_prefix (done.error, nowhere));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  done_clear (&done);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_options_follow_the_format),
    cmocka_unit_test (test_no_selection),
    cmocka_unit_test (test_export_to),
  };

  have_display = gtk_init_check ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
