/* ladder-window.c — the main window: widgets that show one document
 *
 * The window owns a LadderDocument (chart, history, findings, file) and
 * binds its widgets to it: the title and subtitle follow the document's
 * properties, the counts its findings, the canvas and the inspector call
 * its commands themselves.  Actions and dialogs are in
 * ladder-window-actions.c.
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
  return ladder_document_person_label (self->document, person);
}

void
ladder_window_update_title (LadderWindow *self)
{
  const char *name = ladder_document_get_title (self->document);
  g_autofree char *window_title = NULL;
  g_autofree char *shown = NULL;
  gboolean modified = ladder_document_get_modified (self->document);

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
}

/* ------------------------------------------------------------- findings */

static void
set_count (GtkLabel *label, guint count)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  gtk_label_set_label (label, text);
}

static void
findings_changed_cb (LadderWindow *self)
{
  LadderFindings *findings = ladder_document_get_findings (self->document);

  ladder_canvas_set_findings (self->canvas, findings);
  ladder_findings_panel_set_findings (self->findings_panel, self->chart, findings);
  set_count (self->error_count_label, ladder_findings_count (findings, LADDER_SEVERITY_ERROR));
  set_count (self->warning_count_label, ladder_findings_count (findings, LADDER_SEVERITY_WARNING));
  set_count (self->note_count_label, ladder_findings_count (findings, LADDER_SEVERITY_NOTE));
  ladder_window_update_accessible (self);
}

void
ladder_window_revalidate_now (LadderWindow *self)
{
  /* Checks now if a check is due; "notify::findings" does the rest. */
  ladder_document_get_findings (self->document);
}

LadderDocument *
ladder_window_get_document (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->document;
}

LadderAutosave *
ladder_window_get_autosave (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return self->autosave;
}

LadderFindings *
ladder_window_get_findings (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);
  return ladder_document_get_findings (self->document);
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
  ladder_canvas_go_to (self->canvas, person, TRUE);
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

      ladder_canvas_go_to (self->canvas, person, TRUE);
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
chart_changed_cb (LadderDocument *document, const LadderChange *change, LadderWindow *self)
{
  gboolean fold = change->kind == LADDER_CHANGE_FIELD && change->field == LADDER_FIELD_COLLAPSED;

  if (change->kind == LADDER_CHANGE_RESET || change->kind == LADDER_CHANGE_ADDED ||
      change->kind == LADDER_CHANGE_REMOVED || (change->kind == LADDER_CHANGE_FIELD && !fold))
    {
      if (self->match_flags != NULL)
        ladder_window_update_search (self);
    }

  if (change->kind == LADDER_CHANGE_REMOVED && change->person == ladder_window_get_selected (self))
    ladder_window_select (self, change->old_manager);
  if (change->kind == LADDER_CHANGE_RESET)
    ladder_window_select (self, LADDER_NONE);

  gtk_widget_set_visible (self->empty_state, ladder_chart_get_n_people (self->chart) == 0);
}

guint
ladder_window_add_role (LadderWindow *self, const char *role, guint manager)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  return ladder_canvas_add_role (self->canvas, role, manager);
}

gboolean
ladder_window_move_person (LadderWindow *self, guint person, guint manager, guint position,
                           GError **error)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);

  if (!ladder_document_move_person (self->document, person, manager, position, error))
    {
      if (error != NULL && *error != NULL)
        ladder_window_show_toast (self, (*error)->message);
      return FALSE;
    }
  ladder_canvas_go_to (self->canvas, person, FALSE);
  return TRUE;
}

static void
canvas_message_cb (LadderCanvas *canvas, const char *message, LadderWindow *self)
{
  ladder_window_show_toast (self, message);
}

static void
palette_role_activated_cb (LadderPalette *palette, const char *role, LadderWindow *self)
{
  ladder_window_add_role (self, role, ladder_window_get_selected (self));
}

static void
finding_activated_cb (LadderFindingsPanel *panel, guint person, LadderWindow *self)
{
  ladder_canvas_go_to (self->canvas, person, TRUE);
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
  ladder_document_replace (self->document, chart, file);
  ladder_window_track_file (self, NULL);
  ladder_window_update_actions (self);
  ladder_canvas_zoom_readable (self->canvas);
}

static void
import_chosen_cb (LadderImportDialog *dialog, LadderWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  ladder_window_import (self, file, ladder_import_dialog_get_content (dialog),
                        ladder_import_dialog_get_options (dialog));
}

