/* ladder-import-dialog.c — the import dialog (SPEC, second part, "Import")
 *
 * What the user sees at once comes from the beginning of the file only:
 * the header, the first rows, the columns each field takes.  The counts
 * (people, roots, titles and their roles, warnings) need the whole file:
 * they are made on a worker, and every change of a choice cancels the
 * count under way and starts a new one, so that changes never queue up
 * imports; "Counting…" and a spinner say so meanwhile.  Import hands the
 * choices to the window, which reads the file on its own worker (progress
 * bar, Cancel, Escape).  The grids are rebuilt in an idle, never from
 * inside the signal of the drop-down that changed.  The choices are kept
 * per header in a key file, so the next export of the same system opens
 * the same way.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ladder-import-dialog.h"
#include "ladder-io.h"

#define PREVIEW_ROWS 5
#define TITLE_ROWS 200
/* Enough for the header and the first rows of any export seen; read on
 * the main thread, in well under a millisecond. */
#define HEAD_BYTES (64 * 1024)

enum {
  ACCEPTED,
  COUNTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LadderImportDialog
{
  GtkWindow            parent_instance;

  GtkLabel            *summary_label;
  GtkSpinner          *counting_spinner;
  GtkLabel            *message_label;
  GtkLabel            *command_label;
  GtkWidget           *delimiter_box;
  GtkDropDown         *delimiter_dropdown;
  GtkGrid             *columns_grid;
  GtkGrid             *preview_grid;
  GtkGrid             *titles_grid;
  GtkWidget           *import_button;

  char                *display_name;
  GBytes              *data;           /* the whole file, or NULL: read from path */
  char                *path;
  GBytes              *head;           /* its beginning, for the preview */
  gboolean             head_whole;     /* ... which is all of it */
  LadderFileFormat     format;
  LadderCatalogue     *catalogue;
  LadderImportOptions *options;
  LadderImportPreview *preview;
  GCancellable        *counting;       /* the count under way, or NULL */
  char                *summary;
  guint                refresh_idle;
  gboolean             building;       /* drop-downs set by code, not the user */
};

G_DEFINE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, GTK_TYPE_WINDOW)

/* In LadderImportField order. */
static const char * const field_labels[LADDER_IMPORT_N_FIELDS] = {
  N_("Id"), N_("Manager"), N_("Name"), N_("First name"), N_("Last name"), N_("Title"),
  N_("Role"), N_("Email"), N_("Vacant"), N_("Note"), N_("Assistant"), N_("Dotted lines"),
};

static const char delimiters[] = { 0, ',', ';', '\t', '|' };

/* ---- remembered choices ---- */

char *
ladder_import_dialog_dup_choices_path (void)
{
  const char *path = g_getenv ("LADDER_IMPORT_CHOICES");

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);
  return g_build_filename (g_get_user_config_dir (), "ladder", "import-choices.ini", NULL);
}

/* The key-file group of a header: a hash of its cells. */
static char *
header_group (const LadderImportPreview *preview)
{
  g_autoptr(GString) joined = g_string_new (preview->format == LADDER_FILE_FORMAT_JSON ? "json" : "text");

  for (guint i = 0; i < preview->headers->len; i++)
    {
      g_string_append_c (joined, '\x1f');
      g_string_append (joined, g_ptr_array_index (preview->headers, i));
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined->str, joined->len);
}

/* The choices remembered for this header, if any. */
static void
load_choices (LadderImportDialog *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = ladder_import_dialog_dup_choices_path ();
  g_autofree char *group = header_group (self->preview);
  g_auto(GStrv) roles = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL)
      || !g_key_file_has_group (file, group))
    return;
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    {
      g_autofree char *header = g_key_file_get_string (file, group,
                                                       ladder_import_options_get_field_name (f), NULL);

      if (header != NULL)
        ladder_import_options_set_column (self->options, f, header);
    }
  {
    int delimiter = g_key_file_get_integer (file, group, "delimiter", NULL);

    if (memchr (delimiters, delimiter, sizeof delimiters) != NULL)
      ladder_import_options_set_delimiter (self->options, (char) delimiter);
  }
  roles = g_key_file_get_string_list (file, group, "roles", NULL, NULL);
  /* A role the catalogue no longer has is forgotten, not an error. */
  for (guint i = 0; roles && roles[i]; i++)
    ladder_import_options_add_role (self->options, roles[i], self->catalogue, NULL);
}

