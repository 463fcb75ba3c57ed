/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_config.c: the config file (defaults, every key, every kind of
 * mistake with its exact file:line message) and the staff PIN hash. */
#include "config.h"

#include "core/kiosk_config.h"
#include "suites.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOOD_HASH "$y$j9T$yTG3Fazxm7nQxIOlH15rP/$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5lA"

static void assert_defaults(const struct kiosk_config *cfg)
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
static const char *load_text(const char *text, struct kiosk_config *cfg)
{
    static char err[512];
    int r = config_load_buffer("t.conf", text, strlen(text), cfg, err, sizeof err);
    ck_assert_int_eq(r == 0, err[0] == '\0');
    return err;
}

/* The message for one bad text, with cfg freed. */
static const char *bad_text(const char *text)
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

/* Numbers: only plain digits inside the range. */
START_TEST(test_numbers)
{
    static const struct {
        const char *key;
        const char *value;
        unsigned want; /* 0: refused */
    } cases[] = {
        {"idle_timeout", "10", 10},
        {"idle_timeout", "3600", 3600},
        {"idle_timeout", "0090", 90},
        {"idle_timeout", "100 ; seconds", 100},
        {"idle_timeout", "9", 0},
        {"idle_timeout", "3601", 0},
        {"idle_timeout", "-5", 0},
        {"idle_timeout", "+90", 0},
        {"idle_timeout", "1e99", 0},
        {"idle_timeout", "90.5", 0},
        {"idle_timeout", "0x10", 0},
        {"idle_timeout", "90s", 0},
        {"idle_timeout", "9 0", 0},
        {"idle_timeout", "", 0},
        {"idle_timeout", "99999999999999999999", 0},
        {"idle_timeout", "4294967386", 0}, /* 2^32 + 90 */
        {"countdown", "5", 5},
        {"countdown", "300", 300},
        {"countdown", "4", 0},
        {"countdown", "301", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "[kiosk]\n%s = %s\n", cases[i].key, cases[i].value);
        struct kiosk_config cfg;
        const char *err = load_text(text, &cfg);
        if (cases[i].want != 0) {
            ck_assert_msg(err[0] == '\0', "%s", err);
            unsigned got =
                strcmp(cases[i].key, "countdown") == 0 ? cfg.countdown : cfg.idle_timeout;
            ck_assert_uint_eq(got, cases[i].want);
        } else {
            char want[512];
            if (strcmp(cases[i].key, "countdown") == 0)
                snprintf(want, sizeof want,
                         "t.conf:2: error: countdown must be a whole number of seconds from 5 "
                         "to 300, not \"%s\"",
                         cases[i].value);
            else
                snprintf(want, sizeof want,
                         "t.conf:2: error: idle_timeout must be a whole number of seconds from "
                         "10 to 3600, not \"%s\"",
                         cases[i].value);
            ck_assert_str_eq(err, want);
        }
        config_free(&cfg);
    }
    static const struct {
        const char *value;
        unsigned want;
    } widths[] = {{"20", 20}, {"32", 32}, {"42", 42}, {"48", 48}, {"200", 200},
                  {"19", 0},  {"201", 0}, {"-80", 0}, {"wide", 0}};
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        char text[256], want[512];
        snprintf(text, sizeof text, "[print]\nwidth = %s\n", widths[i].value);
        struct kiosk_config cfg;
        const char *err = load_text(text, &cfg);
        if (widths[i].want != 0) {
            ck_assert_str_eq(err, "");
            ck_assert_uint_eq(cfg.print_width, widths[i].want);
        } else {
            snprintf(want, sizeof want,
                     "t.conf:2: error: width must be a whole number of characters from 20 to 200, "
                     "not \"%s\"",
                     widths[i].value);
            ck_assert_str_eq(err, want);
        }
        config_free(&cfg);
    }
}
END_TEST

/* [print] format = pdf|text and paper = letter|a4; anything else is
 * refused with a message naming the setting and what it may be. */
