// SPDX-License-Identifier: MIT
// Internal to the ingest stage (public API: reader.h). Reads the publication
// dates that feeds and HTML metadata carry. Tested by reader_test.cc and html_test.cc.
#ifndef EPIWIRE_INGEST_PUBLISHED_DATE_H_
#define EPIWIRE_INGEST_PUBLISHED_DATE_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "epiwire/model/date.h"

namespace epiwire::ingest {

// Parses a publication date as feeds and pages write it: an ISO date or
// timestamp ("2020-04-08", "2020-04-08T10:15:00+02:00"; the date as written is
// kept, the zone is not applied), "2020/04/08", a Unix timestamp in seconds or
// milliseconds written as digits, or an English date with a month name
// ("Wed, 08 Apr 2020 10:15:00 GMT", "April 8, 2020"). Returns nullopt for
// anything else, and for years outside 1900..2200.
std::optional<Date> ParsePublishedDate(std::string_view text);

// The UTC day of a Unix timestamp; values above 1e11 are taken as milliseconds.
// Returns nullopt when the day falls outside 1900..2200.
std::optional<Date> DateFromUnixTime(double seconds_or_millis);

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_PUBLISHED_DATE_H_
