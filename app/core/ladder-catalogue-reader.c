/* ladder-catalogue-reader.c — reading rules files into a catalogue
 *
 * The format is described in docs/RULES-FORMAT.md.  The files come parsed
 * (ladder-catalogue-layers.c), bottom first when one extends another.  A rules file is data a
 * user may hand us (--rules), so it is read as strictly as a chart: no
 * DOCTYPE, no network, every element and attribute known, every role a
 * rule names defined; anything else is a GError naming the file and line.
 */
#include "config.h"

#include "ladder-catalogue-private.h"
#include "ladder-chart.h"
#include "ladder-text.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

/* Which attributes a check kind takes and which placeholders its message
 * may use.  Listed in LadderCheckKind order. */
enum {
  PARAM_SUBJECTS  = 1 << 0,
  PARAM_MANAGERS  = 1 << 1,
  PARAM_ROLES     = 1 << 2,
  PARAM_EXCEPT    = 1 << 3,
  PARAM_PAIRS     = 1 << 4,
  PARAM_EMPLOYEES = 1 << 5,
  PARAM_MIN       = 1 << 6,
  PARAM_MAX       = 1 << 7,

  HOLE_MANAGER    = 1 << 8,
  HOLE_FIRST      = 1 << 9,
  HOLE_EMPLOYEES  = 1 << 10,
  HOLE_SPAN       = 1 << 11,
  HOLE_LAYERS     = 1 << 12,
  /* Set by a rule that gives the parameter, not by the kind. */
  HOLE_MIN        = 1 << 13,
  HOLE_MAX        = 1 << 14,

  /* The counting kinds: subjects default to @all; span needs min or max. */
  OPTIONAL_SUBJECTS = 1 << 16,
  OPTIONAL_BOUNDS   = 1 << 17,
};

static const struct {
  const char      *name;
  LadderCheckKind  kind;
  guint            flags;
} check_kinds[] = {
  { "known-role",          LADDER_CHECK_KNOWN_ROLE,          0 },
  { "has-manager",         LADDER_CHECK_HAS_MANAGER,         PARAM_SUBJECTS },
  { "no-manager",          LADDER_CHECK_NO_MANAGER,          PARAM_SUBJECTS | HOLE_MANAGER },
  { "at-most-one",         LADDER_CHECK_AT_MOST_ONE,         PARAM_SUBJECTS | HOLE_FIRST },
  { "rank-order",          LADDER_CHECK_RANK_ORDER,          PARAM_SUBJECTS | PARAM_PAIRS | HOLE_MANAGER },
  { "manager-must-be",     LADDER_CHECK_MANAGER_MUST_BE,     PARAM_SUBJECTS | PARAM_MANAGERS | PARAM_EXCEPT | HOLE_MANAGER },
  { "manager-must-not-be", LADDER_CHECK_MANAGER_MUST_NOT_BE, PARAM_SUBJECTS | PARAM_MANAGERS | HOLE_MANAGER },
  { "no-ancestor-role",    LADDER_CHECK_NO_ANCESTOR_ROLE,    PARAM_SUBJECTS | PARAM_ROLES | HOLE_MANAGER },
  { "no-reports",          LADDER_CHECK_NO_REPORTS,          PARAM_SUBJECTS },
  { "has-reports",         LADDER_CHECK_HAS_REPORTS,         PARAM_SUBJECTS },
  { "has-descendant-role", LADDER_CHECK_HAS_DESCENDANT_ROLE, PARAM_SUBJECTS | PARAM_ROLES },
  { "has-report-role",     LADDER_CHECK_HAS_REPORT_ROLE,     PARAM_SUBJECTS | PARAM_ROLES },
  { "small-org",           LADDER_CHECK_SMALL_ORG,           PARAM_SUBJECTS | PARAM_EMPLOYEES | HOLE_EMPLOYEES },
  { "span",                LADDER_CHECK_SPAN,                PARAM_SUBJECTS | PARAM_MIN | PARAM_MAX | HOLE_SPAN
                                                               | OPTIONAL_SUBJECTS | OPTIONAL_BOUNDS },
  { "layers",              LADDER_CHECK_LAYERS,              PARAM_SUBJECTS | PARAM_MAX | HOLE_LAYERS | OPTIONAL_SUBJECTS },
  { "single-report",       LADDER_CHECK_SINGLE_REPORT,       PARAM_SUBJECTS | HOLE_SPAN | OPTIONAL_SUBJECTS },
};

G_STATIC_ASSERT (G_N_ELEMENTS (check_kinds) == LADDER_CHECK_SINGLE_REPORT + 1);

