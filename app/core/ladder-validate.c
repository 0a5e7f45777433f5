/* ladder-validate.c — checking a chart against a catalogue's rules
 *
 * One pass per concern, each linear, none recursive: roles are resolved
 * once per person, ancestor facts flow down the pre-order, descendant
 * facts flow up the reversed pre-order, and then every person is checked
 * against every rule that has them as subject.  The semantics of each
 * check kind are in docs/RULES-FORMAT.md.
 *
 * The passes read a copy of what they need from the records, made in one
 * pass first (gather_records), so that the document can run them on a
 * worker while the chart goes on changing (ladder_check_*).
 */
#include "config.h"

#include "ladder-validate.h"
#include "ladder-catalogue-private.h"
#include "ladder-chart-private.h"
#include "ladder-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _LadderFindings
{
  gatomicrefcount ref_count; /* views hold findings while the document revalidates */
  GArray *findings;          /* LadderFinding, sorted */
  /* The messages, in one arena: a chart with a finding on everyone would
   * otherwise cost a malloc (and fresh pages) per finding. */
  GStringChunk *messages;
  guint   counts[3];         /* by severity */
  guint   capacity;          /* slots of the chart when validated */
  gint8  *worst;             /* per slot: worst severity, -1 for none */
  gint8  *line_worst;        /* per slot: worst severity against the reporting line */
};

/* What the checks need to know, computed once per validation.  Three
 * steps (ladder-validate.h): gathering reads the chart, on its thread;
 * running reads only what was gathered, on any thread; finishing writes
 * the messages, on the chart's thread again, with the chart as it was
 * gathered. */
struct _LadderCheck {
  LadderChart     *chart;
  LadderCatalogue *catalogue;
  const char      *unnamed;     /* a person with no name, or NULL: the id */
  const LadderRule **rules;
  guint            n_rules;
  guint            capacity;
  guint            n_roles;    /* also the index of "unknown role" */
  int             *level;      /* per role: its rung on the ladder */
  /* Per slot, copied from the records: what the rules read, packed for
   * the passes in pre-order, which jump around. */
  guint           *role;       /* role index */
  guint           *manager;
  guint           *first_report;
  guint           *next_sibling;
  guint           *n_reports;
  guint           *line;
  guint8          *flags;      /* PERSON_ALIVE, PERSON_VACANT */
  guint            first_root;
  gint64           employees;
  guint           *order;      /* alive people in pre-order */
  guint            n_order;
  gpointer        *facts;      /* per rule: an ancestor or descendant array, or NULL */
  guint           *first;      /* per rule: first subject seen (at-most-one) */
  GString         *scratch;    /* a message being formatted */
  LadderFindings  *out;
  gboolean         ran;
};

typedef LadderCheck Validation;

enum {
  PERSON_ALIVE  = 1 << 0,
  PERSON_VACANT = 1 << 1,
};

static void
gather_records (Validation *v)
{
  g_autoptr(GHashTable) cache = g_hash_table_new (NULL, NULL);
  const LadderPersonRecord *records = ladder_chart_get_records (v->chart);
  const char *last = NULL;
  guint last_index = v->n_roles;

  /* Role strings are interned by the chart, so the pointer is the key and
   * each distinct role is looked up by name only once. */
  for (guint p = 0; p < v->capacity; p++)
    {
      const LadderPersonRecord *r = &records[p];
      gpointer hit;

      v->manager[p] = r->manager;
      v->first_report[p] = r->first_report;
      v->next_sibling[p] = r->next_sibling;
      v->n_reports[p] = r->n_reports;
      v->line[p] = r->line;
      v->flags[p] = (r->alive ? PERSON_ALIVE : 0) | (r->vacant ? PERSON_VACANT : 0);
      if (!r->alive)
        continue;
      if (r->role != last)
        {
          last = r->role;
          hit = g_hash_table_lookup (cache, last);
          if (hit == NULL)
            {
              last_index = ladder_catalogue_lookup_role_index (v->catalogue, last);
              g_hash_table_insert (cache, (gpointer) last, GUINT_TO_POINTER (last_index + 1));
            }
          else
            last_index = GPOINTER_TO_UINT (hit) - 1;
        }
      v->role[p] = last_index;
    }
  v->first_root = ladder_chart_get_first_root (v->chart);
  v->employees = ladder_chart_get_employees (v->chart);
}

