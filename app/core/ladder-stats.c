/* ladder-stats.c — the shape of the organisation (see ladder-stats.h)
 *
 * One pre-order walk gives every level (a manager comes before its
 * reports); the same walk backwards adds up the total reports.  The
 * people behind each figure are grouped by a counting sort over the
 * pre-order, so every group keeps chart order and the whole costs a few
 * arrays of the chart's size.
 */
#include "config.h"

#include "ladder-stats.h"
#include "ladder-chart-private.h"

#include <stdlib.h>
#include <string.h>

/* People grouped by a key 0 .. n_keys-1: the members of key k are
 * members[offsets[k] .. offsets[k + 1]). */
typedef struct {
  guint  n_keys;
  guint *offsets;
  guint *members;
} Groups;

struct _LadderStats
{
  guint  capacity;
  guint  people;
  guint  vacancies;
  guint  roots;
  guint  layers;
  guint  managers;
  guint  span_min, span_max;
  guint  total_reports_of_managers;
  guint  findings[3];

  guint *level;          /* by slot */
  guint *total;          /* by slot */
  guint *direct;         /* by slot */

  Groups by_span;        /* key: direct reports, 0 .. span_max */
  Groups by_layer;       /* key: level - 1 */
  Groups by_role;        /* key: index in roles */
  GPtrArray *roles;      /* interned role ids, in the order shown */
};

guint
ladder_chart_count_levels (LadderChart *chart,
                           guint       *levels)
{
  LadderPersonRecord *records;
  guint n_alive, deepest = 0;
  guint p;

  g_return_val_if_fail (LADDER_IS_CHART (chart), 0);
  g_return_val_if_fail (levels != NULL || ladder_chart_get_capacity (chart) == 0, 0);

  records = ladder_chart_get_records (chart);
  n_alive = ladder_chart_get_n_people (chart);
  memset (levels, 0, sizeof (guint) * ladder_chart_get_capacity (chart));

  /* Pre-order without a buffer: down to the first report, else on to
   * the next sibling of the nearest ancestor that has one. */
  p = ladder_chart_get_first_root (chart);
  while (p != LADDER_NONE && n_alive > 0)
    {
      LadderPersonRecord *r = &records[p];

      levels[p] = r->manager == LADDER_NONE ? 1 : levels[r->manager] + 1;
      deepest = MAX (deepest, levels[p]);
      if (r->first_report != LADDER_NONE)
        {
          p = r->first_report;
          continue;
        }
      while (p != LADDER_NONE && records[p].next_sibling == LADDER_NONE)
        p = records[p].manager;
      if (p != LADDER_NONE)
        p = records[p].next_sibling;
    }
  return deepest;
}

/* Groups @order (n entries) by @key_of (indexed by person). */
static void
groups_build (Groups      *groups,
              guint        n_keys,
              const guint *order,
              guint        n,
              const guint *key_of)
{
  guint *next;

  groups->n_keys = n_keys;
  groups->offsets = g_new0 (guint, n_keys + 1);
  groups->members = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    groups->offsets[key_of[order[i]] + 1]++;
  for (guint k = 0; k < n_keys; k++)
    groups->offsets[k + 1] += groups->offsets[k];
  next = g_memdup2 (groups->offsets, sizeof (guint) * (n_keys + 1));
  for (guint i = 0; i < n; i++)
    groups->members[next[key_of[order[i]]]++] = order[i];
  g_free (next);
}

static void
groups_clear (Groups *groups)
{
  g_clear_pointer (&groups->offsets, g_free);
  g_clear_pointer (&groups->members, g_free);
}

static const guint *
groups_get (const Groups *groups,
            guint         key,
            guint        *n_people)
{
  guint n;

  if (key >= groups->n_keys)
    {
      *n_people = 0;
      return NULL;
    }
  n = groups->offsets[key + 1] - groups->offsets[key];
  *n_people = n;
  return n > 0 ? groups->members + groups->offsets[key] : NULL;
}

