/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout.c: the PDF handout (handout.h): each side's Markdown set block
 * by block into pages recorded with cairo, then the pages replayed into one
 * PDF in facing order with a foot line on each. */
#include "config.h"

#include "core/handout.h"
#include "core/handout_internal.h"
#include "core/i18n.h"
#include "core/markdown.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN_PT 54.0 /* three quarters of an inch all round */
#define FOOT_PT   8.5  /* the foot line's type */
#define INDENT_PT 20.0 /* a list item's text, from its marker's left */

/* The type. Chinese is set in WenQuanYi Micro Hei, whose outlines are
 * TrueType: cairo 1.16 (Debian 12) subsets the CFF outlines of Noto Sans
 * CJK with some glyphs left empty (for one, U+5982, which prints as
 * nothing), so Noto only stands in when Micro Hei is not installed. */
#define FONTS_LATIN "DejaVu Sans,WenQuanYi Micro Hei,Noto Sans CJK SC"
#define FONTS_CJK   "WenQuanYi Micro Hei,Noto Sans CJK SC,DejaVu Sans"

void handout_paper_size(enum handout_paper paper, double *width, double *height)
{
    *width = paper == HANDOUT_A4 ? 595.28 : 612.0;
    *height = paper == HANDOUT_A4 ? 841.89 : 792.0;
}

/* ---- pages ---- */

int handout_new_page(struct setter *s)
{
    if (s->failed)
        return -1;
    if (s->cr)
        cairo_destroy(s->cr);
    s->cr = NULL;
    if (s->page_count == s->page_cap) {
        size_t cap = s->page_cap ? s->page_cap * 2 : 4;
        cairo_surface_t **p = realloc(s->pages, cap * sizeof *p);
        if (!p) {
            s->failed = 1;
            return -1;
        }
        s->pages = p;
        s->page_cap = cap;
    }
    cairo_rectangle_t extents = {0, 0, s->pw, s->ph};
    cairo_surface_t *page = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    s->pages[s->page_count++] = page;
    s->cr = cairo_create(page);
    if (cairo_status(s->cr) != CAIRO_STATUS_SUCCESS) {
        s->failed = 1;
        return -1;
    }
    s->y = s->top;
    return 0;
}

void handout_ensure(struct setter *s, double h)
{
    if (!s->dry && s->y + h > s->bottom && s->y > s->top + 0.5)
        handout_new_page(s);
}

/* ---- text ---- */

static void add_escaped(struct buf *b, const char *text)
{
    if (!text)
        return;
    char *e = g_markup_escape_text(text, -1);
    buf_str(b, e);
    explicit_bzero(e, strlen(e));
    g_free(e);
}

void handout_inline(struct buf *b, cmark_node *parent)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_TEXT) {
            add_escaped(b, cmark_node_get_literal(n));
        } else if (t == CMARK_NODE_SOFTBREAK) {
            buf_str(b, " ");
        } else if (t == CMARK_NODE_LINEBREAK) {
            buf_str(b, "\n");
        } else if (t == CMARK_NODE_CODE) {
            buf_str(b, "<tt>");
            add_escaped(b, cmark_node_get_literal(n));
            buf_str(b, "</tt>");
        } else if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG ||
                   t == CMARK_NODE_STRIKETHROUGH) {
            const char *tag = t == CMARK_NODE_EMPH ? "i" : t == CMARK_NODE_STRONG ? "b" : "s";
            buf_printf(b, "<%s>", tag);
            handout_inline(b, n);
            buf_printf(b, "</%s>", tag);
        } else if (t == CMARK_NODE_LINK) {
            /* On paper a web address is written out; a link to another
             * page of the kiosk is just its words. */
            const char *url = cmark_node_get_url(n);
            handout_inline(b, n);
            if (url && (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0)) {
                buf_str(b, " <small>(");
                add_escaped(b, url);
                buf_str(b, ")</small>");
            }
        } else if (t == CMARK_NODE_IMAGE) {
            handout_inline(b, n); /* its description */
        }
        /* HTML_INLINE: never shown, as on the screen. */
    }
}

