/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page_links.h: following the links of the page being read (for
 * screen_page.c): Tab / Shift-Tab focus the next / previous link, Enter or
 * a tap opens it, and Back returns to the page, scroll line and link the
 * reader left, through a small history. The history owns copies of the
 * page names and titles; page_links_clear() frees them. */
#ifndef KIOSK_PAGE_LINKS_H
#define KIOSK_PAGE_LINKS_H

#include <stddef.h>

#include "core/layout.h"

struct ui;
struct ui_mouse;
struct screen_size;

enum { PAGE_LINKS_HISTORY = 6 };

/* Where a reader was: page, title, first line shown, focused link. */
struct page_spot {
    char *key, *title;
    size_t top;
    size_t focus;
};

struct page_links {
    size_t focus; /* focused link's id + 1; 0: none */
    struct page_spot back[PAGE_LINKS_HISTORY];
    size_t depth;
};

/* The page being read, as screen_page.c holds it: *top moves on a scroll;
 * rows is how many text rows show above the page's bar of buttons. */
struct page_view {
    const char *key, *title;
    size_t *top;
    struct layout *layout;
    int rows;
};

/* Forget the focus and the history (a page opened from elsewhere, forget). */
void page_links_clear(struct page_links *pl);

/* Tab, Shift-Tab and Enter on a focused link. 1 when the key was used (it
 * may have opened another page: the view is then stale), 0 otherwise. */
int page_links_key(struct ui *ui, struct page_links *pl, const struct page_view *v, int key,
                   struct screen_size sz);

/* A tap on a link focuses and opens it. 1 when m was on a link. */
int page_links_mouse(struct ui *ui, struct page_links *pl, const struct page_view *v,
                     const struct ui_mouse *m, struct screen_size sz);

/* Back to the last place a link was followed from. 1 when it went back, 0
 * when the history is empty (the page's own Back applies). *top is the
 * page screen's first line shown, rows its text rows. */
int page_links_back(struct ui *ui, struct page_links *pl, size_t *top, int rows,
                    struct screen_size sz);

/* Over the drawn page text (rows text rows from screen row 1, at column
 * 1): the focused link, reversed. */
void page_links_draw(const struct page_links *pl, const struct layout *L, size_t top, int rows,
                     struct screen_size sz);

/* The footer hints for a page that has links (they name Tab), or NULL when
 * L has none: file says file mode, print that the print key is on. */
const char *page_links_hints(const struct layout *L, int file, int print);

#endif
