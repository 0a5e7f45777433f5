/* ladder-export-text.c — JSON, Graphviz and Mermaid, and the escaping
 * every data format shares
 *
 * Each format quotes text its own way; a name may hold any character
 * (quotes, <, &, line breaks, control characters), and none of them may
 * end a string early or make the file unreadable.
 */
#include "config.h"

#include "ladder-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
ladder_text_out_init (LadderTextOut *out, LadderWriteFunc write, gpointer closure)
{
  out->write = write;
  out->closure = closure;
  out->buffer = g_string_sized_new (TEXT_OUT_BLOCK + 1024);
  out->failed = FALSE;
}

static void
flush_if_full (LadderTextOut *out)
{
  if (out->buffer->len < TEXT_OUT_BLOCK)
    return;
  if (!out->failed && !out->write (out->closure, out->buffer->str, out->buffer->len))
    out->failed = TRUE;
  g_string_truncate (out->buffer, 0);
}

void
ladder_text_out_append (LadderTextOut *out, const char *text)
{
  g_string_append (out->buffer, text);
  flush_if_full (out);
}

void
ladder_text_out_printf (LadderTextOut *out, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (out->buffer, format, args);
  va_end (args);
  flush_if_full (out);
}

gboolean
ladder_text_out_finish (LadderTextOut *out)
{
  if (!out->failed && out->buffer->len > 0
      && !out->write (out->closure, out->buffer->str, out->buffer->len))
    out->failed = TRUE;
  g_string_free (out->buffer, TRUE);
  out->buffer = NULL;
  return !out->failed;
}

static void
escape_json (GString *s, guchar c)
{
  switch (c)
    {
    case '"':  g_string_append (s, "\\\""); break;
    case '\\': g_string_append (s, "\\\\"); break;
    case '\n': g_string_append (s, "\\n"); break;
    case '\r': g_string_append (s, "\\r"); break;
    case '\t': g_string_append (s, "\\t"); break;
    default:
      if (c < 0x20)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_c (s, c);
    }
}

static void
escape_xml (GString *s, guchar c, gboolean keep_lines)
{
  switch (c)
    {
    case '<':  g_string_append (s, "&lt;"); break;
    case '>':  g_string_append (s, "&gt;"); break;
    case '&':  g_string_append (s, "&amp;"); break;
    case '"':  g_string_append (s, "&quot;"); break;
    case '\n':
      g_string_append (s, keep_lines ? "\n" : " ");
      break;
    default:
      /* XML 1.0 has no other control character, not even as &#1;. */
      g_string_append_c (s, c < 0x20 ? ' ' : c);
    }
}

static void
escape_dot (GString *s, guchar c)
{
  /* In a quoted DOT label, a backslash starts an escape (\n, \N, \G). */
  if (c == '"' || c == '\\')
    g_string_append_c (s, '\\');
  g_string_append_c (s, c < 0x20 ? ' ' : c);
}

static void
escape_mermaid (GString *s, guchar c)
{
  /* Mermaid reads labels as HTML and ends them at a quote; its own
   * entity codes (#34;) stand for the characters that matter. */
  switch (c)
    {
    case '"': case '#': case '<': case '>': case '&': case '`':
      g_string_append_printf (s, "#%u;", c);
      break;
    default:
      g_string_append_c (s, c < 0x20 ? ' ' : c);
    }
}

void
ladder_text_out_escape (LadderTextOut *out, const char *text, LadderEscape escape)
{
  GString *s = out->buffer;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      /* Only ASCII needs quoting: UTF-8's other bytes are all ≥ 0x80. */
      if (*p >= 0x80 || (g_ascii_isalnum (*p) || *p == ' '))
        {
          g_string_append_c (s, *p);
          continue;
        }
      switch (escape)
        {
        case LADDER_ESCAPE_JSON:     escape_json (s, *p); break;
        case LADDER_ESCAPE_XML:      escape_xml (s, *p, FALSE); break;
        case LADDER_ESCAPE_XML_TEXT: escape_xml (s, *p, TRUE); break;
        case LADDER_ESCAPE_DOT:      escape_dot (s, *p); break;
        case LADDER_ESCAPE_MERMAID:  escape_mermaid (s, *p); break;
        default:                     g_assert_not_reached ();
        }
    }
  flush_if_full (out);
}

