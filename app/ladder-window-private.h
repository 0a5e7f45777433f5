/* ladder-window-private.h — shared between the window's own files
 * (ladder-window*.c) and no other */
#pragma once

#include "ladder-window.h"
#include "ladder-autosave.h"
#include "ladder-canvas.h"
#include "ladder-minimap.h"
#include "ladder-compare-panel.h"
#include "ladder-diff.h"
#include "ladder-document.h"
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
  GtkWidget           *undo_button;
  GtkWidget           *redo_button;
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
  LadderMinimap       *minimap;
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

  /* owned: what the window shows */
  LadderDocument      *document;
  /* borrowed from the document, for short code */
  LadderChart         *chart;
  LadderHistory       *history;
  LadderCatalogue     *catalogue;

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
  GFileMonitor        *disk_monitor;
  char                *disk_warned;

  /* a file being opened on a worker, and the bar that says so
   * (ladder-window-load.c) */
  LadderProgress      *loading;
  GFile               *loading_file;
  GtkWidget           *load_bar;
  GtkLabel            *load_label;
  GtkProgressBar      *load_progress;
  guint                load_tick;

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
void     ladder_window_update_search    (LadderWindow *self);
void     ladder_window_step_match       (LadderWindow *self, int direction);
/* Replaces the chart's content with @chart's, as a new document. */
void     ladder_window_replace_chart    (LadderWindow *self, LadderChart *chart, GFile *file);
void     ladder_window_hide_toast       (LadderWindow *self);
/* Name, else title, else role: how people are named in messages. */
const char *ladder_window_person_label  (LadderWindow *self, guint person);

/* ladder-window-actions.c */
void     ladder_window_class_init_actions (GtkWidgetClass *widget_class);
void     ladder_window_update_actions     (LadderWindow *self);
void     ladder_window_update_recent      (LadderWindow *self);
/* The Undo and Redo buttons' tooltips name the step. */
void     ladder_window_init_step_tooltips (LadderWindow *self);
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

/* ladder-window-a11y.c */
/* The canvas' accessible name and the people list follow the selection. */
void     ladder_window_update_accessible  (LadderWindow *self);
/* The people list shows the chart and selects on the canvas. */
void     ladder_window_init_people        (LadderWindow *self);

/* ladder-window-disk.c */
/* self->file was just loaded or saved, and was @stamp on disk then
 * (ladder_file_dup_stamp(); NULL: unknown or no file). */
void     ladder_window_init_loading       (LadderWindow *self);
/* Delimited text and JSON: the import dialog is shown (or why the file
 * cannot be read); FALSE for a chart, which is then opened here. */
gboolean ladder_window_offer_import       (LadderWindow *self, GFile *file);
/* Reads @file (or @content, nullable, when it was read already) on the
 * worker with the import dialog's @options (copied), as an open does:
 * progress, Cancel, Escape (ladder-window-load.c). */
void     ladder_window_import             (LadderWindow *self, GFile *file, GBytes *content,
                                           const LadderImportOptions *options);
void     ladder_window_track_file         (LadderWindow *self, const char *stamp);
/* Saves to self->file, first asking when it changed on disk (Save Anyway,
 * Reload, Cancel); runs @then only once the chart is saved (@data is
 * freed with @destroy either way). */
void     ladder_window_save_checked       (LadderWindow *self, LadderWindowThen then,
                                           gpointer data, GDestroyNotify destroy);

/* ladder-window-compare.c */
void     ladder_window_class_init_compare (GtkWidgetClass *widget_class);
void     ladder_window_init_compare       (LadderWindow *self);
/* From dispose: no comparison, no marks, no idle left. */
void     ladder_window_clear_compare      (LadderWindow *self);
/* What the canvas is given to mark (LadderCanvasMark bits a person). */
const guint8 *ladder_window_get_marks     (LadderWindow *self, guint *n_marks);
/* Compares again now, after the window's catalogue changed. */
void     ladder_window_compare_again      (LadderWindow *self);

G_END_DECLS
