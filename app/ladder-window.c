/* ladder-window.c — the main window: one chart, its history and views
 *
 * The window owns the document (chart, history, findings, file) and is
 * the one place where edits asked for by the canvas, the palette and the
 * search are made, each inside a history group so that it is one step.
 * Actions and dialogs are in ladder-window-actions.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-describe.h"
#include "ladder-import-dialog.h"
#include "ladder-import.h"
#include "ladder-io.h"
#include "ladder-settings.h"
#include "ladder-text.h"
#include "ladder-window-private.h"

G_DEFINE_FINAL_TYPE (LadderWindow, ladder_window, GTK_TYPE_APPLICATION_WINDOW)

#define TOAST_SECONDS 6

/* ---------------------------------------------------------------- labels */

const char *
ladder_window_person_label (LadderWindow *self, guint person)
{
  return ladder_describe_label (self->chart, self->catalogue, person);
}

/* ~/charts/team.ladder reads better than /home/ada/charts/... */
static char *
dup_display_path (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (parse_name, home) && parse_name[strlen (home)] == '/')
    return g_strconcat ("~", parse_name + strlen (home), NULL);
  return g_steal_pointer (&parse_name);
}

void
ladder_window_update_title (LadderWindow *self)
{
  const char *name = ladder_chart_get_title (self->chart);
  g_autofree char *basename = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *shown = NULL;
  gboolean modified = ladder_history_get_modified (self->history);

  if (name == NULL || *name == '\0')
    {
      if (self->file != NULL)
        name = basename = g_file_get_basename (self->file);
      else if (self->imported_from != NULL)
        {
          char *dot;

          name = basename = g_file_get_basename (self->imported_from);
          if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
            *dot = '\0';
        }
      else
        name = _("Untitled Chart");
    }

  /* The bullet marks unsaved changes, as GNOME editors do. */
  shown = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_label (self->title_label, shown);
  window_title = g_strdup_printf ("%s — %s", shown, _("Ladder"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  /* Only a chart with changes to save invites a click on Save. */
  if (modified)
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");

  if (self->file != NULL)
    {
      g_autofree char *path = dup_display_path (self->file);

      gtk_label_set_label (self->subtitle_label, path);
    }
  else if (self->imported_from != NULL)
    {
      g_autofree char *path = dup_display_path (self->imported_from);
      /* Translators: the subtitle of a chart read from a CSV file and not
       * yet saved as a chart */
      g_autofree char *text = g_strdup_printf (_("Imported from %s, not saved yet"), path);

      gtk_label_set_label (self->subtitle_label, text);
    }
  else
    gtk_label_set_label (self->subtitle_label, _("Not saved yet"));
}

/* ------------------------------------------------------------- findings */

static void
set_count (GtkLabel *label, guint count)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  gtk_label_set_label (label, text);
}

void
ladder_window_revalidate_now (LadderWindow *self)
{
  LadderFindings *old = self->findings;

  g_clear_handle_id (&self->validate_idle, g_source_remove);

  self->findings = ladder_validate (self->chart, self->catalogue);
  ladder_canvas_set_findings (self->canvas, self->findings);
  ladder_findings_panel_set_findings (self->findings_panel, self->chart, self->findings);
  g_clear_pointer (&old, ladder_findings_free);

  set_count (self->error_count_label, ladder_findings_count (self->findings, LADDER_SEVERITY_ERROR));
  set_count (self->warning_count_label, ladder_findings_count (self->findings, LADDER_SEVERITY_WARNING));
  set_count (self->note_count_label, ladder_findings_count (self->findings, LADDER_SEVERITY_NOTE));
  ladder_window_update_accessible (self);
}

static gboolean
revalidate_idle (gpointer user_data)
{
  LadderWindow *self = user_data;

  self->validate_idle = 0;
  ladder_window_revalidate_now (self);
  return G_SOURCE_REMOVE;
}

LadderFindings *
ladder_window_get_findings (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);

  if (self->validate_idle != 0 || self->findings == NULL)
    ladder_window_revalidate_now (self);
  return self->findings;
}

