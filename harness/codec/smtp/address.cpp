#include "harness/codec/smtp/address.hpp"

#include <utility>

#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

using Error = std::optional<ParseError>;

constexpr const char* kNeedsSmtputf8 = "ASCII (UTF-8 here needs SMTPUTF8, RFC 6531 §3.3)";

// dcontent = %d33-90 / %d94-126: printable US-ASCII but "[", "\" and "]".
constexpr bool is_dcontent(unsigned char c) { return c >= 33 && c <= 126 && c != '[' && c != '\\' && c != ']'; }

bool is_ldh_str(std::string_view s) {
  // Ldh-str = *( ALPHA / DIGIT / "-" ) Let-dig
  if (s.empty() || !is_let_dig(static_cast<unsigned char>(s.back()))) return false;
  for (char c : s)
    if (!is_ldh(static_cast<unsigned char>(c))) return false;
  return true;
}

// Snum 3("." Snum), Snum = 1*3DIGIT in 0..255. Returns the offset of the
// first problem in `s`, or nothing.
std::optional<std::size_t> ipv4_error(std::string_view s) {
  std::size_t at = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (at >= s.size() || s[at] != '.') return at;
      ++at;
    }
    std::size_t digits = 0;
    int value = 0;
    while (at + digits < s.size() && digits < 3 && is_digit(static_cast<unsigned char>(s[at + digits]))) {
      value = value * 10 + (s[at + digits] - '0');
      ++digits;
    }
    if (digits == 0 || value > 255) return at;
    at += digits;
  }
  if (at != s.size()) return at;
  return std::nullopt;
}

// Groups of IPv6-hex separated by ":", the last of which may be an IPv4
// address when `allow_ipv4` is set. Counts the hex groups.
std::optional<std::size_t> ipv6_groups_error(std::string_view s, bool allow_ipv4, std::size_t& groups, bool& ipv4) {
  groups = 0;
  ipv4 = false;
  if (s.empty()) return std::nullopt;
  std::size_t at = 0;
  for (;;) {
    std::size_t end = s.find(':', at);
    const std::string_view piece = s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (end == std::string_view::npos && allow_ipv4 && piece.find('.') != std::string_view::npos) {
      if (auto bad = ipv4_error(piece)) return at + *bad;
      ipv4 = true;
      return std::nullopt;
    }
    if (piece.empty() || piece.size() > 4) return at;
    for (std::size_t i = 0; i < piece.size(); ++i)
      if (!is_hex(static_cast<unsigned char>(piece[i]))) return at + i;
    ++groups;
    if (end == std::string_view::npos) return std::nullopt;
    at = end + 1;
  }
}

// IPv6-addr of RFC 5321 §4.1.3 (IPv6-full / IPv6-comp / IPv6v4-full /
// IPv6v4-comp), including its limits: at most 6 groups besides "::", or 4
// besides "::" and a trailing IPv4 address.
std::optional<std::size_t> ipv6_error(std::string_view s) {
  const std::size_t gap = s.find("::");
  std::size_t groups = 0;
  bool ipv4 = false;
  if (gap == std::string_view::npos) {
    if (auto bad = ipv6_groups_error(s, true, groups, ipv4)) return bad;
    if (groups != (ipv4 ? 6u : 8u)) return s.size();
    return std::nullopt;
  }
  if (const std::size_t again = s.find("::", gap + 1); again != std::string_view::npos) return again;
  std::size_t left = 0, right = 0;
  bool left_ipv4 = false;
  if (auto bad = ipv6_groups_error(s.substr(0, gap), false, left, left_ipv4)) return bad;
  if (auto bad = ipv6_groups_error(s.substr(gap + 2), true, right, ipv4)) return gap + 2 + *bad;
  if (left + right > (ipv4 ? 4u : 6u)) return s.size();
  return std::nullopt;
}

class AddressParser {
 public:
  AddressParser(std::string_view text, const AddressOptions& options) : text_(text), options_(options) {}

