/* ladder-render.c — the one piece of code that draws a chart
 *
 * Screen, PNG, PDF and SVG all come from here, through LadderDraw.  The
 * canvas calls it every frame, so it only visits what meets the clip
 * (the layout's band index), allocates nothing per card and, when zoomed
 * far out, draws plain blocks instead of text nobody could read.
 *
 * Order of drawing: connectors, reporting lines that break a rule on top
 * of them, dotted lines, then the cards.
 */
#include "config.h"

#include "ladder-render.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define SIMPLE_ZOOM    0.35
#define TINY_CARD       6.0    /* device pixels */
#define CARD_RADIUS    10.0
#define BAND_HEIGHT     6.0
#define TEXT_INSET     12.0
#define TITLE_LINE     15.0   /* from one line of a job title to the next */
#define BADGE_RADIUS    9.0
#define BADGE_HALO      3.0    /* white round a badge, over the selection ring */
#define FOLD_GAP        7.0    /* card to fold pill: clear of the selection ring */
#define FOLD_HEIGHT    18.0
/* How far badges and highlights reach out of a card, and the fold pill
 * below it (less than LADDER_H_GAP: a card beside the view is not drawn). */
#define OVERHANG       16.0
#define OVERHANG_BELOW (FOLD_GAP + FOLD_HEIGHT + 4.0)

/* The palette: quiet greys, one accent per meaning. */
#define INK            0x101828
#define INK_SOFT       0x475467
#define INK_FAINT      0x667085
#define BORDER         0xD0D5DD
#define LINE           0x98A2B3
#define UNKNOWN_ROLE   0xB0B7C3
#define ERROR_RED      0xD92D20
#define WARNING_AMBER  0xF79009
#define NOTE_BLUE      0x2E90FA
#define SELECT_BLUE    0x2563EB
#define DROP_GREEN     0x16A34A
#define DROP_RED       0xDC2626
#define MATCH_YELLOW   0xFDE047
#define DOTTED_SLATE   0x6172F3

typedef struct {
  LadderDraw          *draw;
  LadderChart         *chart;
  LadderCatalogue     *catalogue;
  LadderLayout        *layout;
  LadderFindings      *findings;
  const LadderRenderOptions *options;
  double               ox, oy;
  double               clip_x0, clip_y0, clip_x1, clip_y1;
  gboolean             simple;    /* blocks without text */
  gboolean             tiny;      /* cards of a few pixels: one block each */
} Render;

void
ladder_render_options_init (LadderRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->zoom = 1.0;
  options->draw_title = TRUE;
  options->background = TRUE;
  options->selected = LADDER_NONE;
  options->drop_target = LADDER_NONE;
}

static gboolean
shows_title (LadderChart *chart, const LadderRenderOptions *options)
{
  const char *title = ladder_chart_get_title (chart);

  return options->draw_title && title != NULL && *title != '\0';
}

void
ladder_render_get_origin (LadderChart *chart, const LadderRenderOptions *options,
                          double *x, double *y)
{
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (options != NULL);

  *x = LADDER_RENDER_MARGIN;
  *y = LADDER_RENDER_MARGIN + (shows_title (chart, options) ? LADDER_RENDER_TITLE_HEIGHT : 0);
}

void
ladder_render_get_size (LadderLayout *layout, LadderChart *chart,
                        const LadderRenderOptions *options, double *width, double *height)
{
  double w, h, ox, oy;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (options != NULL);

  ladder_layout_get_extents (layout, &w, &h);
  ladder_render_get_origin (chart, options, &ox, &oy);
  /* An empty chart still gets room for a card, and a title its line. */
  w = MAX (w, LADDER_CARD_WIDTH);
  h = MAX (h, LADDER_CARD_HEIGHT);
  if (shows_title (chart, options))
    w = MAX (w, 480);
  *width = ceil (w + 2 * LADDER_RENDER_MARGIN);
  *height = ceil (h + oy + LADDER_RENDER_MARGIN);
}

static inline LadderPaint
stroke_paint (guint rgb, double width, double dash)
{
  return (LadderPaint) { { 0, 0, 0, 0 }, LADDER_RGB (rgb), width, dash };
}

static inline LadderPaint
fill_paint (LadderColor color)
{
  return (LadderPaint) { color, { 0, 0, 0, 0 }, 0, 0 };
}

