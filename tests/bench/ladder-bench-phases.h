/* ladder-bench-phases.h — what the benchmark times
 *
 * Each phase runs in a child process of its own (see ladder-bench.c), so
 * that its peak memory is its own: the chart is loaded untimed (except in
 * the "load" phase), then the phase is timed @runs times.
 */
#pragma once

#include <glib.h>

typedef enum {
  LADDER_PHASE_LOAD,
  LADDER_PHASE_VALIDATE,
  LADDER_PHASE_LAYOUT,
  LADDER_PHASE_SAVE,
  LADDER_PHASE_EXPORT_SVG,
  LADDER_PHASE_EXPORT_PNG,
  LADDER_PHASE_EXPORT_PDF,
  LADDER_PHASE_FRAME_100,
  LADDER_PHASE_FRAME_FIT,
  LADDER_PHASE_EDIT,
  LADDER_PHASE_STATS,
  LADDER_PHASE_DIFF,
  LADDER_N_PHASES,
} LadderPhase;

typedef struct {
  guint   runs;            /* 0: skipped, see note */
  double  min_ms;
  double  median_ms;
  glong   peak_rss_kb;     /* of the whole child: chart + phase */
  char    note[200];
} LadderPhaseResult;

const char *ladder_phase_to_string   (LadderPhase phase);
gboolean    ladder_phase_from_string (const char *text, LadderPhase *phase);

/* Why @phase is left out at @size people by default, or NULL. */
const char *ladder_phase_skip_reason (LadderPhase phase, guint size);

/* Runs in the calling process; fills @result (never fails: an error is
 * reported in the note with runs = 0). */
void        ladder_phase_run         (LadderPhase phase, const char *path, guint runs,
                                      const char *tmp_dir, LadderPhaseResult *result);
