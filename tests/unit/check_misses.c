/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_misses.c: the teach-back misses of a visit (misses.h): kept once per
 * question, dropped when answered clearly, refused when full or a name is
 * too long (nothing changed), zeroed whole by misses_wipe(), and written as
 * the summary's section with tick boxes, escaped, with the misses whose words
 * cannot be found left out. */
#include "config.h"

#include "core/buf.h"
#include "core/misses.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* misses_words_fn for the tests: "words of PAGE/ID"; ids starting with
 * "gone" cannot be found. */
static int words(void *ctx, const void *flow, const char *page, const char *id, char *buf,
                 size_t size)
{
    int *calls = ctx;
    (*calls)++;
    (void)flow;
    if (strncmp(id, "gone", 4) == 0)
        return -1;
    snprintf(buf, size, "words of %s/%s", page, id);
    return 0;
}

START_TEST(test_add_once_and_remove)
{
    struct misses ms = {0};
    ck_assert_int_eq(misses_add(&ms, "risks.md", "blood-pressure"), 0);
    ck_assert_int_eq(misses_add(&ms, "risks.md", "chest-pain"), 0);
    ck_assert_int_eq(misses_add(&ms, "risks.md", "blood-pressure"), 0);
    ck_assert_int_eq(ms.count, 2);
    /* The same id on another page is another miss. */
    ck_assert_int_eq(misses_add(&ms, "choices.md", "blood-pressure"), 0);
    ck_assert_int_eq(ms.count, 3);
    ck_assert(misses_has(&ms, "risks.md", "chest-pain"));
    ck_assert(!misses_has(&ms, "risks.md", "hold"));
    misses_remove(&ms, "risks.md", "blood-pressure");
    ck_assert_int_eq(ms.count, 2);
    ck_assert(!misses_has(&ms, "risks.md", "blood-pressure"));
    ck_assert(misses_has(&ms, "choices.md", "blood-pressure"));
    /* The order kept, and the freed slot zeroed. */
    ck_assert_str_eq(ms.m[0].id, "chest-pain");
    ck_assert_str_eq(ms.m[1].page, "choices.md");
    static const struct miss zero;
    ck_assert_int_eq(memcmp(&ms.m[2], &zero, sizeof zero), 0);
    misses_remove(&ms, "risks.md", "not-kept"); /* nothing to drop */
    ck_assert_int_eq(ms.count, 2);
}
END_TEST

START_TEST(test_full_and_too_long)
{
    struct misses ms = {0};
    char id[TEACHBACK_ID_BYTES];
    for (int i = 0; i < MISSES_MAX; i++) {
        snprintf(id, sizeof id, "q%d", i);
        ck_assert_int_eq(misses_add(&ms, "risks.md", id), 0);
    }
    ck_assert_int_eq(misses_add(&ms, "risks.md", "one-more"), -1);
    ck_assert_int_eq(ms.count, MISSES_MAX);
    ck_assert_int_eq(misses_add(&ms, "risks.md", "q3"), 0); /* already kept: fine */
    misses_wipe(&ms);
    char page[MISS_PAGE_BYTES + 1], long_id[TEACHBACK_ID_BYTES + 1];
    memset(page, 'p', sizeof page - 1);
    page[sizeof page - 1] = '\0';
    memset(long_id, 'i', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    ck_assert_int_eq(misses_add(&ms, page, "id"), -1);
    ck_assert_int_eq(misses_add(&ms, "risks.md", long_id), -1);
    ck_assert_int_eq(ms.count, 0);
}
END_TEST

START_TEST(test_wipe)
{
    struct misses ms = {0};
    misses_add(&ms, "risks.md", "blood-pressure");
    misses_add(&ms, "risks.md", "chest-pain");
    misses_wipe(&ms);
    static const struct misses zero;
    ck_assert_int_eq(memcmp(&ms, &zero, sizeof zero), 0);
}
END_TEST

START_TEST(test_markdown)
{
    struct misses ms = {0};
    struct buf b = {0};
    int calls = 0;
    misses_markdown(&b, &ms, words, &calls, NULL, "Things to explain again");
    ck_assert_ptr_null(b.s); /* no miss: no section at all */
    misses_add(&ms, "risks.md", "gone-1");
    misses_markdown(&b, &ms, words, &calls, NULL, "Things to explain again");
    ck_assert_ptr_null(b.s); /* none found: no empty heading */
    misses_add(&ms, "risks.md", "blood-pressure");
    misses_add(&ms, "faq.md", "a_b*c");
    calls = 0;
    misses_markdown(&b, &ms, words, &calls, NULL, "Things to explain again");
    ck_assert_int_eq(calls, 3);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_str_eq(b.s, "## Things to explain again\n\n"
                          "- \\[ \\] Please explain words of risks.md/blood-pressure again.\n"
                          "- \\[ \\] Please explain words of faq.md/a\\_b\\*c again.\n\n");
    buf_wipe(&b);
    /* No words function: nothing can be said, so nothing is. */
    misses_markdown(&b, &ms, NULL, NULL, NULL, "Things to explain again");
    ck_assert_ptr_null(b.s);
}
END_TEST

Suite *misses_suite(void)
{
    Suite *s = suite_create("misses");
    TCase *tc = tcase_create("misses");
    tcase_add_test(tc, test_add_once_and_remove);
    tcase_add_test(tc, test_full_and_too_long);
    tcase_add_test(tc, test_wipe);
    tcase_add_test(tc, test_markdown);
    suite_add_tcase(s, tc);
    return s;
}
