/* ladder-people-model.c — everyone on the chart in pre-order, by what changed
 *
 * Three arrays: row -> person, row -> depth, and person slot -> row.  A
 * person's team is the rows after theirs that are deeper, so the model
 * finds a team's rows without asking the chart.  Taking rows out or
 * putting them in moves the rows after them (a memmove and renumbering:
 * linear in the rows, a fraction of a millisecond at 100k), which is
 * cheap next to what a list view does for each row it binds again.
 */
#include "config.h"

#include <string.h>

#include "ladder-people-model.h"

/* ------------------------------------------------------------------ row */

struct _LadderPeopleRow
{
  GObject parent_instance;
  guint   person;
  guint   depth;
};

G_DEFINE_FINAL_TYPE (LadderPeopleRow, ladder_people_row, G_TYPE_OBJECT)

static void ladder_people_row_class_init (LadderPeopleRowClass *klass) { }
static void ladder_people_row_init (LadderPeopleRow *self) { }

guint
ladder_people_row_get_person (LadderPeopleRow *row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_ROW (row), LADDER_NONE);

  return row->person;
}

guint
ladder_people_row_get_depth (LadderPeopleRow *row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_ROW (row), 0);

  return row->depth;
}

/* ---------------------------------------------------------------- model */

struct _LadderPeopleModel
{
  GObject parent_instance;
  guint   n;
  guint   capacity;   /* entries of each array: the chart's slots */
  guint  *order;      /* row -> person */
  guint  *depth;      /* row -> depth */
  guint  *row_of;     /* person slot -> row, G_MAXUINT when not listed */
};

static GType
model_get_item_type (GListModel *list)
{
  return LADDER_TYPE_PEOPLE_ROW;
}

static guint
model_get_n_items (GListModel *list)
{
  return LADDER_PEOPLE_MODEL (list)->n;
}

static gpointer
model_get_item (GListModel *list, guint position)
{
  LadderPeopleModel *self = LADDER_PEOPLE_MODEL (list);
  LadderPeopleRow *row;

  if (position >= self->n)
    return NULL;
  row = g_object_new (LADDER_TYPE_PEOPLE_ROW, NULL);
  row->person = self->order[position];
  row->depth = self->depth[position];
  return row;
}

static void
ladder_people_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LadderPeopleModel, ladder_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ladder_people_model_list_init))

static void
ladder_people_model_finalize (GObject *object)
{
  LadderPeopleModel *self = LADDER_PEOPLE_MODEL (object);

  g_free (self->order);
  g_free (self->depth);
  g_free (self->row_of);
  G_OBJECT_CLASS (ladder_people_model_parent_class)->finalize (object);
}

static void
ladder_people_model_class_init (LadderPeopleModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_people_model_finalize;
}

static void ladder_people_model_init (LadderPeopleModel *self) { }

LadderPeopleModel *
ladder_people_model_new (void)
{
  return g_object_new (LADDER_TYPE_PEOPLE_MODEL, NULL);
}

/* Room for @capacity slots (a chart that grew by an add). */
static void
reserve (LadderPeopleModel *self, guint capacity)
{
  if (capacity <= self->capacity)
    return;
  self->order = g_renew (guint, self->order, capacity);
  self->depth = g_renew (guint, self->depth, capacity);
  self->row_of = g_renew (guint, self->row_of, capacity);
  memset (self->row_of + self->capacity, 0xff, (capacity - self->capacity) * sizeof (guint));
  self->capacity = capacity;
}

/* Pre-order puts every manager before its reports, so one pass gives
 * each person its depth from its manager's: no recursion, any depth. */
void
ladder_people_model_rebuild (LadderPeopleModel *self, LadderChart *chart)
{
  guint old;

  g_return_if_fail (LADDER_IS_PEOPLE_MODEL (self));
  g_return_if_fail (chart == NULL || LADDER_IS_CHART (chart));

  old = self->n;
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->depth, g_free);
  g_clear_pointer (&self->row_of, g_free);
  self->n = self->capacity = 0;

  if (chart != NULL && ladder_chart_get_n_people (chart) > 0)
    {
      reserve (self, ladder_chart_get_capacity (chart));
      self->n = ladder_chart_preorder (chart, self->order, FALSE);
      for (guint i = 0; i < self->n; i++)
        {
          guint person = self->order[i];
          guint manager = ladder_chart_get_manager (chart, person);

          self->row_of[person] = i;
          self->depth[i] = manager == LADDER_NONE ? 0 : self->depth[self->row_of[manager]] + 1;
        }
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n);
}