/* Everything parsing needs in one place, so that errors can name the file. */
typedef struct {
  LadderCatalogue *self;
  const char      *file;
  GHashTable      *sets;       /* set id -> guint8*, kept by the catalogue */
  GHashTable      *layer_sets; /* ids of the sets of the document being read */
  GHashTable      *aliases;    /* normalised alias -> role id, of this file */
  GHashTable      *sources;    /* seeds of this file's <source>s */
  guint            n_roles;
} Loader;

/* ---- helpers for reading ---- */

static gboolean
fail_valist (Loader     *loader,
             long        line,
             GError    **error,
             int         code,
             const char *format,
             va_list     args)
{
  /* Whatever of the file it quotes, a message stays readable. */
  g_autofree char *what = ladder_text_bound (g_strdup_vprintf (format, args));

  g_set_error (error, LADDER_CHART_ERROR, code,
               "%s:%ld: error: %s", loader->file, MAX (line, 1L), what);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_with (Loader     *loader,
           xmlNode    *node,
           GError    **error,
           int         code,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (loader, xmlGetLineNo (node), error, code, format, args);
  va_end (args);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail_at (Loader     *loader,
         long        line,
         GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (loader, line, error, LADDER_CHART_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

#define fail(loader, node, error, ...) \
  fail_with (loader, node, error, LADDER_CHART_ERROR_INVALID, __VA_ARGS__)

static const char *
keep (Loader     *loader,
      const char *text)
{
  return ladder_catalogue_intern (loader->self, text);
}

static gpointer
keep_block (Loader *loader,
            gsize   size)
{
  return ladder_catalogue_alloc (loader->self, size);
}

static gboolean
is_name (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* A copy of the attribute's value, or NULL when it is absent. */
static char *
dup_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Refuses any attribute not in the NULL-terminated @allowed list. */
static gboolean
check_attrs (Loader      *loader,
             xmlNode     *node,
             const char **allowed,
             GError     **error)
{
  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    {
      if (attr->ns == NULL && g_strv_contains (allowed, (const char *) attr->name))
        continue;
      return fail (loader, node, error, _("unknown attribute “%s” on <%s>"),
                   (const char *) attr->name, (const char *) node->name);
    }
  return TRUE;
}

/* libxml2 gives a text node the line where it ends; a message should
 * point where its first visible character is. */
static long
text_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);
  const char *text = (const char *) node->content;
  const char *p;

  if (node->type != XML_TEXT_NODE || text == NULL)
    return line;
  for (p = text; *p; p++)
    line -= *p == '\n';
  for (p = text; *p && g_ascii_isspace (*p); p++)
    line += *p == '\n';
  return MAX (line, 1);
}

/* Children may be elements, comments and blank text only. */
static gboolean
check_element_content (Loader   *loader,
                       xmlNode  *node,
                       GError  **error)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE || child->type == XML_COMMENT_NODE)
        continue;
      if (child->type == XML_TEXT_NODE && xmlIsBlankNode (child))
        continue;
      return fail_at (loader, text_line (child), error, _("unexpected content in <%s>"),
                      (const char *) node->name);
    }
  return TRUE;
}

/* The text of an element that holds text only.  With @normalize, runs of
 * white space become one space (as xgettext does for ITS messages), so a
 * long message may be wrapped in the file. */
static char *
dup_text (Loader   *loader,
          xmlNode  *node,
          gboolean  normalize,
          GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (node->properties && !is_name (node, "cite") && !is_name (node, "alias"))
    {
      static const char *allowed[] = { "translatable", NULL };
      g_autofree char *translatable = dup_attr (node, "translatable");

      if (!check_attrs (loader, node, allowed, error))
        return NULL;
      if (translatable && g_strcmp0 (translatable, "yes") != 0 && g_strcmp0 (translatable, "no") != 0)
        return fail (loader, node, error, _("translatable must be “yes” or “no”")), NULL;
    }

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type != XML_COMMENT_NODE)
        return fail (loader, child, error, _("<%s> holds text only"), (const char *) node->name), NULL;
    }

  if (normalize)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (text->str), " \t\r\n", -1);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; words[i]; i++)
        {
          if (*words[i] == '\0')
            continue;
          if (joined->len)
            g_string_append_c (joined, ' ');
          g_string_append (joined, words[i]);
        }
      g_string_assign (text, joined->str);
    }

  if (text->len == 0)
    return fail (loader, node, error, _("<%s> is empty"), (const char *) node->name), NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A translatable text: looked up in the message catalogue when read. */
static const char *
read_translatable (Loader   *loader,
                   xmlNode  *node,
                   GError  **error)
{
  g_autofree char *text = dup_text (loader, node, TRUE, error);
  g_autofree char *translatable = NULL;

  if (text == NULL)
    return NULL;
  translatable = dup_attr (node, "translatable");
  if (g_strcmp0 (translatable, "yes") == 0)
    return keep (loader, g_dgettext (GETTEXT_PACKAGE, text));
  return keep (loader, text);
}

