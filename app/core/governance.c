/* SPDX-License-Identifier: GPL-3.0-or-later */
/* governance.c: is the release sign-off in index.md filled in? */
#include "config.h"

#include "core/governance.h"

#include <string.h>
#include <strings.h>

static const char *const keys[] = {"reviewed-by", "review-date", "translated-by"};

/* Words that mark a value as not signed off yet, in the bundled languages. */
static const char *const draft_words[] = {"draft", "borrador", "草稿"};

const char *const *governance_keys(size_t *n)
{
    *n = sizeof keys / sizeof keys[0];
    return keys;
}

enum governance_state governance_state(const char *value)
{
    if (!value || value[strspn(value, " \t")] == '\0')
        return GOVERNANCE_EMPTY;
    for (size_t w = 0; w < sizeof draft_words / sizeof draft_words[0]; w++) {
        size_t n = strlen(draft_words[w]);
        for (const char *p = value; *p; p++)
            if (strncasecmp(p, draft_words[w], n) == 0)
                return GOVERNANCE_DRAFT;
    }
    return GOVERNANCE_OK;
}
