/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c: the content check a nurse runs after editing: problems with file
 * and line, then every page's reading level. */
#include "config.h"

#include "core/check.h"
#include "core/teachback.h"
#include "core/diag.h"
#include "core/content.h"
#include "core/content_find.h"
#include "core/flow.h"
#include "core/governance.h"
#include "core/markdown.h"
#include "core/readability.h"
#include "core/text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest page the check reads; the kiosk's own limit is the same. */
enum { CHECK_MAX_FILE = 64 * 1024 * 1024 };

/* Placeholders filled from configuration rather than from index.md. */
static const char *const config_vars[] = {"clinic-name", "clinic-phone"};
/* Metadata index.md must carry (the sign-off keys: governance.h). */
static const char *const required_meta[] = {"content-version", "next-review"};

struct report {
    FILE *out;
    const struct check_options *opts;
    struct check_result *result;
    const char *root, *local; /* the content folder and the local one over it (or NULL) */
    int pages, local_pages;   /* pages in the table, and how many of them are local */
};

static void say(struct report *r, const char *file, int line, int is_error, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void say(struct report *r, const char *file, int line, int is_error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vprint(r->out, file, line, is_error, fmt, ap);
    va_end(ap);
    if (is_error)
        r->result->errors++;
    else
        r->result->warnings++;
}

void check_slug(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p && n + 1 < size; p++) {
        if (isalnum(*p))
            buf[n++] = (char)tolower(*p);
        else if (*p == ' ' || *p == '-')
            buf[n++] = '-';
        else if (*p >= 0x80 || *p == '_')
            buf[n++] = (char)*p;
    }
    buf[n] = '\0';
}

/* ---- one page ---- */

struct page {
    const char *lang, *name;
    char path[4096];
    char *text;
    size_t len;
    cmark_node *doc;
};

static int line_of(const char *text, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Bytes that are not text: NUL, invalid UTF-8. Reports the first of each. */
static void check_bytes(struct report *r, const struct page *p)
{
    const unsigned char *s = (const unsigned char *)p->text;
    for (size_t i = 0; i < p->len;) {
        if (s[i] == 0) {
            say(r, p->path, line_of(p->text, i), 1,
                "the file holds NUL bytes: it is not a text file (save it as plain UTF-8 text)");
            return;
        }
        size_t n = s[i] < 0x80             ? 1
                   : (s[i] & 0xE0) == 0xC0 ? 2
                   : (s[i] & 0xF0) == 0xE0 ? 3
                   : (s[i] & 0xF8) == 0xF0 ? 4
                                           : 0;
        int ok = n > 0 && i + n <= p->len && !(n == 2 && s[i] < 0xC2);
        for (size_t k = 1; ok && k < n; k++)
            ok = (s[i + k] & 0xC0) == 0x80;
        if (!ok) {
            say(r, p->path, line_of(p->text, i), 1,
                "this line is not valid UTF-8 (save the file with the UTF-8 encoding)");
            return;
        }
        i += n;
    }
}

static int known_var(const struct content *c, const char *name)
{
    for (size_t i = 0; i < sizeof config_vars / sizeof config_vars[0]; i++)
        if (strcmp(name, config_vars[i]) == 0)
            return 1;
    return c && content_var(c, name) != NULL;
}

/* --check --config: a {{clinic-name}} or {{clinic-phone}} at byte at of
 * page p that neither the configuration nor index.md fills. */
static void check_config_value(struct report *r, const struct page *p, const struct content *c,
                               const char *name, size_t at)
{
    const struct check_options *o = r->opts;
    if (!o->config_path)
        return;
    int is_name = strcmp(name, "clinic-name") == 0;
    if (!is_name && strcmp(name, "clinic-phone") != 0)
        return;
    const char *value = is_name ? o->clinic_name : o->clinic_phone;
    const char *meta = c ? content_var(c, name) : NULL;
    if ((value && *value) || (meta && *meta))
        return;
    say(r, p->path, line_of(p->text, at), 0,
        "{{%s}} is left empty: %s sets no %s in its [clinic] section, so patients read \"%s\" "
        "here (or its translation); set it, like %s",
        name, o->config_path, is_name ? "name" : "phone", content_placeholder_default(name, 1),
        is_name ? "\"name = Riverside Clinic\"" : "\"phone = 555-0100\"");
}

static void check_placeholders(struct report *r, const struct page *p, const struct content *c)
{
    for (const char *s = p->text; (s = strstr(s, "{{")) != NULL; s += 2) {
        const char *end = strstr(s + 2, "}}");
        size_t n = end ? (size_t)(end - s - 2) : 0;
        char name[64];
        if (!end || n == 0 || n >= sizeof name || memchr(s + 2, '\n', n)) {
            say(r, p->path, line_of(p->text, (size_t)(s - p->text)), 1,
                "\"{{\" opens a placeholder that is never closed with \"}}\"");
            continue;
        }
        memcpy(name, s + 2, n);
        name[n] = '\0';
        if (!known_var(c, name))
            say(r, p->path, line_of(p->text, (size_t)(s - p->text)), 1,
                "unknown placeholder {{%s}} (known: clinic-name, clinic-phone and the keys of the "
                "metadata block in index.md)",
                name);
        else
            check_config_value(r, p, c, name, (size_t)(s - p->text));
    }
}

/* 1 when page (in dir) has a heading whose anchor is slug. */
static int has_anchor(cmark_node *doc, const char *slug)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
            continue;
        char *text = markdown_plain_text(n), buf[512];
        if (!text)
            continue;
        /* Question headings end in "{#id ...}": that id is the anchor. */
        const char *brace = strstr(text, "{#");
        size_t idlen = brace ? strcspn(brace + 2, " }") : 0;
        int found = brace && idlen == strlen(slug) && strncmp(brace + 2, slug, idlen) == 0;
        check_slug(text, buf, sizeof buf);
        free(text);
        if (found || strcmp(buf, slug) == 0)
            return 1;
    }
    return 0;
}

