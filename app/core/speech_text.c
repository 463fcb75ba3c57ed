/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_text.c: laid-out lines become sentences to read aloud, each with
 * the places on screen its words come from (speech_text.h). Where one
 * paragraph's sentences end is decided in speech_sentences.c. */
#include "config.h"

#include "core/speech_text.h"
#include "core/speech_text_internal.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/* Styles that are never read: bullets and numbers, quote bars, rules and
 * borders, link numbers. */
#define DECORATION (STYLE_RULE | STYLE_MARKER | STYLE_QUOTE | STYLE_NOTE)

int speech_grow(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*buf, n * size);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* Appending to text that may hold the patient's answers: a new block, the
 * old one zeroed, so no stray copy stays behind. */
static void para_add(struct para *p, const char *s, size_t n)
{
    if (p->failed || n == 0)
        return;
    if (p->len + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 128;
        while (cap < p->len + n + 1)
            cap *= 2;
        char *t = malloc(cap);
        if (!t) {
            p->failed = 1;
            return;
        }
        if (p->text) {
            memcpy(t, p->text, p->len);
            explicit_bzero(p->text, p->cap);
            free(p->text);
        }
        p->text = t;
        p->cap = cap;
    }
    memcpy(p->text + p->len, s, n);
    p->len += n;
    p->text[p->len] = '\0';
}

static void para_piece(struct para *p, size_t line, size_t line_off, const char *s, size_t n,
                       int tag)
{
    if (p->failed)
        return;
    if (speech_grow((void **)&p->pieces, &p->cap_pieces, p->count + 1, sizeof *p->pieces) < 0) {
        p->failed = 1;
        return;
    }
    p->pieces[p->count++] = (struct speech_piece){.line = (uint32_t)line,
                                                  .line_off = (uint32_t)line_off,
                                                  .len = (uint32_t)n,
                                                  .text_off = (uint32_t)p->len,
                                                  .tag = tag};
    para_add(p, s, n);
}

static void para_clear(struct para *p)
{
    if (p->text)
        explicit_bzero(p->text, p->cap);
    p->len = 0;
    p->count = 0;
    p->heading = 0;
    p->table_head = 0;
}

static void para_free(struct para *p)
{
    para_clear(p);
    free(p->text);
    free(p->pieces);
    memset(p, 0, sizeof *p);
}

/* The last character before byte `end` of s, decoded. */
static wchar_t char_before(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0 && end == 0)
        return 0;
    if (i > 0)
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    wchar_t wc = 0;
    text_decode(s + i, end - i, &wc);
    return wc;
}

/* What goes between the end of the text gathered so far and the next
 * line's first character: a space, except between wide (Chinese)
 * characters and after a word broken at its hyphen. */
static void para_join(struct para *p, const char *next, size_t n)
{
    if (p->len == 0)
        return;
    wchar_t before = char_before(p->text, p->len), after = 0;
    text_decode(next, n, &after);
    if (text_char_width(before) == 2 || text_char_width(after) == 2)
        return;
    if (before == '-' && p->len >= 2 && !is_space(p->text[p->len - 2]))
        return;
    para_add(p, " ", 1);
}

static void flush_para(struct reader *r)
{
    if (r->para.failed)
        r->failed = 1;
    if (r->para.len) {
        if (r->para.heading) {
            speech_emit(r, r->prefix, &r->para, 0, r->para.len); /* a heading is one sentence */
        } else {
            speech_emit_sentences(r, &r->para);
        }
    }
    para_clear(&r->para);
}

/* ---- tables ----------------------------------------------------------- */

/* A grid row is complete: the first one with header cells gives the
 * headers; every other cell is read as "Header: value". */
