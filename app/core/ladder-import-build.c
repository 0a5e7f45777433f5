/* ladder-import-build.c — rows of an HR export or a JSON file into a chart
 *
 * Every row is kept until the last one is in, because a manager may be
 * named before the row that describes them.  Then, in order: ids (the id,
 * else the email, else the name; cleaned; a hash of the raw value on a
 * clash), managers (by id, email, then name), roles (the role column, else
 * the title through the catalogue's aliases, else "other"), and the links.
 * Each step is one pass with hash tables: nothing is quadratic.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"
#include "ladder-chart-private.h"
#include "ladder-text.h"
#include "ladder-progress.h"

/* Longest id (SPEC: 1–64 characters); a clash suffix is "-" and 6 hex. */
#define MAX_ID 64
#define HASH_DIGITS 6

typedef struct {
  guint       line;
  guint       parent;
  const char *fields[LADDER_IMPORT_N_FIELDS];   /* in strings; NULL when empty */
} Row;

typedef struct {
  guint       row;
  const char *column;
  const char *value;
} Unused;

struct _LadderImportBuilder {
  char                      *name;
  LadderCatalogue           *catalogue;
  const LadderImportOptions *options;
  GArray                    *rows;
  GArray                    *unused;
  GStringChunk              *strings;
};

/* Lookup tables that remember a second row for a key, so that a name
 * two people share is found ambiguous rather than the first. */
typedef struct {
  GHashTable *first;            /* key → row + 1 */
  GHashTable *second;           /* key → row + 1, only for shared keys */
} MatchTable;

typedef enum {
  MATCH_NONE,
  MATCH_ONE,
  MATCH_MANY,
} MatchResult;

static void
match_table_init (MatchTable *table)
{
  table->first = g_hash_table_new (g_str_hash, g_str_equal);
  table->second = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
match_table_clear (MatchTable *table)
{
  g_hash_table_unref (table->first);
  g_hash_table_unref (table->second);
}

/* @key must outlive the table. */
static void
match_table_add (MatchTable *table, const char *key, guint row)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (table->first, key));

  if (found == 0)
    g_hash_table_insert (table->first, (gpointer) key, GUINT_TO_POINTER (row + 1));
  else if (found != row + 1 && !g_hash_table_contains (table->second, key))
    g_hash_table_insert (table->second, (gpointer) key, GUINT_TO_POINTER (row + 1));
}

static MatchResult
match_table_find (MatchTable *table, const char *key, guint *row, guint *other)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (table->first, key));

  if (found == 0)
    return MATCH_NONE;
  *row = found - 1;
  found = GPOINTER_TO_UINT (g_hash_table_lookup (table->second, key));
  if (found == 0)
    return MATCH_ONE;
  *other = found - 1;
  return MATCH_MANY;
}

void
ladder_import_set_error (GError    **error,
                         int         code,
                         const char *display_name,
                         guint       line,
                         const char *format,
                         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = ladder_text_bound (g_strdup_vprintf (format, args));
  va_end (args);
  /* "error" stays English, like a compiler's, for editors and CI. */
  if (line > 0)
    g_set_error (error, LADDER_CHART_ERROR, code, "%s:%u: error: %s", display_name, line, what);
  else
    g_set_error (error, LADDER_CHART_ERROR, code, "%s: error: %s", display_name, what);
}

void
ladder_import_warn (GPtrArray  *warnings,
                    const char *display_name,
                    guint       line,
                    const char *format,
                    ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (warnings == NULL)
    return;
  va_start (args, format);
  what = ladder_text_bound (g_strdup_vprintf (format, args));
  va_end (args);
  if (line > 0)
    g_ptr_array_add (warnings, g_strdup_printf ("%s:%u: warning: %s", display_name, line, what));
  else
    g_ptr_array_add (warnings, g_strdup_printf ("%s: warning: %s", display_name, what));
}

char *
ladder_import_list_values (GPtrArray *values, gboolean quoted)
{
  GString *out = g_string_new (NULL);
  guint shown = MIN (values->len, LADDER_TEXT_LIST_SHOWN);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *value = ladder_text_shorten (g_ptr_array_index (values, i), LADDER_TEXT_QUOTE_MAX);

      if (i > 0)
        g_string_append (out, ", ");
      /* TRANSLATORS: a column, key or title quoted in a list of them */
      g_string_append_printf (out, quoted ? _("“%s”") : "%s", value);
    }
  ladder_text_append_more (out, values->len - shown);
  return g_string_free (out, FALSE);
}

