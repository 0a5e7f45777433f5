/* ladder-xml-sax.c — the elements of a .ladder file, as libxml2's SAX2
 * parser reports them
 *
 * Each start tag is checked where it stands (its element, its place, its
 * attributes) and a <person> becomes a chart record at once; character
 * data outside <note> is gathered into runs, as a tree node would hold
 * it, and refused unless it is white space.  ladder-xml.c drives the
 * parser and finishes the chart.
 */
#include "config.h"

#include "ladder-chart-private.h"
#include "ladder-xml-private.h"
#include "ladder-text.h"
#include "ladder-progress.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define LADDER_XML_VERSION 1

/* ---- attribute values ---- */

static gboolean
parse_boolean (LadderXmlReader *r, guint line, const char *element, const char *name,
               const char *value, gboolean *out)
{
  if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0)
    *out = FALSE;
  else
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("%s=\"%s\" on <%s> must be true or false"), name, value, element);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_integer (LadderXmlReader *r, guint line, const char *element, const char *name,
               const char *value, gint64 min, gint64 *out)
{
  if (!g_ascii_string_to_signed (value, 10, min, G_MAXINT64, out, NULL))
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
            min >= 0 ? _("%s=\"%s\" on <%s> must be a whole number, 0 or more")
                     : _("%s=\"%s\" on <%s> must be a whole number"),
            name, value, element);
      return FALSE;
    }
  return TRUE;
}

static void
fail_unknown_attribute (LadderXmlReader *r, guint line, const char *element, const LadderXmlAttribute *attr)
{
  if (attr->prefix != NULL)
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute %s:%s on <%s>"),
          attr->prefix, attr->name, element);
  else
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute %s on <%s>"),
          attr->name, element);
}

/* Namespace declarations are attributes in the file, but libxml2 gives
 * them apart: @namespaces holds (prefix, URI) pairs. */
static gboolean
check_no_namespaces (LadderXmlReader *r, guint line, const char *element,
                     int n_namespaces, const xmlChar **namespaces)
{
  if (n_namespaces == 0)
    return TRUE;
  if (namespaces[0] != NULL)
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute xmlns:%s on <%s>"),
          (const char *) namespaces[0], element);
  else
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown attribute xmlns on <%s>"), element);
  return FALSE;
}

/* Copies @length bytes of an attribute value as libxml2 gives it to @out,
 * NUL-terminated; returns the byte after the NUL.  Without entity
 * substitution libxml2 leaves every "&" of the value (written &amp; or
 * &#38;) as "&#38;", for a tree builder to read again; with no DTD
 * allowed, that is the only reference a value can still hold. */
static char *
copy_value (char *out, const char *value, gsize length)
{
  const char *end = value + length;
  const char *amp;

  while ((amp = memchr (value, '&', end - value)) != NULL)
    {
      memcpy (out, value, amp - value);
      out += amp - value;
      *out++ = '&';
      value = amp + 1;
      if (end - value >= 4 && memcmp (value, "#38;", 4) == 0)
        value += 4;
    }
  memcpy (out, value, end - value);
  out += end - value;
  *out++ = '\0';
  return out;
}

/* Copies the attributes libxml2 gives (five pointers each: local name,
 * prefix, URI, value, end of value) into r->attributes, with each value
 * NUL-terminated in r->values.  They stay valid until the next element. */
static void
take_attributes (LadderXmlReader *r, int n, const xmlChar **given)
{
  gsize size = 0;
  char *values;

  for (int i = 0; i < n; i++)
    size += (gsize) (given[5 * i + 4] - given[5 * i + 3]) + 1;
  /* Sized first (a value only shrinks when copied): the values are
   * pointed into and must not move. */
  g_string_set_size (r->values, size);
  values = r->values->str;
  g_array_set_size (r->attributes, n);
  for (int i = 0; i < n; i++)
    {
      LadderXmlAttribute *attr = &g_array_index (r->attributes, LadderXmlAttribute, i);

      attr->name = (const char *) given[5 * i];
      attr->prefix = (const char *) given[5 * i + 1];
      attr->value = values;
      values = copy_value (values, (const char *) given[5 * i + 3],
                           (gsize) (given[5 * i + 4] - given[5 * i + 3]));
    }
}