static void check_link(struct report *r, const struct page *p, const char *url, int line)
{
    if (!*url || strstr(url, "://") || strncmp(url, "mailto:", 7) == 0 ||
        strncmp(url, "tel:", 4) == 0)
        return;
    char file[512];
    const char *hash = strchr(url, '#');
    size_t flen = hash ? (size_t)(hash - url) : strlen(url);
    if (flen >= sizeof file)
        flen = sizeof file - 1;
    memcpy(file, url, flen);
    file[flen] = '\0';
    cmark_node *target = p->doc;
    cmark_node *other = NULL;
    if (flen > 0) {
        if (!content_page_name_ok(file)) {
            say(r, p->path, line, 1, "link \"%s\" must name a page in this folder, like faq.md",
                url);
            return;
        }
        char path[4096];
        enum content_where w = content_find(r->root, r->local, p->lang, file, path, sizeof path);
        if (w == CONTENT_OUTSIDE) {
            say(r, p->path, line, 1, "link \"%s\": %s leads outside the content folder", url, path);
            return;
        }
        size_t len;
        char *text = w == CONTENT_MISSING ? NULL : content_slurp(path, CHECK_MAX_FILE, &len);
        if (!text) {
            say(r, p->path, line, 1, "link \"%s\": there is no page %s", url, path);
            return;
        }
        other = markdown_parse(text, len);
        free(text);
        target = other;
    }
    if (hash && hash[1] && target && !has_anchor(target, hash + 1))
        say(r, p->path, line, 1, "link \"%s\": no heading there has the anchor #%s", url, hash + 1);
    if (other)
        cmark_node_free(other);
}

static void check_tree(struct report *r, const struct page *p)
{
    cmark_iter *it = cmark_iter_new(p->doc);
    cmark_event_type ev;
    int block_line = 1;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        int line = cmark_node_get_start_line(n);
        if (line > 0)
            block_line = line; /* inline nodes take their block's line */
        if (cmark_node_get_type(n) == CMARK_NODE_LINK && strcmp(p->name, "questions.md") != 0) {
            /* (The question flow's #links are checked by flow_validate.) */
            check_link(r, p, cmark_node_get_url(n), block_line);
        } else if (markdown_is_table(n)) {
            cmark_node *head = cmark_node_first_child(n);
            char *text = head ? markdown_plain_text(head) : NULL;
            size_t blank = text ? strspn(text, " ") : 0;
            if (!text || text[blank] == '\0')
                say(r, p->path, line, 1,
                    "this table's header row is empty: give each column a short heading");
            free(text);
        }
    }
    cmark_iter_free(it);
}

/* ---- reading level ---- */