PangoLayout *handout_layout(struct setter *s, const char *markup, double size, int bold,
                            double width)
{
    PangoLayout *L = pango_layout_new(s->ctx);
    PangoFontDescription *fd = pango_font_description_from_string(
        s->side->lang && strncmp(s->side->lang, "zh", 2) == 0 ? FONTS_CJK : FONTS_LATIN);
    pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(L, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(L, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(L, PANGO_WRAP_WORD_CHAR);
    }
    /* Parsed here, not by pango_layout_set_markup(), which would complain
     * on stderr (over the kiosk's screen) about markup it refuses. */
    PangoAttrList *attrs = NULL;
    char *text = NULL;
    if (pango_parse_markup(markup, -1, 0, &attrs, &text, NULL, NULL)) {
        pango_layout_set_text(L, text, -1);
        pango_layout_set_attributes(L, attrs);
        pango_attr_list_unref(attrs);
        explicit_bzero(text, strlen(text));
        g_free(text);
    } else {
        pango_layout_set_text(L, markup, -1);
    }
    return L;
}

enum mark { MARK_NONE, MARK_TEXT, MARK_BOX };

/* Set markup at size points from indent (points right of the column's
 * left), line by line, so that a long paragraph runs on to the next page.
 * A marker (bullet, number or tick box) goes left of the first line. */
static void set_text(struct setter *s, const char *markup, double size, int bold, double indent,
                     enum mark mark, const char *mark_text)
{
    if (s->failed)
        return;
    double width = s->width - indent;
    PangoLayout *L = handout_layout(s, markup, size, bold, width);
    if (s->dry) {
        int h;
        pango_layout_get_size(L, NULL, &h);
        s->y += (double)h / PANGO_SCALE;
        g_object_unref(L);
        return;
    }
    PangoLayoutIter *it = pango_layout_get_iter(L);
    double shift = s->y, end = s->y;
    int first = 1;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double lt = (double)r.y / PANGO_SCALE, lh = (double)r.height / PANGO_SCALE;
        double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        if (shift + lt + lh > s->bottom && shift + lt > s->top + 0.5) {
            if (handout_new_page(s) < 0)
                break;
            shift = s->top - lt;
        }
        cairo_t *cr = s->cr;
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, s->x0 + indent, shift + base);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        for (int q = 0; q < s->quotes && q < HANDOUT_QUOTES; q++) {
            cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
            cairo_set_line_width(cr, 2.5);
            cairo_move_to(cr, s->quote_x[q], shift + lt);
            cairo_line_to(cr, s->quote_x[q], shift + lt + lh);
            cairo_stroke(cr);
        }
        if (first && mark == MARK_BOX) {
            double side = size * 0.8;
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_set_line_width(cr, 1);
            cairo_rectangle(cr, s->x0 + indent - INDENT_PT + 1, shift + base - side, side, side);
            cairo_stroke(cr);
        } else if (first && mark == MARK_TEXT) {
            PangoLayout *m = handout_layout(s, mark_text, size, 0, 0);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_move_to(cr, s->x0 + indent - INDENT_PT + 1,
                          shift + base - (double)pango_layout_get_baseline(m) / PANGO_SCALE);
            pango_cairo_show_layout(cr, m);
            g_object_unref(m);
        }
        first = 0;
        end = shift + lt + lh;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(L);
    s->y = end;
}

/* A rule across the column at s->y. */
static void rule(struct setter *s, double indent, double width, double grey)
{
    if (s->dry || !s->cr)
        return;
    cairo_set_source_rgb(s->cr, grey, grey, grey);
    cairo_set_line_width(s->cr, 0.75);
    cairo_move_to(s->cr, s->x0 + indent, s->y);
    cairo_line_to(s->cr, s->x0 + indent + width, s->y);
    cairo_stroke(s->cr);
}

/* ---- blocks ---- */

static void set_block(struct setter *s, cmark_node *n, double indent, int tick);

static void set_inline_block(struct setter *s, cmark_node *n, double size, int bold, double indent,
                             enum mark mark, const char *mark_text)
{
    struct buf b = {0};
    buf_str(&b, "");
    handout_inline(&b, n);
    if (b.failed)
        s->failed = 1;
    else
        set_text(s, b.s, size, bold, indent, mark, mark_text);
    buf_wipe(&b);
}

