/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prompt.c: the one-line prompt, a state of the main loop (prompt.h). */
#include "config.h"

#include "tui/prompt.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "core/text.h"

#include <ncurses.h>
#include <string.h>

void prompt_open(struct ui *ui, const char *label, char *buf, size_t size,
                 void (*done)(struct ui *ui, struct screen_size sz))
{
    ui->prompt = (struct prompt){.label = label, .buf = buf, .size = size, .done = done};
    /* Every search starts from an empty query: the last one (maybe the
     * previous patient's) is neither shown nor added to. */
    explicit_bzero(buf, size);
    curs_set(1);
}

void prompt_draw(const struct ui *ui, struct screen_size sz)
{
    const struct prompt *p = &ui->prompt;
    int row = sz.lines - 1;
    term_fill(row, 0, term_attr(ROLE_FOOTER));
    int x = 1 + term_text(row, 1, p->label, sz.cols / 2, term_attr(ROLE_FOOTER));
    term_text(row, x, p->buf, sz.cols - x - 1, term_attr(ROLE_FOOTER));
    move(row, x + (int)text_width(p->buf, strlen(p->buf)));
}

/* Drop the last character (all of its UTF-8 bytes). */
static void erase_last(struct prompt *p)
{
    size_t len = strlen(p->buf);
    while (len > 0 && ((unsigned char)p->buf[len - 1] & 0xC0) == 0x80)
        len--;
    if (len > 0)
        p->buf[len - 1] = '\0';
    else
        p->buf[0] = '\0';
}

void prompt_key(struct ui *ui, int is_code, wint_t ch, struct screen_size sz)
{
    struct prompt *p = &ui->prompt;
    size_t len = strlen(p->buf);
    if ((is_code && ch == KEY_ENTER) || (!is_code && (ch == '\n' || ch == '\r'))) {
        void (*done)(struct ui *, struct screen_size) = p->done;
        *p = (struct prompt){0};
        if (len > 0 && done)
            done(ui, sz);
        return;
    }
    if (!is_code && ch == 27) { /* Esc */
        *p = (struct prompt){0};
        return;
    }
    if ((is_code && ch == KEY_BACKSPACE) || (!is_code && (ch == 127 || ch == 8))) {
        erase_last(p);
        return;
    }
    if (is_code || ch < 32 || text_is_control((wchar_t)ch))
        return;
    char mb[8];
    mbstate_t st = {0};
    size_t n = wcrtomb(mb, (wchar_t)ch, &st);
    if (n != (size_t)-1 && len + n < p->size) {
        memcpy(p->buf + len, mb, n);
        p->buf[len + n] = '\0';
    }
}
