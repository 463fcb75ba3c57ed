/* screen_page.c: reading a page (scroll, search, jump to a heading) and the
 * page's list of headings. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t max_top(const struct ui *ui)
{
    size_t rows = (size_t)ui_body_rows();
    size_t n = ui->page.layout ? ui->page.layout->line_count : 0;
    return n > rows ? n - rows : 0;
}

static void scroll_to(struct ui *ui, long top)
{
    if (top < 0)
        top = 0;
    ui->page.top = (size_t)top > max_top(ui) ? max_top(ui) : (size_t)top;
}

void page_draw(struct ui *ui)
{
    struct layout *L = ui->page.layout;
    char position[96] = "";
    if (L) {
        int rows = ui_body_rows();
        for (int r = 0; r < rows && ui->page.top + (size_t)r < L->line_count; r++)
            term_draw_line(L, ui->page.top + (size_t)r, 1 + r, 1, ui_text_width(), ui->search);
        size_t last = ui->page.top + (size_t)rows;
        if (last > L->line_count)
            last = L->line_count;
        size_t pct = L->line_count ? last * 100 / L->line_count : 100;
        if (!layout_complete(L)) /* the length is not known yet */
            snprintf(position, sizeof position, "%zu-%zu", ui->page.top + 1, last);
        else
            snprintf(position, sizeof position, _("%zu-%zu of %zu (%zu%%)"),
                     L->line_count ? ui->page.top + 1 : 0, last, L->line_count, pct);
    }
    const char *hints =
        ui->opts->visit.file ? _("Up/Down scroll  Space page  / search  t contents  ? help  q quit")
        : ui->opts->visit.print_argv
            ? _("Up/Down scroll  p print  / search  t contents  Esc back  ? help")
            : _("Up/Down scroll  Space page  / search  t contents  Esc back  ? help");
    ui_draw_chrome(ui, ui->page.title, hints, position);
    move(1, 1);
}

/* Jump to the next (dir 1) or previous (dir -1) line matching the search. */
static void find_next(struct ui *ui, int dir)
{
    struct layout *L = ui->page.layout;
    if (!L || !ui->search[0])
        return;
    ui_layout_more(ui, L, SIZE_MAX);
    size_t line, off, len;
    size_t from =
        dir > 0 ? ui->page.top + 1 : (ui->page.top ? ui->page.top - 1 : L->line_count - 1);
    if (layout_search(L, ui->search, from, dir, &line, &off, &len) < 0) {
        snprintf(ui->notice, sizeof ui->notice, _("\"%s\" is not on this page."), ui->search);
        return;
    }
    ui->page.top = line; /* the match at the top, unless near the end */
    scroll_to(ui, (long)line);
    if (ui->page.top != line && line < ui->page.top)
        ui->page.top = line;
}

static void find_first(struct ui *ui)
{
    find_next(ui, 1);
}

/* Print the page being read, as it is printed from --render --format pdf
 * (or as text for a receipt printer). */
static void print_page(struct ui *ui)
{
    char err[512];
    size_t len;
    int fell_back = 0;
    const char *key = ui->page.key;
    int q = strncmp(key, QUESTION_KEY, strlen(QUESTION_KEY)) == 0 && ui->visit.flow
                ? flow_find(ui->visit.flow, key + strlen(QUESTION_KEY))
                : -1;
    char *md = q >= 0
                   ? flow_question_document(ui->visit.flow, q)
                   : content_read_page(ui->visit.content, key, &len, &fell_back, err, sizeof err);
    if (!md) {
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 q >= 0 ? _("Not enough memory to print.") : err);
        return;
    }
    ui_say_printing();
    visit_print_page(&ui->visit, md, ui->notice, sizeof ui->notice);
    free(md);
}

static void go_back(struct ui *ui)
{
    if (ui->opts->visit.file)
        ui->quit = 1;
    else
        ui->screen = SCREEN_HOME;
}

