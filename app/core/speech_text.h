/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_text.h: what is read aloud, made from laid-out lines (the one
 * layout engine), so what is heard is what is shown.
 *
 * A script is a list of sentences to speak in order. Each sentence keeps
 * where its words are on screen: pieces, each a byte range of one line of
 * one layout, which the screen highlights while it is spoken. Decoration is
 * not read (bullets, quote bars, rules, table borders, link numbers); a
 * list item, a heading and a table cell each start a sentence of their own;
 * a grid table is read row by row as "Header: value"; wrapped lines are
 * joined again (with no space between Chinese characters).
 *
 * Ownership: the script owns its memory; speech_script_free() zeroes the
 * text (a summary holds the patient's answers) and frees it. Functions that
 * allocate return -1 (or NULL) when out of memory. */
#ifndef KIOSK_SPEECH_TEXT_H
#define KIOSK_SPEECH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "core/layout.h"

/* Bytes [line_off, line_off + len) of line `line` of the layout the caller
 * calls `tag`, spoken as bytes [text_off, text_off + len) of the sentence. */
struct speech_piece {
    uint32_t line, line_off, len, text_off;
    int tag;
};

struct speech_sentence {
    char *text; /* NUL-terminated, within the script */
    size_t len;
    size_t piece_off, piece_count; /* in speech_script.pieces */
};

struct speech_script {
    struct speech_sentence *sentences;
    size_t count, cap;
    struct speech_piece *pieces;
    size_t piece_count, piece_cap;
    char *lang; /* the language of the text, for the voice */
};

/* An empty script of text in lang ("en", "es", "zh"). NULL when out of memory. */
struct speech_script *speech_script_new(const char *lang);

/* Append the sentences of every line of L (a complete layout), under tag.
 * prefix (NULL: none) is spoken before the first sentence, and is not on
 * screen: "Answer 1:" before an answer's label. 0, or -1 when out of memory. */
int speech_script_add(struct speech_script *s, const struct layout *L, int tag, const char *prefix);

/* The first sentence that has a piece of tag on line `line` or after it:
 * where reading starts for a reader at that line. s->count when none. */
size_t speech_script_find(const struct speech_script *s, int tag, size_t line);

/* Zero and free (NULL is fine). */
void speech_script_free(struct speech_script *s);

/* Byte offset within text of character number `chars` (0-based, UTF-8), as
 * eSpeak counts characters; len when past the end. */
size_t speech_char_offset(const char *text, size_t len, size_t chars);

#endif
