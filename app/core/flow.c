/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow.c: reads questions.md into a flow: its questions, answers, notes and
 * flags, checked as it is read. Its graph facts are computed in
 * flow_measure.c, queries of a flow are in flow_query.c, checks of the whole
 * graph in flow_check.c, one patient's walk in flow_session.c; the format is
 * described in content/README.md. */
#include "config.h"

#include "core/flow.h"
#include "core/flow_internal.h"
#include "core/i18n.h"
#include "core/markdown.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum section { SEC_INTRO, SEC_QUESTION, SEC_GENERAL, SEC_TOPIC, SEC_SKIP };

#define GENERAL_ID "general-questions"

/* ---- small helpers ---- */

static int grow(void **items, size_t n, size_t size)
{
    /* n items are in use; the capacity is the next power of two, so the
     * array only grows when n is 0 or a power of two. */
    if (n && (n & (n - 1)))
        return 0;
    void *p = realloc(*items, (n ? n * 2 : 1) * size);
    if (!p)
        return -1;
    *items = p;
    return 0;
}

static char *dup_range(struct flow *f, const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        f->failed = 1;
        return NULL;
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *dup_str(struct flow *f, const char *s)
{
    return dup_range(f, s, strlen(s));
}

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static size_t trimmed_len(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

/* Append s to *dst with sep between; *dst may be NULL. */
static void join(struct flow *f, char **dst, const char *sep, const char *s)
{
    if (!s || !*s)
        return;
    size_t old = *dst ? strlen(*dst) : 0, sl = *dst ? strlen(sep) : 0, n = strlen(s);
    char *p = realloc(*dst, old + sl + n + 1);
    if (!p) {
        f->failed = 1;
        return;
    }
    memcpy(p + old, sep, sl);
    memcpy(p + old + sl, s, n + 1);
    *dst = p;
}

static char *plain(struct flow *f, cmark_node *node)
{
    char *s = markdown_plain_text(node);
    if (!s)
        f->failed = 1;
    return s;
}

static int line_of(cmark_node *node)
{
    return cmark_node_get_start_line(node);
}

__attribute__((format(printf, 4, 5))) static void problem(struct flow *f, int line, int is_error,
                                                          const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (flow_diags_add(&f->problems, NULL, line, is_error, "%s", buf) < 0)
        f->failed = 1;
}

static int is_bullet_list(cmark_node *n);
static void ignored(struct flow *f, cmark_node *b);

/* ---- headings ---- */

/* A question-builder topic "## Title {#id ask}": the list under it. */
static enum section start_topic(struct flow *f, const char *id, size_t id_len, const char *title,
                                size_t title_len, int line)
{
    if (grow((void **)&f->topics, f->n_topics, sizeof *f->topics) < 0) {
        f->failed = 1;
        return SEC_SKIP;
    }
    struct flow_topic *t = &f->topics[f->n_topics++];
    memset(t, 0, sizeof *t);
    t->id = dup_range(f, id, id_len);
    t->title = dup_range(f, title, title_len);
    t->line = line;
    if (!title_len)
        problem(f, line, 1, _("topic \"%.*s\" has no words before its id"), (int)id_len, id);
    return SEC_TOPIC;
}

/* The items of the bullet lists among blocks, into *items. */
static void read_list(struct flow *f, cmark_node **blocks, size_t n, char ***items, size_t *count)
{
    for (size_t i = 0; i < n; i++) {
        if (!is_bullet_list(blocks[i])) {
            ignored(f, blocks[i]);
            continue;
        }
        for (cmark_node *it = cmark_node_first_child(blocks[i]); it; it = cmark_node_next(it)) {
            if (grow((void **)items, *count, sizeof **items) < 0) {
                f->failed = 1;
                return;
            }
            char *t = plain(f, it);
            if (t)
                (*items)[(*count)++] = t;
        }
    }
}

/* Split "Title {#id multiple}" into the question it starts. Returns the
 * section kind that follows. */
static enum section start_heading(struct flow *f, cmark_node *h)
{
    int line = line_of(h);
    char *text = plain(f, h);
    if (!text)
        return SEC_SKIP;
    size_t n = trimmed_len(text);
    char *open = NULL;
    if (n && text[n - 1] == '}')
        open = strrchr(text, '{');
    if (!open || open[1] != '#') {
        problem(
            f, line, 1,
            _("level-2 heading \"%s\" has no id; end it with an id in braces, like {#my-question}"),
            text);
        free(text);
        return SEC_SKIP;
    }
    text[n - 1] = '\0';
    const char *p = open + 2;
    size_t id_len = strcspn(p, " \t");
    int multiple = 0, topic = 0;
    for (const char *w = skip_space(p + id_len); *w; w = skip_space(w)) {
        size_t wl = strcspn(w, " \t");
        if (wl == 8 && strncmp(w, "multiple", 8) == 0)
            multiple = 1;
        else if (wl == 3 && strncmp(w, "ask", 3) == 0)
            topic = 1;
        else
            problem(f, line, 1,
                    _("unknown word \"%.*s\" in {%s}; only \"multiple\" or \"ask\" may follow "
                      "the id"),
                    (int)wl, w, open + 1);
        w += wl;
    }
    size_t title_len = (size_t)(open - text);
    while (title_len && (text[title_len - 1] == ' ' || text[title_len - 1] == '\t'))
        title_len--;
    enum section sec = SEC_QUESTION;
    if (id_len == strlen(GENERAL_ID) && strncmp(p, GENERAL_ID, id_len) == 0) {
        sec = SEC_GENERAL;
    } else if (topic) {
        sec = start_topic(f, p, id_len, text, title_len, line);
        if (multiple)
            problem(f, line, 1, _("\"multiple\" and \"ask\" cannot both follow the id \"%.*s\""),
                    (int)id_len, p);
    } else if (f->n_questions >= FLOW_MAX_QUESTIONS) {
        if (!f->too_many)
            problem(f, line, 1,
                    _("more than %d questions; the most allowed is %d, and the questions from "
                      "here on are not read"),
                    FLOW_MAX_QUESTIONS, FLOW_MAX_QUESTIONS);
        f->too_many = 1;
        sec = SEC_SKIP;
    } else if (grow((void **)&f->questions, f->n_questions, sizeof *f->questions) < 0) {
        f->failed = 1;
        sec = SEC_SKIP;
    } else {
        struct flow_question *q = &f->questions[f->n_questions++];
        memset(q, 0, sizeof *q);
        q->id = dup_range(f, p, id_len);
        q->title = dup_range(f, text, title_len);
        q->multiple = multiple;
        q->line = line;
        if (!title_len)
            problem(f, line, 1, _("question \"%.*s\" has no words before its id"), (int)id_len, p);
    }
    free(text);
    return sec;
}

/* ---- answers ---- */

static unsigned flag_bit(const char *w, size_t n)
{
    static const struct {
        const char *word;
        unsigned bit;
    } flags[] = {{"urgent", FLOW_URGENT}, {"priority", FLOW_PRIORITY}, {"only", FLOW_ONLY}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strlen(flags[i].word) == n && strncmp(flags[i].word, w, n) == 0)
            return flags[i].bit;
    return 0;
}

/* A page name as {urgent=...} gives it: lowercase letters, digits and
 * hyphens, without ".md". */
static int urgent_page_ok(const char *s, size_t n)
{
    if (n == 0 || n > FLOW_MAX_PAGE_NAME)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

/* "urgent=urgent-now": the flag with the page it opens, into a->urgent_page. */
static void parse_urgent_page(struct flow *f, const char *w, size_t wl, struct flow_answer *a)
{
    const char *page = w + strlen("urgent=");
    size_t n = wl - strlen("urgent=");
    if (!urgent_page_ok(page, n)) {
        problem(f, a->line, 1,
                _("answer \"%s\": \"%.*s\" is not a page name; write {urgent=urgent-now}: the "
                  "name of a page in this folder without .md (small letters, digits, hyphens)"),
                a->label, (int)wl, w);
        return;
    }
    free(a->urgent_page);
    a->urgent_page = dup_range(f, page, n);
}

/* Read "{urgent=urgent-now} {priority only}" after an answer's link. */
static unsigned parse_flags(struct flow *f, const char *s, struct flow_answer *a)
{
    unsigned flags = 0;
    for (s = skip_space(s); *s; s = skip_space(s)) {
        const char *close = *s == '{' ? strchr(s, '}') : NULL;
        if (!close) {
            problem(f, a->line, 1,
                    _("answer \"%s\": unexpected text \"%.*s\" after the link; only flags in "
                      "braces, like {priority}, may follow it"),
                    a->label, (int)trimmed_len(s), s);
            break;
        }
        for (const char *w = skip_space(s + 1); w < close; w = skip_space(w)) {
            size_t wl = strcspn(w, " \t}");
            unsigned bit = flag_bit(w, wl);
            if (wl > strlen("urgent=") && strncmp(w, "urgent=", strlen("urgent=")) == 0) {
                bit = FLOW_URGENT;
                parse_urgent_page(f, w, wl, a);
            } else if (bit == FLOW_URGENT) {
                problem(
                    f, a->line, 1,
                    _("answer \"%s\": {urgent} must name the page it opens: write "
                      "{urgent=urgent-self-harm} (thoughts of self-harm) or {urgent=urgent-now} "
                      "(other emergencies), a page of this folder without .md"),
                    a->label);
            } else if (!bit) {
                problem(f, a->line, 1,
                        _("answer \"%s\": unknown flag \"%.*s\" (known flags: urgent=PAGE, "
                          "priority, only)"),
                        a->label, (int)wl, w);
            }
            flags |= bit;
            w += wl;
        }
        s = close + 1;
    }
    return flags;
}

/* The first paragraph of an answer item: [label](#target) {flags}. */
static void parse_answer_line(struct flow *f, cmark_node *para, struct flow_answer *a)
{
    cmark_node *link = cmark_node_first_child(para);
    if (!link || cmark_node_get_type(link) != CMARK_NODE_LINK) {
        a->label = plain(f, para);
        if (!a->label)
            return;
        for (cmark_node *c = link; c; c = cmark_node_next(c))
            if (cmark_node_get_type(c) == CMARK_NODE_LINK) {
                problem(f, a->line, 1, _("answer \"%s\": put the link first, like [Yes](#next-id)"),
                        a->label);
                return;
            }
        problem(f, a->line, 1, _("answer \"%s\" has no link; write it as [%s](#next-id)"), a->label,
                a->label);
        return;
    }
    a->label = plain(f, link);
    if (!a->label)
        return;
    if (!*a->label)
        problem(f, a->line, 1, _("an answer has no words; put them between [ and ]"));
    const char *url = cmark_node_get_url(link);
    if (url && url[0] == '#' && url[1])
        a->target_id = dup_str(f, url + 1);
    else
        problem(f, a->line, 1,
                _("answer \"%s\" links to \"%s\"; link to a question id, like (#next-id), or to "
                  "(#end)"),
                a->label, url ? url : "");
    char *rest = NULL;
    for (cmark_node *c = cmark_node_next(link); c; c = cmark_node_next(c)) {
        char *t = cmark_node_get_type(c) == CMARK_NODE_TEXT ? NULL : plain(f, c);
        join(f, &rest, "", t ? t : cmark_node_get_literal(c));
        free(t);
    }
    if (rest)
        a->flags = parse_flags(f, rest, a);
    free(rest);
}

static void parse_answers(struct flow *f, struct flow_question *q, cmark_node *list)
{
    size_t listed = 0;
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item))
        listed++;
    if (listed > FLOW_MAX_ANSWERS)
        problem(f, q->line, 1, _("question \"%s\" has %zu answers; the most allowed is %d"), q->id,
                listed, FLOW_MAX_ANSWERS);
    cmark_node *item = cmark_node_first_child(list);
    for (; item && q->n_answers < FLOW_MAX_ANSWERS; item = cmark_node_next(item)) {
        if (grow((void **)&q->answers, q->n_answers, sizeof *q->answers) < 0) {
            f->failed = 1;
            return;
        }
        struct flow_answer *a = &q->answers[q->n_answers++];
        memset(a, 0, sizeof *a);
        a->line = line_of(item);
        a->target = FLOW_NO_TARGET;
        cmark_node *c = cmark_node_first_child(item);
        if (c && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
            parse_answer_line(f, c, a);
            c = cmark_node_next(c);
        } else {
            a->label = dup_str(f, "");
            problem(f, a->line, 1, _("an answer has no words; put them between [ and ]"));
        }
        for (; c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) != CMARK_NODE_BLOCK_QUOTE) {
                problem(f, line_of(c), 0,
                        _("answer \"%s\": only a note in a > quote may follow the answer; this is "
                          "ignored"),
                        a->label ? a->label : "");
                continue;
            }
            for (cmark_node *p = cmark_node_first_child(c); p; p = cmark_node_next(p)) {
                char *t = plain(f, p);
                join(f, &a->note, " ", t);
                free(t);
            }
        }
        if (a->flags & FLOW_ONLY && !q->multiple)
            problem(
                f, a->line, 0,
                _("answer \"%s\": {only} does nothing in a question that is not multiple-choice"),
                a->label ? a->label : "");
    }
}

