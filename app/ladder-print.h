/* ladder-print.h — printing a chart: on one page, or tiled across pages
 *
 * Pages are drawn by the shared renderer through its cairo backend, as
 * the PDF export is.  The page plan (how many pages, which part of the
 * drawing each one shows) is plain arithmetic, kept apart from GTK so
 * that it can be tested.
 *
 * Units: the drawing is in drawing units (pixels at 100%, the size
 * ladder_render_get_size() gives); pages are in points.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-layout.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef enum {
  LADDER_PRINT_FIT,     /* the whole chart scaled onto one page */
  LADDER_PRINT_TILE,    /* at a readable scale, across as many pages as needed */
} LadderPrintMode;

/* Points per drawing unit when tiling: the size the chart has on screen
 * at 100% (96 px to the inch), cards' text about 10 pt. */
#define LADDER_PRINT_TILE_SCALE   0.75
/* Points each tile repeats of its neighbour, to glue the pages together. */
#define LADDER_PRINT_OVERLAP      18.0
/* Fitting never enlarges a small chart past this. */
#define LADDER_PRINT_MAX_SCALE    1.0

typedef struct {
  LadderPrintMode mode;
  double page_width, page_height;   /* printable area, points */
  double scale;                     /* points per drawing unit */
  double overlap;                   /* points shared by neighbouring tiles */
  double tile_width, tile_height;   /* drawing units one page shows */
  double step_x, step_y;            /* drawing units from one tile to the next */
  double offset_x, offset_y;        /* points: where FIT puts the drawing (centred) */
  guint  columns, rows;
} LadderPrintPlan;

/* Plans the pages for a drawing of @width × @height drawing units on
 * pages of @page_width × @page_height points.  TILE uses @scale (points
 * per drawing unit; 0: LADDER_PRINT_TILE_SCALE) and @overlap points;
 * FIT ignores both.  Pages run row by row, left to right. */
void     ladder_print_plan_compute   (LadderPrintPlan *plan, LadderPrintMode mode,
                                      double width, double height,
                                      double page_width, double page_height,
                                      double scale, double overlap);
guint    ladder_print_plan_get_n_pages (const LadderPrintPlan *plan);
/* The drawing-unit offset of the top-left corner page @page shows, and
 * its column and row (either pointer may be NULL). */
void     ladder_print_plan_get_tile  (const LadderPrintPlan *plan, guint page,
                                      double *x, double *y, guint *column, guint *row);

/* Draws page @page of @plan on @cr, whose origin is the top-left of the
 * printable area and whose unit is the point.  In TILE mode, small marks
 * at the page edges show where the overlap with each neighbour starts,
 * and a caption names the page's row and column. */
void     ladder_print_draw_page      (cairo_t *cr, LadderChart *chart, LadderCatalogue *catalogue,
                                      LadderFindings *findings, LadderLayout *layout,
                                      const LadderPrintPlan *plan, guint page);

/* A print operation for @chart (both referenced), with a "Chart" tab in
 * the dialog to choose between FIT and TILE (@mode is the initial
 * choice).  The layout and the findings are computed when printing
 * begins, and belong to the operation. */
GtkPrintOperation *ladder_print_operation_new (LadderChart *chart, LadderCatalogue *catalogue,
                                               LadderPrintMode mode);
/* The choice the operation will print with (after the dialog, the user's). */
LadderPrintMode    ladder_print_operation_get_mode (GtkPrintOperation *operation);

/* win.print: the print dialog, with preview, for @window's chart. */
void     ladder_print_window         (GtkWindow *window, LadderChart *chart,
                                      LadderCatalogue *catalogue);

G_END_DECLS
