/* test-edit-work.c — what an edit costs on a large chart: free ids
 * found at once, dotted lines found from their target, and the findings
 * checked on a worker that never publishes a stale result */
#include "ladder-test-util.h"

#include "ladder-chart.h"
#include "ladder-chart-private.h"
#include "ladder-catalogue.h"
#include "ladder-document-private.h"
#include "ladder-history.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-validate.h"

/* ---------------------------------------------------------------- ids */

static void
test_free_id_follows_highest (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autofree char *id = NULL;

  ladder_test_add (chart, "p1", "ceo", LADDER_NONE);
  ladder_test_add (chart, "p2", "cpo", 0);
  ladder_test_add (chart, "p5", "pm", 1);
  /* Not what the program makes: no hint from these. */
  ladder_test_add (chart, "p007", "pm", 1);
  ladder_test_add (chart, "p99999999999", "pm", 1);
  ladder_test_add (chart, "x40", "pm", 1);
  id = ladder_chart_dup_free_id (chart);
  /* Past the highest: p3 is free, but finding it meant trying every
   * number from 1 up (a million lookups on a 1M chart). */
  assert_string_equal (id, "p6");
}

static void
test_free_id_after_reading (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ladder_test_write ("ids.ladder",
    "<orgchart version=\"1\">\n"
    "  <person id=\"p1\" role=\"ceo\"/>\n"
    "  <person id=\"p12\" role=\"cpo\" manager=\"p1\"/>\n"
    "  <person id=\"p3\" role=\"pm\" manager=\"p12\"/>\n"
    "</orgchart>\n");
  g_autoptr(LadderChart) chart = ladder_load_file (path, ladder_catalogue_get_default (), NULL,
                                                   &error);
  guint p;

  assert_non_null (chart);
  p = ladder_chart_add_person (chart, NULL, "pm", 0, LADDER_NONE, NULL);
  assert_string_equal (ladder_chart_get_id (chart, p), "p13");
}

static void
test_free_ids_stay_unique (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  ladder_test_add (chart, "p1", "ceo", LADDER_NONE);
  for (guint i = 0; i < 2000; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 4);
      guint p;

      if (kind == 0)
        {
          /* Someone takes an id ahead of the hint, by hand. */
          g_autofree char *ahead = g_strdup_printf ("p%u", i + g_rand_int_range (rand, 1, 5));

          if (ladder_chart_lookup (chart, ahead) == LADDER_NONE)
            ladder_test_add (chart, ahead, "pm", 0);
          continue;
        }
      if (kind == 1 && ladder_chart_get_n_people (chart) > 1)
        {
          p = g_rand_int_range (rand, 1, ladder_chart_get_capacity (chart));
          if (ladder_chart_is_alive (chart, p))
            ladder_chart_remove_person (chart, p);
          continue;
        }
      p = ladder_chart_add_person (chart, NULL, "pm", 0, LADDER_NONE, NULL);
      assert_int_not_equal (p, LADDER_NONE);
      n++;
    }
  assert_true (n > 900);
  for (guint p = 0; p < ladder_chart_get_capacity (chart); p++)
    {
      const char *id = ladder_chart_get_id (chart, p);

      if (!ladder_chart_is_alive (chart, p))
        continue;
      assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      assert_int_equal (ladder_chart_lookup (chart, id), p);
    }
}

/* ------------------------------------------------------- dotted lines */

/* The reverse index against a reading of every record. */
static void
assert_dotted_index (LadderChart *chart)
{
  guint capacity = ladder_chart_get_capacity (chart);

  for (guint to = 0; to < capacity; to++)
    {
      g_autoptr(GArray) from = ladder_chart_dup_dotted_from (chart, to);
      guint k = 0;

      for (guint p = 0; p < capacity; p++)
        {
          const guint *lines;
          guint n;

          if (!ladder_chart_is_alive (chart, p))
            continue;
          lines = ladder_chart_get_dotted_lines (chart, p, &n);
          for (guint i = 0; i < n; i++)
            if (lines[i] == to)
              {
                assert_true (k < from->len);
                assert_int_equal (g_array_index (from, guint, k), p);
                k++;
              }
        }
      assert_int_equal (k, from->len);
    }
}

