/* ladder-xml-private.h — the parts of the .ladder reader: the state it
 * shares between the driver (ladder-xml.c) and the SAX callbacks that
 * read the elements (ladder-xml-sax.c), and the raw-byte helpers
 * (ladder-xml-scan.c) */
#pragma once

#include "ladder-chart.h"

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* Follows the start tags of a document in order.  The parser reports
 * elements in document order, and in well-formed XML a "<" outside
 * comments, processing instructions and CDATA always opens a tag, so the
 * next start tag in the bytes is the element the parser has just
 * reported. */
typedef struct {
  const char *data;
  const char *end;
  const char *scan;       /* just after the "<" of the last start tag */
  guint       scan_line;  /* its line */
} LadderXmlScanner;

void     ladder_xml_scanner_init           (LadderXmlScanner *scanner, const char *data,
                                            gsize length);
/* The line of the next start tag. */
guint    ladder_xml_scanner_next_start_tag (LadderXmlScanner *scanner);
/* The line where @text (as the reader gives it) begins after the last
 * start tag, or 0 when it cannot be found in the bytes. */
guint    ladder_xml_scanner_find_text      (LadderXmlScanner *scanner, const char *text);

/* The line of a DOCTYPE in the prolog, or 0 when there is none. */
guint    ladder_xml_find_doctype           (const char *data, gsize length);
/* Only white space (and a byte order mark). */
gboolean ladder_xml_is_blank               (const char *data, gsize length);
guint    ladder_xml_count_newlines         (const char *from, const char *to);
/* The same, with a CR on its own counted as a line end. */
guint    ladder_xml_count_lines            (const char *from, const char *to);

/* Elements nest at most this deep in a chart: orgchart > person > note. */
#define LADDER_XML_MAX_OPEN 4

typedef struct {
  guint       person;
  guint       line;
  const char *to;          /* in LadderXmlReader.strings */
  gboolean    dotted;
} LadderXmlReference;

/* One attribute of the element being read. */
typedef struct {
  const char *prefix;      /* NULL when it has none */
  const char *name;
  const char *value;       /* NUL-terminated, in LadderXmlReader.values */
} LadderXmlAttribute;

/* A run of character data outside any <note>, as one tree node would
 * hold it: text up to the next markup, or adjacent CDATA sections. */
typedef enum {
  LADDER_XML_RUN_NONE,
  LADDER_XML_RUN_TEXT,
  LADDER_XML_RUN_CDATA,
} LadderXmlRun;

typedef struct {
  const char       *display_name;
  const char       *data;
  const char       *end;

  LadderXmlScanner  scanner;     /* the lines of elements and text */

  xmlParserCtxtPtr  parser;
  LadderChart      *chart;
  GError           *error;

  /* The first error libxml2 reported. */
  char             *xml_message;
  int               xml_line;
  int               xml_code;

  GStringChunk     *strings;
  GArray           *references;  /* LadderXmlReference, in file order */
  GArray           *path;        /* slots: a person and the managers above */

  GArray           *attributes;  /* LadderXmlAttribute, of the element being read */
  GString          *values;      /* their values */

  gboolean          seen_root;
  gboolean          started;     /* a push has left an element open */
  guint             depth;       /* of the next element */
  /* The open elements that were accepted, and the line libxml2 gave
   * each (where its start tag ends, at most 65535). */
  const char       *open[LADDER_XML_MAX_OPEN];
  guint             open_line[LADDER_XML_MAX_OPEN];
  guint             person;      /* the open <person>, or LADDER_NONE */
  gboolean          in_note;
  gboolean          person_has_note;
  GString          *note;

  LadderXmlRun           run;
  guint             run_line;    /* libxml2's line for the run */
  GString          *run_text;

  /* The names the format knows, as libxml2's dictionary holds them: the
   * names libxml2 reports are in that dictionary too, so a name is known
   * by its pointer (see ladder_xml_sax_prepare). */
  struct {
    const char *orgchart, *person, *note, *dotted_line;
    const char *id, *role, *name, *title, *manager, *vacant, *assistant, *collapsed,
               *order, *xml;
  } names;
} LadderXmlReader;

extern const char ladder_xml_doctype_message[];

void     ladder_xml_fail                   (LadderXmlReader *r, LadderChartError code,
                                            guint line, const char *format, ...) G_GNUC_PRINTF (4, 5);
/* libxml2's current line. */
guint    ladder_xml_parser_line            (LadderXmlReader *r);
/* Sets the callbacks of ladder-xml-sax.c; the parser's _private is the
 * LadderXmlReader. */
void     ladder_xml_sax_init               (xmlSAXHandler *sax);
/* Once r->parser exists: fills r->names. */
void     ladder_xml_sax_prepare            (LadderXmlReader *r);

/* Nothing more is read once the file is refused. */
static inline gboolean
ladder_xml_refused (LadderXmlReader *r)
{
  return r->error != NULL || r->xml_message != NULL;
}

G_END_DECLS
