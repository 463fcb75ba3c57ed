/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech.h: reading a script (speech_text.h) aloud with eSpeak NG, in a
 * process of its own so that a key is never kept waiting.
 *
 * speech_start() starts a reader process (the patient-kiosk-reader
 * program, so that the kiosk links no audio library) that synthesizes one sentence at a
 * time and plays it through the system's default audio output (pcaudiolib,
 * as espeak-ng itself plays); it reports on a pipe which sentence and word
 * it is at. The caller polls speech_fd() with its other input and calls
 * speech_read(). speech_stop() kills the reader at once (its copy of the
 * text goes with it). No text ever reaches a shell or a log.
 *
 * A build without eSpeak NG has the same functions: speech_probe() says why
 * and speech_start() fails (speech_none.c).
 *
 * Failures: functions return -1 (or NULL) with a one-line reason in err
 * when err is not NULL. */
#ifndef KIOSK_SPEECH_H
#define KIOSK_SPEECH_H

#include <stddef.h>
#include <stdint.h>

#include "core/speech_text.h"

enum speech_sink {
    SPEECH_SINK_DEVICE, /* the system's default audio output */
    SPEECH_SINK_NULL,   /* synthesize and keep time, play nothing (test binary) */
    SPEECH_SINK_NONE,   /* behave as if there were no audio device (test binary) */
};

struct speech_options {
    enum speech_sink sink;
    /* Test binary only, else NULL: a file the reader appends one line to
     * per sentence begun ("voice=es rate=160 sentence=3"), never the text. */
    const char *trace;
    /* Test binary only, else NULL: the reader program to run instead of
     * READER_PROGRAM beside this program or installed (isolate_program()). */
    const char *program;
};

/* The reader program's name (app/reader_main.c). */
#define READER_PROGRAM "patient-kiosk-reader"

/* Words per minute: the reading rate's range, first value and step. */
enum {
    SPEECH_RATE_MIN = 80,
    SPEECH_RATE_DEFAULT = 150,
    SPEECH_RATE_MAX = 300,
    SPEECH_RATE_STEP = 25,
};

/* The eSpeak NG voice for a content language: "cmn" (Mandarin) for zh,
 * else the code itself ("en", "es"). */
const char *speech_voice(const char *lang);

/* Whether reading aloud can work here: eSpeak NG's data and an audio output
 * that opens. Checked in a short-lived child, so that no audio library
 * writes on the terminal. 0, or -1 with the reason in err. */
int speech_probe(const struct speech_options *o, char *err, size_t size);

/* ---- synthesis into memory (the reader process, and the unit tests) ---- */

enum speech_event_type {
    SPEECH_EV_SENTENCE, /* sentence `sentence` begins */
    SPEECH_EV_WORD,     /* the word at bytes [off, off + len) of that sentence */
    SPEECH_EV_END,      /* the last sentence has been spoken */
    SPEECH_EV_FAILED,   /* the reader could not go on (no voice, audio lost) */
};

struct speech_event {
    uint32_t type; /* enum speech_event_type */
    uint32_t sentence, off, len;
};

/* Audio as it is made: n samples (16-bit mono at the rate speech_engine_init()
 * gave) and the events that fall at their start. Returns 0 to go on, 1 to
 * stop. */
typedef int (*speech_audio_fn)(void *ctx, const short *samples, size_t n,
                               const struct speech_event *events, size_t nevents);

/* Start eSpeak NG for synthesis into memory (once per process). Returns the
 * sample rate in Hz, or -1 with err (its data is not installed). */
int speech_engine_init(char *err, size_t size);

/* Synthesize sentences first.. of s in s->lang's voice, each at *rate words
 * per minute as it is when that sentence begins (the callback may change it).
 * Returns 0 when all were spoken, 1 when fn stopped it, -1 with err. */
int speech_synthesize(const struct speech_script *s, size_t first, const int *rate,
                      speech_audio_fn fn, void *ctx, char *err, size_t size);

/* ---- the reader process ---- */

struct speech;

/* Read s aloud from sentence first at rate words per minute. The reader has
 * its own copy of s (the caller may free s). NULL with err. */
struct speech *speech_start(const struct speech_script *s, size_t first, int rate,
                            const struct speech_options *o, char *err, size_t size);

/* Readable when the reader has news for speech_read(); -1 for NULL. */
int speech_fd(const struct speech *sp);

/* Take what the reader reported (never blocks). Returns 1 when the sentence
 * or word changed, 0 when nothing did, -1 when the reading is over: all read
 * (speech_failed() 0) or the reader failed (1). */
int speech_read(struct speech *sp);

size_t speech_sentence_at(const struct speech *sp);
/* The word being spoken: bytes [*off, *off + *len) of the sentence; 0, or
 * -1 before the first word. */
int speech_word_at(const struct speech *sp, uint32_t *off, uint32_t *len);
int speech_failed(const struct speech *sp);
int speech_paused(const struct speech *sp);

/* Pause (1) or go on (0) where it was. 0, or -1 when the reader is gone. */
int speech_pause(struct speech *sp, int pause);
/* Read at rate words per minute from the next sentence on. 0 or -1. */
int speech_set_rate(struct speech *sp, int rate);

/* Stop at once: the reader is killed and reaped, the struct freed. NULL is
 * fine. */
void speech_stop(struct speech *sp);

#endif
