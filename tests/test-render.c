/* test-render.c — the renderer, through a recording backend, into a
 * cairo image surface and into SVG. */
#include "ladder-test-util.h"

#include "ladder-render.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#define LONG_NAME "Priya Raman-Christiansen-Vandermeer of the Northern Territories"

/* ---- a backend that records what it is asked to draw ---- */

typedef struct {
  double xy[16];            /* the first 8 points */
  guint  n_points;
  double dash;
} RecordedLine;

/* A box or a text, in drawing order, where it was drawn. */
typedef struct {
  gboolean    text;
  double      x, y, width, height;
  LadderPaint paint;
  char        label[8];
} RecordedOp;

typedef struct {
  LadderDraw  parent;
  GArray     *ops;          /* RecordedOp */
  GPtrArray  *texts;        /* char* */
  GArray     *text_fonts;   /* LadderFont */
  GArray     *text_widths;  /* double */
  GArray     *lines;        /* LadderColor of each polyline's stroke */
  GArray     *polylines;    /* RecordedLine */
  guint       n_boxes;
  guint       n_dashed_boxes;
} Recorder;

static void
rec_box (LadderDraw *draw, double x, double y, double width, double height,
         double radius, LadderCorners corners, const LadderPaint *paint)
{
  Recorder *self = (Recorder *) draw;
  RecordedOp op = { FALSE, x, y, width, height, *paint, "" };

  g_array_append_val (self->ops, op);
  self->n_boxes++;
  if (paint->dash > 0 && paint->stroke.alpha > 0)
    self->n_dashed_boxes++;
}

static void
rec_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  Recorder *self = (Recorder *) draw;
  RecordedLine line = { { 0 }, MIN (n_points, 8), paint->dash };

  memcpy (line.xy, xy, 2 * line.n_points * sizeof (double));
  g_array_append_val (self->lines, paint->stroke);
  g_array_append_val (self->polylines, line);
}

static void
rec_text (LadderDraw *draw, double x, double y, double width, const char *text,
          const LadderFont *font)
{
  Recorder *self = (Recorder *) draw;
  RecordedOp op = { TRUE, x, y, width, 0, { { 0 } }, "" };

  g_strlcpy (op.label, text, sizeof op.label);
  g_array_append_val (self->ops, op);
  g_ptr_array_add (self->texts, g_strdup (text));
  g_array_append_val (self->text_fonts, *font);
  g_array_append_val (self->text_widths, width);
}

static void
rec_free (LadderDraw *draw)
{
  Recorder *self = (Recorder *) draw;

  g_array_unref (self->ops);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->text_fonts);
  g_array_unref (self->text_widths);
  g_array_unref (self->lines);
  g_array_unref (self->polylines);
  g_free (self);
}

static const LadderDrawClass recorder_class = {
  .box = rec_box, .polyline = rec_polyline, .text = rec_text, .free = rec_free,
};

static Recorder *
recorder_new (void)
{
  Recorder *self = g_new0 (Recorder, 1);

  self->parent.klass = &recorder_class;
  self->ops = g_array_new (FALSE, FALSE, sizeof (RecordedOp));
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->text_fonts = g_array_new (FALSE, FALSE, sizeof (LadderFont));
  self->text_widths = g_array_new (FALSE, FALSE, sizeof (double));
  self->lines = g_array_new (FALSE, FALSE, sizeof (LadderColor));
  self->polylines = g_array_new (FALSE, FALSE, sizeof (RecordedLine));
  return self;
}

static guint
count_text (Recorder *rec, const char *text)
{
  guint n = 0;

  for (guint i = 0; i < rec->texts->len; i++)
    n += g_str_equal (rec->texts->pdata[i], text);
  return n;
}

/* ---- a small chart ---- */

typedef struct {
  LadderChart     *chart;
  LadderCatalogue *catalogue;
  LadderFindings  *findings;
  LadderLayout    *layout;
  guint ceo, cpo, vacant, longname, wrong, folded, special;
} Sample;

static guint
add (LadderChart *chart, const char *role, guint manager, const char *name)
{
  guint p = ladder_chart_add_person (chart, NULL, role, manager, LADDER_NONE, NULL);

  g_assert_cmpuint (p, !=, LADDER_NONE);
  if (name)
    ladder_chart_set_name (chart, p, name);
  return p;
}

static void
sample_init (Sample *s)
{
  LadderChart *chart = s->chart = ladder_chart_new ();
  guint pm;

  ladder_chart_set_title (chart, "Acme product team");
  s->ceo = add (chart, "ceo", LADDER_NONE, "Ada Obi");
  s->cpo = add (chart, "cpo", s->ceo, "Ben Cruz");
  s->vacant = add (chart, "head-of-product", s->cpo, NULL);
  ladder_chart_set_vacant (chart, s->vacant, TRUE);
  ladder_chart_set_person_title (chart, s->vacant, "Head of Product, Payments");
  s->longname = add (chart, "director-product", s->cpo, LONG_NAME);
  /* A VP under a PM breaks vp-reports-to-executive: an error. */
  pm = add (chart, "pm", s->longname, "Lena Fischer");
  s->wrong = add (chart, "vp-product", pm, "Wrong Place");
  s->folded = add (chart, "senior-pm", s->longname, "Ivan Petrov");
  add (chart, "pm", s->folded, "Hidden One");
  add (chart, "pm", s->folded, "Hidden Two");
  ladder_chart_set_collapsed (chart, s->folded, TRUE);
  s->special = add (chart, "pm", s->cpo, "R&D <Lead> \"Q\" 'x'");

  s->catalogue = g_object_ref (ladder_catalogue_get_default ());
  s->findings = ladder_validate (chart, s->catalogue);
  s->layout = ladder_layout_new ();
  ladder_layout_compute (s->layout, chart);
}

static void
sample_clear (Sample *s)
{
  ladder_layout_free (s->layout);
  ladder_findings_free (s->findings);
  g_object_unref (s->catalogue);
  g_object_unref (s->chart);
}

static const char *all_names[] = { "Ada Obi", "Ben Cruz", "Lena Fischer", "Wrong Place",
                                   "Ivan Petrov", "R&D <Lead> \"Q\" 'x'" };

/* ---- tests ---- */

