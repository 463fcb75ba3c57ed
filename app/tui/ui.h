/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui.h: the interactive kiosk on a terminal, as main.c and the plain
 * front end see it (both functions are loop.c's; the screens are behind
 * tui/screen.h). */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include "core/content.h"
#include "core/flow.h"
#include "core/speech.h"
#include "core/visit.h"
#include "core/log.h"

enum ui_mode {
    MODE_PATIENT,  /* at home over SSH, or a preview: q quits, idle ends the session */
    MODE_KIOSK,    /* unattended: no way out but the staff PIN; idle resets for the next patient */
    MODE_TRAINING, /* staff: sources and reasons shown, no idle reset */
};

struct ui_options {
    enum ui_mode mode;
    int idle_seconds;      /* 0: never */
    int countdown_seconds; /* "Still there?" before the reset */
    const char *default_lang;
    /* Staff PIN check for the kiosk's staff menu: 1 when pin is right. NULL:
     * no PIN configured, so the kiosk cannot be left from the keyboard. */
    int (*pin_check)(const char *pin, const void *ctx);
    const void *pin_ctx;
    int theme; /* enum term_theme: colour, monochrome or high contrast */
    int large; /* 1: every choice at least three rows tall (touch screens) */
    /* The file (visit.file: open it instead of the home screen), clinic,
     * printer, save folder and second language: see core/visit.h. */
    struct visit_options visit;
    /* Languages offered (the configuration's "languages"); NULL: every
     * language the content has. */
    const char (*languages)[4];
    size_t language_count;
    /* Where events go (never patient data: see core/log.h); NULL: nowhere. */
    const struct klog *log;
    int speech; /* 1: offer Read aloud (--speech, speech = yes) */
    struct speech_options speech_opts;
};

/* The languages the patient may choose: those the content has, its local
 * folder's included (see content_languages_local()), limited to opts->languages when set. Returns
 * how many were written to out: 0 for a single-file preview (opts->file) outside kiosk mode, which
 * never offers one. */
size_t ui_languages(const struct ui_options *opts, const struct content *content,
                    struct content_language *out, size_t max);

/* Run until the patient quits. *content and *flow are the caller's; a
 * language switch replaces them, so the caller frees whatever they point to
 * afterwards. *flow NULL: the question flow (see flow_load_flows()) is read
 * when the questions are first used (never for opts->file), and a problem
 * in it is shown then, in the footer, as "FILE:LINE: error: ...". Returns
 * the exit status: 0, or 2 when the terminal cannot be used (the message is
 * already printed to stderr). */
int ui_run(struct content **content, struct flow **flow, const struct ui_options *opts);

#endif
