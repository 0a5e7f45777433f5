/* ladder-window-bench.c — the window at work, timed from inside the app
 * (part of the preloaded ladder-first-frame-hook module; tests/bench/gui-window
 * runs it).
 *
 * The chart is read on a worker thread (ladder_window_open()), so the first
 * frame is the window with the open under way.  The open is done at the
 * first frame drawn once ladder_window_is_loading() is FALSE (the loaded
 * chart is taken on the main thread, so that frame shows it); then the app
 * is left to settle: "idle" is the first low-priority idle after the last
 * frame, once no frame has been drawn for SETTLE_MS.  A window that keeps
 * drawing for NEVER_IDLE_MS is reported ("STEP never-idle frames=N") and
 * the run ends.  Then each step is done as its key does it, one at a time,
 * from the idle app: the canvas's own key handler for Down (its
 * binding calls ladder_canvas_move_selection), the window actions the keys
 * are bound to for Alt+Right (win.move-later), Ctrl+Z (win.undo),
 * Shift+Ctrl+Z (win.redo), Ctrl+0 (win.zoom-reset) and Ctrl+minus
 * (win.zoom-out), and the scroll adjustment a wheel turn moves for a pan.
 * (Real key presses sent through XTest did not reach the window under Xvfb
 * without a window manager, so the key's dispatch — microseconds — is not
 * in the figures.)  Each step is timed from just before it is done to the
 * idle after the last frame it caused: wall time (CLOCK_MONOTONIC) and the
 * CPU time of the whole process (CLOCK_PROCESS_CPUTIME_ID: the figure
 * /proc/PID/stat gives, at nanosecond resolution instead of 10 ms ticks).
 *
 * The steps: Down twice (the root, then its first report), then RUNS times
 * move later (or, every other time, back earlier), undo and redo; 100% and RUNS pans; six steps out (26%) and
 * RUNS pans.  Then every fold is opened, as unfolding each folded card
 * would (ladder_document_fold(), what Space on a folded card does; the
 * window has no "Expand All"), and RUNS pans at 26% and, after 100%,
 * RUNS pans at 100%, all one way (the canvas keeps a picture a little
 * bigger than the view: back and forth would stay inside it).  Each
 * result is one line on stderr, "ladder-window: STEP wall=MS cpu=MS",
 * then the memory, "ladder-window: done", and the app ends.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gtk/gtk.h>
#include <link.h>

#include "ladder-window-bench.h"

#define SETTLE_MS 300
#define GIVE_UP_MS 2000
#define NEVER_IDLE_MS 20000

typedef void (*MoveSelectionFunc) (GtkWidget *canvas, int move);
typedef gboolean (*IsLoadingFunc) (GtkWidget *window);
typedef gpointer (*GetChartFunc) (GtkWidget *window);
typedef guint (*GetNPeopleFunc) (gpointer chart);
typedef gpointer (*GetDocumentFunc) (GtkWidget *window);
typedef guint (*GetCapacityFunc) (gpointer chart);
typedef gboolean (*GetCollapsedFunc) (gpointer chart, guint person);
typedef void (*FoldFunc) (gpointer document, guint person, gboolean folded);

#define MOVE_DOWN 1     /* LADDER_CANVAS_MOVE_DOWN */

typedef struct {
  const char *label;
  const char *action;   /* or NULL: */
  gboolean    select;   /* Down in the canvas */
  gboolean    unfold;   /* every fold opened */
  double      pan;      /* or a pan by this many pixels */
} Step;

static struct {
  GPtrArray   *steps;
  guint        next;
  GtkWidget   *window;
  GtkWidget   *canvas;
  MoveSelectionFunc move_selection;
  IsLoadingFunc is_loading;
  GetChartFunc  get_chart;
  GetNPeopleFunc get_n_people;
  GetDocumentFunc get_document;
  GetCapacityFunc get_capacity;
  GetCollapsedFunc get_collapsed;
  FoldFunc     fold;
  gboolean     loaded;        /* a frame was drawn after the open ended */
  gint64       loaded_at;     /* µs */
  guint        frames;
  gint64       t0;            /* the step's start, µs */
  double       cpu0;          /* ms */
  gint64       last_paint;    /* µs */
  gint64       idle_wall;     /* µs: the idle after the last paint */
  double       idle_cpu;
  gboolean     idle_queued;
  gboolean     painted;       /* since the step was done: the app was idle,
                               * so the frame is the step's */
  GdkFrameClock *clock;
  char        *editor;        /* the path of libladder-gui.so */
} bench;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
print_memory (void)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "VmRSS:") || g_str_has_prefix (lines[i], "VmHWM:"))
      fprintf (stderr, "ladder-window: %s\n", lines[i]);
}

