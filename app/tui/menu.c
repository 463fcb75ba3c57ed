/* SPDX-License-Identifier: GPL-3.0-or-later */
/* menu.c: a scrollable list of choices (menu.h). */
#include "config.h"

#include "tui/menu.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"

#include <ncurses.h>
#include <stdio.h>

/* Rows each menu entry takes: three with --large-targets. */
static int entry_height(const struct ui *ui)
{
    return ui->opts->large ? 3 : 1;
}

void menu_draw(struct menu *m, int y, int rows, const char *(*label)(struct ui *, size_t),
               struct ui *ui, struct screen_size sz)
{
    int h = entry_height(ui), fit = rows / h > 0 ? rows / h : 1;
    if (m->selected >= m->count)
        m->selected = m->count ? m->count - 1 : 0;
    if (m->selected < m->top)
        m->top = m->selected;
    if (m->selected >= m->top + (size_t)fit)
        m->top = m->selected - (size_t)fit + 1;
    int cursor_y = y;
    for (int r = 0; r < fit && m->top + (size_t)r < m->count; r++) {
        size_t i = m->top + (size_t)r;
        int row = y + r * h + h / 2;
        char num[16];
        if (i < 99) /* every entry a number can reach */
            snprintf(num, sizeof num, "%2zu. ", i + 1);
        else
            snprintf(num, sizeof num, "    ");
        int sel = i == m->selected;
        int attr = sel ? term_attr(ROLE_SELECT) : (int)A_NORMAL;
        if (sel) {
            for (int k = 0; k < h; k++)
                term_fill(y + r * h + k, 1, attr); /* the whole target lights up */
            cursor_y = row;
        }
        /* The focus is marked with text too, not only by colour. */
        term_text(row, 1, sel ? ">" : " ", 1, attr);
        int x = 2 + term_text(row, 2, num, 5, attr);
        term_text(row, x, label(ui, i), sz.cols - x - 1, attr);
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
    int h = entry_height(ui);
    if (m->count == 0)
        return MENU_IGNORED;
    if (ev->wheel) { /* a wheel turn moves one entry; a drag one per entry's rows moved */
        int steps = ev->drag / h > 1 ? ev->drag / h : 1, done = MENU_IGNORED;
        for (int i = 0; i < steps; i++)
            if (menu_key(m, ev->wheel < 0 ? KEY_UP : KEY_DOWN, rows, ui) != MENU_IGNORED)
                done = MENU_MOVED;
        return done;
    }
    if (ev->y < y || ev->y >= y + rows)
        return MENU_IGNORED;
    size_t row = m->top + (size_t)((ev->y - y) / h);
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
