/* test-canvas-picture.c — the canvas keeps the chart as a render node:
 * hover, selection, drop targets and panning inside it reuse it, what
 * the chart shows changing records it again, and it is the same pixels
 * as drawing the chart afresh.  Runs under Xvfb (./run-tests); skipped
 * without a display. */
#include "ladder-gui-test.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "ladder-canvas-private.h"
#include "ladder-draw.h"
#include "ladder-render.h"

typedef LadderGuiFixture Fixture;

#define drain ladder_gui_drain
#define person ladder_gui_person

/* A chief, six heads of product and six reports under each, half of
 * them of a role no one knows (a finding's badge on the card): wider
 * than the window at 100%. */
static char *
team_xml (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<orgchart version=\"1\" title=\"Wide\">\n"
                               "  <person id=\"ceo\" role=\"ceo\" name=\"Ada Obi\"/>\n");

  for (guint h = 0; h < 6; h++)
    {
      g_string_append_printf (xml, "  <person id=\"h%u\" role=\"head-of-product\" name=\"Head %u\""
                              " manager=\"ceo\"/>\n", h, h);
      for (guint r = 0; r < 6; r++)
        g_string_append_printf (xml, "  <person id=\"p%u-%u\" role=\"%s\" name=\"Pat %u-%u\""
                                " manager=\"h%u\"/>\n", h, r, r % 2 ? "pm" : "mystery", h, r, h);
    }
  g_string_append (xml, "</orgchart>\n");
  return g_string_free (xml, FALSE);
}

static int
setup (void **state)
{
  g_autofree char *xml = team_xml ();

  /* NULL without a display: the tests skip, teardown frees nothing. */
  *state = ladder_gui_fixture_new ("wide.ladder", xml);
  return 0;
}

static int
teardown (void **state)
{
  ladder_gui_fixture_free (*state);
  return 0;
}

/* The canvas's frame, as GTK would take it. */
static GskRenderNode *
frame (LadderCanvas *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @node drawn into an image of the canvas's size; @node is consumed. */
static cairo_surface_t *
node_pixels (LadderCanvas *canvas, GskRenderNode *node)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         gtk_widget_get_width (GTK_WIDGET (canvas)),
                                                         gtk_widget_get_height (GTK_WIDGET (canvas)));
  cairo_t *cr = cairo_create (surface);

  assert_non_null (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
frame_pixels (LadderCanvas *canvas)
{
  return node_pixels (canvas, frame (canvas));
}

/* The chart drawn as the canvas drew it before it kept a picture: one
 * pass of the renderer over the view, the selection in the cards, into
 * a cairo node of the view's size. */
static cairo_surface_t *
direct_pixels (LadderCanvas *canvas)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  LadderViewport *viewport = ladder_canvas_get_viewport (canvas);
  double zoom = ladder_viewport_get_zoom (viewport);
  double vx = ladder_viewport_get_x (viewport), vy = ladder_viewport_get_y (viewport);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  LadderRenderOptions options;
  LadderDraw *draw;
  double ox, oy;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  ladder_canvas_get_origin (canvas, &ox, &oy);
  ladder_render_options_init (&options);
  options.draw_title = FALSE;
  options.background = FALSE;
  options.clip_x = vx - ox;
  options.clip_y = vy - oy;
  options.clip_width = width / zoom;
  options.clip_height = height / zoom;
  options.zoom = zoom;
  options.selected = ladder_canvas_get_selected (canvas);
  options.dotted_stubs = TRUE;
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -vx, -vy);
  draw = ladder_draw_cairo_new (cr);
  ladder_render_chart (draw, canvas->chart, canvas->catalogue, ladder_canvas_get_layout (canvas),
                       canvas->findings, &options);
  ladder_draw_free (draw);
  cairo_destroy (cr);
  return node_pixels (canvas, gtk_snapshot_free_to_node (snapshot));
}

/* How many pixels differ outside the rectangle @except (widget pixels;
 * NULL: none), and by how much at most (one channel). */
