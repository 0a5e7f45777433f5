/* ladder-overview.c — the Overview page of the side panel
 *
 * One LadderStats a chart version, counted in an idle after the chart's
 * "changed" signal (a linear pass: a few milliseconds at 10,000 people),
 * never once per emission.  The bars keep their choice across a recount
 * when the same bar is still there, so a highlighted level follows edits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-describe.h"
#include "ladder-overview.h"
#include "ladder-stats.h"

/* Rows listed for a chosen bar; the canvas highlights all of them. */
#define LIST_LIMIT 200
/* Past this many spans, the histogram shows only the spans some manager
 * has. */
#define MAX_SPAN_BARS 30

enum {
  CHOSEN_CHANGED,
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LadderOverview
{
  GtkWidget        parent_instance;

  /* template */
  GtkGrid         *figures;
  LadderBarChart  *charts[LADDER_OVERVIEW_N_CHARTS];
  GtkWidget       *chosen_box;
  GtkLabel        *chosen_label;
  GtkButton       *clear_button;
  GtkListBox      *chosen_list;

  LadderChart     *chart;
  LadderCatalogue *catalogue;
  LadderStats     *stats;
  guint            update_idle;

  /* the bar of each span chart's row, and the vacancies */
  GArray          *spans;         /* guint */
  GArray          *vacancies;     /* guint person */
  LadderOverviewChart chosen_chart;
  GArray          *chosen;        /* guint person */
  GArray          *rows;          /* guint person per list row */
};

G_DEFINE_FINAL_TYPE (LadderOverview, ladder_overview, GTK_TYPE_WIDGET)

enum { ATTENTION_VACANCIES, ATTENTION_SINGLE_REPORT };

/* -------------------------------------------------------------- figures */

static void
add_figure (LadderOverview *self, int row, const char *name, const char *value)
{
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (value_label), 20);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_grid_attach (self->figures, name_label, 0, row, 1, 1);
  gtk_grid_attach (self->figures, value_label, 1, row, 1, 1);
}

static char *
dup_number (guint value)
{
  return g_strdup_printf ("%u", value);
}

static void
update_figures (LadderOverview *self)
{
  GtkWidget *child;
  LadderSpanSummary span;
  g_autofree char *people = dup_number (ladder_stats_get_people (self->stats));
  g_autofree char *vacancies = dup_number (ladder_stats_get_vacancies (self->stats));
  g_autofree char *managers = dup_number (ladder_stats_get_managers (self->stats));
  g_autofree char *layers = dup_number (ladder_stats_get_layers (self->stats));
  g_autofree char *spans = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures))) != NULL)
    gtk_grid_remove (self->figures, child);

  if (ladder_stats_get_span (self->stats, &span))
    /* Translators: the span of control: fewest, median, mean and most
     * direct reports of a manager */
    spans = g_strdup_printf (_("%u to %u, median %.1f, mean %.1f"),
                             span.min, span.max, span.median, span.mean);
  else
    spans = g_strdup (_("no managers"));

  add_figure (self, 0, _("People"), people);
  add_figure (self, 1, _("Vacancies"), vacancies);
  add_figure (self, 2, _("Managers"), managers);
  add_figure (self, 3, _("Levels"), layers);
  add_figure (self, 4, _("Span of control"), spans);
}

/* ----------------------------------------------------------------- bars */

static void
set_bars (LadderBarChart *chart, GPtrArray *labels, GArray *values)
{
  ladder_bar_chart_set_bars (chart, (const char *const *) labels->pdata,
                             (const guint *) values->data, values->len);
}

static void
update_attention (LadderOverview *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = ladder_chart_get_n_people (self->chart);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  guint single = ladder_stats_get_single_report_managers (self->stats);

  g_array_set_size (self->vacancies, 0);
  n = ladder_chart_preorder (self->chart, order, FALSE);
  for (guint i = 0; i < n; i++)
    if (ladder_chart_get_vacant (self->chart, order[i]))
      g_array_append_val (self->vacancies, order[i]);

  g_ptr_array_add (labels, _("Vacancies"));
  g_array_append_val (values, self->vacancies->len);
  g_ptr_array_add (labels, _("Managers with one report"));
  g_array_append_val (values, single);
  set_bars (self->charts[LADDER_OVERVIEW_ATTENTION], labels, values);
}

