/* ladder-xml-writer.c — writing the .ladder format (version 1)
 *
 * One stable form (docs/FILE-FORMAT.md): people depth-first from the
 * roots, fixed attribute order, two-space indents, so that saving an
 * unchanged chart gives the same bytes.  The reader is ladder-xml.c.
 */
#include "config.h"

#include "ladder-io.h"

#include <string.h>

/* What each byte needs in an attribute (2) or in text (1): 0 for none. */
static guint8 escape_class[256];

static void
init_escape_class (void)
{
  for (guint c = 0; c < 0x20; c++)
    escape_class[c] = 3;
  escape_class['\n'] = 2;
  escape_class['\t'] = 2;
  escape_class['\r'] = 3;
  escape_class['"'] = 2;
  escape_class['&'] = 3;
  escape_class['<'] = 3;
  escape_class['>'] = 3;
}

/* Escapes @s for an attribute value in double quotes or for text.  Control
 * characters XML 1.0 cannot carry at all, even as references, become
 * U+FFFD. */
static void
append_escaped (GString *out, const char *s, gboolean attribute)
{
  guint8 mask = attribute ? 2 : 1;
  const char *run = s;

  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      if (!(escape_class[c] & mask))
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default: g_string_append (out, "\xEF\xBF\xBD"); break;
        }
    }
  g_string_append_len (out, run, strlen (run));
}

static void
append_attribute (GString *out, const char *name, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
write_person (GString *out, LadderChart *chart, guint person)
{
  guint manager = ladder_chart_get_manager (chart, person);
  const char *note = ladder_chart_get_note (chart, person);
  const guint *dotted;
  guint n_dotted;

  g_string_append (out, "  <person");
  append_attribute (out, "id", ladder_chart_get_id (chart, person));
  append_attribute (out, "role", ladder_chart_get_role (chart, person));
  append_attribute (out, "name", ladder_chart_get_name (chart, person));
  append_attribute (out, "title", ladder_chart_get_person_title (chart, person));
  if (manager != LADDER_NONE)
    append_attribute (out, "manager", ladder_chart_get_id (chart, manager));
  if (ladder_chart_get_vacant (chart, person))
    g_string_append (out, " vacant=\"true\"");
  if (ladder_chart_get_assistant (chart, person))
    g_string_append (out, " assistant=\"true\"");
  if (ladder_chart_get_collapsed (chart, person) && !ladder_chart_get_view_folded (chart, person))
    g_string_append (out, " collapsed=\"true\"");

  dotted = ladder_chart_get_dotted_lines (chart, person, &n_dotted);
  if ((note == NULL || note[0] == '\0') && n_dotted == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (note != NULL && note[0] != '\0')
    {
      g_string_append (out, "    <note>");
      append_escaped (out, note, FALSE);
      g_string_append (out, "</note>\n");
    }
  for (guint i = 0; i < n_dotted; i++)
    {
      g_string_append (out, "    <dotted-line");
      append_attribute (out, "to", ladder_chart_get_id (chart, dotted[i]));
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </person>\n");
}

/* How much of the file is given to a stream at a time. */
#define STREAM_PIECE (64 * 1024)

struct _LadderXmlWriter {
  LadderChart       *chart;
  GString           *out;
  guint             *order;      /* the people in the order they are written */
  guint              n;
  guint              next;
  /* With a stream, @out holds only the bytes not yet given to it. */
  LadderXmlWriteFunc write_func;
  gpointer           closure;
  gboolean           failed;     /* the stream refused a piece */
};

static LadderXmlWriter *
writer_begin (LadderChart *chart, GString *out, LadderXmlWriteFunc write_func, gpointer closure)
{
  static gsize escape_ready;
  LadderXmlWriter *writer;
  gint64 employees;

  if (g_once_init_enter (&escape_ready))
    {
      init_escape_class ();
      g_once_init_leave (&escape_ready, 1);
    }

  writer = g_new0 (LadderXmlWriter, 1);
  writer->chart = g_object_ref (chart);
  writer->out = out;
  writer->write_func = write_func;
  writer->closure = closure;
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orgchart version=\"1\"");
  append_attribute (out, "title", ladder_chart_get_title (chart));
  employees = ladder_chart_get_employees (chart);
  if (employees >= 0)
    g_string_append_printf (out, " employees=\"%" G_GINT64_FORMAT "\"", employees);
  if (ladder_chart_get_layout (chart) == LADDER_LAYOUT_COMPACT)
    g_string_append (out, " layout=\"compact\"");
  g_string_append (out, ">\n");

  writer->order = g_new (guint, MAX (ladder_chart_get_n_people (chart), 1));
  writer->n = ladder_chart_preorder (chart, writer->order, FALSE);
  return writer;
}

/* The next @n_people; TRUE once all are written (or the stream failed). */
static gboolean
writer_run (LadderXmlWriter *writer, guint n_people)
{
  guint end = writer->n - writer->next > n_people ? writer->next + n_people : writer->n;

  for (; writer->next < end && !writer->failed; writer->next++)
    {
      write_person (writer->out, writer->chart, writer->order[writer->next]);
      if (writer->write_func != NULL && writer->out->len >= STREAM_PIECE)
        {
          writer->failed = !writer->write_func (writer->closure, writer->out->str, writer->out->len);
          g_string_truncate (writer->out, 0);
        }
    }
  return writer->next == writer->n || writer->failed;
}

/* The rest and the tail; FALSE when the stream refused a piece. */
static gboolean
writer_end (LadderXmlWriter *writer)
{
  writer_run (writer, G_MAXUINT);
  if (writer->failed)
    return FALSE;
  g_string_append (writer->out, "</orgchart>\n");
  return writer->write_func == NULL ||
         writer->write_func (writer->closure, writer->out->str, writer->out->len);
}

LadderXmlWriter *
ladder_xml_writer_new (LadderChart *chart)
{
  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  return writer_begin (chart, g_string_sized_new (128 + (gsize) ladder_chart_get_n_people (chart) * 96),
                       NULL, NULL);
}

gboolean
ladder_xml_writer_step (LadderXmlWriter *writer, guint n_people)
{
  g_return_val_if_fail (writer != NULL, TRUE);
  return writer_run (writer, n_people);
}

char *
ladder_xml_writer_finish (LadderXmlWriter *writer, gsize *length)
{
  char *data;

  g_return_val_if_fail (writer != NULL, NULL);

  writer_end (writer);
  if (length != NULL)
    *length = writer->out->len;
  data = g_string_free (g_steal_pointer (&writer->out), FALSE);
  ladder_xml_writer_free (writer);
  return data;
}

void
ladder_xml_writer_free (LadderXmlWriter *writer)
{
  if (writer == NULL)
    return;
  g_object_unref (writer->chart);
  if (writer->out != NULL)
    g_string_free (writer->out, TRUE);
  g_free (writer->order);
  g_free (writer);
}

char *
ladder_xml_write (LadderChart *chart, gsize *length)
{
  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  return ladder_xml_writer_finish (ladder_xml_writer_new (chart), length);
}

gboolean
ladder_xml_write_stream (LadderChart *chart, LadderXmlWriteFunc write_func, gpointer closure)
{
  LadderXmlWriter *writer;
  gboolean ok;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  /* A person rarely takes more than a few hundred bytes. */
  writer = writer_begin (chart, g_string_sized_new (STREAM_PIECE + 4096), write_func, closure);
  ok = writer_end (writer);
  ladder_xml_writer_free (writer);
  return ok;
}
