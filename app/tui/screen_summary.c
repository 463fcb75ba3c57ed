/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_summary.c: the summary for the clinician, drawn by the same layout
 * as the pages, and its two buttons: p prints it (the configured command,
 * never a shell), s saves it. The last printout is kept a few minutes for
 * a staff reprint. */
#include "config.h"

#include "tui/bar.h"
#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/scroll.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/text.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char summary_key_name[] = "screen:summary";

struct summary_state {
    size_t top;
    char *last_print; /* last printed summary, for a staff reprint (zeroed when freed) */
    long long last_print_at;
};

static struct summary_state *summary_state(struct ui *ui)
{
    return ui->state[SCREEN_SUMMARY];
}

/* Forget the summary text and layout (zeroed first). */
static void drop_summary(struct ui *ui)
{
    visit_summary_forget(&ui->visit);
    cache_drop(&ui->cache, summary_key_name);
}

static void drop_last_print(struct summary_state *st)
{
    wipe_string(st->last_print);
    st->last_print = NULL;
}

static void summary_forget(struct ui *ui, enum screen_forget what)
{
    struct summary_state *st = summary_state(ui);
    drop_summary(ui);
    if (what == FORGET_WORDS)
        return;
    /* The copy kept for a staff reprint goes once its few minutes are up. */
    if (what == FORGET_ALL || ui_now_ms() - st->last_print_at >= REPRINT_MINUTES * 60000LL)
        drop_last_print(st);
}

long long screen_summary_reprint_left(const struct ui *ui, long long now)
{
    const struct summary_state *st = ui->state[SCREEN_SUMMARY];
    if (!st || !st->last_print)
        return -1;
    long long left = st->last_print_at + REPRINT_MINUTES * 60000LL - now;
    return left > 0 ? left : 0;
}

int screen_summary_reprint_expire(struct ui *ui, long long now)
{
    if (screen_summary_reprint_left(ui, now) != 0)
        return 0;
    drop_last_print(summary_state(ui));
    return 1;
}

void screen_summary_open(struct ui *ui)
{
    if (!ui->visit.ask.seen && ui->visit.flow && flow_topic_count(ui->visit.flow)) {
        screen_ask_open(ui); /* the patient's own questions first, once */
        return;
    }
    drop_summary(ui);
    summary_state(ui)->top = 0;
    ui->screen = SCREEN_SUMMARY;
}

/* The summary laid out at the screen's width, built on first need. */
static struct layout *summary_layout(struct ui *ui, struct screen_size sz)
{
    const char *md = visit_summary(&ui->visit);
    if (!md)
        return NULL;
    int width = screen_text_width(sz);
    struct layout *L = cache_find(&ui->cache, summary_key_name, width);
    if (L)
        return L;
    cache_drop(&ui->cache, summary_key_name); /* at another width */
    struct layout_opts o = visit_layout_opts(&ui->visit, width);
    o.show_sources = 0;
    o.patient = 1; /* its lines in the patient arena */
    L = layout_markdown(md, strlen(md), &o);
    return L ? cache_put(&ui->cache, summary_key_name, width, L, 1) : NULL;
}

/* Say "Printing, please wait..." in the footer: printing may take a few
 * seconds. */
void screen_say_printing(struct screen_size sz)
{
    term_fill(sz.lines - 1, 0, term_attr(ROLE_FOOTER));
    term_text(sz.lines - 1, 1, _("Printing, please wait..."), sz.cols - 2, term_attr(ROLE_FOOTER));
    refresh();
}

int screen_summary_print_text(struct ui *ui, const char *text, struct screen_size sz)
{
    if (ui->opts->visit.print_argv)
        screen_say_printing(sz);
    return visit_print_text(&ui->visit, text, ui->notice, sizeof ui->notice);
}

