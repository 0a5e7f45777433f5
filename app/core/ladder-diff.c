/* ladder-diff.c — what changed between two charts (see ladder-diff.h)
 *
 * People are matched through NEW's and OLD's id indexes (a hash lookup
 * each), findings through a table keyed by rule and person id that
 * counts, so that two findings of one rule on one person match two.
 * The only sorting is of each chart's people by line.
 */
#include "config.h"

#include "ladder-diff.h"
#include "ladder-chart-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

struct _LadderDiff
{
  GArray       *changes;          /* LadderDiffChange */
  GStringChunk *texts;
  guint8       *flags;            /* by NEW slot */
  guint         new_capacity;
  guint         counts[LADDER_DIFF_FIXED_FINDING + 1];
  gboolean      new_errors;
};

typedef struct {
  LadderChart     *old_chart;
  LadderChart     *new_chart;
  LadderCatalogue *catalogue;
  LadderDiff      *diff;
  GString         *text;
} Comparison;

/* ---- words ---- */

static const char *
label (LadderChart *chart,
       guint        person)
{
  return person == LADDER_NONE ? NULL : ladder_chart_get_label (chart, person);
}

/* The role as a finding names it: the title for a role shown by title
 * ("other"), the display name, else the id as written. */
static const char *
role_label (Comparison  *c,
            LadderChart *chart,
            guint        person)
{
  const char *id = ladder_chart_get_role (chart, person);
  const LadderRole *role = ladder_catalogue_lookup_role (c->catalogue, id);

  if (role == NULL)
    return id;
  if (role->title_as_label && ladder_chart_get_person_title (chart, person) != NULL)
    return ladder_chart_get_person_title (chart, person);
  return role->name;
}

static const char *
role_name (Comparison *c,
           const char *id)
{
  const LadderRole *role = ladder_catalogue_lookup_role (c->catalogue, id);

  return role != NULL ? role->name : id;
}

/* "; " between the parts of one change. */
static void
begin_part (GString *text,
            gsize    start)
{
  if (text->len > start)
    g_string_append (text, "; ");
}

/* `WHAT "old" -> "new"`, unset values as none. */
static void
append_text_change (GString    *text,
                    gsize       start,
                    const char *format,
                    const char *old_value,
                    const char *new_value)
{
  g_autofree char *old_quoted = old_value ? g_strdup_printf ("\"%s\"", old_value) : g_strdup (_("none"));
  g_autofree char *new_quoted = new_value ? g_strdup_printf ("\"%s\"", new_value) : g_strdup (_("none"));

  begin_part (text, start);
  g_string_append_printf (text, format, old_quoted, new_quoted);
}

static LadderDiffChange *
add_change (Comparison     *c,
            LadderDiffKind  kind,
            gboolean        in_old,
            guint           person,
            guint           line,
            const char     *text)
{
  LadderDiffChange change = { kind, in_old, person, line, NULL, 0, NULL };

  change.text = g_string_chunk_insert (c->diff->texts, text);
  g_array_append_val (c->diff->changes, change);
  c->diff->counts[kind]++;
  return &g_array_index (c->diff->changes, LadderDiffChange, c->diff->changes->len - 1);
}

/* ---- the chart ---- */

static const char *
layout_name (LadderLayoutKind layout)
{
  return layout == LADDER_LAYOUT_COMPACT ? "compact" : "tree";
}

