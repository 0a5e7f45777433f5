/* test-hostile.c — the second round of hostile files and folders: the
 * atomic writer against links, FIFOs, sockets, devices, size limits and
 * long names */
#include "ladder-test-util.h"

#include "ladder-chart-private.h"
#include "ladder-export.h"
#include "ladder-io.h"
#include "ladder-text.h"
#include "ladder-validate.h"

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

/* Every format Ladder writes: charts, pictures, other tools' formats. */
static const char *const formats[] = {
  "ladder", "csv", "png", "svg", "pdf", "json", "graphml", "drawio", "dot", "mmd",
};
#define N_FORMATS G_N_ELEMENTS (formats)

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

  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, formats[i]);
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

  assert_int_equal (mkfifo (fifo, 0600), 0);
  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", formats[i]);
      g_autofree char *link = g_build_filename (dir, name, NULL);

      assert_int_equal (symlink ("fifo", link), 0);
    }
  assert_every_write_refused (dir, "out", NOT_REGULAR, 1 + N_FORMATS);
  assert_true (S_ISFIFO (lstat_mode (fifo)));
  /* FIFOs themselves, not through a link. */
  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/direct.%s", dir, formats[i]);

      assert_int_equal (mkfifo (name, 0600), 0);
    }
  assert_every_write_refused (dir, "direct", NOT_REGULAR, 1 + 2 * N_FORMATS);
  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", formats[i]);
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
  for (const char *const *ext = formats;
       ext < formats + N_FORMATS; ext++)
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

  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/x.%s", dir, formats[i]);

      assert_int_equal (g_mkdir (name, 0755), 0);
    }
  assert_every_write_refused (dir, "x", "is a folder", N_FORMATS);
}

/* A dangling link gets its target created; the link stays a link.  A
 * link into a folder that does not exist is an error, and stays too. */
static void
test_dangling_links (void **state)
{
  g_autofree char *dir = make_dir ("dangling");
  g_autoptr(LadderChart) chart = small_chart ();

  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *link = g_strdup_printf ("%s/link.%s", dir, formats[i]);
      g_autofree char *target = g_strdup_printf ("%s/real.%s", dir, formats[i]);
      g_autofree char *nowhere = g_strdup_printf ("%s/nowhere.%s", dir, formats[i]);
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
  assert_int_equal (count_entries (dir), 3 * N_FORMATS);
}

/* Every format keeps the mode of the file it replaces (and the link to
 * it); as root, the owner too. */
