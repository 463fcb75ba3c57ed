/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_measure.c: graph facts of a parsed flow computed once, after flow.c has
 * read questions.md: each answer's target question, and each question's
 * longest way to the end and the most summary text on any way there (what
 * flow_query.c answers from). Allocates only while measuring. */
#include "config.h"

#include "core/flow.h"
#include "core/flow_internal.h"

#include <stdlib.h>
#include <string.h>

void flow_resolve_targets(struct flow *f)
{
    for (size_t i = 0; i < f->n_questions; i++) {
        struct flow_question *q = &f->questions[i];
        for (size_t j = 0; j < q->n_answers; j++) {
            struct flow_answer *a = &q->answers[j];
            if (!a->target_id)
                a->target = FLOW_NO_TARGET;
            else if (strcmp(a->target_id, "end") == 0)
                a->target = FLOW_END;
            else if ((a->target = flow_find(f, a->target_id)) < 0)
                a->target = FLOW_NO_TARGET;
        }
    }
}

static size_t label_len(const struct flow_answer *a)
{
    return strlen(a->label ? a->label : "") + 2; /* and "; " or ", " */
}

/* Bytes answer a's note adds when labels (labels_len bytes) fill its
 * {answer} placeholders; an upper bound, since the key itself goes. */
static size_t note_weight(const struct flow_answer *a, size_t labels_len)
{
    static const char key[] = "{answer}";
    if (!a->note)
        return 0;
    size_t w = strlen(a->note);
    for (const char *p = strstr(a->note, key); p; p = strstr(p + 1, key))
        w += labels_len;
    return w;
}

/* The most summary text question q alone can add: its title, the chosen
 * labels and their notes. In multiple choice, every answer chosen: chosen
 * answers with the same note make one point, all their labels at {answer}. */
static size_t question_weight(const struct flow_question *fq)
{
    size_t best = 0, sum = 0;
    for (size_t j = 0; j < fq->n_answers; j++) {
        const struct flow_answer *a = &fq->answers[j];
        if (!fq->multiple) {
            size_t w = label_len(a) + note_weight(a, label_len(a));
            best = w > best ? w : best;
            continue;
        }
        int first = 1;
        size_t labels = 0;
        for (size_t k = 0; k < fq->n_answers; k++) {
            const struct flow_answer *b = &fq->answers[k];
            int same = a->note && b->note && strcmp(a->note, b->note) == 0;
            first &= !(same && k < j);
            labels += same ? label_len(b) : 0;
        }
        sum += label_len(a) + (a->note ? strlen(a->note) : 0);
        if (first)
            sum += note_weight(a, labels) - (a->note ? strlen(a->note) : 0);
    }
    return strlen(fq->title ? fq->title : "") + (fq->multiple ? sum : best);
}

/* longest and heaviest of every question: the questions on the longest way
 * to the end, and the most summary text on any way there. A depth-first
 * walk with its own stack (a flow may be long); a question already on the
 * stack (a loop, reported by flow_validate()) counts as 0. Returns 0, or -1
 * when out of memory. */
int flow_measure_paths(struct flow *f)
{
    struct frame {
        int q, best_len;
        size_t a, best_weight;
    };
    size_t n = f->n_questions;
    unsigned char *state = calloc(n + 1, 1); /* 0 new, 1 on the stack, 2 done */
    struct frame *stack = calloc(n + 1, sizeof *stack);
    if (!state || !stack) {
        free(state);
        free(stack);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (state[i])
            continue;
        size_t depth = 0;
        stack[depth++] = (struct frame){.q = (int)i};
        state[i] = 1;
        while (depth) {
            struct frame *fr = &stack[depth - 1];
            struct flow_question *fq = &f->questions[fr->q];
            if (fr->a < fq->n_answers) {
                int t = fq->answers[fr->a++].target;
                if (t < 0 || state[t] == 1)
                    continue;
                if (state[t] == 2) {
                    if (f->questions[t].longest > fr->best_len)
                        fr->best_len = f->questions[t].longest;
                    if (f->questions[t].heaviest > fr->best_weight)
                        fr->best_weight = f->questions[t].heaviest;
                    continue;
                }
                state[t] = 1;
                stack[depth++] = (struct frame){.q = t};
                continue;
            }
            fq->longest = fr->best_len + 1;
            fq->heaviest = fr->best_weight + question_weight(fq);
            state[fr->q] = 2;
            if (--depth) {
                struct frame *up = &stack[depth - 1];
                if (fq->longest > up->best_len)
                    up->best_len = fq->longest;
                if (fq->heaviest > up->best_weight)
                    up->best_weight = fq->heaviest;
            }
        }
    }
    free(state);
    free(stack);
    return 0;
}
