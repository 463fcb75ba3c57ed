/* plain_flow.c: the question flow, the urgent page and the summary (print,
 * save) of the linear mode (plain.h), as numbered lines and typed answers.
 * No ncurses here: only stdio and core/. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/print.h"
#include "core/printout.h"
#include "core/summary.h"
#include "core/urgent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- questions ---- */

static void open_summary(struct plain *p)
{
    plain_summary_forget(p); /* the answers may have changed: build it again */
    p->screen = PLAIN_SUMMARY;
}

int plain_flow_ready(struct plain *p)
{
    if (!p->flow_read && !p->opts->file) {
        char err[1024], msg[1100];
        int loaded = flow_load_flows(p->content, p->opts->second_lang, &p->flow, &p->second_flow,
                                     err, sizeof err);
        if (loaded == -2)
            snprintf(msg, sizeof msg, "second_language %s: %s", p->opts->second_lang, err);
        if (loaded < 0) {
            plain_say(p, loaded == -2 ? msg : err);
            return -1;
        }
        p->flow_read = 1;
    }
    return p->flow ? 1 : 0;
}

void plain_flow_open(struct plain *p)
{
    if (!p->session)
        p->session = flow_session_new(p->flow);
    if (!p->session) {
        plain_say(p, _("Not enough memory to start the questions."));
        return;
    }
    if (flow_current(p->session) < 0)
        open_summary(p);
    else
        p->screen = PLAIN_QUESTION;
}

/* Training: "Shown because of "Question" -> Answer (id)". NULL otherwise. */
static char *training_reason(const struct plain *p, int q)
{
    if (p->opts->mode != MODE_TRAINING)
        return NULL;
    const int *path;
    size_t n = flow_path(p->session, &path);
    char *why = NULL;
    if (n == 0) {
        if (asprintf(&why,
                     _("[Training] Question id \"%s\": the first question, shown to everyone."),
                     flow_question_id(p->flow, q)) < 0)
            why = NULL;
        return why;
    }
    int prev = path[n - 1];
    uint32_t chosen = flow_selected(p->session, prev);
    const char *label = "";
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
        if ((chosen >> a) & 1) {
            label = flow_answer_label(p->flow, prev, a);
            break;
        }
    if (asprintf(&why,
                 _("[Training] Question id \"%s\", shown because of the answer \"%s\" to \"%s\"."),
                 flow_question_id(p->flow, q), label, flow_question_title(p->flow, prev)) < 0)
        why = NULL;
    return why;
}

/* " 1. ( ) Yes": the choice is marked in text; long labels wrap under it. */
static void list_answers(struct plain *p, int q)
{
    const struct flow *f = p->flow;
    int count = (int)flow_answer_count(f, q), multiple = flow_question_is_multiple(f, q);
    uint32_t chosen = flow_selected(p->session, q);
    for (int a = 0; a < count; a++) {
        int on = (chosen >> a) & 1;
        char head[32], indent[32];
        snprintf(head, sizeof head, "%*d. %s ", count > 9 ? 2 : 1, a + 1,
                 multiple ? (on ? "[x]" : "[ ]") : (on ? "(*)" : "( )"));
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
static void urgent(struct plain *p, const char *page)
{
    size_t len;
    int fell_back, builtin;
    char err[512];
    char *text = urgent_text(p->content, page, &len, &fell_back, &builtin, err, sizeof err);
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
        flow_back(p->session); /* to the question, its answer kept */
        p->screen = PLAIN_QUESTION;
    } else if (flow_current(p->session) < 0) {
        open_summary(p);
    } else {
        p->screen = PLAIN_QUESTION;
    }
}

/* Go on from the current question; an {urgent=NAME} answer first shows
 * that page. 1 when it went on. */
static int go_next(struct plain *p)
{
    const struct flow *f = p->flow;
    int q = flow_current(p->session);
    uint32_t chosen = flow_selected(p->session, q);
    if (flow_next(p->session) < 0) {
        plain_say(p, _("Please choose an answer first."));
        return 0;
    }
    const char *page = flow_chosen_urgent_page(f, q, chosen);
    if (page)
        urgent(p, page);
    else if (flow_current(p->session) < 0)
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
    const struct flow *f = p->flow;
    int q = p->session ? flow_current(p->session) : -1;
    if (q < 0) {
        open_summary(p);
        return;
    }
    int number, about, multiple = flow_question_is_multiple(f, q);
    int count = (int)flow_answer_count(f, q);
    char position[128];
    if (flow_position(p->session, &number, &about) == 0)
        snprintf(position, sizeof position, _("Question %d of about %d"), number, about);
    else
        snprintf(position, sizeof position, "%s", flow_title(f));
    plain_write(p, "\n");
    plain_say(p, position);
    plain_say(p, flow_question_title(f, q));
    /* The flow's welcome text comes before the first question's help; in
     * training, a line says which earlier answer led here. */
    const char *help = flow_question_help(f, q), *intro = flow_intro(f);
    char *both = NULL, *why = training_reason(p, q);
    if (why && asprintf(&both, "%s\n\n%s", why, help) < 0)
        both = NULL;
    else if (!why && q == 0 && *intro && asprintf(&both, "%s\n\n%s", intro, help) < 0)
        both = NULL;
    free(why);
    if (both || *help) {
        plain_write(p, "\n");
        plain_say(p, both ? both : help);
    }
    free(both);
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
            if (flow_back(p->session) < 0)
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
            flow_select(p->session, picks[0] - 1);
            go_next(p);
            return;
        }
        if (n > 0) {
            for (int i = 0; i < n; i++)
                flow_select(p->session, picks[i] - 1);
            list_answers(p, q);
            continue;
        }
        if (plain_common_key(p, s))
            return;
        plain_invalid(p);
    }
}

