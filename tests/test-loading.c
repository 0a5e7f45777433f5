/* test-loading.c — opening a file on a worker thread: the window keeps its
 * chart until the new one is read, shows what it is doing, and a cancelled
 * or failed open leaves everything as it was.  Files are FIFOs fed by a
 * thread of the test, so that an open can be stopped half-way for sure.
 * Needs a display; skipped without one. */
#include "ladder-gui-test.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char chart_a[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Chart A\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Bea\" manager=\"ceo\"/>\n"
  "</orgchart>\n";

static const char chart_b[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Chart B\">\n"
  "  <person id=\"b1\" role=\"ceo\" name=\"Cy\"/>\n"
  "  <person id=\"b2\" role=\"cpo\" name=\"Di\" manager=\"b1\"/>\n"
  "  <person id=\"b3\" role=\"vp-product\" name=\"Ed\" manager=\"b2\"/>\n"
  "</orgchart>\n";

/* What a feeder thread writes into a FIFO: @first, then (once @release is
 * set) @rest. */
typedef struct {
  char     *path;
  char     *first;
  char     *rest;
  gint      release;
} Feeder;

static gpointer
feed (gpointer data)
{
  Feeder *feeder = data;
  int fd = open (feeder->path, O_WRONLY);

  g_assert (fd >= 0);
  g_assert (write (fd, feeder->first, strlen (feeder->first)) == (gssize) strlen (feeder->first));
  while (!g_atomic_int_get (&feeder->release))
    g_usleep (1000);
  /* The reader may have gone: a cancelled open closes its end. */
  signal (SIGPIPE, SIG_IGN);
  if (write (fd, feeder->rest, strlen (feeder->rest)) < 0)
    g_assert (errno == EPIPE);
  close (fd);
  return NULL;
}

static GThread *
start_feeder (Feeder *feeder, const char *name, const char *first, const char *rest)
{
  feeder->path = g_build_filename (ladder_test_tmpdir (), name, NULL);
  unlink (feeder->path);
  g_assert (mkfifo (feeder->path, 0600) == 0);
  feeder->first = g_strdup (first);
  feeder->rest = g_strdup (rest);
  feeder->release = FALSE;
  return g_thread_new ("feeder", feed, feeder);
}

static void
finish_feeder (Feeder *feeder, GThread *thread)
{
  g_atomic_int_set (&feeder->release, TRUE);
  g_thread_join (thread);
  unlink (feeder->path);
  g_free (feeder->path);
  g_free (feeder->first);
  g_free (feeder->rest);
}

#define wait_for ladder_gui_wait_for

static gboolean
not_loading (gpointer window)
{
  return !ladder_window_is_loading (window);
}

static GtkWidget *
progress_bar (LadderGuiFixture *f)
{
  return ladder_gui_find (GTK_WIDGET (f->window), GTK_TYPE_PROGRESS_BAR, 0);
}

static const char *
progress_text (LadderGuiFixture *f)
{
  GtkWidget *label = gtk_widget_get_prev_sibling (progress_bar (f));

  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct {
  LadderGuiFixture *f;
  const char       *text;
} Shown;

static gboolean
text_shown (gpointer data)
{
  Shown *shown = data;

  return g_strcmp0 (progress_text (shown->f), shown->text) == 0;
}

/* The window still shows chart A, saved, with nothing to undo. */
static void
assert_chart_a (LadderGuiFixture *f)
{
  g_autofree char *path = g_file_get_path (ladder_window_get_file (f->window));

  assert_ptr_equal (ladder_window_get_chart (f->window), f->chart);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 2);
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart A");
  assert_string_equal (path, f->path);
  assert_false (ladder_window_get_modified (f->window));
  assert_null (ladder_document_get_imported_from (f->document));
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));
  ladder_gui_person (f, "cpo");
}

