/* test-autosave.c — recovery copies, the restore offer after a crash, and
 * the file that changed on disk behind the window's back.  Runs under
 * Xvfb (./run-tests); skipped without a display.  XDG_DATA_HOME points
 * into the test's temporary directory: the user's own recovery folder is
 * never touched. */
#include "ladder-gui-test.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sys/file.h>
#include <unistd.h>

#include "ladder-application.h"
#include "ladder-autosave.h"
#include "ladder-io.h"
#include "ladder-recovery-dialog.h"

static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Test team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"cpo\"/>\n"
  "</orgchart>\n";

/* What another program writes over it. */
static const char *other_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Changed elsewhere\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Zoe Quinn\"/>\n"
  "</orgchart>\n";

/* A session no running process holds. */
#define DEAD_SESSION "0123abcd-dead-beef-0000-000000000001"

static char *recovery_dir;

typedef LadderGuiFixture Fixture;

#define SKIP_WITHOUT_DISPLAY() LADDER_GUI_SKIP_WITHOUT_DISPLAY ()

/* ------------------------------------------------------------- helpers */

#define drain ladder_gui_drain

static gboolean
time_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @path exists (@exists) or not, at most
 * @timeout_ms; returns whether it got there. */
static gboolean
wait_for_file (const char *path, gboolean exists, guint timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, time_up, &expired);

  while (!expired && g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return g_file_test (path, G_FILE_TEST_EXISTS) == exists;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, time_up, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until a copy is queued for the worker. */
static gboolean
wait_for_queued_copy (guint timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, time_up, &expired);

  while (!expired && ladder_autosave_get_n_pending () == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return ladder_autosave_get_n_pending () > 0;
}

static gpointer
release_writer_cb (gpointer data)
{
  g_usleep (GPOINTER_TO_UINT (data) * 1000);
  ladder_autosave_hold_writes (FALSE);
  return NULL;
}

/* Lets the worker go in @ms milliseconds, from another thread: the main
 * thread may be blocked waiting for it by then. */
static GThread *
release_writer_later (guint ms)
{
  return g_thread_new ("release-writer", release_writer_cb, GUINT_TO_POINTER (ms));
}

/* Runs the main loop until the toast is no longer @text (at most 5 s). */
static void
wait_for_toast_other_than (LadderWindow *window, const char *text)
{
  for (int i = 0; i < 250 && g_strcmp0 (ladder_window_get_toast (window), text) == 0; i++)
    run_for (20);
}

static void
remove_tree (const char *root)
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  /* Breadth first without recursion; directories go last, deepest first. */
  g_ptr_array_add (dirs, g_strdup (root));
  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (g_ptr_array_index (dirs, i), 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          char *path = g_build_filename (g_ptr_array_index (dirs, i), name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            g_ptr_array_add (dirs, path);
          else
            {
              g_unlink (path);
              g_free (path);
            }
        }
    }
  for (guint i = dirs->len; i > 0; i--)
    g_rmdir (g_ptr_array_index (dirs, i - 1));
}

static char *
chart_bytes (LadderChart *chart)
{
  gsize length;

  return ladder_xml_write (chart, &length);
}

static char *
info_path_of (const char *chart_path)
{
  g_autofree char *base = g_strndup (chart_path, strlen (chart_path) - strlen (".ladder"));

  return g_strconcat (base, ".ini", NULL);
}

static guint
count_files (const char *dir, const char *suffix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* The text of every label in @widget, one per line, in tree order. */
static char *
label_texts (GtkWidget *widget)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (children, c);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }
  return g_string_free (text, FALSE);
}

static GtkWindow *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0 && gtk_widget_get_visible (w))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* Leaves @path (a recovery copy) as a Ladder that died would: owned by a
 * session nobody holds, under a new id.  Returns the new chart path. */
