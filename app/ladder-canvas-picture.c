/* ladder-canvas-picture.c — the canvas's frame: the chart kept as a
 * render node, the view's marks drawn on top
 *
 * The chart (cards, lines, search matches, findings, the cut card, the
 * comparison marks and report counts) is recorded once into a render
 * node — for the view, or once the view pans out of it, for the view and
 * a quarter of it round — and appended again, moved, on every frame while
 * the view stays inside it.  What
 * changes with the pointer and the keyboard — the selection ring, the
 * drop target, the fold chevrons, a card being dragged — is drawn over
 * it each frame, so that hovering, clicking or dragging never draws the
 * chart again.  The picture is dropped when what it shows changes (the
 * chart, its layout and folds, findings, matches, marks, the cut card)
 * and when the zoom or the view's size does, or the view leaves it.
 */
#include "config.h"

#include <math.h>

#include "ladder-canvas-private.h"
#include "ladder-draw.h"
#include "ladder-render.h"

#define CHEVRON_RADIUS 9.0

static void
render_options (LadderCanvas *self, LadderRenderOptions *options, double zoom,
                double x, double y, double width, double height)
{
  double ox, oy;

  ladder_canvas_get_origin (self, &ox, &oy);
  ladder_canvas_render_options (self, options);
  options->clip_x = x - ox;
  options->clip_y = y - oy;
  options->clip_width = width;
  options->clip_height = height;
  options->zoom = zoom;
  options->matches = self->matches;
  options->dotted_stubs = TRUE;
}

/* As file managers show a cut file: faded into the background, with a
 * dashed edge. */
static void
draw_cut (LadderCanvas *self, cairo_t *cr, double zoom)
{
  const LadderBox *box;

  if (self->cut == LADDER_NONE || !ladder_chart_is_alive (self->chart, self->cut))
    return;
  box = ladder_layout_get_box (self->layout, self->cut);
  if (box == NULL || !box->visible)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  /* The canvas background of style.css */
  cairo_set_source_rgba (cr, 0.933, 0.941, 0.953, 0.6);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.36, 0.40, 0.46, 0.9);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_dash (cr, (double[]) { 4.0 / zoom, 3.0 / zoom }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_chevron (LadderCanvas *self, cairo_t *cr, guint person)
{
  const LadderBox *box;
  double cx, cy;

  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person) ||
      ladder_chart_get_first_report (self->chart, person) == LADDER_NONE ||
      ladder_chart_get_collapsed (self->chart, person))
    return;
  box = ladder_layout_get_box (self->layout, person);
  if (box == NULL || !box->visible)
    return;

  cx = box->x + box->width / 2.0;
  cy = box->y + box->height;
  cairo_arc (cr, cx, cy, CHEVRON_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.6, 0.63, 0.68);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  /* An upward chevron: "fold this away". */
  cairo_move_to (cr, cx - 4, cy + 2);
  cairo_line_to (cr, cx, cy - 2);
  cairo_line_to (cr, cx + 4, cy + 2);
  cairo_set_source_rgb (cr, 0.2, 0.25, 0.33);
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

/* Records the chart as the view at (@x, @y) shows it at @zoom (the same
 * transformation as drawing the view itself, so the same pixels), with
 * @margin_x and @margin_y pixels round the @width × @height view. */
static GskRenderNode *
record_picture (LadderCanvas *self, double zoom, double x, double y, int width, int height,
                int margin_x, int margin_y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  LadderRenderOptions options;
  LadderDraw *draw;
  double ox, oy;
  cairo_t *cr;

  render_options (self, &options, zoom, x - margin_x / zoom, y - margin_y / zoom,
                  (width + 2 * margin_x) / zoom, (height + 2 * margin_y) / zoom);
  /* Dotted lines become stubs by what the view shows, not the picture. */
  options.dotted_stub_span = MAX (width, height) / zoom;
  ladder_canvas_get_origin (self, &ox, &oy);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-margin_x, -margin_y,
                                                                 width + 2 * margin_x,
                                                                 height + 2 * margin_y));
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -x, -y);
  draw = ladder_draw_cairo_new (cr);
  ladder_render_chart (draw, self->chart, self->catalogue, self->layout, self->findings, &options);
  ladder_draw_free (draw);
  cairo_translate (cr, ox, oy);
  draw_cut (self, cr, zoom);
  ladder_canvas_draw_marks (self, cr);
  cairo_destroy (cr);
  self->n_pictures++;
  return gtk_snapshot_free_to_node (snapshot);
}

void
ladder_canvas_drop_picture (LadderCanvas *self)
{
  g_clear_pointer (&self->picture, gsk_render_node_unref);
}

/* TRUE when the picture can show the view: same zoom and view size, the
 * view inside its region.  Moved by whole pixels (a wheel's or a key's
 * step) it is the same pixels as the chart drawn afresh; moved by a
 * fraction (a touchpad), a few glyphs' edges differ by a shade (their
 * places are rounded to pixels from another sum), where a new picture on
 * every frame of a smooth scroll would cost more than drawing the view
 * alone did. */
static gboolean
picture_fits (LadderCanvas *self, double zoom, double vx, double vy, int width, int height,
              double *dx, double *dy)
{
  if (self->picture == NULL || self->picture_zoom != zoom
      || self->picture_view_width != width || self->picture_view_height != height)
    return FALSE;
  *dx = (vx - self->picture_x) * zoom;
  *dy = (vy - self->picture_y) * zoom;
  return fabs (*dx) <= self->picture_margin_x && fabs (*dy) <= self->picture_margin_y;
}

