/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_flow.c: the question flow, the urgent page and the summary (print,
 * save) of the linear mode (plain.h), as numbered lines and typed answers.
 * No ncurses here: only stdio and core/. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/qr.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- questions ---- */

static void open_summary(struct plain *p)
{
    visit_summary_forget(&p->visit); /* the answers may have changed: build it again */
    p->screen = PLAIN_SUMMARY;
}

int plain_flow_ready(struct plain *p)
{
    char msg[1100];
    int ready = visit_flow_ready(&p->visit, msg, sizeof msg);
    if (ready < 0)
        plain_say(p, msg);
    return ready;
}

void plain_flow_open(struct plain *p)
{
    char msg[256];
    int step = visit_begin(&p->visit, msg, sizeof msg);
    if (step < 0)
        plain_say(p, msg);
    else if (step == VISIT_SUMMARY)
        open_summary(p);
    else
        p->screen = PLAIN_QUESTION;
}

/* " 1. ( ) Yes": the choice is marked in text; long labels wrap under it. */
static void list_answers(struct plain *p, int q)
{
    const struct flow *f = p->visit.flow;
    int count = (int)flow_answer_count(f, q);
    for (int a = 0; a < count; a++) {
        char head[32], indent[32];
        snprintf(head, sizeof head, "%*d. %s ", count > 9 ? 2 : 1, a + 1,
                 visit_answer_mark(&p->visit, q, a));
        size_t w = strlen(head);
        memset(indent, ' ', w);
        indent[w] = '\0';
        struct layout_opts o = plain_layout_opts(p, p->width - (int)w);
        o.show_sources = 0;
        struct layout *L = layout_text(flow_answer_label(f, q, a), 0, &o);
        if (!L) {
            plain_write(p, head);
            plain_write(p, flow_answer_label(f, q, a));
            plain_write(p, "\n");
            continue;
        }
        for (size_t l = 0; l < L->line_count; l++)
            plain_line(p, L, l, l == 0 ? head : indent);
        layout_free(L);
    }
}

/* The page an {urgent=NAME} answer opens at once (urgent.h: its words are
 * content, or the built-in crisis text), laid out like any page, all of it,
 * then the crisis line and the ways on: Enter once someone has been told,
 * b back to the question, h home. */
static void urgent(struct plain *p)
{
    size_t len;
    int fell_back;
    char *text = visit_urgent_text(&p->visit, &len, &fell_back);
    struct layout_opts o = plain_layout_opts(p, p->width);
    struct layout *L = text ? layout_markdown(text, len, &o) : NULL;
    free(text);
    plain_write(p, "\n");
    plain_say(p, _("Urgent: help is available now"));
    if (fell_back)
        plain_say(p, _("This page is not yet translated; it is shown in English."));
    plain_write(p, "\n");
    for (size_t i = 0; L && i < L->line_count; i++)
        plain_line(p, L, i, NULL);
    layout_free(L);
    plain_write(p, "\n");
    plain_say(p, _("Thinking about hurting yourself? Call or text 988. In danger, call 911."));
    const char *s =
        plain_ask(p, _("Press Enter when you have told someone, to go on (b back, h home): "));
    if (!s)
        return;
    if (strcasecmp(s, "h") == 0) {
        p->screen = PLAIN_HOME;
    } else if (strcasecmp(s, "b") == 0) {
        visit_back(&p->visit); /* to the question, its answer kept */
        p->screen = PLAIN_QUESTION;
    } else if (visit_go_on(&p->visit) == VISIT_SUMMARY) {
        open_summary(p);
    } else {
        p->screen = PLAIN_QUESTION;
    }
}

/* Go on from the current question; an {urgent=NAME} answer first shows
 * that page. 1 when it went on. */
static int go_next(struct plain *p)
{
    enum visit_step step = visit_next(&p->visit);
    if (step == VISIT_NO_ANSWER) {
        plain_say(p, _("Please choose an answer first."));
        return 0;
    }
    if (step == VISIT_URGENT)
        urgent(p);
    else if (step == VISIT_SUMMARY)
        open_summary(p);
    else
        p->screen = PLAIN_QUESTION;
    return 1;
}

/* "1 3 5" or "1,3": every number 1..count into out. How many, or -1 when
 * something else is in s. */
