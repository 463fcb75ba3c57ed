/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_programs.h: which helper programs the kiosk starts.
 *
 * The installed program always runs the handout typesetter beside itself
 * (a build tree) or in $(pkglibexecdir) (core/isolate.h). Only the test
 * binary (tests/patient-kiosk-test, compiled with KIOSK_TEST_CLOCK defined,
 * never installed) reads KIOSK_HANDOUT_PROGRAM, the path of the one to run
 * instead; in the installed program that code is not compiled in. */
#ifndef KIOSK_UI_PROGRAMS_H
#define KIOSK_UI_PROGRAMS_H

/* The typesetter to run instead of the default, or NULL (never fails). */
const char *ui_handout_program(void);

#endif
