/* ladder-document-load.c — reading a file into a document, on any thread
 *
 * ladder_loaded_read() reads, parses and checks a file into a chart of its
 * own, which nothing else sees: a worker thread can run it while the
 * window goes on with the chart it shows.  The main thread then hands the
 * result to the document whole (ladder_document_take_loaded()), findings
 * and all, so that taking it costs no more than swapping the records.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "ladder-document-private.h"
#include "ladder-import.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-view-folds.h"

struct _LadderLoaded {
  GFile           *file;
  gboolean         imported;     /* a CSV: a new, unsaved document */
  LadderChart     *chart;
  LadderCatalogue *catalogue;    /* what the findings were checked against */
  LadderFindings  *findings;
  LadderLayout    *layout;
  GPtrArray       *warnings;
  char            *stamp;
};

void
ladder_loaded_free (LadderLoaded *loaded)
{
  if (loaded == NULL)
    return;
  g_clear_object (&loaded->file);
  g_clear_object (&loaded->chart);
  g_clear_object (&loaded->catalogue);
  g_clear_pointer (&loaded->findings, ladder_findings_free);
  g_clear_pointer (&loaded->layout, ladder_layout_free);
  g_clear_pointer (&loaded->warnings, g_ptr_array_unref);
  g_free (loaded->stamp);
  g_free (loaded);
}

GPtrArray *
ladder_loaded_get_warnings (LadderLoaded *loaded)
{
  g_return_val_if_fail (loaded != NULL, NULL);
  return loaded->warnings;
}

LadderLayout *
ladder_loaded_steal_layout (LadderLoaded *loaded)
{
  g_return_val_if_fail (loaded != NULL, NULL);
  return g_steal_pointer (&loaded->layout);
}

LadderChart *
ladder_loaded_get_chart (LadderLoaded *loaded)
{
  g_return_val_if_fail (loaded != NULL, NULL);
  return loaded->chart;
}

static gboolean
set_cancelled (LadderProgress *progress, GError **error)
{
  return progress != NULL &&
         g_cancellable_set_error_if_cancelled (ladder_progress_get_cancellable (progress), error);
}

typedef struct {
  LadderProgress *progress;
  gint64          total;
} ReadState;

static gboolean
count_bytes (const char *data, gsize offset, gsize length, gpointer user_data, GError **error)
{
  ReadState *state = user_data;

  ladder_progress_set_bytes (state->progress, offset + length, state->total);
  return !set_cancelled (state->progress, error);
}

/* @content: the file as read already (a pipe gives it only once), or NULL. */
static LadderChart *
read_chart (const char *path, GBytes *content, LadderCatalogue *catalogue,
            const LadderImportOptions *options, LadderProgress *progress,
            GPtrArray *warnings, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *read = NULL;
  const char *data;
  LadderFileFormat format;
  LadderChart *chart;
  ReadState state = { progress, -1 };
  gsize length = 0;

  format = ladder_import_format_for_path (path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A pipe's size says nothing of what will come through it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    state.total = g_file_info_get_size (info);

  if (content != NULL)
    {
      data = g_bytes_get_data (content, &length);
      ladder_progress_set_bytes (progress, length, length);
    }
  else
    data = read = ladder_read_file (path, &length, count_bytes, &state, error);
  if (data == NULL && content == NULL)
    return NULL;
  ladder_progress_set_stage (progress, LADDER_PROGRESS_PARSING);
  ladder_progress_set_current (progress);
  chart = ladder_import_memory (data ? data : "", length, path, format, catalogue, options, warnings, error);
  ladder_progress_set_current (NULL);
  return chart;
}

/* @options: an import's choices (the import dialog's), or NULL. */
static LadderLoaded *
read_loaded (GFile *file, GBytes *content, LadderCatalogue *catalogue,
             const LadderImportOptions *options, LadderProgress *progress, GError **error)
{
  g_autoptr(LadderProgress) own_progress = NULL;
  g_autofree char *path = NULL;
  LadderLoaded *loaded;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (progress == NULL)
    progress = own_progress = ladder_progress_new (NULL);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_IO,
                   _("%s: error: only local files can be opened"), uri);
      return NULL;
    }

  loaded = g_new0 (LadderLoaded, 1);
  loaded->file = g_object_ref (file);
  loaded->catalogue = g_object_ref (catalogue);
  loaded->warnings = g_ptr_array_new_with_free_func (g_free);
  loaded->imported = ladder_import_format_for_path (path, NULL) != LADDER_FILE_FORMAT_CHART;
  /* Before reading: a change made while it is read then shows as one. */
  loaded->stamp = ladder_file_dup_stamp (file);

  loaded->chart = read_chart (path, content, catalogue, options, progress, loaded->warnings, error);
  if (loaded->chart == NULL || set_cancelled (progress, error))
    {
      ladder_loaded_free (loaded);
      return NULL;
    }
  ladder_progress_set_stage (progress, LADDER_PROGRESS_CHECKING);
  loaded->findings = ladder_validate_with (loaded->chart, catalogue, LADDER_VALIDATE_UNNAMED);
  if (set_cancelled (progress, error))
    {
      ladder_loaded_free (loaded);
      return NULL;
    }
  /* Slots stay what they are when the chart is taken: the layout holds.
   * A big chart opens folded by the view, so the layout is of that. */
  ladder_view_fold_big (loaded->chart, LADDER_VIEW_FOLD_CARDS);
  loaded->layout = ladder_layout_new ();
  ladder_layout_compute (loaded->layout, loaded->chart);
  if (set_cancelled (progress, error))
    {
      ladder_loaded_free (loaded);
      return NULL;
    }
  ladder_progress_set_stage (progress, LADDER_PROGRESS_DONE);
  return loaded;
}

