/* test-gui.c — the editor window driven as the user drives it: through
 * the functions its drop handlers call and its GActions.  Runs under
 * Xvfb (./run-tests); skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>
#include <math.h>

#include "ladder-application.h"
#include "ladder-canvas-private.h"
#include "ladder-history.h"
#include "ladder-io.h"
#include "ladder-properties-dialog.h"
#include "ladder-rules-file.h"
#include "ladder-settings.h"

static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Test team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "</orgchart>\n";


typedef LadderGuiFixture Fixture;

#define drain ladder_gui_drain

static int
setup (void **state)
{
  /* NULL without a display: the tests skip, teardown frees nothing. */
  *state = ladder_gui_fixture_new ("team.ladder", team_xml);
  return 0;
}

static int
teardown (void **state)
{
  ladder_gui_fixture_free (*state);
  return 0;
}

#define SKIP_WITHOUT_DISPLAY() LADDER_GUI_SKIP_WITHOUT_DISPLAY ()

#define person ladder_gui_person

#define activate(f, action) assert_true (ladder_gui_activate ((f), (action)))

/* Dropping a role on a person: a new report, selected, one undo step. */
static void
test_add_by_drop (void **state)
{
  Fixture *f = *state;
  guint p;

  SKIP_WITHOUT_DISPLAY ();
  assert_false (ladder_window_get_modified (f->window));
  p = ladder_window_add_role (f->window, "junior-pm", person (f, "spm"));
  drain ();
  assert_int_not_equal (p, LADDER_NONE);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 5);
  assert_string_equal (ladder_chart_get_role (f->chart, p), "junior-pm");
  assert_int_equal (ladder_chart_get_manager (f->chart, p), person (f, "spm"));
  assert_int_equal (ladder_window_get_selected (f->window), p);
  assert_true (ladder_window_get_modified (f->window));
  /* Dev Ray now mentors a junior: the one note (senior-pm-mentors) is gone. */
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), 0);

  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_n_people (f->chart), 4);
  assert_false (ladder_chart_is_alive (f->chart, p));
  assert_false (ladder_window_get_modified (f->window));
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), 1);

  activate (f, "win.redo");
  assert_int_equal (ladder_chart_get_n_people (f->chart), 5);
  assert_true (ladder_chart_is_alive (f->chart, p));
  assert_int_equal (ladder_chart_get_manager (f->chart, p), person (f, "spm"));
}

/* Dropping a role on empty space: a person without a manager. */
static void
test_add_unattached (void **state)
{
  Fixture *f = *state;
  guint p;

  SKIP_WITHOUT_DISPLAY ();
  p = ladder_window_add_role (f->window, "product-owner", LADDER_NONE);
  drain ();
  assert_int_equal (ladder_chart_get_manager (f->chart, p), LADDER_NONE);
  assert_int_equal (ladder_chart_get_n_roots (f->chart), 2);
  /* needs-manager: everyone but the CEO has a manager. */
  assert_int_equal (ladder_findings_count (ladder_window_get_findings (f->window),
                                           LADDER_SEVERITY_WARNING), 1);
}

/* Dropping a card on another: the move and its undo. */
static void
test_reparent (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_true (ladder_window_move_person (f->window, person (f, "spm"), person (f, "cpo"),
                                          LADDER_NONE, &error));
  assert_null (error);
  drain ();
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), person (f, "cpo"));
  assert_int_equal (ladder_chart_get_n_reports (f->chart, person (f, "cpo")), 2);

  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), person (f, "hop"));
  assert_false (ladder_window_get_modified (f->window));
}

/* Reordering among siblings: dropping into the gap before the first. */
static void
test_reorder (void **state)
{
  Fixture *f = *state;
  guint a, b;

  SKIP_WITHOUT_DISPLAY ();
  a = ladder_window_add_role (f->window, "pm", person (f, "hop"));
  b = ladder_window_add_role (f->window, "pm", person (f, "hop"));
  assert_int_equal (ladder_chart_get_position (f->chart, b), 2);
  assert_true (ladder_window_move_person (f->window, b, person (f, "hop"), 0, NULL));
  assert_int_equal (ladder_chart_get_first_report (f->chart, person (f, "hop")), b);
  assert_int_equal (ladder_chart_get_position (f->chart, person (f, "spm")), 1);
  assert_int_equal (ladder_chart_get_position (f->chart, a), 2);
  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_position (f->chart, b), 2);
}

