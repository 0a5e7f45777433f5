/* ladder-stats.h — the shape of the organisation: head counts, layers,
 * spans of control
 *
 * A LadderStats is a snapshot of one chart, computed in one linear pass
 * without recursion; after the chart changes, compute a new one.  It
 * counts as SPEC.md's "Statistics" says: the roots are level 1, a
 * manager is anyone with at least one direct report, assistants count as
 * reports of their manager (they sit one level below it), vacancies count
 * as people.
 *
 * For the window, it also keeps which people make up each figure (a bar
 * of the span histogram, a layer, a role), in chart order (pre-order,
 * roots first to last), so that choosing a bar can highlight them.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef struct _LadderStats LadderStats;

typedef struct {
  guint  min;
  double median;   /* the middle value; the mean of the two middle ones */
  guint  max;
  double mean;
} LadderSpanSummary;

/* @catalogue (nullable) orders the roles: the catalogue's order, then
 * roles it does not know by id.  @findings (nullable) gives the findings
 * counts (all 0 without). */
LadderStats *ladder_stats_new              (LadderChart     *chart,
                                            LadderCatalogue *catalogue,
                                            LadderFindings  *findings);
void         ladder_stats_free             (LadderStats *stats);

guint        ladder_stats_get_people       (LadderStats *stats);
guint        ladder_stats_get_vacancies    (LadderStats *stats);
guint        ladder_stats_get_roots        (LadderStats *stats);
/* Levels of the deepest reporting line (0 for an empty chart). */
guint        ladder_stats_get_layers       (LadderStats *stats);
/* People with at least one direct report. */
guint        ladder_stats_get_managers     (LadderStats *stats);
/* FALSE (and @summary untouched) when there is no manager. */
gboolean     ladder_stats_get_span         (LadderStats *stats, LadderSpanSummary *summary);
/* Managers with exactly @span direct reports (0 for @span 0). */
guint        ladder_stats_get_n_with_span  (LadderStats *stats, guint span);
guint        ladder_stats_get_single_report_managers (LadderStats *stats);
/* People on @level (1 = the roots .. layers); 0 outside. */
guint        ladder_stats_get_n_in_layer   (LadderStats *stats, guint level);
guint        ladder_stats_get_findings     (LadderStats *stats, LadderSeverity severity);

/* Roles on the chart, each with its head count. */
guint        ladder_stats_get_n_roles      (LadderStats *stats);
const char  *ladder_stats_get_role         (LadderStats *stats, guint index);  /* role id */
guint        ladder_stats_get_role_count   (LadderStats *stats, guint index);

/* The people behind each figure, as person indices in chart order;
 * borrowed, valid as long as @stats.  NULL with *n_people 0 when none. */
const guint *ladder_stats_get_people_with_span (LadderStats *stats, guint span, guint *n_people);
const guint *ladder_stats_get_people_in_layer  (LadderStats *stats, guint level, guint *n_people);
const guint *ladder_stats_get_people_with_role (LadderStats *stats, guint index, guint *n_people);

/* Per person (a card's "direct and total reports"), by person index;
 * 0 for removed slots. */
guint        ladder_stats_get_level        (LadderStats *stats, guint person);
guint        ladder_stats_get_direct_reports (LadderStats *stats, guint person);
guint        ladder_stats_get_total_reports  (LadderStats *stats, guint person);

/* The JSON object `ladder --stats --format=json` prints, with a final
 * newline. */
char        *ladder_stats_to_json          (LadderStats *stats);

/* The one way levels are counted, shared with the counting rules:
 * fills @levels (ladder_chart_get_capacity() entries) with each living
 * person's level, the roots being 1 (0 for removed slots), and returns
 * the deepest level.  Linear, no recursion. */
guint        ladder_chart_count_levels     (LadderChart *chart, guint *levels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderStats, ladder_stats_free)

G_END_DECLS
