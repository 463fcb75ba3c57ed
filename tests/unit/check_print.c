/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_print.c: printing through stand-in commands (the scripts in tests/data/print,
 * run as "sh SCRIPT ...") and saving summaries as files. */
#include "config.h"

#include "core/print.h"
#include "suites.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A private $TMPDIR (where print_text makes its directory) and a folder for
 * the stand-in printer's records, both removed again by env_close(). */
struct env {
    char tmp[64];
    char rec[64];
    char *old_tmpdir;
};

static void env_open(struct env *e)
{
    snprintf(e->tmp, sizeof e->tmp, "/tmp/check-print-tmp-XXXXXX");
    snprintf(e->rec, sizeof e->rec, "/tmp/check-print-rec-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(e->tmp));
    ck_assert_ptr_nonnull(mkdtemp(e->rec));
    const char *old = getenv("TMPDIR");
    e->old_tmpdir = old ? strdup(old) : NULL;
    setenv("TMPDIR", e->tmp, 1);
}

/* Number of entries in dir other than . and .. */
static int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL)
        if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void remove_all(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *ent;
    char path[PATH_MAX];
    while ((ent = readdir(d)) != NULL) {
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void env_close(struct env *e)
{
    /* print_text must have left nothing behind in $TMPDIR. */
    int left = dir_entries(e->tmp);
    remove_all(e->tmp);
    remove_all(e->rec);
    if (e->old_tmpdir) {
        setenv("TMPDIR", e->old_tmpdir, 1);
        free(e->old_tmpdir);
    } else {
        unsetenv("TMPDIR");
    }
    ck_assert_int_eq(left, 0);
}

/* A malloc'd copy of a file's contents (NUL added); *len gets its size. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
    }
    fclose(fp);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static char *record(const struct env *e, const char *name)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", e->rec, name);
    return slurp(path, NULL);
}

/* The path of a stand-in printer script, in the caller's buffer. */
static char *script_path(const char *name, char *buf, size_t size)
{
    char rel[64];
    snprintf(rel, sizeof rel, "print/%s", name);
    snprintf(buf, size, "%s", test_data_path(rel));
    return buf;
}

START_TEST(test_print_records_text)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    /* Text no shell should ever see, a NUL and non-ASCII included. */
    static const char text[] = "Summary for the clinician\n$(touch /tmp/pwned) `id` ; | & < >\n"
                               "caf\xc3\xa9 \xe8\xa8\xba\n\0after a NUL\n";
    char *argv[] = {
        "sh", script_path("record.sh", script, sizeof script), e.rec, "-d", "Front Desk", "$HOME",
        NULL};
    char err[256] = "x";
    int r = print_text(argv, text, sizeof text - 1, err, sizeof err);
    ck_assert_msg(r == 0, "%s", err);
    ck_assert_str_eq(err, "");

    size_t len;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/text", e.rec);
    char *got = slurp(path, &len);
    ck_assert_uint_eq(len, sizeof text - 1);
    ck_assert_mem_eq(got, text, len);
    free(got);

    char *file = record(&e, "path");
    file[strcspn(file, "\n")] = '\0';
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s/patient-kiosk-", e.tmp);
    ck_assert_msg(strncmp(file, prefix, strlen(prefix)) == 0, "%s", file);
    ck_assert_ptr_nonnull(strstr(file, "/summary.txt"));

    char *args = record(&e, "argv");
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "-d\nFront Desk\n$HOME\n%s\n", file);
    ck_assert_str_eq(args, want);
    free(args);

    char *mode = record(&e, "dirmode");
    ck_assert_str_eq(mode, "700\n");
    free(mode);
    mode = record(&e, "filemode");
    ck_assert_str_eq(mode, "600\n");
    free(mode);
    char *in = record(&e, "stdin");
    ck_assert_str_eq(in, "");
    free(in);

    /* Gone afterwards: the file and its directory. */
    struct stat st;
    ck_assert_int_eq(stat(file, &st), -1);
    *strrchr(file, '/') = '\0';
    ck_assert_int_eq(stat(file, &st), -1);
    ck_assert_int_eq(errno, ENOENT);
    free(file);
    ck_assert_int_eq(access("/tmp/pwned", F_OK), -1);
    env_close(&e);
}
END_TEST

/* The command sees only what printing needs: PATH, LANG, LC_*, and the
 * CUPS variables; nothing else of the kiosk's environment. */
