/* ladder-canvas.h — the chart view: draws the document's chart, turns
 * gestures into viewport changes and into the document's commands
 *
 * A drag, a drop, a rename or a fold is one call to the document (one undo
 * step, or view state for a fold).  What the user should read about a
 * refused edit comes out as "message", for the window to show.
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-chart.h"
#include "ladder-document.h"
#include "ladder-catalogue.h"
#include "ladder-layout.h"
#include "ladder-validate.h"
#include "ladder-viewport.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CANVAS (ladder_canvas_get_type ())
G_DECLARE_FINAL_TYPE (LadderCanvas, ladder_canvas, LADDER, CANVAS, GtkWidget)

GtkWidget      *ladder_canvas_new            (void);

void            ladder_canvas_set_document   (LadderCanvas *self, LadderDocument *document);
/* Borrowed; the owner calls this again whenever it replaces them. */
void            ladder_canvas_set_findings   (LadderCanvas *self, LadderFindings *findings);
void            ladder_canvas_set_matches    (LadderCanvas *self, const guint8 *matches);

LadderViewport *ladder_canvas_get_viewport   (LadderCanvas *self);
LadderLayout   *ladder_canvas_get_layout     (LadderCanvas *self);
/* Where the layout's (0, 0) is in the viewport's drawing coordinates. */
void            ladder_canvas_get_origin     (LadderCanvas *self, double *x, double *y);

guint           ladder_canvas_get_selected   (LadderCanvas *self);
void            ladder_canvas_set_selected   (LadderCanvas *self, guint person);
/* Scrolls so that the person's card is in view (centred when @center). */
void            ladder_canvas_reveal         (LadderCanvas *self, guint person, gboolean center);
/* The person cut for moving (LADDER_NONE: none), drawn dimmed until
 * pasted or cancelled. */
void            ladder_canvas_set_cut        (LadderCanvas *self, guint person);
guint           ladder_canvas_get_cut        (LadderCanvas *self);
/* Unfolds what hides @person, selects it and brings its card into view
 * (centred when @center): every way of going to a person. */
void            ladder_canvas_go_to          (LadderCanvas *self, guint person, gboolean center);
/* What a drop does: the document's command, then the card selected and
 * in view (not centred); a refusal is said through "message".  A role
 * dropped (@manager LADDER_NONE: on empty space) then asks for the name. */
gboolean        ladder_canvas_move_person    (LadderCanvas *self, guint person, guint manager,
                                              guint position);
guint           ladder_canvas_add_role       (LadderCanvas *self, const char *role, guint manager);
/* An entry over the person's card to type the name in. */
void            ladder_canvas_start_rename   (LadderCanvas *self, guint person);

void            ladder_canvas_zoom_in        (LadderCanvas *self);
void            ladder_canvas_zoom_out       (LadderCanvas *self);
void            ladder_canvas_zoom_fit       (LadderCanvas *self);
/* Fits, but not below a zoom where names can be read: a large chart shows
 * its top.  What a chart opens with. */
void            ladder_canvas_zoom_readable  (LadderCanvas *self);
/* @layout, computed for the chart as it is now (on the thread that read
 * it, ladder-window-load.c), in place of computing it here. */
void            ladder_canvas_take_layout    (LadderCanvas *self, LadderLayout *layout);
void            ladder_canvas_zoom_reset     (LadderCanvas *self);

/* Selection by keyboard: the manager, first report, or siblings. */
typedef enum {
  LADDER_CANVAS_MOVE_UP,
  LADDER_CANVAS_MOVE_DOWN,
  LADDER_CANVAS_MOVE_LEFT,
  LADDER_CANVAS_MOVE_RIGHT,
} LadderCanvasMove;

void            ladder_canvas_move_selection (LadderCanvas *self, LadderCanvasMove move);

/* Marks on cards (ladder-canvas-marks.c): what a comparison found (the
 * bits of LadderDiffPersonFlags) and the people of the Overview's chosen
 * bar.  @marks (borrowed, @n_marks slots, NULL: none) stays the owner's;
 * it calls this again when it changes them. */
typedef enum {
  LADDER_CANVAS_MARK_ADDED   = 1 << 0,
  LADDER_CANVAS_MARK_MOVED   = 1 << 1,
  LADDER_CANVAS_MARK_CHANGED = 1 << 2,
  LADDER_CANVAS_MARK_CHOSEN  = 1 << 3,
} LadderCanvasMark;

void            ladder_canvas_set_marks       (LadderCanvas *self, const guint8 *marks,
                                               guint n_marks);
/* Each card shows its person's direct and total reports (a view option). */
void            ladder_canvas_set_show_counts (LadderCanvas *self, gboolean show);
gboolean        ladder_canvas_get_show_counts (LadderCanvas *self);

G_END_DECLS
