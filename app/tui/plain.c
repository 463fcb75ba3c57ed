/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain.c: the linear mode (plain.h): reading lines and writing wrapped
 * text, the pager, the home menu, pages, and the session loop with its
 * signals. The keys every prompt shares (help, language, quit) are in
 * plain_keys.c, the questions and the summary in plain_flow.c. No ncurses
 * here: only stdio and core/. */
#include "config.h"

#define PLAIN_INTERNAL
#include "tui/plain.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/protect.h"
#include "core/wipe.h"
#include "tui/ui_clock.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

enum {
    PLAIN_ANSWER_ROOM = 6, /* cells a prompt's last line leaves for the answer */
};

/* Set by SIGHUP, SIGINT and SIGTERM: the one global a handler can reach. */
static volatile sig_atomic_t plain_stop;

static void plain_on_stop(int sig)
{
    plain_stop = sig;
}

/* ---- output ---- */

void plain_write(struct plain *p, const char *text)
{
    if (ferror(p->out)) { /* the reader is gone: end the session */
        p->done = 1;
        return;
    }
    size_t n = strlen(text);
    if (fwrite(text, 1, n, p->out) != n) {
        p->done = 1;
        return;
    }
    for (const char *c = text; (c = strchr(c, '\n')) != NULL; c++)
        p->printed++;
}

struct layout_opts plain_layout_opts(const struct plain *p, int width)
{
    struct layout_opts o = visit_layout_opts(&p->visit, width);
    o.cards = 1; /* a grid read aloud is a string of borders and cells */
    return o;
}

void plain_line(struct plain *p, const struct layout *L, size_t i, const char *prefix)
{
    const char *text = layout_line_text(L, i);
    size_t len = L->lines[i].text_len;
    while (len > 0 && text[len - 1] == ' ')
        len--;
    if (prefix)
        plain_write(p, prefix);
    if (len > 0 && fwrite(text, 1, len, p->out) != len)
        p->done = 1;
    plain_write(p, "\n");
}

void plain_say(struct plain *p, const char *text)
{
    struct layout_opts o = plain_layout_opts(p, p->width);
    o.show_sources = 0;
    struct layout *L = layout_text(text, 0, &o);
    if (!L) { /* out of memory: the text unwrapped is still better than nothing */
        plain_write(p, text);
        plain_write(p, "\n");
        return;
    }
    for (size_t i = 0; i < L->line_count; i++)
        plain_line(p, L, i, NULL);
    layout_free(L);
}

/* ---- the terminal's size ---- */

static int env_number(const char *name, int lo, int hi, int fallback)
{
    const char *v = getenv(name);
    if (!v || !isdigit((unsigned char)*v))
        return fallback;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return errno || *end || n < lo || n > hi ? fallback : (int)n;
}

/* The output terminal's size (TIOCGWINSZ) when it is one and says, else
 * $COLUMNS and $LINES, else 80x24. Asked again before every answer, so a
 * resized window gets the new width from the next text on. */
static void plain_measure(struct plain *p)
{
    int cols = 0, rows = 0;
    struct winsize ws;
    int fd = fileno(p->out);
    if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0) {
        cols = ws.ws_col >= 20 && ws.ws_col <= 400 ? ws.ws_col : 0;
        rows = ws.ws_row >= 5 && ws.ws_row <= 1000 ? ws.ws_row : 0;
    }
    p->width = (cols ? cols : env_number("COLUMNS", 20, 400, 80)) - 1;
    p->height = rows ? rows : env_number("LINES", 5, 1000, 24);
}

/* ---- input ---- */

/* The countdown: wait up to ms for one key, any key, Enter or not. The
 * terminal stops collecting a line meanwhile (no ICANON, no echo), and what
 * was typed before it began is dropped: a half-typed answer left by someone
 * who walked away is not the next person's. 1 when a key came (it is read
 * and dropped) or a signal ended the wait; 0 when nobody pressed anything. */
