/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow.h: the guided question flow. Parse content/<lang>/questions.md into a
 * graph of questions (content/README.md), check it, and walk it with one
 * patient's answers.
 *
 * Ownership: a struct flow owns all of its strings and never changes after
 * flow_parse(). A struct flow_session holds one patient's answers as choice
 * bitmasks by question index (never text) and only points at its flow, which
 * must outlive it. Strings returned by accessors belong to the flow.
 * Failures: functions returning a pointer return NULL when out of memory;
 * functions returning int return -1 on a bad index or a refused step.
 * Nothing here prints, logs or writes a file; patient answers stay in memory
 * and are zeroed by flow_session_wipe() and flow_session_free(). */
#ifndef KIOSK_FLOW_H
#define KIOSK_FLOW_H

#include <stddef.h>
#include <stdint.h>

enum {
    FLOW_END = -1,       /* answer target: the summary (#end) */
    FLOW_NO_TARGET = -2, /* answer target: missing or unknown (a validation error) */
    FLOW_MAX_ANSWERS = 32,
    FLOW_MAX_QUESTIONS = 500, /* questions.md may hold no more; the rest are not read */
    /* The largest summary text a patient's answers may make, in bytes
     * (titles, labels and notes with every {answer} filled in, and the
     * general questions); flow_validate() refuses a flow that could make more. */
    FLOW_MAX_SUMMARY = 64 * 1024,
    FLOW_MAX_PAGE_NAME = 60, /* longest page name {urgent=NAME} may give */
};

enum flow_flag {
    FLOW_URGENT = 1 << 0,   /* {urgent=PAGE}: that page at once, note printed first */
    FLOW_PRIORITY = 1 << 1, /* {priority}: note printed under "before your next session" */
    FLOW_ONLY = 1 << 2,     /* {only}: in multiple choice, excludes every other answer */
};

/* ---- messages for content authors ---- */

struct flow_diag {
    char *file; /* may be NULL */
    int line;   /* 1-based source line, 0 when unknown */
    int is_error;
    char *message;
};

struct flow_diags {
    struct flow_diag *items;
    size_t n, cap;
};

/* Append a message (printf-style). Returns 0, or -1 when out of memory (the
 * message is then lost). */
