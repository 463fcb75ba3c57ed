/* kiosk_config.c: read patient-kiosk.conf with libinih, check every value,
 * and hash / check the staff PIN with libxcrypt.
 *
 * Line numbers: Debian's libinih is built with INI_HANDLER_LINENO=0, so the
 * handler is not told the line. The file is read into memory and handed to
 * ini_parse_stream() through our own reader, which gives inih exactly one
 * physical line per call and counts them. inih calls the handler for a line
 * before it asks for the next one, so the reader's count is the line the
 * handler is looking at, and the reader keeps that raw line for checks that
 * need it (indentation, an inline ";"). A line too long for inih's buffer
 * would be handed over in pieces and break the count, so the reader refuses
 * it instead. The reader also checks each line's bytes (NUL, invalid UTF-8,
 * control characters) and [section] headings, and returns NULL (end of
 * input) after the first error, so only the first problem is reported. A
 * line inih itself rejects (not "key = value") is found from the line number
 * ini_parse_stream() returns, which counts reader calls the same way.
 *
 * inih's settings are left at Debian's defaults (its tuning knobs are
 * process-wide globals): ";" after a space starts a comment, "#" and ";"
 * start a comment line, an indented line would continue the previous value
 * (refused here: every value is one line), "key: value" works like "=". */
#include "config.h"

#include "core/kiosk_config.h"
#include "core/text.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char config_default_print[] = "lp";

enum config_key {
    KEY_CLINIC_NAME,
    KEY_CLINIC_PHONE,
    KEY_LANGUAGES,
    KEY_DEFAULT_LANGUAGE,
    KEY_IDLE_TIMEOUT,
    KEY_COUNTDOWN,
    KEY_MODE,
    KEY_STAFF_PIN_HASH,
    KEY_PRINT_COMMAND,
    KEY_PRINT_WIDTH,
    KEY_SECOND_LANGUAGE,
    KEY_SAVE_FOLDER,
    KEY_COUNT
};

static const struct {
    const char *section;
    const char *name;
} config_keys[KEY_COUNT] = {
    [KEY_CLINIC_NAME] = {"clinic", "name"},
    [KEY_CLINIC_PHONE] = {"clinic", "phone"},
    [KEY_LANGUAGES] = {"kiosk", "languages"},
    [KEY_DEFAULT_LANGUAGE] = {"kiosk", "default_language"},
    [KEY_IDLE_TIMEOUT] = {"kiosk", "idle_timeout"},
    [KEY_COUNTDOWN] = {"kiosk", "countdown"},
    [KEY_MODE] = {"kiosk", "mode"},
    [KEY_STAFF_PIN_HASH] = {"kiosk", "staff_pin_hash"},
    [KEY_PRINT_COMMAND] = {"print", "command"},
    [KEY_PRINT_WIDTH] = {"print", "width"},
    [KEY_SECOND_LANGUAGE] = {"summary", "second_language"},
    [KEY_SAVE_FOLDER] = {"summary", "save_folder"},
};

static const char *const config_sections[] = {"clinic", "kiosk", "print", "summary"};
#define CONFIG_SECTION_LIST "[clinic], [kiosk], [print] or [summary]"

/* One parse: the text, the reader's position and line, the first error. */
struct config_parse {
    const char *name; /* file name for messages */
    const char *text;
    size_t len, pos;
    int line;        /* the line last handed to inih (1-based) */
    const char *raw; /* that line as written, without its line ending */
    size_t raw_len;
    int set_line[KEY_COUNT]; /* where each key was set; 0 = not set */
    int last_key;            /* key set by the previous key line of this section, or -1 */
    int err_line;            /* line of the first error; 0 = none yet */
    char *err;
    size_t errlen;
    struct kiosk_config *cfg;
};

/* ---- messages ---------------------------------------------------------- */

static void config_vmessage(char *err, size_t errlen, const char *name, int line, const char *fmt,
                            va_list ap) __attribute__((format(printf, 5, 0)));
