/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_teachback.c: a page's "Did we explain this clearly?" section
 * (teachback.h): parsed, each broken rule told with its line, blanked from
 * the page with the lines after it where they were; the bundled pages'
 * checks parse in every language with the same ids and answers. */
#include "config.h"

#include "core/content.h"
#include "core/teachback.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char good[] = "# A page\n\n"
                           "Some words.\n\n"
                           "## Did we explain this clearly? {#check}\n\n"
                           "Only to check our page.\n\n"
                           "### What does hold mean? {#hold}\n\n"
                           "> what hold means\n\n"
                           "- [A pause](#clear)\n"
                           "- [Stop for good](#again)\n"
                           "- [Not sure](#again)\n\n"
                           "### Who decides? {#who}\n\n"
                           "> who decides\n\n"
                           "- [My prescriber with me](#clear)\n"
                           "- [Not sure](#again)\n\n"
                           "## After {#after}\n\n"
                           "More words.\n";

struct said {
    char text[4096];
    int count;
};

static void record(void *ctx, int line, const char *msg)
{
    struct said *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof s->text - n, "%d: %s\n", line, msg);
    s->count++;
}

START_TEST(test_parse_good)
{
    struct said s = {0};
    int found;
    struct teachback *t = teachback_parse(good, strlen(good), record, &s, &found);
    ck_assert_msg(t != NULL, "%s", s.text);
    ck_assert_int_eq(found, 1);
    ck_assert_str_eq(t->title, "Did we explain this clearly?");
    ck_assert_str_eq(t->intro, "Only to check our page.");
    ck_assert_int_eq(t->line, 5);
    ck_assert_int_eq(t->count, 2);
    ck_assert_str_eq(t->q[0].id, "hold");
    ck_assert_str_eq(t->q[0].title, "What does hold mean?");
    ck_assert_str_eq(t->q[0].again, "what hold means");
    ck_assert_int_eq(t->q[0].answer_count, 3);
    ck_assert_str_eq(t->q[0].answers[0].label, "A pause");
    ck_assert_int_eq(t->q[0].answers[0].clear, 1);
    ck_assert_int_eq(t->q[0].answers[2].clear, 0);
    ck_assert_int_eq(teachback_find(t, "who"), 1);
    ck_assert_int_eq(teachback_find(t, "nope"), -1);
    teachback_free(t);
}
END_TEST

START_TEST(test_no_check)
{
    const char text[] = "# Page\n\n## Section {#other}\n\nWords.\n";
    int found = 1;
    ck_assert_ptr_null(teachback_parse(text, strlen(text), NULL, NULL, &found));
    ck_assert_int_eq(found, 0);
}
END_TEST

/* Each broken rule, with the line it names and words from its message. */
static const struct {
    const char *text;
    int line;
    const char *says;
} broken[] = {
    {"## C {#check}\n\n### Q {#q}\n\n> a\n\n- [Yes](#clear)\n- [No](#again)\n", 1,
     "give it two or three"},
    {"## C {#check}\n\n### Q {#q}\n\n> a\n\n- [Yes](#clear)\n- [No](#wrong)\n\n"
     "### R {#r}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     8, "links to \"#wrong\""},
    {"## C {#check}\n\n### Q {#q}\n\n> a\n\n- [Yes](#clear)\n- [No](#clear)\n\n"
     "### R {#r}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     3, "one #again answer"},
    {"## C {#check}\n\n### Q\n\n> a\n\n- [Yes](#clear)\n- [No](#again)\n\n"
     "### R {#r}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     3, "needs an id"},
    {"## C {#check}\n\n### Q {#q}\n\n- [Yes](#clear)\n- [No](#again)\n\n"
     "### R {#r}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     5, "block quote"},
    {"## C {#check}\n\n### Q {#q}\n\n> a\n\n- [Yes](#clear)\n- [No](#again)\n\n"
     "### R {#q}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     10, "used twice"},
    {"## C {#check}\n\n### Q {#q}\n\n> a\n\n- Yes\n- [No](#again)\n\n"
     "### R {#r}\n\n> b\n\n- [Yes](#clear)\n- [No](#again)\n",
     7, "not one link"},
};

START_TEST(test_broken)
{
    struct said s = {0};
    int found;
    const char *text = broken[_i].text;
    ck_assert_ptr_null(teachback_parse(text, strlen(text), record, &s, &found));
    ck_assert_int_eq(found, 1);
    char want[32];
    snprintf(want, sizeof want, "%d: ", broken[_i].line);
    ck_assert_msg(strstr(s.text, want) && strstr(s.text, broken[_i].says),
                  "case %d: want line %d saying \"%s\", got:\n%s", _i, broken[_i].line,
                  broken[_i].says, s.text);
}
END_TEST

START_TEST(test_blank)
{
    char *text = strdup(good);
    teachback_blank(text, strlen(text));
    ck_assert_ptr_null(strstr(text, "Did we explain"));
    ck_assert_ptr_null(strstr(text, "#clear"));
    ck_assert_ptr_nonnull(strstr(text, "Some words."));
    /* the same lines: "## After" is still on line 24 */
    int line = 1;
    for (const char *p = text; p < strstr(text, "## After"); p++)
        line += *p == '\n';
    ck_assert_int_eq(line, 24);
    ck_assert_uint_eq(strlen(text), strlen(good));
    free(text);
}
END_TEST

/* The bundled key pages have a check in every language, and the same one. */
START_TEST(test_bundled)
{
    const char *pages[] = {"antidepressant-choices.md", "risks.md"};
    const char *langs[] = {"en", "es", "zh"};
    const char *root = getenv("KIOSK_CONTENT_DIR");
    ck_assert_ptr_nonnull(root);
    for (size_t p = 0; p < 2; p++) {
        struct teachback *en = NULL;
        for (size_t l = 0; l < 3; l++) {
            char err[512];
            struct content *c = content_open(root, langs[l], err, sizeof err);
            ck_assert_msg(c != NULL, "%s", err);
            struct teachback *t = content_page_check(c, pages[p]);
            ck_assert_msg(t != NULL, "%s/%s has no check", langs[l], pages[p]);
            ck_assert_int_ge(t->count, TEACHBACK_MIN_QUESTIONS);
            if (!en) {
                en = t;
            } else {
                ck_assert_int_eq(t->count, en->count);
                for (int q = 0; q < t->count; q++) {
                    ck_assert_str_eq(t->q[q].id, en->q[q].id);
                    ck_assert_int_eq(t->q[q].answer_count, en->q[q].answer_count);
                    for (int a = 0; a < t->q[q].answer_count; a++)
                        ck_assert_int_eq(t->q[q].answers[a].clear, en->q[q].answers[a].clear);
                }
                teachback_free(t);
            }
            /* and the page as read does not show it */
            size_t len;
            int fell_back;
            char *text = content_read_page(c, pages[p], &len, &fell_back, err, sizeof err);
            ck_assert_ptr_nonnull(text);
            ck_assert_ptr_null(strstr(text, "{#check}"));
            free(text);
            content_close(c);
        }
        teachback_free(en);
    }
}
END_TEST

Suite *teachback_suite(void)
{
    Suite *s = suite_create("teachback");
    TCase *tc = tcase_create("teachback");
    tcase_add_test(tc, test_parse_good);
    tcase_add_test(tc, test_no_check);
    tcase_add_loop_test(tc, test_broken, 0, (int)(sizeof broken / sizeof broken[0]));
    tcase_add_test(tc, test_blank);
    tcase_add_test(tc, test_bundled);
    suite_add_tcase(s, tc);
    return s;
}
