#include "harness/codec/imap/date_time.hpp"

#include <cstdio>

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int read_fixed_digits(Reader& reader, int count, const char* what) {
  int value = 0;
  for (int i = 0; i < count; ++i) {
    if (!is_digit(static_cast<unsigned char>(reader.peek()))) {
      reader.fail(what);
      return 0;
    }
    value = value * 10 + (reader.peek() - '0');
    reader.try_consume(reader.peek());
  }
  return value;
}

int read_month(Reader& reader) {
  for (int m = 0; m < 12; ++m)
    if (reader.try_prefix(kMonths[m])) return m + 1;
  reader.fail("month name (Jan..Dec)");
  return 0;
}

void check_range(Reader& reader, std::size_t at, int value, int low, int high, const char* what) {
  if (reader.ok() && (value < low || value > high)) reader.fail_at(at, what);
}

}  // namespace

const char* month_name(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : "???"; }

DateTime read_date_time(Reader& reader) {
  DateTime value;
  reader.expect('"');
  const std::size_t day_at = reader.offset();
  if (reader.try_consume(' ')) {
    value.day_space_padded = true;
    value.date.day = read_fixed_digits(reader, 1, "day digit");
  } else {
    value.date.day = read_fixed_digits(reader, 2, "two-digit day");
  }
  check_range(reader, day_at, value.date.day, 1, 31, "day 1..31");
  reader.expect('-');
  value.date.month = read_month(reader);
  reader.expect('-');
  value.date.year = read_fixed_digits(reader, 4, "four-digit year");
  reader.sp();
  const std::size_t time_at = reader.offset();
  value.hour = read_fixed_digits(reader, 2, "two-digit hour");
  reader.expect(':');
  value.minute = read_fixed_digits(reader, 2, "two-digit minute");
  reader.expect(':');
  value.second = read_fixed_digits(reader, 2, "two-digit second");
  check_range(reader, time_at, value.hour, 0, 23, "hour 00..23");
  check_range(reader, time_at, value.minute, 0, 59, "minute 00..59");
  check_range(reader, time_at, value.second, 0, 60, "second 00..60");
  reader.sp();
  int sign = 0;
  if (reader.try_consume('+'))
    sign = 1;
  else if (reader.try_consume('-'))
    sign = -1;
  else
    reader.fail("'+' or '-' of the zone");
  const std::size_t zone_at = reader.offset();
  const int zone = read_fixed_digits(reader, 4, "four-digit zone");
  // zone = ("+" / "-") 4DIGIT, hours then minutes: "+0099" has no meaning,
  // and could not be written back as read.
  check_range(reader, zone_at, zone % 100, 0, 59, "zone minutes 00..59");
  value.zone_minutes = sign * ((zone / 100) * 60 + zone % 100);
  reader.expect('"');
  return value;
}

void write_date_time(Writer& writer, const DateTime& value) {
  char buffer[48];
  const int zone = value.zone_minutes < 0 ? -value.zone_minutes : value.zone_minutes;
  std::snprintf(buffer, sizeof buffer, value.day_space_padded ? "\"%2d-%s-%04d %02d:%02d:%02d %c%02d%02d\""
                                                              : "\"%02d-%s-%04d %02d:%02d:%02d %c%02d%02d\"",
                value.date.day % 100, month_name(value.date.month), value.date.year % 10000, value.hour % 100,
                value.minute % 100, value.second % 100, value.zone_minutes < 0 ? '-' : '+', (zone / 60) % 100,
                zone % 60);
  writer.raw(buffer);
}

Date read_date(Reader& reader) {
  Date value;
  const bool quoted = reader.try_consume('"');
  const std::size_t day_at = reader.offset();
  value.day = read_fixed_digits(reader, 1, "day");
  if (is_digit(static_cast<unsigned char>(reader.peek()))) value.day = value.day * 10 + read_fixed_digits(reader, 1, "day");
  check_range(reader, day_at, value.day, 1, 31, "day 1..31");
  reader.expect('-');
  value.month = read_month(reader);
  reader.expect('-');
  value.year = read_fixed_digits(reader, 4, "four-digit year");
  if (quoted) reader.expect('"');
  return value;
}

void write_date(Writer& writer, const Date& value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%d-%s-%04d", value.day % 100, month_name(value.month), value.year % 10000);
  writer.raw(buffer);
}

}  // namespace conformance::codec::imap
