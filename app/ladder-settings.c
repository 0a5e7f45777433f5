/* ladder-settings.c — preferences and window state that outlive a session
 *
 * GSettings aborts on a schema it cannot find and on a key the schema
 * lacks, so the schema is looked up first (and checked for every key
 * used here): an editor started from an unpacked tarball, or beside an
 * older installed schema, still runs, with the defaults.
 */
#include "config.h"

#include "ladder-settings.h"

static const char * const keys[] = {
  "window-width", "window-height", "window-maximized",
  "palette-width", "side-panel-width", "side-panel-position",
  "default-layout", "last-export-folder", "rules-file",
};

#define MIN_WIDTH  360
#define MIN_HEIGHT 294

static gboolean
has_every_key (GSettingsSchema *schema)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_settings_schema_has_key (schema, keys[i]))
      return FALSE;
  return TRUE;
}

/* Running uninstalled, the schema compiled in the build tree is this
 * build's own; GSETTINGS_SCHEMA_DIR, when set, is asked first. */
static GSettingsSchema *
find_schema (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autofree char *compiled = g_build_filename (SCHEMAS_BUILDDIR, "gschemas.compiled", NULL);
  GSettingsSchema *schema = NULL;

  if (installed != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);

  if (schema == NULL && g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GSettingsSchemaSource) build = NULL;

      build = g_settings_schema_source_new_from_directory (SCHEMAS_BUILDDIR, installed, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }

  if (schema == NULL && installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);

  if (schema != NULL && !has_every_key (schema))
    g_clear_pointer (&schema, g_settings_schema_unref);
  return schema;
}

GSettings *
ladder_settings_get (void)
{
  static GSettings *settings;
  static gboolean looked_up;

  if (!looked_up)
    {
      GSettingsSchema *schema = find_schema ();

      looked_up = TRUE;
      if (schema != NULL)
        {
          settings = g_settings_new_full (schema, NULL, NULL);
          g_settings_schema_unref (schema);
        }
    }
  return settings;
}

LadderLayoutKind
ladder_settings_get_default_layout (void)
{
  GSettings *settings = ladder_settings_get ();

  if (settings == NULL)
    return LADDER_LAYOUT_TREE;
  /* The enum's values are those of LadderLayoutKind. */
  return g_settings_get_enum (settings, "default-layout") == LADDER_LAYOUT_COMPACT
         ? LADDER_LAYOUT_COMPACT : LADDER_LAYOUT_TREE;
}

/* --------------------------------------------------------------- export */

GFile *
ladder_settings_dup_export_folder (void)
{
  GSettings *settings = ladder_settings_get ();
  g_autofree char *uri = NULL;
  g_autoptr(GFile) folder = NULL;

  if (settings == NULL)
    return NULL;
  uri = g_settings_get_string (settings, "last-export-folder");
  if (uri[0] == '\0')
    return NULL;
  folder = g_file_new_for_uri (uri);
  /* A folder since removed or unmounted: the chooser's own default. */
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return NULL;
  return g_steal_pointer (&folder);
}

void
ladder_settings_remember_export (GFile *file)
{
  GSettings *settings = ladder_settings_get ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));

  if (settings == NULL || (folder = g_file_get_parent (file)) == NULL)
    return;
  uri = g_file_get_uri (folder);
  g_settings_set_string (settings, "last-export-folder", uri);
}

/* ---------------------------------------------------------------- rules */

char *
ladder_settings_dup_rules_file (void)
{
  GSettings *settings = ladder_settings_get ();
  g_autofree char *path = settings ? g_settings_get_string (settings, "rules-file") : NULL;

  return path && path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

void
ladder_settings_set_rules_file (const char *path)
{
  GSettings *settings = ladder_settings_get ();

  if (settings != NULL)
    g_settings_set_string (settings, "rules-file", path ? path : "");
}

/* --------------------------------------------------------------- window */

/* palette_pane holds the palette and chart_pane; chart_pane holds the
 * chart and side_pane (ui/ladder-window.ui). */
static GtkPaned *
chart_pane (GtkPaned *side_pane)
{
  return GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (side_pane)));
}

static GtkPaned *
palette_pane (GtkPaned *side_pane)
{
  return GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (chart_pane (side_pane))));
}

/* The side panel's width can only be set once the chart pane has a
 * width of its own: its position counts from the left, and the handle
 * between the two takes a few pixels. */
static void
chart_pane_sized_cb (GtkPaned *paned, GParamSpec *pspec, gpointer data)
{
  int side_width = GPOINTER_TO_INT (data);
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int handle = 0;

  if (width <= side_width)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (paned)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != gtk_paned_get_start_child (paned) && child != gtk_paned_get_end_child (paned))
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &handle, NULL, NULL, NULL);
  g_signal_handlers_disconnect_by_func (paned, chart_pane_sized_cb, data);
  gtk_paned_set_position (paned, width - handle - side_width);
}

void
ladder_settings_restore_window (GtkWindow *window, GtkPaned *side_pane)
{
  GSettings *settings = ladder_settings_get ();
  int side_width;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_PANED (side_pane));

  if (settings == NULL)
    return;

  gtk_window_set_default_size (window, g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);

  gtk_paned_set_position (palette_pane (side_pane), g_settings_get_int (settings, "palette-width"));
  gtk_paned_set_position (side_pane, g_settings_get_int (settings, "side-panel-position"));
  side_width = g_settings_get_int (settings, "side-panel-width");
  g_signal_connect (chart_pane (side_pane), "notify::max-position",
                    G_CALLBACK (chart_pane_sized_cb), GINT_TO_POINTER (side_width));
}

void
ladder_settings_save_window (GtkWindow *window, GtkPaned *side_pane)
{
  GSettings *settings = ladder_settings_get ();
  gboolean maximized;
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_PANED (side_pane));

  if (settings == NULL)
    return;

  /* One write to the backend, not eight. */
  g_settings_delay (settings);
  maximized = gtk_window_is_maximized (window);
  g_settings_set_boolean (settings, "window-maximized", maximized);
  /* The size to come back to when unmaximized. */
  gtk_window_get_default_size (window, &width, &height);
  if (!maximized && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", CLAMP (width, MIN_WIDTH, 32767));
      g_settings_set_int (settings, "window-height", CLAMP (height, MIN_HEIGHT, 32767));
    }
  if (gtk_widget_get_width (GTK_WIDGET (side_pane)) > 0)
    {
      g_settings_set_int (settings, "palette-width",
                          CLAMP (gtk_paned_get_position (palette_pane (side_pane)), 0, 4096));
      g_settings_set_int (settings, "side-panel-width",
                          CLAMP (gtk_widget_get_width (GTK_WIDGET (side_pane)), 0, 4096));
      g_settings_set_int (settings, "side-panel-position",
                          CLAMP (gtk_paned_get_position (side_pane), 0, 32767));
    }
  g_settings_apply (settings);
}

/* -------------------------------------------------------------- actions */

void
ladder_settings_add_actions (GActionMap *map)
{
  GSettings *settings = ladder_settings_get ();
  g_autoptr(GAction) action = NULL;

  g_return_if_fail (G_IS_ACTION_MAP (map));

  if (settings == NULL)
    return;
  action = g_settings_create_action (settings, "default-layout");
  g_action_map_add_action (map, action);
  g_clear_object (&action);
  action = g_settings_create_action (settings, "show-report-counts");
  g_action_map_add_action (map, action);
  g_clear_object (&action);
  action = g_settings_create_action (settings, "show-overview-map");
  g_action_map_add_action (map, action);
}
