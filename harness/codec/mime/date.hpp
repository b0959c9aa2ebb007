// The date-time of the Date and Resent-Date fields (RFC 5322 §3.3), with the
// obsolete forms of §4.3: comments anywhere, two- and three-digit years,
// alphabetic zones.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/limits.hpp"

namespace conformance::codec::mime {

struct DateTime {
  std::optional<int> day_of_week;  // 0 = Monday ... 6 = Sunday, when written
  int day = 1;                     // 1..31, valid for the month
  int month = 1;                   // 1..12
  int year = 1970;                 // four digits or more; obsolete short years already widened
  int hour = 0;                    // 0..23
  int minute = 0;                  // 0..59
  std::optional<int> second;       // 0..60 (a leap second), when written
  int zone_minutes = 0;            // offset from UTC, east positive: "-0330" is -210
  // "-0000": the time is local and the zone unknown (§3.3). Obsolete
  // military and unknown alphabetic zones mean the same (§4.3).
  bool zone_unknown = false;

  // The day of the week the date falls on (0 = Monday), which a written
  // day-of-week must match (§3.3); a parser does not enforce it, a check can.
  int implied_day_of_week() const;

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// date-time = [ day-of-week "," ] date time [CFWS]; years 1900 and later.
Result<DateTime> parse_date_time(std::string_view value, const FieldLimits& limits = {});

// "Jan" ... "Dec" in any case as 1 ... 12, and "Mon" ... "Sun" as 0 ... 6
// (DateTime::day_of_week); the names RFC 5322 §3.3 and ctime(3) share.
std::optional<int> month_from_name(std::string_view name);
std::optional<int> day_of_week_from_name(std::string_view name);
// The obsolete zone names of RFC 5322 §4.3 with a known offset ("UT", "GMT",
// "EST" ... "PDT"), in minutes east of UTC.
std::optional<int> named_zone_offset(std::string_view name);

// "Fri, 21 Nov 1997 09:55:06 -0600": the current syntax, no comment.
std::string serialize_date_time(const DateTime& date);

}  // namespace conformance::codec::mime