static LadderColor
with_alpha (LadderColor color, double alpha)
{
  color.alpha = alpha;
  return color;
}

static LadderColor
severity_color (int severity)
{
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR: return LADDER_RGB (ERROR_RED);
    case LADDER_SEVERITY_WARNING: return LADDER_RGB (WARNING_AMBER);
    default: return LADDER_RGB (NOTE_BLUE);
    }
}

static const LadderRole *
role_of (Render *r, guint person)
{
  if (r->catalogue == NULL)
    return NULL;
  return ladder_catalogue_lookup_role (r->catalogue, ladder_chart_get_role (r->chart, person));
}

static int
worst_for (Render *r, guint person)
{
  return r->findings ? ladder_findings_worst_for (r->findings, person) : -1;
}

/* What hidden_worst() finds, from the findings' side: for a big folded
 * team (a chart opened folded hides tens of thousands under a card)
 * walking the findings and their managers costs far less than walking
 * the team, every frame. */
static int
hidden_worst_by_findings (Render *r, guint person)
{
  int worst = -1;

  for (guint i = 0, n = ladder_findings_get_n (r->findings); i < n && worst != LADDER_SEVERITY_ERROR; i++)
    {
      const LadderFinding *f = ladder_findings_get (r->findings, i);

      if (f->person != person && ladder_chart_is_alive (r->chart, f->person)
          && (worst < 0 || (int) f->severity < worst)
          && ladder_chart_is_above (r->chart, person, f->person))
        worst = f->severity;
    }
  return worst;
}

/* The worst finding among the @n_folded people folded away under @person,
 * or -1: what a folded card says it hides.  Without recursion (charts may
 * be deeper than the C stack); only folded cards in view ask. */
static int
hidden_worst (Render *r, guint person, guint n_folded)
{
  g_autoptr(GArray) stack = NULL;
  int worst = -1;

  if (r->findings == NULL || ladder_findings_get_n (r->findings) == 0)
    return -1;
  if (n_folded > ladder_findings_get_n (r->findings))
    return hidden_worst_by_findings (r, person);
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (stack, person);
  while (stack->len > 0 && worst != LADDER_SEVERITY_ERROR)
    {
      guint p = g_array_index (stack, guint, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      for (guint c = ladder_chart_get_first_report (r->chart, p); c != LADDER_NONE;
           c = ladder_chart_get_next_sibling (r->chart, c))
        {
          int severity = ladder_findings_worst_for (r->findings, c);

          /* Errors (0) are worse than warnings (1) and notes (2). */
          if (severity >= 0 && (worst < 0 || severity < worst))
            worst = severity;
          g_array_append_val (stack, c);
        }
    }
  return worst;
}

/* ---- lines ---- */

/* Lines are clipped to the view before they are drawn: a line between
 * two people millions of units apart would otherwise be stroked whole
 * (with a dash, hundreds of thousands of dashes for the few in view).
 * The margin keeps the cut ends, their caps and joins out of sight. */
#define CLIP_MARGIN 8.0

/* Clips the segment (x0, y0)–(x1, y1) to the view grown by CLIP_MARGIN
 * (Liang–Barsky).  A dashed line's start moves back to a whole dash
 * period (@period > 0), so that the dashes in view stay where the whole
 * line would have them, and do not crawl while panning.  An end that
 * is in view is left exactly as it was.  FALSE when nothing is in view. */
static gboolean
clip_segment (const Render *r, double period, double *x0, double *y0, double *x1, double *y1)
{
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - (r->clip_x0 - CLIP_MARGIN), r->clip_x1 + CLIP_MARGIN - *x0,
                  *y0 - (r->clip_y0 - CLIP_MARGIN), r->clip_y1 + CLIP_MARGIN - *y0 };
  double t0 = 0, t1 = 1;

  /* Most lines are wholly in view or wholly beside it. */
  if (q[0] >= 0 && q[1] >= 0 && q[2] >= 0 && q[3] >= 0
      && q[0] + dx >= 0 && q[1] - dx >= 0 && q[2] + dy >= 0 && q[3] - dy >= 0)
    return TRUE;

  for (int i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;   /* parallel to this side, and beyond it */
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        {
          if (t > t1)
            return FALSE;
          t0 = MAX (t0, t);
        }
      else
        {
          if (t < t0)
            return FALSE;
          t1 = MIN (t1, t);
        }
    }

  if (t0 > 0 && period > 0)
    {
      double length = hypot (dx, dy);

      t0 = floor (t0 * length / period) * period / length;
    }
  if (t1 < 1)
    {
      *x1 = *x0 + t1 * dx;
      *y1 = *y0 + t1 * dy;
    }
  if (t0 > 0)
    {
      *x0 += t0 * dx;
      *y0 += t0 * dy;
    }
  return TRUE;
}