static char *
leave_as_crashed (const char *path, const char *id, const char *session)
{
  g_autofree char *info_path = info_path_of (path);
  g_autofree char *chart = NULL;
  g_autofree char *new_chart_name = g_strconcat (id, ".ladder", NULL);
  g_autofree char *new_info_name = g_strconcat (id, ".ini", NULL);
  g_autofree char *new_info = g_build_filename (recovery_dir, new_info_name, NULL);
  g_autofree char *info_data = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  gsize length;
  char *new_chart = g_build_filename (recovery_dir, new_chart_name, NULL);

  assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_string (info, "Recovery", "Session", session);
  info_data = g_key_file_to_data (info, &length, NULL);
  assert_true (g_file_set_contents (new_info, info_data, length, NULL));
  chart = ladder_test_read (path, &length);
  assert_non_null (chart);
  assert_true (g_file_set_contents (new_chart, chart, length, NULL));
  return new_chart;
}

/* The time of the copy described by @info_path, as the dialog shows it. */
static char *
copy_time (const char *info_path)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *saved = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  saved = g_key_file_get_string (info, "Recovery", "Saved", NULL);
  assert_non_null (saved);
  utc = g_date_time_new_from_iso8601 (saved, NULL);
  assert_non_null (utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* ------------------------------------------------------------- fixture */

static int
setup (void **state)
{
  LadderGuiFixture *f;

  if (!ladder_gui_test_have_display ())
    return 0;
  remove_tree (recovery_dir);
  f = ladder_gui_fixture_new ("team.ladder", team_xml);
  ladder_autosave_set_delay (ladder_window_get_autosave (f->window), 50);
  ladder_gui_drain ();
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  /* A test that failed while holding the writer would hang the close. */
  ladder_autosave_hold_writes (FALSE);
  ladder_gui_fixture_free (*state);
  return 0;
}

static void
rename_person (Fixture *f, const char *id, const char *name)
{
  guint p = ladder_chart_lookup (f->chart, id);

  assert_int_not_equal (p, LADDER_NONE);
  ladder_document_rename (f->document, p, name);
}

/* -------------------------------------------------------------- writing */

/* An edit leaves a copy that loads as the edited chart, and says what
 * the chart was; the user's own file is not touched. */
static void
test_edit_writes_copy (void **state)
{
  Fixture *f = *state;
  const char *copy;
  g_autofree char *info_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *file_key = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LadderChart) loaded = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  copy = ladder_autosave_get_path (ladder_window_get_autosave (f->window));
  assert_true (g_str_has_prefix (copy, recovery_dir));
  assert_true (g_str_has_suffix (copy, ".ladder"));

  /* Nothing unsaved, nothing written. */
  run_for (200);
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (copy, TRUE, 5000));

  loaded = ladder_xml_read_file (copy, &error);
  assert_null (error);
  assert_non_null (loaded);
  expected = chart_bytes (f->chart);
  got = chart_bytes (loaded);
  assert_string_equal (got, expected);
  assert_string_equal (ladder_chart_get_name (loaded, ladder_chart_lookup (loaded, "spm")),
                       "Eve Stone");

  info_path = info_path_of (copy);
  assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  uri = g_filename_to_uri (f->path, NULL, NULL);
  file_key = g_key_file_get_string (info, "Recovery", "File", NULL);
  title = g_key_file_get_string (info, "Recovery", "Title", NULL);
  assert_string_equal (file_key, uri);
  assert_string_equal (title, "Test team");
  assert_int_equal (g_key_file_get_integer (info, "Recovery", "People", NULL), 3);

  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, team_xml);

  /* A later edit updates the copy. */
  rename_person (f, "ceo", "Ada Obi-Lee");
  g_clear_object (&loaded);
  for (int i = 0; i < 100; i++)
    {
      run_for (20);
      g_clear_object (&loaded);
      loaded = ladder_xml_read_file (copy, NULL);
      if (loaded != NULL &&
          g_strcmp0 (ladder_chart_get_name (loaded, ladder_chart_lookup (loaded, "ceo")),
                     "Ada Obi-Lee") == 0)
        break;
    }
  assert_string_equal (ladder_chart_get_name (loaded, ladder_chart_lookup (loaded, "ceo")),
                       "Ada Obi-Lee");
}

