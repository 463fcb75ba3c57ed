/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printout_pdf.c: the summary, or one page, as a PDF handout (handout.h):
 * what each side says comes from summary.c (or the page), in its language;
 * this file only says which of its sections are boxed or ticked and what
 * the head and foot of each page carry, in that language. The typesetting
 * is done by the patient-kiosk-handout program (app/handout_main.c),
 * started for each handout (isolate.h), which gets the request as
 * handout_wire.h bytes. */
#include "config.h"

#include "core/printout.h"
#include "core/i18n.h"
#include "core/handout_wire.h"
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

/* h typeset by the helper program (isolate.h finds it from program). */
static unsigned char *run_helper(const struct handout *h, const char *program, size_t *len,
                                 char *err, size_t errlen)
{
    char path[4096];
    size_t inlen = 0;
    unsigned char *in = handout_wire_encode(h, &inlen);
    if (!in) {
        if (err && errlen)
            snprintf(err, errlen, "%s", _("Not enough memory to print."));
        return NULL;
    }
    unsigned char *pdf = isolate_exec(isolate_program(HANDOUT_PROGRAM, program, path, sizeof path),
                                      in, inlen, len, err, errlen);
    handout_free(in, inlen); /* the request holds patient text */
    return pdf;
}

unsigned char *printout_pdf(const struct printout_request *r, enum handout_paper paper, size_t *len,
                            char *err, size_t errlen)
{
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
    *len = 0;
    if (!r->summary_md || (want_second && !second)) {
        if (err && errlen)
            snprintf(err, errlen, "%s", _("Not enough memory to print."));
    } else {
        struct handout h = {.paper = paper, .sides = sides, .side_count = n};
        pdf = run_helper(&h, r->handout_program, len, err, errlen);
    }
    wipe_string(second); /* summary_build()'s: maybe in the patient arena */
    return pdf;
}

unsigned char *printout_page_pdf(const char *md, const char *lang, const char *clinic_name,
                                 enum handout_paper paper, const char *program, size_t *len,
                                 char *err, size_t errlen)
{
    struct handout_side side = {.md = md, .lang = lang, .title = clinic_name};
    struct side_words words;
    side_words(&words, &side, 0);
    struct handout h = {.paper = paper, .sides = &side, .side_count = 1};
    *len = 0;
    return run_helper(&h, program, len, err, errlen);
}
