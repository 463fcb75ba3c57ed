/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_internal.h: the representation of a flow, shared by flow.c (which
 * builds it from questions.md), flow_measure.c (which computes its graph
 * facts) and flow_query.c (which answers questions about it). Nothing outside
 * the flow_*.c files sees these structures. */
#ifndef KIOSK_FLOW_INTERNAL_H
#define KIOSK_FLOW_INTERNAL_H

#include "core/flow.h"

#include <stddef.h>

struct flow_answer {
    char *label, *note, *target_id;
    char *urgent_page; /* {urgent=NAME}: NAME, else NULL */
    int target, line;
    unsigned flags;
};

struct flow_question {
    char *id, *title, *help;
    int multiple, line, longest;
    size_t heaviest; /* bytes of the largest summary text from here to the end */
    struct flow_answer *answers;
    size_t n_answers;
};

/* A {#id ask} section: a topic of the question builder, the questions a
 * patient may tick before the summary (ask.h). */
struct flow_topic {
    char *id, *title;
    char **items;
    size_t n_items;
    int line;
};

struct flow {
    char *title, *intro;
    struct flow_question *questions;
    size_t n_questions;
    char **general;
    size_t n_general;
    struct flow_topic *topics;
    size_t n_topics;
    struct flow_diags problems;
    int failed;   /* out of memory while parsing */
    int too_many; /* more than FLOW_MAX_QUESTIONS: the rest were not read */
};

/* flow_measure.c: each answer's target (FLOW_END, FLOW_NO_TARGET or a
 * question's index) from its target_id. */
void flow_resolve_targets(struct flow *f);

/* flow_measure.c: each question's longest and heaviest (see the comment in
 * flow_measure.c). Returns 0, or -1 when out of memory. */
int flow_measure_paths(struct flow *f);

#endif
