// SPDX-License-Identifier: MIT
// The radix tree of paragraph keys. Tested by prefix_index_test.cc.
//
// Each node keeps the first key added that ends there and the first that goes on past
// it. Keys are added in order, so the first key to set either field keeps it, and a
// node made by splitting an edge takes over what its child knew.
#include "epiwire/clean/prefix_index.h"

#include <algorithm>
#include <cstring>

namespace epiwire::clean {

void PrefixIndex::Clear() {
  keys_.clear();
  nodes_.clear();
  values_.clear();
}

uint32_t PrefixIndex::ChildStartingWith(uint32_t node, char byte) const {
  for (uint32_t child = nodes_[node].first_child; child != kNone;
       child = nodes_[child].next_sibling) {
    if (keys_[nodes_[child].label] == byte) return child;
  }
  return kNone;
}

uint32_t PrefixIndex::NewNode(size_t label, size_t depth, uint32_t parent) {
  Node node;
  node.label = label;
  node.depth = depth;
  node.next_sibling = nodes_[parent].first_child;
  nodes_.push_back(node);
  const auto index = static_cast<uint32_t>(nodes_.size() - 1);
  nodes_[parent].first_child = index;
  return index;
}

// Puts a new node at `depth` on the edge from `parent` to `child`; returns it.
uint32_t PrefixIndex::SplitEdge(uint32_t parent, uint32_t child, size_t depth) {
  Node middle;
  middle.label = nodes_[child].label;
  middle.depth = depth;
  middle.first_child = child;
  middle.next_sibling = nodes_[child].next_sibling;
  middle.longer = FirstThrough(nodes_[child]);
  nodes_.push_back(middle);
  const auto index = static_cast<uint32_t>(nodes_.size() - 1);
  if (nodes_[parent].first_child == child) {
    nodes_[parent].first_child = index;
  } else {
    uint32_t before = nodes_[parent].first_child;
    while (nodes_[before].next_sibling != child) before = nodes_[before].next_sibling;
    nodes_[before].next_sibling = index;
  }
  nodes_[child].label += depth - nodes_[parent].depth;
  nodes_[child].next_sibling = kNone;
  return index;
}

bool PrefixIndex::Add(std::string_view key, bool value) {
  if (nodes_.empty()) nodes_.emplace_back();  // the root
  const auto id = static_cast<uint32_t>(values_.size());
  const size_t base = keys_.size();
  keys_.append(key);
  uint32_t node = 0;
  size_t depth = 0;
  for (;;) {
    if (depth == key.size()) {
      if (nodes_[node].here != kNone) {
        keys_.resize(base);  // no node points into it
        return false;
      }
      break;
    }
    // A key already there went past every node on its path, so marking the nodes
    // passed is right even before knowing whether this key is new.
    if (nodes_[node].longer == kNone) nodes_[node].longer = id;
    const uint32_t child = ChildStartingWith(node, key[depth]);
    if (child == kNone) {
      node = NewNode(base + depth, key.size(), node);
      break;
    }
    const size_t edge = nodes_[child].depth - depth;
    const size_t common = std::min(edge, key.size() - depth);
    size_t same = 1;  // the first byte matched the child
    const char* label = keys_.data() + nodes_[child].label;
    while (same < common && label[same] == key[depth + same]) ++same;
    if (same == edge) {
      node = child;
      depth += edge;
      continue;
    }
    const uint32_t middle = SplitEdge(node, child, depth + same);
    if (depth + same == key.size()) {
      node = middle;
      break;
    }
    node = NewNode(base + depth + same, key.size(), middle);
    break;
  }
  nodes_[node].here = id;
  values_.push_back(value);
  return true;
}

PrefixIndex::Found PrefixIndex::Find(std::string_view key) const {
  Found found;
  if (nodes_.empty()) return found;
  uint32_t node = 0;
  size_t depth = 0;
  while (depth < key.size()) {
    const uint32_t child = ChildStartingWith(node, key[depth]);
    if (child == kNone) return found;
    const size_t edge = nodes_[child].depth - depth;
    const size_t common = std::min(edge, key.size() - depth);
    if (std::memcmp(keys_.data() + nodes_[child].label, key.data() + depth, common) != 0) {
      return found;
    }
    if (common < edge) {  // the key ends inside the edge: every key below goes on
      found.longer = true;
      found.longer_value = values_[FirstThrough(nodes_[child])];
      return found;
    }
    node = child;
    depth += edge;
  }
  const Node& here = nodes_[node];
  if (here.here != kNone) {
    found.equal = true;
    found.equal_value = values_[here.here];
  }
  if (here.longer != kNone) {
    found.longer = true;
    found.longer_value = values_[here.longer];
  }
  return found;
}

}  // namespace epiwire::clean
