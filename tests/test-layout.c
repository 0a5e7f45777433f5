/* test-layout.c — the tidy layout: exact positions on small charts,
 * invariants on generated ones, and the huge shapes that would break a
 * recursive algorithm. */
#include "ladder-test-util.h"

#include "ladder-layout.h"

#include <math.h>
#include <stdlib.h>

#define W LADDER_CARD_WIDTH
#define H LADDER_CARD_HEIGHT
#define STEP (LADDER_CARD_WIDTH + LADDER_H_GAP)

static guint
add (LadderChart *chart, guint manager)
{
  g_autoptr(GError) error = NULL;
  guint p = ladder_chart_add_person (chart, NULL, "pm", manager, LADDER_NONE, &error);

  g_assert_no_error (error);
  return p;
}

/* A random tree of @n people under one root; sibling order as made. */
static LadderChart *
random_chart (guint n, guint32 seed)
{
  LadderChart *chart = ladder_chart_new ();
  GRand *rand = g_rand_new_with_seed (seed);

  add (chart, LADDER_NONE);
  for (guint i = 1; i < n; i++)
    {
      /* Prefer recent people as managers: deeper, more varied trees. */
      guint lo = i > 12 ? i - 12 : 0;
      guint m = g_rand_boolean (rand) ? g_rand_int_range (rand, lo, i) : g_rand_int_range (rand, 0, i);
      add (chart, m);
    }
  g_rand_free (rand);
  return chart;
}

/* The same people with every list of siblings reversed. */
static LadderChart *
mirrored_chart (LadderChart *chart)
{
  LadderChart *mirror = ladder_chart_new ();
  guint n = ladder_chart_get_n_people (chart);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *map = g_new (guint, ladder_chart_get_capacity (chart));

  ladder_chart_preorder (chart, order, FALSE);
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = ladder_chart_get_manager (chart, p);
      map[p] = ladder_chart_add_person (mirror, ladder_chart_get_id (chart, p), "pm",
                                        m == LADDER_NONE ? LADDER_NONE : map[m], 0, NULL);
    }
  return mirror;
}

static const LadderBox *
box_of (LadderLayout *layout, guint p)
{
  const LadderBox *box = ladder_layout_get_box (layout, p);

  g_assert_nonnull (box);
  return box;
}

static double
centre (LadderLayout *layout, guint p)
{
  const LadderBox *box = box_of (layout, p);
  return box->x + box->width / 2;
}

static int
compare_by_x (const void *a, const void *b, void *data)
{
  LadderLayout *layout = data;
  double xa = box_of (layout, *(const guint *) a)->x;
  double xb = box_of (layout, *(const guint *) b)->x;

  return xa < xb ? -1 : xa > xb;
}

/* No two visible cards overlap: a sweep over the cards sorted by x. */
static void
assert_no_overlap (LadderChart *chart, LadderLayout *layout)
{
  guint n_visible;
  const guint *visible = ladder_layout_get_visible (layout, &n_visible);
  g_autofree guint *sorted = g_memdup2 (visible, sizeof (guint) * n_visible);

  g_qsort_with_data (sorted, n_visible, sizeof (guint), compare_by_x, layout);
  for (guint i = 0; i < n_visible; i++)
    {
      const LadderBox *a = box_of (layout, sorted[i]);

      g_assert_true (a->visible);
      for (guint j = i + 1; j < n_visible; j++)
        {
          const LadderBox *b = box_of (layout, sorted[j]);

          if (b->x >= a->x + a->width - 1e-6)
            break;
          if (b->y < a->y + a->height - 1e-6 && a->y < b->y + b->height - 1e-6)
            fail_msg ("cards of %s and %s overlap", ladder_chart_get_id (chart, sorted[i]),
                      ladder_chart_get_id (chart, sorted[j]));
        }
    }
}

/* In tree mode each manager sits centred over its first and last report
 * in the row, and the row keeps sibling order. */
