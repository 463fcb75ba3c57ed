/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_summary.c: the summary document built from a walked flow. */
#include "config.h"

#include "core/flow.h"
#include "core/i18n.h"
#include "core/markdown.h"
#include "core/phrase.h"
#include "core/summary.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct flow *load(const char *name)
{
    FILE *fp = fopen(test_data_path(name), "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", name);
    static char text[16384];
    size_t len = fread(text, 1, sizeof text, fp);
    fclose(fp);
    ck_assert_uint_lt(len, sizeof text);
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, len, name, &diags);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(flow_validate(f, name, &diags), 0);
    flow_diags_free(&diags);
    return f;
}

static void answer(struct flow_session *s, const char *spec)
{
    char err[256];
    ck_assert_msg(flow_answers_parse(flow_session_flow(s), spec, s, err, sizeof err) == 0, "%s",
                  err);
}

static void setup(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
}

static const struct summary_info info = {
    .clinic_name = "Main Street Clinic",
    .clinic_phone = "555-0100",
    .content_version = "1.2",
    .last_reviewed = "2026-11-01",
    .when = 1795000000, /* 2026-11-18 11:06 UTC */
};

START_TEST(test_escape)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain words", "plain words"},
        {"a*b_c`d", "a\\*b\\_c\\`d"},
        {"# heading", "\\# heading"},
        {"- item", "\\- item"},
        {"+ item", "\\+ item"},
        {"12. item", "12\\. item"},
        {"3) item", "3\\) item"},
        {"1.5 mg", "1.5 mg"},
        {"2026-11-01", "2026-11-01"},
        {"a - b", "a - b"},
        {"[x](y)", "\\[x\\](y)"},
        {"<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"},
        {"a|b~c!", "a\\|b\\~c\\!"},
        {"back\\slash", "back\\\\slash"},
        {"  two \n\t lines  ", "two lines"},
        {"\x1b[31mred", "\\[31mred"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = markdown_escape(cases[i].in);
        ck_assert_ptr_nonnull(out);
        ck_assert_str_eq(out, cases[i].out);
        free(out);
    }
}
END_TEST

/* Whatever the text, its escaped form parses as one paragraph whose plain
 * text is the text itself (white space folded): no structure gets in. */
START_TEST(test_escape_round_trip)
{
    static const char *const cases[] = {
        "=== ",         "---",          "***",          "___",
        "> quote",      "    code",     "1. x",         "10) x",
        "1.5 mg",       "<div>x</div>", "| a | b |",    "~~struck~~",
        "![i](u)",      "[r]: /url",    "a  \nb",       "`code`",
        "back\\",       "# h",          "+ x",          "- x",
        "_e_ *s*",      "<http://x>",   "&copy; &#65;", "a\tb\x01c",
        "[x](y) {#id}", "line\n===",    "x\\*",         "Dr. O'Neil: 2+2=4 (approx.)",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *escaped = markdown_escape(cases[i]);
        ck_assert_ptr_nonnull(escaped);
        cmark_node *doc = markdown_parse(escaped, strlen(escaped));
        cmark_node *para = cmark_node_first_child(doc);
        ck_assert_msg(para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
                          !cmark_node_next(para),
                      "\"%s\" -> \"%s\" is not one paragraph", cases[i], escaped);
        for (cmark_node *n = cmark_node_first_child(para); n; n = cmark_node_next(n))
            ck_assert_msg(cmark_node_get_type(n) == CMARK_NODE_TEXT, "\"%s\" -> \"%s\" has markup",
                          cases[i], escaped);
        char want[128];
        size_t w = 0;
        int space = 0;
        for (const unsigned char *c = (const unsigned char *)cases[i]; *c; c++) {
            if (*c <= ' ' || *c == 0x7f) {
                space = w > 0;
                continue;
            }
            if (space)
                want[w++] = ' ';
            space = 0;
            want[w++] = (char)*c;
        }
        want[w] = '\0';
        char *plain = markdown_plain_text(para);
        ck_assert_str_eq(plain, want);
        free(plain);
        cmark_node_free(doc);
        free(escaped);
    }
}
END_TEST

