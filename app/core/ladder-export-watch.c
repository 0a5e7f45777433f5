/* ladder-export-watch.c — an export on a worker thread, watched
 *
 * The window exports on a worker (ladder_export_file_watched()) and must
 * see how far it got and be able to stop it.  The renderer draws a card
 * as one group, so a LadderDraw that stands between the renderer and the
 * real backend counts the groups into the thread's LadderProgress and,
 * once the progress is cancelled, stops passing anything on: the rest of
 * the drawing costs only the walk over the layout, and the export is
 * thrown away.  The command line sets no progress and draws straight
 * into its backend, as before.
 */
#include "config.h"

#include "ladder-export-private.h"

typedef struct {
  LadderDraw      parent;
  LadderDraw     *inner;
  LadderProgress *progress;
  GCancellable   *cancellable;
  gboolean        stopped;
} WatchDraw;

/* The progress of an export on the calling thread, or NULL. */
static GPrivate watching;

/* Tests: called on the exporting thread when its card number hook_at has
 * begun. */
static guint hook_at;
static void (*hook_func) (gpointer data);
static gpointer hook_data;

static gboolean
watch_live (LadderDraw *draw)
{
  WatchDraw *watch = (WatchDraw *) draw;

  return !watch->stopped;
}

static void
watch_box (LadderDraw *draw, double x, double y, double width, double height, double radius,
           LadderCorners corners, const LadderPaint *paint)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (watch_live (draw))
    watch->inner->klass->box (watch->inner, x, y, width, height, radius, corners, paint);
}

static void
watch_polyline (LadderDraw *draw, const double *xy, guint n_points, const LadderPaint *paint)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (watch_live (draw))
    watch->inner->klass->polyline (watch->inner, xy, n_points, paint);
}

static void
watch_text (LadderDraw *draw, double x, double y, double width, const char *text,
            const LadderFont *font)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (watch_live (draw))
    watch->inner->klass->text (watch->inner, x, y, width, text, font);
}

/* A card begins: one more person drawn, and the moment to look whether
 * the export is still wanted. */
static void
watch_begin_group (LadderDraw *draw, const char *id)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (!watch->stopped && g_cancellable_is_cancelled (watch->cancellable))
    watch->stopped = TRUE;
  if (watch->stopped)
    return;
  ladder_progress_person_loaded ();
  if (hook_func != NULL && ladder_progress_get_people (watch->progress) == hook_at)
    hook_func (hook_data);
  if (watch->inner->klass->begin_group != NULL)
    watch->inner->klass->begin_group (watch->inner, id);
}

static void
watch_end_group (LadderDraw *draw)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (watch_live (draw) && watch->inner->klass->end_group != NULL)
    watch->inner->klass->end_group (watch->inner);
}

static void
watch_describe (LadderDraw *draw, const char *text)
{
  WatchDraw *watch = (WatchDraw *) draw;

  if (watch_live (draw) && watch->inner->klass->describe != NULL)
    watch->inner->klass->describe (watch->inner, text);
}

static void
watch_free (LadderDraw *draw)
{
  g_free (draw);
}

static const LadderDrawClass watch_class = {
  watch_box,
  watch_polyline,
  watch_text,
  watch_begin_group,
  watch_end_group,
  watch_describe,
  watch_free,
};

void
ladder_export_watch_begin (LadderProgress *progress)
{
  g_private_set (&watching, progress);
  ladder_progress_set_current (progress);
}

void
ladder_export_watch_end (void)
{
  g_private_set (&watching, NULL);
  ladder_progress_set_current (NULL);
}

GCancellable *
ladder_export_watch_get_cancellable (void)
{
  LadderProgress *progress = g_private_get (&watching);

  return progress != NULL ? ladder_progress_get_cancellable (progress) : NULL;
}

LadderDraw *
ladder_export_watch (LadderDraw *inner)
{
  LadderProgress *progress = g_private_get (&watching);
  WatchDraw *watch;

  if (progress == NULL)
    return inner;
  watch = g_new0 (WatchDraw, 1);
  watch->parent.klass = &watch_class;
  watch->inner = inner;
  watch->progress = progress;
  watch->cancellable = ladder_progress_get_cancellable (progress);
  return &watch->parent;
}

void
ladder_export_watch_set_hook (guint at, void (*func) (gpointer data), gpointer data)
{
  hook_at = at;
  hook_func = func;
  hook_data = data;
}

void
ladder_export_unwatch (LadderDraw *watched, LadderDraw *inner)
{
  if (watched != inner)
    ladder_draw_free (watched);
}
