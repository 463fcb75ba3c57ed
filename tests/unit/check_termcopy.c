/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_termcopy.c: the terminal's DA1 reply (core/termcaps.c, through the
 * key decoder as it arrives) and the take-home payloads (core/termcopy.c):
 * base64 round trips, control characters stripped, the OSC 52 and media
 * copy framing. */
#include "config.h"

#include "suites.h"
#include "core/keyseq.h"
#include "core/termcaps.h"
#include "core/termcopy.h"
#include "core/wipe.h"

#include <stdlib.h>
#include <string.h>

#define P  TERMCAPS_PRINTER
#define CB TERMCAPS_CLIPBOARD

/* What real terminals answer to ESC [ c, and what each offers. */
static const struct {
    const char *terminal, *reply;
    int caps;
} replies[] = {
    {"xterm (decTerminalID 420)", "\033[?64;1;2;6;9;15;16;17;18;21;22;28c", P},
    {"xterm 370+ (VT525, with OSC 52)", "\033[?65;1;2;6;9;15;16;17;18;21;22;28;29;52c", P | CB},
    {"xterm (VT100 default)", "\033[?1;2c", 0},
    {"VT220", "\033[?62;1;2;6;7;8;9c", P},
    {"VT320 without a printer", "\033[?63;1;6;8c", 0},
    {"a terminal with the clipboard only", "\033[?62;22;52c", CB},
    {"PuTTY", "\033[?6c", 0},
    {"rxvt", "\033[?1;2c", 0},
    {"linux console", "\033[?6c", 0},
    {"VT100 with AVO (2 is not a printer here)", "\033[?1;2c", 0},
    {"the test's own proxy", "\033[?64;2;52c", P | CB},
    {"a class out of range", "\033[?70;2;52c", 0},
    {"garbage in the numbers", "\033[?64;2:1;52c", 0},
    {"a sub-parameter", "\033[?64;2;52:1c", 0},
    {"an empty reply", "\033[?c", 0},
    {"empty fields", "\033[?64;;2;;c", P},
    {"a huge number", "\033[?64;99999999999999999;2c", P},
};

START_TEST(t_da1_replies)
{
    for (size_t i = 0; i < sizeof replies / sizeof replies[0]; i++) {
        struct keyseq_event ev[4];
        const char *r = replies[i].reply;
        size_t n = keyseq_decode(r, strlen(r), ev, 4);
        ck_assert_msg(n == 1, "%s: %zu events, not one", replies[i].terminal, n);
        ck_assert_msg(ev[0].key == KEYSEQ_DA1, "%s: not taken as a DA1 reply (%d)",
                      replies[i].terminal, ev[0].key);
        ck_assert_msg(ev[0].caps == replies[i].caps, "%s: caps %d, not %d", replies[i].terminal,
                      ev[0].caps, replies[i].caps);
    }
}
END_TEST

