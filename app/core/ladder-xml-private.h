/* ladder-xml-private.h — the raw-byte helpers of the .ladder reader */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Follows the start tags of a document in order.  The reader returns
 * elements in document order, and in well-formed XML a "<" outside
 * comments, processing instructions and CDATA always opens a tag, so the
 * next start tag in the bytes is the element the reader has just
 * returned. */
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

G_END_DECLS