static guint
compare_except (cairo_surface_t *a, cairo_surface_t *b, const cairo_rectangle_int_t *except,
                guint *max_delta)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  assert_int_equal (width, cairo_image_surface_get_width (b));
  assert_int_equal (height, cairo_image_surface_get_height (b));
  *max_delta = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *ca = pa + y * stride + 4 * x, *cb = pb + y * stride + 4 * x;
        gboolean differs = FALSE;

        if (except != NULL && x >= except->x && x < except->x + except->width
            && y >= except->y && y < except->y + except->height)
          continue;

        for (int c = 0; c < 4; c++)
          if (ca[c] != cb[c])
            {
              differs = TRUE;
              *max_delta = MAX (*max_delta, (guint) ABS (ca[c] - cb[c]));
            }
        n += differs;
      }
  return n;
}

static guint
compare (cairo_surface_t *a, cairo_surface_t *b, guint *max_delta)
{
  return compare_except (a, b, NULL, max_delta);
}

/* Drawn pixels: not transparent. */
static guint
n_drawn (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += data[y * stride + 4 * x + 3] != 0;
  return n;
}

/* A report card wholly in view, with a finding's badge. */
static guint
leaf_in_view (Fixture *f, LadderCanvas *canvas)
{
  LadderViewport *viewport = ladder_canvas_get_viewport (canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  guint found = LADDER_NONE;
  double ox, oy;

  ladder_canvas_get_origin (canvas, &ox, &oy);
  for (guint p = 0; p < ladder_chart_get_capacity (f->chart); p++)
    {
      const LadderBox *box = ladder_layout_get_box (ladder_canvas_get_layout (canvas), p);
      double x0, y0, x1, y1;

      if (box == NULL || !box->visible || ladder_chart_get_first_report (f->chart, p) != LADDER_NONE)
        continue;
      ladder_viewport_to_widget (viewport, box->x + ox - 10, box->y + oy - 10, &x0, &y0);
      ladder_viewport_to_widget (viewport, box->x + ox + box->width + 10,
                                 box->y + oy + box->height + 10, &x1, &y1);
      if (x0 < 0 || y0 < 0 || x1 > width || y1 > height)
        continue;
      if (found == LADDER_NONE || ladder_findings_worst_for (canvas->findings, p) >= 0)
        found = p;
    }
  assert_int_not_equal (found, LADDER_NONE);
  assert_true (ladder_findings_worst_for (canvas->findings, found) >= 0);
  return found;
}

/* @a and @b are the same pixels outside @except (NULL: anywhere): at
 * 100% exactly; at other zooms, where glyphs fall between pixels, but for
 * a few glyph edges a shade apart (4 pixels, 8 levels of 255, when this
 * was written; once, in a clean CI run with other tests at the same time,
 * over 16 levels in at most 16 pixels, not reproduced since: the bound
 * is the 40 levels a pan by a fraction of a pixel gives, below).  A card
 * drawn wrong or missing is thousands of pixels. */
static void
assert_alike (cairo_surface_t *a, cairo_surface_t *b, const cairo_rectangle_int_t *except,
              double zoom)
{
  guint max_delta, n = compare_except (a, b, except, &max_delta);

  if (zoom == 1.0)
    assert_int_equal (n, 0);
  else
    {
      assert_true (n <= 16);
      assert_true (max_delta <= 48);
    }
}

static LadderCanvas *
canvas_at (Fixture *f, double zoom, double x, double y)
{
  LadderCanvas *canvas = ladder_gui_canvas (f);
  LadderViewport *viewport = ladder_canvas_get_viewport (canvas);

  ladder_viewport_set_zoom (viewport, zoom);
  ladder_viewport_set_position (viewport, x, y);
  drain ();
  assert_true (gtk_widget_get_width (GTK_WIDGET (canvas)) > 200);
  return canvas;
}

/* Hover, selection, a drop target and panning within the picture keep
 * it; a chart change, findings, search matches, a fold and a zoom record
 * it again. */
static void
test_marks_keep_picture (void **state)
{
  Fixture *f = *state;
  LadderCanvas *canvas;
  LadderViewport *viewport;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *matches = NULL;
  guint n;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  canvas = canvas_at (f, 1.0, 300, 0);
  viewport = ladder_canvas_get_viewport (canvas);
  gsk_render_node_unref (frame (canvas));
  n = ladder_canvas_get_n_pictures (canvas);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n);
  /* Made for the view alone; a first step of panning makes it again
   * with a margin round the view, which the next steps stay in. */
  assert_int_equal (canvas->picture_margin_x, 0);
  ladder_viewport_pan (viewport, 5, 0);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), ++n);
  assert_true (canvas->picture_margin_x > 100);

  canvas->hover = person (f, "h1");
  gsk_render_node_unref (frame (canvas));
  ladder_canvas_set_selected (canvas, person (f, "h2"));
  gsk_render_node_unref (frame (canvas));
  ladder_canvas_set_selected (canvas, person (f, "p1-0"));
  gsk_render_node_unref (frame (canvas));
  canvas->dnd_target = person (f, "h0");
  gsk_render_node_unref (frame (canvas));
  canvas->dnd_target = LADDER_NONE;
  ladder_viewport_pan (viewport, 40, 0);
  gsk_render_node_unref (frame (canvas));
  ladder_viewport_pan (viewport, -25, 10);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n);

  /* Out of the picture's margin. */
  ladder_viewport_pan (viewport, gtk_widget_get_width (GTK_WIDGET (canvas)), 0);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 1);
  assert_true (canvas->picture_margin_x > 100);

  ladder_document_rename (f->document, person (f, "p1-1"), "Quinn Roe");
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 2);

  ladder_canvas_set_findings (canvas, canvas->findings);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 3);

  matches = g_new0 (guint8, ladder_chart_get_capacity (f->chart));
  matches[person (f, "h1")] = 1;
  ladder_canvas_set_matches (canvas, matches);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 4);
  ladder_canvas_set_matches (canvas, NULL);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 5);

  ladder_document_fold (f->document, person (f, "h0"), TRUE);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 6);

  ladder_canvas_set_cut (canvas, person (f, "h2"));
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 7);

  ladder_viewport_set_zoom (viewport, 0.8);
  gsk_render_node_unref (frame (canvas));
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n + 8);
  assert_null (error);
}

