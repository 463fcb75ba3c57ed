/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_question.c: one question per screen (numbered answers, keys 1-9,
 * Space ticks in multiple choice, touch selects a whole row, Back / Next /
 * Home buttons). An {urgent=NAME} answer opens screen_urgent.c's page. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHOICE_INDENT = 10 }; /* "> 1. (*) " (from column 1) then the label */

/* The question laid out for this width: rows are numbered from 0 and shown
 * from question_state's top. */
struct qview {
    int q;
    /* what it was laid out for: reused until one of these changes */
    const struct flow *flow;
    int width, prev;
    uint32_t prev_chosen; /* training mode names the answer that led here */
    size_t path_len;
    struct layout *title, *help;
    struct layout *label[FLOW_MAX_ANSWERS];
    int first[FLOW_MAX_ANSWERS]; /* first row of each answer's label */
    int block[FLOW_MAX_ANSWERS]; /* first row of its touch target (padding included) */
    int block_end[FLOW_MAX_ANSWERS];
    int count;
    int help_row, choices_row, total;
};

struct question_state {
    struct qview *view; /* the current question laid out */
    int choice;         /* focused answer */
    size_t top;         /* first row of help and answers shown under the held title */
    int free_scroll;    /* a drag or a marker moved top: the focus need not be shown */
};

static struct question_state *question_state(struct ui *ui)
{
    return ui->state[SCREEN_QUESTION];
}

static void qview_free(struct qview *v)
{
    layout_free(v->title);
    layout_free(v->help);
    for (int i = 0; i < v->count; i++)
        layout_free(v->label[i]);
}

/* Drop the laid-out question (language switch, wipe, exit). */
static void question_drop(struct question_state *st)
{
    if (st->view) {
        qview_free(st->view);
        free(st->view);
        st->view = NULL;
    }
}

static void question_forget(struct ui *ui, enum screen_forget what)
{
    struct question_state *st = question_state(ui);
    question_drop(st);
    if (what != FORGET_WORDS)
        *st = (struct question_state){0};
}

static int qview_build(struct ui *ui, struct qview *v, int width)
{
    const struct flow *f = ui->visit.flow;
    memset(v, 0, sizeof *v);
    v->q = visit_question(&ui->visit);
    if (v->q < 0)
        return -1;
    struct layout_opts o = visit_layout_opts(&ui->visit, width);
    o.show_sources = 0;
    v->title = layout_text(flow_question_title(f, v->q), STYLE_STRONG | STYLE_HEADING, &o);
    char *help = visit_question_help(&ui->visit, v->q);
    v->help = layout_text(help ? help : "", 0, &o);
    wipe_string(help); /* in training it names an earlier answer */
    v->count = (int)flow_answer_count(f, v->q);
    struct layout_opts lo = o;
    lo.width = o.width - CHOICE_INDENT > 10 ? o.width - CHOICE_INDENT : 10;
    int row = v->title ? (int)v->title->line_count : 0;
    v->help_row = row + 1;
    row += v->help && v->help->line_count ? (int)v->help->line_count + 2 : 1;
    v->choices_row = row;
    int pad = ui->opts->large ? 1 : 0; /* large targets: a row above and below */
    for (int a = 0; a < v->count; a++) {
        v->label[a] = layout_text(flow_answer_label(f, v->q, a), 0, &lo);
        v->block[a] = row;
        v->first[a] = row + pad;
        row += (v->label[a] ? (int)v->label[a]->line_count : 1) + 2 * pad;
        v->block_end[a] = row;
    }
    v->total = row;
    return 0;
}

/* The current question laid out, made once per question, width and path
 * (not per key or redraw). NULL at the end of the flow or out of memory. */
static struct qview *qview_get(struct ui *ui, int width)
{
    struct question_state *st = question_state(ui);
    int q = flow_current(ui->visit.walk);
    if (q < 0)
        return NULL;
    const int *path;
    size_t n = flow_path(ui->visit.walk, &path);
    int prev = n ? path[n - 1] : -1;
    uint32_t prev_chosen = prev >= 0 ? flow_selected(ui->visit.walk, prev) : 0;
    struct qview *v = st->view;
    if (v && v->q == q && v->flow == ui->visit.flow && v->width == width && v->path_len == n &&
        v->prev == prev && v->prev_chosen == prev_chosen)
        return v;
    question_drop(st);
    v = calloc(1, sizeof *v);
    if (!v || qview_build(ui, v, width) < 0) {
        free(v);
        return NULL;
    }
    v->flow = ui->visit.flow;
    v->width = width;
    v->path_len = n;
    v->prev = prev;
    v->prev_chosen = prev_chosen;
    st->view = v;
    return v;
}

/* The question's buttons, always on screen. */
enum { Q_BACK, Q_NEXT, Q_HOME };

