/* fuzz-diff.c — --diff and --stats on any two charts
 *
 * The input is two charts, OLD then NEW, split at the first line that is
 * "----" (no such line: the input against itself), each read as XML.
 * Both are checked and compared; every change is formatted, the counts
 * must add up, each person of NEW must carry the flags its changes say,
 * and a chart compared with itself must show no change.  The statistics
 * of NEW must add up too, and their JSON must parse as JSON.
 */
#include <string.h>
#include <libxml/parser.h>

#include "fuzz-common.h"
#include "ladder-diff.h"
#include "ladder-io.h"
#include "ladder-json-private.h"
#include "ladder-stats.h"

#define SEPARATOR "\n----\n"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  xmlInitParser ();
  return 0;
}

static void
check_diff (LadderChart *old_chart, LadderFindings *old_findings,
            LadderChart *new_chart, LadderFindings *new_findings,
            LadderCatalogue *catalogue)
{
  g_autoptr(LadderDiff) diff = ladder_diff_new (old_chart, old_findings, new_chart, new_findings,
                                                catalogue);
  g_autofree char *summary = ladder_diff_format_summary (diff, "old", "new");
  guint counted[LADDER_DIFF_FIXED_FINDING + 1] = { 0 };
  guint flagged[3] = { 0 };
  gboolean new_error = FALSE;

  for (guint i = 0; i < ladder_diff_get_n_changes (diff); i++)
    {
      const LadderDiffChange *change = ladder_diff_get_change (diff, i);
      LadderChart *chart = change->in_old ? old_chart : new_chart;
      g_autofree char *line = ladder_diff_format_change (diff, i, "old", "new");

      if (line == NULL || !g_str_has_prefix (line, change->in_old ? "old" : "new"))
        abort ();
      if (change->person != LADDER_NONE && !ladder_chart_is_alive (chart, change->person))
        abort ();
      if ((change->finding != NULL)
          != (change->kind == LADDER_DIFF_NEW_FINDING || change->kind == LADDER_DIFF_FIXED_FINDING))
        abort ();
      if (change->kind == LADDER_DIFF_NEW_FINDING && change->finding->severity == LADDER_SEVERITY_ERROR)
        new_error = TRUE;
      counted[change->kind]++;
    }
  counted[LADDER_DIFF_CHANGED] += counted[LADDER_DIFF_CHART];
  for (LadderDiffKind kind = LADDER_DIFF_CHART; kind <= LADDER_DIFF_FIXED_FINDING; kind++)
    if (counted[kind] != ladder_diff_count (diff, kind))
      abort ();
  if (new_error != ladder_diff_has_new_errors (diff))
    abort ();

  for (guint p = 0; p < ladder_chart_get_capacity (new_chart); p++)
    {
      LadderDiffPersonFlags flags = ladder_diff_get_person_flags (diff, p);

      if (flags != 0 && !ladder_chart_is_alive (new_chart, p))
        abort ();
      if ((flags & LADDER_DIFF_PERSON_ADDED) && flags != LADDER_DIFF_PERSON_ADDED)
        abort ();
      for (guint bit = 0; bit < 3; bit++)
        flagged[bit] += (flags >> bit) & 1;
    }
  if (flagged[0] != ladder_diff_count (diff, LADDER_DIFF_ADDED)
      || flagged[1] != ladder_diff_count (diff, LADDER_DIFF_MOVED)
      || flagged[2] != ladder_diff_count (diff, LADDER_DIFF_CHANGED) - counted[LADDER_DIFF_CHART])
    abort ();
  if (old_chart == new_chart && ladder_diff_get_n_changes (diff) != 0)
    abort ();
}

static void
check_stats (LadderChart *chart, LadderCatalogue *catalogue, LadderFindings *findings)
{
  g_autoptr(LadderStats) stats = ladder_stats_new (chart, catalogue, findings);
  g_autofree char *json = ladder_stats_to_json (stats);
  g_autoptr(LadderJsonDocument) document = NULL;
  guint people = 0, in_roles = 0, managers = 0, reports = 0;
  LadderSpanSummary span;

  for (guint level = 1; level <= ladder_stats_get_layers (stats); level++)
    {
      guint n;
      const guint *in_layer = ladder_stats_get_people_in_layer (stats, level, &n);

      if (n == 0 || in_layer == NULL)
        abort ();
      for (guint i = 0; i < n; i++)
        if (ladder_stats_get_level (stats, in_layer[i]) != level)
          abort ();
      people += n;
    }
  for (guint k = 0; k < ladder_stats_get_n_roles (stats); k++)
    in_roles += ladder_stats_get_role_count (stats, k);
  if (ladder_stats_get_layers (stats) > 0)
    for (guint n = 1; n <= ladder_chart_get_n_people (chart); n++)
      {
        managers += ladder_stats_get_n_with_span (stats, n);
        reports += n * ladder_stats_get_n_with_span (stats, n);
      }
  if (people != ladder_stats_get_people (stats) || in_roles != people
      || people != ladder_chart_get_n_people (chart)
      || managers != ladder_stats_get_managers (stats)
      || reports != people - ladder_stats_get_roots (stats))
    abort ();
  if (ladder_stats_get_span (stats, &span)
      && (span.min > span.median || span.median > span.max || span.mean < span.min || span.mean > span.max))
    abort ();

  document = ladder_json_parse (json, strlen (json), "stats.json", NULL);
  if (document == NULL || ladder_json_get_node (document, 0)->type != LADDER_JSON_OBJECT)
    {
      fprintf (stderr, "the statistics are not JSON:\n%s\n", json);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  const char *text = (const char *) data;
  const char *split = g_strstr_len (text, size, SEPARATOR);
  gsize old_size = split != NULL ? (gsize) (split - text) : size;
  const char *new_text = split != NULL ? split + strlen (SEPARATOR) : text;
  gsize new_size = split != NULL ? size - old_size - strlen (SEPARATOR) : size;
  g_autoptr(LadderChart) old_chart = NULL;
  g_autoptr(LadderChart) new_chart = NULL;
  g_autoptr(LadderFindings) old_findings = NULL;
  g_autoptr(LadderFindings) new_findings = NULL;

  old_chart = ladder_xml_read_memory (text, old_size, "old.ladder", NULL);
  if (old_chart == NULL)
    return 0;
  old_findings = ladder_validate (old_chart, catalogue);
  check_diff (old_chart, old_findings, old_chart, old_findings, catalogue);

  new_chart = ladder_xml_read_memory (new_text, new_size, "new.ladder", NULL);
  if (new_chart == NULL)
    return 0;
  new_findings = ladder_validate (new_chart, catalogue);
  check_diff (old_chart, old_findings, new_chart, new_findings, catalogue);
  check_diff (new_chart, new_findings, old_chart, old_findings, catalogue);
  check_stats (new_chart, catalogue, new_findings);
  return 0;
}
