/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_wipe.c: patient data is zeroed when it is let go of: the arena's
 * blocks (split, joined, reused, zero when free), wipe_realloc() and the
 * cmark allocator keep contents and leave no copy, a patient layout and a
 * patient buffer (the summary's, the printout's) live in the arena and
 * leave nothing there once freed, the arena
 * is kept out of core dumps, the crash wipe reaches registered regions, and
 * wipe_stack() zeroes what deeper calls left on the stack. */
#include "config.h"

#include "suites.h"
#include "core/buf.h"
#include "core/layout.h"
#include "core/markdown.h"
#include "core/protect.h"
#include "core/wipe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define WIPE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WIPE_TEST_ASAN 1
#endif
#endif
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

static const char secret[] = "Zqx patient secret: I take Fluvoxamine";

static void setup(void)
{
    char msg[512];
    enum protect_status st = protect_init(msg, sizeof msg);
    ck_assert_msg(st != PROTECT_NONE, "no arena: %s", msg);
}

/* How many times needle occurs in the whole arena. */
static int arena_count(const char *needle)
{
    const char *base = protect_arena_base(), *end = base + PROTECT_ARENA_BYTES;
    size_t n = strlen(needle);
    int count = 0;
    for (const char *p = base; (p = memmem(p, (size_t)(end - p), needle, n)) != NULL; p += n)
        count++;
    return count;
}

static int all_zero(const void *p, size_t n)
{
    const unsigned char *u = p;
    for (size_t i = 0; i < n; i++)
        if (u[i])
            return 0;
    return 1;
}

START_TEST(arena_blocks_are_aligned_reused_and_zero_when_freed)
{
    size_t used = protect_used_bytes();
    char *a = protect_alloc(100), *b = protect_alloc(1), *c = protect_alloc(0);
    ck_assert(protect_owns(a) && protect_owns(b) && protect_owns(c));
    ck_assert_uint_eq((uintptr_t)a % 16, 0);
    ck_assert_uint_eq((uintptr_t)b % 16, 0);
    ck_assert(all_zero(a, 100));
    memcpy(a, secret, sizeof secret);
    ck_assert_int_eq(arena_count(secret), 1);
    wipe_free(a, sizeof secret);
    ck_assert_int_eq(arena_count(secret), 0);
    ck_assert(all_zero(a, 100)); /* still mapped: the arena's own memory */
    /* The freed block is found again, and joins its free neighbours. */
    char *again = protect_alloc(64);
    ck_assert_ptr_eq(again, a);
    wipe_free(again, 64);
    wipe_free(b, 1);
    wipe_free(c, 0);
    ck_assert_uint_eq(protect_used_bytes(), used);
    char *big = protect_alloc(PROTECT_ARENA_BYTES / 2);
    ck_assert(protect_owns(big)); /* the blocks joined again */
    wipe_free(big, PROTECT_ARENA_BYTES / 2);
}
END_TEST

START_TEST(a_request_the_arena_cannot_serve_comes_from_malloc)
{
    size_t before = protect_fallbacks();
    char *p = protect_alloc(PROTECT_ARENA_BYTES);
    ck_assert_ptr_nonnull(p);
    ck_assert(!protect_owns(p));
    ck_assert_uint_eq(protect_fallbacks(), before + 1);
    memset(p, 'x', PROTECT_ARENA_BYTES);
    wipe_free(p, PROTECT_ARENA_BYTES);
    char *s = protect_strdup(secret);
    ck_assert(protect_owns(s));
    ck_assert_str_eq(s, secret);
    wipe_string(s);
    wipe_string(NULL);
    wipe_free(NULL, 10);
}
END_TEST

START_TEST(wipe_realloc_keeps_contents_and_leaves_no_copy)
{
    char *p = protect_strdup(secret);
    char *q = wipe_realloc(p, sizeof secret, 4096);
    ck_assert(protect_owns(q));
    ck_assert_str_eq(q, secret);
    ck_assert_int_eq(arena_count(secret), 1);    /* the old block is zero */
    char *r = wipe_realloc(q, sizeof secret, 8); /* shorter: cut */
    ck_assert_int_eq(memcmp(r, secret, 8), 0);
    ck_assert_int_eq(arena_count(secret), 0);
    wipe_free(r, 8);
    char *m = wipe_realloc(NULL, 0, 10); /* from malloc */
    ck_assert(!protect_owns(m));
    memcpy(m, "123456789", 10);
    m = wipe_realloc(m, 10, 100000);
    ck_assert_str_eq(m, "123456789");
    wipe_free(m, 100000);
}
END_TEST

