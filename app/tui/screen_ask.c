/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_ask.c: the question builder, the step between the last question
 * and the summary: tick questions from the content's topics, and write up
 * to three of your own in a text field (keys, the terminal's input method,
 * or an on-screen keyboard for touch). What is written lives only in the
 * visit's struct ask (core/ask.h), wiped with the answers. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/ask.h"
#include "core/i18n.h"
#include "core/text.h"

#include <limits.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { MARK_W = 6 }; /* "  [x] " before an item's words */

/* Where the patient is in the builder; what they tick and write is in the
 * visit (ui->visit.ask), not here. */
struct ask_state {
    int focus;      /* focused row's focus index */
    size_t top;     /* first row shown */
    int edit;       /* 1 + the written question being typed, 0: none */
    int keyboard_y; /* first row of the on-screen keyboard as drawn */
};

static struct ask_state *ask_state(struct ui *ui)
{
    return ui->state[SCREEN_ASK];
}

static void ask_forget(struct ui *ui, enum screen_forget what)
{
    if (what != FORGET_WORDS)
        *ask_state(ui) = (struct ask_state){0};
}

/* One row of the builder: what a touch or the focus on it means. */
enum row_kind { ROW_TEXT, ROW_ITEM, ROW_FIELD };

struct ask_row {
    enum row_kind kind;
    int focus; /* the focus index it belongs to, -1 for none */
    const struct layout *L;
    size_t line; /* line of L, when L */
    uint16_t style;
};

/* The builder laid out at one width: rows, and the focus targets in order
 * (items, the three fields). */
struct ask_view {
    struct layout *layouts[ASK_MAX_ITEMS + 16];
    int n_layouts;
    struct ask_row *rows;
    int n_rows;
    int first_row[ASK_MAX_ITEMS + ASK_OWN]; /* by focus index */
    int n_focus;
};

static void view_free(struct ask_view *v)
{
    for (int i = 0; i < v->n_layouts; i++)
        layout_free(v->layouts[i]);
    free(v->rows);
}

static struct layout *add_layout(struct ask_view *v, const char *text, uint16_t style, int width,
                                 const struct ui *ui)
{
    if (v->n_layouts >= (int)(sizeof v->layouts / sizeof v->layouts[0]))
        return NULL;
    struct layout_opts o = visit_layout_opts(&ui->visit, width > 10 ? width : 10);
    o.show_sources = 0;
    struct layout *L = layout_text(text, style, &o);
    if (L)
        v->layouts[v->n_layouts++] = L;
    return L;
}

static void add_rows(struct ask_view *v, enum row_kind kind, int focus, const struct layout *L,
                     uint16_t style)
{
    size_t n = L ? L->line_count : 1;
    for (size_t i = 0; i < n; i++) {
        struct ask_row *r = realloc(v->rows, (size_t)(v->n_rows + 1) * sizeof *r);
        if (!r)
            return;
        v->rows = r;
        v->rows[v->n_rows++] = (struct ask_row){kind, focus, L, i, style};
    }
}

static void blank_row(struct ask_view *v)
{
    add_rows(v, ROW_TEXT, -1, NULL, 0);
}

/* The builder's buttons, in the fixed bar below the rows it scrolls: Back
 * to the last question, on to the Summary, Home. */
enum { ASK_BACK, ASK_SUMMARY, ASK_HOME };

static void ask_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, ASK_BACK, _("< Back"));
    bar_add(b, ASK_SUMMARY, _("Summary"));
    bar_add(b, ASK_HOME, _("Home"));
    bar_place(b, ui->opts->large, sz);
}

/* Rows the builder scrolls in, above its bar. */
static int ask_rows(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    ask_bar(ui, &b, sz);
    return bar_body_rows(&b, sz);
}

static void view_build(struct ui *ui, struct ask_view *v, struct screen_size sz)
{
    memset(v, 0, sizeof *v);
    const struct flow *f = ui->visit.flow;
    int w = screen_text_width(sz);
    add_rows(v, ROW_TEXT, -1,
             add_layout(v,
                        _("Tick the questions you want to ask your care team. You can also "
                          "write up to three questions of your own."),
                        0, w, ui),
             0);
    size_t last_topic = (size_t)-1, n = f ? ask_item_count(f) : 0;
    for (size_t i = 0; i < n; i++) {
        size_t topic;
        const char *item = ask_item(f, i, &topic);
        if (topic != last_topic) {
            blank_row(v);
            add_rows(v, ROW_TEXT, -1,
                     add_layout(v, flow_topic_title(f, topic), STYLE_STRONG, w, ui), 0);
            last_topic = topic;
        }
        v->first_row[v->n_focus] = v->n_rows;
        add_rows(v, ROW_ITEM, v->n_focus++, add_layout(v, item, 0, w - MARK_W, ui), 0);
    }
    blank_row(v);
    add_rows(v, ROW_TEXT, -1, add_layout(v, _("Write your own questions"), STYLE_STRONG, w, ui), 0);
    for (int k = 0; k < ASK_OWN; k++) {
        v->first_row[v->n_focus] = v->n_rows;
        add_rows(v, ROW_FIELD, v->n_focus++, NULL, 0);
    }
}

