/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reader_main.c: patient-kiosk-reader, the program that reads aloud for
 * the kiosk (core/speech.h) with eSpeak NG and pcaudiolib, so that the
 * kiosk itself links neither (docs/PERFORMANCE.md, target 4).
 *
 *   patient-kiosk-reader --read FIRST RATE SINK TRACE
 *       reads the script (core/speech_wire.h) on standard input, then
 *       speaks from sentence FIRST at RATE words per minute, reporting on
 *       fd 3 (a SOCK_SEQPACKET socket).
 *   patient-kiosk-reader --probe SINK
 *       exits 0 when audio can be played here, else 1 with the reason
 *       written on fd 3.
 * SINK is device, null or none (speech.h); TRACE is a file or "". Exits 2
 * on a wrong command line or script. The bytes read are zeroed once
 * decoded; the script's copy ends with the process, which cannot be dumped
 * (protect_process()). Not run by hand. */
#include "config.h"

#include "core/protect.h"
#include "core/speech.h"
#include "core/speech_wire.h"
#include "core/wipe.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse_sink(const char *s, enum speech_sink *sink)
{
    if (strcmp(s, "device") == 0)
        *sink = SPEECH_SINK_DEVICE;
    else if (strcmp(s, "null") == 0)
        *sink = SPEECH_SINK_NULL;
    else if (strcmp(s, "none") == 0)
        *sink = SPEECH_SINK_NONE;
    else
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    char msg[256];
    protect_process(msg, sizeof msg); /* best effort, as the kiosk's */
    struct speech_options o = {0};
    if (argc == 3 && strcmp(argv[1], "--probe") == 0 && parse_sink(argv[2], &o.sink) == 0)
        return speech_probe_here(&o, SPEECH_PROBE_FD);
    char *end = NULL;
    if (argc != 6 || strcmp(argv[1], "--read") != 0 || parse_sink(argv[4], &o.sink) < 0) {
        fprintf(stderr, "%s\n", "patient-kiosk-reader is started by the kiosk, not by hand.");
        return 2;
    }
    unsigned long first = strtoul(argv[2], &end, 10);
    long rate = strtol(argv[3], NULL, 10);
    o.trace = argv[5][0] ? argv[5] : NULL;
    size_t len = 0;
    unsigned char *in = wipe_read_fd(0, SPEECH_WIRE_MAX_BYTES, &len);
    struct speech_script *s = in ? speech_wire_decode(in, len) : NULL;
    if (in)
        wipe_free(in, len);
    if (!s || *end || first >= s->count || rate < SPEECH_RATE_MIN || rate > SPEECH_RATE_MAX) {
        speech_script_free(s);
        return 2; /* the kiosk reads the closed socket as a failure */
    }
    speech_play(s, first, (int)rate, &o, SPEECH_FD);
}
