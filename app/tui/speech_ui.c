/* SPDX-License-Identifier: GPL-3.0-or-later */
/* speech_ui.c: "Read aloud" on the page, question, urgent and summary
 * screens (--speech): the buttons at the right of the title bar and their
 * keys (r read or pause, x stop, - slower, + faster, Esc stops first), the
 * sentence being spoken highlighted (its word underlined) and kept on
 * screen, and the reader's news taken between keys. What is read is the
 * screen's own layout (core/speech_text.h); the reading runs in a process of
 * its own (core/speech.h). */
#include "config.h"

#include "tui/screens.h"
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
        fprintf(stderr, "%s: %s\n", PACKAGE,
                _("read aloud is off: this is an SSH session, so the sound would play on the "
                  "server"));
        return NULL;
    }
    if (speech_probe(&opts->speech_opts, why, sizeof why) < 0) {
        fprintf(stderr, _("%s: read aloud is off: %s\n"), PACKAGE, why);
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

/* The one layout a page, urgent page or summary shows, its first row on
 * screen and how many rows it has. 0, or -1 on other screens. */
static int single_view(struct ui *ui, struct layout **L, size_t **top, int *rows)
{
    switch (ui->screen) {
    case SCREEN_PAGE:
        *L = ui->page.layout;
        *top = &ui->page.top;
        *rows = ui_body_rows();
        break;
    case SCREEN_SUMMARY:
        *L = ui->summary;
        *top = &ui->summary_top;
        *rows = ui_body_rows();
        break;
    case SCREEN_URGENT:
        *L = ui->urgent.layout;
        *top = &ui->urgent.top;
        *rows = ui_body_rows() - 1; /* the buttons' row under it */
        break;
    default:
        return -1;
    }
    return *L ? 0 : -1;
}

static int readable(const struct ui *ui)
{
    return ui->screen == SCREEN_PAGE || ui->screen == SCREEN_SUMMARY ||
           ui->screen == SCREEN_URGENT || ui->screen == SCREEN_QUESTION;
}

static const void *current_source(struct ui *ui)
{
    if (ui->screen == SCREEN_QUESTION)
        return ui->qview;
    struct layout *L;
    size_t *top;
    int rows;
    return single_view(ui, &L, &top, &rows) == 0 ? L : NULL;
}

/* Where line `line` of the layout tagged tag is drawn: 0 with *y, *x and
 * *L, or -1 when it is not on screen. */
static int where(struct ui *ui, int tag, size_t line, int *y, int *x, const struct layout **out)
{
    if (ui->screen == SCREEN_QUESTION)
        return question_speech_where(ui, tag, line, y, x, out);
    struct layout *L;
    size_t *top;
    int rows;
    if (single_view(ui, &L, &top, &rows) < 0 || line < *top || line >= *top + (size_t)rows)
        return -1;
    *y = 1 + (int)(line - *top);
    *x = 1;
    *out = L;
    return 0;
}

/* Bring the sentence being read into view (once per sentence, so the
 * patient may still scroll while it is spoken). */
static void reveal(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    size_t i = speech_sentence_at(s->sp);
    if (i == s->revealed || i >= s->script->count)
        return;
    s->revealed = i;
    const struct speech_sentence *st = &s->script->sentences[i];
    if (!st->piece_count)
        return;
    const struct speech_piece *first = &s->script->pieces[st->piece_off];
    const struct speech_piece *last = first + st->piece_count - 1;
    if (ui->screen == SCREEN_QUESTION) {
        question_speech_reveal(ui, last->tag, last->line);
        question_speech_reveal(ui, first->tag, first->line);
        return;
    }
    struct layout *L;
    size_t *top;
    int rows;
    if (single_view(ui, &L, &top, &rows) < 0)
        return;
    if (first->line >= *top && last->line < *top + (size_t)rows)
        return;
    size_t max = L->line_count > (size_t)rows ? L->line_count - (size_t)rows : 0;
    size_t want = first->line;
    /* The whole sentence when it fits, a line of what came before it. */
    if (want > 0 && last->line - first->line + 2 <= (size_t)rows)
        want--;
    *top = want > max ? max : want;
}

static void start(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    ui_speech_stop(ui);
    size_t first = 0;
    if (ui->screen == SCREEN_QUESTION) {
        s->script = question_speech_script(ui);
    } else {
        struct layout *L;
        size_t *top;
        int rows;
        if (single_view(ui, &L, &top, &rows) < 0)
            return;
        if (ui->screen == SCREEN_PAGE)
            ui_layout_more(ui, L, SIZE_MAX); /* the whole page, from where the reader is */
        s->script = speech_script_new(ui->visit.content->lang);
        if (s->script && speech_script_add(s->script, L, 0, NULL) < 0) {
            speech_script_free(s->script);
            s->script = NULL;
        }
        if (s->script) {
            first = speech_script_find(s->script, 0, *top);
            if (first >= s->script->count)
                first = 0;
        }
    }
    if (!s->script) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to read aloud."));
        return;
    }
    if (s->script->count == 0) {
        ui_speech_stop(ui);
        return;
    }
    char err[512];
    s->sp = speech_start(s->script, first, s->rate, &s->opts, err, sizeof err);
    if (!s->sp) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Reading aloud could not start."));
        ui_speech_stop(ui);
        return;
    }
    s->screen = ui->screen;
    s->source = current_source(ui);
    s->question = visit_question(&ui->visit);
    s->revealed = (size_t)-1;
    reveal(ui);
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

