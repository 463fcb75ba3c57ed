/* loop.c: the main loop: draw, wait for a key (never longer than the idle
 * time left, and with no periodic tick), dispatch it; the idle countdown,
 * hang-up and termination, and wiping one patient's session.
 *
 * The one piece of mutable global state besides the screen is the flag a
 * signal handler sets (a handler can reach nothing else). */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"

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

static void draw(struct ui *ui)
{
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        ui_draw_too_small();
        return;
    }
    erase();
    switch (ui->screen) {
    case SCREEN_HOME:
        home_draw(ui);
        break;
    case SCREEN_PAGE:
        page_draw(ui);
        break;
    case SCREEN_TOC:
        toc_draw(ui);
        break;
    case SCREEN_RESULTS:
        results_draw(ui);
        break;
    case SCREEN_HELP:
        help_draw(ui);
        break;
    case SCREEN_QUESTION:
        question_draw(ui);
        break;
    case SCREEN_URGENT:
        urgent_draw(ui);
        break;
    case SCREEN_SUMMARY:
        summary_draw(ui);
        break;
    case SCREEN_LANGUAGE:
        language_draw(ui);
        break;
    case SCREEN_ATTRACT:
        attract_draw(ui);
        break;
    case SCREEN_IDLE:
        idle_draw(ui);
        break;
    case SCREEN_STAFF:
        staff_draw(ui);
        break;
    case SCREEN_CONTENTS:
        contents_draw(ui);
        break;
    case SCREEN_ASK:
        ask_draw(ui);
        break;
    case SCREEN_TAKEHOME:
        takehome_draw(ui);
        break;
    }
    if (ui->prompt.label && ui->screen != SCREEN_IDLE)
        ui_prompt_draw(ui); /* over the footer, the cursor in it */
    refresh();
}

static void open_language_choice(struct ui *ui)
{
    ui->language_return = ui->screen;
    ui->language_menu = (struct menu){.count = ui->language_count};
    for (size_t i = 0; i < ui->language_count; i++)
        if (strcmp(ui->languages[i].code, ui->visit.content->lang) == 0)
            ui->language_menu.selected = i;
    ui->screen = SCREEN_LANGUAGE;
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
            ui->staff_unlocked = 0;
            ui->staff_menu = (struct menu){.count = 0};
            ui->idle_return = ui->screen;
            ui->screen = SCREEN_STAFF;
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
        open_language_choice(ui);
        return 1;
    }
    if (key == 'c' && ui->opts->mode == MODE_TRAINING && ui->screen != SCREEN_CONTENTS &&
        ui->screen != SCREEN_QUESTION) {
        ui_flow_ready(ui); /* the questions are listed too; a problem shows in the footer */
        ui->contents =
            (struct menu){.count = ui->visit.content->entry_count +
                                   (ui->visit.flow ? flow_question_count(ui->visit.flow) : 0)};
        ui->screen = SCREEN_CONTENTS;
        return 1;
    }
    if (key == '?' && ui->screen != SCREEN_HELP && ui->screen != SCREEN_STAFF) {
        ui->help_return = ui->screen;
        ui->screen = SCREEN_HELP;
        return 1;
    }
    return 0;
}

