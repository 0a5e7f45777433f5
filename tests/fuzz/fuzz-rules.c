/* fuzz-rules.c — the rules file (role catalogue and rule set)
 *
 * An accepted catalogue is walked completely, so that a dangling pointer
 * or a missing string shows up under AddressSanitizer.
 */
#include <string.h>

#include "fuzz-common.h"
#include "ladder-catalogue.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static volatile size_t sink;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCatalogue) catalogue = NULL;

  catalogue = ladder_catalogue_new_from_bytes (bytes, "fuzz-rules.xml", &error);
  if (catalogue == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  for (guint i = 0; i < ladder_catalogue_get_n_roles (catalogue); i++)
    {
      const LadderRole *role = ladder_catalogue_get_role (catalogue, i);

      sink += strlen (role->id) + strlen (role->name);
      if (ladder_catalogue_lookup_role (catalogue, role->id) == NULL)
        abort ();
      if (ladder_catalogue_find_role (catalogue, role->name) == NULL)
        abort ();
    }
  for (guint i = 0; i < ladder_catalogue_get_n_rules (catalogue); i++)
    {
      const LadderRule *rule = ladder_catalogue_get_rule (catalogue, i);

      sink += strlen (ladder_rule_get_id (rule)) + strlen (ladder_rule_get_summary (rule));
      sink += strlen (ladder_severity_to_string (ladder_rule_get_severity (rule)));
      if (ladder_catalogue_lookup_rule (catalogue, ladder_rule_get_id (rule)) != rule)
        abort ();
      for (guint c = 0; c < ladder_rule_get_n_citations (rule); c++)
        {
          const LadderCitation *citation = ladder_rule_get_citation (rule, c);

          sink += strlen (citation->seed) + strlen (citation->quote) + strlen (citation->title);
          if (strcmp (ladder_catalogue_get_source_title (catalogue, citation->seed), citation->title) != 0)
            abort ();
        }
      if (ladder_rule_get_policy (rule) != NULL)
        sink += strlen (ladder_rule_get_policy (rule));
    }

  /* The input as a job title, against the catalogue's aliases. */
  {
    g_autofree char *title = g_strndup ((const char *) data, MIN (size, 200));
    const LadderRole *role = ladder_catalogue_role_for_title (catalogue, title);

    if (role != NULL && ladder_catalogue_lookup_role (catalogue, role->id) != role)
      abort ();
  }
  return 0;
}
