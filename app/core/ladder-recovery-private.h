/* ladder-recovery-private.h — what the recovery copies' writer
 * (ladder-autosave.c) and reader (ladder-recovery.c) share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The group and version of the ID.ini description (see ladder-autosave.h). */
#define LADDER_RECOVERY_GROUP   "Recovery"
#define LADDER_RECOVERY_VERSION 1

/* This process's session id, its lock taken (again, if the recovery folder
 * was emptied meanwhile); NULL and @error when it cannot be. */
const char *ladder_recovery_ensure_session (GError **error);

G_END_DECLS
