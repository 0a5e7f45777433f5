/* ladder-csv.c — CSV import and export (SPEC "CSV")
 *
 * The reader is a single forward pass over the bytes: a small tokenizer
 * hands out one record at a time (RFC 4180: quoted fields may hold commas,
 * doubled quotes and line breaks), each record becomes a person appended
 * with the private bulk API, and once every row is in, manager ids are
 * resolved and the hierarchy is linked in one go.  Nothing is quadratic
 * and nothing recurses, so a million rows or a field of many megabytes
 * load as well as ten.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-io.h"
#include "ladder-chart-private.h"
#include "ladder-text.h"

typedef enum {
  COLUMN_ID,
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_MANAGER,
  COLUMN_TITLE,
  COLUMN_VACANT,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

/* Also the header the writer puts out, in this order. */
static const char * const column_names[N_COLUMNS] = {
  "id", "name", "role", "manager", "title", "vacant", "note",
};

/* ---- tokenizer ---- */

typedef struct {
  const char *name;             /* for messages */
  const char *pos;
  const char *end;
  guint       line;             /* physical line of pos, from 1 */

  /* The current record: field texts back to back, each NUL-terminated,
   * in one buffer reused from record to record. */
  GString    *buffer;
  GArray     *starts;           /* gsize offsets into buffer */
  guint       record_line;      /* where the current record starts */
} CsvReader;

static void
csv_reader_init (CsvReader  *reader,
                 const char *name,
                 const char *data,
                 gsize       length)
{
  reader->name = name;
  reader->pos = data;
  reader->end = data + length;
  reader->line = 1;
  reader->buffer = g_string_sized_new (256);
  reader->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->record_line = 0;
}

static void
csv_reader_clear (CsvReader *reader)
{
  g_string_free (reader->buffer, TRUE);
  g_array_unref (reader->starts);
}

static guint
csv_reader_n_fields (CsvReader *reader)
{
  return reader->starts->len;
}

static const char *
csv_reader_field (CsvReader *reader,
                  guint      index)
{
  g_assert (index < reader->starts->len);
  return reader->buffer->str + g_array_index (reader->starts, gsize, index);
}

static void
set_error (GError    **error,
           int         code,
           const char *name,
           guint       line,
           const char *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError    **error,
           int         code,
           const char *name,
           guint       line,
           const char *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (strlen (what) > LADDER_TEXT_MESSAGE_MAX)
    {
      char *shorter = ladder_text_shorten (what, LADDER_TEXT_MESSAGE_MAX);

      g_free (what);
      what = shorter;
    }

  /* "error" stays English, like a compiler's, so that editors and CI
   * can parse the line in any locale; WHAT is translated. */
  g_set_error (error, LADDER_CHART_ERROR, code, "%s:%u: error: %s", name, line, what);
}

/* Line breaks are LF, CRLF or a lone CR; each counts as one line, the
 * same way in and out of quotes, so that LINE matches an editor. */
static guint
count_line_breaks (const char *p,
                   const char *end)
{
  guint n = 0;

  for (; p < end; p++)
    {
      if (*p == '\n')
        n++;
      else if (*p == '\r' && (p + 1 >= end || p[1] != '\n'))
        n++;
    }
  return n;
}

static void
csv_reader_end_field (CsvReader *reader)
{
  g_string_append_c (reader->buffer, '\0');
}

static void
csv_reader_begin_field (CsvReader *reader)
{
  gsize start = reader->buffer->len;

  g_array_append_val (reader->starts, start);
}

/* Reads the rest of a quoted field, the opening quote already consumed.
 * Returns FALSE (with @error) when the closing quote never comes. */
static gboolean
csv_reader_quoted (CsvReader *reader,
                   GError   **error)
{
  guint first_line = reader->line;

  for (;;)
    {
      const char *quote = memchr (reader->pos, '"', reader->end - reader->pos);

      if (quote == NULL)
        {
          set_error (error, LADDER_CHART_ERROR_PARSE, reader->name, first_line,
                     _("a quoted field starting on this line has no closing quote"));
          return FALSE;
        }
      reader->line += count_line_breaks (reader->pos, quote);
      g_string_append_len (reader->buffer, reader->pos, quote - reader->pos);
      reader->pos = quote + 1;

      if (reader->pos < reader->end && *reader->pos == '"')
        {
          g_string_append_c (reader->buffer, '"');
          reader->pos++;
          continue;
        }
      return TRUE;
    }
}

