// SPDX-License-Identifier: MIT
#include "epiwire/events/lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace epiwire::events {
namespace {

const std::string kLexiconDir = std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/en";

// The project's lexicon of `language` ("en", "fr", ...), loaded once per test process
// (the tests that only read it share it); nullptr when it does not load.
const Lexicon* ProjectLexicon(const std::string& language) {
  static std::map<std::string, std::unique_ptr<Lexicon>> loaded;
  std::unique_ptr<Lexicon>& slot = loaded[language];
  if (!slot) {
    auto lexicon = Lexicon::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + language);
    if (!lexicon.ok()) return nullptr;
    slot = std::move(lexicon).value();
  }
  return slot.get();
}

// The tokens of `text`; they view the text and the returned buffer, which the caller
// keeps for the length of the statement.
text::Tokens Tokenized(const std::string& text) { return text::Tokenize(text, 0, text.size()); }

// The English lexicon copied to a directory of the test's own, `text` appended to one
// of its files (or written as settings.tsv, which English has none of), and loaded.
Result<std::unique_ptr<Lexicon>> LoadChangedCopy(const std::string& test, const std::string& file,
                                                 const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / test;
  std::filesystem::create_directories(dir);
  for (const char* name :
       {"diseases.tsv", "terms.tsv", "grammar.tsv", "cues.tsv", "measures.tsv"}) {
    std::filesystem::copy_file(kLexiconDir + "/" + name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / file, std::ios::app) << text;
  auto lexicon = Lexicon::Load(dir.string());
  std::filesystem::remove_all(dir);
  return lexicon;
}

// A language's lexicon copied to a directory named for the language (whose stemmer reads
// the words), `file` written as `text`, or `text` appended to it, and loaded.
Result<std::unique_ptr<Lexicon>> LoadLanguageCopy(const std::string& test,
                                                  const std::string& language,
                                                  const std::string& file, const std::string& text,
                                                  bool append) {
  const auto root = std::filesystem::temp_directory_path() / test;
  const auto dir = root / language;
  std::filesystem::create_directories(dir);
  const std::string from = std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + language + "/";
  for (const char* name :
       {"settings.tsv", "diseases.tsv", "terms.tsv", "grammar.tsv", "cues.tsv", "measures.tsv"}) {
    std::filesystem::copy_file(from + name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / file, append ? std::ios::app : std::ios::trunc) << text;
  auto lexicon = Lexicon::Load(dir.string());
  std::filesystem::remove_all(root);
  return lexicon;
}

TEST(Lexicon, LoadsTheProjectLexicons) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_GT(lexicon.value()->measure_patterns().size(), 30u);
}

TEST(Lexicon, MatchesLongestCaseTerm) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  const std::string text = "death toll rose";
  CaseTerm term;
  EXPECT_EQ(lexicon.value()->MatchCaseTerm(Tokenized(text).list, 0, &term), 2u);
  EXPECT_EQ(term.role, TermRole::kTotal);
  EXPECT_EQ(term.status, CaseStatus::kDeaths);
  const std::string verb = "have tested positive";
  EXPECT_EQ(lexicon.value()->MatchCaseTerm(Tokenized(verb).list, 1, &term), 2u);
  EXPECT_EQ(term.role, TermRole::kVerb);
  EXPECT_EQ(term.status, CaseStatus::kConfirmed);
}

TEST(Lexicon, ADenialIsAVerbOfNoCasesThatDeniesAndAFateIsNot) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  CaseTerm term;
  const std::string denial = "tested negative";
  EXPECT_EQ(lexicon.value()->MatchCaseTerm(Tokenized(denial).list, 0, &term), 2u);
  EXPECT_EQ(term.role, TermRole::kNegVerb);
  EXPECT_TRUE(term.denies);
  const std::string fate = "were quarantined";
  EXPECT_EQ(lexicon.value()->MatchCaseTerm(Tokenized(fate).list, 0, &term), 2u);
  EXPECT_EQ(term.role, TermRole::kNegVerb);
  EXPECT_FALSE(term.denies);
}

