/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_config.c: the config file (defaults, the example and test files, every
 * kind of mistake in a file with its exact file:line message) and the staff PIN
 * hash. Each key's values are in check_config_values.c. */
#include "config.h"

#include "core/kiosk_config.h"
#include "check_config.h"
#include "suites.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void assert_defaults(const struct kiosk_config *cfg)
{
    ck_assert_str_eq(cfg->clinic_name, "");
    ck_assert_str_eq(cfg->clinic_phone, "");
    ck_assert_uint_eq(cfg->n_languages, 1);
    ck_assert_str_eq(cfg->languages[0], "en");
    ck_assert_str_eq(cfg->default_language, "en");
    ck_assert_uint_eq(cfg->idle_timeout, 90);
    ck_assert_uint_eq(cfg->countdown, 30);
    ck_assert_int_eq(cfg->mode, CONFIG_MODE_PATIENT);
    ck_assert_str_eq(cfg->staff_pin_hash, "");
    ck_assert_uint_eq(cfg->print_argc, 1);
    ck_assert_str_eq(cfg->print_argv[0], "lp");
    ck_assert_ptr_null(cfg->print_argv[1]);
    ck_assert_uint_eq(cfg->print_width, 80);
    ck_assert_int_eq(cfg->print_format, CONFIG_FORMAT_PDF);
    ck_assert_int_eq(cfg->paper, CONFIG_PAPER_LETTER);
    ck_assert_str_eq(cfg->second_language, "");
    ck_assert_str_eq(cfg->save_folder, "");
}

/* Load text (as "t.conf"); return the message, or "" when it loaded. */
const char *load_text(const char *text, struct kiosk_config *cfg)
{
    static char err[512];
    int r = config_load_buffer("t.conf", text, strlen(text), cfg, err, sizeof err);
    ck_assert_int_eq(r == 0, err[0] == '\0');
    return err;
}

/* The message for one bad text, with cfg freed. */
const char *bad_text(const char *text)
{
    struct kiosk_config cfg;
    const char *err = load_text(text, &cfg);
    ck_assert_msg(err[0] != '\0', "loaded: %s", text);
    assert_defaults(&cfg); /* a failed load leaves the defaults */
    config_free(&cfg);
    return err;
}

START_TEST(test_defaults)
{
    struct kiosk_config cfg;
    config_defaults(&cfg);
    assert_defaults(&cfg);
    config_free(&cfg);
    assert_defaults(&cfg);
    config_free(&cfg); /* twice is fine */
    ck_assert_str_eq(config_mode_name(CONFIG_MODE_PATIENT), "patient");
    ck_assert_str_eq(config_mode_name(CONFIG_MODE_KIOSK), "kiosk");
    ck_assert_str_eq(config_mode_name(CONFIG_MODE_TRAINING), "training");
}
END_TEST

START_TEST(test_empty_files)
{
    static const char *const names[] = {"config/empty.conf", "config/comments-only.conf"};
    for (size_t i = 0; i < 2; i++) {
        struct kiosk_config cfg;
        char err[512] = "x";
        ck_assert_int_eq(config_load(test_data_path(names[i]), &cfg, err, sizeof err), 0);
        ck_assert_str_eq(err, "");
        assert_defaults(&cfg);
        config_free(&cfg);
    }
    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("", &cfg), "");
    assert_defaults(&cfg);
    config_free(&cfg);
}
END_TEST

START_TEST(test_good_full)
{
    struct kiosk_config cfg;
    char err[512];
    int r = config_load(test_data_path("config/good-full.conf"), &cfg, err, sizeof err);
    ck_assert_msg(r == 0, "%s", err);
    ck_assert_str_eq(cfg.clinic_name, "Riverside Community Clinic");
    ck_assert_str_eq(cfg.clinic_phone, "(555) 010-0199 ext. 4");
    ck_assert_uint_eq(cfg.n_languages, 3);
    ck_assert_str_eq(cfg.languages[0], "en");
    ck_assert_str_eq(cfg.languages[1], "es");
    ck_assert_str_eq(cfg.languages[2], "zh");
    ck_assert_str_eq(cfg.default_language, "es");
    ck_assert_uint_eq(cfg.idle_timeout, 120);
    ck_assert_uint_eq(cfg.countdown, 15);
    ck_assert_int_eq(cfg.mode, CONFIG_MODE_KIOSK);
    ck_assert_str_eq(cfg.staff_pin_hash, GOOD_HASH);
    static const char *const argv[] = {
        "lp",     "-d", "front_desk",           "-t", "Visit summary", "-o",
        "cpi=12", "-o", "media=Custom.80x200mm"};
    ck_assert_uint_eq(cfg.print_argc, 9);
    for (size_t i = 0; i < 9; i++)
        ck_assert_str_eq(cfg.print_argv[i], argv[i]);
    ck_assert_ptr_null(cfg.print_argv[9]);
    ck_assert_uint_eq(cfg.print_width, 42);
    ck_assert_str_eq(cfg.second_language, "en");
    ck_assert_str_eq(cfg.save_folder, "/var/lib/patient-kiosk/summaries");
    ck_assert_int_eq(config_pin_matches(&cfg, "2468"), 1);
    ck_assert_int_eq(config_pin_matches(&cfg, "2469"), 0);
    config_free(&cfg);
    assert_defaults(&cfg);
}
END_TEST

