/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rusage_run.c: run a command and report what it used, for the benchmark.
 *
 *     rusage_run OUT CMD [ARG]...
 *
 * Forks, runs CMD, waits for it and writes one line to the file OUT:
 *     wall_ns maxrss_kib user_us sys_us status
 * (wall time from just before fork to the end of wait4; maxrss as wait4
 * reports it, which for a shell includes the children it waited for). This
 * exists because a child forked from the large Python driver would inherit
 * the driver's resident-set high-water mark; forked from this small program
 * it inherits almost nothing. Exits with CMD's status. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: rusage_run OUT CMD [ARG]...\n", stderr);
        return 127;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 127;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long wall = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    FILE *out = fopen(argv[1], "w");
    if (out) {
        fprintf(out, "%lld %ld %ld %ld %d\n", wall, ru.ru_maxrss,
                (long)(ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec),
                (long)(ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec), status);
        fclose(out);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