TEST(Lexicon, PhraseStartsNameEachTableWithAPhraseStartingWithTheWord) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  const Lexicon& en = *lexicon.value();
  const auto starts = [&](const std::string& word) {
    return en.PhraseStarts(en.WordIds(Tokenized(word).list).front());
  };
  EXPECT_TRUE(starts("confirmed") & Lexicon::kStartsTerm);     // "confirmed in"
  EXPECT_TRUE(starts("confirmed") & Lexicon::kStartsGrammar);  // a counting verb
  EXPECT_TRUE(starts("new") & Lexicon::kStartsCue);
  EXPECT_TRUE(starts("measles") & Lexicon::kStartsDisease);
  EXPECT_FALSE(starts("measles") & Lexicon::kStartsCue);
  EXPECT_EQ(starts("zanzibarian"), 0);  // no word of the lexicon
}

// A word of the vocabulary has what it may start of a measure worked out by its id;
// that must hold what its letters start through prefixes ("suspend*").
TEST(Lexicon, WhatAWordMayStartOfAMeasureIsTheSameByItsIdAsByItsLetters) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  const Lexicon& en = *lexicon.value();
  for (const std::string word : {"suspended", "flights", "schools", "ban", "closed", "cases"}) {
    const uint32_t id = en.WordIds(Tokenized(word).list).front();
    const uint8_t by_letters = en.MeasureStarts(word, Lexicon::kNoWord);
    EXPECT_EQ(en.MeasureStarts(word, id) & by_letters, by_letters) << word;
  }
  const std::string suspended = "suspended";
  EXPECT_TRUE(en.MeasureStarts(suspended, en.WordIds(Tokenized(suspended).list).front()) &
              Lexicon::kStartsPattern);
  const std::string cases = "cases";
  EXPECT_EQ(en.MeasureStarts(cases, en.WordIds(Tokenized(cases).list).front()), 0);
}

TEST(Lexicon, MatchesDiseaseSynonymsToCanonicalIds) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  std::string_view id;
  EXPECT_EQ(lexicon.value()->MatchDisease(Tokenized("covid-19 cases").list, 0, &id), 1u);
  EXPECT_EQ(id, "covid-19");
  EXPECT_GT(lexicon.value()->MatchDisease(Tokenized("Monkeypox spreads").list, 0, &id), 0u);
  EXPECT_EQ(id, "mpox");
  EXPECT_EQ(lexicon.value()->MatchDisease(Tokenized("weather").list, 0, &id), 0u);
}

TEST(Lexicon, CuePhrasesMergeFlags) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  uint32_t cues = 0;
  EXPECT_EQ(lexicon.value()->MatchCue(Tokenized("so far").list, 0, &cues), 2u);
  EXPECT_TRUE(cues & kCueCumulative);
  EXPECT_EQ(lexicon.value()->MatchCue(Tokenized("daily").list, 0, &cues), 1u);
  EXPECT_TRUE(cues & kCueNew);
  EXPECT_TRUE(cues & kCueSource);
}

TEST(Lexicon, AnchorsAreTermsDiseasesNumberWordsAndPlaceNouns) {
  auto lexicon = Lexicon::Load(kLexiconDir);
  ASSERT_TRUE(lexicon.ok());
  const std::vector<uint32_t> ids =
      lexicon.value()->WordIds(Tokenized("cases measles seven province the weather").list);
  ASSERT_EQ(ids.size(), 6u);
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(lexicon.value()->IsAnchorWord(ids[i])) << i;
  EXPECT_FALSE(lexicon.value()->IsAnchorWord(ids[4]));  // a grammar word, no number
  EXPECT_FALSE(lexicon.value()->IsAnchorWord(ids[5]));  // no word of the lexicon
}