/* Rank of a role for ordering: its place in the catalogue, unknown ones
 * after every known one. */
static guint
role_rank (LadderCatalogue *catalogue,
           const char      *role)
{
  if (catalogue != NULL)
    for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
      if (strcmp (ladder_catalogue_get_role (catalogue, i)->id, role) == 0)
        return i;
  return G_MAXUINT;
}

static int
compare_roles (gconstpointer a,
               gconstpointer b,
               gpointer      catalogue)
{
  const char *role_a = *(const char * const *) a;
  const char *role_b = *(const char * const *) b;
  guint rank_a = role_rank (catalogue, role_a);
  guint rank_b = role_rank (catalogue, role_b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return strcmp (role_a, role_b);
}

/* Fills stats->roles, in catalogue order, and @role_key by slot. */
static void
index_roles (LadderStats     *stats,
             LadderChart     *chart,
             LadderCatalogue *catalogue,
             const guint     *order,
             guint            n,
             guint           *role_key)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* Roles are interned: the pointer is the role. */
  for (guint i = 0; i < n; i++)
    {
      const char *role = ladder_chart_get_role (chart, order[i]);

      if (!g_hash_table_contains (index, role))
        {
          g_hash_table_add (index, (gpointer) role);
          g_ptr_array_add (stats->roles, (gpointer) role);
        }
    }
  g_ptr_array_sort_with_data (stats->roles, compare_roles, catalogue);
  for (guint k = 0; k < stats->roles->len; k++)
    g_hash_table_insert (index, g_ptr_array_index (stats->roles, k), GUINT_TO_POINTER (k));
  for (guint i = 0; i < n; i++)
    role_key[order[i]] = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                             ladder_chart_get_role (chart, order[i])));
}

LadderStats *
ladder_stats_new (LadderChart     *chart,
                  LadderCatalogue *catalogue,
                  LadderFindings  *findings)
{
  LadderStats *stats;
  g_autofree guint *order = NULL;
  g_autofree guint *key = NULL;
  guint n;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (catalogue == NULL || LADDER_IS_CATALOGUE (catalogue), NULL);

  stats = g_new0 (LadderStats, 1);
  stats->capacity = ladder_chart_get_capacity (chart);
  stats->level = g_new0 (guint, MAX (stats->capacity, 1));
  stats->total = g_new0 (guint, MAX (stats->capacity, 1));
  stats->direct = g_new0 (guint, MAX (stats->capacity, 1));
  stats->roles = g_ptr_array_new ();
  stats->layers = ladder_chart_count_levels (chart, stats->level);

  order = g_new (guint, MAX (ladder_chart_get_n_people (chart), 1));
  n = ladder_chart_preorder (chart, order, FALSE);
  stats->people = n;
  stats->roots = ladder_chart_get_n_roots (chart);
  stats->span_min = G_MAXUINT;

  /* Backwards, every report comes before its manager. */
  for (guint i = n; i-- > 0;)
    {
      guint p = order[i];
      guint m = ladder_chart_get_manager (chart, p);

      if (m != LADDER_NONE)
        stats->total[m] += stats->total[p] + 1;
    }
  for (guint i = 0; i < n; i++)
    {
      guint p = order[i];
      guint span = ladder_chart_get_n_reports (chart, p);

      stats->direct[p] = span;
      if (ladder_chart_get_vacant (chart, p))
        stats->vacancies++;
      if (span > 0)
        {
          stats->managers++;
          stats->total_reports_of_managers += span;
          stats->span_min = MIN (stats->span_min, span);
          stats->span_max = MAX (stats->span_max, span);
        }
    }
  if (stats->managers == 0)
    stats->span_min = 0;

  groups_build (&stats->by_span, stats->span_max + 1, order, n, stats->direct);
  key = g_new0 (guint, MAX (stats->capacity, 1));
  for (guint i = 0; i < n; i++)
    key[order[i]] = stats->level[order[i]] - 1;
  groups_build (&stats->by_layer, stats->layers, order, n, key);
  index_roles (stats, chart, catalogue, order, n, key);
  groups_build (&stats->by_role, stats->roles->len, order, n, key);

  if (findings != NULL)
    for (LadderSeverity s = LADDER_SEVERITY_ERROR; s <= LADDER_SEVERITY_NOTE; s++)
      stats->findings[s] = ladder_findings_count (findings, s);
  return stats;
}

