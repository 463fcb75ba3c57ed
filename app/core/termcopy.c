/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termcopy.c: OSC 52 and media copy payloads of the take-home text
 * (termcopy.h). Every intermediate copy of the text is wiped. */
#include "config.h"

#include "core/termcopy.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/wipe.h"

#include <stdlib.h>
#include <string.h>

char *termcopy_base64(const void *data, size_t len)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *in = data;
    if (len > (((size_t)-1) / 4 - 1) * 3)
        return NULL;
    char *out = malloc((len + 2) / 3 * 4 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < len)
            v |= in[i + 2];
        *o++ = abc[v >> 18 & 63];
        *o++ = abc[v >> 12 & 63];
        *o++ = i + 1 < len ? abc[v >> 6 & 63] : '=';
        *o++ = i + 2 < len ? abc[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

char *termcopy_clean(const char *text, int crlf)
{
    /* text_clean() is the one filter of what reaches a terminal (text.h);
     * then each line feed becomes CR LF for a printer. */
    size_t len = strlen(text);
    if (len > ((size_t)-1) / 6 - 1)
        return NULL;
    char *clean = malloc(3 * len + 1);
    if (!clean)
        return NULL;
    size_t n = text_clean(clean, text, len);
    char *out = crlf ? malloc(2 * n + 1) : clean, *o = out;
    if (!out) {
        wipe_free(clean, 3 * len + 1);
        return NULL;
    }
    if (crlf) {
        for (size_t i = 0; i < n; i++) {
            if (clean[i] == '\n')
                *o++ = '\r';
            *o++ = clean[i];
        }
        *o = '\0';
        wipe_free(clean, 3 * len + 1);
    }
    return out;
}

/* prefix, then body, then suffix, in one new string; body is wiped and freed. */
static char *wrap(const char *prefix, char *body, const char *suffix)
{
    if (!body)
        return NULL;
    struct buf b = {.patient = 1};
    buf_str(&b, prefix);
    buf_str(&b, body);
    buf_str(&b, suffix);
    wipe_string(body);
    return buf_take(&b);
}

char *termcopy_osc52(const char *text)
{
    char *clean = termcopy_clean(text, 0);
    if (!clean)
        return NULL;
    char *b64 = termcopy_base64(clean, strlen(clean));
    wipe_string(clean);
    return wrap("\033]52;c;", b64, "\a");
}

char *termcopy_media(const char *text)
{
    return wrap("\033[5i", termcopy_clean(text, 1), "\f\033[4i");
}
