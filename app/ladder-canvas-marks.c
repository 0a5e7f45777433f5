/* ladder-canvas-marks.c — what the view adds to the cards: the marks of a
 * comparison and of the Overview's chosen bar, and report counts
 *
 * Drawn over the shared renderer's cards, on the canvas only (exports
 * show the chart, not the view).  The chart stays on a light page in
 * every style, so these colours are fixed; each mark also carries a word,
 * so colour is never the only cue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-canvas-private.h"
#include "ladder-draw.h"

#define SIMPLE_ZOOM  0.35   /* below it the renderer draws cards without text */
#define TAG_HEIGHT  18.0
#define ADDED_GREEN  0x079455
#define MOVED_VIOLET 0x7A5AF8
#define CHANGED_BROWN 0xB54708
#define CHOSEN_TEAL  0x0E9384
#define COUNT_INK    0x344054
#define COUNT_FILL   0xF2F4F7
#define COUNT_EDGE   0x98A2B3

static const LadderFont tag_font = { 10.5, TRUE, FALSE, { 1, 1, 1, 1 }, LADDER_ALIGN_CENTER };

/* A pill with @text centred, its left end at @x and its middle at @y. */
static void
draw_tag (LadderDraw *draw, double x, double y, const char *text, const LadderFont *font,
          const LadderPaint *paint)
{
  double width = ladder_draw_measure_text (text, font) + 14;
  double ascent, height;

  ladder_draw_font_metrics (font, &ascent, &height);
  ladder_draw_box (draw, x, y - TAG_HEIGHT / 2, width, TAG_HEIGHT, TAG_HEIGHT / 2,
                   LADDER_CORNER_ALL, paint);
  ladder_draw_text (draw, x, y - height / 2, width, text, font);
}

static const char *
change_words (guint8 mark, guint *rgb)
{
  if (mark & LADDER_CANVAS_MARK_ADDED)
    {
      *rgb = ADDED_GREEN;
      /* Translators: a tag on a card: the person is not on the older chart */
      return C_("comparison", "New");
    }
  if ((mark & LADDER_CANVAS_MARK_MOVED) && (mark & LADDER_CANVAS_MARK_CHANGED))
    {
      *rgb = MOVED_VIOLET;
      return C_("comparison", "Moved, changed");
    }
  if (mark & LADDER_CANVAS_MARK_MOVED)
    {
      *rgb = MOVED_VIOLET;
      return C_("comparison", "Moved");
    }
  if (mark & LADDER_CANVAS_MARK_CHANGED)
    {
      *rgb = CHANGED_BROWN;
      return C_("comparison", "Changed");
    }
  return NULL;
}

static void
draw_mark (LadderDraw *draw, const LadderBox *box, guint8 mark, gboolean text, gboolean again)
{
  double x = box->x, y = box->y, w = box->width, h = box->height;
  const char *words;
  guint rgb = 0;

  if (mark & LADDER_CANVAS_MARK_CHOSEN)
    {
      LadderPaint ring = { { 0, 0, 0, 0 }, LADDER_RGB (CHOSEN_TEAL), 4.0, 0 };

      ring.fill = LADDER_RGB (CHOSEN_TEAL);
      ring.fill.alpha = again ? 0 : 0.10;
      ladder_draw_box (draw, x - 8, y - 8, w + 16, h + 16, 16, LADDER_CORNER_ALL, &ring);
    }
  words = change_words (mark, &rgb);
  if (words != NULL)
    {
      LadderPaint ring = { { 0, 0, 0, 0 }, LADDER_RGB (rgb), 2.5, 0 };
      LadderPaint pill = { LADDER_RGB (rgb), { 0, 0, 0, 0 }, 0, 0 };

      ladder_draw_box (draw, x - 5, y - 5, w + 10, h + 10, 14, LADDER_CORNER_ALL, &ring);
      if (text)
        draw_tag (draw, x + 10, y, words, &tag_font, &pill);
    }
}

static void
draw_counts (LadderCanvas *self, LadderDraw *draw, const LadderBox *box, guint person)
{
  LadderFont font = tag_font;
  LadderPaint pill = { LADDER_RGB (COUNT_FILL), LADDER_RGB (COUNT_EDGE), 1.0, 0 };
  char text[48];

  font.color = LADDER_RGB (COUNT_INK);
  /* Translators: on a card, its person's direct and total reports */
  g_snprintf (text, sizeof text, C_("report counts", "%u · %u"),
              ladder_stats_get_direct_reports (self->counts, person),
              ladder_stats_get_total_reports (self->counts, person));
  draw_tag (draw, box->x + 8, box->y + box->height, text, &font, &pill);
}

