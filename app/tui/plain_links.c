/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_links.c: --plain: after a page read to its end, typing the number
 * of one of its "Links on this page" notes ([n], each titled as the menu
 * names the page) reads that page; Enter goes back to the menu. A page with
 * a teach-back check offers it there (e, plain_teachback.c). */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

void plain_links_collect(const struct layout *L, struct plain_links *out)
{
    *out = (struct plain_links){0};
    for (size_t i = 0; i < L->link_count; i++) {
        const struct layout_link *k = &L->links[i];
        uint32_t n = k->note;
        if (n == 0 || n > PLAIN_LINKS_MAX)
            continue;
        if (n > out->count)
            out->count = n;
        if (k->kind == LINK_PAGE && !out->page[n - 1])
            out->page[n - 1] = strdup(k->page); /* out of memory: as a website's */
    }
}

void plain_links_free(struct plain_links *l)
{
    for (size_t i = 0; i < l->count; i++)
        wipe_string(l->page[i]);
    *l = (struct plain_links){0};
}

/* What the patient types at the end of page: 0 back to the menu, k
 * (1-based) to read the page of note [k], -1 when the session is over. When
 * the page has a teach-back check, e starts it (plain_teachback.c), then
 * the page's end asks again. */
static int choose(struct plain *p, const char *page, const struct plain_links *l)
{
    const char *prompt =
        l->count > 0 ? _("-- End of the page: a link's number opens it, Enter for the menu --")
                     : _("-- End of the page: Enter for the menu --");
    int check = plain_teachback_offered(p, page);
    if (check)
        plain_teachback_offer(p);
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s)
            return -1;
        if (check && strcasecmp(s, "e") == 0) {
            if (plain_teachback_run(p, page) < 0)
                return -1;
            continue;
        }
        if (l->count == 0) { /* as before there were links: any answer goes back */
            if (strcasecmp(s, "q") == 0)
                plain_common_key(p, s);
            return 0;
        }
        if (!*s || strcasecmp(s, "h") == 0 || strcasecmp(s, "b") == 0)
            return 0;
        int k = plain_number(s, (int)l->count);
        if (k > 0 && !l->page[k - 1])
            plain_say(p, _("This link is to a website, which cannot be opened here. Its address is "
                           "in the list at the end of the page."));
        else if (k > 0 && !page_exists(p->visit.content, l->page[k - 1]))
            plain_say(p, _("Sorry, the page this link goes to is missing."));
        else if (k > 0)
            return k;
        else if (plain_common_key(p, s))
            return 0;
        else
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
            int k = choose(p, now, &l);
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
