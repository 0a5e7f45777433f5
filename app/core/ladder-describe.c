/* ladder-describe.c — a person in words, for labels and screen readers
 *
 * The canvas draws a person as a card; a screen reader needs the same
 * card as a sentence.  The window's accessible name for the selection and
 * the canvas's accessible card objects both come from here, so the two
 * always say the same thing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-describe.h"

const char *
ladder_describe_label (LadderChart *chart, LadderCatalogue *catalogue, guint person)
{
  const char *text;
  const LadderRole *role;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);

  text = ladder_chart_get_name (chart, person);
  if (text != NULL && *text != '\0')
    return text;
  text = ladder_chart_get_person_title (chart, person);
  if (text != NULL && *text != '\0')
    return text;
  role = ladder_catalogue_lookup_role (catalogue, ladder_chart_get_role (chart, person));
  if (role != NULL)
    return role->name;
  return ladder_chart_get_id (chart, person);
}

/* The title when there is one, else the role's display name. */
static const char *
role_label (LadderChart *chart, LadderCatalogue *catalogue, guint person)
{
  const char *title = ladder_chart_get_person_title (chart, person);
  const char *role_id = ladder_chart_get_role (chart, person);
  const LadderRole *role = ladder_catalogue_lookup_role (catalogue, role_id);

  if (title != NULL && *title != '\0')
    return title;
  return role != NULL ? role->name : role_id;
}

static void
append_findings (GString *text, LadderFindings *findings, guint person, LadderSeverity severity)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  guint count = 0;

  for (guint i = 0; i < ladder_findings_get_n (findings); i++)
    {
      const LadderFinding *finding = ladder_findings_get (findings, i);

      if (finding->person != person || finding->severity != severity)
        continue;
      if (count++ > 0)
        g_string_append (messages, " ");
      g_string_append (messages, finding->message);
    }
  if (count == 0)
    return;

  g_string_append (text, ", ");
  switch (severity)
    {
    case LADDER_SEVERITY_ERROR:
      /* Translators: in what a screen reader says about a person */
      g_string_append_printf (text, ngettext ("%u error: %s", "%u errors: %s", count),
                              count, messages->str);
      break;
    case LADDER_SEVERITY_WARNING:
      g_string_append_printf (text, ngettext ("%u warning: %s", "%u warnings: %s", count),
                              count, messages->str);
      break;
    case LADDER_SEVERITY_NOTE:
    default:
      g_string_append_printf (text, ngettext ("%u note: %s", "%u notes: %s", count),
                              count, messages->str);
      break;
    }
}

char *
ladder_describe_person (LadderChart     *chart,
                        LadderCatalogue *catalogue,
                        LadderFindings  *findings,
                        guint            person)
{
  GString *text;
  const char *name;
  guint manager, n_reports = 0;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (ladder_chart_is_alive (chart, person), NULL);

  text = g_string_new (NULL);
  name = ladder_chart_get_name (chart, person);
  if (ladder_chart_get_vacant (chart, person))
    /* Translators: an open position, "Vacant: Head of Product" */
    g_string_append_printf (text, _("Vacant: %s"), role_label (chart, catalogue, person));
  else if (name != NULL && *name != '\0')
    /* Translators: "Ada Obi, Chief Product Officer" */
    g_string_append_printf (text, _("%s, %s"), name, role_label (chart, catalogue, person));
  else
    g_string_append (text, role_label (chart, catalogue, person));

  manager = ladder_chart_get_manager (chart, person);
  g_string_append (text, ", ");
  if (manager != LADDER_NONE)
    /* Translators: "Ada Obi, CPO, reports to Ben Cruz" */
    g_string_append_printf (text, _("reports to %s"),
                            ladder_describe_label (chart, catalogue, manager));
  else
    g_string_append (text, _("reports to no one"));

  for (guint r = ladder_chart_get_first_report (chart, person); r != LADDER_NONE;
       r = ladder_chart_get_next_sibling (chart, r))
    n_reports++;
  if (n_reports > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u direct report", "%u direct reports", n_reports),
                              n_reports);
      if (ladder_chart_get_collapsed (chart, person))
        g_string_append_printf (text, " (%s)", _("folded"));
    }

  /* Most people have no finding; they cost no walk of the list. */
  if (findings != NULL && ladder_findings_worst_for (findings, person) >= 0)
    {
      append_findings (text, findings, person, LADDER_SEVERITY_ERROR);
      append_findings (text, findings, person, LADDER_SEVERITY_WARNING);
      append_findings (text, findings, person, LADDER_SEVERITY_NOTE);
    }
  return g_string_free (text, FALSE);
}
