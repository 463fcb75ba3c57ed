/* SPDX-License-Identifier: GPL-3.0-or-later */
/* parse_heap.h: the memory cmark-gfm parses into, kept apart from malloc's heap.
 *
 * Why: a parse tree is tens of thousands of small blocks that live for a few
 * milliseconds (a page is laid out, then its tree is freed). Through malloc
 * they leave glibc's per-thread caches holding freed blocks scattered over
 * the heap, and those pin pages that malloc_trim() cannot return: about
 * 0.3 MB per session at rest on a 100 KB page, measured with
 * /proc/PID/smaps_rollup. Here small blocks come from regions of their own
 * that go back to the system as soon as the last block in them is freed, so
 * a session at rest holds nothing of the trees it parsed.
 *
 * How: blocks of up to PARSE_HEAP_SMALL_MAX bytes are carved from mmap'd
 * regions in 16-byte size classes and recycled through one free list per
 * class; bigger blocks go to malloc (glibc's caches keep none of that size).
 * A region is unmapped once all its blocks are free, so a tree freed block by
 * block (a long page laid out in steps) shrinks as it goes; when the number
 * of live blocks falls to zero, every region is unmapped.
 *
 * cmark's allocator interface passes no context pointer, so this heap is
 * process-wide, like malloc's own; the kiosk is single-threaded. Like
 * cmark's default allocator, these functions never return NULL: out of
 * memory, they print a message and abort(), because cmark does not check. */
#ifndef KIOSK_PARSE_HEAP_H
#define KIOSK_PARSE_HEAP_H

#include <stddef.h>
#include <cmark-gfm.h>

/* The largest request served from the heap's own regions; larger ones go to
 * malloc. */
#define PARSE_HEAP_SMALL_MAX 1008

/* The size of one region. A region is unmapped as soon as every block in it
 * is free (the one blocks are being carved from waits for the next region or
 * for the heap to empty). */
#define PARSE_HEAP_REGION_BYTES (1u << 20)

/* The allocator to pass to cmark_parser_new_with_mem(). Every block it hands
 * out must be freed through it (cmark_node_free() does so). */
cmark_mem *parse_heap_allocator(void);

/* Blocks handed out and not yet freed. */
size_t parse_heap_live_blocks(void);

/* Bytes of regions currently mapped (0 once every block is freed). */
size_t parse_heap_mapped_bytes(void);

#endif
