/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wipe.h: the one way patient data is let go of: zeroed, then freed.
 *
 * Everything that may hold text a patient caused (answers, the summary, its
 * laid-out lines, a search, a printout) is freed through here, so no copy is
 * left behind in freed memory for a core file, a debugger or swap to find.
 * These functions accept memory from malloc() and from the patient arena
 * (core/protect.h) alike, and NULL. None of them can fail. */
#ifndef KIOSK_WIPE_H
#define KIOSK_WIPE_H

#include <stddef.h>
#include <cmark-gfm.h>

/* Zero p's block (all of it, at least len bytes), then free it. */
void wipe_free(void *p, size_t len);

/* wipe_free() of a NUL-terminated string. */
void wipe_string(char *s);

/* Like realloc(), but the old block is zeroed and freed, never left behind
 * as a stray copy: old_len bytes of p (its used part) are copied to a new
 * block of new_len bytes, from the same place p came from (the arena or
 * malloc; malloc when p is NULL). Returns the new block, or NULL when out of
 * memory (p is then untouched, as with realloc()). */
void *wipe_realloc(void *p, size_t old_len, size_t new_len);

/* All of file descriptor fd, read to its end into a malloc() block that
 * grows through wipe_realloc() (no copy of the bytes is left behind), with
 * the count in *len. Reading stops once more than max bytes have come: the
 * block then holds more than max, so a decoder that takes at most max
 * refuses it. Returns NULL on a read error or when out of memory, with
 * nothing left behind. The caller frees the block with wipe_free(). */
unsigned char *wipe_read_fd(int fd, size_t max, size_t *len);

/* A cmark-gfm allocator on malloc() that zeroes every block it frees and
 * never leaves a copy behind when it grows one: for rendering patient text
 * (the summary as HTML). Its blocks may be freed with wipe_free() too. */
cmark_mem *wipe_cmark_allocator(void);

/* How many bytes of stack wipe_stack() zeroes. */
enum { WIPE_STACK_BYTES = 256 * 1024 };

/* Zero WIPE_STACK_BYTES of the stack below the caller, where deeper calls
 * (drawing, formatting, the prompt) left their locals. Call it from a
 * shallow frame, such as the main loop's, after forgetting a patient. */
void wipe_stack(void);

/* Give free heap pages back to the system, which zeroes them: freed memory
 * that wipe_free() never saw (a library's) is then gone too, except what
 * shares a page with live blocks. */
void wipe_heap(void);

#endif