/* A line in chart coordinates, clipped, drawn at the origin. */
static void
draw_clipped_line (Render *r, double x0, double y0, double x1, double y1,
                   const LadderPaint *paint)
{
  /* A dash array of one entry: on and off alike. */
  if (clip_segment (r, 2 * paint->dash, &x0, &y0, &x1, &y1))
    ladder_draw_line (r->draw, x0 + r->ox, y0 + r->oy, x1 + r->ox, y1 + r->oy, paint);
}

static void
draw_polyline_at_origin (Render *r, double *xy, guint n, const LadderPaint *paint)
{
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] += r->ox;
      xy[2 * i + 1] += r->oy;
    }
  ladder_draw_polyline (r->draw, xy, n, paint);
}

/* A solid polyline of @n points in chart coordinates, clipped: each run
 * of segments in view is drawn as one polyline, so that its joins stay. */
static void
draw_clipped_polyline (Render *r, const double *xy, guint n, const LadderPaint *paint)
{
  double out[16];
  guint n_out = 0;

  g_assert (n <= G_N_ELEMENTS (out) / 2);
  for (guint i = 0; i + 1 < n; i++)
    {
      double x0 = xy[2 * i], y0 = xy[2 * i + 1], x1 = xy[2 * i + 2], y1 = xy[2 * i + 3];

      if (!clip_segment (r, 0, &x0, &y0, &x1, &y1))
        continue;
      /* The run goes on only where neither side was cut. */
      if (n_out > 0 && (x0 != out[2 * n_out - 2] || y0 != out[2 * n_out - 1]))
        {
          draw_polyline_at_origin (r, out, n_out, paint);
          n_out = 0;
        }
      if (n_out == 0)
        {
          out[0] = x0;
          out[1] = y0;
          n_out = 1;
        }
      out[2 * n_out] = x1;
      out[2 * n_out + 1] = y1;
      n_out++;
    }
  if (n_out > 0)
    draw_polyline_at_origin (r, out, n_out, paint);
}

static void
draw_connector (Render *r, guint person)
{
  const LadderConnector *c = ladder_layout_get_connector (r->layout, person);
  LadderPaint paint = stroke_paint (LINE, 1.25, 0);

  draw_clipped_line (r, c->trunk_x, c->trunk_y0, c->trunk_x, c->trunk_y1, &paint);
  /* A star's bus is as wide as the whole row of reports. */
  if (c->bus_x0 < c->bus_x1)
    draw_clipped_line (r, c->bus_x0, c->bus_y, c->bus_x1, c->bus_y, &paint);
}

static void
draw_stub (Render *r, guint person)
{
  LadderPaint paint = stroke_paint (LINE, 1.25, 0);
  double x0, y0, x1, y1;

  if (ladder_layout_get_link (r->layout, person, &x0, &y0, &x1, &y1))
    draw_clipped_line (r, x0, y0, x1, y1, &paint);
}

/* The whole way from a report up to its manager, in the colour of the
 * rule the line breaks. */
static void
draw_broken_lines (Render *r, guint manager)
{
  const LadderConnector *c = ladder_layout_get_connector (r->layout, manager);

  for (guint p = ladder_chart_get_first_report (r->chart, manager); p != LADDER_NONE;
       p = ladder_chart_get_next_sibling (r->chart, p))
    {
      int severity = ladder_findings_line_severity (r->findings, p);
      LadderPaint paint;
      double x0, y0, x1, y1, xy[8];
      guint n = 0;

      if (severity < 0 || severity == LADDER_SEVERITY_NOTE
          || !ladder_layout_get_link (r->layout, p, &x0, &y0, &x1, &y1))
        continue;
      paint = stroke_paint (severity == LADDER_SEVERITY_ERROR ? ERROR_RED : WARNING_AMBER,
                            2.25, 0);
      paint.stroke = severity_color (severity);
      xy[n++] = x0; xy[n++] = y0;
      xy[n++] = x1; xy[n++] = y1;
      if (y1 == c->bus_y && x1 != c->trunk_x)
        {
          xy[n++] = c->trunk_x; xy[n++] = y1;
        }
      xy[n++] = c->trunk_x; xy[n++] = c->trunk_y0;
      draw_clipped_polyline (r, xy, n / 2, &paint);
    }
}

