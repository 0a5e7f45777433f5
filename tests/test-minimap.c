/* test-minimap.c — the overview map over the canvas: shown while the
 * chart does not fit, a click goes to a team's head or moves the view
 * there, a drag moves the view with the marker.  Runs under Xvfb
 * (./run-tests); skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>
#include <math.h>

#include "ladder-minimap.h"
#include "ladder-settings.h"

typedef LadderGuiFixture Fixture;

#define drain ladder_gui_drain
#define who ladder_gui_person
#define activate(f, action) assert_true (ladder_gui_activate ((f), (action)))
#define assert_near(a, b) \
  do { double a_ = (a), b_ = (b); \
       if (fabs (a_ - b_) >= 1e-6) fail_msg ("%s = %g, not %g", #a, a_, b_); } while (0)

#define N_VPS 40

/* A CEO with forty VPs of three PMs each: 161 people, which open with the
 * VPs' teams folded (a row of 41 cards, far wider than the view). */
static char *
wide_chart (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<orgchart version=\"1\" title=\"Wide\">\n"
                               "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n");

  for (guint i = 0; i < N_VPS; i++)
    {
      g_string_append_printf (xml, "  <person id=\"vp%u\" role=\"vp-product\" name=\"Vee %u\""
                              " manager=\"ceo\"/>\n", i, i);
      for (guint j = 0; j < 3; j++)
        g_string_append_printf (xml, "  <person id=\"pm%u-%u\" role=\"pm\" manager=\"vp%u\"/>\n",
                                i, j, i);
    }
  g_string_append (xml, "</orgchart>\n");
  return g_string_free (xml, FALSE);
}

static int
setup (void **state)
{
  g_autofree char *xml = wide_chart ();

  /* NULL without a display: the tests skip, teardown frees nothing. */
  *state = ladder_gui_fixture_new ("wide.ladder", xml);
  return 0;
}

static int
teardown (void **state)
{
  if (ladder_settings_get () != NULL)
    g_settings_reset (ladder_settings_get (), "show-overview-map");
  ladder_gui_fixture_free (*state);
  return 0;
}

static LadderMinimap *
minimap (Fixture *f)
{
  GtkWidget *map = ladder_gui_find (GTK_WIDGET (f->window), LADDER_TYPE_MINIMAP, 0);

  assert_non_null (map);
  drain ();
  ladder_minimap_sync (LADDER_MINIMAP (map));
  /* Shown: allocated at the next frame (a few seconds at most, under load). */
  for (guint i = 0; i < 300 && gtk_widget_get_visible (map) && gtk_widget_get_width (map) <= 0; i++)
    {
      g_usleep (10000);
      drain ();
    }
  return LADDER_MINIMAP (map);
}

/* The layout point at the centre of the view. */
static void
view_centre (Fixture *f, double *x, double *y)
{
  LadderCanvas *canvas = ladder_gui_canvas (f);
  double vx, vy, vw, vh, ox, oy;

  ladder_viewport_get_visible (ladder_canvas_get_viewport (canvas), &vx, &vy, &vw, &vh);
  ladder_canvas_get_origin (canvas, &ox, &oy);
  *x = vx + vw / 2.0 - ox;
  *y = vy + vh / 2.0 - oy;
}

/* The map's block of @p, in the widget's pixels. */
static graphene_rect_t
block_rect (LadderMinimap *map, guint p)
{
  LadderTeamMap *blocks = ladder_minimap_get_map (map);
  guint n, n_levels = ladder_team_map_get_n_levels (blocks);
  const LadderMapBlock *b = ladder_team_map_get_blocks (blocks, &n);
  graphene_rect_t box;

  ladder_minimap_get_box (map, &box);
  for (guint i = 0; i < n; i++)
    if (b[i].person == p)
      return GRAPHENE_RECT_INIT (box.origin.x + b[i].x0 * box.size.width,
                                 box.origin.y + b[i].level * box.size.height / n_levels,
                                 (b[i].x1 - b[i].x0) * box.size.width,
                                 b[i].rows * box.size.height / n_levels);
  fail_msg ("no block for person %u", p);
  return box;
}

