/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen.h: the screens as a table, the way tmux has window modes. Each
 * screen is a struct screen_ops (draw, key, mouse, resize, forget) with its
 * own private state, defined in its own file and reached only there; struct
 * ui holds what the screens share. The size a screen draws in is passed to
 * it; no screen reads COLS or LINES (only loop.c does, once per turn).
 *
 * Where things are:
 *   screen_home.c      the home menu, searching all pages, the list of pages found
 *   screen_page.c      reading a page: scroll, search, its headings (t)
 *   screen_contents.c  training (c): every page and question, to jump to
 *   screen_question.c  one question per screen, with Back / Next / Home buttons
 *   screen_urgent.c    the urgent page an urgent answer opens
 *   screen_summary.c   the summary for the clinician: the print (p) and save (s) keys
 *   screen_ask.c       the question builder before the summary: ticks and the patient's own
 *   screen_takehome.c  the summary as a QR code for the patient's phone
 *   screen_teachback.c "Did we explain this clearly?", the check after a key page
 *   screen_language.c  choosing the language, and the language switch
 *   screen_help.c      every key
 *   screen_kiosk.c     the kiosk's attract screen, "Still there?", staff PIN and menu
 *   cache.c chrome.c menu.c scroll.c prompt.c: what the screens share
 *   loop.c             the main loop that dispatches through the table */
#ifndef KIOSK_SCREEN_H
#define KIOSK_SCREEN_H

#include <stddef.h>
#include <wchar.h>

#include "core/content.h"
#include "tui/cache.h"
#include "tui/prompt.h"
#include "tui/ui.h"
#include "tui/ui_clock.h"

enum screen_id {
    SCREEN_HOME,
    SCREEN_PAGE,
    SCREEN_TOC,
    SCREEN_RESULTS,
    SCREEN_HELP,
    SCREEN_QUESTION,
    SCREEN_URGENT,
    SCREEN_SUMMARY,
    SCREEN_LANGUAGE,
    SCREEN_ATTRACT,   /* kiosk: waiting for the next patient */
    SCREEN_IDLE,      /* "Still there?" with a countdown */
    SCREEN_STAFF,     /* kiosk: PIN, then the staff menu */
    SCREEN_CONTENTS,  /* training: every page and question */
    SCREEN_ASK,       /* the question builder, before the summary */
    SCREEN_TAKEHOME,  /* the summary as a QR code */
    SCREEN_TEACHBACK, /* "Did we explain this clearly?" after a page */
    SCREEN_COUNT
};

/* The terminal's size, as the main loop read it for this turn. */
struct screen_size {
    int cols, lines;
};

/* Rows of the body between the title bar and the two footer rows. */
static inline int screen_body_rows(struct screen_size sz)
{
    return sz.lines - 3;
}

/* Width the pages are laid out at: the body less a column each side. */
static inline int screen_text_width(struct screen_size sz)
{
    return sz.cols - 2;
}

/* Smallest terminal the screens are drawn in; below it a "please enlarge" screen. */
enum { MIN_COLS = 40, MIN_LINES = 12 };

/* Minutes after printing during which staff may reprint a summary. */
enum { REPRINT_MINUTES = 5 };

enum { MAX_LANGUAGES = 16 };

/* A mouse or touch event, read once per KEY_MOUSE. A tap is delivered on
 * release, where the finger was lifted; a finger that moved rows between
 * press and release is a drag, delivered as a wheel turn (never a tap). */
struct ui_mouse {
    int x, y;
    int wheel; /* -1 wheel up (or drag down), 1 wheel down (or drag up), 0 a tap */
    int drag;  /* rows a drag moved (then wheel says which way); 0 a wheel turn or tap */
};

/* What a screen's forget() drops. */
enum screen_forget {
    FORGET_WORDS,   /* the language changed: what was laid out in the old one */
    FORGET_PATIENT, /* the next patient: everything this one did (zeroed) */
    FORGET_ALL,     /* the program ends: everything, the state itself next */
};

struct ui;
struct ui_speech;

/* What a screen shows, for Read aloud (speech_ui.c): layout i (its tag)
 * has its line 0 on row[i] of the rows the screen scrolls through, at
 * column x[i], and is heard after prefix[i] ("" for none; not shown); *top
 * is the row shown first (on screen row 1), rows how many show, total how
 * many there are. source names what is shown: another source, and what is
 * read is no longer on screen. */