/* Consumes a line end at pos if there is one. */
static gboolean
csv_reader_line_end (CsvReader *reader)
{
  if (reader->pos >= reader->end)
    return FALSE;
  if (*reader->pos == '\n')
    {
      reader->pos++;
      reader->line++;
      return TRUE;
    }
  if (*reader->pos == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->end && *reader->pos == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
  return FALSE;
}

/* Fills the next record.  Returns FALSE at the end of the data, or with
 * @error set.  Empty lines are skipped. */
static gboolean
csv_reader_next (CsvReader *reader,
                 GError   **error)
{
  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->starts, 0);

  while (csv_reader_line_end (reader))
    ;
  if (reader->pos >= reader->end)
    return FALSE;

  reader->record_line = reader->line;

  for (;;)
    {
      const char *p = reader->pos;
      gboolean blank = TRUE;
      gsize start;

      csv_reader_begin_field (reader);
      start = reader->buffer->len;

      /* Unquoted text, up to a comma or a line end.  A quote after only
       * blanks opens a quoted field (the blanks are dropped); elsewhere a
       * quote is kept as a plain character, as spreadsheets do. */
      while (p < reader->end && *p != ',' && *p != '\n' && *p != '\r')
        {
          if (*p == '"' && blank)
            break;
          if (*p != ' ' && *p != '\t')
            blank = FALSE;
          p++;
        }

      if (p < reader->end && *p == '"')
        {
          reader->pos = p + 1;
          if (!csv_reader_quoted (reader, error))
            return FALSE;

          /* Blanks may follow the closing quote; nothing else may. */
          p = reader->pos;
          while (p < reader->end && (*p == ' ' || *p == '\t'))
            p++;
          if (p < reader->end && *p != ',' && *p != '\n' && *p != '\r')
            {
              set_error (error, LADDER_CHART_ERROR_PARSE, reader->name, reader->line,
                         _("unexpected text after the closing quote of field %u "
                           "(a quote inside a quoted field is written twice: \"\")"),
                         csv_reader_n_fields (reader));
              return FALSE;
            }
        }
      else
        {
          g_assert (reader->buffer->len == start);
          g_string_append_len (reader->buffer, reader->pos, p - reader->pos);
        }

      reader->pos = p;
      csv_reader_end_field (reader);

      if (p < reader->end && *p == ',')
        {
          reader->pos++;
          continue;
        }
      csv_reader_line_end (reader);
      return TRUE;
    }
}

/* ---- building the chart ---- */