/* utime + stime of /proc/self/stat, in ms: the coarse figure, for the open. */
static double
proc_stat_cpu_ms (void)
{
  g_autofree char *stat = NULL;
  const char *after;
  unsigned long utime = 0, stime = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (after = strrchr (stat, ')')) == NULL
      || sscanf (after + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                 &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1e3 / sysconf (_SC_CLK_TCK);
}

static gboolean
idle_after_paint (gpointer data)
{
  bench.idle_queued = FALSE;
  bench.idle_wall = g_get_monotonic_time ();
  bench.idle_cpu = cpu_ms ();
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  bench.last_paint = g_get_monotonic_time ();
  bench.painted = TRUE;
  bench.frames++;
  if (!bench.loaded && !bench.is_loading (bench.window))
    {
      bench.loaded = TRUE;
      bench.loaded_at = bench.last_paint;
      bench.frames = 0;
    }
  if (!bench.idle_queued)
    {
      bench.idle_queued = TRUE;
      g_idle_add_full (G_PRIORITY_LOW, idle_after_paint, NULL, NULL);
    }
}

/* The window draws frame after frame with nothing to do: no step can be
 * timed. */
static void
check_never_idle (const char *label, gint64 since)
{
  if (g_get_monotonic_time () - since < NEVER_IDLE_MS * 1000)
    return;
  fprintf (stderr, "ladder-window: %s never-idle frames=%u in %d ms\n",
           label, bench.frames, NEVER_IDLE_MS);
  fflush (stderr);
  _exit (1);
}

static GtkWidget *
find_widget (GtkWidget *widget, const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_step (const char *label, const char *action, gboolean select, double pan)
{
  Step *step = g_new0 (Step, 1);

  step->label = label;
  step->action = action;
  step->select = select;
  step->pan = pan;
  g_ptr_array_add (bench.steps, step);
}

static void
send_step (Step *step)
{
  bench.painted = FALSE;
  bench.frames = 0;
  bench.t0 = g_get_monotonic_time ();
  bench.cpu0 = cpu_ms ();
  if (step->action != NULL)
    gtk_widget_activate_action (bench.canvas, step->action, NULL);
  else if (step->select)
    bench.move_selection (bench.canvas, MOVE_DOWN);
  else if (step->unfold)
    {
      gpointer chart = bench.get_chart (bench.window);
      gpointer document = bench.get_document (bench.window);
      guint capacity = bench.get_capacity (chart), n = 0;

      for (guint p = 0; p < capacity; p++)
        if (bench.get_collapsed (chart, p))
          {
            bench.fold (document, p, FALSE);
            n++;
          }
      fprintf (stderr, "ladder-window: unfolded %u\n", n);
    }
  else
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench.canvas));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step->pan);
    }
}

static int
find_editor (struct dl_phdr_info *info, size_t size, void *data)
{
  if (info->dlpi_name != NULL && g_str_has_suffix (info->dlpi_name, "/libladder-gui.so"))
    {
      bench.editor = g_strdup (info->dlpi_name);
      return 1;
    }
  return 0;
}

static gboolean
watch_step (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  Step *step = g_ptr_array_index (bench.steps, bench.next);

  if (!bench.painted && now - bench.t0 > GIVE_UP_MS * 1000)
    /* Nothing to draw: a pan of a chart that fits the view. */
    fprintf (stderr, "ladder-window: %s no-frame\n", step->label);
  else if (!bench.painted || bench.idle_queued || now - bench.last_paint < SETTLE_MS * 1000)
    {
      check_never_idle (step->label, bench.t0);
      return G_SOURCE_CONTINUE;
    }
  else
    fprintf (stderr, "ladder-window: %s wall=%.2f cpu=%.2f\n", step->label,
             (bench.idle_wall - bench.t0) / 1e3, bench.idle_cpu - bench.cpu0);
  fflush (stderr);
  if (++bench.next == bench.steps->len)
    {
      print_memory ();
      fprintf (stderr, "ladder-window: done\n");
      fflush (stderr);
      _exit (0);
    }
  send_step (g_ptr_array_index (bench.steps, bench.next));
  return G_SOURCE_CONTINUE;
}

/* LADDER_BENCH_TAB: the side pane's page shown during the steps ("people",
 * "overview"; unset: the one the window opens with). */
static void
show_tab (GtkWidget *widget, const char *name)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (widget), name);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_tab (child, name);
}

