/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_layout.c: the layout engine: wrapping (accents, CJK), lists, quotes,
 * headings, links, tables in each mode, and properties over every bundled
 * page at widths 20 to 300. */
#include "config.h"

#include "suites.h"
#include "core/content.h"
#include "core/layout.h"
#include "core/markdown.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct layout *lay(const char *md, int width)
{
    struct layout_opts o = {.width = width, .lang = "en"};
    struct layout *L = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    return L;
}

/* The whole layout as text, lines joined by '\n'. Caller frees. */
static char *dump(const struct layout *L)
{
    size_t n = 1;
    for (size_t i = 0; i < L->line_count; i++)
        n += L->lines[i].text_len + 1;
    char *s = malloc(n), *p = s;
    for (size_t i = 0; i < L->line_count; i++) {
        memcpy(p, layout_line_text(L, i), L->lines[i].text_len);
        p += L->lines[i].text_len;
        *p++ = '\n';
    }
    *p = '\0';
    return s;
}

static void assert_fits(const struct layout *L, int width)
{
    for (size_t i = 0; i < L->line_count; i++) {
        size_t w = text_width(layout_line_text(L, i), L->lines[i].text_len);
        ck_assert_msg(w <= (size_t)width, "line %zu is %zu cells wide at width %d: %.*s", i, w,
                      width, (int)L->lines[i].text_len, layout_line_text(L, i));
        ck_assert_uint_eq(w, L->lines[i].cells);
    }
}

static char *line(const struct layout *L, size_t i)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%.*s", (int)L->lines[i].text_len, layout_line_text(L, i));
    return buf;
}

START_TEST(paragraph_wraps_at_width)
{
    struct layout *L = lay("Ketamine may help some people feel better within hours, "
                           "but the effect of one dose often fades within days.",
                           20);
    assert_fits(L, 20);
    ck_assert_str_eq(line(L, 0), "Ketamine may help");
    ck_assert_uint_gt(L->line_count, 4);
    layout_free(L);
}
END_TEST

START_TEST(accents_count_as_one_cell)
{
    struct layout *L = lay("Información médica para la señora Muñoz, útil también.", 20);
    assert_fits(L, 20);
    ck_assert_str_eq(line(L, 0), "Información médica");
    layout_free(L);
}
END_TEST

START_TEST(cjk_wraps_without_spaces)
{
    const char *zh = "氯胺酮可能在数小时内让一些人感觉好一些。但是，一次用药的效果通常会在几天内消"
                     "退，所以治疗通常是一系列的疗程。";
    for (int width = 10; width <= 40; width += 3) {
        struct layout *L = lay(zh, width);
        assert_fits(L, width);
        ck_assert_uint_gt(L->line_count, 1);
        for (size_t i = 1; i < L->line_count; i++) {
            const char *t = layout_line_text(L, i);
            ck_assert_msg(strncmp(t, "。", 3) != 0 && strncmp(t, "，", 3) != 0,
                          "line starts with closing punctuation at width %d", width);
        }
        char *all = dump(L);
        /* No character lost: the lines joined give back the paragraph. */
        char joined[1024] = "", *p = joined;
        for (char *q = all; *q; q++)
            if (*q != '\n')
                *p++ = *q;
        *p = '\0';
        ck_assert_str_eq(joined, zh);
        free(all);
        layout_free(L);
    }
}
END_TEST

START_TEST(spanish_wraps_by_the_rules)
{
    const char *es =
        "¿Puedo seguir tomando mi antidepresivo? ¡Pregunte a su equipo de atención! "
        "La esketamina (Spravato) puede subir la presión arterial por un tiempo corto.";
    for (int width = 16; width <= 60; width += 4) { /* the longest word is 14 */
        struct layout_opts o = {.width = width, .lang = "es"};
        struct layout *L = layout_markdown(es, strlen(es), &o);
        ck_assert_ptr_nonnull(L);
        assert_fits(L, width);
        char joined[1024] = "";
        for (size_t i = 0; i < L->line_count; i++) {
            const char *t = layout_line_text(L, i);
            size_t n = L->lines[i].text_len;
            /* An opening mark never ends a line; a closing one never starts it. */
            ck_assert_msg(
                !(n >= 2 && (memcmp(t + n - 2, "¿", 2) == 0 || memcmp(t + n - 2, "¡", 2) == 0)),
                "line ends with an opening mark at width %d", width);
            ck_assert_msg(t[0] != '?' && t[0] != '!' && t[0] != ')' && t[0] != ',',
                          "line starts with closing punctuation at width %d", width);
            if (i > 0)
                strcat(joined, " ");
            strncat(joined, t, n);
        }
        ck_assert_str_eq(joined, es); /* nothing lost, nothing added */
        layout_free(L);
    }
}
END_TEST