/* Plain text of the page's prose, one block per paragraph, heading, item or cell. */
static void collect_prose(cmark_node *node, char **buf, size_t *len, size_t *cap)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || markdown_is_table_cell(n)) {
            char *text = markdown_plain_text(n);
            size_t tl = text ? strlen(text) : 0;
            if (*len + tl + 3 > *cap) {
                size_t c = (*len + tl + 3) * 2;
                char *bigger = realloc(*buf, c);
                if (!bigger) {
                    free(text);
                    return;
                }
                *buf = bigger;
                *cap = c;
            }
            if (text)
                memcpy(*buf + *len, text, tl);
            *len += tl;
            memcpy(*buf + *len, "\n\n", 3);
            *len += 2;
            free(text);
        } else if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_CODE_BLOCK) {
            collect_prose(n, buf, len, cap);
        }
    }
}

static int skips_readability(const struct page *p)
{
    return strstr(p->text, "<!-- readability: skip -->") != NULL;
}

static void reading_level(struct report *r, const struct page *p, int local, FILE *table)
{
    char *prose = NULL;
    size_t len = 0, cap = 0;
    collect_prose(p->doc, &prose, &len, &cap);
    struct readability rd = {0};
    enum readability_lang lang = readability_lang_from_code(p->lang);
    readability_measure(prose ? prose : "", lang, &rd);
    free(prose);
    char score[64] = "-";
    int over = 0;
    if (lang == READABILITY_EN) {
        snprintf(score, sizeof score, "grade %4.1f", rd.fk_grade);
        over = rd.fk_grade > r->opts->max_grade;
    } else if (lang == READABILITY_ES) {
        snprintf(score, sizeof score, "F-H %5.1f", rd.fernandez_huerta);
        over = rd.fernandez_huerta < r->opts->min_ease_es;
    }
    int skipped = skips_readability(p);
    /* The formulas need a sample of about 100 words to mean anything. */
    int short_page = rd.words < 100;
    if (short_page)
        over = 0;
    r->pages++;
    r->local_pages += local;
    fprintf(table, "%-4s ", p->lang);
    if (r->local)
        fprintf(table, "%-5s ", local ? "local" : "-");
    fprintf(table, "%-28s %6zu %9zu  %s%s\n", p->name, rd.words, rd.sentences, score,
            skipped      ? "  (reference list: not scored)"
            : short_page ? "  (under 100 words: a rough guide only)"
            : over       ? "  OVER THE LIMIT"
                         : "");
    if (over && !skipped) {
        if (lang == READABILITY_EN)
            say(r, p->path, 0, r->opts->strict,
                "reading level is grade %.1f, above the limit of %.0f: use shorter sentences and "
                "shorter words",
                rd.fk_grade, r->opts->max_grade);
        else
            say(r, p->path, 0, r->opts->strict,
                "Fernandez-Huerta score is %.1f, below %.0f: use shorter sentences and shorter "
                "words",
                rd.fernandez_huerta, r->opts->min_ease_es);
    }
}

/* ---- metadata ---- */

static int parse_date(const char *s, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    char *end = strptime(s, "%Y-%m-%d", tm);
    return end && *end == '\0' ? 0 : -1;
}

/* The release sign-off: a warning while a key is empty or a draft, an
 * error with --strict (what a clinic runs before a release). */
static void check_governance(struct report *r, const struct content *c)
{
    size_t n;
    const char *const *keys = governance_keys(&n);
    for (size_t i = 0; i < n; i++) {
        const char *v = content_var(c, keys[i]);
        enum governance_state st = governance_state(v);
        if (st == GOVERNANCE_EMPTY)
            say(r, c->index_path, 1, r->opts->strict,
                "\"%s:\" is missing or empty in the metadata block: fill it in before a release "
                "(%s)",
                keys[i],
                strcmp(keys[i], "review-date") == 0   ? "the date of the clinical review, like "
                                                        "2026-11-28"
                : strcmp(keys[i], "reviewed-by") == 0 ? "who reviewed it, with their role"
                                                      : "who translated it; in English write "
                                                        "\"original English text\"");
        else if (st == GOVERNANCE_DRAFT)
            say(r, c->index_path, 1, r->opts->strict,
                "\"%s: %s\" reads as a draft: the content is not signed off for a release", keys[i],
                v);
    }
    if (c->old_review_key)
        say(r, c->index_path, 1, 0,
            "\"last-reviewed:\" is the old name of \"review-date:\"; it still works, but rename "
            "the line to review-date:");
}

