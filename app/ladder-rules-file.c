/* ladder-rules-file.c — the rules file the window uses (main menu)
 *
 * A file that says extends="builtin" adds to the built-in rules, any
 * other replaces them, as with --rules (ladder_catalogue_new_extending).
 */
#include "config.h"

#include "ladder-rules-file.h"
#include "ladder-settings.h"
#include "ladder-window.h"

#include <glib/gi18n.h>

/* "Built-in Rules" is there to go back to them. */
static void
update_actions (LadderApplication *app)
{
  GAction *builtin = g_action_map_lookup_action (G_ACTION_MAP (app), "builtin-rules");

  if (builtin != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (builtin),
                                 ladder_application_get_catalogue (app) != ladder_catalogue_get_default ());
}

static void
apply (LadderApplication *app,
       LadderCatalogue   *catalogue)
{
  ladder_application_set_catalogue (app, catalogue);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LADDER_IS_WINDOW (l->data))
      ladder_window_set_catalogue (LADDER_WINDOW (l->data), catalogue);
  update_actions (app);
}

gboolean
ladder_rules_file_use (LadderApplication *app,
                       const char        *path,
                       GError           **error)
{
  g_autoptr(LadderCatalogue) catalogue = NULL;

  g_return_val_if_fail (LADDER_IS_APPLICATION (app), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL)
    catalogue = g_object_ref (ladder_catalogue_get_default ());
  else if (!(catalogue = ladder_catalogue_new_extending (NULL, path, error)))
    return FALSE;
  apply (app, catalogue);
  ladder_settings_set_rules_file (path);
  return TRUE;
}

void
ladder_rules_file_restore (LadderApplication *app)
{
  g_autofree char *path = ladder_settings_dup_rules_file ();
  g_autoptr(LadderCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LADDER_IS_APPLICATION (app));

  if (path == NULL)
    return;
  /* Kept in the settings: a file on a drive not mounted yet comes back. */
  if (!(catalogue = ladder_catalogue_new_extending (NULL, path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  apply (app, catalogue);
}

static void
chosen_cb (GtkNativeDialog   *native,
           int                response,
           LadderApplication *app)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !ladder_rules_file_use (app, path, &error) && LADDER_IS_WINDOW (parent))
        ladder_window_show_error (LADDER_WINDOW (parent), _("Could not use the rules file"),
                                  error->message);
    }
  g_object_unref (native);
}

static void
rules_file_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LadderApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Check Charts Against a Rules File"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Use"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Rules files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
builtin_rules_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ladder_rules_file_use (LADDER_APPLICATION (user_data), NULL, NULL);
}

void
ladder_rules_file_add_actions (LadderApplication *app)
{
  static const GActionEntry entries[] = {
    { "rules-file", rules_file_activated },
    { "builtin-rules", builtin_rules_activated },
  };
  g_autofree char *path = ladder_settings_dup_rules_file ();

  g_return_if_fail (LADDER_IS_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  update_actions (app);
}
