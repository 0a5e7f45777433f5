/* ladder-freeze-probe.c — LD_PRELOAD module that measures how long the
 * real window could not answer (tests/bench/gui-freeze uses it).
 *
 * A 5 ms timeout in the main loop notes when it runs; the gap between two
 * runs is how long the loop was busy elsewhere, which is the longest time
 * a click or a key would have waited.  The module also plays a scenario,
 * through the window's own actions:
 *
 *   LADDER_PROBE_OPEN=FILE  once the window is mapped, open FILE with
 *                           win.open-recent (where Ctrl+O's chooser ends);
 *                           without it, `ladder FILE` is what is measured
 *   LADDER_PROBE_ROLE=ROLE  then add a ROLE on its own (one edit; default
 *                           "ic")
 *   LADDER_PROBE_WAIT=S     then let S seconds of life pass (default 25)
 *   LADDER_PROBE_CANCEL=MS  instead, cancel the open MS milliseconds after
 *                           it began (as Cancel and Escape do), note how
 *                           long until the bar is gone, and end 2 s later
 *   LADDER_PROBE_EXPORT=OUT instead of the edit, WAIT seconds to settle, then
 *                           export the chart to OUT
 *                           (its extension says the format) through the
 *                           export dialog, as its file chooser would, and
 *                           end when it is written
 *   LADDER_PROBE_PRINT=OUT  instead, print the chart (fit on one page) to
 *                           the PDF file OUT through the window's print
 *                           operation, without its dialog
 *   LADDER_PROBE_DIALOG=N   FILE is delimited text or JSON: once the import
 *                           dialog has its counts, change a title's role N
 *                           times 100 ms apart (as a user picking roles),
 *                           then, the counts in, Import; ends when the
 *                           chart is in the window (phases "changes": from
 *                           the first change to the last counts, and
 *                           "import": from Import to the chart)
 *
 * and prints, per phase (start: until the window is mapped; open: until
 * the chart is in the window; life: the edit and the wait), the longest
 * gap and the sum of gaps over 50 ms, then ends the app.  It also notes
 * when a progress bar first showed after the open began.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gtk/gtk.h>

#define TICK_MS      5
#define LONG_GAP_US  (50 * 1000)

typedef enum { PHASE_START, PHASE_OPEN, PHASE_LIFE, PHASE_CHANGES, PHASE_IMPORT, PHASE_EXPORT,
               N_PHASES } Phase;

static const char * const phase_names[N_PHASES] = { "start", "open", "life", "changes", "import",
                                                     "export" };

#define CHANGE_INTERVAL_US (100 * 1000)

/* What the export and print scenarios call in libladder-gui.so. */
typedef gpointer (*DialogNew) (gpointer parent, gpointer chart, gpointer catalogue,
                               guint selected, const char *name, GFile *folder);
typedef gboolean (*DialogSetExtension) (gpointer dialog, const char *extension);
typedef gboolean (*DialogExportTo) (gpointer dialog, const char *path);
typedef gboolean (*DialogIsExporting) (gpointer dialog);
typedef gpointer (*WindowGet) (gpointer window);
typedef GtkPrintOperation *(*PrintOperationNew) (gpointer chart, gpointer catalogue, int mode);

typedef struct {
  gint64 longest;
  gint64 long_total;
} PhaseGaps;

static struct {
  Phase      phase;
  PhaseGaps  gaps[N_PHASES];
  gint64     last;
  gint64     phase_began;
  gint64     progress_seen;   /* since the open began; -1 not yet */
  gint64     loaded_after;
  gint64     life_ends;
  gint64     born;            /* when the module was loaded: the process began */
  gint64     mapped_after;
  gint64     cancelled_at;    /* -1: not cancelled */
  gint64     bar_gone_after;  /* since the cancel; -1 not yet */
  void      (*cancel) (gpointer window);
  GFile     *(*get_file) (gpointer window);
  gboolean   opened;
  gpointer   dialog;          /* the export's, referenced */
  gboolean   export_done;
  gint64     export_took;
  guint      changes_made;
  gint64     next_change;
  gint64     dialog_counted_after;  /* since the open */
  gint64     changes_counted_after; /* since the first change */
} probe = { .progress_seen = -1, .cancelled_at = -1, .bar_gone_after = -1 };