TEST(Lexicon, AnchorsOfAStemmedLexiconMatchInflectedForms) {
  const Lexicon* ru = ProjectLexicon("ru");
  ASSERT_NE(ru, nullptr);
  // "области" is a form of the place noun "область" ("the region").
  const std::vector<uint32_t> ids = ru->WordIds(Tokenized("области").list);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_TRUE(ru->IsAnchorWord(ids[0]));
}

// Words of later, listed or by the ending of the future tense; a word that only ends so
// is not one.
TEST(Lexicon, FutureWordsAreListedOrEndLikeTheFutureTense) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* es = ProjectLexicon("es");
  const Lexicon* fr = ProjectLexicon("fr");
  ASSERT_NE(en, nullptr);
  ASSERT_NE(es, nullptr);
  ASSERT_NE(fr, nullptr);
  EXPECT_TRUE(en->IsFutureWord("will"));
  EXPECT_FALSE(en->IsFutureWord("reopened"));
  EXPECT_TRUE(es->IsFutureWord("reabrirá"));
  EXPECT_TRUE(es->IsFutureWord("cerrarán"));
  EXPECT_FALSE(es->IsFutureWord("reabrió"));
  EXPECT_FALSE(es->IsFutureWord("rá"));
  EXPECT_TRUE(fr->IsFutureWord("seront"));
  EXPECT_TRUE(fr->IsFutureWord("fermeront"));
  EXPECT_FALSE(fr->IsFutureWord("fermé"));
}

// The country a word names as a lower-case nationality adjective, or "" (with the word's
// id in `lexicon`).
std::string DemonymOf(const Lexicon& lexicon, const std::string& word) {
  const std::vector<uint32_t> ids = lexicon.WordIds(Tokenized(word).list);
  if (ids.size() != 1 || !lexicon.IsDemonymForm(word)) return "";
  return std::string(lexicon.DemonymCountry(ids[0]));
}

TEST(Lexicon, LowerCaseNationalityAdjectivesNameTheirCountry) {
  const Lexicon* es = ProjectLexicon("es");
  const Lexicon* fr = ProjectLexicon("fr");
  const Lexicon* ru = ProjectLexicon("ru");
  ASSERT_TRUE(es != nullptr && fr != nullptr && ru != nullptr);
  EXPECT_EQ(DemonymOf(*es, "italianas"), "IT");
  EXPECT_EQ(DemonymOf(*es, "estadounidense"), "US");
  EXPECT_EQ(DemonymOf(*fr, "chinoises"), "CN");
  EXPECT_EQ(DemonymOf(*fr, "français"), "FR");
  // French lists its forms: "franc" (the currency) shares the stem of "français".
  EXPECT_EQ(DemonymOf(*fr, "francs"), "");
  // Russian lists stems: every case and gender of the adjective.
  EXPECT_EQ(DemonymOf(*ru, "китайских"), "CN");
  EXPECT_EQ(DemonymOf(*ru, "российская"), "RU");
  EXPECT_EQ(DemonymOf(*es, "gobierno"), "");
  const Lexicon* en = ProjectLexicon("en");  // English demonyms are the gazetteer's
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(DemonymOf(*en, "italian"), "");
}

TEST(Lexicon, AWordBesideANationalityAdjectiveMayMakeItALabel) {
  const Lexicon* es = ProjectLexicon("es");
  const Lexicon* ru = ProjectLexicon("ru");
  ASSERT_TRUE(es != nullptr && ru != nullptr);
  // Spanish puts the label before the adjective, Russian after it.
  EXPECT_TRUE(es->LabelsDemonym(es->WordIds(Tokenized("variante británica").list), 1));
  EXPECT_FALSE(es->LabelsDemonym(es->WordIds(Tokenized("gobierno británico").list), 1));
  EXPECT_TRUE(ru->LabelsDemonym(ru->WordIds(Tokenized("британского штамма").list), 0));
  EXPECT_FALSE(ru->LabelsDemonym(ru->WordIds(Tokenized("британские власти").list), 0));
}

