/* ladder-inspector.c — the fields of the selected person, editable
 *
 * Text fields are committed when the user presses Enter or leaves the
 * field, so that typing a name is one undoable step and not one per key.
 * The fields follow the chart's "changed" signal, so that undo and edits
 * made on the canvas show here at once; the note and the dotted lines are
 * set again only when they changed, so that an edit elsewhere lays out
 * and measures nothing here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-inspector.h"

struct _LadderInspector
{
  GtkWidget parent_instance;

  GtkStack       *stack;
  GtkDrawingArea *swatch;
  GtkLabel       *heading_label;
  GtkLabel       *id_label;
  GtkEntry       *name_entry;
  GtkEntry       *title_entry;
  GtkDropDown    *role_dropdown;
  GtkEntry       *manager_entry;
  GtkSwitch      *vacant_switch;
  GtkSwitch      *assistant_switch;
  GtkTextView    *note_view;
  GtkListBox     *dotted_list;
  GtkEntry       *dotted_entry;
  GtkButton      *dotted_add;

  LadderDocument  *document;          /* every edit is its command */
  LadderChart     *chart;             /* the document's */
  LadderCatalogue *catalogue;         /* the document's */
  guint            person;
  /* The dotted lines the list shows, one "to<TAB>label" a line. */
  char            *dotted_shown;
  /* TRUE while the widgets are being filled from the chart */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (LadderInspector, ladder_inspector, GTK_TYPE_WIDGET)

static void refresh (LadderInspector *self);
static void refresh_full (LadderInspector *self, gboolean force);

static gboolean
has_person (LadderInspector *self)
{
  return self->chart != NULL && self->person != LADDER_NONE &&
         ladder_chart_is_alive (self->chart, self->person);
}

static const char *
label_of (LadderInspector *self, guint person)
{
  const char *name = ladder_chart_get_name (self->chart, person);

  return name != NULL && *name != '\0' ? name : ladder_chart_get_id (self->chart, person);
}

/* A person by id, or else by a name that only one person has. */
static guint
find_person (LadderInspector *self, const char *text, GError **error)
{
  guint found = LADDER_NONE, n_found = 0;
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint capacity;

  found = ladder_chart_lookup (self->chart, text);
  if (found != LADDER_NONE)
    return found;

  capacity = ladder_chart_get_capacity (self->chart);
  for (guint p = 0; p < capacity; p++)
    {
      const char *name;
      g_autofree char *name_folded = NULL;

      if (!ladder_chart_is_alive (self->chart, p))
        continue;
      name = ladder_chart_get_name (self->chart, p);
      if (name == NULL)
        continue;
      name_folded = g_utf8_casefold (name, -1);
      if (g_str_equal (name_folded, folded))
        {
          found = p;
          n_found++;
        }
    }
  if (n_found == 1)
    return found;
  if (n_found == 0)
    g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                 _("No one on the chart has the name or id “%s”"), text);
  else
    g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                 _("%u people are called “%s”: type the id instead"), n_found, text);
  return LADDER_NONE;
}

static void
show_entry_error (GtkEntry *entry, const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
}

/* ---------------------------------------------------------------- commit */

static void
commit_text (LadderInspector *self, GtkEntry *entry)
{
  const char *text;
  const char *old;
  const char *value;

  if (self->updating || !has_person (self))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  value = text[0] != '\0' ? text : NULL;

  if (entry == self->name_entry)
    {
      old = ladder_chart_get_name (self->chart, self->person);
      if (g_strcmp0 (old, value) == 0)
        return;
      ladder_document_rename (self->document, self->person, value);
    }
  else if (entry == self->title_entry)
    {
      old = ladder_chart_get_person_title (self->chart, self->person);
      if (g_strcmp0 (old, value) == 0)
        return;
      ladder_document_set_field (self->document, self->person, LADDER_FIELD_TITLE, value, NULL);
    }
}

