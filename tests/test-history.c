/* test-history.c — undo and redo of every kind of edit, and long random
 * sessions that must undo back to the very same chart */
#include "ladder-test-util.h"

#include <malloc.h>

#include "ladder-chart.h"
#include "ladder-history.h"

/* Everything a save would write, plus tombstone-independent structure. */
static char *
dump (LadderChart *chart)
{
  GString *s = g_string_new (NULL);
  g_autofree guint *order = g_new (guint, ladder_chart_get_n_people (chart) + 1);
  guint n = ladder_chart_preorder (chart, order, FALSE);

  g_string_append_printf (s, "title=%s employees=%" G_GINT64_FORMAT " layout=%d\n",
                          ladder_chart_get_title (chart) ? ladder_chart_get_title (chart) : "",
                          ladder_chart_get_employees (chart), ladder_chart_get_layout (chart));
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = ladder_chart_get_manager (chart, p), n_dotted;
      const guint *dotted = ladder_chart_get_dotted_lines (chart, p, &n_dotted);

      g_string_append_printf (s, "%s role=%s name=%s title=%s note=%s manager=%s v=%d a=%d dotted=",
                              ladder_chart_get_id (chart, p), ladder_chart_get_role (chart, p),
                              ladder_chart_get_name (chart, p) ? ladder_chart_get_name (chart, p) : "",
                              ladder_chart_get_person_title (chart, p) ? ladder_chart_get_person_title (chart, p) : "",
                              ladder_chart_get_note (chart, p) ? ladder_chart_get_note (chart, p) : "",
                              m == LADDER_NONE ? "" : ladder_chart_get_id (chart, m),
                              ladder_chart_get_vacant (chart, p), ladder_chart_get_assistant (chart, p));
      for (guint d = 0; d < n_dotted; d++)
        g_string_append_printf (s, "%s,", ladder_chart_get_id (chart, dotted[d]));
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static LadderChart *
small_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo", "ceo", LADDER_NONE, LADDER_NONE, NULL);
  guint head = ladder_chart_add_person (chart, "head", "head-of-product", ceo, LADDER_NONE, NULL);

  ladder_chart_add_person (chart, "pm1", "pm", head, LADDER_NONE, NULL);
  ladder_chart_add_person (chart, "pm2", "pm", head, LADDER_NONE, NULL);
  ladder_chart_set_name (chart, head, "Ada Obi");
  return chart;
}

static void
test_every_edit_undoes_and_redoes (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  g_autofree char *before = dump (chart);
  g_autofree char *after = NULL;
  guint ceo = ladder_chart_lookup (chart, "ceo");
  guint head = ladder_chart_lookup (chart, "head");
  guint pm1 = ladder_chart_lookup (chart, "pm1");
  guint pm2 = ladder_chart_lookup (chart, "pm2");
  guint added;

  assert_false (ladder_history_can_undo (history));
  assert_false (ladder_history_get_modified (history));

  added = ladder_chart_add_person (chart, NULL, "junior-pm", pm1, LADDER_NONE, NULL);
  ladder_chart_set_name (chart, added, "New");
  ladder_chart_set_person_title (chart, pm1, "PM, Growth");
  ladder_chart_set_note (chart, pm2, "Owns checkout.");
  ladder_chart_set_role (chart, pm2, "senior-pm");
  ladder_chart_set_vacant (chart, pm2, TRUE);
  ladder_chart_set_assistant (chart, pm1, TRUE);
  ladder_chart_add_dotted_line (chart, pm1, ceo, NULL);
  ladder_chart_reparent (chart, pm2, ceo, 0, NULL);
  ladder_chart_set_id (chart, pm2, "sam", NULL);
  ladder_chart_set_title (chart, "Acme");
  ladder_chart_set_employees (chart, 1200);
  ladder_chart_set_layout (chart, LADDER_LAYOUT_COMPACT);
  ladder_chart_remove_person (chart, head);

  after = dump (chart);
  assert_string_not_equal (before, after);
  assert_true (ladder_history_get_modified (history));
  assert_int_equal (ladder_history_get_n_steps (history), 14);

  while (ladder_history_undo (history))
    ;
  {
    g_autofree char *undone = dump (chart);

    assert_string_equal (undone, before);
  }
  assert_false (ladder_history_get_modified (history));
  while (ladder_history_redo (history))
    ;
  {
    g_autofree char *redone = dump (chart);

    assert_string_equal (redone, after);
  }
}

/* Folding is the view's: no step, not modified, the redo steps kept. */
static void
test_folding_is_not_a_step (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  guint head = ladder_chart_lookup (chart, "head");

  ladder_chart_set_name (chart, head, "Bo Li");
  assert_true (ladder_history_undo (history));
  assert_true (ladder_history_can_redo (history));

  ladder_chart_set_collapsed (chart, head, TRUE);
  assert_int_equal (ladder_history_get_n_steps (history), 0);
  assert_false (ladder_history_get_modified (history));
  assert_true (ladder_history_can_redo (history));
  assert_true (ladder_history_redo (history));
  assert_string_equal (ladder_chart_get_name (chart, head), "Bo Li");
  /* Undo does not touch the fold either. */
  assert_true (ladder_history_undo (history));
  assert_true (ladder_chart_get_collapsed (chart, head));
}

