/* SPDX-License-Identifier: GPL-3.0-or-later */
/* loop.c: the main loop (ui_run()): draw, wait for a key (never longer than
 * the idle time left, and with no periodic tick), dispatch it through the
 * table of screens (screen.h); the idle countdown, hang-up and termination,
 * and wiping one patient's session. Also ui.h's ui_languages().
 *
 * The one piece of mutable global state besides the screen is the flag a
 * signal handler sets (a handler can reach nothing else). */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/keys.h"
#include "core/i18n.h"
#include "core/protect.h"
#include "core/termcaps.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

static void setup_signals(const struct ui_options *opts)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* Ctrl-C ends the session like q: answers wiped, exit status 0. */
    if (opts->mode != MODE_KIOSK)
        sigaction(SIGINT, &sa, NULL);
    if (opts->mode == MODE_KIOSK) {
        /* Nobody leaves the kiosk with Ctrl-C, Ctrl-\ or Ctrl-Z. */
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        signal(SIGTSTP, SIG_IGN);
        raw();
    }
}

/* The terminal's size: the one place the screens' size is read. */
static struct screen_size term_size(void)
{
    return (struct screen_size){.cols = COLS, .lines = LINES};
}

static int too_small(struct screen_size sz)
{
    return sz.cols < MIN_COLS || sz.lines < MIN_LINES;
}

static void confirm_draw(struct ui *ui, struct screen_size sz);

static void draw(struct ui *ui)
{
    struct screen_size sz = term_size();
    if (term_too_large()) {
        chrome_too_large(sz);
        return;
    }
    if (too_small(sz)) {
        chrome_too_small(sz);
        return;
    }
    erase();
    screen_table[ui->screen]->draw(ui, sz);
    ui_speech_draw(ui, sz);
    if (ui->prompt.label && ui->screen != SCREEN_IDLE)
        prompt_draw(ui, sz); /* over the footer, the cursor in it */
    if (ui->confirm_quit)
        confirm_draw(ui, sz);
    refresh();
}

/* Keys every screen shares; 1 when the key was used here. */
static int global_key(struct ui *ui, int key)
{
    int kiosk = ui->opts->mode == MODE_KIOSK;
    if (kiosk && ui->screen != SCREEN_STAFF) {
        /* Ctrl-K three times in a row asks for the staff PIN. */
        ui->ctrl_k = key == ('K' & 0x1f) ? ui->ctrl_k + 1 : 0;
        if (ui->ctrl_k == 3) {
            ui->ctrl_k = 0;
            screen_kiosk_staff_open(ui);
            return 1;
        }
        if (key == 'q' || key == 'Q' ||
            (key >= 0 && key < 32 && key != '\n' && key != '\r' && key != 27 && key != 8 &&
             key != '\t'))
            return 1; /* no quit key, and control keys do nothing */
    }
    if ((key == 'L' || key == 'l') && ui->language_count > 1 && !ui->opts->visit.file &&
        ui->screen != SCREEN_LANGUAGE && ui->screen != SCREEN_STAFF &&
        ui->screen != SCREEN_ATTRACT) {
        screen_language_open(ui, 1);
        return 1;
    }
    if (key == 'c' && ui->opts->mode == MODE_TRAINING && ui->screen != SCREEN_CONTENTS &&
        ui->screen != SCREEN_QUESTION &&
        !(ui->screen == SCREEN_TAKEHOME && (ui->termcaps & TERMCAPS_CLIPBOARD))) {
        screen_contents_open(ui);
        return 1;
    }
    if (key == '?' && ui->screen != SCREEN_HELP && ui->screen != SCREEN_STAFF) {
        screen_help_open(ui);
        return 1;
    }
    return 0;
}

/* Tell every screen the terminal's new size. */
static void resized(struct ui *ui)
{
    struct screen_size sz = term_size();
    if (too_small(sz))
        return;
    for (size_t i = 0; i < SCREEN_COUNT; i++)
        if (screen_table[i]->resize)
            screen_table[i]->resize(ui, sz);
}

/* The rows a finger moved since it was last seen, as a drag in *m: the
 * text follows it, one line per row (a finger moving up shows what is
 * below). 0 with *m set when it moved, -1 when it did not. */
