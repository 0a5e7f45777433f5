/* ladder-bench-phases.c — what the benchmark times */
#include "ladder-bench-phases.h"

#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "ladder-chart.h"
#include "ladder-catalogue.h"
#include "ladder-draw.h"
#include "ladder-export.h"
#include "ladder-io.h"
#include "ladder-layout.h"
#include "ladder-render.h"
#include "ladder-validate.h"
#include "ladder-stats.h"
#include "ladder-diff.h"

#define FRAME_WIDTH  1920
#define FRAME_HEIGHT 1080

static const char *const phase_names[LADDER_N_PHASES] = {
  "load", "validate", "layout", "save", "export-svg", "export-png", "export-pdf",
  "frame-100", "frame-fit", "edit", "stats", "diff",
};

const char *
ladder_phase_to_string (LadderPhase phase)
{
  g_return_val_if_fail (phase < LADDER_N_PHASES, NULL);
  return phase_names[phase];
}

gboolean
ladder_phase_from_string (const char *text, LadderPhase *phase)
{
  for (guint i = 0; i < LADDER_N_PHASES; i++)
    if (g_strcmp0 (text, phase_names[i]) == 0)
      {
        *phase = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ladder_phase_skip_reason (LadderPhase phase, guint size)
{
  /* A million cards in one PNG is a 32767-pixel-wide smear of sub-pixel
   * cards and a PDF page tens of kilometres wide: nobody exports that,
   * and each takes long on the shared machine. */
  if (size > 100000 && (phase == LADDER_PHASE_EXPORT_PNG || phase == LADDER_PHASE_EXPORT_PDF))
    return "skipped above 100k people (see docs/PERFORMANCE.md)";
  return NULL;
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
summarize (double *times, guint runs, LadderPhaseResult *result)
{
  qsort (times, runs, sizeof *times, (GCompareFunc) compare_doubles);
  result->runs = runs;
  result->min_ms = times[0];
  /* The lower middle for an even count: a slow outlier never counts. */
  result->median_ms = times[(runs - 1) / 2];
}

static void
fail (LadderPhaseResult *result, const char *what, const GError *error)
{
  result->runs = 0;
  g_snprintf (result->note, sizeof result->note, "%s failed: %s", what,
              error != NULL ? error->message : "no result");
}

/* The deepest person (a leaf), and a second manager for it at the same
 * depth as its own (a cousin), so that moving it back and forth is a real
 * reparent deep in the chart.  Untimed. */
static gboolean
find_deep_edit (LadderChart *chart, guint *person, guint *manager_a, guint *manager_b)
{
  guint n = ladder_chart_get_n_people (chart);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *depth = g_new0 (guint, ladder_chart_get_capacity (chart));
  guint count = ladder_chart_preorder (chart, order, FALSE);
  guint deepest = LADDER_NONE, best = 0, manager, target = LADDER_NONE;

  for (guint k = 0; k < count; k++)
    {
      guint p = order[k];
      guint m = ladder_chart_get_manager (chart, p);

      depth[p] = m == LADDER_NONE ? 0 : depth[m] + 1;
      if (deepest == LADDER_NONE || depth[p] > best)
        {
          deepest = p;
          best = depth[p];
        }
    }
  if (deepest == LADDER_NONE || best == 0)
    return FALSE;

  manager = ladder_chart_get_manager (chart, deepest);
  for (guint k = 0; k < count && target == LADDER_NONE; k++)
    if (order[k] != manager && order[k] != deepest && depth[order[k]] == depth[manager])
      target = order[k];
  /* A chain has no cousin: the grandparent will do; a star's leaves have
   * only the root above them: another leaf (a lateral move). */
  if (target == LADDER_NONE)
    target = ladder_chart_get_manager (chart, manager);
  for (guint k = 0; k < count && target == LADDER_NONE; k++)
    if (order[k] != manager && order[k] != deepest)
      target = order[k];
  if (target == LADDER_NONE)
    return FALSE;

  *person = deepest;
  *manager_a = manager;
  *manager_b = target;
  return TRUE;
}

/* One canvas frame: a 1920×1080 ARGB image, the chart drawn through the
 * cairo backend as the canvas does, at @zoom with the view's top-left at
 * (@view_x, @view_y) in drawing units. */
static void
draw_frame (cairo_surface_t *surface, LadderChart *chart, LadderCatalogue *catalogue,
            LadderLayout *layout, LadderFindings *findings, double zoom,
            double view_x, double view_y)
{
  LadderRenderOptions options;
  double origin_x, origin_y;
  cairo_t *cr = cairo_create (surface);
  LadderDraw *draw;

  ladder_render_options_init (&options);
  options.zoom = zoom;
  options.background = TRUE;
  ladder_render_get_origin (chart, &options, &origin_x, &origin_y);
  options.clip_x = view_x - origin_x;
  options.clip_y = view_y - origin_y;
  options.clip_width = FRAME_WIDTH / zoom;
  options.clip_height = FRAME_HEIGHT / zoom;

  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -view_x, -view_y);
  draw = ladder_draw_cairo_new (cr);
  ladder_render_chart (draw, chart, catalogue, layout, findings, &options);
  ladder_draw_free (draw);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
run_frames (LadderPhase phase, LadderChart *chart, LadderCatalogue *catalogue,
            double *times, guint runs, LadderPhaseResult *result)
{
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         FRAME_WIDTH, FRAME_HEIGHT);
  LadderRenderOptions options;
  double width, height, origin_x, origin_y, zoom, view_x, view_y;

  ladder_layout_compute (layout, chart);
  ladder_render_options_init (&options);
  ladder_render_get_size (layout, chart, &options, &width, &height);
  ladder_render_get_origin (chart, &options, &origin_x, &origin_y);

  if (phase == LADDER_PHASE_FRAME_100)
    {
      const LadderBox *root = ladder_layout_get_box (layout, ladder_chart_get_first_root (chart));

      zoom = 1.0;
      view_x = origin_x + root->x + root->width / 2 - FRAME_WIDTH / 2.0;
      view_y = origin_y + root->y + root->height / 2 - FRAME_HEIGHT / 2.0;
    }
  else
    {
      zoom = MIN (FRAME_WIDTH / width, FRAME_HEIGHT / height);
      /* Centred, as a zoom-to-fit view shows it. */
      view_x = (width - FRAME_WIDTH / zoom) / 2;
      view_y = (height - FRAME_HEIGHT / zoom) / 2;
    }

  /* One untimed frame first: fonts and glyph caches are warm in a
   * running app after its first frame. */
  draw_frame (surface, chart, catalogue, layout, findings, zoom, view_x, view_y);
  for (guint r = 0; r < runs; r++)
    {
      double start = now_ms ();

      draw_frame (surface, chart, catalogue, layout, findings, zoom, view_x, view_y);
      times[r] = now_ms () - start;
    }
  summarize (times, runs, result);
  g_snprintf (result->note, sizeof result->note, "zoom %.4g, first frame untimed", zoom);
  cairo_surface_destroy (surface);
}

static void
run_edits (LadderChart *chart, LadderCatalogue *catalogue, double *times, guint runs,
           LadderPhaseResult *result)
{
  g_autoptr(LadderLayout) layout = ladder_layout_new ();
  LadderFindings *findings = ladder_validate (chart, catalogue);
  guint person, manager_a, manager_b;

  ladder_layout_compute (layout, chart);
  if (!find_deep_edit (chart, &person, &manager_a, &manager_b))
    {
      ladder_findings_free (findings);
      fail (result, "finding a deep person", NULL);
      return;
    }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      guint to = r % 2 == 0 ? manager_b : manager_a;
      double start = now_ms ();

      if (!ladder_chart_reparent (chart, person, to, LADDER_NONE, &error))
        {
          ladder_findings_free (findings);
          fail (result, "reparent", error);
          return;
        }
      ladder_findings_free (findings);
      findings = ladder_validate (chart, catalogue);
      ladder_layout_compute (layout, chart);
      times[r] = now_ms () - start;
    }
  ladder_findings_free (findings);
  summarize (times, runs, result);
  g_snprintf (result->note, sizeof result->note, "%s moved between %s and %s",
              ladder_chart_get_id (chart, person), ladder_chart_get_id (chart, manager_a),
              ladder_chart_get_id (chart, manager_b));
}

static void
run_export (LadderPhase phase, LadderChart *chart, LadderCatalogue *catalogue,
            const char *tmp_dir, double *times, guint runs, LadderPhaseResult *result)
{
  const char *extension = phase == LADDER_PHASE_EXPORT_SVG ? "svg"
                          : phase == LADDER_PHASE_EXPORT_PNG ? "png" : "pdf";
  g_autofree char *base = g_strdup_printf ("ladder-bench-%d.%s", (int) getpid (), extension);
  g_autofree char *out = g_build_filename (tmp_dir, base, NULL);
  /* The findings are at hand when the app exports (the badges need
   * them); validation has a row of its own. */
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);
  GStatBuf st;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      if (!ladder_export_file (chart, catalogue, findings, out, NULL, &error))
        {
          fail (result, "export", error);
          g_unlink (out);
          return;
        }
      times[r] = now_ms () - start;
    }
  summarize (times, runs, result);
  if (g_stat (out, &st) == 0)
    g_snprintf (result->note, sizeof result->note, "%.1f MB written",
                st.st_size / 1e6);
  g_unlink (out);
}

