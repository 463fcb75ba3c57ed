/* text.c: UTF-8 decoding, cell widths and UAX #14 break opportunities. */
#include "config.h"

#include "core/text.h"

#include <linebreak.h>
#include <pthread.h>
#include <string.h>
#include <wctype.h>

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

int text_is_noncharacter(wchar_t wc)
{
    return (wc >= 0xFDD0 && wc <= 0xFDEF) || (wc & 0xFFFE) == 0xFFFE;
}

int text_char_width(wchar_t wc)
{
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
    size_t w = 0;
    for (size_t i = 0; i < len;) {
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

void text_breaks(const char *s, size_t len, const char *lang, char *brks)
{
    if (len == 0)
        return;
    pthread_once(&linebreak_once, linebreak_setup);
    set_linebreaks_utf8((const utf8_t *)s, len, lang, brks);
}

static wchar_t fold(wchar_t wc)
{
    return (wchar_t)towlower((wint_t)wc);
}

long text_find(const char *hay, size_t hay_len, size_t from, const char *needle, size_t *match_len)
{
    size_t nlen = strlen(needle);
    if (nlen == 0)
        return -1;
    for (size_t start = from; start < hay_len;) {
        size_t h = start, n = 0;
        while (n < nlen && h < hay_len) {
            wchar_t a, b;
            size_t ha = text_decode(hay + h, hay_len - h, &a);
            size_t nb = text_decode(needle + n, nlen - n, &b);
            if (fold(a) != fold(b))
                break;
            h += ha;
            n += nb;
        }
        if (n == nlen) {
            *match_len = h - start;
            return (long)start;
        }
        wchar_t skip;
        start += text_decode(hay + start, hay_len - start, &skip);
    }
    return -1;
}
