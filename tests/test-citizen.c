/* test-citizen.c — the editor as a desktop citizen: moving people and
 * stepping through findings from the keyboard, what a screen reader is
 * told, the settings that persist, and the side panels (the findings
 * list's order and rows, the palette's words).  Runs under Xvfb (./run-tests)
 * with GSETTINGS_BACKEND=memory; skipped without a display. */
#include "ladder-gui-test.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ladder-application.h"
#include "ladder-history.h"
#include "ladder-findings-rows.h"
#include "ladder-io.h"
#include "ladder-palette.h"
#include "ladder-rules-file.h"
#include "ladder-settings.h"
#include "ladder-canvas-private.h"
#include "ladder-findings-panel.h"
#include "ladder-people-list.h"

static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Test team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "  <person id=\"vp\" role=\"vp-product\" name=\"Sam Lee\" manager=\"spm\"/>\n"
  "  <person id=\"pm\" role=\"pm\" name=\"Eve Fox\"/>\n"
  "</orgchart>\n";


typedef LadderGuiFixture Fixture;

#define SKIP_WITHOUT_DISPLAY() LADDER_GUI_SKIP_WITHOUT_DISPLAY ()
#define findings_panel(f) \
  LADDER_FINDINGS_PANEL (ladder_gui_find (GTK_WIDGET ((f)->window), LADDER_TYPE_FINDINGS_PANEL, 0))

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

#define person ladder_gui_person

#define activate ladder_gui_activate

/* ------------------------------------------------------------ cut/paste */

/* Ctrl+X on Sam Lee, Ctrl+V on Ben Cruz: one undoable step. */
static void
test_cut_paste_moves (void **state)
{
  Fixture *f = *state;
  LadderHistory *history;

  SKIP_WITHOUT_DISPLAY ();
  history = ladder_document_get_history (f->document);
  ladder_window_select (f->window, person (f, "vp"));
  assert_true (activate (f, "win.cut-person"));
  assert_string_equal (ladder_window_get_toast (f->window),
                       "Sam Lee will move: select the new manager and press Ctrl+V, "
                       "or Escape to cancel");
  assert_false (ladder_window_get_modified (f->window));

  ladder_window_select (f->window, person (f, "cpo"));
  assert_true (activate (f, "win.paste-person"));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "vp")), person (f, "cpo"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "vp"));
  assert_string_equal (ladder_history_get_undo_label (history), "Move Sam Lee");

  /* Nothing is cut any more: a second paste does nothing. */
  ladder_window_select (f->window, person (f, "ceo"));
  assert_false (ladder_window_paste_person (f->window));

  assert_true (ladder_history_undo (history));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "vp")), person (f, "spm"));
  assert_false (ladder_window_get_modified (f->window));
}

/* Pasting Ben Cruz under his own report is refused, as a drag is. */
static void
test_paste_refuses_cycle (void **state)
{
  Fixture *f = *state;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_select (f->window, person (f, "cpo"));
  assert_true (ladder_window_cut_person (f->window));
  ladder_window_select (f->window, person (f, "spm"));
  assert_false (ladder_window_paste_person (f->window));
  assert_string_equal (ladder_window_get_toast (f->window),
                       "Cannot move Ben Cruz under Dev Ray: Dev Ray reports to Ben Cruz");
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "cpo")), person (f, "ceo"));
  assert_false (ladder_window_get_modified (f->window));

  /* Still cut: another manager takes him. */
  ladder_window_select (f->window, person (f, "pm"));
  assert_true (ladder_window_paste_person (f->window));
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "cpo")), person (f, "pm"));
}

/* Runs the key binding of @widget (its class shortcuts) for @keyval, as
 * pressing the key with @widget focused does; FALSE if none ran. */
static gboolean
press_key (GtkWidget *widget, guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  drain ();
  return done;
}

/* The cut person is drawn dimmed until pasted, or until Escape (on the
 * canvas, first cancelling the cut and only then the selection). */
static void
test_cut_shown_until_paste_or_escape (void **state)
{
  Fixture *f = *state;
  LadderCanvas *canvas;

  SKIP_WITHOUT_DISPLAY ();
  canvas = ladder_gui_canvas (f);
  assert_int_equal (ladder_canvas_get_cut (canvas), LADDER_NONE);
  ladder_window_select (f->window, person (f, "vp"));
  assert_true (activate (f, "win.cut-person"));
  assert_int_equal (ladder_canvas_get_cut (canvas), person (f, "vp"));
  ladder_window_select (f->window, person (f, "cpo"));
  assert_int_equal (ladder_canvas_get_cut (canvas), person (f, "vp"));

  assert_true (press_key (GTK_WIDGET (canvas), GDK_KEY_Escape));
  assert_int_equal (ladder_canvas_get_cut (canvas), LADDER_NONE);
  assert_false (ladder_gui_toast_shown (f));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "cpo"));
  assert_false (ladder_window_paste_person (f->window));
  /* Nothing cut: the window's Escape lets the key go on its way. */
  assert_false (press_key (GTK_WIDGET (f->window), GDK_KEY_Escape));
  assert_true (press_key (GTK_WIDGET (canvas), GDK_KEY_Escape));
  assert_int_equal (ladder_window_get_selected (f->window), LADDER_NONE);

  ladder_window_select (f->window, person (f, "vp"));
  assert_true (activate (f, "win.cut-person"));
  ladder_window_select (f->window, person (f, "cpo"));
  assert_true (activate (f, "win.paste-person"));
  assert_int_equal (ladder_canvas_get_cut (canvas), LADDER_NONE);
  assert_int_equal (ladder_chart_get_manager (f->chart, person (f, "vp")), person (f, "cpo"));

  /* Escape with the focus elsewhere (the window's binding). */
  assert_true (activate (f, "win.cut-person"));
  assert_true (press_key (GTK_WIDGET (f->window), GDK_KEY_Escape));
  assert_int_equal (ladder_canvas_get_cut (canvas), LADDER_NONE);

  /* Removing the cut person ends the cut too. */
  assert_true (activate (f, "win.cut-person"));
  assert_int_equal (ladder_canvas_get_cut (canvas), person (f, "vp"));
  assert_true (activate (f, "win.delete"));
  assert_int_equal (ladder_canvas_get_cut (canvas), LADDER_NONE);
}

