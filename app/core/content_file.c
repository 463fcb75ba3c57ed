/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content_file.c: files of the content folder (content.h): the default folder,
 * one file read whole (the caller frees it; NULL and errno on failure), and
 * whether a page's name is plain and its file lies inside its folder. */
#include "config.h"

#include "core/content.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *content_default_root(const char *dir)
{
    if (dir && *dir)
        return dir;
    const char *env = getenv("KIOSK_CONTENT_DIR");
    return env && *env ? env : CONTENTDIR;
}

char *content_slurp(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            if (cap > max) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int saved = errno ? errno : EIO;
                free(buf);
                fclose(f);
                errno = saved;
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    if (!buf) {
        errno = ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int content_page_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n < 4 || n > 200 || strcmp(name + n - 3, ".md") != 0 || name[0] == '.')
        return 0;
    for (const char *p = name; *p; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '.' || *p == '-' || *p == '_';
        if (!ok)
            return 0;
    }
    return strstr(name, "..") == NULL;
}

/* 1 when path, a page named in dir (dir "/" a name that content_page_name_ok()
 * accepts: one plain component), resolves (symlinks followed) to a place
 * inside dir. A page that is not a symlink is in dir itself: only a symlink
 * needs realpath(), which costs a readlink() per component of the path. */
int content_path_inside(const char *dir, const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
        return 1;
    char real_dir[PATH_MAX], real_path[PATH_MAX];
    if (!realpath(dir, real_dir) || !realpath(path, real_path))
        return 0;
    size_t n = strlen(real_dir);
    return strncmp(real_dir, real_path, n) == 0 && real_path[n] == '/';
}