/* The people in pre-order (ladder_chart_preorder()), from what was
 * gathered: down to the first report, else on to the next sibling of
 * the nearest ancestor that has one. */
static void
gathered_preorder (Validation *v)
{
  guint p = v->first_root;

  v->n_order = 0;
  while (p != LADDER_NONE)
    {
      v->order[v->n_order++] = p;
      if (v->first_report[p] != LADDER_NONE)
        {
          p = v->first_report[p];
          continue;
        }
      while (p != LADDER_NONE && v->next_sibling[p] == LADDER_NONE)
        p = v->manager[p];
      if (p != LADDER_NONE)
        p = v->next_sibling[p];
    }
}

/* nearest[p]: the closest person strictly above p whose role is in @roles,
 * or LADDER_NONE.  Managers come before their reports in pre-order. */
static guint *
nearest_ancestor (Validation   *v,
                  const guint8 *roles)
{
  guint *nearest = g_new (guint, v->capacity);

  for (guint i = 0; i < v->n_order; i++)
    {
      guint p = v->order[i];
      guint m = v->manager[p];

      if (m == LADDER_NONE)
        nearest[p] = LADDER_NONE;
      else
        nearest[p] = roles[v->role[m]] ? m : nearest[m];
    }
  return nearest;
}

/* below[p]: someone at any depth under p has a role in @roles.  Reports
 * come after their managers in pre-order, so walking it backwards settles
 * every report before its manager. */
static guint8 *
descendant_has_role (Validation   *v,
                     const guint8 *roles)
{
  guint8 *below = g_new0 (guint8, v->capacity);

  for (guint i = v->n_order; i-- > 0;)
    {
      guint p = v->order[i];
      guint m = v->manager[p];

      if (m != LADDER_NONE && (below[p] || roles[v->role[p]]))
        below[m] = 1;
    }
  return below;
}

/* For layers (SPEC.md "Statistics": roots are level 1, assistants sit
 * one level below their manager like any report).  With subjects:
 * layers[p], the levels from p down to the deepest person below it,
 * settled reports first over the reversed pre-order.  Without: the
 * chart's levels and the first deepest person in pre-order, in a
 * LayersOfChart. */
typedef struct {
  guint deepest;
  guint layers;
} LayersOfChart;

static guint *
layers_below (Validation *v)
{
  guint *layers = g_new (guint, v->capacity);

  for (guint i = 0; i < v->n_order; i++)
    layers[v->order[i]] = 1;
  for (guint i = v->n_order; i-- > 0;)
    {
      guint p = v->order[i];
      guint m = v->manager[p];

      if (m != LADDER_NONE)
        layers[m] = MAX (layers[m], layers[p] + 1);
    }
  return layers;
}

static LayersOfChart *
layers_of_chart (Validation *v)
{
  LayersOfChart *chart = g_new0 (LayersOfChart, 1);
  guint *level = g_new (guint, MAX (v->capacity, 1));

  /* Counted as --stats counts them (ladder_chart_count_levels()): roots
   * are level 1, the first deepest person in pre-order is the subject. */
  chart->deepest = LADDER_NONE;
  for (guint i = 0; i < v->n_order; i++)
    {
      guint p = v->order[i];
      guint m = v->manager[p];

      level[p] = m == LADDER_NONE ? 1 : level[m] + 1;
      if (level[p] > chart->layers)
        {
          chart->layers = level[p];
          chart->deepest = p;
        }
    }
  g_free (level);
  return chart;
}

