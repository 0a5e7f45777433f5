/* ladder-json.c — a small JSON reader of Ladder's own (no new dependency)
 *
 * One forward pass.  Open arrays and objects wait on a stack on the heap
 * with the index of their last child, so that the next value is linked
 * in O(1); nothing recurses, so a deeply nested "children" tree reads as
 * well as a flat array.  Strictly RFC 8259: no comments, no trailing
 * commas, no single quotes; each refusal names its line.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ladder-json-private.h"
#include "ladder-import-private.h"

struct _LadderJsonDocument {
  GArray       *nodes;
  GStringChunk *strings;
};

typedef struct {
  guint node;
  guint last_child;
} Open;

typedef struct {
  const char         *name;
  const char         *pos;
  const char         *end;
  guint               line;
  LadderJsonDocument *document;
  GArray             *stack;     /* Open */
  GString            *scratch;
  GError            **error;
} Parser;

static gboolean
fail (Parser *parser, const char *what)
{
  ladder_import_set_error (parser->error, LADDER_CHART_ERROR_PARSE, parser->name, parser->line,
                           _("not valid JSON: %s"), what);
  return FALSE;
}

static void
skip_blanks (Parser *parser)
{
  for (; parser->pos < parser->end; parser->pos++)
    {
      char c = *parser->pos;

      if (c == '\n')
        parser->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
    }
}

static LadderJsonNode *
node_at (Parser *parser, guint index)
{
  return &g_array_index (parser->document->nodes, LadderJsonNode, index);
}

/* Appends a node as the next child of the innermost open container. */
static guint
add_node (Parser *parser, LadderJsonType type, guint line, const char *key)
{
  LadderJsonNode node = { type, line, LADDER_JSON_NONE, LADDER_JSON_NONE, key, NULL };
  guint index = parser->document->nodes->len;

  g_array_append_val (parser->document->nodes, node);
  if (parser->stack->len > 0)
    {
      Open *open = &g_array_index (parser->stack, Open, parser->stack->len - 1);

      if (open->last_child == LADDER_JSON_NONE)
        node_at (parser, open->node)->first_child = index;
      else
        node_at (parser, open->last_child)->next = index;
      open->last_child = index;
    }
  return index;
}

static gint
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser *parser, gunichar *out)
{
  *out = 0;
  if (parser->end - parser->pos < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      gint v = hex_value (parser->pos[i]);

      if (v < 0)
        return FALSE;
      *out = (*out << 4) | (gunichar) v;
    }
  parser->pos += 4;
  return TRUE;
}

static gboolean
read_escape (Parser *parser)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *found;
  gunichar c, low;

  if (parser->pos >= parser->end)
    return fail (parser, _("a string has no closing quote"));
  found = strchr (from, *parser->pos);
  if (*parser->pos != 'u')
    {
      if (found == NULL || *parser->pos == '\0')
        return fail (parser, _("unknown escape in a string"));
      g_string_append_c (parser->scratch, to[found - from]);
      parser->pos++;
      return TRUE;
    }
  parser->pos++;
  if (!read_hex4 (parser, &c))
    return fail (parser, _("\\u needs four hex digits"));
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (parser->end - parser->pos < 2 || parser->pos[0] != '\\' || parser->pos[1] != 'u')
        return fail (parser, _("a surrogate \\u escape is not followed by its pair"));
      parser->pos += 2;
      if (!read_hex4 (parser, &low) || low < 0xDC00 || low > 0xDFFF)
        return fail (parser, _("a surrogate \\u escape is not followed by its pair"));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (c >= 0xDC00 && c <= 0xDFFF)
    return fail (parser, _("a surrogate \\u escape is not followed by its pair"));
  if (c == 0)
    return fail (parser, _("a string holds \\u0000"));
  g_string_append_unichar (parser->scratch, c);
  return TRUE;
}

/* A string at pos (on its opening quote), into the chunk. */
static const char *
read_string (Parser *parser)
{
  g_string_truncate (parser->scratch, 0);
  parser->pos++;
  for (;;)
    {
      const char *start = parser->pos;

      while (parser->pos < parser->end && *parser->pos != '"' && *parser->pos != '\\'
             && (guchar) *parser->pos >= 0x20)
        parser->pos++;
      g_string_append_len (parser->scratch, start, parser->pos - start);
      if (parser->pos >= parser->end)
        {
          fail (parser, _("a string has no closing quote"));
          return NULL;
        }
      if (*parser->pos == '"')
        {
          parser->pos++;
          return g_string_chunk_insert_len (parser->document->strings, parser->scratch->str,
                                            parser->scratch->len);
        }
      if (*parser->pos != '\\')
        {
          fail (parser, _("a control character (a line break?) inside a string"));
          return NULL;
        }
      parser->pos++;
      if (!read_escape (parser))
        return NULL;
    }
}

static gboolean
skip_digits (Parser *parser)
{
  const char *start = parser->pos;

  while (parser->pos < parser->end && g_ascii_isdigit (*parser->pos))
    parser->pos++;
  return parser->pos > start;
}

static const char *
read_number (Parser *parser)
{
  const char *start = parser->pos;

  if (*parser->pos == '-')
    parser->pos++;
  if (parser->pos < parser->end && *parser->pos == '0')
    parser->pos++;
  else if (!skip_digits (parser))
    goto bad;
  if (parser->pos < parser->end && *parser->pos == '.')
    {
      parser->pos++;
      if (!skip_digits (parser))
        goto bad;
    }
  if (parser->pos < parser->end && (*parser->pos == 'e' || *parser->pos == 'E'))
    {
      parser->pos++;
      if (parser->pos < parser->end && (*parser->pos == '+' || *parser->pos == '-'))
        parser->pos++;
      if (!skip_digits (parser))
        goto bad;
    }
  return g_string_chunk_insert_len (parser->document->strings, start, parser->pos - start);

bad:
  fail (parser, _("a malformed number"));
  return NULL;
}

