/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term.c: curses start and end, colour roles, styled line drawing. */
#include "config.h"

#include "tui/term.h"
#include "tui/keys.h"
#include "core/i18n.h"
#include "core/text.h"

#include <errno.h>
#include <malloc.h>
#include <ncurses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The screen, and how it is painted: the only mutable globals. */
static SCREEN *term_screen;
static int term_color;
static const struct role_style *term_roles;
/* 1 when bytes that were not whole characters went to addnstr(): curses may
 * then hold the start of a character, which changes how it takes the next
 * bytes it is given, so until a string ends cleanly addnstr() gets them all. */
static int term_bytes_pending;
/* The mouse events curses agreed to report (keys.c hands it the same). */
static unsigned long term_mouse;
/* 1 when the terminal was asked to report motion with a button down. */
static int term_motion;
/* The window's size is ours to read, not ncurses': a SIGWINCH only sets
 * this, and term_resized() applies the size, capped. */
static volatile sig_atomic_t term_winch;
static int term_large; /* the real window is larger than TERM_MAX_*: not drawn */
/* The screen's size at the start: curses' output buffer is sized for it
 * (term_forget() overwrites the buffer). */
static int term_start_lines, term_start_cols;

struct role_style {
    short fg, bg;
    int color_attr, mono_attr;
};

static const struct role_style roles[ROLE_COUNT] = {
    [ROLE_TEXT] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_CRISIS] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_FOOTER] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
    [ROLE_SELECT] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_UNDERLINE},
    [ROLE_HEADING] = {COLOR_BLUE, -1, A_BOLD, A_BOLD},
    [ROLE_LINK] = {COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE},
    [ROLE_RULE] = {COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    [ROLE_QUOTE] = {COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL},
    [ROLE_NOTE] = {-1, -1, A_DIM, A_DIM},
};

/* High contrast: white or yellow on black, selection black on yellow,
 * nothing dimmed; the mono column keeps it readable without colour too. */
static const struct role_style high_contrast[ROLE_COUNT] = {
    [ROLE_TEXT] = {COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL},
    [ROLE_TITLE] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_CRISIS] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_FOOTER] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_SELECT] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_MATCH] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_UNDERLINE},
    [ROLE_HEADING] = {COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_BOLD},
    [ROLE_LINK] = {COLOR_CYAN, COLOR_BLACK, A_UNDERLINE | A_BOLD, A_UNDERLINE},
    [ROLE_RULE] = {COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL},
    [ROLE_QUOTE] = {COLOR_YELLOW, COLOR_BLACK, A_NORMAL, A_NORMAL},
    [ROLE_NOTE] = {COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL},
};

static void on_winch(int sig)
{
    (void)sig;
    term_winch = 1;
}

/* The window's real size, from the terminal; 0 when it cannot be read. */
static int window_size(int *rows, int *cols)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
        return 0;
    if (ws.ws_row == 0 || ws.ws_col == 0)
        return 0;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 1;
}

int term_resized(void)
{
    if (!term_winch || !term_screen)
        return 0;
    term_winch = 0;
    int rows, cols;
    if (!window_size(&rows, &cols))
        return 1;
    term_large = rows > TERM_MAX_LINES || cols > TERM_MAX_COLS;
    int shrink = rows < LINES || cols < COLS;
    resizeterm(rows > TERM_MAX_LINES ? TERM_MAX_LINES : rows,
               cols > TERM_MAX_COLS ? TERM_MAX_COLS : cols);
    /* The terminal rewrapped or cleared what it showed: paint it all. */
    clearok(curscr, TRUE);
    if (shrink)
        malloc_trim(0); /* a big window's screen buffers go back to the system */
    return 1;
}

int term_too_large(void)
{
    return term_large;
}

