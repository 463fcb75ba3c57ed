/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag.c: "FILE:LINE: error: message" (diag.h). */
#include "config.h"

#include "core/diag.h"

#include <stdlib.h>

/* "FILE:LINE: error: " into buf; returns its length as snprintf() does. */
static int prefix(char *buf, size_t size, const char *file, int line, int is_error)
{
    const char *kind = is_error ? "error" : "warning";
    if (!file)
        file = "-";
    return line > 0 ? snprintf(buf, size, "%s:%d: %s: ", file, line, kind)
                    : snprintf(buf, size, "%s: %s: ", file, kind);
}

int diag_vformat(char *buf, size_t size, const char *file, int line, int is_error, const char *fmt,
                 va_list ap)
{
    int n = prefix(buf, size, file, line, is_error);
    if (n < 0)
        return n;
    int m = vsnprintf((size_t)n < size ? buf + n : NULL, (size_t)n < size ? size - (size_t)n : 0,
                      fmt, ap);
    return m < 0 ? m : n + m;
}

char *diag_asprintf(const char *file, int line, int is_error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = diag_vformat(NULL, 0, file, line, is_error, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!s)
        return NULL;
    va_start(ap, fmt);
    diag_vformat(s, (size_t)n + 1, file, line, is_error, fmt, ap);
    va_end(ap);
    return s;
}

void diag_vprint(FILE *out, const char *file, int line, int is_error, const char *fmt, va_list ap)
{
    char head[4200];
    prefix(head, sizeof head, file, line, is_error);
    fputs(head, out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
}
