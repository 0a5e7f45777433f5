/* fuzz-xml.c — the .ladder reader
 *
 * Whatever it accepts, the writer must write and the reader read back to
 * the same bytes: a chart that loads but cannot be saved and reopened is
 * a bug too.
 */
#include <string.h>

#include "fuzz-common.h"
#include "ladder-io.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize length = 0, length_again = 0;

  chart = ladder_xml_read_memory ((const char *) data, size, "fuzz.ladder", &error);
  if (chart == NULL)
    {
      /* Refusals name the file and say "error:". */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.ladder:"))
        abort ();
      return 0;
    }

  xml = ladder_xml_write (chart, &length);
  again = ladder_xml_read_memory (xml, length, "fuzz-again.ladder", &error);
  if (again == NULL)
    {
      fprintf (stderr, "written chart refused: %s\n", error->message);
      abort ();
    }
  xml_again = ladder_xml_write (again, &length_again);
  if (length != length_again || memcmp (xml, xml_again, length) != 0)
    {
      fprintf (stderr, "writing is not stable after a reload\n");
      abort ();
    }
  return 0;
}
