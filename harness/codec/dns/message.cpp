#include "harness/codec/dns/message.hpp"

#include <utility>

#include "harness/codec/dns/message_encoder.hpp"
#include "harness/codec/dns/name_wire.hpp"
#include "harness/codec/dns/rdata_wire.hpp"
#include "harness/codec/dns/wire.hpp"

namespace conformance::codec::dns {
namespace {

constexpr std::size_t max_count = 0xFFFF;

// Header flag bits (RFC 1035 §4.1.1; AD and CD from RFC 4035 §3.2).
constexpr std::uint16_t flag_qr = 0x8000;
constexpr std::uint16_t flag_aa = 0x0400;
constexpr std::uint16_t flag_tc = 0x0200;
constexpr std::uint16_t flag_rd = 0x0100;
constexpr std::uint16_t flag_ra = 0x0080;
constexpr std::uint16_t flag_z = 0x0040;
constexpr std::uint16_t flag_ad = 0x0020;
constexpr std::uint16_t flag_cd = 0x0010;
constexpr int opcode_shift = 11;

// OPT TTL field (RFC 6891 §6.1.3): EXTENDED-RCODE, VERSION, DO, Z.
constexpr std::uint32_t opt_do = 0x8000;

enum class Section { answer, authority, additional };

const char* section_name(Section section) {
  switch (section) {
    case Section::answer: return "answer";
    case Section::authority: return "authority";
    case Section::additional: return "additional";
  }
  return "";
}

Header header_fields(std::string_view wire) {
  const std::uint16_t flags = wire::u16(wire, 2);
  Header h;
  h.id = wire::u16(wire, 0);
  h.qr = flags & flag_qr;
  h.opcode = static_cast<Opcode>((flags >> opcode_shift) & 0x0F);
  h.aa = flags & flag_aa;
  h.tc = flags & flag_tc;
  h.rd = flags & flag_rd;
  h.ra = flags & flag_ra;
  h.z = flags & flag_z;
  h.ad = flags & flag_ad;
  h.cd = flags & flag_cd;
  h.rcode = static_cast<std::uint8_t>(flags & 0x0F);
  return h;
}

class MessageDecoder {
 public:
  MessageDecoder(std::string_view wire, const Limits& limits) : wire_(wire), limits_(limits) {}

  Result<Message> decode() {
    if (wire_.size() > limits_.max_message_size)
      return ParseError{limits_.max_message_size,
                        "message of at most " + std::to_string(limits_.max_message_size) + " octets"};
    if (wire_.size() < header_size) return ParseError{wire_.size(), "12-octet header"};
    Message m;
    m.header = header_fields(wire_);
    const std::uint16_t counts[4] = {wire::u16(wire_, 4), wire::u16(wire_, 6), wire::u16(wire_, 8),
                                     wire::u16(wire_, 10)};
    at_ = header_size;
    // Sections grow one decoded entry at a time: a count of 65535 with no
    // data behind it costs nothing before it fails.
    for (std::size_t i = 0; i < counts[0]; ++i) {
      auto question = decode_question(i, counts[0]);
      if (!question) return question.error();
      m.questions.push_back(std::move(*question));
    }
    if (auto error = decode_section(Section::answer, counts[1], m.answers, m)) return *error;
    if (auto error = decode_section(Section::authority, counts[2], m.authorities, m)) return *error;
    if (auto error = decode_section(Section::additional, counts[3], m.additionals, m)) return *error;
    if (at_ != wire_.size()) {
      return ParseError{at_, "end of message (" + std::to_string(wire_.size() - at_) +
                                 " octets follow the records the header counts)"};
    }
    return m;
  }

 private:
  std::string where(const char* what, std::size_t index, std::size_t count) const {
    return std::string(what) + " " + std::to_string(index + 1) + " of " + std::to_string(count);
  }

  Result<Question> decode_question(std::size_t index, std::size_t count) {
    auto name = read_name(wire_, at_, wire_.size(), limits_.max_pointer_jumps);
    if (!name) return name.error();
    at_ = name->end;
    if (wire_.size() - at_ < 4) return ParseError{at_, "QTYPE and QCLASS of " + where("question", index, count)};
    Question q{std::move(name->name), static_cast<RecordType>(wire::u16(wire_, at_)),
               static_cast<RecordClass>(wire::u16(wire_, at_ + 2))};
    at_ += 4;
    return q;
  }

