/* ladder-export-dialog.c — the export dialog: format and options, then
 * where to write, then the export in the background
 *
 * A dialog of Ladder's own: the file chooser cannot hold the export's
 * options (SPEC.md, "Export").  The options offered follow the format:
 * scale for PNG, pages for PDF, background and findings for pictures.
 * "As shown" keeps the window's folds and so excludes levels.  Export
 * hides the dialog and asks where to write with the file chooser.
 *
 * Then the chart is copied a slice at a time in idles (a change to it
 * starts the copy again) and the copy is exported on a worker thread
 * (ladder_export_file_watched()); the dialog comes back, not modal,
 * with what is being done (people drawn) and Cancel (Escape).  The
 * window answers meanwhile.  A cancelled export leaves the target as
 * it was; the window hears the outcome of the others through "done".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-export-dialog.h"
#include "ladder-validate.h"

/* People copied per idle: about 10 ms at a million. */
#define COPY_SLICE           50000
#define PROGRESS_INTERVAL_MS 100

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
  GtkWidget       *progress_box;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;

  /* owned */
  LadderChart     *chart;
  LadderCatalogue *catalogue;
  char            *root;         /* the selected person's id, or NULL */
  char            *name;
  GFile           *folder;
  GtkFileChooserNative *chooser;

  /* The export under way: copying the chart (copy, copy_id), then on
   * the worker (progress); cancelled: hidden until the worker is done. */
  LadderExportCopy *copy;
  guint            copy_id;
  gulong           changed_id;
  LadderProgress  *progress;
  char            *target;
  gboolean         picture;      /* the target is drawn: cards are counted */
  guint            n_people;     /* to draw, or 0: not known (a part) */
  guint            tick_id;
  gboolean         cancelled;
  gboolean         abandoned;    /* disposed, or its window closed */
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

/* ------------------------------------------------------ in the background */

/* What the worker reads and writes; the dialog touches none of it until
 * the worker is done. */
typedef struct {
  LadderExportCopy   *copy;
  LadderCatalogue    *catalogue;
  LadderProgress     *progress;
  LadderExportOptions options;
  char               *root;
  char               *target;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  ladder_export_copy_free (job->copy);
  g_clear_object (&job->catalogue);
  ladder_progress_unref (job->progress);
  g_free (job->options.notice);
  g_free (job->root);
  g_free (job->target);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(LadderChart) chart = ladder_export_copy_finish (g_steal_pointer (&job->copy));
  g_autoptr(LadderFindings) findings = NULL;
  GError *error = NULL;

  if (job->options.findings)
    findings = ladder_validate (chart, job->catalogue);
  if (ladder_export_file_watched (chart, job->catalogue, findings, job->target, &job->options,
                                  job->progress, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static char *
describe_progress (LadderExportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->target);
  guint drawn;

  if (self->copy != NULL)
    /* Translators: "Exporting team.pdf: preparing" (copying the chart) */
    return g_strdup_printf (_("Exporting %s: preparing"), name);
  drawn = ladder_progress_get_people (self->progress);
  if (self->n_people > 0)
    drawn = MIN (drawn, self->n_people);
  if (drawn == 0 && self->picture)
    /* Translators: "Exporting team.pdf: laying out the chart" (before drawing) */
    return g_strdup_printf (_("Exporting %s: laying out the chart"), name);
  if (drawn == 0)
    /* Translators: "Exporting team.json" (a format without pictures) */
    return g_strdup_printf (_("Exporting %s"), name);
  if (self->n_people == 0)
    /* Translators: "Exporting team.pdf: 2500 people drawn" (of a part) */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exporting %s: %u person drawn",
                                         "Exporting %s: %u people drawn", drawn),
                            name, drawn);
  /* Translators: "Exporting team.pdf: 25000 of 100000 people drawn" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exporting %s: %u of %u person drawn",
                                       "Exporting %s: %u of %u people drawn", self->n_people),
                          name, drawn, self->n_people);
}

static gboolean
update_progress (gpointer user_data)
{
  LadderExportDialog *self = user_data;
  g_autofree char *text = describe_progress (self);
  guint drawn = self->copy == NULL ? ladder_progress_get_people (self->progress) : 0;

  gtk_label_set_label (self->progress_label, text);
  if (drawn == 0 || self->n_people == 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) drawn / self->n_people));
  return G_SOURCE_CONTINUE;
}

/* The options and the buttons' box go; what is being done comes. */
static void
show_progress (LadderExportDialog *self)
{
  GtkWidget *buttons = gtk_widget_get_parent (GTK_WIDGET (self->cancel_button));

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (self->progress_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == self->progress_box || child == buttons);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Exporting the Chart"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button),
                               _("Stop exporting and leave the file as it was (Escape)"));
  /* The window answers meanwhile. */
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);
  update_progress (self);
  self->tick_id = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);
  gtk_window_present (GTK_WINDOW (self));
}