START_TEST(cjk_table_columns_line_up)
{
    const char *md = "| 药物 | 说明 |\n|---|---|\n| 舍曲林 | 每天一次，通常需要几周才起效 |\n| "
                     "氯胺酮 | 一系列疗程 |\n";
    struct layout *L = lay(md, 40);
    assert_fits(L, 40);
    /* Every grid line has the same width in cells, so the borders line up. */
    for (size_t i = 1; i < L->line_count; i++)
        ck_assert_uint_eq(L->lines[i].cells, L->lines[0].cells);
    layout_free(L);
}
END_TEST

START_TEST(nested_lists_hang)
{
    struct layout *L = lay("- First item that is long enough to wrap here\n"
                           "  - Nested item\n"
                           "- Second\n\n"
                           "8. eight\n9. nine\n10. ten\n",
                           24);
    assert_fits(L, 24);
    ck_assert_str_eq(line(L, 0), "• First item that is");
    ck_assert_str_eq(line(L, 1), "  long enough to wrap");
    ck_assert_str_eq(line(L, 2), "  here");
    ck_assert_str_eq(line(L, 3), "  ◦ Nested item");
    ck_assert_str_eq(line(L, 4), "• Second");
    ck_assert_str_eq(line(L, 5), "");
    ck_assert_str_eq(line(L, 6), " 8. eight");
    ck_assert_str_eq(line(L, 8), "10. ten");
    layout_free(L);
}
END_TEST

START_TEST(quotes_headings_rules)
{
    struct layout *L =
        lay("# Title\n\n## Part\n\n### Small\n\n> Quoted words that wrap over lines\n\n---\n", 20);
    assert_fits(L, 20);
    ck_assert_str_eq(line(L, 0), "Title");
    ck_assert_uint_eq(L->lines[0].heading, 1);
    ck_assert_str_eq(line(L, 1), "═════");
    ck_assert_str_eq(line(L, 3), "Part");
    ck_assert_str_eq(line(L, 4), "────");
    ck_assert_str_eq(line(L, 7), "┄┄┄┄┄");
    ck_assert_str_eq(line(L, 9), "│ Quoted words that");
    ck_assert_str_eq(line(L, 10), "│ wrap over lines");
    ck_assert_str_eq(line(L, 12), "────────────────────");
    ck_assert_uint_eq(L->heading_count, 3);
    ck_assert_str_eq(L->headings[1].text, "Part");
    ck_assert_uint_eq(L->headings[1].line, 3);
    layout_free(L);
}
END_TEST

