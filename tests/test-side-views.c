/* test-side-views.c — the side views follow an edit by what it changed:
 * the People tab's rows after moves, removes, adds and their undo and redo
 * (the same rows as a list built afresh, and only the rows that changed
 * announced), the canvas's accessible items and the side pane's labels
 * left alone by an edit that does not touch them.  Runs under Xvfb
 * (./run-tests); skipped without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ladder-canvas-private.h"
#include "ladder-catalogue.h"
#include "ladder-inspector.h"
#include "ladder-people-list.h"
#include "ladder-people-model.h"

/* Two teams under the CEO, three levels deep, and someone on their own. */
static const char *org_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Side views\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "  <person id=\"pm1\" role=\"pm\" name=\"Eve Fox\" manager=\"spm\"/>\n"
  "  <person id=\"pm2\" role=\"pm\" name=\"Finn Gold\" manager=\"spm\"/>\n"
  "  <person id=\"spm2\" role=\"senior-pm\" name=\"Gia Hart\" manager=\"hop\"/>\n"
  "  <person id=\"hop2\" role=\"head-of-product\" name=\"Hal Ito\" manager=\"cpo\"/>\n"
  "  <person id=\"pm3\" role=\"pm\" name=\"Ivy Jun\" manager=\"hop2\"/>\n"
  "  <person id=\"pm4\" role=\"pm\" name=\"Jon Kim\" manager=\"hop2\"/>\n"
  "  <person id=\"cpo2\" role=\"cpo\" name=\"Kai Lam\" manager=\"ceo\"/>\n"
  "  <person id=\"solo\" role=\"pm\" name=\"Lu Mora\"/>\n"
  "</orgchart>\n";

typedef struct {
  guint position, removed, added;
} Range;

typedef struct {
  LadderGuiFixture *f;
  LadderPeopleList *list;
  GListModel       *model;
  GArray           *ranges;
} Fixture;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  Fixture *fx)
{
  Range range = { position, removed, added };

  g_array_append_val (fx->ranges, range);
}

static int
setup (void **state)
{
  Fixture *fx = g_new0 (Fixture, 1);

  fx->f = ladder_gui_fixture_new ("side-views.ladder", org_xml);
  fx->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  if (fx->f != NULL)
    {
      /* The People tab shown, as when the list was seen to go wrong. */
      gtk_stack_set_visible_child_name (ladder_gui_side_stack (fx->f), "people");
      ladder_gui_drain ();
      fx->list = LADDER_PEOPLE_LIST (ladder_gui_find (GTK_WIDGET (fx->f->window),
                                                      LADDER_TYPE_PEOPLE_LIST, 0));
      assert_true (gtk_widget_get_mapped (GTK_WIDGET (fx->list)));
      fx->model = ladder_people_list_get_model (fx->list);
      g_signal_connect (fx->model, "items-changed", G_CALLBACK (items_changed_cb), fx);
    }
  *state = fx;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fx = *state;

  if (fx->model != NULL)
    g_signal_handlers_disconnect_by_data (fx->model, fx);
  if (fx->f != NULL)
    ladder_gui_fixture_free (fx->f);
  g_array_unref (fx->ranges);
  g_free (fx);
  return 0;
}

#define person(fx, id) ladder_gui_person ((fx)->f, (id))

/* The ranges announced since the last call, as "position-removed+added"
 * separated by spaces; forgets them. */
static char *
take_ranges (Fixture *fx)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < fx->ranges->len; i++)
    {
      Range *range = &g_array_index (fx->ranges, Range, i);

      g_string_append_printf (text, "%s%u-%u+%u", i > 0 ? " " : "",
                              range->position, range->removed, range->added);
    }
  g_array_set_size (fx->ranges, 0);
  return g_string_free (text, FALSE);
}

/* The list's model holds what a model built afresh from the chart holds,
 * row for row (person and depth), and its items say the same. */
static void
assert_rows_fresh (Fixture *fx)
{
  g_autoptr(LadderPeopleModel) fresh = ladder_people_model_new ();
  LadderPeopleModel *model = LADDER_PEOPLE_MODEL (fx->model);
  guint n;

  ladder_people_model_rebuild (fresh, fx->f->chart);
  n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  assert_int_equal (n, ladder_chart_get_n_people (fx->f->chart));
  assert_int_equal (g_list_model_get_n_items (fx->model), n);
  for (guint row = 0; row < n; row++)
    {
      g_autoptr(LadderPeopleRow) item = g_list_model_get_item (fx->model, row);

      assert_int_equal (ladder_people_model_get_person (model, row),
                        ladder_people_model_get_person (fresh, row));
      assert_int_equal (ladder_people_model_get_depth (model, row),
                        ladder_people_model_get_depth (fresh, row));
      assert_int_equal (ladder_people_model_find (model, ladder_people_model_get_person (fresh, row)),
                        row);
      assert_int_equal (ladder_people_row_get_person (item),
                        ladder_people_model_get_person (fresh, row));
      assert_int_equal (ladder_people_row_get_depth (item),
                        ladder_people_model_get_depth (fresh, row));
    }
}

