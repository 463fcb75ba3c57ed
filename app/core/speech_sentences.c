/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_sentences.c: one gathered paragraph split at its sentence ends
 * (. ! ? and the Chinese stops, not after an abbreviation or an initial), each
 * sentence added to the script with the pieces of screen it comes from. On
 * out of memory the reader is marked failed; the script owns what is added. */
#include "config.h"

#include "core/speech_text.h"
#include "core/speech_text_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Add one sentence: pre (may be empty) then bytes [a, b) of p, with the
 * pieces of p that fall there. */
void speech_emit(struct reader *r, const char *pre, const struct para *p, size_t a, size_t b)
{
    while (a < b && is_space(p->text[a]))
        a++;
    while (b > a && is_space(p->text[b - 1]))
        b--;
    if (a == b || r->failed)
        return;
    struct speech_script *s = r->s;
    size_t pre_len = pre && *pre ? strlen(pre) + 1 : 0;
    char *text = malloc(pre_len + (b - a) + 1);
    if (!text ||
        speech_grow((void **)&s->sentences, &s->cap, s->count + 1, sizeof *s->sentences) < 0) {
        free(text);
        r->failed = 1;
        return;
    }
    if (pre_len) {
        memcpy(text, pre, pre_len - 1);
        text[pre_len - 1] = ' ';
    }
    memcpy(text + pre_len, p->text + a, b - a);
    text[pre_len + (b - a)] = '\0';
    struct speech_sentence *out = &s->sentences[s->count];
    *out = (struct speech_sentence){
        .text = text, .len = pre_len + (b - a), .piece_off = s->piece_count};
    for (size_t i = 0; i < p->count; i++) {
        const struct speech_piece *q = &p->pieces[i];
        size_t from = q->text_off > a ? q->text_off : a;
        size_t to = q->text_off + q->len < b ? q->text_off + q->len : b;
        if (from >= to)
            continue;
        if (speech_grow((void **)&s->pieces, &s->piece_cap, s->piece_count + 1, sizeof *s->pieces) <
            0) {
            r->failed = 1;
            break;
        }
        s->pieces[s->piece_count++] =
            (struct speech_piece){.line = q->line,
                                  .line_off = (uint32_t)(q->line_off + (from - q->text_off)),
                                  .len = (uint32_t)(to - from),
                                  .text_off = (uint32_t)(pre_len + from - a),
                                  .tag = q->tag};
        out->piece_count++;
    }
    s->count++;
    if (pre == r->prefix)
        r->prefix = NULL; /* said once, before the first sentence */
}

static int is_abbreviation(const char *text, size_t dot)
{
    static const char *const words[] = {"dr",    "dra",  "mr",  "mrs", "ms",  "sr",  "sra",
                                        "srta",  "st",   "vs",  "etc", "e.g", "i.e", "approx",
                                        "núm",   "p.ej", "ej",  "fig", "min", "máx", "mín",
                                        "aprox", "ud",   "uds", "inc", "jr",  "prof"};
    size_t start = dot;
    while (start > 0 && !is_space(text[start - 1]) && text[start - 1] != '(')
        start--;
    size_t n = dot - start;
    if (n == 1 && ((unsigned char)text[start] < 0x80))
        return 1; /* an initial: "J. Smith" */
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && strncasecmp(text + start, words[i], n) == 0)
            return 1;
    return 0;
}

/* Length of a closing quote or bracket at t[j] ("'), ” ’ » 」 』 ）), or 0. */
static size_t closer_len(const char *t, size_t j, size_t len)
{
    static const char *const closers[] = {"\"", "'", ")", "”", "’", "»", "」", "』", "）"};
    for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
        size_t n = strlen(closers[i]);
        if (j + n <= len && memcmp(t + j, closers[i], n) == 0)
            return n;
    }
    return 0;
}

/* Length of a sentence end at t[i] (. ! ? 。 ！ ？), or 0. */
static size_t stop_len(const char *t, size_t i, size_t len)
{
    if (t[i] == '.' || t[i] == '!' || t[i] == '?')
        return 1;
    static const char *const wide[] = {"。", "！", "？"};
    for (size_t k = 0; k < 3; k++)
        if (i + 3 <= len && memcmp(t + i, wide[k], 3) == 0)
            return 3;
    return 0;
}

/* Split p at its sentence ends and add each sentence. A full stop ends one
 * when a space and no lower-case letter follow and it does not end an
 * abbreviation or an initial; a Chinese full stop always does. */
void speech_emit_sentences(struct reader *r, const struct para *p)
{
    const char *t = p->text;
    size_t start = 0, i = 0;
    while (i < p->len) {
        size_t n = stop_len(t, i, p->len);
        if (!n) {
            i++;
            continue;
        }
        size_t j = i + n, m;
        while (j < p->len && ((m = stop_len(t, j, p->len)) || (m = closer_len(t, j, p->len))))
            j += m;
        int end = n == 3 || j == p->len;
        if (!end && is_space(t[j])) {
            size_t k = j;
            while (k < p->len && is_space(t[k]))
                k++;
            int lower = k < p->len && t[k] >= 'a' && t[k] <= 'z';
            end = !lower && !(t[i] == '.' && is_abbreviation(t, i));
        }
        if (end) {
            speech_emit(r, r->prefix, p, start, j);
            start = j;
        }
        i = j;
    }
    speech_emit(r, r->prefix, p, start, p->len);
}
