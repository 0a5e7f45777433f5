/* ladder-export-dialog.h — the export dialog: format and options, then
 * where to write, then the export in the background with Cancel
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-export.h"

G_BEGIN_DECLS

#define LADDER_TYPE_EXPORT_DIALOG (ladder_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderExportDialog, ladder_export_dialog, LADDER, EXPORT_DIALOG, GtkWindow)

/* Over @parent, for @chart (referenced) as it is now.  @selected is the
 * person whose team "only the team of" exports, or LADDER_NONE; @name
 * the file name to suggest, without its extension; @folder (nullable)
 * where the file chooser opens.
 *
 * "done" (GFile *file, const char *notice, const char *error) is
 * emitted once the file was written (@error NULL, @notice NULL or what
 * the export said) or refused (@error the message); not on Cancel. */
LadderExportDialog *ladder_export_dialog_new (GtkWindow *parent, LadderChart *chart,
                                              LadderCatalogue *catalogue, guint selected,
                                              const char *name, GFile *folder);

/* The chosen format's extension with its dot: ".png", ".graphml", … */
const char *ladder_export_dialog_get_extension (LadderExportDialog *self);
/* Chooses the format by its extension (".pdf"); FALSE when unknown. */
gboolean    ladder_export_dialog_set_extension (LadderExportDialog *self, const char *extension);
/* What the dialog's switches say; @options->root and ->page point into
 * the dialog. */
void        ladder_export_dialog_get_options   (LadderExportDialog *self,
                                                LadderExportOptions *options);
/* Starts writing @path (the format's extension added when it has none)
 * with the dialog's options, in the background: the chart as it is now
 * is copied in idles, then exported on a worker thread while the dialog
 * shows how far it got.  "done" is emitted when it is written or
 * refused, then the dialog is destroyed.  What the file chooser's
 * Export does; TRUE when started. */
gboolean    ladder_export_dialog_export_to     (LadderExportDialog *self, const char *path);
/* TRUE from export_to() until the worker is done, cancelled or not. */
gboolean    ladder_export_dialog_is_exporting  (LadderExportDialog *self);
/* Cancel and Escape: an export under way stops and leaves the file as
 * it was, the dialog is hidden at once and destroyed once the worker is
 * done, without "done"; before, the dialog is just closed. */
void        ladder_export_dialog_cancel        (LadderExportDialog *self);

G_END_DECLS
