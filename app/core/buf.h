/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.h: the one growable string buffer of core/. It may hold patient
 * text, so it never leaves a stray copy behind: growing copies into a new
 * block and zeroes the old one (no realloc), and buf_wipe() zeroes before
 * it frees. A buffer made with .patient = 1 (the summary, the printout)
 * takes its blocks from the patient arena (core/protect.h; malloc when the
 * arena is full or not set up).
 *
 * Failures: when memory runs out (or limit would be passed) the buffer keeps what it had, sets
 * `failed`, and ignores every later append; check `failed` once at the end.
 * The caller owns b->s: free it with buf_wipe(), or take it with buf_take()
 * and release it with wipe_string() (core/wipe.h). A patient buffer's block
 * may be in the arena, which free() must never see; a plain buffer's block
 * is malloc's. */
#ifndef KIOSK_BUF_H
#define KIOSK_BUF_H

#include <stddef.h>

struct buf {
    char *s; /* NUL-terminated once anything was added; NULL before */
    size_t len, cap;
    int failed;   /* 1 once an append ran out of memory or past limit */
    size_t limit; /* the most bytes it may hold (0: no limit): a bound on
                   * what hostile content can make it grow to */
    int patient;  /* 1: blocks from the patient arena (set it before the first append) */
};

/* Append n bytes of s. */
void buf_add(struct buf *b, const char *s, size_t n);
/* Append a NUL-terminated string. */
void buf_str(struct buf *b, const char *s);
/* Append printf-style. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Zero and free the contents; the buffer is empty again. */
void buf_wipe(struct buf *b);
/* The string (never NULL: "" when nothing was added), handed to the caller,
 * who releases it with wipe_string(); NULL when an append failed (the
 * contents are then wiped). The buffer is empty again (keeping limit and
 * patient). */
char *buf_take(struct buf *b);

#endif
