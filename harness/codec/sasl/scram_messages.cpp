#include "harness/codec/sasl/scram_messages.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/sasl/text.hpp"

namespace conformance::codec::sasl {
namespace {

struct Attribute {
  char name;
  std::string_view value;
  std::size_t value_offset;  // in the whole message
};

// Walks a SCRAM message attribute by attribute, keeping byte offsets.
class AttributeCursor {
 public:
  AttributeCursor(std::string_view message, std::size_t base) : message_(message), base_(base) {}

  bool at_end() const { return at_ >= message_.size(); }
  std::size_t offset() const { return base_ + at_; }
  bool next_is(char name) const {
    return at_ + 1 < message_.size() && message_[at_] == name && message_[at_ + 1] == '=';
  }

  // attr-val = ALPHA "=" value, the value running to the next ',' or the end.
  Result<Attribute> read() {
    if (at_end() || !is_alpha(message_[at_])) return ParseError{offset(), "attribute name (a letter)"};
    if (at_ + 1 >= message_.size() || message_[at_ + 1] != '=')
      return ParseError{offset() + 1, "'=' after the attribute name"};
    const char name = message_[at_];
    const std::size_t value_at = at_ + 2;
    std::size_t end = message_.find(',', value_at);
    if (end == std::string_view::npos) end = message_.size();
    at_ = end;
    return Attribute{name, message_.substr(value_at, end - value_at), base_ + value_at};
  }

  Result<Attribute> read(char expected) {
    if (!next_is(expected)) return ParseError{offset(), std::string("attribute \"") + expected + "=\""};
    return read();
  }

  std::optional<ParseError> comma() {
    if (at_end() || message_[at_] != ',') return ParseError{offset(), "','"};
    ++at_;
    return std::nullopt;
  }

  std::optional<ParseError> end() const {
    if (!at_end()) return ParseError{offset(), "end of message"};
    return std::nullopt;
  }

 private:
  std::string_view message_;
  std::size_t base_;
  std::size_t at_ = 0;
};

// value = 1*value-char: UTF-8 without NUL and ',' ('=' is allowed).
std::optional<ParseError> check_value(const Attribute& a) {
  if (a.value.empty()) return ParseError{a.value_offset, "attribute value"};
  if (const auto nul = a.value.find('\0'); nul != std::string_view::npos)
    return ParseError{a.value_offset + nul, "value character (not NUL)"};
  if (const auto bad = find_invalid_utf8(a.value); bad != std::string_view::npos)
    return ParseError{a.value_offset + bad, "UTF-8 in attribute value"};
  return std::nullopt;
}

bool is_printable(char c) { return (c >= 0x21 && c <= 0x2B) || (c >= 0x2D && c <= 0x7E); }

Result<std::string> read_nonce(const Attribute& a) {
  if (a.value.empty()) return ParseError{a.value_offset, "nonce"};
  for (std::size_t i = 0; i < a.value.size(); ++i)
    if (!is_printable(a.value[i])) return ParseError{a.value_offset + i, "nonce character (printable ASCII but ',')"};
  return std::string(a.value);
}

Result<std::string> read_base64(const Attribute& a) {
  auto decoded = base64_decode(a.value);
  if (!decoded) return ParseError{a.value_offset + decoded.error().offset, decoded.error().expected};
  return decoded;
}

// posit-number = %x31-39 *DIGIT, here bounded to 32 bits.
Result<std::uint32_t> read_iterations(const Attribute& a) {
  if (a.value.empty() || a.value[0] < '1' || a.value[0] > '9')
    return ParseError{a.value_offset, "iteration count (a digit 1-9 first)"};
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < a.value.size(); ++i) {
    if (!is_digit(a.value[i])) return ParseError{a.value_offset + i, "digit"};
    value = value * 10 + static_cast<std::uint64_t>(a.value[i] - '0');
    if (value > 0xFFFFFFFFu) return ParseError{a.value_offset + i, "iteration count below 2^32"};
  }
  return static_cast<std::uint32_t>(value);
}

// "m=" reserved-mext at the start of client-first-bare and server-first.
Result<std::optional<std::string>> read_mandatory_extension(AttributeCursor& cursor) {
  if (!cursor.next_is('m')) return std::optional<std::string>();
  auto a = cursor.read('m');
  if (!a) return a.error();
  if (auto e = check_value(*a)) return *e;
  if (auto e = cursor.comma()) return *e;
  return std::optional<std::string>(std::string(a->value));
}

// ["," extensions] up to the end, or up to an attribute named `stop`.
std::optional<ParseError> read_extensions(AttributeCursor& cursor, std::vector<ScramExtension>& out, char stop) {
  while (!cursor.at_end()) {
    if (auto e = cursor.comma()) return e;
    if (stop != '\0' && cursor.next_is(stop)) return std::nullopt;
    auto a = cursor.read();
    if (!a) return a.error();
    if (auto e = check_value(*a)) return e;
    out.push_back(ScramExtension{a->name, std::string(a->value)});
  }
  return std::nullopt;
}

std::optional<ParseError> check_size(std::string_view message, const Limits& limits) {
  if (message.size() > limits.max_message_length)
    return ParseError{limits.max_message_length,
                      "message of at most " + std::to_string(limits.max_message_length) + " octets"};
  return std::nullopt;
}

void append_extensions(std::string& out, const std::vector<ScramExtension>& extensions) {
  for (const auto& ext : extensions) {
    out.push_back(',');
    out.push_back(ext.name);
    out.push_back('=');
    out += ext.value;
  }
}

}  // namespace

bool is_valid_scram_nonce(std::string_view nonce) {
  if (nonce.empty()) return false;
  for (char c : nonce)
    if (!is_printable(c)) return false;
  return true;
}

