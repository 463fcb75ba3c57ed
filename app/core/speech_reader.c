/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_reader.c: the reader process (speech.h). The kiosk forks it with
 * the script in hand; it synthesizes sentence by sentence, plays the audio
 * (or, for tests, keeps time playing nothing) and sends a struct
 * speech_event per sentence and word on a socket pair (SOCK_SEQPACKET: one
 * message each, and MSG_NOSIGNAL, so a reader that died never raises
 * SIGPIPE in the kiosk). Commands come back the same way, 4 bytes each:
 * pause, go on, rate. It dies with the kiosk (PR_SET_PDEATHSIG), and
 * speech_stop() kills it at once. */
#include "config.h"

#include "core/speech.h"

#include <errno.h>
#include <fcntl.h>
#include <pcaudiolib/audio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { CMD_PAUSE = 'p', CMD_GO_ON = 'g', CMD_RATE = 'r' };

struct command {
    uint8_t cmd, pad;
    uint16_t value;
};

struct speech {
    pid_t pid;
    int fd; /* the kiosk's end of the socket pair */
    size_t sentence;
    uint32_t word_off, word_len;
    int have_word, paused, failed, over;
};

/* ---- in the reader ---- */

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
static void command(struct reader *r, const struct command *c)
{
    if (c->cmd == CMD_RATE)
        r->rate_wpm = c->value;
    if (c->cmd != CMD_PAUSE)
        return;
    sink_close(r); /* what was queued is played first */
    for (;;) {
        struct command next;
        ssize_t n = recv(r->fd, &next, sizeof next, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != (ssize_t)sizeof next)
            _exit(0); /* the kiosk closed its end */
        if (next.cmd == CMD_RATE)
            r->rate_wpm = next.value;
        if (next.cmd == CMD_GO_ON)
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
        struct command c;
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

static void reader_main(const struct speech_script *s, size_t first, int rate,
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

/* ---- in the kiosk ---- */

struct speech *speech_start(const struct speech_script *s, size_t first, int rate,
                            const struct speech_options *o, char *err, size_t size)
{
    if (!s || first >= s->count) {
        snprintf(err, size, "%s", "nothing to read");
        return NULL;
    }
    struct speech *sp = calloc(1, sizeof *sp);
    int fds[2] = {-1, -1};
    if (!sp || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) < 0) {
        snprintf(err, size, "cannot start reading aloud: %s", strerror(errno));
        free(sp);
        return NULL;
    }
    sp->pid = fork();
    if (sp->pid < 0) {
        snprintf(err, size, "cannot start reading aloud: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        free(sp);
        return NULL;
    }
    if (sp->pid == 0) {
        close(fds[0]);
        reader_main(s, first, rate, o, fds[1]);
    }
    close(fds[1]);
    sp->fd = fds[0];
    sp->sentence = first;
    return sp;
}

int speech_fd(const struct speech *sp)
{
    return sp && !sp->over ? sp->fd : -1;
}

int speech_read(struct speech *sp)
{
    if (!sp || sp->over)
        return -1;
    int changed = 0;
    for (;;) {
        struct speech_event e;
        ssize_t n = recv(sp->fd, &e, sizeof e, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return changed;
        if (n != (ssize_t)sizeof e) {
            /* The reader is gone without a word: it failed. */
            sp->failed = 1;
            sp->over = 1;
            return -1;
        }
        switch (e.type) {
        case SPEECH_EV_SENTENCE:
            sp->sentence = e.sentence;
            sp->have_word = 0;
            changed = 1;
            break;
        case SPEECH_EV_WORD:
            sp->sentence = e.sentence;
            sp->word_off = e.off;
            sp->word_len = e.len;
            sp->have_word = 1;
            changed = 1;
            break;
        case SPEECH_EV_END:
        case SPEECH_EV_FAILED:
            sp->failed = e.type == SPEECH_EV_FAILED;
            sp->over = 1;
            return -1;
        }
    }
}

size_t speech_sentence_at(const struct speech *sp)
{
    return sp ? sp->sentence : 0;
}

int speech_word_at(const struct speech *sp, uint32_t *off, uint32_t *len)
{
    if (!sp || !sp->have_word)
        return -1;
    *off = sp->word_off;
    *len = sp->word_len;
    return 0;
}

int speech_failed(const struct speech *sp)
{
    return sp ? sp->failed : 0;
}

int speech_paused(const struct speech *sp)
{
    return sp ? sp->paused : 0;
}

static int send_command(struct speech *sp, uint8_t cmd, uint16_t value)
{
    struct command c = {.cmd = cmd, .value = value};
    if (!sp || sp->over)
        return -1;
    ssize_t n;
    do
        n = send(sp->fd, &c, sizeof c, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == (ssize_t)sizeof c ? 0 : -1;
}

int speech_pause(struct speech *sp, int pause)
{
    if (send_command(sp, pause ? CMD_PAUSE : CMD_GO_ON, 0) < 0)
        return -1;
    sp->paused = pause;
    return 0;
}

int speech_set_rate(struct speech *sp, int rate)
{
    return send_command(sp, CMD_RATE, (uint16_t)rate);
}

void speech_stop(struct speech *sp)
{
    if (!sp)
        return;
    kill(sp->pid, SIGKILL);
    while (waitpid(sp->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    close(sp->fd);
    free(sp);
}
