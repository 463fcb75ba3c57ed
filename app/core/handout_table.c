/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout_table.c: a GFM table in the PDF handout, as a ruled grid. The
 * columns share the width by what their cells need; when the table would
 * not fit on one page, or a column not even its longest word, the type is
 * made smaller, step by step, down to 7 points. A table that still does not
 * fit one page goes on over the next, whole rows at a time. */
#include "config.h"

#include "core/handout_internal.h"
#include "core/markdown.h"

#include <cmark-gfm-core-extensions.h>

#include <stdlib.h>
#include <string.h>

#define TABLE_MAX_PT 11.0
#define TABLE_MIN_PT 7.0

struct grid {
    size_t rows, cols;
    char **cells;   /* rows * cols markup strings */
    int *header;    /* per row: 1 for the header row */
    double *widths; /* per column, points */
    double *heights;
    double size, pad, total;
};

/* Natural (unwrapped) width and longest-word width of markup, in points. */
static void measure(struct setter *s, const char *markup, double size, int bold, double *natural,
                    double *word)
{
    PangoLayout *L = handout_layout(s, markup, size, bold, 0);
    int w;
    pango_layout_get_size(L, &w, NULL);
    *natural = (double)w / PANGO_SCALE;
    pango_layout_set_width(L, 1);
    pango_layout_set_wrap(L, PANGO_WRAP_WORD);
    PangoRectangle ink, logical;
    pango_layout_get_extents(L, &ink, &logical);
    *word = (double)logical.width / PANGO_SCALE;
    g_object_unref(L);
}

/* Column widths and row heights at g->size; 0, or -1 when the longest
 * words do not fit across. */
static int fit(struct setter *s, struct grid *g)
{
    size_t C = g->cols;
    double *nat = calloc(C, sizeof *nat), *word = calloc(C, sizeof *word);
    int rc = nat && word ? 0 : -1;
    g->pad = g->size * 0.45;
    for (size_t r = 0; r < g->rows && rc == 0; r++)
        for (size_t c = 0; c < C; c++) {
            double n, w;
            measure(s, g->cells[r * C + c], g->size, g->header[r], &n, &w);
            if (n + 2 * g->pad > nat[c])
                nat[c] = n + 2 * g->pad;
            if (w + 2 * g->pad > word[c])
                word[c] = w + 2 * g->pad;
        }
    double sum_nat = 0, sum_word = 0;
    for (size_t c = 0; c < C && rc == 0; c++) {
        sum_nat += nat[c];
        sum_word += word[c];
    }
    int narrow = sum_word > s->width;
    for (size_t c = 0; c < C && rc == 0; c++) {
        if (sum_nat <= s->width) /* all on one line each: spread out */
            g->widths[c] = nat[c] * s->width / sum_nat;
        else if (narrow) /* words broken: only at the smallest type */
            g->widths[c] = word[c] * s->width / sum_word;
        else /* the longest word, and a share of the rest by need */
            g->widths[c] = word[c] + (s->width - sum_word) * (nat[c] - word[c]) /
                                         (sum_nat - sum_word > 0 ? sum_nat - sum_word : 1);
    }
    g->total = 0;
    for (size_t r = 0; r < g->rows && rc == 0; r++) {
        double h = 0;
        for (size_t c = 0; c < C; c++) {
            PangoLayout *L = handout_layout(s, g->cells[r * C + c], g->size, g->header[r],
                                            g->widths[c] - 2 * g->pad);
            int ch;
            pango_layout_get_size(L, NULL, &ch);
            g_object_unref(L);
            if ((double)ch / PANGO_SCALE > h)
                h = (double)ch / PANGO_SCALE;
        }
        g->heights[r] = h + 2 * g->pad;
        g->total += g->heights[r];
    }
    free(nat);
    free(word);
    return rc < 0 || narrow ? -1 : 0;
}

static void draw_row(struct setter *s, const struct grid *g, size_t r)
{
    cairo_t *cr = s->cr;
    double x = s->x0, y = s->y, h = g->heights[r];
    if (g->header[r]) {
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
        cairo_rectangle(cr, x, y, s->width, h);
        cairo_fill(cr);
    }
    for (size_t c = 0; c < g->cols; c++) {
        PangoLayout *L = handout_layout(s, g->cells[r * g->cols + c], g->size, g->header[r],
                                        g->widths[c] - 2 * g->pad);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, x + g->pad, y + g->pad);
        pango_cairo_show_layout(cr, L);
        g_object_unref(L);
        x += g->widths[c];
    }
    /* The rules: round the row, and between its cells. */
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, g->header[r] ? 1.2 : 0.75);
    cairo_rectangle(cr, s->x0, y, s->width, h);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.75);
    x = s->x0;
    for (size_t c = 0; c + 1 < g->cols; c++) {
        x += g->widths[c];
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x, y + h);
        cairo_stroke(cr);
    }
}

void handout_table(struct setter *s, cmark_node *table)
{
    struct grid g = {.cols = cmark_gfm_extensions_get_table_columns(table)};
    for (cmark_node *row = cmark_node_first_child(table); row; row = cmark_node_next(row))
        g.rows++;
    if (g.rows == 0 || g.cols == 0)
        return;
    g.cells = calloc(g.rows * g.cols, sizeof *g.cells);
    g.header = calloc(g.rows, sizeof *g.header);
    g.widths = calloc(g.cols, sizeof *g.widths);
    g.heights = calloc(g.rows, sizeof *g.heights);
    int ok = g.cells && g.header && g.widths && g.heights;
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(table); row && ok;
         row = cmark_node_next(row), r++) {
        g.header[r] = markdown_row_is_header(row);
        size_t c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && c < g.cols;
             cell = cmark_node_next(cell), c++) {
            struct buf b = {0};
            buf_str(&b, "");
            handout_inline(&b, cell);
            g.cells[r * g.cols + c] = buf_take(&b);
        }
        for (; c < g.cols; c++)
            g.cells[r * g.cols + c] = strdup("");
        for (c = 0; c < g.cols; c++)
            ok = ok && g.cells[r * g.cols + c];
    }
    /* The largest type at which it fits across, and on one page. */
    int fits = -1;
    for (g.size = TABLE_MAX_PT; ok && g.size >= TABLE_MIN_PT - 0.01; g.size -= 0.5) {
        fits = fit(s, &g);
        if (fits == 0 && g.total <= s->bottom - s->top)
            break;
    }
    if (ok && g.size < TABLE_MIN_PT - 0.01) {
        g.size = TABLE_MIN_PT;
        fit(s, &g); /* the smallest: it runs on over pages, or past the edge */
    }
    if (!ok) {
        s->failed = 1;
    } else if (s->dry) {
        s->y += g.total;
    } else {
        handout_ensure(s, g.total);
        for (r = 0; r < g.rows && !s->failed; r++) {
            handout_ensure(s, g.heights[r]);
            if (s->cr)
                draw_row(s, &g, r);
            s->y += g.heights[r];
        }
    }
    s->y += HANDOUT_GAP_PT * 1.5;
    for (size_t i = 0; g.cells && i < g.rows * g.cols; i++)
        if (g.cells[i]) {
            explicit_bzero(g.cells[i], strlen(g.cells[i]));
            free(g.cells[i]);
        }
    free(g.cells);
    free(g.header);
    free(g.widths);
    free(g.heights);
}
