#include "harness/codec/imap/response/response.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

struct NamedStatus {
  Status status;
  std::string_view name;
};

constexpr NamedStatus kStatusNames[] = {
    {Status::ok, "OK"}, {Status::no, "NO"}, {Status::bad, "BAD"}, {Status::preauth, "PREAUTH"}, {Status::bye, "BYE"},
};

std::optional<Status> try_status(Reader& r, bool tagged) {
  for (const auto& entry : kStatusNames) {
    if (tagged && (entry.status == Status::preauth || entry.status == Status::bye)) continue;
    if (r.try_keyword(entry.name)) return entry.status;
  }
  return std::nullopt;
}

// After the status keyword: SP resp-text.
ResponseText read_status_text(ParseContext& ctx) {
  Reader& r = ctx.r;
  if (!r.try_consume(' ')) {
    // "A1 OK\r\n": RFC 9051 wants SP (text may be empty), RFC 3501 wants text.
    if (r.at_line_end())
      ctx.tolerate(r.offset(), "no SP and text after the status", "SP and text");
    else
      r.fail("SP");
    return {};
  }
  return read_response_text(ctx);
}

// Bytes of the frame before its final line terminator, or npos.
std::size_t content_end(std::string_view frame, bool allow_bare_lf) {
  if (frame.size() >= 2 && frame.substr(frame.size() - 2) == "\r\n") return frame.size() - 2;
  if (allow_bare_lf && !frame.empty() && frame.back() == '\n') return frame.size() - 1;
  return std::string_view::npos;
}

// An untagged response with no grammar here: kept raw, from `start` to the
// final line terminator.
std::optional<Response> read_unknown(ParseContext& ctx, std::size_t start) {
  Reader& r = ctx.r;
  r.atom();
  if (!r.ok()) return std::nullopt;
  const std::string_view frame = r.input();
  const std::size_t end = content_end(frame, ctx.options().allow_bare_lf);
  if (end == std::string_view::npos || end < r.offset()) {
    r.fail_at(frame.size(), "CRLF");
    return std::nullopt;
  }
  return UnknownData{std::string(frame.substr(start, end - start))};
}

// message-data and the number-first mailbox-data: "* 23 EXISTS" ...
std::optional<Response> read_numbered(ParseContext& ctx, std::size_t start) {
  Reader& r = ctx.r;
  const std::size_t number_at = r.offset();
  const std::uint32_t number = r.number();
  ctx.sp();
  if (!r.ok()) return std::nullopt;
  auto require_nonzero = [&] {
    if (number == 0) r.fail_at(number_at, "non-zero message sequence number");
  };
  if (r.try_keyword("EXISTS")) return ExistsData{number};
  if (r.try_keyword("RECENT")) return RecentData{number};
  if (r.try_keyword("EXPUNGE")) {
    require_nonzero();
    return ExpungeData{number};
  }
  if (r.try_keyword("FETCH")) {
    require_nonzero();
    return read_fetch(ctx, number);
  }
  return read_unknown(ctx, start);
}

std::optional<Response> read_untagged(ParseContext& ctx) {
  Reader& r = ctx.r;
  const std::size_t start = r.offset();
  if (is_digit(static_cast<unsigned char>(r.peek()))) return read_numbered(ctx, start);
  if (const auto status = try_status(r, /*tagged=*/false)) {
    StatusResponse response;
    response.status = *status;
    response.text = read_status_text(ctx);
    return response;
  }
  if (r.try_keyword("CAPABILITY")) return read_capability(ctx);
  if (r.try_keyword("ENABLED")) return read_enabled(ctx);
  if (r.try_keyword("LIST")) return read_list(ctx, /*lsub=*/false);
  if (r.try_keyword("LSUB")) return read_list(ctx, /*lsub=*/true);
  if (r.try_keyword("NAMESPACE")) return read_namespace(ctx);
  if (r.try_keyword("STATUS")) return read_status(ctx);
  if (r.try_keyword("SEARCH")) return read_search(ctx, /*sort=*/false);
  if (r.try_keyword("SORT")) return read_search(ctx, /*sort=*/true);
  if (r.try_keyword("ESEARCH")) return read_esearch(ctx);
  if (r.try_keyword("FLAGS")) return read_flags(ctx);
  if (r.try_keyword("VANISHED")) return read_vanished(ctx);
  if (r.try_keyword("ID")) return read_id(ctx);
  if (r.try_keyword("QUOTA")) return read_quota(ctx);
  if (r.try_keyword("QUOTAROOT")) return read_quotaroot(ctx);
  if (r.try_keyword("METADATA")) return read_metadata(ctx);
  if (r.try_keyword("ACL")) return read_acl(ctx);
  if (r.try_keyword("LISTRIGHTS")) return read_listrights(ctx);
  if (r.try_keyword("MYRIGHTS")) return read_myrights(ctx);
  return read_unknown(ctx, start);
}

