/* SPDX-License-Identifier: GPL-3.0-or-later */
/* governance.h: the release sign-off every language's index.md records:
 * who reviewed the content (reviewed-by), when (review-date) and who
 * translated it (translated-by). `--check` warns while one is empty or
 * still reads as a draft; `--check --strict`, what a clinic runs before a
 * release, then fails. Pure functions: no allocation, nothing to free. */
#ifndef KIOSK_GOVERNANCE_H
#define KIOSK_GOVERNANCE_H

#include <stddef.h>

enum governance_state {
    GOVERNANCE_OK,
    GOVERNANCE_EMPTY, /* NULL, or only spaces */
    GOVERNANCE_DRAFT, /* says "draft", "borrador" or "草稿" (any case) */
};

/* The metadata keys a release needs filled: count in *n, static strings. */
const char *const *governance_keys(size_t *n);

/* What value (a metadata value, may be NULL) says about the sign-off. */
enum governance_state governance_state(const char *value);

#endif
