/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_flow.h: helpers check_flow.c and check_flow_session.c share. */
#ifndef KIOSK_TEST_CHECK_FLOW_H
#define KIOSK_TEST_CHECK_FLOW_H

#include "core/flow.h"

/* Parse tests/data/<name>, which must parse with no message; messages name
 * the file as <name>. The caller frees the flow (flow_free). */
struct flow *load_data(const char *name);
/* The bundled English flow ($KIOSK_CONTENT_DIR/en/questions.md); the caller
 * frees it. */
struct flow *load_bundled(void);

#endif
