/* check_main.c: runs every core module's Check suite; exit status 1 on any failure. */
#include "config.h"

#include "suites.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

const char *test_data_path(const char *name)
{
    static char path[PATH_MAX];
    const char *dir = getenv("KIOSK_TEST_DATA");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/data", name);
    return path;
}

int main(void)
{
    /* Widths and letters need a UTF-8 character type; C.UTF-8 is always there. */
    setlocale(LC_ALL, "C.UTF-8");
    SRunner *runner = srunner_create(text_suite());
    srunner_add_suite(runner, layout_suite());
    srunner_add_suite(runner, layout_steps_suite());
    srunner_add_suite(runner, content_suite());
    srunner_add_suite(runner, readability_suite());
    srunner_add_suite(runner, flow_suite());
    srunner_add_suite(runner, summary_suite());
    srunner_add_suite(runner, config_suite());
    srunner_add_suite(runner, print_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
