/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_flow.c: the question flow: the bundled English flow, parsing,
 * validation messages for broken flows, language parity. Walking and answer
 * specs are in check_flow_session.c. */
#include "config.h"

#include "core/flow.h"
#include "check_flow.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
        size_t n = fread(buf + *len, 1, cap - *len - 1, fp);
        *len += n;
        if (n == 0)
            break;
    }
    fclose(fp);
    buf[*len] = '\0';
    return buf;
}

/* Parse tests/data/<name>; messages name the file as <name>. */
struct flow *load_data(const char *name)
{
    size_t len;
    char *text = read_file(test_data_path(name), &len);
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, len, name, &diags);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(diags.n, 0);
    flow_diags_free(&diags);
    free(text);
    return f;
}

struct flow *load_bundled(void)
{
    const char *dir = getenv("KIOSK_CONTENT_DIR");
    ck_assert_msg(dir != NULL, "KIOSK_CONTENT_DIR is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/en/questions.md", dir);
    size_t len;
    char *text = read_file(path, &len);
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, len, "en/questions.md", &diags);
    ck_assert_ptr_nonnull(f);
    flow_diags_free(&diags);
    free(text);
    return f;
}

/* All messages, formatted and joined with newlines. */
static char *joined(const struct flow_diags *diags)
{
    size_t cap = 1;
    for (size_t i = 0; i < diags->n; i++)
        cap += strlen(diags->items[i].message) + 300;
    char *out = calloc(1, cap);
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < diags->n; i++) {
        char *s = flow_diag_format(&diags->items[i]);
        ck_assert_ptr_nonnull(s);
        if (i)
            strcat(out, "\n");
        strcat(out, s);
        free(s);
    }
    return out;
}

/* ---- the bundled English flow ---- */

START_TEST(test_bundled_validates)
{
    struct flow *f = load_bundled();
    struct flow_diags diags = {0};
    int errors = flow_validate(f, "en/questions.md", &diags);
    char *all = joined(&diags);
    ck_assert_msg(errors == 0 && diags.n == 0, "messages:\n%s", all);
    free(all);
    flow_diags_free(&diags);

    static const char *const ids[] = {
        "safety",
        "treatment",
        "antidepressant",
        "which-antidepressant",
        "antidepressant-change",
        "anxiety-sleep",
        "mood-seizure",
        "adhd",
        "pain",
        "substances",
        "heart",
        "serotonin",
        "symptoms-now",
        "pregnancy",
        "psychosis-bipolar",
        "allergy-liver",
        "prescriber",
        "main-concern",
    };
    ck_assert_uint_eq(flow_question_count(f), sizeof ids / sizeof ids[0]);
    for (int q = 0; (size_t)q < sizeof ids / sizeof ids[0]; q++)
        ck_assert_str_eq(flow_question_id(f, q), ids[q]);
    ck_assert_str_eq(flow_title(f), "Questions before your visit");
    ck_assert_uint_ge(flow_general_count(f), 3);
    ck_assert_int_eq(flow_longest_from(f, 0), 18);

    /* The safety question comes first and its Yes is urgent. */
    ck_assert_str_eq(flow_answer_label(f, 0, 0), "Yes");
    ck_assert_uint_eq(flow_answer_flags(f, 0, 0), FLOW_URGENT);
    ck_assert_str_eq(flow_answer_urgent_page(f, 0, 0), "urgent-self-harm");
    ck_assert_ptr_null(flow_answer_urgent_page(f, 0, 1));
    int now = flow_find(f, "symptoms-now");
    ck_assert_uint_eq(flow_answer_flags(f, now, 0), FLOW_URGENT);
    ck_assert_str_eq(flow_answer_urgent_page(f, now, 0), "urgent-now");
    /* The page of the first urgent answer chosen; none when none is. */
    ck_assert_str_eq(flow_chosen_urgent_page(f, now, 1u << 0), "urgent-now");
    ck_assert_ptr_null(flow_chosen_urgent_page(f, now, 1u << 1));
    /* No antidepressant skips the questions about it. */
    int ad = flow_find(f, "antidepressant");
    ck_assert_int_eq(flow_answer_target(f, ad, 1), flow_find(f, "anxiety-sleep"));
    flow_free(f);
}
END_TEST

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Content rules from the fact sheet, checked on every answer. */
START_TEST(test_bundled_content_rules)
{
    static const char *const imperative[] = {"Stop",     "Hold", "Skip", "Start", "Increase",
                                             "Decrease", "Take", "Keep", "Don't", "Do not"};
    struct flow *f = load_bundled();
    for (int q = 0; (size_t)q < flow_question_count(f); q++) {
        int unsure = 0;
        for (int a = 0; (size_t)a < flow_answer_count(f, q); a++) {
            const char *label = flow_answer_label(f, q, a), *note = flow_answer_note(f, q, a);
            unsure |= starts_with(label, "Not sure") || strcmp(label, "Prefer not to say") == 0;
            if (!note)
                continue;
            ck_assert_msg(starts_with(note, "Ask") || starts_with(note, "Tell your care team"),
                          "%s: note does not start with Ask / Tell your care team: %s",
                          flow_question_id(f, q), note);
            /* No sentence in a note is an instruction about medicine. */
            for (const char *p = note; p; p = strstr(p, ". ")) {
                p += p == note ? 0 : 2;
                for (size_t i = 0; i < sizeof imperative / sizeof imperative[0]; i++)
                    ck_assert_msg(!starts_with(p, imperative[i]), "instruction in note: %s", note);
            }
        }
        ck_assert_msg(unsure, "%s has no Not sure / Prefer not to say", flow_question_id(f, q));
    }
    /* Flags the fact sheet asks for. */
    int which = flow_find(f, "which-antidepressant"), heart = flow_find(f, "heart");
    int maoi = -1, aneurysm = -1;
    for (int a = 0; (size_t)a < flow_answer_count(f, which); a++)
        if (strstr(flow_answer_label(f, which, a), "MAOI"))
            maoi = a;
    for (int a = 0; (size_t)a < flow_answer_count(f, heart); a++)
        if (strstr(flow_answer_label(f, heart, a), "aneurysm"))
            aneurysm = a;
    ck_assert_uint_eq(flow_answer_flags(f, which, maoi), FLOW_PRIORITY);
    ck_assert_uint_eq(flow_answer_flags(f, heart, aneurysm), FLOW_PRIORITY);
    ck_assert_uint_eq(flow_answer_flags(f, flow_find(f, "pregnancy"), 0), FLOW_PRIORITY);
    flow_free(f);
}
END_TEST

