/* ladder-json-private.h — a small JSON reader (RFC 8259) for the import
 *
 * The whole document becomes an array of nodes (no tree of pointers):
 * children are linked by index, strings live in one chunk, and parsing
 * keeps its open containers on a heap stack, so nesting of any depth
 * neither recurses nor costs more than its nodes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LADDER_JSON_NONE G_MAXUINT

typedef enum {
  LADDER_JSON_NULL,
  LADDER_JSON_FALSE,
  LADDER_JSON_TRUE,
  LADDER_JSON_NUMBER,
  LADDER_JSON_STRING,
  LADDER_JSON_ARRAY,
  LADDER_JSON_OBJECT,
} LadderJsonType;

typedef struct {
  LadderJsonType type;
  guint          line;          /* of the value's first character */
  guint          first_child;   /* arrays and objects; LADDER_JSON_NONE */
  guint          next;          /* the next element or member */
  const char    *key;           /* a member's name; NULL in arrays */
  const char    *text;          /* a string's value, a number as written */
} LadderJsonNode;

typedef struct _LadderJsonDocument LadderJsonDocument;

/* The data must be UTF-8 (ladder_import_decode()).  Errors are
 * "NAME:LINE: error: WHAT" in LADDER_CHART_ERROR. */
LadderJsonDocument   *ladder_json_parse         (const char *data, gsize length,
                                                 const char *display_name, GError **error);
void                  ladder_json_document_free (LadderJsonDocument *document);
/* Node 0 is the top value. */
const LadderJsonNode *ladder_json_get_node      (LadderJsonDocument *document, guint index);
guint                 ladder_json_get_n_nodes   (LadderJsonDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderJsonDocument, ladder_json_document_free)

G_END_DECLS
