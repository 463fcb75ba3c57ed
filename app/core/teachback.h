/* SPDX-License-Identifier: GPL-3.0-or-later */
/* teachback.h: "Did we explain this clearly?", the optional check at the
 * end of a key page (the comparison table, the risks). A page's Markdown
 * may hold one section headed "## Words {#check}", up to the next level-1
 * or level-2 heading or the end of the page: two or three questions, each
 * "### Question {#id}", then a block quote with what to explain again, then
 * a list of answers, each one link: "[words](#clear)" when the answer shows
 * the page was understood, "[words](#again)" when it did not. A miss is
 * never called wrong: it adds "Please explain ... again" to the summary.
 * content/README.md describes the format for authors.
 *
 * The section is not part of the page as read (content.h blanks it), so
 * pages, searches and printouts never show it.
 *
 * Ownership: a struct teachback is the caller's, freed with
 * teachback_free(). teachback_parse() returns NULL when the page has no
 * check, when it breaks a rule (each problem is told to diag) or out of
 * memory (*found says which). */
#ifndef KIOSK_TEACHBACK_H
#define KIOSK_TEACHBACK_H

#include <stddef.h>

enum {
    TEACHBACK_MIN_QUESTIONS = 2,
    TEACHBACK_MAX_QUESTIONS = 3,
    TEACHBACK_MAX_ANSWERS = 5,
    TEACHBACK_ID_BYTES = 32,
};

struct teachback_answer {
    char *label;
    int clear; /* 1: #clear (understood), 0: #again (explain again) */
};

struct teachback_question {
    char id[TEACHBACK_ID_BYTES];
    char *title;
    char *again; /* what to explain again, for "Please explain %s again." */
    struct teachback_answer answers[TEACHBACK_MAX_ANSWERS];
    int answer_count;
    int line;
};

struct teachback {
    char *title; /* the section heading's words */
    char *intro; /* paragraphs before the first question, or "" */
    struct teachback_question q[TEACHBACK_MAX_QUESTIONS];
    int count;
    int line; /* of the section heading */
};

/* Told each problem: the line (1-based) and what is wrong, in words an
 * author can act on. */
typedef void (*teachback_diag)(void *ctx, int line, const char *msg);

/* The check of page text (len bytes of Markdown). *found: 1 when the page
 * has a check section, even a broken one. NULL when none, broken (diag
 * told why; diag may be NULL) or out of memory. */
struct teachback *teachback_parse(const char *text, size_t len, teachback_diag diag, void *ctx,
                                  int *found);
void teachback_free(struct teachback *t);

/* Blank the check section of text in place (each byte but the newlines
 * becomes a space), so line numbers after it stay as they were. */
void teachback_blank(char *text, size_t len);

/* Index of question id in t, or -1. */
int teachback_find(const struct teachback *t, const char *id);

#endif
