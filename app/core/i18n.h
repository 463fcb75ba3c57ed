/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h: the gettext macros every module uses for strings a person reads.
 * _() translates now; N_() marks a string for translation where it is declared. */
#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* Set the locale from the environment, falling back to C.UTF-8 when it is
 * missing or not UTF-8 (only C.UTF-8 may be installed), and bind the
 * catalogs ($KIOSK_LOCALEDIR, else the installed ones). Returns 1 when the
 * character set is UTF-8 afterwards, else 0 (ASCII borders and bullets). */
int i18n_init(void);

/* Show UI strings in lang ("en", "es", "zh"...) from now on. gettext caches
 * by locale name, so this sets LANGUAGE and re-binds the text domain. */
void i18n_set_language(const char *lang);

/* msgid as the catalog of lang says it, written to buf (cut to size, always
 * terminated; the msgid itself when lang has no catalog or no translation),
 * with the UI language set back to current afterwards. For a screen that
 * speaks every language at once; the language shown does not change. */
void i18n_text_in(const char *lang, const char *current, const char *msgid, char *buf, size_t size);

/* The language asked for by LANGUAGE, LC_ALL, LC_MESSAGES or LANG, as a
 * two-letter code written to buf ("" when none or C/POSIX). */
void i18n_env_language(char *buf, size_t size);

#endif
