/* ladder-xml.c — the .ladder file format (version 1)
 *
 * Reading streams the document through an xmlTextReader and builds the
 * chart with the bulk API of ladder-chart-private.h: records are appended
 * as <person> elements arrive, manager and dotted-line references are kept
 * as strings and resolved once the document has ended, and the hierarchy
 * is linked in one pass.  Nothing in here recurses.
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

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

#define LADDER_XML_VERSION 1

/* Options for every read: no network, no entity substitution, no DTD
 * loading, and the encoding is always UTF-8 whatever the declaration says.
 * XML_PARSE_HUGE is left out on purpose: libxml2's size limits stay on. */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES \
                        | XML_PARSE_NOWARNING)

typedef struct {
  guint       person;
  guint       line;
  const char *to;          /* in Reader.strings */
  gboolean    dotted;
} Reference;

typedef struct {
  const char       *display_name;
  const char       *data;
  const char       *end;

  LadderXmlScanner  scanner;     /* the lines of elements and text */

  xmlTextReaderPtr  reader;
  LadderChart      *chart;
  GError           *error;

  /* The first error libxml2 reported. */
  char             *xml_message;
  int               xml_line;
  int               xml_code;

  GStringChunk     *strings;
  GArray           *references;  /* Reference, in file order */

  gboolean          seen_root;
  guint             person;      /* the open <person>, or LADDER_NONE */
  gboolean          in_note;
  gboolean          person_has_note;
  GString          *note;
  char             *scratch;     /* an attribute value that had to be copied */

  /* The last roles seen, interned: most files use a dozen roles. */
  const char       *role_cache[16];
  guint             role_cache_next;
} Reader;

static const char doctype_message[] =
  N_("the file has a DOCTYPE; Ladder files have none (no DTD, no entities)");

static void fail (Reader *r, LadderChartError code, guint line,
                  const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
fail (Reader     *r,
      LadderChartError code,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
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
  Reader *r = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || r->xml_message != NULL)
    return;
  r->xml_message = g_strstrip (g_strdup (error->message ? error->message : ""));
  r->xml_line = error->line;
  r->xml_code = error->code;
}

static void
fail_from_xml (Reader *r)
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
          fail (r, LADDER_CHART_ERROR_PARSE, line,
                _("the file is not valid UTF-8 (byte 0x%02X)"), (guchar) *bad);
          return;
        }
    }

  line = r->xml_line > 0 ? (guint) r->xml_line
                         : (guint) MAX (1, xmlTextReaderGetParserLineNumber (r->reader));
  if (r->xml_message != NULL && r->xml_message[0] != '\0')
    fail (r, LADDER_CHART_ERROR_PARSE, line, _("not well-formed XML: %s"), r->xml_message);
  else
    fail (r, LADDER_CHART_ERROR_PARSE, line, _("not well-formed XML"));
}

/* ---- attribute values ---- */

static const char *
attribute_value (Reader *r, xmlAttrPtr attr)
{
  xmlNodePtr child = attr->children;

  if (child == NULL)
    return "";
  if (child->type == XML_TEXT_NODE && child->next == NULL)
    return (const char *) child->content;
  /* Several pieces (character references): join them. */
  g_clear_pointer (&r->scratch, xmlFree);
  r->scratch = (char *) xmlNodeListGetString (attr->doc, child, 1);
  return r->scratch ? r->scratch : "";
}

static const char *
intern_role (Reader *r, const char *role)
{
  const char *interned;

  for (guint i = 0; i < G_N_ELEMENTS (r->role_cache); i++)
    {
      const char *cached = r->role_cache[i];

      if (cached != NULL && cached[0] == role[0] && strcmp (cached, role) == 0)
        return cached;
    }
  interned = g_intern_string (role);
  r->role_cache[r->role_cache_next] = interned;
  r->role_cache_next = (r->role_cache_next + 1) % G_N_ELEMENTS (r->role_cache);
  return interned;
}

static gboolean
parse_boolean (Reader *r, guint line, const char *element, const char *name,
               const char *value, gboolean *out)
{
  if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0)
    *out = FALSE;
  else
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("%s=\"%s\" on <%s> must be true or false"), name, value, element);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_integer (Reader *r, guint line, const char *element, const char *name,
               const char *value, gint64 min, gint64 *out)
{
  if (!g_ascii_string_to_signed (value, 10, min, G_MAXINT64, out, NULL))
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line,
            min >= 0 ? _("%s=\"%s\" on <%s> must be a whole number, 0 or more")
                     : _("%s=\"%s\" on <%s> must be a whole number"),
            name, value, element);
      return FALSE;
    }
  return TRUE;
}

