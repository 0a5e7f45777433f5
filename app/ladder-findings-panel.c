/* ladder-findings-panel.c — every finding of the chart, with its "why"
 *
 * Each row shows the severity and the message; its "Why?" expander shows
 * the rule and the exact words of the documents it rests on, so that the
 * user can judge a finding rather than take it on trust.  The citation is
 * built only when a row is first expanded: a big chart can have thousands
 * of findings.
 *
 * Rows come errors first, then warnings, then notes, each in chart order.
 * The findings that condemn one reporting line (a PM under a PM breaks
 * rank-order and pm-manager) share one row: one complaint, both rules.
 * The panel's API speaks of finding indices, as LadderFindings does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-findings-panel.h"

/* More rows than this help no one and slow every edit down. */
#define MAX_ROWS 500

struct _LadderFindingsPanel
{
  GtkWidget parent_instance;

  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;
  guint              scroll_tick;      /* brings the selected row into view */
  guint              scroll_frames;    /* how many frames it has waited */

  /* "rule-id:person" of the rows the user opened, kept across updates */
  GHashTable *expanded;

  /* The rows' order over every finding, including those past MAX_ROWS. */
  GArray *order;        /* finding indices, row by row, each row's worst first */
  GArray *row_start;    /* row -> its first place in order, then order->len */
  GArray *row_of;       /* finding index -> row */
  guint   followed;     /* the person selected on the canvas, or LADDER_NONE */
};

G_DEFINE_FINAL_TYPE (LadderFindingsPanel, ladder_findings_panel, GTK_TYPE_WIDGET)

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (LadderSeverity severity)
{
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case LADDER_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case LADDER_SEVERITY_NOTE:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (LadderSeverity severity)
{
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      return "error";
    case LADDER_SEVERITY_WARNING:
      return "warning";
    case LADDER_SEVERITY_NOTE:
    default:
      return "note";
    }
}

static const char *
severity_name (LadderSeverity severity)
{
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      return _("Error");
    case LADDER_SEVERITY_WARNING:
      return _("Warning");
    case LADDER_SEVERITY_NOTE:
    default:
      return _("Note");
    }
}

static GtkWidget *
build_why (const LadderRule *rule, LadderSeverity severity)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;
  g_autofree char *head = NULL;
  guint n = rule != NULL ? ladder_rule_get_n_citations (rule) : 0;

  gtk_widget_add_css_class (box, "why");
  if (rule == NULL)
    return box;

  /* Translators: "Error · rule vp-reports-to-executive" */
  head = g_strdup_printf (_("%s · rule %s"), severity_name (severity), ladder_rule_get_id (rule));
  label = gtk_label_new (head);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (ladder_rule_get_summary (rule));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);

  if (n == 0)
    {
      label = gtk_label_new (_("This rule checks the structure of the chart; no document is cited."));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  for (guint i = 0; i < n; i++)
    {
      const LadderCitation *citation = ladder_rule_get_citation (rule, i);
      g_autofree char *quote = g_strdup_printf ("“%s”", citation->quote);
      GtkWidget *source;

      label = gtk_label_new (quote);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "quote");
      gtk_box_append (GTK_BOX (box), label);

      source = gtk_label_new (citation->title);
      gtk_label_set_xalign (GTK_LABEL (source), 1.0);
      gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_selectable (GTK_LABEL (source), TRUE);
      gtk_widget_add_css_class (source, "dim-label");
      gtk_widget_add_css_class (source, "caption");
      gtk_box_append (GTK_BOX (box), source);
    }
  return box;
}

static const LadderFinding *
row_finding (LadderFindingsPanel *self, LadderFindings *findings, guint row, guint k)
{
  guint start = g_array_index (self->row_start, guint, row);

  return ladder_findings_get (findings, g_array_index (self->order, guint, start + k));
}

static guint
row_size (LadderFindingsPanel *self, guint row)
{
  return g_array_index (self->row_start, guint, row + 1) - g_array_index (self->row_start, guint, row);
}

static void
expanded_cb (GtkExpander *expander, GParamSpec *pspec, LadderFindingsPanel *self)
{
  const char *key = g_object_get_data (G_OBJECT (expander), "key");

  if (gtk_expander_get_expanded (expander))
    {
      if (gtk_expander_get_child (expander) == NULL)
        {
          LadderFindings *findings = g_object_get_data (G_OBJECT (expander), "findings");
          guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "row"));
          GtkWidget *whys = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

          for (guint k = 0; k < row_size (self, row); k++)
            {
              const LadderFinding *finding = row_finding (self, findings, row, k);

              gtk_box_append (GTK_BOX (whys), build_why (finding->rule, finding->severity));
            }
          gtk_expander_set_child (expander, whys);
        }
      g_hash_table_add (self->expanded, g_strdup (key));
    }
  else
    g_hash_table_remove (self->expanded, key);
}

