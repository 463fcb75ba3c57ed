/* SPDX-License-Identifier: GPL-3.0-or-later */
/* readability.c: word, sentence and syllable counts, and reading-level scores.
 *
 * Syllable heuristics and their limits:
 * - Each word is split into parts at hyphens, dots and digits; each part with
 *   a letter counts at least 1. Parts longer than SEG_MAX letters, and all
 *   READABILITY_OTHER text, just count vowel groups (a e i o u y).
 * - English: vowel groups (y is a vowel except first or between vowels),
 *   split at common hiatus pairs (di-a, bi-o, ci-a-te, medi-um, vid-e-o,
 *   ide-a, cre-ate, re-act, actu-al, flu-ox, qui-et, do-ing, ly-ing); then a
 *   silent final e (not "-le" after a consonant: ta-ble), silent e in "-es"
 *   (not after s x z c g ch sh) and "-ed" (not after t d), a silent e before
 *   -ly -ful -less -ness -ment(s), "-que" and "-sm" (au-tism). Typical
 *   errors of one syllable remain: sui-cide, flu-id, eas-i-er, sci-ence,
 *   cli-ent, re-cipe, ac-re, ev-ery (3, often said 2), spelled names.
 * - Spanish: a e o and accented vowels are strong; i u u-diaeresis and a
 *   word-final y are weak and join neighbours into one nucleus (diphthongs
 *   and triphthongs); two strong vowels split (hiato), and an accented i or u
 *   is strong (di-a, pa-is). The u of que qui gue gui is silent. h between
 *   vowels is treated as a consonant; poetic synalepha is not modelled. */
#include "config.h"

#include "core/readability.h"

#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define SEG_MAX 64 /* letters kept per word part; longer parts use vowel groups */

enum { ACC_NONE, ACC_STRESS, ACC_DIAER };

/* One word part: letters folded to a-z ('#' for other scripts) + accent. */
struct seg {
    char c[SEG_MAX];
    unsigned char acc[SEG_MAX];
    size_t n;        /* letters seen, may exceed SEG_MAX */
    unsigned groups; /* plain vowel groups */
    int in_vowel;
};

/* Decode one character (at most end - p bytes); invalid or truncated
 * sequences (and NUL) use one byte and give U+FFFD. */
static size_t decode(const char *p, const char *end, wchar_t *wc)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t r = mbrtowc(wc, p, (size_t)(end - p), &st);
    if (r == 0 || r > (size_t)(end - p)) {
        *wc = 0xFFFD;
        return 1;
    }
    return r;
}

static int in(char c, const char *set)
{
    return c && strchr(set, c) != NULL;
}

static int is_mark(wchar_t wc)
{
    return wc >= 0x300 && wc <= 0x36F; /* combining diacritics */
}

static int is_cjk(wchar_t wc)
{
    return (wc >= 0x3040 && wc <= 0x30FF) || (wc >= 0x3400 && wc <= 0x4DBF) ||
           (wc >= 0x4E00 && wc <= 0x9FFF) || (wc >= 0xF900 && wc <= 0xFAFF) ||
           (wc >= 0x20000 && wc <= 0x3FFFF);
}

static int is_word_char(wchar_t wc)
{
    return iswalnum((wint_t)wc) && !is_cjk(wc);
}

static int is_apostrophe(wchar_t wc)
{
    return wc == '\'' || wc == 0x2019;
}

/* Lowercase base letter of a Latin letter and its accent; 0 otherwise. */
static char fold(wchar_t wc, unsigned char *acc)
{
    static const char lat1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyty"; /* U+00E0.. */
    *acc = ACC_NONE;
    wc = (wchar_t)towlower((wint_t)wc);
    if (wc >= 'a' && wc <= 'z')
        return (char)wc;
    if (wc < 0xE0 || wc > 0xFF || wc == 0xF7)
        return 0;
    char b = lat1[wc - 0xE0];
    if (wc == 0xE4 || wc == 0xEB || wc == 0xEF || wc == 0xF6 || wc == 0xFC || wc == 0xFF)
        *acc = ACC_DIAER;
    else if (in(b, "aeiouy"))
        *acc = ACC_STRESS;
    return b;
}

/* 1 when the part has str at index i. */
static int at(const struct seg *s, size_t i, const char *str)
{
    size_t len = strlen(str), n = s->n < SEG_MAX ? s->n : SEG_MAX;
    return i <= n && len <= n - i && memcmp(s->c + i, str, len) == 0;
}