struct ResponseWriter {
  Writer& w;
  void operator()(const StatusResponse& response) {
    w.raw(response.tag ? std::string_view(*response.tag) : std::string_view("*"));
    w.sp().raw(status_name(response.status)).sp();
    write_response_text(w, response.text);
  }
  void operator()(const ContinuationRequest& request) {
    w.raw("+ ");
    write_response_text(w, request.text);
  }
  void operator()(const CapabilityData& data) {
    untagged();
    write_capability(w, data);
  }
  void operator()(const EnabledData& data) {
    untagged();
    write_enabled(w, data);
  }
  void operator()(const ListData& data) {
    untagged();
    write_list(w, data);
  }
  void operator()(const NamespaceData& data) {
    untagged();
    write_namespace(w, data);
  }
  void operator()(const StatusData& data) {
    untagged();
    write_status(w, data);
  }
  void operator()(const SearchData& data) {
    untagged();
    write_search(w, data);
  }
  void operator()(const EsearchData& data) {
    untagged();
    write_esearch(w, data);
  }
  void operator()(const FlagsData& data) {
    untagged();
    write_flags(w, data);
  }
  void operator()(const ExistsData& data) { untagged().number(data.count).raw(" EXISTS"); }
  void operator()(const RecentData& data) { untagged().number(data.count).raw(" RECENT"); }
  void operator()(const ExpungeData& data) { untagged().number(data.sequence).raw(" EXPUNGE"); }
  void operator()(const VanishedData& data) {
    untagged();
    write_vanished(w, data);
  }
  void operator()(const FetchData& data) {
    untagged();
    write_fetch(w, data);
  }
  void operator()(const IdData& data) {
    untagged();
    write_id(w, data);
  }
  void operator()(const QuotaData& data) {
    untagged();
    write_quota(w, data);
  }
  void operator()(const QuotaRootData& data) {
    untagged();
    write_quotaroot(w, data);
  }
  void operator()(const MetadataData& data) {
    untagged();
    write_metadata(w, data);
  }
  void operator()(const AclData& data) {
    untagged();
    write_acl(w, data);
  }
  void operator()(const ListRightsData& data) {
    untagged();
    write_listrights(w, data);
  }
  void operator()(const MyRightsData& data) {
    untagged();
    write_myrights(w, data);
  }
  void operator()(const UnknownData& data) { untagged().raw(data.raw); }
  Writer& untagged() { return w.raw("* "); }
};

}  // namespace

std::string_view status_name(Status status) {
  for (const auto& entry : kStatusNames)
    if (entry.status == status) return entry.name;
  return "OK";
}

std::optional<std::string> ContinuationRequest::decoded_base64() const {
  if (text.code) return std::nullopt;
  auto decoded = base64_decode(text.text);
  if (!decoded) return std::nullopt;
  return std::move(decoded).value();
}

Result<Response> parse_response(std::string_view frame, const ParseOptions& options, std::vector<Leniency>* leniencies) {
  std::vector<Leniency> found;
  ParseContext ctx(frame, options, &found);
  Reader& r = ctx.r;
  std::optional<Response> response;
  bool raw = false;
  if (r.try_consume('+')) {
    // continue-req = "+" SP (resp-text / base64) CRLF
    ContinuationRequest request;
    if (!r.try_consume(' ')) {
      if (r.at_line_end())
        ctx.tolerate(r.offset(), "'+' without SP", "SP after '+'");
      else
        r.fail("SP after '+'");
    }
    request.text = read_response_text(ctx);
    response = std::move(request);
  } else if (r.try_consume('*')) {
    ctx.sp();
    response = read_untagged(ctx);
    raw = response && std::holds_alternative<UnknownData>(*response);
  } else {
    // response-tagged = tag SP resp-cond-state CRLF
    StatusResponse tagged;
    tagged.tag = std::string(r.tag());
    ctx.sp();
    const auto status = try_status(r, /*tagged=*/true);
    if (!status) r.fail("OK, NO or BAD");
    tagged.status = status.value_or(Status::ok);
    tagged.text = read_status_text(ctx);
    response = std::move(tagged);
  }
  if (r.ok() && !raw) {
    r.crlf();
    if (r.ok() && !r.at_end()) r.fail("end of the response after its CRLF");
  }
  if (!r.ok() || !response) return r.error();
  if (leniencies) leniencies->insert(leniencies->end(), found.begin(), found.end());
  return std::move(*response);
}

void write_response(Writer& writer, const Response& response) {
  std::visit(ResponseWriter{writer}, response);
  writer.crlf();
}

std::string serialize_response(const Response& response, WriterOptions options) {
  Writer writer(options);
  write_response(writer, response);
  return std::move(writer).bytes();
}

}  // namespace conformance::codec::imap
