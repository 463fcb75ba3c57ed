/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_programs.c: the helper programs' paths; in the test binary only, from
 * the environment (ui_programs.h says why the installed program cannot). */
#include "config.h"

#include "tui/ui_programs.h"

#include <stddef.h>
#include <stdlib.h>

#ifdef KIOSK_TEST_CLOCK
const char *ui_handout_program(void)
{
    const char *v = getenv("KIOSK_HANDOUT_PROGRAM");
    return v && *v ? v : NULL;
}
#else
const char *ui_handout_program(void)
{
    return NULL;
}
#endif