/* A move that would make a cycle is refused and says why; nothing changes. */
static void
test_refused_cycle (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_false (ladder_window_move_person (f->window, person (f, "cpo"), person (f, "spm"),
                                           LADDER_NONE, &error));
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE));
  assert_string_equal (error->message,
                       "Cannot move Ben Cruz under Dev Ray: Dev Ray reports to Ben Cruz");
  assert_string_equal (ladder_window_get_toast (f->window), error->message);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "cpo")), person (f, "ceo"));
  assert_false (ladder_window_get_modified (f->window));
}

/* Delete moves the reports up; undo brings the person back over them. */
static void
test_delete_and_undo (void **state)
{
  Fixture *f = *state;
  guint hop;

  SKIP_WITHOUT_DISPLAY ();
  hop = person (f, "hop");
  ladder_window_select (f->window, hop);
  activate (f, "win.delete");
  assert_false (ladder_chart_is_alive (f->chart, hop));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), person (f, "cpo"));
  /* The manager of the removed person is selected next. */
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "cpo"));

  activate (f, "win.undo");
  assert_true (ladder_chart_is_alive (f->chart, hop));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), hop);
  assert_string_equal (ladder_chart_get_name (f->chart, hop), "Cleo Diaz");
}

/* Save writes the file; loading it again gives the same chart. */
static void
test_save_and_reload (void **state)
{
  Fixture *f = *state;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LadderWindow *other;
  LadderChart *reloaded;
  guint p;

  SKIP_WITHOUT_DISPLAY ();
  p = ladder_window_add_role (f->window, "junior-pm", person (f, "spm"));
  ladder_chart_set_name (f->chart, p, "Eve Moss");
  assert_true (ladder_window_get_modified (f->window));

  activate (f, "win.save");
  assert_false (ladder_window_get_modified (f->window));
  text = ladder_test_read (f->path, NULL);
  assert_non_null (strstr (text, "<person id=\"p1\" role=\"junior-pm\" name=\"Eve Moss\" manager=\"spm\"/>"));

  other = ladder_window_new (ladder_gui_test_get_app ());
  file = g_file_new_for_path (f->path);
  assert_true (ladder_window_load (other, file, &error));
  reloaded = ladder_window_get_chart (other);
  assert_int_equal (ladder_chart_get_n_people (reloaded), 5);
  assert_string_equal (ladder_chart_get_title (reloaded), "Test team");
  assert_int_equal (ladder_chart_get_manager (reloaded, ladder_chart_lookup (reloaded, "p1")),
                    ladder_chart_lookup (reloaded, "spm"));
  assert_false (ladder_window_get_modified (other));
  gtk_window_destroy (GTK_WINDOW (other));
}

/* A file that fails to load says FILE:LINE and leaves the chart alone. */
static void
test_failed_load_keeps_chart (void **state)
{
  Fixture *f = *state;
  g_autofree char *bad = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_add_role (f->window, "pm", person (f, "hop"));
  bad = ladder_test_write ("bad.ladder",
                           "<?xml version=\"1.0\"?>\n"
                           "<orgchart version=\"1\">\n"
                           "  <person id=\"a\" role=\"ceo\"/>\n"
                           "  <person id=\"b\" role=\"pm\" manager=\"nobody\"/>\n"
                           "</orgchart>\n");
  file = g_file_new_for_path (bad);
  assert_false (ladder_window_load (f->window, file, &error));
  assert_non_null (error);
  expected = g_strdup_printf ("%s:4: error:", bad);
  assert_true (g_str_has_prefix (error->message, expected));

  assert_int_equal (ladder_chart_get_n_people (f->chart), 5);
  assert_string_equal (ladder_chart_get_title (f->chart), "Test team");
  assert_true (ladder_window_get_modified (f->window));
  path = g_file_get_path (ladder_window_get_file (f->window));
  assert_string_equal (path, f->path);
  /* The edit made before the failed load can still be undone. */
  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_n_people (f->chart), 4);
}