static void
assert_centred (LadderChart *chart, LadderLayout *layout)
{
  guint n_visible;
  const guint *visible = ladder_layout_get_visible (layout, &n_visible);

  for (guint i = 0; i < n_visible; i++)
    {
      guint p = visible[i], first = LADDER_NONE, last = LADDER_NONE;

      if (ladder_chart_get_collapsed (chart, p))
        continue;
      for (guint r = ladder_chart_get_first_report (chart, p); r != LADDER_NONE;
           r = ladder_chart_get_next_sibling (chart, r))
        {
          const LadderBox *box = box_of (layout, r);

          if (box->assistant || box->stacked)
            continue;
          if (last != LADDER_NONE)
            g_assert_cmpfloat (box->x, >=, box_of (layout, last)->x + W + LADDER_H_GAP - 1e-6);
          if (first == LADDER_NONE)
            first = r;
          last = r;
        }
      if (first != LADDER_NONE)
        g_assert_cmpfloat_with_epsilon (centre (layout, p),
                                        (centre (layout, first) + centre (layout, last)) / 2,
                                        1e-6);
    }
}

static void
test_small_exact (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint ceo = add (chart, LADDER_NONE);
  guint a = add (chart, ceo), b = add (chart, ceo), c = add (chart, ceo);
  double width, height;

  ladder_layout_compute (layout, chart);
  g_assert_cmpfloat (box_of (layout, a)->x, ==, 0);
  g_assert_cmpfloat (box_of (layout, b)->x, ==, STEP);
  g_assert_cmpfloat (box_of (layout, c)->x, ==, 2 * STEP);
  g_assert_cmpfloat (box_of (layout, ceo)->x, ==, STEP);
  g_assert_cmpfloat (box_of (layout, ceo)->y, ==, 0);
  g_assert_cmpfloat (box_of (layout, a)->y, ==, H + LADDER_V_GAP);
  g_assert_cmpfloat (box_of (layout, a)->width, ==, W);
  g_assert_cmpfloat (box_of (layout, a)->height, ==, H);
  ladder_layout_get_extents (layout, &width, &height);
  g_assert_cmpfloat (width, ==, 3 * W + 2 * LADDER_H_GAP);
  g_assert_cmpfloat (height, ==, 2 * H + LADDER_V_GAP);

  /* The connector: a trunk from the CEO's bottom to the bus over the row. */
  {
    const LadderConnector *conn = ladder_layout_get_connector (layout, ceo);
    double x0, y0, x1, y1;

    g_assert_nonnull (conn);
    g_assert_cmpfloat (conn->trunk_x, ==, STEP + W / 2);
    g_assert_cmpfloat (conn->trunk_y0, ==, H);
    g_assert_cmpfloat (conn->bus_y, ==, H + LADDER_V_GAP / 2);
    g_assert_cmpfloat (conn->trunk_y1, ==, conn->bus_y);
    g_assert_cmpfloat (conn->bus_x0, ==, W / 2);
    g_assert_cmpfloat (conn->bus_x1, ==, 2 * STEP + W / 2);
    g_assert_null (ladder_layout_get_connector (layout, a));
    g_assert_true (ladder_layout_get_link (layout, c, &x0, &y0, &x1, &y1));
    g_assert_cmpfloat (x0, ==, 2 * STEP + W / 2);
    g_assert_cmpfloat (y0, ==, H + LADDER_V_GAP);
    g_assert_cmpfloat (y1, ==, conn->bus_y);
    g_assert_false (ladder_layout_get_link (layout, ceo, &x0, &y0, &x1, &y1));
  }
}

static void
test_hit_and_query (void **state)
{
  g_autoptr(LadderChart) chart = random_chart (600, 7);
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint capacity = ladder_chart_get_capacity (chart);
  g_autofree guint8 *seen = g_new0 (guint8, capacity);
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person, n_cards = 0, n_expected = 0;
  double qx = 1500, qy = 300, qw = 1920, qh = 1080;

  ladder_layout_compute (layout, chart);
  for (guint p = 0; p < capacity; p++)
    {
      const LadderBox *box = box_of (layout, p);

      g_assert_cmpuint (ladder_layout_hit (layout, box->x + 5, box->y + 5), ==, p);
      g_assert_cmpuint (ladder_layout_hit (layout, box->x + W - 1, box->y + H - 1), ==, p);
    }
  g_assert_cmpuint (ladder_layout_hit (layout, -10, -10), ==, LADDER_NONE);
  /* Just left of the second report of the root: the gap between cards. */
  g_assert_cmpuint (ladder_layout_hit (layout, box_of (layout, 0)->x - 2, box_of (layout, 0)->y + 5),
                    ==, LADDER_NONE);

  /* The query finds every card meeting the rectangle, each once. */
  ladder_layout_iter_init (&iter, layout, qx, qy, qw, qh);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    if (kind == LADDER_ITEM_CARD)
      {
        g_assert_cmpuint (seen[person], ==, 0);
        seen[person] = 1;
        n_cards++;
      }
  for (guint p = 0; p < capacity; p++)
    {
      const LadderBox *box = box_of (layout, p);
      gboolean meets = box->x <= qx + qw && box->x + W >= qx && box->y <= qy + qh && box->y + H >= qy;

      if (meets)
        {
          n_expected++;
          g_assert_cmpuint (seen[p], ==, 1);
        }
    }
  g_assert_cmpuint (n_expected, >, 10);
  /* Cards whose stub alone reaches in are reported too, and no others. */
  g_assert_cmpuint (n_cards, >=, n_expected);
  g_assert_cmpuint (n_cards, <=, n_expected + 40);
}

