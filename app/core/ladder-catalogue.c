/* ladder-catalogue.c — the role catalogue and the rule set
 *
 * What a rules file says, held for lookups: roles by id or by display
 * name, rules in file order.  Reading the file is ladder-catalogue-reader.c.
 */
#include "config.h"

#include "ladder-catalogue-private.h"
#include "ladder-chart.h"
/* Generated; calling ladder_core_get_resource() keeps the resource object
 * in the link when the core is a static library. */
#include "ladder-core-resources.h"

#include <gio/gio.h>
#include <string.h>

#define DEFAULT_RULES_PATH "/io/github/ladderchart/Ladder/core/rules.xml"

struct _LadderCatalogue
{
  GObject      parent_instance;

  GStringChunk *strings;
  GPtrArray    *blocks;        /* role sets, citation and pair arrays */
  GArray       *roles;         /* LadderRole */
  GPtrArray    *rules;         /* LadderRule*, owned */
  GHashTable   *role_by_id;    /* id -> index + 1 */
  GHashTable   *role_by_key;   /* casefolded id or name -> index + 1 */
  GHashTable   *role_by_alias; /* normalised alias -> index + 1 */
  GHashTable   *source_titles; /* seed -> title, both interned */
  GPtrArray    *layer_bytes;   /* GBytes of each file read, bottom first */
  GPtrArray    *layer_names;   /* and their names, interned */
};

G_DEFINE_FINAL_TYPE (LadderCatalogue, ladder_catalogue, G_TYPE_OBJECT)

static void
ladder_catalogue_finalize (GObject *object)
{
  LadderCatalogue *self = LADDER_CATALOGUE (object);

  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->role_by_id, g_hash_table_unref);
  g_clear_pointer (&self->role_by_key, g_hash_table_unref);
  g_clear_pointer (&self->role_by_alias, g_hash_table_unref);
  g_clear_pointer (&self->source_titles, g_hash_table_unref);
  g_clear_pointer (&self->layer_bytes, g_ptr_array_unref);
  g_clear_pointer (&self->layer_names, g_ptr_array_unref);

  G_OBJECT_CLASS (ladder_catalogue_parent_class)->finalize (object);
}

static void
ladder_catalogue_class_init (LadderCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_catalogue_finalize;
}

static void
ladder_catalogue_init (LadderCatalogue *self)
{
  self->strings = g_string_chunk_new (4096);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->roles = g_array_new (FALSE, TRUE, sizeof (LadderRole));
  self->rules = g_ptr_array_new_with_free_func (g_free);
  self->role_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->role_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->role_by_alias = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_titles = g_hash_table_new (g_str_hash, g_str_equal);
  self->layer_bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->layer_names = g_ptr_array_new ();
}

/* ---- building (ladder-catalogue-reader.c) ---- */

const char *
ladder_catalogue_intern (LadderCatalogue *self,
                         const char      *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

gpointer
ladder_catalogue_alloc (LadderCatalogue *self,
                        gsize            size)
{
  gpointer block = g_malloc0 (MAX (size, 1));

  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_role_key (LadderCatalogue *self,
              const char      *text,
              guint            index)
{
  char *key = g_utf8_casefold (text, -1);

  /* The first role to claim a key keeps it. */
  if (g_hash_table_contains (self->role_by_key, key))
    g_free (key);
  else
    g_hash_table_insert (self->role_by_key, key, GUINT_TO_POINTER (index + 1));
}

void
ladder_catalogue_add_role (LadderCatalogue  *self,
                           const LadderRole *role,
                           const char       *msgid)
{
  guint index = self->roles->len;

  g_array_append_val (self->roles, *role);
  g_hash_table_insert (self->role_by_id, (gpointer) role->id, GUINT_TO_POINTER (index + 1));
  add_role_key (self, role->id, index);
  add_role_key (self, role->name, index);
  add_role_key (self, msgid, index);
}

void
ladder_catalogue_add_alias (LadderCatalogue *self,
                            const char      *key,
                            guint            role_index)
{
  g_assert (role_index < self->roles->len);
  g_hash_table_insert (self->role_by_alias, (gpointer) ladder_catalogue_intern (self, key),
                       GUINT_TO_POINTER (role_index + 1));
}

guint
ladder_catalogue_lookup_alias_index (LadderCatalogue *self,
                                     const char      *key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->role_by_alias, key));

  return index ? index - 1 : self->roles->len;
}

void
ladder_catalogue_add_source (LadderCatalogue *self,
                             const char      *seed,
                             const char      *title)
{
  g_hash_table_insert (self->source_titles, (gpointer) ladder_catalogue_intern (self, seed),
                       (gpointer) ladder_catalogue_intern (self, title));
}

void
ladder_catalogue_add_layer (LadderCatalogue *self,
                            GBytes          *bytes,
                            const char      *display_name)
{
  g_ptr_array_add (self->layer_bytes, g_bytes_ref (bytes));
  g_ptr_array_add (self->layer_names, (gpointer) ladder_catalogue_intern (self, display_name));
}

guint
ladder_catalogue_get_n_layers (LadderCatalogue *self)
{
  return self->layer_bytes->len;
}

GBytes *
ladder_catalogue_get_layer (LadderCatalogue *self,
                            guint            index,
                            const char     **display_name)
{
  g_assert (index < self->layer_bytes->len);
  *display_name = g_ptr_array_index (self->layer_names, index);
  return g_ptr_array_index (self->layer_bytes, index);
}

