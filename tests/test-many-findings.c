/* test-many-findings.c — a chart where most people have a finding: an
 * edit changes the findings list by the rows it changed, also while the
 * list still grows after an open, and ends as a fresh list of the same
 * findings would be.  Needs no display. */
#include "ladder-test-util.h"

#include <glib.h>

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-findings-rows.h"
#include "ladder-validate.h"

/* A CEO and @n Product Managers who report to them: a pm-manager
 * warning each, in chart order, one row each. */
static LadderChart *
flat_chart (guint n)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo", "ceo", LADDER_NONE, LADDER_NONE, NULL);

  ladder_chart_set_name (chart, ceo, "Ada Obi");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("pm%u", i);
      g_autofree char *name = g_strdup_printf ("Pat %u", i);

      ladder_chart_set_name (chart, ladder_chart_add_person (chart, id, "pm", ceo, LADDER_NONE, NULL),
                             name);
    }
  return chart;
}

static void
record_change_cb (GListModel *model, guint position, guint removed, guint added, GString *changes)
{
  g_string_append_printf (changes, "%u -%u +%u;", position, removed, added);
}

/* Checks the chart again and hands the findings to @rows; @findings
 * keeps them alive (the model borrows them). */
static void
check_into (LadderFindingsRows *rows, LadderChart *chart, GPtrArray *findings)
{
  LadderFindings *now = ladder_validate (chart, ladder_catalogue_get_default ());

  g_ptr_array_add (findings, now);
  ladder_findings_rows_set (rows, chart, now);
}

/* A flat chart of 250 PMs, its findings just given to a new model,
 * which has announced its first 20 rows and grows. */
typedef struct {
  LadderChart        *chart;
  LadderFindingsRows *rows;
  GString            *changes;
  GPtrArray          *findings;  /* every LadderFindings checked */
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->chart = flat_chart (250);
  f->rows = ladder_findings_rows_new ();
  f->changes = g_string_new (NULL);
  f->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_findings_free);
  g_signal_connect (f->rows, "items-changed", G_CALLBACK (record_change_cb), f->changes);
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "0 -0 +20;");
  g_string_truncate (f->changes, 0);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->rows);
  g_ptr_array_unref (f->findings);
  g_string_free (f->changes, TRUE);
  g_object_unref (f->chart);
  g_free (f);
  return 0;
}

static LadderFindings *
latest (Fixture *f)
{
  return g_ptr_array_index (f->findings, f->findings->len - 1);
}

/* Removes pm@from to pm@to - 1. */
static void
remove_pms (LadderChart *chart, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *id = g_strdup_printf ("pm%u", i);

      ladder_chart_remove_person (chart, ladder_chart_lookup (chart, id));
    }
}

/* Every row of @rows shows what the same row of a model made afresh
 * from the same findings shows. */
static void
assert_rows_as_fresh (LadderFindingsRows *rows, LadderChart *chart, LadderFindings *findings)
{
  g_autoptr(LadderFindingsRows) fresh = ladder_findings_rows_new ();

  ladder_findings_rows_set (fresh, chart, findings);
  ladder_findings_rows_show_all (fresh);
  ladder_findings_rows_show_all (rows);
  assert_int_equal (ladder_findings_rows_get_n_rows (rows), ladder_findings_rows_get_n_rows (fresh));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (rows)),
                    g_list_model_get_n_items (G_LIST_MODEL (fresh)));
  for (guint row = 0; row < ladder_findings_rows_get_n_rows (fresh); row++)
    {
      assert_int_equal (ladder_findings_rows_get_size (rows, row),
                        ladder_findings_rows_get_size (fresh, row));
      for (guint k = 0; k < ladder_findings_rows_get_size (fresh, row); k++)
        assert_string_equal (ladder_findings_rows_get_finding (rows, row, k)->message,
                             ladder_findings_rows_get_finding (fresh, row, k)->message);
    }
}