static int en_vowel(const struct seg *s, size_t i)
{
    if (in(s->c[i], "aeiou"))
        return 1;
    if (s->c[i] != 'y' || i == 0)
        return 0;
    return !(in(s->c[i - 1], "aeiou") && i + 1 < s->n && in(s->c[i + 1], "aeiou"));
}

/* 1 when vowels i-1 and i belong to different syllables. */
static int en_split(const struct seg *s, size_t i)
{
    char p = s->c[i - 1], c = s->c[i];
    char p2 = i >= 2 ? s->c[i - 2] : 0, nx = i + 1 < s->n ? s->c[i + 1] : 0;
    if (p == 'y')
        return !(c == 'e' && nx == 0); /* ly-ing, an-y-one; dye */
    if (p == 'i' && c == 'a')
        return !in(p2, "ctsgx") || (in(p2, "ct") && nx == 't'); /* di-al; so-cial */
    if (p == 'i' && c == 'o')
        return !in(p2, "ctsgxln"); /* bi-o; na-tion */
    if (p == 'i' && c == 'u')
        return 1; /* medi-um */
    if (p == 'e' && c == 'o')
        return nx != 'u' && p2 != 'p' && !(p2 == 'g' && i > 2); /* vid-e-o; peo-ple */
    if (p == 'e' && c == 'a')
        return nx == 0 || (i >= 3 && at(s, i - 3, "creat") && !at(s, i + 2, "u")) ||
               (i == 2 && at(s, 0, "react"));
    if (p == 'u' && (c == 'a' || c == 'o'))
        return !in(p2, "qg"); /* usu-al; qua-li-ty */
    if (p == 'i' && c == 'e')
        return nx == 't' || (at(s, i + 1, "st") && i + 3 == s->n); /* qui-et */
    if (c == 'i' && at(s, i + 1, "ng") && i + 3 == s->n)
        return 1; /* do-ing */
    return 0;
}

/* 1 when the e at index e is silent: plain e after a consonant, with an
 * earlier vowel, not "-le" after a consonant (table, people). */
static int silent_e(const struct seg *s, size_t e)
{
    if (e < 2 || s->c[e] != 'e' || s->acc[e] || en_vowel(s, e - 1))
        return 0;
    if (s->c[e - 1] == 'l' && !en_vowel(s, e - 2) && !in(s->c[e - 2], "lrw"))
        return 0;
    for (size_t i = 0; i + 1 < e; i++)
        if (en_vowel(s, i))
            return 1;
    return 0;
}

static unsigned en_count(const struct seg *s)
{
    static const char *const sfx[] = {"ly", "ful", "less", "ness", "ment", "ments"};
    static const char *const pre[] = {"some", "life", "home", "care",  "time",  "safe",
                                      "side", "like", "base", "there", "where", "note"};
    size_t n = s->n, pe = 0; /* pe: silent e of a compound's first part */
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (en_vowel(s, i) && (i == 0 || !en_vowel(s, i - 1) || en_split(s, i)))
            v++;
        for (size_t k = 0; i > 0 && !pe && k < sizeof pre / sizeof pre[0]; k++)
            if (en_vowel(s, i) && at(s, 0, pre[k]) && i >= strlen(pre[k]))
                pe = strlen(pre[k]) - 1; /* some-times, life-line, safe-ty */
    }
    v -= pe > 0;
    char c3 = n >= 3 ? s->c[n - 3] : 0, c4 = n >= 4 ? s->c[n - 4] : 0;
    if (n > 3 && at(s, n - 3, "que")) {
        v--; /* uni-que */
    } else if (s->c[n - 1] == 'e') {
        v -= silent_e(s, n - 1);
    } else if (n >= 3 && at(s, n - 2, "es")) {
        int sib = in(c3, "sxzcg") || (c3 == 'h' && in(c4, "cs"));
        if (at(s, n - 5, "aches") && (n == 5 || !en_vowel(s, n - 6)))
            sib = 0; /* head-aches */
        v -= !sib && silent_e(s, n - 2);
    } else if (n >= 3 && at(s, n - 2, "ed")) {
        v -= !in(c3, "td") && silent_e(s, n - 2);
    } else {
        for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
            size_t len = strlen(sfx[k]);
            if (n > len + 2 && at(s, n - len, sfx[k])) {
                size_t e = n - len - 1; /* safe-ly, state-ment; not ele-ment */
                v -= e != pe && s->c[e - 1] != 'l' && silent_e(s, e);
                break;
            }
        }
    }
    if (n >= 3 && at(s, n - 2, "sm") && en_vowel(s, n - 3))
        v++;
    return v > 0 ? (unsigned)v : 0; /* seg_flush makes it at least 1 */
}

