/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_clock.c: the UI's monotonic clock; in the test binary only, sped up
 * by KIOSK_TEST_CLOCK (ui_clock.h says why the installed program cannot be). */
#include "config.h"

#include "tui/ui_clock.h"

#include <time.h>
#ifdef KIOSK_TEST_CLOCK
#include <stdlib.h>
#endif

static long long real_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#ifdef KIOSK_TEST_CLOCK
/* The speed-up factor: KIOSK_TEST_CLOCK, or 1 when unset or not 2-1000. */
static long long speed(void)
{
    const char *v = getenv("KIOSK_TEST_CLOCK");
    char *end;
    long n = v ? strtol(v, &end, 10) : 1;
    return v && *v && !*end && n >= 2 && n <= 1000 ? n : 1;
}

long long ui_now_ms(void)
{
    static long long start = -1;
    long long now = real_ms();
    if (start < 0)
        start = now;
    return start + (now - start) * speed();
}

int ui_wait_ms(int ms)
{
    long long n = speed();
    return ms <= 0 ? ms : (int)((ms + n - 1) / n);
}

time_t ui_summary_time(void)
{
    const char *v = getenv("KIOSK_TEST_NOW");
    char *end;
    long long t = v ? strtoll(v, &end, 10) : 0;
    return v && *v && !*end && t > 0 ? (time_t)t : 0;
}
#else
long long ui_now_ms(void)
{
    return real_ms();
}

int ui_wait_ms(int ms)
{
    return ms;
}

time_t ui_summary_time(void)
{
    return 0;
}
#endif
