/* ladder-cli.h — the headless command line: --validate, --export, --version, --help
 *
 * Runs without a display: nothing here initialises GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @argv has an option other than the editor's --rules
 * (--validate, --export, --version, --help, or one that no one knows,
 * which the command line refuses with exit 2); otherwise the GUI should
 * run. */
gboolean ladder_cli_wants (int argc, char **argv);

/* Does the work and returns the exit status: 0 when no rule error was
 * found, 1 when one was, 2 when a file could not be read or the
 * arguments are wrong. */
int      ladder_cli_run   (int argc, char **argv);

G_END_DECLS
