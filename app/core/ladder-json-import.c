/* ladder-json-import.c — org-chart libraries' JSON into a chart
 *
 * Two shapes (SPEC "Import", JSON): an array of flat objects whose
 * manager is a key (OrgChart JS's pid, d3-org-chart's parentId, ...),
 * and one nested object whose reports are in "children" (OrgChart by
 * dabeng, d3-hierarchy).  Keys are matched like a delimited file's
 * header, so "positionName" is a title and "parentId" a manager.  Objects
 * are taken depth first with a stack on the heap, in the file's order.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"
#include "ladder-json-private.h"
#include "ladder-progress.h"

typedef struct {
  guint node;
  guint parent;                 /* row, or LADDER_IMPORT_NO_ROW */
} Pending;

typedef struct {
  const char                *name;
  const LadderImportOptions *options;
  LadderJsonDocument        *document;
  LadderImportBuilder       *builder;
  GPtrArray                 *unused;        /* distinct keys no field took */
  GHashTable                *unused_seen;
  gboolean                   found[LADDER_IMPORT_N_FIELDS];  /* a key for the field was seen */
} JsonImport;

static const char *
scalar_text (const LadderJsonNode *node)
{
  switch (node->type)
    {
    case LADDER_JSON_STRING:
    case LADDER_JSON_NUMBER:
      return node->text;
    case LADDER_JSON_TRUE:
      return "true";
    case LADDER_JSON_FALSE:
      return "false";
    case LADDER_JSON_NULL:
    case LADDER_JSON_ARRAY:
    case LADDER_JSON_OBJECT:
    default:
      return NULL;
    }
}

/* A list of scalars (Ladder's own export writes "dotted": ["p2", "p3"])
 * as the delimited text would hold it: joined by spaces. */
static const char *
field_text (JsonImport *import, const LadderJsonNode *node, GString *joined)
{
  if (node->type != LADDER_JSON_ARRAY)
    return scalar_text (node);
  g_string_truncate (joined, 0);
  for (guint c = node->first_child; c != LADDER_JSON_NONE;
       c = ladder_json_get_node (import->document, c)->next)
    {
      const char *text = scalar_text (ladder_json_get_node (import->document, c));

      if (text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }
  return joined->str;
}

static gboolean
is_children (const LadderJsonNode *member)
{
  return member->key != NULL && strcmp (member->key, "children") == 0;
}

static void
note_unused (JsonImport *import, const char *key)
{
  if (g_hash_table_contains (import->unused_seen, key))
    return;
  g_hash_table_add (import->unused_seen, (gpointer) key);
  g_ptr_array_add (import->unused, (gpointer) key);
}

/* The entries of @stack from @from on, last to first, so that the first
 * of them comes off the stack next. */
static void
reverse_pending (GArray *stack, guint from)
{
  for (guint a = from, b = stack->len; b > a + 1; a++, b--)
    {
      Pending swap = g_array_index (stack, Pending, a);

      g_array_index (stack, Pending, a) = g_array_index (stack, Pending, b - 1);
      g_array_index (stack, Pending, b - 1) = swap;
    }
}

/* One person from the object @node; its "children" go on @stack. */
static gboolean
read_object (JsonImport *import, guint node, guint parent, GArray *stack, GError **error)
{
  const LadderJsonNode *object = ladder_json_get_node (import->document, node);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *fields[LADDER_IMPORT_N_FIELDS] = { NULL };
  GString *lists[LADDER_IMPORT_N_FIELDS] = { NULL };
  int columns[LADDER_IMPORT_N_FIELDS];
  g_autofree char *missing = NULL;
  guint children = LADDER_JSON_NONE;
  guint row, first_pending;

  if (object->type != LADDER_JSON_OBJECT)
    {
      ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, import->name, object->line,
                               _("a person must be a JSON object ({ \"id\": ..., \"name\": ... })"));
      return FALSE;
    }

  for (guint m = object->first_child; m != LADDER_JSON_NONE;
       m = ladder_json_get_node (import->document, m)->next)
    {
      const LadderJsonNode *member = ladder_json_get_node (import->document, m);

      if (is_children (member))
        {
          children = m;
          continue;
        }
      g_ptr_array_add (keys, (gpointer) member->key);
      g_array_append_val (members, m);
    }
  /* A key --column names may be missing from one object and present in
   * the next: not an error here. */
  ladder_import_choose_columns (import->options, (const char * const *) keys->pdata, keys->len,
                                columns, &missing);

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    {
      if (columns[f] < 0)
        continue;
      import->found[f] = TRUE;
      fields[f] = field_text (import,
                              ladder_json_get_node (import->document,
                                                    g_array_index (members, guint, columns[f])),
                              lists[f] = g_string_new (NULL));
    }
  row = ladder_import_builder_add (import->builder, object->line, fields, parent);
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    if (lists[f] != NULL)
      g_string_free (lists[f], TRUE);

  for (guint i = 0; i < keys->len; i++)
    {
      const LadderJsonNode *member = ladder_json_get_node (import->document, g_array_index (members, guint, i));
      gboolean used = FALSE;

      for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
        used = used || columns[f] == (int) i;
      if (used)
        continue;
      note_unused (import, member->key);
      if (scalar_text (member) != NULL)
        ladder_import_builder_add_unused (import->builder, row, member->key, scalar_text (member));
    }

  if (children == LADDER_JSON_NONE)
    return TRUE;
  {
    const LadderJsonNode *list = ladder_json_get_node (import->document, children);

    if (list->type == LADDER_JSON_NULL)
      return TRUE;
    if (list->type != LADDER_JSON_ARRAY)
      {
        ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, import->name, list->line,
                                 _("“children” must be an array of people"));
        return FALSE;
      }
    first_pending = stack->len;
    for (guint c = list->first_child; c != LADDER_JSON_NONE;
         c = ladder_json_get_node (import->document, c)->next)
      {
        Pending pending = { c, row };

        g_array_append_val (stack, pending);
      }
    reverse_pending (stack, first_pending);
  }
  return TRUE;
}

