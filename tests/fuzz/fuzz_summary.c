/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_summary.c: libFuzzer target: the bundled-style flow answered by a
 * random --summary answer string, then the summary built and laid out. */
#include "config.h"

#include "core/flow.h"
#include "core/layout.h"
#include "core/summary.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char flow_md[] =
    "# Q\n\n## Safe? {#safety}\n\n- [Yes](#which) {urgent}\n  > Tell: {answer}\n- [No](#which)\n\n"
    "## Which? {#which multiple}\n\n- [A *b*](#end)\n  > Ask about {answer}.\n"
    "- [C](#end) {priority}\n  > Tell {answer}\n- [None](#end) {only}\n\n"
    "## Questions to ask {#general-questions}\n\n- Why?\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct flow *f;
    if (!f) {
        setlocale(LC_ALL, "C.UTF-8");
        struct flow_diags d = {0};
        f = flow_parse(flow_md, sizeof flow_md - 1, "fuzz.md", &d);
        flow_diags_free(&d);
    }
    char *spec = malloc(size + 1);
    if (!spec || !f) {
        free(spec);
        return 0;
    }
    memcpy(spec, data, size);
    spec[size] = '\0';
    struct flow_session *s = flow_session_new(f);
    char err[512];
    if (s && flow_answers_parse(f, spec, s, err, sizeof err) == 0) {
        struct summary_info info = {.clinic_name = spec, .clinic_phone = spec, .when = 1};
        char *md = summary_build(f, s, &info);
        if (md) {
            struct layout_opts o = {.width = 32};
            layout_free(layout_markdown(md, strlen(md), &o));
        }
        wipe_string(md);
    }
    flow_session_free(s);
    free(spec);
    return 0;
}