#define STUB_PX 48.0   /* a dotted line's stub on screen */

/* From (@x0, @y0) a stub toward (@x1, @y1), and the name of @other, whom
 * the line goes to, at its end. */
static void
draw_dotted_stub (Render *r, double x0, double y0, double x1, double y1, guint other,
                  const LadderPaint *paint)
{
  LadderFont font = { 10.5, FALSE, TRUE, LADDER_RGB (DOTTED_SLATE), LADDER_ALIGN_START };
  double zoom = r->options->zoom > 0 ? r->options->zoom : 1.0;
  double length = hypot (x1 - x0, y1 - y0), stub = STUB_PX / zoom;
  double ex = x0 + (x1 - x0) / length * stub, ey = y0 + (y1 - y0) / length * stub;
  const char *name = ladder_chart_get_name (r->chart, other);

  draw_clipped_line (r, x0, y0, ex, ey, paint);
  if (r->simple || name == NULL || *name == '\0')
    return;
  ladder_draw_text (r->draw, ex + r->ox + (ex < x0 ? -164 : 4), ey + r->oy - 7, 160, name, &font);
}

static void
draw_dotted_lines (Render *r)
{
  guint n_pairs;
  const guint *pairs = ladder_layout_get_dotted (r->layout, &n_pairs);
  LadderPaint paint = stroke_paint (DOTTED_SLATE, 1.5, 5);
  double span = r->options->dotted_stub_span > 0
                ? r->options->dotted_stub_span
                : MAX (r->options->clip_width, r->options->clip_height);

  for (guint i = 0; i < n_pairs; i++)
    {
      const LadderBox *a = ladder_layout_get_box (r->layout, pairs[2 * i]);
      const LadderBox *b = ladder_layout_get_box (r->layout, pairs[2 * i + 1]);
      double ax = a->x + a->width / 2, bx = b->x + b->width / 2;
      double ay, by;

      /* From the facing edges: the lower card's top to the upper card's
       * bottom, or side to side when they share a row. */
      if (fabs (a->y - b->y) < a->height)
        {
          ay = a->y + a->height / 2;
          by = b->y + b->height / 2;
          ax = ax < bx ? a->x + a->width : a->x;
          bx = ax < bx ? b->x : b->x + b->width;
        }
      else if (a->y > b->y)
        {
          ay = a->y;
          by = b->y + b->height;
        }
      else
        {
          ay = a->y + a->height;
          by = b->y;
        }
      if (r->options->dotted_stubs && r->options->clip_width > 0 && hypot (bx - ax, by - ay) > span)
        {
          draw_dotted_stub (r, ax, ay, bx, by, pairs[2 * i + 1], &paint);
          draw_dotted_stub (r, bx, by, ax, ay, pairs[2 * i], &paint);
          continue;
        }
      draw_clipped_line (r, ax, ay, bx, by, &paint);
    }
}

/* ---- cards ---- */

static void
draw_highlights_below (Render *r, guint person, double x, double y, double w, double h)
{
  const guint8 *matches = r->options->matches;

  if (matches != NULL && matches[person])
    {
      LadderPaint paint = fill_paint (with_alpha (LADDER_RGB (MATCH_YELLOW), 0.85));
      ladder_draw_box (r->draw, x - 6, y - 6, w + 12, h + 12, CARD_RADIUS + 6,
                       LADDER_CORNER_ALL, &paint);
    }
}

static void
draw_highlights_above (Render *r, guint person, double x, double y, double w, double h)
{
  const LadderRenderOptions *o = r->options;

  if (person == o->drop_target)
    {
      guint rgb = o->drop_refused ? DROP_RED : DROP_GREEN;
      LadderPaint paint = stroke_paint (rgb, 3, 0);

      paint.fill = with_alpha (LADDER_RGB (rgb), 0.10);
      ladder_draw_box (r->draw, x - 4, y - 4, w + 8, h + 8, CARD_RADIUS + 4,
                       LADDER_CORNER_ALL, &paint);
    }
  if (person == o->selected)
    {
      LadderPaint paint = stroke_paint (SELECT_BLUE, 2.5, 0);
      ladder_draw_box (r->draw, x - 3.5, y - 3.5, w + 7, h + 7, CARD_RADIUS + 3.5,
                       LADDER_CORNER_ALL, &paint);
    }
}

