/* ladder-recovery-dialog.c — offering the charts a crash left unsaved
 *
 * Shown once at start when the recovery folder holds copies whose Ladder
 * is gone (ladder-autosave.c finds and claims them).  A small
 * GtkMessageDialog with the list of charts in its message area.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-recovery-dialog.h"
#include "ladder-autosave.h"
#include "ladder-window.h"

typedef struct {
  LadderApplication *app;
  LadderWindow      *parent;
  GPtrArray         *entries;
} Offer;

static void
offer_free (Offer *offer)
{
  ladder_recovery_release (offer->entries);
  g_object_unref (offer->app);
  g_object_unref (offer->parent);
  g_free (offer);
}

static char *
entry_title (LadderRecoveryEntry *entry)
{
  if (entry->title != NULL && *entry->title != '\0')
    return g_strdup (entry->title);
  if (entry->file != NULL)
    return g_file_get_basename (entry->file);
  return g_strdup (_("Untitled Chart"));
}

static char *
entry_time (LadderRecoveryEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->saved);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
new_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
entry_row (LadderRecoveryEntry *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = entry_title (entry);
  g_autofree char *where = NULL;
  g_autofree char *time = entry_time (entry);
  g_autofree char *when = NULL;

  if (entry->file != NULL)
    where = g_file_get_parse_name (entry->file);
  else
    where = g_strdup (_("Never saved"));
  /* Translators: %s is a date and time, 2024-05-01 14:03 */
  when = g_strdup_printf (_("Last changed %s"), time);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_box_append (GTK_BOX (box), new_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (where, "dim-label"));
  gtk_box_append (GTK_BOX (box), new_label (when, "dim-label"));
  return box;
}

static char *
damaged_message (LadderRecoveryEntry *entry)
{
  return g_strdup_printf (_("A recovery copy could not be read and was set aside as %s: %s"),
                          entry->path, entry->problem);
}

static void
restore_all (Offer *offer)
{
  gboolean parent_used = FALSE;

  for (guint i = 0; i < offer->entries->len; i++)
    {
      LadderRecoveryEntry *entry = g_ptr_array_index (offer->entries, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *time = NULL;
      g_autofree char *message = NULL;
      LadderWindow *window;

      if (entry->chart == NULL)
        continue;
      /* The empty window Ladder opened at start takes the first chart. */
      if (!parent_used && gtk_widget_get_visible (GTK_WIDGET (offer->parent)) &&
          ladder_window_is_pristine (offer->parent))
        {
          window = offer->parent;
          parent_used = TRUE;
        }
      else
        window = ladder_window_new (offer->app);

      time = entry_time (entry);
      if (ladder_window_restore (window, entry, &error))
        message = g_strdup_printf (_("Restored the unsaved changes from %s"), time);
      else
        message = g_strdup_printf (_("Restored, but could not keep a recovery copy: %s"),
                                   error->message);
      gtk_window_present (GTK_WINDOW (window));
      ladder_window_show_toast (window, message);
    }
}

static void
response_cb (GtkDialog *dialog, int response, Offer *offer)
{
  if (response == LADDER_RECOVERY_RESPONSE_RESTORE)
    restore_all (offer);
  else if (response == LADDER_RECOVERY_RESPONSE_DISCARD)
    for (guint i = 0; i < offer->entries->len; i++)
      ladder_recovery_discard (g_ptr_array_index (offer->entries, i));
  /* Anything else (Escape, the window closed): kept for the next start. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWindow *
ladder_recovery_offer (LadderApplication *app, LadderWindow *parent)
{
  g_autoptr(GPtrArray) entries = NULL;
  Offer *offer;
  GtkWidget *dialog, *area, *list, *scroller, *button;
  guint n_good = 0;
  g_autoptr(GString) damaged = g_string_new (NULL);

  g_return_val_if_fail (LADDER_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (LADDER_IS_WINDOW (parent), NULL);

  entries = ladder_recovery_claim ();
  for (guint i = 0; i < entries->len; i++)
    {
      LadderRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->chart != NULL)
        n_good++;
      else
        {
          g_autofree char *message = damaged_message (entry);

          g_printerr ("ladder: %s\n", message);
          if (damaged->len > 0)
            g_string_append_c (damaged, '\n');
          g_string_append (damaged, message);
        }
    }

  if (n_good == 0)
    {
      if (damaged->len > 0)
        ladder_window_show_toast (parent, _("A damaged recovery copy was set aside"));
      ladder_recovery_release (g_steal_pointer (&entries));
      return NULL;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (parent),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Restore unsaved charts?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Ladder closed before these charts were saved. "
                                              "Restore them to go on where you left off, or "
                                              "discard the changes."));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Recover Charts"));
  gtk_widget_set_name (dialog, "ladder-recovery");
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "frame");
  for (guint i = 0; i < entries->len; i++)
    {
      LadderRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->chart != NULL)
        gtk_list_box_append (GTK_LIST_BOX (list), entry_row (entry));
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_margin_top (scroller, 6);
  gtk_box_append (GTK_BOX (area), scroller);
  if (damaged->len > 0)
    gtk_box_append (GTK_BOX (area), new_label (damaged->str, "error"));

  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"),
                                  LADDER_RECOVERY_RESPONSE_DISCARD);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"),
                                  LADDER_RECOVERY_RESPONSE_RESTORE);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), LADDER_RECOVERY_RESPONSE_RESTORE);

  offer = g_new0 (Offer, 1);
  offer->app = g_object_ref (app);
  offer->parent = g_object_ref (parent);
  offer->entries = g_steal_pointer (&entries);
  g_object_set_data_full (G_OBJECT (dialog), "ladder-offer", offer, (GDestroyNotify) offer_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
