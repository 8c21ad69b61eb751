// SPDX-License-Identifier: MIT
// Loads numbers.tsv. Tested by number_grammar_test.cc.
#include "epiwire/quantity/number_grammar.h"

#include <charconv>
#include <filesystem>

#include "epiwire/base/file.h"
#include "epiwire/quantity/number_lexicon.h"

namespace epiwire::quantity {
namespace {

using internal::LexiconEntry;
using internal::NumberLexicon;
using internal::Role;

struct RoleName {
  std::string_view name;
  Role role;
  bool needs_value;
};

constexpr RoleName kRoles[] = {
    {"cardinal", Role::kCardinal, true},
    {"multiplier", Role::kMultiplier, true},
    {"scale", Role::kScale, true},
    {"approximate", Role::kApproximate, true},
    {"ordinal", Role::kOrdinal, true},
    {"ordinal_suffix", Role::kOrdinalSuffix, false},
    {"ordinal_prefix", Role::kOrdinalPrefix, false},
    {"hedge", Role::kHedge, true},
    {"hedge_after", Role::kHedgeAfter, true},
    {"percent", Role::kPercent, false},
    {"percent_prefix", Role::kPercentPrefix, false},
    {"joiner", Role::kJoiner, false},
    {"classifier", Role::kClassifier, false},
    {"not_count_after", Role::kNotCountAfter, false},
    {"year_after", Role::kYearAfter, false},
    {"month_link", Role::kMonthLink, false},
    {"not_number", Role::kNotNumber, false},
};

std::optional<Qualifier> ParseQualifier(std::string_view text) {
  if (text == "exact") return Qualifier::kExact;
  if (text == "at_least") return Qualifier::kAtLeast;
  if (text == "at_most") return Qualifier::kAtMost;
  if (text == "approximate") return Qualifier::kApproximate;
  return std::nullopt;
}

std::optional<int64_t> ParseValue(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

Status AddPhrase(NumberLexicon& lexicon, std::string_view phrase, const LexiconEntry& entry) {
  if (!lexicon.phrases.Add(phrase, static_cast<uint32_t>(lexicon.entries.size()))) {
    return Status::InvalidInput("empty phrase");
  }
  lexicon.entries.push_back(entry);
  return Status::Ok();
}

// One row: an option ("decimal", "group", "counter_required", "year_needs_marker",
// "teen_tens") or a phrase.
Status ReadRow(NumberLexicon& lexicon, const std::vector<std::string_view>& fields) {
  if (fields.size() < 2 || fields[1].empty()) {
    return Status::InvalidInput("expected role<TAB>phrase[<TAB>value], got '" +
                                std::string(fields[0]) + "'");
  }
  const std::string_view role = fields[0];
  const std::string_view phrase = fields[1];
  if (role == "decimal") {
    if (phrase != "," && phrase != ".") return Status::InvalidInput("decimal mark must be , or .");
    lexicon.decimal_mark = phrase[0];
    return Status::Ok();
  }
  if (role == "group") {
    if (phrase == "space") {
      lexicon.group_by_space = true;
    } else if (phrase == "," || phrase == "." || phrase == "'") {
      lexicon.group_marks += phrase[0];
    } else {
      return Status::InvalidInput("group mark must be space , . or ', got '" + std::string(phrase) +
                                  "'");
    }
    return Status::Ok();
  }
  if (role == "counter_required") {
    lexicon.counter_required = phrase == "yes";
    return Status::Ok();
  }
  if (role == "year_needs_marker") {
    lexicon.year_needs_marker = phrase == "yes";
    return Status::Ok();
  }
  if (role == "teen_tens") {
    const std::optional<int64_t> value = ParseValue(phrase);
    if (!value) return Status::InvalidInput("teen_tens needs a number");
    lexicon.teen_tens.push_back(*value);
    return Status::Ok();
  }
  for (const RoleName& known : kRoles) {
    if (known.name != role) continue;
    LexiconEntry entry;
    entry.role = known.role;
    if (known.role == Role::kHedge || known.role == Role::kHedgeAfter) {
      const std::optional<Qualifier> qualifier =
          fields.size() > 2 ? ParseQualifier(fields[2]) : std::nullopt;
      if (!qualifier) {
        return Status::InvalidInput("hedge '" + std::string(phrase) +
                                    "' needs at_least, at_most or approximate");
      }
      entry.qualifier = *qualifier;
    } else if (known.needs_value) {
      const std::optional<int64_t> value = fields.size() > 2 ? ParseValue(fields[2]) : std::nullopt;
      if (!value) {
        return Status::InvalidInput(std::string(role) + " '" + std::string(phrase) +
                                    "' needs a whole number value");
      }
      entry.value = *value;
      entry.alone = fields.size() > 3 && fields[3] == "alone";
    }
    return AddPhrase(lexicon, phrase, entry);
  }
  return Status::InvalidInput("unknown role '" + std::string(role) + "'");
}

}  // namespace

NumberGrammar::NumberGrammar(std::unique_ptr<internal::NumberLexicon> lexicon)
    : lexicon_(std::move(lexicon)) {}

NumberGrammar::~NumberGrammar() = default;

bool NumberGrammar::Exists(const std::string& dir) {
  std::error_code error;
  return std::filesystem::is_regular_file(dir + "/numbers.tsv", error);
}

Result<std::unique_ptr<NumberGrammar>> NumberGrammar::Load(const std::string& dir) {
  auto lexicon = std::make_unique<NumberLexicon>();
  Status status = ForEachTsvRow(dir + "/numbers.tsv",
                                [&](int, const auto& fields) { return ReadRow(*lexicon, fields); });
  if (!status.ok()) return status;
  if (lexicon->group_marks.find(lexicon->decimal_mark) != std::string::npos) {
    return Status::InvalidInput(dir + "/numbers.tsv: the decimal mark is also a group mark");
  }
  // Month names come from the dates lexicon of the same language, when it is there.
  if (std::error_code error; std::filesystem::is_regular_file(dir + "/dates.tsv", error)) {
    status = ForEachTsvRow(dir + "/dates.tsv", [&](int, const auto& fields) {
      if (fields[0] != "month" || fields.size() < 2) return Status::Ok();
      LexiconEntry entry;
      entry.role = Role::kMonth;
      return AddPhrase(*lexicon, fields[1], entry);
    });
    if (!status.ok()) return status;
  }
  return std::unique_ptr<NumberGrammar>(new NumberGrammar(std::move(lexicon)));
}

}  // namespace epiwire::quantity
