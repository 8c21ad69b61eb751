// SPDX-License-Identifier: MIT
#include "epiwire/text/sentences.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>

#include <unicode/uchar.h>

#include "epiwire/base/fold.h"
#include "epiwire/base/utf8.h"
#include "epiwire/base/word_memo.h"

namespace epiwire::text {
namespace {

// The code point starting at byte i of `text` and its length in bytes (U+FFFD, 1 for
// a broken sequence).
UChar32 CodePointAt(std::string_view text, size_t i, size_t* length) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  size_t n = Utf8SequenceLength(lead);
  if (i + n > text.size()) n = 1;
  UChar32 cp = 0xFFFD;
  if (n == 1) {
    cp = lead < 0x80 ? lead : 0xFFFD;
  } else {
    cp = lead & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; ++k) {
      const unsigned char c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) {
        *length = 1;
        return 0xFFFD;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
  }
  *length = n;
  return cp;
}

// Han characters (and kana) are words of one character each: Chinese writes no
// spaces, and the lexicons and the gazetteer match character sequences.
bool IsIdeograph(UChar32 cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
         (cp >= 0x3040 && cp <= 0x30FF);
}

// CJK and full-width punctuation, with the ASCII mark it plays the part of ("" if none).
std::string_view CjkPunctuation(UChar32 cp) {
  switch (cp) {
    case 0x3002: case 0xFF0E: case 0xFF61: return ".";
    case 0xFF0C: case 0x3001: case 0xFF64: return ",";
    case 0xFF1A: return ":";
    case 0xFF1B: return ";";
    case 0xFF08: return "(";
    case 0xFF09: return ")";
    case 0xFF01: return "!";
    case 0xFF1F: return "?";
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x300A: case 0x300B:
    case 0x3008: case 0x3009: case 0xFF02: return "\"";
    case 0x3000: return " ";
    default:
      break;
  }
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
      (cp >= 0xFF5B && cp <= 0xFF65)) {
    return "-";
  }
  return "";
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }

// Abbreviations after which a full stop does not end a sentence.
constexpr std::array<std::string_view, 42> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "sr", "jr",
    "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "lt", "col", "capt", "mt", "incl", "govt"};

bool IsAbbreviation(std::string_view word) {
  if (word.size() == 1 && IsUpper(word[0])) return true;  // an initial: "J. Smith"
  // "U.S." / "U.K.": letters separated by stops.
  if (word.size() >= 3 && word[1] == '.') return true;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(IsUpper(c) ? c - 'A' + 'a' : c);
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

// Bytes of a closing quote or bracket starting at i (0 when none).
size_t ClosingMarkAt(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x9D" || text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// Does a new sentence plausibly start at i (after spaces)?
bool StartsSentence(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  const char c = text[i];
  if (IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(') return true;
  if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 3) == "\xE2\x80\x98") return true;
  // A capital beyond ASCII ("В", "É"), an opening mark ("¿", "«") or a Han character.
  size_t length = 0;
  const UChar32 cp = CodePointAt(text, i, &length);
  return cp >= 0x80 && (u_isupper(cp) || IsIdeograph(cp) || cp == 0xBF || cp == 0xA1 ||
                        cp == 0xAB || cp == 0x2014);
}

void Emit(std::string_view text, size_t start, size_t end, std::vector<Sentence>& out) {
  while (start < end && (IsSpace(text[start]) || text[start] == '\n')) ++start;
  while (end > start && (IsSpace(text[end - 1]) || text[end - 1] == '\n')) --end;
  if (end > start) out.push_back(Sentence{start, end});
}

// The word that ends right before position `stop` (the full stop).
std::string_view WordBefore(std::string_view text, size_t line_start, size_t stop) {
  size_t i = stop;
  while (i > line_start && (IsAlpha(text[i - 1]) || text[i - 1] == '.')) --i;
  return text.substr(i, stop - i);
}

// The word before the full stop at `dot` is three letters or more and ends in a lower-case
// letter (or a letter of another script): no initial, no abbreviation, no domain name.
bool GluedSentenceEnd(std::string_view text, size_t line_start, size_t dot) {
  size_t i = dot;
  while (i > line_start && (IsAlpha(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) --i;
  if (dot - i < 3 || (i > line_start && text[i - 1] == '.')) return false;
  const auto last = static_cast<unsigned char>(text[dot - 1]);
  return (last >= 'a' && last <= 'z') || last >= 0x80;
}

// The bytes a sentence may end at: line breaks, . ! ? and the lead bytes of
// characters from U+3000 (the CJK marks); SplitSentences passes every other byte by.
constexpr std::array<bool, 256> kSentenceStops = [] {
  std::array<bool, 256> stops{};
  for (const char c : {'\n', '.', '!', '?'}) stops[static_cast<unsigned char>(c)] = true;
  for (int c = 0xE3; c < 256; ++c) stops[static_cast<size_t>(c)] = true;
  return stops;
}();

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, size_t begin, size_t end) {
  std::vector<Sentence> sentences;
  end = std::min(end, text.size());
  size_t start = begin;
  size_t line_start = begin;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (!kSentenceStops[static_cast<unsigned char>(c)]) continue;
    if (c == '\n') {
      Emit(text, start, i, sentences);
      start = line_start = i + 1;
      continue;
    }
    // "。", "！", "？" end a Chinese sentence whatever follows.
    if (static_cast<unsigned char>(c) >= 0xE3) {
      size_t length = 0;
      const UChar32 cp = CodePointAt(text, i, &length);
      if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
        Emit(text, start, i + length, sentences);
        start = i + length;
      }
      i += length - 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    if (c == '.' && IsAbbreviation(WordBefore(text, line_start, i))) continue;
    size_t after = i + 1;
    while (after < end) {
      const size_t mark = ClosingMarkAt(text, after);
      if (mark == 0) break;
      after += mark;
    }
    // "...le ministre de la Santé.Le choléra": text glued without a space, where a word
    // of three letters or more ends in lower case and the next starts a capitalised word.
    if (c == '.' && after == i + 1 && after + 1 < end && text[after] >= 'A' && text[after] <= 'Z' &&
        text[after + 1] >= 'a' && text[after + 1] <= 'z' && GluedSentenceEnd(text, line_start, i)) {
      Emit(text, start, after, sentences);
      start = after;
      continue;
    }
    if (after >= end || !IsSpace(text[after])) continue;
    size_t next = after;
    while (next < end && IsSpace(text[next])) ++next;
    if (!StartsSentence(text, next)) continue;
    Emit(text, start, after, sentences);
    start = after;
  }
  Emit(text, start, end, sentences);
  return sentences;
}

namespace {

bool IsWordByte(unsigned char c) { return IsAlpha(static_cast<char>(c)) || IsDigit(static_cast<char>(c)) || c >= 0x80; }

// ASCII letters and digits by byte, with what the tokenizer notes of them: one look-up
// a byte in the loop that reads words, where most of a text's bytes go by.
enum AsciiClass : uint8_t { kAlnum = 1, kDigitByte = 2, kUpperByte = 4 };
constexpr std::array<uint8_t, 256> kAsciiClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<size_t>(c)] = kAlnum | kDigitByte;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<size_t>(c)] = kAlnum | kUpperByte;
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<size_t>(c)] = kAlnum;
  return classes;
}();

