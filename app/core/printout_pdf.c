/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printout_pdf.c: the summary, or one page, as a PDF handout (handout.h):
 * what each side says comes from summary.c (or the page), in its language;
 * this file only says which of its sections are boxed or ticked and what
 * the head and foot of each page carry, in that language. */
#include "config.h"

#include "core/printout.h"
#include "core/i18n.h"
#include "core/isolate.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a side adds around the words, in the language now set for UI
 * strings. gettext's strings stay valid after a language switch. */
struct side_words {
    const char *boxed[3], *ticked[3];
    char footer[512];
};

static void side_words(struct side_words *w, struct handout_side *side, int form)
{
    *w = (struct side_words){
        .boxed = {_("Urgent"), _("Tell your care team before your next session"), NULL},
        .ticked = {_("Points to discuss"), _("Questions you may want to ask"), NULL},
    };
    snprintf(w->footer, sizeof w->footer, "%s  %s", _("Not medical advice."),
             _("Crisis: call or text 988. Danger: 911."));
    side->footer = w->footer;
    if (form) {
        side->boxed = w->boxed;
        side->ticked = w->ticked;
        side->name_line = _("Name:");
        side->dob_line = _("Date of birth:");
    }
}

struct pdf_job {
    const struct printout_request *r;
    enum handout_paper paper;
};

/* The handout made here (in the child isolate_run() starts). */
static unsigned char *make_pdf(void *arg, size_t *len, char *err, size_t errlen)
{
    const struct printout_request *r = ((struct pdf_job *)arg)->r;
    enum handout_paper paper = ((struct pdf_job *)arg)->paper;
    const char *lang = r->lang ? r->lang : "en";
    struct handout_side sides[2] = {
        {.md = r->summary_md, .lang = lang, .title = r->info->clinic_name},
    };
    struct side_words words[2];
    side_words(&words[0], &sides[0], 1);
    size_t n = 1;
    char *second = NULL;
    int want_second = r->second_flow && r->second_lang && strcmp(r->second_lang, lang) != 0;
    if (want_second) {
        i18n_set_language(r->second_lang);
        second = summary_build(r->second_flow, r->session, r->info);
        sides[1] = (struct handout_side){
            .md = second, .lang = r->second_lang, .title = r->info->clinic_name};
        side_words(&words[1], &sides[1], 1);
        i18n_set_language(lang);
        n = second ? 2 : 1;
    }
    unsigned char *pdf = NULL;
    if (!r->summary_md || (want_second && !second)) {
        if (err && errlen)
            snprintf(err, errlen, "%s", _("Not enough memory to print."));
    } else {
        struct handout h = {.paper = paper, .sides = sides, .side_count = n};
        pdf = handout_pdf(&h, len, err, errlen);
    }
    wipe_string(second); /* summary_build()'s: maybe in the patient arena */
    return pdf;
}

unsigned char *printout_pdf(const struct printout_request *r, enum handout_paper paper, size_t *len,
                            char *err, size_t errlen)
{
    /* Pango, cairo and GLib free the patient's words without zeroing them:
     * the handout is made in a process of its own, which takes them along
     * when it ends (docs/SECURITY.md). */
    struct pdf_job job = {r, paper};
    return isolate_run(make_pdf, &job, len, err, errlen);
}

unsigned char *printout_page_pdf(const char *md, const char *lang, const char *clinic_name,
                                 enum handout_paper paper, size_t *len, char *err, size_t errlen)
{
    struct handout_side side = {.md = md, .lang = lang, .title = clinic_name};
    struct side_words words;
    side_words(&words, &side, 0);
    struct handout h = {.paper = paper, .sides = &side, .side_count = 1};
    return handout_pdf(&h, len, err, errlen);
}