static void
test_dotted_index_through_edits_and_undo (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderHistory) history = ladder_history_new (chart);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1818);
  guint steps = 0;

  ladder_test_add (chart, "ceo", "ceo", LADDER_NONE);
  for (guint i = 1; i < 40; i++)
    ladder_test_add (chart, NULL, "pm", g_rand_int_range (rand, 0, i));
  ladder_history_clear (history);

  for (guint i = 0; i < 600; i++)
    {
      guint capacity = ladder_chart_get_capacity (chart);
      guint a = g_rand_int_range (rand, 0, capacity);
      guint b = g_rand_int_range (rand, 0, capacity);
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind < 4 && ladder_chart_is_alive (chart, a) && ladder_chart_is_alive (chart, b))
        ladder_chart_add_dotted_line (chart, a, b, NULL);
      else if (kind < 6 && ladder_chart_is_alive (chart, a))
        {
          guint n;
          const guint *lines = ladder_chart_get_dotted_lines (chart, a, &n);

          if (n > 0)
            ladder_chart_remove_dotted_line (chart, a, lines[b % n]);
        }
      else if (kind < 7 && ladder_chart_is_alive (chart, a) && ladder_chart_get_n_people (chart) > 5)
        ladder_chart_remove_person (chart, a);
      else if (kind < 8)
        ladder_chart_add_person (chart, NULL, "pm", LADDER_NONE, LADDER_NONE, NULL);
      else if (kind < 9)
        ladder_history_undo (history);
      else
        ladder_history_redo (history);
      assert_dotted_index (chart);
      steps++;
    }
  assert_int_equal (steps, 600);
  /* All the way back, and forth again. */
  while (ladder_history_undo (history))
    ;
  assert_dotted_index (chart);
  while (ladder_history_redo (history))
    ;
  assert_dotted_index (chart);
}

static void
test_removal_reads_only_lines_to_the_person (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint n = 3000, top, target;
  gsize before;

  /* A chain where everyone has a dotted line to the top, and one more
   * person everyone but the top draws a line to as well. */
  top = ladder_test_add (chart, "top", "ceo", LADDER_NONE);
  target = ladder_test_add (chart, "target", "cpo", top);
  for (guint i = 2, m = target; i < n; i++)
    {
      m = ladder_test_add (chart, NULL, "pm", m);
      assert_true (ladder_chart_add_dotted_line (chart, m, top, NULL));
      assert_true (ladder_chart_add_dotted_line (chart, m, target, NULL));
    }

  /* The first removal builds the index (one reading of every record,
   * not counted); then each removal of someone with no line to them
   * reads nothing more. */
  before = ladder_chart_get_dotted_from_reads ();
  for (guint p = n - 1; p >= n - 1000; p--)
    ladder_chart_remove_person (chart, p);
  assert_int_equal (ladder_chart_get_dotted_from_reads () - before, 0);
  assert_int_equal (ladder_chart_get_n_people (chart), n - 1000);

  /* The target: its n - 1002 lines, each removed and announced once. */
  before = ladder_chart_get_dotted_from_reads ();
  ladder_chart_remove_person (chart, target);
  assert_int_equal (ladder_chart_get_dotted_from_reads () - before, n - 2);
  for (guint p = 2; p < n - 1000; p++)
    {
      guint lines;
      const guint *to = ladder_chart_get_dotted_lines (chart, p, &lines);

      assert_int_equal (lines, 1);
      assert_int_equal (to[0], top);
    }
  assert_dotted_index (chart);
}

/* ----------------------------------------------------------- findings */

static void
assert_same_findings (LadderFindings *a, LadderFindings *b, guint capacity)
{
  assert_int_equal (ladder_findings_get_n (a), ladder_findings_get_n (b));
  for (guint i = 0; i < ladder_findings_get_n (a); i++)
    {
      const LadderFinding *x = ladder_findings_get (a, i);
      const LadderFinding *y = ladder_findings_get (b, i);

      assert_ptr_equal (x->rule, y->rule);
      assert_int_equal (x->severity, y->severity);
      assert_int_equal (x->person, y->person);
      assert_int_equal (x->other, y->other);
      assert_string_equal (x->message, y->message);
    }
  for (LadderSeverity s = LADDER_SEVERITY_ERROR; s <= LADDER_SEVERITY_NOTE; s++)
    assert_int_equal (ladder_findings_count (a, s), ladder_findings_count (b, s));
  for (guint p = 0; p < capacity; p++)
    {
      assert_int_equal (ladder_findings_worst_for (a, p), ladder_findings_worst_for (b, p));
      assert_int_equal (ladder_findings_line_severity (a, p),
                        ladder_findings_line_severity (b, p));
    }
}

static const char *const roles[] = {
  "ceo", "cpo", "vp-product", "director-product", "head-of-product", "group-pm",
  "senior-pm", "pm", "junior-pm", "associate-pm", "product-owner", "other", "no-such-role",
};

/* Every time the document says its findings changed, they are exactly
 * those of the chart as it is then. */
typedef struct {
  LadderDocument *document;
  guint           notified;
} Watch;

