/* ladder-autosave.c — recovery copies of unsaved charts
 *
 * One LadderAutosave per document writes its recovery copy a few
 * seconds after the last change; ladder-recovery.c finds the copies that
 * crashed or killed Ladders left behind.  See the header for the files
 * and how a running Ladder is told from a dead one.
 *
 * Threads.  The chart is not thread-safe, so the timer serializes it (and
 * the description) on the main thread into a WriteJob that owns its paths
 * and bytes.  Writing them (ladder_save_atomic: temp file, fsync, rename)
 * costs more and is left to one process-wide worker thread, which runs
 * the jobs in the order they were queued.  A job holds a reference on its
 * LadderAutosave, touches nothing of it but the count of its pending jobs
 * (under jobs_lock), and goes back to the main thread in an idle callback,
 * which records the time taken, reports a failure and drops the reference.
 * Whatever deletes, renames or writes an autosave's files on the main
 * thread first waits, blocking, until that autosave has no job left
 * (wait_for_writes()): a copy queued before a save can never reappear
 * after it.  ladder_autosave_write_now() waits likewise, then writes on
 * the calling thread.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ladder-autosave.h"
#include "ladder-io.h"
#include "ladder-recovery-private.h"

/* A chart that takes long to write waits this many times as long between
 * copies, so that autosaving costs at most a few per cent of the time. */
#define SLOW_WRITE_FACTOR 20
/* However busy the user is, a change is copied within this many delays. */
#define MAX_DEFER_FACTOR 5
/* Charts with more people are serialized in slices of this many, one
 * slice per idle on the main thread (a few milliseconds each), so that no
 * copy stalls editing; a change in between starts the copy again later. */
#define SLICE_PEOPLE 20000

struct _LadderAutosave
{
  GObject       parent_instance;

  LadderDocument *document;
  char         *id;
  char         *chart_path;
  char         *info_path;
  guint         delay_ms;
  guint         timeout_id;
  gint64        pending_since;   /* monotonic µs of the first unsaved change */
  gint64        last_write_us;   /* how long the last copy took */
  guint         pending;         /* jobs queued or running, under jobs_lock */
  gboolean      closed;
  gboolean      failed;          /* the user was told; not again until it works */

  /* A copy being serialized slice by slice, and its idle. */
  struct _LadderXmlWriter *slicing;
  gpointer      slicing_job;
  guint         slice_id;
};

G_DEFINE_FINAL_TYPE (LadderAutosave, ladder_autosave, G_TYPE_OBJECT)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------- the writer */

static void
set_id (LadderAutosave *self, const char *id)
{
  g_autofree char *dir = ladder_recovery_dup_dir ();
  g_autofree char *chart_name = g_strconcat (id, ".ladder", NULL);
  g_autofree char *info_name = g_strconcat (id, ".ini", NULL);

  g_free (self->id);
  g_free (self->chart_path);
  g_free (self->info_path);
  self->id = g_strdup (id);
  self->chart_path = g_build_filename (dir, chart_name, NULL);
  self->info_path = g_build_filename (dir, info_name, NULL);
}

/* ------------------------------------------------------------ the jobs */

/* What one recovery copy writes; the worker sees nothing else. */
typedef struct {
  LadderAutosave *self;          /* a reference, dropped on the main thread */
  char           *info_path;
  char           *info_data;
  gsize           info_length;
  char           *chart_path;
  char           *chart_data;
  gsize           chart_length;
  gint64          serialize_us;  /* on the main thread */
  gint64          write_us;      /* where the files were written */
  GError         *error;
} WriteJob;

static GThreadPool *writer;      /* created on first use, by the main thread */
static GMutex       jobs_lock;
static GCond        jobs_cond;   /* a job finished, or the writer was let go */
static guint        jobs_pending;
static gboolean     writes_held;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_object_unref (job->self);
  g_free (job->info_path);
  g_free (job->info_data);
  g_free (job->chart_path);
  g_free (job->chart_data);
  g_clear_error (&job->error);
  g_free (job);
}

