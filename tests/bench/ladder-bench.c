/* ladder-bench.c — how fast Ladder is on big charts
 *
 *   ladder-bench [--sizes=1k,10k,100k,1M] [--shapes=org,chain,star]
 *                [--phases=load,validate,...] [--runs=N] [--quick]
 *                [--dir=DIR] [--tsv]
 *   ladder-bench --generate=DIR [--sizes=...] [--shapes=...]
 *
 * Charts are generated (ladder-bench-gen.c) into DIR, once: the generator
 * is deterministic, so a file already there is reused.  Every phase of
 * every chart runs in a child process of its own, so that its peak memory
 * (ru_maxrss) is its own; it reports the minimum and the median of its
 * runs.  Performance is measured here, never asserted by a timed test.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ladder-bench-gen.h"
#include "ladder-bench-phases.h"

/* Bump when the generator changes, so stale charts are not reused. */
#define GENERATOR_VERSION 1

typedef struct {
  GArray  *sizes;         /* guint */
  GArray  *shapes;        /* LadderBenchShape */
  GArray  *phases;        /* LadderPhase */
  guint    runs;          /* 0: default per size */
  gboolean tsv;
  char    *dir;
} BenchConfig;

static gboolean
parse_list (const char *text, GArray *into, gboolean (*parse) (const char *, guint *),
            const char *what, GError **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  g_array_set_size (into, 0);
  for (guint i = 0; items[i] != NULL; i++)
    {
      guint value;

      if (!parse (g_strstrip (items[i]), &value))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown %s: %s", what, items[i]);
          return FALSE;
        }
      g_array_append_val (into, value);
    }
  return into->len > 0;
}

static gboolean
parse_shape (const char *text, guint *value)
{
  LadderBenchShape shape;

  if (!ladder_bench_shape_from_string (text, &shape))
    return FALSE;
  *value = shape;
  return TRUE;
}

static gboolean
parse_phase (const char *text, guint *value)
{
  LadderPhase phase;

  if (!ladder_phase_from_string (text, &phase))
    return FALSE;
  *value = phase;
  return TRUE;
}

/* Runs @func in a child process and waits for it; the child sends its
 * result (@size bytes) back through a pipe.  FALSE when the child died
 * or sent nothing, with @why filled in. */
