/* ladder-history.c — unlimited undo and redo, recorded from chart changes */
#include "config.h"

#include "ladder-history.h"

#include <string.h>

typedef struct {
  LadderChange change;          /* strings and moved[] owned by the record */
} Record;

typedef struct {
  char   *label;
  GArray *records;              /* Record, in the order they happened */
} Step;

struct _LadderHistory
{
  GObject      parent_instance;

  LadderChart *chart;
  gulong       changed_id;

  GPtrArray   *undo;            /* Step*, oldest first */
  GPtrArray   *redo;            /* Step*, next to redo last */
  Step        *open;            /* the group being recorded */
  guint        depth;
  gboolean     applying;        /* replaying: do not record */

  /* Number of undo steps at the saved point; -1 when unreachable. */
  gint64       saved_at;

  gboolean     last_can_undo;
  gboolean     last_can_redo;
  gboolean     last_modified;
  char        *last_undo_label;
  char        *last_redo_label;
};

G_DEFINE_TYPE (LadderHistory, ladder_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
record_clear (gpointer data)
{
  Record *r = data;

  g_free ((char *) r->change.old_text);
  g_free ((char *) r->change.new_text);
  g_free ((gpointer) r->change.moved);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->records = g_array_new (FALSE, FALSE, sizeof (Record));
  g_array_set_clear_func (step->records, record_clear);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_array_unref (step->records);
  g_free (step);
}

static void
notify_label (LadderHistory *self, char **last, const char *label, guint prop)
{
  if (g_strcmp0 (label, *last) == 0)
    return;
  g_free (*last);
  *last = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
notify_state (LadderHistory *self)
{
  gboolean can_undo = ladder_history_can_undo (self);
  gboolean can_redo = ladder_history_can_redo (self);
  gboolean modified = ladder_history_get_modified (self);

  if (can_undo != self->last_can_undo)
    {
      self->last_can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->last_can_redo)
    {
      self->last_can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->last_modified)
    {
      self->last_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  notify_label (self, &self->last_undo_label, ladder_history_get_undo_label (self),
                PROP_UNDO_LABEL);
  notify_label (self, &self->last_redo_label, ladder_history_get_redo_label (self),
                PROP_REDO_LABEL);
}

static void
push_step (LadderHistory *self, Step *step)
{
  if (step->records->len == 0)
    {
      step_free (step);
      return;
    }
  /* A new step makes the redo steps unreachable, and with them a saved
   * point that lay among them. */
  if (self->saved_at > (gint64) self->undo->len)
    self->saved_at = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);
  notify_state (self);
}

static void
on_chart_changed (LadderChart        *chart,
                  const LadderChange *change,
                  LadderHistory      *self)
{
  Record r;

  if (self->applying)
    return;
  /* Folding is the view's: never a step, never a change to save. */
  if (change->kind == LADDER_CHANGE_FIELD && change->field == LADDER_FIELD_COLLAPSED)
    return;
  if (change->kind == LADDER_CHANGE_RESET)
    {
      ladder_history_clear (self);
      return;
    }

  r.change = *change;
  r.change.old_text = g_strdup (change->old_text);
  r.change.new_text = g_strdup (change->new_text);
  r.change.moved = change->n_moved
    ? g_memdup2 (change->moved, change->n_moved * sizeof (LadderMovedReport))
    : NULL;

  if (self->open != NULL)
    {
      g_array_append_val (self->open->records, r);
      return;
    }
  {
    Step *step = step_new (NULL);

    g_array_append_val (step->records, r);
    push_step (self, step);
  }
}

static void
ladder_history_dispose (GObject *object)
{
  LadderHistory *self = LADDER_HISTORY (object);

  if (self->chart)
    g_clear_signal_handler (&self->changed_id, self->chart);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (ladder_history_parent_class)->dispose (object);
}

static void
ladder_history_finalize (GObject *object)
{
  LadderHistory *self = LADDER_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);
  g_clear_pointer (&self->last_undo_label, g_free);
  g_clear_pointer (&self->last_redo_label, g_free);

  G_OBJECT_CLASS (ladder_history_parent_class)->finalize (object);
}

static void
ladder_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LadderHistory *self = LADDER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ladder_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ladder_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ladder_history_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, ladder_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, ladder_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_history_class_init (LadderHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ladder_history_dispose;
  object_class->finalize = ladder_history_finalize;
  object_class->get_property = ladder_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the Undo and Redo buttons would do ("Move Chen Li"). */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_history_init (LadderHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->saved_at = 0;
}

LadderHistory *
ladder_history_new (LadderChart *chart)
{
  LadderHistory *self;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  self = g_object_new (LADDER_TYPE_HISTORY, NULL);
  self->chart = g_object_ref (chart);
  self->changed_id = g_signal_connect (chart, "changed", G_CALLBACK (on_chart_changed), self);
  return self;
}

LadderChart *
ladder_history_get_chart (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), NULL);
  return self->chart;
}