static void
compare_chart (Comparison *c)
{
  LadderChart *o = c->old_chart, *n = c->new_chart;
  GString *text = c->text;
  LadderDiffFields fields = 0;
  gint64 old_employees = ladder_chart_get_employees (o);
  gint64 new_employees = ladder_chart_get_employees (n);
  LadderDiffChange *change;

  g_string_truncate (text, 0);
  if (g_strcmp0 (ladder_chart_get_title (o), ladder_chart_get_title (n)) != 0)
    {
      /* TRANSLATORS: --diff, the chart's title changed: title "Acme" -> "Acme product" */
      append_text_change (text, 0, _("title %s -> %s"),
                          ladder_chart_get_title (o), ladder_chart_get_title (n));
      fields |= LADDER_DIFF_FIELD_CHART_TITLE;
    }
  if (old_employees != new_employees)
    {
      g_autofree char *from = old_employees < 0 ? g_strdup (_("none"))
                                                : g_strdup_printf ("%" G_GINT64_FORMAT, old_employees);
      g_autofree char *to = new_employees < 0 ? g_strdup (_("none"))
                                              : g_strdup_printf ("%" G_GINT64_FORMAT, new_employees);

      begin_part (text, 0);
      /* TRANSLATORS: --diff, the company head count changed: employees 1200 -> 1500 */
      g_string_append_printf (text, _("employees %s -> %s"), from, to);
      fields |= LADDER_DIFF_FIELD_CHART_EMPLOYEES;
    }
  if (ladder_chart_get_layout (o) != ladder_chart_get_layout (n))
    {
      begin_part (text, 0);
      /* TRANSLATORS: --diff; tree and compact are the file's words, not translated */
      g_string_append_printf (text, _("layout %s -> %s"),
                              layout_name (ladder_chart_get_layout (o)),
                              layout_name (ladder_chart_get_layout (n)));
      fields |= LADDER_DIFF_FIELD_CHART_LAYOUT;
    }
  if (fields == 0)
    return;

  {
    /* TRANSLATORS: --diff, what changed on the chart itself */
    g_autofree char *line = g_strdup_printf (_("chart: %s"), text->str);

    change = add_change (c, LADDER_DIFF_CHART, FALSE, LADDER_NONE,
                                              ladder_chart_get_chart_line (n), line);
    change->fields = fields;
    c->diff->counts[LADDER_DIFF_CHANGED]++;
  }
}

/* ---- people ---- */

/* TRUE when @person of @chart has a dotted line to someone with @id. */
static gboolean
has_dotted_to (LadderChart *chart,
               guint        person,
               const char  *id)
{
  guint n;
  const guint *to = ladder_chart_get_dotted_lines (chart, person, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (ladder_chart_get_id (chart, to[i]), id) == 0)
      return TRUE;
  return FALSE;
}

/* The dotted lines of @person in @chart that @other_person in @other
 * lacks, each as one part made with @format. */
static void
append_dotted_changes (GString     *text,
                       gsize        start,
                       LadderChart *chart,
                       guint        person,
                       LadderChart *other,
                       guint        other_person,
                       const char  *format)
{
  guint n;
  const guint *to = ladder_chart_get_dotted_lines (chart, person, &n);

  for (guint i = 0; i < n; i++)
    if (!has_dotted_to (other, other_person, ladder_chart_get_id (chart, to[i])))
      {
        begin_part (text, start);
        g_string_append_printf (text, format, label (chart, to[i]));
      }
}

static LadderDiffFields
describe_fields (Comparison *c,
                 guint       o,
                 guint       n,
                 GString    *text)
{
  LadderChart *oc = c->old_chart, *nc = c->new_chart;
  LadderDiffFields fields = 0;
  gsize start = text->len;
  const char *old_note = ladder_chart_get_note (oc, o);
  const char *new_note = ladder_chart_get_note (nc, n);
  gsize before_dotted;

  if (g_strcmp0 (ladder_chart_get_name (oc, o), ladder_chart_get_name (nc, n)) != 0)
    {
      /* TRANSLATORS: --diff: name "Dev" -> "Dev Roy" */
      append_text_change (text, start, _("name %s -> %s"),
                          ladder_chart_get_name (oc, o), ladder_chart_get_name (nc, n));
      fields |= LADDER_DIFF_FIELD_NAME;
    }
  if (strcmp (ladder_chart_get_role (oc, o), ladder_chart_get_role (nc, n)) != 0)
    {
      begin_part (text, start);
      /* TRANSLATORS: --diff: role Product Manager -> Senior Product Manager */
      g_string_append_printf (text, _("role %s -> %s"),
                              role_name (c, ladder_chart_get_role (oc, o)),
                              role_name (c, ladder_chart_get_role (nc, n)));
      fields |= LADDER_DIFF_FIELD_ROLE;
    }
  if (g_strcmp0 (ladder_chart_get_person_title (oc, o), ladder_chart_get_person_title (nc, n)) != 0)
    {
      /* TRANSLATORS: --diff: title "PM" -> "Senior PM" */
      append_text_change (text, start, _("title %s -> %s"),
                          ladder_chart_get_person_title (oc, o),
                          ladder_chart_get_person_title (nc, n));
      fields |= LADDER_DIFF_FIELD_TITLE;
    }
  if (ladder_chart_get_vacant (oc, o) != ladder_chart_get_vacant (nc, n))
    {
      begin_part (text, start);
      g_string_append (text, ladder_chart_get_vacant (nc, n) ? _("now vacant") : _("filled (was vacant)"));
      fields |= LADDER_DIFF_FIELD_VACANT;
    }
  if (ladder_chart_get_assistant (oc, o) != ladder_chart_get_assistant (nc, n))
    {
      begin_part (text, start);
      g_string_append (text, ladder_chart_get_assistant (nc, n) ? _("now an assistant")
                                                                : _("no longer an assistant"));
      fields |= LADDER_DIFF_FIELD_ASSISTANT;
    }
  before_dotted = text->len;
  /* TRANSLATORS: --diff: dotted line to Ada Obi added */
  append_dotted_changes (text, start, nc, n, oc, o, _("dotted line to %s added"));
  /* TRANSLATORS: --diff: dotted line to Ada Obi removed */
  append_dotted_changes (text, start, oc, o, nc, n, _("dotted line to %s removed"));
  if (text->len > before_dotted)
    fields |= LADDER_DIFF_FIELD_DOTTED;
  if (g_strcmp0 (old_note, new_note) != 0)
    {
      begin_part (text, start);
      g_string_append (text, old_note == NULL ? _("note added")
                             : new_note == NULL ? _("note removed") : _("note changed"));
      fields |= LADDER_DIFF_FIELD_NOTE;
    }
  return fields;
}

