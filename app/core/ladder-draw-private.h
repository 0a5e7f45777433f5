/* ladder-draw-private.h — the shared text engine, for the backends */
#pragma once

#include "ladder-draw.h"

#include <math.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The text engine is shared by every thread: hold the lock while using
 * anything it returns. */
void         ladder_text_lock       (void);
void         ladder_text_unlock     (void);
/* For a thread that loads ahead of the others (ladder_export_prepare):
 * returns once no thread waits for the lock.  A mutex is not fair: a
 * thread that takes it again at once keeps a waiting one out. */
void         ladder_text_give_way   (void);
/* A cached layout of @text in @font, ellipsized to @width (when > 0) and
 * aligned in it.  Valid until the unlock. */
PangoLayout *ladder_text_get_layout (const char *text, const LadderFont *font, double width);
/* The family that "Sans" resolves to, for SVG's font-family. */
const char  *ladder_text_get_family (void);

/* For a top slice (see ladder_draw_box): how far in from the sides the
 * slice's bottom corners are; < 0 when the box is not a slice. */
static inline double
ladder_draw_slice_inset (double height, double radius, LadderCorners corners)
{
  if (corners != (LADDER_CORNER_TOP_LEFT | LADDER_CORNER_TOP_RIGHT) || radius <= height)
    return -1;
  return radius - sqrt (radius * radius - (radius - height) * (radius - height));
}

G_END_DECLS