static void
save_choices (LadderImportDialog *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = ladder_import_dialog_dup_choices_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = header_group (self->preview);
  g_auto(GStrv) roles = ladder_import_options_dup_roles (self->options);

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_remove_group (file, group, NULL);
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    if (ladder_import_options_get_column (self->options, f) != NULL)
      g_key_file_set_string (file, group, ladder_import_options_get_field_name (f),
                             ladder_import_options_get_column (self->options, f));
  if (ladder_import_options_get_delimiter (self->options) != 0)
    g_key_file_set_integer (file, group, "delimiter", ladder_import_options_get_delimiter (self->options));
  if (roles[0] != NULL)
    g_key_file_set_string_list (file, group, "roles", (const char * const *) roles, g_strv_length (roles));
  /* Nothing to remember is no reason to fail the import. */
  if (g_key_file_has_group (file, group) || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_mkdir_with_parents (dir, 0700);
      g_key_file_save_to_file (file, path, NULL);
    }
}

/* ---- building the grids ---- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* @max_chars 0: never shortened. */
static GtkWidget *
plain_label (const char *text, gboolean dim, int max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (max_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (text, -1), max_chars));
      gtk_widget_set_tooltip_text (label, text);
    }
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void schedule_refresh (LadderImportDialog *self);

static void
column_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, LadderImportDialog *self)
{
  LadderImportField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "field"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->building)
    return;
  ladder_import_options_set_column (self->options, field,
                                    selected == 0 ? NULL
                                                  : g_ptr_array_index (self->preview->headers, selected - 1));
  schedule_refresh (self);
}

static void
build_columns (LadderImportDialog *self)
{
  const LadderImportPreview *preview = self->preview;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  clear_grid (self->columns_grid);
  g_ptr_array_add (items, (gpointer) _("Automatic"));
  for (guint i = 0; i < preview->headers->len; i++)
    g_ptr_array_add (items, g_ptr_array_index (preview->headers, i));
  g_ptr_array_add (items, NULL);

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    {
      GtkWidget *label = plain_label (_(field_labels[f]), FALSE, 0);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *) items->pdata);
      const char *chosen = ladder_import_options_get_column (self->options, f);
      int used = preview->columns[f];
      g_autofree char *note = NULL;

      gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(field_labels[f]), -1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), chosen != NULL && used >= 0 ? used + 1 : 0);
      g_object_set_data (G_OBJECT (dropdown), "field", GUINT_TO_POINTER (f));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (column_changed_cb), self);
      if (chosen == NULL)
        note = used >= 0 ? g_strdup_printf (_("uses “%s”"), (const char *) g_ptr_array_index (preview->headers, used))
                         : g_strdup (_("no column"));
      gtk_grid_attach (self->columns_grid, label, (f % 2) * 3, f / 2, 1, 1);
      gtk_grid_attach (self->columns_grid, dropdown, (f % 2) * 3 + 1, f / 2, 1, 1);
      gtk_grid_attach (self->columns_grid, plain_label (note ? note : "", TRUE, 24), (f % 2) * 3 + 2, f / 2, 1, 1);
    }
}

static void
build_preview (LadderImportDialog *self)
{
  const LadderImportPreview *preview = self->preview;

  clear_grid (self->preview_grid);
  for (guint c = 0; c < preview->headers->len; c++)
    {
      GtkWidget *header = plain_label (g_ptr_array_index (preview->headers, c), FALSE, 16);

      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->preview_grid, header, c, 0, 1, 1);
      for (guint r = 0; r < preview->rows->len; r++)
        {
          char **row = g_ptr_array_index (preview->rows, r);

          gtk_grid_attach (self->preview_grid, plain_label (row[c], FALSE, 16), c, r + 1, 1, 1);
        }
    }
}

static void
role_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, LadderImportDialog *self)
{
  const char *title = g_object_get_data (G_OBJECT (dropdown), "title");
  const LadderRole *role = ladder_catalogue_get_role (self->catalogue, gtk_drop_down_get_selected (dropdown));

  if (self->building || role == NULL)
    return;
  ladder_import_options_set_role (self->options, title, role->id);
  schedule_refresh (self);
}

