/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_handout.c: the PDF handout (handout.c, handout_table.c): paper
 * sizes, page counts for long text, long tables and two facing languages,
 * markup-like text set as text, and every bundled page in every language.
 * What the PDF says is checked with pdftotext in tests/handout.sh. */
#include "config.h"

#include "suites.h"
#include "core/buf.h"
#include "core/handout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A PDF of the sides, checked to be whole; its bytes NUL-terminated are
 * searched with memmem. */
static unsigned char *make(enum handout_paper paper, const struct handout_side *sides, size_t n,
                           size_t *len)
{
    char err[512] = "";
    struct handout h = {.paper = paper, .sides = sides, .side_count = n};
    unsigned char *pdf = handout_pdf(&h, len, err, sizeof err);
    ck_assert_msg(pdf != NULL, "no PDF: %s", err);
    ck_assert_uint_gt(*len, 100);
    ck_assert_int_eq(memcmp(pdf, "%PDF-", 5), 0);
    ck_assert_ptr_nonnull(memmem(pdf + *len - 8, 8, "%%EOF", 5));
    return pdf;
}

static int has(const unsigned char *pdf, size_t len, const char *s)
{
    return memmem(pdf, len, s, strlen(s)) != NULL;
}

/* The page count cairo writes in the page tree ("/Count N"). */
static int pages(const unsigned char *pdf, size_t len)
{
    const unsigned char *p = memmem(pdf, len, "/Type /Pages", 12);
    ck_assert_ptr_nonnull(p);
    const unsigned char *c = memmem(p, len - (size_t)(p - pdf), "/Count ", 7);
    ck_assert_ptr_nonnull(c);
    return atoi((const char *)c + 7);
}

START_TEST(paper_sizes)
{
    double w, h;
    handout_paper_size(HANDOUT_LETTER, &w, &h);
    ck_assert(w == 612 && h == 792);
    handout_paper_size(HANDOUT_A4, &w, &h);
    ck_assert(w > 595 && w < 596 && h > 841 && h < 842);
    struct handout_side side = {.md = "# Hello\n\nOne line.\n", .lang = "en"};
    size_t len;
    unsigned char *pdf = make(HANDOUT_LETTER, &side, 1, &len);
    ck_assert(has(pdf, len, "/MediaBox [ 0 0 612 792 ]"));
    ck_assert_int_eq(pages(pdf, len), 1);
    handout_free(pdf, len);
    pdf = make(HANDOUT_A4, &side, 1, &len);
    ck_assert(has(pdf, len, "/MediaBox [ 0 0 595.28 841.89 ]"));
    handout_free(pdf, len);
    handout_free(NULL, 0);
}
END_TEST

/* Markdown of n paragraphs (or, table: a table of n rows). */
static char *long_md(int n, int table)
{
    struct buf b = {0};
    buf_str(&b, "# A long page\n\n");
    if (table)
        buf_str(&b, "| Choice | What it means | Who decides |\n|---|---|---|\n");
    for (int i = 0; i < n; i++)
        buf_printf(&b,
                   table
                       ? "| Row %d | Some words that wrap in a narrow column | Your prescriber |\n"
                       : "Paragraph %d. Some words to fill the line, and then some more words "
                         "so that it wraps at least once on the page.\n\n",
                   i);
    ck_assert(!b.failed);
    return buf_take(&b);
}

START_TEST(long_text_runs_on)
{
    char *md = long_md(200, 0);
    struct handout_side side = {.md = md};
    size_t len;
    unsigned char *pdf = make(HANDOUT_LETTER, &side, 1, &len);
    ck_assert_int_ge(pages(pdf, len), 4);
    handout_free(pdf, len);
    /* One paragraph longer than a page runs on too. */
    struct buf b = {0};
    for (int i = 0; i < 1500; i++)
        buf_str(&b, "word ");
    side.md = b.s;
    pdf = make(HANDOUT_A4, &side, 1, &len);
    ck_assert_int_ge(pages(pdf, len), 2);
    handout_free(pdf, len);
    buf_wipe(&b);
    free(md);
}
END_TEST

static int count_pages(const char *md)
{
    struct handout_side side = {.md = md};
    size_t len;
    unsigned char *pdf = make(HANDOUT_LETTER, &side, 1, &len);
    int n = pages(pdf, len);
    handout_free(pdf, len);
    return n;
}

