/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ask.h: the patient's own questions, the question builder's step before
 * the summary: the questions they tick from the content's topics
 * ("## Title {#id ask}" sections of questions.md, flow.h) and up to
 * ASK_OWN questions they write themselves, in any language (UTF-8).
 *
 * Everything here is patient data. It lives only in a struct ask, fixed
 * arrays inside the caller's struct (no heap copies), and ask_wipe() zeroes
 * all of it; nothing here logs, prints or writes a file. Ticks are kept by
 * position, so they carry over to another language of the same flow
 * (flow_compare() checks the topics match).
 *
 * Failures: functions returning int return 0 and -1 (out of range, text too
 * long, not UTF-8, a control character); nothing here allocates except
 * ask_markdown()'s buffer appends. */
#ifndef KIOSK_ASK_H
#define KIOSK_ASK_H

#include <stddef.h>

#include "core/buf.h"
#include "core/flow.h"

enum {
    ASK_OWN = 3,           /* questions the patient may write */
    ASK_OWN_BYTES = 400,   /* bytes of one written question, NUL included */
    ASK_MAX_ITEMS = 256,   /* topic questions that can be ticked (the rest are not offered) */
    ASK_KEYBOARD_ROWS = 5, /* rows of the on-screen keyboard */
};

struct ask {
    unsigned char ticked[ASK_MAX_ITEMS]; /* by flat index over all topics */
    char own[ASK_OWN][ASK_OWN_BYTES];    /* NUL-terminated UTF-8, "" when unused */
    int seen;                            /* 1 once the builder step was shown */
};

/* Zero everything the patient ticked or wrote. */
void ask_wipe(struct ask *a);

/* The topics' questions as one list: how many (at most ASK_MAX_ITEMS),
 * and item i's words and topic (NULL / -1 when out of range). */
size_t ask_item_count(const struct flow *f);
const char *ask_item(const struct flow *f, size_t i, size_t *topic);

/* Tick or untick item i. 0, or -1 when out of range. */
int ask_toggle(struct ask *a, const struct flow *f, size_t i);
int ask_ticked(const struct ask *a, size_t i);

/* Append one character (or an input method's whole string) of UTF-8 text
 * to written question k. -1 (nothing changed) when k is out of range, the
 * text is not valid UTF-8, holds a control character or would not fit. */
int ask_own_append(struct ask *a, int k, const char *utf8, size_t len);
/* Delete the last character of written question k (nothing when empty). */
void ask_own_backspace(struct ask *a, int k);
/* Written questions that are not blank. */
int ask_own_count(const struct ask *a);

/* 1 when the patient ticked or wrote anything. */
int ask_any(const struct ask *a, const struct flow *f);

/* The summary's section of the patient's questions ("## heading" and a
 * list: written ones first, then the ticked ones in f's words), escaped so
 * no patient text can add Markdown structure. Appends nothing when there is
 * nothing to say. */
void ask_markdown(struct buf *b, const struct ask *a, const struct flow *f, const char *heading);

/* The on-screen keyboard for touch: row r (0 to ASK_KEYBOARD_ROWS - 1) of
 * keys, each a UTF-8 string; *n gets how many. The last row holds the
 * special keys ASK_KEY_SPACE, ASK_KEY_BACK and ASK_KEY_DONE. */
#define ASK_KEY_SPACE "\001space"
#define ASK_KEY_BACK  "\001back"
#define ASK_KEY_DONE  "\001done"
const char *const *ask_keyboard_row(int r, size_t *n);

#endif
