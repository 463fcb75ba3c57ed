/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech.c: eSpeak NG synthesis into memory and the check that audio can be
 * played here (speech.h), for the patient-kiosk-reader program and the unit
 * tests; speech_play.c plays it, speech_reader.c is the kiosk's side. */
#include "config.h"

#include "core/speech.h"
#include "core/speech_wire.h"

#include <errno.h>
#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <pcaudiolib/audio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_EVENTS = 64, PROBE_MS = 3000 };

int speech_engine_init(char *err, size_t size)
{
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0 && err)
        snprintf(err, size, "%s",
                 "eSpeak NG could not start: its voice data is missing (install the Debian "
                 "package espeak-ng-data)");
    return rate > 0 ? rate : -1;
}

/* One synthesis: what eSpeak's callback needs (passed as its user data). */
struct synth {
    const struct speech_script *s;
    size_t sentence;
    int begun;      /* the sentence event was sent with the first audio */
    long last_word; /* character position of the last word reported */
    speech_audio_fn fn;
    void *ctx;
    int stopped;
};

static int on_synth(short *wav, int n, espeak_EVENT *events)
{
    struct synth *y = events ? events->user_data : NULL;
    if (!y || !wav)
        return 0; /* the end of the text: its event list is not to be trusted */
    const struct speech_sentence *st = &y->s->sentences[y->sentence];
    struct speech_event out[MAX_EVENTS];
    size_t count = 0;
    if (!y->begun) {
        out[count++] =
            (struct speech_event){.type = SPEECH_EV_SENTENCE, .sentence = (uint32_t)y->sentence};
        y->begun = 1;
    }
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED && count < MAX_EVENTS;
         e++) {
        /* Each word once, in order (eSpeak may repeat one at a clause's end). */
        if (e->type != espeakEVENT_WORD || e->text_position <= y->last_word)
            continue;
        y->last_word = e->text_position;
        /* eSpeak counts characters from 1. */
        size_t off = speech_char_offset(st->text, st->len, (size_t)e->text_position - 1);
        size_t end =
            speech_char_offset(st->text, st->len, (size_t)e->text_position - 1 + (size_t)e->length);
        out[count++] = (struct speech_event){.type = SPEECH_EV_WORD,
                                             .sentence = (uint32_t)y->sentence,
                                             .off = (uint32_t)off,
                                             .len = (uint32_t)(end - off)};
    }
    if (y->fn(y->ctx, wav, n > 0 ? (size_t)n : 0, out, count)) {
        y->stopped = 1;
        return 1;
    }
    return 0;
}

int speech_synthesize(const struct speech_script *s, size_t first, const int *rate,
                      speech_audio_fn fn, void *ctx, char *err, size_t size)
{
    const char *voice = speech_voice(s->lang);
    if (espeak_SetVoiceByName(voice) != EE_OK) {
        if (err)
            snprintf(err, size, "eSpeak NG has no voice \"%s\" (install espeak-ng-data)", voice);
        return -1;
    }
    espeak_SetSynthCallback(on_synth);
    struct synth y = {.s = s, .fn = fn, .ctx = ctx};
    for (size_t i = first; i < s->count; i++) {
        int r = *rate < SPEECH_RATE_MIN   ? SPEECH_RATE_MIN
                : *rate > SPEECH_RATE_MAX ? SPEECH_RATE_MAX
                                          : *rate;
        espeak_SetParameter(espeakRATE, r, 0);
        y.sentence = i;
        y.begun = 0;
        y.last_word = 0;
        const struct speech_sentence *st = &s->sentences[i];
        espeak_ERROR e = espeak_Synth(st->text, st->len + 1, 0, POS_CHARACTER, 0,
                                      espeakCHARS_UTF8 | espeakENDPAUSE, NULL, &y);
        if (y.stopped)
            return 1;
        if (e != EE_OK) {
            if (err)
                snprintf(err, size, "eSpeak NG could not read sentence %zu (error %d)", i + 1,
                         (int)e);
            return -1;
        }
    }
    return 0;
}

/* ---- can audio be played here? ---- */

int speech_probe_here(const struct speech_options *o, int fd)
{
    char err[256] = "";
    int rate = speech_engine_init(err, sizeof err);
    if (rate > 0 && o->sink == SPEECH_SINK_NONE)
        snprintf(err, sizeof err, "%s",
                 "no audio output (the test binary's KIOSK_TEST_AUDIO=none)");
    if (rate > 0 && o->sink == SPEECH_SINK_DEVICE) {
        struct audio_object *a = create_audio_device_object(NULL, PACKAGE, "Read aloud");
        int e = a ? audio_object_open(a, AUDIO_OBJECT_FORMAT_S16LE, (uint32_t)rate, 1) : -1;
        if (!a)
            snprintf(err, sizeof err, "%s", "no audio output could be found");
        else if (e != 0)
            snprintf(err, sizeof err, "no audio output could be opened (%s)",
                     audio_object_strerror(a, e));
        else
            audio_object_close(a);
        if (a)
            audio_object_destroy(a);
    }
    if (!err[0])
        return 0;
    ssize_t w = write(fd, err, strlen(err));
    (void)w;
    return 1;
}