static void flush_row(struct reader *r)
{
    int any = 0, head = 0;
    for (size_t c = 0; c < r->cols; c++) {
        any |= r->cells[c].len > 0;
        head |= r->cells[c].table_head;
        if (r->cells[c].failed)
            r->failed = 1;
    }
    if (any && head && !r->header_done && r->rows == 0) {
        for (size_t c = 0; c < r->cols; c++) {
            struct para *p = &r->cells[c];
            free(r->headers[c]);
            r->headers[c] = NULL;
            size_t a = 0, b = p->len;
            while (a < b && is_space(p->text[a]))
                a++;
            while (b > a && is_space(p->text[b - 1]))
                b--;
            if (b > a) {
                r->headers[c] = strndup(p->text + a, b - a);
                if (!r->headers[c])
                    r->failed = 1;
            }
            /* Kept in case no body row follows. */
        }
        r->header_done = 1;
        r->rows++;
        for (size_t c = 0; c < r->cols; c++)
            para_clear(&r->cells[c]);
        return;
    }
    if (any) {
        for (size_t c = 0; c < r->cols; c++) {
            char pre[512] = "";
            if (r->headers[c]) {
                size_t n = strlen(r->headers[c]);
                if (n + 2 < sizeof pre) {
                    memcpy(pre, r->headers[c], n);
                    memcpy(pre + n, ":", 2);
                }
            }
            struct para *p = &r->cells[c];
            if (!p->len)
                continue;
            /* "Header: " before the cell's first sentence, as the cards show. */
            const char *pending = r->prefix;
            if (pre[0])
                r->prefix = pre;
            speech_emit_sentences(r, p);
            if (pre[0])
                r->prefix = pending;
        }
        r->rows++;
    }
    for (size_t c = 0; c < r->cols; c++)
        para_clear(&r->cells[c]);
}

static void end_grid(struct reader *r)
{
    if (!r->in_grid)
        return;
    flush_row(r);
    if (r->rows == 1 && r->header_done) {
        /* Only a header row: read the headers themselves. */
        for (size_t c = 0; c < r->cols; c++)
            if (r->headers[c]) {
                struct para p = {.text = r->headers[c], .len = strlen(r->headers[c])};
                speech_emit(r, NULL, &p, 0, p.len);
            }
    }
    for (size_t c = 0; c < MAX_COLUMNS; c++) {
        free(r->headers[c]);
        r->headers[c] = NULL;
    }
    r->in_grid = 0;
    r->rows = 0;
    r->header_done = 0;
    r->cols = 0;
}

/* ---- lines ------------------------------------------------------------ */

struct run {
    size_t off, len;
    uint16_t style;
};

enum { MAX_RUNS = 256 };

/* The line's bytes as runs of one style each (bytes no span covers are
 * plain). Returns how many. */
static size_t line_runs(const struct layout *L, size_t i, struct run *runs, size_t max)
{
    const struct layout_line *ln = &L->lines[i];
    size_t n = 0, at = 0;
    for (size_t k = 0; k < ln->span_count && n + 2 < max; k++) {
        const struct layout_span *sp = &L->spans[ln->span_off + k];
        if (sp->off > at)
            runs[n++] = (struct run){at, sp->off - at, 0};
        runs[n++] = (struct run){sp->off, sp->len, sp->style};
        at = sp->off + sp->len;
    }
    if (at < ln->text_len && n < max)
        runs[n++] = (struct run){at, ln->text_len - at, 0};
    return n;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]))
            return 0;
    return 1;
}

/* Add bytes [off, off + n) of line i to p as one piece, spaces trimmed. */
static void add_text(struct reader *r, struct para *p, size_t i, size_t off, size_t n)
{
    const char *s = layout_line_text(r->L, i);
    while (n && is_space(s[off])) {
        off++;
        n--;
    }
    while (n && is_space(s[off + n - 1]))
        n--;
    if (!n)
        return;
    if (p->count && p->pieces[p->count - 1].line == i)
        para_add(p, " ", 1);
    else
        para_join(p, s + off, n);
    para_piece(p, i, off, s + off, n, r->tag);
}

/* A row line of a grid: cells between "│" (or "|") borders, nothing else
 * drawn as a rule. */
static int grid_line(const char *s, const struct run *runs, size_t n)
{
    int bars = 0;
    for (size_t k = 0; k < n; k++) {
        if (!(runs[k].style & STYLE_RULE))
            continue;
        if ((runs[k].len == 3 && memcmp(s + runs[k].off, "│", 3) == 0) ||
            (runs[k].len == 1 && s[runs[k].off] == '|'))
            bars++;
        else
            return 0;
    }
    return bars >= 2;
}

static void read_grid_line(struct reader *r, size_t i, const struct run *runs, size_t n)
{
    size_t col = 0;
    int started = 0;
    for (size_t k = 0; k < n; k++) {
        if (runs[k].style & STYLE_RULE) {
            if (started)
                col++;
            started = 1;
            continue;
        }
        if (!started || col >= MAX_COLUMNS || (runs[k].style & DECORATION))
            continue;
        if (col + 1 > r->cols)
            r->cols = col + 1;
        struct para *p = &r->cells[col];
        if (runs[k].style & STYLE_TABLE_HEAD)
            p->table_head = 1;
        add_text(r, p, i, runs[k].off, runs[k].len);
    }
}

