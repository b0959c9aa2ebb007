#include "harness/codec/mime/transfer_encoding.hpp"

#include "harness/codec/common/base64.hpp"
#include "harness/codec/mime/ascii.hpp"

namespace conformance::codec::mime {

TransferEncoding identify_transfer_encoding(std::string_view token) {
  if (token.empty() || iequals(token, "7bit")) return TransferEncoding::seven_bit;
  if (iequals(token, "8bit")) return TransferEncoding::eight_bit;
  if (iequals(token, "binary")) return TransferEncoding::binary;
  if (iequals(token, "quoted-printable")) return TransferEncoding::quoted_printable;
  if (iequals(token, "base64")) return TransferEncoding::base64;
  return TransferEncoding::unknown;
}

bool is_identity_encoding(TransferEncoding encoding) {
  return encoding == TransferEncoding::seven_bit || encoding == TransferEncoding::eight_bit ||
         encoding == TransferEncoding::binary;
}

namespace {

// Calls `line(content, terminator)` for each line of `text`; a line ends at
// LF (its terminator "\r\n" or "\n") or at the end of the text ("").
template <class F>
void for_each_line(std::string_view text, F&& line) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) {
      line(pos, text.substr(pos), std::string_view());
      return;
    }
    const bool crlf = lf > pos && text[lf - 1] == '\r';
    const std::size_t content_end = crlf ? lf - 1 : lf;
    line(pos, text.substr(pos, content_end - pos), text.substr(content_end, lf + 1 - content_end));
    pos = lf + 1;
  }
}

// Decodes one line (without its terminator); returns whether it ended in a
// soft line break. When `strict` is set, the first problem is recorded.
bool decode_qp_line(std::string_view line, std::size_t line_offset, std::string& out, bool strict,
                    std::optional<ParseError>& problem) {
  // Transport may add trailing white space; it is not content (§6.7 (3)).
  std::size_t end = line.size();
  while (end > 0 && is_wsp(line[end - 1])) --end;
  const bool soft = end > 0 && line[end - 1] == '=';
  if (soft) --end;
  auto note = [&](std::size_t at, const char* expected) {
    if (strict && !problem) problem = ParseError{line_offset + at, expected};
  };
  if (strict && line.size() > 76) note(76, "encoded line of at most 76 characters");
  for (std::size_t i = 0; i < end; ++i) {
    const char c = line[i];
    if (c == '=') {
      const int high = i + 2 < end ? hex_value(line[i + 1]) : -1;
      const int low = i + 2 < end ? hex_value(line[i + 2]) : -1;
      if (high >= 0 && low >= 0) {
        if (strict && (ascii_upper(line[i + 1]) != line[i + 1] || ascii_upper(line[i + 2]) != line[i + 2]))
          note(i, "upper-case hex digits after '='");
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
      note(i, "'=' followed by two hex digits");
      out += c;  // robustness: keep the "=" (§6.7 (1) note)
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if ((u < 32 && c != '\t') || u >= 127) note(i, "printable character or '=XX'");
    out += c;
  }
  return soft;
}

std::string decode_qp(std::string_view text, bool strict, std::optional<ParseError>& problem) {
  std::string out;
  out.reserve(text.size());
  for_each_line(text, [&](std::size_t offset, std::string_view content, std::string_view terminator) {
    const bool soft = decode_qp_line(content, offset, out, strict, problem);
    if (!soft) out += terminator;
  });
  return out;
}

}  // namespace

std::string decode_quoted_printable(std::string_view text) {
  std::optional<ParseError> ignored;
  return decode_qp(text, false, ignored);
}

Result<std::string> decode_quoted_printable_strict(std::string_view text) {
  std::optional<ParseError> problem;
  std::string out = decode_qp(text, true, problem);
  if (problem) return *problem;
  return out;
}

std::string encode_quoted_printable(std::string_view bytes) {
  constexpr std::size_t kMaxLine = 76;  // §6.7 (5), including a soft break's "="
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  std::size_t line_length = 0;
  auto emit = [&](std::string_view piece) {
    if (line_length + piece.size() > kMaxLine - 1) {  // leave room for the "=" of a soft break
      out += "=\r\n";
      line_length = 0;
    }
    out += piece;
    line_length += piece.size();
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
      out += "\r\n";
      line_length = 0;
      ++i;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    const bool at_line_end = i + 1 == bytes.size() || (bytes[i + 1] == '\r' && i + 2 < bytes.size() && bytes[i + 2] == '\n');
    const bool literal = (u >= 33 && u <= 126 && c != '=') || (is_wsp(c) && !at_line_end);
    if (literal) {
      const char piece[1] = {c};
      emit(std::string_view(piece, 1));
    } else {
      const char piece[3] = {'=', hex_digit_upper(u >> 4), hex_digit_upper(u)};
      emit(std::string_view(piece, 3));
    }
  }
  return out;
}

std::string encode_base64_lines(std::string_view bytes) {
  const std::string encoded = base64_encode(bytes);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / 38 + 2);
  for (std::size_t at = 0; at < encoded.size(); at += 76) {
    out += std::string_view(encoded).substr(at, 76);
    out += "\r\n";
  }
  return out;
}

std::optional<std::string> decode_body(std::string_view body, std::string_view encoding) {
  switch (identify_transfer_encoding(encoding)) {
    case TransferEncoding::seven_bit:
    case TransferEncoding::eight_bit:
    case TransferEncoding::binary: return std::string(body);
    case TransferEncoding::quoted_printable: return decode_quoted_printable(body);
    case TransferEncoding::base64: return base64_decode_mime(body);
    case TransferEncoding::unknown: break;
  }
  return std::nullopt;
}

}  // namespace conformance::codec::mime