/* Spanish: 0 consonant, 1 weak vowel, 2 strong or accented vowel. */
static int es_class(const struct seg *s, size_t i)
{
    char c = s->c[i];
    if (c == 'y')
        return i + 1 == s->n;
    if (c == 'u' && s->acc[i] != ACC_DIAER && i > 0 && in(s->c[i - 1], "qg") && i + 1 < s->n &&
        in(s->c[i + 1], "ei"))
        return 0; /* que, qui, gue, gui */
    if (c == 'i' || c == 'u')
        return s->acc[i] == ACC_STRESS ? 2 : 1;
    return in(c, "aeo") ? 2 : 0;
}

static unsigned es_count(const struct seg *s)
{
    unsigned v = 0;
    int prev = 0;
    for (size_t i = 0; i < s->n; i++) {
        int k = es_class(s, i);
        if (k && (!prev || (prev == 2 && k == 2)))
            v++;
        prev = k;
    }
    return v;
}

static void seg_add(struct seg *s, char c, unsigned char acc)
{
    int v = in(c, "aeiouy");
    if (s->n < SEG_MAX) {
        s->c[s->n] = c;
        s->acc[s->n] = acc;
    }
    s->n++;
    if (v && !s->in_vowel)
        s->groups++;
    s->in_vowel = v;
}

/* Syllables of the part collected so far (>= 1 if it has a letter); resets it. */
static unsigned seg_flush(struct seg *s, enum readability_lang lang)
{
    unsigned v;
    if (s->n == 0)
        return 0;
    if (s->n > SEG_MAX || lang == READABILITY_OTHER)
        v = s->groups;
    else if (lang == READABILITY_ES)
        v = es_count(s);
    else
        v = en_count(s);
    s->n = 0;
    s->groups = 0;
    s->in_vowel = 0;
    return v ? v : 1;
}

unsigned readability_syllables(const char *word, size_t len, enum readability_lang lang)
{
    struct seg s;
    const char *p = word, *end = word + len;
    unsigned total = 0;
    if (!word)
        return 0;
    memset(&s, 0, sizeof s);
    while (p < end) {
        wchar_t wc;
        unsigned char acc;
        p += decode(p, end, &wc);
        if (is_mark(wc)) {
            if (s.n > 0 && s.n <= SEG_MAX)
                s.acc[s.n - 1] = wc == 0x308 ? ACC_DIAER : ACC_STRESS;
        } else if (is_cjk(wc)) {
            total += seg_flush(&s, lang) + 1;
        } else if (iswalpha((wint_t)wc)) {
            char c = fold(wc, &acc);
            seg_add(&s, c ? c : '#', acc);
        } else if (!is_apostrophe(wc)) {
            total += seg_flush(&s, lang);
        }
    }
    return total + seg_flush(&s, lang);
}

enum readability_lang readability_lang_from_code(const char *code)
{
    if (!code || !code[0] || !code[1] || (code[2] && !strchr("_-.@", code[2])))
        return READABILITY_OTHER;
    char a = (char)(code[0] | 0x20), b = (char)(code[1] | 0x20);
    if (a == 'e' && b == 'n')
        return READABILITY_EN;
    if (a == 'e' && b == 's')
        return READABILITY_ES;
    return READABILITY_OTHER;
}

/* End of the word starting at p (see readability.h for what joins). */
static const char *word_end(const char *p, const char *end)
{
    wchar_t prev = 0, wc, nx;
    while (p < end) {
        size_t n = decode(p, end, &wc);
        if (is_word_char(wc) || (prev && is_mark(wc))) {
            prev = wc;
            p += n;
            continue;
        }
        int join = is_apostrophe(wc) || wc == '-' || wc == 0x2010 || wc == 0x2011 || wc == '.' ||
                   wc == ',';
        if (prev && join && p + n < end) {
            size_t m = decode(p + n, end, &nx);
            if (is_word_char(nx) &&
                (wc != ',' || (iswdigit((wint_t)prev) && iswdigit((wint_t)nx)))) {
                prev = nx;
                p += n + m;
                continue;
            }
        }
        break;
    }
    return p;
}