static gboolean
read_citation (Loader         *loader,
               xmlNode        *node,
               LadderCitation *citation,
               GError        **error)
{
  static const char *allowed[] = { "seed", NULL };
  g_autofree char *seed = dup_attr (node, "seed");
  g_autofree char *quote = NULL;

  if (!check_attrs (loader, node, allowed, error))
    return FALSE;
  if (seed == NULL || *seed == '\0')
    return fail (loader, node, error, _("<cite> needs a “seed” attribute (the document it quotes)"));
  /* Quotes are kept byte for byte: they must match the document. */
  quote = dup_text (loader, node, FALSE, error);
  if (quote == NULL)
    return FALSE;
  citation->seed = keep (loader, seed);
  citation->quote = keep (loader, quote);
  /* Sources are read first, so the title is known. */
  citation->title = ladder_catalogue_get_source_title (loader->self, citation->seed);
  return TRUE;
}

/* Reads the <cite> children of @node into a block kept by the catalogue. */
static gboolean
read_citations (Loader                *loader,
                xmlNode               *node,
                const LadderCitation **citations,
                guint                 *n_citations,
                GError               **error)
{
  LadderCitation *array;
  guint n = 0;

  for (xmlNode *child = node->children; child; child = child->next)
    n += is_name (child, "cite");

  array = keep_block (loader, n * sizeof (LadderCitation));
  n = 0;
  for (xmlNode *child = node->children; child; child = child->next)
    if (is_name (child, "cite") && !read_citation (loader, child, &array[n++], error))
      return FALSE;

  *citations = array;
  *n_citations = n;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "true") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "no") == 0 || g_strcmp0 (text, "false") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_color (const char *text,
             double      rgb[3])
{
  if (text == NULL || strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (text[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      rgb[i] = (hi * 16 + lo) / 255.0;
    }
  return TRUE;
}

static gboolean
parse_count (const char *text,
             gint64      max,
             gint64     *value)
{
  guint64 number;

  if (text == NULL || !g_ascii_isdigit (*text)
      || !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;
  *value = (gint64) number;
  return TRUE;
}

/* ---- sources ---- */

/* <source seed="FILE" title="TITLE"/>: what a citation of FILE shows. */
static gboolean
read_source (Loader   *loader,
             xmlNode  *node,
             GError  **error)
{
  static const char *allowed[] = { "seed", "title", NULL };
  g_autofree char *seed = dup_attr (node, "seed");
  g_autofree char *title = dup_attr (node, "title");

  if (!check_attrs (loader, node, allowed, error) || !check_element_content (loader, node, error))
    return FALSE;
  if (node->children && xmlFirstElementChild (node))
    return fail (loader, node, error, _("<source> has no child elements"));
  if (seed == NULL || *seed == '\0' || title == NULL || *g_strstrip (title) == '\0')
    return fail (loader, node, error, _("<source> needs a “seed” and a “title”"));
  if (!g_hash_table_add (loader->sources, (gpointer) keep (loader, seed)))
    return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                      _("duplicate source “%s”"), seed);
  ladder_catalogue_add_source (loader->self, seed, title);
  return TRUE;
}

/* ---- roles ---- */

/* An <alias> of the role at @role_index: a title that stands for it. */
static gboolean
read_alias (Loader   *loader,
            xmlNode  *node,
            guint     role_index,
            GError  **error)
{
  const char *role_id = ladder_catalogue_get_role (loader->self, role_index)->id;
  g_autofree char *text = NULL;
  g_autoptr(LadderTitleWords) words = NULL;
  const char *key, *claimed;

  /* Not translated: a title is matched as the file writes it. */
  if (node->properties && !check_attrs (loader, node, (const char *[]) { "role", NULL }, error))
    return FALSE;
  if (!(text = dup_text (loader, node, TRUE, error)))
    return FALSE;
  words = ladder_title_words_new (text);
  key = ladder_title_words_get_text (words);
  if (*key == '\0')
    return fail (loader, node, error, _("alias “%s” has no letters or digits"), text);
  claimed = g_hash_table_lookup (loader->aliases, key);
  if (claimed && strcmp (claimed, role_id) != 0)
    return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                      _("alias “%s” already stands for role “%s”"), text, claimed);
  key = keep (loader, key);
  g_hash_table_insert (loader->aliases, (gpointer) key, (gpointer) role_id);
  ladder_catalogue_add_alias (loader->self, key, role_index);
  return TRUE;
}

/* <alias role="ID">: an alias given outside its role, so that a file
 * extending the built-in catalogue can add titles to its roles. */
static gboolean
read_loose_alias (Loader   *loader,
                  xmlNode  *node,
                  GError  **error)
{
  g_autofree char *role = dup_attr (node, "role");
  guint index;

  if (role == NULL)
    return fail (loader, node, error, _("an <alias> outside a <role> needs a “role” attribute"));
  index = ladder_catalogue_lookup_role_index (loader->self, role);
  if (index == ladder_catalogue_get_n_roles (loader->self))
    return fail (loader, node, error, _("alias: unknown role “%s”"), role);
  return read_alias (loader, node, index, error);
}

static gboolean
read_role (Loader   *loader,
           xmlNode  *node,
           GError  **error)
{
  static const char *allowed[] = { "id", "level", "product-team", "color", "label", NULL };
  g_autofree char *id = dup_attr (node, "id");
  g_autofree char *level = dup_attr (node, "level");
  g_autofree char *product_team = dup_attr (node, "product-team");
  g_autofree char *color = dup_attr (node, "color");
  g_autofree char *label = dup_attr (node, "label");
  g_autofree char *msgid = NULL;
  LadderRole role = { 0 };
  xmlNode *name_node = NULL;
  gint64 number;

  if (!check_attrs (loader, node, allowed, error) || !check_element_content (loader, node, error))
    return FALSE;
  if (id == NULL || !ladder_id_is_valid (id))
    return fail (loader, node, error, _("a role needs an “id” of 1–64 characters among A-Z a-z 0-9 _ . -"));
  if (ladder_catalogue_lookup_role (loader->self, id))
    return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                      _("duplicate role id “%s”"), id);
  role.id = keep (loader, id);

  role.level = -1;
  if (level && !parse_count (level, 1000, &number))
    return fail (loader, node, error, _("role “%s”: level must be a whole number from 0 to 1000"), id);
  if (level)
    role.level = (int) number;

  if (product_team && !parse_bool (product_team, &role.product_team))
    return fail (loader, node, error, _("role “%s”: product-team must be “yes” or “no”"), id);
  if (!parse_color (color, role.color))
    return fail (loader, node, error, _("role “%s”: color must be written #rrggbb"), id);
  if (label && g_strcmp0 (label, "title") != 0 && g_strcmp0 (label, "name") != 0)
    return fail (loader, node, error, _("role “%s”: label must be “name” or “title”"), id);
  role.title_as_label = g_strcmp0 (label, "title") == 0;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_name (child, "name") && name_node == NULL)
        name_node = child;
      else if (is_name (child, "name"))
        return fail (loader, child, error, _("role “%s” has more than one <name>"), id);
      else if (is_name (child, "alias") && child->properties)
        return fail (loader, child, error, _("an <alias> inside a <role> takes no attribute"));
      else if (child->type == XML_ELEMENT_NODE && !is_name (child, "cite") && !is_name (child, "alias"))
        return fail (loader, child, error, _("unknown element <%s> in <role>"), (const char *) child->name);
    }
  if (name_node == NULL)
    return fail (loader, node, error, _("role “%s” needs a <name>"), id);
  msgid = dup_text (loader, name_node, TRUE, error);
  if (msgid == NULL || !(role.name = read_translatable (loader, name_node, error)))
    return FALSE;
  if (!read_citations (loader, node, &role.citations, &role.n_citations, error))
    return FALSE;

  ladder_catalogue_add_role (loader->self, &role, msgid);
  return TRUE;
}

