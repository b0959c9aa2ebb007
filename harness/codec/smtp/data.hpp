// The mail data after DATA (RFC 5321 §4.1.1.4, §4.5.2): dot-stuffing on
// the client side, unstuffing and end-of-data detection on the server side.
//
// The end of mail data is CRLF "." CRLF, and nothing else: §4.1.1.4 says
// "<LF>.<LF>" MUST NOT be taken for it. Servers that take some other line
// break around the dot for the end can be made to see two messages where
// the next hop sees one ("SMTP smuggling"). The decoder therefore reports
// every bare CR, every bare LF and every non-canonical end-of-data
// candidate it meets, each with its offset, so that a check can tell what a
// client sent and what a server should have done with it. Which candidates
// end the data is a policy: strict by default, looser on request, to emulate
// vulnerable servers in fakes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conformance::codec::smtp {

// A line break as met in mail data.
enum class LineBreak : std::uint8_t { crlf, lf, cr };

// A "." alone between two line breaks, e.g. {lf, lf} for "<LF>.<LF>". The
// start of the data counts as a CRLF (the one ending the DATA line).
struct EndOfDataForm {
  LineBreak before = LineBreak::crlf;
  LineBreak after = LineBreak::crlf;

  bool canonical() const { return before == LineBreak::crlf && after == LineBreak::crlf; }
  std::string to_string() const;  // "<LF>.<CR><LF>"
  friend bool operator==(const EndOfDataForm&, const EndOfDataForm&) = default;
};

// Which forms end the data. CRLF.CRLF always does.
class EndOfDataPolicy {
 public:
  static EndOfDataPolicy strict() { return EndOfDataPolicy(); }
  // Strict plus each of `forms`.
  static EndOfDataPolicy accepting(std::initializer_list<EndOfDataForm> forms);
  // All nine combinations of CRLF, LF and CR before and after the dot.
  static EndOfDataPolicy any_line_break();

  EndOfDataPolicy& accept(EndOfDataForm form);
  bool accepts(EndOfDataForm form) const;
  friend bool operator==(const EndOfDataPolicy&, const EndOfDataPolicy&) = default;

 private:
  std::uint16_t mask_ = 1;  // bit 3*before+after; bit 0 is CRLF.CRLF
};

struct DataAnomaly {
  enum class Kind : std::uint8_t {
    bare_cr,                // CR not followed by LF
    bare_lf,                // LF not preceded by CR
    end_of_data_candidate,  // a non-canonical form that the policy did not accept
    non_canonical_end,      // a non-canonical form that the policy accepted: it ended the data
    line_too_long,          // a line longer than max_line_length (RFC 5321 §4.5.3.1.6)
  };
  Kind kind = Kind::bare_cr;
  std::uint64_t offset = 0;  // in the raw data: the CR, the LF, or the line break before the dot
  EndOfDataForm form{};      // for the two end-of-data kinds
  friend bool operator==(const DataAnomaly&, const DataAnomaly&) = default;
};

struct DataDecoderOptions {
  EndOfDataPolicy policy = EndOfDataPolicy::strict();
  // Decoded octets kept; past it the body stops growing and size_exceeded()
  // is set, but the end of data is still looked for, so that a server can
  // read to the end and then answer 552 (as RFC 1870 has it) in step with
  // the client.
  std::uint64_t max_message_size = 64ull * 1024 * 1024;
  std::size_t max_anomalies = 1000;  // further anomalies are only counted
  // A line longer than this, CRLF included and the stuffed dot not counted,
  // is reported (RFC 5321 §4.5.3.1.6 sets 1000); it is not an error.
  std::size_t max_line_length = 1000;
};

// Server side, incremental: feed the bytes that follow the 354 reply as they
// arrive. The result does not depend on how the stream is split.
class DataDecoder {
 public:
  explicit DataDecoder(DataDecoderOptions options = {}) : options_(options) {}

  // Consumes bytes up to the end of data, returning how many it took from
  // `bytes`: all of them, or fewer when the end of data is in this piece
  // (the rest is the next command, perhaps pipelined). Takes nothing once
  // finished.
  std::size_t feed(std::string_view bytes);

  bool finished() const { return state_ == State::done; }
  std::optional<EndOfDataForm> end_form() const { return end_form_; }
  const std::string& body() const { return body_; }
  std::string take_body() { return std::move(body_); }
  const std::vector<DataAnomaly>& anomalies() const { return anomalies_; }
  std::size_t anomalies_dropped() const { return anomalies_dropped_; }
  bool size_exceeded() const { return body_size_ > options_.max_message_size; }
  std::uint64_t body_size() const { return body_size_; }  // decoded octets, kept or not
  std::uint64_t consumed() const { return offset_; }       // raw octets, terminator included

  void reset();

 private:
  enum class State : std::uint8_t { line_start, text, after_cr, after_dot, after_dot_cr, done };

  void keep(std::string_view bytes);  // appends to the body, up to max_message_size
  void emit(char c);
  void emit(std::string_view bytes);             // octets of the current line
  void emit_line_break(std::string_view bytes);  // not counted in the line length
  void begin_line(LineBreak ended_by, std::uint64_t break_offset, std::uint64_t next_line_offset);
  void report(DataAnomaly::Kind kind, std::uint64_t offset, EndOfDataForm form = {});
  // Emits the dot that started this line, unless it was the transparency
  // dot: after CRLF a leading "." is removed (§4.5.2); after a bare LF or
  // CR no line began, so it is data.
  void emit_held_dot();
  bool try_end(EndOfDataForm form);

  DataDecoderOptions options_;
  State state_ = State::line_start;
  LineBreak line_start_break_ = LineBreak::crlf;
  std::uint64_t line_start_break_offset_ = 0;  // where the break before this line began
  bool at_data_start_ = true;
  std::uint64_t offset_ = 0;  // raw octets consumed
  std::uint64_t cr_offset_ = 0;
  std::uint64_t line_length_ = 0;
  bool line_reported_long_ = false;
  std::uint64_t line_start_offset_ = 0;
  std::string body_;
  std::uint64_t body_size_ = 0;
  std::vector<DataAnomaly> anomalies_;
  std::size_t anomalies_dropped_ = 0;
  std::optional<EndOfDataForm> end_form_;
};

// One-shot decoding of everything in `bytes`.
struct DecodedData {
  std::string body;
  bool complete = false;  // the end of data was found
  std::optional<EndOfDataForm> end_form;
  std::size_t consumed = 0;
  std::vector<DataAnomaly> anomalies;
  bool size_exceeded = false;
};
DecodedData decode_data(std::string_view bytes, const DataDecoderOptions& options = {});

struct DataEncoderOptions {
  // Turn every bare CR and bare LF into CRLF first. Without it the bytes go
  // out as they are, bare line breaks included (what a smuggling test sends).
  bool normalize_line_endings = false;
};

// Client side: dot-stuffs `body` (a "." starting a line, that is at the
// start or after CRLF, gets a second one) and appends the end of data. A
// body that does not end with CRLF gets one first, as §4.1.1.4 requires of
// the originating client; the decoder returns that CRLF as part of the body.
std::string encode_data(std::string_view body, const DataEncoderOptions& options = {});

}  // namespace conformance::codec::smtp
