/* ladder-chart-instance-private.h — the chart's instance struct, for the
 * files that implement it: ladder-chart.c (the object, lookup,
 * traversal), ladder-chart-records.c (the records, their sibling lists,
 * bulk building) and ladder-chart-edit.c (the edits that announce
 * themselves).
 *
 * The struct is here rather than in ladder-chart.c only because those
 * three files share it; nothing else includes this header (the readers
 * use ladder-chart-private.h).
 */
#pragma once

#include "ladder-chart-private.h"
#include "ladder-id-index-private.h"

G_BEGIN_DECLS

struct _LadderChart
{
  GObject     parent_instance;

  GArray     *people;          /* LadderPersonRecord, indexed by slot */
  LadderIdIndex by_id;        /* the ids of the living people */
  guint       n_alive;

  /* Roots form one more sibling list. */
  guint       first_root;
  guint       last_root;
  guint       n_roots;

  char       *title;
  gint64      employees;
  LadderLayoutKind layout;
  guint       chart_line;      /* of <orgchart> in the file read */

  guint       next_free_id;    /* hint for ladder_chart_dup_free_id */

  /* The dotted lines the other way round: per target slot, a GArray of
   * the slots whose records hold a line to it (living or removed, as the
   * records do), so that removing a person finds the lines to them
   * without reading every record.  Built on the first removal (the
   * readers fill records directly), kept by the edits, dropped with the
   * people. */
  GHashTable *dotted_from;

  /* The last roles appended, interned: g_intern_string takes GLib's
   * global lock, once per person of a large file otherwise. */
  const char *role_cache[16];
  guint       role_cache_next;

  /* Text a reader copied in bulk (ids, names, titles, notes), packed in
   * one block instead of an allocation each: a quarter of the memory
   * for short strings, and none of malloc's work.  A record's text is
   * freed only when it lies outside the block. */
  char       *text_block;
  gsize       text_size;
  gsize       text_used;
};

static inline LadderPersonRecord *
ladder_chart_rec (LadderChart *self, guint person)
{
  return &g_array_index (self->people, LadderPersonRecord, person);
}

static inline void
ladder_chart_free_text (LadderChart *self, char *text)
{
  guintptr at = (guintptr) text;

  if (at - (guintptr) self->text_block >= self->text_size)
    g_free (text);
}

/* Emits "changed" (ladder-chart.c owns the signal). */
void ladder_chart_emit          (LadderChart *self, const LadderChange *change);
/* A change of @kind to @person, with every other person and position
 * LADDER_NONE. */
void ladder_change_init         (LadderChange *change, LadderChangeKind kind, guint person);

/* Keep dotted_from (when built) in step with a line added or removed. */
void ladder_chart_dotted_from_add    (LadderChart *self, guint from, guint to);
void ladder_chart_dotted_from_remove (LadderChart *self, guint from, guint to);

/* Takes @person out of its sibling list; its manager field is kept. */
void ladder_chart_unlink_person (LadderChart *self, guint person);
/* Puts an unlinked @person under @manager at @position (clamped). */
void ladder_chart_link_person   (LadderChart *self, guint person, guint manager,
                                 guint position);

G_END_DECLS
