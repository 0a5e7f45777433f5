/* ladder-document.c — the document: chart, history, findings, file
 *
 * The commands are in ladder-document-commands.c; this file holds the
 * object, its properties, checking for findings and the file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-document-private.h"
#include "ladder-import.h"
#include "ladder-io.h"
#include "ladder-view-folds.h"

G_DEFINE_FINAL_TYPE (LadderDocument, ladder_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_FOLDS_CHANGED,
  PROP_FINDINGS,
  PROP_FILE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- title */

/* ~/charts/team.ladder reads better than /home/ada/charts/... */
static char *
dup_display_path (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (parse_name, home) && parse_name[strlen (home)] == '/')
    return g_strconcat ("~", parse_name + strlen (home), NULL);
  return g_steal_pointer (&parse_name);
}

static char *
dup_title (LadderDocument *self)
{
  const char *title = ladder_chart_get_title (self->chart);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (self->imported_from != NULL)
    {
      char *basename = g_file_get_basename (self->imported_from);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      return basename;
    }
  return g_strdup (_("Untitled Chart"));
}

static char *
dup_subtitle (LadderDocument *self)
{
  if (self->file != NULL)
    return dup_display_path (self->file);
  if (self->imported_from != NULL)
    {
      g_autofree char *path = dup_display_path (self->imported_from);

      /* Translators: the subtitle of a chart read from a CSV file and not
       * yet saved as a chart */
      return g_strdup_printf (_("Imported from %s, not saved yet"), path);
    }
  return g_strdup (_("Not saved yet"));
}

static void
set_string (LadderDocument *self, char **field, char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
ladder_document_update_names (LadderDocument *self)
{
  set_string (self, &self->title, dup_title (self), PROP_TITLE);
  set_string (self, &self->subtitle, dup_subtitle (self), PROP_SUBTITLE);
}

void
ladder_document_set_folds_changed (LadderDocument *self, gboolean changed)
{
  if (self->folds_changed == changed)
    return;
  self->folds_changed = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDS_CHANGED]);
}

/* ------------------------------------------------------------- findings */

static void
set_findings (LadderDocument *self, LadderFindings *findings, guint64 revision)
{
  g_clear_pointer (&self->findings, ladder_findings_free);
  self->findings = findings;
  self->findings_revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS]);
}

static void
revalidate (LadderDocument *self)
{
  LadderFindings *findings;

  g_clear_handle_id (&self->validate_idle, g_source_remove);
  if (self->incoming_findings != NULL)
    findings = g_steal_pointer (&self->incoming_findings);
  else
    findings = ladder_validate_with (self->chart, self->catalogue, LADDER_VALIDATE_UNNAMED);
  set_findings (self, findings, self->revision);
}

static void check_on_worker (LadderDocument *self);

typedef struct {
  LadderCheck *check;
  guint64      revision;    /* of the chart it was gathered from */
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  ladder_check_free (job->check);
  g_free (job);
}

/* Worker: the rules on the copy the main thread gathered. */
static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckJob *job = task_data;

  ladder_check_run (job->check);
  g_task_return_boolean (task, TRUE);
}

/* Main thread: a worker is done.  Its findings are taken only if the
 * chart has not changed since it was gathered; otherwise the chart is
 * checked again (edits during a check coalesce into one more). */
static void
check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LadderDocument *self = LADDER_DOCUMENT (source);
  CheckJob *job = g_task_get_task_data (G_TASK (result));
  /* Taken here so that the check (and its chart) is let go on this
   * thread, not on the worker's. */
  g_autoptr(LadderCheck) check = g_steal_pointer (&job->check);

  self->checking = FALSE;
  if (job->revision == self->revision && self->findings_revision != self->revision)
    {
      set_findings (self, ladder_check_finish (g_steal_pointer (&check)), job->revision);
      return;
    }
  if (self->findings_revision != self->revision && self->validate_idle == 0)
    check_on_worker (self);
}

static void
check_on_worker (LadderDocument *self)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_clear_handle_id (&self->validate_idle, g_source_remove);
  if (self->checking)
    return;   /* check_done_cb() starts the next one */
  job = g_new0 (CheckJob, 1);
  job->check = ladder_check_new (self->chart, self->catalogue, LADDER_VALIDATE_UNNAMED);
  job->revision = self->revision;
  task = g_task_new (self, NULL, check_done_cb, NULL);
  g_task_set_source_tag (task, check_on_worker);
  g_task_set_task_data (task, job, check_job_free);
  self->checking = TRUE;
  g_task_run_in_thread (task, check_thread);
}

