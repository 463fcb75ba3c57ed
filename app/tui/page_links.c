/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page_links.c: following the links of the page being read: focus (Tab,
 * Shift-Tab), open (Enter, a tap), and the history Back returns through.
 * The layout says where each link shows and what it opens
 * (core/layout.h); this file only decides and draws. */
#include "config.h"

#include "tui/page_links.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void spot_free(struct page_spot *s)
{
    wipe_string(s->key);
    wipe_string(s->title);
    *s = (struct page_spot){0};
}

void page_links_clear(struct page_links *pl)
{
    for (size_t i = 0; i < pl->depth; i++)
        spot_free(&pl->back[i]);
    *pl = (struct page_links){0};
}

static size_t max_top(const struct layout *L, int rows)
{
    return L->line_count > (size_t)rows ? L->line_count - (size_t)rows : 0;
}

/* 1 when span i starts a showing of its link (a link wrapped over lines
 * has several spans in a row). */
static int span_starts(const struct layout *L, size_t i)
{
    return i == 0 || L->link_spans[i - 1].link != L->link_spans[i].link;
}

/* The span where the focused link starts, if it is on screen; else SIZE_MAX. */
static size_t focused_span(const struct page_links *pl, const struct layout *L, size_t top,
                           int rows)
{
    if (!pl->focus)
        return SIZE_MAX;
    for (size_t i = 0; i < L->link_span_count; i++) {
        const struct layout_link_span *sp = &L->link_spans[i];
        if (sp->link == pl->focus - 1 && sp->line >= top && sp->line < top + (size_t)rows)
            return i;
    }
    return SIZE_MAX;
}

/* Focus the next (dir 1) or previous (dir -1) link, scrolling to it. */
static void move_focus(struct ui *ui, struct page_links *pl, const struct page_view *v, int dir,
                       int rows)
{
    struct layout *L = v->layout;
    cache_more(ui, L, SIZE_MAX); /* the next link may be anywhere below */
    size_t n = L->link_span_count, top = *v->top, pick = SIZE_MAX;
    if (n == 0) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("This page has no links."));
        return;
    }
    size_t f = focused_span(pl, L, top, rows);
    if (dir > 0) {
        for (size_t i = f == SIZE_MAX ? 0 : f + 1; i < n && pick == SIZE_MAX; i++)
            if (span_starts(L, i) && (f != SIZE_MAX || L->link_spans[i].line >= top))
                pick = i;
        if (pick == SIZE_MAX)
            pick = 0; /* past the last link: back to the first */
    } else {
        size_t end = f == SIZE_MAX ? n : f;
        for (size_t i = end; i-- > 0;)
            if (span_starts(L, i) &&
                (f != SIZE_MAX || L->link_spans[i].line < top + (size_t)rows)) {
                pick = i;
                break;
            }
        if (pick == SIZE_MAX)
            for (size_t i = n; i-- > 0 && pick == SIZE_MAX;)
                if (span_starts(L, i))
                    pick = i;
    }
    const struct layout_link_span *sp = &L->link_spans[pick];
    pl->focus = (size_t)sp->link + 1;
    if (sp->line < top || sp->line >= top + (size_t)rows) {
        /* A third of the way down, so what leads to it shows too. */
        size_t t = sp->line > (size_t)rows / 3 ? sp->line - (size_t)rows / 3 : 0;
        *v->top = t > max_top(L, rows) ? max_top(L, rows) : t;
    }
}

/* Remember where the reader is, dropping the oldest place when full. */
static int push_spot(struct page_links *pl, const struct page_view *v)
{
    struct page_spot s = {strdup(v->key), strdup(v->title ? v->title : ""), *v->top, pl->focus};
    if (!s.key || !s.title) {
        spot_free(&s);
        return -1;
    }
    if (pl->depth == PAGE_LINKS_HISTORY) {
        spot_free(&pl->back[0]);
        memmove(pl->back, pl->back + 1, (PAGE_LINKS_HISTORY - 1) * sizeof pl->back[0]);
        pl->depth--;
    }
    pl->back[pl->depth++] = s;
    return 0;
}

