/* SPDX-License-Identifier: GPL-3.0-or-later */
/* qr.c: the take-home code (qr.h): the summary's items in its own order,
 * as many whole ones as fit, encoded by libqrencode. */
#include "config.h"

#include "core/qr.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/markdown.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

/* One line of the code's text: a heading or a list item. */
struct unit {
    char *text;
    int is_item;
};

struct units {
    struct unit *u;
    size_t n, cap;
    int failed;
};

static void units_add(struct units *us, char *text, int is_item)
{
    if (!text) {
        us->failed = 1;
        return;
    }
    if (us->n == us->cap) {
        size_t cap = us->cap ? us->cap * 2 : 16;
        struct unit *u = realloc(us->u, cap * sizeof *u);
        if (!u) {
            explicit_bzero(text, strlen(text));
            free(text);
            us->failed = 1;
            return;
        }
        us->u = u;
        us->cap = cap;
    }
    us->u[us->n++] = (struct unit){text, is_item};
}

static void units_free(struct units *us)
{
    for (size_t i = 0; i < us->n; i++) {
        explicit_bzero(us->u[i].text, strlen(us->u[i].text));
        free(us->u[i].text);
    }
    free(us->u);
}

/* The summary's title, section headings and list items, in order; not the
 * date (room is short), the answers (the patient's, and long) nor the
 * footer. */
static void collect(cmark_node *doc, struct units *us)
{
    const char *skip = _("Your answers");
    int skipping = 0;
    for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
        cmark_node_type t = cmark_node_get_type(b);
        if (t == CMARK_NODE_HEADING) {
            char *h = markdown_plain_text(b);
            skipping = h && strcmp(h, skip) == 0;
            if (skipping)
                free(h);
            else
                units_add(us, h, 0);
        } else if (t == CMARK_NODE_LIST && !skipping) {
            for (cmark_node *it = cmark_node_first_child(b); it; it = cmark_node_next(it))
                units_add(us, markdown_plain_text(it), 1);
        }
    }
}

/* The text of the first n units (a heading with none of its items after
 * it is left out), and more when units were left out. */
static char *compose(const struct units *us, size_t n, const char *more)
{
    struct buf b = {0};
    buf_add(&b, "", 0);
    for (size_t i = 0; i < n; i++) {
        int lone_heading = !us->u[i].is_item && i > 0 && (i + 1 >= n || !us->u[i + 1].is_item);
        if (lone_heading)
            continue;
        if (!us->u[i].is_item && i > 0)
            buf_str(&b, "\n");
        buf_printf(&b, "%s%s\n", us->u[i].is_item ? "- " : "", us->u[i].text);
    }
    if (n < us->n && more)
        buf_printf(&b, "\n%s\n", more);
    return buf_take(&b);
}

static QRcode *encode(const char *text)
{
    return QRcode_encodeString8bit(text, 0, QR_ECLEVEL_L);
}

static void wipe_code(QRcode *c)
{
    if (c) {
        explicit_bzero(c->data, (size_t)c->width * (size_t)c->width);
        QRcode_free(c);
    }
}

struct qr *qr_takehome(const char *summary_md, int max_modules, const char *more)
{
    cmark_node *doc = markdown_parse(summary_md, strlen(summary_md));
    if (!doc)
        return NULL;
    struct units us = {0};
    collect(doc, &us);
    cmark_node_free(doc);
    struct qr *qr = NULL;
    QRcode *best = NULL;
    char *best_text = NULL;
    size_t best_n = 0, fixed = 0;
    if (us.n && !us.u[0].is_item)
        fixed = 1; /* the title: in every code */
    for (size_t n = fixed; n <= us.n && !us.failed; n++) {
        if (n < us.n && n > fixed && !us.u[n - 1].is_item)
            continue; /* never end on a heading */
        char *text = compose(&us, n, more);
        QRcode *c = text ? encode(text) : NULL;
        if (!c || c->width + 2 * QR_QUIET > max_modules) {
            wipe_code(c);
            if (text) {
                explicit_bzero(text, strlen(text));
                free(text);
            }
            break; /* a longer text will not fit either */
        }
        wipe_code(best);
        if (best_text) {
            explicit_bzero(best_text, strlen(best_text));
            free(best_text);
        }
        best = c;
        best_text = text;
        best_n = n;
    }
    if (best) {
        qr = calloc(1, sizeof *qr);
        unsigned char *dark = qr ? malloc((size_t)best->width * (size_t)best->width) : NULL;
        if (dark) {
            qr->width = best->width;
            qr->dark = dark;
            for (size_t i = 0; i < (size_t)best->width * (size_t)best->width; i++)
                dark[i] = best->data[i] & 1;
            qr->text = best_text;
            best_text = NULL;
            for (size_t i = 0; i < us.n; i++)
                qr->items_total += (size_t)us.u[i].is_item;
            for (size_t i = 0; i < best_n; i++)
                qr->items += (size_t)us.u[i].is_item;
        } else {
            free(qr);
            qr = NULL;
        }
    }
    wipe_code(best);
    if (best_text) {
        explicit_bzero(best_text, strlen(best_text));
        free(best_text);
    }
    units_free(&us);
    return qr;
}

char *qr_takehome_text(const char *summary_md)
{
    cmark_node *doc = markdown_parse(summary_md, strlen(summary_md));
    if (!doc)
        return NULL;
    struct units us = {0};
    collect(doc, &us);
    cmark_node_free(doc);
    char *text = us.failed || !us.n ? NULL : compose(&us, us.n, NULL);
    units_free(&us);
    return text;
}

void qr_free(struct qr *qr)
{
    if (!qr)
        return;
    explicit_bzero(qr->dark, (size_t)qr->width * (size_t)qr->width);
    free(qr->dark);
    if (qr->text) {
        explicit_bzero(qr->text, strlen(qr->text));
        free(qr->text);
    }
    free(qr);
}

/* Module (x, y) of the code with its quiet zone. */
static int dark_at(const struct qr *qr, int x, int y)
{
    x -= QR_QUIET;
    y -= QR_QUIET;
    return x >= 0 && y >= 0 && x < qr->width && y < qr->width && qr->dark[y * qr->width + x];
}

int qr_draw_rows(const struct qr *qr, int ascii)
{
    int side = qr->width + 2 * QR_QUIET;
    return ascii ? side : (side + 1) / 2;
}

int qr_draw_cols(const struct qr *qr, int ascii)
{
    int side = qr->width + 2 * QR_QUIET;
    return ascii ? 2 * side : side;
}

char *qr_draw(const struct qr *qr, int ascii)
{
    static const char *const half[4] = {" ", "\xe2\x96\x84", "\xe2\x96\x80", "\xe2\x96\x88"};
    int side = qr->width + 2 * QR_QUIET;
    struct buf b = {0};
    buf_add(&b, "", 0);
    for (int y = 0; y < side; y += ascii ? 1 : 2) {
        for (int x = 0; x < side; x++)
            buf_str(&b, ascii ? (dark_at(qr, x, y) ? "##" : "  ")
                              : half[dark_at(qr, x, y) * 2 + dark_at(qr, x, y + 1)]);
        buf_str(&b, "\n");
    }
    return buf_take(&b);
}

int qr_fit(int rows, int cols)
{
    int by_rows = rows * 2;
    return by_rows < cols ? by_rows : cols;
}
