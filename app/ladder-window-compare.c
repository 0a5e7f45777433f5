/* ladder-window-compare.c — the window's Overview page, "Compare with…"
 * and the report counts on cards
 *
 * Both the Overview's chosen bar and a comparison mark cards; the window
 * keeps one array of marks (LadderCanvasMark bits) that it gives the
 * canvas.  A comparison keeps the older chart (OLD) and its findings, and
 * compares it with the open chart (NEW) again in an idle after an edit,
 * so the marks and the list follow the editing.  Neither is ever saved or
 * undone: they are the view.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-io.h"
#include "ladder-settings.h"
#include "ladder-window-private.h"

#define COUNTS_KEY "show-report-counts"

/* ---------------------------------------------------------------- marks */

static gboolean
overview_shown (LadderWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "overview") == 0;
}

/* The marks of the comparison and, while its page is shown, of the
 * Overview's chosen bar. */
static void
update_marks (LadderWindow *self)
{
  guint capacity = ladder_chart_get_capacity (self->chart);
  const guint *chosen = NULL;
  guint n_chosen = 0;
  gboolean any = FALSE;

  /* Pages going away in dispose may still say so. */
  if (self->marks == NULL)
    return;
  g_byte_array_set_size (self->marks, capacity);
  if (capacity > 0)
    memset (self->marks->data, 0, capacity);
  if (self->compare_diff != NULL)
    for (guint p = 0; p < MIN (capacity, self->compare_capacity); p++)
      if ((self->marks->data[p] = ladder_diff_get_person_flags (self->compare_diff, p)) != 0)
        any = TRUE;
  if (overview_shown (self))
    chosen = ladder_overview_get_chosen (self->overview, &n_chosen);
  for (guint i = 0; i < n_chosen; i++)
    if (chosen[i] < capacity)
      {
        self->marks->data[chosen[i]] |= LADDER_CANVAS_MARK_CHOSEN;
        any = TRUE;
      }
  ladder_canvas_set_marks (self->canvas, any ? self->marks->data : NULL, capacity);
}

static void
go_to_person_cb (GtkWidget *source, guint person, LadderWindow *self)
{
  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return;
  ladder_window_select (self, person);
  ladder_canvas_reveal (self->canvas, person, TRUE);
}

/* ------------------------------------------------------------ comparing */

/* The Changes tab is there only while comparing. */
static void
set_changes_page (LadderWindow *self, gboolean shown)
{
  gtk_stack_page_set_visible (gtk_stack_get_page (self->side_stack,
                                                  GTK_WIDGET (self->compare_panel)), shown);
}

gboolean
ladder_window_is_comparing (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return self->compare_old != NULL;
}

static void
compare_now (LadderWindow *self)
{
  g_clear_handle_id (&self->compare_idle, g_source_remove);
  g_clear_pointer (&self->compare_diff, ladder_diff_free);
  if (self->compare_old == NULL)
    return;
  /* Another rules file: OLD's findings by the same rules as NEW's. */
  if (self->compare_catalogue != self->catalogue)
    {
      g_clear_pointer (&self->compare_old_findings, ladder_findings_free);
      self->compare_old_findings = ladder_validate_with (self->compare_old, self->catalogue,
                                                       LADDER_VALIDATE_UNNAMED);
      g_set_object (&self->compare_catalogue, self->catalogue);
    }
  self->compare_diff = ladder_diff_new (self->compare_old, self->compare_old_findings,
                                        self->chart, ladder_window_get_findings (self),
                                        self->catalogue);
  self->compare_capacity = ladder_chart_get_capacity (self->chart);
  ladder_compare_panel_show_diff (self->compare_panel, self->compare_diff, self->compare_old,
                                  self->chart, self->compare_name);
  update_marks (self);
}

void
ladder_window_compare_again (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  compare_now (self);
}

static gboolean
compare_idle_cb (gpointer data)
{
  LadderWindow *self = data;

  self->compare_idle = 0;
  compare_now (self);
  return G_SOURCE_REMOVE;
}

