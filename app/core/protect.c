/* SPDX-License-Identifier: GPL-3.0-or-later */
/* protect.c: the patient arena (first fit over one locked, undumpable
 * mapping), the crash handler that zeroes it, and the process settings
 * against core files and debuggers. */
#include "config.h"

#include "core/protect.h"
#include "core/i18n.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define PROTECT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PROTECT_ASAN 1
#endif
#endif

/* Linux 5.17 names anonymous mappings (shown in /proc/PID/maps); older
 * headers lack the constants, older kernels refuse, and that is harmless. */
#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#endif
#ifndef PR_SET_VMA_ANON_NAME
#define PR_SET_VMA_ANON_NAME 0
#endif

/* A block: this header, then its payload; blocks tile the arena. */
struct block {
    size_t size; /* header included, a multiple of ALIGN */
    size_t used; /* 1 while handed out */
};

enum { ALIGN = 16, HEAD = sizeof(struct block), ALT_STACK_BYTES = 64 * 1024 };
_Static_assert(sizeof(struct block) == ALIGN, "headers keep payloads 16-byte aligned");

static struct {
    char *base; /* NULL: no arena */
    int tried;
    enum protect_status status;
    char message[512];
    size_t used, fallbacks;
    struct {
        void *p;
        size_t len;
    } regions[PROTECT_MAX_REGIONS];
} arena;

static struct block *first_block(void)
{
    return (struct block *)arena.base;
}

static struct block *next_block(struct block *b)
{
    return (struct block *)((char *)b + b->size);
}

static int at_end(const struct block *b)
{
    return (const char *)b >= arena.base + PROTECT_ARENA_BYTES;
}

static void say(char *msg, size_t msglen, const char *text)
{
    if (msg && msglen)
        snprintf(msg, msglen, "%s", text);
}

/* Locks the arena out of swap. MLOCK_ONFAULT (Linux 4.4) locks each page
 * when it is first used, so an idle session keeps only the pages its
 * patient has filled resident instead of the whole arena; older kernels
 * lock it all. Returns 0, or -1 with errno set. */
static int lock_arena(void *m)
{
#ifdef MLOCK_ONFAULT
    if (mlock2(m, PROTECT_ARENA_BYTES, MLOCK_ONFAULT) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
#endif
    return mlock(m, PROTECT_ARENA_BYTES);
}

enum protect_status protect_init(char *msg, size_t msglen)
{
    if (arena.tried) {
        say(msg, msglen, arena.message);
        return arena.status;
    }
    arena.tried = 1;
    void *m =
        mmap(NULL, PROTECT_ARENA_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        snprintf(arena.message, sizeof arena.message,
                 _("no memory could be set apart for patient data (mmap: %s); it stays in "
                   "ordinary memory, zeroed when it is freed"),
                 strerror(errno));
        arena.status = PROTECT_NONE;
        say(msg, msglen, arena.message);
        return arena.status;
    }
    arena.base = m;
    (void)prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long)m, PROTECT_ARENA_BYTES,
                (unsigned long)"patient-kiosk patient data");
    *first_block() = (struct block){.size = PROTECT_ARENA_BYTES};
    madvise(m, PROTECT_ARENA_BYTES, MADV_DONTDUMP);
    if (lock_arena(m) == 0) {
        arena.status = PROTECT_LOCKED;
        arena.message[0] = '\0';
    } else {
        int e = errno;
        struct rlimit rl;
        char limit[64] = "?";
        if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0) {
            if (rl.rlim_cur == RLIM_INFINITY)
                snprintf(limit, sizeof limit, "unlimited");
            else
                snprintf(limit, sizeof limit, "%llu KiB", (unsigned long long)rl.rlim_cur / 1024);
        }
        snprintf(arena.message, sizeof arena.message,
                 _("patient data is kept out of core dumps but could not be locked in memory "
                   "(mlock of %d KiB: %s; RLIMIT_MEMLOCK is %s), so it may reach swap: raise "
                   "the limit (systemd: LimitMEMLOCK=) or turn swap off"),
                 PROTECT_ARENA_BYTES / 1024, strerror(e), limit);
        arena.status = PROTECT_UNLOCKED;
    }
    say(msg, msglen, arena.message);
    return arena.status;
}

int protect_owns(const void *p)
{
    return arena.base && (const char *)p >= arena.base &&
           (const char *)p < arena.base + PROTECT_ARENA_BYTES;
}

