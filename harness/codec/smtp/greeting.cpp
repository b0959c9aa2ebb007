#include "harness/codec/smtp/greeting.hpp"

#include "harness/codec/smtp/address.hpp"

namespace conformance::codec::smtp {

Result<Greeting> parse_greeting(const Reply& reply) {
  if (reply.code != reply_code::service_ready) return ParseError{0, "reply code 220 (a greeting)"};
  if (reply.lines.empty() || reply.lines.front().empty()) return ParseError{4, "the server's domain or address literal"};
  const std::string_view first = reply.lines.front();
  const std::size_t space = first.find(' ');
  const std::string_view domain = first.substr(0, space);
  auto host = parse_host(domain);
  if (!host) return ParseError{4 + host.error().offset, host.error().expected};
  Greeting greeting;
  greeting.domain = std::string(domain);
  if (space != std::string_view::npos) greeting.text = std::string(first.substr(space + 1));
  greeting.more.assign(reply.lines.begin() + 1, reply.lines.end());
  return greeting;
}

Reply to_reply(const Greeting& greeting) {
  Reply reply;
  reply.code = reply_code::service_ready;
  reply.lines.push_back(greeting.text.empty() ? greeting.domain : greeting.domain + " " + greeting.text);
  reply.lines.insert(reply.lines.end(), greeting.more.begin(), greeting.more.end());
  return reply;
}

}  // namespace conformance::codec::smtp
