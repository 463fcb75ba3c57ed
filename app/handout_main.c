/* SPDX-License-Identifier: GPL-3.0-or-later */
/* handout_main.c: patient-kiosk-handout, the program that typesets the PDF
 * handout (core/handout.h) for the kiosk, so that the kiosk itself links
 * neither pango, cairo nor GLib (core/isolate.h says why).
 *
 * It reads one request (core/handout_wire.h) on standard input, writes the
 * PDF on standard output and exits 0. On failure it writes one line on
 * standard error, for the patient to read (in the language LANGUAGE names,
 * as the kiosk set it), and exits 1. Nothing is written to disk; the
 * request and the PDF are zeroed before they are freed, and the process
 * cannot be dumped (protect_process()). Not meant to be run by hand. */
#include "config.h"

#include "core/handout.h"
#include "core/handout_wire.h"
#include "core/i18n.h"
#include "core/protect.h"
#include "core/wipe.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_all(const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    i18n_init();
    char err[1024] = "";
    protect_process(err, sizeof err); /* best effort, as the kiosk's */
    err[0] = '\0';
    if (argc != 1 || isatty(0)) {
        fprintf(stderr, "%s\n",
                _("This program makes the kiosk's handouts and is not run by hand."));
        return 2;
    }
    size_t inlen = 0;
    unsigned char *in = wipe_read_fd(0, HANDOUT_WIRE_MAX_BYTES, &inlen);
    struct handout_wire w;
    int ok = in && handout_wire_decode(in, inlen, &w) == 0;
    if (in)
        wipe_free(in, inlen);
    if (!ok) {
        fprintf(stderr, "%s\n",
                in ? _("The handout could not be made (the request was not valid).")
                   : _("Not enough memory to print."));
        return 1;
    }
    size_t len = 0;
    unsigned char *pdf = handout_pdf(&w.h, &len, err, sizeof err);
    handout_wire_clear(&w);
    int rc = 1;
    if (!pdf)
        fprintf(stderr, "%s\n", err[0] ? err : _("Not enough memory to print."));
    else if (write_all(pdf, len) == 0)
        rc = 0;
    handout_free(pdf, len);
    return rc;
}