static void
cancel_slicing (LadderAutosave *self)
{
  g_clear_handle_id (&self->slice_id, g_source_remove);
  g_clear_pointer (&self->slicing, ladder_xml_writer_free);
  g_clear_pointer (&self->slicing_job, write_job_free);
}

/* The chart as it is now, and its description, ready to be written. */
static WriteJob *
prepare_job (LadderAutosave *self, gboolean whole, GError **error)
{
  LadderDocument *document = self->document;
  LadderChart *chart = ladder_document_get_chart (document);
  GFile *file = ladder_document_get_file (document);
  const char *stamp = ladder_document_get_disk_stamp (document);
  g_autoptr(GKeyFile) info = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *saved = NULL;
  const char *title, *session;
  WriteJob *job;
  gint64 start = g_get_monotonic_time ();

  session = ladder_recovery_ensure_session (error);
  if (session == NULL)
    return NULL;

  info = g_key_file_new ();
  now = g_date_time_new_now_local ();
  saved = g_date_time_format_iso8601 (now);
  g_key_file_set_integer (info, LADDER_RECOVERY_GROUP, "Version", LADDER_RECOVERY_VERSION);
  g_key_file_set_string (info, LADDER_RECOVERY_GROUP, "Session", session);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, LADDER_RECOVERY_GROUP, "File", uri);
      if (stamp != NULL)
        g_key_file_set_string (info, LADDER_RECOVERY_GROUP, "Stamp", stamp);
    }
  title = ladder_chart_get_title (chart);
  if (title != NULL && *title != '\0')
    g_key_file_set_string (info, LADDER_RECOVERY_GROUP, "Title", title);
  g_key_file_set_string (info, LADDER_RECOVERY_GROUP, "Saved", saved);
  g_key_file_set_uint64 (info, LADDER_RECOVERY_GROUP, "People", ladder_chart_get_n_people (chart));

  job = g_new0 (WriteJob, 1);
  job->self = g_object_ref (self);
  job->info_path = g_strdup (self->info_path);
  job->info_data = g_key_file_to_data (info, &job->info_length, NULL);
  job->chart_path = g_strdup (self->chart_path);
  if (ladder_chart_get_n_people (chart) > SLICE_PEOPLE && !whole)
    self->slicing = ladder_xml_writer_new (chart);
  else
    job->chart_data = ladder_xml_write (chart, &job->chart_length);
  job->serialize_us = g_get_monotonic_time () - start;
  return job;
}

/* Any thread: writes @job's files, or sets @job->error. */
static gboolean
write_job (WriteJob *job)
{
  gint64 start = g_get_monotonic_time ();

  /* The description first, so that a chart never lies there without one
   * (see remove_files()). */
  if (ladder_save_atomic (job->info_path, job->info_data, job->info_length, &job->error))
    ladder_save_atomic (job->chart_path, job->chart_data, job->chart_length, &job->error);
  job->write_us = g_get_monotonic_time () - start;
  return job->error == NULL;
}

static void
report_failure (LadderAutosave *self, const GError *error)
{
  g_autofree char *message = NULL;

  /* Once until it works again, and not to a window that is gone. */
  if (self->failed || self->closed)
    return;
  message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
  self->failed = TRUE;
  g_printerr ("ladder: %s\n", message);
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
job_succeeded (WriteJob *job)
{
  job->self->last_write_us = job->serialize_us + job->write_us;
  job->self->failed = FALSE;
}

/* Main thread: the worker is done with @data. */
static gboolean
job_done_cb (gpointer data)
{
  WriteJob *job = data;

  if (job->error == NULL)
    job_succeeded (job);
  else
    report_failure (job->self, job->error);
  return G_SOURCE_REMOVE;
}

static void
write_in_worker (gpointer data, gpointer user_data)
{
  WriteJob *job = data;

  g_mutex_lock (&jobs_lock);
  while (writes_held)
    g_cond_wait (&jobs_cond, &jobs_lock);
  g_mutex_unlock (&jobs_lock);

  write_job (job);
  /* Freed here: giving back the pages of a 1M-person chart would take
   * the main thread some 8 ms. */
  g_clear_pointer (&job->info_data, g_free);
  g_clear_pointer (&job->chart_data, g_free);

  g_mutex_lock (&jobs_lock);
  job->self->pending--;
  jobs_pending--;
  g_cond_broadcast (&jobs_cond);
  g_mutex_unlock (&jobs_lock);

  /* Not g_main_context_invoke(): when nobody is running the main loop
   * just then (the main thread waiting in ladder_autosave_wait_idle(),
   * say) it would run the callback here, on the worker. */
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, write_job_free);
}

