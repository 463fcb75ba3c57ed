/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_query.c: what a parsed flow holds: its title and intro, each
 * question and answer, and the general questions. Indexes out of range
 * return NULL, 0 or -1 as flow.h says. */
#include "config.h"

#include "core/flow.h"
#include "core/flow_internal.h"

#include <stddef.h>
#include <string.h>

static const struct flow_question *question(const struct flow *f, int q)
{
    return f && q >= 0 && (size_t)q < f->n_questions ? &f->questions[q] : NULL;
}

static const struct flow_answer *answer(const struct flow *f, int q, int a)
{
    const struct flow_question *fq = question(f, q);
    return fq && a >= 0 && (size_t)a < fq->n_answers ? &fq->answers[a] : NULL;
}

size_t flow_problem_count(const struct flow *f)
{
    return f->problems.n;
}

const struct flow_diag *flow_problem(const struct flow *f, size_t i)
{
    return i < f->problems.n ? &f->problems.items[i] : NULL;
}

const char *flow_title(const struct flow *f)
{
    return f->title;
}

const char *flow_intro(const struct flow *f)
{
    return f->intro;
}

size_t flow_question_count(const struct flow *f)
{
    return f ? f->n_questions : 0;
}

int flow_find(const struct flow *f, const char *id)
{
    for (size_t i = 0; i < f->n_questions; i++)
        if (strcmp(f->questions[i].id, id) == 0)
            return (int)i;
    return -1;
}

const char *flow_question_id(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->id : NULL;
}

const char *flow_question_title(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->title : NULL;
}

const char *flow_question_help(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->help : NULL;
}

int flow_question_is_multiple(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->multiple : 0;
}

int flow_question_line(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->line : -1;
}

size_t flow_answer_count(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->n_answers : 0;
}

int flow_longest_from(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->longest : 0;
}

size_t flow_heaviest_from(const struct flow *f, int q)
{
    return question(f, q) ? question(f, q)->heaviest : 0;
}

const char *flow_answer_label(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->label : NULL;
}

int flow_answer_target(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->target : FLOW_NO_TARGET;
}

const char *flow_answer_target_id(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->target_id : NULL;
}

unsigned flow_answer_flags(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->flags : 0;
}

const char *flow_answer_urgent_page(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->urgent_page : NULL;
}

const char *flow_answer_note(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->note : NULL;
}

int flow_answer_line(const struct flow *f, int q, int a)
{
    return answer(f, q, a) ? answer(f, q, a)->line : -1;
}

size_t flow_general_count(const struct flow *f)
{
    return f->n_general;
}

const char *flow_general_question(const struct flow *f, size_t i)
{
    return i < f->n_general ? f->general[i] : NULL;
}

const char *flow_chosen_urgent_page(const struct flow *f, int q, uint32_t chosen)
{
    for (int a = 0; a < (int)flow_answer_count(f, q) && a < FLOW_MAX_ANSWERS; a++)
        if ((chosen >> a) & 1 && flow_answer_flags(f, q, a) & FLOW_URGENT) {
            const char *page = flow_answer_urgent_page(f, q, a);
            return page ? page : "";
        }
    return NULL;
}

size_t flow_topic_count(const struct flow *f)
{
    return f->n_topics;
}

const char *flow_topic_id(const struct flow *f, size_t t)
{
    return t < f->n_topics ? f->topics[t].id : NULL;
}

const char *flow_topic_title(const struct flow *f, size_t t)
{
    return t < f->n_topics ? f->topics[t].title : NULL;
}

int flow_topic_line(const struct flow *f, size_t t)
{
    return t < f->n_topics ? f->topics[t].line : -1;
}

size_t flow_topic_item_count(const struct flow *f, size_t t)
{
    return t < f->n_topics ? f->topics[t].n_items : 0;
}

const char *flow_topic_item(const struct flow *f, size_t t, size_t i)
{
    return t < f->n_topics && i < f->topics[t].n_items ? f->topics[t].items[i] : NULL;
}