static void
update_levels (LadderOverview *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  guint layers = ladder_stats_get_layers (self->stats);

  for (guint level = 1; level <= layers; level++)
    {
      guint count = ladder_stats_get_n_in_layer (self->stats, level);

      /* Translators: a bar of "People per Level"; level 1 is the top */
      g_ptr_array_add (labels, g_strdup_printf (_("Level %u"), level));
      g_array_append_val (values, count);
    }
  set_bars (self->charts[LADDER_OVERVIEW_LEVELS], labels, values);
}

static void
update_spans (LadderOverview *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  LadderSpanSummary span;

  g_array_set_size (self->spans, 0);
  if (ladder_stats_get_span (self->stats, &span))
    for (guint s = span.min; s <= span.max; s++)
      {
        guint count = ladder_stats_get_n_with_span (self->stats, s);

        if (count == 0 && span.max - span.min >= MAX_SPAN_BARS)
          continue;
        /* Translators: a bar of the span histogram: managers with this
         * many direct reports */
        g_ptr_array_add (labels, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report",
                                                               "%u reports", s), s));
        g_array_append_val (values, count);
        g_array_append_val (self->spans, s);
      }
  set_bars (self->charts[LADDER_OVERVIEW_SPANS], labels, values);
}

static void
update_roles (LadderOverview *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = ladder_stats_get_n_roles (self->stats);

  for (guint i = 0; i < n; i++)
    {
      const char *id = ladder_stats_get_role (self->stats, i);
      const LadderRole *role = ladder_catalogue_lookup_role (self->catalogue, id);
      guint count = ladder_stats_get_role_count (self->stats, i);

      g_ptr_array_add (labels, (gpointer) (role != NULL ? role->name : id));
      g_array_append_val (values, count);
    }
  set_bars (self->charts[LADDER_OVERVIEW_ROLES], labels, values);
}

/* --------------------------------------------------------------- chosen */

static void
list_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, LadderOverview *self)
{
  int index = gtk_list_box_row_get_index (row);
  guint person;

  if (index < 0 || (guint) index >= self->rows->len)
    return;
  person = g_array_index (self->rows, guint, index);
  if (person != LADDER_NONE && ladder_chart_is_alive (self->chart, person))
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

static GtkWidget *
make_row (LadderOverview *self, guint person)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (ladder_describe_label (self->chart, self->catalogue, person));
  const LadderRole *role = ladder_catalogue_lookup_role (self->catalogue,
                                                        ladder_chart_get_role (self->chart, person));
  const char *title = ladder_chart_get_person_title (self->chart, person);
  GtkWidget *detail;

  if (title == NULL || *title == '\0')
    title = role != NULL ? role->name : ladder_chart_get_role (self->chart, person);
  detail = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  return box;
}

static void
update_list (LadderOverview *self)
{
  LadderBarChart *chart = self->charts[self->chosen_chart];
  guint bar = ladder_bar_chart_get_chosen (chart);
  guint shown = MIN (self->chosen->len, LIST_LIMIT);
  g_autofree char *heading = NULL;
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chosen_list))) != NULL)
    gtk_list_box_remove (self->chosen_list, child);
  g_array_set_size (self->rows, 0);
  gtk_widget_set_visible (self->chosen_box, bar != LADDER_BAR_NONE);
  if (bar == LADDER_BAR_NONE)
    return;

  /* Translators: above the list of the people of a chosen bar:
   * "Level 3: 4 people" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u person", "%s: %u people",
                                          self->chosen->len),
                             ladder_bar_chart_get_label (chart, bar), self->chosen->len);
  gtk_label_set_label (self->chosen_label, heading);
  for (guint i = 0; i < shown; i++)
    {
      guint person = g_array_index (self->chosen, guint, i);

      gtk_list_box_append (self->chosen_list, make_row (self, person));
      g_array_append_val (self->rows, person);
    }
  if (self->chosen->len > shown)
    {
      guint more = self->chosen->len - shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more, highlighted on the chart",
                                                            "and %u more, highlighted on the chart",
                                                            more), more);
      GtkWidget *label = gtk_label_new (text);
      guint none = LADDER_NONE;

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->chosen_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->chosen_list, shown),
                                        FALSE);
      g_array_append_val (self->rows, none);
    }
}

/* The people of the chosen bar, from the current stats. */
static void
collect_chosen (LadderOverview *self)
{
  LadderBarChart *chart = self->charts[self->chosen_chart];
  guint bar = ladder_bar_chart_get_chosen (chart);
  const guint *people = NULL;
  guint n = 0;

  g_array_set_size (self->chosen, 0);
  if (bar == LADDER_BAR_NONE)
    return;
  switch (self->chosen_chart)
    {
    case LADDER_OVERVIEW_ATTENTION:
      if (bar == ATTENTION_VACANCIES)
        {
          people = (const guint *) self->vacancies->data;
          n = self->vacancies->len;
        }
      else
        people = ladder_stats_get_people_with_span (self->stats, 1, &n);
      break;
    case LADDER_OVERVIEW_LEVELS:
      people = ladder_stats_get_people_in_layer (self->stats, bar + 1, &n);
      break;
    case LADDER_OVERVIEW_SPANS:
      people = ladder_stats_get_people_with_span (self->stats,
                                                  g_array_index (self->spans, guint, bar), &n);
      break;
    case LADDER_OVERVIEW_ROLES:
      people = ladder_stats_get_people_with_role (self->stats, bar, &n);
      break;
    default:
      g_assert_not_reached ();
    }
  if (n > 0)
    g_array_append_vals (self->chosen, people, n);
}

