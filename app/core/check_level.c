/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_level.c: the reading level of one page for `--check` (check.h): its
 * prose measured (readability.h), one row of the table, and a warning (or with
 * --strict an error) when it is over the limit. */
#include "config.h"

#include "core/check.h"
#include "core/check_internal.h"
#include "core/markdown.h"
#include "core/readability.h"

#include <stdlib.h>
#include <string.h>

/* Plain text of the page's prose, one block per paragraph, heading, item or cell. */
static void collect_prose(cmark_node *node, char **buf, size_t *len, size_t *cap)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || markdown_is_table_cell(n)) {
            char *text = markdown_plain_text(n);
            size_t tl = text ? strlen(text) : 0;
            if (*len + tl + 3 > *cap) {
                size_t c = (*len + tl + 3) * 2;
                char *bigger = realloc(*buf, c);
                if (!bigger) {
                    free(text);
                    return;
                }
                *buf = bigger;
                *cap = c;
            }
            if (text)
                memcpy(*buf + *len, text, tl);
            *len += tl;
            memcpy(*buf + *len, "\n\n", 3);
            *len += 2;
            free(text);
        } else if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_CODE_BLOCK) {
            collect_prose(n, buf, len, cap);
        }
    }
}

static int skips_readability(const struct page *p)
{
    return strstr(p->text, "<!-- readability: skip -->") != NULL;
}

void check_reading_level(struct report *r, const struct page *p, int local, FILE *table)
{
    char *prose = NULL;
    size_t len = 0, cap = 0;
    collect_prose(p->doc, &prose, &len, &cap);
    struct readability rd = {0};
    enum readability_lang lang = readability_lang_from_code(p->lang);
    readability_measure(prose ? prose : "", lang, &rd);
    free(prose);
    char score[64] = "-";
    int over = 0;
    if (lang == READABILITY_EN) {
        snprintf(score, sizeof score, "grade %4.1f", rd.fk_grade);
        over = rd.fk_grade > r->opts->max_grade;
    } else if (lang == READABILITY_ES) {
        snprintf(score, sizeof score, "F-H %5.1f", rd.fernandez_huerta);
        over = rd.fernandez_huerta < r->opts->min_ease_es;
    }
    int skipped = skips_readability(p);
    /* The formulas need a sample of about 100 words to mean anything. */
    int short_page = rd.words < 100;
    if (short_page)
        over = 0;
    r->pages++;
    r->local_pages += local;
    fprintf(table, "%-4s ", p->lang);
    if (r->local)
        fprintf(table, "%-5s ", local ? "local" : "-");
    fprintf(table, "%-28s %6zu %9zu  %s%s\n", p->name, rd.words, rd.sentences, score,
            skipped      ? "  (reference list: not scored)"
            : short_page ? "  (under 100 words: a rough guide only)"
            : over       ? "  OVER THE LIMIT"
                         : "");
    if (over && !skipped) {
        if (lang == READABILITY_EN)
            check_say(
                r, p->path, 0, r->opts->strict,
                "reading level is grade %.1f, above the limit of %.0f: use shorter sentences and "
                "shorter words",
                rd.fk_grade, r->opts->max_grade);
        else
            check_say(
                r, p->path, 0, r->opts->strict,
                "Fernandez-Huerta score is %.1f, below %.0f: use shorter sentences and shorter "
                "words",
                rd.fernandez_huerta, r->opts->min_ease_es);
    }
}
