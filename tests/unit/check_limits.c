/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_limits.c: hostile sizes a content author (or a generator) can give:
 * very long question flows are checked without deep recursion and refused
 * past FLOW_MAX_QUESTIONS, and a flow whose summary could grow past
 * FLOW_MAX_SUMMARY is refused, with the summary itself bounded. */
#include "config.h"

#include "core/flow.h"
#include "core/summary.h"
#include "suites.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "## Q{#qN}\n\n- [next](#qN+1)\n" for n questions, the last going to #end. */
static char *chain(int n, size_t *len)
{
    size_t cap = (size_t)n * 48 + 64, used = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    for (int i = 0; i < n; i++) {
        char next[32];
        if (i + 1 < n)
            snprintf(next, sizeof next, "q%d", i + 1);
        else
            snprintf(next, sizeof next, "end");
        used += (size_t)snprintf(s + used, cap - used, "## Q%d {#q%d}\n\n- [next](#%s)\n\n", i, i,
                                 next);
    }
    *len = used;
    return s;
}

struct job {
    const char *text;
    size_t len;
    int errors, longest;
    char first[256];
};

static void *parse_and_check(void *arg)
{
    struct job *j = arg;
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(j->text, j->len, "chain.md", &diags);
    if (f) {
        j->errors = flow_validate(f, "chain.md", &diags);
        j->longest = flow_longest_from(f, 0);
    }
    for (size_t i = 0; i < diags.n && !j->first[0]; i++)
        if (strstr(diags.items[i].message, "questions;")) {
            char *m = flow_diag_format(&diags.items[i]);
            snprintf(j->first, sizeof j->first, "%s", m ? m : "");
            free(m);
        }
    flow_diags_free(&diags);
    flow_free(f);
    return NULL;
}

/* Run the parse and check on a thread with a small stack: a walk that
 * recursed once per question would overflow it. */
static void run_small_stack(struct job *j)
{
    pthread_attr_t attr;
    pthread_t t;
    ck_assert_int_eq(pthread_attr_init(&attr), 0);
    ck_assert_int_eq(pthread_attr_setstacksize(&attr, 128 * 1024), 0);
    ck_assert_int_eq(pthread_create(&t, &attr, parse_and_check, j), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&attr);
}

START_TEST(test_longest_allowed_chain)
{
    struct job j = {0};
    j.text = chain(FLOW_MAX_QUESTIONS, &j.len);
    run_small_stack(&j);
    ck_assert_int_eq(j.errors, 0);
    ck_assert_int_eq(j.longest, FLOW_MAX_QUESTIONS);
    free((char *)j.text);
}
END_TEST

START_TEST(test_too_many_questions)
{
    struct job j = {0};
    j.text = chain(15000, &j.len);
    run_small_stack(&j);
    ck_assert_int_ge(j.errors, 1);
    /* question 501 starts at line 4 * 500 + 1 */
    ck_assert_str_eq(j.first, "chain.md:2001: error: more than 500 questions; the most allowed is "
                              "500, and the questions from here on are not read");
    free((char *)j.text);
}
END_TEST

/* One multiple-choice question whose 8 answers share a note that repeats
 * {answer} 200 times: 8 long labels joined, 200 times over. */
static char *amplifier(void)
{
    size_t cap = 64 * 1024, used = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    used += (size_t)snprintf(s, cap, "## Which? {#one multiple}\n\n");
    for (int a = 0; a < 8; a++) {
        used += (size_t)snprintf(s + used, cap - used, "- [");
        for (int w = 0; w < 100; w++)
            used += (size_t)snprintf(s + used, cap - used, "W%d ", a);
        used += (size_t)snprintf(s + used, cap - used, "](#end)\n  > ");
        for (int k = 0; k < 200; k++)
            used += (size_t)snprintf(s + used, cap - used, "{answer}");
        used += (size_t)snprintf(s + used, cap - used, "\n");
    }
    return s;
}

START_TEST(test_summary_limit)
{
    char *text = amplifier();
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, strlen(text), "amp.md", &diags);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(flow_validate(f, "amp.md", &diags), 1);
    ck_assert_uint_eq(diags.n, 1);
    char *m = flow_diag_format(&diags.items[0]);
    ck_assert_str_eq(m, "amp.md:1: error: the answers could make a summary of 487 KB; the most "
                        "allowed is 64 KB: shorten the notes and labels, or use {answer} less "
                        "often");
    free(m);
    /* Walked anyway (the kiosk never loads such a flow), the summary is
     * refused rather than built ever larger. */
    struct flow_session *s = flow_session_new(f);
    for (int a = 0; a < 8; a++)
        ck_assert_int_eq(flow_select(s, a), 0);
    ck_assert_int_eq(flow_next(s), 0);
    struct summary_info info = {.when = 1};
    char *sum = summary_build(f, s, &info);
    ck_assert_ptr_null(sum);
    flow_session_free(s);
    flow_diags_free(&diags);
    flow_free(f);
    free(text);
}
END_TEST

START_TEST(test_bundled_summary_fits)
{
    const char *dir = getenv("KIOSK_CONTENT_DIR");
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/en/questions.md", dir);
    char err[512];
    struct flow *f = flow_load(path, err, sizeof err);
    ck_assert_msg(f != NULL, "%s", err);
    /* far below the limit: room for real content to grow */
    ck_assert_uint_lt(flow_heaviest_from(f, 0), FLOW_MAX_SUMMARY / 2);
    flow_free(f);
}
END_TEST

Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("flow");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_longest_allowed_chain);
    tcase_add_test(tc, test_too_many_questions);
    tcase_add_test(tc, test_summary_limit);
    tcase_add_test(tc, test_bundled_summary_fits);
    suite_add_tcase(s, tc);
    return s;
}
