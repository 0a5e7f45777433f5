/* ladder-import.c — which reader a file goes to, and the choices by hand
 *
 * The extension decides (case-insensitively); without a known one, the
 * first bytes do: "<" a chart, "{" or "[" JSON, anything else delimited
 * text.  Formats Ladder does not read are named in a one-line refusal
 * rather than read as text and refused for what they are not.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"
#include "ladder-io.h"

struct _LadderImportOptions {
  char       *columns[LADDER_IMPORT_N_FIELDS];   /* header, or NULL */
  GHashTable *roles;                              /* casefolded title → interned role id */
  char        delimiter;                          /* 0: from the header */
};

/* The names --column takes, in LadderImportField order. */
static const char * const field_names[LADDER_IMPORT_N_FIELDS] = {
  "id", "manager", "name", "firstname", "lastname", "title", "role", "email",
  "vacant", "note", "assistant", "dotted",
};

/* SPEC "Import": for each field, header names in order of preference, as
 * ladder_import_normalize_header() leaves them. */
static const char * const aliases[LADDER_IMPORT_N_FIELDS][12] = {
  [LADDER_IMPORT_ID] = { "id", "employeeid", "employeenumber", "employeeno", "employee#", "empid",
                         "personid", "staffid", "userid", "key", NULL },
  [LADDER_IMPORT_MANAGER] = { "managerid", "manager", "parentid", "parent", "pid", "reportsto",
                              "supervisorid", "supervisoreid", "supervisor", "linemanager",
                              "manageremail", NULL },
  [LADDER_IMPORT_NAME] = { "name", "fullname", "displayname", "employeename", NULL },
  [LADDER_IMPORT_FIRST_NAME] = { "firstname", "givenname", NULL },
  [LADDER_IMPORT_LAST_NAME] = { "lastname", "surname", "familyname", NULL },
  [LADDER_IMPORT_TITLE] = { "title", "jobtitle", "position", "positionname", "positiontitle", "job",
                            "designation", NULL },
  [LADDER_IMPORT_ROLE] = { "role", "ladderrole", NULL },
  [LADDER_IMPORT_EMAIL] = { "email", "workemail", NULL },
  [LADDER_IMPORT_VACANT] = { "vacant", NULL },
  [LADDER_IMPORT_NOTE] = { "note", NULL },
  [LADDER_IMPORT_ASSISTANT] = { "assistant", NULL },
  [LADDER_IMPORT_DOTTED] = { "dotted", NULL },
};

char *
ladder_import_normalize_header (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '_' && *p != '-' && *p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

gboolean
ladder_import_field_for_header (const char        *normalized,
                                LadderImportField *field,
                                guint             *rank)
{
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    for (guint k = 0; aliases[f][k] != NULL; k++)
      if (strcmp (normalized, aliases[f][k]) == 0)
        {
          *field = f;
          *rank = k;
          return TRUE;
        }
  return FALSE;
}

gboolean
ladder_import_choose_columns (const LadderImportOptions *options,
                              const char * const        *headers,
                              guint                      n,
                              int                        columns[LADDER_IMPORT_N_FIELDS],
                              char                     **missing)
{
  g_autofree char **normalized = g_new0 (char *, n + 1);
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n, 1));
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    normalized[i] = ladder_import_normalize_header (headers[i]);
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    columns[f] = -1;

  /* Chosen by hand first, so that no name in the lists takes their column. */
  for (guint f = 0; options != NULL && f < LADDER_IMPORT_N_FIELDS; f++)
    {
      g_autofree char *wanted = NULL;

      if (options->columns[f] == NULL)
        continue;
      wanted = ladder_import_normalize_header (options->columns[f]);
      for (guint i = 0; i < n && columns[f] < 0; i++)
        if (strcmp (normalized[i], wanted) == 0)
          columns[f] = (int) i;
      if (columns[f] < 0)
        {
          if (ok)
            *missing = g_strdup (options->columns[f]);
          ok = FALSE;
          continue;
        }
      taken[columns[f]] = TRUE;
    }

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    for (guint k = 0; columns[f] < 0 && aliases[f][k] != NULL; k++)
      for (guint i = 0; i < n && columns[f] < 0; i++)
        if (!taken[i] && strcmp (normalized[i], aliases[f][k]) == 0)
          {
            columns[f] = (int) i;
            taken[i] = TRUE;
          }

  for (guint i = 0; i < n; i++)
    g_free (normalized[i]);
  return ok;
}

/* ---- options ---- */

LadderImportOptions *
ladder_import_options_new (void)
{
  LadderImportOptions *options = g_new0 (LadderImportOptions, 1);

  options->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return options;
}

