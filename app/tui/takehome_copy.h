/* SPDX-License-Identifier: GPL-3.0-or-later */
/* takehome_copy.h: the take-home screen's choices for a patient at home
 * over SSH: "Copy to my clipboard" (OSC 52) and "Print on my own printer"
 * (ANSI media copy), each shown only when the patient's terminal said it
 * can (ui->termcaps, from its DA1 answer; never in a kiosk). The text is
 * the take-home code's (core/qr.h), sent with core/termcopy.h straight to
 * the terminal: nothing is written on the server, nothing is logged. */
#ifndef KIOSK_TAKEHOME_COPY_H
#define KIOSK_TAKEHOME_COPY_H

#include "tui/screen.h"

/* 1 when the terminal offers either choice (a row of buttons is drawn). */
int takehome_copy_shown(const struct ui *ui);

/* Draw the row of choices on row y. */
void takehome_copy_draw(const struct ui *ui, int y, struct screen_size sz);

/* The key ('c' or 'p') of the choice a touch at (x, y) is on, the row
 * drawn on row; 0 when it is on none. */
int takehome_copy_hit(const struct ui *ui, int x, int y, int row);

/* Key c (copy) or p (print): send the take-home text to the terminal.
 * Returns what happened in plain words (translated; not to be freed), or
 * NULL when key is no choice the terminal offers. */
const char *takehome_copy_key(struct ui *ui, int key);

#endif