static void
draw_simple_card (Render *r, guint person, const LadderBox *box, LadderColor band)
{
  double x = box->x + r->ox, y = box->y + r->oy;
  gboolean vacant = ladder_chart_get_vacant (r->chart, person);
  int worst = worst_for (r, person);
  LadderPaint body = fill_paint (vacant ? LADDER_RGB (0xEAECF0) : LADDER_RGB (0xFFFFFF));
  LadderPaint top = fill_paint (band);
  LadderPaint border = fill_paint (LADDER_RGB (BORDER));

  draw_highlights_below (r, person, x, y, box->width, box->height);
  if (r->tiny)
    {
      /* A few pixels: the role's colour is all that can be seen. */
      if (worst >= 0)
        top = fill_paint (severity_color (worst));
      ladder_draw_box (r->draw, x, y, box->width, box->height, 0, 0, &top);
      draw_highlights_above (r, person, x, y, box->width, box->height);
      return;
    }
  /* Fills only: a border box under the body is cheaper than a stroke. */
  ladder_draw_box (r->draw, x - 1.5, y - 1.5, box->width + 3, box->height + 3, 0, 0, &border);
  ladder_draw_box (r->draw, x, y, box->width, box->height, 0, 0, &body);
  ladder_draw_box (r->draw, x, y, box->width, box->height * 0.3, 0, 0, &top);
  if (worst >= 0)
    {
      LadderPaint mark = fill_paint (severity_color (worst));
      ladder_draw_box (r->draw, x + box->width - 28, y + box->height * 0.3 + 6, 22, 22,
                       0, 0, &mark);
    }
  draw_highlights_above (r, person, x, y, box->width, box->height);
}

/* The faces of draw_title(), draw_card() and draw_badge(), in the order
 * a chart first needs them: only their size and weight and slant choose
 * a font.  draw_fold_marker()'s (10.5 bold) is left to the charts that
 * have folded people: each load costs a millisecond or two. */
static const LadderFont faces[] = {
  { 22, TRUE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_START },     /* title */
  { 12.5, FALSE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_START },  /* under it */
  { 13.5, TRUE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER },  /* name */
  { 11.5, FALSE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER }, /* job title */
  { 11, TRUE, FALSE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER },    /* badge */
  { 13.5, FALSE, TRUE, { 0, 0, 0, 1 }, LADDER_ALIGN_CENTER },  /* "Vacant" */
};

const LadderFont *
ladder_render_get_faces (guint *n_faces)
{
  g_return_val_if_fail (n_faces != NULL, NULL);

  *n_faces = G_N_ELEMENTS (faces);
  return faces;
}

static void
draw_badge (Render *r, double cx, double cy, int severity)
{
  LadderPaint paint = fill_paint (severity_color (severity));
  LadderFont font = { 11, TRUE, FALSE, LADDER_RGB (0xFFFFFF), LADDER_ALIGN_CENTER };
  double ascent, height;

  /* Drawn after the selection ring, its white edge cuts the ring short
   * round it: the badge is whole, the ring passes behind it. */
  paint.stroke = LADDER_RGB (0xFFFFFF);
  paint.line_width = BADGE_HALO;
  ladder_draw_box (r->draw, cx - BADGE_RADIUS, cy - BADGE_RADIUS, 2 * BADGE_RADIUS,
                   2 * BADGE_RADIUS, BADGE_RADIUS, LADDER_CORNER_ALL, &paint);
  ladder_draw_font_metrics (&font, &ascent, &height);
  ladder_draw_text (r->draw, cx - BADGE_RADIUS, cy - height / 2, 2 * BADGE_RADIUS,
                    severity == LADDER_SEVERITY_NOTE ? "i" : "!", &font);
}

/* Below the card (@y is its bottom edge), where its reports would hang,
 * joined to it by a stub: whole, and clear of the card's edge and of the
 * selection ring. */
/* "+N" under a folded card; ringed in the colour of the worst finding
 * folded away with them (@worst, -1: none). */
