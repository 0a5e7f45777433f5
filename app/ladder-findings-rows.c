/* ladder-findings-rows.c — the findings list's rows, as a list model */
#include "config.h"

#include "ladder-findings-rows.h"

#include <string.h>

struct _LadderFindingRow
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LadderFindingRow, ladder_finding_row, G_TYPE_OBJECT)

static void
ladder_finding_row_class_init (LadderFindingRowClass *klass)
{
}

static void
ladder_finding_row_init (LadderFindingRow *self)
{
}

struct _LadderFindingsRows
{
  GObject parent_instance;

  LadderFindings *findings;   /* borrowed */
  GArray *order;              /* finding indices, row by row, each row's worst first */
  GArray *row_start;          /* row -> its first place in order, then order->len */
  GArray *row_of;             /* finding index -> row */
  GArray *signature;          /* row -> a hash of what it shows */
  GPtrArray *items;           /* row -> its LadderFindingRow, kept while it shows the same */
  guint shown;                /* rows the model has announced: the first ones */
  guint grow_id;              /* announces the next rows, while shown < rows */
};

/* Many rows at once (an open, another chart) are announced in slices: a
 * GtkListView (GTK 4.8) builds and measures widgets for up to 200 rows,
 * which took 200-300 ms of the main thread at once when a 100k chart
 * with 508 findings opened.  GROW_ROWS rows per GROW_INTERVAL_MS let the
 * window draw between them; past the rows a list view builds widgets
 * for, the rest is announced at once. */
#define GROW_ROWS        20
#define GROW_INTERVAL_MS 16
#define LIST_VIEW_ROWS   200

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LadderFindingsRows, ladder_findings_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return LADDER_TYPE_FINDING_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return LADDER_FINDINGS_ROWS (model)->shown;
}

