/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termcaps.h: what the patient's own terminal says it can do, from its
 * answer to the Primary Device Attributes query (DA1, ESC [ c). No terminal
 * and no curses here: the key decoder (keyseq.h) hands over the reply's
 * parameter string, and this says which take-home choices it allows.
 *
 * Only a VT220-class reply (ESC [ ? 6x ; attr ; ... c, 62 to 69) lists
 * attributes: 2 is a printer port (ANSI media copy, ESC [ 5 i), 52 the
 * clipboard (OSC 52). A VT100-class reply (ESC [ ? 1 ; 2 c from rxvt and
 * tmux, ESC [ ? 6 c from the linux console) uses the same numbers for other
 * things (2 there is the "advanced video option"), so it offers neither. A
 * terminal that never answers offers neither. Nothing is allocated. */
#ifndef KIOSK_TERMCAPS_H
#define KIOSK_TERMCAPS_H

/* The query, written to the terminal once at start-up (never in --kiosk). */
#define TERMCAPS_DA1_QUERY "\033[c"

enum {
    TERMCAPS_PRINTER = 1,   /* the terminal's printer port: ANSI media copy */
    TERMCAPS_CLIPBOARD = 2, /* OSC 52: copy to the patient's own clipboard */
};

/* A CSI sequence's parameter bytes (what came between ESC [ and the final
 * byte, e.g. "?64;1;2;52") and its final byte. Returns -1 when it is not a
 * DA1 reply (then it is someone else's to decode), else the TERMCAPS_ bits
 * it offers: 0 for a VT100-class or malformed reply. */
int termcaps_da1(const char *params, int final);

#endif
