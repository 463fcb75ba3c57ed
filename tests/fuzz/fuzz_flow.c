/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_flow.c: libFuzzer target: any bytes as questions.md, parsed,
 * validated, compared with itself, walked with answers from the input. */
#include "config.h"

#include "core/flow.h"
#include "core/summary.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setlocale(LC_ALL, "C.UTF-8");
    struct flow_diags d = {0};
    struct flow *f = flow_parse((const char *)data, size, "fuzz.md", &d);
    if (f) {
        flow_validate(f, "fuzz.md", &d);
        flow_compare(f, "a.md", f, "b.md", &d);
        struct flow_session *s = flow_session_new(f);
        /* Walk: each input byte picks an answer, then goes on or back. */
        for (size_t i = 0; s && i < size && i < 256; i++) {
            if (flow_current(s) < 0)
                break;
            flow_select(s, data[i] % 8);
            if (data[i] & 0x80)
                flow_back(s);
            else
                flow_next(s);
        }
        if (s) {
            struct summary_info info = {.clinic_name = "x*y", .when = 1};
            char *md = summary_build(f, s, &info);
            wipe_string(md);
            flow_session_free(s);
        }
        flow_free(f);
    }
    flow_diags_free(&d);
    return 0;
}