static void config_vmessage(char *err, size_t errlen, const char *name, int line, const char *fmt,
                            va_list ap)
{
    if (err == NULL || errlen == 0)
        return;
    int n = line > 0 ? snprintf(err, errlen, "%s:%d: error: ", name, line)
                     : snprintf(err, errlen, "%s: error: ", name);
    if (n < 0)
        n = 0;
    if ((size_t)n < errlen)
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
}

static void config_message(char *err, size_t errlen, const char *name, int line, const char *fmt,
                           ...) __attribute__((format(printf, 5, 6)));
static void config_message(char *err, size_t errlen, const char *name, int line, const char *fmt,
                           ...)
{
    va_list ap;
    va_start(ap, fmt);
    config_vmessage(err, errlen, name, line, fmt, ap);
    va_end(ap);
}

/* Record the first error (at the reader's current line). Returns 0, so a
 * handler can `return config_fail(...)`. */
static int config_fail(struct config_parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int config_fail(struct config_parse *p, const char *fmt, ...)
{
    if (p->err_line != 0)
        return 0;
    p->err_line = p->line > 0 ? p->line : 1;
    va_list ap;
    va_start(ap, fmt);
    config_vmessage(p->err, p->errlen, p->name, p->err_line, fmt, ap);
    va_end(ap);
    return 0;
}

/* A value as it may be quoted in a message: at most 40 characters (then
 * "..."), control characters shown as '?'. */
static const char *config_quote(const char *s, char *buf, size_t size)
{
    size_t o = 0, chars = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        size_t n = text_decode(s + i, len - i, &wc);
        if (chars == 40 || o + n + 4 >= size) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (text_is_control(wc) || wc == '\t' || (wc == 0xFFFD && n == 1)) {
            buf[o++] = '?';
        } else {
            memcpy(buf + o, s + i, n);
            o += n;
        }
        i += n;
        chars++;
    }
    buf[o] = '\0';
    return buf;
}

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

static int config_set_folder(struct config_parse *p, const char *v)
{
    char q[200];
    size_t n = strlen(v);
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        i += text_decode(v + i, n - i, &wc);
        if (text_is_control(wc) || wc == '\t')
            return config_fail(p, "save_folder must not contain control characters");
    }
    if (n > 0 && v[0] != '/') {
        char tmp[CONFIG_PATH_SIZE];
        snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 100 ? n : 100), v);
        return config_fail(p,
                           "save_folder must be an absolute path (starting with /), not \"%s\"; "
                           "leave it empty to turn saving off",
                           config_quote(tmp, q, sizeof q));
    }
    if (n >= CONFIG_PATH_SIZE - 64)
        return config_fail(p, "save_folder is too long (at most %d bytes)", CONFIG_PATH_SIZE - 65);
    memcpy(p->cfg->save_folder, v, n);
    p->cfg->save_folder[n] = '\0';
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

static int config_set(struct config_parse *p, enum config_key key, const char *v)
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
    case KEY_SECOND_LANGUAGE:
        return config_set_lang(p, "second_language", v, 1, cfg->second_language);
    case KEY_SAVE_FOLDER:
        return config_set_folder(p, v);
    case KEY_COUNT:
        break;
    }
    return 0;
}

/* ---- inih callbacks ---------------------------------------------------- */

