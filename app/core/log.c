/* SPDX-License-Identifier: GPL-3.0-or-later */
/* log.c: events to syslog, or to KIOSK_LOG_FILE for tests; see log.h. */
#include "config.h"

#include "core/log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

enum { KLOG_LINE_MAX = 1024 };

static const struct {
    const char *name;
    int priority;
} klog_events[] = {
    [KLOG_START] = {"start", LOG_INFO},
    [KLOG_STOP] = {"stop", LOG_INFO},
    [KLOG_IDLE_WIPE] = {"idle-wipe", LOG_INFO},
    [KLOG_STAFF_EXIT] = {"staff-exit", LOG_NOTICE},
    [KLOG_PIN_FAILED] = {"pin-failed", LOG_WARNING},
    [KLOG_PRINT_SENT] = {"print-sent", LOG_INFO},
    [KLOG_PRINT_FAILED] = {"print-failed", LOG_ERR},
    [KLOG_SAVE_FAILED] = {"save-failed", LOG_ERR},
    [KLOG_CONTENT_ERROR] = {"content-error", LOG_ERR},
    [KLOG_CONFIG_ERROR] = {"config-error", LOG_ERR},
    [KLOG_SPEECH_OFF] = {"speech-off", LOG_WARNING},
    [KLOG_PROTECT] = {"protect", LOG_WARNING},
};

const char *klog_event_name(enum klog_event event)
{
    if ((unsigned)event >= sizeof klog_events / sizeof klog_events[0])
        return "event";
    return klog_events[event].name;
}

void klog_open(struct klog *log)
{
    log->fd = -1;
    log->syslog = 0;
    const char *file = getenv("KIOSK_LOG_FILE");
    if (file == NULL) {
        openlog("patient-kiosk", LOG_PID | LOG_NDELAY, LOG_USER);
        log->syslog = 1;
        return;
    }
    if (*file == '\0')
        return;
    log->fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
    if (log->fd < 0)
        fprintf(stderr, "patient-kiosk: KIOSK_LOG_FILE %s: %s; nothing is logged\n", file,
                strerror(errno));
}

void klog_event(const struct klog *log, enum klog_event event, const char *detail)
{
    if (log == NULL || (log->fd < 0 && !log->syslog))
        return;
    char line[KLOG_LINE_MAX];
    int n = snprintf(line, sizeof line, "%s: %s", klog_event_name(event), detail ? detail : "");
    if (n < 0)
        return;
    size_t len = strlen(line);
    if (detail == NULL || *detail == '\0')
        line[len -= 2] = '\0'; /* no ": " after a bare event */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
            line[i] = '?';
    if (log->syslog) {
        syslog(klog_events[event].priority, "%s", line);
        return;
    }
    char out[KLOG_LINE_MAX + 32];
    n = snprintf(out, sizeof out, "patient-kiosk: %s\n", line);
    if (n > 0) {
        ssize_t w = write(log->fd, out, strlen(out));
        (void)w;
    }
}

void klog_eventf(const struct klog *log, enum klog_event event, const char *fmt, ...)
{
    if (log == NULL || (log->fd < 0 && !log->syslog))
        return;
    char detail[KLOG_LINE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    klog_event(log, event, detail);
}

void klog_close(struct klog *log)
{
    if (log == NULL)
        return;
    if (log->fd >= 0)
        close(log->fd);
    if (log->syslog)
        closelog();
    log->fd = -1;
    log->syslog = 0;
}
