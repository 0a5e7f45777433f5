/* test-document.c — the document's commands, undo labels, view state and
 * change notifications, without a display (DISPLAY may be unset). */
#include "ladder-test-util.h"

#include <string.h>

#include "ladder-document.h"
#include "ladder-io.h"

static const char *team_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<orgchart version=\"1\" title=\"Test team\">\n"
  "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n"
  "  <person id=\"cpo\" role=\"cpo\" name=\"Ben Cruz\" manager=\"ceo\"/>\n"
  "  <person id=\"hop\" role=\"head-of-product\" name=\"Cleo Diaz\" manager=\"cpo\"/>\n"
  "  <person id=\"spm\" role=\"senior-pm\" name=\"Dev Ray\" manager=\"hop\"/>\n"
  "  <person id=\"jpm\" role=\"junior-pm\" name=\"Eli Moss\" manager=\"spm\"/>\n"
  "</orgchart>\n";

typedef struct {
  LadderDocument *document;
  LadderChart    *chart;
  LadderHistory  *history;
  GArray         *changes;      /* LadderChange, strings not kept */
  GPtrArray      *notified;     /* property names, in order */
} Fixture;

static void
changed_cb (LadderDocument *document, const LadderChange *change, Fixture *f)
{
  LadderChange copy = *change;

  copy.old_text = copy.new_text = NULL;
  copy.moved = NULL;
  g_array_append_val (f->changes, copy);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, Fixture *f)
{
  g_ptr_array_add (f->notified, g_strdup (pspec->name));
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (team_xml, strlen (team_xml),
                                                         "team.ladder", &error);

  assert_non_null (chart);
  f->document = ladder_document_new (ladder_catalogue_get_default ());
  ladder_document_replace (f->document, chart, NULL);
  f->chart = ladder_document_get_chart (f->document);
  f->history = ladder_document_get_history (f->document);
  f->changes = g_array_new (FALSE, FALSE, sizeof (LadderChange));
  f->notified = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->document, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->document, "notify", G_CALLBACK (notify_cb), f);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->document);
  g_array_unref (f->changes);
  g_ptr_array_unref (f->notified);
  g_free (f);
  return 0;
}

static guint
person (Fixture *f, const char *id)
{
  guint p = ladder_chart_lookup (f->chart, id);

  assert_int_not_equal (p, LADDER_NONE);
  return p;
}

static gboolean
was_notified (Fixture *f, const char *name)
{
  for (guint i = 0; i < f->notified->len; i++)
    if (g_str_equal (g_ptr_array_index (f->notified, i), name))
      return TRUE;
  return FALSE;
}

/* Each command is one step, named for the Undo button. */
static void
test_commands_are_labelled_steps (void **state)
{
  Fixture *f = *state;
  guint spm = person (f, "spm"), cpo = person (f, "cpo"), ceo = person (f, "ceo");
  guint jpm = person (f, "jpm");

  assert_true (ladder_document_move_person (f->document, spm, cpo, LADDER_NONE, NULL));
  assert_int_equal (ladder_chart_get_manager (f->chart, spm), cpo);
  assert_string_equal (ladder_history_get_undo_label (f->history), "Move Dev Ray");

  ladder_document_rename (f->document, spm, "Devi Ray");
  assert_string_equal (ladder_history_get_undo_label (f->history), "Rename Dev Ray");

  assert_true (ladder_document_set_field (f->document, spm, LADDER_FIELD_TITLE, "PM, Growth",
                                          NULL));
  assert_string_equal (ladder_history_get_undo_label (f->history), "Change Title of Devi Ray");
  assert_true (ladder_document_set_flag (f->document, spm, LADDER_FIELD_VACANT, TRUE));
  assert_string_equal (ladder_history_get_undo_label (f->history), "Change Vacancy of Devi Ray");
  assert_true (ladder_document_add_dotted_line (f->document, spm, ceo, NULL));
  assert_string_equal (ladder_history_get_undo_label (f->history),
                       "Add Dotted Line from Devi Ray");
  ladder_document_remove_dotted_line (f->document, spm, ceo);
  assert_string_equal (ladder_history_get_undo_label (f->history),
                       "Remove Dotted Line from Devi Ray");
  ladder_document_set_properties (f->document, "Acme", 1200, LADDER_LAYOUT_COMPACT);
  assert_string_equal (ladder_history_get_undo_label (f->history), "Change Chart Properties");
  assert_string_equal (ladder_document_get_title (f->document), "Acme");
  assert_int_equal (ladder_chart_get_employees (f->chart), 1200);
  ladder_document_remove_person (f->document, jpm);
  assert_string_equal (ladder_history_get_undo_label (f->history), "Remove Eli Moss");
  assert_int_equal (ladder_history_get_n_steps (f->history), 8);
  assert_true (ladder_document_get_modified (f->document));

  /* Undo gives back the person the step was about. */
  assert_int_equal (ladder_document_undo (f->document), jpm);
  assert_true (ladder_chart_is_alive (f->chart, jpm));
  ladder_document_undo (f->document);
  assert_string_equal (ladder_document_get_title (f->document), "Test team");
  assert_string_equal (ladder_history_get_redo_label (f->history), "Change Chart Properties");
  for (guint i = 0; i < 6; i++)
    ladder_document_undo (f->document);
  assert_int_equal (ladder_chart_get_manager (f->chart, spm), person (f, "hop"));
  assert_false (ladder_document_get_modified (f->document));
  assert_int_equal (ladder_document_redo (f->document), spm);
  assert_int_equal (ladder_chart_get_manager (f->chart, spm), cpo);
}

