/* SPDX-License-Identifier: GPL-3.0-or-later */
/* isolate.c: run a helper program on bytes and take back its output
 * (isolate.h). */
#include "config.h"

#include "core/isolate.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *isolate_program(const char *name, const char *override, char *buf, size_t size)
{
    if (override && *override) {
        snprintf(buf, size, "%s", override);
        return buf;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash) {
            slash[1] = '\0';
            snprintf(buf, size, "%s%s", self, name);
            if (access(buf, X_OK) == 0)
                return buf;
        }
    }
    snprintf(buf, size, "%s/%s", PKGLIBEXECDIR, name);
    return buf;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The child: the pipes on 0, 1 and 2, then the program. */
static _Noreturn void child(const char *program, int in, int out, int errfd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(errfd, 2) < 0)
        _exit(126);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    char *const argv[] = {(char *)program, NULL};
    execv(program, argv);
    dprintf(2, _("The handout program %s could not be started (%s)."), program, strerror(errno));
    _exit(127);
}

struct run {
    unsigned char *out;
    size_t len, cap;
    char errline[512];
    size_t errused;
    int too_big, oom;
};

/* Append n bytes to the output; a bigger block replaces a zeroed old one. */
static void take(struct run *r, const unsigned char *p, size_t n)
{
    if (r->too_big || r->oom)
        return;
    if (n > ISOLATE_MAX_BYTES - r->len) {
        r->too_big = 1;
        return;
    }
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap : 64 << 10;
        while (cap < r->len + n)
            cap *= 2;
        unsigned char *b = malloc(cap);
        if (!b) {
            r->oom = 1;
            return;
        }
        if (r->len)
            memcpy(b, r->out, r->len);
        if (r->out) {
            explicit_bzero(r->out, r->cap);
            free(r->out);
        }
        r->out = b;
        r->cap = cap;
    }
    memcpy(r->out + r->len, p, n);
    r->len += n;
    explicit_bzero((void *)p, n);
}

/* Write in, read out and err until both end or the time is up; 0 or -1
 * (timed out). fds: [0] the child's stdin, [1] stdout, [2] stderr; each is
 * closed (set to -1) here when done. */
static int pump(int fds[3], const unsigned char *in, size_t inlen, struct run *r)
{
    size_t sent = 0;
    long deadline = now_ms() + ISOLATE_TIMEOUT_MS;
    unsigned char chunk[16384];
    if (inlen == 0) {
        close(fds[0]);
        fds[0] = -1;
    }
    while (fds[1] >= 0 || fds[2] >= 0) {
        struct pollfd pf[3];
        for (int i = 0; i < 3; i++)
            pf[i] = (struct pollfd){.fd = fds[i], .events = i == 0 ? POLLOUT : POLLIN};
        long left = deadline - now_ms();
        int n = left > 0 ? poll(pf, 3, (int)left) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            explicit_bzero(chunk, sizeof chunk);
            return -1; /* the time is up */
        }
        if (fds[0] >= 0 && pf[0].revents) {
            ssize_t w = (pf[0].revents & POLLOUT) ? write(fds[0], in + sent, inlen - sent) : -1;
            if (w > 0)
                sent += (size_t)w;
            if ((w < 0 && errno != EINTR && errno != EAGAIN) || sent == inlen) {
                close(fds[0]);
                fds[0] = -1;
            }
        }
        for (int i = 1; i < 3; i++) {
            if (fds[i] < 0 || !pf[i].revents)
                continue;
            ssize_t got = read(fds[i], chunk, sizeof chunk);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                close(fds[i]);
                fds[i] = -1;
            } else if (i == 1) {
                take(r, chunk, (size_t)got);
            } else {
                size_t room = sizeof r->errline - 1 - r->errused;
                size_t k = (size_t)got < room ? (size_t)got : room;
                memcpy(r->errline + r->errused, chunk, k);
                r->errused += k;
            }
        }
    }
    explicit_bzero(chunk, sizeof chunk);
    return 0;
}

static void say(char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", what);
}

static void close_all(int *fds, int n)
{
    for (int i = 0; i < n; i++)
        if (fds[i] >= 0)
            close(fds[i]);
}

unsigned char *isolate_exec(const char *program, const unsigned char *in, size_t inlen, size_t *len,
                            char *err, size_t errlen)
{
    *len = 0;
    int p[6] = {-1, -1, -1, -1, -1, -1}; /* stdin, stdout, stderr: read end, write end */
    if (pipe2(p, O_CLOEXEC) != 0 || pipe2(p + 2, O_CLOEXEC) != 0 || pipe2(p + 4, O_CLOEXEC) != 0) {
        close_all(p, 6);
        say(err, errlen, _("Not enough memory to print."));
        return NULL;
    }
    pid_t pid = fork();
    if (pid == 0)
        child(program, p[0], p[3], p[5]);
    close(p[0]);
    close(p[3]);
    close(p[5]);
    int fds[3] = {p[1], p[2], p[4]};
    if (pid < 0) {
        close_all(fds, 3);
        say(err, errlen, _("Not enough memory to print."));
        return NULL;
    }
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    /* A helper that died before reading all must not raise SIGPIPE here. */
    struct sigaction ign = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    struct run r = {0};
    int timed_out = pump(fds, in, inlen, &r) < 0;
    sigaction(SIGPIPE, &old, NULL);
    close_all(fds, 3);
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    r.errline[r.errused] = '\0';
    r.errline[strcspn(r.errline, "\n")] = '\0';
    int ok = !timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0 && !r.too_big && !r.oom &&
             r.len > 0;
    unsigned char *out = NULL;
    if (ok && (out = malloc(r.len)) != NULL) /* exactly len bytes, as isolate.h says */
        memcpy(out, r.out, r.len);
    if (r.out) {
        explicit_bzero(r.out, r.cap);
        free(r.out);
    }
    if (out) {
        *len = r.len;
        say(err, errlen, "");
    } else if (ok || r.oom) {
        say(err, errlen, _("Not enough memory to print."));
    } else if (timed_out) {
        snprintf(err, errlen, _("The handout could not be made (it took longer than %d seconds)."),
                 ISOLATE_TIMEOUT_MS / 1000);
    } else if (r.errline[0] && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        say(err, errlen, r.errline);
    } else if (err && errlen) {
        snprintf(err, errlen, _("The handout could not be made (its process ended: %s)."),
                 WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no result");
    }
    return out;
}
