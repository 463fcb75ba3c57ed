/* screen_language.c: choose the language, each shown by its own name. The
 * key L opens it from any screen; the patient's answers are kept. */
#include "config.h"

#include "tui/screens.h"
#include "tui/term.h"
#include "core/i18n.h"

#include <ncurses.h>
#include <stdio.h>
#include <string.h>

static const char *language_label(struct ui *ui, size_t i)
{
    return ui->languages[i].name;
}

void language_draw(struct ui *ui)
{
    /* Every language's name is in its own words, so anyone can find theirs. */
    ui_draw_chrome(ui, "Language / Idioma / 语言", _("Enter choose  Esc back"), NULL);
    menu_draw(&ui->language_menu, 2, ui_body_rows() - 1, language_label, ui);
}

void language_key(struct ui *ui, int key)
{
    switch (menu_key(&ui->language_menu, key, ui_body_rows() - 1, 2, ui)) {
    case 2: {
        const char *code = ui->languages[ui->language_menu.selected].code;
        if (strcmp(code, ui->visit.content->lang) == 0 || ui_switch_language(ui, code) == 0) {
            if (ui->language_return == SCREEN_STAFF) /* staff set it for new patients */
                snprintf(ui->default_lang, sizeof ui->default_lang, "%s", code);
            ui->screen = ui->language_return;
        }
        return;
    }
    case 1:
        return;
    }
    if (ui_is_back_key(key))
        ui->screen = ui->language_return;
}
