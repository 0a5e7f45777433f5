/* ladder-window-load.c — opening a file without freezing the window
 *
 * The file is read, parsed and checked on a worker thread
 * (ladder_loaded_read_async()), into a chart that nothing else sees;
 * meanwhile the window answers, the chart that was open stays as it is,
 * and a bar over the canvas says what is being done (bytes read, people
 * loaded, checking) with a Cancel button (Escape does the same).  When the
 * worker is done, the main thread hands its chart to the document whole.
 * Cancelled or failed, the document is never touched.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ladder-window-private.h"

#define PROGRESS_INTERVAL_MS 100

/* Takes @loaded into the document (and its layout into the canvas). */
static void
take_loaded (LadderWindow *self, LadderLoaded *loaded, GFile *file)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_ref (ladder_loaded_get_warnings (loaded));
  LadderLayout *layout = ladder_loaded_steal_layout (loaded);

  ladder_document_take_loaded (self->document, loaded);
  ladder_canvas_take_layout (self->canvas, layout);
  ladder_window_track_file (self, ladder_document_get_disk_stamp (self->document));
  ladder_window_update_actions (self);
  ladder_canvas_zoom_readable (self->canvas);
  ladder_window_add_recent (self, file);
  if (warnings != NULL && warnings->len > 0)
    ladder_window_show_toast (self, g_ptr_array_index (warnings, 0));
}

gboolean
ladder_window_load (LadderWindow *self, GFile *file, GError **error)
{
  LadderLoaded *loaded;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  loaded = ladder_loaded_read (file, self->catalogue, NULL, error);
  if (loaded == NULL)
    return FALSE;
  take_loaded (self, loaded, file);
  return TRUE;
}

/* ------------------------------------------------------------- progress */

static char *
describe_progress (LadderWindow *self)
{
  LadderProgress *progress = self->loading;
  g_autofree char *name = g_file_get_basename (self->loading_file);
  gint64 total = 0;
  gint64 bytes = ladder_progress_get_bytes (progress, &total);

  switch (ladder_progress_get_stage (progress))
    {
    case LADDER_PROGRESS_READING:
      {
        g_autofree char *done = g_format_size (bytes);
        g_autofree char *all = total >= 0 ? g_format_size (total) : NULL;

        if (bytes == 0)
          /* Translators: "Opening team.ladder" (before the first bytes) */
          return g_strdup_printf (_("Opening %s"), name);
        if (all == NULL)
          /* Translators: "Opening team.ladder: 3.1 MB read" */
          return g_strdup_printf (_("Opening %s: %s read"), name, done);
        /* Translators: "Opening team.ladder: 3.1 MB of 96.6 MB read" */
        return g_strdup_printf (_("Opening %s: %s of %s read"), name, done, all);
      }
    case LADDER_PROGRESS_PARSING:
      {
        guint people = ladder_progress_get_people (progress);

        /* Translators: "Opening team.ladder: 250000 people loaded" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opening %s: %u person loaded",
                                             "Opening %s: %u people loaded", people),
                                name, people);
      }
    case LADDER_PROGRESS_CHECKING:
    case LADDER_PROGRESS_DONE:
    default:
      /* Translators: "Opening team.ladder: checking and laying out the chart" */
      return g_strdup_printf (_("Opening %s: checking and laying out the chart"), name);
    }
}

static gboolean
update_progress (gpointer user_data)
{
  LadderWindow *self = user_data;
  g_autofree char *text = NULL;
  double fraction;

  if (self->loading == NULL)
    {
      self->load_tick = 0;
      return G_SOURCE_REMOVE;
    }
  text = describe_progress (self);
  gtk_label_set_label (self->load_label, text);
  fraction = ladder_progress_get_fraction (self->loading);
  if (fraction < 0.0)
    gtk_progress_bar_pulse (self->load_progress);
  else
    gtk_progress_bar_set_fraction (self->load_progress, fraction);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading (LadderWindow *self)
{
  g_clear_pointer (&self->loading, ladder_progress_unref);
  g_clear_object (&self->loading_file);
  g_clear_handle_id (&self->load_tick, g_source_remove);
  if (self->load_bar != NULL)
    gtk_widget_set_visible (self->load_bar, FALSE);
  /* Out of pulsing: its tick callback would go on drawing the window at
   * every frame, hidden or not. */
  if (self->load_progress != NULL)
    gtk_progress_bar_set_fraction (self->load_progress, 0.0);
}

void
ladder_window_cancel_loading (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (self->loading == NULL)
    return;
  g_cancellable_cancel (ladder_progress_get_cancellable (self->loading));
  stop_loading (self);
}

gboolean
ladder_window_is_loading (LadderWindow *self)
{
  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, LadderWindow *self)
{
  if (keyval != GDK_KEY_Escape || self->loading == NULL)
    return FALSE;
  ladder_window_cancel_loading (self);
  return TRUE;
}

static void
ensure_load_bar (LadderWindow *self)
{
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self->scroller));
  GtkWidget *cancel;

  if (self->load_bar != NULL)
    return;
  self->load_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->load_bar, "osd");
  gtk_widget_add_css_class (self->load_bar, "toolbar");
  gtk_widget_set_halign (self->load_bar, GTK_ALIGN_CENTER);
  /* At the top: the zoom buttons are at the bottom. */
  gtk_widget_set_valign (self->load_bar, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->load_bar, 12);

  self->load_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->load_label, 40);
  gtk_label_set_xalign (self->load_label, 0.0);
  gtk_label_set_ellipsize (self->load_label, PANGO_ELLIPSIZE_MIDDLE);
  self->load_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->load_progress), 200, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->load_progress), GTK_ALIGN_CENTER);
  gtk_progress_bar_set_pulse_step (self->load_progress, 0.1);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (cancel, _("Stop opening and keep the chart as it is (Escape)"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (ladder_window_cancel_loading), self);

  gtk_box_append (GTK_BOX (self->load_bar), GTK_WIDGET (self->load_label));
  gtk_box_append (GTK_BOX (self->load_bar), GTK_WIDGET (self->load_progress));
  gtk_box_append (GTK_BOX (self->load_bar), cancel);
  gtk_widget_set_visible (self->load_bar, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->load_bar);
}

