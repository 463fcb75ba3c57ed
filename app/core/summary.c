/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.c: builds the "Questions to discuss with your clinician" Markdown
 * document from a walked flow: urgent points, priority points, the other
 * points in path order, the answers, general questions and the footer. */
#include "config.h"

#include "core/summary.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/datefmt.h"
#include "core/markdown.h"
#include "core/phrase.h"
#include "core/wipe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SEC_URGENT, SEC_PRIORITY, SEC_POINTS, SEC_COUNT };

/* No summary grows past this: flow_validate() keeps a flow's summary
 * under FLOW_MAX_SUMMARY before escaping, which at most doubles it, and
 * training mode's reasons repeat titles and labels once more. */
enum { SUMMARY_HARD_LIMIT = 4 * FLOW_MAX_SUMMARY + 16 * 1024 };

struct points {
    char **items;
    size_t n, cap;
};

/* ---- points ---- */

static int section_of(unsigned flags)
{
    return flags & FLOW_URGENT ? SEC_URGENT : flags & FLOW_PRIORITY ? SEC_PRIORITY : SEC_POINTS;
}

static int add_point(struct points *pts, char *text)
{
    if (!text)
        return -1;
    for (size_t i = 0; i < pts->n; i++)
        if (strcmp(pts->items[i], text) == 0) {
            wipe_string(text);
            return 0;
        }
    if (pts->n == pts->cap) {
        size_t cap = pts->cap ? pts->cap * 2 : 8;
        char **items = realloc(pts->items, cap * sizeof *items);
        if (!items) {
            wipe_string(text);
            return -1;
        }
        pts->items = items;
        pts->cap = cap;
    }
    pts->items[pts->n++] = text;
    return 0;
}

/* Training mode: "*(from: Question: answer)*" after the point. */
static char *with_reason(char *point, const struct flow *f, int q, const char *labels)
{
    if (!point)
        return NULL;
    struct buf raw = {0};
    buf_printf(&raw, "%s: %s", flow_question_title(f, q), labels);
    char *why = raw.failed ? NULL : markdown_escape(raw.s);
    buf_wipe(&raw);
    struct buf out = {0};
    buf_printf(&out, "%s *(%s %s)*", point, _("from:"), why ? why : "");
    wipe_string(why);
    wipe_string(point);
    return out.failed ? NULL : out.s;
}

/* 1 when answers a and b of q say the same note (but for its slot's words,
 * phrase.h) in the same section: the summary then says it once. */
static int same_point(const struct flow *f, int q, int a, int b)
{
    const char *na = flow_answer_note(f, q, a), *nb = flow_answer_note(f, q, b);
    return na && nb && phrase_same_note(na, nb) &&
           section_of(flow_answer_flags(f, q, a)) == section_of(flow_answer_flags(f, q, b));
}

/* The note of answer a of q, said once for a and every later chosen answer
 * with the same note: their words joined in its slot ("I take sertraline
 * and lithium"). Escaped; NULL when out of memory. */
static char *merged_note(const struct flow *f, int q, uint32_t sel, int a)
{
    const char *tmpl = flow_answer_note(f, q, a);
    char *words[FLOW_MAX_ANSWERS] = {0};
    size_t n = 0;
    int failed = 0;
    for (int b = a; b < FLOW_MAX_ANSWERS; b++)
        if (sel & (UINT32_C(1) << b) && (b == a || same_point(f, q, a, b))) {
            words[n] = phrase_of(flow_answer_note(f, q, b), flow_answer_label(f, q, b));
            failed |= !words[n++];
        }
    size_t at, len;
    int slot = phrase_slot(tmpl, &at, &len);
    char *joined = slot && !failed ? phrase_join(words, n) : NULL;
    char *raw = !slot ? strdup(tmpl) : joined ? phrase_fill(tmpl, joined) : NULL;
    char *out = raw ? markdown_escape(raw) : NULL;
    for (size_t i = 0; i < n; i++)
        wipe_string(words[i]);
    wipe_string(joined);
    wipe_string(raw);
    return out;
}

/* The chosen answers of q, as points. Chosen answers with the same note
 * (but for its slot's words) and section give one point, their words
 * joined as a list in its slot (phrase.h). */
