/* ladder-chart.c — the chart model: the object, its chart-wide fields,
 * lookup and traversal
 *
 * People live in one array of records; the hierarchy is a set of
 * intrusive doubly linked sibling lists.  Nothing here recurses.
 *
 * The chart is split in three: this file reads it; the records, their
 * sibling lists and the bulk building for readers are in
 * ladder-chart-records.c, and the edits that announce themselves in
 * ladder-chart-edit.c.  They share the instance struct through
 * ladder-chart-instance-private.h.
 */
#include "config.h"

#include "ladder-chart-instance-private.h"

#include <string.h>

G_DEFINE_TYPE (LadderChart, ladder_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (ladder-chart-error-quark, ladder_chart_error)

static void
record_clear (LadderChart *self, LadderPersonRecord *r)
{
  ladder_chart_free_text (self, g_steal_pointer (&r->id));
  ladder_chart_free_text (self, g_steal_pointer (&r->name));
  ladder_chart_free_text (self, g_steal_pointer (&r->title));
  ladder_chart_free_text (self, g_steal_pointer (&r->note));
  g_clear_pointer (&r->dotted, g_free);
}

static void
clear_people (LadderChart *self)
{
  for (guint i = 0; i < self->people->len; i++)
    record_clear (self, ladder_chart_rec (self, i));
  g_array_set_size (self->people, 0);
  g_clear_pointer (&self->dotted_from, g_hash_table_unref);
  ladder_id_index_remove_all (&self->by_id);
  self->n_alive = 0;
  self->first_root = self->last_root = LADDER_NONE;
  self->n_roots = 0;
  self->next_free_id = 1;
}

static void
ladder_chart_finalize (GObject *object)
{
  LadderChart *self = LADDER_CHART (object);

  clear_people (self);
  g_clear_pointer (&self->text_block, g_free);
  g_clear_pointer (&self->people, g_array_unref);
  ladder_id_index_clear (&self->by_id);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ladder_chart_parent_class)->finalize (object);
}

static void
ladder_chart_class_init (LadderChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_chart_finalize;

  /**
   * LadderChart::changed:
   * @change: (type gpointer): a `const LadderChange *`, valid during emission
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ladder_chart_init (LadderChart *self)
{
  self->people = g_array_new (FALSE, TRUE, sizeof (LadderPersonRecord));
  self->first_root = self->last_root = LADDER_NONE;
  self->employees = -1;
  self->next_free_id = 1;
}

LadderChart *
ladder_chart_new (void)
{
  return g_object_new (LADDER_TYPE_CHART, NULL);
}

void
ladder_chart_emit (LadderChart *self, const LadderChange *change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

void
ladder_change_init (LadderChange *change, LadderChangeKind kind, guint person)
{
  memset (change, 0, sizeof *change);
  change->kind = kind;
  change->person = person;
  change->old_manager = change->new_manager = LADDER_NONE;
  change->old_position = change->new_position = LADDER_NONE;
  change->dotted_to = LADDER_NONE;
}

gboolean
ladder_id_is_valid (const char *id)
{
  gsize n = 0;

  if (id == NULL)
    return FALSE;
  for (const char *p = id; *p; p++, n++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
        return FALSE;
    }
  return n >= 1 && n <= 64;
}

/* ---- chart-wide fields ---- */

const char *
ladder_chart_get_title (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), NULL);
  return self->title;
}

static void
emit_chart_change (LadderChart *self, LadderChartField field,
                   const char *old_text, const char *new_text,
                   gint64 old_value, gint64 new_value)
{
  LadderChange change;

  ladder_change_init (&change, LADDER_CHANGE_CHART, LADDER_NONE);
  change.chart_field = field;
  change.old_text = old_text;
  change.new_text = new_text;
  change.old_value = old_value;
  change.new_value = new_value;
  ladder_chart_emit (self, &change);
}