void
ladder_window_init_loading (LadderWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  /* Before the canvas and the search entry: Escape stops the open. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  ensure_load_bar (self);
}

/* ----------------------------------------------------------------- open */

typedef struct {
  LadderWindow   *window;
  LadderProgress *progress;
  GFile          *file;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_object_unref (job->window);
  ladder_progress_unref (job->progress);
  g_object_unref (job->file);
  g_free (job);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OpenJob *job = user_data;
  LadderWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  LadderLoaded *loaded = ladder_loaded_read_finish (result, &error);

  /* Cancelled, or a newer open took its place: the chart stays. */
  if (self->loading != job->progress || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_pointer (&loaded, ladder_loaded_free);
      open_job_free (job);
      return;
    }
  stop_loading (self);
  if (loaded == NULL)
    ladder_window_show_error (self, _("Could not open the chart"), error->message);
  else
    take_loaded (self, loaded, job->file);
  open_job_free (job);
}

/* @content: the file as read already, or NULL; @options: an import's
 * choices, or NULL. */
static void
start_loading (LadderWindow *self, GFile *file, GBytes *content, const LadderImportOptions *options)
{
  OpenJob *job;

  self->loading = ladder_progress_new (NULL);
  self->loading_file = g_object_ref (file);
  ensure_load_bar (self);
  update_progress (self);
  gtk_widget_set_visible (self->load_bar, TRUE);
  self->load_tick = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  job = g_new0 (OpenJob, 1);
  job->window = g_object_ref (self);
  job->progress = ladder_progress_ref (self->loading);
  job->file = g_object_ref (file);
  ladder_loaded_import_async (file, content, self->catalogue, options, self->loading, loaded_cb, job);
}

void
ladder_window_open (LadderWindow *self, GFile *file)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ladder_window_cancel_loading (self);
  if (ladder_window_offer_import (self, file))
    return;
  start_loading (self, file, NULL, NULL);
}

void
ladder_window_import (LadderWindow *self, GFile *file, GBytes *content,
                      const LadderImportOptions *options)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ladder_window_cancel_loading (self);
  start_loading (self, file, content, options);
}