/* The cycle check says why, in the user's words, and changes nothing. */
static void
test_cycle_is_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  guint hop = person (f, "hop");

  assert_false (ladder_document_move_person (f->document, hop, person (f, "jpm"), LADDER_NONE,
                                             &error));
  assert_true (g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE));
  assert_string_equal (error->message,
                       "Cannot move Cleo Diaz under Eli Moss: Eli Moss reports to Cleo Diaz");
  g_clear_error (&error);
  assert_false (ladder_document_check_move (f->document, hop, hop, &error));
  assert_string_equal (error->message, "Cannot move Cleo Diaz under themselves");
  assert_true (ladder_document_check_move (f->document, hop, person (f, "ceo"), NULL));
  assert_int_equal (ladder_history_get_n_steps (f->history), 0);
  assert_int_equal (f->changes->len, 0);
}

/* Adding and naming is one step; Escape takes the add back for good. */
static void
test_add_then_name_is_one_step (void **state)
{
  Fixture *f = *state;
  guint hop = person (f, "hop"), p, q;

  p = ladder_document_add_person (f->document, "senior-pm", hop, LADDER_NONE, NULL, NULL);
  assert_int_not_equal (p, LADDER_NONE);
  assert_string_equal (ladder_history_get_undo_label (f->history), "Add Senior Product Manager");
  assert_null (ladder_chart_get_name (f->chart, p));
  ladder_document_rename (f->document, p, "Kim Lo");
  assert_int_equal (ladder_history_get_n_steps (f->history), 1);
  assert_string_equal (ladder_history_get_undo_label (f->history), "Add Kim Lo");
  /* A second rename is a step of its own. */
  ladder_document_rename (f->document, p, "Kim Low");
  assert_int_equal (ladder_history_get_n_steps (f->history), 2);
  ladder_document_undo (f->document);
  ladder_document_undo (f->document);
  assert_false (ladder_chart_is_alive (f->chart, p));

  q = ladder_document_add_person (f->document, "pm", hop, LADDER_NONE, NULL, NULL);
  assert_true (ladder_document_cancel_add (f->document, q));
  assert_false (ladder_chart_is_alive (f->chart, q));
  assert_false (ladder_history_can_redo (f->history));
  assert_int_equal (ladder_history_get_n_steps (f->history), 0);
  assert_false (ladder_document_get_modified (f->document));
  /* Only the add just made can be cancelled. */
  assert_false (ladder_document_cancel_add (f->document, hop));
}

