/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyseq.c: escape sequences from terminals' keys and mice, decoded by their
 * grammar and a table of what real terminals send (keyseq.h). */
#include "config.h"

#include "core/keyseq.h"
#include "core/termcaps.h"

#include <string.h>

enum { IDLE, ESC, CSI, SS3, LINUX_F, X10, UTF8 };

enum { ESC_BYTE = 0x1b, MAX_NUMS = 4, BIG = 100000 };

void keyseq_init(struct keyseq *s)
{
    memset(s, 0, sizeof *s);
}

int keyseq_busy(const struct keyseq *s)
{
    return s->state != IDLE;
}

int keyseq_wait_ms(const struct keyseq *s)
{
    return s->state == IDLE ? -1 : s->state == ESC ? KEYSEQ_ESC_MS : KEYSEQ_TAIL_MS;
}

/* Begin a sequence at an ESC (the one before it, if any, made it Alt). */
static void begin(struct keyseq *s, int meta)
{
    keyseq_init(s);
    s->state = ESC;
    s->meta = meta;
}

static int finish(struct keyseq *s, struct keyseq_event *ev, enum keyseq_key key)
{
    unsigned meta = s->meta ? KEYSEQ_ALT : 0;
    ev->key = key;
    ev->mods |= meta;
    keyseq_init(s);
    return 1;
}

static int drop(struct keyseq *s, struct keyseq_event *ev, int byte)
{
    finish(s, ev, KEYSEQ_DROPPED);
    if (byte == ESC_BYTE)
        begin(s, 0); /* a sequence cut short, and the next one begins */
    return 1;
}

/* The numbers of a parameter string "1;5": at most MAX_NUMS, each capped at
 * BIG; an empty number is -1 (its default). Returns how many there were, or
 * -1 when the string is not plain numbers and semicolons. */
static int numbers(const char *p, int *num)
{
    int n = 0;
    if (!*p)
        return 0;
    num[0] = -1;
    for (; *p; p++) {
        if (*p == ';') {
            if (++n == MAX_NUMS)
                return -1;
            num[n] = -1;
        } else if (*p >= '0' && *p <= '9') {
            int v = num[n] < 0 ? 0 : num[n];
            num[n] = v >= BIG ? BIG : v * 10 + (*p - '0');
        } else {
            return -1;
        }
    }
    return n + 1;
}

/* xterm's modifier parameter (2 = Shift ... 16) as KEYSEQ_ bits. */
static unsigned modifier(int param)
{
    return param >= 2 && param <= 16 ? (unsigned)(param - 1) : 0;
}

/* The letter keys: cursor, Home, End and the keypad's middle. */
static enum keyseq_key letter_key(int final)
{
    switch (final) {
    case 'A':
        return KEYSEQ_UP;
    case 'B':
        return KEYSEQ_DOWN;
    case 'C':
        return KEYSEQ_RIGHT;
    case 'D':
        return KEYSEQ_LEFT;
    case 'H':
        return KEYSEQ_HOME;
    case 'F':
        return KEYSEQ_END;
    case 'E': /* xterm */
    case 'G': /* linux console, PuTTY */
        return KEYSEQ_BEGIN;
    default:
        return KEYSEQ_NONE;
    }
}

/* rxvt's lower-case arrows (Shift after CSI, Ctrl after SS3). */
static enum keyseq_key rxvt_arrow(int final)
{
    return final >= 'a' && final <= 'd' ? letter_key(final - 'a' + 'A') : KEYSEQ_NONE;
}

/* ESC [ n ~ (VT220, xterm, PuTTY, linux, rxvt): the key numbered n. */
static enum keyseq_key tilde_key(int n, int *fkey)
{
    static const struct {
        int from, to, fkey;
    } fkeys[] = {{11, 15, 1}, {17, 21, 6}, {23, 26, 11}, {28, 29, 15}, {31, 34, 17}};
    static const enum keyseq_key keys[] = {
        KEYSEQ_NONE,      KEYSEQ_HOME, KEYSEQ_INSERT,
        KEYSEQ_DELETE,    KEYSEQ_END,  KEYSEQ_PAGE_UP,
        KEYSEQ_PAGE_DOWN, KEYSEQ_HOME, /* 7, 8: rxvt */ KEYSEQ_END,
    };
    if (n >= 1 && n <= 8)
        return keys[n];
    for (size_t i = 0; i < sizeof fkeys / sizeof fkeys[0]; i++)
        if (n >= fkeys[i].from && n <= fkeys[i].to) {
            *fkey = fkeys[i].fkey + n - fkeys[i].from;
            return KEYSEQ_FKEY;
        }
    return KEYSEQ_NONE; /* 200/201 (pasting), 27 (modifyOtherKeys) and the rest */
}

/* The mouse buttons and action of xterm's button byte b (X10 and SGR alike);
 * sgr_release for SGR's final 'm'. Returns 0 for a report not used here. */
