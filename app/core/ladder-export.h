/* ladder-export.h — writing a chart as PNG, SVG, PDF, .ladder or .csv
 *
 * The format is chosen by the extension of the output path.  Nothing
 * partial is ever left behind: the file is written beside OUT under a
 * temporary name and renamed over OUT only when complete.
 *
 * Errors: "OUT: error: WHAT" in LADDER_CHART_ERROR.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef struct {
  double   scale;        /* PNG: pixels per chart unit; 0 chooses (2 when it fits) */
  gboolean transparent;  /* PNG: no white background */
  char    *notice;       /* out: e.g. "chart is 50000 px wide; scaled to 0.65 to fit
                          * PNG limits" or NULL (g_free) */
  gboolean as_shown;     /* keep the chart's folds; by default everyone is drawn */
} LadderExportOptions;

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

/* The same output in memory, for tests and fuzzing.  @format is "png",
 * "svg" or "pdf".  @options may be NULL. */
GBytes  *ladder_export_bytes  (LadderChart *chart, LadderCatalogue *catalogue,
                               LadderFindings *findings, const char *format,
                               LadderExportOptions *options, GError **error);

G_END_DECLS
