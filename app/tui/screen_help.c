/* screen_help.c: every key, in one list. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>

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

void help_draw(struct ui *ui)
{
    ui_draw_chrome(ui, _("Help"), _("Press any key to go back"), NULL);
    int rows = ui_body_rows();
    for (int i = 0; i < rows - 1 && (size_t)i < sizeof help_lines / sizeof help_lines[0]; i++)
        term_text(2 + i, 2, help_lines[i][0] ? _(help_lines[i]) : "", COLS - 3,
                  i == 0 ? (int)A_BOLD : (int)A_NORMAL);
    move(2, 2);
}

void help_key(struct ui *ui, int key)
{
    (void)key;
    ui->screen = ui->help_return;
}
