/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_plain.c: libFuzzer target: the input is what a patient types into
 * the plain (linear) mode, over the bundled content ($KIOSK_CONTENT_DIR):
 * menus, pages, the question flow, the summary, the language switch. The
 * input comes from a memory file (as a pipe would give it), the output goes
 * to /dev/null. Printing and saving are off. */
#include "config.h"

#include "core/content.h"
#include "core/flow.h"
#include "core/i18n.h"
#include "tui/plain.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *out;
    if (!out) {
        setlocale(LC_ALL, "C.UTF-8");
        out = fopen("/dev/null", "w");
        if (!out)
            abort();
    }
    int fd = memfd_create("plain-input", 0);
    if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) || lseek(fd, 0, SEEK_SET) != 0)
        abort();
    FILE *in = fdopen(fd, "r");
    if (!in)
        abort();
    i18n_set_language("en");
    char err[1024];
    struct content *content = content_open(content_default_root(NULL), "en", err, sizeof err);
    if (!content)
        abort(); /* KIOSK_CONTENT_DIR must name the bundled content */
    struct flow *flow = NULL;
    struct ui_options opts = {.mode = (size && data[0] & 1) ? MODE_KIOSK : MODE_PATIENT,
                              .idle_seconds = 0,
                              .default_lang = "en",
                              .visit = {.print_width = 40}};
    plain_run(&content, &flow, &opts, in, out);
    fclose(in);
    flow_free(flow);
    content_close(content);
    return 0;
}
