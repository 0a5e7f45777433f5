/* ladder-import-private.h — what the delimited-text and JSON readers share
 *
 * Both hand their rows to one builder, which makes the ids, finds each
 * manager, gives each title a role and links the chart, so that a person
 * comes out the same whichever format they came in.
 */
#pragma once

#include "ladder-import.h"

G_BEGIN_DECLS


/* No row: a root given by the file's shape, not by a manager value. */
#define LADDER_IMPORT_NO_ROW G_MAXUINT

/* A header cell as compared: lowercase, without spaces, _ - and . */
char  *ladder_import_normalize_header (const char *header);
/* The field a normalized header is a name of, and its rank in the field's
 * list (lower wins); FALSE when it names none. */
gboolean ladder_import_field_for_header (const char *normalized,
                                         LadderImportField *field, guint *rank);
/* For each field, the index of the header (of @n) that holds it, or -1:
 * the options' choice, else the first name of the field's list that a
 * header has.  FALSE when the options name a header that is not there. */
gboolean ladder_import_choose_columns  (const LadderImportOptions *options,
                                        const char * const *headers, guint n,
                                        int columns[LADDER_IMPORT_N_FIELDS],
                                        char **missing);

typedef struct _LadderImportBuilder LadderImportBuilder;

LadderImportBuilder *ladder_import_builder_new (const char *display_name,
                                                LadderCatalogue *catalogue,
                                                const LadderImportOptions *options);
void                 ladder_import_builder_free (LadderImportBuilder *builder);
/* One person, from line @line; @fields[f] NULL or "" when absent; the
 * strings are copied.  @parent is the row of the manager when the
 * file's shape gives it (nested JSON), else LADDER_IMPORT_NO_ROW.
 * Returns the new row's index. */
guint                ladder_import_builder_add  (LadderImportBuilder *builder, guint line,
                                                 const char * const *fields, guint parent);
/* A value of a column or key no field uses, for the check that a file
 * with many roots did not leave its managers in such a column. */
void                 ladder_import_builder_add_unused (LadderImportBuilder *builder, guint row,
                                                       const char *column, const char *value);
guint                ladder_import_builder_get_n_rows (LadderImportBuilder *builder);
LadderChart         *ladder_import_builder_finish (LadderImportBuilder *builder,
                                                   GPtrArray *warnings, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderImportBuilder, ladder_import_builder_free)

/* "FILE:LINE: error: WHAT" (LINE left out when 0), translated WHAT. */
void ladder_import_set_error (GError **error, int code, const char *display_name, guint line,
                              const char *format, ...) G_GNUC_PRINTF (5, 6);
/* "FILE:LINE: warning: WHAT" appended to @warnings (nullable). */
void ladder_import_warn      (GPtrArray *warnings, const char *display_name, guint line,
                              const char *format, ...) G_GNUC_PRINTF (4, 5);
/* "“a”, “b”, “c” and 4 more" from at most the first ten of @values
 * (without the quotes unless @quoted). */
char *ladder_import_list_values (GPtrArray *values, gboolean quoted);

/* The role id (interned) the options give @title, or NULL. */
const char *ladder_import_options_role_for_title (const LadderImportOptions *options,
                                                  const char *title);

/* Text as UTF-8 without a byte-order mark: UTF-8 as it is, UTF-16 with a
 * BOM converted (into *@converted, which the caller frees).  Any other
 * encoding, or a NUL byte, is refused naming what it looks like. */
gboolean ladder_import_decode (const char *display_name, const char **data, gsize *length,
                               char **converted, GError **error);

/* The header and the first @max_rows rows of delimited text, and the
 * delimiter used.  FALSE with @error when the text cannot be read. */
gboolean ladder_csv_peek (const char *data, gsize length, const char *display_name,
                          const LadderImportOptions *options, guint max_rows,
                          char *delimiter, GPtrArray *headers, GPtrArray *rows, GError **error);

/* Delimited text, with the options (ladder_csv_read_memory has none). */
LadderChart *ladder_csv_import (const char *data, gsize length, const char *display_name,
                                LadderCatalogue *catalogue, const LadderImportOptions *options,
                                GPtrArray *warnings, GError **error);

/* ladder_import_file() with the format given (UNKNOWN: by content). */
LadderChart *ladder_import_file_as (const char *path, LadderFileFormat format,
                                    LadderCatalogue *catalogue, const LadderImportOptions *options,
                                    GPtrArray *warnings, GError **error);

G_END_DECLS
