/* screens.h: the state the screens share, and each screen's key and draw
 * functions. Every draw repaints from this state, so a resize is a redraw. */
#ifndef KIOSK_SCREENS_H
#define KIOSK_SCREENS_H

#include <stddef.h>
#include <wchar.h>

#include "core/content.h"
#include "core/layout.h"
#include "core/staff_lock.h"
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
    SCREEN_ATTRACT,  /* kiosk: waiting for the next patient */
    SCREEN_IDLE,     /* "Still there?" with a countdown */
    SCREEN_STAFF,    /* kiosk: PIN, then the staff menu */
    SCREEN_CONTENTS, /* training: every page and question */
    SCREEN_ASK,      /* the question builder, before the summary */
    SCREEN_TAKEHOME  /* the summary as a QR code, and copies to the patient's terminal */
};

/* Page key of a question described for staff: QUESTION_KEY "safety". */
#define QUESTION_KEY "question:"

/* The home menu entry that starts the question flow links to this file. */
#define FLOW_PAGE VISIT_FLOW_PAGE

/* Minutes after printing during which staff may reprint a summary. */
enum { REPRINT_MINUTES = 5 };

/* Smallest terminal the screens are drawn in; below it a "please enlarge" screen. */
enum { MIN_COLS = 40, MIN_LINES = 12 };

struct qview;

struct cached_layout {
    char *key; /* page name or file path */
    int width;
    struct layout *layout;
    unsigned long used; /* for least-recently-used eviction */
};

enum { CACHE_SIZE = 24 };

/* The last mouse or touch event, read once per KEY_MOUSE. */
struct ui_mouse {
    int x, y;
    int wheel; /* -1 wheel up, 1 wheel down, 0 a press or click */
};

/* A scrollable list of choices (home menu, search results, contents). */
struct menu {
    size_t count, selected, top;
};

struct page_view {
    char *key; /* page name (content mode) or path (file mode) */
    char *title;
    struct layout *layout; /* owned by the cache */
    size_t top;
};

enum { MAX_LANGUAGES = 16 };

/* The urgent page on screen (screen_urgent.c), laid out for one page,
 * language and width. Which page it is comes from the patient's answers
 * each time, so nothing here outlives a wipe but the content's words. */
struct urgent_view {
    struct layout *layout; /* owned */
    char page[FLOW_MAX_PAGE_NAME + 1];
    char lang[16];
    int width;
    size_t top;
};

struct ui;

/* The one-line prompt (ui_prompt_open()); label NULL: none open. */
struct prompt {
    const char *label;
    char *buf;
    size_t size;
    void (*done)(struct ui *ui);
};

struct ui {
    struct visit visit; /* the patient's visit: content, questions, answers, summary */
    struct content_language languages[MAX_LANGUAGES];
    size_t language_count;
    struct menu language_menu;
    enum screen_id language_return;
    const struct ui_options *opts;
    enum screen_id screen, help_return;
    struct menu home;
    struct page_view page;
    struct menu toc;
    struct menu results;
    size_t *result_entries; /* menu entries with a match for the search */
    struct ui_mouse mouse;
    enum screen_id idle_return; /* where a key on the countdown goes back to */
    long long countdown_end;    /* monotonic ms when the countdown runs out */
    int ctrl_k;                 /* Ctrl-K presses in a row: three open the staff PIN */
    char pin[16];               /* staff PIN being typed (zeroed after use) */
    struct staff_lock pin_lock; /* wrong PINs slow down (core/staff_lock.h) */
    struct menu staff_menu;
    struct menu contents;
    int staff_unlocked;
    char default_lang[16]; /* language a new patient starts in (staff may change it) */
    char *last_print;      /* last printed summary, for a staff reprint */
    long long last_print_at;
    char search[128];
    struct prompt prompt;      /* the search prompt while it is open */
    char notice[1024];         /* one-line message in the footer until the next key */
    struct qview *qview;       /* the current question laid out (screen_question.c) */
    struct urgent_view urgent; /* the urgent page laid out (screen_urgent.c) */
    int choice;                /* focused answer on the question screen */
    size_t question_top;       /* first row shown when a question is taller than the screen */
    struct layout *summary;    /* the visit's summary laid out at summary_width */
    int summary_width;
    size_t summary_top;
    int ask_focus;       /* the question builder (screen_ask.c): focused row */
    size_t ask_top;      /* its first row shown */
    int ask_edit;        /* 1 + the written question being typed, 0: none */
    int ask_keyboard_y;  /* first row of the on-screen keyboard as drawn */
    struct qr *takehome; /* the take-home code as drawn (screen_takehome.c) */
    int takehome_rows, takehome_cols;
    struct layout *intro; /* the home screen's welcome text at intro_width */
    int intro_width;
    struct cached_layout cache[CACHE_SIZE];
    unsigned long tick;
    int quit;
};

/* Rows of the body between the title bar and the two footer rows. */
int ui_body_rows(void);
/* Width the pages are laid out at for this terminal. */
int ui_text_width(void);

/* The layout of key (page name, or a file path in file mode) at the current
 * width, from the cache or made now. A new layout holds at least its first
 * two screens; the rest is made by ui_layout_step() or ui_layout_more().
 * NULL with ui->notice set on failure. */
struct layout *ui_layout(struct ui *ui, const char *key);

/* Lay out L (from ui_layout()) until it has `lines` lines or is complete
 * (SIZE_MAX), before a key that needs them: search, the headings, the end.
 * Returns what layout_more() returns; on -1 ui->notice says memory ran out. */
int ui_layout_more(struct ui *ui, struct layout *L, size_t lines);

