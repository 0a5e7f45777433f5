/* ladder-chart-records.c — how the chart stores and links its people
 *
 * The sibling-list primitives that every structural change goes
 * through, and what the readers build a chart with
 * (ladder-chart-private.h): records appended without a signal, their
 * text packed in one block, and the whole hierarchy linked in one pass.
 * Nothing here announces itself; the edits that do are in
 * ladder-chart-edit.c, and reading the chart is ladder-chart.c.
 */
#include "config.h"

#include "ladder-chart-instance-private.h"

#include <string.h>

/* ---- linking ---- */

static guint *
first_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->first_root
                                : &ladder_chart_rec (self, manager)->first_report;
}

static guint *
last_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->last_root
                                : &ladder_chart_rec (self, manager)->last_report;
}

static guint *
count_ptr (LadderChart *self, guint manager)
{
  return manager == LADDER_NONE ? &self->n_roots
                                : &ladder_chart_rec (self, manager)->n_reports;
}

void
ladder_chart_unlink_person (LadderChart *self, guint person)
{
  LadderPersonRecord *r = ladder_chart_rec (self, person);

  if (r->prev_sibling != LADDER_NONE)
    ladder_chart_rec (self, r->prev_sibling)->next_sibling = r->next_sibling;
  else
    *first_ptr (self, r->manager) = r->next_sibling;
  if (r->next_sibling != LADDER_NONE)
    ladder_chart_rec (self, r->next_sibling)->prev_sibling = r->prev_sibling;
  else
    *last_ptr (self, r->manager) = r->prev_sibling;
  *count_ptr (self, r->manager) -= 1;
  r->prev_sibling = r->next_sibling = LADDER_NONE;
}

void
ladder_chart_link_person (LadderChart *self, guint person, guint manager, guint position)
{
  LadderPersonRecord *r = ladder_chart_rec (self, person);
  guint *first = first_ptr (self, manager);
  guint *last = last_ptr (self, manager);
  guint before = *first;

  /* Appending is the common case (loading, adding): no walk for it. */
  if (position >= *count_ptr (self, manager))
    before = LADDER_NONE;
  for (guint i = 0; i < position && before != LADDER_NONE; i++)
    before = ladder_chart_rec (self, before)->next_sibling;

  r->manager = manager;
  r->next_sibling = before;
  if (before == LADDER_NONE)
    {
      r->prev_sibling = *last;
      if (*last != LADDER_NONE)
        ladder_chart_rec (self, *last)->next_sibling = person;
      else
        *first = person;
      *last = person;
    }
  else
    {
      LadderPersonRecord *b = ladder_chart_rec (self, before);

      r->prev_sibling = b->prev_sibling;
      if (b->prev_sibling != LADDER_NONE)
        ladder_chart_rec (self, b->prev_sibling)->next_sibling = person;
      else
        *first = person;
      b->prev_sibling = person;
    }
  *count_ptr (self, manager) += 1;
}

/* ---- dotted lines, the other way round ---- */

static void
free_sources (gpointer sources)
{
  g_array_unref (sources);
}

static void
index_line (GHashTable *index, guint from, guint to)
{
  GArray *sources = g_hash_table_lookup (index, GUINT_TO_POINTER (to));

  if (sources == NULL)
    {
      sources = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1);
      g_hash_table_insert (index, GUINT_TO_POINTER (to), sources);
    }
  g_array_append_val (sources, from);
}

static GHashTable *
ensure_dotted_from (LadderChart *self)
{
  if (self->dotted_from != NULL)
    return self->dotted_from;
  self->dotted_from = g_hash_table_new_full (NULL, NULL, NULL, free_sources);
  for (guint p = 0; p < self->people->len; p++)
    {
      const LadderPersonRecord *r = ladder_chart_rec (self, p);

      for (guint i = 0; i < r->n_dotted; i++)
        index_line (self->dotted_from, p, r->dotted[i]);
    }
  return self->dotted_from;
}

void
ladder_chart_dotted_from_add (LadderChart *self, guint from, guint to)
{
  if (self->dotted_from != NULL)
    index_line (self->dotted_from, from, to);
}

void
ladder_chart_dotted_from_remove (LadderChart *self, guint from, guint to)
{
  GArray *sources;

  if (self->dotted_from == NULL)
    return;
  sources = g_hash_table_lookup (self->dotted_from, GUINT_TO_POINTER (to));
  g_assert (sources != NULL);
  /* The line removed is most often the one added last (undo). */
  for (guint i = sources->len; i-- > 0;)
    if (g_array_index (sources, guint, i) == from)
      {
        g_array_remove_index_fast (sources, i);
        break;
      }
  if (sources->len == 0)
    g_hash_table_remove (self->dotted_from, GUINT_TO_POINTER (to));
}

static gsize dotted_from_read_total;

