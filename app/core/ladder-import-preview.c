/* ladder-import-preview.c — what the import dialog shows before importing
 *
 * The same readers as the import itself, so that the preview, the
 * columns chosen and the counts are what "Import" then gives.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"
#include "ladder-json-private.h"

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

LadderImportPreview *
ladder_import_preview_new (const char                *data,
                           gsize                      length,
                           const char                *display_name,
                           LadderFileFormat           format,
                           LadderCatalogue           *catalogue,
                           const LadderImportOptions *options,
                           guint                      max_rows)
{
  LadderImportPreview *preview = g_new0 (LadderImportPreview, 1);
  g_autoptr(GError) peek_error = NULL;
  gboolean peeked;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (format == LADDER_FILE_FORMAT_DELIMITED || format == LADDER_FILE_FORMAT_JSON, NULL);

  preview->format = format;
  preview->headers = g_ptr_array_new_with_free_func (g_free);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->warnings = g_ptr_array_new_with_free_func (g_free);
  preview->titles = g_ptr_array_new_with_free_func (g_free);
  preview->title_roles = g_ptr_array_new ();

  if (format == LADDER_FILE_FORMAT_DELIMITED)
    peeked = ladder_csv_peek (data, length, display_name, options, max_rows, &preview->delimiter,
                              preview->headers, preview->rows, &peek_error);
  else
    peeked = peek_json (preview, data, length, display_name, max_rows, &peek_error);
  if (!peeked)
    {
      preview->error = g_steal_pointer (&peek_error);
      for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
        preview->columns[f] = -1;
      return preview;
    }
  {
    g_autofree char *missing = NULL;

    ladder_import_choose_columns (options, (const char * const *) preview->headers->pdata,
                                  preview->headers->len, preview->columns, &missing);
  }

  preview->chart = ladder_import_memory (data, length, display_name, format, catalogue, options,
                                         preview->warnings, &preview->error);
  if (preview->chart != NULL)
    collect_titles (preview, options);
  return preview;
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