static int plain_any_key(struct plain *p, int ms)
{
    int fd = fileno(p->in);
    struct termios old, raw;
    int raw_set = 0;
    if (tcgetattr(fd, &old) == 0) {
        raw = old;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcflush(fd, TCIFLUSH);
        raw_set = tcsetattr(fd, TCSANOW, &raw) == 0;
    }
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int got = poll(&pfd, 1, ui_wait_ms(ms)) != 0;
    if (got && raw_set) { /* the key and the rest of its escape sequence, dropped */
        char junk[64];
        while (poll(&pfd, 1, 0) > 0 && pfd.revents & POLLIN && read(fd, junk, sizeof junk) > 0)
            explicit_bzero(junk, sizeof junk);
    }
    if (raw_set)
        tcsetattr(fd, TCSANOW, &old);
    return got;
}

/* Kiosk mode: wait for input no longer than the idle time, then ask "still
 * there?" for the countdown, which any key ends (the prompt is then shown
 * again). 1 when input came; 0 when nobody answered: the patient's answers
 * are wiped and the session ends (a kiosk service starts the next one). */
static int plain_wait_input(struct plain *p)
{
    if (p->opts->mode != MODE_KIOSK || p->opts->idle_seconds <= 0 || !p->in_tty)
        return 1;
    struct pollfd pfd = {.fd = fileno(p->in), .events = POLLIN};
    if (poll(&pfd, 1, ui_wait_ms(p->opts->idle_seconds * 1000)) != 0)
        return 1;
    char line[256];
    /* No "touch the screen": a terminal without mouse reporting sends
     * nothing for a tap. */
    snprintf(line, sizeof line,
             ngettext("Press any key within %d second to go on.",
                      "Press any key within %d seconds to go on.", p->opts->countdown_seconds),
             p->opts->countdown_seconds);
    plain_write(p, "\n");
    plain_say(p, _("Are you still there?"));
    plain_say(p, line);
    fflush(p->out);
    if (plain_any_key(p, p->opts->countdown_seconds * 1000)) {
        if (p->prompt && !plain_stop) {
            plain_write(p, "\n");
            plain_write(p, p->prompt);
            fflush(p->out);
        }
        return 1;
    }
    visit_forget(&p->visit); /* answers and summary, zeroed */
    klog_event(p->opts->log, KLOG_IDLE_WIPE, NULL);
    plain_say(p, _("Your answers were erased for your privacy."));
    fflush(p->out);
    return 0;
}

const char *plain_read(struct plain *p)
{
    if (p->done || plain_stop || fflush(p->out) != 0 || !plain_wait_input(p)) {
        p->done = 1;
        return NULL;
    }
    if (!p->line) {
        p->line_cap = PLAIN_LINE_MAX + 1;
        p->line = protect_alloc(p->line_cap); /* one block, never moved: no stray copy */
        if (!p->line) {
            p->line_cap = 0;
            p->done = 1;
            return NULL;
        }
    }
    /* At most PLAIN_LINE_MAX bytes kept; the rest of the line is dropped. */
    ssize_t n = 0;
    size_t kept = 0;
    for (int c; (c = getc(p->in)) != EOF && !plain_stop;) {
        n++;
        if (c == '\n')
            break;
        if (kept < PLAIN_LINE_MAX)
            p->line[kept++] = (char)c;
    }
    p->line[kept] = '\0';
    if (n == 0)
        n = -1;
    p->printed = 0;
    plain_measure(p);
    if (n < 0 || plain_stop) {
        plain_write(p, "\n"); /* end the prompt's line */
        fflush(p->out);
        p->done = 1;
        return NULL;
    }
    /* Trim; control characters (an arrow key's escape sequence) go. */
    char *s = p->line, *w = p->line;
    for (char *r = s; *r; r++)
        if (!iscntrl((unsigned char)*r) || *r == '\t')
            *w++ = *r == '\t' ? ' ' : *r;
    *w = '\0';
    while (w > s && w[-1] == ' ')
        *--w = '\0';
    while (*s == ' ')
        s++;
    if (!p->in_tty) { /* nothing echoed the answer: show it after the prompt */
        plain_write(p, s);
        plain_write(p, "\n");
        p->printed = 0;
    }
    return s;
}