Result<ScramClientFirst> parse_scram_client_first(std::string_view message, const Limits& limits) {
  if (auto e = check_size(message, limits)) return *e;
  auto gs2 = parse_gs2_header(message, limits);
  if (!gs2) return gs2.error();
  ScramClientFirst out;
  out.gs2 = std::move(gs2->header);
  AttributeCursor cursor(message.substr(gs2->consumed), gs2->consumed);
  auto mext = read_mandatory_extension(cursor);
  if (!mext) return mext.error();
  out.mandatory_extension = std::move(*mext);

  auto user = cursor.read('n');
  if (!user) return user.error();
  auto name = decode_saslname(user->value, user->value_offset, limits.max_identity_length);
  if (!name) return name.error();
  out.username = std::move(*name);

  if (auto e = cursor.comma()) return *e;
  auto r = cursor.read('r');
  if (!r) return r.error();
  auto nonce = read_nonce(*r);
  if (!nonce) return nonce.error();
  out.nonce = std::move(*nonce);

  if (auto e = read_extensions(cursor, out.extensions, '\0')) return *e;
  return out;
}

Result<ScramServerFirst> parse_scram_server_first(std::string_view message, const Limits& limits) {
  if (auto e = check_size(message, limits)) return *e;
  ScramServerFirst out;
  AttributeCursor cursor(message, 0);
  auto mext = read_mandatory_extension(cursor);
  if (!mext) return mext.error();
  out.mandatory_extension = std::move(*mext);

  auto r = cursor.read('r');
  if (!r) return r.error();
  auto nonce = read_nonce(*r);
  if (!nonce) return nonce.error();
  out.nonce = std::move(*nonce);

  if (auto e = cursor.comma()) return *e;
  auto s = cursor.read('s');
  if (!s) return s.error();
  auto salt = read_base64(*s);
  if (!salt) return salt.error();
  out.salt = std::move(*salt);

  if (auto e = cursor.comma()) return *e;
  auto i = cursor.read('i');
  if (!i) return i.error();
  auto iterations = read_iterations(*i);
  if (!iterations) return iterations.error();
  out.iterations = *iterations;

  if (auto e = read_extensions(cursor, out.extensions, '\0')) return *e;
  return out;
}

Result<ScramClientFinal> parse_scram_client_final(std::string_view message, const Limits& limits) {
  if (auto e = check_size(message, limits)) return *e;
  ScramClientFinal out;
  AttributeCursor cursor(message, 0);
  auto c = cursor.read('c');
  if (!c) return c.error();
  auto binding = read_base64(*c);
  if (!binding) return binding.error();
  out.channel_binding = std::move(*binding);

  if (auto e = cursor.comma()) return *e;
  auto r = cursor.read('r');
  if (!r) return r.error();
  auto nonce = read_nonce(*r);
  if (!nonce) return nonce.error();
  out.nonce = std::move(*nonce);

  // Extensions sit between the nonce and the proof, which comes last.
  if (auto e = read_extensions(cursor, out.extensions, 'p')) return *e;
  if (cursor.at_end()) return ParseError{cursor.offset(), "\",p=\" proof"};
  auto p = cursor.read('p');
  if (!p) return p.error();
  auto proof = read_base64(*p);
  if (!proof) return proof.error();
  out.proof = std::move(*proof);
  if (auto e = cursor.end()) return *e;
  return out;
}

Result<ScramServerFinal> parse_scram_server_final(std::string_view message, const Limits& limits) {
  if (auto e = check_size(message, limits)) return *e;
  ScramServerFinal out;
  AttributeCursor cursor(message, 0);
  if (cursor.next_is('e')) {
    auto e = cursor.read('e');
    if (!e) return e.error();
    if (auto bad = check_value(*e)) return *bad;
    out.error = std::string(e->value);
  } else {
    auto v = cursor.read('v');
    if (!v) return ParseError{0, "attribute \"v=\" or \"e=\""};
    auto verifier = read_base64(*v);
    if (!verifier) return verifier.error();
    out.verifier = std::move(*verifier);
  }
  if (auto e = read_extensions(cursor, out.extensions, '\0')) return *e;
  return out;
}

std::string serialize_scram_client_first_bare(const ScramClientFirst& message) {
  std::string out;
  if (message.mandatory_extension) out += "m=" + *message.mandatory_extension + ",";
  out += "n=" + encode_saslname(message.username) + ",r=" + message.nonce;
  append_extensions(out, message.extensions);
  return out;
}

std::string serialize_scram_client_first(const ScramClientFirst& message) {
  return serialize_gs2_header(message.gs2) + serialize_scram_client_first_bare(message);
}

std::string serialize_scram_server_first(const ScramServerFirst& message) {
  std::string out;
  if (message.mandatory_extension) out += "m=" + *message.mandatory_extension + ",";
  out += "r=" + message.nonce + ",s=" + base64_encode(message.salt) + ",i=" + std::to_string(message.iterations);
  append_extensions(out, message.extensions);
  return out;
}

std::string serialize_scram_client_final_without_proof(const ScramClientFinal& message) {
  std::string out = "c=" + base64_encode(message.channel_binding) + ",r=" + message.nonce;
  append_extensions(out, message.extensions);
  return out;
}

std::string serialize_scram_client_final(const ScramClientFinal& message) {
  return serialize_scram_client_final_without_proof(message) + ",p=" + base64_encode(message.proof);
}

std::string serialize_scram_server_final(const ScramServerFinal& message) {
  std::string out = message.error ? "e=" + *message.error : "v=" + base64_encode(message.verifier);
  append_extensions(out, message.extensions);
  return out;
}

}  // namespace conformance::codec::sasl
