/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_home.c: the home menu (from index.md) and the list of pages that
 * match a search made from it. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/menu.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct home_state {
    struct menu menu;
};

struct results_state {
    struct menu menu;
    size_t *entries; /* menu entries with a match for the search */
};

static struct home_state *home_state(struct ui *ui)
{
    struct home_state *st = ui->state[SCREEN_HOME];
    st->menu.count = ui->visit.content->entry_count;
    return st;
}

static struct results_state *results_state(struct ui *ui)
{
    return ui->state[SCREEN_RESULTS];
}

static const char *entry_label(struct ui *ui, size_t i)
{
    return ui->visit.content->entries[i].label;
}

/* The welcome text at this width. */
static struct layout *intro(struct ui *ui, struct screen_size sz)
{
    static const char key[] = "screen:intro";
    int width = screen_text_width(sz);
    struct layout *L = cache_find(&ui->cache, key, width);
    if (L)
        return L;
    struct layout_opts opts = {
        .width = width, .ascii = ui->opts->visit.ascii, .lang = ui->visit.content->lang};
    L = content_intro_layout(ui->visit.content, &opts);
    return L ? cache_put(&ui->cache, key, width, L, 0) : NULL;
}

/* Row 1 offers every language by its own name when there are several. */
static int language_row(const struct ui *ui)
{
    return ui->language_count > 1 && !ui->opts->visit.file ? 1 : 0;
}

static void draw_languages(const struct ui *ui, struct screen_size sz)
{
    int x = 1 + term_text(1, 1, "[L] ", 4, A_BOLD);
    for (size_t i = 0; i < ui->language_count && x < sz.cols - 2; i++) {
        int current = strcmp(ui->languages[i].code, ui->visit.content->lang) == 0;
        if (i > 0)
            x += term_text(1, x, " | ", 3, A_NORMAL);
        x += term_text(1, x, ui->languages[i].name, sz.cols - x - 1,
                       current ? (int)(A_BOLD | A_UNDERLINE) : (int)A_NORMAL);
    }
}

/* Rows the welcome text may take, so the menu always has room: the menu's
 * first row, and in *rows how many it has. */
static int menu_top(struct ui *ui, int *rows, struct screen_size sz)
{
    struct layout *L = intro(ui, sz);
    int body = screen_body_rows(sz) - language_row(ui);
    int text_rows = L ? (int)L->line_count : 0;
    int max_text = body - (int)home_state(ui)->menu.count - 1;
    if (max_text < body / 3)
        max_text = body / 3;
    if (text_rows > max_text)
        text_rows = max_text;
    *rows = body - text_rows - (text_rows ? 1 : 0);
    return 1 + language_row(ui) + text_rows + (text_rows ? 1 : 0);
}

static void home_draw(struct ui *ui, struct screen_size sz)
{
    int rows, y = menu_top(ui, &rows, sz), first = 1 + language_row(ui);
    struct layout *L = intro(ui, sz);
    if (language_row(ui))
        draw_languages(ui, sz);
    for (int i = 0; L && first + i < y - 1 && (size_t)i < L->line_count; i++)
        term_draw_line(L, (size_t)i, first + i, 1, screen_text_width(sz), NULL);
    chrome_draw(ui, ui->visit.content->title,
                ui->opts->mode == MODE_KIOSK
                    ? _("Up/Down choose  Enter open  1-9 pick  / search  ? help")
                    : _("Up/Down choose  Enter open  1-9 pick  / search  ? help  q quit"),
                NULL, sz);
    menu_draw(&home_state(ui)->menu, y, rows, entry_label, ui, sz);
}

static void search_all(struct ui *ui, struct screen_size sz)
{
    size_t n = 0;
    size_t *found = calloc(ui->visit.content->entry_count, sizeof *found);
    if (!found)
        return;
    for (size_t i = 0; i < ui->visit.content->entry_count; i++) {
        struct layout *L =
            cache_page(ui, ui->visit.content->entries[i].page, screen_text_width(sz), sz.lines);
        cache_more(ui, L, SIZE_MAX);
        size_t line, off, len;
        if (L && layout_search(L, ui->search, 0, 1, &line, &off, &len) == 0)
            found[n++] = i;
    }
    struct results_state *st = results_state(ui);
    free(st->entries);
    st->entries = found;
    st->menu = (struct menu){.count = n};
    if (n == 0)
        snprintf(ui->notice, sizeof ui->notice, _("No page mentions \"%s\"."), ui->search);
    else
        ui->screen = SCREEN_RESULTS;
}