const char *plain_ask(struct plain *p, const char *prompt)
{
    /* A long prompt wraps like any text; its last line waits for the
     * answer, with a few cells left for it. */
    int room = p->width - PLAIN_ANSWER_ROOM;
    if ((int)text_width(prompt, strlen(prompt)) > room) {
        struct layout_opts o = plain_layout_opts(p, room);
        o.show_sources = 0;
        struct layout *L = layout_text(prompt, 0, &o);
        if (L && L->line_count > 1) {
            for (size_t i = 0; i + 1 < L->line_count; i++)
                plain_line(p, L, i, NULL);
            char *last = layout_line_string(L, L->line_count - 1);
            if (last) {
                plain_write(p, last);
                plain_write(p, " ");
                p->prompt = last;
                const char *s = plain_read(p);
                p->prompt = NULL;
                free(last);
                layout_free(L);
                return s;
            }
        }
        layout_free(L);
    }
    plain_write(p, prompt);
    p->prompt = prompt;
    const char *s = plain_read(p);
    p->prompt = NULL;
    return s;
}

int plain_number(const char *s, int count)
{
    if (!isdigit((unsigned char)*s))
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > count)
        return -1;
    return (int)v;
}

void plain_invalid(struct plain *p)
{
    plain_say(p, _("That is not one of the choices."));
}

/* ---- the pager ---- */

/* 1 when lines from..end of L are all blank. */
static int rest_is_blank(const struct layout *L, size_t from)
{
    for (size_t i = from; i < L->line_count; i++) {
        const char *t = layout_line_text(L, i);
        for (size_t k = 0; k < L->lines[i].text_len; k++)
            if (t[k] != ' ')
                return 0;
    }
    return 1;
}

int plain_pager(struct plain *p, const struct layout *L)
{
    size_t i = 0;
    while (i < L->line_count && !p->done) {
        /* What was printed since the last answer shares the first screen. */
        int room = p->height - 1 - p->printed;
        if (room < p->height / 2)
            room = p->height / 2;
        size_t end = i + (size_t)room;
        if (end > L->line_count)
            end = L->line_count;
        /* A heading never ends a screen: it goes with the text under it. */
        if (end < L->line_count && end > i + 2) {
            const struct layout_line *last = &L->lines[end - 1], *before = &L->lines[end - 2];
            if (last->heading)
                end--;
            else if (before->heading && before->block == last->block)
                end -= 2; /* the heading and its underline */
        }
        for (; i < end; i++)
            plain_line(p, L, i, NULL);
        if (rest_is_blank(L, i))
            break;
        for (;;) {
            const char *s = plain_ask(p, _("-- More: Enter for more, b back, q stop reading --"));
            if (!s)
                return -1;
            if (!*s)
                break;
            if (strcasecmp(s, "b") == 0 || strcasecmp(s, "q") == 0 || strcasecmp(s, "h") == 0)
                return 0;
            plain_say(p, _("Press Enter for more, or b to go back."));
        }
    }
    return p->done ? -1 : 1;
}

/* ---- pages and the home menu ---- */

int plain_page(struct plain *p, const char *key, int file, struct plain_links *links)
{
    if (links)
        *links = (struct plain_links){0};
    char err[512];
    size_t len;
    int fell_back = 0;
    char *text = file ? content_read_file(p->visit.content, key, &len, err, sizeof err)
                      : content_read_page(p->visit.content, key, &len, &fell_back, err, sizeof err);
    if (!text) {
        plain_say(p, err);
        return 0;
    }
    struct layout_opts o = plain_layout_opts(p, p->width);
    struct layout *L = layout_markdown(text, len, &o);
    free(text);
    if (!L) {
        plain_say(p, _("Not enough memory to show this page."));
        return 0;
    }
    plain_write(p, "\n");
    if (fell_back)
        plain_say(p, _("This page is not yet translated; it is shown in English."));
    int rc = plain_pager(p, L);
    if (rc == 1 && links)
        plain_links_collect(L, links);
    layout_free(L);
    return rc;
}

