/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c: UTF-8 decoding, cell widths and UAX #14 break opportunities. */
#include "config.h"

#include "core/text.h"

#include <linebreak.h>
#include <pthread.h>
#include <string.h>

size_t text_decode(const char *s, size_t len, wchar_t *wc)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *wc = u[0];
        return 1;
    }
    size_t need;
    wchar_t min, c;
    if ((u[0] & 0xE0) == 0xC0) {
        need = 2, min = 0x80, c = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 3, min = 0x800, c = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 4, min = 0x10000, c = u[0] & 0x07;
    } else {
        *wc = 0xFFFD;
        return 1;
    }
    if (len < need) {
        *wc = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *wc = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *wc = 0xFFFD;
        return 1;
    }
    *wc = c;
    return need;
}

int text_is_control(wchar_t wc)
{
    if (wc < 0x20)
        return wc != '\t' && wc != '\n';
    if (wc >= 0x7F && wc <= 0x9F)
        return 1;
    /* Bidi overrides and isolates could reorder what a patient reads. */
    return (wc >= 0x202A && wc <= 0x202E) || (wc >= 0x2066 && wc <= 0x2069) || wc == 0xFEFF;
}

size_t text_clean(char *dst, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        /* Printable ASCII and newlines as they are, in one copy. */
        size_t run = i;
        while (run < n && ((u[run] >= 0x20 && u[run] < 0x7F) || u[run] == '\n'))
            run++;
        if (run > i) {
            memcpy(dst + len, s + i, run - i);
            len += run - i;
            i = run;
            continue;
        }
        wchar_t wc;
        size_t used = text_decode(s + i, n - i, &wc);
        if (wc == '\t') {
            dst[len++] = ' ';
        } else if (wc == 0xFFFD || text_is_noncharacter(wc)) {
            memcpy(dst + len, "\xEF\xBF\xBD", 3);
            len += 3;
        } else if (wc >= 0x1F1E6 && wc <= 0x1F1FF) {
            /* Regional indicators (flags) abort libunibreak 1.1's line
             * breaking: shown as the letters they stand for ("US"). */
            dst[len++] = (char)('A' + (wc - 0x1F1E6));
        } else if (!text_is_control(wc)) {
            memcpy(dst + len, s + i, used);
            len += used;
        }
        i += used;
    }
    dst[len] = '\0';
    return len;
}

int text_is_noncharacter(wchar_t wc)
{
    return (wc >= 0xFDD0 && wc <= 0xFDEF) || (wc & 0xFFFE) == 0xFFFE;
}

int text_char_width(wchar_t wc)
{
    if (wc >= 0x20 && wc < 0x7F)
        return 1; /* printable ASCII, what wcwidth() says for it */
    if (text_is_control(wc) || wc == '\n')
        return 0;
    if (wc == '\t')
        return 1;
    int w = wcwidth(wc);
    if (w < 0)
        return 1; /* unassigned or unknown: shown as one cell */
    return w;
}

size_t text_width(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) { /* as text_char_width() for ASCII */
            w += (u[i] >= 0x20 && u[i] < 0x7F) || u[i] == '\t';
            i++;
            continue;
        }
        wchar_t wc;
        i += text_decode(s + i, len - i, &wc);
        w += (size_t)text_char_width(wc);
    }
    return w;
}

static pthread_once_t linebreak_once = PTHREAD_ONCE_INIT;

static void linebreak_setup(void)
{
    init_linebreak();
}

static void unibreak(const char *s, size_t len, const char *lang, char *brks)
{
    pthread_once(&linebreak_once, linebreak_setup);
    set_linebreaks_utf8((const utf8_t *)s, len, lang, brks);
}

/* The fast path below knows UAX #14 for ASCII letters, digits and spaces
 * only; libunibreak breaks the rest, one stretch at a time.
 *
 * - Between two of these characters a break is allowed only after the last
 *   space of a run, and only when a letter or digit precedes the run (rules
 *   LB7, LB18, LB23, LB25, LB28). Spaces at the start of the text, or after
 *   something else, are left to libunibreak.
 * - A letter or digit is a fresh start: no rule looks back past a character
 *   of class AL or NU, so libunibreak started at one gives the same answers
 *   from there on as it would have given for the whole text. Each stretch
 *   libunibreak gets starts at the text's start or at a letter or digit, and
 *   ends with a letter or digit it is shown only to decide the break before.
 * - tests/unit/check_text.c compares the result with libunibreak on the whole
 *   text, over generated ASCII, mixed and invalid text. */
static int alnum(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* Bytes libunibreak takes for the character starting with byte c. */
static size_t unibreak_step(unsigned char c)
{
    return c < 0xC2 || c > 0xF4 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

void text_breaks(const char *s, size_t len, const char *lang, char *brks)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t at = 0; /* 0 or a letter or digit: where the next stretch starts */
    while (at < len) {
        size_t end = at;
        if (alnum(u[at])) {
            while (end < len && (alnum(u[end]) || u[end] == ' '))
                end++;
            if (end == len) { /* letters, digits and spaces to the end */
                for (size_t i = at; i + 1 < len; i++)
                    brks[i] = u[i] == ' ' && u[i + 1] != ' ' ? TEXT_BREAK_ALLOW : TEXT_BREAK_NO;
                brks[len - 1] = TEXT_BREAK_MUST;
                return;
            }
            /* Up to the last letter or digit before something else. */
            size_t last = end - 1;
            while (!alnum(u[last]))
                last--;
            for (size_t i = at; i < last; i++)
                brks[i] = u[i] == ' ' && u[i + 1] != ' ' ? TEXT_BREAK_ALLOW : TEXT_BREAK_NO;
            at = last;
        }
        /* libunibreak from `at` up to and including the next letter or digit
         * after `end` that starts one of its characters, or to the end. */
        size_t next = at;
        while (next < len && (next <= end || !alnum(u[next])))
            next += unibreak_step(u[next]);
        if (next >= len) {
            unibreak(s + at, len - at, lang, brks + at);
            return;
        }
        unibreak(s + at, next + 1 - at, lang, brks + at); /* brks[next]: redone next */
        at = next;
    }
}
