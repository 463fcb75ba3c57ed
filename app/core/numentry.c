/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numentry.c: numbers of one or more digits for menus and answers (numentry.h). */
#include "config.h"

#include "core/numentry.h"

#include <stdint.h>

enum numentry_step numentry_digit(struct numentry *n, int digit, size_t count)
{
    if (digit < 0 || digit > 9 || n->value > (SIZE_MAX - 9) / 10) {
        n->value = 0;
        return NUMENTRY_NONE;
    }
    size_t v = n->value * 10 + (size_t)digit;
    if (v == 0 || v > count) {
        n->value = 0; /* 0 alone, or 17 of 14 items: nothing, not a guess */
        return NUMENTRY_NONE;
    }
    n->value = v;
    /* Whole when no number that begins with it exists: v0 > count. */
    return v > count / 10 ? NUMENTRY_DONE : NUMENTRY_WAIT;
}

size_t numentry_end(struct numentry *n)
{
    size_t v = n->value;
    n->value = 0;
    return v;
}
