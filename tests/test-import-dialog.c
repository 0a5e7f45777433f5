/* test-import-dialog.c — the window's import dialog (SPEC, second part,
 * "Import"): counts, columns and titles changed and re-counted, Import,
 * the choices remembered per header, and the window's Open going through
 * it.  Runs under Xvfb (./run-tests); skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-import-dialog.h"

#define SKIP_WITHOUT_DISPLAY() LADDER_GUI_SKIP_WITHOUT_DISPLAY ()

static const char team_csv[] =
  "Employee ID;Worker;Job Title;Manager;Desk\n"
  "1;Ada Obi;Founder & CEO;;A1\n"
  "2;Ben Cruz;Chef;1;A2\n"
  "3;Cy Li;Chef;2;A3\n"
  "4;Di Ng;Barista;2;A4\n";

#define drain ladder_gui_drain

static void
imported_cb (LadderImportDialog *dialog, LadderChart *chart, LadderChart **out)
{
  g_set_object (out, chart);
}

static LadderImportDialog *
new_dialog (const char *name)
{
  return ladder_import_dialog_new (NULL, name, team_csv, sizeof team_csv - 1,
                                   LADDER_FILE_FORMAT_DELIMITED, NULL);
}

static void
test_counts_and_choices (void **state)
{
  LadderImportDialog *dialog;
  LadderImportDialog *again;
  g_autoptr(LadderChart) chart = NULL;
  LadderImportOptions *options;
  const LadderImportPreview *preview;

  SKIP_WITHOUT_DISPLAY ();
  dialog = new_dialog ("team.csv");
  preview = ladder_import_dialog_get_preview (dialog);
  assert_int_equal (preview->delimiter, ';');
  assert_int_equal (preview->rows->len, 4);
  assert_string_equal (ladder_import_dialog_get_summary (dialog),
                       "4 people, 1 at the top, 2 titles not recognised");

  options = ladder_import_dialog_get_options (dialog);
  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, "Worker");
  ladder_import_options_set_role (options, "Chef", "pm");
  ladder_import_dialog_refresh (dialog);
  assert_string_equal (ladder_import_dialog_get_summary (dialog),
                       "4 people, 1 at the top, 1 title not recognised");
  assert_string_equal (ladder_import_dialog_get_command_line (dialog),
                       "On the command line: --column name=Worker --role chef=pm");

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &chart);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  drain ();
  assert_non_null (chart);
  assert_string_equal (ladder_chart_get_name (chart, ladder_chart_lookup (chart, "2")), "Ben Cruz");
  assert_string_equal (ladder_chart_get_role (chart, ladder_chart_lookup (chart, "3")), "pm");

  /* A file with the same header opens with the same choices... */
  again = new_dialog ("next-month.csv");
  assert_string_equal (ladder_import_options_get_column (ladder_import_dialog_get_options (again),
                                                         LADDER_IMPORT_NAME), "Worker");
  assert_string_equal (ladder_import_dialog_get_summary (again),
                       "4 people, 1 at the top, 1 title not recognised");
  gtk_window_destroy (GTK_WINDOW (again));
  drain ();
}

/* Whether a label with @text is somewhere in @widget. */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Hundreds of distinct titles: the first 200 get a drop-down, the rest
 * are counted. */
static void
test_many_titles (void **state)
{
  g_autoptr(GString) csv = g_string_new ("id,name,title\n");
  LadderImportDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < 250; i++)
    g_string_append_printf (csv, "%u,Person %u,Job %u\n", i, i, i);
  dialog = ladder_import_dialog_new (NULL, "many.csv", csv->str, csv->len, LADDER_FILE_FORMAT_DELIMITED, NULL);
  assert_int_equal (ladder_import_dialog_get_preview (dialog)->titles->len, 250);
  assert_true (has_label (GTK_WIDGET (dialog), "Job 199"));
  assert_false (has_label (GTK_WIDGET (dialog), "Job 200"));
  assert_true (has_label (GTK_WIDGET (dialog), "and 50 more titles, which --role can map"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

/* A file that cannot be imported shows why, and Import is off. */
static void
test_refused (void **state)
{
  static const char bad[] = "Desk,Room\nA1,B2\n";
  LadderImportDialog *dialog;
  const LadderImportPreview *preview;

  SKIP_WITHOUT_DISPLAY ();
  dialog = ladder_import_dialog_new (NULL, "bad.csv", bad, sizeof bad - 1, LADDER_FILE_FORMAT_DELIMITED, NULL);
  preview = ladder_import_dialog_get_preview (dialog);
  assert_null (preview->chart);
  assert_string_equal (preview->error->message,
                       "bad.csv:1: error: the header has no column for an id, an email or a name "
                       "(its columns: “Desk”, “Room”); name one with --column id=HEADER");
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "This file cannot be imported as it is");
  assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (dialog)))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

/* Open on a .json file shows the dialog; Import gives the window the
 * chart as a new, unsaved import. */
static void
test_window_open (void **state)
{
  g_autofree char *path = ladder_test_write ("team.json",
    "[{\"id\": \"a\", \"name\": \"Ada Obi\", \"title\": \"CEO\"},\n"
    " {\"id\": \"b\", \"pid\": \"a\", \"name\": \"Ben Cruz\", \"title\": \"Senior PM\"}]\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LadderWindow *window;
  GtkWindow *dialog = NULL;
  GListModel *toplevels;

  SKIP_WITHOUT_DISPLAY ();
  window = ladder_window_new (ladder_gui_test_get_app ());
  gtk_window_present (GTK_WINDOW (window));
  ladder_window_open (window, file);
  drain ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (LADDER_IS_IMPORT_DIALOG (toplevel))
        dialog = toplevel;
    }
  assert_non_null (dialog);
  assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (window)), 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  drain ();
  assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (window)), 2);
  assert_null (ladder_window_get_file (window));
  assert_true (ladder_window_get_modified (window));

  /* And it is among the recent files, to be opened (and asked) again. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GtkRecentInfo) info = NULL;

    info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
    assert_non_null (info);
    assert_string_equal (gtk_recent_info_get_display_name (info), "team.json");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_counts_and_choices),
    cmocka_unit_test (test_refused),
    cmocka_unit_test (test_many_titles),
    cmocka_unit_test (test_window_open),
  };
  g_autofree char *choices = NULL;

  choices = g_build_filename (ladder_test_tmpdir (), "choices.ini", NULL);
  g_setenv ("LADDER_IMPORT_CHOICES", choices, TRUE);
  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
