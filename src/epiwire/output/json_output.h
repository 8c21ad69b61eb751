// SPDX-License-Identifier: MIT
// Output: an Extraction as the JSON object of shared/spec/output.md (one line of
// JSON Lines), and a plain table for people. Tested by json_output_test.cc.
#ifndef EPIWIRE_OUTPUT_JSON_OUTPUT_H_
#define EPIWIRE_OUTPUT_JSON_OUTPUT_H_

#include <string>

#include "epiwire/model/document.h"

namespace epiwire::output {

struct JsonOptions {
  // Include the document text ("text"): always for HTML input, where offsets point
  // into the converted text that the caller cannot otherwise see.
  bool include_text = false;
};

// One JSON object on one line, without the trailing newline. Unknown values are null.
std::string ToJsonLine(const Extraction& extraction, const JsonOptions& options = {});

// Lines of a fixed-width table, one event a line, for reading in a terminal.
std::string ToTable(const Extraction& extraction);

}  // namespace epiwire::output

#endif  // EPIWIRE_OUTPUT_JSON_OUTPUT_H_
