/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_lines.c: the line builder under the layout: styled inline text, UAX #14
 * wrapping in cells, margins (list markers, quote bars), blank lines. */
#include "config.h"

#include "core/layout_internal.h"
#include "core/markdown.h"
#include "core/text.h"
#include "core/i18n.h"
#include "core/protect.h"
#include "core/wipe.h"

#include <stdlib.h>
#include <string.h>

/* Grow *buf (of *cap elements of size) to hold at least need; 0 or -1. The
 * old block is zeroed (wipe_realloc): a page may be the patient's summary. */
int layout_grow(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = wipe_realloc(*buf, *cap * size, n * size);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* ---- styled text ---- */

void styled_add(struct styled *st, const char *s, size_t n, uint16_t style)
{
    if (st->failed || n == 0)
        return;
    wipe_free(st->brks, st->len); /* the text changes: break opportunities are computed again */
    st->brks = NULL;
    /* Worst case every byte is invalid and becomes a 3-byte U+FFFD. Runs and
     * lines keep 32-bit offsets into the text. */
    if (n > (UINT32_MAX - 1 - st->len) / 3 ||
        layout_grow((void **)&st->text, &st->cap, st->len + 3 * n + 1, 1) < 0) {
        st->failed = 1;
        return;
    }
    size_t start = st->len;
    st->len += text_clean(st->text + st->len, s, n);
    if (st->len == start)
        return;
    struct layout_span *last = st->run_count ? &st->runs[st->run_count - 1] : NULL;
    if (last && last->style == style && last->off + last->len == start) {
        last->len += (uint32_t)(st->len - start);
        return;
    }
    if (layout_grow((void **)&st->runs, &st->run_cap, st->run_count + 1, sizeof *st->runs) < 0) {
        st->failed = 1;
        return;
    }
    st->runs[st->run_count++] = (struct layout_span){
        .off = (uint32_t)start, .len = (uint32_t)(st->len - start), .style = style};
}

void styled_free(struct styled *st)
{
    wipe_free(st->text, st->cap);
    wipe_free(st->runs, st->run_cap * sizeof *st->runs);
    wipe_free(st->brks, st->len);
    wipe_free(st->links, st->link_cap * sizeof *st->links);
    memset(st, 0, sizeof *st);
}

/* st's break opportunities, computed on first use. NULL when out of memory
 * (or when st is empty: nothing to break). */
static const char *styled_breaks(struct styled *st, const char *lang)
{
    if (!st->brks && st->len) {
        st->brks = malloc(st->len);
        if (st->brks)
            text_breaks(st->text, st->len, lang, st->brks);
    }
    return st->brks;
}

/* ---- wrapping ---- */

static size_t skip_spaces(const char *s, size_t pos, size_t len)
{
    while (pos < len && s[pos] == ' ')
        pos++;
    return pos;
}

/* Add [off, end) of s, cells wide, without its trailing spaces (a cell each). */
static int push_piece(struct wrap_piece **pieces, size_t *count, size_t *cap, const char *s,
                      size_t off, size_t end, size_t cells)
{
    while (end > off && s[end - 1] == ' ') {
        end--;
        cells--;
    }
    if (layout_grow((void **)pieces, cap, *count + 1, sizeof **pieces) < 0)
        return -1;
    (*pieces)[(*count)++] = (struct wrap_piece){off, end - off, cells};
    return 0;
}

/* Wrap len bytes of s, whose break opportunities are brks (see wrap_styled). */
static size_t wrap_text(const char *s, size_t len, const char *brks, int avail,
                        struct wrap_piece **pieces)
{
    size_t count = 0, cap = 0;
    *pieces = NULL;
    if (avail < 1)
        avail = 1;

    size_t pos = 0, line_start = 0, last_break = 0;
    size_t w = 0, break_w = 0; /* cells in [line_start, pos) and [line_start, last_break) */
    int failed = 0;
    while (pos < len && !failed) {
        wchar_t wc = (unsigned char)s[pos];
        size_t n = wc < 0x80 ? 1 : text_decode(s + pos, len - pos, &wc);
        if (wc == '\n') {
            failed = push_piece(pieces, &count, &cap, s, line_start, pos, w);
            line_start = skip_spaces(s, pos + 1, len);
            pos = line_start;
            w = 0;
            last_break = 0;
            continue;
        }
        size_t cw = (size_t)text_char_width(wc);
        if (w + cw > (size_t)avail && wc != ' ' && pos > line_start) {
            size_t cut = pos, cut_w = w;
            if (last_break > line_start)
                cut = last_break, cut_w = break_w;
            failed = push_piece(pieces, &count, &cap, s, line_start, cut, cut_w);
            line_start = skip_spaces(s, cut, pos);
            w -= cut_w + (line_start - cut); /* what is left after the cut and its spaces */
            last_break = 0;
            if (w + cw > (size_t)avail && line_start < pos)
                continue; /* the rest of the word still does not fit */
        }
        w += cw;
        pos += n;
        if (brks[pos - 1] == TEXT_BREAK_ALLOW) {
            last_break = pos;
            break_w = w;
        }
    }
    if (!failed && (line_start < len || count == 0))
        failed = push_piece(pieces, &count, &cap, s, line_start, len, w);
    if (failed) {
        free(*pieces);
        *pieces = NULL;
        return 0;
    }
    return count;
}

size_t wrap_styled(struct styled *st, int avail, const char *lang, struct wrap_piece **pieces)
{
    const char *brks = styled_breaks(st, lang);
    if (st->len && !brks) {
        *pieces = NULL;
        return 0;
    }
    return wrap_text(st->text, st->len, brks, avail, pieces);
}

/* The widest word of st by wrapping it at width 1, joining the pieces that no
 * space or newline separates (the general case of styled_longest_word). */
static int longest_word_wrapped(struct styled *st, const char *lang)
{
    struct wrap_piece *pieces;
    size_t n = wrap_styled(st, 1, lang, &pieces);
    if (n == 0)
        return -1;
    int longest = 0;
    for (size_t i = 0; i < n;) {
        size_t start = pieces[i].off, end = pieces[i].off + pieces[i].len;
        size_t j = i + 1;
        while (j < n && pieces[j].off == end) {
            end = pieces[j].off + pieces[j].len;
            j++;
        }
        int w = (int)text_width(st->text + start, end - start);
        if (w > longest)
            longest = w;
        i = j;
    }
    free(pieces);
    return longest;
}

int styled_longest_word(struct styled *st, const char *lang)
{
    /* When every character takes at least one cell, wrapping at width 1 cuts
     * before every character but the first of a line, and what it drops at a
     * cut is spaces (or the newline): the words are the runs of characters
     * between spaces and newlines. A zero-width character (a combining mark
     * after a space, say) can end up on a line with a space before it: those
     * texts are wrapped for real. */
    size_t longest = 0, word = 0;
    for (size_t i = 0; i < st->len;) {
        wchar_t wc = (unsigned char)st->text[i];
        i += wc < 0x80 ? 1 : text_decode(st->text + i, st->len - i, &wc);
        if (wc == ' ' || wc == '\n') {
            word = 0;
            continue;
        }
        int cw = text_char_width(wc);
        if (cw == 0)
            return longest_word_wrapped(st, lang);
        word += (size_t)cw;
        if (word > longest)
            longest = word;
    }
    return (int)longest;
}

/* ---- lines ---- */

/* Append n bytes of s, times times, to the layout's text, which stays under
 * 4 GiB: its offsets in struct layout_line are 32 bits. */
static void out_text(struct builder *b, const char *s, size_t n, size_t times)
{
    struct layout *L = b->out;
    if (b->failed || (n && times > (UINT32_MAX - 1 - L->text_len) / n) ||
        layout_grow((void **)&L->text, &L->text_cap, L->text_len + n * times + 1, 1) < 0) {
        b->failed = 1;
        return;
    }
    if (n == 1) {
        memset(L->text + L->text_len, s[0], times);
        L->text_len += times;
    } else {
        for (size_t i = 0; i < times; i++, L->text_len += n)
            memcpy(L->text + L->text_len, s, n);
    }
    L->text[L->text_len] = '\0';
}

static int margin_width(const struct builder *b, size_t *skip)
{
    int max = b->opts->width / 2, total = 0;
    size_t first = b->depth;
    /* Keep the innermost margins that fit in half the width. */
    while (first > 0) {
        int w = (int)text_width(b->margins[first - 1].rest, strlen(b->margins[first - 1].rest));
        if (total + w > max)
            break;
        total += w;
        first--;
    }
    if (skip)
        *skip = first;
    return total;
}

int builder_avail(const struct builder *b)
{
    int avail = b->opts->width - margin_width(b, NULL);
    return avail < 1 ? 1 : avail;
}

void line_begin(struct builder *b)
{
    b->cur_text = b->out->text_len;
    b->cur_span = b->out->span_count;
    b->cur_cells = 0;
    size_t skip;
    margin_width(b, &skip);
    for (size_t i = skip; i < b->depth; i++) {
        struct margin *m = &b->margins[i];
        const char *p = m->first_pending ? m->first : m->rest;
        m->first_pending = 0;
        line_add(b, p, strlen(p), m->style);
    }
}

/* The line's text grew by n bytes at offset off (in the line), in style:
 * extend the line's last span or add one. */
static void add_span(struct builder *b, size_t off, size_t n, uint16_t style)
{
    struct layout *L = b->out;
    if (L->span_count > b->cur_span) {
        struct layout_span *last = &L->spans[L->span_count - 1];
        if (last->style == style && last->off + last->len == off) {
            last->len += (uint32_t)n;
            return;
        }
    }
    if (layout_grow((void **)&L->spans, &L->span_cap, L->span_count + 1, sizeof *L->spans) < 0) {
        b->failed = 1;
        return;
    }
    L->spans[L->span_count++] =
        (struct layout_span){.off = (uint32_t)off, .len = (uint32_t)n, .style = style};
}

/* Add n bytes of s to the line in style, without counting cells. */
static void line_put(struct builder *b, const char *s, size_t n, uint16_t style)
{
    if (b->failed || n == 0)
        return;
    size_t off = b->out->text_len - b->cur_text;
    out_text(b, s, n, 1);
    if (!b->failed)
        add_span(b, off, n, style);
}

void line_add(struct builder *b, const char *s, size_t n, uint16_t style)
{
    line_put(b, s, n, style);
    b->cur_cells += (uint32_t)text_width(s, n);
}

void line_repeat(struct builder *b, const char *s, size_t n, uint16_t style, size_t times)
{
    if (b->failed || n == 0 || times == 0)
        return;
    size_t off = b->out->text_len - b->cur_text;
    out_text(b, s, n, times);
    if (b->failed)
        return;
    add_span(b, off, n * times, style);
    b->cur_cells += (uint32_t)(text_width(s, n) * times);
}

void line_add_piece(struct builder *b, const struct styled *st, const struct wrap_piece *p)
{
    size_t off = p->off, end = p->off + p->len;
    link_spans_piece(b, st, p, b->out->text_len - b->cur_text);
    for (size_t i = 0; i < st->run_count; i++) {
        size_t rs = st->runs[i].off, re = rs + st->runs[i].len;
        if (re <= off || rs >= end)
            continue;
        size_t s = rs > off ? rs : off, e = re < end ? re : end;
        line_put(b, st->text + s, e - s, st->runs[i].style);
    }
    b->cur_cells += (uint32_t)p->cells;
}

void line_pad(struct builder *b, size_t cells)
{
    line_repeat(b, " ", 1, 0, cells);
}

void line_end(struct builder *b, uint32_t block_off, uint8_t heading)
{
    struct layout *L = b->out;
    if (b->failed)
        return;
    /* Trim trailing spaces (margins of blank lines, padding of last cells). */
    while (L->text_len > b->cur_text && L->text[L->text_len - 1] == ' ') {
        L->text_len--;
        b->cur_cells--;
    }
    size_t len = L->text_len - b->cur_text;
    link_spans_trim(b, len);
    while (L->span_count > b->cur_span) {
        struct layout_span *last = &L->spans[L->span_count - 1];
        if (last->off >= len) {
            L->span_count--;
            continue;
        }
        if (last->off + last->len > len)
            last->len = (uint32_t)(len - last->off);
        break;
    }
    /* Offsets and counts fit in 32 bits: out_text() keeps the text under
     * 4 GiB and every span holds a byte of it. The narrower fields: */
    if (L->span_count - b->cur_span > LINE_SPANS_MAX || heading > LINE_HEADING_MAX ||
        layout_grow((void **)&L->lines, &L->line_cap, L->line_count + 1, sizeof *L->lines) < 0) {
        b->failed = 1;
        return;
    }
    L->lines[L->line_count++] = (struct layout_line){
        .text_off = (uint32_t)b->cur_text,
        .text_len = (uint32_t)len,
        .span_off = (uint32_t)b->cur_span,
        .span_count = (uint32_t)(L->span_count - b->cur_span),
        .heading = heading,
        .cells = b->cur_cells,
        .block = b->block,
        .block_off = block_off,
    };
}

static void blank_line(struct builder *b)
{
    size_t saved_depth = b->depth;
    /* Blank lines show quote bars but never a pending list marker. */
    int pending[64] = {0};
    for (size_t i = 0; i < b->depth && i < 64; i++) {
        pending[i] = b->margins[i].first_pending;
        b->margins[i].first_pending = 0;
    }
    line_begin(b);
    line_end(b, 0, 0);
    for (size_t i = 0; i < saved_depth && i < 64; i++)
        b->margins[i].first_pending = pending[i];
}

void block_separate(struct builder *b)
{
    if (!b->at_start && !b->tight)
        blank_line(b);
    b->at_start = 1;
}

uint32_t block_begin(struct builder *b)
{
    block_separate(b);
    b->at_start = 0;
    return ++b->block;
}

static void emit_pieces(struct builder *b, const struct styled *st, const struct wrap_piece *p,
                        size_t n, size_t base, int hang, uint8_t heading)
{
    for (size_t i = 0; i < n; i++) {
        struct wrap_piece piece = {p[i].off + base, p[i].len, p[i].cells};
        line_begin(b);
        line_pad(b, (size_t)hang);
        line_add_piece(b, st, &piece);
        line_end(b, (uint32_t)piece.off, heading);
    }
}

void emit_wrapped(struct builder *b, struct styled *st, int hang, uint8_t heading)
{
    int avail = builder_avail(b);
    if (hang > avail / 3)
        hang = 0; /* too narrow for a hanging indent to help */
    struct wrap_piece *pieces;
    size_t n = wrap_styled(st, avail, b->opts->lang, &pieces);
    if (n == 0) {
        b->failed = 1;
        return;
    }
    if (hang == 0 || n == 1) {
        emit_pieces(b, st, pieces, n, 0, 0, heading);
        free(pieces);
        return;
    }
    /* First line at full width; the rest re-wrapped at width - hang, with the
     * break opportunities already found for the whole text. */
    emit_pieces(b, st, pieces, 1, 0, 0, heading);
    size_t off = pieces[1].off;
    free(pieces);
    n = wrap_text(st->text + off, st->len - off, st->brks + off, avail - hang, &pieces);
    if (n == 0) {
        b->failed = 1;
        return;
    }
    emit_pieces(b, st, pieces, n, off, hang, heading);
    free(pieces);
}

void rule_line(struct builder *b)
{
    const char *rule = b->opts->ascii ? "-" : "─";
    int avail = builder_avail(b);
    line_begin(b);
    line_repeat(b, rule, strlen(rule), STYLE_RULE, (size_t)avail);
    line_end(b, 0, 0);
}

int builder_start(struct builder *b, struct layout_opts *o, const struct layout_opts *opts)
{
    *o = *opts;
    if (o->width < 1)
        o->width = 1;
    *b = (struct builder){.opts = o, .at_start = 1};
    b->out = calloc(1, sizeof *b->out);
    if (!b->out)
        return -1;
    b->out->width = o->width;
    b->out->patient = o->patient;
    return 0;
}

/* Cut the array *p of *cap elements of size bytes down to n (at least 1).
 * Keeps it as it is if memory runs out. A patient layout's arrays move into
 * the patient arena (when it has room), the old blocks zeroed. */
static void shrink(void **p, size_t *cap, size_t n, size_t size, int patient)
{
    if (n == 0)
        n = 1;
    if (!*p || (n >= *cap && (!patient || protect_owns(*p))))
        return;
    void *q = patient ? protect_alloc(n * size) : realloc(*p, n * size);
    if (q && patient) {
        memcpy(q, *p, n * size);
        wipe_free(*p, *cap * size);
    }
    if (q) {
        *p = q;
        *cap = n;
    }
}

void builder_release(struct builder *b)
{
    for (size_t i = 0; i < b->link_count; i++)
        wipe_string(b->links[i]);
    wipe_free(b->links, b->link_cap * sizeof *b->links);
    wipe_free(b->margins, b->margin_cap * sizeof *b->margins);
    b->links = NULL;
    b->link_count = b->link_cap = 0;
    b->margins = NULL;
    b->depth = b->margin_cap = 0;
}

void layout_shrink(struct layout *L)
{
    /* The arrays grew by doubling; a page's layout is kept while it is read. */
    if (L->text)
        L->text[L->text_len] = '\0'; /* line_end() trims without ending the text */
    shrink((void **)&L->text, &L->text_cap, L->text_len + 1, 1, L->patient);
    shrink((void **)&L->spans, &L->span_cap, L->span_count, sizeof *L->spans, L->patient);
    shrink((void **)&L->lines, &L->line_cap, L->line_count, sizeof *L->lines, L->patient);
}

struct layout *builder_finish(struct builder *b)
{
    builder_release(b);
    if (b->failed) {
        layout_free(b->out);
        return NULL;
    }
    layout_shrink(b->out);
    return b->out;
}