/* Index of the answer of question q whose label contains text; fails if none. */
static int answer_with(const struct flow *f, int q, const char *text)
{
    for (int a = 0; (size_t)a < flow_answer_count(f, q); a++)
        if (strstr(flow_answer_label(f, q, a), text))
            return a;
    ck_abort_msg("%s has no answer with \"%s\"", flow_question_id(f, q), text);
    return -1;
}

/* The clinical safety review (issue 14): anything that can mean an emergency
 * today is urgent; label contraindications and "do not breastfeed" are
 * priority points; buprenorphine is asked about like the other opioids. */
START_TEST(test_bundled_safety_flags)
{
    struct flow *f = load_bundled();
    int now = flow_find(f, "symptoms-now"), preg = flow_find(f, "pregnancy");
    int heart = flow_find(f, "heart"), allergy = flow_find(f, "allergy-liver");
    int pain = flow_find(f, "pain");
    ck_assert_int_ge(allergy, 0);
    /* "Not sure" about warning signs right now opens the urgent page. */
    ck_assert_uint_eq(flow_answer_flags(f, now, answer_with(f, now, "Not sure")), FLOW_URGENT);
    /* No answer anywhere is "priority" while its note speaks of today or now. */
    for (int q = 0; (size_t)q < flow_question_count(f); q++)
        for (int a = 0; (size_t)a < flow_answer_count(f, q); a++) {
            const char *note = flow_answer_note(f, q, a);
            if (note && (strstr(note, " today") || strstr(note, " now:")))
                ck_assert_msg(flow_answer_flags(f, q, a) & FLOW_URGENT,
                              "%s: a note about today is not urgent: %s", flow_question_id(f, q),
                              note);
        }
    ck_assert_uint_eq(flow_answer_flags(f, preg, answer_with(f, preg, "breastfeeding")),
                      FLOW_PRIORITY);
    ck_assert_uint_eq(flow_answer_flags(f, allergy, answer_with(f, allergy, "allergic")),
                      FLOW_PRIORITY);
    ck_assert_uint_eq(flow_answer_flags(f, heart, answer_with(f, heart, "stroke")), FLOW_PRIORITY);
    ck_assert_str_eq(flow_answer_note(f, pain, answer_with(f, pain, "Buprenorphine")),
                     flow_answer_note(f, pain, answer_with(f, pain, "Methadone")));
    flow_free(f);
}
END_TEST