void
ladder_chart_set_title (LadderChart *self, const char *title)
{
  g_autofree char *old = NULL;

  g_return_if_fail (LADDER_IS_CHART (self));
  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  old = g_steal_pointer (&self->title);
  self->title = g_strdup (title);
  emit_chart_change (self, LADDER_CHART_TITLE, old, self->title, 0, 0);
}

gint64
ladder_chart_get_employees (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), -1);
  return self->employees;
}

void
ladder_chart_set_employees (LadderChart *self, gint64 employees)
{
  gint64 old;

  g_return_if_fail (LADDER_IS_CHART (self));
  if (employees < 0)
    employees = -1;
  if (employees == self->employees)
    return;
  old = self->employees;
  self->employees = employees;
  emit_chart_change (self, LADDER_CHART_EMPLOYEES, NULL, NULL, old, employees);
}

LadderLayoutKind
ladder_chart_get_layout (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_LAYOUT_TREE);
  return self->layout;
}

void
ladder_chart_set_layout (LadderChart *self, LadderLayoutKind layout)
{
  LadderLayoutKind old;

  g_return_if_fail (LADDER_IS_CHART (self));
  if (layout == self->layout)
    return;
  old = self->layout;
  self->layout = layout;
  emit_chart_change (self, LADDER_CHART_LAYOUT, NULL, NULL, old, layout);
}

guint
ladder_chart_get_chart_line (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), 0);
  return self->chart_line;
}

/* Where the file was read from, not part of the chart: no change. */
void
ladder_chart_set_chart_line (LadderChart *self, guint line)
{
  g_return_if_fail (LADDER_IS_CHART (self));
  self->chart_line = line;
}

/* ---- lookup ---- */

guint
ladder_chart_get_capacity (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), 0);
  return self->people->len;
}

guint
ladder_chart_get_n_people (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), 0);
  return self->n_alive;
}

gboolean
ladder_chart_is_alive (LadderChart *self, guint person)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), FALSE);
  return person < self->people->len && ladder_chart_rec (self, person)->alive;
}

guint
ladder_chart_lookup (LadderChart *self, const char *id)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_NONE);
  if (id == NULL)
    return LADDER_NONE;
  return ladder_id_index_lookup (&self->by_id, (LadderPersonRecord *) self->people->data, id);
}

#define CHECK_PERSON(self, person, val) \
  g_return_val_if_fail (LADDER_IS_CHART (self) && (person) < (self)->people->len, val)

const char *
ladder_chart_get_id (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person)->id;
}

const char *
ladder_chart_get_role (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person)->role;
}

const char *
ladder_chart_get_name (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person)->name;
}

const char *
ladder_chart_get_person_title (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person)->title;
}

const char *
ladder_chart_get_note (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person)->note;
}

const char *
ladder_chart_get_label (LadderChart *self, guint person)
{
  LadderPersonRecord *r;

  CHECK_PERSON (self, person, NULL);
  r = ladder_chart_rec (self, person);
  return r->name ? r->name : r->id;
}

gboolean
ladder_chart_get_vacant (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return ladder_chart_rec (self, person)->vacant;
}

gboolean
ladder_chart_get_assistant (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return ladder_chart_rec (self, person)->assistant;
}

gboolean
ladder_chart_get_collapsed (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return ladder_chart_rec (self, person)->collapsed;
}

guint
ladder_chart_get_line (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, 0);
  return ladder_chart_rec (self, person)->line;
}

void
ladder_chart_set_line (LadderChart *self, guint person, guint line)
{
  g_return_if_fail (LADDER_IS_CHART (self) && person < self->people->len);
  ladder_chart_rec (self, person)->line = line;
}

guint
ladder_chart_get_manager (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return ladder_chart_rec (self, person)->manager;
}

guint
ladder_chart_get_first_report (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return ladder_chart_rec (self, person)->first_report;
}

guint
ladder_chart_get_last_report (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return ladder_chart_rec (self, person)->last_report;
}

guint
ladder_chart_get_next_sibling (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return ladder_chart_rec (self, person)->next_sibling;
}