static GtkWidget *
main_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window) &&
          g_str_equal (G_OBJECT_TYPE_NAME (window), "LadderWindow"))
        return window;
    }
  return NULL;
}

static gboolean
progress_shown (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget) && gtk_widget_is_drawable (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (progress_shown (child))
      return TRUE;
  return FALSE;
}

static gpointer
editor_symbol (const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;
  g_autofree char *path = dir ? g_build_filename (dir, "libladder-gui.so", NULL) : NULL;
  void *module = path ? dlopen (path, RTLD_LAZY | RTLD_NOLOAD) : NULL;

  gpointer symbol = module ? dlsym (module, name) : NULL;

  /* The engine's own symbols are the executable's. */
  return symbol ? symbol : dlsym (RTLD_DEFAULT, name);
}

/* Each scenario reports its own phases. */
static gboolean
phase_played (Phase phase)
{
  gboolean dialog = g_getenv ("LADDER_PROBE_DIALOG") != NULL;

  switch (phase)
    {
    case PHASE_LIFE:
      return !dialog;
    case PHASE_CHANGES:
    case PHASE_IMPORT:
      return dialog;
    case PHASE_EXPORT:
      return g_getenv ("LADDER_PROBE_EXPORT") != NULL || g_getenv ("LADDER_PROBE_PRINT") != NULL;
    case PHASE_START:
    case PHASE_OPEN:
    case N_PHASES:
    default:
      return TRUE;
    }
}

/* From an idle, not from the tick: a print runs a main loop of its own,
 * in which the tick must go on running. */
static gboolean
start_export (gpointer window)
{
  const char *out = g_getenv ("LADDER_PROBE_EXPORT");
  WindowGet get_chart = editor_symbol ("ladder_window_get_chart");
  WindowGet get_catalogue = editor_symbol ("ladder_window_get_catalogue");
  gpointer chart = get_chart (window), catalogue = get_catalogue (window);

  if (out != NULL)
    {
      DialogNew dialog_new = editor_symbol ("ladder_export_dialog_new");
      DialogSetExtension set_extension = editor_symbol ("ladder_export_dialog_set_extension");
      DialogExportTo export_to = editor_symbol ("ladder_export_dialog_export_to");

      probe.dialog = g_object_ref (dialog_new (window, chart, catalogue, G_MAXUINT, "probe", NULL));
      set_extension (probe.dialog, strrchr (out, '.'));
      export_to (probe.dialog, out);
    }
  else
    {
      PrintOperationNew operation_new = editor_symbol ("ladder_print_operation_new");
      g_autoptr(GtkPrintOperation) operation = operation_new (chart, catalogue, 0);

      gtk_print_operation_set_export_filename (operation, g_getenv ("LADDER_PROBE_PRINT"));
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window, NULL);
      probe.export_done = TRUE;
    }
  return G_SOURCE_REMOVE;
}

/* Before the export ran in the background there was no
 * ladder_export_dialog_is_exporting: export_to() returned when done. */
static gboolean
export_finished (void)
{
  DialogIsExporting is_exporting = editor_symbol ("ladder_export_dialog_is_exporting");

  if (probe.export_done)
    return TRUE;
  return probe.dialog != NULL && (is_exporting == NULL || !is_exporting (probe.dialog));
}

/* The export scenarios: WAIT seconds without an edit, for the window
 * to settle after the open, then the export. */
static gboolean
exporting (void)
{
  return g_getenv ("LADDER_PROBE_EXPORT") != NULL || g_getenv ("LADDER_PROBE_PRINT") != NULL;
}

