/* ladder-cli.c — the headless command line
 *
 *   ladder --validate FILE...       compiler-style findings, exit 0/1/2
 *   ladder --export=OUT FILE        .png .svg .pdf .ladder .csv .json .graphml
 *                                   .drawio .dot .mmd
 *   ladder --rules=RULES.xml ...    another catalogue and rule set
 *   ladder --version | --help
 *
 * Only the engine (app/core) is used here, so the command line works
 * without a display.  Findings go to stdout; a file that cannot be read
 * and wrong arguments go to stderr.
 */
#include "config.h"

#include "ladder-cli.h"
#include "ladder-cli-private.h"

#include "ladder-catalogue.h"
#include "ladder-export.h"
#include "ladder-import.h"
#include "ladder-io.h"
#include "ladder-text.h"
#include "ladder-validate.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

enum {
  EXIT_CLEAN = 0,
  EXIT_RULE_ERRORS = 1,
  EXIT_REFUSED = 2,
};

typedef struct {
  gboolean  validate;
  char     *export_path;
  char    **rules_paths;
  double    scale;
  char     *background;
  char     *root;
  int       levels;
  gboolean  findings;
  char     *page;
  gboolean  version;
  gboolean  help;
  char    **files;
  char    **columns;
  char    **roles;
  LadderImportOptions *import;
  gboolean  stats;
  char     *format;
  gboolean  diff;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->export_path);
  g_strfreev (options->rules_paths);
  g_free (options->background);
  g_free (options->root);
  g_free (options->page);
  g_free (options->format);
  g_strfreev (options->files);
  g_strfreev (options->columns);
  g_strfreev (options->roles);
  g_clear_pointer (&options->import, ladder_import_options_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* --scale was not given. */
#define NO_SCALE (-G_MAXDOUBLE)
/* --levels was not given. */
#define NO_LEVELS (-1)

/* The one option the editor takes (GApplication parses it there). */
#define EDITOR_OPTION "--rules"

gboolean
ladder_cli_wants (int argc, char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], EDITOR_OPTION) == 0)
        {
          /* Without its value it is a wrong argument, the parser's too. */
          if (++i >= argc || argv[i] == NULL)
            return TRUE;
          continue;
        }
      if (g_str_has_prefix (argv[i], EDITOR_OPTION "="))
        continue;
      /* Every other option is the command line's (--validate, --export,
       * --help…); one it does not know is named by its parser, with exit
       * 2 as for any wrong argument (GApplication's would exit 1). */
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return TRUE;
    }
  return FALSE;
}

static GOptionContext *
make_context (Options *options)
{
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options->validate,
      N_("Check each chart against the role rules"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Write FILE as OUT; the format follows OUT's extension (.png, .svg, .pdf, .ladder, .csv, "
         ".json, .graphml, .drawio, .dot, .mmd)"),
      N_("OUT") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->rules_paths,
      N_("Use another role catalogue and rule set; repeatable, each on top of the ones before"),
      N_("RULES.xml") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options->scale,
      N_("PNG export: pixels per chart unit (default 2, less when the chart is too large)"), N_("N") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &options->background,
      N_("Export background: white (default) or transparent"), N_("white|transparent") },
    { "root", 0, 0, G_OPTION_ARG_STRING, &options->root,
      N_("Export only this person and everyone below"), N_("ID") },
    { "levels", 0, 0, G_OPTION_ARG_INT, &options->levels,
      N_("Export only N levels from the top (pictures fold the deeper teams)"), N_("N") },
    { "findings", 0, 0, G_OPTION_ARG_NONE, &options->findings,
      N_("Draw the finding marks in a picture (by default it is clean)"), NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &options->page,
      N_("PDF export: tile over pages of this size"), N_("a4|a3|letter|legal[-landscape]") },
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->columns,
      N_("Import: the column HEADER holds FIELD (id, manager, name, firstname, lastname, title, role, email, vacant, note, assistant, dotted); repeatable"),
      N_("FIELD=HEADER") },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->roles,
      N_("Import: people with the title TITLE get the role ROLE (an id or a display name); repeatable"),
      N_("TITLE=ROLE") },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &options->stats,
      N_("Print the shape of the organisation: people, levels, spans of control"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("--stats output: text (default) or json"), N_("text|json") },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &options->diff,
      N_("Compare two charts, OLD and NEW: people added, removed, moved, changed; findings new and fixed"),
      NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options->help,
      N_("Show this help and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL, N_("FILE…") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  summary = g_strconcat (
    _("Design a product team's org chart and check it against the role rules.\n"
      "\n"
      "  ladder [FILE]                   open the editor, optionally on FILE\n"
      "  ladder --validate FILE…         check each chart against the rules\n"
      "  ladder --export=OUT FILE        write FILE as OUT; format by OUT's extension\n"
      "  ladder --rules=RULES.xml …      use another role catalogue and rule set\n"
      "  ladder --version | --help"),
    "\n",
    _("  ladder --stats FILE             the shape of the organisation (--format=json)\n"
      "  ladder --diff OLD NEW           what changed from OLD to NEW"),
    NULL);
  g_option_context_set_summary (context, summary);
  description = g_strconcat (
    _("FILE is a .ladder chart (or any .xml), delimited text of people (.csv, .tsv,\n"
      ".txt) or JSON (.json); with another extension, its content decides.\n"
      "\n"
      "--validate prints one line per finding, FILE:LINE: SEVERITY: MESSAGE [RULE],\n"
      "then a summary per file.  Exit status: 0 when no error was found, 1 when a\n"
      "rule error was found, 2 when a file could not be read or the arguments\n"
      "are wrong."),
    "\n\n",
    _("--diff prints one line per change, FILE:LINE: added|removed|moved|changed: …,\n"
      "then new and fixed findings and a summary.  Exit status: 0 when NEW has no\n"
      "error that OLD lacked, 1 when it has, 2 when a file could not be read."),
    NULL);
  g_option_context_set_description (context, description);
  return context;
}

