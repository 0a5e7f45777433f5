/* ladder-team-map.h — the whole chart as a box of team blocks, for the
 * window's overview map
 *
 * A big chart is far wider than tall (a 10k org is about 1.3M × 850
 * units), so a scaled-down picture of it is a hairline.  The map shows
 * its top levels instead, one row per level: each person is a block as
 * wide as their team (they and everyone below them), under their
 * manager's block, so a big team is a wide block.  Teams too narrow to
 * see are drawn together as one run, a block as deep as the deepest of
 * them.  Positions are fractions of the box (0..1 across, one row of
 * 1 / n_levels per level).
 *
 * The view's place is marked by mapping the layout's coordinates to the
 * box and back, through anchors: the centre of each block's card in the
 * layout (when it is shown, not folded away) and the centre of the
 * block.  Between anchors the mapping is linear.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-layout.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

typedef struct {
  guint  person;     /* the team's head; LADDER_NONE for a run of small teams */
  guint  level;      /* 0: the roots */
  guint  rows;       /* levels it covers: 1, or for a run as deep as its teams go */
  double x0, x1;     /* across the box, 0..1 */
  guint  people;     /* the heads and everyone below them */
  int    severity;   /* the worst finding among them (LadderSeverity), -1: none */
} LadderMapBlock;

typedef struct _LadderTeamMap LadderTeamMap;

LadderTeamMap        *ladder_team_map_new          (void);
void                  ladder_team_map_free         (LadderTeamMap *map);

/* Builds the blocks of @chart's first @max_levels levels; a team
 * narrower than @min_width (a fraction of the box) joins its narrow
 * neighbours in one run, which stands for everyone in them down to
 * their deepest level (nothing else is drawn under it).  @findings
 * (may be NULL) colours the blocks.  Linear in the number of people. */
void                  ladder_team_map_build        (LadderTeamMap *map, LadderChart *chart,
                                                    LadderFindings *findings, guint max_levels,
                                                    double min_width);
/* Level by level, left to right within a level. */
const LadderMapBlock *ladder_team_map_get_blocks   (LadderTeamMap *map, guint *n_blocks);
guint                 ladder_team_map_get_n_levels (LadderTeamMap *map);
/* The block at (@mx, @my) in the box (a run from a level above
 * included), as an index into the blocks, or LADDER_NONE. */
guint                 ladder_team_map_block_at     (LadderTeamMap *map, double mx, double my);

/* Takes the anchors from @layout (of the chart the blocks were built
 * from); again whenever the layout changes. */
void                  ladder_team_map_set_layout   (LadderTeamMap *map, LadderLayout *layout);
/* A point of the layout (chart units) to the box, clamped to 0..1. */
void                  ladder_team_map_to_box       (LadderTeamMap *map, double x, double y,
                                                    double *mx, double *my);
/* A point of the box to the layout; the inverse of _to_box where the
 * mapping is one to one. */
void                  ladder_team_map_from_box     (LadderTeamMap *map, double mx, double my,
                                                    double *x, double *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderTeamMap, ladder_team_map_free)

G_END_DECLS
