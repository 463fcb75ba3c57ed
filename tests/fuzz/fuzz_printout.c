/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_printout.c: libFuzzer target: a flow whose labels, notes and clinic
 * name are the input, every answer chosen, then the printout built as HTML
 * and as text with a second language, as printing and saving do. */
#include "config.h"

#include "core/flow.h"
#include "core/printout.h"
#include "core/summary.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct flow *flow_of(const char *text)
{
    struct flow_diags d = {0};
    struct flow *f = flow_parse(text, strlen(text), "fuzz.md", &d);
    flow_diags_free(&d);
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (size > 16384)
        return 0;
    char *in = malloc(size + 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    in[size] = '\0';
    /* The input (up to its first NUL) as a label, a note and the clinic. */
    size_t cap = 4 * strlen(in) + 512;
    char *md = malloc(cap);
    if (!md) {
        free(in);
        return 0;
    }
    snprintf(md, cap,
             "# T\n\n## %s {#one multiple}\n\n- [%s](#end)\n  > %s {answer}\n- [B](#end) "
             "{priority}\n  > %s\n\n## Q {#general-questions}\n\n- %s\n",
             in, in, in, in, in);
    struct flow *f = flow_of(md), *second = flow_of(md);
    struct flow_session *s = f ? flow_session_new(f) : NULL;
    if (s && flow_question_count(f) == 1 && flow_answer_count(f, 0) >= 2) {
        flow_select(s, 0);
        flow_select(s, 1);
        flow_next(s);
        struct summary_info info = {.clinic_name = in, .clinic_phone = in, .when = 1};
        char *sum = summary_build(f, s, &info);
        for (int html = 0; sum && html < 2; html++) {
            struct printout_request r = {.summary_md = sum,
                                         .session = s,
                                         .info = &info,
                                         .second_flow = second,
                                         .second_lang = "es",
                                         .lang = "en",
                                         .layout = {.width = 32 + 48 * html},
                                         .html = html};
            char *out = printout_build(&r);
            free(out);
        }
        free(sum);
    }
    flow_session_free(s);
    flow_free(f);
    flow_free(second);
    free(md);
    free(in);
    return 0;
}
