/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout_wire.h: one handout request (handout.h) as bytes, for the
 * patient-kiosk-handout program that typesets it (app/handout_main.c): the
 * kiosk encodes, the helper decodes from its standard input.
 *
 * The form, all numbers 32-bit little-endian: "KHW1", the paper, the number
 * of sides (1 or 2), then per side six strings (md, lang, title, footer,
 * name_line, dob_line) and two lists (boxed, ticked). A string is its
 * length and its bytes (no NUL; length 0xFFFFFFFF: NULL); a list is its
 * count and that many strings (count 0xFFFFFFFF: NULL). Nothing may follow.
 *
 * Memory: the bytes hold patient text. handout_free() zeroes and frees
 * encoded bytes; handout_wire_clear() zeroes and frees what a decode made. */
#ifndef KIOSK_HANDOUT_WIRE_H
#define KIOSK_HANDOUT_WIRE_H

#include "core/handout.h"

#include <stddef.h>

enum {
    HANDOUT_WIRE_MAX_BYTES = 16 << 20, /* the largest request either end accepts */
    HANDOUT_WIRE_MAX_LIST = 32,        /* the most headings in boxed or ticked */
};

/* A decoded request: h points into the fields below. */
struct handout_wire {
    struct handout h;
    struct handout_side sides[2];
    const char *lists[2][2][HANDOUT_WIRE_MAX_LIST + 1];
    char *store; /* every string, NUL-terminated: malloc'd, store_len bytes */
    size_t store_len;
};

/* h as bytes: malloc'd, *len of them, for handout_free(). NULL when out of
 * memory, or h is not one a helper would accept (no sides or more than 2, a
 * NULL md, a list longer than HANDOUT_WIRE_MAX_LIST, too big). */
unsigned char *handout_wire_encode(const struct handout *h, size_t *len);

/* Read len bytes of buf into *w (buf is not kept). Returns 0, or -1 when
 * they are truncated, too big, malformed or memory ran out; w then holds
 * nothing to clear (clearing it is still fine). */
int handout_wire_decode(const unsigned char *buf, size_t len, struct handout_wire *w);

/* Zero and free what handout_wire_decode() made; w is empty afterwards. */
void handout_wire_clear(struct handout_wire *w);

#endif