static int items_of(const struct ask_view *v)
{
    return v->n_focus - ASK_OWN;
}

/* Keep the focused row on screen, in rows rows. */
static void scroll_to_focus(struct ask_state *st, const struct ask_view *v, int rows)
{
    int r = v->first_row[st->focus];
    if (st->focus == 0)
        r = 0; /* the first item: show the words above it too */
    if (r < (int)st->top)
        st->top = (size_t)r;
    int end = v->first_row[st->focus];
    while (end + 1 < v->n_rows && v->rows[end + 1].focus == st->focus &&
           v->rows[end + 1].focus >= 0)
        end++;
    if (end >= (int)st->top + rows)
        st->top = (size_t)(end - rows + 1);
}

/* A written question's last cells that fit width (the end is where one types). */
static const char *tail_fitting(const char *s, int width)
{
    while (*s && (int)text_width(s, strlen(s)) > width) {
        s++;
        while (((unsigned char)*s & 0xc0) == 0x80)
            s++;
    }
    return s;
}

static void draw_keyboard(struct ask_state *st, int y, struct screen_size sz);

static void draw_editor(struct ui *ui, struct screen_size sz)
{
    struct ask_state *st = ask_state(ui);
    int k = st->edit - 1, w = screen_text_width(sz);
    char label[128];
    snprintf(label, sizeof label, _("Your question %d of %d:"), k + 1, ASK_OWN);
    term_text(2, 1, label, w, A_BOLD);
    struct layout_opts o = visit_layout_opts(&ui->visit, w - 2 > 10 ? w - 2 : 10);
    o.show_sources = 0;
    struct layout *L = layout_text(ui->visit.ask.own[k], 0, &o);
    int rows = L ? (int)L->line_count : 0, room = sz.lines - 10 - ASK_KEYBOARD_ROWS;
    int first = rows > room ? rows - room : 0, y = 3;
    for (int r = first; L && r < rows; r++)
        term_draw_line(L, (size_t)r, y++, 2, w - 2, NULL);
    if (!rows)
        y++;
    int cy = y - 1, cx = 2;
    if (L && rows) {
        const char *last = layout_line_text(L, (size_t)rows - 1);
        cx += (int)text_width(last, L->lines[rows - 1].text_len);
    }
    if (L && L->text)
        explicit_bzero(L->text, L->text_len);
    layout_free(L);
    term_text(y + 1, 1, _("Chinese and other scripts: use your keyboard's input method."), w, 0);
    draw_keyboard(st, y + 3, sz);
    move(cy, cx < sz.cols - 1 ? cx : sz.cols - 1);
}

/* The on-screen keyboard, three cells a key, from row y. */
static int key_label(const char *key, char *buf, size_t size)
{
    if (strcmp(key, ASK_KEY_SPACE) == 0)
        return snprintf(buf, size, "[ %s ]", _("space"));
    if (strcmp(key, ASK_KEY_BACK) == 0)
        return snprintf(buf, size, "[ %s ]", _("delete"));
    if (strcmp(key, ASK_KEY_DONE) == 0)
        return snprintf(buf, size, "[ %s ]", _("done"));
    return snprintf(buf, size, "[%s]", key);
}

static int keyboard_hit(int r, int x, const char **key)
{
    size_t n;
    const char *const *keys = ask_keyboard_row(r, &n);
    int cx = 1;
    for (size_t i = 0; i < n; i++) {
        char label[64];
        key_label(keys[i], label, sizeof label);
        int lw = (int)text_width(label, strlen(label));
        if (x >= cx && x < cx + lw) {
            *key = keys[i];
            return 1;
        }
        cx += lw + 1;
    }
    return 0;
}

