#include "harness/codec/mime/header.hpp"

#include <cstring>

#include "harness/codec/mime/ascii.hpp"

namespace conformance::codec::mime {

std::string_view line_end_text(LineEnd end) {
  switch (end) {
    case LineEnd::crlf: return "\r\n";
    case LineEnd::lf: return "\n";
    case LineEnd::none: return "";
  }
  return "";
}

std::string HeaderField::unfolded() const {
  // A fold is a line break followed by WSP (RFC 5322 §2.2.3); removing the
  // line break (CRLF, or a tolerated bare LF) leaves the WSP in place.
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;
    if (value[i] == '\n') continue;
    out += value[i];
  }
  return std::string(trim_folding_space(out));
}

std::string HeaderField::serialize() const {
  std::string out;
  out.reserve(name.size() + gap.size() + value.size() + 3);
  out += name;
  out += gap;
  out += ':';
  out += value;
  out += line_end_text(end);
  return out;
}

HeaderField make_header_field(std::string_view name, std::string_view value) {
  HeaderField field;
  field.name = std::string(name);
  std::string clean(trim_folding_space(value));
  for (char& c : clean)
    if (c == '\r' || c == '\n') c = ' ';
  // Fold before a space once the line would pass 78 characters; a run of
  // text with no space in reach stays on one line (it can be up to 998).
  constexpr std::size_t kSoftLimit = 78;
  std::string folded = " ";
  std::size_t line_length = name.size() + 2;  // "Name: "
  std::size_t at = 0;
  while (at < clean.size()) {
    std::size_t next_space = clean.find(' ', at + 1);
    if (next_space == std::string::npos) next_space = clean.size();
    std::string_view word(clean.data() + at, next_space - at);  // includes its leading space, if any
    if (at > 0 && clean[at] == ' ' && line_length + word.size() > kSoftLimit) {
      folded += "\r\n";
      line_length = 0;
    }
    folded += word;
    line_length += word.size();
    at = next_space;
  }
  field.value = clean.empty() ? std::string() : folded;
  field.end = LineEnd::crlf;
  return field;
}

const HeaderField* HeaderSection::find(std::string_view name) const {
  for (const auto& field : fields)
    if (iequals(field.name, name)) return &field;
  return nullptr;
}

std::vector<const HeaderField*> HeaderSection::find_all(std::string_view name) const {
  std::vector<const HeaderField*> out;
  for (const auto& field : fields)
    if (iequals(field.name, name)) out.push_back(&field);
  return out;
}

std::string HeaderSection::serialize() const {
  std::string out;
  out.reserve(serialized_size());
  for (const auto& field : fields) {
    out += field.name;
    out += field.gap;
    out += ':';
    out += field.value;
    out += line_end_text(field.end);
  }
  out += separator;
  return out;
}

std::size_t HeaderSection::serialized_size() const {
  std::size_t size = separator.size();
  for (const auto& field : fields)
    size += field.name.size() + field.gap.size() + 1 + field.value.size() + line_end_text(field.end).size();
  return size;
}

