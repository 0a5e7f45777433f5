/* ladder-xml-scan.c — lines and markup found in the raw bytes of a file
 *
 * libxml2 records the line where a start tag ends, and only up to 65535,
 * and its reader's own line runs ahead of the node it returns.  So the
 * lines of a .ladder file are found here, in the bytes themselves.  This
 * is also where a DOCTYPE is spotted before libxml2 sees the file.
 */
#include "config.h"

#include "ladder-xml-private.h"

#include <string.h>

guint
ladder_xml_count_newlines (const char *from, const char *to)
{
  guint n = 0;

  /* memchr runs many bytes at a time; lines are tens of bytes long. */
  while (from < to && (from = memchr (from, '\n', to - from)) != NULL)
    {
      n++;
      from++;
    }
  return n;
}

guint
ladder_xml_count_lines (const char *from, const char *to)
{
  guint n = ladder_xml_count_newlines (from, to);

  /* A CR ends a line too, unless a LF follows it. */
  while (from < to && (from = memchr (from, '\r', to - from)) != NULL)
    {
      if (from + 1 == to || from[1] != '\n')
        n++;
      from++;
    }
  return n;
}

static const char *
find_bytes (const char *from, const char *end, const char *sequence, gsize len)
{
  while (from + len <= end)
    {
      const char *hit = memchr (from, sequence[0], end - from);

      if (hit == NULL || hit + len > end)
        return NULL;
      if (memcmp (hit, sequence, len) == 0)
        return hit;
      from = hit + 1;
    }
  return NULL;
}

static const char *
find_sequence (const char *from, const char *end, const char *sequence)
{
  return find_bytes (from, end, sequence, strlen (sequence));
}

/* If @p starts a comment, processing instruction or CDATA section, returns
 * the first byte after it (or @end when it is not closed); else NULL. */
static const char *
skip_markup (const char *p, const char *end)
{
  const char *close;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    close = find_sequence (p + 4, end, "-->"), close = close ? close + 3 : end;
  else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
    close = find_sequence (p + 9, end, "]]>"), close = close ? close + 3 : end;
  else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
    close = find_sequence (p + 2, end, "?>"), close = close ? close + 2 : end;
  else
    close = NULL;
  return close;
}

void
ladder_xml_scanner_init (LadderXmlScanner *scanner, const char *data, gsize length)
{
  scanner->data = data;
  scanner->end = data + length;
  scanner->scan = data;
  scanner->scan_line = 1;
}

guint
ladder_xml_scanner_next_start_tag (LadderXmlScanner *r)
{
  const char *p = r->scan;

  for (;;)
    {
      const char *lt = memchr (p, '<', r->end - p);
      const char *after;

      if (lt == NULL)
        {
          r->scan_line += ladder_xml_count_newlines (p, r->end);
          r->scan = r->end;
          return r->scan_line;
        }
      r->scan_line += ladder_xml_count_newlines (p, lt);
      after = skip_markup (lt, r->end);
      if (after != NULL)
        {
          r->scan_line += ladder_xml_count_newlines (lt, after);
          p = after;
        }
      else if (lt + 1 < r->end && lt[1] == '/')
        p = lt + 2;
      else
        {
          r->scan = lt + 1;
          return r->scan_line;
        }
    }
}

/* The first byte after the tag that @p is inside of; quoted attribute
 * values may hold ">". */
static const char *
end_of_tag (const char *p, const char *end)
{
  char quote = 0;

  for (; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return end;
}

guint
ladder_xml_find_doctype (const char *data, gsize length)
{
  const char *p = data, *end = data + length;
  guint line = 1;

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *after;

      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          line += *p == '\n';
          p++;
          continue;
        }
      if (*p != '<')
        break;
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return line;
      after = skip_markup (p, end);
      if (after == NULL)
        break;
      line += ladder_xml_count_newlines (p, after);
      p = after;
    }
  return 0;
}

gboolean
ladder_xml_is_blank (const char *p, gsize length)
{
  const char *end = p + length;

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
        return FALSE;
    }
  return TRUE;
}

guint
ladder_xml_scanner_find_text (LadderXmlScanner *scanner, const char *text)
{
  const char *p, *from, *found;
  gsize length;

  for (p = text; *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'; p++)
    ;
  /* Characters that may have been written as references are left out. */
  for (length = 0; length < 32 && p[length] != '\0'; length++)
    {
      if (strchr ("&<>\"'\t\r\n", p[length]) != NULL)
        break;
    }
  if (length == 0)
    return 0;
  from = end_of_tag (scanner->scan, scanner->end);
  found = find_bytes (from, scanner->end, p, length);
  if (found == NULL)
    return 0;
  return scanner->scan_line + ladder_xml_count_newlines (scanner->scan, found);
}
