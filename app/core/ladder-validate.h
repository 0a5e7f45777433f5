/* ladder-validate.h — checking a chart against a catalogue's rules */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"

G_BEGIN_DECLS

typedef struct {
  const LadderRule *rule;
  LadderSeverity    severity;
  guint             person;      /* the person the finding is about */
  guint             other;       /* the manager involved, or LADDER_NONE */
  char             *message;     /* names the people and roles involved */
} LadderFinding;

typedef struct _LadderFindings LadderFindings;

/* Runs every rule.  Linear in the number of people; no recursion. */
LadderFindings      *ladder_validate               (LadderChart *chart, LadderCatalogue *catalogue);
typedef enum {
  LADDER_VALIDATE_NONE    = 0,
  /* Messages call a person with no name "Unnamed" (translated), as the
   * window's cards do; without it they give the id (the command line). */
  LADDER_VALIDATE_UNNAMED = 1 << 0,
} LadderValidateFlags;
LadderFindings      *ladder_validate_with          (LadderChart *chart, LadderCatalogue *catalogue,
                                                    LadderValidateFlags flags);
/* The same check in three steps, so that the long one can run on a
 * worker while the chart goes on changing.  new: reads what the rules
 * need from @chart (one pass, on the chart's thread); run: applies the
 * rules to that copy alone (any thread, once); finish: writes the
 * messages, which name people, and returns the findings — on the chart's
 * thread, while @chart is as it was at new (else ladder_check_free()). */
typedef struct _LadderCheck LadderCheck;
LadderCheck         *ladder_check_new              (LadderChart *chart, LadderCatalogue *catalogue,
                                                    LadderValidateFlags flags);
void                 ladder_check_run              (LadderCheck *check);
LadderFindings      *ladder_check_finish           (LadderCheck *check);
void                 ladder_check_free             (LadderCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderCheck, ladder_check_free)

/* Findings are refcounted: free drops one reference (the last frees). */
LadderFindings      *ladder_findings_ref           (LadderFindings *findings);
void                 ladder_findings_free          (LadderFindings *findings);
/* @findings (of @chart) about the people of @part, a chart made from a
 * part of @chart (people matched by id), as @part's: a finding that
 * rests on people outside the part is still the chart's finding. */
LadderFindings      *ladder_findings_for_part      (LadderFindings *findings, LadderChart *chart,
                                                    LadderChart *part);

/* Sorted by the person's line, then by rule order in the catalogue. */
guint                ladder_findings_get_n         (LadderFindings *findings);
const LadderFinding *ladder_findings_get           (LadderFindings *findings, guint index);
guint                ladder_findings_count         (LadderFindings *findings, LadderSeverity severity);
/* Worst severity on a person, or -1 when the person has no finding. */
int                  ladder_findings_worst_for     (LadderFindings *findings, guint person);
/* Worst severity among the findings whose subject is @person and whose
 * `other` is its manager, i.e. that condemn the reporting line; -1 if none. */
int                  ladder_findings_line_severity (LadderFindings *findings, guint person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderFindings, ladder_findings_free)

G_END_DECLS
