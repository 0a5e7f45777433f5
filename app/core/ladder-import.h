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

#include <gio/gio.h>

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
/* A copy another thread can read while @options changes. */
LadderImportOptions *ladder_import_options_copy       (const LadderImportOptions *options);
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

/* The fields a column can hold, in the order of --column's list. */
typedef enum {
  LADDER_IMPORT_ID,
  LADDER_IMPORT_MANAGER,
  LADDER_IMPORT_NAME,
  LADDER_IMPORT_FIRST_NAME,
  LADDER_IMPORT_LAST_NAME,
  LADDER_IMPORT_TITLE,
  LADDER_IMPORT_ROLE,
  LADDER_IMPORT_EMAIL,
  LADDER_IMPORT_VACANT,
  LADDER_IMPORT_NOTE,
  LADDER_IMPORT_ASSISTANT,
  LADDER_IMPORT_DOTTED,
  LADDER_IMPORT_N_FIELDS
} LadderImportField;

/* --column's name of @field ("id", "firstname", ...). */
const char *ladder_import_options_get_field_name (LadderImportField field);
/* The header chosen for @field, or NULL (the usual names decide). */
void        ladder_import_options_set_column (LadderImportOptions *options,
                                              LadderImportField field, const char *header);
const char *ladder_import_options_get_column (const LadderImportOptions *options,
                                              LadderImportField field);
/* @role_id NULL forgets the title's choice. */
void        ladder_import_options_set_role   (LadderImportOptions *options,
                                              const char *title, const char *role_id);
/* The titles chosen by hand as "TITLE=ROLE" (what --role takes), the
 * titles casefolded, sorted. */
char      **ladder_import_options_dup_roles  (const LadderImportOptions *options);
/* The same choices as command-line arguments ("--column name=Worker
 * --role 'Chef=pm'", quoted for a shell; "" for none).  The delimiter
 * has no argument: the header decides on the command line. */
char       *ladder_import_options_dup_arguments (const LadderImportOptions *options);
/* Delimited text: the delimiter (0: found from the header). */
void        ladder_import_options_set_delimiter (LadderImportOptions *options, char delimiter);
char        ladder_import_options_get_delimiter (const LadderImportOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderImportOptions, ladder_import_options_free)

/* What an import dialog shows before importing: the columns (a delimited
 * file's header, or the keys of a JSON file's people), the first rows as
 * text, the delimiter used, and the result of importing with @options. */
typedef struct {
  LadderFileFormat format;
  char             delimiter;      /* delimited text; 0 for JSON */
  GPtrArray       *headers;        /* char * */
  GPtrArray       *rows;           /* GStrv, as many fields as headers */
  int              columns[LADDER_IMPORT_N_FIELDS];  /* header index, or -1 */
  LadderChart     *chart;          /* NULL when the import fails */
  GError          *error;          /* why, then */
  GPtrArray       *warnings;
  GPtrArray       *titles;         /* distinct titles, in file order */
  GPtrArray       *title_roles;    /* the role id each got (interned) */
  guint            n_unrecognised; /* titles that became "other" by themselves */
  gboolean         counted;        /* the whole file was imported: what follows holds */
  guint            n_people;
  guint            n_roots;
} LadderImportPreview;

LadderImportPreview *ladder_import_preview_new  (const char *data, gsize length,
                                                 const char *display_name, LadderFileFormat format,
                                                 LadderCatalogue *catalogue,
                                                 const LadderImportOptions *options,
                                                 guint max_rows);
void                 ladder_import_preview_free (LadderImportPreview *preview);
/* The header and the first @max_rows rows only, quickly: no import, no
 * chart, nothing counted.  @data may be only the beginning of the file
 * (@whole FALSE): it is then cut after its last complete line (delimited
 * text) or its last value closed (JSON, whose open brackets are closed). */
LadderImportPreview *ladder_import_preview_peek (const char *data, gsize length, gboolean whole,
                                                 const char *display_name, LadderFileFormat format,
                                                 const LadderImportOptions *options,
                                                 guint max_rows);
/* ladder_import_preview_new() on a thread of its own, at a lower priority
 * than the main thread's, from @data, or when it is NULL from the file at
 * @path, read there; the chart is dropped once counted (n_people,
 * n_roots).  @options is copied.  A cancelled count stops at the readers'
 * next check and finishes with G_IO_ERROR_CANCELLED. */
void                 ladder_import_preview_count_async  (GBytes *data, const char *path,
                                                         const char *display_name,
                                                         LadderFileFormat format,
                                                         LadderCatalogue *catalogue,
                                                         const LadderImportOptions *options,
                                                         guint max_rows, GCancellable *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer user_data);
LadderImportPreview *ladder_import_preview_count_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderImportPreview, ladder_import_preview_free)

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
