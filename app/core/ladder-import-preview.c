/* ladder-import-preview.c — what the import dialog shows before importing
 *
 * The same readers as the import itself, so that the preview, the
 * columns chosen and the counts are what "Import" then gives.
 */
#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#endif
#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"
#include "ladder-json-private.h"
#include "ladder-io.h"
#include "ladder-progress.h"

/* The keys of the first @max_rows people of a JSON file, and their
 * values as text. */
static gboolean
peek_json (LadderImportPreview *preview, const char *data, gsize length,
           const char *display_name, guint max_rows, GError **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(LadderJsonDocument) document = NULL;
  g_autoptr(GArray) objects = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  const LadderJsonNode *top;

  if (!ladder_import_decode (display_name, &data, &length, &converted, error))
    return FALSE;
  document = ladder_json_parse (data, length, display_name, error);
  if (document == NULL)
    return FALSE;

  /* Depth first, in file order, like the import. */
  top = ladder_json_get_node (document, 0);
  if (top->type == LADDER_JSON_OBJECT)
    g_array_append_val (stack, (guint) { 0 });
  else if (top->type == LADDER_JSON_ARRAY)
    {
      /* Only the first people are shown: only they are stacked. */
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint c = top->first_child; c != LADDER_JSON_NONE && first->len < max_rows;
           c = ladder_json_get_node (document, c)->next)
        g_array_append_val (first, c);
      for (guint i = first->len; i > 0; i--)
        g_array_append_val (stack, g_array_index (first, guint, i - 1));
    }
  while (stack->len > 0 && objects->len < max_rows)
    {
      guint node = g_array_index (stack, guint, stack->len - 1);
      const LadderJsonNode *object = ladder_json_get_node (document, node);
      guint first = stack->len - 1;

      g_array_set_size (stack, stack->len - 1);
      if (object->type != LADDER_JSON_OBJECT)
        continue;
      g_array_append_val (objects, node);
      for (guint m = object->first_child; m != LADDER_JSON_NONE; m = ladder_json_get_node (document, m)->next)
        {
          const LadderJsonNode *member = ladder_json_get_node (document, m);

          if (g_strcmp0 (member->key, "children") == 0 && member->type == LADDER_JSON_ARRAY)
            {
              for (guint c = member->first_child; c != LADDER_JSON_NONE;
                   c = ladder_json_get_node (document, c)->next)
                g_array_insert_val (stack, first, c);
              continue;
            }
          if (!g_ptr_array_find_with_equal_func (preview->headers, member->key, g_str_equal, NULL))
            g_ptr_array_add (preview->headers, g_strdup (member->key));
        }
    }

  for (guint i = 0; i < objects->len; i++)
    {
      const LadderJsonNode *object = ladder_json_get_node (document, g_array_index (objects, guint, i));
      char **row = g_new0 (char *, preview->headers->len + 1);

      for (guint h = 0; h < preview->headers->len; h++)
        row[h] = g_strdup ("");
      for (guint m = object->first_child; m != LADDER_JSON_NONE; m = ladder_json_get_node (document, m)->next)
        {
          const LadderJsonNode *member = ladder_json_get_node (document, m);
          guint h;

          if (member->text == NULL && member->type != LADDER_JSON_TRUE && member->type != LADDER_JSON_FALSE)
            continue;
          if (g_ptr_array_find_with_equal_func (preview->headers, member->key, g_str_equal, &h))
            {
              g_free (row[h]);
              row[h] = g_strdup (member->text ? member->text
                                              : member->type == LADDER_JSON_TRUE ? "true" : "false");
            }
        }
      g_ptr_array_add (preview->rows, row);
    }
  return TRUE;
}

static void
collect_titles (LadderImportPreview *preview, const LadderImportOptions *options)
{
  LadderChart *chart = preview->chart;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *order = g_new (guint, MAX (1, ladder_chart_get_n_people (chart)));
  guint n = ladder_chart_preorder (chart, order, FALSE);

  for (guint i = 0; i < n; i++)
    {
      const char *title = ladder_chart_get_person_title (chart, order[i]);
      g_autofree char *stripped = NULL;
      const char *role;

      if (title == NULL)
        continue;
      stripped = g_strstrip (g_strdup (title));
      if (stripped[0] == '\0' || g_hash_table_contains (seen, stripped))
        continue;
      role = ladder_chart_get_role (chart, order[i]);
      g_hash_table_add (seen, g_strdup (stripped));
      g_ptr_array_add (preview->titles, g_steal_pointer (&stripped));
      g_ptr_array_add (preview->title_roles, (gpointer) g_intern_string (role));
      if (g_str_equal (role, "other")
          && ladder_import_options_role_for_title (options, title) == NULL)
        preview->n_unrecognised++;
    }
}

