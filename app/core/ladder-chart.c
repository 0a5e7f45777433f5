/* ladder-chart.c — the chart model
 *
 * People live in one array of records; the hierarchy is a set of
 * intrusive doubly linked sibling lists.  Nothing here recurses.
 */
#include "config.h"

#include "ladder-chart-private.h"
#include "ladder-id-index-private.h"

#include <string.h>

struct _LadderChart
{
  GObject     parent_instance;

  GArray     *people;          /* LadderPersonRecord, indexed by slot */
  LadderIdIndex by_id;        /* the ids of the living people */
  guint       n_alive;

  /* Roots form one more sibling list. */
  guint       first_root;
  guint       last_root;
  guint       n_roots;

  char       *title;
  gint64      employees;
  LadderLayoutKind layout;

  guint       next_free_id;    /* hint for ladder_chart_dup_free_id */

  /* The last roles appended, interned: g_intern_string takes GLib's
   * global lock, once per person of a large file otherwise. */
  const char *role_cache[16];
  guint       role_cache_next;

  /* Text a reader copied in bulk (ids, names, titles, notes), packed in
   * one block instead of an allocation each: a quarter of the memory
   * for short strings, and none of malloc's work.  A record's text is
   * freed only when it lies outside the block. */
  char       *text_block;
  gsize       text_size;
  gsize       text_used;
};

G_DEFINE_TYPE (LadderChart, ladder_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (ladder-chart-error-quark, ladder_chart_error)

static inline LadderPersonRecord *
rec (LadderChart *self, guint person)
{
  return &g_array_index (self->people, LadderPersonRecord, person);
}

static void
free_text (LadderChart *self, char *text)
{
  guintptr at = (guintptr) text;

  if (at - (guintptr) self->text_block >= self->text_size)
    g_free (text);
}

static void
record_clear (LadderChart *self, LadderPersonRecord *r)
{
  free_text (self, g_steal_pointer (&r->id));
  free_text (self, g_steal_pointer (&r->name));
  free_text (self, g_steal_pointer (&r->title));
  free_text (self, g_steal_pointer (&r->note));
  g_clear_pointer (&r->dotted, g_free);
}

static void
clear_people (LadderChart *self)
{
  for (guint i = 0; i < self->people->len; i++)
    record_clear (self, rec (self, i));
  g_array_set_size (self->people, 0);
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

static void
emit (LadderChart *self, const LadderChange *change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

static void
change_init (LadderChange *change, LadderChangeKind kind, guint person)
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

  change_init (&change, LADDER_CHANGE_CHART, LADDER_NONE);
  change.chart_field = field;
  change.old_text = old_text;
  change.new_text = new_text;
  change.old_value = old_value;
  change.new_value = new_value;
  emit (self, &change);
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
  return person < self->people->len && rec (self, person)->alive;
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
  return rec (self, person)->id;
}

const char *
ladder_chart_get_role (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return rec (self, person)->role;
}

const char *
ladder_chart_get_name (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return rec (self, person)->name;
}

const char *
ladder_chart_get_person_title (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return rec (self, person)->title;
}

const char *
ladder_chart_get_note (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return rec (self, person)->note;
}

const char *
ladder_chart_get_label (LadderChart *self, guint person)
{
  LadderPersonRecord *r;

  CHECK_PERSON (self, person, NULL);
  r = rec (self, person);
  return r->name ? r->name : r->id;
}

gboolean
ladder_chart_get_vacant (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return rec (self, person)->vacant;
}

gboolean
ladder_chart_get_assistant (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return rec (self, person)->assistant;
}

gboolean
ladder_chart_get_collapsed (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  return rec (self, person)->collapsed;
}

guint
ladder_chart_get_line (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, 0);
  return rec (self, person)->line;
}

void
ladder_chart_set_line (LadderChart *self, guint person, guint line)
{
  g_return_if_fail (LADDER_IS_CHART (self) && person < self->people->len);
  rec (self, person)->line = line;
}

guint
ladder_chart_get_manager (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return rec (self, person)->manager;
}

guint
ladder_chart_get_first_report (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return rec (self, person)->first_report;
}

guint
ladder_chart_get_last_report (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return rec (self, person)->last_report;
}

guint
ladder_chart_get_next_sibling (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return rec (self, person)->next_sibling;
}

guint
ladder_chart_get_prev_sibling (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, LADDER_NONE);
  return rec (self, person)->prev_sibling;
}