static void
fail_unknown_attribute (Reader *r, guint line, xmlNodePtr node, xmlAttrPtr attr)
{
  if (attr->ns != NULL && attr->ns->prefix != NULL)
    fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute %s:%s on <%s>"),
          (const char *) attr->ns->prefix, (const char *) attr->name,
          (const char *) node->name);
  else
    fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute %s on <%s>"),
          (const char *) attr->name, (const char *) node->name);
}

/* Namespace declarations are attributes in the file but not in the tree. */
static gboolean
check_no_namespaces (Reader *r, guint line, xmlNodePtr node)
{
  if (node->nsDef == NULL)
    return TRUE;
  if (node->nsDef->prefix != NULL)
    fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute xmlns:%s on <%s>"),
          (const char *) node->nsDef->prefix, (const char *) node->name);
  else
    fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute xmlns on <%s>"),
          (const char *) node->name);
  return FALSE;
}

/* ---- elements ---- */

static void
start_orgchart (Reader *r, xmlNodePtr node, guint line)
{
  const char *version = NULL;
  gint64 number;

  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      const char *value;

      if (attr->ns != NULL)
        {
          fail_unknown_attribute (r, line, node, attr);
          return;
        }
      value = attribute_value (r, attr);
      if (strcmp (name, "version") == 0)
        version = g_string_chunk_insert (r->strings, value);
      else if (strcmp (name, "title") == 0)
        ladder_chart_set_title (r->chart, value[0] ? value : NULL);
      else if (strcmp (name, "employees") == 0)
        {
          if (!parse_integer (r, line, "orgchart", "employees", value, 0, &number))
            return;
          ladder_chart_set_employees (r->chart, number);
        }
      else if (strcmp (name, "layout") == 0)
        {
          if (strcmp (value, "tree") == 0)
            ladder_chart_set_layout (r->chart, LADDER_LAYOUT_TREE);
          else if (strcmp (value, "compact") == 0)
            ladder_chart_set_layout (r->chart, LADDER_LAYOUT_COMPACT);
          else
            {
              fail (r, LADDER_CHART_ERROR_INVALID, line,
                    _("layout=\"%s\" on <orgchart> must be tree or compact"), value);
              return;
            }
        }
      else
        {
          fail_unknown_attribute (r, line, node, attr);
          return;
        }
    }

  if (version == NULL)
    fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("<orgchart> has no version attribute (this Ladder reads version %d)"),
          LADDER_XML_VERSION);
  else if (!g_ascii_string_to_signed (version, 10, G_MININT64, G_MAXINT64, &number, NULL))
    fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("version=\"%s\" on <orgchart> must be a whole number"), version);
  else if (number > LADDER_XML_VERSION)
    fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("the file is format version %s, newer than this Ladder reads (%d); "
            "open it with a newer Ladder"), version, LADDER_XML_VERSION);
  else if (number < LADDER_XML_VERSION)
    fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("version=\"%s\" on <orgchart> is not a format version (it must be %d)"),
          version, LADDER_XML_VERSION);
}

static void
add_reference (Reader *r, guint person, guint line, const char *to, gboolean dotted)
{
  Reference ref = { person, line, g_string_chunk_insert (r->strings, to), dotted };

  g_array_append_val (r->references, ref);
}

