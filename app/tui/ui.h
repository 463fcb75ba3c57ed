/* ui.h: the interactive kiosk on a terminal. */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include "core/content.h"
#include "core/flow.h"

struct ui_options {
    int color;        /* 0: monochrome (--no-color, NO_COLOR) */
    int ascii;        /* 1: no UTF-8 locale: ASCII lines and bullets */
    const char *file; /* open this Markdown file instead of the home screen */
    const char *clinic_name;  /* for the summary; may be NULL */
    const char *clinic_phone;
    char *const *print_argv;  /* print command (the file is appended); NULL: off */
    int print_width;          /* columns on paper */
    const char *save_dir;     /* where summaries may be saved; NULL: off */
};

/* Run until the patient quits. *content and *flow (NULL when the content has
 * no questions) are the caller's; a language switch replaces them, so the
 * caller frees whatever they point to afterwards. Returns the exit status:
 * 0, or 2 when the terminal cannot be used (the message is already printed
 * to stderr). */
int ui_run(struct content **content, struct flow **flow, const struct ui_options *opts);

#endif