static void
test_random_invariants (void **state)
{
  for (guint32 seed = 1; seed <= 30; seed++)
    {
      g_autoptr(LadderChart) chart = random_chart (40 + seed * 37, seed);
      g_autoptr(LadderLayout) layout = ladder_layout_new ();

      ladder_layout_compute (layout, chart);
      assert_no_overlap (chart, layout);
      assert_centred (chart, layout);

      ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
      ladder_layout_compute (layout, chart);
      assert_no_overlap (chart, layout);
    }
}

static void
test_mirror (void **state)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(LadderChart) chart = random_chart (30 + seed * 23, seed * 101);
      g_autoptr(LadderChart) mirror = mirrored_chart (chart);
      g_autoptr(LadderLayout) layout = ladder_layout_new ();
      g_autoptr(LadderLayout) mirror_layout = ladder_layout_new ();
      double width, mirror_width;

      ladder_layout_compute (layout, chart);
      ladder_layout_compute (mirror_layout, mirror);
      ladder_layout_get_extents (layout, &width, NULL);
      ladder_layout_get_extents (mirror_layout, &mirror_width, NULL);
      g_assert_cmpfloat_with_epsilon (width, mirror_width, 1e-6);
      for (guint p = 0; p < ladder_chart_get_capacity (chart); p++)
        {
          const LadderBox *a = box_of (layout, p);
          const LadderBox *b = box_of (mirror_layout,
                                       ladder_chart_lookup (mirror, ladder_chart_get_id (chart, p)));

          g_assert_cmpfloat_with_epsilon (a->x, width - b->x - W, 1e-6);
          g_assert_cmpfloat (a->y, ==, b->y);
        }
    }
}

static void
test_compact_stacks (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint head = add (chart, LADDER_NONE), reports[20];
  double tree_width, width, height;

  for (guint i = 0; i < 20; i++)
    reports[i] = add (chart, head);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &tree_width, NULL);
  g_assert_cmpfloat (tree_width, ==, 20 * W + 19 * LADDER_H_GAP);

  ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, &height);
  /* Two columns of ten beside the manager's line. */
  g_assert_cmpfloat (width, ==, 2 * (LADDER_SLOT_GAP + W));
  g_assert_cmpfloat (height, ==, H + 10 * (LADDER_SLOT_GAP + H));
  g_assert_cmpfloat (box_of (layout, head)->x, ==, LADDER_SLOT_GAP + W - W / 2);
  for (guint i = 0; i < 20; i++)
    {
      const LadderBox *box = box_of (layout, reports[i]);

      g_assert_true (box->stacked);
      g_assert_cmpfloat (box->x, ==, i < 10 ? 0 : LADDER_SLOT_GAP * 2 + W);
      g_assert_cmpfloat (box->y, ==, H + LADDER_SLOT_GAP + (i % 10) * (LADDER_SLOT_GAP + H));
    }
  assert_no_overlap (chart, layout);

  /* Six or fewer: one column, shifted right under the manager. */
  for (guint i = 6; i < 20; i++)
    ladder_chart_remove_person (chart, reports[i]);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, &height);
  g_assert_cmpfloat (width, ==, W + 24);
  g_assert_cmpfloat (height, ==, H + 6 * (LADDER_SLOT_GAP + H));
  g_assert_cmpfloat (box_of (layout, reports[5])->x, ==, 24);

  /* A report who manages someone: the team goes back to a row. */
  add (chart, reports[0]);
  ladder_layout_compute (layout, chart);
  g_assert_false (box_of (layout, reports[1])->stacked);
  g_assert_cmpfloat (box_of (layout, reports[1])->y, ==, box_of (layout, reports[0])->y);
}