/* --stats as the command line and the Overview page compute it, the
 * findings at hand. */
static void
run_stats (LadderChart *chart, LadderCatalogue *catalogue, double *times, guint runs,
           LadderPhaseResult *result)
{
  g_autoptr(LadderFindings) findings = ladder_validate (chart, catalogue);

  for (guint r = 0; r < runs; r++)
    {
      double start = now_ms ();
      LadderStats *stats = ladder_stats_new (chart, catalogue, findings);

      times[r] = now_ms () - start;
      if (r == 0)
        g_snprintf (result->note, sizeof result->note, "%u layers, %u managers",
                    ladder_stats_get_layers (stats), ladder_stats_get_managers (stats));
      ladder_stats_free (stats);
    }
  summarize (times, runs, result);
}

/* --diff against a second copy of the file with one person in a hundred
 * renamed, one in a hundred moved to the top and a hundred people
 * removed (untimed, as is validating both); the diff itself is timed. */
static void
run_diff (LadderChart *chart, const char *path, LadderCatalogue *catalogue, double *times,
          guint runs, LadderPhaseResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) plan = ladder_xml_read_file (path, &error);
  g_autoptr(LadderFindings) findings = NULL;
  g_autoptr(LadderFindings) plan_findings = NULL;
  guint n, removal_step;

  if (plan == NULL)
    {
      fail (result, "load", error);
      return;
    }
  n = ladder_chart_get_capacity (plan);
  removal_step = MAX (n / 100, 100);

  for (guint p = 1; p < n; p += 100)
    {
      ladder_chart_set_name (plan, p, "Renamed");
      if (p + 33 < n)
        ladder_chart_reparent (plan, p + 33, LADDER_NONE, LADDER_NONE, NULL);
    }
  /* Slots 66, 66 + step, ...: neither renamed nor moved. */
  for (guint p = 66; p < n; p += removal_step - removal_step % 100)
    ladder_chart_remove_person (plan, p);
  findings = ladder_validate (chart, catalogue);
  plan_findings = ladder_validate (plan, catalogue);
  for (guint r = 0; r < runs; r++)
    {
      double start = now_ms ();
      LadderDiff *diff = ladder_diff_new (chart, findings, plan, plan_findings, catalogue);

      times[r] = now_ms () - start;
      if (r == 0)
        g_snprintf (result->note, sizeof result->note, "%u changes", ladder_diff_get_n_changes (diff));
      ladder_diff_free (diff);
    }
  summarize (times, runs, result);
}