static void set_list(struct setter *s, cmark_node *list, double indent, int tick)
{
    int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(list);
    int tight = cmark_node_get_list_tight(list);
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        char mark[32];
        snprintf(mark, sizeof mark, ordered ? "%d." : "\xe2\x80\xa2", number++);
        int marked = 0;
        for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            if (!marked && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
                handout_ensure(s, HANDOUT_BODY_PT * 1.3);
                set_inline_block(s, c, HANDOUT_BODY_PT, 0, indent + INDENT_PT,
                                 tick ? MARK_BOX : MARK_TEXT, mark);
                marked = 1;
                if (!tight)
                    s->y += HANDOUT_GAP_PT;
            } else {
                set_block(s, c, indent + INDENT_PT, 0);
            }
        }
        if (tick) { /* room to write */
            handout_ensure(s, 22);
            s->y += 19;
            rule(s, indent + INDENT_PT, s->width - indent - INDENT_PT, 0.6);
            s->y += 4;
        }
        s->y += tight ? 2 : 0;
    }
    s->y += HANDOUT_GAP_PT;
}

static void set_code(struct setter *s, cmark_node *n, double indent)
{
    struct buf b = {0};
    buf_str(&b, "<tt>");
    add_escaped(&b, cmark_node_get_literal(n));
    buf_str(&b, "</tt>");
    if (b.failed)
        s->failed = 1;
    else
        set_text(s, b.s, HANDOUT_BODY_PT - 1.5, 0, indent, MARK_NONE, NULL);
    buf_wipe(&b);
    s->y += HANDOUT_GAP_PT;
}

static void set_block(struct setter *s, cmark_node *n, double indent, int tick)
{
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_PARAGRAPH) {
        set_inline_block(s, n, HANDOUT_BODY_PT, 0, indent, MARK_NONE, NULL);
        s->y += HANDOUT_GAP_PT;
    } else if (t == CMARK_NODE_HEADING) {
        int level = cmark_node_get_heading_level(n);
        double size = level == 1 ? 18 : level == 2 ? 14 : 12.5;
        s->y += s->y > s->top + 0.5 ? (level <= 2 ? 10 : 6) : 0;
        handout_ensure(s, size * 1.5 + HANDOUT_BODY_PT * 4); /* not alone at a page's foot */
        set_inline_block(s, n, size, 1, indent, MARK_NONE, NULL);
        if (level <= 2) {
            s->y += 2;
            rule(s, indent, s->width - indent, level == 1 ? 0 : 0.5);
        }
        s->y += HANDOUT_GAP_PT;
    } else if (t == CMARK_NODE_LIST) {
        set_list(s, n, indent, tick);
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
        if (s->quotes < HANDOUT_QUOTES)
            s->quote_x[s->quotes] = s->x0 + indent + 2;
        s->quotes++;
        for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
            set_block(s, c, indent + 14, tick);
        s->quotes--;
    } else if (t == CMARK_NODE_CODE_BLOCK) {
        set_code(s, n, indent);
    } else if (t == CMARK_NODE_THEMATIC_BREAK) {
        handout_ensure(s, 14);
        s->y += 6;
        rule(s, indent, s->width - indent, 0.5);
        s->y += 8;
    } else if (markdown_is_table(n)) {
        handout_table(s, n);
    } else if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_CUSTOM_BLOCK) {
        for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
            set_block(s, c, indent, tick);
    }
}

static int listed(const char *const *list, const char *text)
{
    for (; list && *list && text; list++)
        if (strcmp(*list, text) == 0)
            return 1;
    return 0;
}

static int is_section_heading(cmark_node *n)
{
    return cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) <= 2;
}

/* The blocks from first up to stop in a ruled box, kept on one page when
 * they fit on one (else set without the box, as a quote). */