static void
test_collapsed (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint ceo = add (chart, LADDER_NONE);
  guint a = add (chart, ceo), b = add (chart, ceo);
  guint hidden = LADDER_NONE;
  double width, height;

  for (guint i = 0; i < 10; i++)
    hidden = add (chart, a);
  add (chart, hidden);
  add (chart, hidden);

  ladder_chart_set_collapsed (chart, a, TRUE);
  ladder_layout_compute (layout, chart);
  g_assert_cmpuint (ladder_layout_get_n_folded (layout, a), ==, 12);
  g_assert_cmpuint (ladder_layout_get_n_folded (layout, b), ==, 0);
  g_assert_cmpuint (ladder_layout_get_n_folded (layout, ceo), ==, 0);
  g_assert_false (box_of (layout, hidden)->visible);
  ladder_layout_get_extents (layout, &width, &height);
  g_assert_cmpfloat (width, ==, 2 * W + LADDER_H_GAP);
  g_assert_cmpfloat (height, ==, 2 * H + LADDER_V_GAP);
  g_assert_null (ladder_layout_get_connector (layout, a));
  g_assert_cmpuint (ladder_layout_hit (layout, box_of (layout, hidden)->x + 5,
                                       box_of (layout, hidden)->y + 5), ==, a);

  ladder_chart_set_collapsed (chart, a, FALSE);
  ladder_layout_compute (layout, chart);
  g_assert_cmpuint (ladder_layout_get_n_folded (layout, a), ==, 0);
  g_assert_true (box_of (layout, hidden)->visible);
}

