/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_teachback.c: "Did we explain this clearly?", the check at the end
 * of a key page (core/teachback.h). The page screen offers it under the
 * page's last line; here its questions come one at a time, each answer a
 * numbered row to tap or a number key, with Back and Skip buttons in the
 * fixed bar (at the end: Back to the page). A clear
 * answer gets a short thank-you; an "again" answer is kept for the summary
 * (visit_teachback_answer()) and is never called wrong.
 *
 * The state holds the check of one page (content, not patient data) and
 * where the patient is in it; the last thank-you says how they answered,
 * so FORGET_PATIENT zeroes it all. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/teachback.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tb_state {
    char page[MISS_PAGE_BYTES]; /* the page whose check was looked for; "" none */
    struct teachback *t;        /* its check in the language shown; NULL: it has none */
    int looked;                 /* t is page's check in the language shown (0: look again) */
    int q;                      /* the question shown; t->count: the end */
    int focus;                  /* the focused answer */
    int said;                   /* the last answer: 0 none, 1 clear, 2 again */
};

/* Where things were drawn, for touches. */
struct tb_view {
    int answer_y0[TEACHBACK_MAX_ANSWERS], answer_y1[TEACHBACK_MAX_ANSWERS];
    int count;
};

static struct tb_state *tb_state(struct ui *ui)
{
    return ui->state[SCREEN_TEACHBACK];
}

/* Load the check of page (NULL when it has none). A page without a check
 * is remembered too: the page screen asks on every draw and scroll. */
static struct teachback *tb_load(struct ui *ui, const char *page)
{
    struct tb_state *st = tb_state(ui);
    if (st->looked && strcmp(st->page, page) == 0)
        return st->t;
    char name[sizeof st->page]; /* page may be st->page itself */
    if (strlen(page) >= sizeof name)
        return NULL;
    memcpy(name, page, strlen(page) + 1);
    teachback_free(st->t);
    st->t = NULL;
    memcpy(st->page, name, sizeof name);
    st->looked = 1;
    if (ui->opts->visit.file || strncmp(name, QUESTION_KEY, strlen(QUESTION_KEY)) == 0)
        return NULL;
    st->t = content_page_check(ui->visit.content, name);
    return st->t;
}

int screen_teachback_offered(struct ui *ui, const char *page)
{
    return page && tb_load(ui, page) != NULL;
}

void screen_teachback_open(struct ui *ui, const char *page)
{
    struct tb_state *st = tb_state(ui);
    if (!tb_load(ui, page))
        return;
    st->q = 0;
    st->focus = 0;
    st->said = 0;
    ui->screen = SCREEN_TEACHBACK;
}

/* The check's buttons: Back and Skip while it asks, Back to the page at its end. */
enum { TB_BACK, TB_SKIP, TB_PAGE };

static void tb_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    const struct tb_state *st = tb_state(ui);
    *b = (struct bar){0};
    if (!st->t || st->q >= st->t->count) {
        bar_add(b, TB_PAGE, _("Back to the page"));
    } else {
        bar_add(b, TB_BACK, _("< Back"));
        bar_add(b, TB_SKIP, _("Skip >"));
    }
    bar_place(b, ui->opts->large, sz);
}

/* Text wrapped to the width from row y (at most to row last), in style;
 * attr for a marker at column 0 (0: none). Returns the row after it. */
static int put_text(struct ui *ui, const char *text, uint16_t style, int y, int last, int draw,
                    int marker, struct screen_size sz)
{
    struct layout_opts o = visit_layout_opts(&ui->visit, screen_text_width(sz) - 2);
    struct layout *L = layout_text(text, style, &o);
    if (!L)
        return y + 1;
    for (size_t i = 0; i < L->line_count && y <= last; i++, y++)
        if (draw) {
            if (marker && i == 0)
                term_text(y, 1, ">", 1, marker);
            term_draw_line(L, i, y, 3, screen_text_width(sz) - 2, NULL);
        }
    layout_free(L);
    return y;
}

/* Lay the screen out (and draw it when draw is 1). */
static void tb_place(struct ui *ui, struct tb_view *v, int draw, struct screen_size sz)
{
    struct tb_state *st = tb_state(ui);
    const struct teachback *t = st->t;
    *v = (struct tb_view){0};
    struct bar bar;
    tb_bar(ui, &bar, sz);
    int y = 2, last = bar_body_rows(&bar, sz);
    if (st->said)
        y = put_text(ui,
                     st->said == 1 ? _("Thank you.")
                                   : _("Thank you. We will ask your care team to explain this "
                                       "again."),
                     STYLE_NOTE, y, last, draw, 0, sz) +
            1;
    if (!t || st->q >= t->count) {
        put_text(ui, _("Thank you for helping us check this page."), STYLE_STRONG, y, last, draw, 0,
                 sz);
        return;
    }
    const struct teachback_question *q = &t->q[st->q];
    if (st->q == 0 && t->intro && *t->intro)
        y = put_text(ui, t->intro, 0, y, last, draw, 0, sz) + 1;
    y = put_text(ui, q->title, STYLE_STRONG, y, last, draw, 0, sz) + 1;
    v->count = q->answer_count;
    for (int a = 0; a < q->answer_count; a++) {
        char line[512];
        snprintf(line, sizeof line, "%d. %s", a + 1, q->answers[a].label);
        v->answer_y0[a] = y;
        y = put_text(ui, line, 0, y, last, draw, a == st->focus ? term_attr(ROLE_SELECT) : 0, sz);
        v->answer_y1[a] = y - 1;
        y += ui->opts->large ? 1 : 0;
    }
}

