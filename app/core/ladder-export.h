/* ladder-export.h — writing a chart as PNG, SVG, PDF, .ladder, .csv,
 * .json, .graphml, .drawio, .dot or .mmd
 *
 * The format is chosen by the extension of the output path.  Every
 * export shows everyone (folds are the view's) unless the options say
 * otherwise.  Nothing
 * partial is ever left behind: the file is written beside OUT under a
 * temporary name and renamed over OUT only when complete.
 *
 * Errors: "OUT: error: WHAT" in LADDER_CHART_ERROR.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-progress.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef struct {
  double   scale;        /* PNG: pixels per chart unit; 0 chooses (2 when it fits) */
  gboolean transparent;  /* PNG: no white background */
  char    *notice;       /* out: e.g. "chart is 50000 px wide; scaled to 0.65 to fit
                          * PNG limits" or NULL (g_free) */
  const char *root;      /* that person's id and everyone below; NULL: everyone */
  guint    levels;       /* only this many levels from the top (pictures fold the
                          * deeper teams, data formats leave them out); 0: all */
  gboolean findings;     /* pictures: draw the finding marks (default: clean) */
  gboolean as_shown;     /* keep the chart's folds (the window's view) */
  const char *page;      /* PDF: tile over pages of this size ("a4", "a3-landscape",
                          * see ladder_export_parse_page()); NULL: one page when it
                          * fits, else A3 landscape */
} LadderExportOptions;

/* "a4", "a3", "letter" or "legal", optionally with "-landscape", in any
 * case: TRUE, and the page's size in points when @width and @height are
 * not NULL. */
gboolean ladder_export_parse_page (const char *page, double *width, double *height);

/* TRUE when @path's extension names a format ladder_export_file() writes. */
gboolean ladder_export_knows_format (const char *path);

/* Starts loading what image exports draw text with (fontconfig's
 * configuration, about 10 ms, then every face of the drawing) on a
 * thread of its own, for a caller that knows it will export and has
 * other work first, such as reading the chart.  The next image export
 * waits for it; without this call, an export loads the first font itself
 * beside the layout.  The output is the same either way. */
void     ladder_export_prepare (void);

/* @catalogue and @findings may be NULL (grey bands, no badges). */
gboolean ladder_export_file   (LadderChart *chart, LadderCatalogue *catalogue,
                               LadderFindings *findings, const char *out_path,
                               LadderExportOptions *options, GError **error);

/* As ladder_export_file(), on a thread of its own while another shows
 * @progress: the cards drawn are counted into it
 * (ladder_progress_get_people()), and soon after its cancellable is
 * cancelled the export stops with G_IO_ERROR_CANCELLED, OUT as it was
 * and nothing left beside it.  @chart must be one no other thread
 * touches meanwhile (ladder_export_snapshot()). */
gboolean ladder_export_file_watched (LadderChart *chart, LadderCatalogue *catalogue,
                                     LadderFindings *findings, const char *out_path,
                                     LadderExportOptions *options, LadderProgress *progress,
                                     GError **error);

/* A copy of @chart for an export on another thread while @chart goes on
 * changing: everyone, in chart order, with their folds and dotted lines;
 * every export of it writes the same bytes as of @chart.  Its slots are
 * not @chart's. */
LadderChart *ladder_export_snapshot (LadderChart *chart);

/* The same copy a slice at a time, for a main loop that must not stop
 * for long (a million people take about 0.2 s): step copies about
 * @n_people more and is TRUE when all are; @chart may not change in
 * between (start again when it does).  Finish, on any thread, once step
 * was TRUE: the copy is then ladder_export_snapshot()'s. */
typedef struct _LadderExportCopy LadderExportCopy;

LadderExportCopy *ladder_export_copy_new    (LadderChart *chart);
gboolean          ladder_export_copy_step   (LadderExportCopy *copy, guint n_people);
LadderChart      *ladder_export_copy_finish (LadderExportCopy *copy);
void              ladder_export_copy_free   (LadderExportCopy *copy);

/* The same output in memory, for tests and fuzzing.  @format is an
 * extension without its dot ("png", "json", …) but not a chart format
 * (.ladder, .xml, .csv).  @options may be NULL. */
GBytes  *ladder_export_bytes  (LadderChart *chart, LadderCatalogue *catalogue,
                               LadderFindings *findings, const char *format,
                               LadderExportOptions *options, GError **error);

G_END_DECLS