/* --------------------------------------------------------------- search */

static gboolean
contains_folded (const char *haystack, const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static void
update_search_status (LadderWindow *self)
{
  g_autofree char *text = NULL;

  if (self->matches == NULL || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No match"));
  else
    /* Translators: search position, "3 of 12" */
    text = g_strdup_printf (_("%u of %u"), self->match_index + 1, self->matches->len);
  gtk_label_set_label (self->search_status, text);
}

void
ladder_window_update_search (LadderWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree guint *order = NULL;
  guint n, capacity;

  g_clear_pointer (&self->match_flags, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  self->match_index = 0;

  if (!gtk_search_bar_get_search_mode (self->search_bar) || query[0] == '\0')
    {
      ladder_canvas_set_matches (self->canvas, NULL);
      update_search_status (self);
      return;
    }

  needle = g_utf8_casefold (query, -1);
  capacity = ladder_chart_get_capacity (self->chart);
  self->match_flags = g_new0 (guint8, MAX (capacity, 1));
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));

  /* In chart order, so that stepping goes down the tree. */
  order = g_new (guint, MAX (ladder_chart_get_n_people (self->chart), 1));
  n = ladder_chart_preorder (self->chart, order, FALSE);
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i];
      const char *role_id = ladder_chart_get_role (self->chart, p);
      const LadderRole *role = ladder_catalogue_lookup_role (self->catalogue, role_id);

      if (contains_folded (ladder_chart_get_name (self->chart, p), needle) ||
          contains_folded (ladder_chart_get_person_title (self->chart, p), needle) ||
          contains_folded (role_id, needle) ||
          (role != NULL && contains_folded (role->name, needle)))
        {
          self->match_flags[p] = 1;
          g_array_append_val (self->matches, p);
        }
    }
  ladder_canvas_set_matches (self->canvas, self->match_flags);
  update_search_status (self);
}

void
ladder_window_step_match (LadderWindow *self, int direction)
{
  guint person;

  if (self->matches == NULL)
    ladder_window_update_search (self);
  if (self->matches == NULL || self->matches->len == 0)
    return;

  self->match_index = (self->match_index + self->matches->len + direction) % self->matches->len;
  person = g_array_index (self->matches, guint, self->match_index);
  ladder_window_select (self, person);
  ladder_canvas_reveal (self->canvas, person, TRUE);
  update_search_status (self);
}

static void
search_changed_cb (LadderWindow *self)
{
  ladder_window_update_search (self);
  /* Jump to the first match as the user types. */
  if (self->matches != NULL && self->matches->len > 0)
    {
      guint person = g_array_index (self->matches, guint, 0);

      ladder_window_select (self, person);
      ladder_canvas_reveal (self->canvas, person, TRUE);
    }
}

static void
search_activate_cb (LadderWindow *self)
{
  ladder_window_step_match (self, +1);
}

static void
search_previous_cb (LadderWindow *self)
{
  ladder_window_step_match (self, -1);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, LadderWindow *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      ladder_window_step_match (self, -1);
      return TRUE;
    }
  return FALSE;
}

