/* ladder-findings-panel.c — every finding of the chart, with its "why"
 *
 * Each row shows the severity and the message; its "Why?" expander shows
 * the rule and the exact words of the documents it rests on, so that the
 * user can judge a finding rather than take it on trust.  The citation is
 * built only when a row is first expanded: a big chart can have thousands
 * of findings.
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
      /* A company's own rule says why in its <policy>. */
      label = gtk_label_new (ladder_rule_get_policy (rule) ? ladder_rule_get_policy (rule)
                             : _("This rule checks the structure of the chart; no document is cited."));
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

static void
expanded_cb (GtkExpander *expander, GParamSpec *pspec, LadderFindingsPanel *self)
{
  const char *key = g_object_get_data (G_OBJECT (expander), "key");

  if (gtk_expander_get_expanded (expander))
    {
      if (gtk_expander_get_child (expander) == NULL)
        {
          const LadderRule *rule = g_object_get_data (G_OBJECT (expander), "rule");
          LadderSeverity severity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (expander),
                                                                        "severity"));

          gtk_expander_set_child (expander, build_why (rule, severity));
        }
      g_hash_table_add (self->expanded, g_strdup (key));
    }
  else
    g_hash_table_remove (self->expanded, key);
}

static GtkWidget *
make_row (LadderFindingsPanel *self, const LadderFinding *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
  GtkWidget *label = gtk_label_new (finding->message);
  GtkWidget *expander;
  g_autofree char *key = NULL;
  g_autofree char *why = NULL;
  const char *rule_id = finding->rule ? ladder_rule_get_id (finding->rule) : "";

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

  /* Translators: the expander that shows why a rule exists */
  why = g_strdup_printf (_("Why? (%s)"), rule_id);
  expander = gtk_expander_new (why);
  gtk_widget_add_css_class (expander, "why-expander");
  key = g_strdup_printf ("%s:%u", rule_id, finding->person);
  g_object_set_data_full (G_OBJECT (expander), "key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (expander), "rule", (gpointer) finding->rule);
  g_object_set_data (G_OBJECT (expander), "severity", GINT_TO_POINTER (finding->severity));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);
  if (g_hash_table_contains (self->expanded, key))
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

void
ladder_findings_panel_set_findings (LadderFindingsPanel *self, LadderChart *chart,
                                    LadderFindings *findings)
{
  GtkWidget *child;
  guint n, errors, warnings, notes;
  g_autofree char *summary = NULL;

  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));
  g_return_if_fail (findings != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  n = ladder_findings_get_n (findings);
  for (guint i = 0; i < n && i < MAX_ROWS; i++)
    gtk_list_box_append (self->list, make_row (self, ladder_findings_get (findings, i)));
  if (n > MAX_ROWS)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more finding. Run ladder --validate for the full list.",
                                                         "… and %u more findings. Run ladder --validate for the full list.",
                                                         n - MAX_ROWS),
                                               n - MAX_ROWS);
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

void
ladder_findings_panel_select (LadderFindingsPanel *self, guint index)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));

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

guint
ladder_findings_panel_get_selected (LadderFindingsPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? (guint) gtk_list_box_row_get_index (row) : G_MAXUINT;
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
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}
