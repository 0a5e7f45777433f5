/* ladder-xml.c — the .ladder file format (version 1)
 *
 * Reading runs libxml2's SAX2 push parser over the bytes and builds the
 * chart with the bulk API of ladder-chart-private.h as elements arrive:
 * no document tree is ever built.  Manager and dotted-line references
 * that point forward are kept as strings and resolved once the document
 * has ended, and the hierarchy is linked in one pass.  Nothing in here
 * recurses.
 *
 * The bytes go to the parser as libxml2's xmlTextReader, the reader this
 * file used before, handed them over (four, then 512 at a time, then the
 * end), and a refusal of libxml2's wins over ours as it did then (see
 * push()), so that refusals keep their words and lines.  The callbacks do
 * nothing once the file is refused, and no more bytes are pushed.
 *
 * Safety: a DOCTYPE is refused before libxml2 sees a byte of the file, so
 * no entity is ever declared, let alone expanded, and nothing outside the
 * file is read.  The structure is checked element by element, so a
 * document nested deeper than the format allows is refused at its first
 * misplaced element.
 */
#include "config.h"

#include "ladder-io.h"
#include "ladder-chart-private.h"
#include "ladder-xml-private.h"
#include "ladder-text.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* Options for every read: no network, no entity substitution, no DTD
 * loading, and the encoding is always UTF-8 whatever the declaration says.
 * XML_PARSE_HUGE is left out on purpose: libxml2's size limits stay on. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES \
                       | XML_PARSE_NOWARNING)

/* How xmlTextReader feeds its push parser (see the top of the file). */
#define FIRST_PUSH 4
#define CHUNK_SIZE 512

/* For sizing the chart before reading (see ladder_xml_read_memory). */
#define BYTES_PER_PERSON 80

const char ladder_xml_doctype_message[] =
  N_("the file has a DOCTYPE; Ladder files have none (no DTD, no entities)");

void
ladder_xml_fail (LadderXmlReader *r,
                 LadderChartError code,
                 guint            line,
                 const char      *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  what = ladder_text_bound (g_strdup_vprintf (format, args));
  va_end (args);
  if (line > 0)
    r->error = g_error_new (LADDER_CHART_ERROR, code, "%s:%u: error: %s",
                            r->display_name, line, what);
  else
    r->error = g_error_new (LADDER_CHART_ERROR, code, "%s: error: %s",
                            r->display_name, what);
}

/* ---- libxml2 errors ---- */

static void
on_xml_error (void *user_data, xmlErrorPtr error)
{
  xmlParserCtxtPtr parser = user_data;
  LadderXmlReader *r = parser->_private;

  /* libxml2 may complain about the first bytes' encoding while the parser
   * is being created, before it knows the reader; xmlTextReader did not
   * hear of those either: the parse that follows reports the file. */
  if (r == NULL)
    return;
  if (error == NULL || error->level < XML_ERR_ERROR || r->xml_message != NULL)
    return;
  r->xml_message = g_strstrip (g_strdup (error->message ? error->message : ""));
  r->xml_line = error->line;
  r->xml_code = error->code;
}

guint
ladder_xml_parser_line (LadderXmlReader *r)
{
  return r->parser->input != NULL ? (guint) MAX (r->parser->input->line, 0) : 0;
}

/* The line of the first attribute value longer than libxml2 reads, or 0
 * when none is found. */
static guint
huge_value_line (const char *data, const char *end)
{
  const char *p = data;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      /* Through the tag, value by value: text between tags is skipped. */
      for (p++; p < end && *p != '>' && *p != '<'; p++)
        {
          const char *close;

          if (*p != '"' && *p != '\'')
            continue;
          close = memchr (p + 1, *p, end - p - 1);
          if (close == NULL)
            close = end;
          if (close - p > XML_MAX_TEXT_LENGTH)
            return 1 + ladder_xml_count_newlines (data, p);
          p = close;
          if (p == end)
            break;
        }
    }
  return 0;
}

