/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_kiosk.c: the kiosk's own screens: the attract screen between
 * patients, the "Still there?" countdown, and the staff PIN and menu. */
#include "config.h"

#include "tui/chrome.h"
#include "tui/menu.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/check.h"
#include "core/staff_lock.h"
#include "core/i18n.h"
#include "core/protect.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The staff screen's own state: the PIN being typed and its back-off. */
struct staff_state {
    char pin[16];           /* staff PIN being typed (zeroed after use) */
    struct staff_lock lock; /* wrong PINs slow down (core/staff_lock.h) */
    struct menu menu;
    int unlocked;
};

static struct staff_state *staff_state(const struct ui *ui)
{
    return ui->state[SCREEN_STAFF];
}

static void centre(int y, const char *text, int attr, struct screen_size sz)
{
    chrome_centre(y, text, attr, sz);
}

/* The attract screen's lines, one a language (the keys 1 to 9 pick them
 * too): "Touch the screen or press any key to start." in each configured
 * language's own words, wrapped to the width; y0..y1 are the rows of
 * language i. */
enum { ATTRACT_MAX = 9 };
struct attract_view {
    int y0[ATTRACT_MAX], y1[ATTRACT_MAX];
    int count;
};

/* Lay the lines out from row y with gap blank rows between two (and draw
 * them when draw is 1); count is how many fit whole above the crisis line. */
static void attract_place(struct ui *ui, struct attract_view *v, int y, int gap, int draw,
                          struct screen_size sz)
{
    static const char start[] = N_("Touch the screen or press any key to start.");
    *v = (struct attract_view){0};
    const char *current = ui->visit.content->lang;
    struct layout_opts o = {.width = sz.cols - 4 > 10 ? sz.cols - 4 : 10,
                            .ascii = ui->opts->visit.ascii};
    for (size_t i = 0; i < ui->language_count && i < ATTRACT_MAX; i++) {
        const struct content_language *lang = &ui->languages[i];
        char said[256], line[384];
        i18n_text_in(lang->code, current, start, said, sizeof said);
        /* A language with no catalog is offered by its name instead. */
        int own = strcmp(said, start) != 0 || strncmp(lang->code, "en", 2) == 0;
        snprintf(line, sizeof line, "%zu. %s", i + 1, own ? said : lang->name);
        o.lang = lang->code;
        struct layout *L = layout_text(line, 0, &o);
        int rows = L ? (int)L->line_count : 0;
        if (!L || y + rows > sz.lines - 2) {
            layout_free(L);
            return;
        }
        v->y0[i] = y;
        for (int r = 0; draw && r < rows; r++) {
            char *text = layout_line_string(L, (size_t)r);
            if (text)
                centre(y + r, text, A_NORMAL, sz);
            free(text);
        }
        y += rows;
        v->y1[i] = y - 1;
        v->count = (int)i + 1;
        layout_free(L);
        y += gap; /* a finger's room between two */
    }
}

/* The title and the language lines, placed to fit every language: lower
 * on the screen when there is room, without the blank rows between them
 * (large targets) or the title when there is not. */
static void attract_layout(struct ui *ui, struct attract_view *v, int draw, struct screen_size sz)
{
    const char *clinic = content_var(ui->visit.content, "clinic-name");
    int has_clinic = clinic && *clinic, large = ui->opts->large ? 1 : 0;
    int want = ui->language_count < ATTRACT_MAX ? (int)ui->language_count : ATTRACT_MAX;
    const struct {
        int top, title, gap;
    } tries[] = {{sz.lines / 4, 1, large}, {1, 1, large}, {1, 1, 0}, {1, 0, 0}};
    size_t t = 0;
    for (; t + 1 < sizeof tries / sizeof tries[0]; t++) {
        attract_place(ui, v, tries[t].top + (tries[t].title ? 2 + has_clinic : 0), tries[t].gap, 0,
                      sz);
        if (v->count == want)
            break;
    }
    int y = tries[t].top;
    if (tries[t].title) {
        if (has_clinic && draw)
            centre(y, clinic, A_BOLD, sz);
        y += has_clinic;
        if (draw)
            centre(y, ui->visit.content->title, A_BOLD, sz);
        y += 2;
    }
    attract_place(ui, v, y, tries[t].gap, draw, sz);
}

static void attract_draw(struct ui *ui, struct screen_size sz)
{
    struct attract_view v;
    attract_layout(ui, &v, 1, sz);
    chrome_draw(ui, ui->visit.content->title, _("Any key: start"), NULL, sz);
    move(sz.lines / 4, 0);
}

static void attract_key(struct ui *ui, int key, struct screen_size sz)
{
    (void)sz;
    if (key >= '1' && key <= '9' && (size_t)(key - '1') < ui->language_count) {
        const char *code = ui->languages[key - '1'].code;
        if (strcmp(code, ui->visit.content->lang) != 0)
            screen_language_switch(ui, code);
    }
    ui->screen = SCREEN_HOME;
}

/* A touch on a language's line starts in that language; anywhere else
 * starts in the language shown. */