void
ladder_history_begin_group (LadderHistory *self, const char *label)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = step_new (label);
}

gboolean
ladder_history_amend_last (LadderHistory *self, const char *label)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);

  if (self->depth > 0 || self->undo->len == 0 || self->redo->len > 0)
    return FALSE;
  /* push_step() gives up a saved point that lay at this step. */
  self->open = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  self->depth = 1;
  if (label != NULL)
    {
      g_free (self->open->label);
      self->open->label = g_strdup (label);
    }
  return TRUE;
}

void
ladder_history_discard_redo (LadderHistory *self)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));

  if (self->saved_at > (gint64) self->undo->len)
    self->saved_at = -1;
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

static guint
step_person (GPtrArray *steps)
{
  Step *step;

  if (steps->len == 0)
    return LADDER_NONE;
  step = g_ptr_array_index (steps, steps->len - 1);
  for (guint i = 0; i < step->records->len; i++)
    {
      guint person = g_array_index (step->records, Record, i).change.person;

      if (person != LADDER_NONE)
        return person;
    }
  return LADDER_NONE;
}

guint
ladder_history_get_undo_person (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), LADDER_NONE);
  return step_person (self->undo);
}

guint
ladder_history_get_redo_person (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), LADDER_NONE);
  return step_person (self->redo);
}

void
ladder_history_end_group (LadderHistory *self)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0)
    push_step (self, g_steal_pointer (&self->open));
}