static void
test_records_everything (void **state)
{
  Sample s;
  Recorder *rec = recorder_new ();
  LadderRenderOptions options;
  gboolean red_line = FALSE;

  sample_init (&s);
  ladder_render_options_init (&options);
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, s.findings, &options);

  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    g_assert_cmpuint (count_text (rec, all_names[i]), ==, 1);
  g_assert_cmpuint (count_text (rec, "Hidden One"), ==, 0);
  g_assert_cmpuint (count_text (rec, "Acme product team"), ==, 1);
  g_assert_cmpuint (count_text (rec, "10 positions · 1 open"), ==, 1);
  /* Titles: the role's display name, or the person's own title. */
  g_assert_cmpuint (count_text (rec, "Chief Product Officer"), ==, 1);
  g_assert_cmpuint (count_text (rec, "Head of Product, Payments"), ==, 1);
  /* The vacant card: "Vacant" in italic and a dashed border. */
  g_assert_cmpuint (count_text (rec, "Vacant"), ==, 1);
  for (guint i = 0; i < rec->texts->len; i++)
    if (g_str_equal (rec->texts->pdata[i], "Vacant"))
      g_assert_true (g_array_index (rec->text_fonts, LadderFont, i).italic);
  g_assert_cmpuint (rec->n_dashed_boxes, ==, 1);
  /* Two people folded under Ivan. */
  g_assert_cmpuint (count_text (rec, "+2"), ==, 1);
  /* Badges: at least the error on the misplaced VP. */
  g_assert_cmpuint (count_text (rec, "!"), >=, 1);
  /* The broken reporting line, in red. */
  for (guint i = 0; i < rec->lines->len; i++)
    {
      LadderColor c = g_array_index (rec->lines, LadderColor, i);
      if (c.red > 0.8 && c.green < 0.3 && c.blue < 0.3)
        red_line = TRUE;
    }
  g_assert_true (red_line);
  /* Names and titles get the card's width less its insets to fit in. */
  for (guint i = 0; i < rec->texts->len; i++)
    if (g_str_equal (rec->texts->pdata[i], "Ada Obi"))
      g_assert_cmpfloat (g_array_index (rec->text_widths, double, i), ==, LADDER_CARD_WIDTH - 24);

  ladder_draw_free (&rec->parent);
  sample_clear (&s);
}

/* The index of the first text op @label from @from on, or G_MAXUINT. */
static guint
find_text_op (Recorder *rec, const char *label, guint from)
{
  for (guint i = from; i < rec->ops->len; i++)
    {
      const RecordedOp *op = &g_array_index (rec->ops, RecordedOp, i);

      if (op->text && g_str_equal (op->label, label))
        return i;
    }
  return G_MAXUINT;
}

/* The index of the box stroked in @rgb, or G_MAXUINT. */
static guint
find_stroked_box (Recorder *rec, guint rgb)
{
  LadderColor color = LADDER_RGB (rgb);

  for (guint i = 0; i < rec->ops->len; i++)
    {
      const RecordedOp *op = &g_array_index (rec->ops, RecordedOp, i);

      if (!op->text && op->paint.line_width > 0 && memcmp (&op->paint.stroke, &color, sizeof color) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* The fold pill hangs whole below its card, clear of the card's edge
 * and of the selection ring; a badge is drawn over the ring, its white
 * edge cutting the ring short round it. */
static void
test_pill_and_badge_clear (void **state)
{
  Sample s;
  LadderRenderOptions options;
  const LadderBox *box;
  double ox, oy, card_bottom, ring_outside;
  guint text, ring;
  const RecordedOp *pill, *ring_op, *badge;
  Recorder *rec = recorder_new ();

  sample_init (&s);
  ladder_render_options_init (&options);
  options.selected = s.folded;
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, s.findings, &options);
  ladder_render_get_origin (s.chart, &options, &ox, &oy);
  box = ladder_layout_get_box (s.layout, s.folded);
  card_bottom = oy + box->y + box->height;

  text = find_text_op (rec, "+2", 0);
  g_assert_cmpuint (text, !=, G_MAXUINT);
  pill = &g_array_index (rec->ops, RecordedOp, text - 1);
  ring = find_stroked_box (rec, 0x2563EB);
  g_assert_cmpuint (ring, !=, G_MAXUINT);
  ring_op = &g_array_index (rec->ops, RecordedOp, ring);
  ring_outside = ring_op->y + ring_op->height + ring_op->paint.line_width / 2;
  g_assert_cmpfloat (ring_outside, ==, card_bottom + 4.75);
  g_assert_cmpfloat (pill->y, ==, card_bottom + 7);
  g_assert_cmpfloat (pill->height, ==, 18);
  g_assert_cmpfloat (pill->y - pill->paint.line_width / 2, >, ring_outside);
  g_assert_cmpfloat (pill->x + pill->width / 2, ==, ox + box->x + box->width / 2);
  ladder_draw_free (&rec->parent);

  /* The misplaced VP: an error badge at the card's top-right corner. */
  rec = recorder_new ();
  options.selected = s.wrong;
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, s.findings, &options);
  box = ladder_layout_get_box (s.layout, s.wrong);
  ring = find_stroked_box (rec, 0x2563EB);
  g_assert_cmpuint (ring, !=, G_MAXUINT);
  text = find_text_op (rec, "!", ring);
  g_assert_cmpuint (text, !=, G_MAXUINT);
  badge = &g_array_index (rec->ops, RecordedOp, text - 1);
  g_assert_cmpfloat (badge->x + badge->width / 2, ==, ox + box->x + box->width - 3);
  g_assert_cmpfloat (badge->y + badge->height / 2, ==, oy + box->y + 3);
  g_assert_cmpfloat (badge->paint.line_width, ==, 3);
  g_assert_cmpfloat (badge->paint.stroke.red, ==, 1);
  g_assert_cmpfloat (badge->paint.stroke.green, ==, 1);
  g_assert_cmpfloat (badge->paint.stroke.blue, ==, 1);
  /* The ring's line (2.5 wide) is wholly under the halo where they cross. */
  g_assert_cmpfloat (badge->paint.line_width, >=,
                     g_array_index (rec->ops, RecordedOp, ring).paint.line_width);
  ladder_draw_free (&rec->parent);
  sample_clear (&s);
}

static void
test_culling_and_zoom (void **state)
{
  Sample s;
  Recorder *rec = recorder_new ();
  LadderRenderOptions options;
  const LadderBox *box;

  sample_init (&s);
  box = ladder_layout_get_box (s.layout, s.cpo);
  ladder_render_options_init (&options);
  options.clip_x = box->x;
  options.clip_y = box->y;
  options.clip_width = box->width;
  options.clip_height = box->height;
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, NULL, &options);
  g_assert_cmpuint (rec->texts->len, ==, 2);
  g_assert_cmpstr (rec->texts->pdata[0], ==, "Ben Cruz");
  g_assert_cmpstr (rec->texts->pdata[1], ==, "Chief Product Officer");
  ladder_draw_free (&rec->parent);

  /* Far out: blocks, no text at all. */
  rec = recorder_new ();
  options.clip_width = 0;
  options.zoom = 0.2;
  options.draw_title = FALSE;
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, s.findings, &options);
  g_assert_cmpuint (rec->texts->len, ==, 0);
  g_assert_cmpuint (rec->n_boxes, >=, 7);
  ladder_draw_free (&rec->parent);

  /* Nothing in view: nothing but the background. */
  rec = recorder_new ();
  options.zoom = 1;
  options.clip_x = -5000;
  options.clip_y = 0;
  options.clip_width = 100;
  options.clip_height = 100;
  ladder_render_chart (&rec->parent, s.chart, s.catalogue, s.layout, s.findings, &options);
  g_assert_cmpuint (rec->texts->len, ==, 0);
  g_assert_cmpuint (rec->n_boxes, ==, 1);
  g_assert_cmpuint (rec->lines->len, ==, 0);
  ladder_draw_free (&rec->parent);
  sample_clear (&s);
}

