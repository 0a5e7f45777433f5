/* test-overview.c — the window's Overview page, report counts on cards
 * and "Compare with…", driven through the window's actions and the
 * functions its widgets' handlers call.  Runs under Xvfb (./run-tests);
 * skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-canvas-private.h"
#include "ladder-compare-panel.h"
#include "ladder-overview.h"
#include "ladder-history.h"
#include "ladder-io.h"
#include "ladder-settings.h"

/* Levels: Ada | Ben, Fay | Cleo | Dev | Eve, (vacant).  Managers: Ada (2),
 * Ben (1), Cleo (1), Dev (2). */
static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "  <person id=\"pm1\" role=\"pm\" name=\"Eve Li\" manager=\"spm\"/>\n"
  "  <person id=\"pm2\" role=\"pm\" vacant=\"true\" manager=\"spm\"/>\n"
  "  <person id=\"dir\" role=\"director-product\" name=\"Fay Ng\" manager=\"ceo\"/>\n"
  "</orgchart>\n";

/* The same team before: Eve reported to Cleo, Fay had a title, Gus was
 * there and the vacancy was not. */
static const char *old_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "  <person id=\"pm1\" role=\"pm\" name=\"Eve Li\" manager=\"hop\"/>\n"
  "  <person id=\"gus\" role=\"pm\" name=\"Gus Ott\" manager=\"hop\"/>\n"
  "  <person id=\"dir\" role=\"director-product\" name=\"Fay Ng\" manager=\"ceo\" title=\"Director\"/>\n"
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
  /* Each test starts from the default view options. */
  if (ladder_settings_get () != NULL)
    g_settings_reset (ladder_settings_get (), "show-report-counts");
  ladder_gui_fixture_free (*state);
  return 0;
}

#define SKIP_WITHOUT_DISPLAY() LADDER_GUI_SKIP_WITHOUT_DISPLAY ()

#define person ladder_gui_person

/* The ids of the people whose cards carry @bits, in slot order, space
 * separated; checks that the canvas has what the window has. */
static char *
marked (Fixture *f, guint8 bits)
{
  LadderCanvas *canvas = ladder_gui_canvas (f);
  GString *ids = g_string_new (NULL);

  for (guint p = 0; p < ladder_chart_get_capacity (f->chart); p++)
    {
      guint8 mark = canvas->marks != NULL && p < canvas->n_marks ? canvas->marks[p] : 0;

      if ((mark & bits) == 0 || !ladder_chart_is_alive (f->chart, p))
        continue;
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", ladder_chart_get_id (f->chart, p));
    }
  return g_string_free (ids, FALSE);
}

static char *
chosen_ids (Fixture *f)
{
  GString *ids = g_string_new (NULL);
  const guint *people;
  guint n;

  people = ladder_overview_get_chosen (LADDER_OVERVIEW (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_OVERVIEW, 0)), &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ladder_chart_get_id (f->chart, people[i]));
  return g_string_free (ids, FALSE);
}

static void
assert_bars (LadderBarChart *chart, const char *const *labels, const guint *values, guint n)
{
  assert_int_equal (ladder_bar_chart_get_n_bars (chart), n);
  for (guint i = 0; i < n; i++)
    {
      assert_string_equal (ladder_bar_chart_get_label (chart, i), labels[i]);
      assert_int_equal (ladder_bar_chart_get_value (chart, i), values[i]);
    }
}

/* What ladder_window_add_role() does, then Enter in the name's popover,
 * as the user would before going on. */
static guint
add_report (Fixture *f, const char *role, const char *manager)
{
  guint added = ladder_window_add_role (f->window, role, person (f, manager));

  assert_int_not_equal (added, LADDER_NONE);
  drain ();
  gtk_popover_popdown (GTK_POPOVER (ladder_gui_find (GTK_WIDGET (ladder_gui_canvas (f)),
                                                     GTK_TYPE_POPOVER, 0)));
  drain ();
  return added;
}

static void
show_overview (Fixture *f)
{
  gtk_stack_set_visible_child_name (ladder_gui_side_stack (f), "overview");
  drain ();
}

/* ------------------------------------------------------------- overview */