/* The texts of the rows the list view shows, in order, one a line. */
static char *
shown_rows (Fixture *fx)
{
  GtkWidget *view = ladder_gui_find (GTK_WIDGET (fx->list), GTK_TYPE_LIST_VIEW, 0);
  GString *text = g_string_new (NULL);
  GtkWidget *label;

  for (guint i = 0; (label = ladder_gui_find (view, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (gtk_widget_get_mapped (label) && *gtk_label_get_label (GTK_LABEL (label)) != '\0')
      g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (label)));
  return g_string_free (text, FALSE);
}

/* The row the list's selection is on, as a person. */
static guint
selected_person (Fixture *fx)
{
  GtkWidget *view = ladder_gui_find (GTK_WIDGET (fx->list), GTK_TYPE_LIST_VIEW, 0);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)));

  return ladder_people_model_get_person (LADDER_PEOPLE_MODEL (fx->model),
                                         gtk_single_selection_get_selected (selection));
}

/* A rename is one row; the other rows and the selection stay. */
static void
test_rename_one_row (void **state)
{
  Fixture *fx = *state;
  g_autofree char *ranges = NULL;
  g_autofree char *shown = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  ladder_window_select (fx->f->window, person (fx, "pm3"));
  ladder_gui_drain ();
  g_array_set_size (fx->ranges, 0);

  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm1"),
                                          LADDER_FIELD_NAME, "Eve Fox-Lee", NULL));
  ladder_gui_drain ();
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "4-1+1");
  assert_int_equal (selected_person (fx), person (fx, "pm3"));
  assert_rows_fresh (fx);
  shown = shown_rows (fx);
  assert_non_null (strstr (shown, "\nEve Fox-Lee — Product Manager\nFinn Gold"));

  /* A note is not shown in the list: nothing to bind again. */
  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm1"),
                                          LADDER_FIELD_NOTE, "On leave", NULL));
  ladder_gui_drain ();
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "");
}

/* A team moved: its rows go out and come back at their new place; undo
 * and redo the same; each time the rows are a fresh list's, and the view
 * shows every one of them. */
static void
test_move_undo_redo (void **state)
{
  Fixture *fx = *state;
  g_autofree char *ranges = NULL;
  g_autofree char *shown = NULL;
  static const char *moved_rows =
    "Ada Obi — CEO\n"
    "Ben Cruz — Chief Product Officer\n"
    "Hal Ito — Head of Product\n"
    "Ivy Jun — Product Manager\n"
    "Cleo Diaz — Head of Product\n"
    "Dev Ray — Senior Product Manager\n"
    "Eve Fox — Product Manager\n"
    "Finn Gold — Product Manager\n"
    "Gia Hart — Senior Product Manager\n"
    "Jon Kim — Product Manager\n"
    "Kai Lam — Chief Product Officer\n"
    "Lu Mora — Product Manager\n";

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  ladder_window_select (fx->f->window, person (fx, "cpo2"));
  ladder_gui_drain ();
  g_array_set_size (fx->ranges, 0);

  /* Cleo Diaz's team (5 rows from row 2) under Hal Ito, after Ivy Jun;
   * the selected row stays selected, at once (not a frame later). */
  assert_true (ladder_document_move_person (fx->f->document, person (fx, "hop"),
                                            person (fx, "hop2"), 1, NULL));
  assert_int_equal (selected_person (fx), person (fx, "cpo2"));
  ladder_gui_drain ();
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "2-5+0 4-0+5");
  assert_rows_fresh (fx);
  assert_int_equal (ladder_people_model_get_depth (LADDER_PEOPLE_MODEL (fx->model), 7), 5);
  assert_int_equal (selected_person (fx), person (fx, "cpo2"));
  shown = shown_rows (fx);
  assert_string_equal (shown, moved_rows);

  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "4-5+0 2-0+5");
  assert_rows_fresh (fx);
  assert_int_equal (ladder_gui_find (GTK_WIDGET (fx->list), GTK_TYPE_LIST_VIEW, 0) != NULL, TRUE);

  assert_true (ladder_gui_activate (fx->f, "win.redo"));
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "2-5+0 4-0+5");
  assert_rows_fresh (fx);
  g_free (shown);
  shown = shown_rows (fx);
  assert_string_equal (shown, moved_rows);

  /* Ben Cruz's team (9 rows) after Kai Lam (1 row): the same as Kai
   * Lam's row going before it, which is what is announced. */
  assert_true (ladder_document_move_person (fx->f->document, person (fx, "cpo"),
                                            person (fx, "ceo"), 1, NULL));
  ladder_gui_drain ();
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "10-1+0 1-0+1");
  assert_rows_fresh (fx);
  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "1-1+0 10-0+1");
  assert_rows_fresh (fx);

  /* The moved person selected: their row is selected again as it comes
   * back, before the next frame. */
  ladder_window_select (fx->f->window, person (fx, "hop"));
  ladder_gui_drain ();
  assert_true (ladder_document_move_person (fx->f->document, person (fx, "hop"),
                                            person (fx, "cpo2"), 0, NULL));
  assert_int_equal (selected_person (fx), person (fx, "hop"));
  ladder_gui_drain ();
  assert_int_equal (selected_person (fx), person (fx, "hop"));
  assert_rows_fresh (fx);
}