START_TEST(test_good_crlf)
{
    struct kiosk_config cfg;
    char err[512];
    int r = config_load(test_data_path("config/good-crlf.conf"), &cfg, err, sizeof err);
    ck_assert_msg(r == 0, "%s", err);
    ck_assert_str_eq(cfg.clinic_name, "Clinica del Valle"); /* quotes dropped */
    ck_assert_uint_eq(cfg.n_languages, 2);
    ck_assert_str_eq(cfg.languages[0], "es");
    ck_assert_str_eq(cfg.languages[1], "en");
    ck_assert_str_eq(cfg.default_language, "es"); /* the first one listed */
    ck_assert_uint_eq(cfg.idle_timeout, 600);
    ck_assert_int_eq(cfg.mode, CONFIG_MODE_TRAINING);
    config_free(&cfg);
}
END_TEST

/* The example config in docs/ loads as the defaults, and with every
 * "#key = value" line switched on it is still a valid config. */
START_TEST(test_example_file)
{
    const char *path = test_data_path("../../docs/patient-kiosk.conf");
    struct kiosk_config cfg;
    char err[512];
    ck_assert_msg(config_load(path, &cfg, err, sizeof err) == 0, "%s", err);
    assert_defaults(&cfg);

    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    static char text[16384];
    size_t len = 0, settings = 0;
    char line[512];
    while (fgets(line, sizeof line, fp) != NULL) {
        const char *from = line;
        if (line[0] == '#' && line[1] >= 'a' && line[1] <= 'z' && strstr(line, " = ")) {
            from = line + 1;
            settings++;
        }
        size_t n = strlen(from);
        ck_assert_uint_lt(len + n, sizeof text);
        memcpy(text + len, from, n);
        len += n;
    }
    fclose(fp);
    ck_assert_uint_eq(settings, 16); /* every key is shown */
    int r = config_load_buffer("example", text, len, &cfg, err, sizeof err);
    ck_assert_msg(r == 0, "%s", err);
    ck_assert_str_eq(cfg.clinic_name, "Riverside Community Clinic");
    ck_assert_uint_eq(cfg.n_languages, 3);
    ck_assert_int_eq(config_pin_matches(&cfg, "2468"), 1);
    ck_assert_str_eq(cfg.print_argv[0], "lp");
    ck_assert_str_eq(cfg.save_folder, "/var/lib/patient-kiosk/summaries");
    ck_assert_str_eq(cfg.local_folder, "/etc/patient-kiosk/content");
    config_free(&cfg);
}
END_TEST