static void
assert_pixel (cairo_surface_t *surface, int x, int y, guint rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
  int dr = (int) ((pixel >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((pixel >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (pixel & 0xff) - (int) (rgb & 0xff);

  if (ABS (dr) > 3 || ABS (dg) > 3 || ABS (db) > 3)
    fail_msg ("pixel (%d, %d) is #%06x, expected #%06x", x, y, pixel & 0xffffff, rgb);
}

static void
assert_grey (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  guint r = (pixel >> 16) & 0xff, b = pixel & 0xff;

  if (r > 0xd8 || b > 0xe0 || r < 0x80 || b < r || b - r > 0x20)
    fail_msg ("pixel (%d, %d) is #%06x, not a line's grey", x, y, pixel & 0xffffff);
}

static void
test_cairo_pixels (void **state)
{
  Sample s;
  LadderRenderOptions options;
  double width, height, ox, oy;
  cairo_surface_t *surface;
  cairo_t *cr;
  LadderDraw *draw;
  const LadderBox *ceo, *cpo;
  const LadderRole *role;
  guint band;

  sample_init (&s);
  ladder_render_options_init (&options);
  options.selected = s.cpo;
  ladder_render_get_size (s.layout, s.chart, &options, &width, &height);
  ladder_render_get_origin (s.chart, &options, &ox, &oy);
  g_assert_cmpfloat (ox, ==, LADDER_RENDER_MARGIN);
  g_assert_cmpfloat (oy, ==, LADDER_RENDER_MARGIN + LADDER_RENDER_TITLE_HEIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  draw = ladder_draw_cairo_new (cr);
  cairo_destroy (cr);   /* the backend holds its own reference */
  ladder_render_chart (draw, s.chart, s.catalogue, s.layout, s.findings, &options);
  ladder_draw_free (draw);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  ceo = ladder_layout_get_box (s.layout, s.ceo);
  cpo = ladder_layout_get_box (s.layout, s.cpo);
  role = ladder_catalogue_lookup_role (s.catalogue, "ceo");
  band = (guint) lround (role->color[0] * 255) << 16 | (guint) lround (role->color[1] * 255) << 8
         | (guint) lround (role->color[2] * 255);
  assert_pixel (surface, 2, 2, 0xFFFFFF);
  /* The CEO's band in the role's colour, the card white below it. */
  assert_pixel (surface, (int) (ceo->x + ox + ceo->width / 2), (int) (ceo->y + oy + 2), band);
  assert_pixel (surface, (int) (ceo->x + ox + 6), (int) (ceo->y + oy + 56), 0xFFFFFF);
  /* The selection ring, blue, just outside the CPO's card. */
  assert_pixel (surface, (int) floor (cpo->x + ox - 4), (int) (cpo->y + oy + cpo->height / 2), 0x2563EB);
  /* The trunk from the CEO down, grey (anti-aliased over two pixels),
   * and nothing beside it. */
  assert_grey (surface, (int) floor (ceo->x + ox + ceo->width / 2),
               (int) (ceo->y + oy + ceo->height + 10));
  assert_pixel (surface, (int) floor (ceo->x + ox + ceo->width / 2) + 3,
                (int) (ceo->y + oy + ceo->height + 10), 0xFFFFFF);

  cairo_surface_destroy (surface);
  sample_clear (&s);
}

static gboolean
append_to_string (gpointer closure, const char *data, gsize length)
{
  g_string_append_len (closure, data, length);
  return TRUE;
}

static void
collect_texts (xmlNode *node, GPtrArray *texts, guint *n_foreign)
{
  /* The document is shallow (svg > g > text), but walk it without
   * recursion anyway, with an explicit stack. */
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, node);
  while (stack->len > 0)
    {
      xmlNode *n = g_ptr_array_steal_index (stack, stack->len - 1);

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (n->name, (const xmlChar *) "foreignObject"))
        (*n_foreign)++;
      if (xmlStrEqual (n->name, (const xmlChar *) "text"))
        {
          xmlChar *content = xmlNodeGetContent (n);
          g_ptr_array_add (texts, g_strdup ((const char *) content));
          xmlFree (content);
        }
      for (xmlNode *c = n->children; c; c = c->next)
        g_ptr_array_add (stack, c);
    }
}

/* The SVG of @chart (validated against the built-in rules), as drawn. */
static char *
render_svg (LadderChart *chart)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  GString *out = g_string_new (NULL);
  LadderRenderOptions options;
  double width, height;
  LadderDraw *draw;

  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, &width, &height);
  draw = ladder_draw_svg_new (append_to_string, out, width, height, NULL);
  ladder_render_chart (draw, chart, catalogue, layout, findings, &options);
  g_assert_true (ladder_draw_svg_finish (draw));
  ladder_draw_free (draw);
  return g_string_free (out, FALSE);
}

/* A folded card says how many it hides and, by the colour of its "+N",
 * the worst finding among them. */
static void
test_fold_marker_tells_worst (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint ceo = add (chart, "ceo", LADDER_NONE, "Ada Obi");
  guint cpo = add (chart, "cpo", ceo, "Ben Cruz");
  guint gpm = add (chart, "group-pm", cpo, "Cleo Diaz");
  g_autofree char *clean = NULL, *hiding = NULL;
  const char *marker;

  add (chart, "pm", gpm, "Tom Berg");
  ladder_chart_set_collapsed (chart, gpm, TRUE);
  clean = render_svg (chart);
  marker = strstr (clean, ">+1<");
  g_assert_nonnull (marker);
  g_assert_nonnull (strstr (clean, "fill=\"#344054\">+1</text>"));

  /* A VP of Product under the Group PM: an error, folded away. */
  add (chart, "vp-product", gpm, "Sam Lee");
  hiding = render_svg (chart);
  g_assert_nonnull (strstr (hiding, ">+2<"));
  g_assert_null (strstr (hiding, "Sam Lee"));
  /* The pill is ringed and its count written in the error red. */
  g_assert_nonnull (strstr (hiding, "fill=\"#d92d20\">+2</text>"));
  g_assert_nonnull (strstr (hiding, "fill=\"#f2f4f7\" stroke=\"#d92d20\" stroke-width=\"2\"/>"));
}

/* The same for a folded team bigger than the list of findings (a big chart
 * opened folded), which is read from the findings' side: only a finding
 * under the fold colours it. */
static void
test_fold_marker_big_team (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint ceo = add (chart, "ceo", LADDER_NONE, "Ada Obi");
  guint cpo = add (chart, "cpo", ceo, "Ben Cruz");
  guint gpm = add (chart, "group-pm", cpo, "Cleo Diaz");
  guint other = add (chart, "group-pm", cpo, "Dev Ray");
  guint pm = LADDER_NONE;
  g_autofree char *outside = NULL, *inside = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pat %u", i);
      guint p = add (chart, "pm", gpm, name);

      if (i == 20)
        pm = p;
    }
  ladder_chart_set_collapsed (chart, gpm, TRUE);
  /* A VP of Product under the other, open Group PM: not hidden. */
  add (chart, "vp-product", other, "Sam Lee");
  outside = render_svg (chart);
  g_assert_nonnull (strstr (outside, "fill=\"#344054\">+40</text>"));

  /* One under a PM of the folded team: two levels down, folded away. */
  add (chart, "vp-product", pm, "Kim Ode");
  inside = render_svg (chart);
  g_assert_null (strstr (inside, "Kim Ode"));
  g_assert_nonnull (strstr (inside, "fill=\"#d92d20\">+41</text>"));
}