guint
ladder_chart_get_n_reports (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, 0);
  return rec (self, person)->n_reports;
}

guint
ladder_chart_get_position (LadderChart *self, guint person)
{
  guint position = 0;

  CHECK_PERSON (self, person, LADDER_NONE);
  for (guint p = rec (self, person)->prev_sibling; p != LADDER_NONE; p = rec (self, p)->prev_sibling)
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
  r = rec (self, person);
  if (n_lines)
    *n_lines = r->n_dotted;
  return r->dotted;
}

gboolean
ladder_chart_is_above (LadderChart *self, guint ancestor, guint person)
{
  CHECK_PERSON (self, person, FALSE);
  for (guint p = person; p != LADDER_NONE; p = rec (self, p)->manager)
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
      LadderPersonRecord *r = rec (self, p);

      out[n++] = p;
      if (r->first_report != LADDER_NONE && !(skip_collapsed && r->collapsed))
        {
          p = r->first_report;
          continue;
        }
      /* Climb until a person has a next sibling. */
      while (p != LADDER_NONE && rec (self, p)->next_sibling == LADDER_NONE)
        p = rec (self, p)->manager;
      if (p != LADDER_NONE)
        p = rec (self, p)->next_sibling;
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

/* ---- linking ---- */

static guint *
first_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->first_root : &rec (self, manager)->first_report;
}

static guint *
last_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->last_root : &rec (self, manager)->last_report;
}

static guint *
count_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->n_roots : &rec (self, manager)->n_reports;
}

/* Takes @person out of its sibling list; its manager field is kept. */
static void
unlink_person (LadderChart *self, guint person)
{
  LadderPersonRecord *r = rec (self, person);

  if (r->prev_sibling != LADDER_NONE)
    rec (self, r->prev_sibling)->next_sibling = r->next_sibling;
  else
    *first_ptr (self, r->manager) = r->next_sibling;
  if (r->next_sibling != LADDER_NONE)
    rec (self, r->next_sibling)->prev_sibling = r->prev_sibling;
  else
    *last_ptr (self, r->manager) = r->prev_sibling;
  *count_ptr (self, r->manager) -= 1;
  r->prev_sibling = r->next_sibling = LADDER_NONE;
}

/* Puts an unlinked @person under @manager at @position (clamped). */
static void
link_person (LadderChart *self, guint person, guint manager, guint position)
{
  LadderPersonRecord *r = rec (self, person);
  guint *first = first_ptr (self, manager);
  guint *last = last_ptr (self, manager);
  guint before = *first;

  /* Appending is the common case (loading, adding): no walk for it. */
  if (position >= *count_ptr (self, manager))
    before = LADDER_NONE;
  for (guint i = 0; i < position && before != LADDER_NONE; i++)
    before = rec (self, before)->next_sibling;

  r->manager = manager;
  r->next_sibling = before;
  if (before == LADDER_NONE)
    {
      r->prev_sibling = *last;
      if (*last != LADDER_NONE)
        rec (self, *last)->next_sibling = person;
      else
        *first = person;
      *last = person;
    }
  else
    {
      LadderPersonRecord *b = rec (self, before);

      r->prev_sibling = b->prev_sibling;
      if (b->prev_sibling != LADDER_NONE)
        rec (self, b->prev_sibling)->next_sibling = person;
      else
        *first = person;
      b->prev_sibling = person;
    }
  *count_ptr (self, manager) += 1;
}

