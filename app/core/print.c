/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print.c: print a summary through a command run with posix_spawnp (never
 * a shell), or save it as a new 0600 file. See print.h for the contract. */
#include "config.h"

#include "core/print.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* 1 for the environment variables printing needs: PATH, LANG and LC_*
 * (the command's messages and paper size), and CUPS's (CUPS_SERVER and the
 * rest, and the default printer: PRINTER, LPDEST). */
static int print_needs(const char *var)
{
    static const char *const exact[] = {"PATH=", "LANG=", "PRINTER=", "LPDEST="};
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strncmp(var, exact[i], strlen(exact[i])) == 0)
            return 1;
    return strncmp(var, "LC_", 3) == 0 || strncmp(var, "CUPS_", 5) == 0;
}

/* The command's environment: pointers into environ (not copies), NULL
 * terminated; the caller frees only the array. NULL when out of memory. */
static char **print_environment(void)
{
    size_t n = 0, kept = 0;
    while (environ && environ[n])
        n++;
    char **envp = calloc(n + 1, sizeof *envp);
    for (size_t i = 0; envp && i < n; i++)
        if (print_needs(environ[i]))
            envp[kept++] = environ[i];
    return envp;
}

static void print_message(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void print_message(char *err, size_t errlen, const char *fmt, ...)
{
    if (err == NULL || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Write all len bytes; 0 or -1 with errno. */
static int print_write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        text += n;
        len -= (size_t)n;
    }
    return 0;
}

static long print_elapsed_ms(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000L + (now.tv_nsec - start->tv_nsec) / 1000000L;
}

/* "20 seconds", "1 second", "0.3 seconds". */
static void print_seconds(unsigned ms, char *buf, size_t size)
{
    if (ms % 1000 == 0)
        snprintf(buf, size, ngettext("%u second", "%u seconds", ms / 1000), ms / 1000);
    else /* TRANSLATORS: a time with one decimal, such as 0.3 seconds */
        snprintf(buf, size, _("%u.%u seconds"), ms / 1000, (ms % 1000) / 100);
}

/* Whether cmd can be run, looked up the way posix_spawnp() does: 0, or
 * ENOENT (nowhere in PATH) or EACCES (found, not executable). Checked before
 * spawning because not every posix_spawnp() reports a failed exec (under
 * valgrind, or where it is built on fork), and then a missing command would
 * only show as exit status 127. */
static int print_find_command(const char *cmd)
{
    if (strchr(cmd, '/') != NULL)
        return access(cmd, X_OK) == 0 ? 0 : errno == EACCES ? EACCES : ENOENT;
    const char *path = getenv("PATH");
    if (path == NULL)
        path = "/bin:/usr/bin";
    int found = ENOENT;
    size_t cmd_len = strlen(cmd);
    for (const char *dir = path;; dir++) {
        size_t n = strcspn(dir, ":");
        char full[PATH_MAX];
        if (n + 1 + cmd_len < sizeof full) {
            if (n == 0)
                snprintf(full, sizeof full, "%s", cmd); /* empty entry: current folder */
            else
                snprintf(full, sizeof full, "%.*s/%s", (int)n, dir, cmd);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
                if (access(full, X_OK) == 0)
                    return 0;
                found = EACCES;
            }
        }
        dir += n;
        if (*dir == '\0')
            break;
    }
    return found;
}

/* 1, with err set, when rc says the command is missing (ENOENT) or not
 * executable (EACCES); else 0. */
static int print_not_runnable(int rc, const char *cmd, char *err, size_t errlen)
{
    if (rc == ENOENT)
        print_message(err, errlen, _("The printer command \"%s\" was not found."), cmd);
    else if (rc == EACCES)
        print_message(err, errlen,
                      _("The printer command \"%s\" could not be run (permission denied)."), cmd);
    return rc == ENOENT || rc == EACCES;
}