int flow_diags_add(struct flow_diags *diags, const char *file, int line, int is_error,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void flow_diags_free(struct flow_diags *diags);
/* "file:line: error: message" (or "warning:"; no ":line" when line is 0);
 * malloc'd, caller frees; NULL when out of memory. */
char *flow_diag_format(const struct flow_diag *diag);

/* ---- the parsed flow ---- */

struct flow;

/* Parse len bytes of Markdown. file names the source in messages. Returns
 * NULL only when out of memory (diags says so). Everything wrong with the
 * text itself is reported by flow_validate(), so always call it before use:
 * a flow with errors may still be walked, but an answer without a valid
 * target then simply ends the walk. */
struct flow *flow_parse(const char *text, size_t len, const char *file, struct flow_diags *diags);
void flow_free(struct flow *flow);

/* Problems flow_parse() noticed in the text (file is NULL in each); only
 * flow_validate() needs these. */
size_t flow_problem_count(const struct flow *flow);
const struct flow_diag *flow_problem(const struct flow *flow, size_t i);

const char *flow_title(const struct flow *flow); /* the level-1 heading, "" if none */
const char *flow_intro(const struct flow *flow); /* plain text, "" if none */
size_t flow_question_count(const struct flow *flow);
int flow_find(const struct flow *flow, const char *id); /* first index with id, or -1 */

/* Question q (0 = start). Out-of-range indexes give NULL / 0 / -1. */
const char *flow_question_id(const struct flow *flow, int q);
const char *flow_question_title(const struct flow *flow, int q);
const char *flow_question_help(const struct flow *flow, int q); /* plain text, "" if none */
int flow_question_is_multiple(const struct flow *flow, int q);
int flow_question_line(const struct flow *flow, int q);
size_t flow_answer_count(const struct flow *flow, int q);
/* Questions on the longest way from q to the end, q included. */
int flow_longest_from(const struct flow *flow, int q);
/* The most summary text (bytes, before Markdown escaping) answers from q to
 * the end can make, q included; general questions not counted. */
size_t flow_heaviest_from(const struct flow *flow, int q);

/* Answer a of question q. */
const char *flow_answer_label(const struct flow *flow, int q, int a);
int flow_answer_target(const struct flow *flow, int q,
                       int a); /* index, FLOW_END or FLOW_NO_TARGET */
const char *flow_answer_target_id(const struct flow *flow, int q,
                                  int a); /* id after '#', or NULL */
unsigned flow_answer_flags(const struct flow *flow, int q, int a);
const char *flow_answer_note(const struct flow *flow, int q, int a); /* plain text or NULL */
/* The page an {urgent=NAME} answer opens: NAME (no ".md"), or NULL when the
 * answer is not urgent or its flag names no valid page (a validation error). */
const char *flow_answer_urgent_page(const struct flow *flow, int q, int a);
/* The urgent page an answer chosen in the bitmask chosen of question q
 * opens (the first such answer's), or NULL when none is urgent. An urgent
 * answer whose page name is invalid gives "" (show the built-in text). */
const char *flow_chosen_urgent_page(const struct flow *flow, int q, uint32_t chosen);
int flow_answer_line(const struct flow *flow, int q, int a);

/* The {#general-questions} list printed on every summary. */
size_t flow_general_count(const struct flow *flow);
const char *flow_general_question(const struct flow *flow, size_t i);

/* The question builder's topics: "## Title {#id ask}" sections, each a list
 * of questions the patient may tick before the summary (core/ask.h).
 * Out-of-range indexes give NULL / 0 / -1. */
size_t flow_topic_count(const struct flow *flow);
const char *flow_topic_id(const struct flow *flow, size_t t);
const char *flow_topic_title(const struct flow *flow, size_t t);
int flow_topic_line(const struct flow *flow, size_t t);
size_t flow_topic_item_count(const struct flow *flow, size_t t);
const char *flow_topic_item(const struct flow *flow, size_t t, size_t i);

/* ---- checks (flow_check.c) and loading (flow_load.c) ---- */

/* Append every problem of flow to diags, sorted by line, with file as the
 * file name: parse problems, bad/duplicate/reserved ids, questions without
 * answers or with too many, unknown targets, multiple choice with mixed
 * targets, unreachable questions, loops, and questions that can never reach
 * the end. Returns the number of errors (warnings are not counted). */
int flow_validate(const struct flow *flow, const char *file, struct flow_diags *diags);

/* Language parity: other must have the same ids in the same order, the same
 * multiple-choice questions, answer counts, targets, flags and notes present.
 * Messages point at other_file:line and name base_file:line. Returns the
 * number of errors. */
int flow_compare(const struct flow *base, const char *base_file, const struct flow *other,
                 const char *other_file, struct flow_diags *diags);

/* Read, parse and validate the flow at path. Returns the flow (caller frees
 * with flow_free), or NULL with the first error in err as "FILE:LINE: error:
 * ..." (the file cannot be read, or it has errors). */
struct flow *flow_load(const char *path, char *err, size_t errlen);

struct content;
/* The question flow of content's language (English's when that language has
 * none) in *flow, or NULL when the content has no questions.md at all.
 * Returns 0, or -1 with err when the flow exists but cannot be used. */
int flow_load_content(const struct content *content, struct flow **flow, char *err, size_t errlen);

/* The flows a session with questions needs: content's (as
 * flow_load_content(); none for a content without a menu, see
 * content_bare()) and, when second_lang is set and content has a flow,
 * second_lang's for bilingual printouts, read from that language's folder
 * (which must open: see content_open()). Returns 0 with *flow (NULL when
 * there are no questions) and *second (NULL when none is asked for or
 * there are no questions) set, each freed by the caller with flow_free();
 * -1 when content's flow cannot be used, -2 when second_lang's cannot:
 * both are then NULL and err says why ("FILE:LINE: error: ..."). */
int flow_load_flows(const struct content *content, const char *second_lang, struct flow **flow,
                    struct flow **second, char *err, size_t errlen);

/* Question q described for staff as Markdown (id, kind, help, answers with
 * their targets, flags and notes). Malloc'd (caller frees); NULL when out
 * of memory. */
char *flow_question_document(const struct flow *flow, int q);

/* ---- one patient's walk ---- */

struct flow_session;

struct flow_session *flow_session_new(const struct flow *flow);
void flow_session_free(struct flow_session *s); /* zeroes the answers first */
void flow_session_wipe(struct flow_session *s); /* zero everything, back to the start */
const struct flow *flow_session_flow(const struct flow_session *s);

/* Question index the patient is on, or -1 at the end (summary). */
int flow_current(const struct flow_session *s);
/* Single choice: choose. Multiple: toggle, honouring {only}. 0, or -1 when
 * choice is out of range or the walk is at the end. */
int flow_select(struct flow_session *s, int choice);
uint32_t flow_selected(const struct flow_session *s, int q); /* bit i = answer i */
/* Go on from the current question. -1 when nothing is chosen. Questions the
 * new answers no longer lead to are forgotten (answers zeroed). */
int flow_next(struct flow_session *s);
/* Back to the previous question on the path, its answer kept. -1 at start. */
int flow_back(struct flow_session *s);
/* Questions answered before the current one, in path order (all of them at
 * the end). *questions stays valid until the session changes. */
size_t flow_path(const struct flow_session *s, const int **questions);
/* "Question *number of about *about_total". Returns 0, or -1 at the end
 * (then both are the number of questions answered). */
int flow_position(const struct flow_session *s, int *number, int *about_total);
/* Switch language: other must have the same ids, answers and targets; the
 * answers carry over. Returns 0, or -1 (session unchanged). */
int flow_session_set_flow(struct flow_session *s, const struct flow *flow);

/* Replay answers given as "safety=2,antidepressant=1,which-antidepressant=1+3"
 * (question id = 1-based choices joined with '+') into s from the start, in
 * path order. Stops at the first question the spec does not answer. Returns
 * 0, or -1 with a message in err (unknown id, bad syntax, out-of-range
 * choice, several choices for one-answer questions, {only} combined, a
 * question given twice or off the path); s is then wiped. */
int flow_answers_parse(const struct flow *flow, const char *spec, struct flow_session *s, char *err,
                       size_t errlen);

#endif