static void
search_mode_cb (LadderWindow *self)
{
  ladder_window_update_search (self);
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* ---------------------------------------------------------------- toast */

static gboolean
toast_timeout_cb (gpointer user_data)
{
  LadderWindow *self = user_data;

  self->toast_timeout = 0;
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
ladder_window_show_toast (LadderWindow *self, const char *message)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_free (self->toast);
  /* A message quoting a hostile file is cut: a huge label would spin. */
  self->toast = ladder_text_shorten (message, LADDER_TEXT_MESSAGE_MAX);
  gtk_label_set_label (self->toast_label, self->toast);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  self->toast_timeout = g_timeout_add_seconds (TOAST_SECONDS, toast_timeout_cb, self);
}

const char *
ladder_window_get_toast (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->toast;
}

void
ladder_window_hide_toast (LadderWindow *self)
{
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
}

/* ---------------------------------------------------------------- edits */

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderWindow *self)
{
  /* A whole new chart: the old findings name slots that may be gone. */
  if (change->kind == LADDER_CHANGE_RESET)
    ladder_window_revalidate_now (self);
  else if (self->validate_idle == 0)
    self->validate_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, revalidate_idle, self, NULL);

  if (change->kind == LADDER_CHANGE_RESET || change->kind == LADDER_CHANGE_ADDED ||
      change->kind == LADDER_CHANGE_REMOVED || change->kind == LADDER_CHANGE_FIELD)
    {
      if (self->match_flags != NULL)
        ladder_window_update_search (self);
    }

  if (change->kind == LADDER_CHANGE_REMOVED && change->person == ladder_window_get_selected (self))
    ladder_window_select (self, change->old_manager);
  if (change->kind == LADDER_CHANGE_RESET)
    ladder_window_select (self, LADDER_NONE);

  gtk_widget_set_visible (self->empty_state, ladder_chart_get_n_people (chart) == 0);
  if (change->kind == LADDER_CHANGE_CHART || change->kind == LADDER_CHANGE_RESET)
    ladder_window_update_title (self);
}

guint
ladder_window_add_role (LadderWindow *self, const char *role, guint manager)
{
  g_autoptr(GError) error = NULL;
  guint person;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  if (manager != LADDER_NONE && !ladder_chart_is_alive (self->chart, manager))
    manager = LADDER_NONE;

  ladder_history_begin_group (self->history, _("Add Person"));
  person = ladder_chart_add_person (self->chart, NULL, role, manager, LADDER_NONE, &error);
  ladder_history_end_group (self->history);

  if (person == LADDER_NONE)
    {
      ladder_window_show_toast (self, error->message);
      return LADDER_NONE;
    }

  ladder_window_select (self, person);
  ladder_canvas_start_rename (self->canvas, person);
  return person;
}

gboolean
ladder_window_move_person (LadderWindow *self, guint person, guint manager, guint position,
                           GError **error)
{
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (ladder_chart_is_alive (self->chart, person), FALSE);

  if (manager != LADDER_NONE && ladder_chart_is_above (self->chart, person, manager))
    {
      g_autofree char *message = NULL;

      if (manager == person)
        message = g_strdup_printf (_("Cannot move %s under themselves"),
                                   ladder_window_person_label (self, person));
      else
        message = g_strdup_printf (_("Cannot move %s under %s: %s reports to %s"),
                                   ladder_window_person_label (self, person),
                                   ladder_window_person_label (self, manager),
                                   ladder_window_person_label (self, manager),
                                   ladder_window_person_label (self, person));
      ladder_window_show_toast (self, message);
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE, message);
      return FALSE;
    }

  ladder_history_begin_group (self->history, _("Move Person"));
  ok = ladder_chart_reparent (self->chart, person, manager, position, error);
  ladder_history_end_group (self->history);
  return ok;
}

static gboolean
canvas_move_person_cb (LadderCanvas *canvas, guint person, guint manager, guint position,
                       LadderWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!ladder_window_move_person (self, person, manager, position, &error))
    {
      /* Cycles were already shown by move_person itself. */
      if (!g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE))
        ladder_window_show_toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
canvas_role_dropped_cb (LadderCanvas *canvas, const char *role, guint person, LadderWindow *self)
{
  ladder_window_add_role (self, role, person);
}

static void
canvas_rename_cb (LadderCanvas *canvas, guint person, const char *name, LadderWindow *self)
{
  if (!ladder_chart_is_alive (self->chart, person))
    return;
  if (g_strcmp0 (ladder_chart_get_name (self->chart, person), name) == 0)
    return;
  ladder_history_begin_group (self->history, _("Rename"));
  ladder_chart_set_name (self->chart, person, name[0] != '\0' ? name : NULL);
  ladder_history_end_group (self->history);
}