static void check_metadata(struct report *r, const struct content *c)
{
    for (size_t i = 0; i < sizeof required_meta / sizeof required_meta[0]; i++)
        if (!content_var(c, required_meta[i]) || !*content_var(c, required_meta[i]))
            say(r, c->index_path, 1, 1,
                "the metadata block (an HTML comment at the top) has no \"%s:\" line",
                required_meta[i]);
    check_governance(r, c);
    static const char *const dates[] = {"review-date", "next-review"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = content_var(c, dates[i]);
        struct tm tm;
        if (!v || !*v)
            continue;
        if (parse_date(v, &tm) < 0) {
            say(r, c->index_path, 1, 1, "%s \"%s\" is not a date like 2026-11-28",
                i == 0 && c->old_review_key ? "last-reviewed" : dates[i], v);
            continue;
        }
        if (i == 1 && mktime(&tm) < r->opts->today)
            say(r, c->index_path, 1, 0, "the next review was due on %s: have the content reviewed",
                v);
    }
}

/* ---- folders ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir that end in suffix (or are folders, when suffix is
 * NULL). Returns the count; *names is malloc'd (free each and the array). */
static size_t list_dir(const char *dir, const char *suffix, char ***names)
{
    *names = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        size_t len = strlen(e->d_name);
        int want = suffix ? S_ISREG(st.st_mode) && len > strlen(suffix) &&
                                strcmp(e->d_name + len - strlen(suffix), suffix) == 0
                          : S_ISDIR(st.st_mode);
        if (!want)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **bigger = realloc(*names, cap * sizeof **names);
            if (!bigger)
                break;
            *names = bigger;
        }
        (*names)[n] = strdup(e->d_name);
        if ((*names)[n])
            n++;
    }
    closedir(d);
    if (n)
        qsort(*names, n, sizeof **names, compare_names);
    return n;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* list_dir() of root/sub and, when there is a local folder, of local/sub,
 * merged: each name once, sorted. */
static size_t list_both(const struct report *r, const char *sub, const char *suffix, char ***names)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s%s%s", r->root, *sub ? "/" : "", sub);
    size_t n = list_dir(dir, suffix, names);
    if (!r->local)
        return n;
    char **more;
    snprintf(dir, sizeof dir, "%s%s%s", r->local, *sub ? "/" : "", sub);
    size_t m = list_dir(dir, suffix, &more);
    char **all = m ? realloc(*names, (n + m) * sizeof *all) : *names;
    if (!all) {
        free_names(more, m);
        return n;
    }
    if (m) /* (more may be NULL when the folder has none) */
        memcpy(all + n, more, m * sizeof *all);
    free(more);
    n += m;
    if (n)
        qsort(all, n, sizeof *all, compare_names);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && strcmp(all[kept - 1], all[i]) == 0)
            free(all[i]);
        else
            all[kept++] = all[i];
    }
    *names = all;
    return kept;
}

static void flush_diags(struct report *r, struct flow_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        char *line = flow_diag_format(&d->items[i]);
        if (line)
            fprintf(r->out, "%s\n", line);
        free(line);
        if (d->items[i].is_error)
            r->result->errors++;
        else
            r->result->warnings++;
    }
    flow_diags_free(d);
}

/* The language's question flow, validated; returned for the parity check. */
static struct flow *check_flow(struct report *r, const char *lang, char *path, size_t size)
{
    enum content_where w = content_find(r->root, r->local, lang, "questions.md", path, size);
    if (w == CONTENT_OUTSIDE)
        say(r, path, 0, 1,
            "leads outside the content folder (a symbolic link); the question flow must be a "
            "file inside it");
    size_t len;
    char *text = w > 0 ? content_slurp(path, CHECK_MAX_FILE, &len) : NULL;
    if (!text)
        return NULL;
    struct flow_diags d = {0};
    struct flow *flow = flow_parse(text, len, path, &d);
    free(text);
    if (flow)
        flow_validate(flow, path, &d);
    flush_diags(r, &d);
    return flow;
}

/* Every {urgent=NAME} answer's page can be read: in this language, or in
 * English (check_parity() then warns that it falls back). Without it the
 * patient would see only the built-in crisis text. */
