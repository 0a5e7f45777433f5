/* ladder-window-disk.c — the window and what is on disk
 *
 * Another program may change the chart's file while it is open (a git
 * checkout, a colleague's script, a second Ladder).  The window remembers
 * what the file was when it last loaded or saved it, says so when it
 * changes, and asks before a save would overwrite the other changes.
 * Also here: a chart restored from a recovery copy, and where a chart
 * not saved yet is offered to be saved.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-window-private.h"

enum { RESPONSE_RELOAD = 1 };

/* ------------------------------------------------------------- watching */

static void
disk_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 LadderWindow *self)
{
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* A write in progress sends CHANGED many times, then one hint. */
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_MOVED_OUT && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->file == NULL)
    return;

  stamp = ladder_file_dup_stamp (self->file);
  /* Our own saves arrive here too, after the stamp was taken. */
  if (g_strcmp0 (stamp, self->disk_stamp) == 0 || g_strcmp0 (stamp, self->disk_warned) == 0)
    return;
  g_free (self->disk_warned);
  self->disk_warned = g_strdup (stamp);
  if (stamp == NULL)
    return;                             /* gone: saving will write it again */

  name = g_file_get_basename (self->file);
  message = g_strdup_printf (_("“%s” has changed on disk"), name);
  ladder_window_show_toast (self, message);
}

void
ladder_window_track_file (LadderWindow *self, const char *stamp)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  g_free (self->disk_stamp);
  self->disk_stamp = g_strdup (stamp);
  g_clear_pointer (&self->disk_warned, g_free);

  if (self->disk_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->disk_monitor, self);
      g_file_monitor_cancel (self->disk_monitor);
      g_clear_object (&self->disk_monitor);
    }
  if (self->file != NULL)
    {
      /* Nice to have: without it, the save still asks. */
      self->disk_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->disk_monitor != NULL)
        g_signal_connect (self->disk_monitor, "changed", G_CALLBACK (disk_changed_cb), self);
    }
}

gboolean
ladder_window_changed_on_disk (LadderWindow *self)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);

  if (self->file == NULL)
    return FALSE;
  stamp = ladder_file_dup_stamp (self->file);
  /* Deleted meanwhile: saving puts it back and overwrites nothing. */
  if (stamp == NULL)
    return FALSE;
  return g_strcmp0 (stamp, self->disk_stamp) != 0;
}

/* --------------------------------------------------------------- saving */

typedef struct {
  LadderWindow    *self;
  LadderWindowThen then;
  gpointer         data;
  GDestroyNotify   destroy;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->self);
  g_free (request);
}

static void
save_now (SaveRequest *request)
{
  LadderWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    return;
  if (!ladder_window_save_to (self, self->file, &error))
    ladder_window_show_error (self, _("Could not save the chart"), error->message);
  else if (request->then != NULL)
    request->then (self, request->data);
}

static void
changed_response_cb (GtkDialog *dialog, int response, SaveRequest *request)
{
  LadderWindow *self = request->self;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    save_now (request);
  else if (response == RESPONSE_RELOAD && self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      ladder_window_open (self, file);
    }
  save_request_free (request);
}

void
ladder_window_save_checked (LadderWindow *self, LadderWindowThen then, gpointer data,
                            GDestroyNotify destroy)
{
  SaveRequest *request;
  GtkWidget *dialog, *button;
  g_autofree char *name = NULL;

  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (self->file != NULL);

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->then = then;
  request->data = data;
  request->destroy = destroy;

  if (!ladder_window_changed_on_disk (self))
    {
      save_now (request);
      save_request_free (request);
      return;
    }

  name = g_file_get_parse_name (self->file);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   "%s", _("The file has changed on disk"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Another program changed “%s” after Ladder opened or "
                                              "saved it. Saving replaces those changes with this "
                                              "chart; reloading drops the chart’s unsaved changes "
                                              "and shows the file as it is now."),
                                            name);
  gtk_widget_set_name (dialog, "ladder-changed-on-disk");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Reload"), RESPONSE_RELOAD);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save _Anyway"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  /* Enter must not overwrite someone's work. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (changed_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ restoring */

gboolean
ladder_window_restore (LadderWindow *self, LadderRecoveryEntry *entry, GError **error)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->chart != NULL, FALSE);

  ladder_window_replace_chart (self, entry->chart, entry->file);
  /* What the file was when the chart was last in step with it: a save
   * asks if the file changed since, even while Ladder was not running. */
  ladder_window_track_file (self, entry->stamp);
  ladder_history_mark_unsaved (self->history);
  return ladder_autosave_adopt (self->autosave, entry, error);
}

/* ------------------------------------------------------ where to save */

/* Characters that some file system or desktop refuses in a file name. */
#define UNSAFE_IN_FILE_NAME "/\\:*?\"<>|"
/* Bytes: a file name is at most 255 on most file systems, with room for
 * the extension and a " (2)" a file chooser may add. */
#define MAX_TITLE_NAME 200

/* @title as a file name: unsafe characters and runs of spaces become one
 * space, no leading dot (a hidden file) or space, cut whole characters;
 * NULL when nothing is left. */
static char *
file_name_from_title (const char *title)
{
  GString *name = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          (c < 0x80 && strchr (UNSAFE_IN_FILE_NAME, (int) c) != NULL) ||
          (c == '.' && name->len == 0))
        {
          space = name->len > 0;
          continue;
        }
      if (name->len + (space ? 1 : 0) + (gsize) (g_utf8_next_char (p) - p) > MAX_TITLE_NAME)
        break;
      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    {
      g_string_free (name, TRUE);
      return NULL;
    }
  return g_string_free (name, FALSE);
}

char *
ladder_window_dup_suggested_name (LadderWindow *self, const char *extension)
{
  GFile *from;
  g_autofree char *base = NULL;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  /* team.csv, imported, is saved as team.ladder beside it. */
  from = self->file != NULL ? self->file : self->imported_from;
  if (from != NULL)
    {
      g_autofree char *name = g_file_get_basename (from);
      char *dot = strrchr (name, '.');

      if (dot != NULL && dot != name)
        *dot = '\0';
      base = g_steal_pointer (&name);
    }
  else
    base = file_name_from_title (ladder_chart_get_title (self->chart));
  if (base == NULL)
    base = g_strdup (_("Untitled Chart"));
  return g_strconcat (base, extension, NULL);
}

GFile *
ladder_window_dup_save_folder (LadderWindow *self)
{
  GFile *from;
  const char *documents;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);

  from = self->file != NULL ? self->file : self->imported_from;
  if (from != NULL)
    {
      GFile *parent = g_file_get_parent (from);

      if (parent != NULL)
        return parent;
    }
  /* Never the current folder: run from a source tree, that is the tree. */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}