static void
fail_from_xml (LadderXmlReader *r)
{
  const char *bad = NULL;
  guint line;

  /* libxml2 names bad UTF-8 in bytes; say it plainly, with the line of the
   * first bad byte. */
  if (!g_utf8_validate_len (r->data, r->end - r->data, &bad) && *bad != '\0')
    {
      line = 1 + ladder_xml_count_newlines (r->data, bad);
      if (r->xml_line <= 0 || line <= (guint) r->xml_line)
        {
          ladder_xml_fail (r, LADDER_CHART_ERROR_PARSE, line,
                _("the file is not valid UTF-8 (byte 0x%02X)"), (guchar) *bad);
          return;
        }
    }

  line = r->xml_line > 0 ? (guint) r->xml_line : MAX (1, ladder_xml_parser_line (r));
  /* libxml2's limit on one value, without XML_PARSE_HUGE: said plainly,
   * at the line where the value starts. */
  if (r->xml_code == XML_ERR_INTERNAL_ERROR && r->xml_message != NULL
      && strstr (r->xml_message, "Huge input lookup") != NULL)
    {
      guint value_line = huge_value_line (r->data, r->end);

      ladder_xml_fail (r, LADDER_CHART_ERROR_PARSE, value_line > 0 ? value_line : line,
            _("an attribute value is over 10 MB long; Ladder reads values up to 10 MB"));
      return;
    }
  if (r->xml_message != NULL && r->xml_message[0] != '\0')
    ladder_xml_fail (r, LADDER_CHART_ERROR_PARSE, line, _("not well-formed XML: %s"), r->xml_message);
  else
    ladder_xml_fail (r, LADDER_CHART_ERROR_PARSE, line, _("not well-formed XML"));
}

/* ---- after the document ---- */

static gboolean
resolve_lines (LadderXmlReader *r, LadderDottedSeen *seen)
{
  guint i = 0;

  while (i < r->references->len)
    {
      LadderXmlReference *ref = &g_array_index (r->references, LadderXmlReference, i);
      LadderPersonRecord *record;
      guint target = ladder_chart_lookup (r->chart, ref->to);
      guint n = 1;

      if (target == LADDER_NONE)
        {
          ladder_xml_fail (r, LADDER_CHART_ERROR_DANGLING, ref->line,
                ref->dotted ? _("the dotted line of “%s” goes to “%s”, who is not on the chart")
                            : _("the manager of “%s” is “%s”, who is not on the chart"),
                ladder_chart_get_id (r->chart, ref->person), ref->to);
          return FALSE;
        }
      record = ladder_chart_get_record (r->chart, ref->person);
      if (!ref->dotted)
        {
          record->manager = target;
          i++;
          continue;
        }

      /* The dotted lines of one person are consecutive. */
      while (i + n < r->references->len
             && g_array_index (r->references, LadderXmlReference, i + n).dotted
             && g_array_index (r->references, LadderXmlReference, i + n).person == ref->person)
        n++;
      record->dotted = g_new (guint, n);
      record->n_dotted = 0;
      for (guint k = 0; k < n; k++)
        {
          LadderXmlReference *dotted = &g_array_index (r->references, LadderXmlReference, i + k);

          target = ladder_chart_lookup (r->chart, dotted->to);
          if (target == LADDER_NONE)
            {
              ladder_xml_fail (r, LADDER_CHART_ERROR_DANGLING, dotted->line,
                    _("the dotted line of “%s” goes to “%s”, who is not on the chart"),
                    ladder_chart_get_id (r->chart, dotted->person), dotted->to);
              return FALSE;
            }
          if (target == dotted->person)
            {
              ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, dotted->line,
                    _("“%s” has a dotted line to themselves"), dotted->to);
              return FALSE;
            }
          if (!ladder_dotted_seen_add (seen, r->chart, dotted->person, target))
            {
              ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, dotted->line,
                    _("“%s” has a second dotted line to “%s”"),
                    ladder_chart_get_id (r->chart, dotted->person), dotted->to);
              return FALSE;
            }
          record->dotted[record->n_dotted++] = target;
        }
      i += n;
    }
  return TRUE;
}

static gboolean
resolve_references (LadderXmlReader *r)
{
  LadderDottedSeen seen = { 0 };
  gboolean ok = resolve_lines (r, &seen);

  ladder_dotted_seen_clear (&seen);
  return ok;
}

static gboolean
link_hierarchy (LadderXmlReader *r)
{
  g_autofree guint *cycle = NULL;
  g_autofree char *names = NULL;
  guint n_cycle = 0, line = 0;

  if (ladder_chart_link_records (r->chart, &cycle, &n_cycle))
    return TRUE;
  names = ladder_text_cycle (r->chart, cycle, n_cycle, &line);
  ladder_xml_fail (r, LADDER_CHART_ERROR_CYCLE, line, _("the manager references form a cycle: %s"), names);
  return FALSE;
}

/* Hands one piece to the parser.  Returns FALSE when the file is
 * refused. */
