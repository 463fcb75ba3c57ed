/* SPDX-License-Identifier: GPL-3.0-or-later */
/* options.c: the command line (options.h). */
#include "config.h"

#include "options.h"
#include "core/content_find.h"
#include "core/i18n.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, _("Usage: %s [OPTION]... [FILE.md]\n"), PACKAGE);
    fputs(_("A patient-education kiosk for the terminal: pages from Markdown files, in the\n"
            "patient's language. With FILE.md, open that file in the reader.\n\n"),
          out);
    fprintf(out,
            _("  --kiosk            unattended kiosk: no way out but the staff PIN (Ctrl-K\n"
              "                     three times); resets itself for the next patient\n"
              "  --training         staff training: sources and reasons shown, no idle reset\n"
              "  --config FILE      read settings from FILE\n"
              "                     (default: %s)\n"
              "  --hash-pin         read a staff PIN on standard input and print its hash for\n"
              "                     the staff_pin_hash setting\n"),
            SYSCONFDIR "/patient-kiosk.conf");
    fputs(_("  --plain            plain lines for screen readers and braille displays: no\n"
            "                     cursor movement, numbered choices, answers typed as a\n"
            "                     number and Enter (also when TERM is dumb)\n"),
          out);
    fputs(_("  --content DIR      read content from DIR (default: $KIOSK_CONTENT_DIR or the\n"
            "                     installed content)\n"
            "  --lang LL          content language, e.g. en (default: from the environment)\n"
            "  --render PAGE      print PAGE (a menu page name or a .md path) as plain text\n"
            "  --width N          width in columns for --render (default 80)\n"
            "  --summary ANSWERS  print the summary these answers give, e.g.\n"
            "                     safety=2,treatment=1 (question id = 1-based choice; join\n"
            "                     several choices with +)\n"
            "  --format FORMAT    text (default), html or pdf, for --summary; text or pdf\n"
            "                     for --render\n"
            "  --check            check the content: errors as FILE:LINE, then reading level\n"
            "  --strict           with --check: a reading level over the limit is an error\n"
            "  --max-grade N      with --check: the English reading-grade limit (default 8)\n"
            "  --no-color         no colours (also when NO_COLOR is set)\n"
            "  --high-contrast    white and yellow on black, nothing dimmed\n"
            "  --large-targets    every choice at least three rows tall, for touch screens\n"
            "  --help             show this help and exit\n"
            "  --version          show the version and exit\n\n"),
          out);
    fputs(_("  --speech           offer Read aloud (eSpeak NG) on every page, question and\n"
            "                     summary; off over SSH and where there is no sound\n"),
          out);
    fputc('\n', out);
    fprintf(out,
            _("Local content: a page in %s (or in the folder the\n"
              "configuration's [content] local_folder names) is shown instead of the installed\n"
              "page of the same name; --content DIR reads exactly DIR, with no local folder.\n\n"),
            content_installed_local());
    fputs(_("Exit status: 0 if OK, 1 if --check found errors, 2 on a usage, content or\n"
            "terminal error.\n"),
          out);
}

static int parse_width(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > 10000)
        return -1;
    *out = (int)v;
    return 0;
}

int options_parse(int argc, char **argv, struct options *o)
{
    enum {
        OPT_CONTENT = 256,
        OPT_LANG,
        OPT_RENDER,
        OPT_WIDTH,
        OPT_SUMMARY,
        OPT_FORMAT,
        OPT_CHECK,
        OPT_STRICT,
        OPT_MAX_GRADE,
        OPT_CONFIG,
        OPT_KIOSK,
        OPT_TRAINING,
        OPT_HASH_PIN,
        OPT_NO_COLOR,
        OPT_HIGH_CONTRAST,
        OPT_LARGE,
        OPT_PLAIN,
        OPT_SPEECH,
        OPT_HELP,
        OPT_VERSION
    };
    static const struct option longopts[] = {
        {"content", required_argument, NULL, OPT_CONTENT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"render", required_argument, NULL, OPT_RENDER},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"summary", required_argument, NULL, OPT_SUMMARY},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"check", no_argument, NULL, OPT_CHECK},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"max-grade", required_argument, NULL, OPT_MAX_GRADE},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"kiosk", no_argument, NULL, OPT_KIOSK},
        {"training", no_argument, NULL, OPT_TRAINING},
        {"hash-pin", no_argument, NULL, OPT_HASH_PIN},
        {"no-color", no_argument, NULL, OPT_NO_COLOR},
        {"high-contrast", no_argument, NULL, OPT_HIGH_CONTRAST},
        {"large-targets", no_argument, NULL, OPT_LARGE},
        {"plain", no_argument, NULL, OPT_PLAIN},
        {"speech", no_argument, NULL, OPT_SPEECH},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_CONTENT:
            o->content_dir = optarg;
            break;
        case OPT_LANG:
            o->lang = optarg;
            break;
        case OPT_RENDER:
            o->render = optarg;
            break;
        case OPT_WIDTH:
            if (parse_width(optarg, &o->width) < 0) {
                fprintf(stderr, _("%s: --width: \"%s\" is not a width from 1 to 10000\n"), PACKAGE,
                        optarg);
                return -1;
            }
            break;
        case OPT_SUMMARY:
            o->summary = optarg;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "html") != 0 &&
                strcmp(optarg, "pdf") != 0) {
                fprintf(stderr, _("%s: --format: \"%s\" is not text, html or pdf\n"), PACKAGE,
                        optarg);
                return -1;
            }
            o->format = optarg;
            break;
        case OPT_CHECK:
            o->check = 1;
            break;
        case OPT_STRICT:
            o->strict = 1;
            break;
        case OPT_MAX_GRADE:
            if (parse_width(optarg, &o->max_grade) < 0 || o->max_grade > 20) {
                fprintf(stderr, _("%s: --max-grade: \"%s\" is not a grade from 1 to 20\n"), PACKAGE,
                        optarg);
                return -1;
            }
            break;
        case OPT_CONFIG:
            o->config = optarg;
            break;
        case OPT_KIOSK:
            o->kiosk = 1;
            break;
        case OPT_TRAINING:
            o->training = 1;
            break;
        case OPT_HASH_PIN:
            o->hash_pin = 1;
            break;
        case OPT_NO_COLOR:
            o->no_color = 1;
            break;
        case OPT_HIGH_CONTRAST:
            o->high_contrast = 1;
            break;
        case OPT_LARGE:
            o->large = 1;
            break;
        case OPT_PLAIN:
            o->plain = 1;
            break;
        case OPT_SPEECH:
            o->speech = 1;
            break;
        case OPT_HELP:
            usage(stdout);
            exit(0);
        case OPT_VERSION:
            printf("%s %s\n", PACKAGE, VERSION);
            exit(0);
        case ':':
            fprintf(stderr, _("%s: option \"%s\" needs an argument; see --help\n"), PACKAGE,
                    argv[optind - 1]);
            return -1;
        default:
            fprintf(stderr, _("%s: unknown option \"%s\"; see --help\n"), PACKAGE,
                    argv[optind - 1]);
            return -1;
        }
    }
    if (o->kiosk && o->training) {
        fprintf(stderr, _("%s: choose --kiosk or --training, not both\n"), PACKAGE);
        return -1;
    }
    if (optind < argc)
        o->file = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, _("%s: one file at a time, not \"%s\"; see --help\n"), PACKAGE,
                argv[optind]);
        return -1;
    }
    return 0;
}

/* The content language: --lang, then the configuration, then the
 * environment, else English; a language without a folder falls back to
 * English with a notice. */
