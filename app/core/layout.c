/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c: walks a cmark-gfm document and lays out each block: headings,
 * paragraphs, lists, quotes, code, rules, source notes and link references. */
#include "config.h"

#include "core/layout_internal.h"
#include "core/markdown.h"
#include "core/text.h"
#include "core/i18n.h"
#include "core/wipe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 64 };

/* ---- inline content ---- */

static int add_link(struct builder *b, const char *url)
{
    for (size_t i = 0; i < b->link_count; i++)
        if (strcmp(b->links[i], url) == 0)
            return (int)i + 1;
    if (layout_grow((void **)&b->links, &b->link_cap, b->link_count + 1, sizeof *b->links) < 0) {
        b->failed = 1;
        return 0;
    }
    char *copy = strdup(url);
    if (!copy) {
        b->failed = 1;
        return 0;
    }
    b->links[b->link_count++] = copy;
    return (int)b->link_count;
}

void collect_inlines(struct builder *b, cmark_node *node, struct styled *st, uint16_t style)
{
    for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        cmark_node_type type = cmark_node_get_type(c);
        const char *lit;
        switch (type) {
        case CMARK_NODE_TEXT:
            lit = cmark_node_get_literal(c);
            styled_add(st, lit, strlen(lit), style);
            break;
        case CMARK_NODE_CODE:
            lit = cmark_node_get_literal(c);
            styled_add(st, lit, strlen(lit), style | STYLE_CODE);
            break;
        case CMARK_NODE_SOFTBREAK:
            styled_add(st, " ", 1, style);
            break;
        case CMARK_NODE_LINEBREAK:
            styled_add(st, "\n", 1, style);
            break;
        case CMARK_NODE_EMPH:
            collect_inlines(b, c, st, style | STYLE_EMPH);
            break;
        case CMARK_NODE_STRONG:
            collect_inlines(b, c, st, style | STYLE_STRONG);
            break;
        case CMARK_NODE_IMAGE:
            collect_inlines(b, c, st, style);
            break;
        case CMARK_NODE_LINK: {
            size_t before = st->len;
            collect_inlines(b, c, st, style | STYLE_LINK);
            const char *url = cmark_node_get_url(c);
            long id = url && *url && st->len > before ? link_record(b, url) : -1;
            if (id >= 0)
                styled_mark_link(st, before, (uint32_t)id);
            /* Anchors inside the page, and links that show their own address,
             * need no reference number. */
            if (!url || !*url || url[0] == '#' || st->failed)
                break;
            if (st->len - before == strlen(url) &&
                memcmp(st->text + before, url, st->len - before) == 0)
                break;
            char mark[24];
            int note = add_link(b, url);
            if (id >= 0 && note > 0)
                b->out->links[id].note = (uint32_t)note;
            int n = snprintf(mark, sizeof mark, "[%d]", note);
            styled_add(st, mark, (size_t)n, STYLE_NOTE);
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            break; /* raw HTML is never shown */
        default:
            if (markdown_is_table_cell(c) || type == CMARK_NODE_STRIKETHROUGH)
                collect_inlines(b, c, st,
                                style | (type == CMARK_NODE_STRIKETHROUGH ? STYLE_STRIKE : 0));
            else
                collect_inlines(b, c, st, style);
            break;
        }
    }
}

/* ---- margins ---- */

static void push_margin(struct builder *b, const char *first, const char *rest, uint16_t style)
{
    if (layout_grow((void **)&b->margins, &b->margin_cap, b->depth + 1, sizeof *b->margins) < 0) {
        b->failed = 1;
        return;
    }
    struct margin *m = &b->margins[b->depth++];
    snprintf(m->first, sizeof m->first, "%s", first);
    snprintf(m->rest, sizeof m->rest, "%s", rest);
    m->style = style;
    m->first_pending = 1;
}

static void pop_margin(struct builder *b)
{
    if (b->depth > 0)
        b->depth--;
}

/* ---- blocks ---- */

static void layout_children(struct builder *b, cmark_node *node, int level);

static void layout_paragraph(struct builder *b, cmark_node *node, uint16_t style)
{
    struct styled st = {0};
    collect_inlines(b, node, &st, style);
    if (st.failed)
        b->failed = 1;
    else if (st.len > 0) {
        block_begin(b);
        emit_wrapped(b, &st, 0, 0);
    }
    styled_free(&st);
}