LadderImportBuilder *
ladder_import_builder_new (const char                *display_name,
                           LadderCatalogue           *catalogue,
                           const LadderImportOptions *options)
{
  LadderImportBuilder *builder = g_new0 (LadderImportBuilder, 1);

  builder->name = g_strdup (display_name);
  builder->catalogue = g_object_ref (catalogue ? catalogue : ladder_catalogue_get_default ());
  builder->options = options;
  builder->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  builder->unused = g_array_new (FALSE, FALSE, sizeof (Unused));
  builder->strings = g_string_chunk_new (4096);
  return builder;
}

void
ladder_import_builder_free (LadderImportBuilder *builder)
{
  if (builder == NULL)
    return;
  g_free (builder->name);
  g_object_unref (builder->catalogue);
  g_array_unref (builder->rows);
  g_array_unref (builder->unused);
  g_string_chunk_free (builder->strings);
  g_free (builder);
}

guint
ladder_import_builder_add (LadderImportBuilder *builder,
                           guint                line,
                           const char * const  *fields,
                           guint                parent)
{
  Row row = { line, parent, { NULL } };

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    {
      const char *text = fields[f];

      if (text == NULL)
        continue;
      /* Only the free texts keep their blanks (what was written comes
       * back from an export as it was); references and flags do not. */
      if (f != LADDER_IMPORT_NAME && f != LADDER_IMPORT_TITLE && f != LADDER_IMPORT_NOTE)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          row.fields[f] = stripped[0] ? g_string_chunk_insert (builder->strings, stripped) : NULL;
        }
      else
        row.fields[f] = text[0] ? g_string_chunk_insert (builder->strings, text) : NULL;
    }
  g_array_append_val (builder->rows, row);
  /* Counted as read, not when the chart is made at the end: the bar of
   * an import says how far the reading got. */
  ladder_progress_person_loaded ();
  return builder->rows->len - 1;
}

void
ladder_import_builder_add_unused (LadderImportBuilder *builder,
                                  guint                row,
                                  const char          *column,
                                  const char          *value)
{
  Unused unused;
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  if (stripped[0] == '\0')
    return;
  unused.row = row;
  unused.column = g_string_chunk_insert_const (builder->strings, column);
  unused.value = g_string_chunk_insert (builder->strings, stripped);
  g_array_append_val (builder->unused, unused);
}

guint
ladder_import_builder_get_n_rows (LadderImportBuilder *builder)
{
  return builder->rows->len;
}

/* ---- finishing ---- */

typedef struct {
  LadderImportBuilder *builder;
  LadderChart         *chart;
  const char         **raw;      /* per row: what the id is made from */
  char               **names;    /* per row: the whole name, or NULL */
  guint               *persons;  /* per row: the chart's slot */
  MatchTable           ids;      /* raw ids, final ids, cleaned ids */
  MatchTable           cleaned;
  MatchTable           emails;   /* casefolded */
  MatchTable           by_name;  /* casefolded, blanks collapsed */
  gboolean             names_indexed;
  GPtrArray           *keys;     /* owns the keys made for the tables */
} Finish;

static Row *
row_at (Finish *finish, guint row)
{
  return &g_array_index (finish->builder->rows, Row, row);
}

/* Letters, digits and "_ . -" kept; any other character becomes "-". */
static char *
clean_id (const char *raw)
{
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p && out->len < MAX_ID; p = g_utf8_next_char (p))
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-')
        g_string_append_c (out, *p);
      else
        g_string_append_c (out, '-');
    }
  return g_string_free (out, FALSE);
}

static char *
id_with_hash (const char *cleaned, const char *raw)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, raw, -1);
  int keep = MIN ((int) strlen (cleaned), MAX_ID - 1 - HASH_DIGITS);

  return g_strdup_printf ("%.*s-%.*s", keep, cleaned, HASH_DIGITS, digest);
}

/* Names compare without case and with runs of blanks as one space. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static const char *
keep_key (Finish *finish, char *key)
{
  g_ptr_array_add (finish->keys, key);
  return key;
}

static gboolean
parse_flag (const char *text, gboolean *flag)
{
  static const char * const yes[] = { "true", "yes", "y", "1" };
  static const char * const no[] = { "false", "no", "n", "0" };

  *flag = FALSE;
  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return (*flag = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The first pass: each row's name, raw id, and the checks of its flags. */
