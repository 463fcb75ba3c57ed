/* SPDX-License-Identifier: GPL-3.0-or-later */
/* misses.h: the teach-back answers that asked for an explanation again,
 * kept as (page, question id) only: the words are looked up when the
 * summary is built, so they follow a language switch and the clinician's
 * second language. A miss is patient data: it lives inside struct visit
 * (no heap) and misses_wipe() zeroes it on forget.
 *
 * Failures: misses_add() returns -1 when the list is full or a name is too
 * long (nothing changed). misses_markdown() appends nothing when there is
 * no miss and sets b->failed when out of memory. */
#ifndef KIOSK_MISSES_H
#define KIOSK_MISSES_H

#include <stddef.h>

#include "core/buf.h"
#include "core/teachback.h"

enum { MISSES_MAX = 16, MISS_PAGE_BYTES = 64 };

struct miss {
    char page[MISS_PAGE_BYTES];  /* the page file, e.g. "risks.md" */
    char id[TEACHBACK_ID_BYTES]; /* the question's id on that page */
};

struct misses {
    struct miss m[MISSES_MAX];
    int count;
};

/* Keep a miss (once: a second one for the same question is the same). 0 or -1. */
int misses_add(struct misses *ms, const char *page, const char *id);
/* Drop the miss of (page, id) if kept: the patient answered it again clearly. */
void misses_remove(struct misses *ms, const char *page, const char *id);
/* 1 when (page, id) is kept. */
int misses_has(const struct misses *ms, const char *page, const char *id);
/* Zero every miss. */
void misses_wipe(struct misses *ms);

/* What to explain again for (page, id) in the language of the summary
 * being built for flow (the caller's; e.g. "how ketamine can change blood
 * pressure"), copied into buf; 0, or -1 when it cannot be found (the miss
 * is then left out). */
typedef int (*misses_words_fn)(void *ctx, const void *flow, const char *page, const char *id,
                               char *buf, size_t size);

/* The summary's section: "## heading", then one "[ ] Please explain ...
 * again." line per miss, escaped. */
void misses_markdown(struct buf *b, const struct misses *ms, misses_words_fn words, void *ctx,
                     const void *flow, const char *heading);

#endif
