/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_page.c: reading a page (scroll, search, jump to a heading) and the
 * page's list of headings. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/menu.h"
#include "tui/page_links.h"
#include "tui/screen.h"
#include "tui/scroll.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page_state {
    char *key; /* page name (content mode) or path (file mode); NULL: none open */
    char *title;
    size_t top;
    int width;               /* the width it was last shown at, for a resize */
    int check_top;           /* the language changed: top may be past the new end */
    struct page_links links; /* focused link, and where Back returns (page_links.h) */
    int offer_y;             /* row of the check's offer under the last line; 0: none */
};

struct toc_state {
    struct menu menu;
};

static struct page_state *page_state(struct ui *ui)
{
    return ui->state[SCREEN_PAGE];
}

/* The open page laid out for this size (from the cache), or NULL. */
static struct layout *page_layout(struct ui *ui, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    if (!st->key)
        return NULL;
    st->width = screen_text_width(sz);
    struct layout *L = cache_page(ui, st->key, st->width, sz.lines);
    if (st->check_top) {
        st->check_top = 0;
        if (st->top >= (L ? L->line_count : 0))
            st->top = 0;
    }
    return L;
}

/* The page's buttons (Contents only when it has headings). */
enum { PAGE_BACK, PAGE_UP, PAGE_DOWN, PAGE_HOME, PAGE_CONTENTS };

static void page_bar(struct ui *ui, const struct layout *L, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, PAGE_BACK, _("Back"));
    bar_add(b, PAGE_UP, _("Page up"));
    bar_add(b, PAGE_DOWN, _("Page down"));
    if (!ui->opts->visit.file)
        bar_add(b, PAGE_HOME, _("Home"));
    if (L && L->heading_count > 0)
        bar_add(b, PAGE_CONTENTS, _("Contents"));
    bar_place(b, ui->opts->large, sz);
}

/* The rows the page scrolls in above the bar: at its end two fewer when
 * it has a check, so the offer under the last line can be scrolled into
 * view. (Whether it has one is looked up once per page and language.) */
static int page_rows(struct ui *ui, const struct layout *L, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct bar b;
    page_bar(ui, L, &b, sz);
    int rows = bar_body_rows(&b, sz);
    if (L && layout_complete(L) && st->top + (size_t)rows >= L->line_count && rows > 4 &&
        screen_teachback_offered(ui, st->key))
        rows -= 2;
    return rows;
}

/* After a move down that reached the page's end: a little further, so its
 * check's offer shows under the last line. */
static void reveal_offer(struct ui *ui, const struct layout *L, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct bar b;
    page_bar(ui, L, &b, sz);
    size_t rows = (size_t)page_rows(ui, L, sz);
    if (L && rows < (size_t)bar_body_rows(&b, sz) && L->line_count > rows &&
        st->top < L->line_count - rows)
        st->top = L->line_count - rows;
}

static size_t max_top_rows(const struct layout *L, size_t rows)
{
    size_t n = L ? L->line_count : 0;
    return n > rows ? n - rows : 0;
}

static void scroll_to(struct ui *ui, const struct layout *L, long top, struct screen_size sz)
{
    if (top < 0)
        top = 0;
    size_t max = max_top_rows(L, (size_t)page_rows(ui, L, sz));
    page_state(ui)->top = (size_t)top > max ? max : (size_t)top;
}

int screen_page_open(struct ui *ui, const char *key, const char *title, struct screen_size sz)
{
    struct layout *L = cache_page(ui, key, screen_text_width(sz), sz.lines);
    if (!L)
        return -1;
    char *k = strdup(key), *t = strdup(title);
    if (!k || !t) {
        free(k);
        free(t);
        return -1;
    }
    struct page_state *st = page_state(ui);
    free(st->key);
    free(st->title);
    page_links_clear(&st->links);
    *st = (struct page_state){.key = k, .title = t, .top = 0, .width = screen_text_width(sz)};
    ui->screen = SCREEN_PAGE;
    return 0;
}

