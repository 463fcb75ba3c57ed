/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c: locale and gettext set-up, and switching the UI language at run time. */
#include "config.h"

#include "core/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

int i18n_init(void)
{
    if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    const char *dir = getenv("KIOSK_LOCALEDIR");
    bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

void i18n_set_language(const char *lang)
{
    /* "zh" content uses the zh_CN catalog. */
    setenv("LANGUAGE", strcmp(lang, "zh") == 0 ? "zh_CN" : lang, 1);
    textdomain(PACKAGE);
}

void i18n_text_in(const char *lang, const char *current, const char *msgid, char *buf, size_t size)
{
    if (!size)
        return;
    i18n_set_language(lang);
    const char *text = gettext(msgid);
    size_t n = strlen(text);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
            n--; /* never half a character */
    }
    memcpy(buf, text, n);
    buf[n] = '\0';
    i18n_set_language(current);
}

void i18n_env_language(char *buf, size_t size)
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
            continue;
        size_t n = strcspn(v, "_.@:-");
        if (n == 0 || n >= size || n > 3)
            continue;
        memcpy(buf, v, n);
        buf[n] = '\0';
        return;
    }
}
