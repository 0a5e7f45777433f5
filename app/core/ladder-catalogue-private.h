/* ladder-catalogue-private.h — the parsed form of a rule, for the validator
 *
 * A rule is one of a small set of built-in check kinds, parameterised by
 * role sets (docs/RULES-FORMAT.md).  A role set is a byte per catalogue
 * role, indexed like ladder_catalogue_get_role(), plus one last byte that
 * stands for every role the catalogue does not know.
 */
#pragma once

#include "ladder-catalogue.h"

#include <libxml/tree.h>

G_BEGIN_DECLS

typedef enum {
  LADDER_CHECK_KNOWN_ROLE,
  LADDER_CHECK_HAS_MANAGER,
  LADDER_CHECK_NO_MANAGER,
  LADDER_CHECK_AT_MOST_ONE,
  LADDER_CHECK_RANK_ORDER,
  LADDER_CHECK_MANAGER_MUST_BE,
  LADDER_CHECK_MANAGER_MUST_NOT_BE,
  LADDER_CHECK_NO_ANCESTOR_ROLE,
  LADDER_CHECK_NO_REPORTS,
  LADDER_CHECK_HAS_REPORTS,
  LADDER_CHECK_HAS_DESCENDANT_ROLE,
  LADDER_CHECK_HAS_REPORT_ROLE,
  LADDER_CHECK_SMALL_ORG,
  LADDER_CHECK_SPAN,
  LADDER_CHECK_LAYERS,
  LADDER_CHECK_SINGLE_REPORT,
} LadderCheckKind;

struct _LadderRule {
  const char      *id;
  LadderSeverity   severity;
  LadderCheckKind  check;
  guint            index;            /* position in the catalogue */
  guint            line;             /* of <rule> in the rules file */
  const char      *summary;          /* translated */
  const char      *message;          /* template, translated */
  const char      *policy;           /* translated; NULL when none */
  const guint8    *subjects;         /* never NULL */
  const guint8    *roles;            /* "managers" or "roles"; NULL if the kind has none */
  const guint8    *except_managers;  /* NULL when not given */
  const guint     *allow_pairs;      /* (subject, manager) role indices */
  guint            n_allow_pairs;
  gint64           employees_below;
  gint64           min, max;         /* span, layers; -1 when not given */
  gboolean         whole_chart;      /* layers without subjects */
  const LadderCitation *citations;
  guint            n_citations;
};

/* Reads a rules file into an empty catalogue; when the file says
 * extends="builtin", on top of @base's files (the built-in catalogue
 * when @base is NULL).  ladder-catalogue-layers.c. */
gboolean     ladder_catalogue_load              (LadderCatalogue *self, LadderCatalogue *base,
                                                 GBytes *bytes, const char *display_name,
                                                 GError **error);
/* Reads parsed rules files, each on top of those before it, into an
 * empty catalogue (ladder-catalogue-reader.c).  A document's URL is the
 * file name its errors give. */
gboolean     ladder_catalogue_read              (LadderCatalogue *self, xmlDoc **docs,
                                                 guint n_docs, GError **error);
/* The files a catalogue was read from, bottom first: what a file that
 * extends it is read on top of. */
void         ladder_catalogue_add_layer         (LadderCatalogue *self, GBytes *bytes,
                                                 const char *display_name);
guint        ladder_catalogue_get_n_layers      (LadderCatalogue *self);
GBytes      *ladder_catalogue_get_layer         (LadderCatalogue *self, guint index,
                                                 const char **display_name);

/* For the reader: strings and blocks live as long as the catalogue. */
const char  *ladder_catalogue_intern            (LadderCatalogue *self, const char *text);
gpointer     ladder_catalogue_alloc             (LadderCatalogue *self, gsize size);
/* @msgid: the untranslated display name, also found by find_role(). */
void         ladder_catalogue_add_role          (LadderCatalogue *self, const LadderRole *role,
                                                 const char *msgid);
void         ladder_catalogue_add_rule          (LadderCatalogue *self, LadderRule *rule);  /* takes it */

/* The index of the role with this id, or ladder_catalogue_get_n_roles()
 * (the "unknown role" slot of a role set) when there is none. */
guint        ladder_catalogue_lookup_role_index (LadderCatalogue *self, const char *id);

/* A later source with the same seed replaces it. */
void         ladder_catalogue_add_source        (LadderCatalogue *self, const char *seed, const char *title);

/* Aliases (ladder-catalogue-alias.c): a title or an alias as its
 * normalised words (SPEC.md "Import"). */
typedef struct _LadderTitleWords LadderTitleWords;

LadderTitleWords *ladder_title_words_new        (const char *title);
void         ladder_title_words_free            (LadderTitleWords *words);
/* The words one space apart: an alias's key. */
const char  *ladder_title_words_get_text        (LadderTitleWords *words);
guint        ladder_title_words_get_n           (LadderTitleWords *words);
void         ladder_title_words_prefix          (LadderTitleWords *words, guint n, GString *key);
gboolean     ladder_title_words_ends_at         (LadderTitleWords *words, guint n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderTitleWords, ladder_title_words_free)

/* @key: normalised words; a later alias with the same key replaces it. */
void         ladder_catalogue_add_alias         (LadderCatalogue *self, const char *key, guint role_index);
/* The role index an alias key names, or get_n_roles() when none. */
guint        ladder_catalogue_lookup_alias_index (LadderCatalogue *self, const char *key);

G_END_DECLS