/* Everything the command line prints goes through here, to a terminal or
 * not (CI logs are read too): one line, a trailing newline of @format
 * aside, with every control character escaped, so that no name in a file
 * can forge a line or drive a terminal. */
void
ladder_cli_print_line (FILE *stream, const char *format, ...)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  gsize length;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  length = strlen (text);
  if (length > 0 && text[length - 1] == '\n')
    text[length - 1] = '\0';
  escaped = ladder_text_escape (text);
  fputs (escaped, stream);
  fputc ('\n', stream);
}

/* Our own text of several lines (the help), each escaped as above. */
void
ladder_cli_print_lines (FILE *stream, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* The text's last newline ends its last line. */
  if (n > 0 && lines[n - 1][0] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    ladder_cli_print_line (stream, "%s", lines[i]);
}

static int
usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  ladder_cli_print_line (stderr, "ladder: %s", message);
  ladder_cli_print_line (stderr, _("Try “ladder --help” for more information.\n"));
  return EXIT_REFUSED;
}

static void
print_load_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    ladder_cli_print_line (stderr, "%s", (const char *) g_ptr_array_index (warnings, i));
}

/* A chart in memory takes about three times its file, with the rules'
 * findings four, and the old copies of its record array, which grows by
 * doubling, stay behind in the heap: at 100k people the heap went past
 * four times the file, into small pages.  Reserving costs nothing until
 * it is used. */
#define HEAP_PER_FILE_BYTE 6
#define HUGE_PAGE (2 << 20)

/* See prepare_heap(). */
static void *heap_pad;

/* Loading a large chart touches hundreds of megabytes of fresh memory in
 * small allocations, and on virtual machines the page faults cost as much
 * as the parsing.  So, for this one-shot process, the heap is reserved in
 * one piece sized from the files and marked for transparent huge pages:
 * one fault per 2 MB instead of one per 4 kB.  Reserving costs no memory
 * until it is used; where huge pages are off, madvise fails harmlessly. */