static gboolean
present_dialog_idle (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

gboolean
ladder_window_offer_import (LadderWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  LadderImportDialog *dialog;

  /* Delimited text and JSON go through the import dialog first. */
  dialog = ladder_import_dialog_offer (GTK_WINDOW (self), file, self->catalogue, &error);
  if (dialog != NULL)
    {
      g_signal_connect_object (dialog, "accepted", G_CALLBACK (import_chosen_cb), self, 0);
      /* After the window itself, which a file given at start presents
       * only once this returns: the dialog then stays above it. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_dialog_idle, g_object_ref (dialog), g_object_unref);
      return TRUE;
    }
  if (error != NULL)
    {
      ladder_window_show_error (self, _("Could not open the chart"), error->message);
      return TRUE;
    }
  return FALSE;
}

gboolean
ladder_window_save_to (LadderWindow *self, GFile *file, GError **error)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!ladder_document_save_to (self->document, file, error))
    return FALSE;
  if (ladder_document_get_file (self->document) == file)
    ladder_window_track_file (self, ladder_document_get_disk_stamp (self->document));
  ladder_window_update_actions (self);
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
  return ladder_document_get_file (self->document);
}

gboolean
ladder_window_get_modified (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return ladder_document_get_modified (self->document);
}

gboolean
ladder_window_is_pristine (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return ladder_document_is_pristine (self->document) && self->loading == NULL;
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

  /* Folds are not changes: a window with only new folds closes at once. */
  if (self->close_confirmed || !ladder_document_get_modified (self->document))
    {
      ladder_settings_save_window (window, self->side_pane);
      return GTK_WINDOW_CLASS (ladder_window_parent_class)->close_request (window);
    }

  ladder_window_confirm_discard (self, close_then, NULL, NULL);
  return TRUE;
}

static void
ladder_window_dispose (GObject *object)
{
  LadderWindow *self = LADDER_WINDOW (object);

  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  ladder_window_cancel_loading (self);
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
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
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

  g_clear_pointer (&self->match_flags, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->toast, g_free);
  g_clear_pointer (&self->disk_warned, g_free);
  ladder_window_clear_compare (self);
  self->history = NULL;
  self->chart = NULL;
  self->catalogue = NULL;
  g_clear_object (&self->document);

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
  g_type_ensure (LADDER_TYPE_MINIMAP);
  g_type_ensure (LADDER_TYPE_PALETTE);
  g_type_ensure (LADDER_TYPE_INSPECTOR);
  g_type_ensure (LADDER_TYPE_FINDINGS_PANEL);
  g_type_ensure (LADDER_TYPE_PEOPLE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, redo_button);
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
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, minimap);
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
  ladder_window_init_loading (self);

  g_signal_connect_object (self->canvas, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "message", G_CALLBACK (canvas_message_cb), self, 0);
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

  if (catalogue == self->catalogue)
    return;
  /* The document checks against it from now on (findings notify). */
  ladder_document_set_catalogue (self->document, catalogue);
  self->catalogue = ladder_document_get_catalogue (self->document);
  ladder_palette_set_catalogue (self->palette, self->catalogue);
  ladder_canvas_set_document (self->canvas, self->document);
  ladder_inspector_bind (self->inspector, self->document);
  ladder_window_init_people (self);
  ladder_overview_bind (self->overview, self->chart, self->catalogue);
  ladder_window_compare_again (self);
}

LadderWindow *
ladder_window_new (LadderApplication *app)
{
  LadderWindow *self;

  g_return_val_if_fail (LADDER_IS_APPLICATION (app), NULL);

  self = g_object_new (LADDER_TYPE_WINDOW, "application", app, NULL);
  self->document = ladder_document_new (ladder_application_get_catalogue (app));
  self->chart = ladder_document_get_chart (self->document);
  self->history = ladder_document_get_history (self->document);
  self->catalogue = ladder_document_get_catalogue (self->document);
  /* The new chart's layout is a preference, not an edit. */
  ladder_chart_set_layout (self->chart, ladder_settings_get_default_layout ());
  ladder_history_clear (self->history);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (chart_changed_cb), self, 0);
  g_signal_connect_object (self->document, "notify::findings",
                           G_CALLBACK (findings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (ladder_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (ladder_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (ladder_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (ladder_window_update_title), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->document, "subtitle", self->subtitle_label, "label",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->document, "notify::folds-changed",
                           G_CALLBACK (ladder_window_update_actions), self, G_CONNECT_SWAPPED);
  self->autosave = ladder_autosave_new (self->document);
  g_signal_connect_object (self->autosave, "failed",
                           G_CALLBACK (ladder_window_show_toast), self, G_CONNECT_SWAPPED);
  ladder_window_init_keys (self);
  ladder_window_init_step_tooltips (self);

  ladder_palette_set_catalogue (self->palette, self->catalogue);
  ladder_canvas_set_document (self->canvas, self->document);
  ladder_minimap_bind (self->minimap, self->canvas, self->document);
  ladder_inspector_bind (self->inspector, self->document);
  ladder_window_init_people (self);
  ladder_window_init_compare (self);
  findings_changed_cb (self);
  ladder_window_update_title (self);
  ladder_window_update_actions (self);
  ladder_window_update_recent (self);
  ladder_window_watch_recent (self);
  gtk_widget_set_visible (self->empty_state, TRUE);
  ladder_settings_restore_window (GTK_WINDOW (self), self->side_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return self;
}
