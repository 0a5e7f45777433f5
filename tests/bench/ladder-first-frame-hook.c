/* ladder-first-frame-hook.c — LD_PRELOAD module that times the GUI's first
 * drawn chart, from outside the app (tests/bench/gui-first-frame uses it).
 *
 * The canvas draws the chart through gtk_snapshot_append_cairo(), a call
 * from Ladder's code into libgtk-4, so a preloaded definition sees it.
 * The first call is the first frame that shows the chart (the canvas
 * skips drawing until a chart is loaded and validated); an idle callback
 * queued then runs once that frame has been rendered and handed to the
 * display, and prints the time since LADDER_BENCH_T0_NS (CLOCK_MONOTONIC
 * nanoseconds, set by the launcher just before it starts the app), then
 * ends the app.  With LADDER_BENCH_WINDOW=RUNS set it goes on instead to
 * time the open to an idle window, edits and pans (ladder-window-bench.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <gtk/gtk.h>

#include "ladder-window-bench.h"

static double
elapsed_ms (void)
{
  const char *t0 = g_getenv ("LADDER_BENCH_T0_NS");
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  if (t0 == NULL)
    return -1;
  return (ts.tv_sec * 1e9 + ts.tv_nsec - g_ascii_strtod (t0, NULL)) / 1e6;
}

static gboolean
report_and_quit (gpointer data)
{
  double *drawn = data;

  fprintf (stderr, "ladder-first-frame: chart drawn at %.1f ms, frame done at %.1f ms\n",
           *drawn, elapsed_ms ());
  fflush (stderr);
  _exit (0);
  return G_SOURCE_REMOVE;
}

cairo_t *
gtk_snapshot_append_cairo (GtkSnapshot *snapshot, const graphene_rect_t *bounds)
{
  static cairo_t *(*real) (GtkSnapshot *, const graphene_rect_t *);
  static gboolean seen;
  static double drawn;

  if (real == NULL)
    {
      /* The editor is a module opened with local binding, so GTK may not
       * be in the global scope that RTLD_NEXT searches: ask it directly. */
      void *gtk = dlopen ("libgtk-4.so.1", RTLD_NOW | RTLD_NOLOAD);

      real = (cairo_t *(*) (GtkSnapshot *, const graphene_rect_t *))
             dlsym (gtk != NULL ? gtk : RTLD_NEXT, "gtk_snapshot_append_cairo");
      g_assert (real != NULL);
    }
  if (!seen)
    {
      seen = TRUE;
      drawn = elapsed_ms ();
      if (g_getenv ("LADDER_BENCH_WINDOW") != NULL)
        {
          ladder_window_bench_start ();
          return real (snapshot, bounds);
        }
      /* Below the frame clock's priorities: runs after the frame. */
      g_idle_add_full (G_PRIORITY_LOW, report_and_quit, &drawn, NULL);
    }
  return real (snapshot, bounds);
}