/* A pipe holding n bytes of pattern, its write end closed: the read end. */
static int pipe_of(size_t n)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    for (size_t i = 0; i < n; i++) {
        char c = (char)('a' + i % 26);
        ck_assert_int_eq(write(fds[1], &c, 1), 1);
    }
    close(fds[1]);
    return fds[0];
}

START_TEST(wipe_read_fd_reads_to_the_end_and_stops_past_max)
{
    size_t len = 99;
    int fd = pipe_of(0);
    unsigned char *b = wipe_read_fd(fd, 100, &len);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(len, 0); /* empty input: a block, no bytes */
    wipe_free(b, len);
    close(fd);

    fd = pipe_of(40000); /* more than the first block: it grows */
    b = wipe_read_fd(fd, 50000, &len);
    ck_assert_uint_eq(len, 40000);
    ck_assert_int_eq(b[0], 'a');
    ck_assert_int_eq(b[39999], 'a' + 39999 % 26);
    wipe_free(b, len);
    close(fd);

    fd = pipe_of(60000); /* past max: more than max, not all of it */
    b = wipe_read_fd(fd, 20000, &len);
    ck_assert_uint_gt(len, 20000);
    ck_assert_uint_lt(len, 60000);
    wipe_free(b, len);
    close(fd);

    ck_assert_ptr_null(wipe_read_fd(-1, 100, &len)); /* a read error */
}
END_TEST

START_TEST(the_cmark_allocator_grows_and_renders)
{
    cmark_mem *mem = wipe_cmark_allocator();
    char *p = mem->calloc(1, 16);
    memcpy(p, "abc", 4);
    p = mem->realloc(p, 100000);
    ck_assert_str_eq(p, "abc");
    mem->free(p);
    cmark_node *doc = markdown_parse("| a | b |\n|---|---|\n| Zqx | y |\n", 33);
    char *html = markdown_to_html(doc);
    ck_assert_ptr_nonnull(strstr(html, "<td>Zqx</td>"));
    wipe_string(html);
    cmark_node_free(doc);
}
END_TEST

START_TEST(a_patient_layout_lives_in_the_arena_and_is_zeroed_when_freed)
{
    char md[256];
    snprintf(md, sizeof md, "# Your answers\n\n- %s, every morning and every night\n", secret);
    struct layout_opts o = {.width = 30, .patient = 1};
    struct layout *L = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    ck_assert(protect_owns(L->text));
    ck_assert(protect_owns(L->lines));
    ck_assert(protect_owns(L->spans));
    ck_assert_int_ge(arena_count("Zqx patient"), 1);
    layout_free(L);
    ck_assert_int_eq(arena_count("Zqx patient"), 0);
    ck_assert_int_eq(arena_count("Fluvoxamine"), 0);
    /* A page's layout is not patient data: it stays in malloc's heap. */
    struct layout_opts page = {.width = 30};
    L = layout_markdown(md, strlen(md), &page);
    ck_assert(!protect_owns(L->text));
    layout_free(L);
}
END_TEST

START_TEST(a_patient_buffer_grows_in_the_arena_and_leaves_no_copy)
{
    struct buf b = {.patient = 1};
    buf_str(&b, secret);
    for (int i = 0; i < 200; i++) /* grows (copies) several times */
        buf_printf(&b, " %d", i);
    ck_assert(!b.failed);
    ck_assert(protect_owns(b.s));
    ck_assert_int_eq(arena_count(secret), 1); /* each outgrown block was zeroed */
    char *s = buf_take(&b);
    ck_assert(protect_owns(s));
    ck_assert(b.patient && !b.s); /* still a patient buffer, empty */
    wipe_string(s);
    ck_assert_int_eq(arena_count(secret), 0);
    buf_str(&b, secret);
    buf_wipe(&b);
    ck_assert_int_eq(arena_count(secret), 0);
    /* A plain buffer (a page's text, a message) uses malloc. */
    struct buf plain = {0};
    buf_str(&plain, "page text");
    ck_assert(!protect_owns(plain.s));
    buf_wipe(&plain);
}
END_TEST