  std::size_t pos = 0;
  std::optional<std::size_t> first_utf8;

  bool at_end() const { return pos >= text_.size(); }
  bool peek(char c) const { return pos < text_.size() && text_[pos] == c; }
  unsigned char current() const { return static_cast<unsigned char>(text_[pos]); }

  // One non-ASCII character at pos, if allowed; advances past it.
  Error utf8_char() {
    if (!options_.utf8) return ParseError{pos, kNeedsSmtputf8};
    const std::size_t length = utf8_sequence_length(text_, pos);
    if (length == 0) return ParseError{pos, "well-formed UTF-8"};
    if (!first_utf8) first_utf8 = pos;
    pos += length;
    return std::nullopt;
  }

  // Domain = sub-domain *("." sub-domain); sub-domain = Let-dig [Ldh-str]
  // (or a U-label under SMTPUTF8, RFC 6531 §3.3).
  Error domain(Host& out) {
    const std::size_t start = pos;
    for (;;) {
      if (at_end() || !(is_let_dig(current()) || current() >= 0x80))
        return ParseError{pos, "letter or digit starting a domain label"};
      bool last_was_hyphen = false;
      while (!at_end()) {
        const unsigned char c = current();
        if (c >= 0x80) {
          if (auto error = utf8_char()) return error;
          last_was_hyphen = false;
        } else if (is_ldh(c)) {
          last_was_hyphen = c == '-';
          ++pos;
        } else {
          break;
        }
      }
      if (last_was_hyphen) return ParseError{pos - 1, "letter or digit ending a domain label (not '-')"};
      if (!peek('.')) break;
      ++pos;
    }
    if (pos - start > options_.limits.max_domain) return domain_too_long(start);
    out = Host::domain_name(std::string(text_.substr(start, pos - start)));
    return std::nullopt;
  }

  // address-literal = "[" ( IPv4 / IPv6 / General-address-literal ) "]"
  Error address_literal(Host& out) {
    const std::size_t start = pos;
    ++pos;  // "["
    const std::size_t content_start = pos;
    while (!at_end() && is_dcontent(current())) ++pos;
    if (!peek(']')) return ParseError{pos, "address literal character or ']'"};
    const std::string_view content = text_.substr(content_start, pos - content_start);
    ++pos;
    if (pos - start > options_.limits.max_domain) return domain_too_long(start);
    if (content.empty()) return ParseError{content_start, "address literal"};
    const std::size_t colon = content.find(':');
    if (colon == std::string_view::npos) {
      if (auto bad = ipv4_error(content)) return ParseError{content_start + *bad, "IPv4 address literal (RFC 5321 §4.1.3)"};
      out = Host::ipv4_literal(std::string(content));
      return std::nullopt;
    }
    const std::string_view tag = content.substr(0, colon);
    const std::string_view rest = content.substr(colon + 1);
    if (iequals(tag, "IPv6")) {
      if (auto bad = ipv6_error(rest))
        return ParseError{content_start + colon + 1 + *bad, "IPv6 address (RFC 5321 §4.1.3)"};
      out = Host::ipv6_literal(std::string(rest));
      return std::nullopt;
    }
    if (!is_ldh_str(tag)) return ParseError{content_start, "Standardized-tag of a general address literal"};
    if (rest.empty()) return ParseError{content_start + colon + 1, "dcontent after the tag"};
    out = Host{Host::Kind::general, std::string(rest), std::string(tag)};
    return std::nullopt;
  }

  Error host(Host& out) {
    if (peek('[')) return address_literal(out);
    return domain(out);
  }