static gboolean
run_in_child (void (*func) (gpointer data, gpointer result), gpointer data,
              gpointer result, gsize size, char *why, gsize why_size)
{
  int fds[2], status = 0;
  gsize got = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  if (pipe (fds) != 0)
    {
      g_snprintf (why, why_size, "pipe: %s", g_strerror (errno));
      return FALSE;
    }
  pid = fork ();
  if (pid < 0)
    {
      g_snprintf (why, why_size, "fork: %s", g_strerror (errno));
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  if (pid == 0)
    {
      gsize sent = 0;

      close (fds[0]);
      func (data, result);
      while (sent < size)
        {
          ssize_t n = write (fds[1], (const char *) result + sent, size - sent);

          if (n <= 0)
            _exit (1);
          sent += n;
        }
      _exit (0);
    }

  close (fds[1]);
  while (got < size)
    {
      ssize_t n = read (fds[0], (char *) result + got, size - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  if (WIFSIGNALED (status))
    g_snprintf (why, why_size, "crashed (signal %d)", WTERMSIG (status));
  else if (got < size)
    g_snprintf (why, why_size, "child exited with status %d", WEXITSTATUS (status));
  return got == size && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

typedef struct {
  LadderBenchShape shape;
  guint size;
  const char *path;
} GenerateJob;

static void
generate_child (gpointer data, gpointer result)
{
  GenerateJob *job = data;
  g_autoptr(GError) error = NULL;
  gboolean *ok = result;

  *ok = ladder_bench_generate (job->shape, job->size, job->path, &error);
  if (!*ok)
    g_printerr ("ladder-bench: %s\n", error->message);
}

static gboolean
ensure_chart (LadderBenchShape shape, guint size, const char *path, gboolean force)
{
  GenerateJob job = { shape, size, path };
  gboolean ok = FALSE;
  char why[128] = "";
  double start;

  if (!force && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_printerr ("generating %s ...\n", path);
  start = g_get_monotonic_time ();
  if (!run_in_child (generate_child, &job, &ok, sizeof ok, why, sizeof why) || !ok)
    {
      g_printerr ("ladder-bench: could not generate %s %s\n", path, why);
      return FALSE;
    }
  g_printerr ("  done in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

typedef struct {
  LadderPhase phase;
  const char *path;
  guint runs;
  const char *tmp_dir;
} PhaseJob;

static void
phase_child (gpointer data, gpointer result)
{
  PhaseJob *job = data;

  ladder_phase_run (job->phase, job->path, job->runs, job->tmp_dir, result);
}

static void
print_row (const BenchConfig *config, LadderBenchShape shape, guint size, LadderPhase phase,
           const LadderPhaseResult *result)
{
  g_autofree char *label = ladder_bench_format_size (size);
  const char *shape_name = ladder_bench_shape_to_string (shape);
  const char *phase_name = ladder_phase_to_string (phase);

  if (config->tsv)
    {
      g_print ("%s\t%u\t%s\t%u\t%.3f\t%.3f\t%ld\t%s\n", shape_name, size, phase_name,
               result->runs, result->min_ms, result->median_ms, result->peak_rss_kb,
               result->note);
      return;
    }
  if (result->runs == 0)
    g_print ("%-6s %5s  %-11s %4s %10s %10s %8s  %s\n", shape_name, label, phase_name,
             "-", "-", "-", "-", result->note);
  else
    g_print ("%-6s %5s  %-11s %4u %10.2f %10.2f %8.1f  %s\n", shape_name, label, phase_name,
             result->runs, result->min_ms, result->median_ms,
             result->peak_rss_kb / 1024.0, result->note);
}

static guint
runs_for (const BenchConfig *config, LadderPhase phase, guint size)
{
  if (config->runs > 0)
    return config->runs;
  /* The shared machine: a million people take seconds per run. */
  if (size >= 1000000)
    return 3;
  if (size >= 100000 && phase >= LADDER_PHASE_EXPORT_SVG && phase <= LADDER_PHASE_EXPORT_PDF)
    return 3;
  return 7;
}

static int
run_benchmarks (BenchConfig *config)
{
  int failures = 0;

  if (!config->tsv)
    g_print ("%-6s %5s  %-11s %4s %10s %10s %8s  %s\n", "shape", "size", "phase", "runs",
             "min ms", "median ms", "peak MB", "note");

  for (guint s = 0; s < config->shapes->len; s++)
    for (guint z = 0; z < config->sizes->len; z++)
      {
        LadderBenchShape shape = g_array_index (config->shapes, guint, s);
        guint size = g_array_index (config->sizes, guint, z);
        g_autofree char *path = ladder_bench_file_name (config->dir, shape, size);

        if (!ensure_chart (shape, size, path, FALSE))
          return 1;

        for (guint p = 0; p < config->phases->len; p++)
          {
            LadderPhase phase = g_array_index (config->phases, guint, p);
            PhaseJob job = { phase, path, runs_for (config, phase, size), config->dir };
            LadderPhaseResult result = { 0 };
            const char *skip = ladder_phase_skip_reason (phase, size);
            char why[128] = "";

            /* Skipped only by default: naming the phase alone asks for it. */
            if (skip != NULL && config->phases->len > 1)
              {
                g_strlcpy (result.note, skip, sizeof result.note);
                print_row (config, shape, size, phase, &result);
                continue;
              }
            if (!run_in_child (phase_child, &job, &result, sizeof result, why, sizeof why))
              {
                memset (&result, 0, sizeof result);
                g_strlcpy (result.note, why, sizeof result.note);
                failures++;
              }
            else if (result.runs == 0)
              failures++;
            print_row (config, shape, size, phase, &result);
          }
      }
  return failures > 0 ? 1 : 0;
}

int
main (int argc, char **argv)
{
  g_autofree char *sizes = NULL, *shapes = NULL, *phases = NULL, *dir = NULL, *generate = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BenchConfig config = { 0 };
  gboolean quick = FALSE;
  int runs = 0;
  int status;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Chart sizes (default 1k,10k,100k,1M)", "LIST" },
    { "shapes", 0, 0, G_OPTION_ARG_STRING, &shapes, "org, chain, star (default all)", "LIST" },
    { "phases", 0, 0, G_OPTION_ARG_STRING, &phases, "Phases to time (default all)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per phase (default 7; 3 at 1M)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Org shape, 1k and 10k, 3 runs", NULL },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where generated charts are kept", "DIR" },
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &config.tsv, "Tab-separated output", NULL },
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &generate, "Only write the charts into DIR", "DIR" },
    { NULL }
  };

  context = g_option_context_new ("- time Ladder on generated charts");
  g_option_context_set_summary (context,
    "Phases: load validate layout save export-svg export-png export-pdf\n"
    "        frame-100 frame-fit edit stats diff");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("ladder-bench: %s\n", error->message);
      return 2;
    }

  config.sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  config.shapes = g_array_new (FALSE, FALSE, sizeof (guint));
  config.phases = g_array_new (FALSE, FALSE, sizeof (guint));
  config.runs = runs > 0 ? (guint) runs : (quick ? 3 : 0);

  if (!parse_list (sizes ? sizes : quick ? "1k,10k" : "1k,10k,100k,1M", config.sizes,
                   ladder_bench_parse_size, "size", &error)
      || !parse_list (shapes ? shapes : quick ? "org" : "org,chain,star", config.shapes,
                      parse_shape, "shape", &error)
      || !parse_list (phases ? phases
                      : "load,validate,layout,save,export-svg,export-png,export-pdf,"
                        "frame-100,frame-fit,edit,stats,diff",
                      config.phases, parse_phase, "phase", &error))
    {
      g_printerr ("ladder-bench: %s\n", error ? error->message : "empty list");
      return 2;
    }

  if (generate != NULL)
    {
      g_mkdir_with_parents (generate, 0755);
      for (guint s = 0; s < config.shapes->len; s++)
        for (guint z = 0; z < config.sizes->len; z++)
          {
            g_autofree char *path = ladder_bench_file_name (generate,
                                                            g_array_index (config.shapes, guint, s),
                                                            g_array_index (config.sizes, guint, z));

            if (!ensure_chart (g_array_index (config.shapes, guint, s),
                               g_array_index (config.sizes, guint, z), path, TRUE))
              return 1;
          }
      return 0;
    }

  if (dir == NULL)
    {
      g_autofree char *base = g_strdup_printf ("ladder-bench-v%d", GENERATOR_VERSION);

      dir = g_build_filename (g_get_tmp_dir (), base, NULL);
    }
  config.dir = dir;
  if (g_mkdir_with_parents (config.dir, 0755) != 0)
    {
      g_printerr ("ladder-bench: %s: %s\n", config.dir, g_strerror (errno));
      return 2;
    }

  status = run_benchmarks (&config);
  g_array_unref (config.sizes);
  g_array_unref (config.shapes);
  g_array_unref (config.phases);
  return status;
}