/* {span}, {min}, {max} and {layers}: the counting kinds' placeholders. */
static gboolean
append_count (Validation       *v,
              const LadderRule *rule,
              guint             person,
              const char       *name,
              gsize             len,
              GString          *text)
{
#define IS(hole) (len == strlen (hole) && strncmp (name, hole, len) == 0)
  if (IS ("span"))
    g_string_append_printf (text, "%u", v->n_reports[person]);
  else if (IS ("min") && rule->min >= 0)
    g_string_append_printf (text, "%" G_GINT64_FORMAT, rule->min);
  else if (IS ("max") && rule->max >= 0)
    g_string_append_printf (text, "%" G_GINT64_FORMAT, rule->max);
  else if (IS ("layers") && rule->check == LADDER_CHECK_LAYERS && rule->whole_chart)
    g_string_append_printf (text, "%u", ((const LayersOfChart *) v->facts[rule->index])->layers);
  else if (IS ("layers") && rule->check == LADDER_CHECK_LAYERS)
    g_string_append_printf (text, "%u", ((const guint *) v->facts[rule->index])[person]);
  else
    return FALSE;
  return TRUE;
#undef IS
}

static const char *
role_label (Validation *v,
            guint       person)
{
  guint index = v->role[person];
  const LadderRole *role;

  if (index == v->n_roles)
    return ladder_chart_get_role (v->chart, person);
  role = ladder_catalogue_get_role (v->catalogue, index);
  if (role->title_as_label && ladder_chart_get_person_title (v->chart, person))
    return ladder_chart_get_person_title (v->chart, person);
  return role->name;
}

/* The name, else (for the window) "Unnamed", else the id. */
static const char *
person_label (Validation *v,
              guint       person)
{
  const char *name = ladder_chart_get_name (v->chart, person);

  if (v->unnamed != NULL && (name == NULL || *name == '\0'))
    return v->unnamed;
  return ladder_chart_get_label (v->chart, person);
}

/* Fills the message template of @rule.  The catalogue has checked that
 * every placeholder is one this rule's check can fill.  A message stops
 * at LADDER_TEXT_MESSAGE_MAX characters: a rules file repeating {person}
 * a few hundred thousand times would otherwise ask for gigabytes. */
static char *
format_message (Validation       *v,
                const LadderRule *rule,
                guint             person,
                guint             other)
{
  GString *text = v->scratch;
  const char *p = rule->message;

  g_string_truncate (text, 0);

  /* A character takes at most four bytes. */
  while (*p && text->len <= 4 * LADDER_TEXT_MESSAGE_MAX)
    {
      const char *open = strchr (p, '{');
      const char *close;
      gsize len;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (text, p);
          break;
        }
      g_string_append_len (text, p, open - p);
      len = close - open - 1;

#define IS(name) (len == strlen (name) && strncmp (open + 1, name, len) == 0)
      if (IS ("person"))
        g_string_append (text, person_label (v, person));
      else if (IS ("role"))
        g_string_append (text, role_label (v, person));
      else if (IS ("manager") && other != LADDER_NONE)
        g_string_append (text, person_label (v, other));
      else if (IS ("manager-role") && other != LADDER_NONE)
        g_string_append (text, role_label (v, other));
      else if (IS ("first") && v->first[rule->index] != LADDER_NONE)
        g_string_append (text, person_label (v, v->first[rule->index]));
      else if (IS ("employees"))
        g_string_append_printf (text, "%" G_GINT64_FORMAT, v->employees);
      else if (append_count (v, rule, person, open + 1, len, text))
        ;
      else
        g_string_append_len (text, open, close - open + 1);
#undef IS
      p = close + 1;
    }
  if (text->len > LADDER_TEXT_MESSAGE_MAX && g_utf8_strlen (text->str, -1) > LADDER_TEXT_MESSAGE_MAX)
    {
      g_autofree char *cut = ladder_text_shorten (text->str, LADDER_TEXT_MESSAGE_MAX);

      return g_string_chunk_insert (v->out->messages, cut);
    }
  return g_string_chunk_insert_len (v->out->messages, text->str, text->len);
}

static void
add_finding (Validation       *v,
             const LadderRule *rule,
             guint             person,
             guint             other)
{
  LadderFinding finding = {
    .rule = rule,
    .severity = rule->severity,
    .person = person,
    .other = other,
    .message = NULL,   /* written when finishing */
  };

  g_array_append_val (v->out->findings, finding);
}

