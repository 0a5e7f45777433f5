/* test-team-map.c — the overview map's blocks and its mapping between
 * the layout and the map's box, without a display */
#include "ladder-test-util.h"

#include <math.h>

#include "ladder-catalogue.h"
#include "ladder-layout.h"
#include "ladder-team-map.h"
#include "ladder-validate.h"

#define assert_near(a, b) assert_true (fabs ((double) (a) - (double) (b)) < 1e-9)

typedef struct {
  LadderChart *chart;
  guint ceo, a, b, b1;
  guint as[5];
} Team;

/* ceo → a (five reports) and b (one report, of a role no rule knows):
 * nine people, teams of 6 and 2. */
static void
team_init (Team *t)
{
  t->chart = ladder_chart_new ();
  t->ceo = ladder_chart_add_person (t->chart, "ceo", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  t->a = ladder_chart_add_person (t->chart, "a", "vp-product", t->ceo, LADDER_NONE, NULL);
  for (guint i = 0; i < 5; i++)
    t->as[i] = ladder_chart_add_person (t->chart, NULL, "senior-pm", t->a, LADDER_NONE, NULL);
  t->b = ladder_chart_add_person (t->chart, "b", "vp-product", t->ceo, LADDER_NONE, NULL);
  t->b1 = ladder_chart_add_person (t->chart, "b1", "wizard", t->b, LADDER_NONE, NULL);
}

static void
assert_block (const LadderMapBlock *block, guint person, guint level, double x0, double x1,
              guint people)
{
  assert_int_equal (block->person, person);
  assert_int_equal (block->level, level);
  if (person != LADDER_NONE)
    assert_int_equal (block->rows, 1);
  assert_near (block->x0, x0);
  assert_near (block->x1, x1);
  assert_int_equal (block->people, people);
}

/* Each block as wide as its team, under its manager's, the manager's own
 * share split on both sides. */
static void
test_blocks_by_team_size (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  const LadderMapBlock *blocks;
  guint n;

  team_init (&t);
  ladder_team_map_build (map, t.chart, NULL, 8, 0.0);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 1 + 2 + 6);
  assert_int_equal (ladder_team_map_get_n_levels (map), 3);
  assert_block (&blocks[0], t.ceo, 0, 0.0, 1.0, 9);
  assert_block (&blocks[1], t.a, 1, 1.0 / 18, 13.0 / 18, 6);
  assert_block (&blocks[2], t.b, 1, 13.0 / 18, 17.0 / 18, 2);
  for (guint i = 0; i < 5; i++)
    assert_block (&blocks[3 + i], t.as[i], 2, (i + 1) / 9.0, (i + 2) / 9.0, 1);
  assert_block (&blocks[8], t.b1, 2, 7.0 / 9, 8.0 / 9, 1);
  for (guint i = 0; i < n; i++)
    assert_int_equal (blocks[i].severity, -1);

  /* Two levels asked for: two levels made. */
  ladder_team_map_build (map, t.chart, NULL, 2, 0.0);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 3);
  assert_int_equal (ladder_team_map_get_n_levels (map), 2);

  /* An empty chart has no blocks and no levels. */
  {
    g_autoptr(LadderChart) empty = ladder_chart_new ();

    ladder_team_map_build (map, empty, NULL, 8, 0.0);
    blocks = ladder_team_map_get_blocks (map, &n);
    assert_int_equal (n, 0);
    assert_int_equal (ladder_team_map_get_n_levels (map), 0);
    assert_int_equal (ladder_team_map_block_at (map, 0.5, 0.5), LADDER_NONE);
  }
  g_object_unref (t.chart);
}

/* Teams narrower than the smallest block are one run, with nothing
 * under it. */
