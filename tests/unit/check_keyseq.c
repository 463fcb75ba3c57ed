/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_keyseq.c: the escape-sequence grammar (core/keyseq.c), fed the bytes
 * real terminals send for their keys and mice. */
#include "config.h"

#include "suites.h"
#include "core/keyseq.h"

#include <string.h>

#define S KEYSEQ_SHIFT
#define A KEYSEQ_ALT
#define C KEYSEQ_CTRL

/* One key of one terminal: its bytes and what they must decode to. */
struct case_ {
    const char *terminal, *bytes;
    enum keyseq_key key;
    unsigned mods;
    int extra; /* fkey for KEYSEQ_FKEY, ch for KEYSEQ_CHAR */
};

static const struct case_ keys[] = {
    {"xterm Up (application)", "\033OA", KEYSEQ_UP, 0, 0},
    {"xterm Up (normal)", "\033[A", KEYSEQ_UP, 0, 0},
    {"xterm Down", "\033OB", KEYSEQ_DOWN, 0, 0},
    {"xterm Right", "\033OC", KEYSEQ_RIGHT, 0, 0},
    {"xterm Left", "\033[D", KEYSEQ_LEFT, 0, 0},
    {"xterm Home", "\033OH", KEYSEQ_HOME, 0, 0},
    {"xterm Home (normal)", "\033[H", KEYSEQ_HOME, 0, 0},
    {"xterm End", "\033OF", KEYSEQ_END, 0, 0},
    {"xterm End (normal)", "\033[F", KEYSEQ_END, 0, 0},
    {"xterm Ctrl-Up", "\033[1;5A", KEYSEQ_UP, C, 0},
    {"xterm Shift-Down", "\033[1;2B", KEYSEQ_DOWN, S, 0},
    {"xterm Ctrl-Shift-End", "\033[1;6F", KEYSEQ_END, C | S, 0},
    {"xterm Page Up", "\033[5~", KEYSEQ_PAGE_UP, 0, 0},
    {"xterm Page Down", "\033[6~", KEYSEQ_PAGE_DOWN, 0, 0},
    {"xterm Ctrl-Page Down", "\033[6;5~", KEYSEQ_PAGE_DOWN, C, 0},
    {"xterm Insert", "\033[2~", KEYSEQ_INSERT, 0, 0},
    {"xterm Delete", "\033[3~", KEYSEQ_DELETE, 0, 0},
    {"xterm Shift-Delete", "\033[3;2~", KEYSEQ_DELETE, S, 0},
    {"xterm F1", "\033OP", KEYSEQ_FKEY, 0, 1},
    {"xterm F4", "\033OS", KEYSEQ_FKEY, 0, 4},
    {"xterm F5", "\033[15~", KEYSEQ_FKEY, 0, 5},
    {"xterm F6", "\033[17~", KEYSEQ_FKEY, 0, 6},
    {"xterm F10", "\033[21~", KEYSEQ_FKEY, 0, 10},
    {"xterm F11", "\033[23~", KEYSEQ_FKEY, 0, 11},
    {"xterm F12", "\033[24~", KEYSEQ_FKEY, 0, 12},
    {"xterm Shift-F1", "\033[1;2P", KEYSEQ_FKEY, S, 1},
    {"xterm Ctrl-F5", "\033[15;5~", KEYSEQ_FKEY, C, 5},
    {"old xterm Shift-F1", "\033O2P", KEYSEQ_FKEY, S, 1},
    {"old xterm Ctrl-Up", "\033O5A", KEYSEQ_UP, C, 0},
    {"xterm Shift-Tab", "\033[Z", KEYSEQ_BACKTAB, 0, 0},
    {"xterm keypad 5", "\033[E", KEYSEQ_BEGIN, 0, 0},
    {"xterm keypad 5 (application)", "\033OE", KEYSEQ_BEGIN, 0, 0},
    {"xterm keypad Enter", "\033OM", KEYSEQ_ENTER, 0, 0},
    {"xterm keypad 7", "\033Ow", KEYSEQ_CHAR, 0, '7'},
    {"xterm Alt-Page Down (metaSendsEscape)", "\033\033[6~", KEYSEQ_PAGE_DOWN, A, 0},
    {"PuTTY Home", "\033[1~", KEYSEQ_HOME, 0, 0},
    {"PuTTY End", "\033[4~", KEYSEQ_END, 0, 0},
    {"PuTTY F1", "\033[11~", KEYSEQ_FKEY, 0, 1},
    {"PuTTY F4", "\033[14~", KEYSEQ_FKEY, 0, 4},
    {"PuTTY keypad 5", "\033[G", KEYSEQ_BEGIN, 0, 0},
    {"PuTTY keypad 0", "\033Op", KEYSEQ_CHAR, 0, '0'},
    {"PuTTY keypad 1", "\033Oq", KEYSEQ_CHAR, 0, '1'},
    {"PuTTY keypad 9", "\033Oy", KEYSEQ_CHAR, 0, '9'},
    {"PuTTY keypad -", "\033Om", KEYSEQ_CHAR, 0, '-'},
    {"PuTTY keypad .", "\033On", KEYSEQ_CHAR, 0, '.'},
    {"PuTTY keypad +", "\033Ok", KEYSEQ_CHAR, 0, '+'},
    {"rxvt Home", "\033[7~", KEYSEQ_HOME, 0, 0},
    {"rxvt End", "\033[8~", KEYSEQ_END, 0, 0},
    {"rxvt Shift-Insert", "\033[2$", KEYSEQ_INSERT, S, 0},
    {"rxvt Ctrl-Page Up", "\033[5^", KEYSEQ_PAGE_UP, C, 0},
    {"rxvt Ctrl-Shift-Page Down", "\033[6@", KEYSEQ_PAGE_DOWN, C | S, 0},
    {"rxvt Shift-Up", "\033[a", KEYSEQ_UP, S, 0},
    {"rxvt Ctrl-Left", "\033Od", KEYSEQ_LEFT, C, 0},
    {"rxvt Shift-F11", "\033[23$", KEYSEQ_FKEY, S, 11},
    {"rxvt Ctrl-F1", "\033[11^", KEYSEQ_FKEY, C, 1},
    {"rxvt Alt-Up", "\033\033[A", KEYSEQ_UP, A, 0},
    {"linux F1", "\033[[A", KEYSEQ_FKEY, 0, 1},
    {"linux F5", "\033[[E", KEYSEQ_FKEY, 0, 5},
    {"linux Up", "\033[A", KEYSEQ_UP, 0, 0},
    {"linux Delete", "\033[3~", KEYSEQ_DELETE, 0, 0},
    {"vt100 PF1", "\033OP", KEYSEQ_FKEY, 0, 1},
    {"vt100 keypad 3", "\033Os", KEYSEQ_CHAR, 0, '3'},
    {"vt100 keypad ,", "\033Ol", KEYSEQ_CHAR, 0, ','},
    {"VT220 F20", "\033[34~", KEYSEQ_FKEY, 0, 20},
    {"a lone Esc", "\033", KEYSEQ_ESC, 0, 0},
    {"Esc twice", "\033\033", KEYSEQ_ESC, 0, 0},
    {"Alt-x", "\033x", KEYSEQ_DROPPED, 0, 0},
    {"Alt-3", "\0333", KEYSEQ_DROPPED, 0, 0},
    {"Alt-e acute", "\033\xc3\xa9", KEYSEQ_DROPPED, 0, 0},
    {"Alt-CJK", "\033\xe4\xb8\xad", KEYSEQ_DROPPED, 0, 0},
    {"Alt-Enter", "\033\r", KEYSEQ_DROPPED, 0, 0},
    {"bracketed paste start", "\033[200~", KEYSEQ_DROPPED, 0, 0},
    {"xterm modifyOtherKeys Ctrl-Enter", "\033[27;5;13~", KEYSEQ_DROPPED, 0, 0},
    {"CSI u (kitty, foot) Ctrl-3", "\033[51;5u", KEYSEQ_DROPPED, 0, 0},
    {"a device attributes reply (not a key: core/termcaps.h)", "\033[?64;1;2c", KEYSEQ_DA1, 0, 0},
    {"a cursor position report", "\033[24;80R", KEYSEQ_DROPPED, 0, 0},
    {"an intermediate byte", "\033[1 q", KEYSEQ_DROPPED, 0, 0},
    {"SS3 with no meaning", "\033Oz", KEYSEQ_DROPPED, 0, 0},
    {"a key number nobody uses", "\033[99~", KEYSEQ_DROPPED, 0, 0},
    {"a sequence cut short", "\033[6", KEYSEQ_DROPPED, 0, 0},
    {"an X10 mouse report cut short", "\033[M !", KEYSEQ_DROPPED, 0, 0},
    {"a wheel left", "\033[<66;3;3M", KEYSEQ_DROPPED, 0, 0},
    {"an SGR report with two numbers", "\033[<0;10M", KEYSEQ_DROPPED, 0, 0},
};

