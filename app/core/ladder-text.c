/* ladder-text.c — user text made safe to show: bounded and escaped */
#include "config.h"

#include "ladder-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

char *
ladder_text_shorten (const char *text, guint max_chars)
{
  const char *end = NULL;
  const char *p = text;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars >= 1, NULL);

  if (!g_utf8_validate (text, -1, &end))
    {
      g_autofree char *valid = g_strndup (text, end - text);

      return g_strconcat (valid, "…", NULL);
    }
  while (*p != '\0' && n < max_chars)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p == '\0')
    return g_strdup (text);
  /* One character fewer, to make room for the "…". */
  p = g_utf8_prev_char (p);
  {
    g_autofree char *kept = g_strndup (text, p - text);

    return g_strconcat (kept, "…", NULL);
  }
}

char *
ladder_text_bound (char *text)
{
  char *shorter;

  g_return_val_if_fail (text != NULL, NULL);

  /* Bytes first: most messages are far below the limit in either. */
  if (strlen (text) <= LADDER_TEXT_MESSAGE_MAX)
    return text;
  shorter = ladder_text_shorten (text, LADDER_TEXT_MESSAGE_MAX);
  g_free (text);
  return shorter;
}

void
ladder_text_append_more (GString *out, guint n_more)
{
  g_return_if_fail (out != NULL);

  if (n_more == 0)
    return;
  /* TRANSLATORS: ends a list cut short, "a, b, c and 40 more" */
  g_string_append_printf (out, ngettext (" and %u more", " and %u more", n_more), n_more);
}

char *
ladder_text_cycle (LadderChart *chart, const guint *cycle, guint n_cycle, guint *first_line)
{
  GString *out = g_string_new (NULL);
  gboolean whole = n_cycle <= LADDER_TEXT_LIST_SHOWN;
  guint first = 0;

  g_return_val_if_fail (LADDER_IS_CHART (chart), NULL);
  g_return_val_if_fail (cycle != NULL && n_cycle > 0, NULL);

  /* From the person highest in the file, so that the message does not
   * depend on where the loop was found. */
  for (guint i = 1; i < n_cycle; i++)
    {
      if (ladder_chart_get_line (chart, cycle[i]) < ladder_chart_get_line (chart, cycle[first]))
        first = i;
    }
  /* Whole, it closes on its first id again. */
  for (guint i = 0; i < (whole ? n_cycle + 1 : LADDER_TEXT_LIST_SHOWN); i++)
    {
      g_autofree char *id = ladder_text_shorten (ladder_chart_get_id (chart, cycle[(first + i) % n_cycle]),
                                                 LADDER_TEXT_QUOTE_MAX);

      if (i > 0)
        g_string_append (out, " → ");
      g_string_append (out, id);
    }
  if (!whole)
    ladder_text_append_more (out, n_cycle - LADDER_TEXT_LIST_SHOWN);
  if (first_line != NULL)
    *first_line = ladder_chart_get_line (chart, cycle[first]);
  return g_string_free (out, FALSE);
}

/* C1 controls (a terminal may read U+009B as CSI), bidirectional
 * controls, line separators. */
static gboolean
is_hidden_control (gunichar c)
{
  return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

char *
ladder_text_escape (const char *text)
{
  GString *out;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most lines are printable ASCII throughout: nothing to do. */
  while (*p >= 0x20 && *p < 0x7F)
    p++;
  if (*p == '\0')
    return g_strdup (text);
  p = text;

  out = g_string_sized_new (strlen (text) + 16);
  while (*p != '\0')
    {
      guchar byte = (guchar) *p;
      gunichar c;

      if (byte < 0x80)
        {
          if (byte == '\n')
            g_string_append (out, "\\n");
          else if (byte == '\r')
            g_string_append (out, "\\r");
          else if (byte == '\t')
            g_string_append (out, "\\t");
          else if (byte < 0x20 || byte == 0x7F)
            g_string_append_printf (out, "\\x%02X", byte);
          else
            g_string_append_c (out, *p);
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", byte);
          p++;
          continue;
        }
      if (is_hidden_control (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
