/* ladder-window-private.h — shared between ladder-window.c and
 * ladder-window-actions.c */
#pragma once

#include "ladder-window.h"
#include "ladder-autosave.h"
#include "ladder-canvas.h"
#include "ladder-compare-panel.h"
#include "ladder-diff.h"
#include "ladder-findings-panel.h"
#include "ladder-history.h"
#include "ladder-inspector.h"
#include "ladder-overview.h"
#include "ladder-palette.h"
#include "ladder-people-list.h"

G_BEGIN_DECLS

struct _LadderWindow
{
  GtkApplicationWindow parent_instance;

  /* template children */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkWidget           *save_button;
  GtkToggleButton     *search_button;
  GtkToggleButton     *findings_button;
  GtkLabel            *error_count_label;
  GtkLabel            *warning_count_label;
  GtkLabel            *note_count_label;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *search_status;
  LadderPalette       *palette;
  GtkScrolledWindow   *scroller;
  LadderCanvas        *canvas;
  GtkWidget           *empty_state;
  GtkRevealer         *toast_revealer;
  GtkLabel            *toast_label;
  GtkButton           *toast_close;
  GtkLabel            *zoom_label;
  GtkPaned            *side_pane;
  LadderInspector     *inspector;
  LadderFindingsPanel *findings_panel;
  GtkStack            *side_stack;
  LadderPeopleList    *people_list;
  GMenu               *recent_section;

  /* the document */
  LadderChart         *chart;
  LadderHistory       *history;
  LadderCatalogue     *catalogue;
  LadderFindings      *findings;
  GFile               *file;
  /* the CSV file the chart was imported from, until it is saved */
  GFile               *imported_from;
  guint                validate_idle;
  guint                toast_timeout;
  char                *toast;

  /* search: people that match, in chart order, and a flag per slot */
  GArray              *matches;
  guint8              *match_flags;
  guint                match_index;

  /* set once the user chose to close with unsaved changes discarded */
  gboolean             close_confirmed;

  /* recovery copy; the file as last loaded or saved (ladder-window-disk.c) */
  LadderAutosave      *autosave;
  char                *disk_stamp;
  GFileMonitor        *disk_monitor;
  char                *disk_warned;

  /* keyboard moves and finding steps (ladder-window-keys.c) */
  guint                cut_person;
  guint                finding_index;

  /* the Overview page, comparing and the marks on the cards
   * (ladder-window-compare.c) */
  LadderOverview      *overview;
  LadderComparePanel  *compare_panel;
  GByteArray          *marks;
  LadderChart         *compare_old;
  LadderFindings      *compare_old_findings;
  LadderCatalogue     *compare_catalogue;  /* OLD's findings were found with it */
  LadderDiff          *compare_diff;
  guint                compare_capacity;   /* of NEW when compared */
  char                *compare_name;
  guint                compare_idle;
};

/* ladder-window.c */
void     ladder_window_update_title     (LadderWindow *self);
void     ladder_window_revalidate_now   (LadderWindow *self);
/* Checks the chart against @catalogue from now on (ladder-rules-file.c). */
void     ladder_window_set_catalogue    (LadderWindow *self, LadderCatalogue *catalogue);
void     ladder_window_update_search    (LadderWindow *self);
void     ladder_window_step_match       (LadderWindow *self, int direction);
/* Replaces the chart's content with @chart's, as a new document. */
void     ladder_window_replace_chart    (LadderWindow *self, LadderChart *chart, GFile *file);
/* @chart, imported from @file, as a new document with unsaved changes. */
void     ladder_window_adopt_import     (LadderWindow *self, LadderChart *chart, GFile *file);
void     ladder_window_hide_toast       (LadderWindow *self);
void     ladder_window_show_error       (LadderWindow *self, const char *primary,
                                         const char *secondary);
/* Name, else title, else role: how people are named in messages. */
const char *ladder_window_person_label  (LadderWindow *self, guint person);

