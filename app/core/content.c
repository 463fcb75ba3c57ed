/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.c: the content folder: index, menu, metadata, pages, placeholders.
 * Reading one file and judging a page's name and place are in content_file.c. */
#include "config.h"

#include "core/content.h"
#include "core/buf.h"
#include "core/content_find.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/teachback.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest Markdown file the kiosk reads, in bytes. */
enum { CONTENT_MAX_FILE = 64 * 1024 * 1024 };

static char *join3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s%s%s", a, b, *c ? "/" : "", c);
    return s;
}

int content_set_var(struct content *content, const char *name, const char *value)
{
    for (size_t i = 0; i < content->var_count; i++) {
        if (strcmp(content->vars[i].name, name) == 0) {
            char *copy = strdup(value);
            if (!copy)
                return -1;
            free(content->vars[i].value);
            content->vars[i].value = copy;
            return 0;
        }
    }
    struct content_var *vars =
        realloc(content->vars, (content->var_count + 1) * sizeof *content->vars);
    if (!vars)
        return -1;
    content->vars = vars;
    char *n = strdup(name), *v = strdup(value);
    if (!n || !v) {
        free(n);
        free(v);
        return -1;
    }
    vars[content->var_count++] = (struct content_var){n, v};
    return 0;
}

const char *content_var(const struct content *content, const char *name)
{
    for (size_t i = 0; i < content->var_count; i++)
        if (strcmp(content->vars[i].name, name) == 0)
            return content->vars[i].value;
    return NULL;
}

/* Metadata: "key: value" lines in the first HTML comment of index.md. */
static int read_metadata(struct content *content, cmark_node *doc)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
            continue;
        const char *lit = cmark_node_get_literal(n);
        if (strncmp(lit, "<!--", 4) != 0)
            return 0;
        for (const char *line = lit + 4; *line;) {
            const char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            const char *colon = memchr(line, ':', len);
            if (colon && colon > line) {
                char key[64], value[512];
                size_t klen = (size_t)(colon - line);
                const char *v = colon + 1;
                size_t vlen = len - klen - 1;
                while (vlen > 0 && *v == ' ')
                    v++, vlen--;
                while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\r'))
                    vlen--;
                if (vlen >= 3 && strncmp(v + vlen - 3, "-->", 3) == 0)
                    vlen -= 3;
                if (klen < sizeof key && vlen < sizeof value &&
                    strspn(line, "abcdefghijklmnopqrstuvwxyz-") == klen) {
                    memcpy(key, line, klen);
                    key[klen] = '\0';
                    memcpy(value, v, vlen);
                    value[vlen] = '\0';
                    if (content_set_var(content, key, value) < 0)
                        return -1;
                }
            }
            line += len + (end ? 1 : 0);
        }
        return 0;
    }
    return 0;
}

/* review-date: and its old name last-reviewed: give the same value under
 * both names (content->old_review_key says the old one was written), and
 * the review keys exist (maybe empty) so that their placeholders always
 * fill. 0, or -1 when out of memory. */
static int alias_review_keys(struct content *content)
{
    const char *date = content_var(content, "review-date");
    const char *old = content_var(content, "last-reviewed");
    content->old_review_key = old && !date;
    if (old && !date && content_set_var(content, "review-date", old) < 0)
        return -1;
    if (date && !old && content_set_var(content, "last-reviewed", date) < 0)
        return -1;
    static const char *const keys[] = {"review-date", "last-reviewed", "reviewed-by",
                                       "translated-by"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!content_var(content, keys[i]) && content_set_var(content, keys[i], "") < 0)
            return -1;
    return 0;
}

