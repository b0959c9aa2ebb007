#include "harness/codec/mime/structure.hpp"

#include <algorithm>
#include <cstring>

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/content_fields.hpp"
#include "harness/codec/mime/transfer_encoding.hpp"

namespace conformance::codec::mime {

std::size_t count_lines(std::string_view bytes) {
  const auto breaks = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  return breaks + (!bytes.empty() && bytes.back() != '\n' ? 1 : 0);
}

namespace {

MediaType default_text_plain() { return MediaType{"TEXT", "PLAIN", {Parameter{"CHARSET", "US-ASCII"}}}; }
MediaType default_message() { return MediaType{"MESSAGE", "RFC822", {}}; }

class StructureParser {
 public:
  StructureParser(std::string_view input, const Limits& limits, std::vector<Anomaly>& anomalies)
      : input_(input), limits_(limits), anomalies_(anomalies) {}

  std::optional<ParseError> entity(Part& out, ByteRange range, std::size_t depth, bool is_root, bool in_digest) {
    if (++entities_ > limits_.max_parts)
      return ParseError{range.begin, "at most " + std::to_string(limits_.max_parts) + " body parts"};
    if (depth > limits_.max_depth)
      return ParseError{range.begin, "body parts nested at most " + std::to_string(limits_.max_depth) + " deep"};

    bool hit_limit = false;
    HeaderParseOptions options{&anomalies_, range.begin, &hit_limit};
    auto header = parse_header_section(range.in(input_), limits_, options);
    if (header) {
      out.fields = std::move(*header);
    } else {
      if (is_root || hit_limit) return header.error();
      note(AnomalyKind::invalid_part_header, header.error().offset);
      out.fields = HeaderSection{{}, ""};
    }
    const std::size_t header_size = out.fields.serialized_size();
    out.header = ByteRange{range.begin, range.begin + header_size};
    out.body = ByteRange{range.begin + header_size, range.end};

    read_content_type(out, in_digest);
    if (const HeaderField* cte = out.fields.find("Content-Transfer-Encoding")) out.transfer_encoding = cte->unfolded();
    const bool identity = is_identity_encoding(identify_transfer_encoding(out.transfer_encoding));

    if (out.content_type.is_type("multipart")) {
      const std::string* boundary = find_parameter(out.content_type.params, "boundary");
      if (boundary == nullptr || boundary->empty()) {
        note(AnomalyKind::multipart_without_boundary, out.header.begin);
        return std::nullopt;  // a leaf: without a boundary the parts cannot be found
      }
      if (boundary->size() > 70) note(AnomalyKind::boundary_too_long, out.header.begin);
      if (!identity) note(AnomalyKind::encoded_composite, out.header.begin);
      out.kind = Part::Kind::multipart;
      return multipart(out, *boundary, depth, out.content_type.is("multipart", "digest"));
    }
    if (out.content_type.is("message", "rfc822") || out.content_type.is("message", "global")) {
      if (!identity) note(AnomalyKind::encoded_composite, out.header.begin);
      out.kind = Part::Kind::message;
      Part inner;
      if (auto error = entity(inner, out.body, depth + 1, false, false)) return error;
      out.message = Box<Part>(std::move(inner));
    }
    return std::nullopt;
  }

 private:
  void note(AnomalyKind kind, std::size_t offset) { report_anomaly(&anomalies_, limits_.max_anomalies, kind, offset); }

  void read_content_type(Part& out, bool in_digest) {
    const HeaderField* field = out.fields.find("Content-Type");
    if (field != nullptr) {
      const std::string value = field->unfolded();
      if (auto parsed = parse_content_type(value)) {
        out.content_type = std::move(*parsed);
        return;
      }
      // RFC 2045 §5.2: an invalid Content-Type is taken as the default.
      note(AnomalyKind::invalid_content_type, out.header.begin);
      out.content_type = default_text_plain();
      out.content_type_defaulted = true;
      return;
    }
    out.content_type = in_digest ? default_message() : default_text_plain();
    out.content_type_defaulted = true;
  }

