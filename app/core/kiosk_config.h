/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk_config.h: the kiosk's configuration file (INI, read with libinih)
 * and its defaults, plus hashing and checking the staff PIN.
 *
 * The file is $(sysconfdir)/patient-kiosk.conf or --config FILE; every key
 * is documented in docs/patient-kiosk.conf. Loading either succeeds
 * completely or fails with one message naming the file, the line and the
 * setting ("FILE:LINE: error: ..."); a half-applied file is never used.
 *
 * (The file is not called config.h: a header of that name in app/core/
 * would be found before autoconf's config.h by every `#include "config.h"`
 * in this folder.)
 *
 * Ownership: a struct kiosk_config owns one heap block (the print command's
 * words). config_defaults() and config_load() initialise a struct without
 * looking at what it held; config_free() releases it and leaves defaults.
 * A struct may be copied by value only if exactly one copy is freed. */
#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H

#include <stddef.h>

#define CONFIG_TEXT_MAX      100   /* characters (not bytes) in name, phone */
#define CONFIG_TEXT_SIZE     401   /* bytes: CONFIG_TEXT_MAX UTF-8 characters + NUL */
#define CONFIG_LANG_SIZE     4     /* a two- or three-letter code + NUL */
#define CONFIG_LANGUAGES_MAX 16    /* languages offered */
#define CONFIG_ARGV_MAX      32    /* words in the print command */
#define CONFIG_HASH_SIZE     256   /* a crypt(3) hash + NUL */
#define CONFIG_PATH_SIZE     1024  /* save folder, local folder + NUL */
#define CONFIG_FILE_MAX      65536 /* bytes: a larger file is refused */

#define CONFIG_IDLE_DEFAULT      90
#define CONFIG_IDLE_MIN          10
#define CONFIG_IDLE_MAX          3600
#define CONFIG_COUNTDOWN_DEFAULT 30
#define CONFIG_COUNTDOWN_MIN     5
#define CONFIG_COUNTDOWN_MAX     300
#define CONFIG_WIDTH_DEFAULT     80
#define CONFIG_WIDTH_MIN         20
#define CONFIG_WIDTH_MAX         200

enum config_print_format {
    CONFIG_FORMAT_PDF,  /* "pdf" (default): the typeset handout (core/handout.h) */
    CONFIG_FORMAT_TEXT, /* "text": lines of print_width characters, for receipt printers */
};

enum config_paper {
    CONFIG_PAPER_LETTER, /* "letter" (default: the kiosk's crisis lines are the US's) */
    CONFIG_PAPER_A4,     /* "a4" */
};

/* Same order as the tui's MODE_PATIENT, MODE_KIOSK, MODE_TRAINING. */
enum config_mode {
    CONFIG_MODE_PATIENT,  /* "patient" (default) */
    CONFIG_MODE_KIOSK,    /* "kiosk" */
    CONFIG_MODE_TRAINING, /* "training" */
};

struct kiosk_config {
    /* [clinic] */
    char clinic_name[CONFIG_TEXT_SIZE];  /* "" = not shown (default) */
    char clinic_phone[CONFIG_TEXT_SIZE]; /* "" = not shown (default) */

    /* [kiosk] */
    char languages[CONFIG_LANGUAGES_MAX][CONFIG_LANG_SIZE]; /* default: "en" */
    size_t n_languages;                                     /* >= 1 */
    int languages_set; /* 1 when the file lists them (else every installed language) */
    char default_language[CONFIG_LANG_SIZE]; /* one of languages; default: the first */
    int default_language_set;                /* 1 when the file names it (else the
                                                patient's environment may choose) */
    unsigned idle_timeout;                   /* seconds, 10..3600, default 90 */
    unsigned countdown;                      /* seconds, 5..300, default 30 */
    enum config_mode mode;                   /* default CONFIG_MODE_PATIENT */
    char staff_pin_hash[CONFIG_HASH_SIZE];   /* crypt(3) hash; "" = no PIN set (default) */
    int speech;                              /* 1: offer Read aloud ("yes"); default 0 */