int screen_summary_reprint(struct ui *ui, struct screen_size sz)
{
    struct summary_state *st = summary_state(ui);
    if (st->last_print && ui_now_ms() - st->last_print_at < REPRINT_MINUTES * 60000LL)
        return screen_summary_print_text(ui, st->last_print, sz);
    snprintf(ui->notice, sizeof ui->notice, _("No summary was printed in the last %d minutes."),
             REPRINT_MINUTES);
    return -1;
}

/* The print button (p). */
static void print_summary(struct ui *ui, struct screen_size sz)
{
    struct summary_state *st = summary_state(ui);
    char *copy = NULL;
    screen_say_printing(sz);
    if (visit_print(&ui->visit, &copy, ui->notice, sizeof ui->notice) == 0) {
        /* Kept a few minutes for a staff reprint, then zeroed. */
        drop_last_print(st);
        st->last_print = copy; /* in the patient arena */
        st->last_print_at = ui_now_ms();
    }
}

/* The summary's buttons; Take home and My questions only when they fit on
 * the bar's rows the others need. */
enum { SUM_PRINT, SUM_SAVE, SUM_CHANGE, SUM_FINISH, SUM_TAKEHOME, SUM_ASK };

static void summary_bar(struct ui *ui, struct bar *b, struct screen_size sz)
{
    for (int extra = 1; extra >= 0; extra--) {
        *b = (struct bar){0};
        if (ui->opts->visit.print_argv)
            bar_add(b, SUM_PRINT, _("Print"));
        if (ui->opts->visit.save_dir)
            bar_add(b, SUM_SAVE, _("Save"));
        bar_add(b, SUM_CHANGE, _("Change answers"));
        bar_add(b, SUM_FINISH, _("Finish"));
        int rows = bar_place(b, ui->opts->large, sz);
        if (!extra)
            return;
        bar_add(b, SUM_TAKEHOME, _("Take home"));
        if (ui->visit.flow && flow_topic_count(ui->visit.flow))
            bar_add(b, SUM_ASK, _("My questions"));
        if (bar_place(b, ui->opts->large, sz) == rows)
            return;
    }
}

static int summary_rows(struct ui *ui, struct screen_size sz)
{
    struct bar b;
    summary_bar(ui, &b, sz);
    return bar_body_rows(&b, sz);
}

/* A message too long for the footer (a printer failure and what to do
 * about it) is shown whole, wrapped, over the bottom of the summary; the
 * footer then shows the keys (ui->notice is emptied until the draw ends). */
static void draw_long_notice(struct ui *ui, struct screen_size sz)
{
    const char *notice = ui->notice;
    if (!notice[0] || (int)text_width(notice, strlen(notice)) <= sz.cols - 2)
        return;
    char *md = markdown_escape(notice);
    struct layout_opts lo = {
        .width = sz.cols - 4, .ascii = ui->opts->visit.ascii, .lang = ui->visit.content->lang};
    struct layout *box = md ? layout_markdown(md, strlen(md), &lo) : NULL;
    int rows = summary_rows(ui, sz);
    if (box && (int)box->line_count + 2 <= rows) {
        int y = 1 + rows - (int)box->line_count - 2;
        for (int r = 0; r < (int)box->line_count + 2; r++)
            term_fill(y + r, 0, term_attr(ROLE_FOOTER));
        for (size_t i = 0; i < box->line_count; i++) {
            char *line = layout_line_string(box, i);
            if (line)
                term_text(y + 1 + (int)i, 2, line, sz.cols - 4, term_attr(ROLE_FOOTER));
            free(line);
        }
        ui->notice[0] = '\0'; /* the footer shows the keys meanwhile */
    }
    layout_free(box);
    free(md);
}