static int parse_numbers(const char *s, int count, int *out, int max)
{
    int n = 0;
    char buf[256];
    if (strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    for (char *save = NULL, *tok = strtok_r(buf, " ,", &save); tok;
         tok = strtok_r(NULL, " ,", &save)) {
        int k = plain_number(tok, count);
        if (k < 0 || n >= max)
            return -1;
        out[n++] = k;
    }
    return n;
}

void plain_question(struct plain *p)
{
    const struct flow *f = p->visit.flow;
    int q = visit_question(&p->visit);
    if (q < 0) {
        open_summary(p);
        return;
    }
    int multiple = flow_question_is_multiple(f, q);
    int count = (int)flow_answer_count(f, q);
    char position[128];
    visit_position(&p->visit, position, sizeof position);
    plain_write(p, "\n");
    plain_say(p, position);
    plain_say(p, flow_question_title(f, q));
    char *help = visit_question_help(&p->visit, q);
    if (help && *help) {
        plain_write(p, "\n");
        plain_say(p, help);
    }
    wipe_string(help); /* may name an answer (training) */
    plain_write(p, "\n");
    list_answers(p, q);
    for (;;) {
        const char *s = plain_ask(
            p, multiple ? _("Number to tick or untick, Enter to go on (b back, h home, ? help): ")
                        : _("Choose a number (b back, h home, ? help): "));
        if (!s)
            return;
        if (!*s || strcasecmp(s, "n") == 0) {
            if (go_next(p))
                return;
            continue;
        }
        if (strcasecmp(s, "b") == 0) {
            if (visit_back(&p->visit) < 0)
                p->screen = PLAIN_HOME; /* before the first question: home, answers kept */
            return;
        }
        if (strcasecmp(s, "h") == 0) {
            p->screen = PLAIN_HOME; /* the answers stay for when the patient comes back */
            return;
        }
        int picks[FLOW_MAX_ANSWERS];
        int n = parse_numbers(s, count, picks, multiple ? FLOW_MAX_ANSWERS : 1);
        if (n > 0 && !multiple) {
            visit_choose(&p->visit, picks[0] - 1);
            go_next(p);
            return;
        }
        if (n > 0) {
            for (int i = 0; i < n; i++)
                visit_choose(&p->visit, picks[i] - 1);
            list_answers(p, q);
            continue;
        }
        if (plain_common_key(p, s))
            return;
        plain_invalid(p);
    }
}

/* ---- the summary ---- */

static void print_summary(struct plain *p)
{
    char msg[1024];
    plain_say(p, _("Printing, please wait..."));
    fflush(p->out);
    visit_print(&p->visit, NULL, msg, sizeof msg);
    plain_say(p, msg);
}

static void save_summary(struct plain *p)
{
    char msg[1200];
    visit_save(&p->visit, msg, sizeof msg);
    plain_say(p, msg);
}

/* The take-home code for a phone, then what it says as plain text (a
 * screen reader reads that; the code is for the camera). */
static void takehome(struct plain *p)
{
    const char *md = visit_summary(&p->visit);
    struct qr *qr =
        md ? qr_takehome(md, p->width, _("More on your printed or saved summary.")) : NULL;
    if (!qr) {
        plain_say(p, _("The screen is too small for the code. Make the window larger, or print or "
                       "save the summary."));
        return;
    }
    char msg[512];
    if (qr->items < qr->items_total)
        snprintf(msg, sizeof msg,
                 _("Not all of it fits one code: it holds the %zu most important of %zu points "
                   "and questions."),
                 qr->items, qr->items_total);
    else
        snprintf(msg, sizeof msg, "%s",
                 _("Scan this code with your phone's camera. Nothing is sent or saved."));
    plain_say(p, msg);
    char *drawn = qr_draw(qr, p->opts->visit.ascii);
    if (drawn) {
        plain_write(p, drawn);
        explicit_bzero(drawn, strlen(drawn));
        free(drawn);
    }
    plain_say(p, _("The code says:"));
    plain_write(p, qr->text);
    qr_free(qr);
    plain_takehome_copy(p); /* over SSH: the patient's own clipboard or printer */
}

/* "p print, s save, r read again, b change answers, h home, q quit: " with
 * only the keys that work here. */
static void summary_prompt(const struct plain *p, char *buf, size_t size)
{
    const char *keys[8];
    size_t n = 0;
    if (p->opts->visit.print_argv)
        keys[n++] = _("p print");
    if (p->opts->visit.save_dir)
        keys[n++] = _("s save");
    keys[n++] = _("t take home");
    keys[n++] = _("r read again");
    keys[n++] = _("b change answers");
    keys[n++] = _("h home");
    keys[n++] = _("f finish");
    if (p->opts->mode != MODE_KIOSK)
        keys[n++] = _("q quit");
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", keys[i]);
    }
    size_t used = strlen(buf);
    snprintf(buf + used, size - used, ": ");
}

void plain_summary(struct plain *p)
{
    if (!p->visit.walk) {
        p->screen = PLAIN_HOME;
        return;
    }
    const char *md = visit_summary(&p->visit);
    struct layout_opts o = plain_layout_opts(p, p->width);
    o.show_sources = 0;
    o.patient = 1;
    struct layout *L = md ? layout_markdown(md, strlen(md), &o) : NULL;
    if (!L) {
        plain_say(p, _("Not enough memory to show the summary."));
        p->screen = PLAIN_HOME;
        return;
    }
    plain_write(p, "\n");
    plain_say(p, _("Your summary for the clinician"));
    plain_write(p, "\n");
    int rc = plain_pager(p, L);
    layout_free(L); /* zeroes it */
    if (rc < 0)
        return;
    char prompt[512];
    summary_prompt(p, prompt, sizeof prompt);
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s)
            return;
        if (strcasecmp(s, "p") == 0 && p->opts->visit.print_argv) {
            print_summary(p);
        } else if (strcasecmp(s, "s") == 0 && p->opts->visit.save_dir) {
            save_summary(p);
        } else if (strcasecmp(s, "t") == 0) {
            takehome(p);
        } else if (strcasecmp(s, "r") == 0) {
            return; /* shown again from the top */
        } else if (strcasecmp(s, "b") == 0) {
            if (visit_back(&p->visit) == 0) {
                p->screen = PLAIN_QUESTION; /* the summary is built again later */
            }
            return;
        } else if (strcasecmp(s, "h") == 0) {
            p->screen = PLAIN_HOME;
            return;
        } else if (strcasecmp(s, "f") == 0) {
            /* Finish: the answers are erased now, not at the idle wipe. */
            visit_forget(&p->visit);
            plain_say(p, _("Your answers were erased for your privacy."));
            p->screen = PLAIN_HOME;
            return;
        } else if (plain_common_key(p, s)) {
            if (p->done || !p->visit.summary_md)
                return; /* quit, or a new language: the summary is built again */
        } else {
            plain_invalid(p);
        }
    }
}
