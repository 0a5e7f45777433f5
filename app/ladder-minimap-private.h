/* ladder-minimap-private.h — what ladder-minimap.c (blocks, drawing,
 * showing) and ladder-minimap-input.c (pointer and keys) share */
#pragma once

#include "ladder-minimap.h"

G_BEGIN_DECLS

#define MAP_WIDTH   220
#define MAP_HEIGHT  136
#define INSET       8.0    /* between the card's edge and the blocks */
#define ROW_MIN     14.0   /* the lowest row of blocks worth drawing */
#define BLOCK_MIN   3.0    /* the narrowest block, in pixels */
#define MARKER_MIN  6.0
#define CLICK_SLOP  4.0    /* a press that moves less is a click */
/* A smaller view is left to the chart. */
#define MIN_VIEW_WIDTH  (MAP_WIDTH * 2)
#define MIN_VIEW_HEIGHT (MAP_HEIGHT * 2 + 80)

struct _LadderMinimap {
  GtkWidget       parent_instance;

  /* borrowed */
  LadderCanvas   *canvas;
  LadderDocument *document;

  LadderTeamMap  *map;
  gboolean        blocks_dirty;
  gboolean        anchors_dirty;
  double          built_width, built_height;   /* the box the blocks fit */
  GskRenderNode  *picture;                     /* the blocks; NULL: draw again */
  guint           hover;                       /* the block under the pointer */
  gboolean        enabled;
  guint           sync_idle;
  guint           rebuild_idle;

  /* the pointer between press and release */
  gboolean        pressed, grabbed, dragged;
  double          press_x, press_y;
  double          grab_dx, grab_dy;            /* from the marker's centre */
};

/* ladder-minimap.c */
/* The blocks as the chart is now; @in_frame: unless an edit made them
 * stale and the idle after it will build them. */
LadderTeamMap *ladder_minimap_ensure_map        (LadderMinimap *self, gboolean in_frame);
/* The view's marker over @map, in the widget's pixels. */
void           ladder_minimap_marker_rect       (LadderMinimap *self, LadderTeamMap *map,
                                                 graphene_rect_t *rect);

/* ladder-minimap-input.c */
void           ladder_minimap_init_input        (LadderMinimap *self);
void           ladder_minimap_class_init_input  (GtkWidgetClass *widget_class);

G_END_DECLS