/* ---- role sets ---- */

/* Parses a role set expression: tokens separated by spaces, each a role
 * id or @set, and "!" before a token removes it.  @all and @product-team
 * are built in.  @what names the attribute in error messages. */
static guint8 *
read_role_set (Loader     *loader,
               xmlNode    *node,
               const char *text,
               const char *what,
               GError    **error)
{
  guint8 *set = keep_block (loader, loader->n_roles + 1);
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\r\n", -1);

  for (guint i = 0; tokens[i]; i++)
    {
      const char *token = tokens[i];
      gboolean remove = token[0] == '!';
      guint8 value = remove ? 0 : 1;

      if (*token == '\0')
        continue;
      if (remove)
        token++;

      if (g_strcmp0 (token, "@all") == 0)
        memset (set, value, loader->n_roles + 1);
      else if (g_strcmp0 (token, "@product-team") == 0)
        {
          for (guint r = 0; r < loader->n_roles; r++)
            if (ladder_catalogue_get_role (loader->self, r)->product_team)
              set[r] = value;
        }
      else if (token[0] == '@')
        {
          const guint8 *named = g_hash_table_lookup (loader->sets, token + 1);

          if (named == NULL)
            return fail (loader, node, error, _("%s: unknown role set “%s” (sets must be defined before use)"),
                         what, token), NULL;
          for (guint r = 0; r <= loader->n_roles; r++)
            if (named[r])
              set[r] = value;
        }
      else
        {
          guint r = ladder_catalogue_lookup_role_index (loader->self, token);

          if (r == loader->n_roles)
            return fail (loader, node, error, _("%s: unknown role “%s”"), what, token), NULL;
          set[r] = value;
        }
    }
  return set;
}