/* The SVG of @chart in a small view around @person's card. */
static char *
render_view_svg (LadderChart *chart, guint person, gboolean stubs, double span)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  GString *out = g_string_new (NULL);
  LadderRenderOptions options;
  const LadderBox *box;
  LadderDraw *draw;

  ladder_layout_compute (layout, chart);
  box = ladder_layout_get_box (layout, person);
  ladder_render_options_init (&options);
  options.clip_x = box->x - 100;
  options.clip_y = box->y - 100;
  options.clip_width = 400;
  options.clip_height = 300;
  options.dotted_stubs = stubs;
  options.dotted_stub_span = span;
  draw = ladder_draw_svg_new (append_to_string, out, 400, 300, NULL);
  ladder_render_chart (draw, chart, catalogue, layout, NULL, &options);
  g_assert_true (ladder_draw_svg_finish (draw));
  ladder_draw_free (draw);
  return g_string_free (out, FALSE);
}

/* A dotted line whose ends are far apart on screen is a stub at each end
 * with the other person's name; exports draw it whole. */
static void
test_dotted_stub (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint ceo = add (chart, "ceo", LADDER_NONE, "Ada Obi");
  guint near = add (chart, "pm", ceo, "Nia Near");
  guint far = LADDER_NONE;
  g_autofree char *whole = NULL, *stubbed = NULL, *close = NULL;

  for (guint i = 0; i < 30; i++)
    far = add (chart, "pm", ceo, i == 29 ? "Zed Far" : "Pat Mid");
  g_assert_true (ladder_chart_add_dotted_line (chart, near, far, NULL));

  whole = render_view_svg (chart, near, FALSE, 0);
  g_assert_nonnull (strstr (whole, "Nia Near"));
  g_assert_null (strstr (whole, "Zed Far"));
  stubbed = render_view_svg (chart, near, TRUE, 0);
  g_assert_nonnull (strstr (stubbed, ">Zed Far</text>"));
  /* The span of a view bigger than the clip (the canvas drawing a
   * margin round its view): whole again. */
  g_clear_pointer (&whole, g_free);
  whole = render_view_svg (chart, near, TRUE, 40 * LADDER_CARD_WIDTH);
  g_assert_null (strstr (whole, "Zed Far"));

  /* Ends close together on screen: the line as it is. */
  ladder_chart_remove_dotted_line (chart, near, far);
  g_assert_true (ladder_chart_add_dotted_line (chart, near, ladder_chart_get_next_sibling (chart, near), NULL));
  close = render_view_svg (chart, near, TRUE, 0);
  g_assert_nonnull (strstr (stubbed, "font-style=\"italic\""));
  g_assert_null (strstr (close, "font-style=\"italic\""));
  /* A view narrower than the clip (and the gap between the cards): stubs
   * even for these. */
  g_clear_pointer (&close, g_free);
  close = render_view_svg (chart, near, TRUE, 10);
  g_assert_nonnull (strstr (close, "font-style=\"italic\""));
}