static int mouse_button(struct keyseq_event *ev, int b, int sgr_release)
{
    if (b < 0 || b & 128)
        return 0; /* buttons 8-11 */
    ev->mods = (b & 4 ? KEYSEQ_SHIFT : 0) | (b & 8 ? KEYSEQ_ALT : 0) | (b & 16 ? KEYSEQ_CTRL : 0);
    int low = b & 3;
    if (b & 64) {
        if (low > 1)
            return 0; /* the wheel's left and right */
        ev->mouse.button = 4 + low;
        ev->mouse.action = KEYSEQ_PRESS;
    } else if (b & 32) {
        ev->mouse.button = low == 3 ? 0 : low + 1;
        ev->mouse.action = KEYSEQ_MOTION;
    } else if (low == 3) {
        ev->mouse.button = 0; /* X10 says which button no more */
        ev->mouse.action = KEYSEQ_RELEASE;
    } else {
        ev->mouse.button = low + 1;
        ev->mouse.action = sgr_release ? KEYSEQ_RELEASE : KEYSEQ_PRESS;
    }
    return 1;
}

static int finish_x10(struct keyseq *s, struct keyseq_event *ev)
{
    int x = s->raw[1] - 33, y = s->raw[2] - 33;
    if (x < 0 || y < 0 || !mouse_button(ev, s->raw[0] - 32, 0))
        return finish(s, ev, KEYSEQ_DROPPED);
    ev->mouse.x = x;
    ev->mouse.y = y;
    return finish(s, ev, KEYSEQ_MOUSE);
}

/* ESC [ < b ; x ; y M (press) or m (release). */
static int finish_sgr(struct keyseq *s, struct keyseq_event *ev, int final)
{
    int num[MAX_NUMS];
    if (numbers(s->param + 1, num) != 3 || num[1] < 1 || num[2] < 1 ||
        !mouse_button(ev, num[0], final == 'm'))
        return finish(s, ev, KEYSEQ_DROPPED);
    ev->mouse.x = num[1] - 1;
    ev->mouse.y = num[2] - 1;
    return finish(s, ev, KEYSEQ_MOUSE);
}

static int finish_csi(struct keyseq *s, struct keyseq_event *ev, int final)
{
    if (s->param[0] == '<' && (final == 'M' || final == 'm') && !s->intermed && !s->overflow)
        return finish_sgr(s, ev, final);
    if (s->param[0] == '?' && final == 'c' && !s->intermed && !s->overflow) {
        int caps = termcaps_da1(s->param, final);
        if (caps >= 0) {
            ev->caps = caps;
            return finish(s, ev, KEYSEQ_DA1);
        }
    }
    int num[MAX_NUMS];
    int n = s->overflow || s->intermed ? -1 : numbers(s->param, num);
    if (n < 0)
        return finish(s, ev, KEYSEQ_DROPPED); /* private or malformed: not a key */
    int first = n > 0 && num[0] >= 0 ? num[0] : 1;
    enum keyseq_key key = KEYSEQ_NONE;
    if (final == '~' || final == '^' || final == '@' || final == '$') {
        key = n > 0 && n <= 2 ? tilde_key(num[0], &ev->fkey) : KEYSEQ_NONE;
        ev->mods = final == '~'   ? (n == 2 ? modifier(num[1]) : 0)
                   : final == '^' ? KEYSEQ_CTRL
                   : final == '@' ? KEYSEQ_CTRL | KEYSEQ_SHIFT
                                  : KEYSEQ_SHIFT;
        if (final != '~' && n != 1)
            key = KEYSEQ_NONE;
    } else if (n <= 2 && first == 1) {
        /* ESC [ A, or ESC [ 1 ; 5 A with xterm's modifier. */
        ev->mods = n == 2 ? modifier(num[1]) : 0;
        key = letter_key(final);
        if (final == 'Z')
            key = KEYSEQ_BACKTAB;
        if (final >= 'P' && final <= 'S' && (n == 0 || n == 2)) {
            key = KEYSEQ_FKEY; /* ESC [ 1 ; 2 P; never a cursor report ("24;80R") */
            ev->fkey = final - 'P' + 1;
        }
        if (n == 0 && rxvt_arrow(final) != KEYSEQ_NONE) {
            key = rxvt_arrow(final);
            ev->mods = KEYSEQ_SHIFT;
        }
    }
    return finish(s, ev, key == KEYSEQ_NONE ? KEYSEQ_DROPPED : key);
}

/* ESC O x: application cursor and keypad keys (VT100), with the modifier
 * old xterms put in between (ESC O 5 A, ESC O 2 P). */
