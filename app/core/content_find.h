/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content_find.h: which file a content name is read from. The kiosk reads
 * the packaged content folder ($(pkgdatadir)/content, replaced by every
 * upgrade) with, optionally, a clinic's local folder laid over it page by
 * page ($(sysconfdir)/patient-kiosk/content, or [content] local_folder):
 * local/LANG/NAME, when it exists, is read instead of packaged/LANG/NAME, so
 * a clinic overrides one page, or adds one, without copying the rest. Every
 * place that opens a content file (index.md, the menu's pages, questions.md,
 * urgent pages, links) asks here. Each folder keeps the menu's rule: a file
 * may be a symbolic link only to a place inside its own language folder.
 *
 * Lookups allocate nothing; paths go to the caller's buffer. */
#ifndef KIOSK_CONTENT_FIND_H
#define KIOSK_CONTENT_FIND_H

#include <stddef.h>

enum content_where {
    CONTENT_OUTSIDE = -1, /* there, but a symbolic link leading out of its folder */
    CONTENT_MISSING = 0,  /* in neither folder (or the path is too long) */
    CONTENT_PACKAGED = 1, /* in the packaged folder (root) */
    CONTENT_LOCAL = 2,    /* in the local folder, over any packaged copy */
};

/* Find lang/name, a plain file name (no '/'), in local (NULL or "" for
 * none), then in root. A name is there when anything has that name, even a
 * link that leads nowhere (reading it then fails and says so). Writes the
 * path found to path (size bytes); when missing, root's path, for messages. */
enum content_where content_find(const char *root, const char *local, const char *lang,
                                const char *name, char *path, size_t size);

/* As content_find() in lang, then, when lang is not "en" and neither folder
 * has the file in lang, in "en" (*fell_back = 1, else 0). When missing in
 * both, path names lang's packaged file. */
enum content_where content_find_lang(const char *root, const char *local, const char *lang,
                                     const char *name, char *path, size_t size, int *fell_back);

/* The local folder to lay over the content, NULL for none:
 *   - none when content_dir (--content DIR) is given: exactly that folder;
 *   - else configured when the configuration names one ("" means none);
 *   - else the installed local folder $(sysconfdir)/patient-kiosk/content
 *     when the content is the installed one ($KIOSK_CONTENT_DIR unset) and
 *     that folder exists.
 * The string is static, or configured itself. */
const char *content_default_local(const char *content_dir, const char *configured);

/* The installed local folder's path (static). */
const char *content_installed_local(void);

#endif
