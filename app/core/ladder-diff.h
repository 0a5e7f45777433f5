/* ladder-diff.h — what changed between two charts
 *
 * People are matched by id, findings by rule and person (id).  The
 * changes come in SPEC.md's order ("Compare"): the chart's own change,
 * then, for each person of NEW in NEW's line order, added or moved and
 * changed; then removed people in OLD's line order; then new findings
 * (NEW's order) and fixed ones (OLD's order).  Linear in the number of
 * people and findings (plus sorting by line).
 *
 * A LadderDiff is a snapshot: after either chart changes, compute a new
 * one.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef enum {
  LADDER_DIFF_CHART,          /* title, employees or layout changed */
  LADDER_DIFF_ADDED,
  LADDER_DIFF_MOVED,          /* another manager (or none) */
  LADDER_DIFF_CHANGED,        /* fields of the person */
  LADDER_DIFF_REMOVED,
  LADDER_DIFF_NEW_FINDING,
  LADDER_DIFF_FIXED_FINDING,
} LadderDiffKind;

/* What a CHANGED person (or the CHART) had changed; a mask. */
typedef enum {
  LADDER_DIFF_FIELD_NAME      = 1 << 0,
  LADDER_DIFF_FIELD_ROLE      = 1 << 1,
  LADDER_DIFF_FIELD_TITLE     = 1 << 2,
  LADDER_DIFF_FIELD_VACANT    = 1 << 3,
  LADDER_DIFF_FIELD_ASSISTANT = 1 << 4,
  LADDER_DIFF_FIELD_DOTTED    = 1 << 5,
  LADDER_DIFF_FIELD_NOTE      = 1 << 6,
  LADDER_DIFF_FIELD_CHART_TITLE     = 1 << 7,
  LADDER_DIFF_FIELD_CHART_EMPLOYEES = 1 << 8,
  LADDER_DIFF_FIELD_CHART_LAYOUT    = 1 << 9,
} LadderDiffFields;

/* Flags of one person of NEW (for marking cards); a mask. */
typedef enum {
  LADDER_DIFF_PERSON_ADDED   = 1 << 0,
  LADDER_DIFF_PERSON_MOVED   = 1 << 1,
  LADDER_DIFF_PERSON_CHANGED = 1 << 2,
} LadderDiffPersonFlags;

typedef struct {
  LadderDiffKind   kind;
  /* TRUE when person and line are OLD's (REMOVED, FIXED_FINDING). */
  gboolean         in_old;
  /* The person (index in OLD when in_old, else in NEW); LADDER_NONE for
   * CHART and for a finding about no one. */
  guint            person;
  /* Line in that file; 0 when unknown (then no line is printed). */
  guint            line;
  /* The words after "KIND: " for the people's changes, e.g. "Sam Lee
   * (Senior Product Manager) under Ada Obi"; for findings, the finding's
   * message.  Phrases are translated; names as --validate prints them. */
  const char      *text;
  LadderDiffFields fields;           /* CHANGED and CHART */
  /* Findings: the finding itself (in OLD's or NEW's findings). */
  const LadderFinding *finding;
} LadderDiffChange;

typedef struct _LadderDiff LadderDiff;

/* @old_findings and @new_findings (nullable: then no finding is
 * compared) must be the findings of @old_chart and @new_chart, and must
 * outlive the diff (a finding's change points at it); @catalogue names
 * the roles.  Nothing else of the charts is kept: indices and copies of
 * the texts. */
LadderDiff  *ladder_diff_new               (LadderChart     *old_chart,
                                            LadderFindings  *old_findings,
                                            LadderChart     *new_chart,
                                            LadderFindings  *new_findings,
                                            LadderCatalogue *catalogue);
void         ladder_diff_free              (LadderDiff *diff);

guint                   ladder_diff_get_n_changes (LadderDiff *diff);
const LadderDiffChange *ladder_diff_get_change    (LadderDiff *diff, guint index);
/* The changes of one kind, counted as the summary counts them:
 * CHANGED counts people and the chart itself. */
guint        ladder_diff_count             (LadderDiff *diff, LadderDiffKind kind);
/* TRUE when NEW has an error finding OLD lacked (exit status 1). */
gboolean     ladder_diff_has_new_errors    (LadderDiff *diff);

/* Flags of a person of NEW (0: unchanged or not a person). */
LadderDiffPersonFlags ladder_diff_get_person_flags (LadderDiff *diff, guint new_person);

/* One change as `ladder --diff` prints it, without newline:
 * "NEW:LINE: added: ...", "OLD:LINE: warning: ... [rule] (fixed)". */
char        *ladder_diff_format_change     (LadderDiff *diff, guint index,
                                            const char *old_name, const char *new_name);
/* "OLD -> NEW: 2 added, 1 removed, 1 moved, 3 changed; findings: 1 new,
 * 1 fixed" (translated), without newline. */
char        *ladder_diff_format_summary    (LadderDiff *diff,
                                            const char *old_name, const char *new_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderDiff, ladder_diff_free)

G_END_DECLS