void
ladder_phase_run (LadderPhase phase, const char *path, guint runs, const char *tmp_dir,
                  LadderPhaseResult *result)
{
  g_autofree double *times = g_new0 (double, MAX (runs, 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  LadderCatalogue *catalogue = ladder_catalogue_get_default ();
  struct rusage usage;

  memset (result, 0, sizeof *result);
  runs = MAX (runs, 1);

  if (phase == LADDER_PHASE_LOAD)
    {
      for (guint r = 0; r < runs && error == NULL; r++)
        {
          double start;

          /* Freeing the last chart is not part of loading this one. */
          g_clear_object (&chart);
          start = now_ms ();
          chart = ladder_xml_read_file (path, &error);
          times[r] = now_ms () - start;
        }
      if (chart == NULL)
        fail (result, "load", error);
      else
        summarize (times, runs, result);
      goto out;
    }

  chart = ladder_xml_read_file (path, &error);
  if (chart == NULL)
    {
      fail (result, "load", error);
      goto out;
    }

  switch (phase)
    {
    case LADDER_PHASE_VALIDATE:
      for (guint r = 0; r < runs; r++)
        {
          double start = now_ms ();
          LadderFindings *findings = ladder_validate (chart, catalogue);

          times[r] = now_ms () - start;
          if (r == 0)
            g_snprintf (result->note, sizeof result->note, "%u errors, %u warnings, %u notes",
                        ladder_findings_count (findings, LADDER_SEVERITY_ERROR),
                        ladder_findings_count (findings, LADDER_SEVERITY_WARNING),
                        ladder_findings_count (findings, LADDER_SEVERITY_NOTE));
          ladder_findings_free (findings);
        }
      summarize (times, runs, result);
      break;

    case LADDER_PHASE_LAYOUT:
      {
        /* One layout object recomputed, as the app relayouts after an
         * edit; the first computation allocates, so it is kept apart. */
        g_autoptr(LadderLayout) layout = ladder_layout_new ();
        double start = now_ms (), first, width, height;

        ladder_layout_compute (layout, chart);
        first = now_ms () - start;
        for (guint r = 0; r < runs; r++)
          {
            start = now_ms ();
            ladder_layout_compute (layout, chart);
            times[r] = now_ms () - start;
          }
        summarize (times, runs, result);
        ladder_layout_get_extents (layout, &width, &height);

        /* A fresh layout object each time, as when a file is opened: its
         * arrays are new memory, so page faults count too. */
        for (guint r = 0; r < runs; r++)
          {
            LadderLayout *fresh;

            start = now_ms ();
            fresh = ladder_layout_new ();
            ladder_layout_compute (fresh, chart);
            times[r] = now_ms () - start;
            ladder_layout_free (fresh);
          }
        qsort (times, runs, sizeof *times, (GCompareFunc) compare_doubles);
        g_snprintf (result->note, sizeof result->note,
                    "fresh layout: first %.1f ms, median %.1f ms; chart %.0f x %.0f",
                    first, times[(runs - 1) / 2], width, height);
      }
      break;

    case LADDER_PHASE_SAVE:
      for (guint r = 0; r < runs; r++)
        {
          gsize length = 0;
          double start = now_ms ();
          char *data = ladder_xml_write (chart, &length);

          times[r] = now_ms () - start;
          if (r == 0)
            g_snprintf (result->note, sizeof result->note, "%.1f MB of XML", length / 1e6);
          g_free (data);
        }
      summarize (times, runs, result);
      break;

    case LADDER_PHASE_EXPORT_SVG:
    case LADDER_PHASE_EXPORT_PNG:
    case LADDER_PHASE_EXPORT_PDF:
      run_export (phase, chart, catalogue, tmp_dir, times, runs, result);
      break;

    case LADDER_PHASE_FRAME_100:
    case LADDER_PHASE_FRAME_FIT:
      run_frames (phase, chart, catalogue, times, runs, result);
      break;

    case LADDER_PHASE_EDIT:
      run_edits (chart, catalogue, times, runs, result);
      break;

    case LADDER_PHASE_STATS:
      run_stats (chart, catalogue, times, runs, result);
      break;

    case LADDER_PHASE_DIFF:
      run_diff (chart, path, catalogue, times, runs, result);
      break;

    case LADDER_PHASE_LOAD:
    case LADDER_N_PHASES:
    default:
      g_assert_not_reached ();
    }

out:
  getrusage (RUSAGE_SELF, &usage);
  result->peak_rss_kb = usage.ru_maxrss;
}