/* A remove takes one row out, its reports moving up a level (their rows
 * change); its undo puts it back over them; an add is one row in. */
static void
test_remove_add (void **state)
{
  Fixture *fx = *state;
  g_autofree char *ranges = NULL;
  guint added;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  g_array_set_size (fx->ranges, 0);

  ladder_document_remove_person (fx->f->document, person (fx, "spm"));
  ladder_gui_drain ();
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "3-3+2");
  assert_rows_fresh (fx);
  assert_int_equal (ladder_people_model_get_depth (LADDER_PEOPLE_MODEL (fx->model), 3), 3);

  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "3-2+3");
  assert_rows_fresh (fx);

  assert_true (ladder_gui_activate (fx->f, "win.redo"));
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "3-3+2");
  assert_rows_fresh (fx);

  /* A new report of Kai Lam (who has none): right after Kai Lam's row,
   * at depth 2; then its name, set in the same step, changes that row. */
  added = ladder_document_add_person (fx->f->document, "pm", person (fx, "cpo2"),
                                      LADDER_NONE, "Mo Ng", NULL);
  assert_int_not_equal (added, LADDER_NONE);
  ladder_gui_drain ();
  g_free (ranges);
  ranges = take_ranges (fx);
  assert_string_equal (ranges, "10-0+1 10-1+1");
  assert_rows_fresh (fx);
  assert_int_equal (ladder_people_model_get_person (LADDER_PEOPLE_MODEL (fx->model), 10), added);

  /* Everyone on their own at the end, then back. */
  assert_true (ladder_document_move_person (fx->f->document, person (fx, "cpo"),
                                            LADDER_NONE, LADDER_NONE, NULL));
  ladder_gui_drain ();
  assert_rows_fresh (fx);
  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  assert_rows_fresh (fx);
  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  assert_true (ladder_gui_activate (fx->f, "win.undo"));
  assert_rows_fresh (fx);
}


/* ------------------------------------------------------ the side pane */

