/* ladder-recovery.c — this process's session, and the recovery copies
 * that Ladders which are gone left behind
 *
 * The writing side, one LadderAutosave per window, is ladder-autosave.c;
 * this file is what both sides agree on (the folder, the session lock)
 * and what happens at start: finding the copies whose session lock nobody
 * holds, claiming them, setting aside the damaged ones.  See
 * ladder-autosave.h for the files.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ladder-autosave.h"
#include "ladder-io.h"
#include "ladder-recovery-private.h"

/* ------------------------------------------------------------- session */

/* This process's session: its id names its lock file, which it holds
 * locked for its whole life.  The kernel lets go of the lock when the
 * process dies, however it dies. */
static char *session_id;
static int   session_fd = -1;
static dev_t session_dev;
static ino_t session_ino;

char *
ladder_recovery_dup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "ladder", "recovery", NULL);
}

static char *
lock_path (const char *dir, const char *session)
{
  g_autofree char *name = g_strconcat (session, ".lock", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
ensure_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Opens and locks @path without waiting: -1 when another process holds it. */
static int
lock_file (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

const char *
ladder_recovery_ensure_session (GError **error)
{
  g_autofree char *dir = ladder_recovery_dup_dir ();
  struct stat st;

  if (!ensure_dir (dir, error))
    return NULL;

  /* Still ours?  Someone may have emptied the folder meanwhile. */
  if (session_fd >= 0)
    {
      g_autofree char *path = lock_path (dir, session_id);

      if (g_stat (path, &st) == 0 && st.st_dev == session_dev && st.st_ino == session_ino)
        return session_id;
      close (session_fd);
      session_fd = -1;
    }

  for (int attempt = 0; attempt < 5 && session_fd < 0; attempt++)
    {
      g_autofree char *path = NULL;

      g_free (session_id);
      session_id = g_uuid_string_random ();
      path = lock_path (dir, session_id);
      session_fd = lock_file (path);
      if (session_fd >= 0 && fstat (session_fd, &st) == 0)
        {
          session_dev = st.st_dev;
          session_ino = st.st_ino;
        }
    }
  if (session_fd < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot lock a file in %s"), dir);
      return NULL;
    }
  return session_id;
}

/* -------------------------------------------------------------- recovery */

/* Sessions this process claimed: their id -> the locked descriptor. */
static GHashTable *claimed;

static gboolean
session_is_valid (const char *session)
{
  if (session == NULL || *session == '\0' || strlen (session) > 64)
    return FALSE;
  /* It names a file: no separators, no dots. */
  for (const char *c = session; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

/* TRUE when no running Ladder holds @session: it is then ours until
 * ladder_recovery_release(). */
static gboolean
claim_session (const char *dir, const char *session)
{
  g_autofree char *path = NULL;
  int fd;

  if (claimed == NULL)
    claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (claimed, session))
    return TRUE;
  path = lock_path (dir, session);
  fd = lock_file (path);
  if (fd < 0)
    return FALSE;
  g_hash_table_insert (claimed, g_strdup (session), GINT_TO_POINTER (fd));
  return TRUE;
}

void
ladder_recovery_entry_free (LadderRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->title);
  g_clear_object (&entry->file);
  g_free (entry->stamp);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_clear_object (&entry->chart);
  g_free (entry->problem);
  g_free (entry->session);
  g_free (entry);
}

/* Moves the copy's files to damaged/, so that it is not offered again but
 * is still there for someone who wants to dig; @entry->path follows. */
static void
set_aside (const char *dir, LadderRecoveryEntry *entry, const char *info_path)
{
  g_autofree char *damaged = g_build_filename (dir, "damaged", NULL);
  g_autofree char *chart_name = g_path_get_basename (entry->path);
  g_autofree char *info_name = g_path_get_basename (info_path);
  g_autofree char *chart_to = g_build_filename (damaged, chart_name, NULL);
  g_autofree char *info_to = g_build_filename (damaged, info_name, NULL);

  gboolean have_chart = g_file_test (entry->path, G_FILE_TEST_EXISTS);

  entry->handled = TRUE;
  if (ensure_dir (damaged, NULL))
    {
      gboolean info_moved = g_rename (info_path, info_to) == 0;
      gboolean chart_moved = have_chart && g_rename (entry->path, chart_to) == 0;

      if (!info_moved)
        g_unlink (info_path);
      if (have_chart && !chart_moved)
        g_unlink (entry->path);
      /* Where to look: the chart if there was one, else its description. */
      g_free (entry->path);
      if (chart_moved)
        entry->path = g_steal_pointer (&chart_to);
      else if (!have_chart && info_moved)
        entry->path = g_steal_pointer (&info_to);
      else
        entry->path = g_strdup (info_path);
      return;
    }
  g_unlink (info_path);
  g_unlink (entry->path);
}

static LadderRecoveryEntry *
read_entry (const char *dir, const char *info_name, GHashTable *sessions)
{
  g_autoptr(LadderRecoveryEntry) entry = g_new0 (LadderRecoveryEntry, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *chart_name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  int version;

  entry->id = g_strndup (info_name, strlen (info_name) - strlen (".ini"));
  chart_name = g_strconcat (entry->id, ".ladder", NULL);
  entry->path = g_build_filename (dir, chart_name, NULL);

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error))
    {
      /* Written atomically by Ladder: unreadable means damaged, not
       * half-written by a Ladder running now. */
      entry->problem = g_strdup_printf ("%s: %s", info_path, error->message);
      set_aside (dir, entry, info_path);
      return g_steal_pointer (&entry);
    }

  entry->session = g_key_file_get_string (info, LADDER_RECOVERY_GROUP, "Session", NULL);
  if (session_is_valid (entry->session))
    g_hash_table_add (sessions, g_strdup (entry->session));
  if (session_fd >= 0 && g_strcmp0 (entry->session, session_id) == 0)
    return NULL;                        /* one of this process's windows */
  if (session_is_valid (entry->session) && !claim_session (dir, entry->session))
    return NULL;                        /* its Ladder is still running */

  version = g_key_file_get_integer (info, LADDER_RECOVERY_GROUP, "Version", NULL);
  saved = g_key_file_get_string (info, LADDER_RECOVERY_GROUP, "Saved", NULL);
  entry->saved = saved ? g_date_time_new_from_iso8601 (saved, NULL) : NULL;
  if (!session_is_valid (entry->session) || version != LADDER_RECOVERY_VERSION || entry->saved == NULL)
    {
      entry->problem = g_strdup_printf (_("%s: not a recovery description Ladder wrote"),
                                        info_path);
      set_aside (dir, entry, info_path);
      return g_steal_pointer (&entry);
    }

  if (!g_file_test (entry->path, G_FILE_TEST_EXISTS))
    {
      /* Killed between the description and the chart of its first copy:
       * there is nothing to recover. */
      g_unlink (info_path);
      entry->handled = TRUE;
      return NULL;
    }

  entry->chart = ladder_xml_read_file (entry->path, &error);
  if (entry->chart == NULL)
    {
      entry->problem = g_strdup (error->message);
      set_aside (dir, entry, info_path);
      return g_steal_pointer (&entry);
    }

  entry->title = g_key_file_get_string (info, LADDER_RECOVERY_GROUP, "Title", NULL);
  uri = g_key_file_get_string (info, LADDER_RECOVERY_GROUP, "File", NULL);
  if (uri != NULL && *uri != '\0')
    {
      entry->file = g_file_new_for_uri (uri);
      entry->stamp = g_key_file_get_string (info, LADDER_RECOVERY_GROUP, "Stamp", NULL);
    }
  return g_steal_pointer (&entry);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const LadderRecoveryEntry *ea = *(LadderRecoveryEntry **) a;
  const LadderRecoveryEntry *eb = *(LadderRecoveryEntry **) b;

  if (ea->saved == NULL || eb->saved == NULL)
    return (ea->saved == NULL) - (eb->saved == NULL);
  return g_date_time_compare (ea->saved, eb->saved);
}

/* Lock files of Ladders that are gone and left nothing to recover. */
static void
remove_stale_locks (const char *dir, GHashTable *sessions)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *session = NULL;
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_suffix (name, ".lock"))
        continue;
      session = g_strndup (name, strlen (name) - strlen (".lock"));
      if (g_hash_table_contains (sessions, session) ||
          (session_fd >= 0 && g_str_equal (session, session_id)) ||
          (claimed != NULL && g_hash_table_contains (claimed, session)))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = lock_file (path);
      if (fd >= 0)
        {
          g_unlink (path);
          close (fd);
        }
    }
}

