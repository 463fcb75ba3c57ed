/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bar.h: the fixed bar of tappable buttons above the crisis line, which
 * never scrolls away. A screen fills a struct bar with its buttons (ids of
 * its own and translated labels) each time it draws or is tapped, places it
 * for the size, draws it, and maps a tap to a button with bar_hit(). The
 * bar owns nothing: labels are the caller's (gettext's) strings. */
#ifndef KIOSK_BAR_H
#define KIOSK_BAR_H

struct screen_size;

enum { BAR_MAX = 8 };

struct bar {
    int count;
    int id[BAR_MAX];
    const char *label[BAR_MAX];
    int x[BAR_MAX], y[BAR_MAX], w[BAR_MAX]; /* placed: the button's top row, column, cells */
    int h;                                  /* rows each button takes: 1, or 3 with large */
    int top, rows;                          /* first row of the bar and how many it takes */
};

/* Add a button (at most BAR_MAX; more are ignored). */
void bar_add(struct bar *b, int id, const char *label);

/* Place the buttons as "[ Label ]" left to right just above the crisis
 * line, wrapping whole buttons onto another bar row when the width is
 * short (a label never cut); large: every button three rows tall with a
 * blank row between bar rows. Returns the rows the bar takes (b->rows). */
int bar_place(struct bar *b, int large, struct screen_size sz);

/* Draw a placed bar. */
void bar_draw(const struct bar *b, struct screen_size sz);

/* The id of the button drawn at column x, row y, or -1 for none. */
int bar_hit(const struct bar *b, int x, int y);

/* The ids of bar_back_home()'s buttons. */
enum { BAR_BACK, BAR_HOME };

/* Fill b with the two buttons most screens need, Back (BAR_BACK) and Home
 * (BAR_HOME), and place it (bar_place()). Returns the rows it takes. */
int bar_back_home(struct bar *b, int large, struct screen_size sz);

/* The body rows left for a screen above its bar. */
int bar_body_rows(const struct bar *b, struct screen_size sz);

#endif
