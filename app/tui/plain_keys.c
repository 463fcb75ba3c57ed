/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_keys.c: the keys every prompt of the linear mode shares (plain.h):
 * ? lists the keys, L switches the language with the answers kept, q quits
 * (refused in kiosk mode). No ncurses here: only stdio and core/. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- help ---- */

static const char *const plain_help_lines[] = {
    N_("Keys you can use:"),
    "",
    N_("a number, Enter      choose that item"),
    N_("Enter                more of a page, or go on"),
    N_("b                    go back"),
    N_("h                    go to the home menu"),
    N_("L                    choose another language (your answers stay)"),
    N_("p                    print your summary (on the summary screen)"),
    N_("s                    save your summary (on the summary screen)"),
    N_("e                    the short check at the end of some pages"),
    N_("?                    this help"),
    N_("q                    quit"),
};

/* "b                    go back": the description wraps under itself, or
 * goes under the key when the screen is too narrow for both. */
static void say_key_line(struct plain *p, const char *text)
{
    const char *gap = strstr(text, "  ");
    size_t indent = gap ? (size_t)(gap - text) + strspn(gap, " ") : 0;
    char key[64], pad[64];
    if (!gap || indent >= sizeof key) {
        plain_say(p, text);
        return;
    }
    memcpy(key, text, indent); /* the key and the spaces after it */
    key[indent] = '\0';
    if (p->width - (int)indent < 16) { /* the key alone, then its text */
        key[gap - text] = '\0';
        indent = 2;
        plain_write(p, key);
        plain_write(p, "\n");
        key[0] = '\0';
    }
    memset(pad, ' ', indent);
    pad[indent] = '\0';
    struct layout_opts o = plain_layout_opts(p, p->width - (int)indent);
    o.show_sources = 0;
    struct layout *L = layout_text(text + (gap - text) + strspn(gap, " "), 0, &o);
    if (!L) {
        plain_say(p, text);
        return;
    }
    for (size_t l = 0; l < L->line_count; l++)
        plain_line(p, L, l, l == 0 && key[0] ? key : pad);
    layout_free(L);
}

static void plain_help(struct plain *p)
{
    plain_write(p, "\n");
    size_t n = sizeof plain_help_lines / sizeof plain_help_lines[0];
    if (p->opts->mode == MODE_KIOSK)
        n--; /* no quit key */
    for (size_t i = 0; i < n; i++) {
        if (plain_help_lines[i][0])
            say_key_line(p, _(plain_help_lines[i]));
        else
            plain_write(p, "\n");
    }
    plain_write(p, "\n");
    plain_ask(p, _("-- Press Enter to go back --")); /* before the screen is listed again */
}

/* ---- language ---- */

/* Everything in another language from now on, answers kept. 0, or -1
 * after saying why (nothing changed). */
static int plain_switch_language(struct plain *p, const char *code)
{
    char msg[1024];
    if (visit_set_language(&p->visit, code, msg, sizeof msg) < 0) {
        plain_say(p, msg);
        return -1;
    }
    p->show_intro = 1;
    return 0;
}

static void plain_language(struct plain *p)
{
    struct content_language langs[PLAIN_MAX_LANGUAGES];
    size_t n = ui_languages(p->opts, p->visit.content, langs, PLAIN_MAX_LANGUAGES);
    /* Every language's name is in its own words, so anyone can find theirs. */
    plain_write(p, "\nLanguage / Idioma / 语言\n");
    for (size_t i = 0; i < n; i++) {
        char head[32];
        snprintf(head, sizeof head, "%*zu. ", n > 9 ? 2 : 1, i + 1);
        plain_write(p, head);
        plain_write(p, langs[i].name);
        plain_write(p, "\n");
    }
    for (;;) {
        const char *s = plain_ask(p, _("Choose a number, or press Enter to go back: "));
        if (!s || !*s || strcasecmp(s, "b") == 0)
            return;
        if (strcasecmp(s, "q") == 0) {
            plain_common_key(p, s);
            return;
        }
        int k = plain_number(s, (int)n);
        if (k > 0) {
            const char *code = langs[k - 1].code;
            if (strcmp(code, p->visit.content->lang) != 0)
                plain_switch_language(p, code);
            return;
        }
        plain_invalid(p);
    }
}

int plain_common_key(struct plain *p, const char *s)
{
    if (strcasecmp(s, "l") == 0 && !p->opts->visit.file) {
        plain_language(p);
        return 1;
    }
    if (strcmp(s, "?") == 0) {
        plain_help(p);
        return 1;
    }
    if (strcasecmp(s, "q") == 0) {
        if (p->opts->mode == MODE_KIOSK) {
            plain_say(p, _("Ask the front desk for help."));
            return 1;
        }
        if (visit_answered(&p->visit)) { /* answers in progress: ask first */
            char prompt[256];
            snprintf(prompt, sizeof prompt, "%s ", _("Leave and erase your answers? y/n"));
            const char *a = plain_ask(p, prompt);
            if (a && strcasecmp(a, "y") != 0)
                return 1; /* anything but y (or the input's end) stays */
        }
        p->done = 1;
        return 1;
    }
    return 0;
}
