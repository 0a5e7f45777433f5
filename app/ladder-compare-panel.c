/* ladder-compare-panel.c — the list of changes while comparing
 *
 * Rebuilt from each new LadderDiff (the window counts one in an idle
 * after an edit).  A list view: only the rows in sight are made and
 * measured, so thousands of changes cost no more than a screenful.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-compare-panel.h"

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  guint       person;   /* of the open chart, or LADDER_NONE */
  const char *tag;      /* translated; "" for none */
  const char *css;
  char       *text;
} Row;

struct _LadderComparePanel
{
  GtkWidget      parent_instance;

  GtkLabel      *summary_label;
  GtkListView   *list;

  GArray        *rows;   /* Row */
  GtkStringList *model;  /* the rows' texts, for the list view */
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

/* ------------------------------------------------------------ list rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderComparePanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *tag_label = gtk_label_new (NULL);
  GtkWidget *text_label = gtk_label_new (NULL);

  gtk_widget_set_valign (tag_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  /* Wrapped to the panel's width, never widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (text_label), 30);
  gtk_widget_set_hexpand (text_label, TRUE);
  gtk_box_append (GTK_BOX (box), tag_label);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, LadderComparePanel *self)
{
  guint position = gtk_list_item_get_position (item);
  GtkWidget *tag_label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *text_label = gtk_widget_get_next_sibling (tag_label);
  const Row *row;

  if (position >= self->rows->len)
    return;
  row = &g_array_index (self->rows, Row, position);
  gtk_label_set_label (GTK_LABEL (tag_label), row->tag);
  gtk_widget_set_css_classes (tag_label, (const char *[]) { "compare-tag", row->css, NULL });
  gtk_widget_set_visible (tag_label, *row->tag != '\0');
  gtk_label_set_label (GTK_LABEL (text_label), row->text);
  /* A row that goes nowhere (someone removed) reads quieter. */
  if (row->person != LADDER_NONE)
    gtk_widget_remove_css_class (text_label, "dim-label");
  else
    gtk_widget_add_css_class (text_label, "dim-label");
  gtk_list_item_set_activatable (item, row->person != LADDER_NONE);
}

static void
add_row (LadderComparePanel *self, GPtrArray *texts, guint person, const char *tag,
         const char *css, char *text)
{
  Row row = { person, tag, css, text };

  g_array_append_val (self->rows, row);
  g_ptr_array_add (texts, text);
}

void
ladder_compare_panel_show_diff (LadderComparePanel *self, LadderDiff *diff,
                                LadderChart *old_chart, LadderChart *new_chart,
                                const char *old_name)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  guint n, old_n;

  g_return_if_fail (LADDER_IS_COMPARE_PANEL (self));
  g_return_if_fail (diff != NULL);

  summary = ladder_diff_format_summary (diff, old_name, _("this chart"));
  gtk_label_set_label (self->summary_label, summary);

  /* The model's strings are copied before the rows' texts are freed. */
  old_n = self->rows->len;
  n = ladder_diff_get_n_changes (diff);
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    {
      const LadderDiffChange *change = ladder_diff_get_change (diff, i);
      const char *css = NULL;
      const char *tag = kind_tag (change, &css);

      add_row (self, texts, row_person (change, old_chart, new_chart), tag, css,
               g_strdup (change->text));
    }
  if (n == 0)
    add_row (self, texts, LADDER_NONE, "", "none", g_strdup (_("No changes")));
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->model, 0, old_n, (const char *const *) texts->pdata);
}

static void
activate_cb (GtkListView *list, guint position, LadderComparePanel *self)
{
  if (position >= self->rows->len)
    return;
  if (g_array_index (self->rows, Row, position).person != LADDER_NONE)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, g_array_index (self->rows, Row, position).person);
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
  activate_cb (self->list, row, self);
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
  g_clear_object (&self->model);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->model = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
}