static gboolean
read_set (Loader   *loader,
          xmlNode  *node,
          GError  **error)
{
  static const char *allowed[] = { "id", "roles", NULL };
  g_autofree char *id = dup_attr (node, "id");
  g_autofree char *roles = dup_attr (node, "roles");
  guint8 *set;

  if (!check_attrs (loader, node, allowed, error) || !check_element_content (loader, node, error))
    return FALSE;
  if (node->children && xmlFirstElementChild (node))
    return fail (loader, node, error, _("<set> has no child elements"));
  if (id == NULL || !ladder_id_is_valid (id))
    return fail (loader, node, error, _("a set needs an “id” of 1–64 characters among A-Z a-z 0-9 _ . -"));
  if (g_strcmp0 (id, "all") == 0 || g_strcmp0 (id, "product-team") == 0
      || !g_hash_table_add (loader->layer_sets, (gpointer) keep (loader, id)))
    return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                      _("duplicate set id “%s”"), id);
  if (roles == NULL)
    return fail (loader, node, error, _("set “%s” needs a “roles” attribute"), id);
  if (!(set = read_role_set (loader, node, roles, "roles", error)))
    return FALSE;
  g_hash_table_insert (loader->sets, (gpointer) keep (loader, id), set);
  return TRUE;
}

/* ---- rules ---- */

/* Checks that every {placeholder} is one the rule's check can fill. */
static gboolean
check_template (Loader     *loader,
                xmlNode    *node,
                const char *text,
                guint       flags,
                GError    **error)
{
  static const struct { const char *name; guint needs; } holes[] = {
    { "person", 0 }, { "role", 0 },
    { "manager", HOLE_MANAGER }, { "manager-role", HOLE_MANAGER },
    { "first", HOLE_FIRST }, { "employees", HOLE_EMPLOYEES },
    { "span", HOLE_SPAN }, { "layers", HOLE_LAYERS }, { "min", HOLE_MIN }, { "max", HOLE_MAX },
  };

  for (const char *p = strchr (text, '{'); p; p = strchr (p + 1, '{'))
    {
      const char *end = strchr (p, '}');
      g_autofree char *name = end ? g_strndup (p + 1, end - p - 1) : NULL;
      gboolean ok = FALSE;

      for (guint i = 0; name && i < G_N_ELEMENTS (holes); i++)
        if (strcmp (name, holes[i].name) == 0)
          {
            if ((holes[i].needs & flags) != holes[i].needs)
              return fail (loader, node, error, _("placeholder {%s} cannot be filled by this check"), name);
            ok = TRUE;
          }
      if (!ok)
        return fail (loader, node, error, _("unknown placeholder in message: %.*s"),
                     end ? (int) (end - p + 1) : (int) strlen (p), p);
    }
  return TRUE;
}

static gboolean
read_allow_pairs (Loader     *loader,
                  xmlNode    *node,
                  const char *text,
                  LadderRule *rule,
                  GError    **error)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\r\n", -1);
  guint *pairs = keep_block (loader, 2 * g_strv_length (tokens) * sizeof (guint));
  guint n = 0;

  for (guint i = 0; tokens[i]; i++)
    {
      g_auto(GStrv) halves = NULL;

      if (*tokens[i] == '\0')
        continue;
      halves = g_strsplit (tokens[i], ":", -1);
      if (g_strv_length (halves) != 2)
        return fail (loader, node, error, _("allow-pairs: “%s” is not SUBJECT:MANAGER"), tokens[i]);
      for (guint h = 0; h < 2; h++)
        {
          guint r = ladder_catalogue_lookup_role_index (loader->self, halves[h]);

          if (r == loader->n_roles)
            return fail (loader, node, error, _("allow-pairs: unknown role “%s”"), halves[h]);
          pairs[2 * n + h] = r;
        }
      n++;
    }
  rule->allow_pairs = pairs;
  rule->n_allow_pairs = n;
  return TRUE;
}

