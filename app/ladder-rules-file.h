/* ladder-rules-file.h — the rules file the window uses (main menu)
 *
 * app.rules-file chooses a rules file (docs/RULES-FORMAT.md) for every
 * window; app.builtin-rules goes back to the built-in rules.  The choice
 * is remembered (GSettings "rules-file") and used again at the next
 * start, unless --rules is given on the command line.
 */
#pragma once

#include "ladder-application.h"

G_BEGIN_DECLS

void     ladder_rules_file_add_actions (LadderApplication *app);
/* At startup, when no --rules was given: the remembered rules file.  One
 * that cannot be read any more is said on stderr; the built-in rules are
 * used then. */
void     ladder_rules_file_restore     (LadderApplication *app);
/* Checks every window's chart against the rules file @path (NULL: the
 * built-in rules) and remembers it.  A file that cannot be read changes
 * nothing: FALSE and @error, "FILE:LINE: error: ...". */
gboolean ladder_rules_file_use         (LadderApplication *app, const char *path, GError **error);

G_END_DECLS
