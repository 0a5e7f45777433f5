/* ladder-findings-panel.c — every finding of the chart, with its "why"
 *
 * Each row shows the severity and the message; its "Why?" expander shows
 * the rule and the exact words of the documents it rests on, so that the
 * user can judge a finding rather than take it on trust.  The citation is
 * built only when a row is first expanded: a big chart can have thousands
 * of findings.
 *
 * The rows (ladder-findings-rows.c) go errors, warnings, notes, and the
 * findings of one reporting line share one.  The list is a GtkListView:
 * only the rows in sight have widgets, filled in again when they scroll
 * into sight or the findings change.  The panel's API speaks of finding
 * indices, as LadderFindings does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-findings-panel.h"
#include "ladder-findings-rows.h"

#define ROW_ICON_SIZE 16
/* A wrapping label's narrowest width.  Without it GTK 4.8 measures the
 * minimum by laying the text out one character per line, shaping each
 * line: four times the cost of the whole measure (200 row messages:
 * 217 ms of CPU against 53 ms with a floor of 12 characters). */
#define ROW_MIN_CHARS 12

struct _LadderFindingsPanel
{
  GtkWidget parent_instance;

  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkListView       *list;

  LadderFindingsRows *rows;
  GtkSingleSelection *selection;
  guint               followed;   /* the person selected on the canvas, or LADDER_NONE */
  gboolean            selecting;  /* the panel itself is changing the selection */

  /* The rows the user opened, as "rule-id:person" of each of their
   * findings (bind_row_cb()), kept across updates and scrolling. */
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

/* The widgets of one row, made once per GtkListItem and filled in for
 * whichever row it shows. */
typedef struct {
  LadderFindingsPanel *panel;
  GtkListItem *item;
  GtkWidget   *icon;
  GtkLabel    *message;
  GtkWidget   *also;         /* a box of the other findings' messages */
  GtkLabel    *rule_ids;     /* small print */
  GtkExpander *expander;
  char        *key;
  gboolean     binding;
} RowWidgets;

static void
row_widgets_free (gpointer data)
{
  RowWidgets *widgets = data;

  g_free (widgets->key);
  g_free (widgets);
}

static GtkWidget *
small_print (const char *text, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (wrap)
    gtk_label_set_width_chars (GTK_LABEL (label), ROW_MIN_CHARS);
  gtk_widget_add_css_class (label, "dim-label");
  if (!wrap)
    gtk_widget_add_css_class (label, "caption");
  return label;
}

/* The row @item shows, or G_MAXUINT.  Rows are known by their position:
 * a row that stays the same keeps its widgets when rows before it come
 * or go. */
static guint
item_row (GtkListItem *item)
{
  guint position = gtk_list_item_get_position (item);

  return position != GTK_INVALID_LIST_POSITION ? position : G_MAXUINT;
}

/* The Why? of every rule the row names, built when it is opened. */
static void
expanded_cb (GtkExpander *expander, GParamSpec *pspec, RowWidgets *widgets)
{
  LadderFindingsPanel *self = widgets->panel;
  guint row = item_row (widgets->item);

  if (!gtk_expander_get_expanded (expander))
    {
      gtk_expander_set_child (expander, NULL);
      if (!widgets->binding && widgets->key != NULL)
        g_hash_table_remove (self->expanded, widgets->key);
      return;
    }
  if (row == G_MAXUINT)
    return;
  if (gtk_expander_get_child (expander) == NULL)
    {
      GtkWidget *whys = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      for (guint k = 0; k < ladder_findings_rows_get_size (self->rows, row); k++)
        {
          const LadderFinding *finding = ladder_findings_rows_get_finding (self->rows, row, k);

          gtk_box_append (GTK_BOX (whys), build_why (finding->rule, finding->severity));
        }
      gtk_expander_set_child (expander, whys);
    }
  if (!widgets->binding && widgets->key != NULL)
    g_hash_table_add (self->expanded, g_strdup (widgets->key));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderFindingsPanel *self)
{
  RowWidgets *widgets = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_overlay_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  widgets->panel = self;
  widgets->item = item;
  /* The icon lies over the text's start margin rather than beside it in a
   * horizontal box: a GtkBox (GTK 4.8) measures a wrapping label beside
   * it for several heights, each a search over widths, and a list of
   * two hundred rows took a second to lay out after an edit. */
  widgets->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (widgets->icon), ROW_ICON_SIZE);
  gtk_widget_set_halign (widgets->icon, GTK_ALIGN_START);
  gtk_widget_set_valign (widgets->icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (widgets->icon, 2);
  gtk_widget_set_margin_start (text, ROW_ICON_SIZE + 10);
  gtk_overlay_add_overlay (GTK_OVERLAY (box), widgets->icon);

  widgets->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (widgets->message, 0.0);
  gtk_label_set_wrap (widgets->message, TRUE);
  gtk_label_set_wrap_mode (widgets->message, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (widgets->message, ROW_MIN_CHARS);
  gtk_widget_set_hexpand (GTK_WIDGET (widgets->message), TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (widgets->message));

  /* The other rules the same reporting line breaks, in their own words;
   * the rule ids, for the command line and rules files, in small print. */
  widgets->also = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (text), widgets->also);
  widgets->rule_ids = GTK_LABEL (small_print (NULL, FALSE));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (widgets->rule_ids));