/* The figures and the four bar charts, as counted by hand. */
static void
test_overview_figures (void **state)
{
  Fixture *f = *state;
  LadderOverview *overview;
  g_autofree char *figures = NULL;

  SKIP_WITHOUT_DISPLAY ();
  overview = LADDER_OVERVIEW (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_OVERVIEW, 0));
  figures = ladder_overview_dup_figures (overview);
  assert_string_equal (figures, "People: 7; Vacancies: 1; Managers: 4; Levels: 5; "
                                "Span of control: 1 to 2, median 1.5, mean 1.5");
  assert_bars (ladder_overview_get_chart (overview, LADDER_OVERVIEW_ATTENTION),
               (const char *[]) { "Vacancies", "Managers with one report" },
               (guint[]) { 1, 2 }, 2);
  assert_bars (ladder_overview_get_chart (overview, LADDER_OVERVIEW_LEVELS),
               (const char *[]) { "Level 1", "Level 2", "Level 3", "Level 4", "Level 5" },
               (guint[]) { 1, 2, 1, 1, 2 }, 5);
  assert_bars (ladder_overview_get_chart (overview, LADDER_OVERVIEW_SPANS),
               (const char *[]) { "1 report", "2 reports" }, (guint[]) { 2, 2 }, 2);
  assert_bars (ladder_overview_get_chart (overview, LADDER_OVERVIEW_ROLES),
               (const char *[]) { "CEO", "Chief Product Officer", "Director of Product",
                                  "Head of Product", "Senior Product Manager", "Product Manager" },
               (guint[]) { 1, 1, 1, 1, 1, 2 }, 6);
}

/* Choosing a bar highlights exactly its people and lists them; a listed
 * person goes to the card; another page takes the highlight away. */
static void
test_overview_choose_bar (void **state)
{
  Fixture *f = *state;
  LadderOverview *overview;
  g_autofree char *level2 = NULL, *marks2 = NULL, *single = NULL, *marks_single = NULL;
  g_autofree char *vacant = NULL, *after_page = NULL, *back = NULL, *none = NULL;

  SKIP_WITHOUT_DISPLAY ();
  overview = LADDER_OVERVIEW (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_OVERVIEW, 0));
  show_overview (f);
  assert_string_equal ((none = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "");

  ladder_bar_chart_activate (ladder_overview_get_chart (overview, LADDER_OVERVIEW_LEVELS), 1);
  assert_string_equal ((level2 = chosen_ids (f)), "cpo dir");
  assert_string_equal ((marks2 = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "cpo dir");
  assert_int_equal (ladder_overview_get_n_rows (overview), 2);
  assert_int_equal (ladder_overview_get_row_person (overview, 0), person (f, "cpo"));
  assert_int_equal (ladder_overview_get_row_person (overview, 1), person (f, "dir"));

  /* One bar at a time, over all the charts. */
  ladder_bar_chart_activate (ladder_overview_get_chart (overview, LADDER_OVERVIEW_ATTENTION), 1);
  assert_int_equal (ladder_bar_chart_get_chosen (ladder_overview_get_chart (overview,
                                                                            LADDER_OVERVIEW_LEVELS)),
                    LADDER_BAR_NONE);
  assert_string_equal ((single = chosen_ids (f)), "cpo hop");
  assert_string_equal ((marks_single = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "cpo hop");
  ladder_bar_chart_activate (ladder_overview_get_chart (overview, LADDER_OVERVIEW_ATTENTION), 0);
  assert_string_equal ((vacant = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "pm2");

  ladder_overview_activate_row (overview, 0);
  drain ();
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "pm2"));

  gtk_stack_set_visible_child_name (ladder_gui_side_stack (f), "findings");
  drain ();
  assert_null (ladder_gui_canvas (f)->marks);
  assert_string_equal ((after_page = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "");
  show_overview (f);
  assert_string_equal ((back = marked (f, LADDER_CANVAS_MARK_CHOSEN)), "pm2");

  ladder_overview_choose (overview, LADDER_OVERVIEW_ATTENTION, LADDER_BAR_NONE);
  assert_null (ladder_gui_canvas (f)->marks);
  assert_int_equal (ladder_overview_get_n_rows (overview), 0);
  /* The view only: nothing to save, nothing to undo. */
  assert_false (ladder_window_get_modified (f->window));
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));
}

/* After an edit, the figures are counted again (in an idle) and the
 * chosen bar keeps its people up to date. */