static void
add_small_print (GtkWidget *box, const char *text, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  if (!wrap)
    gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
make_row (LadderFindingsPanel *self, LadderFindings *findings, guint index)
{
  const LadderFinding *finding = row_finding (self, findings, index, 0);
  guint size = row_size (self, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
  GtkWidget *label = gtk_label_new (finding->message);
  GtkWidget *expander;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) rule_ids = g_string_new (NULL);

  gtk_widget_add_css_class (icon, severity_class (finding->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_set_tooltip_text (icon, severity_name (finding->severity));
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (text), label);

  /* The other rules the same reporting line breaks, in their own words;
   * the rule ids, for the command line and the rules file, in small print. */
  for (guint k = 0; k < size; k++)
    {
      const LadderFinding *also = row_finding (self, findings, index, k);
      const char *rule_id = also->rule ? ladder_rule_get_id (also->rule) : "";

      if (k > 0)
        {
          /* Translators: a second rule broken by the same reporting line */
          g_autofree char *more = g_strdup_printf (_("Also: %s"), also->message);

          add_small_print (text, more, TRUE);
          g_string_append (rule_ids, " · ");
          g_string_append_c (key, ' ');
        }
      g_string_append (rule_ids, rule_id);
      g_string_append_printf (key, "%s:%u", rule_id, also->person);
    }
  add_small_print (text, rule_ids->str, FALSE);

  expander = gtk_expander_new (_("Why?"));
  gtk_widget_add_css_class (expander, "why-expander");
  gtk_widget_set_tooltip_text (expander, rule_ids->str);
  g_object_set_data_full (G_OBJECT (expander), "key", g_strdup (key->str), g_free);
  g_object_set_data (G_OBJECT (expander), "row", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (expander), "findings", findings);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);
  if (g_hash_table_contains (self->expanded, key->str))
    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_box_append (GTK_BOX (text), expander);

  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "person", GUINT_TO_POINTER (finding->person));
  return row;
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, LadderFindingsPanel *self)
{
  gpointer data = g_object_get_data (G_OBJECT (row), "person");

  if (g_object_get_data (G_OBJECT (row), "more") != NULL)
    return;
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0, GPOINTER_TO_UINT (data));
}

/* Whether @finding condemns its person's reporting line (its `other` is
 * the person's manager), as ladder_findings_line_severity() counts. */
static gboolean
is_about_line (LadderChart *chart, const LadderFinding *finding)
{
  return finding->person != LADDER_NONE && finding->other != LADDER_NONE &&
         ladder_chart_is_alive (chart, finding->person) &&
         ladder_chart_get_manager (chart, finding->person) == finding->other;
}

/* Fills order, row_start and row_of: the findings of one reporting line
 * (adjacent: they are sorted by person) make one row, its worst first;
 * rows go errors, warnings, notes, each in chart order. */
static void
arrange_rows (LadderFindingsPanel *self, LadderChart *chart, LadderFindings *findings)
{
  guint n = ladder_findings_get_n (findings);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) worst = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_set_size (self->order, 0);
  g_array_set_size (self->row_start, 0);
  g_array_set_size (self->row_of, n);

  /* The rows in chart order, and each one's worst severity. */
  for (guint i = 0; i < n; i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);
      const LadderFinding *previous = i > 0 ? ladder_findings_get (findings, i - 1) : NULL;

      if (previous != NULL && previous->person == finding->person &&
          is_about_line (chart, previous) && is_about_line (chart, finding))
        {
          int *row_worst = &g_array_index (worst, int, worst->len - 1);

          *row_worst = MIN (*row_worst, (int) finding->severity);
          continue;
        }
      g_array_append_val (starts, i);
      g_array_append_val (worst, finding->severity);
    }
  g_array_append_val (starts, n);

  /* Severity by severity, so chart order holds within each. */
  for (int severity = LADDER_SEVERITY_ERROR; severity <= LADDER_SEVERITY_NOTE; severity++)
    for (guint row = 0; row < worst->len; row++)
      {
        guint first = g_array_index (starts, guint, row);
        guint end = g_array_index (starts, guint, row + 1);

        if (g_array_index (worst, int, row) != severity)
          continue;
        g_array_append_val (self->row_start, self->order->len);
        for (int pass = 0; pass < 2; pass++)
          for (guint i = first; i < end; i++)
            if ((ladder_findings_get (findings, i)->severity == (LadderSeverity) severity) == (pass == 0))
              {
                g_array_append_val (self->order, i);
                g_array_index (self->row_of, guint, i) = self->row_start->len - 1;
              }
      }
  g_array_append_val (self->row_start, self->order->len);
}

static guint
n_rows (LadderFindingsPanel *self)
{
  return self->row_start->len > 0 ? self->row_start->len - 1 : 0;
}

static void select_row (LadderFindingsPanel *self, guint index);

/* Selects @person's first row, unless the selected row is already one of
 * theirs (a click on their second finding stays there); none for someone
 * without a finding. */