GPtrArray *
ladder_recovery_claim (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_recovery_entry_free);
  g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = ladder_recovery_dup_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return entries;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".ini") && strlen (name) > strlen (".ini"))
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      LadderRecoveryEntry *entry = read_entry (dir, g_ptr_array_index (names, i), sessions);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  remove_stale_locks (dir, sessions);
  return entries;
}

void
ladder_recovery_discard (LadderRecoveryEntry *entry)
{
  g_autofree char *dir = ladder_recovery_dup_dir ();
  g_autofree char *info_name = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (entry != NULL);

  entry->handled = TRUE;
  if (entry->problem != NULL)
    return;                             /* already in damaged/ */
  info_name = g_strconcat (entry->id, ".ini", NULL);
  info_path = g_build_filename (dir, info_name, NULL);
  g_unlink (entry->path);
  g_unlink (info_path);
}

void
ladder_recovery_release (GPtrArray *entries)
{
  g_autofree char *dir = ladder_recovery_dup_dir ();
  GHashTableIter iter;
  gpointer key, value;

  if (entries == NULL)
    return;
  if (claimed == NULL)
    {
      g_ptr_array_unref (entries);
      return;
    }

  g_hash_table_iter_init (&iter, claimed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean pending = FALSE;

      for (guint i = 0; i < entries->len && !pending; i++)
        {
          LadderRecoveryEntry *entry = g_ptr_array_index (entries, i);

          pending = !entry->handled && g_strcmp0 (entry->session, key) == 0;
        }
      /* A session with copies left keeps its lock file: deleting it
       * while another Ladder has it open would let both offer them. */
      if (!pending)
        {
          g_autofree char *path = lock_path (dir, key);

          g_unlink (path);
        }
      close (GPOINTER_TO_INT (value));
      g_hash_table_iter_remove (&iter);
    }
  g_ptr_array_unref (entries);
}