static void
test_svg (void **state)
{
  Sample s;
  LadderRenderOptions options;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  LadderFont name_font = { 13.5, TRUE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER };
  double width, height;
  LadderDraw *draw;
  xmlDoc *doc;
  guint n_foreign = 0;
  const char *cut = NULL;

  sample_init (&s);
  ladder_render_options_init (&options);
  ladder_render_get_size (s.layout, s.chart, &options, &width, &height);
  draw = ladder_draw_svg_new (append_to_string, out, width, height, "Acme & co");
  ladder_render_chart (draw, s.chart, s.catalogue, s.layout, s.findings, &options);
  g_assert_true (ladder_draw_svg_finish (draw));
  ladder_draw_free (draw);

  doc = xmlReadMemory (out->str, (int) out->len, "chart.svg", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  collect_texts (xmlDocGetRootElement (doc), texts, &n_foreign);
  g_assert_cmpuint (n_foreign, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    {
      gboolean found = FALSE;
      for (guint t = 0; t < texts->len; t++)
        found |= g_str_equal (texts->pdata[t], all_names[i]);
      if (!found)
        fail_msg ("no <text> holds “%s”", all_names[i]);
    }

  /* The long name is cut with an ellipsis, as far as it fits, no more. */
  for (guint t = 0; t < texts->len; t++)
    if (g_str_has_prefix (texts->pdata[t], "Priya"))
      cut = texts->pdata[t];
  g_assert_nonnull (cut);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_true (strlen (cut) < strlen (LONG_NAME));
  g_assert_true (strncmp (cut, LONG_NAME, strlen (cut) - strlen ("…")) == 0);
  g_assert_cmpfloat (ladder_draw_measure_text (cut, &name_font), <=, LADDER_CARD_WIDTH - 24);
  {
    gsize kept = strlen (cut) - strlen ("…");
    g_autofree char *longer = g_strdup_printf ("%.*s…", (int) kept + 1, LONG_NAME);
    g_assert_cmpfloat (ladder_draw_measure_text (longer, &name_font), >, LADDER_CARD_WIDTH - 24);
  }

  xmlFreeDoc (doc);
  sample_clear (&s);
}

/* ---- lines clipped to the view ---- */

/* How far outside the view a clipped line may reach: the renderer's
 * margin (8), and for a dashed line's start, one dash period more. */
#define CLIP_REACH 8.0
#define DOTTED_PERIOD 10.0

static Recorder *
render_view (LadderChart *chart, LadderLayout *layout, double x, double y, double w, double h)
{
  Recorder *rec = recorder_new ();
  LadderRenderOptions options;

  ladder_render_options_init (&options);
  options.draw_title = FALSE;
  options.clip_x = x;
  options.clip_y = y;
  options.clip_width = w;
  options.clip_height = h;
  ladder_render_chart (&rec->parent, chart, NULL, layout, NULL, &options);
  return rec;
}

static const RecordedLine *
find_dashed (Recorder *rec, guint nth)
{
  for (guint i = 0; i < rec->polylines->len; i++)
    {
      const RecordedLine *line = &g_array_index (rec->polylines, RecordedLine, i);
      if (line->dash > 0 && nth-- == 0)
        return line;
    }
  return NULL;
}

/* @point on the line through @whole, a whole number of dash periods
 * from its start (or at its end). */
static void
assert_on_dash_grid (const RecordedLine *whole, double px, double py, gboolean start)
{
  double dx = whole->xy[2] - whole->xy[0], dy = whole->xy[3] - whole->xy[1];
  double length = hypot (dx, dy);
  double along = ((px - whole->xy[0]) * dx + (py - whole->xy[1]) * dy) / length;
  double across = ((px - whole->xy[0]) * dy - (py - whole->xy[1]) * dx) / length;

  g_assert_cmpfloat (fabs (across), <, 1e-6);
  g_assert_cmpfloat (along, >=, -1e-6);
  g_assert_cmpfloat (along, <=, length + 1e-6);
  if (start)
    g_assert_cmpfloat (fabs (along / DOTTED_PERIOD - round (along / DOTTED_PERIOD)), <, 1e-6);
}

static void
test_clipped_lines (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderRenderOptions options;
  Recorder *whole, *rec;
  const RecordedLine *row_line, *diagonal;
  guint ceo, reports[3000];
  const LadderConnector *bus;
  double ox, oy, vx, vy;
  const double vw = 1920, vh = 1080;

  /* A star 612,000 units wide; a dotted line along its row, and one
   * from the CEO down to a report far to the right. */
  ceo = add (chart, "ceo", LADDER_NONE, "Root");
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    reports[i] = add (chart, "pm", ceo, NULL);
  g_assert_true (ladder_chart_add_dotted_line (chart, reports[10], reports[2990], NULL));
  g_assert_true (ladder_chart_add_dotted_line (chart, ceo, reports[2900], NULL));
  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  options.draw_title = FALSE;
  ladder_render_get_origin (chart, &options, &ox, &oy);

  /* Drawn whole, the two lines and the bus as they are. */
  whole = render_view (chart, layout, 0, 0, 0, 0);
  row_line = find_dashed (whole, 0);
  diagonal = find_dashed (whole, 1);
  g_assert_nonnull (diagonal);
  g_assert_null (find_dashed (whole, 2));
  if (row_line->xy[1] != row_line->xy[3])
    {
      const RecordedLine *swap = row_line;
      row_line = diagonal;
      diagonal = swap;
    }
  g_assert_cmpfloat (row_line->xy[1], ==, row_line->xy[3]);
  g_assert_cmpfloat (fabs (row_line->xy[2] - row_line->xy[0]), >, 500000);
  bus = ladder_layout_get_connector (layout, ceo);
  g_assert_cmpfloat (bus->bus_x1 - bus->bus_x0, >, 600000);

  /* Views on the middle of the diagonal, panned by odd amounts. */
  vx = (diagonal->xy[0] + diagonal->xy[2]) / 2 - ox - vw / 2;
  vy = -200;
  for (int pan = 0; pan < 4; pan++, vx += 3.7 + 1000 * pan)
    {
      guint n_dashed = 0, n_bus = 0;

      rec = render_view (chart, layout, vx, vy, vw, vh);
      for (guint i = 0; i < rec->polylines->len; i++)
        {
          const RecordedLine *line = &g_array_index (rec->polylines, RecordedLine, i);
          double reach = CLIP_REACH + (line->dash > 0 ? DOTTED_PERIOD : 0);

          for (guint k = 0; k < line->n_points; k++)
            {
              g_assert_cmpfloat (line->xy[2 * k], >=, vx + ox - reach);
              g_assert_cmpfloat (line->xy[2 * k], <=, vx + ox + vw + reach);
              g_assert_cmpfloat (line->xy[2 * k + 1], >=, vy + oy - reach);
              g_assert_cmpfloat (line->xy[2 * k + 1], <=, vy + oy + vh + reach);
            }
          if (line->dash > 0)
            {
              const RecordedLine *of = line->xy[1] == line->xy[3] ? row_line : diagonal;

              /* Cut at both ends, its dashes where the whole line has them. */
              g_assert_cmpuint (line->n_points, ==, 2);
              assert_on_dash_grid (of, line->xy[0], line->xy[1], TRUE);
              assert_on_dash_grid (of, line->xy[2], line->xy[3], FALSE);
              g_assert_cmpfloat (hypot (line->xy[2] - line->xy[0], line->xy[3] - line->xy[1]),
                                 <, vw + 2 * (CLIP_REACH + DOTTED_PERIOD));
              n_dashed++;
            }
          else if (line->xy[1] == bus->bus_y + oy && line->xy[3] == bus->bus_y + oy)
            {
              /* The bus, cut to the view's width. */
              g_assert_cmpfloat (line->xy[0], ==, vx + ox - CLIP_REACH);
              g_assert_cmpfloat (line->xy[2], ==, vx + ox + vw + CLIP_REACH);
              n_bus++;
            }
        }
      g_assert_cmpuint (n_dashed, ==, 2);
      g_assert_cmpuint (n_bus, ==, 1);
      ladder_draw_free (&rec->parent);
    }

  /* Below the chart: nothing at all is drawn but the background. */
  rec = render_view (chart, layout, vx, 5000, vw, vh);
  g_assert_cmpuint (rec->polylines->len, ==, 0);
  ladder_draw_free (&rec->parent);
  ladder_draw_free (&whole->parent);
}

/* The SVG text of one drawing call, without the document around it. */
static char *
svg_element (void (*draw_it) (LadderDraw *draw, gconstpointer data), gconstpointer data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  LadderDraw *draw = ladder_draw_svg_new (append_to_string, out, 100, 100, NULL);
  gsize head;
  const char *end;

  g_assert_true (ladder_draw_svg_finish (draw));
  head = out->len - strlen ("</svg>\n");
  ladder_draw_free (draw);
  g_string_truncate (out, 0);

  draw = ladder_draw_svg_new (append_to_string, out, 100, 100, NULL);
  draw_it (draw, data);
  g_assert_true (ladder_draw_svg_finish (draw));
  ladder_draw_free (draw);
  end = out->str + out->len - strlen ("</svg>\n");
  g_assert_cmpstr (end, ==, "</svg>\n");
  return g_strndup (out->str + head, end - (out->str + head));
}

typedef struct {
  const double *values;
  guint         n;
} Values;

static void
draw_values (LadderDraw *draw, gconstpointer data)
{
  const Values *v = data;
  g_autofree double *xy = g_new (double, 2 * v->n);
  LadderPaint paint = { { 0, 0, 0, 0 }, LADDER_RGB (0x98A2B3), 1.25, 0 };

  for (guint i = 0; i < v->n; i++)
    {
      xy[2 * i] = v->values[i];
      xy[2 * i + 1] = 1;
    }
  ladder_draw_polyline (draw, xy, v->n, &paint);
}

/* How numbers were written with printf, which the hand-written digits
 * must match: hundredths rounded half away from zero, trailing zeros
 * dropped, no "-0". */
static void
reference_number (GString *out, double value)
{
  gint64 hundredths = llround (value * 100);

  if (hundredths < 0)
    {
      g_string_append_c (out, '-');
      hundredths = -hundredths;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT, hundredths / 100);
  if (hundredths % 100 != 0)
    {
      g_string_append_printf (out, ".%d", (int) (hundredths % 100 / 10));
      if (hundredths % 10 != 0)
        g_string_append_printf (out, "%d", (int) (hundredths % 10));
    }
}

static void
test_svg_numbers (void **state)
{
  /* Each value and how it must be written. */
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { -0.001, "0" }, { -0.004, "0" }, { -0.005, "-0.01" }, { 0.005, "0.01" },
    { 0.995, "1" }, { -0.995, "-1" }, { 1.005, "1" }, { 1.015, "1.01" }, { 2.675, "2.68" },
    { 8.125, "8.13" }, { 1.5, "1.5" }, { 1.25, "1.25" }, { 1.1, "1.1" }, { 10.01, "10.01" },
    { 0.07, "0.07" }, { 0.1, "0.1" }, { 99.999, "100" }, { -9.999, "-10" },
    { -1234.5, "-1234.5" }, { 10, "10" }, { 100, "100" }, { 1000000, "1000000" },
    { 4294967296.5, "4294967296.5" }, { 142448714.37, "142448714.37" },
    { -7654321.019, "-7654321.02" }, { 203999772, "203999772" },
    { 1e15, "1000000000000000" }, { 123456789012345.67, "123456789012345.68" },
    /* Nonsense is written as something a viewer can read. */
    { 1e300, "9000000000000000" }, { -1e300, "-9000000000000000" },
    { NAN, "0" }, { INFINITY, "0" }, { -INFINITY, "0" },
  };
  double values[G_N_ELEMENTS (cases)];
  Values v = { values, G_N_ELEMENTS (cases) };
  g_autoptr(GString) expected = g_string_new ("<polyline points=\"");
  g_autofree char *svg = NULL;
  g_autofree double *random = g_new (double, 20000);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      values[i] = cases[i].value;
      g_string_append_printf (expected, "%s%s,1", i ? " " : "", cases[i].text);
    }
  g_string_append (expected, "\" fill=\"none\" stroke=\"#98a2b3\" stroke-width=\"1.25\"/>\n");
  svg = svg_element (draw_values, &v);
  g_assert_cmpstr (svg, ==, expected->str);

  /* Many more against the printf way: halves of a hundredth, whole
   * numbers, any fraction, of every size and sign. */
  g_string_assign (expected, "<polyline points=\"");
  for (guint i = 0; i < 20000; i++)
    {
      double scale = pow (10, g_rand_int_range (rand, -3, 13));

      switch (i % 3)
        {
        case 0: random[i] = (g_rand_int_range (rand, -200000, 200000) + 0.5) / 100; break;
        case 1: random[i] = round (g_rand_double_range (rand, -1, 1) * scale); break;
        default: random[i] = g_rand_double_range (rand, -1, 1) * scale; break;
        }
      if (i > 0)
        g_string_append_c (expected, ' ');
      reference_number (expected, random[i]);
      g_string_append (expected, ",1");
    }
  g_string_append (expected, "\" fill=\"none\" stroke=\"#98a2b3\" stroke-width=\"1.25\"/>\n");
  g_clear_pointer (&svg, g_free);
  v.values = random;
  v.n = 20000;
  svg = svg_element (draw_values, &v);
  g_assert_cmpstr (svg, ==, expected->str);
  g_rand_free (rand);
}