/* The copy waits for a pause of the default delay (3 s), not less. */
static void
test_copy_waits_for_pause (void **state)
{
  Fixture *f = *state;
  const char *copy;
  gint64 start;

  SKIP_WITHOUT_DISPLAY ();
  ladder_autosave_set_delay (ladder_window_get_autosave (f->window), LADDER_AUTOSAVE_DELAY_MS);
  copy = ladder_autosave_get_path (ladder_window_get_autosave (f->window));
  start = g_get_monotonic_time ();
  rename_person (f, "spm", "Eve Stone");
  run_for (1000);
  rename_person (f, "spm", "Eve Stone-Ray");
  run_for (1500);
  /* 2.5 s after the first change, 1.5 s after the last: not yet. */
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_true (wait_for_file (copy, TRUE, 5000));
  assert_true (g_get_monotonic_time () - start >= (1000 + LADDER_AUTOSAVE_DELAY_MS) * 1000);
}

/* Saving removes the copy; so does undoing back to what is saved. */
static void
test_save_removes_copy (void **state)
{
  Fixture *f = *state;
  const char *copy;
  g_autofree char *info_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;

  SKIP_WITHOUT_DISPLAY ();
  copy = ladder_autosave_get_path (ladder_window_get_autosave (f->window));
  info_path = info_path_of (copy);
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (copy, TRUE, 5000));
  assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  drain ();
  assert_false (ladder_window_get_modified (f->window));
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  expected = chart_bytes (f->chart);
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, expected);

  /* Edit, copy, undo: back to the saved chart, and no copy. */
  rename_person (f, "ceo", "Ada Obi-Lee");
  assert_true (wait_for_file (copy, TRUE, 5000));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  drain ();
  assert_false (ladder_window_get_modified (f->window));
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  run_for (200);
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* A window closed on purpose (changes discarded) leaves no copy. */
static void
test_close_removes_copy (void **state)
{
  Fixture *f = *state;
  g_autofree char *copy = NULL;

  SKIP_WITHOUT_DISPLAY ();
  copy = g_strdup (ladder_autosave_get_path (ladder_window_get_autosave (f->window)));
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (copy, TRUE, 5000));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  drain ();
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_int_equal (count_files (recovery_dir, ".ini"), 0);
  assert_int_equal (count_files (recovery_dir, ".ladder"), 0);
}

/* The timer only queues the copy: the worker writes it, and the main loop
 * runs on meanwhile. */
static void
test_timer_writes_on_worker (void **state)
{
  Fixture *f = *state;
  const char *copy;
  g_autofree char *info_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(LadderChart) loaded = NULL;

  SKIP_WITHOUT_DISPLAY ();
  copy = ladder_autosave_get_path (ladder_window_get_autosave (f->window));
  info_path = info_path_of (copy);
  ladder_autosave_hold_writes (TRUE);
  rename_person (f, "spm", "Eve Stone");
  /* The timer (50 ms) goes off; nothing is written yet. */
  assert_true (wait_for_queued_copy (5000));
  expected = chart_bytes (f->chart);
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  /* Edits go on meanwhile; their copy waits for the one being written. */
  rename_person (f, "spm", "Eve Stone-Ray");
  run_for (300);
  assert_int_equal (ladder_autosave_get_n_pending (), 1);
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* Let go, without running the main loop again: the copy was queued,
   * as the chart was then. */
  ladder_autosave_hold_writes (FALSE);
  ladder_autosave_wait_idle ();
  assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));
  loaded = ladder_xml_read_file (copy, NULL);
  assert_non_null (loaded);
  got = chart_bytes (loaded);
  assert_string_equal (got, expected);

  /* Then the later edit's. */
  g_free (expected);
  expected = chart_bytes (f->chart);
  for (int i = 0; i < 250 && g_strcmp0 (got, expected) != 0; i++)
    {
      run_for (20);
      ladder_autosave_wait_idle ();
      g_clear_object (&loaded);
      g_free (got);
      loaded = ladder_xml_read_file (copy, NULL);
      got = loaded != NULL ? chart_bytes (loaded) : NULL;
    }
  assert_string_equal (got, expected);
  drain ();
  assert_null (ladder_window_get_toast (f->window));
}

