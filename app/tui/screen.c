/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen.c: the table of screens and their states (screen.h). */
#include "config.h"

#include "tui/screen.h"
#include "core/wipe.h"

#include <stdlib.h>

const struct screen_ops *const screen_table[SCREEN_COUNT] = {
    [SCREEN_HOME] = &screen_home,         [SCREEN_PAGE] = &screen_page,
    [SCREEN_TOC] = &screen_page_toc,      [SCREEN_RESULTS] = &screen_home_results,
    [SCREEN_HELP] = &screen_help,         [SCREEN_QUESTION] = &screen_question,
    [SCREEN_URGENT] = &screen_urgent,     [SCREEN_SUMMARY] = &screen_summary,
    [SCREEN_LANGUAGE] = &screen_language, [SCREEN_ATTRACT] = &screen_kiosk_attract,
    [SCREEN_IDLE] = &screen_kiosk_idle,   [SCREEN_STAFF] = &screen_kiosk_staff,
    [SCREEN_CONTENTS] = &screen_contents, [SCREEN_ASK] = &screen_ask,
    [SCREEN_TAKEHOME] = &screen_takehome, [SCREEN_TEACHBACK] = &screen_teachback,
};

int screen_start(struct ui *ui)
{
    for (size_t i = 0; i < SCREEN_COUNT; i++) {
        size_t size = screen_table[i]->state_size;
        if (size && !(ui->state[i] = calloc(1, size)))
            return -1;
    }
    return 0;
}

void screen_forget(struct ui *ui, enum screen_forget what)
{
    for (size_t i = 0; i < SCREEN_COUNT; i++)
        if (screen_table[i]->forget && (ui->state[i] || !screen_table[i]->state_size))
            screen_table[i]->forget(ui, what);
    if (what != FORGET_ALL)
        return;
    for (size_t i = 0; i < SCREEN_COUNT; i++) {
        wipe_free(ui->state[i], screen_table[i]->state_size); /* zeroed: a PIN, a page shown */
        ui->state[i] = NULL;
    }
}
