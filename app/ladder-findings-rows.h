/* ladder-findings-rows.h — the findings list's rows, as a list model
 *
 * Rows go errors first, then warnings, then notes, each in chart order.
 * The findings that condemn one reporting line (a PM under a PM breaks
 * rank-order and pm-manager) share one row, its worst first.  Items are
 * LadderFindingRow objects, made only when asked for (a list view asks
 * for the rows it shows), so an update costs the sorting, not an object
 * per finding; they carry nothing: a row is known by its position.
 * An update says which stretch of rows changed, not every row.
 */
#pragma once

#include <gio/gio.h>

#include "ladder-chart.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FINDING_ROW (ladder_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderFindingRow, ladder_finding_row, LADDER, FINDING_ROW, GObject)

#define LADDER_TYPE_FINDINGS_ROWS (ladder_findings_rows_get_type ())
G_DECLARE_FINAL_TYPE (LadderFindingsRows, ladder_findings_rows, LADDER, FINDINGS_ROWS, GObject)

LadderFindingsRows  *ladder_findings_rows_new         (void);
/* Arranges @findings (borrowed: valid until the next call) in rows and
 * says which rows changed: those between the rows that show the same at
 * the start and at the end. */
void                 ladder_findings_rows_set         (LadderFindingsRows *self, LadderChart *chart,
                                                       LadderFindings *findings);
guint                ladder_findings_rows_get_n_rows  (LadderFindingsRows *self);
/* How many findings row @row shows, and the @k-th of them (0: its worst). */
guint                ladder_findings_rows_get_size    (LadderFindingsRows *self, guint row);
const LadderFinding *ladder_findings_rows_get_finding (LadderFindingsRows *self, guint row, guint k);
/* The index (in LadderFindings) of row @row's first finding. */
guint                ladder_findings_rows_get_first   (LadderFindingsRows *self, guint row);
/* The row of finding @index, or G_MAXUINT. */
guint                ladder_findings_rows_find        (LadderFindingsRows *self, guint index);
/* The first row about @person, or G_MAXUINT. */
guint                ladder_findings_rows_find_person (LadderFindingsRows *self, guint person);
guint                ladder_findings_rows_get_n_shown (LadderFindingsRows *self);
void                 ladder_findings_rows_show_all    (LadderFindingsRows *self);

G_END_DECLS
