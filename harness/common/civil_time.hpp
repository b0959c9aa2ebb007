// Calendar fields to an instant of system_clock, checked. Mail dates come from
// peers and files (IMAP APPEND, mbox From_ lines, config files) and may say
// any year up to 9999, while system_clock counts nanoseconds in 64 bits
// (libstdc++), which ends in 2262: converting such a date unchecked is a
// signed overflow.
#pragma once

#include <chrono>

#include "harness/common/expected.hpp"

namespace conformance {

struct CivilTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31, valid for the month
  int hour = 0;
  int minute = 0;
  int second = 0;          // 60, a leap second, counts as 59
  int offset_minutes = 0;  // of the zone the fields are in, east of UTC
};

enum class CivilTimeError {
  not_a_date,    // 31 February, hour 24, a zone of a day or more ...
  out_of_range,  // a real date, but before 1678 or after 2261: system_clock cannot hold it
};

inline Expected<std::chrono::system_clock::time_point, CivilTimeError> instant_of(const CivilTime& civil) {
  using namespace std::chrono;
  if (civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > 31 || civil.hour < 0 || civil.hour > 23 ||
      civil.minute < 0 || civil.minute > 59 || civil.second < 0 || civil.second > 60 ||
      civil.offset_minutes <= -24 * 60 || civil.offset_minutes >= 24 * 60) {
    return CivilTimeError::not_a_date;
  }
  if (civil.year < -30000 || civil.year > 30000) return CivilTimeError::out_of_range;
  const year_month_day date{year{civil.year}, month{static_cast<unsigned>(civil.month)},
                            day{static_cast<unsigned>(civil.day)}};
  if (!date.ok()) return CivilTimeError::not_a_date;
  const sys_seconds instant = sys_days{date} + hours{civil.hour} + minutes{civil.minute} +
                              seconds{civil.second == 60 ? 59 : civil.second} - minutes{civil.offset_minutes};
  const auto earliest = duration_cast<seconds>(system_clock::duration::min());
  const auto latest = duration_cast<seconds>(system_clock::duration::max());
  if (instant.time_since_epoch() < earliest || instant.time_since_epoch() > latest) return CivilTimeError::out_of_range;
  return time_point_cast<system_clock::duration>(instant);
}

}  // namespace conformance