TEST(Lexicon, TwoCountriesAdjectivesWithOneStemAreAnError) {
  auto lexicon = LoadLanguageCopy("epiwire_lexicon_demonyms_test", "ru", "demonyms.tsv",
                                  "match\tstems\nкитайский\tCN\nкитайская\tTW\n", false);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("demonyms.tsv:"), std::string::npos)
      << lexicon.status().message();
}

TEST(Lexicon, AnOtherFormWithoutItsArrowIsAnError) {
  auto lexicon = LoadLanguageCopy("epiwire_lexicon_other_form_test", "fr", "settings.tsv",
                                  "other_form\ts\n", true);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("ending>replacement"), std::string::npos)
      << lexicon.status().message();
}

TEST(Lexicon, TwoTermsOfOneStemWithOtherMeaningsAreAnError) {
  // "contagiadas" as a noun of deaths would take over "contagiados", a verb of cases: both
  // stem as "contagi".
  auto lexicon = LoadLanguageCopy("epiwire_lexicon_stems_test", "es", "terms.tsv",
                                  "contagiadas\tnoun\tdeaths\n", true);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("terms.tsv:"), std::string::npos)
      << lexicon.status().message();
  EXPECT_NE(lexicon.status().message().find("unstemmed"), std::string::npos)
      << lexicon.status().message();
}

TEST(Lexicon, AMeasurePatternWithAnAlternativeTwiceIsAnError) {
  auto lexicon = LoadChangedCopy("epiwire_lexicon_pattern_test", "measures.tsv",
                                 "lockdown\timpose\tcurfew|curfew ~2 imposed\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("measures.tsv:"), std::string::npos);
  EXPECT_NE(lexicon.status().message().find("twice"), std::string::npos)
      << lexicon.status().message();
}

// A pattern element matches a token by a word, a prefix or a phrase of its alternatives,
// whatever byte each starts with; a token that starts as none of them matches none.
TEST(Lexicon, APatternElementMatchesEachKindOfAlternativeAndNoOtherInitial) {
  auto lexicon = LoadChangedCopy("epiwire_lexicon_element_test", "measures.tsv",
                                 "lockdown\timpose\tkept|zoned*|people's|\u5173\u95ed ~2 x\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  const PatternElement& element = lexicon.value()->measure_patterns().back().elements.front();
  const auto length = [&](const std::string& text) {
    return element.MatchLength(Tokenized(text).list, 0);
  };
  EXPECT_EQ(length("kept"), 1u);
  EXPECT_EQ(length("Kept"), 1u);  // (tokens are matched lower-cased)
  EXPECT_EQ(length("zoned-off"), 1u);
  EXPECT_EQ(length("people's"), 2u);      // "people", "'s"
  EXPECT_EQ(length("\u5173\u95ed"), 2u);  // a token a character
  EXPECT_EQ(length("keep"), 0u);          // an initial of the element, no alternative
  EXPECT_EQ(length("people"), 0u);        // a phrase's first word alone
  EXPECT_EQ(length("curfew"), 0u);        // no alternative starts so
  EXPECT_EQ(length("\u5f00\u653e"), 0u);
}

TEST(Lexicon, WordsOfScopeNameTheLevelOfPlaceTheySpeakFor) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* es = ProjectLexicon("es");
  ASSERT_TRUE(en != nullptr && es != nullptr);
  EXPECT_EQ(en->ScopeLevel("national"), PlaceLevel::kCountry);
  EXPECT_EQ(en->ScopeLevel("statewide"), PlaceLevel::kSubdivision);
  EXPECT_EQ(en->ScopeLevel("nation"), std::nullopt);
  EXPECT_EQ(es->ScopeLevel("nacional"), PlaceLevel::kCountry);
}

// Every word an anaphor of the lexicon's lists can start with may start one; most words
// of a sentence are told they start none, by one bit.
TEST(Lexicon, WordsThatMayStartAnAnaphorAreThoseOfItsListsAndPronouns) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* zh = ProjectLexicon("zh");
  ASSERT_TRUE(en != nullptr && zh != nullptr);
  for (const std::string_view word : {"it", "its", "mainland", "national", "statewide"}) {
    EXPECT_TRUE(en->MayStartAnaphorWord(word)) << word;
  }
  // "全省" (scope), "国内" (home scope), as Chinese tokens are cut: a character a token.
  const std::string text = "\u5168\u7701\u56fd\u5185";
  const std::vector<text::Token> tokens = text::Tokenize(text, 0, text.size()).list;
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(zh->MayStartAnaphorWord(tokens[0].lower));
  EXPECT_TRUE(zh->MayStartAnaphorWord(tokens[2].lower));
  size_t said_none = 0;
  for (const std::string_view word : {"cases", "reported", "deaths", "hospital", "tuesday"}) {
    said_none += en->MayStartAnaphorWord(word) ? 0 : 1;
  }
  EXPECT_GE(said_none, 4u);  // (a word may share a sign with one of them)
}