static void
draw_colors (LadderDraw *draw, gconstpointer data)
{
  /* Channels rounded half away from zero and clamped (NaN: 0); opacity
   * written below 1 only, as a number. */
  LadderPaint paint = { { 0.5, 1 / 3.0, 1.2, 0.995 }, { NAN, 10 / 255.0, 1, 0.333 }, 1.5, 0 };
  LadderPaint dashed = { { 0, 0, 0, 0 }, LADDER_RGB (0x0A0B0C), 2, 5 };
  LadderFont font = { 12, TRUE, TRUE, LADDER_RGB (0xFFFFFF), LADDER_ALIGN_CENTER };

  ladder_draw_box (draw, 0, 0, 10, 10, 0, 0, &paint);
  ladder_draw_line (draw, -0.005, 0.995, 1e6, -3, &dashed);
  ladder_draw_text (draw, 4, 5, 0, "A&B <\"c\">\t\x01", &font);
  /* Bytes that are not UTF-8 become U+FFFD, after ASCII and before. */
  ladder_draw_begin_group (draw, "p-\xc3\xa9<1>\xff&");
  ladder_draw_end_group (draw);
}

static void
test_svg_colors (void **state)
{
  LadderFont font = { 12, TRUE, TRUE, LADDER_RGB (0xFFFFFF), LADDER_ALIGN_CENTER };
  g_autofree char *svg = svg_element (draw_colors, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) ascent = g_string_new (NULL);
  double a;

  ladder_draw_font_metrics (&font, &a, NULL);
  reference_number (ascent, 5 + a);
  expected = g_strdup_printf ("<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#8055ff\""
                              " fill-opacity=\"1\" stroke=\"#000aff\" stroke-opacity=\"0.33\""
                              " stroke-width=\"1.5\"/>\n"
                              "<polyline points=\"-0.01,1 1000000,-3\" fill=\"none\""
                              " stroke=\"#0a0b0c\" stroke-width=\"2\" stroke-dasharray=\"5\"/>\n"
                              "<text x=\"4\" y=\"%s\" font-size=\"12\" font-weight=\"bold\""
                              " font-style=\"italic\" fill=\"#ffffff\">A&amp;B &lt;&quot;c&quot;&gt; </text>\n"
                              "<g id=\"p-\xc3\xa9&lt;1&gt;\xef\xbf\xbd&amp;\">\n</g>\n",
                              ascent->str);
  g_assert_cmpstr (svg, ==, expected);
}