static int read_menu(struct content *content, cmark_node *doc, char *err, size_t errlen)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (!content->title && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            content->title = markdown_plain_text(n);
            if (!content->title)
                return -1;
        }
        if (content->entry_count > 0 || cmark_node_get_type(n) != CMARK_NODE_LIST)
            continue;
        for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            cmark_node *para = cmark_node_first_child(item);
            cmark_node *link = para ? cmark_node_first_child(para) : NULL;
            while (link && cmark_node_get_type(link) != CMARK_NODE_LINK)
                link = cmark_node_next(link);
            int line = cmark_node_get_start_line(item);
            if (!link) {
                snprintf(err, errlen, "%s:%d: error: a menu entry has no link to a page",
                         content->index_path, line);
                return -2;
            }
            const char *url = cmark_node_get_url(link);
            if (!content_page_name_ok(url)) {
                snprintf(err, errlen,
                         "%s:%d: error: menu link \"%s\" is not a page file name in this folder "
                         "(like faq.md)",
                         content->index_path, line, url);
                return -2;
            }
            struct content_entry *e =
                realloc(content->entries, (content->entry_count + 1) * sizeof *e);
            if (!e)
                return -1;
            content->entries = e;
            e[content->entry_count] =
                (struct content_entry){markdown_plain_text(link), strdup(url), line};
            content->entry_count++;
            if (!e[content->entry_count - 1].label || !e[content->entry_count - 1].page)
                return -1;
        }
    }
    if (!content->title) {
        snprintf(err, errlen, "%s:1: error: index.md has no heading to use as the title",
                 content->index_path);
        return -2;
    }
    if (content->entry_count == 0) {
        snprintf(err, errlen, "%s:1: error: index.md has no list of links to pages (the menu)",
                 content->index_path);
        return -2;
    }
    return 0;
}

/* 0 when the page exists inside its folder (the local one first) and can be
 * read; else -1 with err. */
static int check_page(const struct content *content, const struct content_entry *e, char *err,
                      size_t errlen)
{
    char path[4096];
    enum content_where w =
        content_find(content->root, content->local, content->lang, e->page, path, sizeof path);
    if (w == CONTENT_OUTSIDE)
        snprintf(err, errlen, "%s:%d: error: %s leads outside the content folder",
                 content->index_path, e->line, path);
    else if (w == CONTENT_MISSING && content->local)
        snprintf(err, errlen,
                 "%s:%d: error: the menu names %s, which is neither in %s/%s nor in %s/%s",
                 content->index_path, e->line, e->page, content->local, content->lang,
                 content->root, content->lang);
    else if (w == CONTENT_MISSING || access(path, R_OK) != 0)
        snprintf(err, errlen, "%s:%d: error: the menu names %s, which %s", content->index_path,
                 e->line, path,
                 w == CONTENT_MISSING || errno == ENOENT ? "does not exist" : "cannot be read");
    else
        return 0;
    return -1;
}

struct content *content_open(const char *root, const char *lang, char *err, size_t errlen)
{
    return content_open_local(root, NULL, lang, err, errlen);
}

struct content *content_open_local(const char *root, const char *local, const char *lang, char *err,
                                   size_t errlen)
{
    char index[4096];
    enum content_where w = content_find(root, local, lang, "index.md", index, sizeof index);
    struct content *c = calloc(1, sizeof *c);
    if (!c || !(c->root = strdup(root)) || !(c->lang = strdup(lang)) ||
        (local && *local && !(c->local = strdup(local))) || !(c->index_path = strdup(index))) {
        snprintf(err, errlen, "out of memory");
        content_close(c);
        return NULL;
    }
    if (w == CONTENT_OUTSIDE) {
        snprintf(err, errlen, "%s: error: leads outside the content folder", c->index_path);
        content_close(c);
        return NULL;
    }
    size_t len;
    char *text = content_slurp(c->index_path, CONTENT_MAX_FILE, &len);
    if (!text) {
        snprintf(err, errlen, "%s: error: cannot read the content index: %s", c->index_path,
                 strerror(errno));
        content_close(c);
        return NULL;
    }
    cmark_node *doc = markdown_parse(text, len);
    free(text);
    int status = doc ? read_metadata(c, doc) : -1;
    if (status == 0)
        status = alias_review_keys(c);
    if (status == 0)
        status = read_menu(c, doc, err, errlen);
    cmark_node_free(doc);
    for (size_t i = 0; status == 0 && i < c->entry_count; i++)
        status = check_page(c, &c->entries[i], err, errlen) < 0 ? -2 : 0;
    if (status != 0) {
        if (status == -1)
            snprintf(err, errlen, "out of memory");
        content_close(c);
        return NULL;
    }
    return c;
}

struct content *content_bare(const char *root, const char *lang)
{
    struct content *c = calloc(1, sizeof *c);
    if (c && (!(c->root = strdup(root)) || !(c->lang = strdup(lang)) ||
              !(c->index_path = join3(root, lang, "index.md")) || !(c->title = strdup("")))) {
        content_close(c);
        return NULL;
    }
    return c;
}