static void
start_person (Reader *r, xmlNodePtr node, guint line)
{
  const char *id = NULL, *role = NULL, *name = NULL, *title = NULL, *manager = NULL;
  gboolean vacant = FALSE, assistant = FALSE, collapsed = FALSE, has_order = FALSE;
  gint64 order = 0;
  LadderPersonRecord *record;
  guint person;

  /* The values stay valid while the node does, except one joined into
   * r->scratch: such a value (rare) is copied to r->strings. */
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *key = (const char *) attr->name;
      const char *value;

      if (attr->ns != NULL)
        {
          fail_unknown_attribute (r, line, node, attr);
          return;
        }
      value = attribute_value (r, attr);
      if (value == r->scratch)
        value = g_string_chunk_insert (r->strings, value);

      if (strcmp (key, "id") == 0)
        id = value;
      else if (strcmp (key, "role") == 0)
        role = value;
      else if (strcmp (key, "name") == 0)
        name = value;
      else if (strcmp (key, "title") == 0)
        title = value;
      else if (strcmp (key, "manager") == 0)
        manager = value;
      else if (strcmp (key, "vacant") == 0)
        {
          if (!parse_boolean (r, line, "person", key, value, &vacant))
            return;
        }
      else if (strcmp (key, "assistant") == 0)
        {
          if (!parse_boolean (r, line, "person", key, value, &assistant))
            return;
        }
      else if (strcmp (key, "collapsed") == 0)
        {
          if (!parse_boolean (r, line, "person", key, value, &collapsed))
            return;
        }
      else if (strcmp (key, "order") == 0)
        {
          if (!parse_integer (r, line, "person", key, value, G_MININT64, &order))
            return;
          has_order = TRUE;
        }
      else
        {
          fail_unknown_attribute (r, line, node, attr);
          return;
        }
    }

  if (id == NULL)
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person> has no id attribute"));
      return;
    }
  if (!ladder_id_is_valid (id))
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("id=\"%s\" is not a valid id (1 to 64 letters, digits, “_”, “.” or “-”)"), id);
      return;
    }
  if (role == NULL)
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person id=\"%s\"> has no role attribute"), id);
      return;
    }
  if (role[0] == '\0')
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person id=\"%s\"> has an empty role"), id);
      return;
    }

  person = ladder_chart_append_record (r->chart, id, intern_role (r, role), line);
  if (person == LADDER_NONE)
    {
      guint earlier = 0;

      /* Found by a scan rather than ladder_chart_lookup: the refusal is
       * rare, and the id index must not be trusted after a failed
       * append. */
      for (guint p = 0; p < ladder_chart_get_capacity (r->chart); p++)
        {
          if (strcmp (ladder_chart_get_record (r->chart, p)->id, id) == 0)
            {
              earlier = ladder_chart_get_record (r->chart, p)->line;
              break;
            }
        }
      fail (r, LADDER_CHART_ERROR_DUPLICATE_ID, line,
            _("the id \"%s\" is already used on line %u"), id, earlier);
      return;
    }
  record = ladder_chart_get_record (r->chart, person);
  if (name != NULL && name[0] != '\0')
    record->name = g_strdup (name);
  if (title != NULL && title[0] != '\0')
    record->title = g_strdup (title);
  record->vacant = vacant;
  record->assistant = assistant;
  record->collapsed = collapsed;
  record->has_order = has_order;
  record->order = order;
  if (manager != NULL)
    {
      /* Most files (all that Ladder writes) name a manager before their
       * reports: resolve at once, keep only forward references. */
      guint target = ladder_chart_lookup (r->chart, manager);

      if (target != LADDER_NONE)
        record->manager = target;
      else
        add_reference (r, person, line, manager, FALSE);
    }

  r->person = person;
  r->person_has_note = FALSE;
}

static void
start_note (Reader *r, xmlNodePtr node, guint line)
{
  if (node->properties != NULL)
    {
      fail_unknown_attribute (r, line, node, node->properties);
      return;
    }
  if (r->person_has_note)
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("<person id=\"%s\"> has a second <note> (at most one is allowed)"),
            ladder_chart_get_id (r->chart, r->person));
      return;
    }
  r->person_has_note = TRUE;
  r->in_note = TRUE;
  g_string_truncate (r->note, 0);
}

static void
end_note (Reader *r)
{
  LadderPersonRecord *record = ladder_chart_get_record (r->chart, r->person);

  r->in_note = FALSE;
  if (r->note->len > 0)
    record->note = g_strndup (r->note->str, r->note->len);
}

static void
start_dotted_line (Reader *r, xmlNodePtr node, guint line)
{
  const char *to = NULL;

  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns == NULL && strcmp ((const char *) attr->name, "to") == 0)
        to = attribute_value (r, attr);
      else
        {
          fail_unknown_attribute (r, line, node, attr);
          return;
        }
    }
  if (to == NULL)
    {
      fail (r, LADDER_CHART_ERROR_INVALID, line, _("<dotted-line> has no to attribute"));
      return;
    }
  add_reference (r, r->person, line, to, TRUE);
}

static gboolean
is_known_element (const char *name)
{
  return strcmp (name, "orgchart") == 0 || strcmp (name, "person") == 0
         || strcmp (name, "note") == 0 || strcmp (name, "dotted-line") == 0;
}