/* Shown while the chart overflows the view, hidden when it fits and when
 * the user turns it off. */
static void
test_shown_when_the_chart_does_not_fit (void **state)
{
  Fixture *f = *state;
  LadderMinimap *map;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  {
    /* Before it is ever allocated, the map's box is that of its size. */
    GtkWidget *fresh = g_object_ref_sink (ladder_minimap_new ());
    graphene_rect_t box;

    ladder_minimap_get_box (LADDER_MINIMAP (fresh), &box);
    assert_true (graphene_rect_equal (&box, &GRAPHENE_RECT_INIT (8, 8, 220 - 16, 136 - 16)));
    g_object_unref (fresh);
  }
  map = minimap (f);
  /* Opened at 50%: 41 cards of 204 units are far wider than the window. */
  assert_near (ladder_viewport_get_zoom (ladder_canvas_get_viewport (ladder_gui_canvas (f))), 0.5);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));

  activate (f, "win.zoom-fit");
  ladder_minimap_sync (map);
  assert_false (gtk_widget_get_visible (GTK_WIDGET (map)));

  activate (f, "win.zoom-reset");
  ladder_minimap_sync (map);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));

  if (ladder_settings_get () != NULL)
    {
      /* The menu's toggle is the setting. */
      g_action_group_activate_action (G_ACTION_GROUP (ladder_gui_test_get_app ()),
                                      "show-overview-map", NULL);
      drain ();
      assert_false (g_settings_get_boolean (ladder_settings_get (), "show-overview-map"));
    }
  else
    ladder_minimap_set_enabled (map, FALSE);
  ladder_minimap_sync (map);
  assert_false (ladder_minimap_get_enabled (map));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (map)));
  ladder_minimap_set_enabled (map, TRUE);
  ladder_minimap_sync (map);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));
}

/* A view too small to spare a corner is left to the chart. */
static void
test_hidden_in_a_small_view (void **state)
{
  Fixture *f = *state;
  LadderViewport *viewport;
  LadderMinimap *map;
  double width, height;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));
  viewport = ladder_canvas_get_viewport (ladder_gui_canvas (f));
  ladder_viewport_get_view_size (viewport, &width, &height);
  assert_true (width >= 440 && height >= 352);

  /* 439 × 351: one pixel short of twice the map, in each direction. */
  ladder_viewport_set_view_size (viewport, 439, height);
  ladder_minimap_sync (map);
  assert_false (gtk_widget_get_visible (GTK_WIDGET (map)));
  ladder_viewport_set_view_size (viewport, 440, 351);
  ladder_minimap_sync (map);
  assert_false (gtk_widget_get_visible (GTK_WIDGET (map)));
  ladder_viewport_set_view_size (viewport, 440, 352);
  ladder_minimap_sync (map);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));
}

/* Each VP's block is as wide as the team (4 of 161 people) and a click
 * on one selects the VP and centres their card. */
