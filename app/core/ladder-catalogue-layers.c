/* ladder-catalogue-layers.c — parsing rules files, and reading one on
 * top of another
 *
 * A rules file with <rules extends="builtin"> adds to the catalogue
 * below it (SPEC.md "Rules files that add to the built-in ones").  A
 * catalogue keeps the bytes of the files it was read from, so one built
 * on top of it reads them all again, in order, with the new file last:
 * sets and rules then see every role, whichever file defines it.
 */
#include "config.h"

#include "ladder-catalogue-private.h"
#include "ladder-chart.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

/* What the parser saw that we refuse, kept in the context's _private. */
typedef struct {
  int   doctype_line;        /* 0: none */
  int   error_line;
  char *error_message;       /* the first error: later ones are fallout */
} ParseTrouble;

static void
refuse_doctype (void          *user_data,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseTrouble *trouble = ctxt->_private;

  /* Stop before any entity is declared. */
  trouble->doctype_line = MAX (1, xmlSAX2GetLineNumber (ctxt));
  xmlStopParser (ctxt);
}

static void
keep_first_error (void     *user_data,
                  xmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseTrouble *trouble = ctxt->_private;

  if (trouble->error_message || error->level < XML_ERR_ERROR)
    return;
  trouble->error_line = error->line;
  trouble->error_message = g_strchomp (g_strdup (error->message ? error->message : ""));
}

/* Parses one rules file strictly: no DOCTYPE, nothing from the network. */
static xmlDoc *
parse_rules (GBytes      *bytes,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  xmlDoc *doc;
  const char *data;
  gsize size;
  ParseTrouble trouble = { 0 };

  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_PARSE,
                   "%s:1: error: %s", display_name, _("the file is too large for a rules file"));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  g_assert (ctxt != NULL);
  ctxt->_private = &trouble;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = keep_first_error;
  doc = xmlCtxtReadMemory (ctxt, data ? data : "", (int) size, display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (trouble.doctype_line)
    g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_FORBIDDEN,
                 "%s:%d: error: %s", display_name, trouble.doctype_line,
                 _("a rules file may not have a DOCTYPE"));
  else if (doc == NULL || trouble.error_message || xmlDocGetRootElement (doc) == NULL)
    g_set_error (error, LADDER_CHART_ERROR, LADDER_CHART_ERROR_PARSE,
                 "%s:%d: error: %s", display_name, MAX (trouble.error_line, 1),
                 trouble.error_message ? trouble.error_message : _("not well-formed XML"));
  else
    return doc;

  g_free (trouble.error_message);
  if (doc)
    xmlFreeDoc (doc);
  return NULL;
}

static gboolean
extends_builtin (xmlDoc *doc)
{
  xmlChar *extends = xmlGetNoNsProp (xmlDocGetRootElement (doc), (const xmlChar *) "extends");
  gboolean extends_it = extends != NULL;

  /* Any other value is refused when the file is read. */
  xmlFree (extends);
  return extends_it;
}

gboolean
ladder_catalogue_load (LadderCatalogue *self,
                       LadderCatalogue *base,
                       GBytes          *bytes,
                       const char      *display_name,
                       GError         **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeDoc);
  xmlDoc *doc = parse_rules (bytes, display_name, error);

  if (doc == NULL)
    return FALSE;

  if (extends_builtin (doc))
    {
      if (base == NULL)
        base = ladder_catalogue_get_default ();
      for (guint i = 0; i < ladder_catalogue_get_n_layers (base); i++)
        {
          const char *name;
          GBytes *layer = ladder_catalogue_get_layer (base, i, &name);
          xmlDoc *below = parse_rules (layer, name, error);

          if (below == NULL)
            {
              xmlFreeDoc (doc);
              return FALSE;
            }
          g_ptr_array_add (docs, below);
          ladder_catalogue_add_layer (self, layer, name);
        }
    }
  g_ptr_array_add (docs, doc);
  ladder_catalogue_add_layer (self, bytes, display_name);
  return ladder_catalogue_read (self, (xmlDoc **) docs->pdata, docs->len, error);
}