static void question_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    *b = (struct bar){0};
    bar_add(b, Q_BACK, _("< Back"));
    bar_add(b, Q_NEXT, _("Next >"));
    bar_add(b, Q_HOME, _("Home"));
    bar_place(b, ui->opts->large, sz);
}

/* Where things are on screen: the title held at the top (title rows from
 * row 1), then the help and answers scrolling under it between the "more
 * above" and "more below" markers, then the bar. */
struct qscreen {
    struct bar bar;
    int title_rows;      /* rows of the title shown */
    int region_y, avail; /* first row and number of rows of help and answers shown */
    int up_y, down_y;    /* the markers' first rows, or -1 */
    int mark_rows;       /* rows a marker takes: 1, or 3 with large targets */
    int content;         /* rows of help and answers in all */
};

static int title_lines(const struct qview *v)
{
    return v->title ? (int)v->title->line_count : 0;
}

static void qscreen_place(struct ui *ui, const struct qview *v, size_t *top, struct qscreen *q,
                          struct screen_size sz)
{
    question_bar(ui, &q->bar, sz);
    int body = bar_body_rows(&q->bar, sz);
    q->title_rows = title_lines(v);
    if (q->title_rows > body / 2)
        q->title_rows = body / 2 > 0 ? body / 2 : 1;
    int region = body - q->title_rows;
    q->content = v->total - title_lines(v);
    if (q->content < 0)
        q->content = 0;
    if (region < 1)
        region = 1;
    /* A marker is a tap target as tall as any other with large targets,
     * where that leaves room for two answers' rows between the two. */
    int mh = ui->opts->large && region >= 12 ? 3 : 1;
    q->mark_rows = mh;
    /* The most top can be: the last rows fill the region under "more above". */
    int max_top = q->content > region ? q->content - (region - mh) : 0;
    if (max_top < 0)
        max_top = 0;
    if ((int)*top > max_top)
        *top = (size_t)max_top;
    int up = *top > 0 && region > 2 * mh;
    int avail = region - up * mh;
    int down = (int)*top + avail < q->content && region > 2 * mh;
    avail -= down * mh;
    q->region_y = 1 + q->title_rows;
    q->up_y = up ? q->region_y : -1;
    q->down_y = down ? q->region_y + region - mh : -1;
    q->region_y += up * mh;
    q->avail = avail;
}

/* Keep the focused answer (and its whole label) on screen under the title. */
static void keep_visible(struct ui *ui, struct question_state *st, const struct qview *v,
                         struct screen_size sz)
{
    if (st->choice < 0 || st->choice >= v->count || st->free_scroll)
        return;
    int t = title_lines(v);
    int first = v->block[st->choice] - t;
    int last = v->block_end[st->choice] - 1 - t;
    if (st->choice == 0)
        first = 0; /* show the help with the first answer */
    struct qscreen q;
    qscreen_place(ui, v, &st->top, &q, sz);
    int mh = q.mark_rows;
    int region = q.avail + ((q.up_y >= 0) + (q.down_y >= 0)) * mh;
    int room = region > 2 * mh ? region - 2 * mh : region; /* rows shown between both markers */
    if (last - first + 1 > room)
        first = v->block[st->choice] - t; /* the answer itself, when help and all do not fit */
    if (last - first + 1 > room)
        last = first + room - 1;
    if (first < (int)st->top)
        st->top = (size_t)(first > 0 ? first : 0);
    else if (last >= (int)st->top + room)
        st->top = (size_t)(last - room + 1);
}

/* Draw row (of the laid-out question) at screen row y. */
static void draw_row(struct ui *ui, const struct qview *v, int row, int y, int *cursor_y,
                     struct screen_size sz)
{
    struct question_state *st = question_state(ui);
    int width = screen_text_width(sz);
    /* An answer's label starts at column CHOICE_INDENT: it is clipped to the
     * text's right edge, as every other line is. */
    int label_room = width + 1 - CHOICE_INDENT;
    if (v->title && row < (int)v->title->line_count) {
        term_draw_line(v->title, (size_t)row, y, 1, width, NULL);
        return;
    }
    if (v->help && row >= v->help_row && row < v->help_row + (int)v->help->line_count) {
        term_draw_line(v->help, (size_t)(row - v->help_row), y, 1, width, NULL);
        return;
    }
    for (int a = 0; a < v->count; a++) {
        int lines = v->label[a] ? (int)v->label[a]->line_count : 1;
        if (row >= v->block[a] && row < v->block_end[a] && a == st->choice)
            term_fill(y, 1, term_attr(ROLE_SELECT)); /* the whole target */
        if (row < v->first[a] || row >= v->first[a] + lines)
            continue;
        int focus = a == st->choice, is_chosen = visit_chosen(&ui->visit, a);
        int attr = focus ? term_attr(ROLE_SELECT) : is_chosen ? (int)A_BOLD : (int)A_NORMAL;
        if (focus)
            term_fill(y, 1, attr);
        if (row == v->first[a]) {
            char head[32];
            /* The focus and the choice are marked in text, not only by colour. */
            snprintf(head, sizeof head, "%s%2d. %s", focus ? ">" : " ", a + 1,
                     visit_answer_mark(&ui->visit, v->q, a));
            term_text(y, 1, head, CHOICE_INDENT, attr);
            if (focus)
                *cursor_y = y;
        }
        if (v->label[a]) {
            attrset(attr);
            term_draw_line(v->label[a], (size_t)(row - v->first[a]), y, CHOICE_INDENT, label_room,
                           NULL);
            int cells = (int)v->label[a]->lines[row - v->first[a]].cells;
            if (focus) /* keep the row's highlight under the label's own styles */
                mvchgat(y, CHOICE_INDENT, cells < label_room ? cells : label_room, (attr_t)attr, 0,
                        NULL);
        }
    }
}

