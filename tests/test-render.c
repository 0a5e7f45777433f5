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
  LadderDraw  parent;
  GPtrArray  *texts;        /* char* */
  GArray     *text_fonts;   /* LadderFont */
  GArray     *text_widths;  /* double */
  GArray     *lines;        /* LadderColor of each polyline's stroke */
  guint       n_boxes;
  guint       n_dashed_boxes;
} Recorder;

static void
rec_box (LadderDraw *draw, double x, double y, double width, double height,
         double radius, LadderCorners corners, const LadderPaint *paint)
{
  Recorder *self = (Recorder *) draw;

  self->n_boxes++;
  if (paint->dash > 0 && paint->stroke.alpha > 0)
    self->n_dashed_boxes++;
}

static void
rec_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  g_array_append_val (((Recorder *) draw)->lines, paint->stroke);
}

static void
rec_text (LadderDraw *draw, double x, double y, double width, const char *text,
          const LadderFont *font)
{
  Recorder *self = (Recorder *) draw;

  g_ptr_array_add (self->texts, g_strdup (text));
  g_array_append_val (self->text_fonts, *font);
  g_array_append_val (self->text_widths, width);
}

static void
rec_free (LadderDraw *draw)
{
  Recorder *self = (Recorder *) draw;

  g_ptr_array_unref (self->texts);
  g_array_unref (self->text_fonts);
  g_array_unref (self->text_widths);
  g_array_unref (self->lines);
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
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->text_fonts = g_array_new (FALSE, FALSE, sizeof (LadderFont));
  self->text_widths = g_array_new (FALSE, FALSE, sizeof (double));
  self->lines = g_array_new (FALSE, FALSE, sizeof (LadderColor));
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

  ladder_draw_font_metrics (&font, &ascent, &height);
  g_assert_cmpfloat (ascent, >, 8);
  g_assert_cmpfloat (ascent, <, height);
  g_assert_cmpfloat (height, <, 20);
}

/* Not a timed test (the benchmark measures): reports one frame's cost. */
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
          }
        start = g_get_monotonic_time ();
        draw = ladder_draw_cairo_new (cr);
        ladder_render_chart (draw, chart, NULL, layout, NULL, &options);
        ladder_draw_free (draw);
        cairo_surface_flush (surface);
        g_test_message ("10k chart, %s, frame %d: %.2f ms", fit ? "zoomed to fit" : "100%",
                        frame, (g_get_monotonic_time () - start) / 1000.0);
        cairo_destroy (cr);
      }
  cairo_surface_destroy (surface);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_records_everything),
    cmocka_unit_test (test_culling_and_zoom),
    cmocka_unit_test (test_cairo_pixels),
    cmocka_unit_test (test_svg),
    cmocka_unit_test (test_ellipsize),
    cmocka_unit_test (test_big_frame),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
