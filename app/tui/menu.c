/* SPDX-License-Identifier: GPL-3.0-or-later */
/* menu.c: a scrollable list of choices (menu.h). */
#include "config.h"

#include "tui/menu.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows each menu entry takes: three with --large-targets. */
static int entry_height(const struct ui *ui)
{
    return ui->opts->large ? 3 : 1;
}

/* Where a menu's parts are in its rows: the "more above" and "more below"
 * markers (each a tap target as tall as an entry where the rows allow),
 * shown only when entries are hidden that way, and the entries between them. */
struct menu_view {
    int h;        /* rows an entry takes */
    int mh;       /* rows a marker takes: as an entry's where two entries still fit, else 1 */
    int fit;      /* entries shown */
    int up, down; /* 1 when that marker is shown */
    int first_y;  /* the first entry's row */
    int down_y;   /* the "more below" marker's first row */
};

/* Place m in rows rows from row y, moving m->top so that the focused entry
 * is shown. */
static void menu_place(struct menu *m, int y, int rows, const struct ui *ui, struct menu_view *v)
{
    int h = entry_height(ui);
    int mh = rows >= 4 * h ? h : 1;
    *v = (struct menu_view){.h = h, .mh = mh};
    if (m->selected >= m->count)
        m->selected = m->count ? m->count - 1 : 0;
    /* Markers only where the list does not fit and an entry still does. */
    int marks = (size_t)(rows / h) < m->count && rows >= 2 * mh + h;
    for (int pass = 0; pass < 3; pass++) {
        v->up = marks && m->top > 0;
        int fit = (rows - v->up * mh) / h;
        v->down = marks && m->top + (size_t)fit < m->count;
        fit = (rows - (v->up + v->down) * mh) / h;
        v->fit = fit > 0 ? fit : 1;
        if (m->selected < m->top)
            m->top = m->selected;
        else if (m->selected >= m->top + (size_t)v->fit)
            m->top = m->selected - (size_t)v->fit + 1;
        else
            break;
    }
    v->first_y = y + v->up * mh;
    v->down_y = y + rows - mh;
}

/* label as it fits in width cells: whole, or cut after the last word that
 * fits with "…" ("..." in ASCII mode) after it, never inside a word (inside
 * one only when its first word alone is too wide). Returns label or buf. */
static const char *fitted_label(const char *label, int width, const struct ui *ui, char *buf,
                                size_t size)
{
    size_t len = strlen(label);
    if (width <= 0 || (int)text_width(label, len) <= width)
        return label;
    const char *more = ui->opts->visit.ascii ? "..." : "\u2026";
    int room = width - (ui->opts->visit.ascii ? 3 : 1);
    char *brks = malloc(len ? len : 1);
    if (!brks || room <= 0) {
        free(brks);
        return label; /* term_text() cuts it at the width */
    }
    text_breaks(label, len, ui->visit.content->lang, brks);
    size_t cut = 0, chars = 0; /* the last break that fits; the last character that does */
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        size_t n = text_decode(label + i, len - i, &wc);
        if ((int)text_width(label, i + n) > room)
            break;
        i += n;
        chars = i;
        if (i < len && brks[i - 1] == TEXT_BREAK_ALLOW)
            cut = i;
    }
    free(brks);
    if (!cut)
        cut = chars;
    while (cut > 0 && label[cut - 1] == ' ')
        cut--;
    snprintf(buf, size, "%.*s%s", (int)cut, label, more);
    return buf;
}

static void draw_marker(int y, int h, const char *text, struct screen_size sz)
{
    term_text(y + h / 2, 1, text, sz.cols - 2, (int)A_BOLD);
}

void menu_draw(struct menu *m, int y, int rows, const char *(*label)(struct ui *, size_t),
               struct ui *ui, struct screen_size sz)
{
    struct menu_view v;
    menu_place(m, y, rows, ui, &v);
    int h = v.h, cursor_y = y;
    if (v.up)
        draw_marker(y, v.mh, _("[ ^ more above ]"), sz);
    if (v.down)
        draw_marker(v.down_y, v.mh, _("[ v more below ]"), sz);
    for (int r = 0; r < v.fit && m->top + (size_t)r < m->count; r++) {
        size_t i = m->top + (size_t)r;
        int top_row = v.first_y + r * h, row = top_row + h / 2;
        char num[16];
        if (i < 99) /* every entry a number can reach */
            snprintf(num, sizeof num, "%2zu. ", i + 1);
        else
            snprintf(num, sizeof num, "    ");
        int sel = i == m->selected;
        int attr = sel ? term_attr(ROLE_SELECT) : (int)A_NORMAL;
        if (sel) {
            for (int k = 0; k < h; k++)
                term_fill(top_row + k, 1, attr); /* the whole target lights up */
            cursor_y = row;
        }
        /* The focus is marked with text too, not only by colour. */
        term_text(row, 1, sel ? ">" : " ", 1, attr);
        int x = 2 + term_text(row, 2, num, 5, attr);
        char shown[512];
        term_text(row, x, fitted_label(label(ui, i), sz.cols - x - 1, ui, shown, sizeof shown),
                  sz.cols - x - 1, attr);
    }
    move(cursor_y, 1); /* screen readers follow the cursor */
}

