/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_layout_links.c: the layout's link records: each link's kind, page
 * and anchor, the line and bytes it shows on (wrapped over two lines, in a
 * table cell as a grid and as cards), a tap's link, in-page anchors, and
 * the "Links on this page" notes (numbers, page titles). */
#include "config.h"

#include "suites.h"
#include "core/layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static struct layout *lay(const char *md, int width, int cards)
{
    struct layout_opts o = {.width = width, .lang = "en", .cards = cards};
    struct layout *L = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    return L;
}

/* The text of span i, as a static string. */
static const char *span_text(const struct layout *L, size_t i)
{
    static char buf[256];
    const struct layout_link_span *sp = &L->link_spans[i];
    snprintf(buf, sizeof buf, "%.*s", (int)sp->len, layout_line_text(L, sp->line) + sp->off);
    return buf;
}

START_TEST(links_are_recorded_with_kind_page_and_anchor)
{
    struct layout *L = lay("See [risks](risks.md), [the table](choices.md#table), "
                           "[below](#more) and [the FDA](https://www.fda.gov/).\n\n## More\n",
                           200, 0);
    ck_assert_uint_eq(L->link_count, 4);
    ck_assert_int_eq(L->links[0].kind, LINK_PAGE);
    ck_assert_str_eq(L->links[0].page, "risks.md");
    ck_assert_ptr_null(L->links[0].anchor);
    ck_assert_int_eq(L->links[1].kind, LINK_PAGE);
    ck_assert_str_eq(L->links[1].page, "choices.md");
    ck_assert_str_eq(L->links[1].anchor, "table");
    ck_assert_int_eq(L->links[2].kind, LINK_ANCHOR);
    ck_assert_ptr_null(L->links[2].page);
    ck_assert_str_eq(L->links[2].anchor, "more");
    ck_assert_int_eq(L->links[3].kind, LINK_EXTERNAL);
    ck_assert_str_eq(L->links[3].target, "https://www.fda.gov/");
    ck_assert_ptr_null(L->links[3].page);
    /* One span each, on line 0, covering the link's words only (no [n]). */
    ck_assert_uint_eq(L->link_span_count, 4);
    const char *words[] = {"risks", "the table", "below", "the FDA"};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_uint_eq(L->link_spans[i].line, 0);
        ck_assert_uint_eq(L->link_spans[i].link, i);
        ck_assert_str_eq(span_text(L, i), words[i]);
    }
    /* The anchor's heading. */
    size_t h = layout_anchor_line(L, "more");
    ck_assert_uint_ne(h, SIZE_MAX);
    ck_assert_int_eq(strncmp(layout_line_text(L, h), "More", 4), 0);
    ck_assert_uint_eq(layout_anchor_line(L, "nowhere"), SIZE_MAX);
    layout_free(L);
}
END_TEST

START_TEST(link_wrapped_over_two_lines_has_two_spans)
{
    /* Width 20: "Read about the" then "[side effects and" ... */
    struct layout *L = lay("Read about the [side effects and risks](risks.md) first.", 20, 0);
    ck_assert_uint_eq(L->link_count, 1);
    ck_assert_uint_ge(L->link_span_count, 2);
    uint32_t first = L->link_spans[0].line;
    for (size_t i = 0; i < L->link_span_count; i++) {
        ck_assert_uint_eq(L->link_spans[i].link, 0);
        ck_assert_uint_eq(L->link_spans[i].line, first + i);
    }
    /* Together the spans hold the link's words, and never a trailing space. */
    char all[128] = "";
    for (size_t i = 0; i < L->link_span_count; i++) {
        const char *t = span_text(L, i);
        ck_assert(t[0] != ' ' && t[strlen(t) - 1] != ' ');
        if (i)
            strcat(all, " ");
        strcat(all, t);
    }
    ck_assert_str_eq(all, "side effects and risks");
    /* The second span starts its line. */
    ck_assert_uint_eq(L->link_spans[1].off, 0);
    ck_assert_ptr_eq(layout_link_span(L, 0), &L->link_spans[0]);
    layout_free(L);
}
END_TEST

START_TEST(link_in_table_cell_grid_and_cards)
{
    const char *md = "| Medicine | Read more |\n|---|---|\n| Ketamine | [Risks](risks.md) |\n";
    struct layout *L = lay(md, 60, 0);
    ck_assert_uint_eq(L->link_count, 1);
    ck_assert_uint_eq(L->link_span_count, 1);
    ck_assert_str_eq(span_text(L, 0), "Risks");
    ck_assert_str_eq(L->links[0].page, "risks.md");
    /* The span is inside the grid row, after the first cell's border. */
    const struct layout_link_span *sp = &L->link_spans[0];
    const char *row = layout_line_text(L, sp->line);
    ck_assert_ptr_nonnull(strstr(row, "Ketamine"));
    ck_assert_uint_gt(sp->off, (uint32_t)(strstr(row, "Ketamine") - row));
    layout_free(L);

    L = lay(md, 60, 1); /* as cards: "Read more: Risks" */
    ck_assert_uint_eq(L->link_span_count, 1);
    ck_assert_str_eq(span_text(L, 0), "Risks");
    ck_assert_ptr_nonnull(strstr(layout_line_text(L, L->link_spans[0].line), "Read more: Risks"));
    layout_free(L);
}
END_TEST

