/* main.c — `ladder`: the headless command line, or else the editor */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ladder-application.h"
#include "ladder-cli.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --validate, --export, --version and --help never touch GTK, so they
   * work without a display. */
  if (ladder_cli_wants (argc, argv))
    return ladder_cli_run (argc, argv);
  return ladder_application_run (argc, argv);
}
