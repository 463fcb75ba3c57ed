/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bar.c: the fixed bar of tappable buttons (bar.h). */
#include "config.h"

#include "tui/bar.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <string.h>

void bar_add(struct bar *b, int id, const char *label)
{
    if (b->count >= BAR_MAX)
        return;
    b->id[b->count] = id;
    b->label[b->count] = label;
    b->count++;
}

static int button_width(const char *label)
{
    return (int)text_width(label, strlen(label)) + 4; /* "[ " label " ]" */
}

int bar_place(struct bar *b, int large, struct screen_size sz)
{
    b->h = large ? 3 : 1;
    int gap_rows = large ? 1 : 0, row = 0, x = 1, room = sz.cols - 2;
    int row_of[BAR_MAX];
    for (int i = 0; i < b->count; i++) {
        int w = button_width(b->label[i]);
        if (w > room)
            w = room;
        if (x > 1 && x + w > 1 + room) {
            row++;
            x = 1;
        }
        row_of[i] = row;
        b->x[i] = x;
        b->w[i] = w;
        x += w + 1;
    }
    int bar_rows = b->count ? row + 1 : 0;
    b->rows = bar_rows ? bar_rows * b->h + (bar_rows - 1) * gap_rows + gap_rows : 0;
    /* Never more than a third of the body: a small screen keeps its text
     * (at 40x12 the buttons are one row tall even with large targets). */
    while (b->rows > screen_body_rows(sz) / 3 && b->h > 1) {
        b->h = 1;
        gap_rows = 0;
        b->rows = bar_rows;
    }
    b->top = sz.lines - 2 - b->rows;
    for (int i = 0; i < b->count; i++)
        b->y[i] = b->top + gap_rows + row_of[i] * (b->h + gap_rows);
    return b->rows;
}

void bar_draw(const struct bar *b, struct screen_size sz)
{
    int attr = term_attr(ROLE_SELECT);
    for (int r = 0; r < b->rows; r++) {
        move(b->top + r, 0);
        clrtoeol();
    }
    for (int i = 0; i < b->count; i++) {
        char text[160];
        snprintf(text, sizeof text, "[ %s ]", b->label[i]);
        int mid = b->y[i] + b->h / 2;
        for (int r = 0; r < b->h; r++)
            mvhline(b->y[i] + r, b->x[i], ' ' | (chtype)attr, b->w[i]);
        term_text(mid, b->x[i], text, b->w[i] < sz.cols - b->x[i] ? b->w[i] : sz.cols - b->x[i],
                  attr);
    }
}

int bar_hit(const struct bar *b, int x, int y)
{
    for (int i = 0; i < b->count; i++)
        if (y >= b->y[i] && y < b->y[i] + b->h && x >= b->x[i] && x < b->x[i] + b->w[i])
            return b->id[i];
    return -1;
}

int bar_body_rows(const struct bar *b, struct screen_size sz)
{
    int rows = screen_body_rows(sz) - b->rows;
    return rows > 1 ? rows : 1;
}

int bar_back_home(struct bar *b, int large, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, BAR_BACK, _("Back"));
    bar_add(b, BAR_HOME, _("Home"));
    return bar_place(b, large, sz);
}
