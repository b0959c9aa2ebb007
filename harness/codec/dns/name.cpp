#include "harness/codec/dns/name.hpp"

#include <optional>
#include <utility>

namespace conformance::codec::dns {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

// Octets that RFC 1035 §5.1 gives a meaning in master files, and the
// backslash itself; they are written escaped inside labels.
bool needs_backslash(char c) {
  switch (c) {
    case '.':
    case '\\':
    case '"':
    case '(':
    case ')':
    case ';':
    case '@':
    case '$':
    case ' ': return true;
    default: return false;
  }
}

void append_decimal_escape(std::string& out, unsigned char c) {
  out += '\\';
  out += static_cast<char>('0' + c / 100);
  out += static_cast<char>('0' + (c / 10) % 10);
  out += static_cast<char>('0' + c % 10);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

DomainName::DomainName() : wire_(1, '\0') {}

bool NameBuilder::append_label(std::string_view label) {
  if (label.empty() || label.size() > DomainName::max_label_length) return false;
  // +1 for this label's length octet, +1 for the root label still to come.
  if (wire_.size() + 1 + label.size() + 1 > DomainName::max_wire_length) return false;
  wire_ += static_cast<char>(label.size());
  wire_.append(label);
  return true;
}

DomainName NameBuilder::finish() && {
  wire_ += '\0';
  return DomainName(std::move(wire_));
}

Result<DomainName> DomainName::from_wire(std::string_view wire) {
  NameBuilder builder;
  std::size_t at = 0;
  while (true) {
    if (at >= wire.size()) return ParseError{at, "label length octet"};
    const auto length = static_cast<unsigned char>(wire[at]);
    if (length == 0) break;
    if (length > max_label_length)
      return ParseError{at, "label length of at most 63 (no compression pointers or extended labels)"};
    if (wire.size() - at - 1 < length)
      return ParseError{wire.size(), "rest of a " + std::to_string(length) + "-octet label"};
    if (!builder.append_label(wire.substr(at + 1, length))) return ParseError{at, "domain name of at most 255 octets"};
    at += 1 + length;
  }
  if (at + 1 != wire.size()) return ParseError{at + 1, "end of name after the root label"};
  return std::move(builder).finish();
}

Result<DomainName> DomainName::from_text(std::string_view text) {
  if (text.empty()) return ParseError{0, "domain name"};
  if (text == ".") return DomainName();
  NameBuilder builder;
  std::string label;
  std::size_t label_start = 0;
  std::size_t at = 0;
  auto finish_label = [&](std::size_t where) -> std::optional<ParseError> {
    if (label.empty()) return ParseError{where, "non-empty label"};
    if (label.size() > max_label_length) return ParseError{label_start, "label of at most 63 octets"};
    if (!builder.append_label(label)) return ParseError{label_start, "domain name of at most 255 octets"};
    label.clear();
    return std::nullopt;
  };
  while (at < text.size()) {
    const char c = text[at];
    if (c == '.') {
      if (auto error = finish_label(at)) return *error;
      ++at;
      label_start = at;
      if (at == text.size()) return std::move(builder).finish();  // trailing dot: fully qualified
      continue;
    }
    if (c == '\\') {
      if (at + 1 >= text.size()) return ParseError{at + 1, "escaped character after backslash"};
      if (is_digit(text[at + 1])) {
        if (at + 3 >= text.size() || !is_digit(text[at + 2]) || !is_digit(text[at + 3]))
          return ParseError{at + 1, "three decimal digits"};
        const int value = (text[at + 1] - '0') * 100 + (text[at + 2] - '0') * 10 + (text[at + 3] - '0');
        if (value > 255) return ParseError{at + 1, "decimal escape of at most 255"};
        label += static_cast<char>(value);
        at += 4;
      } else {
        label += text[at + 1];
        at += 2;
      }
    } else {
      label += c;
      ++at;
    }
    // Stop early rather than collecting an unbounded label from hostile text.
    if (label.size() > max_label_length) return ParseError{label_start, "label of at most 63 octets"};
  }
  if (auto error = finish_label(at)) return *error;
  return std::move(builder).finish();
}

std::size_t DomainName::label_count() const {
  std::size_t count = 0;
  for (std::size_t at = 0; static_cast<unsigned char>(wire_[at]) != 0; at += 1 + static_cast<unsigned char>(wire_[at]))
    ++count;
  return count;
}

std::vector<std::string_view> DomainName::labels() const {
  std::vector<std::string_view> result;
  const std::string_view wire = wire_;
  for (std::size_t at = 0; static_cast<unsigned char>(wire[at]) != 0; at += 1 + static_cast<unsigned char>(wire[at]))
    result.push_back(wire.substr(at + 1, static_cast<unsigned char>(wire[at])));
  return result;
}

std::string DomainName::to_text() const {
  if (is_root()) return ".";
  std::string out;
  out.reserve(wire_.size());
  for (std::string_view label : labels()) {
    for (char c : label) {
      const auto octet = static_cast<unsigned char>(c);
      if (needs_backslash(c)) {
        out += '\\';
        out += c;
      } else if (octet < 0x21 || octet > 0x7E) {
        append_decimal_escape(out, octet);
      } else {
        out += c;
      }
    }
    out += '.';
  }
  return out;
}

DomainName DomainName::lowercased() const {
  std::string folded = wire_;
  // Length octets are at most 63, below 'A', so folding them is harmless.
  for (char& c : folded) c = fold(c);
  return DomainName(std::move(folded));
}

bool DomainName::is_subdomain_of(const DomainName& ancestor) const {
  // Wire forms end alike when one name is below the other, but the match
  // must start on a label boundary of this name.
  const std::string_view mine = wire_;
  const std::string_view theirs = ancestor.wire_;
  if (theirs.size() > mine.size()) return false;
  const std::size_t start = mine.size() - theirs.size();
  std::size_t at = 0;
  while (at < start) at += 1 + static_cast<unsigned char>(mine[at]);
  return at == start && equal_folded(mine.substr(start), theirs);
}

bool equals_ignore_case(const DomainName& a, const DomainName& b) { return equal_folded(a.wire(), b.wire()); }

}  // namespace conformance::codec::dns
