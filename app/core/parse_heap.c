/* parse_heap.c: size-classed blocks in mmap'd regions for cmark-gfm's trees.
 *
 * Every block starts with a header of one max_align_t so payloads keep
 * malloc's alignment. A small block's header holds its size class and,
 * while live, the bytes asked for (realloc copies no more than that); while
 * free, the next block on its class's free list. A large block's header holds
 * class 0 and its size; the block itself comes from malloc. Under
 * AddressSanitizer, headers and free blocks are poisoned, so a use after
 * cmark_node_free() is still reported. */
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
 * valgrind these cost a few instructions. */
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#define ANNOUNCE_ALLOC(p, n)       VALGRIND_MALLOCLIKE_BLOCK((p), (n), 0, 0)
#define ANNOUNCE_RESIZE(p, old, n) VALGRIND_RESIZEINPLACE_BLOCK((p), (old), (n), 0)
#define ANNOUNCE_FREE(p)           VALGRIND_FREELIKE_BLOCK((p), 0)
#else
#define ANNOUNCE_ALLOC(p, n)       ((void)(p), (void)(n))
#define ANNOUNCE_RESIZE(p, old, n) ((void)(p), (void)(old), (void)(n))
#define ANNOUNCE_FREE(p)           ((void)(p))
#endif

struct block_head {
    alignas(max_align_t) size_t size_class; /* block bytes / GRAIN; 0: from malloc */
    union {
        size_t bytes;                 /* live: bytes asked for */
        struct block_head *next_free; /* free: next block of the same class */
    };
};

enum {
    GRAIN = sizeof(struct block_head),
    /* classes 2 .. CLASSES-1: blocks of 2*GRAIN .. (CLASSES-1)*GRAIN bytes */
    CLASSES = (PARSE_HEAP_SMALL_MAX + GRAIN - 1) / GRAIN + 2,
    REGION_BYTES = 1 << 20,
};

_Static_assert(GRAIN % alignof(max_align_t) == 0, "headers keep malloc's alignment");

/* The start of each mapped region; blocks are carved after it. */
struct region {
    alignas(max_align_t) struct region *next;
    size_t used; /* bytes carved, this header included */
};

static struct {
    struct region *regions; /* newest first; blocks are carved from the first */
    struct block_head *free_lists[CLASSES];
    size_t live;
    size_t mapped;
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

static void release_regions(void)
{
    while (heap.regions) {
        struct region *r = heap.regions;
        heap.regions = r->next;
        UNPOISON(r, REGION_BYTES); /* a later mapping may reuse the address */
        munmap(r, REGION_BYTES);
    }
    memset(heap.free_lists, 0, sizeof heap.free_lists);
    heap.mapped = 0;
}

static struct block_head *carve(size_t block_bytes)
{
    struct region *r = heap.regions;
    if (!r || r->used + block_bytes > REGION_BYTES) {
        void *m =
            mmap(NULL, REGION_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            out_of_memory();
        r = m;
        r->next = heap.regions;
        r->used = sizeof *r;
        POISON((char *)r + r->used, REGION_BYTES - r->used);
        heap.regions = r;
        heap.mapped += REGION_BYTES;
    }
    struct block_head *b = (struct block_head *)((char *)r + r->used);
    r->used += block_bytes;
    return b;
}

static void *heap_alloc(size_t bytes)
{
    struct block_head *b;
    if (bytes > PARSE_HEAP_SMALL_MAX) {
        if (bytes > SIZE_MAX - GRAIN || !(b = malloc(GRAIN + bytes)))
            out_of_memory();
        b->size_class = 0;
    } else {
        size_t c = (bytes + GRAIN - 1) / GRAIN + 1;
        if (c < 2)
            c = 2; /* zero bytes still get a block of their own */
        b = heap.free_lists[c];
        if (b) {
            UNPOISON(b, sizeof *b);
            heap.free_lists[c] = b->next_free;
        } else {
            b = carve(c * GRAIN);
            UNPOISON(b, sizeof *b);
        }
        b->size_class = c;
    }
    heap.live++;
    void *p = payload_of(b, bytes);
    if (b->size_class)
        ANNOUNCE_ALLOC(p, bytes);
    return p;
}

static void heap_free(void *p)
{
    if (!p)
        return;
    struct block_head *b = head_of(p);
    if (b->size_class == 0) {
        free(b);
    } else {
        size_t c = b->size_class;
        ANNOUNCE_FREE(p);
        POISON(p, c * GRAIN - GRAIN);
        b->next_free = heap.free_lists[c];
        heap.free_lists[c] = b;
        POISON(b, sizeof *b);
    }
    if (--heap.live == 0)
        release_regions();
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
    if (b->size_class == 0 && bytes > PARSE_HEAP_SMALL_MAX) {
        if (bytes > SIZE_MAX - GRAIN || !(b = realloc(b, GRAIN + bytes)))
            out_of_memory();
        return payload_of(b, bytes);
    }
    if (b->size_class != 0 && bytes <= b->size_class * GRAIN - GRAIN) {
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