static gboolean
pair_allowed (const LadderRule *rule,
              guint             subject,
              guint             manager)
{
  for (guint i = 0; i < rule->n_allow_pairs; i++)
    if (rule->allow_pairs[2 * i] == subject && rule->allow_pairs[2 * i + 1] == manager)
      return TRUE;
  return FALSE;
}

static gboolean
has_report_in (Validation   *v,
               guint         person,
               const guint8 *roles)
{
  for (guint c = v->first_report[person]; c != LADDER_NONE; c = v->next_sibling[c])
    if (roles[v->role[c]])
      return TRUE;
  return FALSE;
}

/* The counting kinds.  A subject with no report manages no one: span
 * and single-report leave it alone. */
static gboolean
counts_too_many_or_few (Validation       *v,
                        const LadderRule *rule,
                        guint             p)
{
  gint64 n = v->n_reports[p];

  switch (rule->check)
    {
    case LADDER_CHECK_SPAN:
      return n > 0 && ((rule->min >= 0 && n < rule->min) || (rule->max >= 0 && n > rule->max));
    case LADDER_CHECK_SINGLE_REPORT:
      return n == 1;
    case LADDER_CHECK_LAYERS:
      if (rule->whole_chart)
        {
          const LayersOfChart *chart = v->facts[rule->index];

          return p == chart->deepest && chart->layers > rule->max;
        }
      return ((const guint *) v->facts[rule->index])[p] > rule->max;
    default:
      g_assert_not_reached ();
    }
}

