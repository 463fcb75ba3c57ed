/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_layout_steps.c: a layout made in steps (layout_start() and
 * layout_more()) is the same, line for line and span for span, as one made
 * at once, whatever the step size; an unfinished layout can be freed. */
#include "config.h"

#include "suites.h"
#include "core/layout.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void assert_same(const struct layout *a, const struct layout *b, const char *what)
{
    ck_assert_msg(a->line_count == b->line_count, "%s: %zu lines made in steps, %zu at once", what,
                  (size_t)a->line_count, (size_t)b->line_count);
    for (size_t i = 0; i < a->line_count; i++) {
        const struct layout_line *x = &a->lines[i], *y = &b->lines[i];
        ck_assert_msg(x->text_len == y->text_len &&
                          memcmp(layout_line_text(a, i), layout_line_text(b, i), x->text_len) == 0,
                      "%s: line %zu differs", what, i);
        ck_assert_msg(x->cells == y->cells && x->block == y->block &&
                          x->block_off == y->block_off && x->heading == y->heading,
                      "%s: line %zu has other cells, block or heading", what, i);
        ck_assert_msg(x->span_count == y->span_count, "%s: line %zu has other spans", what, i);
        for (size_t s = 0; s < x->span_count; s++) {
            const struct layout_span *p = &a->spans[x->span_off + s],
                                     *q = &b->spans[y->span_off + s];
            ck_assert_msg(p->off == q->off && p->len == q->len && p->style == q->style,
                          "%s: line %zu span %zu differs", what, i, s);
        }
    }
    ck_assert_uint_eq(a->heading_count, b->heading_count);
    for (size_t h = 0; h < a->heading_count; h++) {
        ck_assert_uint_eq(a->headings[h].line, b->headings[h].line);
        ck_assert_int_eq(a->headings[h].level, b->headings[h].level);
        ck_assert_str_eq(a->headings[h].text, b->headings[h].text);
    }
}

/* Lay md out at once and in steps of `step` lines; they must agree. */
static void check_steps(const char *md, int width, size_t step, const char *what)
{
    struct layout_opts o = {.width = width, .lang = "en"};
    struct layout *whole = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(whole);
    struct layout *L = layout_start(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    ck_assert_uint_eq(L->line_count, 0);
    int done = 0, steps = 0;
    while (!done) {
        size_t before = L->line_count;
        done = layout_more(L, before + step);
        ck_assert_int_ge(done, 0);
        ck_assert_int_eq(done, layout_complete(L));
        if (!done)
            ck_assert_uint_ge(L->line_count, before + step);
        steps++;
    }
    ck_assert_int_eq(layout_more(L, SIZE_MAX), 1); /* more on a complete layout: nothing */
    assert_same(L, whole, what);
    if (step == 1 && whole->line_count > 1)
        ck_assert_int_gt(steps, 1); /* it was made in steps, not at once */
    layout_free(L);
    layout_free(whole);
}

/* Many blocks of every kind, links (their list comes last) and headings. */
static char *long_page(void)
{
    size_t cap = 64 * 1024, len = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    for (int i = 0; i < 40; i++)
        len +=
            (size_t)snprintf(s + len, cap - len,
                             "## Part %d\n\nA paragraph with *emphasis*, `code` and a "
                             "[link](https://example.org/%d) "
                             "that wraps over a few lines at a narrow width, número %d.\n\n"
                             "- one\n- two\n  - nested [again](https://example.org/%d)\n\n"
                             "> a quote\n\n| a | b |\n|---|---|\n| cell %d | 中文字 |\n\n---\n\n",
                             i, i % 7, i, i % 5, i);
    return s;
}

START_TEST(steps_match_whole_layout)
{
    char *md = long_page();
    static const size_t steps[] = {1, 3, 50, 400};
    static const int widths[] = {20, 40, 78};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
        for (size_t s = 0; s < sizeof steps / sizeof *steps; s++)
            check_steps(md, widths[w], steps[s], "long page");
    free(md);
}
END_TEST

static void page_in_steps(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *md = calloc(1, 256 * 1024);
    ck_assert_ptr_nonnull(md);
    size_t got = fread(md, 1, 256 * 1024 - 1, f);
    fclose(f);
    md[got] = '\0';
    check_steps(md, 40, 5, path);
    free(md);
}

START_TEST(bundled_pages_in_steps)
{
    int pages = test_each_bundled_page("en", page_in_steps) +
                test_each_bundled_page("es", page_in_steps) +
                test_each_bundled_page("zh", page_in_steps);
    ck_assert_int_ge(pages, 30);
}
END_TEST

START_TEST(unfinished_layout_frees)
{
    /* Only the start of the page is laid out; the rest of the parse tree
     * belongs to the layout and goes with it (the sanitizer run checks). */
    char *md = long_page();
    struct layout_opts o = {.width = 60, .lang = "en"};
    struct layout *L = layout_start(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    ck_assert_int_eq(layout_more(L, 10), 0);
    ck_assert_int_eq(layout_complete(L), 0);
    ck_assert_uint_ge(L->line_count, 10);
    layout_free(L);
    free(md);
}
END_TEST

START_TEST(empty_page_completes)
{
    struct layout_opts o = {.width = 40};
    struct layout *L = layout_start("", 0, &o);
    ck_assert_ptr_nonnull(L);
    ck_assert_int_eq(layout_more(L, 100), 1);
    ck_assert_uint_eq(L->line_count, 0);
    layout_free(L);
}
END_TEST

Suite *layout_steps_suite(void)
{
    Suite *s = suite_create("layout_steps");
    TCase *tc = tcase_create("steps");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, steps_match_whole_layout);
    tcase_add_test(tc, bundled_pages_in_steps);
    tcase_add_test(tc, unfinished_layout_frees);
    tcase_add_test(tc, empty_page_completes);
    suite_add_tcase(s, tc);
    return s;
}