/* ---- parsing details ---- */

START_TEST(test_parse_details)
{
    struct flow *f = load_data("flows/walk.md");
    ck_assert_str_eq(flow_title(f), "Walk test");
    ck_assert_str_eq(flow_intro(f), "A short flow for the unit tests. It has a branch, a "
                                    "multiple-choice question and an urgent answer.");
    ck_assert_uint_eq(flow_question_count(f), 3);
    ck_assert_str_eq(flow_question_title(f, 0), "First question?");
    ck_assert_str_eq(flow_question_help(f, 0),
                     "Help for the first question.\n\nSecond help paragraph.");
    ck_assert_str_eq(flow_question_help(f, 2), "");
    ck_assert_int_eq(flow_question_line(f, 0), 6);
    ck_assert_int_eq(flow_question_is_multiple(f, 0), 0);
    ck_assert_int_eq(flow_question_is_multiple(f, 1), 1);
    ck_assert_uint_eq(flow_answer_count(f, 1), 3);
    ck_assert_str_eq(flow_answer_label(f, 0, 1), "Skip to third");
    ck_assert_int_eq(flow_answer_target(f, 0, 1), 2);
    ck_assert_str_eq(flow_answer_target_id(f, 0, 1), "third");
    ck_assert_int_eq(flow_answer_target(f, 2, 0), FLOW_END);
    ck_assert_int_eq(flow_answer_line(f, 0, 1), 13);
    ck_assert_str_eq(flow_answer_note(f, 0, 1), "Ask about skipping.");
    ck_assert_ptr_null(flow_answer_note(f, 0, 0));
    ck_assert_uint_eq(flow_answer_flags(f, 1, 1), FLOW_PRIORITY);
    ck_assert_uint_eq(flow_answer_flags(f, 1, 2), FLOW_ONLY);
    ck_assert_uint_eq(flow_answer_flags(f, 2, 0), FLOW_URGENT);
    ck_assert_int_eq(flow_find(f, "third"), 2);
    ck_assert_int_eq(flow_find(f, "general-questions"), -1);
    ck_assert_uint_eq(flow_general_count(f), 2);
    ck_assert_str_eq(flow_general_question(f, 1), "Who do I call?");
    ck_assert_int_eq(flow_longest_from(f, 0), 3);
    ck_assert_int_eq(flow_longest_from(f, 2), 1);
    /* Out-of-range indexes are safe. */
    ck_assert_ptr_null(flow_question_id(f, 3));
    ck_assert_ptr_null(flow_answer_label(f, 0, 2));
    ck_assert_int_eq(flow_answer_target(f, -1, 0), FLOW_NO_TARGET);
    flow_free(f);
}
END_TEST

START_TEST(test_several_flags)
{
    static const char text[] = "## Which? {#which multiple}\n\n"
                               "- [A](#end) {priority only}\n"
                               "- [B](#end) {urgent=urgent-now} {priority}\n";
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, sizeof text - 1, "t.md", &diags);
    ck_assert_int_eq(flow_validate(f, "t.md", &diags), 0);
    ck_assert_uint_eq(diags.n, 0);
    ck_assert_uint_eq(flow_answer_flags(f, 0, 0), FLOW_PRIORITY | FLOW_ONLY);
    ck_assert_uint_eq(flow_answer_flags(f, 0, 1), FLOW_URGENT | FLOW_PRIORITY);
    ck_assert_str_eq(flow_answer_urgent_page(f, 0, 1), "urgent-now");
    ck_assert_str_eq(flow_chosen_urgent_page(f, 0, 3), "urgent-now");
    flow_free(f);
}
END_TEST

