/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_clock.h: the full-screen UI's clock, for the idle timeout, the "Still
 * there?" countdown, the PIN lock-out and the reprint window.
 *
 * The installed program always runs on the real monotonic clock. Only the
 * test binary (tests/patient-kiosk-test, built by make check and never
 * installed, compiled with KIOSK_TEST_CLOCK defined) reads the environment
 * variable KIOSK_TEST_CLOCK=N (a whole number from 2 to 1000): its clock then
 * runs N times as fast, so a test sees a 10 s idle timeout in 10/N s. In the
 * installed program the code that reads the variable is not compiled in. */
#ifndef KIOSK_UI_CLOCK_H
#define KIOSK_UI_CLOCK_H

#include <time.h>

/* Milliseconds on a clock that never jumps (never fails). */
long long ui_now_ms(void);

/* How many real milliseconds to block for ms on ui_now_ms()'s clock (for
 * curses' timeout()); a negative ms (wait for ever) or 0 is returned as it is. */
int ui_wait_ms(int ms);

/* The date and time a summary is dated with: 0, meaning "now". Only in the
 * test binary, KIOSK_TEST_NOW=SECONDS (since the epoch) fixes it, so whole
 * screens with a summary on them can be compared with golden files. */
time_t ui_summary_time(void);

#endif
