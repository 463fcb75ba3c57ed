/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_ops.c: the staff PIN back-off (staff_lock.c) on a made-up clock, and
 * the event log (log.c) written to a KIOSK_LOG_FILE. */
#include "config.h"

#include "suites.h"
#include "core/log.h"
#include "core/staff_lock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(lock_after_three_doubling)
{
    struct staff_lock l = {0};
    long long t = 1000000;
    ck_assert_int_eq(staff_lock_failed(&l, t), 0);
    ck_assert_int_eq(staff_lock_failed(&l, t), 0);
    ck_assert_int_eq(staff_lock_wait(&l, t), 0);
    ck_assert_int_eq(staff_lock_failed(&l, t), 30000);
    ck_assert_int_eq(staff_lock_wait(&l, t), 30000);
    ck_assert_int_eq(staff_lock_wait(&l, t + 29999), 1);
    ck_assert_int_eq(staff_lock_wait(&l, t + 30000), 0);
    t += 30000;
    ck_assert_int_eq(staff_lock_failed(&l, t), 60000);
    t += 60000;
    ck_assert_int_eq(staff_lock_failed(&l, t), 120000);
    for (int i = 0; i < 20; i++)
        staff_lock_failed(&l, t);
    ck_assert_int_eq(staff_lock_failed(&l, t), STAFF_LOCK_MAX_MS);
}
END_TEST

/* L8: a patient who keeps guessing stays locked out, but once the patient
 * stops pressing keys, staff wait at most a minute. */
START_TEST(lock_lifts_a_minute_after_the_patient)
{
    struct staff_lock l = {0};
    long long t = 5000;
    for (int i = 0; i < 8; i++)
        staff_lock_failed(&l, t); /* a 960 s wait */
    for (int s = 1; s <= 200; s++)
        staff_lock_activity(&l, t + s * 1000); /* still in use: still locked */
    ck_assert_int_gt(staff_lock_wait(&l, t + 200000), 0);
    long long gone = t + 200000;
    ck_assert_int_le(staff_lock_wait(&l, gone), STAFF_LOCK_QUIET_MS);
    ck_assert_int_gt(staff_lock_wait(&l, gone + STAFF_LOCK_QUIET_MS - 1), 0);
    ck_assert_int_eq(staff_lock_wait(&l, gone + STAFF_LOCK_QUIET_MS), 0);
    /* A key after the lock lifted does not bring it back. */
    staff_lock_activity(&l, gone + STAFF_LOCK_QUIET_MS + 1);
    ck_assert_int_eq(staff_lock_wait(&l, gone + STAFF_LOCK_QUIET_MS + 2), 0);
    /* No fresh set of tries: the next wrong PIN locks again. */
    ck_assert_int_gt(staff_lock_failed(&l, gone + 70000), 0);
    ck_assert_int_le(staff_lock_wait(&l, gone + 70000), STAFF_LOCK_QUIET_MS);
    staff_lock_succeeded(&l);
    ck_assert_int_eq(l.failures, 0);
    ck_assert_int_eq(staff_lock_wait(&l, gone + 70000), 0);
}
END_TEST

START_TEST(log_to_file_one_line_each)
{
    char path[] = "/tmp/kiosk-log-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    setenv("KIOSK_LOG_FILE", path, 1);
    struct klog log;
    klog_open(&log);
    ck_assert_int_ge(log.fd, 0);
    klog_event(&log, KLOG_IDLE_WIPE, NULL);
    klog_eventf(&log, KLOG_PRINT_FAILED, "lp said %s", "two\nlines\033[2J");
    klog_event(NULL, KLOG_START, "nothing");
    klog_close(&log);
    char buf[512] = "";
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    ck_assert_str_eq(buf, "patient-kiosk: idle-wipe\n"
                          "patient-kiosk: print-failed: lp said two?lines?[2J\n");
    unlink(path);
    setenv("KIOSK_LOG_FILE", "", 1);
    klog_open(&log);
    ck_assert_int_eq(log.fd, -1);
    ck_assert_int_eq(log.syslog, 0);
    klog_event(&log, KLOG_START, "dropped");
    klog_close(&log);
}
END_TEST

Suite *ops_suite(void)
{
    Suite *s = suite_create("ops");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, lock_after_three_doubling);
    tcase_add_test(tc, lock_lifts_a_minute_after_the_patient);
    tcase_add_test(tc, log_to_file_one_line_each);
    suite_add_tcase(s, tc);
    return s;
}
