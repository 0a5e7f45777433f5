/* ladder-csv.c — delimited text in and out (SPEC, second part, "Import";
 * "Export", CSV)
 *
 * The reader is a single forward pass over the bytes: a small tokenizer
 * hands out one record at a time (RFC 4180: quoted fields may hold the
 * delimiter, doubled quotes and line breaks), and each record goes to the
 * import builder (ladder-import-build.c), which makes the chart once every
 * row is in.  Nothing is quadratic and nothing recurses, so a million
 * rows or a field of many megabytes load as well as ten.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-io.h"
#include "ladder-import-private.h"
#include "ladder-progress.h"

/* What the writer puts out, in this order (SPEC "Export"). */
static const char * const export_columns[] = {
  "id", "name", "role", "manager", "title", "vacant", "assistant", "dotted", "note",
};

/* ---- tokenizer ---- */

typedef struct {
  const char *name;             /* for messages */
  const char *pos;
  const char *end;
  char        delimiter;
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
  reader->delimiter = ',';
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

#define set_error ladder_import_set_error

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

      /* Unquoted text, up to a delimiter or a line end.  A quote after only
       * blanks opens a quoted field (the blanks are dropped); elsewhere a
       * quote is kept as a plain character, as spreadsheets do. */
      while (p < reader->end && *p != reader->delimiter && *p != '\n' && *p != '\r')
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
          while (p < reader->end && (*p == ' ' || *p == '\t') && *p != reader->delimiter)
            p++;
          if (p < reader->end && *p != reader->delimiter && *p != '\n' && *p != '\r')
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

      if (p < reader->end && *p == reader->delimiter)
        {
          reader->pos++;
          continue;
        }
      csv_reader_line_end (reader);
      return TRUE;
    }
}

/* ---- before the header ---- */

static gboolean
at_line_start_with (CsvReader *reader, const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (reader->end - reader->pos) >= n
         && g_ascii_strncasecmp (reader->pos, prefix, n) == 0;
}

static void
skip_line (CsvReader *reader)
{
  while (reader->pos < reader->end && *reader->pos != '\n' && *reader->pos != '\r')
    reader->pos++;
  csv_reader_line_end (reader);
}

/* Excel's "sep=X" first line, then draw.io's "#" configuration lines
 * (and blank lines) before the header.  TRUE when "sep=" chose the
 * delimiter. */
static gboolean
skip_preamble (CsvReader *reader)
{
  gboolean chosen = FALSE;

  if (at_line_start_with (reader, "sep=") && reader->end - reader->pos >= 5)
    {
      const char *after = reader->pos + 5;

      if ((after >= reader->end || *after == '\n' || *after == '\r')
          && strchr ("\"\n\r", reader->pos[4]) == NULL)
        {
          reader->delimiter = reader->pos[4];
          chosen = TRUE;
          skip_line (reader);
        }
    }
  for (;;)
    {
      while (csv_reader_line_end (reader))
        ;
      if (!at_line_start_with (reader, "#"))
        return chosen;
      skip_line (reader);
    }
}

/* The delimiter the header line uses most, outside quotes: comma,
 * semicolon, tab or "|", in that order on a tie; a comma when none. */
static char
guess_delimiter (const char *p, const char *end)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (*p == candidates[k])
            counts[k]++;
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* After the preamble: the options' delimiter, else sep='s, else the
 * header's. */
static void
choose_delimiter (CsvReader *reader, const LadderImportOptions *options)
{
  gboolean chosen = skip_preamble (reader);

  if (ladder_import_options_get_delimiter (options) != 0)
    reader->delimiter = ladder_import_options_get_delimiter (options);
  else if (!chosen)
    reader->delimiter = guess_delimiter (reader->pos, reader->end);
}

/* ---- rows ---- */

/* Reading back what the writer neutralised: one leading "'" before a
 * character a spreadsheet would take as the start of a formula. */
static const char *
unneutralise (const char *text)
{
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r'", text[1]) != NULL)
    return text + 1;
  return text;
}

/* Spreadsheets read only the first rows for a guess; so does the check
 * for managers left in an unused column. */
#define UNUSED_SAMPLE_ROWS 1000

typedef struct {
  const char          *name;
  LadderImportBuilder *builder;
  int                  columns[LADDER_IMPORT_N_FIELDS];
  guint                n_header_fields;
  char               **headers;      /* as written, n_header_fields of them */
  gboolean            *used;
} CsvImport;

static void
csv_import_clear (CsvImport *import)
{
  g_strfreev (import->headers);
  g_free (import->used);
}