guint
ladder_people_model_find (LadderPeopleModel *self, guint person)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_MODEL (self), G_MAXUINT);

  if (person >= self->capacity || self->row_of[person] >= self->n)
    return G_MAXUINT;
  return self->row_of[person];
}

guint
ladder_people_model_get_person (LadderPeopleModel *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_MODEL (self), LADDER_NONE);

  return row < self->n ? self->order[row] : LADDER_NONE;
}

guint
ladder_people_model_get_depth (LadderPeopleModel *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_MODEL (self), 0);

  return row < self->n ? self->depth[row] : 0;
}

/* ------------------------------------------------------- by what changed */

/* The row after @row's team: the first row after it no deeper than it. */
static guint
team_end (LadderPeopleModel *self, guint row)
{
  guint end = row + 1;

  while (end < self->n && self->depth[end] > self->depth[row])
    end++;
  return end;
}

static void
renumber (LadderPeopleModel *self, guint from)
{
  for (guint i = from; i < self->n; i++)
    self->row_of[self->order[i]] = i;
}

/* Takes rows [@row, @row + @k) out, unannounced. */
static void
take_rows (LadderPeopleModel *self, guint row, guint k)
{
  for (guint i = row; i < row + k; i++)
    self->row_of[self->order[i]] = G_MAXUINT;
  memmove (self->order + row, self->order + row + k, (self->n - row - k) * sizeof (guint));
  memmove (self->depth + row, self->depth + row + k, (self->n - row - k) * sizeof (guint));
  self->n -= k;
  renumber (self, row);
}

/* Puts @k rows in before @row, unannounced. */
static void
put_rows (LadderPeopleModel *self, guint row, const guint *people, const guint *depths, guint k)
{
  memmove (self->order + row + k, self->order + row, (self->n - row) * sizeof (guint));
  memmove (self->depth + row + k, self->depth + row, (self->n - row) * sizeof (guint));
  memcpy (self->order + row, people, k * sizeof (guint));
  memcpy (self->depth + row, depths, k * sizeof (guint));
  self->n += k;
  renumber (self, row);
}

/* Where @person's row goes, as the chart has them now and the model has
 * everyone but their team: after the previous sibling's team, else right
 * after the manager, else first.  G_MAXUINT when the model does not list
 * them. */
static guint
place_of (LadderPeopleModel *self, LadderChart *chart, guint person)
{
  guint previous = ladder_chart_get_prev_sibling (chart, person);
  guint manager = ladder_chart_get_manager (chart, person);
  guint row;

  if (previous != LADDER_NONE)
    return (row = ladder_people_model_find (self, previous)) != G_MAXUINT
           ? team_end (self, row) : G_MAXUINT;
  if (manager != LADDER_NONE)
    return (row = ladder_people_model_find (self, manager)) != G_MAXUINT ? row + 1 : G_MAXUINT;
  return 0;
}

/* The depth of a report of @manager, or G_MAXUINT when not listed. */
static guint
depth_under (LadderPeopleModel *self, guint manager)
{
  guint row;

  if (manager == LADDER_NONE)
    return 0;
  row = ladder_people_model_find (self, manager);
  return row != G_MAXUINT ? self->depth[row] + 1 : G_MAXUINT;
}

/* The fields a row shows: the name, and the title or role, or vacant. */
static gboolean
apply_field (LadderPeopleModel *self, const LadderChange *change)
{
  guint row;

  if (change->field != LADDER_FIELD_NAME && change->field != LADDER_FIELD_TITLE &&
      change->field != LADDER_FIELD_ROLE && change->field != LADDER_FIELD_VACANT)
    return TRUE;
  row = ladder_people_model_find (self, change->person);
  if (row == G_MAXUINT)
    return FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), row, 1, 1);
  return TRUE;
}

/* One row goes; its team stays where it was, a level up. */
static gboolean
apply_remove (LadderPeopleModel *self, const LadderChange *change)
{
  guint row = ladder_people_model_find (self, change->person);
  guint end;

  if (row == G_MAXUINT)
    return FALSE;
  end = team_end (self, row);
  for (guint i = row + 1; i < end; i++)
    self->depth[i]--;
  take_rows (self, row, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), row, end - row, end - row - 1);
  return TRUE;
}

