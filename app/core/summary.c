/* summary.c: builds the "Questions to discuss with your clinician" Markdown
 * document from a walked flow: urgent points, priority points, the other
 * points in path order, the answers, general questions and the footer. */
#include "config.h"

#include "core/summary.h"
#include "core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SEC_URGENT, SEC_PRIORITY, SEC_POINTS, SEC_COUNT };

/* No buffer here grows past this: flow_validate() keeps a flow's summary
 * under FLOW_MAX_SUMMARY before escaping, which at most doubles it, and
 * training mode's reasons repeat titles and labels once more. */
enum { SUMMARY_HARD_LIMIT = 4 * FLOW_MAX_SUMMARY + 16 * 1024 };

struct sbuf {
    char *s;
    size_t len, cap;
    int failed;
};

struct points {
    char **items;
    size_t n, cap;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (n > SUMMARY_HARD_LIMIT || b->len + n + 1 > SUMMARY_HARD_LIMIT) {
        b->failed = 1;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = malloc(cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        /* Copy instead of realloc so no stray copy of patient text is left
         * behind in freed memory. */
        if (b->s) {
            memcpy(p, b->s, b->len);
            explicit_bzero(b->s, b->cap);
            free(b->s);
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *tmp = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!tmp) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, tmp, (size_t)n);
    explicit_bzero(tmp, (size_t)n);
    free(tmp);
}

static void sb_wipe(struct sbuf *b)
{
    if (b->s)
        explicit_bzero(b->s, b->cap);
    free(b->s);
    memset(b, 0, sizeof *b);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void sb_escaped(struct sbuf *b, const char *text)
{
    int start = 1, space = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (is_space(*p) || *p < 0x20 || *p == 0x7f) {
            space = !start;
            continue;
        }
        if (space)
            sb_add(b, " ", 1);
        space = 0;
        if (strchr("\\`*_[]<>#&|~!", *p) || (start && strchr("-+=", *p))) {
            sb_add(b, "\\", 1);
        } else if (start && *p >= '0' && *p <= '9') {
            /* "12. x" or "3) x" would start an ordered list */
            size_t digits = strspn((const char *)p, "0123456789");
            sb_add(b, (const char *)p, digits);
            p += digits - 1;
            if ((p[1] == '.' || p[1] == ')') && (!p[2] || is_space(p[2])))
                sb_add(b, "\\", 1);
            start = 0;
            continue;
        }
        sb_add(b, (const char *)p, 1);
        start = 0;
    }
}

char *summary_escape(const char *text)
{
    struct sbuf b = {0};
    sb_add(&b, "", 0);
    sb_escaped(&b, text);
    if (b.failed) {
        sb_wipe(&b);
        return NULL;
    }
    return b.s;
}

/* ---- points ---- */

static int section_of(unsigned flags)
{
    return flags & FLOW_URGENT ? SEC_URGENT : flags & FLOW_PRIORITY ? SEC_PRIORITY : SEC_POINTS;
}

/* Note template with each {answer} replaced by labels, escaped. */
static char *piped_note(const char *tmpl, const char *labels)
{
    static const char key[] = "{answer}";
    struct sbuf raw = {0};
    sb_add(&raw, "", 0);
    for (const char *p = tmpl, *hit; *p; p = hit + strlen(key)) {
        hit = strstr(p, key);
        if (!hit) {
            sb_str(&raw, p);
            break;
        }
        sb_add(&raw, p, (size_t)(hit - p));
        sb_str(&raw, labels);
    }
    char *out = raw.failed ? NULL : summary_escape(raw.s);
    sb_wipe(&raw);
    return out;
}

static int add_point(struct points *pts, char *text)
{
    if (!text)
        return -1;
    for (size_t i = 0; i < pts->n; i++)
        if (strcmp(pts->items[i], text) == 0) {
            explicit_bzero(text, strlen(text));
            free(text);
            return 0;
        }
    if (pts->n == pts->cap) {
        size_t cap = pts->cap ? pts->cap * 2 : 8;
        char **items = realloc(pts->items, cap * sizeof *items);
        if (!items) {
            free(text);
            return -1;
        }
        pts->items = items;
        pts->cap = cap;
    }
    pts->items[pts->n++] = text;
    return 0;
}

/* The chosen answers of q, as points. Chosen answers with the same note and
 * flags give one point, with their labels joined at {answer}. */
/* Training mode: "*(from: Question: answer)*" after the point. */
static char *with_reason(char *point, const struct flow *f, int q, const char *labels)
{
    if (!point)
        return NULL;
    struct sbuf raw = {0};
    sb_printf(&raw, "%s: %s", flow_question_title(f, q), labels);
    char *why = raw.failed ? NULL : summary_escape(raw.s);
    sb_wipe(&raw);
    struct sbuf out = {0};
    sb_printf(&out, "%s *(%s %s)*", point, _("from:"), why ? why : "");
    free(why);
    explicit_bzero(point, strlen(point));
    free(point);
    return out.failed ? NULL : out.s;
}

static int question_points(const struct flow *f, int q, uint32_t sel, struct points *pts,
                           int reasons)
{
    for (int a = 0; a < FLOW_MAX_ANSWERS; a++) {
        const char *tmpl = flow_answer_note(f, q, a);
        unsigned flags = flow_answer_flags(f, q, a);
        if (!(sel & (UINT32_C(1) << a)) || !tmpl)
            continue;
        int seen = 0;
        for (int b = 0; b < a && !seen; b++)
            seen = sel & (UINT32_C(1) << b) && flow_answer_note(f, q, b) &&
                   strcmp(flow_answer_note(f, q, b), tmpl) == 0 &&
                   section_of(flow_answer_flags(f, q, b)) == section_of(flags);
        if (seen)
            continue;
        struct sbuf labels = {0};
        sb_str(&labels, flow_answer_label(f, q, a));
        for (int b = a + 1; b < FLOW_MAX_ANSWERS; b++)
            if (sel & (UINT32_C(1) << b) && flow_answer_note(f, q, b) &&
                strcmp(flow_answer_note(f, q, b), tmpl) == 0 &&
                section_of(flow_answer_flags(f, q, b)) == section_of(flags)) {
                sb_str(&labels, ", ");
                sb_str(&labels, flow_answer_label(f, q, b));
            }
        char *point = labels.failed ? NULL : piped_note(tmpl, labels.s);
        if (reasons)
            point = with_reason(point, f, q, labels.s);
        int rc = add_point(&pts[section_of(flags)], point);
        sb_wipe(&labels);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static void points_free(struct points *pts)
{
    for (size_t i = 0; i < pts->n; i++) {
        explicit_bzero(pts->items[i], strlen(pts->items[i]));
        free(pts->items[i]);
    }
    free(pts->items);
}

static void put_list(struct sbuf *b, const char *heading, const struct points *pts)
{
    if (!pts->n)
        return;
    sb_printf(b, "## %s\n\n", heading);
    for (size_t i = 0; i < pts->n; i++)
        sb_printf(b, "- %s\n", pts->items[i]);
    sb_str(b, "\n");
}

/* ---- the document ---- */

static void put_answers(struct sbuf *b, const struct flow *f, const int *path, size_t n,
                        const struct flow_session *s)
{
    if (!n)
        return;
    sb_printf(b, "## %s\n\n", _("Your answers"));
    for (size_t i = 0; i < n; i++) {
        uint32_t sel = flow_selected(s, path[i]);
        if (!flow_question_title(f, path[i]))
            continue;
        sb_str(b, "- ");
        sb_escaped(b, flow_question_title(f, path[i]));
        const char *sep = " \xe2\x80\x94 "; /* em dash */
        for (int a = 0; a < FLOW_MAX_ANSWERS; a++)
            if (sel & (UINT32_C(1) << a) && flow_answer_label(f, path[i], a)) {
                sb_str(b, sep);
                sb_escaped(b, flow_answer_label(f, path[i], a));
                sep = "; ";
            }
        sb_str(b, "\n");
    }
    sb_str(b, "\n");
}

static void put_footer(struct sbuf *b, const struct flow *f, const struct summary_info *info)
{
    if (flow_general_count(f)) {
        sb_printf(b, "## %s\n\n", _("Questions you may want to ask"));
        for (size_t i = 0; i < flow_general_count(f); i++) {
            sb_str(b, "- ");
            sb_escaped(b, flow_general_question(f, i));
            sb_str(b, "\n");
        }
        sb_str(b, "\n");
    }
    sb_printf(b, "%s\n\n",
              _("General information only, not medical advice. Do not start, stop or change any "
                "medicine without talking to your prescriber."));
    sb_printf(b, "%s\n\n",
              _("If you are thinking about hurting yourself, call or text 988 (Suicide & Crisis "
                "Lifeline; press 2 for Spanish) or chat at 988lifeline.org. In immediate danger, "
                "call 911."));
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
        char *v = summary_escape(lines[i].value);
        if (!v) {
            b->failed = 1;
            return;
        }
        sb_printf(b, "%s %s\n\n", lines[i].label, v);
        free(v);
    }
}

char *summary_build(const struct flow *f, const struct flow_session *s,
                    const struct summary_info *info)
{
    struct sbuf b = {0};
    struct points pts[SEC_COUNT] = {{0}};
    const int *path;
    size_t n = flow_path(s, &path);
    for (size_t i = 0; i < n && !b.failed; i++)
        if (question_points(f, path[i], flow_selected(s, path[i]), pts, info->show_reasons) < 0)
            b.failed = 1;

    char when[64] = "";
    struct tm tm;
    time_t t = info->when ? info->when : time(NULL);
    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    sb_printf(&b, "# %s\n\n", _("Questions to discuss with your clinician"));
    sb_printf(&b, "%s. %s\n\n", when, _("Not medical advice."));
    put_list(&b, _("Urgent"), &pts[SEC_URGENT]);
    put_list(&b, _("Tell your care team before your next session"), &pts[SEC_PRIORITY]);
    put_list(&b, _("Points to discuss"), &pts[SEC_POINTS]);
    put_answers(&b, f, path, n, s);
    put_footer(&b, f, info);
    for (int i = 0; i < SEC_COUNT; i++)
        points_free(&pts[i]);
    if (b.failed) {
        sb_wipe(&b);
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