static gboolean
read_header (CsvImport           *import,
             CsvReader           *reader,
             const LadderImportOptions *options,
             GPtrArray           *warnings,
             GError             **error)
{
  guint n = csv_reader_n_fields (reader);
  g_autoptr(GPtrArray) unused = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *missing = NULL;

  import->n_header_fields = n;
  import->headers = g_new0 (char *, n + 1);
  import->used = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    import->headers[i] = g_strstrip (g_strdup (csv_reader_field (reader, i)));

  if (!ladder_import_choose_columns (options, (const char * const *) import->headers, n,
                                     import->columns, &missing))
    {
      set_error (error, LADDER_CHART_ERROR_INVALID, import->name, reader->record_line,
                 _("--column names “%s”, but the header has no such column"), missing);
      return FALSE;
    }
  if (import->columns[LADDER_IMPORT_ID] < 0 && import->columns[LADDER_IMPORT_EMAIL] < 0
      && import->columns[LADDER_IMPORT_NAME] < 0 && import->columns[LADDER_IMPORT_FIRST_NAME] < 0
      && import->columns[LADDER_IMPORT_LAST_NAME] < 0)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      g_autofree char *all = NULL;

      /* Prose opened as text has one long "column": the list is bounded. */
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (cells, import->headers[i]);
      all = ladder_import_list_values (cells, TRUE);

      set_error (error, LADDER_CHART_ERROR_INVALID, import->name, reader->record_line,
                 _("the header has no column for an id, an email or a name (its columns: %s); "
                   "name one with --column id=HEADER"), all);
      return FALSE;
    }

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    if (import->columns[f] >= 0)
      import->used[import->columns[f]] = TRUE;
  /* A name column makes first and last name columns redundant. */
  for (guint i = 0; i < n; i++)
    if (!import->used[i] && import->headers[i][0] != '\0')
      g_ptr_array_add (unused, g_strdup (import->headers[i]));
  if (unused->len > 0)
    {
      g_autofree char *list = ladder_import_list_values (unused, TRUE);

      ladder_import_warn (warnings, import->name, reader->record_line,
                          ngettext ("%u column is not used: %s", "%u columns are not used: %s",
                                    unused->len),
                          unused->len, list);
    }
  return TRUE;
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

static gboolean
read_person (CsvImport *import,
             CsvReader *reader,
             GError   **error)
{
  const char *fields[LADDER_IMPORT_N_FIELDS] = { NULL };
  guint n = csv_reader_n_fields (reader);
  guint row;

  /* A trailing delimiter is no field; text past the header's end is. */
  for (guint i = import->n_header_fields; i < n; i++)
    if (csv_reader_field (reader, i)[0] != '\0')
      {
        set_error (error, LADDER_CHART_ERROR_PARSE, import->name, reader->record_line,
                   _("this row has %u fields but the header has %u"), n, import->n_header_fields);
        return FALSE;
      }

  for (guint f = 0; f < LADDER_IMPORT_N_FIELDS; f++)
    {
      int column = import->columns[f];

      if (column >= 0 && (guint) column < n)
        fields[f] = unneutralise (csv_reader_field (reader, column));
    }
  row = ladder_import_builder_add (import->builder, reader->record_line, fields, LADDER_IMPORT_NO_ROW);

  if (row < UNUSED_SAMPLE_ROWS)
    for (guint i = 0; i < MIN (n, import->n_header_fields); i++)
      if (!import->used[i] && import->headers[i][0] != '\0')
        ladder_import_builder_add_unused (import->builder, row, import->headers[i],
                                          csv_reader_field (reader, i));
  return TRUE;
}