static int drag_to(struct ui *ui, const MEVENT *ev, struct ui_mouse *m)
{
    int dy = ev->y - ui->press_y;
    if (dy == 0)
        return -1;
    ui->press_y = ev->y;
    ui->dragged = 1;
    *m = (struct ui_mouse){
        .x = ev->x, .y = ev->y, .wheel = dy < 0 ? 1 : -1, .drag = dy < 0 ? -dy : dy};
    return 0;
}

/* The mouse event curses holds, as a screen sees it: 0 with *m set for a
 * wheel turn, a tap (on release, or a click) or a drag; -1 for what only
 * notes where the finger is. A drag is delivered as the finger moves where
 * the terminal reports motion with the button down (mode 1002, term.c),
 * else at the release on another row; a release after a drag is never a
 * tap. */
static int read_mouse(struct ui *ui, struct ui_mouse *m)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return -1;
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        *m = (struct ui_mouse){.x = ev.x, .y = ev.y, .wheel = ev.bstate & BUTTON4_PRESSED ? -1 : 1};
        return 0;
    }
    if (ev.bstate & (REPORT_MOUSE_POSITION | BUTTON1_PRESSED)) {
        /* A move, or down again with no lift between (a move read as a
         * press): the finger drags, and its lift never taps. */
        if (ui->pressed)
            return drag_to(ui, &ev, m);
        /* The finger comes down here. A move with no press before it is
         * curses' reading of a press, a move and a lift sent together (it
         * gives the move alone); motion comes only with a button down (mode
         * 1002), so that finger is already dragging, from a row not known. */
        ui->pressed = 1;
        ui->dragged = (ev.bstate & REPORT_MOUSE_POSITION) != 0;
        ui->press_x = ev.x;
        ui->press_y = ev.y;
        return -1;
    }
    if (ev.bstate & BUTTON1_RELEASED) {
        int was = ui->pressed, dragged = ui->dragged;
        ui->pressed = ui->dragged = 0;
        if (was && drag_to(ui, &ev, m) == 0)
            return 0; /* the last rows moved, or a terminal without motion */
        if (dragged)
            return -1; /* the end of a drag, not a tap where it ended */
        *m = (struct ui_mouse){.x = ev.x, .y = ev.y};
        return 0;
    }
    if (ev.bstate & BUTTON1_CLICKED) {
        ui->pressed = ui->dragged = 0;
        *m = (struct ui_mouse){.x = ev.x, .y = ev.y};
        return 0;
    }
    return -1;
}

/* "Leave and erase your answers?": its Yes and No buttons. */
enum { CONFIRM_YES, CONFIRM_NO };
static void confirm_bar(struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, CONFIRM_YES, _("Yes, leave"));
    bar_add(b, CONFIRM_NO, _("No, stay"));
    bar_place(b, 0, sz);
    /* In the middle of the screen, under the question. */
    int shift = b->top - (sz.lines / 2 + 1);
    b->top -= shift;
    for (int i = 0; i < b->count; i++) {
        b->y[i] -= shift;
        b->x[i] += 1;
    }
}

static void confirm_draw(struct ui *ui, struct screen_size sz)
{
    (void)ui;
    int y = sz.lines / 2 - 2;
    for (int r = y; r < y + 5 && r < sz.lines - 2; r++)
        term_fill(r, 0, term_attr(ROLE_FOOTER));
    term_text(y + 1, 2, _("Leave and erase your answers? y/n"), sz.cols - 4,
              term_attr(ROLE_FOOTER) | A_BOLD);
    struct bar b;
    confirm_bar(&b, sz);
    bar_draw(&b, sz);
}

/* A key or tap while the question is asked. */
static void confirm_key(struct ui *ui, int key, const struct ui_mouse *m, struct screen_size sz)
{
    int answer = -1;
    if (m) {
        struct bar b;
        confirm_bar(&b, sz);
        answer = bar_hit(&b, m->x, m->y);
        if (answer < 0)
            return; /* a tap beside the buttons: still asked */
    } else if (key == 'y' || key == 'Y') {
        answer = CONFIRM_YES;
    } else if (key == 'n' || key == 'N' || key == 27 || key == KEY_BACKSPACE || key == 127) {
        answer = CONFIRM_NO;
    } else {
        return;
    }
    ui->confirm_quit = 0;
    if (answer == CONFIRM_YES)
        ui->quit = 1;
}