/* Once @releaser has let the worker go and every queued copy is written,
 * there is no copy left. */
static void
assert_no_copy_once_written (GThread *releaser)
{
  g_thread_join (releaser);
  ladder_autosave_wait_idle ();
  drain ();
  assert_int_equal (count_files (recovery_dir, ".ladder"), 0);
  assert_int_equal (count_files (recovery_dir, ".ini"), 0);
}

/* A save right after a copy was queued leaves no copy behind, however
 * late the worker writes it; so do undo back to saved, and close. */
static void
test_removal_waits_for_queued_copy (void **state)
{
  Fixture *f = *state;
  g_autofree char *copy = NULL;
  GThread *releaser;

  SKIP_WITHOUT_DISPLAY ();
  copy = g_strdup (ladder_autosave_get_path (ladder_window_get_autosave (f->window)));

  /* Save. */
  ladder_autosave_hold_writes (TRUE);
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_queued_copy (5000));
  assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  releaser = release_writer_later (200);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  drain ();
  assert_false (ladder_window_get_modified (f->window));
  assert_no_copy_once_written (releaser);

  /* Undo back to what is saved. */
  rename_person (f, "ceo", "Ada Obi-Lee");
  assert_true (wait_for_file (copy, TRUE, 5000));
  ladder_autosave_hold_writes (TRUE);
  rename_person (f, "ceo", "Ada Obi-Lee-Ray");
  assert_true (wait_for_queued_copy (5000));
  releaser = release_writer_later (200);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  drain ();
  assert_false (ladder_window_get_modified (f->window));
  assert_no_copy_once_written (releaser);

  /* Close: the window goes before the worker reports back. */
  ladder_autosave_hold_writes (TRUE);
  rename_person (f, "spm", "Eve Stone-Ray");
  assert_true (wait_for_queued_copy (5000));
  releaser = release_writer_later (200);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  assert_no_copy_once_written (releaser);
}

/* A copy the worker could not write is said once, over the window, until
 * a copy is written again. */
static void
test_write_failure_reported (void **state)
{
  Fixture *f = *state;
  g_autofree char *copy = NULL;
  const char *toast;

  SKIP_WITHOUT_DISPLAY ();
  copy = g_strdup (ladder_autosave_get_path (ladder_window_get_autosave (f->window)));
  /* Nothing can be renamed over a folder. */
  assert_int_equal (g_mkdir_with_parents (copy, 0700), 0);
  ladder_window_show_toast (f->window, "-");
  rename_person (f, "spm", "Eve Stone");
  wait_for_toast_other_than (f->window, "-");
  toast = ladder_window_get_toast (f->window);
  assert_true (g_str_has_prefix (toast, "Could not keep a recovery copy: "));
  assert_non_null (strstr (toast, copy));

  /* Not again while it keeps failing. */
  ladder_window_show_toast (f->window, "-");
  ladder_autosave_hold_writes (TRUE);
  rename_person (f, "spm", "Eve Stone-Ray");
  assert_true (wait_for_queued_copy (5000));
  ladder_autosave_hold_writes (FALSE);
  ladder_autosave_wait_idle ();
  drain ();
  assert_string_equal (ladder_window_get_toast (f->window), "-");

  /* It works again, then fails again: said again. */
  assert_int_equal (g_rmdir (copy), 0);
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (copy, TRUE, 5000));
  ladder_autosave_wait_idle ();
  drain ();
  assert_string_equal (ladder_window_get_toast (f->window), "-");
  assert_int_equal (g_unlink (copy), 0);
  assert_int_equal (g_mkdir (copy, 0700), 0);
  rename_person (f, "spm", "Eve Stone-Ray");
  wait_for_toast_other_than (f->window, "-");
  assert_true (g_str_has_prefix (ladder_window_get_toast (f->window),
                                 "Could not keep a recovery copy: "));
  assert_int_equal (g_rmdir (copy), 0);
}

/* ------------------------------------------------------------- recovery */

/* A crash leaves the copy; the next start lists it and restoring gives
 * the edited chart, unsaved, to be saved to its original file. */