/* Runs @rule on one person. */
static void
check_person (Validation       *v,
              const LadderRule *rule,
              guint             p)
{
  guint m = v->manager[p];
  gboolean vacant = (v->flags[p] & PERSON_VACANT) != 0;
  guint r = v->role[p];
  guint mr = m != LADDER_NONE ? v->role[m] : v->n_roles;

  switch (rule->check)
    {
    case LADDER_CHECK_KNOWN_ROLE:
      if (r == v->n_roles)
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_HAS_MANAGER:
      if (m == LADDER_NONE)
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_NO_MANAGER:
      if (m != LADDER_NONE)
        add_finding (v, rule, p, m);
      break;

    case LADDER_CHECK_AT_MOST_ONE:
      if (v->first[rule->index] == LADDER_NONE)
        v->first[rule->index] = p;
      else
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_RANK_ORDER:
      {
        int level, manager_level;

        if (m == LADDER_NONE || r == v->n_roles || mr == v->n_roles)
          break;
        level = v->level[r];
        manager_level = v->level[mr];
        if (level < 0 || manager_level < 0 || pair_allowed (rule, r, mr))
          break;
        if (manager_level >= level)
          add_finding (v, rule, p, m);
      }
      break;

    case LADDER_CHECK_MANAGER_MUST_BE:
      if (m != LADDER_NONE && !rule->roles[mr]
          && !(rule->except_managers && rule->except_managers[mr]))
        add_finding (v, rule, p, m);
      break;

    case LADDER_CHECK_MANAGER_MUST_NOT_BE:
      if (m != LADDER_NONE && rule->roles[mr])
        add_finding (v, rule, p, m);
      break;

    case LADDER_CHECK_NO_ANCESTOR_ROLE:
      {
        const guint *nearest = v->facts[rule->index];

        if (nearest[p] != LADDER_NONE)
          add_finding (v, rule, p, nearest[p]);
      }
      break;

    case LADDER_CHECK_NO_REPORTS:
      if (v->n_reports[p] > 0)
        add_finding (v, rule, p, LADDER_NONE);
      break;

    /* The three kinds about the team a person leads spare a vacancy,
     * which has no one yet to lead (ROLE-RULES.md). */
    case LADDER_CHECK_HAS_REPORTS:
      if (v->n_reports[p] == 0 && !vacant)
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_HAS_DESCENDANT_ROLE:
      if (!((const guint8 *) v->facts[rule->index])[p] && !vacant)
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_HAS_REPORT_ROLE:
      if (!vacant && !has_report_in (v, p, rule->roles))
        add_finding (v, rule, p, LADDER_NONE);
      break;

    case LADDER_CHECK_SMALL_ORG:
      {
        gint64 employees = v->employees;

        if (employees >= 0 && employees < rule->employees_below)
          add_finding (v, rule, p, LADDER_NONE);
      }
      break;

    case LADDER_CHECK_SPAN:
    case LADDER_CHECK_LAYERS:
    case LADDER_CHECK_SINGLE_REPORT:
      if (counts_too_many_or_few (v, rule, p))
        add_finding (v, rule, p, LADDER_NONE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const LadderFinding *fa = a, *fb = b;
  const guint *line = user_data;
  guint la = line[fa->person];
  guint lb = line[fb->person];

  if (la != lb)
    return la < lb ? -1 : 1;
  if (fa->person != fb->person)
    return fa->person < fb->person ? -1 : 1;
  /* One finding per person and rule: this is a total order. */
  return fa->rule->index < fb->rule->index ? -1 : fa->rule->index > fb->rule->index;
}

static gboolean
is_sorted (LadderFindings *findings,
           const guint    *line)
{
  for (guint i = 1; i < findings->findings->len; i++)
    if (compare_findings (&g_array_index (findings->findings, LadderFinding, i - 1),
                          &g_array_index (findings->findings, LadderFinding, i),
                          (gpointer) line) > 0)
      return FALSE;
  return TRUE;
}

/* @manager: per slot of the findings' chart. */
static void
summarise (LadderFindings *findings,
           const guint    *manager)
{
  findings->worst = g_new (gint8, MAX (findings->capacity, 1));
  findings->line_worst = g_new (gint8, MAX (findings->capacity, 1));
  memset (findings->worst, -1, findings->capacity);
  memset (findings->line_worst, -1, findings->capacity);

  for (guint i = 0; i < findings->findings->len; i++)
    {
      const LadderFinding *f = &g_array_index (findings->findings, LadderFinding, i);
      gint8 severity = (gint8) f->severity;

      findings->counts[f->severity]++;
      /* Lower enum values are worse: error < warning < note. */
      if (findings->worst[f->person] < 0 || severity < findings->worst[f->person])
        findings->worst[f->person] = severity;
      if (f->other != LADDER_NONE && f->other == manager[f->person]
          && (findings->line_worst[f->person] < 0 || severity < findings->line_worst[f->person]))
        findings->line_worst[f->person] = severity;
    }
}

static LadderFindings *
findings_new (guint capacity)
{
  LadderFindings *findings = g_new0 (LadderFindings, 1);

  g_atomic_ref_count_init (&findings->ref_count);
  findings->findings = g_array_new (FALSE, FALSE, sizeof (LadderFinding));
  findings->messages = g_string_chunk_new (64 * 1024);
  findings->capacity = capacity;
  return findings;
}

LadderFindings *
ladder_validate (LadderChart     *chart,
                 LadderCatalogue *catalogue)
{
  return ladder_validate_with (chart, catalogue, LADDER_VALIDATE_NONE);
}

LadderFindings *
ladder_validate_with (LadderChart         *chart,
                      LadderCatalogue     *catalogue,
                      LadderValidateFlags  flags)
{
  LadderCheck *check;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);

  check = ladder_check_new (chart, catalogue, flags);
  ladder_check_run (check);
  return ladder_check_finish (check);
}

LadderCheck *
ladder_check_new (LadderChart         *chart,
                  LadderCatalogue     *catalogue,
                  LadderValidateFlags  flags)
{
  Validation *v;
  gsize slots;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (LADDER_IS_CATALOGUE (catalogue), NULL);

  v = g_new0 (Validation, 1);
  v->chart = g_object_ref (chart);
  v->catalogue = g_object_ref (catalogue);
  v->capacity = ladder_chart_get_capacity (chart);
  v->out = findings_new (v->capacity);
  /* Translators: in a finding's message, a person not named yet */
  v->unnamed = (flags & LADDER_VALIDATE_UNNAMED) ? _("Unnamed") : NULL;
  v->n_rules = ladder_catalogue_get_n_rules (catalogue);
  v->rules = g_new (const LadderRule *, MAX (v->n_rules, 1));
  for (guint i = 0; i < v->n_rules; i++)
    v->rules[i] = ladder_catalogue_get_rule (catalogue, i);
  v->n_roles = ladder_catalogue_get_n_roles (catalogue);
  v->level = g_new (int, MAX (v->n_roles, 1));
  for (guint r = 0; r < v->n_roles; r++)
    v->level[r] = ladder_catalogue_get_role (catalogue, r)->level;
  /* One block for the per-slot arrays. */
  slots = MAX (v->capacity, 1);
  v->role = g_new (guint, 7 * slots);
  v->manager = v->role + slots;
  v->first_report = v->manager + slots;
  v->next_sibling = v->first_report + slots;
  v->n_reports = v->next_sibling + slots;
  v->line = v->n_reports + slots;
  v->order = v->line + slots;
  v->flags = g_new (guint8, slots);
  v->facts = g_new0 (gpointer, MAX (v->n_rules, 1));
  v->first = g_new (guint, MAX (v->n_rules, 1));
  v->scratch = g_string_sized_new (256);

  gather_records (v);
  return v;
}

void
ladder_check_run (LadderCheck *v)
{
  LadderFindings *findings;
  guint *by_role_start, *by_role;

  g_return_if_fail (v != NULL);
  g_return_if_fail (!v->ran);

  findings = v->out;
  v->ran = TRUE;
  gathered_preorder (v);
  for (guint i = 0; i < v->n_rules; i++)
    {
      const LadderRule *rule = v->rules[i];

      v->first[i] = LADDER_NONE;
      if (rule->check == LADDER_CHECK_NO_ANCESTOR_ROLE)
        v->facts[i] = nearest_ancestor (v, rule->roles);
      else if (rule->check == LADDER_CHECK_HAS_DESCENDANT_ROLE)
        v->facts[i] = descendant_has_role (v, rule->roles);
      else if (rule->check == LADDER_CHECK_LAYERS && rule->whole_chart)
        v->facts[i] = layers_of_chart (v);
      else if (rule->check == LADDER_CHECK_LAYERS)
        v->facts[i] = layers_below (v);
    }

  /* The rules that have each role (and "unknown role", the last) as
   * subject, in rule order: a person is then run only through the rules
   * that concern it, in the same order as before. */
  by_role_start = g_new0 (guint, v->n_roles + 2);
  for (guint r = 0; r <= v->n_roles; r++)
    for (guint i = 0; i < v->n_rules; i++)
      by_role_start[r + 1] += v->rules[i]->subjects[r] != 0;
  for (guint r = 0; r <= v->n_roles; r++)
    by_role_start[r + 1] += by_role_start[r];
  by_role = g_new (guint, MAX (by_role_start[v->n_roles + 1], 1));
  for (guint r = 0, k = 0; r <= v->n_roles; r++)
    for (guint i = 0; i < v->n_rules; i++)
      if (v->rules[i]->subjects[r])
        by_role[k++] = i;

  /* Slot order is file order for a loaded chart, which is what "the first
   * CEO" means to at-most-one. */
  for (guint p = 0; p < v->capacity; p++)
    {
      guint r;

      if (!(v->flags[p] & PERSON_ALIVE))
        continue;
      r = v->role[p];
      for (guint k = by_role_start[r]; k < by_role_start[r + 1]; k++)
        check_person (v, v->rules[by_role[k]], p);
    }
  g_free (by_role);
  g_free (by_role_start);

  /* A loaded, unedited chart is already in line order: skip the sort. */
  if (!is_sorted (findings, v->line))
    g_array_sort_with_data (findings->findings, compare_findings, (gpointer) v->line);
  summarise (findings, v->manager);
}

void
ladder_check_free (LadderCheck *v)
{
  if (v == NULL)
    return;
  for (guint i = 0; i < v->n_rules; i++)
    g_free (v->facts[i]);
  g_free (v->facts);
  g_free (v->rules);
  g_free (v->level);
  g_free (v->first);
  g_free (v->role);
  g_free (v->flags);
  g_string_free (v->scratch, TRUE);
  ladder_findings_free (v->out);
  g_clear_object (&v->chart);
  g_clear_object (&v->catalogue);
  g_free (v);
}

LadderFindings *
ladder_check_finish (LadderCheck *v)
{
  LadderFindings *findings;

  g_return_val_if_fail (v != NULL, NULL);
  g_return_val_if_fail (v->ran, NULL);

  for (guint i = 0; i < v->out->findings->len; i++)
    {
      LadderFinding *f = &g_array_index (v->out->findings, LadderFinding, i);

      f->message = format_message (v, f->rule, f->person, f->other);
    }
  findings = g_steal_pointer (&v->out);
  ladder_check_free (v);
  return findings;
}

void
ladder_findings_free (LadderFindings *findings)
{
  if (findings == NULL || !g_atomic_ref_count_dec (&findings->ref_count))
    return;
  g_array_unref (findings->findings);
  g_string_chunk_free (findings->messages);
  g_free (findings->worst);
  g_free (findings->line_worst);
  g_free (findings);
}

LadderFindings *
ladder_findings_ref (LadderFindings *findings)
{
  g_return_val_if_fail (findings != NULL, NULL);
  g_atomic_ref_count_inc (&findings->ref_count);
  return findings;
}

guint
ladder_findings_get_n (LadderFindings *findings)
{
  g_return_val_if_fail (findings != NULL, 0);
  return findings->findings->len;
}

const LadderFinding *
ladder_findings_get (LadderFindings *findings,
                     guint           index)
{
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (index < findings->findings->len, NULL);
  return &g_array_index (findings->findings, LadderFinding, index);
}

guint
ladder_findings_count (LadderFindings *findings,
                       LadderSeverity  severity)
{
  g_return_val_if_fail (findings != NULL, 0);
  g_return_val_if_fail (severity <= LADDER_SEVERITY_NOTE, 0);
  return findings->counts[severity];
}

int
ladder_findings_worst_for (LadderFindings *findings,
                           guint           person)
{
  g_return_val_if_fail (findings != NULL, -1);
  /* A person added after validation has no finding yet. */
  return person < findings->capacity ? findings->worst[person] : -1;
}

int
ladder_findings_line_severity (LadderFindings *findings,
                               guint           person)
{
  g_return_val_if_fail (findings != NULL, -1);
  return person < findings->capacity ? findings->line_worst[person] : -1;
}

LadderFindings *
ladder_findings_for_part (LadderFindings *findings,
                          LadderChart    *chart,
                          LadderChart    *part)
{
  g_autofree guint *managers = NULL;
  LadderFindings *out;

  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (LADDER_IS_CHART (part), NULL);

  managers = g_new (guint, MAX (ladder_chart_get_capacity (part), 1));
  for (guint p = 0; p < ladder_chart_get_capacity (part); p++)
    managers[p] = ladder_chart_get_records (part)[p].manager;

  out = findings_new (ladder_chart_get_capacity (part));
  for (guint i = 0; i < findings->findings->len; i++)
    {
      LadderFinding f = g_array_index (findings->findings, LadderFinding, i);

      if (f.person >= ladder_chart_get_capacity (chart) || !ladder_chart_is_alive (chart, f.person))
        continue;
      f.person = ladder_chart_lookup (part, ladder_chart_get_id (chart, f.person));
      if (f.person == LADDER_NONE)
        continue;
      if (f.other != LADDER_NONE)
        f.other = ladder_chart_is_alive (chart, f.other)
                  ? ladder_chart_lookup (part, ladder_chart_get_id (chart, f.other)) : LADDER_NONE;
      f.message = g_string_chunk_insert (out->messages, f.message);
      g_array_append_val (out->findings, f);
    }
  /* The part keeps the chart's order of people, so the findings stay in
   * line order. */
  summarise (out, managers);
  return out;
}