static gboolean
read_rows (Finish *finish, GError **error)
{
  LadderImportBuilder *builder = finish->builder;
  g_autoptr(GHashTable) raw_seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < builder->rows->len; r++)
    {
      Row *row = row_at (finish, r);
      const char *first = row->fields[LADDER_IMPORT_FIRST_NAME];
      const char *last = row->fields[LADDER_IMPORT_LAST_NAME];
      static const LadderImportField flags[] = { LADDER_IMPORT_VACANT, LADDER_IMPORT_ASSISTANT };
      guint seen;

      if (row->fields[LADDER_IMPORT_NAME] != NULL)
        finish->names[r] = g_strdup (row->fields[LADDER_IMPORT_NAME]);
      else if (first != NULL || last != NULL)
        finish->names[r] = g_strjoin (" ", first ? first : last, first && last ? last : NULL, NULL);

      finish->raw[r] = row->fields[LADDER_IMPORT_ID];
      if (finish->raw[r] == NULL)
        finish->raw[r] = row->fields[LADDER_IMPORT_EMAIL];
      if (finish->raw[r] == NULL && finish->names[r] != NULL)
        finish->raw[r] = keep_key (finish, g_strstrip (g_strdup (finish->names[r])));
      if (finish->raw[r] == NULL || finish->raw[r][0] == '\0')
        {
          ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, row->line,
                                   _("this person has no id, email or name"));
          return FALSE;
        }
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (raw_seen, finish->raw[r]));
      if (seen != 0)
        {
          ladder_import_set_error (error, LADDER_CHART_ERROR_DUPLICATE_ID, builder->name, row->line,
                                   _("duplicate id “%s” (first used on line %u)"),
                                   finish->raw[r], row_at (finish, seen - 1)->line);
          return FALSE;
        }
      g_hash_table_insert (raw_seen, (gpointer) finish->raw[r], GUINT_TO_POINTER (r + 1));

      for (guint k = 0; k < G_N_ELEMENTS (flags); k++)
        {
          gboolean flag;

          if (!parse_flag (row->fields[flags[k]], &flag))
            {
              ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, row->line,
                                       flags[k] == LADDER_IMPORT_VACANT
                                       ? _("vacant is “%s”; use true or false")
                                       : _("assistant is “%s”; use true or false"),
                                       row->fields[flags[k]]);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The second pass: ids, cleaned, with a hash where two clean alike. */
static gboolean
make_ids (Finish *finish, GError **error)
{
  LadderImportBuilder *builder = finish->builder;
  guint n = builder->rows->len;
  g_autofree char **cleaned = g_new0 (char *, n);

  for (guint r = 0; r < n; r++)
    {
      cleaned[r] = clean_id (finish->raw[r]);
      keep_key (finish, cleaned[r]);
      match_table_add (&finish->cleaned, cleaned[r], r);
      match_table_add (&finish->ids, finish->raw[r], r);
      if (row_at (finish, r)->fields[LADDER_IMPORT_ID] != NULL)
        match_table_add (&finish->ids, row_at (finish, r)->fields[LADDER_IMPORT_ID], r);
    }

  ladder_chart_reserve_records (finish->chart, n);
  for (guint r = 0; r < n; r++)
    {
      guint one, two;
      g_autofree char *id = NULL;

      if (match_table_find (&finish->cleaned, cleaned[r], &one, &two) == MATCH_MANY)
        id = id_with_hash (cleaned[r], finish->raw[r]);
      else
        id = g_strdup (cleaned[r]);

      finish->persons[r] = ladder_chart_append_record (finish->chart, id, g_intern_static_string ("other"),
                                                       row_at (finish, r)->line);
      if (finish->persons[r] == LADDER_NONE)
        {
          guint first = ladder_chart_lookup (finish->chart, id);

          ladder_import_set_error (error, LADDER_CHART_ERROR_DUPLICATE_ID, builder->name,
                                   row_at (finish, r)->line,
                                   _("duplicate id “%s” (first used on line %u)"), id,
                                   ladder_chart_get_line (finish->chart, first));
          return FALSE;
        }
      match_table_add (&finish->ids, ladder_chart_get_id (finish->chart, finish->persons[r]), r);

      if (row_at (finish, r)->fields[LADDER_IMPORT_EMAIL] != NULL)
        match_table_add (&finish->emails,
                         keep_key (finish, g_utf8_casefold (row_at (finish, r)->fields[LADDER_IMPORT_EMAIL], -1)),
                         r);
    }
  return TRUE;
}

/* Names are looked up only for a value that is no id or email (most HR
 * exports give ids): the table is made the first time one is. */
static void
index_names (Finish *finish)
{
  if (finish->names_indexed)
    return;
  finish->names_indexed = TRUE;
  for (guint r = 0; r < finish->builder->rows->len; r++)
    if (finish->names[r] != NULL)
      match_table_add (&finish->by_name, keep_key (finish, name_key (finish->names[r])), r);
}

/* Finds who @value names: an id (raw, final or cleaned), an email, a name
 * ("First Last" or "Last, First" when @names).  On two candidates, sets
 * @error naming @line and @value. */
static MatchResult
find_person (Finish *finish, const char *value, gboolean names, guint line, guint *row,
             GError **error)
{
  g_autofree char *cleaned = clean_id (value);
  g_autofree char *folded = g_utf8_casefold (value, -1);
  g_autofree char *key = NULL;
  guint one = 0, two = 0;
  MatchResult result;
  const char *comma;

  result = match_table_find (&finish->ids, value, &one, &two);
  if (result == MATCH_NONE)
    result = match_table_find (&finish->cleaned, cleaned, &one, &two);
  if (result == MATCH_NONE)
    result = match_table_find (&finish->emails, folded, &one, &two);
  if (result == MATCH_NONE && names)
    {
      index_names (finish);
      key = name_key (value);
      result = match_table_find (&finish->by_name, key, &one, &two);
    }
  comma = strchr (value, ',');
  if (result == MATCH_NONE && names && comma != NULL)
    {
      g_autofree char *last = g_strndup (value, comma - value);
      g_autofree char *turned = g_strconcat (comma + 1, " ", last, NULL);

      g_free (key);
      key = name_key (turned);
      result = match_table_find (&finish->by_name, key, &one, &two);
    }

  if (result == MATCH_MANY)
    ladder_import_set_error (error, LADDER_CHART_ERROR_INVALID, finish->builder->name, line,
                             _("the manager “%s” could be more than one person (lines %u and %u); "
                               "give the manager's id or email"),
                             value, row_at (finish, MIN (one, two))->line,
                             row_at (finish, MAX (one, two))->line);
  *row = one;
  return result;
}

/* One warning for all of @values, none when there are none.  @format,
 * chosen by the caller with ngettext(), takes the count and the list. */
static void
warn_values (Finish *finish, GPtrArray *warnings, GPtrArray *values, gboolean quoted,
             const char *format)
{
  g_autofree char *list = NULL;

  if (values->len == 0)
    return;
  list = ladder_import_list_values (values, quoted);
  ladder_import_warn (warnings, finish->builder->name, 0, format, values->len, list);
}

static gboolean
link_managers (Finish *finish, GPtrArray *warnings, GError **error)
{
  LadderImportBuilder *builder = finish->builder;
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < builder->rows->len; r++)
    {
      Row *row = row_at (finish, r);
      const char *value = row->fields[LADDER_IMPORT_MANAGER];
      guint manager = row->parent;

      if (manager == LADDER_IMPORT_NO_ROW && value != NULL)
        {
          switch (find_person (finish, value, TRUE, row->line, &manager, error))
            {
            case MATCH_MANY:
              return FALSE;
            case MATCH_NONE:
              g_ptr_array_add (unmatched, g_strdup_printf (_("“%s” (line %u)"), value, row->line));
              manager = LADDER_IMPORT_NO_ROW;
              break;
            case MATCH_ONE:
              /* Some exports give the top person as their own manager. */
              if (manager == r)
                manager = LADDER_IMPORT_NO_ROW;
              break;
            }
        }
      if (manager != LADDER_IMPORT_NO_ROW)
        ladder_chart_get_record (finish->chart, finish->persons[r])->manager = finish->persons[manager];
    }

  warn_values (finish, warnings, unmatched, FALSE,
               ngettext ("%u manager is no one in the file, so the person is at the top: %s",
                         "%u managers are no one in the file, so their people are at the top: %s",
                         unmatched->len));
  return TRUE;
}

