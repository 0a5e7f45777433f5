/* ladder-application.c — the GtkApplication of the editor */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-application.h"
#include "ladder-autosave.h"
#include "ladder-recovery-dialog.h"
#include "ladder-settings.h"
#include "ladder-rules-file.h"
#include "ladder-window.h"

struct _LadderApplication
{
  GtkApplication parent_instance;

  LadderCatalogue *catalogue;
  gboolean         recovery_offered;
};

G_DEFINE_FINAL_TYPE (LadderApplication, ladder_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Use another role catalogue and rule set; repeatable, each on top of the ones before"),
    N_("RULES.xml") },
  { NULL }
};

static LadderWindow *
new_window (LadderApplication *self)
{
  LadderWindow *window = ladder_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
offer_recovery_idle (gpointer data)
{
  LadderWindow *window = data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  if (app != NULL)
    ladder_recovery_offer (LADDER_APPLICATION (app), window);
  return G_SOURCE_REMOVE;
}

/* Once per process, after the first window is up (so that the first frame
 * does not wait for reading what a crash left behind). */
static void
offer_recovery (LadderApplication *self, GtkWindow *window)
{
  if (self->recovery_offered || !LADDER_IS_WINDOW (window))
    return;
  self->recovery_offered = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, offer_recovery_idle, g_object_ref (window), g_object_unref);
}

static void
ladder_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (LADDER_APPLICATION (app)));
  gtk_window_present (window);
  offer_recovery (LADDER_APPLICATION (app), window);
}

static void
ladder_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  LadderApplication *self = LADDER_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      LadderWindow *window;

      /* An untouched empty window is reused rather than left behind. */
      if (active != NULL && LADDER_IS_WINDOW (active) &&
          ladder_window_is_pristine (LADDER_WINDOW (active)))
        window = LADDER_WINDOW (active);
      else
        window = new_window (self);

      ladder_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static int
ladder_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  g_auto(GStrv) rules = NULL;

  if (g_variant_dict_lookup (options, "rules", "^aay", &rules))
    {
      g_autoptr(LadderCatalogue) catalogue = g_object_ref (ladder_catalogue_get_default ());

      for (guint i = 0; rules[i]; i++)
        {
          g_autoptr(GError) error = NULL;
          LadderCatalogue *next = ladder_catalogue_new_extending (catalogue, rules[i], &error);

          g_object_unref (catalogue);
          if ((catalogue = next) == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 2;
            }
        }
      ladder_application_set_catalogue (self, catalogue);
    }
  return -1;
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Ladder developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Ladder"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Design a product team’s org chart and check its reporting lines against the role rules"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes before it goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
ladder_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *save_as_accels[] = { "<Shift><Control>s", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *map_accels[] = { "<Control>m", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (ladder_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  ladder_settings_add_actions (G_ACTION_MAP (app));
  /* --rules, read before startup, wins over the remembered file. */
  if (LADDER_APPLICATION (app)->catalogue == NULL)
    ladder_rules_file_restore (LADDER_APPLICATION (app));
  ladder_rules_file_add_actions (LADDER_APPLICATION (app));
  /* Shown beside the menu items; the window binds the same keys itself. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.show-overview-map",
                                         map_accels);

  gtk_css_provider_load_from_resource (css, "/io/github/ladderchart/Ladder/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
ladder_application_shutdown (GApplication *app)
{
  /* Recovery copies still being written on the worker are finished, not
   * cut off by the exit. */
  ladder_autosave_wait_idle ();
  G_APPLICATION_CLASS (ladder_application_parent_class)->shutdown (app);
}

static void
ladder_application_dispose (GObject *object)
{
  LadderApplication *self = LADDER_APPLICATION (object);

  g_clear_object (&self->catalogue);
  G_OBJECT_CLASS (ladder_application_parent_class)->dispose (object);
}

static void
ladder_application_class_init (LadderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ladder_application_dispose;
  app_class->startup = ladder_application_startup;
  app_class->shutdown = ladder_application_shutdown;
  app_class->activate = ladder_application_activate;
  app_class->open = ladder_application_open;
  app_class->handle_local_options = ladder_application_handle_local_options;
}

static void
ladder_application_init (LadderApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

LadderApplication *
ladder_application_new (void)
{
  /* Non-unique: each `ladder FILE` is its own process, so that --rules
   * and the tests never talk to another instance. */
  return g_object_new (LADDER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/ladderchart/Ladder",
                       NULL);
}

LadderCatalogue *
ladder_application_get_catalogue (LadderApplication *self)
{
  g_return_val_if_fail (LADDER_IS_APPLICATION (self), NULL);

  if (self->catalogue == NULL)
    self->catalogue = g_object_ref (ladder_catalogue_get_default ());
  return self->catalogue;
}

void
ladder_application_set_catalogue (LadderApplication *self, LadderCatalogue *catalogue)
{
  g_return_if_fail (LADDER_IS_APPLICATION (self));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));

  g_set_object (&self->catalogue, catalogue);
}

int
ladder_application_run (int argc, char **argv)
{
  g_autoptr(LadderApplication) app = NULL;

  /* main.c has bound the translations, the build tree's when run there. */
  app = ladder_application_new ();

  g_set_application_name (_("Ladder"));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
