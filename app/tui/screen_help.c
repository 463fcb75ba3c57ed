/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_help.c: every key, in one list (the key ?), wrapped to the
 * window and scrolled when it is longer than the window. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/scroll.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/markdown.h"

#include <ncurses.h>
#include <stdio.h>
#include <string.h>

struct help_state {
    enum screen_id back; /* the screen it was opened from */
    struct layout *L;    /* the help laid out at L->width; NULL: not yet */
    size_t top;          /* first line shown */
};

/* A key and what it does, split at the run of spaces between them (each
 * language aligns its own columns). */
static const char *const help_keys[] = {
    N_("Up, Down, j, k       move one line or one choice"),
    N_("PgUp, PgDn, Space, b move one screen"),
    N_("Home, End            go to the start or the end"),
    N_("Enter, Right         open the chosen item"),
    N_("1 to 9               choose that item"),
    N_("Backspace, Esc, Left go back"),
    N_("/                    search (on the home screen: every page)"),
    N_("n, N                 next or previous match"),
    N_("t                    list the headings of this page and jump"),
    N_("Tab, Shift-Tab       go to the next or previous link on a page"),
    N_("L                    choose another language (your answers stay)"),
    N_("Space                tick or untick an answer (questions with several answers)"),
    N_("p                    print this page, or your summary"),
    N_("c                    training: every page and question"),
    N_("?                    this help"),
    N_("q                    quit"),
};

/* One key line as a list item: "- **key** what it does", escaped. */
static void key_item(struct buf *b, const char *line)
{
    const char *gap = strstr(line, "  ");
    size_t klen = gap ? (size_t)(gap - line) : strcspn(line, " ");
    while (klen > 0 && line[klen - 1] == ' ')
        klen--;
    const char *what = line + klen;
    while (*what == ' ')
        what++;
    char key[128];
    snprintf(key, sizeof key, "%.*s", (int)klen, line);
    buf_str(b, "- **");
    markdown_escape_to(b, key);
    buf_str(b, "** ");
    markdown_escape_to(b, what);
    buf_str(b, "\n");
}

/* The whole help at width cells: every key, wrapped (nothing is cut), in
 * the UI language. NULL when out of memory. */
static struct layout *help_layout(const struct ui *ui, int width)
{
    struct buf b = {0};
    buf_str(&b, "**");
    markdown_escape_to(&b, _("Keys you can use:"));
    buf_str(&b, "**\n\n");
    for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0]; i++)
        key_item(&b, _(help_keys[i]));
    buf_str(&b, "\n");
    markdown_escape_to(&b, _("Mouse or touch: tap a choice to open it; the wheel scrolls."));
    buf_str(&b, "\n\n");
    markdown_escape_to(&b, _("Up and Down scroll this help; any other key goes back."));
    buf_str(&b, "\n");
    if (b.failed) {
        buf_wipe(&b);
        return NULL;
    }
    struct layout_opts o = visit_layout_opts(&ui->visit, width);
    o.show_sources = 0;
    struct layout *L = layout_markdown(b.s, b.len, &o);
    buf_wipe(&b);
    return L;
}

void screen_help_open(struct ui *ui)
{
    struct help_state *st = ui->state[SCREEN_HELP];
    st->back = ui->screen;
    st->top = 0;
    ui->screen = SCREEN_HELP;
}

/* The help laid out for this size (again after a resize or a language
 * switch). */
static struct layout *help_ready(struct ui *ui, struct screen_size sz)
{
    struct help_state *st = ui->state[SCREEN_HELP];
    int width = screen_text_width(sz) - 1;
    if (st->L && st->L->width != (width > 10 ? width : 10)) {
        layout_free(st->L);
        st->L = NULL;
    }
    if (!st->L)
        st->L = help_layout(ui, width);
    return st->L;
}

/* The help's buttons: Back, and Page up / Page down while it scrolls (more
 * than shows above a bar of Back alone). */
enum { HELP_BACK, HELP_UP, HELP_DOWN };

static void help_bar(struct ui *ui, const struct layout *L, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, HELP_BACK, _("Back"));
    bar_place(b, ui->opts->large, sz);
    if (!L || L->line_count <= (size_t)bar_body_rows(b, sz))
        return;
    bar_add(b, HELP_UP, _("Page up"));
    bar_add(b, HELP_DOWN, _("Page down"));
    bar_place(b, ui->opts->large, sz);
}

static void help_draw(struct ui *ui, struct screen_size sz)
{
    struct help_state *st = ui->state[SCREEN_HELP];
    struct layout *L = help_ready(ui, sz);
    struct bar bar;
    help_bar(ui, L, &bar, sz);
    int rows = bar_body_rows(&bar, sz);
    int more = bar.count > 1;
    chrome_draw(ui, _("Help"),
                more ? _("Up/Down scroll  other keys: back") : _("Press any key to go back"), NULL,
                sz);
    bar_draw(&bar, sz);
    if (!L)
        return;
    if (st->top + (size_t)rows > L->line_count)
        st->top = L->line_count > (size_t)rows ? L->line_count - (size_t)rows : 0;
    for (int r = 0; r < rows && st->top + (size_t)r < L->line_count; r++)
        term_draw_line(L, st->top + (size_t)r, 1 + r, 1, screen_text_width(sz), NULL);
    move(1, 1);
}

static void help_key(struct ui *ui, int key, struct screen_size sz)
{
    struct help_state *st = ui->state[SCREEN_HELP];
    struct layout *L = help_ready(ui, sz);
    struct bar bar;
    help_bar(ui, L, &bar, sz);
    /* Scroll keys scroll while there is more than a screen; any other key
     * (and any key when all of it shows) goes back. */
    if (bar.count > 1 &&
        (key == KEY_UP || key == KEY_DOWN || key == KEY_PPAGE || key == KEY_NPAGE ||
         key == KEY_HOME || key == KEY_END || key == 'j' || key == 'k' || key == ' ') &&
        scroll_key(ui, L, &st->top, key, bar_body_rows(&bar, sz)))
        return;
    ui->screen = st->back;
}

static void help_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct help_state *st = ui->state[SCREEN_HELP];
    struct layout *L = help_ready(ui, sz);
    struct bar bar;
    help_bar(ui, L, &bar, sz);
    if (m->wheel) {
        if (L)
            scroll_mouse(ui, L, &st->top, m, bar_body_rows(&bar, sz));
        return;
    }
    switch (bar_hit(&bar, m->x, m->y)) {
    case HELP_UP:
        help_key(ui, KEY_PPAGE, sz);
        return;
    case HELP_DOWN:
        help_key(ui, KEY_NPAGE, sz);
        return;
    case -1:
        if (m->y >= bar.top)
            return; /* between the buttons */
        break;
    }
    ui->screen = st->back; /* Back, and a touch on the text, go back */
}

static void help_forget(struct ui *ui, enum screen_forget what)
{
    (void)what; /* words, patient or all: the layout is made again when needed */
    struct help_state *st = ui->state[SCREEN_HELP];
    layout_free(st->L);
    st->L = NULL;
    st->top = 0;
}

const struct screen_ops screen_help = {
    .name = "help",
    .state_size = sizeof(struct help_state),
    .draw = help_draw,
    .key = help_key,
    .mouse = help_mouse,
    .forget = help_forget,
};
