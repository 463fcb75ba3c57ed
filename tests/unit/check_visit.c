/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_visit.c: one patient's visit (visit.c), as both front ends and
 * --summary use it: the questions, the urgent page, the training line, the
 * language switch with the answers kept, and the printout (text, HTML
 * page, print, save, wipe). */
#include "config.h"

#include "suites.h"
#include "core/content.h"
#include "core/i18n.h"
#include "core/visit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char msg[2048];

/* A visit on tests/data/content/urgent in lang, the questions read. */
static void open_visit(struct visit *v, const struct visit_options *o, const char *lang)
{
    struct content *c = content_open(test_data_path("content/urgent"), lang, msg, sizeof msg);
    ck_assert_msg(c != NULL, "%s", msg);
    visit_start(v, c, NULL, NULL, o);
    ck_assert_int_eq(visit_flow_ready(v, msg, sizeof msg), 1);
}

/* Remove dir and the files in it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            char path[4200];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            ck_assert_int_eq(unlink(path), 0);
        }
    closedir(d);
    ck_assert_int_eq(rmdir(dir), 0);
}

static void close_visit(struct visit *v)
{
    struct content *c;
    struct flow *f;
    visit_end(v, &c, &f);
    flow_free(f);
    content_close(c);
    i18n_set_language("en");
}

START_TEST(t_walks_and_opens_urgent_page)
{
    struct visit_options o = {0};
    struct visit v;
    open_visit(&v, &o, "en");
    ck_assert_int_eq(visit_question(&v), -1); /* not started */
    ck_assert_ptr_null(visit_summary(&v));
    ck_assert_int_eq(visit_begin(&v, msg, sizeof msg), VISIT_QUESTION);
    ck_assert_int_eq(visit_question(&v), 0);
    ck_assert_int_eq(visit_next(&v), VISIT_NO_ANSWER); /* nothing chosen */
    ck_assert_str_eq(visit_answer_mark(&v, 0, 0), "( )");
    ck_assert_int_eq(visit_choose(&v, 0), 0);
    ck_assert_int_eq(visit_choose(&v, 0), 0); /* again: still chosen */
    ck_assert_int_eq(visit_chosen(&v, 0), 1);
    ck_assert_str_eq(visit_answer_mark(&v, 0, 0), "(*)");
    ck_assert_int_eq(visit_next(&v), VISIT_URGENT);
    ck_assert_str_eq(visit_urgent_page(&v), "urgent-self-harm");
    size_t len;
    int fell_back;
    char *text = visit_urgent_text(&v, &len, &fell_back);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(fell_back, 0);
    ck_assert_uint_eq(len, strlen(text));
    free(text);
    ck_assert_int_eq(visit_go_on(&v), VISIT_QUESTION);
    ck_assert_int_eq(visit_question(&v), 1);
    char pos[128];
    visit_position(&v, pos, sizeof pos);
    ck_assert_str_eq(pos, "Question 2 of about 2");
    /* An answer whose page nobody has: the built-in crisis text. */
    visit_choose(&v, 1);
    ck_assert_int_eq(visit_next(&v), VISIT_URGENT);
    ck_assert_str_eq(visit_urgent_page(&v), "urgent-gone");
    text = visit_urgent_text(&v, &len, &fell_back);
    ck_assert_ptr_nonnull(strstr(text, "988"));
    free(text);
    ck_assert_int_eq(visit_go_on(&v), VISIT_SUMMARY);
    /* Back from the end, then a calm answer: no urgent page. */
    ck_assert_int_eq(visit_back(&v), 0);
    visit_choose(&v, 2);
    ck_assert_int_eq(visit_next(&v), VISIT_SUMMARY);
    ck_assert_ptr_null(visit_urgent_page(&v));
    ck_assert_int_eq(visit_back(&v), 0);
    ck_assert_int_eq(visit_back(&v), 0);
    ck_assert_int_eq(visit_back(&v), -1); /* before the first question */
    /* Resumed where the patient left off. */
    ck_assert_int_eq(visit_begin(&v, msg, sizeof msg), VISIT_QUESTION);
    ck_assert_int_eq(visit_chosen(&v, 0), 1);
    close_visit(&v);
}
END_TEST

/* What q asks about: anything answered, not merely the questions opened;
 * nothing once the visit is forgotten (Finish). */