static void
test_crash_restore (void **state)
{
  Fixture *f = *state;
  g_autofree char *left = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *dead_lock = g_build_filename (recovery_dir, DEAD_SESSION ".lock", NULL);
  g_autofree char *left_info = NULL;
  g_autofree char *session = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected_line = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  LadderWindow *fresh;
  GtkWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "crashed-1",
                           DEAD_SESSION);
  left_info = info_path_of (left);
  expected = chart_bytes (f->chart);

  /* The next start: an empty window, then the offer. */
  fresh = ladder_window_new (ladder_gui_test_get_app ());
  gtk_window_present (GTK_WINDOW (fresh));
  drain ();
  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), fresh);
  assert_non_null (dialog);
  drain ();
  assert_ptr_equal (find_toplevel ("ladder-recovery"), dialog);
  assert_ptr_equal (gtk_window_get_transient_for (dialog), GTK_WINDOW (fresh));
  texts = label_texts (GTK_WIDGET (dialog));
  parse_name = g_filename_display_name (f->path);
  /* Only the dead one: this process's own copy is not offered. */
  assert_non_null (strstr (texts, "Restore unsaved charts?"));
  assert_non_null (strstr (texts, "Test team\n"));
  assert_non_null (strstr (texts, parse_name));
  when = copy_time (left_info);
  expected_line = g_strdup_printf ("Test team\n%s\nLast changed %s\n", parse_name, when);
  assert_non_null (strstr (texts, expected_line));
  assert_null (strstr (strstr (texts, "Test team\n") + 1, "Test team\n"));

  gtk_dialog_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_RESTORE);
  drain ();
  assert_null (find_toplevel ("ladder-recovery"));

  /* Restored into the empty window. */
  got = chart_bytes (ladder_window_get_chart (fresh));
  assert_string_equal (got, expected);
  assert_true (ladder_window_get_modified (fresh));
  /* No undo leads to a state that would count as saved. */
  assert_false (ladder_history_can_undo (ladder_document_get_history (ladder_window_get_document (fresh))));
  assert_non_null (ladder_window_get_file (fresh));
  assert_string_equal (g_file_peek_path (ladder_window_get_file (fresh)), f->path);
  toast = g_strdup_printf ("Restored the unsaved changes from %s", when);
  assert_string_equal (ladder_window_get_toast (fresh), toast);

  /* The copy now belongs to this process, the dead session's lock is gone. */
  assert_string_equal (ladder_autosave_get_path (ladder_window_get_autosave (fresh)), left);
  assert_true (g_file_test (left, G_FILE_TEST_EXISTS));
  assert_true (g_key_file_load_from_file (info, left_info, G_KEY_FILE_NONE, NULL));
  session = g_key_file_get_string (info, "Recovery", "Session", NULL);
  assert_string_not_equal (session, DEAD_SESSION);
  assert_false (g_file_test (dead_lock, G_FILE_TEST_EXISTS));
  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), fresh));

  /* Saving writes the original file and drops the copy. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (fresh), "win.save", NULL));
  drain ();
  assert_null (find_toplevel ("ladder-changed-on-disk"));
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, expected);
  assert_false (ladder_window_get_modified (fresh));
  assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (left_info, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (fresh));
}

/* An untitled chart comes back untitled; a window that is not empty is
 * left alone and the chart gets a window of its own. */
