/* SPDX-License-Identifier: GPL-3.0-or-later */
/* misses.c: the teach-back misses of one visit (misses.h). */
#include "config.h"

#include "core/misses.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/wipe.h"

#include <stdio.h>
#include <string.h>

static int find(const struct misses *ms, const char *page, const char *id)
{
    for (int i = 0; i < ms->count; i++)
        if (strcmp(ms->m[i].page, page) == 0 && strcmp(ms->m[i].id, id) == 0)
            return i;
    return -1;
}

int misses_add(struct misses *ms, const char *page, const char *id)
{
    if (find(ms, page, id) >= 0)
        return 0;
    if (ms->count >= MISSES_MAX || strlen(page) >= MISS_PAGE_BYTES ||
        strlen(id) >= TEACHBACK_ID_BYTES)
        return -1;
    struct miss *m = &ms->m[ms->count++];
    snprintf(m->page, sizeof m->page, "%s", page);
    snprintf(m->id, sizeof m->id, "%s", id);
    return 0;
}

void misses_remove(struct misses *ms, const char *page, const char *id)
{
    int i = find(ms, page, id);
    if (i < 0)
        return;
    memmove(&ms->m[i], &ms->m[i + 1], (size_t)(ms->count - i - 1) * sizeof ms->m[0]);
    ms->count--;
    explicit_bzero(&ms->m[ms->count], sizeof ms->m[0]);
}

int misses_has(const struct misses *ms, const char *page, const char *id)
{
    return find(ms, page, id) >= 0;
}

void misses_wipe(struct misses *ms)
{
    explicit_bzero(ms, sizeof *ms);
}

void misses_markdown(struct buf *b, const struct misses *ms, misses_words_fn words, void *ctx,
                     const void *flow, const char *heading)
{
    int any = 0;
    for (int i = 0; i < ms->count; i++) {
        char what[512];
        if (!words || words(ctx, flow, ms->m[i].page, ms->m[i].id, what, sizeof what) < 0)
            continue;
        if (!any)
            buf_printf(b, "## %s\n\n", heading);
        any = 1;
        char line[768];
        /* TRANSLATORS: %s is what to explain, e.g. "how ketamine can change
           blood pressure". */
        snprintf(line, sizeof line, _("Please explain %s again."), what);
        buf_str(b, "- \\[ \\] ");
        markdown_escape_to(b, line);
        buf_str(b, "\n");
        explicit_bzero(what, sizeof what);
        explicit_bzero(line, sizeof line);
    }
    if (any)
        buf_str(b, "\n");
}
