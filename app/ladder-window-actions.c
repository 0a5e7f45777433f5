/* ladder-window-actions.c — the window's actions, shortcuts and dialogs */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-export.h"
#include "ladder-export-dialog.h"
#include "ladder-import.h"
#include "ladder-io.h"
#include "ladder-print.h"
#include "ladder-settings.h"
#include "ladder-properties-dialog.h"
#include "ladder-window-private.h"

#define MAX_RECENT 8
/* How our entries are marked in the recent-files list. */
#define RECENT_APP_NAME "ladder"

/* ------------------------------------------------- unsaved-changes guard */

typedef struct {
  LadderWindow    *self;
  LadderWindowThen then;
  gpointer         data;
  GDestroyNotify   destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  if (pending->then != NULL)
    pending->then (pending->self, pending->data);
  pending_free (pending);
}

static void save_as (LadderWindow *self, Pending *pending);

/* Runs what was pending once the chart is saved; freed by the caller. */
static void
pending_then (LadderWindow *self, gpointer data)
{
  Pending *pending = data;

  if (pending->then != NULL)
    pending->then (pending->self, pending->data);
}

static void
discard_response_cb (GtkDialog *dialog, int response, Pending *pending)
{
  LadderWindow *self = pending->self;

  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case GTK_RESPONSE_REJECT:       /* discard */
      pending_run (pending);
      break;
    case GTK_RESPONSE_ACCEPT:       /* save first */
      if (ladder_document_get_file (self->document) != NULL)
        ladder_window_save_checked (self, pending_then, pending, (GDestroyNotify) pending_free);
      else
        save_as (self, pending);
      break;
    default:
      pending_free (pending);
    }
}

void
ladder_window_confirm_discard (LadderWindow *self, LadderWindowThen then, gpointer data,
                               GDestroyNotify destroy)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog, *button;

  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;

  if (!ladder_document_get_modified (self->document))
    {
      pending_run (pending);
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s”?"),
                                   gtk_label_get_label (self->title_label) +
                                   (g_str_has_prefix (gtk_label_get_label (self->title_label), "• ")
                                    ? strlen ("• ") : 0));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, your changes will be lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------- choosers */

static void
add_filter (GtkFileChooser *chooser, const char *name, const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_response_cb (GtkNativeDialog *native, int response, LadderWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      ladder_window_open (self, file);
    }
  g_object_unref (native);
}

static void
open_then (LadderWindow *self, gpointer data)
{
  GtkFileChooserNative *native;
  static const char * const charts[] = { "*.ladder", "*.xml", "*.csv", "*.tsv", "*.txt", "*.json", NULL };
  static const char * const ladder[] = { "*.ladder", "*.xml", NULL };
  static const char * const csv[] = { "*.csv", "*.tsv", "*.txt", "*.json", NULL };
  static const char * const all[] = { "*", NULL };

  native = gtk_file_chooser_native_new (_("Open a Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Charts and people to import"), charts);
  add_filter (GTK_FILE_CHOOSER (native), _("Ladder charts"), ladder);
  add_filter (GTK_FILE_CHOOSER (native), _("People to import (CSV, TSV, JSON)"), csv);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), all);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_as_response_cb (GtkNativeDialog *native, int response, Pending *pending)
{
  LadderWindow *self = pending->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (ladder_window_save_to (self, file, &error))
        {
          pending_run (pending);
          g_object_unref (native);
          return;
        }
      ladder_window_show_error (self, _("Could not save the chart"), error->message);
    }
  pending_free (pending);
  g_object_unref (native);
}

static void
save_as (LadderWindow *self, Pending *pending)
{
  GtkFileChooserNative *native;
  g_autofree char *name = ladder_window_dup_suggested_name (self, ".ladder");
  g_autoptr(GFile) folder = ladder_window_dup_save_folder (self);
  static const char * const ladder[] = { "*.ladder", "*.xml", NULL };

  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->self = g_object_ref (self);
    }
  native = gtk_file_chooser_native_new (_("Save the Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Ladder charts"), ladder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_done_cb (LadderExportDialog *dialog, GFile *file, const char *notice,
                const char *error, LadderWindow *self)
{
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      ladder_window_show_error (self, _("Could not export the chart"), error);
      return;
    }
  base = g_file_get_basename (file);
  if (notice != NULL)
    message = g_strdup_printf (_("Exported to %s (%s)"), base, notice);
  else
    message = g_strdup_printf (_("Exported to %s"), base);
  ladder_window_show_toast (self, message);
  ladder_settings_remember_export (file);
}

