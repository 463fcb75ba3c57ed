/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termcaps.c: the DA1 reply's attributes as take-home choices (termcaps.h). */
#include "config.h"

#include "core/termcaps.h"

enum { ATTR_PRINTER = 2, ATTR_CLIPBOARD = 52, CLASS_LOW = 62, CLASS_HIGH = 69, BIG = 100000 };

int termcaps_da1(const char *params, int final)
{
    if (final != 'c' || !params || params[0] != '?')
        return -1; /* DA2 (ESC [ > ... c) and every key are not this */
    int caps = 0, index = 0, value = -1, class_ok = 0;
    for (const char *p = params + 1;; p++) {
        if (*p >= '0' && *p <= '9') {
            int v = value < 0 ? 0 : value;
            value = v >= BIG ? BIG : v * 10 + (*p - '0');
            continue;
        }
        if (*p != ';' && *p != '\0')
            return 0; /* a DA1 reply, but not plain numbers: trust none of it */
        if (index == 0)
            class_ok = value >= CLASS_LOW && value <= CLASS_HIGH;
        else if (class_ok && value == ATTR_PRINTER)
            caps |= TERMCAPS_PRINTER;
        else if (class_ok && value == ATTR_CLIPBOARD)
            caps |= TERMCAPS_CLIPBOARD;
        index++;
        value = -1;
        if (*p == '\0')
            break;
    }
    return class_ok ? caps : 0;
}
