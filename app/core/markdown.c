/* SPDX-License-Identifier: GPL-3.0-or-later */
/* markdown.c: cmark-gfm set-up shared by every Markdown reader. */
#include "config.h"

#include "core/markdown.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/parse_heap.h"
#include "core/wipe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-core-extensions.h>

/* A parser whose trees live in mem. */
static cmark_parser *new_parser(cmark_mem *mem)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_VALIDATE_UTF8, mem);
    if (!parser)
        return NULL;
    static const char *const extensions[] = {"table", "strikethrough"};
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
        if (ext)
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    return parser;
}

cmark_node *markdown_parse(const char *text, size_t len)
{
    cmark_parser *parser = new_parser(parse_heap_allocator());
    if (!parser)
        return NULL;
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

char *markdown_to_html(cmark_node *doc)
{
    /* The parser only lends its extension list; the string comes from malloc
     * (not from the tree's heap) because the caller frees it. The document
     * may be the patient's summary: the renderer's buffers are zeroed as they
     * grow and when freed. */
    cmark_mem *mem = wipe_cmark_allocator();
    cmark_parser *parser = new_parser(mem);
    if (!parser)
        return NULL;
    char *html = cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT,
                                            cmark_parser_get_syntax_extensions(parser), mem);
    cmark_parser_free(parser);
    /* Cleaned as the screen cleans text (text_clean()): no C1 control or
     * bidi override from content reaches the page. The raw copy may hold
     * patient answers: zeroed before it is freed. */
    size_t len = html ? strlen(html) : 0;
    char *clean = html && len < SIZE_MAX / 4 ? malloc(3 * len + 1) : NULL;
    if (clean)
        text_clean(clean, html, len);
    if (html) {
        explicit_bzero(html, len);
        free(html);
    }
    return clean;
}

int markdown_is_table(cmark_node *node)
{
    return CMARK_NODE_TABLE && cmark_node_get_type(node) == CMARK_NODE_TABLE;
}

int markdown_is_table_cell(cmark_node *node)
{
    return CMARK_NODE_TABLE_CELL && cmark_node_get_type(node) == CMARK_NODE_TABLE_CELL;
}

int markdown_row_is_header(cmark_node *row)
{
    return cmark_gfm_extensions_get_table_row_is_header(row);
}

char *markdown_plain_text(cmark_node *node)
{
    struct buf buf = {0};
    buf_add(&buf, "", 0);
    cmark_iter *iter = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *cur = cmark_iter_get_node(iter);
        switch (cmark_node_get_type(cur)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
            const char *lit = cmark_node_get_literal(cur);
            if (lit)
                buf_add(&buf, lit, strlen(lit));
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            buf_add(&buf, " ", 1);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(iter);
    return buf_take(&buf);
}

/* ---- escaping ---- */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void markdown_escape_to(struct buf *b, const char *text)
{
    int start = 1, space = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (is_space(*p) || *p < 0x20 || *p == 0x7f) {
            space = !start;
            continue;
        }
        if (space)
            buf_add(b, " ", 1);
        space = 0;
        if (strchr("\\`*_[]<>#&|~!", *p) || (start && strchr("-+=", *p))) {
            buf_add(b, "\\", 1);
        } else if (start && *p >= '0' && *p <= '9') {
            /* "12. x" or "3) x" would start an ordered list */
            size_t digits = strspn((const char *)p, "0123456789");
            buf_add(b, (const char *)p, digits);
            p += digits - 1;
            if ((p[1] == '.' || p[1] == ')') && (!p[2] || is_space(p[2])))
                buf_add(b, "\\", 1);
            start = 0;
            continue;
        }
        buf_add(b, (const char *)p, 1);
        start = 0;
    }
}

char *markdown_escape(const char *text)
{
    struct buf b = {0};
    markdown_escape_to(&b, text);
    return buf_take(&b);
}
