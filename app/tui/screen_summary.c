/* screen_summary.c: the summary for the clinician, drawn by the same layout
 * as the pages; print it (the configured command, never a shell) or save it. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/text.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void summary_forget(struct ui *ui)
{
    visit_summary_forget(&ui->visit);
    if (ui->summary && ui->summary->text)
        explicit_bzero(ui->summary->text, ui->summary->text_len);
    layout_free(ui->summary);
    ui->summary = NULL;
}

/* The summary laid out at the screen's width, built on first need. */
static struct layout *summary_layout(struct ui *ui)
{
    const char *md = visit_summary(&ui->visit);
    if (!md)
        return NULL;
    if (!ui->summary || ui->summary_width != ui_text_width()) {
        if (ui->summary && ui->summary->text)
            explicit_bzero(ui->summary->text, ui->summary->text_len);
        layout_free(ui->summary);
        struct layout_opts o = visit_layout_opts(&ui->visit, ui_text_width());
        o.show_sources = 0;
        ui->summary = layout_markdown(md, strlen(md), &o);
        ui->summary_width = ui_text_width();
    }
    return ui->summary;
}

/* Say "Printing, please wait..." in the footer: printing may take a few
 * seconds. */
static void say_printing(void)
{
    term_fill(LINES - 1, 0, term_attr(ROLE_FOOTER));
    term_text(LINES - 1, 1, _("Printing, please wait..."), COLS - 2, term_attr(ROLE_FOOTER));
    refresh();
}

int ui_print(struct ui *ui, const char *text)
{
    if (ui->opts->visit.print_argv)
        say_printing();
    return visit_print_text(&ui->visit, text, ui->notice, sizeof ui->notice);
}

static void print_summary(struct ui *ui)
{
    char *copy = NULL;
    say_printing();
    if (visit_print(&ui->visit, &copy, ui->notice, sizeof ui->notice) == 0) {
        /* Kept a few minutes for a staff reprint, then zeroed. */
        if (ui->last_print) {
            explicit_bzero(ui->last_print, strlen(ui->last_print));
            free(ui->last_print);
        }
        ui->last_print = copy;
        ui->last_print_at = ui_now_ms();
    }
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
        char *md = markdown_escape(notice);
        struct layout_opts lo = {
            .width = COLS - 4, .ascii = ui->opts->visit.ascii, .lang = ui->visit.content->lang};
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
    const char *hints = ui->opts->visit.print_argv && ui->opts->visit.save_dir
                            ? _("p print  s save  Backspace change answers  Esc home")
                        : ui->opts->visit.print_argv
                            ? _("p print  Backspace change answers  Esc home")
                        : ui->opts->visit.save_dir ? _("s save  Backspace change answers  Esc home")
                                                   : _("Backspace change answers  Esc home");
    char all[512];
    snprintf(all, sizeof all, "%s  %s", hints, _("t take home  a my questions"));
    ui_draw_chrome(ui, _("Your summary for the clinician"), all, NULL);
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
        if (visit_back(&ui->visit) == 0) {
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
        if (ui->opts->visit.print_argv && summary_layout(ui))
            print_summary(ui);
        break;
    case 's':
    case 'S':
        if (ui->opts->visit.save_dir && summary_layout(ui))
            visit_save(&ui->visit, ui->notice, sizeof ui->notice);
        break;
    case 't':
    case 'T':
        takehome_open(ui);
        break;
    case 'a':
    case 'A':
        if (ui->visit.flow && flow_topic_count(ui->visit.flow))
            ask_open(ui);
        break;
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}