START_TEST(links_get_numbers)
{
    struct layout *L = lay("See [the label](https://www.spravato.com/x) and [this](#here) "
                           "and [again](https://www.spravato.com/x).\n",
                           60);
    char *all = dump(L);
    ck_assert_ptr_nonnull(strstr(all, "See the label[1] and this and again[1]."));
    ck_assert_ptr_nonnull(strstr(all, "Links on this page:\n[1] https://www.spravato.com/x\n"));
    ck_assert_ptr_null(strstr(all, "[2]"));
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(html_and_controls_never_shown)
{
    struct layout *L =
        lay("<div>hidden</div>\n\nText <b>bold</b> a\x1b]0;title\x07z \x1b[2J end\n", 60);
    char *all = dump(L);
    ck_assert_ptr_null(strstr(all, "hidden"));
    ck_assert_ptr_null(strstr(all, "<b>"));
    ck_assert_ptr_null(strchr(all, '\x1b'));
    ck_assert_ptr_null(strchr(all, '\x07'));
    ck_assert_ptr_nonnull(strstr(all, "Text bold a]0;titlez [2J end"));
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(flags_shown_as_letters)
{
    /* libunibreak 1.1 aborts on regional indicators; they become letters. */
    struct layout *L = lay("Say \xf0\x9f\x87\xba\xf0\x9f\x87\xb8 hi.", 40);
    char *s = dump(L);
    ck_assert_str_eq(s, "Say US hi.\n");
    free(s);
    layout_free(L);
}
END_TEST

START_TEST(styles_mark_emphasis)
{
    struct layout *L = lay("Plain **strong** *emph* `code`", 60);
    ck_assert_uint_eq(L->line_count, 1);
    int seen = 0;
    for (size_t s = 0; s < L->lines[0].span_count; s++) {
        const struct layout_span *sp = &L->spans[L->lines[0].span_off + s];
        const char *t = layout_line_text(L, 0) + sp->off;
        if (strncmp(t, "strong", sp->len) == 0 && sp->style == STYLE_STRONG)
            seen |= 1;
        if (strncmp(t, "emph", sp->len) == 0 && sp->style == STYLE_EMPH)
            seen |= 2;
        if (strncmp(t, "code", sp->len) == 0 && sp->style == STYLE_CODE)
            seen |= 4;
    }
    ck_assert_int_eq(seen, 7);
    layout_free(L);
}
END_TEST

static const char *table_md =
    "| Choice | What it means | Who decides |\n"
    "|:--|:--|--:|\n"
    "| Keep taking it | You take your antidepressant as usual during treatment | Your prescriber "
    "|\n"
    "| Hold it | A short pause, planned with your prescriber | Your prescriber |\n";

START_TEST(table_grid_when_it_fits)
{
    struct layout *L = lay(table_md, 200);
    assert_fits(L, 200);
    ck_assert_str_eq(line(L, 0), "┌────────────────┬───────────────────────────────────────────────"
                                 "─────────┬─────────────────┐");
    ck_assert_str_eq(line(L, 1), "│ Choice         │ What it means                                 "
                                 "         │     Who decides │");
    ck_assert_str_eq(line(L, 2), "╞════════════════╪═══════════════════════════════════════════════"
                                 "═════════╪═════════════════╡");
    ck_assert_str_eq(line(L, 3), "│ Keep taking it │ You take your antidepressant as usual during "
                                 "treatment │ Your prescriber │");
    ck_assert_uint_eq(L->line_count, 7);
    layout_free(L);
}
END_TEST

START_TEST(table_shrinks_widest_column_and_wraps)
{
    struct layout *L = lay(table_md, 48);
    assert_fits(L, 48);
    char *all = dump(L);
    /* Columns shrink to their longest word, never splitting one. */
    ck_assert_str_eq(line(L, 0), "┌──────────────┬────────────────┬──────────────┐");
    ck_assert_str_eq(line(L, 3), "│ Keep taking  │ You take your  │         Your │");
    ck_assert_str_eq(line(L, 4), "│ it           │ antidepressant │   prescriber │");
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(table_cards_when_narrow)
{
    struct layout *L = lay(table_md, 32);
    assert_fits(L, 32);
    char *all = dump(L);
    ck_assert_ptr_nonnull(strstr(all, "Choice: Keep taking it\n"));
    ck_assert_ptr_nonnull(strstr(
        all, "What it means: You take your\n  antidepressant as usual during\n  treatment\n"));
    ck_assert_ptr_nonnull(strstr(all, "Who decides: Your prescriber\n"));
    ck_assert_ptr_null(strstr(all, "┌"));
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(table_cards_when_asked_at_any_width)
{
    /* The linear mode asks for cards: a screen reader gets each value next
     * to its header even where the grid would fit. */
    struct layout_opts o = {.width = 200, .lang = "en", .cards = 1};
    struct layout *L = layout_markdown(table_md, strlen(table_md), &o);
    ck_assert_ptr_nonnull(L);
    char *all = dump(L);
    ck_assert_ptr_nonnull(strstr(all, "Choice: Keep taking it\n"));
    ck_assert_ptr_nonnull(
        strstr(all, "What it means: You take your antidepressant as usual during treatment\n"));
    ck_assert_ptr_nonnull(strstr(all, "Who decides: Your prescriber\n"));
    ck_assert_ptr_null(strstr(all, "┌"));
    ck_assert_ptr_null(strstr(all, "│"));
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(table_ascii_borders)
{
    struct layout_opts o = {.width = 200, .ascii = 1};
    struct layout *L = layout_markdown(table_md, strlen(table_md), &o);
    ck_assert_str_eq(line(L, 0), "+----------------+-----------------------------------------------"
                                 "---------+-----------------+");
    ck_assert_str_eq(line(L, 2), "+================+==============================================="
                                 "=========+=================+");
    layout_free(L);
}
END_TEST

START_TEST(wide_table_becomes_cards)
{
    /* 200 columns never fit: cards, and every cell is still there. */
    char md[8192] = "", *p = md;
    for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 200; c++)
            p += sprintf(p, "| c%d%c ", c, r == 1 ? '-' : 'x');
        p += sprintf(p, "|\n");
        if (r == 0) {
            for (int c = 0; c < 200; c++)
                p += sprintf(p, "|---");
            p += sprintf(p, "|\n");
        }
    }
    struct layout *L = lay(md, 80);
    assert_fits(L, 80);
    char *all = dump(L);
    ck_assert_ptr_nonnull(strstr(all, "c199x: c199x\n"));
    free(all);
    layout_free(L);
}
END_TEST

START_TEST(anchor_survives_reflow)
{
    const char *md = "# A\n\nFirst paragraph with quite a few words in it to wrap.\n\n"
                     "Second paragraph, also with many words so it wraps at narrow widths.\n\n"
                     "Third one.\n";
    struct layout *wide = lay(md, 80), *narrow = lay(md, 20);
    /* The line holding "Second" in the wide layout. */
    size_t top = 0;
    while (wide->lines[top].text_len < 6 || strncmp(layout_line_text(wide, top), "Second", 6) != 0)
        top++;
    size_t at = layout_find_anchor(narrow, wide->lines[top].block, wide->lines[top].block_off);
    ck_assert_str_eq(line(narrow, at), "Second paragraph,");
    /* Half-way through a paragraph, the reader stays at the same words. */
    size_t mid = at + 2;
    size_t back = layout_find_anchor(wide, narrow->lines[mid].block, narrow->lines[mid].block_off);
    ck_assert_uint_eq(back, top);
    layout_free(wide);
    layout_free(narrow);
}
END_TEST

START_TEST(search_wraps_around)
{
    struct layout *L = lay("alpha\n\nBeta\n\ngamma beta\n", 40);
    size_t l, off, len;
    ck_assert_int_eq(layout_search(L, "BETA", 0, 1, &l, &off, &len), 0);
    ck_assert_uint_eq(l, 2);
    ck_assert_int_eq(layout_search(L, "beta", 3, 1, &l, &off, &len), 0);
    ck_assert_uint_eq(l, 4);
    ck_assert_uint_eq(off, 6);
    ck_assert_int_eq(layout_search(L, "beta", 5, 1, &l, &off, &len), 0);
    ck_assert_uint_eq(l, 2);
    ck_assert_int_eq(layout_search(L, "zeta", 0, 1, &l, &off, &len), -1);
    layout_free(L);
}
END_TEST

START_TEST(deep_nesting_is_bounded)
{
    size_t n = 1000;
    char *md = malloc(n * 3 + 16), *p = md;
    for (size_t i = 0; i < n; i++)
        *p++ = '>', *p++ = ' ';
    strcpy(p, "deep words here\n");
    struct layout *L = lay(md, 40);
    assert_fits(L, 40);
    char *all = dump(L);
    ck_assert_ptr_nonnull(strstr(all, "deep words here"));
    free(all);
    free(md);
    layout_free(L);
}
END_TEST

/* ---- properties over every bundled page ---- */

/* Count of each code point's appearances (a small open hash). */
struct counts {
    wchar_t key[8192];
    int n[8192];
};

static void count(struct counts *c, const char *s, size_t len, int delta)
{
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        i += text_decode(s + i, len - i, &wc);
        if (wc == ' ' || wc == '\n')
            continue;
        size_t h = (size_t)wc % 8192;
        while (c->key[h] && c->key[h] != wc)
            h = (h + 1) % 8192;
        c->key[h] = wc;
        c->n[h] += delta;
    }
}

static void count_source(struct counts *c, cmark_node *doc)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
            const char *lit = cmark_node_get_literal(n);
            count(c, lit, strlen(lit), 1);
        }
    }
    cmark_iter_free(it);
}