/* One row comes; an undone remove brings the person back over their
 * former reports, whose rows are where theirs goes and go a level down. */
static gboolean
apply_add (LadderPeopleModel *self, LadderChart *chart, const LadderChange *change)
{
  guint person = change->person;
  guint row, depth, end;

  if (ladder_people_model_find (self, person) != G_MAXUINT)
    return FALSE;
  reserve (self, ladder_chart_get_capacity (chart));
  row = place_of (self, chart, person);
  depth = depth_under (self, ladder_chart_get_manager (chart, person));
  if (row == G_MAXUINT || depth == G_MAXUINT)
    return FALSE;
  end = row;
  for (guint report = ladder_chart_get_first_report (chart, person); report != LADDER_NONE;
       report = ladder_chart_get_next_sibling (chart, report))
    {
      if (end >= self->n || self->order[end] != report || self->depth[end] != depth)
        return FALSE;
      end = team_end (self, end);
    }
  for (guint i = row; i < end; i++)
    self->depth[i]++;
  put_rows (self, row, &person, &depth, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), row, end - row, end - row + 1);
  return TRUE;
}

/* Moves the @m rows from @from to before row @to of what is left,
 * announced (the rows keep their depth). */
static void
move_rows (LadderPeopleModel *self, guint from, guint m, guint to)
{
  g_autofree guint *people = g_memdup2 (self->order + from, m * sizeof (guint));
  g_autofree guint *depths = g_memdup2 (self->depth + from, m * sizeof (guint));

  take_rows (self, from, m);
  g_list_model_items_changed (G_LIST_MODEL (self), from, m, 0);
  put_rows (self, to, people, depths, m);
  g_list_model_items_changed (G_LIST_MODEL (self), to, 0, m);
}

/* The person's team leaves its rows and comes back at its new place,
 * each row as many levels deeper or higher as the person went.  A team
 * that keeps its depth (a reorder) may be bigger than the rows it passes:
 * then those rows going the other way are the same change, and fewer
 * rows to make again for a list view. */
static gboolean
apply_move (LadderPeopleModel *self, LadderChart *chart, const LadderChange *change)
{
  guint row = ladder_people_model_find (self, change->person);
  g_autofree guint *people = NULL;
  g_autofree guint *depths = NULL;
  guint k, place, depth, passed;

  if (change->old_manager == change->new_manager &&
      change->old_position == change->new_position)
    return TRUE;
  if (row == G_MAXUINT)
    return FALSE;
  k = team_end (self, row) - row;
  people = g_memdup2 (self->order + row, k * sizeof (guint));
  depths = g_memdup2 (self->depth + row, k * sizeof (guint));
  take_rows (self, row, k);
  place = place_of (self, chart, change->person);
  depth = depth_under (self, change->new_manager);
  if (place == G_MAXUINT || depth == G_MAXUINT)
    {
      put_rows (self, row, people, depths, k);
      return FALSE;
    }
  passed = place >= row ? place - row : row - place;
  if (depth == depths[0] && passed < k)
    {
      put_rows (self, row, people, depths, k);
      if (place >= row)
        move_rows (self, row + k, passed, row);
      else
        move_rows (self, place, passed, place + k);
      return TRUE;
    }
  for (guint i = k; i-- > 0;)
    depths[i] = depths[i] - depths[0] + depth;
  /* Between the two announcements the model is what the first says. */
  g_list_model_items_changed (G_LIST_MODEL (self), row, k, 0);
  put_rows (self, place, people, depths, k);
  g_list_model_items_changed (G_LIST_MODEL (self), place, 0, k);
  return TRUE;
}

gboolean
ladder_people_model_apply (LadderPeopleModel *self, LadderChart *chart,
                           const LadderChange *change)
{
  g_return_val_if_fail (LADDER_IS_PEOPLE_MODEL (self), FALSE);
  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  switch (change->kind)
    {
    case LADDER_CHANGE_FIELD:
      return apply_field (self, change);
    case LADDER_CHANGE_REMOVED:
      return apply_remove (self, change);
    case LADDER_CHANGE_ADDED:
      return apply_add (self, chart, change);
    case LADDER_CHANGE_MOVED:
      return apply_move (self, chart, change);
    case LADDER_CHANGE_DOTTED_ADDED:
    case LADDER_CHANGE_DOTTED_REMOVED:
    case LADDER_CHANGE_CHART:
      return TRUE;
    case LADDER_CHANGE_RESET:
    default:
      return FALSE;
    }
}