static gboolean
link_dotted (Finish *finish, GPtrArray *warnings, GError **error)
{
  LadderImportBuilder *builder = finish->builder;
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  LadderDottedSeen seen = { 0 };

  for (guint r = 0; r < builder->rows->len; r++)
    {
      Row *row = row_at (finish, r);
      g_auto(GStrv) targets = NULL;
      LadderPersonRecord *record;

      if (row->fields[LADDER_IMPORT_DOTTED] == NULL)
        continue;
      targets = g_strsplit_set (row->fields[LADDER_IMPORT_DOTTED], " ;\t", -1);
      record = ladder_chart_get_record (finish->chart, finish->persons[r]);
      for (guint k = 0; targets[k] != NULL; k++)
        {
          guint to = 0, person;
          gboolean again = FALSE;

          if (targets[k][0] == '\0')
            continue;
          switch (find_person (finish, targets[k], FALSE, row->line, &to, error))
            {
            case MATCH_MANY:
              ladder_dotted_seen_clear (&seen);
              return FALSE;
            case MATCH_NONE:
              g_ptr_array_add (unmatched, g_strdup_printf (_("“%s” (line %u)"), targets[k], row->line));
              continue;
            case MATCH_ONE:
              break;
            }
          person = finish->persons[to];
          again = to != r && !ladder_dotted_seen_add (&seen, finish->chart, finish->persons[r], person);
          if (to == r || again)
            continue;
          /* Grown by doubling: a person may have 200,000. */
          if ((record->n_dotted & (record->n_dotted - 1)) == 0)
            record->dotted = g_renew (guint, record->dotted, MAX (record->n_dotted * 2, 1));
          record->dotted[record->n_dotted++] = person;
        }
    }
  ladder_dotted_seen_clear (&seen);

  warn_values (finish, warnings, unmatched, FALSE,
               ngettext ("%u dotted line goes to no one in the file and was left out: %s",
                         "%u dotted lines go to no one in the file and were left out: %s",
                         unmatched->len));
  return TRUE;
}

