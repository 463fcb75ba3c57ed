/* screen_question.c: one question per screen (numbered answers, keys 1-9,
 * Space ticks in multiple choice, touch selects a whole row, Back / Next /
 * Home buttons). An {urgent=NAME} answer opens screen_urgent.c's page. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHOICE_INDENT = 10 }; /* "> 1. (*) " (from column 1) then the label */

/* The question laid out for this width: rows are numbered from 0 and shown
 * from ui->question_top. */
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
    int help_row, choices_row, buttons_row, total;
    int back_x, next_x, home_x;
};

static void qview_free(struct qview *v)
{
    layout_free(v->title);
    layout_free(v->help);
    for (int i = 0; i < v->count; i++)
        layout_free(v->label[i]);
}

void question_forget(struct ui *ui)
{
    urgent_forget(ui);
    if (ui->qview) {
        qview_free(ui->qview);
        free(ui->qview);
        ui->qview = NULL;
    }
}

static void button_text(int i, char *buf, size_t size)
{
    const char *labels[3] = {_("< Back"), _("Next >"), _("Home")};
    snprintf(buf, size, "[ %s ]", labels[i]);
}

/* Where the Back, Next and Home buttons sit, for drawing and for touches. */
static void buttons_place(struct qview *v)
{
    int *xs[3] = {&v->back_x, &v->next_x, &v->home_x};
    int x = 1;
    for (int i = 0; i < 3; i++) {
        char text[64];
        button_text(i, text, sizeof text);
        *xs[i] = x;
        x += (int)text_width(text, strlen(text)) + 3;
    }
}

static void buttons_draw(const struct qview *v, int y)
{
    const int xs[3] = {v->back_x, v->next_x, v->home_x};
    for (int i = 0; i < 3; i++) {
        char text[64];
        button_text(i, text, sizeof text);
        term_text(y, xs[i], text, COLS - xs[i] - 1, i == 1 ? term_attr(ROLE_SELECT) : (int)A_BOLD);
    }
}

static int qview_build(struct ui *ui, struct qview *v)
{
    const struct flow *f = ui->visit.flow;
    memset(v, 0, sizeof *v);
    v->q = visit_question(&ui->visit);
    if (v->q < 0)
        return -1;
    struct layout_opts o = visit_layout_opts(&ui->visit, ui_text_width());
    o.show_sources = 0;
    v->title = layout_text(flow_question_title(f, v->q), STYLE_STRONG | STYLE_HEADING, &o);
    char *help = visit_question_help(&ui->visit, v->q);
    v->help = layout_text(help ? help : "", 0, &o);
    free(help);
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
    v->buttons_row = row + 1;
    v->total = row + 2;
    buttons_place(v);
    return 0;
}

/* The current question laid out, made once per question, width and path
 * (not per key or redraw). NULL at the end of the flow or out of memory. */
static struct qview *qview_get(struct ui *ui)
{
    int q = flow_current(ui->visit.walk);
    if (q < 0)
        return NULL;
    const int *path;
    size_t n = flow_path(ui->visit.walk, &path);
    int prev = n ? path[n - 1] : -1;
    uint32_t prev_chosen = prev >= 0 ? flow_selected(ui->visit.walk, prev) : 0;
    struct qview *v = ui->qview;
    if (v && v->q == q && v->flow == ui->visit.flow && v->width == ui_text_width() &&
        v->path_len == n && v->prev == prev && v->prev_chosen == prev_chosen)
        return v;
    question_forget(ui);
    v = calloc(1, sizeof *v);
    if (!v || qview_build(ui, v) < 0) {
        free(v);
        return NULL;
    }
    v->flow = ui->visit.flow;
    v->width = ui_text_width();
    v->path_len = n;
    v->prev = prev;
    v->prev_chosen = prev_chosen;
    ui->qview = v;
    return v;
}

/* Keep the focused answer (and its whole label) on screen. */
static void keep_visible(struct ui *ui, const struct qview *v, int rows)
{
    if (ui->choice < 0 || ui->choice >= v->count)
        return;
    int first = v->block[ui->choice];
    int last = ui->choice + 1 < v->count ? v->block_end[ui->choice] - 1 : v->buttons_row;
    if (ui->choice == 0)
        first = 0; /* show the question with the first answer */
    if ((size_t)first < ui->question_top)
        ui->question_top = (size_t)first;
    if (last >= (int)ui->question_top + rows)
        ui->question_top = (size_t)(last - rows + 1);
}