typedef struct {
  const char      *name;
  LadderCatalogue *catalogue;
  LadderChart     *chart;
  int              columns[N_COLUMNS];   /* field index, or -1 */
  guint            n_header_fields;
  /* Per person slot: the manager id as written (in @strings), or NULL. */
  GPtrArray       *managers;
  GStringChunk    *strings;
} CsvBuilder;

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static gboolean
read_header (CsvBuilder *builder,
             CsvReader  *reader,
             GPtrArray  *warnings,
             GError    **error)
{
  static const Column required[] = { COLUMN_ID, COLUMN_ROLE };
  g_autoptr(GString) unknown = g_string_new (NULL);
  guint n = csv_reader_n_fields (reader), n_unknown = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    builder->columns[c] = -1;
  builder->n_header_fields = n;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = dup_stripped (csv_reader_field (reader, i));
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (g_ascii_strcasecmp (name, column_names[c]) == 0)
          break;

      if (c == N_COLUMNS)
        {
          g_autofree char *shown = ladder_text_shorten (name[0] ? name : "\"\"", LADDER_TEXT_QUOTE_MAX);

          if (n_unknown++ >= LADDER_TEXT_LIST_SHOWN)
            continue;
          if (unknown->len > 0)
            g_string_append (unknown, ", ");
          g_string_append (unknown, shown);
          continue;
        }
      if (builder->columns[c] >= 0)
        {
          set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, reader->record_line,
                     _("the column “%s” appears twice in the header"), column_names[c]);
          return FALSE;
        }
      builder->columns[c] = (int) i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const char *first = csv_reader_field (reader, 0);

      if (builder->columns[required[i]] >= 0)
        continue;
      /* Spreadsheets in many locales export with semicolons or tabs;
       * say so rather than only "no id column". */
      if (n == 1 && strpbrk (first, ";\t") != NULL)
        set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, reader->record_line,
                   _("the header has no “%s” column: the columns seem to be separated "
                     "by %s; save the file as comma-separated values"),
                   column_names[required[i]],
                   strchr (first, ';') ? _("semicolons") : _("tabs"));
      else
        set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, reader->record_line,
                   _("the header has no “%s” column (required: id, role; "
                     "optional: name, manager, title, vacant, note)"),
                   column_names[required[i]]);
      return FALSE;
    }

  ladder_text_append_more (unknown, n_unknown - MIN (n_unknown, LADDER_TEXT_LIST_SHOWN));
  if (unknown->len > 0 && warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf ("%s:%u: warning: %s: %s", builder->name,
                                      reader->record_line, _("unknown columns ignored"),
                                      unknown->str));
  return TRUE;
}

/* The field of @column in the current record; "" when the column is
 * absent or the row is short. */
static const char *
get_column (CsvBuilder *builder,
            CsvReader  *reader,
            Column      column)
{
  int index = builder->columns[column];

  if (index < 0 || (guint) index >= csv_reader_n_fields (reader))
    return "";
  return csv_reader_field (reader, index);
}

static gboolean
parse_vacant (const char *text,
              gboolean   *vacant)
{
  static const char * const yes[] = { "true", "yes", "1" };
  static const char * const no[] = { "false", "no", "0", "" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *vacant = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *vacant = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* A row whose every field is blank (",,," from a spreadsheet) is no one. */
static gboolean
record_is_blank (CsvReader *reader)
{
  for (guint i = 0; i < csv_reader_n_fields (reader); i++)
    {
      const char *p = csv_reader_field (reader, i);

      for (; *p; p++)
        if (*p != ' ' && *p != '\t')
          return FALSE;
    }
  return TRUE;
}

static char *
dup_unless_empty (const char *text)
{
  return text[0] ? g_strdup (text) : NULL;
}

static gboolean
read_person (CsvBuilder *builder,
             CsvReader  *reader,
             GError    **error)
{
  guint line = reader->record_line;
  g_autofree char *id = dup_stripped (get_column (builder, reader, COLUMN_ID));
  g_autofree char *role_text = dup_stripped (get_column (builder, reader, COLUMN_ROLE));
  g_autofree char *manager = dup_stripped (get_column (builder, reader, COLUMN_MANAGER));
  g_autofree char *vacant_text = dup_stripped (get_column (builder, reader, COLUMN_VACANT));
  const LadderRole *role;
  LadderPersonRecord *rec;
  gboolean vacant = FALSE;
  guint person;

  if (csv_reader_n_fields (reader) > builder->n_header_fields)
    {
      set_error (error, LADDER_CHART_ERROR_PARSE, builder->name, line,
                 _("this row has %u fields but the header has %u"),
                 csv_reader_n_fields (reader), builder->n_header_fields);
      return FALSE;
    }
  if (id[0] == '\0')
    {
      set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, line,
                 _("the id is empty"));
      return FALSE;
    }
  if (!ladder_id_is_valid (id))
    {
      g_autofree char *shown = ladder_text_shorten (id, LADDER_TEXT_QUOTE_MAX);

      set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, line,
                 _("invalid id “%s” (use 1–64 characters of A-Z, a-z, 0-9, _ . -)"), shown);
      return FALSE;
    }
  if (role_text[0] == '\0')
    {
      set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, line,
                 _("%s has no role"), id);
      return FALSE;
    }
  if (!parse_vacant (vacant_text, &vacant))
    {
      set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, line,
                 _("vacant is “%s”; use true or false"), vacant_text);
      return FALSE;
    }
  if (manager[0] != '\0' && !ladder_id_is_valid (manager))
    {
      g_autofree char *shown = ladder_text_shorten (manager, LADDER_TEXT_QUOTE_MAX);

      set_error (error, LADDER_CHART_ERROR_INVALID, builder->name, line,
                 _("invalid manager id “%s” (use 1–64 characters of A-Z, a-z, 0-9, _ . -)"),
                 shown);
      return FALSE;
    }

  person = ladder_chart_lookup (builder->chart, id);
  if (person != LADDER_NONE)
    {
      set_error (error, LADDER_CHART_ERROR_DUPLICATE_ID, builder->name, line,
                 _("duplicate id “%s” (first used on line %u)"), id,
                 ladder_chart_get_line (builder->chart, person));
      return FALSE;
    }

  /* An unknown role is kept as written: the unknown-role rule reports it
   * with its line, which tells the user more than a refused file. */
  role = ladder_catalogue_find_role (builder->catalogue, role_text);
  person = ladder_chart_append_record (builder->chart, id,
                                       g_intern_string (role ? role->id : role_text), line);
  g_assert (person != LADDER_NONE);

  rec = ladder_chart_get_record (builder->chart, person);
  rec->name = dup_unless_empty (get_column (builder, reader, COLUMN_NAME));
  rec->title = dup_unless_empty (get_column (builder, reader, COLUMN_TITLE));
  rec->note = dup_unless_empty (get_column (builder, reader, COLUMN_NOTE));
  rec->vacant = vacant;

  if (builder->managers->len <= person)
    g_ptr_array_set_size (builder->managers, person + 1);
  if (manager[0] != '\0')
    g_ptr_array_index (builder->managers, person) =
      g_string_chunk_insert (builder->strings, manager);
  return TRUE;
}

