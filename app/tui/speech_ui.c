/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_ui.c: "Read aloud" on the page, question, urgent and summary
 * screens (--speech): the buttons at the right of the title bar and their
 * keys (r read or pause, x stop, - slower, + faster, Esc stops first), the
 * sentence being spoken highlighted (its word underlined) and kept on
 * screen, and the reader's news taken between keys. What is read is the
 * screen's own layout (core/speech_text.h); the reading runs in a process of
 * its own (core/speech.h). */
#include "config.h"

#include "tui/screen.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <errno.h>
#include <ncurses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum action { ACT_READ, ACT_STOP, ACT_SLOWER, ACT_FASTER };
enum { MAX_BUTTONS = 4 };

struct ui_speech {
    struct speech_options opts;
    struct speech *sp; /* the reading under way, or NULL */
    struct speech_script *script;
    enum screen_id screen; /* what is being read */
    const void *source;
    int question;
    int rate;
    size_t revealed; /* the sentence last brought into view */
    int count;       /* buttons drawn, for taps */
    int x[MAX_BUTTONS], w[MAX_BUTTONS];
    enum action act[MAX_BUTTONS];
};

struct ui_speech *ui_speech_new(const struct ui_options *opts)
{
    if (!opts->speech)
        return NULL;
    char why[512];
    const char *ssh = getenv("SSH_CONNECTION");
    if (ssh && *ssh) {
        klog_event(opts->log, KLOG_SPEECH_OFF,
                   "this is an SSH session, so the sound would play on the server");
        return NULL;
    }
    if (speech_probe(&opts->speech_opts, why, sizeof why) < 0) {
        klog_event(opts->log, KLOG_SPEECH_OFF, why);
        return NULL;
    }
    struct ui_speech *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->opts = opts->speech_opts;
    s->rate = SPEECH_RATE_DEFAULT;
    return s;
}

void ui_speech_stop(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    if (!s)
        return;
    speech_stop(s->sp);
    s->sp = NULL;
    speech_script_free(s->script);
    s->script = NULL;
}

void ui_speech_free(struct ui *ui)
{
    ui_speech_stop(ui);
    free(ui->speech);
    ui->speech = NULL;
}

/* What the screen now shown has to read: 0 and *t, or -1. */
static int shown_text(struct ui *ui, struct screen_size sz, struct screen_text *t)
{
    const struct screen_ops *ops = screen_table[ui->screen];
    return ops->text ? ops->text(ui, sz, t) : -1;
}

/* Where line `line` of the layout tagged tag is drawn: 0 with *y, *x and
 * *L, or -1 when it is not on screen. */
static int where(const struct screen_text *t, int tag, size_t line, int *y, int *x,
                 const struct layout **L)
{
    if (tag < 0 || (size_t)tag >= t->count || !t->layout[tag])
        return -1;
    long row = t->row[tag] + (long)line - (long)*t->top;
    if (row < 0 || row >= t->rows)
        return -1;
    *y = 1 + (int)row;
    *x = t->x[tag];
    *L = t->layout[tag];
    return 0;
}

/* Bring the sentence being read into view (once per sentence, so the
 * patient may still scroll while it is spoken). */
static void reveal(struct ui *ui, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    struct screen_text t;
    size_t i = speech_sentence_at(s->sp);
    if (i == s->revealed || i >= s->script->count || shown_text(ui, sz, &t) < 0)
        return;
    s->revealed = i;
    const struct speech_sentence *st = &s->script->sentences[i];
    if (!st->piece_count)
        return;
    const struct speech_piece *p0 = &s->script->pieces[st->piece_off];
    const struct speech_piece *p1 = p0 + st->piece_count - 1;
    if ((size_t)p0->tag >= t.count || (size_t)p1->tag >= t.count)
        return;
    size_t first = (size_t)t.row[p0->tag] + p0->line, last = (size_t)t.row[p1->tag] + p1->line;
    size_t rows = (size_t)t.rows;
    if (first >= *t.top && last < *t.top + rows)
        return;
    size_t max = t.total > rows ? t.total - rows : 0;
    /* The whole sentence when it fits, with a line of what came before it. */
    size_t want = first > 0 && last - first + 2 <= rows ? first - 1 : first;
    *t.top = want > max ? max : want;
}

