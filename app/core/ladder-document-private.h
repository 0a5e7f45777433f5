/* ladder-document-private.h — shared between ladder-document.c and
 * ladder-document-commands.c */
#pragma once

#include "ladder-document.h"

G_BEGIN_DECLS

struct _LadderDocument
{
  GObject          parent_instance;

  LadderChart     *chart;
  LadderHistory   *history;
  LadderCatalogue *catalogue;
  LadderFindings  *findings;
  guint            validate_idle;
  /* Counts the changes that can change a finding; findings_revision is
   * the one self->findings were checked at.  A chart of at least
   * check_min_people is checked on a worker (checking while it runs),
   * and a result of an older revision is dropped. */
  guint64          revision;
  guint64          findings_revision;
  guint            check_min_people;
  gboolean         checking;
  /* Checked on the thread that read the chart coming in, taken in place
   * of checking it again when it comes (ladder-document-load.c). */
  LadderFindings  *incoming_findings;

  GFile           *file;
  GFile           *imported_from;    /* the CSV read, until saved as a chart */
  char            *disk_stamp;

  char            *title;
  char            *subtitle;
  gboolean         folds_changed;

  /* The person the last step added, while that step may still take the
   * name (LADDER_NONE otherwise). */
  guint            added;
};

void ladder_document_update_names       (LadderDocument *self);

/* Charts of at least @n_people are checked on a worker after an edit
 * (LADDER_DOCUMENT_CHECK_MIN_PEOPLE by default; tests lower it). */
#define LADDER_DOCUMENT_CHECK_MIN_PEOPLE 20000
void     ladder_document_set_check_min_people (LadderDocument *self, guint n_people);
/* TRUE while a check runs on a worker or is due: the findings are then
 * those of an earlier revision, and "notify::findings" follows. */
gboolean ladder_document_get_checking         (LadderDocument *self);
void ladder_document_set_folds_changed  (LadderDocument *self, gboolean changed);

G_END_DECLS
