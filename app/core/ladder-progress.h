/* ladder-progress.h — what a worker thread has done so far, for a window
 *
 * A LadderProgress is written by the thread that reads a file and read by
 * the main thread, which shows it (bytes read, people loaded, the stage)
 * and may cancel.  Every field is atomic; nothing here locks.
 *
 * The readers report people through ladder_progress_person_loaded(), which
 * counts into the progress set for the calling thread with
 * ladder_progress_set_current() and does nothing on any other thread:
 * reading from the command line is as it was.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  LADDER_PROGRESS_READING,    /* bytes from the disk */
  LADDER_PROGRESS_PARSING,    /* people loaded */
  LADDER_PROGRESS_CHECKING,   /* the rules */
  LADDER_PROGRESS_DONE,
} LadderProgressStage;

typedef struct _LadderProgress LadderProgress;

LadderProgress     *ladder_progress_new          (GCancellable *cancellable);
LadderProgress     *ladder_progress_ref          (LadderProgress *self);
void                ladder_progress_unref        (LadderProgress *self);

GCancellable       *ladder_progress_get_cancellable (LadderProgress *self);
LadderProgressStage ladder_progress_get_stage    (LadderProgress *self);
void                ladder_progress_set_stage    (LadderProgress *self, LadderProgressStage stage);
/* Bytes read of @total (-1: not known, a pipe). */
void                ladder_progress_set_bytes    (LadderProgress *self, gint64 done, gint64 total);
gint64              ladder_progress_get_bytes    (LadderProgress *self, gint64 *total);
guint               ladder_progress_get_people   (LadderProgress *self);
/* Between 0 and 1, or -1 when nothing says how far along it is. */
double              ladder_progress_get_fraction (LadderProgress *self);

/* The progress the calling thread reports into (NULL: none). */
void                ladder_progress_set_current  (LadderProgress *self);
/* One more person read, on the calling thread's progress. */
void                ladder_progress_person_loaded (void);
/* TRUE, with G_IO_ERROR_CANCELLED in @error, when the calling thread's
 * progress was cancelled: a reader stops there instead of finishing work
 * nobody waits for.  FALSE on a thread without a progress. */
gboolean            ladder_progress_check_cancelled (GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderProgress, ladder_progress_unref)

G_END_DECLS
