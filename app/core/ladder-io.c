/* ladder-io.c — loading and saving charts by file name, and the one
 * atomic writer that every save and every export goes through
 *
 * The writer streams into an unnamed file (O_TMPFILE) in the target's
 * folder, syncs it, gives it a temporary name and renames it over the
 * target, so that a crash at any moment leaves either the old file or the
 * new one, whole.  The previous version is kept as "PATH~" on saves.
 * Without O_TMPFILE (some file systems) the temporary is named from the
 * start, ".ladder-tmp-XXXXXX"; a writer killed with such a file left
 * behind has it removed by a later write in that folder, once it is an
 * hour old (a younger one may be another writer's, at work).
 */
#define _GNU_SOURCE   /* O_TMPFILE, sync_file_range */
#include "config.h"

#include "ladder-io.h"
#include "ladder-import.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean
ladder_path_is_csv (const char *path)
{
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  length = strlen (path);
  return length > 4 && g_ascii_strcasecmp (path + length - 4, ".csv") == 0;
}

LadderChart *
ladder_load_file (const char      *path,
                  LadderCatalogue *catalogue,
                  GPtrArray       *warnings,
                  GError         **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ladder_import_file (path, catalogue, NULL, warnings, error);
}

#define TEMP_PREFIX     ".ladder-tmp-"
#define TEMP_MAX_AGE    (60 * 60)            /* seconds: older is a killed writer's */
#define BUFFER_SIZE     (64 * 1024)
/* Past this much written, the disk is asked to start on it. */
#define WRITEBACK_STEP  (512 * 1024)
#define MAX_LINK_HOPS   40

struct _LadderAtomicFile {
  char             *path;      /* as given, for messages */
  char             *target;    /* the regular file replaced (or created) */
  char             *dir;       /* its folder */
  char             *temp;      /* the temporary's name, or NULL while unnamed */
  LadderAtomicFlags flags;
  gboolean          replaces;  /* the target exists */
  int               fd;
  int               error;     /* errno of the first failure, or 0 */
  gint64            written;
  gint64            flushing;  /* writeback started up to here */
  gsize             buffered;
  char              buffer[BUFFER_SIZE];
};

static void
set_io_error (GError **error, const char *path, const char *doing, int saved_errno)
{
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
               "%s: error: %s: %s", path, doing, g_strerror (saved_errno));
}

static void
set_kind_error (GError **error, const char *path, mode_t mode)
{
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO, "%s: error: %s", path,
               S_ISDIR (mode) ? _("is a folder")
                              : _("is not a regular file (a FIFO, socket or device); "
                                  "Ladder writes only to regular files"));
}

/* A file-size limit (ulimit -f) would kill the process in the middle of
 * a write; ignored, write() fails with EFBIG and the user reads why.  Set
 * at every open, so that nothing in between can have put it back. */
static void
ignore_file_size_signal (void)
{
  signal (SIGXFSZ, SIG_IGN);
}

/* The file a symlink chain at @path ends at (@path itself when it is no
 * link), so that writing replaces the target and leaves the link.  Sets
 * @exists and refuses what is not a regular file. */
static char *
resolve_target (const char *path, gboolean *exists, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < MAX_LINK_HOPS; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0)
        {
          int saved_errno = errno;

          /* No file (or a dangling link): it is created. */
          *exists = FALSE;
          if (saved_errno == ENOENT)
            return g_steal_pointer (&current);
          set_io_error (error, path, _("cannot write"), saved_errno);
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        {
          *exists = TRUE;
          if (S_ISREG (st.st_mode))
            return g_steal_pointer (&current);
          set_kind_error (error, path, st.st_mode);
          return NULL;
        }
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          set_io_error (error, path, _("cannot follow the link"), errno);
          return NULL;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }
  set_io_error (error, path, _("cannot follow the link"), ELOOP);
  return NULL;
}

static gboolean
is_own_temp (const char *name)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  gsize prefix = strlen (TEMP_PREFIX);

  return strncmp (name, TEMP_PREFIX, prefix) == 0 && strlen (name + prefix) == 6
         && strspn (name + prefix, letters) == 6;
}

/* Removes the temporaries a killed writer left in @dir, once they are an
 * hour old. */
static void
remove_stale_temps (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_own_temp (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > TEMP_MAX_AGE)
        g_unlink (path);
    }
}

static char *
temp_template (const char *dir)
{
  return g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
}