/* Alt+Left / Alt+Right: Eve Fox, the second root, goes first and back. */
static void
test_shift_among_siblings (void **state)
{
  Fixture *f = *state;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_select (f->window, person (f, "pm"));
  assert_int_equal (ladder_chart_get_position (f->chart, person (f, "pm")), 1);
  assert_false (activate (f, "win.move-later") && ladder_window_get_modified (f->window));
  assert_true (activate (f, "win.move-earlier"));
  assert_int_equal (ladder_chart_get_position (f->chart, person (f, "pm")), 0);
  assert_int_equal (ladder_chart_get_position (f->chart, person (f, "ceo")), 1);
  assert_false (ladder_window_shift_person (f->window, -1));
  assert_true (ladder_window_shift_person (f->window, +1));
  assert_int_equal (ladder_chart_get_position (f->chart, person (f, "pm")), 1);
  assert_int_equal (ladder_history_get_n_steps (ladder_document_get_history (f->document)), 2);
}

/* ------------------------------------------------------------- findings */

/* F8 goes through the findings in the panel's order (by line), wrapping;
 * Shift+F8 goes back; the Findings page comes to the front. */
static void
test_step_findings (void **state)
{
  Fixture *f = *state;

  SKIP_WITHOUT_DISPLAY ();
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), 3);

  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), G_MAXUINT);
  /* In the list's order: the error (1), the warning (2), the note (0). */
  assert_int_equal (ladder_window_step_finding (f->window, +1), 1);
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "vp"));
  /* The panel's row of that finding is selected too. */
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 1);
  assert_true (activate (f, "win.next-finding"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "pm"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 2);
  assert_string_equal (ladder_window_get_toast (f->window),
                       "2 of 3: Eve Fox (Product Manager) has no manager; everyone but the CEO "
                       "reports to someone");
  assert_true (activate (f, "win.next-finding"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "spm"));
  assert_int_equal (ladder_window_step_finding (f->window, +1), 1);
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "vp"));
  assert_true (activate (f, "win.previous-finding"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "spm"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 0);

  /* An edit validates again: the step after it selects in the new rows. */
  ladder_chart_set_name (f->chart, person (f, "pm"), "Eve Fox-Lee");
  drain ();
  assert_int_equal (ladder_window_step_finding (f->window, +1), 1);
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 1);

  /* From the People page, F8 turns to the Findings page to show the row. */
  gtk_stack_set_visible_child_name (ladder_gui_side_stack (f), "people");
  assert_true (activate (f, "win.next-finding"));
  assert_string_equal (gtk_stack_get_visible_child_name (ladder_gui_side_stack (f)), "findings");
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 2);
}

/* ---------------------------------------------------------- accessible */

static void
test_describe_person (void **state)
{
  Fixture *f = *state;
  g_autofree char *vp = NULL;
  g_autofree char *ceo = NULL;
  g_autofree char *pm = NULL;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_revalidate_now (f->window);
  vp = ladder_window_describe_person (f->window, person (f, "vp"));
  assert_string_equal (vp, "Sam Lee, VP of Product, reports to Dev Ray, 1 error: Sam Lee (VP of "
                           "Product) reports to Dev Ray (Senior Product Manager); the VP of "
                           "Product reports directly to the CEO or a CPO");
  ceo = ladder_window_describe_person (f->window, person (f, "ceo"));
  assert_string_equal (ceo, "Ada Obi, CEO, reports to no one, 1 direct report");
  pm = ladder_window_describe_person (f->window, person (f, "pm"));
  assert_string_equal (pm, "Eve Fox, Product Manager, reports to no one, 1 warning: Eve Fox "
                           "(Product Manager) has no manager; everyone but the CEO reports to "
                           "someone");
}

/* The canvas' items: one per card in view, in chart order, over its
 * card, labelled as a screen reader should say the person. */
static void
painted_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static GPtrArray *
card_items (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (ladder_gui_canvas (f));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (canvas);
  GPtrArray *items = g_ptr_array_new ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler;

  /* The items are placed over their cards by the next frame's layout. */
  ladder_canvas_a11y_sync (ladder_gui_canvas (f)->a11y);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  assert_true (painted);

  for (GtkWidget *child = gtk_widget_get_first_child (canvas);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      g_ptr_array_add (items, child);
  return items;
}

static void
assert_item (Fixture *f, GtkWidget *item, const char *id)
{
  g_autofree char *label = ladder_window_describe_person (f->window, person (f, id));
  g_autofree char *differs = NULL;
  graphene_rect_t bounds;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_ROLE_TREE_ITEM);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (item),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (differs != NULL)
    print_error ("%s: label is \"%s\"\n", id, differs);
  assert_null (differs);
  g_clear_pointer (&differs, g_free);
  differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_STATE_SELECTED,
                                             ladder_window_get_selected (f->window) == person (f, id));
  assert_null (differs);
  /* Over its own card, and never in the pointer's way. */
  assert_true (gtk_widget_compute_bounds (item, GTK_WIDGET (ladder_gui_canvas (f)), &bounds));
  assert_int_equal (ladder_canvas_hit (ladder_gui_canvas (f),
                                       bounds.origin.x + bounds.size.width / 2,
                                       bounds.origin.y + bounds.size.height / 2),
                    person (f, id));
  assert_false (gtk_widget_get_can_target (item));
  assert_false (gtk_widget_get_focusable (item));
}