/* -------------------------------------------------------------- actions */

static void
new_then (LadderWindow *self, gpointer data)
{
  const char *template = data;
  g_autoptr(LadderChart) chart = NULL;

  if (g_strcmp0 (template, "empty") == 0)
    {
      chart = ladder_chart_new ();
      ladder_chart_set_layout (chart, ladder_settings_get_default_layout ());
    }
  else
    {
      g_autofree char *path = g_strdup_printf ("/io/github/ladderchart/Ladder/templates/%s.ladder",
                                               template);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      gsize length;
      const char *text;

      if (bytes == NULL)
        {
          ladder_window_show_error (self, _("Could not start from the template"), path);
          return;
        }
      text = g_bytes_get_data (bytes, &length);
      chart = ladder_xml_read_memory (text, length, path, &error);
      if (chart == NULL)
        {
          ladder_window_show_error (self, _("Could not start from the template"), error->message);
          return;
        }
    }
  ladder_window_replace_chart (self, chart, NULL);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_confirm_discard (LADDER_WINDOW (widget), new_then,
                                 g_variant_dup_string (parameter, NULL), g_free);
}

static void
open_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_confirm_discard (LADDER_WINDOW (widget), open_then, NULL, NULL);
}

static void
open_recent_then (LadderWindow *self, gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (data);

  ladder_window_open (self, file);
}

static void
open_recent_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_confirm_discard (LADDER_WINDOW (widget), open_recent_then,
                                 g_variant_dup_string (parameter, NULL), g_free);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (ladder_document_get_file (self->document) == NULL)
    save_as (self, NULL);
  else
    ladder_window_save_checked (self, NULL, NULL, NULL);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save_as (LADDER_WINDOW (widget), NULL);
}

GFile *
ladder_window_dup_export_folder (LadderWindow *self)
{
  GFile *folder = ladder_settings_dup_export_folder ();

  if (folder == NULL)
    folder = ladder_window_dup_save_folder (self);
  return folder;
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  g_autofree char *suggested = ladder_window_dup_suggested_name (self, "");
  g_autoptr(GFile) folder = ladder_window_dup_export_folder (self);
  LadderExportDialog *dialog;

  dialog = ladder_export_dialog_new (GTK_WINDOW (self), self->chart, self->catalogue,
                                     ladder_window_get_selected (self), suggested, folder);
  g_signal_connect_object (dialog, "done", G_CALLBACK (export_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  ladder_print_window (GTK_WINDOW (self), self->chart, self->catalogue);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  guint person = ladder_document_undo (self->document);

  /* What changed is selected and shown, unfolded if need be. */
  if (person != LADDER_NONE)
    ladder_canvas_go_to (self->canvas, person, FALSE);
  else
    ladder_window_select (self, ladder_window_get_selected (self));
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  guint person = ladder_document_redo (self->document);

  if (person != LADDER_NONE)
    ladder_canvas_go_to (self->canvas, person, FALSE);
  else
    ladder_window_select (self, ladder_window_get_selected (self));
}

static void
properties_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  gtk_window_present (ladder_properties_dialog_new (GTK_WINDOW (self), self->document));
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_step_match (LADDER_WINDOW (widget), +1);
}

static void
find_previous_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_step_match (LADDER_WINDOW (widget), -1);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderCanvas *canvas = LADDER_WINDOW (widget)->canvas;

  if (g_str_equal (name, "win.zoom-in"))
    ladder_canvas_zoom_in (canvas);
  else if (g_str_equal (name, "win.zoom-out"))
    ladder_canvas_zoom_out (canvas);
  else if (g_str_equal (name, "win.zoom-fit"))
    ladder_canvas_zoom_fit (canvas);
  else
    ladder_canvas_zoom_reset (canvas);
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  guint person = ladder_window_get_selected (self);

  if (person == LADDER_NONE)
    return;
  ladder_document_remove_person (self->document, person);
}

