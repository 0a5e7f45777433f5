/* ladder-bench-gen.c — generated product orgs for the benchmark
 *
 * The "org" shape is grown top-down from a head-count budget: every
 * manager takes 4-10 direct reports (more only where the ladder's rungs
 * below would otherwise not hold its team) and shares the rest of its
 * budget among them with random weights, so the chart has exactly the
 * size asked for.  Each report is placed as low on the ladder as the team
 * below it allows: CEO, CPO, VPs, Directors, Group PMs, Senior PMs, PMs,
 * with Junior PMs, Product Owners and Program Managers as leaves, so the
 * chart reads like a product team and mostly passes the rules.  Ten
 * reports a manager fill the ladder at about 100k people; beyond that
 * (a million) PMs lead pods of designers, analysts and engineers (role
 * "other"), as the rest of a company that size would be.
 *
 * Everything is a flat array indexed by person, walked with loops: a
 * million-deep chain is generated like any other chart.
 */
#include "ladder-bench-gen.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

typedef enum {
  ROLE_CEO,
  ROLE_CPO,
  ROLE_VP,
  ROLE_DIRECTOR,
  ROLE_GROUP_PM,
  ROLE_SENIOR_PM,
  ROLE_PM,
  ROLE_JUNIOR_PM,
  ROLE_PRODUCT_OWNER,
  ROLE_PROGRAM_MANAGER,
  ROLE_OTHER,
} GenRole;

/* Indexed by GenRole; levels from ROLE-RULES.md, -1 off the ladder. */
static const struct {
  const char *id;
  int level;
} gen_roles[] = {
  { "ceo", 0 },
  { "cpo", 1 },
  { "vp-product", 2 },
  { "director-product", 3 },
  { "group-pm", 4 },
  { "senior-pm", 5 },
  { "pm", 6 },
  { "junior-pm", 7 },
  { "product-owner", -1 },
  { "program-manager", -1 },
  { "other", -1 },
};

/* Already escaped for XML attributes and text. */
static const char *const areas[] = {
  "Payments", "Growth", "Search", "Platform", "Mobile", "Checkout",
  "Identity", "Analytics", "Ads", "Marketplace", "Trust &amp; Safety",
  "Onboarding", "Billing", "Messaging", "Maps", "Developer Tools",
};
static const char *const first_names[] = {
  "Ada", "Ben", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo", "Ines",
  "Jonas", "Kaito", "Lina", "Mateo", "Nia", "Omar", "Priya", "Quinn",
  "Rosa", "Sam", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe",
  "Aoife", "Bj\xc3\xb6rn", "Chlo\xc3\xa9", "Dmitri",
};
static const char *const last_names[] = {
  "Obi", "Cruz", "Li", "Okafor", "Yilmaz", "Adeyemi", "Rao", "Martin",
  "Silva", "Berg", "Tanaka", "Haddad", "Garc\xc3\xad" "a", "Mensah",
  "Farouk", "Patel", "Novak", "Ruiz", "Lee", "Aziz", "Kowalski", "Wu",
  "Nakamura", "O'Brien", "M\xc3\xbcller", "Dubois", "Ivanova", "Santos",
};
static const char *const exec_titles[] = {
  "Chief Technology Officer", "Chief Financial Officer", "Chief Design Officer",
};
static const char *const pod_leads[] = {
  "Design Lead", "Engineering Manager", "Analytics Lead",
};
static const char *const pod_members[] = {
  "Product Designer", "Product Analyst", "UX Researcher", "Software Engineer",
  "Software Engineer", "Software Engineer",
};

typedef struct {
  guint    n;
  guint   *parent;        /* G_MAXUINT for the root */
  guint   *first_child;   /* children are contiguous indices */
  guint   *n_children;
  guint8  *role;
  guint8  *title_kind;    /* 0 none, else which title to write */
} GenTree;

static void
gen_tree_init (GenTree *tree, guint n)
{
  tree->n = n;
  tree->parent = g_new (guint, n);
  tree->first_child = g_new0 (guint, n);
  tree->n_children = g_new0 (guint, n);
  tree->role = g_new0 (guint8, n);
  tree->title_kind = g_new0 (guint8, n);
}

static void
gen_tree_clear (GenTree *tree)
{
  g_free (tree->parent);
  g_free (tree->first_child);
  g_free (tree->n_children);
  g_free (tree->role);
  g_free (tree->title_kind);
}

/* Children must have been appended in parent order (breadth first). */
static void
gen_tree_link (GenTree *tree)
{
  for (guint i = 1; i < tree->n; i++)
    {
      guint p = tree->parent[i];

      if (tree->n_children[p] == 0)
        tree->first_child[p] = i;
      tree->n_children[p]++;
    }
}