LadderImportOptions *
ladder_import_options_copy (const LadderImportOptions *options)
{
  LadderImportOptions *copy = ladder_import_options_new ();
  GHashTableIter iter;
  gpointer title, role;

  g_return_val_if_fail (options != NULL, NULL);

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    copy->columns[f] = g_strdup (options->columns[f]);
  g_hash_table_iter_init (&iter, options->roles);
  while (g_hash_table_iter_next (&iter, &title, &role))
    g_hash_table_insert (copy->roles, g_strdup (title), role);
  copy->delimiter = options->delimiter;
  return copy;
}

void
ladder_import_options_free (LadderImportOptions *options)
{
  if (options == NULL)
    return;
  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    g_free (options->columns[f]);
  g_hash_table_unref (options->roles);
  g_free (options);
}

gboolean
ladder_import_options_add_column (LadderImportOptions *options,
                                  const char          *field_is_header,
                                  GError             **error)
{
  const char *equals;
  g_autofree char *field = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (field_is_header != NULL, FALSE);

  equals = strchr (field_is_header, '=');
  if (equals != NULL)
    {
      field = g_strndup (field_is_header, equals - field_is_header);
      normalized = ladder_import_normalize_header (field);
      for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
        if (strcmp (normalized, field_names[f]) == 0 && equals[1] != '\0')
          {
            g_free (options->columns[f]);
            options->columns[f] = g_strdup (equals + 1);
            return TRUE;
          }
    }
  g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
               _("--column takes FIELD=HEADER with FIELD one of id, manager, name, firstname, "
                 "lastname, title, role, email, vacant, note, assistant, dotted, not “%s”"),
               field_is_header);
  return FALSE;
}

gboolean
ladder_import_options_add_role (LadderImportOptions *options,
                                const char          *title_is_role,
                                LadderCatalogue     *catalogue,
                                GError             **error)
{
  const char *equals;
  const LadderRole *role;
  g_autofree char *title = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (title_is_role != NULL, FALSE);

  if (catalogue == NULL)
    catalogue = ladder_catalogue_get_default ();
  /* Titles may hold "=", role ids and names do not: the last one splits. */
  equals = strrchr (title_is_role, '=');
  if (equals == NULL || equals == title_is_role)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   _("--role takes “TITLE=ROLE”, not “%s”"), title_is_role);
      return FALSE;
    }
  role = ladder_catalogue_find_role (catalogue, equals + 1);
  if (role == NULL)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_INVALID,
                   _("--role “%s”: “%s” is no role of the catalogue"), title_is_role, equals + 1);
      return FALSE;
    }
  title = g_strstrip (g_strndup (title_is_role, equals - title_is_role));
  g_hash_table_insert (options->roles, g_utf8_casefold (title, -1), (gpointer) g_intern_string (role->id));
  return TRUE;
}

void
ladder_import_options_set_column (LadderImportOptions *options,
                                  LadderImportField    field,
                                  const char          *header)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (field < LADDER_IMPORT_N_FIELDS);

  g_free (options->columns[field]);
  options->columns[field] = g_strdup (header);
}

const char *
ladder_import_options_get_column (const LadderImportOptions *options,
                                  LadderImportField          field)
{
  g_return_val_if_fail (field < LADDER_IMPORT_N_FIELDS, NULL);

  return options ? options->columns[field] : NULL;
}

