/* ladder-cli-private.h — the command line's parts in sibling files
 *
 * ladder-cli.c parses the arguments and hands off; each part prints its
 * own output and returns the exit status.
 */
#pragma once

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-import.h"

#include <stdio.h>

G_BEGIN_DECLS

#define LADDER_EXIT_CLEAN        0
#define LADDER_EXIT_RULE_ERRORS  1
#define LADDER_EXIT_REFUSED      2

/* Every line the command line prints, to a terminal or not (CI logs are
 * read too): @format's output as one line, its trailing newline aside,
 * with control characters escaped (ladder_text_escape), so that no name
 * in a file can forge a line or drive a terminal. */
void         ladder_cli_print_line  (FILE *stream, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Our own text of several lines (the help, JSON), each line as above. */
void         ladder_cli_print_lines (FILE *stream, const char *text);

/* Reads @path as ladder_load_file() does, with the --column and --role
 * choices given to ladder_cli_set_import_options(); its warnings and, on
 * failure, its error go to stderr. */
LadderChart *ladder_cli_load_chart (const char *path, LadderCatalogue *catalogue);
/* For the rest of the run (borrowed; nullable). */
void         ladder_cli_set_import_options (const LadderImportOptions *options);

/* ladder --stats [--format=text|json] FILE */
int          ladder_cli_stats      (const char *path, gboolean json, LadderCatalogue *catalogue);
/* ladder --diff OLD NEW */
int          ladder_cli_diff       (const char *old_path, const char *new_path,
                                    LadderCatalogue *catalogue);

G_END_DECLS
