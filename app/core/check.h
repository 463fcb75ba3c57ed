/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.h: `patient-kiosk --check`: everything a content author can get
 * wrong, reported as "FILE:LINE: error: ..." or "FILE:LINE: warning: ...",
 * then a reading-level table of every page.
 *
 * Checks every language folder: index and menu, each page parses, UTF-8,
 * links and anchors resolve, tables have a header, metadata present and
 * review dates current, the release sign-off (governance.h) filled, placeholders
 * known, the question flow valid and the same in every language, the pages
 * its {urgent=NAME} answers open readable, and reading level within the limit.
 *
 * With a local folder (content_find.h) each language is checked as the kiosk
 * reads it: the local copy of a file where there is one, named by its own
 * path; the table marks local pages and a line counts them. */
#ifndef KIOSK_CHECK_H
#define KIOSK_CHECK_H

#include <stdio.h>
#include <time.h>

struct check_options {
    int strict;         /* reading level over the limit, or the release sign-off in index.md
                         * empty or a draft, is an error, not a warning */
    double max_grade;   /* English Flesch-Kincaid limit (default 8) */
    double min_ease_es; /* Spanish Fernandez-Huerta floor (default 60) */
    time_t today;       /* for "review date in the past" (tests pass a fixed day) */
    const char *local;  /* the local folder laid over the content folder, or NULL */
    /* --check --config FILE: the file's name and the values it gives
     * {{clinic-name}} and {{clinic-phone}} ("" = left empty). Each page line
     * with a placeholder it leaves empty is a warning naming the setting (the
     * patient then reads words like "the clinic"). config_path NULL: no
     * configuration is checked. */
    const char *config_path;
    const char *clinic_name, *clinic_phone;
    /* What is wrong with its save_folder (config_check_save_folder()) and
     * the line that sets it; NULL: nothing. Reported as an error. */
    const char *save_folder_problem;
    int save_folder_line;
};

struct check_result {
    int errors, warnings;
    int unreadable; /* the content folder itself could not be read */
};

/* Check the content folder root, writing the report to out. Returns the
 * exit status: 0 clean (warnings allowed), 1 errors, 2 folder unreadable. */
int check_content(const char *root, const struct check_options *opts, FILE *out,
                  struct check_result *result);

/* Anchor name of a heading's text, as links write it ("#what-to-expect"):
 * lower case, spaces to '-', other ASCII punctuation dropped. Writes to buf. */
void check_slug(const char *text, char *buf, size_t size);

#endif