static const char *
manager_id (LadderChart *chart,
            guint        person)
{
  guint m = ladder_chart_get_manager (chart, person);

  return m == LADDER_NONE ? NULL : ladder_chart_get_id (chart, m);
}

static void
compare_person (Comparison *c,
                guint       n)
{
  LadderChart *oc = c->old_chart, *nc = c->new_chart;
  guint o = ladder_chart_lookup (oc, ladder_chart_get_id (nc, n));
  guint line = ladder_chart_get_line (nc, n);
  guint new_manager = ladder_chart_get_manager (nc, n);
  GString *text = c->text;
  LadderDiffFields fields;

  g_string_truncate (text, 0);
  if (o == LADDER_NONE)
    {
      if (new_manager == LADDER_NONE)
        /* TRANSLATORS: --diff: Tia Ray (CEO) at the top */
        g_string_printf (text, _("%s (%s) at the top"), label (nc, n), role_label (c, nc, n));
      else
        /* TRANSLATORS: --diff: Sam Lee (Senior Product Manager) under Ada Obi */
        g_string_printf (text, _("%s (%s) under %s"), label (nc, n), role_label (c, nc, n),
                         label (nc, new_manager));
      add_change (c, LADDER_DIFF_ADDED, FALSE, n, line, text->str);
      c->diff->flags[n] |= LADDER_DIFF_PERSON_ADDED;
      return;
    }

  if (g_strcmp0 (manager_id (oc, o), manager_id (nc, n)) != 0)
    {
      guint old_manager = ladder_chart_get_manager (oc, o);

      if (old_manager == LADDER_NONE)
        /* TRANSLATORS: --diff: Chen Li (Senior Product Manager) from the top to Ben Cruz */
        g_string_printf (text, _("%s (%s) from the top to %s"), label (nc, n),
                         role_label (c, nc, n), label (nc, new_manager));
      else if (new_manager == LADDER_NONE)
        /* TRANSLATORS: --diff: Chen Li (Senior Product Manager) from Ada Obi to the top */
        g_string_printf (text, _("%s (%s) from %s to the top"), label (nc, n),
                         role_label (c, nc, n), label (oc, old_manager));
      else
        /* TRANSLATORS: --diff: Chen Li (Senior Product Manager) from Ada Obi to Ben Cruz */
        g_string_printf (text, _("%s (%s) from %s to %s"), label (nc, n), role_label (c, nc, n),
                         label (oc, old_manager), label (nc, new_manager));
      add_change (c, LADDER_DIFF_MOVED, FALSE, n, line, text->str);
      c->diff->flags[n] |= LADDER_DIFF_PERSON_MOVED;
    }

  g_string_printf (text, "%s: ", label (nc, n));
  fields = describe_fields (c, o, n, text);
  if (fields != 0)
    {
      LadderDiffChange *change;

      change = add_change (c, LADDER_DIFF_CHANGED, FALSE, n, line, text->str);
      change->fields = fields;
      c->diff->flags[n] |= LADDER_DIFF_PERSON_CHANGED;
    }
}

static void
describe_removed (Comparison *c,
                  guint       o)
{
  LadderChart *oc = c->old_chart;
  guint manager = ladder_chart_get_manager (oc, o);

  if (manager == LADDER_NONE)
    /* TRANSLATORS: --diff: Bo Kim (Product Manager), who was at the top */
    g_string_printf (c->text, _("%s (%s), who was at the top"), label (oc, o), role_label (c, oc, o));
  else
    /* TRANSLATORS: --diff: Bo Kim (Product Manager), who reported to Ada Obi */
    g_string_printf (c->text, _("%s (%s), who reported to %s"), label (oc, o), role_label (c, oc, o),
                     label (oc, manager));
  add_change (c, LADDER_DIFF_REMOVED, TRUE, o, ladder_chart_get_line (oc, o), c->text->str);
}