START_TEST(test_format_and_paper)
{
    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("[print]\nformat = text\npaper = a4\n", &cfg), "");
    ck_assert_int_eq(cfg.print_format, CONFIG_FORMAT_TEXT);
    ck_assert_int_eq(cfg.paper, CONFIG_PAPER_A4);
    config_free(&cfg);
    ck_assert_str_eq(load_text("[print]\nformat = pdf\npaper = letter\n", &cfg), "");
    ck_assert_int_eq(cfg.print_format, CONFIG_FORMAT_PDF);
    ck_assert_int_eq(cfg.paper, CONFIG_PAPER_LETTER);
    config_free(&cfg);
    ck_assert_str_eq(bad_text("[print]\n\nformat = PostScript\n"),
                     "t.conf:3: error: format must be pdf (a typeset page) or text (lines for a "
                     "receipt printer), not \"PostScript\"");
    ck_assert_str_eq(bad_text("[print]\npaper = A4\n"),
                     "t.conf:2: error: paper must be a4 or letter, not \"A4\"");
    ck_assert_str_eq(bad_text("[print]\npaper = \n"),
                     "t.conf:2: error: paper must be a4 or letter, not \"\"");
    ck_assert_str_eq(bad_text("[summary]\npaper = a4\n"),
                     "t.conf:2: error: unknown key \"paper\" in [summary]; it belongs in [print]");
}
END_TEST

START_TEST(test_text_values)
{
    struct kiosk_config cfg;
    char text[1024], name[300];

    memset(name, 'a', 100);
    name[100] = '\0';
    snprintf(text, sizeof text, "[clinic]\nname = %s\n", name);
    ck_assert_str_eq(load_text(text, &cfg), "");
    ck_assert_str_eq(cfg.clinic_name, name);
    config_free(&cfg);

    memset(name, 'a', 150);
    name[150] = '\0';
    snprintf(text, sizeof text, "[clinic]\nname = %s\n", name);
    ck_assert_str_eq(bad_text(text),
                     "t.conf:2: error: name must be at most 100 characters long (it has 150)");

    memset(name, 'a', 200);
    name[200] = '\0';
    snprintf(text, sizeof text, "[clinic]\nphone = %s\n", name);
    ck_assert_str_eq(bad_text(text),
                     "t.conf:2: error: this line is too long: 208 bytes, and a configuration "
                     "line holds at most 197 (the limit of libinih, the INI reader); shorten "
                     "the value");

    /* Letters are counted as characters, not bytes: 60 Chinese characters. */
    name[0] = '\0';
    for (int i = 0; i < 60; i++)
        strcat(name, "\xe8\xa8\xba");
    snprintf(text, sizeof text, "[clinic]\nname = %s\n", name);
    ck_assert_str_eq(load_text(text, &cfg), "");
    ck_assert_str_eq(cfg.clinic_name, name);
    config_free(&cfg);

    ck_assert_str_eq(load_text("[clinic]\nname = 'Hope' Center\nphone =\n", &cfg), "");
    ck_assert_str_eq(cfg.clinic_name, "'Hope' Center");
    ck_assert_str_eq(cfg.clinic_phone, "");
    config_free(&cfg);

    ck_assert_str_eq(bad_text("[clinic]\nname = a\tb\n"),
                     "t.conf:2: error: name must not contain control characters");
    ck_assert_str_eq(bad_text("[clinic]\nphone = 555\xe2\x80\xae"
                              "0100\n"), /* U+202E */
                     "t.conf:2: error: phone must not contain control characters");
    ck_assert_str_eq(bad_text("[clinic]\nname = a\x1b[2Jb\n"),
                     "t.conf:2: error: this line contains a control character (byte 0x1B)");
    ck_assert_str_eq(bad_text("[clinic]\nname = a\rb\n"),
                     "t.conf:2: error: this line contains a control character (byte 0x0D)");

    /* Messages quote at most 40 characters of a value. */
    ck_assert_str_eq(bad_text("[kiosk]\nmode = "
                              "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n"),
                     "t.conf:2: error: mode must be patient, kiosk or training, not "
                     "\"abcdefghijklmnopqrstuvwxyzabcdefghijklmn...\"");
}
END_TEST