static gboolean
checks_on_worker (LadderDocument *self)
{
  return ladder_chart_get_n_people (self->chart) >= self->check_min_people;
}

static gboolean
revalidate_idle (gpointer user_data)
{
  LadderDocument *self = user_data;

  self->validate_idle = 0;
  if (checks_on_worker (self))
    check_on_worker (self);
  else
    revalidate (self);
  return G_SOURCE_REMOVE;
}

LadderFindings *
ladder_document_get_findings (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);

  /* A large chart's findings are those of the last check that finished
   * until the worker's come: asking does not stall the window. */
  if (self->findings == NULL
      || (self->findings_revision != self->revision && !checks_on_worker (self)))
    revalidate (self);
  return self->findings;
}

gboolean
ladder_document_get_checking (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  return self->checking || self->findings_revision != self->revision;
}

void
ladder_document_set_check_min_people (LadderDocument *self, guint n_people)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));
  self->check_min_people = n_people;
}

static void
chart_changed_cb (LadderChart *chart, const LadderChange *change, LadderDocument *self)
{
  /* Folding changes no finding. */
  gboolean fold = change->kind == LADDER_CHANGE_FIELD && change->field == LADDER_FIELD_COLLAPSED;

  if (!fold)
    self->revision++;
  /* A whole new chart: the old findings name slots that may be gone. */
  if (change->kind == LADDER_CHANGE_RESET)
    revalidate (self);
  else if (!fold && self->validate_idle == 0)
    self->validate_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, revalidate_idle, self, NULL);

  if (fold && !ladder_chart_get_view_folded (chart, change->person))
    ladder_document_set_folds_changed (self, TRUE);
  if (change->kind == LADDER_CHANGE_CHART || change->kind == LADDER_CHANGE_RESET)
    ladder_document_update_names (self);

  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* ----------------------------------------------------------------- file */

void
ladder_document_replace (LadderDocument *self, LadderChart *chart, GFile *file)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));
  g_return_if_fail (LADDER_IS_CHART (chart));

  self->added = LADDER_NONE;
  /* take_contents emits RESET, which clears the history. */
  ladder_chart_take_contents (self->chart, chart);
  ladder_view_fold_big (self->chart, LADDER_VIEW_FOLD_CARDS);
  ladder_history_mark_saved (self->history);
  g_set_object (&self->file, file);
  g_clear_object (&self->imported_from);
  g_clear_pointer (&self->disk_stamp, g_free);
  ladder_document_set_folds_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  ladder_document_update_names (self);
}

gboolean
ladder_document_load (LadderDocument *self, GFile *file, GPtrArray *warnings, GError **error)
{
  LadderLoaded *loaded;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  loaded = ladder_loaded_read (file, self->catalogue, NULL, error);
  if (loaded == NULL)
    return FALSE;
  if (warnings != NULL)
    for (guint i = 0; i < ladder_loaded_get_warnings (loaded)->len; i++)
      g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (ladder_loaded_get_warnings (loaded), i)));
  ladder_document_take_loaded (self, loaded);
  return TRUE;
}

void
ladder_document_adopt_import (LadderDocument *self, LadderChart *chart, GFile *file)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));
  g_return_if_fail (LADDER_IS_CHART (chart));
  g_return_if_fail (G_IS_FILE (file));

  ladder_document_replace (self, chart, NULL);
  g_set_object (&self->imported_from, file);
  ladder_history_mark_unsaved (self->history);
  ladder_document_update_names (self);
}

gboolean
ladder_document_save_to (LadderDocument *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                           _("Charts can only be saved to local files"));
      return FALSE;
    }
  if (!ladder_save_file (self->chart, path, error))
    return FALSE;

  /* Saving as CSV exports: the document stays what it was. */
  if (!ladder_path_is_csv (path))
    {
      ladder_history_mark_saved (self->history);
      g_set_object (&self->file, file);
      g_clear_object (&self->imported_from);
      g_free (self->disk_stamp);
      self->disk_stamp = ladder_file_dup_stamp (file);
      ladder_document_set_folds_changed (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      ladder_document_update_names (self);
    }
  return TRUE;
}

