/* screen_kiosk.c: the kiosk's own screens: the attract screen between
 * patients, the "Still there?" countdown, and the staff PIN and menu. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/check.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void centre(int y, const char *text, int attr)
{
    int w = (int)text_width(text, strlen(text));
    int x = w < COLS ? (COLS - w) / 2 : 0;
    term_text(y, x, text, COLS - x, attr);
}

void attract_draw(struct ui *ui)
{
    int y = LINES / 4;
    const char *clinic = content_var(ui->visit.content, "clinic-name");
    if (clinic && *clinic)
        centre(y++, clinic, A_BOLD);
    centre(y++, ui->visit.content->title, A_BOLD);
    y++;
    centre(y++, _("Touch the screen or press any key to start."), A_NORMAL);
    y++;
    /* Each language in its own words, with the key that picks it. */
    for (size_t i = 0; i < ui->language_count && i < 9 && y < LINES - 3; i++) {
        char line[96];
        snprintf(line, sizeof line, "%zu. %s", i + 1, ui->languages[i].name);
        centre(y++, line, A_NORMAL);
    }
    ui_draw_chrome(ui, ui->visit.content->title, _("Any key: start"), NULL);
    move(LINES / 4, 0);
}

void attract_key(struct ui *ui, int key)
{
    if (key >= '1' && key <= '9' && (size_t)(key - '1') < ui->language_count) {
        const char *code = ui->languages[key - '1'].code;
        if (strcmp(code, ui->visit.content->lang) != 0)
            ui_switch_language(ui, code);
    }
    ui->screen = SCREEN_HOME;
}

void idle_draw(struct ui *ui)
{
    long long left = ui->countdown_end - ui_now_ms();
    int seconds = left > 0 ? (int)((left + 999) / 1000) : 0;
    int y = LINES / 3;
    centre(y, _("Are you still there?"), A_BOLD);
    char line[160];
    snprintf(line, sizeof line,
             ngettext("Touch the screen or press any key within %d second to go on.",
                      "Touch the screen or press any key within %d seconds to go on.", seconds),
             seconds);
    centre(y + 2, line, A_NORMAL);
    centre(y + 4,
           ui->opts->mode == MODE_KIOSK
               ? _("Otherwise your answers will be erased for your privacy.")
               : _("Otherwise this session will end and your answers will be erased."),
           A_NORMAL);
    ui_draw_chrome(ui, _("Still there?"), _("Any key: go on"), NULL);
    move(y, 0);
}

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

static void draw_pin(struct ui *ui)
{
    ui_draw_chrome(ui, _("Staff"), _("Type the staff PIN, then Enter. Esc goes back."), NULL);
    if (!ui->opts->pin_check) {
        term_text(2, 2,
                  _("No staff PIN is set in the configuration, so the kiosk cannot be left here."),
                  COLS - 3, A_BOLD);
        return;
    }
    long long wait = staff_lock_wait(&ui->pin_lock, ui_now_ms());
    if (wait > 0) {
        char line[128];
        snprintf(line, sizeof line, _("Too many wrong PINs. Try again in %lld seconds."),
                 (wait + 999) / 1000);
        term_text(2, 2, line, COLS - 3, A_BOLD);
        return;
    }
    int x = 2 + term_text(2, 2, _("PIN: "), COLS / 2, A_BOLD);
    for (size_t i = 0; ui->pin[i]; i++)
        mvaddch(2, x + (int)i, '*');
    move(2, x + (int)strlen(ui->pin));
}

void staff_draw(struct ui *ui)
{
    if (!ui->staff_unlocked) {
        draw_pin(ui);
        return;
    }
    ui_draw_chrome(ui, _("Staff menu"), _("Up/Down choose  Enter do it  Esc back to the kiosk"),
                   NULL);
    menu_draw(&ui->staff_menu, 2, ui_body_rows() - 1, staff_label, ui);
}

void staff_close(struct ui *ui)
{
    explicit_bzero(ui->pin, sizeof ui->pin);
    ui->staff_unlocked = 0;
    ui->staff_menu = (struct menu){.count = 0};
    ui->screen = ui->idle_return == SCREEN_STAFF ? SCREEN_ATTRACT : ui->idle_return;
}

static void leave_staff(struct ui *ui)
{
    explicit_bzero(ui->pin, sizeof ui->pin);
    ui->staff_unlocked = 0;
    ui->screen = ui->idle_return == SCREEN_STAFF ? SCREEN_ATTRACT : ui->idle_return;
}

static void pin_key(struct ui *ui, int key)
{
    size_t len = strlen(ui->pin);
    if (key == 27) {
        leave_staff(ui);
        return;
    }
    if (!ui->opts->pin_check || staff_lock_wait(&ui->pin_lock, ui_now_ms()) > 0)
        return; /* keys on a locked prompt are ignored, and do not keep it locked */
    if (key >= '0' && key <= '9' && len + 1 < sizeof ui->pin) {
        ui->pin[len] = (char)key;
        ui->pin[len + 1] = '\0';
    } else if ((key == KEY_BACKSPACE || key == 127 || key == 8) && len > 0) {
        ui->pin[len - 1] = '\0';
    } else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
        int ok = ui->opts->pin_check(ui->pin, ui->opts->pin_ctx);
        explicit_bzero(ui->pin, sizeof ui->pin);
        if (ok) {
            staff_lock_succeeded(&ui->pin_lock);
            ui->staff_unlocked = 1;
            ui->staff_menu = (struct menu){.count = STAFF_COUNT};
            return;
        }
        /* From the third wrong PIN on, a wait: 30 s, doubling. */
        long long wait = staff_lock_failed(&ui->pin_lock, ui_now_ms());
        klog_eventf(ui->opts->log, KLOG_PIN_FAILED, "%d wrong in a row, next try after %lld s",
                    ui->pin_lock.failures, wait / 1000);
        snprintf(ui->notice, sizeof ui->notice, "%s", _("That PIN is not right."));
    }
}

static void staff_do(struct ui *ui, enum staff_item item)
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
            ui_print(ui, page);
            free(page);
        }
        break;
    }
    case STAFF_REPRINT:
        if (ui->last_print && ui_now_ms() - ui->last_print_at < REPRINT_MINUTES * 60000LL)
            ui_print(ui, ui->last_print);
        else
            snprintf(ui->notice, sizeof ui->notice,
                     _("No summary was printed in the last %d minutes."), REPRINT_MINUTES);
        break;
    case STAFF_LANGUAGE:
        ui->language_return = SCREEN_STAFF;
        ui->language_menu = (struct menu){.count = ui->language_count};
        ui->screen = SCREEN_LANGUAGE;
        break;
    case STAFF_ABOUT: {
        /* The same check a nurse runs with --check, summed up in one line. */
        const char *version = content_var(ui->visit.content, "content-version");
        const char *reviewed = content_var(ui->visit.content, "last-reviewed");
        struct check_options copts = {.max_grade = 8, .min_ease_es = 60, .today = time(NULL)};
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

void staff_key(struct ui *ui, int key)
{
    if (!ui->staff_unlocked) {
        pin_key(ui, key);
        return;
    }
    if (key == 27) {
        leave_staff(ui);
        return;
    }
    if (menu_key(&ui->staff_menu, key, ui_body_rows() - 1, 2, ui) == 2)
        staff_do(ui, (enum staff_item)ui->staff_menu.selected);
}
