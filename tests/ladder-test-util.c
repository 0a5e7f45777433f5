#include "ladder-test-util.h"
#include "ladder-chart.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

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

void
ladder_test_run_clear (LadderTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_ladder_va (LadderTestRun *run, const char *language, va_list args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("LADDER_BINARY");
  const char *arg;
  int wait_status;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", g_str_equal (language, "C") ? "C" : "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
ladder_test_run_ladder (LadderTestRun *run, ...)
{
  va_list args;

  va_start (args, run);
  run_ladder_va (run, "C", args);
  va_end (args);
}

void
ladder_test_run_ladder_in (LadderTestRun *run, const char *language, ...)
{
  va_list args;

  va_start (args, language);
  run_ladder_va (run, language, args);
  va_end (args);
}

guint
ladder_test_add (LadderChart *chart, const char *id, const char *role, guint manager)
{
  g_autoptr(GError) error = NULL;
  guint p = ladder_chart_add_person (chart, id, role, manager, LADDER_NONE, &error);

  assert_null (error);
  assert_int_not_equal (p, LADDER_NONE);
  return p;
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

guint
ladder_test_count_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (ladder_test_tmpdir (), 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

char *
ladder_test_without_date (char *data)
{
  char *date = strstr (data, "/CreationDate");

  if (date != NULL)
    memset (date, ' ', strcspn (date, "\n"));
  return data;
}