static void
test_click_on_a_team_goes_to_its_head (void **state)
{
  Fixture *f = *state;
  LadderMinimap *map;
  LadderCanvas *canvas;
  graphene_rect_t box, marker, rect;
  const LadderBox *card;
  guint vp = LADDER_NONE;
  double x, y;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  canvas = ladder_gui_canvas (f);
  ladder_minimap_get_box (map, &box);
  ladder_minimap_get_marker (map, &marker);
  rect = block_rect (map, who (f, "vp0"));
  assert_near (rect.size.width, 4.0 / 161 * box.size.width);

  /* The first VP right of the marker with room to centre their card. */
  for (guint i = 0; i < N_VPS && vp == LADDER_NONE; i++)
    {
      g_autofree char *id = g_strdup_printf ("vp%u", i);

      rect = block_rect (map, who (f, id));
      if (rect.origin.x > marker.origin.x + marker.size.width + 4)
        vp = who (f, id);
    }
  assert_int_not_equal (vp, LADDER_NONE);
  assert_int_not_equal (ladder_canvas_get_selected (canvas), vp);

  x = rect.origin.x + rect.size.width / 2.0;
  y = rect.origin.y + rect.size.height / 2.0;
  {
    g_autofree char *expected = g_strdup_printf ("%s · 4 people",
                                                 ladder_chart_get_name (f->chart, vp));
    g_autofree char *text = ladder_minimap_dup_block_text (map, x, y);

    assert_string_equal (text, expected);
  }
  ladder_minimap_press (map, x, y);
  ladder_minimap_release (map, x, y);
  drain ();
  assert_int_equal (ladder_canvas_get_selected (canvas), vp);
  card = ladder_layout_get_box (ladder_canvas_get_layout (canvas), vp);
  view_centre (f, &x, &y);
  assert_near (x, card->x + card->width / 2.0);
  /* The marker now sits over the VP's block. */
  ladder_minimap_get_marker (map, &marker);
  rect = block_rect (map, vp);
  assert_true (fabs ((marker.origin.x + marker.size.width / 2.0) -
                     (rect.origin.x + rect.size.width / 2.0)) < 1.0);
}

/* A click on the run of small teams (the PMs, each narrower than a
 * block) moves the view there; the chart fits in height, which stays. */
static void
test_click_on_a_run_moves_the_view (void **state)
{
  Fixture *f = *state;
  LadderMinimap *map;
  graphene_rect_t box;
  const LadderBox *card;
  double x, y, before_y, expected_x, row;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  ladder_minimap_get_box (map, &box);
  assert_int_equal (ladder_team_map_get_n_levels (ladder_minimap_get_map (map)), 3);
  row = box.size.height / 3;
  view_centre (f, &x, &before_y);

  /* In the PMs' row, under vp30: their three PMs are one run. */
  x = box.origin.x + box.size.width * 0.76;
  y = box.origin.y + row * 2.5;
  {
    g_autofree char *text = ladder_minimap_dup_block_text (map, x, y);

    assert_string_equal (text, "3 people in small teams");
    g_clear_pointer (&text, g_free);
    /* Beside the ceo's block, above the first VP: nothing. */
    text = ladder_minimap_dup_block_text (map, box.origin.x + 0.5, box.origin.y + row * 1.5);
    assert_null (text);
  }
  ladder_team_map_from_box (ladder_minimap_get_map (map), 0.76, 2.5 / 3, &expected_x, NULL);
  ladder_minimap_press (map, x, y);
  ladder_minimap_release (map, x, y);
  drain ();
  assert_int_equal (ladder_canvas_get_selected (ladder_gui_canvas (f)), LADDER_NONE);
  view_centre (f, &x, &y);
  assert_near (x, expected_x);
  assert_near (y, before_y);
  /* That is vp30's card (30 × 4 + 1 of 161 people are left of its team,
   * its PMs' run is from 121/161 ≈ 0.7516 to 124/161 ≈ 0.7702). */
  card = ladder_layout_get_box (ladder_canvas_get_layout (ladder_gui_canvas (f)), who (f, "vp30"));
  assert_true (x > card->x && x < card->x + card->width);
}

