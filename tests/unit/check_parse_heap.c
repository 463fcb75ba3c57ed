/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_parse_heap.c: the parse heap hands out aligned, zeroed, resizable
 * blocks, reuses what is freed, and unmaps everything once the last block is
 * freed; every tree the kiosk parses and lays out gives all of it back. */
#include "config.h"

#include "suites.h"
#include "core/content.h"
#include "core/layout.h"
#include "core/markdown.h"
#include "core/parse_heap.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cmark_mem *mem;

static void setup(void)
{
    mem = parse_heap_allocator();
    /* Every earlier test freed its trees: nothing is left in the heap. */
    ck_assert_uint_eq(parse_heap_live_blocks(), 0);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}

/* A byte that depends on the block and the offset, to tell blocks apart. */
static unsigned char pattern(unsigned tag, size_t i)
{
    return (unsigned char)(tag * 31u + i * 7u + 1u);
}

static void fill(unsigned char *p, unsigned tag, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        p[i] = pattern(tag, i);
}

/* The first of n bytes that is not the block's pattern, or n. */
static size_t first_wrong(const unsigned char *p, unsigned tag, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != pattern(tag, i))
            return i;
    return n;
}

START_TEST(calloc_zeroes_fresh_and_reused_blocks)
{
    void *keep = mem->calloc(1, 8); /* holds the heap open */
    for (size_t size = 0; size <= PARSE_HEAP_SMALL_MAX + 100; size += 37) {
        unsigned char *p = mem->calloc(1, size);
        for (size_t i = 0; i < size; i++)
            ck_assert_msg(p[i] == 0, "fresh block of %zu: byte %zu is %d", size, i, p[i]);
        memset(p, 0xA5, size);
        mem->free(p);
        p = mem->calloc(size, 1);
        for (size_t i = 0; i < size; i++)
            ck_assert_msg(p[i] == 0, "reused block of %zu: byte %zu is %d", size, i, p[i]);
        mem->free(p);
    }
    mem->free(keep);
    ck_assert_uint_eq(parse_heap_live_blocks(), 0);
}
END_TEST

START_TEST(blocks_keep_malloc_alignment)
{
    void *blocks[200];
    for (size_t i = 0; i < 200; i++) {
        blocks[i] = mem->calloc(1, i * 11);
        ck_assert_msg((uintptr_t)blocks[i] % alignof(max_align_t) == 0, "block of %zu at %p",
                      i * 11, blocks[i]);
    }
    for (size_t i = 0; i < 200; i++)
        mem->free(blocks[i]);
}
END_TEST

START_TEST(realloc_keeps_contents_across_classes_and_into_malloc)
{
    /* 1 byte, through every small class, into malloc's range and back. */
    static const size_t sizes[] = {1,    15,   16,      17,   100, 500, 1000, PARSE_HEAP_SMALL_MAX,
                                   1009, 4000, 1 << 20, 3000, 900, 40,  2};
    unsigned char *p = mem->realloc(NULL, sizes[0]);
    p[0] = pattern(1, 0);
    size_t have = 1;
    for (size_t k = 1; k < sizeof sizes / sizeof sizes[0]; k++) {
        p = mem->realloc(p, sizes[k]);
        size_t keep = have < sizes[k] ? have : sizes[k];
        size_t wrong = first_wrong(p, 1, keep);
        ck_assert_msg(wrong == keep, "after realloc to %zu: byte %zu lost", sizes[k], wrong);
        fill(p, 1, keep, sizes[k]);
        have = sizes[k];
    }
    mem->free(p);
    ck_assert_uint_eq(parse_heap_live_blocks(), 0);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}
END_TEST

/* Many blocks of many sizes, grown and freed in a scrambled order: none
 * overlaps another, and the heap is empty at the end. */
START_TEST(mixed_blocks_never_overlap)
{
    enum { SLOTS = 500, ROUNDS = 20000 };
    unsigned char *blocks[SLOTS] = {0};
    size_t sizes[SLOTS] = {0};
    uint32_t seed = 12345;
    for (int round = 0; round < ROUNDS; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t slot = (seed >> 8) % SLOTS;
        size_t size = (seed >> 4) % 7 == 0 ? 1100 + (seed >> 20) % 3000 : (seed >> 16) % 400;
        size_t wrong = first_wrong(blocks[slot], (unsigned)slot, sizes[slot]);
        ck_assert_msg(wrong == sizes[slot], "slot %zu byte %zu was overwritten", slot, wrong);
        if (blocks[slot] && (seed & 1)) {
            mem->free(blocks[slot]);
            blocks[slot] = NULL;
            sizes[slot] = 0;
            continue;
        }
        blocks[slot] = blocks[slot] ? mem->realloc(blocks[slot], size) : mem->calloc(1, size);
        fill(blocks[slot], (unsigned)slot, 0, size);
        sizes[slot] = size;
    }
    for (size_t s = 0; s < SLOTS; s++)
        mem->free(blocks[s]);
    ck_assert_uint_eq(parse_heap_live_blocks(), 0);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}
END_TEST

START_TEST(freed_blocks_are_reused)
{
    void *keep = mem->calloc(1, 64);
    size_t mapped = parse_heap_mapped_bytes();
    ck_assert_uint_gt(mapped, 0);
    /* 40 MB in all: without reuse that would take forty regions. */
    for (int i = 0; i < 100000; i++) {
        void *a = mem->calloc(1, 100), *b = mem->calloc(1, 300);
        mem->free(a);
        mem->free(b);
    }
    ck_assert_uint_eq(parse_heap_mapped_bytes(), mapped);
    mem->free(NULL); /* like free(NULL) */
    mem->free(keep);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}
