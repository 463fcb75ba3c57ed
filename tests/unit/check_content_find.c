/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_content_find.c: a local content folder over the packaged one
 * (content_find.c): a local page wins, a local index.md replaces the menu,
 * a language's page may be added, a link out of either folder is refused,
 * the languages of both are offered, the question flow and the check read
 * the local copy, and which folder is local by default. */
#include "config.h"

#include "suites.h"
#include "core/check.h"
#include "core/content.h"
#include "core/content_find.h"
#include "core/flow.h"
#include "core/kiosk_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char work[256], root[512], local[512], err[2048];

static void put(const char *dir, const char *rel, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(path, 0755);
        *s = '/';
    }
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static const char index_en[] = "<!--\ncontent-version: 1\nlanguage-name: English\n-->\n"
                               "# Packaged home\n\n- [One](one.md)\n- [Two](two.md)\n";

static void setup(void)
{
    snprintf(work, sizeof work, "%s/kiosk-find-XXXXXX", P_tmpdir);
    ck_assert_ptr_nonnull(mkdtemp(work));
    snprintf(root, sizeof root, "%s/packaged", work);
    snprintf(local, sizeof local, "%s/local", work);
    mkdir(root, 0755);
    mkdir(local, 0755);
    put(root, "en/index.md", index_en);
    put(root, "en/one.md", "# One\n\nPackaged one.\n");
    put(root, "en/two.md", "# Two\n\nPackaged two.\n");
    put(root, "es/index.md", "<!--\nlanguage-name: Español\n-->\n# Inicio\n\n- [Uno](one.md)\n");
    put(root, "es/one.md", "# Uno\n\nUno empaquetado.\n");
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(local_page_first)
{
    char path[1024], want[1024];
    ck_assert_int_eq(content_find(root, local, "en", "one.md", path, sizeof path),
                     CONTENT_PACKAGED);
    snprintf(want, sizeof want, "%s/en/one.md", root);
    ck_assert_str_eq(path, want);

    put(local, "en/one.md", "# One\n\nOur clinic's one.\n");
    ck_assert_int_eq(content_find(root, local, "en", "one.md", path, sizeof path), CONTENT_LOCAL);
    snprintf(want, sizeof want, "%s/en/one.md", local);
    ck_assert_str_eq(path, want);
    /* Without a local folder, the packaged file. */
    ck_assert_int_eq(content_find(root, NULL, "en", "one.md", path, sizeof path), CONTENT_PACKAGED);
    ck_assert_int_eq(content_find(root, "", "en", "one.md", path, sizeof path), CONTENT_PACKAGED);

    /* Missing in both: the packaged path, for the message. */
    ck_assert_int_eq(content_find(root, local, "en", "none.md", path, sizeof path),
                     CONTENT_MISSING);
    snprintf(want, sizeof want, "%s/en/none.md", root);
    ck_assert_str_eq(path, want);
    /* A path too long for the buffer is not found (never truncated and used). */
    char tiny[16];
    ck_assert_int_eq(content_find(root, local, "en", "one.md", tiny, sizeof tiny), CONTENT_MISSING);
}
END_TEST

START_TEST(language_fallback_order)
{
    char path[1024], want[1024];
    int fell_back;
    /* es has no two.md: English's, packaged. */
    ck_assert_int_eq(content_find_lang(root, local, "es", "two.md", path, sizeof path, &fell_back),
                     CONTENT_PACKAGED);
    ck_assert_int_eq(fell_back, 1);
    /* A local English two.md is the fallback then. */
    put(local, "en/two.md", "# Two\n\nOur two.\n");
    ck_assert_int_eq(content_find_lang(root, local, "es", "two.md", path, sizeof path, &fell_back),
                     CONTENT_LOCAL);
    ck_assert_int_eq(fell_back, 1);
    /* The clinic adds the Spanish page: no fallback any more. */
    put(local, "es/two.md", "# Dos\n\nNuestro dos.\n");
    ck_assert_int_eq(content_find_lang(root, local, "es", "two.md", path, sizeof path, &fell_back),
                     CONTENT_LOCAL);
    ck_assert_int_eq(fell_back, 0);
    snprintf(want, sizeof want, "%s/es/two.md", local);
    ck_assert_str_eq(path, want);
    /* Missing everywhere: names the language's packaged file. */
    ck_assert_int_eq(content_find_lang(root, local, "es", "none.md", path, sizeof path, &fell_back),
                     CONTENT_MISSING);
    snprintf(want, sizeof want, "%s/es/none.md", root);
    ck_assert_str_eq(path, want);
    ck_assert_int_eq(fell_back, 0);
}
END_TEST

/* Each folder keeps the menu's rule: a link must stay inside its own
 * folder, so a local link to the packaged file is refused as well. */
START_TEST(links_stay_inside_their_folder)
{
    char path[1024], target[1024], link[1024];
    mkdir(local, 0755);
    put(local, "en/.keep", "");
    snprintf(target, sizeof target, "%s/en/one.md", root);
    snprintf(link, sizeof link, "%s/en/one.md", local);
    ck_assert_int_eq(symlink(target, link), 0);
    ck_assert_int_eq(content_find(root, local, "en", "one.md", path, sizeof path), CONTENT_OUTSIDE);
    ck_assert_str_eq(path, link);
    /* Inside the local folder: fine. */
    put(local, "en/real.md", "# Real\n");
    snprintf(link, sizeof link, "%s/en/alias.md", local);
    ck_assert_int_eq(symlink("real.md", link), 0);
    ck_assert_int_eq(content_find(root, local, "en", "alias.md", path, sizeof path), CONTENT_LOCAL);

    struct content *c = content_open_local(root, local, "en", err, sizeof err);
    ck_assert_ptr_null(c);
    ck_assert_msg(strstr(err, "/local/en/one.md leads outside the content folder") != NULL, "%s",
                  err);
}
END_TEST

START_TEST(local_index_replaces_menu)
{
    struct content *c = content_open_local(root, local, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_str_eq(c->title, "Packaged home");
    ck_assert_uint_eq(c->entry_count, 2);
    content_close(c);

    put(local, "en/index.md",
        "<!--\ncontent-version: 7\n-->\n# Our clinic\n\n- [One](one.md)\n- [Ours](ours.md)\n");
    /* The local menu names a page only the local folder has: refused until it is written. */
    ck_assert_ptr_null(content_open_local(root, local, "en", err, sizeof err));
    ck_assert_msg(
        strstr(err, "/local/en/index.md:7: error: the menu names ours.md, which is neither in ") !=
            NULL,
        "%s", err);
    put(local, "en/ours.md", "# Ours\n\nFrom {{clinic-name}}.\n");
    c = content_open_local(root, local, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    ck_assert_str_eq(c->title, "Our clinic");
    ck_assert_uint_eq(c->entry_count, 2);
    ck_assert_str_eq(content_var(c, "content-version"), "7");
    ck_assert_ptr_nonnull(strstr(c->index_path, "/local/en/index.md"));
    size_t len;
    int fell_back;
    char *text = content_read_page(c, "ours.md", &len, &fell_back, err, sizeof err);
    ck_assert_msg(text != NULL, "%s", err);
    ck_assert_str_eq(text, "# Ours\n\nFrom the clinic.\n"); /* the placeholder read naturally */
    free(text);
    text = content_read_page(c, "one.md", &len, &fell_back, err, sizeof err);
    ck_assert_str_eq(text, "# One\n\nPackaged one.\n");
    free(text);
    /* Opened without the local folder, the packaged menu as before. */
    struct content *plain = content_open(root, "en", err, sizeof err);
    ck_assert_str_eq(plain->title, "Packaged home");
    content_close(plain);
    content_close(c);
}
END_TEST

START_TEST(languages_of_both)
{
    struct content_language langs[8];
    put(local, "fr/index.md", "<!--\nlanguage-name: Français\n-->\n# Accueil\n\n- [Un](one.md)\n");
    put(local, "es/index.md",
        "<!--\nlanguage-name: Español (clínica)\n-->\n# Inicio\n\n"
        "- [Uno](one.md)\n");
    size_t n = content_languages_local(root, local, langs, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(langs[0].code, "en");
    ck_assert_str_eq(langs[1].code, "es");
    ck_assert_str_eq(langs[1].name, "Español (clínica)");
    ck_assert_str_eq(langs[2].code, "fr");
    ck_assert_str_eq(langs[2].name, "Français");
    ck_assert_uint_eq(content_languages(root, langs, 8), 2);
    /* A local-only language opens, its pages falling back to English's. */
    struct content *c = content_open_local(root, local, "fr", err, sizeof err);
    ck_assert_msg(c == NULL, "fr has no one.md of its own: the menu check refuses it");
    put(local, "fr/one.md", "# Un\n");
    c = content_open_local(root, local, "fr", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    size_t len;
    int fell_back;
    char *text = content_read_page(c, "two.md", &len, &fell_back, err, sizeof err);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(fell_back, 1);
    free(text);
    content_close(c);
}
END_TEST

START_TEST(questions_from_local)
{
    static const char q[] =
        "# Check-in\n\n## How are you today? {#mood}\n\n- [Good](#end)\n- [Not good](#end)\n";
    put(root, "en/questions.md", q);
    struct content *c = content_open_local(root, local, "en", err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    struct flow *flow;
    ck_assert_int_eq(flow_load_content(c, &flow, err, sizeof err), 0);
    ck_assert_ptr_nonnull(flow);
    ck_assert_str_eq(flow_question_id(flow, 0), "mood");
    flow_free(flow);
    put(local, "en/questions.md",
        "# Check-in\n\n## How is your sleep? {#sleep}\n\n- [Good](#end)\n- [Not good](#end)\n");
    ck_assert_int_eq(flow_load_content(c, &flow, err, sizeof err), 0);
    ck_assert_str_eq(flow_question_id(flow, 0), "sleep");
    flow_free(flow);
    content_close(c);
}
END_TEST

START_TEST(check_reads_local)
{
    put(local, "en/one.md", "# One\n\nOurs, with a [broken link](nowhere.md).\n");
    struct check_options opts = {.max_grade = 8, .min_ease_es = 60, .today = 0, .local = local};
    struct check_result result;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    check_content(root, &opts, out, &result);
    fclose(out);
    char want[1024];
    snprintf(want, sizeof want, "%s/en/one.md:3: error: link \"nowhere.md\": there is no page",
             local);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    ck_assert_msg(strstr(text, "en   local one.md") != NULL, "%s", text);
    ck_assert_msg(strstr(text, "en   -     two.md") != NULL, "%s", text);
    snprintf(want, sizeof want, "1 of 5 pages from the local folder %s", local);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    free(text);

    /* Without the local folder: the packaged page, and no column. */
    opts.local = NULL;
    text = NULL;
    out = open_memstream(&text, &len);
    check_content(root, &opts, out, &result);
    fclose(out);
    ck_assert_msg(strstr(text, "nowhere.md") == NULL, "%s", text);
    ck_assert_msg(strstr(text, "local") == NULL, "%s", text);
    free(text);
}
END_TEST

START_TEST(default_local_folder)
{
    ck_assert_ptr_null(content_default_local("/some/content", NULL));
    ck_assert_ptr_null(content_default_local("/some/content", "/srv/local"));
    ck_assert_str_eq(content_default_local(NULL, "/srv/local"), "/srv/local");
    ck_assert_ptr_null(content_default_local(NULL, ""));
    /* make check sets KIOSK_CONTENT_DIR: the installed local folder is never read then. */
    ck_assert_ptr_nonnull(getenv("KIOSK_CONTENT_DIR"));
    ck_assert_ptr_null(content_default_local(NULL, NULL));
    ck_assert_str_eq(content_installed_local(), SYSCONFDIR "/patient-kiosk/content");
}
END_TEST

START_TEST(config_local_folder)
{
    struct kiosk_config cfg;
    char text[1024];
    snprintf(text, sizeof text, "[content]\nlocal_folder = %s\n", local);
    ck_assert_int_eq(config_load_buffer("t.conf", text, strlen(text), &cfg, err, sizeof err), 0);
    ck_assert_str_eq(cfg.local_folder, local);
    ck_assert_int_eq(cfg.local_folder_line, 2);
    config_free(&cfg);

    ck_assert_int_eq(
        config_load_buffer("t.conf", "[content]\nlocal_folder =\n", 25, &cfg, err, sizeof err), 0);
    ck_assert_str_eq(cfg.local_folder, "");
    ck_assert_int_eq(cfg.local_folder_line, 2);
    config_free(&cfg);

    ck_assert_int_eq(
        config_load_buffer("t.conf", "[clinic]\nname = A\n", 18, &cfg, err, sizeof err), 0);
    ck_assert_int_eq(cfg.local_folder_line, 0);
    config_free(&cfg);

    static const char rel[] = "[content]\nlocal_folder = content\n";
    ck_assert_int_eq(config_load_buffer("t.conf", rel, strlen(rel), &cfg, err, sizeof err), -1);
    ck_assert_str_eq(err, "t.conf:2: error: local_folder must be an absolute path (starting with "
                          "/), not \"content\"; leave it empty to use only the packaged content");

    /* The folder must exist when the configuration is used (not when read). */
    snprintf(text, sizeof text, "[content]\n\nlocal_folder = %s/none\n", work);
    ck_assert_int_eq(config_load_buffer("t.conf", text, strlen(text), &cfg, err, sizeof err), 0);
    ck_assert_int_eq(config_check_local_folder(&cfg, "t.conf", err, sizeof err), -1);
    config_free(&cfg);
    ck_assert_msg(strstr(err, "t.conf:3: error: local_folder \"") == err, "%s", err);
    ck_assert_msg(strstr(err, "cannot be used: No such file or directory; create the folder") !=
                      NULL,
                  "%s", err);

    snprintf(text, sizeof text, "[content]\nlocal_folder = %s/en/index.md\n", root);
    ck_assert_int_eq(config_load_buffer("t.conf", text, strlen(text), &cfg, err, sizeof err), 0);
    ck_assert_int_eq(config_check_local_folder(&cfg, "t.conf", err, sizeof err), -1);
    config_free(&cfg);
    ck_assert_msg(strstr(err, "is not a folder") != NULL, "%s", err);

    static const char wrong[] = "[kiosk]\nlocal_folder = /x\n";
    ck_assert_int_eq(config_load_buffer("t.conf", wrong, strlen(wrong), &cfg, err, sizeof err), -1);
    ck_assert_str_eq(err, "t.conf:2: error: unknown key \"local_folder\" in [kiosk]; it belongs "
                          "in [content]");
}
END_TEST

Suite *content_find_suite(void)
{
    Suite *s = suite_create("content_find");
    TCase *tc = tcase_create("local over packaged");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, local_page_first);
    tcase_add_test(tc, language_fallback_order);
    tcase_add_test(tc, links_stay_inside_their_folder);
    tcase_add_test(tc, local_index_replaces_menu);
    tcase_add_test(tc, languages_of_both);
    tcase_add_test(tc, questions_from_local);
    tcase_add_test(tc, check_reads_local);
    tcase_add_test(tc, default_local_folder);
    tcase_add_test(tc, config_local_folder);
    suite_add_tcase(s, tc);
    return s;
}