  widgets->expander = GTK_EXPANDER (gtk_expander_new (_("Why?")));
  gtk_widget_add_css_class (GTK_WIDGET (widgets->expander), "why-expander");
  g_signal_connect (widgets->expander, "notify::expanded", G_CALLBACK (expanded_cb), widgets);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (widgets->expander));

  gtk_overlay_set_child (GTK_OVERLAY (box), text);
  gtk_list_item_set_child (item, box);
  g_object_set_data_full (G_OBJECT (item), "ladder-row-widgets", widgets, row_widgets_free);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderFindingsPanel *self)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (item), "ladder-row-widgets");
  guint row = item_row (item);
  guint size = ladder_findings_rows_get_size (self->rows, row);
  const LadderFinding *finding = ladder_findings_rows_get_finding (self->rows, row, 0);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) rule_ids = g_string_new (NULL);
  GtkWidget *child;

  for (LadderSeverity severity = LADDER_SEVERITY_ERROR; severity <= LADDER_SEVERITY_NOTE; severity++)
    gtk_widget_remove_css_class (widgets->icon, severity_class (severity));
  gtk_image_set_from_icon_name (GTK_IMAGE (widgets->icon), severity_icon (finding->severity));
  gtk_widget_add_css_class (widgets->icon, severity_class (finding->severity));
  gtk_widget_set_tooltip_text (widgets->icon, severity_name (finding->severity));
  gtk_label_set_label (widgets->message, finding->message);

  while ((child = gtk_widget_get_first_child (widgets->also)) != NULL)
    gtk_box_remove (GTK_BOX (widgets->also), child);
  for (guint k = 0; k < size; k++)
    {
      const LadderFinding *also = ladder_findings_rows_get_finding (self->rows, row, k);
      const char *rule_id = also->rule ? ladder_rule_get_id (also->rule) : "";

      if (k > 0)
        {
          /* Translators: a second rule broken by the same reporting line */
          g_autofree char *more = g_strdup_printf (_("Also: %s"), also->message);

          gtk_box_append (GTK_BOX (widgets->also), small_print (more, TRUE));
          g_string_append (rule_ids, " · ");
          g_string_append_c (key, ' ');
        }
      g_string_append (rule_ids, rule_id);
      g_string_append_printf (key, "%s:%u", rule_id, also->person);
    }
  gtk_widget_set_visible (widgets->also, size > 1);
  gtk_label_set_label (widgets->rule_ids, rule_ids->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (widgets->expander), rule_ids->str);

  /* What was open stays open; the Why? of another row is not kept. */
  g_free (widgets->key);
  widgets->key = g_strdup (key->str);
  widgets->binding = TRUE;
  gtk_expander_set_expanded (widgets->expander, FALSE);
  gtk_expander_set_expanded (widgets->expander, g_hash_table_contains (self->expanded, key->str));
  widgets->binding = FALSE;
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderFindingsPanel *self)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (item), "ladder-row-widgets");

  widgets->binding = TRUE;
  gtk_expander_set_expanded (widgets->expander, FALSE);
  widgets->binding = FALSE;
  g_clear_pointer (&widgets->key, g_free);
}