void
ladder_catalogue_add_rule (LadderCatalogue *self,
                           LadderRule      *rule)
{
  g_ptr_array_add (self->rules, rule);
}

LadderCatalogue *
ladder_catalogue_new_from_bytes (GBytes     *bytes,
                                 const char *display_name,
                                 GError    **error)
{
  g_autoptr(LadderCatalogue) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LADDER_TYPE_CATALOGUE, NULL);
  if (!ladder_catalogue_load (self, NULL, bytes, display_name, error))
    return NULL;
  return g_steal_pointer (&self);
}

static GBytes *
read_rules_file (const char *path,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, LADDER_CHART_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? LADDER_CHART_ERROR_NOT_FOUND : LADDER_CHART_ERROR_IO,
                   "%s:1: error: %s", path, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

LadderCatalogue *
ladder_catalogue_new_from_file (const char *path,
                                GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_rules_file (path, error);
  return bytes ? ladder_catalogue_new_from_bytes (bytes, path, error) : NULL;
}

LadderCatalogue *
ladder_catalogue_new_extending (LadderCatalogue *base,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(LadderCatalogue) self = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (base == NULL || LADDER_IS_CATALOGUE (base), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_rules_file (path, error)))
    return NULL;
  self = g_object_new (LADDER_TYPE_CATALOGUE, NULL);
  if (!ladder_catalogue_load (self, base, bytes, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

LadderCatalogue *
ladder_catalogue_get_default (void)
{
  static LadderCatalogue *catalogue;

  if (g_once_init_enter (&catalogue))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (ladder_core_get_resource (), DEFAULT_RULES_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      LadderCatalogue *loaded = bytes ? ladder_catalogue_new_from_bytes (bytes, "rules.xml", &error) : NULL;

      /* The built-in file is part of the program: failing here is a bug. */
      if (loaded == NULL)
        g_error ("The built-in rules cannot be read: %s", error->message);
      g_once_init_leave (&catalogue, loaded);
    }
  return catalogue;
}

/* ---- accessors ---- */

guint
ladder_catalogue_get_n_roles (LadderCatalogue *self)
{
  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), 0);
  return self->roles->len;
}

const LadderRole *
ladder_catalogue_get_role (LadderCatalogue *self,
                           guint            index)
{
  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->roles->len, NULL);
  return &g_array_index (self->roles, LadderRole, index);
}

guint
ladder_catalogue_lookup_role_index (LadderCatalogue *self,
                                    const char      *id)
{
  guint index;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), 0);

  index = id ? GPOINTER_TO_UINT (g_hash_table_lookup (self->role_by_id, id)) : 0;
  return index ? index - 1 : self->roles->len;
}

const LadderRole *
ladder_catalogue_lookup_role (LadderCatalogue *self,
                              const char      *id)
{
  guint index;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  index = ladder_catalogue_lookup_role_index (self, id);
  return index < self->roles->len ? &g_array_index (self->roles, LadderRole, index) : NULL;
}

const LadderRole *
ladder_catalogue_find_role (LadderCatalogue *self,
                            const char      *id_or_name)
{
  g_autofree char *key = NULL;
  guint index;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  key = g_utf8_casefold (id_or_name, -1);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->role_by_key, key));
  return index ? &g_array_index (self->roles, LadderRole, index - 1) : NULL;
}

const char *
ladder_catalogue_get_source_title (LadderCatalogue *self,
                                   const char      *seed)
{
  const char *title;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (seed != NULL, NULL);

  title = g_hash_table_lookup (self->source_titles, seed);
  return title ? title : seed;
}

guint
ladder_catalogue_get_n_rules (LadderCatalogue *self)
{
  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), 0);
  return self->rules->len;
}

const LadderRule *
ladder_catalogue_get_rule (LadderCatalogue *self,
                           guint            index)
{
  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

const LadderRule *
ladder_catalogue_lookup_rule (LadderCatalogue *self,
                              const char      *id)
{
  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* A score of rules: a scan is cheaper than keeping a table. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      const LadderRule *rule = g_ptr_array_index (self->rules, i);

      if (strcmp (rule->id, id) == 0)
        return rule;
    }
  return NULL;
}

const char *
ladder_rule_get_id (const LadderRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->id;
}

LadderSeverity
ladder_rule_get_severity (const LadderRule *rule)
{
  g_return_val_if_fail (rule != NULL, LADDER_SEVERITY_ERROR);
  return rule->severity;
}

const char *
ladder_rule_get_summary (const LadderRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->summary;
}

const char *
ladder_rule_get_policy (const LadderRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->policy;
}

guint
ladder_rule_get_n_citations (const LadderRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);
  return rule->n_citations;
}

const LadderCitation *
ladder_rule_get_citation (const LadderRule *rule,
                          guint             index)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (index < rule->n_citations, NULL);
  return &rule->citations[index];
}

const char *
ladder_severity_to_string (LadderSeverity severity)
{
  /* Not translated: part of the compiler-style output editors parse. */
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      return "error";
    case LADDER_SEVERITY_WARNING:
      return "warning";
    case LADDER_SEVERITY_NOTE:
      return "note";
    default:
      g_return_val_if_reached ("error");
    }
}
