/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_table.c: GFM tables in three tiers. A box-drawn grid at natural
 * widths when it fits; otherwise the widest columns shrink first and text
 * wraps inside cells; when even the narrowest readable grid does not fit,
 * every row becomes a stacked card of "Header: value" lines (always, with
 * layout_opts.cards). No cell text is ever cut or dropped. */
#include "config.h"

#include "core/layout_internal.h"
#include "core/markdown.h"
#include "core/text.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

/* A column narrower than this many cells (or its longest word, if shorter)
 * makes a grid too hard to read: the table becomes cards instead. */
enum { READABLE_COLUMN = 12 };

struct table {
    size_t rows, cols;
    struct styled *cells; /* rows * cols */
    const uint8_t *align;
    int *width;
};

static struct styled *cell(struct table *t, size_t r, size_t c)
{
    return &t->cells[r * t->cols + c];
}

/* Gather the cells' inline text. Returns 0, 1 for an empty table, -1 when out
 * of memory. */
static int table_collect(struct builder *b, cmark_node *node, struct table *t)
{
    t->cols = cmark_gfm_extensions_get_table_columns(node);
    t->align = cmark_gfm_extensions_get_table_alignments(node);
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row))
        t->rows++;
    if (t->cols == 0 || t->rows == 0)
        return 1;
    t->cells = calloc(t->rows * t->cols, sizeof *t->cells);
    t->width = calloc(t->cols, sizeof *t->width);
    if (!t->cells || !t->width)
        return -1;
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row), r++) {
        uint16_t style = markdown_row_is_header(row) ? STYLE_STRONG | STYLE_TABLE_HEAD : 0;
        size_t c = 0;
        for (cmark_node *n = cmark_node_first_child(row); n && c < t->cols;
             n = cmark_node_next(n), c++) {
            collect_inlines(b, n, cell(t, r, c), style);
            if (cell(t, r, c)->failed)
                return -1;
        }
    }
    return 0;
}

static void table_free(struct table *t)
{
    if (t->cells)
        for (size_t i = 0; i < t->rows * t->cols; i++)
            styled_free(&t->cells[i]);
    free(t->cells);
    free(t->width);
}

/* Pick column widths for a grid that fits avail cells. Returns 0, or -1 when
 * no readable grid fits (the caller then lays out cards) or out of memory
 * (b->failed is then set). */
static int table_widths(struct builder *b, struct table *t, int avail)
{
    int border = 3 * (int)t->cols + 1, natural_sum = 0, word_sum = 0, readable_sum = 0;
    int *word = calloc(t->cols, sizeof *word), *min = calloc(t->cols, sizeof *min);
    int fits = -1;
    if (!word || !min) {
        b->failed = 1;
        goto done;
    }
    for (size_t c = 0; c < t->cols; c++) {
        int natural = 1, longest = 1;
        for (size_t r = 0; r < t->rows; r++) {
            struct styled *st = cell(t, r, c);
            int w = st->len ? (int)text_width(st->text, st->len) : 0;
            int lw = styled_longest_word(st, b->opts->lang);
            if (lw < 0) {
                b->failed = 1;
                goto done;
            }
            natural = w > natural ? w : natural;
            longest = lw > longest ? lw : longest;
        }
        t->width[c] = natural;
        word[c] = longest;
        natural_sum += natural;
        word_sum += longest;
        readable_sum += longest < READABLE_COLUMN ? longest : READABLE_COLUMN;
    }
    /* Shrink down to the longest words if that fits; else down to a readable
     * column width, splitting only the longest words. */
    if (border + readable_sum <= avail) {
        for (size_t c = 0; c < t->cols; c++)
            min[c] =
                border + word_sum <= avail || word[c] < READABLE_COLUMN ? word[c] : READABLE_COLUMN;
        /* The widest column gives up a cell at a time until the grid fits. */
        int sum = natural_sum;
        while (border + sum > avail) {
            size_t widest = t->cols;
            for (size_t c = 0; c < t->cols; c++)
                if (t->width[c] > min[c] && (widest == t->cols || t->width[c] > t->width[widest]))
                    widest = c;
            t->width[widest]--;
            sum--;
        }
        fits = 0;
    }
done:
    free(word);
    free(min);
    return fits;
}

static void border_line(struct builder *b, const struct table *t, const char *left,
                        const char *fill, const char *mid, const char *right)
{
    line_begin(b);
    line_add(b, left, strlen(left), STYLE_RULE);
    for (size_t c = 0; c < t->cols; c++) {
        line_repeat(b, fill, strlen(fill), STYLE_RULE, (size_t)t->width[c] + 2);
        const char *sep = c + 1 < t->cols ? mid : right;
        line_add(b, sep, strlen(sep), STYLE_RULE);
    }
    line_end(b, 0, 0);
}