void screen_page_show_match(struct ui *ui, struct screen_size sz)
{
    struct layout *L = page_layout(ui, sz);
    cache_more(ui, L, SIZE_MAX);
    size_t line, off, len;
    if (L && layout_search(L, ui->search, 0, 1, &line, &off, &len) == 0)
        page_state(ui)->top = line;
}

static void page_draw(struct ui *ui, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct layout *L = page_layout(ui, sz);
    char position[96] = "";
    st->offer_y = 0;
    struct bar bar;
    page_bar(ui, L, &bar, sz);
    if (L) {
        int rows = bar_body_rows(&bar, sz);
        for (int r = 0; r < rows && st->top + (size_t)r < L->line_count; r++)
            term_draw_line(L, st->top + (size_t)r, 1 + r, 1, screen_text_width(sz), ui->search);
        page_links_draw(&st->links, L, st->top, rows, sz);
        size_t last = st->top + (size_t)rows;
        if (last > L->line_count)
            last = L->line_count;
        size_t pct = L->line_count ? last * 100 / L->line_count : 100;
        if (!layout_complete(L)) /* the length is not known yet */
            snprintf(position, sizeof position, "%zu-%zu", st->top + 1, last);
        else
            snprintf(position, sizeof position, _("%zu-%zu of %zu (%zu%%)"),
                     L->line_count ? st->top + 1 : 0, last, L->line_count, pct);
        if (layout_complete(L) && last == L->line_count && (int)(last - st->top) + 2 <= rows &&
            screen_teachback_offered(ui, st->key)) {
            st->offer_y = 2 + (int)(last - st->top); /* read to its end: the check offered */
            char offer[160];
            snprintf(offer, sizeof offer, "[ %s ]", _("Did we explain this clearly?"));
            term_text(st->offer_y, 1, offer, screen_text_width(sz), term_attr(ROLE_SELECT));
        }
    }
    const char *hints =
        st->offer_y ? _("Up/Down scroll  e check this page  / search  Esc back  ? help")
        : ui->opts->visit.file
            ? _("Up/Down scroll  Space page  / search  t contents  ? help  q quit")
        : ui->opts->visit.print_argv
            ? _("Up/Down scroll  p print  / search  t contents  Esc back  ? help")
            : _("Up/Down scroll  Space page  / search  t contents  Esc back  ? help");
    const char *link_hints =
        page_links_hints(L, ui->opts->visit.file != NULL, ui->opts->visit.print_argv != NULL);
    if (link_hints && !st->offer_y)
        hints = link_hints;
    chrome_draw(ui, st->title ? st->title : "", hints, position, sz);
    bar_draw(&bar, sz);
    move(1, 1);
}

/* Jump to the next (dir 1) or previous (dir -1) line matching the search. */
static void find_next(struct ui *ui, int dir, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct layout *L = page_layout(ui, sz);
    if (!L || !ui->search[0])
        return;
    cache_more(ui, L, SIZE_MAX);
    size_t line, off, len;
    size_t from = dir > 0 ? st->top + 1 : (st->top ? st->top - 1 : L->line_count - 1);
    if (layout_search(L, ui->search, from, dir, &line, &off, &len) < 0) {
        snprintf(ui->notice, sizeof ui->notice, _("\"%s\" is not on this page."), ui->search);
        return;
    }
    st->top = line; /* the match at the top, unless near the end */
    scroll_to(ui, L, (long)line, sz);
    if (st->top != line && line < st->top)
        st->top = line;
}

static void find_first(struct ui *ui, struct screen_size sz)
{
    find_next(ui, 1, sz);
}

/* Print the page being read, as --render --format pdf sets it (or as text
 * for a receipt printer). */
static void print_page(struct ui *ui, struct screen_size sz)
{
    char err[512];
    size_t len;
    int fell_back = 0;
    const char *key = page_state(ui)->key;
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
    screen_say_printing(sz);
    visit_print_page(&ui->visit, md, ui->notice, sizeof ui->notice);
    free(md);
}

static void go_back(struct ui *ui, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    if (page_links_back(ui, &st->links, &st->top, page_rows(ui, page_layout(ui, sz), sz), sz))
        return; /* to the page a link was followed from */
    if (ui->opts->visit.file)
        ui->quit = 1;
    else
        ui->screen = SCREEN_HOME;
}

