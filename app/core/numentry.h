/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numentry.h: choosing item 1 to count by typing its number, when there may
 * be more than nine: typing 1 where there are 14 items waits for a second
 * digit (1 then 3 is 13, never 1 and then 3); Enter or a short pause ends the
 * number. No terminal here: fed digits, it says when a number is whole. */
#ifndef KIOSK_NUMENTRY_H
#define KIOSK_NUMENTRY_H

#include <stddef.h>

/* How long a number that could still grow waits for its next digit. Two
 * digits typed by a slow typist come some 300 to 700 ms apart; Enter ends
 * the number at once. */
enum { NUMENTRY_PAUSE_MS = 1000 };

enum numentry_step {
    NUMENTRY_NONE, /* no item has that number: nothing chosen, start again */
    NUMENTRY_WAIT, /* value so far could be the start of a longer number */
    NUMENTRY_DONE, /* value is the item's number, no longer one can follow */
};

/* Zero it before the first digit. */
struct numentry {
    size_t value; /* the number typed so far, 0 before any digit */
};

/* Add digit (0-9) for a list of count items. After NUMENTRY_DONE take the
 * number with numentry_end(); NUMENTRY_NONE leaves n empty. */
enum numentry_step numentry_digit(struct numentry *n, int digit, size_t count);

/* Enter or the pause: the number typed so far (0 when none) as chosen; n is
 * ready for a new number. */
size_t numentry_end(struct numentry *n);

#endif