static void
test_assistants (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint ceo = add (chart, LADDER_NONE);
  guint r1 = add (chart, ceo);
  guint asst = add (chart, ceo);
  guint r2 = add (chart, ceo);
  guint asst2 = add (chart, ceo);
  const LadderBox *mgr, *a, *a2, *row;
  double x0, y0, x1, y1;

  ladder_chart_set_assistant (chart, asst, TRUE);
  ladder_chart_set_assistant (chart, asst2, TRUE);
  ladder_layout_compute (layout, chart);
  mgr = box_of (layout, ceo);
  a = box_of (layout, asst);
  a2 = box_of (layout, asst2);
  row = box_of (layout, r1);

  g_assert_true (a->assistant && a2->assistant);
  /* Beside the line: the first right of it, the second left, one row. */
  g_assert_cmpfloat (a->x, ==, mgr->x + W / 2 + LADDER_SLOT_GAP);
  g_assert_cmpfloat (a2->x + W, ==, mgr->x + W / 2 - LADDER_SLOT_GAP);
  g_assert_cmpfloat (a->y, ==, mgr->y + H + LADDER_SLOT_GAP);
  g_assert_cmpfloat (a2->y, ==, a->y);
  /* Above the row of reports, which stays centred under the manager. */
  g_assert_cmpfloat (row->y, ==, a->y + H + LADDER_V_GAP);
  g_assert_cmpfloat (box_of (layout, r2)->y, ==, row->y);
  g_assert_cmpfloat_with_epsilon (centre (layout, ceo), (centre (layout, r1) + centre (layout, r2)) / 2, 1e-9);
  g_assert_true (ladder_layout_get_link (layout, asst, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat (x0, ==, a->x);
  g_assert_cmpfloat (x1, ==, centre (layout, ceo));
  g_assert_cmpfloat (y0, ==, a->y + H / 2);
  assert_no_overlap (chart, layout);

  /* An assistant with a team of its own takes its place in the row. */
  add (chart, asst);
  ladder_layout_compute (layout, chart);
  g_assert_false (box_of (layout, asst)->assistant);
  g_assert_cmpfloat (box_of (layout, asst)->y, ==, box_of (layout, r1)->y);
}

static void
test_roots_and_dotted (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint r0 = add (chart, LADDER_NONE), r1 = add (chart, LADDER_NONE), r2 = add (chart, LADDER_NONE);
  guint c0 = add (chart, r0), c1 = add (chart, r0);
  double before[5];
  guint n_pairs;
  const guint *pairs;

  ladder_layout_compute (layout, chart);
  g_assert_cmpfloat (box_of (layout, r0)->x, ==, STEP / 2);
  /* A lone root goes beside the whole of the tree before it (r0 and its
   * row of two), never over that tree's reports as if it were one. */
  g_assert_cmpfloat (box_of (layout, r1)->x, ==, STEP + W + LADDER_ROOT_GAP);
  g_assert_cmpfloat (box_of (layout, r2)->x, ==, STEP + 2 * W + 2 * LADDER_ROOT_GAP);
  g_assert_cmpfloat (box_of (layout, r1)->y, ==, 0);
  g_assert_cmpfloat (box_of (layout, r2)->y, ==, 0);
  for (guint p = 0; p < 5; p++)
    before[p] = box_of (layout, p)->x;

  g_assert_true (ladder_chart_add_dotted_line (chart, c1, r2, NULL));
  g_assert_true (ladder_chart_add_dotted_line (chart, r1, c0, NULL));
  ladder_layout_compute (layout, chart);
  for (guint p = 0; p < 5; p++)
    g_assert_cmpfloat (box_of (layout, p)->x, ==, before[p]);
  pairs = ladder_layout_get_dotted (layout, &n_pairs);
  g_assert_cmpuint (n_pairs, ==, 2);
  /* In pre-order of their first end. */
  g_assert_cmpuint (pairs[0], ==, c1);
  g_assert_cmpuint (pairs[1], ==, r2);
  g_assert_cmpuint (pairs[2], ==, r1);
  g_assert_cmpuint (pairs[3], ==, c0);

  /* Removed people leave no box. */
  ladder_chart_remove_person (chart, r1);
  ladder_layout_compute (layout, chart);
  g_assert_null (ladder_layout_get_box (layout, r1));
  pairs = ladder_layout_get_dotted (layout, &n_pairs);
  g_assert_cmpuint (n_pairs, ==, 1);
}

/* A second CEO or a person on their own, added to a team whose top is
 * narrow and whose bottom is wide, goes beside the whole team, top-aligned:
 * not into the free top row above the team's reports. */
static void
test_new_root_beside_forest (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint ceo = add (chart, LADDER_NONE);
  guint cpo = add (chart, ceo);
  guint second_ceo, report;
  double team_right = 0, width;

  for (guint i = 0; i < 4; i++)
    add (chart, cpo);
  second_ceo = add (chart, LADDER_NONE);
  report = add (chart, second_ceo);
  ladder_layout_compute (layout, chart);

  for (guint p = 0; p <= cpo + 4; p++)
    team_right = MAX (team_right, box_of (layout, p)->x + W);
  g_assert_cmpfloat (team_right, ==, 4 * W + 3 * LADDER_H_GAP);
  g_assert_cmpfloat (box_of (layout, ceo)->x, ==, 1.5 * STEP);
  g_assert_cmpfloat (box_of (layout, second_ceo)->x, ==, team_right + LADDER_ROOT_GAP);
  g_assert_cmpfloat (box_of (layout, second_ceo)->y, ==, box_of (layout, ceo)->y);
  g_assert_cmpfloat (box_of (layout, report)->x, ==, team_right + LADDER_ROOT_GAP);
  ladder_layout_get_extents (layout, &width, NULL);
  g_assert_cmpfloat (width, ==, team_right + LADDER_ROOT_GAP + W);
}

static void
test_million_chain (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint last = LADDER_NONE;
  double width, height;
  gint64 start;

  for (guint i = 0; i < 1000000; i++)
    last = ladder_chart_add_person (chart, NULL, "pm", last, LADDER_NONE, NULL);
  start = g_get_monotonic_time ();
  ladder_layout_compute (layout, chart);
  g_test_message ("layout of a 1,000,000-deep chain: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  ladder_layout_get_extents (layout, &width, &height);
  g_assert_cmpfloat (width, ==, W);
  g_assert_cmpfloat (height, ==, 1000000 * H + 999999 * LADDER_V_GAP);
  g_assert_cmpfloat (box_of (layout, last)->x, ==, 0);
  g_assert_cmpfloat (box_of (layout, last)->y, ==, 999999 * (H + LADDER_V_GAP));
  g_assert_cmpuint (ladder_layout_hit (layout, 10, box_of (layout, last)->y + 10), ==, last);

  ladder_chart_set_collapsed (chart, 0, TRUE);
  ladder_layout_compute (layout, chart);
  g_assert_cmpuint (ladder_layout_get_n_folded (layout, 0), ==, 999999);
}

static void
test_star (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint root = add (chart, LADDER_NONE);
  double width;
  guint n = 100000;

  for (guint i = 0; i < n; i++)
    add (chart, root);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, NULL);
  g_assert_cmpfloat (width, ==, n * W + (n - 1) * LADDER_H_GAP);
  g_assert_cmpfloat_with_epsilon (centre (layout, root), width / 2, 1e-6);
  g_assert_cmpfloat (box_of (layout, n)->x, ==, (n - 1) * STEP);

  ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, NULL);
  g_assert_cmpfloat (width, ==, 2 * (LADDER_SLOT_GAP + W));
}

/* What the walk must find, item by item: the bounds the index files,
 * from the public API. */
static gboolean
item_meets (LadderLayout *layout, guint person, LadderItemKind kind,
            double qx0, double qy0, double qx1, double qy1)
{
  double x0, y0, x1, y1;

  if (kind == LADDER_ITEM_CARD)
    {
      const LadderBox *box = box_of (layout, person);
      double lx0, ly0, lx1, ly1;

      if (box == NULL || !box->visible)
        return FALSE;
      x0 = box->x;
      y0 = box->y;
      x1 = box->x + box->width;
      y1 = box->y + box->height;
      if (ladder_layout_get_link (layout, person, &lx0, &ly0, &lx1, &ly1))
        {
          x0 = MIN (x0, lx1);
          x1 = MAX (x1, lx1);
          y0 = MIN (y0, ly1);
        }
    }
  else
    {
      const LadderConnector *c = ladder_layout_get_connector (layout, person);
      const LadderBox *box = box_of (layout, person);

      if (c == NULL || box == NULL || !box->visible)
        return FALSE;
      x0 = x1 = c->trunk_x;
      y0 = c->trunk_y0;
      y1 = c->trunk_y1;
      if (c->bus_x0 <= c->bus_x1)
        {
          x0 = MIN (x0, c->bus_x0);
          x1 = MAX (x1, c->bus_x1);
          y1 = MAX (y1, c->bus_y);
        }
    }
  return !(x1 < qx0 || x0 > qx1 || y1 < qy0 || y0 > qy1);
}

/* The walk reports exactly the items that meet the rectangle, each once;
 * returns how many entries of the index it looked at. */
static guint
assert_query (LadderChart *chart, LadderLayout *layout, double qx, double qy, double qw, double qh)
{
  guint capacity = ladder_chart_get_capacity (chart);
  g_autofree guint8 *seen = g_new0 (guint8, 2 * (gsize) capacity);
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person;

  ladder_layout_iter_init (&iter, layout, qx, qy, qw, qh);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      g_assert_cmpuint (person, <, capacity);
      g_assert_cmpuint (seen[2 * person + kind], ==, 0);
      seen[2 * person + kind] = 1;
    }
  for (guint p = 0; p < capacity; p++)
    for (int k = LADDER_ITEM_CARD; k <= LADDER_ITEM_CONNECTOR; k++)
      if (seen[2 * p + k] != item_meets (layout, p, k, qx, qy, qx + qw, qy + qh))
        fail_msg ("window %g,%g %gx%g: %s of %u %s", qx, qy, qw, qh,
                  k == LADDER_ITEM_CARD ? "card" : "connector", p,
                  seen[2 * p + k] ? "reported, but does not meet it" : "missed");
  return iter.n_tested;
}

