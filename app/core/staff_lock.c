/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staff_lock.c: the wrong-PIN back-off; the rules are in staff_lock.h. */
#include "config.h"

#include "core/staff_lock.h"

long long staff_lock_wait(const struct staff_lock *lock, long long now)
{
    long long until = lock->locked_until;
    long long quiet = lock->last_activity + STAFF_LOCK_QUIET_MS;
    if (quiet < until)
        until = quiet;
    return until > now ? until - now : 0;
}

long long staff_lock_failed(struct staff_lock *lock, long long now)
{
    if (lock->failures < 1000)
        lock->failures++;
    lock->last_activity = now;
    if (lock->failures < STAFF_LOCK_AFTER) {
        lock->locked_until = 0;
        return 0;
    }
    long long wait = STAFF_LOCK_FIRST_MS;
    for (int i = STAFF_LOCK_AFTER; i < lock->failures && wait < STAFF_LOCK_MAX_MS; i++)
        wait *= 2;
    if (wait > STAFF_LOCK_MAX_MS)
        wait = STAFF_LOCK_MAX_MS;
    lock->locked_until = now + wait;
    return wait;
}

void staff_lock_succeeded(struct staff_lock *lock)
{
    *lock = (struct staff_lock){0};
}

void staff_lock_activity(struct staff_lock *lock, long long now)
{
    /* A lock that has lifted for quiet stays lifted. */
    if (lock->locked_until && staff_lock_wait(lock, now) == 0)
        lock->locked_until = 0;
    lock->last_activity = now;
}
