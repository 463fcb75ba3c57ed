/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c: the content check a nurse runs after editing: problems with file
 * and line, then every page's reading level. This file walks the folders,
 * metadata, flows and languages; the checks of one page are in check_page.c
 * and its reading level in check_level.c (check_internal.h). */
#include "config.h"

#include "core/check.h"
#include "core/check_internal.h"
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

/* Metadata index.md must carry (the sign-off keys: governance.h). */
static const char *const required_meta[] = {"content-version", "next-review"};

void check_say(struct report *r, const char *file, int line, int is_error, const char *fmt, ...)
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
            check_say(
                r, c->index_path, 1, r->opts->strict,
                "\"%s:\" is missing or empty in the metadata block: fill it in before a release "
                "(%s)",
                keys[i],
                strcmp(keys[i], "review-date") == 0   ? "the date of the clinical review, like "
                                                        "2026-11-28"
                : strcmp(keys[i], "reviewed-by") == 0 ? "who reviewed it, with their role"
                                                      : "who translated it; in English write "
                                                        "\"original English text\"");
        else if (st == GOVERNANCE_DRAFT)
            check_say(r, c->index_path, 1, r->opts->strict,
                      "\"%s: %s\" reads as a draft: the content is not signed off for a release",
                      keys[i], v);
    }
    if (c->old_review_key)
        check_say(
            r, c->index_path, 1, 0,
            "\"last-reviewed:\" is the old name of \"review-date:\"; it still works, but rename "
            "the line to review-date:");
}

static void check_metadata(struct report *r, const struct content *c)
{
    for (size_t i = 0; i < sizeof required_meta / sizeof required_meta[0]; i++)
        if (!content_var(c, required_meta[i]) || !*content_var(c, required_meta[i]))
            check_say(r, c->index_path, 1, 1,
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
            check_say(r, c->index_path, 1, 1, "%s \"%s\" is not a date like 2026-11-28",
                      i == 0 && c->old_review_key ? "last-reviewed" : dates[i], v);
            continue;
        }
        if (i == 1 && mktime(&tm) < r->opts->today)
            check_say(r, c->index_path, 1, 0,
                      "the next review was due on %s: have the content reviewed", v);
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
        check_say(r, path, 0, 1,
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
            check_say(
                r, flow_path, flow_answer_line(flow, q, a), 1,
                "answer \"%s\": {urgent=%s} opens %s, which cannot be read (%s): write that "
                "page, or name an urgent page that exists; until then the patient sees only a "
                "short built-in crisis text",
                flow_answer_label(flow, q, a), page, path, strerror(errno));
        }
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
            check_say(r, p.path, 0, 1,
                      "leads outside the content folder (a symbolic link); a page "
                      "must be a file inside it");
            continue;
        }
        p.text = content_slurp(p.path, CHECK_MAX_FILE, &p.len);
        if (!p.text) {
            check_say(r, p.path, 0, 1, "cannot read: %s",
                      errno == EFBIG ? "larger than 64 MB" : strerror(errno));
            continue;
        }
        check_bytes(r, &p);
        check_placeholders(r, &p, c);
        check_teachback(r, &p);
        p.doc = markdown_parse(p.text, p.len);
        if (p.doc) {
            check_tree(r, &p);
            check_reading_level(r, &p, w == CONTENT_LOCAL, table);
            cmark_node_free(p.doc);
        }
        free(p.text);
    }
    free_names(pages, n);
    flows[index] = check_flow(r, lang, flow_paths[index], sizeof flow_paths[index]);
    check_urgent_pages(r, lang, flows[index], flow_paths[index]);
    content_close(c);
}

/* Pages English has that another language lacks fall back to English; a
 * page both have must have the same teach-back check (check_page.c). */
static void check_parity(struct report *r, char **langs, size_t n)
{
    char **en;
    size_t en_n = list_both(r, "en", ".md", &en);
    for (size_t l = 0; l < n; l++) {
        if (strcmp(langs[l], "en") == 0)
            continue;
        for (size_t i = 0; i < en_n; i++) {
            char path[4096], en_path[4096];
            enum content_where w =
                content_find(r->root, r->local, langs[l], en[i], path, sizeof path);
            if (w == CONTENT_PACKAGED || w == CONTENT_LOCAL) {
                if (content_find(r->root, r->local, "en", en[i], en_path, sizeof en_path) > 0)
                    check_teachback_same(r, en_path, path);
                continue;
            }
            if (w != CONTENT_MISSING)
                continue;
            /* Name the folder English's page is in: a local page's
             * translation belongs in the local folder too. */
            if (content_find(r->root, r->local, "en", en[i], path, sizeof path) == CONTENT_LOCAL)
                snprintf(path, sizeof path, "%s/%s/%s", r->local, langs[l], en[i]);
            else
                snprintf(path, sizeof path, "%s/%s/%s", r->root, langs[l], en[i]);
            check_say(r, path, 0, 0, "missing: patients will see the English page instead");
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
        check_say(&r, opts->config_path, opts->save_folder_line, 1, "%s",
                  opts->save_folder_problem);
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