START_TEST(t_answered)
{
    struct visit_options o = {0};
    struct visit v;
    open_visit(&v, &o, "en");
    ck_assert_int_eq(visit_answered(&v), 0);
    ck_assert_int_eq(visit_begin(&v, msg, sizeof msg), VISIT_QUESTION);
    ck_assert_int_eq(visit_answered(&v), 0); /* opened, nothing chosen */
    ck_assert_int_eq(visit_choose(&v, 1), 0);
    ck_assert_int_eq(visit_answered(&v), 1);
    visit_forget(&v);
    ck_assert_int_eq(visit_answered(&v), 0);
    close_visit(&v);
}
END_TEST

START_TEST(t_training_reason)
{
    struct visit_options o = {.training = 1};
    struct visit v;
    open_visit(&v, &o, "en");
    visit_begin(&v, msg, sizeof msg);
    char *help = visit_question_help(&v, 0);
    ck_assert_ptr_nonnull(strstr(help, "the first question, shown to everyone"));
    free(help);
    visit_choose(&v, 1);
    visit_next(&v);
    char *why = visit_training_reason(&v, 1);
    ck_assert_str_eq(why, "[Training] Question id \"signs\", shown because of the answer \"No\" to "
                          "\"Right now, are you having thoughts of hurting yourself?\".");
    free(why);
    close_visit(&v);

    /* Outside training there is no such line. */
    struct visit_options plain = {0};
    open_visit(&v, &plain, "en");
    visit_begin(&v, msg, sizeof msg);
    ck_assert_ptr_null(visit_training_reason(&v, 0));
    help = visit_question_help(&v, 0);
    ck_assert_ptr_null(strstr(help, "[Training]"));
    free(help);
    close_visit(&v);
}
END_TEST

/* One call switches the content, the questions and the summary's words;
 * the answers stay. A language that cannot be opened changes nothing. */
START_TEST(t_language_switch_keeps_answers)
{
    struct visit_options o = {0};
    struct visit v;
    open_visit(&v, &o, "en");
    visit_begin(&v, msg, sizeof msg);
    visit_choose(&v, 1);
    visit_next(&v);
    const char *md = visit_summary(&v);
    ck_assert_ptr_nonnull(strstr(md, "— No"));
    ck_assert_int_eq(visit_set_language(&v, "es", msg, sizeof msg), 0);
    ck_assert_str_eq(v.content->lang, "es");
    ck_assert_int_eq(visit_question(&v), 1);
    ck_assert_int_eq(visit_back(&v), 0);
    ck_assert_int_eq(visit_chosen(&v, 1), 1);
    visit_next(&v);
    md = visit_summary(&v);
    ck_assert_ptr_nonnull(strstr(md, "¿Tiene ahora pensamientos de hacerse daño? — No"));
    ck_assert_int_eq(visit_set_language(&v, "xx", msg, sizeof msg), -1);
    ck_assert_uint_gt(strlen(msg), 0);
    ck_assert_str_eq(v.content->lang, "es");
    ck_assert_int_eq(visit_question(&v), 1);
    close_visit(&v);
}
END_TEST

/* The text printout and the saved HTML are one thing: --summary --format
 * html is the same whole page a saved summary is. */