static void summary_draw(struct ui *ui, struct screen_size sz)
{
    struct summary_state *st = summary_state(ui);
    struct layout *L = summary_layout(ui, sz);
    if (!L) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show the summary."));
    } else {
        int rows = summary_rows(ui, sz);
        for (int r = 0; r < rows && st->top + (size_t)r < L->line_count; r++)
            term_draw_line(L, st->top + (size_t)r, 1 + r, 1, screen_text_width(sz), NULL);
    }
    char notice[sizeof ui->notice];
    snprintf(notice, sizeof notice, "%s", ui->notice);
    draw_long_notice(ui, sz);
    const char *hints = ui->opts->visit.print_argv && ui->opts->visit.save_dir
                            ? _("p print  s save  Backspace change answers  Esc home")
                        : ui->opts->visit.print_argv
                            ? _("p print  Backspace change answers  Esc home")
                        : ui->opts->visit.save_dir ? _("s save  Backspace change answers  Esc home")
                                                   : _("Backspace change answers  Esc home");
    char all[512];
    snprintf(all, sizeof all, "%s  %s  %s", hints, _("f finish"), _("t take home  a my questions"));
    chrome_draw(ui, _("Your summary for the clinician"), all, NULL, sz);
    struct bar bar;
    summary_bar(ui, &bar, sz);
    bar_draw(&bar, sz);
    snprintf(ui->notice, sizeof ui->notice, "%s", notice);
    move(1, 1);
}

static void summary_key(struct ui *ui, int key, struct screen_size sz)
{
    struct summary_state *st = summary_state(ui);
    if (scroll_key(ui, summary_layout(ui, sz), &st->top, key, summary_rows(ui, sz)))
        return;
    switch (key) {
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
        if (visit_back(&ui->visit) == 0) {
            drop_summary(ui); /* answers may change: build it again later */
            screen_question_show(ui, FOCUS_FIRST);
        }
        break;
    case 27:
    case 'h':
        ui->screen = SCREEN_HOME;
        break;
    case 'p':
    case 'P':
        if (ui->opts->visit.print_argv && summary_layout(ui, sz))
            print_summary(ui, sz);
        break;
    case 's':
    case 'S':
        if (ui->opts->visit.save_dir && summary_layout(ui, sz))
            visit_save(&ui->visit, ui->notice, sizeof ui->notice);
        break;
    case 't':
    case 'T':
        screen_takehome_open(ui);
        break;
    case 'a':
    case 'A':
        if (ui->visit.flow && flow_topic_count(ui->visit.flow))
            screen_ask_open(ui);
        break;
    case 'f':
    case 'F':
        loop_wipe(ui); /* Finish: the answers go now, not at the idle reset */
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}

static void summary_mouse(struct ui *ui, const struct ui_mouse *m, struct screen_size sz)
{
    struct bar bar;
    summary_bar(ui, &bar, sz);
    if (scroll_mouse(ui, summary_layout(ui, sz), &summary_state(ui)->top, m,
                     bar_body_rows(&bar, sz)))
        return;
    static const int keys[] = {
        [SUM_PRINT] = 'p',  [SUM_SAVE] = 's',     [SUM_CHANGE] = KEY_BACKSPACE,
        [SUM_FINISH] = 'f', [SUM_TAKEHOME] = 't', [SUM_ASK] = 'a'};
    int hit = bar_hit(&bar, m->x, m->y);
    if (hit >= 0)
        summary_key(ui, keys[hit], sz);
}

/* Read aloud: the summary, one layout. */
static int summary_text(struct ui *ui, struct screen_size sz, struct screen_text *t)
{
    struct layout *L = summary_layout(ui, sz);
    if (!L)
        return -1;
    *t = (struct screen_text){.count = 1,
                              .layout = {L},
                              .x = {1},
                              .top = &summary_state(ui)->top,
                              .rows = summary_rows(ui, sz),
                              .total = L->line_count,
                              .source = L};
    return 0;
}

const struct screen_ops screen_summary = {
    .name = "summary",
    .state_size = sizeof(struct summary_state),
    .draw = summary_draw,
    .key = summary_key,
    .mouse = summary_mouse,
    .forget = summary_forget,
    .text = summary_text,
};
