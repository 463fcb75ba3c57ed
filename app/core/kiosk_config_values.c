/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk_config_values.c: every setting of patient-kiosk.conf checked and
 * stored: numbers, text, languages, mode, the print command (split into
 * words with quotes, never for a shell), the save folder, the PIN hash. */
#include "config.h"

#include "core/kiosk_config_parse.h"
#include "core/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- value checks ------------------------------------------------------ */

/* A whole number min..max written as plain digits (no sign, no spaces). */
static int config_number(const char *v, unsigned min, unsigned max, unsigned *out)
{
    size_t n = strlen(v);
    if (n == 0 || n > 9 || strspn(v, "0123456789") != n)
        return -1;
    unsigned long x = strtoul(v, NULL, 10);
    if (x < min || x > max)
        return -1;
    *out = (unsigned)x;
    return 0;
}

static int config_is_lang(const char *s, size_t n)
{
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

static int config_set_text(struct config_parse *p, const char *key, const char *v, char *out)
{
    size_t n = strlen(v);
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        wchar_t wc;
        i += text_decode(v + i, n - i, &wc);
        if (text_is_control(wc) || wc == '\t')
            return config_fail(p, "%s must not contain control characters", key);
    }
    if (chars > CONFIG_TEXT_MAX)
        return config_fail(p, "%s must be at most %d characters long (it has %zu)", key,
                           CONFIG_TEXT_MAX, chars);
    memcpy(out, v, n);
    out[n] = '\0';
    return 1;
}

static int config_set_languages(struct config_parse *p, const char *v)
{
    struct kiosk_config *cfg = p->cfg;
    char q[200];
    size_t count = 0;
    for (const char *s = v; *s;) {
        s += strspn(s, " \t,");
        size_t n = strcspn(s, " \t,");
        if (n == 0)
            break;
        char word[64];
        snprintf(word, sizeof word, "%.*s", (int)(n < 60 ? n : 60), s);
        if (!config_is_lang(s, n))
            return config_fail(p,
                               "languages: \"%s\" is not a language code (two or three lower-case "
                               "letters, such as en, es or zh)",
                               config_quote(word, q, sizeof q));
        for (size_t i = 0; i < count; i++)
            if (strcmp(cfg->languages[i], word) == 0)
                return config_fail(p, "languages lists \"%s\" twice", word);
        if (count == CONFIG_LANGUAGES_MAX)
            return config_fail(p, "languages lists more than %d languages", CONFIG_LANGUAGES_MAX);
        memcpy(cfg->languages[count++], word, n + 1);
        s += n;
    }
    if (count == 0)
        return config_fail(p, "languages must list at least one language code, such as \"en es\"");
    cfg->n_languages = count;
    return 1;
}

static int config_set_lang(struct config_parse *p, const char *key, const char *v, int may_be_empty,
                           char *out)
{
    char q[200];
    size_t n = strlen(v);
    if (n == 0 && may_be_empty) {
        out[0] = '\0';
        return 1;
    }
    if (!config_is_lang(v, n))
        return config_fail(p,
                           "%s must be a language code of two or three lower-case letters, such "
                           "as en, not \"%s\"",
                           key, config_quote(v, q, sizeof q));
    memcpy(out, v, n + 1);
    return 1;
}

static int config_set_mode(struct config_parse *p, const char *v)
{
    char q[200];
    for (int m = CONFIG_MODE_PATIENT; m <= CONFIG_MODE_TRAINING; m++) {
        if (strcmp(v, config_mode_name((enum config_mode)m)) == 0) {
            p->cfg->mode = (enum config_mode)m;
            return 1;
        }
    }
    return config_fail(p, "mode must be patient, kiosk or training, not \"%s\"",
                       config_quote(v, q, sizeof q));
}

/* The shell argv would start, or NULL: argv[0] itself, or the program an
 * env (or busybox) in argv[0] runs, when its name is a shell's. */
static const char *names_shell(char *const *argv, size_t argc)
{
    static const char *const shells[] = {"sh",  "bash", "dash", "zsh",  "ksh",  "mksh",
                                         "ash", "csh",  "tcsh", "fish", "yash", "posh"};
    for (size_t i = 0; i < argc; i++) {
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        for (size_t k = 0; k < sizeof shells / sizeof shells[0]; k++)
            if (strcmp(base, shells[k]) == 0)
                return base;
        /* env's options and VAR=value words come before the program. */
        int launcher = strcmp(base, "env") == 0 || strcmp(base, "busybox") == 0;
        if (i > 0 && (argv[i][0] == '-' || strchr(argv[i], '=')))
            continue;
        if (!launcher)
            return NULL;
    }
    return NULL;
}

/* Split a command line into words: blanks separate words; '...' keeps
 * everything literally; "..." keeps everything but \" and \\; a backslash
 * outside quotes keeps the next character. No expansion of any kind. */