static void
build_titles (LadderImportDialog *self)
{
  const LadderImportPreview *preview = self->preview;
  guint n_roles = ladder_catalogue_get_n_roles (self->catalogue);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  clear_grid (self->titles_grid);
  for (guint i = 0; i < n_roles; i++)
    g_ptr_array_add (names, (gpointer) ladder_catalogue_get_role (self->catalogue, i)->name);
  g_ptr_array_add (names, NULL);

  for (guint t = 0; t < MIN (preview->titles->len, TITLE_ROWS); t++)
    {
      const char *title = g_ptr_array_index (preview->titles, t);
      const char *role_id = g_ptr_array_index (preview->title_roles, t);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *) names->pdata);
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < n_roles; i++)
        if (g_str_equal (ladder_catalogue_get_role (self->catalogue, i)->id, role_id))
          selected = i;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data_full (G_OBJECT (dropdown), "title", g_strdup (title), g_free);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (role_changed_cb), self);
      gtk_grid_attach (self->titles_grid, plain_label (title, FALSE, 40), 0, t, 1, 1);
      gtk_grid_attach (self->titles_grid, dropdown, 1, t, 1, 1);
    }
  /* A drop-down per title costs; past a few hundred, --role does it. */
  if (preview->titles->len > TITLE_ROWS)
    {
      guint more = preview->titles->len - TITLE_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more title, which --role can map",
                                                         "and %u more titles, which --role can map", more),
                                               more);

      gtk_grid_attach (self->titles_grid, plain_label (text, TRUE, 0), 0, TITLE_ROWS, 2, 1);
    }
}

static void
update_summary (LadderImportDialog *self)
{
  const LadderImportPreview *preview = self->preview;
  g_autoptr(GString) messages = g_string_new (NULL);

  g_clear_pointer (&self->summary, g_free);
  if (self->counting != NULL)
    self->summary = g_strdup (_("Counting…"));
  else if (preview->counted)
    {
      g_autofree char *p = g_strdup_printf (ngettext ("%u person", "%u people", preview->n_people),
                                            preview->n_people);
      g_autofree char *r = g_strdup_printf (ngettext ("%u at the top", "%u at the top", preview->n_roots),
                                            preview->n_roots);
      g_autofree char *t = g_strdup_printf (ngettext ("%u title not recognised", "%u titles not recognised",
                                                      preview->n_unrecognised),
                                            preview->n_unrecognised);

      /* TRANSLATORS: the import dialog's counts: "12 people, 1 at the top, 2 titles not recognised" */
      self->summary = g_strdup_printf (_("%s, %s, %s"), p, r, t);
    }
  else
    self->summary = g_strdup (_("This file cannot be imported as it is"));
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_spinner_set_spinning (self->counting_spinner, self->counting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->counting_spinner), self->counting != NULL);

  /* While counting, the messages of the last count may no longer hold,
   * and the beginning of a file that cannot be read alone (a first person
   * longer than it) says nothing of the whole. */
  if (preview->error != NULL && self->counting == NULL)
    g_string_append (messages, preview->error->message);
  for (guint i = 0; self->counting == NULL && i < preview->warnings->len; i++)
    {
      if (messages->len > 0)
        g_string_append_c (messages, '\n');
      g_string_append (messages, g_ptr_array_index (preview->warnings, i));
    }
  gtk_label_set_label (self->message_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), messages->len > 0);
  /* While counting, Import reads the file on the window's worker, which
   * says itself what it finds wrong. */
  gtk_widget_set_sensitive (self->import_button, preview->error == NULL);

  /* What to give the command line for the same import. */
  {
    g_autofree char *arguments = ladder_import_options_dup_arguments (self->options);
    g_autofree char *command = NULL;

    if (arguments[0] != '\0')
      command = g_strdup_printf (_("On the command line: %s"), arguments);
    gtk_label_set_label (self->command_label, command ? command : "");
    gtk_widget_set_visible (GTK_WIDGET (self->command_label), command != NULL);
  }
}

const char *
ladder_import_dialog_get_command_line (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->command_label);
}

/* The header and first rows from the head of the file, with the
 * options as they are now. */
static void
peek_head (LadderImportDialog *self)
{
  gsize length = 0;
  const char *head = g_bytes_get_data (self->head, &length);

  g_clear_pointer (&self->preview, ladder_import_preview_free);
  self->preview = ladder_import_preview_peek (head, length, self->head_whole, self->display_name,
                                              self->format, self->options, PREVIEW_ROWS);
}

static void
build_head (LadderImportDialog *self)
{
  guint delimiter_index = 0;

  self->building = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == ladder_import_options_get_delimiter (self->options))
      delimiter_index = i;
  gtk_drop_down_set_selected (self->delimiter_dropdown, delimiter_index);
  gtk_widget_set_visible (self->delimiter_box, self->format == LADDER_FILE_FORMAT_DELIMITED);
  build_columns (self);
  build_preview (self);
  self->building = FALSE;
}

