/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk_config_parse.h: what the configuration reader (kiosk_config.c) and
 * its value checks (kiosk_config_values.c) share. Not for other modules. */
#ifndef KIOSK_CONFIG_PARSE_H
#define KIOSK_CONFIG_PARSE_H

#include <stddef.h>

#include "core/kiosk_config.h"

enum config_key {
    KEY_CLINIC_NAME,
    KEY_CLINIC_PHONE,
    KEY_LANGUAGES,
    KEY_DEFAULT_LANGUAGE,
    KEY_IDLE_TIMEOUT,
    KEY_COUNTDOWN,
    KEY_MODE,
    KEY_STAFF_PIN_HASH,
    KEY_PRINT_COMMAND,
    KEY_PRINT_WIDTH,
    KEY_PRINT_FORMAT,
    KEY_PRINT_PAPER,
    KEY_SECOND_LANGUAGE,
    KEY_SAVE_FOLDER,
    KEY_SPEECH,
    KEY_LOCAL_FOLDER,
    KEY_COUNT
};

/* One parse: the text, the reader's position and line, the first error. */
struct config_parse {
    const char *name; /* file name for messages */
    const char *text;
    size_t len, pos;
    int line;        /* the line last handed to inih (1-based) */
    const char *raw; /* that line as written, without its line ending */
    size_t raw_len;
    int set_line[KEY_COUNT]; /* where each key was set; 0 = not set */
    int last_key;            /* key set by the previous key line of this section, or -1 */
    int err_line;            /* line of the first error; 0 = none yet */
    char *err;
    size_t errlen;
    struct kiosk_config *cfg;
};

/* Record the first error (at the reader's current line). Returns 0, so a
 * handler can `return config_fail(...)`. */
int config_fail(struct config_parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A value as it may be quoted in a message: at most 40 characters (then
 * "..."), control characters shown as '?'. Returns buf. */
const char *config_quote(const char *s, char *buf, size_t size);

/* Check value v for key and store it in p->cfg. 1 when stored; 0 after
 * config_fail() (the message names the setting and what it must be). */
int config_set(struct config_parse *p, enum config_key key, const char *v);

#endif