/* Pages up to this many bytes are laid out whole when opened; longer ones
 * in steps of LAYOUT_STEP_LINES lines between keys. */
enum { WHOLE_PAGE_BYTES = 32 * 1024, LAYOUT_STEP_LINES = 400 };

/* 1 while a cached page is not laid out in full. */
int ui_layout_pending(const struct ui *ui);

/* One background step: lay out more of the open page, or of another cached
 * page not yet complete. Returns 1 if there was work, 0 when all is done. */
int ui_layout_step(struct ui *ui);

/* Open a page (from the menu, a search result or file mode). 0 or -1. */
int ui_open_page(struct ui *ui, const char *key, const char *title);

/* The one-line prompt at the bottom row (search) is a state of the main
 * loop: while it is open, keys edit buf (at most size bytes with its NUL)
 * and the pages go on being laid out between keys. Enter closes it and
 * calls done when buf is not empty; Esc closes it. */
void ui_prompt_open(struct ui *ui, const char *label, char *buf, size_t size,
                    void (*done)(struct ui *ui));
void ui_prompt_draw(const struct ui *ui);
/* A key for the open prompt: ch is a key code when is_code, else a character. */
void ui_prompt_key(struct ui *ui, int is_code, wint_t ch);

/* Shared chrome: the title bar, the crisis line and the key hints. */
void ui_draw_chrome(struct ui *ui, const char *title, const char *hints, const char *position);

/* A menu of count rows drawn from row y for rows rows; label(i) gives text. */
void menu_draw(struct menu *m, int y, int rows, const char *(*label)(struct ui *, size_t),
               struct ui *ui);
/* Handle a key for a menu; returns 1 if the key moved the selection,
 * 2 if it chose the selected row, 0 if the key is not the menu's. */
int menu_key(struct menu *m, int key, int rows, int y, const struct ui *ui);

void home_draw(struct ui *ui);
void home_key(struct ui *ui, int key);
void results_draw(struct ui *ui);
void results_key(struct ui *ui, int key);
void page_draw(struct ui *ui);
void page_key(struct ui *ui, int key);
void page_resized(struct ui *ui);
void toc_draw(struct ui *ui);
void toc_key(struct ui *ui, int key);
/* 1 for the keys that go back from a list: Esc, Backspace (both codes), Left. */
int ui_is_back_key(int key);

/* Scroll keys shared by the page and summary views: 1 when handled. Lays
 * out more of a page still being laid out when the move needs it. */
int ui_scroll_key(struct ui *ui, struct layout *layout, size_t *top, int key);

/* Read the question flow (and opts->second_lang's) if that was not done
 * yet; the first screen does not need it. 1 when ui->flow is ready, 0 when
 * the content has none (or opts->file is set), -1 when it cannot be used:
 * ui->notice then says why ("FILE:LINE: error: ..."), and the next call
 * tries again. */
int ui_flow_ready(struct ui *ui);
/* Start or resume the question flow (the home menu's questions.md entry);
 * ui_flow_ready() must have returned 1. */
void flow_open(struct ui *ui);
void question_draw(struct ui *ui);
/* Drop the laid-out question (language switch, wipe, exit). */
void question_forget(struct ui *ui);
void question_key(struct ui *ui, int key);
/* The summary screen, built again from the answers. */
void open_summary(struct ui *ui);
/* Show the urgent page of the answer just given (see urgent.h). */
void urgent_open(struct ui *ui);
void urgent_draw(struct ui *ui);
void urgent_key(struct ui *ui, int key);
/* Drop the laid-out urgent page (with question_forget()). */
void urgent_forget(struct ui *ui);
/* The question builder: ask_open() goes there once per patient before the
 * summary (when the content has topics), else straight to the summary. */
void ask_open(struct ui *ui);
void ask_draw(struct ui *ui);
void ask_key(struct ui *ui, int key);
/* A key while a written question is being typed (ui->ask_edit). */
void ask_text_key(struct ui *ui, int is_code, wint_t ch);
/* The take-home code (screen_takehome.c); takehome_forget() drops it. */
void takehome_open(struct ui *ui);
void takehome_draw(struct ui *ui);
void takehome_key(struct ui *ui, int key);
void takehome_forget(struct ui *ui);
void summary_draw(struct ui *ui);
void summary_key(struct ui *ui, int key);
/* Forget the summary text and layout (zeroed first). */
void summary_forget(struct ui *ui);

/* Show everything in another language from now on, answers kept. 0, or -1
 * with ui->notice saying why (the language stays as it was). */
int ui_switch_language(struct ui *ui, const char *code);
void language_draw(struct ui *ui);
void language_key(struct ui *ui, int key);

/* Forget the patient: answers, summary, search, open page; back to the
 * attract screen (kiosk) or home, in the default language. */
void ui_wipe(struct ui *ui);
void ui_cache_clear(struct ui *ui);
void ui_draw_too_small(void);

/* Send text (already laid out for paper) to the print command. 0, or -1
 * with ui->notice saying what went wrong; nothing the patient did is lost. */
int ui_print(struct ui *ui, const char *text);

void attract_draw(struct ui *ui);
void attract_key(struct ui *ui, int key);
void idle_draw(struct ui *ui);
void staff_draw(struct ui *ui);
void staff_key(struct ui *ui, int key);
/* Close the staff screen (PIN or menu), locked again, back to where it was
 * opened from: on idle, so a menu left open never stays open. */
void staff_close(struct ui *ui);

void contents_draw(struct ui *ui);
void contents_key(struct ui *ui, int key);

void help_draw(struct ui *ui);
void help_key(struct ui *ui, int key);

#endif
