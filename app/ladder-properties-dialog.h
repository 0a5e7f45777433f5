/* ladder-properties-dialog.h — the chart's title, head count and layout */
#pragma once

#include <gtk/gtk.h>

#include "ladder-document.h"

G_BEGIN_DECLS

/* A modal window over @parent showing @document's title, `employees` and
 * layout; Apply changes them as one undo step and closes it. */
GtkWindow *ladder_properties_dialog_new   (GtkWindow *parent, LadderDocument *document);
/* What Apply does (without closing), for tests. */
void       ladder_properties_dialog_apply (GtkWindow *dialog);

G_END_DECLS
