/* ladder-inspector.h — the fields of the selected person, editable
 *
 * Every edit made here is one of the document's commands (one undo step).
 */
#pragma once

#include <gtk/gtk.h>

#include "ladder-document.h"

G_BEGIN_DECLS

#define LADDER_TYPE_INSPECTOR (ladder_inspector_get_type ())
G_DECLARE_FINAL_TYPE (LadderInspector, ladder_inspector, LADDER, INSPECTOR, GtkWidget)

void  ladder_inspector_bind       (LadderInspector *self, LadderDocument *document);
void  ladder_inspector_set_person (LadderInspector *self, guint person);
guint ladder_inspector_get_person (LadderInspector *self);
/* Focuses the name entry, text selected. */
void  ladder_inspector_focus_name (LadderInspector *self);

G_END_DECLS