/* One key from get_wch(): a key code (is_code) or a character. */
static void handle_key(struct ui *ui, int is_code, wint_t ch)
{
    int key = is_code || ch < 128 ? (int)ch : -1; /* -1: a character beyond ASCII */
    struct ui_mouse mouse = {0};
    /* A patient key: the kiosk is in use (staff keys and Ctrl-K are not). */
    if (ui->screen != SCREEN_STAFF && key != ('K' & 0x1f) && key != KEY_RESIZE)
        screen_kiosk_activity(ui, ui_now_ms());
    if (key == KEY_MOUSE && read_mouse(ui, &mouse) < 0)
        return; /* a press, or motion: nothing acts until the finger is lifted */
    if (key == KEY_RESIZE) {
        resized(ui);
        return;
    }
    struct screen_size sz = term_size();
    if (too_small(sz) || term_too_large()) {
        if ((key == 'q' || key == 'Q') && ui->opts->mode != MODE_KIOSK)
            ui->quit = 1;
        return;
    }
    ui->notice[0] = '\0';
    if (ui->prompt.label) {
        prompt_key(ui, is_code, ch, sz);
        return;
    }
    if (ui->confirm_quit) {
        if (key != KEY_MOUSE || !mouse.wheel)
            confirm_key(ui, key, key == KEY_MOUSE ? &mouse : NULL, sz);
        return;
    }
    const struct screen_ops *ops = screen_table[ui->screen];
    if (ops->type && key != KEY_MOUSE && ops->type(ui, is_code, ch, sz))
        return; /* typed into the screen's text field, any script */
    if (key < 0)
        return; /* no other key beyond ASCII */
    if (global_key(ui, key) || ui_speech_key(ui, key, key == KEY_MOUSE ? &mouse : NULL, sz))
        return;
    if (key != KEY_MOUSE)
        ops->key(ui, key, sz);
    else if (ops->mouse)
        ops->mouse(ui, &mouse, sz);
    if (ui->quit && ui->opts->mode == MODE_KIOSK && !screen_kiosk_unlocked(ui))
        ui->quit = 0; /* only the staff menu may leave the kiosk */
    if (ui->quit && visit_answered(&ui->visit) && ui->opts->mode != MODE_KIOSK) {
        ui->quit = 0; /* answers in progress: ask first */
        ui->confirm_quit = 1;
    }
}

/* Everything this patient did, zeroed and freed (what: FORGET_PATIENT, or
 * FORGET_ALL at the end); then what curses, the stack and the heap still
 * held of it (docs/SECURITY.md). */
static void forget_patient(struct ui *ui, enum screen_forget what)
{
    ui_speech_stop(ui);       /* at once, its copy of the text with it */
    visit_forget(&ui->visit); /* answers and summary, zeroed */
    screen_forget(ui, what);
    ui->prompt = (struct prompt){0};
    explicit_bzero(ui->search, sizeof ui->search);
    explicit_bzero(ui->notice, sizeof ui->notice); /* "No page mentions ..." */
    term_forget();
    wipe_stack();
    wipe_heap();
}

void loop_wipe(struct ui *ui)
{
    forget_patient(ui, FORGET_PATIENT);
    ui->confirm_quit = ui->pressed = ui->dragged = 0;
    if (ui->default_lang[0] && strcmp(ui->visit.content->lang, ui->default_lang) != 0)
        screen_language_switch(ui, ui->default_lang);
    ui->screen = ui->opts->mode == MODE_KIOSK ? SCREEN_ATTRACT : SCREEN_HOME;
}

static int idle_armed(const struct ui *ui)
{
    return ui->opts->mode != MODE_TRAINING && ui->opts->idle_seconds > 0 && !ui->opts->visit.file &&
           ui->screen != SCREEN_ATTRACT;
}

/* How long getch may block: the time left before the next idle step, or
 * forever (-1). Never a periodic tick outside the countdown. */