/* Each deliberately broken file in tests/data/config with its whole message. */
START_TEST(test_bad_files)
{
    static const struct {
        const char *file;
        int line;
        const char *msg;
    } cases[] = {
        {"bad-unknown-key.conf", 3, "unknown key \"colour\" in [clinic]"},
        {"bad-unknown-section.conf", 2,
         "unknown section [printer]; the sections are [clinic], [kiosk], [print], [summary] or "
         "[content]"},
        {"bad-idle-timeout.conf", 4,
         "idle_timeout must be a whole number of seconds from 10 to 3600, not \"abc\""},
        {"bad-duplicate.conf", 4, "duplicate key \"name\" in [clinic] (already set on line 2)"},
        {"bad-not-key-value.conf", 3,
         "expected \"key = value\", a [section] heading or a comment, not \"this line is not a "
         "setting\""},
        {"bad-print-pipe.conf", 2,
         "command must not contain \"|\": the kiosk runs it directly, without a shell, so shell "
         "features (; | & $ ` < > and comments after the command) do not work"},
        {"bad-print-semicolon.conf", 3,
         "command must not contain \";\": the kiosk runs it directly, without a shell, so shell "
         "features (; | & $ ` < > and comments after the command) do not work"},
        {"bad-print-quote.conf", 2, "command has a \" quote that is not closed"},
        {"bad-pin-plain.conf", 2,
         "staff_pin_hash must be a crypt(3) hash, not a plain PIN; run \"patient-kiosk "
         "--hash-pin\" and put the line it prints here"},
        {"bad-default-language.conf", 2,
         "default_language \"fr\" is not one of the languages offered (en es)"},
        {"bad-indented.conf", 3,
         "this line is indented, so it would continue \"name\" from line 2; remove the spaces at "
         "its start (every value must fit on one line)"},
        {"bad-wrong-section.conf", 2, "unknown key \"width\" in [kiosk]; it belongs in [print]"},
        {"bad-before-section.conf", 1,
         "\"name\" comes before any section heading; put it under [clinic], [kiosk], [print], "
         "[summary] or [content]"},
        {"bad-unclosed-heading.conf", 1, "section heading \"[clinic\" has no closing \"]\""},
        {"bad-mode.conf", 2, "mode must be patient, kiosk or training, not \"admin\""},
        {"bad-save-folder.conf", 2,
         "save_folder must be an absolute path (starting with /), not \"summaries\"; leave it "
         "empty to turn saving off"},
        {"bad-utf8.conf", 2, "this line is not valid UTF-8 text"},
        {"bad-long-line.conf", 2,
         "this line is too long: 257 bytes, and a configuration line holds at most 197 (the "
         "limit of libinih, the INI reader); shorten the value"},
        {"bad-binary.conf", 1,
         "this line contains a NUL byte; this does not look like a text config file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[128], want[1024], err[512];
        snprintf(name, sizeof name, "config/%s", cases[i].file);
        const char *path = test_data_path(name);
        snprintf(want, sizeof want, "%s:%d: error: %s", path, cases[i].line, cases[i].msg);
        struct kiosk_config cfg;
        errno = 0;
        ck_assert_int_eq(config_load(path, &cfg, err, sizeof err), -1);
        ck_assert_int_eq(errno, EINVAL);
        ck_assert_str_eq(err, want);
        assert_defaults(&cfg);
        config_free(&cfg);
    }
}
END_TEST

START_TEST(test_unreadable)
{
    struct kiosk_config cfg;
    char err[512], want[1024];
    const char *path = test_data_path("config/no-such-file.conf");
    snprintf(want, sizeof want, "%s: error: cannot read: No such file or directory", path);
    ck_assert_int_eq(config_load(path, &cfg, err, sizeof err), -1);
    ck_assert_int_eq(errno, ENOENT);
    ck_assert_str_eq(err, want);
    assert_defaults(&cfg);

    path = test_data_path("config");
    snprintf(want, sizeof want, "%s: error: cannot read: Is a directory", path);
    ck_assert_int_eq(config_load(path, &cfg, err, sizeof err), -1);
    ck_assert_str_eq(err, want);

    ck_assert_int_eq(config_load("/dev/zero", &cfg, err, sizeof err), -1);
    ck_assert_str_eq(err, "/dev/zero: error: the file is too large for a config file (more than "
                          "65536 bytes)");
    assert_defaults(&cfg);

    /* A tiny or missing message buffer is never overrun. */
    char small[8];
    ck_assert_int_eq(config_load(test_data_path("config/bad-mode.conf"), &cfg, small, sizeof small),
                     -1);
    ck_assert_uint_eq(strlen(small), 7);
    ck_assert_int_eq(config_load(test_data_path("config/bad-mode.conf"), &cfg, NULL, 0), -1);
}
END_TEST

START_TEST(test_hash_round_trip)
{
    char hash[256], again[256];
    ck_assert_int_eq(config_hash_pin("2468", hash, sizeof hash), 0);
    ck_assert_int_eq(strncmp(hash, "$y$", 3), 0);
    ck_assert_int_eq(config_hash_pin("2468", again, sizeof again), 0);
    ck_assert_str_ne(hash, again); /* a fresh salt each time */

    /* What --hash-pin prints is what the config file accepts. */
    char text[512];
    snprintf(text, sizeof text, "[kiosk]\nstaff_pin_hash = %s\n", hash);
    struct kiosk_config cfg;
    ck_assert_str_eq(load_text(text, &cfg), "");
    ck_assert_int_eq(config_pin_matches(&cfg, "2468"), 1);
    ck_assert_int_eq(config_pin_matches(&cfg, "2469"), 0);
    ck_assert_int_eq(config_pin_matches(&cfg, "02468"), 0);
    ck_assert_int_eq(config_pin_matches(&cfg, "246"), 0);
    ck_assert_int_eq(config_pin_matches(&cfg, ""), 0);
    ck_assert_int_eq(config_pin_matches(&cfg, NULL), 0);
    ck_assert_int_eq(config_pin_matches(&cfg, "2468\n"), 0);
    config_free(&cfg);
    ck_assert_int_eq(config_pin_matches(&cfg, "2468"), 0); /* no hash set: never matches */

    ck_assert_int_eq(config_hash_pin("123456789012", hash, sizeof hash), 0);
    snprintf(cfg.staff_pin_hash, sizeof cfg.staff_pin_hash, "%s", hash);
    ck_assert_int_eq(config_pin_matches(&cfg, "123456789012"), 1);
    ck_assert_int_eq(config_pin_matches(&cfg, "123456789013"), 0);
    config_free(&cfg);
}
END_TEST

START_TEST(test_hash_other_methods)
{
    /* $6$ and $5$ hashes made elsewhere (mkpasswd) are accepted too. */
    static const char *const hashes[] = {
        ("$6$jrWgNsVXzv0Mp/I3$MQ5Kx84MsLYabuVqNNbj6jZOlhGheLvpXa8nPNt77nkYXVxv4q5Go6ynZZFzfC1fn."
         "iYHfhkrG1hXg1wPmb.W."),
        "$5$JdoNd0MJ8pjNvoUr$I25X2pHBG1Cuf9dmIWUjFmKwFCRWS1ed11i4rp0nCE4",
        ("$6$rounds=6000$JJOpVp8Zcl0ihjil$kIi72oBiUAvE2jBLZxp6hJp1jq9Z8ZJfe8PLnLToFfQ6wqwg/"
         "35MwmIJNUGINT4RPRU/8MaL0k3SOipN4QwYk/"),
    };
    for (size_t i = 0; i < sizeof hashes / sizeof hashes[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "[kiosk]\nstaff_pin_hash = %s\n", hashes[i]);
        struct kiosk_config cfg;
        ck_assert_str_eq(load_text(text, &cfg), "");
        ck_assert_int_eq(config_pin_matches(&cfg, "1234"), 1);
        ck_assert_int_eq(config_pin_matches(&cfg, "4321"), 0);
        config_free(&cfg);
    }
}
END_TEST

START_TEST(test_hash_bad_pins)
{
    char hash[256];
    static const char *const bad[] = {"",
                                      "123",
                                      "1234567890123",
                                      "12a4",
                                      " 1234",
                                      "1234 ",
                                      "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4"}; /* Arabic-Indic digits */
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errno = 0;
        ck_assert_int_eq(config_hash_pin(bad[i], hash, sizeof hash), -1);
        ck_assert_int_eq(errno, EINVAL);
        ck_assert_int_eq(config_pin_valid(bad[i]), 0);
    }
    ck_assert_int_eq(config_hash_pin(NULL, hash, sizeof hash), -1);
    ck_assert_int_eq(config_pin_valid("0000"), 1);
    ck_assert_int_eq(config_pin_valid("123456789012"), 1);
    errno = 0;
    ck_assert_int_eq(config_hash_pin("2468", hash, 20), -1);
    ck_assert_int_eq(errno, ERANGE);
}
END_TEST

Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("file");
    tcase_add_test(tc, test_defaults);
    tcase_add_test(tc, test_empty_files);
    tcase_add_test(tc, test_good_full);
    tcase_add_test(tc, test_good_crlf);
    tcase_add_test(tc, test_example_file);
    tcase_add_test(tc, test_bad_files);
    tcase_add_test(tc, test_unreadable);
    suite_add_tcase(s, tc);
    TCase *pin = tcase_create("pin");
    tcase_set_timeout(pin, 30); /* yescrypt is slow on purpose, more so under valgrind */
    tcase_add_test(pin, test_hash_round_trip);
    tcase_add_test(pin, test_hash_other_methods);
    tcase_add_test(pin, test_hash_bad_pins);
    suite_add_tcase(s, pin);
    return s;
}