static void tb_draw(struct ui *ui, struct screen_size sz)
{
    struct tb_state *st = tb_state(ui);
    if (!st->looked && st->page[0])
        tb_load(ui, st->page);
    char position[64] = "";
    if (st->t && st->q < st->t->count)
        snprintf(position, sizeof position, _("Question %d of %d"), st->q + 1, st->t->count);
    chrome_draw(ui, st->t ? st->t->title : "",
                _("1-9 choose  Enter choose  Backspace back  s skip  Esc page  ? help"), position,
                sz);
    struct tb_view v;
    tb_place(ui, &v, 1, sz);
    struct bar bar;
    tb_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
    move(1, 1);
}

static void back_to_page(struct ui *ui)
{
    ui->screen = SCREEN_PAGE;
}

static void choose(struct ui *ui, int a)
{
    struct tb_state *st = tb_state(ui);
    const struct teachback_question *q = &st->t->q[st->q];
    if (a < 0 || a >= q->answer_count)
        return;
    int clear = q->answers[a].clear;
    if (visit_teachback_answer(&ui->visit, st->page, q->id, clear) < 0)
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to keep this answer."));
    st->said = clear ? 1 : 2;
    st->q++;
    st->focus = 0;
}

static void go_back(struct ui *ui)
{
    struct tb_state *st = tb_state(ui);
    st->said = 0;
    st->focus = 0;
    if (st->q > 0)
        st->q--;
    else
        back_to_page(ui);
}

static void skip(struct ui *ui)
{
    struct tb_state *st = tb_state(ui);
    st->said = 0;
    st->focus = 0;
    st->q++;
}

static void tb_key(struct ui *ui, int key, struct screen_size sz)
{
    (void)sz;
    struct tb_state *st = tb_state(ui);
    if (!st->t) {
        back_to_page(ui);
        return;
    }
    int at_end = st->q >= st->t->count;
    int n = at_end ? 0 : st->t->q[st->q].answer_count;
    switch (key) {
    case KEY_UP:
    case 'k':
        if (st->focus > 0)
            st->focus--;
        return;
    case KEY_DOWN:
    case 'j':
    case '\t':
        if (st->focus + 1 < n)
            st->focus++;
        return;
    case '\n':
    case '\r':
    case KEY_ENTER:
    case ' ':
        if (at_end)
            back_to_page(ui);
        else
            choose(ui, st->focus);
        return;
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
    case 'b':
    case 'h':
        go_back(ui);
        return;
    case 's':
    case 'S':
    case KEY_RIGHT:
        if (!at_end)
            skip(ui);
        else
            back_to_page(ui);
        return;
    case 27:
        back_to_page(ui);
        return;
    case 'q':
    case 'Q':
        ui->quit = 1;
        return;
    }
    if (key >= '1' && key <= '9' && key - '1' < n)
        choose(ui, key - '1');
}

static void tb_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct tb_state *st = tb_state(ui);
    if (m->wheel || !st->t)
        return;
    struct bar bar;
    tb_bar(ui, &bar, sz);
    switch (bar_hit(&bar, m->x, m->y)) {
    case TB_PAGE:
        back_to_page(ui);
        return;
    case TB_BACK:
        go_back(ui);
        return;
    case TB_SKIP:
        skip(ui);
        return;
    }
    if (m->y >= bar.top)
        return; /* between the buttons */
    struct tb_view v;
    tb_place(ui, &v, 0, sz);
    for (int a = 0; a < v.count; a++)
        if (m->y >= v.answer_y0[a] && m->y <= v.answer_y1[a]) {
            choose(ui, a);
            return;
        }
}

static void tb_forget(struct ui *ui, enum screen_forget what)
{
    struct tb_state *st = tb_state(ui);
    teachback_free(st->t);
    st->t = NULL;
    st->looked = 0;
    if (what == FORGET_WORDS)
        return; /* the same page, read again in the new language at the next draw */
    explicit_bzero(st, sizeof *st);
}

const struct screen_ops screen_teachback = {
    .name = "teachback",
    .state_size = sizeof(struct tb_state),
    .draw = tb_draw,
    .key = tb_key,
    .mouse = tb_mouse,
    .forget = tb_forget,
};
