#include "harness/protocols/imap/response_view.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "harness/codec/imap/writer.hpp"

namespace conformance::protocols::imap {

namespace {

namespace ci = codec::imap;

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

struct TypeName {
  std::string operator()(const ci::StatusResponse& status) const {
    return status.tag ? "TAGGED" : std::string(ci::status_name(status.status));
  }
  std::string operator()(const ci::ContinuationRequest&) const { return "+"; }
  std::string operator()(const ci::CapabilityData&) const { return "CAPABILITY"; }
  std::string operator()(const ci::EnabledData&) const { return "ENABLED"; }
  std::string operator()(const ci::ListData& list) const { return list.lsub ? "LSUB" : "LIST"; }
  std::string operator()(const ci::NamespaceData&) const { return "NAMESPACE"; }
  std::string operator()(const ci::StatusData&) const { return "STATUS"; }
  std::string operator()(const ci::SearchData& search) const { return search.sort ? "SORT" : "SEARCH"; }
  std::string operator()(const ci::EsearchData&) const { return "ESEARCH"; }
  std::string operator()(const ci::FlagsData&) const { return "FLAGS"; }
  std::string operator()(const ci::ExistsData&) const { return "EXISTS"; }
  std::string operator()(const ci::RecentData&) const { return "RECENT"; }
  std::string operator()(const ci::ExpungeData&) const { return "EXPUNGE"; }
  std::string operator()(const ci::VanishedData&) const { return "VANISHED"; }
  std::string operator()(const ci::FetchData&) const { return "FETCH"; }
  std::string operator()(const ci::IdData&) const { return "ID"; }
  std::string operator()(const ci::QuotaData&) const { return "QUOTA"; }
  std::string operator()(const ci::QuotaRootData&) const { return "QUOTAROOT"; }
  std::string operator()(const ci::MetadataData&) const { return "METADATA"; }
  std::string operator()(const ci::AclData&) const { return "ACL"; }
  std::string operator()(const ci::ListRightsData&) const { return "LISTRIGHTS"; }
  std::string operator()(const ci::MyRightsData&) const { return "MYRIGHTS"; }
  std::string operator()(const ci::UnknownData& data) const { return upper(data.keyword()); }
};

std::string render_address(const ci::Address& address) {
  const std::string mailbox = address.mailbox.value_or("");
  const std::string at = address.host ? mailbox + "@" + *address.host : mailbox;
  if (address.name && !address.name->empty()) return *address.name + " <" + at + ">";
  return at;
}

}  // namespace

std::string response_type(const ci::Response& response) { return std::visit(TypeName{}, response); }

const ci::StatusResponse* as_status(const ci::Response& response) { return std::get_if<ci::StatusResponse>(&response); }

bool is_tagged(const ci::Response& response) {
  const auto* status = as_status(response);
  return status && status->tag.has_value();
}

bool is_continuation(const ci::Response& response) { return std::holds_alternative<ci::ContinuationRequest>(response); }

std::string one_line(std::string_view raw, std::size_t max) {
  std::string out;
  for (unsigned char c : raw) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    switch (c) {
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02X", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  if (out.ends_with("\\r\\n")) out.resize(out.size() - 4);
  return out;
}

std::string code_value_text(const ci::ResponseCode& code) {
  ci::Writer writer;
  ci::write_response_code(writer, code);
  std::string text = writer.bytes();  // "[NAME value]"
  if (text.size() < 2) return {};
  text = text.substr(1, text.size() - 2);
  const std::size_t space = text.find(' ');
  return space == std::string::npos ? std::string() : text.substr(space + 1);
}

std::string code_name_text(const ci::ResponseCode& code) {
  if (code.kind == ci::CodeKind::other) return upper(code.name);
  return std::string(ci::code_name(code.kind));
}

std::string render_addresses(const ci::AddressList& addresses) {
  std::string out;
  bool group_opened = false;  // the next member follows "name:" directly
  for (const auto& address : addresses) {
    if (address.is_group_start()) {
      out += (out.empty() ? "" : ", ") + address.mailbox.value_or("") + ":";
      group_opened = true;
    } else if (address.is_group_end()) {
      out += ";";
      group_opened = false;
    } else {
      out += group_opened ? " " : (out.empty() ? "" : ", ");
      out += render_address(address);
      group_opened = false;
    }
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace conformance::protocols::imap
