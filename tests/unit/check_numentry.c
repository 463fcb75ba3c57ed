/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_numentry.c: typed numbers of one or two digits (core/numentry.c). */
#include "config.h"

#include "suites.h"
#include "core/numentry.h"

/* 1 then 3 on 14 items is 13: the 1 waits, the 3 ends it. */
START_TEST(t_two_digits)
{
    struct numentry n = {0};
    ck_assert_int_eq(numentry_digit(&n, 1, 14), NUMENTRY_WAIT);
    ck_assert_int_eq(numentry_digit(&n, 3, 14), NUMENTRY_DONE);
    ck_assert_uint_eq(numentry_end(&n), 13);
    ck_assert_uint_eq(n.value, 0);
    ck_assert_int_eq(numentry_digit(&n, 1, 14), NUMENTRY_WAIT);
    ck_assert_int_eq(numentry_digit(&n, 0, 14), NUMENTRY_DONE);
    ck_assert_uint_eq(numentry_end(&n), 10);
}
END_TEST

/* Enter or the pause ends a number that could still grow. */
START_TEST(t_end_early)
{
    struct numentry n = {0};
    ck_assert_int_eq(numentry_digit(&n, 1, 11), NUMENTRY_WAIT);
    ck_assert_uint_eq(numentry_end(&n), 1);
    ck_assert_uint_eq(numentry_end(&n), 0); /* nothing typed */
}
END_TEST

/* A digit no longer number can start is whole at once. */
START_TEST(t_at_once)
{
    struct numentry n = {0};
    ck_assert_int_eq(numentry_digit(&n, 2, 14), NUMENTRY_DONE);
    ck_assert_uint_eq(numentry_end(&n), 2);
    ck_assert_int_eq(numentry_digit(&n, 1, 9), NUMENTRY_DONE); /* nine items: no 1x */
    ck_assert_uint_eq(numentry_end(&n), 1);
    ck_assert_int_eq(numentry_digit(&n, 2, 20), NUMENTRY_WAIT); /* 20 exists */
    ck_assert_int_eq(numentry_digit(&n, 0, 20), NUMENTRY_DONE);
    ck_assert_uint_eq(numentry_end(&n), 20);
    ck_assert_int_eq(numentry_digit(&n, 1, 10), NUMENTRY_WAIT);
    ck_assert_int_eq(numentry_digit(&n, 0, 10), NUMENTRY_DONE);
    ck_assert_uint_eq(numentry_end(&n), 10);
}
END_TEST

/* No such item: nothing is chosen, never a guess at a shorter number. */
START_TEST(t_no_such_item)
{
    struct numentry n = {0};
    ck_assert_int_eq(numentry_digit(&n, 0, 14), NUMENTRY_NONE);
    ck_assert_int_eq(numentry_digit(&n, 5, 4), NUMENTRY_NONE);
    ck_assert_int_eq(numentry_digit(&n, 1, 14), NUMENTRY_WAIT);
    ck_assert_int_eq(numentry_digit(&n, 7, 14), NUMENTRY_NONE);
    ck_assert_uint_eq(numentry_end(&n), 0);
    ck_assert_int_eq(numentry_digit(&n, 3, 0), NUMENTRY_NONE);
    ck_assert_int_eq(numentry_digit(&n, 10, 14), NUMENTRY_NONE);
    ck_assert_int_eq(numentry_digit(&n, -1, 14), NUMENTRY_NONE);
}
END_TEST

Suite *numentry_suite(void)
{
    Suite *s = suite_create("numentry");
    TCase *tc = tcase_create("digits");
    tcase_add_test(tc, t_two_digits);
    tcase_add_test(tc, t_end_early);
    tcase_add_test(tc, t_at_once);
    tcase_add_test(tc, t_no_such_item);
    suite_add_tcase(s, tc);
    return s;
}
