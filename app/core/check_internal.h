/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_internal.h: what check.c, check_page.c and check_level.c share: the
 * report being written, one page being checked, and the checks of a page.
 * Not for use outside the content check. */
#ifndef KIOSK_CHECK_INTERNAL_H
#define KIOSK_CHECK_INTERNAL_H

#include "core/check.h"

#include <cmark-gfm.h>
#include <stddef.h>
#include <stdio.h>

struct content;

/* Largest page the check reads; the kiosk's own limit is the same. */
enum { CHECK_MAX_FILE = 64 * 1024 * 1024 };

struct report {
    FILE *out;
    const struct check_options *opts;
    struct check_result *result;
    const char *root, *local; /* the content folder and the local one over it (or NULL) */
    int pages, local_pages;   /* pages in the table, and how many of them are local */
};

/* One problem at file:line (0: the whole file) on the report, counted as an
 * error or a warning. */
void check_say(struct report *r, const char *file, int line, int is_error, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

struct page {
    const char *lang, *name;
    char path[4096];
    char *text;
    size_t len;
    cmark_node *doc;
};

/* check_page.c: the page's bytes (NUL, invalid UTF-8); its {{placeholders}}
 * against the content c (NULL: configuration keys only); its links, anchors
 * and tables (p->doc parsed); its teach-back section, checked and then blanked
 * in p->text, and the same in every language. */
void check_bytes(struct report *r, const struct page *p);
void check_placeholders(struct report *r, const struct page *p, const struct content *c);
void check_tree(struct report *r, const struct page *p);
void check_teachback(struct report *r, struct page *p);
/* The teach-back check of path (another language's copy of a page) against
 * English's at en_path: both or neither have one; the same questions by id,
 * each with as many answers and the same ones marked #again. Each mismatch
 * is an error at path's line. A check that does not parse is left to
 * check_teachback(), which reported it. */
void check_teachback_same(struct report *r, const char *en_path, const char *path);

/* check_level.c: the page's row in the reading-level table (local: it is the
 * local folder's copy), and a problem when it is over the limit. */
void check_reading_level(struct report *r, const struct page *p, int local, FILE *table);

#endif
