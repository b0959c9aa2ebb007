#include "harness/codec/dns/rdata.hpp"

#include <array>
#include <optional>
#include <utility>

#include "harness/codec/dns/rdata_wire.hpp"
#include "harness/codec/dns/wire.hpp"

namespace conformance::codec::dns {
namespace {

// Walks the fields of one RDATA, refusing to read past RDLENGTH. The first
// failure is kept and later reads become no-ops, so decoders read their
// fields in a straight line and check once.
class FieldReader {
 public:
  FieldReader(std::string_view message, std::size_t begin, std::size_t end, std::size_t max_jumps, RecordType type)
      : message_(message), begin_(begin), at_(begin), end_(end), max_jumps_(max_jumps), type_(type) {}

  std::uint8_t u8(std::string_view field) { return take(1, field) ? wire::u8(message_, at_ - 1) : 0; }
  std::uint16_t u16(std::string_view field) { return take(2, field) ? wire::u16(message_, at_ - 2) : 0; }
  std::uint32_t u32(std::string_view field) { return take(4, field) ? wire::u32(message_, at_ - 4) : 0; }

  template <std::size_t N>
  std::array<std::uint8_t, N> octets(std::string_view field) {
    std::array<std::uint8_t, N> out{};
    if (take(N, field))
      for (std::size_t i = 0; i < N; ++i) out[i] = wire::u8(message_, at_ - N + i);
    return out;
  }

  std::string rest() {
    if (error_) return {};
    std::string out(message_.substr(at_, end_ - at_));
    at_ = end_;
    return out;
  }

  // RFC 1035 §3.3: a length octet and that many octets.
  std::string character_string(std::string_view field) {
    const std::uint8_t length = u8(field);
    if (!take(length, field)) return {};
    return std::string(message_.substr(at_ - length, length));
  }

  DomainName name() {
    if (error_) return {};
    auto read = read_name(message_, at_, end_, max_jumps_);
    if (!read) {
      error_ = read.error();
      return {};
    }
    at_ = read->end;
    return std::move(read->name);
  }

  bool at_end() const { return at_ >= end_; }
  bool failed() const { return error_.has_value(); }

  // The error of the first failed read, or one for octets left unused.
  std::optional<ParseError> finish() {
    if (!error_ && at_ != end_) {
      error_ = ParseError{at_, "end of " + to_text(type_) + " RDATA (RDLENGTH is " + std::to_string(end_ - begin_) +
                                   " but the fields end after " + std::to_string(at_ - begin_) + ")"};
    }
    return error_;
  }

 private:
  bool take(std::size_t count, std::string_view field) {
    if (error_) return false;
    if (end_ - at_ < count) {
      error_ = ParseError{
          at_, to_text(type_) + " " + std::string(field) + " within RDLENGTH " + std::to_string(end_ - begin_)};
      return false;
    }
    at_ += count;
    return true;
  }

  std::string_view message_;
  std::size_t begin_;
  std::size_t at_;
  std::size_t end_;
  std::size_t max_jumps_;
  RecordType type_;  // named only in errors, so the happy path builds no strings
  std::optional<ParseError> error_;
};

template <class T>
Result<Rdata> finish(FieldReader& reader, T value) {
  if (auto error = reader.finish()) return *error;
  return Rdata(std::move(value));
}

std::optional<ParseError> put_character_string(std::string& out, const std::string& text) {
  // RFC 1035 §3.3: a single length octet.
  if (text.size() > 255) return ParseError{out.size(), "character-string of at most 255 octets"};
  wire::put_u8(out, static_cast<std::uint8_t>(text.size()));
  out += text;
  return std::nullopt;
}

// RFC 3597 §4: only names in RDATA of the types RFC 1035 defines may be
// compressed; for later types (SRV, and the unknown) they must not be.
struct RdataEncoder {
  std::string& out;
  NameCompressor& names;