/* The menu's name for page, else the first heading of its layout L, else
 * the page name. Caller frees; NULL when out of memory. */
static char *page_title(const struct ui *ui, const char *page, const struct layout *L)
{
    const struct content *c = ui->visit.content;
    for (size_t i = 0; c && i < c->entry_count; i++)
        if (strcmp(c->entries[i].page, page) == 0)
            return strdup(c->entries[i].label);
    if (L && L->heading_count > 0)
        return strdup(L->headings[0].text);
    return strdup(page);
}

/* The key the page a link names is read by: its name, or in file mode a
 * file beside the file being read. Caller frees; NULL when it cannot be. */
static char *link_key(const struct ui *ui, const char *from, const char *page)
{
    if (!ui->opts->visit.file)
        return content_page_name_ok(page) ? strdup(page) : NULL;
    if (page[0] == '/' || strstr(page, ".."))
        return NULL;
    const char *slash = strrchr(from, '/');
    int dir = slash ? (int)(slash - from + 1) : 0;
    size_t n = (size_t)dir + strlen(page) + 1;
    char *key = malloc(n);
    if (key)
        snprintf(key, n, "%.*s%s", dir, from, page);
    return key;
}

/* Scroll to the heading anchor names, if it has one: 1 when found. */
static int show_anchor(struct ui *ui, struct layout *L, size_t *top, const char *anchor, int rows)
{
    cache_more(ui, L, SIZE_MAX);
    size_t line = layout_anchor_line(L, anchor);
    if (line == SIZE_MAX)
        return 0;
    *top = line > max_top(L, rows) ? max_top(L, rows) : line;
    return 1;
}

/* Open page (of link k) from the view, remembering where the reader was. */
static void open_page(struct ui *ui, struct page_links *pl, const struct page_view *v,
                      const struct layout_link *k, struct screen_size sz)
{
    static const char missing[] = N_("Sorry, the page this link goes to is missing.");
    /* k is in a layout of the cache, which opening a page may evict. */
    char *anchor = k->anchor ? strdup(k->anchor) : NULL;
    char *key = link_key(ui, v->key, k->page);
    if (k->anchor && !anchor) {
        free(key);
        key = NULL;
    }
    struct layout *T = key ? cache_page(ui, key, screen_text_width(sz), sz.lines) : NULL;
    char *title = T ? page_title(ui, k->page, T) : NULL;
    struct page_links saved = *pl;
    if (!title || push_spot(&saved, v) < 0) {
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 T && !title ? _("Not enough memory to show this page.") : _(missing));
        free(key);
        free(title);
        free(anchor);
        return;
    }
    *pl = (struct page_links){0}; /* screen_page_open() clears it; the history stays */
    size_t *top = v->top;         /* the page screen's own state: still there after */
    int rc = screen_page_open(ui, key, title, sz);
    *pl = saved;
    pl->focus = 0;
    if (rc < 0) {
        spot_free(&pl->back[--pl->depth]);
        snprintf(ui->notice, sizeof ui->notice, "%s", _(missing));
    } else if (anchor) {
        T = cache_page(ui, key, screen_text_width(sz), sz.lines);
        if (T)
            show_anchor(ui, T, top, anchor, v->rows);
    }
    free(key);
    free(title);
    free(anchor);
}

/* Open link id of the view's layout. */
static void follow(struct ui *ui, struct page_links *pl, const struct page_view *v, uint32_t id,
                   struct screen_size sz)
{
    if (id >= v->layout->link_count)
        return;
    const struct layout_link *k = &v->layout->links[id];
    switch (k->kind) {
    case LINK_EXTERNAL:
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("This link is to a website, which cannot be opened here. Its address is in "
                   "the list at the end of the page."));
        return;
    case LINK_ANCHOR: {
        size_t top = *v->top;
        size_t focus = pl->focus;
        if (!show_anchor(ui, v->layout, v->top, k->anchor, v->rows)) {
            snprintf(ui->notice, sizeof ui->notice, "%s",
                     _("Sorry, the part of the page this link goes to is missing."));
            return;
        }
        size_t moved = *v->top;
        *v->top = top;
        if (push_spot(pl, v) == 0) { /* Back returns to the link */
            pl->back[pl->depth - 1].focus = focus;
            *v->top = moved;
            pl->focus = 0;
        }
        return;
    }
    default:
        break;
    }
    if (strcmp(k->page, VISIT_FLOW_PAGE) == 0 && !ui->opts->visit.file) {
        if (visit_flow_ready(&ui->visit, ui->notice, sizeof ui->notice) > 0)
            screen_question_start(ui);
        return;
    }
    open_page(ui, pl, v, k, sz);
}

