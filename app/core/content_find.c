/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content_find.c: local content first, then the packaged folder. */
#include "config.h"

#include "core/content_find.h"
#include "core/content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* lang/name in one folder: 1 there (inside), -1 there but leading outside,
 * 0 absent or the path too long. path gets the file's path. */
static int find_in(const char *dir_root, const char *lang, const char *name, char *path,
                   size_t size)
{
    char dir[4096];
    int n = snprintf(dir, sizeof dir, "%s/%s", dir_root, lang);
    int m = snprintf(path, size, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof dir || m < 0 || (size_t)m >= size)
        return 0;
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0;
    return content_path_inside(dir, path) ? 1 : -1;
}

enum content_where content_find(const char *root, const char *local, const char *lang,
                                const char *name, char *path, size_t size)
{
    if (size == 0)
        return CONTENT_MISSING;
    if (local && *local) {
        int found = find_in(local, lang, name, path, size);
        if (found)
            return found > 0 ? CONTENT_LOCAL : CONTENT_OUTSIDE;
    }
    int found = find_in(root, lang, name, path, size);
    if (found)
        return found > 0 ? CONTENT_PACKAGED : CONTENT_OUTSIDE;
    snprintf(path, size, "%s/%s/%s", root, lang, name);
    return CONTENT_MISSING;
}

enum content_where content_find_lang(const char *root, const char *local, const char *lang,
                                     const char *name, char *path, size_t size, int *fell_back)
{
    *fell_back = 0;
    enum content_where w = content_find(root, local, lang, name, path, size);
    if (w != CONTENT_MISSING || strcmp(lang, "en") == 0)
        return w;
    w = content_find(root, local, "en", name, path, size);
    if (w == CONTENT_MISSING) {
        snprintf(path, size, "%s/%s/%s", root, lang, name);
        return w;
    }
    *fell_back = 1;
    return w;
}

const char *content_installed_local(void)
{
    return SYSCONFDIR "/patient-kiosk/content";
}

const char *content_default_local(const char *content_dir, const char *configured)
{
    if (content_dir && *content_dir)
        return NULL;
    if (configured)
        return *configured ? configured : NULL;
    const char *env = getenv("KIOSK_CONTENT_DIR");
    if (env && *env)
        return NULL;
    struct stat st;
    const char *local = content_installed_local();
    return stat(local, &st) == 0 && S_ISDIR(st.st_mode) ? local : NULL;
}