// Multi-byte punctuation that must not glue to words: curly quotes, dashes, ellipsis.
size_t PunctuationLength(std::string_view text, size_t i) {
  if (static_cast<unsigned char>(text[i]) != 0xE2 || i + 2 >= text.size()) return 0;
  const unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
  const unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
  if (b1 == 0x80 && (b2 >= 0x90 && b2 <= 0xA6)) return 3;  // dashes, quotes, bullets, ellipsis
  return 0;
}

bool IsApostrophe(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  if (text.substr(i, 3) == "\xE2\x80\x99") {
    *length = 3;
    return true;
  }
  return false;
}

static_assert(sizeof(Token) == 32, "a token is 32 bytes: rules step over the tokens many times");

// Appends a token whose `lower` is still to be set: built in place, as a temporary
// Token moved into the vector cost a copy a token.
Token& AddToken(std::vector<Token>& tokens, size_t start, size_t end, bool is_word) {
  Token& token = tokens.emplace_back();
  token.start = static_cast<uint32_t>(start);
  token.end = static_cast<uint32_t>(end);
  token.is_word = is_word;
  return token;
}

// Appends `form` to the tokens' own buffer (made on first use, reserved for `reserve`
// bytes so that it rarely moves) and returns where it starts there. Should the buffer
// move (a folded form longer than its word), the views made before move along.
size_t Keep(Tokens& out, size_t reserve, std::string_view form) {
  if (!out.folded) out.folded = std::make_unique<std::string>();
  std::string& folded = *out.folded;
  if (folded.empty()) folded.reserve(reserve);  // no view of it yet
  const char* before = folded.data();
  const size_t used = folded.size();
  folded.append(form);
  if (folded.data() != before) {
    const std::less<const char*> less;  // a total order even across unrelated buffers
    for (Token& token : out.list) {
      if (!less(token.lower.data(), before) && less(token.lower.data(), before + used)) {
        token.lower = std::string_view(folded).substr(static_cast<size_t>(token.lower.data() - before),
                                                      token.lower.size());
      }
    }
  }
  return used;
}