START_TEST(test_languages)
{
    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("[kiosk]\nlanguages = zh, es,en\n", &cfg), "");
    ck_assert_uint_eq(cfg.n_languages, 3);
    ck_assert_str_eq(cfg.languages[2], "en");
    ck_assert_str_eq(cfg.default_language, "zh");
    config_free(&cfg);

    ck_assert_str_eq(load_text("[kiosk]\nlanguages = en es\ndefault_language = es\n", &cfg), "");
    ck_assert_str_eq(cfg.default_language, "es");
    config_free(&cfg);

    ck_assert_str_eq(bad_text("[kiosk]\nlanguages = en EN\n"),
                     "t.conf:2: error: languages: \"EN\" is not a language code (two or three "
                     "lower-case letters, such as en, es or zh)");
    ck_assert_str_eq(bad_text("[kiosk]\nlanguages = english\n"),
                     "t.conf:2: error: languages: \"english\" is not a language code (two or "
                     "three lower-case letters, such as en, es or zh)");
    ck_assert_str_eq(bad_text("[kiosk]\nlanguages = en es en\n"),
                     "t.conf:2: error: languages lists \"en\" twice");
    ck_assert_str_eq(bad_text("[kiosk]\nlanguages =\n"),
                     "t.conf:2: error: languages must list at least one language code, such as "
                     "\"en es\"");
    ck_assert_str_eq(bad_text("[kiosk]\nlanguages = aa ab ac ad ae af ag ah ai aj ak al am an ao "
                              "ap aq\n"),
                     "t.conf:2: error: languages lists more than 16 languages");
    ck_assert_str_eq(bad_text("[kiosk]\nlanguages = en\ndefault_language = es\n"),
                     "t.conf:3: error: default_language \"es\" is not one of the languages "
                     "offered (en)");
    ck_assert_str_eq(bad_text("[kiosk]\ndefault_language = e\n"),
                     "t.conf:2: error: default_language must be a language code of two or three "
                     "lower-case letters, such as en, not \"e\"");

    /* A shell named as the printer command is refused, with or without env. */
    static const char *const shells[] = {"sh -c \"lp\"",
                                         "/bin/bash -c lp",
                                         "dash",
                                         "/usr/bin/env sh -c 'touch x'",
                                         "env -i PATH=/bin zsh -c lp",
                                         "busybox sh -c lp"};
    static const char *const names[] = {"sh", "bash", "dash", "sh", "zsh", "sh"};
    for (size_t i = 0; i < sizeof shells / sizeof shells[0]; i++) {
        char text[128], want[256];
        snprintf(text, sizeof text, "[print]\ncommand = %s\n", shells[i]);
        snprintf(want, sizeof want,
                 "t.conf:2: error: command must not run a shell (\"%s\"): the kiosk runs the "
                 "printer program directly, without a shell; name that program, such as lp",
                 names[i]);
        ck_assert_str_eq(bad_text(text), want);
    }
    ck_assert_str_eq(load_text("[print]\ncommand = /usr/bin/env lp -d shelf\n", &cfg), "");
    config_free(&cfg);
    ck_assert_str_eq(load_text("[print]\ncommand = lp -d sh\n", &cfg), "");
    config_free(&cfg);

    ck_assert_str_eq(load_text("[summary]\nsecond_language = fr\n", &cfg), "");
    ck_assert_str_eq(cfg.second_language, "fr");
    config_free(&cfg);
    ck_assert_str_eq(bad_text("[summary]\nsecond_language = french\n"),
                     "t.conf:2: error: second_language must be a language code of two or three "
                     "lower-case letters, such as en, not \"french\"");
}
END_TEST