int term_input_closed(void)
{
    struct pollfd p = {.fd = 0, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

int term_write_raw(const char *bytes, size_t len)
{
    if (term_screen)
        refresh(); /* curses' own bytes first, so none is cut in two */
    fflush(stdout);
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, bytes, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}

/* TERM as it may be shown back: it comes from the client (an SSH patient
 * can send any bytes), so control and non-ASCII bytes become '?' and it is
 * cut at 40 bytes with "...". */
static void shown_term(const char *term, char *buf, size_t size)
{
    size_t n = 0;
    for (; term[n] && n < 40 && n + 4 < size; n++) {
        unsigned char c = (unsigned char)term[n];
        buf[n] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
    }
    if (term[n] && n + 4 <= size)
        memcpy(buf + n, "...", 3), n += 3;
    buf[n] = '\0';
}

int term_start(enum term_theme theme, char *err, size_t errlen)
{
    const char *term = getenv("TERM");
    if (!term || !*term) {
        snprintf(err, errlen,
                 _("the terminal type is not set (TERM is empty); set it, for example "
                   "TERM=xterm-256color"));
        return -1;
    }
    /* Our own SIGWINCH handler, set before newterm(), keeps ncurses from
     * taking a new size itself: a hostile client can ask for 65535x65535,
     * which ncurses cannot allocate (it crashed). A window that starts too
     * large is started at the largest size drawn (LINES and COLUMNS, read by
     * newterm(), say so), then shows "too large". */
    struct sigaction sa = {0};
    sa.sa_handler = on_winch;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
    int rows, cols;
    term_large = window_size(&rows, &cols) && (rows > TERM_MAX_LINES || cols > TERM_MAX_COLS);
    char *old_lines = getenv("LINES"), *old_cols = getenv("COLUMNS");
    char saved_lines[16] = "", saved_cols[16] = "";
    snprintf(saved_lines, sizeof saved_lines, "%s", old_lines ? old_lines : "");
    snprintf(saved_cols, sizeof saved_cols, "%s", old_cols ? old_cols : "");
    if (term_large) {
        char v[16];
        snprintf(v, sizeof v, "%d", rows > TERM_MAX_LINES ? TERM_MAX_LINES : rows);
        setenv("LINES", v, 1);
        snprintf(v, sizeof v, "%d", cols > TERM_MAX_COLS ? TERM_MAX_COLS : cols);
        setenv("COLUMNS", v, 1);
    }
    FILE *out = stdout;
    term_screen = newterm(NULL, out, stdin);
    if (term_large) {
        old_lines ? setenv("LINES", saved_lines, 1) : unsetenv("LINES");
        old_cols ? setenv("COLUMNS", saved_cols, 1) : unsetenv("COLUMNS");
    }
    if (!term_screen) {
        char shown[48];
        shown_term(term, shown, sizeof shown);
        snprintf(err, errlen,
                 _("the terminal type \"%s\" (TERM) is unknown on this machine; try "
                   "TERM=xterm-256color or TERM=vt100"),
                 shown);
        return -1;
    }
    set_term(term_screen);
    /* ncurses 6.4 (Debian 12) flushes its output after every cursor movement
     * until the screen has once been suspended and resumed, so a page-down
     * left in some 27 write() calls. Suspended here, before anything else is
     * sent, the screen is resumed by the first refresh, and from then on a
     * frame leaves in as few writes as its bytes need. Nothing shows: the
     * alternate screen's switch on (from newterm) and off leave together in
     * one write, then the first refresh switches it on and draws. */
    endwin();
    term_bytes_pending = 0;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    set_escdelay(25); /* keys.c: the whole wait for a lone Esc */
    keys_start();
    int kmous = has_key(KEY_MOUSE); /* the terminal's kmous: xterm's reports */
    /* ncurses asks an xterm-like terminal for presses and releases only
     * (mode 1000). Mode 1002 adds motion while a button is held, so the text
     * follows a dragging finger; a terminal that does not know it ignores
     * it, and nothing moves without a button down, so a link over SSH
     * carries no motion when nobody touches. Motion is asked of curses only
     * then: loop.c reads any motion as a finger down (a console mouse that
     * reports hovering never gets it). */
    term_mouse = mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
                               BUTTON5_PRESSED | (kmous ? REPORT_MOUSE_POSITION : 0),
                           NULL);
    term_motion = term_mouse && kmous;
    if (term_motion)
        putp("\033[?1002h");
    mouseinterval(0);
    term_start_lines = LINES;
    term_start_cols = COLS;
    term_roles = theme == THEME_HIGH_CONTRAST ? high_contrast : roles;
    term_color = theme != THEME_MONO && has_colors() && start_color() == OK;
    if (term_color) {
        use_default_colors();
        for (int r = 0; r < ROLE_COUNT; r++)
            if (r > 0 || theme == THEME_HIGH_CONTRAST)
                init_pair((short)(r ? r : ROLE_COUNT), term_roles[r].fg, term_roles[r].bg);
        if (theme == THEME_HIGH_CONTRAST)
            bkgd(COLOR_PAIR(ROLE_COUNT)); /* white on black everywhere */
    }
    return 0;
}

void term_end(void)
{
    if (!term_screen)
        return;
    if (term_motion)
        putp("\033[?1002l"); /* endwin() turns off only the modes ncurses set */
    term_motion = 0;
    endwin();
    delscreen(term_screen);
    term_screen = NULL;
}

unsigned long term_mouse_mask(void)
{
    return term_mouse;
}

/* One frame of blanks, bold and plain in turn, drawn in full: about seven
 * bytes a cell leave through curses' output buffer, and nothing shows. */
static void blank_frame(void)
{
    for (int y = 0; y < LINES; y++)
        for (int x = 0; x < COLS; x++)
            mvaddch(y, x, ' ' | ((x + y) % 2 ? A_BOLD : A_NORMAL));
    clearok(curscr, TRUE);
    refresh();
}

void term_forget(void)
{
    if (!term_screen)
        return;
    /* Typed keys stay in curses' input ring after they are read: fill it,
     * then empty it. */
    for (int i = 0; i < 4096 && ungetch(0) == OK; i++)
        ;
    flushinp();
    /* Every cell of stdscr, and through a full repaint of newscr and
     * curscr, blank. */
    attrset(A_NORMAL);
    erase();
    clearok(curscr, TRUE);
    refresh();
    /* curses keeps the bytes it last sent (the patient's text among them) in
     * an output buffer of (2 + LINES) * (6 + COLS) bytes at the size it
     * started with (ncurses 6.4), reached only by a refresh (putp() and
     * mvcur() go through stdio). A frame of blanks that needs more bytes
     * than that overwrites all of it; drawn at the starting size when the
     * screen is smaller now. */
    int lines = LINES, cols = COLS;
    int big = (long)lines * cols < (long)term_start_lines * term_start_cols;
    if (big)
        resize_term(term_start_lines, term_start_cols);
    blank_frame();
    if (big)
        resize_term(lines, cols);
    erase();
    clearok(curscr, TRUE);
    refresh();
}

int term_attr(enum term_role role)
{
    if (!term_color)
        return term_roles[role].mono_attr;
    return term_roles[role].color_attr | (role ? (int)COLOR_PAIR(role) : 0);
}

static int style_attr(uint16_t style)
{
    int attr = A_NORMAL;
    if (style & STYLE_HEADING)
        attr |= term_attr(ROLE_HEADING);
    if (style & STYLE_LINK)
        attr |= term_attr(ROLE_LINK);
    if (style & STYLE_RULE)
        attr |= term_attr(ROLE_RULE);
    if (style & STYLE_QUOTE)
        attr |= term_attr(ROLE_QUOTE);
    if (style & STYLE_NOTE)
        attr |= term_attr(ROLE_NOTE);
    if (style & (STYLE_STRONG | STYLE_TABLE_HEAD | STYLE_MARKER))
        attr |= A_BOLD;
    if (style & STYLE_EMPH)
        attr |= A_ITALIC;
    if (style & (STYLE_CODE | STYLE_STRIKE))
        attr |= term_roles == high_contrast ? A_UNDERLINE : A_DIM;
    return attr;
}

/* Wide characters handed to curses per call. */
enum { WIDE_CHUNK = 128 };

/* 1 when text_decode() gave wc for the `used` bytes at s because they are
 * not valid UTF-8 (U+FFFD that is not U+FFFD itself). */
static int decoded_invalid(const char *s, size_t used, wchar_t wc)
{
    return wc == 0xFFFD && (used != 3 || memcmp(s, "\xEF\xBF\xBD", 3) != 0);
}

/* 1 unless s (len >= 1 bytes) ends with a whole, valid character. */
static int ends_unfinished(const char *s, size_t len)
{
    int bad = 0;
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        size_t n = text_decode(s + i, len - i, &wc);
        bad = decoded_invalid(s + i, n, wc);
        i += n;
    }
    return bad;
}