/* ---- sections ---- */

static int is_bullet_list(cmark_node *n)
{
    return cmark_node_get_type(n) == CMARK_NODE_LIST &&
           cmark_node_get_list_type(n) == CMARK_BULLET_LIST;
}

/* Plain text of a help or intro block: paragraphs as they are, list items
 * one per line after "- ". Other blocks give NULL. */
static char *block_text(struct flow *f, cmark_node *b)
{
    if (cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH)
        return plain(f, b);
    if (cmark_node_get_type(b) != CMARK_NODE_LIST)
        return NULL;
    char *out = NULL;
    for (cmark_node *item = cmark_node_first_child(b); item; item = cmark_node_next(item)) {
        char *t = plain(f, item);
        char *line = NULL;
        join(f, &line, "", "- ");
        join(f, &line, "", t);
        join(f, &out, "\n", line);
        free(line);
        free(t);
    }
    return out ? out : dup_str(f, "");
}

static void ignored(struct flow *f, cmark_node *b)
{
    cmark_node_type t = cmark_node_get_type(b);
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_THEMATIC_BREAK)
        return; /* comments and rules are for the author */
    problem(f, line_of(b), 0, _("this part is not read by the question flow and is ignored"));
}

static void finish_section(struct flow *f, enum section sec, cmark_node **blocks, size_t n)
{
    if (sec == SEC_SKIP)
        return;
    if (sec == SEC_GENERAL) {
        read_list(f, blocks, n, &f->general, &f->n_general);
        return;
    }
    if (sec == SEC_TOPIC) {
        struct flow_topic *t = &f->topics[f->n_topics - 1];
        read_list(f, blocks, n, &t->items, &t->n_items);
        if (!t->n_items && !f->failed)
            problem(f, t->line, 1,
                    _("topic \"%s\" has no questions; add a bullet list of questions a patient "
                      "may want to ask"),
                    t->id);
        return;
    }
    struct flow_question *q = sec == SEC_QUESTION ? &f->questions[f->n_questions - 1] : NULL;
    size_t answers = n;
    for (size_t i = n; q && i-- > 0;)
        if (is_bullet_list(blocks[i])) {
            answers = i;
            break;
        }
    for (size_t i = 0; i < n; i++) {
        if (i == answers) {
            parse_answers(f, q, blocks[i]);
            continue;
        }
        char *t = i < answers ? block_text(f, blocks[i]) : NULL;
        if (!t) {
            if (i > answers)
                problem(f, line_of(blocks[i]), 0,
                        _("text after the answers is ignored; put help text above the answers"));
            else
                ignored(f, blocks[i]);
            continue;
        }
        join(f, q ? &q->help : &f->intro, "\n\n", t);
        free(t);
    }
}

