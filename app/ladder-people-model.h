/* ladder-people-model.h — everyone on the chart in pre-order, as a list model
 *
 * The people list's model: row by row, the person and their depth (two
 * integers a person).  It follows the chart's changes by what changed —
 * a rename changes one row, a move takes a team's rows out and puts them
 * back elsewhere (a reorder past fewer rows than the team has moves those
 * rows the other way instead: the same change), an add inserts one row, a
 * remove takes one out (its reports move up a level) — and announces
 * exactly those ranges, so
 * that a list view binds again only the rows that changed.
 */
#pragma once

#include <gio/gio.h>

#include "ladder-chart.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PEOPLE_ROW (ladder_people_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderPeopleRow, ladder_people_row, LADDER, PEOPLE_ROW, GObject)

guint ladder_people_row_get_person (LadderPeopleRow *row);
guint ladder_people_row_get_depth  (LadderPeopleRow *row);

#define LADDER_TYPE_PEOPLE_MODEL (ladder_people_model_get_type ())
G_DECLARE_FINAL_TYPE (LadderPeopleModel, ladder_people_model, LADDER, PEOPLE_MODEL, GObject)

LadderPeopleModel *ladder_people_model_new        (void);
/* Everyone on @chart (NULL: no one), every row announced as changed. */
void               ladder_people_model_rebuild    (LadderPeopleModel *self, LadderChart *chart);
/* Follows @change, which @chart has just made, announcing only the rows
 * it changed.  FALSE when it cannot (a reset, or a change the model did
 * not see the chart's state before): then nothing was changed or
 * announced, and the caller rebuilds. */
gboolean           ladder_people_model_apply      (LadderPeopleModel *self, LadderChart *chart,
                                                   const LadderChange *change);
/* The person and depth of @row (LADDER_NONE / 0 past the end), and the
 * row of @person (G_MAXUINT when not listed). */
guint              ladder_people_model_get_person (LadderPeopleModel *self, guint row);
guint              ladder_people_model_get_depth  (LadderPeopleModel *self, guint row);
guint              ladder_people_model_find       (LadderPeopleModel *self, guint person);

G_END_DECLS