/* Hands @job to the worker; FALSE when there is no worker (no thread
 * could be started), @job is then still the caller's. */
static gboolean
queue_job (WriteJob *job)
{
  if (writer == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Exclusive: its one thread is started now, so that a job pushed
       * later never waits for a thread that could not be started. */
      writer = g_thread_pool_new (write_in_worker, NULL, 1, TRUE, &error);
      if (writer == NULL)
        {
          g_printerr ("ladder: recovery copies are written on the main thread: %s\n",
                      error->message);
          return FALSE;
        }
    }
  g_mutex_lock (&jobs_lock);
  job->self->pending++;
  jobs_pending++;
  g_mutex_unlock (&jobs_lock);
  g_thread_pool_push (writer, job, NULL);
  return TRUE;
}

/* Blocks until @count (a count of jobs, under jobs_lock) is down to 0. */
static void
wait_for_none (const guint *count)
{
  g_mutex_lock (&jobs_lock);
  while (*count > 0)
    g_cond_wait (&jobs_cond, &jobs_lock);
  g_mutex_unlock (&jobs_lock);
}

static guint
read_count (const guint *count)
{
  guint n;

  g_mutex_lock (&jobs_lock);
  n = *count;
  g_mutex_unlock (&jobs_lock);
  return n;
}

/* Main thread: blocks until the jobs @self queued are written. */
static void
wait_for_writes (LadderAutosave *self)
{
  wait_for_none (&self->pending);
}

void
ladder_autosave_wait_idle (void)
{
  wait_for_none (&jobs_pending);
}

guint
ladder_autosave_get_n_pending (void)
{
  return read_count (&jobs_pending);
}

void
ladder_autosave_hold_writes (gboolean hold)
{
  g_mutex_lock (&jobs_lock);
  writes_held = hold;
  g_cond_broadcast (&jobs_cond);
  g_mutex_unlock (&jobs_lock);
}

/* ---------------------------------------------------------- the writer */

static void
remove_files (LadderAutosave *self)
{
  /* Not under a copy that is still being written. */
  wait_for_writes (self);
  /* The chart first: a description without a chart is dropped silently
   * at the next start, a chart without one would be a mystery. */
  g_unlink (self->chart_path);
  g_unlink (self->info_path);
}

/* Main thread: writes @job on this thread, after the copies its autosave
 * still has queued (an older copy must not land over this one). */
static gboolean
write_here (WriteJob *job)
{
  wait_for_writes (job->self);
  if (!write_job (job))
    return FALSE;
  job_succeeded (job);
  return TRUE;
}

gboolean
ladder_autosave_write_now (LadderAutosave *self, GError **error)
{
  WriteJob *job;
  gboolean written;

  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  cancel_slicing (self);
  job = prepare_job (self, TRUE, error);
  if (job == NULL)
    return FALSE;
  written = write_here (job);
  if (!written)
    g_propagate_error (error, g_steal_pointer (&job->error));
  write_job_free (job);
  return written;
}

static void
submit_job (WriteJob *job)
{
  if (!queue_job (job))
    {
      if (!write_here (job))
        report_failure (job->self, job->error);
      write_job_free (job);
    }
}

static gboolean
slice_cb (gpointer user_data)
{
  LadderAutosave *self = user_data;
  WriteJob *job = self->slicing_job;
  gint64 start = g_get_monotonic_time ();

  if (!ladder_xml_writer_step (self->slicing, SLICE_PEOPLE))
    {
      job->serialize_us += g_get_monotonic_time () - start;
      return G_SOURCE_CONTINUE;
    }
  job->chart_data = ladder_xml_writer_finish (g_steal_pointer (&self->slicing), &job->chart_length);
  job->serialize_us += g_get_monotonic_time () - start;
  self->slicing_job = NULL;
  self->slice_id = 0;
  submit_job (job);
  return G_SOURCE_REMOVE;
}

