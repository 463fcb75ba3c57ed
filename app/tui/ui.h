/* ui.h: the interactive kiosk on a terminal. */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include "core/content.h"

struct ui_options {
    int color;        /* 0: monochrome (--no-color, NO_COLOR) */
    int ascii;        /* 1: no UTF-8 locale: ASCII lines and bullets */
    const char *file; /* open this Markdown file instead of the home screen */
};

/* Run until the patient quits. Returns the exit status: 0, or 2 when the
 * terminal cannot be used (the message is already printed to stderr). */
int ui_run(struct content *content, const struct ui_options *opts);

#endif
