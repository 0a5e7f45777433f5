/* ladder-catalogue-alias.c — free job titles to roles, through aliases
 *
 * SPEC.md "Import": a title and every alias are normalised the same way
 * (lowercase; "." and "," dropped; "&" -> "and"; a few abbreviations
 * spelled out), and a title matches an alias when it equals it or begins
 * with it followed by a qualifier ("Senior Product Manager, Payments").
 * The longest matching alias wins.
 *
 * A normalised text is its words, one space apart, so an alias is one key
 * of a hash table and a title is matched by looking up its first n words,
 * its first n - 1 words, ...: the first hit is the longest alias.
 */
#include "config.h"

#include "ladder-catalogue-private.h"

#include <string.h>

/* Words spelled out before comparing, in titles and aliases alike. */
static const struct {
  const char *word;
  const char *expansion;
} expansions[] = {
  { "sr",  "senior" },
  { "jr",  "junior" },
  { "vp",  "vice president" },
  { "pm",  "product manager" },
  { "apm", "associate product manager" },
  { "gpm", "group product manager" },
  { "po",  "product owner" },
  { "cpo", "chief product officer" },
  { "ceo", "chief executive officer" },
};

struct _LadderTitleWords {
  GString *text;        /* the words, one space apart */
  GArray  *ends;        /* guint per word: its end in text */
  GArray  *qualified;   /* gboolean per word: "," "-" "–" "(" follows it */
  GString *word;        /* the word being read */
};

static void
push_word (LadderTitleWords *words,
           const char       *word)
{
  gboolean qualified = FALSE;
  guint end;

  if (words->text->len)
    g_string_append_c (words->text, ' ');
  g_string_append (words->text, word);
  end = (guint) words->text->len;
  g_array_append_val (words->ends, end);
  g_array_append_val (words->qualified, qualified);
}

static void
end_word (LadderTitleWords *words)
{
  const char *word = words->word->str;

  if (words->word->len == 0)
    return;
  /* Every abbreviation is two or three letters long. */
  for (guint i = 0; words->word->len <= 3 && i < G_N_ELEMENTS (expansions); i++)
    if (strcmp (word, expansions[i].word) == 0)
      word = expansions[i].expansion;
  push_word (words, word);
  g_string_truncate (words->word, 0);
}

static void
mark_qualifier (LadderTitleWords *words)
{
  end_word (words);
  if (words->qualified->len)
    g_array_index (words->qualified, gboolean, words->qualified->len - 1) = TRUE;
}

LadderTitleWords *
ladder_title_words_new (const char *title)
{
  LadderTitleWords *words = g_new0 (LadderTitleWords, 1);
  g_autofree char *valid = NULL;

  /* A title comes from a file: a stray byte must not walk past its end. */
  if (!g_utf8_validate (title, -1, NULL))
    title = valid = g_utf8_make_valid (title, -1);

  words->text = g_string_sized_new (64);
  words->ends = g_array_sized_new (FALSE, FALSE, sizeof (guint), 8);
  words->qualified = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), 8);
  words->word = g_string_sized_new (32);

  /* A title is read once per imported row: ASCII, by far the most
   * common, skips the Unicode tables. */
  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) g_ascii_tolower (*p)
                                      : g_unichar_tolower (g_utf8_get_char (p));

      if (c < 0x80 ? g_ascii_isalnum ((char) c) : g_unichar_isalnum (c))
        {
          if (c < 0x80)
            g_string_append_c (words->word, (char) c);
          else
            g_string_append_unichar (words->word, c);
        }
      else if (c == '.' || c == '\'' || c == 0x2019)   /* "Sr.", "V.P." */
        continue;
      else if (c == ',' || c == '-' || c == '(' || c == 0x2013 || c == 0x2014)
        mark_qualifier (words);
      else if (c == '&')
        {
          end_word (words);
          push_word (words, "and");
        }
      else
        end_word (words);
    }
  end_word (words);
  return words;
}

void
ladder_title_words_free (LadderTitleWords *words)
{
  if (words == NULL)
    return;
  g_string_free (words->text, TRUE);
  g_array_unref (words->ends);
  g_array_unref (words->qualified);
  g_string_free (words->word, TRUE);
  g_free (words);
}

const char *
ladder_title_words_get_text (LadderTitleWords *words)
{
  return words->text->str;
}

guint
ladder_title_words_get_n (LadderTitleWords *words)
{
  return words->ends->len;
}

/* The first @n words, which an alias may equal, into @key. */
void
ladder_title_words_prefix (LadderTitleWords *words,
                           guint             n,
                           GString          *key)
{
  g_assert (n >= 1 && n <= words->ends->len);
  g_string_truncate (key, 0);
  g_string_append_len (key, words->text->str, g_array_index (words->ends, guint, n - 1));
}

/* Whether what follows the first @n words leaves them a whole title: the
 * end, a qualifier mark, or " of " (a team: "Product Manager of Search"). */
gboolean
ladder_title_words_ends_at (LadderTitleWords *words,
                            guint             n)
{
  const char *next;

  if (n == words->ends->len || g_array_index (words->qualified, gboolean, n - 1))
    return TRUE;
  next = words->text->str + g_array_index (words->ends, guint, n - 1) + 1;
  return g_str_has_prefix (next, "of ") || strcmp (next, "of") == 0;
}

const LadderRole *
ladder_catalogue_role_for_title (LadderCatalogue *self,
                                 const char      *title)
{
  g_autoptr(LadderTitleWords) words = NULL;
  g_autoptr(GString) key = NULL;
  guint n_roles;

  g_return_val_if_fail (LADDER_IS_CATALOGUE (self), NULL);

  if (title == NULL)
    return NULL;
  words = ladder_title_words_new (title);
  key = g_string_new (NULL);
  n_roles = ladder_catalogue_get_n_roles (self);
  for (guint n = ladder_title_words_get_n (words); n >= 1; n--)
    {
      guint index;

      if (!ladder_title_words_ends_at (words, n))
        continue;
      ladder_title_words_prefix (words, n, key);
      index = ladder_catalogue_lookup_alias_index (self, key->str);
      if (index < n_roles)
        return ladder_catalogue_get_role (self, index);
    }
  return NULL;
}