void *protect_alloc(size_t n)
{
    if (arena.base && n <= PROTECT_ARENA_BYTES - HEAD) {
        size_t need = HEAD + ((n ? n : 1) + ALIGN - 1) / ALIGN * ALIGN;
        for (struct block *b = first_block(); !at_end(b); b = next_block(b)) {
            if (b->used || b->size < need)
                continue;
            if (b->size - need >= HEAD + ALIGN) { /* split: the rest stays free */
                struct block *rest = (struct block *)((char *)b + need);
                *rest = (struct block){.size = b->size - need};
                b->size = need;
            }
            b->used = 1;
            arena.used += b->size;
            return b + 1; /* free payloads are zero already */
        }
    }
    if (arena.base)
        arena.fallbacks++;
    return malloc(n ? n : 1);
}

char *protect_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = protect_alloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void protect_release(void *p)
{
    if (!p || !protect_owns(p))
        return;
    struct block *b = (struct block *)p - 1;
    explicit_bzero(b + 1, b->size - HEAD);
    b->used = 0;
    arena.used -= b->size;
    /* Join neighbouring free blocks (the arena holds a few dozen blocks). */
    for (struct block *c = first_block(); !at_end(c); c = next_block(c)) {
        if (c->used)
            continue;
        struct block *n;
        while (!at_end(n = next_block(c)) && !n->used) {
            c->size += n->size;
            explicit_bzero(n, HEAD);
        }
    }
}

size_t protect_used_bytes(void)
{
    return arena.used;
}

size_t protect_fallbacks(void)
{
    return arena.fallbacks;
}

const void *protect_arena_base(void)
{
    return arena.base;
}

/* ---- registered regions and the crash handler ---- */

int protect_register(void *p, size_t len)
{
    for (int i = 0; i < PROTECT_MAX_REGIONS; i++)
        if (arena.regions[i].p == p) {
            arena.regions[i].len = len;
            return 0;
        }
    for (int i = 0; i < PROTECT_MAX_REGIONS; i++)
        if (!arena.regions[i].p) {
            arena.regions[i].len = len;
            arena.regions[i].p = p;
            return 0;
        }
    return -1;
}

void protect_unregister(void *p)
{
    for (int i = 0; i < PROTECT_MAX_REGIONS; i++)
        if (arena.regions[i].p == p)
            arena.regions[i].p = NULL;
}

void protect_wipe_all(void)
{
    if (arena.base)
        explicit_bzero(arena.base, PROTECT_ARENA_BYTES);
    for (int i = 0; i < PROTECT_MAX_REGIONS; i++)
        if (arena.regions[i].p)
            explicit_bzero(arena.regions[i].p, arena.regions[i].len);
}

static void on_crash(int sig)
{
    protect_wipe_all();
    /* SA_RESETHAND put the default action back: die of the same signal
     * once this returns (and no core file: RLIMIT_CORE is 0). */
    raise(sig);
}

/* Under AddressSanitizer its own handler reports the crash; ours would hide it. */
static int crash_handlers(char *msg, size_t msglen)
{
#ifdef PROTECT_ASAN
    (void)msg;
    (void)msglen;
    (void)on_crash;
    return 0;
#else
    /* A stack overflow needs a stack of its own to run the handler on. */
    void *alt =
        mmap(NULL, ALT_STACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    stack_t ss = {.ss_sp = alt, .ss_size = ALT_STACK_BYTES};
    int on_stack = alt != MAP_FAILED && sigaltstack(&ss, NULL) == 0;
    struct sigaction sa = {0};
    sa.sa_handler = on_crash;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | (on_stack ? SA_ONSTACK : 0);
    static const int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        if (sigaction(signals[i], &sa, NULL) != 0) {
            snprintf(msg, msglen, _("the crash handler could not be installed (sigaction: %s)"),
                     strerror(errno));
            return -1;
        }
    return 0;
#endif
}

int protect_process(char *msg, size_t msglen)
{
    int rc = 0;
    if (msg && msglen)
        msg[0] = '\0';
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        snprintf(msg, msglen, _("core files could not be turned off (setrlimit RLIMIT_CORE: %s)"),
                 strerror(errno));
        rc = -1;
    }
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        snprintf(msg, msglen,
                 _("the process could not be made non-dumpable (prctl PR_SET_DUMPABLE: %s)"),
                 strerror(errno));
        rc = -1;
    }
    if (crash_handlers(msg, msglen) != 0)
        rc = -1;
    return rc;
}
