/* fuzz-export.c — the other tools' formats of whatever chart the reader
 * accepts
 *
 * GraphML and draw.io must be well-formed XML, the JSON must read back
 * through Ladder's JSON import with the same people and managers, and no
 * name may break a DOT or Mermaid label out of its quotes (each line of
 * those files is one statement).
 */
#include <string.h>
#include <libxml/parser.h>

#include "fuzz-common.h"
#include "ladder-export.h"
#include "ladder-import.h"
#include "ladder-io.h"

/* Past this, an input costs more than it finds. */
#define MAX_PEOPLE 2000

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  xmlInitParser ();
  return 0;
}

static GBytes *
export (LadderChart *chart, const char *format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ladder_export_bytes (chart, ladder_catalogue_get_default (), NULL, format,
                                       NULL, &error);

  if (bytes == NULL)
    {
      fprintf (stderr, "%s export failed: %s\n", format, error->message);
      abort ();
    }
  return bytes;
}

static void
check_xml (LadderChart *chart, const char *format)
{
  g_autoptr(GBytes) bytes = export (chart, format);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "export.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (doc == NULL)
    {
      fprintf (stderr, "the %s export is not well-formed XML\n", format);
      abort ();
    }
  xmlFreeDoc (doc);
}

/* Every line starts as the format's statements do. */
static void
check_lines (LadderChart *chart, const char *format, const char * const *starts)
{
  g_autoptr(GBytes) bytes = export (chart, format);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end = data + length;

  for (const char *line = data; line < end; )
    {
      const char *next = memchr (line, '\n', end - line);
      gboolean known = FALSE;

      for (guint i = 0; starts[i] != NULL; i++)
        known |= strncmp (line, starts[i], strlen (starts[i])) == 0;
      if (!known)
        {
          fprintf (stderr, "the %s export has a stray line: %.*s\n", format,
                   (int) ((next ? next : end) - line), line);
          abort ();
        }
      for (const char *c = line; c < (next ? next : end); c++)
        if ((guchar) *c < 0x20 && *c != '\t')
          {
            fprintf (stderr, "the %s export has a control character\n", format);
            abort ();
          }
      line = next ? next + 1 : end;
    }
}

static void
check_json (LadderChart *chart)
{
  g_autoptr(GBytes) bytes = export (chart, "json");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) back = NULL;
  guint capacity = ladder_chart_get_capacity (chart);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (ladder_chart_get_n_people (chart) == 0)
    return;
  back = ladder_import_memory (data, length, "fuzz.json", LADDER_FILE_FORMAT_JSON,
                               ladder_catalogue_get_default (), NULL, warnings, &error);
  if (back == NULL)
    {
      fprintf (stderr, "the JSON export does not read back: %s\n", error->message);
      abort ();
    }
  if (ladder_chart_get_n_people (back) != ladder_chart_get_n_people (chart))
    abort ();
  for (guint p = 0; p < capacity; p++)
    {
      guint manager, q;

      if (!ladder_chart_is_alive (chart, p))
        continue;
      q = ladder_chart_lookup (back, ladder_chart_get_id (chart, p));
      if (q == LADDER_NONE)
        abort ();
      manager = ladder_chart_get_manager (chart, p);
      if ((manager == LADDER_NONE) != (ladder_chart_get_manager (back, q) == LADDER_NONE))
        abort ();
      if (manager != LADDER_NONE
          && strcmp (ladder_chart_get_id (chart, manager),
                     ladder_chart_get_id (back, ladder_chart_get_manager (back, q))) != 0)
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char * const dot[] = { "digraph ladder {", "  ", "}", NULL };
  static const char * const mermaid[] = { "---", "title: \"", "flowchart TD", "  ", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;

  chart = ladder_xml_read_memory ((const char *) data, size, "fuzz.ladder", &error);
  if (chart == NULL || ladder_chart_get_n_people (chart) > MAX_PEOPLE)
    return 0;

  check_xml (chart, "graphml");
  check_xml (chart, "drawio");
  check_lines (chart, "dot", dot);
  check_lines (chart, "mmd", mermaid);
  check_json (chart);
  return 0;
}