static void draw_keyboard(struct ask_state *st, int y, struct screen_size sz)
{
    st->keyboard_y = y;
    for (int r = 0; r < ASK_KEYBOARD_ROWS && y + r < sz.lines - 2; r++) {
        size_t n;
        const char *const *keys = ask_keyboard_row(r, &n);
        int cx = 1;
        for (size_t i = 0; i < n; i++) {
            char label[64];
            key_label(keys[i], label, sizeof label);
            int lw = (int)text_width(label, strlen(label));
            if (cx + lw < sz.cols)
                term_text(y + r, cx, label, lw, term_attr(ROLE_LINK));
            cx += lw + 1;
        }
    }
}

static void ask_draw(struct ui *ui, struct screen_size sz)
{
    struct ask_state *st = ask_state(ui);
    if (st->edit) {
        chrome_draw(ui, _("Your questions for your care team"),
                    _("Type your question  Enter done  Backspace delete"), NULL, sz);
        draw_editor(ui, sz); /* last: it leaves the cursor in the field */
        return;
    }
    struct ask_view v;
    view_build(ui, &v, sz);
    if (st->focus >= v.n_focus)
        st->focus = v.n_focus - 1;
    int rows = ask_rows(ui, sz), w = screen_text_width(sz), cur_y = 1;
    scroll_to_focus(st, &v, rows);
    for (int r = 0; r < rows && st->top + (size_t)r < (size_t)v.n_rows; r++) {
        const struct ask_row *row = &v.rows[st->top + (size_t)r];
        int y = 1 + r, focused = row->focus >= 0 && row->focus == st->focus;
        if (focused && (row->kind != ROW_ITEM || row->line == 0))
            cur_y = y;
        switch (row->kind) {
        case ROW_TEXT:
            if (row->L)
                term_draw_line(row->L, row->line, y, 1, w, NULL);
            break;
        case ROW_ITEM:
            if (row->line == 0)
                term_text(y, 1,
                          focused
                              ? (ask_ticked(&ui->visit.ask, (size_t)row->focus) ? "> [x]" : "> [ ]")
                          : ask_ticked(&ui->visit.ask, (size_t)row->focus) ? "  [x]"
                                                                           : "  [ ]",
                          MARK_W, focused ? term_attr(ROLE_SELECT) : 0);
            if (row->L)
                term_draw_line(row->L, row->line, y, 1 + MARK_W, w - MARK_W, NULL);
            break;
        case ROW_FIELD: {
            int k = row->focus - items_of(&v);
            char head[16];
            snprintf(head, sizeof head, "%s%d. ", focused ? "> " : "  ", k + 1);
            int hw = term_text(y, 1, head, w, focused ? term_attr(ROLE_SELECT) : 0);
            const char *own = ui->visit.ask.own[k];
            int room = w - hw - 2;
            if (*own)
                term_text(y, 1 + hw, tail_fitting(own, room), room, A_UNDERLINE);
            else
                term_text(y, 1 + hw, _("(empty: press Enter to write)"), room, A_DIM);
            break;
        }
        }
    }
    chrome_draw(ui, _("Your questions for your care team"),
                _("Space tick  Enter write  n summary  Backspace back  Esc home"), NULL, sz);
    struct bar bar;
    ask_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
    move(cur_y, 1);
    view_free(&v);
}

void screen_ask_open(struct ui *ui)
{
    ui->visit.ask.seen = 1;
    *ask_state(ui) = (struct ask_state){0};
    ui->screen = SCREEN_ASK;
}

/* ---- keys ---- */

/* On to the summary, built again with these questions (seen is set, so
 * screen_summary_open() does not come back here). */
static void go_summary(struct ui *ui)
{
    ask_state(ui)->edit = 0;
    screen_summary_open(ui);
}

static void go_back(struct ui *ui)
{
    if (visit_back(&ui->visit) == 0)
        screen_question_show(ui, FOCUS_FIRST);
}

/* Enter or a touch on focus target i. */
static void activate(struct ui *ui, const struct ask_view *v, int i)
{
    struct ask_state *st = ask_state(ui);
    st->focus = i;
    if (i < items_of(v))
        ask_toggle(&ui->visit.ask, ui->visit.flow, (size_t)i);
    else if (i < items_of(v) + ASK_OWN)
        st->edit = i - items_of(v) + 1;
    visit_summary_forget(&ui->visit); /* built again with these questions */
}

static void keyboard_touch(struct ui *ui, const struct ui_mouse *ev);

