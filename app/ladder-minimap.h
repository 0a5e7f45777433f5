/* ladder-minimap.h — the overview map: where the view is in a big chart
 *
 * A small card in a corner of the canvas, shown while the chart does not
 * fit the view (and the user wants it: "show-overview-map").  It draws
 * the chart's top levels as blocks as wide as each team, coloured by the
 * worst finding in it (ladder-team-map.h), with the view's place marked.
 * Dragging moves the view; clicking a team goes to its head.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-canvas.h"
#include "ladder-document.h"
#include "ladder-team-map.h"

G_BEGIN_DECLS

#define LADDER_TYPE_MINIMAP (ladder_minimap_get_type ())
G_DECLARE_FINAL_TYPE (LadderMinimap, ladder_minimap, LADDER, MINIMAP, GtkWidget)

GtkWidget     *ladder_minimap_new          (void);

/* Follows @document's chart and findings and @canvas's view (both
 * borrowed: they live as long as the window that holds all three). */
void           ladder_minimap_bind         (LadderMinimap *self, LadderCanvas *canvas,
                                            LadderDocument *document);
/* The user's choice; the map still shows only when the chart does not
 * fit the view. */
void           ladder_minimap_set_enabled  (LadderMinimap *self, gboolean enabled);
gboolean       ladder_minimap_get_enabled  (LadderMinimap *self);
/* Shows or hides the map now, as the view is, rather than before the
 * next frame. */
void           ladder_minimap_sync         (LadderMinimap *self);

/* ---- what the pointer does, in the widget's pixels (public for tests) ---- */

/* A press on the marker grabs it; elsewhere the view's centre jumps there. */
void           ladder_minimap_press        (LadderMinimap *self, double x, double y);
void           ladder_minimap_motion       (LadderMinimap *self, double x, double y);
/* A release where the press was (no drag) on a team goes to its head. */
void           ladder_minimap_release      (LadderMinimap *self, double x, double y);

/* What the tooltip says of the block at (@x, @y): its head and the size
 * of the team, or how many people a run of small teams holds; NULL
 * where there is no block.  Free with g_free(). */
char          *ladder_minimap_dup_block_text (LadderMinimap *self, double x, double y);

/* What the arrow keys do on the map: the view moves a screen (less a
 * tenth) right (@dx 1), left (-1), down (@dy 1) or up (-1). */
void           ladder_minimap_step         (LadderMinimap *self, int dx, int dy);

/* The view's marker in the widget's pixels. */
void           ladder_minimap_get_marker   (LadderMinimap *self, graphene_rect_t *rect);
/* The box the blocks fill, in the widget's pixels. */
void           ladder_minimap_get_box      (LadderMinimap *self, graphene_rect_t *rect);
/* The blocks as drawn (built now if the chart changed). */
LadderTeamMap *ladder_minimap_get_map      (LadderMinimap *self);

G_END_DECLS
