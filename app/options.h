/* SPDX-License-Identifier: GPL-3.0-or-later */
/* options.h: the command line: what each option sets, --help, and the
 * mistakes a user can make on it (each names its option). */
#ifndef KIOSK_OPTIONS_H
#define KIOSK_OPTIONS_H

/* What the command line asked for. Strings point into argv. */
struct options {
    const char *config;
    const char *content_dir;
    const char *lang;
    const char *render;
    const char *summary;
    const char *format;
    int width;
    int check, strict, max_grade;
    int kiosk, training, hash_pin;
    int no_color, high_contrast, large;
    int plain, speech;
    const char *file;
};

/* Fill o from argv (o's width is the caller's default). --help and
 * --version print and exit 0. Returns 0, or -1 after printing what is wrong
 * on stderr (the caller exits 2). Allocates nothing. */
int options_parse(int argc, char **argv, struct options *o);

#endif
