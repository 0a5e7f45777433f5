/* ladder-cli-stats.c — ladder --stats: the shape of the organisation
 *
 * As text (translated, for people) or as one JSON object on stdout (for
 * programs; messages stay on stderr).
 */
#include "config.h"

#include "ladder-cli-private.h"

#include "ladder-io.h"
#include "ladder-stats.h"
#include "ladder-validate.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The widest bar of the text report, in characters. */
#define BAR_WIDTH 40

static const LadderImportOptions *import_options;

void
ladder_cli_set_import_options (const LadderImportOptions *options)
{
  import_options = options;
}

LadderChart *
ladder_cli_load_chart (const char      *path,
                       LadderCatalogue *catalogue)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  LadderChart *chart;

  chart = ladder_import_file (path, catalogue, import_options, warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    ladder_cli_print_line (stderr, "%s\n", (const char *) g_ptr_array_index (warnings, i));
  if (chart == NULL)
    ladder_cli_print_line (stderr, "%s\n", error->message);
  return chart;
}

/* 2, 2.5, 2.75: at most two decimals, no trailing zeros (in the
 * locale's way of writing a decimal point). */
static char *
format_figure (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  const char *point = localeconv ()->decimal_point;
  char *at = strstr (text, point);
  char *end;

  if (at == NULL)
    return text;
  end = text + strlen (text);
  while (end > at + strlen (point) && end[-1] == '0')
    *--end = '\0';
  if (end == at + strlen (point))
    *at = '\0';
  return text;
}

/* Bars of a text chart: a label and a count each. */
typedef struct {
  GPtrArray *labels;
  GArray    *counts;
} Bars;

