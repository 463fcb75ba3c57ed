/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_keys.c: libFuzzer target: any bytes as what a terminal sends. The
 * key decoder (core/keyseq) is fed them one at a time, with a timeout where
 * the first byte's low bit says so, and the whole string again through
 * keyseq_decode(); every finished event must be one the decoder names. Digits
 * go through the number entry (core/numentry) for a list of 1 to 40 items,
 * and every byte that is not part of a sequence is typed into the question
 * builder's text field (core/ask), as the full-screen kiosk would. */
#include "config.h"

#include "core/ask.h"
#include "core/keyseq.h"
#include "core/numentry.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_event(const struct keyseq_event *ev)
{
    if (ev->key == KEYSEQ_FKEY && (ev->fkey < 1 || ev->fkey > 20))
        abort();
    if (ev->key == KEYSEQ_MOUSE && (ev->mouse.x < 0 || ev->mouse.y < 0))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t count = size ? (size_t)(data[0] % 40) + 1 : 1;
    int timeouts = size && (data[0] & 0x80);
    struct keyseq s;
    keyseq_init(&s);
    struct numentry n = {0};
    struct ask a;
    memset(&a, 0, sizeof a);
    for (size_t i = 0; i < size; i++) {
        struct keyseq_event ev;
        int r = keyseq_feed(&s, data[i], &ev);
        if (r == 1)
            check_event(&ev);
        if (r == -1) {
            if (data[i] >= '0' && data[i] <= '9') {
                enum numentry_step st = numentry_digit(&n, data[i] - '0', count);
                if (st == NUMENTRY_DONE && numentry_end(&n) > count)
                    abort();
            } else if (data[i] == '\r' && numentry_end(&n) > count) {
                abort();
            } else if (data[i] == 0x7f) {
                ask_own_backspace(&a, (int)(i % 3));
            } else {
                char c = (char)data[i];
                ask_own_append(&a, (int)(i % 3), &c, 1);
            }
        }
        if (timeouts && (i % 7) == 6 && keyseq_busy(&s)) {
            keyseq_timeout(&s, &ev);
            check_event(&ev);
        }
    }
    struct keyseq_event ev;
    keyseq_timeout(&s, &ev);
    check_event(&ev);
    struct keyseq_event out[64];
    size_t got = keyseq_decode((const char *)data, size, out, 64);
    for (size_t i = 0; i < got && i < 64; i++)
        check_event(&out[i]);
    ask_wipe(&a);
    return 0;
}