static void
draw_fold_marker (Render *r, double cx, double y, guint n_folded, int worst)
{
  LadderFont font = { 10.5, TRUE, FALSE, LADDER_RGB (0x344054), LADDER_ALIGN_CENTER };
  LadderPaint paint = stroke_paint (LINE, 1, 0);
  LadderPaint ring;
  double top = y + FOLD_GAP;
  char label[32];
  double w, ascent, height;

  g_snprintf (label, sizeof label, "+%u", n_folded);
  w = ladder_draw_measure_text (label, &font) + 16;
  ladder_draw_font_metrics (&font, &ascent, &height);
  ladder_draw_line (r->draw, cx, y, cx, top, &paint);
  paint.fill = LADDER_RGB (0xF2F4F7);
  if (worst >= 0)
    {
      ring = stroke_paint (LINE, 2, 0);
      ring.stroke = severity_color (worst);
      ring.fill = paint.fill;
      font.color = severity_color (worst);
      ladder_draw_box (r->draw, cx - w / 2, top, w, FOLD_HEIGHT, FOLD_HEIGHT / 2,
                       LADDER_CORNER_ALL, &ring);
    }
  else
    ladder_draw_box (r->draw, cx - w / 2, top, w, FOLD_HEIGHT, FOLD_HEIGHT / 2,
                     LADDER_CORNER_ALL, &paint);
  ladder_draw_text (r->draw, cx - w / 2, top + (FOLD_HEIGHT - height) / 2, w, label, &font);
}

/* The name, then the title on up to two lines, the block centred in
 * the card below its band; what does not fit the second line ends in
 * "…". */
static void
draw_card_text (Render *r, double x, double y, double w, const char *name,
                const LadderFont *name_font, const char *title, const LadderFont *title_font)
{
  double inner = w - 2 * TEXT_INSET;
  gsize first = ladder_draw_wrap (title, title_font, inner);
  gboolean two_lines = title[first] != '\0';
  double shift = two_lines ? 0 : TITLE_LINE / 2;

  ladder_draw_text (r->draw, x + TEXT_INSET, y + 16 + shift, inner, name, name_font);
  if (!two_lines)
    {
      ladder_draw_text (r->draw, x + TEXT_INSET, y + 37 + shift, inner, title, title_font);
      return;
    }
  {
    g_autofree char *line = g_strndup (title, first);
    const char *rest = title + first;

    g_strchomp (line);
    while (*rest == ' ')
      rest++;
    ladder_draw_text (r->draw, x + TEXT_INSET, y + 37, inner, line, title_font);
    ladder_draw_text (r->draw, x + TEXT_INSET, y + 37 + TITLE_LINE, inner, rest, title_font);
  }
}

/* The whole name and title, which the card may shorten. */
static void
describe_card (Render *r, const char *name, const char *title)
{
  g_autofree char *text = NULL;

  if (r->draw->klass->describe == NULL)
    return;
  text = g_strconcat (name, " — ", title, NULL);
  ladder_draw_describe (r->draw, text);
}