static void check_urgent_pages(struct report *r, const char *lang, const struct flow *flow,
                               const char *flow_path)
{
    for (int q = 0; flow && (size_t)q < flow_question_count(flow); q++)
        for (int a = 0; (size_t)a < flow_answer_count(flow, q); a++) {
            const char *page = flow_answer_urgent_page(flow, q, a);
            if (!page) /* not urgent, or a bad name flow_validate() reported */
                continue;
            char name[256], path[4096];
            int fell_back;
            snprintf(name, sizeof name, "%s.md", page);
            errno = ENOENT;
            if (content_find_lang(r->root, r->local, lang, name, path, sizeof path, &fell_back) >
                    0 &&
                access(path, R_OK) == 0)
                continue;
            say(r, flow_path, flow_answer_line(flow, q, a), 1,
                "answer \"%s\": {urgent=%s} opens %s, which cannot be read (%s): write that "
                "page, or name an urgent page that exists; until then the patient sees only a "
                "short built-in crisis text",
                flow_answer_label(flow, q, a), page, path, strerror(errno));
        }
}

struct teachback_ctx {
    struct report *r;
    const struct page *p;
};

static void teachback_said(void *ctx, int line, const char *msg)
{
    struct teachback_ctx *tc = ctx;
    say(tc->r, tc->p->path, line, 1, "%s", msg);
}

/* The page's "Did we explain this clearly?" section (teachback.h), then
 * blanked: the page's other checks see the page as patients read it. */
static void check_teachback(struct report *r, struct page *p)
{
    struct teachback_ctx tc = {r, p};
    int found;
    teachback_free(teachback_parse(p->text, p->len, teachback_said, &tc, &found));
    if (found)
        teachback_blank(p->text, p->len);
}

static void check_language(struct report *r, const char *lang, FILE *table, struct flow **flows,
                           char (*flow_paths)[4096], size_t index)
{
    char err[2048];
    struct content *c = content_open_local(r->root, r->local, lang, err, sizeof err);
    if (!c) {
        fprintf(r->out, "%s\n", err);
        r->result->errors++;
    } else {
        check_metadata(r, c);
    }
    char **pages;
    size_t n = list_both(r, lang, ".md", &pages);
    for (size_t i = 0; i < n; i++) {
        struct page p = {.lang = lang, .name = pages[i]};
        enum content_where w =
            content_find(r->root, r->local, lang, pages[i], p.path, sizeof p.path);
        if (w == CONTENT_MISSING)
            continue;
        if (w == CONTENT_OUTSIDE) {
            /* As the menu refuses it: never read what lies outside. */
            say(r, p.path, 0, 1,
                "leads outside the content folder (a symbolic link); a page "
                "must be a file inside it");
            continue;
        }
        p.text = content_slurp(p.path, CHECK_MAX_FILE, &p.len);
        if (!p.text) {
            say(r, p.path, 0, 1, "cannot read: %s",
                errno == EFBIG ? "larger than 64 MB" : strerror(errno));
            continue;
        }
        check_bytes(r, &p);
        check_placeholders(r, &p, c);
        check_teachback(r, &p);
        p.doc = markdown_parse(p.text, p.len);
        if (p.doc) {
            check_tree(r, &p);
            reading_level(r, &p, w == CONTENT_LOCAL, table);
            cmark_node_free(p.doc);
        }
        free(p.text);
    }
    free_names(pages, n);
    flows[index] = check_flow(r, lang, flow_paths[index], sizeof flow_paths[index]);
    check_urgent_pages(r, lang, flows[index], flow_paths[index]);
    content_close(c);
}

/* Pages English has that another language lacks fall back to English. */
static void check_parity(struct report *r, char **langs, size_t n)
{
    char **en;
    size_t en_n = list_both(r, "en", ".md", &en);
    for (size_t l = 0; l < n; l++) {
        if (strcmp(langs[l], "en") == 0)
            continue;
        for (size_t i = 0; i < en_n; i++) {
            char path[4096];
            if (content_find(r->root, r->local, langs[l], en[i], path, sizeof path) != 0)
                continue;
            /* Name the folder English's page is in: a local page's
             * translation belongs in the local folder too. */
            if (content_find(r->root, r->local, "en", en[i], path, sizeof path) == CONTENT_LOCAL)
                snprintf(path, sizeof path, "%s/%s/%s", r->local, langs[l], en[i]);
            else
                snprintf(path, sizeof path, "%s/%s/%s", r->root, langs[l], en[i]);
            say(r, path, 0, 0, "missing: patients will see the English page instead");
        }
    }
    free_names(en, en_n);
}