static void
canvas_toggle_fold_cb (LadderCanvas *canvas, guint person, LadderWindow *self)
{
  gboolean collapsed;

  if (!ladder_chart_is_alive (self->chart, person) ||
      ladder_chart_get_first_report (self->chart, person) == LADDER_NONE)
    return;
  collapsed = !ladder_chart_get_collapsed (self->chart, person);
  ladder_history_begin_group (self->history, collapsed ? _("Fold") : _("Unfold"));
  ladder_chart_set_collapsed (self->chart, person, collapsed);
  ladder_history_end_group (self->history);
}

static void
palette_role_activated_cb (LadderPalette *palette, const char *role, LadderWindow *self)
{
  ladder_window_add_role (self, role, ladder_window_get_selected (self));
}

static void
finding_activated_cb (LadderFindingsPanel *panel, guint person, LadderWindow *self)
{
  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return;
  ladder_window_select (self, person);
  ladder_canvas_reveal (self->canvas, person, TRUE);
}

/* ------------------------------------------------------------ selection */

guint
ladder_window_get_selected (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), LADDER_NONE);
  return ladder_canvas_get_selected (self->canvas);
}

void
ladder_window_select (LadderWindow *self, guint person)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (person != LADDER_NONE && !ladder_chart_is_alive (self->chart, person))
    person = LADDER_NONE;
  ladder_canvas_set_selected (self->canvas, person);
}

static void
selection_changed_cb (LadderWindow *self)
{
  ladder_inspector_set_person (self->inspector, ladder_canvas_get_selected (self->canvas));
  ladder_findings_panel_follow (self->findings_panel, ladder_canvas_get_selected (self->canvas));
  ladder_window_update_actions (self);
  ladder_window_update_accessible (self);
}

static void
zoom_changed_cb (LadderWindow *self)
{
  char text[16];
  double zoom = ladder_viewport_get_zoom (ladder_canvas_get_viewport (self->canvas));

  g_snprintf (text, sizeof text, "%d%%", (int) (zoom * 100.0 + 0.5));
  gtk_label_set_label (self->zoom_label, text);
}

/* ---------------------------------------------------------------- files */

void
ladder_window_replace_chart (LadderWindow *self, LadderChart *chart, GFile *file)
{
  /* take_contents emits RESET, which clears the history. */
  ladder_chart_take_contents (self->chart, chart);
  ladder_history_mark_saved (self->history);
  g_set_object (&self->file, file);
  g_clear_object (&self->imported_from);
  ladder_window_track_file (self, NULL);
  ladder_window_update_title (self);
  ladder_window_update_actions (self);
  ladder_canvas_zoom_readable (self->canvas);
}

gboolean
ladder_window_load (LadderWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LadderChart) chart = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: only local files can be opened"), uri);
      return FALSE;
    }

  /* Before reading: a change made while it is read then shows as one. */
  stamp = ladder_file_dup_stamp (file);
  chart = ladder_load_file (path, self->catalogue, warnings, error);
  if (chart == NULL)
    return FALSE;

  /* An import (CSV, TSV, JSON, or a file without a chart's extension) is
   * a new document, unsaved until it is saved as a chart: Save asks where
   * (the file itself stays as it is), closing asks first. */
  if (ladder_import_format_for_path (path, NULL) != LADDER_FILE_FORMAT_CHART)
    ladder_window_adopt_import (self, chart, file);
  else
    {
      ladder_window_replace_chart (self, chart, file);
      ladder_window_track_file (self, stamp);
    }

  ladder_window_add_recent (self, file);
  if (warnings->len > 0)
    ladder_window_show_toast (self, g_ptr_array_index (warnings, 0));
  return TRUE;
}

void
ladder_window_adopt_import (LadderWindow *self, LadderChart *chart, GFile *file)
{
  ladder_window_replace_chart (self, chart, NULL);
  g_set_object (&self->imported_from, file);
  ladder_history_mark_unsaved (self->history);
  ladder_window_update_title (self);
}

static void
import_chosen_cb (LadderImportDialog *dialog, LadderChart *chart, LadderWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  ladder_window_adopt_import (self, chart, file);
  ladder_window_add_recent (self, file);
}

