/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_config.h: helpers check_config.c and check_config_values.c share. */
#ifndef KIOSK_TEST_CHECK_CONFIG_H
#define KIOSK_TEST_CHECK_CONFIG_H

#include "core/kiosk_config.h"

#define GOOD_HASH "$y$j9T$yTG3Fazxm7nQxIOlH15rP/$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5lA"

/* Every value of cfg is the default (fails the test otherwise). */
void assert_defaults(const struct kiosk_config *cfg);
/* Load text (as "t.conf"); return the message (a static buffer), or "" when it
 * loaded. */
const char *load_text(const char *text, struct kiosk_config *cfg);
/* The message for one bad text, with cfg freed. */
const char *bad_text(const char *text);

#endif
