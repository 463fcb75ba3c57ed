/* SPDX-License-Identifier: GPL-3.0-or-later */
/* isolate.h: one step that hands patient text to libraries which free it
 * without zeroing (pango, cairo and GLib, for the PDF handout), run in a
 * child process of its own, so that what they leave in freed memory ends
 * with that process instead of staying in the kiosk's heap.
 *
 * The child (fork(), no exec) runs fn, sends its bytes back over a pipe and
 * exits; nothing else of the child reaches the parent. The bytes come back
 * in one malloc'd block of exactly *len bytes (never grown, so no stray
 * copy); the caller zeroes and frees it (handout_free()).
 *
 * Failures: NULL with err set: fn's own message, or why the child failed.
 * When no child can be made (fork fails), fn runs here instead: printing
 * works, and its libraries' leftovers stay until this process ends. */
#ifndef KIOSK_ISOLATE_H
#define KIOSK_ISOLATE_H

#include <stddef.h>

/* Makes *len bytes (malloc'd; isolate_run() zeroes and frees them in the
 * child), or NULL with err set. */
typedef unsigned char *(*isolate_fn)(void *arg, size_t *len, char *err, size_t errlen);

unsigned char *isolate_run(isolate_fn fn, void *arg, size_t *len, char *err, size_t errlen);

#endif
