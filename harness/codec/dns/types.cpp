#include "harness/codec/dns/types.hpp"

namespace conformance::codec::dns {

std::string to_text(RecordType type) {
  switch (type) {
    case RecordType::a: return "A";
    case RecordType::ns: return "NS";
    case RecordType::cname: return "CNAME";
    case RecordType::soa: return "SOA";
    case RecordType::ptr: return "PTR";
    case RecordType::mx: return "MX";
    case RecordType::txt: return "TXT";
    case RecordType::aaaa: return "AAAA";
    case RecordType::srv: return "SRV";
    case RecordType::opt: return "OPT";
    case RecordType::ds: return "DS";
    case RecordType::rrsig: return "RRSIG";
    case RecordType::nsec: return "NSEC";
    case RecordType::dnskey: return "DNSKEY";
    case RecordType::tlsa: return "TLSA";
    case RecordType::caa: return "CAA";
    case RecordType::axfr: return "AXFR";
    case RecordType::any: return "ANY";
  }
  return "TYPE" + std::to_string(static_cast<unsigned>(type));
}

std::string to_text(RecordClass rclass) {
  switch (rclass) {
    case RecordClass::in: return "IN";
    case RecordClass::ch: return "CH";
    case RecordClass::hs: return "HS";
    case RecordClass::none: return "NONE";
    case RecordClass::any: return "ANY";
  }
  return "CLASS" + std::to_string(static_cast<unsigned>(rclass));
}

std::string to_text(Opcode opcode) {
  switch (opcode) {
    case Opcode::query: return "QUERY";
    case Opcode::iquery: return "IQUERY";
    case Opcode::status: return "STATUS";
    case Opcode::notify: return "NOTIFY";
    case Opcode::update: return "UPDATE";
  }
  return std::to_string(static_cast<unsigned>(opcode));
}

std::string to_text(Rcode rcode) {
  switch (rcode) {
    case Rcode::no_error: return "NOERROR";
    case Rcode::form_err: return "FORMERR";
    case Rcode::serv_fail: return "SERVFAIL";
    case Rcode::nx_domain: return "NXDOMAIN";
    case Rcode::not_imp: return "NOTIMP";
    case Rcode::refused: return "REFUSED";
    case Rcode::yx_domain: return "YXDOMAIN";
    case Rcode::yx_rrset: return "YXRRSET";
    case Rcode::nx_rrset: return "NXRRSET";
    case Rcode::not_auth: return "NOTAUTH";
    case Rcode::not_zone: return "NOTZONE";
    case Rcode::bad_vers: return "BADVERS";
  }
  return std::to_string(static_cast<unsigned>(rcode));
}

}  // namespace conformance::codec::dns
