/* ladder-autosave.h — recovery copies of unsaved charts
 *
 * While a window has unsaved changes, a copy of its chart is kept in
 * $XDG_DATA_HOME/ladder/recovery/ (g_get_user_data_dir()), written a few
 * seconds after the last change, never over the user's own file:
 *
 *   ID.ladder   the chart, as ladder_xml_write() writes it
 *   ID.ini      what the chart was: a GKeyFile, group [Recovery] with
 *               Version=1, Session (the process that owns it), File (URI
 *               of the original, absent when untitled), Stamp (the
 *               original as the chart last knew it on disk, see
 *               ladder_file_dup_stamp()), Title, Saved (ISO 8601), People
 *   SESSION.lock  held (flock) by each running Ladder for its life
 *
 * The copy goes when the chart is saved or the window closes cleanly, so
 * what is left at the next start was left by a Ladder that crashed or was
 * killed: a lock file nobody holds any more.  A Ladder still running keeps
 * its lock, so a second `ladder` never offers the charts of the first.
 */
#pragma once

#include <gio/gio.h>

#include "ladder-document.h"

G_BEGIN_DECLS

/* Seconds from the last change to the recovery copy, when writing a copy
 * is quick; a chart that takes long to write waits longer (see .c). */
#define LADDER_AUTOSAVE_DELAY_MS 3000

#define LADDER_TYPE_AUTOSAVE (ladder_autosave_get_type ())
G_DECLARE_FINAL_TYPE (LadderAutosave, ladder_autosave, LADDER, AUTOSAVE, GObject)

/* Follows @document's changes (its owner calls ladder_autosave_close()
 * when it is done with it).  "failed" (a message) says a copy could not be
 * written, once until one works again. */
LadderAutosave *ladder_autosave_new        (LadderDocument *document);
void            ladder_autosave_set_delay  (LadderAutosave *self, guint msec);
/* Path of the recovery copy of the chart (it may not exist yet). */
const char     *ladder_autosave_get_path   (LadderAutosave *self);
/* Writes the recovery copy now, whatever the timer says, on the calling
 * thread (after the copies still queued; the timer's go to a worker). */
gboolean        ladder_autosave_write_now  (LadderAutosave *self, GError **error);
/* Deletes the recovery copy; the window closed cleanly. */
void            ladder_autosave_close      (LadderAutosave *self);

/* Blocks until the worker has written every copy queued so far (at exit,
 * and for tests). */
void            ladder_autosave_wait_idle  (void);
/* For tests: how many copies are queued or being written. */
guint           ladder_autosave_get_n_pending (void);
/* For tests: while held, the worker writes nothing, and whatever waits
 * for it blocks (let it go from another thread). */
void            ladder_autosave_hold_writes (gboolean hold);

/* ---- recovery at start ---- */

typedef struct _LadderRecoveryEntry {
  char        *id;
  char        *path;        /* the recovery copy of the chart */
  char        *title;       /* nullable: the chart's title */
  GFile       *file;        /* nullable: the original file */
  char        *stamp;       /* nullable: see ladder_file_dup_stamp() */
  GDateTime   *saved;       /* when the copy was written */
  LadderChart *chart;       /* NULL when the copy could not be read */
  char        *problem;     /* why not; @path is then where it was set
                             * aside (the chart, else its description) */
  /* private */
  char        *session;
  gboolean     handled;     /* discarded, adopted or set aside */
} LadderRecoveryEntry;

void        ladder_recovery_entry_free (LadderRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderRecoveryEntry, ladder_recovery_entry_free)

/* $XDG_DATA_HOME/ladder/recovery (newly allocated). */
char       *ladder_recovery_dup_dir    (void);
/* The copies left by Ladders that are gone, oldest first, claimed for this
 * process (another Ladder started meanwhile will not offer them too).
 * Copies that cannot be read come with @problem set; they were moved to
 * recovery/damaged/ so that they are not offered again.  Free with
 * ladder_recovery_release(). */
GPtrArray  *ladder_recovery_claim      (void);
/* Forgets @entry for good: deletes its files. */
void        ladder_recovery_discard    (LadderRecoveryEntry *entry);
/* Frees @entries and lets go of the claim; entries neither discarded nor
 * adopted stay for the next start. */
void        ladder_recovery_release    (GPtrArray *entries);
/* @self's window now holds @entry's chart: from now on @self keeps (and
 * removes) @entry's files, as its own. */
gboolean    ladder_autosave_adopt      (LadderAutosave *self, LadderRecoveryEntry *entry,
                                        GError **error);

G_END_DECLS
