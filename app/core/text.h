/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h: UTF-8 text measured in terminal cells, and where lines may break.
 *
 * Widths are display cells (wcwidth), never bytes or code points. Invalid
 * UTF-8 bytes are treated as one U+FFFD each. Control characters (C0, DEL,
 * C1, ESC sequences' introducers) have no width; text_is_control() names
 * them, and the layout (layout_lines.c) and the configuration drop them, so
 * none reaches a terminal. Callers need a UTF-8 LC_CTYPE (C.UTF-8 will do). */
#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decode one character at s (at most len bytes) into *wc. Returns the bytes
 * used (1 to 4); an invalid or truncated sequence uses 1 byte and gives
 * U+FFFD. len must be >= 1. */
size_t text_decode(const char *s, size_t len, wchar_t *wc);

/* Cells taken by one character: 0 for combining marks and controls, 2 for
 * wide (CJK) characters, 1 otherwise. */
int text_char_width(wchar_t wc);

/* Cells taken by len bytes of s. */
size_t text_width(const char *s, size_t len);

/* 1 when wc must never reach a terminal (C0 other than tab/newline, DEL, C1,
 * and the bidi/format controls that could reorder a line). */
int text_is_control(wchar_t wc);

/* Copy n bytes of s to dst as text that is safe to show on a terminal or
 * in a page: what the screen shows. Controls (text_is_control(): C0 but
 * newline, DEL, C1, bidi overrides and isolates, BOM) are dropped, so no
 * escape sequence survives; a tab becomes a space; invalid UTF-8 and
 * noncharacters become U+FFFD; regional indicators become the letters they
 * stand for. dst must hold 3 * n + 1 bytes. Returns the bytes written,
 * not counting the NUL that ends dst. Never fails. */
size_t text_clean(char *dst, const char *s, size_t n);

/* 1 for Unicode noncharacters (U+FDD0..U+FDEF, and U+xxFFFE/U+xxFFFF in
 * every plane). They never belong in text; libunibreak even treats U+FFFF
 * as its end marker and aborts on it, so they are shown as U+FFFD. */
int text_is_noncharacter(wchar_t wc);

/* Line-break opportunities for len bytes of UTF-8: UAX #14 as libunibreak
 * gives them for the whole text (letters, digits and spaces in ASCII are
 * worked out here, the rest by libunibreak).
 * brks must hold len bytes; brks[i] describes a break after byte i: one of
 * TEXT_BREAK_MUST, TEXT_BREAK_ALLOW, TEXT_BREAK_NO, TEXT_BREAK_INSIDE.
 * lang is an ISO 639 code ("en", "es", "zh") or NULL. */
enum { TEXT_BREAK_MUST = 0, TEXT_BREAK_ALLOW = 1, TEXT_BREAK_NO = 2, TEXT_BREAK_INSIDE = 3 };
void text_breaks(const char *s, size_t len, const char *lang, char *brks);

/* Search for needle in hay (both UTF-8), starting at byte from, without
 * regard to case or accents (full case folding, NFKD, combining marks
 * dropped: "medicacion" finds "Medicación"; text_find.c, libunistring).
 * Returns the byte offset of the first match or -1 (also when out of
 * memory); *match_len gets the matched length in hay's bytes: whole
 * characters as hay writes them, accents after them included. */
long text_find(const char *hay, size_t hay_len, size_t from, const char *needle, size_t *match_len);

#endif