static void
commit_manager (LadderInspector *self)
{
  const char *text;
  guint manager = LADDER_NONE;
  g_autoptr(GError) error = NULL;

  if (self->updating || !has_person (self))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->manager_entry));
  if (text[0] != '\0')
    {
      manager = find_person (self, text, &error);
      if (manager == LADDER_NONE)
        {
          show_entry_error (self->manager_entry, error->message);
          return;
        }
    }
  if (manager == ladder_chart_get_manager (self->chart, self->person))
    {
      show_entry_error (self->manager_entry, NULL);
      refresh (self);
      return;
    }

  if (!ladder_document_move_person (self->document, self->person, manager, LADDER_NONE, &error))
    show_entry_error (self->manager_entry, error->message);
  else
    show_entry_error (self->manager_entry, NULL);
}

static void
commit_note (LadderInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *value;

  if (self->updating || !has_person (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  value = text[0] != '\0' ? text : NULL;
  if (g_strcmp0 (ladder_chart_get_note (self->chart, self->person), value) == 0)
    return;
  ladder_document_set_field (self->document, self->person, LADDER_FIELD_NOTE, value, NULL);
}

static void
entry_activate_cb (GtkEntry *entry, LadderInspector *self)
{
  if (entry == self->manager_entry)
    commit_manager (self);
  else
    commit_text (self, entry);
}

static void
entry_leave_cb (GtkEventControllerFocus *controller, LadderInspector *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (widget == GTK_WIDGET (self->note_view))
    commit_note (self);
  else if (widget == GTK_WIDGET (self->manager_entry))
    commit_manager (self);
  else
    commit_text (self, GTK_ENTRY (widget));
}

static void
manager_icon_cb (GtkEntry *entry, GtkEntryIconPosition position, LadderInspector *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  commit_manager (self);
}

static void
role_selected_cb (LadderInspector *self)
{
  guint index = gtk_drop_down_get_selected (self->role_dropdown);
  const LadderRole *role;

  if (self->updating || !has_person (self) ||
      index >= ladder_catalogue_get_n_roles (self->catalogue))
    return;
  role = ladder_catalogue_get_role (self->catalogue, index);
  if (g_strcmp0 (role->id, ladder_chart_get_role (self->chart, self->person)) == 0)
    return;
  ladder_document_set_field (self->document, self->person, LADDER_FIELD_ROLE, role->id, NULL);
}

static void
switch_cb (GtkSwitch *widget, GParamSpec *pspec, LadderInspector *self)
{
  gboolean active = gtk_switch_get_active (widget);

  if (self->updating || !has_person (self))
    return;
  if (widget == self->vacant_switch)
    {
      if (active == ladder_chart_get_vacant (self->chart, self->person))
        return;
      ladder_document_set_flag (self->document, self->person, LADDER_FIELD_VACANT, active);
    }
  else
    {
      if (active == ladder_chart_get_assistant (self->chart, self->person))
        return;
      ladder_document_set_flag (self->document, self->person, LADDER_FIELD_ASSISTANT, active);
    }
}

static void
dotted_add_cb (LadderInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dotted_entry));
  g_autoptr(GError) error = NULL;
  guint to;

  if (!has_person (self) || text[0] == '\0')
    return;
  to = find_person (self, text, &error);
  if (to != LADDER_NONE)
    {
      if (!ladder_document_add_dotted_line (self->document, self->person, to, &error))
        to = LADDER_NONE;
    }
  if (to == LADDER_NONE)
    {
      show_entry_error (self->dotted_entry, error->message);
      return;
    }
  show_entry_error (self->dotted_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->dotted_entry), "");
}

static void
dotted_remove_cb (GtkButton *button, LadderInspector *self)
{
  guint to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "to"));

  if (!has_person (self))
    return;
  ladder_document_remove_dotted_line (self->document, self->person, to);
}

/* --------------------------------------------------------------- refresh */

