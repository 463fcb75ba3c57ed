/* SPDX-License-Identifier: GPL-3.0-or-later */
/* urgent.c: the text of an urgent page, or the built-in crisis text. */
#include "config.h"

#include "core/urgent.h"
#include "core/content.h"
#include "core/flow.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *urgent_builtin_text(size_t *len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    if (!out)
        return NULL;
    fprintf(out, "**%s**\n\n", _("Please get help now."));
    fprintf(out, "- %s\n", _("If you are in danger right now, call 911."));
    fprintf(out, "- %s\n",
            _("If you are thinking about hurting yourself, call or text 988 (Suicide & Crisis "
              "Lifeline; press 2 for Spanish), or chat at 988lifeline.org."));
    fprintf(out, "- %s\n", _("Please tell the front desk staff now. They are here to help you."));
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    *len = n;
    return text;
}

char *urgent_text(const struct content *content, const char *name, size_t *len, int *fell_back,
                  int *builtin, char *err, size_t errlen)
{
    *fell_back = 0;
    *builtin = 0;
    if (err && errlen)
        err[0] = '\0';
    if (content && name && *name && strlen(name) <= FLOW_MAX_PAGE_NAME) {
        char page[FLOW_MAX_PAGE_NAME + 4];
        snprintf(page, sizeof page, "%s.md", name);
        char dummy[8];
        char *text = content_read_page(content, page, len, fell_back, err ? err : dummy,
                                       err ? errlen : sizeof dummy);
        if (text)
            return text;
    }
    *fell_back = 0;
    *builtin = 1;
    return urgent_builtin_text(len);
}
