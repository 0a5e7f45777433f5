/* fuzz-csv.c — the CSV reader and writer
 *
 * What the reader accepts, the writer writes and the reader reads back;
 * the second writing is the same bytes as the first.
 */
#include <stdio.h>
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
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderChart) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  gsize length = 0, length_again = 0;

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

  csv = ladder_csv_write (chart, &length);
  again = ladder_csv_read_memory (csv, length, "fuzz-again.csv", NULL, NULL, &error);
  if (again == NULL)
    {
      fprintf (stderr, "written CSV refused: %s\n", error->message);
      abort ();
    }
  if (ladder_chart_get_n_people (again) != ladder_chart_get_n_people (chart))
    abort ();
  csv_again = ladder_csv_write (again, &length_again);
  if (length != length_again || memcmp (csv, csv_again, length) != 0)
    {
      fprintf (stderr, "CSV writing is not stable after a reload\n");
      abort ();
    }
  return 0;
}