/* New from a template: the bundled example, as a new unsaved document. */
static void
test_new_from_template (void **state)
{
  Fixture *f = *state;
  g_autofree char *example = ladder_test_source_path ("examples/startup.ladder");
  g_autoptr(LadderChart) expected = ladder_load_file (example, NULL, NULL, NULL);

  SKIP_WITHOUT_DISPLAY ();
  assert_non_null (expected);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", "s", "startup"));
  drain ();
  assert_int_equal (ladder_chart_get_n_people (f->chart), ladder_chart_get_n_people (expected));
  assert_string_equal (ladder_chart_get_title (f->chart), ladder_chart_get_title (expected));
  assert_null (ladder_window_get_file (f->window));
  assert_false (ladder_window_get_modified (f->window));

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", "s", "empty"));
  drain ();
  assert_int_equal (ladder_chart_get_n_people (f->chart), 0);
}

/* A CSV file opens as a new chart with unsaved changes: the title says
 * where it came from, Save is suggested, and saving writes a chart file
 * (the CSV stays as it was). */
static void
test_csv_import_unsaved (void **state)
{
  Fixture *f = *state;
  const char *csv = "id,role,name,manager\n"
                    "a,ceo,Ada Obi,\n"
                    "b,pm,Ben Cruz,a\n";
  g_autofree char *csv_path = ladder_test_write ("people.csv", csv);
  g_autofree char *chart_path = g_build_filename (ladder_test_tmpdir (), "people.ladder", NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *csv_after = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) chart_file = g_file_new_for_path (chart_path);
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_true (ladder_window_load (f->window, csv_file, &error));
  drain ();
  assert_int_equal (ladder_chart_get_n_people (f->chart), 2);
  assert_null (ladder_window_get_file (f->window));
  assert_true (ladder_window_get_modified (f->window));
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)), "• people — Ladder");
  subtitle = g_strdup_printf ("Imported from %s, not saved yet", csv_path);
  assert_string_equal (ladder_document_get_subtitle (f->document), subtitle);
  assert_true (gtk_widget_has_css_class (ladder_gui_find_action (GTK_WIDGET (f->window), "win.save"),
                                         "suggested-action"));
  assert_false (ladder_window_is_pristine (f->window));

  assert_true (ladder_window_save_to (f->window, chart_file, &error));
  drain ();
  assert_false (ladder_window_get_modified (f->window));
  assert_true (g_file_equal (ladder_window_get_file (f->window), chart_file));
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)), "people.ladder — Ladder");
  assert_string_equal (ladder_document_get_subtitle (f->document), chart_path);
  csv_after = ladder_test_read (csv_path, NULL);
  assert_string_equal (csv_after, csv);
}

/* JSON, TSV and a file with no chart's extension open as imports too:
 * never written over by Save. */
