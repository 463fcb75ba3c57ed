/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chrome.c: the title bar, the crisis line and the key hints (chrome.h). */
#include "config.h"

#include "tui/chrome.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <string.h>

/* 1 for a hint a patient needs first: going back, and help. */
static int first_hint(const char *h, size_t len)
{
    static const char *const keys[] = {"Esc ", "Backspace ", "? "};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (len >= strlen(keys[i]) && strncmp(h, keys[i], strlen(keys[i])) == 0)
            return 1;
    return 0;
}

/* The hints ("key what", two spaces between) as they fit in room cells:
 * whole when they fit; else back and help first, then the others in
 * order, each whole or not at all. Returns hints or out. */
static const char *fit_hints(const char *hints, int room, char *out, size_t size)
{
    if (!hints || (int)text_width(hints, strlen(hints)) <= room)
        return hints;
    const char *start[32];
    size_t len[32], n = 0;
    for (const char *p = hints; *p && n < 32;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *end = strstr(p, "  ");
        size_t l = end ? (size_t)(end - p) : strlen(p);
        start[n] = p;
        len[n++] = l;
        p += l;
    }
    out[0] = '\0';
    size_t used = 0;
    int width = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            if (first_hint(start[i], len[i]) != (pass == 0))
                continue;
            int w = (int)text_width(start[i], len[i]) + (used ? 2 : 0);
            if (width + w > room || used + len[i] + 3 > size)
                continue;
            used += (size_t)snprintf(out + used, size - used, "%s%.*s", used ? "  " : "",
                                     (int)len[i], start[i]);
            width += w;
        }
    return out;
}

void chrome_draw(const struct ui *ui, const char *title, const char *hints, const char *position,
                 struct screen_size sz)
{
    int cols = sz.cols;
    term_fill(0, 0, term_attr(ROLE_TITLE));
    term_text(0, 1, title, cols - 2, term_attr(ROLE_TITLE));

    int crisis_row = sz.lines - 2;
    term_fill(crisis_row, 0, term_attr(ROLE_CRISIS));
    /* The longest crisis line that fits whole, in any language (a
     * translation may be longer than English): never one cut mid-word, and
     * 911 is never dropped for room. */
    const char *const crises[] = {
        _("Thinking about hurting yourself? Call or text 988. In danger, call 911."),
        _("Crisis: call or text 988. Danger: 911."), _("Crisis: 988. Danger: 911.")};
    const char *crisis = crises[0];
    for (size_t i = 1; i < sizeof crises / sizeof crises[0]; i++)
        if ((int)text_width(crisis, strlen(crisis)) > cols - 2)
            crisis = crises[i];
    term_text(crisis_row, 1, crisis, cols - 2, term_attr(ROLE_CRISIS));

    int footer = sz.lines - 1;
    term_fill(footer, 0, term_attr(ROLE_FOOTER));
    int pos_w = position ? (int)text_width(position, strlen(position)) : 0;
    int room = cols - 2 - (pos_w ? pos_w + 2 : 0);
    char fitted[512];
    const char *left = ui->notice[0] ? ui->notice : fit_hints(hints, room, fitted, sizeof fitted);
    term_text(footer, 1, left, room > 0 ? room : 0, term_attr(ROLE_FOOTER));
    if (pos_w && pos_w < cols - 2)
        term_text(footer, cols - 1 - pos_w, position, pos_w, term_attr(ROLE_FOOTER));
}

void chrome_too_small(struct screen_size sz)
{
    erase();
    const char *lines[] = {_("Please make the window larger."),
                           _("This screen needs at least 40 columns and 12 rows.")};
    for (int i = 0; i < 2 && i < sz.lines; i++)
        term_text(i, 0, lines[i], sz.cols, A_BOLD);
    if (sz.lines > 3)
        term_text(3, 0, _("Crisis: call or text 988."), sz.cols, A_BOLD);
    refresh();
}

void chrome_too_large(struct screen_size sz)
{
    erase();
    char size[128];
    snprintf(size, sizeof size, _("This screen can use at most %d columns and %d rows."),
             TERM_MAX_COLS, TERM_MAX_LINES);
    const char *lines[] = {_("The window is too large. Please make it smaller."), size};
    for (int i = 0; i < 2 && i < sz.lines; i++)
        term_text(i, 0, lines[i], sz.cols, A_BOLD);
    if (sz.lines > 3)
        term_text(3, 0, _("Crisis: call or text 988."), sz.cols, A_BOLD);
    refresh();
}

void chrome_centre(int y, const char *text, int attr, struct screen_size sz)
{
    int w = (int)text_width(text, strlen(text));
    int x = w < sz.cols ? (sz.cols - w) / 2 : 0;
    term_text(y, x, text, sz.cols - x, attr);
}