static int config_set_command(struct config_parse *p, const char *v)
{
    struct kiosk_config *cfg = p->cfg;
    /* inih has already cut "  ; comment" off the value: look at the raw line. */
    const char *bad = NULL;
    static const char shell_chars[] = "$`;|&<>";
    for (const char *c = shell_chars; *c && !bad; c++)
        if (memchr(p->raw, *c, p->raw_len) != NULL)
            bad = c;
    if (bad)
        return config_fail(p,
                           "command must not contain \"%c\": the kiosk runs it directly, without "
                           "a shell, so shell features (; | & $ ` < > and comments after the "
                           "command) do not work",
                           *bad);
    size_t len = strlen(v);
    if (len == 0) {
        cfg->print_argc = 0;
        cfg->print_argv[0] = NULL;
        return 1;
    }
    char *words = malloc(len + 1);
    if (words == NULL)
        return config_fail(p, "command: out of memory");
    char *argv[CONFIG_ARGV_MAX + 1];
    size_t argc = 0, i = 0;
    char *o = words;
    const char *problem = NULL;
    while (problem == NULL) {
        i += strspn(v + i, " \t");
        if (v[i] == '\0')
            break;
        if (argc == CONFIG_ARGV_MAX) {
            problem = "has more than 32 words";
            break;
        }
        if (v[i] == '#') {
            problem = "must not contain a \"#\" comment: comments go on a line of their own";
            break;
        }
        argv[argc++] = o;
        while (v[i] != '\0' && v[i] != ' ' && v[i] != '\t' && problem == NULL) {
            char c = v[i++];
            if (c == '\'') {
                while (v[i] != '\0' && v[i] != '\'')
                    *o++ = v[i++];
                if (v[i] == '\0')
                    problem = "has a ' quote that is not closed";
                else
                    i++;
            } else if (c == '"') {
                while (v[i] != '\0' && v[i] != '"') {
                    if (v[i] == '\\' && (v[i + 1] == '"' || v[i + 1] == '\\'))
                        i++;
                    *o++ = v[i++];
                }
                if (v[i] == '\0')
                    problem = "has a \" quote that is not closed";
                else
                    i++;
            } else if (c == '\\') {
                if (v[i] == '\0')
                    problem = "ends with a backslash";
                else
                    *o++ = v[i++];
            } else {
                *o++ = c;
            }
        }
        *o++ = '\0';
    }
    if (problem == NULL && argv[0][0] == '\0')
        problem = "must start with the name of a program, such as lp";
    char shell_problem[160];
    const char *shell = problem == NULL ? names_shell(argv, argc) : NULL;
    if (shell != NULL) {
        snprintf(shell_problem, sizeof shell_problem,
                 "must not run a shell (\"%s\"): the kiosk runs the printer program directly, "
                 "without a shell; name that program, such as lp",
                 shell);
        problem = shell_problem;
    }
    if (problem != NULL) {
        free(words);
        return config_fail(p, "command %s", problem);
    }
    free(cfg->print_words);
    cfg->print_words = words;
    memcpy(cfg->print_argv, argv, argc * sizeof argv[0]);
    cfg->print_argv[argc] = NULL;
    cfg->print_argc = argc;
    return 1;
}

/* An absolute folder path (or "" for none) for key into out, which holds
 * CONFIG_PATH_SIZE bytes; empty says what. */
static int config_set_folder(struct config_parse *p, const char *key, const char *empty,
                             const char *v, char *out)
{
    char q[200];
    size_t n = strlen(v);
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        i += text_decode(v + i, n - i, &wc);
        if (text_is_control(wc) || wc == '\t')
            return config_fail(p, "%s must not contain control characters", key);
    }
    if (n > 0 && v[0] != '/') {
        char tmp[CONFIG_PATH_SIZE];
        snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 100 ? n : 100), v);
        return config_fail(p,
                           "%s must be an absolute path (starting with /), not \"%s\"; "
                           "leave it empty to %s",
                           key, config_quote(tmp, q, sizeof q), empty);
    }
    if (n >= CONFIG_PATH_SIZE - 64)
        return config_fail(p, "%s is too long (at most %d bytes)", key, CONFIG_PATH_SIZE - 65);
    memcpy(out, v, n);
    out[n] = '\0';
    return 1;
}

/* Shape of a crypt(3) hash: $y$PARAMS$SALT$HASH43, $6$[rounds=N$]SALT$HASH86,
 * $5$[rounds=N$]SALT$HASH43, in crypt's ./0-9A-Za-z alphabet. */
static int config_hash_shape_ok(const char *h)
{
    static const char b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    size_t hash_len = h[1] == '6' ? 86 : 43;
    int yescrypt = h[1] == 'y';
    const char *s = h + 3;
    int fields = 0;
    size_t last = 0;
    while (*s) {
        size_t n = strcspn(s, "$");
        if (n == 0)
            return 0;
        if (!yescrypt && fields == 0 && strncmp(s, "rounds=", 7) == 0) {
            if (n == 7 || strspn(s + 7, "0123456789") != n - 7)
                return 0;
        } else if (strspn(s, b64) < n) {
            return 0;
        } else {
            fields++;
        }
        last = n;
        s += n;
        if (*s == '$')
            s++;
        if (*s == '\0' && s[-1] == '$')
            return 0;
    }
    return fields == (yescrypt ? 3 : 2) && last == hash_len;
}

