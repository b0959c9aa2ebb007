#include "harness/codec/dns/presentation.hpp"

#include <string_view>
#include <utility>
#include <variant>

namespace conformance::codec::dns {
namespace {

constexpr char hex_upper[] = "0123456789ABCDEF";
constexpr char hex_lower[] = "0123456789abcdef";

std::string hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto octet = static_cast<unsigned char>(c);
    out += hex_upper[octet >> 4];
    out += hex_upper[octet & 0x0F];
  }
  return out;
}

// RFC 1035 §5.1: a character-string in quotes, with '"' and '\' escaped and
// octets that are not printable ASCII as \DDD.
void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto octet = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (octet < 0x20 || octet > 0x7E) {
      out += '\\';
      out += static_cast<char>('0' + octet / 100);
      out += static_cast<char>('0' + (octet / 10) % 10);
      out += static_cast<char>('0' + octet % 10);
    } else {
      out += c;
    }
  }
  out += '"';
}

// RFC 3597 §5: "\# <length> <hex>".
std::string generic(std::string_view data) {
  std::string out = "\\# " + std::to_string(data.size());
  if (!data.empty()) out += " " + hex(data);
  return out;
}

struct RdataText {
  std::string operator()(const ARdata& r) const {
    return std::to_string(r.address[0]) + "." + std::to_string(r.address[1]) + "." + std::to_string(r.address[2]) +
           "." + std::to_string(r.address[3]);
  }
  std::string operator()(const AaaaRdata& r) const { return ipv6_to_text(r.address); }
  std::string operator()(const NsRdata& r) const { return r.host.to_text(); }
  std::string operator()(const CnameRdata& r) const { return r.target.to_text(); }
  std::string operator()(const PtrRdata& r) const { return r.target.to_text(); }
  std::string operator()(const MxRdata& r) const { return std::to_string(r.preference) + " " + r.exchange.to_text(); }
  std::string operator()(const TxtRdata& r) const {
    std::string out;
    for (const auto& text : r.strings) {
      if (!out.empty()) out += ' ';
      append_quoted(out, text);
    }
    return out;
  }
  std::string operator()(const SoaRdata& r) const {
    return r.mname.to_text() + " " + r.rname.to_text() + " " + std::to_string(r.serial) + " " +
           std::to_string(r.refresh) + " " + std::to_string(r.retry) + " " + std::to_string(r.expire) + " " +
           std::to_string(r.minimum);
  }
  std::string operator()(const SrvRdata& r) const {
    return std::to_string(r.priority) + " " + std::to_string(r.weight) + " " + std::to_string(r.port) + " " +
           r.target.to_text();
  }
  std::string operator()(const TlsaRdata& r) const {
    // RFC 6698 §2.2: three decimal fields, then the data in hex.
    std::string out =
        std::to_string(r.usage) + " " + std::to_string(r.selector) + " " + std::to_string(r.matching_type);
    if (!r.data.empty()) out += " " + hex(r.data);
    return out;
  }
  std::string operator()(const UnknownRdata& r) const { return generic(r.data); }
};

void append_flag(std::string& out, bool set, const char* name) {
  if (!set) return;
  out += ' ';
  out += name;
}

}  // namespace

std::string ipv6_to_text(const std::array<std::uint8_t, 16>& address) {
  std::uint16_t groups[8];
  for (int i = 0; i < 8; ++i) groups[i] = static_cast<std::uint16_t>((address[2 * i] << 8) | address[2 * i + 1]);
  // RFC 5952 §4.2: shorten the longest run of zero groups (the first if
  // tied), and only runs of two or more.
  int best_start = -1;
  int best_length = 1;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    // RFC 5952 §4.1 and §4.3: no leading zeros, lower case.
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int nibble = (groups[i] >> shift) & 0x0F;
      if (nibble != 0 || started || shift == 0) {
        out += hex_lower[nibble];
        started = true;
      }
    }
  }
  return out;
}

std::string to_text(const Rdata& rdata) { return std::visit(RdataText{}, rdata); }

std::string to_text(const ResourceRecord& record) {
  std::string out = record.name.to_text();
  out += ' ';
  out += std::to_string(record.ttl);
  out += ' ';
  out += to_text(record.rclass);
  out += ' ';
  out += to_text(record.type());
  const std::string rdata = to_text(record.rdata);
  if (!rdata.empty()) {
    out += ' ';
    out += rdata;
  }
  return out;
}

std::string to_text(const Question& question) {
  return question.name.to_text() + " " + to_text(question.qclass) + " " + to_text(question.type);
}

std::string to_text(const Edns& edns) {
  std::string out = "EDNS version " + std::to_string(edns.version) + "; flags:";
  append_flag(out, edns.dnssec_ok, "do");
  if (edns.z != 0) out += " z=" + std::to_string(edns.z);
  out += "; udp " + std::to_string(edns.udp_payload_size);
  if (edns.extended_rcode != 0) out += "; extended rcode " + std::to_string(edns.extended_rcode);
  for (const auto& option : edns.options) {
    out += "; option " + std::to_string(option.code) + ":";
    if (!option.data.empty()) out += " " + hex(option.data);
  }
  return out;
}

std::string to_text(const Message& message) {
  const Header& h = message.header;
  std::string out = ";; opcode: " + to_text(h.opcode) + ", status: " + to_text(rcode_of(message)) +
                    ", id: " + std::to_string(h.id) + "\n;; flags:";
  append_flag(out, h.qr, "qr");
  append_flag(out, h.aa, "aa");
  append_flag(out, h.tc, "tc");
  append_flag(out, h.rd, "rd");
  append_flag(out, h.ra, "ra");
  append_flag(out, h.z, "z");
  append_flag(out, h.ad, "ad");
  append_flag(out, h.cd, "cd");
  out += "; QUERY: " + std::to_string(message.questions.size()) +
         ", ANSWER: " + std::to_string(message.answers.size()) +
         ", AUTHORITY: " + std::to_string(message.authorities.size()) +
         ", ADDITIONAL: " + std::to_string(message.additionals.size() + (message.edns ? 1 : 0)) + "\n";
  if (message.edns) out += ";; " + to_text(*message.edns) + "\n";
  if (!message.questions.empty()) {
    out += ";; QUESTION SECTION:\n";
    for (const auto& q : message.questions) out += ";" + to_text(q) + "\n";
  }
  for (auto [title, section] :
       {std::pair{";; ANSWER SECTION:\n", &message.answers}, std::pair{";; AUTHORITY SECTION:\n", &message.authorities},
        std::pair{";; ADDITIONAL SECTION:\n", &message.additionals}}) {
    if (section->empty()) continue;
    out += title;
    for (const auto& rr : *section) out += to_text(rr) + "\n";
  }
  return out;
}

}  // namespace conformance::codec::dns
