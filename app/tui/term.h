/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term.h: the one place that starts and ends curses: colour roles with a
 * monochrome fallback, mouse, and drawing a laid-out line with its styles. */
#ifndef KIOSK_TERM_H
#define KIOSK_TERM_H

#include "core/layout.h"

/* Colour roles; each maps to attributes alone when colour is off. */
enum term_role {
    ROLE_TEXT,
    ROLE_TITLE,  /* top bar */
    ROLE_CRISIS, /* the 988 line */
    ROLE_FOOTER, /* key hints */
    ROLE_SELECT, /* the focused menu row */
    ROLE_MATCH,  /* search matches */
    ROLE_HEADING,
    ROLE_LINK,
    ROLE_RULE,
    ROLE_QUOTE,
    ROLE_NOTE,
    ROLE_COUNT
};

enum term_theme {
    THEME_COLOR,         /* colours when the terminal has them, else monochrome */
    THEME_MONO,          /* attributes only (--no-color, NO_COLOR) */
    THEME_HIGH_CONTRAST, /* white and yellow on black, nothing dimmed */
};

/* Start curses on the terminal in a theme. Returns 0, or -1 with a message
 * in err (unknown or missing TERM). */
int term_start(enum term_theme theme, char *err, size_t errlen);

/* Restore the terminal. Safe to call twice or without term_start(). */
void term_end(void);

/* The mouse events (an mmask_t) curses reports on this terminal; 0 without
 * a mouse or before term_start(). */
unsigned long term_mouse_mask(void);

/* The largest window laid out and drawn; a larger one shows only "too
 * large" (ui_draw_too_large()), at this size. */
enum { TERM_MAX_COLS = 500, TERM_MAX_LINES = 300 };

/* After getch() gave ERR: 1 when the window changed size (SIGWINCH); the new
 * size is then applied, capped at TERM_MAX_*: treat it as KEY_RESIZE. */
int term_resized(void);
/* 1 while the real window is larger than TERM_MAX_COLS x TERM_MAX_LINES. */
int term_too_large(void);

/* After getch() gave ERR: 1 when that was no timeout but the input's end
 * (EOF) or a hung-up terminal (EIO): the input is readable or hung up, yet
 * nothing came. A key arriving just then looks the same once, so callers
 * act only when it happens several times running. */
int term_input_closed(void);

/* Make curses drop what it drew and what was typed, when a patient is
 * forgotten: the keys left in its input queue are overwritten and
 * discarded; every window is blanked and the screen cleared and repainted
 * from blank, so curses' copies of the screen hold nothing of the patient's;
 * and a frame of blanks long enough to fill its output buffer overwrites the
 * bytes it last sent. Copies curses freed earlier (line buffers of an old
 * window size) are out of reach here; see docs/SECURITY.md. Safe without
 * term_start(). */
void term_forget(void);

/* Write bytes to the terminal as they are, past curses (which is flushed
 * first and knows nothing of them: they must not move the cursor or draw).
 * For the DA1 query and the take-home copies (core/termcopy.h). 0, or -1
 * when the terminal would not take them all. */
int term_write_raw(const char *bytes, size_t len);

/* Attributes for a role. */
int term_attr(enum term_role role);

/* Draw line i of layout at row y, column x, clipped to width cells (never
 * cutting a character); needle (may be NULL or empty) is highlighted
 * wherever it occurs within them. */
void term_draw_line(const struct layout *layout, size_t i, int y, int x, int width,
                    const char *needle);

/* Draw UTF-8 text at (y, x) clipped to width cells, in attr. Returns cells used. */
int term_text(int y, int x, const char *s, int width, int attr);

/* Fill a row from column x to the right edge with spaces in attr. */
void term_fill(int y, int x, int attr);

#endif