guint
ladder_chart_get_prev_sibling (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return ladder_chart_rec (self, person)->prev_sibling;
}

guint
ladder_chart_get_n_reports (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, 0);
  return ladder_chart_rec (self, person)->n_reports;
}

guint
ladder_chart_get_position (LadderChart *self, guint person)
{
  guint position = 0;

  CHECK_PERSON (self, person, LADDER_NONE);
  for (guint p = ladder_chart_rec (self, person)->prev_sibling; p != LADDER_NONE;
       p = ladder_chart_rec (self, p)->prev_sibling)
    position++;
  return position;
}

guint
ladder_chart_get_first_root (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_NONE);
  return self->first_root;
}

guint
ladder_chart_get_n_roots (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), 0);
  return self->n_roots;
}

const guint *
ladder_chart_get_dotted_lines (LadderChart *self, guint person, guint *n_lines)
{
  LadderPersonRecord *r;

  if (n_lines)
    *n_lines = 0;
  CHECK_PERSON (self, person, NULL);
  r = ladder_chart_rec (self, person);
  if (n_lines)
    *n_lines = r->n_dotted;
  return r->dotted;
}

LadderPersonRecord *
ladder_chart_get_record (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return ladder_chart_rec (self, person);
}

LadderPersonRecord *
ladder_chart_get_records (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), NULL);
  return (LadderPersonRecord *) self->people->data;
}

gboolean
ladder_chart_is_above (LadderChart *self, guint ancestor, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  for (guint p = person; p != LADDER_NONE; p = ladder_chart_rec (self, p)->manager)
    {
      if (p == ancestor)
        return TRUE;
    }
  return FALSE;
}

guint
ladder_chart_preorder (LadderChart *self, guint *out, gboolean skip_collapsed)
{
  guint n = 0;
  guint p;

  g_return_val_if_fail (LADDER_IS_CHART (self), 0);
  g_return_val_if_fail (out != NULL || self->n_alive == 0, 0);

  p = self->first_root;
  while (p != LADDER_NONE)
    {
      LadderPersonRecord *r = ladder_chart_rec (self, p);

      out[n++] = p;
      if (r->first_report != LADDER_NONE && !(skip_collapsed && r->collapsed))
        {
          p = r->first_report;
          continue;
        }
      /* Climb until a person has a next sibling. */
      while (p != LADDER_NONE && ladder_chart_rec (self, p)->next_sibling == LADDER_NONE)
        p = ladder_chart_rec (self, p)->manager;
      if (p != LADDER_NONE)
        p = ladder_chart_rec (self, p)->next_sibling;
    }
  return n;
}

char *
ladder_chart_dup_free_id (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("p%u", self->next_free_id++);

      if (ladder_chart_lookup (self, id) == LADDER_NONE)
        return id;
      g_free (id);
    }
}

void
ladder_chart_take_contents (LadderChart *self, LadderChart *other)
{
  LadderChange change;

  g_return_if_fail (LADDER_IS_CHART (self));
  g_return_if_fail (LADDER_IS_CHART (other));

  clear_people (self);
#define SWAP(field) G_STMT_START { __typeof__ (self->field) t = self->field; \
    self->field = other->field; other->field = t; } G_STMT_END
  SWAP (people);
  SWAP (by_id);
  SWAP (n_alive);
  SWAP (first_root);
  SWAP (last_root);
  SWAP (n_roots);
  SWAP (title);
  SWAP (employees);
  SWAP (layout);
  SWAP (chart_line);
  SWAP (next_free_id);
  SWAP (dotted_from);
  SWAP (text_block);
  SWAP (text_size);
  SWAP (text_used);
#undef SWAP
  g_clear_pointer (&other->title, g_free);
  other->employees = -1;
  other->layout = LADDER_LAYOUT_TREE;

  ladder_change_init (&change, LADDER_CHANGE_RESET, LADDER_NONE);
  ladder_chart_emit (self, &change);
}
