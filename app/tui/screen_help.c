/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_help.c: every key, in one list (the key ?). */
#include "config.h"

#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>

struct help_state {
    enum screen_id back; /* the screen it was opened from */
};

static const char *const help_lines[] = {
    N_("Keys you can use:"),
    "",
    N_("Up, Down, j, k       move one line or one choice"),
    N_("PgUp, PgDn, Space, b move one screen"),
    N_("Home, End            go to the start or the end"),
    N_("Enter, Right         open the chosen item"),
    N_("1 to 9               choose that item"),
    N_("Backspace, Esc, Left go back"),
    N_("/                    search (on the home screen: every page)"),
    N_("n, N                 next or previous match"),
    N_("t                    list the headings of this page and jump"),
    N_("L                    choose another language (your answers stay)"),
    N_("Space                tick or untick an answer (questions with several answers)"),
    N_("p                    print this page, or your summary"),
    N_("c                    training: every page and question"),
    N_("?                    this help"),
    N_("q                    quit"),
    "",
    N_("Mouse or touch: tap a choice to open it; the wheel scrolls."),
    "",
    N_("Press any key to go back."),
};

void screen_help_open(struct ui *ui)
{
    ((struct help_state *)ui->state[SCREEN_HELP])->back = ui->screen;
    ui->screen = SCREEN_HELP;
}

static void help_draw(struct ui *ui, struct screen_size sz)
{
    chrome_draw(ui, _("Help"), _("Press any key to go back"), NULL, sz);
    int rows = screen_body_rows(sz);
    for (int i = 0; i < rows - 1 && (size_t)i < sizeof help_lines / sizeof help_lines[0]; i++)
        term_text(2 + i, 2, help_lines[i][0] ? _(help_lines[i]) : "", sz.cols - 3,
                  i == 0 ? (int)A_BOLD : (int)A_NORMAL);
    move(2, 2);
}

static void help_key(struct ui *ui, int key, struct screen_size sz)
{
    (void)key;
    (void)sz;
    ui->screen = ((struct help_state *)ui->state[SCREEN_HELP])->back;
}

static void help_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    (void)m;
    help_key(ui, KEY_MOUSE, sz); /* a touch goes back too */
}

const struct screen_ops screen_help = {
    .name = "help",
    .state_size = sizeof(struct help_state),
    .draw = help_draw,
    .key = help_key,
    .mouse = help_mouse,
};