/* ---- bulk building (readers) ---- */

static const char *
intern_role (LadderChart *self, const char *role)
{
  const char *interned;

  for (guint i = 0; i < G_N_ELEMENTS (self->role_cache); i++)
    {
      const char *cached = self->role_cache[i];

      if (cached == role
          || (cached != NULL && cached[0] == role[0] && strcmp (cached, role) == 0))
        return cached;
    }
  interned = g_intern_string (role);
  self->role_cache[self->role_cache_next] = interned;
  self->role_cache_next = (self->role_cache_next + 1) % G_N_ELEMENTS (self->role_cache);
  return interned;
}

char *
ladder_chart_copy_text (LadderChart *self, const char *text, gsize length)
{
  char *copy;

  g_return_val_if_fail (LADDER_IS_CHART (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (self->text_size - self->text_used <= length)
    return g_strndup (text, length);
  copy = self->text_block + self->text_used;
  memcpy (copy, text, length);
  copy[length] = '\0';
  self->text_used += length + 1;
  return copy;
}

void
ladder_chart_reserve_text (LadderChart *self, gsize n_bytes)
{
  g_return_if_fail (LADDER_IS_CHART (self));
  g_return_if_fail (self->text_block == NULL);

  self->text_block = g_malloc (n_bytes);
  self->text_size = n_bytes;
}

void
ladder_chart_reserve_records (LadderChart *self, guint n)
{
  g_return_if_fail (LADDER_IS_CHART (self));

  if (self->people->len == 0 && n > 0)
    {
      g_array_unref (self->people);
      self->people = g_array_sized_new (FALSE, TRUE, sizeof (LadderPersonRecord), n);
    }
  ladder_id_index_reserve (&self->by_id, self->n_alive + n);
}

guint
ladder_chart_append_record (LadderChart *self, const char *id, const char *role, guint line)
{
  LadderPersonRecord r = { 0 };
  guint slot;

  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_NONE);
  g_return_val_if_fail (id != NULL, LADDER_NONE);

  slot = self->people->len;
  if (ladder_id_index_insert (&self->by_id, (LadderPersonRecord *) self->people->data,
                              id, slot) != slot)
    return LADDER_NONE;
  r.id = ladder_chart_copy_text (self, id, strlen (id));
  r.role = intern_role (self, role ? role : "other");
  r.manager = r.first_report = r.last_report = LADDER_NONE;
  r.prev_sibling = r.next_sibling = LADDER_NONE;
  r.line = line;
  r.alive = TRUE;
  g_array_append_val (self->people, r);
  self->n_alive++;
  return slot;
}

LadderPersonRecord *
ladder_chart_get_record (LadderChart *self, guint person)
{
  CHECK_PERSON (self, person, NULL);
  return rec (self, person);
}

LadderPersonRecord *
ladder_chart_get_records (LadderChart *self)
{
  g_return_val_if_fail (LADDER_IS_CHART (self), NULL);
  return (LadderPersonRecord *) self->people->data;
}

typedef struct {
  gint64 key;
  guint  slot;
} SiblingKey;

static int
compare_sibling_keys (gconstpointer a, gconstpointer b)
{
  const SiblingKey *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Siblings with an explicit order sort by it; the others count as their
 * place in the file among their siblings; ties keep file order. */
static void
sort_siblings (LadderChart *self, guint manager, GArray *scratch)
{
  guint i = 0;
  gboolean any_order = FALSE;

  g_array_set_size (scratch, 0);
  for (guint p = *first_ptr (self, manager); p != LADDER_NONE; p = rec (self, p)->next_sibling, i++)
    {
      LadderPersonRecord *r = rec (self, p);
      SiblingKey key = { r->has_order ? r->order : (gint64) i, p };

      any_order |= r->has_order;
      g_array_append_val (scratch, key);
    }
  if (!any_order)
    return;

  g_array_sort (scratch, compare_sibling_keys);
  *first_ptr (self, manager) = *last_ptr (self, manager) = LADDER_NONE;
  *count_ptr (self, manager) = 0;
  for (i = 0; i < scratch->len; i++)
    {
      guint p = g_array_index (scratch, SiblingKey, i).slot;

      rec (self, p)->prev_sibling = rec (self, p)->next_sibling = LADDER_NONE;
      link_person (self, p, manager, G_MAXUINT);
    }
}

gboolean
ladder_chart_link_records (LadderChart *self, guint **cycle, guint *n_cycle)
{
  guint n = self->people->len;
  g_autofree guint8 *state = NULL;
  g_autoptr(GArray) scratch = NULL;
  g_autofree guint *order = NULL;
  gboolean has_order = FALSE;
  guint visited;

  g_return_val_if_fail (LADDER_IS_CHART (self), FALSE);

  self->first_root = self->last_root = LADDER_NONE;
  self->n_roots = 0;
  for (guint p = 0; p < n; p++)
    {
      LadderPersonRecord *r = rec (self, p);

      r->first_report = r->last_report = LADDER_NONE;
      r->prev_sibling = r->next_sibling = LADDER_NONE;
      r->n_reports = 0;
    }
  for (guint p = 0; p < n; p++)
    {
      LadderPersonRecord *r = rec (self, p);

      if (!r->alive)
        continue;
      has_order |= r->has_order;
      link_person (self, p, r->manager, G_MAXUINT);
    }

  if (has_order)
    {
      scratch = g_array_new (FALSE, FALSE, sizeof (SiblingKey));
      sort_siblings (self, LADDER_NONE, scratch);
      for (guint p = 0; p < n; p++)
        {
          if (rec (self, p)->alive && rec (self, p)->n_reports > 1)
            sort_siblings (self, p, scratch);
        }
    }

  /* Everyone reachable from a root is outside any cycle. */
  order = g_new (guint, self->n_alive ? self->n_alive : 1);
  visited = ladder_chart_preorder (self, order, FALSE);
  if (visited == self->n_alive)
    return TRUE;

  /* Someone is on, or hangs below, a cycle: walk managers from one of them
   * until a person repeats; the repeated stretch is the cycle. */
  state = g_new0 (guint8, n);
  for (guint i = 0; i < visited; i++)
    state[order[i]] = 1;
  for (guint start = 0; start < n; start++)
    {
      guint p, len = 0;

      if (!rec (self, start)->alive || state[start])
        continue;
      for (p = start; state[p] != 2; p = rec (self, p)->manager)
        state[p] = 2;
      /* p is the first repeated person: collect the cycle from it. */
      if (cycle)
        {
          guint q = p;

          do
            {
              len++;
              q = rec (self, q)->manager;
            }
          while (q != p);
          *cycle = g_new (guint, len);
          q = p;
          for (guint i = 0; i < len; i++, q = rec (self, q)->manager)
            (*cycle)[i] = q;
        }
      if (n_cycle)
        *n_cycle = len;
      break;
    }
  return FALSE;
}

/* ---- edits ---- */

guint
ladder_chart_add_person (LadderChart *self, const char *id, const char *role,
                         guint manager, guint position, GError **error)
{
  g_autofree char *fresh = NULL;
  LadderChange change;
  guint slot;

  g_return_val_if_fail (LADDER_IS_CHART (self), LADDER_NONE);
  g_return_val_if_fail (role != NULL, LADDER_NONE);

  if (manager != LADDER_NONE && !ladder_chart_is_alive (self, manager))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                   "No such manager");
      return LADDER_NONE;
    }
  if (id == NULL)
    id = fresh = ladder_chart_dup_free_id (self);
  if (!ladder_id_is_valid (id))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "“%s” is not a valid id (1–64 letters, digits, “_”, “.” or “-”)", id);
      return LADDER_NONE;
    }
  slot = ladder_chart_append_record (self, id, role, 0);
  if (slot == LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", id);
      return LADDER_NONE;
    }
  link_person (self, slot, manager, position);

  change_init (&change, LADDER_CHANGE_ADDED, slot);
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, slot);
  emit (self, &change);
  return slot;
}