static void
test_open_keeps_chart_until_read (void **state)
{
  LadderGuiFixture *f;
  g_autofree char *path_b = NULL;
  g_autoptr(GFile) file_b = NULL;
  g_autoptr(LadderFindings) checked = NULL;
  LadderLayout *fresh;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  path_b = ladder_test_write ("b.ladder", chart_b);
  file_b = g_file_new_for_path (path_b);

  ladder_window_open (f->window, file_b);
  /* Returned at once: the bar is up, chart A is still there. */
  assert_true (ladder_window_is_loading (f->window));
  assert_true (gtk_widget_get_visible (gtk_widget_get_parent (progress_bar (f))));
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart A");

  assert_true (wait_for (not_loading, f->window));
  assert_false (gtk_widget_get_visible (gtk_widget_get_parent (progress_bar (f))));
  assert_int_equal (ladder_chart_get_n_people (f->chart), 3);
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart B");
  assert_true (g_file_equal (ladder_window_get_file (f->window), file_b));
  /* Checked on the worker, taken as they were: three people, no finding
   * lost or made up. */
  checked = ladder_validate (f->chart, ladder_window_get_catalogue (f->window));
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)),
                    ladder_findings_get_n (checked));
  /* Laid out on the worker too: where a layout made here puts each card. */
  fresh = ladder_layout_new ();
  ladder_layout_compute (fresh, f->chart);
  for (const char * const *id = (const char * const[]) { "b1", "b2", "b3", NULL }; *id; id++)
    {
      const LadderBox *taken = ladder_layout_get_box (ladder_canvas_get_layout (ladder_gui_canvas (f)),
                                                      ladder_gui_person (f, *id));
      const LadderBox *made = ladder_layout_get_box (fresh, ladder_gui_person (f, *id));

      assert_true (taken->x == made->x && taken->y == made->y && taken->visible == made->visible);
    }
  ladder_layout_free (fresh);
  ladder_gui_fixture_free (f);
}

/* @widget or a widget inside it has the CSS class @name. */
static gboolean
has_class_inside (GtkWidget *widget, const char *name)
{
  if (gtk_widget_has_css_class (widget, name))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_class_inside (child, name))
      return TRUE;
  return FALSE;
}

/* A pulsing bar has a tick callback that draws the window at every frame,
 * hidden or not: once the open is done it must stop. */
static void
test_open_stops_pulsing (void **state)
{
  LadderGuiFixture *f;
  g_autofree char *path_b = NULL;
  g_autoptr(GFile) file_b = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  path_b = ladder_test_write ("b.ladder", chart_b);
  file_b = g_file_new_for_path (path_b);

  ladder_window_open (f->window, file_b);
  /* Nothing read yet: no fraction, so the bar pulses. */
  assert_true (has_class_inside (progress_bar (f), "pulse"));
  assert_true (wait_for (not_loading, f->window));
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart B");
  assert_false (has_class_inside (progress_bar (f), "pulse"));
  ladder_gui_fixture_free (f);
}

/* Opens @name, fed half of @text, checks the bar says @shown, stops it
 * (with the Cancel button, or Escape) and checks chart A is as it was. */
static void
cancel_half_way (const char *name, const char *text, const char *shown, gboolean button)
{
  LadderGuiFixture *f;
  Feeder feeder;
  GThread *thread;
  g_autofree char *first = g_strndup (text, strlen (text) / 2);
  g_autoptr(GFile) file = NULL;
  Shown progress;

  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  thread = start_feeder (&feeder, name, first, text + strlen (first));
  file = g_file_new_for_path (feeder.path);
  ladder_window_open (f->window, file);

  progress.f = f;
  progress.text = shown;
  assert_true (wait_for (text_shown, &progress));
  assert_true (ladder_window_is_loading (f->window));
  assert_chart_a (f);

  if (button)
    g_signal_emit_by_name (gtk_widget_get_next_sibling (progress_bar (f)), "clicked");
  else
    assert_true (ladder_gui_press_escape (GTK_WIDGET (f->window)));
  assert_false (ladder_window_is_loading (f->window));
  assert_false (gtk_widget_get_visible (gtk_widget_get_parent (progress_bar (f))));
  assert_chart_a (f);

  /* The rest comes; the worker ends; nothing of it reaches the window. */
  finish_feeder (&feeder, thread);
  for (int i = 0; i < 50; i++)
    {
      ladder_gui_drain ();
      g_usleep (2000);
    }
  assert_chart_a (f);
  ladder_gui_fixture_free (f);
}