static int grid_row(struct builder *b, struct table *t, size_t r, const char *bar)
{
    struct wrap_piece **pieces = calloc(t->cols, sizeof *pieces);
    size_t *count = calloc(t->cols, sizeof *count);
    size_t height = 1;
    int failed = !pieces || !count;
    for (size_t c = 0; c < t->cols && !failed; c++) {
        count[c] = wrap_styled(cell(t, r, c), t->width[c], b->opts->lang, &pieces[c]);
        failed = count[c] == 0;
        if (count[c] > height)
            height = count[c];
    }
    for (size_t l = 0; l < height && !failed; l++) {
        line_begin(b);
        line_add(b, bar, strlen(bar), STYLE_RULE);
        for (size_t c = 0; c < t->cols; c++) {
            struct styled *st = cell(t, r, c);
            size_t used = 0;
            line_pad(b, 1);
            size_t pad = (size_t)t->width[c];
            if (l < count[c]) {
                struct wrap_piece *p = &pieces[c][l];
                used = p->cells;
                pad = used < pad ? pad - used : 0;
                size_t before = 0;
                char a = t->align ? (char)t->align[c] : 0;
                if (a == 'r')
                    before = pad;
                else if (a == 'c')
                    before = pad / 2;
                line_pad(b, before);
                line_add_piece(b, st, p);
                pad -= before;
            }
            line_pad(b, pad + 1);
            line_add(b, bar, strlen(bar), STYLE_RULE);
        }
        line_end(b, (uint32_t)r, 0);
    }
    for (size_t c = 0; pieces && c < t->cols; c++)
        free(pieces[c]);
    free(pieces);
    free(count);
    return failed ? -1 : 0;
}

static void layout_grid(struct builder *b, struct table *t)
{
    int ascii = b->opts->ascii;
    const char *bar = ascii ? "|" : "│";
    border_line(b, t, ascii ? "+" : "┌", ascii ? "-" : "─", ascii ? "+" : "┬", ascii ? "+" : "┐");
    for (size_t r = 0; r < t->rows && !b->failed; r++) {
        if (grid_row(b, t, r, bar) < 0) {
            b->failed = 1;
            return;
        }
        if (r + 1 == t->rows)
            break;
        if (r == 0)
            border_line(b, t, ascii ? "+" : "╞", ascii ? "=" : "═", ascii ? "+" : "╪",
                        ascii ? "+" : "╡");
        else
            border_line(b, t, ascii ? "+" : "├", ascii ? "-" : "─", ascii ? "+" : "┼",
                        ascii ? "+" : "┤");
    }
    border_line(b, t, ascii ? "+" : "└", ascii ? "-" : "─", ascii ? "+" : "┴", ascii ? "+" : "┘");
}

/* Each body row becomes a card: one "Header: value" entry per column,
 * continuation lines indented, cards divided by rules. */
static void layout_cards(struct builder *b, struct table *t)
{
    size_t first = t->rows > 1 ? 1 : 0;
    rule_line(b);
    for (size_t r = first; r < t->rows && !b->failed; r++) {
        for (size_t c = 0; c < t->cols && !b->failed; c++) {
            struct styled entry = {0};
            struct styled *head = cell(t, 0, c), *value = cell(t, r, c);
            if (r > 0 && head->len > 0) {
                styled_add(&entry, head->text, head->len, STYLE_STRONG | STYLE_TABLE_HEAD);
                styled_add(&entry, ":", 1, STYLE_STRONG | STYLE_TABLE_HEAD);
                styled_add(&entry, " ", 1, 0);
            }
            size_t shift = entry.len;
            for (size_t i = 0; i < value->run_count; i++)
                styled_add(&entry, value->text + value->runs[i].off, value->runs[i].len,
                           value->runs[i].style);
            styled_copy_links(&entry, value, shift);
            if (entry.failed)
                b->failed = 1;
            else if (entry.len > 0)
                emit_wrapped(b, &entry, 2, 0);
            styled_free(&entry);
        }
        rule_line(b);
    }
}

void layout_table(struct builder *b, cmark_node *node)
{
    struct table t = {0};
    block_begin(b);
    int status = table_collect(b, node, &t);
    if (status != 0) {
        b->failed |= status < 0;
        table_free(&t);
        return;
    }
    if (!b->opts->cards && table_widths(b, &t, builder_avail(b)) == 0)
        layout_grid(b, &t);
    else
        layout_cards(b, &t);
    table_free(&t);
}