static void page_key(struct ui *ui, int key, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct layout *L = page_layout(ui, sz);
    int rows = page_rows(ui, L, sz);
    struct page_view view = {st->key, st->title, &st->top, L, rows};
    if (page_links_key(ui, &st->links, &view, key, sz))
        return;
    size_t before = st->top;
    if (scroll_key(ui, L, &st->top, key, rows)) {
        if (st->top > before)
            reveal_offer(ui, L, sz);
        return;
    }
    switch (key) {
    case 'e':
    case 'E':
        if (st->offer_y)
            screen_teachback_open(ui, st->key);
        break;
    case '/':
        prompt_open(ui, _("Search this page: "), ui->search, sizeof ui->search, find_first);
        break;
    case 'n':
        find_next(ui, 1, sz);
        break;
    case 'N':
        find_next(ui, -1, sz);
        break;
    case 't':
    case 'T':
        cache_more(ui, L, SIZE_MAX);
        if (L && L->heading_count > 0) {
            ((struct toc_state *)ui->state[SCREEN_TOC])->menu =
                (struct menu){.count = L->heading_count};
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
            go_back(ui, sz);
        break;
    case 'p':
    case 'P':
        if (ui->opts->visit.print_argv && !ui->opts->visit.file && st->key)
            print_page(ui, sz);
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}

static void page_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    struct layout *L = page_layout(ui, sz);
    struct bar bar;
    page_bar(ui, L, &bar, sz);
    int rows = page_rows(ui, L, sz);
    if (!m->wheel && st->offer_y && m->y == st->offer_y) {
        screen_teachback_open(ui, st->key);
        return;
    }
    size_t before = st->top;
    if (scroll_mouse(ui, L, &st->top, m, rows)) {
        if (st->top > before)
            reveal_offer(ui, L, sz);
        return;
    }
    struct page_view view = {st->key, st->title, &st->top, L, rows};
    if (page_links_mouse(ui, &st->links, &view, m, sz))
        return;
    switch (bar_hit(&bar, m->x, m->y)) {
    case PAGE_BACK:
        go_back(ui, sz);
        break;
    case PAGE_UP:
        scroll_key(ui, L, &st->top, KEY_PPAGE, rows);
        break;
    case PAGE_DOWN:
        scroll_key(ui, L, &st->top, KEY_NPAGE, rows);
        reveal_offer(ui, L, sz);
        break;
    case PAGE_HOME:
        ui->screen = SCREEN_HOME;
        break;
    case PAGE_CONTENTS:
        page_key(ui, 't', sz);
        break;
    }
}

static void page_resize(struct ui *ui, struct screen_size sz)
{
    struct page_state *st = page_state(ui);
    if (!st->key)
        return;
    uint32_t block = 0, off = 0;
    const struct layout *old = cache_find(&ui->cache, st->key, st->width);
    if (old && st->top < old->line_count) {
        block = old->lines[st->top].block;
        off = old->lines[st->top].block_off;
    }
    struct layout *L = page_layout(ui, sz);
    cache_more(ui, L, SIZE_MAX); /* the anchor may be anywhere */
    if (L) {
        /* The paragraph that was at the top stays at the top. */
        st->top = layout_find_anchor(L, block, off);
        scroll_to(ui, L, (long)st->top, sz);
    }
}

/* Retitle the page being read as this language's menu says. */
static void page_retitle(struct ui *ui)
{
    struct page_state *st = page_state(ui);
    const struct content *c = ui->visit.content;
    for (size_t i = 0; i < c->entry_count; i++)
        if (strcmp(c->entries[i].page, st->key) == 0) {
            char *title = strdup(c->entries[i].label);
            if (title) {
                free(st->title);
                st->title = title;
            }
        }
}

static void page_forget(struct ui *ui, enum screen_forget what)
{
    struct page_state *st = page_state(ui);
    if (what == FORGET_WORDS) {
        /* The page being read stays open, in the new language. */
        if (st->key) {
            page_retitle(ui);
            st->check_top = 1;
            st->links.focus = 0; /* the new language's links are others */
        }
        return;
    }
    free(st->key);
    free(st->title);
    page_links_clear(&st->links);
    *st = (struct page_state){0};
}

/* Read aloud: the open page, one layout. */
static int page_text(struct ui *ui, struct screen_size sz, struct screen_text *t)
{
    struct layout *L = page_layout(ui, sz);
    if (!L)
        return -1;
    cache_more(ui, L, SIZE_MAX); /* read from where the patient is to the end */
    *t = (struct screen_text){.count = 1,
                              .layout = {L},
                              .x = {1},
                              .top = &page_state(ui)->top,
                              .rows = page_rows(ui, L, sz),
                              .total = L->line_count,
                              .source = L};
    return 0;
}

const struct screen_ops screen_page = {
    .name = "page",
    .state_size = sizeof(struct page_state),
    .draw = page_draw,
    .key = page_key,
    .mouse = page_mouse,
    .resize = page_resize,
    .forget = page_forget,
    .text = page_text,
};

/* ---- the headings of the open page, to jump to ---- */

static struct toc_state *toc_state(struct ui *ui)
{
    return ui->state[SCREEN_TOC];
}

static const char *heading_label(struct ui *ui, size_t i)
{
    const struct page_state *st = page_state(ui);
    /* At the width toc_draw() just laid the page out at. */
    const struct layout *L = cache_find(&ui->cache, st->key, st->width);
    return L && i < L->heading_count ? L->headings[i].text : "";
}

/* The headings list's buttons: Back to the page, Home. */
enum { TOC_BACK, TOC_HOME };

static void toc_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, TOC_BACK, _("Back"));
    if (!ui->opts->visit.file)
        bar_add(b, TOC_HOME, _("Home"));
    bar_place(b, ui->opts->large, sz);
}