static void
follow_person (LadderFindingsPanel *self, guint person)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  GtkListBoxRow *row;

  self->followed = person;
  if (person != LADDER_NONE && selected != NULL &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (selected), "person")) == person)
    return;
  for (int i = 0; person != LADDER_NONE && (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "more") == NULL &&
        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "person")) == person)
      {
        select_row (self, (guint) i);
        return;
      }
  gtk_list_box_unselect_all (self->list);
}

void
ladder_findings_panel_set_findings (LadderFindingsPanel *self, LadderChart *chart,
                                    LadderFindings *findings)
{
  GtkWidget *child;
  guint n, rows, errors, warnings, notes;
  g_autofree char *summary = NULL;

  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));
  g_return_if_fail (findings != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  n = ladder_findings_get_n (findings);
  arrange_rows (self, chart, findings);
  rows = n_rows (self);
  for (guint row = 0; row < rows && row < MAX_ROWS; row++)
    gtk_list_box_append (self->list, make_row (self, findings, row));
  if (rows > MAX_ROWS)
    {
      guint more = n - g_array_index (self->row_start, guint, MAX_ROWS);
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more finding. Run ladder --validate for the full list.",
                                                         "… and %u more findings. Run ladder --validate for the full list.",
                                                         more),
                                               more);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "more", GINT_TO_POINTER (1));
      gtk_list_box_append (self->list, row);
    }
  /* The canvas' selection keeps its row across the rebuild. */
  follow_person (self, self->followed);

  errors = ladder_findings_count (findings, LADDER_SEVERITY_ERROR);
  warnings = ladder_findings_count (findings, LADDER_SEVERITY_WARNING);
  notes = ladder_findings_count (findings, LADDER_SEVERITY_NOTE);
  if (n == 0)
    summary = g_strdup ("");
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
      g_autofree char *o = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);

      /* Translators: "2 errors, 3 warnings, 1 note" */
      summary = g_strdup_printf (_("%s, %s, %s"), e, w, o);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "clean" : "list");
}

/* A row appended just now has no place yet: try again for a few frames
 * until the list is laid out.  A hidden panel is not scrolled. */
static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  LadderFindingsPanel *self = LADDER_FINDINGS_PANEL (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page;

  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)) || ++self->scroll_frames > 10)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds) ||
      bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
select_row (LadderFindingsPanel *self, guint index)
{
  GtkListBoxRow *row = NULL;

  if (index < MAX_ROWS)
    row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row == NULL || g_object_get_data (G_OBJECT (row), "more") != NULL)
    {
      gtk_list_box_unselect_all (self->list);
      return;
    }
  gtk_list_box_select_row (self->list, row);
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);
}

void
ladder_findings_panel_select (LadderFindingsPanel *self, guint index)
{
  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));

  select_row (self, index < self->row_of->len ? g_array_index (self->row_of, guint, index)
                                              : G_MAXUINT);
}

guint
ladder_findings_panel_get_selected (LadderFindingsPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    return G_MAXUINT;
  return g_array_index (self->order, guint,
                        g_array_index (self->row_start, guint, gtk_list_box_row_get_index (row)));
}

guint
ladder_findings_panel_step (LadderFindingsPanel *self, guint index, int direction)
{
  guint rows, row;

  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  rows = n_rows (self);
  if (rows == 0)
    return G_MAXUINT;
  if (index < self->row_of->len)
    row = (g_array_index (self->row_of, guint, index) + rows + (direction > 0 ? 1 : -1)) % rows;
  else
    row = direction > 0 ? 0 : rows - 1;
  return g_array_index (self->order, guint, g_array_index (self->row_start, guint, row));
}

guint
ladder_findings_panel_get_row (LadderFindingsPanel *self, guint index)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  return index < self->row_of->len ? g_array_index (self->row_of, guint, index) : G_MAXUINT;
}

guint
ladder_findings_panel_get_n_rows (LadderFindingsPanel *self)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), 0);

  return n_rows (self);
}

void
ladder_findings_panel_follow (LadderFindingsPanel *self, guint person)
{
  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));

  follow_person (self, person);
}

static void
ladder_findings_panel_dispose (GObject *object)
{
  LadderFindingsPanel *self = LADDER_FINDINGS_PANEL (object);
  GtkWidget *child;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_FINDINGS_PANEL);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->row_start, g_array_unref);
  g_clear_pointer (&self->row_of, g_array_unref);
  G_OBJECT_CLASS (ladder_findings_panel_parent_class)->dispose (object);
}

static void
ladder_findings_panel_class_init (LadderFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_findings_panel_dispose;

  /* The person a chosen finding is about. */
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFindingsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LadderFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderFindingsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, LadderFindingsPanel, list);
  gtk_widget_class_set_css_name (widget_class, "ladderfindings");
}

static void
ladder_findings_panel_init (LadderFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->followed = LADDER_NONE;
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}