static void check_page(const char *path)
{
    size_t len;
    char *md = content_slurp(path, 1 << 24, &len);
    ck_assert_msg(md != NULL, "cannot read %s", path);
    cmark_node *doc = markdown_parse(md, len);
    struct counts *src = calloc(1, sizeof *src);
    count_source(src, doc);
    static const int widths[] = {20, 21, 25, 32, 40, 42, 48, 60, 80, 100, 132, 200, 300};
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        struct layout_opts o = {.width = widths[w], .lang = "en"};
        struct layout *L = layout_document(doc, &o);
        ck_assert_ptr_nonnull(L);
        assert_fits(L, widths[w]);
        /* No character lost: every source character appears at least as
         * often in the output (which adds markers, borders, numbers). */
        struct counts *out = calloc(1, sizeof *out);
        memcpy(out, src, sizeof *out);
        for (size_t i = 0; i < L->line_count; i++)
            count(out, layout_line_text(L, i), L->lines[i].text_len, -1);
        for (size_t h = 0; h < 8192; h++)
            ck_assert_msg(out->n[h] <= 0, "%s at width %d lost character U+%04X", path, widths[w],
                          (unsigned)out->key[h]);
        free(out);
        /* Every word that fits a narrow column appears whole. */
        char *all = dump(L), *flat = malloc(strlen(all) + 1), *q = flat;
        /* Lines joined without spaces or decoration (quote bars, bullets,
         * borders), so a word broken after a hyphen reads whole again. */
        for (size_t i = 0, all_len = strlen(all); i < all_len;) {
            wchar_t wc;
            size_t n = text_decode(all + i, all_len - i, &wc);
            int decoration = (wc >= 0x2500 && wc <= 0x257F) || wc == 0x2022 || wc == 0x25E6 ||
                             wc == 0x25AA || wc == ' ' || wc == '\n';
            if (!decoration) {
                memcpy(q, all + i, n);
                q += n;
            }
            i += n;
        }
        *q = '\0';
        cmark_iter *it = cmark_iter_new(doc);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node *n = cmark_iter_get_node(it);
            if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT)
                continue;
            char *plain = strdup(cmark_node_get_literal(n)), *save = NULL;
            for (char *word = strtok_r(plain, " \n", &save); word;
                 word = strtok_r(NULL, " \n", &save))
                if (text_width(word, strlen(word)) <= 12)
                    ck_assert_msg(strstr(flat, word) != NULL, "%s at width %d lost the word \"%s\"",
                                  path, widths[w], word);
            free(plain);
        }
        cmark_iter_free(it);
        free(flat);
        free(all);
        layout_free(L);
    }
    free(src);
    cmark_node_free(doc);
    free(md);
}

