// SPDX-License-Identifier: MIT
// Internal to the gazetteer stage. A snapshot is the loaded tables as one file, mapped
// into memory instead of parsed: names, keys and codes in one block of text that the
// tables' views point into, places and index slots as fixed records. Reading the
// TSV files (folding, stemming and indexing some 2 * 10^5 names) takes about 100 ms; a
// snapshot is read in a few.
//
// A snapshot is a cache, never a source: its stamp names what it was made from (each
// table file's size and modification time, the hash of the code that builds the
// tables, the layout of the records) and one made from anything else is not read.
#ifndef EPIWIRE_GAZETTEER_GAZETTEER_SNAPSHOT_H_
#define EPIWIRE_GAZETTEER_GAZETTEER_SNAPSHOT_H_

#include <string>
#include <string_view>

#include "epiwire/base/status.h"
#include "epiwire/gazetteer/gazetteer_tables.h"

namespace epiwire::gazetteer {

// Where the snapshot of the tables in `dir` is kept: `dir`/tables.snapshot.
std::string SnapshotPath(const std::string& dir);

// What a snapshot of the tables in `dir` must have been made from: every file of `dir`
// but snapshots (name, size, modification time to the second, as installations copy
// it), the tables' code and layout. Empty when `dir` cannot be listed.
std::string SnapshotStamp(const std::string& dir);

// Writes `tables` to `path` whole or not at all (another process reading it meanwhile
// sees the old file or the new one).
Status WriteSnapshot(const GazetteerTables& tables, std::string_view stamp,
                     const std::string& path);

// Fills the empty `tables` from the snapshot at `path` when its stamp is `stamp`.
// False when there is none, when it was made from other files or code, or when it is
// damaged (cut short, counts beyond its size): `tables` is then left empty.
bool ReadSnapshot(const std::string& path, std::string_view stamp, GazetteerTables& tables);

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_SNAPSHOT_H_
