/* fuzz-csv-again.h — the check fuzz-csv and fuzz-json share
 *
 * What an import made, the CSV writer writes and the reader reads back
 * to as many people, and writing that again gives the same bytes.
 */
#pragma once

#include <stdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "ladder-io.h"

static void
fuzz_check_csv_again (LadderChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  gsize length = 0, length_again = 0;

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
}
