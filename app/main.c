/* main.c — `ladder`: the headless command line, or else the editor
 *
 * The editor lives in a module (libladder-gui.so) loaded only when a
 * window is wanted, so that --validate and --export start without GTK.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>
#include <stdio.h>

#include "ladder-cli.h"

typedef int (*LadderRunFunc) (int argc, char **argv);

/* Beside the executable in the build tree, else where it is installed. */
static GModule *
open_editor_module (char **tried)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self ? g_path_get_dirname (self) : NULL;
  const char *dirs[] = { dir, LADDER_MODULEDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;
      GModule *module;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], "libladder-gui.so", NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module != NULL)
        return module;
      g_free (*tried);
      *tried = g_strdup (g_module_error ());
    }
  return NULL;
}

/* Run from the build tree (build/app/ladder),
 * the translations are the ones just compiled in build/po, not those of
 * an installed copy, which may be missing or older. */
static void
bind_uninstalled_translations (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *exe_root = exe_dir != NULL ? g_path_get_dirname (exe_dir) : NULL;
  g_autofree char *build_root = g_path_get_dirname (PO_BUILDDIR);

  if (exe_root != NULL && g_str_equal (exe_root, build_root) &&
      g_file_test (PO_BUILDDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
}

int
main (int argc, char **argv)
{
  g_autofree char *problem = NULL;
  LadderRunFunc run = NULL;
  GModule *module;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_uninstalled_translations ();
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --validate, --export, --version and --help never touch GTK, so they
   * work without a display. */
  if (ladder_cli_wants (argc, argv))
    return ladder_cli_run (argc, argv);

  module = open_editor_module (&problem);
  if (module == NULL || !g_module_symbol (module, "ladder_application_run", (gpointer *) &run))
    {
      fprintf (stderr, _("ladder: error: cannot load the editor (%s)\n"),
               problem ? problem : "libladder-gui.so not found");
      return 2;
    }
  /* The module stays loaded for the life of the process. */
  return run (argc, argv);
}
