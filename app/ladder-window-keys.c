/* ladder-window-keys.c — what the keyboard can do that a mouse does by
 * dragging or clicking: moving a person under another manager (cut,
 * then paste on the new manager) and stepping through the findings.
 *
 * The shortcuts are widget bindings on the window, so an entry that has
 * the focus keeps Ctrl+X and Ctrl+V for its text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-window-private.h"

/* ----------------------------------------------------------- cut, paste */

/* The canvas shows the cut person dimmed for as long as it is cut. */
static void
set_cut (LadderWindow *self, guint person)
{
  self->cut_person = person;
  ladder_canvas_set_cut (self->canvas, person);
  ladder_window_update_actions (self);
}

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderWindow *self)
{
  /* A new chart, or the cut person gone: the slot means nothing now. */
  if (change->kind == LADDER_CHANGE_RESET ||
      (change->kind == LADDER_CHANGE_REMOVED && change->person == self->cut_person))
    set_cut (self, LADDER_NONE);
  if (change->kind == LADDER_CHANGE_RESET)
    self->finding_index = G_MAXUINT;
}

gboolean
ladder_window_cut_person (LadderWindow *self)
{
  guint person;
  g_autofree char *message = NULL;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);

  person = ladder_window_get_selected (self);
  if (person == LADDER_NONE)
    return FALSE;
  set_cut (self, person);
  /* Translators: after Ctrl+X on a card */
  message = g_strdup_printf (_("%s will move: select the new manager and press Ctrl+V, "
                               "or Escape to cancel"),
                             ladder_window_person_label (self, person));
  ladder_window_show_toast (self, message);
  return TRUE;
}

void
ladder_window_cancel_cut (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (self->cut_person == LADDER_NONE)
    return;
  set_cut (self, LADDER_NONE);
  /* The toast would still ask for a paste. */
  ladder_window_hide_toast (self);
}

gboolean
ladder_window_paste_person (LadderWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint person, manager;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);

  person = self->cut_person;
  manager = ladder_window_get_selected (self);
  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person) ||
      manager == LADDER_NONE)
    return FALSE;

  /* A refused move (a cycle) was shown by move_person; the person stays
   * cut, so that the user can pick another manager. */
  if (!ladder_window_move_person (self, person, manager, LADDER_NONE, &error))
    {
      if (!g_error_matches (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE))
        ladder_window_show_toast (self, error->message);
      return FALSE;
    }
  set_cut (self, LADDER_NONE);
  ladder_window_hide_toast (self);
  ladder_window_select (self, person);
  ladder_canvas_reveal (self->canvas, person, FALSE);
  return TRUE;
}

static void
cut_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_cut_person (LADDER_WINDOW (widget));
}

static void
paste_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_paste_person (LADDER_WINDOW (widget));
}

static void
cancel_cut_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_cancel_cut (LADDER_WINDOW (widget));
}

/* Alt+Left / Alt+Right: what dragging a card beside its siblings does. */
gboolean
ladder_window_shift_person (LadderWindow *self, int direction)
{
  guint person, position, last = 0;
  guint manager;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), FALSE);

  person = ladder_window_get_selected (self);
  if (person == LADDER_NONE)
    return FALSE;
  manager = ladder_chart_get_manager (self->chart, person);
  position = ladder_chart_get_position (self->chart, person);
  for (guint s = ladder_chart_get_next_sibling (self->chart, person); s != LADDER_NONE;
       s = ladder_chart_get_next_sibling (self->chart, s))
    last++;
  if ((direction < 0 && position == 0) || (direction > 0 && last == 0))
    return FALSE;
  if (!ladder_window_move_person (self, person, manager,
                                  direction < 0 ? position - 1 : position + 1, NULL))
    return FALSE;
  ladder_canvas_reveal (self->canvas, person, FALSE);
  return TRUE;
}

