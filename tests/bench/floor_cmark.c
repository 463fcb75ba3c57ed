/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor_cmark.c: floor_bare plus cmark-gfm: parse the whole page (with the
 * table and strikethrough extensions and UTF-8 validation, as the kiosk
 * does), then print each block's text on one line, clipped, refresh, wait
 * for a key. No wrapping, no styles: the parser's cost and nothing more.
 * Usage: floor_cmark FILE */
#include "floor_common.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

static cmark_node *parse(const char *text, size_t len)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
    const char *names[] = {"table", "strikethrough"};
    for (size_t i = 0; i < 2; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(names[i]);
        if (ext)
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

static int is_line_end(cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
        return 1;
    default:
        return strcmp(cmark_node_get_type_string(n), "table_row") == 0;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: floor_cmark FILE\n", stderr);
        return 2;
    }
    size_t len;
    char *text = floor_slurp(argv[1], &len);
    floor_start();
    cmark_node *doc = parse(text, len);
    char line[4096];
    size_t used = 0;
    int y = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while (y < LINES - 1 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER &&
            (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK)) {
            const char *lit = cmark_node_get_literal(n);
            size_t k = strlen(lit);
            if (used + k + 2 < sizeof line) {
                memcpy(line + used, lit, k);
                used += k;
            }
        } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_SOFTBREAK && used + 2 < sizeof line) {
            line[used++] = ' ';
        } else if (strcmp(cmark_node_get_type_string(n), "table_cell") == 0 &&
                   ev == CMARK_EVENT_EXIT && used + 4 < sizeof line) {
            memcpy(line + used, " | ", 3);
            used += 3;
        }
        if ((ev == CMARK_EVENT_EXIT || t == CMARK_NODE_CODE_BLOCK ||
             t == CMARK_NODE_THEMATIC_BREAK) &&
            is_line_end(n)) {
            floor_line(y++, 0, line, used);
            used = 0;
        }
    }
    cmark_iter_free(it);
    floor_footer("Crisis: call or text 988.  q quit");
    refresh();
    while (getch() != 'q')
        ;
    endwin();
    cmark_node_free(doc);
    free(text);
    return 0;
}
