/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_none.c: speech.h in a build without eSpeak NG (configure did not
 * find libespeak-ng-dev or libpcaudio-dev): nothing is ever read aloud, and
 * the probe says why. */
#include "config.h"

#include "core/speech.h"

#include <stdio.h>
#include <string.h>

const char *speech_voice(const char *lang)
{
    return lang && strncmp(lang, "zh", 2) == 0 ? "cmn" : lang && *lang ? lang : "en";
}

int speech_probe(const struct speech_options *o, char *err, size_t size)
{
    (void)o;
    snprintf(err, size, "%s",
             "this build has no speech (configure did not find eSpeak NG: install "
             "libespeak-ng-dev, espeak-ng-data and libpcaudio-dev and build again)");
    return -1;
}

int speech_engine_init(char *err, size_t size)
{
    return speech_probe(NULL, err, size);
}

int speech_synthesize(const struct speech_script *s, size_t first, const int *rate,
                      speech_audio_fn fn, void *ctx, char *err, size_t size)
{
    (void)s, (void)first, (void)rate, (void)fn, (void)ctx;
    return speech_probe(NULL, err, size);
}

struct speech *speech_start(const struct speech_script *s, size_t first, int rate,
                            const struct speech_options *o, char *err, size_t size)
{
    (void)s, (void)first, (void)rate;
    speech_probe(o, err, size);
    return NULL;
}

int speech_fd(const struct speech *sp)
{
    (void)sp;
    return -1;
}

int speech_read(struct speech *sp)
{
    (void)sp;
    return -1;
}

size_t speech_sentence_at(const struct speech *sp)
{
    (void)sp;
    return 0;
}

int speech_word_at(const struct speech *sp, uint32_t *off, uint32_t *len)
{
    (void)sp, (void)off, (void)len;
    return -1;
}

int speech_failed(const struct speech *sp)
{
    (void)sp;
    return 1;
}

int speech_paused(const struct speech *sp)
{
    (void)sp;
    return 0;
}

int speech_pause(struct speech *sp, int pause)
{
    (void)sp, (void)pause;
    return -1;
}

int speech_set_rate(struct speech *sp, int rate)
{
    (void)sp, (void)rate;
    return -1;
}

void speech_stop(struct speech *sp)
{
    (void)sp;
}
