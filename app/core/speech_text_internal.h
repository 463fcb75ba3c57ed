/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_text_internal.h: what speech_text.c and speech_sentences.c share:
 * the text being gathered, the reader walking a layout, and the functions
 * one calls in the other. Not for use outside those two files. */
#ifndef KIOSK_SPEECH_TEXT_INTERNAL_H
#define KIOSK_SPEECH_TEXT_INTERNAL_H

#include "core/speech_text.h"

#include <stddef.h>

enum { MAX_COLUMNS = 64 };

/* Text being gathered (a paragraph, a heading, a table cell), with where
 * each stretch of it is on screen. */
struct para {
    char *text;
    size_t len, cap;
    struct speech_piece *pieces; /* text_off within this para */
    size_t count, cap_pieces;
    int heading;
    int table_head; /* a table header cell */
    int failed;
};

struct reader {
    struct speech_script *s;
    const struct layout *L;
    int tag;
    const char *prefix; /* still to be spoken before the next sentence */
    struct para para;
    /* a grid table being read */
    int in_grid, rows, header_done;
    size_t cols;
    struct para cells[MAX_COLUMNS];
    char *headers[MAX_COLUMNS];
    int skipping_links;
    int failed;
};

static inline int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Make room for need items of size bytes in *buf (capacity *cap, doubled).
 * Returns 0, or -1 when out of memory (*buf is then unchanged). */
int speech_grow(void **buf, size_t *cap, size_t need, size_t size);

/* speech_sentences.c: add one sentence, pre (may be NULL or empty) then bytes
 * [a, b) of p; and add each sentence of p. */
void speech_emit(struct reader *r, const char *pre, const struct para *p, size_t a, size_t b);
void speech_emit_sentences(struct reader *r, const struct para *p);

#endif
