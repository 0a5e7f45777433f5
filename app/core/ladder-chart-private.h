/* ladder-chart-private.h — raw access for the readers in app/core
 *
 * The XML and CSV readers build a chart in bulk: they append records
 * without signals, resolve manager references themselves and then link
 * the hierarchy in one pass.
 */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

typedef struct {
  char       *id;
  const char *role;             /* interned */
  char       *name;
  char       *title;
  char       *note;
  guint       manager;
  guint       first_report;
  guint       last_report;
  guint       prev_sibling;
  guint       next_sibling;
  guint       n_reports;
  guint      *dotted;
  guint       n_dotted;
  guint       line;
  gint64      order;            /* only read while linking */
  guint       alive : 1;
  guint       vacant : 1;
  guint       assistant : 1;
  guint       collapsed : 1;
  guint       view_folded : 1;  /* folded (or last folded) by the view itself */
  guint       has_order : 1;
} LadderPersonRecord;

/* Appends an unlinked person (manager LADDER_NONE).  Returns LADDER_NONE
 * when @id is already taken.  No signal. */
guint               ladder_chart_append_record (LadderChart *self, const char *id,
                                                const char *role, guint line);
/* Makes room for about @n more people at once, for a reader that can
 * estimate how many it will append: the id index, and the records of an
 * empty chart, then do not grow step by step. */
void                ladder_chart_reserve_records (LadderChart *self, guint n);
/* Once, before a reader copies its text: room for @n_bytes of ids,
 * names, titles and notes (with their NULs) in one block. */
void                ladder_chart_reserve_text  (LadderChart *self, gsize n_bytes);
/* A NUL-terminated copy of @length bytes of @text for a record's id,
 * name, title or note, in the reserved block while it has room (else
 * allocated).  The chart frees it with the record or when it is set
 * again; nothing else may. */
char               *ladder_chart_copy_text     (LadderChart *self, const char *text,
                                                gsize length);
LadderPersonRecord *ladder_chart_get_record    (LadderChart *self, guint person);
/* All the records, indexed by slot (ladder_chart_get_capacity() of them),
 * for loops over every person: no check per access.  Valid until the
 * next change to the chart. */
LadderPersonRecord *ladder_chart_get_records   (LadderChart *self);

/* Links every record under its manager field, siblings sorted by
 * (order, file order).  On a cycle returns FALSE and sets @cycle to the
 * people of one cycle, in manager order (free with g_free). */
gboolean            ladder_chart_link_records  (LadderChart *self, guint **cycle, guint *n_cycle);

/* A second dotted line of one person to the same target, found in
 * constant time per line (a person may have 200,000): for each target,
 * the last person seen drawing a line to it.  Zero-initialise; the
 * people's dotted lines must come person by person. */
typedef struct {
  guint *last_from;   /* per slot, or NULL until the first line */
  guint  n_slots;
  gsize  checks;      /* lines checked */
} LadderDottedSeen;

/* FALSE when @person already has a dotted line to @target. */
gboolean            ladder_dotted_seen_add     (LadderDottedSeen *seen, LadderChart *chart,
                                                guint person, guint target);
void                ladder_dotted_seen_clear   (LadderDottedSeen *seen);
/* Lines checked by every LadderDottedSeen cleared so far in this process
 * (tests of cost). */
gsize               ladder_dotted_seen_get_total_checks (void);

/* The living people with a dotted line to @to, in slot order, without
 * reading every record (free with g_array_unref). */
GArray             *ladder_chart_dup_dotted_from (LadderChart *self, guint to);
/* Lines read by ladder_chart_dup_dotted_from so far in this process
 * (tests of cost: a removal reads the lines to the person removed, not
 * every line of the chart). */
gsize               ladder_chart_get_dotted_from_reads (void);

/* The person after @person in pre-order (as ladder_chart_preorder()
 * walks it, folds included), or LADDER_NONE: down to the first report,
 * else on to the next sibling of the nearest ancestor that has one.  For
 * a loop over every person that reads each record there anyway. */
static inline guint
ladder_records_preorder_next (const LadderPersonRecord *records, guint person)
{
  if (records[person].first_report != LADDER_NONE)
    return records[person].first_report;
  while (person != LADDER_NONE && records[person].next_sibling == LADDER_NONE)
    person = records[person].manager;
  return person != LADDER_NONE ? records[person].next_sibling : LADDER_NONE;
}

/* A display label for messages: the name, else the id. */
const char         *ladder_chart_get_label     (LadderChart *self, guint person);

G_END_DECLS
