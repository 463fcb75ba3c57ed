/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: options, configuration, mode and exit status. Everything else is
 * in the libraries under core/ (what is shown) and tui/ (drawing).
 *
 * Exit status: 0 success; 1 --check found errors; 2 usage, content or
 * terminal errors. */
#include "config.h"

#include "core/check.h"
#include "core/content.h"
#include "core/content_find.h"
#include "core/flow.h"
#include "core/i18n.h"
#include "core/kiosk_config.h"
#include "core/printout.h"
#include "core/log.h"
#include "core/protect.h"
#include "core/visit.h"
#include "core/wipe.h"
#include "core/layout.h"
#include "tui/term.h"
#include "tui/plain.h"
#include "tui/ui.h"
#include "tui/ui_audio.h"
#include "tui/ui_clock.h"
#include "tui/ui_programs.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

struct options {
    const char *config;
    const char *content_dir;
    const char *lang;
    const char *render;
    const char *summary;
    const char *format;
    int width;
    int check, strict, max_grade;
    int kiosk, training, hash_pin;
    int no_color, high_contrast, large;
    int plain, speech;
    const char *file;
};

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

static int parse_options(int argc, char **argv, struct options *o)
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
static void choose_language(const char *root, const char *local, const char *asked,
                            const char *configured, char *lang, size_t size)
{
    char env[8];
    i18n_env_language(env, sizeof env);
    const char *want = asked && *asked             ? asked
                       : configured && *configured ? configured
                       : env[0]                    ? env
                                                   : "en";
    char path[4096];
    if (strchr(want, '/') || strchr(want, '.') ||
        content_find(root, local, want, "index.md", path, sizeof path) <= 0) {
        if ((asked && *asked) || (configured && *configured))
            fprintf(stderr, _("%s: no content in language \"%s\"; showing English\n"), PACKAGE,
                    want);
        want = "en";
    }
    snprintf(lang, size, "%s", want);
}

/* `--summary ANSWERS`: the printout a patient with these answers gets, as
 * text --width columns wide, (--format html) the page a saved summary is,
 * or (--format pdf) the typeset handout on the configured paper. */
static int print_summary(struct content *content, struct flow *flow, struct flow *second_flow,
                         const struct options *o, const struct visit_options *vo)
{
    if (!flow) {
        fprintf(stderr, _("%s: this content has no question flow (questions.md)\n"), PACKAGE);
        flow_free(second_flow);
        return 2;
    }
    struct visit v;
    char err[1024];
    visit_start(&v, content, flow, second_flow, vo);
    int status = 2;
    if (visit_replay(&v, o->summary, err, sizeof err) < 0) {
        fprintf(stderr, "%s: --summary: %s\n", PACKAGE, err);
    } else if (o->format && strcmp(o->format, "pdf") == 0) {
        size_t len = 0;
        unsigned char *pdf = visit_handout(&v, &len, err, sizeof err);
        if (!pdf)
            fprintf(stderr, "%s: %s\n", PACKAGE, err);
        else if (fwrite(pdf, 1, len, stdout) == len && fflush(stdout) == 0)
            status = 0;
        handout_free(pdf, len);
    } else {
        char *text = visit_printout(&v, o->width, o->format && strcmp(o->format, "html") == 0);
        if (!text)
            fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
        else if (fputs(text, stdout) >= 0)
            status = 0;
        wipe_string(text); /* the printout is patient text */
    }
    visit_end(&v, &content, &flow); /* the same content and flow: the caller frees them */
    return status;
}

/* A line for the administrator: on stderr (the journal under systemd; the
 * screen is not started yet) and in the event log. */
static void log_warning(const struct klog *log, const char *what)
{
    fprintf(stderr, "%s: %s\n", PACKAGE, what);
    klog_event(log, KLOG_PROTECT, what);
}