static gboolean
read_word (Parser *parser, const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (parser->end - parser->pos) < n || memcmp (parser->pos, word, n) != 0)
    return fail (parser, _("unexpected text (strings are written in double quotes)"));
  parser->pos += n;
  return TRUE;
}

/* One value at pos; an array or object is opened (pushed), not read. */
static gboolean
read_value (Parser *parser, const char *key)
{
  guint line = parser->line;
  guint index;

  if (parser->pos >= parser->end)
    return fail (parser, _("the text ends where a value was expected"));
  switch (*parser->pos)
    {
    case '{':
    case '[':
      {
        Open open;

        open.node = add_node (parser, *parser->pos == '{' ? LADDER_JSON_OBJECT : LADDER_JSON_ARRAY,
                              line, key);
        open.last_child = LADDER_JSON_NONE;
        g_array_append_val (parser->stack, open);
        parser->pos++;
        return TRUE;
      }
    case '"':
      {
        const char *text = read_string (parser);

        if (text == NULL)
          return FALSE;
        node_at (parser, add_node (parser, LADDER_JSON_STRING, line, key))->text = text;
        return TRUE;
      }
    case 't':
      add_node (parser, LADDER_JSON_TRUE, line, key);
      return read_word (parser, "true");
    case 'f':
      add_node (parser, LADDER_JSON_FALSE, line, key);
      return read_word (parser, "false");
    case 'n':
      add_node (parser, LADDER_JSON_NULL, line, key);
      return read_word (parser, "null");
    default:
      if (*parser->pos == '-' || g_ascii_isdigit (*parser->pos))
        {
          const char *text = read_number (parser);

          if (text == NULL)
            return FALSE;
          index = add_node (parser, LADDER_JSON_NUMBER, line, key);
          node_at (parser, index)->text = text;
          return TRUE;
        }
      return fail (parser, _("unexpected text (strings are written in double quotes)"));
    }
}

static gboolean
top_is_object (Parser *parser)
{
  Open *open = &g_array_index (parser->stack, Open, parser->stack->len - 1);

  return node_at (parser, open->node)->type == LADDER_JSON_OBJECT;
}

/* A member's name and colon, then its value. */
static gboolean
read_member (Parser *parser)
{
  const char *key;

  if (parser->pos >= parser->end || *parser->pos != '"')
    return fail (parser, _("expected a member name in double quotes"));
  key = read_string (parser);
  if (key == NULL)
    return FALSE;
  skip_blanks (parser);
  if (parser->pos >= parser->end || *parser->pos != ':')
    return fail (parser, _("expected “:” after a member name"));
  parser->pos++;
  skip_blanks (parser);
  return read_value (parser, key);
}

static gboolean
parse (Parser *parser)
{
  skip_blanks (parser);
  if (!read_value (parser, NULL))
    return FALSE;

  while (parser->stack->len > 0)
    {
      Open *open = &g_array_index (parser->stack, Open, parser->stack->len - 1);
      gboolean object = top_is_object (parser);
      gboolean empty = open->last_child == LADDER_JSON_NONE;
      char close = object ? '}' : ']';

      skip_blanks (parser);
      if (parser->pos >= parser->end)
        return fail (parser, object ? _("the text ends inside an object")
                                    : _("the text ends inside an array"));
      if (*parser->pos == close)
        {
          parser->pos++;
          g_array_set_size (parser->stack, parser->stack->len - 1);
          continue;
        }
      if (!empty)
        {
          /* Only a value just closed or read can be followed by a comma. */
          if (*parser->pos != ',')
            return fail (parser, object ? _("expected “,” or “}” after a member")
                                        : _("expected “,” or “]” after an element"));
          parser->pos++;
          skip_blanks (parser);
        }
      if (object ? !read_member (parser) : !read_value (parser, NULL))
        return FALSE;
    }

  skip_blanks (parser);
  if (parser->pos < parser->end)
    return fail (parser, _("more text after the end of the top value"));
  return TRUE;
}

LadderJsonDocument *
ladder_json_parse (const char  *data,
                   gsize        length,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(LadderJsonDocument) document = g_new0 (LadderJsonDocument, 1);
  Parser parser = { display_name, data, data + length, 1, document, NULL, NULL, error };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document->nodes = g_array_new (FALSE, FALSE, sizeof (LadderJsonNode));
  document->strings = g_string_chunk_new (4096);
  parser.stack = g_array_new (FALSE, FALSE, sizeof (Open));
  parser.scratch = g_string_new (NULL);
  ok = parse (&parser);
  g_array_unref (parser.stack);
  g_string_free (parser.scratch, TRUE);
  return ok ? g_steal_pointer (&document) : NULL;
}

void
ladder_json_document_free (LadderJsonDocument *document)
{
  if (document == NULL)
    return;
  if (document->nodes != NULL)
    g_array_unref (document->nodes);
  if (document->strings != NULL)
    g_string_chunk_free (document->strings);
  g_free (document);
}

const LadderJsonNode *
ladder_json_get_node (LadderJsonDocument *document,
                      guint               index)
{
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (index < document->nodes->len, NULL);

  return &g_array_index (document->nodes, LadderJsonNode, index);
}

guint
ladder_json_get_n_nodes (LadderJsonDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return document->nodes->len;
}