void
ladder_import_options_set_role (LadderImportOptions *options,
                                const char          *title,
                                const char          *role_id)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (options != NULL);
  g_return_if_fail (title != NULL);

  folded = g_utf8_casefold (title, -1);
  if (role_id == NULL)
    g_hash_table_remove (options->roles, folded);
  else
    g_hash_table_insert (options->roles, g_steal_pointer (&folded), (gpointer) g_intern_string (role_id));
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
ladder_import_options_dup_roles (const LadderImportOptions *options)
{
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer title, role;

  if (options != NULL)
    {
      g_hash_table_iter_init (&iter, options->roles);
      while (g_hash_table_iter_next (&iter, &title, &role))
        g_ptr_array_add (out, g_strdup_printf ("%s=%s", (const char *) title, (const char *) role));
    }
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
ladder_import_options_dup_arguments (const LadderImportOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) roles = ladder_import_options_dup_roles (options);

  for (guint f = 0; options != NULL && f < LADDER_IMPORT_N_FIELDS; f++)
    if (options->columns[f] != NULL)
      {
        g_autofree char *pair = g_strdup_printf ("%s=%s", field_names[f], options->columns[f]);
        g_autofree char *quoted = g_shell_quote (pair);

        g_string_append_printf (out, "%s--column %s", out->len > 0 ? " " : "",
                                strpbrk (pair, " '\"\\$`!&|;<>()*?[]#~") ? quoted : pair);
      }
  for (guint i = 0; roles[i] != NULL; i++)
    {
      g_autofree char *quoted = g_shell_quote (roles[i]);

      g_string_append_printf (out, "%s--role %s", out->len > 0 ? " " : "",
                              strpbrk (roles[i], " '\"\\$`!&|;<>()*?[]#~") ? quoted : roles[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
ladder_import_options_set_delimiter (LadderImportOptions *options,
                                     char                 delimiter)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r');

  options->delimiter = delimiter;
}

char
ladder_import_options_get_delimiter (const LadderImportOptions *options)
{
  return options ? options->delimiter : 0;
}

const char *
ladder_import_options_get_field_name (LadderImportField field)
{
  g_return_val_if_fail (field < LADDER_IMPORT_N_FIELDS, NULL);

  return field_names[field];
}

const char *
ladder_import_options_role_for_title (const LadderImportOptions *options,
                                      const char                *title)
{
  g_autofree char *folded = NULL;

  if (options == NULL || g_hash_table_size (options->roles) == 0)
    return NULL;
  folded = g_utf8_casefold (title, -1);
  return g_hash_table_lookup (options->roles, folded);
}

/* ---- encodings ---- */

static guint
line_of (const char *data, const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= at || p[1] != '\n')))
      line++;
  return line;
}

static gboolean
starts_with_bytes (const char *data, gsize length, const char *bytes, gsize n)
{
  return length >= n && memcmp (data, bytes, n) == 0;
}

gboolean
ladder_import_decode (const char  *display_name,
                      const char **data,
                      gsize       *length,
                      char       **converted,
                      GError     **error)
{
  const char *text = *data;
  gsize n = *length;
  const char *bad;

  *converted = NULL;
  if (starts_with_bytes (text, n, "\xFF\xFE\0\0", 4) || starts_with_bytes (text, n, "\0\0\xFE\xFF", 4))
    {
      ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, display_name, 1,
                               _("the file is UTF-32 text; save it as UTF-8"));
      return FALSE;
    }
  if (starts_with_bytes (text, n, "\xEF\xBB\xBF", 3))
    {
      text += 3;
      n -= 3;
    }
  else if (starts_with_bytes (text, n, "\xFF\xFE", 2) || starts_with_bytes (text, n, "\xFE\xFF", 2))
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;

      *converted = g_convert (text + 2, n - 2, "UTF-8", text[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE",
                              NULL, &written, &local_error);
      if (*converted == NULL)
        {
          ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, display_name, 1,
                                   _("the file starts as UTF-16 text but is not valid UTF-16; "
                                     "save it as UTF-8"));
          return FALSE;
        }
      text = *converted;
      n = written;
    }

  if (!g_utf8_validate_len (text, n, &bad))
    {
      gboolean utf16 = n >= 4 && (text[1] == '\0' || text[0] == '\0') && (text[3] == '\0' || text[2] == '\0');

      if (*bad == '\0' && utf16)
        ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, display_name, 1,
                                 _("the file looks like UTF-16 text without a byte-order mark; "
                                   "save it as UTF-8"));
      else if (*bad == '\0')
        ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, display_name, line_of (text, bad),
                                 _("the file contains a NUL byte"));
      else
        ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, display_name, line_of (text, bad),
                                 _("the file is not UTF-8 (it looks like Windows-1252 or ISO-8859-1 "
                                   "text); save it as UTF-8 (Excel: “CSV UTF-8”)"));
      g_clear_pointer (converted, g_free);
      return FALSE;
    }
  *data = text;
  *length = n;
  return TRUE;
}

/* ---- dispatch ---- */

typedef struct {
  const char       *extension;
  LadderFileFormat  format;
} Extension;

static const Extension extensions[] = {
  { ".ladder", LADDER_FILE_FORMAT_CHART },
  { ".xml", LADDER_FILE_FORMAT_CHART },
  { ".csv", LADDER_FILE_FORMAT_DELIMITED },
  { ".tsv", LADDER_FILE_FORMAT_DELIMITED },
  { ".txt", LADDER_FILE_FORMAT_DELIMITED },
  { ".json", LADDER_FILE_FORMAT_JSON },
};

static gboolean
has_extension (const char *path, const char *extension)
{
  gsize path_len = strlen (path), ext_len = strlen (extension);

  return path_len > ext_len && g_ascii_strcasecmp (path + path_len - ext_len, extension) == 0;
}

static void
refuse_format (GError **error, const char *path, const char *what)
{
  ladder_import_set_error (error, LADDER_CHART_ERROR_PARSE, path, 0, "%s", what);
}