/* The label under @root whose text is @text, or NULL. */
static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  GtkWidget *label;

  for (guint i = 0; (label = ladder_gui_find (root, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
      return GTK_LABEL (label);
  return NULL;
}

static void
notify_count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
rows_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* An edit away from what the side pane shows (Jon Kim renamed, who has
 * no finding, with Ivy Jun selected, who has a note and a dotted line)
 * sets nothing of it again: the labels keep their laid-out text (the same
 * PangoLayout), the findings list announces no row, the note is not set
 * again and the dotted line keeps its row. */
static void
test_side_pane_untouched (void **state)
{
  Fixture *fx = *state;
  GtkWidget *window;
  GtkLabel *heading, *id, *summary;
  PangoLayout *heading_layout, *id_layout, *summary_layout;
  GListModel *findings_rows;
  GtkTextBuffer *note;
  GtkWidget *inspector, *dotted_row;
  guint rows_changed = 0, note_changed = 0;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  window = GTK_WIDGET (fx->f->window);
  gtk_stack_set_visible_child_name (ladder_gui_side_stack (fx->f), "findings");
  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm3"),
                                          LADDER_FIELD_NOTE, "Mentors the new PMs", NULL));
  assert_true (ladder_document_add_dotted_line (fx->f->document, person (fx, "pm3"),
                                                person (fx, "pm1"), NULL));
  ladder_window_select (fx->f->window, person (fx, "pm3"));
  ladder_window_revalidate_now (fx->f->window);
  ladder_gui_drain ();

  heading = find_label (window, "Ivy Jun");
  id = find_label (window, "Product Manager · id pm3");
  summary = find_label (window, "0 errors, 1 warning, 2 notes");
  assert_non_null (heading);
  assert_non_null (id);
  assert_non_null (summary);
  heading_layout = gtk_label_get_layout (heading);
  id_layout = gtk_label_get_layout (id);
  summary_layout = gtk_label_get_layout (summary);
  findings_rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
    ladder_gui_find (GTK_WIDGET (ladder_gui_side_stack (fx->f)), GTK_TYPE_LIST_VIEW, 0))));
  g_signal_connect (findings_rows, "items-changed", G_CALLBACK (rows_changed_cb), &rows_changed);
  inspector = ladder_gui_find (window, LADDER_TYPE_INSPECTOR, 0);
  note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ladder_gui_find (inspector, GTK_TYPE_TEXT_VIEW, 0)));
  g_signal_connect (note, "changed", G_CALLBACK (notify_count_cb), &note_changed);
  dotted_row = ladder_gui_find (inspector, GTK_TYPE_LIST_BOX_ROW, 0);
  assert_non_null (dotted_row);

  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm4"),
                                          LADDER_FIELD_NAME, "Jon Kimura", NULL));
  ladder_window_revalidate_now (fx->f->window);
  ladder_gui_drain ();

  assert_string_equal (gtk_label_get_label (heading), "Ivy Jun");
  assert_string_equal (gtk_label_get_label (summary), "0 errors, 1 warning, 2 notes");
  assert_ptr_equal (gtk_label_get_layout (heading), heading_layout);
  assert_ptr_equal (gtk_label_get_layout (id), id_layout);
  assert_ptr_equal (gtk_label_get_layout (summary), summary_layout);
  assert_int_equal (rows_changed, 0);
  assert_int_equal (note_changed, 0);
  assert_ptr_equal (ladder_gui_find (inspector, GTK_TYPE_LIST_BOX_ROW, 0), dotted_row);

  /* Her own rename is shown. */
  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm3"),
                                          LADDER_FIELD_NAME, "Ivy Junge", NULL));
  ladder_gui_drain ();
  assert_string_equal (gtk_label_get_label (heading), "Ivy Junge");
  g_signal_handlers_disconnect_by_data (findings_rows, &rows_changed);
  g_signal_handlers_disconnect_by_data (note, &note_changed);
}

/* The canvas's accessible items: an edit tells only the items whose
 * words changed (Jon Kim's), and the cards in view keep their items. */
static void
test_card_items_kept (void **state)
{
  Fixture *fx = *state;
  LadderCanvas *canvas;
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  GtkWidget *child;
  guint told, n = 0;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  canvas = ladder_gui_canvas (fx->f);
  ladder_window_revalidate_now (fx->f->window);
  ladder_canvas_zoom_fit (canvas);
  ladder_gui_drain ();
  ladder_canvas_a11y_sync (canvas->a11y);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_TREE_ITEM)
      g_ptr_array_add (before, child);
  assert_int_equal (before->len, 12);
  told = ladder_canvas_a11y_get_n_told (canvas->a11y);

  assert_true (ladder_document_set_field (fx->f->document, person (fx, "pm4"),
                                          LADDER_FIELD_NAME, "Jon Kimura", NULL));
  ladder_window_revalidate_now (fx->f->window);
  ladder_gui_drain ();
  ladder_canvas_a11y_sync (canvas->a11y);
  assert_int_equal (ladder_canvas_a11y_get_n_told (canvas->a11y) - told, 1);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_TREE_ITEM)
      {
        assert_true (n < before->len);
        assert_ptr_equal (child, g_ptr_array_index (before, n));
        n++;
      }
  assert_int_equal (n, 12);
}

/* The selection's words do not check the chart at once after an edit:
 * the document checks in its idle, and its "findings" brings them up to
 * date. */
static void
test_selection_words_wait_for_check (void **state)
{
  Fixture *fx = *state;
  guint checks = 0;
  g_autofree char *words = NULL;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  ladder_window_revalidate_now (fx->f->window);
  ladder_gui_drain ();
  g_signal_connect (fx->f->document, "notify::findings", G_CALLBACK (notify_count_cb), &checks);

  /* Lu Mora gets a manager: her warning goes, once the chart is checked. */
  assert_true (ladder_document_move_person (fx->f->document, person (fx, "solo"),
                                            person (fx, "hop2"), LADDER_NONE, NULL));
  ladder_window_select (fx->f->window, person (fx, "solo"));
  assert_int_equal (checks, 0);
  ladder_gui_drain ();
  assert_int_equal (checks, 1);

  words = ladder_window_describe_person (fx->f->window, person (fx, "solo"));
  assert_string_equal (words, "Lu Mora, Product Manager, reports to Hal Ito");
  g_signal_handlers_disconnect_by_data (fx->f->document, &checks);
}

