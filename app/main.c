/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: configuration, mode and exit status; the command line is
 * options.c. Everything else is in the libraries under core/ (what is
 * shown) and tui/ (drawing).
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "options.h"

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
    if (options_parse(argc, argv, &o) < 0)
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