/* libxml2's tree builder refuses an xml:id that is not a name, an error
 * of libxml2 that xmlTextReader reported before our "unknown attribute";
 * without a tree it is checked here, in the same words. */
static void
check_xml_ids (LadderXmlReader *r)
{
  for (guint i = 0; i < r->attributes->len; i++)
    {
      const LadderXmlAttribute *attr = &g_array_index (r->attributes, LadderXmlAttribute, i);

      if (attr->prefix == r->names.xml && attr->name == r->names.id
          && xmlValidateNCName ((const xmlChar *) attr->value, 1) != 0
          && r->xml_message == NULL)
        {
          r->xml_message = g_strdup_printf ("xml:id : attribute value %s is not an NCName",
                                            attr->value);
          r->xml_line = (int) ladder_xml_parser_line (r);
          r->xml_code = XML_DTD_XMLID_VALUE;
        }
    }
}

/* ---- elements ---- */

static void
start_orgchart (LadderXmlReader *r, guint line)
{
  const char *version = NULL;
  gint64 number;

  ladder_chart_set_chart_line (r->chart, line);
  for (guint i = 0; i < r->attributes->len; i++)
    {
      const LadderXmlAttribute *attr = &g_array_index (r->attributes, LadderXmlAttribute, i);
      const char *name = attr->name;
      const char *value = attr->value;

      if (attr->prefix != NULL)
        {
          fail_unknown_attribute (r, line, "orgchart", attr);
          return;
        }
      if (strcmp (name, "version") == 0)
        version = value;
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
              ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
                    _("layout=\"%s\" on <orgchart> must be tree or compact"), value);
              return;
            }
        }
      else
        {
          fail_unknown_attribute (r, line, "orgchart", attr);
          return;
        }
    }

  if (version == NULL)
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("<orgchart> has no version attribute (this Ladder reads version %d)"),
          LADDER_XML_VERSION);
  else if (!g_ascii_string_to_signed (version, 10, G_MININT64, G_MAXINT64, &number, NULL))
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("version=\"%s\" on <orgchart> must be a whole number"), version);
  else if (number > LADDER_XML_VERSION)
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("the file is format version %s, newer than this Ladder reads (%d); "
            "open it with a newer Ladder"), version, LADDER_XML_VERSION);
  else if (number < LADDER_XML_VERSION)
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("version=\"%s\" on <orgchart> is not a format version (it must be %d)"),
          version, LADDER_XML_VERSION);
}

static void
add_reference (LadderXmlReader *r, guint person, guint line, const char *to, gboolean dotted)
{
  LadderXmlReference ref = { person, line, g_string_chunk_insert (r->strings, to), dotted };

  g_array_append_val (r->references, ref);
}

/* How far down the path find_manager() looks before it asks the index. */
#define PATH_LOOK 16

/* In a file in pre-order (as Ladder writes them) the manager of each
 * person is on the path from the root to the person before: usually the
 * person before, or that person's manager.  Comparing a few ids there is
 * cheaper than a look-up in the chart's index, whose entries are spread
 * over megabytes. */
static guint
find_manager (LadderXmlReader *r, const char *id)
{
  const LadderPersonRecord *records = ladder_chart_get_records (r->chart);
  guint n = r->path->len;

  for (guint k = n; k-- > 0 && n - k <= PATH_LOOK;)
    {
      guint slot = g_array_index (r->path, guint, k);

      if (strcmp (records[slot].id, id) == 0)
        {
          g_array_set_size (r->path, k + 1);
          return slot;
        }
    }
  return ladder_chart_lookup (r->chart, id);
}

/* @person, with @manager (LADDER_NONE when none or not known yet), is the
 * end of the path now. */
static void
follow_path (LadderXmlReader *r, guint manager, guint person)
{
  guint top = r->path->len > 0 ? g_array_index (r->path, guint, r->path->len - 1)
                               : LADDER_NONE;

  /* find_manager() has cut the path after the manager when it was found
   * there; otherwise the path starts again. */
  if (manager == LADDER_NONE || manager != top)
    g_array_set_size (r->path, 0);
  if (manager != LADDER_NONE && r->path->len == 0)
    g_array_append_val (r->path, manager);
  g_array_append_val (r->path, person);
  /* Only the end of the path is looked at: a chain a million deep keeps
   * a short one. */
  if (r->path->len > 4 * PATH_LOOK)
    g_array_remove_range (r->path, 0, r->path->len - 2 * PATH_LOOK);
}

