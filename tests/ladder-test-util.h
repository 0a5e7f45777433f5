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

typedef struct _LadderChart LadderChart;
/* A CPO with @n_reports product managers side by side under them. */
LadderChart *ladder_test_wide_chart (guint n_reports);