/* ---- line order ---- */

typedef struct {
  guint line;
  guint rank;
  guint person;
} Placed;

static int
compare_placed (const void *a,
                const void *b)
{
  const Placed *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->rank < pb->rank ? -1 : pa->rank > pb->rank;
}

/* The living people of @chart in line order.  A person with no line (made
 * in the window) goes after the one before it in chart order. */
static guint *
people_by_line (LadderChart *chart,
                guint       *n_people)
{
  guint n = ladder_chart_get_n_people (chart);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree Placed *placed = g_new (Placed, MAX (n, 1));
  guint *out;
  guint line = 0;

  n = ladder_chart_preorder (chart, order, FALSE);
  for (guint i = 0; i < n; i++)
    {
      if (ladder_chart_get_line (chart, order[i]) > 0)
        line = ladder_chart_get_line (chart, order[i]);
      placed[i] = (Placed) { line, i, order[i] };
    }
  /* A file Ladder saved is in chart order already. */
  for (guint i = 1; i < n; i++)
    if (compare_placed (&placed[i - 1], &placed[i]) > 0)
      {
        qsort (placed, n, sizeof (Placed), compare_placed);
        break;
      }
  out = g_steal_pointer (&order);
  for (guint i = 0; i < n; i++)
    out[i] = placed[i].person;
  *n_people = n;
  return out;
}

/* ---- findings ---- */

static char *
finding_key (LadderChart         *chart,
             const LadderFinding *finding)
{
  return g_strconcat (ladder_rule_get_id (finding->rule), "\n",
                      finding->person == LADDER_NONE ? "" : ladder_chart_get_id (chart, finding->person),
                      NULL);
}

/* How many findings of @findings there are per rule and person. */
static GHashTable *
count_findings (LadderChart    *chart,
                LadderFindings *findings)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      char *key = finding_key (chart, ladder_findings_get (findings, i));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_replace (counts, key, GUINT_TO_POINTER (count + 1));
    }
  return counts;
}

/* Adds each finding of @findings (in @chart) that @other_counts lacks. */
static void
add_unmatched_findings (Comparison     *c,
                        LadderChart    *chart,
                        LadderFindings *findings,
                        GHashTable     *other_counts,
                        LadderDiffKind  kind)
{
  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);
      g_autofree char *key = finding_key (chart, finding);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (other_counts, key));
      guint line = finding->person == LADDER_NONE ? 0 : ladder_chart_get_line (chart, finding->person);
      LadderDiffChange *change;

      if (count > 0)
        {
          g_hash_table_insert (other_counts, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));
          continue;
        }
      change = add_change (c, kind, kind == LADDER_DIFF_FIXED_FINDING,
                                                finding->person, line, finding->message);
      change->finding = finding;
      if (kind == LADDER_DIFF_NEW_FINDING && finding->severity == LADDER_SEVERITY_ERROR)
        c->diff->new_errors = TRUE;
    }
}

static void
compare_findings (Comparison     *c,
                  LadderFindings *old_findings,
                  LadderFindings *new_findings)
{
  g_autoptr(GHashTable) old_counts = count_findings (c->old_chart, old_findings);
  g_autoptr(GHashTable) new_counts = count_findings (c->new_chart, new_findings);

  add_unmatched_findings (c, c->new_chart, new_findings, old_counts, LADDER_DIFF_NEW_FINDING);
  add_unmatched_findings (c, c->old_chart, old_findings, new_counts, LADDER_DIFF_FIXED_FINDING);
}

/* ---- the whole ---- */

