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
void ladder_document_set_folds_changed  (LadderDocument *self, gboolean changed);

G_END_DECLS