void content_close(struct content *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->entry_count; i++) {
        free(c->entries[i].label);
        free(c->entries[i].page);
    }
    for (size_t i = 0; i < c->var_count; i++) {
        free(c->vars[i].name);
        free(c->vars[i].value);
    }
    free(c->entries);
    free(c->vars);
    free(c->root);
    free(c->local);
    free(c->lang);
    free(c->index_path);
    free(c->title);
    free(c);
}

const char *content_placeholder_default(const char *name, int english)
{
    /* Each reads naturally wherever the pages put the placeholder: "call
     * {{clinic-name}} at {{clinic-phone}}", "your care team at
     * {{clinic-name}}", "You can also call {{clinic-phone}}". */
    static const struct {
        const char *name, *text;
    } defaults[] = {
        {"clinic-name", N_("the clinic")},
        {"clinic-phone", N_("the number your care team gave you")},
    };
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
        if (strcmp(name, defaults[i].name) == 0)
            return english ? defaults[i].text : _(defaults[i].text);
    return NULL;
}

/* content_fill(), the defaults in English when english is 1. */
static char *fill(const struct content *content, const char *text, size_t len, size_t *out_len,
                  int english)
{
    struct buf out = {0};
    size_t plain = 0; /* start of the text not yet copied */
    for (size_t i = 0; i < len; i++) {
        if (!content || i + 4 > len || text[i] != '{' || text[i + 1] != '{')
            continue;
        const char *close = memmem(text + i + 2, len - i - 2 < 64 ? len - i - 2 : 64, "}}", 2);
        if (!close)
            continue;
        char name[64];
        size_t nlen = (size_t)(close - (text + i + 2));
        memcpy(name, text + i + 2, nlen);
        name[nlen] = '\0';
        const char *value = content_var(content, name);
        const char *fallback = content_placeholder_default(name, english);
        if ((!value || !*value) && fallback)
            value = fallback;
        if (!value)
            continue;
        buf_add(&out, text + plain, i - plain);
        markdown_escape_to(&out, value);
        i += nlen + 3;
        plain = i + 1;
    }
    buf_add(&out, text + plain, len - plain);
    size_t n = out.len;
    char *filled = buf_take(&out);
    if (filled)
        *out_len = n;
    return filled;
}

char *content_fill(const struct content *content, const char *text, size_t len, size_t *out_len)
{
    return fill(content, text, len, out_len, 0);
}

/* Read and fill a file; the clinic defaults in English when english is 1;
 * whole: the teach-back answers kept (content_page_check()). */
static char *read_file(const struct content *content, const char *path, size_t *len, char *err,
                       size_t errlen, int whole, int english)
{
    size_t raw_len;
    char *raw = content_slurp(path, CONTENT_MAX_FILE, &raw_len);
    if (!raw) {
        snprintf(err, errlen, "%s: error: cannot read: %s", path,
                 errno == EFBIG ? "the file is larger than 64 MB" : strerror(errno));
        return NULL;
    }
    char *filled = fill(content, raw, raw_len, len, english);
    free(raw);
    if (!filled)
        snprintf(err, errlen, "%s: error: out of memory", path);
    else if (!whole)
        teachback_blank(filled, *len);
    return filled;
}

char *content_read_file(const struct content *content, const char *path, size_t *len, char *err,
                        size_t errlen)
{
    return read_file(content, path, len, err, errlen, 0, 0);
}

static char *read_page(const struct content *content, const char *page, size_t *len, int *fell_back,
                       char *err, size_t errlen, int whole)
{
    *fell_back = 0;
    if (!content_page_name_ok(page)) {
        snprintf(err, errlen, "%s: error: \"%s\" is not a page name", content->index_path, page);
        return NULL;
    }
    char path[4096];
    enum content_where w = content_find_lang(content->root, content->local, content->lang, page,
                                             path, sizeof path, fell_back);
    if (w == CONTENT_OUTSIDE) {
        snprintf(err, errlen, "%s: error: leads outside the content folder", path);
        return NULL;
    }
    return read_file(content, path, len, err, errlen, whole, *fell_back);
}