static void toc_draw(struct ui *ui, struct screen_size sz)
{
    char title[256];
    page_layout(ui, sz);
    snprintf(title, sizeof title, _("Contents: %s"), page_state(ui)->title);
    chrome_draw(ui, title, _("Enter jump  Esc back  ? help"), NULL, sz);
    struct bar bar;
    toc_bar(ui, &bar, sz);
    menu_draw(&toc_state(ui)->menu, 2, bar_body_rows(&bar, sz) - 1, heading_label, ui, sz);
    bar_draw(&bar, sz);
}

static void toc_jump(struct ui *ui, struct layout *L, struct screen_size sz)
{
    ui->screen = SCREEN_PAGE;
    struct toc_state *toc = toc_state(ui);
    if (toc->menu.selected >= L->heading_count)
        return;
    scroll_to(ui, L, (long)L->headings[toc->menu.selected].line, sz);
}

static void toc_key(struct ui *ui, int key, struct screen_size sz)
{
    struct layout *L = page_layout(ui, sz);
    if (!L || key == 't') {
        ui->screen = SCREEN_PAGE;
        return;
    }
    struct bar bar;
    toc_bar(ui, &bar, sz);
    int rows = bar_body_rows(&bar, sz) - 1;
    if (menu_list_key(ui, &toc_state(ui)->menu, key, rows, SCREEN_PAGE) == MENU_CHOSEN)
        toc_jump(ui, L, sz);
}

static void toc_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct layout *L = page_layout(ui, sz);
    if (!L) {
        ui->screen = SCREEN_PAGE;
        return;
    }
    struct bar bar;
    toc_bar(ui, &bar, sz);
    int hit = m->wheel ? -1 : bar_hit(&bar, m->x, m->y);
    if (hit == TOC_BACK || hit == TOC_HOME) {
        ui->screen = hit == TOC_BACK ? SCREEN_PAGE : SCREEN_HOME;
        return;
    }
    if (m->y >= bar.top)
        return; /* between the buttons */
    if (menu_mouse(&toc_state(ui)->menu, m, bar_body_rows(&bar, sz) - 1, 2, ui) == MENU_CHOSEN)
        toc_jump(ui, L, sz);
}

const struct screen_ops screen_page_toc = {
    .name = "headings",
    .state_size = sizeof(struct toc_state),
    .draw = toc_draw,
    .key = toc_key,
    .mouse = toc_mouse,
};