/* ladder-window-actions.c */
void     ladder_window_class_init_actions (GtkWidgetClass *widget_class);
void     ladder_window_update_actions     (LadderWindow *self);
void     ladder_window_update_recent      (LadderWindow *self);
/* Where the export dialog opens: the last export's folder while it is
 * there, else where Save As opens (ladder_window_dup_save_folder()). */
GFile   *ladder_window_dup_export_folder  (LadderWindow *self);
typedef void (*LadderWindowThen) (LadderWindow *self, gpointer data);
/* When there are unsaved changes, asks whether to save or discard them;
 * then runs @then, unless the user cancelled (@data is freed with
 * @destroy either way). */
void     ladder_window_confirm_discard    (LadderWindow *self, LadderWindowThen then,
                                           gpointer data, GDestroyNotify destroy);
void     ladder_window_add_recent         (LadderWindow *self, GFile *file);
/* The recent-files menu follows the recent manager from now on. */
void     ladder_window_watch_recent       (LadderWindow *self);

/* ladder-window-keys.c */
void     ladder_window_class_init_keys    (GtkWidgetClass *widget_class);
void     ladder_window_init_keys          (LadderWindow *self);
void     ladder_window_update_key_actions (LadderWindow *self);
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

/* ladder-window-a11y.c */
/* What a screen reader says about @person: name, role, manager, reports
 * and findings (free with g_free). */
char    *ladder_window_describe_person    (LadderWindow *self, guint person);
/* The canvas' accessible name and the people list follow the selection. */
void     ladder_window_update_accessible  (LadderWindow *self);
/* The people list shows the chart and selects on the canvas. */
void     ladder_window_init_people        (LadderWindow *self);

/* ladder-window-disk.c */
/* self->file was just loaded or saved, and was @stamp on disk then
 * (ladder_file_dup_stamp(); NULL: unknown or no file). */
void     ladder_window_track_file         (LadderWindow *self, const char *stamp);
/* TRUE when self->file is no longer what was last loaded or saved. */
gboolean ladder_window_changed_on_disk    (LadderWindow *self);
/* Saves to self->file, first asking when it changed on disk (Save Anyway,
 * Reload, Cancel); runs @then only once the chart is saved (@data is
 * freed with @destroy either way). */
void     ladder_window_save_checked       (LadderWindow *self, LadderWindowThen then,
                                           gpointer data, GDestroyNotify destroy);
/* Puts @entry's chart in the window, unsaved, to be saved to its original
 * file; the window keeps the recovery copy from now on. */
gboolean ladder_window_restore            (LadderWindow *self, LadderRecoveryEntry *entry,
                                           GError **error);
/* The file name Save As and Export offer: the chart's file's or the
 * imported file's with @extension (".ladder"), else the chart's title
 * made safe for a file name, else "Untitled Chart" (free with g_free). */
char    *ladder_window_dup_suggested_name (LadderWindow *self, const char *extension);
/* Where Save As opens: the chart's (or imported file's) folder, else the
 * documents folder, else the home folder; never the current folder. */
GFile   *ladder_window_dup_save_folder    (LadderWindow *self);

/* ladder-window-compare.c */
void     ladder_window_class_init_compare (GtkWidgetClass *widget_class);
void     ladder_window_init_compare       (LadderWindow *self);
/* From dispose: no comparison, no marks, no idle left. */
void     ladder_window_clear_compare      (LadderWindow *self);
/* Compares the open chart (NEW) with @file's (OLD): the changed cards are
 * marked and the Changes page lists what changed, until
 * ladder_window_leave_comparison().  On failure nothing changes. */
gboolean ladder_window_compare_with       (LadderWindow *self, GFile *file, GError **error);
void     ladder_window_leave_comparison   (LadderWindow *self);
gboolean ladder_window_is_comparing       (LadderWindow *self);
/* Compares again now, after the window's catalogue changed. */
void     ladder_window_compare_again      (LadderWindow *self);

G_END_DECLS