static void
give_roles_and_fields (Finish *finish, GPtrArray *warnings)
{
  LadderImportBuilder *builder = finish->builder;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GHashTable) unknown_seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* Title → role id (or "" for none): a title repeats on many rows. */
  g_autoptr(GHashTable) by_title = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < builder->rows->len; r++)
    {
      Row *row = row_at (finish, r);
      LadderPersonRecord *record = ladder_chart_get_record (finish->chart, finish->persons[r]);
      const char *role_text = row->fields[LADDER_IMPORT_ROLE];
      const char *title = row->fields[LADDER_IMPORT_TITLE];
      const LadderRole *role = NULL;
      gboolean flag;

      if (role_text != NULL)
        {
          /* An unknown role is kept as written: the unknown-role rule
           * reports it with its line. */
          role = ladder_catalogue_find_role (builder->catalogue, role_text);
          record->role = g_intern_string (role ? role->id : role_text);
        }
      else if (title != NULL)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (title));
          const char *chosen = ladder_import_options_role_for_title (builder->options, stripped);

          if (chosen == NULL)
            chosen = g_hash_table_lookup (by_title, title);
          if (chosen == NULL)
            {
              role = ladder_catalogue_role_for_title (builder->catalogue, stripped);
              chosen = role != NULL ? g_intern_string (role->id) : "";
              g_hash_table_insert (by_title, (gpointer) title, (gpointer) chosen);
            }
          if (chosen[0] != '\0')
            record->role = chosen;
          else if (stripped[0] != '\0' && !g_hash_table_contains (unknown_seen, title))
            {
              g_hash_table_add (unknown_seen, (gpointer) title);
              g_ptr_array_add (unknown, (gpointer) title);
            }
        }

      if (finish->names[r] != NULL)
        record->name = ladder_chart_copy_text (finish->chart, finish->names[r], strlen (finish->names[r]));
      if (title != NULL)
        record->title = ladder_chart_copy_text (finish->chart, title, strlen (title));
      if (row->fields[LADDER_IMPORT_NOTE] != NULL)
        record->note = ladder_chart_copy_text (finish->chart, row->fields[LADDER_IMPORT_NOTE],
                                               strlen (row->fields[LADDER_IMPORT_NOTE]));
      parse_flag (row->fields[LADDER_IMPORT_VACANT], &flag);
      record->vacant = flag;
      parse_flag (row->fields[LADDER_IMPORT_ASSISTANT], &flag);
      record->assistant = flag;
    }

  warn_values (finish, warnings, unknown, TRUE,
               ngettext ("%u title was not recognised; its people have the role Other: %s",
                         "%u titles were not recognised; their people have the role Other: %s",
                         unknown->len));
}