START_TEST(test_print_environment)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    setenv("KIOSK_SECRET_TEST", "do-not-pass", 1);
    setenv("CUPS_SERVER", "printhost:631", 1);
    setenv("LC_PAPER", "C.UTF-8", 1);
    char *argv[] = {"sh", script_path("record-env.sh", script, sizeof script), e.rec, NULL};
    char err[256];
    ck_assert_msg(print_text(argv, "x", 1, err, sizeof err) == 0, "%s", err);
    char *env = record(&e, "env");
    ck_assert_msg(strstr(env, "KIOSK_SECRET_TEST") == NULL, "%s", env);
    ck_assert_msg(strstr(env, "TMPDIR=") == NULL, "%s", env);
    ck_assert_ptr_nonnull(strstr(env, "CUPS_SERVER=printhost:631\n"));
    ck_assert_ptr_nonnull(strstr(env, "LC_PAPER=C.UTF-8\n"));
    ck_assert_ptr_nonnull(strstr(env, "PATH="));
    free(env);
    unsetenv("KIOSK_SECRET_TEST");
    unsetenv("CUPS_SERVER");
    unsetenv("LC_PAPER");
    env_close(&e);
}
END_TEST

START_TEST(test_print_large_and_empty)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    size_t n = 1 << 20;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i++)
        text[i] = (char)('a' + i % 26);
    char *argv[] = {"sh", script_path("record.sh", script, sizeof script), e.rec, NULL};
    char err[256];
    ck_assert_int_eq(print_text_timeout(argv, text, n, 20000, err, sizeof err), 0);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/text", e.rec);
    size_t len;
    char *got = slurp(path, &len);
    ck_assert_uint_eq(len, n);
    ck_assert_mem_eq(got, text, n);
    free(got);
    free(text);

    ck_assert_int_eq(print_text(argv, NULL, 0, err, sizeof err), 0);
    got = slurp(path, &len);
    ck_assert_uint_eq(len, 0);
    free(got);
    env_close(&e);
}
END_TEST