static void
start_person (LadderXmlReader *r, guint line)
{
  const char *id = NULL, *role = NULL, *name = NULL, *title = NULL, *manager = NULL;
  gboolean vacant = FALSE, assistant = FALSE, collapsed = FALSE, has_order = FALSE;
  gint64 order = 0;
  LadderPersonRecord *record;
  guint person;

  for (guint i = 0; i < r->attributes->len; i++)
    {
      const LadderXmlAttribute *attr = &g_array_index (r->attributes, LadderXmlAttribute, i);
      const char *key = attr->name;
      const char *value = attr->value;

      if (attr->prefix != NULL)
        {
          fail_unknown_attribute (r, line, "person", attr);
          return;
        }

      if (key == r->names.id)
        id = value;
      else if (key == r->names.role)
        role = value;
      else if (key == r->names.name)
        name = value;
      else if (key == r->names.title)
        title = value;
      else if (key == r->names.manager)
        manager = value;
      else if (key == r->names.vacant)
        {
          if (!parse_boolean (r, line, "person", key, value, &vacant))
            return;
        }
      else if (key == r->names.assistant)
        {
          if (!parse_boolean (r, line, "person", key, value, &assistant))
            return;
        }
      else if (key == r->names.collapsed)
        {
          if (!parse_boolean (r, line, "person", key, value, &collapsed))
            return;
        }
      else if (key == r->names.order)
        {
          if (!parse_integer (r, line, "person", key, value, G_MININT64, &order))
            return;
          has_order = TRUE;
        }
      else
        {
          fail_unknown_attribute (r, line, "person", attr);
          return;
        }
    }

  if (id == NULL)
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person> has no id attribute"));
      return;
    }
  if (!ladder_id_is_valid (id))
    {
      g_autofree char *shown = ladder_text_shorten (id, LADDER_TEXT_QUOTE_MAX);

      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("id=\"%s\" is not a valid id (1 to 64 letters, digits, “_”, “.” or “-”)"), shown);
      return;
    }
  if (role == NULL)
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person id=\"%s\"> has no role attribute"), id);
      return;
    }
  if (role[0] == '\0')
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("<person id=\"%s\"> has an empty role"), id);
      return;
    }

  person = ladder_chart_append_record (r->chart, id, role, line);
  ladder_progress_person_loaded ();
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
      ladder_xml_fail (r, LADDER_CHART_ERROR_DUPLICATE_ID, line,
            _("the id \"%s\" is already used on line %u"), id, earlier);
      return;
    }
  record = ladder_chart_get_record (r->chart, person);
  if (name != NULL && name[0] != '\0')
    record->name = ladder_chart_copy_text (r->chart, name, strlen (name));
  if (title != NULL && title[0] != '\0')
    record->title = ladder_chart_copy_text (r->chart, title, strlen (title));
  record->vacant = vacant;
  record->assistant = assistant;
  record->collapsed = collapsed;
  record->has_order = has_order;
  record->order = order;
  if (manager != NULL)
    {
      /* Most files (all that Ladder writes) name a manager before their
       * reports: resolve at once, keep only forward references. */
      guint target = find_manager (r, manager);

      if (target != LADDER_NONE)
        record->manager = target;
      else
        add_reference (r, person, line, manager, FALSE);
      follow_path (r, target, person);
    }
  else
    follow_path (r, LADDER_NONE, person);

  r->person = person;
  r->person_has_note = FALSE;
}

static void
start_note (LadderXmlReader *r, guint line)
{
  if (r->attributes->len > 0)
    {
      fail_unknown_attribute (r, line, "note", &g_array_index (r->attributes, LadderXmlAttribute, 0));
      return;
    }
  if (r->person_has_note)
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
            _("<person id=\"%s\"> has a second <note> (at most one is allowed)"),
            ladder_chart_get_id (r->chart, r->person));
      return;
    }
  r->person_has_note = TRUE;
  r->in_note = TRUE;
  g_string_truncate (r->note, 0);
}