static gpointer
get_item (GListModel *model, guint position)
{
  if (position >= get_n_items (model))
    return NULL;
  return g_object_ref (g_ptr_array_index (LADDER_FINDINGS_ROWS (model)->items, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Whether @finding condemns its person's reporting line (its `other` is
 * the person's manager), as ladder_findings_line_severity() counts. */
static gboolean
is_about_line (LadderChart *chart, const LadderFinding *finding)
{
  return finding->person != LADDER_NONE && finding->other != LADDER_NONE &&
         ladder_chart_is_alive (chart, finding->person) &&
         ladder_chart_get_manager (chart, finding->person) == finding->other;
}

/* The findings of one reporting line are adjacent: LadderFindings sorts
 * them by person. */
static void
arrange (LadderFindingsRows *self, LadderChart *chart, LadderFindings *findings)
{
  guint n = ladder_findings_get_n (findings);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) worst = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_set_size (self->order, 0);
  g_array_set_size (self->row_start, 0);
  g_array_set_size (self->row_of, n);

  /* The rows in chart order, and each one's worst severity. */
  for (guint i = 0; i < n; i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);
      const LadderFinding *previous = i > 0 ? ladder_findings_get (findings, i - 1) : NULL;

      if (previous != NULL && previous->person == finding->person &&
          is_about_line (chart, previous) && is_about_line (chart, finding))
        {
          int *row_worst = &g_array_index (worst, int, worst->len - 1);

          *row_worst = MIN (*row_worst, (int) finding->severity);
          continue;
        }
      g_array_append_val (starts, i);
      g_array_append_val (worst, finding->severity);
    }
  g_array_append_val (starts, n);

  /* Severity by severity, so that chart order holds within each; in a
   * row, its worst findings first. */
  for (int severity = LADDER_SEVERITY_ERROR; severity <= LADDER_SEVERITY_NOTE; severity++)
    for (guint row = 0; row < worst->len; row++)
      {
        guint first = g_array_index (starts, guint, row);
        guint end = g_array_index (starts, guint, row + 1);

        if (g_array_index (worst, int, row) != severity)
          continue;
        g_array_append_val (self->row_start, self->order->len);
        for (int pass = 0; pass < 2; pass++)
          for (guint i = first; i < end; i++)
            if ((ladder_findings_get (findings, i)->severity == (LadderSeverity) severity) == (pass == 0))
              {
                g_array_append_val (self->order, i);
                g_array_index (self->row_of, guint, i) = self->row_start->len - 1;
              }
      }
  g_array_append_val (self->row_start, self->order->len);
}

#define FNV_PRIME 1099511628211ULL

static inline guint64
mix (guint64 hash, guint64 value)
{
  return (hash ^ value) * FNV_PRIME;
}

/* A hash of @text eight bytes at a time: g_str_hash() goes byte by byte,
 * which was two thirds of a findings update with 425,000 findings of
 * about 200 bytes each (88 of 135 ms).  Two texts of the same length that
 * differ in one word never hash alike (each step is a bijection). */
static guint64
hash_text (const char *text)
{
  gsize length = strlen (text), at = 0;
  guint64 hash = mix (14695981039346656037ULL, length), word;

  for (; at + sizeof word <= length; at += sizeof word)
    {
      memcpy (&word, text + at, sizeof word);
      hash = mix (hash, word);
    }
  word = 0;
  memcpy (&word, text + at, length - at);
  return mix (hash, word);
}

/* Fills signature: a hash of each row's findings (rule, person, severity
 * and the words of the message, which name the people). */
static void
sign_rows (LadderFindingsRows *self)
{
  guint rows = ladder_findings_rows_get_n_rows (self);

  g_array_set_size (self->signature, rows);
  for (guint row = 0; row < rows; row++)
    {
      guint64 hash = 14695981039346656037ULL;

      for (guint k = 0; k < ladder_findings_rows_get_size (self, row); k++)
        {
          const LadderFinding *finding = ladder_findings_rows_get_finding (self, row, k);

          hash = mix (hash, GPOINTER_TO_SIZE (finding->rule));
          hash = mix (hash, ((guint64) finding->person << 8) | (guint64) finding->severity);
          hash = mix (hash, hash_text (finding->message));
        }
      g_array_index (self->signature, guint64, row) = hash;
    }
}

static gboolean
grow_cb (gpointer user_data)
{
  LadderFindingsRows *self = user_data;
  guint rows = ladder_findings_rows_get_n_rows (self);
  guint at = self->shown;
  gboolean done;

  self->shown = at < LIST_VIEW_ROWS ? MIN (at + GROW_ROWS, rows) : rows;
  done = self->shown == rows;
  if (done)
    self->grow_id = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, self->shown - at);
  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* The rows are new (another chart), or most of them: the list starts
 * again with its first GROW_ROWS rows, and grows. */
static void
announce_anew (LadderFindingsRows *self, guint n_before)
{
  guint rows = ladder_findings_rows_get_n_rows (self);

  self->shown = MIN (rows, GROW_ROWS);
  if (self->shown < rows && self->grow_id == 0)
    self->grow_id = g_timeout_add (GROW_INTERVAL_MS, grow_cb, self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, self->shown);
}

void
ladder_findings_rows_show_all (LadderFindingsRows *self)
{
  guint at;

  g_return_if_fail (LADDER_IS_FINDINGS_ROWS (self));

  at = self->shown;
  if (at == ladder_findings_rows_get_n_rows (self))
    return;
  g_clear_handle_id (&self->grow_id, g_source_remove);
  self->shown = ladder_findings_rows_get_n_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, self->shown - at);
}

guint
ladder_findings_rows_get_n_shown (LadderFindingsRows *self)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), 0);
  return self->shown;
}

/* Rows that changed together: @removed rows from @from of the rows
 * before, @added rows at @at of the rows after. */
typedef struct {
  guint from, at, removed, added;
} RowChange;

/* How far ahead a row that stayed is looked for, past rows added or
 * removed in front of it; how many rows may change one for one before
 * the rows are taken as new (another chart). */