static void
stop_copying (LadderExportDialog *self)
{
  g_clear_handle_id (&self->copy_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->chart);
  g_clear_pointer (&self->copy, ladder_export_copy_free);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LadderExportDialog *self = LADDER_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->target);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->progress, ladder_progress_unref);
  /* Destroyed meanwhile (its window closed): nobody to tell. */
  if (self->abandoned)
    return;
  if (!self->cancelled)
    g_signal_emit (self, signals[DONE], 0, file, job->options.notice,
                   ok ? NULL : error->message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_worker (LadderExportDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, export_done_cb, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->copy = g_steal_pointer (&self->copy);
  job->catalogue = g_object_ref (self->catalogue);
  job->progress = ladder_progress_ref (self->progress);
  ladder_export_dialog_get_options (self, &job->options);
  job->root = g_strdup (job->options.root);
  job->options.root = job->root;
  job->target = g_strdup (self->target);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static gboolean
copy_slice_cb (gpointer user_data)
{
  LadderExportDialog *self = user_data;

  if (!ladder_export_copy_step (self->copy, COPY_SLICE))
    return G_SOURCE_CONTINUE;
  self->copy_id = 0;
  g_clear_signal_handler (&self->changed_id, self->chart);
  start_worker (self);
  return G_SOURCE_REMOVE;
}

/* The chart changed under the copy: what was copied is of another chart. */
/* The cards the export will draw when that is known: everyone, when the
 * whole chart is drawn unfolded (a tiled PDF draws a few twice). */
static guint
count_to_draw (LadderExportDialog *self)
{
  LadderExportOptions options;

  ladder_export_dialog_get_options (self, &options);
  if (options.root != NULL || options.levels > 0 || options.as_shown)
    return 0;
  return ladder_chart_get_n_people (self->chart);
}

static void
chart_changed_cb (LadderChart *chart, gconstpointer change, LadderExportDialog *self)
{
  g_clear_pointer (&self->copy, ladder_export_copy_free);
  self->copy = ladder_export_copy_new (chart);
  self->n_people = count_to_draw (self);
}

static gboolean
is_picture (const char *path)
{
  gsize length = strlen (path);

  for (guint i = 0; i < N_PICTURES; i++)
    {
      gsize n = strlen (extensions[i]);

      if (length >= n && g_ascii_strcasecmp (path + length - n, extensions[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
ladder_export_dialog_export_to (LadderExportDialog *self, const char *path)
{
  const char *extension;

  g_return_val_if_fail (LADDER_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->progress == NULL, FALSE);

  /* "team" with PDF chosen means team.pdf; a name that ends in another
   * format's extension is written in that format. */
  extension = ladder_export_dialog_get_extension (self);
  g_free (self->target);
  self->target = ladder_export_knows_format (path) ? g_strdup (path)
                                                   : g_strconcat (path, extension, NULL);
  self->picture = is_picture (self->target);
  self->progress = ladder_progress_new (NULL);
  self->copy = ladder_export_copy_new (self->chart);
  self->n_people = count_to_draw (self);
  self->changed_id = g_signal_connect (self->chart, "changed", G_CALLBACK (chart_changed_cb),
                                       self);
  /* Below redrawing and input, as the recovery copies. */
  self->copy_id = g_idle_add_full (G_PRIORITY_LOW, copy_slice_cb, self, NULL);
  show_progress (self);
  return TRUE;
}

gboolean
ladder_export_dialog_is_exporting (LadderExportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_EXPORT_DIALOG (self), FALSE);
  return self->progress != NULL;
}

void
ladder_export_dialog_cancel (LadderExportDialog *self)
{
  g_return_if_fail (LADDER_IS_EXPORT_DIALOG (self));

  if (self->progress == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->cancelled = TRUE;
  g_cancellable_cancel (ladder_progress_get_cancellable (self->progress));
  if (self->copy != NULL)
    {
      /* Nothing was written yet. */
      stop_copying (self);
      g_clear_handle_id (&self->tick_id, g_source_remove);
      g_clear_pointer (&self->progress, ladder_progress_unref);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* Gone at once for the user; destroyed once the worker is done. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static gboolean
close_request_cb (LadderExportDialog *self)
{
  ladder_export_dialog_cancel (self);
  return TRUE;
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
        {
          g_clear_object (&self->chooser);
          ladder_export_dialog_export_to (self, path);
          return;
        }
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

/* A worker finishes on its own copy, throws it away and comes back (the
 * task holds the dialog): until then it is still exporting. */
static void
abandon (LadderExportDialog *self)
{
  self->abandoned = TRUE;
  if (self->progress != NULL)
    g_cancellable_cancel (ladder_progress_get_cancellable (self->progress));
  if (self->copy != NULL)
    g_clear_pointer (&self->progress, ladder_progress_unref);
  stop_copying (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
ladder_export_dialog_dispose (GObject *object)
{
  LadderExportDialog *self = LADDER_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  abandon (self);
  g_clear_pointer (&self->target, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, progress_bar);
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
  g_signal_connect_swapped (self->cancel_button, "clicked",
                            G_CALLBACK (ladder_export_dialog_cancel), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
}

/* Its window closed: the export is of no use to anyone.  (The dialog is
 * no longer among GTK's windows by then, so destroying it does not
 * dispose it: this stops the export itself.) */
static void
parent_destroyed_cb (GtkWidget *parent, LadderExportDialog *self)
{
  abandon (self);
  gtk_window_destroy (GTK_WINDOW (self));
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
  /* Not left behind a closed window, nor exporting for it. */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (parent_destroyed_cb), self, 0);
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
