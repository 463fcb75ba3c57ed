/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_urgent.c: the page an {urgent=NAME} answer opens at once
 * (content/<lang>/NAME.md, or core/urgent.h's built-in crisis text), laid
 * out like any page, with the crisis line below it and two ways on: "I
 * have told someone: go on" and Back to the question. */
#include "config.h"

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

/* Rows for the page: the body less the row of buttons under it. */
static int page_rows(struct screen_size sz)
{
    int rows = screen_body_rows(sz) - 1;
    return rows > 1 ? rows : 1;
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

static void button_text(int i, char *buf, size_t size)
{
    const char *labels[2] = {_("I have told someone: go on"), _("< Back")};
    snprintf(buf, size, "[ %s ]", labels[i]);
}

/* Column where button i starts. */
static int button_x(int i)
{
    char text[128];
    button_text(0, text, sizeof text);
    return i == 0 ? 1 : 1 + (int)text_width(text, strlen(text)) + 3;
}

static size_t max_top(const struct layout *L, struct screen_size sz)
{
    size_t rows = (size_t)page_rows(sz);
    return L && L->line_count > rows ? L->line_count - rows : 0;
}

static void urgent_draw(struct ui *ui, struct screen_size sz)
{
    struct layout *L = urgent_layout(ui, sz);
    size_t *top = &urgent_state(ui)->top;
    if (*top > max_top(L, sz))
        *top = max_top(L, sz);
    int rows = page_rows(sz);
    for (int r = 0; L && r < rows && *top + (size_t)r < L->line_count; r++)
        term_draw_line(L, *top + (size_t)r, 1 + r, 1, screen_text_width(sz), "");
    for (int i = 0; i < 2; i++) {
        char text[128];
        button_text(i, text, sizeof text);
        int x = button_x(i);
        if (x < sz.cols - 1)
            term_text(1 + rows, x, text, sz.cols - x - 1,
                      i == 0 ? term_attr(ROLE_SELECT) : (int)A_BOLD);
    }
    chrome_draw(ui, _("Urgent: help is available now"),
                _("Enter: I have told someone, go on  Backspace: back"), NULL, sz);
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
    if (L && scroll_key(ui, L, top, key, screen_body_rows(sz)) && *top > max_top(L, sz))
        *top = max_top(L, sz);
}

static void urgent_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    if (!m->wheel) {
        if (m->y == 1 + page_rows(sz))
            m->x >= button_x(1) ? go_back(ui) : go_on(ui);
        return;
    }
    struct layout *L = urgent_layout(ui, sz);
    size_t *top = &urgent_state(ui)->top;
    if (L && scroll_wheel(ui, L, top, m->wheel, screen_body_rows(sz)) && *top > max_top(L, sz))
        *top = max_top(L, sz);
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
                              .rows = page_rows(sz),
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