/* Add len bytes of UTF-8 at the cursor in the current attributes, exactly as
 * addnstr() would, but decoded here (text_decode) and added as wide
 * characters: addnstr() makes curses convert every byte again (mbrtowc,
 * wctob). Characters without a width of their own (combining marks, joiners)
 * still go through addnstr(), one at a time: curses attaches them to a wide
 * character differently on that path. From the first byte that is not a
 * valid printable character (an invalid sequence, a control) the rest goes to
 * addnstr() as before, so curses shows such bytes as it always did. */
static void add_utf8(const char *s, size_t len)
{
    wchar_t buf[WIDE_CHUNK];
    int n = 0;
    size_t i = 0;
    while (i < len && !term_bytes_pending) {
        unsigned char c = (unsigned char)s[i];
        wchar_t wc;
        size_t used = 1;
        if (c >= 0x20 && c < 0x7F) {
            wc = c;
        } else {
            used = text_decode(s + i, len - i, &wc);
            if (wc < 0x20 || (wc >= 0x7F && wc <= 0x9F) || decoded_invalid(s + i, used, wc))
                break;
            if (wcwidth(wc) <= 0) {
                if (n)
                    addnwstr(buf, n);
                n = 0;
                addnstr(s + i, (int)used);
                i += used;
                continue;
            }
        }
        if (n == WIDE_CHUNK) {
            addnwstr(buf, n);
            n = 0;
        }
        buf[n++] = wc;
        i += used;
    }
    if (n)
        addnwstr(buf, n);
    if (i < len) {
        addnstr(s + i, (int)(len - i));
        term_bytes_pending = ends_unfinished(s + i, len - i);
    }
}

