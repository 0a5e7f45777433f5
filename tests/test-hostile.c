/* test-hostile.c — the second round of hostile files and folders: the
 * atomic writer against links, FIFOs, sockets, devices, size limits and
 * long names */
#include "ladder-test-util.h"

#include "ladder-export.h"
#include "ladder-io.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>

static LadderChart *
small_chart (void)
{
  LadderChart *chart = ladder_chart_new ();
  guint ceo = ladder_chart_add_person (chart, "ceo1", "ceo", LADDER_NONE, LADDER_NONE, NULL);

  ladder_chart_add_person (chart, "cpo1", "cpo", ceo, LADDER_NONE, NULL);
  return chart;
}

/* A fresh folder for one test. */
static char *
make_dir (const char *name)
{
  char *dir = g_build_filename (ladder_test_tmpdir (), name, NULL);

  assert_int_equal (g_mkdir (dir, 0755), 0);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

static mode_t
lstat_mode (const char *path)
{
  GStatBuf st;

  assert_int_equal (g_lstat (path, &st), 0);
  return st.st_mode;
}

/* Saving and each export to @path fail with "@path: error: @what" and
 * leave @dir with @entries entries. */
static void
assert_every_write_refused (const char *dir, const char *stem, const char *what, guint entries)
{
  g_autoptr(LadderChart) chart = small_chart ();
  const char *extensions[] = { "ladder", "csv", "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, extensions[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *expected = g_strdup_printf ("%s: error: %s", path, what);
      g_autoptr(GError) error = NULL;

      assert_false (ladder_export_file (chart, NULL, NULL, path, NULL, &error));
      assert_non_null (error);
      assert_string_equal (error->message, expected);
      assert_int_equal (count_entries (dir), entries);
    }
}

#define NOT_REGULAR "is not a regular file (a FIFO, socket or device); Ladder writes only to regular files"

static void
test_links_to_fifos_are_refused (void **state)
{
  g_autofree char *dir = make_dir ("fifo");
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  const char *extensions[] = { "ladder", "csv", "png", "svg", "pdf" };

  assert_int_equal (mkfifo (fifo, 0600), 0);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", extensions[i]);
      g_autofree char *link = g_build_filename (dir, name, NULL);

      assert_int_equal (symlink ("fifo", link), 0);
    }
  assert_every_write_refused (dir, "out", NOT_REGULAR, 6);
  assert_true (S_ISFIFO (lstat_mode (fifo)));
  /* FIFOs themselves, not through a link. */
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/direct.%s", dir, extensions[i]);

      assert_int_equal (mkfifo (name, 0600), 0);
    }
  assert_every_write_refused (dir, "direct", NOT_REGULAR, 11);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", extensions[i]);
      g_autofree char *link = g_build_filename (dir, name, NULL);

      assert_true (S_ISLNK (lstat_mode (link)));
    }
}

