/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain.h: the linear mode for screen readers, braille displays and dumb
 * terminals (--plain, or TERM=dumb). No cursor addressing and no escape
 * sequences at all: pages come out as wrapped text a screenful at a time,
 * menus and questions as numbered lines, and the patient types a number (or
 * a letter) and Enter (the one exception: plain_takehome_copy()). It covers the home menu, every
 * page and its teach-back check, the question flow, the summary with printing and saving, and
 * the language switch.
 *
 * Only plain stdio and core/ are used here, never ncurses.
 *
 * Width: the output terminal's own (TIOCGWINSZ, asked again after every
 * answer, so a resize counts), else $COLUMNS when it is a number from 20 to
 * 400, else 80 (text is laid out one cell narrower, so a terminal that wraps
 * at its last column never adds blank lines). A screenful: the terminal's
 * rows (else $LINES from 5 to 1000, else 24) less one, then a "-- More --"
 * line that waits for Enter. Tables always come out as cards of "Header:
 * value" lines, which a screen reader reads in order.
 *
 * Outside kiosk mode no idle timeout applies: nothing is cleared while the
 * patient reads (a screen-reader user may take a long time). In kiosk mode,
 * after the idle time a "still there?" line waits for the countdown, which
 * any key (Enter or not) ends; if nobody presses one, the answers are wiped and the session ends,
 * for the kiosk's service to start the next one. The answers are also wiped when the session ends
 * otherwise: q, end of input, or SIGHUP, SIGINT or SIGTERM. In kiosk mode q does not quit, Ctrl-C,
 * Ctrl-\ and Ctrl-Z are ignored and, when the input is a terminal, Ctrl-D is no end of input;
 * everything is restored on return. */
#ifndef KIOSK_PLAIN_H
#define KIOSK_PLAIN_H

#include <stdio.h>

#include "core/content.h"
#include "core/flow.h"
#include "tui/ui.h"

/* Run the linear session, reading lines from in and writing text to out,
 * until the patient quits or the input ends. Same ownership as ui_run():
 * *content and *flow are the caller's; a language switch replaces them, so
 * the caller frees whatever they point to afterwards. *flow NULL: the
 * question flow is read when the questions are first used (never for
 * opts->file), and a problem in it is printed then. Patient answers live
 * only in memory and are zeroed before return. Returns the exit status: 0 (also at end of input),
 * or 2 when opts->file cannot be read (the message is printed to stderr). */
int plain_run(struct content **content, struct flow **flow, const struct ui_options *opts, FILE *in,
              FILE *out);

#ifdef PLAIN_INTERNAL
/* ---- shared by plain.c, plain_keys.c, plain_flow.c, plain_links.c and plain_teachback.c only ----
 */

#include "core/layout.h"

/* The most languages the language list offers. */
#define PLAIN_MAX_LANGUAGES 16
/* Bytes of each stdio buffer. */
#define PLAIN_STDIO_BYTES 4096

enum plain_screen { PLAIN_HOME, PLAIN_QUESTION, PLAIN_SUMMARY };

struct plain {
    struct visit visit; /* the patient's visit: content, questions, answers, summary */
    const struct ui_options *opts;
    FILE *in, *out;
    int in_tty;            /* the input echoes itself; otherwise plain_read echoes it */
    int width;             /* layout width in cells */
    int height;            /* lines in a screenful, the "More" line included */
    int printed;           /* lines written since the last line was read */
    size_t language_count; /* languages the content is written in */
    enum plain_screen screen;
    int show_intro;     /* print the welcome text with the next menu */
    int done;           /* quit, end of input or a signal */
    const char *prompt; /* the prompt plain_read() waits under, or NULL */
    char *line;         /* the last line read, at most PLAIN_LINE_MAX bytes */
    size_t line_cap;
    char *stdio_buf[2]; /* in's and out's stdio buffers (zeroed when forgotten) */
    int termcaps;       /* TERMCAPS_ bits of the terminal (plain_copy.c), once asked */
    int termcaps_asked; /* 1 once the terminal was asked (at the first take-home) */
};

