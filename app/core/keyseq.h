/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyseq.h: the grammar of the escape sequences terminals send for keys and
 * mouse reports, and what the common terminals' keys mean (xterm, PuTTY,
 * rxvt, the linux console, VT100 and VT220, tmux and screen). No terminal and
 * no curses here: it is fed bytes one at a time and says when a sequence is
 * whole and what it was, so that a sequence nobody knows is dropped whole
 * instead of reaching the screens as Esc followed by "[6~".
 *
 * Grammar (ECMA-48 5.4): CSI is ESC [, then parameter bytes 0x30-0x3F, then
 * intermediate bytes 0x20-0x2F, then one final byte 0x40-0x7E; SS3 is ESC O
 * then (after optional parameters, as old xterms send them) one final byte.
 * Three forms real terminals add are known too: the linux console's F1-F5
 * (ESC [ [ A to E), rxvt's Shift keys that end in '$' (ESC [ 2 $), and X10
 * mouse reports (ESC [ M and three raw bytes). The terminal's answer to the
 * DA1 query (ESC [ ? 64 ; 2 ; 52 c) is decoded too (core/termcaps.h), so it
 * is never read as keys. ESC followed by anything else
 * is an Alt (Meta) key and is dropped whole, a UTF-8 character included.
 *
 * Nothing is allocated; a struct keyseq is plain memory the caller owns. */
#ifndef KIOSK_KEYSEQ_H
#define KIOSK_KEYSEQ_H

#include <stddef.h>

/* How long to wait, in milliseconds, for the byte after a lone ESC before it
 * is the Esc key (the terminal's bytes for one key leave in one write and
 * cross SSH in one packet; see keys.c for the whole budget), and for the rest
 * of a sequence once ESC [ or ESC O has come (nobody types those two keys
 * that fast, so waiting longer only makes a split sequence whole). */
enum { KEYSEQ_ESC_MS = 25, KEYSEQ_TAIL_MS = 500 };

/* The final bytes of ESC O that are the keypad's characters in application
 * mode (VT100: p-y are 0-9), in the order of KEYSEQ_KEYPAD_CHARS. */
#define KEYSEQ_KEYPAD_FINALS "pqrstuvwxyjklmnoXI"
#define KEYSEQ_KEYPAD_CHARS  "0123456789*+,-./=\t"

enum keyseq_key {
    KEYSEQ_NONE,    /* the sequence is not finished */
    KEYSEQ_DROPPED, /* a whole sequence with no meaning here: ignore it */
    KEYSEQ_ESC,     /* the Esc key alone */
    KEYSEQ_UP,
    KEYSEQ_DOWN,
    KEYSEQ_RIGHT,
    KEYSEQ_LEFT,
    KEYSEQ_HOME,
    KEYSEQ_END,
    KEYSEQ_INSERT,
    KEYSEQ_DELETE,
    KEYSEQ_PAGE_UP,
    KEYSEQ_PAGE_DOWN,
    KEYSEQ_BEGIN,   /* the keypad's middle key (5 without Num Lock) */
    KEYSEQ_BACKTAB, /* Shift-Tab */
    KEYSEQ_ENTER,   /* the keypad's Enter */
    KEYSEQ_CHAR,    /* a keypad character in application mode: ev.ch */
    KEYSEQ_FKEY,    /* a function key: ev.fkey, 1-20 */
    KEYSEQ_MOUSE,   /* a mouse report: ev.mouse */
    KEYSEQ_BYTE,    /* keyseq_decode() only: a byte outside any sequence, ev.ch */
    KEYSEQ_DA1,     /* the terminal's reply to the DA1 query (termcaps.h): ev.caps */
};

/* Modifier bits, as xterm's modifier parameter minus one. */
enum { KEYSEQ_SHIFT = 1, KEYSEQ_ALT = 2, KEYSEQ_CTRL = 4, KEYSEQ_META = 8 };

enum keyseq_mouse_action { KEYSEQ_PRESS, KEYSEQ_RELEASE, KEYSEQ_MOTION };

struct keyseq_event {
    enum keyseq_key key;
    unsigned mods; /* KEYSEQ_SHIFT and the rest */
    int ch;        /* KEYSEQ_CHAR: '0'-'9', '+', '-', '*', '/', '.', ',', '=' */
    int fkey;      /* KEYSEQ_FKEY: 1-20 */
    int caps;      /* KEYSEQ_DA1: the TERMCAPS_ bits it offers (0: none) */
    struct {
        enum keyseq_mouse_action action;
        int button; /* 1-3, 4 and 5 the wheel up and down; 0 unknown (X10 release, motion) */
        int x, y;   /* 0-based cell */
    } mouse;
};

/* Long enough for xterm's DA1 reply ("?65;1;2;6;9;15;16;17;18;21;22;28;29;52"). */
enum { KEYSEQ_MAX_PARAMS = 96 };

/* The decoder's state; zero it (or keyseq_init) before the first byte. */
struct keyseq {
    int state;
    size_t len; /* parameter bytes kept in param[] */
    int overflow;
    int meta;     /* an ESC came before this sequence's ESC */
    int intermed; /* an intermediate byte came */
    char param[KEYSEQ_MAX_PARAMS + 1];
    unsigned char raw[3]; /* an X10 mouse report's bytes */
    size_t raw_len;
    size_t utf8_left; /* continuation bytes still to skip */
};

void keyseq_init(struct keyseq *s);

/* 1 while a sequence has begun and is not finished. */
int keyseq_busy(const struct keyseq *s);

/* How long to wait for the next byte before calling keyseq_timeout():
 * KEYSEQ_ESC_MS right after an ESC, KEYSEQ_TAIL_MS later in a sequence, -1
 * when idle. */
int keyseq_wait_ms(const struct keyseq *s);

/* Feed one byte (0-255). Returns 1 when a sequence is finished (*ev says what
 * it was, KEYSEQ_DROPPED when nothing here knows it), 0 when the byte was
 * taken and more are needed, and -1 when idle and the byte does not begin a
 * sequence (anything but ESC): the caller takes it as it is. A byte that
 * cannot continue a sequence ends it as KEYSEQ_DROPPED; an ESC there also
 * begins the next one (keyseq_busy() stays 1). */
int keyseq_feed(struct keyseq *s, int byte, struct keyseq_event *ev);

/* No byte came within keyseq_wait_ms(): finish what there is. A lone ESC
 * (or two) is KEYSEQ_ESC, a sequence cut short KEYSEQ_DROPPED, idle
 * KEYSEQ_NONE. Leaves the decoder idle. */
void keyseq_timeout(struct keyseq *s, struct keyseq_event *ev);

/* Decode a whole byte string, as a test or a replay would: *out gets at most
 * max events, every one finished (an ESC at the end counts as a lone Esc);
 * bytes outside sequences come out as KEYSEQ_BYTE. Returns how
 * many events there were (more than max when they did not fit). */
size_t keyseq_decode(const char *bytes, size_t len, struct keyseq_event *out, size_t max);

#endif
