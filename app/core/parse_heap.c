/* SPDX-License-Identifier: GPL-3.0-or-later */
/* parse_heap.c: size-classed blocks in mmap'd regions for cmark-gfm's trees.
 *
 * Every block starts with a header of one max_align_t so payloads keep
 * malloc's alignment; it holds the block's size class (0: a large block from
 * malloc) and the bytes asked for (realloc copies no more than that). A free
 * block's payload holds its links in its class's free list, which is doubly
 * linked so that a region whose blocks are all free can take them off and be
 * unmapped: a long page laid out block by block gives its tree back as it
 * goes. Regions are aligned to their size, so a block's region is its address
 * rounded down. Under AddressSanitizer, headers and free blocks are poisoned,
 * so a use after cmark_node_free() is still reported. A block is zeroed when
 * it is freed, and realloc never leaves a copy behind (large blocks move by
 * copying too), because a tree may be the patient's summary. */
#include "config.h"

#include "core/parse_heap.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define PARSE_HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARSE_HEAP_ASAN 1
#endif
#endif

#ifdef PARSE_HEAP_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Under valgrind, small blocks are announced to memcheck like malloc's, so a
 * tree that is never freed, or read after it is, is reported; outside
 * valgrind these cost a few instructions. The links inside free blocks are
 * opened to memcheck around each access, only when running under it (asking
 * costs more than the access itself). */
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#define ANNOUNCE_ALLOC(p, n)       VALGRIND_MALLOCLIKE_BLOCK((p), (n), 0, 0)
#define ANNOUNCE_RESIZE(p, old, n) VALGRIND_RESIZEINPLACE_BLOCK((p), (old), (n), 0)
#define ANNOUNCE_FREE(p)           VALGRIND_FREELIKE_BLOCK((p), 0)
#define UNDER_VALGRIND()           (RUNNING_ON_VALGRIND != 0)
#define VALGRIND_OPEN(p, n)        ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#define VALGRIND_CLOSE(p, n)       ((void)VALGRIND_MAKE_MEM_NOACCESS((p), (n)))
#else
#define ANNOUNCE_ALLOC(p, n)       ((void)(p), (void)(n))
#define ANNOUNCE_RESIZE(p, old, n) ((void)(p), (void)(old), (void)(n))
#define ANNOUNCE_FREE(p)           ((void)(p))
#define UNDER_VALGRIND()           0
#define VALGRIND_OPEN(p, n)        ((void)(p), (void)(n))
#define VALGRIND_CLOSE(p, n)       ((void)(p), (void)(n))
#endif

struct block_head {
    alignas(max_align_t) size_t size_class; /* block bytes / GRAIN; 0: from malloc */
    size_t bytes;                           /* bytes asked for */
};

/* In the payload of a free block. */
struct free_links {
    struct block_head *next, *prev;
};

enum {
    GRAIN = sizeof(struct block_head),
    /* classes 2 .. CLASSES-1: blocks of 2*GRAIN .. (CLASSES-1)*GRAIN bytes */
    CLASSES = (PARSE_HEAP_SMALL_MAX + GRAIN - 1) / GRAIN + 2,
    REGION_BYTES = PARSE_HEAP_REGION_BYTES,
};

_Static_assert(GRAIN % alignof(max_align_t) == 0, "headers keep malloc's alignment");
_Static_assert(sizeof(struct free_links) <= GRAIN, "the smallest payload holds the links");

/* The start of each mapped region; blocks are carved after it. */
struct region {
    alignas(max_align_t) struct region *next, *prev; /* newest first */
    size_t used;                                     /* bytes carved, this header included */
    size_t live;                                     /* its blocks handed out, not freed */
};

static struct {
    struct region *regions; /* blocks are carved from the first */
    struct block_head *free_lists[CLASSES];
    size_t live;
    size_t mapped;
    int valgrind; /* running under valgrind: set when the first region is mapped */
} heap;

static _Noreturn void out_of_memory(void)
{
    fputs("patient-kiosk: out of memory while parsing Markdown\n", stderr);
    abort();
}

static struct block_head *head_of(void *payload)
{
    struct block_head *b = (struct block_head *)payload - 1;
    UNPOISON(b, sizeof *b);
    return b;
}

static void *payload_of(struct block_head *b, size_t bytes)
{
    b->bytes = bytes;
    POISON(b, sizeof *b);
    UNPOISON(b + 1, bytes);
    return b + 1;
}

static struct region *region_of(struct block_head *b)
{
    return (struct region *)((uintptr_t)b & ~(uintptr_t)(REGION_BYTES - 1));
}

/* The links of a free block, whose payload is otherwise closed to the
 * sanitizers. */
static struct free_links read_links(struct block_head *b)
{
    struct free_links *p = (struct free_links *)(b + 1), l;
    UNPOISON(p, sizeof *p);
    if (heap.valgrind)
        VALGRIND_OPEN(p, sizeof *p);
    l = *p;
    if (heap.valgrind)
        VALGRIND_CLOSE(p, sizeof *p);
    POISON(p, sizeof *p);
    return l;
}

static void write_links(struct block_head *b, struct free_links l)
{
    struct free_links *p = (struct free_links *)(b + 1);
    UNPOISON(p, sizeof *p);
    if (heap.valgrind)
        VALGRIND_OPEN(p, sizeof *p);
    *p = l;
    if (heap.valgrind)
        VALGRIND_CLOSE(p, sizeof *p);
    POISON(p, sizeof *p);
}

static void push_free(size_t c, struct block_head *b)
{
    struct block_head *first = heap.free_lists[c];
    write_links(b, (struct free_links){.next = first, .prev = NULL});
    if (first) {
        struct free_links l = read_links(first);
        l.prev = b;
        write_links(first, l);
    }
    heap.free_lists[c] = b;
}