static void read_line(struct reader *r, size_t i)
{
    const struct layout_line *ln = &r->L->lines[i];
    const char *s = layout_line_text(r->L, i);
    struct run runs[MAX_RUNS];
    size_t n = line_runs(r->L, i, runs, MAX_RUNS);
    int has_text = 0, rule_only = 1;
    for (size_t k = 0; k < n; k++) {
        if (blank(s + runs[k].off, runs[k].len))
            continue;
        if (!(runs[k].style & DECORATION))
            has_text = 1;
        if (!(runs[k].style & STYLE_RULE))
            rule_only = 0;
    }
    if (grid_line(s, runs, n)) {
        if (!r->in_grid) {
            flush_para(r);
            r->in_grid = 1;
        }
        read_grid_line(r, i, runs, n);
        return;
    }
    if (r->in_grid) {
        if (rule_only && !blank(s, ln->text_len)) {
            flush_row(r); /* a border between rows */
            return;
        }
        end_grid(r);
    }
    if (!has_text || rule_only) {
        flush_para(r);
        r->skipping_links = 0;
        return;
    }
    /* What starts a sentence of its own: a heading, a list item (its bullet
     * or number), a card's "Header:", an entry of the link list (not read). */
    size_t first = 0;
    int marker = 0;
    for (; first < n; first++) {
        if (blank(s + runs[first].off, runs[first].len))
            continue;
        if (runs[first].style & STYLE_MARKER) {
            marker = 1;
            continue;
        }
        if (runs[first].style & STYLE_QUOTE)
            continue;
        break;
    }
    uint16_t lead = first < n ? runs[first].style : 0;
    if (lead & STYLE_NOTE) {
        flush_para(r);
        r->skipping_links = 1;
        return;
    }
    int only_links = 1;
    for (size_t k = first; k < n; k++)
        if (!blank(s + runs[k].off, runs[k].len) && !(runs[k].style & STYLE_LINK))
            only_links = 0;
    if (r->skipping_links && only_links)
        return;
    r->skipping_links = 0;
    int heading = ln->heading != 0;
    if (marker || (lead & STYLE_TABLE_HEAD) || heading != r->para.heading)
        flush_para(r);
    r->para.heading = heading;
    size_t from = SIZE_MAX, to = 0;
    for (size_t k = first; k < n; k++) {
        if (runs[k].style & DECORATION) {
            if (from != SIZE_MAX)
                add_text(r, &r->para, i, from, to - from);
            from = SIZE_MAX;
            continue;
        }
        if (from == SIZE_MAX)
            from = runs[k].off;
        to = runs[k].off + runs[k].len;
    }
    if (from != SIZE_MAX)
        add_text(r, &r->para, i, from, to - from);
}

int speech_script_add(struct speech_script *s, const struct layout *L, int tag, const char *prefix)
{
    if (!s || !L)
        return -1;
    struct reader r = {.s = s, .L = L, .tag = tag, .prefix = prefix};
    for (size_t i = 0; i < L->line_count && !r.failed; i++)
        read_line(&r, i);
    end_grid(&r);
    flush_para(&r);
    if (r.prefix && !r.failed) {
        /* Nothing to read but the prefix: say it alone. */
        struct para p = {.text = (char *)prefix, .len = strlen(prefix)};
        speech_emit(&r, NULL, &p, 0, p.len);
    }
    para_free(&r.para);
    for (size_t c = 0; c < MAX_COLUMNS; c++) {
        para_free(&r.cells[c]);
        free(r.headers[c]);
    }
    return r.failed ? -1 : 0;
}

struct speech_script *speech_script_new(const char *lang)
{
    struct speech_script *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lang = strdup(lang && *lang ? lang : "en");
    if (!s->lang) {
        free(s);
        return NULL;
    }
    return s;
}

size_t speech_script_find(const struct speech_script *s, int tag, size_t line)
{
    for (size_t i = 0; i < s->count; i++)
        for (size_t k = 0; k < s->sentences[i].piece_count; k++) {
            const struct speech_piece *p = &s->pieces[s->sentences[i].piece_off + k];
            if (p->tag == tag && p->line >= line)
                return i;
        }
    return s->count;
}

void speech_script_free(struct speech_script *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++) {
        explicit_bzero(s->sentences[i].text, s->sentences[i].len);
        free(s->sentences[i].text);
    }
    free(s->sentences);
    free(s->pieces);
    free(s->lang);
    free(s);
}

size_t speech_char_offset(const char *text, size_t len, size_t chars)
{
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}