LadderDiff *
ladder_diff_new (LadderChart     *old_chart,
                 LadderFindings  *old_findings,
                 LadderChart     *new_chart,
                 LadderFindings  *new_findings,
                 LadderCatalogue *catalogue)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Comparison c = { old_chart, new_chart, catalogue, NULL, text };
  g_autofree guint *order = NULL;
  guint n;

  g_return_val_if_fail (LADDER_IS_CHART (old_chart), NULL);
  g_return_val_if_fail (LADDER_IS_CHART (new_chart), NULL);
  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);

  c.diff = g_new0 (LadderDiff, 1);
  c.diff->changes = g_array_new (FALSE, FALSE, sizeof (LadderDiffChange));
  c.diff->texts = g_string_chunk_new (4096);
  c.diff->new_capacity = ladder_chart_get_capacity (new_chart);
  c.diff->flags = g_new0 (guint8, MAX (c.diff->new_capacity, 1));

  compare_chart (&c);
  order = people_by_line (new_chart, &n);
  for (guint i = 0; i < n; i++)
    compare_person (&c, order[i]);
  g_free (order);
  order = people_by_line (old_chart, &n);
  for (guint i = 0; i < n; i++)
    if (ladder_chart_lookup (new_chart, ladder_chart_get_id (old_chart, order[i])) == LADDER_NONE)
      describe_removed (&c, order[i]);
  if (old_findings != NULL && new_findings != NULL)
    compare_findings (&c, old_findings, new_findings);
  return c.diff;
}

void
ladder_diff_free (LadderDiff *diff)
{
  if (diff == NULL)
    return;
  g_array_unref (diff->changes);
  g_string_chunk_free (diff->texts);
  g_free (diff->flags);
  g_free (diff);
}

guint
ladder_diff_get_n_changes (LadderDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->changes->len;
}

const LadderDiffChange *
ladder_diff_get_change (LadderDiff *diff,
                        guint       index)
{
  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (index < diff->changes->len, NULL);
  return &g_array_index (diff->changes, LadderDiffChange, index);
}

guint
ladder_diff_count (LadderDiff     *diff,
                   LadderDiffKind  kind)
{
  g_return_val_if_fail (diff != NULL, 0);
  g_return_val_if_fail (kind <= LADDER_DIFF_FIXED_FINDING, 0);
  return diff->counts[kind];
}

gboolean
ladder_diff_has_new_errors (LadderDiff *diff)
{
  g_return_val_if_fail (diff != NULL, FALSE);
  return diff->new_errors;
}

LadderDiffPersonFlags
ladder_diff_get_person_flags (LadderDiff *diff,
                              guint       new_person)
{
  g_return_val_if_fail (diff != NULL, 0);
  return new_person < diff->new_capacity ? diff->flags[new_person] : 0;
}

static const char *
kind_word (LadderDiffKind kind)
{
  switch (kind)
    {
    case LADDER_DIFF_ADDED:   return "added";
    case LADDER_DIFF_MOVED:   return "moved";
    case LADDER_DIFF_REMOVED: return "removed";
    case LADDER_DIFF_CHART:
    case LADDER_DIFF_CHANGED:
    case LADDER_DIFF_NEW_FINDING:
    case LADDER_DIFF_FIXED_FINDING:
    default:                  return "changed";
    }
}

char *
ladder_diff_format_change (LadderDiff *diff,
                           guint       index,
                           const char *old_name,
                           const char *new_name)
{
  const LadderDiffChange *change;
  GString *out;

  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (index < diff->changes->len, NULL);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, NULL);

  change = ladder_diff_get_change (diff, index);
  out = g_string_new (change->in_old ? old_name : new_name);
  if (change->line > 0)
    g_string_append_printf (out, ":%u", change->line);
  /* The words before and after the text are not translated: editors and
   * CI read them, as the lines of --validate. */
  if (change->finding != NULL)
    g_string_append_printf (out, ": %s: %s [%s] (%s)",
                            ladder_severity_to_string (change->finding->severity), change->text,
                            ladder_rule_get_id (change->finding->rule),
                            change->kind == LADDER_DIFF_NEW_FINDING ? "new" : "fixed");
  else
    g_string_append_printf (out, ": %s: %s", kind_word (change->kind), change->text);
  return g_string_free (out, FALSE);
}

char *
ladder_diff_format_summary (LadderDiff *diff,
                            const char *old_name,
                            const char *new_name)
{
  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, NULL);

  /* TRANSLATORS: the last line of --diff: "old.ladder -> new.ladder: 2 added,
   * 1 removed, 1 moved, 3 changed; findings: 1 new, 1 fixed" */
  return g_strdup_printf (_("%s -> %s: %u added, %u removed, %u moved, %u changed; "
                            "findings: %u new, %u fixed"),
                          old_name, new_name,
                          diff->counts[LADDER_DIFF_ADDED], diff->counts[LADDER_DIFF_REMOVED],
                          diff->counts[LADDER_DIFF_MOVED], diff->counts[LADDER_DIFF_CHANGED],
                          diff->counts[LADDER_DIFF_NEW_FINDING],
                          diff->counts[LADDER_DIFF_FIXED_FINDING]);
}
