/* ladder-io.c — loading and saving charts by file name
 *
 * Saving is atomic: the data goes to a temporary file beside the target,
 * is synced to disk and then renamed over the target, so that a crash at
 * any moment leaves either the old file or the new one, whole.  The
 * previous version is kept as "PATH~".
 */
#include "config.h"

#include "ladder-io.h"
#include "ladder-import.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
has_extension (const char *path, const char *extension)
{
  gsize path_len = strlen (path), ext_len = strlen (extension);

  return path_len > ext_len
         && g_ascii_strcasecmp (path + path_len - ext_len, extension) == 0;
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

static void
set_io_error (GError **error, const char *path, const char *doing, int saved_errno)
{
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
               "%s: error: %s: %s", path, doing, g_strerror (saved_errno));
}

/* The file a symlink chain at @path ends at (@path itself when it is no
 * link), so that saving replaces the target and leaves the link. */
static char *
resolve_symlinks (const char *path, GError **error)
{
  char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return current;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return current;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }
  g_free (current);
  set_io_error (error, path, _("cannot follow the link"), ELOOP);
  return NULL;
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
  g_autofree char *backup = g_strconcat (target, "~", NULL);

  if (!g_file_test (target, G_FILE_TEST_IS_REGULAR))
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

/* Temporary files are named ".BASE.XXXXXX" beside the target. */
static gboolean
is_temp_of (const char *name, const char *base)
{
  gsize base_len = strlen (base);

  return name[0] == '.'
         && strncmp (name + 1, base, base_len) == 0
         && name[1 + base_len] == '.'
         && strlen (name + 2 + base_len) == 6;
}

/* A save killed between naming its temporary file and renaming it leaves
 * the file behind; the next save of the same target clears it away. */
static void
remove_stale_temps (const char *dir, const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      if (is_temp_of (name, base))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_unlink (path);
        }
    }
}

/* An unnamed file in @dir (O_TMPFILE): killed before it is named, it
 * vanishes with the process.  -1 where the file system cannot. */
static int
open_unnamed (const char *dir)
{
#ifdef O_TMPFILE
  return open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
#else
  return -1;
#endif
}

/* Gives the unnamed file @fd a fresh temporary name in @template. */
static gboolean
name_unnamed (int fd, char *template)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);
  gsize len = strlen (template);
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      for (gsize i = len - 6; i < len; i++)
        template[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      if (linkat (AT_FDCWD, proc, AT_FDCWD, template, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

gboolean
ladder_save_atomic (const char *path,
                    const char *data,
                    gsize       length,
                    GError    **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  gboolean named;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_symlinks (path, error);
  if (target == NULL)
    return FALSE;
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  remove_stale_temps (dir, base);

  fd = open_unnamed (dir);
  named = fd < 0;
  if (named)
    {
      /* 0666 so that the umask applies as for any new file. */
      fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
    }
  if (fd < 0)
    {
      set_io_error (error, path, _("cannot create a file in its folder"), errno);
      return FALSE;
    }
  /* The new version keeps the permissions of the old. */
  if (g_stat (target, &st) == 0)
    fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length) || fsync (fd) != 0
      || (!named && !name_unnamed (fd, temp)))
    {
      int saved_errno = errno;

      close (fd);
      if (named)
        g_unlink (temp);
      set_io_error (error, path, _("cannot write"), saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_io_error (error, path, _("cannot write"), saved_errno);
      return FALSE;
    }

  keep_backup (target);
  if (g_rename (temp, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_io_error (error, path, _("cannot replace the file"), saved_errno);
      return FALSE;
    }
  sync_directory (dir);
  return TRUE;
}

gboolean
ladder_save_file (LadderChart *chart, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (has_extension (path, ".csv"))
    data = ladder_csv_write (chart, &length);
  else
    data = ladder_xml_write (chart, &length);
  return ladder_save_atomic (path, data, length, error);
}
