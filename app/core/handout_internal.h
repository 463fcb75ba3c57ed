/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout_internal.h: what the handout's typesetter (handout.c) and its
 * table setter (handout_table.c) share. Not for other modules. */
#ifndef KIOSK_HANDOUT_INTERNAL_H
#define KIOSK_HANDOUT_INTERNAL_H

#include <cairo.h>
#include <cmark-gfm.h>
#include <pango/pangocairo.h>

#include "core/buf.h"
#include "core/handout.h"

#define HANDOUT_BODY_PT 11.5 /* body text, in points */
#define HANDOUT_GAP_PT  6.0  /* between blocks */
#define HANDOUT_QUOTES  8    /* quote bars drawn at most this deep */

/* One side being set: its pages (recording surfaces, replayed into the PDF
 * in handout.c) and where the next line goes. */
struct setter {
    PangoContext *ctx;
    const struct handout_side *side;
    double pw, ph, margin;
    double x0, width;   /* the text column: boxes, lists and quotes narrow it */
    double top, bottom; /* the body of every page */
    double y;           /* where the next block starts */
    int dry;            /* 1: measuring only, nothing drawn, no page breaks */
    int quotes;         /* quote bars open */
    double quote_x[HANDOUT_QUOTES];
    cairo_t *cr; /* the current page; NULL before the first */
    cairo_surface_t **pages;
    size_t page_count, page_cap;
    int failed; /* out of memory or a cairo error: the handout is not made */
};

/* Start a new page (the first one too). Returns 0, or -1 with s->failed. */
int handout_new_page(struct setter *s);
/* A new page unless h points fit below s->y (or s->y is at the top already,
 * or s->dry). */
void handout_ensure(struct setter *s, double h);
/* Append the Pango markup of parent's inline children to b (text escaped). */
void handout_inline(struct buf *b, cmark_node *parent);
/* A layout of markup at size points (bold: 1), wrapped at width points
 * (width <= 0: not wrapped). Markup that pango refuses is set as plain
 * text. Never NULL. */
PangoLayout *handout_layout(struct setter *s, const char *markup, double size, int bold,
                            double width);
/* Set a GFM table as a ruled grid kept on one page when it can be. */
void handout_table(struct setter *s, cmark_node *table);

#endif