// The lists answer most words by the signs of their words alone; the words they hold
// are still found, in any script, and words that share a sign with one are not.
TEST(PhraseList, FindsItsPhrasesAtAndBeforeATokenAndNoOthers) {
  PhraseList list;
  list.Add({"the", "whole", "country"});
  list.Add({"\u5168", "\u7701"});  // 全省, a token a character
  list.Add({});                    // (an empty row is no phrase)
  EXPECT_EQ(list.size(), 2u);
  const std::string text = "In the whole country and \u5168\u7701 , the whole region";
  const std::vector<text::Token> tokens = text::Tokenize(text, 0, text.size()).list;
  ASSERT_EQ(tokens.size(), 11u);
  EXPECT_EQ(list.At(tokens, 1), 3u);   // the whole country
  EXPECT_EQ(list.At(tokens, 2), 0u);   // whole
  EXPECT_EQ(list.At(tokens, 8), 0u);   // the whole region
  EXPECT_EQ(list.At(tokens, 99), 0u);  // past the end
  size_t which = 9;
  EXPECT_EQ(list.At(tokens, 5, &which), 2u);
  EXPECT_EQ(which, 1u);
  EXPECT_TRUE(list.EndsAt(tokens, 4));
  EXPECT_TRUE(list.EndsAt(tokens, 7));
  EXPECT_FALSE(list.EndsAt(tokens, 6));
  EXPECT_FALSE(list.EndsAt(tokens, 0));
  // The signs of the first words: of "the" and of "全", not of "whole".
  EXPECT_TRUE(list.firsts().test(WordSign("the")));
  EXPECT_TRUE(list.firsts().test(WordSign("\u5168")));
  EXPECT_EQ(list.firsts().count(), 2u);
}

TEST(WordList, HoldsItsWordsAndNoOthers) {
  WordList words;
  words.push_back("national");
  words.push_back("\u5168\u56fd");  // 全国
  EXPECT_TRUE(words.Has("national"));
  EXPECT_TRUE(words.Has("\u5168\u56fd"));
  EXPECT_FALSE(words.Has("nation"));
  EXPECT_FALSE(words.Has("nationaL"));
  EXPECT_FALSE(words.Has("\u5168\u7701"));
  EXPECT_FALSE(words.Has(""));
}

TEST(Lexicon, FrenchEnStandsForTheCountedBeforeAVerbOnly) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* fr = ProjectLexicon("fr");
  ASSERT_TRUE(en != nullptr && fr != nullptr);
  EXPECT_TRUE(fr->IsCountPronoun("en"));
  EXPECT_FALSE(fr->IsCountPronoun("dont"));
  EXPECT_FALSE(en->IsCountPronoun("en"));
}

TEST(Lexicon, OtherWordsOfEachLanguageSetAPartApart) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* es = ProjectLexicon("es");
  ASSERT_TRUE(en != nullptr && es != nullptr);
  EXPECT_TRUE(en->IsOtherWord("other"));
  EXPECT_FALSE(en->IsOtherWord("remaining"));
  EXPECT_TRUE(es->IsOtherWord("otros"));
}