    /* [print] */
    char *print_argv[CONFIG_ARGV_MAX + 1]; /* NULL-terminated; default {"lp", NULL} */
    size_t print_argc;                     /* 0 = printing turned off */
    unsigned print_width;                  /* columns, 20..200, default 80 */
    enum config_print_format print_format; /* default CONFIG_FORMAT_PDF */
    enum config_paper paper;               /* default CONFIG_PAPER_LETTER */

    /* [summary] */
    char second_language[CONFIG_LANG_SIZE]; /* "" = none (default) */
    char save_folder[CONFIG_PATH_SIZE];     /* absolute path; "" = saving off (default) */
    int save_folder_line;                   /* the line that sets it; 0: not set */

    /* [content] */
    char local_folder[CONFIG_PATH_SIZE]; /* absolute path; "" = none */
    int local_folder_line; /* the line that sets it; 0: not set (the installed local folder) */

    char *print_words; /* private: the heap block print_argv points into (or NULL) */
};

/* Fill cfg with the defaults above. Allocates nothing; never fails. */
void config_defaults(struct kiosk_config *cfg);

/* Read the config file at path into cfg (starting from the defaults).
 * Returns 0 on success. Returns -1 with a one-line message in err (always
 * NUL-terminated when errlen > 0) and cfg holding the defaults:
 *   "FILE: error: cannot read: No such file or directory" (errno left from
 *   open(2), so a caller trying the default path can treat ENOENT as "no
 *   config"); "FILE:LINE: error: ..." for anything wrong inside (errno =
 *   EINVAL). Line numbers count from 1. The caller frees cfg with
 *   config_free() on success (harmless after a failure too). */
int config_load(const char *path, struct kiosk_config *cfg, char *err, size_t errlen);

/* As config_load() for len bytes of config text in memory (need not be
 * NUL-terminated); name stands for the file name in messages. */
int config_load_buffer(const char *name, const char *text, size_t len, struct kiosk_config *cfg,
                       char *err, size_t errlen);

/* Release what cfg owns and reset it to the defaults. The staff PIN hash is
 * wiped with explicit_bzero. */
void config_free(struct kiosk_config *cfg);

/* Check that the local_folder cfg names (read from the file name) is a
 * folder that exists: checked when the configuration is used rather than
 * when it is read, so a file can be checked on another machine. Returns 0
 * (also when none is named), or -1 with "NAME:LINE: error: ..." in err. */
int config_check_local_folder(const struct kiosk_config *cfg, const char *name, char *err,
                              size_t errlen);

/* Whether the save_folder cfg names can keep patients' summaries: a folder
 * that exists, that this user may write, and that other users may not open
 * (saved summaries are patient data). Checked when the configuration is used
 * (start-up warns; --check --config reports it as an error), since saving
 * runs as the kiosk's own user. Returns 0 when it is fine or not set, else
 * the line that sets it, with why (without file and line) in why. */
int config_check_save_folder(const struct kiosk_config *cfg, char *why, size_t whylen);

/* The config word for a mode ("patient", "kiosk", "training"). */
const char *config_mode_name(enum config_mode mode);

/* 1 when pin is 4 to 12 ASCII digits, else 0. */
int config_pin_valid(const char *pin);

/* Hash a staff PIN (4 to 12 digits) with yescrypt and a fresh random salt,
 * for the staff_pin_hash key ("patient-kiosk --hash-pin"). Writes the
 * NUL-terminated hash to out. Returns 0, or -1 with errno EINVAL (not 4-12
 * digits), ERANGE (out too small; 128 bytes is plenty) or whatever libcrypt
 * reported. Working copies of the PIN are wiped. */
int config_hash_pin(const char *pin, char *out, size_t outlen);

/* 1 when pin hashes to cfg's staff_pin_hash (compared in constant time);
 * 0 when it does not, when no hash is set, or when pin is not 4-12 digits. */
int config_pin_matches(const struct kiosk_config *cfg, const char *pin);

#endif
