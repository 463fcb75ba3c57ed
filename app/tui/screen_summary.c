/* screen_summary.c: the summary for the clinician, drawn by the same layout
 * as the pages; print it (the configured command, never a shell) or save it. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/summary.h"

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
        struct layout_opts o = {.width = ui_text_width(), .ascii = ui->opts->ascii,
                                .lang = ui->content->lang};
        ui->summary = layout_markdown(ui->summary_md, strlen(ui->summary_md), &o);
        ui->summary_width = ui_text_width();
    }
    return ui->summary;
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
    const char *hints = ui->opts->print_argv
                            ? _("p print  Backspace change answers  Esc home")
                            : _("Backspace change answers  Esc home");
    ui_draw_chrome(ui, _("Your summary for the clinician"), hints, NULL);
    move(1, 1);
}

void summary_key(struct ui *ui, int key)
{
    if (ui_scroll_key(summary_layout(ui), &ui->summary_top, key, &ui->mouse))
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
    case 'q':
    case 'Q':
        ui->quit = 1;
        break;
    }
}
