/* SPDX-License-Identifier: GPL-3.0-or-later */
/* visit.c: one patient's visit (visit.h): language, questions, the urgent
 * page, the training line and the summary's printout, for every front end. */
#include "config.h"

#include "core/visit.h"
#include "core/i18n.h"
#include "core/print.h"
#include "core/printout.h"
#include "core/summary.h"
#include "core/urgent.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(char *msg, size_t msglen, const char *text)
{
    if (msg && msglen)
        snprintf(msg, msglen, "%s", text);
}

void visit_start(struct visit *v, struct content *content, struct flow *flow, struct flow *second,
                 const struct visit_options *opts)
{
    *v = (struct visit){.opts = opts,
                        .content = content,
                        .flow = flow,
                        .flow_read = flow != NULL,
                        .second_flow = flow ? second : NULL};
    if (!flow)
        flow_free(second);
}

void visit_forget(struct visit *v)
{
    flow_session_free(v->walk); /* zeroes the answers */
    v->walk = NULL;
    ask_wipe(&v->ask);
    misses_wipe(&v->misses);
    visit_summary_forget(v);
}

void visit_end(struct visit *v, struct content **content, struct flow **flow)
{
    visit_forget(v);
    flow_free(v->second_flow);
    v->second_flow = NULL;
    *content = v->content;
    *flow = v->flow;
}

/* The menu's title for page, or NULL (layout_opts.link_title). */
static const char *menu_title(const void *ctx, const char *page)
{
    const struct content *c = ctx;
    for (size_t i = 0; i < c->entry_count; i++)
        if (strcmp(c->entries[i].page, page) == 0)
            return c->entries[i].label;
    return NULL;
}

void visit_link_titles(struct layout_opts *o, const struct content *c)
{
    o->link_title = c ? menu_title : NULL;
    o->link_ctx = c;
}

struct layout_opts visit_layout_opts(const struct visit *v, int width)
{
    struct layout_opts o = {.width = width > 10 ? width : 10,
                            .ascii = v->opts->ascii,
                            .show_sources = v->opts->training,
                            .lang = v->content->lang};
    visit_link_titles(&o, v->content);
    return o;
}

/* ---- language ---- */

int visit_set_language(struct visit *v, const char *code, char *msg, size_t msglen)
{
    char err[1024];
    struct content *c =
        content_open_local(v->content->root, v->content->local, code, err, sizeof err);
    struct flow *f = NULL;
    /* Questions not read yet are read in the new language on first use. */
    if (c && v->flow_read && flow_load_content(c, &f, err, sizeof err) < 0) {
        content_close(c);
        c = NULL;
    }
    if (!c) {
        say(msg, msglen, err);
        return -1;
    }
    /* Answers are kept by question id and choice, so they carry over; a
     * language with no question flow cannot take them. */
    if (v->walk && (!f || flow_session_set_flow(v->walk, f) < 0)) {
        say(msg, msglen, _("The questions differ in that language; run patient-kiosk --check."));
        flow_free(f);
        content_close(c);
        return -1;
    }
    for (size_t i = 0; i < v->content->var_count; i++) {
        const char *name = v->content->vars[i].name;
        if (strncmp(name, "clinic-", 7) == 0)
            content_set_var(c, name, v->content->vars[i].value);
    }
    i18n_set_language(code);
    visit_summary_forget(v);
    content_close(v->content);
    flow_free(v->flow);
    v->content = c;
    v->flow = f;
    return 0;
}

/* ---- questions ---- */

int visit_flow_ready(struct visit *v, char *msg, size_t msglen)
{
    if (!v->flow_read && !v->opts->file) {
        char err[1024];
        int loaded = flow_load_flows(v->content, v->opts->second_lang, &v->flow, &v->second_flow,
                                     err, sizeof err);
        if (loaded == -2 && msg && msglen)
            snprintf(msg, msglen, "second_language %s: %s", v->opts->second_lang, err);
        else if (loaded < 0)
            say(msg, msglen, err);
        if (loaded < 0) {
            klog_event(v->opts->log, KLOG_CONTENT_ERROR, err);
            return -1;
        }
        v->flow_read = 1;
    }
    return v->flow ? 1 : 0;
}

int visit_begin(struct visit *v, char *msg, size_t msglen)
{
    if (!v->walk)
        v->walk = v->flow ? flow_session_new(v->flow) : NULL;
    if (!v->walk) {
        say(msg, msglen, _("Not enough memory to start the questions."));
        return -1;
    }
    return flow_current(v->walk) < 0 ? VISIT_SUMMARY : VISIT_QUESTION;
}

int visit_question(const struct visit *v)
{
    return v->walk ? flow_current(v->walk) : -1;
}

