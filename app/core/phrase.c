/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phrase.c: slots, in-sentence labels and lists for the summary's notes
 * (phrase.h). */
#include "config.h"

#include "core/phrase.h"
#include "core/buf.h"
#include "core/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

int phrase_slot(const char *note, size_t *at, size_t *len)
{
    for (const char *open = strchr(note, '{'); open; open = strchr(open + 1, '{')) {
        size_t n = strcspn(open + 1, "{}\n");
        if (open[1 + n] == '}' && n > 0) {
            *at = (size_t)(open - note);
            *len = n + 2;
            return 1;
        }
    }
    return 0;
}

int phrase_same_note(const char *a, const char *b)
{
    size_t aat, alen, bat, blen;
    int sa = phrase_slot(a, &aat, &alen), sb = phrase_slot(b, &bat, &blen);
    if (!sa || !sb)
        return !sa && !sb && strcmp(a, b) == 0;
    return aat == bat && strncmp(a, b, aat) == 0 && strcmp(a + aat + alen, b + bat + blen) == 0;
}

/* 1 when the slot at byte at of note begins a sentence: nothing but spaces
 * since the note's start or a full stop, or right after Spanish's opening
 * "¿" or "¡" (a question quoted after a colon starts with a capital). */
static int starts_sentence(const char *note, size_t at)
{
    if (at >= 2 && (unsigned char)note[at - 2] == 0xC2 &&
        ((unsigned char)note[at - 1] == 0xBF || (unsigned char)note[at - 1] == 0xA1))
        return 1;
    while (at > 0 && (note[at - 1] == ' ' || note[at - 1] == '\t'))
        at--;
    return at == 0 || note[at - 1] == '.' || note[at - 1] == '?' || note[at - 1] == '!';
}

/* label with its first letter small, when the label starts with a capital
 * followed by a small letter; else a copy of label. */
static char *small_first(const char *label)
{
    size_t len = strlen(label);
    ucs4_t first, second = 0;
    int n1 = len ? u8_mbtouc(&first, (const uint8_t *)label, len) : 0;
    if (n1 > 0 && (size_t)n1 < len)
        u8_mbtouc(&second, (const uint8_t *)label + n1, len - (size_t)n1);
    if (n1 <= 0 || !uc_is_property_uppercase(first) || !uc_is_property_lowercase(second))
        return strdup(label);
    uint8_t mb[8];
    int m = u8_uctomb(mb, uc_tolower(first), (int)sizeof mb);
    if (m <= 0)
        return strdup(label);
    char *out = malloc(len - (size_t)n1 + (size_t)m + 1);
    if (!out)
        return NULL;
    memcpy(out, mb, (size_t)m);
    memcpy(out + m, label + n1, len - (size_t)n1 + 1);
    return out;
}

char *phrase_of(const char *note, const char *label)
{
    size_t at, len;
    if (!phrase_slot(note, &at, &len))
        return NULL;
    if (len == strlen("{answer}") && strncmp(note + at, "{answer}", len) == 0)
        return starts_sentence(note, at) ? strdup(label) : small_first(label);
    char *words = malloc(len - 1);
    if (words) {
        memcpy(words, note + at + 1, len - 2);
        words[len - 2] = '\0';
    }
    return words;
}

/* Spanish writes "e", not "y", before a word that starts with the sound
 * /i/: "i-", "hi-", but not "hie-" or "hia-" ("hierro y..."). */
static int spanish_i_sound(const char *w)
{
    unsigned char c = (unsigned char)w[0];
    if (c == 'h' || c == 'H') {
        w++;
        c = (unsigned char)w[0];
        if ((c == 'i' || c == 'I') && (w[1] == 'e' || w[1] == 'a'))
            return 0;
    }
    return c == 'i' || c == 'I' ||
           ((c == 0xC3) && ((unsigned char)w[1] == 0xAD || (unsigned char)w[1] == 0x8D)); /* í Í */
}

/* 1 when s holds a comma ("," "，" "、") outside parentheses: "lithium,
 * or valproate", but not "methylphenidate (Ritalin, Concerta)". */
static int has_comma(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        if (*s == '(' || strncmp(s, "（", 3) == 0)
            depth++;
        else if ((*s == ')' || strncmp(s, "）", 3) == 0) && depth > 0)
            depth--;
        else if (depth == 0 && (*s == ',' || strncmp(s, "，", 3) == 0 || strncmp(s, "、", 3) == 0))
            return 1;
    }
    return 0;
}

/* Append pattern (a catalog's "%s and %s") with its first %s replaced by
 * a and its second by b ("%%" is a percent sign). In a " y %s" before an
 * "i" sound the "y" becomes "e". Not printf: the pattern is a variable. */
static void pair(struct buf *out, const char *pattern, const char *a, const char *b)
{
    int k = 0;
    for (const char *p = pattern; *p; p++) {
        if (p[0] == '%' && p[1] == '%') {
            buf_add(out, "%", 1);
            p++;
        } else if (p[0] == '%' && p[1] == 's') {
            buf_str(out, k++ == 0 ? a : b);
            p++;
        } else if (k == 1 && strncmp(p, " y %s", 5) == 0 && spanish_i_sound(b)) {
            buf_str(out, " e ");
            p += 2;
        } else {
            buf_add(out, p, 1);
        }
    }
}

char *phrase_join(char *const *phrases, size_t n)
{
    if (n == 0)
        return strdup("");
    if (n == 1)
        return strdup(phrases[0]);
    struct buf acc = {0};
    buf_str(&acc, "");
    if (n == 2) {
        pair(&acc, _("%s and %s"), phrases[0], phrases[1]);
        return buf_take(&acc);
    }
    /* Semicolons between phrases that hold commas of their own. */
    int commas = 0;
    for (size_t i = 0; i < n; i++)
        commas |= has_comma(phrases[i]);
    /* The last two, then each earlier one in front. */
    pair(&acc, commas ? _("%s; and %s") : _("%s, and %s"), phrases[n - 2], phrases[n - 1]);
    for (size_t i = n - 2; i-- > 0 && !acc.failed;) {
        struct buf next = {0};
        buf_str(&next, "");
        pair(&next, commas ? _("%s; %s") : _("%s, %s"), phrases[i], acc.s);
        buf_wipe(&acc);
        acc = next;
    }
    return buf_take(&acc);
}

char *phrase_fill(const char *note, const char *words)
{
    size_t at, len;
    if (!phrase_slot(note, &at, &len))
        return strdup(note);
    struct buf out = {0};
    buf_add(&out, note, at);
    buf_str(&out, words);
    /* A later {answer} says the same words again. */
    for (const char *p = note + at + len, *hit;; p = hit + strlen("{answer}")) {
        hit = strstr(p, "{answer}");
        if (!hit) {
            buf_str(&out, p);
            break;
        }
        buf_add(&out, p, (size_t)(hit - p));
        buf_str(&out, words);
    }
    return buf_take(&out);
}
