/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prompt.h: the one-line prompt at the bottom row (search). It is a state
 * of the main loop, not a key loop of its own: while it is open, keys edit
 * buf (at most size bytes with its NUL) and the pages go on being laid out
 * between keys. It opens empty (buf is cleared, so every search starts from
 * nothing). Enter closes it and calls done when buf is not empty; Esc
 * closes it, buf left empty. */
#ifndef KIOSK_PROMPT_H
#define KIOSK_PROMPT_H

#include <stddef.h>
#include <wchar.h>

struct ui;
struct screen_size;

/* label NULL: no prompt is open. */
struct prompt {
    const char *label;
    char *buf;
    size_t size;
    void (*done)(struct ui *ui, struct screen_size sz);
};

void prompt_open(struct ui *ui, const char *label, char *buf, size_t size,
                 void (*done)(struct ui *ui, struct screen_size sz));
/* Over the footer, the cursor in it. */
void prompt_draw(const struct ui *ui, struct screen_size sz);
/* A key for the open prompt: ch is a key code when is_code, else a character. */
void prompt_key(struct ui *ui, int is_code, wint_t ch, struct screen_size sz);

#endif