static void
test_other_imports_unsaved (void **state)
{
  Fixture *f = *state;
  static const char * const names[] = { "team.json", "team.TSV", "team.ladder~" };
  static const char * const texts[] = {
    "[{\"id\": \"a\", \"name\": \"Ada Obi\", \"title\": \"CEO\"},\n"
    " {\"id\": \"b\", \"pid\": \"a\", \"name\": \"Ben Cruz\", \"title\": \"Senior PM\"}]\n",
    "id\tname\tmanager\na\tAda Obi\t\nb\tBen Cruz\ta\n",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orgchart version=\"1\">\n"
    "  <person id=\"a\" role=\"ceo\" name=\"Ada Obi\"/>\n"
    "  <person id=\"b\" role=\"pm\" name=\"Ben Cruz\" manager=\"a\"/>\n</orgchart>\n",
  };

  SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = ladder_test_write (names[i], texts[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      assert_true (ladder_window_load (f->window, file, &error));
      drain ();
      assert_int_equal (ladder_chart_get_n_people (ladder_window_get_chart (f->window)), 2);
      assert_null (ladder_window_get_file (f->window));
      assert_true (ladder_window_get_modified (f->window));
    }
}

/* Save is the suggested button only while there is something to save. */
static void
test_save_button_suggested (void **state)
{
  Fixture *f = *state;
  GtkWidget *save;

  SKIP_WITHOUT_DISPLAY ();
  save = ladder_gui_find_action (GTK_WIDGET (f->window), "win.save");
  assert_false (gtk_widget_has_css_class (save, "suggested-action"));
  ladder_window_add_role (f->window, "pm", person (f, "hop"));
  drain ();
  assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  activate (f, "win.undo");
  assert_false (gtk_widget_has_css_class (save, "suggested-action"));
  activate (f, "win.redo");
  assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  activate (f, "win.save");
  assert_false (gtk_widget_has_css_class (save, "suggested-action"));
}

/* Where @p's card is on the canvas, in widget pixels. */
static void
card_centre (Fixture *f, guint p, double *x, double *y)
{
  LadderCanvas *canvas = ladder_gui_canvas (f);
  const LadderBox *box = ladder_layout_get_box (ladder_canvas_get_layout (canvas), p);
  double ox, oy;

  assert_non_null (box);
  ladder_canvas_get_origin (canvas, &ox, &oy);
  ladder_viewport_to_widget (ladder_canvas_get_viewport (canvas),
                             box->x + ox + box->width / 2.0, box->y + oy + box->height / 2.0,
                             x, y);
}

/* A button-1 drag from @p's card to the widget point (@x, @y). */
static void
drag_card (Fixture *f, guint p, double x, double y)
{
  LadderCanvas *canvas = ladder_gui_canvas (f);
  double cx, cy;

  card_centre (f, p, &cx, &cy);
  ladder_canvas_drag_begin (canvas, cx, cy);
  ladder_canvas_drag_update (canvas, (x - cx) / 2.0, (y - cy) / 2.0);
  ladder_canvas_drag_update (canvas, x - cx, y - cy);
  ladder_canvas_drag_end (canvas, x - cx, y - cy);
  drain ();
}

/* A card dropped on empty canvas reports to no one, its reports with it,
 * as one undo step; a twitch, a drop outside the view or a person who
 * has no manager anyway changes nothing. */
static void
test_drag_detach (void **state)
{
  Fixture *f = *state;
  GtkWidget *canvas;
  double cx, cy;

  SKIP_WITHOUT_DISPLAY ();
  canvas = GTK_WIDGET (ladder_gui_canvas (f));
  assert_true (gtk_widget_get_width (canvas) > 100 && gtk_widget_get_height (canvas) > 100);
  /* The chart is one column in the middle: the top-left corner is empty. */
  assert_int_equal (ladder_canvas_hit (ladder_gui_canvas (f), 10, 10), LADDER_NONE);

  /* Less than the drag threshold: a click that selects. */
  card_centre (f, person (f, "hop"), &cx, &cy);
  drag_card (f, person (f, "hop"), cx + 4, cy + 3);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "hop")), person (f, "cpo"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "hop"));
  assert_false (ladder_window_get_modified (f->window));

  /* Let go outside the canvas. */
  drag_card (f, person (f, "hop"), -40, 10);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "hop")), person (f, "cpo"));
  assert_false (ladder_window_get_modified (f->window));

  drag_card (f, person (f, "hop"), 10, 10);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "hop")), LADDER_NONE);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), person (f, "hop"));
  assert_int_equal (ladder_chart_get_n_roots (f->chart), 2);
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "hop"));
  assert_true (ladder_window_get_modified (f->window));
  assert_int_equal (ladder_findings_count (ladder_window_get_findings (f->window),
                                           LADDER_SEVERITY_WARNING), 1);

  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "hop")), person (f, "cpo"));
  assert_int_equal (ladder_chart_get_n_roots (f->chart), 1);
  assert_false (ladder_window_get_modified (f->window));
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));

  /* The CEO already reports to no one: no step to undo. */
  drag_card (f, person (f, "ceo"), 10, 10);
  assert_int_equal (ladder_chart_get_n_roots (f->chart), 1);
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));
}

/* A card held near an edge of the view scrolls it; away from the edges
 * nothing scrolls, and the scrolling ends with the drag. */