/* Every key decodes whole to one event, and never to Esc or a digit unless
 * it is Esc or a keypad digit. */
START_TEST(t_each_terminal_key)
{
    const struct case_ *k = &keys[_i];
    struct keyseq_event ev[8];
    size_t n = keyseq_decode(k->bytes, strlen(k->bytes), ev, 8);
    ck_assert_msg(n == 1, "%s: %zu events, not 1", k->terminal, n);
    ck_assert_msg(ev[0].key == k->key, "%s: key %d, not %d", k->terminal, ev[0].key, k->key);
    if (k->key != KEYSEQ_DROPPED)
        ck_assert_msg(ev[0].mods == k->mods, "%s: mods %u, not %u", k->terminal, ev[0].mods,
                      k->mods);
    if (k->key == KEYSEQ_FKEY)
        ck_assert_int_eq(ev[0].fkey, k->extra);
    if (k->key == KEYSEQ_CHAR)
        ck_assert_int_eq(ev[0].ch, k->extra);
}
END_TEST

/* Keys typed one after another: each one whole, the characters after a
 * sequence left to the caller. */
START_TEST(t_sequence_then_characters)
{
    struct keyseq_event ev[8];
    const char in[] = "\033[6~3\033[1~x";
    size_t n = keyseq_decode(in, strlen(in), ev, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(ev[0].key, KEYSEQ_PAGE_DOWN);
    ck_assert_int_eq(ev[1].key, KEYSEQ_BYTE);
    ck_assert_int_eq(ev[1].ch, '3');
    ck_assert_int_eq(ev[2].key, KEYSEQ_HOME);
    ck_assert_int_eq(ev[3].key, KEYSEQ_BYTE);
    ck_assert_int_eq(ev[3].ch, 'x');
}
END_TEST

/* A sequence cut short by the next key's ESC: dropped, and the next key whole. */
START_TEST(t_cut_short_by_next)
{
    struct keyseq_event ev[8];
    const char in[] = "\033[6\033[A";
    size_t n = keyseq_decode(in, strlen(in), ev, 8);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(ev[0].key, KEYSEQ_DROPPED);
    ck_assert_int_eq(ev[1].key, KEYSEQ_UP);
    /* Three ESCs: Esc for the first two, then the third alone. */
    n = keyseq_decode("\033\033\033", 3, ev, 8);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(ev[0].key, KEYSEQ_ESC);
    ck_assert_int_eq(ev[1].key, KEYSEQ_ESC);
}
END_TEST

START_TEST(t_overlong_parameters)
{
    char in[128] = "\033[";
    memset(in + 2, '1', 100);
    strcpy(in + 102, "~7");
    struct keyseq_event ev[8];
    size_t n = keyseq_decode(in, strlen(in), ev, 8);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(ev[0].key, KEYSEQ_DROPPED);
    ck_assert_int_eq(ev[1].key, KEYSEQ_BYTE);
    ck_assert_int_eq(ev[1].ch, '7');
}
END_TEST

static struct keyseq_event one_mouse(const char *in, size_t len)
{
    struct keyseq_event ev[4];
    size_t n = keyseq_decode(in, len, ev, 4);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(ev[0].key, KEYSEQ_MOUSE);
    return ev[0];
}

START_TEST(t_x10_mouse)
{
    /* Button byte 32 + b, then column and row, each 33 + the 0-based cell. */
    struct keyseq_event e = one_mouse("\033[M !!", 6);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_PRESS);
    ck_assert_int_eq(e.mouse.button, 1);
    ck_assert_int_eq(e.mouse.x, 0);
    ck_assert_int_eq(e.mouse.y, 0);
    e = one_mouse("\033[M#*%", 6);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_RELEASE);
    ck_assert_int_eq(e.mouse.x, 9);
    ck_assert_int_eq(e.mouse.y, 4);
    e = one_mouse("\033[M`!!", 6);
    ck_assert_int_eq(e.mouse.button, 4);
    e = one_mouse("\033[Ma!!", 6);
    ck_assert_int_eq(e.mouse.button, 5);
    e = one_mouse("\033[M@!!", 6);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_MOTION);
    /* Coordinate bytes are raw: '[' is column 58, 0xC0 column 159. */
    e = one_mouse("\033[M [\xc0", 6);
    ck_assert_int_eq(e.mouse.x, 58);
    ck_assert_int_eq(e.mouse.y, 159);
}
END_TEST