/* ------------------------------------------------- the model, at random */

typedef struct {
  LadderPeopleModel *model;
  guint              fallbacks;   /* changes it could not follow */
} Follower;

static void
model_follow_cb (LadderDocument *document, const LadderChange *change, Follower *follower)
{
  if (!ladder_people_model_apply (follower->model, ladder_document_get_chart (document), change))
    {
      follower->fallbacks++;
      ladder_people_model_rebuild (follower->model, ladder_document_get_chart (document));
    }
}

/* The model equals one built afresh, row for row. */
static void
assert_model_fresh (LadderPeopleModel *model, LadderChart *chart)
{
  g_autoptr(LadderPeopleModel) fresh = ladder_people_model_new ();
  guint n;

  ladder_people_model_rebuild (fresh, chart);
  n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (model)), n);
  for (guint row = 0; row < n; row++)
    {
      assert_int_equal (ladder_people_model_get_person (model, row),
                        ladder_people_model_get_person (fresh, row));
      assert_int_equal (ladder_people_model_get_depth (model, row),
                        ladder_people_model_get_depth (fresh, row));
    }
}

/* 600 commands at random on a chart of 80 (moves, reorders, removes,
 * adds, renames, undo and redo; a fixed seed): after each the model that
 * followed the changes holds what a fresh one does, and it never had to
 * fall back on a rebuild. */
static void
test_model_random_edits (void **state)
{
  g_autoptr(LadderDocument) document = ladder_document_new (ladder_catalogue_get_default ());
  LadderChart *chart = ladder_document_get_chart (document);
  g_autoptr(LadderPeopleModel) model = ladder_people_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  Follower follower = { model, 0 };
  guint counts[8] = { 0 };

  for (guint i = 0; i < 80; i++)
    {
      guint n = ladder_chart_get_capacity (chart);
      guint manager = i == 0 ? LADDER_NONE : (guint) g_rand_int_range (rand, 0, n);

      assert_int_not_equal (ladder_document_add_person (document, "pm", manager, LADDER_NONE,
                                                        NULL, NULL), LADDER_NONE);
    }
  ladder_people_model_rebuild (model, chart);
  g_signal_connect (document, "changed", G_CALLBACK (model_follow_cb), &follower);

  for (guint step = 0; step < 600; step++)
    {
      guint capacity = ladder_chart_get_capacity (chart);
      guint person = g_rand_int_range (rand, 0, capacity);
      guint other = g_rand_int_range (rand, 0, capacity);
      int what = g_rand_int_range (rand, 0, 8);

      if (!ladder_chart_is_alive (chart, person))
        what = 6;
      switch (what)
        {
        case 0:
        case 1:
          if (ladder_chart_is_alive (chart, other))
            ladder_document_move_person (document, person, other,
                                         g_rand_int_range (rand, 0, 4), NULL);
          break;
        case 2:
          ladder_document_move_person (document, person, ladder_chart_get_manager (chart, person),
                                       g_rand_int_range (rand, 0, 4), NULL);
          break;
        case 3:
          if (ladder_chart_get_n_people (chart) > 10)
            ladder_document_remove_person (document, person);
          break;
        case 4:
          ladder_document_add_person (document, "pm", person, g_rand_int_range (rand, 0, 3),
                                      "New", NULL);
          break;
        case 5:
          ladder_document_set_field (document, person, LADDER_FIELD_NAME, "Renamed", NULL);
          break;
        case 6:
          ladder_document_undo (document);
          break;
        default:
          ladder_document_redo (document);
          break;
        }
      counts[what]++;
      assert_model_fresh (model, chart);
    }
  assert_int_equal (follower.fallbacks, 0);
  /* Every kind of command was tried. */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    assert_true (counts[i] > 20);
  g_signal_handlers_disconnect_by_data (document, &follower);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_model_random_edits),
    cmocka_unit_test_setup_teardown (test_rename_one_row, setup, teardown),
    cmocka_unit_test_setup_teardown (test_move_undo_redo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_remove_add, setup, teardown),
    cmocka_unit_test_setup_teardown (test_side_pane_untouched, setup, teardown),
    cmocka_unit_test_setup_teardown (test_card_items_kept, setup, teardown),
    cmocka_unit_test_setup_teardown (test_selection_words_wait_for_check, setup, teardown),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