static int config_set_pin_hash(struct config_parse *p, const char *v)
{
    size_t n = strlen(v);
    /* The value is never quoted back: it may be a PIN someone typed. */
    if (n == 0) {
        p->cfg->staff_pin_hash[0] = '\0';
        return 1;
    }
    if (strspn(v, "0123456789") == n)
        return config_fail(p, "staff_pin_hash must be a crypt(3) hash, not a plain PIN; run "
                              "\"patient-kiosk --hash-pin\" and put the line it prints here");
    if (strncmp(v, "$y$", 3) != 0 && strncmp(v, "$6$", 3) != 0 && strncmp(v, "$5$", 3) != 0)
        return config_fail(p, "staff_pin_hash must be a yescrypt ($y$), SHA-512 ($6$) or "
                              "SHA-256 ($5$) crypt(3) hash; run \"patient-kiosk --hash-pin\" to "
                              "make one");
    if (n >= CONFIG_HASH_SIZE || !config_hash_shape_ok(v))
        return config_fail(p, "staff_pin_hash is not a complete crypt(3) hash (was it cut short "
                              "or changed?); run \"patient-kiosk --hash-pin\" to make a new one");
    memcpy(p->cfg->staff_pin_hash, v, n + 1);
    return 1;
}

int config_set(struct config_parse *p, enum config_key key, const char *v)
{
    struct kiosk_config *cfg = p->cfg;
    char q[200];
    switch (key) {
    case KEY_CLINIC_NAME:
        return config_set_text(p, "name", v, cfg->clinic_name);
    case KEY_CLINIC_PHONE:
        return config_set_text(p, "phone", v, cfg->clinic_phone);
    case KEY_LANGUAGES:
        return config_set_languages(p, v);
    case KEY_DEFAULT_LANGUAGE:
        return config_set_lang(p, "default_language", v, 0, cfg->default_language);
    case KEY_IDLE_TIMEOUT:
        if (config_number(v, CONFIG_IDLE_MIN, CONFIG_IDLE_MAX, &cfg->idle_timeout) == 0)
            return 1;
        return config_fail(p,
                           "idle_timeout must be a whole number of seconds from %d to %d, not "
                           "\"%s\"",
                           CONFIG_IDLE_MIN, CONFIG_IDLE_MAX, config_quote(v, q, sizeof q));
    case KEY_COUNTDOWN:
        if (config_number(v, CONFIG_COUNTDOWN_MIN, CONFIG_COUNTDOWN_MAX, &cfg->countdown) == 0)
            return 1;
        return config_fail(
            p, "countdown must be a whole number of seconds from %d to %d, not \"%s\"",
            CONFIG_COUNTDOWN_MIN, CONFIG_COUNTDOWN_MAX, config_quote(v, q, sizeof q));
    case KEY_MODE:
        return config_set_mode(p, v);
    case KEY_STAFF_PIN_HASH:
        return config_set_pin_hash(p, v);
    case KEY_PRINT_COMMAND:
        return config_set_command(p, v);
    case KEY_PRINT_WIDTH:
        if (config_number(v, CONFIG_WIDTH_MIN, CONFIG_WIDTH_MAX, &cfg->print_width) == 0)
            return 1;
        return config_fail(p,
                           "width must be a whole number of characters from %d to %d, not \"%s\"",
                           CONFIG_WIDTH_MIN, CONFIG_WIDTH_MAX, config_quote(v, q, sizeof q));
    case KEY_PRINT_FORMAT:
        if (strcmp(v, "pdf") == 0 || strcmp(v, "text") == 0) {
            cfg->print_format = v[0] == 'p' ? CONFIG_FORMAT_PDF : CONFIG_FORMAT_TEXT;
            return 1;
        }
        return config_fail(p,
                           "format must be pdf (a typeset page) or text (lines for a receipt "
                           "printer), not \"%s\"",
                           config_quote(v, q, sizeof q));
    case KEY_PRINT_PAPER:
        if (strcmp(v, "a4") == 0 || strcmp(v, "letter") == 0) {
            cfg->paper = v[0] == 'a' ? CONFIG_PAPER_A4 : CONFIG_PAPER_LETTER;
            return 1;
        }
        return config_fail(p, "paper must be a4 or letter, not \"%s\"",
                           config_quote(v, q, sizeof q));
    case KEY_SECOND_LANGUAGE:
        return config_set_lang(p, "second_language", v, 1, cfg->second_language);
    case KEY_SAVE_FOLDER:
        return config_set_folder(p, "save_folder", "turn saving off", v, cfg->save_folder);
    case KEY_LOCAL_FOLDER:
        return config_set_folder(p, "local_folder", "use only the packaged content", v,
                                 cfg->local_folder);
    case KEY_SPEECH:
        if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0) {
            cfg->speech = v[0] == 'y';
            return 1;
        }
        return config_fail(p, "speech must be yes or no, not \"%s\"", config_quote(v, q, sizeof q));
    case KEY_COUNT:
        break;
    }
    return 0;
}
