/* ladder-export-dialog.h — the export dialog: format and options, then
 * where to write
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
/* Writes @path (the format's extension added when it has none) with the
 * dialog's options and emits "done"; what the file chooser's Export
 * does. */
gboolean    ladder_export_dialog_export_to     (LadderExportDialog *self, const char *path);

G_END_DECLS
