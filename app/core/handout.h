/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout.h: Markdown typeset as a PDF handout with cairo and pango, for a
 * page printer (CUPS takes PDF) or a saved copy.
 *
 * The handout only sets what it is given: the words come from the caller's
 * Markdown (the summary that summary.c writes, or a content page), exactly
 * as the screen and the text printout show them. What the handout adds is
 * the look of a paper form: the clinic's name at the top, lines to write the
 * patient's name and date of birth on, chosen sections in a ruled box, tick
 * boxes with a line to write on for the items of other chosen sections, GFM
 * tables as ruled grids kept on one page (the type is made smaller until the
 * table fits), and a foot line with the page number on every page. Text is
 * set in DejaVu Sans, Chinese in WenQuanYi Micro Hei (Noto Sans CJK SC when
 * that is missing), found through fontconfig; the PDF embeds the subsets
 * it uses.
 *
 * Two sides (two languages of the same summary) are set on facing pages:
 * page 1 of the first side, then page 1 of the second, then page 2 of each,
 * and so on (a side with fewer pages gets blank ones), so that each sheet
 * lies beside its translation.
 *
 * Memory: the PDF holds patient text; the caller zeroes it with
 * handout_free(). Cairo and pango keep no copy of the text once
 * handout_pdf() returns (their caches hold glyphs, not strings). */
#ifndef KIOSK_HANDOUT_H
#define KIOSK_HANDOUT_H

#include <stddef.h>

enum handout_paper {
    HANDOUT_LETTER, /* 8.5 x 11 in */
    HANDOUT_A4,     /* 210 x 297 mm */
};

struct handout_side {
    const char *md;        /* the Markdown to set; not NULL */
    const char *lang;      /* "en", "es", "zh"...: fonts and line breaking; NULL: "en" */
    const char *title;     /* at the top of the first page (the clinic's name); NULL: none */
    const char *footer;    /* small print at the foot of each page; NULL: none */
    const char *name_line; /* label of a line to write the patient's name on; NULL: none */
    const char *dob_line;  /* likewise the date of birth */
    /* Level-2 headings (their text exactly) whose sections are set in a
     * ruled box, and those whose list items get a tick box and a line to
     * write on. NULL-terminated; either may be NULL. */
    const char *const *boxed;
    const char *const *ticked;
};

struct handout {
    enum handout_paper paper;
    const struct handout_side *sides;
    size_t side_count; /* 1, or 2 for facing pages */
};

/* The handout as a PDF: malloc'd bytes (*len of them), to be freed with
 * handout_free(). Returns NULL with err set ("The handout could not be made
 * (...)." naming cairo's or pango's complaint, or out of memory). */
unsigned char *handout_pdf(const struct handout *h, size_t *len, char *err, size_t errlen);

/* Zero len bytes of pdf and free it; NULL is fine. */
void handout_free(unsigned char *pdf, size_t len);

/* The paper's width and height in points (1/72 inch). */
void handout_paper_size(enum handout_paper paper, double *width, double *height);

#endif
