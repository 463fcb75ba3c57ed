/* printout.c: the summary laid out for paper or as HTML, in one or two
 * languages. Every temporary copy of patient text is zeroed before it is
 * freed. */
#include "config.h"

#include "core/printout.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/print.h"
#include "core/protect.h"
#include "core/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The printout as it is written: in the patient arena, zeroed as it grows
 * (open_memstream() would leave each outgrown copy in freed memory). */
struct patient_text {
    char *s;
    size_t len, cap;
};

static ssize_t text_write(void *cookie, const char *buf, size_t n)
{
    struct patient_text *t = cookie;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *s = protect_alloc(cap);
        if (!s)
            return -1;
        if (t->s) {
            memcpy(s, t->s, t->len);
            wipe_free(t->s, t->cap);
        }
        t->s = s;
        t->cap = cap;
    }
    memcpy(t->s + t->len, buf, n);
    t->len += n;
    t->s[t->len] = '\0';
    return (ssize_t)n;
}

/* A stream writing into t, unbuffered: stdio keeps no copy of its own. */
static FILE *text_open(struct patient_text *t)
{
    FILE *f = fopencookie(t, "w", (cookie_io_functions_t){.write = text_write});
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

char *printout_build(const struct printout_request *r)
{
    char *second = second_summary(r);
    struct patient_text t = {0};
    FILE *out = text_open(&t);
    int rc = out && r->summary_md ? 0 : -1;
    const char *parts[2] = {r->summary_md, second};
    if (rc == 0 && r->html)
        fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Summary</title>\n"
              "<style>body{font:12pt/1.5 sans-serif;max-width:40em;margin:2em auto}"
              "h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #999}"
              "hr{page-break-after:always;border:0}@media print{body{margin:0}}</style>\n"
              "</head><body>\n",
              out);
    for (int i = 0; i < 2 && rc == 0; i++) {
        if (!parts[i])
            continue;
        if (i > 0)
            fputs(r->html ? "<hr>\n" : "\n\n", out);
        rc = r->html ? append_html(out, parts[i]) : append_text(out, parts[i], &r->layout);
    }
    if (rc == 0 && r->html)
        fputs("</body></html>\n", out);
    wipe_string(second);
    if (!out || fclose(out) != 0 || rc < 0 || !t.s) {
        wipe_free(t.s, t.cap);
        return NULL;
    }
    return t.s;
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
    if (ok)
        snprintf(msg, msglen, _("Saved as %s (and a .txt copy)."), path);
    else
        snprintf(msg, msglen, "%s", err);
    return ok ? 0 : -1;
}