static void
test_cancel_open (void **state)
{
  g_autofree char *shown = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  shown = g_strdup_printf ("Opening slow.ladder: %u bytes read", (guint) (strlen (chart_b) / 2));
  cancel_half_way ("slow.ladder", chart_b, shown, TRUE);
  cancel_half_way ("slow.ladder", chart_b, shown, FALSE);
}

typedef struct {
  gboolean  done;
  GError   *error;
} Result;

static void
read_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Result *r = user_data;
  LadderLoaded *loaded = ladder_loaded_read_finish (result, &r->error);

  g_clear_pointer (&loaded, ladder_loaded_free);
  r->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Result *) data)->done;
}

static gboolean
people_read (gpointer progress)
{
  return ladder_progress_get_people (progress) > 0 ||
         ladder_progress_get_bytes (progress, NULL) > 0;
}

/* An import (a CSV) read on the worker, stopped half-way: the callback
 * hears it at once, though the worker is still waiting for the rest, and
 * the document is as it was.  (The window's Open shows CSV and JSON files
 * in the import dialog, which reads them itself.) */
static void
test_cancel_import (void **state)
{
  static const char csv[] =
    "id,name,role,manager\n"
    "c1,Fay,ceo,\n"
    "c2,Gus,cpo,c1\n"
    "c3,Hal,vp-product,c2\n";
  LadderGuiFixture *f;
  Feeder feeder;
  GThread *thread;
  g_autofree char *first = g_strndup (csv, strlen (csv) / 2);
  g_autoptr(GFile) file = NULL;
  g_autoptr(LadderProgress) progress = ladder_progress_new (NULL);
  Result result = { 0 };

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  thread = start_feeder (&feeder, "slow.csv", first, csv + strlen (first));
  file = g_file_new_for_path (feeder.path);
  ladder_loaded_read_async (file, ladder_window_get_catalogue (f->window), progress,
                            read_done_cb, &result);
  assert_true (wait_for (people_read, progress));
  assert_int_equal (ladder_progress_get_bytes (progress, NULL), strlen (first));
  assert_false (result.done);

  g_cancellable_cancel (ladder_progress_get_cancellable (progress));
  assert_true (wait_for (is_done, &result));
  assert_true (g_error_matches (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_chart_a (f);
  finish_feeder (&feeder, thread);
  ladder_gui_drain ();
  assert_chart_a (f);
  g_clear_error (&result.error);
  ladder_gui_fixture_free (f);
}

static void
test_failed_open_keeps_chart (void **state)
{
  LadderGuiFixture *f;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GListModel *toplevels;
  GtkWidget *dialog = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  path = ladder_test_write ("broken.ladder", "<orgchart version=\"1\"><person id=\"x\"");
  file = g_file_new_for_path (path);
  ladder_window_open (f->window, file);
  assert_true (wait_for (not_loading, f->window));
  assert_chart_a (f);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window))
        dialog = window;
    }
  assert_non_null (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ladder_gui_fixture_free (f);
}

/* A second open takes the place of the first: only the second arrives. */
static void
test_second_open_wins (void **state)
{
  LadderGuiFixture *f;
  Feeder feeder;
  GThread *thread;
  g_autofree char *path_b = NULL;
  g_autoptr(GFile) slow = NULL, file_b = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  f = ladder_gui_fixture_new ("a.ladder", chart_a);
  thread = start_feeder (&feeder, "slow.ladder", "<?xml version=\"1.0\"?>\n", "<orgchart/>");
  slow = g_file_new_for_path (feeder.path);
  path_b = ladder_test_write ("b.ladder", chart_b);
  file_b = g_file_new_for_path (path_b);

  ladder_window_open (f->window, slow);
  ladder_window_open (f->window, file_b);
  assert_true (wait_for (not_loading, f->window));
  finish_feeder (&feeder, thread);
  ladder_gui_drain ();
  assert_string_equal (ladder_chart_get_title (f->chart), "Chart B");
  assert_true (g_file_equal (ladder_window_get_file (f->window), file_b));
  ladder_gui_fixture_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_open_keeps_chart_until_read),
    cmocka_unit_test (test_cancel_open),
    cmocka_unit_test (test_cancel_import),
    cmocka_unit_test (test_failed_open_keeps_chart),
    cmocka_unit_test (test_second_open_wins),
    cmocka_unit_test (test_open_stops_pulsing),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
