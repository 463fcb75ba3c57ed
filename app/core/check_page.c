/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_page.c: the checks of one page for `--check` (check.h): its bytes,
 * placeholders, links, anchors and tables, and its teach-back section, which
 * must be the same check in every language (same question ids, as many
 * answers, the same ones marked #again). Each problem is reported through check_say(); nothing here allocates what it
 * returns. */
#include "config.h"

#include "core/check.h"
#include "core/check_internal.h"
#include "core/content.h"
#include "core/content_find.h"
#include "core/markdown.h"
#include "core/teachback.h"

#include <stdlib.h>
#include <string.h>

/* Placeholders filled from configuration rather than from index.md. */
static const char *const config_vars[] = {"clinic-name", "clinic-phone"};

static int line_of(const char *text, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Bytes that are not text: NUL, invalid UTF-8. Reports the first of each. */
void check_bytes(struct report *r, const struct page *p)
{
    const unsigned char *s = (const unsigned char *)p->text;
    for (size_t i = 0; i < p->len;) {
        if (s[i] == 0) {
            check_say(
                r, p->path, line_of(p->text, i), 1,
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
            check_say(r, p->path, line_of(p->text, i), 1,
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
    check_say(
        r, p->path, line_of(p->text, at), 0,
        "{{%s}} is left empty: %s sets no %s in its [clinic] section, so patients read \"%s\" "
        "here (or its translation); set it, like %s",
        name, o->config_path, is_name ? "name" : "phone", content_placeholder_default(name, 1),
        is_name ? "\"name = Riverside Clinic\"" : "\"phone = 555-0100\"");
}

void check_placeholders(struct report *r, const struct page *p, const struct content *c)
{
    for (const char *s = p->text; (s = strstr(s, "{{")) != NULL; s += 2) {
        const char *end = strstr(s + 2, "}}");
        size_t n = end ? (size_t)(end - s - 2) : 0;
        char name[64];
        if (!end || n == 0 || n >= sizeof name || memchr(s + 2, '\n', n)) {
            check_say(r, p->path, line_of(p->text, (size_t)(s - p->text)), 1,
                      "\"{{\" opens a placeholder that is never closed with \"}}\"");
            continue;
        }
        memcpy(name, s + 2, n);
        name[n] = '\0';
        if (!known_var(c, name))
            check_say(
                r, p->path, line_of(p->text, (size_t)(s - p->text)), 1,
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
            check_say(r, p->path, line, 1,
                      "link \"%s\" must name a page in this folder, like faq.md", url);
            return;
        }
        char path[4096];
        enum content_where w = content_find(r->root, r->local, p->lang, file, path, sizeof path);
        if (w == CONTENT_OUTSIDE) {
            check_say(r, p->path, line, 1, "link \"%s\": %s leads outside the content folder", url,
                      path);
            return;
        }
        size_t len;
        char *text = w == CONTENT_MISSING ? NULL : content_slurp(path, CHECK_MAX_FILE, &len);
        if (!text) {
            check_say(r, p->path, line, 1, "link \"%s\": there is no page %s", url, path);
            return;
        }
        other = markdown_parse(text, len);
        free(text);
        target = other;
    }
    if (hash && hash[1] && target && !has_anchor(target, hash + 1))
        check_say(r, p->path, line, 1, "link \"%s\": no heading there has the anchor #%s", url,
                  hash + 1);
    if (other)
        cmark_node_free(other);
}

void check_tree(struct report *r, const struct page *p)
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
                check_say(r, p->path, line, 1,
                          "this table's header row is empty: give each column a short heading");
            free(text);
        }
    }
    cmark_iter_free(it);
}

struct teachback_ctx {
    struct report *r;
    const struct page *p;
};

static void teachback_said(void *ctx, int line, const char *msg)
{
    struct teachback_ctx *tc = ctx;
    check_say(tc->r, tc->p->path, line, 1, "%s", msg);
}

/* The page's "Did we explain this clearly?" section (teachback.h), then
 * blanked: the page's other checks see the page as patients read it. */
void check_teachback(struct report *r, struct page *p)
{
    struct teachback_ctx tc = {r, p};
    int found;
    teachback_free(teachback_parse(p->text, p->len, teachback_said, &tc, &found));
    if (found)
        teachback_blank(p->text, p->len);
}

/* ---- the same check in every language ---- */

/* The check of the page at path, read quietly (its problems are
 * check_teachback()'s to tell). NULL when none, broken or unreadable;
 * *found as teachback_parse(). */
static struct teachback *read_check(const char *path, int *found)
{
    size_t len;
    char *text = content_slurp(path, CHECK_MAX_FILE, &len);
    *found = 0;
    if (!text)
        return NULL;
    struct teachback *t = teachback_parse(text, len, NULL, NULL, found);
    free(text);
    return t;
}

/* Question q of t against English's question e: as many answers, and the
 * same ones marked #again. */
static void same_question(struct report *r, const char *path, const struct teachback_question *q,
                          const char *en_path, const struct teachback_question *e)
{
    if (q->answer_count != e->answer_count) {
        check_say(r, path, q->line, 1,
                  "question {#%s} has %d answers, but %s:%d has %d: every language needs the "
                  "same answers, in the same order",
                  q->id, q->answer_count, en_path, e->line, e->answer_count);
        return;
    }
    for (int a = 0; a < q->answer_count; a++)
        if (q->answers[a].clear != e->answers[a].clear) {
            check_say(r, path, q->line, 1,
                      "question {#%s}: answer %d goes to #%s, but in %s:%d it goes to #%s: "
                      "every language must mark the same answers #again",
                      q->id, a + 1, q->answers[a].clear ? "clear" : "again", en_path, e->line,
                      e->answers[a].clear ? "clear" : "again");
            return;
        }
}

void check_teachback_same(struct report *r, const char *en_path, const char *path)
{
    int en_found, found;
    struct teachback *en = read_check(en_path, &en_found);
    struct teachback *t = read_check(path, &found);
    if (en_found && !found)
        check_say(r, path, 0, 1,
                  "has no \"Did we explain this clearly?\" check ({#check}), but %s has one%s: "
                  "every language needs the same check",
                  en_path, en ? "" : " (with problems of its own)");
    else if (!en_found && found)
        check_say(r, path, t ? t->line : 0, 1,
                  "this check ({#check}) is not in %s: every language needs the same check, or "
                  "none",
                  en_path);
    for (int i = 0; en && t && i < en->count; i++) {
        int k = teachback_find(t, en->q[i].id);
        if (k < 0)
            check_say(r, path, t->line, 1,
                      "this check has no question {#%s}, which %s:%d has: every language needs "
                      "the same questions, by id",
                      en->q[i].id, en_path, en->q[i].line);
        else
            same_question(r, path, &t->q[k], en_path, &en->q[i]);
    }
    for (int k = 0; en && t && k < t->count; k++)
        if (teachback_find(en, t->q[k].id) < 0)
            check_say(r, path, t->q[k].line, 1,
                      "question {#%s} is not in %s's check: every language needs the same "
                      "questions, by id",
                      t->q[k].id, en_path);
    teachback_free(en);
    teachback_free(t);
}
