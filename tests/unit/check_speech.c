/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_speech.c: what is read aloud is what is laid out (sentences,
 * lists, headings, tables as "Header: value", Chinese, answers), and, in a
 * build with eSpeak NG, a page in each language synthesized into memory
 * (no audio device) gives audio whose sentence and word events walk the
 * page's sentences in order. */
#include "config.h"

#include "suites.h"
#include "core/layout.h"
#include "core/speech.h"
#include "core/speech_text.h"
#ifdef HAVE_SPEECH
#include "core/speech_wire.h"
#endif

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct layout *lay(const char *md, int width, const char *lang)
{
    struct layout_opts o = {.width = width, .lang = lang};
    struct layout *L = layout_markdown(md, strlen(md), &o);
    ck_assert_ptr_nonnull(L);
    return L;
}

static struct speech_script *script_of(const char *md, int width, const char *lang)
{
    struct layout *L = lay(md, width, lang);
    struct speech_script *s = speech_script_new(lang);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(speech_script_add(s, L, 0, NULL), 0);
    layout_free(L);
    return s;
}

/* Every piece's bytes on screen are the bytes heard there. */
static void check_pieces(const struct speech_script *s, const struct layout *L)
{
    for (size_t i = 0; i < s->count; i++) {
        const struct speech_sentence *st = &s->sentences[i];
        for (size_t k = 0; k < st->piece_count; k++) {
            const struct speech_piece *p = &s->pieces[st->piece_off + k];
            ck_assert_uint_lt(p->line, L->line_count);
            ck_assert_uint_le(p->line_off + p->len, L->lines[p->line].text_len);
            ck_assert_uint_le(p->text_off + p->len, st->len);
            ck_assert_msg(memcmp(layout_line_text(L, p->line) + p->line_off, st->text + p->text_off,
                                 p->len) == 0,
                          "sentence %zu piece %zu differs from its line", i, k);
        }
    }
}

START_TEST(sentences_split_at_their_ends)
{
    struct speech_script *s = script_of(
        "Hello there. Dr. Smith is here! Is it 4.5 mg? Yes, e.g. now. \"Quoted.\" Then this", 80,
        "en");
    const char *want[] = {"Hello there.",   "Dr. Smith is here!", "Is it 4.5 mg?",
                          "Yes, e.g. now.", "\"Quoted.\"",        "Then this"};
    ck_assert_uint_eq(s->count, 6);
    for (size_t i = 0; i < 6; i++)
        ck_assert_str_eq(s->sentences[i].text, want[i]);
    speech_script_free(s);
}
END_TEST

START_TEST(wrapped_lines_join_and_map_back)
{
    const char *md = "Many people worry about this medicine and whether it works. Here is what "
                     "studies show so far, in plain words.";
    struct layout *L = lay(md, 20, "en");
    ck_assert_uint_gt(L->line_count, 4);
    struct speech_script *s = speech_script_new("en");
    ck_assert_int_eq(speech_script_add(s, L, 7, NULL), 0);
    ck_assert_uint_eq(s->count, 2);
    ck_assert_str_eq(s->sentences[0].text,
                     "Many people worry about this medicine and whether it works.");
    ck_assert_str_eq(s->sentences[1].text, "Here is what studies show so far, in plain words.");
    ck_assert_uint_gt(s->sentences[0].piece_count, 2);
    ck_assert_int_eq(s->pieces[0].tag, 7);
    check_pieces(s, L);
    /* Reading from a line starts at the first sentence on or after it. */
    size_t last_line = s->pieces[s->sentences[1].piece_off + s->sentences[1].piece_count - 1].line;
    ck_assert_uint_eq(speech_script_find(s, 7, last_line), 1);
    ck_assert_uint_eq(speech_script_find(s, 7, 0), 0);
    ck_assert_uint_eq(speech_script_find(s, 3, 0), s->count);
    speech_script_free(s);
    layout_free(L);
}
END_TEST

START_TEST(headings_and_list_items_are_sentences)
{
    const char *md = "# Risks\n\nDuring a dose you may feel:\n\n- Dizziness\n- Nausea, or "
                     "throwing up\n\n1. First step\n2. Second step\n\n> A quoted line.\n";
    struct layout *L = lay(md, 40, "en");
    struct speech_script *s = speech_script_new("en");
    ck_assert_int_eq(speech_script_add(s, L, 0, NULL), 0);
    const char *want[] = {"Risks",         "During a dose you may feel:",
                          "Dizziness",     "Nausea, or throwing up",
                          "First step",    "Second step",
                          "A quoted line."};
    ck_assert_uint_eq(s->count, 7);
    for (size_t i = 0; i < 7; i++)
        ck_assert_str_eq(s->sentences[i].text, want[i]);
    check_pieces(s, L);
    speech_script_free(s);
    layout_free(L);
}
END_TEST

