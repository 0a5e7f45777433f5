/* ladder-gui-test.h — the one fixture the GUI tests share: a real window
 * on a chart file, driven through public API only */
#pragma once

#include "ladder-test-util.h"

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-canvas.h"
#include "ladder-document.h"
#include "ladder-window.h"

G_BEGIN_DECLS

typedef struct {
  LadderWindow   *window;
  LadderDocument *document;
  LadderChart    *chart;
  char           *path;      /* the chart file the window opened */
} LadderGuiFixture;

/* Points XDG_DATA_HOME into the test's directory (the recent-files list
 * and recovery copies are never the user's), starts GTK and registers the
 * application.  FALSE without a display: the tests then skip. */
gboolean           ladder_gui_test_init      (void);
gboolean           ladder_gui_test_have_display (void);
LadderApplication *ladder_gui_test_get_app   (void);

/* Writes @xml to @name, opens it in a new window, presented.  NULL (and
 * nothing done) without a display. */
LadderGuiFixture  *ladder_gui_fixture_new    (const char *name, const char *xml);
/* Destroys the window (if still there) and frees @f. */
void               ladder_gui_fixture_free   (LadderGuiFixture *f);

/* Runs the main loop until nothing is pending and no window is opening
 * a file. */
void               ladder_gui_drain          (void);
/* The person with @id (asserted to exist). */
guint              ladder_gui_person         (LadderGuiFixture *f, const char *id);
/* Activates the window's action @name ("win.undo") and drains. */
gboolean           ladder_gui_activate       (LadderGuiFixture *f, const char *name);

/* The @nth (from 0) widget of @type under @root, depth first, or NULL. */
GtkWidget         *ladder_gui_find           (GtkWidget *root, GType type, guint nth);
/* The button (or other actionable) under @root whose action is @action. */
GtkWidget         *ladder_gui_find_action    (GtkWidget *root, const char *action);
/* The window's canvas. */
LadderCanvas      *ladder_gui_canvas         (LadderGuiFixture *f);
/* The side panel's stack (the one with a "findings" page). */
GtkStack          *ladder_gui_side_stack     (LadderGuiFixture *f);
/* TRUE while the window's toast (ladder_window_get_toast()) is shown. */
gboolean           ladder_gui_toast_shown    (LadderGuiFixture *f);

/* Runs the main loop until @done (@data) says so, for at most 10 s;
 * returns what @done says then. */
gboolean           ladder_gui_wait_for       (gboolean (*done) (gpointer), gpointer data);
/* Escape as @widget's key controllers see it, in the order they were
 * added, until one takes it; TRUE when one did. */
gboolean           ladder_gui_press_escape   (GtkWidget *widget);

#define LADDER_GUI_SKIP_WITHOUT_DISPLAY() \
  do { if (!ladder_gui_test_have_display ()) skip (); } while (0)

G_END_DECLS