static void
report_and_exit (void)
{
  fprintf (stderr, "ladder-freeze-probe: window mapped %.0f ms after the process began\n",
           probe.mapped_after / 1000.0);
  for (Phase p = 0; p < N_PHASES; p++)
    if (phase_played (p))
      fprintf (stderr, "ladder-freeze-probe: %s: longest gap %.0f ms, gaps over 50 ms %.0f ms in all\n",
               phase_names[p], probe.gaps[p].longest / 1000.0, probe.gaps[p].long_total / 1000.0);
  if (probe.loaded_after > 0)
    fprintf (stderr, "ladder-freeze-probe: chart in the window %.0f ms after the open\n",
             probe.loaded_after / 1000.0);
  if (probe.bar_gone_after >= 0)
    fprintf (stderr, "ladder-freeze-probe: bar gone %.0f ms after the cancel\n",
             probe.bar_gone_after / 1000.0);
  if (probe.progress_seen >= 0)
    fprintf (stderr, "ladder-freeze-probe: progress shown %.0f ms after the open\n",
             probe.progress_seen / 1000.0);
  if (probe.export_took > 0)
    fprintf (stderr, "ladder-freeze-probe: exported in %.0f ms\n", probe.export_took / 1000.0);
  if (probe.dialog_counted_after > 0)
    fprintf (stderr, "ladder-freeze-probe: dialog counted %.0f ms after the open, "
             "again %.0f ms after the first change\n",
             probe.dialog_counted_after / 1000.0, probe.changes_counted_after / 1000.0);
  fflush (stderr);
  _exit (0);
}

static void
begin_phase (Phase phase, gint64 now)
{
  probe.phase = phase;
  probe.phase_began = now;
}

static void
open_file (GtkWidget *window, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (window, "win.open-recent", "s", uri);
}

static GtkWidget *
import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window) &&
          g_str_equal (G_OBJECT_TYPE_NAME (window), "LadderImportDialog"))
        return window;
    }
  return NULL;
}

/* Whether @dialog has the counts of its latest choices (a dialog that
 * counts on the main thread always has). */
static gboolean
dialog_counted (GtkWidget *dialog)
{
  gboolean (*is_counting) (gpointer) = editor_symbol ("ladder_import_dialog_is_counting");

  return is_counting == NULL || !is_counting (dialog);
}

/* The import dialog's scenario (LADDER_PROBE_DIALOG); TRUE once done. */
static gboolean
play_dialog (GtkWidget *window, gint64 now)
{
  static const char * const titles[] = { "Software Engineer", "Product Manager", "Designer" };
  static const char * const roles[] = { "pm", "senior-pm", "ic" };
  GtkWidget *dialog = import_dialog ();
  guint n_changes = atoi (g_getenv ("LADDER_PROBE_DIALOG"));

  switch (probe.phase)
    {
    case PHASE_OPEN:
      if (dialog != NULL && dialog_counted (dialog))
        {
          probe.dialog_counted_after = now - probe.phase_began;
          begin_phase (PHASE_CHANGES, now);
          probe.next_change = now;
        }
      break;
    case PHASE_CHANGES:
      if (dialog == NULL)
        break;
      if (probe.changes_made < n_changes && now >= probe.next_change)
        {
          gpointer (*get_options) (gpointer) = editor_symbol ("ladder_import_dialog_get_options");
          void (*set_role) (gpointer, const char *, const char *) = editor_symbol ("ladder_import_options_set_role");
          void (*refresh) (gpointer) = editor_symbol ("ladder_import_dialog_refresh");
          guint k = probe.changes_made % G_N_ELEMENTS (titles);

          set_role (get_options (dialog), titles[k], roles[probe.changes_made / G_N_ELEMENTS (titles) % 3]);
          refresh (dialog);
          probe.changes_made++;
          probe.next_change = g_get_monotonic_time () + CHANGE_INTERVAL_US;
        }
      else if (probe.changes_made == n_changes && dialog_counted (dialog))
        {
          probe.changes_counted_after = now - probe.phase_began;
          begin_phase (PHASE_IMPORT, now);
          probe.progress_seen = -1;
          gtk_widget_activate_action (dialog, "import.accept", NULL);
        }
      break;
    case PHASE_IMPORT:
      {
        gpointer (*get_chart) (gpointer) = editor_symbol ("ladder_window_get_chart");
        guint (*n_people) (gpointer) = editor_symbol ("ladder_chart_get_n_people");

        if (probe.progress_seen < 0 && progress_shown (window))
          probe.progress_seen = now - probe.phase_began;
        if (n_people (get_chart (window)) > 0)
          {
            probe.loaded_after = now - probe.phase_began;
            return TRUE;
          }
      }
      break;
    case PHASE_START:
    case PHASE_LIFE:
    case PHASE_EXPORT:
    case N_PHASES:
      break;
    }
  return FALSE;
}

