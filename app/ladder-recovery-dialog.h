/* ladder-recovery-dialog.h — offering the charts a crash left unsaved */
#pragma once

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-window.h"

G_BEGIN_DECLS

enum {
  LADDER_RECOVERY_RESPONSE_RESTORE = GTK_RESPONSE_ACCEPT,
  LADDER_RECOVERY_RESPONSE_DISCARD = GTK_RESPONSE_REJECT,
};

/* Looks for charts that a Ladder which crashed or was killed left unsaved
 * and offers them in a dialog over @parent: Restore opens each in a window
 * (@parent itself when it is empty and untouched), unsaved, to be saved to
 * its original file; Discard deletes them; closing the dialog keeps them
 * for the next start.  Recovery copies that cannot be read are set aside,
 * said on stderr, and in the dialog or else a message in @parent.
 * Returns the dialog (owned by GTK), or NULL when there is nothing to
 * offer. */
GtkWindow *ladder_recovery_offer (LadderApplication *app, LadderWindow *parent);

G_END_DECLS