static void
test_crash_restore_untitled (void **state)
{
  Fixture *f = *state;
  g_autofree char *left = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *texts = NULL;
  GtkWindow *dialog;
  GListModel *toplevels;
  LadderWindow *restored = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *left_info = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected_line = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", "s", "empty"));
  drain ();
  ladder_window_add_role (f->window, "ceo", LADDER_NONE);
  drain ();
  assert_null (ladder_window_get_file (f->window));
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "crashed-2",
                           DEAD_SESSION);
  left_info = info_path_of (left);
  expected = chart_bytes (f->chart);

  toplevels = gtk_window_get_toplevels ();
  before = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      g_ptr_array_add (before, w);
    }
  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), f->window);
  assert_non_null (dialog);
  texts = label_texts (GTK_WIDGET (dialog));
  when = copy_time (left_info);
  expected_line = g_strdup_printf ("Untitled Chart\nNever saved\nLast changed %s\n", when);
  assert_non_null (strstr (texts, expected_line));
  gtk_dialog_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_RESTORE);
  drain ();

  /* A window of its own: the one chart window that was not there before. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (LADDER_IS_WINDOW (w) && !g_ptr_array_find (before, w, NULL))
        {
          assert_null (restored);
          restored = LADDER_WINDOW (w);
        }
    }
  assert_non_null (restored);
  got = chart_bytes (ladder_window_get_chart (restored));
  assert_string_equal (got, expected);
  assert_null (ladder_window_get_file (restored));
  assert_true (ladder_window_get_modified (restored));
  gtk_window_destroy (GTK_WINDOW (restored));
  drain ();
  assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
}

/* Discard deletes the copies for good. */
static void
test_crash_discard (void **state)
{
  Fixture *f = *state;
  g_autofree char *left = NULL;
  g_autofree char *left_info = NULL;
  GtkWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "crashed-3",
                           DEAD_SESSION);
  left_info = info_path_of (left);

  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), f->window);
  assert_non_null (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_DISCARD);
  drain ();
  assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (left_info, G_FILE_TEST_EXISTS));
  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));
  /* The window's own copy is still there: it is still unsaved. */
  assert_true (g_file_test (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), G_FILE_TEST_EXISTS));
}

/* Closing the dialog without choosing keeps the copies for next time. */
static void
test_crash_later (void **state)
{
  Fixture *f = *state;
  g_autofree char *left = NULL;
  GtkWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "crashed-4",
                           DEAD_SESSION);
  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), f->window);
  assert_non_null (dialog);
  gtk_window_close (dialog);
  drain ();
  assert_null (find_toplevel ("ladder-recovery"));
  assert_true (g_file_test (left, G_FILE_TEST_EXISTS));
  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), f->window);
  assert_non_null (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_DISCARD);
  drain ();
}

/* The copies of a Ladder that is still running are not offered. */
static void
test_running_session_not_offered (void **state)
{
  Fixture *f = *state;
  g_autofree char *left = NULL;
  g_autofree char *lock = g_build_filename (recovery_dir, "77777777-aaaa.lock", NULL);
  int fd;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));
  /* This process's own copy: not offered. */
  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));

  /* Another Ladder holds its lock. */
  fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  assert_true (fd >= 0);
  assert_int_equal (flock (fd, LOCK_EX | LOCK_NB), 0);
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "running-1",
                           "77777777-aaaa");
  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));
  assert_true (g_file_test (left, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* ... until it dies. */
  close (fd);
  assert_non_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));
  gtk_dialog_response (GTK_DIALOG (find_toplevel ("ladder-recovery")),
                       LADDER_RECOVERY_RESPONSE_DISCARD);
  drain ();
  assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* A damaged copy is set aside and said, not offered, and never a crash;
 * one good copy beside it is still offered. */