static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 gap = probe.last > 0 ? now - probe.last : 0;
  PhaseGaps *gaps = &probe.gaps[probe.phase];
  GtkWidget *window = gtk_is_initialized () ? main_window () : NULL;

  probe.last = now;
  gaps->longest = MAX (gaps->longest, gap);
  if (gap > LONG_GAP_US)
    gaps->long_total += gap;
  if (window == NULL)
    return G_SOURCE_CONTINUE;

  if (probe.get_file == NULL)
    probe.get_file = editor_symbol ("ladder_window_get_file");

  if (g_getenv ("LADDER_PROBE_DIALOG") != NULL && probe.phase != PHASE_START)
    {
      if (play_dialog (window, now))
        report_and_exit ();
      return G_SOURCE_CONTINUE;
    }

  switch (probe.phase)
    {
    case PHASE_START:
      probe.mapped_after = now - probe.born;
      begin_phase (PHASE_OPEN, now);
      if (g_getenv ("LADDER_PROBE_OPEN") != NULL)
        open_file (window, g_getenv ("LADDER_PROBE_OPEN"));
      break;
    case PHASE_OPEN:
      if (probe.progress_seen < 0 && progress_shown (window))
        probe.progress_seen = now - probe.phase_began;
      if (g_getenv ("LADDER_PROBE_CANCEL") != NULL)
        {
          if (probe.cancel == NULL)
            probe.cancel = editor_symbol ("ladder_window_cancel_loading");
          if (probe.cancelled_at < 0 &&
              now - probe.phase_began >= g_ascii_strtod (g_getenv ("LADDER_PROBE_CANCEL"), NULL) * 1000)
            {
              probe.cancelled_at = now;
              probe.cancel (window);
            }
          if (probe.cancelled_at >= 0 && probe.bar_gone_after < 0 && !progress_shown (window))
            probe.bar_gone_after = now - probe.cancelled_at;
          if (probe.cancelled_at >= 0 && now - probe.cancelled_at > 2 * G_USEC_PER_SEC)
            report_and_exit ();
          break;
        }
      if (probe.get_file != NULL && probe.get_file (window) != NULL)
        {
          const char *role = g_getenv ("LADDER_PROBE_ROLE");
          const char *wait = g_getenv ("LADDER_PROBE_WAIT");

          probe.loaded_after = now - probe.phase_began;
          begin_phase (PHASE_LIFE, now);
          probe.life_ends = now + (wait ? g_ascii_strtod (wait, NULL) : 25.0) * G_USEC_PER_SEC;
          if (exporting ())
            break;
          gtk_widget_activate_action (window, "win.add-role", "s", role ? role : "ic");
        }
      break;
    case PHASE_LIFE:
      if (now >= probe.life_ends && exporting ())
        {
          begin_phase (PHASE_EXPORT, now);
          g_idle_add (start_export, window);
        }
      else if (now >= probe.life_ends)
        report_and_exit ();
      break;
    case PHASE_EXPORT:
      if (export_finished ())
        {
          probe.export_took = now - probe.phase_began;
          report_and_exit ();
        }
      break;
    case PHASE_CHANGES:
    case PHASE_IMPORT:
    case N_PHASES:
      break;
    }
  return G_SOURCE_CONTINUE;
}

__attribute__((constructor)) static void
probe_start (void)
{
  probe.born = g_get_monotonic_time ();
  g_timeout_add (TICK_MS, tick, NULL);
}