gboolean
ladder_history_can_undo (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
ladder_history_can_redo (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
ladder_history_get_undo_label (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
ladder_history_get_redo_label (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

static void
set_field (LadderChart *chart, guint person, LadderField field, const char *text, gint64 value)
{
  switch (field)
    {
    case LADDER_FIELD_ID:
      ladder_chart_set_id (chart, person, text, NULL);
      break;
    case LADDER_FIELD_ROLE:
      ladder_chart_set_role (chart, person, text);
      break;
    case LADDER_FIELD_NAME:
      ladder_chart_set_name (chart, person, text);
      break;
    case LADDER_FIELD_TITLE:
      ladder_chart_set_person_title (chart, person, text);
      break;
    case LADDER_FIELD_NOTE:
      ladder_chart_set_note (chart, person, text);
      break;
    case LADDER_FIELD_VACANT:
      ladder_chart_set_vacant (chart, person, value != 0);
      break;
    case LADDER_FIELD_ASSISTANT:
      ladder_chart_set_assistant (chart, person, value != 0);
      break;
    case LADDER_FIELD_COLLAPSED:
      ladder_chart_set_collapsed (chart, person, value != 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_chart_field (LadderChart *chart, LadderChartField field, const char *text, gint64 value)
{
  switch (field)
    {
    case LADDER_CHART_TITLE:
      ladder_chart_set_title (chart, text);
      break;
    case LADDER_CHART_EMPLOYEES:
      ladder_chart_set_employees (chart, value);
      break;
    case LADDER_CHART_LAYOUT:
      ladder_chart_set_layout (chart, (LadderLayoutKind) value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Applies @c backwards (undo) or forwards (redo). */
static void
apply (LadderChart *chart, const LadderChange *c, gboolean backwards)
{
  switch (c->kind)
    {
    case LADDER_CHANGE_ADDED:
      if (backwards)
        ladder_chart_remove_person (chart, c->person);
      else
        ladder_chart_revive_person (chart, c->person, c->new_manager, c->new_position,
                                    NULL, 0, NULL);
      break;

    case LADDER_CHANGE_REMOVED:
      if (backwards)
        {
          g_autofree guint *reports = g_new (guint, c->n_moved + 1);

          for (guint i = 0; i < c->n_moved; i++)
            reports[i] = c->moved[i].person;
          ladder_chart_revive_person (chart, c->person, c->old_manager, c->old_position,
                                      reports, c->n_moved, NULL);
        }
      else
        ladder_chart_remove_person (chart, c->person);
      break;

    case LADDER_CHANGE_MOVED:
      if (backwards)
        ladder_chart_reparent (chart, c->person, c->old_manager, c->old_position, NULL);
      else
        ladder_chart_reparent (chart, c->person, c->new_manager, c->new_position, NULL);
      break;

    case LADDER_CHANGE_FIELD:
      if (backwards)
        set_field (chart, c->person, c->field, c->old_text, c->old_value);
      else
        set_field (chart, c->person, c->field, c->new_text, c->new_value);
      break;

    case LADDER_CHANGE_DOTTED_ADDED:
    case LADDER_CHANGE_DOTTED_REMOVED:
      if (backwards == (c->kind == LADDER_CHANGE_DOTTED_ADDED))
        ladder_chart_remove_dotted_line (chart, c->person, c->dotted_to);
      else
        ladder_chart_insert_dotted_line (chart, c->person, c->dotted_to, c->dotted_index, NULL);
      break;

    case LADDER_CHANGE_CHART:
      if (backwards)
        set_chart_field (chart, c->chart_field, c->old_text, c->old_value);
      else
        set_chart_field (chart, c->chart_field, c->new_text, c->new_value);
      break;

    case LADDER_CHANGE_RESET:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (LadderHistory *self, GPtrArray *from, GPtrArray *to, gboolean backwards)
{
  Step *step;

  if (from->len == 0 || self->depth > 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  self->applying = TRUE;
  if (backwards)
    {
      for (guint i = step->records->len; i-- > 0;)
        apply (self->chart, &g_array_index (step->records, Record, i).change, TRUE);
    }
  else
    {
      for (guint i = 0; i < step->records->len; i++)
        apply (self->chart, &g_array_index (step->records, Record, i).change, FALSE);
    }
  self->applying = FALSE;
  g_ptr_array_add (to, step);
  notify_state (self);
  return TRUE;
}

gboolean
ladder_history_undo (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);
  return replay (self, self->undo, self->redo, TRUE);
}

gboolean
ladder_history_redo (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);
  return replay (self, self->redo, self->undo, FALSE);
}

guint
ladder_history_get_n_steps (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), 0);
  return self->undo->len;
}

void
ladder_history_clear (LadderHistory *self)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  if (self->open)
    g_array_set_size (self->open->records, 0);
  self->saved_at = 0;
  notify_state (self);
}

void
ladder_history_mark_saved (LadderHistory *self)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));
  self->saved_at = self->undo->len;
  notify_state (self);
}

void
ladder_history_mark_unsaved (LadderHistory *self)
{
  g_return_if_fail (LADDER_IS_HISTORY (self));
  self->saved_at = -1;
  notify_state (self);
}

gboolean
ladder_history_get_modified (LadderHistory *self)
{
  g_return_val_if_fail (LADDER_IS_HISTORY (self), FALSE);
  return self->saved_at != (gint64) self->undo->len;
}