/* Naming a person just added joins the add's step; the step the Undo
 * button names changes with it. */
static void
test_amend_last_step (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  guint pm1 = ladder_chart_lookup (chart, "pm1");
  guint p;

  ladder_history_begin_group (history, "Add Junior PM");
  p = ladder_chart_add_person (chart, NULL, "junior-pm", pm1, LADDER_NONE, NULL);
  ladder_history_end_group (history);
  assert_int_equal (ladder_history_get_undo_person (history), p);

  assert_true (ladder_history_amend_last (history, "Add Kim"));
  ladder_chart_set_name (chart, p, "Kim");
  ladder_history_end_group (history);
  assert_int_equal (ladder_history_get_n_steps (history), 1);
  assert_string_equal (ladder_history_get_undo_label (history), "Add Kim");

  assert_true (ladder_history_undo (history));
  assert_false (ladder_chart_is_alive (chart, p));
  assert_int_equal (ladder_history_get_redo_person (history), p);
  /* Nothing to amend while there is something to redo. */
  assert_false (ladder_history_amend_last (history, NULL));
  ladder_history_discard_redo (history);
  assert_false (ladder_history_can_redo (history));
  assert_false (ladder_history_get_modified (history));
}

static void
test_group_is_one_step (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  g_autofree char *before = dump (chart);
  guint pm1 = ladder_chart_lookup (chart, "pm1");

  ladder_history_begin_group (history, "Add report");
  ladder_history_begin_group (history, "inner");
  {
    guint p = ladder_chart_add_person (chart, NULL, "junior-pm", pm1, LADDER_NONE, NULL);

    ladder_chart_set_name (chart, p, "Kim");
  }
  ladder_history_end_group (history);
  ladder_history_end_group (history);

  assert_int_equal (ladder_history_get_n_steps (history), 1);
  assert_string_equal (ladder_history_get_undo_label (history), "Add report");
  assert_true (ladder_history_undo (history));
  {
    g_autofree char *undone = dump (chart);

    assert_string_equal (undone, before);
  }
  assert_string_equal (ladder_history_get_redo_label (history), "Add report");
}

static void
test_saved_point (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  guint pm1 = ladder_chart_lookup (chart, "pm1");

  ladder_chart_set_name (chart, pm1, "A");
  ladder_history_mark_saved (history);
  assert_false (ladder_history_get_modified (history));
  ladder_chart_set_name (chart, pm1, "B");
  assert_true (ladder_history_get_modified (history));
  ladder_history_undo (history);
  assert_false (ladder_history_get_modified (history));
  ladder_history_undo (history);
  assert_true (ladder_history_get_modified (history));
  /* A new edit here makes the saved point unreachable. */
  ladder_chart_set_name (chart, pm1, "C");
  assert_false (ladder_history_can_redo (history));
  ladder_history_undo (history);
  assert_true (ladder_history_get_modified (history));
}

static void
test_reset_clears (void **state)
{
  g_autoptr(LadderChart) chart = small_chart ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  g_autoptr(LadderChart) other = ladder_chart_new ();

  ladder_chart_set_name (chart, 0, "A");
  ladder_chart_take_contents (chart, other);
  assert_false (ladder_history_can_undo (history));
  assert_false (ladder_history_get_modified (history));
}

/* Checks that every reference resolves and there is no cycle. */
static void
assert_chart_sound (LadderChart *chart)
{
  guint n = ladder_chart_get_n_people (chart);
  g_autofree guint *order = g_new (guint, n + 1);

  /* Everyone is reachable from a root: no cycle, no lost person. */
  assert_int_equal (ladder_chart_preorder (chart, order, FALSE), n);
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i], m = ladder_chart_get_manager (chart, p), n_dotted;
      const guint *dotted = ladder_chart_get_dotted_lines (chart, p, &n_dotted);

      assert_true (m == LADDER_NONE || ladder_chart_is_alive (chart, m));
      assert_int_equal (ladder_chart_lookup (chart, ladder_chart_get_id (chart, p)), p);
      for (guint d = 0; d < n_dotted; d++)
        assert_true (ladder_chart_is_alive (chart, dotted[d]));
    }
}

static guint
random_alive (LadderChart *chart, GRand *rand)
{
  guint cap = ladder_chart_get_capacity (chart);

  if (ladder_chart_get_n_people (chart) == 0)
    return LADDER_NONE;
  for (;;)
    {
      guint p = g_rand_int_range (rand, 0, cap);

      if (ladder_chart_is_alive (chart, p))
        return p;
    }
}