#define LOOKAHEAD 256
#define MAX_REPLACED (2 * LIST_VIEW_ROWS)

static guint
find_row (const guint64 *rows, guint from, guint end, guint64 signature)
{
  for (guint k = from; k < MIN (end, from + LOOKAHEAD); k++)
    if (rows[k] == signature)
      return k;
  return G_MAXUINT;
}

/* Walks the rows before and after together and returns where they
 * part, as RowChanges in order, or NULL when more than MAX_REPLACED
 * rows differ one for one.  An edit adds, removes or changes a few rows,
 * often far apart (a new person's warning among the warnings and their
 * note among the notes): each stretch is its own change. */
static GArray *
diff_rows (const guint64 *before, guint n_before, const guint64 *after, guint n_after)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (RowChange));
  guint i = 0, j = 0, replaced = 0;

  while (i < n_before || j < n_after)
    {
      RowChange change = { i, j, 0, 0 };

      if (i < n_before && j < n_after && before[i] == after[j])
        {
          i++, j++;
          continue;
        }
      while ((i < n_before || j < n_after) &&
             !(i < n_before && j < n_after && before[i] == after[j]))
        {
          guint k;

          if (i == n_before || (j < n_after && (k = find_row (after, j + 1, n_after, before[i])) != G_MAXUINT))
            {
              k = i == n_before ? n_after : k;
              change.added += k - j;
              j = k;
            }
          else if (j == n_after || (k = find_row (before, i + 1, n_before, after[j])) != G_MAXUINT)
            {
              k = j == n_after ? n_before : k;
              change.removed += k - i;
              i = k;
            }
          else if (++replaced > MAX_REPLACED)
            return NULL;
          else
            {
              i++, j++;
              change.removed++, change.added++;
            }
        }
      g_array_append_val (changes, change);
    }
  return g_steal_pointer (&changes);
}

/* One item per row, the same object for a row that stayed as before (by
 * @changes, from diff_rows(); all new without): a list view then keeps
 * its widget when rows before it come or go, instead of filling it in
 * again (an edit that added two findings at the top bound all 200 rows
 * anew).  A row is never the same object as another row's, not even for
 * a moment between two of the changes said (a list view would take the
 * widget from the other row). */
static void
keep_items (LadderFindingsRows *self, GArray *changes)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (self->signature->len, g_object_unref);
  guint i = 0;

  for (guint c = 0; changes != NULL && c <= changes->len; c++)
    {
      const RowChange *change = c < changes->len ? &g_array_index (changes, RowChange, c) : NULL;
      guint until = change != NULL ? change->from : self->items->len;

      for (; i < until && i < self->items->len; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
      if (change == NULL)
        break;
      for (guint k = 0; k < change->added; k++)
        g_ptr_array_add (items, g_object_new (LADDER_TYPE_FINDING_ROW, NULL));
      i += change->removed;
    }
  while (items->len < self->signature->len)
    g_ptr_array_add (items, g_object_new (LADDER_TYPE_FINDING_ROW, NULL));
  g_ptr_array_set_size (items, self->signature->len);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
}

