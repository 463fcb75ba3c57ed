/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_ask.c: the question builder's topics in questions.md, the patient's
 * own questions (ask.h) in the summary, and the take-home code (qr.h). */
#include "config.h"

#include "core/ask.h"
#include "core/flow.h"
#include "core/qr.h"
#include "core/summary.h"
#include "suites.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

static const char flow_text[] = "# Questions\n\n"
                                "## Do you take an SSRI? {#ssri}\n\n"
                                "- [Yes](#end) {priority}\n"
                                "  > Tell your care team I take an SSRI.\n"
                                "- [No](#end)\n"
                                "  > Ask about side effects.\n\n"
                                "## Side effects {#ask-side-effects ask}\n\n"
                                "- What side effects could I have?\n"
                                "- How long do they last?\n\n"
                                "## Getting home {#ask-home ask}\n\n"
                                "- Who can drive me home?\n";

static struct flow *parse(const char *text, struct flow_diags *d)
{
    struct flow *f = flow_parse(text, strlen(text), "q.md", d);
    ck_assert_ptr_nonnull(f);
    return f;
}

START_TEST(topics_are_read)
{
    struct flow_diags d = {0};
    struct flow *f = parse(flow_text, &d);
    ck_assert_int_eq(flow_validate(f, "q.md", &d), 0);
    ck_assert_uint_eq(flow_question_count(f), 1); /* a topic is not a question */
    ck_assert_uint_eq(flow_topic_count(f), 2);
    ck_assert_str_eq(flow_topic_id(f, 0), "ask-side-effects");
    ck_assert_str_eq(flow_topic_title(f, 1), "Getting home");
    ck_assert_uint_eq(ask_item_count(f), 3);
    size_t topic;
    ck_assert_str_eq(ask_item(f, 2, &topic), "Who can drive me home?");
    ck_assert_uint_eq(topic, 1);
    ck_assert_ptr_null(ask_item(f, 3, &topic));
    flow_diags_free(&d);
    flow_free(f);
}
END_TEST

START_TEST(topic_problems_are_named)
{
    struct flow_diags d = {0};
    struct flow *f =
        parse("## Empty {#ask-x ask}\n\nNo list here.\n\n## Q {#q}\n\n- [Yes](#end)\n", &d);
    ck_assert_int_ge(flow_validate(f, "q.md", &d), 1);
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        found |= d.items[i].line == 1 && strstr(d.items[i].message, "has no questions") != NULL;
    ck_assert_msg(found, "no message for the empty topic at line 1");
    flow_diags_free(&d);
    flow_free(f);
}
END_TEST

START_TEST(topics_compared_across_languages)
{
    struct flow_diags d = {0};
    struct flow *en = parse(flow_text, &d);
    char *es_text = strdup(flow_text);
    char *cut = strstr(es_text, "- How long");
    size_t gone = strlen("- How long do they last?\n");
    memmove(cut, cut + gone, strlen(cut + gone) + 1);
    struct flow *es = parse(es_text, &d);
    ck_assert_int_eq(flow_compare(en, "en/q.md", es, "es/q.md", &d), 1);
    ck_assert_ptr_nonnull(strstr(d.items[d.n - 1].message, "has 1 questions here but 2"));
    flow_diags_free(&d);
    flow_free(en);
    flow_free(es);
    free(es_text);
}
END_TEST

START_TEST(own_text_is_checked_utf8)
{
    struct ask a;
    ask_wipe(&a);
    ck_assert_int_eq(ask_own_append(&a, 0, "\xc2\xbf", 2), 0); /* ¿ */
    ck_assert_int_eq(ask_own_append(&a, 0, "Qu\xc3\xa9", 4), 0);
    ck_assert_int_eq(ask_own_append(&a, 1, "\xe8\xa1\x80\xe5\x8e\x8b", 6), 0); /* 血压 */
    ck_assert_str_eq(a.own[0], "\xc2\xbfQu\xc3\xa9");
    ck_assert_int_eq(ask_own_append(&a, 0, "\xc3", 1), -1);     /* cut character */
    ck_assert_int_eq(ask_own_append(&a, 0, "\x1b[", 2), -1);    /* control */
    ck_assert_int_eq(ask_own_append(&a, 0, "\xc2\x9b", 2), -1); /* C1 control */
    ck_assert_int_eq(ask_own_append(&a, 3, "x", 1), -1);
    ask_own_backspace(&a, 0);
    ck_assert_str_eq(a.own[0], "\xc2\xbfQu");
    ask_own_backspace(&a, 1);
    ck_assert_str_eq(a.own[1], "\xe8\xa1\x80");
    char big[ASK_OWN_BYTES];
    memset(big, 'x', sizeof big);
    ck_assert_int_eq(ask_own_append(&a, 2, big, sizeof big), -1);
    ck_assert_int_eq(ask_own_count(&a), 2);
    ask_wipe(&a);
    static const struct ask zero;
    ck_assert_int_eq(memcmp(&a, &zero, sizeof a), 0);
}
END_TEST

