/* SPDX-License-Identifier: GPL-3.0-or-later */
/* urgent.h: the page an {urgent=NAME} answer opens at once. The words are
 * content (content/<lang>/NAME.md, one page per kind of urgency); when that
 * page cannot be read the patient still gets a short built-in crisis text
 * (988, 911, the front desk), so nobody is ever left without one. Both the
 * full-screen kiosk and --plain show the result through the layout engine. */
#ifndef KIOSK_URGENT_H
#define KIOSK_URGENT_H

#include <stddef.h>

struct content;

/* The built-in crisis text, as Markdown in the current UI language.
 * Malloc'd (caller frees); NULL when out of memory. */
char *urgent_builtin_text(size_t *len);

/* The Markdown of urgent page name (without ".md") of content: the page of
 * content's language, else English's (*fell_back = 1), else, when name is
 * NULL, empty or the page cannot be read, the built-in text (*builtin = 1,
 * with the reason in err when there is one). Malloc'd (caller frees); NULL
 * only when out of memory. */
char *urgent_text(const struct content *content, const char *name, size_t *len, int *fell_back,
                  int *builtin, char *err, size_t errlen);

#endif