static gboolean
link_people (CsvBuilder *builder,
             GError    **error)
{
  LadderChart *chart = builder->chart;
  g_autofree guint *cycle = NULL;
  guint n_cycle = 0;

  for (guint person = 0; person < builder->managers->len; person++)
    {
      const char *manager_id = g_ptr_array_index (builder->managers, person);
      guint manager;

      if (manager_id == NULL)
        continue;
      manager = ladder_chart_lookup (chart, manager_id);
      if (manager == LADDER_NONE)
        {
          set_error (error, LADDER_CHART_ERROR_DANGLING, builder->name,
                     ladder_chart_get_line (chart, person),
                     _("the manager “%s” of %s is no one on the chart"),
                     manager_id, ladder_chart_get_id (chart, person));
          return FALSE;
        }
      ladder_chart_get_record (chart, person)->manager = manager;
    }

  if (!ladder_chart_link_records (chart, &cycle, &n_cycle))
    {
      g_autofree char *path = NULL;
      guint line = 0;

      path = ladder_text_cycle (chart, cycle, n_cycle, &line);
      set_error (error, LADDER_CHART_ERROR_CYCLE, builder->name, line,
                 _("the reporting lines form a cycle: %s"), path);
      return FALSE;
    }
  return TRUE;
}

/* Refuses bytes that are not UTF-8 before anything else, naming the
 * line, so that no half-decoded name ever reaches the chart. */
static gboolean
check_utf8 (const char *name,
            const char *data,
            gsize       length,
            GError    **error)
{
  const char *bad;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && ((guchar) data[1] == 0xFF || (guchar) data[1] == 0xFE))
    {
      set_error (error, LADDER_CHART_ERROR_PARSE, name, 1,
                 _("the file is UTF-16 text; save it as UTF-8 CSV"));
      return FALSE;
    }
  set_error (error, LADDER_CHART_ERROR_PARSE, name, 1 + count_line_breaks (data, bad),
             *bad == '\0' ? _("the file contains a NUL byte")
                          : _("the file is not valid UTF-8 (save it as UTF-8)"));
  return FALSE;
}

