/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scroll.h: moving through a laid-out text shown rows rows at a time (the
 * page, the summary and the urgent page): the keys and the wheel. */
#ifndef KIOSK_SCROLL_H
#define KIOSK_SCROLL_H

#include <stddef.h>

#include "core/layout.h"

struct ui;

/* A scroll key (Up, Down, Enter, Space, PgUp, PgDn, b, Home, End, g, G):
 * 1 when handled, with *top moved and kept within L. Lays out more of a
 * text still being laid out when the move needs it. */
int scroll_key(struct ui *ui, struct layout *L, size_t *top, int key, int rows);

/* A wheel turn (wheel -1 up, 1 down): three lines. 1 when handled. */
int scroll_wheel(struct ui *ui, struct layout *L, size_t *top, int wheel, int rows);

struct ui_mouse;
/* A wheel turn (three lines) or a drag (the rows the finger moved). 1 when
 * handled. */
int scroll_mouse(struct ui *ui, struct layout *L, size_t *top, const struct ui_mouse *m, int rows);

#endif