static void
test_card_items (void **state)
{
  Fixture *f = *state;
  static const char * const order[] = { "ceo", "cpo", "hop", "spm", "vp", "pm" };
  g_autoptr(GPtrArray) items = NULL;

  SKIP_WITHOUT_DISPLAY ();
  ladder_window_revalidate_now (f->window);
  ladder_window_select (f->window, person (f, "hop"));
  ladder_canvas_zoom_fit (ladder_gui_canvas (f));
  drain ();
  items = card_items (f);
  assert_int_equal (items->len, G_N_ELEMENTS (order));
  for (guint i = 0; i < items->len; i++)
    assert_item (f, g_ptr_array_index (items, i), order[i]);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* An edit, a fold and a new selection are told. */
  ladder_chart_set_name (f->chart, person (f, "pm"), "Eve Fox-Lee");
  ladder_window_select (f->window, person (f, "pm"));
  ladder_window_revalidate_now (f->window);
  drain ();
  items = card_items (f);
  assert_item (f, g_ptr_array_index (items, 5), "pm");
  assert_item (f, g_ptr_array_index (items, 2), "hop");
  g_clear_pointer (&items, g_ptr_array_unref);
  ladder_chart_set_collapsed (f->chart, person (f, "hop"), TRUE);
  drain ();
  items = card_items (f);
  assert_int_equal (items->len, 4);
  assert_null (gtk_test_accessible_check_state (g_ptr_array_index (items, 2),
                                                GTK_ACCESSIBLE_STATE_EXPANDED, FALSE));
  assert_item (f, g_ptr_array_index (items, 3), "pm");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Zoomed out over more cards than a screen reader could walk: only the
   * selected one is told. */
  {
    g_autoptr(GString) xml = g_string_new ("<orgchart version=\"1\" layout=\"compact\">\n"
                                           "  <person id=\"ceo\" role=\"ceo\"/>\n");
    g_autofree char *path = NULL;
    g_autoptr(GFile) file = NULL;

    /* 40 teams of 10, each stacked under its manager: 441 cards, all in
     * view when fitted. */
    for (guint i = 0; i < 400; i++)
      {
        if (i % 10 == 0)
          g_string_append_printf (xml, "  <person id=\"m%u\" role=\"head-of-product\""
                                       " manager=\"ceo\"/>\n", i / 10);
        g_string_append_printf (xml, "  <person id=\"p%u\" role=\"pm\" manager=\"m%u\"/>\n",
                                i, i / 10);
      }
    g_string_append (xml, "</orgchart>\n");
    path = ladder_test_write ("star.ladder", xml->str);
    file = g_file_new_for_path (path);
    assert_true (ladder_window_load (f->window, file, NULL));
    f->chart = ladder_window_get_chart (f->window);
    /* A chart this big opens with its teams folded by the view: open them. */
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *id = g_strdup_printf ("m%u", i);

        ladder_document_fold (ladder_window_get_document (f->window), person (f, id), FALSE);
      }
    ladder_window_revalidate_now (f->window);
    ladder_window_select (f->window, person (f, "p7"));
    ladder_canvas_zoom_fit (ladder_gui_canvas (f));
    drain ();
    items = card_items (f);
    assert_int_equal (items->len, 1);
    assert_item (f, g_ptr_array_index (items, 0), "p7");
  }
}

/* The people list: everyone in chart order; its selection and the
 * canvas' follow each other; it follows edits. */
static void
test_people_list (void **state)
{
  Fixture *f = *state;
  LadderPeopleList *list;
  static const char * const order[] = { "ceo", "cpo", "hop", "spm", "vp", "pm" };

  SKIP_WITHOUT_DISPLAY ();
  list = LADDER_PEOPLE_LIST (ladder_gui_find (GTK_WIDGET (f->window),
                                              LADDER_TYPE_PEOPLE_LIST, 0));
  assert_int_equal (ladder_people_list_get_n_rows (list), G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    assert_int_equal (ladder_people_list_get_person (list, i), person (f, order[i]));

  g_signal_emit_by_name (list, "person-selected", person (f, "hop"));
  assert_int_equal (ladder_window_get_selected (f->window), person (f, "hop"));

  /* Eve Fox moves under Ben Cruz, before Cleo Diaz. */
  ladder_window_select (f->window, person (f, "pm"));
  assert_true (ladder_window_cut_person (f->window));
  ladder_window_select (f->window, person (f, "cpo"));
  assert_true (ladder_window_paste_person (f->window));
  assert_true (ladder_window_shift_person (f->window, -1));
  {
    static const char * const moved[] = { "ceo", "cpo", "pm", "hop", "spm", "vp" };

    assert_int_equal (ladder_people_list_get_n_rows (list), G_N_ELEMENTS (moved));
    for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
      assert_int_equal (ladder_people_list_get_person (list, i), person (f, moved[i]));
  }
}

/* ------------------------------------------------------------ settings */

/* The schema is found in the build tree (the tests run uninstalled). */
static void
test_settings_found (void **state)
{
  SKIP_WITHOUT_DISPLAY ();
  assert_non_null (ladder_settings_get ());
}

/* New charts, the first one of a window included, take the default layout. */
static void
test_default_layout (void **state)
{
  GSettings *settings;
  LadderWindow *window;

  SKIP_WITHOUT_DISPLAY ();
  settings = ladder_settings_get ();
  g_settings_set_string (settings, "default-layout", "compact");
  assert_int_equal (ladder_settings_get_default_layout (), LADDER_LAYOUT_COMPACT);

  window = ladder_window_new (ladder_gui_test_get_app ());
  assert_int_equal (ladder_chart_get_layout (ladder_window_get_chart (window)), LADDER_LAYOUT_COMPACT);
  assert_false (ladder_window_get_modified (window));

  g_settings_set_string (settings, "default-layout", "tree");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "empty"));
  assert_int_equal (ladder_chart_get_layout (ladder_window_get_chart (window)), LADDER_LAYOUT_TREE);

  /* The menu's radio items drive the same key. */
  g_action_group_activate_action (G_ACTION_GROUP (ladder_gui_test_get_app ()), "default-layout",
                                  g_variant_new_string ("compact"));
  assert_int_equal (ladder_settings_get_default_layout (), LADDER_LAYOUT_COMPACT);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "empty"));
  assert_int_equal (ladder_chart_get_layout (ladder_window_get_chart (window)), LADDER_LAYOUT_COMPACT);

  g_settings_reset (settings, "default-layout");
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* A window opens at the size and with the panels the last one closed with. */
static void
test_window_state (void **state)
{
  GSettings *settings;
  LadderWindow *window;
  GtkPaned *side_pane, *chart_pane, *palette_pane;
  int width, height;

  SKIP_WITHOUT_DISPLAY ();
  settings = ladder_settings_get ();
  g_settings_set_int (settings, "window-width", 1100);
  g_settings_set_int (settings, "window-height", 760);
  g_settings_set_int (settings, "palette-width", 260);
  g_settings_set_int (settings, "side-panel-width", 400);
  g_settings_set_int (settings, "side-panel-position", 300);

  window = ladder_window_new (ladder_gui_test_get_app ());
  /* The panes nest: palette | (chart | side panel). */
  side_pane = GTK_PANED (ladder_gui_find (GTK_WIDGET (window), GTK_TYPE_PANED, 2));
  chart_pane = GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (side_pane)));
  palette_pane = GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (chart_pane)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  assert_int_equal (width, 1100);
  assert_int_equal (height, 760);
  assert_int_equal (gtk_paned_get_position (palette_pane), 260);
  assert_int_equal (gtk_paned_get_position (side_pane), 300);

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (side_pane)) != 400; i++)
    {
      g_usleep (20000);
      drain ();
    }
  assert_int_equal (gtk_widget_get_width (GTK_WIDGET (side_pane)), 400);

  /* The user drags the palette's border and resizes; closing saves. */
  gtk_paned_set_position (palette_pane, 280);
  gtk_paned_set_position (side_pane, 350);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  assert_int_equal (g_settings_get_int (settings, "window-width"), 1000);
  assert_int_equal (g_settings_get_int (settings, "window-height"), 700);
  assert_int_equal (g_settings_get_int (settings, "palette-width"), 280);
  assert_int_equal (g_settings_get_int (settings, "side-panel-position"), 350);
  assert_int_equal (g_settings_get_int (settings, "side-panel-width"), 400);
  assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* The export dialog starts in the folder of the last export. */