static void add_heading(struct builder *b, int level, const struct styled *st)
{
    struct layout *L = b->out;
    /* Doubling: a page may have 100000 headings, and wipe_realloc() copies. */
    if (layout_grow((void **)&L->headings, &L->heading_cap, L->heading_count + 1,
                    sizeof *L->headings) < 0) {
        b->failed = 1;
        return;
    }
    struct layout_heading *h = L->headings;
    char *text = strndup(st->text, st->len);
    if (!text) {
        b->failed = 1;
        return;
    }
    h[L->heading_count++] = (struct layout_heading){L->line_count, level, text};
}

static void layout_heading(struct builder *b, cmark_node *node)
{
    int level = cmark_node_get_heading_level(node);
    struct styled st = {0};
    collect_inlines(b, node, &st, STYLE_STRONG | STYLE_HEADING);
    if (st.failed || st.len == 0) {
        b->failed |= st.failed;
        styled_free(&st);
        return;
    }
    block_begin(b);
    add_heading(b, level, &st);
    size_t first = b->out->line_count;
    emit_wrapped(b, &st, 0, (uint8_t)level);
    /* Underline as wide as the widest heading line: levels differ by the
     * line's character, so they stay distinct without colour. */
    uint32_t widest = 0;
    for (size_t i = first; i < b->out->line_count; i++) {
        uint32_t cells = b->out->lines[i].cells;
        if (cells > widest)
            widest = cells;
    }
    static const char *const rules_utf8[] = {"═", "─", "┄"};
    static const char *const rules_ascii[] = {"=", "-", "."};
    const char *rule = (b->opts->ascii ? rules_ascii : rules_utf8)[level < 3 ? level - 1 : 2];
    uint32_t margin = (uint32_t)(b->opts->width - builder_avail(b));
    line_begin(b);
    for (uint32_t i = margin; i < widest; i++)
        line_add(b, rule, strlen(rule), STYLE_RULE);
    line_end(b, (uint32_t)st.len, 0);
    styled_free(&st);
}

static void layout_code(struct builder *b, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    size_t len = strlen(lit);
    while (len > 0 && lit[len - 1] == '\n')
        len--;
    block_begin(b);
    push_margin(b, "    ", "    ", 0);
    struct styled st = {0};
    styled_add(&st, lit, len, STYLE_CODE);
    if (st.failed)
        b->failed = 1;
    else
        emit_wrapped(b, &st, 0, 0);
    styled_free(&st);
    pop_margin(b);
}

static void layout_rule(struct builder *b)
{
    block_begin(b);
    rule_line(b);
}

/* `<!-- sources: 3, 7 -->` after a block names its sources; staff see them in
 * training mode. Any other raw HTML is never shown. */
static void layout_html(struct builder *b, cmark_node *node)
{
    if (!b->opts->show_sources)
        return;
    const char *lit = cmark_node_get_literal(node);
    const char *p = strstr(lit, "<!--");
    if (!p)
        return;
    p += 4;
    while (*p == ' ' || *p == '\n')
        p++;
    if (strncmp(p, "sources:", 8) != 0)
        return;
    p += 8;
    const char *end = strstr(p, "-->");
    if (!end)
        return;
    while (*p == ' ')
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\n'))
        end--;
    struct styled st = {0};
    const char *label = _("Sources: ");
    styled_add(&st, label, strlen(label), STYLE_NOTE);
    styled_add(&st, p, (size_t)(end - p), STYLE_NOTE);
    if (!st.failed) {
        int was_tight = b->tight;
        b->tight = 1; /* directly under the block it belongs to */
        block_begin(b);
        b->tight = was_tight;
        emit_wrapped(b, &st, 0, 0);
    }
    styled_free(&st);
}

static void list_marker(struct builder *b, cmark_node *list, int index, int level, char *first,
                        char *rest, size_t size)
{
    if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int start = cmark_node_get_list_start(list);
        int count = 0;
        for (cmark_node *i = cmark_node_first_child(list); i; i = cmark_node_next(i))
            count++;
        int digits = snprintf(NULL, 0, "%d", start + count - 1);
        char delim = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.';
        snprintf(first, size, "%*d%c ", digits, start + index, delim);
        snprintf(rest, size, "%*s", digits + 2, "");
        return;
    }
    static const char *const utf8[] = {"•", "◦", "▪"};
    static const char *const ascii[] = {"*", "-", "+"};
    snprintf(first, size, "%s ", (b->opts->ascii ? ascii : utf8)[level % 3]);
    snprintf(rest, size, "  ");
}