START_TEST(test_modes_and_folders)
{
    static const char *const modes[] = {"patient", "kiosk", "training"};
    for (int m = 0; m < 3; m++) {
        char text[64];
        struct kiosk_config cfg;
        snprintf(text, sizeof text, "[kiosk]\nmode = %s\n", modes[m]);
        ck_assert_str_eq(load_text(text, &cfg), "");
        ck_assert_int_eq(cfg.mode, m);
        config_free(&cfg);
    }
    struct kiosk_config quoted;
    ck_assert_str_eq(load_text("[kiosk]\nmode = \"kiosk\"\nidle_timeout = '60'\n", &quoted), "");
    ck_assert_int_eq(quoted.mode, CONFIG_MODE_KIOSK);
    ck_assert_uint_eq(quoted.idle_timeout, 60);
    config_free(&quoted);
    ck_assert_str_eq(bad_text("[kiosk]\nmode = \"kiosk\n"),
                     "t.conf:2: error: mode must be patient, kiosk or training, not \"\"kiosk\"");
    ck_assert_str_eq(bad_text("[kiosk]\nmode = Kiosk\n"),
                     "t.conf:2: error: mode must be patient, kiosk or training, not \"Kiosk\"");

    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("[summary]\nsave_folder = \"/srv/kiosk/my summaries\"\n", &cfg), "");
    ck_assert_str_eq(cfg.save_folder, "/srv/kiosk/my summaries");
    config_free(&cfg);
    ck_assert_str_eq(load_text("[summary]\nsave_folder =\n", &cfg), "");
    ck_assert_str_eq(cfg.save_folder, "");
    config_free(&cfg);

    /* Read aloud: off unless "yes". */
    ck_assert_str_eq(load_text("[kiosk]\nmode = kiosk\n", &cfg), "");
    ck_assert_int_eq(cfg.speech, 0);
    config_free(&cfg);
    ck_assert_str_eq(load_text("[kiosk]\nspeech = yes\n", &cfg), "");
    ck_assert_int_eq(cfg.speech, 1);
    config_free(&cfg);
    ck_assert_str_eq(bad_text("[kiosk]\n\nspeech = on\n"),
                     "t.conf:3: error: speech must be yes or no, not \"on\"");
}
END_TEST