int visit_chosen(const struct visit *v, int a)
{
    int q = visit_question(v);
    return q >= 0 && a >= 0 && a < FLOW_MAX_ANSWERS && ((flow_selected(v->walk, q) >> a) & 1);
}

int visit_choose(struct visit *v, int a)
{
    int q = visit_question(v);
    if (q < 0)
        return -1;
    if (!flow_question_is_multiple(v->flow, q) && visit_chosen(v, a))
        return 0;
    return flow_select(v->walk, a);
}

enum visit_step visit_next(struct visit *v)
{
    int q = visit_question(v);
    if (q < 0)
        return VISIT_SUMMARY;
    uint32_t chosen = flow_selected(v->walk, q);
    if (flow_next(v->walk) < 0)
        return VISIT_NO_ANSWER;
    visit_summary_forget(v); /* the answers changed: build it again */
    if (flow_chosen_urgent_page(v->flow, q, chosen))
        return VISIT_URGENT;
    return visit_go_on(v);
}

int visit_back(struct visit *v)
{
    if (!v->walk || flow_back(v->walk) < 0)
        return -1;
    visit_summary_forget(v); /* answers may change: build it again later */
    return 0;
}

int visit_answered(const struct visit *v)
{
    if (!v->walk)
        return 0;
    const int *path;
    if (flow_path(v->walk, &path) > 0)
        return 1;
    int q = flow_current(v->walk);
    if (q >= 0 && flow_selected(v->walk, q))
        return 1;
    for (size_t i = 0; i < sizeof v->ask.own / sizeof v->ask.own[0]; i++)
        if (v->ask.own[i][0])
            return 1;
    return 0;
}

enum visit_step visit_go_on(const struct visit *v)
{
    return visit_question(v) < 0 ? VISIT_SUMMARY : VISIT_QUESTION;
}

void visit_position(const struct visit *v, char *buf, size_t size)
{
    int number, about;
    if (v->walk && flow_position(v->walk, &number, &about) == 0)
        snprintf(buf, size, _("Question %d of about %d"), number, about);
    else
        snprintf(buf, size, "%s", v->flow ? flow_title(v->flow) : "");
}

char *visit_training_reason(const struct visit *v, int q)
{
    if (!v->opts->training || !v->walk)
        return NULL;
    const int *path;
    size_t n = flow_path(v->walk, &path);
    char *why = NULL;
    if (n == 0) {
        if (asprintf(&why,
                     _("[Training] Question id \"%s\": the first question, shown to everyone."),
                     flow_question_id(v->flow, q)) < 0)
            why = NULL;
        return why;
    }
    int prev = path[n - 1];
    uint32_t chosen = flow_selected(v->walk, prev);
    const char *label = "";
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
        if ((chosen >> a) & 1) {
            label = flow_answer_label(v->flow, prev, a);
            break;
        }
    if (asprintf(&why,
                 _("[Training] Question id \"%s\", shown because of the answer \"%s\" to \"%s\"."),
                 flow_question_id(v->flow, q), label, flow_question_title(v->flow, prev)) < 0)
        why = NULL;
    return why;
}

char *visit_question_help(const struct visit *v, int q)
{
    const char *help = flow_question_help(v->flow, q), *intro = flow_intro(v->flow);
    char *why = visit_training_reason(v, q), *text = NULL;
    const char *before = why ? why : q == 0 && intro && *intro ? intro : NULL;
    if (!help)
        help = "";
    if (before && asprintf(&text, "%s\n\n%s", before, help) < 0)
        text = NULL;
    else if (!before)
        text = strdup(help);
    wipe_string(why); /* names an answer */
    return text;
}

const char *visit_answer_mark(const struct visit *v, int q, int a)
{
    int on = v->walk && a >= 0 && a < FLOW_MAX_ANSWERS && ((flow_selected(v->walk, q) >> a) & 1);
    if (flow_question_is_multiple(v->flow, q))
        return on ? "[x]" : "[ ]";
    return on ? "(*)" : "( )";
}

/* ---- the urgent page ---- */

const char *visit_urgent_page(const struct visit *v)
{
    const int *path;
    size_t n = v->walk ? flow_path(v->walk, &path) : 0;
    if (!n)
        return NULL;
    int q = path[n - 1];
    return flow_chosen_urgent_page(v->flow, q, flow_selected(v->walk, q));
}

char *visit_urgent_text(const struct visit *v, size_t *len, int *fell_back)
{
    int builtin;
    char err[512];
    /* (A page that cannot be read is an error of --check; the patient
     * needs the crisis text, not the file's name.) */
    return urgent_text(v->content, visit_urgent_page(v), len, fell_back, &builtin, err, sizeof err);
}