/* The frame made from the picture, fresh or moved by a pan, is the
 * chart the renderer draws for the view in one pass, at @zoom with the
 * view's corner at (@x, @y). */
static void
assert_same_pixels (Fixture *f, double zoom, double x, double y)
{
  LadderCanvas *canvas;
  LadderViewport *viewport;
  cairo_surface_t *kept, *fresh, *direct, *unselected;
  guint max_delta, n, selected;

  canvas = canvas_at (f, zoom, x, y);
  viewport = ladder_canvas_get_viewport (canvas);
  /* The pointer is the X server's, shared with the other tests run at
   * the same time (e2e tests move it): over this window it would add a
   * hover chevron the one-pass drawing has not.  No events are handled
   * from here on, so it stays off. */
  canvas->hover = LADDER_NONE;
  ladder_canvas_set_selected (canvas, LADDER_NONE);
  ladder_canvas_drop_picture (canvas);

  fresh = frame_pixels (canvas);
  direct = direct_pixels (canvas);
  assert_true (n_drawn (direct) > 10000);
  assert_alike (fresh, direct, NULL, zoom);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (direct);

  /* Panned: made again with a margin, then moved inside it, not drawn
   * again, same pixels. */
  ladder_viewport_pan (viewport, 3, 2);
  gsk_render_node_unref (frame (canvas));
  n = ladder_canvas_get_n_pictures (canvas);
  ladder_viewport_pan (viewport, 37, 21);
  kept = frame_pixels (canvas);
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n);
  direct = direct_pixels (canvas);
  assert_alike (kept, direct, NULL, zoom);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (direct);

  /* By a fraction of a pixel: glyphs' edges at most (24 pixels of the
   * view, by 40 of 255 at most, when this was written). */
  ladder_viewport_pan (viewport, 10.3, -7.6);
  kept = frame_pixels (canvas);
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n);
  direct = direct_pixels (canvas);
  assert_true (compare (kept, direct, &max_delta) <= 64);
  assert_true (max_delta <= 64);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (direct);
  ladder_viewport_pan (viewport, -10.3, 7.6);

  /* A selected card: its ring drawn on top of the kept picture is the
   * ring the renderer draws in the card.  The finding's badge, which
   * the card draws over its ring, is drawn again over it: the edge of
   * its round halo, smoothed twice, is a shade different (and only
   * there). */
  unselected = frame_pixels (canvas);
  selected = leaf_in_view (f, canvas);
  ladder_canvas_set_selected (canvas, selected);
  kept = frame_pixels (canvas);
  assert_int_equal (ladder_canvas_get_n_pictures (canvas), n);
  assert_true (compare (kept, unselected, &max_delta) > 500);
  direct = direct_pixels (canvas);
  {
    const LadderBox *box = ladder_layout_get_box (ladder_canvas_get_layout (canvas), selected);
    double ox, oy, cx, cy;
    cairo_rectangle_int_t badge;

    ladder_canvas_get_origin (canvas, &ox, &oy);
    ladder_viewport_to_widget (viewport, box->x + ox + box->width - 3, box->y + oy + 3, &cx, &cy);
    badge = (cairo_rectangle_int_t) { floor (cx) - 12, floor (cy) - 12, 25, 25 };
    assert_alike (kept, direct, &badge, zoom);
    assert_true (compare (kept, direct, &max_delta) <= 80);
    assert_true (max_delta <= 96);
  }
  cairo_surface_destroy (unselected);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (direct);
}

