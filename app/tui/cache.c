/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache.c: the one layout cache (see cache.h): lookup, least-recently-used
 * eviction, zeroing the patient's layouts, and laying pages out in steps. */
#include "config.h"

#include "tui/cache.h"
#include "tui/screen.h"
#include "core/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

static void slot_free(struct cache_slot *s)
{
    if (s->wipe && s->layout && s->layout->text)
        explicit_bzero(s->layout->text, s->layout->text_len);
    free(s->key);
    layout_free(s->layout);
    *s = (struct cache_slot){0};
}

struct layout *cache_find(struct cache *c, const char *key, int width)
{
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        struct cache_slot *s = &c->slot[i];
        if (s->key && s->width == width && strcmp(s->key, key) == 0) {
            s->used = ++c->tick;
            return s->layout;
        }
    }
    return NULL;
}

struct layout *cache_put(struct cache *c, const char *key, int width, struct layout *L, int wipe)
{
    struct cache_slot *slot = &c->slot[0];
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        struct cache_slot *s = &c->slot[i];
        if (s->key && s->width == width && strcmp(s->key, key) == 0) {
            slot = s; /* replaced */
            break;
        }
        if (!s->key || (slot->key && s->used < slot->used))
            slot = s;
    }
    char *copy = strdup(key);
    if (!copy) {
        struct cache_slot lost = {NULL, width, wipe, L, 0};
        slot_free(&lost);
        return NULL;
    }
    slot_free(slot);
    *slot = (struct cache_slot){copy, width, wipe, L, ++c->tick};
    return L;
}

void cache_drop(struct cache *c, const char *key)
{
    for (size_t i = 0; i < CACHE_SIZE; i++)
        if (c->slot[i].key && strcmp(c->slot[i].key, key) == 0)
            slot_free(&c->slot[i]);
}

void cache_clear(struct cache *c)
{
    for (size_t i = 0; i < CACHE_SIZE; i++)
        slot_free(&c->slot[i]);
}

int cache_more(struct ui *ui, struct layout *L, size_t lines)
{
    if (!L || layout_complete(L))
        return 1;
    int done = layout_more(L, lines);
    if (done < 0)
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show this page."));
#ifdef __GLIBC__
    /* The parse tree is gone: give its pages back, so many sessions on one
     * host each keep only their laid-out lines (docs/PERFORMANCE.md). */
    if (done != 0)
        malloc_trim(0);
#endif
    return done;
}

/* The most recently used layout not laid out in full (the open page when
 * one is open), else NULL. */
static struct layout *pending(const struct cache *c)
{
    const struct cache_slot *best = NULL;
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        const struct cache_slot *s = &c->slot[i];
        if (s->layout && !layout_complete(s->layout) && (!best || s->used > best->used))
            best = s;
    }
    return best ? best->layout : NULL;
}

int cache_pending(const struct cache *c)
{
    return pending(c) != NULL;
}

int cache_step(struct ui *ui)
{
    struct layout *L = pending(&ui->cache);
    if (!L)
        return 0;
    /* A few hundred lines: a millisecond or two, so a key never waits long. */
    cache_more(ui, L, L->line_count + LAYOUT_STEP_LINES);
    return 1;
}

struct layout *cache_page(struct ui *ui, const char *key, int width, int lines)
{
    struct layout *L = cache_find(&ui->cache, key, width);
    if (L)
        return L;
    char err[512];
    size_t len;
    int fell_back = 0;
    char *text;
    int q = strncmp(key, QUESTION_KEY, strlen(QUESTION_KEY)) == 0 && ui->visit.flow
                ? flow_find(ui->visit.flow, key + strlen(QUESTION_KEY))
                : -1;
    if (q >= 0) { /* training: a question described for staff */
        text = flow_question_document(ui->visit.flow, q);
        len = text ? strlen(text) : 0;
        snprintf(err, sizeof err, "%s", _("Not enough memory to show this page."));
    } else if (ui->opts->visit.file) {
        text = content_read_file(ui->visit.content, key, &len, err, sizeof err);
    } else {
        text = content_read_page(ui->visit.content, key, &len, &fell_back, err, sizeof err);
    }
    if (!text) {
        snprintf(ui->notice, sizeof ui->notice, "%s", err);
        return NULL;
    }
    struct layout_opts opts = visit_layout_opts(&ui->visit, width);
    L = layout_start(text, len, &opts);
    free(text);
    if (!L) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show this page."));
        return NULL;
    }
    /* A page of ordinary length is laid out whole (a few milliseconds), so
     * its position shows its length at once. Of a long one two screens now,
     * the rest between keys (cache_step()) or when a key needs it
     * (cache_more()). */
    cache_more(ui, L, len <= WHOLE_PAGE_BYTES ? SIZE_MAX : 2 * (size_t)lines);
    if (fell_back)
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("This page is not yet translated; it is shown in English."));
    return cache_put(&ui->cache, key, width, L, 0);
}
