/* test-import-dialog.c — the window's import dialog (SPEC, second part,
 * "Import"): counts, columns and titles changed and re-counted, Import,
 * the choices remembered per header, and the window's Open going through
 * it.  Runs under Xvfb (./run-tests); skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

static gboolean
counted (gpointer dialog)
{
  return !ladder_import_dialog_is_counting (dialog);
}

/* The count of the whole file, made on a worker, is in. */
static void
wait_counted (LadderImportDialog *dialog)
{
  assert_true (ladder_gui_wait_for (counted, dialog));
}

static void
accepted_cb (LadderImportDialog *dialog, guint *times)
{
  (*times)++;
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
  LadderImportOptions *options;
  const LadderImportPreview *preview;
  guint accepted = 0;

  SKIP_WITHOUT_DISPLAY ();
  dialog = new_dialog ("team.csv");
  /* The first rows at once; the counts from the worker. */
  preview = ladder_import_dialog_get_preview (dialog);
  assert_int_equal (preview->delimiter, ';');
  assert_int_equal (preview->rows->len, 4);
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "Counting…");
  assert_true (has_label (GTK_WIDGET (dialog), "The titles come with the counts of the whole file…"));
  wait_counted (dialog);
  assert_false (has_label (GTK_WIDGET (dialog), "The titles come with the counts of the whole file…"));
  assert_true (has_label (GTK_WIDGET (dialog), "Founder & CEO"));
  preview = ladder_import_dialog_get_preview (dialog);
  assert_true (preview->counted);
  assert_int_equal (preview->n_people, 4);
  assert_string_equal (ladder_import_dialog_get_summary (dialog),
                       "4 people, 1 at the top, 2 titles not recognised");

  options = ladder_import_dialog_get_options (dialog);
  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, "Worker");
  ladder_import_options_set_role (options, "Chef", "pm");
  ladder_import_dialog_refresh (dialog);
  wait_counted (dialog);
  assert_string_equal (ladder_import_dialog_get_summary (dialog),
                       "4 people, 1 at the top, 1 title not recognised");
  assert_string_equal (ladder_import_dialog_get_command_line (dialog),
                       "On the command line: --column name=Worker --role chef=pm");

  g_signal_connect (dialog, "accepted", G_CALLBACK (accepted_cb), &accepted);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  drain ();
  assert_int_equal (accepted, 1);

  /* A file with the same header opens with the same choices... */
  again = new_dialog ("next-month.csv");
  assert_string_equal (ladder_import_options_get_column (ladder_import_dialog_get_options (again),
                                                         LADDER_IMPORT_NAME), "Worker");
  wait_counted (again);
  assert_string_equal (ladder_import_dialog_get_summary (again),
                       "4 people, 1 at the top, 1 title not recognised");
  gtk_window_destroy (GTK_WINDOW (again));
  drain ();
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
  wait_counted (dialog);
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
  wait_counted (dialog);
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

/* The import dialog the window put up, or NULL. */
static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (LADDER_IS_IMPORT_DIALOG (toplevel))
        dialog = toplevel;
    }
  return dialog;
}

/* Open on a .json file shows the dialog; Import reads the file on the
 * window's worker, with the dialog's choices, and gives the window the
 * chart as a new, unsaved import. */
static void
test_window_open (void **state)
{
  g_autofree char *path = ladder_test_write ("team.json",
    "[{\"id\": \"a\", \"name\": \"Ada Obi\", \"title\": \"CEO\"},\n"
    " {\"id\": \"b\", \"pid\": \"a\", \"name\": \"Ben Cruz\", \"title\": \"Senior PM\"}]\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LadderWindow *window;
  GtkWindow *dialog;
  LadderChart *chart;

  SKIP_WITHOUT_DISPLAY ();
  window = ladder_window_new (ladder_gui_test_get_app ());
  gtk_window_present (GTK_WINDOW (window));
  ladder_window_open (window, file);
  drain ();
  dialog = find_dialog ();
  assert_non_null (dialog);
  assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (window)), 0);
  /* A file on disk is read again by the import, not kept by the dialog. */
  assert_null (ladder_import_dialog_get_content (LADDER_IMPORT_DIALOG (dialog)));

  ladder_import_options_set_role (ladder_import_dialog_get_options (LADDER_IMPORT_DIALOG (dialog)),
                                  "Senior PM", "pm");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  assert_null (find_dialog ());
  assert_true (ladder_window_is_loading (window));
  assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (window)), 0);
  drain ();
  chart = ladder_window_get_chart (window);
  assert_int_equal (ladder_chart_get_n_people (chart), 2);
  assert_string_equal (ladder_chart_get_role (chart, ladder_chart_lookup (chart, "b")), "pm");
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

