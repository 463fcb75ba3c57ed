/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys.c: getch() and get_wch() with escape sequences swallowed whole
 * (keys.h): what curses leaves as ESC and loose bytes goes through the
 * grammar of core/keyseq.c; and numbers of more than one digit typed on a
 * menu or a question (core/numentry.c).
 *
 * The wait for a lone Esc: curses waits ESCDELAY (25 ms, term.c) for the
 * byte after an ESC before it gives the ESC up as a key it does not know,
 * then KEYSEQ_ESC_MS (25 ms) more here, so the Esc key takes about 50 ms,
 * under the tenth of a second a patient could notice. A terminal writes one
 * key's bytes at once and SSH carries them in one packet, so 50 ms between
 * ESC and the next byte is far more than a sequence needs even over a slow
 * link; once ESC [ or ESC O has come the rest is waited for up to
 * KEYSEQ_TAIL_MS, since no person types Esc and [ in 50 ms. */
#include "config.h"

#include "tui/keys.h"
#include "tui/term.h"
#include "core/keyseq.h"
#include "core/numentry.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void keys_start(void)
{
    /* terminfo names some of the keypad's application codes as other keys
     * (xterm's ka1=\EOw, vt100's kf0=\EOy); the VT100 says they are digits
     * and the like, and the table in core/keyseq.c decodes them so. */
    for (int code = KEY_MIN; code <= KEY_MAX; code++)
        for (int i = 0;; i++) {
            char *seq = keybound(code, i);
            if (!seq)
                break;
            int keypad = strlen(seq) == 3 && seq[0] == 27 && seq[1] == 'O' &&
                         strchr(KEYSEQ_KEYPAD_FINALS, seq[2]);
            free(seq);
            if (keypad) {
                keyok(code, FALSE);
                break;
            }
        }
}

/* A KEY_ code from curses as the screens take it: a Shift, Ctrl or Alt key
 * (the terminfo names kUP5, kNXT3 and so on) as the key alone. */
static int plain_key(int c)
{
    static const struct {
        const char *name;
        int key;
    } named[] = {
        {"kUP", KEY_UP},    {"kDN", KEY_DOWN}, {"kRIT", KEY_RIGHT}, {"kLFT", KEY_LEFT},
        {"kHOM", KEY_HOME}, {"kEND", KEY_END}, {"kNXT", KEY_NPAGE}, {"kPRV", KEY_PPAGE},
        {"kDC", KEY_DC},    {"kIC", KEY_IC},
    };
    static const int shifted[][2] = {
        {KEY_SR, KEY_UP},        {KEY_SF, KEY_DOWN},         {KEY_SLEFT, KEY_LEFT},
        {KEY_SRIGHT, KEY_RIGHT}, {KEY_SHOME, KEY_HOME},      {KEY_SEND, KEY_END},
        {KEY_SNEXT, KEY_NPAGE},  {KEY_SPREVIOUS, KEY_PPAGE}, {KEY_SDC, KEY_DC},
        {KEY_SIC, KEY_IC},
    };
    for (size_t i = 0; i < sizeof shifted / sizeof shifted[0]; i++)
        if (c == shifted[i][0])
            return shifted[i][1];
    if (c <= KEY_MAX || c == KEYS_NONE || keys_termcaps(c) >= 0)
        return c; /* keys_termcaps(): given back by keys_number() */
    const char *name = keyname(c);
    for (size_t i = 0; name && i < sizeof named / sizeof named[0]; i++)
        if (strncmp(name, named[i].name, strlen(named[i].name)) == 0)
            return named[i].key;
    return KEYS_NONE;
}

/* A decoded mouse report handed to curses, which gives it back as KEY_MOUSE
 * through getmouse() like its own; KEYS_NONE for an event curses was not
 * asked for. */
static int mouse_key(const struct keyseq_event *ev)
{
    static const mmask_t press[] = {BUTTON1_PRESSED, BUTTON1_PRESSED, BUTTON2_PRESSED,
                                    BUTTON3_PRESSED, BUTTON4_PRESSED, BUTTON5_PRESSED};
    static const mmask_t release[] = {BUTTON1_RELEASED, BUTTON1_RELEASED, BUTTON2_RELEASED,
                                      BUTTON3_RELEASED, BUTTON4_RELEASED, BUTTON5_RELEASED};
    mmask_t state = ev->mouse.action == KEYSEQ_MOTION    ? REPORT_MOUSE_POSITION
                    : ev->mouse.action == KEYSEQ_RELEASE ? release[ev->mouse.button]
                                                         : press[ev->mouse.button];
    MEVENT m = {.x = ev->mouse.x, .y = ev->mouse.y, .bstate = state};
    if (!(state & (mmask_t)term_mouse_mask()) || ungetmouse(&m) != OK)
        return KEYS_NONE;
    return getch(); /* the KEY_MOUSE just queued */
}

static int event_key(const struct keyseq_event *ev)
{
    switch (ev->key) {
    case KEYSEQ_ESC:
        return 27;
    case KEYSEQ_UP:
        return KEY_UP;
    case KEYSEQ_DOWN:
        return KEY_DOWN;
    case KEYSEQ_RIGHT:
        return KEY_RIGHT;
    case KEYSEQ_LEFT:
        return KEY_LEFT;
    case KEYSEQ_HOME:
        return KEY_HOME;
    case KEYSEQ_END:
        return KEY_END;
    case KEYSEQ_INSERT:
        return KEY_IC;
    case KEYSEQ_DELETE:
        return KEY_DC;
    case KEYSEQ_PAGE_UP:
        return KEY_PPAGE;
    case KEYSEQ_PAGE_DOWN:
        return KEY_NPAGE;
    case KEYSEQ_BEGIN:
        return KEY_B2;
    case KEYSEQ_BACKTAB:
        return KEY_BTAB;
    case KEYSEQ_ENTER:
        return KEY_ENTER;
    case KEYSEQ_CHAR:
        return ev->ch;
    case KEYSEQ_FKEY:
        return KEY_F(ev->fkey);
    case KEYSEQ_MOUSE:
        return mouse_key(ev);
    case KEYSEQ_DA1:
        return KEYS_TERMCAPS + (ev->caps & 3);
    case KEYSEQ_NONE:
    case KEYSEQ_DROPPED:
    case KEYSEQ_BYTE:
        break;
    }
    return KEYS_NONE;
}

/* An ESC came from curses (it knew no key that begins so): read the rest of
 * the sequence and say what it was. The caller's timeout is kept. */
static int after_esc(void)
{
    int delay = wgetdelay(stdscr);
    struct keyseq s;
    struct keyseq_event ev;
    keyseq_init(&s);
    keyseq_feed(&s, 27, &ev);
    int key = KEYS_NONE;
    for (;;) {
        timeout(keyseq_wait_ms(&s));
        int c = getch();
        if (c == ERR) {
            keyseq_timeout(&s, &ev);
            break;
        }
        if (c > 0xFF) {
            /* curses knew the rest (ESC ESC [ A is Alt-Up): the key alone;
             * a sequence it cut short is lost. */
            key = plain_key(c);
            ev.key = KEYSEQ_NONE;
            break;
        }
        int r = keyseq_feed(&s, c, &ev);
        if (r == 0)
            continue;
        if (keyseq_busy(&s))
            ungetch(27); /* the ESC that ended it begins the next key */
        break;
    }
    timeout(delay);
    return ev.key == KEYSEQ_NONE ? key : event_key(&ev);
}

int keys_getch(void)
{
    int c = getch();
    return c == 27 ? after_esc() : c == ERR ? ERR : plain_key(c);
}

/* The bytes of one UTF-8 character, from its first byte: 0 for a byte that
 * cannot start one. */
static int utf8_length(int b)
{
    return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

int keys_get_wch(wint_t *ch)
{
    /* Bytes, not curses' get_wch(): an invalid UTF-8 byte must not make
     * curses wait for more (it swallowed Esc and 143 keys after it). A
     * character is gathered here; a byte that cannot go on with it ends it
     * and is read again as the next key. */
    int c = keys_getch();
    if (c == ERR)
        return ERR;
    if (c > 0xFF) { /* a KEY_ code, KEYS_NONE included */
        *ch = (wint_t)c;
        return KEY_CODE_YES;
    }
    if (c < 0x80) {
        *ch = (wint_t)c;
        return OK;
    }
    int need = utf8_length(c);
    if (!need) { /* a stray continuation byte, or one never valid in UTF-8 */
        *ch = KEYS_NONE;
        return KEY_CODE_YES;
    }
    char bytes[4] = {(char)c};
    int have = 1, delay = wgetdelay(stdscr);
    timeout(100); /* the rest of a character comes in the same write */
    while (have < need) {
        int b = getch();
        if (b == ERR || b > 0xFF || (b & 0xC0) != 0x80) {
            if (b != ERR)
                ungetch(b);
            break;
        }
        bytes[have++] = (char)b;
    }
    timeout(delay);
    wchar_t wc;
    mbstate_t st = {0};
    if (have < need || mbrtowc(&wc, bytes, (size_t)have, &st) != (size_t)have) {
        *ch = KEYS_NONE;
        return KEY_CODE_YES;
    }
    *ch = (wint_t)wc;
    return OK;
}

/* The number being typed, in the bottom right corner until the next frame. */
static void show_number(size_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, " %zu_ ", value);
    int x = COLS - (int)strlen(buf) - 1;
    term_text(LINES - 1, x > 0 ? x : 0, buf, COLS, term_attr(ROLE_SELECT));
    move(LINES - 1, x + (int)strlen(buf) - 2);
    refresh();
}

size_t keys_number(int key, size_t count, int *enter)
{
    if (enter)
        *enter = 0;
    if (key < '0' || key > '9')
        return 0;
    struct numentry n = {0};
    enum numentry_step step = numentry_digit(&n, key - '0', count);
    int delay = wgetdelay(stdscr), held = -1;
    while (step == NUMENTRY_WAIT) {
        show_number(n.value);
        timeout(NUMENTRY_PAUSE_MS);
        int c = keys_getch();
        if (keys_termcaps(c) >= 0) {
            held = c; /* the terminal's answer, not the patient's: kept for the main loop */
            continue;
        }
        if (c == KEY_RESIZE)
            ungetch(c); /* not the patient's: the number as it is, then redraw */
        if (c == ERR || c == '\n' || c == '\r' || c == KEY_ENTER || c == KEY_RESIZE) {
            if (enter)
                *enter = c != ERR && c != KEY_RESIZE;
            break; /* the pause or Enter: the number as it is */
        }
        if (c >= '0' && c <= '9') {
            step = numentry_digit(&n, c - '0', count);
            continue;
        }
        if (c != 27 && c != KEY_BACKSPACE && c != 127 && c != 8 && c != KEYS_NONE)
            ungetch(c); /* another key: no number, and the key acts */
        step = NUMENTRY_NONE;
    }
    timeout(delay);
    if (held >= 0)
        ungetch(held);
    return step == NUMENTRY_NONE ? 0 : numentry_end(&n);
}