void page_key(struct ui *ui, int key)
{
    if (ui_scroll_key(ui, ui->page.layout, &ui->page.top, key))
        return;
    switch (key) {
    case '/':
        ui_prompt_open(ui, _("Search this page: "), ui->search, sizeof ui->search, find_first);
        break;
    case 'n':
        find_next(ui, 1);
        break;
    case 'N':
        find_next(ui, -1);
        break;
    case 't':
    case 'T':
        ui_layout_more(ui, ui->page.layout, SIZE_MAX);
        if (ui->page.layout && ui->page.layout->heading_count > 0) {
            ui->toc = (struct menu){.count = ui->page.layout->heading_count};
            ui->screen = SCREEN_TOC;
        } else {
            snprintf(ui->notice, sizeof ui->notice, "%s", _("This page has no headings."));
        }
        break;
    case 27:
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
    case 'h':
        if (ui->search[0] && key == 27)
            ui->search[0] = '\0'; /* Esc first clears the highlighted search */
        else
            go_back(ui);
        break;
    case 'p':
    case 'P':
        if (ui->opts->visit.print_argv && !ui->opts->visit.file && ui->page.key)
            print_page(ui);
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}

void page_resized(struct ui *ui)
{
    if (!ui->page.key || COLS < MIN_COLS || LINES < MIN_LINES)
        return;
    uint32_t block = 0, off = 0;
    struct layout *old = ui->page.layout;
    if (old && ui->page.top < old->line_count) {
        block = old->lines[ui->page.top].block;
        off = old->lines[ui->page.top].block_off;
    }
    struct layout *L = ui_layout(ui, ui->page.key);
    ui->page.layout = L;
    ui_layout_more(ui, L, SIZE_MAX); /* the anchor may be anywhere */
    if (L) {
        /* The paragraph that was at the top stays at the top. */
        ui->page.top = layout_find_anchor(L, block, off);
        scroll_to(ui, (long)ui->page.top);
    }
}

static const char *heading_label(struct ui *ui, size_t i)
{
    return ui->page.layout->headings[i].text;
}

void toc_draw(struct ui *ui)
{
    char title[256];
    snprintf(title, sizeof title, _("Contents: %s"), ui->page.title);
    ui_draw_chrome(ui, title, _("Enter jump  Esc back  ? help"), NULL);
    menu_draw(&ui->toc, 2, ui_body_rows() - 1, heading_label, ui);
}

void toc_key(struct ui *ui, int key)
{
    if (!ui->page.layout) {
        ui->screen = SCREEN_PAGE;
        return;
    }
    switch (menu_key(&ui->toc, key, ui_body_rows() - 1, 2, ui)) {
    case 2:
        ui->screen = SCREEN_PAGE;
        ui->page.top = ui->page.layout->headings[ui->toc.selected].line;
        scroll_to(ui, (long)ui->page.top);
        return;
    case 1:
        return;
    }
    if (ui_is_back_key(key) || key == 't')
        ui->screen = SCREEN_PAGE;
    else if (key == 'q' || key == 'Q')
        ui->quit = 1;
}

/* ---- training: every page and every question, to jump to ---- */

static const char *contents_label(struct ui *ui, size_t i)
{
    static char label[512];
    if (i < ui->visit.content->entry_count)
        return ui->visit.content->entries[i].label;
    int q = (int)(i - ui->visit.content->entry_count);
    snprintf(label, sizeof label, _("Question \"%s\": %s"), flow_question_id(ui->visit.flow, q),
             flow_question_title(ui->visit.flow, q));
    return label;
}

void contents_draw(struct ui *ui)
{
    ui_draw_chrome(ui, _("Training: all pages and questions"), _("Enter open  Esc home"), NULL);
    menu_draw(&ui->contents, 2, ui_body_rows() - 1, contents_label, ui);
}

void contents_key(struct ui *ui, int key)
{
    switch (menu_key(&ui->contents, key, ui_body_rows() - 1, 2, ui)) {
    case 2: {
        size_t i = ui->contents.selected;
        if (i < ui->visit.content->entry_count) {
            const struct content_entry *e = &ui->visit.content->entries[i];
            ui_open_page(ui, e->page, e->label);
        } else {
            int q = (int)(i - ui->visit.content->entry_count);
            char key_name[256];
            snprintf(key_name, sizeof key_name, "%s%s", QUESTION_KEY,
                     flow_question_id(ui->visit.flow, q));
            ui_open_page(ui, key_name, flow_question_title(ui->visit.flow, q));
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