/* Paints and fonts of many kinds, again and again: what the backend
 * copies from memory must be what it writes afresh. */
static void
draw_mixed (LadderDraw *draw, gconstpointer data)
{
  guint only = GPOINTER_TO_UINT (data);   /* 0: all, three times; i + 1: the i-th once */

  for (guint round = 0; round < (only ? 1 : 3); round++)
    for (guint i = 0; i < 24; i++)
      {
        LadderPaint paint = { { 0, 0, 0, 0 }, LADDER_RGB (0x101010 * (i % 12)), 1 + i % 3,
                              i % 2 ? 4 : 0 };
        LadderFont font = { 10 + i % 5, i % 2, i % 3 == 0, LADDER_RGB (0x0F0F0F * (i % 7)),
                            (LadderAlign) (i % 3) };

        if (only != 0 && only != i + 1)
          continue;
        if (i % 4 == 0)
          {
            paint.fill = LADDER_RGB (0xFF00FF);
            paint.fill.alpha = i % 8 ? 1 : 0.5;
          }
        if (i % 2)
          ladder_draw_box (draw, i, 2 * i, 30, 20, 4, LADDER_CORNER_ALL, &paint);
        else
          ladder_draw_line (draw, i, 2 * i, 30, 20, &paint);
        ladder_draw_text (draw, i, 3 * i, i % 2 ? 100 : 0, "Ada", &font);
      }
}

static void
test_svg_memory (void **state)
{
  g_autofree char *all = svg_element (draw_mixed, GUINT_TO_POINTER (0));
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3 * 24 * 2 + 1);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *alone = svg_element (draw_mixed, GUINT_TO_POINTER (i + 1));
      g_auto(GStrv) fresh = g_strsplit (alone, "\n", -1);

      g_assert_cmpuint (g_strv_length (fresh), ==, 3);
      for (guint round = 0; round < 3; round++)
        for (guint k = 0; k < 2; k++)
          g_assert_cmpstr (lines[(round * 24 + i) * 2 + k], ==, fresh[k]);
    }
}

static void
test_ellipsize (void **state)
{
  LadderFont font = { 12, FALSE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_START };
  g_autofree char *same = ladder_draw_ellipsize ("Ada Obi", &font, 150);
  g_autofree char *unlimited = ladder_draw_ellipsize (LONG_NAME, &font, 0);
  g_autofree char *tiny = ladder_draw_ellipsize ("Ada Obi", &font, 3);
  g_autofree char *cut = ladder_draw_ellipsize ("Head of Product, Payments and Risk", &font, 100);
  g_autofree char *accents = ladder_draw_ellipsize ("Zoë Ünterwald-Ægidius Ørsted", &font, 90);
  double ascent, height;

  g_assert_cmpstr (same, ==, "Ada Obi");
  g_assert_cmpstr (unlimited, ==, LONG_NAME);
  g_assert_cmpstr (tiny, ==, "…");
  g_assert_true (g_str_has_prefix (cut, "Head of"));
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpfloat (ladder_draw_measure_text (cut, &font), <=, 100);
  g_assert_true (g_utf8_validate (accents, -1, NULL));
  g_assert_cmpfloat (ladder_draw_measure_text (accents, &font), <=, 90);
  /* No space before the ellipsis. */
  g_assert_null (strstr (cut, " …"));

  /* Widths are remembered per font: the same call gives the same cut,
   * and a larger font its own, shorter one that fits. */
  {
    LadderFont big = font;
    g_autofree char *again = ladder_draw_ellipsize ("Head of Product, Payments and Risk", &font, 100);
    g_autofree char *bigger = NULL;

    big.size = 16;
    bigger = ladder_draw_ellipsize ("Head of Product, Payments and Risk", &big, 100);
    g_assert_cmpstr (again, ==, cut);
    g_assert_cmpuint (strlen (bigger), <, strlen (cut));
    g_assert_cmpfloat (ladder_draw_measure_text (bigger, &big), <=, 100);
    g_assert_cmpfloat (ladder_draw_measure_text (cut, &big), >, 100);
  }

  ladder_draw_font_metrics (&font, &ascent, &height);
  g_assert_cmpfloat (ascent, >, 8);
  g_assert_cmpfloat (ascent, <, height);
  g_assert_cmpfloat (height, <, 20);
}

