/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_links.c: the links of a laid-out page: one record per link (its
 * address, the page or anchor it opens) and, for each line it shows on, the
 * bytes of that line it covers; so the screen can focus, draw and open
 * links, and find a tap's link. Records are zeroed when the layout is freed
 * (a page may be the patient's summary). */
#include "config.h"

#include "core/layout_internal.h"
#include "core/text.h"
#include "core/wipe.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* 1 when url starts with a URI scheme ("http:", "mailto:"). */
static int has_scheme(const char *url)
{
    if (!isalpha((unsigned char)url[0]))
        return 0;
    const char *p = url + 1;
    while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':';
}

const char *link_note_title(const struct builder *b, const char *url)
{
    if (!b->opts->link_title || has_scheme(url) || url[0] == '#')
        return url;
    char page[256];
    size_t n = strcspn(url, "#");
    if (n >= sizeof page)
        return url;
    memcpy(page, url, n);
    page[n] = '\0';
    const char *title = b->opts->link_title(b->opts->link_ctx, page);
    return title && *title ? title : url;
}

long link_record(struct builder *b, const char *url)
{
    struct layout *L = b->out;
    if (L->link_count >= UINT32_MAX ||
        layout_grow((void **)&L->links, &L->link_cap, L->link_count + 1, sizeof *L->links) < 0) {
        b->failed = 1;
        return -1;
    }
    struct layout_link k = {0};
    const char *hash = strchr(url, '#');
    k.target = strdup(url);
    int failed = !k.target;
    if (has_scheme(url)) {
        k.kind = LINK_EXTERNAL;
    } else if (url[0] == '#') {
        k.kind = LINK_ANCHOR;
        k.anchor = strdup(url + 1);
        failed |= !k.anchor;
    } else {
        k.kind = LINK_PAGE;
        k.page = hash ? strndup(url, (size_t)(hash - url)) : strdup(url);
        failed |= !k.page;
        if (hash && hash[1]) {
            k.anchor = strdup(hash + 1);
            failed |= !k.anchor;
        }
    }
    if (failed) {
        free(k.target);
        free(k.page);
        free(k.anchor);
        b->failed = 1;
        return -1;
    }
    L->links[L->link_count] = k;
    return (long)L->link_count++;
}

void styled_mark_link(struct styled *st, size_t off, uint32_t link)
{
    if (st->failed || off >= st->len)
        return;
    if (layout_grow((void **)&st->links, &st->link_cap, st->link_count + 1, sizeof *st->links) <
        0) {
        st->failed = 1;
        return;
    }
    st->links[st->link_count++] = (struct styled_link){off, st->len - off, link};
}

void styled_copy_links(struct styled *dst, const struct styled *src, size_t shift)
{
    for (size_t i = 0; i < src->link_count && !dst->failed; i++) {
        size_t end = shift + src->links[i].off + src->links[i].len;
        if (end > dst->len)
            continue;
        size_t saved = dst->len;
        dst->len = end; /* styled_mark_link() marks up to the text's end */
        styled_mark_link(dst, shift + src->links[i].off, src->links[i].link);
        dst->len = saved;
    }
}

void link_spans_piece(struct builder *b, const struct styled *st, const struct wrap_piece *p,
                      size_t base)
{
    struct layout *L = b->out;
    size_t off = p->off, end = p->off + p->len;
    for (size_t i = 0; i < st->link_count && !b->failed; i++) {
        size_t ls = st->links[i].off, le = ls + st->links[i].len;
        if (le <= off || ls >= end)
            continue;
        size_t s = ls > off ? ls : off, e = le < end ? le : end;
        if (layout_grow((void **)&L->link_spans, &L->link_span_cap, L->link_span_count + 1,
                        sizeof *L->link_spans) < 0) {
            b->failed = 1;
            return;
        }
        L->link_spans[L->link_span_count++] = (struct layout_link_span){
            .line = (uint32_t)L->line_count,
            .off = (uint32_t)(base + (s - off)),
            .len = (uint32_t)(e - s),
            .link = st->links[i].link,
        };
    }
}

void link_spans_trim(struct builder *b, size_t len)
{
    struct layout *L = b->out;
    while (L->link_span_count > 0) {
        struct layout_link_span *sp = &L->link_spans[L->link_span_count - 1];
        if (sp->line != L->line_count)
            break;
        if (sp->off >= len) {
            L->link_span_count--; /* only trailing spaces of it were on the line */
            continue;
        }
        if (sp->off + sp->len > len)
            sp->len = (uint32_t)(len - sp->off);
        break;
    }
}

void layout_links_free(struct layout *L)
{
    for (size_t i = 0; i < L->link_count; i++) {
        wipe_string(L->links[i].target);
        wipe_string(L->links[i].page);
        wipe_string(L->links[i].anchor);
    }
    wipe_free(L->links, L->link_cap * sizeof *L->links);
    wipe_free(L->link_spans, L->link_span_cap * sizeof *L->link_spans);
    L->links = NULL;
    L->link_spans = NULL;
    L->link_count = L->link_cap = L->link_span_count = L->link_span_cap = 0;
}

long layout_link_at(const struct layout *L, size_t line, int col)
{
    if (col < 0 || line >= L->line_count)
        return -1;
    const char *text = layout_line_text(L, line);
    for (size_t i = 0; i < L->link_span_count; i++) {
        const struct layout_link_span *sp = &L->link_spans[i];
        if (sp->line != line)
            continue;
        size_t from = text_width(text, sp->off);
        size_t to = from + text_width(text + sp->off, sp->len);
        if ((size_t)col >= from && (size_t)col < to)
            return (long)sp->link;
    }
    return -1;
}

const struct layout_link_span *layout_link_span(const struct layout *L, uint32_t link)
{
    for (size_t i = 0; i < L->link_span_count; i++)
        if (L->link_spans[i].link == link)
            return &L->link_spans[i];
    return NULL;
}

/* 1 when heading text names anchor: an explicit trailing `{#id}`, or its
 * GitHub slug (ASCII lowercased, letters, digits, '-' and '_' and any
 * non-ASCII byte kept, spaces as '-', other punctuation dropped). */
static int heading_has_anchor(const char *text, const char *anchor)
{
    size_t n = strlen(text), a = strlen(anchor);
    if (n >= a + 3 && text[n - 1] == '}' && memcmp(text + n - a - 3, "{#", 2) == 0 &&
        memcmp(text + n - a - 1, anchor, a) == 0)
        return 1;
    const char *q = anchor;
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        char want;
        if (c == ' ')
            want = '-';
        else if (c >= 0x80 || isalnum(c) || c == '-' || c == '_')
            want = (char)(c < 0x80 ? tolower(c) : c);
        else
            continue;
        if (*q++ != want)
            return 0;
    }
    return *q == '\0';
}

size_t layout_anchor_line(const struct layout *L, const char *anchor)
{
    if (!anchor || !*anchor)
        return SIZE_MAX;
    for (size_t i = 0; i < L->heading_count; i++)
        if (heading_has_anchor(L->headings[i].text, anchor))
            return L->headings[i].line;
    return SIZE_MAX;
}
