/* SPDX-License-Identifier: GPL-3.0-or-later */
/* visit.h: one patient's visit, whatever draws it. The content and its
 * language, the question flow and the patient's answers, which question
 * comes next and whether an answer opens an urgent page (and which), the
 * training line that says why a question is shown, and the summary with its
 * printout (build, print, save, wipe). The full-screen kiosk, --plain and
 * --summary all go through this; none of them repeats any of it.
 *
 * Ownership: a struct visit owns its content, its flows, the answers and the
 * summary. visit_start() takes the caller's content and flow (either may be
 * read later), visit_end() wipes the patient's data and gives back the
 * content and the flow in use (a language switch replaces them), which the
 * caller then frees. Patient answers and every copy of the summary live only
 * in memory and are zeroed before they are freed.
 *
 * Failures: functions returning int return 0 (or a count) on success and -1
 * with a sentence for the patient or staff in msg (FILE:LINE or the setting
 * named when it is theirs to fix); functions returning a pointer return NULL
 * when out of memory. Nothing here draws, prints to a terminal or logs. */
#ifndef KIOSK_VISIT_H
#define KIOSK_VISIT_H

#include <time.h>

#include "core/log.h"

#include <stddef.h>
#include <stdint.h>

#include "core/ask.h"
#include "core/content.h"
#include "core/flow.h"
#include "core/handout.h"
#include "core/layout.h"
#include "core/misses.h"

/* The home menu entry that starts the question flow links to this file. */
#define VISIT_FLOW_PAGE "questions.md"

/* What a visit needs from the configuration; every pointer is the caller's
 * and must outlive the visit. */
struct visit_options {
    int training;            /* staff training: reasons and sources shown */
    int ascii;               /* no UTF-8 locale: ASCII lines and bullets */
    const char *file;        /* a single-file preview: never any questions */
    const char *clinic_name; /* for the summary; may be NULL */
    const char *clinic_phone;
    char *const *print_argv;  /* print command (the file is appended); NULL: off */
    int print_width;          /* columns on paper; 0: 80 */
    int print_pdf;            /* 1: print (and save) the typeset PDF handout; 0: text */
    enum handout_paper paper; /* the PDF's paper */
    /* The PDF typesetter, for test builds (printout_request.handout_program);
     * NULL: the one beside this program, else the installed one. */
    const char *handout_program;
    const char *save_dir; /* where summaries may be saved; NULL: off */
    /* The clinician's language: printed and saved summaries carry the
     * summary in this language too (NULL: only the patient's). */
    const char *second_lang;
    time_t when; /* the summary's date and time; 0: now */
    /* Where print and content events go (never patient data); NULL: nowhere. */
    const struct klog *log;
};

struct visit {
    const struct visit_options *opts;
    struct content *content;
    struct flow *flow;         /* NULL: not read yet (see visit_flow_ready()) or none */
    int flow_read;             /* 1 once flow is what the content has */
    struct flow *second_flow;  /* opts->second_lang's, read with flow; NULL: none */
    struct flow_session *walk; /* the patient's answers; NULL until the questions start */
    char *summary_md;          /* the summary as Markdown, built on first need */
    struct ask ask;            /* the patient's own questions (ask.h), wiped with the answers */
    struct misses misses;      /* teach-back answers to explain again (misses.h), wiped likewise */
};

/* Where the patient goes after a step of the questions. */
enum visit_step {
    VISIT_NO_ANSWER = -1, /* nothing chosen yet: stay */
    VISIT_QUESTION,       /* the next question */
    VISIT_URGENT,         /* the urgent page of the answer just given */
    VISIT_SUMMARY,        /* the end: the summary */
};

/* Begin a visit on content (not NULL) and flow (NULL: read on first use,
 * with opts->second_lang's). second, when flow is given, is
 * opts->second_lang's flow read with it (flow_load_flows()), or NULL; the
 * visit takes it over and visit_end() frees it. */
void visit_start(struct visit *v, struct content *content, struct flow *flow, struct flow *second,
                 const struct visit_options *opts);
/* Wipe the patient (visit_forget()) and free the second flow; *content and
 * *flow get what the visit holds now (a language switch replaces them), for
 * the caller to free. */
void visit_end(struct visit *v, struct content **content, struct flow **flow);
/* Forget this patient: answers and summary zeroed and freed. The content,
 * its language and the flows stay. */
void visit_forget(struct visit *v);

/* Layout options for this visit at width cells (sources shown in training). */
struct layout_opts visit_layout_opts(const struct visit *v, int width);
/* Links to pages of content c are listed under the menu's titles for them
 * (layout_opts.link_title); c must outlive the layouts made with o. */
void visit_link_titles(struct layout_opts *o, const struct content *c);

/* ---- language ---- */

/* Everything in language code from now on (content, questions, UI
 * strings), answers kept; the summary is built again when next asked for.
 * Returns 0, or -1 with msg saying why (nothing changed). */
int visit_set_language(struct visit *v, const char *code, char *msg, size_t msglen);

/* ---- questions ---- */

/* Read the question flow (and opts->second_lang's) if that was not done
 * yet. 1 when v->flow is ready, 0 when there are no questions (or
 * opts->file is set), -1 with msg ("FILE:LINE: error: ...", prefixed with
 * "second_language LL: " when it is that language's); the next call tries
 * again. */