/* An unnamed file in @dir: killed before it is named, it vanishes with
 * the process.  -1 where the file system cannot, or where it could not be
 * named later (no /proc). */
static int
open_unnamed (const char *dir)
{
#ifdef O_TMPFILE
  int fd;

  if (access ("/proc/self/fd", X_OK) != 0)
    return -1;
  /* 0666 so that the umask applies as for any new file. */
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  return fd;
#else
  return -1;
#endif
}

/* Gives the unnamed file of @file a fresh temporary name. */
static gboolean
name_unnamed (LadderAtomicFile *file)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", file->fd);
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char *template = temp_template (file->dir);
  gsize len = strlen (template);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      for (gsize i = len - 6; i < len; i++)
        template[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      if (linkat (AT_FDCWD, proc, AT_FDCWD, template, AT_SYMLINK_FOLLOW) == 0)
        {
          file->temp = template;
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  g_free (template);
  return FALSE;
}

/* The new version keeps the owner (where permitted) and the mode of the
 * old; the owner first, as a change of owner clears set-id bits. */
static void
keep_owner_and_mode (int fd, const GStatBuf *old)
{
  gboolean owned = old->st_uid == geteuid () && old->st_gid == getegid ();

  /* Not permitted to give the file away, it keeps at least the group if
   * it can, else this process's owner. */
  if (!owned && fchown (fd, old->st_uid, old->st_gid) != 0 && fchown (fd, (uid_t) -1, old->st_gid) != 0)
    g_debug ("the new file keeps this process's owner");
  fchmod (fd, old->st_mode & 07777);
}

LadderAtomicFile *
ladder_atomic_file_open (const char *path, LadderAtomicFlags flags, GError **error)
{
  g_autofree char *target = NULL;
  LadderAtomicFile *file;
  gboolean exists = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ignore_file_size_signal ();
  target = resolve_target (path, &exists, error);
  if (target == NULL)
    return NULL;

  file = g_new0 (LadderAtomicFile, 1);
  file->path = g_strdup (path);
  file->target = g_steal_pointer (&target);
  file->dir = g_path_get_dirname (file->target);
  file->flags = flags;
  remove_stale_temps (file->dir);

  file->fd = open_unnamed (file->dir);
  if (file->fd < 0)
    {
      file->temp = temp_template (file->dir);
      file->fd = g_mkstemp_full (file->temp, O_WRONLY | O_CLOEXEC, 0666);
    }
  if (file->fd < 0)
    {
      set_io_error (error, path, _("cannot create a file in its folder"), errno);
      g_clear_pointer (&file->temp, g_free);
      ladder_atomic_file_abort (file);
      return NULL;
    }
  if (exists && g_stat (file->target, &st) == 0)
    {
      file->replaces = TRUE;
      keep_owner_and_mode (file->fd, &st);
    }
  return file;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

static gboolean
write_out (LadderAtomicFile *file, const char *data, gsize length)
{
  if (!write_all (file->fd, data, length))
    {
      file->error = errno ? errno : EIO;
      return FALSE;
    }
  file->written += length;
#ifdef SYNC_FILE_RANGE_WRITE
  /* The file is synced before it replaces the target.  Starting the
   * writeback of what is written while the rest is made leaves that sync
   * less to wait for.  Only a hint: a failure shows at the sync. */
  if (file->written - file->flushing >= WRITEBACK_STEP)
    {
      sync_file_range (file->fd, file->flushing, file->written - file->flushing,
                       SYNC_FILE_RANGE_WRITE);
      file->flushing = file->written;
    }
#endif
  return TRUE;
}

static gboolean
flush_buffer (LadderAtomicFile *file)
{
  gsize length = file->buffered;

  file->buffered = 0;
  return length == 0 || write_out (file, file->buffer, length);
}

gboolean
ladder_atomic_file_write (LadderAtomicFile *file, const char *data, gsize length)
{
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (file->error != 0)
    return FALSE;
  if (file->buffered + length <= BUFFER_SIZE)
    {
      memcpy (file->buffer + file->buffered, data, length);
      file->buffered += length;
      return TRUE;
    }
  if (!flush_buffer (file))
    return FALSE;
  /* A big piece goes out in one write(), not through the buffer. */
  if (length >= BUFFER_SIZE)
    return write_out (file, data, length);
  memcpy (file->buffer, data, length);
  file->buffered = length;
  return TRUE;
}

gboolean
ladder_atomic_file_write_func (gpointer closure, const char *data, gsize length)
{
  return ladder_atomic_file_write (closure, data, length);
}

/* "PATH~", or where that is longer than a name may be, PATH cut (at a
 * whole UTF-8 character) so that the "~" fits. */
static char *
backup_name (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *backup = NULL;
  long max = pathconf (dir, _PC_NAME_MAX);

  if (max <= 0)
    max = NAME_MAX;
  if (strlen (base) + 1 > (gsize) max)
    {
      char *cut = base + max - 1;

      while (cut > base && (*cut & 0xC0) == 0x80)
        cut--;
      *cut = '\0';
    }
  backup = g_strconcat (base, "~", NULL);
  return g_build_filename (dir, backup, NULL);
}

static gboolean
copy_file (const char *from, const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination,
                      G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                      NULL, NULL, NULL, NULL);
}

/* Keeps the version about to be replaced as "PATH~".  A hard link costs
 * nothing; where links are impossible the file is copied.  Losing the
 * backup is no reason to refuse the save, so failures are ignored. */
static void
keep_backup (const char *target)
{
  g_autofree char *backup = backup_name (target);
  GStatBuf st;

  if (g_lstat (target, &st) != 0 || !S_ISREG (st.st_mode))
    return;
  g_unlink (backup);
  if (link (target, backup) != 0)
    copy_file (target, backup);
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Something other than a regular file took the target's place while the
 * file was written: it is not replaced either. */
static gboolean
target_still_writable (LadderAtomicFile *file, GError **error)
{
  GStatBuf st;

  if (g_lstat (file->target, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;
  set_kind_error (error, file->path, st.st_mode);
  return FALSE;
}

gboolean
ladder_atomic_file_commit (LadderAtomicFile *file, GError **error)
{
  int closed;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file->error == 0 && flush_buffer (file) && fsync (file->fd) != 0)
    file->error = errno ? errno : EIO;
  if (file->error != 0)
    {
      set_io_error (error, file->path, _("cannot write"), file->error);
      ladder_atomic_file_abort (file);
      return FALSE;
    }
  if (!target_still_writable (file, error))
    {
      ladder_atomic_file_abort (file);
      return FALSE;
    }
  if ((file->flags & LADDER_ATOMIC_BACKUP) && file->replaces)
    keep_backup (file->target);
  /* An unnamed file is named only now: a kill before this leaves
   * nothing, a kill before the rename a temporary for a later write to
   * remove. */
  if (file->temp == NULL && !name_unnamed (file))
    {
      set_io_error (error, file->path, _("cannot write"), errno ? errno : EIO);
      ladder_atomic_file_abort (file);
      return FALSE;
    }
  closed = close (file->fd);
  file->fd = -1;
  if (closed != 0)
    {
      set_io_error (error, file->path, _("cannot write"), errno);
      ladder_atomic_file_abort (file);
      return FALSE;
    }
  if (g_rename (file->temp, file->target) != 0)
    {
      set_io_error (error, file->path, _("cannot replace the file"), errno);
      ladder_atomic_file_abort (file);
      return FALSE;
    }
  g_clear_pointer (&file->temp, g_free);
  sync_directory (file->dir);
  ladder_atomic_file_abort (file);   /* now only frees */
  return TRUE;
}

void
ladder_atomic_file_abort (LadderAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (file->temp != NULL)
    g_unlink (file->temp);
  g_free (file->temp);
  g_free (file->path);
  g_free (file->target);
  g_free (file->dir);
  g_free (file);
}

gboolean
ladder_save_atomic (const char *path,
                    const char *data,
                    gsize       length,
                    GError    **error)
{
  LadderAtomicFile *file;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = ladder_atomic_file_open (path, LADDER_ATOMIC_BACKUP, error);
  if (file == NULL)
    return FALSE;
  ladder_atomic_file_write (file, data, length);
  return ladder_atomic_file_commit (file, error);
}

gboolean
ladder_save_file (LadderChart *chart, const char *path, GError **error)
{
  LadderAtomicFile *file;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A chart (XML or CSV) streams into the file: no whole-file buffer. */
  file = ladder_atomic_file_open (path, LADDER_ATOMIC_BACKUP, error);
  if (file == NULL)
    return FALSE;
  if (ladder_path_is_csv (path))
    ladder_csv_write_stream (chart, ladder_atomic_file_write_func, file);
  else
    ladder_xml_write_stream (chart, ladder_atomic_file_write_func, file);
  return ladder_atomic_file_commit (file, error);
}