static void set_boxed(struct setter *s, cmark_node *first, cmark_node *stop)
{
    const double pad = 9;
    double x0 = s->x0, width = s->width, y = s->y;
    s->x0 += pad;
    s->width -= 2 * pad;
    int dry = s->dry;
    s->dry = 1;
    s->y = 0;
    for (cmark_node *n = first; n != stop; n = cmark_node_next(n))
        set_block(s, n, 0, 0);
    double h = s->y - HANDOUT_GAP_PT + 2 * pad;
    s->dry = dry;
    s->y = y + (y > s->top + 0.5 ? 10 : 0);
    int boxed = h <= s->bottom - s->top;
    if (boxed)
        handout_ensure(s, h);
    else if (s->quotes < HANDOUT_QUOTES)
        s->quote_x[s->quotes++] = x0 + 2;
    double top = s->y;
    s->y += pad;
    for (cmark_node *n = first; n != stop; n = cmark_node_next(n)) {
        if (n == first && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
            cmark_node_get_heading_level(n) == 2) {
            /* The box's heading: no space above it, no page break. */
            set_inline_block(s, n, 14, 1, 0, MARK_NONE, NULL);
            s->y += 2;
            rule(s, 0, s->width, 0.5);
            s->y += HANDOUT_GAP_PT;
        } else {
            set_block(s, n, 0, 0);
        }
    }
    if (!boxed)
        s->quotes--;
    s->x0 = x0;
    s->width = width;
    if (boxed && !s->dry && s->cr) {
        cairo_set_source_rgb(s->cr, 0, 0, 0);
        cairo_set_line_width(s->cr, 1.5);
        cairo_rectangle(s->cr, x0, top, width, h);
        cairo_stroke(s->cr);
        s->y = top + h;
    }
    s->y += HANDOUT_GAP_PT;
}

/* The clinic's name and the lines to fill in by hand, at the top. */
static void set_head(struct setter *s)
{
    const struct handout_side *d = s->side;
    struct buf b = {0};
    if (d->title && *d->title) {
        buf_str(&b, "");
        add_escaped(&b, d->title);
        if (!b.failed)
            set_text(s, b.s, 15, 1, 0, MARK_NONE, NULL);
        buf_wipe(&b);
        s->y += 4;
        rule(s, 0, s->width, 0);
        s->y += 10;
    }
    const char *labels[2] = {d->name_line, d->dob_line};
    double x = 0, ends[2] = {s->width * 0.58, s->width};
    int any = 0;
    for (int i = 0; i < 2; i++) {
        if (!labels[i] || !*labels[i])
            continue;
        buf_str(&b, "");
        add_escaped(&b, labels[i]);
        PangoLayout *L = handout_layout(s, b.failed ? "" : b.s, HANDOUT_BODY_PT, 0, 0);
        buf_wipe(&b);
        int w, base = pango_layout_get_baseline(L);
        pango_layout_get_size(L, &w, NULL);
        double y = s->y + 8;
        if (s->cr && !s->dry) {
            cairo_set_source_rgb(s->cr, 0, 0, 0);
            cairo_move_to(s->cr, s->x0 + x, y);
            pango_cairo_show_layout(s->cr, L);
            double line_y = y + (double)base / PANGO_SCALE + 2;
            cairo_set_line_width(s->cr, 0.75);
            cairo_move_to(s->cr, s->x0 + x + (double)w / PANGO_SCALE + 4, line_y);
            cairo_line_to(s->cr, s->x0 + ends[i] - 12, line_y);
            cairo_stroke(s->cr);
        }
        g_object_unref(L);
        x = ends[i];
        any = 1;
    }
    if (any)
        s->y += 8 + HANDOUT_BODY_PT * 1.6 + 14;
}

/* Set one side into s->pages. */
static void set_side(struct setter *s)
{
    cmark_node *doc = markdown_parse(s->side->md, strlen(s->side->md));
    if (!doc || handout_new_page(s) < 0) {
        s->failed = 1;
        cmark_node_free(doc);
        return;
    }
    set_head(s);
    int tick = 0;
    for (cmark_node *n = cmark_node_first_child(doc); n && !s->failed;) {
        if (is_section_heading(n)) {
            char *text = markdown_plain_text(n);
            tick = listed(s->side->ticked, text);
            int boxed = listed(s->side->boxed, text);
            free(text);
            if (boxed) {
                cmark_node *stop = cmark_node_next(n);
                while (stop && !is_section_heading(stop))
                    stop = cmark_node_next(stop);
                set_boxed(s, n, stop);
                n = stop;
                continue;
            }
        }
        set_block(s, n, 0, tick);
        n = cmark_node_next(n);
    }
    if (s->cr)
        cairo_destroy(s->cr);
    s->cr = NULL;
    cmark_node_free(doc);
}