START_TEST(test_empty_flow)
{
    struct flow_diags diags = {0};
    struct flow *f = flow_parse("", 0, "empty.md", &diags);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(flow_validate(f, "empty.md", &diags), 1);
    char *all = joined(&diags);
    ck_assert_str_eq(all, "empty.md:1: error: no questions found; a question is a level-2 heading "
                          "that ends with an id, like ## Are you safe right now? {#safety}");
    free(all);
    struct flow_session *s = flow_session_new(f);
    ck_assert_int_eq(flow_current(s), -1);
    ck_assert_int_eq(flow_select(s, 0), -1);
    ck_assert_int_eq(flow_next(s), -1);
    flow_session_free(s);
    flow_diags_free(&diags);
    flow_free(f);
}
END_TEST

/* ---- broken flows: one defect per file, exact messages ---- */

static const struct {
    const char *file, *messages;
} bad_flows[] = {
    {"bad-flows/unknown-target.md", "bad-flows/unknown-target.md:5: error: answer \"Yes\" goes to "
                                    "\"#which-one\", but no question has that id"},
    {"bad-flows/duplicate-id.md",
     "bad-flows/duplicate-id.md:8: error: duplicate id \"antidepressant\" (also used at line 3)"},
    {"bad-flows/unreachable.md", "bad-flows/unreachable.md:8: error: question \"which-one\" cannot "
                                 "be reached from the first question (\"antidepressant\")"},
    {"bad-flows/cycle.md",
     "bad-flows/cycle.md:11: error: answer \"Let me answer again\" goes back to question "
     "\"antidepressant\", which makes a loop: antidepressant -> which-one -> antidepressant"},
    {"bad-flows/never-ends.md",
     "bad-flows/never-ends.md:8: error: question \"which-one\" can never reach the end (#end): "
     "every answer leads into the loop which-one -> dose -> which-one"},
    {"bad-flows/no-link.md",
     "bad-flows/no-link.md:6: error: answer \"No\" has no link; write it as [No](#next-id)"},
    {"bad-flows/not-a-question-link.md",
     "bad-flows/not-a-question-link.md:6: error: answer \"No\" links to "
     "\"https://example.org/no\"; link to a question id, like (#next-id), or to (#end)"},
    {"bad-flows/link-not-first.md", "bad-flows/link-not-first.md:6: error: answer \"I do not\": "
                                    "put the link first, like [Yes](#next-id)"},
    {"bad-flows/no-answers.md", "bad-flows/no-answers.md:3: error: question \"antidepressant\" has "
                                "no answers; add a bullet list of answers like - [Yes](#next-id)"},
    {"bad-flows/bad-flag.md", "bad-flows/bad-flag.md:5: error: answer \"Yes\": unknown flag "
                              "\"urgnet\" (known flags: urgent=PAGE, priority, only)"},
    {"bad-flows/bare-urgent.md",
     "bad-flows/bare-urgent.md:5: error: answer \"Yes\": {urgent} must name the page it opens: "
     "write {urgent=urgent-self-harm} (thoughts of self-harm) or {urgent=urgent-now} (other "
     "emergencies), a page of this folder without .md"},
    {"bad-flows/bad-urgent-page.md",
     "bad-flows/bad-urgent-page.md:5: error: answer \"Yes\": \"urgent=Urgent-Now.md\" is not a "
     "page name; write {urgent=urgent-now}: the name of a page in this folder without .md (small "
     "letters, digits, hyphens)"},
    {"bad-flows/text-after-link.md",
     "bad-flows/text-after-link.md:5: error: answer \"Yes\": unexpected text \"urgent\" after the "
     "link; only flags in braces, like {priority}, may follow it"},
    {"bad-flows/bad-id.md", "bad-flows/bad-id.md:3: error: bad id \"Antidepressant\": use only "
                            "lowercase letters (a-z), digits and hyphens"},
    {"bad-flows/reserved-id.md", "bad-flows/reserved-id.md:8: error: the id \"end\" is reserved: "
                                 "it means \"go to the summary\"; choose another id"},
    {"bad-flows/heading-word.md",
     "bad-flows/heading-word.md:3: error: unknown word \"multi\" in "
     "{#medicines multi}; only \"multiple\" or \"ask\" may follow the id"},
    {"bad-flows/missing-id.md",
     "bad-flows/missing-id.md:5: error: answer \"Yes\" goes to \"#sleep\", but no question has "
     "that id\n"
     "bad-flows/missing-id.md:6: error: answer \"No\" goes to \"#sleep\", but no question has that "
     "id\n"
     "bad-flows/missing-id.md:8: error: level-2 heading \"Do you take a sleep medicine?\" has no "
     "id; end it with an id in braces, like {#my-question}"},
    {"bad-flows/mixed-targets.md",
     "bad-flows/mixed-targets.md:9: error: multiple-choice question \"medicines\": answer \"None "
     "of these\" goes to \"#end\" but answer \"Sertraline\" goes to \"#dose\"; all its answers "
     "must go to the same place"},
    {"flows/warnings.md",
     "flows/warnings.md:5: warning: this part is not read by the question flow and is ignored\n"
     "flows/warnings.md:9: warning: this part is not read by the question flow and is ignored\n"
     "flows/warnings.md:13: warning: answer \"Yes\": {only} does nothing in a question that is not "
     "multiple-choice\n"
     "flows/warnings.md:16: warning: answer \"Yes\": only a note in a > quote may follow the "
     "answer; this is ignored\n"
     "flows/warnings.md:19: warning: text after the answers is ignored; put help text above the "
     "answers"},
};

