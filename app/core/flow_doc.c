/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_doc.c: a question described for staff (training mode): its id, kind,
 * help, and each answer with where it leads, its flags and its note. */
#include "config.h"

#include "core/flow.h"
#include "core/i18n.h"
#include "core/markdown.h"

#include <stdio.h>
#include <stdlib.h>

char *flow_question_document(const struct flow *f, int q)
{
    char *doc = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&doc, &len);
    if (!out)
        return NULL;
    char *title = markdown_escape(flow_question_title(f, q));
    char *help = markdown_escape(flow_question_help(f, q));
    fprintf(out, "# %s\n\n", title ? title : "");
    fprintf(out, "%s `%s` · %s\n\n", _("Question id"), flow_question_id(f, q),
            flow_question_is_multiple(f, q) ? _("choose all that apply") : _("choose one"));
    if (help && *help)
        fprintf(out, "%s\n\n", help);
    fprintf(out, "## %s\n\n", _("Answers"));
    for (int a = 0; a < (int)flow_answer_count(f, q); a++) {
        char *label = markdown_escape(flow_answer_label(f, q, a));
        int target = flow_answer_target(f, q, a);
        unsigned flags = flow_answer_flags(f, q, a);
        fprintf(out, "%d. **%s** → %s", a + 1, label ? label : "",
                target == FLOW_END ? _("the summary")
                : target >= 0      ? flow_question_id(f, target)
                                   : "?");
        if (flags & FLOW_URGENT) {
            const char *page = flow_answer_urgent_page(f, q, a);
            fprintf(out, " · ");
            fprintf(out, _("urgent: the page %s.md opens at once"), page ? page : "?");
        }
        if (flags & FLOW_PRIORITY)
            fprintf(out, " · %s", _("priority: printed first"));
        if (flags & FLOW_ONLY)
            fprintf(out, " · %s", _("excludes the other answers"));
        fputs("\n", out);
        const char *note = flow_answer_note(f, q, a);
        if (note) {
            char *escaped = markdown_escape(note);
            fprintf(out, "\n   > %s\n\n", escaped ? escaped : "");
            free(escaped);
        }
        free(label);
    }
    free(title);
    free(help);
    if (fclose(out) != 0) {
        free(doc);
        return NULL;
    }
    return doc;
}
