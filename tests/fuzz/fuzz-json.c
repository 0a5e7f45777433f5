/* fuzz-json.c — the JSON import (flat arrays and nested "children")
 *
 * Any bytes end in a chart or in one "fuzz.json:LINE: error:" message;
 * a chart read from JSON is written as CSV and read back to the same
 * number of people, and that CSV is stable when written again.
 */
#include "fuzz-csv-again.h"
#include "ladder-import.h"
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
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;

  chart = ladder_json_read_memory ((const char *) data, size, "fuzz.json", NULL, NULL, warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (warnings, i), "fuzz.json: warning: "))
      abort ();
  if (chart == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.json:"))
        abort ();
      return 0;
    }

  fuzz_check_csv_again (chart);
  return 0;
}