TEST(Lexicon, ExclusionWordsAreMatchedWholeAtATokenInEachLanguage) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* ru = ProjectLexicon("ru");
  const Lexicon* zh = ProjectLexicon("zh");
  ASSERT_TRUE(en != nullptr && ru != nullptr && zh != nullptr);
  // The length of the word of exclusion of `lexicon` at token `at` of `text`.
  const auto length = [](const Lexicon& lexicon, std::string_view text, size_t at) {
    const text::Tokens tokens = text::Tokenize(text, 0, text.size());
    return lexicon.ExclusionLength(tokens.list, at);
  };
  EXPECT_EQ(length(*en, "nationwide excluding Lagos", 1), 1u);
  EXPECT_EQ(length(*en, "cases not including Lagos", 1), 2u);
  EXPECT_EQ(length(*en, "cases including Lagos", 1), 0u);
  EXPECT_EQ(length(*ru, "по стране без учета Москвы", 2), 2u);
  EXPECT_EQ(length(*zh, "全国（不含香港）", 3), 2u);
}

TEST(Lexicon, PhrasesOfEnteringEndRightBeforeThePlaceInEachLanguage) {
  const Lexicon* en = ProjectLexicon("en");
  const Lexicon* es = ProjectLexicon("es");
  const Lexicon* fr = ProjectLexicon("fr");
  const Lexicon* ru = ProjectLexicon("ru");
  ASSERT_TRUE(en != nullptr && es != nullptr && fr != nullptr && ru != nullptr);
  // Whether a phrase of entering of `lexicon` ends right before token `end` of `text`.
  const auto ends = [](const Lexicon& lexicon, std::string_view text, size_t end) {
    const text::Tokens tokens = text::Tokenize(text, 0, text.size());
    return lexicon.EntryEndsAt(tokens.list, end);
  };
  EXPECT_TRUE(ends(*en, "travellers arriving in Fiji", 3));
  EXPECT_TRUE(ends(*en, "anyone entering Fiji", 2));
  EXPECT_FALSE(ends(*en, "travellers arriving from Fiji", 3));
  EXPECT_FALSE(ends(*en, "flights to Fiji", 2));
  EXPECT_TRUE(ends(*es, "quienes lleguen a Chile", 3));
  EXPECT_TRUE(ends(*fr, "les voyageurs arrivant en Guyane", 4));
  EXPECT_TRUE(ends(*ru, "для прибывающих в Казахстан", 3));
}

TEST(Lexicon, ARestrictionOnEndsOnTheWordThatJoinsWhomItIsOn) {
  const Lexicon* en = ProjectLexicon("en");
  ASSERT_TRUE(en != nullptr);
  const auto ends = [](const Lexicon& lexicon, std::string_view text, size_t end) {
    const text::Tokens tokens = text::Tokenize(text, 0, text.size());
    return lexicon.RestrictionOnEndsAt(tokens.list, end);
  };
  EXPECT_TRUE(ends(*en, "the travel ban on India", 4));
  EXPECT_FALSE(ends(*en, "the travel ban in India", 4));
}

TEST(Lexicon, AScopeOfAnUnknownLevelIsAnError) {
  auto lexicon =
      LoadChangedCopy("epiwire_lexicon_scope_test", "settings.tsv", "scope\tcontinent\tglobal\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("continent"), std::string::npos)
      << lexicon.status().message();
}

TEST(Lexicon, MalformedLineIsReportedWithFileAndLine) {
  auto lexicon = LoadChangedCopy("epiwire_lexicon_test", "cues.tsv", "sudden\tnonsense_cue\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("cues.tsv:"), std::string::npos);
  EXPECT_NE(lexicon.status().message().find("nonsense_cue"), std::string::npos);
  EXPECT_FALSE(Lexicon::Load("/nonexistent/lexicon").ok());
}

}  // namespace
}  // namespace epiwire::events
