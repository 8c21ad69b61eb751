// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). The set of paragraph keys seen
// so far in a document, for the duplicate finder: is a key there already, and does an
// earlier key begin with it and go on? A radix tree, so both answers cost time linear
// in the key whatever the keys before it. Tested by prefix_index_test.cc.
#ifndef EPIWIRE_CLEAN_PREFIX_INDEX_H_
#define EPIWIRE_CLEAN_PREFIX_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epiwire::clean {

class PrefixIndex {
 public:
  struct Found {
    bool equal = false;         // a key equal to the one looked up was added,
    bool equal_value = false;   // with this value
    bool longer = false;        // a longer key that begins with it was added;
    bool longer_value = false;  // the value of the first such key added
  };

  // Adds `key` with `value`; returns false (and keeps the first value) when it is there.
  bool Add(std::string_view key, bool value);
  Found Find(std::string_view key) const;
  // Empties the index, keeping its memory for the next document.
  void Clear();

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    size_t label = 0;  // offset in keys_ of the edge label from the parent
    size_t depth = 0;  // length of the path from the root, this edge included
    uint32_t first_child = kNone;
    uint32_t next_sibling = kNone;
    uint32_t here = kNone;    // key that ends at this node
    uint32_t longer = kNone;  // first key added that goes on past this node
  };
  // The first key added among those that end at or go past `node`.
  uint32_t FirstThrough(const Node& node) const { return node.here < node.longer ? node.here : node.longer; }
  uint32_t ChildStartingWith(uint32_t node, char byte) const;
  uint32_t NewNode(size_t label, size_t depth, uint32_t parent);
  uint32_t SplitEdge(uint32_t parent, uint32_t child, size_t depth);

  std::string keys_;          // the bytes of every key added, edge labels point into it
  std::vector<Node> nodes_;   // nodes_[0] is the root once a key is added
  std::vector<bool> values_;  // by key number, in the order keys were added
};

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_PREFIX_INDEX_H_
