/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_wire.c: a script as bytes for the reader program and back
 * (speech_wire.h). */
#include "config.h"

#include "core/speech_wire.h"

#include <stdlib.h>
#include <string.h>

static const char magic[4] = {'K', 'S', 'W', '1'};

static size_t put(unsigned char *p, size_t at, const char *s, size_t n)
{
    if (p) {
        for (int i = 0; i < 4; i++)
            p[at + (size_t)i] = (unsigned char)((uint32_t)n >> (8 * i));
        memcpy(p + at + 4, s, n);
    }
    return at + 4 + n;
}

static size_t put_all(unsigned char *p, const struct speech_script *s)
{
    if (p)
        memcpy(p, magic, 4);
    size_t at = put(p, 4, s->lang ? s->lang : "en", s->lang ? strlen(s->lang) : 2);
    if (p)
        for (int i = 0; i < 4; i++)
            p[at + (size_t)i] = (unsigned char)((uint32_t)s->count >> (8 * i));
    at += 4;
    for (size_t i = 0; i < s->count; i++)
        at = put(p, at, s->sentences[i].text, s->sentences[i].len);
    return at;
}

unsigned char *speech_wire_encode(const struct speech_script *s, size_t *len)
{
    *len = 0;
    if (!s)
        return NULL;
    size_t n = put_all(NULL, s);
    if (n > SPEECH_WIRE_MAX_BYTES)
        return NULL;
    unsigned char *p = malloc(n);
    if (!p)
        return NULL;
    put_all(p, s);
    *len = n;
    return p;
}

/* 0 with *v, or -1 past the end. */
static int get_u32(const unsigned char *buf, size_t len, size_t *at, uint32_t *v)
{
    if (len - *at < 4)
        return -1;
    *v = 0;
    for (int i = 0; i < 4; i++)
        *v |= (uint32_t)buf[*at + (size_t)i] << (8 * i);
    *at += 4;
    return 0;
}

/* A malloc'd NUL-terminated copy of the next string (*n bytes), or NULL. */
static char *get_str(const unsigned char *buf, size_t len, size_t *at, size_t *n)
{
    uint32_t k;
    if (get_u32(buf, len, at, &k) < 0 || k > len - *at || memchr(buf + *at, '\0', k))
        return NULL;
    char *s = malloc((size_t)k + 1);
    if (!s)
        return NULL;
    memcpy(s, buf + *at, k);
    s[k] = '\0';
    *at += k;
    *n = k;
    return s;
}

struct speech_script *speech_wire_decode(const unsigned char *buf, size_t len)
{
    if (!buf || len < 4 || len > SPEECH_WIRE_MAX_BYTES || memcmp(buf, magic, 4) != 0)
        return NULL;
    size_t at = 4, n;
    char *lang = get_str(buf, len, &at, &n);
    if (!lang)
        return NULL;
    struct speech_script *s = speech_script_new(lang);
    free(lang);
    uint32_t count;
    /* Each sentence takes at least 4 bytes: count is bounded by len. */
    if (!s || get_u32(buf, len, &at, &count) < 0 || count > (len - at) / 4) {
        speech_script_free(s);
        return NULL;
    }
    s->sentences = calloc(count ? count : 1, sizeof *s->sentences);
    if (!s->sentences) {
        speech_script_free(s);
        return NULL;
    }
    s->cap = count;
    for (uint32_t i = 0; i < count; i++) {
        char *t = get_str(buf, len, &at, &n);
        if (!t) {
            speech_script_free(s);
            return NULL;
        }
        s->sentences[s->count++] = (struct speech_sentence){.text = t, .len = n};
    }
    if (at != len) {
        speech_script_free(s);
        return NULL;
    }
    return s;
}
