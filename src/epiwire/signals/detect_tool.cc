// SPDX-License-Identifier: MIT
// signals_detect_tool METHOD FILE [ALPHA [BASELINE]]: runs one detector over the
// counts in FILE (numbers separated by white space or commas) and prints the alarm
// days, one a line, numbered from 1 as R numbers them. Used by
// tests/signals_r_test.sh to compare our alarms with surveillance::earsC.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/signals/signals.h"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr,
                 "usage: signals_detect_tool ears_c1|ears_c2|ears_c3|cusum|epitweetr FILE "
                 "[ALPHA [BASELINE]]\n");
    return 2;
  }
  const std::optional<epiwire::signals::Method> method = epiwire::signals::ParseMethod(argv[1]);
  if (!method) {
    std::fprintf(stderr, "signals_detect_tool: unknown method '%s'\n", argv[1]);
    return 2;
  }
  epiwire::Result<std::string> content = epiwire::ReadFile(argv[2]);
  if (!content.ok()) {
    std::fprintf(stderr, "signals_detect_tool: %s\n", content.status().message().c_str());
    return 2;
  }
  std::vector<double> counts;
  std::string token;
  for (char c : content.value() + "\n") {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (token.empty()) continue;
      char* end = nullptr;
      const double value = std::strtod(token.c_str(), &end);
      if (*end != '\0') {
        std::fprintf(stderr, "signals_detect_tool: '%s' is not a number\n", token.c_str());
        return 2;
      }
      counts.push_back(value);
      token.clear();
    } else {
      token += c;
    }
  }
  const double alpha = argc >= 4 ? std::atof(argv[3]) : epiwire::signals::DefaultAlpha(*method);
  const int baseline = argc >= 5 ? std::atoi(argv[4]) : 7;
  for (const epiwire::signals::Alarm& alarm :
       epiwire::signals::Detect(counts, *method, baseline, alpha)) {
    std::printf("%zu\n", alarm.index + 1);
  }
  return 0;
}