static void
test_narrow_teams_run_together (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  const LadderMapBlock *blocks;
  guint n;

  team_init (&t);
  /* A block is 1/9 ≈ 0.111 per person: the one-person teams are too narrow. */
  ladder_team_map_build (map, t.chart, NULL, 8, 0.12);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 5);
  assert_block (&blocks[3], LADDER_NONE, 2, 1.0 / 9, 6.0 / 9, 5);
  assert_block (&blocks[4], LADDER_NONE, 2, 7.0 / 9, 8.0 / 9, 1);
  assert_int_equal (blocks[3].rows, 1);

  /* b's team of two is narrower than 0.25 as well: a run under the ceo
   * two levels deep (b and b1); a's reports are a run under a. */
  ladder_team_map_build (map, t.chart, NULL, 8, 0.25);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 4);
  assert_block (&blocks[1], t.a, 1, 1.0 / 18, 13.0 / 18, 6);
  assert_block (&blocks[2], LADDER_NONE, 1, 13.0 / 18, 17.0 / 18, 2);
  assert_block (&blocks[3], LADDER_NONE, 2, 1.0 / 9, 6.0 / 9, 5);
  assert_int_equal (blocks[2].rows, 2);
  assert_int_equal (blocks[3].rows, 1);
  assert_int_equal (ladder_team_map_get_n_levels (map), 3);
  /* The run of b's team is found in both its rows; beside a's run, no one. */
  assert_int_equal (ladder_team_map_block_at (map, 0.8, 0.5), 2);
  assert_int_equal (ladder_team_map_block_at (map, 0.8, 0.9), 2);
  assert_int_equal (ladder_team_map_block_at (map, 0.7, 0.9), LADDER_NONE);
  assert_int_equal (ladder_team_map_block_at (map, 0.5, 0.9), 3);

  /* Only two levels: b's run is cut at the second. */
  ladder_team_map_build (map, t.chart, NULL, 2, 0.25);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 3);
  assert_int_equal (blocks[2].rows, 1);
  assert_int_equal (ladder_team_map_get_n_levels (map), 2);

  /* Every root narrower than the box: one run as deep as the chart. */
  ladder_team_map_build (map, t.chart, NULL, 8, 2.0);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (n, 1);
  assert_block (&blocks[0], LADDER_NONE, 0, 0.0, 1.0, 9);
  assert_int_equal (blocks[0].rows, 3);
  assert_int_equal (ladder_team_map_get_n_levels (map), 3);
  assert_int_equal (ladder_team_map_block_at (map, 0.3, 0.9), 0);
  g_object_unref (t.chart);
}

/* A block has the worst finding of anyone in its team. */
static void
test_blocks_show_the_worst_finding (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  g_autoptr(LadderFindings) findings = NULL;
  const LadderMapBlock *blocks;
  int worst_a = -1;
  guint n;

  team_init (&t);
  findings = ladder_validate (t.chart, ladder_catalogue_get_default ());
  /* The role "wizard" is unknown: an error on b1. */
  assert_int_equal (ladder_findings_worst_for (findings, t.b1), LADDER_SEVERITY_ERROR);
  assert_int_equal (ladder_findings_worst_for (findings, t.ceo), -1);
  worst_a = ladder_findings_worst_for (findings, t.a);
  for (guint i = 0; i < 5; i++)
    {
      int s = ladder_findings_worst_for (findings, t.as[i]);

      if (s >= 0 && (worst_a < 0 || s < worst_a))
        worst_a = s;
    }
  assert_int_equal (worst_a, LADDER_SEVERITY_WARNING);

  ladder_team_map_build (map, t.chart, findings, 8, 0.12);
  blocks = ladder_team_map_get_blocks (map, &n);
  assert_int_equal (blocks[0].severity, LADDER_SEVERITY_ERROR);
  assert_int_equal (blocks[1].severity, worst_a);
  assert_int_equal (blocks[2].severity, LADDER_SEVERITY_ERROR);
  assert_int_equal (blocks[4].severity, LADDER_SEVERITY_ERROR);   /* the run of b1 */
  g_object_unref (t.chart);
}

static void
test_block_at (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();

  team_init (&t);
  ladder_team_map_build (map, t.chart, NULL, 8, 0.0);
  /* Three rows: 0–1/3 the ceo, 1/3–2/3 a and b, below their reports. */
  assert_int_equal (ladder_team_map_block_at (map, 0.0, 0.0), 0);
  assert_int_equal (ladder_team_map_block_at (map, 0.99, 0.3), 0);
  assert_int_equal (ladder_team_map_block_at (map, 0.5, 0.5), 1);
  assert_int_equal (ladder_team_map_block_at (map, 0.8, 0.5), 2);
  assert_int_equal (ladder_team_map_block_at (map, 0.01, 0.5), LADDER_NONE);
  assert_int_equal (ladder_team_map_block_at (map, 0.99, 0.5), LADDER_NONE);
  assert_int_equal (ladder_team_map_block_at (map, 0.15, 0.9), 3);
  assert_int_equal (ladder_team_map_block_at (map, 0.65, 1.0), 7);
  assert_int_equal (ladder_team_map_block_at (map, 0.7, 0.9), LADDER_NONE);
  assert_int_equal (ladder_team_map_block_at (map, 0.85, 0.9), 8);
  assert_int_equal (ladder_team_map_block_at (map, -0.1, 0.5), LADDER_NONE);
  assert_int_equal (ladder_team_map_block_at (map, 0.5, 1.5), LADDER_NONE);
  g_object_unref (t.chart);
}

static double
centre_x (LadderLayout *layout, guint person)
{
  const LadderBox *box = ladder_layout_get_box (layout, person);

  return box->x + box->width / 2.0;
}

/* A card's centre maps to its block's centre, and back; the layout's
 * ends to the box's; rows by the cards' tops. */