void
ladder_document_mark_unsaved (LadderDocument *self, GFile *file, const char *stamp)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  ladder_history_mark_unsaved (self->history);
  g_set_object (&self->file, file);
  g_free (self->disk_stamp);
  self->disk_stamp = g_strdup (stamp);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  ladder_document_update_names (self);
}

/* A fingerprint of @file as it is on disk now. */
char *
ladder_file_dup_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC ","
                            G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  /* The inode changes when another program replaces the file by renaming
   * (git, most editors) even if size and time happen to match. */
  return g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT ".%09u:%" G_GUINT64_FORMAT,
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

/* ------------------------------------------------------------- getters */

LadderChart *
ladder_document_get_chart (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->chart;
}

LadderHistory *
ladder_document_get_history (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->history;
}

LadderCatalogue *
ladder_document_get_catalogue (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->catalogue;
}

void
ladder_document_set_catalogue (LadderDocument *self, LadderCatalogue *catalogue)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;
  /* A check under way used the old rules. */
  self->revision++;
  revalidate (self);
}

const char *
ladder_document_get_title (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
ladder_document_get_subtitle (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->subtitle;
}

gboolean
ladder_document_get_modified (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  return ladder_history_get_modified (self->history);
}

gboolean
ladder_document_get_folds_changed (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  return self->folds_changed;
}

gboolean
ladder_document_is_pristine (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), FALSE);
  return self->file == NULL && !ladder_history_get_modified (self->history) &&
         ladder_chart_get_n_people (self->chart) == 0;
}

GFile *
ladder_document_get_file (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->file;
}

GFile *
ladder_document_get_imported_from (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->imported_from;
}

GFile *
ladder_document_get_source (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->file != NULL ? self->file : self->imported_from;
}

const char *
ladder_document_get_disk_stamp (LadderDocument *self)
{
  g_return_val_if_fail (LADDER_IS_DOCUMENT (self), NULL);
  return self->disk_stamp;
}

void
ladder_document_set_disk_stamp (LadderDocument *self, const char *stamp)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));

  if (self->disk_stamp == stamp)
    return;
  g_free (self->disk_stamp);
  self->disk_stamp = g_strdup (stamp);
}

/* --------------------------------------------------------------- object */

static void
modified_cb (LadderDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
ladder_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LadderDocument *self = LADDER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ladder_document_get_modified (self));
      break;
    case PROP_FOLDS_CHANGED:
      g_value_set_boolean (value, self->folds_changed);
      break;
    case PROP_FINDINGS:
      g_value_set_pointer (value, ladder_document_get_findings (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_document_dispose (GObject *object)
{
  LadderDocument *self = LADDER_DOCUMENT (object);

  g_clear_handle_id (&self->validate_idle, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  G_OBJECT_CLASS (ladder_document_parent_class)->dispose (object);
}

static void
ladder_document_finalize (GObject *object)
{
  LadderDocument *self = LADDER_DOCUMENT (object);

  g_clear_pointer (&self->findings, ladder_findings_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->disk_stamp, g_free);
  g_clear_object (&self->history);
  g_clear_object (&self->chart);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->file);
  g_clear_object (&self->imported_from);

  G_OBJECT_CLASS (ladder_document_parent_class)->finalize (object);
}

static void
ladder_document_class_init (LadderDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = ladder_document_get_property;
  object_class->dispose = ladder_document_dispose;
  object_class->finalize = ladder_document_finalize;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_FOLDS_CHANGED] = g_param_spec_boolean ("folds-changed", NULL, NULL, FALSE,
                                                         flags);
  properties[PROP_FINDINGS] = g_param_spec_pointer ("findings", NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A LadderChange: which person, which field, old and new value. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ladder_document_init (LadderDocument *self)
{
  self->added = LADDER_NONE;
  self->check_min_people = LADDER_DOCUMENT_CHECK_MIN_PEOPLE;
}

LadderDocument *
ladder_document_new (LadderCatalogue *catalogue)
{
  LadderDocument *self;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (LADDER_TYPE_DOCUMENT, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->chart = ladder_chart_new ();
  self->history = ladder_history_new (self->chart);
  g_signal_connect (self->chart, "changed", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_swapped (self->history, "notify::modified", G_CALLBACK (modified_cb), self);
  ladder_document_update_names (self);
  return self;
}