static void start(struct ui *ui, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    ui_speech_stop(ui);
    struct screen_text t;
    if (shown_text(ui, sz, &t) < 0)
        return;
    s->script = speech_script_new(ui->visit.content->lang);
    for (size_t i = 0; s->script && i < t.count; i++)
        if (t.layout[i] && speech_script_add(s->script, t.layout[i], (int)i,
                                             t.prefix[i][0] ? t.prefix[i] : NULL) < 0) {
            speech_script_free(s->script);
            s->script = NULL;
        }
    if (!s->script) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to read aloud."));
        return;
    }
    /* From the first sentence on screen. */
    size_t first = s->script->count;
    for (size_t i = 0; i < t.count && first == s->script->count; i++)
        if (t.layout[i]) {
            size_t line = *t.top > (size_t)t.row[i] ? *t.top - (size_t)t.row[i] : 0;
            first = speech_script_find(s->script, (int)i, line);
        }
    if (first >= s->script->count)
        first = 0;
    if (s->script->count == 0) {
        ui_speech_stop(ui);
        return;
    }
    char err[512];
    s->sp = speech_start(s->script, first, s->rate, &s->opts, err, sizeof err);
    if (!s->sp) {
        klog_event(ui->opts->log, KLOG_SPEECH_OFF, err);
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Reading aloud could not start."));
        ui_speech_stop(ui);
        return;
    }
    s->screen = ui->screen;
    s->source = t.source;
    s->question = visit_question(&ui->visit);
    s->revealed = (size_t)-1;
    reveal(ui, sz);
}

static void set_rate(struct ui *ui, int delta)
{
    struct ui_speech *s = ui->speech;
    int rate = s->rate + delta;
    s->rate = rate < SPEECH_RATE_MIN   ? SPEECH_RATE_MIN
              : rate > SPEECH_RATE_MAX ? SPEECH_RATE_MAX
                                       : rate;
    speech_set_rate(s->sp, s->rate);
    snprintf(ui->notice, sizeof ui->notice, _("Reading speed: %d words a minute"), s->rate);
}

static void act(struct ui *ui, enum action a, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    switch (a) {
    case ACT_READ:
        if (!s->sp)
            start(ui, sz);
        else
            speech_pause(s->sp, !speech_paused(s->sp));
        break;
    case ACT_STOP:
        ui_speech_stop(ui);
        break;
    case ACT_SLOWER:
        set_rate(ui, -SPEECH_RATE_STEP);
        break;
    case ACT_FASTER:
        set_rate(ui, SPEECH_RATE_STEP);
        break;
    }
}

static int readable(const struct ui *ui)
{
    return screen_table[ui->screen]->text != NULL;
}

int ui_speech_key(struct ui *ui, int key, const struct ui_mouse *m, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    if (!s || !readable(ui))
        return 0;
    if (m) {
        if (m->y != 0 || m->wheel)
            return 0;
        for (int i = 0; i < s->count; i++)
            if (m->x >= s->x[i] && m->x < s->x[i] + s->w[i]) {
                act(ui, s->act[i], sz);
                return 1;
            }
        return 0;
    }
    switch (key) {
    case 'r':
    case 'R':
        act(ui, ACT_READ, sz);
        return 1;
    case 'x':
    case 'X':
        act(ui, ACT_STOP, sz);
        return 1;
    case '-':
        act(ui, ACT_SLOWER, sz);
        return 1;
    case '+':
    case '=':
        act(ui, ACT_FASTER, sz);
        return 1;
    case 27:
        if (!s->sp)
            return 0;
        act(ui, ACT_STOP, sz); /* Esc stops the reading before it goes back */
        return 1;
    }
    return 0;
}

void ui_speech_sync(struct ui *ui, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    if (!s || !s->sp)
        return;
    /* Another screen, page, question, language or width: what was read is
     * no longer what is shown. */
    struct screen_text t;
    if (ui->screen != s->screen || shown_text(ui, sz, &t) < 0 || t.source != s->source ||
        (ui->screen == SCREEN_QUESTION && visit_question(&ui->visit) != s->question))
        ui_speech_stop(ui);
}

int ui_speech_wait(struct ui *ui, int ms, long long *last_input, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    int fd = s ? speech_fd(s->sp) : -1;
    if (fd < 0)
        return 0;
    /* A key curses already holds (pushed back by the key decoder) comes first. */
    timeout(0);
    wint_t ch;
    int kind = get_wch(&ch);
    if (kind == KEY_CODE_YES)
        ungetch((int)ch);
    else if (kind == OK)
        unget_wch((wchar_t)ch);
    if (kind != ERR)
        return 0;
    struct pollfd p[2] = {{.fd = 0, .events = POLLIN}, {.fd = fd, .events = POLLIN}};
    int r = poll(p, 2, ms);
    if (r < 0)
        return errno == EINTR ? -1 : 0;
    if (r == 0)
        return -1; /* the wait is over: no need to wait again for a key */
    if (!p[1].revents)
        return 0; /* a key */
    int news = speech_read(s->sp);
    if (news < 0) {
        if (speech_failed(s->sp))
            snprintf(ui->notice, sizeof ui->notice, "%s",
                     _("Reading aloud stopped: the sound could not be played."));
        ui_speech_stop(ui);
    } else if (news > 0) {
        reveal(ui, sz);
        *last_input = ui_now_ms(); /* someone listening is not idle */
    }
    return 1;
}