/* Start argv + path, wait up to timeout_ms. Returns 0 or -1 with err set. */
static int print_run(char *const argv[], const char *path, unsigned timeout_ms, char *err,
                     size_t errlen)
{
    const char *cmd = argv[0];
    int rc = print_find_command(cmd);
    if (print_not_runnable(rc, cmd, err, errlen))
        return -1;
    /* From here on messages may reach a patient: the command's name, never a
     * path on the server. */
    const char *slash = strrchr(cmd, '/');
    const char *name = slash && slash[1] ? slash + 1 : cmd;
    size_t argc = 0;
    while (argv[argc] != NULL)
        argc++;
    char **child_argv = calloc(argc + 2, sizeof *child_argv);
    char **envp = print_environment();
    if (child_argv == NULL || envp == NULL) {
        free(child_argv);
        free(envp);
        print_message(err, errlen, _("The summary could not be printed (out of memory)."));
        return -1;
    }
    memcpy(child_argv, argv, argc * sizeof *child_argv);
    child_argv[argc] = (char *)path;

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    rc = posix_spawn_file_actions_init(&actions);
    if (rc == 0) {
        rc = posix_spawnattr_init(&attr);
        if (rc != 0)
            posix_spawn_file_actions_destroy(&actions);
    }
    if (rc != 0) {
        free(child_argv);
        free(envp);
        print_message(err, errlen, _("The summary could not be printed (%s)."), strerror(rc));
        return -1;
    }
    rc = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (rc == 0)
        rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                                 POSIX_SPAWN_SETPGROUP);
    if (rc == 0)
        rc = posix_spawnattr_setsigmask(&attr, &none);
    if (rc == 0)
        rc = posix_spawnattr_setsigdefault(&attr, &all);
    if (rc == 0)
        rc = posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    if (rc == 0)
        rc = posix_spawnp(&pid, cmd, &actions, &attr, child_argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    free(child_argv);
    free(envp);
    if (print_not_runnable(rc, cmd, err, errlen))
        return -1;
    if (rc != 0) {
        print_message(err, errlen, _("The printer command \"%s\" could not be started (%s)."), name,
                      strerror(rc));
        return -1;
    }

    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = 0, timed_out = 0;
    long pause_ns = 2000000L; /* 2 ms, growing to 50 ms */
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR) {
            int e = errno;
            kill(-pid, SIGKILL);
            print_message(
                err, errlen,
                _("The summary may not have been printed (%s could not be followed: %s)."), name,
                strerror(e));
            return -1;
        }
        if (print_elapsed_ms(&start) >= (long)timeout_ms) {
            kill(-pid, SIGKILL); /* the whole group: whatever it started too */
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            timed_out = 1;
            break;
        }
        struct timespec ts = {0, pause_ns};
        nanosleep(&ts, NULL);
        if (pause_ns < 50000000L)
            pause_ns *= 2;
    }
    if (timed_out) {
        char secs[40];
        print_seconds(timeout_ms, secs, sizeof secs);
        print_message(err, errlen,
                      _("The printer did not respond in time (%s was stopped after %s)."), name,
                      secs);
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    if (WIFEXITED(status))
        print_message(err, errlen,
                      _("The printer did not accept the summary (%s exited with status %d)."), name,
                      WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        print_message(err, errlen,
                      _("The printer command \"%s\" stopped unexpectedly (signal %d)."), name,
                      WTERMSIG(status));
    else
        print_message(err, errlen, _("The printer command \"%s\" stopped unexpectedly."), name);
    return -1;
}

/* print_text_timeout() with the file named name in its private folder. */
static int print_named(char *const argv[], const char *text, size_t len, const char *name,
                       unsigned timeout_ms, char *err, size_t errlen)
{
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (argv == NULL || argv[0] == NULL || argv[0][0] == '\0') {
        print_message(err, errlen, _("Printing is not set up on this kiosk."));
        return -1;
    }
    if (text == NULL && len > 0) {
        print_message(err, errlen, _("The summary could not be printed (no text)."));
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char dir[PATH_MAX];
    if (tmp == NULL || tmp[0] != '/' ||
        (size_t)snprintf(dir, sizeof dir, "%s/patient-kiosk-XXXXXX", tmp) >= sizeof dir - 16)
        snprintf(dir, sizeof dir, "/tmp/patient-kiosk-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        print_message(err, errlen, _("The summary could not be prepared for printing (%s)."),
                      strerror(errno));
        return -1;
    }
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int r = -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        print_message(err, errlen, _("The summary could not be prepared for printing (%s)."),
                      strerror(errno));
    } else {
        int werr = print_write_all(fd, text, len) == 0 ? 0 : errno;
        if (close(fd) != 0 && werr == 0)
            werr = errno;
        if (werr != 0)
            print_message(err, errlen, _("The summary could not be prepared for printing (%s)."),
                          strerror(werr));
        else
            r = print_run(argv, path, timeout_ms, err, errlen);
    }
    unlink(path); /* harmless when it was never created */
    rmdir(dir);
    return r;
}

int print_text_timeout(char *const argv[], const char *text, size_t len, unsigned timeout_ms,
                       char *err, size_t errlen)
{
    return print_named(argv, text, len, "summary.txt", timeout_ms, err, errlen);
}

