/* ladder-canvas-private.h — shared by ladder-canvas.c and
 * ladder-canvas-input.c */
#pragma once

#include "ladder-canvas.h"
#include "ladder-document.h"
#include "ladder-render.h"
#include "ladder-stats.h"

G_BEGIN_DECLS

typedef struct _LadderCanvasA11y LadderCanvasA11y;

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,      /* pressed on a card, not moved far enough yet */
  DRAG_CARD,         /* moving a card onto a manager or between siblings */
  DRAG_PAN,          /* moving the view */
  DRAG_FOLD,         /* pressed on a card's fold chevron */
} DragMode;

struct _LadderCanvas
{
  GtkWidget parent_instance;

  LadderDocument  *document;          /* every edit goes to it */
  LadderChart     *chart;             /* the document's */
  LadderCatalogue *catalogue;         /* the document's */
  LadderFindings  *findings;          /* borrowed */
  const guint8    *matches;           /* borrowed */
  LadderLayout    *layout;
  gboolean         layout_dirty;
  LadderViewport  *viewport;
  /* Fit the chart to the window on every resize until the user zooms
   * or scrolls. */
  gboolean         auto_fit;
  gboolean         fit_readable;   /* auto_fit, but never below READABLE_ZOOM */

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;
  gboolean         syncing;           /* adjustments being set from the viewport */

  guint            selected;
  guint            cut;               /* dimmed: cut, waiting for a paste */
  guint            hover;             /* card under the pointer */
  double           pointer_x, pointer_y;

  /* dragging a card or the view */
  DragMode         drag_mode;
  guint            drag_person;
  double           drag_start_x, drag_start_y;   /* widget */
  double           drag_x, drag_y;               /* widget, now */
  double           pan_start_x, pan_start_y;     /* viewport position at start */
  guint            drop_target;       /* new manager while dragging a card */
  gboolean         drop_refused;
  char            *drop_message;      /* why the drop is refused, or that it detaches */
  gboolean         drop_detach;       /* on empty space: no manager any more */
  gboolean         insert_valid;      /* dropping between siblings */
  guint            insert_manager, insert_position;
  double           insert_x, insert_y; /* chart coordinates of the marker's top */

  /* a role dragged in from the palette */
  guint            dnd_target;
  gboolean         dnd_over;          /* a role is over the view */
  double           dnd_x, dnd_y;      /* widget */

  /* scrolling while a card or a role is held near an edge of the view */
  guint            edge_tick;
  gint64           edge_time;         /* frame time of the last step, µs */

  double           pinch_start_zoom;

  /* typing a name on the card */
  GtkWidget       *rename_popover;
  GtkWidget       *rename_entry;
  guint            rename_person;
  gboolean         rename_cancelled;

  LadderCanvasA11y *a11y;             /* the cards as accessible objects */

  /* marks and report counts (ladder-canvas-marks.c) */
  const guint8    *marks;             /* borrowed */
  guint            n_marks;
  gboolean         show_counts;
  LadderStats     *counts;            /* NULL: to count again */

  /* the chart as last recorded (ladder-canvas-picture.c) */
  GskRenderNode   *picture;           /* NULL: to record again */
  double           picture_x, picture_y;   /* the view it was made at (viewport drawing
                                            * coordinates): its widget origin */
  int              picture_margin_x, picture_margin_y;   /* pixels it has round that view */
  double           picture_zoom;
  int              picture_view_width, picture_view_height;   /* the view it was made for */
  guint            n_pictures;        /* recorded so far */
};

#define LADDER_CANVAS_CHEVRON_RADIUS 9.0

/* ladder-canvas.c */
void     ladder_canvas_ensure_layout   (LadderCanvas *self);
/* The renderer's options every drawing of the canvas starts from. */
void     ladder_canvas_render_options  (LadderCanvas *self, LadderRenderOptions *options);
/* Widget pixels to chart coordinates (those of the layout). */
void     ladder_canvas_to_chart        (LadderCanvas *self, double widget_x, double widget_y,
                                        double *x, double *y);
guint    ladder_canvas_hit             (LadderCanvas *self, double widget_x, double widget_y);
/* TRUE when the point is on the fold chevron of a card with reports. */
gboolean ladder_canvas_hit_chevron     (LadderCanvas *self, guint person,
                                        double widget_x, double widget_y);
const char *ladder_canvas_label        (LadderCanvas *self, guint person);

/* ladder-canvas-input.c */
void     ladder_canvas_message         (LadderCanvas *self, const char *message);

void     ladder_canvas_init_input      (LadderCanvas *self);
void     ladder_canvas_cancel_drag     (LadderCanvas *self);
/* What the button-1 drag gesture does, in widget coordinates (begin) and
 * offsets from the start (update, end); the GUI tests call them too. */
void     ladder_canvas_drag_begin      (LadderCanvas *self, double x, double y);
void     ladder_canvas_drag_update     (LadderCanvas *self, double dx, double dy);
void     ladder_canvas_drag_end        (LadderCanvas *self, double dx, double dy);
/* One step of the scrolling while a card or a role is held near an edge
 * of the view, @seconds after the last; TRUE when the view moved. */
gboolean ladder_canvas_edge_scroll_step (LadderCanvas *self, double seconds);
void     ladder_canvas_stop_edge_scroll (LadderCanvas *self);
/* Draws what belongs to a drag in progress (chart coordinates, zoomed). */
void     ladder_canvas_draw_drag       (LadderCanvas *self, cairo_t *cr);
/* Why a drop is refused, or what it will do, near the pointer (widget
 * coordinates). */
void     ladder_canvas_draw_drop_message (LadderCanvas *self, cairo_t *cr, double width);

/* ladder-canvas-a11y.c */
LadderCanvasA11y *ladder_canvas_a11y_new      (LadderCanvas *canvas);
void              ladder_canvas_a11y_free     (LadderCanvasA11y *self);
/* Brings the items up to date in an idle; @chart_changed: their labels
 * and order too. */
void              ladder_canvas_a11y_queue    (LadderCanvasA11y *self, gboolean chart_changed);
/* At once (the GUI tests call it). */
void              ladder_canvas_a11y_sync     (LadderCanvasA11y *self);
/* How many labels the items were told so far (tests). */
guint             ladder_canvas_a11y_get_n_told (LadderCanvasA11y *self);
/* From size_allocate: each item over its card. */
void              ladder_canvas_a11y_allocate (LadderCanvasA11y *self);

/* ladder-canvas-marks.c */
/* Draws the marks and counts over the cards in view (chart coordinates,
 * zoomed). */
void     ladder_canvas_draw_marks      (LadderCanvas *self, cairo_t *cr);
/* Those of @person's card again, over its selection or drop ring
 * (without the highlight's translucent fill, already in the picture);
 * nothing for LADDER_NONE. */
void     ladder_canvas_draw_marks_of   (LadderCanvas *self, cairo_t *cr, guint person);

/* ladder-canvas-picture.c */
/* The frame: the picture of the chart (recorded again when needed) and
 * the view's marks over it. */
void     ladder_canvas_snapshot_chart  (LadderCanvas *self, GtkSnapshot *snapshot,
                                        int width, int height);
/* Forgets the picture: what it shows has changed. */
void     ladder_canvas_drop_picture    (LadderCanvas *self);
/* How many pictures the canvas has recorded (for tests). */
guint    ladder_canvas_get_n_pictures  (LadderCanvas *self);
/* The marks and counts of @person's card in words, for its accessible
 * description ("" when there are none; free with g_free). */
char    *ladder_canvas_describe_marks  (LadderCanvas *self, guint person);

G_END_DECLS