static void
shift_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_shift_person (LADDER_WINDOW (widget),
                              g_str_equal (name, "win.move-later") ? +1 : -1);
}

/* ------------------------------------------------------------- findings */

guint
ladder_window_step_finding (LadderWindow *self, int direction)
{
  LadderFindings *findings;
  guint n, index;

  g_return_val_if_fail (LADDER_IS_WINDOW (self), LADDER_NONE);

  findings = ladder_window_get_findings (self);
  n = ladder_findings_get_n (findings);
  if (n == 0)
    {
      ladder_window_show_toast (self, _("Every reporting line follows the rules."));
      return LADDER_NONE;
    }

  /* From where the last step went (the findings may have changed since:
   * then from the start or the end), in the findings list's order. */
  index = ladder_findings_panel_step (self->findings_panel,
                                      self->finding_index < n ? self->finding_index : G_MAXUINT,
                                      direction);
  self->finding_index = index;

  {
    const LadderFinding *finding = ladder_findings_get (findings, index);
    g_autofree char *message = NULL;

    if (finding->person != LADDER_NONE && ladder_chart_is_alive (self->chart, finding->person))
      {
        ladder_window_select (self, finding->person);
        ladder_canvas_reveal (self->canvas, finding->person, TRUE);
      }
    /* The row of the finding is shown, even from the People page. */
    gtk_stack_set_visible_child_name (self->side_stack, "findings");
    ladder_findings_panel_select (self->findings_panel, index);
    /* Translators: shown when stepping through findings with F8:
     * "2 of 5: Sam Lee (VP of Product) reports to ..." */
    message = g_strdup_printf (_("%u of %u: %s"),
                               ladder_findings_panel_get_row (self->findings_panel, index) + 1,
                               ladder_findings_panel_get_n_rows (self->findings_panel),
                               finding->message);
    ladder_window_show_toast (self, message);
    return index;
  }
}

static void
finding_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ladder_window_step_finding (LADDER_WINDOW (widget),
                              g_str_equal (name, "win.next-finding") ? +1 : -1);
}

/* -------------------------------------------------------------- wiring */

void
ladder_window_update_key_actions (LadderWindow *self)
{
  gboolean selected = ladder_window_get_selected (self) != LADDER_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cut-person", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-earlier", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-later", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-person",
                                 selected && self->cut_person != LADDER_NONE &&
                                 self->cut_person != ladder_window_get_selected (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-cut",
                                 self->cut_person != LADDER_NONE);
}

static void
add_shortcut (GtkShortcutController *controller, guint keyval, GdkModifierType modifiers,
              const char *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action)));
}

void
ladder_window_init_keys (LadderWindow *self)
{
  GtkEventController *findings_keys = gtk_shortcut_controller_new ();

  self->cut_person = LADDER_NONE;
  self->finding_index = G_MAXUINT;
  g_signal_connect (self->chart, "changed", G_CALLBACK (chart_changed_cb), self);

  /* GtkPaned takes F8 for itself (to focus its handle) before a window
   * binding sees it, and the canvas sits in two panes: the findings keys
   * are caught on the way down instead. */
  gtk_event_controller_set_propagation_phase (findings_keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (findings_keys, "ladder-findings-keys");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (findings_keys), GDK_KEY_F8, 0, "win.next-finding");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (findings_keys), GDK_KEY_F8, GDK_SHIFT_MASK,
                "win.previous-finding");
  gtk_widget_add_controller (GTK_WIDGET (self), findings_keys);
}

void
ladder_window_class_init_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cut-person", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "win.paste-person", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-cut", NULL, cancel_cut_action);
  gtk_widget_class_install_action (widget_class, "win.move-earlier", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "win.move-later", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, finding_action);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL, finding_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "win.cut-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-person", NULL);
  /* Wherever the focus is; the canvas asks for this itself.  While
   * nothing is cut the action is off and Escape goes on its way. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.move-later", NULL);
}