static void
draw_card (Render *r, guint person)
{
  const LadderBox *box = ladder_layout_get_box (r->layout, person);
  const LadderRole *role = role_of (r, person);
  LadderColor band = role ? (LadderColor) { role->color[0], role->color[1], role->color[2], 1 }
                          : LADDER_RGB (UNKNOWN_ROLE);
  double x = box->x + r->ox, y = box->y + r->oy, w = box->width, h = box->height;
  gboolean vacant = ladder_chart_get_vacant (r->chart, person);
  const char *name = ladder_chart_get_name (r->chart, person);
  const char *title = ladder_chart_get_person_title (r->chart, person);
  int worst = worst_for (r, person);
  guint n_folded = ladder_layout_get_n_folded (r->layout, person);
  LadderFont name_font = { 13.5, TRUE, FALSE, LADDER_RGB (INK), LADDER_ALIGN_CENTER };
  LadderFont title_font = { 11.5, FALSE, FALSE, LADDER_RGB (INK_SOFT), LADDER_ALIGN_CENTER };
  LadderPaint shadow = fill_paint ((LadderColor) { 0.063, 0.094, 0.157, 0.08 });
  LadderPaint card = stroke_paint (BORDER, 1, 0);
  LadderPaint top = fill_paint (band);
  char group[96];

  if (r->simple)
    {
      draw_simple_card (r, person, box, band);
      return;
    }

  if (title == NULL || *title == '\0')
    title = role ? role->name : ladder_chart_get_role (r->chart, person);
  if (vacant)
    {
      name = _("Vacant");
      name_font.italic = TRUE;
      name_font.bold = FALSE;
      name_font.color = LADDER_RGB (INK_FAINT);
    }
  else if (name == NULL || *name == '\0')
    {
      /* Translators: on the card of a person not named yet */
      name = _("Unnamed");
      name_font.italic = TRUE;
      name_font.color = LADDER_RGB (INK_FAINT);
    }

  /* "person-ID", cut as g_snprintf() would (without its cost per card). */
  memcpy (group, "person-", 7);
  g_strlcpy (group + 7, ladder_chart_get_id (r->chart, person), sizeof group - 7);
  ladder_draw_begin_group (r->draw, group);
  describe_card (r, name, title);
  draw_highlights_below (r, person, x, y, w, h);
  ladder_draw_box (r->draw, x, y + 2, w, h, CARD_RADIUS, LADDER_CORNER_ALL, &shadow);
  card.fill = vacant ? LADDER_RGB (0xF9FAFB) : LADDER_RGB (0xFFFFFF);
  if (vacant)
    {
      card.stroke = LADDER_RGB (LINE);
      card.line_width = 1.25;
      card.dash = 4;
      top.fill = with_alpha (band, 0.45);
    }
  ladder_draw_box (r->draw, x, y, w, h, CARD_RADIUS, LADDER_CORNER_ALL, &card);
  /* The band: the top of the card's own rounded shape. */
  ladder_draw_box (r->draw, x, y, w, BAND_HEIGHT, CARD_RADIUS,
                   LADDER_CORNER_TOP_LEFT | LADDER_CORNER_TOP_RIGHT, &top);

  draw_card_text (r, x, y, w, name, &name_font, title, &title_font);

  if (n_folded > 0)
    draw_fold_marker (r, x + w / 2, y + h, n_folded, hidden_worst (r, person, n_folded));
  draw_highlights_above (r, person, x, y, w, h);
  if (worst >= 0)
    draw_badge (r, x + w - 3, y + 3, worst);
  ladder_draw_end_group (r->draw);
}

static void
draw_title (Render *r)
{
  const char *title = ladder_chart_get_title (r->chart);
  LadderFont title_font = { 22, TRUE, FALSE, LADDER_RGB (INK), LADDER_ALIGN_START };
  LadderFont sub_font = { 12.5, FALSE, FALSE, LADDER_RGB (INK_FAINT), LADDER_ALIGN_START };
  guint n_people = ladder_chart_get_n_people (r->chart), n_vacant = 0;
  guint capacity = ladder_chart_get_capacity (r->chart);
  g_autofree char *people = NULL;
  g_autofree char *line = NULL;
  double width, height;

  for (guint p = 0; p < capacity; p++)
    if (ladder_chart_is_alive (r->chart, p) && ladder_chart_get_vacant (r->chart, p))
      n_vacant++;

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u position", "%u positions",
                                         n_people), n_people);
  if (n_vacant > 0)
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u open", "%s · %u open",
                                         n_vacant), people, n_vacant);
  ladder_render_get_size (r->layout, r->chart, r->options, &width, &height);
  width -= 2 * LADDER_RENDER_MARGIN;
  ladder_draw_text (r->draw, LADDER_RENDER_MARGIN, LADDER_RENDER_MARGIN - 6, width,
                    title, &title_font);
  ladder_draw_text (r->draw, LADDER_RENDER_MARGIN, LADDER_RENDER_MARGIN + 24, width,
                    line ? line : people, &sub_font);
}

static void
render_init (Render *rr, LadderDraw *draw, LadderChart *chart, LadderCatalogue *catalogue,
             LadderLayout *layout, LadderFindings *findings, const LadderRenderOptions *options)
{
  Render r;

  r.draw = draw;
  r.chart = chart;
  r.catalogue = catalogue;
  r.layout = layout;
  r.findings = findings;
  r.options = options;
  r.simple = options->zoom > 0 && options->zoom < SIMPLE_ZOOM;
  r.tiny = options->zoom > 0 && options->zoom * LADDER_CARD_WIDTH < TINY_CARD;
  ladder_render_get_origin (chart, options, &r.ox, &r.oy);
  if (options->clip_width > 0)
    {
      r.clip_x0 = options->clip_x;
      r.clip_y0 = options->clip_y;
      r.clip_x1 = options->clip_x + options->clip_width;
      r.clip_y1 = options->clip_y + options->clip_height;
    }
  else
    {
      double w, h;

      ladder_render_get_size (layout, chart, options, &w, &h);
      r.clip_x0 = -r.ox;
      r.clip_y0 = -r.oy;
      r.clip_x1 = w - r.ox;
      r.clip_y1 = h - r.oy;
    }
  *rr = r;
}

