/* ladder-gui-test-util.c — the window fixture the GUI tests share */
#include "ladder-test-util.h"

#include <gtk/gtk.h>

#include "ladder-gui-test-util.h"

void
ladder_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

LadderGuiFixture *
ladder_gui_fixture_new (LadderApplication *app, const char *name, const char *xml)
{
  LadderGuiFixture *fixture = g_new0 (LadderGuiFixture, 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  fixture->path = ladder_test_write (name, xml);
  fixture->window = ladder_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (fixture->path);
  assert_true (ladder_window_load (fixture->window, file, &error));
  assert_null (error);
  fixture->chart = ladder_window_get_chart (fixture->window);
  ladder_test_drain ();
  return fixture;
}

void
ladder_gui_fixture_free (LadderGuiFixture *fixture)
{
  if (fixture == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ladder_test_drain ();
  g_free (fixture->path);
  g_free (fixture);
}

guint
ladder_gui_fixture_person (LadderGuiFixture *fixture, const char *id)
{
  guint person = ladder_chart_lookup (fixture->chart, id);

  assert_int_not_equal (person, LADDER_NONE);
  return person;
}
