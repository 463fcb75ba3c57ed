/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag.h: the one way a problem is reported to a person who can fix it:
 * "FILE:LINE: error: message" (or "warning:"; "FILE: error: message" when
 * the line is not known, "-" when the file is not). The words "error" and
 * "warning" are never translated: editors and scripts parse them. Used by
 * the content check, the question flow's messages and the configuration.
 * Nothing here allocates except diag_asprintf(). */
#ifndef KIOSK_DIAG_H
#define KIOSK_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Format the message into buf (always NUL-terminated when size > 0, cut
 * when too long). Returns what snprintf() returns for the whole message. */
int diag_vformat(char *buf, size_t size, const char *file, int line, int is_error, const char *fmt,
                 va_list ap) __attribute__((format(printf, 6, 0)));
/* The message, malloc'd (caller frees); NULL when out of memory. */
char *diag_asprintf(const char *file, int line, int is_error, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Write the message and a newline to out. */
void diag_vprint(FILE *out, const char *file, int line, int is_error, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

#endif
