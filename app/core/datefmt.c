/* SPDX-License-Identifier: GPL-3.0-or-later */
/* datefmt.c: long dates in the UI language (datefmt.h). */
#include "config.h"

#include "core/datefmt.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>

/* The month names a translator writes in the catalog (Spanish "diciembre",
 * Chinese "12月"); the pattern in datefmt_long() puts them in order. */
static const char *const month_names[12] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

static int fail(char *buf, size_t size)
{
    if (buf && size)
        buf[0] = '\0';
    return -1;
}

static int valid(const struct tm *tm)
{
    return tm && tm->tm_mon >= 0 && tm->tm_mon < 12 && tm->tm_mday >= 1 && tm->tm_mday <= 31 &&
           tm->tm_year >= -1900 && tm->tm_year <= 9999 - 1900;
}

/* Append text to buf at *at; 0, or -1 when it does not fit. */
static int put(char *buf, size_t size, size_t *at, const char *text, size_t len)
{
    if (len >= size - *at)
        return -1;
    memcpy(buf + *at, text, len);
    *at += len;
    buf[*at] = '\0';
    return 0;
}

int datefmt_with(const struct tm *tm, const char *pattern, const char *const months[12], char *buf,
                 size_t size)
{
    if (!buf || !size || !pattern || !months || !valid(tm) || !months[tm->tm_mon])
        return fail(buf, size);
    /* Only the three conversions and %% are honoured: a mistyped catalog
     * pattern fails here instead of reading arguments that are not there. */
    char num[16];
    size_t at = 0;
    buf[0] = '\0';
    for (const char *p = pattern; *p;) {
        const char *pct = strchr(p, '%');
        size_t lit = pct ? (size_t)(pct - p) : strlen(p);
        if (put(buf, size, &at, p, lit) < 0)
            return fail(buf, size);
        if (!pct)
            break;
        int rc;
        if (strncmp(pct, "%1$s", 4) == 0)
            rc = put(buf, size, &at, months[tm->tm_mon], strlen(months[tm->tm_mon]));
        else if (strncmp(pct, "%2$d", 4) == 0 || strncmp(pct, "%3$d", 4) == 0) {
            int v = pct[1] == '2' ? tm->tm_mday : tm->tm_year + 1900;
            int n = snprintf(num, sizeof num, "%d", v);
            rc = put(buf, size, &at, num, (size_t)n);
        } else if (pct[1] == '%') {
            rc = put(buf, size, &at, "%", 1);
            p = pct + 2;
            if (rc < 0)
                return fail(buf, size);
            continue;
        } else
            return fail(buf, size);
        if (rc < 0)
            return fail(buf, size);
        p = pct + 4;
    }
    return (int)at;
}

int datefmt_long(const struct tm *tm, char *buf, size_t size)
{
    const char *months[12];
    for (int i = 0; i < 12; i++)
        months[i] = _(month_names[i]);
    /* TRANSLATORS: a long date. %1$s is the month name (translated above),
     * %2$d the day, %3$d the year; reorder them by their numbers, e.g.
     * Spanish "%2$d de %1$s de %3$d", Chinese "%3$d年%1$s%2$d日". */
    return datefmt_with(tm, _("%1$s %2$d, %3$d"), months, buf, size);
}

int datefmt_long_time(const struct tm *tm, char *buf, size_t size)
{
    int n = datefmt_long(tm, buf, size);
    if (n < 0)
        return -1;
    int m = snprintf(buf + n, size - (size_t)n, " %02d:%02d", tm->tm_hour, tm->tm_min);
    if (m < 0 || (size_t)m >= size - (size_t)n || tm->tm_hour < 0 || tm->tm_hour > 23 ||
        tm->tm_min < 0 || tm->tm_min > 59)
        return fail(buf, size);
    return n + m;
}

int datefmt_iso_long(const char *iso, char *buf, size_t size)
{
    if (!buf || !size)
        return -1;
    int y, mo, d, used = 0;
    struct tm tm = {0};
    if (iso && strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 &&
        used == 10 && iso[4] == '-' && iso[7] == '-') {
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        int n = datefmt_long(&tm, buf, size);
        if (n >= 0)
            return n;
    }
    if (iso && strlen(iso) < size)
        memcpy(buf, iso, strlen(iso) + 1);
    else
        buf[0] = '\0';
    return -1;
}