enum { SCREEN_TEXT_MAX = 2 + FLOW_MAX_ANSWERS };
struct screen_text {
    size_t count;
    const struct layout *layout[SCREEN_TEXT_MAX];
    int row[SCREEN_TEXT_MAX], x[SCREEN_TEXT_MAX];
    char prefix[SCREEN_TEXT_MAX][48];
    size_t *top;
    int rows;
    size_t total;
    const void *source;
};

struct screen_ops {
    const char *name;
    size_t state_size; /* private state, zeroed at start (ui->state[id]) */
    /* Repaint the whole screen from the state (a resize is a redraw). */
    void (*draw)(struct ui *ui, struct screen_size sz);
    /* A key: an ASCII character or a curses key code. */
    void (*key)(struct ui *ui, int key, struct screen_size sz);
    /* Any key before the shared ones (L, ?, c) and before characters beyond
     * ASCII are dropped, for a screen typing text in any script: is_code and
     * ch as get_wch() gave them (never a mouse event or a resize). Returns 1
     * when it took the key, 0 to let it go on to key(). NULL: none. */
    int (*type)(struct ui *ui, int is_code, wint_t ch, struct screen_size sz);
    /* A touch, click or wheel turn; NULL: the screen has no use for one. */
    void (*mouse)(struct ui *ui, const struct ui_mouse *m, struct screen_size sz);
    /* The terminal changed size (told to every screen, not only the
     * current one); NULL: the next draw is enough. */
    void (*resize)(struct ui *ui, struct screen_size sz);
    /* Drop what the state holds (see enum screen_forget); NULL: nothing. */
    void (*forget)(struct ui *ui, enum screen_forget what);
    /* What Read aloud reads (complete layouts): 0, or -1 when nothing can be
     * read now; NULL: the screen has nothing to read. */
    int (*text)(struct ui *ui, struct screen_size sz, struct screen_text *t);
};

/* The table, indexed by enum screen_id (screen.c). */
extern const struct screen_ops *const screen_table[SCREEN_COUNT];

extern const struct screen_ops screen_home, screen_home_results, screen_page, screen_page_toc,
    screen_contents, screen_question, screen_urgent, screen_summary, screen_language, screen_help,
    screen_kiosk_attract, screen_kiosk_idle, screen_kiosk_staff, screen_ask, screen_takehome,
    screen_teachback;

struct ui {
    struct visit visit; /* the patient's visit: content, questions, answers, summary */
    const struct ui_options *opts;
    struct content_language languages[MAX_LANGUAGES];
    size_t language_count;
    char default_lang[16]; /* language a new patient starts in (staff may change it) */
    enum screen_id screen;
    void *state[SCREEN_COUNT];     /* each screen's own, reached only in its file */
    struct cache cache;            /* every layout on screen but the question's */
    struct prompt prompt;          /* the search prompt while it is open */
    char search[128];              /* the search of the home and page screens */
    char notice[1024];             /* one-line message in the footer until the next key */
    struct ui_speech *speech;      /* Read aloud (speech_ui.c); NULL when off */
    enum screen_id idle_return;    /* where a key on the countdown (or staff's Esc) goes back to */
    long long countdown_end;       /* monotonic ms when the countdown runs out */
    int ctrl_k;                    /* Ctrl-K presses in a row: three open the staff PIN */
    int press_x, press_y, pressed; /* where the finger was last seen, until it is lifted */
    int dragged;                   /* 1 once that finger has moved the text: no tap at its lift */
    int confirm_quit;              /* "Leave and erase your answers?" is asked */
    int termcaps; /* TERMCAPS_ bits the patient's own terminal offers (0 in --kiosk) */
    int quit;
};

/* Allocate every screen's state (zeroed). 0, or -1 out of memory. */
int screen_start(struct ui *ui);
/* Call every screen's forget(what); FORGET_ALL also frees the states. */
void screen_forget(struct ui *ui, enum screen_forget what);

/* ---- what one screen asks of another ---- */

/* Open a page (from the menu, a search result, the contents or file mode):
 * key is a page name, a file path or QUESTION_KEY and a question id. 0, or
 * -1 with ui->notice saying why. */
int screen_page_open(struct ui *ui, const char *key, const char *title, struct screen_size sz);
/* The open page, scrolled to its first line matching ui->search. */
void screen_page_show_match(struct ui *ui, struct screen_size sz);

/* Page key of a question described for staff: QUESTION_KEY "safety". */
#define QUESTION_KEY "question:"

/* Start or resume the question flow (the home menu's questions entry);
 * visit_flow_ready() must have returned 1. */
void screen_question_start(struct ui *ui);
/* Back to the current question: focus FOCUS_FIRST (the first answer, top
 * of the question) or FOCUS_KEEP (as it was). */