  std::optional<ParseError> decode_section(Section section, std::size_t count, std::vector<ResourceRecord>& out,
                                           Message& m) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t record_start = at_;
      auto name = read_name(wire_, at_, wire_.size(), limits_.max_pointer_jumps);
      if (!name) return name.error();
      at_ = name->end;
      if (wire_.size() - at_ < 10) {
        return ParseError{at_,
                          "TYPE, CLASS, TTL and RDLENGTH of " + where(section_name(section), i, count) + " record"};
      }
      const auto type = static_cast<RecordType>(wire::u16(wire_, at_));
      const auto rclass = static_cast<RecordClass>(wire::u16(wire_, at_ + 2));
      const std::uint32_t ttl = wire::u32(wire_, at_ + 4);
      const std::size_t rdlength = wire::u16(wire_, at_ + 8);
      at_ += 10;
      if (wire_.size() - at_ < rdlength) {
        return ParseError{wire_.size(), std::to_string(rdlength) + " octets of RDATA (RDLENGTH) of " +
                                            where(section_name(section), i, count) + " record"};
      }
      const std::size_t rdata_end = at_ + rdlength;
      if (type == RecordType::opt) {
        if (auto error = decode_opt(section, record_start, name->name, rclass, ttl, rdata_end, m)) return error;
      } else {
        auto rdata = decode_rdata(wire_, type, rclass, at_, rdata_end, limits_.max_pointer_jumps);
        if (!rdata) return rdata.error();
        out.push_back(ResourceRecord{std::move(name->name), rclass, ttl, std::move(*rdata)});
      }
      at_ = rdata_end;
    }
    return std::nullopt;
  }

  // RFC 6891 §6.1.1-§6.1.3.
  std::optional<ParseError> decode_opt(Section section, std::size_t record_start, const DomainName& owner,
                                       RecordClass rclass, std::uint32_t ttl, std::size_t end, Message& m) {
    if (section != Section::additional) return ParseError{record_start, "OPT record only in the additional section"};
    if (m.edns) return ParseError{record_start, "at most one OPT record"};
    if (!owner.is_root()) return ParseError{record_start, "root owner name for the OPT record"};
    Edns edns;
    edns.udp_payload_size = static_cast<std::uint16_t>(rclass);
    edns.extended_rcode = static_cast<std::uint8_t>(ttl >> 24);
    edns.version = static_cast<std::uint8_t>((ttl >> 16) & 0xFF);
    edns.dnssec_ok = ttl & opt_do;
    edns.z = static_cast<std::uint16_t>(ttl & 0x7FFF);
    std::size_t at = at_;
    while (at < end) {
      if (end - at < 4) return ParseError{at, "OPTION-CODE and OPTION-LENGTH within RDLENGTH"};
      EdnsOption option;
      option.code = wire::u16(wire_, at);
      const std::size_t length = wire::u16(wire_, at + 2);
      at += 4;
      if (end - at < length) return ParseError{at, std::to_string(length) + " octets of OPTION-DATA within RDLENGTH"};
      option.data.assign(wire_.substr(at, length));
      at += length;
      edns.options.push_back(std::move(option));
    }
    m.edns = std::move(edns);
    return std::nullopt;
  }

  std::string_view wire_;
  const Limits& limits_;
  std::size_t at_ = 0;
};

class MessageEncoder {
 public:
  explicit MessageEncoder(const EncodeOptions& options) : options_(options), names_(options.compress_names) {}

  Result<EncodedMessage> encode(const Message& m) {
    if (auto error = header(m)) return *error;
    for (const auto& q : m.questions) {
      names_.write(out_.wire, q.name, true);
      wire::put_u16(out_.wire, static_cast<std::uint16_t>(q.type));
      wire::put_u16(out_.wire, static_cast<std::uint16_t>(q.qclass));
    }
    out_.ends.push_back(out_.wire.size());
    for (const auto* section : {&m.answers, &m.authorities, &m.additionals}) {
      for (const auto& rr : *section) {
        if (auto error = record(rr)) return *error;
        out_.ends.push_back(out_.wire.size());
      }
    }
    if (m.edns) {
      const std::size_t before = out_.wire.size();
      if (auto error = opt(*m.edns)) return *error;
      out_.opt_size = out_.wire.size() - before;
    }
    if (out_.wire.size() > options_.max_message_size)
      return ParseError{options_.max_message_size,
                        "message of at most " + std::to_string(options_.max_message_size) + " octets"};
    return std::move(out_);
  }

