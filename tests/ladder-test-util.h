/* ladder-test-util.h — small helpers shared by the cmocka tests */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib.h>

/* A fresh temporary directory for the test (removed at exit). */
const char *ladder_test_tmpdir (void);
/* Writes @text to a file named @name in the temporary directory; returns
 * its path (owned by the caller). */
char       *ladder_test_write (const char *name, const char *text);
/* The whole content of @path (NUL-terminated), or NULL. */
char       *ladder_test_read (const char *path, gsize *length);
/* Path of a file in the source tree (LADDER_SOURCE_DIR). */
char       *ladder_test_source_path (const char *relative);

/* The result of running the real `ladder` program. */
typedef struct {
  int   status;     /* exit status */
  char *out;
  char *err;
} LadderTestRun;

void        ladder_test_run_clear (LadderTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LadderTestRun, ladder_test_run_clear)
/* Runs LADDER_BINARY with the arguments (NULL-terminated), without a
 * display and in the C locale, so that messages are the English ones. */
void        ladder_test_run_ladder (LadderTestRun *run, ...) G_GNUC_NULL_TERMINATED;
/* The same in @language ("de": the build tree's German, as the window's). */
void        ladder_test_run_ladder_in (LadderTestRun *run, const char *language, ...)
                                       G_GNUC_NULL_TERMINATED;

typedef struct _LadderChart LadderChart;
/* A CPO with @n_reports product managers side by side under them. */
LadderChart *ladder_test_wide_chart (guint n_reports);

/* Adds a person with @id and @role under @manager, asserting it worked. */
guint        ladder_test_add (LadderChart *chart, const char *id, const char *role, guint manager);

/* Files in ladder_test_tmpdir(), temporaries included. */
guint        ladder_test_count_files (void);
/* @data with a PDF's /CreationDate blanked (the only thing two writes of
 * one PDF differ in); returns @data. */
char        *ladder_test_without_date (char *data);
