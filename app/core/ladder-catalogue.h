/* ladder-catalogue.h — the role catalogue and the rule set, as data
 *
 * Loaded from a rules file (format: docs/RULES-FORMAT.md).  The built-in
 * one is resources/rules.xml, bundled as a GResource.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LADDER_SEVERITY_ERROR,
  LADDER_SEVERITY_WARNING,
  LADDER_SEVERITY_NOTE,
} LadderSeverity;

typedef struct {
  const char *seed;          /* e.g. "000_25191a4dbd4584d4.txt" */
  const char *quote;         /* exact words of the document */
  /* What a user is shown: the article's title from the rules file's
   * <source>, else the seed's name.  Not translated. */
  const char *title;
} LadderCitation;

typedef struct {
  const char *id;
  const char *name;          /* display name, translated */
  int         level;         /* 0 = top; -1 = off the ladder */
  gboolean    product_team;
  double      color[3];      /* r, g, b in 0..1 */
  /* Messages call a person of this role by their title (role "other"). */
  gboolean    title_as_label;
  const LadderCitation *citations;  /* where the documents place the role */
  guint       n_citations;
} LadderRole;

typedef struct _LadderRule LadderRule;

#define LADDER_TYPE_CATALOGUE (ladder_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (LadderCatalogue, ladder_catalogue, LADDER, CATALOGUE, GObject)

/* The built-in catalogue (shared, do not unref more than you ref). */
LadderCatalogue *ladder_catalogue_get_default (void);
LadderCatalogue *ladder_catalogue_new_from_file  (const char *path, GError **error);
LadderCatalogue *ladder_catalogue_new_from_bytes (GBytes *bytes, const char *display_name,
                                                  GError **error);
/* The rules file at @path read on top of @base (the built-in catalogue
 * when NULL) if it says <rules extends="builtin">, else on its own:
 * what each --rules=FILE does to the ones before it.  new_from_file()
 * and new_from_bytes() read a file that extends on top of the built-in
 * catalogue. */
LadderCatalogue *ladder_catalogue_new_extending  (LadderCatalogue *base, const char *path,
                                                  GError **error);

guint             ladder_catalogue_get_n_roles   (LadderCatalogue *self);
const LadderRole *ladder_catalogue_get_role      (LadderCatalogue *self, guint index);
/* By id (exact); NULL when unknown. */
const LadderRole *ladder_catalogue_lookup_role   (LadderCatalogue *self, const char *id);
/* By id or display name, case-insensitively (CSV import). */
const LadderRole *ladder_catalogue_find_role     (LadderCatalogue *self, const char *id_or_name);
/* The role a free job title stands for, through the catalogue's
 * aliases (SPEC.md "Import"), or NULL when none matches. */
const LadderRole *ladder_catalogue_role_for_title (LadderCatalogue *self,
                                                   const char *title);
/* The title of the document @seed names (SPEC.md "Sources of the
 * rules"), or @seed itself when the catalogue has no <source> for it. */
const char       *ladder_catalogue_get_source_title (LadderCatalogue *self,
                                                     const char *seed);

guint             ladder_catalogue_get_n_rules   (LadderCatalogue *self);
const LadderRule *ladder_catalogue_get_rule      (LadderCatalogue *self, guint index);
const LadderRule *ladder_catalogue_lookup_rule   (LadderCatalogue *self, const char *id);

const char       *ladder_rule_get_id             (const LadderRule *rule);
LadderSeverity    ladder_rule_get_severity       (const LadderRule *rule);
const char       *ladder_rule_get_summary        (const LadderRule *rule); /* what is checked */
/* Why a rule that quotes no document holds (a company's policy), or NULL. */
const char       *ladder_rule_get_policy         (const LadderRule *rule);
guint             ladder_rule_get_n_citations    (const LadderRule *rule);
const LadderCitation *ladder_rule_get_citation   (const LadderRule *rule, guint index);

const char       *ladder_severity_to_string      (LadderSeverity severity); /* "error" ... */

G_END_DECLS
