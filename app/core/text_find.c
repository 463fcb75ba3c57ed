/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text_find.c: text_find() (text.h), the search of the page and home
 * screens: case and accents do not matter. Both texts are folded one
 * character at a time by libunistring: full case folding, then
 * compatibility decomposition (NFKD), then every combining mark dropped, so
 * "MEDICACIÓN", "medicacion" and "medicación" (precomposed or with a
 * combining accent) are the same word, "Straße" finds "strasse" and a
 * full-width "ＳＳＲＩ" finds "ssri". The match is reported in the page's
 * own bytes, so the highlight covers the text as it is written. */
#include "config.h"

#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

/* The most units one character folds to (U+FDFA, the longest NFKD, gives
 * 18); more are cut, which only makes such a character harder to find. */
enum { FOLD_MAX = 20, FOLD_STACK = 512 };

/* Fold wc into out (at most FOLD_MAX units). Returns how many: 0 for a
 * combining mark or anything that folds to nothing. */
static size_t fold_char(wchar_t wc, uint32_t *out)
{
    if (wc < 0x80) {
        out[0] = (uint32_t)(wc >= 'A' && wc <= 'Z' ? wc + ('a' - 'A') : wc);
        return 1;
    }
    uint32_t c = (uint32_t)wc, buf[FOLD_MAX];
    size_t n = FOLD_MAX;
    uint32_t *f = u32_casefold(&c, 1, NULL, UNINORM_NFKD, buf, &n);
    if (!f) { /* out of memory: the character as it is */
        out[0] = c;
        return 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n && k < FOLD_MAX; i++)
        if (!uc_is_general_category(f[i], UC_CATEGORY_M))
            out[k++] = f[i];
    if (f != buf)
        free(f);
    return k;
}

/* A folded text: key[i] came from the character at byte src[i]. */
struct folded {
    uint32_t *key;
    size_t *src;
    size_t len, cap;
    uint32_t key_stack[FOLD_STACK];
    size_t src_stack[FOLD_STACK];
};

static int folded_add(struct folded *f, const uint32_t *units, size_t n, size_t at)
{
    if (f->len + n > f->cap) {
        size_t cap = (f->len + n) * 2;
        int heap = f->key != f->key_stack;
        uint32_t *key = heap ? realloc(f->key, cap * sizeof *key) : malloc(cap * sizeof *key);
        if (!key)
            return -1;
        if (!heap)
            memcpy(key, f->key, f->len * sizeof *key);
        f->key = key;
        size_t *src = heap ? realloc(f->src, cap * sizeof *src) : malloc(cap * sizeof *src);
        if (!src)
            return -1;
        if (!heap)
            memcpy(src, f->src, f->len * sizeof *src);
        f->src = src;
        f->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        f->key[f->len + i] = units[i];
        f->src[f->len + i] = at;
    }
    f->len += n;
    return 0;
}

static void folded_init(struct folded *f)
{
    f->key = f->key_stack;
    f->src = f->src_stack;
    f->len = 0;
    f->cap = FOLD_STACK;
}

static void folded_free(struct folded *f)
{
    if (f->key != f->key_stack)
        free(f->key);
    if (f->src != f->src_stack)
        free(f->src);
}

/* Fold len bytes of s, from byte from. 0, or -1 when out of memory. */
static int fold_text(const char *s, size_t len, size_t from, struct folded *f)
{
    uint32_t units[FOLD_MAX];
    for (size_t at = from; at < len;) {
        wchar_t wc;
        size_t used = text_decode(s + at, len - at, &wc);
        if (folded_add(f, units, fold_char(wc, units), at) < 0)
            return -1;
        at += used;
    }
    return 0;
}

long text_find(const char *hay, size_t hay_len, size_t from, const char *needle, size_t *match_len)
{
    struct folded n, h;
    folded_init(&n);
    folded_init(&h);
    long found = -1;
    if (fold_text(needle, strlen(needle), 0, &n) < 0 || n.len == 0 ||
        fold_text(hay, hay_len, from, &h) < 0)
        goto done;
    for (size_t k = 0; k + n.len <= h.len; k++) {
        if (h.key[k] != n.key[0] || memcmp(h.key + k, n.key, n.len * sizeof *n.key) != 0)
            continue;
        /* From the start of the first character matched to the end of the
         * last one, with the accents that follow it. */
        size_t start = h.src[k], last = h.src[k + n.len - 1];
        wchar_t wc;
        size_t end = last + text_decode(hay + last, hay_len - last, &wc);
        uint32_t units[FOLD_MAX];
        while (end < hay_len) {
            size_t used = text_decode(hay + end, hay_len - end, &wc);
            if (fold_char(wc, units) != 0)
                break;
            end += used;
        }
        *match_len = end - start;
        found = (long)start;
        break;
    }
done:
    folded_free(&n);
    folded_free(&h);
    return found;
}
