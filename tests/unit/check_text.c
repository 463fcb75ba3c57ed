/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_text.c: UTF-8 decoding, cell widths, break opportunities, search. */
#include "config.h"

#include "suites.h"
#include "core/text.h"

#include <linebreak.h>
#include <stdio.h>
#include <stdlib.h>
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

/* text_width() and text_char_width() skip wcwidth() for ASCII. */
START_TEST(clean_drops_what_a_terminal_would_obey)
{
    static const char in[] = "a\x1b]52;c;QQ==\x07"
                             "b\xc2\x9b"
                             "2J\xe2\x80\xae"
                             "c\td\xff\n\xe2\x81\xa6"
                             "e\xf0\x9f\x87\xba\xf0\x9f\x87\xb8";
    char out[3 * sizeof in + 1];
    size_t n = text_clean(out, in, sizeof in - 1);
    ck_assert_str_eq(out, "a]52;c;QQ==b2Jc d\xef\xbf\xbd\neUS");
    ck_assert_uint_eq(n, strlen(out));
}
END_TEST

START_TEST(ascii_widths_match_wcwidth)
{
    for (int c = 1; c < 0x80; c++) {
        char ch = (char)c;
        int want = c == '\t' ? 1 : text_is_control(c) || c == '\n' ? 0 : wcwidth((wchar_t)c);
        ck_assert_int_eq(text_char_width((wchar_t)c), want);
        ck_assert_uint_eq(text_width(&ch, 1), (size_t)want);
    }
    ck_assert_uint_eq(text_width("a\tb\nc\x7F", 6), 4);
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

/* text_breaks() must give exactly what libunibreak gives for the whole text:
 * it has a fast path for ASCII letters, digits and spaces, and hands the rest
 * to libunibreak in stretches. */
static const char *const break_langs[] = {NULL, "en", "es", "zh", "ja", "ko", "de", "fr", "ru"};

static void breaks_match(const char *s, size_t len, const char *lang)
{
    char fast[256], whole[256];
    ck_assert_uint_le(len, sizeof fast);
    memset(fast, 'x', sizeof fast);
    memset(whole, 'x', sizeof whole);
    text_breaks(s, len, lang, fast);
    set_linebreaks_utf8((const utf8_t *)s, len, lang, whole);
    if (memcmp(fast, whole, sizeof fast) != 0) {
        char shown[1024], *p = shown;
        for (size_t i = 0; i < len && p < shown + sizeof shown - 8; i++)
            p += snprintf(p, 8, (unsigned char)s[i] >= 0x20 && s[i] < 0x7F ? "%c" : "\\x%02X",
                          (unsigned char)s[i]);
        *p = '\0';
        for (size_t i = 0; i < len; i++)
            ck_assert_msg(fast[i] == whole[i], "\"%s\" (%s): byte %zu: %d, libunibreak %d", shown,
                          lang ? lang : "no language", i, fast[i], whole[i]);
    }
}

/* Every string of up to four symbols from this set (one byte or a whole
 * character each), in every language. */
START_TEST(breaks_fast_path_short_strings)
{
    static const char *const sym[] = {"a", "Z", "7",  " ",  ".",  ",",        "-",
                                      "(", ")", "'",  "\"", "/",  "!",        "\n",
                                      "%", "$", "\t", "é",  "中", "\xCC\x81", "\xE2\x80\x9C"};
    enum { NSYM = sizeof sym / sizeof *sym };
    init_linebreak();
    for (size_t n = 1; n <= 4; n++) {
        size_t total = 1;
        for (size_t i = 0; i < n; i++)
            total *= NSYM;
        for (size_t k = 0; k < total; k++) {
            char buf[32];
            size_t len = 0;
            for (size_t i = 0, v = k; i < n; i++, v /= NSYM) {
                memcpy(buf + len, sym[v % NSYM], strlen(sym[v % NSYM]));
                len += strlen(sym[v % NSYM]);
            }
            breaks_match(buf, len, break_langs[k % 9]);
        }
    }
}
END_TEST

/* Longer generated strings: mostly words and spaces (the fast path) with
 * ASCII punctuation, quotes, brackets, hyphens, slashes, controls, other
 * scripts, combining marks and invalid UTF-8 among them. */
START_TEST(breaks_fast_path_generated_text)
{
    static const char *const other[] = {"é",
                                        "ñ",
                                        "中文",
                                        "。",
                                        "\xCC\x81",
                                        "\xC2\xA0",
                                        "\xE2\x80\x8B",
                                        "\xE2\x80\x9D",
                                        "\xEF\xBF\xBC",
                                        "\xC3",
                                        "\xE8\x8D",
                                        "\xFF",
                                        "\x80",
                                        "\xF0\x9F\x98\x80"};
    static const char punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    init_linebreak();
    unsigned seed = 14;
    for (int round = 0; round < 40000; round++) {
        char buf[200];
        size_t len = 0, want = 1 + (size_t)(rand_r(&seed) % 120);
        int mix = round % 4; /* 0: ASCII only, 1: no controls, 2-3: anything */
        while (len < want) {
            int r = rand_r(&seed) % 100;
            if (r < 40) {
                buf[len++] = "etaoinshrdluETAOIN0123456789"[rand_r(&seed) % 28];
            } else if (r < 65) {
                buf[len++] = ' ';
            } else if (r < 85) {
                buf[len++] = punct[rand_r(&seed) % (sizeof punct - 1)];
            } else if (r < 90 && mix >= 2) {
                buf[len++] = (char)(1 + rand_r(&seed) % 0x7F); /* controls, newlines, tabs */
            } else if (r < 100 && mix >= 1) {
                const char *o = other[rand_r(&seed) % (sizeof other / sizeof *other)];
                memcpy(buf + len, o, strlen(o));
                len += strlen(o);
            } else {
                buf[len++] = (char)(0x20 + rand_r(&seed) % 0x5F);
            }
        }
        breaks_match(buf, len, break_langs[round % 9]);
    }
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

START_TEST(find_ignores_accents)
{
    size_t len;
    /* Typed without the accent, found with it; the match is the page's own
     * bytes, accent and all. */
    const char *hay = "La medicación y el corazón";
    ck_assert_int_eq(text_find(hay, strlen(hay), 0, "medicacion", &len), 3);
    ck_assert_uint_eq(len, strlen("medicación"));
    ck_assert_int_eq(text_find(hay, strlen(hay), 0, "CORAZON", &len), 20);
    ck_assert_uint_eq(len, strlen("corazón"));
    /* The accent as a combining mark after the letter (NFD): part of the match. */
    const char *nfd = "una decisio\xcc\x81n final";
    ck_assert_int_eq(text_find(nfd, strlen(nfd), 0, "decisión", &len), 4);
    ck_assert_uint_eq(len, strlen("decisio\xcc\x81n"));
    ck_assert_int_eq(text_find(nfd, strlen(nfd), 0, "decisio", &len), 4);
    ck_assert_uint_eq(len, strlen("decisio\xcc\x81"));
    /* Typed with an accent the page lacks. */
    ck_assert_int_eq(text_find("Mas info", 8, 0, "más", &len), 0);
    /* Full case folding and compatibility forms. */
    const char *de = "Die Straße";
    ck_assert_int_eq(text_find(de, strlen(de), 0, "STRASSE", &len), 4);
    ck_assert_uint_eq(len, strlen("Straße"));
    const char *wide = "服用\xef\xbc\xb3\xef\xbc\xb3\xef\xbc\xb2\xef\xbc\xa9类药物";
    ck_assert_int_eq(text_find(wide, strlen(wide), 0, "ssri", &len), 6);
    ck_assert_uint_eq(len, 12);
    /* Chinese has no case: found as written. */
    const char *zh = "氯胺酮和抗抑郁药";
    ck_assert_int_eq(text_find(zh, strlen(zh), 0, "抗抑郁", &len), 12);
    ck_assert_uint_eq(len, 9);
    ck_assert_int_eq(text_find(zh, strlen(zh), 0, "\xcc\x81", &len), -1);
}
END_TEST

Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decode_valid_and_invalid);
    tcase_add_test(tc, widths_in_cells);
    tcase_add_test(tc, ascii_widths_match_wcwidth);
    tcase_add_test(tc, clean_drops_what_a_terminal_would_obey);
    tcase_add_test(tc, breaks_follow_uax14);
    tcase_add_test(tc, find_ignores_case);
    tcase_add_test(tc, find_ignores_accents);
    suite_add_tcase(s, tc);
    TCase *brk = tcase_create("breaks");
    tcase_set_timeout(brk, 60); /* a few seconds under valgrind or sanitizers */
    tcase_add_test(brk, breaks_fast_path_short_strings);
    tcase_add_test(brk, breaks_fast_path_generated_text);
    suite_add_tcase(s, brk);
    return s;
}
