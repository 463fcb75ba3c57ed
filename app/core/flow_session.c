/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_session.c: one patient's walk through the question flow.
 *
 * Uses only the public accessors of flow.h. The path is never stored apart
 * from the answers: replaying the answers from the first question gives it
 * (trail), and pos says where on it the patient is. Going back only moves
 * pos, so answers further on are kept; going on after a change forgets
 * answers the new path no longer reaches. */
#include "config.h"

#include "core/flow.h"
#include "core/wipe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct flow_session {
    const struct flow *flow;
    size_t n;      /* questions in flow */
    uint32_t *sel; /* per question: bit i = answer i chosen */
    int *trail;    /* questions from the start, following the answers */
    size_t trail_len, pos;
};

static int session_target(const struct flow *f, int q, uint32_t sel)
{
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
        if (sel & (UINT32_C(1) << a))
            return flow_answer_target(f, q, a);
    return FLOW_NO_TARGET;
}

static int on_trail(const struct flow_session *s, int q)
{
    for (size_t i = 0; i < s->trail_len; i++)
        if (s->trail[i] == q)
            return 1;
    return 0;
}

/* Rebuild the trail from the answers. It stops at the first question without
 * an answer, at the end, or (in a broken flow) at a missing target or a loop.
 * With forget, answers off the trail are zeroed. */
static void session_replay(struct flow_session *s, int forget)
{
    s->trail_len = 0;
    int q = s->n ? 0 : FLOW_END;
    while (q >= 0 && !on_trail(s, q)) {
        s->trail[s->trail_len++] = q;
        if (!s->sel[q])
            break;
        q = session_target(s->flow, q, s->sel[q]);
    }
    if (s->pos > s->trail_len)
        s->pos = s->trail_len;
    for (size_t i = 0; forget && i < s->n; i++)
        if (s->sel[i] && !on_trail(s, (int)i))
            explicit_bzero(&s->sel[i], sizeof s->sel[i]);
}

struct flow_session *flow_session_new(const struct flow *f)
{
    struct flow_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->flow = f;
    s->n = flow_question_count(f);
    s->sel = calloc(s->n + 1, sizeof *s->sel);
    s->trail = calloc(s->n + 1, sizeof *s->trail);
    if (!s->sel || !s->trail) {
        flow_session_free(s);
        return NULL;
    }
    session_replay(s, 0);
    return s;
}

void flow_session_wipe(struct flow_session *s)
{
    explicit_bzero(s->sel, (s->n + 1) * sizeof *s->sel);
    explicit_bzero(s->trail, (s->n + 1) * sizeof *s->trail);
    s->pos = 0;
    session_replay(s, 0);
}

void flow_session_free(struct flow_session *s)
{
    if (!s)
        return;
    wipe_free(s->sel, (s->n + 1) * sizeof *s->sel);
    wipe_free(s->trail, (s->n + 1) * sizeof *s->trail);
    wipe_free(s, sizeof *s);
}

const struct flow *flow_session_flow(const struct flow_session *s)
{
    return s->flow;
}

int flow_current(const struct flow_session *s)
{
    return s->pos < s->trail_len ? s->trail[s->pos] : -1;
}

int flow_select(struct flow_session *s, int choice)
{
    int q = flow_current(s);
    int n = (int)flow_answer_count(s->flow, q);
    if (q < 0 || choice < 0 || choice >= n || choice >= FLOW_MAX_ANSWERS)
        return -1;
    uint32_t bit = UINT32_C(1) << choice, *sel = &s->sel[q];
    if (!flow_question_is_multiple(s->flow, q)) {
        *sel = bit;
    } else if (*sel & bit) {
        *sel &= ~bit;
    } else if (flow_answer_flags(s->flow, q, choice) & FLOW_ONLY) {
        *sel = bit;
    } else {
        for (int a = 0; a < n && a < FLOW_MAX_ANSWERS; a++)
            if (flow_answer_flags(s->flow, q, a) & FLOW_ONLY)
                *sel &= ~(UINT32_C(1) << a);
        *sel |= bit;
    }
    session_replay(s, 0);
    return 0;
}

uint32_t flow_selected(const struct flow_session *s, int q)
{
    return q >= 0 && (size_t)q < s->n ? s->sel[q] : 0;
}

int flow_next(struct flow_session *s)
{
    int q = flow_current(s);
    if (q < 0 || !s->sel[q])
        return -1;
    session_replay(s, 1);
    s->pos++;
    return 0;
}

int flow_back(struct flow_session *s)
{
    if (s->pos == 0)
        return -1;
    s->pos--;
    return 0;
}

size_t flow_path(const struct flow_session *s, const int **questions)
{
    *questions = s->trail;
    return s->pos;
}

int flow_position(const struct flow_session *s, int *number, int *about_total)
{
    int q = flow_current(s);
    *number = (int)s->pos + (q >= 0);
    *about_total = (int)s->pos + (q >= 0 ? flow_longest_from(s->flow, q) : 0);
    return q >= 0 ? 0 : -1;
}

static int same_shape(const struct flow *a, const struct flow *b)
{
    size_t n = flow_question_count(a);
    if (flow_question_count(b) != n)
        return 0;
    for (int q = 0; (size_t)q < n; q++) {
        size_t answers = flow_answer_count(a, q);
        if (strcmp(flow_question_id(a, q), flow_question_id(b, q)) != 0 ||
            flow_question_is_multiple(a, q) != flow_question_is_multiple(b, q) ||
            flow_answer_count(b, q) != answers)
            return 0;
        for (int i = 0; (size_t)i < answers; i++)
            if (flow_answer_target(a, q, i) != flow_answer_target(b, q, i))
                return 0;
    }
    return 1;
}

int flow_session_set_flow(struct flow_session *s, const struct flow *f)
{
    if (!same_shape(s->flow, f))
        return -1;
    s->flow = f;
    session_replay(s, 0);
    return 0;
}
