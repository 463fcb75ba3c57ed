/* check_text.c: UTF-8 decoding, cell widths, break opportunities, search. */
#include "config.h"

#include "suites.h"
#include "core/text.h"

#include <string.h>

START_TEST(decode_valid_and_invalid)
{
    wchar_t wc;
    ck_assert_uint_eq(text_decode("a", 1, &wc), 1);
    ck_assert_int_eq(wc, 'a');
    ck_assert_uint_eq(text_decode("\xC3\xA9", 2, &wc), 2);
    ck_assert_int_eq(wc, 0xE9);
    ck_assert_uint_eq(text_decode("\xE8\x8D\xAF", 3, &wc), 3);
    ck_assert_int_eq(wc, 0x836F);
    /* Invalid, overlong, truncated and surrogate sequences use one byte. */
    ck_assert_uint_eq(text_decode("\xFF", 1, &wc), 1);
    ck_assert_int_eq(wc, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xC0\xAF", 2, &wc), 1);
    ck_assert_int_eq(wc, 0xFFFD);
    ck_assert_uint_eq(text_decode("\xE8\x8D", 2, &wc), 1);
    ck_assert_uint_eq(text_decode("\xED\xA0\x80", 3, &wc), 1);
    ck_assert_int_eq(wc, 0xFFFD);
}
END_TEST

START_TEST(widths_in_cells)
{
    ck_assert_uint_eq(text_width("abc", 3), 3);
    ck_assert_uint_eq(text_width("Información", strlen("Información")), 11);
    ck_assert_uint_eq(text_width("e\xCC\x81", 3), 1); /* e + combining acute */
    ck_assert_uint_eq(text_width("药物", strlen("药物")), 4);
    ck_assert_uint_eq(text_width("a\x1b[31mb", 7), 6); /* ESC has no width */
    ck_assert_int_eq(text_is_control(0x1b), 1);
    ck_assert_int_eq(text_is_control(0x9b), 1);   /* C1 CSI */
    ck_assert_int_eq(text_is_control(0x202E), 1); /* right-to-left override */
    ck_assert_int_eq(text_is_control('a'), 0);
    ck_assert_int_eq(text_is_noncharacter(0xFFFF), 1);
    ck_assert_int_eq(text_is_noncharacter(0xFFFE), 1);
    ck_assert_int_eq(text_is_noncharacter(0x10FFFF), 1);
    ck_assert_int_eq(text_is_noncharacter(0xFDD0), 1);
    ck_assert_int_eq(text_is_noncharacter(0xFFFD), 0);
}
END_TEST

START_TEST(breaks_follow_uax14)
{
    const char *en = "ask your team";
    char brks[32];
    text_breaks(en, strlen(en), "en", brks);
    ck_assert_int_eq(brks[3], TEXT_BREAK_ALLOW); /* after "ask " */
    ck_assert_int_eq(brks[1], TEXT_BREAK_NO);    /* inside "ask" */
    const char *zh = "药物。好";                 /* no break before the full stop */
    text_breaks(zh, strlen(zh), "zh", brks);
    ck_assert_int_eq(brks[0], TEXT_BREAK_INSIDE);
    ck_assert_int_eq(brks[2], TEXT_BREAK_ALLOW); /* between 药 and 物 */
    ck_assert_int_eq(brks[5], TEXT_BREAK_NO);    /* between 物 and 。 */
    ck_assert_int_eq(brks[8], TEXT_BREAK_ALLOW); /* after 。 */
}
END_TEST

START_TEST(find_ignores_case)
{
    size_t len;
    const char *hay = "Ask about INFORMACIÓN and más";
    ck_assert_int_eq(text_find(hay, strlen(hay), 0, "información", &len), 10);
    ck_assert_uint_eq(len, strlen("INFORMACIÓN"));
    ck_assert_int_eq(text_find(hay, strlen(hay), 0, "MÁS", &len), 27);
    ck_assert_int_eq(text_find(hay, strlen(hay), 11, "informa", &len), -1);
    ck_assert_int_eq(text_find(hay, strlen(hay), 0, "", &len), -1);
}
END_TEST

Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decode_valid_and_invalid);
    tcase_add_test(tc, widths_in_cells);
    tcase_add_test(tc, breaks_follow_uax14);
    tcase_add_test(tc, find_ignores_case);
    suite_add_tcase(s, tc);
    return s;
}
