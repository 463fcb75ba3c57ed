/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_teachback.c: --plain: "Did we explain this clearly?", the check at
 * the end of a key page (core/teachback.h), read as lines. After such a
 * page is read to its end, plain_links.c says that a short check is
 * offered and that e starts it; here its questions come one at a time,
 * each answer a numbered line, and the patient types a number. The words
 * after an answer are the full screen's (screen_teachback.c): a thank-you,
 * and for an "again" answer that the care team will be asked to explain it
 * again. The answer goes into the visit (visit_teachback_answer()), so the
 * summary's "Things to explain again" is the same in both front ends.
 *
 * The check is content, read again after every shared key (a language
 * switch brings it back in the new language); what the patient answered
 * lives only in the visit, which is wiped on forget. No ncurses here. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/teachback.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int plain_teachback_offered(struct plain *p, const char *page)
{
    if (p->opts->visit.file || strcmp(page, VISIT_FLOW_PAGE) == 0)
        return 0;
    struct teachback *t = content_page_check(p->visit.content, page);
    teachback_free(t);
    return t != NULL;
}

void plain_teachback_offer(struct plain *p)
{
    plain_say(p, _("This page has a short check: did we explain it clearly? Type e and press "
                   "Enter to start it."));
}

/* Question q of t: "Question 1 of 2", its words, its answers numbered. */
static void say_question(struct plain *p, const struct teachback *t, int q)
{
    char head[64];
    snprintf(head, sizeof head, _("Question %d of %d"), q + 1, t->count);
    plain_write(p, "\n");
    plain_say(p, head);
    plain_say(p, t->q[q].title);
    for (int a = 0; a < t->q[q].answer_count; a++) {
        char lead[16], pad[16];
        int w = snprintf(lead, sizeof lead, "%d. ", a + 1);
        snprintf(pad, sizeof pad, "%*s", w, "");
        struct layout_opts o = plain_layout_opts(p, p->width - w);
        o.show_sources = 0;
        struct layout *L = layout_text(t->q[q].answers[a].label, 0, &o);
        for (size_t l = 0; L && l < L->line_count; l++)
            plain_line(p, L, l, l == 0 ? lead : pad);
        layout_free(L);
    }
}

int plain_teachback_run(struct plain *p, const char *page)
{
    struct teachback *t = content_page_check(p->visit.content, page);
    if (!t)
        return 0;
    plain_write(p, "\n");
    plain_say(p, t->title);
    if (t->intro && *t->intro)
        plain_say(p, t->intro);
    int q = 0, shown = -1;
    while (t && q < t->count && !p->done) {
        if (shown != q)
            say_question(p, t, q);
        shown = q;
        const char *s =
            plain_ask(p, _("Choose a number (b back, s skip, Enter to stop the check): "));
        if (!s)
            break;
        if (!*s || strcasecmp(s, "h") == 0)
            break; /* back to the page's end */
        int k = plain_number(s, t->q[q].answer_count);
        if (k > 0) {
            int clear = t->q[q].answers[k - 1].clear;
            if (visit_teachback_answer(&p->visit, page, t->q[q].id, clear) < 0)
                plain_say(p, _("Not enough memory to keep this answer."));
            plain_say(p, clear ? _("Thank you.")
                               : _("Thank you. We will ask your care team to explain this "
                                   "again."));
            q++;
        } else if (strcasecmp(s, "s") == 0) {
            q++;
        } else if (strcasecmp(s, "b") == 0) {
            if (q == 0)
                break;
            q--;
        } else if (plain_common_key(p, s)) {
            /* The language may have changed: the same question, in its words. */
            teachback_free(t);
            t = content_page_check(p->visit.content, page);
            shown = -1;
        } else {
            plain_invalid(p);
        }
    }
    if (t && q >= t->count && !p->done)
        plain_say(p, _("Thank you for helping us check this page."));
    teachback_free(t);
    return p->done ? -1 : 0;
}
