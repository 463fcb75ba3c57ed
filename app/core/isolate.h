/* SPDX-License-Identifier: GPL-3.0-or-later */
/* isolate.h: a step that needs libraries the kiosk does not link (pango,
 * cairo and GLib for the PDF handout), run as a separate program: the kiosk
 * stays small (docs/PERFORMANCE.md, target 4), and what those libraries
 * leave in freed memory ends with the helper's process instead of staying
 * in the kiosk's heap (docs/SECURITY.md).
 *
 * isolate_exec() starts the program with fork() and execv() (an argv, never
 * a shell), writes the request on its standard input, reads its standard
 * output to the end and waits for it, at most a bounded time (then it is
 * killed). The helper dies with the kiosk (PR_SET_PDEATHSIG). The output
 * comes back in one malloc'd block of exactly *len bytes; whenever it had to
 * grow, the old block was zeroed first, so no stray copy is left. The
 * caller zeroes and frees it (handout_free()).
 *
 * Failures: NULL with err set: the first line the program wrote on its
 * standard error when it exited non-zero, or why it could not be run or
 * did not finish. */
#ifndef KIOSK_ISOLATE_H
#define KIOSK_ISOLATE_H

#include <stddef.h>

enum {
    ISOLATE_TIMEOUT_MS = 60000,  /* how long a helper may take */
    ISOLATE_MAX_BYTES = 64 << 20 /* the most output taken back */
};

unsigned char *isolate_exec(const char *program, const unsigned char *in, size_t inlen, size_t *len,
                            char *err, size_t errlen);

/* Where the helper program name is: override when not NULL nor "" (test
 * builds only: tests/patient-kiosk-test, from an environment variable);
 * else name beside this program (/proc/self/exe: the build tree, `make
 * run`) when it is there and executable; else the installed
 * PKGLIBEXECDIR/name. Written to buf (size bytes); returns buf (never
 * fails: a path too long is cut, and then fails to execute). */
const char *isolate_program(const char *name, const char *override, char *buf, size_t size);

#endif