// At byte i, which is no ASCII letter or digit: a space, a possessive 's, an ideograph
// or a mark, its token added, and the bytes it takes; 0 when a word starts there.
size_t TakeNonWord(std::vector<Token>& tokens, std::string_view text, size_t begin, size_t end,
                   size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (IsSpace(static_cast<char>(c)) || c == '\n') return 1;
  size_t apostrophe = 0;
  // Possessive 's as its own token.
  if (IsApostrophe(text, i, &apostrophe) && i + apostrophe < end &&
      (text[i + apostrophe] == 's' || text[i + apostrophe] == 'S') &&
      (i + apostrophe + 1 >= end || !IsWordByte(static_cast<unsigned char>(text[i + apostrophe + 1]))) &&
      i > begin && IsWordByte(static_cast<unsigned char>(text[i - 1]))) {
    AddToken(tokens, i, i + apostrophe + 1, true).lower = "'s";
    return apostrophe + 1;
  }
  if (c >= 0xE3) {
    size_t length = 0;
    const UChar32 cp = CodePointAt(text, i, &length);
    if (IsIdeograph(cp)) {
      AddToken(tokens, i, i + length, true).lower = text.substr(i, length);
      return length;
    }
    if (const std::string_view mark = CjkPunctuation(cp); !mark.empty()) {
      if (mark != " ") AddToken(tokens, i, i + length, false).lower = mark;
      return length;
    }
  }
  const size_t punct = PunctuationLength(text, i);
  if (punct == 0 && IsWordByte(c)) return 0;
  const size_t length = punct > 0 ? punct : Utf8SequenceLength(c);
  std::string_view& lower = AddToken(tokens, i, i + length, false).lower;
  if (punct == 3 && (text[i + 2] == '\x98' || text[i + 2] == '\x99')) {
    lower = "'";
  } else if (punct == 3 && (text[i + 2] == '\x9C' || text[i + 2] == '\x9D')) {
    lower = "\"";
  } else {
    lower = text.substr(i, length);
  }
  return length;
}

}  // namespace

Tokens Tokenize(std::string_view text, size_t begin, size_t end) {
  Tokens out;
  Tokenize(text, begin, end, out);
  return out;
}

void Tokenize(std::string_view text, size_t begin, size_t end, Tokens& out) {
  std::vector<Token>& tokens = out.list;
  tokens.clear();
  if (out.folded) out.folded->clear();
  end = std::min({end, text.size(), kMaxTokenOffset});
  // Lower-casing ASCII never lengthens a word: the text's size is room enough.
  const size_t room = end > begin ? end - begin : 0;
  if (end > begin) tokens.reserve((end - begin) / 4 + 4);  // about one token in 4 bytes: no regrowth
  size_t i = begin;
  while (i < end) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') {  // most often between words: skipped at once
      ++i;
      continue;
    }
    // An ASCII letter or digit starts a word: no space or mark can be there.
    if (!(kAsciiClasses[c] & kAlnum)) {
      if (const size_t taken = TakeNonWord(tokens, text, begin, end, i); taken > 0) {
        i += taken;
        continue;
      }
    }
    // A word or number: letters/digits, with inner hyphens, dots between digits,
    // commas between digit groups, and inner apostrophes (not a possessive 's).
    size_t j = i;
    unsigned seen = 0;  // AsciiClass bits of the word's ASCII letters and digits
    bool beyond_ascii = false;
    const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
    while (j < end) {
      // Letters and digits first, in a loop of their own: most bytes of a word (no
      // byte from 0x80 is one).
      unsigned ascii = 0;
      while (j < end && ((ascii = kAsciiClasses[bytes[j]]) & kAlnum)) {
        seen |= ascii;
        ++j;
      }
      if (j == end) break;
      const unsigned char d = bytes[j];
      if (d >= 0x80) {
        if (PunctuationLength(text, j) > 0) break;
        if (d >= 0xE3) {
          size_t length = 0;
          const UChar32 cp = CodePointAt(text, j, &length);
          if (IsIdeograph(cp) || !CjkPunctuation(cp).empty()) break;
        }
        beyond_ascii = true;
        j += Utf8SequenceLength(d);
        continue;
      }
      const bool inner = j + 1 < end && IsWordByte(static_cast<unsigned char>(text[j + 1]));
      if (d == '-' && inner) {
        ++j;
        continue;
      }
      if ((d == ',' || d == '.' || d == ':') && inner && IsDigit(text[j - 1]) && IsDigit(text[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    const bool has_digit = seen & kDigitByte;
    const bool has_upper = seen & kUpperByte;
    const std::string_view word = text.substr(i, j - i);
    Token& token = AddToken(tokens, i, j, true);
    token.lower = word;
    token.capitalized = IsUpper(text[i]);
    token.has_digit = has_digit;
    if (beyond_ascii) {
      // Cyrillic, Greek and accented Latin: Unicode case folding and capitals.
      size_t length = 0;
      const UChar32 first = CodePointAt(text, i, &length);
      token.capitalized = token.capitalized || (first >= 0x80 && u_isupper(first));
      // ICU's folding costs a thousand instructions a word; news repeats its words.
      thread_local WordMemo<std::string> folds;
      const std::string& form = folds.Get(word, FoldCase);
      const size_t at = Keep(out, room, form);
      token.lower = std::string_view(*out.folded).substr(at, form.size());
    } else if (has_upper) {
      const size_t at = Keep(out, room, word);
      std::string& folded = *out.folded;
      for (size_t k = at; k < folded.size(); ++k) {
        if (IsUpper(folded[k])) folded[k] = static_cast<char>(folded[k] - 'A' + 'a');
      }
      token.lower = std::string_view(folded).substr(at, word.size());
    }
    i = j;
  }
}

}  // namespace epiwire::text
