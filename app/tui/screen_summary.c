/* screen_summary.c: the summary for the clinician, drawn by the same layout
 * as the pages; print it (the configured command, never a shell) or save it. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/print.h"
#include "core/printout.h"
#include "core/summary.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void summary_forget(struct ui *ui)
{
    if (ui->summary_md) {
        explicit_bzero(ui->summary_md, strlen(ui->summary_md));
        free(ui->summary_md);
        ui->summary_md = NULL;
    }
    if (ui->summary && ui->summary->text)
        explicit_bzero(ui->summary->text, ui->summary->text_len);
    layout_free(ui->summary);
    ui->summary = NULL;
}

static struct summary_info info(const struct ui *ui)
{
    return (struct summary_info){
        .clinic_name = ui->opts->clinic_name,
        .clinic_phone = ui->opts->clinic_phone,
        .content_version = content_var(ui->content, "content-version"),
        .last_reviewed = content_var(ui->content, "last-reviewed"),
        .show_reasons = ui->opts->mode == MODE_TRAINING,
    };
}

/* The summary laid out at the screen's width, built on first need. */
static struct layout *summary_layout(struct ui *ui)
{
    if (!ui->summary_md) {
        struct summary_info si = info(ui);
        ui->summary_md = summary_build(ui->flow, ui->session, &si);
        if (!ui->summary_md)
            return NULL;
    }
    if (!ui->summary || ui->summary_width != ui_text_width()) {
        if (ui->summary && ui->summary->text)
            explicit_bzero(ui->summary->text, ui->summary->text_len);
        layout_free(ui->summary);
        struct layout_opts o = {
            .width = ui_text_width(), .ascii = ui->opts->ascii, .lang = ui->content->lang};
        ui->summary = layout_markdown(ui->summary_md, strlen(ui->summary_md), &o);
        ui->summary_width = ui_text_width();
    }
    return ui->summary;
}

int ui_print(struct ui *ui, const char *text)
{
    if (!ui->opts->print_argv) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Printing is not set up here."));
        return -1;
    }
    /* Printing may take a few seconds: say so before it starts. */
    term_fill(LINES - 1, 0, term_attr(ROLE_FOOTER));
    term_text(LINES - 1, 1, _("Printing, please wait..."), COLS - 2, term_attr(ROLE_FOOTER));
    refresh();
    char err[512];
    if (print_text(ui->opts->print_argv, text, strlen(text), err, sizeof err) < 0) {
        klog_event(ui->opts->log, KLOG_PRINT_FAILED, err);
        snprintf(ui->notice, sizeof ui->notice, "%s %s", err,
                 _("Your summary is still here; you can try again or ask the front desk."));
        return -1;
    }
    klog_event(ui->opts->log, KLOG_PRINT_SENT, NULL);
    snprintf(ui->notice, sizeof ui->notice, "%s",
             _("Sent to the printer. Please collect it at the front desk."));
    return 0;
}

/* What the printout is made of: this summary, on paper width cells wide. */
static struct printout_request request(const struct ui *ui, const struct summary_info *si,
                                       int width)
{
    return (struct printout_request){
        .summary_md = ui->summary_md,
        .session = ui->session,
        .info = si,
        .second_flow = ui->second_flow,
        .second_lang = ui->opts->second_lang,
        .lang = ui->content->lang,
        .layout = {.width = width, .ascii = ui->opts->ascii, .lang = ui->content->lang},
    };
}

/* The printout as text for paper. Malloc'd (caller zeroes and frees) or NULL. */
static char *printout(struct ui *ui, int width)
{
    struct summary_info si = info(ui);
    struct printout_request r = request(ui, &si, width);
    return printout_build(&r);
}

static void print_summary(struct ui *ui)
{
    char *text = printout(ui, ui->opts->print_width > 0 ? ui->opts->print_width : 80);
    if (!text) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to print."));
        return;
    }
    if (ui_print(ui, text) == 0) {
        /* Kept a few minutes for a staff reprint, then zeroed. */
        if (ui->last_print) {
            explicit_bzero(ui->last_print, strlen(ui->last_print));
            free(ui->last_print);
        }
        ui->last_print = strdup(text);
        ui->last_print_at = ui_now_ms();
    }
    explicit_bzero(text, strlen(text));
    free(text);
}

/* Save as text and as HTML in the configured folder. */
static void save_summary(struct ui *ui)
{
    struct summary_info si = info(ui);
    struct printout_request r = request(ui, &si, 80);
    printout_save(&r, ui->opts->save_dir, ui->notice, sizeof ui->notice);
}

void summary_draw(struct ui *ui)
{
    struct layout *L = summary_layout(ui);
    if (!L) {
        snprintf(ui->notice, sizeof ui->notice, "%s", _("Not enough memory to show the summary."));
    } else {
        int rows = ui_body_rows();
        for (int r = 0; r < rows && ui->summary_top + (size_t)r < L->line_count; r++)
            term_draw_line(L, ui->summary_top + (size_t)r, 1 + r, 1, ui_text_width(), NULL);
    }
    /* A message too long for the footer (a printer failure and what to do
     * about it) is shown whole, wrapped, over the bottom of the summary. */
    char notice[sizeof ui->notice];
    snprintf(notice, sizeof notice, "%s", ui->notice);
    if (notice[0] && (int)text_width(notice, strlen(notice)) > COLS - 2) {
        char *md = summary_escape(notice);
        struct layout_opts lo = {
            .width = COLS - 4, .ascii = ui->opts->ascii, .lang = ui->content->lang};
        struct layout *box = md ? layout_markdown(md, strlen(md), &lo) : NULL;
        int rows = ui_body_rows();
        if (box && (int)box->line_count + 2 <= rows) {
            int y = 1 + rows - (int)box->line_count - 2;
            for (int r = 0; r < (int)box->line_count + 2; r++)
                term_fill(y + r, 0, term_attr(ROLE_FOOTER));
            for (size_t i = 0; i < box->line_count; i++) {
                char *line = layout_line_string(box, i);
                if (line)
                    term_text(y + 1 + (int)i, 2, line, COLS - 4, term_attr(ROLE_FOOTER));
                free(line);
            }
            ui->notice[0] = '\0'; /* the footer shows the keys meanwhile */
        }
        layout_free(box);
        free(md);
    }
    const char *hints = ui->opts->print_argv && ui->opts->save_dir
                            ? _("p print  s save  Backspace change answers  Esc home")
                        : ui->opts->print_argv ? _("p print  Backspace change answers  Esc home")
                        : ui->opts->save_dir   ? _("s save  Backspace change answers  Esc home")
                                               : _("Backspace change answers  Esc home");
    ui_draw_chrome(ui, _("Your summary for the clinician"), hints, NULL);
    snprintf(ui->notice, sizeof ui->notice, "%s", notice);
    move(1, 1);
}

void summary_key(struct ui *ui, int key)
{
    if (ui_scroll_key(ui, summary_layout(ui), &ui->summary_top, key))
        return;
    switch (key) {
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case KEY_LEFT:
        if (flow_back(ui->session) == 0) {
            summary_forget(ui); /* answers may change: build it again later */
            ui->choice = 0;
            ui->question_top = 0;
            ui->screen = SCREEN_QUESTION;
        }
        break;
    case 27:
    case 'h':
        ui->screen = SCREEN_HOME;
        break;
    case 'p':
    case 'P':
        if (ui->opts->print_argv && summary_layout(ui))
            print_summary(ui);
        break;
    case 's':
    case 'S':
        if (ui->opts->save_dir && summary_layout(ui))
            save_summary(ui);
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}
