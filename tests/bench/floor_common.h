/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor_common.h: what the benchmark's floor programs share: read a file,
 * draw one line clipped to the screen width in cells, and the footer every
 * floor ends its screen with (it carries "988", the marker the benchmark
 * waits for, like the kiosk's crisis line).
 *
 * The floors are the least a terminal program can do to show the same
 * page; they are measured beside patient-kiosk, never shipped. */
#ifndef BENCH_FLOOR_COMMON_H
#define BENCH_FLOOR_COMMON_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR       1

#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static char *floor_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fputs("out of memory\n", stderr);
            exit(2);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n + 1 >= cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Draw bytes [s, s+n) at row y from column x, never past the right edge:
 * decoded with the locale, clipped by cells. */
static void floor_line(int y, int x, const char *s, size_t n)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t buf[512];
    int used = 0, cells = 0, room = COLS - x;
    size_t i = 0;
    while (i < n && used < (int)(sizeof buf / sizeof buf[0]) - 1) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &st);
        if (k == (size_t)-1 || k == (size_t)-2) {
            memset(&st, 0, sizeof st);
            wc = L'?';
            k = 1;
        } else if (k == 0) {
            break;
        }
        int w = wcwidth(wc);
        if (w < 0)
            w = 1, wc = L'?';
        if (cells + w > room)
            break;
        buf[used++] = wc;
        cells += w;
        i += k;
    }
    buf[used] = L'\0';
    mvaddwstr(y, x, buf);
}

static void floor_start(void)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
}

static void floor_footer(const char *left)
{
    attrset(A_REVERSE);
    for (int x = 0; x < COLS; x++)
        mvaddch(LINES - 1, x, ' ');
    floor_line(LINES - 1, 1, left, strlen(left));
    attrset(A_NORMAL);
}

#endif
