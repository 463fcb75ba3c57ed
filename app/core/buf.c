/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.c: the growable string buffer (buf.h). */
#include "config.h"

#include "core/buf.h"
#include "core/protect.h"
#include "core/wipe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->limit && (n >= b->limit || b->len + n + 1 > b->limit)) {
        b->failed = 1;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = b->patient ? protect_alloc(cap) : malloc(cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        /* Copy instead of realloc so no stray copy of patient text is left
         * behind in freed memory. */
        if (b->s) {
            memcpy(p, b->s, b->len);
            wipe_free(b->s, b->cap);
        }
        b->s = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_str(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *tmp = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!tmp) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_add(b, tmp, (size_t)n);
    wipe_free(tmp, (size_t)n);
}

void buf_wipe(struct buf *b)
{
    struct buf empty = {.limit = b->limit, .patient = b->patient};
    wipe_free(b->s, b->cap);
    *b = empty;
}

char *buf_take(struct buf *b)
{
    buf_add(b, "", 0);
    if (b->failed) {
        buf_wipe(b);
        return NULL;
    }
    char *s = b->s;
    *b = (struct buf){.limit = b->limit, .patient = b->patient};
    return s;
}