/* Dragging the marker moves the view; the marker follows the pointer. */
static void
test_drag_moves_the_view (void **state)
{
  Fixture *f = *state;
  LadderMinimap *map;
  graphene_rect_t box, marker;
  double cx, cy, x, y, before_x, before_y, expected_x;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  ladder_minimap_get_box (map, &box);
  ladder_minimap_get_marker (map, &marker);
  cx = marker.origin.x + marker.size.width / 2.0;
  cy = marker.origin.y + marker.size.height / 2.0;
  view_centre (f, &before_x, &before_y);

  ladder_minimap_press (map, cx + 2, cy);
  /* Less than a click's slop: nothing moves yet. */
  ladder_minimap_motion (map, cx + 4, cy);
  view_centre (f, &x, &y);
  assert_near (x, before_x);
  ladder_minimap_motion (map, cx + 22, cy + 1);
  ladder_minimap_motion (map, cx + 32, cy + 1);
  ladder_minimap_release (map, cx + 32, cy + 1);
  drain ();

  ladder_team_map_from_box (ladder_minimap_get_map (map),
                            (cx + 30 - box.origin.x) / box.size.width, 0.5, &expected_x, NULL);
  view_centre (f, &x, &y);
  assert_true (x > before_x);
  assert_near (x, expected_x);
  assert_near (y, before_y);
  ladder_minimap_get_marker (map, &marker);
  assert_true (fabs (marker.origin.x + marker.size.width / 2.0 - (cx + 30)) < 0.5);
  /* A drag is not a click: no one is selected. */
  assert_int_equal (ladder_canvas_get_selected (ladder_gui_canvas (f)), LADDER_NONE);
}

/* The map is a stop on Tab (a click leaves the focus on the canvas); its
 * arrow keys move the view a screen less a tenth at a time. */
static void
test_arrow_keys_move_the_view (void **state)
{
  Fixture *f = *state;
  LadderViewport *viewport;
  LadderMinimap *map;
  double x0, y0, x, y, width, height, zoom;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  assert_true (gtk_widget_get_focusable (GTK_WIDGET (map)));
  assert_false (gtk_widget_get_focus_on_click (GTK_WIDGET (map)));
  viewport = ladder_canvas_get_viewport (ladder_gui_canvas (f));
  ladder_viewport_get_view_size (viewport, &width, &height);
  zoom = ladder_viewport_get_zoom (viewport);
  view_centre (f, &x0, &y0);

  ladder_minimap_step (map, 1, 0);
  view_centre (f, &x, &y);
  assert_near (x, x0 + 0.9 * width / zoom);
  assert_near (y, y0);
  ladder_minimap_step (map, -1, 0);
  view_centre (f, &x, &y);
  assert_near (x, x0);
  /* The chart fits in height: down moves nothing. */
  ladder_minimap_step (map, 0, 1);
  view_centre (f, &x, &y);
  assert_near (x, x0);
  assert_near (y, y0);
}

/* An edit changes the blocks after its frame: a VP moved under another
 * makes that team twice as wide. */
static void
test_blocks_follow_edits (void **state)
{
  Fixture *f = *state;
  LadderMinimap *map;
  graphene_rect_t box, rect;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  map = minimap (f);
  ladder_minimap_get_box (map, &box);
  assert_true (ladder_window_move_person (f->window, who (f, "vp1"), who (f, "vp0"),
                                          LADDER_NONE, NULL));
  drain ();
  rect = block_rect (map, who (f, "vp0"));
  assert_near (rect.size.width, 8.0 / 161 * box.size.width);
  activate (f, "win.undo");
  rect = block_rect (map, who (f, "vp0"));
  assert_near (rect.size.width, 4.0 / 161 * box.size.width);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_shown_when_the_chart_does_not_fit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_in_a_small_view, setup, teardown),
    cmocka_unit_test_setup_teardown (test_click_on_a_team_goes_to_its_head, setup, teardown),
    cmocka_unit_test_setup_teardown (test_click_on_a_run_moves_the_view, setup, teardown),
    cmocka_unit_test_setup_teardown (test_drag_moves_the_view, setup, teardown),
    cmocka_unit_test_setup_teardown (test_blocks_follow_edits, setup, teardown),
    cmocka_unit_test_setup_teardown (test_arrow_keys_move_the_view, setup, teardown),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
