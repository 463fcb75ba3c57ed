/* SPDX-License-Identifier: GPL-3.0-or-later */
/* menu.h: a scrollable list of choices (home menu, search results, the
 * headings, the contents, languages, the staff menu): numbered rows, a
 * focus marked in text and colour, keys 1-9, touch on any row of an entry
 * (three rows each with --large-targets). */
#ifndef KIOSK_MENU_H
#define KIOSK_MENU_H

#include <stddef.h>

struct ui;
struct ui_mouse;
struct screen_size;

struct menu {
    size_t count, selected, top;
};

/* What a key or touch did to a menu. */
enum { MENU_IGNORED, MENU_MOVED, MENU_CHOSEN };

/* Draw m's entries from row y for rows rows; label(ui, i) gives entry i. */
void menu_draw(struct menu *m, int y, int rows, const char *(*label)(struct ui *, size_t),
               struct ui *ui, struct screen_size sz);

/* A key for the menu drawn in rows rows. */
int menu_key(struct menu *m, int key, int rows, const struct ui *ui);

/* A touch or a wheel turn for the menu drawn at row y in rows rows. */
int menu_mouse(struct menu *m, const struct ui_mouse *ev, int rows, int y, const struct ui *ui);

/* A list screen's keys: the menu's own, then the back keys (to the screen
 * back) and q (quit). Returns MENU_CHOSEN when the key chose the focused
 * entry, else MENU_MOVED or MENU_IGNORED as menu_key(). */
int menu_list_key(struct ui *ui, struct menu *m, int key, int rows, int back);

/* 1 for the keys that go back from a list: Esc, Backspace (both codes), Left. */
int menu_is_back_key(int key);

#endif