static gboolean
push (LadderXmlReader *r, const char *bytes, gsize size, gboolean last)
{
  gboolean failed = xmlParseChunk (r->parser, bytes, (int) size, last) != 0
                    || !r->parser->wellFormed;

  /* xmlTextReader, the reader this file used before, looked at the nodes
   * of a piece only after libxml2 had parsed all of it, and at the first
   * ones only once a piece had left an element open (or the file had
   * ended).  libxml2's refusal anywhere up to there (often of the very
   * start tag that we refused, such as one that does not end) won over
   * ours, and still does: our callbacks stop at our refusal, but the
   * pushing only stops there. */
  if (failed || r->xml_message != NULL)
    {
      g_clear_error (&r->error);
      fail_from_xml (r);
      return FALSE;
    }
  if (r->depth > 0)
    r->started = TRUE;
  return r->error == NULL || (!r->started && !last);
}

/* Pushes the bytes as xmlTextReader does (see the top of the file),
 * until the end or the first refusal. */
static void
read_document (LadderXmlReader *r, xmlSAXHandler *sax)
{
  gsize length = r->end - r->data;
  gsize done = length >= FIRST_PUSH ? FIRST_PUSH : 0;
  xmlCharEncodingHandlerPtr utf8;
  gboolean going;

  r->parser = xmlCreatePushParserCtxt (sax, NULL, r->data, (int) done, NULL);
  if (r->parser == NULL)
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_IO, 0, _("cannot start the XML parser"));
      return;
    }
  r->parser->_private = r;
  ladder_xml_sax_prepare (r);
  xmlCtxtUseOptions (r->parser, PARSE_OPTIONS);
  utf8 = xmlFindCharEncodingHandler ("UTF-8");
  if (utf8 != NULL)
    xmlSwitchToEncoding (r->parser, utf8);

  going = TRUE;
  while (going && done < length)
    {
      gsize size = MIN (length - done, CHUNK_SIZE);

      going = push (r, r->data + done, size, FALSE);
      done += size;
    }
  if (going && push (r, NULL, 0, TRUE) && !r->seen_root)
    ladder_xml_fail (r, LADDER_CHART_ERROR_PARSE, 1, _("not well-formed XML: the document is empty"));
  g_clear_pointer (&r->parser, xmlFreeParserCtxt);
}

/* What the first bytes say about a file that is no UTF-8 text (UTF-16 or
 * UCS-4, with or without a byte order mark, or NUL bytes), or NULL. */
static const char *
sniff_encoding (const char *data, gsize length)
{
  const guchar *d = (const guchar *) data;
  gboolean four = length >= 4;

  if (length < 2)
    return length == 1 && d[0] == 0 ? _("the file starts with NUL bytes; it is not a text file") : NULL;
  if (four && ((d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
               || (d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)))
    return _("the file is UCS-4 (UTF-32); save it as UTF-8");
  if ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))
    return _("the file is UTF-16; save it as UTF-8");
  /* "<" or a blank as four bytes in one of UCS-4's byte orders. */
  if (four && ((d[0] == 0 && d[1] == 0 && (d[2] != 0 || d[3] != 0))
               || (d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0)
               || (d[0] == 0 && d[1] != 0 && d[2] == 0 && d[3] == 0)))
    return _("the file is UCS-4 (UTF-32); save it as UTF-8");
  if ((d[0] == 0) != (d[1] == 0))
    return _("the file is UTF-16; save it as UTF-8");
  if (d[0] == 0)
    return _("the file starts with NUL bytes; it is not a text file");
  return NULL;
}

/* Refuses a chunk of the file (@length bytes from @offset in @data, the
 * file so far) that shows it is not a chart: a foreign encoding at the
 * start, a NUL byte anywhere.  A huge file of zeros is refused at its
 * first chunk. */
static gboolean
check_bytes (const char *data, gsize offset, gsize length, gpointer user_data, GError **error)
{
  const char *display_name = user_data;
  const char *nul;

  if (offset == 0)
    {
      const char *what = sniff_encoding (data, length);

      if (what != NULL)
        {
          g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_PARSE,
                       "%s:1: error: %s", display_name, what);
          return FALSE;
        }
    }
  nul = memchr (data + offset, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_PARSE, "%s:%u: error: %s",
                   display_name, 1 + ladder_xml_count_lines (data, nul),
                   _("the file contains a NUL byte"));
      return FALSE;
    }
  return TRUE;
}

/* A copy of @data with every CR that ends a line on its own (old Mac
 * line ends) made a LF, so that lines count the same, or NULL when there
 * is none.  XML reads either as a LF anyway. */