static void highlight(struct ui *ui, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    struct screen_text t;
    if (!s->sp || speech_sentence_at(s->sp) >= s->script->count || shown_text(ui, sz, &t) < 0)
        return;
    const struct speech_sentence *st = &s->script->sentences[speech_sentence_at(s->sp)];
    uint32_t woff = 0, wlen = 0;
    int word = speech_word_at(s->sp, &woff, &wlen) == 0;
    attr_t a = (attr_t)term_attr(ROLE_MATCH);
    short pair = (short)PAIR_NUMBER(a);
    a &= ~A_COLOR;
    for (size_t k = 0; k < st->piece_count; k++) {
        const struct speech_piece *p = &s->script->pieces[st->piece_off + k];
        int y, x;
        const struct layout *L;
        if (where(&t, p->tag, p->line, &y, &x, &L) < 0 || p->line >= L->line_count)
            continue;
        const char *text = layout_line_text(L, p->line);
        int cx = x + (int)text_width(text, p->line_off);
        int w = (int)text_width(text + p->line_off, p->len);
        if (cx >= sz.cols - 1)
            continue;
        mvchgat(y, cx, w, a, pair, NULL);
        /* The word, underlined within the sentence. */
        if (word && woff < p->text_off + p->len && woff + wlen > p->text_off) {
            uint32_t from = woff > p->text_off ? woff - p->text_off : 0;
            uint32_t to = woff + wlen - p->text_off < p->len ? woff + wlen - p->text_off : p->len;
            int wx = cx + (int)text_width(text + p->line_off, from);
            mvchgat(y, wx, (int)text_width(text + p->line_off + from, to - from),
                    a | A_UNDERLINE | A_BOLD, pair, NULL);
        }
    }
}

void ui_speech_draw(struct ui *ui, struct screen_size sz)
{
    struct ui_speech *s = ui->speech;
    if (!s)
        return;
    s->count = 0;
    if (!readable(ui))
        return;
    int cy, cx;
    getyx(stdscr, cy, cx); /* the screen's cursor stays where it put it */
    highlight(ui, sz);
    char label[MAX_BUTTONS][96];
    enum action acts[MAX_BUTTONS];
    int n = 0;
    if (!s->sp) {
        snprintf(label[n], sizeof label[n], "[r %s]", _("Read aloud"));
        acts[n++] = ACT_READ;
    } else {
        snprintf(label[n], sizeof label[n], "[r %s]",
                 speech_paused(s->sp) ? _("Go on") : _("Pause"));
        acts[n++] = ACT_READ;
        snprintf(label[n], sizeof label[n], "[x %s]", _("Stop"));
        acts[n++] = ACT_STOP;
        snprintf(label[n], sizeof label[n], "[- %s]", _("Slower"));
        acts[n++] = ACT_SLOWER;
        snprintf(label[n], sizeof label[n], "[+ %s]", _("Faster"));
        acts[n++] = ACT_FASTER;
    }
    /* Right to left from the edge; on a narrow screen the speed buttons
     * give way (their keys still work) so the title keeps two fifths. */
    int widths[MAX_BUTTONS], total = 0;
    for (int i = 0; i < n; i++) {
        widths[i] = (int)text_width(label[i], strlen(label[i]));
        total += widths[i] + 1;
    }
    while (n > 1 && total > sz.cols * 3 / 5) {
        n--;
        total -= widths[n] + 1;
    }
    int x = sz.cols - total;
    if (x >= 1) {
        mvaddch(0, x - 1, ' ' | (chtype)term_attr(ROLE_TITLE));
        int attr = term_attr(ROLE_SELECT);
        for (int i = 0; i < n; i++) {
            term_text(0, x, label[i], widths[i], attr);
            s->x[i] = x;
            s->w[i] = widths[i];
            s->act[i] = acts[i];
            x += widths[i] + 1;
        }
        s->count = n;
    }
    move(cy, cx);
}
