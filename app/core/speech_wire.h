/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_wire.h: what the kiosk and the patient-kiosk-reader program
 * (app/reader_main.c) say to each other (speech.h).
 *
 * The script goes to the reader's standard input as bytes: "KSW1", the
 * language (a 32-bit little-endian length and its bytes), the number of
 * sentences, then each sentence's text the same way. Only the sentences'
 * text travels (the reader needs no pieces: it reports words as offsets
 * within a sentence). Events come back on fd 3 (SOCK_SEQPACKET) as struct
 * speech_event, commands go to it as struct speech_command.
 *
 * Memory: the bytes hold what the patient reads (maybe their answers):
 * speech_wire_encode()'s are zeroed and freed with wipe_free(); the script
 * speech_wire_decode() makes with speech_script_free(). */
#ifndef KIOSK_SPEECH_WIRE_H
#define KIOSK_SPEECH_WIRE_H

#include "core/speech_text.h"

#include <stddef.h>
#include <stdint.h>

enum {
    SPEECH_WIRE_MAX_BYTES = 16 << 20,
    SPEECH_FD = 3,       /* the reader's end of the socket pair */
    SPEECH_PROBE_FD = 3, /* where the reader's --probe writes why not */
};

enum { SPEECH_CMD_PAUSE = 'p', SPEECH_CMD_GO_ON = 'g', SPEECH_CMD_RATE = 'r' };

struct speech_command {
    uint8_t cmd, pad;
    uint16_t value;
};

/* The sentences of s as bytes (*len), malloc'd; NULL when out of memory or
 * too big. */
unsigned char *speech_wire_encode(const struct speech_script *s, size_t *len);

/* The script in len bytes of buf: the sentences encoded, no pieces. NULL when truncated, too big,
 * malformed or out of memory. */
struct speech_script *speech_wire_decode(const unsigned char *buf, size_t len);

/* ---- the reader's side (libkspeech: eSpeak NG and pcaudiolib) ---- */

struct speech_options;

/* Read s aloud from sentence first, reporting on fd; never returns. */
_Noreturn void speech_play(const struct speech_script *s, size_t first, int rate,
                           const struct speech_options *o, int fd);

/* Whether audio can be played here: 0, or 1 with the reason written to fd. */
int speech_probe_here(const struct speech_options *o, int fd);

#endif