static LadderImportPreview *
preview_alloc (LadderFileFormat format)
{
  LadderImportPreview *preview = g_new0 (LadderImportPreview, 1);

  preview->format = format;
  preview->headers = g_ptr_array_new_with_free_func (g_free);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->warnings = g_ptr_array_new_with_free_func (g_free);
  preview->titles = g_ptr_array_new_with_free_func (g_free);
  preview->title_roles = g_ptr_array_new ();
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    preview->columns[f] = -1;
  return preview;
}

/* The header, the first rows and the columns chosen; FALSE (with
 * preview->error) when they cannot be read. */
static gboolean
peek (LadderImportPreview *preview, const char *data, gsize length, const char *display_name,
      const LadderImportOptions *options, guint max_rows)
{
  g_autofree char *missing = NULL;
  gboolean peeked;

  if (preview->format == LADDER_FILE_FORMAT_DELIMITED)
    peeked = ladder_csv_peek (data, length, display_name, options, max_rows, &preview->delimiter,
                              preview->headers, preview->rows, &preview->error);
  else
    peeked = peek_json (preview, data, length, display_name, max_rows, &preview->error);
  if (peeked)
    ladder_import_choose_columns (options, (const char * const *) preview->headers->pdata,
                                  preview->headers->len, preview->columns, &missing);
  return peeked;
}

LadderImportPreview *
ladder_import_preview_new (const char                *data,
                           gsize                      length,
                           const char                *display_name,
                           LadderFileFormat           format,
                           LadderCatalogue           *catalogue,
                           const LadderImportOptions *options,
                           guint                      max_rows)
{
  LadderImportPreview *preview;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (format == LADDER_FILE_FORMAT_DELIMITED || format == LADDER_FILE_FORMAT_JSON, NULL);

  preview = preview_alloc (format);
  if (!peek (preview, data, length, display_name, options, max_rows))
    return preview;
  preview->chart = ladder_import_memory (data, length, display_name, format, catalogue, options,
                                         preview->warnings, &preview->error);
  if (preview->chart != NULL)
    {
      collect_titles (preview, options);
      preview->counted = TRUE;
      preview->n_people = ladder_chart_get_n_people (preview->chart);
      preview->n_roots = ladder_chart_get_n_roots (preview->chart);
    }
  return preview;
}

/* ---- the first rows only ---- */

static gboolean
is_utf16 (const char *data, gsize length)
{
  return length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
                         || ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff));
}

/* The beginning of a JSON text cut after the last value closed inside the
 * top one, with the brackets still open then closed after it; NULL when
 * no value closed there. */
static char *
close_json_head (const char *data, gsize length)
{
  g_autoptr(GString) open = g_string_new (NULL);
  g_autofree char *open_at_cut = NULL;
  GString *head;
  gboolean in_string = FALSE;
  gsize cut = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            in_string = FALSE;
          continue;
        }
      if (data[i] == '"')
        in_string = TRUE;
      else if (data[i] == '{' || data[i] == '[')
        g_string_append_c (open, data[i]);
      else if (data[i] == '}' || data[i] == ']')
        {
          if (open->len == 0)
            break;
          g_string_truncate (open, open->len - 1);
          if (open->len == 0)
            break;
          cut = i + 1;
          g_free (open_at_cut);
          open_at_cut = g_strndup (open->str, open->len);
        }
    }
  if (open_at_cut == NULL)
    return NULL;
  head = g_string_new_len (data, cut);
  for (gsize k = strlen (open_at_cut); k > 0; k--)
    g_string_append_c (head, open_at_cut[k - 1] == '{' ? '}' : ']');
  return g_string_free (head, FALSE);
}

LadderImportPreview *
ladder_import_preview_peek (const char                *data,
                            gsize                      length,
                            gboolean                   whole,
                            const char                *display_name,
                            LadderFileFormat           format,
                            const LadderImportOptions *options,
                            guint                      max_rows)
{
  LadderImportPreview *preview;
  g_autofree char *converted = NULL;
  g_autofree char *closed = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (format == LADDER_FILE_FORMAT_DELIMITED || format == LADDER_FILE_FORMAT_JSON, NULL);

  preview = preview_alloc (format);
  if (data == NULL)
    data = "";
  if (!whole)
    {
      /* UTF-16 is cut between two characters; then it is UTF-8 as the
       * rest: the line or value cut in half is left out. */
      if (is_utf16 (data, length))
        length -= length % 2;
      if (!ladder_import_decode (display_name, &data, &length, &converted, &preview->error))
        return preview;
      if (format == LADDER_FILE_FORMAT_JSON)
        {
          closed = close_json_head (data, length);
          data = closed ? closed : data;
          length = closed ? strlen (closed) : length;
        }
      else
        {
          gsize end = length;

          while (end > 0 && data[end - 1] != '\n')
            end--;
          length = end > 0 ? end : length;
        }
    }
  peek (preview, data, length, display_name, options, max_rows);
  return preview;
}

