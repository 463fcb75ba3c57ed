/* ui.c: the main loop, the chrome every screen shares (title bar, crisis
 * line, key hints), the layout cache, menus and the one-line prompt. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

int ui_body_rows(void)
{
    return LINES - 3;
}

int ui_text_width(void)
{
    return COLS - 2;
}

/* ---- layout cache: a page is parsed and laid out once per width ---- */

int ui_layout_more(struct ui *ui, struct layout *L, size_t lines)
{
    if (!L || layout_complete(L))
        return 1;
    int done = layout_more(L, lines);
    if (done < 0)
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show this page."));
#ifdef __GLIBC__
    /* The parse tree is gone: give its pages back, so many sessions on one
     * host each keep only their laid-out lines (docs/PERFORMANCE.md). */
    if (done != 0)
        malloc_trim(0);
#endif
    return done;
}

/* The open page if it is not laid out in full, else any cached page that
 * is not, else NULL. */
static struct layout *pending_layout(const struct ui *ui)
{
    if (ui->page.layout && !layout_complete(ui->page.layout))
        return ui->page.layout;
    for (size_t i = 0; i < CACHE_SIZE; i++)
        if (ui->cache[i].layout && !layout_complete(ui->cache[i].layout))
            return ui->cache[i].layout;
    return NULL;
}

int ui_layout_pending(const struct ui *ui)
{
    return pending_layout(ui) != NULL;
}

int ui_layout_step(struct ui *ui)
{
    struct layout *L = pending_layout(ui);
    if (!L)
        return 0;
    /* A few hundred lines: a millisecond or two, so a key never waits long. */
    ui_layout_more(ui, L, L->line_count + LAYOUT_STEP_LINES);
    return 1;
}

struct layout *ui_layout(struct ui *ui, const char *key)
{
    int width = ui_text_width();
    struct cached_layout *slot = &ui->cache[0];
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        struct cached_layout *c = &ui->cache[i];
        if (c->key && c->width == width && strcmp(c->key, key) == 0) {
            c->used = ++ui->tick;
            return c->layout;
        }
        if (!c->key || c->used < slot->used)
            slot = c;
    }
    char err[512];
    size_t len;
    int fell_back = 0;
    char *text;
    int q = strncmp(key, QUESTION_KEY, strlen(QUESTION_KEY)) == 0 && ui->flow
                ? flow_find(ui->flow, key + strlen(QUESTION_KEY))
                : -1;
    if (q >= 0) { /* training: a question described for staff */
        text = flow_question_document(ui->flow, q);
        len = text ? strlen(text) : 0;
        snprintf(err, sizeof err, "%s", _("Not enough memory to show this page."));
    } else if (ui->opts->file) {
        text = content_read_file(ui->content, key, &len, err, sizeof err);
    } else {
        text = content_read_page(ui->content, key, &len, &fell_back, err, sizeof err);
    }
    if (!text) {
        snprintf(ui->notice, sizeof ui->notice, "%s", err);
        return NULL;
    }
    struct layout_opts opts = {.width = width,
                               .ascii = ui->opts->ascii,
                               .show_sources = ui->opts->mode == MODE_TRAINING,
                               .lang = ui->content->lang};
    struct layout *L = layout_start(text, len, &opts);
    free(text);
    if (!L) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show this page."));
        return NULL;
    }
    /* A page of ordinary length is laid out whole (a few milliseconds), so
     * its position shows its length at once. Of a long one two screens now,
     * the rest between keys (ui_layout_step()) or when a key needs it
     * (ui_layout_more()). */
    ui_layout_more(ui, L, len <= WHOLE_PAGE_BYTES ? SIZE_MAX : 2 * (size_t)LINES);
    if (fell_back)
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("This page is not yet translated; it is shown in English."));
    char *copy = strdup(key);
    if (!copy) {
        layout_free(L);
        return NULL;
    }
    if (ui->page.layout == slot->layout)
        ui->page.layout = NULL; /* evicting the open page: it is re-fetched below */
    free(slot->key);
    layout_free(slot->layout);
    *slot = (struct cached_layout){copy, width, L, ++ui->tick};
    return L;
}

void ui_cache_clear(struct ui *ui)
{
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        free(ui->cache[i].key);
        layout_free(ui->cache[i].layout);
        ui->cache[i] = (struct cached_layout){0};
    }
}

