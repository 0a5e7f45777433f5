/* ladder-document.h — one chart being edited: what is saved and undone
 *
 * The document owns the chart, its undo history, the catalogue it is
 * checked against, the findings of the last check, the file it came from
 * and what that file was on disk.  Windows and widgets show a document and
 * send it commands; they never change the chart themselves.
 *
 * Every command is one user intent and one undo step, labelled for the
 * Undo button ("Move Chen Li").  Checks live in the command (a move that
 * would make a cycle is refused here, with the message the user sees).
 *
 * Folding is view state: ladder_document_fold() and _reveal() never enter
 * the history nor mark the document modified; they only make
 * ladder_document_get_folds_changed() true, so that Save still writes them.
 *
 * "changed" is the chart's own change (a LadderChange: which person, which
 * field), passed on after the document has taken it into account.
 */
#pragma once

#include <gio/gio.h>

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-history.h"
#include "ladder-import.h"
#include "ladder-progress.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

#define LADDER_TYPE_DOCUMENT (ladder_document_get_type ())
G_DECLARE_FINAL_TYPE (LadderDocument, ladder_document, LADDER, DOCUMENT, GObject)

LadderDocument  *ladder_document_new             (LadderCatalogue *catalogue);

LadderChart     *ladder_document_get_chart       (LadderDocument *self);
LadderHistory   *ladder_document_get_history     (LadderDocument *self);
LadderCatalogue *ladder_document_get_catalogue   (LadderDocument *self);
/* Checks the chart against @catalogue from now on (another rules file);
 * not an edit. */
void             ladder_document_set_catalogue   (LadderDocument *self, LadderCatalogue *catalogue);
/* The findings of the chart as it is now (checks first if a check is
 * due).  Borrowed; ladder_findings_ref() to keep them past the next
 * change. */
LadderFindings  *ladder_document_get_findings    (LadderDocument *self);

/* What the window shows as its title: the chart's title, else the file's
 * name, else "Untitled Chart"; and where it is (subtitle). */
const char      *ladder_document_get_title       (LadderDocument *self);
const char      *ladder_document_get_subtitle    (LadderDocument *self);
/* Edits not yet saved (folds are not edits). */
gboolean         ladder_document_get_modified    (LadderDocument *self);
/* Folds differ from the file's: Save has something to write even when
 * nothing is modified. */
gboolean         ladder_document_get_folds_changed (LadderDocument *self);
/* No file, no edits and no one on the chart. */
gboolean         ladder_document_is_pristine     (LadderDocument *self);

/* The file the chart is saved to (NULL: never saved), and the file it was
 * imported from until then (a CSV). */
GFile           *ladder_document_get_file        (LadderDocument *self);
GFile           *ladder_document_get_imported_from (LadderDocument *self);
/* The file, else the file imported from, else NULL: where the chart came
 * from, for the names and folders Save As and Export suggest. */
GFile           *ladder_document_get_source      (LadderDocument *self);
/* What the file was on disk when last loaded or saved (see
 * ladder_file_dup_stamp()), or NULL. */
const char      *ladder_document_get_disk_stamp  (LadderDocument *self);
void             ladder_document_set_disk_stamp  (LadderDocument *self, const char *stamp);

/* Loads @file in place of the chart (a CSV as a new, unsaved document).
 * On failure the document stays as it was.  @warnings (nullable) gets
 * what the reader had to say. */
gboolean         ladder_document_load            (LadderDocument *self, GFile *file,
                                                  GPtrArray *warnings, GError **error);
/* Puts @chart's content (left empty) in place of the chart, as a new
 * document saved to @file (NULL: never saved). */
void             ladder_document_replace         (LadderDocument *self, LadderChart *chart,
                                                  GFile *file);
/* Puts @chart's content (left empty) in place of the chart as a new
 * document imported from @file (CSV, TSV, JSON...): unsaved, and Save asks
 * where (the file itself stays as it is). */
void             ladder_document_adopt_import    (LadderDocument *self, LadderChart *chart,
                                                  GFile *file);
/* Saves to @file; a .csv is an export and leaves the document as it was. */
gboolean         ladder_document_save_to         (LadderDocument *self, GFile *file,
                                                  GError **error);
/* The chart is not what any file holds (restored from a recovery copy). */
void             ladder_document_mark_unsaved    (LadderDocument *self, GFile *file,
                                                  const char *stamp);

/* ---- reading on a worker thread (ladder-document-load.c) ---- */

/* A file read, parsed and checked into a chart nothing else sees. */
typedef struct _LadderLoaded LadderLoaded;

/* Any thread: reads @file against @catalogue, reporting into @progress
 * (nullable) and stopping with G_IO_ERROR_CANCELLED when its cancellable
 * is cancelled. */
