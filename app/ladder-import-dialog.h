/* ladder-import-dialog.h — choosing how a delimited or JSON file is read
 *
 * SPEC "Import": a preview of the first rows, the column chosen for each
 * field, the delimiter, the role of every distinct title, and the counts
 * (people, roots, titles not recognised), all changeable; the counts are
 * made again on a worker at each change.  The choices are remembered for
 * files with the same header.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"
#include "ladder-import.h"

G_BEGIN_DECLS

#define LADDER_TYPE_IMPORT_DIALOG (ladder_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, LADDER, IMPORT_DIALOG, GtkWindow)

/* @data (copied) is the file's content; @format delimited or JSON.
 * "accepted" is emitted on Import (the choices are then
 * ladder_import_dialog_get_options()'s), then the dialog closes; closing
 * it otherwise imports nothing.  "counted" is emitted when the counts of
 * the whole file with the latest choices are in. */
LadderImportDialog        *ladder_import_dialog_new         (GtkWindow *parent, const char *display_name,
                                                             const char *data, gsize length,
                                                             LadderFileFormat format,
                                                             LadderCatalogue *catalogue);
/* The choices so far; after changing them, call _refresh(). */
LadderImportOptions       *ladder_import_dialog_get_options (LadderImportDialog *self);
void                       ladder_import_dialog_refresh     (LadderImportDialog *self);
/* The header and first rows (from the beginning of the file) and, once
 * counted, the counts of the whole file (preview->counted). */
const LadderImportPreview *ladder_import_dialog_get_preview (LadderImportDialog *self);
/* The whole file when the dialog holds it (given to _new(), or a pipe,
 * which gives it only once); NULL when it is read from the file. */
GBytes                    *ladder_import_dialog_get_content (LadderImportDialog *self);
/* TRUE while the whole file is counted on a worker. */
gboolean                   ladder_import_dialog_is_counting (LadderImportDialog *self);
/* The line that gives the choices as --column and --role ("" for none). */
const char                *ladder_import_dialog_get_command_line (LadderImportDialog *self);
/* The counts line as shown. */
const char                *ladder_import_dialog_get_summary (LadderImportDialog *self);

/* For the window's Open: when @file is delimited text or JSON (by its
 * extension), reads it and returns the dialog for it, not yet shown, with
 * @file as its "file" data; NULL for any other file, or with @error set
 * when it cannot be read. */
LadderImportDialog        *ladder_import_dialog_offer      (GtkWindow *parent, GFile *file,
                                                             LadderCatalogue *catalogue,
                                                             GError **error);

/* Where the choices are remembered (a key file; tests point it elsewhere
 * with LADDER_IMPORT_CHOICES). */
char                      *ladder_import_dialog_dup_choices_path (void);

G_END_DECLS
