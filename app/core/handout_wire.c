/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout_wire.c: a handout request as length-prefixed bytes and back
 * (handout_wire.h); and handout_free(), which both ends use. */
#include "config.h"

#include "core/handout_wire.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WIRE_NULL 0xFFFFFFFFu
static const char wire_magic[4] = {'K', 'H', 'W', '1'};

void handout_free(unsigned char *pdf, size_t len)
{
    if (pdf) {
        explicit_bzero(pdf, len);
        free(pdf);
    }
}

/* ---- encoding ---- */

struct wire_out {
    unsigned char *p; /* NULL: only count */
    size_t len;
};

static void put_u32(struct wire_out *o, uint32_t v)
{
    if (o->p)
        for (int i = 0; i < 4; i++)
            o->p[o->len + (size_t)i] = (unsigned char)(v >> (8 * i));
    o->len += 4;
}

static void put_str(struct wire_out *o, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_u32(o, s ? (uint32_t)n : WIRE_NULL);
    if (o->p && n)
        memcpy(o->p + o->len, s, n);
    o->len += n;
}

static void put_list(struct wire_out *o, const char *const *list, size_t count)
{
    put_u32(o, list ? (uint32_t)count : WIRE_NULL);
    for (size_t i = 0; list && i < count; i++)
        put_str(o, list[i]);
}

static size_t list_count(const char *const *list)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    return n;
}

static void put_request(struct wire_out *o, const struct handout *h)
{
    if (o->p)
        memcpy(o->p, wire_magic, 4);
    o->len += 4;
    put_u32(o, (uint32_t)h->paper);
    put_u32(o, (uint32_t)h->side_count);
    for (size_t i = 0; i < h->side_count; i++) {
        const struct handout_side *s = &h->sides[i];
        const char *strs[6] = {s->md, s->lang, s->title, s->footer, s->name_line, s->dob_line};
        for (int k = 0; k < 6; k++)
            put_str(o, strs[k]);
        put_list(o, s->boxed, list_count(s->boxed));
        put_list(o, s->ticked, list_count(s->ticked));
    }
}

unsigned char *handout_wire_encode(const struct handout *h, size_t *len)
{
    *len = 0;
    if (!h || !h->sides || h->side_count < 1 || h->side_count > 2)
        return NULL;
    for (size_t i = 0; i < h->side_count; i++)
        if (!h->sides[i].md || list_count(h->sides[i].boxed) > HANDOUT_WIRE_MAX_LIST ||
            list_count(h->sides[i].ticked) > HANDOUT_WIRE_MAX_LIST)
            return NULL;
    struct wire_out o = {NULL, 0};
    put_request(&o, h); /* lengths first: one block, never grown */
    if (o.len > HANDOUT_WIRE_MAX_BYTES)
        return NULL;
    o.p = malloc(o.len);
    if (!o.p)
        return NULL;
    *len = o.len;
    o.len = 0;
    put_request(&o, h);
    return o.p;
}

/* ---- decoding ---- */

struct wire_in {
    const unsigned char *p;
    size_t len, at;
    char *store; /* strings are copied here, each with its NUL */
    size_t used, cap;
};

static int get_u32(struct wire_in *in, uint32_t *v)
{
    if (in->len - in->at < 4)
        return -1;
    *v = 0;
    for (int i = 0; i < 4; i++)
        *v |= (uint32_t)in->p[in->at + (size_t)i] << (8 * i);
    in->at += 4;
    return 0;
}

/* 0 with *s the string (NULL when the wire says NULL), or -1. */
static int get_str(struct wire_in *in, const char **s)
{
    uint32_t n;
    if (get_u32(in, &n) < 0)
        return -1;
    if (n == WIRE_NULL) {
        *s = NULL;
        return 0;
    }
    if (n > in->len - in->at || n + 1 > in->cap - in->used ||
        memchr(in->p + in->at, '\0', n) != NULL)
        return -1;
    char *d = in->store + in->used;
    memcpy(d, in->p + in->at, n);
    d[n] = '\0';
    in->at += n;
    in->used += n + 1;
    *s = d;
    return 0;
}

static int get_list(struct wire_in *in, const char **slots, const char *const **list)
{
    uint32_t n;
    if (get_u32(in, &n) < 0)
        return -1;
    if (n == WIRE_NULL) {
        *list = NULL;
        return 0;
    }
    if (n > HANDOUT_WIRE_MAX_LIST)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (get_str(in, &slots[i]) < 0 || !slots[i])
            return -1;
    slots[n] = NULL;
    *list = slots;
    return 0;
}

static int get_request(struct wire_in *in, struct handout_wire *w)
{
    uint32_t paper, sides;
    if (in->len < 4 || memcmp(in->p, wire_magic, 4) != 0)
        return -1;
    in->at = 4;
    if (get_u32(in, &paper) < 0 || get_u32(in, &sides) < 0 ||
        (paper != HANDOUT_LETTER && paper != HANDOUT_A4) || sides < 1 || sides > 2)
        return -1;
    w->h = (struct handout){
        .paper = (enum handout_paper)paper, .sides = w->sides, .side_count = sides};
    for (uint32_t i = 0; i < sides; i++) {
        struct handout_side *s = &w->sides[i];
        const char **strs[6] = {&s->md,     &s->lang,      &s->title,
                                &s->footer, &s->name_line, &s->dob_line};
        for (int k = 0; k < 6; k++)
            if (get_str(in, strs[k]) < 0)
                return -1;
        if (!s->md || get_list(in, w->lists[i][0], &s->boxed) < 0 ||
            get_list(in, w->lists[i][1], &s->ticked) < 0)
            return -1;
    }
    return in->at == in->len ? 0 : -1;
}

int handout_wire_decode(const unsigned char *buf, size_t len, struct handout_wire *w)
{
    memset(w, 0, sizeof *w);
    if (!buf || len > HANDOUT_WIRE_MAX_BYTES)
        return -1;
    /* Every string has a 4-byte length in front: len bytes hold them all
     * with their NULs. */
    struct wire_in in = {.p = buf, .len = len, .cap = len};
    in.store = malloc(len ? len : 1);
    if (!in.store)
        return -1;
    w->store = in.store;
    w->store_len = len;
    if (get_request(&in, w) < 0) {
        handout_wire_clear(w);
        return -1;
    }
    return 0;
}

void handout_wire_clear(struct handout_wire *w)
{
    if (w->store) {
        explicit_bzero(w->store, w->store_len);
        free(w->store);
    }
    memset(w, 0, sizeof *w);
}