/* Before a patient's first key: memory set apart for their data, and in
 * kiosk and patient (SSH) sessions no core file, no debugger by the same
 * user, and a crash that zeroes it first (docs/SECURITY.md). */
static void protect_session(enum ui_mode mode, const struct klog *log)
{
    char msg[512];
    if (protect_init(msg, sizeof msg) != PROTECT_LOCKED)
        log_warning(log, msg);
    if (mode != MODE_TRAINING && protect_process(msg, sizeof msg) < 0)
        log_warning(log, msg);
}

/* `--render PAGE --format pdf`: the page as the reader prints it. */
static int render_pdf(const struct content *content, const char *text,
                      const struct visit_options *vo)
{
    char err[1024];
    size_t len = 0;
    unsigned char *pdf = printout_page_pdf(text, content->lang, vo->clinic_name, vo->paper,
                                           vo->handout_program, &len, err, sizeof err);
    int status = pdf && fwrite(pdf, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : 2;
    if (!pdf)
        fprintf(stderr, "%s: %s\n", PACKAGE, err);
    handout_free(pdf, len);
    return status;
}

/* `--render PAGE`: a menu page name, or a path to any Markdown file; as
 * text, or (pdf not NULL) the PDF handout the reader prints. */
static int render(struct content *content, const char *page, int width, int ascii,
                  const struct visit_options *pdf)
{
    char err[1024];
    size_t len;
    int fell_back = 0;
    char *text = content_page_name_ok(page) && !strchr(page, '/') && access(page, F_OK) != 0
                     ? content_read_page(content, page, &len, &fell_back, err, sizeof err)
                     : content_read_file(content, page, &len, err, sizeof err);
    if (!text) {
        fprintf(stderr, "%s: %s\n", PACKAGE, err);
        return 2;
    }
    if (pdf) {
        int status = render_pdf(content, text, pdf);
        free(text);
        return status;
    }
    struct layout_opts opts = {.width = width, .ascii = ascii, .lang = content->lang};
    visit_link_titles(&opts, content);
    /* In steps, so the text and each block of the parse tree are freed as
     * soon as they are laid out: the peak is the lines, not lines + tree. */
    struct layout *L = layout_start(text, len, &opts);
    free(text);
    if (!L || layout_more(L, SIZE_MAX) < 0) {
        layout_free(L);
        fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
        return 2;
    }
    int status = layout_print(L, stdout) == 0 ? 0 : 2;
    layout_free(L);
    return status;
}

/* `--hash-pin`: a PIN from standard input (not echoed on a terminal) to a
 * crypt(3) hash for the configuration. */
static int hash_pin(void)
{
    struct termios saved;
    int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        struct termios quiet = saved;
        quiet.c_lflag &= (tcflag_t)~ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        fputs(_("Staff PIN (4 to 12 digits): "), stderr);
    }
    char pin[64] = "";
    int got = fgets(pin, sizeof pin, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fputc('\n', stderr);
    }
    pin[strcspn(pin, "\r\n")] = '\0';
    char hash[CONFIG_HASH_SIZE];
    int status = 2;
    if (!got || !config_pin_valid(pin))
        fprintf(stderr, _("%s: a staff PIN is 4 to 12 digits\n"), PACKAGE);
    else if (config_hash_pin(pin, hash, sizeof hash) < 0)
        fprintf(stderr, _("%s: could not hash the PIN\n"), PACKAGE);
    else {
        printf("staff_pin_hash = %s\n", hash);
        status = 0;
    }
    explicit_bzero(pin, sizeof pin);
    return status;
}

/* The configuration: --config FILE (which must exist), else $KIOSK_CONFIG
 * (a file that must exist; set but empty means none: the tests use it so
 * that they never read the host's configuration), else the installed file
 * if there is one, else the defaults. 1 when a file was read, 0 for the
 * defaults, or -1 after printing why. For a screen (interactive) a save
 * folder that cannot keep summaries safely is logged (not shown: a patient
 * may be at that screen). */
