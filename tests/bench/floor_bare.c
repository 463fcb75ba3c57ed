/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor_bare.c: the least a curses program does to show a page: set up the
 * screen, print the file's first lines as they are, refresh, wait for a key.
 * Usage: floor_bare FILE */
#include "floor_common.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: floor_bare FILE\n", stderr);
        return 2;
    }
    size_t len;
    char *text = floor_slurp(argv[1], &len);
    floor_start();
    const char *p = text, *end = text + len;
    for (int y = 0; y < LINES - 1 && p < end; y++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        floor_line(y, 0, p, n);
        p += n + (nl ? 1 : 0);
    }
    floor_footer("Crisis: call or text 988.  q quit");
    refresh();
    while (getch() != 'q')
        ;
    endwin();
    free(text);
    return 0;
}
