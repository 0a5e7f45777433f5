/* ladder-export-dialog.c — the export dialog: format and options, then
 * where to write
 *
 * A dialog of Ladder's own: the file chooser cannot hold the export's
 * options (SPEC.md, "Export").  The options offered follow the format:
 * scale for PNG, pages for PDF, background and findings for pictures.
 * "As shown" keeps the window's folds and so excludes levels.  Export
 * hides the dialog and asks where to write with the file chooser; the
 * window hears the outcome through "done".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-export-dialog.h"
#include "ladder-validate.h"

/* In the order of the format list in the .ui file. */
static const char * const extensions[] = {
  ".png", ".svg", ".pdf", ".json", ".graphml", ".drawio", ".dot", ".mmd", ".ladder", ".csv",
};
enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF, N_PICTURES };

/* In the order of the page list; NULL: one page when it fits. */
static const char * const pages[] = {
  NULL, "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape",
  "legal", "legal-landscape",
};

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LadderExportDialog
{
  GtkWindow        parent_instance;

  /* template */
  GtkDropDown     *format_dropdown;
  GtkWidget       *scale_label;
  GtkSpinButton   *scale_spin;
  GtkWidget       *page_label;
  GtkDropDown     *page_dropdown;
  GtkCheckButton  *transparent_check;
  GtkCheckButton  *findings_check;
  GtkCheckButton  *as_shown_check;
  GtkCheckButton  *levels_check;
  GtkSpinButton   *levels_spin;
  GtkCheckButton  *root_check;
  GtkButton       *cancel_button;
  GtkButton       *export_button;

  /* owned */
  LadderChart     *chart;
  LadderCatalogue *catalogue;
  char            *root;         /* the selected person's id, or NULL */
  char            *name;
  GFile           *folder;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LadderExportDialog, ladder_export_dialog, GTK_TYPE_WINDOW)

static guint
format_index (LadderExportDialog *self)
{
  return MIN (gtk_drop_down_get_selected (self->format_dropdown), G_N_ELEMENTS (extensions) - 1);
}

/* Only what the format uses can be chosen. */
static void
update_sensitivity (LadderExportDialog *self)
{
  guint format = format_index (self);
  gboolean picture = format < N_PICTURES;
  gboolean as_shown = gtk_check_button_get_active (self->as_shown_check);

  gtk_widget_set_sensitive (self->scale_label, format == FORMAT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_spin), format == FORMAT_PNG);
  gtk_widget_set_sensitive (self->page_label, format == FORMAT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_dropdown), format == FORMAT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_check),
                            format == FORMAT_PNG || format == FORMAT_SVG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_check), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->as_shown_check), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->levels_check), !(picture && as_shown));
  gtk_widget_set_sensitive (GTK_WIDGET (self->levels_spin),
                            !(picture && as_shown)
                            && gtk_check_button_get_active (self->levels_check));
  gtk_widget_set_sensitive (GTK_WIDGET (self->root_check), self->root != NULL);
}

const char *
ladder_export_dialog_get_extension (LadderExportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_EXPORT_DIALOG (self), NULL);

  return extensions[format_index (self)];
}

