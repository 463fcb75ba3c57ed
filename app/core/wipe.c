/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wipe.c: zero-then-free for patient data, in malloc's heap or the arena. */
#include "config.h"

#include "core/wipe.h"
#include "core/protect.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void wipe_free(void *p, size_t len)
{
    if (!p)
        return;
    if (protect_owns(p)) {
        protect_release(p); /* zeroes the whole block */
        return;
    }
    /* The whole block: a string's strlen() may be shorter than what it
     * once held. Under valgrind and ASan this is the size asked for. */
    size_t usable = malloc_usable_size(p);
    explicit_bzero(p, usable > len ? usable : len);
    free(p);
}

void wipe_string(char *s)
{
    if (s)
        wipe_free(s, strlen(s));
}

void *wipe_realloc(void *p, size_t old_len, size_t new_len)
{
    if (new_len == 0)
        new_len = 1;
    void *q = p && protect_owns(p) ? protect_alloc(new_len) : malloc(new_len);
    if (!q)
        return NULL;
    if (p) {
        memcpy(q, p, old_len < new_len ? old_len : new_len);
        wipe_free(p, old_len);
    }
    return q;
}

unsigned char *wipe_read_fd(int fd, size_t max, size_t *len)
{
    size_t cap = 16 << 10, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf && n <= max) {
        if (n == cap) {
            unsigned char *b = wipe_realloc(buf, n, cap * 2);
            if (!b) {
                wipe_free(buf, n);
                return NULL;
            }
            buf = b;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            wipe_free(buf, n);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return buf;
}

/* ---- cmark ---- */

static _Noreturn void cmark_out_of_memory(void)
{
    /* cmark does not check what its allocator returns (as its own). */
    fputs("patient-kiosk: out of memory\n", stderr);
    abort();
}

static void *wipe_cmark_calloc(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p)
        cmark_out_of_memory();
    return p;
}

static void *wipe_cmark_realloc(void *p, size_t size)
{
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = wipe_realloc(p, old, size);
    if (!q)
        cmark_out_of_memory();
    return q;
}

static void wipe_cmark_free(void *p)
{
    wipe_free(p, 0);
}

cmark_mem *wipe_cmark_allocator(void)
{
    static cmark_mem allocator = {wipe_cmark_calloc, wipe_cmark_realloc, wipe_cmark_free};
    return &allocator;
}

/* ---- stack and heap ---- */

__attribute__((noinline)) void wipe_stack(void)
{
    char scratch[WIPE_STACK_BYTES];
    explicit_bzero(scratch, sizeof scratch);
    /* Keep the compiler from seeing the buffer as unused. */
    __asm__ volatile("" : : "r"(scratch) : "memory");
}

void wipe_heap(void)
{
    malloc_trim(0);
}
