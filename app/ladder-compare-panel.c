/* ladder-compare-panel.c — the list of changes while comparing
 *
 * Rebuilt from each new LadderDiff (the window counts one in an idle
 * after an edit).  Rows past ROW_LIMIT are summed up in one last row: the
 * canvas still marks every changed card.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-compare-panel.h"

#define ROW_LIMIT 500

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  guint  person;      /* of the open chart, or LADDER_NONE */
  char  *text;
} Row;

struct _LadderComparePanel
{
  GtkWidget   parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *list;

  GArray     *rows;   /* Row */
};

G_DEFINE_FINAL_TYPE (LadderComparePanel, ladder_compare_panel, GTK_TYPE_WIDGET)

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->text, g_free);
}

/* The tag of a row: its words and its style class. */
static const char *
kind_tag (const LadderDiffChange *change, const char **css)
{
  switch (change->kind)
    {
    case LADDER_DIFF_CHART:
      *css = "changed";
      return C_("comparison", "Chart");
    case LADDER_DIFF_ADDED:
      *css = "added";
      return C_("comparison", "New");
    case LADDER_DIFF_MOVED:
      *css = "moved";
      return C_("comparison", "Moved");
    case LADDER_DIFF_CHANGED:
      *css = "changed";
      return C_("comparison", "Changed");
    case LADDER_DIFF_REMOVED:
      *css = "removed";
      return C_("comparison", "Removed");
    case LADDER_DIFF_NEW_FINDING:
      *css = "new-finding";
      return C_("comparison", "New finding");
    case LADDER_DIFF_FIXED_FINDING:
      *css = "fixed";
      return C_("comparison", "Fixed");
    default:
      g_assert_not_reached ();
    }
}

/* Who a change's row goes to on the open chart: the person, or for a
 * fixed finding the same person (by id) when still there. */
static guint
row_person (const LadderDiffChange *change, LadderChart *old_chart, LadderChart *new_chart)
{
  if (change->person == LADDER_NONE)
    return LADDER_NONE;
  if (!change->in_old)
    return change->person;
  if (change->kind == LADDER_DIFF_FIXED_FINDING &&
      ladder_chart_is_alive (old_chart, change->person))
    return ladder_chart_lookup (new_chart, ladder_chart_get_id (old_chart, change->person));
  return LADDER_NONE;
}

static GtkWidget *
make_row (const char *tag, const char *css, const char *text, gboolean goes_somewhere)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *tag_label = gtk_label_new (tag);
  GtkWidget *text_label = gtk_label_new (text);

  gtk_widget_add_css_class (tag_label, "compare-tag");
  gtk_widget_add_css_class (tag_label, css);
  gtk_widget_set_valign (tag_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text_label, TRUE);
  if (!goes_somewhere)
    gtk_widget_add_css_class (text_label, "dim-label");
  gtk_box_append (GTK_BOX (box), tag_label);
  gtk_box_append (GTK_BOX (box), text_label);
  return box;
}

void
ladder_compare_panel_show_diff (LadderComparePanel *self, LadderDiff *diff,
                                LadderChart *old_chart, LadderChart *new_chart,
                                const char *old_name)
{
  GtkWidget *child;
  guint n;
  g_autofree char *summary = NULL;

  g_return_if_fail (LADDER_IS_COMPARE_PANEL (self));
  g_return_if_fail (diff != NULL);

  /* gtk_list_box_remove_all() is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->rows, 0);

  summary = ladder_diff_format_summary (diff, old_name, _("this chart"));
  gtk_label_set_label (self->summary_label, summary);

  n = ladder_diff_get_n_changes (diff);
  for (guint i = 0; i < MIN (n, ROW_LIMIT); i++)
    {
      const LadderDiffChange *change = ladder_diff_get_change (diff, i);
      const char *css = NULL;
      const char *tag = kind_tag (change, &css);
      Row row = { row_person (change, old_chart, new_chart), g_strdup (change->text) };
      GtkWidget *widget = make_row (tag, css, row.text, row.person != LADDER_NONE);

      gtk_list_box_append (self->list, widget);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->list, i),
                                        row.person != LADDER_NONE);
      g_array_append_val (self->rows, row);
    }
  if (n > ROW_LIMIT)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more change",
                                                            "and %u more changes",
                                                            n - ROW_LIMIT), n - ROW_LIMIT);
      Row row = { LADDER_NONE, g_strdup (text) };
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->list, ROW_LIMIT),
                                        FALSE);
      g_array_append_val (self->rows, row);
    }
  if (n == 0)
    {
      Row row = { LADDER_NONE, g_strdup (_("No changes")) };
      GtkWidget *label = gtk_label_new (row.text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->list, 0), FALSE);
      g_array_append_val (self->rows, row);
    }
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *list_row, LadderComparePanel *self)
{
  int index = gtk_list_box_row_get_index (list_row);

  if (index < 0 || (guint) index >= self->rows->len)
    return;
  if (g_array_index (self->rows, Row, index).person != LADDER_NONE)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, g_array_index (self->rows, Row, index).person);
}

guint
ladder_compare_panel_get_n_rows (LadderComparePanel *self)
{
  g_return_val_if_fail (LADDER_IS_COMPARE_PANEL (self), 0);
  return self->rows->len;
}

guint
ladder_compare_panel_get_row_person (LadderComparePanel *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_COMPARE_PANEL (self), LADDER_NONE);
  g_return_val_if_fail (row < self->rows->len, LADDER_NONE);
  return g_array_index (self->rows, Row, row).person;
}

const char *
ladder_compare_panel_get_row_text (LadderComparePanel *self, guint row)
{
  g_return_val_if_fail (LADDER_IS_COMPARE_PANEL (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).text;
}

void
ladder_compare_panel_activate_row (LadderComparePanel *self, guint row)
{
  g_return_if_fail (LADDER_IS_COMPARE_PANEL (self));
  g_return_if_fail (row < self->rows->len);
  row_activated_cb (self->list, gtk_list_box_get_row_at_index (self->list, row), self);
}

const char *
ladder_compare_panel_get_summary (LadderComparePanel *self)
{
  g_return_val_if_fail (LADDER_IS_COMPARE_PANEL (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

static void
ladder_compare_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_COMPARE_PANEL);
  /* What the template made without an id (the scrolled window). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ladder_compare_panel_parent_class)->dispose (object);
}

static void
ladder_compare_panel_finalize (GObject *object)
{
  LadderComparePanel *self = LADDER_COMPARE_PANEL (object);

  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (ladder_compare_panel_parent_class)->finalize (object);
}

static void
ladder_compare_panel_class_init (LadderComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_compare_panel_dispose;
  object_class->finalize = ladder_compare_panel_finalize;

  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-compare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderComparePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LadderComparePanel, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.compare-leave", NULL);
  gtk_widget_class_set_css_name (widget_class, "laddercompare");
}

static void
ladder_compare_panel_init (LadderComparePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}