void question_draw(struct ui *ui)
{
    struct qview *vp = qview_get(ui);
    if (!vp)
        return;
    struct qview v = *vp;
    int rows = ui_body_rows();
    keep_visible(ui, &v, rows);
    int top = (int)ui->question_top, cursor_y = 1;
    const struct flow *f = ui->visit.flow;
    int multiple = flow_question_is_multiple(f, v.q);
    for (int r = 0; r < rows; r++) {
        int row = top + r, y = 1 + r;
        if (v.title && row < (int)v.title->line_count) {
            term_draw_line(v.title, (size_t)row, y, 1, ui_text_width(), NULL);
            continue;
        }
        if (v.help && row >= v.help_row && row < v.help_row + (int)v.help->line_count) {
            term_draw_line(v.help, (size_t)(row - v.help_row), y, 1, ui_text_width(), NULL);
            continue;
        }
        if (row == v.buttons_row) {
            buttons_draw(&v, y);
            continue;
        }
        for (int a = 0; a < v.count; a++) {
            int lines = v.label[a] ? (int)v.label[a]->line_count : 1;
            if (row >= v.block[a] && row < v.block_end[a] && a == ui->choice)
                term_fill(y, 1, term_attr(ROLE_SELECT)); /* the whole target */
            if (row < v.first[a] || row >= v.first[a] + lines)
                continue;
            int focus = a == ui->choice, is_chosen = visit_chosen(&ui->visit, a);
            int attr = focus ? term_attr(ROLE_SELECT) : is_chosen ? (int)A_BOLD : (int)A_NORMAL;
            if (focus)
                term_fill(y, 1, attr);
            if (row == v.first[a]) {
                char head[32];
                /* The focus and the choice are marked in text, not only by colour. */
                snprintf(head, sizeof head, "%s%2d. %s", focus ? ">" : " ", a + 1,
                         visit_answer_mark(&ui->visit, v.q, a));
                term_text(y, 1, head, CHOICE_INDENT, attr);
                if (focus)
                    cursor_y = y;
            }
            if (v.label[a]) {
                attrset(attr);
                term_draw_line(v.label[a], (size_t)(row - v.first[a]), y, CHOICE_INDENT,
                               ui_text_width(), NULL);
                if (focus) /* keep the row's highlight under the label's own styles */
                    mvchgat(y, CHOICE_INDENT, (int)v.label[a]->lines[row - v.first[a]].cells,
                            (attr_t)attr, 0, NULL);
            }
        }
    }
    char title[128];
    visit_position(&ui->visit, title, sizeof title);
    ui_draw_chrome(ui, title,
                   multiple ? _("1-9 or Space tick  Enter next  Backspace back  Esc home")
                            : _("1-9 choose  Enter next  Backspace back  Esc home"),
                   NULL);
    move(cursor_y, 1); /* screen readers follow the cursor to the focused answer */
}

void open_summary(struct ui *ui)
{
    if (!ui->visit.ask.seen && ui->visit.flow && flow_topic_count(ui->visit.flow)) {
        ask_open(ui); /* the patient's own questions first, once */
        return;
    }
    summary_forget(ui);
    ui->summary_top = 0;
    ui->screen = SCREEN_SUMMARY;
}

/* Go on; an {urgent=NAME} answer first shows that page. */
static void go_next(struct ui *ui)
{
    enum visit_step step = visit_next(&ui->visit);
    if (step == VISIT_NO_ANSWER) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Please choose an answer first."));
        return;
    }
    ui->question_top = 0;
    ui->choice = 0;
    if (step == VISIT_URGENT)
        urgent_open(ui);
    else if (step == VISIT_SUMMARY)
        open_summary(ui);
}

static void focus_chosen(struct ui *ui)
{
    ui->choice = 0;
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
        if (visit_chosen(&ui->visit, a)) {
            ui->choice = a;
            break;
        }
    ui->question_top = 0;
}

void flow_open(struct ui *ui)
{
    int step = visit_begin(&ui->visit, ui->notice, sizeof ui->notice);
    if (step == VISIT_SUMMARY) {
        open_summary(ui);
    } else if (step == VISIT_QUESTION) {
        focus_chosen(ui);
        ui->screen = SCREEN_QUESTION;
    }
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
    ui->choice = a;
    visit_choose(&ui->visit, a);
}

static void question_mouse(struct ui *ui, struct qview *v)
{
    const struct ui_mouse *ev = &ui->mouse;
    if (ev->wheel) {
        int a = ui->choice + ev->wheel;
        if (a >= 0 && a < v->count)
            ui->choice = a;
        return;
    }
    int row = (int)ui->question_top + ev->y - 1;
    if (row == v->buttons_row) {
        if (ev->x >= v->home_x)
            ui->screen = SCREEN_HOME;
        else if (ev->x >= v->next_x)
            go_next(ui);
        else if (ev->x >= v->back_x)
            go_back(ui);
        return;
    }
    for (int a = 0; a < v->count; a++) {
        if (row >= v->block[a] && row < v->block_end[a]) {
            choose(ui, a); /* a touch anywhere on the answer's rows */
            return;
        }
    }
}

void question_key(struct ui *ui, int key)
{
    struct qview *vp = qview_get(ui);
    if (!vp) {
        open_summary(ui);
        return;
    }
    struct qview v = *vp; /* a copy: a key may move on and forget the original */
    int multiple = flow_question_is_multiple(ui->visit.flow, v.q);
    switch (key) {
    case KEY_UP:
    case 'k':
        if (ui->choice > 0)
            ui->choice--;
        else
            ui->question_top = 0;
        break;
    case KEY_DOWN:
    case 'j':
        if (ui->choice + 1 < v.count)
            ui->choice++;
        break;
    case ' ':
        choose(ui, ui->choice);
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_RIGHT:
        if (!multiple && !flow_selected(ui->visit.walk, v.q))
            choose(ui, ui->choice); /* Enter on a focused answer chooses it */
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
    case KEY_MOUSE:
        question_mouse(ui, &v);
        break;
    default:
        if (key >= '1' && key <= '9' && key - '1' < v.count)
            choose(ui, key - '1');
        break;
    }
}