/* The bytes of s (len bytes) that fit in width cells, never cutting a
 * character; *cells gets the cells they take. */
static size_t fit(const char *s, size_t len, int width, int *cells)
{
    size_t used = 0;
    *cells = 0;
    while (used < len) {
        wchar_t wc;
        size_t n = text_decode(s + used, len - used, &wc);
        int w = text_char_width(wc);
        if (*cells + w > width)
            break;
        *cells += w;
        used += n;
    }
    return used;
}

int term_text(int y, int x, const char *s, int width, int attr)
{
    int cells;
    size_t used = fit(s, strlen(s), width, &cells);
    attrset(attr);
    if (move(y, x) == OK) /* as mvaddnstr(): nothing drawn off the screen */
        add_utf8(s, used);
    attrset(A_NORMAL);
    return cells;
}

void term_fill(int y, int x, int attr)
{
    if (x < 0)
        x = 0;
    if (x >= COLS)
        return;
    attrset(attr);
    /* The same blanks as addch(' ') in every cell, but those between the
     * first and the last cell as one hline(). The first cell is added after
     * it (hline() blanks the half of a wide character it cuts there), the
     * last one too, so that the cursor wraps past the edge as before. */
    if (x < COLS - 2 && move(y, x + 1) == OK)
        hline(' ', COLS - 2 - x);
    if (mvaddch(y, x, ' ') == OK && x < COLS - 1)
        mvaddch(y, COLS - 1, ' ');
    attrset(A_NORMAL);
}

void term_draw_line(const struct layout *L, size_t i, int y, int x, int width, const char *needle)
{
    const struct layout_line *line = &L->lines[i];
    const char *text = layout_line_text(L, i);
    if (move(y, x) != OK)
        return;
    /* Clipped to width cells, as term_text(). */
    int room = width;
    for (size_t s = 0; s < line->span_count && room > 0; s++) {
        const struct layout_span *sp = &L->spans[line->span_off + s];
        int cells;
        size_t used = fit(text + sp->off, sp->len, room, &cells);
        attrset(style_attr(sp->style));
        add_utf8(text + sp->off, used);
        room -= cells;
        if (used < sp->len)
            break;
    }
    attrset(A_NORMAL);
    if (!needle || !*needle)
        return;
    size_t from = 0, mlen;
    long at;
    while ((at = text_find(text, line->text_len, from, needle, &mlen)) >= 0) {
        int col = (int)text_width(text, (size_t)at), cells;
        if (col >= width)
            break;
        size_t used = fit(text + at, mlen, width - col, &cells);
        attrset(term_attr(ROLE_MATCH));
        if (move(y, x + col) == OK)
            add_utf8(text + at, used);
        attrset(A_NORMAL);
        from = (size_t)at + (mlen ? mlen : 1);
    }
}