START_TEST(t_da1_not_keys)
{
    /* The reply between two keys is swallowed whole, never read as keys. */
    const char *bytes = "a\033[?64;2;52cb\033[A";
    struct keyseq_event ev[8];
    size_t n = keyseq_decode(bytes, strlen(bytes), ev, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(ev[0].key, KEYSEQ_BYTE);
    ck_assert_int_eq(ev[1].key, KEYSEQ_DA1);
    ck_assert_int_eq(ev[2].key, KEYSEQ_BYTE);
    ck_assert_int_eq(ev[2].ch, 'b');
    ck_assert_int_eq(ev[3].key, KEYSEQ_UP);
    /* Other replies ending in c are not DA1: DA2 is dropped, a key is a key. */
    ck_assert_int_eq(termcaps_da1(">41;380;0", 'c'), -1);
    ck_assert_int_eq(termcaps_da1("?64;2;52", 'R'), -1);
    ck_assert_int_eq(termcaps_da1("64;2;52", 'c'), -1);
    ck_assert_int_eq(termcaps_da1(NULL, 'c'), -1);
    n = keyseq_decode("\033[>41;380;0c", 12, ev, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(ev[0].key, KEYSEQ_DROPPED);
    /* A reply longer than the decoder keeps is dropped whole, caps 0. */
    char longer[256] = "\033[?64";
    for (int i = 0; i < 40; i++)
        strcat(longer, ";52");
    strcat(longer, "c");
    n = keyseq_decode(longer, strlen(longer), ev, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_ne(ev[0].key, KEYSEQ_DA1);
}
END_TEST

/* RFC 4648's decoding, for the round trip: -1 for a bad character. */
static int b64_value(int c)
{
    const char *abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c ? strchr(abc, c) : NULL;
    return p ? (int)(p - abc) : -1;
}

static size_t b64_decode(const char *in, unsigned char *out)
{
    size_t n = 0, len = strlen(in);
    ck_assert_uint_eq(len % 4, 0);
    for (size_t i = 0; i < len; i += 4) {
        unsigned v = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            int d = in[i + k] == '=' ? (pad++, 0) : b64_value(in[i + k]);
            ck_assert_int_ge(d, 0);
            v = v << 6 | (unsigned)d;
        }
        out[n++] = (unsigned char)(v >> 16);
        if (pad < 2)
            out[n++] = (unsigned char)(v >> 8);
        if (pad < 1)
            out[n++] = (unsigned char)v;
    }
    return n;
}

START_TEST(t_base64)
{
    static const char *const vectors[][2] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        char *b = termcopy_base64(vectors[i][0], strlen(vectors[i][0]));
        ck_assert_str_eq(b, vectors[i][1]);
        wipe_string(b);
    }
    /* Every byte value, every length up to 300: decodes to what went in. */
    unsigned char data[300], back[300];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 0; len <= sizeof data; len++) {
        char *b = termcopy_base64(data, len);
        ck_assert_ptr_nonnull(b);
        ck_assert_uint_eq(strlen(b), (len + 2) / 3 * 4);
        ck_assert_uint_eq(b64_decode(b, back), len);
        ck_assert_int_eq(memcmp(back, data, len), 0);
        wipe_string(b);
    }
}
END_TEST

START_TEST(t_clean)
{
    /* ESC, BEL, CR, backspace, DEL, C1 CSI (U+009B) and U+202E go; a raw
     * 0x9B (no UTF-8) is U+FFFD; accents and Chinese stay; a tab is a space. */
    const char *in = "- \xc2\xbfPuedo\033[2J manejar?\a\r\n- \xe8\xa1\x80\xe5\x8e\x8b\b\x7f"
                     "\xc2\x9b"
                     "31m\t\x9bok\xe2\x80\xae!\n";
    char *c = termcopy_clean(in, 0);
    ck_assert_str_eq(c, "- \xc2\xbfPuedo[2J manejar?\n- \xe8\xa1\x80\xe5\x8e\x8b"
                        "31m \xef\xbf\xbdok!\n");
    wipe_string(c);
    c = termcopy_clean(in, 1);
    ck_assert_str_eq(c, "- \xc2\xbfPuedo[2J manejar?\r\n- \xe8\xa1\x80\xe5\x8e\x8b"
                        "31m \xef\xbf\xbdok!\r\n");
    wipe_string(c);
}
END_TEST

START_TEST(t_osc52)
{
    const char *text = "Questions\n- Can I drive?\033]52;c;evil\a\n";
    char *o = termcopy_osc52(text);
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(strncmp(o, "\033]52;c;", 7), 0);
    size_t len = strlen(o);
    ck_assert_int_eq(o[len - 1], '\a');
    for (size_t i = 7; i + 1 < len; i++)
        ck_assert_msg(b64_value(o[i]) >= 0 || o[i] == '=', "not base64 at %zu", i);
    o[len - 1] = '\0';
    unsigned char back[128];
    size_t n = b64_decode(o + 7, back);
    back[n] = '\0';
    ck_assert_str_eq((char *)back, "Questions\n- Can I drive?]52;c;evil\n");
    wipe_string(o);
}
END_TEST

START_TEST(t_media)
{
    char *m = termcopy_media("Questions\n- Can I drive?\033[4i\033[?5i\n");
    ck_assert_str_eq(m, "\033[5iQuestions\r\n- Can I drive?[4i[?5i\r\n\f\033[4i");
    wipe_string(m);
}
END_TEST

Suite *termcopy_suite(void)
{
    Suite *s = suite_create("termcopy");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, t_da1_replies);
    tcase_add_test(tc, t_da1_not_keys);
    tcase_add_test(tc, t_base64);
    tcase_add_test(tc, t_clean);
    tcase_add_test(tc, t_osc52);
    tcase_add_test(tc, t_media);
    suite_add_tcase(s, tc);
    return s;
}