static void act(struct ui *ui, enum action a)
{
    struct ui_speech *s = ui->speech;
    switch (a) {
    case ACT_READ:
        if (!s->sp)
            start(ui);
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

int ui_speech_key(struct ui *ui, int key)
{
    struct ui_speech *s = ui->speech;
    if (!s || !readable(ui))
        return 0;
    if (key == KEY_MOUSE && ui->mouse.y == 0 && !ui->mouse.wheel) {
        for (int i = 0; i < s->count; i++)
            if (ui->mouse.x >= s->x[i] && ui->mouse.x < s->x[i] + s->w[i]) {
                act(ui, s->act[i]);
                return 1;
            }
        return 0;
    }
    switch (key) {
    case 'r':
    case 'R':
        act(ui, ACT_READ);
        return 1;
    case 'x':
    case 'X':
        act(ui, ACT_STOP);
        return 1;
    case '-':
        act(ui, ACT_SLOWER);
        return 1;
    case '+':
    case '=':
        act(ui, ACT_FASTER);
        return 1;
    case 27:
        if (!s->sp)
            return 0;
        act(ui, ACT_STOP); /* Esc stops the reading before it goes back */
        return 1;
    }
    return 0;
}

void ui_speech_sync(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    if (!s || !s->sp)
        return;
    /* Another screen, page, question, language or width: what was read is
     * no longer what is shown. */
    if (ui->screen != s->screen || current_source(ui) != s->source ||
        (ui->screen == SCREEN_QUESTION && visit_question(&ui->visit) != s->question))
        ui_speech_stop(ui);
}

int ui_speech_wait(struct ui *ui, int ms, long long *last_input)
{
    struct ui_speech *s = ui->speech;
    int fd = s ? speech_fd(s->sp) : -1;
    if (fd < 0)
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
        reveal(ui);
        *last_input = ui_now_ms(); /* someone listening is not idle */
    }
    return 1;
}

static void highlight(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    if (!s->sp || speech_sentence_at(s->sp) >= s->script->count)
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
        if (where(ui, p->tag, p->line, &y, &x, &L) < 0 || p->line >= L->line_count)
            continue;
        const char *t = layout_line_text(L, p->line);
        int cx = x + (int)text_width(t, p->line_off);
        int w = (int)text_width(t + p->line_off, p->len);
        if (cx >= COLS - 1)
            continue;
        mvchgat(y, cx, w, a, pair, NULL);
        /* The word, underlined within the sentence. */
        if (word && woff < p->text_off + p->len && woff + wlen > p->text_off) {
            uint32_t from = woff > p->text_off ? woff - p->text_off : 0;
            uint32_t to = woff + wlen - p->text_off < p->len ? woff + wlen - p->text_off : p->len;
            int wx = cx + (int)text_width(t + p->line_off, from);
            mvchgat(y, wx, (int)text_width(t + p->line_off + from, to - from),
                    a | A_UNDERLINE | A_BOLD, pair, NULL);
        }
    }
}

void ui_speech_draw(struct ui *ui)
{
    struct ui_speech *s = ui->speech;
    if (!s)
        return;
    s->count = 0;
    if (!readable(ui) || COLS < MIN_COLS || LINES < MIN_LINES)
        return;
    int cy, cx;
    getyx(stdscr, cy, cx); /* the screen's cursor stays where it put it */
    highlight(ui);
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
    while (n > 1 && total > COLS * 3 / 5) {
        n--;
        total -= widths[n] + 1;
    }
    int x = COLS - total;
    if (x < 1) {
        move(cy, cx);
        return;
    }
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
    move(cy, cx);
}