 private:
  std::optional<ParseError> header(const Message& m) {
    const Header& h = m.header;
    if (static_cast<unsigned>(h.opcode) > 0x0F) return ParseError{2, "opcode of at most 15"};
    if (h.rcode > 0x0F) return ParseError{3, "header RCODE of at most 15 (the upper bits go in the OPT record)"};
    const std::size_t counts[4] = {m.questions.size(), m.answers.size(), m.authorities.size(),
                                   m.additionals.size() + (m.edns ? 1 : 0)};
    for (std::size_t i = 0; i < 4; ++i)
      if (counts[i] > max_count) return ParseError{4 + 2 * i, "at most 65535 entries in a section"};
    std::uint16_t flags = static_cast<std::uint16_t>(static_cast<unsigned>(h.opcode) << opcode_shift);
    if (h.qr) flags |= flag_qr;
    if (h.aa) flags |= flag_aa;
    if (h.tc) flags |= flag_tc;
    if (h.rd) flags |= flag_rd;
    if (h.ra) flags |= flag_ra;
    if (h.z) flags |= flag_z;
    if (h.ad) flags |= flag_ad;
    if (h.cd) flags |= flag_cd;
    flags |= h.rcode;
    wire::put_u16(out_.wire, h.id);
    wire::put_u16(out_.wire, flags);
    for (std::size_t count : counts) wire::put_u16(out_.wire, static_cast<std::uint16_t>(count));
    return std::nullopt;
  }

  std::optional<ParseError> record(const ResourceRecord& rr) {
    names_.write(out_.wire, rr.name, true);
    wire::put_u16(out_.wire, static_cast<std::uint16_t>(rr.type()));
    wire::put_u16(out_.wire, static_cast<std::uint16_t>(rr.rclass));
    wire::put_u32(out_.wire, rr.ttl);
    const std::size_t rdlength_at = out_.wire.size();
    wire::put_u16(out_.wire, 0);
    if (auto error = encode_rdata(out_.wire, rr.rdata, names_)) return error;
    const std::size_t rdlength = out_.wire.size() - rdlength_at - 2;
    if (rdlength > 0xFFFF) return ParseError{rdlength_at, "RDATA of at most 65535 octets"};
    wire::patch_u16(out_.wire, rdlength_at, static_cast<std::uint16_t>(rdlength));
    return std::nullopt;
  }

  std::optional<ParseError> opt(const Edns& edns) {
    if (edns.z > 0x7FFF) return ParseError{out_.wire.size(), "EDNS Z flags of at most 15 bits"};
    out_.wire += '\0';
    wire::put_u16(out_.wire, static_cast<std::uint16_t>(RecordType::opt));
    wire::put_u16(out_.wire, edns.udp_payload_size);
    std::uint32_t ttl = (static_cast<std::uint32_t>(edns.extended_rcode) << 24) |
                        (static_cast<std::uint32_t>(edns.version) << 16) | edns.z;
    if (edns.dnssec_ok) ttl |= opt_do;
    wire::put_u32(out_.wire, ttl);
    const std::size_t rdlength_at = out_.wire.size();
    wire::put_u16(out_.wire, 0);
    for (const auto& option : edns.options) {
      if (option.data.size() > 0xFFFF) return ParseError{out_.wire.size(), "OPTION-DATA of at most 65535 octets"};
      wire::put_u16(out_.wire, option.code);
      wire::put_u16(out_.wire, static_cast<std::uint16_t>(option.data.size()));
      out_.wire += option.data;
    }
    const std::size_t rdlength = out_.wire.size() - rdlength_at - 2;
    if (rdlength > 0xFFFF) return ParseError{rdlength_at, "OPT RDATA of at most 65535 octets"};
    wire::patch_u16(out_.wire, rdlength_at, static_cast<std::uint16_t>(rdlength));
    return std::nullopt;
  }

  const EncodeOptions& options_;
  NameCompressor names_;
  EncodedMessage out_;
};

}  // namespace

Result<Header> decode_header(std::string_view wire) {
  if (wire.size() < header_size) return ParseError{wire.size(), "12-octet header"};
  return header_fields(wire);
}

Result<Message> decode_message(std::string_view wire, const Limits& limits) {
  return MessageDecoder(wire, limits).decode();
}

Result<EncodedMessage> encode_message_with_ends(const Message& message, const EncodeOptions& options) {
  return MessageEncoder(options).encode(message);
}

Result<std::string> encode_message(const Message& message, const EncodeOptions& options) {
  auto encoded = encode_message_with_ends(message, options);
  if (!encoded) return encoded.error();
  return std::move(encoded->wire);
}

std::size_t opt_record_size(const Edns& edns) {
  std::size_t size = 11;
  for (const auto& option : edns.options) size += 4 + option.data.size();
  return size;
}

Rcode rcode_of(const Message& message) {
  unsigned value = message.header.rcode & 0x0F;
  if (message.edns) value |= static_cast<unsigned>(message.edns->extended_rcode) << 4;
  return static_cast<Rcode>(value);
}

void set_rcode(Message& message, Rcode rcode) {
  const auto value = static_cast<unsigned>(rcode);
  message.header.rcode = static_cast<std::uint8_t>(value & 0x0F);
  const auto upper = static_cast<std::uint8_t>((value >> 4) & 0xFF);
  if (upper != 0 && !message.edns) message.edns.emplace();
  if (message.edns) message.edns->extended_rcode = upper;
}

}  // namespace conformance::codec::dns