/* ---- parse ---- */

struct flow *flow_parse(const char *text, size_t len, const char *file, struct flow_diags *diags)
{
    struct flow *f = calloc(1, sizeof *f);
    cmark_node *doc = f ? markdown_parse(text, len) : NULL;
    cmark_node **blocks = NULL;
    size_t n = 0;
    enum section sec = SEC_INTRO;
    if (!doc)
        goto fail;
    for (cmark_node *b = cmark_node_first_child(doc); b && !f->failed; b = cmark_node_next(b)) {
        int level =
            cmark_node_get_type(b) == CMARK_NODE_HEADING ? cmark_node_get_heading_level(b) : 0;
        if (level == 1 && sec == SEC_INTRO && !f->title && n == 0) {
            f->title = plain(f, b);
            continue;
        }
        if (level == 2) {
            finish_section(f, sec, blocks, n);
            n = 0;
            sec = start_heading(f, b);
            continue;
        }
        if (grow((void **)&blocks, n, sizeof *blocks) < 0)
            goto fail;
        blocks[n++] = b;
    }
    finish_section(f, sec, blocks, n);
    free(blocks);
    blocks = NULL;
    if (!f->title)
        f->title = dup_str(f, "");
    if (!f->intro)
        f->intro = dup_str(f, "");
    for (size_t i = 0; i < f->n_questions; i++)
        if (!f->questions[i].help)
            f->questions[i].help = dup_str(f, "");
    if (f->failed)
        goto fail;
    flow_resolve_targets(f);
    if (flow_measure_paths(f) < 0)
        goto fail;
    cmark_node_free(doc);
    return f;
fail:
    free(blocks);
    if (doc)
        cmark_node_free(doc);
    flow_free(f);
    flow_diags_add(diags, file, 0, 1, _("out of memory while reading the question flow"));
    return NULL;
}

void flow_free(struct flow *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_questions; i++) {
        struct flow_question *q = &f->questions[i];
        for (size_t j = 0; j < q->n_answers; j++) {
            free(q->answers[j].label);
            free(q->answers[j].note);
            free(q->answers[j].target_id);
            free(q->answers[j].urgent_page);
        }
        free(q->answers);
        free(q->id);
        free(q->title);
        free(q->help);
    }
    for (size_t i = 0; i < f->n_general; i++)
        free(f->general[i]);
    free(f->general);
    for (size_t i = 0; i < f->n_topics; i++) {
        for (size_t j = 0; j < f->topics[i].n_items; j++)
            free(f->topics[i].items[j]);
        free(f->topics[i].items);
        free(f->topics[i].id);
        free(f->topics[i].title);
    }
    free(f->topics);
    free(f->questions);
    free(f->title);
    free(f->intro);
    flow_diags_free(&f->problems);
    free(f);
}
