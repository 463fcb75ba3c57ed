/* screen_home.c: the home menu (from index.md) and the list of pages that
 * match a search made from it. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *entry_label(struct ui *ui, size_t i)
{
    return ui->visit.content->entries[i].label;
}

/* Rows the welcome text may take, so the menu always has room. */
static struct layout *intro(struct ui *ui)
{
    if (!ui->intro || ui->intro_width != ui_text_width()) {
        layout_free(ui->intro);
        struct layout_opts opts = {.width = ui_text_width(),
                                   .ascii = ui->opts->visit.ascii,
                                   .lang = ui->visit.content->lang};
        ui->intro = content_intro_layout(ui->visit.content, &opts);
        ui->intro_width = ui_text_width();
    }
    return ui->intro;
}

/* Row 1 offers every language by its own name when there are several. */
static int language_row(const struct ui *ui)
{
    return ui->language_count > 1 && !ui->opts->visit.file ? 1 : 0;
}

static void draw_languages(struct ui *ui)
{
    int x = 1 + term_text(1, 1, "[L] ", 4, A_BOLD);
    for (size_t i = 0; i < ui->language_count && x < COLS - 2; i++) {
        int current = strcmp(ui->languages[i].code, ui->visit.content->lang) == 0;
        if (i > 0)
            x += term_text(1, x, " | ", 3, A_NORMAL);
        x += term_text(1, x, ui->languages[i].name, COLS - x - 1,
                       current ? (int)(A_BOLD | A_UNDERLINE) : (int)A_NORMAL);
    }
}

static int menu_top(struct ui *ui, int *rows)
{
    struct layout *L = intro(ui);
    int body = ui_body_rows() - language_row(ui);
    int text_rows = L ? (int)L->line_count : 0;
    int max_text = body - (int)ui->home.count - 1;
    if (max_text < body / 3)
        max_text = body / 3;
    if (text_rows > max_text)
        text_rows = max_text;
    *rows = body - text_rows - (text_rows ? 1 : 0);
    return 1 + language_row(ui) + text_rows + (text_rows ? 1 : 0);
}

void home_draw(struct ui *ui)
{
    struct layout *L = intro(ui);
    int rows, y = menu_top(ui, &rows), first = 1 + language_row(ui);
    if (language_row(ui))
        draw_languages(ui);
    for (int i = 0; L && first + i < y - 1 && (size_t)i < L->line_count; i++)
        term_draw_line(L, (size_t)i, first + i, 1, ui_text_width(), NULL);
    ui_draw_chrome(ui, ui->visit.content->title,
                   ui->opts->mode == MODE_KIOSK
                       ? _("Up/Down choose  Enter open  1-9 pick  / search  ? help")
                       : _("Up/Down choose  Enter open  1-9 pick  / search  ? help  q quit"),
                   NULL);
    menu_draw(&ui->home, y, rows, entry_label, ui);
}

static void search_all(struct ui *ui)
{
    size_t n = 0;
    size_t *found = calloc(ui->visit.content->entry_count, sizeof *found);
    if (!found)
        return;
    for (size_t i = 0; i < ui->visit.content->entry_count; i++) {
        struct layout *L = ui_layout(ui, ui->visit.content->entries[i].page);
        ui_layout_more(ui, L, SIZE_MAX);
        size_t line, off, len;
        if (L && layout_search(L, ui->search, 0, 1, &line, &off, &len) == 0)
            found[n++] = i;
    }
    free(ui->result_entries);
    ui->result_entries = found;
    ui->results = (struct menu){.count = n};
    if (n == 0)
        snprintf(ui->notice, sizeof ui->notice, _("No page mentions \"%s\"."), ui->search);
    else
        ui->screen = SCREEN_RESULTS;
}

void home_key(struct ui *ui, int key)
{
    int rows, y = menu_top(ui, &rows);
    if (key == KEY_MOUSE && language_row(ui) && ui->mouse.y == 1 && !ui->mouse.wheel) {
        unget_wch(L'L'); /* a touch on the language row opens the language choice */
        return;
    }
    switch (menu_key(&ui->home, key, rows, y, ui)) {
    case 2: {
        const struct content_entry *e = &ui->visit.content->entries[ui->home.selected];
        int flow = strcmp(e->page, FLOW_PAGE) == 0 ? ui_flow_ready(ui) : 0;
        if (flow > 0)
            flow_open(ui);
        else if (flow == 0)
            ui_open_page(ui, e->page, e->label);
        return; /* the questions cannot be used: ui->notice says why */
    }
    case 1:
        return;
    }
    if (key == '/')
        ui_prompt_open(ui, _("Search all pages: "), ui->search, sizeof ui->search, search_all);
    else if (key == 'q' || key == 'Q')
        ui->quit = 1;
}

static const char *result_label(struct ui *ui, size_t i)
{
    return ui->visit.content->entries[ui->result_entries[i]].label;
}

void results_draw(struct ui *ui)
{
    char title[256];
    snprintf(title, sizeof title, _("Pages that mention \"%s\""), ui->search);
    ui_draw_chrome(ui, title, _("Enter open  Esc back  ? help"), NULL);
    menu_draw(&ui->results, 2, ui_body_rows() - 1, result_label, ui);
}

void results_key(struct ui *ui, int key)
{
    switch (menu_key(&ui->results, key, ui_body_rows() - 1, 2, ui)) {
    case 2: {
        const struct content_entry *e =
            &ui->visit.content->entries[ui->result_entries[ui->results.selected]];
        if (ui_open_page(ui, e->page, e->label) == 0) {
            ui_layout_more(ui, ui->page.layout, SIZE_MAX);
            size_t line, off, len;
            if (layout_search(ui->page.layout, ui->search, 0, 1, &line, &off, &len) == 0)
                ui->page.top = line;
        }
        return;
    }
    case 1:
        return;
    }
    if (ui_is_back_key(key))
        ui->screen = SCREEN_HOME;
    else if (key == 'q' || key == 'Q')
        ui->quit = 1;
}
