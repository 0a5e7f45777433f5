/* test-chart.c — the chart model: edits, refused cycles, links, signals */
#include "ladder-test-util.h"

#include "ladder-chart.h"
#include "ladder-chart-private.h"

typedef struct {
  LadderChart *chart;
  guint ceo, cpo, head, pm1, pm2;
  GArray *kinds;
} Fixture;

static void
on_changed (LadderChart *chart, const LadderChange *change, Fixture *f)
{
  g_array_append_val (f->kinds, change->kind);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->chart = ladder_chart_new ();
  f->ceo = ladder_test_add (f->chart, "ceo", "ceo", LADDER_NONE);
  f->cpo = ladder_test_add (f->chart, "cpo", "cpo", f->ceo);
  f->head = ladder_test_add (f->chart, "head", "head-of-product", f->cpo);
  f->pm1 = ladder_test_add (f->chart, "pm1", "pm", f->head);
  f->pm2 = ladder_test_add (f->chart, "pm2", "pm", f->head);
  f->kinds = g_array_new (FALSE, FALSE, sizeof (LadderChangeKind));
  g_signal_connect (f->chart, "changed", G_CALLBACK (on_changed), f);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->chart);
  g_array_unref (f->kinds);
  g_free (f);
  return 0;
}

/* The ids of @manager's reports, space separated. */
static char *
reports_of (LadderChart *chart, guint manager)
{
  GString *s = g_string_new (NULL);
  guint p = manager == LADDER_NONE ? ladder_chart_get_first_root (chart)
                                   : ladder_chart_get_first_report (chart, manager);

  for (; p != LADDER_NONE; p = ladder_chart_get_next_sibling (chart, p))
    g_string_append_printf (s, "%s%s", s->len ? " " : "", ladder_chart_get_id (chart, p));
  return g_string_free (s, FALSE);
}

static void
assert_reports (LadderChart *chart, guint manager, const char *expected)
{
  g_autofree char *got = reports_of (chart, manager);

  assert_string_equal (got, expected);
}

static void
test_lookup (void **state)
{
  Fixture *f = *state;

  assert_int_equal (ladder_chart_get_n_people (f->chart), 5);
  assert_int_equal (ladder_chart_lookup (f->chart, "head"), f->head);
  assert_int_equal (ladder_chart_lookup (f->chart, "nobody"), LADDER_NONE);
  assert_string_equal (ladder_chart_get_role (f->chart, f->pm1), "pm");
  assert_ptr_equal (ladder_chart_get_role (f->chart, f->pm1), ladder_chart_get_role (f->chart, f->pm2));
  assert_int_equal (ladder_chart_get_manager (f->chart, f->pm2), f->head);
  assert_int_equal (ladder_chart_get_n_reports (f->chart, f->head), 2);
  assert_int_equal (ladder_chart_get_position (f->chart, f->pm2), 1);
  assert_true (ladder_chart_is_above (f->chart, f->ceo, f->pm2));
  assert_false (ladder_chart_is_above (f->chart, f->pm2, f->ceo));
  assert_reports (f->chart, LADDER_NONE, "ceo");
}

static void
test_add_refuses_bad_ids (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_id = g_strnfill (65, 'a');

  assert_int_equal (ladder_chart_add_person (f->chart, "ceo", "pm", LADDER_NONE, 0, &error), LADDER_NONE);
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID));
  g_clear_error (&error);
  assert_int_equal (ladder_chart_add_person (f->chart, "a b", "pm", LADDER_NONE, 0, &error), LADDER_NONE);
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID));
  g_clear_error (&error);
  assert_int_equal (ladder_chart_add_person (f->chart, long_id, "pm", LADDER_NONE, 0, &error), LADDER_NONE);
  g_clear_error (&error);
  long_id[64] = '\0';
  assert_int_not_equal (ladder_chart_add_person (f->chart, long_id, "pm", LADDER_NONE, 0, &error), LADDER_NONE);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 6);
}

