/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_reader.c: the kiosk's side of reading aloud (speech.h). The
 * reader is the patient-kiosk-reader program (app/reader_main.c), started
 * with fork() and execv() (found as isolate.h's isolate_program() says), so
 * that the kiosk links neither eSpeak NG nor pcaudiolib: the script goes to
 * its standard input (speech_wire.h), and it sends a struct speech_event per
 * sentence and word on a socket pair on its fd 3 (SOCK_SEQPACKET: one
 * message each, and MSG_NOSIGNAL, so a reader that died never raises
 * SIGPIPE in the kiosk). Commands come back the same way, 4 bytes each:
 * pause, go on, rate. It dies with the kiosk (PR_SET_PDEATHSIG), and
 * speech_stop() kills it at once. */
#include "config.h"

#include "core/speech.h"
#include "core/isolate.h"
#include "core/speech_wire.h"
#include "core/wipe.h"

#include <errno.h>
#include <fcntl.h>
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

struct speech {
    pid_t pid;
    int fd; /* the kiosk's end of the socket pair */
    size_t sentence;
    uint32_t word_off, word_len;
    int have_word, paused, failed, over;
};

enum { PROBE_MS = 3000 };

const char *speech_voice(const char *lang)
{
    if (!lang || !*lang)
        return "en";
    if (strncmp(lang, "zh", 2) == 0)
        return "cmn";
    return lang;
}

/* ---- in the kiosk ---- */

/* The reader program with argv[1..] (argv[0] is set here), fd on its fd 3,
 * in on its standard input (-1: /dev/null), /dev/null on 1 and 2 (audio
 * libraries print their complaints: not on the terminal). The pid, or -1. */
static pid_t spawn_reader(const struct speech_options *o, const char **argv, int fd, int in)
{
    char path[4096];
    argv[0] = isolate_program(READER_PROGRAM, o->program, path, sizeof path);
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int null = open("/dev/null", O_RDWR);
    if (fd == SPEECH_FD)
        fcntl(fd, F_SETFD, 0);
    else if (dup2(fd, SPEECH_FD) < 0)
        _exit(127);
    if (null < 0 || dup2(in >= 0 ? in : null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
        _exit(127);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    execv(argv[0], (char *const *)argv);
    _exit(127);
}

/* Write n bytes to fd; a reader that is gone raises no SIGPIPE. 0 or -1. */
static int send_script(int fd, const unsigned char *p, size_t n)
{
    struct sigaction ign = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    int rc = 0;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            rc = -1;
            break;
        }
        p += w;
        n -= (size_t)w;
    }
    sigaction(SIGPIPE, &old, NULL);
    return rc;
}

static const char *sink_name(enum speech_sink sink)
{
    return sink == SPEECH_SINK_NULL ? "null" : sink == SPEECH_SINK_NONE ? "none" : "device";
}

struct speech *speech_start(const struct speech_script *s, size_t first, int rate,
                            const struct speech_options *o, char *err, size_t size)
{
    if (!s || first >= s->count) {
        snprintf(err, size, "%s", "nothing to read");
        return NULL;
    }
    size_t len = 0;
    unsigned char *script = speech_wire_encode(s, &len);
    struct speech *sp = script ? calloc(1, sizeof *sp) : NULL;
    int fds[2] = {-1, -1}, in[2] = {-1, -1};
    if (!sp || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) < 0 ||
        pipe2(in, O_CLOEXEC) < 0) {
        snprintf(err, size, "cannot start reading aloud: %s",
                 sp ? strerror(errno) : "out of memory");
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0)
                close(fds[i]);
            if (in[i] >= 0)
                close(in[i]);
        }
        wipe_free(script, len);
        free(sp);
        return NULL;
    }
    char first_s[32], rate_s[32];
    snprintf(first_s, sizeof first_s, "%zu", first);
    snprintf(rate_s, sizeof rate_s, "%d", rate);
    const char *argv[] = {
        NULL, "--read", first_s, rate_s, sink_name(o->sink), o->trace ? o->trace : "", NULL};
    sp->pid = spawn_reader(o, argv, fds[1], in[0]);
    close(fds[1]);
    close(in[0]);
    if (sp->pid < 0) {
        snprintf(err, size, "cannot start reading aloud: %s", strerror(errno));
        close(fds[0]);
        close(in[1]);
        wipe_free(script, len);
        free(sp);
        return NULL;
    }
    send_script(in[1], script, len); /* a reader that failed says so on fds[0] */
    close(in[1]);
    wipe_free(script, len);
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
    struct speech_command c = {.cmd = cmd, .value = value};
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
    if (send_command(sp, pause ? SPEECH_CMD_PAUSE : SPEECH_CMD_GO_ON, 0) < 0)
        return -1;
    sp->paused = pause;
    return 0;
}

int speech_set_rate(struct speech *sp, int rate)
{
    return send_command(sp, SPEECH_CMD_RATE, (uint16_t)rate);
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

int speech_probe(const struct speech_options *o, char *err, size_t size)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        snprintf(err, size, "cannot check the audio output: %s", strerror(errno));
        return -1;
    }
    const char *argv[] = {NULL, "--probe", sink_name(o->sink), NULL};
    pid_t pid = spawn_reader(o, argv, p[1], -1);
    if (pid < 0) {
        snprintf(err, size, "cannot check the audio output: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return -1;
    }
    close(p[1]);
    char msg[256];
    size_t got = 0;
    int timed_out = 0;
    for (;;) {
        struct pollfd pf = {.fd = p[0], .events = POLLIN};
        int r = poll(&pf, 1, PROBE_MS);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            timed_out = 1;
            break;
        }
        ssize_t n = read(p[0], msg + got, sizeof msg - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        if (got == sizeof msg - 1)
            break;
    }
    msg[got] = '\0';
    close(p[0]);
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (timed_out) {
        snprintf(err, size, "the audio output did not answer within %d seconds", PROBE_MS / 1000);
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    snprintf(err, size, "%s",
             got ? msg
             : WIFEXITED(status) && WEXITSTATUS(status) == 127
                 ? "the reader program could not be started"
                 : "the audio check failed");
    return -1;
}
