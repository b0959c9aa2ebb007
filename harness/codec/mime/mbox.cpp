#include "harness/codec/mime/mbox.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <span>

#include "harness/codec/mime/date.hpp"
#include "harness/codec/mime/header.hpp"
#include "harness/common/civil_time.hpp"

namespace conformance::codec::mime {
namespace {

constexpr std::string_view kFromPrefix = "From ";

std::vector<std::string_view> split_on_spaces(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    at = end;
  }
  return words;
}

std::optional<int> number(std::string_view digits, std::size_t min_length, std::size_t max_length) {
  if (digits.size() < min_length || digits.size() > max_length) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// "09:15" or "09:15:00"; instant_of checks the ranges.
std::optional<TimeOfDay> time_of_day(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
  const auto hour = number(text.substr(0, 2), 2, 2);
  const auto minute = number(text.substr(3, 2), 2, 2);
  const auto second = text.size() == 8 ? number(text.substr(6, 2), 2, 2) : std::optional<int>(0);
  if (!hour || !minute || !second) return std::nullopt;
  return TimeOfDay{*hour, *minute, *second};
}

// "+0100" / "-0530": minutes east of UTC.
std::optional<int> numeric_zone(std::string_view text) {
  if (text.size() != 5 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const auto hours = number(text.substr(1, 2), 2, 2);
  const auto minutes = number(text.substr(3, 2), 2, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const int offset = *hours * 60 + *minutes;
  return text[0] == '-' ? -offset : offset;
}

bool is_zone_name(std::string_view text) {
  return !text.empty() && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ctime(3) as mbox writers vary it: "Www Mmm d hh:mm[:ss] yyyy", with a zone
// (numeric or a name) before or after the year. A name RFC 5322 §4.3 gives
// an offset is read with it; any other ("CET") leaves the time as UTC.
std::optional<FromLine> parse_date_words(std::span<const std::string_view> words) {
  if (words.size() != 5 && words.size() != 6) return std::nullopt;
  if (!day_of_week_from_name(words[0])) return std::nullopt;
  const auto month = month_from_name(words[1]);
  const auto day = number(words[2], 1, 2);
  const auto time = time_of_day(words[3]);
  if (!month || !day || !time) return std::nullopt;
  std::string_view year_word = words[4];
  std::string_view zone_word;
  if (words.size() == 6) {
    if (number(words[4], 4, 4)) {
      zone_word = words[5];
    } else {
      zone_word = words[4];
      year_word = words[5];
    }
  }
  const auto year = number(year_word, 4, 4);
  if (!year) return std::nullopt;
  int offset_minutes = 0;
  if (!zone_word.empty()) {
    if (auto numeric = numeric_zone(zone_word)) {
      offset_minutes = *numeric;
    } else if (auto named = named_zone_offset(zone_word)) {
      offset_minutes = *named;
    } else if (!is_zone_name(zone_word)) {
      return std::nullopt;
    }
  }
  const auto instant = instant_of({*year, *month, *day, time->hour, time->minute, time->second, offset_minutes});
  if (!instant) return std::nullopt;
  FromLine parsed;
  parsed.date = *instant;
  parsed.offset_minutes = offset_minutes;
  return parsed;
}

std::string_view without_line_end(std::string_view line) {
  if (line.ends_with('\n')) line.remove_suffix(1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// ">From ", ">>From ": a body line an mboxrd writer quoted.
bool is_quoted_from(std::string_view line) {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos && line.substr(quotes).starts_with(kFromPrefix);
}

// The blank line before the next From_ line (or the end) is the file's, not the message's.
void drop_framing_blank_line(std::string& bytes) {
  if (bytes.ends_with("\r\n\r\n")) {
    bytes.resize(bytes.size() - 2);
  } else if (bytes.ends_with("\n\n")) {
    bytes.resize(bytes.size() - 1);
  }
}

}  // namespace

std::optional<FromLine> parse_from_line(std::string_view rest) {
  const auto words = split_on_spaces(rest);
  // The date is the last five or six words; what comes before is the sender
  // (one word as writers produce it, none from some broken ones).
  for (const std::size_t date_words : {std::size_t{6}, std::size_t{5}}) {
    if (words.size() < date_words) continue;
    const std::size_t sender_words = words.size() - date_words;
    if (sender_words > 1) continue;
    auto parsed = parse_date_words(std::span(words).subspan(sender_words));
    if (!parsed) continue;
    if (sender_words == 1) parsed->envelope_sender = std::string(words.front());
    return parsed;
  }
  return std::nullopt;
}

Result<std::vector<MboxMessage>> parse_mbox(std::string_view file) {
  std::vector<MboxMessage> messages;
  std::size_t at = 0;
  std::size_t line_number = 1;
  while (at < file.size()) {
    const std::size_t newline = file.find('\n', at);
    const std::size_t next = newline == std::string_view::npos ? file.size() : newline + 1;
    const std::string_view line = file.substr(at, next - at);
    const std::string_view text = without_line_end(line);
    std::optional<FromLine> from;
    if (text.starts_with(kFromPrefix)) from = parse_from_line(text.substr(kFromPrefix.size()));
    if (from) {
      if (!messages.empty()) drop_framing_blank_line(messages.back().bytes);
      MboxMessage message;
      message.envelope_sender = std::move(from->envelope_sender);
      message.delivered = from->date;
      message.delivered_offset_minutes = from->offset_minutes;
      message.line = line_number;
      messages.push_back(std::move(message));
    } else if (messages.empty()) {
      return ParseError{0, "a From_ line (\"From sender Www Mmm dd hh:mm:ss yyyy\", RFC 4155) to start the file"};
    } else if (is_quoted_from(line)) {
      messages.back().bytes.append(line.substr(1));
    } else {
      messages.back().bytes.append(line);
    }
    at = next;
    ++line_number;
  }
  if (!messages.empty()) drop_framing_blank_line(messages.back().bytes);
  return messages;
}

std::vector<std::string> mbox_status_flags(std::string_view message) {
  const auto header = parse_header_section(message);
  if (!header) return {};
  std::vector<std::string> flags;
  struct Mark {
    std::string_view field;
    char letter;
    std::string_view flag;
  };
  static constexpr std::array<Mark, 5> kMarks = {{{"Status", 'R', "\\Seen"},
                                                  {"X-Status", 'A', "\\Answered"},
                                                  {"X-Status", 'F', "\\Flagged"},
                                                  {"X-Status", 'T', "\\Draft"},
                                                  {"X-Status", 'D', "\\Deleted"}}};
  for (const auto& mark : kMarks) {
    const auto* field = header->find(mark.field);
    if (field != nullptr && field->unfolded().find(mark.letter) != std::string::npos) {
      flags.emplace_back(mark.flag);
    }
  }
  return flags;
}

}  // namespace conformance::codec::mime