static void ask_mouse(struct ui *ui, const struct ui_mouse *ev, struct screen_size sz)
{
    struct ask_state *st = ask_state(ui);
    if (st->edit) {
        keyboard_touch(ui, ev);
        return;
    }
    struct bar bar;
    ask_bar(ui, &bar, sz);
    switch (ev->wheel ? -1 : bar_hit(&bar, ev->x, ev->y)) {
    case ASK_BACK:
        go_back(ui);
        return;
    case ASK_SUMMARY:
        go_summary(ui);
        return;
    case ASK_HOME:
        ui->screen = SCREEN_HOME;
        return;
    }
    struct ask_view v;
    view_build(ui, &v, sz);
    size_t r = st->top + (size_t)(ev->y - 1);
    if (ev->wheel) {
        int i = st->focus + ev->wheel;
        if (i >= 0 && i < v.n_focus)
            st->focus = i;
    } else if (ev->y < 1 || ev->y >= bar.top || r >= (size_t)v.n_rows || v.rows[r].focus < 0) {
        /* not on a choice (between the bar's buttons too) */
    } else {
        activate(ui, &v, v.rows[r].focus);
    }
    view_free(&v);
}

static void ask_key(struct ui *ui, int key, struct screen_size sz)
{
    struct ask_state *st = ask_state(ui);
    struct ask_view v;
    view_build(ui, &v, sz);
    switch (key) {
    case KEY_UP:
    case 'k':
        if (st->focus > 0)
            st->focus--;
        break;
    case KEY_DOWN:
    case 'j':
    case '\t':
        if (st->focus + 1 < v.n_focus)
            st->focus++;
        break;
    case ' ':
    case '\n':
    case '\r':
    case KEY_ENTER:
        activate(ui, &v, st->focus);
        break;
    case 'n':
    case 'N':
    case KEY_RIGHT:
        go_summary(ui);
        break;
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
        go_back(ui);
        break;
    case 27:
    case 'h':
    case 'H':
        ui->screen = SCREEN_HOME;
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
    view_free(&v);
}

/* A touch on the on-screen keyboard while a question is written. */
static void keyboard_touch(struct ui *ui, const struct ui_mouse *ev)
{
    struct ask_state *st = ask_state(ui);
    struct ask *a = &ui->visit.ask;
    int k = st->edit - 1;
    const char *key = NULL;
    if (ev->wheel || !keyboard_hit(ev->y - st->keyboard_y, ev->x, &key))
        return;
    visit_summary_forget(&ui->visit);
    if (strcmp(key, ASK_KEY_DONE) == 0)
        st->edit = 0;
    else if (strcmp(key, ASK_KEY_BACK) == 0)
        ask_own_backspace(a, k);
    else if (ask_own_append(a, k, strcmp(key, ASK_KEY_SPACE) == 0 ? " " : key,
                            strcmp(key, ASK_KEY_SPACE) == 0 ? 1 : strlen(key)) < 0)
        snprintf(ui->notice, sizeof ui->notice, "%s", _("This question is full."));
}

/* Typing in a field: every character (any script, from the keyboard or an
 * input method) goes into it; Enter, Tab or Esc ends it. Control keys it
 * has no use for go on (the kiosk's Ctrl-K still reaches the staff PIN). */
static int ask_type(struct ui *ui, int is_code, wint_t ch, struct screen_size sz)
{
    (void)sz;
    struct ask_state *st = ask_state(ui);
    int k = st->edit - 1;
    struct ask *a = &ui->visit.ask;
    if (!st->edit)
        return 0;
    if ((is_code && (ch == KEY_BACKSPACE || ch == KEY_DC)) ||
        (!is_code && (ch == 127 || ch == 8))) {
        visit_summary_forget(&ui->visit);
        ask_own_backspace(a, k);
        return 1;
    }
    if ((is_code && ch == KEY_ENTER) ||
        (!is_code && (ch == '\n' || ch == '\r' || ch == 27 || ch == '\t'))) {
        st->edit = 0;
        return 1;
    }
    if (is_code)
        return 1; /* arrows and the like: nothing to move to in the field */
    if (ch < 32)
        return 0;
    char mb[MB_LEN_MAX];
    mbstate_t mbs = {0};
    size_t n = wcrtomb(mb, (wchar_t)ch, &mbs);
    visit_summary_forget(&ui->visit);
    if (n != (size_t)-1 && ask_own_append(a, k, mb, n) < 0)
        snprintf(ui->notice, sizeof ui->notice, "%s", _("This question is full."));
    explicit_bzero(mb, sizeof mb);
    return 1;
}

const struct screen_ops screen_ask = {
    .name = "ask",
    .state_size = sizeof(struct ask_state),
    .draw = ask_draw,
    .key = ask_key,
    .type = ask_type,
    .mouse = ask_mouse,
    .forget = ask_forget,
};