static void
test_mode_and_owner_kept (void **state)
{
  g_autofree char *dir = make_dir ("mode");
  g_autoptr(LadderChart) chart = small_chart ();
  gboolean root = geteuid () == 0;

  for (guint i = 0; i < N_FORMATS; i++)
    {
      g_autofree char *target = g_strdup_printf ("%s/private.%s", dir, formats[i]);
      g_autofree char *link = g_strdup_printf ("%s/link.%s", dir, formats[i]);
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
test_forked_file_size_limit_is_a_message (void **state)
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

/* A writer killed while it writes leaves nothing: its file has no name
 * until commit (O_TMPFILE).  Before, a killed export left its 170 MB
 * ".NAME.XXXXXX" for good. */
static void
test_forked_killed_writer_leaves_nothing (void **state)
{
  g_autofree char *dir = make_dir ("killed");
  g_autofree char *path = g_build_filename (dir, "big.svg", NULL);
  int ready[2];
  char byte;
  pid_t pid;

  assert_int_equal (pipe (ready), 0);
  pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      LadderAtomicFile *file = ladder_atomic_file_open (path, LADDER_ATOMIC_NONE, NULL);
      g_autofree char *chunk = g_strnfill (1024 * 1024, 's');

      close (ready[0]);
      for (guint i = 0; file != NULL && i < 8; i++)
        ladder_atomic_file_write (file, chunk, 1024 * 1024);
      if (write (ready[1], "w", 1) != 1)
        _exit (3);
      pause ();
      _exit (0);
    }
  close (ready[1]);
  assert_int_equal (read (ready[0], &byte, 1), 1);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (ready[0]);
  assert_int_equal (count_entries (dir), 0);
}

/* ---- reading ---- */

#define CHART_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orgchart version=\"1\">\n"

/* A chart of @n people, @n > 0. */
static char *
chart_text (guint n)
{
  GString *text = g_string_new (CHART_HEAD "  <person id=\"p0\" role=\"ceo\"/>\n");

  for (guint i = 1; i < n; i++)
    g_string_append_printf (text, "  <person id=\"p%u\" role=\"pm\" manager=\"p0\"/>\n", i);
  g_string_append (text, "</orgchart>\n");
  return g_string_free (text, FALSE);
}

static void
assert_read_refused (const char *path, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_load_file (path, NULL, NULL, &error);

  assert_null (chart);
  assert_non_null (error);
  assert_string_equal (error->message, expected);
}

static gboolean
truncate_after_first_chunk (const char *data, gsize offset, gsize length,
                            gpointer user_data, GError **error)
{
  if (offset == 0)
    assert_int_equal (truncate (user_data, offset + length + 100), 0);
  return TRUE;
}

/* Another program cuts the file while it is read: an error, not SIGBUS. */
static void
test_shrinking_file_is_an_error (void **state)
{
  g_autofree char *text = chart_text (20000);
  g_autofree char *path = ladder_test_write ("shrinking.ladder", text);
  g_autofree char *expected = g_strdup_printf (
    "%s: error: the file shrank while it was read (is another program writing it?)", path);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *data;

  assert_true (strlen (text) > 4 * 64 * 1024);
  data = ladder_read_file (path, &length, truncate_after_first_chunk, path, &error);
  assert_null (data);
  assert_string_equal (error->message, expected);
}

typedef struct {
  int         fd;      /* or -1: open path */
  const char *path;
  const char *text;
} Feeder;

static gpointer
feed (gpointer data)
{
  Feeder *feeder = data;
  int fd = feeder->fd >= 0 ? feeder->fd : open (feeder->path, O_WRONLY);
  gsize left = strlen (feeder->text);
  const char *p = feeder->text;

  g_assert_true (fd >= 0);
  while (left > 0)
    {
      /* Small pieces, so that reads see partial chunks. */
      gssize n = write (fd, p, MIN (left, 1000));

      g_assert_true (n > 0);
      p += n;
      left -= n;
    }
  close (fd);
  return NULL;
}

/* Input may be a pipe (`ladder --validate <(cat x.ladder)`) or a FIFO. */
static void
test_pipes_and_fifos_are_read (void **state)
{
  g_autofree char *text = chart_text (5000);
  g_autofree char *fifo = g_build_filename (ladder_test_tmpdir (), "in.ladder", NULL);
  int ends[2];

  assert_int_equal (pipe (ends), 0);
  {
    Feeder feeder = { ends[1], NULL, text };
    g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", ends[0]);
    GThread *thread = g_thread_new ("pipe", feed, &feeder);
    g_autoptr(GError) error = NULL;
    g_autoptr(LadderChart) chart = ladder_xml_read_file (path, &error);

    g_thread_join (thread);
    close (ends[0]);
    assert_null (error);
    assert_int_equal (ladder_chart_get_n_people (chart), 5000);
  }
  assert_int_equal (mkfifo (fifo, 0600), 0);
  {
    Feeder feeder = { -1, fifo, text };
    GThread *thread = g_thread_new ("fifo", feed, &feeder);
    g_autoptr(GError) error = NULL;
    g_autoptr(LadderChart) chart = ladder_load_file (fifo, NULL, NULL, &error);

    g_thread_join (thread);
    assert_null (error);
    assert_int_equal (ladder_chart_get_n_people (chart), 5000);
  }
}

static void
test_folders_are_not_read (void **state)
{
  g_autofree char *xml = g_build_filename (ladder_test_tmpdir (), "folder.ladder", NULL);
  g_autofree char *csv = g_build_filename (ladder_test_tmpdir (), "folder.csv", NULL);
  g_autofree char *xml_expected = g_strdup_printf ("%s: error: is a folder", xml);
  g_autofree char *csv_expected = g_strdup_printf ("%s: error: is a folder", csv);

  assert_int_equal (g_mkdir (xml, 0755), 0);
  assert_int_equal (g_mkdir (csv, 0755), 0);
  assert_read_refused (xml, xml_expected);
  assert_read_refused (csv, csv_expected);
}

static glong
peak_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A 1 GB file of zeros (sparse), or a chart start followed by zeros, is
 * refused at its first chunk: the peak memory hardly moves. */
static void
test_huge_sparse_files_fail_early (void **state)
{
  const gint64 size = 1024 * 1024 * 1024;
  g_autofree char *zeros = g_build_filename (ladder_test_tmpdir (), "zeros.ladder", NULL);
  g_autofree char *tail = ladder_test_write ("tail.ladder", CHART_HEAD "  <person id=\"a\" role=\"ceo\"/>\n");
  g_autofree char *zeros_expected = g_strdup_printf (
    "%s:1: error: the file starts with NUL bytes; it is not a text file", zeros);
  g_autofree char *tail_expected = g_strdup_printf ("%s:4: error: the file contains a NUL byte", tail);
  glong before;

  assert_int_equal (truncate (tail, size), 0);
  assert_true (g_file_set_contents (zeros, "", 0, NULL));
  assert_int_equal (truncate (zeros, size), 0);
  before = peak_kb ();
  assert_read_refused (zeros, zeros_expected);
  assert_read_refused (tail, tail_expected);
  print_message ("# peak memory grew by %ld KB reading two 1 GB sparse files\n", peak_kb () - before);
  assert_true (peak_kb () - before < 16 * 1024);
  g_unlink (zeros);
  g_unlink (tail);
}

static void
assert_memory_refused (const char *bytes, gsize length, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (bytes, length, "t.ladder", &error);

  assert_null (chart);
  assert_non_null (error);
  assert_string_equal (error->message, expected);
}

/* Foreign encodings are named, as the CSV reader names UTF-16. */
static void
test_encodings_named (void **state)
{
  static const struct { const char *bytes; gsize length; const char *what; } cases[] = {
    { "\xFF\xFE<\0o\0", 6, "the file is UTF-16; save it as UTF-8" },
    { "\xFE\xFF\0<\0o", 6, "the file is UTF-16; save it as UTF-8" },
    { "<\0o\0r\0", 6, "the file is UTF-16; save it as UTF-8" },
    { "\0<\0o\0r", 6, "the file is UTF-16; save it as UTF-8" },
    { "\xFF\xFE\0\0<\0\0\0", 8, "the file is UCS-4 (UTF-32); save it as UTF-8" },
    { "\0\0\xFE\xFF\0\0\0<", 8, "the file is UCS-4 (UTF-32); save it as UTF-8" },
    { "\0\0\0<\0\0\0o", 8, "the file is UCS-4 (UTF-32); save it as UTF-8" },
    { "<\0\0\0o\0\0\0", 8, "the file is UCS-4 (UTF-32); save it as UTF-8" },
    { "\0\0\0\0<orgchart/>", 15, "the file starts with NUL bytes; it is not a text file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup_printf ("t.ladder:1: error: %s", cases[i].what);

      assert_memory_refused (cases[i].bytes, cases[i].length, expected);
    }
}

/* Old Mac line ends (CR alone) count as lines, in errors and findings. */
static void
test_cr_line_ends_counted (void **state)
{
  const char *text = "<?xml version=\"1.0\"?>\r<orgchart version=\"1\">\r"
                     "  <person id=\"a\" role=\"ceo\"/>\r"
                     "  <person id=\"b\" role=\"pm\" manager=\"nobody\"/>\r</orgchart>\r";
  const char *mixed = "<?xml version=\"1.0\"?>\r\n<orgchart version=\"1\">\r"
                      "  <person id=\"a\" role=\"ceo\"/>\n\r"
                      "  <person id=\"b\" role=\"pm\"/>\r\n</orgchart>\x01";

  assert_memory_refused (text, strlen (text),
                         "t.ladder:4: error: the manager of “b” is “nobody”, who is not on the chart");
  assert_memory_refused (mixed, strlen (mixed), "t.ladder:6: error: not well-formed XML: "
                         "Extra content at the end of the document");
}

/* libxml2 stops at 10 MB in one value; said plainly, at its line. */
static void
test_huge_attribute_named (void **state)
{
  GString *text = g_string_new (CHART_HEAD "  <person id=\"a\" role=\"ceo\"\n          name=\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;

  for (guint i = 0; i < 10500000 / 50; i++)
    g_string_append (text, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\"/>\n</orgchart>\n");
  chart = ladder_xml_read_memory (text->str, text->len, "t.ladder", &error);
  assert_null (chart);
  assert_string_equal (error->message, "t.ladder:4: error: an attribute value is over 10 MB long; "
                                       "Ladder reads values up to 10 MB");
  g_string_free (text, TRUE);
}

typedef struct {
  GString *bytes;
  gsize    largest;
  guint    pieces;
} Collected;

static gboolean
collect (gpointer closure, const char *data, gsize length)
{
  Collected *collected = closure;

  g_string_append_len (collected->bytes, data, length);
  collected->largest = MAX (collected->largest, length);
  collected->pieces++;
  return TRUE;
}

/* A save streams the chart in pieces of about 64 KB: the same bytes as
 * the whole-buffer writer, never the whole file at once. */
static void
test_save_streams (void **state)
{
  g_autofree char *text = chart_text (20000);
  g_autoptr(LadderChart) chart = ladder_xml_read_memory (text, strlen (text), "t.ladder", NULL);
  g_autofree char *whole = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "streamed.ladder", NULL);
  Collected collected = { g_string_new (NULL), 0, 0 };
  gsize length = 0, saved_length = 0;

  whole = ladder_xml_write (chart, &length);
  assert_true (length > 10 * 64 * 1024);
  assert_true (ladder_xml_write_stream (chart, collect, &collected));
  assert_int_equal (collected.bytes->len, length);
  assert_memory_equal (collected.bytes->str, whole, length);
  assert_true (collected.largest < 64 * 1024 + 1024);
  assert_int_equal (collected.pieces, length / (64 * 1024) + 1);
  assert_true (ladder_save_file (chart, path, NULL));
  saved = ladder_test_read (path, &saved_length);
  assert_int_equal (saved_length, length);
  assert_memory_equal (saved, whole, length);
  g_string_free (collected.bytes, TRUE);
}

/* A chart of @n people, each with a note of about 1 KB. */
static LadderChart *
chart_with_notes (guint n)
{
  LadderChart *chart = ladder_chart_new ();
  g_autofree char *filler = g_strnfill (1000, 'x');
  guint ceo = ladder_chart_add_person (chart, "p0", "ceo", LADDER_NONE, LADDER_NONE, NULL);

  for (guint i = 1; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *note = g_strdup_printf ("note %u, %s", i, filler);
      guint person = ladder_chart_add_person (chart, id, "pm", ceo, LADDER_NONE, NULL);

      ladder_chart_set_note (chart, person, note);
    }
  return chart;
}

/* A CSV save streams too: the rows go out in blocks of about 64 KB, the
 * same bytes as ladder_csv_write(), and saving a 19 MB file raises the
 * peak memory of a fresh process by far less than the file's size. */
static void
test_csv_save_streams (void **state)
{
  g_autoptr(LadderChart) chart = chart_with_notes (20000);
  g_autofree char *path = g_build_filename (ladder_test_tmpdir (), "streamed.csv", NULL);
  g_autofree char *whole = NULL;
  g_autofree char *saved = NULL;
  Collected collected = { g_string_new (NULL), 0, 0 };
  gsize length = 0, saved_length = 0;
  int status = 0;
  pid_t child;

  whole = ladder_csv_write (chart, &length);
  assert_true (length > 19 * 1024 * 1024);
  assert_true (ladder_csv_write_stream (chart, collect, &collected));
  assert_int_equal (collected.bytes->len, length);
  assert_memory_equal (collected.bytes->str, whole, length);
  assert_true (collected.largest >= 64 * 1024);
  assert_true (collected.largest < 64 * 1024 + 2048);
  assert_true (collected.pieces >= length / (64 * 1024 + 2048));
  assert_true (collected.pieces <= length / (64 * 1024) + 1);
  g_string_free (collected.bytes, TRUE);
  g_clear_pointer (&whole, g_free);

  /* In a child, whose peak starts at its size now: nothing earlier in
   * this process can hide the growth. */
  child = fork ();
  assert_true (child >= 0);
  if (child == 0)
    {
      glong before = peak_kb ();
      gboolean ok = ladder_save_file (chart, path, NULL);
      glong grown = peak_kb () - before;

      print_message ("# peak memory grew by %ld KB saving a %" G_GSIZE_FORMAT " KB CSV\n",
                     grown, length / 1024);
      fflush (stdout);
      _exit (ok && grown < 4 * 1024 ? 0 : 1);
    }
  assert_int_equal (waitpid (child, &status, 0), child);
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 0);

  whole = ladder_csv_write (chart, &length);
  saved = ladder_test_read (path, &saved_length);
  assert_int_equal (saved_length, length);
  assert_memory_equal (saved, whole, length);
  g_unlink (path);
}

/* The one check for CSV by name, in any case (the window's imports,
 * saves and recent files use it). */
static void
test_path_is_csv (void **state)
{
  assert_true (ladder_path_is_csv ("team.csv"));
  assert_true (ladder_path_is_csv ("team.Csv"));
  assert_true (ladder_path_is_csv ("/a/b/TEAM.CSV"));
  assert_true (ladder_path_is_csv ("file:///a/team.cSv"));
  assert_false (ladder_path_is_csv ("team.csvx"));
  assert_false (ladder_path_is_csv ("team.ladder"));
  assert_false (ladder_path_is_csv ("csv"));
  assert_false (ladder_path_is_csv (".csv"));
}

/* ---- text shown to users ---- */

static void
assert_escaped (const char *text, const char *expected)
{
  g_autofree char *escaped = ladder_text_escape (text);

  assert_string_equal (escaped, expected);
}

static void
test_escape_controls (void **state)
{
  assert_escaped ("plain Zoë → Ångström", "plain Zoë → Ångström");
  assert_escaped ("a\nb\rc\td", "a\\nb\\rc\\td");
  assert_escaped ("\x01\x1b[2J\x7f", "\\x01\\x1B[2J\\x7F");
  assert_escaped ("\xc2\x9b" "31m\xc2\x85", "\\u009B31m\\u0085");
  assert_escaped ("x\xe2\x80\xaey\xe2\x81\xa6z\xe2\x81\xa9", "x\\u202Ey\\u2066z\\u2069");
  assert_escaped ("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa7\xe2\x81\xa8",
                  "\\u202A\\u202B\\u202C\\u202D\\u2067\\u2068");
  assert_escaped ("line\xe2\x80\xa8sep\xe2\x80\xa9", "line\\u2028sep\\u2029");
  assert_escaped ("bad \xff\xfe byte \xe2\x80", "bad \\xFF\\xFE byte \\xE2\\x80");
  /* Right next to the escaped ones, and themselves printable. */
  assert_escaped ("\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa", "\\u2029\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa");
}

static void
test_shorten (void **state)
{
  g_autofree char *same = ladder_text_shorten ("abc", 3);
  g_autofree char *cut = ladder_text_shorten ("abcd", 3);
  g_autofree char *wide = ladder_text_shorten ("ÅÅÅÅ", 3);
  g_autofree char *bad = ladder_text_shorten ("ab\xff" "cd", 10);
  g_autofree char *huge_text = g_strnfill (90000, 'x');
  g_autofree char *huge = ladder_text_shorten (huge_text, LADDER_TEXT_MESSAGE_MAX);

  assert_string_equal (same, "abc");
  assert_string_equal (cut, "ab…");
  assert_string_equal (wide, "ÅÅ…");
  assert_string_equal (bad, "ab…");
  assert_int_equal (g_utf8_strlen (huge, -1), LADDER_TEXT_MESSAGE_MAX);
  assert_true (g_str_has_suffix (huge, "x…"));
}

/* ---- costs: counts, not time ---- */

#define MANY_DOTTED 200000

/* 200,000 dotted lines on one person: each checked once for a second
 * line to the same person (was every pair: 2·10^10 looks, 24 s). */
static void
test_many_dotted_lines_linear (void **state)
{
  GString *xml = g_string_new (CHART_HEAD "  <person id=\"boss\" role=\"ceo\">\n");
  GString *csv = g_string_new ("id,role,manager,dotted\nboss,ceo,,");
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  gsize before;
  guint n = 0;

  for (guint i = 0; i < MANY_DOTTED; i++)
    {
      g_string_append_printf (xml, "    <dotted-line to=\"p%u\"/>\n", i);
      g_string_append_printf (csv, "%sp%u", i > 0 ? " " : "", i);
    }
  g_string_append (xml, "  </person>\n");
  g_string_append_c (csv, '\n');
  for (guint i = 0; i < MANY_DOTTED; i++)
    {
      g_string_append_printf (xml, "  <person id=\"p%u\" role=\"pm\" manager=\"boss\"/>\n", i);
      g_string_append_printf (csv, "p%u,pm,boss,\n", i);
    }
  g_string_append (xml, "</orgchart>\n");

  before = ladder_dotted_seen_get_total_checks ();
  chart = ladder_xml_read_memory (xml->str, xml->len, "t.ladder", &error);
  assert_null (error);
  ladder_chart_get_dotted_lines (chart, ladder_chart_lookup (chart, "boss"), &n);
  assert_int_equal (n, MANY_DOTTED);
  assert_int_equal (ladder_dotted_seen_get_total_checks () - before, MANY_DOTTED);

  csv_path = ladder_test_write ("dotted.csv", csv->str);
  before = ladder_dotted_seen_get_total_checks ();
  imported = ladder_load_file (csv_path, NULL, NULL, &error);
  assert_null (error);
  ladder_chart_get_dotted_lines (imported, ladder_chart_lookup (imported, "boss"), &n);
  assert_int_equal (n, MANY_DOTTED);
  assert_int_equal (ladder_dotted_seen_get_total_checks () - before, MANY_DOTTED);
  g_string_free (xml, TRUE);
  g_string_free (csv, TRUE);
}

/* The check still finds a second line to the same person. */
static void
test_second_dotted_line_refused (void **state)
{
  const char *text = CHART_HEAD "  <person id=\"a\" role=\"ceo\">\n    <dotted-line to=\"b\"/>\n"
                     "    <dotted-line to=\"c\"/>\n    <dotted-line to=\"b\"/>\n  </person>\n"
                     "  <person id=\"b\" role=\"pm\" manager=\"a\">\n    <dotted-line to=\"c\"/>\n  </person>\n"
                     "  <person id=\"c\" role=\"pm\" manager=\"a\"/>\n</orgchart>\n";

  assert_memory_refused (text, strlen (text), "t.ladder:6: error: “a” has a second dotted line to “b”");
}

/* A rules file whose message repeats {person} 100,000 times (800 KB):
 * each finding's message stops at LADDER_TEXT_MESSAGE_MAX characters
 * (it was 2 MB each, 600 MB for 300 people; at 2.8 MB and 3,000 people,
 * gigabytes). */
static void
test_rule_messages_bounded (void **state)
{
  GString *rules = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules version=\"1\">\n"
                                 "  <role id=\"pm\" level=\"2\" product-team=\"yes\" color=\"#0000aa\">"
                                 "<name>PM</name></role>\n"
                                 "  <rule id=\"needs-manager\" severity=\"warning\" check=\"has-manager\" "
                                 "subjects=\"@all\">\n    <summary>x</summary>\n    <message>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LadderCatalogue) catalogue = NULL;
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(GError) error = NULL;
  gsize total = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append (rules, "{person}");
  g_string_append (rules, "</message>\n  </rule>\n</rules>\n");
  bytes = g_bytes_new_take (rules->str, rules->len);
  g_string_free (rules, FALSE);
  catalogue = ladder_catalogue_new_from_bytes (bytes, "amp.xml", &error);
  assert_null (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person number %05u", i);
      guint person = ladder_chart_add_person (chart, id, "pm", LADDER_NONE, LADDER_NONE, NULL);

      ladder_chart_set_name (chart, person, name);
    }
  findings = ladder_validate (chart, catalogue);
  assert_int_equal (ladder_findings_get_n (findings), 300);
  for (guint i = 0; i < 300; i++)
    {
      const char *message = ladder_findings_get (findings, i)->message;

      assert_int_equal (g_utf8_strlen (message, -1), LADDER_TEXT_MESSAGE_MAX);
      assert_true (g_str_has_suffix (message, "…"));
      total += strlen (message);
    }
  assert_int_equal (total, 300 * (LADDER_TEXT_MESSAGE_MAX - 1 + strlen ("…")));
}

/* A rules file's refusal quoting 70 KB of it is cut like the others. */
static void
test_rules_refusal_bounded (void **state)
{
  g_autofree char *placeholder = g_strnfill (70000, 'q');
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<rules version=\"1\">\n"
    " <role id=\"pm\" level=\"1\" color=\"#000000\"><name>x</name></role>\n"
    " <rule id=\"x\" severity=\"error\" check=\"has-manager\" subjects=\"pm\"><summary>s</summary>"
    "<message>{%s}</message></rule>\n</rules>\n", placeholder);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = ladder_catalogue_new_from_bytes (bytes, "big.xml", &error);
  const char *prefix = "big.xml:4: error: unknown placeholder in message: {qqq";

  assert_null (catalogue);
  assert_true (g_str_has_prefix (error->message, prefix));
  assert_int_equal (g_utf8_strlen (error->message, -1), strlen ("big.xml:4: error: ") + LADDER_TEXT_MESSAGE_MAX);
  assert_true (g_str_has_suffix (error->message, "q…"));
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
    cmocka_unit_test (test_forked_file_size_limit_is_a_message),
    cmocka_unit_test (test_longest_names),
    cmocka_unit_test (test_stale_temporaries_removed),
    cmocka_unit_test (test_streamed_writes_and_abort),
    cmocka_unit_test (test_forked_killed_writer_leaves_nothing),
    cmocka_unit_test (test_shrinking_file_is_an_error),
    cmocka_unit_test (test_pipes_and_fifos_are_read),
    cmocka_unit_test (test_folders_are_not_read),
    cmocka_unit_test (test_huge_sparse_files_fail_early),
    cmocka_unit_test (test_encodings_named),
    cmocka_unit_test (test_cr_line_ends_counted),
    cmocka_unit_test (test_huge_attribute_named),
    cmocka_unit_test (test_save_streams),
    cmocka_unit_test (test_csv_save_streams),
    cmocka_unit_test (test_path_is_csv),
    cmocka_unit_test (test_escape_controls),
    cmocka_unit_test (test_shorten),
    cmocka_unit_test (test_many_dotted_lines_linear),
    cmocka_unit_test (test_second_dotted_line_refused),
    cmocka_unit_test (test_rule_messages_bounded),
    cmocka_unit_test (test_rules_refusal_bounded),
  };

  /* Forked children leave with _exit(), which valgrind counts as leaks
   * (see test-save.c). */
  if (g_getenv ("LADDER_VALGRIND"))
    cmocka_set_skip_filter ("test_forked_*");
  return cmocka_run_group_tests_name ("hostile", tests, NULL, NULL);
}