static void
end_note (LadderXmlReader *r)
{
  LadderPersonRecord *record = ladder_chart_get_record (r->chart, r->person);

  r->in_note = FALSE;
  if (r->note->len > 0)
    record->note = ladder_chart_copy_text (r->chart, r->note->str, r->note->len);
}

static void
start_dotted_line (LadderXmlReader *r, guint line)
{
  const char *to = NULL;

  for (guint i = 0; i < r->attributes->len; i++)
    {
      const LadderXmlAttribute *attr = &g_array_index (r->attributes, LadderXmlAttribute, i);

      if (attr->prefix == NULL && strcmp (attr->name, "to") == 0)
        to = attr->value;
      else
        {
          fail_unknown_attribute (r, line, "dotted-line", attr);
          return;
        }
    }
  if (to == NULL)
    {
      ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("<dotted-line> has no to attribute"));
      return;
    }
  add_reference (r, r->person, line, to, TRUE);
}

/* @name: libxml2's, without prefix. */
static gboolean
is_known_element (LadderXmlReader *r, const char *name)
{
  return name == r->names.orgchart || name == r->names.person
         || name == r->names.note || name == r->names.dotted_line;
}

/* ---- character data ---- */

/* A run outside any note ends at the next markup; then it is checked as
 * the tree node libxml2 would have made of it: only white space may
 * stand between the elements of a chart. */
static void
end_run (LadderXmlReader *r)
{
  const char *text = r->run_text->str;
  guint line;

  if (r->run == LADDER_XML_RUN_NONE)
    return;
  if (r->run == LADDER_XML_RUN_TEXT)
    {
      const char *p = text;

      while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      if (*p == '\0')
        {
          r->run = LADDER_XML_RUN_NONE;
          g_string_truncate (r->run_text, 0);
          return;
        }
    }

  /* libxml2 gives the line where it handed over the text's first piece;
   * the scanner finds where the text starts. */
  line = ladder_xml_scanner_find_text (&r->scanner, text);
  if (line == 0)
    line = r->run_line;
  ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, MAX (line, 1),
        _("text is not allowed inside <%s>"), r->depth > 0 ? r->open[r->depth - 1] : "?");
}

static void
add_run (LadderXmlReader *r, LadderXmlRun kind, const xmlChar *text, int length)
{
  if (r->run != kind)
    {
      end_run (r);
      if (ladder_xml_refused (r))
        return;
      r->run = kind;
      /* What the tree would have said: a text node has the line where its
       * first piece was handed over; a CDATA node none of its own, so the
       * line of the element it is in, kept below 65536 like an element's. */
      r->run_line = kind == LADDER_XML_RUN_TEXT ? ladder_xml_parser_line (r)
                    : r->depth > 0 ? MIN (r->open_line[r->depth - 1], 65535) : 0;
    }
  g_string_append_len (r->run_text, (const char *) text, length);
}

static void
on_characters (void *user_data, const xmlChar *text, int length)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;

  if (ladder_xml_refused (r))
    return;
  if (r->in_note)
    g_string_append_len (r->note, (const char *) text, length);
  else
    add_run (r, LADDER_XML_RUN_TEXT, text, length);
}

static void
on_cdata (void *user_data, const xmlChar *text, int length)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;

  if (ladder_xml_refused (r))
    return;
  if (r->in_note)
    g_string_append_len (r->note, (const char *) text, length);
  else
    add_run (r, LADDER_XML_RUN_CDATA, text, length);
}

/* Comments and processing instructions are allowed and dropped; they
 * end a run of text. */
static void
on_comment (void *user_data, const xmlChar *text)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;

  if (!ladder_xml_refused (r))
    end_run (r);
}

static void
on_processing_instruction (void *user_data, const xmlChar *target, const xmlChar *data)
{
  on_comment (user_data, NULL);
}

/* check_prolog refuses these first; this is a second guard. */
static void
on_doctype (void *user_data, const xmlChar *name, const xmlChar *public_id,
            const xmlChar *system_id)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;

  ladder_xml_fail (r, LADDER_CHART_ERROR_FORBIDDEN, MAX (1, ladder_xml_parser_line (r)), "%s", _(ladder_xml_doctype_message));
}