static void
set_entry (GtkEntry *entry, const char *text, gboolean force)
{
  /* Leave alone what the user is typing into. */
  if (!force && (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (entry)) != NULL))
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* A text buffer replaces its text, and lays it out again, even when the
 * text is the same (a label or an entry leaves an equal text alone). */
static void
set_buffer_text (GtkTextBuffer *buffer, const char *text)
{
  GtkTextIter start, end;
  g_autofree char *now = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  now = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (now, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  LadderInspector *self = data;
  const LadderRole *role;

  if (!has_person (self))
    return;
  role = ladder_catalogue_lookup_role (self->catalogue, ladder_chart_get_role (self->chart, self->person));
  if (role != NULL)
    cairo_set_source_rgb (cr, role->color[0], role->color[1], role->color[2]);
  else
    cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
refresh_dotted (LadderInspector *self)
{
  GtkWidget *child;
  const guint *lines;
  guint n_lines;
  GString *shown = g_string_new (NULL);

  lines = ladder_chart_get_dotted_lines (self->chart, self->person, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (shown, "%u\t%s\n", lines[i], label_of (self, lines[i]));
  if (g_strcmp0 (shown->str, self->dotted_shown) == 0)
    {
      g_string_free (shown, TRUE);
      return;
    }
  g_free (self->dotted_shown);
  self->dotted_shown = g_string_free (shown, FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dotted_list))) != NULL)
    gtk_list_box_remove (self->dotted_list, child);
  for (guint i = 0; i < n_lines; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (label_of (self, lines[i]));
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove the Dotted Line"));
      g_object_set_data (G_OBJECT (button), "to", GUINT_TO_POINTER (lines[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (dotted_remove_cb), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      gtk_list_box_append (self->dotted_list, box);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dotted_list), n_lines > 0);
}

static void
refresh (LadderInspector *self)
{
  refresh_full (self, FALSE);
}

static void
refresh_full (LadderInspector *self, gboolean force)
{
  const char *role_id;
  const LadderRole *role;
  guint manager;
  g_autofree char *id_text = NULL;

  if (!has_person (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "person");

  role_id = ladder_chart_get_role (self->chart, self->person);
  role = ladder_catalogue_lookup_role (self->catalogue, role_id);
  {
    const char *name = ladder_chart_get_name (self->chart, self->person);

    /* Translators: the inspector's heading for a person not named yet */
    gtk_label_set_label (self->heading_label, name != NULL && *name != '\0' ? name : _("Unnamed"));
  }
  /* Translators: under the person's name: "Product Manager · id p12" */
  id_text = g_strdup_printf (_("%s · id %s"), role ? role->name : role_id,
                             ladder_chart_get_id (self->chart, self->person));
  gtk_label_set_label (self->id_label, id_text);
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));

  set_entry (self->name_entry, ladder_chart_get_name (self->chart, self->person), force);
  set_entry (self->title_entry, ladder_chart_get_person_title (self->chart, self->person), force);
  gtk_entry_set_placeholder_text (self->title_entry, role ? role->name : role_id);

  for (guint i = 0; i < ladder_catalogue_get_n_roles (self->catalogue); i++)
    if (ladder_catalogue_get_role (self->catalogue, i) == role)
      gtk_drop_down_set_selected (self->role_dropdown, i);
  if (role == NULL)
    gtk_drop_down_set_selected (self->role_dropdown, GTK_INVALID_LIST_POSITION);

  manager = ladder_chart_get_manager (self->chart, self->person);
  set_entry (self->manager_entry, manager != LADDER_NONE ? label_of (self, manager) : NULL, force);

  gtk_switch_set_active (self->vacant_switch, ladder_chart_get_vacant (self->chart, self->person));
  gtk_switch_set_active (self->assistant_switch,
                         ladder_chart_get_assistant (self->chart, self->person));

  if (force || !gtk_widget_has_focus (GTK_WIDGET (self->note_view)))
    {
      const char *note = ladder_chart_get_note (self->chart, self->person);

      set_buffer_text (gtk_text_view_get_buffer (self->note_view), note);
    }
  refresh_dotted (self);
  self->updating = FALSE;
}

static void
chart_changed_cb (LadderDocument *document, const LadderChange *change, LadderInspector *self)
{
  /* A change elsewhere can still rename this person's manager or
   * dotted-line partners: refresh on any change while someone is shown. */
  if (self->person != LADDER_NONE)
    refresh (self);
}

/* ---------------------------------------------------------------- public */

void
ladder_inspector_bind (LadderInspector *self, LadderDocument *document)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  LadderCatalogue *catalogue;

  g_return_if_fail (LADDER_IS_INSPECTOR (self));
  g_return_if_fail (LADDER_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->chart, ladder_document_get_chart (document));
  g_set_object (&self->catalogue, ladder_document_get_catalogue (document));
  catalogue = self->catalogue;
  g_signal_connect (document, "changed", G_CALLBACK (chart_changed_cb), self);

  for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
    gtk_string_list_append (names, ladder_catalogue_get_role (catalogue, i)->name);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;

  self->person = LADDER_NONE;
  refresh (self);
}