/* The print command becomes an argument vector; nothing is expanded. */
START_TEST(test_command_quoting)
{
    static const struct {
        const char *value;
        const char *argv; /* words joined by '|' */
    } cases[] = {
        {"lp", "lp"},
        {"  lp    -n   2  ", "lp|-n|2"},
        {"lp -d \"Front Desk\"", "lp|-d|Front Desk"},
        {"lp -t 'Visit summary'", "lp|-t|Visit summary"},
        {"lp -t 'it'\"'\"'s'", "lp|-t|it's"},
        {"lp -o \"a\\\"b\"", "lp|-o|a\"b"},
        {"lp -o \"c:\\\\x\"", "lp|-o|c:\\x"},
        {"lp -o \"x\\y\"", "lp|-o|x\\y"},
        {"lp -o a\\ b", "lp|-o|a b"},
        {"lp '' x", "lp||x"},
        {"lp -o media=#10", "lp|-o|media=#10"},
        {"'/opt/my printer/print' --fast", "/opt/my printer/print|--fast"},
        {"lp\t-d\tdesk", "lp|-d|desk"},
        {"lp -t caf\xc3\xa9", "lp|-t|caf\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256], joined[256] = "";
        snprintf(text, sizeof text, "[print]\ncommand = %s\n", cases[i].value);
        struct kiosk_config cfg;
        const char *err = load_text(text, &cfg);
        ck_assert_msg(err[0] == '\0', "%s: %s", cases[i].value, err);
        for (size_t w = 0; w < cfg.print_argc; w++) {
            if (w > 0)
                strcat(joined, "|");
            strcat(joined, cfg.print_argv[w]);
        }
        ck_assert_ptr_null(cfg.print_argv[cfg.print_argc]);
        ck_assert_str_eq(joined, cases[i].argv);
        config_free(&cfg);
    }

    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("[print]\ncommand =\n", &cfg), "");
    ck_assert_uint_eq(cfg.print_argc, 0); /* printing off */
    ck_assert_ptr_null(cfg.print_argv[0]);
    config_free(&cfg);

    static const struct {
        const char *value;
        const char *msg;
    } bad[] = {
        {"lp $HOME", "must not contain \"$\""},
        {"lp `id`", "must not contain \"`\""},
        {"lp && rm x", "must not contain \"&\""},
        {"lp > /dev/lp0", "must not contain \">\""},
        {"lp < x", "must not contain \"<\""},
        {"lp -t \"a;b\"", "must not contain \";\""},
        {"lp -t \"Visit", "has a \" quote that is not closed"},
        {"lp -t 'Visit", "has a ' quote that is not closed"},
        {"lp x\\", "ends with a backslash"},
        {"lp # the front desk",
         "must not contain a \"#\" comment: comments go on a line of their own"},
        {"\"\" -d desk", "must start with the name of a program, such as lp"},
        {"lp 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 "
         "32",
         "has more than 32 words"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256], want[512];
        snprintf(text, sizeof text, "[print]\ncommand = %s\n", bad[i].value);
        const char *err = bad_text(text);
        snprintf(want, sizeof want, "t.conf:2: error: command %s", bad[i].msg);
        ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "%s: got %s", bad[i].value, err);
    }
    /* 32 words is the limit, not an error. */
    ck_assert_str_eq(load_text("[print]\ncommand = lp 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 "
                               "18 19 20 21 22 23 24 25 26 27 28 29 30 31\n",
                               &cfg),
                     "");
    ck_assert_uint_eq(cfg.print_argc, 32);
    config_free(&cfg);
}
END_TEST

START_TEST(test_pin_hash_values)
{
    struct kiosk_config cfg;
    ck_assert_str_eq(load_text("[kiosk]\nstaff_pin_hash = " GOOD_HASH "\n", &cfg), "");
    ck_assert_str_eq(cfg.staff_pin_hash, GOOD_HASH);
    config_free(&cfg);
    ck_assert_str_eq(cfg.staff_pin_hash, "");

    ck_assert_str_eq(bad_text("[kiosk]\nstaff_pin_hash 13579\n"),
                     "t.conf:2: error: expected \"key = value\", such as \"staff_pin_hash = "
                     "HASH\"");
    const char *err = bad_text("[kiosk]\nstaff_pin_hash = 13579\n");
    ck_assert_ptr_null(strstr(err, "13579")); /* a PIN is never repeated back */
    ck_assert_str_eq(err, "t.conf:2: error: staff_pin_hash must be a crypt(3) hash, not a plain "
                          "PIN; run \"patient-kiosk --hash-pin\" and put the line it prints here");
    static const char *const wrong_kind[] = {
        "$1$abcdefgh$abcdefghijklmnopqrstuv", /* MD5 */
        "secret",
        "$2b$10$abcdefghijklmnopqrstuu",
    };
    for (size_t i = 0; i < 3; i++) {
        char text[256];
        snprintf(text, sizeof text, "[kiosk]\nstaff_pin_hash = %s\n", wrong_kind[i]);
        ck_assert_str_eq(bad_text(text),
                         "t.conf:2: error: staff_pin_hash must be a yescrypt ($y$), SHA-512 ($6$) "
                         "or SHA-256 ($5$) crypt(3) hash; run \"patient-kiosk --hash-pin\" to "
                         "make one");
    }
    static const char *const cut[] = {
        "$y$j9T$yTG3Fazxm7nQxIOlH15rP/$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5l",
        "$y$j9T$yTG3Fazxm7nQxIOlH15rP/",
        "$y$j9T$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5lA",
        "$y$j9T$yTG3Fazxm7nQxIOlH15rP/$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5l!",
        "$6$salt$tooshort",
        ("$6$rounds=$JJOpVp8Zcl0ihjil$kIi72oBiUAvE2jBLZxp6hJp1jq9Z8ZJfe8PLnLToFfQ6wqwg/"
         "35MwmIJNUGINT4RPRU/8MaL0k3SOipN4QwYk/"),
        "$y$j9T$yTG3Fazxm7nQxIOlH15rP/$SdgY9/hOImpYJnrisJZUgKZCLbxpYlJW2Em.lz7D5lA$",
        "$y$",
    };
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "[kiosk]\nstaff_pin_hash = %s\n", cut[i]);
        ck_assert_str_eq(bad_text(text),
                         "t.conf:2: error: staff_pin_hash is not a complete crypt(3) hash (was "
                         "it cut short or changed?); run \"patient-kiosk --hash-pin\" to make a "
                         "new one");
    }
}
END_TEST

