/* ladder-history.h — unlimited undo and redo for a chart
 *
 * The history listens to the chart's "changed" signal and records every
 * change, so nothing can change the chart behind its back.  Changes made
 * between begin_group() and end_group() form one step (a whole drag, a
 * removal that moves reports up); a change made outside a group is a step
 * of its own.  A RESET change (a new file swapped in) clears the history.
 */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

#define LADDER_TYPE_HISTORY (ladder_history_get_type ())
G_DECLARE_FINAL_TYPE (LadderHistory, ladder_history, LADDER, HISTORY, GObject)

LadderHistory *ladder_history_new            (LadderChart *chart);
LadderChart   *ladder_history_get_chart      (LadderHistory *self);

/* Groups nest; the outermost label names the step. */
void           ladder_history_begin_group    (LadderHistory *self, const char *label);
void           ladder_history_end_group      (LadderHistory *self);
/* Opens a group that continues the last step (end it with end_group), so
 * that naming a person just added is part of adding them; @label (if not
 * NULL) renames the step.  FALSE, and nothing opened, when there is no
 * last step, a group is open or there is something to redo. */
gboolean       ladder_history_amend_last     (LadderHistory *self, const char *label);
/* Forgets the steps redo would apply (an add taken back for good). */
void           ladder_history_discard_redo   (LadderHistory *self);
/* The first person the step undo / redo would apply is about, or
 * LADDER_NONE. */
guint          ladder_history_get_undo_person (LadderHistory *self);
guint          ladder_history_get_redo_person (LadderHistory *self);

gboolean       ladder_history_can_undo       (LadderHistory *self);
gboolean       ladder_history_can_redo       (LadderHistory *self);
/* Label of the step that undo / redo would apply, or NULL. */
const char    *ladder_history_get_undo_label (LadderHistory *self);
const char    *ladder_history_get_redo_label (LadderHistory *self);
gboolean       ladder_history_undo           (LadderHistory *self);
gboolean       ladder_history_redo           (LadderHistory *self);

guint          ladder_history_get_n_steps    (LadderHistory *self);
void           ladder_history_clear          (LadderHistory *self);

/* The chart as it is now is what is on disk. */
void           ladder_history_mark_saved     (LadderHistory *self);
/* The chart as it is now is not what is on disk, and no undo or redo
 * leads back to it (a chart restored from a recovery copy). */
void           ladder_history_mark_unsaved   (LadderHistory *self);
/* TRUE when the chart differs from the last saved point. */
gboolean       ladder_history_get_modified   (LadderHistory *self);

G_END_DECLS