gboolean
ladder_export_dialog_set_extension (LadderExportDialog *self, const char *extension)
{
  g_return_val_if_fail (LADDER_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (extension != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (extensions[i], extension) == 0)
      {
        gtk_drop_down_set_selected (self->format_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
ladder_export_dialog_get_options (LadderExportDialog *self, LadderExportOptions *options)
{
  guint format, page;
  gboolean picture, as_shown;

  g_return_if_fail (LADDER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  format = format_index (self);
  picture = format < N_PICTURES;
  as_shown = picture && gtk_check_button_get_active (self->as_shown_check);
  page = gtk_drop_down_get_selected (self->page_dropdown);
  memset (options, 0, sizeof *options);
  if (format == FORMAT_PNG)
    options->scale = gtk_spin_button_get_value (self->scale_spin);
  options->transparent = (format == FORMAT_PNG || format == FORMAT_SVG)
                         && gtk_check_button_get_active (self->transparent_check);
  options->findings = picture && gtk_check_button_get_active (self->findings_check);
  options->as_shown = as_shown;
  if (!as_shown && gtk_check_button_get_active (self->levels_check))
    options->levels = (guint) gtk_spin_button_get_value_as_int (self->levels_spin);
  if (self->root != NULL && gtk_check_button_get_active (self->root_check))
    options->root = self->root;
  if (format == FORMAT_PDF && page < G_N_ELEMENTS (pages))
    options->page = pages[page];
}

gboolean
ladder_export_dialog_export_to (LadderExportDialog *self, const char *path)
{
  const char *extension;
  g_autofree char *target = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  LadderExportOptions options;
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* "team" with PDF chosen means team.pdf; a name that ends in another
   * format's extension is written in that format. */
  extension = ladder_export_dialog_get_extension (self);
  target = ladder_export_knows_format (path) ? g_strdup (path)
                                             : g_strconcat (path, extension, NULL);
  file = g_file_new_for_path (target);

  ladder_export_dialog_get_options (self, &options);
  if (options.findings)
    findings = ladder_validate (self->chart, self->catalogue);
  ok = ladder_export_file (self->chart, self->catalogue, findings, target, &options, &error);
  g_signal_emit (self, signals[DONE], 0, file, options.notice, ok ? NULL : error->message);
  g_free (options.notice);
  return ok;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, LadderExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        ladder_export_dialog_export_to (self, path);
      else
        g_signal_emit (self, signals[DONE], 0, file, NULL,
                       _("Charts can only be exported to local files"));
    }
  g_clear_object (&self->chooser);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
export_clicked_cb (LadderExportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *suggested = g_strconcat (self->name, ladder_export_dialog_get_extension (self),
                                            NULL);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  self->chooser = gtk_file_chooser_native_new (_("Export the Chart"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ladder_export_dialog_dispose (GObject *object)
{
  LadderExportDialog *self = LADDER_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->root, g_free);
  g_clear_pointer (&self->name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (ladder_export_dialog_parent_class)->dispose (object);
}

static void
ladder_export_dialog_class_init (LadderExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_export_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 3,
                                G_TYPE_FILE, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, scale_label);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, page_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, transparent_check);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, findings_check);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, as_shown_check);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, levels_check);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, levels_spin);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, root_check);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, export_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ladder_export_dialog_init (LadderExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->format_dropdown, "notify::selected",
                            G_CALLBACK (update_sensitivity), self);
  g_signal_connect_swapped (self->as_shown_check, "toggled", G_CALLBACK (update_sensitivity), self);
  g_signal_connect_swapped (self->levels_check, "toggled", G_CALLBACK (update_sensitivity), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
}

LadderExportDialog *
ladder_export_dialog_new (GtkWindow *parent, LadderChart *chart, LadderCatalogue *catalogue,
                          guint selected, const char *name, GFile *folder)
{
  LadderExportDialog *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (LADDER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->chart = g_object_ref (chart);
  self->catalogue = g_object_ref (catalogue);
  self->name = g_strdup (name);
  self->folder = folder ? g_object_ref (folder) : NULL;
  if (selected != LADDER_NONE && ladder_chart_is_alive (chart, selected))
    {
      const char *who = ladder_chart_get_name (chart, selected);

      self->root = g_strdup (ladder_chart_get_id (chart, selected));
      /* TRANSLATORS: a switch of the export dialog; %s is a person's name */
      label = g_strdup_printf (_("Only the _team of %s"), who && *who ? who : self->root);
    }
  gtk_check_button_set_label (self->root_check,
                              label ? label : _("Only the _team of the selected person"));
  update_sensitivity (self);
  return self;
}