/* The findings of an edit made while the list still grows after an
 * open (a 20k chart's are checked again about a second after the edit,
 * before its 7,500 rows are all announced) change only their rows among
 * those the list knows: starting the list again made a list view build
 * and measure all of them anew, 130-170 ms of the main thread. */
static void
test_edit_while_growing (void **state)
{
  Fixture *f = *state;
  guint ceo = ladder_chart_lookup (f->chart, "ceo");
  guint pm3 = ladder_chart_lookup (f->chart, "pm3");

  /* A rename among the known rows: that row. */
  ladder_chart_set_name (f->chart, ladder_chart_lookup (f->chart, "pm5"), "Pat Five");
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "5 -1 +1;");
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 20);

  /* Past them: nothing said, the rows not yet announced are the new ones. */
  g_string_truncate (f->changes, 0);
  ladder_chart_set_name (f->chart, ladder_chart_lookup (f->chart, "pm240"), "Pat 240th");
  check_into (f->rows, f->chart, f->findings);
  ladder_chart_add_person (f->chart, "late", "pm", ceo, LADDER_NONE, NULL);
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "");
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 20);

  /* Removed among the known rows: one row less; brought back (undo):
   * one row more. */
  ladder_chart_remove_person (f->chart, pm3);
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "3 -1 +0;");
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 19);
  assert_true (ladder_chart_revive_person (f->chart, pm3, ceo, 3, NULL, 0, NULL));
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "3 -1 +0;3 -0 +1;");
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 20);
  assert_string_equal (ladder_findings_rows_get_finding (f->rows, 3, 0)->message,
                       ladder_findings_get (latest (f), 3)->message);

  /* The rows then grow on from there, to the end. */
  for (int wait = 0; wait < 400 && ladder_findings_rows_get_n_shown (f->rows) < 251; wait++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 251);
  assert_rows_as_fresh (f->rows, f->chart, latest (f));

  /* Two changes far apart, the rows one fewer: each said on its own (the
   * stretch between them was said to change whole, or the list started
   * again: every row it shows built anew). */
  g_string_truncate (f->changes, 0);
  ladder_chart_remove_person (f->chart, ladder_chart_lookup (f->chart, "pm10"));
  ladder_chart_set_name (f->chart, ladder_chart_lookup (f->chart, "pm200"), "Pat Two Hundred");
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "10 -1 +0;199 -1 +1;");
  assert_rows_as_fresh (f->rows, f->chart, latest (f));
}

/* A change that reaches past the known rows (here: 50 rows removed)
 * replaces the known rows from its start, and the list grows from
 * there; many changed rows start it again. */
static void
test_big_change_while_growing (void **state)
{
  Fixture *f = *state;

  /* Rows 10 to 59 go: the ten known ones after row 9 are replaced. */
  remove_pms (f->chart, 10, 60);
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "10 -10 +0;");
  assert_int_equal (ladder_findings_rows_get_n_shown (f->rows), 10);
  ladder_findings_rows_show_all (f->rows);
  assert_string_equal (f->changes->str, "10 -10 +0;10 -0 +190;");
  assert_rows_as_fresh (f->rows, f->chart, latest (f));

  /* Growing again (another open), then 150 rows gone at once: anew. */
  g_string_truncate (f->changes, 0);
  g_clear_object (&f->rows);
  f->rows = ladder_findings_rows_new ();
  g_signal_connect (f->rows, "items-changed", G_CALLBACK (record_change_cb), f->changes);
  ladder_findings_rows_set (f->rows, f->chart, latest (f));
  remove_pms (f->chart, 60, 210);
  check_into (f->rows, f->chart, f->findings);
  assert_string_equal (f->changes->str, "0 -0 +20;0 -20 +20;");
  assert_rows_as_fresh (f->rows, f->chart, latest (f));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_edit_while_growing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_big_change_while_growing, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