int ui_open_page(struct ui *ui, const char *key, const char *title)
{
    struct layout *L = ui_layout(ui, key);
    if (!L)
        return -1;
    char *k = strdup(key), *t = strdup(title);
    if (!k || !t) {
        free(k);
        free(t);
        return -1;
    }
    free(ui->page.key);
    free(ui->page.title);
    ui->page = (struct page_view){.key = k, .title = t, .layout = L, .top = 0};
    ui->screen = SCREEN_PAGE;
    return 0;
}

/* ---- chrome ---- */

void ui_draw_chrome(struct ui *ui, const char *title, const char *hints, const char *position)
{
    (void)ui;
    term_fill(0, 0, term_attr(ROLE_TITLE));
    term_text(0, 1, title, COLS - 2, term_attr(ROLE_TITLE));

    int crisis_row = LINES - 2;
    term_fill(crisis_row, 0, term_attr(ROLE_CRISIS));
    /* The long crisis line when it fits whole, in any language; else the short one. */
    const char *crisis =
        _("Thinking about hurting yourself? Call or text 988. In danger, call 911.");
    if ((int)text_width(crisis, strlen(crisis)) > COLS - 2)
        crisis = _("Crisis: call or text 988. Danger: 911.");
    term_text(crisis_row, 1, crisis, COLS - 2, term_attr(ROLE_CRISIS));

    int footer = LINES - 1;
    term_fill(footer, 0, term_attr(ROLE_FOOTER));
    const char *left = ui->notice[0] ? ui->notice : hints;
    int pos_w = position ? (int)text_width(position, strlen(position)) : 0;
    int room = COLS - 2 - (pos_w ? pos_w + 2 : 0);
    term_text(footer, 1, left, room > 0 ? room : 0, term_attr(ROLE_FOOTER));
    if (pos_w && pos_w < COLS - 2)
        term_text(footer, COLS - 1 - pos_w, position, pos_w, term_attr(ROLE_FOOTER));
}

void ui_draw_too_small(void)
{
    erase();
    const char *lines[] = {_("Please make the window larger."),
                           _("This screen needs at least 40 columns and 12 rows.")};
    for (int i = 0; i < 2 && i < LINES; i++)
        term_text(i, 0, lines[i], COLS, A_BOLD);
    if (LINES > 3)
        term_text(3, 0, _("Crisis: call or text 988."), COLS, A_BOLD);
    refresh();
}

void ui_draw_too_large(void)
{
    erase();
    char size[128];
    snprintf(size, sizeof size, _("This screen can use at most %d columns and %d rows."),
             TERM_MAX_COLS, TERM_MAX_LINES);
    const char *lines[] = {_("The window is too large. Please make it smaller."), size};
    for (int i = 0; i < 2 && i < LINES; i++)
        term_text(i, 0, lines[i], COLS, A_BOLD);
    if (LINES > 3)
        term_text(3, 0, _("Crisis: call or text 988."), COLS, A_BOLD);
    refresh();
}

/* ---- menus ---- */

/* Rows each menu entry takes: three with --large-targets. */
static int entry_height(const struct ui *ui)
{
    return ui->opts->large ? 3 : 1;
}

void menu_draw(struct menu *m, int y, int rows, const char *(*label)(struct ui *, size_t),
               struct ui *ui)
{
    int h = entry_height(ui), fit = rows / h > 0 ? rows / h : 1;
    if (m->selected >= m->count)
        m->selected = m->count ? m->count - 1 : 0;
    if (m->selected < m->top)
        m->top = m->selected;
    if (m->selected >= m->top + (size_t)fit)
        m->top = m->selected - (size_t)fit + 1;
    int cursor_y = y;
    for (int r = 0; r < fit && m->top + (size_t)r < m->count; r++) {
        size_t i = m->top + (size_t)r;
        int row = y + r * h + h / 2;
        char num[16];
        if (i < 9)
            snprintf(num, sizeof num, " %zu. ", i + 1);
        else
            snprintf(num, sizeof num, "    ");
        int sel = i == m->selected;
        int attr = sel ? term_attr(ROLE_SELECT) : (int)A_NORMAL;
        if (sel) {
            for (int k = 0; k < h; k++)
                term_fill(y + r * h + k, 1, attr); /* the whole target lights up */
            cursor_y = row;
        }
        /* The focus is marked with text too, not only by colour. */
        term_text(row, 1, sel ? ">" : " ", 1, attr);
        int x = 2 + term_text(row, 2, num, 5, attr);
        term_text(row, x, label(ui, i), COLS - x - 1, attr);
    }
    move(cursor_y, 1); /* screen readers follow the cursor */
}