static void attract_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct attract_view v;
    attract_layout(ui, &v, 0, sz);
    for (int i = 0; !m->wheel && i < v.count; i++)
        if (m->y >= v.y0[i] && m->y <= v.y1[i]) {
            attract_key(ui, '1' + i, sz);
            return;
        }
    attract_key(ui, KEY_MOUSE, sz); /* a touch starts too */
}

const struct screen_ops screen_kiosk_attract = {
    .name = "attract",
    .draw = attract_draw,
    .key = attract_key,
    .mouse = attract_mouse,
};

static void idle_draw(struct ui *ui, struct screen_size sz)
{
    long long left = ui->countdown_end - ui_now_ms();
    int seconds = left > 0 ? (int)((left + 999) / 1000) : 0;
    int y = sz.lines / 3;
    centre(y, _("Are you still there?"), A_BOLD, sz);
    char line[160];
    snprintf(line, sizeof line,
             ngettext("Touch the screen or press any key within %d second to go on.",
                      "Touch the screen or press any key within %d seconds to go on.", seconds),
             seconds);
    centre(y + 2, line, A_NORMAL, sz);
    centre(y + 4,
           ui->opts->mode == MODE_KIOSK
               ? _("Otherwise your answers will be erased for your privacy.")
               : _("Otherwise this session will end and your answers will be erased."),
           A_NORMAL, sz);
    chrome_draw(ui, _("Still there?"), _("Any key: go on"), NULL, sz);
    move(y, 0);
}

static void idle_key(struct ui *ui, int key, struct screen_size sz)
{
    (void)ui; /* the main loop takes every key on the countdown */
    (void)key;
    (void)sz;
}

const struct screen_ops screen_kiosk_idle = {
    .name = "idle",
    .draw = idle_draw,
    .key = idle_key,
};

/* ---- staff ---- */

enum staff_item {
    STAFF_LEAVE,
    STAFF_TEST_PAGE,
    STAFF_REPRINT,
    STAFF_LANGUAGE,
    STAFF_ABOUT,
    STAFF_BACK,
    STAFF_COUNT
};

static const char *staff_label(struct ui *ui, size_t i)
{
    (void)ui;
    static const char *const labels[STAFF_COUNT] = {
        N_("Leave the kiosk"),
        N_("Print a test page"),
        N_("Reprint the last summary"),
        N_("Change the language for new patients"),
        N_("Content version and check result"),
        N_("Back to the kiosk"),
    };
    return _(labels[i]);
}

static void draw_pin(struct ui *ui, struct screen_size sz)
{
    struct staff_state *st = staff_state(ui);
    chrome_draw(ui, _("Staff"), _("Type the staff PIN, then Enter. Esc goes back."), NULL, sz);
    if (!ui->opts->pin_check) {
        term_text(2, 2,
                  _("No staff PIN is set in the configuration, so the kiosk cannot be left here."),
                  sz.cols - 3, A_BOLD);
        return;
    }
    long long wait = staff_lock_wait(&st->lock, ui_now_ms());
    if (wait > 0) {
        char line[128];
        snprintf(line, sizeof line, _("Too many wrong PINs. Try again in %lld seconds."),
                 (wait + 999) / 1000);
        term_text(2, 2, line, sz.cols - 3, A_BOLD);
        return;
    }
    int x = 2 + term_text(2, 2, _("PIN: "), sz.cols / 2, A_BOLD);
    for (size_t i = 0; st->pin[i]; i++)
        mvaddch(2, x + (int)i, '*');
    move(2, x + (int)strlen(st->pin));
}

static void staff_draw(struct ui *ui, struct screen_size sz)
{
    if (!staff_state(ui)->unlocked) {
        draw_pin(ui, sz);
        return;
    }
    chrome_draw(ui, _("Staff menu"), _("Up/Down choose  Enter do it  Esc back to the kiosk"), NULL,
                sz);
    menu_draw(&staff_state(ui)->menu, 2, screen_body_rows(sz) - 1, staff_label, ui, sz);
}

void screen_kiosk_staff_open(struct ui *ui)
{
    struct staff_state *st = staff_state(ui);
    st->unlocked = 0;
    st->menu = (struct menu){.count = 0};
    protect_register(st->pin, sizeof st->pin); /* a crash zeroes it too (once is enough) */
    ui->idle_return = ui->screen;
    ui->screen = SCREEN_STAFF;
}

int screen_kiosk_unlocked(const struct ui *ui)
{
    return staff_state(ui)->unlocked;
}

void screen_kiosk_staff_close(struct ui *ui)
{
    struct staff_state *st = staff_state(ui);
    explicit_bzero(st->pin, sizeof st->pin);
    st->unlocked = 0;
    st->menu = (struct menu){.count = 0};
    ui->screen = ui->idle_return == SCREEN_STAFF ? SCREEN_ATTRACT : ui->idle_return;
}

void screen_kiosk_activity(struct ui *ui, long long now)
{
    staff_lock_activity(&staff_state(ui)->lock, now);
}

