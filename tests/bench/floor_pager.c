/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor_pager.c: a minimal curses pager: the lines of a text file (the
 * benchmark gives it patient-kiosk's own --render output at the kiosk's text
 * width, so both show the same text), a status line, Space/PgDn/f a page
 * down, b/PgUp a page up, q quits. It redraws the way curses programs
 * usually do (erase, draw every visible line, refresh) and lets curses send
 * only the difference.
 * Usage: floor_pager FILE */
#include "floor_common.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: floor_pager FILE\n", stderr);
        return 2;
    }
    size_t len, count = 0, cap = 1024;
    char *text = floor_slurp(argv[1], &len);
    size_t *starts = malloc(cap * sizeof *starts);
    for (size_t i = 0; starts && i < len;) {
        if (count == cap)
            starts = realloc(starts, (cap *= 2) * sizeof *starts);
        if (!starts)
            break;
        starts[count++] = i;
        const char *nl = memchr(text + i, '\n', len - i);
        i = nl ? (size_t)(nl - text) + 1 : len;
    }
    if (!starts) {
        fputs("out of memory\n", stderr);
        return 2;
    }
    floor_start();
    size_t top = 0;
    for (;;) {
        size_t rows = (size_t)(LINES - 1);
        erase();
        for (size_t r = 0; r < rows && top + r < count; r++) {
            size_t s = starts[top + r];
            size_t e = top + r + 1 < count ? starts[top + r + 1] - 1 : len;
            floor_line((int)r, 1, text + s, e - s);
        }
        char status[160];
        size_t last = top + rows < count ? top + rows : count;
        snprintf(status, sizeof status, "Crisis: call or text 988.  %zu-%zu of %zu", top + 1, last,
                 count);
        floor_footer(status);
        refresh();
        int key = getch();
        size_t max = count > rows ? count - rows : 0;
        if (key == 'q' || key == ERR)
            break;
        if (key == ' ' || key == KEY_NPAGE || key == 'f')
            top = top + rows - 1 < max ? top + rows - 1 : max;
        else if (key == 'b' || key == KEY_PPAGE)
            top = top > rows - 1 ? top - (rows - 1) : 0;
    }
    endwin();
    free(starts);
    free(text);
    return 0;
}
