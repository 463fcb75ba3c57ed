/* SPDX-License-Identifier: GPL-3.0-or-later */
/* markdown.h: the one place that sets up cmark-gfm (GFM tables, strikethrough).
 *
 * Everything that reads Markdown (pages, the question flow, the summary) parses
 * through here, so every reader sees the same dialect. */
#ifndef KIOSK_MARKDOWN_H
#define KIOSK_MARKDOWN_H

#include <stddef.h>
#include <cmark-gfm.h>

/* The GFM table node types are global variables in libcmark-gfm-extensions,
 * declared in no installed header; they are set once the extensions register. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

/* Parse len bytes of UTF-8 Markdown (invalid bytes become U+FFFD). Returns the
 * document node, which the caller frees with cmark_node_free(), or NULL when
 * out of memory. The tree lives in the parse heap (core/parse_heap.h), which
 * is handed back to the system once every tree from it is freed; nodes made
 * with cmark_node_new() may still be linked into it. */
cmark_node *markdown_parse(const char *text, size_t len);

/* Render a parsed document as HTML with GFM tables, cleaned as the screen
 * cleans text (text_clean(): no controls, C1 or bidi overrides). Returns a
 * malloc'd string the caller frees, or NULL when out of memory. */
char *markdown_to_html(cmark_node *doc);

/* 1 when node is a GFM table, or a cell of one. */
int markdown_is_table(cmark_node *node);
int markdown_is_table_cell(cmark_node *node);
/* 1 when a table row is the header row. */
int markdown_row_is_header(cmark_node *row);

/* Append the plain text of node's inline content (text, code, link text;
 * soft and hard breaks become spaces) to a malloc'd buffer. Returns the
 * string (caller frees) or NULL when out of memory. */
char *markdown_plain_text(cmark_node *node);

struct buf;

/* Append text to b so that Markdown shows it as the same plain text and it
 * can never add structure: the CommonMark specials that can open inline
 * structure anywhere (\ ` * _ [ ] < > # & | ~ !) are backslash-escaped
 * everywhere, and at the start of the text what could open a block there
 * ("-", "+", "=", and "12." or "3)" before a space or the end); runs of
 * white space and control characters become one space, with none at either
 * end (so nothing can start a new line, an indented code block or a hard
 * break). */
void markdown_escape_to(struct buf *b, const char *text);
/* markdown_escape_to() into a new string (caller frees); NULL when out of
 * memory. For text from content, configuration or answers that goes into
 * Markdown: placeholders, summary lines, question descriptions. */
char *markdown_escape(const char *text);

#endif