int page_links_key(struct ui *ui, struct page_links *pl, const struct page_view *v, int key,
                   struct screen_size sz)
{
    int rows = v->rows;
    if (!v->layout)
        return 0;
    switch (key) {
    case '\t':
        move_focus(ui, pl, v, 1, rows);
        return 1;
    case KEY_BTAB:
        move_focus(ui, pl, v, -1, rows);
        return 1;
    case '\n':
    case '\r':
    case KEY_ENTER: {
        size_t f = focused_span(pl, v->layout, *v->top, rows);
        if (f == SIZE_MAX)
            return 0; /* no link in view: Enter scrolls, as before */
        follow(ui, pl, v, v->layout->link_spans[f].link, sz);
        return 1;
    }
    }
    return 0;
}

int page_links_mouse(struct ui *ui, struct page_links *pl, const struct page_view *v,
                     const struct ui_mouse *m, struct screen_size sz)
{
    int rows = v->rows;
    if (!v->layout || m->wheel || m->y < 1 || m->y > rows)
        return 0;
    long id = layout_link_at(v->layout, *v->top + (size_t)(m->y - 1), m->x - 1);
    if (id < 0)
        return 0;
    pl->focus = (size_t)id + 1;
    follow(ui, pl, v, (uint32_t)id, sz);
    return 1;
}

int page_links_back(struct ui *ui, struct page_links *pl, size_t *top, int rows,
                    struct screen_size sz)
{
    if (pl->depth == 0)
        return 0;
    struct page_links saved = *pl;
    struct page_spot s = saved.back[--saved.depth];
    saved.back[saved.depth] = (struct page_spot){0};
    *pl = (struct page_links){0}; /* screen_page_open() clears it; the history stays */
    int rc = screen_page_open(ui, s.key, s.title, sz);
    *pl = saved;
    struct layout *L = rc == 0 ? cache_page(ui, s.key, screen_text_width(sz), sz.lines) : NULL;
    if (L) {
        cache_more(ui, L, s.top + (size_t)rows);
        *top = s.top > max_top(L, rows) ? max_top(L, rows) : s.top;
        pl->focus = s.focus;
    }
    spot_free(&s);
    return 1;
}

void page_links_draw(const struct page_links *pl, const struct layout *L, size_t top, int rows,
                     struct screen_size sz)
{
    if (!L || !pl->focus)
        return;
    int width = screen_text_width(sz);
    for (size_t i = 0; i < L->link_span_count; i++) {
        const struct layout_link_span *sp = &L->link_spans[i];
        if (sp->link != pl->focus - 1 || sp->line < top || sp->line >= top + (size_t)rows)
            continue;
        const char *text = layout_line_text(L, sp->line);
        int col = (int)text_width(text, sp->off);
        if (col >= width)
            continue;
        int cells = (int)text_width(text + sp->off, sp->len);
        term_text(1 + (int)(sp->line - top), 1 + col, text + sp->off,
                  cells < width - col ? cells : width - col,
                  term_attr(ROLE_LINK) | A_REVERSE | A_UNDERLINE);
    }
}

const char *page_links_hints(const struct layout *L, int file, int print)
{
    if (!L || L->link_span_count == 0)
        return NULL;
    return file    ? _("Up/Down scroll  Tab links  / search  t contents  ? help  q quit")
           : print ? _("Up/Down scroll  Tab links  p print  / search  Esc back  ? help")
                   : _("Up/Down scroll  Tab links  / search  t contents  Esc back  ? help");
}
