/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.h: a parsed Markdown document and a width become lines of styled spans.
 *
 * This is the one layout engine: the screen draws its lines, the printout and
 * `--render` print them as text. Widths are terminal cells. A layout owns all
 * of its memory; layout_free() zeroes and releases it, and no copy of its text
 * is left behind as it grows (core/wipe.h). Functions that allocate return
 * NULL when out of memory. */
#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmark-gfm.h>

/* Styles are bits; a span may carry several. The screen maps them to
 * attributes, the text renderer ignores them (the text itself shows the
 * structure: underlined headings, bullets, quote bars, box-drawn tables). */
enum layout_style {
    STYLE_STRONG = 1 << 0,
    STYLE_EMPH = 1 << 1,
    STYLE_CODE = 1 << 2,
    STYLE_LINK = 1 << 3,
    STYLE_HEADING = 1 << 4,
    STYLE_RULE = 1 << 5,  /* heading underlines, table borders, thematic breaks */
    STYLE_QUOTE = 1 << 6, /* quote bars and quoted text */
    STYLE_TABLE_HEAD = 1 << 7,
    STYLE_STRIKE = 1 << 8,
    STYLE_MARKER = 1 << 9, /* list bullets and numbers */
    STYLE_NOTE = 1 << 10,  /* link references, source notes */
};

struct layout_span {
    uint32_t off, len; /* bytes within the line's text */
    uint16_t style;
};

/* 28 bytes: a layout holds one per line for as long as its page is shown. A
 * layout's text stays under 4 GiB (the builder fails beyond that). */
struct layout_line {
    uint32_t text_off, text_len; /* in layout.text */
    uint32_t span_off;           /* in layout.spans */
    uint32_t span_count : 29;    /* spans of this line */
    uint32_t heading : 3;        /* 1-6 on a heading's text line, else 0 */
    uint32_t cells;              /* display width */
    uint32_t block;              /* which block it came from (for resize anchoring) */
    uint32_t block_off;          /* byte offset of its first character in that block */
};

struct layout_heading {
    size_t line;
    int level;
    char *text;
};

/* A link in the page's text. Each link node of the document is one link,
 * numbered in document order (its id is its index in layout.links). */
enum layout_link_kind {
    LINK_PAGE,     /* another page of the content: "other.md" or "other.md#anchor" */
    LINK_ANCHOR,   /* a place in this page: "#anchor" */
    LINK_EXTERNAL, /* anything with a scheme (http:, mailto:): shown, never opened */
};

struct layout_link {
    char *target;  /* the address as written */
    char *page;    /* LINK_PAGE: the page file it opens ("other.md"), else NULL */
    char *anchor;  /* the part after '#' (LINK_ANCHOR, or a LINK_PAGE's), else NULL */
    uint8_t kind;  /* enum layout_link_kind */
    uint32_t note; /* its number n in the "Links on this page" notes ([n]); 0: none */
};

/* Where a link shows: bytes [off, off+len) of line `line`. A link wrapped
 * over two lines has two spans with the same link id; spans are in line
 * order. A link that shows nowhere (an empty one) has none. */
struct layout_link_span {
    uint32_t line, off, len;
    uint32_t link; /* index in layout.links */
};

struct layout_opts {
    int width;        /* cells, >= 1 */
    int ascii;        /* 1: ASCII bullets and borders (no UTF-8 locale) */
    int show_sources; /* 1: show `<!-- sources: ... -->` notes (training mode) */
    int cards;        /* 1: every table as stacked "Header: value" cards, at any width
                       * (the linear mode: a screen reader reads a grid's borders and
                       * cells row by row, with no header beside a value) */
    const char *lang; /* language for line breaking ("en", "zh"...), may be NULL */
    int patient; /* 1: patient text (the summary): kept in the patient arena (core/protect.h) */
    /* The title a link to page (a page file name, no anchor) is listed under
     * in the "Links on this page" notes, or NULL to list its address. May be
     * NULL; ctx must outlive the layout while it is made in steps. */
    const char *(*link_title)(const void *ctx, const char *page);
    const void *link_ctx;
};

