/* ladder-properties-dialog.c — the chart's title, head count and layout
 *
 * A small modal window over the editor.  Apply is one command of the
 * document (one undo step, "Change Chart Properties"); the window's title
 * bar follows the document's title from there.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-properties-dialog.h"

typedef struct {
  LadderDocument *document;
  GtkWindow      *dialog;
  GtkEntry       *title_entry;
  GtkSpinButton  *employees_spin;
  GtkCheckButton *employees_check;
  GtkDropDown    *layout_dropdown;
} Properties;

static void
properties_free (gpointer data)
{
  Properties *props = data;

  g_clear_object (&props->document);
  g_free (props);
}

void
ladder_properties_dialog_apply (GtkWindow *dialog)
{
  Properties *props = g_object_get_data (G_OBJECT (dialog), "ladder-properties");
  const char *title;
  gint64 employees = -1;
  LadderLayoutKind layout;

  g_return_if_fail (props != NULL);

  title = gtk_editable_get_text (GTK_EDITABLE (props->title_entry));
  if (gtk_check_button_get_active (props->employees_check))
    employees = gtk_spin_button_get_value_as_int (props->employees_spin);
  layout = gtk_drop_down_get_selected (props->layout_dropdown) == 1 ? LADDER_LAYOUT_COMPACT
                                                                     : LADDER_LAYOUT_TREE;
  ladder_document_set_properties (props->document, title, employees, layout);
}

static void
apply_clicked_cb (GtkWindow *dialog)
{
  ladder_properties_dialog_apply (dialog);
  gtk_window_destroy (dialog);
}

static void
employees_toggled_cb (GtkCheckButton *check, GtkWidget *spin)
{
  gtk_widget_set_sensitive (spin, gtk_check_button_get_active (check));
}

static GtkWidget *
row_label (const char *text, GtkWidget *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

GtkWindow *
ladder_properties_dialog_new (GtkWindow *parent, LadderDocument *document)
{
  static const char *layouts[] = { N_("Tree"), N_("Compact"), NULL };
  Properties *props;
  LadderChart *chart;
  GtkWidget *grid, *cancel, *apply, *header;
  const char *title;
  const char *names[3];
  gint64 employees;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (document), NULL);

  chart = ladder_document_get_chart (document);
  props = g_new0 (Properties, 1);
  props->document = g_object_ref (document);
  props->dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (props->dialog, _("Chart Properties"));
  gtk_window_set_modal (props->dialog, TRUE);
  gtk_window_set_resizable (props->dialog, FALSE);
  gtk_window_set_destroy_with_parent (props->dialog, TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (props->dialog, parent);
  gtk_widget_set_name (GTK_WIDGET (props->dialog), "ladder-properties");
  g_object_set_data_full (G_OBJECT (props->dialog), "ladder-properties", props,
                          properties_free);

  props->title_entry = GTK_ENTRY (gtk_entry_new ());
  title = ladder_chart_get_title (chart);
  gtk_editable_set_text (GTK_EDITABLE (props->title_entry), title != NULL ? title : "");
  gtk_entry_set_placeholder_text (props->title_entry, _("No title"));
  gtk_entry_set_activates_default (props->title_entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (props->title_entry), 30);

  props->employees_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
    /* Translators: the company's head count, beside the product team */
    _("Company _head count")));
  props->employees_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 10000000, 1));
  employees = ladder_chart_get_employees (chart);
  gtk_check_button_set_active (props->employees_check, employees >= 0);
  gtk_spin_button_set_value (props->employees_spin, employees >= 0 ? (double) employees : 100);
  gtk_widget_set_sensitive (GTK_WIDGET (props->employees_spin), employees >= 0);
  g_signal_connect (props->employees_check, "toggled", G_CALLBACK (employees_toggled_cb),
                    props->employees_spin);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    names[i] = layouts[i] != NULL ? _(layouts[i]) : NULL;
  props->layout_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  gtk_drop_down_set_selected (props->layout_dropdown,
                              ladder_chart_get_layout (chart) == LADDER_LAYOUT_COMPACT ? 1 : 0);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), row_label (_("_Title"), GTK_WIDGET (props->title_entry)),
                   0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (props->title_entry), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (props->employees_check), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (props->employees_spin), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   row_label (_("_Layout"), GTK_WIDGET (props->layout_dropdown)), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (props->layout_dropdown), 1, 2, 1, 1);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), props->dialog);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (apply_clicked_cb), props->dialog);

  /* Cancel and Apply in the header bar, as GNOME dialogs have them. */
  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), apply);
  gtk_window_set_titlebar (props->dialog, header);
  gtk_window_set_default_widget (props->dialog, apply);

  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_window_set_child (props->dialog, grid);
  return props->dialog;
}