int visit_flow_ready(struct visit *v, char *msg, size_t msglen);
/* Start the questions, or resume them where the patient left off;
 * visit_flow_ready() must have returned 1. VISIT_QUESTION or VISIT_SUMMARY,
 * or -1 with msg when out of memory. */
int visit_begin(struct visit *v, char *msg, size_t msglen);
/* The question the patient is on, or -1 (not started, or at the end). */
int visit_question(const struct visit *v);
/* Choose answer a of the current question (single choice: choosing the
 * chosen one again keeps it; multiple: tick or untick). 0 or -1. */
int visit_choose(struct visit *v, int a);
/* 1 when answer a of the current question is chosen. */
int visit_chosen(const struct visit *v, int a);
/* Go on from the current question. */
enum visit_step visit_next(struct visit *v);
/* Back one question, its answer kept. 0, or -1 before the first. */
int visit_back(struct visit *v);
/* 1 when the patient has answered anything yet (an answer chosen, a
 * question passed, or a question of their own written), else 0: what q
 * asks about before leaving. */
int visit_answered(const struct visit *v);
/* Where to go from the urgent page: VISIT_QUESTION or VISIT_SUMMARY. */
enum visit_step visit_go_on(const struct visit *v);
/* "Question 2 of about 5", or the flow's title at the end, into buf. */
void visit_position(const struct visit *v, char *buf, size_t size);
/* The text shown under question q: the flow's welcome text before the
 * first question's help, and in training a line saying which earlier answer
 * led here. Malloc'd; it may name an answer, so the caller releases it with
 * wipe_string() (core/wipe.h). NULL when out of memory. */
char *visit_question_help(const struct visit *v, int q);
/* The training line alone ("[Training] Question id ..."), or NULL outside
 * training or when out of memory. Malloc'd; it names an answer: the caller
 * releases it with wipe_string(). */
char *visit_training_reason(const struct visit *v, int q);
/* "( )", "(*)", "[ ]" or "[x]" for answer a of question q. */
const char *visit_answer_mark(const struct visit *v, int q, int a);

/* ---- the urgent page ---- */

/* The urgent page the last answer given opens: a page name (no ".md"), ""
 * for the built-in crisis text, or NULL when that answer is not urgent. */
const char *visit_urgent_page(const struct visit *v);
/* Its Markdown (see urgent_text()): the page, English's (*fell_back = 1) or
 * the built-in crisis text. Malloc'd (caller frees); NULL only when out of
 * memory. */
char *visit_urgent_text(const struct visit *v, size_t *len, int *fell_back);

/* ---- teach-back (core/teachback.h) ---- */

/* The patient answered question id of page's check: clear (1) drops a
 * miss kept for it, again (0) keeps one for the summary's "Things to
 * explain again". The summary is built again when next asked for. 0, or
 * -1 when no more misses can be kept. */
int visit_teachback_answer(struct visit *v, const char *page, const char *id, int clear);

/* ---- the summary and the printout ---- */

/* The summary of the answers as Markdown, built on first need and kept
 * until the answers or the language change. Owned by the visit (in the
 * patient arena, zeroed when dropped); NULL when out of memory or before the
 * questions started. A layout of it should set layout_opts.patient. */
const char *visit_summary(struct visit *v);
/* Drop the summary (zeroed): the next visit_summary() builds it again. */
void visit_summary_forget(struct visit *v);
/* The printout: the summary in the patient's language and, when
 * configured, the clinician's; text laid out width cells wide, or a whole
 * HTML page (html = 1). In the patient arena (core/protect.h): the caller
 * releases it with wipe_string() (core/wipe.h), never free(). NULL when out
 * of memory. */
char *visit_printout(struct visit *v, int width, int html);
/* Send text to the print command. 0 with msg "Sent to the printer...", or
 * -1 with msg saying it was not printed (not set up, or the printer
 * refused it) and that the summary is still there. Words for a patient:
 * the command, its exit status and any path go to the log (opts->log,
 * KLOG_PRINT_FAILED), never into msg. */
int visit_print_text(const struct visit *v, const char *text, char *msg, size_t msglen);
/* Print the summary at opts->print_width. As visit_print_text(); on
 * success *copy (when copy is not NULL) gets the printed text for a staff
 * reprint (in the patient arena: the caller releases it with wipe_string()). */
int visit_print(struct visit *v, char **copy, char *msg, size_t msglen);
/* The summary as a PDF handout (printout_pdf()) on opts->paper: bytes
 * (*len) for the caller to free with handout_free(), or NULL with msg. */
unsigned char *visit_handout(struct visit *v, size_t *len, char *msg, size_t msglen);
/* Print one page's Markdown md (a page of the reader), as a PDF handout
 * when opts->print_pdf, else as text at opts->print_width. As
 * visit_print_text(). */
int visit_print_page(struct visit *v, const char *md, char *msg, size_t msglen);
/* Save the summary in opts->save_dir as a text file and an HTML page, and
 * with opts->print_pdf also as the PDF handout (print.h: new 0600 files).
 * msg gives the files' name (no folder), or says it could not be saved
 * (the reason, with the folder, goes to the log: KLOG_SAVE_FAILED). 0 or
 * -1. */
int visit_save(struct visit *v, char *msg, size_t msglen);
/* Replay answers "safety=2,treatment=1" (see flow_answers_parse()) from the
 * start, as --summary does. 0, or -1 with msg. */
int visit_replay(struct visit *v, const char *answers, char *msg, size_t msglen);

#endif