static void
findings_notify_cb (LadderDocument *document, GParamSpec *pspec, Watch *watch)
{
  LadderChart *chart = ladder_document_get_chart (document);
  g_autoptr(LadderFindings) fresh = ladder_validate_with (chart,
                                                          ladder_document_get_catalogue (document),
                                                          LADDER_VALIDATE_UNNAMED);

  assert_same_findings (document->findings, fresh, ladder_chart_get_capacity (chart));
  watch->notified++;
}

static void
wait_for_check (LadderDocument *document)
{
  while (ladder_document_get_checking (document))
    g_main_context_iteration (NULL, TRUE);
}

static LadderDocument *
new_random_document (GRand *rand, guint n, Watch *watch)
{
  LadderDocument *document = ladder_document_new (ladder_catalogue_get_default ());
  LadderChart *chart = ladder_document_get_chart (document);

  /* Every chart, however small, goes to the worker. */
  ladder_document_set_check_min_people (document, 0);
  ladder_test_add (chart, NULL, "ceo", LADDER_NONE);
  for (guint i = 1; i < n; i++)
    ladder_test_add (chart, NULL, roles[g_rand_int_range (rand, 1, G_N_ELEMENTS (roles))],
         g_rand_int_range (rand, 0, 50) == 0 ? LADDER_NONE : (guint) g_rand_int_range (rand, 0, i));
  ladder_chart_set_employees (chart, 4000);
  wait_for_check (document);
  watch->document = document;
  g_signal_connect (document, "notify::findings", G_CALLBACK (findings_notify_cb), watch);
  return document;
}

/* One random edit, as the window makes them. */
static void
random_edit (LadderChart *chart, GRand *rand)
{
  guint capacity = ladder_chart_get_capacity (chart);
  guint a = g_rand_int_range (rand, 0, capacity);
  guint b = g_rand_int_range (rand, 0, capacity);

  if (!ladder_chart_is_alive (chart, a))
    a = ladder_chart_get_first_root (chart);
  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      if (ladder_chart_is_alive (chart, b) && !ladder_chart_is_above (chart, a, b) && a != b)
        ladder_chart_reparent (chart, a, b, LADDER_NONE, NULL);
      else
        ladder_chart_reparent (chart, a, LADDER_NONE, LADDER_NONE, NULL);
      break;
    case 1:
      ladder_chart_set_role (chart, a, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
      break;
    case 2:
      if (ladder_chart_get_n_people (chart) > 10)
        ladder_chart_remove_person (chart, a);
      break;
    case 3:
      ladder_chart_add_person (chart, NULL, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))],
                               a, LADDER_NONE, NULL);
      break;
    case 4:
      ladder_chart_set_vacant (chart, a, !ladder_chart_get_vacant (chart, a));
      break;
    case 5:
      {
        g_autofree char *name = g_strdup_printf ("Name %u", g_rand_int (rand));

        ladder_chart_set_name (chart, a, g_rand_boolean (rand) ? name : NULL);
      }
      break;
    case 6:
      ladder_chart_set_employees (chart, g_rand_boolean (rand) ? 4000 : 9000);
      break;
    default:
      ladder_chart_reorder (chart, a, 0);
      break;
    }
}

static void
test_findings_after_edits_equal_a_full_check (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18018);
  Watch watch = { 0 };
  g_autoptr(LadderDocument) document = new_random_document (rand, 3000, &watch);
  LadderChart *chart = ladder_document_get_chart (document);

  for (guint i = 0; i < 150; i++)
    {
      random_edit (chart, rand);
      /* Sometimes a second edit before the first check is even due. */
      if (i % 3 == 0)
        random_edit (chart, rand);
      wait_for_check (document);
      assert_false (document->checking);
    }
  assert_true (watch.notified > 100);
  findings_notify_cb (document, NULL, &watch);
}

static void
test_stale_worker_result_never_wins (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Watch watch = { 0 };
  g_autoptr(LadderDocument) document = new_random_document (rand, 5000, &watch);
  LadderChart *chart = ladder_document_get_chart (document);

  for (guint round = 0; round < 20; round++)
    {
      guint a = g_rand_int_range (rand, 1, ladder_chart_get_capacity (chart));
      guint b = g_rand_int_range (rand, 1, ladder_chart_get_capacity (chart));
      guint before = watch.notified;

      if (!ladder_chart_is_alive (chart, a) || !ladder_chart_is_alive (chart, b) || a == b)
        continue;
      /* First edit: an unknown role, one error more. */
      ladder_chart_set_role (chart, a, "made-up");
      while (!document->checking)
        g_main_context_iteration (NULL, TRUE);
      /* The worker has that chart; the second edit comes before its
       * result is taken (the result arrives through this main loop). */
      ladder_chart_set_role (chart, b, "made-up-too");
      wait_for_check (document);
      /* One publication, of both edits; the first one's was dropped. */
      assert_int_equal (watch.notified, before + 1);
      assert_int_not_equal (ladder_findings_worst_for (ladder_document_get_findings (document), b),
                            -1);
      ladder_chart_set_role (chart, a, "pm");
      ladder_chart_set_role (chart, b, "pm");
      wait_for_check (document);
    }
  assert_true (watch.notified >= 20);
}