static void
test_add_at_position (void **state)
{
  Fixture *f = *state;
  guint p = ladder_chart_add_person (f->chart, NULL, "pm", f->head, 1, NULL);

  assert_int_not_equal (p, LADDER_NONE);
  assert_true (ladder_id_is_valid (ladder_chart_get_id (f->chart, p)));
  assert_int_equal (ladder_chart_get_position (f->chart, p), 1);
  assert_int_equal (f->kinds->len, 1);
  assert_int_equal (g_array_index (f->kinds, LadderChangeKind, 0), LADDER_CHANGE_ADDED);
}

static void
test_remove_moves_reports_up (void **state)
{
  Fixture *f = *state;
  guint other = ladder_test_add (f->chart, "other", "vp-product", f->cpo);

  f->kinds->len = 0;
  /* cpo's reports: head other; head's reports: pm1 pm2 */
  ladder_chart_remove_person (f->chart, f->head);
  assert_reports (f->chart, f->cpo, "pm1 pm2 other");
  assert_int_equal (ladder_chart_get_manager (f->chart, f->pm1), f->cpo);
  assert_false (ladder_chart_is_alive (f->chart, f->head));
  assert_int_equal (ladder_chart_lookup (f->chart, "head"), LADDER_NONE);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 5);
  assert_int_equal (ladder_chart_get_capacity (f->chart), 6);
  (void) other;

  /* Revive puts everything back exactly. */
  {
    guint reports[] = { f->pm1, f->pm2 };

    assert_true (ladder_chart_revive_person (f->chart, f->head, f->cpo, 0, reports, 2, NULL));
  }
  assert_reports (f->chart, f->cpo, "head other");
  assert_reports (f->chart, f->head, "pm1 pm2");
  assert_int_equal (ladder_chart_lookup (f->chart, "head"), f->head);
}

static void
test_remove_root_promotes_reports_to_roots (void **state)
{
  Fixture *f = *state;

  ladder_chart_remove_person (f->chart, f->ceo);
  assert_reports (f->chart, LADDER_NONE, "cpo");
  assert_int_equal (ladder_chart_get_manager (f->chart, f->cpo), LADDER_NONE);
}

static void
test_remove_drops_dotted_lines_to_person (void **state)
{
  Fixture *f = *state;
  guint n;

  assert_true (ladder_chart_add_dotted_line (f->chart, f->pm1, f->cpo, NULL));
  assert_true (ladder_chart_add_dotted_line (f->chart, f->pm1, f->ceo, NULL));
  f->kinds->len = 0;
  ladder_chart_remove_person (f->chart, f->cpo);
  const guint *lines = ladder_chart_get_dotted_lines (f->chart, f->pm1, &n);
  assert_int_equal (n, 1);
  assert_int_equal (lines[0], f->ceo);
  assert_int_equal (f->kinds->len, 2);
  assert_int_equal (g_array_index (f->kinds, LadderChangeKind, 0), LADDER_CHANGE_DOTTED_REMOVED);
  assert_int_equal (g_array_index (f->kinds, LadderChangeKind, 1), LADDER_CHANGE_REMOVED);
}

static void
test_reparent_refuses_cycles (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  assert_false (ladder_chart_reparent (f->chart, f->cpo, f->pm1, LADDER_NONE, &error));
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE));
  assert_string_equal (error->message, "Cannot move cpo under pm1: pm1 reports to cpo");
  g_clear_error (&error);
  assert_false (ladder_chart_reparent (f->chart, f->cpo, f->cpo, LADDER_NONE, &error));
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE));
  assert_string_equal (error->message, "Cannot move cpo under themselves");
  /* Nothing changed, nothing announced. */
  assert_int_equal (f->kinds->len, 0);
  assert_int_equal (ladder_chart_get_manager (f->chart, f->cpo), f->ceo);
}