/* How many people @rungs levels of managers with ten reports each hold. */
static guint64
capacity (int rungs)
{
  guint64 total = 0, row = 1;

  for (int r = 0; r < rungs; r++)
    {
      row *= 10;
      total += row;
    }
  return total;
}

/* The fewest management levels that can hold @budget people below a
 * manager when nobody has more than ten direct reports. */
/* The fewest management levels that can hold @budget people below a
 * manager when nobody has more than ten direct reports. */
static int
levels_needed (guint budget)
{
  int levels = 0;

  while (capacity (levels) < budget)
    levels++;
  return levels;
}

/* The role of a report of @manager_role holding @budget people below. */
static GenRole
report_role (GenRole manager_role, guint budget, GRand *rand)
{
  int level;

  if (manager_role == ROLE_CEO)
    return ROLE_OTHER;
  if (manager_role == ROLE_CPO)
    return ROLE_VP;
  if (manager_role == ROLE_PM || manager_role == ROLE_OTHER)
    return ROLE_OTHER;
  if (budget == 0)
    {
      if (manager_role == ROLE_SENIOR_PM && g_rand_int_range (rand, 0, 3) == 0)
        return ROLE_JUNIOR_PM;
      if (g_rand_int_range (rand, 0, 25) == 0)
        return manager_role == ROLE_DIRECTOR ? ROLE_PROGRAM_MANAGER : ROLE_PRODUCT_OWNER;
      return ROLE_PM;
    }
  /* As low on the ladder as the team below allows, and always below the
   * manager: a Senior PM leads PMs, a Group PM leads Senior PMs ... */
  level = MAX (gen_roles[manager_role].level + 1, 6 - levels_needed (budget));
  return ROLE_DIRECTOR + (MIN (level, 6) - 3);
}

static void
grow_org (GenTree *tree, GRand *rand)
{
  guint n = tree->n;
  g_autofree guint *budget = g_new0 (guint, n);
  guint weight[10], slot[10];
  guint count = 1;

  tree->parent[0] = G_MAXUINT;
  tree->role[0] = ROLE_CEO;
  budget[0] = n - 1;

  for (guint i = 0; i < count; i++)
    {
      GenRole role = tree->role[i];
      guint b = budget[i];
      int rungs = gen_roles[role].level >= 1 && gen_roles[role].level < 6
                  ? 6 - gen_roles[role].level : 0;   /* ladder rungs below */
      guint fan, rest, teams, heaviest, total_weight = 0;
      guint64 given = 0;

      if (b == 0)
        continue;

      if (role == ROLE_CEO)
        {
          /* The CPO carries the product org; a few other executives sit
           * beside it when the chart is big enough. */
          guint execs = n >= 100 ? G_N_ELEMENTS (exec_titles) : 0;

          fan = 1 + execs;
          for (guint k = 0; k < fan; k++)
            {
              tree->parent[count] = 0;
              tree->role[count] = k == 0 ? ROLE_CPO : ROLE_OTHER;
              tree->title_kind[count] = 1;
              budget[count] = k == 0 ? b - fan : 0;
              count++;
            }
          continue;
        }

      if (b <= 10)
        fan = b;            /* one row of individual contributors */
      else
        {
          fan = g_rand_int_range (rand, 4, 11);
          if (rungs > 0)
            {
              /* Wide enough that the ladder's remaining rungs hold the
               * team (at most ten reports each), with room to spare for
               * uneven teams; past 100k people the rest of the org lives
               * in pods under the PMs. */
              guint wide = (guint) ceil (pow (3.0 * b, 1.0 / rungs));

              fan = MIN (MAX (fan, wide), 10);
            }
        }
      rest = b - fan;
      if (rest > 0 && rest < 4)
        {
          /* Nobody manages one to three people. */
          fan -= 4 - rest;
          rest = 4;
        }

      /* How many of the reports lead teams: teams of about seven, but
       * enough of them that each fits the rungs left below. */
      teams = rest / 7;
      if (rungs >= 2)
        teams = MAX (teams, (guint) ((rest + capacity (rungs - 1) - 1) / capacity (rungs - 1)));
      teams = CLAMP (teams, rest > 0 ? 1 : 0, fan);

      /* Which reports lead teams: the first @teams of a shuffle. */
      for (guint k = 0; k < fan; k++)
        {
          guint j = g_rand_int_range (rand, 0, k + 1);

          slot[k] = slot[j];
          slot[j] = k;
        }
      for (guint k = 0; k < fan; k++)
        {
          weight[slot[k]] = k < teams ? (guint) g_rand_int_range (rand, 3, 6) : 0;
          total_weight += weight[slot[k]];
        }

      heaviest = slot[0];
      for (guint k = 0; k < fan; k++)
        {
          budget[count + k] = total_weight > 0 ? (guint) ((guint64) rest * weight[k] / total_weight) : 0;
          given += budget[count + k];
          if (weight[k] > weight[heaviest])
            heaviest = k;
        }
      budget[count + heaviest] += rest - given;
      for (guint k = 0; k < fan; k++)
        if (k != heaviest && budget[count + k] > 0 && budget[count + k] < 4)
          {
            budget[count + heaviest] += budget[count + k];
            budget[count + k] = 0;
          }

      for (guint k = 0; k < fan; k++)
        {
          GenRole report = report_role (role, budget[count + k], rand);

          tree->parent[count + k] = i;
          tree->role[count + k] = report;
          if (report == ROLE_VP)
            tree->title_kind[count + k] = 1;
          else if (report == ROLE_DIRECTOR || report == ROLE_GROUP_PM)
            tree->title_kind[count + k] = g_rand_int_range (rand, 0, 2);
          else if (report == ROLE_OTHER)
            tree->title_kind[count + k] = budget[count + k] > 0 ? 2 : 3;
        }
      count += fan;
    }

  g_assert (count == n);
}