void report_anomaly(std::vector<Anomaly>* sink, std::size_t cap, AnomalyKind kind, std::size_t offset) {
  if (sink != nullptr && sink->size() < cap) sink->push_back(Anomaly{kind, offset});
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned min = 0;
    unsigned code = 0;
    if (c >= 0xC2 && c <= 0xDF) length = 2, min = 0x80, code = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) length = 3, min = 0x800, code = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) length = 4, min = 0x10000, code = c & 0x07;
    else return false;
    if (text.size() - i < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

namespace {

// ftext: printable US-ASCII except ':' (RFC 5322 §3.6.8).
bool is_ftext(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 33 && u <= 126 && c != ':';
}

struct Line {
  std::size_t content_length = 0;
  LineEnd end = LineEnd::none;
  std::size_t total() const { return content_length + line_end_text(end).size(); }
};

}  // namespace

Result<HeaderSection> parse_header_section(std::string_view input, const Limits& limits,
                                           const HeaderParseOptions& options) {
  const std::size_t base = options.base_offset;
  auto limit_error = [&](std::size_t offset, std::string expected) -> Result<HeaderSection> {
    if (options.hit_limit != nullptr) *options.hit_limit = true;
    return ParseError{base + offset, std::move(expected)};
  };
  auto note = [&](AnomalyKind kind, std::size_t offset) {
    report_anomaly(options.anomalies, limits.max_anomalies, kind, base + offset);
  };
  bool reported_bare_lf = false;
  bool reported_utf8 = false;
  bool reported_nul = false;

  HeaderSection section;
  section.separator.clear();
  std::size_t pos = 0;
  while (pos < input.size()) {
    // Find the end of this line, looking no further than the cap allows.
    const std::size_t window = std::min(input.size() - pos, limits.max_line_length);
    const void* hit = std::memchr(input.data() + pos, '\n', window);
    Line line;
    if (hit == nullptr) {
      if (input.size() - pos >= limits.max_line_length)
        return limit_error(pos + limits.max_line_length,
                           "header line of at most " + std::to_string(limits.max_line_length) + " octets");
      line.content_length = input.size() - pos;
      line.end = LineEnd::none;
    } else {
      const std::size_t lf = static_cast<std::size_t>(static_cast<const char*>(hit) - input.data());
      if (lf > pos && input[lf - 1] == '\r') {
        line.content_length = lf - 1 - pos;
        line.end = LineEnd::crlf;
      } else {
        line.content_length = lf - pos;
        line.end = LineEnd::lf;
        if (!reported_bare_lf) note(AnomalyKind::bare_lf, lf), reported_bare_lf = true;
      }
    }
    const std::string_view content = input.substr(pos, line.content_length);

    if (content.empty()) {  // the blank line that ends the section
      section.separator = std::string(line_end_text(line.end));
      pos += line.total();
      break;
    }

    for (std::size_t i = 0; i < content.size(); ++i) {
      if (content[i] == '\0' && !reported_nul) note(AnomalyKind::nul_in_header, pos + i), reported_nul = true;
    }
    if (!reported_utf8 && !is_valid_utf8(content)) {
      note(AnomalyKind::invalid_utf8_in_header, pos);
      reported_utf8 = true;
    }

    if (is_wsp(content.front())) {  // continuation of the field above (§2.2.3)
      if (section.fields.empty()) return ParseError{base + pos, "field name"};
      HeaderField& field = section.fields.back();
      field.value += line_end_text(field.end);
      field.value += content;
      field.end = line.end;
    } else {
      if (section.fields.size() >= limits.max_header_fields)
        return limit_error(pos, "at most " + std::to_string(limits.max_header_fields) + " header fields");
      std::size_t name_end = 0;
      while (name_end < content.size() && is_ftext(content[name_end])) ++name_end;
      if (name_end == 0) return ParseError{base + pos, "field name"};
      std::size_t colon = name_end;
      while (colon < content.size() && is_wsp(content[colon])) ++colon;
      if (colon >= content.size() || content[colon] != ':')
        return ParseError{base + pos + colon, colon == name_end ? "':' after field name" : "':'"};
      if (colon != name_end) note(AnomalyKind::whitespace_before_colon, pos + name_end);
      HeaderField field;
      field.name = std::string(content.substr(0, name_end));
      field.gap = std::string(content.substr(name_end, colon - name_end));
      field.value = std::string(content.substr(colon + 1));
      field.end = line.end;
      section.fields.push_back(std::move(field));
    }
    pos += line.total();
    if (pos > limits.max_header_bytes)
      return limit_error(pos, "header section of at most " + std::to_string(limits.max_header_bytes) + " octets");
  }
  if (pos > limits.max_header_bytes)
    return limit_error(pos, "header section of at most " + std::to_string(limits.max_header_bytes) + " octets");
  return section;
}

}  // namespace conformance::codec::mime
