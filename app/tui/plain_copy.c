/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_copy.c: the take-home text copied to the patient's clipboard or
 * printed on their own printer, in the linear mode (plain.h). The terminal
 * is asked what it can do (core/termcaps.h) with the input briefly out of
 * line mode; its answer is read by the key decoder (core/keyseq.h). The
 * text is patient data: built in memory, wiped once written, never logged. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/keyseq.h"
#include "core/qr.h"
#include "core/termcaps.h"
#include "core/termcopy.h"
#include "core/wipe.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* How long a terminal has to answer the DA1 query. */
enum { ANSWER_MS = 400 };

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Ask the terminal (in and out both one, not dumb): its TERMCAPS_ bits, 0
 * when it does not say or cannot be asked. */
static int ask_terminal(struct plain *p)
{
    const char *term = getenv("TERM");
    int in = fileno(p->in), out = fileno(p->out);
    if (p->opts->mode == MODE_KIOSK || !p->in_tty || out < 0 || !isatty(out) || !term || !*term ||
        strcmp(term, "dumb") == 0)
        return 0;
    struct termios saved, raw;
    if (tcgetattr(in, &saved) < 0)
        return 0;
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(in, TCSANOW, &raw) < 0)
        return 0;
    fflush(p->out);
    int caps = 0;
    if (write(out, TERMCAPS_DA1_QUERY, strlen(TERMCAPS_DA1_QUERY)) ==
        (ssize_t)strlen(TERMCAPS_DA1_QUERY)) {
        struct keyseq s;
        struct keyseq_event ev;
        keyseq_init(&s);
        long long end = now_ms() + ANSWER_MS;
        for (int done = 0; !done;) {
            long long left = end - now_ms();
            struct pollfd pf = {.fd = in, .events = POLLIN};
            unsigned char b;
            if (left <= 0 || poll(&pf, 1, (int)left) <= 0 || read(in, &b, 1) != 1)
                break;
            if (keyseq_feed(&s, b, &ev) == 1 && ev.key == KEYSEQ_DA1) {
                caps = ev.caps;
                done = 1;
            }
        }
    }
    tcsetattr(in, TCSANOW, &saved);
    return caps;
}

/* Copy (print 0) or print the take-home text: what happened, in words. */
static const char *send_text(struct plain *p, int print)
{
    const char *md = visit_summary(&p->visit);
    char *text = md ? qr_takehome_text(md) : NULL;
    char *payload = text ? (print ? termcopy_media(text) : termcopy_osc52(text)) : NULL;
    wipe_string(text);
    int sent = 0;
    if (payload) {
        size_t n = strlen(payload);
        sent = fflush(p->out) == 0 && fwrite(payload, 1, n, p->out) == n && fflush(p->out) == 0;
        wipe_string(payload);
    }
    if (!sent)
        return _("It could not be sent. Use the code, or print or save the summary.");
    return print ? _("Sent to your own printer. If nothing prints, check your terminal's "
                     "printer.")
                 : _("Copied to your own clipboard. Paste it into a note or a message.");
}

void plain_takehome_copy(struct plain *p)
{
    if (!p->termcaps_asked) {
        p->termcaps = ask_terminal(p);
        p->termcaps_asked = 1;
    }
    int copy = (p->termcaps & TERMCAPS_CLIPBOARD) != 0,
        print = (p->termcaps & TERMCAPS_PRINTER) != 0;
    if (!copy && !print)
        return;
    char prompt[512];
    snprintf(prompt, sizeof prompt, "%s%s%s%s%s: ", copy ? _("c copy to my clipboard") : "",
             copy && print ? ", " : "", print ? _("p print on my own printer") : "", ", ",
             _("Enter back to the summary"));
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s || !*s)
            return;
        if (copy && strcasecmp(s, "c") == 0)
            plain_say(p, send_text(p, 0));
        else if (print && strcasecmp(s, "p") == 0)
            plain_say(p, send_text(p, 1));
        else
            return; /* anything else: back to the summary's own keys */
    }
}
