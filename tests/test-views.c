/* test-views.c — what the editor's views compute without GTK: the
 * viewport's zoom and scrolling, a person in words, and the recovery copy
 * a document keeps.  No display needed (DISPLAY is unset). */
#include "ladder-test-util.h"

#include <string.h>

#include "ladder-autosave.h"
#include "ladder-describe.h"
#include "ladder-document.h"
#include "ladder-io.h"
#include "ladder-viewport.h"

static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Test team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" manager=\"cpo\"/>\n"
  "</orgchart>\n";

/* A 1000 × 500 view over a 4000 × 2000 drawing. */
static void
test_viewport_scrolls_and_zooms (void **state)
{
  g_autoptr(LadderViewport) viewport = ladder_viewport_new ();
  double x, y;

  ladder_viewport_set_view_size (viewport, 1000, 500);
  ladder_viewport_set_content_size (viewport, 4000, 2000);
  ladder_viewport_set_position (viewport, 0, 0);

  /* Revealing a card scrolls only as far as needed, with 24 of margin. */
  ladder_viewport_reveal (viewport, 1500, 100, 200, 80);
  assert_float_equal (ladder_viewport_get_x (viewport), 1500 + 200 + 24 - 1000, 1e-9);
  assert_float_equal (ladder_viewport_get_y (viewport), 0, 1e-9);
  /* Already in view: nothing moves. */
  ladder_viewport_reveal (viewport, 800, 100, 100, 80);
  assert_float_equal (ladder_viewport_get_x (viewport), 724, 1e-9);

  /* Centring never leaves empty space past the drawing's end. */
  ladder_viewport_center_on (viewport, 3990, 1990);
  assert_float_equal (ladder_viewport_get_x (viewport), 3000, 1e-9);
  assert_float_equal (ladder_viewport_get_y (viewport), 1500, 1e-9);

  /* Zooming keeps the point under the pointer where it is. */
  ladder_viewport_set_position (viewport, 1000, 500);
  ladder_viewport_zoom_at (viewport, 2.0, 100, 100);
  ladder_viewport_to_drawing (viewport, 100, 100, &x, &y);
  assert_float_equal (x, 1100, 1e-9);
  assert_float_equal (y, 600, 1e-9);
  assert_float_equal (ladder_viewport_get_zoom (viewport), 2.0, 1e-9);

  /* Fit: all of it, never above 100%; the zoom is clamped. */
  ladder_viewport_fit (viewport);
  assert_float_equal (ladder_viewport_get_zoom (viewport), 0.25, 1e-9);
  ladder_viewport_set_zoom (viewport, 100);
  assert_float_equal (ladder_viewport_get_zoom (viewport), LADDER_VIEWPORT_MAX_ZOOM, 1e-9);
  /* At least 50%: the top, centred on the focus. */
  ladder_viewport_fit_at_least (viewport, 0.5, 2000);
  assert_float_equal (ladder_viewport_get_zoom (viewport), 0.5, 1e-9);
  assert_float_equal (ladder_viewport_get_x (viewport), 1000, 1e-9);
  assert_float_equal (ladder_viewport_get_y (viewport), 0, 1e-9);
}

/* How a person is named: name, else title, else the role's name. */
static void
test_describe (void **state)
{
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (team_xml, strlen (team_xml),
                                                         "team.ladder", NULL);
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  guint spm = ladder_chart_lookup (chart, "spm");
  g_autofree char *words = NULL;

  assert_string_equal (ladder_describe_label (chart, catalogue, ladder_chart_lookup (chart, "cpo")),
                       "Ben Cruz");
  assert_string_equal (ladder_describe_label (chart, catalogue, spm), "Senior Product Manager");
  ladder_chart_set_person_title (chart, spm, "PM, Growth");
  assert_string_equal (ladder_describe_label (chart, catalogue, spm), "PM, Growth");
  words = ladder_describe_person (chart, catalogue, NULL, ladder_chart_lookup (chart, "cpo"));
  assert_non_null (strstr (words, "Ben Cruz"));
  assert_non_null (strstr (words, "Ada Obi"));
}

/* The document's recovery copy: written while there are unsaved edits,
 * with what it was; gone once the document is saved. */
static void
test_recovery_copy_of_document (void **state)
{
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (team_xml, strlen (team_xml),
                                                         "team.ladder", NULL);
  g_autoptr(LadderDocument) document = ladder_document_new (ladder_catalogue_get_default ());
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "team.ladder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderAutosave) autosave = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *title = NULL;
  const char *copy_path;

  ladder_document_replace (document, chart, NULL);
  assert_true (ladder_document_save_to (document, file, NULL));
  autosave = ladder_autosave_new (document);
  copy_path = ladder_autosave_get_path (autosave);

  ladder_document_rename (document, ladder_chart_lookup (ladder_document_get_chart (document), "spm"),
                          "Dev Ray");
  assert_true (ladder_autosave_write_now (autosave, NULL));
  copy = ladder_test_read (copy_path, NULL);
  assert_non_null (strstr (copy, "name=\"Dev Ray\""));
  info_path = g_strdup (copy_path);
  strcpy (info_path + strlen (info_path) - strlen (".ladder"), ".ini");
  assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  title = g_key_file_get_string (info, "Recovery", "Title", NULL);
  assert_string_equal (title, "Test team");
  assert_int_equal (g_key_file_get_uint64 (info, "Recovery", "People", NULL), 3);

  /* Saved: nothing to recover any more. */
  assert_true (ladder_document_save_to (document, file, NULL));
  ladder_autosave_wait_idle ();
  assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  ladder_autosave_close (autosave);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_viewport_scrolls_and_zooms),
    cmocka_unit_test (test_describe),
    cmocka_unit_test (test_recovery_copy_of_document),
  };
  g_autofree char *data_home = g_build_filename (ladder_test_tmpdir (), "data", NULL);

  /* No display, and never the user's own recovery folder. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return cmocka_run_group_tests_name ("views", tests, NULL, NULL);
}
