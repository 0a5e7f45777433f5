/* fuzz-csv.c — the CSV reader and writer
 *
 * What the reader accepts, the writer writes and the reader reads back;
 * the second writing is the same bytes as the first.
 */
#include "fuzz-csv-again.h"
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

  chart = ladder_csv_read_memory ((const char *) data, size, "fuzz.csv", NULL, warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (warnings, i), "fuzz.csv:"))
      abort ();                 /* every warning names the file */
  if (chart == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.csv:"))
        abort ();
      return 0;
    }

  fuzz_check_csv_again (chart);
  return 0;
}