  // The offset where the delimiter line starting at `dash` begins, counting
  // the line break before it, which belongs to the delimiter (RFC 2046 §5.1.1).
  std::size_t delimiter_start(std::size_t dash, std::size_t floor) const {
    if (dash <= floor) return dash;
    std::size_t at = dash - 1;  // the '\n'
    if (at > floor && input_[at - 1] == '\r') --at;
    return at;
  }

  // The next "--boundary" at the start of a line, at or after `from`, which
  // is itself a line start. Only line starts are compared, and a comparison
  // cannot run past the end of its line (a boundary holds no LF), so the
  // search is linear however long the boundary is.
  std::size_t find_delimiter(std::string_view dash_boundary, std::size_t from, std::size_t end) const {
    std::size_t line = from;
    while (line < end) {
      if (end - line >= dash_boundary.size() && input_.compare(line, dash_boundary.size(), dash_boundary) == 0)
        return line;
      const void* lf = std::memchr(input_.data() + line, '\n', end - line);
      if (lf == nullptr) return std::string_view::npos;
      line = static_cast<std::size_t>(static_cast<const char*>(lf) - input_.data()) + 1;
    }
    return std::string_view::npos;
  }

  std::optional<ParseError> multipart(Part& out, std::string_view boundary, std::size_t depth, bool digest) {
    const std::string dash_boundary = "--" + std::string(boundary);
    const std::size_t begin = out.body.begin;
    const std::size_t end = out.body.end;

    std::size_t dash = find_delimiter(dash_boundary, begin, end);
    if (dash == std::string_view::npos) {
      note(AnomalyKind::no_body_parts, begin);
      out.preamble = ByteRange{begin, end};
      return std::nullopt;
    }
    out.preamble = ByteRange{begin, delimiter_start(dash, begin)};
    for (;;) {
      const std::size_t after = dash + dash_boundary.size();
      if (end - after >= 2 && input_[after] == '-' && input_[after + 1] == '-') {
        out.closed = true;
        out.epilogue = ByteRange{after + 2, end};
        return std::nullopt;
      }
      // The rest of the delimiter line: transport padding, then CRLF.
      const std::size_t lf = input_.substr(0, end).find('\n', after);
      const std::size_t line_end = lf == std::string_view::npos ? end : lf + 1;
      const std::size_t content_end = lf == std::string_view::npos ? end : (lf > after && input_[lf - 1] == '\r' ? lf - 1 : lf);
      if (lf != std::string_view::npos && (lf == after || input_[lf - 1] != '\r')) note(AnomalyKind::bare_lf, lf);
      for (std::size_t i = after; i < content_end; ++i) {
        if (!is_wsp(input_[i])) {
          note(AnomalyKind::delimiter_trailing_text, i);
          break;
        }
      }

      const std::size_t next = find_delimiter(dash_boundary, line_end, end);
      const std::size_t part_end =
          next == std::string_view::npos ? end : std::max(line_end, delimiter_start(next, begin));
      if (next == std::string_view::npos) note(AnomalyKind::missing_final_boundary, end);
      Part child;
      if (auto error = entity(child, ByteRange{line_end, part_end}, depth + 1, false, digest)) return error;
      out.parts.push_back(std::move(child));
      if (next == std::string_view::npos) return std::nullopt;
      dash = next;
    }
  }

  std::string_view input_;
  const Limits& limits_;
  std::vector<Anomaly>& anomalies_;
  std::size_t entities_ = 0;
};

}  // namespace

Result<ParsedMessage> parse_message(std::string_view input, const Limits& limits) {
  ParsedMessage message;
  StructureParser parser(input, limits, message.anomalies);
  if (auto error = parser.entity(message.root, ByteRange{0, input.size()}, 0, true, false)) return *error;
  return message;
}

}  // namespace conformance::codec::mime