START_TEST(test_first_error_wins)
{
    /* A line inih refuses, before and after one of ours. */
    ck_assert_str_eq(bad_text("[kiosk]\nmode = kiosk\nnonsense\nidle_timeout = 1\n"),
                     "t.conf:3: error: expected \"key = value\", a [section] heading or a "
                     "comment, not \"nonsense\"");
    ck_assert_str_eq(bad_text("[kiosk]\nidle_timeout = 1\nnonsense\n"),
                     "t.conf:2: error: idle_timeout must be a whole number of seconds from 10 to "
                     "3600, not \"1\"");
    ck_assert_str_eq(bad_text("[kiosk]\nmode = kiosk\n[clinic] extra\n"),
                     "t.conf:3: error: unexpected text after the section heading [clinic]");
    ck_assert_str_eq(bad_text("[clinic]\nName = x\n"),
                     "t.conf:2: error: unknown key \"Name\" in [clinic]");
    /* Line numbers stay right after blank lines, comments and CRLF. */
    ck_assert_str_eq(bad_text("\r\n; c\r\n# c\r\n\r\n[kiosk]\r\n\r\n  mode = kiosk\r\nmode = "
                              "kiosk\r\n"),
                     "t.conf:8: error: duplicate key \"mode\" in [kiosk] (already set on line 7)");
}
END_TEST

/* Random bytes never crash the loader; either they load or the message
 * names the file and a line. */
START_TEST(test_junk)
{
    unsigned long seed = 12345;
    static const char pieces[] = "[]=:;# \t\n\r\"'\\$abkz09\x80\xc3\xa9\xff";
    for (int round = 0; round < 300; round++) {
        char text[600];
        size_t len = 1 + (seed >> 8) % (sizeof text - 1);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            unsigned pick = (unsigned)(seed >> 33);
            text[i] = round % 2 ? (char)(pick & 0xff) : pieces[pick % (sizeof pieces - 1)];
        }
        struct kiosk_config cfg;
        char err[512];
        int r = config_load_buffer("junk.conf", text, len, &cfg, err, sizeof err);
        if (r != 0)
            ck_assert_msg(strncmp(err, "junk.conf:", 10) == 0 && strstr(err, ": error: "), "%s",
                          err);
        config_free(&cfg);
    }
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
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_format_and_paper);
    tcase_add_test(tc, test_text_values);
    tcase_add_test(tc, test_languages);
    tcase_add_test(tc, test_modes_and_folders);
    tcase_add_test(tc, test_command_quoting);
    tcase_add_test(tc, test_pin_hash_values);
    tcase_add_test(tc, test_first_error_wins);
    tcase_add_test(tc, test_junk);
    suite_add_tcase(s, tc);
    TCase *pin = tcase_create("pin");
    tcase_set_timeout(pin, 30); /* yescrypt is slow on purpose, more so under valgrind */
    tcase_add_test(pin, test_hash_round_trip);
    tcase_add_test(pin, test_hash_other_methods);
    tcase_add_test(pin, test_hash_bad_pins);
    suite_add_tcase(s, pin);
    return s;
}