static void
test_overview_follows_edits (void **state)
{
  Fixture *f = *state;
  LadderOverview *overview;
  LadderBarChart *levels;
  g_autofree char *before = NULL, *after = NULL, *marks = NULL;
  guint added;

  SKIP_WITHOUT_DISPLAY ();
  overview = LADDER_OVERVIEW (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_OVERVIEW, 0));
  levels = ladder_overview_get_chart (overview, LADDER_OVERVIEW_LEVELS);
  show_overview (f);
  ladder_bar_chart_activate (levels, 3);
  assert_string_equal ((before = chosen_ids (f)), "spm");

  added = add_report (f, "pm", "hop");
  assert_int_equal (ladder_bar_chart_get_value (levels, 3), 2);
  assert_int_equal (ladder_bar_chart_get_chosen (levels), 3);
  after = chosen_ids (f);
  assert_true (g_str_has_prefix (after, "spm "));
  assert_int_equal (ladder_overview_get_chosen (overview, &(guint) { 0 })[1], added);
  marks = marked (f, LADDER_CANVAS_MARK_CHOSEN);
  assert_string_equal (marks, after);

  /* Undo takes the new person and their bar away again. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  drain ();
  assert_int_equal (ladder_bar_chart_get_value (levels, 3), 1);
}

/* The report counts are a view option kept in GSettings: never an edit. */
static void
test_report_counts (void **state)
{
  Fixture *f = *state;
  GSettings *settings = ladder_settings_get ();
  g_autofree char *description = NULL;

  SKIP_WITHOUT_DISPLAY ();
  assert_non_null (settings);
  assert_false (ladder_canvas_get_show_counts (ladder_gui_canvas (f)));
  g_action_group_activate_action (G_ACTION_GROUP (ladder_gui_test_get_app ()), "show-report-counts", NULL);
  drain ();
  assert_true (g_settings_get_boolean (settings, "show-report-counts"));
  assert_true (ladder_canvas_get_show_counts (ladder_gui_canvas (f)));
  /* Drawn once (the next frame): the counts were taken then. */
  gtk_widget_queue_draw (GTK_WIDGET (ladder_gui_canvas (f)));
  for (int i = 0; i < 200 && ladder_gui_canvas (f)->counts == NULL; i++)
    {
      g_usleep (10000);
      drain ();
    }
  assert_non_null (ladder_gui_canvas (f)->counts);
  assert_int_equal (ladder_stats_get_direct_reports (ladder_gui_canvas (f)->counts,
                                                     person (f, "ceo")), 2);
  assert_int_equal (ladder_stats_get_total_reports (ladder_gui_canvas (f)->counts,
                                                    person (f, "ceo")), 6);
  assert_false (ladder_window_get_modified (f->window));
  assert_false (ladder_history_can_undo (ladder_document_get_history (f->document)));

  g_action_group_activate_action (G_ACTION_GROUP (ladder_gui_test_get_app ()), "show-report-counts", NULL);
  drain ();
  assert_false (ladder_canvas_get_show_counts (ladder_gui_canvas (f)));
}

/* ------------------------------------------------------------ comparing */

static void
compare_with_old (Fixture *f)
{
  g_autofree char *old_path = ladder_test_write ("old.ladder", old_xml);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GError) error = NULL;

  assert_true (ladder_window_compare_with (f->window, old_file, &error));
  assert_null (error);
  drain ();
}

/* Exactly the added, moved and changed cards are marked; the removed
 * person is listed; the rows go to the people. */