static void
test_layout_to_box_and_back (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  double width, height, mx, my, x, y;

  team_init (&t);
  ladder_layout_compute (layout, t.chart);
  ladder_layout_get_extents (layout, &width, &height);
  ladder_team_map_build (map, t.chart, NULL, 8, 0.0);
  ladder_team_map_set_layout (map, layout);

  ladder_team_map_to_box (map, centre_x (layout, t.a), ladder_layout_get_box (layout, t.a)->y,
                          &mx, &my);
  assert_near (mx, 7.0 / 18);
  assert_near (my, 1.0 / 3);
  ladder_team_map_to_box (map, centre_x (layout, t.as[2]),
                          ladder_layout_get_box (layout, t.as[2])->y, &mx, &my);
  assert_near (mx, 3.5 / 9);
  assert_near (my, 2.0 / 3);
  ladder_team_map_to_box (map, centre_x (layout, t.b1), 0.0, &mx, &my);
  assert_near (mx, 7.5 / 9);
  assert_near (my, 0.0);
  ladder_team_map_to_box (map, 0.0, 0.0, &mx, &my);
  assert_near (mx, 0.0);
  ladder_team_map_to_box (map, width, height, &mx, &my);
  assert_near (mx, 1.0);
  assert_near (my, 1.0);
  /* Outside the layout: clamped. */
  ladder_team_map_to_box (map, -500.0, height * 3, &mx, &my);
  assert_near (mx, 0.0);
  assert_near (my, 1.0);

  ladder_team_map_from_box (map, 15.0 / 18, 1.0 / 3, &x, &y);
  assert_near (x, centre_x (layout, t.b));
  assert_near (y, ladder_layout_get_box (layout, t.b)->y);
  /* Halfway between two anchors is halfway between their cards. */
  ladder_team_map_from_box (map, (1.5 / 9 + 2.5 / 9) / 2, 0.5, &x, &y);
  assert_near (x, (centre_x (layout, t.as[0]) + centre_x (layout, t.as[1])) / 2);
  assert_near (y, (ladder_layout_get_box (layout, t.a)->y +
                   ladder_layout_get_box (layout, t.as[0])->y) / 2);
  g_object_unref (t.chart);
}

/* The rows follow the layout's levels even where the map has runs and
 * no card of its own to anchor to. */
static void
test_rows_under_runs (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  const LadderBox *pm;
  double mx, my, height;

  team_init (&t);
  ladder_layout_compute (layout, t.chart);
  ladder_layout_get_extents (layout, &height, &height);
  ladder_team_map_build (map, t.chart, NULL, 8, 0.12);
  ladder_team_map_set_layout (map, layout);
  pm = ladder_layout_get_box (layout, t.as[0]);
  ladder_team_map_to_box (map, pm->x, pm->y, &mx, &my);
  assert_near (my, 2.0 / 3);
  ladder_team_map_to_box (map, pm->x, height, &mx, &my);
  assert_near (my, 1.0);
  g_object_unref (t.chart);
}

/* With a's and b's teams folded away, the layout's bottom maps to the
 * bottom of the last row it shows, not to the bottom of the map. */
static void
test_folded_layout (void **state)
{
  Team t;
  g_autoptr(LadderTeamMap) map = ladder_team_map_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  const LadderBox *a;
  double mx, my, x, y;

  team_init (&t);
  ladder_chart_set_view_folded (t.chart, t.a, TRUE);
  ladder_chart_set_view_folded (t.chart, t.b, TRUE);
  ladder_layout_compute (layout, t.chart);
  ladder_team_map_build (map, t.chart, NULL, 8, 0.0);
  ladder_team_map_set_layout (map, layout);
  a = ladder_layout_get_box (layout, t.a);
  assert_false (ladder_layout_get_box (layout, t.as[0])->visible);

  ladder_team_map_to_box (map, centre_x (layout, t.b), a->y + a->height, &mx, &my);
  assert_near (mx, 15.0 / 18);
  assert_near (my, 2.0 / 3);
  ladder_team_map_to_box (map, centre_x (layout, t.a), a->y + a->height * 5, &mx, &my);
  assert_near (mx, 7.0 / 18);
  assert_near (my, 2.0 / 3);
  /* The row of the folded teams is below the layout. */
  ladder_team_map_from_box (map, 7.0 / 18, 0.9, &x, &y);
  assert_near (x, centre_x (layout, t.a));
  assert_near (y, a->y + a->height);
  g_object_unref (t.chart);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_blocks_by_team_size),
    cmocka_unit_test (test_narrow_teams_run_together),
    cmocka_unit_test (test_blocks_show_the_worst_finding),
    cmocka_unit_test (test_block_at),
    cmocka_unit_test (test_layout_to_box_and_back),
    cmocka_unit_test (test_folded_layout),
    cmocka_unit_test (test_rows_under_runs),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