static void
start_element (Reader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);
  const char *name = (const char *) xmlTextReaderConstName (r->reader);
  int depth = xmlTextReaderDepth (r->reader);
  guint line = ladder_xml_scanner_next_start_tag (&r->scanner);

  /* With namespace declarations refused, a namespaced element has a
   * prefix in its name and is unknown by name. */
  if (!check_no_namespaces (r, line, node))
    return;
  if (depth == 0)
    {
      if (strcmp (name, "orgchart") != 0)
        {
          fail (r, LADDER_CHART_ERROR_INVALID, line,
                _("the root element is <%s>, not <orgchart>: this is not a Ladder chart"), name);
          return;
        }
      r->seen_root = TRUE;
      start_orgchart (r, node, line);
      return;
    }

  if (!is_known_element (name))
    fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown element <%s>"), name);
  else if (depth == 1 && strcmp (name, "person") == 0)
    start_person (r, node, line);
  else if (depth == 2 && r->person != LADDER_NONE && !r->in_note
           && strcmp (name, "note") == 0)
    start_note (r, node, line);
  else if (depth == 2 && r->person != LADDER_NONE && !r->in_note
           && strcmp (name, "dotted-line") == 0)
    start_dotted_line (r, node, line);
  else
    {
      const char *parent = node->parent ? (const char *) node->parent->name : "?";

      fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("<%s> is not allowed inside <%s>"), name, parent);
    }
}

static void
end_element (Reader *r)
{
  switch (xmlTextReaderDepth (r->reader))
    {
    case 1:
      r->person = LADDER_NONE;
      break;
    case 2:
      if (r->in_note)
        end_note (r);
      break;
    default:
      break;
    }
}

static void
text (Reader *r, int type)
{
  const char *value = (const char *) xmlTextReaderConstValue (r->reader);
  xmlNodePtr node;
  long line;

  if (value == NULL)
    return;
  if (r->in_note)
    {
      g_string_append (r->note, value);
      return;
    }
  if (type != XML_READER_TYPE_TEXT && type != XML_READER_TYPE_CDATA)
    return;

  /* libxml2 gives the line where it handed over the text's first piece;
   * the scanner finds where the text starts. */
  node = xmlTextReaderCurrentNode (r->reader);
  line = ladder_xml_scanner_find_text (&r->scanner, value);
  if (line == 0)
    line = MAX (xmlGetLineNo (node), 1);
  node = node->parent;
  fail (r, LADDER_CHART_ERROR_INVALID, (guint) MAX (line, 1),
        _("text is not allowed inside <%s>"),
        node != NULL ? (const char *) node->name : "?");
}

/* ---- after the document ---- */