START_TEST(test_bad_flow)
{
    struct flow *f = load_data(bad_flows[_i].file);
    struct flow_diags diags = {0};
    int errors = flow_validate(f, bad_flows[_i].file, &diags);
    char *all = joined(&diags);
    ck_assert_str_eq(all, bad_flows[_i].messages);
    int expected = 0;
    for (size_t i = 0; i < diags.n; i++)
        expected += diags.items[i].is_error;
    ck_assert_int_eq(errors, expected);
    free(all);
    flow_diags_free(&diags);
    flow_free(f);
}
END_TEST

START_TEST(test_too_many_answers)
{
    char text[4096] = "## Which? {#which multiple}\n\n";
    for (int i = 0; i < 33; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "- [A%d](#end)\n", i);
    struct flow_diags diags = {0};
    struct flow *f = flow_parse(text, strlen(text), "many.md", &diags);
    ck_assert_int_eq(flow_validate(f, "many.md", &diags), 1);
    char *all = joined(&diags);
    ck_assert_str_eq(all,
                     "many.md:1: error: question \"which\" has 33 answers; the most allowed is 32");
    free(all);
    flow_diags_free(&diags);
    flow_free(f);
}
END_TEST

/* ---- language parity ---- */

START_TEST(test_parity_pair)
{
    struct flow *base = load_data("bad-flows/parity-base.md");
    struct flow *other = load_data("bad-flows/parity-other.md");
    struct flow_diags diags = {0};
    ck_assert_int_eq(flow_validate(other, "bad-flows/parity-other.md", &diags), 0);
    int errors =
        flow_compare(base, "bad-flows/parity-base.md", other, "bad-flows/parity-other.md", &diags);
    ck_assert_int_eq(errors, 1);
    char *all = joined(&diags);
    ck_assert_str_eq(all, "bad-flows/parity-other.md:5: error: answer 1 of \"safety\" has no flags "
                          "here but {urgent=urgent-self-harm} in bad-flows/parity-base.md:5");
    free(all);
    flow_diags_free(&diags);
    /* The same flags opening another page is a difference too. */
    struct flow *page = load_data("bad-flows/parity-page.md");
    ck_assert_int_eq(
        flow_compare(base, "bad-flows/parity-base.md", page, "bad-flows/parity-page.md", &diags),
        1);
    all = joined(&diags);
    ck_assert_str_eq(all, "bad-flows/parity-page.md:5: error: answer 1 of \"safety\" has "
                          "{urgent=urgent-now} here but {urgent=urgent-self-harm} in "
                          "bad-flows/parity-base.md:5");
    free(all);
    flow_free(page);
    flow_diags_free(&diags);
    flow_free(base);
    flow_free(other);
}
END_TEST