START_TEST(t_printout_and_replay)
{
    struct visit_options o = {.clinic_name = "Test Clinic"};
    struct visit v;
    open_visit(&v, &o, "en");
    ck_assert_int_eq(visit_replay(&v, "safety=2,signs=3", msg, sizeof msg), 0);
    ck_assert_int_eq(visit_question(&v), -1);
    char *text = visit_printout(&v, 40, 0);
    ck_assert_ptr_nonnull(strstr(text, "Test Clinic"));
    ck_assert_ptr_nonnull(strstr(text, "No"));
    for (char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        ck_assert_int_le(strcspn(line, "\n"), 40 * 4); /* bytes: at most 40 cells of UTF-8 */
    free(text);
    char *html = visit_printout(&v, 80, 1);
    ck_assert_int_eq(strncmp(html, "<!DOCTYPE html>", 15), 0);
    ck_assert_ptr_nonnull(strstr(html, "</html>"));
    ck_assert_ptr_nonnull(strstr(html, "<h1>"));
    free(html);
    ck_assert_int_eq(visit_replay(&v, "safety=9", msg, sizeof msg), -1);
    ck_assert_uint_gt(strlen(msg), 0);
    close_visit(&v);
}
END_TEST

START_TEST(t_print_and_save)
{
    char dir[] = "/tmp/check-visit-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char script[4096];
    snprintf(script, sizeof script, "%s", test_data_path("print/record.sh"));
    char *argv[] = {"sh", script, dir, NULL};
    struct visit_options o = {.print_argv = argv, .print_width = 32, .save_dir = dir};
    struct visit v;
    open_visit(&v, &o, "en");
    ck_assert_int_eq(visit_replay(&v, "safety=2,signs=3", msg, sizeof msg), 0);
    char *copy = NULL;
    ck_assert_int_eq(visit_print(&v, &copy, msg, sizeof msg), 0);
    ck_assert_ptr_nonnull(strstr(msg, "Sent to the printer"));
    ck_assert_ptr_nonnull(copy);
    char path[4200];
    snprintf(path, sizeof path, "%s/text", dir);
    size_t len;
    char *printed = content_slurp(path, 1 << 20, &len);
    ck_assert_ptr_nonnull(printed);
    ck_assert_str_eq(printed, copy);
    free(printed);
    free(copy);
    ck_assert_int_eq(visit_save(&v, msg, sizeof msg), 0);
    /* The patient reads the files' name, never the server's folder. */
    ck_assert_ptr_nonnull(strstr(msg, "Saved as summary-"));
    ck_assert_ptr_null(strstr(msg, dir));
    ck_assert_ptr_null(strchr(msg, '/'));
    /* Forgotten: no answers, no summary, nothing to print. */
    visit_forget(&v);
    ck_assert_int_eq(visit_question(&v), -1);
    ck_assert_ptr_null(visit_summary(&v));
    ck_assert_int_eq(visit_print(&v, NULL, msg, sizeof msg), -1);
    close_visit(&v);
    remove_dir(dir);

    /* A printer that refuses and a folder that is gone: whole sentences
     * for the patient, with no command, status or path in them. */
    char fail[4096];
    snprintf(fail, sizeof fail, "%s", test_data_path("print/fail.sh"));
    char *fail_argv[] = {"sh", fail, NULL};
    struct visit_options bad = {.print_argv = fail_argv, .save_dir = "/nonexistent/kiosk-folder"};
    open_visit(&v, &bad, "en");
    ck_assert_int_eq(visit_replay(&v, "safety=2,signs=3", msg, sizeof msg), 0);
    ck_assert_int_eq(visit_print(&v, NULL, msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The printer did not accept the summary. Your summary is still here; you "
                          "can try again or ask the front desk.");
    ck_assert_int_eq(visit_save(&v, msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The summary could not be saved. Your summary is still here; you can "
                          "try again or ask the front desk.");
    close_visit(&v);

    /* No printer set up: a sentence that says so. */
    struct visit_options off = {0};
    open_visit(&v, &off, "en");
    visit_replay(&v, "safety=2,signs=3", msg, sizeof msg);
    ck_assert_int_eq(visit_print(&v, NULL, msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "Printing is not set up here.");
    close_visit(&v);
}
END_TEST

/* A single-file preview never has questions; content without questions.md
 * has none either. */
START_TEST(t_without_questions)
{
    struct visit_options o = {.file = "one.md"};
    struct content *c = content_open(test_data_path("content/minimal"), "en", msg, sizeof msg);
    ck_assert_msg(c != NULL, "%s", msg);
    struct visit v;
    visit_start(&v, c, NULL, NULL, &o);
    ck_assert_int_eq(visit_flow_ready(&v, msg, sizeof msg), 0);
    o.file = NULL;
    ck_assert_int_eq(visit_flow_ready(&v, msg, sizeof msg), 0);
    ck_assert_int_eq(visit_begin(&v, msg, sizeof msg), -1);
    ck_assert_uint_gt(strlen(msg), 0);
    close_visit(&v);
}
END_TEST

Suite *visit_suite(void)
{
    Suite *s = suite_create("visit");
    TCase *tc = tcase_create("visit");
    tcase_add_test(tc, t_walks_and_opens_urgent_page);
    tcase_add_test(tc, t_answered);
    tcase_add_test(tc, t_training_reason);
    tcase_add_test(tc, t_language_switch_keeps_answers);
    tcase_add_test(tc, t_printout_and_replay);
    tcase_add_test(tc, t_print_and_save);
    tcase_add_test(tc, t_without_questions);
    suite_add_tcase(s, tc);
    return s;
}
