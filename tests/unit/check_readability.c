/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check_readability.c: syllable, word and sentence counts and reading-level
 * scores (content-facts.md section 3). Needs a UTF-8 LC_CTYPE; the suite
 * builder and the fixture set C.UTF-8. */
#include "config.h"

#include "suites.h"
#include "core/readability.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct syl_case {
    const char *word;
    unsigned n;
};

/* Hand-checked against dictionary syllabification. */
static const struct syl_case en_words[] = {
    {"the", 1},          {"table", 2},      {"ketamine", 3},
    {"escitalopram", 5}, {"depression", 3}, {"medicine", 3},
    {"people", 2},       {"care", 1},       {"studies", 2},
    {"pressure", 2},     {"created", 3},    {"likes", 1},
    {"esketamine", 4},   {"nausea", 3},     {"psychiatrist", 4},
    {"anxiety", 4},      {"headache", 2},   {"headaches", 2},
    {"whole", 1},        {"little", 2},     {"called", 1},
    {"troubled", 2},     {"tables", 2},     {"pages", 2},
    {"safely", 2},       {"completely", 3}, {"element", 3},
    {"statement", 2},    {"management", 3}, {"careful", 2},
    {"lying", 2},        {"anyone", 3},     {"dye", 1},
    {"eye", 1},          {"beyond", 2},     {"player", 2},
    {"yes", 1},          {"being", 2},      {"diet", 2},
    {"quiet", 2},        {"usual", 3},      {"actual", 3},
    {"quality", 3},      {"language", 2},   {"fluoxetine", 4},
    {"video", 3},        {"idea", 3},       {"area", 3},
    {"react", 2},        {"creature", 2},   {"treated", 2},
    {"unique", 2},       {"autism", 3},     {"opioid", 3},
    {"special", 2},      {"initial", 3},    {"initiate", 4},
    {"dissociation", 5}, {"serious", 3},    {"anxious", 2},
    {"million", 2},      {"depressed", 2},  {"sertraline", 3},
    {"spray", 1},        {"they", 1},       {"goes", 1},
    {"doses", 2},        {"uses", 2},       {"withdrawal", 3},
    {"sexual", 3},       {"trouble", 2},    {"because", 2},
    {"symptoms", 2},     {"usually", 4},    {"NAUSEA", 3},
    {"Spravato", 3},     {"café", 2},       {"well-known", 2},
    {"don't", 1},        {"don\u2019t", 1}, {"COVID-19", 2},
    {"e.g", 2},          {"a", 1},          {"I", 1},
    {"sometimes", 2},    {"lifeline", 2},   {"someone", 2},
    {"safety", 2},       {"homeless", 2},   {"carefully", 3},
    {"times", 1},        {"timer", 2},
};

/* "antidepresivo" is an-ti-de-pre-si-vo: 6, not 5 as the brief listed. */
static const struct syl_case es_words[] = {
    {"médico", 3},    {"tratamiento", 4}, {"día", 2},       {"ciudad", 2},        {"que", 1},
    {"guerra", 2},    {"país", 2},        {"aire", 2},      {"antidepresivo", 6}, {"leer", 2},
    {"Uruguay", 3},   {"ahí", 2},         {"prohibido", 4}, {"pingüino", 3},      {"hoy", 1},
    {"muy", 1},       {"y", 1},           {"guapo", 2},     {"quiero", 2},        {"seguir", 2},
    {"siguiente", 3}, {"quién", 1},       {"náuseas", 3},   {"disociación", 4},   {"aerosol", 4},
    {"incluyen", 3},  {"porque", 2},      {"después", 2},   {"cuerpo", 2},        {"mareo", 3},
    {"reír", 2},      {"MÉDICO", 3},      {"di\u0301a", 2}, /* decomposed: i + combining acute */
};

#define N_EN (int)(sizeof en_words / sizeof en_words[0])
#define N_ES (int)(sizeof es_words / sizeof es_words[0])

