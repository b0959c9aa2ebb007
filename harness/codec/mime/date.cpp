#include "harness/codec/mime/date.hpp"

#include <array>

#include "harness/codec/mime/ascii.hpp"
#include "harness/codec/mime/lexer.hpp"

namespace conformance::codec::mime {

namespace {

constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kLengths[static_cast<std::size_t>(month - 1)];
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<int> named_zone_offset(std::string_view name) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 10> kZones = {{{"UT", 0},
                                                   {"GMT", 0},
                                                   {"EST", -5 * 60},
                                                   {"EDT", -4 * 60},
                                                   {"CST", -6 * 60},
                                                   {"CDT", -5 * 60},
                                                   {"MST", -7 * 60},
                                                   {"MDT", -6 * 60},
                                                   {"PST", -8 * 60},
                                                   {"PDT", -7 * 60}}};
  for (const auto& zone : kZones)
    if (iequals(zone.name, name)) return zone.minutes;
  return std::nullopt;
}

std::optional<int> month_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (iequals(kMonths[i], name)) return static_cast<int>(i) + 1;
  return std::nullopt;
}

std::optional<int> day_of_week_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kDays.size(); ++i)
    if (iequals(kDays[i], name)) return static_cast<int>(i);
  return std::nullopt;
}

int DateTime::implied_day_of_week() const {
  // Zeller-like count of days since a known Monday (Sakamoto's method).
  static constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 1 || month > 12) return 0;
  int y = year - (month < 3 ? 1 : 0);
  const int sunday_based = (y + y / 4 - y / 100 + y / 400 + kOffsets[static_cast<std::size_t>(month - 1)] + day) % 7;
  return (sunday_based + 6) % 7;  // 0 = Monday
}

Result<DateTime> parse_date_time(std::string_view value, const FieldLimits& limits) {
  Lexer lx(value, limits.max_comment_depth);
  DateTime date;
  auto cfws = [&] { return lx.skip_cfws(); };

  if (!cfws()) return lx.error();
  if (!lx.at_end() && is_alpha(lx.current())) {
    const std::size_t at = lx.pos();
    const std::string_view name = lx.letters();
    date.day_of_week = day_of_week_from_name(name);
    if (!date.day_of_week) return ParseError{at, "day of week (Mon ... Sun)"};
    if (!cfws()) return lx.error();
    if (!lx.consume(',')) return ParseError{lx.pos(), "',' after day of week"};
    if (!cfws()) return lx.error();
  }

  const std::size_t day_at = lx.pos();
  const std::string_view day = lx.digits(2);
  if (day.empty()) return ParseError{lx.pos(), "day (1 or 2 digits)"};
  date.day = to_int(day);
  if (!cfws()) return lx.error();

  const std::size_t month_at = lx.pos();
  const std::string_view month = lx.letters();
  const auto month_number = month_from_name(month);
  if (!month_number) return ParseError{month_at, "month (Jan ... Dec)"};
  date.month = *month_number;
  if (!cfws()) return lx.error();

  const std::size_t year_at = lx.pos();
  const std::string_view year = lx.digits(9);
  if (year.size() < 2 || (!lx.at_end() && is_digit(lx.current()))) return ParseError{year_at, "year"};
  date.year = to_int(year);
  // Obsolete years (§4.3): two digits are 1950-2049, three are added to 1900.
  if (year.size() == 2) date.year += date.year < 50 ? 2000 : 1900;
  else if (year.size() == 3) date.year += 1900;
  if (date.year < 1900) return ParseError{year_at, "year 1900 or later"};
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return ParseError{day_at, "day within the month"};
  if (!cfws()) return lx.error();

  auto two_digits = [&](int& out, int max, const char* what) -> bool {
    const std::size_t at = lx.pos();
    const std::string_view digits = lx.digits(2);
    if (digits.size() != 2 || to_int(digits) > max) return lx.fail_at(at, what);
    out = to_int(digits);
    return true;
  };
  if (!two_digits(date.hour, 23, "hour (00-23)")) return lx.error();
  if (!cfws()) return lx.error();
  if (!lx.consume(':')) return ParseError{lx.pos(), "':' after hour"};
  if (!cfws()) return lx.error();
  if (!two_digits(date.minute, 59, "minute (00-59)")) return lx.error();
  if (!cfws()) return lx.error();
  if (lx.consume(':')) {
    if (!cfws()) return lx.error();
    int second = 0;
    if (!two_digits(second, 60, "second (00-60)")) return lx.error();
    date.second = second;
    if (!cfws()) return lx.error();
  }

  const std::size_t zone_at = lx.pos();
  if (lx.peek('+') || lx.peek('-')) {
    const bool negative = lx.current() == '-';
    lx.set_pos(lx.pos() + 1);
    const std::string_view digits = lx.digits(4);
    if (digits.size() != 4 || (!lx.at_end() && is_digit(lx.current())))
      return ParseError{zone_at, "zone (+hhmm or -hhmm)"};
    const int hours = to_int(digits.substr(0, 2));
    const int minutes = to_int(digits.substr(2, 2));
    if (minutes > 59) return ParseError{zone_at + 3, "zone minutes (00-59)"};
    date.zone_minutes = (negative ? -1 : 1) * (hours * 60 + minutes);
    date.zone_unknown = negative && date.zone_minutes == 0;
  } else {
    const std::string_view name = lx.letters();
    if (name.empty() || name.size() > 5) return ParseError{zone_at, "zone"};
    if (const auto minutes = named_zone_offset(name)) {
      date.zone_minutes = *minutes;
    } else {
      // Military zones and other names carry no reliable meaning: "-0000" (§4.3).
      date.zone_minutes = 0;
      date.zone_unknown = true;
    }
  }
  if (!cfws()) return lx.error();
  if (!lx.at_end()) return ParseError{lx.pos(), "end of date-time"};
  return date;
}

std::string serialize_date_time(const DateTime& date) {
  std::string out;
  auto two = [&](int value) {
    out += static_cast<char>('0' + (value / 10) % 10);
    out += static_cast<char>('0' + value % 10);
  };
  if (date.day_of_week && *date.day_of_week >= 0 && *date.day_of_week < 7) {
    out += kDays[static_cast<std::size_t>(*date.day_of_week)];
    out += ", ";
  }
  out += std::to_string(date.day);
  out += ' ';
  out += date.month >= 1 && date.month <= 12 ? kMonths[static_cast<std::size_t>(date.month - 1)] : "Jan";
  out += ' ';
  std::string year = std::to_string(date.year);
  if (year.size() < 4) year.insert(0, 4 - year.size(), '0');
  out += year;
  out += ' ';
  two(date.hour);
  out += ':';
  two(date.minute);
  if (date.second) {
    out += ':';
    two(*date.second);
  }
  out += ' ';
  const int zone = date.zone_minutes;
  out += (zone < 0 || (zone == 0 && date.zone_unknown)) ? '-' : '+';
  const int magnitude = zone < 0 ? -zone : zone;
  two(magnitude / 60);
  two(magnitude % 60);
  return out;
}

}  // namespace conformance::codec::mime