void
ladder_export_label (LadderChart *chart, LadderCatalogue *catalogue, guint person,
                     const char **name, const char **title)
{
  const LadderRole *role = NULL;

  *name = ladder_chart_get_name (chart, person);
  if (ladder_chart_get_vacant (chart, person))
    *name = _("Vacant");
  else if (*name == NULL || **name == '\0')
    *name = ladder_chart_get_id (chart, person);

  *title = ladder_chart_get_person_title (chart, person);
  if (*title != NULL && **title != '\0')
    return;
  if (catalogue != NULL)
    role = ladder_catalogue_lookup_role (catalogue, ladder_chart_get_role (chart, person));
  *title = role != NULL ? role->name : ladder_chart_get_role (chart, person);
}

guint *
ladder_export_people (LadderChart *chart, guint *n_people)
{
  guint *people = g_new (guint, MAX (1, ladder_chart_get_n_people (chart)));

  *n_people = ladder_chart_preorder (chart, people, FALSE);
  return people;
}

void
ladder_export_each_line (LadderChart *chart, const guint *people, guint n_people,
                         LadderLineFunc line, gpointer data)
{
  for (guint i = 0; i < n_people; i++)
    {
      guint p = people[i];
      guint manager = ladder_chart_get_manager (chart, p);
      const guint *dotted;
      guint n_dotted;

      if (manager != LADDER_NONE)
        line (chart, manager, p, FALSE, 0, data);
      dotted = ladder_chart_get_dotted_lines (chart, p, &n_dotted);
      for (guint k = 0; k < n_dotted; k++)
        line (chart, p, dotted[k], TRUE, k, data);
    }
}

/* "text" or null. */
static void
json_string (LadderTextOut *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out->buffer, "null");
      return;
    }
  g_string_append_c (out->buffer, '"');
  ladder_text_out_escape (out, text, LADDER_ESCAPE_JSON);
  g_string_append_c (out->buffer, '"');
}

static const char *
json_bool (gboolean value)
{
  return value ? "true" : "false";
}

gboolean
ladder_export_write_json (LadderChart *chart, LadderTextOut *out)
{
  g_autofree guint *people = NULL;
  guint n;

  people = ladder_export_people (chart, &n);
  ladder_text_out_append (out, n == 0 ? "[" : "[\n");
  for (guint i = 0; i < n; i++)
    {
      guint p = people[i];
      guint manager = ladder_chart_get_manager (chart, p);
      const guint *dotted;
      guint n_dotted;

      ladder_text_out_append (out, "  {\"id\": ");
      json_string (out, ladder_chart_get_id (chart, p));
      ladder_text_out_append (out, ", \"name\": ");
      json_string (out, ladder_chart_get_name (chart, p));
      ladder_text_out_append (out, ", \"role\": ");
      json_string (out, ladder_chart_get_role (chart, p));
      ladder_text_out_append (out, ", \"title\": ");
      json_string (out, ladder_chart_get_person_title (chart, p));
      ladder_text_out_append (out, ", \"manager\": ");
      json_string (out, manager == LADDER_NONE ? NULL : ladder_chart_get_id (chart, manager));
      ladder_text_out_printf (out, ", \"vacant\": %s, \"assistant\": %s, \"dotted\": [",
                              json_bool (ladder_chart_get_vacant (chart, p)),
                              json_bool (ladder_chart_get_assistant (chart, p)));
      dotted = ladder_chart_get_dotted_lines (chart, p, &n_dotted);
      for (guint k = 0; k < n_dotted; k++)
        {
          if (k > 0)
            ladder_text_out_append (out, ", ");
          json_string (out, ladder_chart_get_id (chart, dotted[k]));
        }
      ladder_text_out_append (out, "], \"note\": ");
      json_string (out, ladder_chart_get_note (chart, p));
      ladder_text_out_append (out, i + 1 < n ? "},\n" : "}\n");
    }
  ladder_text_out_append (out, "]\n");
  return !out->failed;
}

static void
dot_line (LadderChart *chart, guint from, guint to, gboolean dotted, guint index, gpointer data)
{
  ladder_text_out_printf (data, dotted ? "  \"%s\" -> \"%s\" [style=dashed, constraint=false];\n"
                                       : "  \"%s\" -> \"%s\";\n",
                          ladder_chart_get_id (chart, from), ladder_chart_get_id (chart, to));
}