static void
test_export_folder (void **state)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  GFile *remembered;

  SKIP_WITHOUT_DISPLAY ();
  dir = g_build_filename (ladder_test_tmpdir (), "exports", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "team.png", NULL);
  file = g_file_new_for_path (path);
  ladder_settings_remember_export (file);
  folder = g_file_new_for_path (dir);
  expected = g_file_get_uri (folder);
  shown = g_settings_get_string (ladder_settings_get (), "last-export-folder");
  assert_string_equal (shown, expected);

  remembered = ladder_settings_dup_export_folder ();
  assert_non_null (remembered);
  assert_true (g_file_equal (remembered, folder));
  g_clear_object (&remembered);

  /* Gone since: the dialog's own default instead. */
  g_remove (dir);
  assert_null (ladder_settings_dup_export_folder ());
  g_settings_reset (ladder_settings_get (), "last-export-folder");
}

/* No export yet: the dialog opens beside the chart. */
static void
test_export_beside_chart (void **state)
{
  Fixture *f = *state;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) beside = NULL;

  SKIP_WITHOUT_DISPLAY ();
  g_settings_reset (ladder_settings_get (), "last-export-folder");
  file = g_file_new_for_path (f->path);
  beside = g_file_get_parent (file);
  folder = ladder_window_dup_export_folder (f->window);
  assert_non_null (folder);
  assert_true (g_file_equal (folder, beside));
}

/* Save As on a chart never saved: named after its title, made safe for
 * a file name, in the documents folder (else home), never the current
 * folder; a saved chart's own name and folder. */
static void
test_save_name_and_folder (void **state)
{
  Fixture *f = *state;
  const struct {
    const char *title;
    const char *name;
  } cases[] = {
    { "Acme product team", "Acme product team.ladder" },
    { "Acme: R&D / Product\tteam?  <2027>", "Acme R&D Product team 2027.ladder" },
    { "..hidden", "hidden.ladder" },
    { "Équipe produit – Zürich", "Équipe produit – Zürich.ladder" },
    { " / ", "Untitled Chart.ladder" },
    { "", "Untitled Chart.ladder" },
  };
  g_autofree char *documents = g_build_filename (ladder_test_tmpdir (), "Documents", NULL);
  g_autoptr(GFile) documents_file = g_file_new_for_path (documents);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autoptr(GFile) chart_file = NULL;
  g_autoptr(GFile) beside = NULL;
  LadderWindow *window;

  SKIP_WITHOUT_DISPLAY ();
  window = ladder_window_new (ladder_gui_test_get_app ());
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;

      ladder_chart_set_title (ladder_window_get_chart (window), cases[i].title);
      name = ladder_window_dup_suggested_name (window, ".ladder");
      assert_string_equal (name, cases[i].name);
    }
  {
    g_autoptr(GFile) folder = NULL;

    g_mkdir_with_parents (documents, 0700);
    folder = ladder_window_dup_save_folder (window);
    assert_true (g_file_equal (folder, documents_file));
  }
  {
    g_autoptr(GFile) folder = NULL;

    g_rmdir (documents);
    folder = ladder_window_dup_save_folder (window);
    assert_true (g_file_equal (folder, home));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  {
    g_autofree char *name = ladder_window_dup_suggested_name (f->window, ".ladder");
    g_autoptr(GFile) folder = ladder_window_dup_save_folder (f->window);

    assert_string_equal (name, "team.ladder");
    chart_file = g_file_new_for_path (f->path);
    beside = g_file_get_parent (chart_file);
    assert_true (g_file_equal (folder, beside));
  }
}

/* ------------------------------------------------------ findings list */

/* In chart order, the findings are:
 *   0 Hal: senior-pm-manager (warning)   1 Hal: senior-pm-mentors (note)
 *   2 Dev: senior-pm-manager (warning)   3 Fay: rank-order (error)
 *   4 Fay: pm-manager (warning)          5 Ike: needs-manager (warning)
 * Fay, a PM under a PM, breaks two rules with one reporting line. */
