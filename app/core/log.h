/* SPDX-License-Identifier: GPL-3.0-or-later */
/* log.h: the kiosk's event log, which never holds patient data.
 *
 * Events go to syslog (the journal on systemd), ident "patient-kiosk",
 * facility LOG_USER. The environment variable KIOSK_LOG_FILE changes that,
 * for tests and debugging only: set to a path, events are appended to that
 * file instead (one line each, "patient-kiosk: EVENT: DETAIL"); set but
 * empty, nothing is logged (make check sets it so, so that tests never
 * write to the host's log).
 *
 * The API takes an event kind and a detail that must never be anything a
 * patient typed or chose: no answer, summary line or search term. Callers
 * pass only the mode, a language code, counts, exit statuses, and messages
 * about the printer, the content or the configuration. Control characters
 * in the detail are written as '?', so a detail is always one line.
 *
 * A struct klog owns one file descriptor (or none); klog_close() releases
 * it. A NULL log is allowed everywhere and logs nothing. Logging never
 * fails visibly: a write that fails is dropped. */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

enum klog_event {
    KLOG_START,         /* detail: mode and language */
    KLOG_STOP,          /* detail: why, and the exit status */
    KLOG_IDLE_WIPE,     /* nobody answered the countdown: the session was wiped */
    KLOG_STAFF_EXIT,    /* staff left the kiosk from the staff menu */
    KLOG_PIN_FAILED,    /* detail: wrong PINs in a row and the wait before the next try */
    KLOG_PRINT_SENT,    /* detail: what was printed (summary, test page) */
    KLOG_PRINT_FAILED,  /* detail: print.c's message (about the printer, not the text) */
    KLOG_SAVE_FAILED,   /* detail: print.c's message (about the folder, not the text) */
    KLOG_CONTENT_ERROR, /* detail: "FILE:LINE: error: ..." */
    KLOG_CONFIG_ERROR,  /* detail: "FILE:LINE: error: ..." */
    KLOG_SPEECH_OFF,    /* --speech asked for, but read aloud is off: detail says why */
    KLOG_PROTECT,       /* detail: what keeps patient data from dumps, debuggers or swap failed */
};

struct klog {
    int fd;     /* KIOSK_LOG_FILE's descriptor, or -1 */
    int syslog; /* 1 when events go to syslog */
};

/* Set up logging from the environment (see above). Never fails: a log file
 * that cannot be opened means nothing is logged (and one line on stderr). */
void klog_open(struct klog *log);

/* Log one event. detail may be NULL. */
void klog_event(const struct klog *log, enum klog_event event, const char *detail);

/* The same with a printf-style detail. */
void klog_eventf(const struct klog *log, enum klog_event event, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The word for an event in the log ("start", "pin-failed", ...). */
const char *klog_event_name(enum klog_event event);

void klog_close(struct klog *log);

#endif
