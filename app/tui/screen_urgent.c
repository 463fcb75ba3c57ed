/* screen_urgent.c: the page an {urgent=NAME} answer opens at once
 * (content/<lang>/NAME.md, or urgent.h's built-in crisis text), laid out
 * like any page, with the crisis line below it and two ways on: "I have
 * told someone: go on" and Back to the question. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void urgent_forget(struct ui *ui)
{
    layout_free(ui->urgent.layout);
    ui->urgent = (struct urgent_view){0};
}

/* Rows for the page: the body less the row of buttons under it. */
static int page_rows(void)
{
    int rows = ui_body_rows() - 1;
    return rows > 1 ? rows : 1;
}

static struct layout *urgent_layout(struct ui *ui)
{
    const char *page = visit_urgent_page(&ui->visit);
    if (!page)
        page = "";
    struct urgent_view *v = &ui->urgent;
    int width = ui_text_width();
    if (v->layout && v->width == width && strcmp(v->page, page) == 0 &&
        strcmp(v->lang, ui->visit.content->lang) == 0)
        return v->layout;
    size_t top = v->top;
    urgent_forget(ui);
    size_t len;
    int fell_back;
    char *text = visit_urgent_text(&ui->visit, &len, &fell_back);
    if (!text)
        return NULL;
    struct layout_opts opts = visit_layout_opts(&ui->visit, width);
    opts.show_sources = 0;
    v->layout = layout_start(text, len, &opts);
    free(text);
    if (!v->layout)
        return NULL;
    ui_layout_more(ui, v->layout, SIZE_MAX); /* a short page */
    snprintf(v->page, sizeof v->page, "%s", page);
    snprintf(v->lang, sizeof v->lang, "%s", ui->visit.content->lang);
    v->width = width;
    v->top = top;
    if (fell_back)
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("This page is not yet translated; it is shown in English."));
    return v->layout;
}

void urgent_open(struct ui *ui)
{
    urgent_forget(ui);
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

static size_t max_top(const struct layout *L)
{
    size_t rows = (size_t)page_rows();
    return L && L->line_count > rows ? L->line_count - rows : 0;
}

void urgent_draw(struct ui *ui)
{
    struct layout *L = urgent_layout(ui);
    size_t *top = &ui->urgent.top;
    if (*top > max_top(L))
        *top = max_top(L);
    int rows = page_rows();
    for (int r = 0; L && r < rows && *top + (size_t)r < L->line_count; r++)
        term_draw_line(L, *top + (size_t)r, 1 + r, 1, ui_text_width(), "");
    for (int i = 0; i < 2; i++) {
        char text[128];
        button_text(i, text, sizeof text);
        int x = button_x(i);
        if (x < COLS - 1)
            term_text(1 + rows, x, text, COLS - x - 1,
                      i == 0 ? term_attr(ROLE_SELECT) : (int)A_BOLD);
    }
    ui_draw_chrome(ui, _("Urgent: help is available now"),
                   _("Enter: I have told someone, go on  Backspace: back"), NULL);
    move(1, 1);
}

static void go_on(struct ui *ui)
{
    if (visit_go_on(&ui->visit) == VISIT_SUMMARY)
        open_summary(ui);
    else
        ui->screen = SCREEN_QUESTION;
}

static void go_back(struct ui *ui)
{
    visit_back(&ui->visit); /* to the question, its answer kept */
    question_forget(ui);
    ui->screen = SCREEN_QUESTION;
}

void urgent_key(struct ui *ui, int key)
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
    case KEY_MOUSE:
        if (!ui->mouse.wheel) {
            if (ui->mouse.y == 1 + page_rows())
                ui->mouse.x >= button_x(1) ? go_back(ui) : go_on(ui);
            return;
        }
        break;
    }
    struct layout *L = urgent_layout(ui);
    if (L && ui_scroll_key(ui, L, &ui->urgent.top, key) && ui->urgent.top > max_top(L))
        ui->urgent.top = max_top(L);
}