static int config_handler(void *user, const char *section, const char *name, const char *value)
{
    struct config_parse *p = user;
    char q[200];
    if (p->err_line != 0)
        return 0;
    if (value == NULL)
        return config_fail(p, "expected \"key = value\"");
    if (section[0] == '\0')
        return config_fail(p, "\"%s\" comes before any section heading; put it under %s",
                           config_quote(name, q, sizeof q), CONFIG_SECTION_LIST);
    /* An indented line is passed on as more of the previous key's value. */
    if (p->last_key >= 0 && strcmp(name, config_keys[p->last_key].name) == 0 && p->raw_len > 0 &&
        (p->raw[0] == ' ' || p->raw[0] == '\t'))
        return config_fail(p,
                           "this line is indented, so it would continue \"%s\" from line %d; "
                           "remove the spaces at its start (every value must fit on one line)",
                           name, p->set_line[p->last_key]);
    int key = -1, elsewhere = -1;
    for (int k = 0; k < KEY_COUNT; k++) {
        if (strcmp(name, config_keys[k].name) != 0)
            continue;
        if (strcmp(section, config_keys[k].section) == 0)
            key = k;
        else
            elsewhere = k;
    }
    if (key < 0 && elsewhere >= 0)
        return config_fail(p, "unknown key \"%s\" in [%s]; it belongs in [%s]", name, section,
                           config_keys[elsewhere].section);
    if (key < 0)
        return config_fail(p, "unknown key \"%s\" in [%s]", config_quote(name, q, sizeof q),
                           section);
    if (p->set_line[key] != 0)
        return config_fail(p, "duplicate key \"%s\" in [%s] (already set on line %d)", name,
                           section, p->set_line[key]);
    p->set_line[key] = p->line;
    p->last_key = key;
    /* Quotes around a whole value are dropped (the command splits its own). */
    size_t n = strlen(value);
    char unquoted[256];
    if (key != KEY_PRINT_COMMAND && n >= 2 && n < sizeof unquoted &&
        (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0]) {
        memcpy(unquoted, value + 1, n - 2);
        unquoted[n - 2] = '\0';
        value = unquoted;
    }
    return config_set(p, (enum config_key)key, value);
}

/* Check a [section] heading line (trimmed, starting with '['). */
static void config_check_heading(struct config_parse *p, const char *s, size_t n)
{
    char q[200], name[80];
    const char *close = memchr(s, ']', n);
    if (close == NULL) {
        snprintf(name, sizeof name, "%.*s", (int)(n < 60 ? n : 60), s);
        config_fail(p, "section heading \"%s\" has no closing \"]\"",
                    config_quote(name, q, sizeof q));
        return;
    }
    size_t len = (size_t)(close - s - 1);
    snprintf(name, sizeof name, "%.*s", (int)(len < 60 ? len : 60), s + 1);
    const char *rest = close + 1;
    size_t rest_len = n - (size_t)(rest - s);
    size_t blank = 0;
    while (blank < rest_len && (rest[blank] == ' ' || rest[blank] == '\t'))
        blank++;
    if (blank < rest_len && rest[blank] != ';' && rest[blank] != '#') {
        config_fail(p, "unexpected text after the section heading [%s]",
                    config_quote(name, q, sizeof q));
        return;
    }
    for (size_t i = 0; i < sizeof config_sections / sizeof config_sections[0]; i++)
        if (strlen(config_sections[i]) == len && memcmp(config_sections[i], s + 1, len) == 0)
            return;
    config_fail(p, "unknown section [%s]; the sections are %s", config_quote(name, q, sizeof q),
                CONFIG_SECTION_LIST);
}

/* Check one raw line's bytes; on a heading, check the heading. */
static void config_check_line(struct config_parse *p)
{
    const char *s = p->raw;
    size_t n = p->raw_len;
    if (memchr(s, '\0', n) != NULL) {
        config_fail(p, "this line contains a NUL byte; this does not look like a text config file");
        return;
    }
    if (p->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3;
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        size_t k = text_decode(s + i, n - i, &wc);
        if (wc == 0xFFFD && k == 1) {
            config_fail(p, "this line is not valid UTF-8 text");
            return;
        }
        if (wc < 0x20 && wc != '\t' && !(wc == '\r' && i + 1 == n)) {
            config_fail(p, "this line contains a control character (byte 0x%02X)", (unsigned)wc);
            return;
        }
        i += k;
    }
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n > 0 && *s == '[') {
        p->last_key = -1;
        config_check_heading(p, s, n);
    }
}

