/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_urgent.c: the page an {urgent=NAME} answer opens at once
 * (content/<lang>/NAME.md, or core/urgent.h's built-in crisis text), laid
 * out like any page, with the crisis line below it and two ways on: "I
 * have told someone: go on" and Back to the question. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/scroll.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which page it is comes from the patient's answers each time; the layout
 * is in the cache (zeroed when dropped), so nothing here outlives a wipe. */
struct urgent_state {
    char key[FLOW_MAX_PAGE_NAME + 16]; /* the cache's name for the page shown */
    size_t top;
};

static struct urgent_state *urgent_state(struct ui *ui)
{
    return ui->state[SCREEN_URGENT];
}

static void urgent_forget(struct ui *ui, enum screen_forget what)
{
    (void)what;
    struct urgent_state *st = urgent_state(ui);
    if (st->key[0])
        cache_drop(&ui->cache, st->key);
    explicit_bzero(st, sizeof *st);
}

/* The urgent page's buttons, in the fixed bar: go on, Back, Home. */
enum { URGENT_ON, URGENT_BACK, URGENT_HOME };

static void urgent_bar(const struct ui *ui, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, URGENT_ON, _("I have told someone: go on"));
    bar_add(b, URGENT_BACK, _("< Back"));
    bar_add(b, URGENT_HOME, _("Home"));
    bar_place(b, ui->opts->large, sz);
}

/* Rows for the page: the body less the bar under it. */
static int page_rows(const struct ui *ui, struct screen_size sz)
{
    struct bar b;
    urgent_bar(ui, &b, sz);
    return bar_body_rows(&b, sz);
}

static struct layout *urgent_layout(struct ui *ui, struct screen_size sz)
{
    struct urgent_state *st = urgent_state(ui);
    const char *page = visit_urgent_page(&ui->visit);
    char key[sizeof st->key];
    snprintf(key, sizeof key, "screen:urgent:%s", page ? page : "");
    if (strcmp(key, st->key) != 0) { /* another page: the old one goes */
        if (st->key[0])
            cache_drop(&ui->cache, st->key);
        snprintf(st->key, sizeof st->key, "%s", key);
    }
    int width = screen_text_width(sz);
    struct layout *L = cache_find(&ui->cache, st->key, width);
    if (L)
        return L;
    size_t len;
    int fell_back;
    char *text = visit_urgent_text(&ui->visit, &len, &fell_back);
    if (!text)
        return NULL;
    struct layout_opts opts = visit_layout_opts(&ui->visit, width);
    opts.show_sources = 0;
    L = layout_start(text, len, &opts);
    free(text);
    if (!L)
        return NULL;
    cache_more(ui, L, SIZE_MAX); /* a short page */
    if (fell_back)
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("This page is not yet translated; it is shown in English."));
    return cache_put(&ui->cache, st->key, width, L, 1);
}

void screen_urgent_open(struct ui *ui)
{
    urgent_forget(ui, FORGET_PATIENT);
    ui->screen = SCREEN_URGENT;
}

static size_t max_top(const struct ui *ui, const struct layout *L, struct screen_size sz)
{
    size_t rows = (size_t)page_rows(ui, sz);
    return L && L->line_count > rows ? L->line_count - rows : 0;
}

static void urgent_draw(struct ui *ui, struct screen_size sz)
{
    struct layout *L = urgent_layout(ui, sz);
    size_t *top = &urgent_state(ui)->top;
    if (*top > max_top(ui, L, sz))
        *top = max_top(ui, L, sz);
    struct bar bar;
    urgent_bar(ui, &bar, sz);
    int rows = bar_body_rows(&bar, sz);
    for (int r = 0; L && r < rows && *top + (size_t)r < L->line_count; r++)
        term_draw_line(L, *top + (size_t)r, 1 + r, 1, screen_text_width(sz), "");
    chrome_draw(ui, _("Urgent: help is available now"),
                _("Enter: I have told someone, go on  Backspace: back"), NULL, sz);
    bar_draw(&bar, sz);
    move(1, 1);
}

static void go_on(struct ui *ui)
{
    if (visit_go_on(&ui->visit) == VISIT_SUMMARY)
        screen_summary_open(ui);
    else
        screen_question_show(ui, FOCUS_KEEP);
}

static void go_back(struct ui *ui)
{
    visit_back(&ui->visit); /* to the question, its answer kept */
    urgent_forget(ui, FORGET_PATIENT);
    screen_question_show(ui, FOCUS_KEEP);
}

static void urgent_key(struct ui *ui, int key, struct screen_size sz)
{
    switch (key) {
    case '\n':
    case '\r':
    case KEY_ENTER:
        go_on(ui);
        return;
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
        go_back(ui);
        return;
    case 27:
    case 'h':
    case 'H':
        ui->screen = SCREEN_HOME;
        return;
    case 'q':
    case 'Q':
        ui->quit = 1; /* (never in kiosk mode: the loop refuses it) */
        return;
    }
    struct layout *L = urgent_layout(ui, sz);
    size_t *top = &urgent_state(ui)->top;
    if (L && scroll_key(ui, L, top, key, page_rows(ui, sz)) && *top > max_top(ui, L, sz))
        *top = max_top(ui, L, sz);
}

static void urgent_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    if (!m->wheel) {
        struct bar bar;
        urgent_bar(ui, &bar, sz);
        switch (bar_hit(&bar, m->x, m->y)) {
        case URGENT_ON:
            go_on(ui);
            break;
        case URGENT_BACK:
            go_back(ui);
            break;
        case URGENT_HOME:
            ui->screen = SCREEN_HOME;
            break;
        }
        return;
    }
    struct layout *L = urgent_layout(ui, sz);
    size_t *top = &urgent_state(ui)->top;
    if (L && scroll_mouse(ui, L, top, m, page_rows(ui, sz)) && *top > max_top(ui, L, sz))
        *top = max_top(ui, L, sz);
}

/* Read aloud: the urgent page, one layout. */
static int urgent_text(struct ui *ui, struct screen_size sz, struct screen_text *t)
{
    struct layout *L = urgent_layout(ui, sz);
    if (!L)
        return -1;
    *t = (struct screen_text){.count = 1,
                              .layout = {L},
                              .x = {1},
                              .top = &urgent_state(ui)->top,
                              .rows = page_rows(ui, sz),
                              .total = L->line_count,
                              .source = L};
    return 0;
}

const struct screen_ops screen_urgent = {
    .name = "urgent",
    .state_size = sizeof(struct urgent_state),
    .draw = urgent_draw,
    .key = urgent_key,
    .mouse = urgent_mouse,
    .forget = urgent_forget,
    .text = urgent_text,
};