static void
test_damaged_copy (void **state)
{
  Fixture *f = *state;
  g_autofree char *bad_chart = NULL;
  g_autofree char *bad_info = NULL;
  g_autofree char *garbage_info = NULL;
  g_autofree char *damaged = g_build_filename (recovery_dir, "damaged", NULL);
  g_autofree char *moved = NULL;
  g_autofree char *left = NULL;
  g_autofree char *texts = NULL;
  GtkWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  assert_true (wait_for_file (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), TRUE, 5000));

  /* A chart cut short, and a description that is not one. */
  bad_chart = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "bad-chart",
                                DEAD_SESSION);
  assert_true (g_file_set_contents (bad_chart, "<?xml version=\"1.0\"?>\n<orgchart version=\"1\">\n"
                                    "  <person id=\"a\" role=\"ceo\"", -1, NULL));
  bad_info = g_build_filename (recovery_dir, "bad-info.ini", NULL);
  assert_true (g_file_set_contents (bad_info, "\x01\x02 not [a key file\n=", -1, NULL));
  garbage_info = g_build_filename (recovery_dir, "old-version.ini", NULL);
  assert_true (g_file_set_contents (garbage_info, "[Recovery]\nVersion=99\nSession=" DEAD_SESSION
                                    "\nSaved=2024-01-01T10:00:00Z\n", -1, NULL));

  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));
  assert_string_equal (ladder_window_get_toast (f->window), "A damaged recovery copy was set aside");
  assert_false (g_file_test (bad_chart, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (bad_info, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (garbage_info, G_FILE_TEST_EXISTS));
  moved = g_build_filename (damaged, "bad-chart.ladder", NULL);
  assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  assert_int_equal (count_files (damaged, ".ini"), 3);
  /* Not again. */
  ladder_window_show_toast (f->window, "-");
  assert_null (ladder_recovery_offer (ladder_gui_test_get_app (), f->window));
  assert_string_equal (ladder_window_get_toast (f->window), "-");

  /* Beside a good one: both in the dialog. */
  left = leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "good-1",
                           DEAD_SESSION);
  bad_chart = (g_free (bad_chart),
               leave_as_crashed (ladder_autosave_get_path (ladder_window_get_autosave (f->window)), "bad-2",
                                 DEAD_SESSION));
  assert_true (g_file_set_contents (bad_chart, "not xml at all", -1, NULL));
  dialog = ladder_recovery_offer (ladder_gui_test_get_app (), f->window);
  assert_non_null (dialog);
  texts = label_texts (GTK_WIDGET (dialog));
  assert_non_null (strstr (texts, "Test team\n"));
  assert_non_null (strstr (texts, "A recovery copy could not be read and was set aside as "));
  assert_non_null (strstr (texts, "bad-2.ladder"));
  gtk_dialog_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_DISCARD);
  drain ();
  assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
}

/* --------------------------------------------------------- changed on disk */

static void
overwrite_elsewhere (Fixture *f, const char *text)
{
  /* As git or another editor does: a new file renamed over it. */
  assert_true (g_file_set_contents (f->path, text, -1, NULL));
}

static void
test_changed_on_disk_detected (void **state)
{
  Fixture *f = *state;
  FILE *fp;

  SKIP_WITHOUT_DISPLAY ();
  assert_false (ladder_window_changed_on_disk (f->window));
  rename_person (f, "spm", "Eve Stone");
  assert_false (ladder_window_changed_on_disk (f->window));

  overwrite_elsewhere (f, other_xml);
  assert_true (ladder_window_changed_on_disk (f->window));

  /* Saved: in step again. */
  assert_true (ladder_window_save_to (f->window, ladder_window_get_file (f->window), NULL));
  assert_false (ladder_window_changed_on_disk (f->window));

  /* Changed in place, same size, same inode: the time tells. */
  g_usleep (30 * 1000);
  fp = fopen (f->path, "r+");
  assert_non_null (fp);
  assert_int_equal (fputc ('<', fp), '<');
  fclose (fp);
  assert_true (ladder_window_changed_on_disk (f->window));

  /* Deleted: a save overwrites nothing, so it does not ask. */
  assert_int_equal (g_unlink (f->path), 0);
  assert_false (ladder_window_changed_on_disk (f->window));
}

/* Save asks instead of overwriting; Cancel keeps both, Save Anyway
 * writes the chart, Reload shows the file. */
