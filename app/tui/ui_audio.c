/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_audio.c: Read aloud's sound output; in the test binary only, a null
 * sink and a trace (ui_audio.h says why the installed program has none). */
#include "config.h"

#include "tui/ui_audio.h"

#ifdef KIOSK_TEST_CLOCK
#include <stdlib.h>
#include <string.h>

struct speech_options ui_audio_options(void)
{
    struct speech_options o = {.sink = SPEECH_SINK_DEVICE};
    const char *v = getenv("KIOSK_TEST_AUDIO");
    if (v && strcmp(v, "null") == 0)
        o.sink = SPEECH_SINK_NULL;
    else if (v && strcmp(v, "none") == 0)
        o.sink = SPEECH_SINK_NONE;
    const char *trace = getenv("KIOSK_TEST_SPEECH_TRACE");
    o.trace = trace && *trace ? trace : NULL;
    const char *program = getenv("KIOSK_READER_PROGRAM");
    o.program = program && *program ? program : NULL;
    return o;
}
#else
struct speech_options ui_audio_options(void)
{
    return (struct speech_options){.sink = SPEECH_SINK_DEVICE};
}
#endif