/* The key of the array of objects in @top, when @top has no key of a
 * person's (no field, no "children"); NULL otherwise. */
static const char *
wrapped_people (JsonImport *import, const LadderJsonNode *top)
{
  const char *array_key = NULL;

  for (guint m = top->first_child; m != LADDER_JSON_NONE; m = ladder_json_get_node (import->document, m)->next)
    {
      const LadderJsonNode *member = ladder_json_get_node (import->document, m);
      g_autofree char *normalized = ladder_import_normalize_header (member->key);
      LadderImportField field;
      guint rank;

      if (is_children (member) || ladder_import_field_for_header (normalized, &field, &rank))
        return NULL;
      if (member->type == LADDER_JSON_ARRAY && member->first_child != LADDER_JSON_NONE
          && ladder_json_get_node (import->document, member->first_child)->type == LADDER_JSON_OBJECT
          && array_key == NULL)
        array_key = member->key;
    }
  return array_key;
}

static gboolean
read_people (JsonImport *import, GError **error)
{
  const LadderJsonNode *top = ladder_json_get_node (import->document, 0);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pending));

  if (top->type == LADDER_JSON_ARRAY)
    {
      for (guint c = top->first_child; c != LADDER_JSON_NONE;
           c = ladder_json_get_node (import->document, c)->next)
        {
          Pending pending = { c, LADDER_IMPORT_NO_ROW };

          g_array_append_val (stack, pending);
        }
      reverse_pending (stack, 0);
    }
  else if (top->type == LADDER_JSON_OBJECT)
    {
      Pending pending = { 0, LADDER_IMPORT_NO_ROW };
      const char *wrapped = wrapped_people (import, top);

      /* {"data": [...]}: say where the people seem to be rather than
       * "this person has no id". */
      if (wrapped != NULL)
        {
          ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, import->name, top->line,
                                   _("the object at the top is no person; its people seem to be in "
                                     "“%s”: Ladder reads an array of people, or one person with "
                                     "their reports in “children”"), wrapped);
          return FALSE;
        }
      g_array_append_val (stack, pending);
    }
  else
    {
      ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, import->name, top->line,
                               _("the JSON holds no people: expected an array of objects, "
                                 "or one object with its reports in “children”"));
      return FALSE;
    }

  for (guint n = 1; stack->len > 0; n++)
    {
      Pending pending = g_array_index (stack, Pending, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (n % 4096 == 0 && ladder_progress_check_cancelled (error))
        return FALSE;
      if (!read_object (import, pending.node, pending.parent, stack, error))
        return FALSE;
    }
  return TRUE;
}

LadderChart *
ladder_json_read_memory (const char                *data,
                         gsize                      length,
                         const char                *display_name,
                         LadderCatalogue           *catalogue,
                         const LadderImportOptions *options,
                         GPtrArray                 *warnings,
                         GError                   **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(LadderJsonDocument) document = NULL;
  g_autoptr(LadderImportBuilder) builder = NULL;
  g_autoptr(GPtrArray) unused = g_ptr_array_new ();
  g_autoptr(GHashTable) unused_seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonImport import;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || LADDER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (!ladder_import_decode (display_name, &data, &length, &converted, error))
    return NULL;
  document = ladder_json_parse (data, length, display_name, error);
  if (document == NULL || ladder_progress_check_cancelled (error))
    return NULL;

  builder = ladder_import_builder_new (display_name, catalogue, options);
  import = (JsonImport) { display_name, options, document, builder, unused, unused_seen, { FALSE } };
  if (!read_people (&import, error))
    return NULL;
  /* As for a delimited file's header: a key chosen by hand that no one
   * has is a mistake to say, not a field left empty. */
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    if (ladder_import_options_get_column (options, f) != NULL && !import.found[f])
      {
        ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, display_name, 1,
                                 _("--column names “%s”, but no one in the file has such a key"),
                                 ladder_import_options_get_column (options, f));
        return NULL;
      }

  if (unused->len > 0)
    {
      g_autofree char *list = ladder_import_list_values (unused, TRUE);

      ladder_import_warn (warnings, display_name, 0,
                          ngettext ("%u key is not used: %s", "%u keys are not used: %s", unused->len),
                          unused->len, list);
    }
  return ladder_import_builder_finish (builder, warnings, error);
}
