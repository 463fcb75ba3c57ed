/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print.h: hand a summary to the printer command, or save it as a file,
 * without a shell ever seeing it.
 *
 * Printing writes the text to a new 0600 file in a new 0700 directory
 * (mkdtemp under $TMPDIR, or /tmp), runs the configured command with
 * posix_spawnp() and that file's path as its last argument, waits a bounded
 * time, and always removes the file and the directory again, whatever
 * happened. The command gets /dev/null as stdin, stdout and stderr (its
 * output would only scribble over the kiosk's screen), its own process group
 * (so a hung command is killed with everything it started), default signal
 * handling and an empty signal mask, and only the environment printing needs:
 * PATH, LANG, LC_*, CUPS_*, PRINTER and LPDEST (nothing else of the kiosk's).
 *
 * Messages in err are meant to be shown to a patient or front-desk staff:
 * one sentence, no jargon beyond the command's name. err is always
 * NUL-terminated when errlen > 0, and is "" on success. Neither function
 * copies the text (the file is written with write(), no stdio buffer), so
 * there is nothing of the patient's left to wipe; the caller still owns (and
 * releases with wipe_string()) its text.
 *
 * The caller must not have set SIGCHLD to SIG_IGN (the exit status would be
 * lost), and must not reap children with waitpid(-1, ...) elsewhere. */
#ifndef KIOSK_PRINT_H
#define KIOSK_PRINT_H

#include <stddef.h>
#include <time.h>

#define PRINT_TIMEOUT_MS 20000 /* how long print_text() waits for the command */

/* Print len bytes of text with the command argv (argv[0] is looked up in
 * PATH; argv is NULL-terminated and is not changed). Returns 0 once the
 * command exited with status 0. Returns -1 with err set, e.g.:
 *   The printer command "lp" was not found.
 *   The printer did not accept the summary (lp exited with status 1).
 *   The printer did not respond in time (lp was stopped after 20 seconds).
 *   The printer command "lp" stopped unexpectedly (signal 11).
 *   Printing is not set up on this kiosk.            (argv empty)
 * Waits at most PRINT_TIMEOUT_MS, then kills the command's process group. */
int print_text(char *const argv[], const char *text, size_t len, char *err, size_t errlen);

/* print_text() with the wait bounded by timeout_ms milliseconds instead. */
int print_text_timeout(char *const argv[], const char *text, size_t len, unsigned timeout_ms,
                       char *err, size_t errlen);

/* print_text() for len bytes of a PDF (core/handout.h): the file is named
 * summary.pdf, so a command that goes by the name sees what it is. */
int print_pdf(char *const argv[], const unsigned char *pdf, size_t len, char *err, size_t errlen);

/* Save len bytes of text as a new file folder/PREFIX-YYYYMMDD-HHMMSS.EXT
 * (local time now), or PREFIX-YYYYMMDD-HHMMSS-N.EXT with N = 2, 3, ... when
 * that name is taken: an existing file is never overwritten or followed.
 * The file is created 0600 and flushed to disk (fsync). prefix may hold
 * letters, digits, '.', '_' and '-' (not first '.'); ext 1-16 letters or
 * digits. Returns 0 with the new file's path in out_path. Returns -1 with
 * out_path "" and err set, e.g.:
 *   Saving is turned off on this kiosk.                    (folder NULL or "")
 *   The summary could not be saved: the folder "/x" does not exist.
 *   The summary could not be saved: no permission to write in "/x".
 *   The summary could not be saved in "/x" (No space left on device).
 * A partly written file is removed. */
int save_text(const char *folder, const char *prefix, const char *ext, const char *text, size_t len,
              char *out_path, size_t out_len, char *err, size_t errlen);

/* save_text() with the time in the name taken from when (0 = now). */
int save_text_at(const char *folder, const char *prefix, const char *ext, time_t when,
                 const char *text, size_t len, char *out_path, size_t out_len, char *err,
                 size_t errlen);

#endif