static void question_draw(struct ui *ui, struct screen_size sz)
{
    struct question_state *st = question_state(ui);
    struct qview *vp = qview_get(ui, screen_text_width(sz));
    if (!vp)
        return;
    struct qview v = *vp;
    keep_visible(ui, st, &v, sz);
    struct qscreen q;
    qscreen_place(ui, &v, &st->top, &q, sz);
    int cursor_y = 1;
    for (int r = 0; r < q.title_rows; r++)
        draw_row(ui, &v, r, 1 + r, &cursor_y, sz);
    int t = title_lines(&v);
    for (int r = 0; r < q.avail; r++)
        draw_row(ui, &v, t + (int)st->top + r, q.region_y + r, &cursor_y, sz);
    if (q.up_y >= 0)
        term_text(q.up_y + q.mark_rows / 2, 1, _("[ ^ more above ]"), sz.cols - 2, (int)A_BOLD);
    if (q.down_y >= 0)
        term_text(q.down_y + q.mark_rows / 2, 1, _("[ v more below ]"), sz.cols - 2, (int)A_BOLD);
    int multiple = flow_question_is_multiple(ui->visit.flow, v.q);
    char title[128];
    visit_position(&ui->visit, title, sizeof title);
    chrome_draw(ui, title,
                multiple ? _("1-9 or Space tick  Enter next  Backspace back  Esc home")
                         : _("1-9 choose  Enter next  Backspace back  Esc home"),
                NULL, sz);
    bar_draw(&q.bar, sz);
    move(cursor_y, 1); /* screen readers follow the cursor to the focused answer */
}

/* Go on; an {urgent=NAME} answer first shows that page. */
static void go_next(struct ui *ui)
{
    struct question_state *st = question_state(ui);
    enum visit_step step = visit_next(&ui->visit);
    if (step == VISIT_NO_ANSWER) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Please choose an answer first."));
        return;
    }
    st->top = 0;
    st->choice = 0;
    if (step == VISIT_URGENT)
        screen_urgent_open(ui);
    else if (step == VISIT_SUMMARY)
        screen_summary_open(ui);
}

static void focus_chosen(struct ui *ui)
{
    struct question_state *st = question_state(ui);
    st->choice = 0;
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
        if (visit_chosen(&ui->visit, a)) {
            st->choice = a;
            break;
        }
    st->top = 0;
}

void screen_question_start(struct ui *ui)
{
    int step = visit_begin(&ui->visit, ui->notice, sizeof ui->notice);
    if (step == VISIT_SUMMARY) {
        screen_summary_open(ui);
    } else if (step == VISIT_QUESTION) {
        focus_chosen(ui);
        ui->screen = SCREEN_QUESTION;
    }
}

void screen_question_show(struct ui *ui, int focus)
{
    struct question_state *st = question_state(ui);
    if (focus == FOCUS_FIRST) {
        st->choice = 0;
        st->top = 0;
    }
    ui->screen = SCREEN_QUESTION;
}

static void go_back(struct ui *ui)
{
    if (visit_back(&ui->visit) < 0) {
        ui->screen = SCREEN_HOME; /* before the first question: home, answers kept */
        return;
    }
    focus_chosen(ui);
    ui->screen = SCREEN_QUESTION;
}

static void choose(struct ui *ui, int a)
{
    question_state(ui)->choice = a;
    visit_choose(&ui->visit, a);
}

/* A copy of the current question's view (a key or a touch may move on and
 * forget the original). -1 past the last question: the summary is opened. */
static int current_view(struct ui *ui, struct qview *v, struct screen_size sz)
{
    struct qview *vp = qview_get(ui, screen_text_width(sz));
    if (!vp) {
        screen_summary_open(ui);
        return -1;
    }
    *v = *vp;
    return 0;
}