/* ---- the PDF ---- */

static cairo_status_t write_pdf(void *closure, const unsigned char *data, unsigned int length)
{
    struct buf *b = closure;
    buf_add(b, (const char *)data, length);
    return b->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The foot line: the side's small print left, "page / pages" right. */
static void set_foot(cairo_t *cr, struct setter *s, int page, int pages)
{
    char number[32];
    snprintf(number, sizeof number, "%d / %d", page, pages);
    PangoLayout *n = handout_layout(s, number, FOOT_PT, 0, 0);
    int nw;
    pango_layout_get_size(n, &nw, NULL);
    double y = s->ph - s->margin + 14;
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_move_to(cr, s->pw - s->margin - (double)nw / PANGO_SCALE, y);
    pango_cairo_show_layout(cr, n);
    g_object_unref(n);
    if (s->side->footer && *s->side->footer) {
        struct buf b = {0};
        buf_str(&b, "");
        add_escaped(&b, s->side->footer);
        PangoLayout *f = handout_layout(s, b.failed ? "" : b.s, FOOT_PT, 0,
                                        s->pw - 2 * s->margin - (double)nw / PANGO_SCALE - 18);
        buf_wipe(&b);
        cairo_move_to(cr, s->margin, y);
        pango_cairo_show_layout(cr, f);
        g_object_unref(f);
    }
}

static const char *language_tag(const char *lang)
{
    return !lang ? "en" : strcmp(lang, "zh") == 0 ? "zh-cn" : lang;
}

unsigned char *handout_pdf(const struct handout *h, size_t *len, char *err, size_t errlen)
{
    struct setter sides[2];
    size_t n = h->side_count > 2 ? 2 : h->side_count;
    PangoFontMap *fonts = pango_cairo_font_map_new();
    int failed = n == 0 || !fonts;
    size_t most = 0;
    for (size_t i = 0; i < n; i++) {
        struct setter *s = &sides[i];
        *s = (struct setter){.side = &h->sides[i], .margin = MARGIN_PT};
        handout_paper_size(h->paper, &s->pw, &s->ph);
        s->x0 = s->margin;
        s->width = s->pw - 2 * s->margin;
        s->top = s->margin;
        s->bottom = s->ph - s->margin;
        s->ctx = fonts ? pango_font_map_create_context(fonts) : NULL;
        if (!s->ctx || !s->side->md) {
            failed = 1;
            continue;
        }
        pango_cairo_context_set_resolution(s->ctx, 72); /* sizes in points */
        pango_context_set_language(s->ctx, pango_language_from_string(language_tag(s->side->lang)));
        if (!failed)
            set_side(s);
        failed |= s->failed;
        if (s->page_count > most)
            most = s->page_count;
    }
    struct buf out = {0};
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    if (!failed) {
        cairo_surface_t *pdf =
            cairo_pdf_surface_create_for_stream(write_pdf, &out, sides[0].pw, sides[0].ph);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, PACKAGE);
        cairo_t *cr = cairo_create(pdf);
        int page = 0, pages = (int)(most * n);
        for (size_t k = 0; k < most; k++)
            for (size_t i = 0; i < n; i++) {
                if (k < sides[i].page_count) {
                    cairo_set_source_surface(cr, sides[i].pages[k], 0, 0);
                    cairo_paint(cr);
                }
                set_foot(cr, &sides[i], ++page, pages);
                cairo_show_page(cr);
            }
        status = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(pdf);
        if (status == CAIRO_STATUS_SUCCESS)
            status = cairo_surface_status(pdf);
        cairo_surface_destroy(pdf);
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sides[i].page_count; k++)
            cairo_surface_destroy(sides[i].pages[k]);
        free(sides[i].pages);
        if (sides[i].ctx)
            g_object_unref(sides[i].ctx);
    }
    if (fonts)
        g_object_unref(fonts);
    if (failed || status != CAIRO_STATUS_SUCCESS || out.failed) {
        if (err && errlen)
            snprintf(err, errlen, _("The handout could not be made (%s)."),
                     status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(status)
                                                    : _("out of memory"));
        buf_wipe(&out);
        *len = 0;
        return NULL;
    }
    *len = out.len;
    return (unsigned char *)out.s;
}
