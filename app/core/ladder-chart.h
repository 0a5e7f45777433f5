/* ladder-chart.h — the chart model
 *
 * A chart is a flat array of person records indexed by integer.  The
 * hierarchy is kept as intrusive links (manager, first/last report,
 * previous/next sibling) so that every structural operation is O(1) or
 * O(siblings) and nothing ever recurses.  Roots (people without a manager)
 * form one more sibling list.
 *
 * Removed people keep their slot (a tombstone) so that indices stay
 * stable for the undo history; removed slots are never reused.
 *
 * Every change made through the public setters is announced with the
 * "changed" signal, carrying a LadderChange that describes the change
 * completely (old and new values), so that a view, the validator and the
 * undo history can follow.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_NONE ((guint) -1)

#define LADDER_CHART_ERROR (ladder_chart_error_quark ())

typedef enum {
  LADDER_CHART_ERROR_PARSE,          /* not well-formed, bad encoding */
  LADDER_CHART_ERROR_INVALID,        /* well-formed but not a chart */
  LADDER_CHART_ERROR_DUPLICATE_ID,
  LADDER_CHART_ERROR_DANGLING,       /* manager / dotted-line to no one */
  LADDER_CHART_ERROR_CYCLE,
  LADDER_CHART_ERROR_FORBIDDEN,      /* DOCTYPE, entities */
  LADDER_CHART_ERROR_IO,
  LADDER_CHART_ERROR_NOT_FOUND,
} LadderChartError;

GQuark ladder_chart_error_quark (void);

typedef enum {
  LADDER_LAYOUT_TREE,
  LADDER_LAYOUT_COMPACT,
} LadderLayoutKind;

typedef enum {
  LADDER_FIELD_ID,
  LADDER_FIELD_ROLE,
  LADDER_FIELD_NAME,
  LADDER_FIELD_TITLE,
  LADDER_FIELD_NOTE,
  LADDER_FIELD_VACANT,
  LADDER_FIELD_ASSISTANT,
  LADDER_FIELD_COLLAPSED,
} LadderField;

typedef enum {
  LADDER_CHANGE_ADDED,       /* person: new slot (or revived slot) */
  LADDER_CHANGE_REMOVED,     /* person: now a tombstone */
  LADDER_CHANGE_MOVED,       /* reparent or reorder */
  LADDER_CHANGE_FIELD,       /* one text or flag field */
  LADDER_CHANGE_DOTTED_ADDED,
  LADDER_CHANGE_DOTTED_REMOVED,
  LADDER_CHANGE_CHART,       /* title, employees or layout */
  LADDER_CHANGE_RESET,       /* everything may have changed */
} LadderChangeKind;

typedef enum {
  LADDER_CHART_TITLE,
  LADDER_CHART_EMPLOYEES,
  LADDER_CHART_LAYOUT,
} LadderChartField;

/* A report moved up when its manager was removed: where it was. */
typedef struct {
  guint person;
  guint old_position;
  guint new_position;
} LadderMovedReport;

typedef struct {
  LadderChangeKind kind;
  guint person;              /* LADDER_NONE for CHART / RESET */

  /* ADDED, REMOVED, MOVED: manager and position among siblings before and
   * after (LADDER_NONE = none / not linked). */
  guint old_manager, new_manager;
  guint old_position, new_position;

  /* REMOVED: the reports that moved up to old_manager. */
  const LadderMovedReport *moved;
  guint n_moved;

  /* FIELD / CHART: which field; strings for text fields, booleans or
   * numbers in the ints.  Employees uses the ints (-1 = unset). */
  LadderField field;
  LadderChartField chart_field;
  const char *old_text, *new_text;
  gint64 old_value, new_value;

  /* DOTTED_*: the other end and the index in the person's list. */
  guint dotted_to;
  guint dotted_index;
} LadderChange;

#define LADDER_TYPE_CHART (ladder_chart_get_type ())
G_DECLARE_FINAL_TYPE (LadderChart, ladder_chart, LADDER, CHART, GObject)

LadderChart *ladder_chart_new (void);

/* ---- chart-wide fields ---- */
const char      *ladder_chart_get_title      (LadderChart *self);
void             ladder_chart_set_title      (LadderChart *self, const char *title);
gint64           ladder_chart_get_employees  (LadderChart *self);   /* -1: unset */
void             ladder_chart_set_employees  (LadderChart *self, gint64 employees);
LadderLayoutKind ladder_chart_get_layout     (LadderChart *self);
void             ladder_chart_set_layout     (LadderChart *self, LadderLayoutKind layout);
/* Line of the <orgchart> element in the file read (0: unknown). */
guint            ladder_chart_get_chart_line (LadderChart *self);
void             ladder_chart_set_chart_line (LadderChart *self, guint line);

/* ---- iteration and lookup ---- */
/* Slots run 0 .. capacity-1; some may be removed (tombstones). */
guint        ladder_chart_get_capacity     (LadderChart *self);
guint        ladder_chart_get_n_people     (LadderChart *self);
gboolean     ladder_chart_is_alive         (LadderChart *self, guint person);
guint        ladder_chart_lookup           (LadderChart *self, const char *id);