void
ladder_window_leave_comparison (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (self->compare_old == NULL)
    return;
  g_clear_handle_id (&self->compare_idle, g_source_remove);
  g_clear_pointer (&self->compare_diff, ladder_diff_free);
  g_clear_pointer (&self->compare_old_findings, ladder_findings_free);
  g_clear_object (&self->compare_catalogue);
  g_clear_object (&self->compare_old);
  g_clear_pointer (&self->compare_name, g_free);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "changes") == 0)
    gtk_stack_set_visible_child_name (self->side_stack, "findings");
  set_changes_page (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-leave", FALSE);
  update_marks (self);
}

gboolean
ladder_window_compare_with (LadderWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  LadderChart *old_chart;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: only local files can be compared"), uri);
      return FALSE;
    }
  old_chart = ladder_load_file (path, self->catalogue, NULL, error);
  if (old_chart == NULL)
    return FALSE;

  ladder_window_leave_comparison (self);
  self->compare_old = old_chart;
  self->compare_old_findings = ladder_validate_with (old_chart, self->catalogue,
                                                     LADDER_VALIDATE_UNNAMED);
  g_set_object (&self->compare_catalogue, self->catalogue);
  self->compare_name = g_file_get_basename (file);
  set_changes_page (self, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "changes");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-leave", TRUE);
  compare_now (self);
  return TRUE;
}

static void
compare_response_cb (GtkNativeDialog *native, int response, LadderWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!ladder_window_compare_with (self, file, &error))
        ladder_window_show_error (self, _("The chart to compare with could not be read"),
                                  error->message);
    }
  g_object_unref (native);
}

static void
compare_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Compare With an Older Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Charts and CSV files"));
  gtk_file_filter_add_pattern (filter, "*.ladder");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (ladder_document_get_file (self->document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (ladder_document_get_file (self->document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_signal_connect (native, "response", G_CALLBACK (compare_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
compare_leave_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_leave_comparison (LADDER_WINDOW (widget));
  gtk_widget_grab_focus (GTK_WIDGET (LADDER_WINDOW (widget)->canvas));
}

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderWindow *self)
{
  /* Another file in the window: the comparison was with the one before. */
  if (change->kind == LADDER_CHANGE_RESET)
    {
      ladder_window_leave_comparison (self);
      return;
    }
  if (self->compare_old != NULL && self->compare_idle == 0)
    self->compare_idle = g_idle_add_full (G_PRIORITY_LOW, compare_idle_cb, self, NULL);
}

/* --------------------------------------------------------------- counts */

static void
counts_changed_cb (GSettings *settings, const char *key, LadderWindow *self)
{
  ladder_canvas_set_show_counts (self->canvas, g_settings_get_boolean (settings, COUNTS_KEY));
}

/* ----------------------------------------------------------------- init */

void
ladder_window_init_compare (LadderWindow *self)
{
  GSettings *settings = ladder_settings_get ();

  self->marks = g_byte_array_new ();
  ladder_overview_bind (self->overview, self->chart, self->catalogue);
  g_signal_connect_object (self->overview, "chosen-changed",
                           G_CALLBACK (update_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview, "person-activated",
                           G_CALLBACK (go_to_person_cb), self, 0);
  g_signal_connect_object (self->side_stack, "notify::visible-child",
                           G_CALLBACK (update_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_panel, "person-activated",
                           G_CALLBACK (go_to_person_cb), self, 0);
  g_signal_connect_object (self->chart, "changed", G_CALLBACK (chart_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-leave", FALSE);
  set_changes_page (self, FALSE);

  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::" COUNTS_KEY,
                               G_CALLBACK (counts_changed_cb), self, 0);
      counts_changed_cb (settings, COUNTS_KEY, self);
    }
}

void
ladder_window_clear_compare (LadderWindow *self)
{
  if (self->canvas != NULL)
    ladder_canvas_set_marks (self->canvas, NULL, 0);
  g_clear_handle_id (&self->compare_idle, g_source_remove);
  g_clear_pointer (&self->compare_diff, ladder_diff_free);
  g_clear_pointer (&self->compare_old_findings, ladder_findings_free);
  g_clear_object (&self->compare_catalogue);
  g_clear_object (&self->compare_old);
  g_clear_pointer (&self->compare_name, g_free);
  g_clear_pointer (&self->marks, g_byte_array_unref);
}

void
ladder_window_class_init_compare (GtkWidgetClass *widget_class)
{
  g_type_ensure (LADDER_TYPE_OVERVIEW);
  g_type_ensure (LADDER_TYPE_COMPARE_PANEL);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-leave", NULL, compare_leave_action);
}