static void
chosen_changed (LadderOverview *self)
{
  collect_chosen (self);
  update_list (self);
  g_signal_emit (self, signals[CHOSEN_CHANGED], 0);
}

void
ladder_overview_choose (LadderOverview *self, LadderOverviewChart which, guint bar)
{
  g_return_if_fail (LADDER_IS_OVERVIEW (self));
  g_return_if_fail (which < LADDER_OVERVIEW_N_CHARTS);

  ladder_overview_update (self);
  /* One bar at a time, over all the charts. */
  for (guint i = 0; i < LADDER_OVERVIEW_N_CHARTS; i++)
    if (i != which)
      ladder_bar_chart_set_chosen (self->charts[i], LADDER_BAR_NONE);
  ladder_bar_chart_set_chosen (self->charts[which], bar);
  self->chosen_chart = which;
  chosen_changed (self);
}

static void
bar_activated_cb (LadderBarChart *chart, guint bar, LadderOverview *self)
{
  for (guint i = 0; i < LADDER_OVERVIEW_N_CHARTS; i++)
    if (self->charts[i] == chart)
      ladder_overview_choose (self, i, bar);
}

static void
clear_cb (LadderOverview *self)
{
  ladder_overview_choose (self, self->chosen_chart, LADDER_BAR_NONE);
}

/* --------------------------------------------------------------- update */

void
ladder_overview_update (LadderOverview *self)
{
  g_return_if_fail (LADDER_IS_OVERVIEW (self));

  g_clear_handle_id (&self->update_idle, g_source_remove);
  if (self->chart == NULL || self->stats != NULL)
    return;
  self->stats = ladder_stats_new (self->chart, self->catalogue, NULL);
  update_figures (self);
  update_attention (self);
  update_levels (self);
  update_spans (self);
  update_roles (self);
  chosen_changed (self);
}

static gboolean
update_idle_cb (gpointer data)
{
  LadderOverview *self = data;

  self->update_idle = 0;
  ladder_overview_update (self);
  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (LadderChart *chart, gconstpointer change, LadderOverview *self)
{
  /* The old figures stay shown until the idle: they describe the chart
   * one edit ago, and their people may be gone.  A page nobody sees is
   * counted when it is shown (or asked), not after every edit. */
  g_clear_pointer (&self->stats, ladder_stats_free);
  if (self->update_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_idle = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
}

static void
ladder_overview_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ladder_overview_parent_class)->map (widget);
  ladder_overview_update (LADDER_OVERVIEW (widget));
}