static void plain_home(struct plain *p)
{
    const struct content *c = p->visit.content;
    plain_write(p, "\n");
    plain_say(p, c->title ? c->title : "");
    if (p->show_intro) {
        struct layout_opts o = plain_layout_opts(p, p->width);
        struct layout *L = content_intro_layout(c, &o);
        for (size_t i = 0; L && i < L->line_count; i++)
            plain_line(p, L, i, NULL);
        layout_free(L);
        p->show_intro = 0;
        plain_write(p, "\n");
    }
    plain_say(p, _("Thinking about hurting yourself? Call or text 988. In danger, call 911."));
    plain_write(p, "\n");
    int count = (int)c->entry_count;
    for (int i = 0; i < count; i++) {
        char head[32], pad[32];
        int w = snprintf(head, sizeof head, "%*d. ", count > 9 ? 2 : 1, i + 1);
        snprintf(pad, sizeof pad, "%*s", w, "");
        struct layout_opts o = plain_layout_opts(p, p->width - w);
        struct layout *L = layout_text(c->entries[i].label, 0, &o);
        for (size_t l = 0; L && l < L->line_count; l++)
            plain_line(p, L, l, l == 0 ? head : pad);
        layout_free(L);
    }
    int kiosk = p->opts->mode == MODE_KIOSK, langs = p->language_count > 1;
    const char *prompt = kiosk ? (langs ? _("Choose a number (L language, ? help): ")
                                        : _("Choose a number (? help): "))
                               : (langs ? _("Choose a number (L language, ? help, q quit): ")
                                        : _("Choose a number (? help, q quit): "));
    for (;;) {
        const char *s = plain_ask(p, prompt);
        if (!s || !*s || strcasecmp(s, "h") == 0)
            return; /* Enter alone (or h) lists the menu again */
        int k = plain_number(s, count);
        if (k > 0) {
            const struct content_entry *e = &p->visit.content->entries[k - 1];
            int flow = strcmp(e->page, VISIT_FLOW_PAGE) == 0 ? plain_flow_ready(p) : 0;
            if (flow > 0) {
                plain_flow_open(p);
            } else if (flow == 0) {
                plain_links_read(p, e->page); /* then the menu again */
            }
            return;
        }
        if (plain_common_key(p, s))
            return;
        plain_invalid(p);
    }
}

/* ---- the session ---- */

struct plain_signals {
    struct sigaction hup, term, intr, quit, tstp, pipe;
    struct termios tty;
    int tty_saved;
};

static void plain_signals_start(struct plain *p, struct plain_signals *old)
{
    struct sigaction stop = {0}, ignore = {0};
    stop.sa_handler = plain_on_stop; /* no SA_RESTART: getline returns at once */
    sigemptyset(&stop.sa_mask);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    plain_stop = 0;
    sigaction(SIGHUP, &stop, &old->hup);
    sigaction(SIGTERM, &stop, &old->term);
    sigaction(SIGPIPE, &ignore, &old->pipe); /* a closed output is a write error */
    int kiosk = p->opts->mode == MODE_KIOSK;
    /* Nobody leaves the kiosk with Ctrl-C, Ctrl-\ or Ctrl-Z. */
    sigaction(SIGINT, kiosk ? &ignore : &stop, &old->intr);
    sigaction(SIGQUIT, kiosk ? &ignore : NULL, &old->quit);
    sigaction(SIGTSTP, kiosk ? &ignore : NULL, &old->tstp);
    old->tty_saved = 0;
    int fd = fileno(p->in);
    if (kiosk && fd >= 0 && isatty(fd) && tcgetattr(fd, &old->tty) == 0) {
        struct termios t = old->tty;
        t.c_cc[VEOF] = _POSIX_VDISABLE; /* nor with Ctrl-D */
        old->tty_saved = tcsetattr(fd, TCSANOW, &t) == 0;
    }
}