static void
test_drag_edge_scroll (void **state)
{
  Fixture *f = *state;
  LadderCanvas *canvas;
  LadderViewport *viewport;
  double cx, cy, x0, y0;
  int height;

  SKIP_WITHOUT_DISPLAY ();
  canvas = ladder_gui_canvas (f);
  viewport = ladder_canvas_get_viewport (canvas);
  activate (f, "win.zoom-reset");
  ladder_viewport_set_zoom (viewport, 3.0);
  ladder_canvas_reveal (canvas, person (f, "hop"), TRUE);
  drain ();
  /* At 300% the one column of four is taller than the view. */
  height = gtk_widget_get_height (GTK_WIDGET (canvas));
  card_centre (f, person (f, "hop"), &cx, &cy);
  x0 = ladder_viewport_get_x (viewport);
  y0 = ladder_viewport_get_y (viewport);

  ladder_canvas_drag_begin (canvas, cx, cy);
  ladder_canvas_drag_update (canvas, 0, height - 4 - cy);
  assert_true (ladder_canvas_edge_scroll_step (canvas, 0.1));
  assert_true (ladder_viewport_get_y (viewport) > y0);
  assert_true (ladder_viewport_get_x (viewport) == x0);

  /* Back in the middle: no more scrolling; let go on the card itself. */
  y0 = ladder_viewport_get_y (viewport);
  ladder_canvas_drag_update (canvas, 0, height / 2.0 - cy);
  assert_false (ladder_canvas_edge_scroll_step (canvas, 0.1));
  assert_true (ladder_viewport_get_y (viewport) == y0);
  card_centre (f, person (f, "hop"), &cx, &cy);
  ladder_canvas_drag_update (canvas, cx - canvas->drag_start_x, cy - canvas->drag_start_y);
  ladder_canvas_drag_end (canvas, cx - canvas->drag_start_x, cy - canvas->drag_start_y);
  drain ();
  assert_int_equal (canvas->edge_tick, 0);
  assert_false (ladder_canvas_edge_scroll_step (canvas, 0.1));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "hop")), person (f, "cpo"));
  assert_false (ladder_window_get_modified (f->window));
}

/* A chart opens fitted to the window, but never so small that names cannot
 * be read: a wide one shows its top, its first root in the middle.
 * Ctrl+1 still fits all of it. */
static void
test_open_readable (void **state)
{
  Fixture *f = *state;
  LadderCanvas *canvas;
  LadderViewport *viewport;
  g_autoptr(GString) xml = g_string_new ("<orgchart version=\"1\">\n"
                                         "  <person id=\"ceo\" role=\"ceo\"/>\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double cx, cy, zoom;
  int width;

  SKIP_WITHOUT_DISPLAY ();
  canvas = ladder_gui_canvas (f);
  viewport = ladder_canvas_get_viewport (canvas);
  /* The four-person team fits as it is. */
  assert_true (ladder_viewport_get_zoom (viewport) > 0.5);

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (xml, "  <person id=\"p%u\" role=\"pm\" manager=\"ceo\"/>\n", i);
  g_string_append (xml, "</orgchart>\n");
  path = ladder_test_write ("wide.ladder", xml->str);
  file = g_file_new_for_path (path);
  assert_true (ladder_window_load (f->window, file, NULL));
  f->chart = ladder_window_get_chart (f->window);
  drain ();
  assert_true (ladder_viewport_get_zoom (viewport) == 0.5);
  card_centre (f, person (f, "ceo"), &cx, &cy);
  assert_true (fabs (cx - gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0) < 1.0);
  assert_true (cy > 0 && cy < gtk_widget_get_height (GTK_WIDGET (canvas)));

  /* A new size keeps it so, until the user zooms. */
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (canvas)) == width; i++)
    {
      g_usleep (10000);
      drain ();
    }
  assert_int_not_equal (gtk_widget_get_width (GTK_WIDGET (canvas)), width);
  card_centre (f, person (f, "ceo"), &cx, &cy);
  assert_true (fabs (cx - gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0) < 1.0);

  activate (f, "win.zoom-fit");
  zoom = ladder_viewport_get_zoom (viewport);
  assert_true (zoom < 0.5);
  card_centre (f, person (f, "p0"), &cx, &cy);
  assert_true (cx >= 0);
  card_centre (f, person (f, "p59"), &cx, &cy);
  assert_true (cx <= gtk_widget_get_width (GTK_WIDGET (canvas)));
}

/* Folding is view state: no undo step, nothing modified, and Ctrl+Z
 * after a fold undoes the edit before it.  Down on a folded card unfolds
 * it and selects the first report. */