void
ladder_stats_free (LadderStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->level);
  g_free (stats->total);
  g_free (stats->direct);
  groups_clear (&stats->by_span);
  groups_clear (&stats->by_layer);
  groups_clear (&stats->by_role);
  g_ptr_array_unref (stats->roles);
  g_free (stats);
}

guint
ladder_stats_get_people (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->people;
}

guint
ladder_stats_get_vacancies (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->vacancies;
}

guint
ladder_stats_get_roots (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->roots;
}

guint
ladder_stats_get_layers (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->layers;
}

guint
ladder_stats_get_managers (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->managers;
}

/* The @k-th smallest span (0-based) among the managers. */
static guint
nth_span (LadderStats *stats,
          guint        k)
{
  guint seen = 0;

  for (guint span = 1; span <= stats->span_max; span++)
    {
      seen += ladder_stats_get_n_with_span (stats, span);
      if (k < seen)
        return span;
    }
  g_assert_not_reached ();
}

gboolean
ladder_stats_get_span (LadderStats       *stats,
                       LadderSpanSummary *summary)
{
  guint n;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  n = stats->managers;
  if (n == 0)
    return FALSE;
  summary->min = stats->span_min;
  summary->max = stats->span_max;
  summary->mean = (double) stats->total_reports_of_managers / n;
  if (n % 2 == 1)
    summary->median = nth_span (stats, n / 2);
  else
    summary->median = (nth_span (stats, n / 2 - 1) + (double) nth_span (stats, n / 2)) / 2;
  return TRUE;
}

guint
ladder_stats_get_n_with_span (LadderStats *stats,
                              guint        span)
{
  guint n;

  g_return_val_if_fail (stats != NULL, 0);
  if (span == 0)
    return 0;
  groups_get (&stats->by_span, span, &n);
  return n;
}

guint
ladder_stats_get_single_report_managers (LadderStats *stats)
{
  return ladder_stats_get_n_with_span (stats, 1);
}

guint
ladder_stats_get_n_in_layer (LadderStats *stats,
                             guint        level)
{
  guint n = 0;

  g_return_val_if_fail (stats != NULL, 0);
  ladder_stats_get_people_in_layer (stats, level, &n);
  return n;
}

guint
ladder_stats_get_findings (LadderStats    *stats,
                           LadderSeverity  severity)
{
  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (severity <= LADDER_SEVERITY_NOTE, 0);
  return stats->findings[severity];
}

guint
ladder_stats_get_n_roles (LadderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return stats->roles->len;
}

const char *
ladder_stats_get_role (LadderStats *stats,
                       guint        index)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (index < stats->roles->len, NULL);
  return g_ptr_array_index (stats->roles, index);
}

guint
ladder_stats_get_role_count (LadderStats *stats,
                             guint        index)
{
  guint n = 0;

  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (index < stats->roles->len, 0);
  groups_get (&stats->by_role, index, &n);
  return n;
}

const guint *
ladder_stats_get_people_with_span (LadderStats *stats,
                                   guint        span,
                                   guint       *n_people)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (n_people != NULL, NULL);
  return groups_get (&stats->by_span, span, n_people);
}

const guint *
ladder_stats_get_people_in_layer (LadderStats *stats,
                                  guint        level,
                                  guint       *n_people)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (n_people != NULL, NULL);
  if (level == 0)
    {
      *n_people = 0;
      return NULL;
    }
  return groups_get (&stats->by_layer, level - 1, n_people);
}