START_TEST(tables)
{
    /* The most paragraphs that fit on one page, then a table: two pages
     * (which page holds which row: tests/handout.sh, with pdftotext). */
    char *table = long_md(6, 1), *huge = long_md(150, 1), *filler = NULL;
    ck_assert_int_eq(count_pages(table), 1);
    int n = 1;
    for (;; n++) {
        char *more = long_md(n + 1, 0);
        int one = count_pages(more) == 1;
        if (!one) {
            free(more);
            break;
        }
        free(filler);
        filler = more;
    }
    ck_assert_ptr_nonnull(filler);
    struct buf b = {0};
    buf_printf(&b, "%s\n%s", filler, strstr(table, "| Choice"));
    ck_assert_int_eq(count_pages(b.s), 2);
    ck_assert_int_ge(count_pages(huge), 2);
    /* A table with more columns than fit even at the smallest type. */
    ck_assert_int_eq(count_pages("|a|b|c|d|e|f|g|h|i|j|k|l|\n|-|-|-|-|-|-|-|-|-|-|-|-|\n"
                                 "|Supercalifragilistic|Supercalifragilistic|Supercalifragilistic|"
                                 "Supercalifragilistic|Supercalifragilistic|Supercalifragilistic|"
                                 "x|x|x|x|x|x|\n"),
                     1);
    buf_wipe(&b);
    free(filler);
    free(table);
    free(huge);
}
END_TEST

START_TEST(facing_pages)
{
    /* Three pages of one language and one of the other: six pages, in pairs. */
    char *md = long_md(120, 0);
    const char *boxed[] = {"Urgent", NULL}, *ticked[] = {"Points", NULL};
    struct handout_side sides[2] = {
        {.md = md, .lang = "en", .title = "Clinic", .footer = "Not medical advice."},
        {.md = "# 摘要\n\n## Urgent\n\n- 现在\n\n## Points\n\n- 一\n- 二\n",
         .lang = "zh",
         .title = "Clinic",
         .name_line = "姓名：",
         .dob_line = "出生日期：",
         .boxed = boxed,
         .ticked = ticked},
    };
    size_t len;
    unsigned char *pdf = make(HANDOUT_LETTER, sides, 1, &len);
    int one = pages(pdf, len);
    handout_free(pdf, len);
    ck_assert_int_ge(one, 2);
    pdf = make(HANDOUT_LETTER, sides, 2, &len);
    ck_assert_int_eq(pages(pdf, len), 2 * one);
    handout_free(pdf, len);
    free(md);
}
END_TEST

START_TEST(markup_is_text)
{
    /* Text that looks like Pango markup, and raw HTML, are never markup. */
    struct handout_side side = {
        .md = "# <b>Bold?</b> & <span foreground=\"red\">red</span>\n\n"
              "A < B & C > D, `<tt>` and <i>html</i>.\n\n<div>block</div>\n\n"
              "- [a link](https://example.org/?a=1&b=2) and [a page](faq.md)\n",
        .title = "Clinic <&> \"Name\"",
        .footer = "<big>&amp;</big>",
        .name_line = "Name & <x>:",
        .dob_line = "Date:"};
    size_t len;
    unsigned char *pdf = make(HANDOUT_LETTER, &side, 1, &len);
    handout_free(pdf, len);
}
END_TEST

static void one_page(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char md[65536];
    size_t n = fread(md, 1, sizeof md - 1, f);
    fclose(f);
    md[n] = '\0';
    const char *lang = strstr(path, "/zh/") ? "zh" : strstr(path, "/es/") ? "es" : "en";
    struct handout_side side = {.md = md, .lang = lang};
    size_t len;
    unsigned char *pdf = make(HANDOUT_A4, &side, 1, &len);
    handout_free(pdf, len);
}

START_TEST(bundled_pages)
{
    ck_assert_int_ge(test_each_bundled_page("en", one_page), 10);
    ck_assert_int_ge(test_each_bundled_page("es", one_page), 10);
    ck_assert_int_ge(test_each_bundled_page("zh", one_page), 10);
}
END_TEST

Suite *handout_suite(void)
{
    Suite *s = suite_create("handout");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, paper_sizes);
    tcase_add_test(tc, long_text_runs_on);
    tcase_add_test(tc, tables);
    tcase_add_test(tc, facing_pages);
    tcase_add_test(tc, markup_is_text);
    tcase_add_test(tc, bundled_pages);
    suite_add_tcase(s, tc);
    return s;
}