static void
assert_queries (LadderChart *chart, LadderLayout *layout, GRand *rand)
{
  double width, height;

  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, &height);
  /* The corners and edges, the whole chart and more, points, lines. */
  assert_query (chart, layout, -100, -100, 150, 150);
  assert_query (chart, layout, width - 50, height - 50, 1920, 1080);
  assert_query (chart, layout, -1920, 0, 1920, height);
  assert_query (chart, layout, width, 0, 1920, height);
  assert_query (chart, layout, -10, -10, width + 20, height + 20);
  assert_query (chart, layout, 0, 0, width, height);
  assert_query (chart, layout, width / 2, H + LADDER_V_GAP / 2, 0, 0);
  assert_query (chart, layout, 0, H + LADDER_V_GAP / 2, width, 0);
  for (int i = 0; i < 60; i++)
    {
      double qw = g_rand_double_range (rand, 0, 3000), qh = g_rand_double_range (rand, 0, 1200);

      assert_query (chart, layout, g_rand_double_range (rand, -qw, width),
                    g_rand_double_range (rand, -qh, height), qw, qh);
    }
}

static void
test_query_exact_sets (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(LadderChart) chart = random_chart (50 + seed * 97, seed);
      g_autoptr(LadderLayout) layout = ladder_layout_new ();

      assert_queries (chart, layout, rand);
      ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
      assert_queries (chart, layout, rand);
    }
  /* Wide connectors: a root over 300 reports, each over 1 to 40. */
  {
    g_autoptr(LadderChart) chart = ladder_chart_new ();
    g_autoptr(LadderLayout) layout = ladder_layout_new ();
    guint root = add (chart, LADDER_NONE);

    for (guint i = 0; i < 300; i++)
      {
        guint m = add (chart, root);

        for (guint j = 0; j < 1 + (i * 7) % 40; j++)
          add (chart, m);
      }
    assert_queries (chart, layout, rand);
  }
}