int print_pdf(char *const argv[], const unsigned char *pdf, size_t len, char *err, size_t errlen)
{
    return print_named(argv, (const char *)pdf, len, "summary.pdf", PRINT_TIMEOUT_MS, err, errlen);
}

int print_text(char *const argv[], const char *text, size_t len, char *err, size_t errlen)
{
    return print_text_timeout(argv, text, len, PRINT_TIMEOUT_MS, err, errlen);
}

/* ---- saving ------------------------------------------------------------ */

static int save_name_ok(const char *s, size_t max, int dots)
{
    size_t n = strlen(s);
    if (n == 0 || n > max || s[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 (dots && (c == '.' || c == '_' || c == '-'));
        if (!ok)
            return 0;
    }
    return 1;
}

static void save_open_error(int e, const char *folder, char *err, size_t errlen)
{
    switch (e) {
    case ENOENT:
        print_message(err, errlen,
                      _("The summary could not be saved: the folder \"%s\" does not exist."),
                      folder);
        break;
    case ENOTDIR:
        print_message(err, errlen, _("The summary could not be saved: \"%s\" is not a folder."),
                      folder);
        break;
    case EACCES:
    case EPERM:
        print_message(err, errlen,
                      _("The summary could not be saved: no permission to write in \"%s\"."),
                      folder);
        break;
    case EROFS:
        print_message(err, errlen,
                      _("The summary could not be saved: the folder \"%s\" is read-only."), folder);
        break;
    default:
        print_message(err, errlen, _("The summary could not be saved in \"%s\" (%s)."), folder,
                      strerror(e));
        break;
    }
}

int save_text_at(const char *folder, const char *prefix, const char *ext, time_t when,
                 const char *text, size_t len, char *out_path, size_t out_len, char *err,
                 size_t errlen)
{
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (out_path != NULL && out_len > 0)
        out_path[0] = '\0';
    if (folder == NULL || folder[0] == '\0') {
        print_message(err, errlen, _("Saving is turned off on this kiosk."));
        return -1;
    }
    if (folder[0] != '/') {
        print_message(
            err, errlen,
            _("The summary could not be saved: the folder \"%s\" is not an absolute path."),
            folder);
        return -1;
    }
    if (prefix == NULL || ext == NULL || !save_name_ok(prefix, 64, 1) ||
        !save_name_ok(ext, 16, 0) || (text == NULL && len > 0) || out_path == NULL) {
        print_message(err, errlen, _("The summary could not be saved (bad file name)."));
        return -1;
    }
    if (when == 0)
        when = time(NULL);
    struct tm tm;
    char stamp[32];
    if (localtime_r(&when, &tm) == NULL ||
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0) {
        print_message(err, errlen, _("The summary could not be saved (the clock is not set)."));
        return -1;
    }
    const char *sep = folder[strlen(folder) - 1] == '/' ? "" : "/";
    int fd = -1;
    for (int n = 1; n <= 1000 && fd < 0; n++) {
        int w = n == 1
                    ? snprintf(out_path, out_len, "%s%s%s-%s.%s", folder, sep, prefix, stamp, ext)
                    : snprintf(out_path, out_len, "%s%s%s-%s-%d.%s", folder, sep, prefix, stamp, n,
                               ext);
        if (w < 0 || (size_t)w >= out_len) {
            out_path[0] = '\0';
            print_message(err, errlen,
                          _("The summary could not be saved: the folder name \"%s\" is too long."),
                          folder);
            return -1;
        }
        fd = open(out_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            int e = errno;
            out_path[0] = '\0';
            save_open_error(e, folder, err, errlen);
            return -1;
        }
    }
    if (fd < 0) {
        out_path[0] = '\0';
        print_message(
            err, errlen,
            "The summary could not be saved: too many summaries in \"%s\" have the same time.",
            folder);
        return -1;
    }
    int e = 0;
    if (print_write_all(fd, text, len) != 0 || fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0) {
        unlink(out_path);
        out_path[0] = '\0';
        print_message(err, errlen, _("The summary could not be saved in \"%s\" (%s)."), folder,
                      strerror(e));
        return -1;
    }
    return 0;
}

int save_text(const char *folder, const char *prefix, const char *ext, const char *text, size_t len,
              char *out_path, size_t out_len, char *err, size_t errlen)
{
    return save_text_at(folder, prefix, ext, 0, text, len, out_path, out_len, err, errlen);
}
