/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printout.h: the summary as it leaves the kiosk, on paper or in a file:
 * the patient's language, then (when configured) the same summary in the
 * clinician's language; as text laid out for the paper's width, or as a
 * small HTML page. Shared by the screen and the plain (linear) interface. */
#ifndef KIOSK_PRINTOUT_H
#define KIOSK_PRINTOUT_H

#include "core/flow.h"
#include "core/handout.h"
#include "core/layout.h"
#include "core/summary.h"

struct printout_request {
    const char *summary_md; /* the patient's summary (Markdown) */
    const struct flow_session *session;
    const struct summary_info *info;
    const struct flow *second_flow; /* the clinician's language; NULL: none */
    const char *second_lang;        /* its code, for the headings' language */
    const char *lang;               /* the patient's language, restored afterwards */
    struct layout_opts layout;      /* width for paper, ascii, line-breaking language */
    int html;                       /* 1: an HTML page instead of text */
    /* printout_pdf()'s typesetter: isolate_program()'s override (test
     * builds only); NULL: the one beside this program, else the installed. */
    const char *handout_program;
};

/* The typesetting program's name (app/handout_main.c). */
#define HANDOUT_PROGRAM "patient-kiosk-handout"

/* The printout, NUL-terminated, in the patient arena (core/protect.h); it
 * holds patient answers, so the caller releases it with wipe_string()
 * (core/wipe.h). NULL when out of memory. */
char *printout_build(const struct printout_request *request);

/* Save the printout into folder as a text file and an HTML file (see
 * save_text(): new files, 0600, never overwriting). Writes what happened,
 * to msg: for the patient, the files' name (never the folder); for staff,
 * why it was not saved (the folder named: visit_save() logs it and tells
 * the patient less). Returns 0
 * or -1. request->html is ignored (both are written). */
int printout_save(const struct printout_request *request, const char *folder, char *msg,
                  size_t msglen);

/* The printout as a PDF handout (handout.h) on paper: the patient's
 * language and, when configured, the clinician's on facing pages, each with
 * lines for the patient's name and date of birth, the urgent and priority
 * points boxed, tick boxes on the points and questions. request->layout and
 * ->html are ignored. Bytes (*len) to free with handout_free(); NULL with
 * err set when it could not be made. (printout_pdf.c) */
unsigned char *printout_pdf(const struct printout_request *request, enum handout_paper paper,
                            size_t *len, char *err, size_t errlen);

/* One page's Markdown md in language lang as a PDF handout, the clinic's
 * name (may be NULL) at the top; program as request->handout_program. As
 * printout_pdf(). */
unsigned char *printout_page_pdf(const char *md, const char *lang, const char *clinic_name,
                                 enum handout_paper paper, const char *program, size_t *len,
                                 char *err, size_t errlen);

#endif