static void
rename_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  guint person = ladder_window_get_selected (self);

  if (person != LADDER_NONE)
    ladder_canvas_start_rename (self->canvas, person);
}

static void
fold_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  guint person = ladder_window_get_selected (self);

  if (person != LADDER_NONE)
    ladder_document_fold (self->document, person,
                          !ladder_chart_get_collapsed (self->chart, person));
}

static void
add_role_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  ladder_window_add_role (self, g_variant_get_string (parameter, NULL),
                          ladder_window_get_selected (self));
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

char *
ladder_window_dup_step_tooltip (LadderWindow *self, gboolean redo)
{
  const char *step;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), NULL);

  step = redo ? ladder_history_get_redo_label (self->history)
              : ladder_history_get_undo_label (self->history);
  if (step == NULL || *step == '\0')
    return g_strdup (redo ? _("Redo (Shift+Ctrl+Z)") : _("Undo (Ctrl+Z)"));
  /* Translators: the Redo button's tooltip, "Redo Move Chen Li" */
  return redo ? g_strdup_printf (_("Redo %s (Shift+Ctrl+Z)"), step)
              /* Translators: the Undo button's tooltip, "Undo Move Chen Li" */
              : g_strdup_printf (_("Undo %s (Ctrl+Z)"), step);
}

/* Asked for when the tooltip shows, rather than set on every edit (which
 * makes GTK look for the window under the pointer each time). */
static gboolean
step_tooltip_cb (GtkWidget *button, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                 LadderWindow *self)
{
  g_autofree char *text = ladder_window_dup_step_tooltip (self, button == self->redo_button);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
ladder_window_init_step_tooltips (LadderWindow *self)
{
  gtk_widget_set_has_tooltip (self->undo_button, TRUE);
  gtk_widget_set_has_tooltip (self->redo_button, TRUE);
  g_signal_connect (self->undo_button, "query-tooltip", G_CALLBACK (step_tooltip_cb), self);
  g_signal_connect (self->redo_button, "query-tooltip", G_CALLBACK (step_tooltip_cb), self);
}

void
ladder_window_update_actions (LadderWindow *self)
{
  gboolean selected = ladder_window_get_selected (self) != LADDER_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 ladder_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 ladder_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fold", selected);
  ladder_window_update_key_actions (self);
}

/* --------------------------------------------------------------- recent */

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

void
ladder_window_update_recent (LadderWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (ladder_import_format_for_path (uri, NULL) != LADDER_FILE_FORMAT_UNKNOWN &&
          gtk_recent_info_has_application (info, RECENT_APP_NAME) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

void
ladder_window_add_recent (LadderWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  static char *groups[] = { (char *) "ladder", NULL };

  data.display_name = NULL;
  switch (ladder_import_format_for_path (uri, NULL))
    {
    case LADDER_FILE_FORMAT_DELIMITED:
      data.mime_type = (char *) (g_str_has_suffix (uri, ".tsv") ? "text/tab-separated-values"
                                 : g_str_has_suffix (uri, ".txt") ? "text/plain" : "text/csv");
      break;
    case LADDER_FILE_FORMAT_JSON:
      data.mime_type = (char *) "application/json";
      break;
    case LADDER_FILE_FORMAT_CHART:
    case LADDER_FILE_FORMAT_UNKNOWN:
    default:
      data.mime_type = (char *) "application/x-ladder+xml";
      break;
    }
  data.app_name = (char *) RECENT_APP_NAME;
  data.app_exec = (char *) "ladder %f";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
recent_changed_cb (GtkRecentManager *manager, LadderWindow *self)
{
  ladder_window_update_recent (self);
}

/* ----------------------------------------------------------- class init */

void
ladder_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.fold", NULL, fold_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", "s", add_role_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", "s", "empty");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);

  ladder_window_class_init_keys (widget_class);
}

void
ladder_window_watch_recent (LadderWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, 0);
}
