/* ladder-cli-diff.c — ladder --diff OLD NEW: what changed, compiler style
 *
 * Exit 0 when NEW has no error finding that OLD lacked, 1 when it has,
 * 2 when a file cannot be read.  Both files are read before anything is
 * printed, so a refused one prints only its error.
 */
#include "config.h"

#include "ladder-cli-private.h"

#include "ladder-diff.h"
#include "ladder-validate.h"

#include <stdio.h>

int
ladder_cli_diff (const char      *old_path,
                 const char      *new_path,
                 LadderCatalogue *catalogue)
{
  g_autoptr(LadderChart) old_chart = NULL;
  g_autoptr(LadderChart) new_chart = NULL;
  g_autoptr(LadderFindings) old_findings = NULL;
  g_autoptr(LadderFindings) new_findings = NULL;
  g_autoptr(LadderDiff) diff = NULL;
  g_autofree char *summary = NULL;

  old_chart = ladder_cli_load_chart (old_path, catalogue);
  if (old_chart == NULL)
    return LADDER_EXIT_REFUSED;
  new_chart = ladder_cli_load_chart (new_path, catalogue);
  if (new_chart == NULL)
    return LADDER_EXIT_REFUSED;

  old_findings = ladder_validate (old_chart, catalogue);
  new_findings = ladder_validate (new_chart, catalogue);
  diff = ladder_diff_new (old_chart, old_findings, new_chart, new_findings, catalogue);
  for (guint i = 0; i < ladder_diff_get_n_changes (diff); i++)
    {
      g_autofree char *line = ladder_diff_format_change (diff, i, old_path, new_path);

      ladder_cli_print_line (stdout, "%s\n", line);
    }
  summary = ladder_diff_format_summary (diff, old_path, new_path);
  ladder_cli_print_line (stdout, "%s\n", summary);
  fflush (stdout);
  return ladder_diff_has_new_errors (diff) ? LADDER_EXIT_RULE_ERRORS : LADDER_EXIT_CLEAN;
}