START_TEST(bundled_pages_fit_and_keep_every_word)
{
    ck_assert_int_ge(test_each_bundled_page("en", check_page), 10);
}
END_TEST

Suite *layout_suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("blocks");
    tcase_add_test(tc, paragraph_wraps_at_width);
    tcase_add_test(tc, accents_count_as_one_cell);
    tcase_add_test(tc, cjk_wraps_without_spaces);
    tcase_add_test(tc, spanish_wraps_by_the_rules);
    tcase_add_test(tc, cjk_table_columns_line_up);
    tcase_add_test(tc, nested_lists_hang);
    tcase_add_test(tc, quotes_headings_rules);
    tcase_add_test(tc, links_get_numbers);
    tcase_add_test(tc, html_and_controls_never_shown);
    tcase_add_test(tc, styles_mark_emphasis);
    tcase_add_test(tc, flags_shown_as_letters);
    tcase_add_test(tc, anchor_survives_reflow);
    tcase_add_test(tc, search_wraps_around);
    tcase_add_test(tc, deep_nesting_is_bounded);
    suite_add_tcase(s, tc);
    TCase *tables = tcase_create("tables");
    tcase_add_test(tables, table_grid_when_it_fits);
    tcase_add_test(tables, table_shrinks_widest_column_and_wraps);
    tcase_add_test(tables, table_cards_when_narrow);
    tcase_add_test(tables, table_cards_when_asked_at_any_width);
    tcase_add_test(tables, table_ascii_borders);
    tcase_add_test(tables, wide_table_becomes_cards);
    suite_add_tcase(s, tables);
    TCase *pages = tcase_create("bundled");
    tcase_set_timeout(pages, 60);
    tcase_add_test(pages, bundled_pages_fit_and_keep_every_word);
    suite_add_tcase(s, pages);
    return s;
}
