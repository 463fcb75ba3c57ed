/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_layout.c: libFuzzer target: any bytes as a Markdown page, laid out at
 * a width taken from the first byte (1 to 256), then searched. */
#include "config.h"

#include "core/layout.h"
#include "core/text.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        setlocale(LC_ALL, "C.UTF-8");
        ready = 1;
    }
    if (size < 2)
        return 0;
    struct layout_opts o = {.width = data[0] + 1,
                            .ascii = data[1] & 1,
                            .show_sources = data[1] & 2,
                            .lang = data[1] & 4 ? "zh" : "en"};
    struct layout *L = layout_markdown((const char *)data + 2, size - 2, &o);
    if (!L)
        return 0;
    for (size_t i = 0; i < L->line_count; i++) {
        /* The layout's promise: no line wider than the width. */
        if (text_width(layout_line_text(L, i), L->lines[i].text_len) > (size_t)o.width &&
            o.width >= 2)
            abort();
    }
    size_t line, off, len;
    layout_search(L, "a", 0, 1, &line, &off, &len);
    layout_free(L);
    return 0;
}