  // Local-part = Dot-string / Quoted-string (atext and qtextSMTP widened by
  // UTF8-non-ascii under SMTPUTF8).
  Error local_part(std::string& out) {
    const std::size_t start = pos;
    if (peek('"')) {
      ++pos;
      for (;;) {
        if (at_end()) return ParseError{pos, "'\"' closing the quoted string"};
        const unsigned char c = current();
        if (c == '"') {
          ++pos;
          break;
        }
        if (c == '\\') {
          // quoted-pairSMTP = %d92 %d32-126
          if (pos + 1 >= text_.size() || static_cast<unsigned char>(text_[pos + 1]) < 32 ||
              static_cast<unsigned char>(text_[pos + 1]) > 126)
            return ParseError{pos + 1, "SP or printable ASCII after '\\' (quoted-pairSMTP)"};
          pos += 2;
        } else if (is_qtext_smtp(c)) {
          ++pos;
        } else if (c >= 0x80) {
          if (auto error = utf8_char()) return error;
        } else {
          return ParseError{pos, "qtextSMTP, quoted-pair or '\"'"};
        }
      }
    } else {
      for (;;) {
        const std::size_t atom_start = pos;
        while (!at_end()) {
          const unsigned char c = current();
          if (is_atext(c)) {
            ++pos;
          } else if (c >= 0x80) {
            if (auto error = utf8_char()) return error;
          } else {
            break;
          }
        }
        if (pos == atom_start) return ParseError{pos, "atext (Dot-string atoms cannot be empty)"};
        if (!peek('.')) break;
        ++pos;
      }
    }
    if (pos - start > options_.limits.max_local_part)
      return ParseError{start, "local part of at most " + std::to_string(options_.limits.max_local_part) +
                                   " octets (RFC 5321 §4.5.3.1.1)"};
    out = std::string(text_.substr(start, pos - start));
    return std::nullopt;
  }

  // Mailbox, or "Postmaster" alone when `kind` allows it and `end` follows.
  Error mailbox(Path& out, PathKind kind, bool bracketed) {
    if (auto error = local_part(out.local_part)) return error;
    const bool ends_here = bracketed ? peek('>') : (at_end() || peek(' '));
    if (kind == PathKind::forward && ends_here && out.source_route.empty() && iequals(out.local_part, "Postmaster"))
      return std::nullopt;  // "<Postmaster>" (RFC 5321 §4.1.1.3)
    if (!peek('@')) return ParseError{pos, "'@' after the local part"};
    ++pos;
    Host host_value;
    if (auto error = host(host_value)) return error;
    out.domain = std::move(host_value);
    return std::nullopt;
  }

  // Path = "<" [ A-d-l ":" ] Mailbox ">"
  Error path(Path& out, PathKind kind) {
    const std::size_t start = pos;
    if (!peek('<')) return ParseError{pos, "'<' starting the path"};
    ++pos;
    if (peek('>')) {
      if (kind == PathKind::forward) return ParseError{pos, "a mailbox (the null path \"<>\" is for MAIL only)"};
      ++pos;
      return std::nullopt;
    }
    if (peek('@')) {
      for (;;) {
        ++pos;  // "@"
        Host route_domain;
        if (auto error = domain(route_domain)) return error;
        if (out.source_route.size() >= options_.limits.max_route_domains)
          return ParseError{pos, "at most " + std::to_string(options_.limits.max_route_domains) +
                                     " source route domains"};
        out.source_route.push_back(std::move(route_domain.value));
        if (peek(':')) break;
        if (!peek(',')) return ParseError{pos, "',' or ':' in the source route"};
        ++pos;
        if (!peek('@')) return ParseError{pos, "'@' starting a source route domain"};
      }
      ++pos;  // ":"
    }
    if (auto error = mailbox(out, kind, true)) return error;
    if (!peek('>')) return ParseError{pos, "'>' ending the path"};
    ++pos;
    if (pos - start > options_.limits.max_path) return path_too_long(start);
    return std::nullopt;
  }

  Error unbracketed_path(Path& out, PathKind kind) {
    const std::size_t start = pos;
    if (auto error = mailbox(out, kind, false)) return error;
    if (pos - start + 2 > options_.limits.max_path) return path_too_long(start);
    return std::nullopt;
  }