static int idle_wait_ms(const struct ui *ui, long long last_input)
{
    if (!idle_armed(ui))
        return -1;
    long long now = ui_now_ms();
    long long until = ui->screen == SCREEN_IDLE ? ui->countdown_end
                                                : last_input + ui->opts->idle_seconds * 1000LL;
    long long locked = ui->screen == SCREEN_STAFF ? screen_kiosk_lock_wait(ui, now) : 0;
    if (locked > 0 && now + (locked % 1000 ? locked % 1000 : 1000) < until)
        return (int)(locked % 1000 ? locked % 1000 : 1000); /* redraw "Try again in N s" */
    if (ui->screen == SCREEN_IDLE) {
        /* Redraw the countdown each second it shows. */
        long long left = until - now;
        long long to_next_second = left % 1000;
        return (int)(left <= 0 ? 0 : to_next_second ? to_next_second : 1000);
    }
    return until <= now ? 0 : (int)(until - now);
}

/* idle_wait_ms(), or sooner when the reprint copy is due to go. */
static int wait_ms(const struct ui *ui, long long last_input)
{
    int wait = idle_wait_ms(ui, last_input);
    long long left = screen_summary_reprint_left(ui, ui_now_ms());
    if (left < 0)
        return wait;
    int r = left > 86400000 ? 86400000 : (int)left;
    return wait < 0 || r < wait ? r : wait;
}

static void idle_step(struct ui *ui, long long last_input)
{
    long long now = ui_now_ms();
    int staff = ui->screen == SCREEN_STAFF ||
                (ui->screen == SCREEN_LANGUAGE && screen_language_back(ui) == SCREEN_STAFF);
    if (staff && now >= last_input + ui->opts->idle_seconds * 1000LL) {
        /* A staff menu left open closes, locked: no key reopens it. */
        screen_kiosk_staff_close(ui);
        if (ui->screen == SCREEN_ATTRACT) {
            loop_wipe(ui);
            return;
        }
    }
    if (ui->screen != SCREEN_IDLE) {
        if (now >= last_input + ui->opts->idle_seconds * 1000LL) {
            ui->idle_return = ui->screen;
            ui->countdown_end = now + ui->opts->countdown_seconds * 1000LL;
            ui->screen = SCREEN_IDLE;
        }
        return;
    }
    if (now < ui->countdown_end)
        return;
    /* Nobody answered: forget this patient. */
    klog_event(ui->opts->log, KLOG_IDLE_WIPE, NULL);
    if (ui->opts->mode == MODE_KIOSK)
        loop_wipe(ui);
    else
        ui->quit = 1;
}

