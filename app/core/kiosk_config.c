/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "core/diag.h"
#include "core/kiosk_config_parse.h"
#include "core/text.h"
#include "core/wipe.h"

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
    [KEY_PRINT_FORMAT] = {"print", "format"},
    [KEY_PRINT_PAPER] = {"print", "paper"},
    [KEY_SECOND_LANGUAGE] = {"summary", "second_language"},
    [KEY_SAVE_FOLDER] = {"summary", "save_folder"},
    [KEY_SPEECH] = {"kiosk", "speech"},
    [KEY_LOCAL_FOLDER] = {"content", "local_folder"},
};

static const char *const config_sections[] = {"clinic", "kiosk", "print", "summary", "content"};
#define CONFIG_SECTION_LIST "[clinic], [kiosk], [print], [summary] or [content]"

/* ---- messages ---------------------------------------------------------- */

static void config_vmessage(char *err, size_t errlen, const char *name, int line, const char *fmt,
                            va_list ap) __attribute__((format(printf, 5, 0)));
static void config_vmessage(char *err, size_t errlen, const char *name, int line, const char *fmt,
                            va_list ap)
{
    if (err == NULL || errlen == 0)
        return;
    diag_vformat(err, errlen, name, line, 1, fmt, ap);
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

int config_fail(struct config_parse *p, const char *fmt, ...)
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

const char *config_quote(const char *s, char *buf, size_t size)
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
        config_fail(p,
                    "this line is too long: %zu bytes, and a configuration line holds at most "
                    "%d (the limit of libinih, the INI reader); shorten the value",
                    content, num - 3);
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

int config_check_local_folder(const struct kiosk_config *cfg, const char *name, char *err,
                              size_t errlen)
{
    struct stat st;
    char q[200];
    if (cfg->local_folder_line == 0 || !cfg->local_folder[0])
        return 0;
    if (stat(cfg->local_folder, &st) != 0)
        config_message(err, errlen, name, cfg->local_folder_line,
                       "local_folder \"%s\" cannot be used: %s; create the folder (it may stay "
                       "empty), or leave the setting empty for none",
                       config_quote(cfg->local_folder, q, sizeof q), strerror(errno));
    else if (!S_ISDIR(st.st_mode))
        config_message(err, errlen, name, cfg->local_folder_line,
                       "local_folder \"%s\" is not a folder",
                       config_quote(cfg->local_folder, q, sizeof q));
    else
        return 0;
    return -1;
}

int config_check_save_folder(const struct kiosk_config *cfg, char *why, size_t whylen)
{
    struct stat st;
    char q[200];
    if (cfg->save_folder_line == 0 || !cfg->save_folder[0])
        return 0;
    const char *folder = config_quote(cfg->save_folder, q, sizeof q);
    if (stat(cfg->save_folder, &st) != 0)
        snprintf(why, whylen,
                 "save_folder \"%s\" cannot be used: %s; create it (mode 0700, owned by the user "
                 "the kiosk runs as), or leave the setting empty to turn saving off",
                 folder, strerror(errno));
    else if (!S_ISDIR(st.st_mode))
        snprintf(why, whylen, "save_folder \"%s\" is not a folder", folder);
    else if (access(cfg->save_folder, W_OK | X_OK) != 0)
        snprintf(why, whylen,
                 "save_folder \"%s\" cannot be written by this user (%s): give it to the user the "
                 "kiosk runs as, mode 0700",
                 folder, strerror(errno));
    else if (st.st_mode & S_IRWXO)
        snprintf(why, whylen,
                 "save_folder \"%s\" is open to other users (mode %04o), and saved summaries are "
                 "patient data: make it mode 0700 (chmod 700)",
                 folder, (unsigned)(st.st_mode & 07777));
    else
        return 0;
    return cfg->save_folder_line;
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
    cfg->local_folder_line = p->set_line[KEY_LOCAL_FOLDER];
    cfg->save_folder_line = p->set_line[KEY_SAVE_FOLDER];
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
    wipe_free(buf, len);
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
    wipe_free(data, sizeof *data);
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
    wipe_free(data, sizeof *data);
    return match;
}