LadderLoaded    *ladder_loaded_read              (GFile *file, LadderCatalogue *catalogue,
                                                  LadderProgress *progress, GError **error);
/* The same on a worker thread; @callback runs in the calling thread's
 * main context, at once when @progress's cancellable is cancelled. */
void             ladder_loaded_read_async        (GFile *file, LadderCatalogue *catalogue,
                                                  LadderProgress *progress,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
/* The same for a delimited or JSON file read with an import's choices
 * (the import dialog's; copied), from @content when it was read already
 * (a pipe gives it only once; nullable).  Finish with
 * ladder_loaded_read_finish(). */
void             ladder_loaded_import_async      (GFile *file, GBytes *content,
                                                  LadderCatalogue *catalogue,
                                                  const LadderImportOptions *options,
                                                  LadderProgress *progress,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
LadderLoaded    *ladder_loaded_read_finish       (GAsyncResult *result, GError **error);
LadderChart     *ladder_loaded_get_chart         (LadderLoaded *loaded);
/* The chart's layout, computed on the thread that read it (NULL when
 * taken already); free with ladder_layout_free(). */
struct _LadderLayout *ladder_loaded_steal_layout (LadderLoaded *loaded);
/* What the reader had to say, "FILE:LINE: warning: ...". */
GPtrArray       *ladder_loaded_get_warnings      (LadderLoaded *loaded);
void             ladder_loaded_free              (LadderLoaded *loaded);
/* Main thread: puts what was read in place of the chart, as
 * ladder_document_load() does, and frees @loaded. */
void             ladder_document_take_loaded     (LadderDocument *self, LadderLoaded *loaded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderLoaded, ladder_loaded_free)

/* ---- commands: each is one undo step ---- */

/* How people are named in messages and undo labels. */
const char      *ladder_document_person_label    (LadderDocument *self, guint person);

/* A new person of @role under @manager (LADDER_NONE: on their own) at
 * @position (LADDER_NONE: last), named @name (NULL: unnamed). */
guint            ladder_document_add_person      (LadderDocument *self, const char *role,
                                                  guint manager, guint position,
                                                  const char *name, GError **error);
/* Names the person just added by ladder_document_add_person(), in the same
 * undo step; any other person is renamed in a step of its own. */
void             ladder_document_rename          (LadderDocument *self, guint person,
                                                  const char *name);
/* Takes back the add that was the last step (the name popover was
 * cancelled with Escape); FALSE when the last step is something else. */
gboolean         ladder_document_cancel_add      (LadderDocument *self, guint person);
void             ladder_document_remove_person   (LadderDocument *self, guint person);

/* NULL when @person may report to @manager; else why not (a cycle), as the
 * user reads it. */
gboolean         ladder_document_check_move      (LadderDocument *self, guint person,
                                                  guint manager, GError **error);
/* Reparent, reorder (same manager) or detach (@manager LADDER_NONE). */
gboolean         ladder_document_move_person     (LadderDocument *self, guint person,
                                                  guint manager, guint position,
                                                  GError **error);
/* Text fields (ID, role, name, title, note; NULL or "" clears) and flags
 * (vacant, assistant: @text NULL or "" is FALSE). */
gboolean         ladder_document_set_field       (LadderDocument *self, guint person,
                                                  LadderField field, const char *text,
                                                  GError **error);
gboolean         ladder_document_set_flag        (LadderDocument *self, guint person,
                                                  LadderField field, gboolean value);
gboolean         ladder_document_add_dotted_line (LadderDocument *self, guint person, guint to,
                                                  GError **error);
void             ladder_document_remove_dotted_line (LadderDocument *self, guint person,
                                                     guint to);
/* Title (NULL: none), head count (-1: unset) and layout, in one step. */
void             ladder_document_set_properties  (LadderDocument *self, const char *title,
                                                  gint64 employees, LadderLayoutKind layout);

/* Undo / redo one step; returns the person the step was about (alive, or
 * the manager of one that went), to select, or LADDER_NONE. */
guint            ladder_document_undo            (LadderDocument *self);
guint            ladder_document_redo            (LadderDocument *self);

/* ---- view state: never an edit ---- */

void             ladder_document_fold            (LadderDocument *self, guint person,
                                                  gboolean folded);
/* Unfolds every fold that hides @person; TRUE if one was unfolded. */
gboolean         ladder_document_reveal          (LadderDocument *self, guint person);

/* A fingerprint of @file as it is on disk now (size, modification time,
 * inode), or NULL when there is no such file. */
char            *ladder_file_dup_stamp           (GFile *file);

G_END_DECLS
