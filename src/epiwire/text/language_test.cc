// SPDX-License-Identifier: MIT
#include "epiwire/text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace epiwire::text {
namespace {

struct LanguageCase {
  const char* name;
  const char* text;
  const char* code;
};

// Our own sentences, one per language read, in UTF-8 written as escapes (source
// files stay ASCII).
const LanguageCase kCases[] = {
    {"English", "The health ministry reported twelve new cases of measles in the northern "
                "province on Monday, and schools in two districts were closed.", "en"},
    {"French", "Le ministere de la sante a signale douze nouveaux cas de rougeole dans la "
               "province du nord lundi, et les ecoles de deux districts ont ete fermees.", "fr"},
    {"Spanish", "El ministerio de salud informo de doce nuevos casos de sarampion en la "
                "provincia del norte el lunes, y se cerraron las escuelas de dos distritos.", "es"},
    {"Russian",
                "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD0\xB5\xD1\x80\xD1\x81\xD1"
                "\x82\xD0\xB2\xD0\xBE\x20\xD0\xB7\xD0\xB4\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBE\xD0"
                "\xBE\xD1\x85\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8F\x20\xD1"
                "\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBB\xD0\xBE\x20\xD0\xBE\x20"
                "\xD0\xB4\xD0\xB2\xD0\xB5\xD0\xBD\xD0\xB0\xD0\xB4\xD1\x86\xD0\xB0\xD1\x82\xD0"
                "\xB8\x20\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x85\x20\xD1\x81\xD0\xBB\xD1\x83"
                "\xD1\x87\xD0\xB0\xD1\x8F\xD1\x85\x20\xD0\xBA\xD0\xBE\xD1\x80\xD0\xB8\x20\xD0"
                "\xB2\x20\xD1\x81\xD0\xB5\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB9\x20"
                "\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB8\x20\xD0\xB2\x20\xD0"
                "\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8"
                "\xD0\xBA\x2C\x20\xD0\xB8\x20\xD1\x88\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x8B\x20\xD0"
                "\xB2\x20\xD0\xB4\xD0\xB2\xD1\x83\xD1\x85\x20\xD1\x80\xD0\xB0\xD0\xB9\xD0\xBE"
                "\xD0\xBD\xD0\xB0\xD1\x85\x20\xD0\xB1\xD1\x8B\xD0\xBB\xD0\xB8\x20\xD0\xB7\xD0"
                "\xB0\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82\xD1\x8B\x2E",
     "ru"},
    {"Chinese",
                "\xE7\x9C\x81\xE5\x8D\xAB\xE7\x94\x9F\xE5\x81\xA5\xE5\xBA\xB7\xE5\xA7\x94\xE5"
                "\x91\x98\xE4\xBC\x9A\xE9\x80\x9A\xE6\x8A\xA5\xEF\xBC\x8C\xE6\x98\xA8\xE6\x97"
                "\xA5\xE6\x96\xB0\xE5\xA2\x9E\xE5\xA2\x83\xE5\xA4\x96\xE8\xBE\x93\xE5\x85\xA5"
                "\xE7\xA1\xAE\xE8\xAF\x8A\xE7\x97\x85\xE4\xBE\x8B\xE5\x8D\x81\xE4\xBA\x8C\xE4"
                "\xBE\x8B\xEF\xBC\x8C\xE5\x9D\x87\xE4\xB8\xBA\xE4\xBB\x8E\xE4\xBF\x84\xE7\xBD"
                "\x97\xE6\x96\xAF\xE5\x85\xA5\xE5\xA2\x83\xE4\xBA\xBA\xE5\x91\x98\xEF\xBC\x8C"
                "\xE4\xB8\xA4\xE6\x89\x80\xE5\xAD\xA6\xE6\xA0\xA1\xE5\xB7\xB2\xE7\xBB\x8F\xE5"
                "\x81\x9C\xE8\xAF\xBE\xE3\x80\x82",
     "zh"},
    // A headline, a dateline and a lead thin in "the" and "of": English all the same.
    {"EnglishHeadlineAndLead",
     "Port City Reopens Market After Cholera Scare\n\nPORT CITY -- Traders returned on "
     "Friday after officials said testing at stalls had found no new infections, "
     "which health workers from two districts had feared after 14 cases were reported "
     "by clinics at its edge in March.", "en"},
    {"TooShort", "Oslo", "und"},
    {"Empty", "", "und"},
};

class DetectLanguageTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(DetectLanguageTest, NamesTheLanguageOfTheText) {
  EXPECT_EQ(DetectLanguage(GetParam().text), GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(Languages, DetectLanguageTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<LanguageCase>& param) {
                           return std::string(param.param.name);
                         });

// Longer than CLD2's first read (512 bytes): the opening decides when it is clear, and
// a text whose opening holds no words is read further.
const char kFrenchReport[] =
    "Le ministere de la sante a signale douze nouveaux cas de rougeole dans la province "
    "du nord lundi. Les ecoles de deux districts ont ete fermees pour une semaine, et les "
    "familles des eleves malades ont ete invitees a rester chez elles. Selon les medecins "
    "de l'hopital regional, la plupart des enfants touches n'avaient pas recu la deuxieme "
    "dose du vaccin. Une campagne de vaccination commencera jeudi dans les villages les "
    "plus proches de la frontiere, ou les equipes mobiles se rendront chaque matin. Les "
    "autorites demandent aux parents de verifier le carnet de sante de leurs enfants.";

TEST(DetectLanguage, ALongTextIsJudgedOnItsOpeningWhenThatIsClear) {
  ASSERT_GT(sizeof(kFrenchReport), 520u);  // more than CLD2's first read
  EXPECT_EQ(DetectLanguage(kFrenchReport), "fr");
}

TEST(DetectLanguage, ALongTextWhoseOpeningHoldsNoWordsIsReadFurther) {
  std::string text;
  while (text.size() < 600) text += "12 / 34 / 56 - 78 ; ";
  text += "\n";
  text += kFrenchReport;
  EXPECT_EQ(DetectLanguage(text), "fr");
}

TEST(DetectLanguage, InvalidUtf8IsUndetermined) {
  EXPECT_EQ(DetectLanguage("The ministry reported cases \xFF\xFE in the province today."), "und");
}

}  // namespace
}  // namespace epiwire::text