/* Folds are view state: never a step, never modified, yet saved. */
static void
test_folds_are_view_state (void **state)
{
  Fixture *f = *state;
  guint hop = person (f, "hop"), jpm = person (f, "jpm");
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "folds.ladder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autoptr(LadderDocument) reopened = NULL;

  ladder_document_rename (f->document, jpm, "Eli Moss-Ray");
  assert_true (ladder_document_undo (f->document) == jpm);
  ladder_document_fold (f->document, hop, TRUE);
  assert_true (ladder_chart_get_collapsed (f->chart, hop));
  assert_false (ladder_document_get_modified (f->document));
  assert_true (ladder_document_get_folds_changed (f->document));
  assert_true (was_notified (f, "folds-changed"));
  /* The redo step survives the fold. */
  assert_true (ladder_history_can_redo (f->history));
  /* A leaf cannot be folded. */
  ladder_document_fold (f->document, jpm, TRUE);
  assert_false (ladder_chart_get_collapsed (f->chart, jpm));

  /* Saving writes the fold and the document is as saved. */
  assert_true (ladder_document_save_to (f->document, file, NULL));
  assert_false (ladder_document_get_folds_changed (f->document));
  saved = ladder_test_read (path, NULL);
  assert_non_null (strstr (saved, "<person id=\"hop\" role=\"head-of-product\" "
                                  "name=\"Cleo Diaz\" manager=\"cpo\" collapsed=\"true\""));
  reopened = ladder_document_new (ladder_catalogue_get_default ());
  assert_true (ladder_document_load (reopened, file, NULL, NULL));
  assert_true (ladder_chart_get_collapsed (ladder_document_get_chart (reopened),
                                           ladder_chart_lookup (ladder_document_get_chart (reopened), "hop")));
  assert_false (ladder_document_get_folds_changed (reopened));
  assert_string_equal (ladder_document_get_title (reopened), "Test team");

  /* Going to someone folded away unfolds what hides them, and only that. */
  ladder_document_fold (f->document, person (f, "spm"), TRUE);
  assert_true (ladder_document_reveal (f->document, jpm));
  assert_false (ladder_chart_get_collapsed (f->chart, hop));
  assert_false (ladder_chart_get_collapsed (f->chart, person (f, "spm")));
  assert_false (ladder_document_reveal (f->document, jpm));
  assert_false (ladder_document_get_modified (f->document));
}

/* Undo unfolds what hides the person the step was about. */
static void
test_undo_reveals_its_person (void **state)
{
  Fixture *f = *state;
  guint hop = person (f, "hop"), jpm = person (f, "jpm");

  ladder_document_rename (f->document, jpm, "Eli M.");
  ladder_document_fold (f->document, hop, TRUE);
  assert_int_equal (ladder_document_undo (f->document), jpm);
  assert_string_equal (ladder_chart_get_name (f->chart, jpm), "Eli Moss");
  assert_false (ladder_chart_get_collapsed (f->chart, hop));
  ladder_document_fold (f->document, hop, TRUE);
  assert_int_equal (ladder_document_redo (f->document), jpm);
  assert_false (ladder_chart_get_collapsed (f->chart, hop));
}

/* The change says which person and which field; properties notify once,
 * on a real change. */
static void
test_change_notifications (void **state)
{
  Fixture *f = *state;
  guint spm = person (f, "spm");
  LadderFindings *before, *after;
  const LadderChange *change;

  before = ladder_findings_ref (ladder_document_get_findings (f->document));
  ladder_document_set_field (f->document, spm, LADDER_FIELD_NOTE, "Owns checkout.", NULL);
  assert_int_equal (f->changes->len, 1);
  change = &g_array_index (f->changes, LadderChange, 0);
  assert_int_equal (change->kind, LADDER_CHANGE_FIELD);
  assert_int_equal (change->person, spm);
  assert_int_equal (change->field, LADDER_FIELD_NOTE);
  assert_true (was_notified (f, "modified"));
  assert_false (was_notified (f, "title"));

  /* A no-op is no change. */
  ladder_document_set_field (f->document, spm, LADDER_FIELD_NOTE, "Owns checkout.", NULL);
  assert_int_equal (f->changes->len, 1);
  assert_int_equal (ladder_history_get_n_steps (f->history), 1);

  /* New findings come after an edit; the old ones stay valid while held. */
  after = ladder_document_get_findings (f->document);
  assert_ptr_not_equal (before, after);
  assert_true (was_notified (f, "findings"));
  assert_int_equal (ladder_findings_get_n (before), ladder_findings_get_n (after));
  ladder_findings_free (before);

  g_ptr_array_set_size (f->notified, 0);
  ladder_document_set_properties (f->document, "Acme", -1, LADDER_LAYOUT_TREE);
  assert_true (was_notified (f, "title"));
  assert_false (was_notified (f, "subtitle"));
  assert_string_equal (ladder_document_get_subtitle (f->document), "Not saved yet");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_commands_are_labelled_steps, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cycle_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_then_name_is_one_step, setup, teardown),
    cmocka_unit_test_setup_teardown (test_folds_are_view_state, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_reveals_its_person, setup, teardown),
    cmocka_unit_test_setup_teardown (test_change_notifications, setup, teardown),
  };

  /* Commands never need a display. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  return cmocka_run_group_tests_name ("document", tests, NULL, NULL);
}