static void
test_keyboard_selection_and_fold (void **state)
{
  Fixture *f = *state;
  LadderDocument *document;
  guint cpo;

  SKIP_WITHOUT_DISPLAY ();
  document = ladder_window_get_document (f->window);
  cpo = person (f, "cpo");
  ladder_document_rename (document, cpo, "Ines Ruiz");
  ladder_window_select (f->window, cpo);
  activate (f, "win.fold");
  assert_true (ladder_chart_get_collapsed (f->chart, cpo));
  assert_true (ladder_document_get_folds_changed (document));
  activate (f, "win.undo");
  assert_true (ladder_chart_get_collapsed (f->chart, cpo));
  assert_string_equal (ladder_chart_get_name (f->chart, cpo), "Ben Cruz");
  assert_false (ladder_window_get_modified (f->window));

  ladder_canvas_move_selection (ladder_gui_canvas (f), LADDER_CANVAS_MOVE_DOWN);
  assert_false (ladder_chart_get_collapsed (f->chart, cpo));
  assert_int_equal (ladder_window_get_selected (f->window),
                    ladder_chart_get_first_report (f->chart, cpo));
}

/* Ctrl+F on a name folded away: the team unfolds, the card is selected;
 * unfolding to show someone is not an edit. */
static void
test_search_unfolds (void **state)
{
  Fixture *f = *state;
  GtkWidget *entry;

  SKIP_WITHOUT_DISPLAY ();
  ladder_document_fold (f->document, person (f, "cpo"), TRUE);
  activate (f, "win.find");
  entry = ladder_gui_find (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, 0);
  assert_non_null (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dev Ray");
  activate (f, "win.find-next");
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "spm"));
  assert_false (ladder_chart_get_collapsed (f->chart, person (f, "cpo")));
  assert_false (ladder_window_get_modified (f->window));

  /* Zoomed far out, a match is shown at a readable scale, centred. */
  ladder_viewport_set_zoom (ladder_canvas_get_viewport (ladder_gui_canvas (f)), 0.05);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ben Cruz");
  activate (f, "win.find-next");
  drain ();
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "cpo"));
  assert_true (ladder_viewport_get_zoom (ladder_canvas_get_viewport (ladder_gui_canvas (f))) == 0.5);
  {
    double cx, cy;

    card_centre (f, person (f, "cpo"), &cx, &cy);
    assert_true (fabs (cx - gtk_widget_get_width (GTK_WIDGET (ladder_gui_canvas (f))) / 2.0) < 1.0);
    assert_true (cy > 0 && cy < gtk_widget_get_height (GTK_WIDGET (ladder_gui_canvas (f))));
  }
}

/* The Undo and Redo buttons say which step; undo selects what it changed. */
static void
test_undo_names_the_step (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = NULL, *after = NULL, *undone = NULL, *redo = NULL;

  SKIP_WITHOUT_DISPLAY ();
  before = ladder_window_dup_step_tooltip (f->window, FALSE);
  assert_string_equal (before, "Undo (Ctrl+Z)");
  assert_true (ladder_window_move_person (f->window, person (f, "spm"), person (f, "cpo"),
                                          LADDER_NONE, NULL));
  drain ();
  after = ladder_window_dup_step_tooltip (f->window, FALSE);
  assert_string_equal (after, "Undo Move Dev Ray (Ctrl+Z)");
  ladder_window_select (f->window, person (f, "ceo"));
  ladder_document_fold (f->document, person (f, "cpo"), TRUE);
  activate (f, "win.undo");
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "spm")), person (f, "hop"));
  /* Selected and shown: the fold that hid it is open again. */
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "spm"));
  assert_false (ladder_chart_get_collapsed (f->chart, person (f, "cpo")));
  undone = ladder_window_dup_step_tooltip (f->window, FALSE);
  assert_string_equal (undone, "Undo (Ctrl+Z)");
  redo = ladder_window_dup_step_tooltip (f->window, TRUE);
  assert_string_equal (redo, "Redo Move Dev Ray (Shift+Ctrl+Z)");
}

/* Folds alone are not unsaved changes: the window closes without asking. */
static void
test_close_after_fold (void **state)
{
  Fixture *f = *state;
  gpointer window;

  SKIP_WITHOUT_DISPLAY ();
  window = f->window;
  g_object_add_weak_pointer (window, &window);
  ladder_window_select (f->window, person (f, "cpo"));
  activate (f, "win.fold");
  assert_true (ladder_chart_get_collapsed (f->chart, person (f, "cpo")));
  gtk_window_close (GTK_WINDOW (f->window));
  drain ();
  assert_null (window);
  f->window = NULL;
}