/* A grid (wide) and stacked cards (narrow) are heard the same: row by row,
 * "Header: value". */
START_TEST(tables_read_row_by_row)
{
    const char *md = "| Choice | Who decides |\n|---|---|\n| Keep taking it as usual | Your "
                     "prescriber |\n| Hold it for a while | Your care team |\n";
    const char *want[] = {"Choice: Keep taking it as usual", "Who decides: Your prescriber",
                          "Choice: Hold it for a while", "Who decides: Your care team"};
    int widths[] = {80, 30, 22};
    for (size_t w = 0; w < 3; w++) {
        struct layout *L = lay(md, widths[w], "en");
        struct speech_script *s = speech_script_new("en");
        ck_assert_int_eq(speech_script_add(s, L, 0, NULL), 0);
        ck_assert_msg(s->count == 4, "width %d: %zu sentences", widths[w], s->count);
        for (size_t i = 0; i < 4; i++)
            ck_assert_str_eq(s->sentences[i].text, want[i]);
        for (size_t i = 0; i < 4; i++)
            ck_assert_uint_gt(s->sentences[i].piece_count, 0);
        speech_script_free(s);
        layout_free(L);
    }
}
END_TEST

START_TEST(chinese_joins_without_spaces)
{
    const char *md =
        "氯胺酮和艾司氯胺酮可能会让血压短时间升高。请告诉您的医生您正在服用的所有药物！"
        "这样可以吗？可以。";
    struct layout *L = lay(md, 20, "zh");
    ck_assert_uint_gt(L->line_count, 2);
    struct speech_script *s = speech_script_new("zh");
    ck_assert_int_eq(speech_script_add(s, L, 0, NULL), 0);
    ck_assert_uint_eq(s->count, 4);
    ck_assert_str_eq(s->sentences[0].text, "氯胺酮和艾司氯胺酮可能会让血压短时间升高。");
    ck_assert_str_eq(s->sentences[1].text, "请告诉您的医生您正在服用的所有药物！");
    ck_assert_str_eq(s->sentences[3].text, "可以。");
    check_pieces(s, L);
    speech_script_free(s);
    layout_free(L);
}
END_TEST

START_TEST(answers_get_their_prefix)
{
    struct layout_opts o = {.width = 40, .lang = "es"};
    struct layout *yes = layout_text("Sí.", 0, &o), *no = layout_text("No", 0, &o);
    struct speech_script *s = speech_script_new("es");
    ck_assert_int_eq(speech_script_add(s, yes, 2, "Respuesta 1:"), 0);
    ck_assert_int_eq(speech_script_add(s, no, 3, "Respuesta 2:"), 0);
    ck_assert_uint_eq(s->count, 2);
    ck_assert_str_eq(s->sentences[0].text, "Respuesta 1: Sí.");
    ck_assert_str_eq(s->sentences[1].text, "Respuesta 2: No");
    /* The prefix is heard, not shown: the piece starts after it. */
    ck_assert_uint_eq(s->pieces[s->sentences[1].piece_off].text_off, strlen("Respuesta 2: "));
    ck_assert_int_eq(s->pieces[s->sentences[1].piece_off].tag, 3);
    ck_assert_str_eq(speech_voice("zh"), "cmn");
    ck_assert_str_eq(speech_voice("es"), "es");
    speech_script_free(s);
    layout_free(yes);
    layout_free(no);
}
END_TEST

START_TEST(char_offsets)
{
    const char *t = "¿Cómo está?";
    ck_assert_uint_eq(speech_char_offset(t, strlen(t), 0), 0);
    ck_assert_uint_eq(speech_char_offset(t, strlen(t), 1), 2);
    ck_assert_uint_eq(speech_char_offset(t, strlen(t), 3), 5);
    ck_assert_uint_eq(speech_char_offset(t, strlen(t), 99), strlen(t));
}
END_TEST

#ifdef HAVE_SPEECH
/* What the synthesis gave, kept in memory. */
struct heard {
    const struct speech_script *s;
    size_t samples;
    size_t *per_sentence; /* samples of each sentence */
    long sentence;        /* the last sentence begun, -1 before */
    long sentences_begun;
    long words;
    long last_word_off;
    size_t *words_in;
    int out_of_order;
    char why[256];
};