/* After the take-home code: when the patient's own terminal (never a
 * kiosk's, only when in and out are one terminal) says it has a clipboard
 * or a printer port, offer to copy or print the take-home text there
 * (core/termcopy.h), and say what happened. The terminal is asked once,
 * the first time (the DA1 query: the one escape sequence plain mode writes
 * unasked, and only then). plain_copy.c. */
void plain_takehome_copy(struct plain *p);

/* The longest input line kept: the rest of a longer line is read and
 * dropped (a pipe with no newline must not fill the memory). */
enum { PLAIN_LINE_MAX = 1024 };

/* Read one line: the trimmed text (valid until the next read), or NULL when
 * the input ended or a stop signal came (p->done is then set). */
const char *plain_read(struct plain *p);
/* Print a prompt (no newline) and read the answer, as plain_read(). */
const char *plain_ask(struct plain *p, const char *prompt);
/* Write text as it is (a write error ends the session). */
void plain_write(struct plain *p, const char *text);
/* Print text wrapped to the width ("\n\n" separates paragraphs). */
void plain_say(struct plain *p, const char *text);
/* Print laid-out line i, trailing spaces trimmed, after prefix (may be NULL). */
void plain_line(struct plain *p, const struct layout *L, size_t i, const char *prefix);
/* Show a layout a screenful at a time. 1 when it was read to the end, 0
 * when the reader stopped (b or q), -1 when the session is over. */
int plain_pager(struct plain *p, const struct layout *L);

/* The pages of a page's "Links on this page" notes (plain_links.c):
 * page[n - 1] is note [n]'s page, NULL for a website's. */
enum { PLAIN_LINKS_MAX = 64 };
struct plain_links {
    char *page[PLAIN_LINKS_MAX]; /* owned */
    size_t count;                /* notes */
};
/* Read a page (a menu page name, or a file path for file). 1 when it was
 * read to the end, 0 when stopped or unreadable, -1 when the session is
 * over. links (may be NULL) gets its notes' pages when it was read to the
 * end; free them with plain_links_free() whatever it returns. */
int plain_page(struct plain *p, const char *key, int file, struct plain_links *links);
/* The pages of L's notes into out. */
void plain_links_collect(const struct layout *L, struct plain_links *out);
void plain_links_free(struct plain_links *l);
/* Read page, then the page of the note the patient types the number of, as
 * long as they type one. Returns as plain_page(). */
int plain_links_read(struct plain *p, const char *page);
/* Layout options for this session at width cells. */
struct layout_opts plain_layout_opts(const struct plain *p, int width);
/* Parse a whole choice number from 1 to count; -1 when s is not one. */
int plain_number(const char *s, int count);
/* The keys every prompt shares: L (language), ? (help), q (quit; refused
 * in kiosk mode). 1 when s was one of them. */
int plain_common_key(struct plain *p, const char *s);
/* "That is not one of the choices." */
void plain_invalid(struct plain *p);

/* plain_teachback.c: a page's "Did we explain this clearly?" check
 * (core/teachback.h). plain_teachback_offered(): 1 when page has one (never
 * for a file preview or the questions). plain_teachback_offer() says so and
 * names the key e. plain_teachback_run() asks its questions one at a time
 * and keeps the answers in the visit; 0 when the patient is back at the
 * page's end, -1 when the session is over. */
int plain_teachback_offered(struct plain *p, const char *page);
void plain_teachback_offer(struct plain *p);
int plain_teachback_run(struct plain *p, const char *page);

/* plain_flow.c */
void plain_question(struct plain *p);
void plain_summary(struct plain *p);
/* visit_flow_ready(), saying why when the questions cannot be used. */
int plain_flow_ready(struct plain *p);
/* Start or resume the questions (the FLOW_PAGE menu entry); plain_flow_ready()
 * must have returned 1. */
void plain_flow_open(struct plain *p);
#endif

#endif