static void
draw_marks_of (LadderCanvas *self, LadderDraw *draw, guint person, gboolean text,
               gboolean counts, gboolean again)
{
  guint8 mark = person < self->n_marks && self->marks != NULL ? self->marks[person] : 0;
  const LadderBox *box = ladder_layout_get_box (self->layout, person);

  if (box == NULL || !box->visible)
    return;
  if (mark != 0)
    draw_mark (draw, box, mark, text, again);
  if (counts)
    draw_counts (self, draw, box, person);
}

/* Whether there is anything to draw; counts the reports when needed. */
static gboolean
has_marks (LadderCanvas *self, gboolean *text, gboolean *counts)
{
  *text = ladder_viewport_get_zoom (self->viewport) >= SIMPLE_ZOOM;
  *counts = self->show_counts && *text;
  if ((self->marks == NULL || self->n_marks == 0) && !*counts)
    return FALSE;
  if (*counts && self->counts == NULL)
    self->counts = ladder_stats_new (self->chart, self->catalogue, NULL);
  return TRUE;
}

void
ladder_canvas_draw_marks (LadderCanvas *self, cairo_t *cr)
{
  gboolean text, counts;
  double x0, y0, x1, y1;
  LadderLayoutIter iter;
  LadderItemKind kind;
  LadderDraw *draw;
  guint person;

  if (!has_marks (self, &text, &counts))
    return;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  draw = ladder_draw_cairo_new (cr);
  /* The rings reach 10 units out, the tags a little more. */
  ladder_layout_iter_init (&iter, self->layout, x0 - 12, y0 - 12, x1 - x0 + 24, y1 - y0 + 24);
  while (ladder_layout_iter_next (&iter, &person, &kind))
    if (kind == LADDER_ITEM_CARD)
      draw_marks_of (self, draw, person, text, counts, FALSE);
  ladder_draw_free (draw);
}

void
ladder_canvas_draw_marks_of (LadderCanvas *self, cairo_t *cr, guint person)
{
  gboolean text, counts;
  LadderDraw *draw;

  if (person == LADDER_NONE || !ladder_chart_is_alive (self->chart, person)
      || !has_marks (self, &text, &counts))
    return;
  draw = ladder_draw_cairo_new (cr);
  draw_marks_of (self, draw, person, text, counts, TRUE);
  ladder_draw_free (draw);
}

char *
ladder_canvas_describe_marks (LadderCanvas *self, guint person)
{
  guint8 mark = self->marks != NULL && person < self->n_marks ? self->marks[person] : 0;
  GString *text = g_string_new (NULL);

  if (mark & LADDER_CANVAS_MARK_ADDED)
    g_string_append (text, _("New since the compared chart."));
  else if ((mark & LADDER_CANVAS_MARK_MOVED) && (mark & LADDER_CANVAS_MARK_CHANGED))
    g_string_append (text, _("Moved and changed since the compared chart."));
  else if (mark & LADDER_CANVAS_MARK_MOVED)
    g_string_append (text, _("Moved since the compared chart."));
  else if (mark & LADDER_CANVAS_MARK_CHANGED)
    g_string_append (text, _("Changed since the compared chart."));
  if (mark & LADDER_CANVAS_MARK_CHOSEN)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                            _("Highlighted by the Overview."));
  if (self->show_counts)
    {
      if (self->counts == NULL)
        self->counts = ladder_stats_new (self->chart, self->catalogue, NULL);
      g_string_append_printf (text, "%s", text->len > 0 ? " " : "");
      guint direct = ladder_stats_get_direct_reports (self->counts, person);

      /* Translators: a card's report counts, for a screen reader */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u direct report, %u in all.",
                                                 "%u direct reports, %u in all.", direct),
                              direct, ladder_stats_get_total_reports (self->counts, person));
    }
  return g_string_free (text, FALSE);
}

void
ladder_canvas_set_marks (LadderCanvas *self, const guint8 *marks, guint n_marks)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));

  self->marks = marks;
  self->n_marks = marks != NULL ? n_marks : 0;
  ladder_canvas_drop_picture (self);
  /* The cards' descriptions say the marks. */
  ladder_canvas_a11y_queue (self->a11y, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ladder_canvas_set_show_counts (LadderCanvas *self, gboolean show)
{
  g_return_if_fail (LADDER_IS_CANVAS (self));

  show = !!show;
  if (show == self->show_counts)
    return;
  self->show_counts = show;
  ladder_canvas_drop_picture (self);
  ladder_canvas_a11y_queue (self->a11y, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ladder_canvas_get_show_counts (LadderCanvas *self)
{
  g_return_val_if_fail (LADDER_IS_CANVAS (self), FALSE);
  return self->show_counts;
}