static void
test_reparent_and_reorder (void **state)
{
  Fixture *f = *state;

  assert_true (ladder_chart_reparent (f->chart, f->pm2, f->cpo, 0, NULL));
  assert_reports (f->chart, f->cpo, "pm2 head");
  assert_reports (f->chart, f->head, "pm1");
  assert_true (ladder_chart_reorder (f->chart, f->pm2, 1));
  assert_reports (f->chart, f->cpo, "head pm2");
  assert_true (ladder_chart_reorder (f->chart, f->pm2, 0));
  assert_reports (f->chart, f->cpo, "pm2 head");
  /* Make a root of someone and back. */
  assert_true (ladder_chart_reparent (f->chart, f->head, LADDER_NONE, LADDER_NONE, NULL));
  assert_reports (f->chart, LADDER_NONE, "ceo head");
  assert_int_equal (ladder_chart_get_n_roots (f->chart), 2);
  assert_int_equal (f->kinds->len, 4);
}

static void
test_fields_announce_real_changes_only (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  ladder_chart_set_name (f->chart, f->pm1, "Ada");
  ladder_chart_set_name (f->chart, f->pm1, "Ada");
  ladder_chart_set_name (f->chart, f->pm1, "");
  assert_null (ladder_chart_get_name (f->chart, f->pm1));
  ladder_chart_set_vacant (f->chart, f->pm1, TRUE);
  ladder_chart_set_vacant (f->chart, f->pm1, TRUE);
  assert_true (ladder_chart_get_vacant (f->chart, f->pm1));
  ladder_chart_set_role (f->chart, f->pm1, "senior-pm");
  assert_string_equal (ladder_chart_get_role (f->chart, f->pm1), "senior-pm");
  assert_false (ladder_chart_set_id (f->chart, f->pm1, "pm2", &error));
  g_clear_error (&error);
  assert_true (ladder_chart_set_id (f->chart, f->pm1, "ada", &error));
  assert_int_equal (ladder_chart_lookup (f->chart, "ada"), f->pm1);
  assert_int_equal (ladder_chart_lookup (f->chart, "pm1"), LADDER_NONE);
  assert_int_equal (f->kinds->len, 5);
}

static void
test_dotted_lines (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  guint n;

  assert_true (ladder_chart_add_dotted_line (f->chart, f->pm1, f->cpo, NULL));
  assert_false (ladder_chart_add_dotted_line (f->chart, f->pm1, f->cpo, &error));
  g_clear_error (&error);
  assert_false (ladder_chart_add_dotted_line (f->chart, f->pm1, f->pm1, &error));
  ladder_chart_remove_dotted_line (f->chart, f->pm1, f->cpo);
  ladder_chart_get_dotted_lines (f->chart, f->pm1, &n);
  assert_int_equal (n, 0);
}

static void
test_preorder_skips_collapsed (void **state)
{
  Fixture *f = *state;
  guint out[8];
  const char *ids_all[] = { "ceo", "cpo", "head", "pm1", "pm2" };

  assert_int_equal (ladder_chart_preorder (f->chart, out, FALSE), 5);
  for (guint i = 0; i < 5; i++)
    assert_string_equal (ladder_chart_get_id (f->chart, out[i]), ids_all[i]);
  ladder_chart_set_collapsed (f->chart, f->head, TRUE);
  assert_int_equal (ladder_chart_preorder (f->chart, out, TRUE), 3);
  assert_int_equal (out[2], f->head);
}

static void
test_link_records_orders_siblings (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint a = ladder_chart_append_record (chart, "a", "ceo", 2);
  guint b = ladder_chart_append_record (chart, "b", "pm", 3);
  guint c = ladder_chart_append_record (chart, "c", "pm", 4);
  guint d = ladder_chart_append_record (chart, "d", "pm", 5);

  assert_int_equal (ladder_chart_append_record (chart, "a", "pm", 6), LADDER_NONE);
  /* A refused duplicate leaves the index pointing at the first. */
  assert_int_equal (ladder_chart_lookup (chart, "a"), a);
  ladder_chart_get_record (chart, b)->manager = a;
  ladder_chart_get_record (chart, c)->manager = a;
  ladder_chart_get_record (chart, d)->manager = a;
  /* c says order 0: it goes first; b and d keep file order after it. */
  ladder_chart_get_record (chart, c)->order = -1;
  ladder_chart_get_record (chart, c)->has_order = TRUE;
  assert_true (ladder_chart_link_records (chart, NULL, NULL));
  assert_reports (chart, a, "c b d");
  assert_int_equal (ladder_chart_get_line (chart, d), 5);
}

