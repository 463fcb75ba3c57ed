/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_handout_wire.c: the handout request as bytes (handout_wire.c): a
 * round trip of two sides keeps every string, NULL and list; a request cut
 * anywhere, one with bytes after it, a bad count or length, and one bigger
 * than HANDOUT_WIRE_MAX_BYTES are refused. */
#include "config.h"

#include "suites.h"
#include "core/handout_wire.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const boxed[] = {"Urgent", "Tell your care team", NULL};
static const char *const ticked[] = {"Points to discuss", NULL};
static const char *const none[] = {NULL};

static const struct handout_side sides[2] = {
    {.md = "# Summary\n\n- one\n",
     .lang = "en",
     .title = "Riverside",
     .footer = "Not advice.",
     .name_line = "Name:",
     .dob_line = "Date of birth:",
     .boxed = boxed,
     .ticked = ticked},
    {.md = "# Resumen\n\n- uno \xc3\xb1\n", .lang = "es", .boxed = none},
};

static void same_str(const char *a, const char *b)
{
    if (!a || !b)
        ck_assert_ptr_eq(a, b);
    else
        ck_assert_str_eq(a, b);
}

static void same_list(const char *const *a, const char *const *b)
{
    if (!a || !b) {
        ck_assert_ptr_eq(a, b);
        return;
    }
    size_t i = 0;
    for (; a[i] && b[i]; i++)
        ck_assert_str_eq(a[i], b[i]);
    ck_assert_ptr_null(a[i]);
    ck_assert_ptr_null(b[i]);
}

START_TEST(round_trip)
{
    struct handout h = {.paper = HANDOUT_A4, .sides = sides, .side_count = 2};
    size_t len = 0;
    unsigned char *buf = handout_wire_encode(&h, &len);
    ck_assert_ptr_nonnull(buf);
    struct handout_wire w;
    ck_assert_int_eq(handout_wire_decode(buf, len, &w), 0);
    ck_assert_int_eq(w.h.paper, HANDOUT_A4);
    ck_assert_uint_eq(w.h.side_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const struct handout_side *a = &sides[i], *b = &w.h.sides[i];
        same_str(a->md, b->md);
        same_str(a->lang, b->lang);
        same_str(a->title, b->title);
        same_str(a->footer, b->footer);
        same_str(a->name_line, b->name_line);
        same_str(a->dob_line, b->dob_line);
        same_list(a->boxed, b->boxed);
        same_list(a->ticked, b->ticked);
    }
    handout_wire_clear(&w);
    ck_assert_ptr_null(w.store);
    handout_wire_clear(&w); /* twice is fine */
    handout_free(buf, len);
}
END_TEST

START_TEST(truncated_or_longer)
{
    struct handout h = {.paper = HANDOUT_LETTER, .sides = sides, .side_count = 2};
    size_t len = 0;
    unsigned char *buf = handout_wire_encode(&h, &len);
    ck_assert_ptr_nonnull(buf);
    struct handout_wire w;
    for (size_t n = 0; n < len; n++)
        ck_assert_msg(handout_wire_decode(buf, n, &w) < 0, "cut at %zu of %zu accepted", n, len);
    unsigned char *more = malloc(len + 1);
    memcpy(more, buf, len);
    more[len] = 0;
    ck_assert_int_lt(handout_wire_decode(more, len + 1, &w), 0);
    /* No sides, three sides, an unknown paper, a string longer than what follows. */
    memcpy(more, buf, len);
    more[8] = 0;
    ck_assert_int_lt(handout_wire_decode(more, len, &w), 0);
    more[8] = 3;
    ck_assert_int_lt(handout_wire_decode(more, len, &w), 0);
    memcpy(more, buf, len);
    more[4] = 7;
    ck_assert_int_lt(handout_wire_decode(more, len, &w), 0);
    memcpy(more, buf, len);
    more[15] = 0x7f; /* the first side's md: 2 GiB long */
    ck_assert_int_lt(handout_wire_decode(more, len, &w), 0);
    memcpy(more, buf, len);
    ck_assert_int_eq(handout_wire_decode(more, len, &w), 0);
    handout_wire_clear(&w);
    free(more);
    handout_free(buf, len);
}
END_TEST

START_TEST(oversize_refused)
{
    size_t big = (size_t)HANDOUT_WIRE_MAX_BYTES + 1;
    char *md = malloc(big);
    ck_assert_ptr_nonnull(md);
    memset(md, 'a', big - 1);
    md[big - 1] = '\0';
    struct handout_side side = {.md = md};
    struct handout h = {.paper = HANDOUT_LETTER, .sides = &side, .side_count = 1};
    size_t len = 1;
    ck_assert_ptr_null(handout_wire_encode(&h, &len));
    ck_assert_uint_eq(len, 0);
    struct handout_wire w;
    ck_assert_int_lt(handout_wire_decode((const unsigned char *)md, big, &w), 0);
    ck_assert_ptr_null(w.store);
    free(md);
    /* Nothing to send: no side, or a NULL md. */
    h.side_count = 0;
    ck_assert_ptr_null(handout_wire_encode(&h, &len));
    side.md = NULL;
    h.side_count = 1;
    ck_assert_ptr_null(handout_wire_encode(&h, &len));
}
END_TEST

Suite *handout_wire_suite(void)
{
    Suite *s = suite_create("handout_wire");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, truncated_or_longer);
    tcase_add_test(tc, oversize_refused);
    suite_add_tcase(s, tc);
    return s;
}
