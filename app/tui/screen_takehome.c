/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_takehome.c: "take it home": the summary's points and questions as
 * a QR code in half-block characters (core/qr.h), dark on light, for the
 * patient's phone. Nothing is written anywhere; when it all does not fit
 * the screen, the code holds the most important part and says so. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/qr.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void takehome_forget(struct ui *ui)
{
    qr_free(ui->takehome);
    ui->takehome = NULL;
}

/* The code for this screen size, made again when the size changed. */
static struct qr *code(struct ui *ui)
{
    if (ui->takehome && ui->takehome_rows == LINES && ui->takehome_cols == COLS)
        return ui->takehome;
    takehome_forget(ui);
    const char *md = visit_summary(&ui->visit);
    if (!md)
        return NULL;
    /* Rows 0 and 1 for the title and the message, the last two for the chrome. */
    ui->takehome =
        qr_takehome(md, qr_fit(LINES - 4, COLS - 2), _("More on your printed or saved summary."));
    ui->takehome_rows = LINES;
    ui->takehome_cols = COLS;
    return ui->takehome;
}

void takehome_open(struct ui *ui)
{
    takehome_forget(ui);
    ui->screen = SCREEN_TAKEHOME;
}

void takehome_draw(struct ui *ui)
{
    struct qr *qr = code(ui);
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
    term_text(1, 1, msg, COLS - 2, A_BOLD);
    if (qr) {
        char *drawn = qr_draw(qr, ui->opts->visit.ascii);
        int w = qr_draw_cols(qr, ui->opts->visit.ascii);
        int x = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0, y = 2;
        for (char *line = drawn, *nl; line && (nl = strchr(line, '\n')); line = nl + 1, y++) {
            *nl = '\0';
            if (y < LINES - 2)
                term_text(y, x, line, w, term_attr(ROLE_FOOTER));
        }
        free(drawn);
    }
    ui_draw_chrome(ui, _("Take your summary home"), _("Esc back to the summary"), NULL);
    move(1, 1);
}

void takehome_key(struct ui *ui, int key)
{
    switch (key) {
    case 27:
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_MOUSE:
        takehome_forget(ui);
        ui->screen = SCREEN_SUMMARY;
        break;
    case 'h':
    case 'H':
        takehome_forget(ui);
        ui->screen = SCREEN_HOME;
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}