/* Reads the attributes a check kind takes; refuses the others. */
static gboolean
read_rule_params (Loader     *loader,
                  xmlNode    *node,
                  LadderRule *rule,
                  guint      *flags_inout,
                  GError    **error)
{
  static const struct { const char *name; guint flag; } params[] = {
    { "subjects", PARAM_SUBJECTS }, { "managers", PARAM_MANAGERS }, { "roles", PARAM_ROLES },
    { "except-managers", PARAM_EXCEPT }, { "allow-pairs", PARAM_PAIRS },
    { "employees-below", PARAM_EMPLOYEES }, { "min", PARAM_MIN }, { "max", PARAM_MAX },
  };
  guint flags = *flags_inout;
  /* Required unless optional. */
  const guint optional = PARAM_EXCEPT | PARAM_PAIRS
                         | (flags & OPTIONAL_SUBJECTS ? PARAM_SUBJECTS : 0)
                         | (flags & OPTIONAL_BOUNDS ? PARAM_MIN | PARAM_MAX : 0);

  rule->min = rule->max = -1;

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      g_autofree char *value = dup_attr (node, params[i].name);

      if (value && !(flags & params[i].flag))
        return fail (loader, node, error, _("rule “%s”: the check “%s” takes no “%s”"),
                     rule->id, check_kinds[rule->check].name, params[i].name);
      if (value == NULL && (flags & params[i].flag) && !(params[i].flag & optional))
        return fail (loader, node, error, _("rule “%s”: the check “%s” needs “%s”"),
                     rule->id, check_kinds[rule->check].name, params[i].name);
      if (value == NULL)
        continue;

      switch (params[i].flag)
        {
        case PARAM_SUBJECTS:
          rule->subjects = read_role_set (loader, node, value, params[i].name, error);
          if (rule->subjects == NULL)
            return FALSE;
          break;
        case PARAM_MANAGERS:
        case PARAM_ROLES:
          rule->roles = read_role_set (loader, node, value, params[i].name, error);
          if (rule->roles == NULL)
            return FALSE;
          break;
        case PARAM_EXCEPT:
          rule->except_managers = read_role_set (loader, node, value, params[i].name, error);
          if (rule->except_managers == NULL)
            return FALSE;
          break;
        case PARAM_PAIRS:
          if (!read_allow_pairs (loader, node, value, rule, error))
            return FALSE;
          break;
        case PARAM_EMPLOYEES:
          if (!parse_count (value, G_MAXINT64, &rule->employees_below))
            return fail (loader, node, error, _("rule “%s”: employees-below must be a whole number"), rule->id);
          break;
        case PARAM_MIN:
        case PARAM_MAX:
          if (!parse_count (value, G_MAXUINT, params[i].flag == PARAM_MIN ? &rule->min : &rule->max))
            return fail (loader, node, error, _("rule “%s”: %s must be a whole number"),
                         rule->id, params[i].name);
          *flags_inout |= params[i].flag == PARAM_MIN ? HOLE_MIN : HOLE_MAX;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if ((flags & OPTIONAL_BOUNDS) && rule->min < 0 && rule->max < 0)
    return fail (loader, node, error, _("rule “%s”: the check “%s” needs “min” or “max”"),
                 rule->id, check_kinds[rule->check].name);
  if (rule->max >= 0 && rule->min > rule->max)
    return fail (loader, node, error, _("rule “%s”: min is above max"), rule->id);
  if (rule->check == LADDER_CHECK_LAYERS && rule->max < 1)
    return fail (loader, node, error, _("rule “%s”: max must be at least 1"), rule->id);

  /* known-role is about everyone, and so are the counting kinds when no
   * subjects are given; layers then counts the whole chart. */
  rule->whole_chart = rule->subjects == NULL;
  if (rule->subjects == NULL)
    rule->subjects = read_role_set (loader, node, "@all", "subjects", error);
  return TRUE;
}

static gboolean
read_rule (Loader   *loader,
           xmlNode  *node,
           GError  **error)
{
  static const char *allowed[] = { "id", "severity", "check", "subjects", "managers", "roles",
                                   "except-managers", "allow-pairs", "employees-below",
                                   "min", "max", NULL };
  g_autofree char *id = dup_attr (node, "id");
  g_autofree char *severity = dup_attr (node, "severity");
  g_autofree char *check = dup_attr (node, "check");
  g_autofree LadderRule *rule = g_new0 (LadderRule, 1);
  g_autofree char *template = NULL;
  xmlNode *summary = NULL, *message = NULL, *policy = NULL;
  guint flags = 0;
  gboolean known = FALSE;

  if (!check_attrs (loader, node, allowed, error) || !check_element_content (loader, node, error))
    return FALSE;
  if (id == NULL || !ladder_id_is_valid (id))
    return fail (loader, node, error, _("a rule needs an “id” of 1–64 characters among A-Z a-z 0-9 _ . -"));
  if (ladder_catalogue_lookup_rule (loader->self, id))
    return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                      _("duplicate rule id “%s”"), id);
  rule->id = keep (loader, id);
  rule->index = ladder_catalogue_get_n_rules (loader->self);
  rule->line = (guint) xmlGetLineNo (node);

  if (g_strcmp0 (severity, "error") == 0)
    rule->severity = LADDER_SEVERITY_ERROR;
  else if (g_strcmp0 (severity, "warning") == 0)
    rule->severity = LADDER_SEVERITY_WARNING;
  else if (g_strcmp0 (severity, "note") == 0)
    rule->severity = LADDER_SEVERITY_NOTE;
  else
    return fail (loader, node, error, _("rule “%s”: severity must be “error”, “warning” or “note”"), id);

  for (guint i = 0; check && i < G_N_ELEMENTS (check_kinds); i++)
    if (strcmp (check, check_kinds[i].name) == 0)
      {
        rule->check = check_kinds[i].kind;
        flags = check_kinds[i].flags;
        known = TRUE;
      }
  if (!known)
    return fail (loader, node, error, _("rule “%s”: unknown check “%s”"), id, check ? check : "");
  if (!read_rule_params (loader, node, rule, &flags, error))
    return FALSE;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      xmlNode **slot = is_name (child, "summary") ? &summary
                       : is_name (child, "message") ? &message
                       : is_name (child, "policy") ? &policy : NULL;

      if (slot && *slot == NULL)
        *slot = child;
      else if (slot)
        return fail (loader, child, error, _("rule “%s” has more than one <%s>"), id, (const char *) child->name);
      else if (child->type == XML_ELEMENT_NODE && !is_name (child, "cite"))
        return fail (loader, child, error, _("unknown element <%s> in <rule>"), (const char *) child->name);
    }
  if (summary == NULL || message == NULL)
    return fail (loader, node, error, _("rule “%s” needs a <summary> and a <message>"), id);
  if (!(rule->summary = read_translatable (loader, summary, error)))
    return FALSE;
  template = dup_text (loader, message, TRUE, error);
  if (template == NULL || !check_template (loader, message, template, flags, error))
    return FALSE;
  if (!(rule->message = read_translatable (loader, message, error)))
    return FALSE;
  /* A translation with a placeholder the check cannot fill is a
   * translator's slip: use the original rather than refuse the file or
   * print a broken message. */
  if (!check_template (loader, message, rule->message, flags, NULL))
    rule->message = keep (loader, template);
  if (!read_citations (loader, node, &rule->citations, &rule->n_citations, error))
    return FALSE;
  if (policy && !(rule->policy = read_translatable (loader, policy, error)))
    return FALSE;

  ladder_catalogue_add_rule (loader->self, g_steal_pointer (&rule));
  return TRUE;
}