/* The whole count, in place of what the head gave. */
static void
take_counts (LadderImportDialog *self, LadderImportPreview *full)
{
  LadderImportPreview *preview = self->preview;

  /* The head could not be read alone (a first row longer than the head):
   * the whole file's header and rows are what there is. */
  if (preview->error != NULL)
    {
      ladder_import_preview_free (self->preview);
      self->preview = full;
      build_head (self);
    }
  else
    {
      LadderImportPreview swap = *preview;

      preview->titles = full->titles;
      preview->title_roles = full->title_roles;
      preview->warnings = full->warnings;
      preview->error = g_steal_pointer (&full->error);
      preview->n_unrecognised = full->n_unrecognised;
      preview->counted = full->counted;
      preview->n_people = full->n_people;
      preview->n_roots = full->n_roots;
      full->titles = swap.titles;
      full->title_roles = swap.title_roles;
      full->warnings = swap.warnings;
      ladder_import_preview_free (full);
    }
  self->building = TRUE;
  build_titles (self);
  self->building = FALSE;
  update_summary (self);
}

static void
counted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(LadderImportDialog) self = user_data;
  LadderImportPreview *full = ladder_import_preview_count_finish (result, NULL);

  /* Cancelled: a newer count took its place, or the dialog closed. */
  if (full == NULL || g_task_get_cancellable (G_TASK (result)) != self->counting)
    {
      g_clear_pointer (&full, ladder_import_preview_free);
      return;
    }
  g_clear_object (&self->counting);
  take_counts (self, full);
  g_signal_emit (self, signals[COUNTED], 0);
}

static void
stop_counting (LadderImportDialog *self)
{
  if (self->counting == NULL)
    return;
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
}

/* A new count of the whole file with the options as they are now; the
 * one under way, if any, is cancelled. */
static void
start_counting (LadderImportDialog *self)
{
  stop_counting (self);
  /* The whole file is the head, and even that cannot be read. */
  if (self->preview->error != NULL && self->head_whole)
    return;
  self->counting = g_cancellable_new ();
  ladder_import_preview_count_async (self->data, self->path, self->display_name, self->format,
                                     self->catalogue, self->options, PREVIEW_ROWS, self->counting,
                                     counted_cb, g_object_ref (self));
  /* The first count: the titles are not known yet (later ones keep the
   * last count's drop-downs until theirs come). */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->titles_grid)) == NULL)
    gtk_grid_attach (self->titles_grid, plain_label (_("The titles come with the counts of the whole file…"),
                                                     TRUE, 0),
                     0, 0, 2, 1);
}

void
ladder_import_dialog_refresh (LadderImportDialog *self)
{
  g_return_if_fail (LADDER_IS_IMPORT_DIALOG (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  peek_head (self);
  build_head (self);
  start_counting (self);
  update_summary (self);
}

GBytes *
ladder_import_dialog_get_content (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), NULL);

  return self->data;
}

gboolean
ladder_import_dialog_is_counting (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), FALSE);

  return self->counting != NULL;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  LadderImportDialog *self = user_data;

  self->refresh_idle = 0;
  ladder_import_dialog_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (LadderImportDialog *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
delimiter_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, LadderImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->building || selected >= G_N_ELEMENTS (delimiters))
    return;
  ladder_import_options_set_delimiter (self->options, delimiters[selected]);
  schedule_refresh (self);
}

static void
accept_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);

  if (self->refresh_idle != 0)
    ladder_import_dialog_refresh (self);
  if (self->preview->error != NULL)
    return;
  /* The window reads the whole file again, with these choices. */
  stop_counting (self);
  save_choices (self);
  g_signal_emit (self, signals[ACCEPTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ladder_import_dialog_dispose (GObject *object)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  stop_counting (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (ladder_import_dialog_parent_class)->dispose (object);
}

static void
ladder_import_dialog_finalize (GObject *object)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (object);

  g_free (self->display_name);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->path);
  g_clear_pointer (&self->head, g_bytes_unref);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->options, ladder_import_options_free);
  g_clear_pointer (&self->preview, ladder_import_preview_free);
  g_free (self->summary);
  G_OBJECT_CLASS (ladder_import_dialog_parent_class)->finalize (object);
}