static void
bars_init (Bars *bars)
{
  bars->labels = g_ptr_array_new_with_free_func (g_free);
  bars->counts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
bars_add (Bars       *bars,
          char       *label,
          guint       count)
{
  g_ptr_array_add (bars->labels, label);
  g_array_append_val (bars->counts, count);
}

/* Prints the bars, labels padded to the widest (in characters), the
 * longest bar BAR_WIDTH wide, and frees them. */
static void
bars_print (Bars *bars)
{
  guint largest = 0, width = 0;

  for (guint i = 0; i < bars->labels->len; i++)
    {
      largest = MAX (largest, g_array_index (bars->counts, guint, i));
      width = MAX (width, g_utf8_strlen (g_ptr_array_index (bars->labels, i), -1));
    }
  for (guint i = 0; i < bars->labels->len; i++)
    {
      const char *label = g_ptr_array_index (bars->labels, i);
      guint count = g_array_index (bars->counts, guint, i);
      guint length = largest > 0 ? (count * BAR_WIDTH + largest - 1) / largest : 0;
      g_autoptr(GString) line = g_string_new ("  ");

      g_string_append (line, label);
      for (guint k = g_utf8_strlen (label, -1); k < width + 1; k++)
        g_string_append_c (line, ' ');
      for (guint k = 0; k < length; k++)
        g_string_append (line, "█");
      g_string_append_printf (line, " %u", count);
      ladder_cli_print_line (stdout, "%s\n", line->str);
    }
  g_ptr_array_unref (bars->labels);
  g_array_unref (bars->counts);
}

static void
print_span (LadderStats *stats)
{
  LadderSpanSummary span;
  Bars bars;

  if (!ladder_stats_get_span (stats, &span))
    {
      ladder_cli_print_line (stdout, "%s\n", _("Span of control: no one has reports"));
      return;
    }
  {
    g_autofree char *median = format_figure (span.median);
    g_autofree char *mean = format_figure (span.mean);

    /* TRANSLATORS: --stats; direct reports per manager */
    ladder_cli_print_line (stdout, _("Span of control: min %u, median %s, max %u, mean %s\n"),
             span.min, median, span.max, mean);
  }
  bars_init (&bars);
  for (guint n = 1; n <= span.max; n++)
    if (ladder_stats_get_n_with_span (stats, n) > 0)
      /* TRANSLATORS: --stats, a bar of the span histogram: managers with N reports */
      bars_add (&bars, g_strdup_printf (ngettext ("%u report", "%u reports", n), n),
                ladder_stats_get_n_with_span (stats, n));
  bars_print (&bars);
}

static void
print_layers (LadderStats *stats)
{
  Bars bars;

  ladder_cli_print_line (stdout, "%s\n", _("People per level:"));
  bars_init (&bars);
  for (guint level = 1; level <= ladder_stats_get_layers (stats); level++)
    /* TRANSLATORS: --stats, a bar of people per level: "level 1" is the top */
    bars_add (&bars, g_strdup_printf (_("level %u"), level),
              ladder_stats_get_n_in_layer (stats, level));
  bars_print (&bars);
}

static void
print_roles (LadderStats     *stats,
             LadderCatalogue *catalogue)
{
  Bars bars;

  ladder_cli_print_line (stdout, "%s\n", _("People by role:"));
  bars_init (&bars);
  for (guint k = 0; k < ladder_stats_get_n_roles (stats); k++)
    {
      const char *id = ladder_stats_get_role (stats, k);
      const LadderRole *role = ladder_catalogue_lookup_role (catalogue, id);

      bars_add (&bars, g_strdup (role != NULL ? role->name : id),
                ladder_stats_get_role_count (stats, k));
    }
  bars_print (&bars);
}

static void
print_text (const char      *path,
            LadderChart     *chart,
            LadderStats     *stats,
            LadderCatalogue *catalogue)
{
  guint errors = ladder_stats_get_findings (stats, LADDER_SEVERITY_ERROR);
  guint warnings = ladder_stats_get_findings (stats, LADDER_SEVERITY_WARNING);
  guint notes = ladder_stats_get_findings (stats, LADDER_SEVERITY_NOTE);

  if (ladder_chart_get_title (chart) != NULL)
    ladder_cli_print_line (stdout, "%s: %s\n", path, ladder_chart_get_title (chart));
  else
    ladder_cli_print_line (stdout, "%s\n", path);
  ladder_cli_print_line (stdout, _("People: %u, of whom %u vacant\n"),
           ladder_stats_get_people (stats), ladder_stats_get_vacancies (stats));
  ladder_cli_print_line (stdout, ngettext ("Levels: %u, from %u person at the top\n",
                             "Levels: %u, from %u people at the top\n",
                             ladder_stats_get_roots (stats)),
           ladder_stats_get_layers (stats), ladder_stats_get_roots (stats));
  ladder_cli_print_line (stdout, _("Managers: %u, of whom %u with a single report\n"),
           ladder_stats_get_managers (stats), ladder_stats_get_single_report_managers (stats));
  print_span (stats);
  print_layers (stats);
  print_roles (stats, catalogue);
  {
    g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
    g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
    g_autofree char *n = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);

    /* TRANSLATORS: --stats, the last line: "Findings: 1 error, 2 warnings, 0 notes" */
    ladder_cli_print_line (stdout, _("Findings: %s, %s, %s\n"), e, w, n);
  }
}

int
ladder_cli_stats (const char      *path,
                  gboolean         json,
                  LadderCatalogue *catalogue)
{
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(LadderStats) stats = NULL;

  chart = ladder_cli_load_chart (path, catalogue);
  if (chart == NULL)
    return LADDER_EXIT_REFUSED;
  findings = ladder_validate (chart, catalogue);
  stats = ladder_stats_new (chart, catalogue, findings);
  if (json)
    {
      g_autofree char *text = ladder_stats_to_json (stats);

      ladder_cli_print_lines (stdout, text);
    }
  else
    print_text (path, chart, stats, catalogue);
  fflush (stdout);
  return LADDER_EXIT_CLEAN;
}
