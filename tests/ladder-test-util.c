#include "ladder-test-util.h"
#include "ladder-chart.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static char *tmpdir;

static void
remove_tmpdir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_remove (path);
    }
  g_rmdir (tmpdir);
}

const char *
ladder_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("ladder-test-XXXXXX", NULL);
      g_assert_nonnull (tmpdir);
      atexit (remove_tmpdir);
    }
  return tmpdir;
}

char *
ladder_test_write (const char *name, const char *text)
{
  char *path = g_build_filename (ladder_test_tmpdir (), name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

char *
ladder_test_read (const char *path, gsize *length)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, length, NULL))
    return NULL;
  return text;
}

char *
ladder_test_source_path (const char *relative)
{
  const char *root = g_getenv ("LADDER_SOURCE_DIR");

  return g_build_filename (root ? root : ".", relative, NULL);
}

LadderChart *
ladder_test_wide_chart (guint n_reports)
{
  LadderChart *chart = ladder_chart_new ();
  guint root = ladder_chart_add_person (chart, NULL, "cpo", LADDER_NONE, LADDER_NONE, NULL);

  for (guint i = 0; i < n_reports; i++)
    ladder_chart_add_person (chart, NULL, "pm", root, LADDER_NONE, NULL);
  return chart;
}