void
ladder_inspector_set_person (LadderInspector *self, guint person)
{
  g_return_if_fail (LADDER_IS_INSPECTOR (self));

  if (person == self->person)
    {
      refresh (self);
      return;
    }
  self->person = person;
  /* A new person: nothing typed for the last one stays in the fields. */
  gtk_editable_set_text (GTK_EDITABLE (self->dotted_entry), "");
  show_entry_error (self->manager_entry, NULL);
  show_entry_error (self->dotted_entry, NULL);
  refresh_full (self, TRUE);
}

guint
ladder_inspector_get_person (LadderInspector *self)
{
  g_return_val_if_fail (LADDER_IS_INSPECTOR (self), LADDER_NONE);
  return self->person;
}

void
ladder_inspector_focus_name (LadderInspector *self)
{
  g_return_if_fail (LADDER_IS_INSPECTOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* ---------------------------------------------------------------- object */

static void
ladder_inspector_dispose (GObject *object)
{
  LadderInspector *self = LADDER_INSPECTOR (object);

  GtkWidget *child;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_INSPECTOR);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chart);
  g_clear_object (&self->document);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->dotted_shown, g_free);
  G_OBJECT_CLASS (ladder_inspector_parent_class)->dispose (object);
}

static void
ladder_inspector_class_init (LadderInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, swatch);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, id_label);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, manager_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, vacant_switch);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, assistant_switch);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, dotted_list);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, dotted_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderInspector, dotted_add);
  gtk_widget_class_set_css_name (widget_class, "ladderinspector");
}

static void
watch_focus (LadderInspector *self, GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

static void
ladder_inspector_init (LadderInspector *self)
{
  self->person = LADDER_NONE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
  g_signal_connect (self->name_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->title_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->manager_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->manager_entry, "icon-release", G_CALLBACK (manager_icon_cb), self);
  watch_focus (self, GTK_WIDGET (self->name_entry));
  watch_focus (self, GTK_WIDGET (self->title_entry));
  watch_focus (self, GTK_WIDGET (self->manager_entry));
  watch_focus (self, GTK_WIDGET (self->note_view));
  g_signal_connect_swapped (self->role_dropdown, "notify::selected",
                            G_CALLBACK (role_selected_cb), self);
  g_signal_connect (self->vacant_switch, "notify::active", G_CALLBACK (switch_cb), self);
  g_signal_connect (self->assistant_switch, "notify::active", G_CALLBACK (switch_cb), self);
  g_signal_connect_swapped (self->dotted_entry, "activate", G_CALLBACK (dotted_add_cb), self);
  g_signal_connect_swapped (self->dotted_add, "clicked", G_CALLBACK (dotted_add_cb), self);
}
