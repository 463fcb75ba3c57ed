/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_load.c: reading a question flow from a file or a content folder,
 * checked before use: the patient's language's and, for bilingual
 * printouts, the clinician's. */
#include "config.h"

#include "core/flow.h"
#include "core/content.h"
#include "core/content_find.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct flow *flow_load(const char *path, char *err, size_t errlen)
{
    size_t len;
    char *text = content_slurp(path, 16 * 1024 * 1024, &len);
    if (!text) {
        snprintf(err, errlen, "%s: error: cannot read the question flow: %s", path,
                 strerror(errno));
        return NULL;
    }
    struct flow_diags diags = {0};
    struct flow *flow = flow_parse(text, len, path, &diags);
    free(text);
    int errors = flow ? flow_validate(flow, path, &diags) : 1;
    if (errors > 0) {
        char *first = NULL;
        for (size_t i = 0; i < diags.n && !first; i++)
            if (diags.items[i].is_error)
                first = flow_diag_format(&diags.items[i]);
        snprintf(err, errlen, "%s%s", first ? first : "out of memory",
                 errors > 1 ? " (and more: run patient-kiosk --check)" : "");
        free(first);
        flow_free(flow);
        flow = NULL;
    }
    flow_diags_free(&diags);
    return flow;
}

int flow_load_content(const struct content *content, struct flow **flow, char *err, size_t errlen)
{
    *flow = NULL;
    char path[4096];
    int fell_back;
    enum content_where w = content_find_lang(content->root, content->local, content->lang,
                                             "questions.md", path, sizeof path, &fell_back);
    if (w == CONTENT_MISSING)
        return 0;
    if (w == CONTENT_OUTSIDE) {
        snprintf(err, errlen, "%s: error: leads outside the content folder", path);
        return -1;
    }
    *flow = flow_load(path, err, errlen);
    return *flow ? 0 : -1;
}

int flow_load_flows(const struct content *content, const char *second_lang, struct flow **flow,
                    struct flow **second, char *err, size_t errlen)
{
    *flow = *second = NULL;
    if (content->entry_count == 0) /* content_bare(): a single file, no questions */
        return 0;
    if (flow_load_content(content, flow, err, errlen) < 0)
        return -1;
    if (!*flow || !second_lang)
        return 0;
    /* Opened as a whole, so that a missing or broken folder is named as such
     * rather than its questions falling back to English's. */
    struct content *other =
        content_open_local(content->root, content->local, second_lang, err, errlen);
    int status = other ? flow_load_content(other, second, err, errlen) : -1;
    if (status == 0 && !*second) {
        snprintf(err, errlen, "%s/%s/questions.md: error: there is no question flow", content->root,
                 second_lang);
        status = -1;
    }
    content_close(other);
    if (status < 0) {
        flow_free(*flow);
        *flow = NULL;
        return -2;
    }
    return 0;
}
