/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys.h: reading a key from curses with escape sequences swallowed whole.
 * curses decodes what terminfo names for $TERM (and its mouse reports); what
 * it does not know reaches it as ESC and loose bytes, and is decoded here by
 * the grammar in core/keyseq.h: a known key becomes its KEY_ code, a mouse
 * report a KEY_MOUSE event, anything else KEYS_NONE, never Esc and "[6~".
 * Modified keys (Shift, Ctrl, Alt) act as the key alone. */
#ifndef KIOSK_KEYS_H
#define KIOSK_KEYS_H

#include <wchar.h>

/* A key nobody here knows: it counts as the patient being there (the idle
 * countdown stops) and as "any key", and does nothing else. Above KEY_MAX
 * and every code curses gives. */
enum { KEYS_NONE = 0x7FFF };

/* The terminal's answer to the DA1 query (core/termcaps.h): KEYS_TERMCAPS
 * plus the TERMCAPS_ bits it offers (keys_termcaps() tells it from a key).
 * Not a key: the main loop takes it before any screen. */
enum { KEYS_TERMCAPS = 0x7F00 };
static inline int keys_termcaps(int key)
{
    return key >= KEYS_TERMCAPS && key < KEYS_TERMCAPS + 4 ? key - KEYS_TERMCAPS : -1;
}

/* Ask curses to leave the keypad's digits to this decoder (its VT100
 * application codes then come out as digits under every TERM). Call once
 * after keypad(). */
void keys_start(void);

/* As getch(), in the timeout the caller set (which it keeps): a character, a
 * KEY_ code, KEYS_NONE or ERR. */
int keys_getch(void);

/* As get_wch(): OK with a character in *ch, KEY_CODE_YES with a KEY_ code
 * (KEYS_NONE included), or ERR. */
int keys_get_wch(wint_t *ch);

/* key was a digit on a list of count items: read the rest of the number
 * (core/numentry.h), showing it as it is typed, until it is whole, Enter or
 * a pause of NUMENTRY_PAUSE_MS. Returns the item's number (1 to count), or 0
 * when there is none: no such item, or the number was left for another key
 * (given back to be read next; Esc and Backspace only drop the number).
 * *enter, when not NULL, is set to 1 when Enter ended the number, else 0.
 * The terminal's DA1 answer (KEYS_TERMCAPS) coming meanwhile does not end
 * the number: it is given back afterwards, for the main loop. */
size_t keys_number(int key, size_t count, int *enter);

#endif