static int hear(void *ctx, const short *samples, size_t n, const struct speech_event *ev,
                size_t count)
{
    struct heard *h = ctx;
    (void)samples;
    for (size_t i = 0; i < count; i++) {
        if (ev[i].type == SPEECH_EV_SENTENCE) {
            if ((long)ev[i].sentence != h->sentence + 1 && !h->out_of_order) {
                h->out_of_order = 1;
                snprintf(h->why, sizeof h->why, "sentence %u began after %ld", ev[i].sentence,
                         h->sentence);
            }
            h->sentence = ev[i].sentence;
            h->sentences_begun++;
            h->last_word_off = -1;
        } else if (ev[i].type == SPEECH_EV_WORD) {
            const struct speech_sentence *st = &h->s->sentences[h->sentence];
            int bad = (long)ev[i].sentence != h->sentence || (long)ev[i].off <= h->last_word_off ||
                      ev[i].off >= st->len || st->text[ev[i].off] == ' ';
            if (bad && !h->out_of_order) {
                h->out_of_order = 1;
                snprintf(h->why, sizeof h->why, "word at %u of sentence %u (after %ld): \"%s\"",
                         ev[i].off, ev[i].sentence, h->last_word_off, st->text);
            }
            h->last_word_off = ev[i].off;
            h->words++;
            h->words_in[h->sentence]++;
        }
    }
    h->samples += n;
    if (h->sentence >= 0)
        h->per_sentence[h->sentence] += n;
    return 0;
}

