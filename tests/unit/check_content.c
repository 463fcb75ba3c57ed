/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_content.c: content folders: menu, metadata, placeholders, fallback,
 * refusal of paths that leave the folder, the languages list, and the
 * question flows read together on first use. */
#include "config.h"

#include "suites.h"
#include "core/content.h"
#include "core/flow.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char err[2048];

static struct content *open_test(const char *name)
{
    return content_open(test_data_path(name), "en", err, sizeof err);
}

START_TEST(page_names)
{
    ck_assert_int_eq(content_page_name_ok("faq.md"), 1);
    ck_assert_int_eq(content_page_name_ok("risks-of_2.md"), 1);
    ck_assert_int_eq(content_page_name_ok("../x.md"), 0);
    ck_assert_int_eq(content_page_name_ok("/etc/x.md"), 0);
    ck_assert_int_eq(content_page_name_ok("a/b.md"), 0);
    ck_assert_int_eq(content_page_name_ok(".hidden.md"), 0);
    ck_assert_int_eq(content_page_name_ok("faq.txt"), 0);
    ck_assert_int_eq(content_page_name_ok("a..md"), 0);
}
END_TEST

START_TEST(minimal_menu_and_metadata)
{
    struct content *c = open_test("content/minimal");
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_str_eq(c->title, "Minimal home");
    ck_assert_uint_eq(c->entry_count, 1);
    ck_assert_str_eq(c->entries[0].label, "Page one");
    ck_assert_str_eq(c->entries[0].page, "one.md");
    ck_assert_int_eq(c->entries[0].line, 9);
    ck_assert_str_eq(content_var(c, "content-version"), "9.9");
    ck_assert_str_eq(content_var(c, "last-reviewed"), "2026-01-02");
    content_set_var(c, "clinic-name", "Dr *Bold* [x](y)");
    size_t len;
    int fell_back;
    char *page = content_read_page(c, "one.md", &len, &fell_back, err, sizeof err);
    ck_assert_ptr_nonnull(page);
    ck_assert_str_eq(page, "# One\n\nVersion 9.9 at Dr \\*Bold\\* \\[x\\](y), {{unknown}}.\n");
    ck_assert_int_eq(fell_back, 0);
    free(page);
    content_close(c);
}
END_TEST

