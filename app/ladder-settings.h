/* ladder-settings.h — preferences and window state that outlive a session
 *
 * The schema is io.github.ladderchart.Ladder.  It is looked up among the
 * installed schemas, then in the build tree (running uninstalled); when
 * neither has it the editor runs with the defaults and remembers nothing.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-chart.h"

G_BEGIN_DECLS

/* The application's settings (borrowed), or NULL without a schema. */
GSettings       *ladder_settings_get                 (void);

/* "default-layout", or TREE without a schema. */
LadderLayoutKind ladder_settings_get_default_layout  (void);

/* The folder of the last export, when it is still there, else NULL. */
GFile           *ladder_settings_dup_export_folder   (void);
void             ladder_settings_remember_export     (GFile *file);

/* The rules file the window uses (an absolute path), or NULL for the
 * built-in rules; also NULL without a schema. */
char            *ladder_settings_dup_rules_file      (void);
void             ladder_settings_set_rules_file      (const char *path);

/* Window size, maximized state and panel widths, restored when a window
 * is made and saved when it closes.  @side_pane is the window's side
 * panel, inside the chart pane, inside the palette pane. */
void             ladder_settings_restore_window      (GtkWindow *window, GtkPaned *side_pane);
void             ladder_settings_save_window         (GtkWindow *window, GtkPaned *side_pane);

/* app.default-layout, a radio action over "default-layout", and
 * app.show-report-counts and app.show-overview-map, toggles (nothing when
 * there is no schema). */
void             ladder_settings_add_actions         (GActionMap *map);

G_END_DECLS