START_TEST(t_sgr_mouse)
{
    struct keyseq_event e = one_mouse("\033[<0;10;5M", 10);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_PRESS);
    ck_assert_int_eq(e.mouse.button, 1);
    ck_assert_int_eq(e.mouse.x, 9);
    ck_assert_int_eq(e.mouse.y, 4);
    e = one_mouse("\033[<0;10;5m", 10);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_RELEASE);
    ck_assert_int_eq(e.mouse.button, 1);
    e = one_mouse("\033[<65;300;80M", 13);
    ck_assert_int_eq(e.mouse.button, 5);
    ck_assert_int_eq(e.mouse.x, 299);
    ck_assert_int_eq(e.mouse.y, 79);
    e = one_mouse("\033[<32;3;3M", 10);
    ck_assert_int_eq(e.mouse.action, KEYSEQ_MOTION);
    ck_assert_int_eq(e.mouse.button, 1);
    e = one_mouse("\033[<16;1;1M", 10);
    ck_assert_uint_eq(e.mouse.button, 1);
    ck_assert_uint_eq(e.mods, KEYSEQ_CTRL);
}
END_TEST

/* The byte-at-a-time interface: waits, idle bytes, finished events. */
START_TEST(t_feed_and_wait)
{
    struct keyseq s;
    struct keyseq_event ev;
    keyseq_init(&s);
    ck_assert_int_eq(keyseq_wait_ms(&s), -1);
    ck_assert_int_eq(keyseq_feed(&s, '5', &ev), -1);
    ck_assert_int_eq(keyseq_feed(&s, 0x1b, &ev), 0);
    ck_assert_int_eq(keyseq_busy(&s), 1);
    ck_assert_int_eq(keyseq_wait_ms(&s), KEYSEQ_ESC_MS);
    ck_assert_int_eq(keyseq_feed(&s, '[', &ev), 0);
    ck_assert_int_eq(keyseq_wait_ms(&s), KEYSEQ_TAIL_MS);
    ck_assert_int_eq(keyseq_feed(&s, '6', &ev), 0);
    ck_assert_int_eq(keyseq_feed(&s, '~', &ev), 1);
    ck_assert_int_eq(ev.key, KEYSEQ_PAGE_DOWN);
    ck_assert_int_eq(keyseq_busy(&s), 0);
    /* A lone ESC times out as Esc; idle, a timeout is nothing. */
    keyseq_feed(&s, 0x1b, &ev);
    keyseq_timeout(&s, &ev);
    ck_assert_int_eq(ev.key, KEYSEQ_ESC);
    keyseq_timeout(&s, &ev);
    ck_assert_int_eq(ev.key, KEYSEQ_NONE);
    /* More events than room: counted, not written past the end. */
    struct keyseq_event few[1];
    ck_assert_uint_eq(keyseq_decode("\033[A\033[B", 6, few, 1), 2);
    ck_assert_int_eq(few[0].key, KEYSEQ_UP);
}
END_TEST

Suite *keyseq_suite(void)
{
    Suite *s = suite_create("keyseq");
    TCase *tc = tcase_create("grammar");
    tcase_add_loop_test(tc, t_each_terminal_key, 0, (int)(sizeof keys / sizeof keys[0]));
    tcase_add_test(tc, t_sequence_then_characters);
    tcase_add_test(tc, t_cut_short_by_next);
    tcase_add_test(tc, t_overlong_parameters);
    tcase_add_test(tc, t_x10_mouse);
    tcase_add_test(tc, t_sgr_mouse);
    tcase_add_test(tc, t_feed_and_wait);
    suite_add_tcase(s, tc);
    return s;
}