START_TEST(test_whole_summary)
{
    struct flow *f = load("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    answer(s, "first=1,second=1+2,third=1");
    char *doc = summary_build(f, s, &info);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(
        doc, "# Questions to discuss with your clinician\n\n"
             "November 18, 2026 11:06. Not medical advice.\n\n"
             "## Urgent\n\n"
             "- Tell your care team now: yes.\n\n"
             "## Tell your care team before your next session\n\n"
             "- Tell your care team first: beta.\n\n"
             "## Points to discuss\n\n"
             "- Tell your care team: I chose alpha.\n\n"
             "## Your answers\n\n"
             "- First question? \xe2\x80\x94 Go to second\n"
             "- Second question? \xe2\x80\x94 Alpha; Beta\n"
             "- Third question? \xe2\x80\x94 Yes\n\n"
             "## Questions you may want to ask\n\n"
             "- What should I ask?\n"
             "- Who do I call?\n\n"
             "General information only, not medical advice. Do not start, stop or change any "
             "medicine without talking to your prescriber.\n\n"
             "If you are thinking about hurting yourself, call or text 988 (Suicide & Crisis "
             "Lifeline; press 2 for Spanish) or chat at 988lifeline.org. In immediate danger, "
             "call 911.\n\n"
             "Clinic: Main Street Clinic\n\n"
             "Phone: 555-0100\n\n"
             "Content version: 1.2\n\n"
             "Last reviewed: November 1, 2026\n\n");
    ck_assert_int_eq(summary_has_urgent(s), 1);
    ck_assert_int_eq(summary_has_priority(s), 1);
    wipe_string(doc);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

START_TEST(test_sections_left_out)
{
    struct flow *f = load("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    answer(s, "first=1,second=3,third=2");
    struct summary_info bare = {.when = info.when};
    char *doc = summary_build(f, s, &bare);
    ck_assert_ptr_nonnull(doc);
    ck_assert_ptr_null(strstr(doc, "## Urgent"));
    ck_assert_ptr_null(strstr(doc, "## Tell your care team"));
    ck_assert_ptr_null(strstr(doc, "## Points to discuss"));
    ck_assert_ptr_null(strstr(doc, "Clinic:"));
    ck_assert_ptr_null(strstr(doc, "Content version:"));
    ck_assert_ptr_nonnull(strstr(doc, "- Second question? \xe2\x80\x94 None\n"));
    ck_assert_ptr_nonnull(strstr(doc, "call or text 988"));
    ck_assert_int_eq(summary_has_urgent(s), 0);
    ck_assert_int_eq(summary_has_priority(s), 0);
    wipe_string(doc);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

/* Only answers on the path count: a question the patient went back past
 * is not in the summary. */
START_TEST(test_path_only)
{
    struct flow *f = load("flows/walk.md");
    struct flow_session *s = flow_session_new(f);
    answer(s, "first=1,second=2,third=1");
    flow_back(s);
    flow_back(s);
    char *doc = summary_build(f, s, &info);
    ck_assert_ptr_nonnull(doc);
    ck_assert_ptr_nonnull(strstr(doc, "First question?"));
    ck_assert_ptr_null(strstr(doc, "Second question?"));
    ck_assert_ptr_null(strstr(doc, "## Urgent"));
    wipe_string(doc);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

static void count_nodes(cmark_node *doc, int *headings, int *links, int *emph, int *html,
                        int *lists)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(cmark_iter_get_node(it))) {
        case CMARK_NODE_HEADING:
            (*headings)++;
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            (*links)++;
            break;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_CODE:
            (*emph)++;
            break;
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
            (*html)++;
            break;
        case CMARK_NODE_LIST:
            (*lists)++;
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

/* Labels, notes and config full of Markdown can't add structure. */
START_TEST(test_no_injection)
{
    struct flow *f = load("flows/summary.md");
    struct flow_session *s = flow_session_new(f);
    answer(s, "which=1+2+3+4+5+6,more=1");
    struct summary_info evil = {
        .clinic_name = "# Evil *clinic* [click](http://x) <script>",
        .clinic_phone = "1. 555\n- 0100",
        .content_version = "`v1`",
        .last_reviewed = "> quote",
        .when = info.when,
    };
    char *doc = summary_build(f, s, &evil);
    ck_assert_ptr_nonnull(doc);
    /* Piping, grouping and escaping. */
    ck_assert_ptr_nonnull(
        strstr(doc, "## Urgent\n\n- Tell your care team now: I chose take \\*this\\* \\#1 now.\n"));
    ck_assert_ptr_nonnull(strstr(
        doc,
        "- Tell your care team first: plain \\[brackets\\] and again plain \\[brackets\\].\n"));
    ck_assert_ptr_nonnull(strstr(doc, "- Ask about 1. Numbered and - Dashed.\n"));
    ck_assert_ptr_nonnull(strstr(doc, "- Ask about the same thing.\n- Ask a question"));
    ck_assert_ptr_nonnull(strstr(doc, "1\\. Numbered; \\- Dashed;"));
    ck_assert_ptr_nonnull(
        strstr(doc, "Clinic: \\# Evil \\*clinic\\* \\[click\\](http://x) \\<script\\>\n"));
    ck_assert_ptr_nonnull(strstr(doc, "Phone: 1\\. 555 - 0100\n"));
    /* Urgent before priority before the other points. */
    const char *u = strstr(doc, "## Urgent"), *p = strstr(doc, "## Tell your care team before"),
               *d = strstr(doc, "## Points to discuss"), *a = strstr(doc, "## Your answers");
    ck_assert(u && p && d && a && u < p && p < d && d < a);

    cmark_node *tree = markdown_parse(doc, strlen(doc));
    int headings = 0, links = 0, emph = 0, html = 0, lists = 0;
    count_nodes(tree, &headings, &links, &emph, &html, &lists);
    ck_assert_int_eq(headings, 6); /* title, urgent, priority, points, answers, questions to ask */
    ck_assert_int_eq(links, 0);
    ck_assert_int_eq(emph, 0);
    ck_assert_int_eq(html, 0);
    ck_assert_int_eq(lists, 5);
    /* The clinic line renders back as the literal text. */
    char *plain = markdown_plain_text(tree);
    ck_assert_ptr_nonnull(strstr(plain, "Clinic: # Evil *clinic* [click](http://x) <script>"));
    ck_assert_ptr_nonnull(strstr(plain, "Content version: `v1`"));
    ck_assert_ptr_nonnull(strstr(plain, "Last reviewed: > quote"));
    free(plain);
    cmark_node_free(tree);
    wipe_string(doc);
    flow_session_free(s);
    flow_free(f);
}
END_TEST

/* A same-shape flow in another language prints the same answers in its words. */
START_TEST(test_other_language)
{
    struct flow *en = load("flows/walk.md");
    struct flow *es = load("flows/walk-es.md");
    struct flow_session *s = flow_session_new(en);
    answer(s, "first=2,third=1");
    char *doc = summary_build(es, s, &info);
    ck_assert_ptr_nonnull(doc);
    ck_assert_ptr_nonnull(strstr(doc, "- Dígale ahora: sí.\n"));
    ck_assert_ptr_nonnull(strstr(doc, "- Pregunte por saltar.\n"));
    ck_assert_ptr_nonnull(strstr(doc, "- ¿Tercera pregunta? \xe2\x80\x94 Sí\n"));
    ck_assert_ptr_null(strstr(doc, "Questions you may want to ask")); /* walk-es has none */
    wipe_string(doc);
    flow_session_free(s);
    flow_free(en);
    flow_free(es);
}
END_TEST

static char *join_of(const char *a, const char *b, const char *c)
{
    char *list[] = {(char *)a, (char *)b, (char *)c};
    char *out = phrase_join(list, c ? 3 : b ? 2 : 1);
    ck_assert_ptr_nonnull(out);
    return out;
}

#define ck_join(want, a, b, c)                                                                     \
    do {                                                                                           \
        char *got_ = join_of(a, b, c);                                                             \
        ck_assert_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

/* Lists in each language's words, from the catalogs the tests build. */
START_TEST(test_lists_per_language)
{
    ck_assert_msg(getenv("KIOSK_LOCALEDIR") != NULL, "KIOSK_LOCALEDIR is not set: run make check");
    i18n_init();
    i18n_set_language("en");
    ck_join("an aneurysm", "an aneurysm", NULL, NULL);
    ck_join("an aneurysm and bleeding in the brain", "an aneurysm", "bleeding in the brain", NULL);
    ck_join("A, B, and C", "A", "B", "C");
    ck_join("lithium; valproate, or another one; and methadone", "lithium",
            "valproate, or another one", "methadone");
    ck_join("methylphenidate (Ritalin, Concerta), lithium, and methadone",
            "methylphenidate (Ritalin, Concerta)", "lithium", "methadone");
    i18n_set_language("es");
    ck_join("un aneurisma y sangrado en el cerebro", "un aneurisma", "sangrado en el cerebro",
            NULL);
    ck_join("A, B y C", "A", "B", "C");
    ck_join("litio e ibuprofeno", "litio", "ibuprofeno", NULL);
    ck_join("madre e hija", "madre", "hija", NULL); /* "hi" + consonant: e */
    ck_join("agua y hielo", "agua", "hielo", NULL); /* "hie": y */
    ck_join("sertralina, litio e imipramina", "sertralina", "litio", "imipramina");
    i18n_set_language("zh");
    ck_join("动脉瘤和脑出血", "动脉瘤", "脑出血", NULL);
    ck_join("动脉瘤、脑出血和高血压", "动脉瘤", "脑出血", "高血压");
    i18n_set_language("en");
}
END_TEST

START_TEST(test_phrases_in_a_sentence)
{
    static const struct {
        const char *note, *label, *want;
    } cases[] = {
        {"I take {answer}.", "Sertraline (Zoloft)", "sertraline (Zoloft)"},
        {"I take {answer}.", "MAOI patch", "MAOI patch"},
        {"I take {answer}.", "5-HTP", "5-HTP"},
        {"Tomo {answer}.", "Ácido valproico", "ácido valproico"},
        {"{answer} is what I take.", "Sertraline", "Sertraline"},
        {"Ask. {answer} matters.", "Lithium", "Lithium"},
        {"Pregunte: ¿{answer} importa?", "Litio", "Litio"},
        {"I have had {an aneurysm}.", "An aneurysm (a bulge)", "an aneurysm"},
        {"我在服用{answer}。", "舍曲林", "舍曲林"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = phrase_of(cases[i].note, cases[i].label);
        ck_assert_ptr_nonnull(got);
        ck_assert_str_eq(got, cases[i].want);
        free(got);
    }
    ck_assert_ptr_null(phrase_of("No slot here.", "Yes"));
    ck_assert_ptr_null(phrase_of("Empty {} braces.", "Yes"));
    ck_assert_int_eq(
        phrase_same_note("I have had {an aneurysm}. Ask.", "I have had {a stroke}. Ask."), 1);
    ck_assert_int_eq(phrase_same_note("I have had {an aneurysm}. Ask.", "I have {a stroke}. Ask."),
                     0);
    ck_assert_int_eq(phrase_same_note("Ask this.", "Ask this."), 1);
    ck_assert_int_eq(phrase_same_note("Ask {this}.", "Ask this."), 0);
    char *filled = phrase_fill("Tell them: {answer}, again {answer}.", "A and B");
    ck_assert_str_eq(filled, "Tell them: A and B, again A and B.");
    free(filled);
}
END_TEST

Suite *summary_suite(void)
{
    Suite *suite = suite_create("summary");
    TCase *tc = tcase_create("summary");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_escape);
    tcase_add_test(tc, test_escape_round_trip);
    tcase_add_test(tc, test_whole_summary);
    tcase_add_test(tc, test_sections_left_out);
    tcase_add_test(tc, test_path_only);
    tcase_add_test(tc, test_no_injection);
    tcase_add_test(tc, test_other_language);
    tcase_add_test(tc, test_lists_per_language);
    tcase_add_test(tc, test_phrases_in_a_sentence);
    suite_add_tcase(suite, tc);
    return suite;
}