/* Removes every dotted line that points at @person, announcing each. */
static void
remove_dotted_lines_to (LadderChart *self, guint person)
{
  for (guint p = 0; p < self->people->len; p++)
    {
      LadderPersonRecord *r = rec (self, p);

      if (!r->alive || r->n_dotted == 0)
        continue;
      for (guint i = r->n_dotted; i-- > 0;)
        {
          if (rec (self, p)->dotted[i] == person)
            ladder_chart_remove_dotted_line (self, p, person);
        }
    }
}

void
ladder_chart_remove_person (LadderChart *self, guint person)
{
  g_autoptr(GArray) moved = NULL;
  LadderPersonRecord *r;
  LadderChange change;
  guint manager, position, report;

  g_return_if_fail (ladder_chart_is_alive (self, person));

  remove_dotted_lines_to (self, person);

  r = rec (self, person);
  manager = r->manager;
  position = ladder_chart_get_position (self, person);

  /* The reports take the person's place, in order. */
  moved = g_array_new (FALSE, FALSE, sizeof (LadderMovedReport));
  report = r->first_report;
  for (guint i = 0; report != LADDER_NONE; i++)
    {
      guint next = rec (self, report)->next_sibling;
      LadderMovedReport m = { report, i, position + 1 + i };

      unlink_person (self, report);
      link_person (self, report, manager, position + 1 + i);
      g_array_append_val (moved, m);
      report = next;
    }
  for (guint i = 0; i < moved->len; i++)
    g_array_index (moved, LadderMovedReport, i).new_position -= 1;

  r = rec (self, person);
  unlink_person (self, person);
  r->alive = FALSE;
  ladder_id_index_remove (&self->by_id, r->id, person);
  self->n_alive--;

  change_init (&change, LADDER_CHANGE_REMOVED, person);
  change.old_manager = manager;
  change.old_position = position;
  change.moved = (const LadderMovedReport *) (gpointer) moved->data;
  change.n_moved = moved->len;
  emit (self, &change);
}

