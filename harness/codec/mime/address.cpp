#include "harness/codec/mime/address.hpp"

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/lexer.hpp"

namespace conformance::codec::mime {

namespace {

// One word of a phrase or local part: an atom, a quoted-string, or a '.'
// (the obsolete phrase of §4.1 and local part of §4.4 allow them).
struct Word {
  enum class Kind { atom, quoted, dot };
  Kind kind = Kind::atom;
  std::string text;
  bool space_before = false;  // white space or a comment separated it from the previous word
  std::size_t offset = 0;
};

class AddressParser {
 public:
  AddressParser(std::string_view value, const FieldLimits& limits)
      : lx_(value, limits.max_comment_depth), limits_(limits) {}

  Lexer& lexer() { return lx_; }

  // Reads words up to the first octet that cannot continue a phrase or
  // local part, skipping CFWS; leaves the cursor on that octet.
  bool read_words(std::vector<Word>& words) {
    words.clear();
    for (;;) {
      const std::size_t before = lx_.pos();
      if (!lx_.skip_cfws()) return false;
      const bool spaced = lx_.pos() != before;
      if (lx_.at_end()) return true;
      Word word;
      word.space_before = spaced;
      word.offset = lx_.pos();
      const char c = lx_.current();
      if (c == '"') {
        word.kind = Word::Kind::quoted;
        if (!lx_.quoted_string(word.text)) return false;
      } else if (c == '.') {
        word.kind = Word::Kind::dot;
        word.text = ".";
        lx_.consume('.');
      } else if (is_atext(c)) {
        word.kind = Word::Kind::atom;
        word.text = std::string(lx_.atom());
      } else {
        return true;
      }
      if (words.size() >= limits_.max_items) return lx_.fail("at most " + std::to_string(limits_.max_items) + " words");
      words.push_back(std::move(word));
    }
  }

  // phrase = 1*word / obs-phrase (word *(word / "." / CFWS)).
  bool phrase(const std::vector<Word>& words, std::string& out) {
    if (words.empty()) return lx_.fail("phrase");
    if (words.front().kind == Word::Kind::dot) return lx_.fail_at(words.front().offset, "word");
    out.clear();
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && words[i].space_before) out += ' ';
      out += words[i].text;
    }
    return true;
  }

  // local-part = dot-atom / quoted-string / obs-local-part (word *("." word)).
  bool local_part(const std::vector<Word>& words, std::string& out) {
    if (words.empty()) return lx_.fail("local part");
    out.clear();
    for (std::size_t i = 0; i < words.size(); ++i) {
      const bool want_word = i % 2 == 0;
      const bool is_word = words[i].kind != Word::Kind::dot;
      if (want_word != is_word) return lx_.fail_at(words[i].offset, want_word ? "word of local part" : "'.' or '@'");
      out += words[i].text;
    }
    if (words.back().kind == Word::Kind::dot) return lx_.fail_at(lx_.pos(), "word of local part");
    return true;
  }

  // domain = dot-atom / domain-literal / obs-domain (atom *("." atom)),
  // CFWS around the whole and, obsolete, around the dots.
  bool domain(std::string& out) {
    out.clear();
    if (!lx_.skip_cfws()) return false;
    if (lx_.peek('[')) {
      if (!lx_.domain_literal(out)) return false;
      return lx_.skip_cfws();
    }
    std::string_view atom = lx_.atom();
    if (atom.empty()) return lx_.fail("domain");
    out += atom;
    for (;;) {
      if (!lx_.skip_cfws()) return false;
      if (!lx_.consume('.')) return true;
      if (!lx_.skip_cfws()) return false;
      atom = lx_.atom();
      if (atom.empty()) return lx_.fail("domain label after '.'");
      out += '.';
      out += atom;
    }
  }

  // angle-addr = [CFWS] "<" [obs-route] addr-spec ">" [CFWS]
  bool angle_addr(Mailbox& out) {
    if (!lx_.consume('<')) return lx_.fail("'<'");
    if (!lx_.skip_cfws()) return false;
    if (lx_.peek('@') || lx_.peek(',')) {
      // obs-route = obs-domain-list ":" (§4.4)
      for (;;) {
        if (!lx_.skip_cfws()) return false;
        if (lx_.consume(',')) continue;
        if (!lx_.consume('@')) break;
        std::string hop;
        if (!domain(hop)) return false;
        if (out.route.size() >= limits_.max_items) return lx_.fail("shorter route");
        out.route.push_back(std::move(hop));
      }
      if (out.route.empty()) return lx_.fail("'@' starting a route");
      if (!lx_.consume(':')) return lx_.fail("':' ending the route");
    }
    std::vector<Word> words;
    if (!read_words(words)) return false;
    if (words.empty() && lx_.peek('>')) return lx_.fail("addr-spec");
    if (!local_part(words, out.local_part)) return false;
    if (!lx_.consume('@')) return lx_.fail("'@'");
    if (!domain(out.domain)) return false;
    if (!lx_.consume('>')) return lx_.fail("'>'");
    return lx_.skip_cfws();
  }

