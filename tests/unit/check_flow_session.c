/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_flow_session.c: one patient's walk through a flow (back, changed
 * answers, "only" answers, wipe, a language switch) and the --summary answer
 * specs, with their exact messages. */
#include "config.h"

#include "core/flow.h"
#include "check_flow.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- walking ---- */

START_TEST(test_walk)
{
    struct flow *f = load_data("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    int number, total;
    ck_assert_int_eq(flow_current(s), 0);
    ck_assert_int_eq(flow_back(s), -1);
    ck_assert_int_eq(flow_next(s), -1); /* nothing chosen */
    ck_assert_int_eq(flow_position(s, &number, &total), 0);
    ck_assert_int_eq(number, 1);
    ck_assert_int_eq(total, 3);
    ck_assert_int_eq(flow_select(s, 2), -1);
    ck_assert_int_eq(flow_select(s, -1), -1);
    ck_assert_int_eq(flow_select(s, 0), 0);
    ck_assert_int_eq(flow_select(s, 1), 0); /* single choice: replaces */
    ck_assert_uint_eq(flow_selected(s, 0), 2);
    ck_assert_int_eq(flow_select(s, 0), 0);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), 1);
    ck_assert_int_eq(flow_position(s, &number, &total), 0);
    ck_assert_int_eq(number, 2);
    ck_assert_int_eq(total, 3);
    ck_assert_int_eq(flow_select(s, 0), 0);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), 2);
    ck_assert_int_eq(flow_select(s, 1), 0);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), -1);
    ck_assert_int_eq(flow_position(s, &number, &total), -1);
    ck_assert_int_eq(number, 3);
    ck_assert_int_eq(total, 3);
    ck_assert_int_eq(flow_select(s, 0), -1);
    ck_assert_int_eq(flow_next(s), -1);
    const int *path;
    ck_assert_uint_eq(flow_path(s, &path), 3);
    ck_assert_int_eq(path[0], 0);
    ck_assert_int_eq(path[1], 1);
    ck_assert_int_eq(path[2], 2);
    ck_assert_ptr_eq(flow_session_flow(s), f);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_back_keeps_answers)
{
    struct flow *f = load_data("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    const int *path;
    flow_select(s, 0);
    flow_next(s);
    flow_select(s, 1);
    flow_next(s);
    ck_assert_int_eq(flow_current(s), 2);
    ck_assert_int_eq(flow_back(s), 0);
    ck_assert_int_eq(flow_current(s), 1);
    ck_assert_uint_eq(flow_selected(s, 1), 2);
    ck_assert_uint_eq(flow_path(s, &path), 1);
    ck_assert_int_eq(flow_back(s), 0);
    ck_assert_int_eq(flow_current(s), 0);
    ck_assert_uint_eq(flow_selected(s, 0), 1);
    ck_assert_int_eq(flow_back(s), -1);
    /* Going on again with the same answers finds them kept. */
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_uint_eq(flow_selected(s, 1), 2);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), 2);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_change_drops_stale_path)
{
    struct flow *f = load_data("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    const int *path;
    int number, total;
    flow_select(s, 0);
    flow_next(s);
    flow_select(s, 0);
    flow_next(s);
    flow_select(s, 0);
    flow_next(s);
    ck_assert_int_eq(flow_current(s), -1);
    flow_back(s);
    flow_back(s);
    flow_back(s);
    /* Changing the answer without going on keeps the old answers... */
    flow_select(s, 1);
    ck_assert_uint_eq(flow_selected(s, 1), 1);
    flow_select(s, 0);
    flow_select(s, 1);
    /* ...going on forgets the question the new path skips. */
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), 2);
    ck_assert_uint_eq(flow_selected(s, 1), 0);
    ck_assert_uint_eq(flow_selected(s, 2), 1); /* still on the path: kept */
    ck_assert_uint_eq(flow_path(s, &path), 1);
    ck_assert_int_eq(path[0], 0);
    flow_position(s, &number, &total);
    ck_assert_int_eq(number, 2);
    ck_assert_int_eq(total, 2);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_uint_eq(flow_path(s, &path), 2);
    ck_assert_int_eq(path[1], 2);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_only_answers)
{
    struct flow *f = load_data("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    flow_select(s, 0);
    flow_next(s);
    ck_assert_int_eq(flow_select(s, 0), 0);
    ck_assert_int_eq(flow_select(s, 1), 0);
    ck_assert_uint_eq(flow_selected(s, 1), 3);
    ck_assert_int_eq(flow_select(s, 1), 0); /* toggles off */
    ck_assert_uint_eq(flow_selected(s, 1), 1);
    ck_assert_int_eq(flow_select(s, 2), 0); /* {only} clears the others */
    ck_assert_uint_eq(flow_selected(s, 1), 4);
    ck_assert_int_eq(flow_select(s, 1), 0); /* another answer clears {only} */
    ck_assert_uint_eq(flow_selected(s, 1), 2);
    ck_assert_int_eq(flow_select(s, 1), 0);
    ck_assert_uint_eq(flow_selected(s, 1), 0);
    ck_assert_int_eq(flow_next(s), -1);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_wipe)
{
    struct flow *f = load_data("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    flow_select(s, 0);
    flow_next(s);
    flow_select(s, 1);
    flow_session_wipe(s);
    ck_assert_int_eq(flow_current(s), 0);
    for (int q = 0; q < 3; q++)
        ck_assert_uint_eq(flow_selected(s, q), 0);
    const int *path;
    ck_assert_uint_eq(flow_path(s, &path), 0);
    ck_assert_uint_eq(flow_selected(s, 7), 0);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_switch_language)
{
    struct flow *en = load_data("flows/walk.md");
    struct flow *es = load_data("flows/walk-es.md");
    struct flow *other = load_data("flows/walk-other.md");
    struct flow_session *s = flow_session_new(en);
    flow_select(s, 0);
    flow_next(s);
    flow_select(s, 1);
    ck_assert_int_eq(flow_session_set_flow(s, other), -1);
    ck_assert_ptr_eq(flow_session_flow(s), en);
    ck_assert_int_eq(flow_session_set_flow(s, es), 0);
    ck_assert_ptr_eq(flow_session_flow(s), es);
    ck_assert_int_eq(flow_current(s), 1);
    ck_assert_uint_eq(flow_selected(s, 1), 2);
    ck_assert_int_eq(flow_next(s), 0);
    ck_assert_int_eq(flow_current(s), 2);
    flow_session_free(s);
    flow_free(en);
    flow_free(es);
    flow_free(other);
}
END_TEST

/* ---- --summary answer specs ---- */

START_TEST(test_answers_spec)
{
    struct flow *f = load_bundled();
    struct flow_session *s = flow_session_new(f);
    char err[256];
    const int *path;
    ck_assert_int_eq(flow_answers_parse(f,
                                        "safety=2, treatment=1,antidepressant=1,"
                                        "which-antidepressant=1+8,antidepressant-change=1",
                                        s, err, sizeof err),
                     0);
    ck_assert_str_eq(err, "");
    ck_assert_int_eq(flow_current(s), flow_find(f, "anxiety-sleep"));
    ck_assert_uint_eq(flow_path(s, &path), 5);
    ck_assert_uint_eq(flow_selected(s, flow_find(f, "which-antidepressant")), 1u | 1u << 7);
    ck_assert_int_eq(flow_answers_parse(f, "", s, err, sizeof err), 0);
    ck_assert_int_eq(flow_current(s), 0);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

static const struct {
    const char *spec, *message;
} bad_specs[] = {
    {"safety=2,nosuch=1", "unknown question id \"nosuch\""},
    {"safety=4", "question \"safety\" has 3 answers; 4 is not one of them"},
    {"safety=0", "question \"safety\" has 3 answers; 0 is not one of them"},
    {"safety", "expected id=choice at \"safety\""},
    {"safety=", "expected id=choice at \"safety=\""},
    {"safety=1+", "expected id=choice at \"safety=1+\""},
    {"safety=x", "expected id=choice at \"safety=x\""},
    {"safety=1+2", "question \"safety\" takes one answer"},
    {"safety=2,safety=2", "question \"safety\" is answered twice"},
    {"safety=2,treatment=1,antidepressant=2,which-antidepressant=1",
     "question \"which-antidepressant\" is not on the path these answers take"},
    {"safety=2,treatment=1,antidepressant=1,which-antidepressant=1+13",
     "question \"which-antidepressant\": answer 13 (\"Not sure which one\") cannot be combined "
     "with other answers"},
    {"safety=2,adhd=1", "question \"adhd\" is not on the path these answers take"},
};

START_TEST(test_answers_spec_errors)
{
    struct flow *f = load_bundled();
    struct flow_session *s = flow_session_new(f);
    char err[256];
    ck_assert_int_eq(flow_answers_parse(f, bad_specs[_i].spec, s, err, sizeof err), -1);
    ck_assert_str_eq(err, bad_specs[_i].message);
    /* A refused spec leaves nothing behind. */
    ck_assert_int_eq(flow_current(s), 0);
    ck_assert_uint_eq(flow_selected(s, 0), 0);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

Suite *flow_session_suite(void)
{
    Suite *suite = suite_create("flow_session");
    TCase *tc = tcase_create("session");
    tcase_add_test(tc, test_walk);
    tcase_add_test(tc, test_back_keeps_answers);
    tcase_add_test(tc, test_change_drops_stale_path);
    tcase_add_test(tc, test_only_answers);
    tcase_add_test(tc, test_wipe);
    tcase_add_test(tc, test_switch_language);
    tcase_add_test(tc, test_answers_spec);
    tcase_add_loop_test(tc, test_answers_spec_errors, 0,
                        (int)(sizeof bad_specs / sizeof bad_specs[0]));
    suite_add_tcase(suite, tc);
    return suite;
}
