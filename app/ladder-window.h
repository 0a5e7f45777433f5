/* ladder-window.h — the main window: one chart, its history and views */
#pragma once

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-chart.h"
#include "ladder-document.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

#define LADDER_TYPE_WINDOW (ladder_window_get_type ())
G_DECLARE_FINAL_TYPE (LadderWindow, ladder_window, LADDER, WINDOW, GtkApplicationWindow)

LadderWindow   *ladder_window_new            (LadderApplication *app);

/* The document the window shows (chart, history, findings, file). */
LadderDocument *ladder_window_get_document   (LadderWindow *self);
/* What keeps the document's recovery copy (ladder-autosave.h). */
struct _LadderAutosave;
struct _LadderAutosave *ladder_window_get_autosave (LadderWindow *self);
LadderChart    *ladder_window_get_chart      (LadderWindow *self);
LadderCatalogue *ladder_window_get_catalogue (LadderWindow *self);
/* The findings of the chart as it is now (validates if a run is due). */
LadderFindings *ladder_window_get_findings   (LadderWindow *self);
/* The chart's file, or NULL when it has never been saved. */
GFile          *ladder_window_get_file       (LadderWindow *self);
gboolean        ladder_window_get_modified   (LadderWindow *self);
/* No file, no edits and no one on the chart: may be reused by open. */
gboolean        ladder_window_is_pristine    (LadderWindow *self);

guint           ladder_window_get_selected   (LadderWindow *self);
/* Selects @person (LADDER_NONE: nobody) and brings it into view. */
void            ladder_window_select         (LadderWindow *self, guint person);

/* What a drop of a role does: adds a person of @role under @manager
 * (LADDER_NONE: unattached), as one undoable step, selects it and starts
 * editing its name.  Returns the new person or LADDER_NONE. */
guint           ladder_window_add_role       (LadderWindow *self, const char *role,
                                              guint manager);
/* What dropping a card does: @person reports to @manager (LADDER_NONE:
 * unattached) at @position among its reports (LADDER_NONE: last), as one
 * undoable step.  A move that would make a cycle is refused with a message
 * that says why, which the window also shows. */
gboolean        ladder_window_move_person    (LadderWindow *self, guint person, guint manager,
                                              guint position, GError **error);

/* Loads @file in place of the chart.  On failure the chart stays as it
 * was and the error (FILE:LINE: ...) is returned. */
gboolean        ladder_window_load           (LadderWindow *self, GFile *file, GError **error);
/* ladder_window_load() on a worker thread: returns at once, the window
 * showing the progress (Cancel, Escape) and the chart that was open until
 * the new one replaces it; a failure is shown in a dialog
 * (ladder-window-load.c). */
void            ladder_window_open           (LadderWindow *self, GFile *file);
/* An open is under way. */
gboolean        ladder_window_is_loading     (LadderWindow *self);
/* Stops the open under way (if any): the chart stays as it was. */
void            ladder_window_cancel_loading (LadderWindow *self);
gboolean        ladder_window_save_to        (LadderWindow *self, GFile *file, GError **error);

/* Puts a recovery copy's chart in the window, unsaved, to be saved to its
 * original file; the window keeps the recovery copy from now on.  @entry
 * is a LadderRecoveryEntry (ladder-autosave.h). */
struct _LadderRecoveryEntry;
gboolean        ladder_window_restore        (LadderWindow *self, struct _LadderRecoveryEntry *entry,
                                              GError **error);

/* A short message over the canvas that goes away by itself. */
void            ladder_window_show_toast     (LadderWindow *self, const char *message);
/* The message last shown by ladder_window_show_toast(), or NULL. */
const char     *ladder_window_get_toast      (LadderWindow *self);

/* ---- what the window's actions and panels do (public for tests) ---- */

/* The Undo (or Redo) button's tooltip: "Undo Move Chen Li (Ctrl+Z)". */
char    *ladder_window_dup_step_tooltip   (LadderWindow *self, gboolean redo);

/* A dialog: @primary, and @secondary under it (an error message). */
void     ladder_window_show_error       (LadderWindow *self, const char *primary,
                                         const char *secondary);

/* Checks the chart against @catalogue from now on (ladder-rules-file.c). */
void     ladder_window_set_catalogue    (LadderWindow *self, LadderCatalogue *catalogue);

/* Checks the chart now if a check is due (the panels follow). */
void     ladder_window_revalidate_now   (LadderWindow *self);

/* Where the export dialog opens: the last export's folder while it is
 * there, else where Save As opens (ladder_window_dup_save_folder()). */
GFile   *ladder_window_dup_export_folder  (LadderWindow *self);

/* Ctrl+X: the selected person is the one the next paste moves. */
gboolean ladder_window_cut_person         (LadderWindow *self);

/* Escape: nothing is cut any more. */
void     ladder_window_cancel_cut         (LadderWindow *self);

/* Ctrl+V: the cut person reports to the selected one, as one undoable
 * step; a cycle is refused with the message a drag shows. */
gboolean ladder_window_paste_person       (LadderWindow *self);

/* Alt+Left / Alt+Right: the selected person one place earlier (-1) or
 * later (+1) among its siblings, as one undoable step. */
gboolean ladder_window_shift_person       (LadderWindow *self, int direction);

/* F8 / Shift+F8: selects and centres the next (+1) or previous (-1)
 * finding's person; returns the finding's index or LADDER_NONE. */
guint    ladder_window_step_finding       (LadderWindow *self, int direction);

/* What a screen reader says about @person: name, role, manager, reports
 * and findings (free with g_free). */
char    *ladder_window_describe_person    (LadderWindow *self, guint person);

/* TRUE when the chart's file is no longer what was last loaded or saved. */
gboolean ladder_window_changed_on_disk    (LadderWindow *self);

/* The file name Save As and Export offer: the chart's file's or the
 * imported file's with @extension (".ladder"), else the chart's title
 * made safe for a file name, else "Untitled Chart" (free with g_free). */
char    *ladder_window_dup_suggested_name (LadderWindow *self, const char *extension);

/* Where Save As opens: the chart's (or imported file's) folder, else the
 * documents folder, else the home folder; never the current folder. */
GFile   *ladder_window_dup_save_folder    (LadderWindow *self);

/* Compares the open chart (NEW) with @file's (OLD): the changed cards are
 * marked and the Changes page lists what changed, until
 * ladder_window_leave_comparison().  On failure nothing changes. */
gboolean ladder_window_compare_with       (LadderWindow *self, GFile *file, GError **error);
void     ladder_window_leave_comparison   (LadderWindow *self);
gboolean ladder_window_is_comparing       (LadderWindow *self);

G_END_DECLS
