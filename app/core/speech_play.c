/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_play.c: the reader's side of reading aloud (speech.h), run in the
 * patient-kiosk-reader program (app/reader_main.c): it synthesizes
 * sentence by sentence, plays the audio (or, for tests, keeps time playing
 * nothing) and sends a struct speech_event per sentence and word on the
 * socket pair (speech_wire.h); commands come back the same way. It dies
 * with the kiosk (PR_SET_PDEATHSIG). */
#include "config.h"

#include "core/speech.h"
#include "core/speech_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <pcaudiolib/audio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct reader {
    const struct speech_options *o;
    const struct speech_script *s;
    int fd;
    int rate_wpm, hz;
    struct audio_object *audio; /* SPEECH_SINK_DEVICE, while open */
    struct timespec clock;      /* SPEECH_SINK_NULL: when the audio so far ends */
    FILE *trace;
};

static void send_event(struct reader *r, const struct speech_event *e)
{
    ssize_t n;
    do
        n = send(r->fd, e, sizeof *e, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)sizeof *e)
        _exit(0); /* the kiosk is gone */
}

static int sink_open(struct reader *r)
{
    if (r->o->sink == SPEECH_SINK_NULL) {
        clock_gettime(CLOCK_MONOTONIC, &r->clock);
        return 0;
    }
    r->audio = create_audio_device_object(NULL, PACKAGE, "Read aloud");
    if (!r->audio)
        return -1;
    if (audio_object_open(r->audio, AUDIO_OBJECT_FORMAT_S16LE, (uint32_t)r->hz, 1) != 0) {
        audio_object_destroy(r->audio);
        r->audio = NULL;
        return -1;
    }
    return 0;
}

static void sink_close(struct reader *r)
{
    if (r->audio) {
        audio_object_drain(r->audio);
        audio_object_close(r->audio);
        audio_object_destroy(r->audio);
        r->audio = NULL;
    }
}

static int sink_write(struct reader *r, const short *samples, size_t n)
{
    if (r->o->sink == SPEECH_SINK_NULL) {
        /* Keep time as a sound card would, on an absolute clock. */
        long long ns = (long long)n * 1000000000LL / r->hz + r->clock.tv_nsec;
        r->clock.tv_sec += (time_t)(ns / 1000000000LL);
        r->clock.tv_nsec = (long)(ns % 1000000000LL);
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &r->clock, NULL) == EINTR)
            ;
        return 0;
    }
    return r->audio && audio_object_write(r->audio, samples, n * sizeof *samples) == 0 ? 0 : -1;
}

/* Handle one command; blocks while paused. */
static void command(struct reader *r, const struct speech_command *c)
{
    if (c->cmd == SPEECH_CMD_RATE)
        r->rate_wpm = c->value;
    if (c->cmd != SPEECH_CMD_PAUSE)
        return;
    sink_close(r); /* what was queued is played first */
    for (;;) {
        struct speech_command next;
        ssize_t n = recv(r->fd, &next, sizeof next, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != (ssize_t)sizeof next)
            _exit(0); /* the kiosk closed its end */
        if (next.cmd == SPEECH_CMD_RATE)
            r->rate_wpm = next.value;
        if (next.cmd == SPEECH_CMD_GO_ON)
            break;
    }
    if (sink_open(r) < 0) {
        send_event(r, &(struct speech_event){.type = SPEECH_EV_FAILED});
        _exit(1);
    }
}

static void commands(struct reader *r)
{
    for (;;) {
        struct speech_command c;
        ssize_t n = recv(r->fd, &c, sizeof c, MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n != (ssize_t)sizeof c)
            _exit(0); /* the kiosk closed its end */
        command(r, &c);
    }
}

static int on_audio(void *ctx, const short *samples, size_t n, const struct speech_event *events,
                    size_t nevents)
{
    struct reader *r = ctx;
    commands(r);
    for (size_t i = 0; i < nevents; i++) {
        if (events[i].type == SPEECH_EV_SENTENCE && r->trace) {
            fprintf(r->trace, "voice=%s rate=%d sentence=%u\n", speech_voice(r->s->lang),
                    r->rate_wpm, (unsigned)events[i].sentence);
            fflush(r->trace);
        }
        send_event(r, &events[i]);
    }
    if (n && sink_write(r, samples, n) < 0) {
        send_event(r, &(struct speech_event){.type = SPEECH_EV_FAILED});
        _exit(1);
    }
    return 0;
}

_Noreturn void speech_play(const struct speech_script *s, size_t first, int rate,
                           const struct speech_options *o, int fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGHUP, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_IGN);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2); /* audio libraries' complaints never reach the screen */
    }
    struct reader r = {.o = o, .s = s, .fd = fd, .rate_wpm = rate};
    if (o->trace)
        r.trace = fopen(o->trace, "a");
    char err[256];
    r.hz = speech_engine_init(err, sizeof err);
    if (r.hz <= 0 || sink_open(&r) < 0) {
        send_event(&r, &(struct speech_event){.type = SPEECH_EV_FAILED});
        _exit(1);
    }
    int done = speech_synthesize(s, first, &r.rate_wpm, on_audio, &r, err, sizeof err);
    sink_close(&r);
    send_event(&r, &(struct speech_event){.type = done < 0 ? SPEECH_EV_FAILED : SPEECH_EV_END});
    _exit(0);
}
