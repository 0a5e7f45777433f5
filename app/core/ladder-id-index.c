/* ladder-id-index.c — the chart's index from id to slot
 *
 * Open addressing with linear probing over one array of (hash, slot)
 * pairs, kept at most half full.  Reading a large file appends a person
 * for every id, and each append must first make sure the id is new: with
 * a GHashTable that was a look-up and then an insert, into three arrays
 * (hashes, keys, values) that grew by rehashing every key.  Here an
 * append probes one array once, and a reader that can estimate its size
 * sizes the array once.
 */
#include "config.h"

#include "ladder-id-index-private.h"

#include <string.h>

#define MIN_ENTRIES 16

/* Bernstein's hash (g_str_hash's), times 3.  Files list ids in order
 * ("p1041", "p1042" ...): their hashes then differ by 3, so the entries
 * of neighbouring ids share a cache line or lie in the next one, and an
 * append finds its place in memory touched just before (a hash that
 * scattered them cost a cache miss on almost every append, 10% of
 * reading a 100k-person file; times 11, one in 2.3 appends still left
 * the line).  The factor keeps such ids from filling long runs of
 * neighbouring entries, which linear probing would walk: 0.3 extra
 * probes an append for "p1" to "p100000", 2.9 to "p1000000". */
static guint32
hash_id (const char *id)
{
  guint32 h = 5381;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    h = h * 33 + *p;
  return h * 3;
}

static void
resize (LadderIdIndex *index, guint n_entries)
{
  LadderIdEntry *old = index->entries;
  guint old_n = old != NULL ? index->mask + 1 : 0;

  g_assert (n_entries >= 2 * index->used && (n_entries & (n_entries - 1)) == 0);

  index->entries = g_new0 (LadderIdEntry, n_entries);
  index->mask = n_entries - 1;
  for (guint i = 0; i < old_n; i++)
    {
      guint k;

      if (old[i].slot1 == 0)
        continue;
      for (k = old[i].hash & index->mask; index->entries[k].slot1 != 0; k = (k + 1) & index->mask)
        ;
      index->entries[k] = old[i];
    }
  g_free (old);
}

/* The number of entries that holds @n ids at most half full. */
static guint
entries_for (guint n)
{
  guint n_entries = MIN_ENTRIES;

  while (n_entries / 2 < n && n_entries <= G_MAXUINT / 4)
    n_entries *= 2;
  return n_entries;
}

void
ladder_id_index_clear (LadderIdIndex *index)
{
  g_clear_pointer (&index->entries, g_free);
  index->mask = 0;
  index->used = 0;
}

void
ladder_id_index_remove_all (LadderIdIndex *index)
{
  if (index->entries != NULL)
    memset (index->entries, 0, (gsize) (index->mask + 1) * sizeof *index->entries);
  index->used = 0;
}

void
ladder_id_index_reserve (LadderIdIndex *index, guint n)
{
  guint n_entries = entries_for (n);

  if (index->entries == NULL || n_entries > index->mask + 1)
    resize (index, n_entries);
}

guint
ladder_id_index_lookup (const LadderIdIndex *index, const LadderPersonRecord *records,
                        const char *id)
{
  guint32 hash;

  if (index->entries == NULL)
    return LADDER_NONE;
  hash = hash_id (id);
  for (guint k = hash & index->mask;; k = (k + 1) & index->mask)
    {
      const LadderIdEntry *entry = &index->entries[k];

      if (entry->slot1 == 0)
        return LADDER_NONE;
      if (entry->hash == hash && strcmp (records[entry->slot1 - 1].id, id) == 0)
        return entry->slot1 - 1;
    }
}

guint
ladder_id_index_insert (LadderIdIndex *index, const LadderPersonRecord *records,
                        const char *id, guint slot)
{
  guint32 hash = hash_id (id);
  guint k;

  g_assert (slot < G_MAXUINT32 - 1);

  if (index->entries == NULL || 2 * (index->used + 1) > index->mask + 1)
    resize (index, entries_for (index->used + 1));
  for (k = hash & index->mask; index->entries[k].slot1 != 0; k = (k + 1) & index->mask)
    {
      const LadderIdEntry *entry = &index->entries[k];

      if (entry->hash == hash && strcmp (records[entry->slot1 - 1].id, id) == 0)
        return entry->slot1 - 1;
    }
  index->entries[k].hash = hash;
  index->entries[k].slot1 = slot + 1;
  index->used++;
  return slot;
}

void
ladder_id_index_remove (LadderIdIndex *index, const char *id, guint slot)
{
  guint32 hash = hash_id (id);
  guint hole, k;

  g_assert (index->entries != NULL);
  for (hole = hash & index->mask; index->entries[hole].slot1 != slot + 1;
       hole = (hole + 1) & index->mask)
    g_assert (index->entries[hole].slot1 != 0);

  /* Later entries of the run move back into the hole unless that would
   * put them before their own place: no tombstones. */
  for (k = (hole + 1) & index->mask; index->entries[k].slot1 != 0; k = (k + 1) & index->mask)
    {
      guint home = index->entries[k].hash & index->mask;
      gboolean stays = hole <= k ? (hole < home && home <= k) : (hole < home || home <= k);

      if (stays)
        continue;
      index->entries[hole] = index->entries[k];
      hole = k;
    }
  index->entries[hole].slot1 = 0;
  index->used--;
}