LadderFileFormat
ladder_import_format_for_path (const char *path,
                               GError    **error)
{
  g_return_val_if_fail (path != NULL, LADDER_FILE_FORMAT_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (has_extension (path, extensions[i].extension))
      return extensions[i].format;

  if (has_extension (path, ".xlsx") || has_extension (path, ".xls"))
    refuse_format (error, path, _("this is an Excel workbook, which Ladder does not read; "
                                  "save it as CSV (UTF-8) and open that"));
  else if (has_extension (path, ".graphml"))
    refuse_format (error, path, _("GraphML files are not imported; Ladder opens .ladder, "
                                  "CSV, TSV and JSON"));
  else if (has_extension (path, ".drawio"))
    refuse_format (error, path, _("draw.io diagrams are not imported; Ladder opens .ladder, "
                                  "CSV, TSV and JSON"));
  else if (has_extension (path, ".vsdx"))
    refuse_format (error, path, _("Visio drawings are not imported; Ladder opens .ladder, "
                                  "CSV, TSV and JSON"));
  return LADDER_FILE_FORMAT_UNKNOWN;
}

/* From the first bytes; FALSE with @error for a format named above. */
static gboolean
sniff_format (const char *display_name, const char *data, gsize length,
              LadderFileFormat *format, GError **error)
{
  gsize head = MIN (length, 4096);
  const char *p = data;

  if (starts_with_bytes (data, length, "PK\3\4", 4))
    {
      refuse_format (error, display_name, _("this is a ZIP archive (an Excel workbook or a Visio "
                                             "drawing?), which Ladder does not read; save it as CSV "
                                             "(UTF-8) and open that"));
      return FALSE;
    }
  if (starts_with_bytes (p, length, "\xEF\xBB\xBF", 3))
    p += 3;
  while (p < data + length && g_ascii_isspace (*p))
    p++;

  *format = LADDER_FILE_FORMAT_DELIMITED;
  if (p < data + length && *p == '<')
    {
      *format = LADDER_FILE_FORMAT_CHART;
      if (g_strstr_len (data, head, "<graphml") != NULL)
        refuse_format (error, display_name, _("GraphML files are not imported; Ladder opens .ladder, "
                                              "CSV, TSV and JSON"));
      else if (g_strstr_len (data, head, "<mxfile") != NULL
               || g_strstr_len (data, head, "<mxGraphModel") != NULL)
        refuse_format (error, display_name, _("draw.io diagrams are not imported; Ladder opens "
                                              ".ladder, CSV, TSV and JSON"));
      else
        return TRUE;
      return FALSE;
    }
  if (p < data + length && (*p == '{' || *p == '['))
    *format = LADDER_FILE_FORMAT_JSON;
  return TRUE;
}

LadderChart *
ladder_import_memory (const char                *data,
                      gsize                      length,
                      const char                *display_name,
                      LadderFileFormat           format,
                      LadderCatalogue           *catalogue,
                      const LadderImportOptions *options,
                      GPtrArray                 *warnings,
                      GError                   **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (format == LADDER_FILE_FORMAT_UNKNOWN
      && !sniff_format (display_name, data, length, &format, error))
    return NULL;

  switch (format)
    {
    case LADDER_FILE_FORMAT_CHART:
      return ladder_xml_read_memory (data, length, display_name, error);
    case LADDER_FILE_FORMAT_JSON:
      return ladder_json_read_memory (data, length, display_name, catalogue, options, warnings, error);
    case LADDER_FILE_FORMAT_DELIMITED:
    case LADDER_FILE_FORMAT_UNKNOWN:
    default:
      return ladder_csv_import (data, length, display_name, catalogue, options, warnings, error);
    }
}

LadderChart *
ladder_import_file (const char                *path,
                    LadderCatalogue           *catalogue,
                    const LadderImportOptions *options,
                    GPtrArray                 *warnings,
                    GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  LadderFileFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  format = ladder_import_format_for_path (path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return ladder_import_file_as (path, format, catalogue, options, warnings, error);
}

LadderChart *
ladder_import_file_as (const char                *path,
                       LadderFileFormat           format,
                       LadderCatalogue           *catalogue,
                       const LadderImportOptions *options,
                       GPtrArray                 *warnings,
                       GError                   **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (format == LADDER_FILE_FORMAT_CHART)
    return ladder_xml_read_file (path, error);

  /* Read in chunks, never mapped: pipes and FIFOs work, a file cut
   * while read is an error. */
  data = ladder_read_file (path, &length, NULL, NULL, error);
  if (data == NULL)
    return NULL;
  return ladder_import_memory (data, length, path, format, catalogue, options, warnings, error);
}
