/* ladder-io.h — reading and writing chart files
 *
 * Errors: the GError message is the whole line a user sees,
 * "FILE:LINE: error: WHAT IS WRONG" (LINE left out when the file could not
 * be opened at all), in LADDER_CHART_ERROR.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"

G_BEGIN_DECLS

/* ---- XML (.ladder, .xml) ---- */
LadderChart *ladder_xml_read_file   (const char *path, GError **error);
/* @display_name is used in messages in place of a path. */
LadderChart *ladder_xml_read_memory (const char *data, gsize length,
                                     const char *display_name, GError **error);
/* The whole file, stable: an unchanged chart gives the same bytes. */
char        *ladder_xml_write       (LadderChart *chart, gsize *length);

/* ---- CSV ---- */
/* @warnings (nullable) collects "FILE:LINE: warning: ..." strings. */
LadderChart *ladder_csv_read_file   (const char *path, LadderCatalogue *catalogue,
                                     GPtrArray *warnings, GError **error);
LadderChart *ladder_csv_read_memory (const char *data, gsize length, const char *display_name,
                                     LadderCatalogue *catalogue, GPtrArray *warnings,
                                     GError **error);
char        *ladder_csv_write       (LadderChart *chart, gsize *length);

/* ---- by file name ---- */
/* Any input Ladder reads, by extension or content: ladder_import_file()
 * without options (ladder-import.h). */
LadderChart *ladder_load_file       (const char *path, LadderCatalogue *catalogue,
                                     GPtrArray *warnings, GError **error);
/* Writes @data to @path so that a crash at any moment leaves either the
 * old file or the new one, whole: a temporary file beside it, fsync, then
 * rename over the old one.  A symlink at @path is followed (the link
 * stays). */
gboolean     ladder_save_atomic     (const char *path, const char *data, gsize length,
                                     GError **error);
/* Saves @chart as .ladder XML or .csv by @path's extension. */
gboolean     ladder_save_file       (LadderChart *chart, const char *path, GError **error);

G_END_DECLS