LadderChart *
ladder_csv_import (const char                *data,
                   gsize                      length,
                   const char                *display_name,
                   LadderCatalogue           *catalogue,
                   const LadderImportOptions *options,
                   GPtrArray                 *warnings,
                   GError                   **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(LadderImportBuilder) builder = NULL;
  CsvImport import = { 0 };
  CsvReader reader;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || LADDER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (!ladder_import_decode (display_name, &data, &length, &converted, error))
    return NULL;

  builder = ladder_import_builder_new (display_name, catalogue, options);
  import.name = display_name;
  import.builder = builder;

  csv_reader_init (&reader, display_name, data, length);
  choose_delimiter (&reader, options);

  ok = csv_reader_next (&reader, &local_error);
  if (!ok && local_error == NULL)
    set_error (&local_error, LADDER_CHART_ERROR_INVALID, display_name, 1,
               _("the file is empty; delimited text starts with a header row naming its "
                 "columns (id, name, manager, title, ...)"));
  ok = ok && read_header (&import, &reader, options, warnings, &local_error);

  for (guint n = 1; ok && csv_reader_next (&reader, &local_error); n++)
    {
      /* A worker whose result nobody waits for any more stops here. */
      if (n % 4096 == 0 && ladder_progress_check_cancelled (&local_error))
        break;
      if (record_is_blank (&reader))
        continue;
      ok = read_person (&import, &reader, &local_error);
    }
  csv_reader_clear (&reader);
  csv_import_clear (&import);

  if (!ok || local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return ladder_import_builder_finish (builder, warnings, error);
}

gboolean
ladder_csv_peek (const char                *data,
                 gsize                      length,
                 const char                *display_name,
                 const LadderImportOptions *options,
                 guint                      max_rows,
                 char                      *delimiter,
                 GPtrArray                 *headers,
                 GPtrArray                 *rows,
                 GError                   **error)
{
  g_autofree char *converted = NULL;
  GError *local_error = NULL;
  CsvReader reader;
  guint n_headers;

  if (!ladder_import_decode (display_name, &data, &length, &converted, error))
    return FALSE;
  csv_reader_init (&reader, display_name, data, length);
  choose_delimiter (&reader, options);
  *delimiter = reader.delimiter;

  if (csv_reader_next (&reader, &local_error))
    {
      n_headers = csv_reader_n_fields (&reader);
      for (guint i = 0; i < n_headers; i++)
        g_ptr_array_add (headers, g_strstrip (g_strdup (csv_reader_field (&reader, i))));
      while (rows->len < max_rows && csv_reader_next (&reader, &local_error))
        {
          char **row = g_new0 (char *, n_headers + 1);

          if (record_is_blank (&reader))
            {
              g_free (row);
              continue;
            }
          for (guint i = 0; i < n_headers; i++)
            row[i] = g_strdup (i < csv_reader_n_fields (&reader)
                               ? unneutralise (csv_reader_field (&reader, i)) : "");
          g_ptr_array_add (rows, row);
        }
    }
  csv_reader_clear (&reader);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

LadderChart *
ladder_csv_read_memory (const char      *data,
                        gsize            length,
                        const char      *display_name,
                        LadderCatalogue *catalogue,
                        GPtrArray       *warnings,
                        GError         **error)
{
  return ladder_csv_import (data, length, display_name, catalogue, NULL, warnings, error);
}

LadderChart *
ladder_csv_read_file (const char      *path,
                      LadderCatalogue *catalogue,
                      GPtrArray       *warnings,
                      GError         **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ladder_import_file_as (path, LADDER_FILE_FORMAT_DELIMITED, catalogue, NULL, warnings, error);
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

/* A cell a spreadsheet would run as a formula gets one more "'" in
 * front (OWASP's CSV injection); the reader takes it off again. */
static void
append_field (GString    *out,
              const char *text)
{
  g_autofree char *neutral = NULL;

  if (text == NULL)
    return;
  if (text[0] != '\0' && strchr ("=+-@\t\r'", text[0]) != NULL)
    text = neutral = g_strconcat ("'", text, NULL);
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

/* Rows are handed to the write function in blocks of about this size. */
#define CSV_BLOCK (64 * 1024)

static void
append_row (GString     *out,
            LadderChart *chart,
            guint        person,
            GString     *dotted_ids)
{
  guint manager = ladder_chart_get_manager (chart, person);
  const guint *dotted;
  guint n_dotted = 0;

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
  if (ladder_chart_get_assistant (chart, person))
    g_string_append (out, "true");
  g_string_append_c (out, ',');
  dotted = ladder_chart_get_dotted_lines (chart, person, &n_dotted);
  g_string_truncate (dotted_ids, 0);
  for (guint k = 0; k < n_dotted; k++)
    {
      if (k > 0)
        g_string_append_c (dotted_ids, ' ');
      g_string_append (dotted_ids, ladder_chart_get_id (chart, dotted[k]));
    }
  append_field (out, dotted_ids->str);
  g_string_append_c (out, ',');
  append_field (out, ladder_chart_get_note (chart, person));
  g_string_append (out, CSV_EOL);
}

gboolean
ladder_csv_write_stream (LadderChart        *chart,
                         LadderXmlWriteFunc  write_func,
                         gpointer            closure)
{
  g_autofree guint *order = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) dotted_ids = NULL;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  out = g_string_sized_new (CSV_BLOCK + 4096);
  dotted_ids = g_string_new (NULL);
  for (guint c = 0; c < G_N_ELEMENTS (export_columns); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, export_columns[c]);
    }
  g_string_append (out, CSV_EOL);

  order = g_new (guint, MAX (1, ladder_chart_get_n_people (chart)));
  n = ladder_chart_preorder (chart, order, FALSE);

  for (guint i = 0; i < n && ok; i++)
    {
      append_row (out, chart, order[i], dotted_ids);
      if (out->len >= CSV_BLOCK)
        {
          ok = write_func (closure, out->str, out->len);
          g_string_truncate (out, 0);
        }
    }
  if (ok && out->len > 0)
    ok = write_func (closure, out->str, out->len);
  return ok;
}

static gboolean
append_to_string (gpointer    closure,
                  const char *data,
                  gsize       length)
{
  g_string_append_len (closure, data, length);
  return TRUE;
}

char *
ladder_csv_write (LadderChart *chart,
                  gsize       *length)
{
  GString *out;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  out = g_string_sized_new (64 + 64 * (gsize) ladder_chart_get_n_people (chart));
  ladder_csv_write_stream (chart, append_to_string, out);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