static void
on_entity_reference (void *user_data, const xmlChar *name)
{
  on_doctype (user_data, NULL, NULL, NULL);
}

/* ---- the element callbacks ---- */

static void
on_start_element (void *user_data, const xmlChar *local_name, const xmlChar *prefix,
                  const xmlChar *uri, int n_namespaces, const xmlChar **namespaces,
                  int n_attributes, int n_defaulted, const xmlChar **attributes)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;
  const char *local = (const char *) local_name;
  g_autofree char *qualified = NULL;
  const char *name = local;
  guint depth;
  guint line;

  /* A run of text ends inside the element that holds this one. */
  if (!ladder_xml_refused (r))
    end_run (r);
  depth = r->depth++;
  if (r->xml_message != NULL)
    return;
  /* Even after our refusal: libxml2's would win if it came in the same
   * piece (see push() in ladder-xml.c). */
  take_attributes (r, n_attributes, attributes);
  check_xml_ids (r);
  if (ladder_xml_refused (r))
    return;
  line = ladder_xml_scanner_next_start_tag (&r->scanner);
  if (prefix != NULL)
    name = qualified = g_strconcat ((const char *) prefix, ":", local, NULL);

  /* With namespace declarations refused, a namespaced element has a
   * prefix in its name and is unknown by name. */
  if (!check_no_namespaces (r, line, local, n_namespaces, namespaces))
    return;
  if (depth == 0)
    {
      if (prefix != NULL || local != r->names.orgchart)
        {
          ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
                _("the root element is <%s>, not <orgchart>: this is not a Ladder chart"), name);
          return;
        }
      r->seen_root = TRUE;
      start_orgchart (r, line);
    }
  else if (prefix != NULL || !is_known_element (r, local))
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line, _("unknown element <%s>"), name);
  else if (depth == 1 && local == r->names.person)
    start_person (r, line);
  else if (depth == 2 && r->person != LADDER_NONE && !r->in_note
           && local == r->names.note)
    start_note (r, line);
  else if (depth == 2 && r->person != LADDER_NONE && !r->in_note
           && local == r->names.dotted_line)
    start_dotted_line (r, line);
  else
    ladder_xml_fail (r, LADDER_CHART_ERROR_INVALID, line,
          _("<%s> is not allowed inside <%s>"), name, r->open[depth - 1]);

  if (ladder_xml_refused (r))
    return;
  /* Accepted elements are the four known ones, at most three deep. */
  g_assert (depth < LADDER_XML_MAX_OPEN);
  r->open[depth] = local;
  r->open_line[depth] = ladder_xml_parser_line (r);
}

static void
on_end_element (void *user_data, const xmlChar *local_name, const xmlChar *prefix,
                const xmlChar *uri)
{
  LadderXmlReader *r = ((xmlParserCtxtPtr) user_data)->_private;
  guint depth;

  /* A run of text ends inside the element that ends. */
  if (!ladder_xml_refused (r))
    end_run (r);
  depth = --r->depth;
  if (ladder_xml_refused (r))
    return;
  if (depth == 1)
    r->person = LADDER_NONE;
  else if (depth == 2 && r->in_note)
    end_note (r);
}

void
ladder_xml_sax_init (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->cdataBlock = on_cdata;
  sax->comment = on_comment;
  sax->processingInstruction = on_processing_instruction;
  sax->internalSubset = on_doctype;
  sax->reference = on_entity_reference;
}

void
ladder_xml_sax_prepare (LadderXmlReader *r)
{
  xmlDictPtr dict = r->parser->dict;

#define NAME(field, text) \
  r->names.field = (const char *) xmlDictLookup (dict, (const xmlChar *) text, -1)
  NAME (orgchart, "orgchart");
  NAME (person, "person");
  NAME (note, "note");
  NAME (dotted_line, "dotted-line");
  NAME (id, "id");
  NAME (role, "role");
  NAME (name, "name");
  NAME (title, "title");
  NAME (manager, "manager");
  NAME (vacant, "vacant");
  NAME (assistant, "assistant");
  NAME (collapsed, "collapsed");
  NAME (order, "order");
  NAME (xml, "xml");
#undef NAME
}
