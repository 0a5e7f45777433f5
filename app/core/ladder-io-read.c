/* ladder-io-read.c — reading a whole file in chunks with read()
 *
 * Never mapped: a file that another program truncates while it is read
 * is an error here, where a mapping would die of SIGBUS, and pipes and
 * FIFOs (`ladder --validate <(git show HEAD:team.ladder)`) read like any
 * file.  The caller sees every chunk as it arrives and can refuse the
 * file there, before the rest of it is read.
 */
#include "config.h"

#include "ladder-io.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK_SIZE   (64 * 1024)
#define INITIAL_SIZE (CHUNK_SIZE * 4 + 1)

static void
set_read_error (GError **error, LadderChartError code, const char *path, const char *what)
{
  g_set_error (error, LADDER_CHART_ERROR, code, "%s: error: %s", path, what);
}

static void
set_errno_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, LADDER_CHART_ERROR,
               saved_errno == ENOENT ? LADDER_CHART_ERROR_NOT_FOUND : LADDER_CHART_ERROR_IO,
               "%s: error: %s", path,
               saved_errno == ENOENT ? _("no such file")
               : saved_errno == EISDIR ? _("is a folder")
               : g_strerror (saved_errno));
}

char *
ladder_read_file (const char    *path,
                  gsize         *length,
                  LadderReadFunc check,
                  gpointer       user_data,
                  GError       **error)
{
  g_autofree char *data = NULL;
  gsize size = 0, allocated;
  gboolean regular;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, path, errno);
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      set_errno_error (error, path, EISDIR);
      close (fd);
      return NULL;
    }
  regular = S_ISREG (st.st_mode);
  if (regular && (guint64) st.st_size > LADDER_READ_MAX)
    {
      set_read_error (error, LADDER_CHART_ERROR_IO, path, _("the file is too large to read (over 2 GB)"));
      close (fd);
      return NULL;
    }
  /* The buffer grows as the bytes come (glibc moves big blocks with
   * mremap, without copying): a file refused at its first chunk never
   * costs its size. */
  allocated = INITIAL_SIZE;
  data = g_malloc (allocated);

  for (;;)
    {
      gssize got;

      if (allocated - size < CHUNK_SIZE + 1)
        {
          allocated = MIN (allocated * 2, (gsize) LADDER_READ_MAX + CHUNK_SIZE + 1);
          /* No more than the file's size, unless it grows meanwhile. */
          if (regular && size < (gsize) st.st_size)
            allocated = MIN (allocated, (gsize) st.st_size + CHUNK_SIZE + 1);
          data = g_realloc (data, allocated);
        }
      got = read (fd, data + size, CHUNK_SIZE);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          set_errno_error (error, path, errno);
          close (fd);
          return NULL;
        }
      if (got == 0)
        break;
      size += got;
      if (size > LADDER_READ_MAX)
        {
          set_read_error (error, LADDER_CHART_ERROR_IO, path, _("the file is too large to read (over 2 GB)"));
          close (fd);
          return NULL;
        }
      if (check != NULL && !check (data, size - got, got, user_data, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  if (regular && size < (gsize) st.st_size)
    {
      set_read_error (error, LADDER_CHART_ERROR_IO, path,
                      _("the file shrank while it was read (is another program writing it?)"));
      return NULL;
    }
  data[size] = '\0';
  *length = size;
  return g_steal_pointer (&data);
}