/* No one: every window is empty, and the index is built from nothing
 * (the sanitizer build checks it carves no pointer from NULL). */
static void
test_query_empty (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person;

  ladder_layout_compute (layout, chart);
  ladder_layout_iter_init (&iter, layout, -100, -100, 10000, 10000);
  g_assert_false (ladder_layout_iter_next (&iter, &person, &kind));
  g_assert_cmpuint (ladder_layout_hit (layout, 0, 0), ==, LADDER_NONE);
  add (chart, LADDER_NONE);
  ladder_layout_compute (layout, chart);
  ladder_layout_iter_init (&iter, layout, -100, -100, 10000, 10000);
  g_assert_true (ladder_layout_iter_next (&iter, &person, &kind));
  g_assert_cmpuint (person, ==, 0);
  g_assert_false (ladder_layout_iter_next (&iter, &person, &kind));
}

/* A window in the middle of a row of 20,000 cards: the walk looks at
 * what is near it (the cards within a bus segment's width to its left,
 * about 20), not at the whole row, and finds it exactly. */
static void
test_query_visits_what_is_in_view (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  guint root = add (chart, LADDER_NONE), first = root + 1;
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person, n = 20000, n_cards = 0, n_connectors = 0;
  double x = 12000 * STEP + 5, y = H + LADDER_V_GAP + 5;

  for (guint i = 0; i < n; i++)
    add (chart, root);
  ladder_layout_compute (layout, chart);

  /* From just inside card 12000 to just inside card 12003 (right of the
   * root, which is over the middle of the row); the row's
   * bus passes above the window, the stubs of these cards reach it. */
  ladder_layout_iter_init (&iter, layout, x, y, 3 * STEP, H - 10);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      if (kind == LADDER_ITEM_CARD)
        {
          g_assert_cmpuint (person, ==, first + 12000 + n_cards);
          n_cards++;
        }
      else
        n_connectors++;
    }
  g_assert_cmpuint (n_cards, ==, 4);
  g_assert_cmpuint (n_connectors, ==, 0);
  g_assert_cmpuint (iter.n_tested, <=, 40);

  /* The bus over the row, in the window, reported once. */
  n_cards = n_connectors = 0;
  ladder_layout_iter_init (&iter, layout, x, H, 3 * STEP, LADDER_V_GAP);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      if (kind == LADDER_ITEM_CONNECTOR)
        {
          g_assert_cmpuint (person, ==, root);
          n_connectors++;
        }
      else
        n_cards++;
    }
  g_assert_cmpuint (n_connectors, ==, 1);
  g_assert_cmpuint (n_cards, ==, 4);
  g_assert_cmpuint (iter.n_tested, <=, 40);
  assert_query (chart, layout, x, 0, 3 * STEP, 3 * H);
  assert_query (chart, layout, 0, 0, 3 * STEP, 3 * H);
  assert_query (chart, layout, (n - 2) * STEP, 0, 3 * STEP, 3 * H);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_small_exact),
    cmocka_unit_test (test_hit_and_query),
    cmocka_unit_test (test_random_invariants),
    cmocka_unit_test (test_mirror),
    cmocka_unit_test (test_compact_stacks),
    cmocka_unit_test (test_collapsed),
    cmocka_unit_test (test_assistants),
    cmocka_unit_test (test_roots_and_dotted),
    cmocka_unit_test (test_new_root_beside_forest),
    cmocka_unit_test (test_million_chain),
    cmocka_unit_test (test_star),
    cmocka_unit_test (test_query_exact_sets),
    cmocka_unit_test (test_query_visits_what_is_in_view),
    cmocka_unit_test (test_query_empty),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