START_TEST(missing_page_named_with_line)
{
    ck_assert_ptr_null(open_test("content/missing-page"));
    char want[4096];
    snprintf(want, sizeof want,
             "%s/en/index.md:4: error: the menu names %s/en/gone.md, which does not exist",
             test_data_path("content/missing-page"), test_data_path("content/missing-page"));
    ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(unset_clinic_reads_naturally)
{
    /* No clinic configured (or an empty one): words, never "{{clinic-name}}". */
    struct content *c = open_test("content/minimal");
    ck_assert_msg(c != NULL, "%s", err);
    size_t len;
    int fell_back;
    char *page = content_read_page(c, "one.md", &len, &fell_back, err, sizeof err);
    ck_assert_ptr_nonnull(page);
    ck_assert_str_eq(page, "# One\n\nVersion 9.9 at the clinic, {{unknown}}.\n");
    free(page);
    content_set_var(c, "clinic-name", "");
    const char *text = "Call {{clinic-name}} at {{clinic-phone}}.";
    char *filled = content_fill(c, text, strlen(text), &len);
    ck_assert_str_eq(filled, "Call the clinic at the number your care team gave you.");
    ck_assert_uint_eq(len, strlen(filled));
    free(filled);
    ck_assert_str_eq(content_placeholder_default("clinic-name", 1), "the clinic");
    ck_assert_ptr_null(content_placeholder_default("content-version", 1));
    content_close(c);
}
END_TEST

START_TEST(no_menu_is_an_error)
{
    ck_assert_ptr_null(open_test("content/no-menu"));
    ck_assert_ptr_nonnull(
        strstr(err, "/en/index.md:1: error: index.md has no list of links to pages (the menu)"));
}
END_TEST

START_TEST(links_cannot_leave_the_folder)
{
    ck_assert_ptr_null(open_test("content/bad-link"));
    ck_assert_ptr_nonnull(strstr(
        err, "index.md:3: error: menu link \"../../../etc/passwd\" is not a page file name"));
    /* A symlink inside the folder that points outside it is refused too. */
    char dir[] = "/tmp/kiosk-content-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/en", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/en/index.md", dir);
    FILE *f = fopen(path, "w");
    fputs("# T\n\n- [Out](out.md)\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/en/out.md", dir);
    ck_assert_int_eq(symlink("/etc/hostname", path), 0);
    ck_assert_ptr_null(content_open(dir, "en", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "out.md leads outside the content folder"));
    unlink(path);
    snprintf(path, sizeof path, "%s/en/index.md", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/en", dir);
    rmdir(path);
    rmdir(dir);
}
END_TEST

/* A symlink to another page of the same folder stays inside it; one that
 * leaves through "../" does not, even when the file exists. */
START_TEST(symlinks_are_resolved)
{
    char dir[] = "/tmp/kiosk-content-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/en", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/es", dir);
    mkdir(path, 0700);
    const char *files[] = {"en/index.md", "en/real.md", "es/other.md"};
    const char *texts[] = {"# T\n\n- [Real](real.md)\n- [Alias](alias.md)\n", "# Real\n", "# O\n"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs(texts[i], f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/en/alias.md", dir);
    ck_assert_int_eq(symlink("real.md", path), 0);
    struct content *c = content_open(dir, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    size_t len;
    int fell_back;
    char *page = content_read_page(c, "alias.md", &len, &fell_back, err, sizeof err);
    ck_assert_msg(page != NULL, "%s", err);
    ck_assert_str_eq(page, "# Real\n");
    free(page);
    /* Made to point outside after the check: reading it is refused. */
    unlink(path);
    ck_assert_int_eq(symlink("../es/other.md", path), 0);
    ck_assert_ptr_null(content_read_page(c, "alias.md", &len, &fell_back, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "leads outside the content folder"));
    content_close(c);
    ck_assert_ptr_null(content_open(dir, "en", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "alias.md leads outside the content folder"));
    unlink(path);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/en", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/es", dir);
    rmdir(path);
    rmdir(dir);
}
END_TEST

START_TEST(missing_folder_gives_reason)
{
    ck_assert_ptr_null(open_test("content/does-not-exist"));
    ck_assert_ptr_nonnull(strstr(
        err, "/en/index.md: error: cannot read the content index: No such file or directory"));
}
END_TEST

/* Each language's own name from its index.md metadata, wherever the
 * comment is; a folder without an index.md is no language. Only the
 * metadata is read: en's missing page is for content_open() to report
 * when en is chosen. */
START_TEST(languages_named_from_metadata)
{
    struct content_language langs[8];
    size_t n = content_languages(getenv("KIOSK_CONTENT_DIR"), langs, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(langs[0].code, "en");
    ck_assert_str_eq(langs[0].name, "English");
    ck_assert_str_eq(langs[1].code, "es");
    ck_assert_str_eq(langs[1].name, "Español");
    ck_assert_str_eq(langs[2].code, "zh");
    ck_assert_str_eq(langs[2].name, "中文");

    char dir[] = "/tmp/kiosk-content-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    const char *folders[] = {"en", "fr", "de", "none"};
    const char *texts[] = {
        "<!--\nlanguage-name: English\n-->\n# T\n\n- [Gone](gone.md)\n",
        "# Titre\n\n<!--\nlanguage-name: Français\n-->\n",
        "<!-- -->\n# Titel\n",
        NULL,
    };
    char path[PATH_MAX];
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, folders[i]);
        mkdir(path, 0700);
        if (!texts[i])
            continue;
        snprintf(path, sizeof path, "%s/%s/index.md", dir, folders[i]);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs(texts[i], f);
        fclose(f);
    }
    n = content_languages(dir, langs, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(langs[0].name, "English");
    ck_assert_str_eq(langs[1].code, "de");
    ck_assert_str_eq(langs[1].name, "de"); /* no language-name: the code */
    ck_assert_str_eq(langs[2].name, "Français");
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s/index.md", dir, folders[i]);
        unlink(path);
        snprintf(path, sizeof path, "%s/%s", dir, folders[i]);
        rmdir(path);
    }
    rmdir(dir);
}
END_TEST

/* The flows a session reads when the questions are first opened: the
 * patient's and the clinician's language's; each failure named. */
START_TEST(flows_read_together)
{
    const char *root = getenv("KIOSK_CONTENT_DIR");
    struct content *c = content_open(root, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    struct flow *flow, *second;
    ck_assert_int_eq(flow_load_flows(c, "es", &flow, &second, err, sizeof err), 0);
    ck_assert_ptr_nonnull(flow);
    ck_assert_ptr_nonnull(second);
    ck_assert_uint_eq(flow_question_count(flow), flow_question_count(second));
    flow_free(flow);
    flow_free(second);
    ck_assert_int_eq(flow_load_flows(c, NULL, &flow, &second, err, sizeof err), 0);
    ck_assert_ptr_nonnull(flow);
    ck_assert_ptr_null(second);
    flow_free(flow);
    ck_assert_int_eq(flow_load_flows(c, "fr", &flow, &second, err, sizeof err), -2);
    ck_assert_ptr_null(flow);
    ck_assert_ptr_null(second);
    ck_assert_ptr_nonnull(strstr(err, "/fr/index.md: error: cannot read the content index"));
    content_close(c);

    /* A single-file preview has no questions. */
    c = content_bare(root, "en");
    ck_assert_int_eq(flow_load_flows(c, "es", &flow, &second, err, sizeof err), 0);
    ck_assert_ptr_null(flow);
    ck_assert_ptr_null(second);
    content_close(c);

    /* A broken questions.md: its file and line. */
    char dir[] = "/tmp/kiosk-content-XXXXXX", path[PATH_MAX];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/en", dir);
    mkdir(path, 0700);
    const char *files[] = {"index.md", "questions.md"};
    const char *texts[] = {"# T\n\n- [Questions](questions.md)\n",
                           "# Q\n\n## Any? {#any}\n\n- [Yes](#nowhere)\n"};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/en/%s", dir, files[i]);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs(texts[i], f);
        fclose(f);
    }
    c = content_open(dir, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_int_eq(flow_load_flows(c, "es", &flow, &second, err, sizeof err), -1);
    ck_assert_ptr_null(flow);
    ck_assert_ptr_null(second);
    ck_assert_ptr_nonnull(strstr(err, "/en/questions.md:5: error: "));
    content_close(c);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/en/%s", dir, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/en", dir);
    rmdir(path);
    rmdir(dir);
}
END_TEST

START_TEST(bundled_content_opens)
{
    struct content *c = content_open(getenv("KIOSK_CONTENT_DIR"), "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_uint_ge(c->entry_count, 10);
    ck_assert_ptr_nonnull(content_var(c, "content-version"));
    ck_assert_ptr_nonnull(content_var(c, "last-reviewed"));
    content_close(c);
}
END_TEST

Suite *content_suite(void)
{
    Suite *s = suite_create("content");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, page_names);
    tcase_add_test(tc, minimal_menu_and_metadata);
    tcase_add_test(tc, missing_page_named_with_line);
    tcase_add_test(tc, unset_clinic_reads_naturally);
    tcase_add_test(tc, no_menu_is_an_error);
    tcase_add_test(tc, links_cannot_leave_the_folder);
    tcase_add_test(tc, symlinks_are_resolved);
    tcase_add_test(tc, missing_folder_gives_reason);
    tcase_add_test(tc, languages_named_from_metadata);
    tcase_add_test(tc, flows_read_together);
    tcase_add_test(tc, bundled_content_opens);
    suite_add_tcase(s, tc);
    return s;
}
