/* ladder-text.h — user text made safe to show: bounded and escaped
 *
 * A chart is anyone's file: a name may hold 60 KB, a newline that forges
 * an output line, or the escape sequences that drive a terminal.  Every
 * message that quotes a file's text bounds it here, and everything the
 * command line prints is escaped here.
 */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

/* Characters of a user's text (an id, a name, a column) quoted in a
 * message, before it is cut with "…". */
#define LADDER_TEXT_QUOTE_MAX 64
/* Items of a list (a cycle, unknown columns) named in a message, before
 * the rest is said as "and N more". */
#define LADDER_TEXT_LIST_SHOWN 10
/* Characters of one message shown in the window (error dialog, toast). */
#define LADDER_TEXT_MESSAGE_MAX 1000

/* @text cut to @max_chars characters, the last of them "…", when longer;
 * invalid UTF-8 is cut at the first bad byte. */
char *ladder_text_shorten      (const char *text, guint max_chars);
/* @text (freed) cut to LADDER_TEXT_MESSAGE_MAX characters: every
 * message that quotes a file, whatever it quotes, stays readable. */
char *ladder_text_bound        (char *text);
/* Appends " and N more" (translated); nothing when @n_more is 0. */
void  ladder_text_append_more  (GString *out, guint n_more);
/* The ids of a reporting-line cycle, "a → b → c → a", from the person
 * highest in the file (*@first_line: their line); past
 * LADDER_TEXT_LIST_SHOWN, "a → … → j and N more". */
char *ladder_text_cycle        (LadderChart *chart, const guint *cycle, guint n_cycle,
                                guint *first_line);
/* @text as one line that cannot drive a terminal or forge a line: "\n",
 * "\r" and "\t" as such, other control characters (C0, DEL) and bytes
 * that are no UTF-8 as "\xHH", the C1 controls, the bidirectional
 * controls U+202A–U+202E and U+2066–U+2069 and the line separators
 * U+2028, U+2029 as "\u202E". */
char *ladder_text_escape       (const char *text);

G_END_DECLS
