/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_menu.c: libFuzzer target: the input is a content folder's
 * en/index.md (title, menu, metadata block, {{placeholders}}) beside two
 * real pages; the folder is opened, placeholders filled in the index and
 * in the input as a page, and the home screen's welcome text laid out. */
#include "config.h"

#include "core/content.h"
#include "core/layout.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char root[64], index_path[96];

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    if (size && fwrite(data, 1, size, fp) != size)
        abort();
    fclose(fp);
}

static void remove_folder(void)
{
    static const char *const names[] = {"en/index.md", "en/a.md", "en/b.md", "en", ""};
    char path[160];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        remove(path);
    }
}

static void make_folder(void)
{
    char dir[80], path[96];
    snprintf(root, sizeof root, "%s", "/tmp/fuzz-menu-XXXXXX");
    if (!mkdtemp(root))
        abort();
    snprintf(dir, sizeof dir, "%s/en", root);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/a.md", dir);
    write_file(path, "# A\n\nText {{clinic-name}}.\n", 26);
    snprintf(path, sizeof path, "%s/b.md", dir);
    write_file(path, "# B\n\n| x | y |\n|---|---|\n| 1 | 2 |\n", 35);
    snprintf(index_path, sizeof index_path, "%s/index.md", dir);
    atexit(remove_folder);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!root[0]) {
        setlocale(LC_ALL, "C.UTF-8");
        make_folder();
    }
    write_file(index_path, data, size);
    char err[1024];
    struct content *c = content_open(root, "en", err, sizeof err);
    if (!c)
        return 0;
    content_set_var(c, "clinic-name", "Clinic {{clinic-name}} *x* [y](z)");
    content_set_var(c, "clinic-phone", "555 {{clinic-phone}}\n# x");
    size_t len;
    char *filled = content_fill(c, (const char *)data, size, &len);
    free(filled);
    struct layout_opts o = {.width = 40};
    layout_free(content_intro_layout(c, &o));
    int fell_back;
    char *page = content_read_page(c, "a.md", &len, &fell_back, err, sizeof err);
    free(page);
    content_close(c);
    return 0;
}
