/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_takehome.c: "take it home": the summary's points and questions as
 * a QR code in half-block characters (core/qr.h), dark on light, for the
 * patient's phone; at home over SSH also copied to the patient's clipboard
 * or their own printer when their terminal can (takehome_copy.h). Nothing is written anywhere; when
 * it all does not fit the screen, the code holds the most important part and says so. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/takehome_copy.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/qr.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The code as drawn, for the size it was made for. It holds patient text
 * (qr_free() zeroes it); it is made again each time the screen is opened. */
struct takehome_state {
    struct qr *qr;
    struct screen_size made_for;
    const char *done; /* what copy or print did (takehome_copy.h); NULL: nothing yet */
};

static struct takehome_state *takehome_state(struct ui *ui)
{
    return ui->state[SCREEN_TAKEHOME];
}

static void drop_code(struct takehome_state *st)
{
    qr_free(st->qr);
    *st = (struct takehome_state){0};
}

static void takehome_forget(struct ui *ui, enum screen_forget what)
{
    (void)what; /* the words change with the language too */
    drop_code(takehome_state(ui));
}

/* The take-home screen's buttons: Back to the summary, Home. */
static void takehome_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    bar_back_home(b, ui->opts->large, sz);
}

/* The row of the copy and print choices, just above the bar; the bar's
 * top row when there are none. */
static int choices_row(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    takehome_bar(ui, &b, sz);
    return takehome_copy_shown(ui) ? b.top - 1 : b.top;
}

/* The code for this screen size, made again when the size changed. */
static struct qr *code(struct ui *ui, struct screen_size sz)
{
    struct takehome_state *st = takehome_state(ui);
    if (st->qr && st->made_for.lines == sz.lines && st->made_for.cols == sz.cols)
        return st->qr;
    const char *done = st->done;
    drop_code(st);
    st->done = done;
    const char *md = visit_summary(&ui->visit);
    if (!md)
        return NULL;
    /* Rows 0 and 1 for the title and the message, the rows from the copy
     * and print choices (or the bar) down for them, the bar and the chrome. */
    int rows = choices_row(ui, sz) - 2;
    st->qr = qr_takehome(md, qr_fit(rows > 0 ? rows : 0, sz.cols - 2),
                         _("More on your printed or saved summary."));
    st->made_for = sz;
    return st->qr;
}

void screen_takehome_open(struct ui *ui)
{
    drop_code(takehome_state(ui));
    ui->screen = SCREEN_TAKEHOME;
}

static void takehome_draw(struct ui *ui, struct screen_size sz)
{
    struct qr *qr = code(ui, sz);
    char msg[512];
    if (!qr)
        snprintf(msg, sizeof msg, "%s",
                 _("The screen is too small for the code. Make the window larger, or print or "
                   "save the summary."));
    else if (qr->items < qr->items_total)
        snprintf(msg, sizeof msg,
                 _("Not all of it fits one code: it holds the %zu most important of %zu points "
                   "and questions."),
                 qr->items, qr->items_total);
    else
        snprintf(msg, sizeof msg, "%s",
                 _("Scan this code with your phone's camera. Nothing is sent or saved."));
    if (takehome_state(ui)->done)
        snprintf(msg, sizeof msg, "%s", takehome_state(ui)->done);
    term_text(1, 1, msg, sz.cols - 2, A_BOLD);
    int choices = choices_row(ui, sz);
    if (takehome_copy_shown(ui))
        takehome_copy_draw(ui, choices, sz);
    if (qr) {
        char *drawn = qr_draw(qr, ui->opts->visit.ascii);
        int w = qr_draw_cols(qr, ui->opts->visit.ascii);
        int x = (sz.cols - w) / 2 > 0 ? (sz.cols - w) / 2 : 0, y = 2;
        for (char *line = drawn, *nl; line && (nl = strchr(line, '\n')); line = nl + 1, y++) {
            *nl = '\0';
            if (y < choices)
                term_text(y, x, line, w, term_attr(ROLE_FOOTER));
        }
        if (drawn)
            explicit_bzero(drawn, strlen(drawn));
        free(drawn);
    }
    chrome_draw(ui, _("Take your summary home"), _("Esc back to the summary"), NULL, sz);
    struct bar bar;
    takehome_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
    move(1, 1);
}

static void takehome_key(struct ui *ui, int key, struct screen_size sz)
{
    (void)sz;
    const char *done = takehome_copy_key(ui, key);
    if (done) {
        takehome_state(ui)->done = done;
        return;
    }
    switch (key) {
    case 27:
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
    case '\n':
    case '\r':
    case KEY_ENTER:
        drop_code(takehome_state(ui));
        ui->screen = SCREEN_SUMMARY; /* as it was left, scrolled where it was */
        break;
    case 'h':
    case 'H':
        drop_code(takehome_state(ui));
        ui->screen = SCREEN_HOME;
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}

/* A touch on copy or print does it, on Home goes home; anywhere else (Back
 * too) goes back to the summary. */
static void takehome_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    if (m->wheel)
        return;
    struct bar bar;
    takehome_bar(ui, &bar, sz);
    int hit = bar_hit(&bar, m->x, m->y);
    if (hit == BAR_HOME) {
        takehome_key(ui, 'h', sz);
        return;
    }
    if (hit < 0 && m->y >= bar.top && m->y < bar.top + bar.rows)
        return; /* between the buttons */
    int choice = takehome_copy_hit(ui, m->x, m->y, choices_row(ui, sz));
    takehome_key(ui, choice ? choice : 27, sz);
}

const struct screen_ops screen_takehome = {
    .name = "takehome",
    .state_size = sizeof(struct takehome_state),
    .draw = takehome_draw,
    .key = takehome_key,
    .mouse = takehome_mouse,
    .forget = takehome_forget,
};