const char  *ladder_chart_get_id           (LadderChart *self, guint person);
const char  *ladder_chart_get_role         (LadderChart *self, guint person); /* interned */
const char  *ladder_chart_get_name         (LadderChart *self, guint person); /* NULL if unset */
const char  *ladder_chart_get_person_title (LadderChart *self, guint person); /* NULL if unset */
const char  *ladder_chart_get_note         (LadderChart *self, guint person); /* NULL if unset */
gboolean     ladder_chart_get_vacant       (LadderChart *self, guint person);
gboolean     ladder_chart_get_assistant    (LadderChart *self, guint person);
gboolean     ladder_chart_get_collapsed    (LadderChart *self, guint person);
guint        ladder_chart_get_line         (LadderChart *self, guint person); /* 0: none */
void         ladder_chart_set_line         (LadderChart *self, guint person, guint line);

guint        ladder_chart_get_manager      (LadderChart *self, guint person);
guint        ladder_chart_get_first_report (LadderChart *self, guint person);
guint        ladder_chart_get_last_report  (LadderChart *self, guint person);
guint        ladder_chart_get_next_sibling (LadderChart *self, guint person);
guint        ladder_chart_get_prev_sibling (LadderChart *self, guint person);
guint        ladder_chart_get_n_reports    (LadderChart *self, guint person);
guint        ladder_chart_get_position     (LadderChart *self, guint person); /* among siblings */
guint        ladder_chart_get_first_root   (LadderChart *self);
guint        ladder_chart_get_n_roots      (LadderChart *self);
const guint *ladder_chart_get_dotted_lines (LadderChart *self, guint person, guint *n_lines);

/* TRUE when @ancestor is @person or stands above it.  O(depth). */
gboolean     ladder_chart_is_above         (LadderChart *self, guint ancestor, guint person);

/* Pre-order (depth first, siblings in order), roots first to last, without
 * recursion.  Fills @out (n_people entries) and returns the count.  When
 * @skip_collapsed, the reports under a collapsed person are left out. */
guint        ladder_chart_preorder         (LadderChart *self, guint *out, gboolean skip_collapsed);

/* A new unique id ("p1", "p2", ...) not used on the chart. */
char        *ladder_chart_dup_free_id      (LadderChart *self);

/* ---- edits (each emits "changed") ---- */
/* @id NULL makes a fresh id.  @manager LADDER_NONE adds a root.
 * @position LADDER_NONE appends.  Returns LADDER_NONE on error. */
guint        ladder_chart_add_person       (LadderChart *self, const char *id, const char *role,
                                            guint manager, guint position, GError **error);
/* The person's reports move up to its manager, in its place. */
void         ladder_chart_remove_person    (LadderChart *self, guint person);
/* Brings back a removed person under @manager at @position and moves
 * @reports (its former reports, in order) back under it: the inverse of
 * remove_person, used by undo. */
gboolean     ladder_chart_revive_person    (LadderChart *self, guint person, guint manager,
                                            guint position, const guint *reports,
                                            guint n_reports, GError **error);
/* Refused with LADDER_CHART_ERROR_CYCLE if @manager is @person or below it
 * (see ladder_chart_check_manager()). */
gboolean     ladder_chart_reparent         (LadderChart *self, guint person, guint manager,
                                            guint position, GError **error);
/* TRUE when @person may report to @manager (LADDER_NONE: no one); else a
 * LADDER_CHART_ERROR_CYCLE that says why, in the user's words, naming
 * people as ladder_describe_label() does when @catalogue (a
 * LadderCatalogue) is given.  The one cycle check of every edit. */
struct _LadderCatalogue;
gboolean     ladder_chart_check_manager    (LadderChart *self, struct _LadderCatalogue *catalogue,
                                            guint person, guint manager, GError **error);
gboolean     ladder_chart_reorder          (LadderChart *self, guint person, guint position);

gboolean     ladder_chart_set_id           (LadderChart *self, guint person, const char *id, GError **error);
void         ladder_chart_set_role         (LadderChart *self, guint person, const char *role);
void         ladder_chart_set_name         (LadderChart *self, guint person, const char *name);
void         ladder_chart_set_person_title (LadderChart *self, guint person, const char *title);
void         ladder_chart_set_note         (LadderChart *self, guint person, const char *note);
void         ladder_chart_set_vacant       (LadderChart *self, guint person, gboolean vacant);
void         ladder_chart_set_assistant    (LadderChart *self, guint person, gboolean assistant);
void         ladder_chart_set_collapsed    (LadderChart *self, guint person, gboolean collapsed);
/* A fold the view makes by itself (a big chart opened folded): collapsed
 * like any fold, but never saved and not a change of the folds; unfolding
 * it keeps it the view's, folding it again with _set_collapsed() makes it
 * the user's.  Does nothing to a person already folded by the user. */
void         ladder_chart_set_view_folded  (LadderChart *self, guint person, gboolean folded);
gboolean     ladder_chart_get_view_folded  (LadderChart *self, guint person);
gboolean     ladder_chart_add_dotted_line  (LadderChart *self, guint person, guint to, GError **error);
void         ladder_chart_remove_dotted_line (LadderChart *self, guint person, guint to);
/* Inserts a dotted line at @index of the person's list (undo). */
gboolean     ladder_chart_insert_dotted_line (LadderChart *self, guint person, guint to,
                                              guint index, GError **error);

/* Replace the whole content of @self with @other's (which is left empty).
 * Emits RESET.  Used to swap in a freshly loaded chart in one step. */
void         ladder_chart_take_contents    (LadderChart *self, LadderChart *other);

/* Valid id: 1–64 characters of A-Za-z0-9_.- */
gboolean     ladder_id_is_valid            (const char *id);

G_END_DECLS
