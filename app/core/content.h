/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.h: finds and loads a content set: content/<lang>/index.md (title,
 * menu, metadata) and its pages, with {{placeholders}} filled in, a fallback
 * to English for a missing page, and no way out of the content folder.
 *
 * Errors are written to a caller's buffer as "FILE:LINE: error: message"
 * (or "FILE: error: message"). A struct content owns all its strings;
 * content_close() frees it. */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

#include <stddef.h>

#include "core/layout.h"

struct content_entry {
    char *label; /* menu text */
    char *page;  /* file name in the language folder, e.g. "faq.md" */
    int line;    /* line of the link in index.md */
};

struct content_var {
    char *name, *value;
};

struct content {
    char *root;  /* the content folder (holds one folder per language) */
    char *local; /* the local folder laid over it page by page (content_find.h), or NULL */
    char *lang;  /* the language folder in use, e.g. "en" */
    char *index_path;
    char *title; /* first heading of index.md */
    struct content_entry *entries;
    size_t entry_count;
    struct content_var *vars; /* metadata from index.md, then set by content_set_var */
    size_t var_count;
    /* review-date, last-reviewed (its old name: each gives the other),
     * reviewed-by and translated-by are always set, "" when not written. */
    int old_review_key; /* 1: index.md wrote last-reviewed: rather than review-date: */
};

/* The content folder to use: dir if given, else $KIOSK_CONTENT_DIR, else the
 * installed one. Never NULL; the string is static or dir itself. */
const char *content_default_root(const char *dir);

/* Open root/lang/index.md: read its title, menu and metadata, and check that
 * every page it names exists and is readable. Returns the content, or NULL
 * with the reason in err. */
struct content *content_open(const char *root, const char *lang, char *err, size_t errlen);

/* As content_open() with the local folder local (NULL: none) laid over
 * root: every file, index.md included, is read from local when it is there
 * (content_find.h), so a local index.md replaces root's menu. */
struct content *content_open_local(const char *root, const char *local, const char *lang, char *err,
                                   size_t errlen);

/* A content with no index and no pages, only placeholders: for previewing
 * a single file when no content folder can be read. NULL when out of memory. */
struct content *content_bare(const char *root, const char *lang);

void content_close(struct content *content);

/* Set a {{name}} value (e.g. "clinic-name" from configuration). 0 or -1. */
int content_set_var(struct content *content, const char *name, const char *value);

/* Value of a variable, or NULL. */
const char *content_var(const struct content *content, const char *name);

/* 1 when path, a file in dir, is no symlink or a symlink that resolves to
 * a file inside dir (the menu's rule); 0 otherwise, or when it cannot be
 * resolved. */
int content_path_inside(const char *dir, const char *path);

/* 1 when name is a plain page file name inside the folder: letters, digits,
 * '.', '-', '_', ending in ".md", no "..", no '/'. */
int content_page_name_ok(const char *name);

/* Read a page of the content's language, local copy first, with
 * placeholders filled and its "Did we explain this clearly?" section
 * blanked (core/teachback.h). A page missing in this language falls back to
 * English (*fell_back = 1). Returns a malloc'd NUL-terminated text (caller
 * frees) with its length in *len, or NULL with the reason in err. */
char *content_read_page(const struct content *content, const char *page, size_t *len,
                        int *fell_back, char *err, size_t errlen);

struct teachback;
/* The check section of page (as content_read_page() finds the page), or
 * NULL: the page has none, it breaks a rule (--check says which) or it
 * cannot be read. Free it with teachback_free(). */
struct teachback *content_page_check(const struct content *content, const char *page);

/* Read any Markdown file (for `patient-kiosk FILE.md`), placeholders filled
 * and its check section blanked. Same contract as content_read_page(). */
char *content_read_file(const struct content *content, const char *path, size_t *len, char *err,
                        size_t errlen);

/* Replace every {{name}} whose name is known by its value, escaped so that
 * it cannot add Markdown structure. {{clinic-name}} and {{clinic-phone}}
 * that nothing set (or set to "") read as content_placeholder_default(),
 * in the UI language. Returns a malloc'd string (caller frees) or NULL when
 * out of memory. */
char *content_fill(const struct content *content, const char *text, size_t len, size_t *out_len);

/* The words a patient reads where the configuration gives no clinic name or
 * phone: "the clinic", "the number your care team gave you", in the UI
 * language (english: in English, for an English page shown in its place).
 * NULL for any other name. Static strings. */
const char *content_placeholder_default(const char *name, int english);

/* The index page without its title and menu (the home screen's welcome
 * text), laid out. NULL when out of memory or unreadable. */
struct layout *content_intro_layout(const struct content *content, const struct layout_opts *opts);

/* A language the content is written in: its folder name and its own name
 * ("Español"), from the `language-name:` metadata line of its index.md. */
struct content_language {
    char code[16];
    char name[64];
};

/* The languages under root (folders holding a readable index.md), English
 * first, then by code. Only each index.md's metadata is read (not its menu
 * or pages: content_open() checks those when the language is chosen).
 * Returns how many were written to out (at most max). */
size_t content_languages(const char *root, struct content_language *out, size_t max);

/* As content_languages() over root and the local folder local (NULL: none):
 * a language either holds, its name from the index.md content_find() picks. */
size_t content_languages_local(const char *root, const char *local, struct content_language *out,
                               size_t max);

/* Read a whole file (at most max bytes). Returns a malloc'd NUL-terminated
 * buffer (caller frees) and its length, or NULL with errno set (EFBIG when
 * larger than max). */
char *content_slurp(const char *path, size_t max, size_t *len);

#endif