static void
build_chain (GenTree *tree)
{
  static const GenRole top[] = {
    ROLE_CEO, ROLE_CPO, ROLE_VP, ROLE_DIRECTOR, ROLE_GROUP_PM, ROLE_SENIOR_PM, ROLE_PM,
  };

  tree->parent[0] = G_MAXUINT;
  for (guint i = 1; i < tree->n; i++)
    tree->parent[i] = i - 1;
  for (guint i = 0; i < tree->n; i++)
    {
      tree->role[i] = i < G_N_ELEMENTS (top) ? top[i] : ROLE_OTHER;
      tree->title_kind[i] = i < G_N_ELEMENTS (top) ? 0 : 2;
    }
}

static void
build_star (GenTree *tree)
{
  tree->parent[0] = G_MAXUINT;
  tree->role[0] = ROLE_CEO;
  for (guint i = 1; i < tree->n; i++)
    {
      tree->parent[i] = 0;
      if (i == 1)
        tree->role[i] = ROLE_CPO;
      else if (i % 20 == 0)
        tree->role[i] = ROLE_PROGRAM_MANAGER;
      else if (i % 10 == 0)
        tree->role[i] = ROLE_PRODUCT_OWNER;
      else
        {
          tree->role[i] = ROLE_OTHER;
          tree->title_kind[i] = 3;
        }
    }
}

static const char *
title_for (GenTree *tree, guint i, GRand *rand, char *buffer, gsize size)
{
  const char *area = areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))];

  if (tree->title_kind[i] == 0)
    return NULL;
  switch ((GenRole) tree->role[i])
    {
    case ROLE_CPO:
      return NULL;
    case ROLE_VP:
      g_snprintf (buffer, size, "VP of Product, %s", area);
      return buffer;
    case ROLE_DIRECTOR:
      g_snprintf (buffer, size, "Director of Product, %s", area);
      return buffer;
    case ROLE_GROUP_PM:
      g_snprintf (buffer, size, "Group Product Manager, %s", area);
      return buffer;
    case ROLE_OTHER:
      if (tree->parent[i] == 0)
        return exec_titles[(i - 1) % G_N_ELEMENTS (exec_titles)];
      if (tree->title_kind[i] == 2)
        return pod_leads[i % G_N_ELEMENTS (pod_leads)];
      return pod_members[i % G_N_ELEMENTS (pod_members)];
    case ROLE_CEO:
    case ROLE_SENIOR_PM:
    case ROLE_PM:
    case ROLE_JUNIOR_PM:
    case ROLE_PRODUCT_OWNER:
    case ROLE_PROGRAM_MANAGER:
    default:
      return NULL;
    }
}

/* Writes the people depth first, siblings in order: the order Ladder
 * itself saves in, so that ids and lines look like a saved chart. */