/* One key from get_wch(): a key code (is_code) or a character. */
static void handle_key(struct ui *ui, int is_code, wint_t ch)
{
    int key = is_code || ch < 128 ? (int)ch : -1; /* -1: a character beyond ASCII */
    /* A patient key: the kiosk is in use (staff keys and Ctrl-K are not). */
    if (ui->screen != SCREEN_STAFF && key != ('K' & 0x1f) && key != KEY_RESIZE)
        staff_lock_activity(&ui->pin_lock, ui_now_ms());
    if (key == KEY_MOUSE) {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            return;
        ui->mouse = (struct ui_mouse){.x = ev.x,
                                      .y = ev.y,
                                      .wheel = ev.bstate & BUTTON4_PRESSED   ? -1
                                               : ev.bstate & BUTTON5_PRESSED ? 1
                                                                             : 0};
    }
    if (key == KEY_RESIZE) {
        page_resized(ui);
        return;
    }
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        if ((key == 'q' || key == 'Q') && ui->opts->mode != MODE_KIOSK)
            ui->quit = 1;
        return;
    }
    ui->notice[0] = '\0';
    if (ui->prompt.label) {
        ui_prompt_key(ui, is_code, ch);
        return;
    }
    if (ui->screen == SCREEN_ASK && ui->ask_edit) {
        ask_text_key(ui, is_code, ch); /* the patient's own words, any script */
        return;
    }
    if (key < 0)
        return; /* no screen has a key beyond ASCII */
    if (global_key(ui, key))
        return;
    switch (ui->screen) {
    case SCREEN_HOME:
        home_key(ui, key);
        break;
    case SCREEN_PAGE:
        page_key(ui, key);
        break;
    case SCREEN_TOC:
        toc_key(ui, key);
        break;
    case SCREEN_RESULTS:
        results_key(ui, key);
        break;
    case SCREEN_HELP:
        help_key(ui, key);
        break;
    case SCREEN_QUESTION:
        question_key(ui, key);
        break;
    case SCREEN_URGENT:
        urgent_key(ui, key);
        break;
    case SCREEN_SUMMARY:
        summary_key(ui, key);
        break;
    case SCREEN_LANGUAGE:
        language_key(ui, key);
        break;
    case SCREEN_ATTRACT:
        attract_key(ui, key);
        break;
    case SCREEN_STAFF:
        staff_key(ui, key);
        break;
    case SCREEN_CONTENTS:
        contents_key(ui, key);
        break;
    case SCREEN_ASK:
        ask_key(ui, key);
        break;
    case SCREEN_TAKEHOME:
        takehome_key(ui, key);
        break;
    case SCREEN_IDLE:
        break;
    }
    if (ui->quit && ui->opts->mode == MODE_KIOSK && !ui->staff_unlocked)
        ui->quit = 0; /* only the staff menu may leave the kiosk */
}

/* Everything this patient did, zeroed and freed. */
static void forget_patient(struct ui *ui)
{
    visit_forget(&ui->visit); /* answers and summary, zeroed */
    question_forget(ui);
    summary_forget(ui);
    takehome_forget(ui);
    ui->ask_focus = ui->ask_edit = 0;
    ui->ask_top = 0;
    ui->prompt = (struct prompt){0};
    explicit_bzero(ui->search, sizeof ui->search);
    explicit_bzero(ui->pin, sizeof ui->pin);
    free(ui->page.key);
    free(ui->page.title);
    ui->page = (struct page_view){0};
    free(ui->result_entries);
    ui->result_entries = NULL;
    ui->home = (struct menu){.count = ui->visit.content->entry_count};
    ui->notice[0] = '\0';
    ui->staff_unlocked = 0;
}

void ui_wipe(struct ui *ui)
{
    forget_patient(ui);
    /* The copy kept for a staff reprint goes once its few minutes are up. */
    if (ui->last_print && ui_now_ms() - ui->last_print_at >= REPRINT_MINUTES * 60000LL) {
        explicit_bzero(ui->last_print, strlen(ui->last_print));
        free(ui->last_print);
        ui->last_print = NULL;
    }
    if (ui->default_lang[0] && strcmp(ui->visit.content->lang, ui->default_lang) != 0)
        ui_switch_language(ui, ui->default_lang);
    ui->screen = ui->opts->mode == MODE_KIOSK ? SCREEN_ATTRACT : SCREEN_HOME;
}

static int idle_armed(const struct ui *ui)
{
    return ui->opts->mode != MODE_TRAINING && ui->opts->idle_seconds > 0 && !ui->opts->visit.file &&
           ui->screen != SCREEN_ATTRACT;
}

/* How long getch may block: the time left before the next idle step, or
 * forever (-1). Never a periodic tick outside the countdown. */
