/* SPDX-License-Identifier: GPL-3.0-or-later */
/* qr.h: the take-home code. The summary's points and questions become a QR
 * code (libqrencode) a phone can read with no network; nothing is stored
 * or sent anywhere. When not all of it fits the room there is, the code
 * holds the most important part: the summary's own order (urgent, then
 * priority, the patient's own questions, the other points, the general
 * questions), whole items only, and says so.
 *
 * Ownership: a struct qr is the caller's, freed (zeroed first: its text is
 * patient data) with qr_free(). Functions returning a pointer return NULL
 * when out of memory; qr_takehome() also when not even the title fits. */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stddef.h>

struct qr {
    int width;           /* modules per side, without the quiet zone */
    unsigned char *dark; /* width * width, row by row: 1 = a dark module */
    char *text;          /* what the code says (UTF-8) */
    size_t items;        /* list items of the summary in the code */
    size_t items_total;  /* list items the summary has (the answers section left out) */
};

/* The code for the summary Markdown summary_md (summary.h), at most
 * max_modules modules wide with its quiet zone of QR_QUIET modules on each
 * side. The title comes first; the date, the "Your answers" section and
 * the footer are left out:
 * a phone gets the points and the questions. When items are left out, the
 * text ends with more (e.g. "More on the printed summary."; may be NULL). */
struct qr *qr_takehome(const char *summary_md, int max_modules, const char *more);
void qr_free(struct qr *qr);

/* The same text with nothing left out and no more: what the take-home copy
 * to the patient's own clipboard or printer carries (core/termcopy.h).
 * Malloc'd (caller lets go of it with wipe_string()); NULL when out of
 * memory or when the summary has nothing in it. */
char *qr_takehome_text(const char *summary_md);

enum { QR_QUIET = 2 }; /* light modules around the code (phones read 2 on a screen) */

/* The code as text, quiet zone included, one line per row of characters,
 * each ending in '\n': with half blocks, two rows of modules per line, the
 * dark half drawn ("\u2588" both, "\u2580" top, "\u2584" bottom, " "
 * neither); ascii = 1: "##" or "  " per module, one row of modules per
 * line. Malloc'd (caller frees); NULL when out of memory. */
char *qr_draw(const struct qr *qr, int ascii);
/* Lines qr_draw() gives, and the cells each is wide. */
int qr_draw_rows(const struct qr *qr, int ascii);
int qr_draw_cols(const struct qr *qr, int ascii);

/* The largest code (modules per side, quiet zone included) that rows lines
 * of cols cells can show with half blocks. */
int qr_fit(int rows, int cols);

#endif
