/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_links.c: --plain: after a page read to its end, the pages it links
 * to as numbered lines ("Pages this page links to: 1. Title"); typing a
 * number reads that page, Enter goes back to the menu. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The words of link id as they show on the page (its spans joined by a
 * space). Caller frees; NULL when out of memory or when it shows nowhere. */
static char *link_words(const struct layout *L, uint32_t id)
{
    size_t n = 1;
    for (size_t i = 0; i < L->link_span_count; i++)
        if (L->link_spans[i].link == id)
            n += L->link_spans[i].len + 1;
    if (n == 1)
        return NULL;
    char *s = malloc(n), *w = s;
    for (size_t i = 0; s && i < L->link_span_count; i++) {
        const struct layout_link_span *sp = &L->link_spans[i];
        if (sp->link != id)
            continue;
        if (w > s)
            *w++ = ' ';
        memcpy(w, layout_line_text(L, sp->line) + sp->off, sp->len);
        w += sp->len;
    }
    if (s)
        *w = '\0';
    return s;
}

/* 1 when page can be read in this language (or in English). */
static int page_exists(const struct content *c, const char *page)
{
    char err[512];
    size_t len;
    int fell_back = 0;
    if (strcmp(page, VISIT_FLOW_PAGE) == 0)
        return 1;
    if (!content_page_name_ok(page))
        return 0;
    char *text = content_read_page(c, page, &len, &fell_back, err, sizeof err);
    if (!text)
        return 0;
    wipe_free(text, len);
    return 1;
}

void plain_links_collect(const struct content *c, const struct layout *L, struct plain_links *out)
{
    *out = (struct plain_links){0};
    for (size_t i = 0; i < L->link_count && out->count < PLAIN_LINKS_MAX; i++) {
        const struct layout_link *k = &L->links[i];
        if (k->kind != LINK_PAGE)
            continue;
        int seen = 0;
        for (size_t j = 0; j < out->count && !seen; j++)
            seen = strcmp(out->page[j], k->page) == 0;
        if (seen || !page_exists(c, k->page))
            continue;
        char *title = NULL;
        for (size_t e = 0; e < c->entry_count && !title; e++)
            if (strcmp(c->entries[e].page, k->page) == 0)
                title = strdup(c->entries[e].label);
        if (!title)
            title = link_words(L, (uint32_t)i);
        char *page = strdup(k->page);
        if (!title || !page) {
            free(title);
            free(page);
            continue;
        }
        out->page[out->count] = page;
        out->title[out->count++] = title;
    }
}

void plain_links_free(struct plain_links *l)
{
    for (size_t i = 0; i < l->count; i++) {
        wipe_string(l->page[i]);
        wipe_string(l->title[i]);
    }
    *l = (struct plain_links){0};
}

/* The numbered list, and what the patient types under it: 0 back to the
 * menu, k (1-based) to read link k, -1 when the session is over. */
static int choose(struct plain *p, const struct plain_links *l)
{
    if (l->count > 0) {
        plain_write(p, "\n");
        plain_say(p, _("Pages this page links to:"));
        for (size_t i = 0; i < l->count; i++) {
            char line[1100];
            snprintf(line, sizeof line, "%zu. %s", i + 1, l->title[i]);
            plain_say(p, line);
        }
    }
    const char *prompt =
        l->count > 0 ? _("-- End of the page: a number opens that page, Enter for the menu --")
                     : _("-- End of the page: Enter for the menu --");
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s)
            return -1;
        if (l->count == 0) { /* as before there were links: any answer goes back */
            if (strcasecmp(s, "q") == 0)
                plain_common_key(p, s);
            return 0;
        }
        if (!*s || strcasecmp(s, "h") == 0 || strcasecmp(s, "b") == 0)
            return 0;
        int k = plain_number(s, (int)l->count);
        if (k > 0)
            return k;
        if (plain_common_key(p, s))
            return 0;
        plain_invalid(p);
    }
}

int plain_links_read(struct plain *p, const char *page)
{
    char *now = strdup(page);
    int rc = now ? 1 : 0;
    while (now && rc == 1) {
        struct plain_links l;
        rc = plain_page(p, now, 0, &l);
        if (rc == 1) {
            int k = choose(p, &l);
            free(now);
            now = NULL;
            if (k < 0)
                rc = -1;
            else if (k > 0 && strcmp(l.page[k - 1], VISIT_FLOW_PAGE) == 0) {
                if (plain_flow_ready(p) > 0)
                    plain_flow_open(p);
                rc = 0;
            } else if (k > 0) {
                now = strdup(l.page[k - 1]);
            } else {
                rc = 0;
            }
        }
        plain_links_free(&l);
    }
    free(now);
    return rc;
}