/* Chart Properties: title, head count and layout as one step; the title
 * bar follows. */
static void
test_chart_properties (void **state)
{
  Fixture *f = *state;
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *dialog = NULL;
  GtkWidget *title, *check;

  SKIP_WITHOUT_DISPLAY ();
  activate (f, "win.properties");
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), "ladder-properties") == 0)
        dialog = GTK_WINDOW (w);
    }
  assert_non_null (dialog);
  title = ladder_gui_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (title)), "Test team");
  gtk_editable_set_text (GTK_EDITABLE (title), "Acme product");
  check = ladder_gui_find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ladder_gui_find (GTK_WIDGET (dialog),
                                                               GTK_TYPE_SPIN_BUTTON, 0)), 1200);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ladder_gui_find (GTK_WIDGET (dialog),
                                                              GTK_TYPE_DROP_DOWN, 0)), 1);
  ladder_properties_dialog_apply (dialog);
  gtk_window_destroy (dialog);
  drain ();

  assert_string_equal (ladder_chart_get_title (f->chart), "Acme product");
  assert_int_equal (ladder_chart_get_employees (f->chart), 1200);
  assert_int_equal (ladder_chart_get_layout (f->chart), LADDER_LAYOUT_COMPACT);
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)), "• Acme product — Ladder");
  assert_int_equal (ladder_history_get_n_steps (ladder_document_get_history (f->document)), 1);
  activate (f, "win.undo");
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)), "Test team — Ladder");
  assert_int_equal (ladder_chart_get_employees (f->chart), -1);
}

/* A CSV named in any case (team.Csv) is an import: Ctrl+S never writes
 * the chart back into it. */