static int question_points(const struct flow *f, int q, uint32_t sel, struct points *pts,
                           int reasons)
{
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++) {
        if (!(sel & (UINT32_C(1) << a)) || !flow_answer_note(f, q, a))
            continue;
        int seen = 0;
        for (int b = 0; b < a && !seen; b++)
            seen = sel & (UINT32_C(1) << b) && same_point(f, q, a, b);
        if (seen)
            continue;
        struct buf labels = {0};
        buf_str(&labels, flow_answer_label(f, q, a));
        for (int b = a + 1; b < FLOW_MAX_ANSWERS; b++)
            if (sel & (UINT32_C(1) << b) && same_point(f, q, a, b)) {
                buf_str(&labels, ", ");
                buf_str(&labels, flow_answer_label(f, q, b));
            }
        char *point = labels.failed ? NULL : merged_note(f, q, sel, a);
        if (reasons)
            point = with_reason(point, f, q, labels.s);
        int rc = add_point(&pts[section_of(flow_answer_flags(f, q, a))], point);
        buf_wipe(&labels);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static void points_free(struct points *pts)
{
    for (size_t i = 0; i < pts->n; i++)
        wipe_string(pts->items[i]);
    free(pts->items);
}

static void put_list(struct buf *b, const char *heading, const struct points *pts)
{
    if (!pts->n)
        return;
    buf_printf(b, "## %s\n\n", heading);
    for (size_t i = 0; i < pts->n; i++)
        buf_printf(b, "- %s\n", pts->items[i]);
    buf_str(b, "\n");
}

/* ---- the document ---- */

static void put_answers(struct buf *b, const struct flow *f, const int *path, size_t n,
                        const struct flow_session *s)
{
    if (!n)
        return;
    buf_printf(b, "## %s\n\n", _("Your answers"));
    for (size_t i = 0; i < n; i++) {
        uint32_t sel = flow_selected(s, path[i]);
        if (!flow_question_title(f, path[i]))
            continue;
        buf_str(b, "- ");
        markdown_escape_to(b, flow_question_title(f, path[i]));
        const char *sep = " \xe2\x80\x94 "; /* em dash */
        for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
            if (sel & (UINT32_C(1) << a) && flow_answer_label(f, path[i], a)) {
                buf_str(b, sep);
                markdown_escape_to(b, flow_answer_label(f, path[i], a));
                sep = "; ";
            }
        buf_str(b, "\n");
    }
    buf_str(b, "\n");
}

static void put_footer(struct buf *b, const struct flow *f, const struct summary_info *info)
{
    if (flow_general_count(f)) {
        buf_printf(b, "## %s\n\n", _("Questions you may want to ask"));
        for (size_t i = 0; i < flow_general_count(f); i++) {
            buf_str(b, "- ");
            markdown_escape_to(b, flow_general_question(f, i));
            buf_str(b, "\n");
        }
        buf_str(b, "\n");
    }
    buf_printf(b, "%s\n\n",
               _("General information only, not medical advice. Do not start, stop or change any "
                 "medicine without talking to your prescriber."));
    buf_printf(b, "%s\n\n",
               _("If you are thinking about hurting yourself, call or text 988 (Suicide & Crisis "
                 "Lifeline; press 2 for Spanish) or chat at 988lifeline.org. In immediate danger, "
                 "call 911."));
    if (info->sources_page && *info->sources_page) {
        char *page = markdown_escape(info->sources_page);
        buf_printf(b,
                   _("Sources: the studies and official papers behind this information are "
                     "listed on the page \"%s\"."),
                   page ? page : "");
        buf_str(b, "\n\n");
        free(page);
    }
    const struct {
        const char *value, *label;
    } lines[] = {
        {info->clinic_name, _("Clinic:")},
        {info->clinic_phone, _("Phone:")},
        {info->content_version, _("Content version:")},
        {info->last_reviewed, _("Last reviewed:")},
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (!lines[i].value || !*lines[i].value)
            continue;
        /* The review date as the language writes dates, not ISO. */
        char date[128];
        const char *value = lines[i].value;
        if (value == info->last_reviewed && datefmt_iso_long(value, date, sizeof date) >= 0)
            value = date;
        char *v = markdown_escape(value);
        if (!v) {
            b->failed = 1;
            return;
        }
        /* A full-width colon (Chinese "：") carries its own space. */
        size_t ll = strlen(lines[i].label);
        int wide_colon = ll >= 3 && strcmp(lines[i].label + ll - 3, "\xef\xbc\x9a") == 0;
        buf_printf(b, "%s%s%s\n\n", lines[i].label, wide_colon ? "" : " ", v);
        free(v);
    }
}

char *summary_build(const struct flow *f, const struct flow_session *s,
                    const struct summary_info *info)
{
    /* The document: in the patient arena. */
    struct buf b = {.limit = SUMMARY_HARD_LIMIT, .patient = 1};
    struct points pts[SEC_COUNT] = {{0}};
    const int *path;
    size_t n = flow_path(s, &path);
    for (size_t i = 0; i < n && !b.failed; i++)
        if (question_points(f, path[i], flow_selected(s, path[i]), pts, info->show_reasons) < 0)
            b.failed = 1;

    char when[128] = "";
    struct tm tm;
    time_t t = info->when ? info->when : time(NULL);
    if (localtime_r(&t, &tm) && datefmt_long_time(&tm, when, sizeof when) < 0)
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    buf_printf(&b, "# %s\n\n", _("Questions to discuss with your clinician"));
    buf_printf(&b, "%s. %s\n\n", when, _("Not medical advice."));
    put_list(&b, _("Urgent"), &pts[SEC_URGENT]);
    put_list(&b, _("Tell your care team before your next session"), &pts[SEC_PRIORITY]);
    if (info->ask)
        ask_markdown(&b, info->ask, f, _("My own questions"));
    if (info->misses)
        misses_markdown(&b, info->misses, info->miss_words, info->miss_ctx, f,
                        _("Things to explain again"));
    put_list(&b, _("Points to discuss"), &pts[SEC_POINTS]);
    put_answers(&b, f, path, n, s);
    put_footer(&b, f, info);
    for (int i = 0; i < SEC_COUNT; i++)
        points_free(&pts[i]);
    if (b.failed) {
        buf_wipe(&b);
        return NULL;
    }
    return b.s;
}

static int path_has_flag(const struct flow_session *s, unsigned flag)
{
    const struct flow *f = flow_session_flow(s);
    const int *path;
    size_t n = flow_path(s, &path);
    for (size_t i = 0; i < n; i++)
        for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
            if (flow_selected(s, path[i]) & (UINT32_C(1) << a) &&
                flow_answer_flags(f, path[i], a) & flag)
                return 1;
    return 0;
}

int summary_has_urgent(const struct flow_session *s)
{
    return path_has_flag(s, FLOW_URGENT);
}

int summary_has_priority(const struct flow_session *s)
{
    return path_has_flag(s, FLOW_PRIORITY);
}
