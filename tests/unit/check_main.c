/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_main.c: runs every core module's Check suite; exit status 1 on any failure. */
#include "config.h"

#include "suites.h"

#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *test_data_path(const char *name)
{
    static char path[PATH_MAX];
    const char *dir = getenv("KIOSK_TEST_DATA");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/data", name);
    return path;
}

int test_each_bundled_page(const char *lang, void (*fn)(const char *path))
{
    const char *root = getenv("KIOSK_CONTENT_DIR");
    ck_assert_msg(root != NULL, "KIOSK_CONTENT_DIR is not set");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, lang);
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    int pages = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        fn(path);
        pages++;
    }
    closedir(d);
    return pages;
}

int main(void)
{
    /* Widths and letters need a UTF-8 character type; C.UTF-8 is always there. */
    setlocale(LC_ALL, "C.UTF-8");
    SRunner *runner = srunner_create(text_suite());
    srunner_add_suite(runner, layout_suite());
    srunner_add_suite(runner, layout_steps_suite());
    srunner_add_suite(runner, layout_links_suite());
    srunner_add_suite(runner, content_suite());
    srunner_add_suite(runner, content_find_suite());
    srunner_add_suite(runner, readability_suite());
    srunner_add_suite(runner, flow_suite());
    srunner_add_suite(runner, flow_session_suite());
    srunner_add_suite(runner, summary_suite());
    srunner_add_suite(runner, config_suite());
    srunner_add_suite(runner, config_values_suite());
    srunner_add_suite(runner, print_suite());
    srunner_add_suite(runner, parse_heap_suite());
    srunner_add_suite(runner, urgent_suite());
    srunner_add_suite(runner, datefmt_suite());
    srunner_add_suite(runner, visit_suite());
    srunner_add_suite(runner, handout_suite());
    srunner_add_suite(runner, handout_wire_suite());
    srunner_add_suite(runner, ask_suite());
    srunner_add_suite(runner, teachback_suite());
    srunner_add_suite(runner, misses_suite());
    srunner_add_suite(runner, ops_suite());
    srunner_add_suite(runner, keyseq_suite());
    srunner_add_suite(runner, numentry_suite());
    srunner_add_suite(runner, limits_suite());
    srunner_add_suite(runner, speech_suite());
    srunner_add_suite(runner, wipe_suite());
    srunner_add_suite(runner, termcopy_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