static void
test_csv_any_case_is_import (void **state)
{
  Fixture *f = *state;
  g_autofree char *csv_path = ladder_test_write ("team.Csv", "id,role,name\na,ceo,Ada Obi\n");
  g_autofree char *out_path = g_build_filename (ladder_test_tmpdir (), "again.cSV", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_true (ladder_window_load (f->window, csv_file, &error));
  drain ();
  assert_null (ladder_window_get_file (f->window));
  assert_true (ladder_window_get_modified (f->window));
  /* Saving to another .cSV writes CSV and leaves the document unsaved. */
  assert_true (ladder_window_save_to (f->window, out_file, &error));
  written = ladder_test_read (out_path, NULL);
  assert_true (g_str_has_prefix (written, "id,name,role,manager,"));
  assert_null (ladder_window_get_file (f->window));
  assert_true (ladder_window_get_modified (f->window));
}

/* A message of 90 KB (a CSV's unknown columns, a file's long id) is cut
 * before the window shows it: a label that size spins for seconds. */
static void
test_huge_messages_cut_in_window (void **state)
{
  Fixture *f = *state;
  g_autofree char *huge = g_strnfill (90000, 'x');
  const char *toast;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_show_toast (f->window, huge);
  toast = ladder_window_get_toast (f->window);
  assert_int_equal (g_utf8_strlen (toast, -1), 1000);
  assert_true (g_str_has_suffix (toast, "x…"));
  /* The label says the cut message itself. */
  assert_true (ladder_gui_toast_shown (f));
  drain ();
}

/* A CSV of 10,000 unknown columns, one named in 60 KB (its warning was a
 * 90 KB toast that kept the window busy for seconds), opens with a toast
 * naming ten, each cut, and "and N more". */
static void
test_many_columns_toast (void **state)
{
  Fixture *f = *state;
  GString *csv = g_string_new ("id,role,");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *toast;

  SKIP_WITHOUT_DISPLAY ();
  for (guint i = 0; i < 60000; i++)
    g_string_append_c (csv, 'c');
  for (guint i = 1; i <= 10000; i++)
    g_string_append_printf (csv, ",extra%u", i);
  g_string_append (csv, "\na,ceo\n");
  path = ladder_test_write ("columns.csv", csv->str);
  g_string_free (csv, TRUE);
  file = g_file_new_for_path (path);
  assert_true (ladder_window_load (f->window, file, &error));
  drain ();
  toast = ladder_window_get_toast (f->window);
  assert_non_null (toast);
  assert_non_null (strstr (toast, "10001 columns are not used: “cccccccc"));
  assert_true (g_str_has_suffix (toast, "“extra8”, “extra9” and 9991 more"));
  assert_true (g_utf8_strlen (toast, -1) < 300);
}

/* Main menu "Rules File…": the open window checks its chart against the
 * chosen file at once, the choice is remembered, a file that cannot be
 * read changes nothing, and "Built-in Rules" goes back. */
static void
test_rules_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *rules = ladder_test_source_path ("examples/rules/org-health.xml");
  g_autofree char *bad = ladder_test_write ("bad-rules.xml", "<rules version=\"1\">\n</rules>\n");
  g_autofree char *bad_message = g_strdup_printf ("%s:1: error: a rules file needs at least one <role>", bad);
  g_autofree char *remembered = NULL;
  g_autoptr(GError) error = NULL;
  GAction *builtin;
  LadderFindings *findings;
  guint n_builtin;
  LadderApplication *app = ladder_gui_test_get_app ();

  SKIP_WITHOUT_DISPLAY ();
  builtin = g_action_map_lookup_action (G_ACTION_MAP (app), "builtin-rules");
  assert_non_null (g_action_map_lookup_action (G_ACTION_MAP (app), "rules-file"));
  assert_false (g_action_get_enabled (builtin));
  n_builtin = ladder_findings_get_n (ladder_window_get_findings (f->window));

  assert_true (ladder_rules_file_use (app, rules, &error));
  assert_null (error);
  assert_ptr_equal (ladder_window_get_catalogue (f->window), ladder_application_get_catalogue (app));
  /* The CPO and the Head of Product lead one person each. */
  findings = ladder_window_get_findings (f->window);
  assert_int_equal (ladder_findings_get_n (findings), n_builtin + 2);
  assert_string_equal (ladder_findings_get (findings, 0)->message,
                       "Ben Cruz (Chief Product Officer) has only 1 of the 3 direct reports our "
                       "policy asks of a product leader");
  assert_true (g_action_get_enabled (builtin));
  remembered = ladder_settings_dup_rules_file ();
  if (ladder_settings_get () != NULL)
    assert_string_equal (remembered, rules);

  assert_false (ladder_rules_file_use (app, bad, &error));
  assert_string_equal (error->message, bad_message);
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), n_builtin + 2);

  g_action_activate (builtin, NULL);
  assert_ptr_equal (ladder_window_get_catalogue (f->window), ladder_catalogue_get_default ());
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), n_builtin);
  assert_false (g_action_get_enabled (builtin));
  g_free (remembered);
  remembered = ladder_settings_dup_rules_file ();
  assert_null (remembered);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add_by_drop, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_unattached, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reparent, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reorder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refused_cycle, setup, teardown),
    cmocka_unit_test_setup_teardown (test_delete_and_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_and_reload, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failed_load_keeps_chart, setup, teardown),
    cmocka_unit_test_setup_teardown (test_new_from_template, setup, teardown),
    cmocka_unit_test_setup_teardown (test_keyboard_selection_and_fold, setup, teardown),
    cmocka_unit_test_setup_teardown (test_drag_detach, setup, teardown),
    cmocka_unit_test_setup_teardown (test_drag_edge_scroll, setup, teardown),
    cmocka_unit_test_setup_teardown (test_open_readable, setup, teardown),
    cmocka_unit_test_setup_teardown (test_csv_import_unsaved, setup, teardown),
    cmocka_unit_test_setup_teardown (test_other_imports_unsaved, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_button_suggested, setup, teardown),
    cmocka_unit_test_setup_teardown (test_csv_any_case_is_import, setup, teardown),
    cmocka_unit_test_setup_teardown (test_huge_messages_cut_in_window, setup, teardown),
    cmocka_unit_test_setup_teardown (test_many_columns_toast, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rules_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_search_unfolds, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_names_the_step, setup, teardown),
    cmocka_unit_test_setup_teardown (test_chart_properties, setup, teardown),
    cmocka_unit_test_setup_teardown (test_close_after_fold, setup, teardown),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
