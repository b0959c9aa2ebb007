// IMAP dates: date-time (INTERNALDATE, APPEND; RFC 9051 §9) and date
// (SEARCH SINCE/BEFORE/ON ...). Kept as fields, not converted to a clock
// value: a conformance check compares what was sent.
#pragma once

#include <string>

#include "harness/codec/imap/reader.hpp"
#include "harness/codec/imap/writer.hpp"

namespace conformance::codec::imap {

struct Date {
  int day = 1;    // 1..31
  int month = 1;  // 1..12
  int year = 1970;
  friend bool operator==(const Date&, const Date&) = default;
};

struct DateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int zone_minutes = 0;  // east of UTC; "+0130" is 90, "-0800" is -480
  bool day_space_padded = false;  // " 7-Jul-..." (date-day-fixed) rather than "07-Jul-..."
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
DateTime read_date_time(Reader& reader);
void write_date_time(Writer& writer, const DateTime& value);

// date = date-text / DQUOTE date-text DQUOTE; date-text = date-day "-" date-month "-" date-year
Date read_date(Reader& reader);
void write_date(Writer& writer, const Date& value);

const char* month_name(int month);  // "Jan".."Dec"

}  // namespace conformance::codec::imap
