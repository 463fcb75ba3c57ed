/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_check.c: everything that judges a flow for content authors: the
 * messages of flow_validate and flow_compare, and the list they are kept in
 * (flow_diags). The --summary answer spec is read in flow_answers.c. Uses only
 * the public API in flow.h. */
#include "config.h"

#include "core/flow.h"
#include "core/diag.h"
#include "core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int flow_diags_add(struct flow_diags *diags, const char *file, int line, int is_error,
                   const char *fmt, ...)
{
    if (diags->n == diags->cap) {
        size_t cap = diags->cap ? diags->cap * 2 : 8;
        struct flow_diag *items = realloc(diags->items, cap * sizeof *items);
        if (!items)
            return -1;
        diags->items = items;
        diags->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    struct flow_diag *d = &diags->items[diags->n];
    d->message = malloc((size_t)n + 1);
    d->file = file ? strdup(file) : NULL;
    if (!d->message || (file && !d->file)) {
        free(d->message);
        free(d->file);
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(d->message, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->line = line;
    d->is_error = is_error;
    diags->n++;
    return 0;
}

void flow_diags_free(struct flow_diags *diags)
{
    for (size_t i = 0; i < diags->n; i++) {
        free(diags->items[i].file);
        free(diags->items[i].message);
    }
    free(diags->items);
    memset(diags, 0, sizeof *diags);
}

char *flow_diag_format(const struct flow_diag *d)
{
    return diag_asprintf(d->file, d->line, d->is_error, "%s", d->message);
}

/* ---- validation ---- */

struct check {
    const struct flow *f;
    const char *file;
    struct flow_diags *diags;
    int errors;
    size_t n;
    unsigned char *id_bad; /* id already reported: no "unreachable" on top */
    unsigned char *stuck;  /* no path from here reaches the end */
    unsigned char *color;  /* loop search: 0 new, 1 on the stack, 2 done */
    int *stack, *next;     /* loop search: the questions on the way, each one's next answer */
    size_t depth;
};

__attribute__((format(printf, 4, 5))) static void report(struct check *c, int line, int is_error,
                                                         const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    flow_diags_add(c->diags, c->file, line, is_error, "%s", buf);
    c->errors += is_error;
}

static const char *qid(const struct check *c, int q)
{
    return flow_question_id(c->f, q);
}

static int valid_id(const char *id)
{
    if (!*id)
        return 0;
    for (; *id; id++)
        if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9') || *id == '-'))
            return 0;
    return 1;
}

static void check_ids(struct check *c)
{
    for (int q = 0; (size_t)q < c->n; q++) {
        const char *id = qid(c, q);
        int line = flow_question_line(c->f, q);
        c->id_bad[q] = 1;
        if (!valid_id(id)) {
            report(c, line, 1,
                   _("bad id \"%s\": use only lowercase letters (a-z), digits and hyphens"), id);
        } else if (strcmp(id, "end") == 0) {
            report(
                c, line, 1,
                _("the id \"end\" is reserved: it means \"go to the summary\"; choose another id"));
        } else if (flow_find(c->f, id) != q) {
            report(c, line, 1, _("duplicate id \"%s\" (also used at line %d)"), id,
                   flow_question_line(c->f, flow_find(c->f, id)));
        } else {
            c->id_bad[q] = 0;
        }
    }
}

static void check_answers(struct check *c, int q)
{
    const struct flow *f = c->f;
    size_t n = flow_answer_count(f, q);
    if (n == 0)
        report(c, flow_question_line(f, q), 1,
               _("question \"%s\" has no answers; add a bullet list of answers like - "
                 "[Yes](#next-id)"),
               qid(c, q));
    int first = -1;
    for (int a = 0; (size_t)a < n; a++) {
        const char *to = flow_answer_target_id(f, q, a);
        if (!to)
            continue; /* no #link: flow_parse() said so */
        if (flow_answer_target(f, q, a) == FLOW_NO_TARGET)
            report(c, flow_answer_line(f, q, a), 1,
                   _("answer \"%s\" goes to \"#%s\", but no question has that id"),
                   flow_answer_label(f, q, a), to);
        if (!flow_question_is_multiple(f, q))
            continue;
        if (first < 0)
            first = a;
        else if (strcmp(to, flow_answer_target_id(f, q, first)) != 0)
            report(c, flow_answer_line(f, q, a), 1,
                   _("multiple-choice question \"%s\": answer \"%s\" goes to \"#%s\" but answer "
                     "\"%s\" goes to \"#%s\"; all its answers must go to the same place"),
                   qid(c, q), flow_answer_label(f, q, a), to, flow_answer_label(f, q, first),
                   flow_answer_target_id(f, q, first));
    }
}

static void check_reachable(struct check *c)
{
    unsigned char *seen = calloc(c->n + 1, 1);
    int *queue = calloc(c->n + 1, sizeof *queue);
    if (!seen || !queue)
        goto out;
    size_t head = 0, tail = 0;
    seen[0] = 1;
    queue[tail++] = 0;
    while (head < tail) {
        int q = queue[head++];
        for (int a = 0; (size_t)a < flow_answer_count(c->f, q); a++) {
            int t = flow_answer_target(c->f, q, a);
            if (t >= 0 && !seen[t]) {
                seen[t] = 1;
                queue[tail++] = t;
            }
        }
    }
    for (int q = 0; (size_t)q < c->n; q++)
        if (!seen[q] && !c->id_bad[q])
            report(c, flow_question_line(c->f, q), 1,
                   _("question \"%s\" cannot be reached from the first question (\"%s\")"),
                   qid(c, q), qid(c, 0));
out:
    free(seen);
    free(queue);
}

/* stuck[q]: no path from q reaches the end. Answers without a valid target
 * and questions without answers count as ways out: they are reported on
 * their own, so only closed loops are left stuck. */
static void find_stuck(struct check *c)
{
    memset(c->stuck, 1, c->n);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int q = 0; (size_t)q < c->n; q++) {
            size_t n = flow_answer_count(c->f, q);
            int out = c->stuck[q] && n == 0;
            for (int a = 0; c->stuck[q] && (size_t)a < n; a++) {
                int t = flow_answer_target(c->f, q, a);
                out |= t < 0 || !c->stuck[t];
            }
            if (out) {
                c->stuck[q] = 0;
                changed = 1;
            }
        }
    }
}

static void append(char *buf, size_t size, const char *s)
{
    size_t used = strlen(buf);
    if (used < size)
        snprintf(buf + used, size - used, "%s", s);
}

/* "a -> b -> a" for the loop made of qs[from..n) and back to qs[from]. */
static void loop_text(const struct check *c, const int *qs, size_t from, size_t n, char *buf,
                      size_t size)
{
    buf[0] = '\0';
    for (size_t i = from; i < n; i++) {
        append(buf, size, qid(c, qs[i]));
        append(buf, size, " -> ");
    }
    append(buf, size, qid(c, qs[from]));
}

/* Depth-first from start with an explicit stack (stack[] holds the
 * questions on the way, next[] the answer to try next at each): every
 * answer that goes back to a question on the way is a loop. */
static void find_loops(struct check *c, int start)
{
    const struct flow *f = c->f;
    c->color[start] = 1;
    c->stack[0] = start;
    c->next[0] = 0;
    c->depth = 1;
    while (c->depth) {
        int q = c->stack[c->depth - 1];
        int a = c->next[c->depth - 1]++;
        if ((size_t)a >= flow_answer_count(f, q)) {
            c->color[q] = 2;
            c->depth--;
            continue;
        }
        int t = flow_answer_target(f, q, a), dup = 0;
        if (t < 0)
            continue;
        if (c->color[t] == 0) {
            c->color[t] = 1;
            c->stack[c->depth] = t;
            c->next[c->depth++] = 0;
            continue;
        }
        for (int b = 0; b < a; b++)
            dup |= flow_answer_target(f, q, b) == t;
        if (c->color[t] != 1 || dup || c->stuck[q])
            continue; /* a closed loop is reported as "never reaches the end" */
        size_t from = 0;
        while (c->stack[from] != t)
            from++;
        char loop[512];
        loop_text(c, c->stack, from, c->depth, loop, sizeof loop);
        report(c, flow_answer_line(f, q, a), 1,
               _("answer \"%s\" goes back to question \"%s\", which makes a loop: %s"),
               flow_answer_label(f, q, a), qid(c, t), loop);
    }
}

/* The summary a patient could make must stay under FLOW_MAX_SUMMARY:
 * reported at the question that adds the most on the heaviest way. */
static void check_summary_size(struct check *c)
{
    size_t general = 0;
    for (size_t i = 0; i < flow_general_count(c->f); i++)
        general += strlen(flow_general_question(c->f, i)) + 2;
    size_t total = flow_heaviest_from(c->f, 0) + general;
    if (total <= FLOW_MAX_SUMMARY)
        return;
    /* Follow the heaviest way from the start; name its heaviest question. */
    unsigned char *seen = calloc(c->n, 1);
    int worst = 0;
    size_t worst_own = 0;
    for (int q = 0; seen && q >= 0 && !seen[q];) {
        seen[q] = 1;
        int next = -1;
        size_t after = 0;
        for (int a = 0; (size_t)a < flow_answer_count(c->f, q); a++) {
            int t = flow_answer_target(c->f, q, a);
            if (t >= 0 && !seen[t] && (next < 0 || flow_heaviest_from(c->f, t) > after)) {
                next = t;
                after = flow_heaviest_from(c->f, t);
            }
        }
        size_t own = flow_heaviest_from(c->f, q);
        own = own > after ? own - after : 0;
        if (own > worst_own) {
            worst = q;
            worst_own = own;
        }
        q = next;
    }
    free(seen);
    report(c, flow_question_line(c->f, worst), 1,
           _("the answers could make a summary of %zu KB; the most allowed is %d KB: shorten the "
             "notes and labels, or use {answer} less often"),
           (total + 1023) / 1024, FLOW_MAX_SUMMARY / 1024);
}

/* Report the questions where a patient walks into a closed loop: stuck ones
 * that are the start or have a way in from a question that is not stuck. */
static void check_stuck(struct check *c)
{
    int *walk = calloc(c->n + 1, sizeof *walk);
    if (!walk)
        return;
    for (int q = 0; (size_t)q < c->n; q++) {
        int entry = c->stuck[q] && q == 0;
        for (int p = 0; c->stuck[q] && !entry && (size_t)p < c->n; p++)
            for (int a = 0; !c->stuck[p] && (size_t)a < flow_answer_count(c->f, p); a++)
                entry |= flow_answer_target(c->f, p, a) == q;
        if (!entry)
            continue;
        size_t len = 0, from = 0;
        for (int cur = q;;) {
            for (from = 0; from < len && walk[from] != cur; from++)
                ;
            if (from < len)
                break;
            walk[len++] = cur;
            int next = cur;
            for (int a = (int)flow_answer_count(c->f, cur); a-- > 0;)
                if (flow_answer_target(c->f, cur, a) >= 0)
                    next = flow_answer_target(c->f, cur, a);
            cur = next;
        }
        char loop[512];
        loop_text(c, walk, from, len, loop, sizeof loop);
        report(c, flow_question_line(c->f, q), 1,
               _("question \"%s\" can never reach the end (#end): every answer leads into the loop "
                 "%s"),
               qid(c, q), loop);
    }
    free(walk);
}

static void sort_by_line(struct flow_diags *diags, size_t start)
{
    for (size_t i = start + 1; i < diags->n; i++) {
        struct flow_diag d = diags->items[i];
        size_t j = i;
        for (; j > start && diags->items[j - 1].line > d.line; j--)
            diags->items[j] = diags->items[j - 1];
        diags->items[j] = d;
    }
}

int flow_validate(const struct flow *f, const char *file, struct flow_diags *diags)
{
    struct check c = {.f = f, .file = file, .diags = diags, .n = flow_question_count(f)};
    size_t start = diags->n;
    for (size_t i = 0; i < flow_problem_count(f); i++) {
        const struct flow_diag *p = flow_problem(f, i);
        report(&c, p->line, p->is_error, "%s", p->message);
    }
    if (c.n == 0) {
        report(&c, 1, 1,
               _("no questions found; a question is a level-2 heading that ends with an id, like "
                 "## Are you safe right now? {#safety}"));
        return c.errors;
    }
    c.id_bad = calloc(c.n, 1);
    c.stuck = calloc(c.n, 1);
    c.color = calloc(c.n, 1);
    c.stack = calloc(c.n, sizeof *c.stack);
    c.next = calloc(c.n, sizeof *c.next);
    if (c.id_bad && c.stuck && c.color && c.stack && c.next) {
        check_ids(&c);
        for (int q = 0; (size_t)q < c.n; q++)
            check_answers(&c, q);
        check_reachable(&c);
        find_stuck(&c);
        for (int q = 0; (size_t)q < c.n; q++)
            if (!c.color[q])
                find_loops(&c, q);
        check_stuck(&c);
        check_summary_size(&c);
    } else {
        report(&c, 0, 1, _("out of memory while checking the question flow"));
    }
    free(c.id_bad);
    free(c.stuck);
    free(c.color);
    free(c.stack);
    free(c.next);
    sort_by_line(diags, start);
    return c.errors;
}

/* ---- language parity ---- */

/* "{urgent=urgent-now priority}" or "no flags". */
static void flags_text(unsigned flags, const char *page, char *buf, size_t size)
{
    static const char *const names[] = {"urgent", "priority", "only"};
    buf[0] = '\0';
    for (unsigned i = 0; i < 3; i++)
        if (flags & (1u << i)) {
            append(buf, size, buf[0] ? " " : "{");
            append(buf, size, names[i]);
            if (i == 0 && page) {
                append(buf, size, "=");
                append(buf, size, page);
            }
        }
    append(buf, size, buf[0] ? "}" : _("no flags"));
}

static int same_page(const char *a, const char *b)
{
    return !a || !b ? a == b : strcmp(a, b) == 0;
}

static void compare_answer(struct check *c, const struct flow *base, const char *base_file, int q,
                           int a)
{
    const struct flow *other = c->f;
    const char *id = qid(c, q), *tb = flow_answer_target_id(base, q, a),
               *to = flow_answer_target_id(other, q, a);
    int line = flow_answer_line(other, q, a), bline = flow_answer_line(base, q, a);
    if (!tb || !to ? tb != to : strcmp(tb, to) != 0)
        report(c, line, 1, _("answer %d of \"%s\" goes to \"#%s\" here but to \"#%s\" in %s:%d"),
               a + 1, id, to ? to : "", tb ? tb : "", base_file, bline);
    unsigned fb = flow_answer_flags(base, q, a), fo = flow_answer_flags(other, q, a);
    const char *pb = flow_answer_urgent_page(base, q, a),
               *po = flow_answer_urgent_page(other, q, a);
    if (fb != fo || !same_page(pb, po)) {
        char sb[64 + FLOW_MAX_PAGE_NAME], so[64 + FLOW_MAX_PAGE_NAME];
        flags_text(fb, pb, sb, sizeof sb);
        flags_text(fo, po, so, sizeof so);
        report(c, line, 1, _("answer %d of \"%s\" has %s here but %s in %s:%d"), a + 1, id, so, sb,
               base_file, bline);
    }
    int nb = flow_answer_note(base, q, a) != NULL, no = flow_answer_note(other, q, a) != NULL;
    if (nb && !no)
        report(c, line, 1, _("answer %d of \"%s\" has no note here but has one in %s:%d"), a + 1,
               id, base_file, bline);
    else if (no && !nb)
        report(c, line, 1, _("answer %d of \"%s\" has a note here but none in %s:%d"), a + 1, id,
               base_file, bline);
}

/* The question builder's topics: the same ids in the same order, with as
 * many questions each (the patient's ticks carry over a language switch). */
static void compare_topics(struct check *c, const struct flow *base, const char *base_file)
{
    const struct flow *other = c->f;
    size_t nb = flow_topic_count(base), no = flow_topic_count(other);
    for (size_t t = 0; t < nb || t < no; t++) {
        int line = t < no ? flow_topic_line(other, t) : no ? flow_topic_line(other, no - 1) : 1;
        int bline = flow_topic_line(base, t);
        if (t >= no)
            report(c, line, 1, _("topic \"%s\" (%s:%d) is missing here"), flow_topic_id(base, t),
                   base_file, bline);
        else if (t >= nb)
            report(c, line, 1, _("topic \"%s\" is not in %s"), flow_topic_id(other, t), base_file);
        else if (strcmp(flow_topic_id(base, t), flow_topic_id(other, t)) != 0)
            report(c, line, 1,
                   _("topic id \"%s\" should be \"%s\" to match %s:%d; every language has the "
                     "same topics in the same order"),
                   flow_topic_id(other, t), flow_topic_id(base, t), base_file, bline);
        else if (flow_topic_item_count(base, t) != flow_topic_item_count(other, t))
            report(c, line, 1, _("topic \"%s\" has %zu questions here but %zu in %s:%d"),
                   flow_topic_id(other, t), flow_topic_item_count(other, t),
                   flow_topic_item_count(base, t), base_file, bline);
    }
}

int flow_compare(const struct flow *base, const char *base_file, const struct flow *other,
                 const char *other_file, struct flow_diags *diags)
{
    struct check c = {.f = other, .file = other_file, .diags = diags};
    size_t nb = flow_question_count(base), no = flow_question_count(other);
    size_t start = diags->n;
    for (int q = 0; (size_t)q < nb && (size_t)q < no; q++) {
        const char *id = qid(&c, q);
        int line = flow_question_line(other, q), bline = flow_question_line(base, q);
        if (strcmp(id, flow_question_id(base, q)) != 0) {
            report(&c, line, 1,
                   _("question id \"%s\" should be \"%s\" to match %s:%d; every language has the "
                     "same ids in the same order"),
                   id, flow_question_id(base, q), base_file, bline);
            continue;
        }
        int mb = flow_question_is_multiple(base, q), mo = flow_question_is_multiple(other, q);
        if (mb != mo)
            report(&c, line, 1,
                   mo ? _("question \"%s\" is multiple-choice here but not in %s:%d")
                      : _("question \"%s\" is not multiple-choice here but is in %s:%d"),
                   id, base_file, bline);
        size_t ab = flow_answer_count(base, q), ao = flow_answer_count(other, q);
        if (ab != ao) {
            report(&c, line, 1, _("question \"%s\" has %zu answers here but %zu in %s:%d"), id, ao,
                   ab, base_file, bline);
            continue;
        }
        for (int a = 0; (size_t)a < ab; a++)
            compare_answer(&c, base, base_file, q, a);
    }
    for (size_t q = nb; q < no; q++)
        report(&c, flow_question_line(other, (int)q), 1, _("question \"%s\" is not in %s"),
               qid(&c, (int)q), base_file);
    int last = no ? flow_question_line(other, (int)no - 1) : 1;
    for (size_t q = no; q < nb; q++)
        report(&c, last, 1, _("question \"%s\" (%s:%d) is missing here"),
               flow_question_id(base, (int)q), base_file, flow_question_line(base, (int)q));
    compare_topics(&c, base, base_file);
    sort_by_line(diags, start);
    return c.errors;
}
