/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suites.h: one Check suite per core module; check_main.c runs them all. */
#ifndef KIOSK_TEST_SUITES_H
#define KIOSK_TEST_SUITES_H

#include <check.h>

Suite *text_suite(void);
Suite *layout_suite(void);
Suite *layout_steps_suite(void);
Suite *layout_links_suite(void);
Suite *content_suite(void);
Suite *content_find_suite(void);
Suite *readability_suite(void);
Suite *flow_suite(void);
Suite *flow_session_suite(void);
Suite *summary_suite(void);
Suite *config_suite(void);
Suite *config_values_suite(void);
Suite *print_suite(void);
Suite *parse_heap_suite(void);
Suite *urgent_suite(void);
Suite *datefmt_suite(void);
Suite *visit_suite(void);
Suite *handout_suite(void);
Suite *handout_wire_suite(void);
Suite *ask_suite(void);
Suite *teachback_suite(void);
Suite *misses_suite(void);
Suite *ops_suite(void);
Suite *keyseq_suite(void);
Suite *numentry_suite(void);
Suite *limits_suite(void);
Suite *speech_suite(void);
Suite *wipe_suite(void);
Suite *termcopy_suite(void);

/* Absolute path of a file under tests/data (from $KIOSK_TEST_DATA). Returns a
 * static buffer overwritten by the next call. */
const char *test_data_path(const char *name);

/* Call fn with the path of every .md file of the bundled content in one
 * language ($KIOSK_CONTENT_DIR/<lang>). Returns how many there were; fails
 * the test when the folder cannot be read. */
int test_each_bundled_page(const char *lang, void (*fn)(const char *path));

#endif