START_TEST(link_at_finds_the_tapped_link)
{
    /* "Go to [Risks](risks.md) now": "Risks" is cells 6-10. */
    struct layout *L = lay("Go to [Risks](risks.md) now, or [FAQ](faq.md).", 80, 0);
    ck_assert_int_eq(layout_link_at(L, 0, 5), -1);
    ck_assert_int_eq(layout_link_at(L, 0, 6), 0);
    ck_assert_int_eq(layout_link_at(L, 0, 10), 0);
    ck_assert_int_eq(layout_link_at(L, 0, 11), -1);
    const struct layout_link_span *faq = layout_link_span(L, 1);
    ck_assert_ptr_nonnull(faq);
    ck_assert_int_eq(layout_link_at(L, 0, (int)faq->off), 1);
    ck_assert_int_eq(layout_link_at(L, 5, 0), -1);
    layout_free(L);
}
END_TEST

START_TEST(link_spans_use_wide_characters_in_cells)
{
    struct layout *L = lay("请看[风险](risks.md)。", 80, 0);
    ck_assert_uint_eq(L->link_span_count, 1);
    ck_assert_str_eq(span_text(L, 0), "风险");
    ck_assert_int_eq(layout_link_at(L, 0, 3), -1); /* the second cell of 看 */
    ck_assert_int_eq(layout_link_at(L, 0, 4), 0);
    ck_assert_int_eq(layout_link_at(L, 0, 7), 0);
    ck_assert_int_eq(layout_link_at(L, 0, 8), -1);
    layout_free(L);
}
END_TEST

START_TEST(anchor_by_explicit_id_and_slug)
{
    struct layout *L =
        lay("# Side effects & risks\n\ntext\n\n## Where to go {#where}\n\nmore\n", 80, 0);
    ck_assert_uint_eq(layout_anchor_line(L, "side-effects--risks"), 0);
    size_t w = layout_anchor_line(L, "where");
    ck_assert_uint_ne(w, SIZE_MAX);
    ck_assert_ptr_nonnull(strstr(layout_line_text(L, w), "Where to go"));
    layout_free(L);
}
END_TEST

START_TEST(links_made_in_steps_match_whole)
{
    const char *md = "[One](a.md)\n\npara\n\n[Two](b.md) and [Three](#x)\n\n- [Four](c.md)\n";
    struct layout_opts o = {.width = 30, .lang = "en"};
    struct layout *W = layout_markdown(md, strlen(md), &o);
    struct layout *S = layout_start(md, strlen(md), &o);
    ck_assert_ptr_nonnull(W);
    ck_assert_ptr_nonnull(S);
    ck_assert_int_eq(layout_more(S, 1), 0);
    ck_assert_int_eq(layout_more(S, SIZE_MAX), 1);
    ck_assert_uint_eq(S->link_count, W->link_count);
    ck_assert_uint_eq(S->link_span_count, W->link_span_count);
    ck_assert_int_eq(
        memcmp(S->link_spans, W->link_spans, W->link_span_count * sizeof *W->link_spans), 0);
    layout_free(W);
    layout_free(S);
}
END_TEST

static const char *titles(const void *ctx, const char *page)
{
    (void)ctx;
    return strcmp(page, "risks.md") == 0 ? "Side effects and risks" : NULL;
}

START_TEST(notes_name_page_titles_and_numbers)
{
    const char *md = "[Risks](risks.md), [again](risks.md#top), [here](#x), "
                     "[FAQ](faq.md) and [site](https://example.org/).";
    struct layout_opts o = {.width = 80, .lang = "en", .link_title = titles};
    struct layout *L = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    ck_assert_uint_eq(L->link_count, 5);
    /* Each address once in the notes; an in-page anchor has none. */
    ck_assert_uint_eq(L->links[0].note, 1);
    ck_assert_uint_eq(L->links[1].note, 2);
    ck_assert_uint_eq(L->links[2].note, 0);
    ck_assert_uint_eq(L->links[3].note, 3);
    ck_assert_uint_eq(L->links[4].note, 4);
    int saw_title = 0, saw_anchor_title = 0, saw_faq = 0, saw_site = 0;
    for (size_t i = 0; i < L->line_count; i++) {
        const char *t = layout_line_text(L, i);
        size_t n = L->lines[i].text_len;
        saw_title |= n == 26 && memcmp(t, "[1] Side effects and risks", 26) == 0;
        saw_anchor_title |= n == 26 && memcmp(t, "[2] Side effects and risks", 26) == 0;
        saw_faq |= n == 10 && memcmp(t, "[3] faq.md", 10) == 0; /* no title: the address */
        saw_site |= n == 24 && memcmp(t, "[4] https://example.org/", 24) == 0;
    }
    ck_assert(saw_title && saw_anchor_title && saw_faq && saw_site);
    layout_free(L);
}
END_TEST

Suite *layout_links_suite(void)
{
    Suite *s = suite_create("layout_links");
    TCase *tc = tcase_create("links");
    tcase_add_test(tc, links_are_recorded_with_kind_page_and_anchor);
    tcase_add_test(tc, link_wrapped_over_two_lines_has_two_spans);
    tcase_add_test(tc, link_in_table_cell_grid_and_cards);
    tcase_add_test(tc, link_at_finds_the_tapped_link);
    tcase_add_test(tc, link_spans_use_wide_characters_in_cells);
    tcase_add_test(tc, anchor_by_explicit_id_and_slug);
    tcase_add_test(tc, links_made_in_steps_match_whole);
    tcase_add_test(tc, notes_name_page_titles_and_numbers);
    suite_add_tcase(s, tc);
    return s;
}