static void
test_changed_on_disk_save_asks (void **state)
{
  Fixture *f = *state;
  GtkWindow *dialog;
  g_autofree char *texts = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  overwrite_elsewhere (f, other_xml);

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  drain ();
  dialog = find_toplevel ("ladder-changed-on-disk");
  assert_non_null (dialog);
  texts = label_texts (GTK_WIDGET (dialog));
  assert_non_null (strstr (texts, "The file has changed on disk\n"));
  assert_non_null (strstr (texts, "Save Anyway\n"));
  assert_non_null (strstr (texts, "Reload\n"));
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, other_xml);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  drain ();
  assert_null (find_toplevel ("ladder-changed-on-disk"));
  g_free (on_disk);
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, other_xml);
  assert_true (ladder_window_get_modified (f->window));

  /* Save Anyway. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  drain ();
  dialog = find_toplevel ("ladder-changed-on-disk");
  assert_non_null (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  drain ();
  expected = chart_bytes (f->chart);
  g_free (on_disk);
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, expected);
  assert_false (ladder_window_get_modified (f->window));
  assert_false (ladder_window_changed_on_disk (f->window));

  /* Reload. */
  rename_person (f, "ceo", "Ada Obi-Lee");
  overwrite_elsewhere (f, other_xml);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  drain ();
  dialog = find_toplevel ("ladder-changed-on-disk");
  assert_non_null (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* reload */);
  drain ();
  assert_string_equal (ladder_chart_get_title (f->chart), "Changed elsewhere");
  assert_int_equal (ladder_chart_get_n_people (f->chart), 1);
  assert_false (ladder_window_get_modified (f->window));
  assert_false (ladder_window_changed_on_disk (f->window));
  g_free (on_disk);
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, other_xml);
}

/* "Save changes?" on close, Save, and the file changed: it asks too. */
static void
test_changed_on_disk_close (void **state)
{
  Fixture *f = *state;
  GtkWindow *question;
  GtkWindow *dialog;
  g_autofree char *on_disk = NULL;

  SKIP_WITHOUT_DISPLAY ();
  rename_person (f, "spm", "Eve Stone");
  overwrite_elsewhere (f, other_xml);
  gtk_window_close (GTK_WINDOW (f->window));
  drain ();
  question = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        question = GTK_WINDOW (w);
    }
  assert_non_null (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);  /* save */
  drain ();
  dialog = find_toplevel ("ladder-changed-on-disk");
  assert_non_null (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  drain ();
  /* Still open, still unsaved, the other program's file intact. */
  assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  assert_true (ladder_window_get_modified (f->window));
  on_disk = ladder_test_read (f->path, NULL);
  assert_string_equal (on_disk, other_xml);
}

/* The window says so when the file changes, without waiting for a save. */
static void
test_changed_on_disk_noticed (void **state)
{
  Fixture *f = *state;
  g_autofree char *expected = NULL;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_show_toast (f->window, "-");
  /* Its own save is not news. */
  rename_person (f, "spm", "Eve Stone");
  assert_true (ladder_window_save_to (f->window, ladder_window_get_file (f->window), NULL));
  run_for (500);
  assert_string_equal (ladder_window_get_toast (f->window), "-");

  overwrite_elsewhere (f, other_xml);
  wait_for_toast_other_than (f->window, "-");
  assert_string_equal (ladder_window_get_toast (f->window), "“team.ladder” has changed on disk");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_edit_writes_copy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_copy_waits_for_pause, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_removes_copy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_close_removes_copy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_timer_writes_on_worker, setup, teardown),
    cmocka_unit_test_setup_teardown (test_removal_waits_for_queued_copy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_write_failure_reported, setup, teardown),
    cmocka_unit_test_setup_teardown (test_crash_restore, setup, teardown),
    cmocka_unit_test_setup_teardown (test_crash_restore_untitled, setup, teardown),
    cmocka_unit_test_setup_teardown (test_crash_discard, setup, teardown),
    cmocka_unit_test_setup_teardown (test_crash_later, setup, teardown),
    cmocka_unit_test_setup_teardown (test_running_session_not_offered, setup, teardown),
    cmocka_unit_test_setup_teardown (test_damaged_copy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_on_disk_detected, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_on_disk_save_asks, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_on_disk_close, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_on_disk_noticed, setup, teardown),
  };
  g_autofree char *data_home = NULL;
  int failures;

  /* Never the user's own data dir: g_get_user_data_dir() reads this once. */
  data_home = g_build_filename (ladder_test_tmpdir (), "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  recovery_dir = g_build_filename (data_home, "ladder", "recovery", NULL);

  if (ladder_gui_test_init ())
    {
      g_autofree char *dir = ladder_recovery_dup_dir ();

      assert_string_equal (dir, recovery_dir);
    }
  failures = cmocka_run_group_tests (tests, NULL, NULL);
  remove_tree (data_home);
  return failures;
}