static gpointer
write_pipe (gpointer path)
{
  /* Opening for writing waits for the reader: the dialog. */
  int fd = open (path, O_WRONLY);

  g_assert (fd >= 0);
  g_assert (write (fd, team_csv, sizeof team_csv - 1) == sizeof team_csv - 1);
  close (fd);
  return NULL;
}

/* A pipe gives its content once: the dialog keeps it and the window's
 * worker imports that, not the pipe again. */
static void
test_window_open_pipe (void **state)
{
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "team-pipe.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LadderWindow *window;
  GtkWindow *dialog;
  GThread *writer;

  SKIP_WITHOUT_DISPLAY ();
  assert_int_equal (mkfifo (path, 0600), 0);
  writer = g_thread_new ("writer", write_pipe, path);
  window = ladder_window_new (ladder_gui_test_get_app ());
  gtk_window_present (GTK_WINDOW (window));
  ladder_window_open (window, file);
  g_thread_join (writer);
  drain ();
  dialog = find_dialog ();
  assert_non_null (dialog);
  assert_int_equal (g_bytes_get_size (ladder_import_dialog_get_content (LADDER_IMPORT_DIALOG (dialog))),
                    sizeof team_csv - 1);
  wait_counted (LADDER_IMPORT_DIALOG (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  drain ();
  assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (window)), 4);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  unlink (path);
}

/* A JSON file whose first person does not fit in the beginning the
 * dialog reads at once: no error meanwhile, and the first rows come with
 * the counts. */
static void
test_long_first_person (void **state)
{
  g_autoptr(GString) json = g_string_new ("[{\"id\": \"a\", \"name\": \"Ada\", \"note\": \"");
  LadderImportDialog *dialog;
  const LadderImportPreview *preview;

  SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\"},\n {\"id\": \"b\", \"pid\": \"a\", \"name\": \"Ben\"}]\n");
  dialog = ladder_import_dialog_new (NULL, "long.json", json->str, json->len, LADDER_FILE_FORMAT_JSON, NULL);
  preview = ladder_import_dialog_get_preview (dialog);
  assert_non_null (preview->error);
  assert_int_equal (preview->rows->len, 0);
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "Counting…");
  assert_false (has_label (GTK_WIDGET (dialog), preview->error->message));
  assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (dialog)))));

  wait_counted (dialog);
  preview = ladder_import_dialog_get_preview (dialog);
  assert_null (preview->error);
  assert_int_equal (preview->headers->len, 4);
  assert_int_equal (preview->rows->len, 2);
  assert_string_equal (((char **) g_ptr_array_index (preview->rows, 1))[1], "Ben");
  assert_true (has_label (GTK_WIDGET (dialog), "Ben"));
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "2 people, 1 at the top, 0 titles not recognised");
  assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (dialog)))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static void
count_cb (LadderImportDialog *dialog, guint *times)
{
  (*times)++;
}

/* Changes while a count runs cancel it: only the last choices' counts
 * arrive, and they are what those choices give. */