static void plain_signals_end(struct plain *p, const struct plain_signals *old)
{
    if (old->tty_saved)
        tcsetattr(fileno(p->in), TCSANOW, &old->tty);
    sigaction(SIGHUP, &old->hup, NULL);
    sigaction(SIGTERM, &old->term, NULL);
    sigaction(SIGPIPE, &old->pipe, NULL);
    sigaction(SIGINT, &old->intr, NULL);
    sigaction(SIGQUIT, &old->quit, NULL);
    sigaction(SIGTSTP, &old->tstp, NULL);
}

/* Everything this patient did, zeroed and freed; the session is over, so
 * the stdio buffers (what was typed and what was shown) are zeroed too. */
static void plain_forget(struct plain *p)
{
    visit_forget(&p->visit); /* answers and summary, zeroed */
    wipe_free(p->line, p->line_cap);
    p->line = NULL;
    p->line_cap = 0;
    fflush(p->out);
    for (int i = 0; i < 2; i++)
        if (p->stdio_buf[i])
            explicit_bzero(p->stdio_buf[i], PLAIN_STDIO_BYTES);
    wipe_stack();
    wipe_heap();
}

/* stdio's buffers for the patient's input and output, in the patient arena
 * so that plain_forget() can zero them. Only for the process's own stdin
 * and stdout, which outlive this session (stdout is flushed at exit), so the
 * buffers are never freed; other streams (a test's, a fuzzer's) are closed
 * by their caller and keep stdio's own buffers. */
static void plain_stdio_start(struct plain *p)
{
    FILE *streams[2] = {p->in, p->out};
    for (int i = 0; i < 2; i++) {
        if (streams[i] != (i ? stdout : stdin))
            continue;
        p->stdio_buf[i] = protect_alloc(PLAIN_STDIO_BYTES);
        if (p->stdio_buf[i] &&
            setvbuf(streams[i], p->stdio_buf[i], i ? _IOLBF : _IOFBF, PLAIN_STDIO_BYTES) != 0) {
            wipe_free(p->stdio_buf[i], PLAIN_STDIO_BYTES);
            p->stdio_buf[i] = NULL;
        }
    }
}

int plain_run(struct content **content, struct flow **flow, const struct ui_options *opts, FILE *in,
              FILE *out)
{
    int fd = fileno(in);
    struct plain p = {
        .opts = opts,
        .in = in,
        .out = out,
        .in_tty = fd >= 0 && isatty(fd),
        .screen = PLAIN_HOME,
        .show_intro = 1,
    };
    plain_measure(&p);
    visit_start(&p.visit, *content, *flow, NULL, &opts->visit); /* no flow: read on first use */
    plain_stdio_start(&p);
    struct content_language langs[PLAIN_MAX_LANGUAGES];
    p.language_count = ui_languages(opts, p.visit.content, langs, PLAIN_MAX_LANGUAGES);
    struct plain_signals old;
    plain_signals_start(&p, &old);
    int status = 0;
    if (opts->visit.file) {
        char err[512];
        size_t len;
        char *text = content_read_file(p.visit.content, opts->visit.file, &len, err, sizeof err);
        if (!text) {
            fprintf(stderr, "patient-kiosk: %s\n", err);
            status = 2;
        } else {
            free(text);
            plain_page(&p, opts->visit.file, 1, NULL);
        }
        p.done = 1;
    }
    while (!p.done) {
        switch (p.screen) {
        case PLAIN_HOME:
            plain_home(&p);
            break;
        case PLAIN_QUESTION:
            plain_question(&p);
            break;
        case PLAIN_SUMMARY:
            plain_summary(&p);
            break;
        }
    }
    fflush(out);
    plain_forget(&p);
    plain_signals_end(&p, &old);
    visit_end(&p.visit, content, flow);
    return status;
}