enum { FOCUS_KEEP, FOCUS_FIRST };
void screen_question_show(struct ui *ui, int focus);
/* Show the urgent page of the answer just given (see core/urgent.h). */
void screen_urgent_open(struct ui *ui);
/* The summary screen, built again from the answers; the first time for a
 * patient whose content has question topics, the question builder before it. */
void screen_summary_open(struct ui *ui);
/* The question builder (then the summary: screen_summary_open()). */
void screen_ask_open(struct ui *ui);
/* The take-home code of the summary (Esc goes back to it). */
void screen_takehome_open(struct ui *ui);
/* Send text (already laid out for paper) to the print command, saying
 * "Printing" in the footer meanwhile. 0, or -1 with ui->notice saying what
 * went wrong; nothing the patient did is lost. */
int screen_summary_print_text(struct ui *ui, const char *text, struct screen_size sz);
/* Print the last printed summary again, within REPRINT_MINUTES. 0, or -1
 * with ui->notice saying why not. */
int screen_summary_reprint(struct ui *ui, struct screen_size sz);
/* "Printing, please wait..." in the footer, drawn at once. */
void screen_say_printing(struct screen_size sz);
/* Milliseconds at now before the copy kept for a reprint is zeroed (0: it
 * is due), or -1 when there is none. */
long long screen_summary_reprint_left(const struct ui *ui, long long now);
/* Zero the reprint copy once its minutes are up, even with nobody at the
 * kiosk (the main loop wakes for it). 1 when it just went. */
int screen_summary_reprint_expire(struct ui *ui, long long now);

/* The language choice, from the screen now shown (it goes back there),
 * focused on the language shown now (focus_current) or on the first. */
void screen_language_open(struct ui *ui, int focus_current);
/* Show everything in another language from now on, answers kept. 0, or -1
 * with ui->notice saying why (the language stays as it was). */
int screen_language_switch(struct ui *ui, const char *code);
/* The screen the language choice goes back to. */
enum screen_id screen_language_back(const struct ui *ui);

/* Teach-back: 1 when page (a page key) has a check to offer under its
 * last line. */
int screen_teachback_offered(struct ui *ui, const char *page);
/* Its questions, one at a time; Esc and the end go back to the page. */
void screen_teachback_open(struct ui *ui, const char *page);

void screen_help_open(struct ui *ui);
void screen_contents_open(struct ui *ui);
/* Kiosk: the staff PIN, from the screen now shown. */
void screen_kiosk_staff_open(struct ui *ui);
/* 1 while staff have unlocked the staff menu (only then may the kiosk quit). */
int screen_kiosk_unlocked(const struct ui *ui);
/* Close the staff screen (PIN or menu), locked again, back to where it was
 * opened from: on idle, so a menu left open never stays open. */
void screen_kiosk_staff_close(struct ui *ui);
/* A patient used the kiosk at now (ms): see staff_lock_activity(). */
void screen_kiosk_activity(struct ui *ui, long long now);
/* Milliseconds before the PIN may be tried again (0: now). */
long long screen_kiosk_lock_wait(const struct ui *ui, long long now);

/* Read aloud (speech_ui.c), with --speech where sound can be played.
 * ui_speech_new() runs before curses starts and logs once why reading aloud
 * is off (SSH, no audio device, no eSpeak NG); NULL then. */
struct ui_speech *ui_speech_new(const struct ui_options *opts);
void ui_speech_free(struct ui *ui);
/* Stop at once (wipe, exit, hang-up). */
void ui_speech_stop(struct ui *ui);
/* A key or tap (m non-NULL) for the Read aloud buttons: 1 when used. */
int ui_speech_key(struct ui *ui, int key, const struct ui_mouse *m, struct screen_size sz);
/* After a key: stop when the screen no longer shows what is read. */
void ui_speech_sync(struct ui *ui, struct screen_size sz);
/* Over the drawn screen: the buttons and the sentence being read. */
void ui_speech_draw(struct ui *ui, struct screen_size sz);
/* While reading, wait up to ms (-1: for ever) for a key or the reader's
 * news. 1: news taken (redraw; *last_input moves on while it reads), 0: a
 * key is waiting or nothing is being read, -1: the wait is over. */
int ui_speech_wait(struct ui *ui, int ms, long long *last_input, struct screen_size sz);

/* Forget the patient: answers, summary, search, open page; back to the
 * attract screen (kiosk) or home, in the default language (loop.c). The
 * idle reset and the summary's Finish both call it. */
void loop_wipe(struct ui *ui);

#endif