static const char *panel_team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Panel team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hal\" role=\"senior-pm\" name=\"Hal Ito\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"cpo\"/>\n"
  "  <person id=\"pm1\" role=\"pm\" name=\"Eve Fox\" manager=\"spm\"/>\n"
  "  <person id=\"pm2\" role=\"pm\" name=\"Fay Gul\" manager=\"pm1\"/>\n"
  "  <person id=\"jr\" role=\"junior-pm\" name=\"Gus Hay\" manager=\"spm\"/>\n"
  "  <person id=\"solo\" role=\"pm\" name=\"Ike Jo\"/>\n"
  "</orgchart>\n";

/* The window shows the panel team instead of the fixture's. */
static void
load_panel_team (Fixture *f)
{
  g_autofree char *path = ladder_test_write ("panel-team.ladder", panel_team_xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  assert_true (ladder_window_load (f->window, file, &error));
  f->chart = ladder_window_get_chart (f->window);
  drain ();
}

/* The findings the rows start with, top to bottom, as "3 0 2". */
static char *
row_order (Fixture *f)
{
  GString *order = g_string_new (NULL);
  guint index = G_MAXUINT;
  guint rows = ladder_findings_panel_get_n_rows (findings_panel (f));

  for (guint row = 0; row < rows; row++)
    {
      index = ladder_findings_panel_step (findings_panel (f), index, +1);
      assert_int_equal (ladder_findings_panel_get_row (findings_panel (f), index), row);
      g_string_append_printf (order, row == 0 ? "%u" : " %u", index);
    }
  return g_string_free (order, FALSE);
}

/* Every label's text under @widget, in order, one per line. */
static void
collect_labels (GtkWidget *widget, GString *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

#define find_descendant(widget, type) ladder_gui_find ((widget), (type), 0)

/* The widget of row @index: the list view keeps its rows' widgets in
 * the rows' order (all five rows of the panel team are in sight). */
static GtkWidget *
panel_row (Fixture *f, int index)
{
  GtkWidget *panel = ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_FINDINGS_PANEL, 0);
  GtkWidget *list = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  GtkWidget *row;

  assert_non_null (list);
  /* Laid out: the rows exist. */
  for (int wait = 0; wait < 200 && gtk_widget_get_first_child (list) == NULL; wait++)
    {
      drain ();
      g_usleep (5000);
    }
  row = gtk_widget_get_first_child (list);
  for (int i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  assert_non_null (row);
  return row;
}

/* Errors, warnings, notes, each in chart order; Fay's two findings are
 * one row, its error first; a new error goes above the note. */
static void
test_findings_order (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), 6);
  assert_int_equal (ladder_findings_panel_get_n_rows (findings_panel (f)), 5);
  before = row_order (f);
  assert_string_equal (before, "3 0 2 5 1");
  assert_int_equal (ladder_findings_panel_get_row (findings_panel (f), 4), 0);
  assert_int_equal (ladder_findings_panel_step (findings_panel (f), 1, +1), 3);
  assert_int_equal (ladder_findings_panel_step (findings_panel (f), 3, -1), 1);

  /* Eve becomes a Junior PM: she may not manage Fay (a new error, on a
   * line above Fay's), and Fay's line breaks rank-order still. */
  ladder_chart_set_role (f->chart, ladder_chart_lookup (f->chart, "pm1"), "junior-pm");
  assert_int_equal (ladder_findings_get_n (ladder_window_get_findings (f->window)), 7);
  drain ();
  after = row_order (f);
  assert_string_equal (after, "3 4 0 2 6 1");
}

/* One row for one reporting line, naming both rules; the rule ids are
 * small print and a tooltip, not in the message. */
static void
test_findings_row_text (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) fay = g_string_new (NULL);
  g_autoptr(GString) dev = g_string_new (NULL);
  GtkWidget *expander;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  collect_labels (panel_row (f, 0), fay);
  assert_string_equal (fay->str,
                       "Fay Gul (Product Manager) reports to Eve Fox (Product Manager), who does "
                       "not rank above them on the product ladder\n"
                       "Also: Fay Gul (Product Manager) reports to Eve Fox (Product Manager); a "
                       "Product Manager usually reports to a Head of Product, a Director of "
                       "Product, a Group Product Manager or a Senior Product Manager\n"
                       "rank-order · pm-manager\n"
                       "Why?\n");
  expander = find_descendant (panel_row (f, 0), GTK_TYPE_EXPANDER);
  assert_string_equal (gtk_widget_get_tooltip_text (expander), "rank-order · pm-manager");

  /* Opened, the row explains both rules. */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_string_truncate (fay, 0);
  collect_labels (panel_row (f, 0), fay);
  assert_non_null (strstr (fay->str, "Error · rule rank-order\n"));
  assert_non_null (strstr (fay->str, "Warning · rule pm-manager\n"));
  /* Quotes are credited to the article's title, never its file. */
  assert_non_null (strstr (fay->str, "\nHead of Product: experience, VP and Director of Product Management\n"));
  assert_non_null (strstr (fay->str, "\nWhat Does a Head of Product Do? (vs. Product Manager)\n"));
  assert_null (strstr (fay->str, ".txt"));

  /* An edit that changes the row fills it in again: still open. */
  ladder_chart_set_name (f->chart, ladder_chart_lookup (f->chart, "pm2"), "Fay Gul-Ito");
  ladder_window_get_findings (f->window);
  drain ();
  g_string_truncate (fay, 0);
  collect_labels (panel_row (f, 0), fay);
  assert_true (g_str_has_prefix (fay->str, "Fay Gul-Ito (Product Manager) reports to Eve Fox"));
  assert_non_null (strstr (fay->str, "Error · rule rank-order\n"));
  assert_non_null (strstr (fay->str, "Warning · rule pm-manager\n"));

  collect_labels (panel_row (f, 2), dev);
  assert_string_equal (dev->str,
                       "Dev Ray (Senior Product Manager) reports to Ben Cruz (Chief Product "
                       "Officer); a Senior Product Manager usually reports to a Head of Product, "
                       "a Director of Product or a Group Product Manager\n"
                       "senior-pm-manager\n"
                       "Why?\n");
}

/* Whether a wrapping label under @widget is laid out beside other widgets
 * in a horizontal box (@beside: an ancestor below the row already is). */