static char *
lone_cr_to_lf (const char *data, gsize length)
{
  const char *end = data + length;
  const char *cr = memchr (data, '\r', length);
  char *copy;

  while (cr != NULL && cr + 1 < end && cr[1] == '\n')
    cr = memchr (cr + 2, '\r', end - cr - 2);
  if (cr == NULL)
    return NULL;
  copy = g_memdup2 (data, length);
  for (char *p = copy + (cr - data); p != NULL; p = memchr (p + 1, '\r', copy + length - p - 1))
    {
      if (p + 1 == copy + length || p[1] != '\n')
        *p = '\n';
      if (p + 1 == copy + length)
        break;
    }
  return copy;
}

static void
ignore_generic_error (void *context, const char *format, ...)
{
}

LadderChart *
ladder_xml_read_memory (const char *data,
                        gsize       length,
                        const char *display_name,
                        GError    **error)
{
  g_autoptr(LadderChart) chart = NULL;
  g_autofree char *lf_copy = NULL;
  LadderXmlReader r = { 0 };
  xmlSAXHandler sax;
  guint doctype_line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !check_bytes (data, 0, length, (gpointer) display_name, error))
    return NULL;
  lf_copy = length > 0 ? lone_cr_to_lf (data, length) : NULL;
  if (lf_copy != NULL)
    data = lf_copy;

  r.display_name = display_name;
  r.data = data ? data : "";
  r.end = r.data + length;
  ladder_xml_scanner_init (&r.scanner, r.data, length);
  r.person = LADDER_NONE;

  if (ladder_xml_is_blank (r.data, length))
    {
      ladder_xml_fail (&r, LADDER_CHART_ERROR_PARSE, 1, _("the file is empty"));
      g_propagate_error (error, r.error);
      return NULL;
    }
  if (length > G_MAXINT)
    {
      ladder_xml_fail (&r, LADDER_CHART_ERROR_IO, 0, _("the file is too large to read (over 2 GB)"));
      g_propagate_error (error, r.error);
      return NULL;
    }
  /* Before libxml2 parses anything: a refused DOCTYPE can then neither
   * declare nor expand an entity. */
  doctype_line = ladder_xml_find_doctype (r.data, length);
  if (doctype_line > 0)
    {
      ladder_xml_fail (&r, LADDER_CHART_ERROR_FORBIDDEN, doctype_line, "%s", _(ladder_xml_doctype_message));
      g_propagate_error (error, r.error);
      return NULL;
    }

  chart = ladder_chart_new ();
  /* Ladder writes a person in 70 to 100 bytes, so this is near the
   * count (within a factor of two is enough: the record array takes
   * powers of two anyway). */
  ladder_chart_reserve_records (chart, (guint) (length / BYTES_PER_PERSON));
  /* Every text a record keeps is an attribute value or a note's text,
   * no longer than in the file, and its NUL takes the place of a quote
   * or a "<".  The pages left untouched cost nothing. */
  ladder_chart_reserve_text (chart, length + 1);
  r.chart = chart;
  r.strings = g_string_chunk_new (64 * 1024);
  r.references = g_array_new (FALSE, FALSE, sizeof (LadderXmlReference));
  r.path = g_array_new (FALSE, FALSE, sizeof (guint));
  r.attributes = g_array_new (FALSE, FALSE, sizeof (LadderXmlAttribute));
  r.values = g_string_new (NULL);
  r.note = g_string_new (NULL);
  r.run_text = g_string_new (NULL);

  ladder_xml_sax_init (&sax);
  sax.serror = on_xml_error;

  /* Some encoding errors reach libxml2's generic handler, which prints to
   * stderr; the structured handler already reports them. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  read_document (&r, &sax);
  xmlSetGenericErrorFunc (NULL, NULL);

  if (r.error == NULL && resolve_references (&r))
    link_hierarchy (&r);

  g_clear_pointer (&r.xml_message, g_free);
  g_string_chunk_free (r.strings);
  g_array_unref (r.references);
  g_array_unref (r.path);
  g_array_unref (r.attributes);
  g_string_free (r.values, TRUE);
  g_string_free (r.note, TRUE);
  g_string_free (r.run_text, TRUE);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  return g_steal_pointer (&chart);
}

LadderChart *
ladder_xml_read_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = ladder_read_file (path, &length, check_bytes, (gpointer) path, error);
  if (data == NULL)
    return NULL;
  return ladder_xml_read_memory (data, length, path, error);
}