/* Open the chosen entry: a page, or the questions. */
static void home_open(struct ui *ui, struct screen_size sz)
{
    const struct content_entry *e = &ui->visit.content->entries[home_state(ui)->menu.selected];
    int flow = strcmp(e->page, VISIT_FLOW_PAGE) == 0
                   ? visit_flow_ready(&ui->visit, ui->notice, sizeof ui->notice)
                   : 0;
    if (flow > 0)
        screen_question_start(ui);
    else if (flow == 0)
        screen_page_open(ui, e->page, e->label, sz);
    /* else the questions cannot be used: ui->notice says why */
}

static void home_key(struct ui *ui, int key, struct screen_size sz)
{
    int rows;
    menu_top(ui, &rows, sz);
    switch (menu_key(&home_state(ui)->menu, key, rows, ui)) {
    case MENU_CHOSEN:
        home_open(ui, sz);
        return;
    case MENU_MOVED:
        return;
    }
    if (key == '/')
        prompt_open(ui, _("Search all pages: "), ui->search, sizeof ui->search, search_all);
    else if (key == 'q' || key == 'Q')
        ui->quit = 1;
}

static void home_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    if (language_row(ui) && m->y == 1 && !m->wheel) {
        unget_wch(L'L'); /* a touch on the language row opens the language choice */
        return;
    }
    int rows, y = menu_top(ui, &rows, sz);
    if (menu_mouse(&home_state(ui)->menu, m, rows, y, ui) == MENU_CHOSEN)
        home_open(ui, sz);
}

static void home_forget(struct ui *ui, enum screen_forget what)
{
    if (what != FORGET_WORDS)
        home_state(ui)->menu = (struct menu){0};
}

const struct screen_ops screen_home = {
    .name = "home",
    .state_size = sizeof(struct home_state),
    .draw = home_draw,
    .key = home_key,
    .mouse = home_mouse,
    .forget = home_forget,
};

/* ---- the pages a search from home found ---- */

static const char *result_label(struct ui *ui, size_t i)
{
    const struct results_state *st = results_state(ui);
    return ui->visit.content->entries[st->entries[i]].label;
}

/* The results' buttons: Back (to the home menu the search was made from), Home. */
static void results_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    bar_back_home(b, ui->opts->large, sz);
}

/* Rows of the list, below its blank first row and above the bar. */
static int results_rows(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    results_bar(ui, &b, sz);
    return bar_body_rows(&b, sz) - 1;
}

static void results_draw(struct ui *ui, struct screen_size sz)
{
    char title[256];
    snprintf(title, sizeof title, _("Pages that mention \"%s\""), ui->search);
    chrome_draw(ui, title, _("Enter open  Esc back  ? help"), NULL, sz);
    menu_draw(&results_state(ui)->menu, 2, results_rows(ui, sz), result_label, ui, sz);
    struct bar bar;
    results_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
}

/* Open the chosen page at its first match. */
static void results_open(struct ui *ui, struct screen_size sz)
{
    struct results_state *st = results_state(ui);
    const struct content_entry *e = &ui->visit.content->entries[st->entries[st->menu.selected]];
    if (screen_page_open(ui, e->page, e->label, sz) == 0)
        screen_page_show_match(ui, sz);
}

static void results_key(struct ui *ui, int key, struct screen_size sz)
{
    if (menu_list_key(ui, &results_state(ui)->menu, key, results_rows(ui, sz), SCREEN_HOME) ==
        MENU_CHOSEN)
        results_open(ui, sz);
}

static void results_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct bar bar;
    results_bar(ui, &bar, sz);
    int hit = m->wheel ? -1 : bar_hit(&bar, m->x, m->y);
    if (hit == BAR_BACK || hit == BAR_HOME) {
        ui->screen = SCREEN_HOME; /* Back and Esc go there too: search is made from home */
        return;
    }
    if (m->y >= bar.top)
        return; /* between the buttons */
    if (menu_mouse(&results_state(ui)->menu, m, bar_body_rows(&bar, sz) - 1, 2, ui) == MENU_CHOSEN)
        results_open(ui, sz);
}

static void results_forget(struct ui *ui, enum screen_forget what)
{
    if (what == FORGET_WORDS)
        return;
    struct results_state *st = results_state(ui);
    /* Which pages matched tells the search: zeroed. */
    wipe_free(st->entries, st->menu.count * sizeof *st->entries);
    *st = (struct results_state){0};
}

const struct screen_ops screen_home_results = {
    .name = "results",
    .state_size = sizeof(struct results_state),
    .draw = results_draw,
    .key = results_key,
    .mouse = results_mouse,
    .forget = results_forget,
};
