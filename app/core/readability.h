/* SPDX-License-Identifier: GPL-3.0-or-later */
/* readability.h: reading-level estimates for patient-education text.
 *
 * Counts words, sentences and syllables in UTF-8 text and turns them into
 * the scores of content-facts.md section 3: Flesch-Kincaid grade and Flesch
 * Reading Ease for English (target grade 6, never above 8; ease >= 70), the
 * corrected Fernandez-Huerta index and INFLESZ (Szigriszt-Pazos) for Spanish
 * (targets >= 70 and >= 65). Scores are estimates: the syllable rules are
 * heuristics (see readability.c) and no formula sees meaning or layout.
 *
 * Only the scores of the text's own language are filled in; the others stay
 * 0 (FKGL is not valid for Spanish). READABILITY_OTHER (Chinese, ...) gets
 * counts only, all four scores 0.
 *
 * Memory: nothing is allocated. The caller owns text and *out; there is
 * nothing to free. Functions are reentrant (no static state).
 *
 * Locale: letters are classified with mbrtowc()/iswalpha() under the current
 * LC_CTYPE, which must be UTF-8 (C.UTF-8 will do). Under the plain "C" locale
 * every non-ASCII byte is treated as an invalid byte (a separator). */
#ifndef KIOSK_READABILITY_H
#define KIOSK_READABILITY_H

#include <stddef.h>

enum readability_lang { READABILITY_EN, READABILITY_ES, READABILITY_OTHER };

struct readability {
    size_t words, sentences, syllables; /* counted */
    double fk_grade;                    /* Flesch-Kincaid grade (English only) */
    double flesch_ease;                 /* Flesch Reading Ease (English only) */
    double fernandez_huerta;            /* corrected: 206.84 - 0.60*(syllables per 100 words)
                                           - 1.02*(words per sentence) (Spanish only) */
    double inflesz;                     /* Szigriszt-Pazos: 206.835 - 62.3*(syllables/words)
                                           - (words/sentences) (Spanish only) */
};

/* Language of a locale or ISO 639-1 code: "en", "EN", "en_US", "en-GB",
 * "en_US.UTF-8" give READABILITY_EN; "es", "es-MX", "es_ES" give
 * READABILITY_ES. Anything else, including NULL and "", gives
 * READABILITY_OTHER. Never fails. */
enum readability_lang readability_lang_from_code(const char *code);

/* Measure NUL-terminated UTF-8 text into *out (always fully overwritten).
 *
 * Words: runs of letters or digits (any script); an apostrophe or hyphen
 * between two of them, a '.' between two of them ("e.g", "0.5",
 * "988lifeline.org") and a ',' between two digits ("1,000") stay inside the
 * word. A token with no letter ("988", "2019") is one word of 1 syllable. Each
 * CJK ideograph or kana counts as one word of one syllable. An ordered-list
 * marker ("1." or "2)" first on its line) is not a word.
 *
 * Sentences end at a run of '.', '!', '?', U+2026, or the fullwidth '。！？'
 * (a run counts once), and at each block end (a blank line: two newlines
 * with only white space between). A run of dots does not end a sentence after
 * a known abbreviation ("Dr.", "e.g.", "Sra.") or when the next character is
 * a lowercase letter, ',' , ';' or ':'. A sentence also ends before a list
 * item ("- ", "* ", "+ ", "• " or "1. " first on a line) and at a table
 * cell border ('|' or U+2502). A sentence needs at least one word, so a
 * block end right after a full stop is not a second sentence, and text with
 * words but no terminator is one sentence. Markdown markers (#, *, |) are
 * not words.
 *
 * Returns 0, or -1 when text or out is NULL (then *out is untouched). Text
 * with no words gives all-zero counts and scores (never NaN or inf). Invalid
 * UTF-8 bytes are skipped (each acts as a separator). Reads only up to the
 * terminating NUL; O(length) time; no allocation. */
int readability_measure(const char *text, enum readability_lang lang, struct readability *out);

/* Syllables in len bytes of one UTF-8 word (accents allowed), by the rules
 * of lang (OTHER: vowel groups a e i o u y; each CJK character is 1).
 * Hyphens, dots, digits and other non-letters split the word into parts
 * that are counted separately ("well-known" = 2); apostrophes are ignored
 * ("don't" = 1). Exposed for tests. Returns >= 1 when the word has a letter,
 * 0 otherwise (also for word == NULL or len == 0). */
unsigned readability_syllables(const char *word, size_t len, enum readability_lang lang);

#endif
