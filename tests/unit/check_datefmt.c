/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_datefmt.c: long dates in the UI language (datefmt.c): the pattern
 * rules, and the real catalogs' English, Spanish and Chinese dates. */
#include "config.h"

#include "suites.h"
#include "core/datefmt.h"
#include "core/i18n.h"

#include <stdlib.h>
#include <string.h>

static const char *const en_months[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static struct tm day(int y, int m, int d)
{
    return (struct tm){
        .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 9, .tm_min = 5};
}

START_TEST(pattern_rules)
{
    char buf[64];
    struct tm t = day(2026, 12, 3);
    ck_assert_int_eq(datefmt_with(&t, "%1$s %2$d, %3$d", en_months, buf, sizeof buf), 16);
    ck_assert_str_eq(buf, "December 3, 2026");
    /* Any order; %% is a percent sign. */
    ck_assert_int_ge(datefmt_with(&t, "%3$d/%2$d %1$s 100%%", en_months, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "2026/3 December 100%");
    /* A mistyped pattern fails instead of reading arguments that are not there. */
    const char *bad[] = {"%s %d", "%1$d", "%4$d", "%", "%2$s"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(datefmt_with(&t, bad[i], en_months, buf, sizeof buf), -1);
        ck_assert_str_eq(buf, "");
    }
    /* Too small a buffer, and dates out of range. */
    ck_assert_int_eq(datefmt_with(&t, "%1$s %2$d, %3$d", en_months, buf, 16), -1);
    ck_assert_str_eq(buf, "");
    struct tm no_month = day(2026, 13, 1), no_day = day(2026, 1, 0);
    ck_assert_int_eq(datefmt_with(&no_month, "%1$s", en_months, buf, sizeof buf), -1);
    ck_assert_int_eq(datefmt_with(&no_day, "%2$d", en_months, buf, sizeof buf), -1);
}
END_TEST

/* The dates the summary prints, from the catalogs the tests build. */
START_TEST(dates_per_language)
{
    ck_assert_msg(getenv("KIOSK_LOCALEDIR") != NULL, "KIOSK_LOCALEDIR is not set: run make check");
    i18n_init();
    static const struct {
        const char *lang, *date, *with_time, *iso;
    } cases[] = {
        {"en", "December 3, 2026", "December 3, 2026 09:05", "November 28, 2026"},
        {"es", "3 de diciembre de 2026", "3 de diciembre de 2026 09:05", "28 de noviembre de 2026"},
        {"zh", "2026年12月3日", "2026年12月3日 09:05", "2026年11月28日"},
    };
    char buf[128];
    struct tm t = day(2026, 12, 3);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        i18n_set_language(cases[i].lang);
        ck_assert_int_ge(datefmt_long(&t, buf, sizeof buf), 0);
        ck_assert_str_eq(buf, cases[i].date);
        ck_assert_int_ge(datefmt_long_time(&t, buf, sizeof buf), 0);
        ck_assert_str_eq(buf, cases[i].with_time);
        ck_assert_int_ge(datefmt_iso_long("2026-11-28", buf, sizeof buf), 0);
        ck_assert_str_eq(buf, cases[i].iso);
    }
    /* Metadata that is not a date is kept as the clinic wrote it. */
    ck_assert_int_eq(datefmt_iso_long("spring 2026", buf, sizeof buf), -1);
    ck_assert_str_eq(buf, "spring 2026");
    ck_assert_int_eq(datefmt_iso_long("2026-13-01", buf, sizeof buf), -1);
    ck_assert_str_eq(buf, "2026-13-01");
    i18n_set_language("en");
}
END_TEST

Suite *datefmt_suite(void)
{
    Suite *suite = suite_create("datefmt");
    TCase *tc = tcase_create("datefmt");
    tcase_add_test(tc, pattern_rules);
    tcase_add_test(tc, dates_per_language);
    suite_add_tcase(suite, tc);
    return suite;
}
