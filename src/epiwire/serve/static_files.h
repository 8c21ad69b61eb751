// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): maps request paths to files under a root
// directory without ever leaving it (no "..", no hidden files, no symlinks out),
// and names their content types. Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_STATIC_FILES_H_
#define EPIWIRE_SERVE_STATIC_FILES_H_

#include <optional>
#include <string>
#include <string_view>

namespace epiwire::serve {

// The file `relative` names under `root`, or nullopt when `relative` is not a
// plain relative path ("a/b.js": no empty, "." or ".." or dot-first segments, no
// backslash or NUL, at most 256 bytes), when it does not name a regular file with a
// known content type, or when the file resolves outside `root`.
std::optional<std::string> ResolveStaticFile(const std::string& root, std::string_view relative);

// "text/javascript; charset=utf-8" and the like, from the extension; empty when
// the extension is not one the dashboard serves.
std::string ContentTypeFor(std::string_view path);

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_STATIC_FILES_H_