/* ---- the summary ---- */

void plain_summary_forget(struct plain *p)
{
    if (p->summary_md) {
        explicit_bzero(p->summary_md, strlen(p->summary_md));
        free(p->summary_md);
        p->summary_md = NULL;
    }
}

static void zero_layout(struct layout *L)
{
    if (L && L->text)
        explicit_bzero(L->text, L->text_len);
    layout_free(L);
}

static struct summary_info info(const struct plain *p)
{
    return (struct summary_info){
        .clinic_name = p->opts->clinic_name,
        .clinic_phone = p->opts->clinic_phone,
        .content_version = content_var(p->content, "content-version"),
        .last_reviewed = content_var(p->content, "last-reviewed"),
        .show_reasons = p->opts->mode == MODE_TRAINING,
    };
}

/* What the printout is made of: this summary, on paper width cells wide. */
static struct printout_request request(const struct plain *p, const struct summary_info *si,
                                       int width)
{
    struct printout_request r = {
        .summary_md = p->summary_md,
        .session = p->session,
        .info = si,
        .second_flow = p->second_flow,
        .second_lang = p->opts->second_lang,
        .lang = p->content->lang,
        .layout = plain_layout_opts(p, width),
    };
    r.layout.show_sources = 0;
    return r;
}

/* The printout as text for paper. Malloc'd (caller zeroes and frees) or NULL. */
static char *printout(struct plain *p, int width)
{
    struct summary_info si = info(p);
    struct printout_request r = request(p, &si, width);
    return printout_build(&r);
}

static void print_summary(struct plain *p)
{
    char *text = printout(p, p->opts->print_width > 0 ? p->opts->print_width : 80);
    if (!text) {
        plain_say(p, _("Not enough memory to print."));
        return;
    }
    plain_say(p, _("Printing, please wait..."));
    fflush(p->out);
    char err[512], msg[1024];
    if (print_text(p->opts->print_argv, text, strlen(text), err, sizeof err) < 0) {
        klog_event(p->opts->log, KLOG_PRINT_FAILED, err);
        snprintf(msg, sizeof msg, "%s %s", err,
                 _("Your summary is still here; you can try again or ask the front desk."));
        plain_say(p, msg);
    } else {
        klog_event(p->opts->log, KLOG_PRINT_SENT, NULL);
        plain_say(p, _("Sent to the printer. Please collect it at the front desk."));
    }
    explicit_bzero(text, strlen(text));
    free(text);
}

/* Save as text and as HTML in the configured folder. */
static void save_summary(struct plain *p)
{
    struct summary_info si = info(p);
    struct printout_request r = request(p, &si, 80);
    char msg[1200];
    printout_save(&r, p->opts->save_dir, msg, sizeof msg);
    plain_say(p, msg);
}

/* "p print, s save, r read again, b change answers, h home, q quit: " with
 * only the keys that work here. */
static void summary_prompt(const struct plain *p, char *buf, size_t size)
{
    const char *keys[6];
    size_t n = 0;
    if (p->opts->print_argv)
        keys[n++] = _("p print");
    if (p->opts->save_dir)
        keys[n++] = _("s save");
    keys[n++] = _("r read again");
    keys[n++] = _("b change answers");
    keys[n++] = _("h home");
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
    if (!p->session) {
        p->screen = PLAIN_HOME;
        return;
    }
    if (!p->summary_md) {
        struct summary_info si = info(p);
        p->summary_md = summary_build(p->flow, p->session, &si);
    }
    struct layout_opts o = plain_layout_opts(p, p->width);
    o.show_sources = 0;
    struct layout *L =
        p->summary_md ? layout_markdown(p->summary_md, strlen(p->summary_md), &o) : NULL;
    if (!L) {
        plain_say(p, _("Not enough memory to show the summary."));
        p->screen = PLAIN_HOME;
        return;
    }
    plain_write(p, "\n");
    plain_say(p, _("Your summary for the clinician"));
    plain_write(p, "\n");
    int rc = plain_pager(p, L);
    zero_layout(L);
    if (rc < 0)
        return;
    char prompt[512];
    summary_prompt(p, prompt, sizeof prompt);
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s)
            return;
        if (strcasecmp(s, "p") == 0 && p->opts->print_argv) {
            print_summary(p);
        } else if (strcasecmp(s, "s") == 0 && p->opts->save_dir) {
            save_summary(p);
        } else if (strcasecmp(s, "r") == 0) {
            return; /* shown again from the top */
        } else if (strcasecmp(s, "b") == 0) {
            if (flow_back(p->session) == 0) {
                plain_summary_forget(p); /* answers may change: build it again later */
                p->screen = PLAIN_QUESTION;
            }
            return;
        } else if (strcasecmp(s, "h") == 0) {
            p->screen = PLAIN_HOME;
            return;
        } else if (plain_common_key(p, s)) {
            if (p->done || !p->summary_md)
                return; /* quit, or a new language: the summary is built again */
        } else {
            plain_invalid(p);
        }
    }
}