gboolean
ladder_chart_revive_person (LadderChart *self, guint person, guint manager, guint position,
                            const guint *reports, guint n_reports, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_val_if_fail (LADDER_IS_CHART (self), FALSE);
  g_return_val_if_fail (person < self->people->len, FALSE);
  g_return_val_if_fail (!rec (self, person)->alive, FALSE);

  r = rec (self, person);
  if (manager != LADDER_NONE && !ladder_chart_is_alive (self, manager))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND, "No such manager");
      return FALSE;
    }
  if (ladder_chart_lookup (self, r->id) != LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", r->id);
      return FALSE;
    }
  for (guint i = 0; i < n_reports; i++)
    {
      if (!ladder_chart_is_alive (self, reports[i]))
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND, "No such report");
          return FALSE;
        }
    }

  ladder_id_index_insert (&self->by_id, (LadderPersonRecord *) self->people->data,
                          r->id, person);
  r->alive = TRUE;
  r->first_report = r->last_report = LADDER_NONE;
  r->n_reports = 0;
  self->n_alive++;
  for (guint i = 0; i < n_reports; i++)
    {
      unlink_person (self, reports[i]);
      link_person (self, reports[i], person, G_MAXUINT);
    }
  link_person (self, person, manager, position);

  change_init (&change, LADDER_CHANGE_ADDED, person);
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, person);
  emit (self, &change);
  return TRUE;
}