/* fgets-style reader over p->text: one physical line per call. */
static char *config_reader(char *str, int num, void *stream)
{
    struct config_parse *p = stream;
    if (p->err_line != 0 || p->pos >= p->len || num < 4)
        return NULL;
    const char *s = p->text + p->pos;
    size_t rest = p->len - p->pos;
    const char *nl = memchr(s, '\n', rest);
    size_t line_len = nl ? (size_t)(nl - s) : rest; /* without '\n' */
    size_t take = nl ? line_len + 1 : line_len;
    p->line++;
    p->raw = s;
    p->raw_len = line_len;
    p->pos += take;
    size_t content = line_len;
    if (content > 0 && s[content - 1] == '\r')
        content--;
    /* inih needs room for "\r\n\0" after the longest line. */
    if (content > (size_t)num - 3) {
        config_fail(p, "this line is too long (more than %d bytes)", num - 3);
        return NULL;
    }
    config_check_line(p);
    if (p->err_line != 0)
        return NULL;
    memcpy(str, s, take);
    str[take] = '\0';
    return str;
}

/* The message for a line inih refused: it is not a heading, a comment or
 * "key = value" (headings were checked by the reader). */
static void config_syntax_error(struct config_parse *p, int line)
{
    const char *s = p->text, *end = p->text + p->len;
    for (int l = 1; l < line && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        s = nl ? nl + 1 : end;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    char text[200], q[200];
    snprintf(text, sizeof text, "%.*s", (int)(n < 100 ? n : 100), s);
    p->err_line = 0;
    p->line = line;
    /* "staff_pin_hash 1234" may hold a PIN: never repeat it. */
    if (strstr(text, "staff_pin") != NULL)
        config_fail(p, "expected \"key = value\", such as \"staff_pin_hash = HASH\"");
    else
        config_fail(p, "expected \"key = value\", a [section] heading or a comment, not \"%s\"",
                    config_quote(text, q, sizeof q));
}

/* ---- loading ----------------------------------------------------------- */

void config_defaults(struct kiosk_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    strcpy(cfg->languages[0], "en");
    cfg->n_languages = 1;
    strcpy(cfg->default_language, "en");
    cfg->idle_timeout = CONFIG_IDLE_DEFAULT;
    cfg->countdown = CONFIG_COUNTDOWN_DEFAULT;
    cfg->mode = CONFIG_MODE_PATIENT;
    /* Never written through: print_words stays NULL for the default. */
    cfg->print_argv[0] = (char *)config_default_print;
    cfg->print_argv[1] = NULL;
    cfg->print_argc = 1;
    cfg->print_width = CONFIG_WIDTH_DEFAULT;
}

void config_free(struct kiosk_config *cfg)
{
    if (cfg == NULL)
        return;
    free(cfg->print_words);
    explicit_bzero(cfg->staff_pin_hash, sizeof cfg->staff_pin_hash);
    config_defaults(cfg);
}

/* Checks that need the whole file. */
static void config_check_all(struct config_parse *p)
{
    struct kiosk_config *cfg = p->cfg;
    char list[CONFIG_LANGUAGES_MAX * CONFIG_LANG_SIZE + 1] = "";
    for (size_t i = 0; i < cfg->n_languages; i++) {
        if (i > 0)
            strcat(list, " ");
        strcat(list, cfg->languages[i]);
    }
    cfg->languages_set = p->set_line[KEY_LANGUAGES] != 0;
    if (p->set_line[KEY_DEFAULT_LANGUAGE] == 0) {
        strcpy(cfg->default_language, cfg->languages[0]);
        return;
    }
    cfg->default_language_set = 1;
    for (size_t i = 0; i < cfg->n_languages; i++)
        if (strcmp(cfg->default_language, cfg->languages[i]) == 0)
            return;
    p->line = p->set_line[KEY_DEFAULT_LANGUAGE];
    config_fail(p, "default_language \"%s\" is not one of the languages offered (%s)",
                cfg->default_language, list);
}

int config_load_buffer(const char *name, const char *text, size_t len, struct kiosk_config *cfg,
                       char *err, size_t errlen)
{
    config_defaults(cfg);
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    struct config_parse p = {.name = name,
                             .text = text,
                             .len = len,
                             .last_key = -1,
                             .err = err,
                             .errlen = errlen,
                             .cfg = cfg};
    int r = ini_parse_stream(config_reader, &p, config_handler, &p);
    if (r > 0 && (p.err_line == 0 || r < p.err_line))
        config_syntax_error(&p, r);
    else if (r < 0 && p.err_line == 0)
        config_message(err, errlen, name, 0, "out of memory while reading the file");
    if (p.err_line == 0 && r == 0)
        config_check_all(&p);
    if (p.err_line != 0 || r != 0) {
        config_free(cfg);
        errno = EINVAL;
        return -1;
    }
    return 0;
}

int config_load(const char *path, struct kiosk_config *cfg, char *err, size_t errlen)
{
    config_defaults(cfg);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        config_message(err, errlen, path, 0, "cannot read: %s", strerror(e));
        errno = e;
        return -1;
    }
    char *buf = malloc(CONFIG_FILE_MAX + 1);
    size_t len = 0;
    int e = buf ? 0 : ENOMEM;
    while (e == 0 && len <= CONFIG_FILE_MAX) {
        ssize_t n = read(fd, buf + len, CONFIG_FILE_MAX + 1 - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            e = errno;
        else if (n == 0)
            break;
        else
            len += (size_t)n;
    }
    close(fd);
    if (e != 0) {
        config_message(err, errlen, path, 0, "cannot read: %s", strerror(e));
        free(buf);
        errno = e;
        return -1;
    }
    if (len > CONFIG_FILE_MAX) {
        config_message(err, errlen, path, 0,
                       "the file is too large for a config file (more than %d bytes)",
                       CONFIG_FILE_MAX);
        free(buf);
        errno = EFBIG;
        return -1;
    }
    int r = config_load_buffer(path, buf, len, cfg, err, errlen);
    e = errno;
    explicit_bzero(buf, len);
    free(buf);
    errno = e;
    return r;
}

const char *config_mode_name(enum config_mode mode)
{
    switch (mode) {
    case CONFIG_MODE_KIOSK:
        return "kiosk";
    case CONFIG_MODE_TRAINING:
        return "training";
    case CONFIG_MODE_PATIENT:
        break;
    }
    return "patient";
}

/* ---- staff PIN --------------------------------------------------------- */

int config_pin_valid(const char *pin)
{
    if (pin == NULL)
        return 0;
    size_t n = strlen(pin);
    return n >= 4 && n <= 12 && strspn(pin, "0123456789") == n;
}

int config_hash_pin(const char *pin, char *out, size_t outlen)
{
    if (!config_pin_valid(pin)) {
        errno = EINVAL;
        return -1;
    }
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
        return -1;
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL)
        return -1;
    int r = -1;
    errno = 0;
    const char *hash = crypt_rn(pin, salt, data, sizeof *data);
    if (hash == NULL || hash[0] == '*') {
        if (errno == 0)
            errno = EINVAL;
    } else if (strlen(hash) >= outlen) {
        errno = ERANGE;
    } else {
        memcpy(out, hash, strlen(hash) + 1);
        r = 0;
    }
    int e = errno;
    explicit_bzero(data, sizeof *data);
    free(data);
    errno = e;
    return r;
}

int config_pin_matches(const struct kiosk_config *cfg, const char *pin)
{
    const char *want = cfg->staff_pin_hash;
    if (want[0] == '\0' || !config_pin_valid(pin))
        return 0;
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL)
        return 0;
    int match = 0;
    if (crypt_rn(pin, want, data, sizeof *data) != NULL) {
        /* Both buffers are at least CONFIG_HASH_SIZE bytes, so every byte up
         * to and including want's NUL can be read in both. */
        size_t n = strlen(want);
        unsigned diff = 0;
        for (size_t i = 0; i <= n; i++)
            diff |= (unsigned char)want[i] ^ (unsigned char)data->output[i];
        match = diff == 0;
    }
    explicit_bzero(data, sizeof *data);
    free(data);
    return match;
}
