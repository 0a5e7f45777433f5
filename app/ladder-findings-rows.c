/* ladder-findings-rows.c — the findings list's rows, as a list model */
#include "config.h"

#include "ladder-findings-rows.h"

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

/* One item per row, the same object for a row that shows the same
 * findings as before (by its signature): a list view then keeps its
 * widget when rows before it come or go, instead of filling it in again
 * (an edit that added two findings at the top bound all 200 rows anew). */
static void
keep_items (LadderFindingsRows *self, GArray *before)
{
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (self->signature->len, g_object_unref);

  for (guint row = 0; row < before->len && row < self->items->len; row++)
    g_hash_table_insert (old, &g_array_index (before, gint64, row),
                         g_object_ref (g_ptr_array_index (self->items, row)));
  for (guint row = 0; row < self->signature->len; row++)
    {
      gint64 *signature = &g_array_index (self->signature, gint64, row);
      gpointer item = NULL;

      if (!g_hash_table_steal_extended (old, signature, NULL, &item))
        item = g_object_new (LADDER_TYPE_FINDING_ROW, NULL);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
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
          hash = mix (hash, g_str_hash (finding->message));
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

void
ladder_findings_rows_set (LadderFindingsRows *self, LadderChart *chart, LadderFindings *findings)
{
  g_autoptr(GArray) before = NULL;
  guint n_before, n_after, same_start = 0, same_end = 0;

  g_return_if_fail (LADDER_IS_FINDINGS_ROWS (self));
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (findings != NULL);

  before = g_array_copy (self->signature);
  n_before = before->len;
  self->findings = findings;
  arrange (self, chart, findings);
  sign_rows (self);
  n_after = self->signature->len;
  keep_items (self, before);

  /* Still growing: the list knows only the first rows. */
  if (self->shown < n_before)
    {
      announce_anew (self, self->shown);
      return;
    }

  /* An edit changes a few rows: only those are said to change, so that a
   * list view fills in again only them.  Between the rows that stayed the
   * same at the start and at the end, a stretch as long as it was is
   * compared row by row (a rename changes rows far apart); one that grew
   * or shrank changes whole. */
  while (same_start < MIN (n_before, n_after) &&
         g_array_index (before, guint64, same_start) ==
         g_array_index (self->signature, guint64, same_start))
    same_start++;
  while (same_end < MIN (n_before, n_after) - same_start &&
         g_array_index (before, guint64, n_before - 1 - same_end) ==
         g_array_index (self->signature, guint64, n_after - 1 - same_end))
    same_end++;
  if (n_before != n_after &&
      n_after - same_start - same_end > (n_before == 0 ? GROW_ROWS : LIST_VIEW_ROWS / 2))
    {
      announce_anew (self, n_before);
      return;
    }
  if (n_before != n_after)
    {
      self->shown = n_after;
      g_list_model_items_changed (G_LIST_MODEL (self), same_start,
                                  n_before - same_start - same_end, n_after - same_start - same_end);
      return;
    }
  for (guint row = same_start; row < n_after - same_end;)
    {
      guint end = row;

      while (end < n_after - same_end &&
             g_array_index (before, guint64, end) != g_array_index (self->signature, guint64, end))
        end++;
      if (end > row)
        g_list_model_items_changed (G_LIST_MODEL (self), row, end - row, end - row);
      row = end + 1;
    }
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