static void
test_large_chart_findings_do_not_block (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  Watch watch = { 0 };
  g_autoptr(LadderDocument) document = new_random_document (rand, 1000, &watch);
  LadderChart *chart = ladder_document_get_chart (document);
  LadderFindings *old = ladder_document_get_findings (document);
  guint person = ladder_chart_add_person (chart, NULL, "no-such-role", LADDER_NONE, LADDER_NONE,
                                          NULL);

  /* Asking while the check is due gives the last findings at once. */
  assert_true (ladder_document_get_checking (document));
  assert_ptr_equal (ladder_document_get_findings (document), old);
  assert_int_equal (ladder_findings_worst_for (old, person), -1);
  wait_for_check (document);
  assert_int_equal (ladder_findings_worst_for (ladder_document_get_findings (document), person),
                    LADDER_SEVERITY_ERROR);
  assert_int_equal (watch.notified, 1);

  /* Below the size, as before: asked, checked at once. */
  ladder_document_set_check_min_people (document, G_MAXUINT);
  ladder_chart_set_role (chart, person, "pm");
  assert_int_equal (ladder_findings_worst_for (ladder_document_get_findings (document), person),
                    LADDER_SEVERITY_WARNING);
  assert_false (ladder_document_get_checking (document));
}

/* ------------------------------------------------------------- layout */

static guint
count_below (LadderChart *chart, guint person)
{
  guint n = 0;

  for (guint r = ladder_chart_get_first_report (chart, person); r != LADDER_NONE;
       r = ladder_chart_get_next_sibling (chart, r))
    n += 1 + count_below (chart, r);
  return n;
}

/* The layout kept from edit to edit, against one computed afresh, and
 * the folded-away people under the card that folds them. */
static void
test_layout_after_edits_with_folds (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1812);
  Watch watch = { 0 };
  g_autoptr(LadderDocument) document = new_random_document (rand, 600, &watch);
  LadderChart *chart = ladder_document_get_chart (document);
  g_autoptr(LadderLayout) kept = ladder_layout_new ();
  guint hidden_seen = 0;

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(LadderLayout) fresh = ladder_layout_new ();
      guint capacity = ladder_chart_get_capacity (chart);

      for (guint k = 0; k < 5; k++)
        {
          guint p = g_rand_int_range (rand, 0, capacity);

          if (ladder_chart_is_alive (chart, p))
            ladder_chart_set_collapsed (chart, p, !ladder_chart_get_collapsed (chart, p));
        }
      random_edit (chart, rand);
      capacity = ladder_chart_get_capacity (chart);
      ladder_layout_compute (kept, chart);
      ladder_layout_compute (fresh, chart);
      for (guint p = 0; p < capacity; p++)
        {
          const LadderBox *a = ladder_layout_get_box (kept, p);
          const LadderBox *b = ladder_layout_get_box (fresh, p);
          guint shown = p;

          if (!ladder_chart_is_alive (chart, p))
            {
              assert_null (a);
              continue;
            }
          assert_memory_equal (a, b, sizeof *a);
          assert_int_equal (ladder_layout_get_n_folded (kept, p),
                            ladder_chart_get_collapsed (chart, p) ? count_below (chart, p) : 0);
          /* The nearest card on screen: the topmost folded one above. */
          for (guint m = ladder_chart_get_manager (chart, p); m != LADDER_NONE;
               m = ladder_chart_get_manager (chart, m))
            if (ladder_chart_get_collapsed (chart, m))
              shown = m;
          assert_int_equal (a->visible, shown == p);
          if (shown != p)
            {
              const LadderBox *card = ladder_layout_get_box (kept, shown);

              assert_true (card->visible);
              assert_true (a->x == card->x && a->y == card->y);
              hidden_seen++;
            }
        }
    }
  assert_true (hidden_seen > 1000);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_free_id_follows_highest),
    cmocka_unit_test (test_free_id_after_reading),
    cmocka_unit_test (test_free_ids_stay_unique),
    cmocka_unit_test (test_dotted_index_through_edits_and_undo),
    cmocka_unit_test (test_removal_reads_only_lines_to_the_person),
    cmocka_unit_test (test_findings_after_edits_equal_a_full_check),
    cmocka_unit_test (test_stale_worker_result_never_wins),
    cmocka_unit_test (test_large_chart_findings_do_not_block),
    cmocka_unit_test (test_layout_after_edits_with_folds),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