int ui_run(struct content **content, struct flow **flow, const struct ui_options *opts)
{
    char err[512];
    struct ui_speech *speech = ui_speech_new(opts); /* before curses: it may log why not */
    if (term_start((enum term_theme)opts->theme, err, sizeof err) < 0) {
        fprintf(stderr, "patient-kiosk: %s\n", err);
        free(speech);
        return 2;
    }
    setup_signals(opts);
    struct ui ui = {.opts = opts, .screen = SCREEN_HOME, .speech = speech};
    visit_start(&ui.visit, *content, *flow, NULL, &opts->visit); /* no flow: read on first use */
    if (screen_start(&ui) < 0) {
        term_end();
        screen_forget(&ui, FORGET_ALL);
        visit_end(&ui.visit, content, flow);
        fprintf(stderr, "patient-kiosk: %s\n", _("Not enough memory to start."));
        return 2;
    }
    ui.language_count = ui_languages(opts, ui.visit.content, ui.languages, MAX_LANGUAGES);
    snprintf(ui.default_lang, sizeof ui.default_lang, "%s", ui.visit.content->lang);
    if (opts->mode == MODE_KIOSK)
        ui.screen = SCREEN_ATTRACT;
    if (opts->visit.file &&
        screen_page_open(&ui, opts->visit.file, opts->visit.file, term_size()) < 0) {
        term_end();
        screen_forget(&ui, FORGET_ALL);
        cache_clear(&ui.cache);
        visit_end(&ui.visit, content, flow);
        fprintf(stderr, "patient-kiosk: %s\n", ui.notice);
        return 2;
    }
    /* Typed and found text a crash handler zeroes too (core/protect.h). */
    protect_register(ui.search, sizeof ui.search);
    protect_register(ui.notice, sizeof ui.notice);
    protect_register(&ui.visit.ask, sizeof ui.visit.ask); /* the patient's own questions */
    /* Ask the patient's own terminal what it can do (the answer comes as a
     * key: KEYS_TERMCAPS). Never in a kiosk: its terminal is the clinic's. */
    if (opts->mode != MODE_KIOSK)
        term_write_raw(TERMCAPS_DA1_QUERY, strlen(TERMCAPS_DA1_QUERY));
    int errors = 0, closed = 0;
    long long last_input = ui_now_ms();
    int redraw = 1;
    while (!ui.quit && !stop_signal) {
        if (redraw)
            draw(&ui);
        redraw = 1;
        /* A page still being laid out is finished a step at a time while
         * no key is waiting; then getch blocks as before. */
        int wait = wait_ms(&ui, last_input), busy = cache_pending(&ui.cache);
        /* While reading aloud, the reader's news wakes the loop too. */
        int heard = busy ? 0 : ui_speech_wait(&ui, ui_wait_ms(wait), &last_input, term_size());
        if (heard > 0 && !stop_signal)
            continue;
        timeout(busy || heard < 0 ? 0 : ui_wait_ms(wait));
        wint_t ch = 0;
        int kind = keys_get_wch(&ch);
        int key = kind == ERR ? ERR : (int)ch;
        if (stop_signal)
            break;
        if (key == ERR && term_resized()) {
            kind = KEY_CODE_YES;
            key = KEY_RESIZE;
            ch = KEY_RESIZE;
        }
        if (key == ERR && busy) {
            cache_step(&ui);
            redraw = 0; /* nothing on the screen changed */
            continue;
        }
        if (key == ERR) {
            /* End of input or a hung-up terminal (EOF, EIO): leave as on
             * SIGHUP, whatever timer is armed, rather than spin. */
            closed = term_input_closed() ? closed + 1 : 0;
            if (closed >= 3)
                break;
            if (screen_summary_reprint_expire(&ui, ui_now_ms()))
                continue;
            if (wait >= 0) { /* a timer was due: the idle step's, or the reprint copy's */
                if (idle_armed(&ui))
                    idle_step(&ui, last_input);
                ui_speech_sync(&ui, term_size());
                continue;
            }
            if (++errors > 100)
                break;
            continue;
        }
        errors = closed = 0;
        int caps = kind == KEY_CODE_YES ? keys_termcaps(key) : -1;
        if (caps >= 0) { /* the terminal's DA1 answer, not the patient */
            ui.termcaps = opts->mode == MODE_KIOSK ? 0 : caps;
            continue;
        }
        int is_code = kind == KEY_CODE_YES, resize = is_code && key == KEY_RESIZE;
        if (!resize)
            last_input = ui_now_ms();
        if (ui.screen == SCREEN_IDLE && !resize) {
            ui.screen = ui.idle_return; /* still there: carry on where they were */
            continue;
        }
        handle_key(&ui, is_code, ch);
        ui_speech_sync(&ui, term_size());
    }
    /* Quit, hang-up or SIGTERM: the patient is forgotten first (curses'
     * buffers too, so before term_end()), then the program ends. */
    forget_patient(&ui, FORGET_ALL);
    ui_speech_free(&ui);
    term_end();
    protect_unregister(ui.search);
    protect_unregister(ui.notice);
    protect_unregister(&ui.visit.ask);
    cache_clear(&ui.cache);
    visit_end(&ui.visit, content, flow);
    return 0;
}

size_t ui_languages(const struct ui_options *opts, const struct content *content,
                    struct content_language *out, size_t max)
{
    /* A single-file preview offers no language (only the kiosk's staff menu could). */
    if (opts->visit.file && opts->mode != MODE_KIOSK)
        return 0;
    size_t n = content_languages_local(content->root, content->local, out, max), kept = 0;
    for (size_t i = 0; i < n; i++) {
        int offered = !opts->languages;
        for (size_t j = 0; !offered && j < opts->language_count; j++)
            offered = strcmp(out[i].code, opts->languages[j]) == 0;
        if (offered)
            out[kept++] = out[i];
    }
    return kept;
}
