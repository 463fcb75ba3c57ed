/* SPDX-License-Identifier: GPL-3.0-or-later */
/* datefmt.h: dates a patient or clinician reads, written the way their
 * language writes them ("December 3, 2026", "3 de diciembre de 2026",
 * "2026年12月3日") instead of ISO 2026-12-03. The words come from the UI
 * catalog (gettext), so a date follows the language the UI strings are in
 * at the moment of the call, as the summary's headings do.
 *
 * Nothing is allocated: every function writes into the caller's buffer and
 * returns the length written, or -1 on failure (buffer too small, a date out
 * of range, text that is not a YYYY-MM-DD date), with buf then holding ""
 * (or, for datefmt_iso_long, the text unchanged when it fits). */
#ifndef KIOSK_DATEFMT_H
#define KIOSK_DATEFMT_H

#include <stddef.h>
#include <time.h>

/* tm's date with an explicit pattern and month names. The pattern holds, in
 * any order, %1$s (the month name), %2$d (the day) and %3$d (the year), as a
 * positional printf format would, and %% for a percent sign; any other %
 * fails. months[0] is January. For tests and callers with their own words. */
int datefmt_with(const struct tm *tm, const char *pattern, const char *const months[12], char *buf,
                 size_t size);

/* tm's date in the current UI language. */
int datefmt_long(const struct tm *tm, char *buf, size_t size);

/* tm's date and time (24-hour hh:mm) in the current UI language. */
int datefmt_long_time(const struct tm *tm, char *buf, size_t size);

/* A content metadata date ("2026-11-28") in the current UI language. Text that
 * is not such a date is copied as it is (it may be a clinic's own wording) and
 * -1 is returned. */
int datefmt_iso_long(const char *iso, char *buf, size_t size);

#endif