/* The timer's copy: serialized here (in slices for a large chart), written
 * by the worker. */
static void
write_later (LadderAutosave *self)
{
  g_autoptr(GError) error = NULL;
  WriteJob *job;

  job = prepare_job (self, FALSE, &error);
  if (job == NULL)
    {
      report_failure (self, error);
      return;
    }
  if (self->slicing == NULL)
    {
      submit_job (job);
      return;
    }
  self->slicing_job = job;
  /* Below redrawing and input: a slice runs when the window has time. */
  self->slice_id = g_idle_add_full (G_PRIORITY_LOW, slice_cb, self, NULL);
}

static guint
effective_delay (LadderAutosave *self)
{
  gint64 slow = self->last_write_us / 1000 * SLOW_WRITE_FACTOR;

  return (guint) MIN (MAX ((gint64) self->delay_ms, slow), 10 * 60 * 1000);
}

static gboolean
timeout_cb (gpointer user_data)
{
  LadderAutosave *self = user_data;

  self->timeout_id = 0;
  if (!ladder_document_get_modified (self->document))
    {
      remove_files (self);
      return G_SOURCE_REMOVE;
    }

  if (read_count (&self->pending) > 0 || self->slicing != NULL)
    {
      /* The last copy is still being written: one chart in memory at a
       * time, and this copy a little later. */
      self->timeout_id = g_timeout_add (effective_delay (self), timeout_cb, self);
      return G_SOURCE_REMOVE;
    }
  write_later (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (LadderAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = effective_delay (self);

  if (self->closed)
    return;
  if (self->timeout_id != 0)
    {
      /* Waiting for a pause in the edits, but not for ever. */
      if (now - self->pending_since > (gint64) delay * 1000 * MAX_DEFER_FACTOR)
        return;
      g_source_remove (self->timeout_id);
    }
  else
    self->pending_since = now;
  self->timeout_id = g_timeout_add (delay, timeout_cb, self);
}

static void
chart_changed_cb (LadderAutosave *self)
{
  /* The slices written so far are of another chart. */
  cancel_slicing (self);
  schedule (self);
}

static void
modified_cb (LadderAutosave *self)
{
  if (self->closed)
    return;
  if (ladder_document_get_modified (self->document))
    schedule (self);
  else
    {
      /* Saved, or undone back to what is saved: nothing to recover. */
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      cancel_slicing (self);
      remove_files (self);
    }
}

void
ladder_autosave_close (LadderAutosave *self)
{
  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  if (self->closed)
    return;
  self->closed = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  cancel_slicing (self);
  remove_files (self);
}

void
ladder_autosave_set_delay (LadderAutosave *self, guint msec)
{
  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  self->delay_ms = msec;
}

const char *
ladder_autosave_get_path (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), NULL);
  return self->chart_path;
}

static void
ladder_autosave_finalize (GObject *object)
{
  LadderAutosave *self = LADDER_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_free (self->id);
  g_free (self->chart_path);
  g_free (self->info_path);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (ladder_autosave_parent_class)->finalize (object);
}

static void
ladder_autosave_class_init (LadderAutosaveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_autosave_finalize;

  /* A copy could not be written: what to tell the user (once, until a
   * copy works again). */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ladder_autosave_init (LadderAutosave *self)
{
  g_autofree char *id = g_uuid_string_random ();

  self->delay_ms = LADDER_AUTOSAVE_DELAY_MS;
  set_id (self, id);
}

LadderAutosave *
ladder_autosave_new (LadderDocument *document)
{
  LadderAutosave *self;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (document), NULL);

  self = g_object_new (LADDER_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (chart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (modified_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

gboolean
ladder_autosave_adopt (LadderAutosave *self, LadderRecoveryEntry *entry, GError **error)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->problem == NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  remove_files (self);
  set_id (self, entry->id);
  entry->handled = TRUE;
  /* Rewritten at once under this process's session: until then the copy
   * is still the dead one's, and would be offered again after a crash. */
  return ladder_autosave_write_now (self, error);
}