static int finish_ss3(struct keyseq *s, struct keyseq_event *ev, int final)
{
    static const char keypad_from[] = KEYSEQ_KEYPAD_FINALS, keypad_to[] = KEYSEQ_KEYPAD_CHARS;
    int num[MAX_NUMS];
    int n = s->overflow ? -1 : numbers(s->param, num);
    if (n < 0 || n > 2)
        return finish(s, ev, KEYSEQ_DROPPED);
    ev->mods = n > 0 ? modifier(num[n - 1]) : 0;
    enum keyseq_key key = letter_key(final);
    const char *pad = strchr(keypad_from, final);
    if (final >= 'P' && final <= 'S') {
        key = KEYSEQ_FKEY;
        ev->fkey = final - 'P' + 1;
    } else if (final == 'M') {
        key = KEYSEQ_ENTER;
    } else if (pad) {
        key = KEYSEQ_CHAR;
        ev->ch = keypad_to[pad - keypad_from];
    } else if (rxvt_arrow(final) != KEYSEQ_NONE) {
        key = rxvt_arrow(final);
        ev->mods = KEYSEQ_CTRL;
    }
    return finish(s, ev, key == KEYSEQ_NONE ? KEYSEQ_DROPPED : key);
}

static int feed_esc(struct keyseq *s, int c, struct keyseq_event *ev)
{
    if (c == '[' || c == 'O') {
        s->state = c == '[' ? CSI : SS3;
        return 0;
    }
    if (c == ESC_BYTE) {
        if (!s->meta) {
            s->meta = 1; /* ESC ESC [ A: Alt and a key (rxvt, some xterms) */
            return 0;
        }
        finish(s, ev, KEYSEQ_ESC); /* three in a row: the first two were Esc */
        begin(s, 0);
        return 1;
    }
    if (c >= 0xC2 && c <= 0xF4) {
        s->state = UTF8; /* Alt and a letter beyond ASCII */
        s->utf8_left = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        return 0;
    }
    return finish(s, ev, KEYSEQ_DROPPED); /* Alt and a key */
}

static int feed_params(struct keyseq *s, int c, struct keyseq_event *ev)
{
    if (c >= 0x30 && c <= 0x3F) {
        if (s->intermed)
            return drop(s, ev, c); /* parameters after intermediates: not ECMA-48 */
        if (s->len < KEYSEQ_MAX_PARAMS)
            s->param[s->len++] = (char)c;
        else
            s->overflow = 1;
        return 0;
    }
    if (c >= 0x20 && c <= 0x2F) {
        if (s->state == CSI && c == '$' && s->len > 0 && !s->intermed)
            return finish_csi(s, ev, c); /* rxvt's Shift: ESC [ 2 $ ends there */
        if (s->state == SS3)
            return drop(s, ev, c);
        s->intermed = 1;
        return 0;
    }
    if (c >= 0x40 && c <= 0x7E)
        return s->state == CSI ? finish_csi(s, ev, c) : finish_ss3(s, ev, c);
    return drop(s, ev, c); /* a control or a byte beyond ASCII cuts it short */
}

int keyseq_feed(struct keyseq *s, int byte, struct keyseq_event *ev)
{
    int c = byte & 0xFF;
    memset(ev, 0, sizeof *ev);
    switch (s->state) {
    case IDLE:
        if (c != ESC_BYTE)
            return -1;
        begin(s, 0);
        return 0;
    case ESC:
        return feed_esc(s, c, ev);
    case CSI:
        if (s->len == 0 && !s->intermed && c == '[') {
            s->state = LINUX_F;
            return 0;
        }
        if (s->len == 0 && !s->intermed && c == 'M') {
            s->state = X10;
            return 0;
        }
        return feed_params(s, c, ev);
    case SS3:
        return feed_params(s, c, ev);
    case LINUX_F:
        if (c >= 'A' && c <= 'E') {
            ev->fkey = c - 'A' + 1; /* ESC [ [ A: the linux console's F1 */
            return finish(s, ev, KEYSEQ_FKEY);
        }
        return drop(s, ev, c);
    case X10:
        s->raw[s->raw_len++] = (unsigned char)c; /* any byte, ESC too */
        return s->raw_len < 3 ? 0 : finish_x10(s, ev);
    case UTF8:
        if (c < 0x80 || c > 0xBF)
            return drop(s, ev, c);
        return --s->utf8_left ? 0 : finish(s, ev, KEYSEQ_DROPPED);
    }
    return drop(s, ev, c);
}

void keyseq_timeout(struct keyseq *s, struct keyseq_event *ev)
{
    memset(ev, 0, sizeof *ev);
    if (s->state == IDLE)
        return;
    int esc = s->state == ESC;
    s->meta = 0; /* ESC ESC alone is Esc once, not Alt-Esc */
    finish(s, ev, esc ? KEYSEQ_ESC : KEYSEQ_DROPPED);
}

size_t keyseq_decode(const char *bytes, size_t len, struct keyseq_event *out, size_t max)
{
    struct keyseq s;
    struct keyseq_event ev;
    size_t n = 0;
    keyseq_init(&s);
    for (size_t i = 0; i <= len; i++) {
        int r;
        if (i == len) {
            if (!keyseq_busy(&s))
                break;
            keyseq_timeout(&s, &ev);
            r = 1;
        } else {
            r = keyseq_feed(&s, (unsigned char)bytes[i], &ev);
        }
        if (r < 0)
            ev = (struct keyseq_event){.key = KEYSEQ_BYTE, .ch = (unsigned char)bytes[i]};
        if (r != 0 && n++ < max)
            out[n - 1] = ev;
    }
    return n;
}
