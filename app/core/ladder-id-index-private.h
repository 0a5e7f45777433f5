/* ladder-id-index-private.h — the chart's index from a person's id to
 * its slot (ladder-chart*.c)
 *
 * The ids are not copied: an entry holds the id's hash and the slot, and
 * the id is read from the slot's record when the hashes match.
 */
#pragma once

#include "ladder-chart-private.h"

G_BEGIN_DECLS

typedef struct {
  guint32 hash;
  guint32 slot1;           /* slot + 1; 0: an empty entry */
} LadderIdEntry;

typedef struct {
  LadderIdEntry *entries;  /* NULL until the first insert */
  guint          mask;     /* number of entries - 1 */
  guint          used;
} LadderIdIndex;

void  ladder_id_index_clear      (LadderIdIndex *index);
void  ladder_id_index_remove_all (LadderIdIndex *index);
/* Room for @n ids without growing. */
void  ladder_id_index_reserve    (LadderIdIndex *index, guint n);
/* The slot of @id in @records, or LADDER_NONE. */
guint ladder_id_index_lookup     (const LadderIdIndex *index,
                                  const LadderPersonRecord *records, const char *id);
/* Adds @id at @slot, whose record need not exist yet, and returns @slot;
 * when @id is already there, changes nothing and returns its slot. */
guint ladder_id_index_insert     (LadderIdIndex *index,
                                  const LadderPersonRecord *records, const char *id,
                                  guint slot);
/* Takes out @id, which is at @slot. */
void  ladder_id_index_remove     (LadderIdIndex *index, const char *id, guint slot);

G_END_DECLS
