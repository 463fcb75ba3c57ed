/* SPDX-License-Identifier: GPL-3.0-or-later */
/* protect.h: memory set apart for patient data, and the process settings
 * that keep patient data out of core files, debuggers and swap.
 *
 * The patient arena is one mapping of PROTECT_ARENA_BYTES, excluded from
 * core dumps (MADV_DONTDUMP) and locked in RAM (mlock) when RLIMIT_MEMLOCK
 * allows it. Long-lived patient text lives there: the summary Markdown, its
 * laid-out lines, the printout, the reprint copy, the plain interface's
 * stdio buffers. Its free blocks are always zero: a block is zeroed when it
 * is released. When the arena is full (or was never set up, as in the unit
 * tests and --summary), protect_alloc() falls back to malloc(); such blocks
 * are zeroed when freed like any other (core/wipe.h).
 *
 * Like malloc's own, the arena is process-wide state (the kiosk is
 * single-threaded); so is the list of regions the crash handler zeroes, which
 * a signal handler could not reach otherwise. */
#ifndef KIOSK_PROTECT_H
#define KIOSK_PROTECT_H

#include <stddef.h>

enum { PROTECT_ARENA_BYTES = 1 << 20 };

/* How protect_init() went. */
enum protect_status {
    PROTECT_LOCKED,   /* arena mapped, excluded from dumps, locked in RAM */
    PROTECT_UNLOCKED, /* arena mapped and excluded from dumps, but swappable: see msg */
    PROTECT_NONE,     /* no arena (mmap failed): patient data uses malloc; see msg */
};

/* Map the arena (once; later calls return the first result). msg gets a
 * line for the administrator's log when the result is not PROTECT_LOCKED,
 * naming the limit or the error and what to do. */
enum protect_status protect_init(char *msg, size_t msglen);

/* n bytes (n may be 0) from the arena, 16-byte aligned, or from malloc when
 * the arena cannot serve it. NULL only when out of memory. Release with
 * wipe_free(). */
void *protect_alloc(size_t n);

/* A copy of s made with protect_alloc(), or NULL. Release with wipe_string(). */
char *protect_strdup(const char *s);

/* 1 when p points into the arena. */
int protect_owns(const void *p);

/* Zero p's whole block and give it back to the arena. p must come from
 * protect_alloc() and satisfy protect_owns(); wipe_free() calls this. */
void protect_release(void *p);

/* Bytes of arena blocks in use, and blocks that had to come from malloc
 * since the start (for tests and the log). */
size_t protect_used_bytes(void);
size_t protect_fallbacks(void);

/* The arena's first byte (PROTECT_ARENA_BYTES long), NULL when there is
 * none: for tests that look through it. */
const void *protect_arena_base(void);

/* The process settings for kiosk and patient (SSH) sessions: not dumpable
 * (PR_SET_DUMPABLE 0: no core file, no ptrace by the same user, /proc/PID/mem
 * closed to it), RLIMIT_CORE 0 soft and hard, and a handler for the signals a
 * crash raises (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS) that zeroes
 * the arena and the registered regions, then dies of the same signal. Returns
 * 0, or -1 with msg naming what could not be set (the rest still is). */
int protect_process(char *msg, size_t msglen);

/* Regions outside the arena holding patient text (fixed buffers such as the
 * search term) for the crash handler to zero too. At most
 * PROTECT_MAX_REGIONS; returns 0 or -1 when the table is full. Registering
 * p again only updates its length. */
enum { PROTECT_MAX_REGIONS = 8 };
int protect_register(void *p, size_t len);
void protect_unregister(void *p);

/* Zero the whole arena and every registered region: async-signal-safe, for
 * the crash handler; the arena's blocks are unusable afterwards. */
void protect_wipe_all(void);

#endif