void
ladder_findings_rows_set (LadderFindingsRows *self, LadderChart *chart, LadderFindings *findings)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) changes = NULL;
  guint n_before, n_after, removed = 0, added = 0, known;
  gboolean growing;

  g_return_if_fail (LADDER_IS_FINDINGS_ROWS (self));
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (findings != NULL);

  before = g_array_copy (self->signature);
  n_before = before->len;
  self->findings = findings;
  arrange (self, chart, findings);
  sign_rows (self);
  n_after = self->signature->len;
  growing = self->shown < n_before;

  /* An edit changes a few rows: only those are said to change, so that a
   * list view fills in again only them. */
  changes = diff_rows ((const guint64 *) (gpointer) before->data, n_before,
                       (const guint64 *) (gpointer) self->signature->data, n_after);
  keep_items (self, changes);
  for (guint c = 0; changes != NULL && c < changes->len; c++)
    {
      removed += g_array_index (changes, RowChange, c).removed;
      added += g_array_index (changes, RowChange, c).added;
    }
  /* Many rows at once (another chart) start the list again.  Still
   * growing, the list knows only the first rows: a few changed rows
   * among them are said as after growing (starting again would build and
   * measure every row it shows anew: 130-170 ms of the main thread for
   * the 180 rows of a 20k chart checked again after an edit during its
   * growth). */
  if (changes == NULL ||
      (n_before != n_after &&
       (added > (n_before == 0 ? GROW_ROWS : LIST_VIEW_ROWS / 2) ||
        (growing && removed > LIST_VIEW_ROWS / 2))))
    {
      announce_anew (self, growing ? self->shown : n_before);
      return;
    }
  known = self->shown;
  for (guint c = 0; c < changes->len; c++)
    {
      RowChange change = g_array_index (changes, RowChange, c);

      /* Changed rows past the known ones are not said; as many of the
       * new rows as replace known ones are. */
      if (growing && change.from >= known)
        break;
      if (growing && change.from + change.removed > known)
        {
          change.removed = known - change.from;
          change.added = MIN (change.added, change.removed);
          c = changes->len;
        }
      self->shown = self->shown - change.removed + change.added;
      g_list_model_items_changed (G_LIST_MODEL (self), change.at, change.removed, change.added);
    }
  if (self->shown == n_after)
    g_clear_handle_id (&self->grow_id, g_source_remove);
}

guint
ladder_findings_rows_get_n_rows (LadderFindingsRows *self)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), 0);

  return self->row_start->len > 0 ? self->row_start->len - 1 : 0;
}

guint
ladder_findings_rows_get_size (LadderFindingsRows *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), 0);
  g_return_val_if_fail (row < ladder_findings_rows_get_n_rows (self), 0);

  return g_array_index (self->row_start, guint, row + 1) - g_array_index (self->row_start, guint, row);
}

const LadderFinding *
ladder_findings_rows_get_finding (LadderFindingsRows *self, guint row, guint k)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), NULL);
  g_return_val_if_fail (k < ladder_findings_rows_get_size (self, row), NULL);

  return ladder_findings_get (self->findings,
                              g_array_index (self->order, guint,
                                             g_array_index (self->row_start, guint, row) + k));
}

guint
ladder_findings_rows_get_first (LadderFindingsRows *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), G_MAXUINT);
  g_return_val_if_fail (row < ladder_findings_rows_get_n_rows (self), G_MAXUINT);

  return g_array_index (self->order, guint, g_array_index (self->row_start, guint, row));
}

guint
ladder_findings_rows_find (LadderFindingsRows *self, guint index)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), G_MAXUINT);

  return index < self->row_of->len ? g_array_index (self->row_of, guint, index) : G_MAXUINT;
}

guint
ladder_findings_rows_find_person (LadderFindingsRows *self, guint person)
{
  guint rows;

  g_return_val_if_fail (LADDER_IS_FINDINGS_ROWS (self), G_MAXUINT);

  rows = ladder_findings_rows_get_n_rows (self);
  for (guint row = 0; person != LADDER_NONE && row < rows; row++)
    if (ladder_findings_rows_get_finding (self, row, 0)->person == person)
      return row;
  return G_MAXUINT;
}

LadderFindingsRows *
ladder_findings_rows_new (void)
{
  return g_object_new (LADDER_TYPE_FINDINGS_ROWS, NULL);
}

static void
ladder_findings_rows_finalize (GObject *object)
{
  LadderFindingsRows *self = LADDER_FINDINGS_ROWS (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_array_unref (self->order);
  g_array_unref (self->row_start);
  g_array_unref (self->row_of);
  g_array_unref (self->signature);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (ladder_findings_rows_parent_class)->finalize (object);
}

static void
ladder_findings_rows_class_init (LadderFindingsRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_findings_rows_finalize;
}

static void
ladder_findings_rows_init (LadderFindingsRows *self)
{
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->signature = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
