#include "fakes/common/malformed_reply.hpp"

#include <charconv>
#include <cstdint>

namespace conformance::fakes {
namespace {

std::string with_bare_lf(const std::string& reply) {
  std::string out;
  out.reserve(reply.size());
  for (std::size_t i = 0; i < reply.size(); ++i) {
    if (reply[i] == '\r' && i + 1 < reply.size() && reply[i + 1] == '\n') continue;
    out += reply[i];
  }
  return out;
}

// Where the first line's text ends (before CR LF, LF, or the end).
std::size_t first_line_end(const std::string& reply) {
  const std::size_t lf = reply.find('\n');
  if (lf == std::string::npos) return reply.size();
  return lf > 0 && reply[lf - 1] == '\r' ? lf - 1 : lf;
}

std::string with_overlong_first_line(const std::string& original, std::size_t length) {
  std::string reply = original;
  const std::size_t end = first_line_end(reply);
  if (end >= length) return reply;
  std::string padding = " ";  // end < length, so at least this one byte
  padding.append(length - end - 1, 'x');
  reply.insert(end, padding);
  return reply;
}

std::string without_last_line(std::string reply) {
  // The last line is what follows the line end before the final one.
  std::size_t body_end = reply.size();
  if (reply.ends_with('\n')) --body_end;
  const std::size_t previous = body_end == 0 ? std::string::npos : reply.rfind('\n', body_end - 1);
  if (previous == std::string::npos) return std::string();
  reply.resize(previous + 1);
  return reply;
}

std::string with_wrong_literal_length(const std::string& original) {
  std::string reply = original;
  for (std::size_t open = reply.find('{'); open != std::string::npos; open = reply.find('{', open + 1)) {
    std::size_t digits_end = open + 1;
    while (digits_end < reply.size() && reply[digits_end] >= '0' && reply[digits_end] <= '9') ++digits_end;
    if (digits_end == open + 1 || digits_end >= reply.size()) continue;
    std::size_t close = digits_end;
    if (reply[close] == '+') ++close;
    if (close >= reply.size() || reply[close] != '}') continue;
    std::uint64_t announced = 0;
    auto [ptr, ec] = std::from_chars(reply.data() + open + 1, reply.data() + digits_end, announced);
    if (ec != std::errc() || ptr != reply.data() + digits_end) continue;
    reply.replace(open + 1, digits_end - open - 1, std::to_string(announced + 1));
    return reply;
  }
  return reply;
}

}  // namespace

std::string malform_reply(std::string reply, const FaultAction& action) {
  switch (action.malformation) {
    case Malformation::none:
      return reply;
    case Malformation::bare_lf:
      return with_bare_lf(reply);
    case Malformation::overlong_line:
      return with_overlong_first_line(reply, action.overlong_length);
    case Malformation::no_last_line:
      return without_last_line(std::move(reply));
    case Malformation::wrong_literal_length:
      return with_wrong_literal_length(reply);
  }
  return reply;
}

}  // namespace conformance::fakes
