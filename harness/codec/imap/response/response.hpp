// One IMAP server response (RFC 9051 §7, RFC 3501 §7): a status response,
// tagged or untagged, a continuation request, or untagged data. Parsed
// from one frame (see framer.hpp and decoder.hpp for byte streams) and
// written back: for every response the parser produced,
// parse_response(serialize_response(x)) == x.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/response/fetch.hpp"
#include "harness/codec/imap/response/mailbox_list.hpp"
#include "harness/codec/imap/response/mailbox_status.hpp"
#include "harness/codec/imap/response/parse_options.hpp"
#include "harness/codec/imap/response/response_code.hpp"
#include "harness/codec/imap/response/search.hpp"
#include "harness/codec/imap/response/server_data.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

enum class Status { ok, no, bad, preauth, bye };
std::string_view status_name(Status status);  // "OK", "NO", ...

// resp-cond-state / resp-cond-auth / resp-cond-bye, tagged or untagged.
// Only OK, NO and BAD can be tagged.
struct StatusResponse {
  std::optional<std::string> tag;  // nullopt: untagged ("*")
  Status status = Status::ok;
  ResponseText text;
  friend bool operator==(const StatusResponse&, const StatusResponse&) = default;
};

// continue-req = "+" SP (resp-text / base64): the text is kept as resp-text;
// an AUTHENTICATE exchange reads it as base64.
struct ContinuationRequest {
  ResponseText text;
  // The SASL challenge (RFC 9051 §6.2.2): the decoded text, or nullopt when
  // the text is not base64 (or carries a response code).
  std::optional<std::string> decoded_base64() const;
  friend bool operator==(const ContinuationRequest&, const ContinuationRequest&) = default;
};

using Response =
    std::variant<StatusResponse, ContinuationRequest, CapabilityData, EnabledData, ListData, NamespaceData, StatusData,
                 SearchData, EsearchData, FlagsData, ExistsData, RecentData, ExpungeData, VanishedData, FetchData, IdData,
                 QuotaData, QuotaRootData, MetadataData, AclData, ListRightsData, MyRightsData, UnknownData>;

// Parses one complete frame: a response line, the literals it announces
// and their continuation lines, ending with CRLF. Errors carry the offset
// within `frame`. Leniencies tolerated (ParseOptions::lenient) are appended
// to `leniencies` when given.
Result<Response> parse_response(std::string_view frame, const ParseOptions& options = {},
                                std::vector<Leniency>* leniencies = nullptr);

// Writes the response, final CRLF included, in canonical form where the
// structure leaves a choice (strings quoted when they can be, literals
// otherwise) and in the recorded form where it keeps one (StringForm).
void write_response(Writer& writer, const Response& response);
std::string serialize_response(const Response& response, WriterOptions options = {});

}  // namespace conformance::codec::imap