static int
compare_slots (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

GArray *
ladder_chart_dup_dotted_from (LadderChart *self, guint to)
{
  GArray *sources = g_hash_table_lookup (ensure_dotted_from (self), GUINT_TO_POINTER (to));
  GArray *living = g_array_new (FALSE, FALSE, sizeof (guint));

  if (sources == NULL)
    return living;
  g_atomic_pointer_add (&dotted_from_read_total, sources->len);
  for (guint i = 0; i < sources->len; i++)
    {
      guint from = g_array_index (sources, guint, i);

      if (ladder_chart_rec (self, from)->alive)
        g_array_append_val (living, from);
    }
  g_array_sort (living, compare_slots);
  return living;
}

gsize
ladder_chart_get_dotted_from_reads (void)
{
  return (gsize) g_atomic_pointer_get (&dotted_from_read_total);
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

/* Ids the program makes are "p" and a number (ladder_chart_dup_free_id):
 * past the highest such id read, the next free one is found at once
 * instead of by trying p1, p2, ... (a million lookups on a 1M chart). */
static void
note_numbered_id (LadderChart *self, const char *id)
{
  guint64 number = 0;

  if (id[0] != 'p' || id[1] < '1' || id[1] > '9')
    return;
  for (const char *c = id + 1; *c != '\0'; c++)
    {
      if (*c < '0' || *c > '9' || number >= G_MAXUINT / 10)
        return;
      number = number * 10 + (guint64) (*c - '0');
    }
  if (number < G_MAXUINT && number + 1 > self->next_free_id)
    self->next_free_id = (guint) number + 1;
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
  note_numbered_id (self, id);
  return slot;
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
  for (guint p = *first_ptr (self, manager); p != LADDER_NONE;
       p = ladder_chart_rec (self, p)->next_sibling, i++)
    {
      LadderPersonRecord *r = ladder_chart_rec (self, p);
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
      LadderPersonRecord *r = ladder_chart_rec (self, p);

      r->prev_sibling = r->next_sibling = LADDER_NONE;
      ladder_chart_link_person (self, p, manager, G_MAXUINT);
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
      LadderPersonRecord *r = ladder_chart_rec (self, p);

      r->first_report = r->last_report = LADDER_NONE;
      r->prev_sibling = r->next_sibling = LADDER_NONE;
      r->n_reports = 0;
    }
  for (guint p = 0; p < n; p++)
    {
      LadderPersonRecord *r = ladder_chart_rec (self, p);

      if (!r->alive)
        continue;
      has_order |= r->has_order;
      ladder_chart_link_person (self, p, r->manager, G_MAXUINT);
    }

  if (has_order)
    {
      scratch = g_array_new (FALSE, FALSE, sizeof (SiblingKey));
      sort_siblings (self, LADDER_NONE, scratch);
      for (guint p = 0; p < n; p++)
        {
          if (ladder_chart_rec (self, p)->alive && ladder_chart_rec (self, p)->n_reports > 1)
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

      if (!ladder_chart_rec (self, start)->alive || state[start])
        continue;
      for (p = start; state[p] != 2; p = ladder_chart_rec (self, p)->manager)
        state[p] = 2;
      /* p is the first repeated person: collect the cycle from it. */
      if (cycle)
        {
          guint q = p;

          do
            {
              len++;
              q = ladder_chart_rec (self, q)->manager;
            }
          while (q != p);
          *cycle = g_new (guint, len);
          q = p;
          for (guint i = 0; i < len; i++, q = ladder_chart_rec (self, q)->manager)
            (*cycle)[i] = q;
        }
      if (n_cycle)
        *n_cycle = len;
      break;
    }
  return FALSE;
}

static gsize dotted_checks_total;

gboolean
ladder_dotted_seen_add (LadderDottedSeen *seen, LadderChart *chart, guint person, guint target)
{
  g_return_val_if_fail (seen != NULL, FALSE);

  if (seen->last_from == NULL)
    {
      seen->n_slots = ladder_chart_get_capacity (chart);
      seen->last_from = g_new (guint, MAX (seen->n_slots, 1));
      for (guint i = 0; i < seen->n_slots; i++)
        seen->last_from[i] = LADDER_NONE;
    }
  g_return_val_if_fail (target < seen->n_slots, FALSE);
  seen->checks++;
  if (seen->last_from[target] == person)
    return FALSE;
  seen->last_from[target] = person;
  return TRUE;
}

void
ladder_dotted_seen_clear (LadderDottedSeen *seen)
{
  g_return_if_fail (seen != NULL);

  g_atomic_pointer_add (&dotted_checks_total, seen->checks);
  g_clear_pointer (&seen->last_from, g_free);
  seen->n_slots = 0;
  seen->checks = 0;
}

gsize
ladder_dotted_seen_get_total_checks (void)
{
  return (gsize) g_atomic_pointer_get (&dotted_checks_total);
}