END_TEST

START_TEST(an_emptied_region_is_unmapped_at_once)
{
    enum { MAX = 4000 };
    static void *blocks[MAX];
    size_t n = 0;
    while (parse_heap_mapped_bytes() < 3 * PARSE_HEAP_REGION_BYTES) {
        ck_assert_uint_lt(n, MAX);
        blocks[n++] = mem->calloc(1, 1000);
    }
    /* blocks[n - 1] opened the third region; the others fill the first two */
    for (size_t i = 0; i + 1 < n; i++)
        mem->free(blocks[i]);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), PARSE_HEAP_REGION_BYTES);
    ck_assert_uint_eq(parse_heap_live_blocks(), 1);
    /* none of the unmapped blocks is handed out again */
    for (size_t i = 0; i + 1 < n; i++) {
        blocks[i] = mem->calloc(1, 1000);
        memset(blocks[i], 0x5A, 1000);
    }
    for (size_t i = 0; i < n; i++)
        mem->free(blocks[i]);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}
END_TEST

/* A long page laid out in steps gives its tree back as it goes. */
START_TEST(a_tree_shrinks_while_laid_out_in_steps)
{
    size_t cap = 1 << 18, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    for (int i = 0; len + 200 < cap; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "## Part %d\n\nSome *words* and a [link](https://example.org/%d) "
                                "in paragraph %d, with `code`.\n\n",
                                i, i, i);
    struct layout_opts opts = {.width = 70, .lang = "en"};
    struct layout *L = layout_start(text, len, &opts);
    free(text);
    size_t whole = parse_heap_mapped_bytes();
    ck_assert_uint_ge(whole, 4 * PARSE_HEAP_REGION_BYTES);
    size_t lines = 0, least = whole; /* the least mapped before the layout is complete */
    while (layout_more(L, lines += 1000) == 0)
        if (parse_heap_mapped_bytes() < least)
            least = parse_heap_mapped_bytes();
    /* at least half given back (the region blocks are carved from, and those
     * holding the last blocks, stay until the end) */
    ck_assert_msg(least <= whole / 2, "%zu of %zu bytes still mapped before the last step", least,
                  whole);
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
    layout_free(L);
}
END_TEST

static void parse_lay_out_and_free(const char *path)
{
    size_t len;
    char *text = content_slurp(path, 1 << 24, &len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    struct layout_opts opts = {.width = 60, .lang = "en"};

    cmark_node *doc = markdown_parse(text, len);
    ck_assert_uint_gt(parse_heap_live_blocks(), 0);
    struct layout *whole = layout_document(doc, &opts);
    cmark_node_free(doc);
    ck_assert_msg(parse_heap_mapped_bytes() == 0, "%s: the tree left %zu blocks", path,
                  parse_heap_live_blocks());

    struct layout *steps = layout_start(text, len, &opts);
    free(text);
    ck_assert_int_eq(layout_more(steps, 5), layout_complete(steps));
    layout_free(steps); /* unfinished: the rest of its tree goes with it */
    ck_assert_msg(parse_heap_mapped_bytes() == 0, "%s: an unfinished layout left %zu blocks", path,
                  parse_heap_live_blocks());
    layout_free(whole);
}

static void all_pages_give_back(const char *lang)
{
    ck_assert_int_gt(test_each_bundled_page(lang, parse_lay_out_and_free), 3);
}

START_TEST(every_bundled_tree_gives_back_its_memory)
{
    all_pages_give_back("en");
    all_pages_give_back("es");
    all_pages_give_back("zh");
    ck_assert_uint_eq(parse_heap_live_blocks(), 0);
}
END_TEST

START_TEST(html_from_a_tree_is_malloc_memory)
{
    static const char md[] = "| a | b |\n|---|---|\n| 1 | 2 |\n\nSome ~~old~~ *text*.\n";
    cmark_node *doc = markdown_parse(md, sizeof md - 1);
    char *html = markdown_to_html(doc);
    cmark_node_free(doc);
    ck_assert_ptr_nonnull(strstr(html, "<table>"));
    ck_assert_ptr_nonnull(strstr(html, "<del>old</del>"));
    free(html); /* from malloc: the tree's heap is already gone */
    ck_assert_uint_eq(parse_heap_mapped_bytes(), 0);
}
END_TEST

Suite *parse_heap_suite(void)
{
    Suite *s = suite_create("parse_heap");
    TCase *tc = tcase_create("blocks");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, calloc_zeroes_fresh_and_reused_blocks);
    tcase_add_test(tc, blocks_keep_malloc_alignment);
    tcase_add_test(tc, realloc_keeps_contents_across_classes_and_into_malloc);
    tcase_add_test(tc, mixed_blocks_never_overlap);
    tcase_add_test(tc, freed_blocks_are_reused);
    tcase_add_test(tc, an_emptied_region_is_unmapped_at_once);
    tcase_add_test(tc, a_tree_shrinks_while_laid_out_in_steps);
    tcase_add_test(tc, html_from_a_tree_is_malloc_memory);
    tcase_add_test(tc, every_bundled_tree_gives_back_its_memory);
    suite_add_tcase(s, tc);
    return s;
}
