/* ladder-progress.c — a worker's progress, shared with the main thread
 */
#include "config.h"

#include "ladder-progress.h"

struct _LadderProgress {
  gint          ref_count;
  gint          stage;         /* LadderProgressStage */
  gint          people;
  gint64        bytes;
  gint64        total;
  GCancellable *cancellable;
};

static GPrivate current_progress;

LadderProgress *
ladder_progress_new (GCancellable *cancellable)
{
  LadderProgress *self = g_new0 (LadderProgress, 1);

  self->ref_count = 1;
  self->total = -1;
  self->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  return self;
}

LadderProgress *
ladder_progress_ref (LadderProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
ladder_progress_unref (LadderProgress *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_object_unref (self->cancellable);
  g_free (self);
}

GCancellable *
ladder_progress_get_cancellable (LadderProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->cancellable;
}

LadderProgressStage
ladder_progress_get_stage (LadderProgress *self)
{
  g_return_val_if_fail (self != NULL, LADDER_PROGRESS_DONE);
  return g_atomic_int_get (&self->stage);
}

void
ladder_progress_set_stage (LadderProgress *self, LadderProgressStage stage)
{
  g_return_if_fail (self != NULL);
  g_atomic_int_set (&self->stage, stage);
}

void
ladder_progress_set_bytes (LadderProgress *self, gint64 done, gint64 total)
{
  g_return_if_fail (self != NULL);
  __atomic_store_n (&self->total, total, __ATOMIC_RELAXED);
  __atomic_store_n (&self->bytes, done, __ATOMIC_RELAXED);
}

gint64
ladder_progress_get_bytes (LadderProgress *self, gint64 *total)
{
  g_return_val_if_fail (self != NULL, 0);
  if (total != NULL)
    *total = __atomic_load_n (&self->total, __ATOMIC_RELAXED);
  return __atomic_load_n (&self->bytes, __ATOMIC_RELAXED);
}

guint
ladder_progress_get_people (LadderProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) g_atomic_int_get (&self->people);
}

double
ladder_progress_get_fraction (LadderProgress *self)
{
  gint64 total = 0;
  gint64 bytes = ladder_progress_get_bytes (self, &total);

  if (total <= 0)
    return -1.0;
  /* Reading is the first half of the work, parsing most of the rest;
   * the people in the file are not known before it is parsed, so the
   * parse is told by how far the count got past a byte estimate. */
  switch (ladder_progress_get_stage (self))
    {
    case LADDER_PROGRESS_READING:
      return 0.4 * CLAMP ((double) bytes / total, 0.0, 1.0);
    case LADDER_PROGRESS_PARSING:
      /* A generated chart runs about 160 bytes per person. */
      return 0.4 + 0.5 * CLAMP (ladder_progress_get_people (self) * 160.0 / total, 0.0, 1.0);
    case LADDER_PROGRESS_CHECKING:
      return 0.9;
    case LADDER_PROGRESS_DONE:
    default:
      return 1.0;
    }
}

void
ladder_progress_set_current (LadderProgress *self)
{
  g_private_set (&current_progress, self);
}

void
ladder_progress_person_loaded (void)
{
  LadderProgress *self = g_private_get (&current_progress);

  if (self != NULL)
    g_atomic_int_inc (&self->people);
}

gboolean
ladder_progress_check_cancelled (GError **error)
{
  LadderProgress *self = g_private_get (&current_progress);

  return self != NULL && g_cancellable_set_error_if_cancelled (self->cancellable, error);
}