static void question_mouse(struct ui *ui, const struct ui_mouse *ev, struct screen_size sz)
{
    struct question_state *st = question_state(ui);
    struct qview v;
    if (current_view(ui, &v, sz) < 0)
        return;
    struct qscreen q;
    qscreen_place(ui, &v, &st->top, &q, sz);
    if (ev->drag) { /* the help and answers follow the finger */
        long top = (long)st->top + (long)ev->wheel * ev->drag;
        st->top = top > 0 ? (size_t)top : 0;
        st->free_scroll = 1;
        return;
    }
    if (ev->wheel) {
        int a = st->choice + ev->wheel;
        if (a >= 0 && a < v.count)
            st->choice = a;
        st->free_scroll = 0;
        return;
    }
    switch (bar_hit(&q.bar, ev->x, ev->y)) {
    case Q_BACK:
        st->free_scroll = 0;
        go_back(ui);
        return;
    case Q_NEXT:
        st->free_scroll = 0;
        go_next(ui);
        return;
    case Q_HOME:
        ui->screen = SCREEN_HOME;
        return;
    }
    int step = q.avail > 1 ? q.avail - 1 : 1;
    int on_up = q.up_y >= 0 && ev->y >= q.up_y && ev->y < q.up_y + q.mark_rows;
    int on_down = q.down_y >= 0 && ev->y >= q.down_y && ev->y < q.down_y + q.mark_rows;
    if (on_up || on_down) {
        long top = (long)st->top + (on_up ? -step : step);
        st->top = top > 0 ? (size_t)top : 0;
        st->free_scroll = 1;
        return;
    }
    if (ev->y < q.region_y || ev->y >= q.region_y + q.avail)
        return; /* the title, or nothing drawn as tappable */
    int row = title_lines(&v) + (int)st->top + ev->y - q.region_y;
    for (int a = 0; a < v.count; a++) {
        if (row >= v.block[a] && row < v.block_end[a]) {
            choose(ui, a); /* a touch anywhere on the answer's rows */
            return;
        }
    }
}

static void question_key(struct ui *ui, int key, struct screen_size sz)
{
    struct question_state *st = question_state(ui);
    struct qview v;
    if (current_view(ui, &v, sz) < 0)
        return;
    st->free_scroll = 0; /* a key shows the focused answer again */
    int multiple = flow_question_is_multiple(ui->visit.flow, v.q);
    switch (key) {
    case KEY_UP:
    case 'k':
        if (st->choice > 0)
            st->choice--;
        else
            st->top = 0;
        break;
    case KEY_DOWN:
    case 'j':
        if (st->choice + 1 < v.count)
            st->choice++;
        break;
    case ' ':
        choose(ui, st->choice);
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_RIGHT:
        if (!multiple && !flow_selected(ui->visit.walk, v.q))
            choose(ui, st->choice); /* Enter on a focused answer chooses it */
        go_next(ui);
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
        ui->screen = SCREEN_HOME; /* the answers stay for when the patient comes back */
        break;
    case 'q':
    case 'Q':
        ui->quit = 1; /* (never in kiosk mode: the loop refuses it) */
        break;
    default:
        if (key >= '0' && key <= '9' && v.count > 0) {
            int enter;
            size_t n = keys_number(key, (size_t)v.count, &enter); /* 1 then 3 is 13, not 1 and 3 */
            if (n)
                choose(ui, (int)n - 1);
            if (n && enter)
                go_next(ui); /* "1 Enter": this answer, and on */
        }
        break;
    }
}

/* Read aloud: the question's title (tag 0), its help (tag 1), then each
 * answer (tag 2 + a), heard after "Answer N:". */
static int question_text(struct ui *ui, struct screen_size sz, struct screen_text *t)
{
    struct qview *v = qview_get(ui, screen_text_width(sz));
    if (!v)
        return -1;
    *t = (struct screen_text){.count = 2,
                              .layout = {v->title, v->help},
                              .row = {0, v->help_row},
                              .x = {1, 1},
                              .top = &question_state(ui)->top,
                              .rows = screen_body_rows(sz),
                              .total = (size_t)v->total,
                              .source = v};
    for (int a = 0; a < v->count && t->count < SCREEN_TEXT_MAX; a++, t->count++) {
        t->layout[t->count] = v->label[a];
        t->row[t->count] = v->first[a];
        t->x[t->count] = CHOICE_INDENT;
        snprintf(t->prefix[t->count], sizeof t->prefix[t->count], _("Answer %d:"), a + 1);
    }
    return 0;
}

const struct screen_ops screen_question = {
    .name = "question",
    .state_size = sizeof(struct question_state),
    .draw = question_draw,
    .key = question_key,
    .mouse = question_mouse,
    .forget = question_forget,
    .text = question_text,
};