  std::optional<ParseError> operator()(const ARdata& r) {
    for (auto octet : r.address) wire::put_u8(out, octet);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const AaaaRdata& r) {
    for (auto octet : r.address) wire::put_u8(out, octet);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const NsRdata& r) {
    names.write(out, r.host, true);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const CnameRdata& r) {
    names.write(out, r.target, true);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const PtrRdata& r) {
    names.write(out, r.target, true);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const MxRdata& r) {
    wire::put_u16(out, r.preference);
    names.write(out, r.exchange, true);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const TxtRdata& r) {
    for (const auto& text : r.strings)
      if (auto error = put_character_string(out, text)) return error;
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const SoaRdata& r) {
    names.write(out, r.mname, true);
    names.write(out, r.rname, true);
    for (auto value : {r.serial, r.refresh, r.retry, r.expire, r.minimum}) wire::put_u32(out, value);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const SrvRdata& r) {
    wire::put_u16(out, r.priority);
    wire::put_u16(out, r.weight);
    wire::put_u16(out, r.port);
    names.write(out, r.target, false);
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const TlsaRdata& r) {
    wire::put_u8(out, r.usage);
    wire::put_u8(out, r.selector);
    wire::put_u8(out, r.matching_type);
    out += r.data;
    return std::nullopt;
  }
  std::optional<ParseError> operator()(const UnknownRdata& r) {
    out += r.data;
    return std::nullopt;
  }
};

struct TypeOf {
  RecordType operator()(const ARdata&) const { return RecordType::a; }
  RecordType operator()(const AaaaRdata&) const { return RecordType::aaaa; }
  RecordType operator()(const NsRdata&) const { return RecordType::ns; }
  RecordType operator()(const CnameRdata&) const { return RecordType::cname; }
  RecordType operator()(const PtrRdata&) const { return RecordType::ptr; }
  RecordType operator()(const MxRdata&) const { return RecordType::mx; }
  RecordType operator()(const TxtRdata&) const { return RecordType::txt; }
  RecordType operator()(const SoaRdata&) const { return RecordType::soa; }
  RecordType operator()(const SrvRdata&) const { return RecordType::srv; }
  RecordType operator()(const TlsaRdata&) const { return RecordType::tlsa; }
  RecordType operator()(const UnknownRdata& r) const { return r.type; }
};

}  // namespace

std::string TxtRdata::joined() const {
  std::string out;
  for (const auto& text : strings) out += text;
  return out;
}

RecordType type_of(const Rdata& rdata) { return std::visit(TypeOf{}, rdata); }

Result<Rdata> decode_rdata(std::string_view message, RecordType type, RecordClass rclass, std::size_t begin,
                           std::size_t end, std::size_t max_pointer_jumps) {
  FieldReader r(message, begin, end, max_pointer_jumps, type);
  switch (type) {
    case RecordType::a:
      if (rclass != RecordClass::in) break;
      return finish(r, ARdata{r.octets<4>("address")});
    case RecordType::aaaa:
      if (rclass != RecordClass::in) break;
      return finish(r, AaaaRdata{r.octets<16>("address")});
    case RecordType::ns: return finish(r, NsRdata{r.name()});
    case RecordType::cname: return finish(r, CnameRdata{r.name()});
    case RecordType::ptr: return finish(r, PtrRdata{r.name()});
    case RecordType::mx: {
      MxRdata mx;
      mx.preference = r.u16("preference");
      mx.exchange = r.name();
      return finish(r, std::move(mx));
    }
    case RecordType::txt: {
      // Empty RDATA (no strings at all) is kept as such rather than refused,
      // so that a server sending it can be reported, not just failed.
      TxtRdata txt;
      while (!r.at_end() && !r.failed()) {
        std::string text = r.character_string("character-string");
        if (!r.failed()) txt.strings.push_back(std::move(text));
      }
      return finish(r, std::move(txt));
    }
    case RecordType::soa: {
      SoaRdata soa;
      soa.mname = r.name();
      soa.rname = r.name();
      soa.serial = r.u32("SERIAL");
      soa.refresh = r.u32("REFRESH");
      soa.retry = r.u32("RETRY");
      soa.expire = r.u32("EXPIRE");
      soa.minimum = r.u32("MINIMUM");
      return finish(r, std::move(soa));
    }
    case RecordType::srv: {
      // RFC 3597 §4 asks receivers to accept a compressed SRV target, which
      // RFC 2052 once required; read_name does.
      SrvRdata srv;
      srv.priority = r.u16("priority");
      srv.weight = r.u16("weight");
      srv.port = r.u16("port");
      srv.target = r.name();
      return finish(r, std::move(srv));
    }
    case RecordType::tlsa: {
      TlsaRdata tlsa;
      tlsa.usage = r.u8("certificate usage");
      tlsa.selector = r.u8("selector");
      tlsa.matching_type = r.u8("matching type");
      tlsa.data = r.rest();
      return finish(r, std::move(tlsa));
    }
    default: break;
  }
  return Rdata(UnknownRdata{type, std::string(message.substr(begin, end - begin))});
}

std::optional<ParseError> encode_rdata(std::string& out, const Rdata& rdata, NameCompressor& names) {
  return std::visit(RdataEncoder{out, names}, rdata);
}

}  // namespace conformance::codec::dns