static void
test_link_records_reports_cycle (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint root = ladder_chart_append_record (chart, "root", "ceo", 2);
  guint x = ladder_chart_append_record (chart, "x", "pm", 3);
  guint y = ladder_chart_append_record (chart, "y", "pm", 4);
  guint z = ladder_chart_append_record (chart, "z", "pm", 5);
  guint hang = ladder_chart_append_record (chart, "hang", "pm", 6);
  g_autofree guint *cycle = NULL;
  guint n = 0;

  (void) root;
  ladder_chart_get_record (chart, hang)->manager = x;
  ladder_chart_get_record (chart, x)->manager = y;
  ladder_chart_get_record (chart, y)->manager = z;
  ladder_chart_get_record (chart, z)->manager = x;
  assert_false (ladder_chart_link_records (chart, &cycle, &n));
  assert_int_equal (n, 3);
  /* The cycle, in manager order, from the first person found on it. */
  assert_int_equal (cycle[0], x);
  assert_int_equal (cycle[1], y);
  assert_int_equal (cycle[2], z);
}

/* The id index through appends past its reserved size, removals (which
 * move later entries back), renames and revivals. */
static void
test_lookup_after_many_edits (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  const guint n = 5000;
  g_autofree gboolean *alive = g_new0 (gboolean, n);
  g_autofree gboolean *renamed = g_new0 (gboolean, n);
  char id[16];

  ladder_chart_reserve_records (chart, n / 4);
  for (guint i = 0; i < n; i++)
    {
      g_snprintf (id, sizeof id, "p%u", i);
      assert_int_equal (ladder_chart_add_person (chart, id, "pm", LADDER_NONE, G_MAXUINT, NULL), i);
      alive[i] = TRUE;
    }
  for (guint i = 0; i < n; i += 3)
    {
      ladder_chart_remove_person (chart, i);
      alive[i] = FALSE;
    }
  for (guint i = 1; i < n; i += 5)
    {
      if (!alive[i])
        continue;
      g_snprintf (id, sizeof id, "q%u", i);
      assert_true (ladder_chart_set_id (chart, i, id, NULL));
      renamed[i] = TRUE;
    }
  for (guint i = 0; i < n; i += 9)
    {
      assert_true (ladder_chart_revive_person (chart, i, LADDER_NONE, 0, NULL, 0, NULL));
      alive[i] = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_snprintf (id, sizeof id, "p%u", i);
      assert_int_equal (ladder_chart_lookup (chart, id),
                        alive[i] && !renamed[i] ? i : LADDER_NONE);
      g_snprintf (id, sizeof id, "q%u", i);
      assert_int_equal (ladder_chart_lookup (chart, id), renamed[i] ? i : LADDER_NONE);
    }
  assert_int_equal (ladder_chart_get_n_people (chart), n - n / 3 - 1 + (n + 8) / 9);
  /* Taken ids are refused, freed ones are not. */
  assert_int_equal (ladder_chart_add_person (chart, "p2", "pm", LADDER_NONE, 0, NULL), LADDER_NONE);
  assert_int_equal (ladder_chart_append_record (chart, "q1", "pm", 1), LADDER_NONE);
  assert_int_equal (ladder_chart_append_record (chart, "p3", "pm", 1), n);
  assert_int_equal (ladder_chart_lookup (chart, "p3"), n);
}

/* Text copied into the chart's block and text past its end are set
 * again, handed to another chart and freed: each the right way (the
 * sanitizer build would report a bad free). */