static void layout_list(struct builder *b, cmark_node *list, int level)
{
    int was_tight = b->tight;
    int tight = cmark_node_get_list_tight(list);
    int index = 0;
    block_separate(b);
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        char first[24], rest[24];
        list_marker(b, list, index, level, first, rest, sizeof first);
        b->tight = tight;
        if (index++ > 0)
            block_separate(b); /* a blank line between the items of a loose list */
        b->at_start = 1;
        push_margin(b, first, rest, STYLE_MARKER);
        layout_children(b, item, level + 1);
        pop_margin(b);
    }
    b->tight = was_tight;
    b->at_start = 0;
}

static void layout_block(struct builder *b, cmark_node *node, int level)
{
    if (b->failed)
        return;
    if (b->depth >= MAX_DEPTH) {
        layout_paragraph(b, node, 0); /* flatten absurd nesting, lose no text */
        return;
    }
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
        layout_paragraph(b, node, 0);
        break;
    case CMARK_NODE_HEADING:
        layout_heading(b, node);
        break;
    case CMARK_NODE_CODE_BLOCK:
        layout_code(b, node);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        layout_rule(b);
        break;
    case CMARK_NODE_HTML_BLOCK:
        layout_html(b, node);
        break;
    case CMARK_NODE_BLOCK_QUOTE: {
        block_separate(b);
        const char *bar = b->opts->ascii ? "| " : "│ ";
        push_margin(b, bar, bar, STYLE_QUOTE);
        int was_tight = b->tight;
        b->tight = 0;
        layout_children(b, node, level);
        b->tight = was_tight;
        pop_margin(b);
        b->at_start = 0;
        break;
    }
    case CMARK_NODE_LIST:
        layout_list(b, node, level);
        break;
    default:
        if (markdown_is_table(node))
            layout_table(b, node);
        else
            layout_children(b, node, level);
        break;
    }
}

static void layout_children(struct builder *b, cmark_node *node, int level)
{
    for (cmark_node *c = cmark_node_first_child(node); c && !b->failed; c = cmark_node_next(c))
        layout_block(b, c, level);
}

static void layout_links(struct builder *b)
{
    if (b->link_count == 0)
        return;
    struct styled st = {0};
    const char *title = _("Links on this page:");
    styled_add(&st, title, strlen(title), STYLE_STRONG);
    block_begin(b);
    emit_wrapped(b, &st, 0, 0);
    styled_free(&st);
    for (size_t i = 0; i < b->link_count && !b->failed; i++) {
        char mark[24];
        int n = snprintf(mark, sizeof mark, "[%zu] ", i + 1);
        struct styled ref = {0};
        styled_add(&ref, mark, (size_t)n, STYLE_NOTE);
        const char *name = link_note_title(b, b->links[i]);
        styled_add(&ref, name, strlen(name), STYLE_LINK);
        if (ref.failed)
            b->failed = 1;
        else
            emit_wrapped(b, &ref, n, 0);
        styled_free(&ref);
    }
}

struct layout *layout_document(cmark_node *doc, const struct layout_opts *opts)
{
    struct builder b;
    struct layout_opts o;
    if (builder_start(&b, &o, opts) < 0)
        return NULL;
    layout_children(&b, doc, 0);
    layout_links(&b);
    return builder_finish(&b);
}

/* What a layout made in steps keeps between steps. */
struct layout_job {
    struct builder b;
    struct layout_opts opts; /* b.opts points here */
    cmark_node *doc;         /* owned; its laid-out blocks are already freed */
    cmark_node *next;        /* next top-level block to lay out */
};

static void job_free(struct layout_job *j)
{
    builder_release(&j->b);
    cmark_node_free(j->doc);
    free(j);
}

struct layout *layout_start(const char *text, size_t len, const struct layout_opts *opts)
{
    struct layout_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->doc = markdown_parse(text, len);
    if (!j->doc || builder_start(&j->b, &j->opts, opts) < 0) {
        cmark_node_free(j->doc);
        free(j);
        return NULL;
    }
    j->next = cmark_node_first_child(j->doc);
    j->b.out->job = j;
    return j->b.out;
}