LadderLoaded *
ladder_loaded_read (GFile *file, LadderCatalogue *catalogue, LadderProgress *progress,
                    GError **error)
{
  return read_loaded (file, NULL, catalogue, NULL, progress, error);
}

void
ladder_document_take_loaded (LadderDocument *self, LadderLoaded *loaded)
{
  g_return_if_fail (LADDER_IS_DOCUMENT (self));
  g_return_if_fail (loaded != NULL && loaded->chart != NULL);

  /* Checked against another catalogue than the document's (the rules
   * changed meanwhile): the document checks again itself. */
  if (loaded->catalogue == self->catalogue)
    self->incoming_findings = g_steal_pointer (&loaded->findings);

  /* An import (CSV, TSV, JSON, or a file without a chart's extension) is
   * a new document, unsaved until it is saved as a chart: Save asks where
   * (the file itself stays as it is), closing asks first. */
  if (loaded->imported)
    ladder_document_adopt_import (self, loaded->chart, loaded->file);
  else
    {
      ladder_document_replace (self, loaded->chart, loaded->file);
      self->disk_stamp = g_steal_pointer (&loaded->stamp);
    }
  g_clear_pointer (&self->incoming_findings, ladder_findings_free);
  ladder_loaded_free (loaded);
}

static void
read_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LadderProgress *progress = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  LadderCatalogue *catalogue = g_object_get_data (G_OBJECT (task), "catalogue");
  LadderImportOptions *options = g_object_get_data (G_OBJECT (task), "options");
  GBytes *content = g_object_get_data (G_OBJECT (task), "content");
  GError *error = NULL;
  LadderLoaded *loaded = read_loaded (file, content, catalogue, options, progress, &error);

  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) ladder_loaded_free);
}

void
ladder_loaded_read_async (GFile *file, LadderCatalogue *catalogue, LadderProgress *progress,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  ladder_loaded_import_async (file, NULL, catalogue, NULL, progress, callback, user_data);
}

void
ladder_loaded_import_async (GFile *file, GBytes *content, LadderCatalogue *catalogue,
                            const LadderImportOptions *options, LadderProgress *progress,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (LADDER_IS_CATALOGUE (catalogue));
  g_return_if_fail (progress != NULL);

  /* libxml2 2.9 sets itself up on first use, which must happen on one
   * thread before any other thread parses (it is done once). */
  xmlInitParser ();
  task = g_task_new (NULL, ladder_progress_get_cancellable (progress), callback, user_data);
  g_task_set_source_tag (task, ladder_loaded_read_async);
  /* Cancelled, the caller hears it at once; the thread ends on its own. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, ladder_progress_ref (progress), (GDestroyNotify) ladder_progress_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "catalogue", g_object_ref (catalogue), g_object_unref);
  if (content != NULL)
    g_object_set_data_full (G_OBJECT (task), "content", g_bytes_ref (content),
                            (GDestroyNotify) g_bytes_unref);
  if (options != NULL)
    g_object_set_data_full (G_OBJECT (task), "options", ladder_import_options_copy (options),
                            (GDestroyNotify) ladder_import_options_free);
  g_task_run_in_thread (task, read_in_thread);
}

LadderLoaded *
ladder_loaded_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