/* ---- the documents ---- */

static gboolean
read_root (Loader   *loader,
           xmlNode  *root,
           GError  **error)
{
  static const char *allowed[] = { "version", "extends", NULL };
  g_autofree char *version = dup_attr (root, "version");
  g_autofree char *extends = dup_attr (root, "extends");
  gint64 number;

  if (!is_name (root, "rules"))
    return fail (loader, root, error, _("the root element is <%s>, not <rules>"), (const char *) root->name);
  if (!check_attrs (loader, root, allowed, error) || !check_element_content (loader, root, error))
    return FALSE;
  if (version == NULL)
    return fail (loader, root, error, _("<rules> needs a “version” attribute"));
  if (!parse_count (version, G_MAXINT, &number) || number < 1)
    return fail (loader, root, error, _("version “%s” is not a version number"), version);
  if (number > 1)
    return fail (loader, root, error, _("version %s is newer than this Ladder reads (1); update Ladder"), version);
  if (extends && strcmp (extends, "builtin") != 0)
    return fail (loader, root, error, _("extends must be “builtin”, not “%s”"), extends);

  for (xmlNode *node = root->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE
        && !is_name (node, "role") && !is_name (node, "set") && !is_name (node, "rule")
        && !is_name (node, "alias") && !is_name (node, "source"))
      return fail (loader, node, error, _("unknown element <%s> in <rules>"), (const char *) node->name);
  return TRUE;
}

/* The <role> or <rule> elements of every document, in order, a later
 * document's element replacing an earlier one with the same id in place;
 * the same id twice in one document is refused. */