void
ladder_render_chart (LadderDraw *draw, LadderChart *chart, LadderCatalogue *catalogue,
                     LadderLayout *layout, LadderFindings *findings,
                     const LadderRenderOptions *options)
{
  LadderRenderOptions defaults;
  LadderLayoutIter iter;
  LadderItemKind kind;
  guint person;
  Render r;

  g_return_if_fail (draw != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (layout != NULL);

  if (options == NULL)
    {
      ladder_render_options_init (&defaults);
      options = &defaults;
    }
  render_init (&r, draw, chart, catalogue, layout, findings, options);

  if (options->background)
    {
      LadderPaint white = fill_paint (LADDER_RGB (0xFFFFFF));
      ladder_draw_box (draw, r.clip_x0 + r.ox, r.clip_y0 + r.oy, r.clip_x1 - r.clip_x0,
                       r.clip_y1 - r.clip_y0, 0, 0, &white);
    }
  if (shows_title (chart, options) && r.clip_y0 < 0)
    draw_title (&r);

  /* Badges, fold pills and highlights stick out of the cards. */
  ladder_layout_iter_init (&iter, layout, r.clip_x0 - OVERHANG, r.clip_y0 - OVERHANG_BELOW,
                           r.clip_x1 - r.clip_x0 + 2 * OVERHANG,
                           r.clip_y1 - r.clip_y0 + OVERHANG + OVERHANG_BELOW);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    {
      if (kind == LADDER_ITEM_CONNECTOR)
        draw_connector (&r, person);
      else
        draw_stub (&r, person);
    }
  /* Only errors and warnings colour a line; a manager's reports are
   * all visited for that, so skip it when there are none. */
  if (findings != NULL && (ladder_findings_count (findings, LADDER_SEVERITY_ERROR) > 0
                           || ladder_findings_count (findings, LADDER_SEVERITY_WARNING) > 0))
    {
      ladder_layout_iter_init (&iter, layout, r.clip_x0, r.clip_y0,
                               r.clip_x1 - r.clip_x0, r.clip_y1 - r.clip_y0);
      while (ladder_layout_iter_next (&iter, &person, &kind))
        if (kind == LADDER_ITEM_CONNECTOR)
          draw_broken_lines (&r, person);
    }
  draw_dotted_lines (&r);

  ladder_layout_iter_init (&iter, layout, r.clip_x0 - OVERHANG, r.clip_y0 - OVERHANG_BELOW,
                           r.clip_x1 - r.clip_x0 + 2 * OVERHANG,
                           r.clip_y1 - r.clip_y0 + OVERHANG + OVERHANG_BELOW);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    if (kind == LADDER_ITEM_CARD)
      draw_card (&r, person);
}

void
ladder_render_highlights (LadderDraw *draw, LadderChart *chart, LadderCatalogue *catalogue,
                          LadderLayout *layout, LadderFindings *findings,
                          const LadderRenderOptions *options)
{
  guint people[2];
  Render r;

  g_return_if_fail (draw != NULL);
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL);

  render_init (&r, draw, chart, catalogue, layout, findings, options);
  people[0] = options->drop_target;
  people[1] = options->selected != options->drop_target ? options->selected : LADDER_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const LadderBox *box;
      double x, y;
      int worst;

      if (people[i] == LADDER_NONE || !ladder_chart_is_alive (chart, people[i]))
        continue;
      box = ladder_layout_get_box (layout, people[i]);
      if (box == NULL || !box->visible || box->x > r.clip_x1 + OVERHANG
          || box->x + box->width < r.clip_x0 - OVERHANG || box->y > r.clip_y1 + OVERHANG
          || box->y + box->height < r.clip_y0 - OVERHANG_BELOW)
        continue;
      x = box->x + r.ox;
      y = box->y + r.oy;
      draw_highlights_above (&r, people[i], x, y, box->width, box->height);
      worst = worst_for (&r, people[i]);
      if (!r.simple && worst >= 0)
        draw_badge (&r, x + box->width - 3, y + 3, worst);
    }
}