int menu_key(struct menu *m, int key, int rows, const struct ui *ui)
{
    int h = entry_height(ui);
    if (m->count == 0)
        return MENU_IGNORED;
    switch (key) {
    case KEY_UP:
    case 'k':
        if (m->selected > 0)
            m->selected--;
        return MENU_MOVED;
    case KEY_DOWN:
    case 'j':
        if (m->selected + 1 < m->count)
            m->selected++;
        return MENU_MOVED;
    case KEY_HOME:
    case 'g':
        m->selected = 0;
        return MENU_MOVED;
    case KEY_END:
    case 'G':
        m->selected = m->count - 1;
        return MENU_MOVED;
    case KEY_PPAGE: {
        size_t page = (size_t)(rows / h > 0 ? rows / h : 1);
        m->selected = m->selected > page ? m->selected - page : 0;
        return MENU_MOVED;
    }
    case KEY_NPAGE: {
        size_t page = (size_t)(rows / h > 0 ? rows / h : 1);
        m->selected = m->selected + page < m->count ? m->selected + page : m->count - 1;
        return MENU_MOVED;
    }
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_RIGHT:
        return MENU_CHOSEN;
    default:
        if (key >= '0' && key <= '9') {
            size_t n = keys_number(key, m->count, NULL); /* 1 then 3 is 13 */
            if (n)
                m->selected = n - 1;
            return n ? MENU_CHOSEN : MENU_IGNORED;
        }
        return MENU_IGNORED;
    }
}

int menu_mouse(struct menu *m, const struct ui_mouse *ev, int rows, int y, const struct ui *ui)
{
    if (m->count == 0)
        return MENU_IGNORED;
    struct menu_view v;
    menu_place(m, y, rows, ui, &v);
    int h = v.h;
    if (ev->wheel) { /* a wheel turn moves one entry; a drag one per entry's rows moved */
        int steps = ev->drag / h > 1 ? ev->drag / h : 1, done = MENU_IGNORED;
        for (int i = 0; i < steps; i++)
            if (menu_key(m, ev->wheel < 0 ? KEY_UP : KEY_DOWN, rows, ui) != MENU_IGNORED)
                done = MENU_MOVED;
        return done;
    }
    if (v.up && ev->y >= y && ev->y < y + v.mh) { /* "more above": the page before */
        size_t page = (size_t)v.fit;
        m->top = m->top > page ? m->top - page : 0;
        m->selected = m->top + page - 1 < m->count ? m->top + page - 1 : m->count - 1;
        return MENU_MOVED;
    }
    if (v.down && ev->y >= v.down_y && ev->y < v.down_y + v.mh) { /* "more below": the next page */
        m->top += (size_t)v.fit;
        m->selected = m->top < m->count ? m->top : m->count - 1;
        return MENU_MOVED;
    }
    if (ev->y < v.first_y || ev->y >= v.first_y + v.fit * h)
        return MENU_IGNORED;
    size_t row = m->top + (size_t)((ev->y - v.first_y) / h);
    if (row >= m->count)
        return MENU_IGNORED;
    m->selected = row; /* a touch anywhere on the entry chooses it */
    return MENU_CHOSEN;
}

int menu_is_back_key(int key)
{
    return key == 27 || key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_LEFT;
}

int menu_list_key(struct ui *ui, struct menu *m, int key, int rows, int back)
{
    int done = menu_key(m, key, rows, ui);
    if (done != MENU_IGNORED)
        return done;
    if (menu_is_back_key(key))
        ui->screen = (enum screen_id)back;
    else if (key == 'q' || key == 'Q')
        ui->quit = 1;
    return MENU_IGNORED;
}