START_TEST(test_parity_messages)
{
    struct flow *base = load_data("flows/walk.md");
    struct flow *same = load_data("flows/walk-es.md");
    struct flow *other = load_data("flows/walk-other.md");
    struct flow_diags diags = {0};
    ck_assert_int_eq(flow_compare(base, "walk.md", same, "walk-es.md", &diags), 0);
    ck_assert_uint_eq(diags.n, 0);
    ck_assert_int_eq(flow_compare(base, "walk.md", other, "walk-other.md", &diags), 8);
    char *all = joined(&diags);
    ck_assert_str_eq(
        all,
        "walk-other.md:5: error: answer 1 of \"first\" goes to \"#third\" here but to \"#second\" "
        "in walk.md:12\n"
        "walk-other.md:6: error: answer 2 of \"first\" goes to \"#second\" here but to \"#third\" "
        "in walk.md:13\n"
        "walk-other.md:6: error: answer 2 of \"first\" has no note here but has one in walk.md:13\n"
        "walk-other.md:10: error: answer 1 of \"second\" has no note here but has one in "
        "walk.md:20\n"
        "walk-other.md:11: error: answer 2 of \"second\" has no flags here but {priority} in "
        "walk.md:22\n"
        "walk-other.md:11: error: answer 2 of \"second\" has no note here but has one in "
        "walk.md:22\n"
        "walk-other.md:16: error: answer 1 of \"third\" has no flags here but {urgent=urgent-now} "
        "in "
        "walk.md:28\n"
        "walk-other.md:16: error: answer 1 of \"third\" has no note here but has one in "
        "walk.md:28");
    free(all);
    flow_diags_free(&diags);
    flow_free(base);
    flow_free(same);
    flow_free(other);
}
END_TEST

START_TEST(test_parity_shape)
{
    static const char a[] =
        "## A {#a}\n\n- [x](#b)\n\n## B {#b multiple}\n\n- [y](#end)\n- [z](#end)\n\n"
        "## C {#c}\n\n- [w](#end)\n";
    static const char b[] = "## A {#a}\n\n- [x](#b)\n\n## B {#b}\n\n- [y](#end)\n\n## D {#d}\n\n"
                            "- [w](#end)\n\n## E {#e}\n\n- [v](#end)\n";
    struct flow_diags diags = {0};
    struct flow *fa = flow_parse(a, sizeof a - 1, "a.md", &diags);
    struct flow *fb = flow_parse(b, sizeof b - 1, "b.md", &diags);
    ck_assert_int_eq(flow_compare(fa, "a.md", fb, "b.md", &diags), 4);
    char *all = joined(&diags);
    ck_assert_str_eq(all,
                     "b.md:5: error: question \"b\" is not multiple-choice here but is in a.md:5\n"
                     "b.md:5: error: question \"b\" has 1 answers here but 2 in a.md:5\n"
                     "b.md:9: error: question id \"d\" should be \"c\" to match a.md:10; every "
                     "language has the same ids in the same order\n"
                     "b.md:13: error: question \"e\" is not in a.md");
    free(all);
    flow_diags_free(&diags);
    ck_assert_int_eq(flow_compare(fb, "b.md", fa, "a.md", &diags), 4);
    all = joined(&diags);
    ck_assert_str_eq(strrchr(all, '\n') + 1,
                     "a.md:10: error: question \"e\" (b.md:13) is missing here");
    free(all);
    flow_diags_free(&diags);
    flow_free(fa);
    flow_free(fb);
}
END_TEST

Suite *flow_suite(void)
{
    Suite *suite = suite_create("flow");
    TCase *tc = tcase_create("content");
    tcase_add_test(tc, test_bundled_validates);
    tcase_add_test(tc, test_bundled_content_rules);
    tcase_add_test(tc, test_bundled_safety_flags);
    suite_add_tcase(suite, tc);

    tc = tcase_create("parse");
    tcase_add_test(tc, test_parse_details);
    tcase_add_test(tc, test_several_flags);
    tcase_add_test(tc, test_empty_flow);
    suite_add_tcase(suite, tc);

    tc = tcase_create("validate");
    tcase_add_loop_test(tc, test_bad_flow, 0, (int)(sizeof bad_flows / sizeof bad_flows[0]));
    tcase_add_test(tc, test_too_many_answers);
    tcase_add_test(tc, test_parity_pair);
    tcase_add_test(tc, test_parity_messages);
    tcase_add_test(tc, test_parity_shape);
    suite_add_tcase(suite, tc);
    return suite;
}
