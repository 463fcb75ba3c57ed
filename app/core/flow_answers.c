/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_answers.c: the --summary answer spec ("id=1+3,id2=2") read against a
 * flow and replayed into a session (flow_answers_parse in flow.h). Uses only
 * the public API in flow.h; the spec's working arrays are freed (the chosen
 * answers wiped) before it returns. */
#include "config.h"

#include "core/flow.h"
#include "core/i18n.h"
#include "core/wipe.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct spec {
    const struct flow *f;
    uint32_t *want; /* per question: chosen answers */
    int *order;     /* questions in the order the spec gives them */
    size_t n_order;
    char *err;
    size_t errlen;
};

__attribute__((format(printf, 2, 3))) static int spec_error(struct spec *sp, const char *fmt, ...)
{
    if (sp->err && sp->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(sp->err, sp->errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int popcount32(uint32_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* One "id=1+3" item of len bytes. */
static int spec_item(struct spec *sp, const char *item, size_t len)
{
    while (len && *item == ' ')
        item++, len--;
    const char *eq = memchr(item, '=', len);
    char id[64];
    size_t id_len = eq ? (size_t)(eq - item) : 0;
    while (id_len && item[id_len - 1] == ' ')
        id_len--;
    if (!eq || !id_len || id_len >= sizeof id)
        return spec_error(sp, _("expected id=choice at \"%.*s\""), (int)len, item);
    memcpy(id, item, id_len);
    id[id_len] = '\0';
    int q = flow_find(sp->f, id);
    if (q < 0)
        return spec_error(sp, _("unknown question id \"%s\""), id);
    if (sp->want[q])
        return spec_error(sp, _("question \"%s\" is answered twice"), id);
    size_t n = flow_answer_count(sp->f, q);
    uint32_t mask = 0, only = 0;
    const char *p = eq + 1, *end = item + len;
    for (;;) {
        while (p < end && *p == ' ')
            p++;
        if (p == end || *p < '0' || *p > '9')
            return spec_error(sp, _("expected id=choice at \"%.*s\""), (int)len, item);
        char *stop;
        long choice = strtol(p, &stop, 10);
        while (stop < end && *stop == ' ')
            stop++;
        if (stop == p || (stop < end && *stop != '+'))
            return spec_error(sp, _("expected id=choice at \"%.*s\""), (int)len, item);
        if (choice < 1 || (size_t)choice > n || choice > FLOW_MAX_ANSWERS)
            return spec_error(sp, _("question \"%s\" has %zu answers; %ld is not one of them"), id,
                              n, choice);
        mask |= UINT32_C(1) << (choice - 1);
        if (flow_answer_flags(sp->f, q, (int)choice - 1) & FLOW_ONLY)
            only = (uint32_t)choice;
        if (stop == end)
            break;
        p = stop + 1;
    }
    if (popcount32(mask) > 1 && !flow_question_is_multiple(sp->f, q))
        return spec_error(sp, _("question \"%s\" takes one answer"), id);
    if (popcount32(mask) > 1 && only)
        return spec_error(
            sp, _("question \"%s\": answer %u (\"%s\") cannot be combined with other answers"), id,
            (unsigned)only, flow_answer_label(sp->f, q, (int)only - 1));
    sp->want[q] = mask;
    sp->order[sp->n_order++] = q;
    return 0;
}

static int spec_replay(struct spec *sp, struct flow_session *s)
{
    int q;
    while ((q = flow_current(s)) >= 0 && sp->want[q]) {
        for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
            if (sp->want[q] & (UINT32_C(1) << a) && !(flow_selected(s, q) & (UINT32_C(1) << a)))
                flow_select(s, a);
        flow_next(s);
    }
    const int *path;
    size_t n = flow_path(s, &path);
    for (size_t i = 0; i < sp->n_order; i++) {
        int on = 0;
        for (size_t j = 0; j < n; j++)
            on |= path[j] == sp->order[i];
        if (!on)
            return spec_error(sp, _("question \"%s\" is not on the path these answers take"),
                              flow_question_id(sp->f, sp->order[i]));
    }
    return 0;
}

int flow_answers_parse(const struct flow *f, const char *spec, struct flow_session *s, char *err,
                       size_t errlen)
{
    size_t n = flow_question_count(f);
    struct spec sp = {.f = f, .err = err, .errlen = errlen};
    if (err && errlen)
        err[0] = '\0';
    flow_session_wipe(s);
    if (flow_session_flow(s) != f)
        return spec_error(&sp, _("the answers belong to another question flow"));
    sp.want = calloc(n + 1, sizeof *sp.want);
    sp.order = calloc(n + 1, sizeof *sp.order);
    int rc = sp.want && sp.order ? 0 : spec_error(&sp, _("out of memory"));
    for (const char *p = spec; rc == 0 && *p;) {
        size_t len = strcspn(p, ",");
        if (len)
            rc = spec_item(&sp, p, len);
        p += len + (p[len] == ',');
    }
    if (rc == 0)
        rc = spec_replay(&sp, s);
    if (rc < 0)
        flow_session_wipe(s);
    wipe_free(sp.want, (n + 1) * sizeof *sp.want);
    free(sp.order);
    return rc;
}
