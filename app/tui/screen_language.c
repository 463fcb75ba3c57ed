/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_language.c: choose the language, each shown by its own name, and
 * the switch itself. The key L opens it from any screen; the patient's
 * answers are kept. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/menu.h"
#include "tui/screen.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>

struct language_state {
    struct menu menu;
    enum screen_id back; /* the screen it was opened from */
};

static struct language_state *language_state(struct ui *ui)
{
    return ui->state[SCREEN_LANGUAGE];
}

void screen_language_open(struct ui *ui, int focus_current)
{
    struct language_state *st = language_state(ui);
    st->back = ui->screen;
    st->menu = (struct menu){.count = ui->language_count};
    for (size_t i = 0; focus_current && i < ui->language_count; i++)
        if (strcmp(ui->languages[i].code, ui->visit.content->lang) == 0)
            st->menu.selected = i;
    ui->screen = SCREEN_LANGUAGE;
}

int screen_language_switch(struct ui *ui, const char *code)
{
    if (visit_set_language(&ui->visit, code, ui->notice, sizeof ui->notice) < 0)
        return -1;
    cache_clear(&ui->cache);
    screen_forget(ui, FORGET_WORDS);
    return 0;
}

enum screen_id screen_language_back(const struct ui *ui)
{
    const struct language_state *st = ui->state[SCREEN_LANGUAGE];
    return st->back;
}

static const char *language_label(struct ui *ui, size_t i)
{
    return ui->languages[i].name;
}

/* The language screen's one button: Back, where it was opened from. */
enum { LANGUAGE_BACK };

static void language_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, LANGUAGE_BACK, _("Back"));
    bar_place(b, ui->opts->large, sz);
}

/* Rows of the list, below its blank first row and above the bar. */
static int language_rows(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    language_bar(ui, &b, sz);
    return bar_body_rows(&b, sz) - 1;
}

static void language_draw(struct ui *ui, struct screen_size sz)
{
    /* Every language's name is in its own words, so anyone can find theirs. */
    chrome_draw(ui, "Language / Idioma / 语言", _("Enter choose  Esc back"), NULL, sz);
    menu_draw(&language_state(ui)->menu, 2, language_rows(ui, sz), language_label, ui, sz);
    struct bar bar;
    language_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
}

static void language_choose(struct ui *ui)
{
    struct language_state *st = language_state(ui);
    const char *code = ui->languages[st->menu.selected].code;
    if (strcmp(code, ui->visit.content->lang) == 0 || screen_language_switch(ui, code) == 0) {
        if (st->back == SCREEN_STAFF) /* staff set it for new patients */
            snprintf(ui->default_lang, sizeof ui->default_lang, "%s", code);
        ui->screen = st->back;
    }
}

static void language_key(struct ui *ui, int key, struct screen_size sz)
{
    switch (menu_key(&language_state(ui)->menu, key, language_rows(ui, sz), ui)) {
    case MENU_CHOSEN:
        language_choose(ui);
        return;
    case MENU_MOVED:
        return;
    }
    if (menu_is_back_key(key))
        ui->screen = language_state(ui)->back;
}

static void language_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct bar bar;
    language_bar(ui, &bar, sz);
    if (!m->wheel && bar_hit(&bar, m->x, m->y) == LANGUAGE_BACK) {
        ui->screen = language_state(ui)->back;
        return;
    }
    if (m->y >= bar.top && !m->wheel)
        return; /* beside the button */
    if (menu_mouse(&language_state(ui)->menu, m, bar_body_rows(&bar, sz) - 1, 2, ui) == MENU_CHOSEN)
        language_choose(ui);
}

const struct screen_ops screen_language = {
    .name = "language",
    .state_size = sizeof(struct language_state),
    .draw = language_draw,
    .key = language_key,
    .mouse = language_mouse,
};
