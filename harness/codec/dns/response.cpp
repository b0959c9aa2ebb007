#include "harness/codec/dns/response.hpp"

#include <algorithm>
#include <utility>

#include "harness/codec/dns/message_encoder.hpp"

namespace conformance::codec::dns {
namespace {

constexpr std::size_t classic_udp_limit = 512;  // RFC 1035 §4.2.1

bool same_rrset(const ResourceRecord& a, const ResourceRecord& b) {
  // RFC 2181 §5: same owner name, class and type.
  return a.type() == b.type() && a.rclass == b.rclass && equals_ignore_case(a.name, b.name);
}

// Keeps the first `keep` records of answers, authorities, additionals taken
// as one list.
Message keep_first(const Message& m, std::size_t keep) {
  Message out;
  out.header = m.header;
  out.questions = m.questions;
  out.edns = m.edns;
  for (auto [from, to] : {std::pair{&m.answers, &out.answers}, std::pair{&m.authorities, &out.authorities},
                          std::pair{&m.additionals, &out.additionals}}) {
    const std::size_t take = std::min(keep, from->size());
    to->assign(from->begin(), from->begin() + static_cast<std::ptrdiff_t>(take));
    keep -= take;
  }
  return out;
}

}  // namespace

Message make_response(const Message& query, std::uint16_t udp_payload_size) {
  Message response;
  response.header.id = query.header.id;
  response.header.qr = true;
  response.header.opcode = query.header.opcode;
  response.header.rd = query.header.rd;
  response.header.cd = query.header.cd;
  response.questions = query.questions;
  if (query.edns) {
    Edns edns;
    edns.udp_payload_size = udp_payload_size;
    edns.dnssec_ok = query.edns->dnssec_ok;
    response.edns = std::move(edns);
  }
  return response;
}

std::size_t udp_size_limit(const Message& query) {
  if (!query.edns) return classic_udp_limit;
  return std::max<std::size_t>(classic_udp_limit, query.edns->udp_payload_size);
}

Result<Message> truncate_to_fit(const Message& response, std::size_t max_size, const EncodeOptions& options) {
  auto full = encode_message_with_ends(response, options);
  if (!full) return full.error();
  if (full->wire.size() <= max_size) return response;

  const std::size_t records = full->ends.size() - 1;
  const std::size_t opt_size = full->opt_size;
  if (full->ends[0] + opt_size > max_size) {
    return ParseError{max_size, "a size limit of at least " + std::to_string(full->ends[0] + opt_size) +
                                    " octets (header, questions and OPT record)"};
  }
  std::size_t keep = records;
  while (keep > 0 && full->ends[keep] + opt_size > max_size) --keep;

  const std::size_t answer_and_authority = response.answers.size() + response.authorities.size();
  Message out = keep_first(response, keep);
  if (keep < answer_and_authority) {
    out.header.tc = true;
  } else {
    // Only additional records went: drop the rest of any RRset cut in two,
    // so no client caches part of an RRset as if it were all of it.
    const auto& dropped = response.additionals;
    const std::size_t first_dropped = keep - answer_and_authority;
    std::erase_if(out.additionals, [&](const ResourceRecord& kept) {
      return std::any_of(dropped.begin() + static_cast<std::ptrdiff_t>(first_dropped), dropped.end(),
                         [&](const ResourceRecord& gone) { return same_rrset(kept, gone); });
    });
  }
  // Dropping a record can lengthen a later one that was compressed against
  // it, so check the result and trim further if it grew past the limit.
  while (true) {
    auto encoded = encode_message(out, options);
    if (!encoded) return encoded.error();
    if (encoded->size() <= max_size) return out;
    if (!out.additionals.empty()) {
      const ResourceRecord gone = std::move(out.additionals.back());
      out.additionals.pop_back();
      std::erase_if(out.additionals, [&](const ResourceRecord& kept) { return same_rrset(kept, gone); });
    } else if (!out.authorities.empty()) {
      out.authorities.pop_back();
      out.header.tc = true;
    } else if (!out.answers.empty()) {
      out.answers.pop_back();
      out.header.tc = true;
    } else {
      return ParseError{max_size, "a larger size limit"};
    }
  }
}

}  // namespace conformance::codec::dns