static void
test_copied_text_is_set_and_freed (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderChart) other = ladder_chart_new ();
  guint a, b;

  ladder_chart_reserve_text (chart, 12);
  a = ladder_chart_append_record (chart, "a", "ceo", 2);
  b = ladder_chart_append_record (chart, "b", "pm", 3);
  ladder_chart_get_record (chart, a)->name = ladder_chart_copy_text (chart, "Ann Lee", 7);
  /* Past the 12 bytes: allocated. */
  ladder_chart_get_record (chart, b)->name = ladder_chart_copy_text (chart, "Bo Chen", 7);
  ladder_chart_get_record (chart, b)->title = ladder_chart_copy_text (chart, "PM, Growth", 3);
  assert_true (ladder_chart_link_records (chart, NULL, NULL));
  assert_string_equal (ladder_chart_get_name (chart, a), "Ann Lee");
  assert_string_equal (ladder_chart_get_name (chart, b), "Bo Chen");
  assert_string_equal (ladder_chart_get_person_title (chart, b), "PM,");

  ladder_chart_set_name (chart, a, "Ann Lee-Park");
  ladder_chart_set_name (chart, b, NULL);
  assert_true (ladder_chart_set_id (chart, a, "ann", NULL));
  assert_string_equal (ladder_chart_get_name (chart, a), "Ann Lee-Park");
  assert_null (ladder_chart_get_name (chart, b));
  assert_int_equal (ladder_chart_lookup (chart, "ann"), a);

  ladder_chart_take_contents (other, chart);
  assert_string_equal (ladder_chart_get_person_title (other, b), "PM,");
  assert_string_equal (ladder_chart_get_id (other, b), "b");
}

static void
test_million_deep_chain (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  const guint n = 1000000;
  g_autofree guint *out = g_new (guint, n);
  guint last;

  for (guint i = 0; i < n; i++)
    {
      char id[16];
      guint p;

      g_snprintf (id, sizeof id, "p%u", i);
      p = ladder_chart_append_record (chart, id, "pm", i + 2);
      ladder_chart_get_record (chart, p)->manager = i ? i - 1 : LADDER_NONE;
    }
  assert_true (ladder_chart_link_records (chart, NULL, NULL));
  assert_int_equal (ladder_chart_preorder (chart, out, FALSE), n);
  last = out[n - 1];
  assert_int_equal (last, n - 1);
  assert_true (ladder_chart_is_above (chart, 0, last));
  /* Moving the top under the bottom is a cycle a million long. */
  assert_false (ladder_chart_reparent (chart, 0, last, 0, NULL));
  ladder_chart_remove_person (chart, n / 2);
  assert_int_equal (ladder_chart_get_manager (chart, n / 2 + 1), n / 2 - 1);
}

static void
test_take_contents (void **state)
{
  Fixture *f = *state;
  g_autoptr(LadderChart) other = ladder_chart_new ();

  ladder_test_add (other, "solo", "ceo", LADDER_NONE);
  ladder_chart_set_title (other, "Other");
  ladder_chart_take_contents (f->chart, other);
  assert_int_equal (ladder_chart_get_n_people (f->chart), 1);
  assert_string_equal (ladder_chart_get_title (f->chart), "Other");
  assert_int_equal (ladder_chart_lookup (f->chart, "solo"), 0);
  assert_int_equal (ladder_chart_get_n_people (other), 0);
  assert_int_equal (g_array_index (f->kinds, LadderChangeKind, f->kinds->len - 1), LADDER_CHANGE_RESET);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_lookup, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_refuses_bad_ids, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_at_position, setup, teardown),
    cmocka_unit_test_setup_teardown (test_remove_moves_reports_up, setup, teardown),
    cmocka_unit_test_setup_teardown (test_remove_root_promotes_reports_to_roots, setup, teardown),
    cmocka_unit_test_setup_teardown (test_remove_drops_dotted_lines_to_person, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reparent_refuses_cycles, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reparent_and_reorder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_fields_announce_real_changes_only, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dotted_lines, setup, teardown),
    cmocka_unit_test_setup_teardown (test_preorder_skips_collapsed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_take_contents, setup, teardown),
    cmocka_unit_test (test_link_records_orders_siblings),
    cmocka_unit_test (test_link_records_reports_cycle),
    cmocka_unit_test (test_lookup_after_many_edits),
    cmocka_unit_test (test_copied_text_is_set_and_freed),
    cmocka_unit_test (test_million_deep_chain),
  };

  return cmocka_run_group_tests_name ("chart", tests, NULL, NULL);
}