/* ---- the whole file, on a worker ---- */

#define COUNT_NICE 10

typedef struct {
  GBytes              *data;
  char                *path;
  char                *display_name;
  LadderFileFormat     format;
  LadderCatalogue     *catalogue;
  LadderImportOptions *options;
  guint                max_rows;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job->path);
  g_free (job->display_name);
  g_clear_object (&job->catalogue);
  ladder_import_options_free (job->options);
  g_free (job);
}

static gboolean
still_wanted (const char *data, gsize offset, gsize length, gpointer user_data, GError **error)
{
  return !ladder_progress_check_cancelled (error);
}

static void
count_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(LadderProgress) progress = ladder_progress_new (cancellable);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) cancelled = NULL;
  g_autofree char *read = NULL;
  LadderImportPreview *preview = NULL;
  const char *data;
  gsize length = 0;

  /* The readers stop early when @cancellable is, through this. */
  ladder_progress_set_current (progress);
  if (job->data != NULL)
    data = g_bytes_get_data (job->data, &length);
  else
    data = read = ladder_read_file (job->path, &length, still_wanted, NULL, &error);
  if (data != NULL || error == NULL)
    preview = ladder_import_preview_new (data ? data : "", length, job->display_name, job->format,
                                         job->catalogue, job->options, job->max_rows);
  ladder_progress_set_current (NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, &cancelled))
    {
      ladder_import_preview_free (preview);
      g_task_return_error (task, g_steal_pointer (&cancelled));
      return;
    }
  /* A file that cannot be read is said where the counts would be. */
  if (preview == NULL)
    {
      preview = preview_alloc (job->format);
      preview->error = g_steal_pointer (&error);
    }
  /* Only the counts are wanted: a million people are not kept for them. */
  g_clear_object (&preview->chart);
  g_task_return_pointer (task, preview, (GDestroyNotify) ladder_import_preview_free);
}

static gpointer
count_thread (gpointer data)
{
  g_autoptr(GTask) task = data;

#ifdef __linux__
  /* Behind the main thread when the cores are busy: a count is worth
   * less than a frame.  (Linux's nice is the calling thread's alone;
   * elsewhere it would be the whole process's.)  Relative to the
   * thread that started it, which the process may already have niced. */
  setpriority (PRIO_PROCESS, 0, MIN (getpriority (PRIO_PROCESS, 0) + COUNT_NICE, 19));
#endif
  count_in_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  return NULL;
}

void
ladder_import_preview_count_async (GBytes                    *data,
                                   const char                *path,
                                   const char                *display_name,
                                   LadderFileFormat           format,
                                   LadderCatalogue           *catalogue,
                                   const LadderImportOptions *options,
                                   guint                      max_rows,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job;

  g_return_if_fail (data != NULL || path != NULL);
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (format == LADDER_FILE_FORMAT_DELIMITED || format == LADDER_FILE_FORMAT_JSON);

  job = g_new0 (CountJob, 1);
  job->data = data ? g_bytes_ref (data) : NULL;
  job->path = g_strdup (path);
  job->display_name = g_strdup (display_name);
  job->format = format;
  job->catalogue = g_object_ref (catalogue ? catalogue : ladder_catalogue_get_default ());
  job->options = options ? ladder_import_options_copy (options) : ladder_import_options_new ();
  job->max_rows = max_rows;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_import_preview_count_async);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  /* A thread of its own, not GIO's pool: its lower priority ends with it. */
  g_thread_unref (g_thread_new ("ladder-count", count_thread, g_steal_pointer (&task)));
}

LadderImportPreview *
ladder_import_preview_count_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ladder_import_preview_free (LadderImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_ptr_array_unref (preview->headers);
  g_ptr_array_unref (preview->rows);
  g_ptr_array_unref (preview->warnings);
  g_ptr_array_unref (preview->titles);
  g_ptr_array_unref (preview->title_roles);
  g_clear_object (&preview->chart);
  g_clear_error (&preview->error);
  g_free (preview);
}
