/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termcopy.h: the take-home text for the patient's own terminal, over SSH:
 * an OSC 52 sequence that puts it on their clipboard, and an ANSI media
 * copy block that sends it to the printer on their terminal's printer port.
 * Whether the terminal can take either is termcaps.h's question.
 *
 * The text is patient data: each payload is built in memory and nothing
 * here writes it anywhere or logs it. Every function returns a malloc'd,
 * NUL-terminated string the caller owns and lets go of with wipe_string()
 * (core/wipe.h) once it is written; NULL when out of memory. */
#ifndef KIOSK_TERMCOPY_H
#define KIOSK_TERMCOPY_H

#include <stddef.h>

/* len bytes of data in base64 (RFC 4648, with padding, no line breaks). */
char *termcopy_base64(const void *data, size_t len);

/* text as text_clean() (core/text.h) leaves it: C0 but the line feed (a
 * tab becomes a space), DEL, C1 (U+0080 to U+009F) and the bidi controls
 * are dropped and invalid UTF-8 is U+FFFD, so the patient's text can never
 * become a command to the terminal or the printer. crlf: 1 writes each
 * line feed as CR LF (for a printer). */
char *termcopy_clean(const char *text, int crlf);

/* ESC ] 52 ; c ; <base64 of the cleaned text> BEL: "copy this to the
 * clipboard" (xterm's OSC 52). */
char *termcopy_osc52(const char *text);

/* ESC [ 5 i, the cleaned text in CR LF lines, a form feed, ESC [ 4 i: the
 * terminal passes what is between to its printer and shows none of it
 * (VT102 printer controller mode, "ANSI media copy"). */
char *termcopy_media(const char *text);

#endif