 private:
  ParseError domain_too_long(std::size_t start) const {
    return ParseError{start, "domain of at most " + std::to_string(options_.limits.max_domain) +
                                 " octets (RFC 5321 §4.5.3.1.2)"};
  }
  ParseError path_too_long(std::size_t start) const {
    return ParseError{start, "path of at most " + std::to_string(options_.limits.max_path) +
                                 " octets (RFC 5321 §4.5.3.1.3)"};
  }

  std::string_view text_;
  const AddressOptions& options_;
};

Result<Path> parse_whole_path(std::string_view text, PathKind kind, const AddressOptions& options) {
  auto scan = scan_path(text, kind, options);
  if (!scan) return scan.error();
  if (scan->length != text.size()) return ParseError{scan->length, "end of the path"};
  return std::move(scan->path);
}

bool is_dot_string(std::string_view value) {
  if (value.empty() || value.front() == '.' || value.back() == '.') return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '.') {
      if (value[i - 1] == '.') return false;
    } else if (!is_atext(c) && c < 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string Host::to_string() const {
  switch (kind) {
    case Kind::domain: return value;
    case Kind::ipv4: return "[" + value + "]";
    case Kind::ipv6: return "[IPv6:" + value + "]";
    case Kind::general: return "[" + tag + ":" + value + "]";
  }
  return value;
}

Path Path::mailbox(std::string_view local_part_value, Host domain) {
  return Path{{}, quote_local_part(local_part_value), std::move(domain)};
}

bool Path::is_postmaster() const { return !domain && source_route.empty() && iequals(local_part, "Postmaster"); }

std::string Path::local_part_value() const {
  if (local_part.size() < 2 || local_part.front() != '"' || local_part.back() != '"') return local_part;
  std::string value;
  for (std::size_t i = 1; i + 1 < local_part.size(); ++i) {
    if (local_part[i] == '\\' && i + 2 < local_part.size()) ++i;
    value.push_back(local_part[i]);
  }
  return value;
}

std::string Path::address() const {
  if (!domain) return local_part;
  return local_part + "@" + domain->to_string();
}

Result<Host> parse_domain(std::string_view text, const AddressOptions& options) {
  AddressParser parser(text, options);
  Host host;
  if (auto error = parser.domain(host)) return *error;
  if (!parser.at_end()) return ParseError{parser.pos, "end of the domain"};
  return host;
}

Result<Host> parse_host(std::string_view text, const AddressOptions& options) {
  AddressParser parser(text, options);
  Host host;
  if (auto error = parser.host(host)) return *error;
  if (!parser.at_end()) return ParseError{parser.pos, host.is_literal() ? "end of the address literal" : "end of the domain"};
  return host;
}

Result<PathScan> scan_path(std::string_view text, PathKind kind, const AddressOptions& options) {
  AddressParser parser(text, options);
  PathScan scan;
  if (auto error = parser.path(scan.path, kind)) return *error;
  scan.length = parser.pos;
  scan.first_utf8 = parser.first_utf8;
  return scan;
}

Result<PathScan> scan_unbracketed_path(std::string_view text, PathKind kind, const AddressOptions& options) {
  AddressParser parser(text, options);
  PathScan scan;
  if (auto error = parser.unbracketed_path(scan.path, kind)) return *error;
  scan.length = parser.pos;
  scan.first_utf8 = parser.first_utf8;
  return scan;
}

Result<Path> parse_reverse_path(std::string_view text, const AddressOptions& options) {
  return parse_whole_path(text, PathKind::reverse, options);
}

Result<Path> parse_forward_path(std::string_view text, const AddressOptions& options) {
  return parse_whole_path(text, PathKind::forward, options);
}

std::string serialize_path(const Path& path) {
  std::string out = "<";
  for (std::size_t i = 0; i < path.source_route.size(); ++i) {
    out += i == 0 ? "@" : ",@";
    out += path.source_route[i];
  }
  if (!path.source_route.empty()) out += ':';
  out += path.local_part;
  if (path.domain) out += "@" + path.domain->to_string();
  out += '>';
  return out;
}

std::string quote_local_part(std::string_view value) {
  if (is_dot_string(value)) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace conformance::codec::smtp