static int wait_ms(const struct ui *ui, long long last_input)
{
    if (!idle_armed(ui))
        return -1;
    long long now = ui_now_ms();
    long long until = ui->screen == SCREEN_IDLE ? ui->countdown_end
                                                : last_input + ui->opts->idle_seconds * 1000LL;
    long long locked = ui->screen == SCREEN_STAFF ? staff_lock_wait(&ui->pin_lock, now) : 0;
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

static void idle_step(struct ui *ui, long long last_input)
{
    long long now = ui_now_ms();
    int staff = ui->screen == SCREEN_STAFF ||
                (ui->screen == SCREEN_LANGUAGE && ui->language_return == SCREEN_STAFF);
    if (staff && now >= last_input + ui->opts->idle_seconds * 1000LL) {
        /* A staff menu left open closes, locked: no key reopens it. */
        staff_close(ui);
        if (ui->screen == SCREEN_ATTRACT) {
            ui_wipe(ui);
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
        ui_wipe(ui);
    else
        ui->quit = 1;
}

int ui_run(struct content **content, struct flow **flow, const struct ui_options *opts)
{
    char err[512];
    if (term_start((enum term_theme)opts->theme, err, sizeof err) < 0) {
        fprintf(stderr, "patient-kiosk: %s\n", err);
        return 2;
    }
    setup_signals(opts);
    struct ui ui = {.opts = opts, .screen = SCREEN_HOME};
    visit_start(&ui.visit, *content, *flow, NULL, &opts->visit); /* no flow: read on first use */
    ui.home.count = ui.visit.content->entry_count;
    ui.language_count = ui_languages(opts, ui.visit.content->root, ui.languages, MAX_LANGUAGES);
    snprintf(ui.default_lang, sizeof ui.default_lang, "%s", ui.visit.content->lang);
    if (opts->mode == MODE_KIOSK)
        ui.screen = SCREEN_ATTRACT;
    if (opts->visit.file && ui_open_page(&ui, opts->visit.file, opts->visit.file) < 0) {
        term_end();
        visit_end(&ui.visit, content, flow);
        fprintf(stderr, "patient-kiosk: %s\n", ui.notice);
        return 2;
    }
    int errors = 0;
    long long last_input = ui_now_ms();
    int redraw = 1;
    while (!ui.quit && !stop_signal) {
        if (redraw)
            draw(&ui);
        redraw = 1;
        /* A page still being laid out is finished a step at a time while
         * no key is waiting; then getch blocks as before. */
        int wait = wait_ms(&ui, last_input), busy = ui_layout_pending(&ui);
        timeout(busy ? 0 : ui_wait_ms(wait));
        wint_t ch;
        int kind = get_wch(&ch);
        int key = kind == ERR ? ERR : (int)ch;
        if (stop_signal)
            break;
        if (key == ERR && busy) {
            ui_layout_step(&ui);
            redraw = 0; /* nothing on the screen changed */
            continue;
        }
        if (key == ERR) {
            if (wait >= 0) {
                idle_step(&ui, last_input);
                continue;
            }
            /* Input closed (end of stdin): leave, do not spin. */
            if (++errors > 100)
                break;
            continue;
        }
        errors = 0;
        int is_code = kind == KEY_CODE_YES, resize = is_code && key == KEY_RESIZE;
        if (!resize)
            last_input = ui_now_ms();
        if (ui.screen == SCREEN_IDLE && !resize) {
            ui.screen = ui.idle_return; /* still there: carry on where they were */
            continue;
        }
        handle_key(&ui, is_code, ch);
    }
    term_end();
    forget_patient(&ui);
    ui_cache_clear(&ui);
    layout_free(ui.intro);
    if (ui.last_print) {
        explicit_bzero(ui.last_print, strlen(ui.last_print));
        free(ui.last_print);
    }
    visit_end(&ui.visit, content, flow);
    return 0;
}