int layout_more(struct layout *L, size_t lines)
{
    struct layout_job *j = L->job;
    if (!j)
        return 1;
    while (j->next && !j->b.failed && L->line_count < lines) {
        cmark_node *block = j->next;
        j->next = cmark_node_next(block);
        layout_block(&j->b, block, 0);
        cmark_node_free(block); /* the tree shrinks as the lines grow */
    }
    if (j->next && !j->b.failed)
        return 0;
    if (!j->b.failed)
        layout_links(&j->b);
    /* Done, or out of memory: either way the lines made so far stay. */
    int failed = j->b.failed;
    L->job = NULL;
    job_free(j);
    layout_shrink(L);
    return failed ? -1 : 1;
}

int layout_complete(const struct layout *L)
{
    return L->job == NULL;
}

struct layout *layout_markdown(const char *text, size_t len, const struct layout_opts *opts)
{
    cmark_node *doc = markdown_parse(text, len);
    if (!doc)
        return NULL;
    struct layout *L = layout_document(doc, opts);
    cmark_node_free(doc);
    return L;
}

struct layout *layout_text(const char *text, uint16_t style, const struct layout_opts *opts)
{
    struct builder b;
    struct layout_opts o;
    if (builder_start(&b, &o, opts) < 0)
        return NULL;
    for (const char *p = text; *p && !b.failed;) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        struct styled st = {0};
        for (size_t i = 0; i < n;) { /* single newlines are spaces */
            const char *nl = memchr(p + i, '\n', n - i);
            size_t run = nl ? (size_t)(nl - (p + i)) : n - i;
            styled_add(&st, p + i, run, style);
            if (nl)
                styled_add(&st, " ", 1, style);
            i += run + (nl ? 1 : 0);
        }
        if (st.failed)
            b.failed = 1;
        else if (st.len > 0) {
            block_begin(&b);
            emit_wrapped(&b, &st, 0, 0);
        }
        styled_free(&st);
        p += n;
        while (*p == '\n')
            p++;
    }
    return builder_finish(&b);
}

void layout_free(struct layout *L)
{
    if (!L)
        return;
    if (L->job)
        job_free(L->job);
    for (size_t i = 0; i < L->heading_count; i++)
        wipe_string(L->headings[i].text);
    wipe_free(L->headings, L->heading_cap * sizeof *L->headings);
    layout_links_free(L);
    wipe_free(L->text, L->text_cap);
    wipe_free(L->spans, L->span_cap * sizeof *L->spans);
    wipe_free(L->lines, L->line_cap * sizeof *L->lines);
    free(L);
}

const char *layout_line_text(const struct layout *L, size_t i)
{
    return L->text ? L->text + L->lines[i].text_off : "";
}

char *layout_line_string(const struct layout *L, size_t i)
{
    return strndup(layout_line_text(L, i), L->lines[i].text_len);
}

size_t layout_find_anchor(const struct layout *L, uint32_t block, uint32_t block_off)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < L->line_count; i++) {
        const struct layout_line *line = &L->lines[i];
        if (line->block > block)
            return best == SIZE_MAX ? i : best;
        if (line->block != block)
            continue;
        /* The block's last line that starts at or before the offset; blank
         * lines (offset 0) after the block never move the anchor back. */
        if (best == SIZE_MAX ||
            (line->block_off > L->lines[best].block_off && line->block_off <= block_off))
            best = i;
    }
    return best == SIZE_MAX ? (L->line_count ? L->line_count - 1 : 0) : best;
}

int layout_search(const struct layout *L, const char *needle, size_t from, int dir, size_t *line,
                  size_t *off, size_t *len)
{
    size_t n = L->line_count;
    for (size_t k = 0; k < n; k++) {
        size_t i = dir > 0 ? (from + k) % n : (from + n - k % n) % n;
        long at = text_find(layout_line_text(L, i), L->lines[i].text_len, 0, needle, len);
        if (at >= 0) {
            *line = i;
            *off = (size_t)at;
            return 0;
        }
    }
    return -1;
}

int layout_print(const struct layout *L, FILE *stream)
{
    for (size_t i = 0; i < L->line_count; i++) {
        if (fwrite(layout_line_text(L, i), 1, L->lines[i].text_len, stream) !=
                L->lines[i].text_len ||
            putc('\n', stream) == EOF)
            return -1;
    }
    return fflush(stream) == 0 ? 0 : -1;
}
