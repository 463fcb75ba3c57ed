/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scroll.c: the scroll keys and the wheel (scroll.h). */
#include "config.h"

#include "tui/scroll.h"
#include "tui/cache.h"
#include "tui/screen.h"

#include <ncurses.h>
#include <stdint.h>

/* Move *top to t (or to the end), laying out what the move shows first. */
static void move_to(struct ui *ui, struct layout *L, size_t *top, long t, int to_end, long rows)
{
    /* A page still being laid out gets the lines this move shows, and a
     * screen more, before the move is clamped to its length. */
    if (t < 0)
        t = 0;
    cache_more(ui, L, to_end ? SIZE_MAX : (size_t)(t + 2 * rows));
    long n = L ? (long)L->line_count : 0, max = n > rows ? n - rows : 0;
    if (to_end)
        t = max;
    *top = (size_t)(t > max ? max : t);
}

int scroll_key(struct ui *ui, struct layout *L, size_t *top, int key, int rows)
{
    long t = (long)*top;
    int to_end = 0;
    switch (key) {
    case KEY_UP:
    case 'k':
        t--;
        break;
    case KEY_DOWN:
    case 'j':
    case '\n':
    case '\r':
    case KEY_ENTER:
        t++;
        break;
    case KEY_NPAGE:
    case ' ':
        t += rows - 1;
        break;
    case KEY_PPAGE:
    case 'b':
        t -= rows - 1;
        break;
    case KEY_HOME:
    case 'g':
        t = 0;
        break;
    case KEY_END:
    case 'G':
        to_end = 1;
        break;
    default:
        return 0;
    }
    move_to(ui, L, top, t, to_end, rows);
    return 1;
}

int scroll_wheel(struct ui *ui, struct layout *L, size_t *top, int wheel, int rows)
{
    if (!wheel)
        return 0;
    move_to(ui, L, top, (long)*top + 3 * wheel, 0, rows);
    return 1;
}

int scroll_mouse(struct ui *ui, struct layout *L, size_t *top, const struct ui_mouse *m, int rows)
{
    if (!m->wheel)
        return 0;
    int lines = m->drag > 0 ? m->drag : 3;
    move_to(ui, L, top, (long)*top + lines * m->wheel, 0, rows);
    return 1;
}