static int load_config(const struct options *o, struct kiosk_config *cfg, const struct klog *log,
                       int interactive)
{
    config_defaults(cfg);
    const char *env = getenv("KIOSK_CONFIG");
    const char *path = o->config ? o->config : env ? env : SYSCONFDIR "/patient-kiosk.conf";
    if (!*path)
        return 0;
    if (!o->config && !env && access(path, F_OK) != 0)
        return 0;
    char err[1024];
    if (config_load(path, cfg, err, sizeof err) < 0 ||
        config_check_local_folder(cfg, path, err, sizeof err) < 0) {
        fprintf(stderr, "%s: %s\n", PACKAGE, err);
        klog_event(log, KLOG_CONFIG_ERROR, err);
        return -1;
    }
    char why[600];
    int line = interactive ? config_check_save_folder(cfg, why, sizeof why) : 0;
    if (line) { /* saving would fail or expose summaries: said now, not at the patient's Save */
        snprintf(err, sizeof err, "%s:%d: warning: %s", path, line, why);
        klog_event(log, KLOG_CONFIG_ERROR, err); /* to the journal: a patient sees no path */
    }
    return 1;
}

static int check_pin(const char *pin, const void *ctx)
{
    return config_pin_matches(ctx, pin);
}

int main(int argc, char **argv)
{
    int utf8 = i18n_init();
    struct options o = {.width = 80};
    if (parse_options(argc, argv, &o) < 0)
        return 2;
    if (o.hash_pin)
        return hash_pin();
    const char *root = content_default_root(o.content_dir);
    static struct kiosk_config cfg;
    /* Only the screens log (the command-line tools print what they find). */
    struct klog log = {.fd = -1};
    int interactive = !o.render && !o.summary && !o.check;
    if (interactive)
        klog_open(&log);
    int configured = load_config(&o, &cfg, &log, interactive);
    if (configured < 0) {
        klog_close(&log);
        return 2;
    }
    const char *local = content_default_local(
        o.content_dir, configured && cfg.local_folder_line ? cfg.local_folder : NULL);
    if (o.check) {
        char why[600];
        struct check_options copts = {.strict = o.strict,
                                      .max_grade = o.max_grade ? o.max_grade : 8,
                                      .min_ease_es = 60,
                                      .today = time(NULL),
                                      .local = local};
        /* --config too: the placeholders it leaves empty are reported. */
        if (o.config && configured) {
            copts.config_path = o.config;
            copts.clinic_name = cfg.clinic_name;
            copts.clinic_phone = cfg.clinic_phone;
            copts.save_folder_line = config_check_save_folder(&cfg, why, sizeof why);
            copts.save_folder_problem = copts.save_folder_line ? why : NULL;
        }
        struct check_result result;
        int status = check_content(root, &copts, stdout, &result);
        config_free(&cfg);
        return status;
    }
    char lang[16];
    /* A default language the file names wins over the patient's environment. */
    choose_language(root, local, o.lang,
                    configured && cfg.default_language_set ? cfg.default_language : NULL, lang,
                    sizeof lang);
    i18n_set_language(lang);

    char err[1024];
    struct content *content = content_open_local(root, local, lang, err, sizeof err);
    if (!content && (o.file || (o.render && strchr(o.render, '/'))))
        content = content_bare(root, lang); /* previewing one file needs no folder */
    if (!content) {
        fprintf(stderr, "%s: %s\n", PACKAGE, err);
        klog_event(&log, KLOG_CONTENT_ERROR, err);
        klog_close(&log);
        config_free(&cfg);
        return 2;
    }
    if (cfg.clinic_name[0])
        content_set_var(content, "clinic-name", cfg.clinic_name);
    if (cfg.clinic_phone[0])
        content_set_var(content, "clinic-phone", cfg.clinic_phone);
    /* The questions (and the clinician's language's, for printouts) are read
     * here only for --summary, which needs them, and --render, which staff
     * run to test the configuration and the content (docs/DEPLOY.md). The
     * screen reads them when they are first used: its first paint does not
     * need them. A single-file preview never asks the questions. */
    struct flow *flow = NULL, *second_flow = NULL;
    const char *second_lang = cfg.second_language[0] ? cfg.second_language : NULL;
    if ((o.render || o.summary) && !o.file) {
        int loaded = flow_load_flows(content, second_lang, &flow, &second_flow, err, sizeof err);
        if (loaded == -1)
            fprintf(stderr, "%s: %s\n", PACKAGE, err);
        else if (loaded == -2)
            fprintf(stderr, _("%s: second_language %s: %s\n"), PACKAGE, cfg.second_language, err);
        if (loaded < 0) {
            content_close(content);
            config_free(&cfg);
            return 2;
        }
    }
    enum ui_mode mode = o.kiosk ? MODE_KIOSK : o.training ? MODE_TRAINING : (enum ui_mode)cfg.mode;
    struct visit_options visit = {
        .training = mode == MODE_TRAINING,
        .ascii = !utf8,
        .file = o.file,
        .clinic_name = cfg.clinic_name[0] ? cfg.clinic_name : NULL,
        .clinic_phone = cfg.clinic_phone[0] ? cfg.clinic_phone : NULL,
        .print_argv = cfg.print_argc ? cfg.print_argv : NULL,
        .print_width = (int)cfg.print_width,
        .print_pdf = cfg.print_format == CONFIG_FORMAT_PDF,
        .paper = cfg.paper == CONFIG_PAPER_A4 ? HANDOUT_A4 : HANDOUT_LETTER,
        .handout_program = ui_handout_program(),
        .save_dir = cfg.save_folder[0] ? cfg.save_folder : NULL,
        .second_lang = second_lang,
        .when = ui_summary_time(),
        .log = &log,
    };
    int status;
    if (o.render) {
        status = render(content, o.render, o.width, !utf8,
                        o.format && strcmp(o.format, "pdf") == 0 ? &visit : NULL);
    } else if (o.summary) {
        status = print_summary(content, flow, second_flow, &o, &visit);
        second_flow = NULL; /* the visit freed it */
    } else {
        const char *no_color = getenv("NO_COLOR");
        struct ui_options ui = {
            .mode = mode,
            .idle_seconds = (int)cfg.idle_timeout,
            .countdown_seconds = (int)cfg.countdown,
            .pin_check = cfg.staff_pin_hash[0] ? check_pin : NULL,
            .pin_ctx = &cfg,
            .theme = o.high_contrast                         ? THEME_HIGH_CONTRAST
                     : o.no_color || (no_color && *no_color) ? THEME_MONO
                                                             : THEME_COLOR,
            .large = o.large,
            .visit = visit,
            .languages = configured && cfg.languages_set ? cfg.languages : NULL,
            .language_count = configured && cfg.languages_set ? cfg.n_languages : 0,
            .log = &log,
            .speech = o.speech || cfg.speech,
            .speech_opts = ui_audio_options(),
        };
        protect_session(mode, &log);
        /* Screen readers, braille displays and dumb terminals: plain lines. */
        const char *term = getenv("TERM");
        int plain = o.plain || (term && strcmp(term, "dumb") == 0);
        klog_eventf(&log, KLOG_START, "%s mode, %s screen, language %s, content %s%s%s",
                    config_mode_name((enum config_mode)mode), plain ? "plain" : "full",
                    content->lang, root, local ? " under local " : "", local ? local : "");
        if (plain)
            status = plain_run(&content, &flow, &ui, stdin, stdout);
        else
            status = ui_run(&content, &flow, &ui);
        klog_eventf(&log, KLOG_STOP, "exit status %d", status);
    }
    klog_close(&log);
    flow_free(second_flow);
    flow_free(flow);
    content_close(content);
    config_free(&cfg);
    return status;
}