void
ladder_overview_bind (LadderOverview *self, LadderChart *chart, LadderCatalogue *catalogue)
{
  g_return_if_fail (LADDER_IS_OVERVIEW (self));
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  g_set_object (&self->catalogue, catalogue);
  g_signal_connect (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  g_clear_pointer (&self->stats, ladder_stats_free);
  ladder_overview_update (self);
}

/* --------------------------------------------------------------- access
 * Each getter first counts what an edit left uncounted while the page was
 * not shown. */

LadderBarChart *
ladder_overview_get_chart (LadderOverview *self, LadderOverviewChart which)
{
  g_return_val_if_fail (LADDER_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (which < LADDER_OVERVIEW_N_CHARTS, NULL);
  ladder_overview_update (self);
  return self->charts[which];
}

const guint *
ladder_overview_get_chosen (LadderOverview *self, guint *n_people)
{
  g_return_val_if_fail (LADDER_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (n_people != NULL, NULL);
  ladder_overview_update (self);

  *n_people = self->chosen->len;
  return self->chosen->len > 0 ? (const guint *) self->chosen->data : NULL;
}

guint
ladder_overview_get_n_rows (LadderOverview *self)
{
  g_return_val_if_fail (LADDER_IS_OVERVIEW (self), 0);
  ladder_overview_update (self);
  return self->rows->len;
}

guint
ladder_overview_get_row_person (LadderOverview *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_OVERVIEW (self), LADDER_NONE);
  ladder_overview_update (self);
  g_return_val_if_fail (row < self->rows->len, LADDER_NONE);
  return g_array_index (self->rows, guint, row);
}

void
ladder_overview_activate_row (LadderOverview *self, guint row)
{
  g_return_if_fail (LADDER_IS_OVERVIEW (self));
  ladder_overview_update (self);
  g_return_if_fail (row < self->rows->len);
  list_row_activated_cb (self->chosen_list, gtk_list_box_get_row_at_index (self->chosen_list, row),
                         self);
}

char *
ladder_overview_dup_figures (LadderOverview *self)
{
  GString *text = g_string_new (NULL);
  GtkWidget *child;
  guint i = 0;

  g_return_val_if_fail (LADDER_IS_OVERVIEW (self), NULL);

  ladder_overview_update (self);
  /* Name and value labels alternate, in rows. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->figures)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    g_string_append_printf (text, i % 2 == 0 ? "%s%s: " : "%s%s",
                            i % 2 == 0 && i > 0 ? "; " : "",
                            gtk_label_get_label (GTK_LABEL (child)));
  return g_string_free (text, FALSE);
}

/* --------------------------------------------------------------- object */

static void
ladder_overview_dispose (GObject *object)
{
  LadderOverview *self = LADDER_OVERVIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_idle, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_OVERVIEW);
  /* What the template made without an id (the scrolled window). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ladder_overview_parent_class)->dispose (object);
}

static void
ladder_overview_finalize (GObject *object)
{
  LadderOverview *self = LADDER_OVERVIEW (object);

  g_clear_pointer (&self->stats, ladder_stats_free);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->vacancies, g_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (ladder_overview_parent_class)->finalize (object);
}

static void
ladder_overview_class_init (LadderOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_overview_dispose;
  object_class->finalize = ladder_overview_finalize;
  widget_class->map = ladder_overview_map;

  signals[CHOSEN_CHANGED] = g_signal_new ("chosen-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (LADDER_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderOverview, figures);
  gtk_widget_class_bind_template_child_full (widget_class, "attention_chart", FALSE,
                                             G_STRUCT_OFFSET (LadderOverview,
                                                              charts[LADDER_OVERVIEW_ATTENTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "level_chart", FALSE,
                                             G_STRUCT_OFFSET (LadderOverview,
                                                              charts[LADDER_OVERVIEW_LEVELS]));
  gtk_widget_class_bind_template_child_full (widget_class, "span_chart", FALSE,
                                             G_STRUCT_OFFSET (LadderOverview,
                                                              charts[LADDER_OVERVIEW_SPANS]));
  gtk_widget_class_bind_template_child_full (widget_class, "role_chart", FALSE,
                                             G_STRUCT_OFFSET (LadderOverview,
                                                              charts[LADDER_OVERVIEW_ROLES]));
  gtk_widget_class_bind_template_child (widget_class, LadderOverview, chosen_box);
  gtk_widget_class_bind_template_child (widget_class, LadderOverview, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, LadderOverview, clear_button);
  gtk_widget_class_bind_template_child (widget_class, LadderOverview, chosen_list);
  gtk_widget_class_set_css_name (widget_class, "ladderoverview");
}

static void
ladder_overview_init (LadderOverview *self)
{
  static const char *titles[LADDER_OVERVIEW_N_CHARTS] = {
    N_("To Look At"), N_("People per Level"), N_("Span of Control (Managers by Direct Reports)"),
    N_("Head Count by Role"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->spans = g_array_new (FALSE, FALSE, sizeof (guint));
  self->vacancies = g_array_new (FALSE, FALSE, sizeof (guint));
  self->chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < LADDER_OVERVIEW_N_CHARTS; i++)
    {
      ladder_bar_chart_set_title (self->charts[i], _(titles[i]));
      g_signal_connect (self->charts[i], "bar-activated", G_CALLBACK (bar_activated_cb), self);
    }
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_cb), self);
  g_signal_connect (self->chosen_list, "row-activated", G_CALLBACK (list_row_activated_cb), self);
}