static gboolean
link_chart (Finish *finish, GError **error)
{
  LadderChart *chart = finish->chart;
  g_autofree guint *cycle = NULL;
  g_autofree char *path = NULL;
  guint n_cycle = 0, line = 0;

  if (ladder_chart_link_records (chart, &cycle, &n_cycle))
    return TRUE;
  path = ladder_text_cycle (chart, cycle, n_cycle, &line);
  ladder_import_set_error (error, LADDER_CHART_ERROR_CYCLE, finish->builder->name, line,
                           _("the reporting lines form a cycle: %s"), path);
  return FALSE;
}

/* Many roots while a column nobody used names other people: the file's
 * managers are most likely in that column.  Said, never guessed. */
static void
warn_flattened (Finish *finish, GPtrArray *warnings)
{
  LadderImportBuilder *builder = finish->builder;
  g_autoptr(GHashTable) hits = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  guint n_roots = ladder_chart_get_n_roots (finish->chart);

  if (n_roots < 2)
    return;
  for (guint i = 0; i < builder->unused->len; i++)
    {
      Unused *unused = &g_array_index (builder->unused, Unused, i);
      guint row = 0;
      g_autoptr(GError) ignored = NULL;
      guint total = GPOINTER_TO_UINT (g_hash_table_lookup (totals, unused->column));

      g_hash_table_insert (totals, (gpointer) unused->column, GUINT_TO_POINTER (total + 1));
      if (find_person (finish, unused->value, TRUE, 0, &row, &ignored) != MATCH_NONE
          && row != unused->row)
        g_hash_table_insert (hits, (gpointer) unused->column,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (hits, unused->column)) + 1));
    }
  for (guint i = 0; i < builder->unused->len; i++)
    {
      const char *column = g_array_index (builder->unused, Unused, i).column;
      guint hit = GPOINTER_TO_UINT (g_hash_table_lookup (hits, column));
      guint total = GPOINTER_TO_UINT (g_hash_table_lookup (totals, column));

      /* Half its values name someone else in the file. */
      if (hit > 0 && 2 * hit >= total && !g_ptr_array_find (columns, column, NULL))
        g_ptr_array_add (columns, (gpointer) column);
    }
  for (guint i = 0; i < columns->len; i++)
    ladder_import_warn (warnings, builder->name, 0,
                        _("%u people are at the top, and the unused column “%s” looks like it names "
                          "other people in the file; if it holds the managers, use --column manager=%s"),
                        n_roots, (const char *) g_ptr_array_index (columns, i),
                        (const char *) g_ptr_array_index (columns, i));
}

LadderChart *
ladder_import_builder_finish (LadderImportBuilder *builder,
                              GPtrArray           *warnings,
                              GError             **error)
{
  g_autoptr(LadderChart) chart = ladder_chart_new ();
  guint n = builder->rows->len;
  Finish finish = { builder, chart };
  gboolean ok;

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  finish.raw = g_new0 (const char *, MAX (n, 1));
  finish.names = g_new0 (char *, MAX (n, 1) + 1);
  finish.persons = g_new (guint, MAX (n, 1));
  finish.keys = g_ptr_array_new_with_free_func (g_free);
  match_table_init (&finish.ids);
  match_table_init (&finish.cleaned);
  match_table_init (&finish.emails);
  match_table_init (&finish.by_name);

  /* Between the passes, a cancelled worker stops (each pass is a fraction
   * of a second at a million people). */
  ok = read_rows (&finish, error)
       && !ladder_progress_check_cancelled (error)
       && make_ids (&finish, error)
       && !ladder_progress_check_cancelled (error)
       && link_managers (&finish, warnings, error)
       && link_dotted (&finish, warnings, error)
       && !ladder_progress_check_cancelled (error);
  if (ok)
    give_roles_and_fields (&finish, warnings);
  ok = ok && !ladder_progress_check_cancelled (error) && link_chart (&finish, error);
  if (ok)
    warn_flattened (&finish, warnings);

  match_table_clear (&finish.ids);
  match_table_clear (&finish.cleaned);
  match_table_clear (&finish.emails);
  match_table_clear (&finish.by_name);
  g_ptr_array_unref (finish.keys);
  for (guint r = 0; r < n; r++)
    g_free (finish.names[r]);
  g_free (finish.names);
  g_free (finish.raw);
  g_free (finish.persons);
  return ok ? g_steal_pointer (&chart) : NULL;
}