static void
random_edit (LadderChart *chart, GRand *rand)
{
  static const char *roles[] = { "ceo", "cpo", "vp-product", "pm", "junior-pm", "other" };
  guint p = random_alive (chart, rand), q = random_alive (chart, rand);
  char text[32];

  g_snprintf (text, sizeof text, "t%u", g_rand_int_range (rand, 0, 1000));
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
    case 1:
      ladder_chart_add_person (chart, NULL, roles[g_rand_int_range (rand, 0, 6)], p,
                               g_rand_int_range (rand, 0, 4), NULL);
      break;
    case 2:
      if (p != LADDER_NONE && ladder_chart_get_n_people (chart) > 20)
        ladder_chart_remove_person (chart, p);
      break;
    case 3:
      if (p != LADDER_NONE)
        ladder_chart_reparent (chart, p, g_rand_boolean (rand) ? q : LADDER_NONE,
                               g_rand_int_range (rand, 0, 4), NULL);
      break;
    case 4:
      ladder_chart_set_name (chart, p, g_rand_boolean (rand) ? text : NULL);
      break;
    case 5:
      ladder_chart_set_role (chart, p, roles[g_rand_int_range (rand, 0, 6)]);
      break;
    case 6:
      if (g_rand_boolean (rand))
        ladder_chart_add_dotted_line (chart, p, q, NULL);
      else
        ladder_chart_remove_dotted_line (chart, p, q);
      break;
    case 7:
      ladder_chart_set_collapsed (chart, p, g_rand_boolean (rand));
      break;
    case 8:
      ladder_chart_set_note (chart, p, text);
      break;
    default:
      ladder_chart_reorder (chart, p, g_rand_int_range (rand, 0, 5));
      break;
    }
}

/* Bytes malloc has handed out and not had back, or 0 where that cannot be
 * known: AddressSanitizer and valgrind replace malloc, and glibc's counters no
 * longer see it. */
static gsize
heap_in_use (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return 0;
#else
  if (g_getenv ("LADDER_VALGRIND"))
    return 0;
  return mallinfo2 ().uordblks;
#endif
}

/* Many random edits in random groups, with undos and redos mixed in; after
 * each batch the chart is sound, and undoing everything gives back the
 * original chart.  Memory is bounded: the history costs at most a few
 * hundred bytes an edit, undoing and redoing everything again and again
 * costs nothing more, and freeing the chart gives it all back.
 * LADDER_LONG_EDITS sets the number of edits. */
static void
test_long_random_session (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  const char *env = g_getenv ("LADDER_LONG_EDITS");
  guint n_edits = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  gsize before = heap_in_use (), after_session, after_cycles;
  LadderChart *chart = small_chart ();
  LadderHistory *history = ladder_history_new (chart);
  char *original = dump (chart);
  guint done = 0;

  while (done < n_edits)
    {
      guint group = g_rand_int_range (rand, 1, 6);

      ladder_history_begin_group (history, "random");
      for (guint i = 0; i < group; i++, done++)
        random_edit (chart, rand);
      ladder_history_end_group (history);

      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          guint k = g_rand_int_range (rand, 1, 4);

          for (guint i = 0; i < k; i++)
            ladder_history_undo (history);
          if (g_rand_boolean (rand))
            for (guint i = 0; i < k; i++)
              ladder_history_redo (history);
        }
      if (done % 5000 < group)
        assert_chart_sound (chart);
    }
  assert_chart_sound (chart);
  after_session = heap_in_use ();

  for (guint cycle = 0; cycle < 3; cycle++)
    {
      g_autofree char *undone = NULL;

      while (ladder_history_undo (history))
        ;
      undone = dump (chart);
      assert_string_equal (undone, original);
      assert_chart_sound (chart);
      if (cycle < 2)
        while (ladder_history_redo (history))
          ;
    }
  after_cycles = heap_in_use ();

  g_free (original);
  g_object_unref (history);
  g_object_unref (chart);

  if (before != 0)
    {
      gsize after_free = heap_in_use ();

      print_message ("# %u edits: history and chart %zu bytes (%zu an edit), "
                     "%zu after undoing and redoing all three times, %zd left after freeing\n",
                     n_edits, after_session - before, (after_session - before) / MAX (n_edits, 1),
                     after_cycles - before, (gssize) after_free - (gssize) before);
      assert_true (after_session - before <= 64 * 1024 + (gsize) n_edits * 512);
      assert_true (after_cycles <= after_session + after_session / 8);
      /* GLib 2.74's slice allocator keeps freed blocks for reuse unless
       * G_SLICE=always-malloc (set by meson test) says otherwise; glibc's
       * per-thread cache keeps up to 7 freed blocks of each size up to
       * 1 KiB, about 235 KiB at most. */
      if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") == 0)
        assert_true (after_free <= before + 256 * 1024);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_every_edit_undoes_and_redoes),
    cmocka_unit_test (test_group_is_one_step),
    cmocka_unit_test (test_folding_is_not_a_step),
    cmocka_unit_test (test_amend_last_step),
    cmocka_unit_test (test_saved_point),
    cmocka_unit_test (test_reset_clears),
    cmocka_unit_test (test_long_random_session),
  };

  return cmocka_run_group_tests_name ("history", tests, NULL, NULL);
}