static void
ladder_import_dialog_class_init (LadderImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_import_dialog_dispose;
  object_class->finalize = ladder_import_dialog_finalize;

  /* LadderImportDialog::accepted: Import, with the choices of
   * ladder_import_dialog_get_options(); the dialog then closes. */
  signals[ACCEPTED] = g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* LadderImportDialog::counted: the counts of the latest choices are in. */
  signals[COUNTED] = g_signal_new ("counted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ladderchart/Ladder/ui/ladder-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, counting_spinner);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, command_label);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, delimiter_box);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, delimiter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, titles_grid);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, import_button);
  gtk_widget_class_install_action (widget_class, "import.accept", NULL, accept_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ladder_import_dialog_init (LadderImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->options = ladder_import_options_new ();
  g_signal_connect (self->delimiter_dropdown, "notify::selected", G_CALLBACK (delimiter_changed_cb), self);
}

/* @data (taken) is the whole file, or NULL and @path is read on the
 * worker; @head its beginning (taken). */
static LadderImportDialog *
dialog_new (GtkWindow *parent, const char *display_name, GBytes *data, const char *path,
            GBytes *head, gboolean head_whole, LadderFileFormat format, LadderCatalogue *catalogue)
{
  LadderImportDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *base = g_path_get_basename (display_name);

  self = g_object_new (LADDER_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->display_name = g_strdup (display_name);
  self->data = data;
  self->path = g_strdup (path);
  self->head = head;
  self->head_whole = head_whole;
  self->format = format;
  self->catalogue = g_object_ref (catalogue ? catalogue : ladder_catalogue_get_default ());
  /* TRANSLATORS: the import dialog's title, with the file's name */
  title = g_strdup_printf (_("Import “%s”"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The header first; then, when it was seen before, its choices; then
   * one count, with them. */
  peek_head (self);
  load_choices (self);
  ladder_import_dialog_refresh (self);
  return self;
}

LadderImportDialog *
ladder_import_dialog_new (GtkWindow       *parent,
                          const char      *display_name,
                          const char      *data,
                          gsize            length,
                          LadderFileFormat format,
                          LadderCatalogue *catalogue)
{
  GBytes *bytes;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (format == LADDER_FILE_FORMAT_DELIMITED || format == LADDER_FILE_FORMAT_JSON, NULL);

  bytes = g_bytes_new (data, length);
  return dialog_new (parent, display_name, bytes, NULL,
                     g_bytes_new_from_bytes (bytes, 0, MIN (length, HEAD_BYTES)), length <= HEAD_BYTES,
                     format, catalogue);
}

/* The first HEAD_BYTES of the regular file @path and whether that is all
 * of it; NULL with @error when it cannot be read. */
static GBytes *
read_head (const char *path, GFile *file, goffset size, gboolean *whole, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autofree char *buffer = g_malloc (HEAD_BYTES);
  gsize length = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, HEAD_BYTES, &length, NULL, &local_error))
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO, _("%s: error: %s"), path,
                   local_error->message);
      return NULL;
    }
  *whole = length < HEAD_BYTES || size <= HEAD_BYTES;
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

LadderImportDialog *
ladder_import_dialog_offer (GtkWindow       *parent,
                            GFile           *file,
                            LadderCatalogue *catalogue,
                            GError         **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  LadderImportDialog *dialog;
  LadderFileFormat format;
  GBytes *data = NULL;
  GBytes *head;
  gboolean whole = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL)
    return NULL;
  format = ladder_import_format_for_path (path, NULL);
  if (format != LADDER_FILE_FORMAT_DELIMITED && format != LADDER_FILE_FORMAT_JSON)
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      /* A file: its beginning now, the whole of it on the worker. */
      head = read_head (path, file, g_file_info_get_size (info), &whole, error);
      if (head == NULL)
        return NULL;
    }
  else
    {
      /* A pipe gives its content once: all of it is kept. */
      gsize length = 0;
      char *content = ladder_read_file (path, &length, NULL, NULL, error);

      if (content == NULL)
        return NULL;
      data = g_bytes_new_take (content, length);
      head = g_bytes_ref (data);
    }
  dialog = dialog_new (parent, path, data, data ? NULL : path, head, whole, format, catalogue);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  return dialog;
}

LadderImportOptions *
ladder_import_dialog_get_options (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), NULL);

  return self->options;
}

const LadderImportPreview *
ladder_import_dialog_get_preview (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), NULL);

  return self->preview;
}

const char *
ladder_import_dialog_get_summary (LadderImportDialog *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_DIALOG (self), NULL);

  return self->summary;
}