gboolean
ladder_chart_reparent (LadderChart *self, guint person, guint manager,
                       guint position, GError **error)
{
  LadderChange change;
  guint old_manager, old_position;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  if (manager != LADDER_NONE)
    {
      if (!ladder_chart_is_alive (self, manager))
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                       "No such manager");
          return FALSE;
        }
      if (ladder_chart_is_above (self, person, manager))
        {
          if (manager == person)
            g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE,
                         "%s cannot report to themselves",
                         ladder_chart_get_label (self, person));
          else
            g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_CYCLE,
                         "%s cannot report to %s, who already reports to them",
                         ladder_chart_get_label (self, person),
                         ladder_chart_get_label (self, manager));
          return FALSE;
        }
    }

  old_manager = rec (self, person)->manager;
  old_position = ladder_chart_get_position (self, person);
  unlink_person (self, person);
  link_person (self, person, manager, position);

  change_init (&change, LADDER_CHANGE_MOVED, person);
  change.old_manager = old_manager;
  change.old_position = old_position;
  change.new_manager = manager;
  change.new_position = ladder_chart_get_position (self, person);
  if (change.old_manager == change.new_manager && change.old_position == change.new_position)
    return TRUE;
  emit (self, &change);
  return TRUE;
}

gboolean
ladder_chart_reorder (LadderChart *self, guint person, guint position)
{
  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);
  return ladder_chart_reparent (self, person, rec (self, person)->manager, position, NULL);
}

gboolean
ladder_chart_set_id (LadderChart *self, guint person, const char *id, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;
  char *old;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  r = rec (self, person);
  if (g_strcmp0 (r->id, id) == 0)
    return TRUE;
  if (!ladder_id_is_valid (id))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "“%s” is not a valid id (1–64 letters, digits, “_”, “.” or “-”)",
                   id ? id : "");
      return FALSE;
    }
  if (ladder_chart_lookup (self, id) != LADDER_NONE)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                   "The id “%s” is already used", id);
      return FALSE;
    }
  ladder_id_index_remove (&self->by_id, r->id, person);
  old = g_steal_pointer (&r->id);
  r->id = g_strdup (id);
  ladder_id_index_insert (&self->by_id, (LadderPersonRecord *) self->people->data,
                          r->id, person);

  change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = LADDER_FIELD_ID;
  change.old_text = old;
  change.new_text = r->id;
  emit (self, &change);
  free_text (self, old);
  return TRUE;
}

static void
set_text (LadderChart *self, guint person, LadderField field, char **slot, const char *text)
{
  char *old;
  LadderChange change;

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (*slot, text) == 0)
    return;
  old = g_steal_pointer (slot);
  *slot = g_strdup (text);

  change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = field;
  change.old_text = old;
  change.new_text = *slot;
  emit (self, &change);
  free_text (self, old);
}

void
ladder_chart_set_role (LadderChart *self, guint person, const char *role)
{
  LadderPersonRecord *r;
  LadderChange change;
  const char *old;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  g_return_if_fail (role != NULL && *role != '\0');

  r = rec (self, person);
  role = g_intern_string (role);
  if (r->role == role)
    return;
  old = r->role;
  r->role = role;

  change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = LADDER_FIELD_ROLE;
  change.old_text = old;
  change.new_text = role;
  emit (self, &change);
}

void
ladder_chart_set_name (LadderChart *self, guint person, const char *name)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_NAME, &rec (self, person)->name, name);
}

void
ladder_chart_set_person_title (LadderChart *self, guint person, const char *title)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_TITLE, &rec (self, person)->title, title);
}

void
ladder_chart_set_note (LadderChart *self, guint person, const char *note)
{
  g_return_if_fail (ladder_chart_is_alive (self, person));
  set_text (self, person, LADDER_FIELD_NOTE, &rec (self, person)->note, note);
}

static void
emit_flag (LadderChart *self, guint person, LadderField field, gboolean old, gboolean value)
{
  LadderChange change;

  change_init (&change, LADDER_CHANGE_FIELD, person);
  change.field = field;
  change.old_value = old;
  change.new_value = value;
  emit (self, &change);
}

