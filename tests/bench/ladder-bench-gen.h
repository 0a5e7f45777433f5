/* ladder-bench-gen.h — generated product orgs for the benchmark
 *
 * Three shapes, deterministic for a given shape and size (the same bytes on
 * every machine), written as .ladder files so that the comparison script
 * and other tools can read the very same charts.
 */
#pragma once

#include <glib.h>

typedef enum {
  LADDER_BENCH_ORG,      /* CEO, CPO, VPs ... PMs, fan-outs 4-10 */
  LADDER_BENCH_CHAIN,    /* everyone reports to the previous person */
  LADDER_BENCH_STAR,     /* everyone reports to the CEO */
} LadderBenchShape;

const char *ladder_bench_shape_to_string   (LadderBenchShape shape);
gboolean    ladder_bench_shape_from_string (const char *text, LadderBenchShape *shape);

/* "1k", "10k", "1M", "5000" ... */
gboolean    ladder_bench_parse_size        (const char *text, guint *size);
/* "1k" for 1000, "1M" for 1000000, else the number. */
char       *ladder_bench_format_size       (guint size);

/* DIR/SHAPE-SIZE.ladder, e.g. "org-10k.ladder". */
char       *ladder_bench_file_name         (const char *dir, LadderBenchShape shape, guint size);

/* Writes the chart of @size people in @shape to @path (through a
 * temporary file, so an interrupted run leaves no half file). */
gboolean    ladder_bench_generate          (LadderBenchShape shape, guint size,
                                            const char *path, GError **error);