/* The arena's line in /proc/self/smaps, with its VmFlags, in buf. */
static int arena_flags(char *buf, size_t size)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    char line[512];
    int in_arena = 0, found = -1;
    uintptr_t base = (uintptr_t)protect_arena_base();
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
            in_arena = lo <= base && base < hi;
        else if (in_arena && strncmp(line, "VmFlags:", 8) == 0) {
            snprintf(buf, size, "%s", line);
            found = 0;
        }
    }
    fclose(f);
    return found;
}

START_TEST(the_arena_is_kept_out_of_core_dumps)
{
    char flags[512], msg[512];
    ck_assert_int_eq(arena_flags(flags, sizeof flags), 0);
    ck_assert_msg(strstr(flags, " dd") != NULL, "no dd (MADV_DONTDUMP) in %s", flags);
    if (protect_init(msg, sizeof msg) == PROTECT_LOCKED) {
#ifndef WIPE_TEST_ASAN /* ASan's mlock() does nothing and says it worked */
        ck_assert_msg(strstr(flags, " lo") != NULL, "locked, yet no lo in %s", flags);
#endif
    } else
        ck_assert_ptr_nonnull(strstr(msg, "RLIMIT_MEMLOCK")); /* says which limit */
}
END_TEST

START_TEST(the_crash_wipe_zeroes_the_arena_and_registered_regions)
{
    char search[64];
    snprintf(search, sizeof search, "%s", secret);
    ck_assert_int_eq(protect_register(search, sizeof search), 0);
    char *s = protect_strdup(secret);
    protect_wipe_all();
    ck_assert(all_zero(search, sizeof search));
    ck_assert(all_zero(s, sizeof secret));
    protect_unregister(search);
    /* The arena is unusable after this (its headers are gone), and this
     * test runs in a process of its own (Check forks) unless CK_FORK=no. */
}
END_TEST

/* A deeper call that leaves secret in its frame; returns where. */
__attribute__((noinline)) static uintptr_t leave_on_stack(void)
{
    volatile char frame[256];
    for (size_t i = 0; i < sizeof secret; i++)
        frame[i] = secret[i];
    return (uintptr_t)frame;
}

/* leave_on_stack() n frames of 1 KiB further down, as drawing would be. */
__attribute__((noinline, unused)) static uintptr_t deeper(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    uintptr_t at = n ? deeper(n - 1) : leave_on_stack();
    return at + (uintptr_t)(pad[0] & 0);
}

START_TEST(wipe_stack_zeroes_what_deeper_calls_left)
{
#ifdef WIPE_TEST_ASAN
    return; /* ASan may keep frames on a stack of its own */
#else
    if (RUNNING_ON_VALGRIND)
        return; /* memcheck rightly objects to reading below the stack pointer */
    uintptr_t at = deeper(4);
    const volatile char *p = (const volatile char *)at;
    ck_assert_int_eq(p[0], secret[0]); /* still there, until... */
    wipe_stack();
    for (size_t i = 0; i < sizeof secret; i++)
        ck_assert_int_eq(p[i], 0);
#endif
}
END_TEST

Suite *wipe_suite(void)
{
    Suite *s = suite_create("wipe");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, arena_blocks_are_aligned_reused_and_zero_when_freed);
    tcase_add_test(tc, a_request_the_arena_cannot_serve_comes_from_malloc);
    tcase_add_test(tc, wipe_realloc_keeps_contents_and_leaves_no_copy);
    tcase_add_test(tc, wipe_read_fd_reads_to_the_end_and_stops_past_max);
    tcase_add_test(tc, the_cmark_allocator_grows_and_renders);
    tcase_add_test(tc, a_patient_layout_lives_in_the_arena_and_is_zeroed_when_freed);
    tcase_add_test(tc, a_patient_buffer_grows_in_the_arena_and_leaves_no_copy);
    tcase_add_test(tc, the_arena_is_kept_out_of_core_dumps);
    tcase_add_test(tc, wipe_stack_zeroes_what_deeper_calls_left);
    suite_add_tcase(s, tc);
    /* Last, and alone: it leaves the arena unusable. */
    TCase *crash = tcase_create("crash");
    tcase_add_checked_fixture(crash, setup, NULL);
    tcase_add_test(crash, the_crash_wipe_zeroes_the_arena_and_registered_regions);
    suite_add_tcase(s, crash);
    return s;
}
