/* SPDX-License-Identifier: GPL-3.0-or-later */
/* isolate.c: run a step in a child process and take back its bytes
 * (isolate.h). */
#include "config.h"

#include "core/isolate.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the child sends first; then len bytes. */
struct isolate_head {
    int ok;
    size_t len;
    char err[512];
};

/* The most bytes taken back: a handout is a few hundred KiB. */
enum { ISOLATE_MAX_BYTES = 64 << 20 };

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

/* 0 once n bytes were read, -1 at an error or the end before them. */
static int read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n > 0) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}

static _Noreturn void child(int fd, isolate_fn fn, void *arg)
{
    struct isolate_head head = {0};
    size_t len = 0;
    unsigned char *out = fn(arg, &len, head.err, sizeof head.err);
    head.ok = out != NULL;
    head.len = out ? len : 0;
    int rc = write_all(fd, &head, sizeof head) == 0 && write_all(fd, out, head.len) == 0 ? 0 : 1;
    if (out) {
        explicit_bzero(out, len);
        free(out);
    }
    _exit(rc); /* no atexit handlers, no stdio flush of the parent's buffers */
}

static void say(char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", what);
}

unsigned char *isolate_run(isolate_fn fn, void *arg, size_t *len, char *err, size_t errlen)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return fn(arg, len, err, errlen);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return fn(arg, len, err, errlen);
    }
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], fn, arg);
    }
    close(fds[1]);
    struct isolate_head head;
    unsigned char *out = NULL;
    int got = read_all(fds[0], &head, sizeof head) == 0;
    if (got && head.ok && head.len > 0 && head.len <= ISOLATE_MAX_BYTES &&
        (out = malloc(head.len)) != NULL && read_all(fds[0], out, head.len) != 0) {
        explicit_bzero(out, head.len);
        free(out);
        out = NULL;
        got = 0;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (out) {
        *len = head.len;
        say(err, errlen, "");
        return out;
    }
    if (got && !head.ok) {
        head.err[sizeof head.err - 1] = '\0';
        say(err, errlen, head.err);
    } else if (got && head.ok) {
        say(err, errlen, _("Not enough memory to print."));
    } else if (err && errlen) {
        snprintf(err, errlen, _("The handout could not be made (its process ended: %s)."),
                 WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no result");
    }
    return NULL;
}