static int check_content_raw(const char *root, const struct check_options *opts, FILE *out,
                             struct check_result *result)
{
    *result = (struct check_result){0};
    struct report r = {.out = out,
                       .opts = opts,
                       .result = result,
                       .root = root,
                       .local = opts->local && *opts->local ? opts->local : NULL};
    char **langs;
    size_t n = list_both(&r, "", NULL, &langs);
    if (n == 0) {
        fprintf(out, "%s: error: cannot read the content folder: %s\n", root,
                errno ? strerror(errno) : "it has no language folders (such as en/)");
        result->unreadable = 1;
        free(langs);
        return 2;
    }
    char *table_text = NULL;
    size_t table_len = 0;
    FILE *table = open_memstream(&table_text, &table_len);
    struct flow **flows = calloc(n, sizeof *flows);
    char(*flow_paths)[4096] = calloc(n, sizeof *flow_paths);
    if (!table || !flows || !flow_paths) {
        fprintf(out, "%s: error: out of memory\n", root);
        if (table)
            fclose(table);
        free(table_text);
        free(flows);
        free(flow_paths);
        free_names(langs, n);
        return 2;
    }
    if (opts->config_path && opts->save_folder_problem)
        say(&r, opts->config_path, opts->save_folder_line, 1, "%s", opts->save_folder_problem);
    for (size_t i = 0; i < n; i++)
        check_language(&r, langs[i], table, flows, flow_paths, i);
    check_parity(&r, langs, n);
    /* Every language's flow must match English: ids, answers, targets, flags. */
    size_t en = n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(langs[i], "en") == 0)
            en = i;
    for (size_t i = 0; en < n && flows[en] && i < n; i++) {
        if (i == en)
            continue;
        struct flow_diags d = {0};
        if (flows[i])
            flow_compare(flows[en], flow_paths[en], flows[i], flow_paths[i], &d);
        else
            flow_diags_add(&d, flow_paths[i], 0, 1,
                           "missing: every language needs its question flow");
        flush_diags(&r, &d);
    }
    for (size_t i = 0; i < n; i++)
        flow_free(flows[i]);
    fclose(table);
    fprintf(out,
            "\nReading level (English: Flesch-Kincaid grade, target 6, limit %.0f; "
            "Spanish: Fernandez-Huerta, target 70, limit %.0f):\n",
            opts->max_grade, opts->min_ease_es);
    fprintf(out, "%-4s ", "lang");
    if (r.local)
        fprintf(out, "%-5s ", "from");
    fprintf(out, "%-28s %6s %9s  %s\n", "page", "words", "sentences", "score");
    fputs(table_text ? table_text : "", out);
    if (r.local)
        fprintf(out,
                "\n%d of %d page%s from the local folder %s (\"local\" above), the rest "
                "from %s\n",
                r.local_pages, r.pages, r.pages == 1 ? "" : "s", r.local, root);
    fprintf(out, "\n%d error%s, %d warning%s\n", result->errors, result->errors == 1 ? "" : "s",
            result->warnings, result->warnings == 1 ? "" : "s");
    free(table_text);
    free(flows);
    free(flow_paths);
    free_names(langs, n);
    return result->errors ? 1 : 0;
}

int check_content(const char *root, const struct check_options *opts, FILE *out,
                  struct check_result *result)
{
    /* The report quotes content (labels, ids, placeholders): it reaches the
     * author's terminal cleaned as the screen cleans it, so no escape
     * sequence, C1 control or bidi override in a file can act there. */
    char *text = NULL, *clean = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    int status = mem ? check_content_raw(root, opts, mem, result) : 2;
    if (mem && fclose(mem) == 0 && text && len < SIZE_MAX / 4)
        clean = malloc(3 * len + 1);
    if (clean) {
        size_t n = text_clean(clean, text, len);
        fwrite(clean, 1, n, out);
    } else {
        *result = (struct check_result){.unreadable = 1};
        fprintf(out, "%s: error: out of memory\n", root);
        status = 2;
    }
    free(clean);
    free(text);
    return status;
}
