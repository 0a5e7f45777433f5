/* ladder-io.h — reading and writing chart files
 *
 * Errors: the GError message is the whole line a user sees,
 * "FILE:LINE: error: WHAT IS WRONG" (LINE left out when the file could not
 * be opened at all), in LADDER_CHART_ERROR.
 */
#pragma once

#include "ladder-chart.h"
#include "ladder-catalogue.h"

G_BEGIN_DECLS

/* ---- reading ---- */
/* The largest file read: libxml2 and the chart count in ints. */
#define LADDER_READ_MAX ((gsize) G_MAXINT)

/* Sees each chunk as it is read: @data holds the file so far, the new
 * chunk is its @length bytes from @offset.  FALSE (with @error set)
 * refuses the file there. */
typedef gboolean (*LadderReadFunc) (const char *data, gsize offset, gsize length,
                                    gpointer user_data, GError **error);

/* The whole of @path (NUL-terminated, @length without the NUL), read in
 * chunks with read(), never mapped: a regular file, a pipe or a FIFO
 * (which waits for its writer, as cat does).  A file that shrinks while
 * it is read, a folder and a file over LADDER_READ_MAX are errors
 * "PATH: error: WHAT". */
char        *ladder_read_file       (const char *path, gsize *length, LadderReadFunc check,
                                     gpointer user_data, GError **error);

/* ---- XML (.ladder, .xml) ---- */
LadderChart *ladder_xml_read_file   (const char *path, GError **error);
/* @display_name is used in messages in place of a path. */
LadderChart *ladder_xml_read_memory (const char *data, gsize length,
                                     const char *display_name, GError **error);
/* The whole file, stable: an unchanged chart gives the same bytes. */
char        *ladder_xml_write       (LadderChart *chart, gsize *length);
/* The same in steps, for the main thread: new() writes the head,
 * step() the next @n_people (TRUE once all are written), finish() the
 * rest and the tail, and frees the writer.  The chart must not change
 * in between (free() and start again if it does). */
typedef struct _LadderXmlWriter LadderXmlWriter;
LadderXmlWriter *ladder_xml_writer_new    (LadderChart *chart);
gboolean         ladder_xml_writer_step   (LadderXmlWriter *writer, guint n_people);
char            *ladder_xml_writer_finish (LadderXmlWriter *writer, gsize *length);
void             ladder_xml_writer_free   (LadderXmlWriter *writer);
/* The same bytes, handed to @write_func about 64 KB at a time (so a
 * save holds no whole-file buffer); FALSE as soon as it returns FALSE. */
typedef gboolean (*LadderXmlWriteFunc) (gpointer closure, const char *data, gsize length);
gboolean     ladder_xml_write_stream (LadderChart *chart, LadderXmlWriteFunc write_func,
                                      gpointer closure);

/* ---- CSV ---- */
/* @warnings (nullable) collects "FILE:LINE: warning: ..." strings. */
LadderChart *ladder_csv_read_file   (const char *path, LadderCatalogue *catalogue,
                                     GPtrArray *warnings, GError **error);
LadderChart *ladder_csv_read_memory (const char *data, gsize length, const char *display_name,
                                     LadderCatalogue *catalogue, GPtrArray *warnings,
                                     GError **error);
char        *ladder_csv_write       (LadderChart *chart, gsize *length);
/* The same bytes, handed to @write_func in blocks of about 64 KB as the
 * rows are made (no whole file in memory); FALSE once a write failed. */
gboolean     ladder_csv_write_stream (LadderChart *chart, LadderXmlWriteFunc write_func,
                                      gpointer closure);

/* ---- by file name ---- */
/* Whether @path ends in ".csv" in any case (team.Csv too): the one check
 * of the engine, the command line and the window. */
gboolean     ladder_path_is_csv     (const char *path);
/* Any input Ladder reads, by extension or content: ladder_import_file()
 * without options (ladder-import.h). */
LadderChart *ladder_load_file       (const char *path, LadderCatalogue *catalogue,
                                     GPtrArray *warnings, GError **error);

/* ---- the one atomic writer: every save and every export ---- */
/* A file written so that a crash, a kill or a failure at any moment
 * leaves either the old file or the new one, whole, and nothing else:
 *
 *   LadderAtomicFile *file = ladder_atomic_file_open (path, 0, error);
 *   if (file == NULL) return FALSE;
 *   ladder_atomic_file_write (file, data, length);   // as often as needed
 *   return ladder_atomic_file_commit (file, error);  // or _abort (file)
 *
 * The bytes stream to an unnamed file (O_TMPFILE; a named
 * ".ladder-tmp-XXXXXX" where the file system cannot) in the folder of the
 * target, which is synced, named and renamed over the target on commit.
 * A symlink at @path is followed to a regular file, which is replaced
 * (the link stays); a dangling link gets its target created.  Anything
 * else (a folder, a FIFO, a device, a socket) is refused, never replaced.
 * The new file keeps the mode (and, where permitted, the owner) of the
 * old.  SIGXFSZ is ignored, so a file-size limit is an error message.
 * Temporaries of this naming older than an hour, left by a killed writer,
 * are removed by a later open in the same folder.
 *
 * Errors: "PATH: error: WHAT" in LADDER_CHART_ERROR. */
typedef struct _LadderAtomicFile LadderAtomicFile;

typedef enum {
  LADDER_ATOMIC_NONE   = 0,
  LADDER_ATOMIC_BACKUP = 1 << 0,  /* keep the replaced version as "PATH~" */
} LadderAtomicFlags;

LadderAtomicFile *ladder_atomic_file_open   (const char *path, LadderAtomicFlags flags,
                                             GError **error);
/* Buffered; FALSE once anything failed (the error waits for commit), so
 * it can serve as a stream callback that has no GError to give. */
gboolean          ladder_atomic_file_write  (LadderAtomicFile *file, const char *data,
                                             gsize length);
/* The same with a LadderWriteFunc's signature (@closure is the file). */
gboolean          ladder_atomic_file_write_func (gpointer closure, const char *data,
                                                 gsize length);
/* Replaces the target and frees @file; on failure the target is as it
 * was and nothing is left behind. */
gboolean          ladder_atomic_file_commit (LadderAtomicFile *file, GError **error);
/* Throws the new bytes away and frees @file (NULL is fine). */
void              ladder_atomic_file_abort  (LadderAtomicFile *file);

/* Writes @data to @path with the writer above, keeping "PATH~". */
gboolean     ladder_save_atomic     (const char *path, const char *data, gsize length,
                                     GError **error);
/* Saves @chart as .ladder XML or .csv by @path's extension. */
gboolean     ladder_save_file       (LadderChart *chart, const char *path, GError **error);

G_END_DECLS
