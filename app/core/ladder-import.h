/* ladder-import.h — opening every kind of input (SPEC, second part, "Import")
 *
 * A file is a chart (.ladder, .xml), delimited text (.csv, .tsv, .txt) or
 * JSON (.json), chosen by its extension; with another extension or none
 * (a pipe, a "team.ladder~" backup) by its content.  Formats Ladder does
 * not read (.xlsx, .graphml, .drawio, .vsdx) are refused with one line
 * that names them.
 *
 * Errors are "FILE:LINE: error: WHAT" in LADDER_CHART_ERROR; warnings,
 * collected in a nullable GPtrArray of strings, "FILE[:LINE]: warning: WHAT".
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"

G_BEGIN_DECLS

typedef enum {
  LADDER_FILE_FORMAT_UNKNOWN,   /* decide from the content */
  LADDER_FILE_FORMAT_CHART,     /* Ladder's XML */
  LADDER_FILE_FORMAT_DELIMITED, /* CSV, TSV, ... */
  LADDER_FILE_FORMAT_JSON,
} LadderFileFormat;

/* What the command line's --column and --role (and the window's import
 * dialog) choose by hand. */
typedef struct _LadderImportOptions LadderImportOptions;

LadderImportOptions *ladder_import_options_new        (void);
void                 ladder_import_options_free       (LadderImportOptions *options);
/* "FIELD=HEADER": the column HEADER holds FIELD (id, manager, name,
 * firstname, lastname, title, role, email, vacant, note, assistant,
 * dotted).  FALSE with a one-line message when FIELD is unknown. */
gboolean             ladder_import_options_add_column (LadderImportOptions *options,
                                                       const char *field_is_header,
                                                       GError **error);
/* "TITLE=ROLE": people with that title (any case) get ROLE, a role id or
 * display name of @catalogue.  FALSE with a message when ROLE is none. */
gboolean             ladder_import_options_add_role   (LadderImportOptions *options,
                                                       const char *title_is_role,
                                                       LadderCatalogue *catalogue,
                                                       GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderImportOptions, ladder_import_options_free)

/* The format by @path's extension, case-insensitively;
 * LADDER_FILE_FORMAT_UNKNOWN for any other.  Refused formats set @error. */
LadderFileFormat ladder_import_format_for_path (const char *path, GError **error);

/* @options and @catalogue are nullable (none; the built-in catalogue). */
LadderChart *ladder_import_file   (const char *path, LadderCatalogue *catalogue,
                                   const LadderImportOptions *options,
                                   GPtrArray *warnings, GError **error);
LadderChart *ladder_import_memory (const char *data, gsize length, const char *display_name,
                                   LadderFileFormat format, LadderCatalogue *catalogue,
                                   const LadderImportOptions *options,
                                   GPtrArray *warnings, GError **error);

/* The JSON reader alone (flat arrays and nested "children" objects). */
LadderChart *ladder_json_read_memory (const char *data, gsize length, const char *display_name,
                                      LadderCatalogue *catalogue,
                                      const LadderImportOptions *options,
                                      GPtrArray *warnings, GError **error);

G_END_DECLS