static gboolean
wrap_beside_others (GtkWidget *widget, gboolean beside)
{
  guint shown = 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    return beside;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shown += gtk_widget_get_visible (child);
  if (GTK_IS_BOX (widget) && shown > 1 &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_HORIZONTAL)
    beside = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (wrap_beside_others (child, beside))
      return TRUE;
  return FALSE;
}

/* How many wrapping labels under @widget have @chars as their width in
 * characters; fails on one that has another. */
static guint
wrapping_labels_min_chars (GtkWidget *widget, int chars)
{
  guint found = 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      assert_int_equal (gtk_label_get_width_chars (GTK_LABEL (widget)), chars);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found += wrapping_labels_min_chars (child, chars);
  return found;
}

static gboolean
is_allocated (gpointer widget)
{
  drain ();
  return gtk_widget_get_width (widget) > 0;
}

/* A row's wrapping messages are not in a horizontal box beside the icon:
 * GtkBox (GTK 4.8) measures such a label's width for several heights,
 * each a search over widths, and laying out the two hundred rows a list
 * view keeps took a second after an edit at 100k.  The icon lies over
 * the text's start margin: same place, text beside it, not under it. */
static void
test_findings_row_layout (void **state)
{
  Fixture *f = *state;
  GtkWidget *row, *icon, *message;
  graphene_rect_t icon_box, message_box;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  row = panel_row (f, 0);
  assert_false (wrap_beside_others (row, FALSE));

  icon = find_descendant (row, GTK_TYPE_IMAGE);
  message = find_descendant (row, GTK_TYPE_LABEL);
  assert_string_equal (gtk_image_get_icon_name (GTK_IMAGE (icon)), "dialog-error-symbolic");
  /* Laid out: the row's widgets have their places. */
  assert_true (ladder_gui_wait_for (is_allocated, icon));
  assert_true (gtk_widget_compute_bounds (icon, row, &icon_box));
  assert_true (gtk_widget_compute_bounds (message, row, &message_box));
  assert_int_equal ((int) icon_box.size.width, 16);
  assert_int_equal ((int) icon_box.size.height, 16);
  assert_int_equal ((int) (message_box.origin.x - icon_box.origin.x), 16 + 10);
  assert_int_equal ((int) (icon_box.origin.y - message_box.origin.y), 2);

  /* Each wrapping label (the message and its "Also:") has a floor of 12
   * characters: measured without one, its narrowest width is the text
   * laid out a character per line, four times the cost of the rest. */
  assert_int_equal (wrapping_labels_min_chars (row, 12), 2);
}

/* A person with no name (a new person whose name popover was cancelled)
 * is "Unnamed" in the window's findings, as on the card; the command
 * line's findings keep the id. */
static void
test_findings_unnamed (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(LadderFindings) plain = NULL;
  guint fay, eve, seen = 0;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  fay = ladder_chart_lookup (f->chart, "pm2");
  eve = ladder_chart_lookup (f->chart, "pm1");
  ladder_chart_set_name (f->chart, fay, NULL);
  ladder_chart_set_name (f->chart, eve, "");
  ladder_window_get_findings (f->window);
  drain ();
  collect_labels (panel_row (f, 0), row);
  assert_string_equal (row->str,
                       "Unnamed (Product Manager) reports to Unnamed (Product Manager), who does "
                       "not rank above them on the product ladder\n"
                       "Also: Unnamed (Product Manager) reports to Unnamed (Product Manager); a "
                       "Product Manager usually reports to a Head of Product, a Director of "
                       "Product, a Group Product Manager or a Senior Product Manager\n"
                       "rank-order · pm-manager\n"
                       "Why?\n");

  plain = ladder_validate (f->chart, ladder_window_get_catalogue (f->window));
  for (guint i = 0; i < ladder_findings_get_n (plain); i++)
    {
      const LadderFinding *finding = ladder_findings_get (plain, i);

      assert_null (strstr (finding->message, "Unnamed"));
      if (g_str_has_prefix (finding->message, "pm2 ")
          && strcmp (ladder_rule_get_id (finding->rule), "rank-order") == 0)
        {
          assert_string_equal (finding->message,
                               "pm2 (Product Manager) reports to pm1 (Product Manager), who does "
                               "not rank above them on the product ladder");
          seen++;
        }
    }
  assert_int_equal (seen, 1);
}

/* A company's own rule (examples/rules/org-health.xml) quotes no article:
 * its "Why?" shows its <policy>. */
static void
test_findings_policy (void **state)
{
  Fixture *f = *state;
  g_autofree char *rules = ladder_test_source_path ("examples/rules/org-health.xml");
  g_autoptr(GError) error = NULL;
  gboolean seen = FALSE;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  assert_true (ladder_rules_file_use (ladder_gui_test_get_app (), rules, &error));
  drain ();
  for (guint row = 0; row < ladder_findings_panel_get_n_rows (findings_panel (f)); row++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *expander;

      collect_labels (GTK_WIDGET (panel_row (f, row)), text);
      if (strstr (text->str, "\nspan-too-narrow\n") == NULL)
        continue;
      expander = find_descendant (GTK_WIDGET (panel_row (f, row)), GTK_TYPE_EXPANDER);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      g_string_truncate (text, 0);
      collect_labels (GTK_WIDGET (panel_row (f, row)), text);
      assert_non_null (strstr (text->str, "\nCompany policy: a product leader with fewer than three "
                                          "reports is a layer to fold into the one above or below.\n"));
      assert_null (strstr (text->str, "no document is cited"));
      seen = TRUE;
    }
  assert_true (seen);
  assert_true (ladder_rules_file_use (ladder_gui_test_get_app (), NULL, &error));
}

