/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_config_values.c: each configuration key's values (numbers, formats,
 * text, languages, modes and folders, print commands, PIN hashes), the first
 * error winning, and junk, each mistake with its exact file:line message. */
#include "config.h"

#include "core/kiosk_config.h"
#include "check_config.h"
#include "suites.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

Suite *config_values_suite(void)
{
    Suite *s = suite_create("config_values");
    TCase *tc = tcase_create("values");
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
    return s;
}