static gboolean
write_tree (GenTree *tree, LadderBenchShape shape, FILE *out)
{
  guint n = tree->n;
  g_autofree guint *stack = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *position = g_new (guint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x1add3a + shape);
  guint depth = 0, count = 0;
  char title[128];

  stack[depth++] = 0;
  while (depth > 0)
    {
      guint i = stack[--depth];

      position[i] = count;
      order[count++] = i;
      for (guint k = tree->n_children[i]; k > 0; k--)
        stack[depth++] = tree->first_child[i] + k - 1;
    }
  g_assert (count == n);

  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<orgchart version=\"1\" title=\"Generated %s, %u people\" employees=\"%u\">\n",
           ladder_bench_shape_to_string (shape), n, n + n / 3);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      const char *person_title = title_for (tree, i, rand, title, sizeof title);
      gboolean vacant = i != 0 && g_rand_int_range (rand, 0, 40) == 0;
      gboolean note = g_rand_int_range (rand, 0, 150) == 0;
      gboolean dotted = k > 1 && g_rand_int_range (rand, 0, 250) == 0;

      fprintf (out, "  <person id=\"p%u\" role=\"%s\"", k + 1, gen_roles[tree->role[i]].id);
      if (!vacant)
        fprintf (out, " name=\"%s %s\"",
                 first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                 last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      if (person_title != NULL)
        fprintf (out, " title=\"%s\"", person_title);
      if (tree->parent[i] != G_MAXUINT)
        fprintf (out, " manager=\"p%u\"", position[tree->parent[i]] + 1);
      if (vacant)
        fputs (" vacant=\"true\"", out);

      if (!note && !dotted)
        {
          fputs ("/>\n", out);
          continue;
        }
      fputs (">\n", out);
      if (note)
        fprintf (out, "    <note>Owns %s.</note>\n",
                 areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))]);
      if (dotted)
        fprintf (out, "    <dotted-line to=\"p%u\"/>\n", g_rand_int_range (rand, 0, k) + 1);
      fputs ("  </person>\n", out);
    }
  fputs ("</orgchart>\n", out);
  return ferror (out) == 0;
}

gboolean
ladder_bench_generate (LadderBenchShape shape, guint size, const char *path, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x0c0ffee + shape);
  GenTree tree;
  FILE *out;
  gboolean ok;

  g_return_val_if_fail (size >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gen_tree_init (&tree, size);
  switch (shape)
    {
    case LADDER_BENCH_ORG:
      grow_org (&tree, rand);
      gen_tree_link (&tree);
      break;
    case LADDER_BENCH_CHAIN:
      build_chain (&tree);
      gen_tree_link (&tree);
      break;
    case LADDER_BENCH_STAR:
    default:
      build_star (&tree);
      gen_tree_link (&tree);
      break;
    }

  out = g_fopen (tmp, "w");
  if (out == NULL)
    {
      int saved = errno;

      gen_tree_clear (&tree);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", tmp, g_strerror (saved));
      return FALSE;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);
  ok = write_tree (&tree, shape, out);
  ok = (fclose (out) == 0) && ok;
  gen_tree_clear (&tree);

  if (!ok || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

const char *
ladder_bench_shape_to_string (LadderBenchShape shape)
{
  switch (shape)
    {
    case LADDER_BENCH_ORG:
      return "org";
    case LADDER_BENCH_CHAIN:
      return "chain";
    case LADDER_BENCH_STAR:
    default:
      return "star";
    }
}

gboolean
ladder_bench_shape_from_string (const char *text, LadderBenchShape *shape)
{
  for (int s = LADDER_BENCH_ORG; s <= LADDER_BENCH_STAR; s++)
    if (g_strcmp0 (text, ladder_bench_shape_to_string (s)) == 0)
      {
        *shape = s;
        return TRUE;
      }
  return FALSE;
}

gboolean
ladder_bench_parse_size (const char *text, guint *size)
{
  char *end = NULL;
  guint64 value, multiplier = 1;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (g_ascii_strcasecmp (end, "k") == 0)
    multiplier = 1000;
  else if (g_ascii_strcasecmp (end, "m") == 0)
    multiplier = 1000000;
  else if (*end != '\0')
    return FALSE;
  value *= multiplier;
  if (value < 1 || value > 50000000)
    return FALSE;
  *size = (guint) value;
  return TRUE;
}

char *
ladder_bench_format_size (guint size)
{
  if (size >= 1000000 && size % 1000000 == 0)
    return g_strdup_printf ("%uM", size / 1000000);
  if (size >= 1000 && size % 1000 == 0)
    return g_strdup_printf ("%uk", size / 1000);
  return g_strdup_printf ("%u", size);
}

char *
ladder_bench_file_name (const char *dir, LadderBenchShape shape, guint size)
{
  g_autofree char *label = ladder_bench_format_size (size);
  g_autofree char *base = g_strdup_printf ("%s-%s.ladder", ladder_bench_shape_to_string (shape), label);

  return g_build_filename (dir, base, NULL);
}
