/* ladder-palette.c — the roles of the catalogue, to drag onto the chart
 *
 * Each row is a drag source whose content is the role id string; the
 * canvas accepts it.  Activating a row (Enter, double-click) emits
 * "role-activated" so that the keyboard can add people too.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-palette.h"

struct _LadderPalette
{
  GtkWidget parent_instance;

  GtkListBox      *list;
  LadderCatalogue *catalogue;
};

G_DEFINE_FINAL_TYPE (LadderPalette, ladder_palette, GTK_TYPE_WIDGET)

enum {
  ROLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const LadderRole *
row_role (LadderPalette *self, GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "role-index"));

  return ladder_catalogue_get_role (self->catalogue, index);
}

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  const LadderRole *role = data;
  double size = MIN (width, height);

  cairo_arc (cr, width / 2.0, height / 2.0, size / 2.0 - 1.0, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, role->color[0], role->color[1], role->color[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, LadderPalette *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const LadderRole *role = row_role (self, GTK_LIST_BOX_ROW (row));

  return gdk_content_provider_new_typed (G_TYPE_STRING, role->id);
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, LadderPalette *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 16, 16);
}

char *
ladder_palette_dup_level_text (const LadderRole *role)
{
  g_return_val_if_fail (role != NULL, NULL);

  if (role->level < 0)
    /* Translators: under a role in the palette that has no rank */
    return g_strdup (_("Off the ladder"));
  /* Translators: under a role in the palette: its rank, 0 the top */
  return g_strdup_printf (_("Level %d"), role->level);
}

char *
ladder_palette_dup_tooltip (const LadderRole *role)
{
  g_return_val_if_fail (role != NULL, NULL);

  if (role->level < 0)
    return g_strdup_printf (_("%s: not on the product ladder, so no rank rule applies to this role. "
                              "Drag it onto a person to add a report."),
                            role->name);
  /* Translators: tooltip of a role in the palette */
  return g_strdup_printf (_("%s: level %d of the product ladder, where level 0 (the CEO) is the top "
                            "and a higher number is a lower rank. Drag it onto a person to add a report."),
                          role->name, role->level);
}

static GtkWidget *
make_row (LadderPalette *self, guint index)
{
  const LadderRole *role = ladder_catalogue_get_role (self->catalogue, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (role->name);
  GtkWidget *level_label;
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *level = NULL;
  g_autofree char *tooltip = NULL;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, (gpointer) role, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);

  /* Wrapped, not cut: German role names are long ("Gruppen-Produktmanager"). */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (text), label);

  level = ladder_palette_dup_level_text (role);
  level_label = gtk_label_new (level);
  gtk_label_set_xalign (GTK_LABEL (level_label), 0.0);
  gtk_widget_add_css_class (level_label, "dim-label");
  gtk_widget_add_css_class (level_label, "caption");
  gtk_box_append (GTK_BOX (text), level_label);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "role-index", GUINT_TO_POINTER (index));
  tooltip = ladder_palette_dup_tooltip (role);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  role->name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  return row;
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, LadderPalette *self)
{
  g_signal_emit (self, signals[ROLE_ACTIVATED], 0, row_role (self, row)->id);
}

void
ladder_palette_set_catalogue (LadderPalette *self, LadderCatalogue *catalogue)
{
  GtkWidget *child;

  g_return_if_fail (LADDER_IS_PALETTE (self));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_set_object (&self->catalogue, catalogue);

  for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
    gtk_list_box_append (self->list, make_row (self, i));
}

const char *
ladder_palette_get_selected (LadderPalette *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LADDER_IS_PALETTE (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? row_role (self, row)->id : NULL;
}

static void
ladder_palette_dispose (GObject *object)
{
  LadderPalette *self = LADDER_PALETTE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_PALETTE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->catalogue);
  G_OBJECT_CLASS (ladder_palette_parent_class)->dispose (object);
}

static void
ladder_palette_class_init (LadderPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_palette_dispose;

  /* A role (id) was chosen with the keyboard or a double-click. */
  signals[ROLE_ACTIVATED] = g_signal_new ("role-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderchart/Ladder/ui/ladder-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderPalette, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_css_name (widget_class, "ladderpalette");
}

static void
ladder_palette_init (LadderPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