static void
test_picture_pixels (void **state)
{
  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  assert_same_pixels (*state, 1.0, 300, 0);
  /* Half pixels everywhere, where a glyph's place is rounded. */
  assert_same_pixels (*state, 0.5, 301, 1);
  assert_same_pixels (*state, 0.8, 123.4, 5.7);
}

/* Nothing on top: the frame is the picture alone.  A selection: the
 * marks' node covers the card, not the view (a cairo node is composited
 * whole, however little it holds). */
static void
test_marks_node_covers_marks (void **state)
{
  Fixture *f = *state;
  LadderCanvas *canvas;
  GskRenderNode *node, *marks;
  graphene_rect_t bounds;
  int width;

  LADDER_GUI_SKIP_WITHOUT_DISPLAY ();
  canvas = canvas_at (f, 1.0, 300, 0);
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  ladder_canvas_set_selected (canvas, LADDER_NONE);
  canvas->hover = LADDER_NONE;
  node = frame (canvas);
  assert_int_equal (gsk_render_node_get_node_type (node), GSK_CAIRO_NODE);
  gsk_render_node_unref (node);

  ladder_canvas_set_selected (canvas, leaf_in_view (f, canvas));
  node = frame (canvas);
  assert_int_equal (gsk_render_node_get_node_type (node), GSK_CONTAINER_NODE);
  assert_int_equal (gsk_container_node_get_n_children (node), 2);
  marks = gsk_container_node_get_child (node, 1);
  gsk_render_node_get_bounds (marks, &bounds);
  assert_true (bounds.size.width > LADDER_CARD_WIDTH && bounds.size.width < width / 2);
  gsk_render_node_unref (node);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_marks_keep_picture, setup, teardown),
    cmocka_unit_test_setup_teardown (test_picture_pixels, setup, teardown),
    cmocka_unit_test_setup_teardown (test_marks_node_covers_marks, setup, teardown),
  };

  ladder_gui_test_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
