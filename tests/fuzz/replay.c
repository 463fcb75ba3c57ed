/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: runs one fuzz target's LLVMFuzzerTestOneInput over files, so
 * make check replays the seed corpus and every input that once crashed
 * (tests/data/fuzz/<target>/) without needing libFuzzer. Arguments are
 * files or folders; prints "N passed, 0 failed" (a crash fails the test). */
#include "config.h"

#include "core/content.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    size_t len;
    char *data = content_slurp(path, 64 * 1024 * 1024, &len);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* an absent regression folder is fine */
        if (!S_ISDIR(st.st_mode)) {
            replay_file(argv[i]) == 0 ? passed++ : failed++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            replay_file(path) == 0 ? passed++ : failed++;
        }
        if (d)
            closedir(d);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
