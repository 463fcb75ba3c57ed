/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printout.c: the summary laid out for paper or as HTML, in one or two
 * languages. Every temporary copy of patient text is zeroed before it is
 * freed. */
#include "config.h"

#include "core/printout.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/print.h"
#include "core/text.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The printout as it is written: a patient buffer (core/buf.h), in the
 * patient arena and zeroed as it grows (open_memstream() would leave each
 * outgrown copy in freed memory). */
static ssize_t text_write(void *cookie, const char *buf, size_t n)
{
    struct buf *b = cookie;
    buf_add(b, buf, n);
    return b->failed ? -1 : (ssize_t)n;
}

/* A stream writing into b, unbuffered: stdio keeps no copy of its own. */
static FILE *text_open(struct buf *b)
{
    FILE *f = fopencookie(b, "w", (cookie_io_functions_t){.write = text_write});
    if (f)
        setvbuf(f, NULL, _IONBF, 0);
    return f;
}

/* The summary in the clinician's language, headings included, or NULL. */
static char *second_summary(const struct printout_request *r)
{
    if (!r->second_flow || !r->second_lang || (r->lang && strcmp(r->second_lang, r->lang) == 0))
        return NULL;
    i18n_set_language(r->second_lang);
    char *md = summary_build(r->second_flow, r->session, r->info);
    i18n_set_language(r->lang ? r->lang : "en");
    return md;
}

static int append_text(FILE *out, const char *md, const struct layout_opts *o)
{
    struct layout_opts po = *o;
    po.patient = 1;
    struct layout *L = layout_markdown(md, strlen(md), &po);
    int rc = L ? layout_print(L, out) : -1;
    layout_free(L); /* zeroes it */
    return rc;
}

static int append_html(FILE *out, const char *md)
{
    cmark_node *doc = markdown_parse(md, strlen(md));
    char *html = doc ? markdown_to_html(doc) : NULL;
    int rc = html && fputs(html, out) >= 0 ? 0 : -1;
    wipe_string(html);
    cmark_node_free(doc);
    return rc;
}

/* "Label: ____" filling the paper's width (at least 10, at most 40
 * underscores), escaped for Markdown, into a memstream. */
static void blank_line(FILE *out, const char *label, int width)
{
    int room = width - (int)text_width(label, strlen(label)) - 1;
    room = room < 10 ? 10 : room > 40 ? 40 : room;
    fprintf(out, "%s ", label);
    for (int i = 0; i < room; i++)
        fputs("\\_", out);
    fputs("\n\n", out);
}

/* The top of the printout, in the patient's language: the clinic's name
 * (when configured), then a Name and a Date of birth line to fill in by
 * hand, so the paper can be matched to its patient at the front desk. The
 * kiosk never asks for either. Malloc'd Markdown, or NULL. */
static char *header_md(const struct printout_request *r)
{
    char *md = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&md, &len);
    if (!out)
        return NULL;
    const char *clinic = r->info ? r->info->clinic_name : NULL;
    char *name = clinic && *clinic ? markdown_escape(clinic) : NULL;
    if (name)
        fprintf(out, "**%s**\n\n", name);
    free(name);
    int width = r->layout.width > 0 ? r->layout.width : 80;
    blank_line(out, _("Name:"), r->html ? 40 : width);
    blank_line(out, _("Date of birth:"), r->html ? 40 : width);
    if (fclose(out) != 0) {
        free(md);
        return NULL;
    }
    return md;
}

char *printout_build(const struct printout_request *r)
{
    char *second = second_summary(r);
    struct buf t = {.patient = 1};
    FILE *out = text_open(&t);
    int rc = out && r->summary_md ? 0 : -1;
    const char *parts[2] = {r->summary_md, second};
    char *head = header_md(r);
    if (!head)
        rc = -1;
    if (rc == 0 && r->html)
        fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">",
                r->lang && strspn(r->lang, "abcdefghijklmnopqrstuvwxyz_-") == strlen(r->lang)
                    ? r->lang
                    : "en");
    if (rc == 0 && r->html)
        fputs("<title>Summary</title>\n"
              "<style>body{font:12pt/1.5 sans-serif;max-width:40em;margin:2em auto}"
              "h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #999}"
              "hr{page-break-after:always;border:0}@media print{body{margin:0}}</style>\n"
              "</head><body>\n",
              out);
    if (rc == 0)
        rc = r->html ? append_html(out, head) : append_text(out, head, &r->layout);
    free(head);
    for (int i = 0; i < 2 && rc == 0; i++) {
        if (!parts[i])
            continue;
        if (i > 0)
            fputs(r->html ? "<hr>\n" : "\n\n", out);
        if (i > 0 && r->html && r->second_lang)
            fprintf(out, "<div lang=\"%s\">\n", r->second_lang);
        rc = r->html ? append_html(out, parts[i]) : append_text(out, parts[i], &r->layout);
        if (i > 0 && r->html && r->second_lang)
            fputs("</div>\n", out);
    }
    if (rc == 0 && r->html)
        fputs("</body></html>\n", out);
    wipe_string(second);
    if (!out || fclose(out) != 0 || rc < 0) {
        buf_wipe(&t);
        return NULL;
    }
    return buf_take(&t);
}

int printout_save(const struct printout_request *request, const char *folder, char *msg,
                  size_t msglen)
{
    char path[1024], err[512];
    int ok = 1;
    for (int html = 0; html < 2 && ok; html++) {
        struct printout_request r = *request;
        r.html = html;
        char *text = printout_build(&r);
        ok = text && save_text(folder, "summary", html ? "html" : "txt", text, strlen(text), path,
                               sizeof path, err, sizeof err) == 0;
        if (!text)
            snprintf(err, sizeof err, "%s", _("Not enough memory to save."));
        wipe_string(text);
    }
    if (ok) {
        /* The name only, never the server's folder: "summary-20261118-110640". */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        size_t n = strcspn(base, ".");
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)n, base);
        snprintf(msg, msglen,
                 _("Saved as %s (a web page and a text copy). Staff can find it by this name."),
                 name);
    } else
        snprintf(msg, msglen, "%s", err);
    return ok ? 0 : -1;
}