void
ladder_chart_set_vacant (LadderChart *self, guint person, gboolean vacant)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = rec (self, person);
  vacant = !!vacant;
  if (r->vacant == (guint) vacant)
    return;
  r->vacant = vacant;
  emit_flag (self, person, LADDER_FIELD_VACANT, !vacant, vacant);
}

void
ladder_chart_set_assistant (LadderChart *self, guint person, gboolean assistant)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = rec (self, person);
  assistant = !!assistant;
  if (r->assistant == (guint) assistant)
    return;
  r->assistant = assistant;
  emit_flag (self, person, LADDER_FIELD_ASSISTANT, !assistant, assistant);
}

void
ladder_chart_set_collapsed (LadderChart *self, guint person, gboolean collapsed)
{
  LadderPersonRecord *r;

  g_return_if_fail (ladder_chart_is_alive (self, person));
  r = rec (self, person);
  collapsed = !!collapsed;
  if (r->collapsed == (guint) collapsed)
    return;
  r->collapsed = collapsed;
  emit_flag (self, person, LADDER_FIELD_COLLAPSED, !collapsed, collapsed);
}

gboolean
ladder_chart_insert_dotted_line (LadderChart *self, guint person, guint to,
                                 guint index, GError **error)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_val_if_fail (ladder_chart_is_alive (self, person), FALSE);

  if (!ladder_chart_is_alive (self, to))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_NOT_FOUND,
                   "No such person for the dotted line");
      return FALSE;
    }
  if (to == person)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   "%s cannot have a dotted line to themselves",
                   ladder_chart_get_label (self, person));
      return FALSE;
    }
  r = rec (self, person);
  for (guint i = 0; i < r->n_dotted; i++)
    {
      if (r->dotted[i] == to)
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_DUPLICATE_ID,
                       "%s already has a dotted line to %s",
                       ladder_chart_get_label (self, person),
                       ladder_chart_get_label (self, to));
          return FALSE;
        }
    }
  if (index > r->n_dotted)
    index = r->n_dotted;
  r->dotted = g_renew (guint, r->dotted, r->n_dotted + 1);
  memmove (r->dotted + index + 1, r->dotted + index, (r->n_dotted - index) * sizeof (guint));
  r->dotted[index] = to;
  r->n_dotted++;

  change_init (&change, LADDER_CHANGE_DOTTED_ADDED, person);
  change.dotted_to = to;
  change.dotted_index = index;
  emit (self, &change);
  return TRUE;
}

gboolean
ladder_chart_add_dotted_line (LadderChart *self, guint person, guint to, GError **error)
{
  return ladder_chart_insert_dotted_line (self, person, to, G_MAXUINT, error);
}

void
ladder_chart_remove_dotted_line (LadderChart *self, guint person, guint to)
{
  LadderPersonRecord *r;
  LadderChange change;

  g_return_if_fail (ladder_chart_is_alive (self, person));

  r = rec (self, person);
  for (guint i = 0; i < r->n_dotted; i++)
    {
      if (r->dotted[i] != to)
        continue;
      memmove (r->dotted + i, r->dotted + i + 1, (r->n_dotted - i - 1) * sizeof (guint));
      r->n_dotted--;
      if (r->n_dotted == 0)
        g_clear_pointer (&r->dotted, g_free);

      change_init (&change, LADDER_CHANGE_DOTTED_REMOVED, person);
      change.dotted_to = to;
      change.dotted_index = i;
      emit (self, &change);
      return;
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
  SWAP (next_free_id);
  SWAP (text_block);
  SWAP (text_size);
  SWAP (text_used);
#undef SWAP
  g_clear_pointer (&other->title, g_free);
  other->employees = -1;
  other->layout = LADDER_LAYOUT_TREE;

  change_init (&change, LADDER_CHANGE_RESET, LADDER_NONE);
  emit (self, &change);
}
