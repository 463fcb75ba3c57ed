/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_urgent.c: the urgent page an answer opens (urgent.c: the content's
 * page, English's, or the built-in crisis text) and the release sign-off
 * (governance.c), with the review keys' old name kept working (content.c). */
#include "config.h"

#include "suites.h"
#include "core/content.h"
#include "core/governance.h"
#include "core/urgent.h"

#include <stdlib.h>
#include <string.h>

static char err[2048];

START_TEST(urgent_page_from_content)
{
    struct content *c =
        content_open(test_data_path("bad-content/missing-urgent-page"), "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    size_t len;
    int fell_back, builtin;
    char *text = urgent_text(c, "urgent-self-harm", &len, &fell_back, &builtin, err, sizeof err);
    ck_assert_str_eq(text, "# Help now\n\nTell the front desk staff now.\n");
    ck_assert_int_eq(builtin, 0);
    ck_assert_int_eq(fell_back, 0);
    free(text);
    content_close(c);
}
END_TEST

/* A page that cannot be read, no page named, or no content at all: the
 * patient still gets 988, 911 and the front desk. */
START_TEST(urgent_falls_back_to_builtin)
{
    struct content *c =
        content_open(test_data_path("bad-content/missing-urgent-page"), "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    const char *names[] = {"urgent-nowhere", "", NULL, "../../etc/passwd"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t len;
        int fell_back, builtin;
        char *text =
            urgent_text(i == 2 ? NULL : c, names[i], &len, &fell_back, &builtin, err, sizeof err);
        ck_assert_ptr_nonnull(text);
        ck_assert_int_eq(builtin, 1);
        ck_assert_uint_eq(len, strlen(text));
        ck_assert_ptr_nonnull(strstr(text, "988"));
        ck_assert_ptr_nonnull(strstr(text, "911"));
        ck_assert_ptr_nonnull(strstr(text, "front desk"));
        free(text);
    }
    content_close(c);
}
END_TEST

START_TEST(governance_states)
{
    size_t n;
    const char *const *keys = governance_keys(&n);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(keys[0], "reviewed-by");
    ck_assert_str_eq(keys[1], "review-date");
    ck_assert_str_eq(keys[2], "translated-by");
    ck_assert_int_eq(governance_state(NULL), GOVERNANCE_EMPTY);
    ck_assert_int_eq(governance_state(""), GOVERNANCE_EMPTY);
    ck_assert_int_eq(governance_state("  \t"), GOVERNANCE_EMPTY);
    ck_assert_int_eq(governance_state("Draft, awaiting sign-off"), GOVERNANCE_DRAFT);
    ck_assert_int_eq(governance_state("a DRAFT"), GOVERNANCE_DRAFT);
    ck_assert_int_eq(governance_state("Borrador, falta la aprobación"), GOVERNANCE_DRAFT);
    ck_assert_int_eq(governance_state("草稿，尚待审核"), GOVERNANCE_DRAFT);
    ck_assert_int_eq(governance_state("Dr A. Example, psychiatrist"), GOVERNANCE_OK);
    ck_assert_int_eq(governance_state("2026-12-01"), GOVERNANCE_OK);
    ck_assert_int_eq(governance_state("original English text"), GOVERNANCE_OK);
}
END_TEST

/* review-date and its old name last-reviewed give each other, and the
 * sign-off keys always exist, so their placeholders always fill. */
START_TEST(review_keys_and_their_old_name)
{
    struct content *c = content_open(test_data_path("content/minimal"), "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_int_eq(c->old_review_key, 1);
    ck_assert_str_eq(content_var(c, "review-date"), "2026-01-02");
    ck_assert_str_eq(content_var(c, "last-reviewed"), "2026-01-02");
    ck_assert_str_eq(content_var(c, "translated-by"), "");
    ck_assert_str_eq(content_var(c, "reviewed-by"), "");
    content_close(c);

    c = content_open(test_data_path("content/signed"), "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_int_eq(c->old_review_key, 0);
    size_t len;
    int fell_back;
    char *page = content_read_page(c, "one.md", &len, &fell_back, err, sizeof err);
    ck_assert_str_eq(page, "# One\n\nReviewed 2026-12-01 (2026-12-01) by Dr A. Example, "
                           "psychiatric pharmacist; original English text.\n");
    free(page);
    content_close(c);
}
END_TEST

Suite *urgent_suite(void)
{
    Suite *s = suite_create("urgent");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, urgent_page_from_content);
    tcase_add_test(tc, urgent_falls_back_to_builtin);
    tcase_add_test(tc, governance_states);
    tcase_add_test(tc, review_keys_and_their_old_name);
    suite_add_tcase(s, tc);
    return s;
}