static void
test_compare_marks (void **state)
{
  Fixture *f = *state;
  LadderComparePanel *panel;
  g_autofree char *added = NULL, *moved = NULL, *changed = NULL, *description = NULL;
  guint n_rows;
  gboolean removed_listed = FALSE;

  SKIP_WITHOUT_DISPLAY ();
  panel = LADDER_COMPARE_PANEL (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_COMPARE_PANEL, 0));
  compare_with_old (f);
  assert_true (ladder_window_is_comparing (f->window));
  assert_string_equal (gtk_stack_get_visible_child_name (ladder_gui_side_stack (f)), "changes");
  assert_string_equal ((added = marked (f, LADDER_CANVAS_MARK_ADDED)), "pm2");
  assert_string_equal ((moved = marked (f, LADDER_CANVAS_MARK_MOVED)), "pm1");
  assert_string_equal ((changed = marked (f, LADDER_CANVAS_MARK_CHANGED)), "dir");
  /* A screen reader hears the marks too. */
  description = ladder_canvas_describe_marks (ladder_gui_canvas (f), person (f, "dir"));
  assert_string_equal (description, "Changed since the compared chart.");

  n_rows = ladder_compare_panel_get_n_rows (panel);
  assert_true (n_rows >= 4);
  /* People of NEW in NEW's line order, then the removed. */
  assert_int_equal (ladder_compare_panel_get_row_person (panel, 0), person (f, "pm1"));
  assert_int_equal (ladder_compare_panel_get_row_person (panel, 1), person (f, "pm2"));
  assert_int_equal (ladder_compare_panel_get_row_person (panel, 2), person (f, "dir"));
  assert_int_equal (ladder_compare_panel_get_row_person (panel, 3), LADDER_NONE);
  assert_non_null (strstr (ladder_compare_panel_get_row_text (panel, 3), "Gus Ott"));
  for (guint i = 0; i < n_rows; i++)
    removed_listed |= strstr (ladder_compare_panel_get_row_text (panel, i), "Gus Ott") != NULL;
  assert_true (removed_listed);
  assert_non_null (strstr (ladder_compare_panel_get_summary (panel),
                           "old.ladder -> this chart: 1 added, 1 removed, 1 moved, 1 changed"));

  ladder_compare_panel_activate_row (panel, 2);
  drain ();
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "dir"));
  /* The comparison is the view: the chart is as it was. */
  assert_false (ladder_window_get_modified (f->window));
}

/* Editing goes on while comparing, and the marks follow; leaving restores
 * the normal view. */
static void
test_compare_follows_and_leaves (void **state)
{
  Fixture *f = *state;
  g_autofree char *changed = NULL, *moved = NULL, *none = NULL, *added = NULL, *expected = NULL;
  GError *error = NULL;
  guint added_person;

  SKIP_WITHOUT_DISPLAY ();
  compare_with_old (f);

  /* Eve back under Cleo: no longer moved. */
  assert_true (ladder_window_move_person (f->window, person (f, "pm1"), person (f, "hop"),
                                          LADDER_NONE, &error));
  assert_null (error);
  ladder_chart_set_name (f->chart, person (f, "ceo"), "Ada O.");
  drain ();
  assert_string_equal ((moved = marked (f, LADDER_CANVAS_MARK_MOVED)), "");
  assert_string_equal ((changed = marked (f, LADDER_CANVAS_MARK_CHANGED)), "ceo dir");

  /* Someone added while comparing is new; undone, no longer there. */
  added_person = add_report (f, "pm", "hop");
  added = marked (f, LADDER_CANVAS_MARK_ADDED);
  expected = g_strdup_printf ("pm2 %s", ladder_chart_get_id (f->chart, added_person));
  assert_string_equal (added, expected);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  drain ();
  g_clear_pointer (&added, g_free);
  assert_string_equal ((added = marked (f, LADDER_CANVAS_MARK_ADDED)), "pm2");

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-leave", NULL));
  drain ();
  assert_false (ladder_window_is_comparing (f->window));
  assert_null (ladder_gui_canvas (f)->marks);
  assert_string_equal ((none = marked (f, 0xff)), "");
  assert_string_not_equal (gtk_stack_get_visible_child_name (ladder_gui_side_stack (f)), "changes");
  assert_false (gtk_stack_page_get_visible (gtk_stack_get_page (ladder_gui_side_stack (f),
                                                                GTK_WIDGET (LADDER_COMPARE_PANEL (ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_COMPARE_PANEL, 0))))));
  /* The edits made while comparing stay. */
  assert_string_equal (ladder_chart_get_name (f->chart, person (f, "ceo")), "Ada O.");
}

/* Another rules file while comparing: OLD's findings come from the same
 * rules as NEW's, so only real differences are new or fixed. */