/* Where a job title breaks onto its second line. */
static void
test_wrap (void **state)
{
  LadderFont font = { 11.5, FALSE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER };
  const char *title = "Director of Product, Payments";
  const char *word = "Produktmanagementverantwortlicher";
  gsize cut;

  g_assert_cmpuint (ladder_draw_wrap ("Ada Obi", &font, 150), ==, 7);
  g_assert_cmpuint (ladder_draw_wrap ("", &font, 150), ==, 0);
  g_assert_cmpuint (ladder_draw_wrap (title, &font, 0), ==, strlen (title));

  /* At the last space where the words before it fit: the card's width. */
  g_assert_cmpfloat (ladder_draw_measure_text (title, &font), >, LADDER_CARD_WIDTH - 24);
  g_assert_cmpfloat (ladder_draw_measure_text ("Director of Product,", &font), <=,
                     LADDER_CARD_WIDTH - 24);
  g_assert_cmpuint (ladder_draw_wrap (title, &font, LADDER_CARD_WIDTH - 24), ==,
                    strlen ("Director of Product, "));

  /* One word wider than the line: cut between characters, as far as fits. */
  cut = ladder_draw_wrap (word, &font, 60);
  g_assert_cmpuint (cut, >, 1);
  g_assert_cmpuint (cut, <, strlen (word));
  {
    g_autofree char *fits = g_strndup (word, cut);
    g_autofree char *over = g_strndup (word, cut + 1);

    g_assert_cmpfloat (ladder_draw_measure_text (fits, &font), <=, 60);
    g_assert_cmpfloat (ladder_draw_measure_text (over, &font), >, 60);
  }
  /* Never nothing: at least the first character, even when it is wide. */
  g_assert_cmpuint (ladder_draw_wrap ("Ärger", &font, 1), ==, strlen ("Ä"));
}

/* Not a timed test (the benchmark measures): reports one frame's cost. */
/* How much of @surface differs from its top-left pixel (the page). */
static double
drawn_fraction (cairo_surface_t *surface)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 page = ((const guint32 *) data)[0];
  guint64 drawn = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      drawn += ((const guint32 *) (data + y * stride))[x] != page;
  return (double) drawn / ((double) width * height);
}

/* A 10,000-person chart's frame at 100% and fitted: the cards in view are
 * found (and timed, for the record), and the frame is drawn. */
static void
test_big_frame (void **state)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderRenderOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  GRand *rand = g_rand_new_with_seed (3);
  gint64 start;
  double width, height;

  add (chart, "ceo", LADDER_NONE, "Root");
  for (guint i = 1; i < 10000; i++)
    {
      char name[32];
      g_snprintf (name, sizeof name, "Person %u", i);
      /* Teams of seven: a wide chart with full rows at the bottom. */
      add (chart, g_rand_boolean (rand) ? "pm" : "senior-pm", (i - 1) / 7, name);
    }
  g_rand_free (rand);
  ladder_layout_compute (layout, chart);
  ladder_layout_get_extents (layout, &width, &height);

  for (int fit = 0; fit < 2; fit++)
    for (int frame = 0; frame < 3; frame++)
      {
        cairo_t *cr = cairo_create (surface);
        LadderDraw *draw;

        /* Each frame from a blank surface, so that it is checked alone. */
        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        ladder_render_options_init (&options);
        options.draw_title = FALSE;
        if (fit)
          {
            options.zoom = MIN (1920 / width, 1080 / height);
            cairo_scale (cr, options.zoom, options.zoom);
          }
        else
          {
            const LadderBox *middle = ladder_layout_get_box (layout, 9000);

            options.clip_x = middle->x + middle->width / 2 - 960;
            options.clip_y = middle->y + middle->height + 20 - 1080;
            options.clip_width = 1920;
            options.clip_height = 1080;
            cairo_translate (cr, -options.clip_x - LADDER_RENDER_MARGIN,
                             -options.clip_y - LADDER_RENDER_MARGIN);
          }
        if (frame == 0)
          {
            LadderLayoutIter iter;
            guint person, n_items = 0;
            LadderItemKind kind;

            ladder_layout_iter_init (&iter, layout, options.clip_x, options.clip_y,
                                     fit ? width : 1920, fit ? height : 1080);
            while (ladder_layout_iter_next (&iter, &person, &kind))
              n_items += kind == LADDER_ITEM_CARD;
            g_test_message ("%u cards in view", n_items);
            /* Fitted, every card; at 100%, the bottom rows' few. */
            if (fit)
              assert_int_equal (n_items, 10000);
            else
              assert_int_equal (n_items, 13);
          }
        start = g_get_monotonic_time ();
        draw = ladder_draw_cairo_new (cr);
        ladder_render_chart (draw, chart, NULL, layout, NULL, &options);
        ladder_draw_free (draw);
        cairo_surface_flush (surface);
        g_test_message ("10k chart, %s, frame %d: %.2f ms", fit ? "zoomed to fit" : "100%",
                        frame, (g_get_monotonic_time () - start) / 1000.0);
        cairo_destroy (cr);
        /* Not a blank frame (measured: 100%, 2.4% of the pixels are the
         * bottom rows' cards; fitted, all but the page's corner). */
        assert_true (drawn_fraction (surface) > (fit ? 0.9 : 0.02));
      }
  cairo_surface_destroy (surface);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_records_everything),
    cmocka_unit_test (test_culling_and_zoom),
    cmocka_unit_test (test_pill_and_badge_clear),
    cmocka_unit_test (test_cairo_pixels),
    cmocka_unit_test (test_svg),
    cmocka_unit_test (test_clipped_lines),
    cmocka_unit_test (test_svg_numbers),
    cmocka_unit_test (test_svg_colors),
    cmocka_unit_test (test_svg_memory),
    cmocka_unit_test (test_ellipsize),
    cmocka_unit_test (test_wrap),
    cmocka_unit_test (test_big_frame),
    cmocka_unit_test (test_fold_marker_tells_worst),
    cmocka_unit_test (test_fold_marker_big_team),
    cmocka_unit_test (test_dotted_stub),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
