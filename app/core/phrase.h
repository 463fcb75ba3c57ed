/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phrase.h: the words that make a summary's merged note read as a sentence.
 *
 * A note (content/README.md, "Notes") may hold one slot in braces: either
 * {answer}, the answer's own label, or the words that answer puts there,
 * like "{an aneurysm}". Chosen answers whose notes are the same but for the
 * words in the slot become one note, their words joined as the UI language
 * joins a list: "I have had an aneurysm and bleeding in the brain", "Tomo
 * sertralina, litio y metadona", "我服用舍曲林、锂盐和美沙酮".
 *
 * Nothing here logs; returned strings are malloc'd (the caller zeroes and
 * frees them: they hold patient answers), NULL when out of memory. */
#ifndef KIOSK_PHRASE_H
#define KIOSK_PHRASE_H

#include <stddef.h>

/* The first slot of note: a "{...}" with text in it and no brace or newline
 * inside. 1 with *at (the byte of its '{') and *len (braces included), or 0
 * when the note has none. */
int phrase_slot(const char *note, size_t *at, size_t *len);

/* 1 when notes a and b are the same but for the words in their slots (or
 * the same, when neither has one): the summary says them once. */
int phrase_same_note(const char *a, const char *b);

/* What the answer labelled label puts into note's slot: the slot's own
 * words, or for {answer} the label, its first letter made small unless the
 * slot begins a sentence ("I take sertraline (Zoloft)"; a label whose second
 * letter is a capital, like "MAOI", or that starts with no letter, stays as
 * it is). NULL when the note has no slot, or out of memory. */
char *phrase_of(const char *note, const char *label);

/* The n (>= 1) phrases joined as a list in the UI language: "A and B", "A,
 * B, and C" (three or more: semicolons when a phrase holds a comma outside
 * parentheses), in
 * Spanish "A y B" ("e" before an "i" sound), in Chinese "A、B和C". */
char *phrase_join(char *const *phrases, size_t n);

/* note with its slot, and any later {answer}, replaced by words (note
 * itself, copied, when it has no slot). */
char *phrase_fill(const char *note, const char *words);

#endif