/* A row chosen by the user, with a click or the keys, goes to its person. */
static void
selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items,
                      LadderFindingsPanel *self)
{
  guint row = gtk_single_selection_get_selected (self->selection);

  if (self->selecting || row == GTK_INVALID_LIST_POSITION)
    return;
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0,
                 ladder_findings_rows_get_finding (self->rows, row, 0)->person);
}

static void
activate_cb (GtkListView *list, guint row, LadderFindingsPanel *self)
{
  if (row < ladder_findings_rows_get_n_rows (self->rows))
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0,
                   ladder_findings_rows_get_finding (self->rows, row, 0)->person);
}

/* Selects @row (G_MAXUINT: none) and scrolls it into view, without
 * telling anyone: the panel follows, it does not lead. */
static void
select_row (LadderFindingsPanel *self, guint row)
{
  self->selecting = TRUE;
  if (row < ladder_findings_rows_get_n_rows (self->rows))
    {
      /* A row the list has not been told of yet (it grows in slices). */
      if (row >= ladder_findings_rows_get_n_shown (self->rows))
        ladder_findings_rows_show_all (self->rows);
      gtk_single_selection_set_selected (self->selection, row);
      gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", row);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

/* Selects @person's first row, unless the selected row is already one of
 * theirs (a click on their second finding stays there); none for someone
 * without a finding. */
static void
follow_person (LadderFindingsPanel *self, guint person)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  self->followed = person;
  if (person != LADDER_NONE && selected != GTK_INVALID_LIST_POSITION &&
      selected < ladder_findings_rows_get_n_rows (self->rows) &&
      ladder_findings_rows_get_finding (self->rows, selected, 0)->person == person)
    return;
  select_row (self, ladder_findings_rows_find_person (self->rows, person));
}

void
ladder_findings_panel_set_findings (LadderFindingsPanel *self, LadderChart *chart,
                                    LadderFindings *findings)
{
  guint n, errors, warnings, notes;
  g_autofree char *summary = NULL;

  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));
  g_return_if_fail (findings != NULL);

  self->selecting = TRUE;
  ladder_findings_rows_set (self->rows, chart, findings);
  self->selecting = FALSE;
  /* The canvas' selection keeps its row across the update. */
  follow_person (self, self->followed);

  n = ladder_findings_get_n (findings);
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

void
ladder_findings_panel_select (LadderFindingsPanel *self, guint index)
{
  g_return_if_fail (LADDER_IS_FINDINGS_PANEL (self));

  select_row (self, ladder_findings_rows_find (self->rows, index));
}

guint
ladder_findings_panel_get_selected (LadderFindingsPanel *self)
{
  guint row;

  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  row = gtk_single_selection_get_selected (self->selection);
  if (row == GTK_INVALID_LIST_POSITION || row >= ladder_findings_rows_get_n_rows (self->rows))
    return G_MAXUINT;
  return ladder_findings_rows_get_first (self->rows, row);
}

guint
ladder_findings_panel_step (LadderFindingsPanel *self, guint index, int direction)
{
  guint rows, row;

  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  rows = ladder_findings_rows_get_n_rows (self->rows);
  if (rows == 0)
    return G_MAXUINT;
  row = ladder_findings_rows_find (self->rows, index);
  if (row != G_MAXUINT)
    row = (row + rows + (direction > 0 ? 1 : -1)) % rows;
  else
    row = direction > 0 ? 0 : rows - 1;
  return ladder_findings_rows_get_first (self->rows, row);
}

guint
ladder_findings_panel_get_row (LadderFindingsPanel *self, guint index)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), G_MAXUINT);

  return ladder_findings_rows_find (self->rows, index);
}

guint
ladder_findings_panel_get_n_rows (LadderFindingsPanel *self)
{
  g_return_val_if_fail (LADDER_IS_FINDINGS_PANEL (self), 0);

  return ladder_findings_rows_get_n_rows (self->rows);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_FINDINGS_PANEL);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
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
  gtk_widget_class_bind_template_child (widget_class, LadderFindingsPanel, list);
  gtk_widget_class_set_css_name (widget_class, "ladderfindings");
}

static void
ladder_findings_panel_init (LadderFindingsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->followed = LADDER_NONE;
  self->rows = ladder_findings_rows_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
}
