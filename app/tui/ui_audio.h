/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_audio.h: where Read aloud's sound goes.
 *
 * The installed program always plays on the system's default audio output.
 * Only the test binary (tests/patient-kiosk-test, compiled with
 * KIOSK_TEST_CLOCK defined, never installed) reads KIOSK_TEST_AUDIO: "null"
 * synthesizes and keeps time but plays nothing, "none" behaves as if there
 * were no audio device; and KIOSK_TEST_SPEECH_TRACE=FILE, where the reader
 * notes the voice, rate and number of each sentence it begins (never the
 * text); and KIOSK_READER_PROGRAM, the reader program to run. In the
 * installed program that code is not compiled in. */
#ifndef KIOSK_UI_AUDIO_H
#define KIOSK_UI_AUDIO_H

#include "core/speech.h"

/* The sink and trace for this program (never fails). */
struct speech_options ui_audio_options(void);

#endif
