/* ladder-render.h — the one piece of code that draws a chart
 *
 * It speaks only to LadderDraw (ladder-draw.h), whose backends are cairo
 * (screen, PNG, PDF) and SVG (real <text> elements).
 *
 * Coordinates: the chart (the layout's boxes) is drawn offset by
 * ladder_render_get_origin(), so that margins and the title fit above
 * and left of it; the clip rectangle is in chart coordinates.  A canvas
 * showing chart point (vx, vy) at its top-left corner at zoom Z does
 *   cairo_scale (cr, Z, Z);
 *   cairo_translate (cr, -(vx + ox), -(vy + oy));
 * with clip = (vx, vy, widget_width / Z, widget_height / Z), zoom = Z,
 * and usually draw_title = FALSE.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-validate.h"
#include "ladder-layout.h"
#include "ladder-draw.h"

G_BEGIN_DECLS

typedef struct {
  /* Chart-space rectangle to draw; cards outside are skipped.  A width
   * of 0 means everything. */
  double   clip_x, clip_y, clip_width, clip_height;
  /* Scale from chart units to device pixels; below ~0.35 cards are drawn
   * as simple blocks without text. */
  double   zoom;
  gboolean draw_title;         /* the chart title above the chart */
  gboolean background;         /* fill the background (white) */
  guint    selected;           /* LADDER_NONE for none */
  guint    drop_target;        /* highlighted while dragging, or LADDER_NONE */
  gboolean drop_refused;       /* the drop target would make a cycle */
  /* Optional: per-slot flags for search matches (NULL for none). */
  const guint8 *matches;
  /* With a clip: a dotted line longer than the clip's larger side (its
   * ends far apart on screen) is drawn as a short stub at each end with
   * the other person's name, not across the whole view (the canvas). */
  gboolean dotted_stubs;
  /* With dotted_stubs: the span (chart units) beyond which a dotted line
   * is drawn as stubs, when the clip is bigger than the view (a canvas
   * drawing a margin around it); 0: the clip's larger side. */
  double   dotted_stub_span;
} LadderRenderOptions;

void ladder_render_options_init (LadderRenderOptions *options);

/* The faces the drawing uses, in the order it first needs them, so that
 * a thread can load them ahead of it (a font load takes a millisecond or
 * more: fontconfig sorts its fonts, pango measures a sample).  Only
 * their size, weight and slant matter. */
const LadderFont *ladder_render_get_faces (guint *n_faces);

/* Margin around the chart in chart units, and room for the title. */
#define LADDER_RENDER_MARGIN       32.0
#define LADDER_RENDER_TITLE_HEIGHT 56.0

/* The size of the whole drawing (chart plus margins and title). */
void ladder_render_get_size (LadderLayout *layout, LadderChart *chart,
                             const LadderRenderOptions *options,
                             double *width, double *height);
/* Offset of chart coordinates within the drawing. */
void ladder_render_get_origin (LadderChart *chart, const LadderRenderOptions *options,
                               double *x, double *y);

void ladder_render_chart (LadderDraw *draw, LadderChart *chart, LadderCatalogue *catalogue,
                          LadderLayout *layout, LadderFindings *findings,
                          const LadderRenderOptions *options);

/* Only the rings of options->selected and options->drop_target, and what
 * of their cards ladder_render_chart() draws over its rings (the finding
 * badge), for a view that keeps a picture of the chart drawn with neither
 * and puts them on top (the canvas). */
void ladder_render_highlights (LadderDraw *draw, LadderChart *chart, LadderCatalogue *catalogue,
                               LadderLayout *layout, LadderFindings *findings,
                               const LadderRenderOptions *options);

G_END_DECLS
