/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.h: one patient's answers become the summary to bring to the
 * clinician, as a Markdown document that the layout engine shows, prints
 * or saves (content/README.md lists what goes into it).
 *
 * Text that comes from content or config (labels, notes, clinic name) is
 * escaped (markdown_escape()), so it can never add Markdown structure.
 * Nothing here logs or
 * writes anything; the caller owns the returned string and releases it with
 * wipe_string() (core/wipe.h), as it holds patient answers. */
#ifndef KIOSK_SUMMARY_H
#define KIOSK_SUMMARY_H

#include "core/wipe.h"
#include <time.h>

#include "core/ask.h"
#include "core/flow.h"
#include "core/misses.h"

struct summary_info {
    const char *clinic_name; /* each may be NULL or "": the line is left out */
    const char *clinic_phone;
    const char *content_version;
    const char *last_reviewed;
    const char *sources_page; /* menu label of the content's sources page: a line names it */
    time_t when;              /* date and time printed (local time); 0 = now */
    int show_reasons;         /* training mode: each point names the answer that produced it */
    const struct ask *ask;    /* the patient's own questions (ask.h); NULL: none */
    /* Teach-back answers to explain again (misses.h), their words looked
     * up by miss_words(miss_ctx, flow, ...); NULL: none. */
    const struct misses *misses;
    misses_words_fn miss_words;
    void *miss_ctx;
};

/* Build the summary of the answers on s's path, in the words of flow. flow is
 * normally flow_session_flow(s); it may be another language of the same flow
 * (flow_compare() clean) for a printout in the clinician's language.
 * Returns a NUL-terminated string in the patient arena (core/protect.h; from
 * malloc when the arena is full or not set up), which the caller releases
 * with wipe_string() (core/wipe.h); NULL when out of memory or when it
 * would be larger than a flow that passes flow_validate() can make (about
 * 4 x FLOW_MAX_SUMMARY). */
char *summary_build(const struct flow *flow, const struct flow_session *s,
                    const struct summary_info *info);

/* 1 when an answer on s's path is flagged {urgent}; likewise {priority}. */
int summary_has_urgent(const struct flow_session *s);
int summary_has_priority(const struct flow_session *s);

#endif