START_TEST(own_and_ticked_questions_in_summary)
{
    struct flow_diags d = {0};
    struct flow *f = parse(flow_text, &d);
    struct flow_session *s = flow_session_new(f);
    char err[128];
    ck_assert_int_eq(flow_answers_parse(f, "ssri=1", s, err, sizeof err), 0);
    struct ask a;
    ask_wipe(&a);
    ask_toggle(&a, f, 2);
    ck_assert_int_eq(ask_own_append(&a, 0, "Can I *drive*? # no", 19), 0);
    struct summary_info si = {.when = 1, .ask = &a};
    char *md = summary_build(f, s, &si);
    ck_assert_ptr_nonnull(md);
    const char *mine = strstr(md, "## My own questions\n\n- Can I \\*drive\\*? \\# no\n"
                                  "- Who can drive me home?\n");
    ck_assert_msg(mine != NULL, "%s", md);
    /* After the priority point, before the other points. */
    ck_assert_msg(strstr(md, "I take an SSRI") < mine, "%s", md);
    ck_assert_ptr_null(strstr(md, "What side effects"));
    free(md);
    ask_wipe(&a);
    md = summary_build(f, s, &si);
    ck_assert_ptr_null(strstr(md, "My own questions"));
    free(md);
    flow_session_free(s);
    flow_diags_free(&d);
    flow_free(f);
}
END_TEST

static const char summary_md[] =
    "# Questions to discuss with your clinician\n\n"
    "Monday. Not medical advice.\n\n"
    "## Urgent\n\n- Tell your care team now: urgent point.\n\n"
    "## My own questions\n\n- \xc2\xbfPuedo manejar?\n- "
    "\xe8\xa1\x80\xe5\x8e\x8b\xe6\x80\x8e\xe4\xb9\x88\xe6\xa3\x80\xe6\x9f\xa5\xef\xbc\x9f\n\n"
    "## Points to discuss\n\n- Ask one.\n- Ask two, which is a much longer point about the "
    "way blood pressure is checked before and after each session.\n\n"
    "## Your answers\n\n- Secret question \xe2\x80\x94 secret answer\n\n"
    "General information only.\n";

START_TEST(qr_holds_the_points_not_the_answers)
{
    struct qr *qr = qr_takehome(summary_md, 177, "More on the printout.");
    ck_assert_ptr_nonnull(qr);
    ck_assert_uint_eq(qr->items, 5);
    ck_assert_uint_eq(qr->items_total, 5);
    ck_assert_ptr_nonnull(strstr(qr->text, "- \xc2\xbfPuedo manejar?\n"));
    ck_assert_ptr_nonnull(strstr(qr->text, "Urgent\n- Tell your care team now"));
    ck_assert_ptr_null(strstr(qr->text, "secret"));
    ck_assert_ptr_null(strstr(qr->text, "General information"));
    ck_assert_ptr_null(strstr(qr->text, "More on"));
    /* The modules are libqrencode's for exactly that text. */
    QRcode *c = QRcode_encodeString8bit(qr->text, 0, QR_ECLEVEL_L);
    ck_assert_int_eq(c->width, qr->width);
    for (int i = 0; i < c->width * c->width; i++)
        ck_assert_int_eq(c->data[i] & 1, qr->dark[i]);
    QRcode_free(c);
    qr_free(qr);
}
END_TEST

START_TEST(qr_too_small_keeps_the_most_important)
{
    struct qr *qr = qr_takehome(summary_md, 41 + 2 * QR_QUIET, "More on the printout.");
    ck_assert_ptr_nonnull(qr);
    ck_assert_int_le(qr->width, 41);
    ck_assert_uint_lt(qr->items, 5);
    ck_assert_uint_ge(qr->items, 1);
    ck_assert_ptr_nonnull(strstr(qr->text, "urgent point"));
    ck_assert_ptr_null(strstr(qr->text, "much longer point"));
    ck_assert_ptr_nonnull(strstr(qr->text, "More on the printout.\n"));
    qr_free(qr);
    ck_assert_ptr_null(qr_takehome(summary_md, 21, NULL)); /* not even the title */
}
END_TEST

START_TEST(qr_draws_half_blocks)
{
    struct qr *qr = qr_takehome("# T\n\n## A\n\n- b\n", 100, NULL);
    ck_assert_ptr_nonnull(qr);
    ck_assert_int_eq(qr->width, 21);
    char *s = qr_draw(qr, 0);
    int lines = 0;
    for (char *p = s; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, qr_draw_rows(qr, 0));
    ck_assert_int_eq(lines, (21 + 2 * QR_QUIET + 1) / 2);
    /* Row 0 and 1 are quiet; row 2 is the top of the finder patterns, so
     * line 1 starts with 2 blanks then a lower half block. */
    const char *l1 = strchr(s, '\n') + 1;
    ck_assert_int_eq(strncmp(l1, "  \xe2\x96\x88", 5), 0);
    free(s);
    s = qr_draw(qr, 1);
    ck_assert_int_eq(strncmp(strchr(strchr(s, '\n') + 1, '\n') + 1, "    ##############", 18), 0);
    free(s);
    ck_assert_int_eq(qr_fit(10, 80), 20);
    ck_assert_int_eq(qr_fit(50, 40), 40);
    qr_free(qr);
}
END_TEST

Suite *ask_suite(void)
{
    Suite *s = suite_create("ask");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, topics_are_read);
    tcase_add_test(tc, topic_problems_are_named);
    tcase_add_test(tc, topics_compared_across_languages);
    tcase_add_test(tc, own_text_is_checked_utf8);
    tcase_add_test(tc, own_and_ticked_questions_in_summary);
    tcase_add_test(tc, qr_holds_the_points_not_the_answers);
    tcase_add_test(tc, qr_too_small_keeps_the_most_important);
    tcase_add_test(tc, qr_draws_half_blocks);
    suite_add_tcase(s, tc);
    return s;
}