/* The row of the selected person's finding follows the canvas. */
static void
test_findings_follow_selection (void **state)
{
  Fixture *f = *state;

  SKIP_WITHOUT_DISPLAY ();
  load_panel_team (f);
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), G_MAXUINT);
  ladder_window_select (f->window, ladder_chart_lookup (f->chart, "pm2"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 3);
  /* Hal has two rows: the first (his warning) is chosen... */
  ladder_window_select (f->window, ladder_chart_lookup (f->chart, "hal"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 0);
  /* ...but a row of his chosen in the list stays chosen. */
  ladder_findings_panel_select (findings_panel (f), 1);
  ladder_window_select (f->window, ladder_chart_lookup (f->chart, "hal"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 1);
  /* Someone without a finding: no row. */
  ladder_window_select (f->window, ladder_chart_lookup (f->chart, "ceo"));
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), G_MAXUINT);

  /* A row chosen in the list (a click) selects its person on the canvas. */
  {
    GtkWidget *list = find_descendant (GTK_WIDGET (findings_panel (f)), GTK_TYPE_LIST_VIEW);

    gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), 2, TRUE);
    assert_int_equal (ladder_window_get_selected (f->window), ladder_chart_lookup (f->chart, "spm"));
    assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 2);
  }

  /* After an edit, the list is rebuilt and the row follows still. */
  ladder_window_select (f->window, ladder_chart_lookup (f->chart, "solo"));
  ladder_chart_set_name (f->chart, ladder_chart_lookup (f->chart, "solo"), "Ike Jones");
  ladder_window_get_findings (f->window);
  drain ();
  assert_int_equal (ladder_findings_panel_get_selected (findings_panel (f)), 5);
}

static void
record_change_cb (GListModel *model, guint position, guint removed, guint added, GString *changes)
{
  g_string_append_printf (changes, "%u -%u +%u;", position, removed, added);
}

/* An update says which rows changed, not every row: a list view then
 * fills in again only those. */
static void
test_findings_rows_update (void **state)
{
  g_autofree char *path = ladder_test_write ("panel-team.ladder", panel_team_xml);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_load_file (path, ladder_catalogue_get_default (), warnings,
                                                   &error);
  g_autoptr(LadderFindingsRows) rows = ladder_findings_rows_new ();
  g_autoptr(GString) changes = g_string_new (NULL);
  LadderFindings *findings[5];
  GObject *items[5];

  assert_non_null (chart);
  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change_cb), changes);
  findings[0] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[0]);
  assert_string_equal (changes->str, "0 -0 +5;");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (rows)), 5);
  assert_int_equal (ladder_findings_rows_get_size (rows, 0), 2);
  assert_int_equal (ladder_findings_rows_get_first (rows, 0), 3);
  assert_int_equal (ladder_findings_rows_find_person (rows, ladder_chart_lookup (chart, "hal")), 1);

  /* Eve's name is in Fay's row (row 0) only; Ike's in row 3. */
  g_string_truncate (changes, 0);
  for (guint row = 0; row < 5; row++)
    items[row] = g_list_model_get_item (G_LIST_MODEL (rows), row);
  ladder_chart_set_name (chart, ladder_chart_lookup (chart, "pm1"), "Eve Fox-Lee");
  findings[1] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[1]);
  assert_string_equal (changes->str, "0 -1 +1;");
  /* A row that shows the same is the same item (a list view keeps its
   * widget); the changed row is a new one. */
  for (guint row = 0; row < 5; row++)
    {
      g_autoptr(GObject) now = g_list_model_get_item (G_LIST_MODEL (rows), row);

      if (row == 0)
        assert_ptr_not_equal (now, items[row]);
      else
        assert_ptr_equal (now, items[row]);
      g_object_unref (items[row]);
    }
  g_string_truncate (changes, 0);
  ladder_chart_set_name (chart, ladder_chart_lookup (chart, "solo"), "Ike Jones");
  findings[2] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[2]);
  assert_string_equal (changes->str, "3 -1 +1;");
  /* Nothing changed: nothing said. */
  g_string_truncate (changes, 0);
  findings[3] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[3]);
  assert_string_equal (changes->str, "");
  /* Eve a Junior PM: a new error row at the top, Fay's row changed. */
  ladder_chart_set_role (chart, ladder_chart_lookup (chart, "pm1"), "junior-pm");
  findings[4] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[4]);
  assert_string_equal (changes->str, "0 -1 +2;");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (rows)), 6);

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    ladder_findings_free (findings[i]);
}

/* A chart of a CEO with @n Product Managers reporting to them: one
 * finding (pm-manager) each. */
static LadderChart *
many_findings_chart (guint n)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo", "ceo", LADDER_NONE, LADDER_NONE, NULL);

  for (guint i = 0; i < n; i++)
    ladder_chart_add_person (chart, NULL, "pm", ceo, LADDER_NONE, NULL);
  return chart;
}

static gboolean
all_shown (gpointer rows)
{
  return ladder_findings_rows_get_n_shown (rows) == ladder_findings_rows_get_n_rows (rows);
}

/* Many new rows (an open) are announced twenty at a time, one slice per
 * 16 ms, so that a list view builds and measures a few rows per frame;
 * a row asked for before it is announced shows all; an edit afterwards
 * names its rows as before. */
static void
test_findings_rows_grow (void **state)
{
  g_autoptr(LadderChart) chart = many_findings_chart (250);
  g_autoptr(LadderFindingsRows) rows = ladder_findings_rows_new ();
  g_autoptr(GString) changes = g_string_new (NULL);
  LadderFindings *findings[4];

  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change_cb), changes);
  findings[0] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[0]);
  assert_int_equal (ladder_findings_rows_get_n_rows (rows), 250);
  assert_string_equal (changes->str, "0 -0 +20;");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (rows)), 20);
  assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 20));

  /* Ten slices to the 200 rows a list view builds widgets for, then the
   * rest at once. */
  assert_true (ladder_gui_wait_for (all_shown, rows));
  assert_string_equal (changes->str,
                       "0 -0 +20;20 -0 +20;40 -0 +20;60 -0 +20;80 -0 +20;100 -0 +20;"
                       "120 -0 +20;140 -0 +20;160 -0 +20;180 -0 +20;200 -0 +50;");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (rows)), 250);

  /* One more finding at the end: one row said. */
  g_string_truncate (changes, 0);
  ladder_chart_add_person (chart, NULL, "pm", ladder_chart_lookup (chart, "ceo"), LADDER_NONE, NULL);
  findings[1] = ladder_validate (chart, ladder_catalogue_get_default ());
  ladder_findings_rows_set (rows, chart, findings[1]);
  assert_string_equal (changes->str, "250 -0 +1;");

  /* Another chart while the rows still grow: the list starts again. */
  g_string_truncate (changes, 0);
  findings[2] = ladder_validate (chart, ladder_catalogue_get_default ());
  {
    g_autoptr(LadderChart) other = many_findings_chart (120);
    g_autoptr(LadderFindingsRows) fresh = ladder_findings_rows_new ();
    g_autoptr(GString) fresh_changes = g_string_new (NULL);

    g_signal_connect (fresh, "items-changed", G_CALLBACK (record_change_cb), fresh_changes);
    ladder_findings_rows_set (fresh, chart, findings[2]);
    findings[3] = ladder_validate (other, ladder_catalogue_get_default ());
    ladder_findings_rows_set (fresh, other, findings[3]);
    assert_string_equal (fresh_changes->str, "0 -0 +20;0 -20 +20;");
    /* Asked for a row not yet announced: all are. */
    ladder_findings_rows_show_all (fresh);
    assert_string_equal (fresh_changes->str, "0 -0 +20;0 -20 +20;20 -0 +100;");
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (fresh)), 120);
    ladder_findings_rows_show_all (fresh);
    assert_string_equal (fresh_changes->str, "0 -0 +20;0 -20 +20;20 -0 +100;");
  }

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    ladder_findings_free (findings[i]);
}