  // The rest of a mailbox whose leading words have been read.
  bool finish_mailbox(const std::vector<Word>& words, Mailbox& out) {
    if (lx_.peek('<')) {
      if (!words.empty()) {
        std::string name;
        if (!phrase(words, name)) return false;
        out.display_name = std::move(name);
      }
      return angle_addr(out);
    }
    if (lx_.peek('@')) {
      if (!local_part(words, out.local_part)) return false;
      lx_.consume('@');
      return domain(out.domain);
    }
    return lx_.fail(words.empty() ? "mailbox" : "'@' or '<'");
  }

  bool mailbox(Mailbox& out) {
    std::vector<Word> words;
    if (!read_words(words)) return false;
    if (lx_.peek(':')) return lx_.fail("mailbox (a group cannot appear here)");
    return finish_mailbox(words, out);
  }

  // group = display-name ":" [group-list] ";" [CFWS]
  bool finish_group(const std::vector<Word>& words, Group& out) {
    if (!phrase(words, out.display_name)) return false;
    lx_.consume(':');
    for (;;) {
      if (!lx_.skip_cfws()) return false;
      if (lx_.consume(';')) return lx_.skip_cfws();
      if (lx_.at_end()) return true;  // "undisclosed-recipients:" without ';': common, tolerated
      if (lx_.consume(',')) continue;  // obs-group-list / obs-mbox-list empty members
      if (out.members.size() >= limits_.max_items) return lx_.fail("fewer group members");
      Mailbox member;
      if (!mailbox(member)) return false;
      out.members.push_back(std::move(member));
      if (!lx_.skip_cfws()) return false;
      if (!lx_.peek(',') && !lx_.peek(';') && !lx_.at_end()) return lx_.fail("',' or ';'");
    }
  }

  bool address(Address& out) {
    std::vector<Word> words;
    if (!read_words(words)) return false;
    if (lx_.peek(':')) {
      Group group;
      if (!finish_group(words, group)) return false;
      out = std::move(group);
      return true;
    }
    Mailbox box;
    if (!finish_mailbox(words, box)) return false;
    out = std::move(box);
    return true;
  }

  bool address_list(AddressList& out) {
    for (;;) {
      if (!lx_.skip_cfws()) return false;
      if (lx_.at_end()) return true;
      if (lx_.consume(',')) continue;  // obs-addr-list empty members
      if (out.size() >= limits_.max_items) return lx_.fail("at most " + std::to_string(limits_.max_items) + " addresses");
      Address address_value;
      if (!address(address_value)) return false;
      out.push_back(std::move(address_value));
      if (!lx_.skip_cfws()) return false;
      if (lx_.at_end()) return true;
      if (!lx_.consume(',')) return lx_.fail("',' or end of address list");
    }
  }

 private:
  Lexer lx_;
  const FieldLimits& limits_;
};

bool is_bare_phrase(std::string_view phrase) {
  if (phrase.empty() || phrase.front() == ' ' || phrase.back() == ' ') return false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] == ' ') {
      if (phrase[i - 1] == ' ') return false;
    } else if (!is_atext(phrase[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<AddressList> parse_address_list(std::string_view value, const FieldLimits& limits) {
  AddressParser parser(value, limits);
  AddressList list;
  if (!parser.address_list(list)) return parser.lexer().error();
  return list;
}

Result<Mailbox> parse_mailbox(std::string_view value, const FieldLimits& limits) {
  AddressParser parser(value, limits);
  Mailbox box;
  if (!parser.mailbox(box)) return parser.lexer().error();
  if (!parser.lexer().skip_cfws()) return parser.lexer().error();
  if (!parser.lexer().at_end()) return ParseError{parser.lexer().pos(), "end of mailbox"};
  return box;
}

std::string serialize_phrase(std::string_view phrase) {
  return is_bare_phrase(phrase) ? std::string(phrase) : quote_string(phrase);
}

std::string serialize_addr_spec(std::string_view local_part, std::string_view domain) {
  std::string out = is_dot_atom_text(local_part) ? std::string(local_part) : quote_string(local_part);
  out += '@';
  out += domain;
  return out;
}

std::string serialize_mailbox(const Mailbox& mailbox) {
  const bool angle = mailbox.display_name.has_value() || !mailbox.route.empty();
  std::string out;
  if (mailbox.display_name) {
    out += serialize_phrase(*mailbox.display_name);
    out += ' ';
  }
  if (angle) out += '<';
  for (std::size_t i = 0; i < mailbox.route.size(); ++i) {
    out += i == 0 ? "@" : ",@";
    out += mailbox.route[i];
  }
  if (!mailbox.route.empty()) out += ':';
  out += serialize_addr_spec(mailbox.local_part, mailbox.domain);
  if (angle) out += '>';
  return out;
}

std::string serialize_address(const Address& address) {
  if (const auto* box = std::get_if<Mailbox>(&address)) return serialize_mailbox(*box);
  const auto& group = std::get<Group>(address);
  std::string out = serialize_phrase(group.display_name);
  out += ':';
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    out += i == 0 ? " " : ", ";
    out += serialize_mailbox(group.members[i]);
  }
  out += ';';
  return out;
}

std::string serialize_address_list(const AddressList& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ", ";
    out += serialize_address(list[i]);
  }
  return out;
}

}  // namespace conformance::codec::mime
