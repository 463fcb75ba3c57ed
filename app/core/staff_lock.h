/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staff_lock.h: the back-off after wrong staff PINs, on a clock the caller
 * gives (milliseconds that never jump), so it is tested without waiting.
 *
 * After STAFF_LOCK_AFTER wrong PINs in a row the PIN prompt is locked for
 * 30 s, and each further wrong PIN doubles the wait (60 s, 120 s, ... up to
 * STAFF_LOCK_MAX_MS). That stops someone who keeps guessing. It must not let
 * a patient lock staff out: the lock holds only while the kiosk is in use,
 * and lifts once nobody has pressed a patient key for STAFF_LOCK_QUIET_MS
 * (the wrong PIN itself counts as the last use). Keys pressed on the locked
 * PIN prompt, and Ctrl-K, do not count, so staff who walk up and try are
 * never kept waiting more than a minute after the patient's last key. The
 * count of wrong PINs is kept until a right PIN (not reset by the idle
 * wipe), so leaving and coming back gives no fresh set of tries: after a
 * lock has lifted, each wrong PIN locks again, for about a minute at most
 * when the kiosk is left alone. The struct holds no PIN and no patient
 * data; it needs no freeing. */
#ifndef KIOSK_STAFF_LOCK_H
#define KIOSK_STAFF_LOCK_H

#define STAFF_LOCK_AFTER    3      /* wrong PINs before the first wait */
#define STAFF_LOCK_FIRST_MS 30000  /* the first wait */
#define STAFF_LOCK_MAX_MS   960000 /* the longest wait (16 minutes) */
#define STAFF_LOCK_QUIET_MS 60000  /* no patient key this long: the lock lifts */

struct staff_lock {
    int failures;            /* wrong PINs since the last right one */
    long long locked_until;  /* ms; 0: not locked */
    long long last_activity; /* ms of the last patient key or wrong PIN */
};

/* Milliseconds until a PIN may be tried at time now; 0 when it may. */
long long staff_lock_wait(const struct staff_lock *lock, long long now);

/* A wrong PIN at time now. Returns the wait it starts (0 for the first
 * STAFF_LOCK_AFTER - 1). */
long long staff_lock_failed(struct staff_lock *lock, long long now);

/* The right PIN: back to no failures. */
void staff_lock_succeeded(struct staff_lock *lock);

/* A patient key at time now (the kiosk is in use). */
void staff_lock_activity(struct staff_lock *lock, long long now);

#endif
