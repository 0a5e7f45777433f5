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

/* A display label for messages: the name, else the id. */
const char         *ladder_chart_get_label     (LadderChart *self, guint person);

G_END_DECLS
