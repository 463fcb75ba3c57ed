/* SPDX-License-Identifier: GPL-3.0-or-later */
/* takehome_copy.c: copy and print the take-home text on the patient's own
 * terminal (takehome_copy.h). Every copy of the text is wiped once written. */
#include "config.h"

#include "tui/takehome_copy.h"
#include "tui/term.h"
#include "core/i18n.h"
#include "core/qr.h"
#include "core/termcaps.h"
#include "core/termcopy.h"
#include "core/text.h"
#include "core/wipe.h"

#include <ncurses.h>
#include <string.h>

enum { GAP = 3 };

static int offered(const struct ui *ui, int caps)
{
    return ui->opts->mode != MODE_KIOSK && (ui->termcaps & caps) != 0;
}

int takehome_copy_shown(const struct ui *ui)
{
    return offered(ui, TERMCAPS_CLIPBOARD | TERMCAPS_PRINTER);
}

static const char *copy_label(void)
{
    return _("[c] Copy to my clipboard");
}

static const char *print_label(void)
{
    return _("[p] Print on my own printer");
}

/* Where each button is on its row: the first cell and the cells it takes;
 * a choice not offered takes none. */
struct buttons {
    int copy_x, copy_w, print_x, print_w;
};

static struct buttons place(const struct ui *ui)
{
    struct buttons b = {1, 0, 1, 0};
    if (offered(ui, TERMCAPS_CLIPBOARD)) {
        b.copy_w = (int)text_width(copy_label(), strlen(copy_label()));
        b.print_x = b.copy_x + b.copy_w + GAP;
    }
    if (offered(ui, TERMCAPS_PRINTER))
        b.print_w = (int)text_width(print_label(), strlen(print_label()));
    return b;
}

void takehome_copy_draw(const struct ui *ui, int y, struct screen_size sz)
{
    struct buttons b = place(ui);
    int attr = term_attr(ROLE_SELECT);
    if (b.copy_w && b.copy_x < sz.cols - 1)
        term_text(y, b.copy_x, copy_label(), sz.cols - 1 - b.copy_x, attr);
    if (b.print_w && b.print_x < sz.cols - 1)
        term_text(y, b.print_x, print_label(), sz.cols - 1 - b.print_x, attr);
}

int takehome_copy_hit(const struct ui *ui, int x, int y, int row)
{
    if (y != row || !takehome_copy_shown(ui))
        return 0;
    struct buttons b = place(ui);
    if (b.copy_w && x >= b.copy_x && x < b.copy_x + b.copy_w)
        return 'c';
    if (b.print_w && x >= b.print_x && x < b.print_x + b.print_w)
        return 'p';
    return 0;
}

const char *takehome_copy_key(struct ui *ui, int key)
{
    int copy = key == 'c' || key == 'C', print = key == 'p' || key == 'P';
    if ((!copy || !offered(ui, TERMCAPS_CLIPBOARD)) && (!print || !offered(ui, TERMCAPS_PRINTER)))
        return NULL;
    const char *md = visit_summary(&ui->visit);
    char *text = md ? qr_takehome_text(md) : NULL;
    char *payload = text ? (copy ? termcopy_osc52(text) : termcopy_media(text)) : NULL;
    wipe_string(text);
    int sent = payload && term_write_raw(payload, strlen(payload)) == 0;
    wipe_string(payload);
    if (!sent)
        return _("It could not be sent. Use the code, or print or save the summary.");
    return copy ? _("Copied to your own clipboard. Paste it into a note or a message.")
                : _("Sent to your own printer. If nothing prints, check your terminal's "
                    "printer.");
}