long long screen_kiosk_lock_wait(const struct ui *ui, long long now)
{
    return staff_lock_wait(&staff_state(ui)->lock, now);
}

static void leave_staff(struct ui *ui)
{
    struct staff_state *st = staff_state(ui);
    explicit_bzero(st->pin, sizeof st->pin);
    st->unlocked = 0;
    ui->screen = ui->idle_return == SCREEN_STAFF ? SCREEN_ATTRACT : ui->idle_return;
}

static void pin_key(struct ui *ui, int key)
{
    struct staff_state *st = staff_state(ui);
    size_t len = strlen(st->pin);
    if (key == 27) {
        leave_staff(ui);
        return;
    }
    if (!ui->opts->pin_check || staff_lock_wait(&st->lock, ui_now_ms()) > 0)
        return; /* keys on a locked prompt are ignored, and do not keep it locked */
    if (key >= '0' && key <= '9' && len + 1 < sizeof st->pin) {
        st->pin[len] = (char)key;
        st->pin[len + 1] = '\0';
    } else if ((key == KEY_BACKSPACE || key == 127 || key == 8) && len > 0) {
        st->pin[len - 1] = '\0';
    } else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
        int ok = ui->opts->pin_check(st->pin, ui->opts->pin_ctx);
        explicit_bzero(st->pin, sizeof st->pin);
        if (ok) {
            staff_lock_succeeded(&st->lock);
            st->unlocked = 1;
            st->menu = (struct menu){.count = STAFF_COUNT};
            return;
        }
        /* From the third wrong PIN on, a wait: 30 s, doubling. */
        long long wait = staff_lock_failed(&st->lock, ui_now_ms());
        klog_eventf(ui->opts->log, KLOG_PIN_FAILED, "%d wrong in a row, next try after %lld s",
                    st->lock.failures, wait / 1000);
        snprintf(ui->notice, sizeof ui->notice, "%s", _("That PIN is not right."));
    }
}

static void staff_do(struct ui *ui, enum staff_item item, struct screen_size sz)
{
    switch (item) {
    case STAFF_LEAVE:
        klog_event(ui->opts->log, KLOG_STAFF_EXIT, NULL);
        ui->quit = 1;
        break;
    case STAFF_TEST_PAGE: {
        char *page = NULL;
        if (asprintf(&page, "%s\n\n%s\n%s\n", _("patient-kiosk printer test page"),
                     ui->visit.content->title, _("If you can read this, printing works.")) >= 0) {
            screen_summary_print_text(ui, page, sz);
            free(page);
        }
        break;
    }
    case STAFF_REPRINT:
        screen_summary_reprint(ui, sz);
        break;
    case STAFF_LANGUAGE:
        screen_language_open(ui, 0);
        break;
    case STAFF_ABOUT: {
        /* The same check a nurse runs with --check, summed up in one line. */
        const char *version = content_var(ui->visit.content, "content-version");
        const char *reviewed = content_var(ui->visit.content, "last-reviewed");
        struct check_options copts = {.max_grade = 8,
                                      .min_ease_es = 60,
                                      .today = time(NULL),
                                      .local = ui->visit.content->local};
        struct check_result result = {0};
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            check_content(ui->visit.content->root, &copts, sink, &result);
            fclose(sink);
        }
        snprintf(ui->notice, sizeof ui->notice,
                 _("Content %s, reviewed %s. Check: %d errors, %d warnings."),
                 version ? version : "?", reviewed ? reviewed : "?", result.errors,
                 result.warnings);
        break;
    }
    case STAFF_BACK:
    case STAFF_COUNT:
        leave_staff(ui);
        break;
    }
}

static void staff_key(struct ui *ui, int key, struct screen_size sz)
{
    struct staff_state *st = staff_state(ui);
    if (!st->unlocked) {
        pin_key(ui, key);
        return;
    }
    if (key == 27) {
        leave_staff(ui);
        return;
    }
    if (menu_key(&st->menu, key, screen_body_rows(sz) - 1, ui) == MENU_CHOSEN)
        staff_do(ui, (enum staff_item)st->menu.selected, sz);
}

static void staff_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct staff_state *st = staff_state(ui);
    if (st->unlocked && menu_mouse(&st->menu, m, screen_body_rows(sz) - 1, 2, ui) == MENU_CHOSEN)
        staff_do(ui, (enum staff_item)st->menu.selected, sz);
}

static void staff_forget(struct ui *ui, enum screen_forget what)
{
    struct staff_state *st = staff_state(ui);
    if (what == FORGET_WORDS)
        return;
    /* The back-off outlives a patient: wrong PINs stay slow for the next. */
    explicit_bzero(st->pin, sizeof st->pin);
    st->unlocked = 0;
    if (what == FORGET_ALL)
        protect_unregister(st->pin); /* the state is freed next */
}

const struct screen_ops screen_kiosk_staff = {
    .name = "staff",
    .state_size = sizeof(struct staff_state),
    .draw = staff_draw,
    .key = staff_key,
    .mouse = staff_mouse,
    .forget = staff_forget,
};