/* 1 when [p, q) is an ordered-list marker: digits then ". " or ") ". */
static int list_marker(const char *p, const char *q, const char *end)
{
    if (q >= end || (*q != '.' && *q != ')') || (q + 1 < end && q[1] != ' ' && q[1] != '\t'))
        return 0;
    for (; p < q; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

/* 1 when the word [p, q) is an abbreviation that takes a full stop. */
static int is_abbrev(const char *p, const char *q)
{
    static const char *const list[] = {"dr",  "dra", "drs",  "mr",  "mrs", "ms", "mx",     "prof",
                                       "sr",  "sra", "srta", "st",  "jr",  "vs", "approx", "aprox",
                                       "fig", "ej",  "ud",   "uds", "núm", "pág"};
    size_t len = (size_t)(q - p);
    if (len <= 5 && memchr(p, '.', len))
        return 1; /* e.g, i.e, a.m, U.S */
    for (size_t k = 0; k < sizeof list / sizeof list[0]; k++) {
        size_t i = 0;
        if (strlen(list[k]) != len)
            continue;
        while (i < len && (p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i]) == list[k][i])
            i++;
        if (i == len)
            return 1;
    }
    return 0;
}

static int is_term(wchar_t wc)
{
    return wc == '.' || wc == '!' || wc == '?' || wc == 0x2026 || wc == 0x3002 || wc == 0xFF01 ||
           wc == 0xFF1F;
}

/* 1 when text after a run of dots plainly continues the sentence. */
static int continues(const char *p, const char *end)
{
    wchar_t wc;
    while (p < end) {
        p += decode(p, end, &wc);
        if (iswspace((wint_t)wc) || wcschr(L")]\"'\u201D\u2019\u00BB", wc))
            continue;
        return iswlower((wint_t)wc) || wc == ',' || wc == ';' || wc == ':';
    }
    return 0;
}

static void end_sentence(struct readability *r, int *open)
{
    r->sentences += (size_t)*open;
    *open = 0;
}

static void score(struct readability *r, enum readability_lang lang)
{
    if (r->words == 0 || r->sentences == 0)
        return;
    double wps = (double)r->words / (double)r->sentences;
    double spw = (double)r->syllables / (double)r->words;
    if (lang == READABILITY_EN) {
        r->fk_grade = 0.39 * wps + 11.8 * spw - 15.59;
        r->flesch_ease = 206.835 - 1.015 * wps - 84.6 * spw;
    } else if (lang == READABILITY_ES) {
        r->fernandez_huerta = 206.84 - 0.60 * (100.0 * spw) - 1.02 * wps;
        r->inflesz = 206.835 - 62.3 * spw - wps;
    }
}

int readability_measure(const char *text, enum readability_lang lang, struct readability *out)
{
    if (!text || !out)
        return -1;
    memset(out, 0, sizeof *out);
    const char *p = text, *end = text + strlen(text), *wstart = NULL, *wend = NULL;
    int open = 0, newlines = 0, line_start = 1;
    while (p < end) {
        wchar_t wc;
        size_t n = decode(p, end, &wc);
        int cjk = is_cjk(wc);
        if (cjk || is_word_char(wc)) {
            const char *q = cjk ? p + n : word_end(p, end);
            if (line_start && list_marker(p, q, end)) {
                end_sentence(out, &open); /* "1. " starts an item */
                p = q + 1;
            } else {
                unsigned syl = cjk ? 1 : readability_syllables(p, (size_t)(q - p), lang);
                out->words++;
                out->syllables += syl ? syl : 1;
                open = 1;
                wstart = p;
                wend = cjk ? NULL : q;
                p = q;
            }
            newlines = line_start = 0;
            continue;
        }
        if (is_term(wc)) {
            const char *q = p;
            int dots = 1;
            while (q < end) {
                wchar_t t;
                size_t m = decode(q, end, &t);
                if (!is_term(t))
                    break;
                dots &= (t == '.' || t == 0x2026);
                q += m;
            }
            if (!(dots && ((p == wend && is_abbrev(wstart, wend)) || continues(q, end))))
                end_sentence(out, &open);
            p = q;
            newlines = line_start = 0;
            continue;
        }
        int bullet = line_start && (wc == '-' || wc == '*' || wc == '+' || wc == 0x2022) &&
                     (p + n == end || p[n] == ' ' || p[n] == '\t');
        if (bullet || wc == '|' || wc == 0x2502) {
            end_sentence(out, &open); /* list item or table cell */
        } else if (wc == '\n') {
            if (++newlines >= 2)
                end_sentence(out, &open); /* blank line: block end */
            line_start = 1;
        }
        if (!iswspace((wint_t)wc))
            newlines = line_start = 0;
        p += n;
    }
    end_sentence(out, &open);
    score(out, lang);
    return 0;
}