struct layout_job;

struct layout {
    int width;
    int patient;            /* from layout_opts */
    struct layout_job *job; /* NULL once every line is laid out (see layout_more()) */
    char *text;
    size_t text_len, text_cap;
    struct layout_span *spans;
    size_t span_count, span_cap;
    struct layout_line *lines;
    size_t line_count, line_cap;
    struct layout_heading *headings;
    size_t heading_count, heading_cap;
    struct layout_link *links; /* every link, in document order */
    size_t link_count, link_cap;
    struct layout_link_span *link_spans; /* where they show, in line order */
    size_t link_span_count, link_span_cap;
};

/* Lay out doc at opts->width. Returns a layout or NULL when out of memory. */
struct layout *layout_document(cmark_node *doc, const struct layout_opts *opts);

/* A layout made in steps, so that a long page shows its first screen before
 * the rest is laid out. layout_start() parses text (which the caller may free
 * at once) and lays out nothing yet; the layout owns the parse tree and frees
 * each top-level block of it as soon as that block is laid out. Until it is
 * complete a layout holds only its first line_count lines (and the links
 * and link spans of those), and has no list of link addresses yet. Returns NULL when out of memory.
 */
struct layout *layout_start(const char *text, size_t len, const struct layout_opts *opts);

/* Lay out more of a layout from layout_start(), whole blocks at a time, until
 * it has at least `lines` lines or is complete (SIZE_MAX: complete it).
 * Returns 1 when the layout is complete, 0 when more remains, -1 when memory
 * ran out: the layout is then complete but holds only the lines made so far. */
int layout_more(struct layout *layout, size_t lines);

/* 1 when every line of the layout has been made. */
int layout_complete(const struct layout *layout);

/* Parse Markdown text and lay it out: markdown_parse() + layout_document(). */
struct layout *layout_markdown(const char *text, size_t len, const struct layout_opts *opts);

/* Lay out plain text (no Markdown) in one style, wrapped to the width; a
 * blank line ("\n\n") separates paragraphs. NULL when out of memory. */
struct layout *layout_text(const char *text, uint16_t style, const struct layout_opts *opts);

void layout_free(struct layout *layout);

/* Pointer to line i's text (not NUL-terminated: use the line's text_len). */
const char *layout_line_text(const struct layout *layout, size_t i);

/* Line i without trailing spaces, as a malloc'd NUL-terminated string (caller
 * frees), or NULL when out of memory. */
char *layout_line_string(const struct layout *layout, size_t i);

/* The first line at or after (block, block_off): where a reader who had that
 * text at the top should be after a reflow. */
size_t layout_find_anchor(const struct layout *layout, uint32_t block, uint32_t block_off);

/* Next line (from `from`, going forward if dir > 0, backward otherwise,
 * wrapping around) whose text contains needle, case-insensitively. Returns 0
 * and fills *line, *off, *len (bytes in that line), or -1 if nowhere. */
int layout_search(const struct layout *layout, const char *needle, size_t from, int dir,
                  size_t *line, size_t *off, size_t *len);

/* The link shown at column col (cells from the line's start) of line, or -1
 * when none is there. */
long layout_link_at(const struct layout *layout, size_t line, int col);

/* The first span of link id, or NULL when it shows nowhere (yet). */
const struct layout_link_span *layout_link_span(const struct layout *layout, uint32_t link);

/* The line of the heading an in-page anchor names: its `{#id}` or its
 * GitHub-style slug ("Side effects & risks" -> "side-effects--risks").
 * SIZE_MAX when no heading has it. */
size_t layout_anchor_line(const struct layout *layout, const char *anchor);

/* Write the layout as plain text, one line per line, trailing spaces trimmed.
 * Returns 0, or -1 on a write error. */
int layout_print(const struct layout *layout, FILE *stream);

#endif