char *content_read_page(const struct content *content, const char *page, size_t *len,
                        int *fell_back, char *err, size_t errlen)
{
    return read_page(content, page, len, fell_back, err, errlen, 0);
}

struct teachback *content_page_check(const struct content *content, const char *page)
{
    size_t len;
    int fell_back, found;
    char err[512];
    char *text = read_page(content, page, &len, &fell_back, err, sizeof err, 1);
    struct teachback *t = text ? teachback_parse(text, len, NULL, NULL, &found) : NULL;
    free(text);
    return t;
}

struct layout *content_intro_layout(const struct content *content, const struct layout_opts *opts)
{
    size_t len;
    char err[512];
    char *text = content_read_file(content, content->index_path, &len, err, sizeof err);
    if (!text)
        return NULL;
    cmark_node *doc = markdown_parse(text, len);
    free(text);
    if (!doc)
        return NULL;
    /* Drop the title and the menu: the home screen draws those itself. */
    int dropped_title = 0, dropped_menu = 0;
    for (cmark_node *n = cmark_node_first_child(doc), *next; n; n = next) {
        next = cmark_node_next(n);
        cmark_node_type type = cmark_node_get_type(n);
        if ((type == CMARK_NODE_HEADING && !dropped_title++) ||
            (type == CMARK_NODE_LIST && !dropped_menu++))
            cmark_node_free(n);
    }
    struct layout *L = layout_document(doc, opts);
    cmark_node_free(doc);
    return L;
}

static int compare_languages(const void *a, const void *b)
{
    const struct content_language *x = a, *y = b;
    int xe = strcmp(x->code, "en") == 0, ye = strcmp(y->code, "en") == 0;
    if (xe != ye)
        return ye - xe;
    return strcmp(x->code, y->code);
}

/* The language-name metadata of root/code/index.md, else code, into name.
 * Only the metadata comment is parsed when the file starts with it (as
 * index.md does): cmark ends that HTML block at the first line holding
 * "-->", so the text up to there gives the same metadata as the whole file.
 * 0, or -1 when the file cannot be read or out of memory. */
static int language_name(const char *root, const char *local, const char *code, char *name,
                         size_t size)
{
    char index[4096];
    struct content *c = content_find(root, local, code, "index.md", index, sizeof index) > 0
                            ? content_bare(root, code)
                            : NULL;
    size_t len;
    char *text = c ? content_slurp(index, CONTENT_MAX_FILE, &len) : NULL;
    if (!text) {
        content_close(c);
        return -1;
    }
    const char *end = strncmp(text, "<!--", 4) == 0 ? strstr(text, "-->") : NULL;
    if (end) {
        end += strcspn(end, "\n");
        len = (size_t)(end - text) + (*end == '\n');
    }
    cmark_node *doc = markdown_parse(text, len);
    free(text);
    int status = doc ? read_metadata(c, doc) : -1;
    if (doc)
        cmark_node_free(doc);
    const char *value = content_var(c, "language-name");
    snprintf(name, size, "%s", value && *value ? value : code);
    content_close(c);
    return status;
}

size_t content_languages(const char *root, struct content_language *out, size_t max)
{
    return content_languages_local(root, NULL, out, max);
}

/* Add the languages of folder dir (root or local) not in out[0..n) yet. */
static size_t add_languages(const char *dir, const char *root, const char *local,
                            struct content_language *out, size_t n, size_t max)
{
    DIR *d = dir && *dir ? opendir(dir) : NULL;
    if (!d)
        return n;
    struct dirent *e;
    while (n < max && (e = readdir(d))) {
        size_t len = strlen(e->d_name), seen = 0;
        if (e->d_name[0] == '.' || len >= sizeof out->code)
            continue;
        while (seen < n && strcmp(out[seen].code, e->d_name) != 0)
            seen++;
        if (seen < n || language_name(root, local, e->d_name, out[n].name, sizeof out[n].name) < 0)
            continue;
        snprintf(out[n].code, sizeof out[n].code, "%s", e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

size_t content_languages_local(const char *root, const char *local, struct content_language *out,
                               size_t max)
{
    size_t n = add_languages(root, root, local, out, 0, max);
    n = add_languages(local, root, local, out, n, max);
    qsort(out, n, sizeof *out, compare_languages);
    return n;
}