/* The palette says what a role's number means, in words, and shows no
 * internal id; names wrap rather than being cut. */
static void
test_palette_text (void **state)
{
  LadderCatalogue *catalogue;
  LadderPalette *palette;
  g_autoptr(GString) texts = g_string_new (NULL);
  const LadderRole *group_pm = NULL;
  const LadderRole *owner = NULL;
  g_autofree char *group_pm_tooltip = NULL;
  g_autofree char *owner_tooltip = NULL;
  g_autofree char *level = NULL;
  GtkWidget *label;

  SKIP_WITHOUT_DISPLAY ();
  catalogue = ladder_catalogue_get_default ();
  for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
    {
      const LadderRole *role = ladder_catalogue_get_role (catalogue, i);

      if (g_str_equal (role->id, "group-pm"))
        group_pm = role;
      else if (g_str_equal (role->id, "product-owner"))
        owner = role;
    }
  assert_non_null (group_pm);
  assert_non_null (owner);

  level = ladder_palette_dup_level_text (group_pm);
  assert_string_equal (level, "Level 4");
  group_pm_tooltip = ladder_palette_dup_tooltip (group_pm);
  assert_string_equal (group_pm_tooltip,
                       "Group Product Manager: level 4 of the product ladder, where level 0 "
                       "(the CEO) is the top and a higher number is a lower rank. Drag it onto a "
                       "person to add a report.");
  owner_tooltip = ladder_palette_dup_tooltip (owner);
  assert_string_equal (owner_tooltip,
                       "Product Owner: not on the product ladder, so no rank rule applies to "
                       "this role. Drag it onto a person to add a report.");

  palette = g_object_ref_sink (g_object_new (LADDER_TYPE_PALETTE, NULL));
  ladder_palette_set_catalogue (palette, catalogue);
  collect_labels (GTK_WIDGET (palette), texts);
  assert_non_null (strstr (texts->str, "\nCEO\nLevel 0\nChief Product Officer\nLevel 1\n"));
  assert_non_null (strstr (texts->str, "\nGroup Product Manager\nLevel 4\n"));
  assert_non_null (strstr (texts->str, "\nProduct Owner\nOff the ladder\n"));
  /* No bare number that reads as a head count. */
  for (int digit = 0; digit <= 7; digit++)
    {
      char bare[4];

      g_snprintf (bare, sizeof bare, "\n%d\n", digit);
      assert_null (strstr (texts->str, bare));
    }
  label = find_descendant (GTK_WIDGET (palette), GTK_TYPE_LIST_BOX);
  label = find_descendant (label, GTK_TYPE_LABEL);
  assert_string_equal (gtk_label_get_label (GTK_LABEL (label)), "CEO");
  assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  assert_int_equal (gtk_label_get_ellipsize (GTK_LABEL (label)), PANGO_ELLIPSIZE_NONE);
  g_object_unref (palette);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_cut_paste_moves, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paste_refuses_cycle, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cut_shown_until_paste_or_escape, setup, teardown),
    cmocka_unit_test_setup_teardown (test_shift_among_siblings, setup, teardown),
    cmocka_unit_test_setup_teardown (test_step_findings, setup, teardown),
    cmocka_unit_test_setup_teardown (test_describe_person, setup, teardown),
    cmocka_unit_test_setup_teardown (test_card_items, setup, teardown),
    cmocka_unit_test_setup_teardown (test_people_list, setup, teardown),
    cmocka_unit_test (test_settings_found),
    cmocka_unit_test (test_default_layout),
    cmocka_unit_test (test_window_state),
    cmocka_unit_test (test_export_folder),
    cmocka_unit_test_setup_teardown (test_export_beside_chart, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_name_and_folder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_findings_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_findings_row_text, setup, teardown),
    cmocka_unit_test_setup_teardown (test_findings_unnamed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_findings_policy, setup, teardown),
    cmocka_unit_test_setup_teardown (test_findings_follow_selection, setup, teardown),
    cmocka_unit_test (test_findings_rows_update),
    cmocka_unit_test (test_palette_text),
    cmocka_unit_test_setup_teardown (test_findings_row_layout, setup, teardown),
    cmocka_unit_test (test_findings_rows_grow),
  };
  g_autofree char *config_home = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *user_dirs_text = NULL;

  /* The documents folder is one of the tests' own. */
  config_home = g_build_filename (ladder_test_tmpdir (), "config", NULL);
  user_dirs = g_build_filename (config_home, "user-dirs.dirs", NULL);
  user_dirs_text = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s/Documents\"\n", ladder_test_tmpdir ());
  g_mkdir_with_parents (config_home, 0700);
  assert_true (g_file_set_contents (user_dirs, user_dirs_text, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  /* GTK's own backend for tests: accessible properties can be read back,
   * and no session bus is needed. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
