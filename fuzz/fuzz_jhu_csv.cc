// SPDX-License-Identifier: MIT
// Fuzz target: the official-series readers (JHU CSSE time series and the mainland
// China province file). Values are on real calendar days with non-negative
// totals; every skipped row is named "line N: ...".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/series/series.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;

namespace {

// A stand-in for the country table: any name of two or more letters is a country,
// coded by its first two letters upper-cased; so rows reach the value paths.
std::string CountryCode(std::string_view name) {
  if (name.size() < 2) return "";
  std::string code;
  for (char c : name.substr(0, 2)) {
    if (c < 'A' || (c > 'Z' && c < 'a') || c > 'z') return "";
    code += static_cast<char>(c & ~0x20);
  }
  return code;
}

std::string SubdivisionCode(std::string_view country, std::string_view province) {
  if (province.size() < 2) return "";
  return std::string(country) + "-" + CountryCode(province);
}

void CheckValues(const epiwire::Result<std::vector<epiwire::store::OfficialValue>>& values,
                 const std::vector<std::string>& skipped) {
  for (const std::string& line : skipped)
    Check(line.rfind("line ", 0) == 0, "skipped rows name their line");
  if (!values.ok()) {
    Check(!values.status().message().empty(), "a failure says why");
    return;
  }
  for (const epiwire::store::OfficialValue& value : values.value()) {
    epiwire::fuzz::CheckDate(value.date, "official value on a calendar day");
    Check(value.cumulative >= 0, "official totals are non-negative");
    Check(value.country.size() == 2, "official value has a country code");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > epiwire::fuzz::kMaxInput) return 0;
  const std::string_view content = epiwire::fuzz::AsText(data, size);
  const std::string layout = epiwire::series::OfficialLayout(content);
  Check(layout.empty() || layout == "jhu" || layout == "china_province", "layout is known");

  std::vector<std::string> skipped;
  CheckValues(epiwire::series::ReadJhuCsv(content, "fuzz.csv", epiwire::CaseStatus::kConfirmed,
                                          CountryCode, SubdivisionCode, &skipped),
              skipped);
  skipped.clear();
  CheckValues(epiwire::series::ReadChinaProvinceCsv(content, "fuzz.csv", SubdivisionCode, &skipped),
              skipped);
  return 0;
}