static void
prepare_heap (char **files)
{
  guint64 total = 0;
  gsize size;
  char *block;
  guintptr start, end;
  gsize before_start;

  for (guint i = 0; files[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (files[i], &st) == 0 && S_ISREG (st.st_mode))
        total += st.st_size;
    }
  if (total < 4 * HUGE_PAGE / HEAP_PER_FILE_BYTE || total > G_MAXSIZE / 8)
    return;
  size = (gsize) total * HEAP_PER_FILE_BYTE;

  /* Everything from one heap that is never given back early. */
  mallopt (M_MMAP_MAX, 0);
  mallopt (M_TRIM_THRESHOLD, G_MAXINT);
  block = malloc (size);
  if (block == NULL)
    return;
  start = ((guintptr) block + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
  end = ((guintptr) block + size) & ~(guintptr) (HUGE_PAGE - 1);
  if (end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
  before_start = start - (guintptr) block;
  free (block);

  /* The first huge page starts at @start: what is allocated before it
   * (up to 2 MB) would get small pages, a fault for every 4 kB.  So that
   * stretch goes to one allocation that is never touched, and the next
   * ones start at @start (glibc keeps an 8-byte size before each block).
   * It is let go with the process. */
  if (end > start && before_start > 4 * sizeof (gsize))
    heap_pad = malloc (before_start - sizeof (gsize));
}

/* After the last file the process ends, and the system takes its memory
 * back at once: freeing a large chart record by record first only delays
 * the exit (47 M instructions at 100k people, 4% of ladder --validate).
 * So the last chart is let go without being freed.  Nothing reports it:
 * the sanitizer build runs with leak detection off (run-tests), and
 * valgrind and the fuzzers run the engine, not this command line. */
static void
leave_for_exit (LadderChart **chart)
{
  static LadderChart *left;

  g_assert (left == NULL);
  left = g_steal_pointer (chart);
}

static int
validate_file (const char *path, LadderCatalogue *catalogue,
               const LadderImportOptions *import, gboolean last)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  guint errors, n_warnings, notes;

  chart = ladder_import_file (path, catalogue, import, warnings, &error);
  print_load_warnings (warnings);
  if (chart == NULL)
    {
      ladder_cli_print_line (stderr, "%s", error->message);
      return EXIT_REFUSED;
    }

  findings = ladder_validate (chart, catalogue);
  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);
      guint line = ladder_chart_get_line (chart, finding->person);

      /* Not translated: editors and CI parse these lines. */
      if (line > 0)
        ladder_cli_print_line (stdout, "%s:%u: %s: %s [%s]", path, line,
                 ladder_severity_to_string (finding->severity), finding->message,
                 ladder_rule_get_id (finding->rule));
      else
        ladder_cli_print_line (stdout, "%s: %s: %s [%s]", path,
                 ladder_severity_to_string (finding->severity), finding->message,
                 ladder_rule_get_id (finding->rule));
    }

  errors = ladder_findings_count (findings, LADDER_SEVERITY_ERROR);
  n_warnings = ladder_findings_count (findings, LADDER_SEVERITY_WARNING);
  notes = ladder_findings_count (findings, LADDER_SEVERITY_NOTE);
  {
    g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
    g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
    g_autofree char *n = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);

    /* TRANSLATORS: the summary after --validate: "FILE: 1 error, 2 warnings, 0 notes" */
    ladder_cli_print_line (stdout, _("%s: %s, %s, %s\n"), path, e, w, n);
  }
  fflush (stdout);
  if (last)
    leave_for_exit (&chart);
  return errors > 0 ? EXIT_RULE_ERRORS : EXIT_CLEAN;
}

static gboolean
is_image (const char *path)
{
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  const char *dot = strrchr (base ? base : path, '.');

  return dot != NULL && (g_ascii_strcasecmp (dot, ".png") == 0
                         || g_ascii_strcasecmp (dot, ".svg") == 0
                         || g_ascii_strcasecmp (dot, ".pdf") == 0);
}

static int
export_file (const Options *options, LadderCatalogue *catalogue)
{
  const char *in = options->files[0];
  const char *out = options->export_path;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderChart) chart = NULL;
  g_autoptr(LadderFindings) findings = NULL;
  LadderExportOptions export_options = { 0 };
  gboolean ok;

  if (!ladder_export_knows_format (out))
    return usage_error (_("cannot export to “%s”: the name must end in .png, .svg, .pdf, .ladder, "
                          ".csv, .json, .graphml, .drawio, .dot or .mmd"), out);

  chart = ladder_import_file (in, catalogue, options->import, warnings, &error);
  print_load_warnings (warnings);
  if (chart == NULL)
    {
      ladder_cli_print_line (stderr, "%s", error->message);
      return EXIT_REFUSED;
    }

  if (options->findings && is_image (out))
    findings = ladder_validate (chart, catalogue);
  if (options->scale != NO_SCALE)
    export_options.scale = options->scale;
  export_options.transparent = g_strcmp0 (options->background, "transparent") == 0;
  export_options.root = options->root;
  export_options.levels = options->levels != NO_LEVELS ? (guint) options->levels : 0;
  export_options.findings = options->findings;
  export_options.page = options->page;
  ok = ladder_export_file (chart, catalogue, findings, out, &export_options, &error);
  if (export_options.notice != NULL)
    ladder_cli_print_line (stderr, "%s", export_options.notice);
  g_free (export_options.notice);

  if (!ok)
    {
      /* The writer leaves nothing behind, and removes nothing: OUT may be
       * a link, dangling or not. */
      ladder_cli_print_line (stderr, "%s", error->message);
      return EXIT_REFUSED;
    }
  leave_for_exit (&chart);
  return EXIT_CLEAN;
}

