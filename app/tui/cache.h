/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache.h: the one layout cache: every text the screens show (pages, the
 * home screen's welcome text, the summary, the urgent page) is laid out
 * once per width and kept here, least recently used out first. Entries
 * made with wipe set (the patient's summary and urgent page) are zeroed
 * before they are freed. Layouts returned are owned by the cache and stay
 * valid until the next cache_page() or cache_put() (which may evict them),
 * cache_drop() or cache_clear(). */
#ifndef KIOSK_CACHE_H
#define KIOSK_CACHE_H

#include <stddef.h>

#include "core/layout.h"

enum { CACHE_SIZE = 24 };

struct cache_slot {
    char *key; /* page name, file path, or a name of the screen's own ("summary:") */
    int width;
    int wipe; /* zero the text before freeing it */
    struct layout *layout;
    unsigned long used; /* for least-recently-used eviction */
};

struct cache {
    struct cache_slot slot[CACHE_SIZE];
    unsigned long tick;
};

/* The layout of key at width, or NULL when there is none. */
struct layout *cache_find(struct cache *c, const char *key, int width);

/* Keep L (which the cache now owns) as key at width. Returns L, or NULL out
 * of memory (L is freed then). */
struct layout *cache_put(struct cache *c, const char *key, int width, struct layout *L, int wipe);

/* Drop every entry named key, at any width (zeroed first when wipe). */
void cache_drop(struct cache *c, const char *key);

/* Drop everything (a language switch, the end). */
void cache_clear(struct cache *c);

struct ui;
struct screen_size;

/* Pages up to this many bytes are laid out whole when opened; longer ones
 * in steps of LAYOUT_STEP_LINES lines between keys. */
enum { WHOLE_PAGE_BYTES = 32 * 1024, LAYOUT_STEP_LINES = 400 };

/* The layout of a page (a page name, a file path in file mode, or
 * QUESTION_KEY and a question id in training) at width, from the cache or
 * made now. A new layout of a long page holds at least its first two
 * screens (of `lines` rows); the rest is made by cache_step() or
 * cache_more(). NULL with ui->notice set on failure. */
struct layout *cache_page(struct ui *ui, const char *key, int width, int lines);

/* Lay out L until it has `lines` lines or is complete (SIZE_MAX), before a
 * key that needs them: search, the headings, the end. Returns what
 * layout_more() returns; on -1 ui->notice says memory ran out. */
int cache_more(struct ui *ui, struct layout *L, size_t lines);

/* 1 while a cached layout is not complete. */
int cache_pending(const struct cache *c);

/* One background step: lay out more of the most recently used layout that
 * is not complete. Returns 1 if there was work, 0 when all is done. */
int cache_step(struct ui *ui);

#endif