const guint *
ladder_stats_get_people_with_role (LadderStats *stats,
                                   guint        index,
                                   guint       *n_people)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (n_people != NULL, NULL);
  return groups_get (&stats->by_role, index, n_people);
}

guint
ladder_stats_get_level (LadderStats *stats,
                        guint        person)
{
  g_return_val_if_fail (stats != NULL, 0);
  return person < stats->capacity ? stats->level[person] : 0;
}

guint
ladder_stats_get_direct_reports (LadderStats *stats,
                                 guint        person)
{
  g_return_val_if_fail (stats != NULL, 0);
  return person < stats->capacity ? stats->direct[person] : 0;
}

guint
ladder_stats_get_total_reports (LadderStats *stats,
                                guint        person)
{
  g_return_val_if_fail (stats != NULL, 0);
  return person < stats->capacity ? stats->total[person] : 0;
}

/* ---- JSON ---- */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_printf (out, "\\%c", *c);
      else if ((guchar) *c < 0x20 || *c == 0x7f)
        g_string_append_printf (out, "\\u%04x", (guchar) *c);
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as @value: 1.5, 2, 2.3333333333333335. */
static void
append_json_number (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

char *
ladder_stats_to_json (LadderStats *stats)
{
  GString *out;
  LadderSpanSummary span;
  gboolean first = TRUE;

  g_return_val_if_fail (stats != NULL, NULL);

  out = g_string_new ("{\n");
  g_string_append_printf (out,
                          "  \"people\": %u,\n"
                          "  \"vacancies\": %u,\n"
                          "  \"roots\": %u,\n"
                          "  \"layers\": %u,\n"
                          "  \"managers\": %u,\n",
                          stats->people, stats->vacancies, stats->roots, stats->layers,
                          stats->managers);
  if (ladder_stats_get_span (stats, &span))
    {
      g_string_append_printf (out, "  \"span\": {\"min\": %u, \"median\": ", span.min);
      append_json_number (out, span.median);
      g_string_append_printf (out, ", \"max\": %u, \"mean\": ", span.max);
      append_json_number (out, span.mean);
    }
  else
    g_string_append (out, "  \"span\": {\"min\": null, \"median\": null, \"max\": null, \"mean\": null");
  g_string_append (out, ", \"histogram\": {");
  for (guint n = 1; n <= stats->span_max; n++)
    if (ladder_stats_get_n_with_span (stats, n) > 0)
      {
        g_string_append_printf (out, "%s\"%u\": %u", first ? "" : ", ", n,
                                ladder_stats_get_n_with_span (stats, n));
        first = FALSE;
      }
  g_string_append (out, "}},\n");
  g_string_append_printf (out, "  \"single_report_managers\": %u,\n",
                          ladder_stats_get_single_report_managers (stats));

  g_string_append (out, "  \"by_role\": {");
  for (guint k = 0; k < stats->roles->len; k++)
    {
      g_string_append (out, k > 0 ? ", " : "");
      append_json_string (out, g_ptr_array_index (stats->roles, k));
      g_string_append_printf (out, ": %u", ladder_stats_get_role_count (stats, k));
    }
  g_string_append (out, "},\n  \"by_layer\": [");
  for (guint level = 1; level <= stats->layers; level++)
    g_string_append_printf (out, "%s%u", level > 1 ? ", " : "",
                            ladder_stats_get_n_in_layer (stats, level));
  g_string_append_printf (out, "],\n"
                          "  \"findings\": {\"errors\": %u, \"warnings\": %u, \"notes\": %u}\n"
                          "}\n",
                          stats->findings[LADDER_SEVERITY_ERROR],
                          stats->findings[LADDER_SEVERITY_WARNING],
                          stats->findings[LADDER_SEVERITY_NOTE]);
  return g_string_free (out, FALSE);
}