static void
test_links_to_sockets_and_devices_are_refused (void **state)
{
  g_autofree char *dir = make_dir ("socket");
  g_autofree char *socket_path = g_build_filename (dir, "sock", NULL);
  g_autofree char *device = g_build_filename (dir, "null", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  guint entries = 1;
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  assert_true (fd >= 0);
  assert_true (strlen (socket_path) < sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  assert_int_equal (bind (fd, (struct sockaddr *) &address, sizeof address), 0);
  /* A device node only inside the test's folder, and only as root. */
  if (mknod (device, S_IFCHR | 0600, makedev (1, 3)) == 0)
    entries++;
  else
    print_message ("# not root: no device node made\n");
  for (const char *const *ext = (const char *const[]) { "ladder", "csv", "png", "svg", "pdf", NULL };
       *ext != NULL; ext++)
    {
      g_autofree char *to_socket = g_strdup_printf ("%s/sock-link.%s", dir, *ext);
      g_autofree char *to_device = g_strdup_printf ("%s/dev-link.%s", dir, *ext);

      assert_int_equal (symlink ("sock", to_socket), 0);
      entries++;
      if (g_file_test (device, G_FILE_TEST_EXISTS))
        {
          assert_int_equal (symlink ("null", to_device), 0);
          entries++;
        }
    }
  assert_every_write_refused (dir, "sock-link", NOT_REGULAR, entries);
  assert_true (S_ISSOCK (lstat_mode (socket_path)));
  if (g_file_test (device, G_FILE_TEST_EXISTS))
    {
      assert_every_write_refused (dir, "dev-link", NOT_REGULAR, entries);
      assert_true (S_ISCHR (lstat_mode (device)));
    }
  close (fd);
}

static void
test_folders_are_refused (void **state)
{
  g_autofree char *dir = make_dir ("folders");
  const char *extensions[] = { "ladder", "csv", "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/x.%s", dir, extensions[i]);

      assert_int_equal (g_mkdir (name, 0755), 0);
    }
  assert_every_write_refused (dir, "x", "is a folder", 5);
}

/* A dangling link gets its target created; the link stays a link.  A
 * link into a folder that does not exist is an error, and stays too. */
static void
test_dangling_links (void **state)
{
  g_autofree char *dir = make_dir ("dangling");
  g_autoptr(LadderChart) chart = small_chart ();
  const char *extensions[] = { "ladder", "csv", "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *link = g_strdup_printf ("%s/link.%s", dir, extensions[i]);
      g_autofree char *target = g_strdup_printf ("%s/real.%s", dir, extensions[i]);
      g_autofree char *nowhere = g_strdup_printf ("%s/nowhere.%s", dir, extensions[i]);
      g_autofree char *expected = g_strdup_printf ("%s: error: cannot create a file in its folder: "
                                                   "No such file or directory", nowhere);
      g_autoptr(GError) error = NULL;

      assert_int_equal (symlink (target + strlen (dir) + 1, link), 0);
      assert_true (ladder_export_file (chart, NULL, NULL, link, NULL, NULL));
      assert_true (S_ISLNK (lstat_mode (link)));
      assert_true (S_ISREG (lstat_mode (target)));

      assert_int_equal (symlink ("missing-folder/file", nowhere), 0);
      assert_false (ladder_export_file (chart, NULL, NULL, nowhere, NULL, &error));
      assert_string_equal (error->message, expected);
      assert_true (S_ISLNK (lstat_mode (nowhere)));
    }
  assert_int_equal (count_entries (dir), 15);
}

/* Every format keeps the mode of the file it replaces (and the link to
 * it); as root, the owner too. */
static void
test_mode_and_owner_kept (void **state)
{
  g_autofree char *dir = make_dir ("mode");
  g_autoptr(LadderChart) chart = small_chart ();
  const char *extensions[] = { "ladder", "csv", "png", "svg", "pdf" };
  gboolean root = geteuid () == 0;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *target = g_strdup_printf ("%s/private.%s", dir, extensions[i]);
      g_autofree char *link = g_strdup_printf ("%s/link.%s", dir, extensions[i]);
      GStatBuf st;

      assert_true (g_file_set_contents (target, "old", 3, NULL));
      assert_int_equal (g_chmod (target, 0600), 0);
      if (root)
        assert_int_equal (chown (target, 65534, 65534), 0);
      assert_int_equal (symlink (target, link), 0);
      assert_true (ladder_export_file (chart, NULL, NULL, link, NULL, NULL));
      assert_true (S_ISLNK (lstat_mode (link)));
      assert_int_equal (g_stat (target, &st), 0);
      assert_int_equal (st.st_mode & 07777, 0600);
      assert_true (st.st_size > 3);
      if (root)
        {
          assert_int_equal (st.st_uid, 65534);
          assert_int_equal (st.st_gid, 65534);
        }
    }
}

/* With a file-size limit, a write that passes it is an error message,
 * not a SIGXFSZ death, and leaves nothing behind. */
static void
test_file_size_limit_is_a_message (void **state)
{
  g_autofree char *dir = make_dir ("ulimit");
  g_autofree char *path = g_build_filename (dir, "big.svg", NULL);
  int status;
  pid_t pid;

  pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      struct rlimit limit = { 1024, 1024 };
      g_autoptr(LadderChart) chart = ladder_chart_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: error: cannot write: File too large", path);

      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *id = g_strdup_printf ("p%u", i);

          ladder_chart_add_person (chart, id, "pm", LADDER_NONE, LADDER_NONE, NULL);
        }
      signal (SIGXFSZ, SIG_DFL);
      setrlimit (RLIMIT_FSIZE, &limit);
      if (ladder_export_file (chart, NULL, NULL, path, NULL, &error))
        _exit (1);
      _exit (strcmp (error->message, expected) == 0 ? 0 : 2);
    }
  waitpid (pid, &status, 0);
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 0);
  assert_int_equal (count_entries (dir), 0);
}