/* Adds to @area (widget pixels; empty when width < 0) the card of
 * @person with what the marks draw round it: rings, badge, tags, the
 * chevron below. */
static void
add_card_area (LadderCanvas *self, guint person, double zoom, double vx, double vy,
               graphene_rect_t *area)
{
  /* The widest of the marks round a card, in chart units. */
  const double reach = 24.0;
  const LadderBox *box;
  graphene_rect_t card;
  double ox, oy;

  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person))
    return;
  box = ladder_layout_get_box (self->layout, person);
  if (box == NULL || !box->visible)
    return;
  ladder_canvas_get_origin (self, &ox, &oy);
  card = GRAPHENE_RECT_INIT ((box->x + ox - reach - vx) * zoom - 2,
                             (box->y + oy - reach - vy) * zoom - 2,
                             (box->width + 2 * reach) * zoom + 4,
                             (box->height + 2 * reach) * zoom + 4);
  if (area->size.width < 0)
    *area = card;
  else
    graphene_rect_union (area, &card, area);
}

/* Where the marks on top can draw this frame, in widget pixels: FALSE
 * when nowhere (no node then: a cairo node is composited whole, however
 * little it holds). */
static gboolean
marks_area (LadderCanvas *self, const LadderRenderOptions *options, double zoom,
            double vx, double vy, int width, int height, graphene_rect_t *area)
{
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);

  /* A card being dragged, its drop marker and message go anywhere. */
  if (self->drag_mode == DRAG_CARD)
    {
      *area = view;
      return TRUE;
    }
  *area = GRAPHENE_RECT_INIT (0, 0, -1, -1);
  add_card_area (self, options->drop_target, zoom, vx, vy, area);
  add_card_area (self, options->selected, zoom, vx, vy, area);
  if (zoom >= 0.35)
    add_card_area (self, self->hover, zoom, vx, vy, area);
  return area->size.width >= 0 && graphene_rect_intersection (area, &view, area);
}

void
ladder_canvas_snapshot_chart (LadderCanvas *self, GtkSnapshot *snapshot, int width, int height)
{
  double zoom = ladder_viewport_get_zoom (self->viewport);
  double vx = ladder_viewport_get_x (self->viewport);
  double vy = ladder_viewport_get_y (self->viewport);
  LadderRenderOptions options;
  graphene_rect_t area;
  LadderDraw *draw;
  double dx, dy, ox, oy;
  cairo_t *cr;

  if (!picture_fits (self, zoom, vx, vy, width, height, &dx, &dy))
    {
      /* Panned out of it: a quarter of the view on each side, for the
       * next steps of panning.  Anything else (an edit, a zoom, a new
       * chart) is drawn for the view alone, as it would be without a
       * picture: a frame after an edit draws no more than it did. */
      gboolean panned = self->picture != NULL && self->picture_zoom == zoom
                        && self->picture_view_width == width
                        && self->picture_view_height == height;

      ladder_canvas_drop_picture (self);
      self->picture_zoom = zoom;
      self->picture_view_width = width;
      self->picture_view_height = height;
      self->picture_x = vx;
      self->picture_y = vy;
      self->picture_margin_x = panned ? width / 4 : 0;
      self->picture_margin_y = panned ? height / 4 : 0;
      self->picture = record_picture (self, zoom, vx, vy, width, height,
                                      self->picture_margin_x, self->picture_margin_y);
      dx = dy = 0;
    }
  if (dx == 0 && dy == 0)
    gtk_snapshot_append_node (snapshot, self->picture);
  else
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-dx, -dy));
      gtk_snapshot_append_node (snapshot, self->picture);
      gtk_snapshot_restore (snapshot);
    }

  /* On top: what the pointer and the keyboard change. */
  render_options (self, &options, zoom, vx, vy, width / zoom, height / zoom);
  options.selected = self->selected;
  if (self->drag_mode == DRAG_CARD)
    {
      options.drop_target = self->drop_target;
      options.drop_refused = self->drop_refused;
    }
  else
    options.drop_target = self->dnd_target;
  ladder_canvas_get_origin (self, &ox, &oy);
  if (!marks_area (self, &options, zoom, vx, vy, width, height, &area))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &area);
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -vx, -vy);
  draw = ladder_draw_cairo_new (cr);
  ladder_render_highlights (draw, self->chart, self->catalogue, self->layout, self->findings,
                            &options);
  ladder_draw_free (draw);
  cairo_translate (cr, ox, oy);
  /* What the picture draws over a card, over its ring again. */
  ladder_canvas_draw_marks_of (self, cr, options.drop_target);
  if (options.selected != options.drop_target)
    ladder_canvas_draw_marks_of (self, cr, options.selected);
  if (zoom >= 0.35 && self->drag_mode != DRAG_CARD)
    {
      draw_chevron (self, cr, self->hover);
      if (self->selected != self->hover)
        draw_chevron (self, cr, self->selected);
    }
  ladder_canvas_draw_drag (self, cr);
  cairo_restore (cr);
  ladder_canvas_draw_drop_message (self, cr, width);
  cairo_destroy (cr);
}

guint
ladder_canvas_get_n_pictures (LadderCanvas *self)
{
  return self->n_pictures;
}