LadderChart *
ladder_csv_read_memory (const char      *data,
                        gsize            length,
                        const char      *display_name,
                        LadderCatalogue *catalogue,
                        GPtrArray       *warnings,
                        GError         **error)
{
  g_autoptr(LadderChart) chart = NULL;
  CsvBuilder builder = { 0 };
  CsvReader reader;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || LADDER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!check_utf8 (display_name, data, length, error))
    return NULL;

  chart = ladder_chart_new ();
  builder.name = display_name;
  builder.catalogue = catalogue ? catalogue : ladder_catalogue_get_default ();
  builder.chart = chart;
  builder.managers = g_ptr_array_new ();
  builder.strings = g_string_chunk_new (4096);

  csv_reader_init (&reader, display_name, data, length);

  ok = csv_reader_next (&reader, &local_error);
  if (!ok && local_error == NULL)
    set_error (&local_error, LADDER_CHART_ERROR_INVALID, display_name, 1,
               _("the file is empty; a CSV chart starts with a header row "
                 "naming its columns (id, role, ...)"));
  ok = ok && read_header (&builder, &reader, warnings, &local_error);

  while (ok && csv_reader_next (&reader, &local_error))
    {
      if (record_is_blank (&reader))
        continue;
      ok = read_person (&builder, &reader, &local_error);
    }
  ok = ok && local_error == NULL && link_people (&builder, &local_error);

  csv_reader_clear (&reader);
  g_ptr_array_unref (builder.managers);
  g_string_chunk_free (builder.strings);

  if (!ok || local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&chart);
}

LadderChart *
ladder_csv_read_file (const char      *path,
                      LadderCatalogue *catalogue,
                      GPtrArray       *warnings,
                      GError         **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = ladder_read_file (path, &length, NULL, NULL, error);
  if (data == NULL)
    return NULL;
  return ladder_csv_read_memory (data, length, path, catalogue, warnings, error);
}

/* ---- writer ---- */

static gboolean
needs_quotes (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return FALSE;
  /* Blanks at either end would be trimmed by many readers. */
  if (text[0] == ' ' || text[0] == '\t' || text[length - 1] == ' ' || text[length - 1] == '\t')
    return TRUE;
  return strpbrk (text, ",\"\r\n") != NULL;
}

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;
  if (!needs_quotes (text))
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; )
    {
      const char *quote = strchr (p, '"');

      if (quote == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, quote + 1 - p);
      g_string_append_c (out, '"');
      p = quote + 1;
    }
  g_string_append_c (out, '"');
}

/* Rows end in CRLF, as RFC 4180 asks and as spreadsheets expect; line
 * breaks inside a note are written as they are, inside quotes. */
#define CSV_EOL "\r\n"

char *
ladder_csv_write (LadderChart *chart,
                  gsize       *length)
{
  g_autofree guint *order = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  out = g_string_sized_new (64 + 64 * (gsize) ladder_chart_get_n_people (chart));
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, column_names[c]);
    }
  g_string_append (out, CSV_EOL);

  order = g_new (guint, MAX (1, ladder_chart_get_n_people (chart)));
  n = ladder_chart_preorder (chart, order, FALSE);

  for (guint i = 0; i < n; i++)
    {
      guint person = order[i];
      guint manager = ladder_chart_get_manager (chart, person);

      append_field (out, ladder_chart_get_id (chart, person));
      g_string_append_c (out, ',');
      append_field (out, ladder_chart_get_name (chart, person));
      g_string_append_c (out, ',');
      append_field (out, ladder_chart_get_role (chart, person));
      g_string_append_c (out, ',');
      if (manager != LADDER_NONE)
        append_field (out, ladder_chart_get_id (chart, manager));
      g_string_append_c (out, ',');
      append_field (out, ladder_chart_get_person_title (chart, person));
      g_string_append_c (out, ',');
      if (ladder_chart_get_vacant (chart, person))
        g_string_append (out, "true");
      g_string_append_c (out, ',');
      append_field (out, ladder_chart_get_note (chart, person));
      g_string_append (out, CSV_EOL);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
