// Fuzzes the DATA codec and BDAT framing.
//
// Input: two option bytes, then mail data. The first byte and bit 0 of the
// second choose which of the nine end-of-data forms the decoder accepts;
// second byte bit 1 normalizes line endings when encoding, bit 2 sets small
// caps (64-octet message, 8 anomalies, 16-octet lines), and its top five
// bits choose the BDAT chunk size.
// Properties:
//   - decoding the whole stream and decoding it fed in pieces agree on the
//     body, the anomalies, the end and the octets consumed;
//   - encoding the data as a body and decoding it strictly gives the body
//     back (with the CRLF the encoder adds to a last line without one);
//   - the body framed as BDAT chunks reassembles to itself.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/fuzz_support.hpp"
#include "harness/codec/smtp/bdat.hpp"
#include "harness/codec/smtp/data.hpp"

namespace {

using namespace conformance::codec::smtp;

void check_whole_vs_chunked(std::string_view input, const DataDecoderOptions& options) {
  DataDecoder whole(options);
  const std::size_t whole_consumed = whole.feed(input);
  FUZZ_CHECK(whole_consumed <= input.size());
  FUZZ_CHECK(whole.finished() || whole_consumed == input.size());

  DataDecoder chunked(options);
  std::size_t chunked_consumed = 0;
  for (std::string_view piece : conformance::fuzz::chunks_of(input)) {
    const std::size_t took = chunked.feed(piece);
    FUZZ_CHECK(took <= piece.size());
    FUZZ_CHECK(took == piece.size() || chunked.finished());
    chunked_consumed += took;
  }
  FUZZ_CHECK(chunked_consumed == whole_consumed);
  FUZZ_CHECK(chunked.consumed() == whole.consumed());
  FUZZ_CHECK(chunked.finished() == whole.finished());
  FUZZ_CHECK(chunked.end_form() == whole.end_form());
  FUZZ_CHECK(chunked.body() == whole.body());
  FUZZ_CHECK(chunked.anomalies() == whole.anomalies());
  FUZZ_CHECK(chunked.anomalies_dropped() == whole.anomalies_dropped());
  FUZZ_CHECK(chunked.body_size() == whole.body_size());
  FUZZ_CHECK(whole.body().size() <= options.max_message_size);
  if (whole.end_form()) FUZZ_CHECK(options.policy.accepts(*whole.end_form()));
}

std::string normalized(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r' || body[i] == '\n') {
      if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
      out += "\r\n";
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

void check_encode_decode(std::string_view body, bool normalize) {
  DataEncoderOptions encoder;
  encoder.normalize_line_endings = normalize;
  const std::string encoded = encode_data(body, encoder);
  DataDecoderOptions strict;
  strict.max_message_size = encoded.size();
  const DecodedData decoded = decode_data(encoded, strict);
  std::string expected = normalize ? normalized(body) : std::string(body);
  if (!expected.empty() && !expected.ends_with("\r\n")) expected += "\r\n";
  FUZZ_CHECK(decoded.complete);
  FUZZ_CHECK(decoded.consumed == encoded.size());
  FUZZ_CHECK(decoded.body == expected);
  FUZZ_CHECK(decoded.end_form == (EndOfDataForm{LineBreak::crlf, LineBreak::crlf}));
  if (normalize)
    for (const DataAnomaly& anomaly : decoded.anomalies) FUZZ_CHECK(anomaly.kind == DataAnomaly::Kind::line_too_long);
}

void check_bdat(std::string_view body, std::size_t chunk_size) {
  std::string stream;
  for (const std::string& chunk : frame_bdat_message(body, chunk_size)) stream += chunk;
  BdatReceiver receiver(body.size());
  std::size_t at = 0;
  while (!receiver.message_complete()) {
    auto command = parse_command(std::string_view(stream).substr(at));
    FUZZ_CHECK(command.complete());
    const Bdat* bdat = std::get_if<Bdat>(&command.value().command);
    FUZZ_CHECK(bdat != nullptr);
    at += command.consumed();
    receiver.start_chunk(*bdat);
    at += receiver.feed(std::string_view(stream).substr(at));
    FUZZ_CHECK(receiver.chunk_complete());
  }
  FUZZ_CHECK(at == stream.size());
  FUZZ_CHECK(!receiver.size_exceeded());
  FUZZ_CHECK(receiver.message() == body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view input = conformance::fuzz::as_view(data + 2, size - 2);

  DataDecoderOptions options;
  for (unsigned bit = 0; bit < 9; ++bit) {
    const bool set = bit < 8 ? ((data[0] >> bit) & 1) != 0 : (data[1] & 1) != 0;
    if (set) options.policy.accept(EndOfDataForm{static_cast<LineBreak>(bit / 3), static_cast<LineBreak>(bit % 3)});
  }
  if (data[1] & 4) {
    options.max_message_size = 64;
    options.max_anomalies = 8;
    options.max_line_length = 16;
  }

  check_whole_vs_chunked(input, options);
  check_encode_decode(input, (data[1] & 2) != 0);
  check_bdat(input, 8 + (data[1] >> 3) * 8);  // chunks of 8 to 256 octets
  return 0;
}