static GPtrArray *
collect_by_id (Loader      *loader,
               xmlDoc     **docs,
               guint        n_docs,
               const char  *element,
               const char  *duplicate_format,
               GError     **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GHashTable) slot_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint d = 0; d < n_docs; d++)
    {
      g_autoptr(GHashTable) in_this = g_hash_table_new (g_str_hash, g_str_equal);

      loader->file = (const char *) docs[d]->URL;
      for (xmlNode *node = xmlDocGetRootElement (docs[d])->children; node; node = node->next)
        {
          g_autofree char *id = NULL;
          gpointer slot;

          if (!is_name (node, element))
            continue;
          /* A missing or bad id is read_role()'s or read_rule()'s to refuse. */
          if ((id = dup_attr (node, "id")) == NULL || !ladder_id_is_valid (id))
            {
              g_ptr_array_add (nodes, node);
              continue;
            }
          if (g_hash_table_contains (in_this, id))
            return fail_with (loader, node, error, LADDER_CHART_ERROR_DUPLICATE_ID,
                              duplicate_format, id), NULL;
          g_hash_table_add (in_this, (gpointer) keep (loader, id));
          if (g_hash_table_lookup_extended (slot_of, id, NULL, &slot))
            g_ptr_array_index (nodes, GPOINTER_TO_UINT (slot)) = node;
          else
            {
              g_hash_table_insert (slot_of, g_strdup (id), GUINT_TO_POINTER (nodes->len));
              g_ptr_array_add (nodes, node);
            }
        }
    }
  return g_steal_pointer (&nodes);
}

/* The aliases of one document: those inside its roles that were not
 * replaced by a later document, then those outside. */
static gboolean
read_aliases (Loader    *loader,
              xmlDoc    *doc,
              GPtrArray *roles,
              GError   **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  g_hash_table_remove_all (loader->aliases);
  for (guint i = 0; i < roles->len; i++)
    {
      xmlNode *role = g_ptr_array_index (roles, i);
      g_autofree char *id = NULL;

      if (role->doc != doc)
        continue;
      id = dup_attr (role, "id");
      for (xmlNode *child = role->children; child; child = child->next)
        if (is_name (child, "alias")
            && !read_alias (loader, child, ladder_catalogue_lookup_role_index (loader->self, id), error))
          return FALSE;
    }
  for (xmlNode *node = root->children; node; node = node->next)
    if (is_name (node, "alias") && !read_loose_alias (loader, node, error))
      return FALSE;
  return TRUE;
}

/* Reads @docs, each on top of the ones before it (docs/RULES-FORMAT.md,
 * "Rules files that extend others"): sources, roles (a later one with
 * the same id replaces an earlier one in place), aliases, sets, then
 * rules (replaced like roles).  Errors name the document's URL. */
gboolean
ladder_catalogue_read (LadderCatalogue  *self,
                       xmlDoc          **docs,
                       guint             n_docs,
                       GError          **error)
{
  g_autoptr(GHashTable) sets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) aliases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) layer_sets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  Loader loader = { .self = self, .sets = sets, .layer_sets = layer_sets,
                    .aliases = aliases, .sources = sources };
  Loader *l = &loader;

  for (guint d = 0; d < n_docs; d++)
    {
      xmlNode *root = xmlDocGetRootElement (docs[d]);

      l->file = (const char *) docs[d]->URL;
      if (!read_root (l, root, error))
        return FALSE;
      /* Sources first, so that every citation finds its title. */
      g_hash_table_remove_all (sources);
      for (xmlNode *node = root->children; node; node = node->next)
        if (is_name (node, "source") && !read_source (l, node, error))
          return FALSE;
    }

  if (!(roles = collect_by_id (l, docs, n_docs, "role", _("duplicate role id “%s”"), error)))
    return FALSE;
  for (guint i = 0; i < roles->len; i++)
    {
      xmlNode *node = g_ptr_array_index (roles, i);

      l->file = (const char *) node->doc->URL;
      if (!read_role (l, node, error))
        return FALSE;
    }
  l->n_roles = ladder_catalogue_get_n_roles (self);
  if (l->n_roles == 0)
    {
      l->file = (const char *) docs[n_docs - 1]->URL;
      return fail (l, xmlDocGetRootElement (docs[n_docs - 1]), error,
                   _("a rules file needs at least one <role>"));
    }

  for (guint d = 0; d < n_docs; d++)
    {
      xmlNode *root = xmlDocGetRootElement (docs[d]);

      l->file = (const char *) docs[d]->URL;
      if (!read_aliases (l, docs[d], roles, error))
        return FALSE;
      g_hash_table_remove_all (layer_sets);
      for (xmlNode *node = root->children; node; node = node->next)
        if (is_name (node, "set") && !read_set (l, node, error))
          return FALSE;
    }

  if (!(rules = collect_by_id (l, docs, n_docs, "rule", _("duplicate rule id “%s”"), error)))
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      xmlNode *node = g_ptr_array_index (rules, i);

      l->file = (const char *) node->doc->URL;
      if (!read_rule (l, node, error))
        return FALSE;
    }
  return TRUE;
}
