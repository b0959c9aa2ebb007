#include "harness/codec/imap/response/parse_context.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {

ReaderOptions response_reader_options(const ParseOptions& options) {
  ReaderOptions reader;
  reader.max_depth = options.limits.max_list_depth;
  reader.allow_bare_lf = options.allow_bare_lf;
  reader.allow_8bit_quoted = true;  // IMAP4rev2 QUOTED-CHAR includes UTF-8
  reader.allow_literal8 = true;     // read, then checked where it may appear
  return reader;
}

ParseContext::ParseContext(std::string_view input, const ParseOptions& options, std::vector<Leniency>* leniencies,
                           std::size_t base)
    : r(input, response_reader_options(options)), options_(options), leniencies_(leniencies), base_(base) {}

bool ParseContext::tolerate(std::size_t at, std::string_view what, std::string expected) {
  if (!r.ok()) return false;
  if (!options_.lenient) {
    r.fail_at(at, std::move(expected));
    return false;
  }
  if (leniencies_) leniencies_->push_back(Leniency{base_ + at, std::string(what)});
  return true;
}

bool ParseContext::count_element() {
  if (++elements_ > options_.limits.max_elements && r.ok())
    r.fail("at most " + std::to_string(options_.limits.max_elements) + " list elements in one response");
  return r.ok();
}

void ParseContext::sp() {
  r.sp();
  if (r.ok() && r.peek() == ' ' && tolerate(r.offset(), "more than one SP", "a single SP")) {
    while (r.try_consume(' ')) {
    }
  }
}

bool ParseContext::more() {
  if (!r.ok() || r.peek() != ' ' || r.peek(1) == ')') return false;
  sp();
  return r.ok();
}

void ParseContext::close() {
  if (r.ok() && r.peek() == ' ') {
    std::size_t ahead = 0;
    while (r.peek(ahead) == ' ') ++ahead;
    if (r.peek(ahead) == ')' && tolerate(r.offset(), "SP before ')'", "')'")) {
      while (r.try_consume(' ')) {
      }
    }
  }
  r.close();
}

bool ParseContext::at_nil() const {
  const std::string_view rest = r.rest();
  return rest.size() >= 3 && iequals(rest.substr(0, 3), "NIL") &&
         (rest.size() == 3 || !is_atom_char(static_cast<unsigned char>(rest[3])));
}

void ParseContext::check_string_form(std::size_t at, StringForm form, bool allow_literal8) {
  if (form == StringForm::literal_non_synchronizing)
    tolerate(at, "non-synchronizing literal from a server", "synchronizing literal (RFC 9051 §9: no {N+} from a server)");
  else if (form == StringForm::literal8 && !allow_literal8)
    tolerate(at, "literal8 outside BINARY or METADATA", "string (literal8 only in BINARY data)");
}

std::string ParseContext::string(StringForm* form, bool allow_literal8) {
  if (!r.ok()) return {};
  const std::size_t at = r.offset();
  StringForm read_form = StringForm::quoted;
  std::string value;
  if (!r.starts_string() && is_astring_char(static_cast<unsigned char>(r.peek())) &&
      tolerate(at, "atom where a string is due", "string")) {
    // Recorded as quoted, the form a conforming server would have used, so
    // that what lenient parsing returns is what the writer writes back.
    value = std::string(r.astring_atom());
    read_form = StringForm::quoted;
  } else {
    value = r.string(&read_form);
    check_string_form(at, read_form, allow_literal8);
  }
  if (form) *form = read_form;
  return r.ok() ? value : std::string();
}

NString ParseContext::nstring(StringForm* form, bool allow_literal8) {
  if (!r.ok()) return std::nullopt;
  if (try_nil()) {
    if (form) *form = StringForm::atom;
    return std::nullopt;
  }
  if (!r.starts_string() && !is_astring_char(static_cast<unsigned char>(r.peek()))) {
    r.fail("string or NIL");
    return std::nullopt;
  }
  std::string value = string(form, allow_literal8);
  if (!r.ok()) return std::nullopt;
  return value;
}

std::string ParseContext::astring(StringForm* form) {
  if (!r.ok()) return {};
  const std::size_t at = r.offset();
  StringForm read_form = StringForm::atom;
  std::string value = r.astring(&read_form);
  if (read_form != StringForm::atom) check_string_form(at, read_form, false);
  if (form) *form = read_form;
  return r.ok() ? value : std::string();
}

std::vector<std::string> ParseContext::flag_list(bool allow_star) {
  std::vector<std::string> flags;
  if (!r.ok()) return flags;
  if (at_nil() && tolerate(r.offset(), "NIL where a flag list is due", "'('")) {
    try_nil();
    return flags;
  }
  r.open();
  if (r.ok() && r.peek() != ')' && r.peek() != ' ') {
    do {
      const std::size_t at = r.offset();
      std::string flag = r.flag();
      if (r.ok() && flag == "\\*" && !allow_star) r.fail_at(at, "flag (\\* only in PERMANENTFLAGS)");
      if (!count_element()) break;
      flags.push_back(std::move(flag));
    } while (more());
  }
  close();
  if (!r.ok()) flags.clear();
  return flags;
}

}  // namespace conformance::codec::imap