int menu_key(struct menu *m, int key, int rows, int y, const struct ui *ui)
{
    const struct ui_mouse *mouse = &ui->mouse;
    int h = entry_height(ui);
    if (m->count == 0)
        return 0;
    switch (key) {
    case KEY_UP:
    case 'k':
        if (m->selected > 0)
            m->selected--;
        return 1;
    case KEY_DOWN:
    case 'j':
        if (m->selected + 1 < m->count)
            m->selected++;
        return 1;
    case KEY_HOME:
    case 'g':
        m->selected = 0;
        return 1;
    case KEY_END:
    case 'G':
        m->selected = m->count - 1;
        return 1;
    case KEY_PPAGE: {
        size_t page = (size_t)(rows / h > 0 ? rows / h : 1);
        m->selected = m->selected > page ? m->selected - page : 0;
        return 1;
    }
    case KEY_NPAGE: {
        size_t page = (size_t)(rows / h > 0 ? rows / h : 1);
        m->selected = m->selected + page < m->count ? m->selected + page : m->count - 1;
        return 1;
    }
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_RIGHT:
        return 2;
    case KEY_MOUSE: {
        if (mouse->wheel)
            return menu_key(m, mouse->wheel < 0 ? KEY_UP : KEY_DOWN, rows, y, ui);
        if (mouse->y < y || mouse->y >= y + rows)
            return 0;
        size_t row = m->top + (size_t)((mouse->y - y) / h);
        if (row >= m->count)
            return 0;
        m->selected = row; /* a touch anywhere on the entry chooses it */
        return 2;
    }
    default:
        if (key >= '1' && key <= '9' && (size_t)(key - '1') < m->count) {
            m->selected = (size_t)(key - '1');
            return 2;
        }
        return 0;
    }
}

int ui_is_back_key(int key)
{
    return key == 27 || key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_LEFT;
}

/* ---- scrolling ---- */

int ui_scroll_key(struct ui *ui, struct layout *L, size_t *top, int key)
{
    long rows = ui_body_rows(), t = (long)*top;
    int to_end = 0;
    switch (key) {
    case KEY_UP:
    case 'k':
        t--;
        break;
    case KEY_DOWN:
    case 'j':
    case '\n':
    case '\r':
    case KEY_ENTER:
        t++;
        break;
    case KEY_NPAGE:
    case ' ':
        t += rows - 1;
        break;
    case KEY_PPAGE:
    case 'b':
        t -= rows - 1;
        break;
    case KEY_HOME:
    case 'g':
        t = 0;
        break;
    case KEY_END:
    case 'G':
        to_end = 1;
        break;
    case KEY_MOUSE:
        if (!ui->mouse.wheel)
            return 0;
        t += 3 * ui->mouse.wheel;
        break;
    default:
        return 0;
    }
    /* A page still being laid out gets the lines this move shows, and a
     * screen more, before the move is clamped to its length. */
    if (t < 0)
        t = 0;
    ui_layout_more(ui, L, to_end ? SIZE_MAX : (size_t)(t + 2 * rows));
    long n = L ? (long)L->line_count : 0, max = n > rows ? n - rows : 0;
    if (to_end)
        t = max;
    *top = (size_t)(t > max ? max : t);
    return 1;
}

/* ---- prompt ---- */

/* Remove the last character (all its bytes) from buf. */
static void prompt_erase(char *buf, size_t *len)
{
    if (*len == 0)
        return;
    while (*len > 0 && ((unsigned char)buf[*len - 1] & 0xC0) == 0x80)
        (*len)--;
    if (*len > 0)
        (*len)--;
    buf[*len] = '\0';
}

