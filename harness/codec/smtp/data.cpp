#include "harness/codec/smtp/data.hpp"

#include <cstring>

namespace conformance::codec::smtp {
namespace {

std::string_view break_name(LineBreak b) {
  switch (b) {
    case LineBreak::crlf: return "<CR><LF>";
    case LineBreak::lf: return "<LF>";
    case LineBreak::cr: return "<CR>";
  }
  return "";
}

std::uint16_t bit_of(EndOfDataForm form) {
  return static_cast<std::uint16_t>(1u << (3 * static_cast<unsigned>(form.before) + static_cast<unsigned>(form.after)));
}

}  // namespace

std::string EndOfDataForm::to_string() const {
  std::string out(break_name(before));
  out += '.';
  out += break_name(after);
  return out;
}

EndOfDataPolicy EndOfDataPolicy::accepting(std::initializer_list<EndOfDataForm> forms) {
  EndOfDataPolicy policy;
  for (EndOfDataForm form : forms) policy.accept(form);
  return policy;
}

EndOfDataPolicy EndOfDataPolicy::any_line_break() {
  EndOfDataPolicy policy;
  policy.mask_ = 0x1FF;
  return policy;
}

EndOfDataPolicy& EndOfDataPolicy::accept(EndOfDataForm form) {
  mask_ = static_cast<std::uint16_t>(mask_ | bit_of(form));
  return *this;
}

bool EndOfDataPolicy::accepts(EndOfDataForm form) const { return form.canonical() || (mask_ & bit_of(form)) != 0; }

void DataDecoder::reset() { *this = DataDecoder(options_); }

void DataDecoder::report(DataAnomaly::Kind kind, std::uint64_t offset, EndOfDataForm form) {
  if (anomalies_.size() >= options_.max_anomalies) {
    ++anomalies_dropped_;
    return;
  }
  anomalies_.push_back(DataAnomaly{kind, offset, form});
}

void DataDecoder::emit(char c) { emit(std::string_view(&c, 1)); }

void DataDecoder::keep(std::string_view bytes) {
  body_size_ += bytes.size();
  if (body_.size() < options_.max_message_size) {
    const std::uint64_t room = options_.max_message_size - body_.size();
    body_.append(bytes.substr(0, room < bytes.size() ? static_cast<std::size_t>(room) : bytes.size()));
  }
}

void DataDecoder::emit_line_break(std::string_view bytes) { keep(bytes); }

void DataDecoder::emit(std::string_view bytes) {
  keep(bytes);
  // The line's own octets; its break is not counted here but as the "+ 2" below.
  line_length_ += bytes.size();
  if (!line_reported_long_ && line_length_ + 2 > options_.max_line_length) {
    line_reported_long_ = true;
    report(DataAnomaly::Kind::line_too_long, line_start_offset_);
  }
}

void DataDecoder::begin_line(LineBreak ended_by, std::uint64_t break_offset, std::uint64_t next_line_offset) {
  line_start_break_ = ended_by;
  line_start_break_offset_ = break_offset;
  at_data_start_ = false;
  line_length_ = 0;
  line_reported_long_ = false;
  line_start_offset_ = next_line_offset;
  state_ = State::line_start;
}

void DataDecoder::emit_held_dot() {
  if (line_start_break_ != LineBreak::crlf) emit('.');
}

bool DataDecoder::try_end(EndOfDataForm form) {
  const std::uint64_t at = at_data_start_ ? line_start_offset_ : line_start_break_offset_;
  if (!options_.policy.accepts(form)) {
    report(DataAnomaly::Kind::end_of_data_candidate, at, form);
    return false;
  }
  if (!form.canonical()) report(DataAnomaly::Kind::non_canonical_end, at, form);
  end_form_ = form;
  state_ = State::done;
  return true;
}

std::size_t DataDecoder::feed(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && state_ != State::done) {
    const char c = bytes[i];
    const std::uint64_t at = offset_;
    switch (state_) {
      case State::text: {
        if (c != '\r' && c != '\n') {
          // The common case: copy up to the next CR or LF in one go.
          std::size_t end = i + 1;
          while (end < bytes.size() && bytes[end] != '\r' && bytes[end] != '\n') ++end;
          emit(bytes.substr(i, end - i));
          offset_ += end - i;
          i = end;
          continue;
        }
        if (c == '\r') {
          cr_offset_ = at;
          state_ = State::after_cr;
        } else {
          report(DataAnomaly::Kind::bare_lf, at);
          emit_line_break("\n");
          begin_line(LineBreak::lf, at, at + 1);
        }
        break;
      }
      case State::after_cr: {
        if (c == '\n') {
          emit_line_break("\r\n");
          begin_line(LineBreak::crlf, cr_offset_, at + 1);
          break;
        }
        report(DataAnomaly::Kind::bare_cr, cr_offset_);
        emit_line_break("\r");
        begin_line(LineBreak::cr, cr_offset_, at);
        continue;  // this octet starts the next line
      }
      case State::line_start: {
        if (c == '.') {
          state_ = State::after_dot;
          break;
        }
        state_ = State::text;
        continue;
      }
      case State::after_dot: {
        if (c == '\r') {
          cr_offset_ = at;
          state_ = State::after_dot_cr;
          break;
        }
        if (c == '\n') {
          report(DataAnomaly::Kind::bare_lf, at);
          if (try_end({line_start_break_, LineBreak::lf})) break;
          emit_held_dot();
          emit_line_break("\n");
          begin_line(LineBreak::lf, at, at + 1);
          break;
        }
        emit_held_dot();
        state_ = State::text;
        continue;
      }
      case State::after_dot_cr: {
        if (c == '\n') {
          if (try_end({line_start_break_, LineBreak::crlf})) break;
          emit_held_dot();
          emit_line_break("\r\n");
          begin_line(LineBreak::crlf, cr_offset_, at + 1);
          break;
        }
        report(DataAnomaly::Kind::bare_cr, cr_offset_);
        if (try_end({line_start_break_, LineBreak::cr})) return i;  // the end was the CR; this octet is not data
        emit_held_dot();
        emit_line_break("\r");
        begin_line(LineBreak::cr, cr_offset_, at);
        continue;
      }
      case State::done:
        return i;
    }
    ++offset_;
    ++i;
  }
  return i;
}

DecodedData decode_data(std::string_view bytes, const DataDecoderOptions& options) {
  DataDecoder decoder(options);
  DecodedData out;
  out.consumed = decoder.feed(bytes);
  out.complete = decoder.finished();
  out.end_form = decoder.end_form();
  out.size_exceeded = decoder.size_exceeded();
  out.anomalies = decoder.anomalies();
  out.body = decoder.take_body();
  return out;
}

std::string encode_data(std::string_view body, const DataEncoderOptions& options) {
  std::string out;
  out.reserve(body.size() + body.size() / 64 + 5);
  bool line_start = true;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (line_start && c == '.') out.push_back('.');  // §4.5.2 transparency
    line_start = false;
    if (options.normalize_line_endings && (c == '\r' || c == '\n')) {
      if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
      out += "\r\n";
      line_start = true;
      continue;
    }
    out.push_back(c);
    if (c == '\n' && out.size() >= 2 && out[out.size() - 2] == '\r') line_start = true;
  }
  const bool ends_with_crlf = out.size() >= 2 && out[out.size() - 2] == '\r' && out.back() == '\n';
  if (!out.empty() && !ends_with_crlf) out += "\r\n";
  out += ".\r\n";
  return out;
}

}  // namespace conformance::codec::smtp