START_TEST(test_print_failures)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    char err[256];

    char script2[PATH_MAX];
    char *fail[] = {"sh", script_path("fail.sh", script2, sizeof script2), NULL};
    ck_assert_int_eq(print_text(fail, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "The printer did not accept the summary (sh exited with status 1).");

    char *crash[] = {"sh", script_path("crash.sh", script, sizeof script), NULL};
    ck_assert_int_eq(print_text(crash, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "The printer command \"sh\" stopped unexpectedly (signal 15).");

    char *missing[] = {"patient-kiosk-no-such-printer", "-d", "desk", NULL};
    ck_assert_int_eq(print_text(missing, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "The printer command \"patient-kiosk-no-such-printer\" was not found.");

    char *missing_path[] = {"/nonexistent/bin/lp", NULL};
    ck_assert_int_eq(print_text(missing_path, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "The printer command \"/nonexistent/bin/lp\" was not found.");

    /* A file that is there but not executable. */
    char plain[PATH_MAX];
    snprintf(plain, sizeof plain, "%s/not-a-program", e.rec);
    FILE *fp = fopen(plain, "w");
    ck_assert_ptr_nonnull(fp);
    fclose(fp);
    chmod(plain, 0644);
    char *not_exec[] = {plain, NULL};
    char want[PATH_MAX + 100];
    snprintf(want, sizeof want, "The printer command \"%s\" could not be run (permission denied).",
             plain);
    ck_assert_int_eq(print_text(not_exec, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, want);

    char *none[] = {NULL};
    ck_assert_int_eq(print_text(none, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "Printing is not set up on this kiosk.");
    ck_assert_int_eq(print_text(NULL, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "Printing is not set up on this kiosk.");
    char *empty[] = {"", NULL};
    ck_assert_int_eq(print_text(empty, "hello\n", 6, err, sizeof err), -1);
    ck_assert_str_eq(err, "Printing is not set up on this kiosk.");

    /* A tiny message buffer is never overrun; no buffer at all is fine. */
    char small[10];
    ck_assert_int_eq(print_text(fail, "x", 1, small, sizeof small), -1);
    ck_assert_str_eq(small, "The print");
    ck_assert_int_eq(print_text(fail, "x", 1, NULL, 0), -1);
    env_close(&e);
}
END_TEST

/* 1 when pid is gone or only a zombie (PID 1 in a container may not reap). */
static int process_gone(pid_t pid)
{
    if (kill(pid, 0) != 0)
        return errno == ESRCH;
    char path[64], stat_line[256] = "";
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return 1;
    char *ok = fgets(stat_line, sizeof stat_line, fp);
    fclose(fp);
    const char *close_paren = ok ? strrchr(stat_line, ')') : NULL;
    return close_paren && close_paren[1] == ' ' && close_paren[2] == 'Z';
}

START_TEST(test_print_timeout)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    char *argv[] = {"sh", script_path("hang.sh", script, sizeof script), e.rec, NULL};
    char err[256];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(print_text_timeout(argv, "hello\n", 6, 300, err, sizeof err), -1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ck_assert_str_eq(err,
                     "The printer did not respond in time (sh was stopped after 0.3 seconds).");
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(secs >= 0.29 && secs < 5.0, "took %.2f s", secs);

    /* The sleep the script started was killed with it (same process group). */
    char *child = record(&e, "child");
    pid_t pid = (pid_t)atoi(child);
    free(child);
    ck_assert_int_gt(pid, 1);
    int gone = 0;
    for (int i = 0; i < 100 && !gone; i++) {
        gone = process_gone(pid);
        if (!gone) {
            struct timespec ts = {0, 10000000L};
            nanosleep(&ts, NULL);
        }
    }
    ck_assert_msg(gone, "sleep %d is still running", (int)pid);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/finished", e.rec);
    ck_assert_int_eq(access(path, F_OK), -1);

    ck_assert_int_eq(print_text_timeout(argv, "x", 1, 1000, err, sizeof err), -1);
    ck_assert_str_eq(err, "The printer did not respond in time (sh was stopped after 1 second).");
    env_close(&e);
}
END_TEST

START_TEST(test_print_bad_tmpdir)
{
    struct env e;
    char script[PATH_MAX];
    env_open(&e);
    char missing[128];
    snprintf(missing, sizeof missing, "%s/not-there", e.tmp);
    setenv("TMPDIR", missing, 1);
    char *argv[] = {"sh", script_path("record.sh", script, sizeof script), e.rec, NULL};
    char err[256];
    ck_assert_int_eq(print_text(argv, "x", 1, err, sizeof err), -1);
    ck_assert_str_eq(err, "The summary could not be prepared for printing (No such file or "
                          "directory).");
    env_close(&e);
}
END_TEST

/* ---- save_text ---------------------------------------------------------- */

static void tz_utc(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
}

START_TEST(test_save_names_and_modes)
{
    tz_utc();
    char dir[] = "/tmp/check-save-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    time_t when = 1795000000; /* 2026-11-18 11:06:40 UTC */
    char path[PATH_MAX], want[PATH_MAX], err[256] = "x";
    static const char text[] = "Summary\n\0binary\n";

    ck_assert_int_eq(save_text_at(dir, "summary", "txt", when, text, sizeof text - 1, path,
                                  sizeof path, err, sizeof err),
                     0);
    ck_assert_str_eq(err, "");
    snprintf(want, sizeof want, "%s/summary-20261118-110640.txt", dir);
    ck_assert_str_eq(path, want);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    size_t len;
    char *got = slurp(path, &len);
    ck_assert_uint_eq(len, sizeof text - 1);
    ck_assert_mem_eq(got, text, len);
    free(got);

    /* Same second: a new name, the first file untouched. */
    ck_assert_int_eq(
        save_text_at(dir, "summary", "txt", when, "second", 6, path, sizeof path, err, sizeof err),
        0);
    snprintf(want, sizeof want, "%s/summary-20261118-110640-2.txt", dir);
    ck_assert_str_eq(path, want);
    ck_assert_int_eq(
        save_text_at(dir, "summary", "txt", when, "third", 5, path, sizeof path, err, sizeof err),
        0);
    snprintf(want, sizeof want, "%s/summary-20261118-110640-3.txt", dir);
    ck_assert_str_eq(path, want);
    snprintf(want, sizeof want, "%s/summary-20261118-110640.txt", dir);
    got = slurp(want, &len);
    ck_assert_uint_eq(len, sizeof text - 1);
    free(got);

    /* A symlink in the way is neither followed nor replaced. */
    char target[PATH_MAX], link_path[PATH_MAX];
    snprintf(target, sizeof target, "%s/target", dir);
    snprintf(link_path, sizeof link_path, "%s/visit-20261118-110640.html", dir);
    ck_assert_int_eq(symlink(target, link_path), 0);
    ck_assert_int_eq(
        save_text_at(dir, "visit", "html", when, "<p>", 3, path, sizeof path, err, sizeof err), 0);
    snprintf(want, sizeof want, "%s/visit-20261118-110640-2.html", dir);
    ck_assert_str_eq(path, want);
    ck_assert_int_eq(access(target, F_OK), -1);

    /* A trailing slash on the folder gives no double slash. */
    char slashed[PATH_MAX];
    snprintf(slashed, sizeof slashed, "%s/", dir);
    ck_assert_int_eq(
        save_text_at(slashed, "note", "md", when, "x", 1, path, sizeof path, err, sizeof err), 0);
    snprintf(want, sizeof want, "%s/note-20261118-110640.md", dir);
    ck_assert_str_eq(path, want);

    /* save_text uses the time now. */
    ck_assert_int_eq(save_text(dir, "now", "txt", "x", 1, path, sizeof path, err, sizeof err), 0);
    const char *base = strrchr(path, '/') + 1;
    ck_assert_uint_eq(strlen(base), strlen("now-YYYYMMDD-HHMMSS.txt"));
    ck_assert_int_eq(strncmp(base, "now-20", 6), 0);
    ck_assert_uint_eq(strspn(base + 4, "0123456789"), 8);
    ck_assert_int_eq(base[12], '-');
    ck_assert_uint_eq(strspn(base + 13, "0123456789"), 6);

    remove_all(dir);
}
END_TEST

START_TEST(test_save_failures)
{
    tz_utc();
    char path[PATH_MAX] = "x", err[256];
    time_t when = 1795000000;

    ck_assert_int_eq(save_text_at("", "s", "txt", when, "x", 1, path, sizeof path, err, sizeof err),
                     -1);
    ck_assert_str_eq(err, "Saving is turned off on this kiosk.");
    ck_assert_str_eq(path, "");
    ck_assert_int_eq(save_text(NULL, "s", "txt", "x", 1, path, sizeof path, err, sizeof err), -1);
    ck_assert_str_eq(err, "Saving is turned off on this kiosk.");

    ck_assert_int_eq(
        save_text_at("summaries", "s", "txt", when, "x", 1, path, sizeof path, err, sizeof err),
        -1);
    ck_assert_str_eq(err, "The summary could not be saved: the folder \"summaries\" is not an "
                          "absolute path.");

    ck_assert_int_eq(save_text_at("/nonexistent/summaries", "s", "txt", when, "x", 1, path,
                                  sizeof path, err, sizeof err),
                     -1);
    ck_assert_str_eq(err, "The summary could not be saved: the folder \"/nonexistent/summaries\" "
                          "does not exist.");

    ck_assert_int_eq(
        save_text_at("/etc/passwd", "s", "txt", when, "x", 1, path, sizeof path, err, sizeof err),
        -1);
    ck_assert_str_eq(err, "The summary could not be saved: \"/etc/passwd\" is not a folder.");

    static const char *const bad_names[][2] = {
        {"../up", "txt"}, {"a/b", "txt"}, {".hidden", "txt"}, {"", "txt"},
        {"s", ""},        {"s", "t.x"},   {"s", "txt/"},
    };
    for (size_t i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
        ck_assert_int_eq(save_text_at("/tmp", bad_names[i][0], bad_names[i][1], when, "x", 1, path,
                                      sizeof path, err, sizeof err),
                         -1);
        ck_assert_str_eq(err, "The summary could not be saved (bad file name).");
    }

    char dir[] = "/tmp/check-save-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char tiny[20];
    ck_assert_int_eq(
        save_text_at(dir, "summary", "txt", when, "x", 1, tiny, sizeof tiny, err, sizeof err), -1);
    char want[512];
    snprintf(want, sizeof want,
             "The summary could not be saved: the folder name \"%s\" is too long.", dir);
    ck_assert_str_eq(err, want);
    ck_assert_str_eq(tiny, "");
    ck_assert_int_eq(dir_entries(dir), 0);

    if (geteuid() != 0) { /* root may write anywhere */
        chmod(dir, 0500);
        ck_assert_int_eq(
            save_text_at(dir, "s", "txt", when, "x", 1, path, sizeof path, err, sizeof err), -1);
        snprintf(want, sizeof want,
                 "The summary could not be saved: no permission to write in \"%s\".", dir);
        ck_assert_str_eq(err, want);
        chmod(dir, 0700);
    }

    remove_all(dir);
}
END_TEST

Suite *print_suite(void)
{
    Suite *s = suite_create("print");
    TCase *tc = tcase_create("print");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_print_records_text);
    tcase_add_test(tc, test_print_environment);
    tcase_add_test(tc, test_print_large_and_empty);
    tcase_add_test(tc, test_print_failures);
    tcase_add_test(tc, test_print_timeout);
    tcase_add_test(tc, test_print_bad_tmpdir);
    suite_add_tcase(s, tc);
    TCase *save = tcase_create("save");
    tcase_add_test(save, test_save_names_and_modes);
    tcase_add_test(save, test_save_failures);
    suite_add_tcase(s, save);
    return s;
}
