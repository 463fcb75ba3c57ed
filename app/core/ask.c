/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ask.c: the patient's own questions (ask.h): ticks, written text, and the
 * summary section they make. */
#include "config.h"

#include "core/ask.h"
#include "core/markdown.h"

#include <string.h>

void ask_wipe(struct ask *a)
{
    explicit_bzero(a, sizeof *a);
}

size_t ask_item_count(const struct flow *f)
{
    size_t n = 0;
    for (size_t t = 0; t < flow_topic_count(f); t++)
        n += flow_topic_item_count(f, t);
    return n < ASK_MAX_ITEMS ? n : ASK_MAX_ITEMS;
}

const char *ask_item(const struct flow *f, size_t i, size_t *topic)
{
    if (topic)
        *topic = (size_t)-1;
    if (i >= ask_item_count(f))
        return NULL;
    for (size_t t = 0; t < flow_topic_count(f); t++) {
        size_t n = flow_topic_item_count(f, t);
        if (i < n) {
            if (topic)
                *topic = t;
            return flow_topic_item(f, t, i);
        }
        i -= n;
    }
    return NULL;
}

int ask_toggle(struct ask *a, const struct flow *f, size_t i)
{
    if (i >= ask_item_count(f))
        return -1;
    a->ticked[i] = !a->ticked[i];
    return 0;
}

int ask_ticked(const struct ask *a, size_t i)
{
    return i < ASK_MAX_ITEMS && a->ticked[i];
}

/* Length of the valid UTF-8 character at s (at most n bytes), or 0 when it
 * is not one (overlong forms, surrogates and values past U+10FFFF too). */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xc2 && s[0] <= 0xdf   ? 2
                 : s[0] >= 0xe0 && s[0] <= 0xef ? 3
                 : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4
                                                : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    /* C1 controls (U+0080 to U+009F) are controls too. */
    if (s[0] == 0xc2 && s[1] < 0xa0)
        return 0;
    return len;
}

int ask_own_append(struct ask *a, int k, const char *utf8, size_t len)
{
    if (k < 0 || k >= ASK_OWN)
        return -1;
    const unsigned char *s = (const unsigned char *)utf8;
    for (size_t i = 0; i < len;) {
        size_t cl = utf8_char(s + i, len - i);
        if (!cl || (cl == 1 && (s[i] < 0x20 || s[i] == 0x7f)))
            return -1;
        i += cl;
    }
    size_t have = strlen(a->own[k]);
    if (have + len + 1 > ASK_OWN_BYTES)
        return -1;
    memcpy(a->own[k] + have, utf8, len);
    a->own[k][have + len] = '\0';
    return 0;
}

void ask_own_backspace(struct ask *a, int k)
{
    if (k < 0 || k >= ASK_OWN)
        return;
    size_t n = strlen(a->own[k]);
    while (n > 0 && ((unsigned char)a->own[k][n - 1] & 0xc0) == 0x80)
        n--; /* continuation bytes of the last character */
    if (n > 0)
        n--;
    explicit_bzero(a->own[k] + n, ASK_OWN_BYTES - n);
}

static int blank(const char *s)
{
    return s[strspn(s, " ")] == '\0';
}

int ask_own_count(const struct ask *a)
{
    int n = 0;
    for (int k = 0; k < ASK_OWN; k++)
        n += !blank(a->own[k]);
    return n;
}

int ask_any(const struct ask *a, const struct flow *f)
{
    if (ask_own_count(a))
        return 1;
    for (size_t i = 0; f && i < ask_item_count(f); i++)
        if (a->ticked[i])
            return 1;
    return 0;
}

void ask_markdown(struct buf *b, const struct ask *a, const struct flow *f, const char *heading)
{
    if (!ask_any(a, f))
        return;
    buf_printf(b, "## %s\n\n", heading);
    for (int k = 0; k < ASK_OWN; k++)
        if (!blank(a->own[k])) {
            buf_str(b, "- ");
            markdown_escape_to(b, a->own[k] + strspn(a->own[k], " "));
            buf_str(b, "\n");
        }
    for (size_t i = 0; f && i < ask_item_count(f); i++)
        if (a->ticked[i]) {
            buf_str(b, "- ");
            markdown_escape_to(b, ask_item(f, i, NULL));
            buf_str(b, "\n");
        }
    buf_str(b, "\n");
}

/* Letters with the accents Spanish needs, and its question marks; Chinese
 * comes from the terminal's input method. */
static const char *const row0[] = {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"};
static const char *const row1[] = {"a", "s", "d", "f", "g", "h", "j", "k", "l", "\xc3\xb1"};
static const char *const row2[] = {"z", "x", "c", "v", "b", "n", "m", ",", ".", "?"};
static const char *const row3[] = {"\xc3\xa1", "\xc3\xa9", "\xc3\xad", "\xc3\xb3", "\xc3\xba",
                                   "\xc3\xbc", "\xc2\xbf", "\xc2\xa1", "'",        "-"};
static const char *const row4[] = {ASK_KEY_SPACE, ASK_KEY_BACK, ASK_KEY_DONE};

const char *const *ask_keyboard_row(int r, size_t *n)
{
    static const struct {
        const char *const *keys;
        size_t n;
    } rows[ASK_KEYBOARD_ROWS] = {{row0, 10}, {row1, 10}, {row2, 10}, {row3, 10}, {row4, 3}};
    if (r < 0 || r >= ASK_KEYBOARD_ROWS) {
        *n = 0;
        return NULL;
    }
    *n = rows[r].n;
    return rows[r].keys;
}