static void unlink_free(size_t c, struct block_head *b)
{
    struct free_links l = read_links(b);
    if (l.prev) {
        struct free_links p = read_links(l.prev);
        p.next = l.next;
        write_links(l.prev, p);
    } else {
        heap.free_lists[c] = l.next;
    }
    if (l.next) {
        struct free_links n = read_links(l.next);
        n.prev = l.prev;
        write_links(l.next, n);
    }
}

static void unmap_region(struct region *r)
{
    if (r->prev)
        r->prev->next = r->next;
    else
        heap.regions = r->next;
    if (r->next)
        r->next->prev = r->prev;
    UNPOISON(r, REGION_BYTES); /* a later mapping may reuse the address */
    munmap(r, REGION_BYTES);
    heap.mapped -= REGION_BYTES;
}

/* Every block of r is free: take them off their lists, then unmap it. */
static void release_region(struct region *r)
{
    for (size_t off = sizeof *r; off < r->used;) {
        struct block_head *b = (struct block_head *)((char *)r + off);
        UNPOISON(b, sizeof *b);
        size_t c = b->size_class;
        POISON(b, sizeof *b);
        unlink_free(c, b);
        off += c * GRAIN;
    }
    unmap_region(r);
}

static void release_all(void)
{
    while (heap.regions)
        unmap_region(heap.regions);
    memset(heap.free_lists, 0, sizeof heap.free_lists);
}

/* A region of REGION_BYTES aligned to its size: map twice that, trim. */
static struct region *map_region(void)
{
    size_t span = 2 * (size_t)REGION_BYTES;
    char *m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        out_of_memory();
    if (!heap.mapped)
        heap.valgrind = UNDER_VALGRIND();
    uintptr_t mask = (uintptr_t)REGION_BYTES - 1;
    char *start = (char *)(((uintptr_t)m + mask) & ~mask), *end = start + REGION_BYTES;
    if (start > m)
        munmap(m, (size_t)(start - m));
    if (m + span > end)
        munmap(end, (size_t)(m + span - end));
    struct region *r = (struct region *)start;
    *r = (struct region){.next = heap.regions, .used = sizeof *r};
    POISON(start + r->used, REGION_BYTES - r->used);
    heap.mapped += REGION_BYTES;
    return r;
}

static struct block_head *carve(size_t block_bytes)
{
    struct region *r = heap.regions;
    if (!r || r->used + block_bytes > REGION_BYTES) {
        struct region *old = r;
        r = map_region();
        if (old)
            old->prev = r;
        heap.regions = r;
        if (old && old->live == 0)
            release_region(old); /* it was only kept for carving */
    }
    struct block_head *b = (struct block_head *)((char *)r + r->used);
    r->used += block_bytes;
    return b;
}

static void *heap_alloc(size_t bytes)
{
    struct block_head *b;
    size_t c = 0; /* size class; 0: a large block from malloc */
    if (bytes > PARSE_HEAP_SMALL_MAX) {
        if (bytes > SIZE_MAX - GRAIN || !(b = malloc(GRAIN + bytes)))
            out_of_memory();
    } else {
        c = (bytes + GRAIN - 1) / GRAIN + 1;
        if (c < 2)
            c = 2; /* zero bytes still get a block of their own */
        b = heap.free_lists[c];
        if (b)
            unlink_free(c, b);
        else
            b = carve(c * GRAIN);
        region_of(b)->live++;
        UNPOISON(b, sizeof *b);
    }
    b->size_class = c;
    heap.live++;
    void *p = payload_of(b, bytes); /* the header is closed again from here */
    if (c)
        ANNOUNCE_ALLOC(p, bytes);
    return p;
}

static void heap_free(void *p)
{
    if (!p)
        return;
    struct block_head *b = head_of(p);
    size_t c = b->size_class;
    struct region *r = NULL;
    /* A tree may hold the patient's summary: zero what the block held
     * before it is reused or handed back. */
    if (c == 0) {
        explicit_bzero(p, b->bytes);
        free(b);
    } else {
        explicit_bzero(p, b->bytes);
        ANNOUNCE_FREE(p);
        POISON(p, c * GRAIN - GRAIN);
        POISON(b, sizeof *b);
        push_free(c, b);
        r = region_of(b);
        r->live--;
    }
    if (--heap.live == 0)
        release_all();
    else if (r && r->live == 0 && r != heap.regions)
        release_region(r);
}

static void *heap_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory();
    void *p = heap_alloc(count * size);
    memset(p, 0, count * size);
    return p;
}

static void *heap_realloc(void *p, size_t bytes)
{
    if (!p)
        return heap_alloc(bytes);
    struct block_head *b = head_of(p);

    if (b->size_class != 0 && bytes <= b->size_class * GRAIN - GRAIN) {
        if (bytes < b->bytes)
            explicit_bzero((char *)p + bytes, b->bytes - bytes);
        ANNOUNCE_RESIZE(p, b->bytes, bytes);
        POISON(p, b->size_class * GRAIN - GRAIN);
        return payload_of(b, bytes); /* it still fits */
    }
    size_t keep = b->bytes < bytes ? b->bytes : bytes;
    POISON(b, sizeof *b);
    void *q = heap_alloc(bytes);
    memcpy(q, p, keep);
    heap_free(p);
    return q;
}

cmark_mem *parse_heap_allocator(void)
{
    static cmark_mem allocator = {heap_calloc, heap_realloc, heap_free};
    return &allocator;
}

size_t parse_heap_live_blocks(void)
{
    return heap.live;
}

size_t parse_heap_mapped_bytes(void)
{
    return heap.mapped;
}