/* ---- teach-back ---- */

int visit_teachback_answer(struct visit *v, const char *page, const char *id, int clear)
{
    visit_summary_forget(v);
    if (clear) {
        misses_remove(&v->misses, page, id);
        return 0;
    }
    return misses_add(&v->misses, page, id);
}

/* misses_words_fn: what to explain again, in the language of flow (the
 * clinician's for the second flow, else the patient's). */
static int miss_words(void *ctx, const void *flow, const char *page, const char *id, char *buf,
                      size_t size)
{
    const struct visit *v = ctx;
    const char *lang = flow && flow == v->second_flow && v->opts->second_lang ? v->opts->second_lang
                                                                              : v->content->lang;
    struct content *other = NULL;
    if (strcmp(lang, v->content->lang) != 0) {
        char err[512];
        other = content_open_local(v->content->root, v->content->local, lang, err, sizeof err);
    }
    struct teachback *t = content_page_check(other ? other : v->content, page);
    int q = t ? teachback_find(t, id) : -1;
    if (q >= 0)
        snprintf(buf, size, "%s", t->q[q].again);
    teachback_free(t);
    content_close(other);
    return q >= 0 ? 0 : -1;
}

/* ---- the summary and the printout ---- */

static struct summary_info info(const struct visit *v)
{
    const char *sources = NULL;
    for (size_t i = 0; i < v->content->entry_count && !sources; i++)
        if (strcmp(v->content->entries[i].page, "sources.md") == 0)
            sources = v->content->entries[i].label;
    return (struct summary_info){
        .sources_page = sources,
        .clinic_name = v->opts->clinic_name,
        .clinic_phone = v->opts->clinic_phone,
        .content_version = content_var(v->content, "content-version"),
        .last_reviewed = content_var(v->content, "last-reviewed"),
        .show_reasons = v->opts->training,
        .when = v->opts->when,
        .ask = &v->ask,
        .misses = &v->misses,
        .miss_words = miss_words,
        .miss_ctx = (void *)v,
    };
}

const char *visit_summary(struct visit *v)
{
    if (!v->summary_md && v->walk) {
        struct summary_info si = info(v);
        v->summary_md = summary_build(v->flow, v->walk, &si);
    }
    return v->summary_md;
}

void visit_summary_forget(struct visit *v)
{
    wipe_string(v->summary_md);
    v->summary_md = NULL;
}

/* What the printout is made of: this summary, width cells wide on paper. */
static struct printout_request request(struct visit *v, const struct summary_info *si, int width)
{
    struct printout_request r = {
        .summary_md = visit_summary(v),
        .session = v->walk,
        .info = si,
        .second_flow = v->second_flow,
        .second_lang = v->opts->second_lang,
        .lang = v->content->lang,
        .layout = visit_layout_opts(v, width),
        .handout_program = v->opts->handout_program,
    };
    r.layout.show_sources = 0;
    return r;
}

char *visit_printout(struct visit *v, int width, int html)
{
    struct summary_info si = info(v);
    struct printout_request r = request(v, &si, width);
    r.html = html;
    return r.summary_md ? printout_build(&r) : NULL;
}

int visit_print_text(const struct visit *v, const char *text, char *msg, size_t msglen)
{
    if (!v->opts->print_argv) {
        say(msg, msglen, _("Printing is not set up here."));
        return -1;
    }
    char err[512];
    if (print_text(v->opts->print_argv, text, strlen(text), err, sizeof err) < 0) {
        /* The command, its status and any path are for staff (the log); the
         * patient reads what happened and what to do. */
        klog_event(v->opts->log, KLOG_PRINT_FAILED, err);
        if (msg && msglen)
            snprintf(msg, msglen, "%s %s", _("The printer did not accept the summary."),
                     _("Your summary is still here; you can try again or ask the front desk."));
        return -1;
    }
    klog_event(v->opts->log, KLOG_PRINT_SENT, NULL);
    say(msg, msglen, _("Sent to the printer. Please collect it at the front desk."));
    return 0;
}

unsigned char *visit_handout(struct visit *v, size_t *len, char *msg, size_t msglen)
{
    struct summary_info si = info(v);
    struct printout_request r = request(v, &si, 80);
    if (!r.summary_md) {
        say(msg, msglen, _("Not enough memory to print."));
        return NULL;
    }
    return printout_pdf(&r, v->opts->paper, len, msg, msglen);
}

