/* SPDX-License-Identifier: GPL-3.0-or-later */
/* teachback.c: the "Did we explain this clearly?" section of a page
 * (teachback.h): found by its {#check} heading, checked, blanked. */
#include "config.h"

#include "core/teachback.h"
#include "core/buf.h"
#include "core/markdown.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void tell(teachback_diag diag, void *ctx, int *bad, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void tell(teachback_diag diag, void *ctx, int *bad, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    *bad = 1;
    if (diag)
        diag(ctx, line, msg);
}

/* Split "Words {#id}" (plain text, trailing spaces allowed): the words
 * (malloc'd) and the id. 1 when there is an id, 0 when not, -1 out of memory. */
static int split_id(const char *plain, char **words, char *id, size_t id_size)
{
    size_t n = strlen(plain);
    while (n && plain[n - 1] == ' ')
        n--;
    const char *open = NULL;
    if (n && plain[n - 1] == '}')
        for (size_t i = n - 1; i-- > 0;)
            if (plain[i] == '{' && plain[i + 1] == '#') {
                open = plain + i;
                break;
            }
    size_t wn = open ? (size_t)(open - plain) : n;
    while (wn && plain[wn - 1] == ' ')
        wn--;
    if (!(*words = strndup(plain, wn)))
        return -1;
    id[0] = '\0';
    if (!open)
        return 0;
    size_t idn = (size_t)(plain + n - 1 - (open + 2));
    snprintf(id, id_size, "%.*s", (int)(idn < id_size ? idn : id_size - 1), open + 2);
    return 1;
}

/* The {#check} heading: a level-2 heading whose id is "check". */
static int is_check_heading(cmark_node *n)
{
    if (cmark_node_get_type(n) != CMARK_NODE_HEADING || cmark_node_get_heading_level(n) != 2)
        return 0;
    char *plain = markdown_plain_text(n), *words = NULL, id[TEACHBACK_ID_BYTES];
    int yes = plain && split_id(plain, &words, id, sizeof id) == 1 && strcmp(id, "check") == 0;
    free(plain);
    free(words);
    return yes;
}

static cmark_node *find_check(cmark_node *doc)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
        if (is_check_heading(n))
            return n;
    return NULL;
}

/* Where the section ends: the next heading of level 1 or 2, or NULL. */
static cmark_node *section_end(cmark_node *head)
{
    for (cmark_node *n = cmark_node_next(head); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) <= 2)
            return n;
    return NULL;
}

static int id_ok(const char *id)
{
    if (!*id)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

/* The answers of question q from a list node. */
static void parse_answers(struct teachback_question *q, cmark_node *list, teachback_diag diag,
                          void *ctx, int *bad, int *oom)
{
    int clear = 0, again = 0;
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        int line = cmark_node_get_start_line(item);
        cmark_node *para = cmark_node_first_child(item);
        cmark_node *link = para ? cmark_node_first_child(para) : NULL;
        if (!para || cmark_node_next(para) || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
            !link || cmark_node_get_type(link) != CMARK_NODE_LINK || cmark_node_next(link)) {
            tell(diag, ctx, bad, line,
                 "an answer of the check question \"%s\" is not one link; write it as "
                 "\"- [words](#clear)\" or \"- [words](#again)\"",
                 q->id);
            continue;
        }
        const char *url = cmark_node_get_url(link);
        int is_clear = url && strcmp(url, "#clear") == 0;
        if (!is_clear && !(url && strcmp(url, "#again") == 0)) {
            tell(diag, ctx, bad, line,
                 "the answer links to \"%s\"; a check answer links to #clear (it shows the page "
                 "was understood) or #again (the care team explains it again)",
                 url ? url : "");
            continue;
        }
        if (q->answer_count == TEACHBACK_MAX_ANSWERS) {
            tell(diag, ctx, bad, line, "the check question \"%s\" has more than %d answers", q->id,
                 TEACHBACK_MAX_ANSWERS);
            break;
        }
        struct teachback_answer *a = &q->answers[q->answer_count++];
        a->clear = is_clear;
        if (!(a->label = markdown_plain_text(link)))
            *oom = 1;
        else if (!a->label[0])
            tell(diag, ctx, bad, line, "an answer of the check question \"%s\" has no words",
                 q->id);
        clear += is_clear;
        again += !is_clear;
    }
    if (q->answer_count && (!clear || !again))
        tell(diag, ctx, bad, q->line,
             "the check question \"%s\" needs at least one #clear answer and one #again answer "
             "(for example \"I am not sure\")",
             q->id);
}