gboolean
ladder_export_write_dot (LadderChart *chart, LadderCatalogue *catalogue, LadderTextOut *out)
{
  g_autofree guint *people = NULL;
  const char *chart_title = ladder_chart_get_title (chart);
  guint n;

  people = ladder_export_people (chart, &n);
  ladder_text_out_append (out, "digraph ladder {\n");
  if (chart_title != NULL && *chart_title != '\0')
    {
      ladder_text_out_append (out, "  label=\"");
      ladder_text_out_escape (out, chart_title, LADDER_ESCAPE_DOT);
      ladder_text_out_append (out, "\";\n  labelloc=t;\n");
    }
  ladder_text_out_append (out, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#FFFFFF\", "
                               "fontname=\"Sans\"];\n"
                               "  edge [arrowhead=none];\n");
  for (guint i = 0; i < n; i++)
    {
      const char *name, *title;

      ladder_export_label (chart, catalogue, people[i], &name, &title);
      ladder_text_out_append (out, "  \"");
      ladder_text_out_escape (out, ladder_chart_get_id (chart, people[i]), LADDER_ESCAPE_DOT);
      ladder_text_out_append (out, "\" [label=\"");
      ladder_text_out_escape (out, name, LADDER_ESCAPE_DOT);
      ladder_text_out_append (out, "\\n");
      ladder_text_out_escape (out, title, LADDER_ESCAPE_DOT);
      ladder_text_out_append (out, ladder_chart_get_vacant (chart, people[i])
                                   ? "\", style=\"rounded,dashed\"];\n" : "\"];\n");
    }
  ladder_export_each_line (chart, people, n, dot_line, out);
  ladder_text_out_append (out, "}\n");
  return !out->failed;
}

typedef struct {
  LadderTextOut *out;
  const guint   *index_of;
} MermaidLines;

static void
mermaid_line (LadderChart *chart, guint from, guint to, gboolean dotted, guint index,
              gpointer data)
{
  MermaidLines *mermaid = data;

  ladder_text_out_printf (mermaid->out, dotted ? "  n%u -.-> n%u\n" : "  n%u --> n%u\n",
                          mermaid->index_of[from], mermaid->index_of[to]);
}

gboolean
ladder_export_write_mermaid (LadderChart *chart, LadderCatalogue *catalogue, LadderTextOut *out)
{
  g_autofree guint *people = NULL;
  g_autofree guint *index_of = NULL;
  const char *chart_title = ladder_chart_get_title (chart);
  gboolean any_vacant = FALSE;
  MermaidLines mermaid;
  guint n;

  /* Mermaid's node ids cannot hold every id character ('.', or "end"),
   * so nodes are numbered in chart order. */
  people = ladder_export_people (chart, &n);
  index_of = g_new0 (guint, MAX (1, ladder_chart_get_capacity (chart)));
  for (guint i = 0; i < n; i++)
    index_of[people[i]] = i;

  /* The chart's title in Mermaid's front matter, a YAML string in
   * double quotes (its escapes are JSON's). */
  if (chart_title != NULL && *chart_title != '\0')
    {
      ladder_text_out_append (out, "---\ntitle: \"");
      ladder_text_out_escape (out, chart_title, LADDER_ESCAPE_JSON);
      ladder_text_out_append (out, "\"\n---\n");
    }
  ladder_text_out_append (out, "flowchart TD\n");
  for (guint i = 0; i < n; i++)
    {
      const char *name, *title;
      gboolean vacant = ladder_chart_get_vacant (chart, people[i]);

      ladder_export_label (chart, catalogue, people[i], &name, &title);
      ladder_text_out_printf (out, "  n%u[\"", i);
      ladder_text_out_escape (out, name, LADDER_ESCAPE_MERMAID);
      ladder_text_out_append (out, "<br/>");
      ladder_text_out_escape (out, title, LADDER_ESCAPE_MERMAID);
      ladder_text_out_append (out, vacant ? "\"]:::vacant\n" : "\"]\n");
      any_vacant |= vacant;
    }
  mermaid.out = out;
  mermaid.index_of = index_of;
  ladder_export_each_line (chart, people, n, mermaid_line, &mermaid);
  if (any_vacant)
    ladder_text_out_append (out, "  classDef vacant stroke-dasharray: 5 5\n");
  return !out->failed;
}