int
ladder_cli_run (int argc, char **argv)
{
  g_auto(Options) options = { .scale = NO_SCALE, .levels = NO_LEVELS };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = NULL;
  g_auto(GStrv) args = NULL;
  guint n_files;
  int status = EXIT_CLEAN;

  g_return_val_if_fail (argc >= 0, EXIT_REFUSED);

  context = make_context (&options);
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error ("%s", error->message);
  n_files = options.files ? g_strv_length (options.files) : 0;

  if (options.help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      ladder_cli_print_lines (stdout, help);
      return EXIT_CLEAN;
    }
  if (options.version)
    {
      ladder_cli_print_line (stdout, "ladder %s", PACKAGE_VERSION);
      return EXIT_CLEAN;
    }
  if ((options.validate || options.export_path != NULL) + options.stats + options.diff > 1)
    return usage_error (_("--validate, --export, --stats and --diff cannot be used together"));
  if (options.format != NULL && !options.stats)
    return usage_error (_("--format goes with --stats"));
  if (options.format != NULL && strcmp (options.format, "text") != 0
      && strcmp (options.format, "json") != 0)
    return usage_error (_("--format must be text or json, not “%s”"), options.format);
  if (options.stats && n_files != 1)
    return usage_error (_("--stats needs exactly one FILE"));
  if (options.diff && n_files != 2)
    return usage_error (_("--diff needs two FILEs: OLD NEW"));
  if ((options.stats || options.diff)
      && (options.scale != NO_SCALE || options.background != NULL || options.root != NULL
          || options.levels != NO_LEVELS || options.findings || options.page != NULL))
    return usage_error (_("--scale, --background, --root, --levels, --findings and --page go "
                          "with --export"));
  if (options.validate && options.export_path != NULL)
    return usage_error (_("--validate and --export cannot be used together"));
  if (options.validate && n_files == 0)
    return usage_error (_("--validate needs at least one FILE"));
  if (options.export_path != NULL && n_files != 1)
    return usage_error (_("--export needs exactly one FILE"));
  if (!options.validate && options.export_path == NULL && !options.stats && !options.diff
      && (options.columns || options.roles))
    return usage_error (_("--column and --role go with --validate, --export, --stats or --diff"));
  if (!options.validate && options.export_path == NULL && !options.stats && !options.diff)
    return usage_error (_("--scale, --background, --root, --levels, --findings and --page go "
                          "with --export"));
  if (options.levels != NO_LEVELS && options.levels < 1)
    return usage_error (_("--levels must be a number of levels, 1 or more"));
  if (options.page != NULL && !ladder_export_parse_page (options.page, NULL, NULL))
    return usage_error (_("--page must be a4, a3, letter or legal, optionally with -landscape, "
                          "not “%s”"), options.page);
  if (options.scale != NO_SCALE && !(options.scale > 0))
    return usage_error (_("--scale must be a number above 0"));
  if (options.background != NULL
      && strcmp (options.background, "white") != 0
      && strcmp (options.background, "transparent") != 0)
    return usage_error (_("--background must be white or transparent, not “%s”"), options.background);

  /* Before the catalogue, whose memory then comes from the huge pages too. */
  prepare_heap (options.files);
  /* fontconfig and the fonts load on another core while the catalogue
   * and the chart are read, checked and laid out.  When the chart is
   * refused, the process ends with that thread still loading: nothing
   * it touches is torn down at exit (400 refused exports ran clean). */
  if (options.export_path != NULL && is_image (options.export_path))
    ladder_export_prepare ();
  catalogue = g_object_ref (ladder_catalogue_get_default ());
  for (guint i = 0; options.rules_paths && options.rules_paths[i]; i++)
    {
      LadderCatalogue *next = ladder_catalogue_new_extending (catalogue, options.rules_paths[i], &error);

      g_object_unref (catalogue);
      if ((catalogue = next) == NULL)
        {
          ladder_cli_print_line (stderr, "%s", error->message);
          return EXIT_REFUSED;
        }
    }

  options.import = ladder_import_options_new ();
  for (guint i = 0; options.columns && options.columns[i]; i++)
    if (!ladder_import_options_add_column (options.import, options.columns[i], &error))
      return usage_error ("%s", error->message);
  for (guint i = 0; options.roles && options.roles[i]; i++)
    if (!ladder_import_options_add_role (options.import, options.roles[i], catalogue, &error))
      return usage_error ("%s", error->message);

  ladder_cli_set_import_options (options.import);
  if (options.export_path != NULL)
    return export_file (&options, catalogue);
  if (options.stats)
    return ladder_cli_stats (options.files[0], g_strcmp0 (options.format, "json") == 0, catalogue);
  if (options.diff)
    return ladder_cli_diff (options.files[0], options.files[1], catalogue);

  for (guint i = 0; i < n_files; i++)
    {
      int file_status = validate_file (options.files[i], catalogue, options.import,
                                       i + 1 == n_files);

      status = MAX (status, file_status);
    }
  return status;
}
