/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chrome.h: what frames every screen: the title bar, the crisis line, the
 * footer with the key hints (or the notice), and the screen shown instead
 * when the terminal is too small. */
#ifndef KIOSK_CHROME_H
#define KIOSK_CHROME_H

struct ui;
struct screen_size;

/* The title bar (row 0), the crisis line and the footer (the last two
 * rows): ui->notice when set, else hints; position (may be NULL) at the
 * right of the footer. */
void chrome_draw(const struct ui *ui, const char *title, const char *hints, const char *position,
                 struct screen_size sz);

/* "Please make the window larger", and the crisis line. */
void chrome_too_small(struct screen_size sz);
/* "The window is too large": the real window is over TERM_MAX_COLS x
 * TERM_MAX_LINES (term.h); sz is the capped size curses was given. */
void chrome_too_large(struct screen_size sz);

/* Centre text on row y. */
void chrome_centre(int y, const char *text, int attr, struct screen_size sz);

#endif