static void setup(void)
{
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

static struct readability measure(const char *text, enum readability_lang lang)
{
    struct readability r;
    ck_assert_int_eq(readability_measure(text, lang, &r), 0);
    return r;
}

static size_t sentences(const char *text)
{
    return measure(text, READABILITY_EN).sentences;
}

static void assert_counts(const struct readability *r, size_t w, size_t s, size_t syl)
{
    ck_assert_uint_eq(r->words, w);
    ck_assert_uint_eq(r->sentences, s);
    ck_assert_uint_eq(r->syllables, syl);
}

static void assert_all_zero(const struct readability *r)
{
    assert_counts(r, 0, 0, 0);
    ck_assert(r->fk_grade == 0.0 && r->flesch_ease == 0.0);
    ck_assert(r->fernandez_huerta == 0.0 && r->inflesz == 0.0);
}

START_TEST(syllables_en)
{
    const struct syl_case *c = &en_words[_i];
    ck_assert_msg(readability_syllables(c->word, strlen(c->word), READABILITY_EN) == c->n,
                  "%s: got %u, want %u", c->word,
                  readability_syllables(c->word, strlen(c->word), READABILITY_EN), c->n);
}
END_TEST

START_TEST(syllables_es)
{
    const struct syl_case *c = &es_words[_i];
    ck_assert_msg(readability_syllables(c->word, strlen(c->word), READABILITY_ES) == c->n,
                  "%s: got %u, want %u", c->word,
                  readability_syllables(c->word, strlen(c->word), READABILITY_ES), c->n);
}
END_TEST

START_TEST(syllables_edge_cases)
{
    ck_assert_uint_eq(readability_syllables("", 0, READABILITY_EN), 0);
    ck_assert_uint_eq(readability_syllables(NULL, 3, READABILITY_EN), 0);
    ck_assert_uint_eq(readability_syllables("988", 3, READABILITY_EN), 0);
    ck_assert_uint_eq(readability_syllables("--'", 3, READABILITY_ES), 0);
    ck_assert_uint_eq(readability_syllables("\xFF\xFE", 2, READABILITY_EN), 0);
    ck_assert_uint_eq(readability_syllables("nth", 3, READABILITY_EN), 1);      /* no vowel */
    ck_assert_uint_eq(readability_syllables("medicine", 3, READABILITY_EN), 1); /* "med" */
    ck_assert_uint_eq(readability_syllables("中文", strlen("中文"), READABILITY_OTHER), 2);
    ck_assert_uint_eq(readability_syllables("banana", 6, READABILITY_OTHER), 3);
    ck_assert_uint_eq(readability_syllables("Привет", strlen("Привет"), READABILITY_OTHER), 1);
}
END_TEST

START_TEST(lang_codes)
{
    ck_assert_int_eq(readability_lang_from_code("en"), READABILITY_EN);
    ck_assert_int_eq(readability_lang_from_code("EN"), READABILITY_EN);
    ck_assert_int_eq(readability_lang_from_code("en_US"), READABILITY_EN);
    ck_assert_int_eq(readability_lang_from_code("en-GB"), READABILITY_EN);
    ck_assert_int_eq(readability_lang_from_code("en_US.UTF-8"), READABILITY_EN);
    ck_assert_int_eq(readability_lang_from_code("es"), READABILITY_ES);
    ck_assert_int_eq(readability_lang_from_code("es-MX"), READABILITY_ES);
    ck_assert_int_eq(readability_lang_from_code("es_ES"), READABILITY_ES);
    ck_assert_int_eq(readability_lang_from_code("zh"), READABILITY_OTHER);
    ck_assert_int_eq(readability_lang_from_code("eng"), READABILITY_OTHER);
    ck_assert_int_eq(readability_lang_from_code("e"), READABILITY_OTHER);
    ck_assert_int_eq(readability_lang_from_code(""), READABILITY_OTHER);
    ck_assert_int_eq(readability_lang_from_code(NULL), READABILITY_OTHER);
}
END_TEST

START_TEST(sentences_terminators)
{
    ck_assert_uint_eq(sentences("Take it. Rest now! Why? Call us."), 4);
    ck_assert_uint_eq(sentences("Stop!!! Now?! Really..."), 3); /* runs count once */
    ck_assert_uint_eq(sentences("Wait... what is that?"), 1);   /* lowercase follows */
    ck_assert_uint_eq(sentences("Wait\u2026 Then go."), 2);     /* U+2026 ellipsis */
    ck_assert_uint_eq(sentences("no full stop here"), 1);
    ck_assert_uint_eq(sentences("Ask. \"Why?\" she said."), 3);
    ck_assert_uint_eq(sentences("; : , -- ."), 0); /* ';' never ends one */
    ck_assert_uint_eq(sentences("One; two: three."), 1);
}
END_TEST

START_TEST(sentences_abbreviations_and_decimals)
{
    struct readability r = measure("Take 0.5 mg. Then rest.", READABILITY_EN);
    assert_counts(&r, 5, 2, 5); /* Take, 0.5, mg, Then, rest */
    ck_assert_uint_eq(sentences("Dr. Smith and Mrs. Jones will see you."), 1);
    ck_assert_uint_eq(sentences("Some drugs, e.g. Prozac, help. Others do not."), 2);
    ck_assert_uint_eq(sentences("Take it at night, i.e. before bed."), 1);
    ck_assert_uint_eq(sentences("The U.S. Food and Drug Administration agreed."), 1);
    ck_assert_uint_eq(sentences("Apples, pears, etc. Then rest."), 2);
    ck_assert_uint_eq(sentences("It costs approx. 1,000 dollars."), 1);
    ck_assert_uint_eq(sentences("La Dra. Pérez y el Sr. Gómez, p. ej. en casa."), 1);
    r = measure("Visit 988lifeline.org. Call 911.", READABILITY_EN);
    assert_counts(&r, 4, 2, 7); /* Vis-it, 988lifeline.org (life-line-org), Call, 911 */
    r = measure("Una dosis de 0,5 mg.", READABILITY_ES);
    assert_counts(&r, 5, 1, 7); /* u-na do-sis de 0,5 mg */
}
END_TEST

START_TEST(sentences_blocks)
{
    ck_assert_uint_eq(sentences("Heading\n\nBody text here.\n\nAnother one"), 3);
    ck_assert_uint_eq(sentences("Done.\n\nNext"), 2); /* no second sentence */
    ck_assert_uint_eq(sentences("Done.\n\n\n\n"), 1);
    ck_assert_uint_eq(sentences("One\n \t\r\nTwo"), 2); /* blank line with spaces */
    ck_assert_uint_eq(sentences("One line\nwraps here"), 1);
    ck_assert_uint_eq(sentences("# Title\n\n## Sub\n\nText."), 3);
    ck_assert_uint_eq(sentences("Ask:\n- one thing\n- two things\n* three\n\u2022 four"), 5);
    struct readability r = measure("1. Ask\n2) Tell\n 10. Write it down", READABILITY_EN);
    assert_counts(&r, 5, 3, 5); /* markers are not words */
    ck_assert_uint_eq(sentences("| Dose | Time |\n|---|---|\n| 5 mg | at night |"), 4);
    r = measure("Use 2-3 times", READABILITY_EN);
    ck_assert_uint_eq(r.words, 3);
}
END_TEST

START_TEST(chinese_counts_only)
{
    struct readability r = measure("我们需要帮助。你好吗？好", READABILITY_OTHER);
    assert_counts(&r, 10, 3, 10);
    ck_assert(r.fk_grade == 0.0 && r.flesch_ease == 0.0);
    ck_assert(r.fernandez_huerta == 0.0 && r.inflesz == 0.0);
    r = measure("药物 Prozac。", READABILITY_OTHER);
    assert_counts(&r, 3, 1, 4); /* 药, 物, Prozac (o, a) */
}
END_TEST

START_TEST(scores_only_for_own_language)
{
    struct readability r = measure("Take your medicine.", READABILITY_EN);
    ck_assert(r.fk_grade != 0.0 && r.flesch_ease != 0.0);
    ck_assert(r.fernandez_huerta == 0.0 && r.inflesz == 0.0);
    r = measure("Tome su medicina.", READABILITY_ES);
    ck_assert(r.fk_grade == 0.0 && r.flesch_ease == 0.0);
    ck_assert(r.fernandez_huerta != 0.0 && r.inflesz != 0.0);
}
END_TEST

/* Hand-scored samples. Each sentence's words and syllables were counted by
 * hand (dictionary syllables; "e.g" counts as a two-part word e-g, and a
 * number such as "0.5" is one word of one syllable); the expected scores are
 * the formulas applied to those hand totals. */

/* EN-A, plain: 106 words, 10 sentences, 136 syllables.
 *  1 Esketamine4 is a nasal2 spray for depression3            7 w 13 s
 *  2 You use it at a clinic2 not at home                      9 w 10 s
 *  3 A nurse or doctor2 stays with you for two hours after2 each dose  13 w 15 s
 *  4 They check your blood pressure2 and how you feel         9 w 10 s
 *  5 Some people2 feel dizzy2 sleepy2 or far away2 from their body2 for a
 *    short time                                              15 w 20 s
 *  6 This is called dissociation5                             4 w  8 s
 *  7 It usually4 goes away2 on the same day                   8 w 12 s
 *  8 Do not drive until2 the next day after2 a good night of sleep  13 w 15 s
 *  9 Ask your care team what to expect2 how often2 you need a dose and what
 *    to do if you feel worse                                 21 w 23 s
 * 10 Write your questions2 down before2 your visit2            7 w 10 s
 * (unmarked words have 1 syllable)
 * words/sentence = 10.6, syllables/word = 136/106 = 1.283019
 * FKGL = 0.39*10.6 + 11.8*1.283019 - 15.59 = 4.134 + 15.139623 - 15.59 = 3.68
 * FRE  = 206.835 - 1.015*10.6 - 84.6*1.283019 = 206.835 - 10.759 - 108.543 = 87.53 */
static const char en_a[] =
    "Esketamine is a nasal spray for depression. You use it at a clinic, not at home. "
    "A nurse or doctor stays with you for two hours after each dose. They check your "
    "blood pressure and how you feel. Some people feel dizzy, sleepy or far away from "
    "their body for a short time. This is called dissociation. It usually goes away on "
    "the same day. Do not drive until the next day after a good night of sleep. Ask your "
    "care team what to expect, how often you need a dose, and what to do if you feel "
    "worse. Write your questions down before your visit.\n";

/* EN-B, harder, with a heading, an abbreviation, a decimal and a list:
 * 113 words, 10 sentences, 183 syllables.
 *  1 Choosing2 an antidepressant5 (heading, block end)        3 w  8 s
 *  2 Selective3 serotonin4 inhibitors4 e.g2 sertraline3 or escitalopram5
 *    are often2 the first medicines3 a psychiatrist4 suggests2 for
 *    moderate3 depression3                                   18 w 44 s
 *  3 They usually4 take four to six weeks to work fully2      10 w 14 s
 *  4 Your prescriber3 may start with a low dose such as 0.5 of a tablet2
 *    and raise it slowly2                                    18 w 22 s
 *  5 Common2 side effects2 include2 nausea3 headaches2 trouble2 sleeping2
 *    and sexual3 problems2 which often2 improve2 over2 time  16 w 30 s
 *  6 Never2 stop taking2 an antidepressant5 suddenly3 because2
 *    withdrawal3 symptoms2 can be unpleasant3 and may feel like the
 *    illness2 coming2 back                                   20 w 36 s
 *  7 Questions2 to ask (heading, ended by the list item)       3 w  4 s
 *  8 How long will I need to take it                          8 w  8 s
 *  9 What should I do if I miss a dose                        9 w  9 s
 * 10 Who do I call if I feel worse                            8 w  8 s
 * words/sentence = 11.3, syllables/word = 183/113 = 1.619469
 * FKGL = 0.39*11.3 + 11.8*1.619469 - 15.59 = 4.407 + 19.109735 - 15.59 = 7.93
 * FRE  = 206.835 - 1.015*11.3 - 84.6*1.619469 = 206.835 - 11.4695 - 137.007 = 58.36 */
static const char en_b[] =
    "# Choosing an antidepressant\n\n"
    "Selective serotonin inhibitors, e.g. sertraline or escitalopram, are often the first "
    "medicines a psychiatrist suggests for moderate depression. They usually take four to "
    "six weeks to work fully. Your prescriber may start with a low dose, such as 0.5 of a "
    "tablet, and raise it slowly. Common side effects include nausea, headaches, trouble "
    "sleeping and sexual problems, which often improve over time. Never stop taking an "
    "antidepressant suddenly, because withdrawal symptoms can be unpleasant and may feel "
    "like the illness coming back.\n\n"
    "## Questions to ask\n"
    "- How long will I need to take it\n"
    "- What should I do if I miss a dose\n"
    "- Who do I call if I feel worse\n";

/* ES-A, plain: 102 words, 10 sentences, 183 syllables.
 *  1 La es-ke-ta-mi-na5 es un a-e-ro-sol4 na-sal2 pa-ra2 la de-pre-sión3   9 w 20 s
 *  2 Se u-sa2 en u-na2 clí-ni-ca3 y no en ca-sa2                          9 w 14 s
 *  3 U-na2 en-fer-me-ra4 o un mé-di-co3 se que-da2 con us-ted2 dos
 *    ho-ras2 des-pués2 de ca-da2 do-sis2                                 15 w 27 s
 *  4 Le mi-den2 la pre-sión2 de la san-gre2 y le pre-gun-tan3 có-mo2 se
 *    sien-te2                                                            13 w 20 s
 *  5 Al-gu-nas3 per-so-nas3 sien-ten2 ma-re-o3 sue-ño2 o que es-tán2
 *    le-jos2 de su cuer-po2 por un ra-to2                                15 w 27 s
 *  6 Es-to2 se lla-ma2 di-so-cia-ción4                                    4 w  9 s
 *  7 Por lo ge-ne-ral3 pa-sa2 el mis-mo2 dí-a2                            7 w 12 s
 *  8 No ma-ne-je3 has-ta2 el dí-a2 si-guien-te3 des-pués2 de dor-mir2 bien 10 w 18 s
 *  9 Pre-gun-te3 a su e-qui-po3 qué es-pe-rar3 y qué ha-cer2 si se
 *    sien-te2 pe-or2                                                     13 w 22 s
 * 10 Es-cri-ba3 sus pre-gun-tas3 an-tes2 de la vi-si-ta3                   7 w 14 s
 * words/sentence = 10.2, syllables/word = 183/102 = 1.794118
 * Fernandez-Huerta = 206.84 - 0.60*179.4118 - 1.02*10.2
 *                  = 206.84 - 107.6471 - 10.404 = 88.79
 * INFLESZ = 206.835 - 62.3*1.794118 - 10.2 = 206.835 - 111.7735 - 10.2 = 84.86 */
static const char es_a[] =
    "La esketamina es un aerosol nasal para la depresión. Se usa en una clínica y no en "
    "casa. Una enfermera o un médico se queda con usted dos horas después de cada dosis. "
    "Le miden la presión de la sangre y le preguntan cómo se siente. Algunas personas "
    "sienten mareo, sueño o que están lejos de su cuerpo por un rato. Esto se llama "
    "disociación. Por lo general pasa el mismo día. No maneje hasta el día siguiente, "
    "después de dormir bien. Pregunte a su equipo qué esperar y qué hacer si se siente "
    "peor. Escriba sus preguntas antes de la visita.\n";

/* ES-B, harder, with a heading, "p. ej.", "Dra.", "0,5" and a list:
 * 124 words, 10 sentences, 266 syllables. "p", "ej", "Dra" and "0,5" are
 * words of one syllable.
 *  1 Có-mo2 e-le-gir3 un an-ti-de-pre-si-vo6                             4 w 12 s
 *  2 Los in-hi-bi-do-res5 se-lec-ti-vos4 de la re-cap-ta-ción4 de
 *    se-ro-to-ni-na5 p ej ser-tra-li-na4 o es-ci-ta-lo-pram5 sue-len2 ser
 *    los pri-me-ros3 me-di-ca-men-tos5 que in-di-ca3 la Dra Pé-rez2 pa-ra2
 *    la de-pre-sión3 mo-de-ra-da4                                        27 w 64 s
 *  3 Nor-mal-men-te4 tar-dan2 de cua-tro2 a seis se-ma-nas3 en ha-cer2
 *    e-fec-to3 com-ple-to3                                               11 w 23 s
 *  4 Su mé-di-co3 pue-de2 em-pe-zar3 con u-na2 do-sis2 ba-ja2 por
 *    e-jem-plo3 0,5 com-pri-mi-dos4 y su-bir-la3 po-co2 a po-co2          17 w 34 s
 *  5 Los e-fec-tos3 se-cun-da-rios4 fre-cuen-tes3 in-clu-yen3 náu-se-as3
 *    do-lor2 de ca-be-za3 pro-ble-mas3 pa-ra2 dor-mir2 y cam-bios2
 *    se-xua-les3 que sue-len2 me-jo-rar3 con el tiem-po2                 21 w 46 s
 *  6 Nun-ca2 de-je2 de to-mar2 un an-ti-de-pre-si-vo6 de gol-pe2
 *    por-que2 los sín-to-mas3 de re-ti-ra-da4 pue-den2 ser
 *    de-sa-gra-da-bles5 y pa-re-cer-se4 a la en-fer-me-dad4              21 w 47 s
 *  7 Pre-gun-tas3 pa-ra2 su mé-di-co3 (heading)                           4 w  9 s
 *  8 Cuán-to2 tiem-po2 lo ten-go2 que to-mar2                             6 w 10 s
 *  9 Qué ha-go2 si ol-vi-do3 u-na2 do-sis2                                 6 w 11 s
 * 10 A quién llamo2 si me sien-to2 pe-or2                                 7 w 10 s
 * words/sentence = 12.4, syllables/word = 266/124 = 2.145161
 * Fernandez-Huerta = 206.84 - 0.60*214.5161 - 1.02*12.4
 *                  = 206.84 - 128.7097 - 12.648 = 65.48
 * INFLESZ = 206.835 - 62.3*2.145161 - 12.4 = 206.835 - 133.6435 - 12.4 = 60.79 */
static const char es_b[] =
    "# Cómo elegir un antidepresivo\n\n"
    "Los inhibidores selectivos de la recaptación de serotonina, p. ej. sertralina o "
    "escitalopram, suelen ser los primeros medicamentos que indica la Dra. Pérez para la "
    "depresión moderada. Normalmente tardan de cuatro a seis semanas en hacer efecto "
    "completo. Su médico puede empezar con una dosis baja, por ejemplo 0,5 comprimidos, y "
    "subirla poco a poco. Los efectos secundarios frecuentes incluyen náuseas, dolor de "
    "cabeza, problemas para dormir y cambios sexuales, que suelen mejorar con el tiempo. "
    "Nunca deje de tomar un antidepresivo de golpe, porque los síntomas de retirada pueden "
    "ser desagradables y parecerse a la enfermedad.\n\n"
    "## Preguntas para su médico\n"
    "- ¿Cuánto tiempo lo tengo que tomar?\n"
    "- ¿Qué hago si olvido una dosis?\n"
    "- ¿A quién llamo si me siento peor?\n";

START_TEST(sample_en_plain)
{
    struct readability r = measure(en_a, READABILITY_EN);
    assert_counts(&r, 106, 10, 136);
    ck_assert_double_eq_tol(r.fk_grade, 3.68, 0.1);
    ck_assert_double_eq_tol(r.flesch_ease, 87.53, 0.1);
    ck_assert(r.fk_grade <= 6.0 && r.flesch_ease >= 70.0); /* meets the target */
}
END_TEST

START_TEST(sample_en_harder)
{
    struct readability r = measure(en_b, READABILITY_EN);
    assert_counts(&r, 113, 10, 183);
    ck_assert_double_eq_tol(r.fk_grade, 7.93, 0.1);
    ck_assert_double_eq_tol(r.flesch_ease, 58.36, 0.1);
    ck_assert(r.fk_grade > 6.0 && r.flesch_ease < 70.0); /* misses the target */
}
END_TEST

START_TEST(sample_es_plain)
{
    struct readability r = measure(es_a, READABILITY_ES);
    assert_counts(&r, 102, 10, 183);
    ck_assert_double_eq_tol(r.fernandez_huerta, 88.79, 0.1);
    ck_assert_double_eq_tol(r.inflesz, 84.86, 0.1);
}
END_TEST

START_TEST(sample_es_harder)
{
    struct readability r = measure(es_b, READABILITY_ES);
    assert_counts(&r, 124, 10, 266);
    ck_assert_double_eq_tol(r.fernandez_huerta, 65.48, 0.1);
    ck_assert_double_eq_tol(r.inflesz, 60.79, 0.1);
    ck_assert(r.fernandez_huerta < 70.0 && r.inflesz < 65.0); /* misses both targets */
}
END_TEST

START_TEST(bad_arguments)
{
    struct readability r;
    memset(&r, 0x5A, sizeof r);
    ck_assert_int_eq(readability_measure(NULL, READABILITY_EN, &r), -1);
    ck_assert_uint_eq(r.words, 0x5A5A5A5A5A5A5A5AUL); /* untouched */
    ck_assert_int_eq(readability_measure("text", READABILITY_EN, NULL), -1);
}
END_TEST

START_TEST(no_words_gives_zero)
{
    static const char *const texts[] = {
        "", " \n\n\t", "... !!! ??? -- ,,, ;:", "#\n\n|---|\n- ", "\xFF\xFE\xC3", "\u3002\uFF01"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        for (int lang = READABILITY_EN; lang <= READABILITY_OTHER; lang++) {
            struct readability r = measure(texts[i], (enum readability_lang)lang);
            assert_all_zero(&r);
        }
    }
}
END_TEST

START_TEST(numbers_are_words)
{
    struct readability r = measure("Call 988.", READABILITY_EN);
    assert_counts(&r, 2, 1, 2);
    ck_assert(isfinite(r.fk_grade) && isfinite(r.flesch_ease));
    r = measure("2019", READABILITY_ES);
    assert_counts(&r, 1, 1, 1);
    ck_assert(isfinite(r.fernandez_huerta) && isfinite(r.inflesz));
}
END_TEST

START_TEST(invalid_utf8_is_skipped)
{
    struct readability r = measure("Take\xFF your\xC3 medicine.\xE2\x82", READABILITY_EN);
    assert_counts(&r, 3, 1, 5);
    r = measure("hel\x80lo caf\xC3", READABILITY_EN); /* a bad byte splits a word */
    assert_counts(&r, 3, 1, 3);
    r = measure("\xF0\x9F\x98", READABILITY_ES); /* truncated 4-byte sequence */
    assert_all_zero(&r);
    r = measure("d\xC3\xAD\xC3"
                "a",
                READABILITY_ES); /* "dí" + bad byte + "a" */
    assert_counts(&r, 2, 1, 2);
}
END_TEST

START_TEST(one_megabyte_is_linear)
{
    const char word[] = "medicine ";
    size_t wlen = sizeof word - 1, count = (1u << 20) / wlen + 1;
    char *big = malloc(count * wlen + 1);
    ck_assert_ptr_nonnull(big);
    for (size_t i = 0; i < count; i++)
        memcpy(big + i * wlen, word, wlen);
    big[count * wlen] = '\0';
    /* Speed is the benchmark's business; Check's per-test timeout bounds it. */
    struct readability r = measure(big, READABILITY_EN);
    assert_counts(&r, count, 1, 3 * count);
    ck_assert(isfinite(r.fk_grade));

    /* One 1 MB "word" with no separator: long-part path, still linear. */
    for (size_t i = 0; i < count * wlen; i++)
        big[i] = (i & 1) ? 'a' : 'b';
    r = measure(big, READABILITY_ES);
    assert_counts(&r, 1, 1, count * wlen / 2);
    free(big);
}
END_TEST

Suite *readability_suite(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    Suite *s = suite_create("readability");

    TCase *tc = tcase_create("syllables");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, syllables_en, 0, N_EN);
    tcase_add_loop_test(tc, syllables_es, 0, N_ES);
    tcase_add_test(tc, syllables_edge_cases);
    tcase_add_test(tc, lang_codes);
    suite_add_tcase(s, tc);

    tc = tcase_create("sentences");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, sentences_terminators);
    tcase_add_test(tc, sentences_abbreviations_and_decimals);
    tcase_add_test(tc, sentences_blocks);
    tcase_add_test(tc, chinese_counts_only);
    suite_add_tcase(s, tc);

    tc = tcase_create("scores");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, scores_only_for_own_language);
    tcase_add_test(tc, sample_en_plain);
    tcase_add_test(tc, sample_en_harder);
    tcase_add_test(tc, sample_es_plain);
    tcase_add_test(tc, sample_es_harder);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, no_words_gives_zero);
    tcase_add_test(tc, numbers_are_words);
    tcase_add_test(tc, invalid_utf8_is_skipped);
    tcase_add_test(tc, one_megabyte_is_linear);
    suite_add_tcase(s, tc);
    return s;
}