static gboolean
present_dialog_idle (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

void
ladder_window_open (LadderWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  LadderImportDialog *dialog;

  g_return_if_fail (LADDER_IS_WINDOW (self));

  /* Delimited text and JSON go through the import dialog first. */
  dialog = ladder_import_dialog_offer (GTK_WINDOW (self), file, self->catalogue, &error);
  if (dialog != NULL)
    {
      g_signal_connect_object (dialog, "imported", G_CALLBACK (import_chosen_cb), self, 0);
      /* After the window itself, which a file given at start presents
       * only once this returns: the dialog then stays above it. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_dialog_idle, g_object_ref (dialog), g_object_unref);
      return;
    }
  if (error != NULL || !ladder_window_load (self, file, &error))
    ladder_window_show_error (self, _("Could not open the chart"), error->message);
}

gboolean
ladder_window_save_to (LadderWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                           _("Charts can only be saved to local files"));
      return FALSE;
    }
  if (!ladder_save_file (self->chart, path, error))
    return FALSE;

  /* Saving as CSV exports: the document stays what it was. */
  if (!ladder_path_is_csv (path))
    {
      g_autofree char *stamp = ladder_file_dup_stamp (file);

      ladder_history_mark_saved (self->history);
      g_set_object (&self->file, file);
      g_clear_object (&self->imported_from);
      ladder_window_track_file (self, stamp);
      ladder_window_update_title (self);
    }
  ladder_window_add_recent (self, file);
  return TRUE;
}

void
ladder_window_show_error (LadderWindow *self, const char *primary, const char *secondary)
{
  g_autofree char *shown = ladder_text_shorten (secondary, LADDER_TEXT_MESSAGE_MAX);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", shown);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
file_dropped_cb (GtkDropTarget *target, const GValue *value, double x, double y,
                 LadderWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  ladder_window_confirm_discard (self, (LadderWindowThen) ladder_window_open,
                                 g_object_ref (files->data), g_object_unref);
  return TRUE;
}

/* --------------------------------------------------------------- object */

GFile *
ladder_window_get_file (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
ladder_window_get_modified (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return ladder_history_get_modified (self->history);
}

gboolean
ladder_window_is_pristine (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return self->file == NULL && !ladder_history_get_modified (self->history) &&
         ladder_chart_get_n_people (self->chart) == 0;
}

LadderChart *
ladder_window_get_chart (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->chart;
}

LadderCatalogue *
ladder_window_get_catalogue (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->catalogue;
}

static void
close_then (LadderWindow *self, gpointer data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ladder_window_close_request (GtkWindow *window)
{
  LadderWindow *self = LADDER_WINDOW (window);

  if (self->close_confirmed || !ladder_history_get_modified (self->history))
    {
      ladder_settings_save_window (window);
      return GTK_WINDOW_CLASS (ladder_window_parent_class)->close_request (window);
    }

  ladder_window_confirm_discard (self, close_then, NULL, NULL);
  return TRUE;
}

static void
ladder_window_dispose (GObject *object)
{
  LadderWindow *self = LADDER_WINDOW (object);

  g_clear_handle_id (&self->validate_idle, g_source_remove);
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  /* Closed on purpose (saved, or the changes discarded): no recovery. */
  if (self->autosave != NULL)
    ladder_autosave_close (self->autosave);
  g_clear_object (&self->autosave);
  if (self->disk_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->disk_monitor, self);
      g_file_monitor_cancel (self->disk_monitor);
      g_clear_object (&self->disk_monitor);
    }
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  ladder_window_clear_compare (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_WINDOW);

  G_OBJECT_CLASS (ladder_window_parent_class)->dispose (object);
}

static void
ladder_window_finalize (GObject *object)
{
  LadderWindow *self = LADDER_WINDOW (object);

  g_clear_pointer (&self->findings, ladder_findings_free);
  g_clear_pointer (&self->match_flags, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->toast, g_free);
  g_clear_pointer (&self->disk_stamp, g_free);
  g_clear_pointer (&self->disk_warned, g_free);
  g_clear_object (&self->history);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->file);
  g_clear_object (&self->imported_from);

  G_OBJECT_CLASS (ladder_window_parent_class)->finalize (object);
}

static void
ladder_window_class_init (LadderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ladder_window_dispose;
  object_class->finalize = ladder_window_finalize;
  window_class->close_request = ladder_window_close_request;

  g_type_ensure (LADDER_TYPE_CANVAS);
  g_type_ensure (LADDER_TYPE_PALETTE);
  g_type_ensure (LADDER_TYPE_INSPECTOR);
  g_type_ensure (LADDER_TYPE_FINDINGS_PANEL);
  g_type_ensure (LADDER_TYPE_PEOPLE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, error_count_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, warning_count_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, note_count_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, empty_state);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, toast_close);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, compare_panel);

  ladder_window_class_init_actions (widget_class);
  ladder_window_class_init_compare (widget_class);
}

static void
ladder_window_init (LadderWindow *self)
{
  GtkEventController *key;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = ladder_chart_new ();
  ladder_chart_set_layout (self->chart, ladder_settings_get_default_layout ());
  self->history = ladder_history_new (self->chart);
  g_signal_connect (self->chart, "changed", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (ladder_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (ladder_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (ladder_window_update_title), self, G_CONNECT_SWAPPED);
  self->autosave = ladder_autosave_new (self);
  ladder_window_init_keys (self);

  g_signal_connect_object (self->canvas, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "move-person",
                           G_CALLBACK (canvas_move_person_cb), self, 0);
  g_signal_connect_object (self->canvas, "role-dropped",
                           G_CALLBACK (canvas_role_dropped_cb), self, 0);
  g_signal_connect_object (self->canvas, "rename", G_CALLBACK (canvas_rename_cb), self, 0);
  g_signal_connect_object (self->canvas, "toggle-fold",
                           G_CALLBACK (canvas_toggle_fold_cb), self, 0);
  g_signal_connect_object (ladder_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "role-activated",
                           G_CALLBACK (palette_role_activated_cb), self, 0);
  g_signal_connect_object (self->findings_panel, "person-activated",
                           G_CALLBACK (finding_activated_cb), self, 0);

  g_signal_connect_object (self->toast_close, "clicked",
                           G_CALLBACK (ladder_window_hide_toast), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->findings_button, "active", self->findings_panel, "visible",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (search_previous_cb), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  /* Shift+Enter must be seen before the entry turns it into "activate". */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  /* A chart file dropped anywhere on the window opens it. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (file_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
ladder_window_set_catalogue (LadderWindow    *self,
                             LadderCatalogue *catalogue)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;
  ladder_palette_set_catalogue (self->palette, self->catalogue);
  ladder_canvas_set_chart (self->canvas, self->chart, self->catalogue);
  ladder_inspector_bind (self->inspector, self->chart, self->history, self->catalogue);
  ladder_window_init_people (self);
  ladder_overview_bind (self->overview, self->chart, self->catalogue);
  ladder_window_revalidate_now (self);
  ladder_window_compare_again (self);
}

LadderWindow *
ladder_window_new (LadderApplication *app)
{
  LadderWindow *self;

  g_return_val_if_fail (LADDER_IS_APPLICATION (app), NULL);

  self = g_object_new (LADDER_TYPE_WINDOW, "application", app, NULL);
  self->catalogue = g_object_ref (ladder_application_get_catalogue (app));

  ladder_palette_set_catalogue (self->palette, self->catalogue);
  ladder_canvas_set_chart (self->canvas, self->chart, self->catalogue);
  ladder_inspector_bind (self->inspector, self->chart, self->history, self->catalogue);
  ladder_window_init_people (self);
  ladder_window_init_compare (self);
  ladder_window_revalidate_now (self);
  ladder_window_update_title (self);
  ladder_window_update_actions (self);
  ladder_window_update_recent (self);
  ladder_window_watch_recent (self);
  gtk_widget_set_visible (self->empty_state, TRUE);
  ladder_settings_restore_window (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return self;
}
