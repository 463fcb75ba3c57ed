/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contents.c: training mode's contents (the key c): every page and
 * every question, to jump to; a question opens as a page describing it for
 * staff (its answers, where each leads and what it adds to the summary). */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/menu.h"
#include "tui/screen.h"
#include "core/i18n.h"

#include <stdio.h>

struct contents_state {
    struct menu menu;
    char label[512];     /* the label of a question entry, made for menu_draw() */
    enum screen_id back; /* the screen c was pressed on, for the Back button */
};

static struct contents_state *contents_state(struct ui *ui)
{
    return ui->state[SCREEN_CONTENTS];
}

void screen_contents_open(struct ui *ui)
{
    /* The questions are listed too; a problem with them shows in the footer. */
    visit_flow_ready(&ui->visit, ui->notice, sizeof ui->notice);
    contents_state(ui)->menu =
        (struct menu){.count = ui->visit.content->entry_count +
                               (ui->visit.flow ? flow_question_count(ui->visit.flow) : 0)};
    contents_state(ui)->back = ui->screen;
    ui->screen = SCREEN_CONTENTS;
}

static const char *contents_label(struct ui *ui, size_t i)
{
    if (i < ui->visit.content->entry_count)
        return ui->visit.content->entries[i].label;
    char *label = contents_state(ui)->label;
    int q = (int)(i - ui->visit.content->entry_count);
    snprintf(label, sizeof contents_state(ui)->label, _("Question \"%s\": %s"),
             flow_question_id(ui->visit.flow, q), flow_question_title(ui->visit.flow, q));
    return label;
}

/* The contents' buttons: Back to the screen c was pressed on, Home (as Esc). */
static void contents_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    bar_back_home(b, ui->opts->large, sz);
}

/* Rows of the list, below its blank first row and above the bar. */
static int contents_rows(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    contents_bar(ui, &b, sz);
    return bar_body_rows(&b, sz) - 1;
}

static void contents_draw(struct ui *ui, struct screen_size sz)
{
    chrome_draw(ui, _("Training: all pages and questions"), _("Enter open  Esc home"), NULL, sz);
    menu_draw(&contents_state(ui)->menu, 2, contents_rows(ui, sz), contents_label, ui, sz);
    struct bar bar;
    contents_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
}

static void contents_open(struct ui *ui, struct screen_size sz)
{
    size_t i = contents_state(ui)->menu.selected;
    if (i < ui->visit.content->entry_count) {
        const struct content_entry *e = &ui->visit.content->entries[i];
        screen_page_open(ui, e->page, e->label, sz);
    } else {
        int q = (int)(i - ui->visit.content->entry_count);
        char key_name[256];
        snprintf(key_name, sizeof key_name, "%s%s", QUESTION_KEY,
                 flow_question_id(ui->visit.flow, q));
        screen_page_open(ui, key_name, flow_question_title(ui->visit.flow, q), sz);
    }
}

static void contents_key(struct ui *ui, int key, struct screen_size sz)
{
    if (menu_list_key(ui, &contents_state(ui)->menu, key, contents_rows(ui, sz), SCREEN_HOME) ==
        MENU_CHOSEN)
        contents_open(ui, sz);
}

static void contents_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct bar bar;
    contents_bar(ui, &bar, sz);
    int hit = m->wheel ? -1 : bar_hit(&bar, m->x, m->y);
    if (hit == BAR_BACK || hit == BAR_HOME) {
        ui->screen = hit == BAR_BACK ? contents_state(ui)->back : SCREEN_HOME;
        return;
    }
    if (m->y >= bar.top && !m->wheel)
        return; /* beside the button */
    if (menu_mouse(&contents_state(ui)->menu, m, bar_body_rows(&bar, sz) - 1, 2, ui) == MENU_CHOSEN)
        contents_open(ui, sz);
}

const struct screen_ops screen_contents = {
    .name = "contents",
    .state_size = sizeof(struct contents_state),
    .draw = contents_draw,
    .key = contents_key,
    .mouse = contents_mouse,
};