/* A name of NAME_MAX bytes saves, and so does its backup, cut by one
 * byte to make room for the "~". */
static void
test_longest_names (void **state)
{
  g_autofree char *dir = make_dir ("long");
  g_autofree char *stem = g_strnfill (255 - strlen (".ladder"), 'n');
  g_autofree char *path = g_strdup_printf ("%s/%s.ladder", dir, stem);
  g_autofree char *backup = g_strdup_printf ("%s/%s.ladde~", dir, stem);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (ladder_save_atomic (path, "one\n", 4, &error));
  assert_null (error);
  assert_true (ladder_save_atomic (path, "two\n", 4, &error));
  assert_null (error);
  kept = ladder_test_read (backup, NULL);
  assert_string_equal (kept, "one\n");
  assert_int_equal (count_entries (dir), 2);
}

/* The writer's temporaries older than an hour go at the next write in
 * the folder; younger ones (another writer's, at work) and other files
 * stay. */
static void
test_stale_temporaries_removed (void **state)
{
  g_autofree char *dir = make_dir ("stale");
  g_autofree char *old = g_build_filename (dir, ".ladder-tmp-Ab12cd", NULL);
  g_autofree char *young = g_build_filename (dir, ".ladder-tmp-Xy34zw", NULL);
  g_autofree char *other = g_build_filename (dir, ".ladder-tmp-notmine", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(LadderChart) chart = small_chart ();
  gint64 then = g_get_real_time () / G_USEC_PER_SEC - 61 * 60;
  struct utimbuf times = { then, then };

  assert_true (g_file_set_contents (old, "killed", -1, NULL));
  assert_true (g_file_set_contents (young, "at work", -1, NULL));
  assert_true (g_file_set_contents (other, "user's", -1, NULL));
  assert_int_equal (g_utime (old, &times), 0);
  assert_int_equal (g_utime (other, &times), 0);
  assert_true (ladder_export_file (chart, NULL, NULL, out, NULL, NULL));
  assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  assert_int_equal (count_entries (dir), 3);
}

/* Streaming: many small pieces and one big one come out as written;
 * abort leaves the old file and nothing else. */
static void
test_streamed_writes_and_abort (void **state)
{
  g_autofree char *dir = make_dir ("stream");
  g_autofree char *path = g_build_filename (dir, "out.svg", NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *big = g_strnfill (300000, 'b');
  g_autofree char *now = NULL;
  LadderAtomicFile *file;
  gsize length;

  file = ladder_atomic_file_open (path, LADDER_ATOMIC_NONE, NULL);
  assert_non_null (file);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *piece = g_strdup_printf ("%u,", i);

      assert_true (ladder_atomic_file_write (file, piece, strlen (piece)));
      g_string_append (expected, piece);
    }
  assert_true (ladder_atomic_file_write_func (file, big, 300000));
  g_string_append (expected, big);
  assert_true (ladder_atomic_file_commit (file, NULL));
  now = ladder_test_read (path, &length);
  assert_int_equal (length, expected->len);
  assert_string_equal (now, expected->str);

  file = ladder_atomic_file_open (path, LADDER_ATOMIC_NONE, NULL);
  assert_true (ladder_atomic_file_write (file, "partial", 7));
  ladder_atomic_file_abort (file);
  g_clear_pointer (&now, g_free);
  now = ladder_test_read (path, &length);
  assert_int_equal (length, expected->len);
  assert_int_equal (count_entries (dir), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_links_to_fifos_are_refused),
    cmocka_unit_test (test_links_to_sockets_and_devices_are_refused),
    cmocka_unit_test (test_folders_are_refused),
    cmocka_unit_test (test_dangling_links),
    cmocka_unit_test (test_mode_and_owner_kept),
    cmocka_unit_test (test_file_size_limit_is_a_message),
    cmocka_unit_test (test_longest_names),
    cmocka_unit_test (test_stale_temporaries_removed),
    cmocka_unit_test (test_streamed_writes_and_abort),
  };

  return cmocka_run_group_tests_name ("hostile", tests, NULL, NULL);
}