struct teachback *teachback_parse(const char *text, size_t len, teachback_diag diag, void *ctx,
                                  int *found)
{
    *found = 0;
    cmark_node *doc = markdown_parse(text, len);
    if (!doc)
        return NULL;
    cmark_node *head = find_check(doc);
    if (!head) {
        cmark_node_free(doc);
        return NULL;
    }
    *found = 1;
    int bad = 0, oom = 0;
    struct teachback *t = calloc(1, sizeof *t);
    char id[TEACHBACK_ID_BYTES];
    char *plain = markdown_plain_text(head);
    if (!t || !plain || split_id(plain, &t->title, id, sizeof id) < 0)
        oom = 1;
    free(plain);
    if (t)
        t->line = cmark_node_get_start_line(head);
    struct buf intro = {0};
    cmark_node *end = section_end(head);
    struct teachback_question *q = NULL;
    int quotes = 0, lists = 0, too_many = 0;
    for (cmark_node *n = cmark_node_next(head); t && !oom && n && n != end;
         n = cmark_node_next(n)) {
        int line = cmark_node_get_start_line(n);
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HEADING) {
            if (q && (!quotes || !lists))
                tell(diag, ctx, &bad, q->line,
                     "the check question \"%s\" needs a block quote (\"> what to explain "
                     "again\") and a list of answers",
                     q->id);
            if (cmark_node_get_heading_level(n) != 3) {
                tell(diag, ctx, &bad, line, "a check question is a level-3 heading: \"### ...\"");
                q = NULL;
                continue;
            }
            if (t->count == TEACHBACK_MAX_QUESTIONS) {
                if (!too_many)
                    tell(diag, ctx, &bad, line,
                         "the check has more than %d questions; keep it short: two or three",
                         TEACHBACK_MAX_QUESTIONS);
                too_many = 1;
                q = NULL;
                continue;
            }
            q = &t->q[t->count++];
            q->line = line;
            quotes = lists = 0;
            char *hp = markdown_plain_text(n);
            int has = hp ? split_id(hp, &q->title, q->id, sizeof q->id) : -1;
            free(hp);
            if (has < 0) {
                oom = 1;
            } else if (!has || !id_ok(q->id)) {
                tell(diag, ctx, &bad, line,
                     "the check question needs an id of small letters, digits and hyphens at "
                     "the end of its heading, for example \"### What does hold mean? {#hold}\"");
            } else {
                for (int i = 0; i < t->count - 1; i++)
                    if (strcmp(t->q[i].id, q->id) == 0)
                        tell(diag, ctx, &bad, line,
                             "the check question id \"%s\" is used twice (line %d first)", q->id,
                             t->q[i].line);
            }
            continue;
        }
        if (!q) {
            if (type == CMARK_NODE_PARAGRAPH && t->count == 0) {
                char *p = markdown_plain_text(n);
                if (!p) {
                    oom = 1;
                    break;
                }
                buf_printf(&intro, "%s%s", intro.len ? " " : "", p);
                free(p);
            } else if (!too_many) {
                tell(diag, ctx, &bad, line,
                     "only words may come before the first check question (\"### ...\")");
            }
            continue;
        }
        if (type == CMARK_NODE_BLOCK_QUOTE && !quotes && !lists) {
            quotes = 1;
            if (!(q->again = markdown_plain_text(n)))
                oom = 1;
            else if (!q->again[0])
                tell(diag, ctx, &bad, line, "the block quote of \"%s\" is empty", q->id);
        } else if (type == CMARK_NODE_LIST && quotes && !lists) {
            lists = 1;
            parse_answers(q, n, diag, ctx, &bad, &oom);
        } else {
            tell(diag, ctx, &bad, line,
                 "the check question \"%s\" holds a block quote (what to explain again), then "
                 "one list of answers, and nothing else",
                 q->id);
        }
    }
    if (t && !oom && q && (!quotes || !lists))
        tell(diag, ctx, &bad, q->line,
             "the check question \"%s\" needs a block quote (\"> what to explain again\") and a "
             "list of answers",
             q->id);
    if (t && !oom && t->count < TEACHBACK_MIN_QUESTIONS)
        tell(diag, ctx, &bad, t->line, "the check has %d question%s; give it two or three",
             t->count, t->count == 1 ? "" : "s");
    if (t && !oom && !(t->intro = buf_take(&intro)))
        oom = 1;
    buf_wipe(&intro);
    cmark_node_free(doc);
    if (bad || oom) {
        teachback_free(t);
        return NULL;
    }
    return t;
}

void teachback_free(struct teachback *t)
{
    if (!t)
        return;
    free(t->title);
    free(t->intro);
    for (int i = 0; i < t->count; i++) {
        free(t->q[i].title);
        free(t->q[i].again);
        for (int a = 0; a < t->q[i].answer_count; a++)
            free(t->q[i].answers[a].label);
    }
    free(t);
}

void teachback_blank(char *text, size_t len)
{
    cmark_node *doc = markdown_parse(text, len);
    cmark_node *head = doc ? find_check(doc) : NULL;
    if (!head) {
        cmark_node_free(doc);
        return;
    }
    cmark_node *end = section_end(head);
    int first = cmark_node_get_start_line(head);
    int last = end ? cmark_node_get_start_line(end) - 1 : 0; /* 0: to the end */
    cmark_node_free(doc);
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            line++;
        else if (line >= first && (!last || line <= last))
            text[i] = ' ';
    }
}

int teachback_find(const struct teachback *t, const char *id)
{
    for (int i = 0; t && i < t->count; i++)
        if (strcmp(t->q[i].id, id) == 0)
            return i;
    return -1;
}
