// SPDX-License-Identifier: MIT
// For tests: named cases per language kept in tests/golden/<stage>/<lang>.tsv, one row a
// case (kind<TAB>label<TAB>...), so that test sentences in any script stay out of the
// ASCII sources. Each row becomes one parameterized test named "<lang>_<label>".
#ifndef EPIWIRE_TESTS_TESTING_LANGUAGE_CASES_H_
#define EPIWIRE_TESTS_TESTING_LANGUAGE_CASES_H_

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "epiwire/base/file.h"

namespace epiwire::testing_cases {

inline const std::vector<std::string>& CaseLanguages() {
  static const std::vector<std::string> languages = {"zh", "ru", "fr", "es"};
  return languages;
}

struct LanguageCase {
  std::string language;
  std::string kind;                 // first column
  std::string label;                // second column, part of the test name
  std::vector<std::string> fields;  // the columns after the label
  int line = 0;
};

// Keeps failure messages short: the test name says the rest.
inline void PrintTo(const LanguageCase& c, std::ostream* out) {
  *out << c.language << ".tsv:" << c.line;
}

// The rows of tests/golden/<stage>/<lang>.tsv for each language with at least
// `min_fields` columns after the label. A file that cannot be read becomes one case of
// kind "broken" whose first field is the error, so that the test fails and says why.
inline std::vector<LanguageCase> LoadLanguageCases(const std::string& stage, size_t min_fields) {
  std::vector<LanguageCase> cases;
  for (const std::string& language : CaseLanguages()) {
    const std::string path =
        std::string(EPIWIRE_SOURCE_DIR) + "/tests/golden/" + stage + "/" + language + ".tsv";
    const Status status = ForEachTsvRow(path, [&](int line, const auto& fields) {
      if (fields.size() < 2 + min_fields) return Status::InvalidInput("too few columns");
      LanguageCase c{language, std::string(fields[0]), std::string(fields[1]), {}, line};
      for (size_t k = 2; k < fields.size(); ++k) c.fields.emplace_back(fields[k]);
      cases.push_back(std::move(c));
      return Status::Ok();
    });
    if (!status.ok()) cases.push_back({language, "broken", "case_file", {status.message()}, 0});
  }
  return cases;
}

inline std::string LanguageCaseName(const testing::TestParamInfo<LanguageCase>& info) {
  std::string name = info.param.language + "_" + info.param.label;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

// The grammar of `language` loaded once per test process from data/lexicon/<lang>
// (`Grammar::Load(dir)`); null when it does not load.
template <typename Grammar>
const Grammar* GrammarFor(const std::string& language) {
  static const auto* grammars = [] {
    auto* loaded = new std::map<std::string, std::unique_ptr<Grammar>>();
    for (const std::string& lang : CaseLanguages()) {
      auto grammar = Grammar::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + lang);
      if (grammar.ok()) (*loaded)[lang] = std::move(grammar).value();
    }
    return loaded;
  }();
  const auto it = grammars->find(language);
  return it == grammars->end() ? nullptr : it->second.get();
}

// The message `Grammar::Load` gives for a folder whose `file` holds `content` ("" when
// it loads), for tests of the "path:line: what" errors.
template <typename Grammar>
std::string LoadError(const std::string& file, const std::string& content) {
  const std::string dir = ::testing::TempDir() + "/grammar_" + file;
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir + "/" + file);
    out << content;
  }
  const auto grammar = Grammar::Load(dir);
  return grammar.ok() ? std::string() : grammar.status().message();
}

}  // namespace epiwire::testing_cases

#endif  // EPIWIRE_TESTS_TESTING_LANGUAGE_CASES_H_