static void
start_steps (GtkWidget *window)
{
  guint runs = MAX (1, atoi (g_getenv ("LADDER_BENCH_WINDOW")));

  bench.canvas = find_widget (window, "LadderCanvas");
  if (g_getenv ("LADDER_BENCH_TAB") != NULL)
    show_tab (window, g_getenv ("LADDER_BENCH_TAB"));
  bench.steps = g_ptr_array_new_with_free_func (g_free);
  add_step ("select-root", NULL, TRUE, 0);
  add_step ("select-report", NULL, TRUE, 0);
  for (guint i = 0; i < runs; i++)
    {
      /* Later, then back: the report never runs out of siblings. */
      add_step ("reorder", i % 2 ? "win.move-earlier" : "win.move-later", FALSE, 0);
      add_step ("undo", "win.undo", FALSE, 0);
      add_step ("redo", "win.redo", FALSE, 0);
    }
  add_step ("zoom-100", "win.zoom-reset", FALSE, 0);
  for (guint i = 0; i < runs; i++)
    add_step ("pan-100", NULL, FALSE, i % 2 ? -200 : 200);
  for (guint i = 0; i < 6; i++)
    add_step ("zoom-out", "win.zoom-out", FALSE, 0);
  for (guint i = 0; i < runs; i++)
    add_step ("pan-26", NULL, FALSE, i % 2 ? -200 : 200);
  add_step ("unfold-all", NULL, FALSE, 0);
  ((Step *) g_ptr_array_index (bench.steps, bench.steps->len - 1))->unfold = TRUE;
  for (guint i = 0; i < runs; i++)
    add_step ("pan-26-unfolded", NULL, FALSE, 200);
  add_step ("zoom-100", "win.zoom-reset", FALSE, 0);
  for (guint i = 0; i < runs; i++)
    add_step ("pan-100-unfolded", NULL, FALSE, 200);

  send_step (g_ptr_array_index (bench.steps, 0));
  g_timeout_add (10, watch_step, NULL);
}

static gboolean
watch_open (gpointer data)
{
  GtkWidget *window = data;
  gint64 now = g_get_monotonic_time ();
  const char *t0 = g_getenv ("LADDER_BENCH_T0_NS");
  double start_ms = t0 != NULL ? g_ascii_strtod (t0, NULL) / 1e6 : 0;

  if (!bench.loaded || bench.idle_queued || now - bench.last_paint < SETTLE_MS * 1000)
    {
      if (bench.loaded)
        check_never_idle ("open", bench.loaded_at);
      return G_SOURCE_CONTINUE;
    }
  if (bench.get_n_people (bench.get_chart (window)) == 0)
    {
      fprintf (stderr, "ladder-window: the open ended with no one on the chart\n");
      _exit (1);
    }
  /* g_get_monotonic_time() is CLOCK_MONOTONIC, like the launcher's t0. */
  fprintf (stderr, "ladder-window: open wall=%.2f cpu=%.2f proc-stat-cpu=%.0f\n",
           bench.idle_wall / 1e3 - start_ms, bench.idle_cpu, proc_stat_cpu_ms ());
  print_memory ();
  fflush (stderr);
  start_steps (window);
  return G_SOURCE_REMOVE;
}

/* The public functions the bench calls: libladder-gui.so is opened by the
 * app with local binding, so it is asked directly. */
static void
find_editor_functions (void)
{
  void *editor;

  dl_iterate_phdr (find_editor, NULL);
  editor = bench.editor != NULL ? dlopen (bench.editor, RTLD_NOW | RTLD_NOLOAD) : NULL;
  if (editor != NULL)
    {
      bench.move_selection = (MoveSelectionFunc) dlsym (editor, "ladder_canvas_move_selection");
      bench.is_loading = (IsLoadingFunc) dlsym (editor, "ladder_window_is_loading");
      bench.get_chart = (GetChartFunc) dlsym (editor, "ladder_window_get_chart");
      bench.get_document = (GetDocumentFunc) dlsym (editor, "ladder_window_get_document");
    }
  /* The engine is in the program (export_dynamic). */
  bench.get_n_people = (GetNPeopleFunc) dlsym (RTLD_DEFAULT, "ladder_chart_get_n_people");
  bench.get_capacity = (GetCapacityFunc) dlsym (RTLD_DEFAULT, "ladder_chart_get_capacity");
  bench.get_collapsed = (GetCollapsedFunc) dlsym (RTLD_DEFAULT, "ladder_chart_get_collapsed");
  bench.fold = (FoldFunc) dlsym (RTLD_DEFAULT, "ladder_document_fold");
  if (bench.move_selection == NULL || bench.is_loading == NULL
      || bench.get_chart == NULL || bench.get_n_people == NULL || bench.get_document == NULL
      || bench.get_capacity == NULL || bench.get_collapsed == NULL || bench.fold == NULL)
    {
      fprintf (stderr, "ladder-window: the editor's functions were not found\n");
      _exit (1);
    }
}

void
ladder_window_bench_start (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && window == NULL; i++)
    {
      g_autoptr(GtkWidget) candidate = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (candidate) && find_widget (candidate, "LadderCanvas") != NULL)
        window = candidate;
    }
  if (window == NULL)
    {
      fprintf (stderr, "ladder-window: no window with a canvas\n");
      _exit (1);
    }
  find_editor_functions ();
  bench.window = window;
  bench.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  bench.last_paint = g_get_monotonic_time ();
  after_paint_cb (bench.clock, NULL);
  g_timeout_add (10, watch_open, window);
}