/* Send a PDF to the print command; as visit_print_text(). */
static int print_handout(const struct visit *v, unsigned char *pdf, size_t len, char *msg,
                         size_t msglen)
{
    char err[512];
    int rc = -1;
    if (!v->opts->print_argv)
        say(msg, msglen, _("Printing is not set up here."));
    else if (pdf && print_pdf(v->opts->print_argv, pdf, len, err, sizeof err) < 0) {
        klog_event(v->opts->log, KLOG_PRINT_FAILED, err); /* the command: for staff */
        snprintf(msg, msglen, "%s %s", _("The printer did not accept the summary."),
                 _("Your summary is still here; you can try again or ask the front desk."));
    } else if (pdf) {
        rc = 0;
    }
    if (rc == 0) {
        klog_event(v->opts->log, KLOG_PRINT_SENT, NULL);
        say(msg, msglen, _("Sent to the printer. Please collect it at the front desk."));
    }
    handout_free(pdf, len);
    return rc;
}

int visit_print_page(struct visit *v, const char *md, char *msg, size_t msglen)
{
    if (v->opts->print_pdf) {
        size_t len = 0;
        unsigned char *pdf =
            printout_page_pdf(md, v->content->lang, v->opts->clinic_name, v->opts->paper,
                              v->opts->handout_program, &len, msg, msglen);
        return pdf ? print_handout(v, pdf, len, msg, msglen) : -1;
    }
    struct layout_opts o =
        visit_layout_opts(v, v->opts->print_width > 0 ? v->opts->print_width : 80);
    o.show_sources = 0;
    struct layout *L = layout_markdown(md, strlen(md), &o);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    int ok = L && out && layout_print(L, out) == 0;
    if (out)
        ok = fclose(out) == 0 && ok;
    layout_free(L);
    int rc = ok ? visit_print_text(v, text, msg, msglen) : -1;
    if (!ok)
        say(msg, msglen, _("Not enough memory to print."));
    free(text);
    return rc;
}

int visit_print(struct visit *v, char **copy, char *msg, size_t msglen)
{
    if (v->opts->print_pdf && v->opts->print_argv) {
        size_t len = 0;
        unsigned char *pdf = visit_handout(v, &len, msg, msglen);
        if (!pdf || print_handout(v, pdf, len, msg, msglen) < 0)
            return -1;
        /* A staff reprint sends the text printout (see screen_kiosk.c). */
        if (copy)
            *copy = visit_printout(v, v->opts->print_width > 0 ? v->opts->print_width : 80, 0);
        return 0;
    }
    char *text = visit_printout(v, v->opts->print_width > 0 ? v->opts->print_width : 80, 0);
    if (!text) {
        say(msg, msglen, _("Not enough memory to print."));
        return -1;
    }
    int rc = visit_print_text(v, text, msg, msglen);
    if (rc == 0 && copy)
        *copy = text;
    else
        wipe_string(text);
    return rc;
}

int visit_save(struct visit *v, char *msg, size_t msglen)
{
    struct summary_info si = info(v);
    struct printout_request r = request(v, &si, 80);
    if (!r.summary_md) {
        say(msg, msglen, _("Not enough memory to save."));
        return -1;
    }
    char err[1024], path[1024];
    int rc;
    if (!v->opts->print_pdf) {
        rc = printout_save(&r, v->opts->save_dir, err, sizeof err);
    } else {
        size_t len = 0;
        unsigned char *pdf = printout_pdf(&r, v->opts->paper, &len, err, sizeof err);
        rc = pdf ? save_text(v->opts->save_dir, "summary", "pdf", (const char *)pdf, len, path,
                             sizeof path, err, sizeof err)
                 : -1;
        handout_free(pdf, len);
        if (rc == 0 && (rc = printout_save(&r, v->opts->save_dir, err, sizeof err)) == 0) {
            /* The name only, never the server's folder. */
            const char *base = strrchr(path, '/');
            base = base ? base + 1 : path;
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)strcspn(base, "."), base);
            snprintf(err, sizeof err,
                     _("Saved as %s (a PDF, a web page and a text copy). Staff can find it by "
                       "this name."),
                     name);
        }
    }
    if (rc == 0) {
        say(msg, msglen, err);
        return 0;
    }
    /* The folder and the system's reason are for staff (the log). */
    klog_event(v->opts->log, KLOG_SAVE_FAILED, err);
    if (msg && msglen)
        snprintf(msg, msglen, "%s %s", _("The summary could not be saved."),
                 _("Your summary is still here; you can try again or ask the front desk."));
    return -1;
}

int visit_replay(struct visit *v, const char *answers, char *msg, size_t msglen)
{
    if (visit_begin(v, msg, msglen) < 0)
        return -1;
    visit_summary_forget(v);
    return flow_answers_parse(v->flow, answers, v->walk, msg, msglen);
}
