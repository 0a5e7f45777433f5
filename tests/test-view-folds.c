/* test-view-folds.c — a big chart opens with its deeper teams folded as
 * the view's, never saved (SPEC.md "What is the chart and what is the
 * view"), without a display. */
#include "ladder-test-util.h"

#include <string.h>

#include "ladder-document.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-view-folds.h"

/* One root, @n_heads reports, each with @n_team reports of their own. */
static LadderChart *
three_levels (guint n_heads, guint n_team, guint *heads)
{
  LadderChart *chart = ladder_chart_new ();
  guint root = ladder_chart_add_person (chart, "ceo", "ceo", LADDER_NONE, LADDER_NONE, NULL);

  for (guint i = 0; i < n_heads; i++)
    {
      heads[i] = ladder_chart_add_person (chart, NULL, "vp-product", root, LADDER_NONE, NULL);
      for (guint j = 0; j < n_team; j++)
        ladder_chart_add_person (chart, NULL, "senior-pm", heads[i], LADDER_NONE, NULL);
    }
  return chart;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static char *
saved (LadderDocument *document, const char *name)
{
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  assert_true (ladder_document_save_to (document, file, &error));
  assert_null (error);
  return ladder_test_read (path, NULL);
}

static void
test_levels_that_fit (void **state)
{
  guint heads[120];
  g_autoptr(LadderChart) chart = three_levels (5, 20, heads);   /* 1 + 5 + 100 */
  g_autoptr(LadderChart) small = three_levels (5, 10, heads);   /* 1 + 5 + 50 */
  g_autoptr(LadderChart) wide = three_levels (70, 1, heads);    /* 1 + 70 + 70 */
  g_autoptr(LadderChart) flat = three_levels (120, 0, heads);   /* 1 + 120 */

  assert_int_equal (ladder_view_fold_big (small, LADDER_VIEW_FOLD_CARDS), 0);
  /* The root and its five show; the five teams of twenty fold. */
  assert_int_equal (ladder_view_fold_big (chart, LADDER_VIEW_FOLD_CARDS), 5);
  for (guint p = ladder_chart_get_first_report (chart, ladder_chart_get_first_root (chart));
       p != LADDER_NONE; p = ladder_chart_get_next_sibling (chart, p))
    {
      assert_true (ladder_chart_get_collapsed (chart, p));
      assert_true (ladder_chart_get_view_folded (chart, p));
    }
  assert_false (ladder_chart_get_collapsed (chart, ladder_chart_get_first_root (chart)));
  /* The root's seventy reports show however many they are (one row), their
   * teams fold. */
  assert_int_equal (ladder_view_fold_big (wide, LADDER_VIEW_FOLD_CARDS), 70);
  assert_false (ladder_chart_get_collapsed (wide, ladder_chart_get_first_root (wide)));
  assert_true (ladder_chart_get_view_folded (wide, ladder_chart_get_last_report (wide, ladder_chart_get_first_root (wide))));
  /* One flat team of 121 is all one row: nothing to fold. */
  assert_int_equal (ladder_view_fold_big (flat, LADDER_VIEW_FOLD_CARDS), 0);
}

static void
test_file_folds_win (void **state)
{
  guint heads[5];
  g_autoptr(LadderChart) chart = three_levels (5, 20, heads);

  /* A file with folds of its own opens as it says, even deep down. */
  ladder_chart_set_collapsed (chart, ladder_chart_get_first_report (chart, heads[3]), TRUE);
  assert_int_equal (ladder_view_fold_big (chart, LADDER_VIEW_FOLD_CARDS), 0);
  assert_false (ladder_chart_get_collapsed (chart, heads[0]));
}

static void
test_never_saved (void **state)
{
  guint heads[5];
  g_autoptr(LadderDocument) document = ladder_document_new (ladder_catalogue_get_default ());
  g_autofree char *first = NULL, *unfolded = NULL, *refolded = NULL;

  ladder_document_replace (document, three_levels (5, 20, heads), NULL);
  heads[0] = ladder_chart_get_first_report (ladder_document_get_chart (document),
                                            ladder_chart_get_first_root (ladder_document_get_chart (document)));
  assert_true (ladder_chart_get_view_folded (ladder_document_get_chart (document), heads[0]));
  assert_false (ladder_document_get_modified (document));
  assert_false (ladder_document_get_folds_changed (document));
  assert_false (ladder_history_can_undo (ladder_document_get_history (document)));
  first = saved (document, "view-folds-1.ladder");
  assert_int_equal (count (first, "<person "), 106);
  assert_int_equal (count (first, "collapsed"), 0);

  /* Opening a view fold is the view's business too. */
  ladder_document_fold (document, heads[0], FALSE);
  assert_false (ladder_chart_get_collapsed (ladder_document_get_chart (document), heads[0]));
  assert_false (ladder_document_get_folds_changed (document));
  unfolded = saved (document, "view-folds-2.ladder");
  assert_int_equal (count (unfolded, "collapsed"), 0);

  /* Folded again by the user, it is the user's, and saved. */
  ladder_document_fold (document, heads[0], TRUE);
  assert_true (ladder_document_get_folds_changed (document));
  assert_false (ladder_chart_get_view_folded (ladder_document_get_chart (document), heads[0]));
  refolded = saved (document, "view-folds-3.ladder");
  assert_int_equal (count (refolded, "collapsed=\"true\""), 1);
  assert_false (ladder_document_get_modified (document));
}

/* Read on a worker, the layout the window takes is of the folded chart. */
static void
test_loaded_layout_folded (void **state)
{
  guint heads[5];
  g_autoptr(LadderChart) chart = three_levels (5, 20, heads);
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "view-folds-read.ladder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderLoaded) loaded = NULL;
  LadderLayout *layout;
  LadderChart *read;
  guint n_visible = 0, head, member;

  assert_true (ladder_save_file (chart, path, &error));
  loaded = ladder_loaded_read (file, ladder_catalogue_get_default (), NULL, &error);
  assert_non_null (loaded);
  read = ladder_loaded_get_chart (loaded);
  head = ladder_chart_get_first_report (read, ladder_chart_get_first_root (read));
  member = ladder_chart_get_first_report (read, head);
  assert_true (ladder_chart_get_view_folded (read, head));
  layout = ladder_loaded_steal_layout (loaded);
  ladder_layout_get_visible (layout, &n_visible);
  assert_int_equal (n_visible, 6);
  assert_false (ladder_layout_get_box (layout, member)->visible);
  ladder_layout_free (layout);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_levels_that_fit),
    cmocka_unit_test (test_file_folds_win),
    cmocka_unit_test (test_never_saved),
    cmocka_unit_test (test_loaded_layout_folded),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
