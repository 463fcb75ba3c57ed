/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_internal.h: the line builder and wrapper shared by layout.c (blocks)
 * and layout_table.c (GFM tables). Not for use outside core/layout*. */
#ifndef KIOSK_LAYOUT_INTERNAL_H
#define KIOSK_LAYOUT_INTERNAL_H

#include "core/layout.h"

/* Inline text with style runs, collected from one block or table cell.
 * brks caches its break opportunities (text_breaks()) once something needs
 * them; styled_add() drops the cache. */
/* A link's text inside a struct styled: bytes [off, off+len), link id. */
struct styled_link {
    size_t off, len;
    uint32_t link;
};

struct styled {
    char *text;
    size_t len, cap;
    struct layout_span *runs;
    size_t run_count, run_cap;
    struct styled_link *links;
    size_t link_count, link_cap;
    char *brks;
    int failed;
};

/* One container's contribution to the left margin: a list marker on the
 * first line and spaces after it, or a quote bar on every line. */
struct margin {
    char first[24], rest[24];
    uint16_t style;
    int first_pending;
};

struct builder {
    struct layout *out;
    const struct layout_opts *opts;
    struct margin *margins;
    size_t depth, margin_cap;
    uint32_t block;
    int at_start, tight;
    char **links;
    size_t link_count, link_cap;
    int failed;
    /* the line being built */
    size_t cur_text, cur_span;
    uint32_t cur_cells;
};

/* A wrapped line: bytes [off, off+len) of a struct styled, cells wide. */
struct wrap_piece {
    size_t off, len, cells;
};

/* The most spans one line may have, and the highest heading level (the
 * widths of those fields of struct layout_line). */
#define LINE_SPANS_MAX   ((1u << 29) - 1)
#define LINE_HEADING_MAX 7u

/* Grow *buf (of *cap elements of size bytes) to hold need. 0, or -1 when out of memory. */
int layout_grow(void **buf, size_t *cap, size_t need, size_t size);

void styled_add(struct styled *st, const char *s, size_t n, uint16_t style);
void styled_free(struct styled *st);

/* Wrap st into lines of at most avail cells, breaking where UAX #14 allows
 * and inside a word only when a word is wider than avail. Returns the number
 * of pieces (>= 1) and *pieces (caller frees), or 0 when out of memory. */
size_t wrap_styled(struct styled *st, int avail, const char *lang, struct wrap_piece **pieces);

/* Widest word of st in cells: the widest piece that wrapping at width 1
 * leaves unsplit by spaces or newlines. -1 when out of memory. */
int styled_longest_word(struct styled *st, const char *lang);

/* Line building: begin (with the current margins), add text, end.
 * line_repeat() adds s (of n bytes) times times; line_add_piece() adds a
 * wrapped piece of st, in its styles. */
void line_begin(struct builder *b);
void line_add(struct builder *b, const char *s, size_t n, uint16_t style);
void line_repeat(struct builder *b, const char *s, size_t n, uint16_t style, size_t times);
void line_add_piece(struct builder *b, const struct styled *st, const struct wrap_piece *p);
void line_pad(struct builder *b, size_t cells);
void line_end(struct builder *b, uint32_t block_off, uint8_t heading);

/* Cells left for text after the margins. Always >= 1. */
int builder_avail(const struct builder *b);

/* Start a new leaf block: a blank line before it unless it opens its
 * container or sits in a tight list. Returns the block's number. */
uint32_t block_begin(struct builder *b);

/* A blank line before a container (list, quote) unless it opens its own
 * container or sits in a tight list; its first block then adds none. */
void block_separate(struct builder *b);

/* Emit st wrapped to the available width; continuation lines get hang
 * extra spaces of indent. */
void emit_wrapped(struct builder *b, struct styled *st, int hang, uint8_t heading);

/* A rule across the available width (thematic breaks, card dividers). */
void rule_line(struct builder *b);

/* Set up b for a new layout with a copy of opts in *o (which must outlive
 * b). 0, or -1 when out of memory. builder_finish() frees the builder's
 * own memory, cuts the layout's arrays down to their contents and returns
 * the layout, or NULL if anything failed. */
int builder_start(struct builder *b, struct layout_opts *o, const struct layout_opts *opts);
struct layout *builder_finish(struct builder *b);

/* Free the builder's own memory (links, margins); its layout stays. */
void builder_release(struct builder *b);

/* Cut a finished layout's arrays down to their size. */
void layout_shrink(struct layout *L);

/* Collect the inline content of node into st (links get [n] markers). */
void collect_inlines(struct builder *b, cmark_node *node, struct styled *st, uint16_t style);

/* ---- link records (layout_links.c) ---- */

/* A new link record for url in b's layout. Its id, or -1 (b->failed set)
 * when out of memory. */
long link_record(struct builder *b, const char *url);

/* Bytes [off, st->len) of st show link id. */
void styled_mark_link(struct styled *st, size_t off, uint32_t link);

/* src's links, shifted by shift bytes, into dst (whose text now holds
 * src's text from byte shift). */
void styled_copy_links(struct styled *dst, const struct styled *src, size_t shift);

/* Piece p of st is being added to the line at byte base of the line: its
 * links get spans on the line being built. */
void link_spans_piece(struct builder *b, const struct styled *st, const struct wrap_piece *p,
                      size_t base);

/* The line being built ends len bytes long: cut its link spans to it. */
void link_spans_trim(struct builder *b, size_t len);

/* What the "Links on this page" note lists for url: the page's title
 * (opts->link_title) for a link to a page of the content, else url. */
const char *link_note_title(const struct builder *b, const char *url);

/* Free the link records and spans (zeroed first). */
void layout_links_free(struct layout *L);

/* Lay out one GFM table node. */
void layout_table(struct builder *b, cmark_node *table);

#endif