static gboolean
resolve_references (Reader *r)
{
  guint i = 0;

  while (i < r->references->len)
    {
      Reference *ref = &g_array_index (r->references, Reference, i);
      LadderPersonRecord *record;
      guint target = ladder_chart_lookup (r->chart, ref->to);
      guint n = 1;

      if (target == LADDER_NONE)
        {
          fail (r, LADDER_CHART_ERROR_DANGLING, ref->line,
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
             && g_array_index (r->references, Reference, i + n).dotted
             && g_array_index (r->references, Reference, i + n).person == ref->person)
        n++;
      record->dotted = g_new (guint, n);
      record->n_dotted = 0;
      for (guint k = 0; k < n; k++)
        {
          Reference *dotted = &g_array_index (r->references, Reference, i + k);

          target = ladder_chart_lookup (r->chart, dotted->to);
          if (target == LADDER_NONE)
            {
              fail (r, LADDER_CHART_ERROR_DANGLING, dotted->line,
                    _("the dotted line of “%s” goes to “%s”, who is not on the chart"),
                    ladder_chart_get_id (r->chart, dotted->person), dotted->to);
              return FALSE;
            }
          if (target == dotted->person)
            {
              fail (r, LADDER_CHART_ERROR_INVALID, dotted->line,
                    _("“%s” has a dotted line to themselves"), dotted->to);
              return FALSE;
            }
          for (guint j = 0; j < record->n_dotted; j++)
            {
              if (record->dotted[j] == target)
                {
                  fail (r, LADDER_CHART_ERROR_INVALID, dotted->line,
                        _("“%s” has a second dotted line to “%s”"),
                        ladder_chart_get_id (r->chart, dotted->person), dotted->to);
                  return FALSE;
                }
            }
          record->dotted[record->n_dotted++] = target;
        }
      i += n;
    }
  return TRUE;
}

/* How many people of a cycle its message names. */
#define CYCLE_SHOWN 12

static gboolean
link_hierarchy (Reader *r)
{
  g_autofree guint *cycle = NULL;
  g_autoptr(GString) names = NULL;
  guint n_cycle = 0, first = 0;

  if (ladder_chart_link_records (r->chart, &cycle, &n_cycle))
    return TRUE;

  /* Start the list at the person who comes first in the file. */
  for (guint i = 1; i < n_cycle; i++)
    {
      if (ladder_chart_get_line (r->chart, cycle[i]) < ladder_chart_get_line (r->chart, cycle[first]))
        first = i;
    }
  /* A long cycle is shown by its ends: the message stays one line. */
  names = g_string_new (NULL);
  for (guint i = 0; i <= n_cycle; i++)
    {
      if (n_cycle > CYCLE_SHOWN && i == CYCLE_SHOWN / 2)
        {
          g_string_append_printf (names, " → … %u more …", n_cycle - CYCLE_SHOWN);
          i = n_cycle - CYCLE_SHOWN / 2;
        }
      if (i > 0)
        g_string_append (names, " → ");
      g_string_append (names, ladder_chart_get_id (r->chart, cycle[(first + i) % n_cycle]));
    }
  fail (r, LADDER_CHART_ERROR_CYCLE, ladder_chart_get_line (r->chart, cycle[first]),
        _("the manager references form a cycle: %s"), names->str);
  return FALSE;
}

static void
read_document (Reader *r)
{
  int status;

  while ((status = xmlTextReaderRead (r->reader)) == 1 && r->xml_message == NULL)
    {
      int type = xmlTextReaderNodeType (r->reader);

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          start_element (r);
          if (r->error == NULL && xmlTextReaderIsEmptyElement (r->reader))
            end_element (r);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          end_element (r);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          text (r, type);
          break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
          /* check_prolog refuses these first; this is a second guard. */
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail (r, LADDER_CHART_ERROR_FORBIDDEN,
                (guint) MAX (1, xmlTextReaderGetParserLineNumber (r->reader)),
                "%s", _(doctype_message));
          break;
        default:
          /* Comments and processing instructions are allowed and dropped. */
          break;
        }
      if (r->error != NULL)
        return;
    }
  if (status != 0 || r->xml_message != NULL)
    fail_from_xml (r);
  else if (!r->seen_root)
    fail (r, LADDER_CHART_ERROR_PARSE, 1, _("not well-formed XML: the document is empty"));
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
  Reader r = { 0 };
  guint doctype_line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.display_name = display_name;
  r.data = data ? data : "";
  r.end = r.data + length;
  ladder_xml_scanner_init (&r.scanner, r.data, length);
  r.person = LADDER_NONE;

  if (ladder_xml_is_blank (r.data, length))
    {
      fail (&r, LADDER_CHART_ERROR_PARSE, 1, _("the file is empty"));
      g_propagate_error (error, r.error);
      return NULL;
    }
  if (length > G_MAXINT)
    {
      fail (&r, LADDER_CHART_ERROR_IO, 0, _("the file is too large to read (over 2 GB)"));
      g_propagate_error (error, r.error);
      return NULL;
    }
  /* Before libxml2 parses anything: a refused DOCTYPE can then neither
   * declare nor expand an entity. */
  doctype_line = ladder_xml_find_doctype (r.data, length);
  if (doctype_line > 0)
    {
      fail (&r, LADDER_CHART_ERROR_FORBIDDEN, doctype_line, "%s", _(doctype_message));
      g_propagate_error (error, r.error);
      return NULL;
    }

  chart = ladder_chart_new ();
  r.chart = chart;
  r.strings = g_string_chunk_new (64 * 1024);
  r.references = g_array_new (FALSE, FALSE, sizeof (Reference));
  r.note = g_string_new (NULL);
  /* Some encoding errors reach libxml2's generic handler, which prints to
   * stderr; the reader's own handler already reports them. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  r.reader = xmlReaderForMemory (r.data, (int) length, NULL, "UTF-8", READER_OPTIONS);
  if (r.reader == NULL)
    fail (&r, LADDER_CHART_ERROR_IO, 0, _("cannot start the XML reader"));
  else
    {
      xmlTextReaderSetStructuredErrorHandler (r.reader, on_xml_error, &r);
      read_document (&r);
      g_clear_pointer (&r.reader, xmlFreeTextReader);
    }
  xmlSetGenericErrorFunc (NULL, NULL);

  if (r.error == NULL && resolve_references (&r))
    link_hierarchy (&r);

  g_clear_pointer (&r.scratch, xmlFree);
  g_clear_pointer (&r.xml_message, g_free);
  g_string_chunk_free (r.strings);
  g_array_unref (r.references);
  g_string_free (r.note, TRUE);

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
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      gboolean missing = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      g_set_error (error, LADDER_CHART_ERROR,
                   missing ? LADDER_CHART_ERROR_NOT_FOUND : LADDER_CHART_ERROR_IO,
                   "%s: error: %s", path,
                   missing ? _("no such file") : local_error->message);
      return NULL;
    }
  return ladder_xml_read_memory (g_mapped_file_get_contents (file),
                                 g_mapped_file_get_length (file), path, error);
}