static char *read_page(const char *lang, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s/%s", getenv("KIOSK_CONTENT_DIR"), lang, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    static char buf[256 * 1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static const char *const langs[] = {"en", "es", "zh"};

/* A bundled page in each language, synthesized into memory. */
START_TEST(a_page_in_each_language_is_heard_in_order)
{
    const char *lang = langs[_i];
    char err[256] = "";
    int hz = speech_engine_init(err, sizeof err);
    ck_assert_msg(hz > 0, "%s", err);
    char *md = read_page(lang, "ssri-and-ketamine.md");
    struct layout *L = lay(md, 80, lang);
    struct speech_script *s = speech_script_new(lang);
    ck_assert_int_eq(speech_script_add(s, L, 0, NULL), 0);
    ck_assert_uint_gt(s->count, 10);
    check_pieces(s, L);
    struct heard h = {.s = s, .sentence = -1, .last_word_off = -1};
    h.per_sentence = calloc(s->count, sizeof *h.per_sentence);
    h.words_in = calloc(s->count, sizeof *h.words_in);
    int rate = SPEECH_RATE_DEFAULT;
    ck_assert_int_eq(speech_synthesize(s, 0, &rate, hear, &h, err, sizeof err), 0);
    ck_assert_msg(!h.out_of_order, "%s: %s", lang, h.why);
    ck_assert_int_eq(h.sentences_begun, (long)s->count);
    ck_assert_int_eq(h.sentence, (long)s->count - 1);
    for (size_t i = 0; i < s->count; i++) {
        /* A fifth of a second at least, and words in every sentence. */
        ck_assert_msg(h.per_sentence[i] > (size_t)hz / 5, "%s sentence %zu: %zu samples", lang, i,
                      h.per_sentence[i]);
        ck_assert_msg(h.words_in[i] > 0, "%s sentence %zu has no word: %s", lang, i,
                      s->sentences[i].text);
    }
    ck_assert_int_ge(h.words, (long)s->count);
    /* From the middle, only the sentences from there are heard. */
    struct heard m = {.s = s, .sentence = (long)s->count / 2 - 1, .last_word_off = -1};
    m.per_sentence = calloc(s->count, sizeof *m.per_sentence);
    m.words_in = calloc(s->count, sizeof *m.words_in);
    ck_assert_int_eq(speech_synthesize(s, s->count / 2, &rate, hear, &m, err, sizeof err), 0);
    ck_assert_msg(!m.out_of_order, "%s: %s", lang, m.why);
    ck_assert_int_eq(m.sentences_begun, (long)(s->count - s->count / 2));
    free(m.per_sentence);
    free(m.words_in);
    free(h.per_sentence);
    free(h.words_in);
    speech_script_free(s);
    layout_free(L);
}
END_TEST

static int stop_at_once(void *ctx, const short *samples, size_t n, const struct speech_event *ev,
                        size_t count)
{
    (void)samples, (void)n, (void)ev, (void)count;
    ++*(int *)ctx;
    return 1;
}

/* A faster rate gives less audio; the callback can stop it. */
START_TEST(rate_and_stop)
{
    char err[256];
    ck_assert_int_gt(speech_engine_init(err, sizeof err), 0);
    struct speech_script *s =
        script_of("Talk with your prescriber before you change any medicine.", 80, "en");
    size_t samples[2];
    int rates[2] = {SPEECH_RATE_MIN, SPEECH_RATE_MAX};
    for (int i = 0; i < 2; i++) {
        struct heard h = {.s = s, .sentence = -1, .last_word_off = -1};
        h.per_sentence = calloc(s->count, sizeof *h.per_sentence);
        h.words_in = calloc(s->count, sizeof *h.words_in);
        ck_assert_int_eq(speech_synthesize(s, 0, &rates[i], hear, &h, err, sizeof err), 0);
        samples[i] = h.samples;
        free(h.per_sentence);
        free(h.words_in);
    }
    ck_assert_uint_gt(samples[0], samples[1] * 2);
    int calls = 0;
    ck_assert_int_eq(speech_synthesize(s, 0, &rates[0], stop_at_once, &calls, err, sizeof err), 1);
    ck_assert_int_eq(calls, 1);
    speech_script_free(s);
}
END_TEST

/* The reader process on the null sink: it reports every sentence, then the
 * end; pause and stop answer. */
START_TEST(reader_process_reports_and_stops)
{
    struct speech_script *s = script_of("One. Two. Three.", 80, "en");
    /* The reader program (patient-kiosk-reader) of this build tree. */
    const char *program = getenv("KIOSK_READER_PROGRAM");
    struct speech_options o = {.sink = SPEECH_SINK_NULL, .program = program};
    char err[256];
    ck_assert_int_eq(speech_probe(&o, err, sizeof err), 0);
    struct speech_options none = {.sink = SPEECH_SINK_NONE, .program = program};
    ck_assert_int_eq(speech_probe(&none, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no audio output"));
    struct speech *sp = speech_start(s, 1, SPEECH_RATE_MAX, &o, err, sizeof err);
    ck_assert_ptr_nonnull(sp);
    int r;
    size_t seen_last = 0;
    /* Blocking reads would be simpler; the kiosk polls, and so does this. */
    while ((r = speech_read(sp)) >= 0) {
        if (speech_sentence_at(sp) == 2)
            seen_last = 1;
        struct timespec t = {0, 5000000};
        nanosleep(&t, NULL);
    }
    ck_assert_int_eq(speech_failed(sp), 0);
    ck_assert_uint_eq(seen_last, 1);
    speech_stop(sp);
    sp = speech_start(s, 0, SPEECH_RATE_MIN, &o, err, sizeof err);
    ck_assert_int_eq(speech_pause(sp, 1), 0);
    ck_assert_int_eq(speech_paused(sp), 1);
    speech_stop(sp); /* paused or not, at once */
    speech_script_free(s);
}
END_TEST
#endif

#ifdef HAVE_SPEECH
/* The script as the reader program gets it (speech_wire.c): every
 * sentence's text and the language come back; a cut or longer request, or
 * a sentence count bigger than the bytes can hold, is refused. */
START_TEST(script_wire_round_trip)
{
    struct speech_script *s = script_of("# Título\n\nUna frase. Otra frase más.", 80, "es");
    size_t len = 0;
    unsigned char *buf = speech_wire_encode(s, &len);
    ck_assert_ptr_nonnull(buf);
    struct speech_script *t = speech_wire_decode(buf, len);
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->lang, "es");
    ck_assert_uint_eq(t->count, s->count);
    for (size_t i = 0; i < s->count; i++) {
        ck_assert_uint_eq(t->sentences[i].len, s->sentences[i].len);
        ck_assert_str_eq(t->sentences[i].text, s->sentences[i].text);
    }
    speech_script_free(t);
    for (size_t n = 0; n < len; n++)
        ck_assert_msg(speech_wire_decode(buf, n) == NULL, "cut at %zu of %zu accepted", n, len);
    unsigned char *more = calloc(1, len + 1);
    memcpy(more, buf, len);
    ck_assert_ptr_null(speech_wire_decode(more, len + 1));
    more[10] = 0xff; /* after "KSW1", 4 + 2 bytes of "es": the count */
    ck_assert_ptr_null(speech_wire_decode(more, len));
    free(more);
    free(buf);
    speech_script_free(s);
}
END_TEST
#endif

Suite *speech_suite(void)
{
    Suite *s = suite_create("speech");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, NULL, NULL);
    tcase_add_test(tc, sentences_split_at_their_ends);
    tcase_add_test(tc, wrapped_lines_join_and_map_back);
    tcase_add_test(tc, headings_and_list_items_are_sentences);
    tcase_add_test(tc, tables_read_row_by_row);
    tcase_add_test(tc, chinese_joins_without_spaces);
    tcase_add_test(tc, answers_get_their_prefix);
    tcase_add_test(tc, char_offsets);
#ifdef HAVE_SPEECH
    tcase_add_loop_test(tc, a_page_in_each_language_is_heard_in_order, 0, 3);
    tcase_add_test(tc, rate_and_stop);
    tcase_add_test(tc, reader_process_reports_and_stops);
    tcase_add_test(tc, script_wire_round_trip);
    tcase_set_timeout(tc, 60);
#endif
    suite_add_tcase(s, tc);
    return s;
}
