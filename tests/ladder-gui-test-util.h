/* ladder-gui-test-util.h — the window fixture the GUI tests share
 *
 * Include after ladder-test-util.h (cmocka). */
#pragma once

#include "ladder-window.h"

typedef struct {
  LadderWindow *window;
  LadderChart  *chart;    /* the window's */
  char         *path;     /* the file it was opened from */
} LadderGuiFixture;

/* Runs what the main loop has pending, without waiting. */
void              ladder_test_drain              (void);
/* Writes @xml to @name in the test directory and opens it in a new,
 * presented window of @app; fails the test when it does not load. */
LadderGuiFixture *ladder_gui_fixture_new         (LadderApplication *app, const char *name,
                                                  const char *xml);
/* Destroys the window and frees @fixture (NULL: nothing). */
void              ladder_gui_fixture_free        (LadderGuiFixture *fixture);
/* The person with @id; fails the test when there is none. */
guint             ladder_gui_fixture_person      (LadderGuiFixture *fixture, const char *id);