int ui_prompt(struct ui *ui, const char *label, char *buf, size_t size)
{
    (void)ui;
    size_t len = strlen(buf), np = 0, need = 0;
    char pend[4];
    curs_set(1);
    for (;;) {
        int row = LINES - 1;
        term_fill(row, 0, term_attr(ROLE_FOOTER));
        int x = 1 + term_text(row, 1, label, COLS / 2, term_attr(ROLE_FOOTER));
        term_text(row, x, buf, COLS - x - 1, term_attr(ROLE_FOOTER));
        move(row, x + (int)text_width(buf, len));
        refresh();
        /* Bytes, not get_wch(): an invalid UTF-8 byte must not make
         * ncurses wait for more (it swallowed Esc and 143 more keys). A
         * character is gathered here; a byte that cannot continue it drops
         * what was gathered and counts on its own. */
        int key = getch();
        if (key == ERR && term_resized())
            continue; /* drawn again at the new size */
        if (key == ERR)
            return 0; /* idle timeout, or the input's end: the caller sees which */
        if (key >= KEY_MIN) {
            np = 0;
            if (key == KEY_BACKSPACE)
                prompt_erase(buf, &len);
            else if (key == KEY_ENTER)
                return len > 0;
            continue;
        }
        unsigned char b = (unsigned char)key;
        if (np > 0 && (b & 0xC0) == 0x80) {
            pend[np++] = (char)b;
            if (np < need)
                continue;
            wchar_t wc;
            if (text_decode(pend, np, &wc) == np && wc != 0xFFFD && !text_is_control(wc) &&
                len + np < size) {
                memcpy(buf + len, pend, np);
                len += np;
                buf[len] = '\0';
            }
            np = 0;
            continue;
        }
        np = 0;
        if (b >= 0xC2 && b <= 0xF4) {
            pend[np++] = (char)b;
            need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            continue;
        }
        if (b >= 0x80)
            continue; /* a stray continuation byte, or one never valid in UTF-8 */
        if (b == 27)  /* Esc */
            return 0;
        if (b == '\n' || b == '\r')
            return len > 0;
        if (b == 127 || b == 8) {
            prompt_erase(buf, &len);
            continue;
        }
        if (b < 32)
            continue;
        if (len + 1 < size) {
            buf[len++] = (char)b;
            buf[len] = '\0';
        }
    }
}

size_t ui_languages(const struct ui_options *opts, const char *root, struct content_language *out,
                    size_t max)
{
    /* A single-file preview offers no language (only the kiosk's staff menu could). */
    if (opts->file && opts->mode != MODE_KIOSK)
        return 0;
    size_t n = content_languages(root, out, max), kept = 0;
    for (size_t i = 0; i < n; i++) {
        int offered = !opts->languages;
        for (size_t j = 0; !offered && j < opts->language_count; j++)
            offered = strcmp(out[i].code, opts->languages[j]) == 0;
        if (offered)
            out[kept++] = out[i];
    }
    return kept;
}

int ui_flow_ready(struct ui *ui)
{
    if (!ui->flow_read && !ui->opts->file) {
        char err[sizeof ui->notice - 64]; /* room for the second_language prefix */
        int loaded = flow_load_flows(ui->content, ui->opts->second_lang, &ui->flow,
                                     &ui->second_flow, err, sizeof err);
        if (loaded == -2)
            snprintf(ui->notice, sizeof ui->notice, "second_language %s: %s", ui->opts->second_lang,
                     err);
        else if (loaded < 0)
            snprintf(ui->notice, sizeof ui->notice, "%s", err);
        if (loaded < 0)
            return -1;
        ui->flow_read = 1;
    }
    return ui->flow ? 1 : 0;
}

int ui_switch_language(struct ui *ui, const char *code)
{
    char err[1024];
    struct content *c = content_open(ui->content->root, code, err, sizeof err);
    struct flow *f = NULL;
    /* Questions not read yet are read in the new language on first use. */
    if (c && ui->flow_read && flow_load_content(c, &f, err, sizeof err) < 0) {
        content_close(c);
        c = NULL;
    }
    if (!c) {
        snprintf(ui->notice, sizeof ui->notice, "%s", err);
        return -1;
    }
    /* Answers are kept by question id and choice, so they carry over; a
     * language with no question flow cannot take them. */
    if (ui->session && (!f || flow_session_set_flow(ui->session, f) < 0)) {
        snprintf(ui->notice, sizeof ui->notice, "%s",
                 _("The questions differ in that language; run patient-kiosk --check."));
        flow_free(f);
        content_close(c);
        return -1;
    }
    for (size_t i = 0; i < ui->content->var_count; i++) {
        const char *name = ui->content->vars[i].name;
        if (strncmp(name, "clinic-", 7) == 0)
            content_set_var(c, name, ui->content->vars[i].value);
    }
    i18n_set_language(code);
    ui_cache_clear(ui);
    question_forget(ui);
    layout_free(ui->intro);
    ui->intro = NULL;
    summary_forget(ui);
    content_close(ui->content);
    flow_free(ui->flow);
    ui->content = c;
    ui->flow = f;
    ui->home.count = c->entry_count;
    if (ui->page.key) {
        /* Reopen the page being read, titled as this language's menu says. */
        for (size_t i = 0; i < c->entry_count; i++)
            if (strcmp(c->entries[i].page, ui->page.key) == 0) {
                free(ui->page.title);
                ui->page.title = strdup(c->entries[i].label);
            }
        ui->page.layout = ui_layout(ui, ui->page.key);
        if (ui->page.top >= (ui->page.layout ? ui->page.layout->line_count : 0))
            ui->page.top = 0;
    }
    return 0;
}
