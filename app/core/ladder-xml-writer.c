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
  if (ladder_chart_get_collapsed (chart, person))
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

/* The whole document into @out, or, with @write_func, through it in
 * pieces of about STREAM_PIECE, @out then holding only the last bytes. */
static gboolean
write_document (LadderChart *chart, GString *out, LadderXmlWriteFunc write_func, gpointer closure)
{
  static gsize escape_ready;
  g_autofree guint *order = NULL;
  guint n_people, n;
  gint64 employees;

  if (g_once_init_enter (&escape_ready))
    {
      init_escape_class ();
      g_once_init_leave (&escape_ready, 1);
    }

  n_people = ladder_chart_get_n_people (chart);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orgchart version=\"1\"");
  append_attribute (out, "title", ladder_chart_get_title (chart));
  employees = ladder_chart_get_employees (chart);
  if (employees >= 0)
    g_string_append_printf (out, " employees=\"%" G_GINT64_FORMAT "\"", employees);
  if (ladder_chart_get_layout (chart) == LADDER_LAYOUT_COMPACT)
    g_string_append (out, " layout=\"compact\"");
  g_string_append (out, ">\n");

  order = g_new (guint, MAX (n_people, 1));
  n = ladder_chart_preorder (chart, order, FALSE);
  for (guint i = 0; i < n; i++)
    {
      write_person (out, chart, order[i]);
      if (write_func != NULL && out->len >= STREAM_PIECE)
        {
          if (!write_func (closure, out->str, out->len))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, "</orgchart>\n");
  return write_func == NULL || write_func (closure, out->str, out->len);
}

char *
ladder_xml_write (LadderChart *chart, gsize *length)
{
  GString *out;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  out = g_string_sized_new (128 + (gsize) ladder_chart_get_n_people (chart) * 96);
  write_document (chart, out, NULL, NULL);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
ladder_xml_write_stream (LadderChart *chart, LadderXmlWriteFunc write_func, gpointer closure)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (LADDER_IS_CHART (chart), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  /* A person rarely takes more than a few hundred bytes. */
  out = g_string_sized_new (STREAM_PIECE + 4096);
  return write_document (chart, out, write_func, closure);
}