static void
test_change_cancels_count (void **state)
{
  g_autoptr(GString) csv = g_string_new ("Employee ID;Worker;Job Title;Manager\n1;Ada Obi;Founder & CEO;\n");
  LadderImportDialog *dialog;
  LadderImportOptions *options;
  const LadderImportPreview *preview;
  guint counts = 0;

  SKIP_WITHOUT_DISPLAY ();
  for (guint i = 2; i <= 20000; i++)
    g_string_append_printf (csv, "%u;Person %u;%s;%u\n", i, i, i % 2 ? "Chef" : "Barista", i / 2);
  dialog = ladder_import_dialog_new (NULL, "big.csv", csv->str, csv->len, LADDER_FILE_FORMAT_DELIMITED, NULL);
  g_signal_connect (dialog, "counted", G_CALLBACK (count_cb), &counts);
  assert_true (ladder_import_dialog_is_counting (dialog));
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "Counting…");

  /* Two changes before the first count could come back (it comes back
   * only through this thread's main loop). */
  options = ladder_import_dialog_get_options (dialog);
  ladder_import_options_set_column (options, LADDER_IMPORT_NAME, "Worker");
  ladder_import_dialog_refresh (dialog);
  assert_true (ladder_import_dialog_is_counting (dialog));
  ladder_import_options_set_role (options, "Chef", "pm");
  ladder_import_options_set_column (options, LADDER_IMPORT_MANAGER, NULL);
  ladder_import_options_set_column (options, LADDER_IMPORT_ID, "Worker");
  ladder_import_dialog_refresh (dialog);
  assert_string_equal (ladder_import_dialog_get_summary (dialog), "Counting…");

  wait_counted (dialog);
  /* Let anything late come: it must not. */
  for (int i = 0; i < 20; i++)
    {
      drain ();
      g_usleep (5000);
    }
  assert_int_equal (counts, 1);
  preview = ladder_import_dialog_get_preview (dialog);
  assert_int_equal (preview->n_people, 20000);
  /* Ids are names now, which no manager value matches: all at the top. */
  assert_int_equal (preview->n_roots, 20000);
  assert_int_equal (preview->titles->len, 3);
  assert_string_equal (g_ptr_array_index (preview->titles, 2), "Chef");
  assert_string_equal (g_ptr_array_index (preview->title_roles, 2), "pm");
  assert_string_equal (ladder_import_dialog_get_summary (dialog),
                       "20000 people, 20000 at the top, 1 title not recognised");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static const char chart_a[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Chart A\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Bea\" manager=\"ceo\"/>\n"
  "</orgchart>\n";

/* The window still shows chart A, as it was: its file, one edit made
 * (modified, one step to undo). */
static void
assert_chart_a_edited (LadderGuiFixture *f)
{
  g_autofree char *path = g_file_get_path (ladder_window_get_file (f->window));

  assert_ptr_equal (ladder_window_get_chart (f->window), f->chart);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 2);
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart A");
  assert_string_equal (ladder_chart_get_name (f->chart, ladder_gui_person (f, "cpo")), "Bea Moss");
  assert_string_equal (path, f->path);
  assert_true (ladder_window_get_modified (f->window));
  assert_null (ladder_document_get_imported_from (f->document));
  assert_true (ladder_history_can_undo (ladder_document_get_history (f->document)));
}

/* Import from the dialog, then Cancel (the bar's button, or Escape) while
 * the window's worker reads: the chart, its file, the modified flag and
 * the history are as they were, then and after the worker ends. */
static void
cancel_dialog_import (gboolean button)
{
  g_autoptr(GString) csv = g_string_new ("id,name,title,manager\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  LadderGuiFixture *f;
  GtkWindow *dialog;
  GtkWidget *bar;

  for (guint i = 1; i <= 50000; i++)
    g_string_append_printf (csv, "%u,Person %u,Chef,%u\n", i, i, i / 2);
  path = ladder_test_write ("many.csv", csv->str);
  file = g_file_new_for_path (path);
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  ladder_document_rename (f->document, ladder_gui_person (f, "cpo"), "Bea Moss");
  assert_chart_a_edited (f);

  ladder_window_open (f->window, file);
  drain ();
  dialog = find_dialog ();
  assert_non_null (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  assert_true (ladder_window_is_loading (f->window));
  bar = ladder_gui_find (GTK_WIDGET (f->window), GTK_TYPE_PROGRESS_BAR, 0);
  assert_true (gtk_widget_get_visible (gtk_widget_get_parent (bar)));

  if (button)
    g_signal_emit_by_name (gtk_widget_get_next_sibling (bar), "clicked");
  else
    assert_true (ladder_gui_press_escape (GTK_WIDGET (f->window)));
  assert_false (ladder_window_is_loading (f->window));
  assert_false (gtk_widget_get_visible (gtk_widget_get_parent (bar)));
  assert_chart_a_edited (f);

  /* The worker ends on its own; nothing of it reaches the window. */
  for (int i = 0; i < 50; i++)
    {
      drain ();
      g_usleep (4000);
    }
  assert_chart_a_edited (f);
  ladder_gui_fixture_free (f);
}

static void
test_cancel_dialog_import (void **state)
{
  SKIP_WITHOUT_DISPLAY ();
  cancel_dialog_import (TRUE);
  cancel_dialog_import (FALSE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_counts_and_choices),
    cmocka_unit_test (test_refused),
    cmocka_unit_test (test_many_titles),
    cmocka_unit_test (test_window_open),
    cmocka_unit_test (test_window_open_pipe),
    cmocka_unit_test (test_change_cancels_count),
    cmocka_unit_test (test_long_first_person),
    cmocka_unit_test (test_cancel_dialog_import),
  };
  g_autofree char *choices = NULL;

  choices = g_build_filename (ladder_test_tmpdir (), "choices.ini", NULL);
  g_setenv ("LADDER_IMPORT_CHOICES", choices, TRUE);
  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