static void
test_compare_other_rules (void **state)
{
  Fixture *f = *state;
  g_autofree char *rules_path = ladder_test_source_path ("examples/rules/org-health.xml");
  g_autofree char *old_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) rules = NULL;
  g_autoptr(LadderChart) old_chart = NULL;
  g_autoptr(LadderDiff) diff = NULL;
  g_autofree char *expected = NULL;
  LadderFindings *old_findings, *new_findings;

  SKIP_WITHOUT_DISPLAY ();
  compare_with_old (f);
  rules = ladder_catalogue_new_extending (NULL, rules_path, &error);
  assert_non_null (rules);
  ladder_window_set_catalogue (f->window, rules);
  drain ();

  old_path = g_build_filename (ladder_test_tmpdir (), "old.ladder", NULL);
  old_chart = ladder_xml_read_file (old_path, &error);
  assert_non_null (old_chart);
  old_findings = ladder_validate (old_chart, rules);
  new_findings = ladder_validate (f->chart, rules);
  /* The counting rules find something on both charts. */
  assert_true (ladder_findings_get_n (new_findings) > 0);
  diff = ladder_diff_new (old_chart, old_findings, f->chart, new_findings, rules);
  expected = ladder_diff_format_summary (diff, "old.ladder", "this chart");
  assert_string_equal (ladder_compare_panel_get_summary (
                         LADDER_COMPARE_PANEL (ladder_gui_find (GTK_WIDGET (f->window),
                                                                LADDER_TYPE_COMPARE_PANEL, 0))), expected);
  ladder_findings_free (old_findings);
  ladder_findings_free (new_findings);
}

/* A file that cannot be read is refused with its line; the window stays
 * as it was. */
static void
test_compare_bad_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *bad_path = ladder_test_write ("bad.ladder",
                                                 "<?xml version=\"1.0\"?>\n<orgchart version=\"1\">\n"
                                                 "  <person id=\"a\" role=\"ceo\" manager=\"zz\"/>\n"
                                                 "</orgchart>\n");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s:3: error:", bad_path);

  SKIP_WITHOUT_DISPLAY ();
  assert_false (ladder_window_compare_with (f->window, bad, &error));
  assert_non_null (error);
  assert_true (g_str_has_prefix (error->message, expected));
  assert_false (ladder_window_is_comparing (f->window));
  assert_null (ladder_gui_canvas (f)->marks);
}

/* ------------------------------------------------------------ bar chart */

static void
bar_activated_cb (LadderBarChart *chart, guint bar, guint *out)
{
  *out = bar;
}

/* A recount keeps the chosen bar by its label; keys move and choose. */
static void
test_bar_chart (void **state)
{
  GtkWidget *chart;
  guint activated = LADDER_BAR_NONE;

  SKIP_WITHOUT_DISPLAY ();
  chart = g_object_ref_sink (ladder_bar_chart_new ());
  g_signal_connect (chart, "bar-activated", G_CALLBACK (bar_activated_cb), &activated);
  ladder_bar_chart_set_bars (LADDER_BAR_CHART (chart), (const char *[]) { "a", "b", "c" },
                             (guint[]) { 3, 0, 7 }, 3);
  ladder_bar_chart_activate (LADDER_BAR_CHART (chart), 1);
  assert_int_equal (activated, 1);
  ladder_bar_chart_set_bars (LADDER_BAR_CHART (chart), (const char *[]) { "x", "b" },
                             (guint[]) { 1, 2 }, 2);
  assert_int_equal (ladder_bar_chart_get_chosen (LADDER_BAR_CHART (chart)), 1);
  ladder_bar_chart_set_bars (LADDER_BAR_CHART (chart), (const char *[]) { "x" },
                             (guint[]) { 1 }, 1);
  assert_int_equal (ladder_bar_chart_get_chosen (LADDER_BAR_CHART (chart)), LADDER_BAR_NONE);

  /* Setting the choice is not a user's choice: no signal. */
  activated = LADDER_BAR_NONE;
  ladder_bar_chart_set_chosen (LADDER_BAR_CHART (chart), 0);
  assert_int_equal (activated, LADDER_BAR_NONE);
  g_object_unref (chart);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_overview_figures, setup, teardown),
    cmocka_unit_test_setup_teardown (test_overview_choose_bar, setup, teardown),
    cmocka_unit_test_setup_teardown (test_overview_follows_edits, setup, teardown),
    cmocka_unit_test_setup_teardown (test_report_counts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_compare_marks, setup, teardown),
    cmocka_unit_test_setup_teardown (test_compare_follows_and_leaves, setup, teardown),
    cmocka_unit_test_setup_teardown (test_compare_bad_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_compare_other_rules, setup, teardown),
    cmocka_unit_test (test_bar_chart),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
